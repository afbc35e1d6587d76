// The invoke pipeline without sockets (PRODUCT.md §3.1-§3.4): every status code in order, client
// tokens, the OAuth 2.0 branch through a verifier, rate limits, Pause and resume, CORS, and that every
// answered execution is recorded first.

#include "MemoryLedger.h"
#include "endpoint/ClientToken.h"
#include "endpoint/InvokeService.h"
#include "flow/FlowJson.h"
#include "store/SecretStore.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <thread>

using namespace wf;
using wf::invoketest::MemoryLedger;

namespace {

QJsonObject bodyOf(const HttpAnswer &answer)
{
    return QJsonDocument::fromJson(answer.body).object();
}

QString errorOf(const HttpAnswer &answer)
{
    return bodyOf(answer).value(QLatin1String("error")).toString();
}

const char *const kEchoFlow =
    "{\"format\": 1, \"id\": \"echo-token\", \"name\": \"Echo\","
    " \"endpoint\": {\"security\": \"clientToken\", \"corsOrigins\": [\"https://app.example\"]},"
    " \"event\": {\"type\": \"apiEndpoint\", \"query\": [{\"name\": \"q\", \"type\": \"text\"}]},"
    " \"cards\": [{\"id\": \"r\", \"function\": \"flow.return\", \"inputs\": ["
    "   {\"name\": \"raw\", \"type\": \"text\", \"ref\": \"event.raw.query\"},"
    "   {\"name\": \"q\", \"type\": \"text\", \"ref\": \"event.query.q\"}]}]}";

const char *const kRefuseFlow = "{\"format\": 1, \"id\": \"refuse\", \"name\": \"Refuse\","
                                " \"event\": {\"type\": \"apiEndpoint\"}, \"cards\": [{\"id\": \"no\","
                                " \"function\": \"error.returnError\", \"inputs\": [{\"name\": \"message\","
                                " \"ref\": \"event.raw.body\"}]}]}";

const char *const kOffFlow = "{\"format\": 1, \"id\": \"off\", \"name\": \"Switched off\", \"active\": false,"
                             " \"event\": {\"type\": \"apiEndpoint\"}, \"cards\": []}";

Flow parsed(const char *json)
{
    return *flowjson::parse(QByteArray(json)).flow;
}

} // namespace

class TestInvokeService final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void unknownAliasAndBadPaths_data();
    void unknownAliasAndBadPaths();
    void methodNotAllowed();
    void bodyTooLarge();
    void publicFlow();
    void clientToken_data();
    void clientToken();
    void regeneratedTokenIsRefusedAtOnce();
    void oauthWithoutVerifier();
    void oauthWithVerifier();
    void inactiveFlow();
    void rateLimit();
    void malformedJsonIsRecordedAsFailed();
    void pauseAndResume();
    void resumeErrors();
    void corsPreflight_data();
    void corsPreflight();
    void corsOnAnswers();
    void unrecordableExecutionIsNotAnswered();
    void retry();
    void openApi();
    void cancelRunningExecution();
    void resumeFromConsole();
    void resumeFromConsoleErrors();
    void retryFromConsole();
    void consoleFollowsOnOffAndRateLimit();
    void runningExecutionsAreDescribed();
    void runningUntilRecorded();

private:
    void addSlowFlows();
    HttpRequest request(const QByteArray &method, const QString &flowId, const QByteArray &query = {},
                        const QByteArray &body = {}, const QByteArray &suffix = "/invoke") const
    {
        HttpRequest r;
        r.method = method;
        r.path = QByteArrayLiteral("/api/flo/") + m_workspace.flowById(flowId)->alias.toLatin1() + suffix;
        r.rawQuery = query;
        r.body = body;
        if (!body.isEmpty())
            r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        r.peerAddress = QStringLiteral("127.0.0.1");
        return r;
    }
    void rebuild()
    {
        m_service = std::make_unique<InvokeService>(EndpointSnapshot::of(m_workspace), m_ledger);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MemorySecretStore> m_secretStore;
    Workspace m_workspace;
    MemoryLedger m_ledger;
    std::unique_ptr<InvokeService> m_service;
    QString m_orderToken;
    QString m_echoToken;
};

void TestInvokeService::init()
{
    m_ledger = MemoryLedger();
    m_secretStore = std::make_unique<MemorySecretStore>();
    MemorySecretStore &m_secrets = *m_secretStore;
    QTemporaryDir fresh;
    QVERIFY(fresh.isValid());
    auto created = Workspace::create(fresh.path() + QStringLiteral("/ws"), m_secrets);
    QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
    m_workspace = *created;
    QVERIFY(m_workspace.addFlow(parsed(kEchoFlow), m_secrets).ok());
    QVERIFY(m_workspace.addFlow(parsed(kOffFlow), m_secrets).ok());
    QVERIFY(m_workspace.addFlow(parsed(kRefuseFlow), m_secrets).ok());
    m_orderToken =
        m_secrets.read(clientTokenSecretKey(m_workspace.id(), QStringLiteral("order-total-token")))->value();
    m_echoToken =
        m_secrets.read(clientTokenSecretKey(m_workspace.id(), QStringLiteral("echo-token")))->value();
    QCOMPARE(m_orderToken.size(), 64);
    m_workspace.settings().rateLimitPerSecond = 0;
    rebuild();
}

