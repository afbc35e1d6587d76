// wfconsole serve: the flow routes of a workspace over HTTP without a window, for scripts, CI and
// servers. One log line per request; SIGINT/SIGTERM stop it after the requests in flight are answered
// and recorded.

#include "Commands.h"
#include "WorkspaceOptions.h"
#include "auth/AuthorizationServer.h"
#include "endpoint/InvokeService.h"
#include "endpoint/OAuthService.h"
#include "server/FlowRoutes.h"
#include "server/HttpServer.h"
#include "server/OAuthRoutes.h"
#include "store/HistoryLedger.h"
#include "store/HistoryStore.h"
#include "store/WorkspaceWatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslKey>
#include <QTextStream>
#include <QTimer>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace wf::cli {
namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

// Quits the event loop on SIGINT/SIGTERM through a socket pair, since a signal handler may do almost
// nothing itself.
bool installSignalHandlers(QObject *parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return false;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, parent);
    QObject::connect(notifier, &QSocketNotifier::activated, parent, [notifier] {
        notifier->setEnabled(false);
        char byte = 0;
        [[maybe_unused]] const auto read = ::read(g_signalPipe[0], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGINT, &action, nullptr) == 0 && ::sigaction(SIGTERM, &action, nullptr) == 0;
}

// One line per request: time, method, path (never the query: it may hold a client token), status,
// duration and execution id.
class RequestLog final {
public:
    void write(const QByteArray &method, const QByteArray &path, int status, qint64 durationMs,
               const QByteArray &executionId)
    {
        QMutexLocker lock(&m_mutex);
        m_out << QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) << ' ' << method << ' ' << path
              << ' ' << status << ' ' << durationMs << "ms"
              << (executionId.isEmpty() ? QByteArray() : " " + executionId) << Qt::endl;
    }

private:
    QMutex m_mutex;
    QTextStream m_out{stdout};
};

// The certificate chain and key for HTTPS, with a sentence for each way they can be wrong.
Result<QSslConfiguration> loadTls(const QString &certPath, const QString &keyPath)
{
    QFile certFile(certPath);
    if (!certFile.open(QIODevice::ReadOnly))
        return makeError(ErrorType::NotFound,
                         QStringLiteral("cannot read %1: %2").arg(certPath, certFile.errorString()));
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    if (chain.isEmpty())
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("%1 holds no PEM certificate").arg(certPath));
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

} // namespace

