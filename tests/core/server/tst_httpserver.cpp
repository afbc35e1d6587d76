// The HTTP adapter over real sockets, requests and answers: path matching, routes and methods, HEAD,
// the answer's headers, request parsing (headers, query, chunked bodies, HTTP/1.0), body limits,
// Expect: 100-continue and malformed requests. Connections, TLS and shutdown: tst_httpconnections.

#include "HttpServerTestSupport.h"

#include <QDateTime>
#include <QLocale>

using wf::HeaderList;
using wf::HttpRequest;
using namespace wf::httptest;

class TestHttpServer final : public QObject, private HttpServerFixture {
    Q_OBJECT

private slots:
    void init() { setUpServer(); }
    void cleanup() { tearDownServer(); }

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
    void headDecidesBeforeTheBodyLimit_data();
    void headDecidesBeforeTheBodyLimit();
    void expectContinue();
    void expectContinueRefused_data();
    void expectContinueRefused();
    void malformedRequests_data();
    void malformedRequests();
    void routesAreFixedOnceListening();
};

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

void TestHttpServer::headDecidesBeforeTheBodyLimit_data()
{
    QTest::addColumn<QByteArray>("requestLine");
    QTest::addColumn<QByteArray>("length");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("handled"); // calls of the handler

    QTest::addRow("unknown path, body too large")
        << QByteArray("POST /nowhere") << QByteArray("1048577") << 404 << 0;
    QTest::addRow("wrong method, body too large")
        << QByteArray("PATCH /echo") << QByteArray("1048577") << 405 << 0;
    QTest::addRow("route refuses from the head")
        << QByteArray("POST /guarded/gone") << QByteArray("10") << 410 << 0;
    QTest::addRow("route refuses before the limit")
        << QByteArray("POST /guarded/gone") << QByteArray("1048577") << 410 << 0;
    QTest::addRow("route lets it through to the limit")
        << QByteArray("POST /guarded/ok") << QByteArray("1048577") << 413 << 0;
    QTest::addRow("route lets it through") << QByteArray("POST /guarded/ok") << QByteArray("10") << 200 << 1;
}

void TestHttpServer::headDecidesBeforeTheBodyLimit()
{
    QFETCH(QByteArray, requestLine);
    QFETCH(QByteArray, length);
    QFETCH(int, status);
    QFETCH(int, handled);
    ServerConfig config;
    config.maxBodyBytes = 1024 * 1024;
    QVERIFY(start(config));
    RawClient client;
    QVERIFY(client.connectTo(m_server->port()));
    // A short body is sent whole; a long one never is, and the answer must not wait for it.
    const QByteArray body = length.toInt() <= 10 ? QByteArray(length.toInt(), 'b') : QByteArray();
    client.send(requestLine + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + length + "\r\n\r\n" + body);
    const auto answer = client.read();
    QVERIFY(answer);
    QCOMPARE(answer->status, status);
    QCOMPARE(m_echoCalls, handled);
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

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
