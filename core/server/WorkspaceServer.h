#pragma once

// A workspace served over HTTP: the history store (pruned at start and every hour), the invoke
// service, the authorization server with the workspace's signing key, their routes on one
// HttpServer, and workspace.json read again when another process changes it. What `wfconsole serve`
// runs, and what the desktop app runs behind its status bar.

#include "auth/AuthorizationServer.h"
#include "endpoint/InvokeService.h"
#include "endpoint/OAuthService.h"
#include "server/HttpServer.h"
#include "store/HistoryLedger.h"
#include "store/HistoryStore.h"
#include "store/SecretStore.h"
#include "store/Workspace.h"
#include "store/WorkspaceWatcher.h"

#include <QObject>
#include <QTimer>
#include <memory>
#include <optional>

namespace wf::server {

// What the command line (or the user) says over workspace.json, also when it is read again.
struct ServeOverrides {
    std::optional<QString> host;
    std::optional<quint16> port;          // 0: any free port
    std::optional<QSslConfiguration> tls; // HTTPS; the base URL becomes https://
    // A postgresql:// URL (DatabaseUrl): history, paused executions, the jti replay cache and the
    // rate limits live in that database, shared with every server started on it, instead of the
    // workspace's history.db and memory.
    std::optional<QString> database;
};

// The certificate chain and private key for HTTPS from PEM files (an unencrypted RSA or EC key), with
// a sentence for each way they can be wrong. For --tls-cert/--tls-key, the workspace's settings and
// the settings dialog alike.
Result<QSslConfiguration> loadTlsConfiguration(const QString &certificatePath, const QString &keyPath);

class WorkspaceServer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceServer)

public:
    // `secrets` holds the signing key and must outlive this object.
    WorkspaceServer(Workspace workspace, SecretStore &secrets, QObject *parent = nullptr);
    ~WorkspaceServer() override;

    // Opens history (the database override, else the workspace's history.db), makes the signing key on first
    // use (saving the workspace then), registers the routes and listens; HTTPS with the TLS override, else
    // with the settings' certificate if any. The error says what failed ("port 8787 is in use ...", "cannot
    // read cert.pem ...").
    Result<bool> start(const ServeOverrides &overrides = {});
    // Stops listening and closes history, after the requests in flight are answered and recorded.
    void stop();
    bool isListening() const;

    // The workspace as served (overrides applied; the port is the one listened on).
    const Workspace &workspace() const { return m_workspace; }
    QString baseUrl() const { return m_workspace.settings().baseUrl(); }
    // Serves `workspace` from now on (the routes and limits stay as they were at start).
    Result<bool> apply(Workspace workspace);

    InvokeService *invokeService() { return m_service.get(); }
    HistoryStore &history() { return m_history; }

signals:
    // Every request answered, for the request log (never the query: it may hold a client token).
    void requestFinished(const QByteArray &method, const QByteArray &path, int status, qint64 durationMs,
                         const QByteArray &executionId);
    // workspace.json changed and is now served.
    void workspaceReloaded();
    // Something went wrong while serving (workspace.json with problems, pruning failed); the server
    // goes on with what it had.
    void problem(const QString &message);

private:
    void applyOverrides(Workspace &workspace) const;
    void shareWithOtherServers();
    void prune();

    Workspace m_workspace;
    SecretStore &m_secrets;
    ServeOverrides m_overrides;
    HistoryStore m_history;
    std::unique_ptr<HistoryLedger> m_ledger;
    std::unique_ptr<InvokeService> m_service;
    std::unique_ptr<auth::AuthorizationServer> m_authorizationServer;
    std::unique_ptr<OAuthService> m_oauth;
    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<WorkspaceWatcher> m_watcher;
    QTimer m_pruneTimer;
};

} // namespace wf::server
