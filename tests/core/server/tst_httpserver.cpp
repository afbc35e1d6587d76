// The HTTP adapter over real sockets: a server on port 0, QNetworkAccessManager for ordinary calls
// and raw QTcpSocket clients for malformed input, pipelining, limits and disconnects.

#include "server/HttpServer.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>
#include <QThreadPool>
#include <memory>
#include <optional>
#include <stdexcept>

using wf::HeaderList;
using wf::HttpAnswer;
using wf::HttpRequest;
using wf::server::HttpServer;
using wf::server::Route;
using wf::server::ServerConfig;

namespace {

// A self-signed certificate for "localhost" and 127.0.0.1 (P-256, valid until 2126), for tests only.
const char kTestCertificate[] = R"(-----BEGIN CERTIFICATE-----
MIIBmjCCAUGgAwIBAgIUOjyMWtiLqkw3xDfyJ6vru9vJtcowCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyODE1MDA0MloYDzIxMjYxMTA0
MTUwMDQyWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAARzMzDdXaDFI3np95w9njBBlEfnHL6KYejXO0qCAM5pYGtxFjIzbuzz
E8o8A0Znm/TH806xoztiY5SufSFoQ0lBo28wbTAdBgNVHQ4EFgQUGcIefGYNPb48
XVypWQLFKVVYdkEwHwYDVR0jBBgwFoAUGcIefGYNPb48XVypWQLFKVVYdkEwDwYD
VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARgglsb2NhbGhvc3SHBH8AAAEwCgYIKoZI
zj0EAwIDRwAwRAIgVr4FnZ44OaczI3lhjANApPseHct6VxZ9D+VPJHHJlGACIDhV
MHDPD8OhOzAkAaRoAAQYt4ihAkd72iFT7hEaRMms
-----END CERTIFICATE-----
)";
const char kTestPrivateKey[] = R"(-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQglN8Ao5lmVY8Brlwl
vzLqdgYkPuEjSgQBDvpZugvMYZyhRANCAARzMzDdXaDFI3np95w9njBBlEfnHL6K
YejXO0qCAM5pYGtxFjIzbuzzE8o8A0Znm/TH806xoztiY5SufSFoQ0lB
-----END PRIVATE KEY-----
)";

constexpr int kWaitMs = 10000;

HttpAnswer textAnswer(const QByteArray &body, int status = 200)
{
    HttpAnswer answer;
    answer.status = status;
    answer.headers.append(
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain; charset=utf-8")});
    answer.body = body;
    return answer;
}

QByteArray lastSegment(const QByteArray &path)
{
    return path.mid(path.lastIndexOf('/') + 1);
}

struct RawResponse {
    int status = 0;
    HeaderList headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const { return wf::headerValue(headers, name); }
    bool hasHeader(const QByteArray &name) const
    {
        return std::any_of(headers.cbegin(), headers.cend(),
                           [&](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
    }
};

// Takes one complete response off the front of `buffer`; false while it is incomplete.
bool takeResponse(QByteArray &buffer, RawResponse &out, bool head)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    RawResponse response;
    response.status = statusLine.value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        response.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    const bool bodyless = head || response.status < 200 || response.status == 204 || response.status == 304;
    const qint64 length = bodyless ? 0 : response.header("Content-Length").toLongLong();
    if (buffer.size() < end + 4 + length)
        return false;
    response.body = buffer.mid(end + 4, length);
    buffer.remove(0, end + 4 + length);
    out = response;
    return true;
}

// A plain TCP client that speaks bytes, for what QNetworkAccessManager will not send.
class RawClient {
public:
    explicit RawClient(QTcpSocket *socket = nullptr) : m_socket(socket ? socket : new QTcpSocket)
    {
        m_socket->setProxy(QNetworkProxy::NoProxy);
    }

    QTcpSocket &socket() { return *m_socket; }

    bool connectTo(quint16 port)
    {
        QSignalSpy connected(m_socket.get(), &QAbstractSocket::connected);
        m_socket->connectToHost(QHostAddress(QHostAddress::LocalHost), port);
        return m_socket->state() == QAbstractSocket::ConnectedState || connected.wait(kWaitMs);
    }

    void send(const QByteArray &bytes) { m_socket->write(bytes); }

    // The next complete response, or nothing after `timeoutMs`.
    std::optional<RawResponse> read(bool head = false, int timeoutMs = kWaitMs)
    {
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            m_buffer += m_socket->readAll();
            RawResponse response;
            if (takeResponse(m_buffer, response, head))
                return response;
            const qint64 left = timeoutMs - timer.elapsed();
            if (left <= 0 || m_socket->state() == QAbstractSocket::UnconnectedState)
                return std::nullopt;
            QSignalSpy ready(m_socket.get(), &QIODevice::readyRead);
            ready.wait(int(left));
        }
    }

    bool waitClosed(int timeoutMs = kWaitMs)
    {
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            return true;
        QSignalSpy closed(m_socket.get(), &QAbstractSocket::disconnected);
        return closed.wait(timeoutMs);
    }

private:
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
};

QByteArray get(const QByteArray &path, const QByteArray &extra = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + extra + "\r\n";
}

} // namespace

