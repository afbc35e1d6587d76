// The request runner over real sockets, without OAuth 2.0: the sample workspace's public and
// client-token flows served by a WorkspaceServer on port 0 (status, reason, body, X-Execution-Id,
// timing, phases), and every way a request can fail short of an answer: a refused connection, an
// unknown host, a server that never answers, a cancel, a self-signed certificate, an answer over
// the size limit and a document prepareRequest() refuses. finished() comes once, after send().

#include "RunnerTestSupport.h"

#include <QNetworkAccessManager>
#include <QSslSocket>
#include <QTest>

using namespace wf::tester;
using wf::testertest::kWaitMs;
using wf::testertest::RawServer;
using wf::testertest::RunnerProbe;
using Phase = RequestRunner::Phase;

class TestRequestRunner final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void publicFlowAnswers_data();
    void publicFlowAnswers();
    void clientToken_data();
    void clientToken();
    void otherMethodIsAnswered();
    void invalidDocumentSendsNothing();
    void connectionRefused();
    void hostNotFound();
    void timeout();
    void cancelMidRequest();
    void newSendCancelsTheRunningOne();
    void destroyedWhileRunning();
    void tlsErrorUnlessInsecure();
    void answerOverTheLimit_data();
    void answerOverTheLimit();

private:
    // Sends and waits for the one finished(); checks it did not come during send().
    RunResult run(RequestRunner &runner, const RequestDocument &document, const SendOptions &options = {});
    RequestDocument invokeDocument(const QString &flowId,
                                   const QString &method = QStringLiteral("POST")) const;

    QTemporaryDir m_dir;
    wf::testertest::ServedWorkspace m_served;
    Variables m_variables;
};

void TestRequestRunner::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString error = m_served.start(m_dir.filePath(QStringLiteral("ws")));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_variables.set(QStringLiteral("baseUrl"), m_served.baseUrl());
    m_variables.set(QStringLiteral("clientToken"), m_served.clientToken(QStringLiteral("order-total-token")),
                    true);
    QVERIFY(!m_variables.value(QStringLiteral("clientToken")).isEmpty());
}

RunResult TestRequestRunner::run(RequestRunner &runner, const RequestDocument &document,
                                 const SendOptions &options)
{
    RunnerProbe probe(runner);
    runner.send(document, m_variables, options);
    if (!probe.results.isEmpty()) {
        qWarning("finished() came during send()");
        return {};
    }
    if (!QTest::qWaitFor([&] { return !probe.results.isEmpty(); }, kWaitMs)) {
        qWarning("no finished() within %d ms", kWaitMs);
        return {};
    }
    RunResult result = probe.results.constFirst();
    if (runner.isBusy() || runner.phase() != Phase::Idle) {
        qWarning("the runner is still busy after finished()");
        result.message = QStringLiteral("still busy");
    }
    return result;
}

RequestDocument TestRequestRunner::invokeDocument(const QString &flowId, const QString &method) const
{
    RequestDocument document;
    document.method = method;
    document.url = QStringLiteral("{{baseUrl}}") + m_served.invokePath(flowId);
    return document;
}

void TestRequestRunner::publicFlowAnswers_data()
{
    QTest::addColumn<QString>("host");
    QTest::addRow("IP address") << "127.0.0.1";
    QTest::addRow("host name") << "localhost";
}

void TestRequestRunner::publicFlowAnswers()
{
    QFETCH(QString, host);
    RequestDocument document = invokeDocument(QStringLiteral("hello-public"));
    document.url.replace(
        QStringLiteral("{{baseUrl}}"),
        QStringLiteral("http://%1:%2").arg(host).arg(m_served.server->workspace().settings().port));
    document.query.append({QStringLiteral("lang"), QStringLiteral("fr")});
    document.bodyMode = BodyMode::Json;
    document.body = QStringLiteral("{\"name\": \"Ada\"}");

    RequestRunner runner;
    RunnerProbe probe(runner);
    const qsizetype served = m_served.requests.size();
    const RunResult result = run(runner, document);
    QCOMPARE(runOutcomeName(result.outcome), runOutcomeName(RunOutcome::Answered));
    QVERIFY(result.message.isEmpty());
    QCOMPARE(result.status, 200);
    QCOMPARE(result.reason, QStringLiteral("OK"));
    QVERIFY2(result.body.contains("\"greeting\":\"Bonjour, Ada!\""), result.body.constData());
    QVERIFY(!result.executionId.isEmpty());
    bool headerSeen = false;
    for (const auto &[name, value] : result.headers)
        headerSeen = headerSeen || (name.compare("x-execution-id", Qt::CaseInsensitive) == 0 &&
                                    value == result.executionId.toLatin1());
    QVERIFY(headerSeen);
    QCOMPARE(result.sent.method, QByteArray("POST"));
    QCOMPARE(result.sent.url.query(), QStringLiteral("lang=fr"));
    QCOMPARE(m_served.requests.size(), served + 1);
    QCOMPARE(m_served.requests.constLast().status, 200);

    const ResponseTiming &timing = result.timing;
    QCOMPARE(timing.tokenMs, -1);
    QVERIFY2(timing.dnsMs >= 0, qPrintable(QString::number(timing.dnsMs)));
    QVERIFY(timing.connectMs >= timing.dnsMs);
    QVERIFY(timing.firstByteMs >= timing.connectMs);
    QVERIFY(timing.totalMs >= timing.firstByteMs);
    QVERIFY(!result.retriedAfter401);
    QVERIFY(!result.token.has_value());

    QCOMPARE(probe.results.size(), 1);
    QCOMPARE(probe.phases, (QList<Phase>{Phase::Sending, Phase::Receiving, Phase::Idle}));
}

