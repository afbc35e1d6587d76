// The executor (docs/flow-format.md, PRODUCT.md §3.2 and §5): reference resolution, block semantics,
// how each control card ends a flow, Pause/resume, helper flows, limits, cancellation, request
// bodies, traces, concurrency, and the bundled samples end to end through answerFor.

#include "endpoint/ResponseShaper.h"
#include "engine/CardCatalogue.h"
#include "engine/Executor.h"
#include "flow/FlowJson.h"
#include "flow/FlowLibrary.h"
#include "flow/FlowValidator.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>
#include <atomic>
#include <memory>
#include <thread>

using namespace wf;

namespace {

const QString kExecutionId = QStringLiteral("exec-1");

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// Compact JSON of any value, for readable comparisons.
QString jsonText(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

QJsonValue json(const char *literal)
{
    const QByteArray wrapped = QByteArrayLiteral("[") + QByteArray(literal) + QByteArrayLiteral("]");
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(wrapped, &error);
    Q_ASSERT(error.error == QJsonParseError::NoError);
    return doc.array().at(0);
}

QJsonObject object(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

QString describe(const QList<FlowProblem> &problems)
{
    QStringList lines;
    for (const FlowProblem &problem : problems)
        lines.append(problem.toString());
    return lines.join(QLatin1Char('\n'));
}

const char *const kDefaultEvent = R"({"type": "apiEndpoint",
    "body": [{"name": "name", "type": "text"}, {"name": "count", "type": "number"}, {"name": "flag", "type": "boolean"},
             {"name": "items", "type": "list<object>"}, {"name": "profile", "type": "object"}],
    "query": [{"name": "q", "type": "text"}, {"name": "n", "type": "number"}],
    "headers": [{"name": "x-h", "type": "text"}]})";

QByteArray endpointFlow(const char *cards, const char *event = kDefaultEvent, const char *id = "t")
{
    QByteArray json = QByteArrayLiteral(R"({"format": 1, "id": ")");
    json += id;
    json += R"(", "name": "Test flow", "event": )";
    json += event;
    json += R"(, "cards": )";
    json += cards;
    json += '}';
    return json;
}

QByteArray helperFlow(const char *id, const char *name, const char *inputs, const char *cards)
{
    QByteArray json = QByteArrayLiteral(R"({"format": 1, "id": ")");
    json += id;
    json += R"(", "name": ")";
    json += name;
    json += R"(", "event": {"type": "helperFlow", "inputs": )";
    json += inputs;
    json += R"(}, "cards": )";
    json += cards;
    json += '}';
    return json;
}

// Parses and validates; a flow that does not load fails the test (see LOAD_FLOW).
FlowParseResult loadChecked(const QByteArray &json, const FlowLibrary *library = nullptr)
{
    return loadFlow(json, CardCatalogue::builtIn(), library);
}

#define LOAD_FLOW(var, json, library)                                                                        \
    const FlowParseResult var##Loaded = loadChecked(json, library);                                          \
    QVERIFY2(var##Loaded.ok(), qPrintable(describe(var##Loaded.problems)));                                  \
    const Flow &var = *var##Loaded.flow

void addToLibrary(FlowLibrary *library, const QByteArray &json)
{
    FlowParseResult parsed = flowjson::parse(json);
    if (!parsed.ok())
        qFatal("test helper flow does not parse: %s", qPrintable(describe(parsed.problems)));
    library->add(std::move(*parsed.flow));
}

EventData request(const QByteArray &body = {}, const QByteArray &contentType = "application/json",
                  const QByteArray &query = {}, const HeaderList &headers = {})
{
    EventData event;
    event.method = "POST";
    event.body = body;
    event.rawQuery = query;
    event.executionId = kExecutionId;
    if (!contentType.isEmpty())
        event.headers.append({QByteArrayLiteral("Content-Type"), contentType});
    event.headers += headers;
    return event;
}

RunOptions options(const FlowLibrary *library = nullptr)
{
    RunOptions options;
    options.executionId = kExecutionId;
    options.library = library;
    return options;
}

RunResult run(const Flow &flow, const EventData &event = request(), const RunOptions &runOptions = options())
{
    return Executor().run(flow, event, runOptions);
}

QStringList tracedIds(const Trace &trace)
{
    QStringList ids;
    for (const TraceEntry &entry : trace)
        ids.append(entry.cardId);
    return ids;
}

QString samplesDir()
{
    return QStringLiteral(WF_SOURCE_DIR "/resources/samples/flows");
}

QByteArray readSample(const QString &name)
{
    QFile file(QDir(samplesDir()).filePath(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// A helper flow that doubles `n` and returns the result as text (so callers see conversions).
const char *const kDoubleHelper = R"([
    {"id": "mul", "function": "number.multiply", "inputs": [{"name": "a", "ref": "event.n"}, {"name": "b", "value": 2}]},
    {"id": "return", "function": "flow.return", "inputs": [{"name": "result", "type": "text", "ref": "mul.result"},
                                                           {"name": "label", "type": "text", "value": "doubled"}]}])";

} // namespace

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
    void ifErrorCatchesAFailingCard();
    void ifErrorWithoutFailure();
    void ifErrorDoesNotCatchItsErrorBlock();
    void ifErrorDoesNotCatchReturnError();
    void ifElseIf_data();
    void ifElseIf();
    void ifElseIfWithoutElse();
    void ifElseIfConditionDefaults();
    void close();
    void closeThenFailure();
    void pauseAndResume();
    void resumeErrors();
    void continuationFromJsonRefusesIncomplete_data();
    void continuationFromJsonRefusesIncomplete();
    void pauseRaw();
    void callFlow();
    void callFlowMissingHelper();
    void callFlowHelperFails();
    void callFlowRecursionLimit();
    void callFlowDepthBoundary();
    void runHelperDirectly();
    void callFlowAsyncWithSink();
    void callFlowAsyncRunsAfterTheFlow();
    void callFlowAsyncMissingHelper();
    void canceledBeforeStart();
    void canceledDuringRun();
    void cancelIsNotCaughtByIfError();
    void deadlineExpired();
    void requestBodies_data();
    void requestBodies();
    void undeclaredFieldThatCannotConvert_data();
    void undeclaredFieldThatCannotConvert();
    void trace();
    void traceRecordsTheFailingCard();
    void noTraceWhenNotRecorded();
    void concurrentRuns();
    void samples_data();
    void samples();
    void sampleApprovalPauseAndResume();
    void sampleLineTotalHelper();
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

void TestExecutor::ifErrorCatchesAFailingCard()
{
    LOAD_FLOW(flow, endpointFlow(R"([
        {"id": "check", "function": "error.ifError", "name": "Guard",
         "outputs": [{"name": "message", "type": "text"}, {"name": "type", "type": "text"}, {"name": "cardId", "type": "text"}],
         "blocks": [
            {"label": "try", "cards": [
                {"id": "bad-parse", "function": "json.parse", "inputs": [{"name": "text", "ref": "event.raw.body"}]},
                {"id": "never", "function": "flow.return", "inputs": [{"name": "message", "value": "not reached"}]}]},
            {"label": "if error", "cards": [
                {"id": "handled", "function": "flow.return", "inputs": [
                    {"name": "message", "ref": "check.error.message"}, {"name": "type", "ref": "check.error.type"},
                    {"name": "cardId", "ref": "check.error.cardId"}]}]}]},
        {"id": "return", "function": "flow.return", "inputs": [
            {"name": "message", "ref": "check.message"}, {"name": "type", "ref": "check.type"}, {"name": "cardId", "ref": "check.cardId"}]}])"),
              nullptr);
    const RunResult result = run(flow, request("{broken", "text/plain"));
    QCOMPARE(result.status, ExecutionStatus::Success);
    QCOMPARE(result.outcome.kind, FlowOutcome::Kind::Return);
    const QJsonObject fields = result.outcome.fields;
    QVERIFY2(fields.value(QLatin1String("message")).toString().startsWith(QLatin1String("Parse: text: ")),
             qPrintable(jsonText(fields)));
    QCOMPARE(fields.value(QLatin1String("type")).toString(), QStringLiteral("Invalid Input"));
    QCOMPARE(fields.value(QLatin1String("cardId")).toString(), QStringLiteral("bad-parse"));
    QCOMPARE(tracedIds(result.trace), QStringList({QStringLiteral("check"), QStringLiteral("bad-parse"),
                                                   QStringLiteral("handled"), QStringLiteral("return")}));
    // The failure stays in the trace, on the card that failed.
    QVERIFY(result.trace.at(1).error);
    QCOMPARE(result.trace.at(1).error->type, ErrorType::InvalidInput);
    QVERIFY(!result.trace.at(0).error);
    QCOMPARE(result.trace.at(0)
                 .inputs.value(QLatin1String("error"))
                 .toObject()
                 .value(QLatin1String("cardId"))
                 .toString(),
             QStringLiteral("bad-parse"));
}