void TestInvokeService::unknownAliasAndBadPaths_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addRow("unknown alias") << QByteArrayLiteral("/api/flo/00000000000000000000000000000000/invoke");
    QTest::addRow("no action") << QByteArrayLiteral("/api/flo/00000000000000000000000000000000");
    QTest::addRow("unknown action") << QByteArrayLiteral("/api/flo/00000000000000000000000000000000/delete");
    QTest::addRow("bad execution id")
        << QByteArrayLiteral("/api/flo/00000000000000000000000000000000/resume/xyz");
    QTest::addRow("dots") << QByteArrayLiteral("/api/flo/../invoke");
}

void TestInvokeService::unknownAliasAndBadPaths()
{
    QFETCH(QByteArray, path);
    HttpRequest r;
    r.method = "GET";
    r.path = path;
    const HttpAnswer answer = m_service->handle(r);
    QCOMPARE(answer.status, 404);
    QCOMPARE(errorOf(answer), QStringLiteral("not_found"));
    QVERIFY(!bodyOf(answer).value(QLatin1String("error_description")).toString().isEmpty());
    QVERIFY(m_ledger.entries.isEmpty());
}

void TestInvokeService::methodNotAllowed()
{
    for (const QByteArray &method :
         {QByteArrayLiteral("PUT"), QByteArrayLiteral("DELETE"), QByteArrayLiteral("PATCH")}) {
        const HttpAnswer answer = m_service->handle(request(method, QStringLiteral("hello-public")));
        QCOMPARE(answer.status, 405);
        QCOMPARE(answer.header("Allow"), QByteArrayLiteral("GET, POST"));
    }
    // Unknown alias comes first (step 1 before step 2).
    HttpRequest r;
    r.method = "PUT";
    r.path = "/api/flo/00000000000000000000000000000000/invoke";
    QCOMPARE(m_service->handle(r).status, 404);
    QVERIFY(m_ledger.entries.isEmpty());
}

void TestInvokeService::bodyTooLarge()
{
    m_workspace.settings().bodyLimitBytes = 16;
    rebuild();
    const HttpAnswer answer = m_service->handle(request("POST", QStringLiteral("hello-public"), {},
                                                        QByteArrayLiteral("{\"name\": \"a long name\"}")));
    QCOMPARE(answer.status, 413);
    QCOMPARE(errorOf(answer), QStringLiteral("payload_too_large"));
    // From the head alone, before any body is read.
    const auto early =
        m_service->answerBeforeBody("POST", request("POST", QStringLiteral("hello-public")).path, 17);
    QVERIFY(early);
    QCOMPARE(early->status, 413);
    QVERIFY(!m_service->answerBeforeBody("POST", request("POST", QStringLiteral("hello-public")).path, 16));
    // Security is not looked at before the size: a client-token flow without a token still gets 413.
    QCOMPARE(m_service->handle(request("POST", QStringLiteral("echo-token"), {}, QByteArray(17, 'x'))).status,
             413);
}

void TestInvokeService::publicFlow()
{
    const HttpAnswer answer = m_service->handle(
        request("POST", QStringLiteral("hello-public"), "lang=fr", QByteArrayLiteral("{\"name\": \"Ada\"}")));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.header("Content-Type"), QByteArrayLiteral("application/json"));
    QCOMPARE(bodyOf(answer).value(QLatin1String("greeting")).toString(), QStringLiteral("Bonjour, Ada!"));
    const QByteArray executionId = answer.header("X-Execution-Id");
    QCOMPARE(executionId.size(), 32);
    QCOMPARE(m_ledger.entries.size(), 1);
    QCOMPARE(m_ledger.entries.first().executionId.toLatin1(), executionId);
    QCOMPARE(m_ledger.entries.first().status, ExecutionStatus::Success);
    QCOMPARE(m_ledger.entries.first().kind, QStringLiteral("invoke"));
}

