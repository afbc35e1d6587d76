// The executor: reference resolution, conversions, and how Return, Continue If, Return Error and Return Raw
// end a flow.

#include "ExecutorTestSupport.h"

using namespace wf;
using namespace wf::exectest;

class TestExecutor final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void references_data();
    void references();
    void contextOfOAuthCaller();
    void conversionFailureNamesTheCard();
    void returnAtTopLevel();
    void returnInsideIfElse_data();
    void returnInsideIfElse();
    void returnLeavesOnlyTheInnermostBlock();
    void blockOutputThatCannotConvert();
    void continueIf_data();
    void continueIf();
    void returnError_data();
    void returnError();
    void returnErrorIf_data();
    void returnErrorIf();
    void returnErrorInsideBlockEndsTheFlow();
    void returnRaw_data();
    void returnRaw();
};

void TestExecutor::initTestCase()
{
    QVERIFY(CardCatalogue::builtIn().find(QStringLiteral("flow.return")));
    QVERIFY(CardCatalogue::builtIn().find(QStringLiteral("text.compose")));
}

void TestExecutor::references_data()
{
    QTest::addColumn<QString>("ref");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QJsonValue>("expected");

    const QByteArray body =
        R"({"name": "Ada", "count": "3", "flag": "true", "items": [{"price": 1}, {"price": 2.5}],
                                "profile": {"address": {"city": "Paris"}}})";
    QTest::addRow("body text") << s("event.body.name") << body << QByteArray() << json(R"("Ada")");
    QTest::addRow("body number from text") << s("event.body.count") << body << QByteArray() << json("3");
    QTest::addRow("body boolean from text") << s("event.body.flag") << body << QByteArray() << json("true");
    QTest::addRow("body boolean from 0")
        << s("event.body.flag") << QByteArray(R"({"flag": 0})") << QByteArray() << json("false");
    QTest::addRow("body text from number")
        << s("event.body.name") << QByteArray(R"({"name": 42})") << QByteArray() << json(R"("42")");
    QTest::addRow("body object from JSON text")
        << s("event.body.profile") << QByteArray(R"({"profile": "{\"a\": 1}"})") << QByteArray()
        << json(R"({"a": 1})");
    QTest::addRow("list index") << s("event.body.items.1.price") << body << QByteArray() << json("2.5");
    QTest::addRow("list index 0") << s("event.body.items.0") << body << QByteArray()
                                  << json(R"({"price": 1})");
    QTest::addRow("list index out of range")
        << s("event.body.items.2.price") << body << QByteArray() << json("null");
    QTest::addRow("negative list index") << s("event.body.items.-1") << body << QByteArray() << json("null");
    QTest::addRow("list key that is no index")
        << s("event.body.items.first") << body << QByteArray() << json("null");
    QTest::addRow("nested object") << s("event.body.profile.address.city") << body << QByteArray()
                                   << json(R"("Paris")");
    QTest::addRow("missing key") << s("event.body.profile.address.zip") << body << QByteArray()
                                 << json("null");
    QTest::addRow("key into a text") << s("event.body.profile.address.city.x") << body << QByteArray()
                                     << json("null");
    QTest::addRow("missing body field")
        << s("event.body.name") << QByteArray("{}") << QByteArray() << json("null");
    QTest::addRow("null body field") << s("event.body.count") << QByteArray(R"({"count": null})")
                                     << QByteArray() << json("null");
    QTest::addRow("no body at all") << s("event.body.name") << QByteArray() << QByteArray() << json("null");
    QTest::addRow("whole body")
        << s("event.body") << QByteArray(R"({"name": "Ada", "extra": 1})") << QByteArray()
        << json(R"({"name": "Ada", "count": null, "flag": null, "items": null, "profile": null})");
    QTest::addRow("query text") << s("event.query.q") << QByteArray() << QByteArray("q=a%20b%2Bc+d")
                                << json(R"("a b+c d")");
    QTest::addRow("query number") << s("event.query.n") << QByteArray() << QByteArray("q=x&n=7") << json("7");
    QTest::addRow("query repeated, later wins")
        << s("event.query.q") << QByteArray() << QByteArray("q=1&q=2") << json(R"("2")");
    QTest::addRow("query unicode") << s("event.query.q") << QByteArray()
                                   << QByteArray("q=%C3%A9t%C3%A9%20%F0%9F%98%80") << json(R"("été 😀")");
    QTest::addRow("missing query field")
        << s("event.query.q") << QByteArray() << QByteArray("other=1") << json("null");
    QTest::addRow("header") << s("event.headers.x-h") << QByteArray() << QByteArray()
                            << json(R"("from header")");
    QTest::addRow("raw body") << s("event.raw.body") << QByteArray(R"({"name": "Ada"})") << QByteArray()
                              << json(R"("{\"name\": \"Ada\"}")");
    QTest::addRow("raw query") << s("event.raw.query") << QByteArray() << QByteArray("q=a%20b&n=1")
                               << json(R"("q=a%20b&n=1")");
    QTest::addRow("raw header, lower-case name") << s("event.raw.headers.content-type") << QByteArray()
                                                 << QByteArray() << json(R"("application/json")");
    QTest::addRow("raw repeated header")
        << s("event.raw.headers.x-multi") << QByteArray() << QByteArray() << json(R"("one, two")");
    QTest::addRow("context execution id")
        << s("event.context.execution_id") << QByteArray() << QByteArray() << json(R"("exec-1")");
    QTest::addRow("context method") << s("event.context.method") << QByteArray() << QByteArray()
                                    << json(R"("POST")");
    QTest::addRow("context security")
        << s("event.context.security_level") << QByteArray() << QByteArray() << json(R"("none")");
    QTest::addRow("context client id (none)")
        << s("event.context.client_id") << QByteArray() << QByteArray() << json("null");
    QTest::addRow("card output path")
        << s("parse.output.a.b.1") << QByteArray() << QByteArray() << json("20");
    QTest::addRow("card output deep path")
        << s("parse.output.a.b.2.c") << QByteArray() << QByteArray() << json(R"("deep")");
    QTest::addRow("card output past the list")
        << s("parse.output.a.b.9") << QByteArray() << QByteArray() << json("null");
    QTest::addRow("card output missing key")
        << s("parse.output.missing") << QByteArray() << QByteArray() << json("null");
    QTest::addRow("card output whole") << s("parse.output") << QByteArray() << QByteArray()
                                       << json(R"({"a": {"b": [10, 20, {"c": "deep"}]}})");
}