void TestExecutor::ifErrorWithoutFailure()
{
    LOAD_FLOW(flow, endpointFlow(R"([
        {"id": "check", "function": "error.ifError", "outputs": [{"name": "v", "type": "any"}], "blocks": [
            {"label": "try", "cards": [
                {"id": "parse", "function": "json.parse", "inputs": [{"name": "text", "ref": "event.raw.body"}]},
                {"id": "ok", "function": "flow.return", "inputs": [{"name": "v", "ref": "parse.output"}]}]},
            {"label": "if error", "cards": [{"id": "handled", "function": "flow.return", "inputs": [{"name": "v", "value": "error"}]}]}]},
        {"id": "return", "function": "flow.return", "inputs": [{"name": "v", "ref": "check.v"}]}])"),
              nullptr);
    const RunResult result = run(flow, request(R"({"a": [1, 2]})"));
    QCOMPARE(result.outcome.fields, object(R"({"v": {"a": [1, 2]}})"));
    QCOMPARE(tracedIds(result.trace), QStringList({QStringLiteral("check"), QStringLiteral("parse"),
                                                   QStringLiteral("ok"), QStringLiteral("return")}));
}

void TestExecutor::ifErrorDoesNotCatchItsErrorBlock()
{
    LOAD_FLOW(flow, endpointFlow(R"([
        {"id": "check", "function": "error.ifError", "blocks": [
            {"label": "try", "cards": [{"id": "first", "function": "json.parse", "inputs": [{"name": "text", "value": "{bad"}]}]},
            {"label": "if error", "cards": [{"id": "second", "function": "json.parse", "name": "Parse again", "inputs": [{"name": "text", "value": "[bad"}]}]}]},
        {"id": "return", "function": "flow.return", "inputs": []}])"),
              nullptr);
    const RunResult result = run(flow);
    QCOMPARE(result.status, ExecutionStatus::Failed);
    QCOMPARE(result.outcome.kind, FlowOutcome::Kind::CardError);
    QCOMPARE(result.outcome.cardId, QStringLiteral("second"));
    QVERIFY2(result.outcome.message.startsWith(QLatin1String("Parse again: ")),
             qPrintable(result.outcome.message));
}

void TestExecutor::ifErrorDoesNotCatchReturnError()
{
    LOAD_FLOW(flow, endpointFlow(R"([
        {"id": "check", "function": "error.ifError", "blocks": [
            {"label": "try", "cards": [{"id": "refuse", "function": "error.returnError", "inputs": [{"name": "statusCode", "value": 403}, {"name": "message", "value": "no"}]}]},
            {"label": "if error", "cards": [{"id": "handled", "function": "flow.return", "inputs": []}]}]}])"),
              nullptr);
    const RunResult result = run(flow);
    QCOMPARE(result.outcome.kind, FlowOutcome::Kind::ReturnError);
    QCOMPARE(result.outcome.statusCode, 403);
}

void TestExecutor::ifElseIf_data()
{
    QTest::addColumn<QByteArray>("count");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QStringList>("traced");

    QTest::addRow("first true block wins")
        << QByteArray("500") << s("huge")
        << QStringList({QStringLiteral("which"), QStringLiteral("huge"), QStringLiteral("return")});
    QTest::addRow("second block") << QByteArray("50") << s("big")
                                  << QStringList({QStringLiteral("which"), QStringLiteral("big"),
                                                  QStringLiteral("return")});
    QTest::addRow("else") << QByteArray("5") << s("small")
                          << QStringList({QStringLiteral("which"), QStringLiteral("small"),
                                          QStringLiteral("return")});
    QTest::addRow("text compared as number")
        << QByteArray(R"("20")") << s("big")
        << QStringList({QStringLiteral("which"), QStringLiteral("big"), QStringLiteral("return")});
}

void TestExecutor::ifElseIf()
{
    QFETCH(QByteArray, count);
    QFETCH(QString, label);
    QFETCH(QStringList, traced);

    LOAD_FLOW(flow, endpointFlow(R"([
        {"id": "which", "function": "branching.ifElseIf", "outputs": [{"name": "label", "type": "text"}], "blocks": [
            {"label": "huge", "condition": [{"name": "a", "ref": "event.body.count"}, {"name": "operator", "value": "greater than"}, {"name": "b", "value": 100}],
             "cards": [{"id": "huge", "function": "flow.return", "inputs": [{"name": "label", "value": "huge"}]}]},
            {"label": "big", "condition": [{"name": "a", "ref": "event.body.count"}, {"name": "operator", "value": "greater than"}, {"name": "b", "value": "10"}, {"name": "compareAs", "value": "number"}],
             "cards": [{"id": "big", "function": "flow.return", "inputs": [{"name": "label", "value": "big"}]}]},
            {"label": "else", "cards": [{"id": "small", "function": "flow.return", "inputs": [{"name": "label", "value": "small"}]}]}]},
        {"id": "return", "function": "flow.return", "inputs": [{"name": "label", "ref": "which.label"}]}])"),
              nullptr);
    const RunResult result = run(flow, request(QByteArray(R"({"count": )") + count + '}'));
    QCOMPARE(result.status, ExecutionStatus::Success);
    QCOMPARE(result.outcome.fields.value(QLatin1String("label")).toString(), label);
    QCOMPARE(tracedIds(result.trace), traced);
    // The block card's trace shows each condition it evaluated, by block label.
    QVERIFY(result.trace.at(0).inputs.contains(QLatin1String("huge")));
}

void TestExecutor::ifElseIfWithoutElse()
{
    LOAD_FLOW(flow, endpointFlow(R"([
        {"id": "which", "function": "branching.ifElseIf", "outputs": [{"name": "label", "type": "text"}], "blocks": [
            {"label": "one", "condition": [{"name": "a", "value": 1}, {"name": "operator", "value": "equal to"}, {"name": "b", "value": 2}],
             "cards": [{"id": "one", "function": "flow.return", "inputs": [{"name": "label", "value": "one"}]}]},
            {"label": "two", "condition": [{"name": "a", "value": 1}, {"name": "operator", "value": "equal to"}, {"name": "b", "value": 3}],
             "cards": [{"id": "two", "function": "flow.return", "inputs": [{"name": "label", "value": "two"}]}]}]},
        {"id": "return", "function": "flow.return", "inputs": [{"name": "label", "ref": "which.label"}]}])"),
              nullptr);
    const RunResult result = run(flow);
    QCOMPARE(result.outcome.fields, object(R"({"label": null})"));
    QCOMPARE(tracedIds(result.trace), QStringList({QStringLiteral("which"), QStringLiteral("return")}));

    // A condition that cannot be evaluated fails the card, naming the block.
    LOAD_FLOW(broken, endpointFlow(R"([
        {"id": "which", "function": "branching.ifElseIf", "blocks": [
            {"label": "one", "condition": [{"name": "a", "value": "x"}, {"name": "operator", "value": "greater than"}, {"name": "b", "value": 1}, {"name": "compareAs", "value": "number"}], "cards": []},
            {"label": "else", "cards": []}]}])"),
              nullptr);
    const RunResult failed = run(broken);
    QCOMPARE(failed.outcome.kind, FlowOutcome::Kind::CardError);
    QVERIFY2(failed.outcome.message.startsWith(QLatin1String("If/ElseIf: block 1: ")),
             qPrintable(failed.outcome.message));
}

