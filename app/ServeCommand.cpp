// wfconsole serve: the flow routes of a workspace over HTTP without a window, for scripts, CI and
// servers. One log line per request; SIGINT/SIGTERM stop it after the requests in flight are answered
// and recorded.

#include "Commands.h"
#include "SignalHandlers.h"
#include "WorkspaceOptions.h"
#include "server/RequestLog.h"
#include "server/WorkspaceServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

namespace wf::cli {

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
    addDatabaseOption(&parser,
                      QStringLiteral("Keep history, paused executions, the jti replay cache and rate "
                                     "limits in this PostgreSQL database (%1), shared with every server "
                                     "started on it (default: the workspace's history.db)."));
    QTextStream err(stderr);
    if (const auto done = parseVerbArguments(parser, arguments, "serve"))
        return *done;
    server::ServeOverrides overrides;
    if (parser.isSet(host))
        overrides.host = parser.value(host);
    if (parser.isSet(port)) {
        bool ok = false;
        const uint value = parser.value(port).toUInt(&ok);
        if (!ok || value > 65535) {
            err << "wfconsole serve: --port takes a number from 0 to 65535" << Qt::endl;
            return Usage;
        }
        overrides.port = static_cast<quint16>(value);
    }
    if (parser.isSet(tlsCert) != parser.isSet(tlsKey)) {
        err << "wfconsole serve: give --tls-cert and --tls-key together" << Qt::endl;
        return Usage;
    }
    if (parser.isSet(tlsCert)) {
        auto tls = server::loadTlsConfiguration(parser.value(tlsCert), parser.value(tlsKey));
        if (!tls) {
            err << "wfconsole serve: " << tls.error().message << Qt::endl;
            return Failure;
        }
        overrides.tls = *tls;
    }
    const auto database = databaseOption(parser);
    if (!database) {
        err << "wfconsole serve: --database: " << database.error().message << Qt::endl;
        return Usage;
    }
    overrides.database = *database;
    auto opened = openWorkspace(parser, err);
    if (!opened)
        return Failure;

    server::WorkspaceServer server(opened->workspace, *opened->secrets);
    server::RequestLog log(stdout);
    QObject::connect(
        &server, &server::WorkspaceServer::requestFinished, &log,
        [&log](const QByteArray &method, const QByteArray &path, int status, qint64 durationMs,
               const QByteArray &executionId) { log.write(method, path, status, durationMs, executionId); });
    QObject::connect(&server, &server::WorkspaceServer::workspaceReloaded, &server, [&log] {
        log.flush(); // the lines before it, first
        QTextStream(stdout) << "wfconsole serve: workspace.json changed: applied" << Qt::endl;
    });
    QObject::connect(&server, &server::WorkspaceServer::problem, &server,
                     [&err](const QString &message) { err << "wfconsole serve: " << message << Qt::endl; });
    if (auto started = server.start(overrides); !started) {
        err << "wfconsole serve: " << started.error().message << Qt::endl;
        return started.error().type == ErrorType::InvalidInput ? Usage : Failure;
    }
    QObject guard;
    if (!installSignalHandlers(&guard))
        err << "wfconsole serve: cannot catch SIGINT/SIGTERM; stop with SIGKILL loses nothing answered"
            << Qt::endl;
    const Workspace &workspace = server.workspace();
    QTextStream(stdout) << "wfconsole serve: listening on " << server.baseUrl() << " (workspace "
                        << workspace.dir() << ", " << workspace.flows().size() << " flows, history in "
                        << server.history().path() << ")" << Qt::endl;
    const int code = QCoreApplication::exec();
    server.stop();
    log.flush();
    QTextStream(stdout) << "wfconsole serve: stopped" << Qt::endl;
    return code;
}

} // namespace wf::cli
