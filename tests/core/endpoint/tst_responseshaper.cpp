// How a flow's end becomes the HTTP answer (PRODUCT.md §3.2): one row per way a flow can end, the
// raw answers' header rules, Close's early answer, the error shape and the reason phrases.

#include "endpoint/ResponseShaper.h"

#include <QJsonDocument>
#include <QTest>

using namespace wf;

using Kind = FlowOutcome::Kind;

namespace {

QJsonObject object(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

FlowOutcome outcome(Kind kind)
{
    FlowOutcome result;
    result.kind = kind;
    return result;
}

FlowOutcome raw(Kind kind, int status, const QByteArray &headers, const QString &body)
{
    FlowOutcome result = outcome(kind);
    result.statusCode = status;
    result.headers = object(headers);
    result.body = body;
    return result;
}

// "Name: value" lines, in order, for exact comparisons of the header list.
QByteArray headerLines(const HttpAnswer &answer)
{
    QByteArray lines;
    for (const auto &[name, value] : answer.headers)
        lines += name + ": " + value + '\n';
    return lines;
}

} // namespace

Q_DECLARE_METATYPE(FlowOutcome)

class TestResponseShaper final : public QObject {
    Q_OBJECT

private slots:
    void shapes_data();
    void shapes();
    void answerForPrefersEarly();
    void errorAnswerShape();
    void setHeaderReplacesCaseInsensitively();
    void reasonPhrases_data();
    void reasonPhrases();
};

void TestResponseShaper::shapes_data()
{
    QTest::addColumn<FlowOutcome>("flowOutcome");
    QTest::addColumn<QString>("executionId");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("headers"); // every header, in order
    QTest::addColumn<QByteArray>("body");    // exact bytes

    const QString id = QStringLiteral("e-42");
    const QByteArray json = "Content-Type: application/json\n";
    const QByteArray text = "Content-Type: text/plain; charset=utf-8\n";

    QTest::addRow("no Return") << outcome(Kind::NoReturn) << id << 200 << json << QByteArray("{}");

    FlowOutcome returned = outcome(Kind::Return);
    returned.fields =
        object(R"({"greeting": "Hello, 😀!", "n": 3, "list": [1, null], "nested": {"b": true}})");
    QTest::addRow("Return") << returned << id << 200 << json
                            << QByteArray(
                                   R"({"greeting":"Hello, 😀!","list":[1,null],"n":3,"nested":{"b":true}})");
    QTest::addRow("Return without fields") << outcome(Kind::Return) << id << 200 << json << QByteArray("{}");

    QTest::addRow("Continue If stopped")
        << outcome(Kind::ContinueIfStopped) << id << 200 << json << QByteArray("{}");
    FlowOutcome stopped = outcome(Kind::ContinueIfStopped);
    stopped.message = QStringLiteral("nothing to do");
    QTest::addRow("Continue If stopped with message")
        << stopped << id << 200 << json << QByteArray(R"({"message":"nothing to do"})");

    QTest::addRow("Return Raw, JSON body")
        << raw(Kind::ReturnRaw, 200, "{}", QString::fromUtf8(R"({"a": [1, 2]})")) << id << 200 << json
        << QByteArray(R"({"a": [1, 2]})");
    QTest::addRow("Return Raw, JSON array body")
        << raw(Kind::ReturnRaw, 201, "{}", QStringLiteral("[1]")) << id << 201 << json << QByteArray("[1]");
    QTest::addRow("Return Raw, text body") << raw(Kind::ReturnRaw, 404, "{}", QStringLiteral("not here ✗"))
                                           << id << 404 << text << QByteArray("not here ✗");
    QTest::addRow("Return Raw, broken JSON is text")
        << raw(Kind::ReturnRaw, 200, "{}", QStringLiteral("{\"a\": ")) << id << 200 << text
        << QByteArray("{\"a\": ");
    QTest::addRow("Return Raw, empty body")
        << raw(Kind::ReturnRaw, 200, "{}", QString()) << id << 200 << text << QByteArray();
    QTest::addRow("Return Raw, headers merged")
        << raw(Kind::ReturnRaw, 418, R"({"X-One": "1", "Cache-Control": "no-store"})", QStringLiteral("tea"))
        << id << 418
        << QByteArray("Content-Type: text/plain; charset=utf-8\nCache-Control: no-store\nX-One: 1\n")
        << QByteArray("tea");
    QTest::addRow("Return Raw, user Content-Type overrides ours")
        << raw(Kind::ReturnRaw, 200, R"({"content-type": "text/html; charset=utf-8"})",
               QStringLiteral("<p>hi</p>"))
        << id << 200 << QByteArray("content-type: text/html; charset=utf-8\n") << QByteArray("<p>hi</p>");
    QTest::addRow("Return Raw, user Content-Type over a JSON body")
        << raw(Kind::ReturnRaw, 200, R"({"CONTENT-TYPE": "application/vnd.api+json"})", QStringLiteral("{}"))
        << id << 200 << QByteArray("CONTENT-TYPE: application/vnd.api+json\n") << QByteArray("{}");
    QTest::addRow("Return Raw, transport headers dropped")
        << raw(Kind::ReturnRaw, 200,
               R"({"Content-Length": "999", "transfer-encoding": "chunked", "CONNECTION": "close", "X-Keep": "yes"})",
               QStringLiteral("ok"))
        << id << 200 << QByteArray("Content-Type: text/plain; charset=utf-8\nX-Keep: yes\n")
        << QByteArray("ok");
    QTest::addRow("Return Raw, non-ASCII header value")
        << raw(Kind::ReturnRaw, 200, R"({"X-Name": "Zoë"})", QStringLiteral("ok")) << id << 200
        << QByteArray("Content-Type: text/plain; charset=utf-8\nX-Name: Zoë\n") << QByteArray("ok");

    FlowOutcome error = outcome(Kind::ReturnError);
    error.statusCode = 404;
    error.message = QStringLiteral("no customer with this id");
    QTest::addRow("Return Error") << error << id << 404 << json
                                  << QByteArray(
                                         R"({"error":"no customer with this id","executionId":"e-42"})");
    QTest::addRow("Return Error without execution id")
        << error << QString() << 404 << json << QByteArray(R"({"error":"no customer with this id"})");
    FlowOutcome emptyError = outcome(Kind::ReturnError);
    emptyError.statusCode = 400;
    QTest::addRow("Return Error without message")
        << emptyError << id << 400 << json << QByteArray(R"({"error":"","executionId":"e-42"})");

    FlowOutcome cardError = outcome(Kind::CardError);
    cardError.message = QString::fromUtf8(R"(Add: a: cannot convert text "abc" to Number)");
    cardError.errorType = ErrorType::InvalidTypeConversion;
    cardError.cardId = QStringLiteral("sum");
    QTest::addRow("card error")
        << cardError << id << 500 << json
        << QByteArray(R"({"error":"Add: a: cannot convert text \"abc\" to Number","executionId":"e-42"})");