void TestExecutor::references()
{
    QFETCH(QString, ref);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, query);
    QFETCH(QJsonValue, expected);

    QByteArray cards = R"([
        {"id": "parse", "function": "json.parse", "inputs": [{"name": "text", "value": "{\"a\": {\"b\": [10, 20, {\"c\": \"deep\"}]}}"}]},
        {"id": "return", "function": "flow.return", "inputs": [{"name": "v", "ref": "@REF@"}]}])";
    cards.replace("@REF@", ref.toUtf8());
    LOAD_FLOW(flow, endpointFlow(cards.constData()), nullptr);

    const HeaderList headers = {{QByteArrayLiteral("X-H"), QByteArrayLiteral("from header")},
                                {QByteArrayLiteral("X-Multi"), QByteArrayLiteral("one")},
                                {QByteArrayLiteral("x-multi"), QByteArrayLiteral("two")}};
    const RunResult result = run(flow, request(body, "application/json", query, headers));
    QCOMPARE(result.status, ExecutionStatus::Success);
    QCOMPARE(result.outcome.kind, FlowOutcome::Kind::Return);
    QCOMPARE(jsonText(result.outcome.fields.value(QLatin1String("v"))), jsonText(expected));
    QCOMPARE(result.outcome.fields.size(), 1);
}

void TestExecutor::contextOfOAuthCaller()
{
    LOAD_FLOW(flow, endpointFlow(R"([{"id": "return", "function": "flow.return", "inputs": [
        {"name": "client", "ref": "event.context.client_id"}, {"name": "level", "ref": "event.context.security_level"},
        {"name": "method", "ref": "event.context.method"}]}])"),
              nullptr);
    EventData event = request();
    event.method = "PUT";
    event.clientId = QStringLiteral("0oa-app-1");
    event.security = SecurityLevel::OAuth2;
    const RunResult result = run(flow, event);
    QCOMPARE(result.outcome.fields, object(R"({"client": "0oa-app-1", "level": "oauth2", "method": "PUT"})"));
}