void TestExecutor::ifElseIfConditionDefaults()
{
    // A condition without operator or compareAs compares "equal to", "auto", as the If/Else card does.
    LOAD_FLOW(flow, endpointFlow(R"([
        {"id": "which", "function": "branching.ifElseIf", "outputs": [{"name": "label", "type": "text"}], "blocks": [
            {"label": "is-one", "condition": [{"name": "a", "ref": "event.body.count"}, {"name": "b", "value": 1}],
             "cards": [{"id": "one", "function": "flow.return", "inputs": [{"name": "label", "value": "one"}]}]},
            {"label": "else", "cards": [{"id": "other", "function": "flow.return", "inputs": [{"name": "label", "value": "other"}]}]}]},
        {"id": "return", "function": "flow.return", "inputs": [{"name": "label", "ref": "which.label"}]}])"),
              nullptr);
    RunResult result = run(flow, request(R"({"count": 1})"));
    QCOMPARE(result.status, ExecutionStatus::Success);
    QCOMPARE(result.outcome.fields, object(R"({"label": "one"})"));
    QCOMPARE(result.trace.at(0).inputs.value(QLatin1String("is-one")).toObject(),
             object(R"({"a": 1, "operator": "equal to", "b": 1, "compareAs": "auto"})"));
    result = run(flow, request(R"({"count": 2})"));
    QCOMPARE(result.outcome.fields, object(R"({"label": "other"})"));
}

void TestExecutor::close()
{
    LOAD_FLOW(flow, endpointFlow(R"([
        {"id": "ack", "function": "flow.close", "inputs": [{"name": "statusCode", "value": 200}, {"name": "headers", "value": {"X-Ack": "yes"}}, {"name": "body", "value": "accepted"}]},
        {"id": "ack2", "function": "flow.close", "inputs": [{"name": "body", "value": "second close is ignored"}]},
        {"id": "work", "function": "text.toUpperCase", "inputs": [{"name": "text", "value": "went on"}]},
        {"id": "return", "function": "flow.return", "inputs": [{"name": "done", "ref": "work.output"}]}])"),
              nullptr);
    const RunResult result = run(flow);
    QCOMPARE(result.status, ExecutionStatus::Success);
    QVERIFY(result.early);
    QCOMPARE(result.early->kind, FlowOutcome::Kind::Close);
    QCOMPARE(result.early->body, QStringLiteral("accepted"));
    QCOMPARE(result.outcome.kind, FlowOutcome::Kind::Return);
    QCOMPARE(result.outcome.fields, object(R"({"done": "WENT ON"})"));
    QCOMPARE(tracedIds(result.trace), QStringList({QStringLiteral("ack"), QStringLiteral("ack2"),
                                                   QStringLiteral("work"), QStringLiteral("return")}));

    const HttpAnswer answer = answerFor(result, kExecutionId);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body, QByteArray("accepted"));
    QCOMPARE(answer.header("X-Ack"), QByteArray("yes"));
    QCOMPARE(answer.header("Content-Type"), QByteArray("text/plain; charset=utf-8"));
}

void TestExecutor::closeThenFailure()
{
    LOAD_FLOW(flow, endpointFlow(R"([
        {"id": "ack", "function": "flow.close", "inputs": [{"name": "statusCode", "value": 500}, {"name": "body", "value": "{\"queued\": true}"}]},
        {"id": "refuse", "function": "error.returnError", "inputs": [{"name": "message", "value": "later failure"}]}])"),
              nullptr);
    const RunResult result = run(flow);
    QCOMPARE(result.status, ExecutionStatus::Failed); // the end decides the status ...
    QCOMPARE(result.outcome.kind, FlowOutcome::Kind::ReturnError);
    QVERIFY(result.early); // ... the caller got the Close answer
    const HttpAnswer answer = answerFor(result, kExecutionId);
    QCOMPARE(answer.status, 500);
    QCOMPARE(answer.body, QByteArray(R"({"queued": true})"));
    QCOMPARE(answer.header("Content-Type"), QByteArray("application/json"));

    // A Close with an invalid status fails the flow and answers nothing early.
    LOAD_FLOW(
        bad,
        endpointFlow(
            R"([{"id": "ack", "function": "flow.close", "inputs": [{"name": "statusCode", "value": 204}]}])"),
        nullptr);
    const RunResult failed = run(bad);
    QCOMPARE(failed.outcome.kind, FlowOutcome::Kind::CardError);
    QVERIFY(failed.outcome.message.contains(QLatin1String("invalid status code 204")));
    QVERIFY(!failed.early);

    // Close then the end of the flow without Return: success.
    LOAD_FLOW(plain, endpointFlow(R"([{"id": "ack", "function": "flow.close", "inputs": []}])"), nullptr);
    const RunResult ended = run(plain);
    QCOMPARE(ended.status, ExecutionStatus::Success);
    QCOMPARE(ended.outcome.kind, FlowOutcome::Kind::NoReturn);
    QVERIFY(ended.early);
    QCOMPARE(answerFor(ended, kExecutionId).status, 200);
}

namespace {

const char *const kPauseFlow = R"([
    {"id": "summary", "function": "text.compose", "inputs": [{"name": "template", "value": "{{n}} items"}, {"name": "n", "type": "number", "ref": "event.body.count"}]},
    {"id": "wait", "function": "flow.pause", "inputs": [{"name": "status", "value": "pending"}, {"name": "summary", "ref": "summary.output"}],
     "outputs": [{"name": "approved", "type": "boolean"}, {"name": "approver", "type": "text"}, {"name": "count", "type": "number"}]},
    {"id": "return", "function": "flow.return", "inputs": [
        {"name": "approved", "ref": "wait.approved"}, {"name": "approver", "ref": "wait.approver"}, {"name": "count", "ref": "wait.count"},
        {"name": "summary", "ref": "summary.output"}, {"name": "original", "ref": "event.body.count"}]}])";

} // namespace

void TestExecutor::pauseAndResume()
{
    LOAD_FLOW(flow, endpointFlow(kPauseFlow), nullptr);
    const RunResult paused = run(flow, request(R"({"count": 3})"));
    QCOMPARE(paused.status, ExecutionStatus::Paused);
    QCOMPARE(paused.outcome.kind, FlowOutcome::Kind::Pause);
    QCOMPARE(paused.outcome.fields, object(R"({"status": "pending", "summary": "3 items"})"));
    const HttpAnswer answer = answerFor(paused, kExecutionId);
    QCOMPARE(answer.status, 200);
    QCOMPARE(object(answer.body), paused.outcome.fields);
    QVERIFY(paused.continuation);
    QCOMPARE(paused.continuation->flowId, QStringLiteral("t"));
    QCOMPARE(paused.continuation->executionId, kExecutionId);
    QCOMPARE(paused.continuation->pauseCardId, QStringLiteral("wait"));
    QCOMPARE(paused.continuation->nextIndex, 2);
    QVERIFY(!paused.continuation->raw);
    QVERIFY(paused.continuation->outputs.contains(QLatin1String("event")));
    QVERIFY(paused.continuation->outputs.contains(QLatin1String("summary")));

    // The continuation survives being written down and read back (possibly in another process).
    const QByteArray stored = QJsonDocument(paused.continuation->toJson()).toJson();
    const std::optional<Continuation> restored =
        Continuation::fromJson(QJsonDocument::fromJson(stored).object());
    QVERIFY(restored);
    QCOMPARE(restored->toJson(), paused.continuation->toJson());

    ResumeData data;
    data.body = R"({"approved": "true", "approver": "Grace", "count": "7", "ignored": 1})";
    data.headers = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
    const RunResult resumed = Executor().resume(flow, *restored, data, options());
    QCOMPARE(resumed.status, ExecutionStatus::Success);
    QCOMPARE(resumed.outcome.kind, FlowOutcome::Kind::Return);
    // Typed as the Pause card declares: "true" → true, "7" → 7.
    QCOMPARE(
        jsonText(resumed.outcome.fields),
        jsonText(object(
            R"({"approved": true, "approver": "Grace", "count": 7, "summary": "3 items", "original": 3})")));
    QCOMPARE(tracedIds(resumed.trace), QStringList({QStringLiteral("return")}));
    QVERIFY(!resumed.continuation);

    // A form-urlencoded resume body works too; missing fields are null.
    ResumeData form;
    form.body = "approved=false&approver=Ada+L";
    form.headers = {
        {QByteArrayLiteral("content-type"), QByteArrayLiteral("application/x-www-form-urlencoded")}};
    const RunResult formResumed = Executor().resume(flow, *restored, form, options());
    QCOMPARE(
        jsonText(formResumed.outcome.fields),
        jsonText(object(
            R"({"approved": false, "approver": "Ada L", "count": null, "summary": "3 items", "original": 3})")));

    // No body at all: every declared output is null, the flow still finishes.
    const RunResult empty = Executor().resume(flow, *restored, ResumeData{}, options());
    QCOMPARE(empty.status, ExecutionStatus::Success);
    QCOMPARE(empty.outcome.fields.value(QLatin1String("approved")), QJsonValue(QJsonValue::Null));
}