void TestInvokeService::clientToken_data()
{
    QTest::addColumn<QString>("query");  // %T is replaced by the right token
    QTest::addColumn<QString>("header"); // idem; empty: no header
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("flowSeesQuery");

    QTest::addRow("query") << "q=1&clientToken=%T" << QString() << 200 << QString() << "q=1";
    QTest::addRow("query first") << "clientToken=%T&q=2" << QString() << 200 << QString() << "q=2";
    QTest::addRow("header") << "q=3"
                            << "%T" << 200 << QString() << "q=3";
    QTest::addRow("both") << "clientToken=%T"
                          << "%T" << 400 << "invalid_request" << QString();
    QTest::addRow("twice in query") << "clientToken=%T&clientToken=%T" << QString() << 400
                                    << "invalid_request" << QString();
    QTest::addRow("missing") << "q=1" << QString() << 401 << "invalid_client_token" << QString();
    QTest::addRow("empty") << "clientToken=" << QString() << 401 << "invalid_client_token" << QString();
    QTest::addRow("wrong") << "clientToken=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           << QString() << 401 << "invalid_client_token" << QString();
    QTest::addRow("wrong header") << QString() << "nope" << 401 << "invalid_client_token" << QString();
    QTest::addRow("another flow's token")
        << "clientToken=%O" << QString() << 401 << "invalid_client_token" << QString();
}

void TestInvokeService::clientToken()
{
    QFETCH(QString, query);
    QFETCH(QString, header);
    QFETCH(int, status);
    QFETCH(QString, error);
    QFETCH(QString, flowSeesQuery);
    query.replace(QLatin1String("%T"), m_echoToken).replace(QLatin1String("%O"), m_orderToken);
    header.replace(QLatin1String("%T"), m_echoToken);
    HttpRequest r = request("GET", QStringLiteral("echo-token"), query.toLatin1());
    if (!header.isEmpty())
        r.headers.append({QByteArrayLiteral("x-api-client-token"), header.toLatin1()});
    const HttpAnswer answer = m_service->handle(r);
    QCOMPARE(answer.status, status);
    if (status == 200) {
        QCOMPARE(bodyOf(answer).value(QLatin1String("raw")).toString(), flowSeesQuery);
        QVERIFY(!answer.body.contains(m_echoToken.toLatin1()));
        QCOMPARE(m_ledger.entries.size(), 1);
    } else {
        QCOMPARE(errorOf(answer), error);
        QVERIFY(!answer.body.contains(m_echoToken.toLatin1()));
        QVERIFY(m_ledger.entries.isEmpty());
    }
}

void TestInvokeService::regeneratedTokenIsRefusedAtOnce()
{
    const QByteArray old = "clientToken=" + m_echoToken.toLatin1();
    QCOMPARE(m_service->handle(request("GET", QStringLiteral("echo-token"), old)).status, 200);
    auto fresh = m_workspace.regenerateClientToken(QStringLiteral("echo-token"), *m_secretStore);
    QVERIFY(fresh.ok());
    m_service->setSnapshot(EndpointSnapshot::of(m_workspace));
    QCOMPARE(m_service->handle(request("GET", QStringLiteral("echo-token"), old)).status, 401);
    QCOMPARE(
        m_service->handle(request("GET", QStringLiteral("echo-token"), "clientToken=" + fresh->toLatin1()))
            .status,
        200);
}