class TestHttpServer final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void pathMatching_data();
    void pathMatching();
    void routesAndNotFound();
    void methods_data();
    void methods();
    void headHasNoBody();
    void mimeTypeIsKept();
    void transportHeadersAreNotOverridden();
    void invalidAnswersBecome500_data();
    void invalidAnswersBecome500();
    void requestReachesHandlerExactly();
    void binaryBodyThroughNetworkAccessManager();
    void chunkedBody();
    void http10();
    void payloadTooLarge_data();
    void payloadTooLarge();
    void expectContinue();
    void expectContinueRefused_data();
    void expectContinueRefused();
    void pipelinedRequestsAnsweredInOrder();
    void clientLeavesWhileHandlerRuns();
    void slowHandlerDoesNotBlockFastOne();
    void idleTimeoutClosesSilentSocket();
    void connectionCapMakesExtraConnectionsWait();
    void thousandConcurrentConnections();
    void malformedRequests_data();
    void malformedRequests();
    void portInUse();
    void invalidConfiguration();
    void routesAreFixedOnceListening();
    void https();
    void serverDestroyedWhileHandlerRuns();

private:
    bool start(ServerConfig config = {});
    QUrl url(const QString &path) const;
    std::unique_ptr<QNetworkReply> call(const QByteArray &method, const QString &path,
                                        const QByteArray &body = {}, const QByteArray &contentType = {});

    std::unique_ptr<HttpServer> m_server;
    QNetworkAccessManager m_nam;
    HttpRequest m_lastRequest; // what the /echo and /json handlers saw (server thread)
    int m_echoCalls = 0;
    QSemaphore m_slowEntered;
    QSemaphore m_releaseSlow;
};

void TestHttpServer::init()
{
    m_nam.setProxy(QNetworkProxy::NoProxy);
    m_lastRequest = {};
    m_echoCalls = 0;
    m_server = std::make_unique<HttpServer>();
    const auto add = [this](const char *pattern, QList<QByteArray> methods, bool worker,
                            wf::server::Handler handler) {
        QVERIFY(
            m_server->addRoute(Route{QByteArray(pattern), std::move(methods), worker, std::move(handler)}));
    };
    add("/hello", {"GET"}, false, [](const HttpRequest &) { return textAnswer("hello"); });
    add("/json", {"GET", "POST"}, false, [this](const HttpRequest &request) {
        m_lastRequest = request;
        HttpAnswer answer;
        answer.setHeader("Content-Type", "application/json");
        answer.body = R"({"ok":true})";
        return answer;
    });
    add("/echo", {"POST", "PUT"}, false, [this](const HttpRequest &request) {
        m_lastRequest = request;
        ++m_echoCalls;
        return textAnswer(QByteArray::number(request.body.size()));
    });
    add("/api/flo/*/invoke", {"GET", "POST"}, false,
        [](const HttpRequest &request) { return textAnswer(request.path.split('/').value(3)); });
    add("/cors", {"GET", "OPTIONS"}, false, [](const HttpRequest &request) {
        return textAnswer(request.method, request.method == "OPTIONS" ? 204 : 200);
    });
    add("/noctype", {"GET"}, false, [](const HttpRequest &) {
        HttpAnswer answer;
        answer.body = QByteArray("\x89PNG\r\n", 6);
        return answer;
    });
    add("/transport", {"GET"}, false, [](const HttpRequest &) {
        HttpAnswer answer = textAnswer("abcdefgh");
        answer.setHeader("Content-Length", "3");
        answer.setHeader("Connection", "close");
        answer.setHeader("Transfer-Encoding", "chunked");
        answer.setHeader("Date", "yesterday");
        answer.setHeader("X-Split", "a\r\nInjected: yes");
        answer.setHeader("X-Execution-Id", "abc");
        return answer;
    });
    add("/status/*", {"GET"}, false,
        [](const HttpRequest &request) { return textAnswer("odd", lastSegment(request.path).toInt()); });
    add("/throws", {"GET"}, true,
        [](const HttpRequest &) -> HttpAnswer { throw std::runtime_error("boom"); });
    add("/sync/*", {"GET", "POST"}, false,
        [](const HttpRequest &request) { return textAnswer(lastSegment(request.path) + request.body); });
    add("/worker/*", {"GET"}, true, [](const HttpRequest &request) {
        // Later requests answer sooner, so an out-of-order writer would show.
        QThread::msleep(static_cast<unsigned long>(std::max(0, 40 - lastSegment(request.path).toInt() * 4)));
        return textAnswer(lastSegment(request.path));
    });
    add("/slow", {"GET"}, true, [this](const HttpRequest &) {
        m_slowEntered.release();
        return textAnswer(m_releaseSlow.tryAcquire(1, 20000) ? "slow" : "never released");
    });
    add("/fast", {"GET"}, true, [](const HttpRequest &) { return textAnswer("fast"); });
}

void TestHttpServer::cleanup()
{
    m_releaseSlow.release(100); // never leave a worker blocked: the destructor waits for them
    m_server.reset();
    m_releaseSlow.acquire(m_releaseSlow.available());
    m_slowEntered.acquire(m_slowEntered.available());
}

bool TestHttpServer::start(ServerConfig config)
{
    QString error;
    const bool ok = m_server->listen(config, &error);
    if (!ok)
        qWarning().noquote() << error;
    return ok && m_server->port() != 0;
}

QUrl TestHttpServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->port()).arg(path));
}

