#pragma once

// Shared by the request runner tests (tst_requestrunner, tst_requestrunnerauth): a WorkspaceServer
// with the sample workspace on port 0 that records every request it answers, raw servers that never
// answer or answer canned bytes (plain or TLS), and a probe that records what a RequestRunner emits.

#include "server/WorkspaceServer.h"
#include "store/SecretStore.h"
#include "tester/RequestRunner.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <memory>

namespace wf::testertest {

constexpr int kWaitMs = 20000;

struct ServedRequest {
    QByteArray method;
    QByteArray path;
    int status = 0;
};

// The sample workspace served by a real WorkspaceServer, with every answered request recorded.
class ServedWorkspace final {
public:
    // An empty string when the server runs, else what went wrong.
    QString start(const QString &dir)
    {
        auto created = Workspace::create(dir, secrets);
        if (!created)
            return created.error().message;
        workspace = *created;
        workspace.settings().rateLimitPerSecond = 0;
        server = std::make_unique<server::WorkspaceServer>(workspace, secrets);
        QObject::connect(
            server.get(), &server::WorkspaceServer::requestFinished, server.get(),
            [this](const QByteArray &method, const QByteArray &path, int status, qint64, const QByteArray &) {
                requests.append({method, path, status});
            });
        server::ServeOverrides overrides;
        overrides.port = 0;
        auto started = server->start(overrides);
        return started ? QString() : started.error().message;
    }

    QString baseUrl() const { return server->baseUrl(); }
    QString tokenUrl() const { return baseUrl() + QStringLiteral("/oauth2/v1/token"); }
    QString invokePath(const QString &flowId) const
    {
        return QStringLiteral("/api/flo/%1/invoke").arg(workspace.flowById(flowId)->alias);
    }
    QString clientToken(const QString &flowId)
    {
        return secrets.read(clientTokenSecretKey(workspace.id(), flowId))->value_or(QString());
    }
    // The sample app's client id, kid and kept private key, as the tester would take them.
    tester::OAuthCredentials credentials()
    {
        const auth::AppIntegration &app = workspace.apps().constFirst();
        tester::OAuthCredentials credentials;
        credentials.tokenUrl = tokenUrl();
        credentials.clientId = app.clientId;
        auto kept = workspace.keptAppPrivateKey(app.clientId, app.keys.constFirst().kid, secrets);
        if (kept && kept->has_value())
            credentials.privateKey = **kept;
        return credentials;
    }
    qsizetype count(const QByteArray &path) const
    {
        qsizetype n = 0;
        for (const ServedRequest &request : requests)
            n += request.path == path ? 1 : 0;
        return n;
    }
    QList<int> statuses(const QByteArray &path) const
    {
        QList<int> found;
        for (const ServedRequest &request : requests) {
            if (request.path == path)
                found.append(request.status);
        }
        return found;
    }

    MemorySecretStore secrets;
    Workspace workspace;
    std::unique_ptr<server::WorkspaceServer> server;
    QList<ServedRequest> requests;
};

// Accepts connections (plain or TLS) and reads what comes; answers each request head with `answer`
// unless `answer` is empty (then it never answers).
class RawServer final : public QObject {
public:
    explicit RawServer(QTcpServer *server) : m_server(server)
    {
        m_server->setParent(this);
        auto take = [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection())
                serve(socket);
        };
        connect(m_server, &QTcpServer::newConnection, this, take);
        connect(m_server, &QTcpServer::pendingConnectionAvailable, this, take);
    }

    // A TLS server with the self-signed test certificate of tests/data/tls.
    static std::unique_ptr<RawServer> tls()
    {
        QFile certificate(QStringLiteral(WF_TEST_DATA_DIR "/tls/cert.pem"));
        QFile key(QStringLiteral(WF_TEST_DATA_DIR "/tls/key.pem"));
        if (!certificate.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly))
            return nullptr;
        auto *server = new QSslServer;
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(QSslCertificate(certificate.readAll()));
        configuration.setPrivateKey(QSslKey(key.readAll(), QSsl::Ec));
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        server->setSslConfiguration(configuration);
        return std::make_unique<RawServer>(server);
    }

    bool listen() { return m_server->listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server->serverPort(); }
    QString url(const QString &scheme = QStringLiteral("http")) const
    {
        return QStringLiteral("%1://127.0.0.1:%2").arg(scheme).arg(port());
    }

    QByteArray answer;
    int requestHeads = 0; // complete request heads received
    int disconnected = 0; // connections the client closed

private:
    void serve(QTcpSocket *socket)
    {
        socket->setParent(this);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            ++disconnected;
            socket->deleteLater();
        });
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            if (!buffer->contains("\r\n\r\n"))
                return;
            buffer->clear();
            ++requestHeads;
            if (answer.isEmpty())
                return;
            socket->write(answer);
            socket->disconnectFromHost();
        });
    }

    QTcpServer *m_server;
};

// A port nothing listens on: one that was just open and has been closed.
inline quint16 closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

// Everything a RequestRunner emits, in order.
class RunnerProbe final : public QObject {
public:
    explicit RunnerProbe(tester::RequestRunner &runner)
    {
        connect(&runner, &tester::RequestRunner::finished, this,
                [this](const tester::RunResult &result) { results.append(result); });
        connect(&runner, &tester::RequestRunner::tokenFetched, this,
                [this](const tester::TokenResult &token, bool fromCache) {
                    tokens.append({token, fromCache});
                });
        connect(&runner, &tester::RequestRunner::phaseChanged, this,
                [this](tester::RequestRunner::Phase phase) { phases.append(phase); });
    }

    QList<tester::RunResult> results;
    QList<std::pair<tester::TokenResult, bool>> tokens;
    QList<tester::RequestRunner::Phase> phases;
};

} // namespace wf::testertest
