// The flow routes over real sockets: a workspace, the history store, the invoke service and the HTTP
// adapter wired as `wfconsole serve` wires them, on port 0. Every status of PRODUCT.md §3.1 and the
// shapes of §3.2 as rows; each answered execution is already in history when its answer arrives; a
// paused execution survives a restart.

#include "NetworkTestSupport.h"
#include "endpoint/ClientToken.h"
#include "endpoint/InvokeService.h"
#include "flow/FlowJson.h"
#include "server/FlowRoutes.h"
#include "server/HttpServer.h"
#include "store/HistoryLedger.h"
#include "store/HistoryStore.h"
#include "store/SecretStore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QTemporaryDir>
#include <QTest>

using namespace wf;
using servertest::Reply;

namespace {

const char *const kExtraFlows[] = {
    "{\"format\": 1, \"id\": \"off\", \"name\": \"Off\", \"active\": false, \"event\": {\"type\": "
    "\"apiEndpoint\"}, "
    "\"cards\": []}",
    "{\"format\": 1, \"id\": \"noreturn\", \"name\": \"No return\", \"event\": {\"type\": \"apiEndpoint\"}, "
    "\"cards\": [{\"id\": \"c\", \"function\": \"flow.comment\"}]}",
    "{\"format\": 1, \"id\": \"stop\", \"name\": \"Stop\", \"event\": {\"type\": \"apiEndpoint\"}, "
    "\"cards\": ["
    "{\"id\": \"go\", \"function\": \"branching.continueIf\", \"inputs\": [{\"name\": \"a\", \"value\": 1}, "
    "{\"name\": \"b\", \"value\": 2}, {\"name\": \"message\", \"value\": \"not today\"}]}]}",
    "{\"format\": 1, \"id\": \"broken\", \"name\": \"Broken\", \"event\": {\"type\": \"apiEndpoint\"}, "
    "\"cards\": ["
    "{\"id\": \"div\", \"function\": \"number.divide\", \"inputs\": [{\"name\": \"a\", \"value\": 1}, "
    "{\"name\": \"b\", \"value\": 0}]}]}",
};

} // namespace

class TestFlowServer final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void statusCodes_data();
    void statusCodes();
    void answerIsInHistoryFirst();
    void clientTokenNeverStored();
    void recordedCallbackSeesNoSecret();
    void pauseSurvivesRestart();
    void retryFromHistory();
    void ledgerTellsUnreadableHistoryFromNone();
    void health();
    void slowFlowTimesOut();

private:
    void start();
    void stop();
    Reply send(const QByteArray &method, const QString &flowId, const QByteArray &suffix = "/invoke",
               const QByteArray &query = {}, const QByteArray &body = {},
               const QList<QPair<QByteArray, QByteArray>> &headers = {});

    QTemporaryDir m_dir;
    std::unique_ptr<MemorySecretStore> m_secrets;
    Workspace m_workspace;
    std::unique_ptr<HistoryStore> m_history;
    std::unique_ptr<HistoryLedger> m_ledger;
    std::unique_ptr<InvokeService> m_service;
    std::unique_ptr<server::HttpServer> m_server;
    QNetworkAccessManager m_network;
    QString m_token;
    int m_round = 0;
};

void TestFlowServer::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestFlowServer::init()
{
    m_secrets = std::make_unique<MemorySecretStore>();
    auto created = Workspace::create(m_dir.filePath(QStringLiteral("ws%1").arg(++m_round)), *m_secrets);
    QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
    m_workspace = *created;
    for (const char *json : kExtraFlows)
        QVERIFY(m_workspace.addFlow(*flowjson::parse(QByteArray(json)).flow, *m_secrets).ok());
    m_workspace.settings().bodyLimitBytes = 4096;
    m_workspace.settings().rateLimitPerSecond = 0;
    m_token =
        m_secrets->read(clientTokenSecretKey(m_workspace.id(), QStringLiteral("order-total-token")))->value();
    start();
}