void TestExecutor::conversionFailureNamesTheCard()
{
    LOAD_FLOW(flow, endpointFlow(R"([
        {"id": "sum", "function": "number.add", "inputs": [{"name": "a", "ref": "event.body.name"}, {"name": "b", "value": 1}]},
        {"id": "labelled", "function": "number.add", "name": "Add one more", "inputs": [{"name": "a", "ref": "sum.result"}, {"name": "b", "ref": "event.body.name"}]},
        {"id": "return", "function": "flow.return", "inputs": [{"name": "n", "ref": "labelled.result"}]}])"),
              nullptr);

    const RunResult ok = run(flow, request(R"({"name": "4"})"));
    QCOMPARE(ok.status, ExecutionStatus::Success);
    QCOMPARE(ok.outcome.fields, object(R"({"n": 9})"));

    const RunResult failed = run(flow, request(R"({"name": "abc"})"));
    QCOMPARE(failed.status, ExecutionStatus::Failed);
    QCOMPARE(failed.outcome.kind, FlowOutcome::Kind::CardError);
    QCOMPARE(failed.outcome.errorType, ErrorType::InvalidTypeConversion);
    QCOMPARE(failed.outcome.cardId, QStringLiteral("sum"));
    QCOMPARE(failed.outcome.message, s(R"(Add: a: cannot convert text "abc" to Number)"));
    QCOMPARE(tracedIds(failed.trace), QStringList({QStringLiteral("sum")}));

    const HttpAnswer answer = answerFor(failed, kExecutionId);
    QCOMPARE(answer.status, 500);
    QCOMPARE(
        answer.body,
        QByteArray(R"({"error":"Add: a: cannot convert text \"abc\" to Number","executionId":"exec-1"})"));

    // The card's own label names it when it has one.
    LOAD_FLOW(labelled, endpointFlow(R"([
        {"id": "labelled", "function": "number.add", "name": "Add one more", "inputs": [{"name": "a", "value": 1}, {"name": "b", "ref": "event.body.name"}]}])"),
              nullptr);
    const RunResult labelledFailure = run(labelled, request(R"({"name": "4x"})"));
    QCOMPARE(labelledFailure.outcome.kind, FlowOutcome::Kind::CardError);
    QCOMPARE(labelledFailure.outcome.message, s(R"(Add one more: b: cannot convert text "4x" to Number)"));
}

void TestExecutor::returnAtTopLevel()
{
    LOAD_FLOW(flow, endpointFlow(R"([
        {"id": "trim", "function": "text.trim", "inputs": [{"name": "text", "value": "  x  "}]},
        {"id": "return", "function": "flow.return", "inputs": [
            {"name": "n", "type": "number", "ref": "event.body.name"},
            {"name": "t", "type": "text", "value": 5},
            {"name": "o", "type": "object", "value": "{\"k\": [1]}"},
            {"name": "trimmed", "ref": "trim.output"},
            {"name": "nothing", "ref": "event.body.count"}]},
        {"id": "never", "function": "text.trim", "inputs": [{"name": "text", "value": "y"}]}])"),
              nullptr);
    const RunResult result = run(flow, request(R"({"name": "42"})"));
    QCOMPARE(result.status, ExecutionStatus::Success);
    QCOMPARE(result.outcome.kind, FlowOutcome::Kind::Return);
    QCOMPARE(result.outcome.cardId, QStringLiteral("return"));
    QCOMPARE(result.outcome.fields,
             object(R"({"n": 42, "t": "5", "o": {"k": [1]}, "trimmed": "x", "nothing": null})"));
    QCOMPARE(tracedIds(result.trace), QStringList({QStringLiteral("trim"), QStringLiteral("return")}));
    QVERIFY(!result.early);
    QVERIFY(!result.continuation);

    const HttpAnswer answer = answerFor(result, kExecutionId);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(object(answer.body), result.outcome.fields);

    // A flow without any Return answers 200 {}.
    LOAD_FLOW(noReturn,
              endpointFlow(
                  R"([{"id": "trim", "function": "text.trim", "inputs": [{"name": "text", "value": "x"}]}])"),
              nullptr);
    const RunResult ended = run(noReturn);
    QCOMPARE(ended.status, ExecutionStatus::Success);
    QCOMPARE(ended.outcome.kind, FlowOutcome::Kind::NoReturn);
    QCOMPARE(answerFor(ended, kExecutionId).body, QByteArray("{}"));

    // An empty flow too.
    LOAD_FLOW(empty, endpointFlow("[]"), nullptr);
    QCOMPARE(run(empty).outcome.kind, FlowOutcome::Kind::NoReturn);
}

void TestExecutor::returnInsideIfElse_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<QStringList>("traced");

    QTest::addRow("first block") << QByteArray(R"({"count": 10})")
                                 << QByteArray(
                                        R"({"label": "big", "n": 7, "missing": null, "after": "went on"})")
                                 << QStringList({QStringLiteral("branch"), QStringLiteral("big"),
                                                 QStringLiteral("after"), QStringLiteral("return")});
    QTest::addRow("second block")
        << QByteArray(R"({"count": 1})")
        << QByteArray(R"({"label": "small", "n": null, "missing": null, "after": "went on"})")
        << QStringList({QStringLiteral("branch"), QStringLiteral("small"), QStringLiteral("small-return"),
                        QStringLiteral("after"), QStringLiteral("return")});
    QTest::addRow("compared as numbers, not text")
        << QByteArray(R"({"count": "80"})")
        << QByteArray(R"({"label": "big", "n": 7, "missing": null, "after": "went on"})")
        << QStringList({QStringLiteral("branch"), QStringLiteral("big"), QStringLiteral("after"),
                        QStringLiteral("return")});
}