void TestExecutor::resumeErrors()
{
    LOAD_FLOW(flow, endpointFlow(kPauseFlow), nullptr);
    const RunResult paused = run(flow, request(R"({"count": 3})"));
    QVERIFY(paused.continuation);
    const Continuation continuation = *paused.continuation;

    // A resume field that cannot take the declared type: the request's fault.
    ResumeData wrongType;
    wrongType.body = R"({"approved": "maybe"})";
    wrongType.headers = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
    RunResult result = Executor().resume(flow, continuation, wrongType, options());
    QCOMPARE(result.status, ExecutionStatus::Failed);
    QCOMPARE(result.outcome.kind, FlowOutcome::Kind::BadRequest);
    QVERIFY2(result.outcome.message.contains(QLatin1String("'approved'")),
             qPrintable(result.outcome.message));
    QCOMPARE(answerFor(result, kExecutionId).status, 400);

    // Malformed JSON with a JSON content type.
    ResumeData malformed;
    malformed.body = "{not json";
    malformed.headers = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
    result = Executor().resume(flow, continuation, malformed, options());
    QCOMPARE(result.outcome.kind, FlowOutcome::Kind::BadRequest);
    QVERIFY2(result.outcome.message.contains(QLatin1String("malformed JSON")),
             qPrintable(result.outcome.message));

    // The flow was edited since: the Pause card is gone.
    Flow edited = flow;
    edited.cards.removeAt(1);
    result = Executor().resume(edited, continuation, ResumeData{}, options());
    QCOMPARE(result.status, ExecutionStatus::Failed);
    QCOMPARE(result.outcome.kind, FlowOutcome::Kind::BadRequest);
    QVERIFY2(result.outcome.message.contains(QLatin1String("cannot be resumed")),
             qPrintable(result.outcome.message));
    const HttpAnswer answer = answerFor(result, kExecutionId);
    QCOMPARE(answer.status, 400);
    QCOMPARE(object(answer.body).value(QLatin1String("error")).toString(), QStringLiteral("invalid_request"));

    // ... or a card was added before it, so the execution would not go on after the Pause card ...
    Flow shifted = flow;
    shifted.cards.prepend(flow.cards.at(0));
    shifted.cards.first().id = QStringLiteral("inserted");
    result = Executor().resume(shifted, continuation, ResumeData{}, options());
    QCOMPARE(result.outcome.kind, FlowOutcome::Kind::BadRequest);
    QVERIFY(!result.continuation);

    // ... or the Pause became a Pause Raw ...
    Flow changedKind = flow;
    changedKind.cards[1].function = QStringLiteral("flow.pauseRaw");
    changedKind.cards[1].inputs.clear();
    changedKind.cards[1].outputs.clear();
    result = Executor().resume(changedKind, continuation, ResumeData{}, options());
    QCOMPARE(result.outcome.kind, FlowOutcome::Kind::BadRequest);

    // ... or the flow is shorter than where the execution stopped.
    Continuation beyond = continuation;
    beyond.nextIndex = 99;
    result = Executor().resume(flow, beyond, ResumeData{}, options());
    QCOMPARE(result.outcome.kind, FlowOutcome::Kind::BadRequest);
}

void TestExecutor::continuationFromJsonRefusesIncomplete_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");

    QTest::addRow("complete")
        << QByteArray(
               R"({"flowId": "f", "executionId": "e", "nextIndex": 1, "pauseCardId": "p", "raw": true, "outputs": {"event": {}}})")
        << true;
    QTest::addRow("no flow id") << QByteArray(
                                       R"({"nextIndex": 1, "pauseCardId": "p", "outputs": {"event": {}}})")
                                << false;
    QTest::addRow("no pause card") << QByteArray(
                                          R"({"flowId": "f", "nextIndex": 1, "outputs": {"event": {}}})")
                                   << false;
    QTest::addRow("no index") << QByteArray(
                                     R"({"flowId": "f", "pauseCardId": "p", "outputs": {"event": {}}})")
                              << false;
    QTest::addRow("negative index")
        << QByteArray(R"({"flowId": "f", "nextIndex": -1, "pauseCardId": "p", "outputs": {"event": {}}})")
        << false;
    QTest::addRow("no event outputs")
        << QByteArray(R"({"flowId": "f", "nextIndex": 1, "pauseCardId": "p", "outputs": {}})") << false;
    QTest::addRow("empty") << QByteArray("{}") << false;
}

void TestExecutor::continuationFromJsonRefusesIncomplete()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    const std::optional<Continuation> continuation = Continuation::fromJson(object(json));
    QCOMPARE(continuation.has_value(), valid);
    if (valid) {
        QCOMPARE(continuation->flowId, QStringLiteral("f"));
        QCOMPARE(continuation->executionId, QStringLiteral("e"));
        QCOMPARE(continuation->nextIndex, 1);
        QCOMPARE(continuation->pauseCardId, QStringLiteral("p"));
        QVERIFY(continuation->raw);
        QCOMPARE(continuation->toJson(), object(json));
    }
}

void TestExecutor::pauseRaw()
{
    LOAD_FLOW(flow, endpointFlow(R"([
        {"id": "wait", "function": "flow.pauseRaw", "inputs": [{"name": "statusCode", "value": 200}, {"name": "headers", "value": {"X-Wait": "1"}},
            {"name": "body", "value": "<p>waiting</p>"}]},
        {"id": "return", "function": "flow.return", "inputs": [
            {"name": "token", "ref": "wait.headers.x-token"}, {"name": "body", "ref": "wait.body"}, {"name": "headers", "ref": "wait.headers"}]}])"),
              nullptr);
    const RunResult paused = run(flow);
    QCOMPARE(paused.status, ExecutionStatus::Paused);
    QCOMPARE(paused.outcome.kind, FlowOutcome::Kind::PauseRaw);
    QCOMPARE(paused.outcome.statusCode, 200);
    QCOMPARE(paused.outcome.body, QStringLiteral("<p>waiting</p>"));
    const HttpAnswer answer = answerFor(paused, kExecutionId);
    QCOMPARE(answer.body, QByteArray("<p>waiting</p>"));
    QCOMPARE(answer.header("x-wait"), QByteArray("1"));
    QVERIFY(paused.continuation);
    QVERIFY(paused.continuation->raw);
    QCOMPARE(paused.continuation->nextIndex, 1);

    const std::optional<Continuation> restored = Continuation::fromJson(
        QJsonDocument::fromJson(QJsonDocument(paused.continuation->toJson()).toJson()).object());
    QVERIFY(restored);
    ResumeData data;
    data.body = "raw resume body, not JSON";
    data.headers = {{QByteArrayLiteral("X-Token"), QByteArrayLiteral("abc")},
                    {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain")}};
    const RunResult resumed = Executor().resume(flow, *restored, data, options());
    QCOMPARE(resumed.status, ExecutionStatus::Success);
    QCOMPARE(
        jsonText(resumed.outcome.fields),
        jsonText(object(
            R"({"token": "abc", "body": "raw resume body, not JSON", "headers": {"x-token": "abc", "content-type": "text/plain"}})")));
}

void TestExecutor::callFlow()
{
    FlowLibrary library;
    addToLibrary(&library,
                 helperFlow("double", "Double", R"([{"name": "n", "type": "number"}])", kDoubleHelper));
    LOAD_FLOW(flow, endpointFlow(R"([
        {"id": "call", "function": "flow.callFlow", "options": {"flow": "double"},
         "inputs": [{"name": "n", "type": "number", "ref": "event.body.count"}, {"name": "unused", "value": "dropped by the helper"}],
         "outputs": [{"name": "result", "type": "number"}, {"name": "label", "type": "text"}, {"name": "missing", "type": "text"}]},
        {"id": "return", "function": "flow.return", "inputs": [
            {"name": "r", "ref": "call.result"}, {"name": "l", "ref": "call.label"}, {"name": "m", "ref": "call.missing"},
            {"name": "all", "ref": "call.output"}]}])"),
              &library);
    const RunResult result = run(flow, request(R"({"count": "21"})"), options(&library));
    QCOMPARE(result.status, ExecutionStatus::Success);
    // The helper returned text "42"; the Call Flow card declared a Number.
    QCOMPARE(jsonText(result.outcome.fields),
             jsonText(object(
                 R"({"r": 42, "l": "doubled", "m": null, "all": {"result": "42", "label": "doubled"}})")));
    // Helper cards are not part of the caller's trace.
    QCOMPARE(tracedIds(result.trace), QStringList({QStringLiteral("call"), QStringLiteral("return")}));

    // An output the helper gives that cannot take the declared type fails the Call Flow card.
    LOAD_FLOW(wrongType, endpointFlow(R"([
        {"id": "call", "function": "flow.callFlow", "options": {"flow": "double"}, "inputs": [{"name": "n", "value": 1}],
         "outputs": [{"name": "label", "type": "number"}]}])"),
              &library);
    const RunResult failed = run(wrongType, request(), options(&library));
    QCOMPARE(failed.outcome.kind, FlowOutcome::Kind::CardError);
    QCOMPARE(failed.outcome.errorType, ErrorType::InvalidTypeConversion);
    QVERIFY2(failed.outcome.message.startsWith(QLatin1String("Call Flow: label: ")),
             qPrintable(failed.outcome.message));
}