    FlowOutcome pause = outcome(Kind::Pause);
    pause.fields = object(R"({"status": "pending"})");
    QTest::addRow("Pause") << pause << id << 200 << json << QByteArray(R"({"status":"pending"})");
    QTest::addRow("Pause Raw") << raw(Kind::PauseRaw, 200, R"({"X-Wait": "1"})",
                                      QStringLiteral("<p>wait</p>"))
                               << id << 200
                               << QByteArray("Content-Type: text/plain; charset=utf-8\nX-Wait: 1\n")
                               << QByteArray("<p>wait</p>");
    QTest::addRow("Close") << raw(Kind::Close, 500, "{}", QString::fromUtf8(R"({"queued": true})")) << id
                           << 500 << json << QByteArray(R"({"queued": true})");

    FlowOutcome bad = outcome(Kind::BadRequest);
    bad.message = QStringLiteral("malformed JSON body at offset 3: unterminated object");
    QTest::addRow("bad request")
        << bad << id << 400 << json
        << QByteArray(
               R"({"error":"invalid_request","error_description":"malformed JSON body at offset 3: unterminated object","executionId":"e-42"})");

    FlowOutcome timedOut = outcome(Kind::TimedOut);
    timedOut.message = QStringLiteral("the execution ran out of time before card 'Wait'");
    QTest::addRow("timed out")
        << timedOut << id << 504 << json
        << QByteArray(
               R"({"error":"timeout","error_description":"the execution ran out of time before card 'Wait'; raise the flow timeout or make the flow faster","executionId":"e-42"})");

    FlowOutcome canceled = outcome(Kind::Canceled);
    canceled.message = QStringLiteral("the execution was canceled before card 'Add'");
    QTest::addRow("canceled")
        << canceled << id << 503 << json
        << QByteArray(
               R"({"error":"canceled","error_description":"the execution was canceled before card 'Add'","executionId":"e-42"})");
}

void TestResponseShaper::shapes()
{
    QFETCH(FlowOutcome, flowOutcome);
    QFETCH(QString, executionId);
    QFETCH(int, status);
    QFETCH(QByteArray, headers);
    QFETCH(QByteArray, body);

    const HttpAnswer answer = shapeResponse(flowOutcome, executionId);
    QCOMPARE(answer.status, status);
    QCOMPARE(headerLines(answer), headers);
    QCOMPARE(answer.body, body);
    // The X-Execution-Id header is the transport's business.
    QVERIFY(answer.header("X-Execution-Id").isEmpty());
}