void TestExecutor::returnInsideIfElse()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);
    QFETCH(QStringList, traced);

    LOAD_FLOW(flow, endpointFlow(R"([
        {"id": "branch", "function": "branching.ifElse",
         "inputs": [{"name": "a", "ref": "event.body.count"}, {"name": "operator", "value": "greater than"}, {"name": "b", "value": 9}],
         "outputs": [{"name": "label", "type": "text"}, {"name": "n", "type": "number"}, {"name": "missing", "type": "text"}],
         "blocks": [
            {"label": "if", "cards": [
                {"id": "big", "function": "flow.return", "inputs": [{"name": "label", "value": "big"}, {"name": "n", "value": "7"}]},
                {"id": "never", "function": "text.trim", "inputs": [{"name": "text", "value": "not run"}]}]},
            {"label": "else", "cards": [
                {"id": "small", "function": "text.toLowerCase", "inputs": [{"name": "text", "value": "SMALL"}]},
                {"id": "small-return", "function": "flow.return", "inputs": [{"name": "label", "ref": "small.output"}]}]}]},
        {"id": "after", "function": "text.trim", "inputs": [{"name": "text", "value": " went on "}]},
        {"id": "return", "function": "flow.return", "inputs": [
            {"name": "label", "ref": "branch.label"}, {"name": "n", "ref": "branch.n"}, {"name": "missing", "ref": "branch.missing"},
            {"name": "after", "ref": "after.output"}]}])"),
              nullptr);
    const RunResult result = run(flow, request(body));
    QCOMPARE(result.status, ExecutionStatus::Success);
    QCOMPARE(result.outcome.kind, FlowOutcome::Kind::Return);
    QCOMPARE(result.outcome.cardId, QStringLiteral("return"));
    QCOMPARE(jsonText(result.outcome.fields), jsonText(object(expected)));
    QCOMPARE(tracedIds(result.trace), traced);
    // The declared outputs are typed: "7" became a number.
    if (result.outcome.fields.value(QLatin1String("n")).isDouble())
        QCOMPARE(result.outcome.fields.value(QLatin1String("n")).toDouble(), 7.0);
}

void TestExecutor::returnLeavesOnlyTheInnermostBlock()
{
    LOAD_FLOW(flow, endpointFlow(R"([
        {"id": "outer", "function": "error.ifError", "outputs": [{"name": "combined", "type": "text"}], "blocks": [
            {"label": "try", "cards": [
                {"id": "inner", "function": "branching.ifElse", "inputs": [{"name": "a", "value": 1}, {"name": "b", "value": 1}],
                 "outputs": [{"name": "label", "type": "text"}], "blocks": [
                    {"label": "if", "cards": [{"id": "inner-return", "function": "flow.return", "inputs": [{"name": "label", "value": "inner"}]}]},
                    {"label": "else", "cards": []}]},
                {"id": "join", "function": "text.concatenate", "inputs": [{"name": "x", "ref": "inner.label"}, {"name": "y", "value": "outer"}, {"name": "separator", "value": "+"}]},
                {"id": "outer-return", "function": "flow.return", "inputs": [{"name": "combined", "ref": "join.output"}]}]},
            {"label": "if error", "cards": []}]},
        {"id": "return", "function": "flow.return", "inputs": [{"name": "combined", "ref": "outer.combined"}]}])"),
              nullptr);
    const RunResult result = run(flow);
    QCOMPARE(result.outcome.kind, FlowOutcome::Kind::Return);
    QCOMPARE(result.outcome.cardId, QStringLiteral("return"));
    QCOMPARE(result.outcome.fields, object(R"({"combined": "inner+outer"})"));
}

void TestExecutor::blockOutputThatCannotConvert()
{
    LOAD_FLOW(flow, endpointFlow(R"([
        {"id": "branch", "function": "branching.ifElse", "outputs": [{"name": "n", "type": "number"}], "blocks": [
            {"label": "if", "cards": [{"id": "r", "function": "flow.return", "inputs": [{"name": "n", "value": "abc"}]}]},
            {"label": "else", "cards": []}]}])"),
              nullptr);
    const RunResult result = run(flow);
    QCOMPARE(result.status, ExecutionStatus::Failed);
    QCOMPARE(result.outcome.kind, FlowOutcome::Kind::CardError);
    QCOMPARE(result.outcome.cardId, QStringLiteral("branch"));
    QCOMPARE(result.outcome.errorType, ErrorType::InvalidTypeConversion);
    QVERIFY2(
        result.outcome.message.startsWith(QLatin1String("If/Else: n: cannot convert text \"abc\" to Number")),
        qPrintable(result.outcome.message));
}

