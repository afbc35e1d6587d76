#pragma once

// What the desktop console works on: the open workspace, its secret store, its execution history and
// the server that serves it. Pages read the workspace from here and change it only through edit(),
// which saves workspace.json atomically before anything is shown as changed, and hands the new
// workspace to the server at once. A change made by another program (the command line, an editor)
// is read again and announced.

#include "ServerController.h"
#include "store/HistoryStore.h"
#include "store/SecretStore.h"
#include "store/Workspace.h"
#include "store/WorkspaceWatcher.h"

#include <QObject>
#include <functional>
#include <memory>

namespace wf::ui {

class ConsoleSession final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleSession)

public:
    // What an edit changes, so that only the views concerned refresh.
    enum class Change { Flows, Apps, Settings };

    // `secrets` must outlive the session. History (history.db of the workspace) is opened here, for
    // the history view; a history that cannot be opened is reported through problem().
    ConsoleSession(Workspace workspace, SecretStore &secrets, QObject *parent = nullptr);
    ~ConsoleSession() override;

    const Workspace &workspace() const { return m_workspace; }
    SecretStore &secrets() { return m_secrets; }
    HistoryStore &history() { return m_history; }
    ServerController &server() { return *m_server; }

    // Applies `edit` to a copy of the workspace and saves the copy. Only when both succeed does the
    // copy become the workspace, the server serve it, and the change signal go out. On failure
    // nothing changed and the error is returned (for the caller to show where the user acted).
    Result<bool> edit(Change what, const std::function<Result<bool>(Workspace &)> &edit);

    // Starts the server on the workspace's settings; `port` overrides the port (0: any free port).
    void startServer(std::optional<quint16> port = std::nullopt);
    // Serves the workspace's current settings from a new start, for the settings a running server
    // cannot take on (host, port, certificate, body limit): a listening (or starting) server is
    // stopped and started again once stopped, a failed one is started; a stopped one stays stopped.
    // `port` overrides the port as in startServer(); without it, the port of the last start is kept.
    void restartServer(std::optional<quint16> port = std::nullopt);

signals:
    void flowsChanged();
    void appsChanged();
    void settingsChanged();
    // workspace.json was changed by another program and is now the workspace (every view refreshes).
    void workspaceReloaded();
    void problem(const QString &message);

private:
    void adopt(const Workspace &workspace);

    Workspace m_workspace;
    SecretStore &m_secrets;
    HistoryStore m_history;
    std::unique_ptr<ServerController> m_server;
    std::unique_ptr<WorkspaceWatcher> m_watcher;
    QByteArray m_saved; // what this session last wrote (or read), to tell others' changes from ours
    std::optional<quint16> m_port; // the port override of the last start
    bool m_restartPending = false;
};

} // namespace wf::ui