std::unique_ptr<QNetworkReply> TestHttpServer::call(const QByteArray &method, const QString &path,
                                                    const QByteArray &body, const QByteArray &contentType)
{
    QNetworkRequest request(url(path));
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    std::unique_ptr<QNetworkReply> reply(method == "HEAD" ? m_nam.head(request)
                                                          : m_nam.sendCustomRequest(request, method, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(kWaitMs);
    return reply;
}

// ---------------------------------------------------------------------------------------------

void TestHttpServer::pathMatching_data()
{
    QTest::addColumn<QByteArray>("pattern");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<bool>("matches");
    QTest::addRow("exact") << QByteArray("/health") << QByteArray("/health") << true;
    QTest::addRow("trailing slash") << QByteArray("/health") << QByteArray("/health/") << false;
    QTest::addRow("prefix only") << QByteArray("/health") << QByteArray("/healthz") << false;
    QTest::addRow("root") << QByteArray("/") << QByteArray("/") << true;
    QTest::addRow("wildcard") << QByteArray("/api/flo/*/invoke") << QByteArray("/api/flo/0a1b/invoke")
                              << true;
    QTest::addRow("wildcard empty") << QByteArray("/api/flo/*/invoke") << QByteArray("/api/flo//invoke")
                                    << false;
    QTest::addRow("wildcard two segments")
        << QByteArray("/api/flo/*/invoke") << QByteArray("/api/flo/a/b/invoke") << false;
    QTest::addRow("two wildcards") << QByteArray("/api/flo/*/resume/*") << QByteArray("/api/flo/a/resume/e1")
                                   << true;
    QTest::addRow("longer path") << QByteArray("/api/flo/*/invoke") << QByteArray("/api/flo/a/invoke/x")
                                 << false;
    QTest::addRow("encoded is literal") << QByteArray("/health") << QByteArray("/%68ealth") << false;
    QTest::addRow("case sensitive") << QByteArray("/health") << QByteArray("/Health") << false;
    QTest::addRow("relative path") << QByteArray("/health") << QByteArray("health") << false;
}

void TestHttpServer::pathMatching()
{
    QFETCH(QByteArray, pattern);
    QFETCH(QByteArray, path);
    QFETCH(bool, matches);
    QCOMPARE(wf::server::pathMatches(pattern, path), matches);
}

void TestHttpServer::routesAndNotFound()
{
    QVERIFY(start());
    QSignalSpy finished(m_server.get(), &HttpServer::requestFinished);

    auto hello = call("GET", QStringLiteral("/hello"));
    QCOMPARE(hello->error(), QNetworkReply::NoError);
    QCOMPARE(hello->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(hello->readAll(), QByteArray("hello"));

    auto missing = call("GET", QStringLiteral("/nothing/here?clientToken=s3cret"));
    QCOMPARE(missing->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
    QCOMPARE(missing->header(QNetworkRequest::ContentTypeHeader).toByteArray(),
             QByteArray("application/json"));
    const QJsonObject error = QJsonDocument::fromJson(missing->readAll()).object();
    QCOMPARE(error.value(QStringLiteral("error")).toString(), QStringLiteral("not_found"));
    QVERIFY(!error.value(QStringLiteral("error_description")).toString().isEmpty());

    QCOMPARE(finished.size(), 2);
    QCOMPARE(finished.at(0).at(0).toByteArray(), QByteArray("GET"));
    QCOMPARE(finished.at(0).at(1).toByteArray(), QByteArray("/hello"));
    QCOMPARE(finished.at(0).at(2).toInt(), 200);
    QVERIFY(finished.at(0).at(3).toLongLong() >= 0);
    QCOMPARE(finished.at(1).at(1).toByteArray(), QByteArray("/nothing/here")); // no query: no secret
    QCOMPARE(finished.at(1).at(2).toInt(), 404);
}

void TestHttpServer::methods_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("allow");
    QTest::addColumn<QByteArray>("body");
    const QString flow = QStringLiteral("/api/flo/0123abcd/invoke");
    QTest::addRow("flow GET") << QByteArray("GET") << flow << 200 << QByteArray() << QByteArray("0123abcd");
    QTest::addRow("flow POST") << QByteArray("POST") << flow << 200 << QByteArray() << QByteArray("0123abcd");
    QTest::addRow("flow DELETE") << QByteArray("DELETE") << flow << 405 << QByteArray("GET, POST")
                                 << QByteArray();
    QTest::addRow("flow PUT") << QByteArray("PUT") << flow << 405 << QByteArray("GET, POST") << QByteArray();
    QTest::addRow("flow PATCH") << QByteArray("PATCH") << flow << 405 << QByteArray("GET, POST")
                                << QByteArray();
    QTest::addRow("flow OPTIONS not listed")
        << QByteArray("OPTIONS") << flow << 405 << QByteArray("GET, POST") << QByteArray();
    QTest::addRow("OPTIONS listed") << QByteArray("OPTIONS") << QStringLiteral("/cors") << 204 << QByteArray()
                                    << QByteArray();
    QTest::addRow("lower-case method")
        << QByteArray("get") << QStringLiteral("/hello") << 405 << QByteArray("GET") << QByteArray();
    QTest::addRow("POST on GET route")
        << QByteArray("POST") << QStringLiteral("/hello") << 405 << QByteArray("GET") << QByteArray();
    QTest::addRow("empty alias") << QByteArray("GET") << QStringLiteral("/api/flo//invoke") << 404
                                 << QByteArray() << QByteArray();
    QTest::addRow("extra segment") << QByteArray("GET") << QStringLiteral("/api/flo/a/invoke/x") << 404
                                   << QByteArray() << QByteArray();
}

void TestHttpServer::methods()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QByteArray, allow);
    QFETCH(QByteArray, body);
    QVERIFY(start());
    auto reply = call(method, path, method == "POST" ? QByteArray("{}") : QByteArray(), "application/json");
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), status);
    QCOMPARE(reply->rawHeader("Allow"), allow);
    if (status == 405) {
        const QJsonObject error = QJsonDocument::fromJson(reply->readAll()).object();
        QCOMPARE(error.value(QStringLiteral("error")).toString(), QStringLiteral("method_not_allowed"));
    } else if (!body.isEmpty()) {
        QCOMPARE(reply->readAll(), body);
    }
}

