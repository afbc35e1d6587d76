#pragma once

// "Test flow" under the canvas: a sample request (method, query, headers and a JSON body, prefilled
// from the event card's declared fields; a helper flow's inputs), a Run button that runs the flow off
// the UI thread, the HTTP answer the Invoke URL would give (status, headers, body) and the trace, one
// row per card with its inputs, outputs, duration and error. A click on a trace row names its card.

#include "editor/TestRun.h"

#include <QHash>
#include <QWidget>
#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeView;

namespace wf::ui {

class JsonView;
class RunTraceModel;

class TestFlowPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestFlowPanel)

public:
    explicit TestFlowPanel(QWidget *parent = nullptr);
    ~TestFlowPanel() override;

    // Fills the request from the flow's declared fields.
    void prepare(const Flow &flow);
    // Runs `flow` with the request shown, in the background; ignored while a run is going on.
    void run(const Flow &flow, const FlowLibrary &library, int timeoutSeconds);
    // Asks the running test to stop at its next card.
    void stop();
    bool isRunning() const { return m_running; }

    RunTraceModel *traceModel() const { return m_traceModel; }
    // The status of the last answer (0 before any).
    int lastStatus() const { return m_lastStatus; }
    // Card id → true when it ran, false when it failed, in the last run.
    QHash<QString, bool> runMarks() const { return m_marks; }

signals:
    // The Run button was pressed: the editor runs the flow it has.
    void runRequested();
    void finished();
    void cardActivated(const QString &cardId);

private:
    QWidget *buildRequest();
    QWidget *buildResponse();
    QWidget *buildTrace();
    testrun::Request request() const;
    void showOutcome(const testrun::Outcome &outcome);
    void showTraceRow(int row);
    void setRunning(bool running);

    QComboBox *m_method = nullptr;
    QLineEdit *m_query = nullptr;
    QPlainTextEdit *m_headers = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QLabel *m_bodyLabel = nullptr;
    QWidget *m_httpOnly = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_responseHeaders = nullptr;
    JsonView *m_responseBody = nullptr;
    QTreeView *m_trace = nullptr;
    RunTraceModel *m_traceModel = nullptr;
    JsonView *m_traceDetails = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_running = false;
    bool m_helper = false;
    int m_lastStatus = 0;
    QHash<QString, bool> m_marks;
};

} // namespace wf::ui