void TestRequestRunner::clientToken_data()
{
    QTest::addColumn<bool>("inHeader");
    QTest::addColumn<bool>("rightToken");
    QTest::addColumn<int>("status");
    QTest::addRow("query") << false << true << 200;
    QTest::addRow("header") << true << true << 200;
    QTest::addRow("wrong token in the query") << false << false << 401;
    QTest::addRow("wrong token in the header") << true << false << 401;
}

void TestRequestRunner::clientToken()
{
    QFETCH(bool, inHeader);
    QFETCH(bool, rightToken);
    QFETCH(int, status);
    RequestDocument document = invokeDocument(QStringLiteral("order-total-token"));
    document.bodyMode = BodyMode::Json;
    document.body = QStringLiteral("{\"items\": [{\"price\": 7}]}");
    document.auth.mode = AuthMode::ClientToken;
    document.auth.placement = inHeader ? ClientTokenPlacement::Header : ClientTokenPlacement::Query;
    if (!rightToken)
        document.auth.clientToken = QString(64, QLatin1Char('0'));

    RequestRunner runner;
    const QByteArray path = m_served.invokePath(QStringLiteral("order-total-token")).toLatin1();
    const qsizetype before = m_served.count(path);
    const RunResult result = run(runner, document);
    QCOMPARE(runOutcomeName(result.outcome), runOutcomeName(RunOutcome::Answered));
    QCOMPARE(result.status, status);
    // One request whatever the answer: only OAuth 2.0 retries on 401.
    QCOMPARE(m_served.count(path), before + 1);
    QVERIFY(!result.retriedAfter401);
    if (rightToken) {
        QVERIFY2(result.body.contains("\"largest\":7"), result.body.constData());
    } else {
        QCOMPARE(result.reason, QStringLiteral("Unauthorized"));
        QVERIFY2(result.body.contains("invalid_client_token"), result.body.constData());
    }
    const bool inQuery = result.sent.url.query().contains(QLatin1String("clientToken="));
    QCOMPARE(inQuery, !inHeader);
}

void TestRequestRunner::otherMethodIsAnswered()
{
    RequestRunner runner;
    const RunResult result =
        run(runner, invokeDocument(QStringLiteral("hello-public"), QStringLiteral("PATCH")));
    QCOMPARE(runOutcomeName(result.outcome), runOutcomeName(RunOutcome::Answered));
    QCOMPARE(result.status, 405);
    QCOMPARE(result.reason, QStringLiteral("Method Not Allowed"));
    QCOMPARE(result.sent.method, QByteArray("PATCH"));
    QByteArray allow;
    for (const auto &[name, value] : result.headers) {
        if (name.compare("allow", Qt::CaseInsensitive) == 0)
            allow = value;
    }
    QCOMPARE(allow, QByteArray("GET, POST"));
    QCOMPARE(m_served.requests.constLast().method, QByteArray("PATCH"));
}

void TestRequestRunner::invalidDocumentSendsNothing()
{
    RequestDocument document = invokeDocument(QStringLiteral("hello-public"));
    document.query.append({QStringLiteral("x"), QStringLiteral("{{notDefined}}")});
    RequestRunner runner;
    RunnerProbe probe(runner);
    const qsizetype served = m_served.requests.size();
    const RunResult result = run(runner, document);
    QCOMPARE(runOutcomeName(result.outcome), runOutcomeName(RunOutcome::InvalidRequest));
    QVERIFY2(result.message.contains(QLatin1String("{{notDefined}}")), qPrintable(result.message));
    QCOMPARE(result.status, 0);
    QVERIFY(result.sent.method.isEmpty());
    QCOMPARE(result.timing.dnsMs, -1);
    QCOMPARE(result.timing.connectMs, -1);
    QVERIFY(!probe.phases.contains(Phase::Sending));
    QCOMPARE(m_served.requests.size(), served);
}