void TestHttpServer::headHasNoBody()
{
    QVERIFY(start());
    auto head = call("HEAD", QStringLiteral("/json"));
    QCOMPARE(head->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(head->rawHeader("Content-Length"), QByteArray("11"));
    QCOMPARE(head->header(QNetworkRequest::ContentTypeHeader).toByteArray(), QByteArray("application/json"));
    QVERIFY(head->readAll().isEmpty());
    QCOMPARE(m_lastRequest.method, QByteArray("GET")); // the GET handler served it

    // On the wire: no body bytes follow the HEAD answer, so the next answer parses cleanly.
    RawClient client;
    QVERIFY(client.connectTo(m_server->port()));
    client.send("HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\n" + get("/hello"));
    const auto first = client.read(/*head=*/true);
    QVERIFY(first);
    QCOMPARE(first->status, 200);
    QCOMPARE(first->header("Content-Length"), QByteArray("5"));
    const auto second = client.read();
    QVERIFY(second);
    QCOMPARE(second->body, QByteArray("hello"));

    client.send("HEAD /nothing HTTP/1.1\r\nHost: x\r\n\r\n" + get("/hello"));
    const auto missing = client.read(true);
    QVERIFY(missing);
    QCOMPARE(missing->status, 404);
    const auto after = client.read();
    QVERIFY(after);
    QCOMPARE(after->body, QByteArray("hello"));
}

void TestHttpServer::mimeTypeIsKept()
{
    QVERIFY(start());
    auto json = call("GET", QStringLiteral("/json"));
    QCOMPARE(json->rawHeader("Content-Type"), QByteArray("application/json"));
    QCOMPARE(json->rawHeader("X-Content-Type-Options"), QByteArray("nosniff"));
    const QByteArray date = json->rawHeader("Date");
    QVERIFY2(date.endsWith(" GMT"), date.constData());
    QDateTime parsed = QLocale::c().toDateTime(QString::fromLatin1(date.chopped(4)),
                                               QStringLiteral("ddd, dd MMM yyyy hh:mm:ss"));
    QVERIFY2(parsed.isValid(), date.constData());
    parsed.setTimeSpec(Qt::UTC);
    QVERIFY(qAbs(parsed.secsTo(QDateTime::currentDateTimeUtc())) < 60);

    auto text = call("GET", QStringLiteral("/hello"));
    QCOMPARE(text->rawHeader("Content-Type"), QByteArray("text/plain; charset=utf-8"));

    auto untyped = call("GET", QStringLiteral("/noctype"));
    QCOMPARE(untyped->rawHeader("Content-Type"), QByteArray("application/octet-stream")); // not sniffed
    QCOMPARE(untyped->readAll(), QByteArray("\x89PNG\r\n", 6));
}

void TestHttpServer::transportHeadersAreNotOverridden()
{
    QVERIFY(start());
    RawClient client;
    QVERIFY(client.connectTo(m_server->port()));
    client.send(get("/transport"));
    const auto answer = client.read();
    QVERIFY(answer);
    QCOMPARE(answer->body, QByteArray("abcdefgh"));
    QCOMPARE(answer->header("Content-Length"), QByteArray("8"));
    QVERIFY(!answer->hasHeader("Transfer-Encoding"));
    QVERIFY(!answer->hasHeader("Connection"));
    QVERIFY(answer->header("Date") != "yesterday");
    QVERIFY(!answer->hasHeader("X-Split")); // CR/LF in a value: dropped, never injected
    QVERIFY(!answer->hasHeader("Injected"));
    QCOMPARE(answer->header("X-Execution-Id"), QByteArray("abc"));
    // The handler's "Connection: close" did not close the connection.
    client.send(get("/hello"));
    const auto next = client.read();
    QVERIFY(next);
    QCOMPARE(next->body, QByteArray("hello"));
}

void TestHttpServer::invalidAnswersBecome500_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addRow("status 42") << QStringLiteral("/status/42") << 500;
    QTest::addRow("status 600") << QStringLiteral("/status/600") << 500;
    QTest::addRow("status 201") << QStringLiteral("/status/201") << 201;
    QTest::addRow("status 599") << QStringLiteral("/status/599") << 599;
    QTest::addRow("handler throws") << QStringLiteral("/throws") << 500;
}

void TestHttpServer::invalidAnswersBecome500()
{
    QFETCH(QString, path);
    QFETCH(int, status);
    QVERIFY(start());
    auto reply = call("GET", path);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), status);
    if (status == 500) {
        const QJsonObject error = QJsonDocument::fromJson(reply->readAll()).object();
        QCOMPARE(error.value(QStringLiteral("error")).toString(), QStringLiteral("internal_error"));
    }
    QCOMPARE(call("GET", QStringLiteral("/hello"))->readAll(), QByteArray("hello")); // still serving
}

