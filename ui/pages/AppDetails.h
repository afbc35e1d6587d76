#pragma once

// The page of one app integration: a header with its name (renamed in place), its status (activate
// or deactivate) and Delete, and the tabs "General" (client id, client credentials, keys) and "Okta
// API Scopes". It follows the workspace: every change, here or by another program, is shown, and
// appGone() says when the app no longer exists.

#include "pages/AppDetailsAsker.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QToolButton;

namespace wf::ui {

class AppDetailsGeneralTab;
class AppDetailsScopesTab;
class ConsoleSession;

class AppDetails final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppDetails)

public:
    explicit AppDetails(ConsoleSession &session, QWidget *parent = nullptr);
    ~AppDetails() override;

    // Shows the app with `clientId`; false (and nothing changes) when there is none.
    bool showApp(const QString &clientId);
    QString clientId() const { return m_clientId; }

    // The confirmations of this page; tests give it an answer.
    AppDetailsAsker &asker() { return m_asker; }
    AppDetailsGeneralTab *generalTab() const { return m_general; }
    AppDetailsScopesTab *scopesTab() const { return m_scopes; }
    // The last failure shown in the header, empty when none.
    QString errorText() const;

signals:
    void backRequested();
    // The app shown was deleted (here or by another program).
    void appGone(const QString &clientId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildHeader();
    QWidget *buildName(QWidget *parent);
    void refresh();
    void showError(const QString &message);
    void startRename();
    void finishRename(bool commit);
    void toggleActive();
    void askDelete();

    ConsoleSession &m_session;
    AppDetailsAsker m_asker;
    QString m_clientId;
    QToolButton *m_back = nullptr;
    QStackedWidget *m_nameStack = nullptr;
    QLabel *m_name = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QToolButton *m_rename = nullptr;
    bool m_renaming = false;
    QLabel *m_status = nullptr;
    QPushButton *m_toggleActive = nullptr;
    QPushButton *m_delete = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_error = nullptr;
    QTabWidget *m_tabs = nullptr;
    AppDetailsGeneralTab *m_general = nullptr;
    AppDetailsScopesTab *m_scopes = nullptr;
};

} // namespace wf::ui
