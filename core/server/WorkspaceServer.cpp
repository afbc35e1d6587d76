#include "server/WorkspaceServer.h"

#include "server/FlowRoutes.h"
#include "server/OAuthRoutes.h"

#include <QDir>

namespace wf::server {

WorkspaceServer::WorkspaceServer(Workspace workspace, SecretStore &secrets, QObject *parent)
    : QObject(parent), m_workspace(std::move(workspace)), m_secrets(secrets)
{
    m_pruneTimer.setInterval(std::chrono::hours(1));
    connect(&m_pruneTimer, &QTimer::timeout, this, &WorkspaceServer::prune);
}

WorkspaceServer::~WorkspaceServer()
{
    stop();
}

void WorkspaceServer::applyOverrides(Workspace &workspace) const
{
    WorkspaceSettings &settings = workspace.settings();
    if (m_overrides.host)
        settings.host = *m_overrides.host;
    if (m_overrides.port)
        settings.port = *m_overrides.port;
    if (m_overrides.tls && settings.publicBaseUrl.isEmpty())
        settings.publicBaseUrl =
            QStringLiteral("https://") + settings.baseUrl().mid(QStringLiteral("http://").size());
}

Result<bool> WorkspaceServer::start(const ServeOverrides &overrides)
{
    if (isListening())
        return true;
    m_overrides = overrides;
    // The access-token signing key: made on first use (workspaces from before OAuth have none).
    const auto signingKeysBefore = m_workspace.signingKeys().size();
    auto signingKey = m_workspace.ensureSigningKey(m_secrets);
    if (!signingKey)
        return signingKey.error();
    if (m_workspace.signingKeys().size() != signingKeysBefore) {
        if (auto saved = m_workspace.save(); !saved)
            return saved.error();
    }
    // Where to listen; the URLs are made again once the port is known (port 0 picks one).
    Workspace initial = m_workspace;
    applyOverrides(initial);
    const WorkspaceSettings &settings = initial.settings();
    const QHostAddress address(settings.host);
    if (address.isNull())
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("'%1' is not an IP address").arg(settings.host));
    auto authSnapshot = auth::AuthSnapshot::of(initial, *signingKey, settings.baseUrl());
    if (!authSnapshot)
        return authSnapshot.error();

    if (auto opened = m_history.open(QDir(m_workspace.dir()).filePath(QStringLiteral("history.db"))); !opened)
        return opened.error();
    prune();
    m_pruneTimer.start();

    m_authorizationServer = std::make_unique<auth::AuthorizationServer>(*authSnapshot);
    m_oauth = std::make_unique<OAuthService>(*m_authorizationServer);
    m_ledger = std::make_unique<HistoryLedger>(m_history, settings.pausedRetentionDays);
    m_service = std::make_unique<InvokeService>(EndpointSnapshot::of(initial), *m_ledger);
    m_service->setAccessTokenVerifier(
        [server = m_authorizationServer.get()](const QString &token, const Flow &flow) {
            return server->verifyAccessToken(token, flow);
        });
    m_server = std::make_unique<HttpServer>();
    connect(m_server.get(), &HttpServer::requestFinished, this, &WorkspaceServer::requestFinished);
    if (!addFlowRoutes(*m_server, *m_service) || !addOAuthRoutes(*m_server, *m_oauth)) {
        stop();
        return makeError(ErrorType::Internal, QStringLiteral("the routes could not be registered"));
    }
    ServerConfig config;
    config.host = address;
    config.port = settings.port;
    config.maxBodyBytes = settings.bodyLimitBytes;
    config.tls = overrides.tls;
    QString error;
    if (!m_server->listen(config, &error)) {
        stop();
        return makeError(ErrorType::Internal, error);
    }
    // Now that the port is known (port 0 picks one), the addresses in URLs and tokens are final.
    m_overrides.port = m_server->port();
    if (auto applied = apply(m_workspace); !applied) {
        stop();
        return applied.error();
    }
    m_watcher = std::make_unique<WorkspaceWatcher>(m_workspace.dir());
    connect(m_watcher.get(), &WorkspaceWatcher::reloaded, this, [this](const Workspace &changed) {
        if (auto applied = apply(changed); applied)
            emit workspaceReloaded();
        else
            emit problem(
                QStringLiteral("workspace.json changed but cannot be applied, still serving the previous "
                               "version: ") +
                applied.error().message);
    });
    connect(m_watcher.get(), &WorkspaceWatcher::failed, this, [this](const QString &message) {
        emit problem(
            QStringLiteral("workspace.json changed but has problems, still serving the previous version: ") +
            message);
    });
    return true;
}

Result<bool> WorkspaceServer::apply(Workspace workspace)
{
    applyOverrides(workspace);
    auto key = workspace.ensureSigningKey(m_secrets);
    if (!key)
        return key.error();
    auto snapshot = auth::AuthSnapshot::of(workspace, *key, workspace.settings().baseUrl());
    if (!snapshot)
        return snapshot.error();
    if (m_authorizationServer)
        m_authorizationServer->setSnapshot(*snapshot);
    if (m_service)
        m_service->setSnapshot(EndpointSnapshot::of(workspace));
    m_workspace = std::move(workspace);
    return true;
}

void WorkspaceServer::stop()
{
    m_watcher.reset();
    m_pruneTimer.stop();
    m_server.reset(); // waits for the handlers running, so every answered execution is recorded
    m_service.reset();
    m_ledger.reset();
    m_oauth.reset();
    m_authorizationServer.reset();
    m_history.close();
}

bool WorkspaceServer::isListening() const
{
    return m_server && m_server->isListening();
}

void WorkspaceServer::prune()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto old = m_history.prune(now.addDays(-m_workspace.settings().historyRetentionDays));
    const auto expired = m_history.prunePaused(now);
    if (!old || !expired)
        emit problem(QStringLiteral("pruning history failed: ") +
                     (!old ? old.error() : expired.error()).message);
}

} // namespace wf::server