void TestHttpServer::requestReachesHandlerExactly()
{
    QVERIFY(start());
    QSignalSpy finished(m_server.get(), &HttpServer::requestFinished);
    QByteArray body;
    for (int i = 0; i < 256; ++i)
        body.append(char(i));
    body += QByteArray("\r\n\r\nGET / HTTP/1.1\r\n\r\n"); // looks like a request; is body
    RawClient client;
    QVERIFY(client.connectTo(m_server->port()));
    client.send("POST /echo?a=1&b=%20x%2F&clientToken=s3cret&empty= HTTP/1.1\r\n"
                "Host: localhost\r\n"
                "X-Dup: one\r\n"
                "x-dup: two\r\n"
                "X-DUP:three\r\n"
                "X-Spaces:   padded value \t\r\n"
                "X-Empty:\r\n"
                "X-Utf8: caf\xc3\xa9\r\n"
                "Content-Type: application/octet-stream\r\n"
                "Content-Length: " +
                QByteArray::number(body.size()) + "\r\n\r\n" + body);
    const auto answer = client.read();
    QVERIFY(answer);
    QCOMPARE(answer->status, 200);
    QCOMPARE(answer->body, QByteArray::number(body.size()));

    QCOMPARE(m_lastRequest.method, QByteArray("POST"));
    QCOMPARE(m_lastRequest.path, QByteArray("/echo"));
    QCOMPARE(m_lastRequest.rawQuery, QByteArray("a=1&b=%20x%2F&clientToken=s3cret&empty="));
    QCOMPARE(m_lastRequest.body, body);
    QCOMPARE(m_lastRequest.peerAddress, QStringLiteral("127.0.0.1"));
    const HeaderList expected{
        {"Host", "localhost"},
        {"X-Dup", "one"},
        {"x-dup", "two"},
        {"X-DUP", "three"},
        {"X-Spaces", "padded value"},
        {"X-Empty", ""},
        {"X-Utf8", "caf\xc3\xa9"},
        {"Content-Type", "application/octet-stream"},
        {"Content-Length", QByteArray::number(body.size())},
    };
    QCOMPARE(m_lastRequest.headers, expected);
    QCOMPARE(m_lastRequest.header("x-dup"), QByteArray("one"));

    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(1).toByteArray(), QByteArray("/echo"));
}

void TestHttpServer::binaryBodyThroughNetworkAccessManager()
{
    QVERIFY(start());
    QByteArray body(300 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < body.size(); ++i)
        body[i] = char((i * 131 + i / 256) & 0xff);
    auto reply = call("POST", QStringLiteral("/echo"), body, "application/octet-stream");
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(m_lastRequest.body, body);
    QCOMPARE(m_lastRequest.header("content-type"), QByteArray("application/octet-stream"));
}

void TestHttpServer::chunkedBody()
{
    QVERIFY(start());
    RawClient client;
    QVERIFY(client.connectTo(m_server->port()));
    client.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                "5\r\nhello\r\n"
                "7;name=value\r\n, world\r\n"
                "0\r\nX-Trailer: dropped\r\n\r\n" +
                get("/hello"));
    const auto answer = client.read();
    QVERIFY(answer);
    QCOMPARE(answer->status, 200);
    QCOMPARE(m_lastRequest.body, QByteArray("hello, world"));
    QCOMPARE(m_lastRequest.header("X-Trailer"), QByteArray());
    const auto next = client.read();
    QVERIFY(next);
    QCOMPARE(next->body, QByteArray("hello"));
}

void TestHttpServer::http10()
{
    QVERIFY(start());
    RawClient once;
    QVERIFY(once.connectTo(m_server->port()));
    once.send("GET /hello HTTP/1.0\r\n\r\n"); // no Host needed in 1.0
    const auto closing = once.read();
    QVERIFY(closing);
    QCOMPARE(closing->status, 200);
    QCOMPARE(closing->header("Connection"), QByteArray("close"));
    QVERIFY(once.waitClosed());

    RawClient kept;
    QVERIFY(kept.connectTo(m_server->port()));
    kept.send("GET /hello HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n");
    const auto first = kept.read();
    QVERIFY(first);
    QCOMPARE(first->header("Connection"), QByteArray("keep-alive"));
    kept.send(get("/hello", "Connection: close\r\n"));
    const auto last = kept.read();
    QVERIFY(last);
    QCOMPARE(last->header("Connection"), QByteArray("close"));
    QVERIFY(kept.waitClosed());
}

void TestHttpServer::payloadTooLarge_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addRow("Content-Length") << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\n"
                                                  "Content-Length: 99999999999\r\n\r\n");
    QTest::addRow("just over") << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\n"
                                             "Content-Length: 1048577\r\n\r\n");
    QTest::addRow("unknown path") << QByteArray("POST /nowhere HTTP/1.1\r\nHost: x\r\n"
                                                "Content-Length: 1048577\r\n\r\n");
    QTest::addRow("chunk size") << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\n"
                                              "Transfer-Encoding: chunked\r\n\r\n100001\r\n");
    QTest::addRow("chunks add up") << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\n"
                                                 "Transfer-Encoding: chunked\r\n\r\n80000\r\n" +
                                                 QByteArray(0x80000, 'a') + "\r\n80001\r\n");
}