void TestExecutor::callFlowMissingHelper()
{
    LOAD_FLOW(flow, endpointFlow(R"([
        {"id": "call", "function": "flow.callFlow", "options": {"flow": "ghost"}, "inputs": [{"name": "n", "value": 1}]},
        {"id": "return", "function": "flow.return", "inputs": []}])"),
              nullptr);
    FlowLibrary library;
    addToLibrary(&library,
                 helperFlow("double", "Double", R"([{"name": "n", "type": "number"}])", kDoubleHelper));
    const QList<const FlowLibrary *> candidates = {nullptr, &library};
    for (const FlowLibrary *candidate : candidates) {
        const RunResult result = run(flow, request(), options(candidate));
        QCOMPARE(result.status, ExecutionStatus::Failed);
        QCOMPARE(result.outcome.kind, FlowOutcome::Kind::CardError);
        QCOMPARE(result.outcome.errorType, ErrorType::NotFound);
        QCOMPARE(result.outcome.cardId, QStringLiteral("call"));
        QVERIFY2(result.outcome.message.contains(QLatin1String("ghost")), qPrintable(result.outcome.message));
    }
}

void TestExecutor::callFlowHelperFails()
{
    FlowLibrary library;
    addToLibrary(&library,
                 helperFlow("double", "Double", R"([{"name": "n", "type": "number"}])", kDoubleHelper));
    addToLibrary(
        &library,
        helperFlow(
            "refuse", "Refuse", "[]",
            R"([{"id": "no", "function": "error.returnError", "inputs": [{"name": "message", "value": "refused"}]}])"));
    addToLibrary(
        &library,
        helperFlow(
            "stop", "Stop", "[]",
            R"([{"id": "go", "function": "branching.continueIf", "inputs": [{"name": "a", "value": 1}, {"name": "b", "value": 2}]},
                                          {"id": "r", "function": "flow.return", "inputs": [{"name": "x", "value": 1}]}])"));

    // The helper's input cannot take its declared type.
    LOAD_FLOW(flow, endpointFlow(R"([
        {"id": "call", "function": "flow.callFlow", "options": {"flow": "double"}, "inputs": [{"name": "n", "type": "text", "ref": "event.body.name"}]}])"),
              &library);
    RunResult result = run(flow, request(R"({"name": "abc"})"), options(&library));
    QCOMPARE(result.outcome.kind, FlowOutcome::Kind::CardError);
    QCOMPARE(result.outcome.cardId, QStringLiteral("call"));
    QVERIFY2(result.outcome.message.startsWith(
                 QLatin1String("Call Flow: flow 'Double': Helper Flow: input field 'n'")),
             qPrintable(result.outcome.message));

    // The helper ends with Return Error: the Call Flow card fails with its message.
    LOAD_FLOW(refusing,
              endpointFlow(R"([{"id": "call", "function": "flow.callFlow", "options": {"flow": "refuse"}}])"),
              &library);
    result = run(refusing, request(), options(&library));
    QCOMPARE(result.outcome.kind, FlowOutcome::Kind::CardError);
    QVERIFY2(result.outcome.message.contains(QLatin1String("refused")), qPrintable(result.outcome.message));

    // A helper stopped by Continue If returns nothing, which is not an error.
    LOAD_FLOW(stopping,
              endpointFlow(R"([{"id": "call", "function": "flow.callFlow", "options": {"flow": "stop"}},
        {"id": "return", "function": "flow.return", "inputs": [{"name": "all", "ref": "call.output"}]}])"),
              &library);
    result = run(stopping, request(), options(&library));
    QCOMPARE(result.status, ExecutionStatus::Success);
    QCOMPARE(result.outcome.fields, object(R"({"all": {}})"));

    // A helper that answers with Return Raw cannot give Call Flow a result: the card says why.
    addToLibrary(
        &library,
        helperFlow(
            "raw", "Raw", "[]",
            R"([{"id": "r", "function": "flow.returnRaw", "inputs": [{"name": "body", "value": "x"}]}])"));
    LOAD_FLOW(callingRaw,
              endpointFlow(R"([{"id": "call", "function": "flow.callFlow", "options": {"flow": "raw"}}])"),
              &library);
    result = run(callingRaw, request(), options(&library));
    QCOMPARE(result.outcome.kind, FlowOutcome::Kind::CardError);
    QVERIFY2(result.outcome.message.contains(QLatin1String("flow 'Raw' answers with an HTTP card")),
             qPrintable(result.outcome.message));
}

void TestExecutor::callFlowRecursionLimit()
{
    FlowLibrary library;
    addToLibrary(&library,
                 helperFlow("loop", "Loop", "[]",
                            R"([{"id": "again", "function": "flow.callFlow", "options": {"flow": "loop"}},
                                          {"id": "r", "function": "flow.return", "inputs": []}])"));
    LOAD_FLOW(flow, endpointFlow(R"([{"id": "call", "function": "flow.callFlow", "options": {"flow": "loop"}},
        {"id": "return", "function": "flow.return", "inputs": []}])"),
              &library);
    const RunResult result = run(flow, request(), options(&library));
    QCOMPARE(result.status, ExecutionStatus::Failed);
    QCOMPARE(result.outcome.kind, FlowOutcome::Kind::CardError);
    QCOMPARE(result.outcome.errorType, ErrorType::LimitExceeded);
    QCOMPARE(result.outcome.cardId, QStringLiteral("call"));
    QVERIFY2(result.outcome.message.contains(QLatin1String("more than 16 calls deep")),
             qPrintable(result.outcome.message));

    // runHelper on its own stops too.
    const RunResult direct =
        Executor().runHelper(*library.find(QStringLiteral("loop")), {}, options(&library));
    QCOMPARE(direct.outcome.errorType, ErrorType::LimitExceeded);
}

void TestExecutor::callFlowDepthBoundary()
{
    // countdown(n) calls countdown(n - 1) while n > 0: the endpoint flow plus n + 1 helpers are on the stack.
    FlowLibrary library;
    addToLibrary(&library, helperFlow("countdown", "Countdown", R"([{"name": "n", "type": "number"}])", R"([
        {"id": "more", "function": "branching.ifElse", "inputs": [{"name": "a", "ref": "event.n"}, {"name": "operator", "value": "greater than"}, {"name": "b", "value": 0}],
         "outputs": [{"name": "depth", "type": "number"}], "blocks": [
            {"label": "if", "cards": [
                {"id": "less", "function": "number.subtract", "inputs": [{"name": "a", "ref": "event.n"}, {"name": "b", "value": 1}]},
                {"id": "call", "function": "flow.callFlow", "options": {"flow": "countdown"}, "inputs": [{"name": "n", "ref": "less.result"}],
                 "outputs": [{"name": "depth", "type": "number"}]},
                {"id": "up", "function": "number.add", "inputs": [{"name": "a", "ref": "call.depth"}, {"name": "b", "value": 1}]},
                {"id": "r", "function": "flow.return", "inputs": [{"name": "depth", "ref": "up.result"}]}]},
            {"label": "else", "cards": [{"id": "bottom", "function": "flow.return", "inputs": [{"name": "depth", "value": 1}]}]}]},
        {"id": "return", "function": "flow.return", "inputs": [{"name": "depth", "ref": "more.depth"}]}])"));
    LOAD_FLOW(flow, endpointFlow(R"([
        {"id": "call", "function": "flow.callFlow", "options": {"flow": "countdown"}, "inputs": [{"name": "n", "ref": "event.body.count"}],
         "outputs": [{"name": "depth", "type": "number"}]},
        {"id": "return", "function": "flow.return", "inputs": [{"name": "helpers", "ref": "call.depth"}]}])"),
              &library);

    const RunResult deepest = run(flow, request(R"({"count": 14})"), options(&library));
    QCOMPARE(deepest.status, ExecutionStatus::Success);
    QCOMPARE(deepest.outcome.fields, object(R"({"helpers": 15})")); // 16 flows deep with the caller

    const RunResult tooDeep = run(flow, request(R"({"count": 15})"), options(&library));
    QCOMPARE(tooDeep.status, ExecutionStatus::Failed);
    QCOMPARE(tooDeep.outcome.errorType, ErrorType::LimitExceeded);
}

