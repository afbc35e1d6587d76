// The bundled samples end to end through the executor and answerFor.

#include "ExecutorTestSupport.h"

using namespace wf;
using namespace wf::exectest;

class TestExecutorSamples final : public QObject {
    Q_OBJECT

private slots:
    void samples_data();
    void samples();
    void sampleApprovalPauseAndResume();
    void sampleLineTotalHelper();
};

void TestExecutorSamples::samples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("requestId"); // X-Request-Id header, when set
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("expected"); // JSON object, or the start of a text body
    QTest::addColumn<QByteArray>("contentTypeOut");

    const QByteArray json = "application/json";
    QTest::addRow("hello with name") << s("hello-public.json") << QByteArray(R"({"name": "Ada"})") << json
                                     << QByteArray() << QByteArray() << 200
                                     << QByteArray(R"({"greeting":"Hello, Ada!","nameLength":3})") << json;
    QTest::addRow("hello without name")
        << s("hello-public.json") << QByteArray() << QByteArray() << QByteArray() << QByteArray() << 200
        << QByteArray(R"({"greeting":"Hello, stranger!","nameLength":8})") << json;
    QTest::addRow("hello with empty name")
        << s("hello-public.json") << QByteArray(R"({"name": ""})") << json << QByteArray() << QByteArray()
        << 200 << QByteArray(R"({"greeting":"Hello, stranger!","nameLength":8})") << json;
    QTest::addRow("hello in French") << s("hello-public.json") << QByteArray(R"({"name": "Ada"})") << json
                                     << QByteArray("lang=fr") << QByteArray() << 200
                                     << QByteArray(R"({"greeting":"Bonjour, Ada!","nameLength":3})") << json;
    QTest::addRow("hello in French, stranger")
        << s("hello-public.json") << QByteArray() << QByteArray() << QByteArray("lang=fr") << QByteArray()
        << 200 << QByteArray(R"({"greeting":"Bonjour, stranger!","nameLength":8})") << json;
    QTest::addRow("hello with emoji name")
        << s("hello-public.json") << QByteArray(R"({"name": "😀"})") << json << QByteArray() << QByteArray()
        << 200 << QByteArray(R"({"greeting":"Hello, 😀!","nameLength":1})") << json;
    QTest::addRow("order with items")
        << s("order-total-token.json")
        << QByteArray(
               R"({"items":[{"price":2.5,"qty":4},{"price":19.99},{"price":3,"qty":3}],"currency":"EUR"})")
        << json << QByteArray() << QByteArray() << 200
        << QByteArray(R"({"count":3,"currency":"EUR","largest":19.99,"lines":[10,19.99,9]})") << json;
    QTest::addRow("order with no items")
        << s("order-total-token.json") << QByteArray(R"({"items":[]})") << json << QByteArray()
        << QByteArray() << 400
        << QByteArray(R"({"error":"items: give at least one order line","executionId":"exec-1"})") << json;
    QTest::addRow("order with items that are not objects")
        << s("order-total-token.json") << QByteArray(R"({"items":[1]})") << json << QByteArray()
        << QByteArray() << 400 << QByteArray(R"({"error":"invalid_request")") << json;
    QTest::addRow("customer 42")
        << s("customer-oauth.json") << QByteArray() << QByteArray() << QByteArray("id=42") << QByteArray()
        << 200 << QByteArray(R"({"calledBy":"0oa-app","id":"42","name":"Ada Lovelace","tier":"GOLD"})")
        << json;
    QTest::addRow("customer 7")
        << s("customer-oauth.json") << QByteArray() << QByteArray() << QByteArray("id=7") << QByteArray()
        << 200 << QByteArray(R"({"calledBy":"0oa-app","id":"7","name":"Grace Hopper","tier":"SILVER"})")
        << json;
    QTest::addRow("customer unknown")
        << s("customer-oauth.json") << QByteArray() << QByteArray() << QByteArray("id=99") << QByteArray()
        << 404 << QByteArray(R"({"error":"no customer with this id","executionId":"exec-1"})") << json;
    QTest::addRow("customer without id")
        << s("customer-oauth.json") << QByteArray() << QByteArray() << QByteArray() << QByteArray() << 404
        << QByteArray(R"({"error":"no customer with this id","executionId":"exec-1"})") << json;
    QTest::addRow("echo JSON") << s("echo-raw.json") << QByteArray(R"({"a": [1, 2]})") << json << QByteArray()
                               << QByteArray("r-17") << 200 << QByteArray(R"({"a":[1,2]})") << json;
    QTest::addRow("echo bad body") << s("echo-raw.json") << QByteArray("{broken") << QByteArray("text/plain")
                                   << QByteArray() << QByteArray() << 422 << QByteArray("Parse: text: ")
                                   << QByteArray("text/plain; charset=utf-8");
    QTest::addRow("echo bad body sent as JSON")
        << s("echo-raw.json") << QByteArray("{broken") << json << QByteArray() << QByteArray() << 400
        << QByteArray(R"({"error":"invalid_request")") << json;
}