void TestHttpServer::payloadTooLarge()
{
    QFETCH(QByteArray, head);
    ServerConfig config;
    config.maxBodyBytes = 1024 * 1024;
    QVERIFY(start(config));
    RawClient client;
    QVERIFY(client.connectTo(m_server->port()));
    client.send(head); // the body is never sent: the answer must not wait for it
    const auto answer = client.read();
    QVERIFY(answer);
    QCOMPARE(answer->status, 413);
    QCOMPARE(answer->header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(answer->header("Connection"), QByteArray("close"));
    const QJsonObject error = QJsonDocument::fromJson(answer->body).object();
    QCOMPARE(error.value(QStringLiteral("error")).toString(), QStringLiteral("payload_too_large"));
    QCOMPARE(m_echoCalls, 0);
    QVERIFY(client.waitClosed()); // after the short linger
}

void TestHttpServer::expectContinue()
{
    QVERIFY(start());
    const QByteArray body(2 * 1024 * 1024, 'x');
    RawClient client;
    QVERIFY(client.connectTo(m_server->port()));
    QElapsedTimer timer;
    timer.start();
    client.send("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: " +
                QByteArray::number(body.size()) + "\r\n\r\n");
    const auto interim = client.read();
    QVERIFY(interim);
    QCOMPARE(interim->status, 100);
    QVERIFY2(timer.elapsed() < 900, "100 Continue must come at once, not after the client's 1 s wait");
    client.send(body);
    const auto answer = client.read();
    QVERIFY(answer);
    QCOMPARE(answer->status, 200);
    QCOMPARE(answer->body, QByteArray::number(body.size()));
    QCOMPARE(m_lastRequest.body.size(), body.size());
    QVERIFY(timer.elapsed() < 5000);
}

void TestHttpServer::expectContinueRefused_data()
{
    QTest::addColumn<QByteArray>("requestLine");
    QTest::addColumn<int>("status");
    QTest::addRow("too large") << QByteArray("POST /echo") << 413;
    QTest::addRow("unknown path") << QByteArray("POST /nowhere") << 404;
    QTest::addRow("wrong method") << QByteArray("DELETE /echo") << 405;
}

// A body that cannot be used is refused before the client sends it: no 100, the final answer now.
void TestHttpServer::expectContinueRefused()
{
    QFETCH(QByteArray, requestLine);
    QFETCH(int, status);
    ServerConfig config;
    config.maxBodyBytes = 1000;
    QVERIFY(start(config));
    RawClient client;
    QVERIFY(client.connectTo(m_server->port()));
    const QByteArray length = status == 413 ? "1001" : "1000";
    client.send(requestLine + " HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: " + length +
                "\r\n\r\n");
    const auto answer = client.read();
    QVERIFY(answer);
    QCOMPARE(answer->status, status);
    QCOMPARE(answer->header("Connection"), QByteArray("close"));
    QCOMPARE(m_echoCalls, 0);
    QVERIFY(client.waitClosed());
}

void TestHttpServer::pipelinedRequestsAnsweredInOrder()
{
    QVERIFY(start());
    QByteArray requests;
    QList<QByteArray> expected;
    for (int i = 0; i < 24; ++i) {
        const QByteArray id = QByteArray::number(i);
        if (i % 3 == 0) {
            requests += get("/worker/" + id);
            expected.append(id);
        } else if (i % 3 == 1) {
            requests += get("/sync/" + id);
            expected.append(id);
        } else {
            requests += "POST /sync/" + id + " HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\n+bod";
            expected.append(id + "+bod");
        }
    }
    RawClient client;
    QVERIFY(client.connectTo(m_server->port()));
    client.send(requests); // one write: they arrive together
    for (const QByteArray &want : expected) {
        const auto answer = client.read();
        QVERIFY2(answer, want.constData());
        QCOMPARE(answer->body, want);
    }
}

void TestHttpServer::clientLeavesWhileHandlerRuns()
{
    QVERIFY(start());
    QSignalSpy finished(m_server.get(), &HttpServer::requestFinished);
    {
        RawClient client;
        QVERIFY(client.connectTo(m_server->port()));
        client.send(get("/slow"));
        QTRY_VERIFY_WITH_TIMEOUT(m_slowEntered.available() > 0,
                                 kWaitMs); // a worker is busy; the server is not
        QCOMPARE(m_server->connectionCount(), 1);
        client.socket().abort();
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 0, kWaitMs);
    m_releaseSlow.release();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QCOMPARE(finished.first().at(1).toByteArray(), QByteArray("/slow"));
    QCOMPARE(finished.first().at(2).toInt(), 499); // dropped, not written

    QCOMPARE(call("GET", QStringLiteral("/hello"))->readAll(), QByteArray("hello"));
}

void TestHttpServer::slowHandlerDoesNotBlockFastOne()
{
    ServerConfig config;
    config.workerThreads = 2;
    QVERIFY(start(config));
    QNetworkRequest slowRequest(url(QStringLiteral("/slow")));
    std::unique_ptr<QNetworkReply> slow(m_nam.get(slowRequest));
    QTRY_VERIFY_WITH_TIMEOUT(m_slowEntered.available() > 0, kWaitMs);
    auto fast = call("GET", QStringLiteral("/fast"));
    QVERIFY(fast->isFinished());
    QCOMPARE(fast->readAll(), QByteArray("fast"));
    QVERIFY(!slow->isFinished());
    QCOMPARE(call("GET", QStringLiteral("/hello"))->readAll(), QByteArray("hello"));
    m_releaseSlow.release();
    QSignalSpy slowFinished(slow.get(), &QNetworkReply::finished);
    QVERIFY(slow->isFinished() || slowFinished.wait(kWaitMs));
    QCOMPARE(slow->readAll(), QByteArray("slow"));
}

void TestHttpServer::idleTimeoutClosesSilentSocket()
{
    ServerConfig config;
    config.idleTimeoutMs = 200;
    QVERIFY(start(config));

    RawClient silent;
    QElapsedTimer timer;
    timer.start();
    QVERIFY(silent.connectTo(m_server->port()));
    QVERIFY(silent.waitClosed(5000));
    QVERIFY2(timer.elapsed() >= 150, QByteArray::number(timer.elapsed()).constData());

    // After an answer the clock starts again: a kept-alive connection is closed too.
    RawClient kept;
    QVERIFY(kept.connectTo(m_server->port()));
    kept.send(get("/hello"));
    QVERIFY(kept.read());
    timer.restart();
    QVERIFY(kept.waitClosed(5000));
    QVERIFY(timer.elapsed() >= 150);

    // A handler running longer than the idle timeout is not cut off.
    RawClient waiting;
    QVERIFY(waiting.connectTo(m_server->port()));
    waiting.send(get("/slow"));
    QTRY_VERIFY_WITH_TIMEOUT(m_slowEntered.available() > 0, kWaitMs);
    QSignalSpy closed(&waiting.socket(), &QAbstractSocket::disconnected);
    QVERIFY(!closed.wait(600)); // three idle periods
    m_releaseSlow.release();
    const auto answer = waiting.read();
    QVERIFY(answer);
    QCOMPARE(answer->body, QByteArray("slow"));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 0, 5000);
}