void TestRequestRunner::connectionRefused()
{
    const quint16 port = wf::testertest::closedPort();
    QVERIFY(port != 0);
    RequestDocument document;
    document.url = QStringLiteral("http://127.0.0.1:%1/health").arg(port);
    RequestRunner runner;
    const RunResult result = run(runner, document);
    QCOMPARE(runOutcomeName(result.outcome), runOutcomeName(RunOutcome::ConnectionRefused));
    QCOMPARE(result.message,
             QStringLiteral("cannot reach http://127.0.0.1:%1: connection refused; is the server running?")
                 .arg(port));
    QCOMPARE(result.status, 0);
    QCOMPARE(result.timing.firstByteMs, -1);
    QVERIFY(result.timing.totalMs >= 0);
}

void TestRequestRunner::hostNotFound()
{
    RequestDocument document;
    document.url = QStringLiteral("http://nonexistent.invalid/api");
    RequestRunner runner;
    const RunResult result = run(runner, document);
    QCOMPARE(runOutcomeName(result.outcome), runOutcomeName(RunOutcome::HostNotFound));
    QCOMPARE(result.message,
             QStringLiteral("cannot reach http://nonexistent.invalid: host nonexistent.invalid "
                            "not found"));
    QVERIFY(result.timing.dnsMs >= 0);
    QCOMPARE(result.timing.connectMs, -1);
}

void TestRequestRunner::timeout()
{
    RawServer silent(new QTcpServer);
    QVERIFY(silent.listen());
    RequestDocument document;
    document.url = silent.url() + QStringLiteral("/slow");
    SendOptions options;
    options.timeoutMs = 300;
    RequestRunner runner;
    RunnerProbe probe(runner);
    const RunResult result = run(runner, document, options);
    QCOMPARE(runOutcomeName(result.outcome), runOutcomeName(RunOutcome::TimedOut));
    QCOMPARE(result.message, QStringLiteral("no answer from %1 within 0.3 s").arg(silent.url()));
    QVERIFY2(result.timing.totalMs >= 300 && result.timing.totalMs < 5000,
             qPrintable(QString::number(result.timing.totalMs)));
    QCOMPARE(silent.requestHeads, 1);
    QVERIFY(result.timing.connectMs >= 0);
    QCOMPARE(result.timing.firstByteMs, -1);
    // The abandoned connection is closed, not left open.
    QTRY_COMPARE_WITH_TIMEOUT(silent.disconnected, 1, kWaitMs);
    QCOMPARE(probe.results.size(), 1);
}

void TestRequestRunner::cancelMidRequest()
{
    RawServer silent(new QTcpServer);
    QVERIFY(silent.listen());
    RequestDocument document;
    document.url = silent.url() + QStringLiteral("/slow");
    RequestRunner runner;
    RunnerProbe probe(runner);
    runner.send(document, m_variables, {});
    QTRY_COMPARE_WITH_TIMEOUT(silent.requestHeads, 1, kWaitMs);
    QCOMPARE(runner.phase(), Phase::Sending);
    runner.cancel();
    QVERIFY(!runner.isBusy());
    QCOMPARE(runner.phase(), Phase::Idle);
    QVERIFY(probe.results.isEmpty()); // queued, like every finished()
    QTRY_COMPARE_WITH_TIMEOUT(probe.results.size(), 1, kWaitMs);
    QCOMPARE(runOutcomeName(probe.results.constFirst().outcome), runOutcomeName(RunOutcome::Cancelled));
    QTRY_COMPARE_WITH_TIMEOUT(silent.disconnected, 1, kWaitMs);
    runner.cancel(); // nothing running: nothing more to report

    // The runner goes on working, and nothing late from the cancelled request shows up.
    const RunResult next = run(runner, invokeDocument(QStringLiteral("hello-public")));
    QCOMPARE(next.status, 200);
    QCOMPARE(probe.results.size(), 2);
    QCOMPARE(runOutcomeName(probe.results.constLast().outcome), runOutcomeName(RunOutcome::Answered));
}

void TestRequestRunner::newSendCancelsTheRunningOne()
{
    RawServer silent(new QTcpServer);
    QVERIFY(silent.listen());
    RequestDocument slow;
    slow.url = silent.url() + QStringLiteral("/slow");
    RequestRunner runner;
    RunnerProbe probe(runner);
    runner.send(slow, m_variables, {});
    QTRY_COMPARE_WITH_TIMEOUT(silent.requestHeads, 1, kWaitMs);
    runner.send(invokeDocument(QStringLiteral("hello-public")), m_variables, {});
    QVERIFY(runner.isBusy());
    QTRY_COMPARE_WITH_TIMEOUT(probe.results.size(), 2, kWaitMs);
    QCOMPARE(runOutcomeName(probe.results.at(0).outcome), runOutcomeName(RunOutcome::Cancelled));
    QCOMPARE(runOutcomeName(probe.results.at(1).outcome), runOutcomeName(RunOutcome::Answered));
    QCOMPARE(probe.results.at(1).status, 200);
}