void TestExecutor::continueIf_data()
{
    QTest::addColumn<QByteArray>("cards");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("answerBody");
    QTest::addColumn<QStringList>("traced");

    QTest::addRow("false at top level, with message")
        << QByteArray(
               R"([{"id": "go", "function": "branching.continueIf", "inputs": [{"name": "a", "value": 1}, {"name": "b", "value": 2}, {"name": "message", "value": "not now"}]},
                        {"id": "return", "function": "flow.return", "inputs": [{"name": "x", "value": 1}]}])")
        << static_cast<int>(FlowOutcome::Kind::ContinueIfStopped) << QByteArray(R"({"message":"not now"})")
        << QStringList({QStringLiteral("go")});
    QTest::addRow("false at top level, without message")
        << QByteArray(
               R"([{"id": "go", "function": "branching.continueIf", "inputs": [{"name": "a", "value": "x"}, {"name": "operator", "value": "is empty"}]},
                        {"id": "return", "function": "flow.return", "inputs": [{"name": "x", "value": 1}]}])")
        << static_cast<int>(FlowOutcome::Kind::ContinueIfStopped) << QByteArray("{}")
        << QStringList({QStringLiteral("go")});
    QTest::addRow("true at top level")
        << QByteArray(
               R"([{"id": "go", "function": "branching.continueIf", "inputs": [{"name": "a", "value": 80}, {"name": "operator", "value": "greater than"}, {"name": "b", "value": 9}, {"name": "message", "value": "m"}]},
                        {"id": "return", "function": "flow.return", "inputs": [{"name": "x", "value": 1}]}])")
        << static_cast<int>(FlowOutcome::Kind::Return) << QByteArray(R"({"x":1})")
        << QStringList({QStringLiteral("go"), QStringLiteral("return")});
    QTest::addRow("false inside a block leaves only the block")
        << QByteArray(
               R"([{"id": "branch", "function": "branching.ifElse", "outputs": [{"name": "v", "type": "text"}], "blocks": [
                            {"label": "if", "cards": [
                                {"id": "go", "function": "branching.continueIf", "inputs": [{"name": "a", "value": 1}, {"name": "b", "value": 2}, {"name": "message", "value": "left"}]},
                                {"id": "skipped", "function": "flow.return", "inputs": [{"name": "v", "value": "skipped"}]}]},
                            {"label": "else", "cards": []}]},
                        {"id": "return", "function": "flow.return", "inputs": [{"name": "v", "ref": "branch.v"}, {"name": "x", "value": 1}]}])")
        << static_cast<int>(FlowOutcome::Kind::Return) << QByteArray(R"({"v":null,"x":1})")
        << QStringList({QStringLiteral("branch"), QStringLiteral("go"), QStringLiteral("return")});
    QTest::addRow("bad compareAs fails the card")
        << QByteArray(
               R"([{"id": "go", "function": "branching.continueIf", "inputs": [{"name": "a", "value": 1}, {"name": "b", "value": 1}, {"name": "compareAs", "value": "colour"}]}])")
        << static_cast<int>(FlowOutcome::Kind::CardError)
        << QByteArray(R"({"error":"Continue If: compareAs: unknown comparison type","executionId":"exec-1"})")
        << QStringList({QStringLiteral("go")});
}

void TestExecutor::continueIf()
{
    QFETCH(QByteArray, cards);
    QFETCH(int, kind);
    QFETCH(QByteArray, answerBody);
    QFETCH(QStringList, traced);

    LOAD_FLOW(flow, endpointFlow(cards.constData()), nullptr);
    const RunResult result = run(flow);
    QCOMPARE(static_cast<int>(result.outcome.kind), kind);
    QCOMPARE(result.status, kind == static_cast<int>(FlowOutcome::Kind::CardError)
                                ? ExecutionStatus::Failed
                                : ExecutionStatus::Success);
    const HttpAnswer answer = answerFor(result, kExecutionId);
    QCOMPARE(answer.status, kind == static_cast<int>(FlowOutcome::Kind::CardError) ? 500 : 200);
    QCOMPARE(answer.body, answerBody);
    QCOMPARE(tracedIds(result.trace), traced);
}