// Documented behaviour: beyond maxConnections, connections are accepted by the kernel but not
// served; each waits until a served connection closes, then gets its answer.
void TestHttpServer::connectionCapMakesExtraConnectionsWait()
{
    ServerConfig config;
    config.maxConnections = 5;
    QVERIFY(start(config));
    std::vector<std::unique_ptr<RawClient>> served;
    for (int i = 0; i < 5; ++i) {
        served.push_back(std::make_unique<RawClient>());
        QVERIFY(served.back()->connectTo(m_server->port()));
        served.back()->send(get("/hello"));
        QVERIFY(served.back()->read());
    }
    QCOMPARE(m_server->connectionCount(), 5);

    RawClient sixth;
    QVERIFY(sixth.connectTo(m_server->port())); // the kernel completes the handshake
    sixth.send(get("/hello"));
    QSignalSpy answered(&sixth.socket(), &QIODevice::readyRead);
    QVERIFY(!answered.wait(300));
    QCOMPARE(m_server->connectionCount(), 5);

    served.front()->socket().disconnectFromHost();
    const auto answer = sixth.read();
    QVERIFY(answer);
    QCOMPARE(answer->body, QByteArray("hello"));
    QCOMPARE(m_server->connectionCount(), 5);

    // Once below the cap the server accepts again.
    served.erase(served.begin(), served.begin() + 2);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 4, 5000);
    RawClient later;
    QVERIFY(later.connectTo(m_server->port()));
    later.send(get("/hello"));
    QVERIFY(later.read());

    // Closing the server also hangs up on connections still waiting for a place.
    RawClient waiting;
    QVERIFY(waiting.connectTo(m_server->port()));
    waiting.send(get("/hello"));
    QSignalSpy waitingAnswered(&waiting.socket(), &QIODevice::readyRead);
    QVERIFY(!waitingAnswered.wait(100));
    m_server->close();
    QVERIFY(waiting.waitClosed());
    QVERIFY(later.waitClosed());
    QCOMPARE(m_server->connectionCount(), 0);
}

void TestHttpServer::thousandConcurrentConnections()
{
    constexpr int kClients = 1000;
    ServerConfig config;
    config.maxConnections = 2000;
    QVERIFY(start(config));
    QElapsedTimer timer;
    timer.start();
    int succeeded = 0;
    int failed = 0;
    std::vector<QByteArray> received(kClients); // declared first: outlives the sockets
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < kClients; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->setProxy(QNetworkProxy::NoProxy);
        QTcpSocket *s = socket.get();
        const QByteArray path = i % 2 ? QByteArray("/fast") : QByteArray("/sync/" + QByteArray::number(i));
        connect(s, &QAbstractSocket::connected, s,
                [s, path] { s->write(get(path, "Connection: close\r\n")); });
        connect(s, &QIODevice::readyRead, s, [s, &received, i] { received[size_t(i)] += s->readAll(); });
        connect(s, &QAbstractSocket::disconnected, s, [s, &received, &succeeded, &failed, i] {
            received[size_t(i)] += s->readAll();
            RawResponse response;
            if (takeResponse(received[size_t(i)], response, false) && response.status == 200)
                ++succeeded;
            else
                ++failed;
        });
        connect(s, &QAbstractSocket::errorOccurred, s, [s, &failed](QAbstractSocket::SocketError error) {
            if (error != QAbstractSocket::RemoteHostClosedError) {
                qWarning() << "client error" << s->errorString();
                ++failed;
            }
        });
        s->connectToHost(QHostAddress(QHostAddress::LocalHost), m_server->port());
        sockets.push_back(std::move(socket));
    }
    QTRY_COMPARE_WITH_TIMEOUT(succeeded + failed, kClients, 60000);
    QCOMPARE(succeeded, kClients);
    qInfo() << kClients << "connections answered in" << timer.elapsed() << "ms";
    QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 0, kWaitMs);
}