void TestFlowServer::start()
{
    m_history = std::make_unique<HistoryStore>();
    QVERIFY(m_history->open(m_workspace.dir() + QStringLiteral("/history.db")).ok());
    m_ledger = std::make_unique<HistoryLedger>(*m_history);
    m_service = std::make_unique<InvokeService>(EndpointSnapshot::of(m_workspace), *m_ledger);
    m_server = std::make_unique<server::HttpServer>();
    QVERIFY(server::addFlowRoutes(*m_server, *m_service));
    server::ServerConfig config;
    config.maxBodyBytes = m_workspace.settings().bodyLimitBytes;
    QString error;
    QVERIFY2(m_server->listen(config, &error), qPrintable(error));
}

void TestFlowServer::stop()
{
    m_server.reset(); // waits for running handlers
    m_service.reset();
    m_ledger.reset();
    m_history.reset();
}

void TestFlowServer::cleanup()
{
    stop();
}

Reply TestFlowServer::send(const QByteArray &method, const QString &flowId, const QByteArray &suffix,
                           const QByteArray &query, const QByteArray &body,
                           const QList<QPair<QByteArray, QByteArray>> &headers)
{
    const Flow *flow = m_workspace.flowById(flowId);
    const QByteArray alias =
        flow ? flow->alias.toLatin1() : QByteArrayLiteral("00000000000000000000000000000000");
    QUrl url(QStringLiteral("http://127.0.0.1:%1/api/flo/%2")
                 .arg(m_server->port())
                 .arg(QString::fromLatin1(alias + suffix)));
    if (!query.isEmpty())
        url.setQuery(QString::fromLatin1(query));
    QNetworkRequest request(url);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    return servertest::perform(m_network, method, request, body);
}

void TestFlowServer::statusCodes_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("flow");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("tokenHeader"); // "T" = the right token
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("jsonField"); // a field of the answer to check, "name=value"
    QTest::addColumn<bool>("executed");     // an execution was created

    QTest::addRow("404 unknown alias") << QByteArray("GET") << QString() << QByteArray() << QByteArray()
                                       << QByteArray() << 404 << "error=not_found" << false;
    QTest::addRow("405 PUT") << QByteArray("PUT") << "hello-public" << QByteArray() << QByteArray()
                             << QByteArray() << 405 << "error=method_not_allowed" << false;
    QTest::addRow("413 large body") << QByteArray("POST") << "hello-public" << QByteArray()
                                    << QByteArray(5000, ' ') << QByteArray() << 413
                                    << "error=payload_too_large" << false;
    QTest::addRow("400 token twice") << QByteArray("GET") << "order-total-token"
                                     << QByteArray("clientToken=T") << QByteArray() << QByteArray("T") << 400
                                     << "error=invalid_request" << false;
    QTest::addRow("401 no token") << QByteArray("GET") << "order-total-token" << QByteArray() << QByteArray()
                                  << QByteArray() << 401 << "error=invalid_client_token" << false;
    QTest::addRow("401 no bearer") << QByteArray("GET") << "customer-oauth" << QByteArray("id=42")
                                   << QByteArray() << QByteArray() << 401 << "error=invalid_token" << false;
    QTest::addRow("409 inactive") << QByteArray("POST") << "off" << QByteArray() << QByteArray()
                                  << QByteArray() << 409 << "error=flow_inactive" << false;
    QTest::addRow("400 malformed JSON")
        << QByteArray("POST") << "hello-public" << QByteArray() << QByteArray("{\"name\":") << QByteArray()
        << 400 << "error=invalid_request" << true;
    QTest::addRow("200 Return") << QByteArray("POST") << "hello-public" << QByteArray()
                                << QByteArray("{\"name\":\"Ada\"}") << QByteArray() << 200
                                << "greeting=Hello, Ada!" << true;
    QTest::addRow("200 token in query")
        << QByteArray("POST") << "order-total-token" << QByteArray("clientToken=T")
        << QByteArray("{\"items\":[{\"price\":2}]}") << QByteArray() << 200 << "largest=2" << true;
    QTest::addRow("200 token in header")
        << QByteArray("POST") << "order-total-token" << QByteArray()
        << QByteArray("{\"items\":[{\"price\":3}]}") << QByteArray("T") << 200 << "largest=3" << true;
    QTest::addRow("400 Return Error If")
        << QByteArray("POST") << "order-total-token" << QByteArray() << QByteArray("{\"items\":[]}")
        << QByteArray("T") << 400 << "error=items: give at least one order line" << true;
    QTest::addRow("200 no Return") << QByteArray("GET") << "noreturn" << QByteArray() << QByteArray()
                                   << QByteArray() << 200 << QString() << true;
    QTest::addRow("200 Continue If false") << QByteArray("GET") << "stop" << QByteArray() << QByteArray()
                                           << QByteArray() << 200 << "message=not today" << true;
    QTest::addRow("500 card error") << QByteArray("GET") << "broken" << QByteArray() << QByteArray()
                                    << QByteArray() << 500 << "error=Divide: b: division by zero" << true;
    QTest::addRow("400 malformed JSON, raw flow")
        << QByteArray("POST") << "echo-raw" << QByteArray() << QByteArray("{\"x\": ") << QByteArray() << 400
        << "error=invalid_request" << true;
    QTest::addRow("200 Return Raw") << QByteArray("POST") << "echo-raw" << QByteArray()
                                    << QByteArray("{\"a\": 1}") << QByteArray() << 200 << "a=1" << true;
    QTest::addRow("200 Pause") << QByteArray("POST") << "approval-pause" << QByteArray()
                               << QByteArray("{\"amount\":3,\"reason\":\"tea\"}") << QByteArray() << 200
                               << "status=pending" << true;
}