void TestExecutor::returnError_data()
{
    QTest::addColumn<QByteArray>("statusInput"); // JSON of the statusCode input, empty: not given
    QTest::addColumn<int>("expectedStatus");     // 0: the card fails
    QTest::addColumn<QString>("errorPart");

    QTest::addRow("default 400") << QByteArray() << 400 << QString();
    QTest::addRow("404") << QByteArray("404") << 404 << QString();
    QTest::addRow("text 418") << QByteArray(R"("418")") << 418 << QString();
    QTest::addRow("400") << QByteArray("400") << 400 << QString();
    QTest::addRow("599") << QByteArray("599") << 599 << QString();
    QTest::addRow("null is the default") << QByteArray("null") << 400 << QString();
    QTest::addRow("399") << QByteArray("399") << 0 << s("invalid status code 399");
    QTest::addRow("600") << QByteArray("600") << 0 << s("invalid status code 600");
    QTest::addRow("200") << QByteArray("200") << 0 << s("invalid status code 200");
    QTest::addRow("fraction") << QByteArray("404.5") << 0 << s("invalid status code 404.5");
    QTest::addRow("huge") << QByteArray("1e300") << 0 << s("invalid status code");
    QTest::addRow("negative huge") << QByteArray("-1e300") << 0 << s("invalid status code");
}

void TestExecutor::returnError()
{
    QFETCH(QByteArray, statusInput);
    QFETCH(int, expectedStatus);
    QFETCH(QString, errorPart);

    QByteArray cards =
        R"([{"id": "fail", "function": "error.returnError", "inputs": [@STATUS@{"name": "message", "value": "nope ✗"}]},
                           {"id": "never", "function": "flow.return", "inputs": []}])";
    cards.replace("@STATUS@", statusInput.isEmpty()
                                  ? QByteArray()
                                  : QByteArray(R"({"name": "statusCode", "value": )") + statusInput + "},");
    LOAD_FLOW(flow, endpointFlow(cards.constData()), nullptr);
    const RunResult result = run(flow);
    QCOMPARE(result.status, ExecutionStatus::Failed);
    QCOMPARE(tracedIds(result.trace), QStringList({QStringLiteral("fail")}));
    const HttpAnswer answer = answerFor(result, kExecutionId);
    if (expectedStatus) {
        QCOMPARE(result.outcome.kind, FlowOutcome::Kind::ReturnError);
        QCOMPARE(result.outcome.statusCode, expectedStatus);
        QCOMPARE(result.outcome.message, s("nope ✗"));
        QCOMPARE(answer.status, expectedStatus);
        QCOMPARE(answer.body, QByteArray(R"({"error":"nope ✗","executionId":"exec-1"})"));
        QVERIFY(!result.trace.at(0).error);
    } else {
        QCOMPARE(result.outcome.kind, FlowOutcome::Kind::CardError);
        QCOMPARE(result.outcome.errorType, ErrorType::InvalidInput);
        QVERIFY2(result.outcome.message.startsWith(QLatin1String("Return Error: ")),
                 qPrintable(result.outcome.message));
        QVERIFY2(result.outcome.message.contains(errorPart), qPrintable(result.outcome.message));
        QCOMPARE(answer.status, 500);
        QVERIFY(result.trace.at(0).error);
    }
}

void TestExecutor::returnErrorIf_data()
{
    QTest::addColumn<QByteArray>("count");
    QTest::addColumn<bool>("stops");

    QTest::addRow("condition holds") << QByteArray("0") << true;
    QTest::addRow("condition does not hold") << QByteArray("3") << false;
    QTest::addRow("empty compares unequal") << QByteArray("null") << false;
}

