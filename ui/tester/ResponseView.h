#pragma once

// The answer half of the request tester: status with its reason, time (DNS, connect, first byte,
// total, token), size, the body pretty (JSON highlighted, foldable) or raw, the headers, what was
// sent (secrets masked), a button that opens the execution named by X-Execution-Id, a progress
// indicator while waiting and a clear sentence when no answer came.

#include "tester/RequestRunner.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableWidget;
class QToolButton;

namespace wf::ui {

class JsonView;

class ResponseView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResponseView)

public:
    explicit ResponseView(QWidget *parent = nullptr);

    void showWaiting(tester::RequestRunner::Phase phase);
    void showResult(const tester::RunResult &result);
    void clear();

    QString statusText() const;
    QString executionId() const { return m_executionId; }

signals:
    void openExecutionRequested(const QString &executionId);

private:
    void showBody();
    static QString sizeText(qint64 bytes);

    QLabel *m_status = nullptr;
    QLabel *m_time = nullptr;
    QLabel *m_size = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_openExecution = nullptr;
    QLabel *m_problem = nullptr;
    QTabWidget *m_tabs = nullptr;
    QToolButton *m_pretty = nullptr;
    QStackedWidget *m_bodyPages = nullptr;
    JsonView *m_prettyBody = nullptr;
    QPlainTextEdit *m_rawBody = nullptr;
    QTableWidget *m_headers = nullptr;
    QPlainTextEdit *m_sent = nullptr;
    QByteArray m_body;
    QString m_executionId;
};

} // namespace wf::ui