void TestFlowServer::statusCodes()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, flow);
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, tokenHeader);
    QFETCH(int, status);
    QFETCH(QString, jsonField);
    QFETCH(bool, executed);
    query.replace(QByteArrayLiteral("clientToken=T"), QByteArray("clientToken=" + m_token.toLatin1()));
    QList<QPair<QByteArray, QByteArray>> headers;
    if (tokenHeader == "T")
        headers.append({QByteArrayLiteral("x-api-client-token"), m_token.toLatin1()});
    const Reply reply = send(method, flow, "/invoke", query, body, headers);
    QCOMPARE(reply.status, status);
    if (!jsonField.isEmpty()) {
        const QString name = jsonField.section(QLatin1Char('='), 0, 0);
        const QString expected = jsonField.section(QLatin1Char('='), 1);
        QCOMPARE(valueToText(reply.json().value(name)), expected);
    }
    if (status == 405)
        QCOMPARE(reply.headers.value("allow"), QByteArrayLiteral("GET, POST"));
    if (status == 401 && flow == QLatin1String("customer-oauth"))
        QCOMPARE(reply.headers.value("www-authenticate"), QByteArrayLiteral("Bearer realm=\"workflows\""));
    const QByteArray executionId = reply.headers.value("x-execution-id");
    QCOMPARE(!executionId.isEmpty(), executed);
    QCOMPARE(m_history->count().value(), executed ? 1 : 0);
}

void TestFlowServer::answerIsInHistoryFirst()
{
    for (int i = 0; i < 20; ++i) {
        const Reply reply = send("POST", QStringLiteral("hello-public"), "/invoke", {}, "{\"name\":\"Bo\"}");
        QCOMPARE(reply.status, 200);
        // The record is committed before the answer is written, so it is there the moment the answer is.
        auto record = m_history->get(QString::fromLatin1(reply.headers.value("x-execution-id")));
        QVERIFY(record.ok());
        QCOMPARE(record->status, ExecutionStatus::Success);
        QCOMPARE(record->response.status, 200);
        QCOMPARE(record->response.body, reply.body);
        QVERIFY(!record->trace.isEmpty());
    }
}

void TestFlowServer::clientTokenNeverStored()
{
    send("POST", QStringLiteral("order-total-token"), "/invoke", "clientToken=" + m_token.toLatin1(),
         "{\"items\":[{\"price\":1}]}");
    send("POST", QStringLiteral("order-total-token"), "/invoke", {}, "{\"items\":[{\"price\":1}]}",
         {{QByteArrayLiteral("x-api-client-token"), m_token.toLatin1()}});
    HistoryFilter filter;
    filter.withData = true;
    const auto records = m_history->list(filter);
    QVERIFY(records.ok());
    QCOMPARE(records->size(), 2);
    for (const ExecutionRecord &record : *records) {
        QVERIFY(!record.request.pathAndQuery.contains(m_token.toLatin1()));
        for (const auto &[name, value] : record.request.headers)
            QVERIFY2(!value.contains(m_token.toLatin1()), name.constData());
        QVERIFY(!QJsonDocument(traceToJson(record.trace)).toJson().contains(m_token.toLatin1()));
    }
}

