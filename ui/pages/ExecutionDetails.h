#pragma once

// The detail pane of the execution history: one execution's summary (id with copy, flow, kind,
// status, start, duration, caller, error, the execution it retries), its request, its response and
// its card-by-card trace with the failing card marked and selected. Its Resume, Retry and Cancel
// buttons are enabled for the executions they apply to while the server runs, and say why not
// otherwise; what they do is the history page's business.

#include "store/ExecutionRecord.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableWidget;
class QToolButton;
class QTreeView;

namespace wf::ui {

class ConsoleSession;
class JsonView;
class TraceModel;

class ExecutionDetails final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExecutionDetails)

public:
    explicit ExecutionDetails(ConsoleSession &session, QWidget *parent = nullptr);
    ~ExecutionDetails() override;

    // Shows `record`. `complete` says whether it holds its headers, bodies and trace (a running
    // execution has none yet).
    void showRecord(const ExecutionRecord &record, bool complete);
    // Shows the "select an execution" placeholder.
    void showNothing();
    // Shows why the execution cannot be shown.
    void showProblem(const QString &message);

    bool hasRecord() const { return !m_record.id.isEmpty(); }
    const ExecutionRecord &record() const { return m_record; }
    bool isComplete() const { return m_complete; }
    TraceModel *traceModel() const { return m_traceModel; }

    // Resume, Retry and Cancel need the server; while `busy` an action is under way.
    void setServerRunning(bool running);
    void setBusy(bool busy);

signals:
    void resumeRequested();
    void retryRequested();
    void cancelRequested();
    // The "retry of" link was clicked.
    void executionLinkActivated(const QString &executionId);

private:
    QWidget *buildHeader();
    QWidget *buildSummary();
    QWidget *buildRequestTab();
    QWidget *buildResponseTab();
    QWidget *buildTraceTab();
    void fillSummary();
    void fillRequest();
    void fillResponse();
    void fillTrace();
    void showTraceSelection();
    void updateActions();

    ConsoleSession &m_session;
    ExecutionRecord m_record;
    bool m_complete = false;
    bool m_serverRunning = false;
    bool m_busy = false;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_title = nullptr;
    QToolButton *m_copyId = nullptr;
    QPushButton *m_resume = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_cancel = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_flow = nullptr;
    QLabel *m_kind = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_started = nullptr;
    QLabel *m_duration = nullptr;
    QLabel *m_caller = nullptr;
    QLabel *m_retryOf = nullptr;
    QLabel *m_error = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_requestLine = nullptr;
    QTableWidget *m_requestHeaders = nullptr;
    QLabel *m_requestNote = nullptr;
    JsonView *m_requestBody = nullptr;
    QLabel *m_responseStatus = nullptr;
    QTableWidget *m_responseHeaders = nullptr;
    QLabel *m_responseNote = nullptr;
    JsonView *m_responseBody = nullptr;
    QLabel *m_traceNote = nullptr;
    QTreeView *m_traceTree = nullptr;
    TraceModel *m_traceModel = nullptr;
    JsonView *m_traceJson = nullptr;
};

} // namespace wf::ui