int serve(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Serves the flows of a workspace over HTTP without a window."));
    parser.addHelpOption();
    addWorkspaceOptions(&parser);
    const QCommandLineOption host(
        QStringLiteral("host"), QStringLiteral("Address to listen on (default: the workspace's, 127.0.0.1)."),
        QStringLiteral("address"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("Port to listen on (default: the workspace's, 8787)."),
                                  QStringLiteral("port"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"),
                                     QStringLiteral("Serve HTTPS with this PEM certificate (chain)."),
                                     QStringLiteral("file"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"),
                                    QStringLiteral("The PEM private key of --tls-cert."),
                                    QStringLiteral("file"));
    parser.addOptions({host, port, tlsCert, tlsKey});
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << "wfconsole serve: " << parser.errorText() << Qt::endl;
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return Ok;
    }
    auto opened = openWorkspace(parser, err);
    if (!opened)
        return Failure;
    Workspace &workspace = opened->workspace;
    std::optional<quint16> portOverride;
    if (parser.isSet(port)) {
        bool ok = false;
        const uint value = parser.value(port).toUInt(&ok);
        if (!ok || value > 65535) {
            err << "wfconsole serve: --port takes a number from 0 to 65535" << Qt::endl;
            return Usage;
        }
        portOverride = static_cast<quint16>(value);
    }
    // What the command line says wins over workspace.json, also when it is read again.
    QString publicBaseUrlOverride;
    const auto applyOverrides = [&](Workspace &target) {
        if (parser.isSet(host))
            target.settings().host = parser.value(host);
        if (portOverride)
            target.settings().port = *portOverride;
        if (!publicBaseUrlOverride.isEmpty())
            target.settings().publicBaseUrl = publicBaseUrlOverride;
    };
    applyOverrides(workspace);
    const QHostAddress address(workspace.settings().host);
    if (address.isNull()) {
        err << "wfconsole serve: '" << workspace.settings().host << "' is not an IP address" << Qt::endl;
        return Usage;
    }

    HistoryStore history;
    const QString historyPath = QDir(workspace.dir()).filePath(QStringLiteral("history.db"));
    if (auto opened = history.open(historyPath); !opened) {
        err << "wfconsole serve: " << opened.error().message << Qt::endl;
        return Failure;
    }
    // Retention: at start and every hour while serving.
    const int retentionDays = workspace.settings().historyRetentionDays;
    const auto prune = [&history, &err, retentionDays] {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto old = history.prune(now.addDays(-retentionDays));
        const auto expired = history.prunePaused(now);
        if (!old || !expired)
            err << "wfconsole serve: pruning history failed: "
                << (!old ? old.error() : expired.error()).message << Qt::endl;
    };
    prune();
    QTimer pruneTimer;
    pruneTimer.setInterval(std::chrono::hours(1));
    QObject::connect(&pruneTimer, &QTimer::timeout, prune);
    pruneTimer.start();

    // The access-token signing key: made on first use (workspaces from before OAuth have none).
    const int signingKeysBefore = static_cast<int>(workspace.signingKeys().size());
    auto signingKey = workspace.ensureSigningKey(*opened->secrets);
    if (!signingKey) {
        err << "wfconsole serve: " << signingKey.error().message << Qt::endl;
        return Failure;
    }
    if (workspace.signingKeys().size() != signingKeysBefore) {
        if (auto saved = workspace.save(); !saved) {
            err << "wfconsole serve: " << saved.error().message << Qt::endl;
            return Failure;
        }
    }
    auto authSnapshot = auth::AuthSnapshot::of(workspace, *signingKey, workspace.settings().baseUrl());
    if (!authSnapshot) {
        err << "wfconsole serve: " << authSnapshot.error().message << Qt::endl;
        return Failure;
    }
    auth::AuthorizationServer authorizationServer(*authSnapshot);
    OAuthService oauth(authorizationServer);

    HistoryLedger ledger(history, workspace.settings().pausedRetentionDays);
    InvokeService service(EndpointSnapshot::of(workspace), ledger);
    service.setAccessTokenVerifier([&authorizationServer](const QString &token, const Flow &flow) {
        return authorizationServer.verifyAccessToken(token, flow);
    });
    RequestLog log;

    server::HttpServer server;
    if (!server::addFlowRoutes(server, service) || !server::addOAuthRoutes(server, oauth)) {
        err << "wfconsole serve: the routes could not be registered" << Qt::endl;
        return Failure;
    }
    QObject::connect(
        &server, &server::HttpServer::requestFinished, &server,
        [&log](const QByteArray &method, const QByteArray &path, int status, qint64 durationMs,
               const QByteArray &executionId) { log.write(method, path, status, durationMs, executionId); });

    server::ServerConfig config;
    if (parser.isSet(tlsCert) != parser.isSet(tlsKey)) {
        err << "wfconsole serve: give --tls-cert and --tls-key together" << Qt::endl;
        return Usage;
    }
    if (parser.isSet(tlsCert)) {
        auto tls = loadTls(parser.value(tlsCert), parser.value(tlsKey));
        if (!tls) {
            err << "wfconsole serve: " << tls.error().message << Qt::endl;
            return Failure;
        }
        config.tls = *tls;
    }
    config.host = address;
    config.port = workspace.settings().port;
    config.maxBodyBytes = workspace.settings().bodyLimitBytes;
    QString error;
    if (!server.listen(config, &error)) {
        err << "wfconsole serve: " << error << Qt::endl;
        return Failure;
    }
    QObject guard;
    if (!installSignalHandlers(&guard))
        err << "wfconsole serve: cannot catch SIGINT/SIGTERM; stop with SIGKILL loses nothing answered"
            << Qt::endl;
    // Now that the port is known (--port 0 picks one), the addresses in URLs and tokens are final.
    portOverride = server.port();
    if (config.tls && workspace.settings().publicBaseUrl.isEmpty()) {
        workspace.settings().port = server.port();
        publicBaseUrlOverride =
            QStringLiteral("https://") + workspace.settings().baseUrl().mid(QStringLiteral("http://").size());
    }
    applyOverrides(workspace);
    // Applies a workspace (the one opened, or one read again after a change) to both services.
    const auto apply = [&](Workspace target) -> Result<bool> {
        applyOverrides(target);
        auto key = target.ensureSigningKey(*opened->secrets);
        if (!key)
            return key.error();
        auto snapshot = auth::AuthSnapshot::of(target, *key, target.settings().baseUrl());
        if (!snapshot)
            return snapshot.error();
        authorizationServer.setSnapshot(*snapshot);
        service.setSnapshot(EndpointSnapshot::of(target));
        return true;
    };
    if (auto applied = apply(workspace); !applied) {
        err << "wfconsole serve: " << applied.error().message << Qt::endl;
        return Failure;
    }
    WorkspaceWatcher watcher(workspace.dir());
    QObject::connect(&watcher, &WorkspaceWatcher::reloaded, &watcher, [&](const Workspace &changed) {
        if (auto applied = apply(changed); applied)
            QTextStream(stdout) << "wfconsole serve: workspace.json changed: applied" << Qt::endl;
        else
            err << "wfconsole serve: workspace.json changed but cannot be applied, still serving the "
                   "previous "
                   "version: "
                << applied.error().message << Qt::endl;
    });
    QObject::connect(&watcher, &WorkspaceWatcher::failed, &watcher, [&err](const QString &message) {
        err << "wfconsole serve: workspace.json changed but has problems, still serving the previous "
               "version: "
            << message << Qt::endl;
    });
    QTextStream(stdout) << "wfconsole serve: listening on " << workspace.settings().baseUrl()
                        << " (workspace " << workspace.dir() << ", " << workspace.flows().size() << " flows)"
                        << Qt::endl;
    const int code = QCoreApplication::exec();
    server.close();
    history.close();
    QTextStream(stdout) << "wfconsole serve: stopped" << Qt::endl;
    return code;
}

} // namespace wf::cli