void TestFlowServer::recordedCallbackSeesNoSecret()
{
    QList<ExecutionRecord> seen;
    QMutex mutex;
    m_ledger->setRecordedCallback([&](const ExecutionRecord &record) {
        QMutexLocker lock(&mutex);
        seen.append(record);
    });
    const QByteArray token = m_token.toLatin1();
    QCOMPARE(send("POST", QStringLiteral("order-total-token"), "/invoke", "clientToken=" + token,
                  "{\"items\":[{\"price\":1}]}")
                 .status,
             200);
    QMutexLocker lock(&mutex);
    QCOMPARE(seen.size(), 1);
    const ExecutionRecord &record = seen.first();
    QVERIFY(!record.request.pathAndQuery.contains(token));
    QVERIFY(record.request.pathAndQuery.contains("[redacted]"));
    for (const auto &[name, value] : record.request.headers)
        QVERIFY2(!value.contains(token), name.constData());
    QVERIFY(!QJsonDocument(traceToJson(record.trace)).toJson().contains(token));
}

void TestFlowServer::pauseSurvivesRestart()
{
    const Reply paused =
        send("POST", QStringLiteral("approval-pause"), "/invoke", {}, "{\"amount\":9,\"reason\":\"taxi\"}");
    QCOMPARE(paused.status, 200);
    const QByteArray id = paused.headers.value("x-execution-id");
    QCOMPARE(m_history->get(QString::fromLatin1(id))->status, ExecutionStatus::Paused);

    stop();
    start(); // a new process would do the same: reopen the history, serve again

    const Reply resumed = send("POST", QStringLiteral("approval-pause"), "/resume/" + id, {},
                               "{\"approved\":true,\"approver\":\"Lin\"}");
    QCOMPARE(resumed.status, 200);
    QCOMPARE(resumed.json().value(QLatin1String("decision")).toString(), QStringLiteral("approved"));
    QCOMPARE(resumed.json().value(QLatin1String("summary")).toString(), QStringLiteral("9 for taxi"));
    QCOMPARE(resumed.headers.value("x-execution-id"), id);
    const auto record = m_history->get(QString::fromLatin1(id));
    QCOMPARE(record->status, ExecutionStatus::Success);
    QCOMPARE(record->kind, ExecutionKind::Resume);
    QCOMPARE(send("POST", QStringLiteral("approval-pause"), "/resume/" + id, {}, "{}").status, 409);
    QCOMPARE(
        send("POST", QStringLiteral("approval-pause"), "/resume/0123456789abcdef0123456789abcdef", {}, "{}")
            .status,
        404);
}

void TestFlowServer::retryFromHistory()
{
    const Reply failed = send("POST", QStringLiteral("broken"), "/invoke", "a=1", "{\"n\": 2}");
    QCOMPARE(failed.status, 500);
    const QByteArray failedId = failed.headers.value("x-execution-id");
    const Reply retried = send("POST", QStringLiteral("broken"), "/retry/" + failedId);
    QCOMPARE(retried.status, 500);
    const QByteArray retryId = retried.headers.value("x-execution-id");
    QVERIFY(!retryId.isEmpty() && retryId != failedId);
    const auto record = m_history->get(QString::fromLatin1(retryId));
    QVERIFY(record.ok());
    QCOMPARE(record->kind, ExecutionKind::Retry);
    QCOMPARE(record->retryOf.toLatin1(), failedId);
    // It ran the recorded input: the original body and query, not the retry request's.
    QCOMPARE(record->request.body, QByteArrayLiteral("{\"n\": 2}"));
    QVERIFY(record->request.pathAndQuery.endsWith("/invoke?a=1"));
}