void TestExecutor::runHelperDirectly()
{
    FlowLibrary library;
    addToLibrary(&library,
                 helperFlow("double", "Double", R"([{"name": "n", "type": "number"}])", kDoubleHelper));
    const Flow &helper = *library.find(QStringLiteral("double"));
    const RunResult result =
        Executor().runHelper(helper, QJsonObject{{QStringLiteral("n"), QStringLiteral("4")}}, options());
    QCOMPARE(result.status, ExecutionStatus::Success);
    QCOMPARE(result.outcome.fields, object(R"({"result": "8", "label": "doubled"})"));

    const RunResult bad =
        Executor().runHelper(helper, QJsonObject{{QStringLiteral("n"), QStringLiteral("four")}}, options());
    QCOMPARE(bad.status, ExecutionStatus::Failed);
    QCOMPARE(bad.outcome.kind, FlowOutcome::Kind::CardError);
    QVERIFY2(bad.outcome.message.startsWith(QLatin1String("Helper Flow: input field 'n'")),
             qPrintable(bad.outcome.message));
}

void TestExecutor::callFlowAsyncWithSink()
{
    FlowLibrary library;
    addToLibrary(&library,
                 helperFlow("double", "Double", R"([{"name": "n", "type": "number"}])", kDoubleHelper));
    LOAD_FLOW(flow, endpointFlow(R"([
        {"id": "later", "function": "flow.callFlowAsync", "options": {"flow": "double"}, "inputs": [{"name": "n", "type": "number", "ref": "event.body.count"}]},
        {"id": "return", "function": "flow.return", "inputs": [{"name": "started", "value": true}]}])"),
              &library);
    QList<std::pair<QString, QJsonObject>> calls;
    RunOptions runOptions = options(&library);
    runOptions.asyncSink = [&calls](const QString &flowId, const QJsonObject &inputs) {
        calls.append({flowId, inputs});
    };
    const RunResult result = run(flow, request(R"({"count": "5"})"), runOptions);
    QCOMPARE(result.status, ExecutionStatus::Success);
    QCOMPARE(result.outcome.fields, object(R"({"started": true})"));
    QCOMPARE(calls.size(), 1);
    QCOMPARE(calls.at(0).first, QStringLiteral("double"));
    QCOMPARE(calls.at(0).second, object(R"({"n": 5})"));
}

void TestExecutor::callFlowAsyncRunsAfterTheFlow()
{
    // The clock shows the order: the flow reads it twice, the helper once, after the flow's second read.
    FlowLibrary library;
    addToLibrary(&library, helperFlow("stamp", "Stamp", "[]",
                                      R"([{"id": "now", "function": "datetime.now"},
                                          {"id": "r", "function": "flow.return", "inputs": [{"name": "at", "ref": "now.output"}]}])"));
    LOAD_FLOW(flow, endpointFlow(R"([
        {"id": "t1", "function": "datetime.now"},
        {"id": "later", "function": "flow.callFlowAsync", "options": {"flow": "stamp"}},
        {"id": "t2", "function": "datetime.now"},
        {"id": "return", "function": "flow.return", "inputs": [{"name": "t1", "ref": "t1.output"}, {"name": "t2", "ref": "t2.output"}]}])"),
              &library);
    int reads = 0;
    RunOptions runOptions = options(&library);
    const QDateTime base(QDate(2024, 5, 1), QTime(12, 0), QTimeZone::utc());
    runOptions.clock = [&reads, base]() {
        return base.addSecs(++reads);
    };
    const RunResult result = run(flow, request(), runOptions);
    QCOMPARE(result.status, ExecutionStatus::Success);
    QCOMPARE(result.outcome.fields,
             object(R"({"t1": "2024-05-01T12:00:01.000Z", "t2": "2024-05-01T12:00:02.000Z"})"));
    QCOMPARE(reads, 3); // the helper ran, after the flow
}

void TestExecutor::callFlowAsyncMissingHelper()
{
    LOAD_FLOW(
        flow,
        endpointFlow(R"([{"id": "later", "function": "flow.callFlowAsync", "options": {"flow": "ghost"}}])"),
        nullptr);
    bool sinkCalled = false;
    RunOptions runOptions = options();
    runOptions.asyncSink = [&sinkCalled](const QString &, const QJsonObject &) {
        sinkCalled = true;
    };
    const RunResult result = run(flow, request(), runOptions);
    QCOMPARE(result.outcome.kind, FlowOutcome::Kind::CardError);
    QCOMPARE(result.outcome.errorType, ErrorType::NotFound);
    QVERIFY(!sinkCalled);
}

void TestExecutor::canceledBeforeStart()
{
    LOAD_FLOW(
        flow,
        endpointFlow(
            R"([{"id": "first", "function": "text.trim", "name": "First", "inputs": [{"name": "text", "value": "x"}]},
        {"id": "return", "function": "flow.return", "inputs": []}])"),
        nullptr);
    RunOptions runOptions = options();
    runOptions.cancel = std::make_shared<std::atomic_bool>(true);
    const RunResult result = run(flow, request(), runOptions);
    QCOMPARE(result.status, ExecutionStatus::Canceled);
    QCOMPARE(result.outcome.kind, FlowOutcome::Kind::Canceled);
    QVERIFY2(result.outcome.message.contains(QLatin1String("'First'")), qPrintable(result.outcome.message));
    QVERIFY(result.trace.isEmpty());
    QCOMPARE(answerFor(result, kExecutionId).status, 503);

    // A flag that is present but not set changes nothing.
    runOptions.cancel = std::make_shared<std::atomic_bool>(false);
    QCOMPARE(run(flow, request(), runOptions).status, ExecutionStatus::Success);
}

void TestExecutor::canceledDuringRun()
{
    // The clock is read by the first card; setting the flag there cancels before the second.
    LOAD_FLOW(flow, endpointFlow(R"([{"id": "first", "function": "datetime.now"},
        {"id": "second", "function": "text.trim", "name": "Second", "inputs": [{"name": "text", "value": "x"}]},
        {"id": "return", "function": "flow.return", "inputs": []}])"),
              nullptr);
    RunOptions runOptions = options();
    auto cancel = std::make_shared<std::atomic_bool>(false);
    runOptions.cancel = cancel;
    runOptions.clock = [cancel]() {
        cancel->store(true);
        return QDateTime::currentDateTimeUtc();
    };
    const RunResult result = run(flow, request(), runOptions);
    QCOMPARE(result.status, ExecutionStatus::Canceled);
    QCOMPARE(result.outcome.cardId, QStringLiteral("second"));
    QVERIFY2(result.outcome.message.contains(QLatin1String("before card 'Second'")),
             qPrintable(result.outcome.message));
    QCOMPARE(tracedIds(result.trace), QStringList({QStringLiteral("first")}));
}

void TestExecutor::cancelIsNotCaughtByIfError()
{
    LOAD_FLOW(flow, endpointFlow(R"([
        {"id": "guard", "function": "error.ifError", "blocks": [
            {"label": "try", "cards": [{"id": "now", "function": "datetime.now"},
                                       {"id": "next", "function": "text.trim", "inputs": [{"name": "text", "value": "x"}]}]},
            {"label": "if error", "cards": [{"id": "handled", "function": "flow.return", "inputs": [{"name": "handled", "value": true}]}]}]},
        {"id": "return", "function": "flow.return", "inputs": []}])"),
              nullptr);
    RunOptions runOptions = options();
    auto cancel = std::make_shared<std::atomic_bool>(false);
    runOptions.cancel = cancel;
    runOptions.clock = [cancel]() {
        cancel->store(true);
        return QDateTime::currentDateTimeUtc();
    };
    const RunResult result = run(flow, request(), runOptions);
    QCOMPARE(result.status, ExecutionStatus::Canceled);
    QCOMPARE(result.outcome.kind, FlowOutcome::Kind::Canceled);
    QCOMPARE(tracedIds(result.trace), QStringList({QStringLiteral("guard"), QStringLiteral("now")}));
}

