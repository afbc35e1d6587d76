// The HTTP adapter over real sockets, its connections: pipelining, clients leaving, slow handlers,
// idle timeouts, the connection cap, a thousand concurrent clients, listening errors, HTTPS and
// destroying the server while a handler runs. Requests and answers: tst_httpserver.

#include "HttpServerTestSupport.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QThreadPool>
#include <vector>

using namespace wf::httptest;

class TestHttpConnections final : public QObject, private HttpServerFixture {
    Q_OBJECT

private slots:
    void init() { setUpServer(); }
    void cleanup() { tearDownServer(); }

    void pipelinedRequestsAnsweredInOrder();
    void clientLeavesWhileHandlerRuns();
    void slowHandlerDoesNotBlockFastOne();
    void waitingHandlerLendsItsWorker();
    void idleTimeoutClosesSilentSocket();
    void connectionCapMakesExtraConnectionsWait();
    void thousandConcurrentConnections();
    void portInUse();
    void invalidConfiguration();
    void https();
    void serverDestroyedWhileHandlerRuns();
    void asyncAnswerHoldsNoWorker();
    void asyncHandlerAnswersOnce();
    void serverDestroyedWhileAnswerPending();
};

void TestHttpConnections::pipelinedRequestsAnsweredInOrder()
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

void TestHttpConnections::clientLeavesWhileHandlerRuns()
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

void TestHttpConnections::slowHandlerDoesNotBlockFastOne()
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

// With a single worker, a handler that waits inside a WaitScope does not hold it: the pool starts
// another thread for the requests behind it, and is back to one thread afterwards.
void TestHttpConnections::waitingHandlerLendsItsWorker()
{
    ServerConfig config;
    config.workerThreads = 1;
    QVERIFY(start(config));
    std::unique_ptr<QNetworkReply> waiting(m_nam.get(QNetworkRequest(url(QStringLiteral("/waiting")))));
    QTRY_VERIFY_WITH_TIMEOUT(m_slowEntered.available() > 0, kWaitMs);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(call("GET", QStringLiteral("/fast"))->readAll(), QByteArray("fast"));
    QVERIFY(!waiting->isFinished());
    m_releaseSlow.release();
    QSignalSpy waitingFinished(waiting.get(), &QNetworkReply::finished);
    QVERIFY(waiting->isFinished() || waitingFinished.wait(kWaitMs));
    QCOMPARE(waiting->readAll(), QByteArray("waited"));
    QCOMPARE(call("GET", QStringLiteral("/fast"))->readAll(), QByteArray("fast"));
}

void TestHttpConnections::idleTimeoutClosesSilentSocket()
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
void TestHttpConnections::connectionCapMakesExtraConnectionsWait()
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

void TestHttpConnections::thousandConcurrentConnections()
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

void TestHttpConnections::portInUse()
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

void TestHttpConnections::invalidConfiguration()
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

void TestHttpConnections::https()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend in this Qt build: HTTPS cannot be tested here");
    // A self-signed certificate for "localhost" and 127.0.0.1 (tests/data/tls), and its key.
    QFile certificateFile(QStringLiteral(WF_TEST_DATA_DIR "/tls/cert.pem"));
    QFile keyFile(QStringLiteral(WF_TEST_DATA_DIR "/tls/key.pem"));
    QVERIFY(certificateFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    const QSslCertificate certificate(certificateFile.readAll(), QSsl::Pem);
    const QSslKey key(keyFile.readAll(), QSsl::Ec, QSsl::Pem);
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
void TestHttpConnections::serverDestroyedWhileHandlerRuns()
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

// An asynchronous route's request waits for its answer without a worker: with one worker, other
// requests are served meanwhile; the answer, given from another thread, is written in order.
void TestHttpConnections::asyncAnswerHoldsNoWorker()
{
    ServerConfig config;
    config.workerThreads = 1;
    QVERIFY(start(config));
    QSignalSpy finished(m_server.get(), &HttpServer::requestFinished);
    RawClient client;
    QVERIFY(client.connectTo(m_server->port()));
    client.send(get("/later/a") + get("/later/b")); // pipelined: b waits for a's answer
    QTRY_COMPARE_WITH_TIMEOUT(laterCount(), 1, kWaitMs);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(call("GET", QStringLiteral("/fast"))->readAll(), QByteArray("fast"));
    QVERIFY(!client.read(false, 100)); // not answered yet
    answerLater(50);
    const auto first = client.read();
    QVERIFY(first);
    QCOMPARE(first->status, 200);
    QCOMPARE(first->body, QByteArray("later a"));
    QTRY_COMPARE_WITH_TIMEOUT(laterCount(), 1, kWaitMs);
    answerLater();
    const auto second = client.read();
    QVERIFY(second);
    QCOMPARE(second->body, QByteArray("later b"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 5, kWaitMs);
}

void TestHttpConnections::asyncHandlerAnswersOnce()
{
    QVERIFY(start());
    auto thrown = call("GET", QStringLiteral("/later/throws"));
    QCOMPARE(thrown->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 500);
    QVERIFY(thrown->readAll().contains("internal_error"));
    auto twice = call("GET", QStringLiteral("/later/twice"));
    QCOMPARE(twice->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(twice->readAll(), QByteArray("first"));
    QCOMPARE(call("GET", QStringLiteral("/hello"))->readAll(), QByteArray("hello")); // still in step
}

// The server waits for the answers still to come (they are posted to it), then closes.
void TestHttpConnections::serverDestroyedWhileAnswerPending()
{
    QVERIFY(start());
    RawClient client;
    QVERIFY(client.connectTo(m_server->port()));
    client.send(get("/later/x"));
    QTRY_COMPARE_WITH_TIMEOUT(laterCount(), 1, kWaitMs);
    answerLater(300);
    QElapsedTimer waited;
    waited.start();
    m_server.reset();
    QVERIFY2(waited.elapsed() >= 250, QByteArray::number(waited.elapsed()).constData());
    QVERIFY(client.waitClosed());
}

QTEST_GUILESS_MAIN(TestHttpConnections)
#include "tst_httpconnections.moc"