void TestRequestRunner::destroyedWhileRunning()
{
    RawServer silent(new QTcpServer);
    QVERIFY(silent.listen());
    RequestDocument slow;
    slow.url = silent.url() + QStringLiteral("/slow");
    QNetworkAccessManager shared;
    auto runner = std::make_unique<RequestRunner>(&shared);
    RunnerProbe probe(*runner);
    runner->send(slow, m_variables, {});
    QTRY_COMPARE_WITH_TIMEOUT(silent.requestHeads, 1, kWaitMs);
    runner.reset();
    // Its connection is closed with it, and the manager it used goes on working.
    QTRY_COMPARE_WITH_TIMEOUT(silent.disconnected, 1, kWaitMs);
    RequestRunner next(&shared);
    QCOMPARE(run(next, invokeDocument(QStringLiteral("hello-public"))).status, 200);
    QVERIFY(probe.results.isEmpty());
}

void TestRequestRunner::tlsErrorUnlessInsecure()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("this Qt has no TLS backend, so there is no TLS to fail");
    auto server = RawServer::tls();
    QVERIFY(server);
    QVERIFY(server->listen());
    server->answer = QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n"
                                       "Connection: close\r\n\r\nsecure");
    RequestDocument document;
    document.url = server->url(QStringLiteral("https")) + QStringLiteral("/hello");
    RequestRunner runner;
    const RunResult refused = run(runner, document);
    QCOMPARE(runOutcomeName(refused.outcome), runOutcomeName(RunOutcome::TlsError));
    QVERIFY2(refused.message.startsWith(QStringLiteral("cannot reach %1: TLS handshake failed: ")
                                            .arg(server->url(QStringLiteral("https")))),
             qPrintable(refused.message));
    QVERIFY2(refused.message.contains(QLatin1String("self-signed")), qPrintable(refused.message));
    QCOMPARE(server->requestHeads, 0);

    SendOptions insecure;
    insecure.insecure = true;
    const RunResult accepted = run(runner, document, insecure);
    QCOMPARE(runOutcomeName(accepted.outcome), runOutcomeName(RunOutcome::Answered));
    QCOMPARE(accepted.status, 200);
    QCOMPARE(accepted.body, QByteArray("secure"));
    QCOMPARE(server->requestHeads, 1);

    // Accepting it once does not make the next, careful request accept it.
    const RunResult again = run(runner, document);
    QCOMPARE(runOutcomeName(again.outcome), runOutcomeName(RunOutcome::TlsError));
    QCOMPARE(server->requestHeads, 1);
}

void TestRequestRunner::answerOverTheLimit_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<bool>("declaresLength");
    QTest::addRow("flow answer") << "flow" << true;
    QTest::addRow("length declared") << "raw" << true;
    QTest::addRow("length not declared") << "raw" << false;
}

void TestRequestRunner::answerOverTheLimit()
{
    QFETCH(QString, server);
    QFETCH(bool, declaresLength);
    RawServer raw(new QTcpServer);
    QVERIFY(raw.listen());
    const QByteArray body(100000, 'x');
    raw.answer = QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n") +
                 (declaresLength ? QByteArrayLiteral("Content-Length: ") + QByteArray::number(body.size()) +
                                       QByteArrayLiteral("\r\n")
                                 : QByteArray()) +
                 QByteArrayLiteral("\r\n") + body;
    RequestDocument document = invokeDocument(QStringLiteral("hello-public"));
    if (server == QLatin1String("raw"))
        document.url = raw.url() + QStringLiteral("/big");
    SendOptions options;
    options.maxResponseBytes = 10;

    RequestRunner runner;
    RunnerProbe probe(runner);
    const RunResult result = run(runner, document, options);
    QCOMPARE(runOutcomeName(result.outcome), runOutcomeName(RunOutcome::NetworkError));
    QVERIFY2(result.message.contains(QLatin1String("limit of 10 bytes")), qPrintable(result.message));
    QVERIFY(result.body.size() <= 10);
    QCOMPARE(result.status, 200);
    QVERIFY(result.timing.firstByteMs >= 0);
    const RunResult fits = run(runner, document);
    QCOMPARE(runOutcomeName(fits.outcome), runOutcomeName(RunOutcome::Answered));
    if (server == QLatin1String("raw"))
        QCOMPARE(fits.body, body);
    QCOMPARE(probe.results.size(), 2);
}

QTEST_GUILESS_MAIN(TestRequestRunner)
#include "tst_requestrunner.moc"