void TestInvokeService::oauthWithoutVerifier()
{
    HttpAnswer answer = m_service->handle(request("GET", QStringLiteral("customer-oauth"), "id=42"));
    QCOMPARE(answer.status, 401);
    QCOMPARE(answer.header("WWW-Authenticate"), QByteArrayLiteral("Bearer realm=\"workflows\""));

    HttpRequest withToken = request("GET", QStringLiteral("customer-oauth"), "id=42");
    withToken.headers.append({QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer abc.def.ghi")});
    answer = m_service->handle(withToken);
    QCOMPARE(answer.status, 401);
    QVERIFY(
        answer.header("WWW-Authenticate").startsWith("Bearer error=\"invalid_token\", error_description=\""));
    QVERIFY(!answer.body.contains("abc.def.ghi"));
    QVERIFY(m_ledger.entries.isEmpty());
}

void TestInvokeService::oauthWithVerifier()
{
    QString seenToken;
    m_service->setAccessTokenVerifier([&](const QString &token, const Flow &flow) {
        seenToken = token;
        if (token == QLatin1String("good"))
            return AccessDecision{200, QStringLiteral("0oa-client"), {}, {}};
        if (token == QLatin1String("noscope"))
            return AccessDecision{403,
                                  {},
                                  QStringLiteral("insufficient_scope"),
                                  QStringLiteral("the token lacks okta.workflows.invoke.manage for ") +
                                      flow.name};
        return AccessDecision{401, {}, QStringLiteral("invalid_token"), QStringLiteral("the token expired")};
    });
    const auto call = [&](const QByteArray &authorization) {
        HttpRequest r = request("GET", QStringLiteral("customer-oauth"), "id=42");
        r.headers.append({QByteArrayLiteral("Authorization"), authorization});
        return m_service->handle(r);
    };
    HttpAnswer answer = call("Bearer good");
    QCOMPARE(answer.status, 200);
    QCOMPARE(seenToken, QStringLiteral("good"));
    QCOMPARE(bodyOf(answer).value(QLatin1String("calledBy")).toString(), QStringLiteral("0oa-client"));
    answer = call("bearer good"); // the scheme is case-insensitive
    QCOMPARE(answer.status, 200);
    answer = call("Bearer noscope");
    QCOMPARE(answer.status, 403);
    QCOMPARE(errorOf(answer), QStringLiteral("insufficient_scope"));
    answer = call("Bearer old");
    QCOMPARE(answer.status, 401);
    QCOMPARE(answer.header("WWW-Authenticate"),
             QByteArrayLiteral("Bearer error=\"invalid_token\", error_description=\"the token expired\""));
    answer = call("Basic dXNlcjpwdw==");
    QCOMPARE(answer.status, 401);
    QCOMPARE(answer.header("WWW-Authenticate"), QByteArrayLiteral("Bearer realm=\"workflows\""));
    QCOMPARE(m_ledger.entries.size(), 2);
}

void TestInvokeService::inactiveFlow()
{
    const HttpAnswer answer = m_service->handle(request("POST", QStringLiteral("off")));
    QCOMPARE(answer.status, 409);
    QCOMPARE(errorOf(answer), QStringLiteral("flow_inactive"));
    // Method and alias checks come first.
    QCOMPARE(m_service->handle(request("PUT", QStringLiteral("off"))).status, 405);
}

void TestInvokeService::rateLimit()
{
    m_workspace.settings().rateLimitPerSecond = 3;
    rebuild();
    for (int i = 0; i < 3; ++i)
        QCOMPARE(m_service->handle(request("GET", QStringLiteral("hello-public"))).status, 200);
    const HttpAnswer limited = m_service->handle(request("GET", QStringLiteral("hello-public")));
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.header("Retry-After"), QByteArrayLiteral("1"));
    // Per flow: another flow is not limited by the first one's calls.
    QCOMPARE(m_service->handle(request("GET", QStringLiteral("approval-pause"))).status, 200);
    // Refused requests create no execution.
    QCOMPARE(m_ledger.entries.size(), 4);
}

void TestInvokeService::malformedJsonIsRecordedAsFailed()
{
    const HttpAnswer answer =
        m_service->handle(request("POST", QStringLiteral("hello-public"), {}, "{\"name\": "));
    QCOMPARE(answer.status, 400);
    QCOMPARE(errorOf(answer), QStringLiteral("invalid_request"));
    QCOMPARE(bodyOf(answer).value(QLatin1String("executionId")).toString().toLatin1(),
             answer.header("X-Execution-Id"));
    QCOMPARE(m_ledger.entries.size(), 1);
    QCOMPARE(m_ledger.entries.first().status, ExecutionStatus::Failed);
}

void TestInvokeService::pauseAndResume()
{
    HttpAnswer paused = m_service->handle(
        request("POST", QStringLiteral("approval-pause"), {}, "{\"amount\": 12, \"reason\": \"lunch\"}"));
    QCOMPARE(paused.status, 200);
    const QByteArray id = paused.header("X-Execution-Id");
    QCOMPARE(bodyOf(paused).value(QLatin1String("status")).toString(), QStringLiteral("pending"));
    QCOMPARE(bodyOf(paused).value(QLatin1String("executionId")).toString().toLatin1(), id);
    QCOMPARE(m_ledger.entries.last().status, ExecutionStatus::Paused);

    const HttpAnswer resumed =
        m_service->handle(request("POST", QStringLiteral("approval-pause"), {},
                                  "{\"approved\": false, \"approver\": \"Grace\"}", "/resume/" + id));
    QCOMPARE(resumed.status, 200);
    QCOMPARE(resumed.header("X-Execution-Id"), id);
    QCOMPARE(bodyOf(resumed).value(QLatin1String("decision")).toString(), QStringLiteral("rejected"));
    QCOMPARE(bodyOf(resumed).value(QLatin1String("summary")).toString(), QStringLiteral("12 for lunch"));
    QCOMPARE(m_ledger.entries.last().kind, QStringLiteral("resume"));
    QCOMPARE(m_ledger.entries.last().status, ExecutionStatus::Success);

    // Done: resuming again is a conflict.
    const HttpAnswer again =
        m_service->handle(request("POST", QStringLiteral("approval-pause"), {}, "{}", "/resume/" + id));
    QCOMPARE(again.status, 409);
    QCOMPARE(errorOf(again), QStringLiteral("execution_not_paused"));
}

void TestInvokeService::resumeErrors()
{
    HttpAnswer answer = m_service->handle(request("POST", QStringLiteral("approval-pause"), {}, {},
                                                  "/resume/0123456789abcdef0123456789abcdef"));
    QCOMPARE(answer.status, 404);
    QCOMPARE(errorOf(answer), QStringLiteral("execution_not_found"));

    // An execution of another flow is not found through this flow's alias.
    const QByteArray helloId =
        m_service->handle(request("GET", QStringLiteral("hello-public"))).header("X-Execution-Id");
    answer =
        m_service->handle(request("POST", QStringLiteral("approval-pause"), {}, {}, "/resume/" + helloId));
    QCOMPARE(answer.status, 404);
    // A finished execution is not paused.
    answer = m_service->handle(request("POST", QStringLiteral("hello-public"), {}, {}, "/resume/" + helloId));
    QCOMPARE(answer.status, 409);
    // Resume has the same security as invoke.
    answer = m_service->handle(request("POST", QStringLiteral("echo-token"), {}, {}, "/resume/" + helloId));
    QCOMPARE(answer.status, 401);
    QCOMPARE(m_service->handle(request("PUT", QStringLiteral("hello-public"), {}, {}, "/resume/" + helloId))
                 .status,
             405);
}

void TestInvokeService::corsPreflight_data()
{
    QTest::addColumn<QByteArray>("origin");
    QTest::addColumn<bool>("allowed");
    QTest::addRow("listed origin") << QByteArrayLiteral("https://app.example") << true;
    QTest::addRow("other origin") << QByteArrayLiteral("https://evil.example") << false;
    QTest::addRow("prefix of listed") << QByteArrayLiteral("https://app.example.evil") << false;
    QTest::addRow("no origin") << QByteArray() << false;
}

void TestInvokeService::corsPreflight()
{
    QFETCH(QByteArray, origin);
    QFETCH(bool, allowed);
    HttpRequest r =
        request("OPTIONS", QStringLiteral("echo-token")); // secured: preflight comes before security
    if (!origin.isEmpty())
        r.headers.append({QByteArrayLiteral("Origin"), origin});
    r.headers.append({QByteArrayLiteral("Access-Control-Request-Method"), QByteArrayLiteral("POST")});
    r.headers.append({QByteArrayLiteral("Access-Control-Request-Headers"),
                      QByteArrayLiteral("content-type, x-api-client-token")});
    const HttpAnswer answer = m_service->handle(r);
    QCOMPARE(answer.status, 204);
    QCOMPARE(answer.header("Access-Control-Allow-Origin"), allowed ? origin : QByteArray());
    QCOMPARE(answer.header("Access-Control-Allow-Methods"),
             allowed ? QByteArrayLiteral("GET, POST") : QByteArray());
    QCOMPARE(answer.header("Access-Control-Allow-Headers"),
             allowed ? QByteArrayLiteral("content-type, x-api-client-token") : QByteArray());
    QVERIFY(answer.header("Access-Control-Allow-Credentials").isEmpty());
    QVERIFY(m_ledger.entries.isEmpty());
}

void TestInvokeService::corsOnAnswers()
{
    HttpRequest r = request("GET", QStringLiteral("echo-token"), "clientToken=" + m_echoToken.toLatin1());
    r.headers.append({QByteArrayLiteral("Origin"), QByteArrayLiteral("https://app.example")});
    HttpAnswer answer = m_service->handle(r);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.header("Access-Control-Allow-Origin"), QByteArrayLiteral("https://app.example"));
    QCOMPARE(answer.header("Access-Control-Expose-Headers"), QByteArrayLiteral("X-Execution-Id"));
    // Error answers carry them too, so the browser shows the caller what went wrong.
    r.rawQuery.clear();
    answer = m_service->handle(r);
    QCOMPARE(answer.status, 401);
    QCOMPARE(answer.header("Access-Control-Allow-Origin"), QByteArrayLiteral("https://app.example"));
    // CORS is off for flows without origins.
    HttpRequest plain = request("GET", QStringLiteral("hello-public"));
    plain.headers.append({QByteArrayLiteral("Origin"), QByteArrayLiteral("https://app.example")});
    QVERIFY(m_service->handle(plain).header("Access-Control-Allow-Origin").isEmpty());
}