void TestExecutor::returnErrorIf()
{
    QFETCH(QByteArray, count);
    QFETCH(bool, stops);

    LOAD_FLOW(flow, endpointFlow(R"([
        {"id": "check", "function": "error.returnErrorIf", "inputs": [{"name": "a", "ref": "event.body.count"}, {"name": "operator", "value": "equal to"},
            {"name": "b", "value": 0}, {"name": "message", "value": "count must not be 0"}]},
        {"id": "return", "function": "flow.return", "inputs": [{"name": "count", "ref": "event.body.count"}]}])"),
              nullptr);
    const RunResult result = run(flow, request(QByteArray(R"({"count": )") + count + '}'));
    const HttpAnswer answer = answerFor(result, kExecutionId);
    if (stops) {
        QCOMPARE(result.status, ExecutionStatus::Failed);
        QCOMPARE(result.outcome.kind, FlowOutcome::Kind::ReturnError);
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.body, QByteArray(R"({"error":"count must not be 0","executionId":"exec-1"})"));
    } else {
        QCOMPARE(result.status, ExecutionStatus::Success);
        QCOMPARE(result.outcome.kind, FlowOutcome::Kind::Return);
        QCOMPARE(answer.status, 200);
    }

    // An invalid status only matters when the condition holds.
    LOAD_FLOW(badStatus, endpointFlow(R"([
        {"id": "check", "function": "error.returnErrorIf", "name": "Guard", "inputs": [{"name": "a", "ref": "event.body.count"},
            {"name": "b", "value": 0}, {"name": "statusCode", "value": 302}]}])"),
              nullptr);
    const RunResult second = run(badStatus, request(QByteArray(R"({"count": )") + count + '}'));
    if (stops) {
        QCOMPARE(second.outcome.kind, FlowOutcome::Kind::CardError);
        QVERIFY2(second.outcome.message.startsWith(QLatin1String("Guard: invalid status code 302")),
                 qPrintable(second.outcome.message));
    } else {
        QCOMPARE(second.outcome.kind, FlowOutcome::Kind::NoReturn);
    }
}

void TestExecutor::returnErrorInsideBlockEndsTheFlow()
{
    LOAD_FLOW(flow, endpointFlow(R"([
        {"id": "branch", "function": "branching.ifElse", "blocks": [
            {"label": "if", "cards": [{"id": "fail", "function": "error.returnError", "inputs": [{"name": "statusCode", "value": 409}, {"name": "message", "value": "conflict"}]}]},
            {"label": "else", "cards": []}]},
        {"id": "raw-in-block", "function": "branching.ifElse", "blocks": [
            {"label": "if", "cards": [{"id": "raw", "function": "flow.returnRaw", "inputs": [{"name": "body", "value": "raw"}]}]},
            {"label": "else", "cards": []}]},
        {"id": "return", "function": "flow.return", "inputs": [{"name": "x", "value": 1}]}])"),
              nullptr);
    const RunResult result = run(flow);
    QCOMPARE(result.outcome.kind, FlowOutcome::Kind::ReturnError);
    QCOMPARE(result.outcome.statusCode, 409);
    QCOMPARE(result.outcome.cardId, QStringLiteral("fail"));
    QCOMPARE(tracedIds(result.trace), QStringList({QStringLiteral("branch"), QStringLiteral("fail")}));

    // Return Raw inside a block ends the whole flow as well.
    LOAD_FLOW(rawFlow, endpointFlow(R"([
        {"id": "raw-in-block", "function": "branching.ifElse", "blocks": [
            {"label": "if", "cards": [{"id": "raw", "function": "flow.returnRaw", "inputs": [{"name": "body", "value": "raw"}]}]},
            {"label": "else", "cards": []}]},
        {"id": "return", "function": "flow.return", "inputs": [{"name": "x", "value": 1}]}])"),
              nullptr);
    const RunResult raw = run(rawFlow);
    QCOMPARE(raw.outcome.kind, FlowOutcome::Kind::ReturnRaw);
    QCOMPARE(raw.outcome.body, QStringLiteral("raw"));
    QCOMPARE(raw.status, ExecutionStatus::Success);
}

