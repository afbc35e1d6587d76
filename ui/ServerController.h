#pragma once

// The desktop app's HTTP server: a WorkspaceServer in a thread of its own, so that opening history,
// reading the signing key from the keychain and binding the port never wait on the UI thread. The
// controller lives on the UI thread; everything it says comes back there as signals.

#include "server/WorkspaceServer.h"

#include <QObject>
#include <QThread>
#include <QThreadPool>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>

namespace wf::ui {

class ServerController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerController)

public:
    enum class State { Stopped, Starting, Listening, Stopping, Failed };
    Q_ENUM(State)

    // `secrets` holds the signing key and must outlive the controller.
    explicit ServerController(SecretStore &secrets, QObject *parent = nullptr);
    ~ServerController() override; // stops the server (answering the requests in flight) first

    State state() const { return m_state; }
    // The address served while listening ("http://127.0.0.1:8787"), else empty.
    QString baseUrl() const { return m_baseUrl; }
    // Why the last start failed ("port 8787 is in use ..."), empty after a successful start.
    QString errorString() const { return m_error; }

    // Serves `workspace` (its settings, with `overrides` over them). Ignored unless stopped or failed.
    void start(const Workspace &workspace, const server::ServeOverrides &overrides = {});
    void stop();
    // Serves the edited workspace from now on; nothing happens while not listening.
    void apply(const Workspace &workspace);
    // Asks a running execution to stop; `done(true)` comes back on this thread when it was running.
    void cancelExecution(const QString &executionId, std::function<void(bool)> done);

    // What a console resume or retry was answered: the status and body the route would have given
    // and the execution it ran (empty when none was created).
    using ConsoleAnswer = std::function<void(int status, QByteArray body, QString executionId)>;
    // Resume a paused execution with `body` (JSON, may be empty) / retry a failed one as the org's
    // owner, without credentials. The flow runs on a thread of its own (neither this one nor the
    // server's, which keeps answering); stopping the server waits for it. `done` comes back on this
    // thread; while the server is not running it is 503 server_stopped.
    void resumeExecution(const QString &flowId, const QString &executionId, const QByteArray &body,
                         ConsoleAnswer done);
    void retryExecution(const QString &flowId, const QString &executionId, ConsoleAnswer done);
    // The executions running now (none while the server is not running); `done` comes back on this thread.
    void runningExecutions(std::function<void(QList<RunningExecution>)> done);

signals:
    void stateChanged(wf::ui::ServerController::State state);
    void requestFinished(const QString &method, const QString &path, int status, qint64 durationMs,
                         const QString &executionId);
    void problem(const QString &message);
    // A console resume or retry was answered (and, when it created an execution, recorded).
    void consoleExecutionFinished(const QString &executionId, int status);

private:
    void setState(State state);
    void runFromConsole(std::function<HttpAnswer(InvokeService &)> call, ConsoleAnswer done);
    // In m_thread: destroys the server once no console resume or retry uses its invoke service.
    void releaseServer();

    SecretStore &m_secrets;
    QThread m_thread;
    QObject *m_host = nullptr; // lives in m_thread; the server's lambdas run in its context
    std::unique_ptr<server::WorkspaceServer> m_server; // touched in m_thread only
    State m_state = State::Stopped;
    QString m_baseUrl;
    QString m_error;

    std::mutex m_consoleMutex;
    std::condition_variable m_consoleIdle;
    int m_consoleCalls = 0; // guarded by m_consoleMutex; counted in m_thread, so none starts in release
    // Console resumes and retries (a flow may run for a while); destroyed, so waited for, first.
    QThreadPool m_consolePool;
};

} // namespace wf::ui