void TestInvokeService::unrecordableExecutionIsNotAnswered()
{
    m_ledger.failWrites = true;
    const HttpAnswer answer =
        m_service->handle(request("POST", QStringLiteral("hello-public"), {}, "{\"name\": \"Ada\"}"));
    QCOMPARE(answer.status, 503);
    QCOMPARE(errorOf(answer), QStringLiteral("history_unavailable"));
    QVERIFY(!answer.body.contains("Ada"));
}

void TestInvokeService::retry()
{
    const HttpAnswer failed = m_service->handle(request("POST", QStringLiteral("refuse"), {}, "{\"n\": 1}"));
    QCOMPARE(failed.status, 400);
    const QByteArray failedId = failed.header("X-Execution-Id");
    QCOMPARE(m_ledger.entries.last().status, ExecutionStatus::Failed);

    // The retry runs the recorded input (the body it fails on again), as a new execution.
    const HttpAnswer retried =
        m_service->handle(request("POST", QStringLiteral("refuse"), {}, {}, "/retry/" + failedId));
    QCOMPARE(retried.status, 400);
    QCOMPARE(errorOf(retried), QStringLiteral("{\"n\": 1}"));
    QVERIFY(retried.header("X-Execution-Id") != failedId);
    QCOMPARE(m_ledger.entries.last().kind, QStringLiteral("retry"));
    QCOMPARE(m_ledger.entries.last().retryOf.toLatin1(), failedId);

    // Only failed executions are retried; unknown ones are not found; retry takes POST only.
    const QByteArray okId =
        m_service->handle(request("GET", QStringLiteral("hello-public"))).header("X-Execution-Id");
    HttpAnswer answer =
        m_service->handle(request("POST", QStringLiteral("hello-public"), {}, {}, "/retry/" + okId));
    QCOMPARE(answer.status, 409);
    QCOMPARE(errorOf(answer), QStringLiteral("execution_not_failed"));
    answer = m_service->handle(
        request("POST", QStringLiteral("refuse"), {}, {}, "/retry/0123456789abcdef0123456789abcdef"));
    QCOMPARE(answer.status, 404);
    answer = m_service->handle(request("GET", QStringLiteral("refuse"), {}, {}, "/retry/" + failedId));
    QCOMPARE(answer.status, 405);
    QCOMPARE(answer.header("Allow"), QByteArrayLiteral("POST"));
    // A retry has the flow's security.
    QCOMPARE(
        m_service->handle(request("POST", QStringLiteral("echo-token"), {}, {}, "/retry/" + failedId)).status,
        401);
}

