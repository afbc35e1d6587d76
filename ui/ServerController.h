#pragma once

// The desktop app's HTTP server: a WorkspaceServer in a thread of its own, so that opening history,
// reading the signing key from the keychain and binding the port never wait on the UI thread. The
// controller lives on the UI thread; everything it says comes back there as signals.

#include "server/WorkspaceServer.h"

#include <QObject>
#include <QThread>
#include <functional>
#include <memory>

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

signals:
    void stateChanged(wf::ui::ServerController::State state);
    void requestFinished(const QString &method, const QString &path, int status, qint64 durationMs,
                         const QString &executionId);
    void problem(const QString &message);

private:
    void setState(State state);

    SecretStore &m_secrets;
    QThread m_thread;
    QObject *m_host = nullptr; // lives in m_thread; the server's lambdas run in its context
    std::unique_ptr<server::WorkspaceServer> m_server; // touched in m_thread only
    State m_state = State::Stopped;
    QString m_baseUrl;
    QString m_error;
};

} // namespace wf::ui
