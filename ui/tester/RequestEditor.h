#pragma once

// The request half of the request tester: method, URL (a pasted cURL command loads as a request),
// Send/Cancel, and the Params, Headers, Body (none / JSON with validation and formatting / form /
// raw text) and Auth tabs. Edits a tester::RequestDocument.

#include "tester/RequestDocument.h"

#include <QWidget>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;

namespace wf::ui {

class AuthEditor;
class KeyValueTable;

class RequestEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestEditor)

public:
    explicit RequestEditor(QWidget *parent = nullptr);

    tester::RequestDocument document() const;
    void setDocument(const tester::RequestDocument &document);

    AuthEditor *authEditor() const { return m_auth; }
    QLineEdit *urlEdit() const { return m_url; }
    // Shows Send or Cancel.
    void setBusy(bool busy);
    // Loads a cURL command as the request; false (with the reason shown) when it does not parse.
    bool loadCurl(const QString &command);

signals:
    void sendRequested();
    void cancelRequested();
    void changed();
    void message(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildBody();
    void validateBody();
    void formatJson();
    void updateTabTitles();
    void splitQueryFromUrl();

    QComboBox *m_method = nullptr;
    QLineEdit *m_url = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_error = nullptr;
    QTabWidget *m_tabs = nullptr;
    KeyValueTable *m_query = nullptr;
    KeyValueTable *m_headers = nullptr;
    QButtonGroup *m_bodyMode = nullptr;
    QStackedWidget *m_bodyPages = nullptr;
    QPlainTextEdit *m_bodyText = nullptr;
    KeyValueTable *m_form = nullptr;
    QPushButton *m_format = nullptr;
    QLabel *m_bodyProblem = nullptr;
    AuthEditor *m_auth = nullptr;
    QString m_name;
    QString m_flowId;
    bool m_filling = false;
};

} // namespace wf::ui