void TestFlowServer::ledgerTellsUnreadableHistoryFromNone()
{
    const Reply paused =
        send("POST", QStringLiteral("approval-pause"), "/invoke", {}, "{\"amount\":9,\"reason\":\"taxi\"}");
    QCOMPARE(paused.status, 200);
    const QString pausedId = QString::fromLatin1(paused.headers.value("x-execution-id"));
    const Reply failed = send("POST", QStringLiteral("broken"), "/invoke", {}, "{\"n\": 2}");
    QCOMPARE(failed.status, 500);
    const QString failedId = QString::fromLatin1(failed.headers.value("x-execution-id"));
    const QString unknownId = QStringLiteral("0123456789abcdef0123456789abcdef");

    // While history answers: what is not there (or is another flow's) is none, not an error.
    const auto unknownTake = m_ledger->takePaused(QStringLiteral("approval-pause"), unknownId);
    QVERIFY(unknownTake.ok() && !unknownTake->has_value());
    const auto otherFlowsTake = m_ledger->takePaused(QStringLiteral("hello-public"), pausedId);
    QVERIFY(otherFlowsTake.ok() && !otherFlowsTake->has_value());
    const auto unknownRequest = m_ledger->recordedRequest(QStringLiteral("broken"), unknownId);
    QVERIFY(unknownRequest.ok() && !unknownRequest->has_value());
    const auto request = m_ledger->recordedRequest(QStringLiteral("broken"), failedId);
    QVERIFY(request.ok() && request->has_value());
    QCOMPARE(request.value()->body, QByteArrayLiteral("{\"n\": 2}"));

    // History that cannot be read (closed here, unreachable on a database server) is an error, so
    // that resume and retry answer 503 rather than 404 or 409.
    m_history->close();
    QVERIFY(!m_ledger->status(QStringLiteral("approval-pause"), pausedId).ok());
    QVERIFY(!m_ledger->takePaused(QStringLiteral("approval-pause"), pausedId).ok());
    QVERIFY(!m_ledger->recordedRequest(QStringLiteral("broken"), failedId).ok());

    // Nothing was taken meanwhile: once history is back, the execution resumes.
    stop();
    start();
    QCOMPARE(send("POST", QStringLiteral("approval-pause"), "/resume/" + pausedId.toLatin1(), {},
                  "{\"approved\":true}")
                 .status,
             200);
}

void TestFlowServer::health()
{
    const QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/health").arg(m_server->port())));
    const Reply reply = servertest::perform(m_network, "GET", request, {}, 5000);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, QByteArrayLiteral("{\"status\":\"ok\"}"));
}

void TestFlowServer::slowFlowTimesOut()
{
    stop();
    for (const char *name : {"echo-item.json", "slow.json"}) {
        QFile file(QStringLiteral(WF_TEST_DATA_DIR "/slow/") + QLatin1String(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        auto parsed = flowjson::parse(file.readAll());
        QVERIFY2(parsed.flow && parsed.problems.isEmpty(), name);
        QVERIFY(m_workspace.addFlow(*parsed.flow, *m_secrets).ok());
    }
    m_workspace.settings().timeoutSeconds = 1;
    m_workspace.settings().bodyLimitBytes = 4 * 1024 * 1024;
    start();

    QByteArray csv = "a";
    csv.append(QByteArray(",a").repeated(900'000)); // the list limit is a million items
    QElapsedTimer timer;
    timer.start();
    const Reply reply = send("POST", QStringLiteral("slow"), "/invoke", {}, "{\"csv\":\"" + csv + "\"}");
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(reply.status == 504, reply.body.constData());
    QCOMPARE(reply.json().value(QLatin1String("error")).toString(), QStringLiteral("timeout"));
    // Answered at the time limit, not when the flow would have ended (the items are never all run).
    QVERIFY2(elapsed < 10000, qPrintable(QString::number(elapsed)));
    const QByteArray executionId = reply.headers.value("x-execution-id");
    QVERIFY(!executionId.isEmpty());
    auto record = m_history->get(QString::fromLatin1(executionId));
    QVERIFY(record.ok());
    QCOMPARE(record->status, ExecutionStatus::TimedOut);
    QCOMPARE(record->response.status, 504);
}

QTEST_GUILESS_MAIN(TestFlowServer)
#include "tst_flowserver.moc"