void TestExecutor::deadlineExpired()
{
    LOAD_FLOW(
        flow,
        endpointFlow(R"([{"id": "first", "function": "text.trim", "inputs": [{"name": "text", "value": "x"}]},
        {"id": "return", "function": "flow.return", "inputs": []}])"),
        nullptr);
    RunOptions runOptions = options();
    runOptions.deadline = QDeadlineTimer(0);
    const RunResult result = run(flow, request(), runOptions);
    QCOMPARE(result.status, ExecutionStatus::TimedOut);
    QCOMPARE(result.outcome.kind, FlowOutcome::Kind::TimedOut);
    QVERIFY2(result.outcome.message.contains(QLatin1String("ran out of time")),
             qPrintable(result.outcome.message));
    const HttpAnswer answer = answerFor(result, kExecutionId);
    QCOMPARE(answer.status, 504);
    QCOMPARE(object(answer.body).value(QLatin1String("error")).toString(), QStringLiteral("timeout"));

    // Inside a helper, the time limit ends the caller as timed out too (not as a card error).
    FlowLibrary library;
    addToLibrary(&library,
                 helperFlow("double", "Double", R"([{"name": "n", "type": "number"}])", kDoubleHelper));
    LOAD_FLOW(
        caller,
        endpointFlow(
            R"([{"id": "call", "function": "flow.callFlow", "options": {"flow": "double"}, "inputs": [{"name": "n", "value": 1}]}])"),
        &library);
    RunOptions callerOptions = options(&library);
    callerOptions.deadline = QDeadlineTimer(0);
    QCOMPARE(run(caller, request(), callerOptions).status, ExecutionStatus::TimedOut);
}

void TestExecutor::requestBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<bool>("badRequest");
    QTest::addColumn<QByteArray>("expected"); // the Return fields

    QTest::addRow("malformed JSON, application/json")
        << QByteArray("{\"name\": ") << QByteArray("application/json") << true << QByteArray();
    QTest::addRow("malformed JSON, charset parameter")
        << QByteArray("{bad") << QByteArray("Application/JSON; charset=utf-8") << true << QByteArray();
    QTest::addRow("malformed JSON, +json type")
        << QByteArray("{bad") << QByteArray("application/problem+json") << true << QByteArray();
    QTest::addRow("malformed JSON, text/plain: raw only")
        << QByteArray("{bad") << QByteArray("text/plain") << false
        << QByteArray(R"({"name": null, "count": null, "raw": "{bad"})");
    QTest::addRow("malformed JSON, no content type: raw only")
        << QByteArray("{bad") << QByteArray() << false
        << QByteArray(R"({"name": null, "count": null, "raw": "{bad"})");
    QTest::addRow("JSON without content type")
        << QByteArray(R"({"name": "Ada", "count": 2})") << QByteArray() << false
        << QByteArray(R"({"name": "Ada", "count": 2, "raw": "{\"name\": \"Ada\", \"count\": 2}"})");
    QTest::addRow("JSON array body") << QByteArray("[1, 2]") << QByteArray("application/json") << false
                                     << QByteArray(R"({"name": null, "count": null, "raw": "[1, 2]"})");
    QTest::addRow("empty body with JSON type") << QByteArray() << QByteArray("application/json") << false
                                               << QByteArray(R"({"name": null, "count": null, "raw": ""})");
    QTest::addRow("form-urlencoded")
        << QByteArray("name=Ada+Lovelace%20%C3%A9&count=3&extra")
        << QByteArray("application/x-www-form-urlencoded") << false
        << QByteArray(
               R"({"name": "Ada Lovelace é", "count": 3, "raw": "name=Ada+Lovelace%20%C3%A9&count=3&extra"})");
    QTest::addRow("form-urlencoded with charset, later duplicate wins")
        << QByteArray("count=1&count=2&name=a%2Bb")
        << QByteArray("application/x-www-form-urlencoded; charset=UTF-8") << false
        << QByteArray(R"({"name": "a+b", "count": 2, "raw": "count=1&count=2&name=a%2Bb"})");
    QTest::addRow("unicode JSON")
        << QByteArray(R"({"name": "😀 e\u0301"})") << QByteArray("application/json") << false
        << QByteArray(R"({"name": "😀 e\u0301", "count": null, "raw": "{\"name\": \"😀 e\\u0301\"}"})");
}

void TestExecutor::requestBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(bool, badRequest);
    QFETCH(QByteArray, expected);

    LOAD_FLOW(flow, endpointFlow(R"([{"id": "return", "function": "flow.return", "inputs": [
        {"name": "name", "ref": "event.body.name"}, {"name": "count", "ref": "event.body.count"}, {"name": "raw", "ref": "event.raw.body"}]}])"),
              nullptr);
    const RunResult result = run(flow, request(body, contentType));
    if (badRequest) {
        QCOMPARE(result.status, ExecutionStatus::Failed);
        QCOMPARE(result.outcome.kind, FlowOutcome::Kind::BadRequest);
        QCOMPARE(result.outcome.cardId, QStringLiteral("event"));
        QVERIFY2(result.outcome.message.startsWith(QLatin1String("malformed JSON body")),
                 qPrintable(result.outcome.message));
        QVERIFY(result.trace.isEmpty());
        const HttpAnswer answer = answerFor(result, kExecutionId);
        QCOMPARE(answer.status, 400);
        const QJsonObject error = object(answer.body);
        QCOMPARE(error.value(QLatin1String("error")).toString(), QStringLiteral("invalid_request"));
        QCOMPARE(error.value(QLatin1String("error_description")).toString(), result.outcome.message);
    } else {
        QCOMPARE(result.status, ExecutionStatus::Success);
        QCOMPARE(jsonText(result.outcome.fields), jsonText(object(expected)));
    }
}

void TestExecutor::undeclaredFieldThatCannotConvert_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QString>("messagePart");

    QTest::addRow("body number") << QByteArray(R"({"count": "many"})") << QByteArray()
                                 << s("body field 'count'");
    QTest::addRow("body boolean") << QByteArray(R"({"flag": "perhaps"})") << QByteArray()
                                  << s("body field 'flag'");
    QTest::addRow("body list of objects")
        << QByteArray(R"({"items": [1, 2]})") << QByteArray() << s("body field 'items'");
    QTest::addRow("body object") << QByteArray(R"({"profile": [1]})") << QByteArray()
                                 << s("body field 'profile'");
    QTest::addRow("query number") << QByteArray() << QByteArray("n=seven") << s("query field 'n'");
}

void TestExecutor::undeclaredFieldThatCannotConvert()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, query);
    QFETCH(QString, messagePart);

    LOAD_FLOW(flow, endpointFlow(R"([{"id": "return", "function": "flow.return", "inputs": []}])"), nullptr);
    const RunResult result = run(flow, request(body, "application/json", query));
    QCOMPARE(result.status, ExecutionStatus::Failed);
    QCOMPARE(result.outcome.kind, FlowOutcome::Kind::BadRequest);
    QVERIFY2(result.outcome.message.contains(messagePart), qPrintable(result.outcome.message));
    QCOMPARE(answerFor(result, kExecutionId).status, 400);
}