void TestInvokeService::openApi()
{
    HttpAnswer answer = m_service->handle(request("GET", QStringLiteral("hello-public"), {}, {}, "/openapi"));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.header("Content-Type"), QByteArrayLiteral("application/json"));
    QCOMPARE(bodyOf(answer).value(QLatin1String("openapi")).toString(), QStringLiteral("3.0.3"));
    QVERIFY(answer.header("X-Execution-Id").isEmpty()); // no execution is created
    QCOMPARE(m_service->handle(request("POST", QStringLiteral("hello-public"), {}, {}, "/openapi")).status,
             405);
    // Same security as invoke.
    QCOMPARE(m_service->handle(request("GET", QStringLiteral("echo-token"), {}, {}, "/openapi")).status, 401);
    answer = m_service->handle(request("GET", QStringLiteral("echo-token"),
                                       "clientToken=" + m_echoToken.toLatin1(), {}, "/openapi"));
    QCOMPARE(answer.status, 200);
    QVERIFY(!answer.body.contains(m_echoToken.toLatin1()));
    QVERIFY(m_ledger.entries.isEmpty());
}

void TestInvokeService::addSlowFlows()
{
    for (const char *name : {"echo-item.json", "slow.json"}) {
        QFile file(QStringLiteral(WF_TEST_DATA_DIR "/slow/") + QLatin1String(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        auto parsed = flowjson::parse(file.readAll());
        QVERIFY2(parsed.flow && parsed.problems.isEmpty(), name);
        QVERIFY(m_workspace.addFlow(*parsed.flow, *m_secretStore).ok());
    }
    m_workspace.settings().bodyLimitBytes = 4 * 1024 * 1024;
    m_workspace.settings().timeoutSeconds = 600;
    rebuild();
}

void TestInvokeService::cancelRunningExecution()
{
    addSlowFlows();
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!m_service->cancel(QStringLiteral("0123456789abcdef0123456789abcdef")));

    QByteArray csv = "a";
    csv.append(QByteArray(",a").repeated(900'000));
    const HttpRequest slow = request("POST", QStringLiteral("slow"), {}, "{\"csv\":\"" + csv + "\"}");
    HttpAnswer answer;
    std::thread caller([&] { answer = m_service->handle(slow); });
    QTRY_VERIFY_WITH_TIMEOUT(!m_service->runningExecutions().isEmpty(), 10000);
    const QString executionId = m_service->runningExecutions().first();
    QVERIFY(m_service->cancel(executionId));
    caller.join();

    QCOMPARE(answer.status, 503);
    QCOMPARE(QJsonDocument::fromJson(answer.body).object().value(QLatin1String("error")).toString(),
             QStringLiteral("canceled"));
    QVERIFY(m_service->runningExecutions().isEmpty());
    QVERIFY(!m_service->cancel(executionId));
    QCOMPARE(m_ledger.entries.size(), 1);
    QCOMPARE(m_ledger.entries.first().executionId, executionId);
    QCOMPARE(m_ledger.entries.first().status, ExecutionStatus::Canceled);
}

void TestInvokeService::resumeFromConsole()
{
    // A paused execution of a client-token flow: the console resumes it without the token.
    const char *const pauseFlow =
        "{\"format\": 1, \"id\": \"pause-token\", \"name\": \"Pause (token)\","
        " \"endpoint\": {\"security\": \"clientToken\"},"
        " \"event\": {\"type\": \"apiEndpoint\"}, \"cards\": ["
        "  {\"id\": \"wait\", \"function\": \"flow.pause\", \"inputs\": [],"
        "   \"outputs\": [{\"name\": \"answer\", \"type\": \"text\"}]},"
        "  {\"id\": \"r\", \"function\": \"flow.return\", \"inputs\": ["
        "   {\"name\": \"answer\", \"type\": \"text\", \"ref\": \"wait.answer\"}]}]}";
    QVERIFY(m_workspace.addFlow(parsed(pauseFlow), *m_secretStore).ok());
    rebuild();
    const QString token =
        m_secretStore->read(clientTokenSecretKey(m_workspace.id(), QStringLiteral("pause-token")))->value();
    const HttpAnswer paused =
        m_service->handle(request("POST", QStringLiteral("pause-token"), "clientToken=" + token.toLatin1()));
    QCOMPARE(paused.status, 200);
    const QString id = QString::fromLatin1(paused.header("X-Execution-Id"));
    QCOMPARE(m_ledger.entries.last().status, ExecutionStatus::Paused);

    const HttpAnswer resumed =
        m_service->resumeFromConsole(QStringLiteral("pause-token"), id, "{\"answer\": \"yes\"}");
    QCOMPARE(resumed.status, 200);
    QCOMPARE(bodyOf(resumed).value(QLatin1String("answer")).toString(), QStringLiteral("yes"));
    QCOMPARE(QString::fromLatin1(resumed.header("X-Execution-Id")), id);
    // Recorded like a resume route request, from the console.
    const MemoryLedger::Entry &entry = m_ledger.entries.last();
    QCOMPARE(entry.kind, QStringLiteral("resume"));
    QCOMPARE(entry.executionId, id);
    QCOMPARE(entry.status, ExecutionStatus::Success);
    QCOMPARE(entry.request.peerAddress, QStringLiteral("console"));
    QCOMPARE(entry.request.method, QByteArrayLiteral("POST"));
    QCOMPARE(entry.request.path, "/api/flo/" +
                                     m_workspace.flowById(QStringLiteral("pause-token"))->alias.toLatin1() +
                                     "/resume/" + id.toLatin1());
    QCOMPARE(entry.request.header("content-type"), QByteArrayLiteral("application/json"));

    // The same answers as the route: resuming again is a conflict.
    const HttpAnswer again = m_service->resumeFromConsole(QStringLiteral("pause-token"), id, {});
    QCOMPARE(again.status, 409);
    QCOMPARE(errorOf(again), QStringLiteral("execution_not_paused"));
}

void TestInvokeService::resumeFromConsoleErrors()
{
    const QString unknownId = QStringLiteral("0123456789abcdef0123456789abcdef");
    HttpAnswer answer = m_service->resumeFromConsole(QStringLiteral("approval-pause"), unknownId, {});
    QCOMPARE(answer.status, 404);
    QCOMPARE(errorOf(answer), QStringLiteral("execution_not_found"));
    answer = m_service->resumeFromConsole(QStringLiteral("approval-pause"), QStringLiteral("../x"), {});
    QCOMPARE(answer.status, 404);
    QCOMPARE(errorOf(answer), QStringLiteral("execution_not_found"));
    answer = m_service->resumeFromConsole(QStringLiteral("no-such-flow"), unknownId, {});
    QCOMPARE(answer.status, 404);
    QCOMPARE(errorOf(answer), QStringLiteral("not_found"));
    // A helper flow has no endpoint to resume through.
    answer = m_service->resumeFromConsole(QStringLiteral("line-total"), unknownId, {});
    QCOMPARE(answer.status, 404);
    QCOMPARE(errorOf(answer), QStringLiteral("not_found"));
    // An execution of another flow is not found through this flow.
    const QString helloId = QString::fromLatin1(
        m_service->handle(request("GET", QStringLiteral("hello-public"))).header("X-Execution-Id"));
    answer = m_service->resumeFromConsole(QStringLiteral("approval-pause"), helloId, {});
    QCOMPARE(answer.status, 404);
    answer = m_service->resumeFromConsole(QStringLiteral("hello-public"), helloId, {});
    QCOMPARE(answer.status, 409);
    QCOMPARE(errorOf(answer), QStringLiteral("execution_not_paused"));
    QCOMPARE(m_ledger.entries.size(), 1);
}

void TestInvokeService::retryFromConsole()
{
    // A failed execution of a client-token flow, retried without the token.
    const HttpAnswer failed = m_service->handle(request(
        "POST", QStringLiteral("echo-token"), "q=1&clientToken=" + m_echoToken.toLatin1(), "{\"n\": "));
    QCOMPARE(failed.status, 400);
    const QString failedId = QString::fromLatin1(failed.header("X-Execution-Id"));
    QCOMPARE(m_ledger.entries.last().status, ExecutionStatus::Failed);

    const HttpAnswer retried = m_service->retryFromConsole(QStringLiteral("echo-token"), failedId);
    QCOMPARE(retried.status, 400); // the recorded input is still malformed
    const QString retryId = QString::fromLatin1(retried.header("X-Execution-Id"));
    QCOMPARE(retryId.size(), 32);
    QVERIFY(retryId != failedId);
    const MemoryLedger::Entry &entry = m_ledger.entries.last();
    QCOMPARE(entry.kind, QStringLiteral("retry"));
    QCOMPARE(entry.retryOf, failedId);
    QCOMPARE(entry.request.peerAddress, QStringLiteral("console"));
    QCOMPARE(entry.request.body, QByteArrayLiteral("{\"n\": "));
    QCOMPARE(entry.rawQuery, QByteArrayLiteral("q=1&clientToken=") + m_echoToken.toLatin1());

    // The same refusals as the route.
    const QString okId = QString::fromLatin1(
        m_service->handle(request("GET", QStringLiteral("hello-public"))).header("X-Execution-Id"));
    HttpAnswer answer = m_service->retryFromConsole(QStringLiteral("hello-public"), okId);
    QCOMPARE(answer.status, 409);
    QCOMPARE(errorOf(answer), QStringLiteral("execution_not_failed"));
    answer = m_service->retryFromConsole(QStringLiteral("hello-public"),
                                         QStringLiteral("0123456789abcdef0123456789abcdef"));
    QCOMPARE(answer.status, 404);
    QCOMPARE(errorOf(answer), QStringLiteral("execution_not_found"));
    answer = m_service->retryFromConsole(QStringLiteral("nope"), okId);
    QCOMPARE(answer.status, 404);
    QCOMPARE(errorOf(answer), QStringLiteral("not_found"));
}

void TestInvokeService::consoleFollowsOnOffAndRateLimit()
{
    const QString unknownId = QStringLiteral("0123456789abcdef0123456789abcdef");
    HttpAnswer answer = m_service->retryFromConsole(QStringLiteral("off"), unknownId);
    QCOMPARE(answer.status, 409);
    QCOMPARE(errorOf(answer), QStringLiteral("flow_inactive"));
    answer = m_service->resumeFromConsole(QStringLiteral("off"), unknownId, {});
    QCOMPARE(answer.status, 409);
    QCOMPARE(errorOf(answer), QStringLiteral("flow_inactive"));

    m_workspace.settings().rateLimitPerSecond = 1;
    rebuild();
    QCOMPARE(m_service->handle(request("GET", QStringLiteral("approval-pause"))).status, 200);
    answer = m_service->resumeFromConsole(QStringLiteral("approval-pause"), unknownId, {});
    QCOMPARE(answer.status, 429);
    QVERIFY(!answer.header("Retry-After").isEmpty());
}

void TestInvokeService::runningExecutionsAreDescribed()
{
    addSlowFlows();
    if (QTest::currentTestFailed())
        return;
    QVERIFY(m_service->running().isEmpty());
    QByteArray csv = "a";
    csv.append(QByteArray(",a").repeated(900'000));
    const HttpRequest slow = request("POST", QStringLiteral("slow"), {}, "{\"csv\":\"" + csv + "\"}");
    const QDateTime before = QDateTime::currentDateTimeUtc();
    HttpAnswer answer;
    std::thread caller([&] { answer = m_service->handle(slow); });
    QTRY_VERIFY_WITH_TIMEOUT(!m_service->running().isEmpty(), 10000);
    const RunningExecution running = m_service->running().first();
    QCOMPARE(running.flowId, QStringLiteral("slow"));
    QCOMPARE(running.kind, QStringLiteral("invoke"));
    QCOMPARE(running.peerAddress, QStringLiteral("127.0.0.1"));
    QCOMPARE(running.security, SecurityLevel::None);
    QVERIFY(running.startedAt >= before.addMSecs(-1));
    QVERIFY(running.startedAt <= QDateTime::currentDateTimeUtc());
    QCOMPARE(m_service->runningExecutions(), QStringList{running.executionId});
    QVERIFY(m_service->cancel(running.executionId));
    caller.join();
    QCOMPARE(answer.status, 503);
    QVERIFY(m_service->running().isEmpty());
}

void TestInvokeService::runningUntilRecorded()
{
    QStringList runningWhileRecorded;
    m_ledger.onRecord = [&](const InvocationRecord &r) {
        if (m_service->runningExecutions().contains(r.executionId))
            runningWhileRecorded.append(r.executionId);
    };
    const HttpAnswer paused = m_service->handle(request("POST", QStringLiteral("approval-pause"), {}, "{}"));
    const QString id = QString::fromLatin1(paused.header("X-Execution-Id"));
    QCOMPARE(m_service->resumeFromConsole(QStringLiteral("approval-pause"), id, {}).status, 200);
    QCOMPARE(runningWhileRecorded, QStringList({id, id}));
    QVERIFY(m_service->runningExecutions().isEmpty());
}

QTEST_GUILESS_MAIN(TestInvokeService)
#include "tst_invokeservice.moc"