void TestHttpServer::malformedRequests_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    const auto row = [](const char *name, const QByteArray &request, int status) {
        QTest::addRow("%s", name) << request << status;
    };
    row("garbage", "GARBAGE\r\n\r\n", 400);
    row("binary", QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 15), 400);
    row("no version", "GET /hello\r\nHost: x\r\n\r\n", 400);
    row("two spaces", "GET  /hello HTTP/1.1\r\nHost: x\r\n\r\n", 400);
    row("relative target", "GET hello HTTP/1.1\r\nHost: x\r\n\r\n", 400);
    row("control in target", "GET /he\x01llo HTTP/1.1\r\nHost: x\r\n\r\n", 400);
    row("unknown protocol", "GET /hello FTP/1.1\r\nHost: x\r\n\r\n", 400);
    row("HTTP/2.0", "GET /hello HTTP/2.0\r\nHost: x\r\n\r\n", 505);
    row("no Host", "GET /hello HTTP/1.1\r\n\r\n", 400);
    row("two Hosts", "GET /hello HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400);
    row("no colon", "GET /hello HTTP/1.1\r\nHost: x\r\nBroken header\r\n\r\n", 400);
    row("space before colon", "GET /hello HTTP/1.1\r\nHost: x\r\nX-A : 1\r\n\r\n", 400);
    row("obs-fold", "GET /hello HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n  continued\r\n\r\n", 400);
    row("bare CR", "GET /hello HTTP/1.1\r\nHost: x\rX-A: 1\r\n\r\n", 400);
    row("bad length", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 12abc\r\n\r\n", 400);
    row("negative length", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400);
    row("two lengths", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
        400);
    row("length and chunked",
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", 400);
    row("gzip coding", "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501);
    row("bad chunk size", "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400);
    row("chunk overrun", "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n",
        400);
    row("unknown expectation",
        "POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\nContent-Length: 1\r\n\r\n", 417);
    row("head too large",
        "GET /hello HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(70 * 1024, 'a') + "\r\n\r\n", 431);
    row("request line too long", "GET /" + QByteArray(70 * 1024, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n", 414);
}

void TestHttpServer::malformedRequests()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QVERIFY(start());
    QSignalSpy finished(m_server.get(), &HttpServer::requestFinished);
    RawClient client;
    QVERIFY(client.connectTo(m_server->port()));
    client.send(request);
    const auto answer = client.read();
    QVERIFY(answer);
    QCOMPARE(answer->status, status);
    QCOMPARE(answer->header("Connection"), QByteArray("close"));
    QCOMPARE(answer->header("Content-Type"), QByteArray("application/json"));
    QVERIFY(
        !QJsonDocument::fromJson(answer->body).object().value(QStringLiteral("error")).toString().isEmpty());
    QVERIFY(client.waitClosed());
    QCOMPARE(m_echoCalls, 0);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(2).toInt(), status);
    QCOMPARE(call("GET", QStringLiteral("/hello"))->readAll(), QByteArray("hello"));
}

void TestHttpServer::portInUse()
{
    QVERIFY(start());
    HttpServer second;
    ServerConfig config;
    config.port = m_server->port();
    QString error;
    QVERIFY(!second.listen(config, &error));
    QVERIFY2(error.contains(QStringLiteral("already in use")), qPrintable(error));
    QVERIFY2(error.contains(QString::number(config.port)), qPrintable(error));
    QVERIFY(!second.isListening());
    QCOMPARE(second.port(), quint16(0));

    QVERIFY(!m_server->listen(ServerConfig{}, &error)); // twice on one server
    QVERIFY2(error.contains(QStringLiteral("already listening")), qPrintable(error));

    m_server->close();
    QVERIFY(!m_server->isListening());
    QVERIFY(second.listen(config, &error)); // the port is free again
    QCOMPARE(second.port(), config.port);
}

void TestHttpServer::invalidConfiguration()
{
    ServerConfig noWorkers;
    noWorkers.workerThreads = 0;
    QString error;
    QVERIFY(!m_server->listen(noWorkers, &error));
    QVERIFY(!error.isEmpty());

    ServerConfig tlsWithoutKey;
    tlsWithoutKey.tls = QSslConfiguration::defaultConfiguration();
    error.clear();
    QVERIFY(!m_server->listen(tlsWithoutKey, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!m_server->isListening());
}

void TestHttpServer::routesAreFixedOnceListening()
{
    const auto handler = [](const HttpRequest &) {
        return textAnswer("x");
    };
    QVERIFY(!m_server->addRoute(Route{"no-slash", {"GET"}, false, handler}));
    QVERIFY(!m_server->addRoute(Route{"/no-methods", {}, false, handler}));
    QVERIFY(!m_server->addRoute(Route{"/no-handler", {"GET"}, false, {}}));
    QVERIFY(start());
    QVERIFY(!m_server->addRoute(Route{"/late", {"GET"}, false, handler}));
    QCOMPARE(
        call("GET", QStringLiteral("/late"))->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
        404);
}

void TestHttpServer::https()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend in this Qt build: HTTPS cannot be tested here");
    const QSslCertificate certificate(QByteArray(kTestCertificate), QSsl::Pem);
    const QSslKey key(QByteArray(kTestPrivateKey), QSsl::Ec, QSsl::Pem);
    QVERIFY(!certificate.isNull());
    QVERIFY(!key.isNull());
    ServerConfig config;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(certificate);
    tls.setPrivateKey(key);
    config.tls = tls;
    QVERIFY(start(config));

    auto *socket = new QSslSocket;
    QSslConfiguration trust = socket->sslConfiguration();
    trust.setCaCertificates({certificate});
    socket->setSslConfiguration(trust);
    RawClient client(socket);
    QSignalSpy encrypted(socket, &QSslSocket::encrypted);
    socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_server->port(),
                                   QStringLiteral("localhost"));
    QVERIFY(encrypted.wait(kWaitMs));
    client.send(get("/json"));
    const auto answer = client.read();
    QVERIFY(answer);
    QCOMPARE(answer->status, 200);
    QCOMPARE(answer->body, QByteArray(R"({"ok":true})"));

    RawClient plain; // plain HTTP on the HTTPS port: the handshake fails and the server hangs up
    QVERIFY(plain.connectTo(m_server->port()));
    plain.send(get("/json"));
    QVERIFY(plain.waitClosed());
    QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 1, kWaitMs);
}

// The destructor waits for the running handler; its answer, posted afterwards, is dropped safely.
void TestHttpServer::serverDestroyedWhileHandlerRuns()
{
    QVERIFY(start());
    RawClient client;
    QVERIFY(client.connectTo(m_server->port()));
    client.send(get("/slow"));
    QTRY_VERIFY_WITH_TIMEOUT(m_slowEntered.available() > 0, kWaitMs);
    QThreadPool::globalInstance()->start([this] { m_releaseSlow.release(); });
    m_server.reset();
    QVERIFY(client.waitClosed());
    QVERIFY(!client.read(false, 100));
}

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