void TestExecutor::returnRaw_data()
{
    QTest::addColumn<QByteArray>("inputs");
    QTest::addColumn<int>("expectedStatus"); // 0: the card fails
    QTest::addColumn<QString>("expected");   // the headers as JSON, or the error's part

    QTest::addRow("200 with headers and body")
        << QByteArray(
               R"([{"name": "statusCode", "value": 200}, {"name": "headers", "value": {"X-A": "1", "X-N": 5, "X-Off": null}}, {"name": "body", "value": "hello"}])")
        << 200 << s(R"({"X-A":"1","X-N":"5"})");
    QTest::addRow("default status") << QByteArray(R"([{"name": "body", "value": "hello"}])") << 200
                                    << s("{}");
    QTest::addRow("404")
        << QByteArray(R"([{"name": "statusCode", "value": 404}, {"name": "body", "value": "hello"}])") << 404
        << s("{}");
    QTest::addRow("599 from text")
        << QByteArray(R"([{"name": "statusCode", "value": "599"}, {"name": "body", "value": "hello"}])")
        << 599 << s("{}");
    QTest::addRow("headers from JSON text")
        << QByteArray(
               R"([{"name": "headers", "value": "{\"Cache-Control\": \"no-store\"}"}, {"name": "body", "value": "hello"}])")
        << 200 << s(R"({"Cache-Control":"no-store"})");
    QTest::addRow("302") << QByteArray(R"([{"name": "statusCode", "value": 302}])") << 0
                         << s("invalid status code 302");
    QTest::addRow("201") << QByteArray(R"([{"name": "statusCode", "value": 201}])") << 0
                         << s("invalid status code 201");
    QTest::addRow("100") << QByteArray(R"([{"name": "statusCode", "value": 100}])") << 0
                         << s("invalid status code 100");
    QTest::addRow("399") << QByteArray(R"([{"name": "statusCode", "value": 399}])") << 0
                         << s("invalid status code 399");
    QTest::addRow("600") << QByteArray(R"([{"name": "statusCode", "value": 600}])") << 0
                         << s("invalid status code 600");
    QTest::addRow("200.5") << QByteArray(R"([{"name": "statusCode", "value": 200.5}])") << 0
                           << s("invalid status code 200.5");
    QTest::addRow("1e300") << QByteArray(R"([{"name": "statusCode", "value": 1e300}])") << 0
                           << s("invalid status code");
    QTest::addRow("header value with a newline")
        << QByteArray(R"([{"name": "headers", "value": {"X-A": "one\ntwo"}}])") << 0 << s("line break");
    QTest::addRow("header value with a carriage return")
        << QByteArray(R"([{"name": "headers", "value": {"X-A": "one\r\nSet-Cookie: x"}}])") << 0
        << s("line break");
    QTest::addRow("header name with a space")
        << QByteArray(R"([{"name": "headers", "value": {"Bad Name": "x"}}])") << 0
        << s("'Bad Name' is not a valid header name");
    QTest::addRow("header name with a colon")
        << QByteArray(R"([{"name": "headers", "value": {"X-A:": "x"}}])") << 0
        << s("is not a valid header name");
    QTest::addRow("status not a number") << QByteArray(R"([{"name": "statusCode", "value": "teapot"}])") << 0
                                         << s("statusCode: cannot convert");
}

void TestExecutor::returnRaw()
{
    QFETCH(QByteArray, inputs);
    QFETCH(int, expectedStatus);
    QFETCH(QString, expected);

    // Inputs are given by reference, so that what the loader would refuse as constants still reaches the
    // card.
    QByteArray cards =
        R"([{"id": "values", "function": "json.parse", "inputs": [{"name": "text", "value": @INPUTS@}]},
        {"id": "raw", "function": "flow.returnRaw", "inputs": [{"name": "statusCode", "ref": "values.output.statusCode"},
            {"name": "headers", "ref": "values.output.headers"}, {"name": "body", "ref": "values.output.body"}]},
        {"id": "never", "function": "flow.return", "inputs": []}])";
    // Turn the list of inputs into an object of values, written as a JSON string constant.
    QJsonObject values;
    for (const QJsonValue &input : QJsonDocument::fromJson(inputs).array())
        values.insert(input[QLatin1String("name")].toString(), input[QLatin1String("value")]);
    const QByteArray valuesText = QJsonDocument(values).toJson(QJsonDocument::Compact);
    cards.replace("@INPUTS@", QJsonDocument(QJsonArray{QString::fromUtf8(valuesText)})
                                  .toJson(QJsonDocument::Compact)
                                  .mid(1)
                                  .chopped(1));
    LOAD_FLOW(flow, endpointFlow(cards.constData()), nullptr);

    const RunResult result = run(flow);
    QCOMPARE(tracedIds(result.trace), QStringList({QStringLiteral("values"), QStringLiteral("raw")}));
    const HttpAnswer answer = answerFor(result, kExecutionId);
    if (expectedStatus) {
        QCOMPARE(result.status, ExecutionStatus::Success);
        QCOMPARE(result.outcome.kind, FlowOutcome::Kind::ReturnRaw);
        QCOMPARE(result.outcome.statusCode, expectedStatus);
        QCOMPARE(jsonText(result.outcome.headers), expected);
        QCOMPARE(result.outcome.body, QStringLiteral("hello"));
        QCOMPARE(answer.status, expectedStatus);
        QCOMPARE(answer.body, QByteArray("hello"));
    } else {
        QCOMPARE(result.status, ExecutionStatus::Failed);
        QCOMPARE(result.outcome.kind, FlowOutcome::Kind::CardError);
        QCOMPARE(result.outcome.cardId, QStringLiteral("raw"));
        QVERIFY2(result.outcome.message.startsWith(QLatin1String("Return Raw: ")),
                 qPrintable(result.outcome.message));
        QVERIFY2(result.outcome.message.contains(expected), qPrintable(result.outcome.message));
        QCOMPARE(answer.status, 500);
        QVERIFY(result.trace.last().error);
    }
}

QTEST_GUILESS_MAIN(TestExecutor)
#include "tst_executor.moc"
