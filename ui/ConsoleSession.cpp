#include "ConsoleSession.h"

#include <QDir>

namespace wf::ui {

ConsoleSession::ConsoleSession(Workspace workspace, SecretStore &secrets, QObject *parent)
    : QObject(parent), m_workspace(std::move(workspace)), m_secrets(secrets),
      m_server(std::make_unique<ServerController>(secrets)), m_saved(m_workspace.toJson())
{
    connect(m_server.get(), &ServerController::problem, this, &ConsoleSession::problem);
    // A restart goes on once the server reached the state asked for; queued, so that the views
    // connected to stateChanged see each state in order.
    connect(
        m_server.get(), &ServerController::stateChanged, this,
        [this](ServerController::State state) {
            if (!m_restartPending)
                return;
            if (state == ServerController::State::Listening) {
                m_server->stop();
            } else if (state == ServerController::State::Stopped) {
                m_restartPending = false;
                startServer(m_port);
            } else if (state == ServerController::State::Failed) {
                m_restartPending = false;
            }
        },
        Qt::QueuedConnection);
    const QString historyPath = QDir(m_workspace.dir()).filePath(QStringLiteral("history.db"));
    if (auto opened = m_history.open(historyPath); !opened) {
        // Reported once the window listens; the server reports its own failure to open it too.
        QMetaObject::invokeMethod(
            this, [this, message = opened.error().message] { emit problem(message); }, Qt::QueuedConnection);
    }
    m_watcher = std::make_unique<WorkspaceWatcher>(m_workspace.dir());
    connect(m_watcher.get(), &WorkspaceWatcher::reloaded, this, [this](const Workspace &changed) {
        const QByteArray bytes = changed.toJson();
        if (bytes == m_saved) // our own save, or a rewrite with the same content
            return;
        m_saved = bytes;
        adopt(changed);
        emit workspaceReloaded();
    });
    connect(m_watcher.get(), &WorkspaceWatcher::failed, this, [this](const QString &message) {
        emit problem(tr("workspace.json was changed by another program and has problems; the console "
                        "keeps the version it had: %1")
                         .arg(message));
    });
}

ConsoleSession::~ConsoleSession()
{
    m_server.reset(); // answers and records the requests in flight before history closes
    m_history.close();
}

Result<bool> ConsoleSession::edit(Change what, const std::function<Result<bool>(Workspace &)> &edit)
{
    Workspace changed = m_workspace;
    if (auto done = edit(changed); !done)
        return done.error();
    if (auto saved = changed.save(); !saved)
        return saved.error();
    m_saved = changed.toJson();
    adopt(changed);
    switch (what) {
    case Change::Flows:
        emit flowsChanged();
        break;
    case Change::Apps:
        emit appsChanged();
        break;
    case Change::Settings:
        emit settingsChanged();
        break;
    }
    return true;
}

void ConsoleSession::adopt(const Workspace &workspace)
{
    m_workspace = workspace;
    m_server->apply(m_workspace);
}

void ConsoleSession::startServer(std::optional<quint16> port)
{
    m_port = port;
    server::ServeOverrides overrides;
    overrides.port = port;
    m_server->start(m_workspace, overrides);
}

void ConsoleSession::restartServer(std::optional<quint16> port)
{
    if (port)
        m_port = port;
    switch (m_server->state()) {
    case ServerController::State::Stopped:
    case ServerController::State::Stopping: // stopped by the user: it starts on the new settings later
        break;
    case ServerController::State::Failed:
        startServer(m_port);
        break;
    case ServerController::State::Starting: // stopped once listening, then started again
        m_restartPending = true;
        break;
    case ServerController::State::Listening:
        m_restartPending = true;
        m_server->stop();
        break;
    }
}

} // namespace wf::ui
