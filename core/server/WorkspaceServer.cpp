#include "server/WorkspaceServer.h"

#include "server/FlowRoutes.h"
#include "server/OAuthRoutes.h"

#include <QDir>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

namespace wf::server {

Result<QSslConfiguration> loadTlsConfiguration(const QString &certificatePath, const QString &keyPath)
{
    QFile certFile(certificatePath);
    if (!certFile.open(QIODevice::ReadOnly))
        return makeError(ErrorType::NotFound,
                         QStringLiteral("cannot read %1: %2").arg(certificatePath, certFile.errorString()));
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    if (chain.isEmpty())
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("%1 holds no PEM certificate").arg(certificatePath));
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return makeError(ErrorType::NotFound,
                         QStringLiteral("cannot read %1: %2").arg(keyPath, keyFile.errorString()));
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("%1 holds no unencrypted PEM RSA or EC private key").arg(keyPath));
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    return configuration;
}

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
    // The URLs name the scheme listened on: a certificate set in the settings since the start is
    // served (and named) from the next start on.
    if (settings.publicBaseUrl.isEmpty()) {
        const QString http = QStringLiteral("http://");
        const QString https = QStringLiteral("https://");
        const QString url = settings.baseUrl();
        if (m_overrides.tls && url.startsWith(http))
            settings.publicBaseUrl = https + url.mid(http.size());
        else if (!m_overrides.tls && url.startsWith(https))
            settings.publicBaseUrl = http + url.mid(https.size());
    }
}

Result<bool> WorkspaceServer::start(const ServeOverrides &overrides)
{
    if (isListening())
        return true;
    m_overrides = overrides;
    // Without a TLS override, the certificate of the settings (relative paths are in the workspace).
    const WorkspaceSettings &saved = m_workspace.settings();
    if (!m_overrides.tls && !saved.tlsCertificatePath.isEmpty()) {
        const QDir dir(m_workspace.dir());
        auto tls =
            loadTlsConfiguration(dir.filePath(saved.tlsCertificatePath), dir.filePath(saved.tlsKeyPath));
        if (!tls)
            return tls.error();
        m_overrides.tls = *tls;
    }
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

    const QString historyLocation =
        m_overrides.database.value_or(QDir(m_workspace.dir()).filePath(QStringLiteral("history.db")));
    if (auto opened = m_history.open(historyLocation); !opened)
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
    if (m_overrides.database)
        shareWithOtherServers();
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
    config.tls = m_overrides.tls;
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

void WorkspaceServer::shareWithOtherServers()
{
    // The stores are closed only after the routes are gone (stop()), so they outlive every call.
    m_authorizationServer->replayCache().setShared(
        [history = &m_history](const QString &key, qint64 expiresAt, qint64 now) {
            return history->rememberJti(key, expiresAt, now);
        });
    m_service->rateLimiter().setShared([history = &m_history](const QString &key, double rate, qint64 nowUs) {
        return history->takeRateToken(key, rate, nowUs);
    });
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
    if (m_overrides.database) {
        if (const auto shared = m_history.pruneShared(now.toSecsSinceEpoch()); !shared)
            emit problem(QStringLiteral("pruning the shared replay cache and rate limits failed: ") +
                         shared.error().message);
    }
}

} // namespace wf::server