void TestResponseShaper::answerForPrefersEarly()
{
    RunResult result;
    result.outcome = outcome(Kind::Return);
    result.outcome.fields = object(R"({"done": true})");
    QCOMPARE(answerFor(result, QStringLiteral("e")).body, QByteArray(R"({"done":true})"));

    result.early = raw(Kind::Close, 200, R"({"X-Early": "1"})", QStringLiteral("accepted"));
    const HttpAnswer early = answerFor(result, QStringLiteral("e"));
    QCOMPARE(early.status, 200);
    QCOMPARE(early.body, QByteArray("accepted"));
    QCOMPARE(early.header("x-early"), QByteArray("1"));

    // Even when the flow fails afterwards, the caller got the early answer.
    result.outcome = outcome(Kind::CardError);
    result.outcome.message = QStringLiteral("late failure");
    result.status = ExecutionStatus::Failed;
    QCOMPARE(answerFor(result, QStringLiteral("e")).body, QByteArray("accepted"));

    result.early.reset();
    const HttpAnswer late = answerFor(result, QStringLiteral("e"));
    QCOMPARE(late.status, 500);
    QCOMPARE(late.body, QByteArray(R"({"error":"late failure","executionId":"e"})"));
}

void TestResponseShaper::errorAnswerShape()
{
    const HttpAnswer withId = errorAnswer(409, QStringLiteral("flow_inactive"),
                                          QStringLiteral("the flow is off"), QStringLiteral("e-1"));
    QCOMPARE(withId.status, 409);
    QCOMPARE(withId.header("content-type"), QByteArray("application/json"));
    QCOMPARE(withId.headers.size(), 1);
    QCOMPARE(
        withId.body,
        QByteArray(R"({"error":"flow_inactive","error_description":"the flow is off","executionId":"e-1"})"));

    const HttpAnswer withoutId =
        errorAnswer(401, QStringLiteral("invalid_token"), QStringLiteral("no \"token\" ✗"));
    QCOMPARE(withoutId.status, 401);
    // (No raw string here: moc misreads \" inside a raw string in a macro argument.)
    QCOMPARE(withoutId.body,
             QByteArray("{\"error\":\"invalid_token\",\"error_description\":\"no \\\"token\\\" ✗\"}"));
    QCOMPARE(object(withoutId.body).size(), 2);
}

void TestResponseShaper::setHeaderReplacesCaseInsensitively()
{
    HttpAnswer answer;
    QVERIFY(answer.header("X-A").isEmpty());
    answer.setHeader("X-A", "1");
    answer.setHeader("X-B", "2");
    QCOMPARE(answer.header("x-a"), QByteArray("1"));
    QCOMPARE(answer.header("X-A"), QByteArray("1"));

    answer.setHeader("x-a", "3");
    QCOMPARE(headerLines(answer), QByteArray("X-B: 2\nx-a: 3\n"));
    QCOMPARE(answer.header("X-A"), QByteArray("3"));

    // Duplicates added by hand are all replaced.
    answer.headers.append({QByteArrayLiteral("X-B"), QByteArrayLiteral("again")});
    answer.setHeader("X-b", "one");
    QCOMPARE(headerLines(answer), QByteArray("x-a: 3\nX-b: one\n"));

    // An empty value is still a header.
    answer.setHeader("X-Empty", QByteArray());
    QCOMPARE(answer.headers.size(), 3);
    QCOMPARE(answer.header("x-nope"), QByteArray());
}

void TestResponseShaper::reasonPhrases_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("phrase");

    const QList<std::pair<int, const char *>> rows = {
        {200, "OK"},
        {204, "No Content"},
        {400, "Bad Request"},
        {401, "Unauthorized"},
        {403, "Forbidden"},
        {404, "Not Found"},
        {405, "Method Not Allowed"},
        {409, "Conflict"},
        {413, "Payload Too Large"},
        {415, "Unsupported Media Type"},
        {418, "I'm a teapot"},
        {422, "Unprocessable Entity"},
        {429, "Too Many Requests"},
        {500, "Internal Server Error"},
        {502, "Bad Gateway"},
        {503, "Service Unavailable"},
        {504, "Gateway Timeout"},
        {499, "Client Error"},
        {599, "Server Error"},
    };
    for (const auto &[status, phrase] : rows)
        QTest::addRow("%d", status) << status << QString::fromUtf8(phrase);
}

void TestResponseShaper::reasonPhrases()
{
    QFETCH(int, status);
    QFETCH(QString, phrase);
    QCOMPARE(reasonPhrase(status), phrase);
}

QTEST_GUILESS_MAIN(TestResponseShaper)
#include "tst_responseshaper.moc"