void TestExecutor::trace()
{
    LOAD_FLOW(flow, endpointFlow(R"([
        {"id": "a", "function": "text.trim", "name": "Trim it", "inputs": [{"name": "text", "ref": "event.body.name"}]},
        {"id": "b", "function": "branching.ifElse", "inputs": [{"name": "a", "ref": "a.output"}, {"name": "operator", "value": "is not empty"}],
         "outputs": [{"name": "label", "type": "text"}], "blocks": [
            {"label": "if", "cards": [
                {"id": "c", "function": "text.toUpperCase", "inputs": [{"name": "text", "ref": "a.output"}]},
                {"id": "d", "function": "flow.return", "inputs": [{"name": "label", "ref": "c.output"}]}]},
            {"label": "else", "cards": []}]},
        {"id": "e", "function": "flow.return", "inputs": [{"name": "label", "ref": "b.label"}]}])"),
              nullptr);
    const RunResult result = run(flow, request(R"({"name": "  ada "})"));
    QCOMPARE(result.outcome.fields, object(R"({"label": "ADA"})"));
    const Trace &trace = result.trace;
    QCOMPARE(tracedIds(trace), QStringList({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                                            QStringLiteral("d"), QStringLiteral("e")}));
    QList<int> depths;
    for (const TraceEntry &entry : trace)
        depths.append(entry.depth);
    QCOMPARE(depths, QList<int>({0, 0, 1, 1, 0}));

    QCOMPARE(trace.at(0).name, QStringLiteral("Trim it"));
    QCOMPARE(trace.at(0).function, QStringLiteral("text.trim"));
    QCOMPARE(trace.at(0).inputs, object(R"({"text": "  ada "})"));
    QCOMPARE(trace.at(0).outputs, object(R"({"output": "ada"})"));
    QCOMPARE(trace.at(1).name, QStringLiteral("If/Else"));
    QCOMPARE(trace.at(1).inputs,
             object(R"({"a": "ada", "operator": "is not empty", "b": null, "compareAs": "auto"})"));
    QCOMPARE(trace.at(1).outputs, object(R"({"label": "ADA"})"));
    QCOMPARE(trace.at(2).name, QStringLiteral("To Upper Case"));
    QCOMPARE(trace.at(3).inputs, object(R"({"label": "ADA"})"));
    QCOMPARE(trace.at(4).inputs, object(R"({"label": "ADA"})"));
    for (const TraceEntry &entry : trace) {
        QVERIFY(!entry.error);
        QVERIFY(entry.durationUs >= 0);
    }
    QVERIFY(result.durationUs >= 0);

    // The trace survives its JSON form (the execution history stores it so).
    const Trace reread = traceFromJson(traceToJson(trace));
    QCOMPARE(reread.size(), trace.size());
    QCOMPARE(reread.at(2).cardId, QStringLiteral("c"));
    QCOMPARE(reread.at(2).depth, 1);
    QCOMPARE(reread.at(1).outputs, trace.at(1).outputs);
}

void TestExecutor::traceRecordsTheFailingCard()
{
    LOAD_FLOW(flow, endpointFlow(R"([
        {"id": "ok", "function": "text.trim", "inputs": [{"name": "text", "value": "x"}]},
        {"id": "bad", "function": "number.divide", "inputs": [{"name": "a", "ref": "event.body.name"}, {"name": "b", "value": 2}]},
        {"id": "never", "function": "flow.return", "inputs": []}])"),
              nullptr);
    const RunResult result = run(flow, request(R"({"name": "ten"})"));
    QCOMPARE(tracedIds(result.trace), QStringList({QStringLiteral("ok"), QStringLiteral("bad")}));
    QVERIFY(!result.trace.at(0).error);
    QVERIFY(result.trace.at(1).error);
    QCOMPARE(result.trace.at(1).error->type, ErrorType::InvalidTypeConversion);
    QVERIFY2(result.trace.at(1).error->message.startsWith(QLatin1String("a: ")),
             qPrintable(result.trace.at(1).error->message));
    // The raw inputs are kept for a failed conversion, so the trace shows what arrived.
    QCOMPARE(result.trace.at(1).inputs.value(QLatin1String("a")).toString(), QStringLiteral("ten"));
    QVERIFY(result.trace.at(1).outputs.isEmpty());
    QCOMPARE(traceToJson(result.trace).at(1)[QLatin1String("error")][QLatin1String("type")].toString(),
             QStringLiteral("Invalid Type Conversion"));
}

void TestExecutor::noTraceWhenNotRecorded()
{
    LOAD_FLOW(flow, endpointFlow(R"([
        {"id": "a", "function": "text.trim", "inputs": [{"name": "text", "value": " x "}]},
        {"id": "b", "function": "branching.ifElse", "outputs": [{"name": "v", "type": "text"}], "blocks": [
            {"label": "if", "cards": [{"id": "c", "function": "flow.return", "inputs": [{"name": "v", "ref": "a.output"}]}]},
            {"label": "else", "cards": []}]},
        {"id": "e", "function": "flow.return", "inputs": [{"name": "v", "ref": "b.v"}]}])"),
              nullptr);
    RunOptions runOptions = options();
    runOptions.recordTrace = false;
    const RunResult result = run(flow, request(), runOptions);
    QVERIFY(result.trace.isEmpty());
    QCOMPARE(result.outcome.fields, object(R"({"v": "x"})"));
    // Recording changes nothing but the trace.
    const RunResult recorded = run(flow);
    QCOMPARE(recorded.trace.size(), 4);
    QCOMPARE(recorded.outcome.fields, result.outcome.fields);
}

void TestExecutor::concurrentRuns()
{
    FlowLibrary library;
    addToLibrary(&library,
                 helperFlow("double", "Double", R"([{"name": "n", "type": "number"}])", kDoubleHelper));
    LOAD_FLOW(flow, endpointFlow(R"([
        {"id": "greet", "function": "text.compose", "inputs": [{"name": "template", "value": "Hi {{name}}"}, {"name": "name", "type": "text", "ref": "event.body.name"}]},
        {"id": "call", "function": "flow.callFlow", "options": {"flow": "double"}, "inputs": [{"name": "n", "ref": "event.body.count"}],
         "outputs": [{"name": "result", "type": "number"}]},
        {"id": "branch", "function": "branching.ifElse", "inputs": [{"name": "a", "ref": "call.result"}, {"name": "operator", "value": "greater than"}, {"name": "b", "value": 10}],
         "outputs": [{"name": "size", "type": "text"}], "blocks": [
            {"label": "if", "cards": [{"id": "big", "function": "flow.return", "inputs": [{"name": "size", "value": "big"}]}]},
            {"label": "else", "cards": [{"id": "small", "function": "flow.return", "inputs": [{"name": "size", "value": "small"}]}]}]},
        {"id": "guard", "function": "error.ifError", "outputs": [{"name": "parsed", "type": "any"}], "blocks": [
            {"label": "try", "cards": [{"id": "parse", "function": "json.parse", "inputs": [{"name": "text", "ref": "event.body.name"}]},
                                       {"id": "ok", "function": "flow.return", "inputs": [{"name": "parsed", "ref": "parse.output"}]}]},
            {"label": "if error", "cards": [{"id": "fallback", "function": "flow.return", "inputs": [{"name": "parsed", "ref": "guard.error.type"}]}]}]},
        {"id": "return", "function": "flow.return", "inputs": [
            {"name": "greeting", "ref": "greet.output"}, {"name": "doubled", "ref": "call.result"}, {"name": "size", "ref": "branch.size"},
            {"name": "parsed", "ref": "guard.parsed"}]}])"),
              &library);
    const Executor executor;
    const auto runOnce = [&](int i) -> QByteArray {
        const QByteArray body = QByteArrayLiteral(R"({"name": "user )") + QByteArray::number(i) +
                                QByteArrayLiteral(R"(", "count": )") + QByteArray::number(i) + '}';
        const RunResult result = executor.run(flow, request(body), options(&library));
        return QByteArray::number(result.trace.size()) + ' ' + answerFor(result, kExecutionId).body;
    };
    constexpr int kThreads = 8;
    constexpr int kRuns = 60;
    QList<QByteArray> reference;
    for (int i = 0; i < kRuns; ++i)
        reference.append(runOnce(i));
    QVERIFY(reference.at(3).contains(R"("doubled":6)"));
    QVERIFY(reference.at(30).contains(R"("size":"big")"));

    std::vector<QList<QByteArray>> answers(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t]() {
            for (int i = 0; i < kRuns; ++i)
                answers[static_cast<size_t>(t)].append(runOnce((i + t) % kRuns));
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    for (int t = 0; t < kThreads; ++t) {
        for (int i = 0; i < kRuns; ++i)
            QCOMPARE(answers[static_cast<size_t>(t)].at(i), reference.at((i + t) % kRuns));
    }
}

void TestExecutor::samples_data()
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

void TestExecutor::samples()
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

void TestExecutor::sampleApprovalPauseAndResume()
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

void TestExecutor::sampleLineTotalHelper()
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

QTEST_GUILESS_MAIN(TestExecutor)
#include "tst_executor.moc"