void TestExecutorSamples::samples()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, requestId);
    QFETCH(int, status);
    QFETCH(QByteArray, expected);
    QFETCH(QByteArray, contentTypeOut);

    QStringList libraryProblems;
    const FlowLibrary library = FlowLibrary::loadDirectory(samplesDir(), &libraryProblems);
    QVERIFY2(libraryProblems.isEmpty(), qPrintable(libraryProblems.join(QLatin1Char('\n'))));
    LOAD_FLOW(flow, readSample(file), &library);

    EventData event = request(body, contentType, query);
    event.method = body.isEmpty() ? "GET" : "POST";
    event.security = flow.endpoint.security;
    if (flow.endpoint.security == SecurityLevel::OAuth2)
        event.clientId = QStringLiteral("0oa-app");
    if (!requestId.isEmpty())
        event.headers.append({QByteArrayLiteral("X-Request-Id"), requestId});
    const RunResult result = run(flow, event, options(&library));
    const HttpAnswer answer = answerFor(result, kExecutionId);
    QVERIFY2(answer.status == status,
             qPrintable(QString::number(answer.status) + QLatin1Char(' ') + QString::fromUtf8(answer.body)));
    QCOMPARE(answer.header("Content-Type"), contentTypeOut);
    if (expected.endsWith('}'))
        QCOMPARE(answer.body, expected); // compact JSON with sorted keys: exact bytes
    else
        QVERIFY2(answer.body.startsWith(expected), answer.body.constData());

    if (file == QLatin1String("echo-raw.json") && status == 200) {
        QCOMPARE(answer.header("X-Echoed-Request"), requestId);
        QCOMPARE(answer.header("Cache-Control"), QByteArray("no-store"));
    }
}

void TestExecutorSamples::sampleApprovalPauseAndResume()
{
    QStringList libraryProblems;
    const FlowLibrary library = FlowLibrary::loadDirectory(samplesDir(), &libraryProblems);
    LOAD_FLOW(flow, readSample(QStringLiteral("approval-pause.json")), &library);

    const RunResult paused =
        run(flow, request(R"({"amount": 120, "reason": "train tickets"})"), options(&library));
    QCOMPARE(paused.status, ExecutionStatus::Paused);
    const HttpAnswer pauseAnswer = answerFor(paused, kExecutionId);
    QCOMPARE(pauseAnswer.status, 200);
    QCOMPARE(pauseAnswer.body,
             QByteArray(R"({"executionId":"exec-1","status":"pending","summary":"120 for train tickets"})"));
    QVERIFY(paused.continuation);
    const QByteArray stored = QJsonDocument(paused.continuation->toJson()).toJson(QJsonDocument::Compact);

    const auto resume = [&](const QByteArray &body) {
        const std::optional<Continuation> continuation = Continuation::fromJson(object(stored));
        if (!continuation)
            return RunResult{};
        ResumeData data;
        data.body = body;
        data.headers = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
        return Executor().resume(flow, *continuation, data, options(&library));
    };
    const RunResult approved = resume(R"({"approved": true, "approver": "Grace"})");
    QCOMPARE(approved.status, ExecutionStatus::Success);
    QCOMPARE(answerFor(approved, kExecutionId).body,
             QByteArray(R"({"approver":"Grace","decision":"approved","summary":"120 for train tickets"})"));
    const RunResult rejected = resume(R"({"approved": "false", "approver": "Linus"})");
    QCOMPARE(answerFor(rejected, kExecutionId).body,
             QByteArray(R"({"approver":"Linus","decision":"rejected","summary":"120 for train tickets"})"));
    const RunResult invalid = resume(R"({"approved": "perhaps"})");
    QCOMPARE(answerFor(invalid, kExecutionId).status, 400);
}

void TestExecutorSamples::sampleLineTotalHelper()
{
    QStringList libraryProblems;
    const FlowLibrary library = FlowLibrary::loadDirectory(samplesDir(), &libraryProblems);
    const Flow *helper = library.find(QStringLiteral("line-total"));
    QVERIFY(helper);
    const RunResult result =
        Executor().runHelper(*helper, object(R"({"item": {"price": 1.25, "qty": 8}})"), options(&library));
    QCOMPARE(result.status, ExecutionStatus::Success);
    QCOMPARE(result.outcome.fields, object(R"({"total": 10})"));
    const RunResult defaults =
        Executor().runHelper(*helper, object(R"({"item": {"price": 4}})"), options(&library));
    QCOMPARE(defaults.outcome.fields, object(R"({"total": 4})"));
}

QTEST_GUILESS_MAIN(TestExecutorSamples)
#include "tst_executorsamples.moc"
