// The executor at run time: cancellation, deadlines, request bodies, traces and concurrent runs.

#include "ExecutorTestSupport.h"
#include "WaitScope.h"

#include <limits>

using namespace wf;
using namespace wf::exectest;

class TestExecutorRuntime final : public QObject {
    Q_OBJECT

private slots:
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
    void traceCompactJson_data();
    void traceCompactJson();
    void traceCompactJsonNumbers();
    void concurrentRuns();
    void longRunCountsAsWaiting();
};

void TestExecutorRuntime::canceledBeforeStart()
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

void TestExecutorRuntime::canceledDuringRun()
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

void TestExecutorRuntime::cancelIsNotCaughtByIfError()
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

void TestExecutorRuntime::deadlineExpired()
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

void TestExecutorRuntime::requestBodies_data()
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

void TestExecutorRuntime::requestBodies()
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

void TestExecutorRuntime::undeclaredFieldThatCannotConvert_data()
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

void TestExecutorRuntime::undeclaredFieldThatCannotConvert()
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

void TestExecutorRuntime::trace()
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

void TestExecutorRuntime::traceRecordsTheFailingCard()
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

void TestExecutorRuntime::noTraceWhenNotRecorded()
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

void TestExecutorRuntime::concurrentRuns()
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

void TestExecutorRuntime::traceCompactJson_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("failed");
    QTest::newRow("plain") << QStringLiteral("Compose") << false;
    QTest::newRow("empty") << QString() << true;
    QTest::newRow("quotes and backslashes") << QStringLiteral("a \"b\" \\c\\") << true;
    QTest::newRow("control characters")
        << QStringLiteral("\b\f\n\r\t") + QChar(0x01) + QChar(0x1f) + QChar(0x7f) << false;
    QTest::newRow("non-ASCII") << QStringLiteral("é 日本語 \u2028 ") + QString::fromUtf8("\xf0\x9f\x98\x80")
                               << true;
}

// TraceEntry::appendCompactJson writes exactly what QJsonDocument writes for toJson().
void TestExecutorRuntime::traceCompactJson()
{
    QFETCH(QString, text);
    QFETCH(bool, failed);
    TraceEntry entry;
    entry.cardId = text;
    entry.function = QStringLiteral("text.compose");
    entry.name = text + text;
    entry.depth = 2;
    entry.durationUs = 1234567890123;
    entry.inputs = QJsonObject{{text, text},
                               {QStringLiteral("n"), -2.5},
                               {QStringLiteral("big"), qint64(1) << 60},
                               {QStringLiteral("list"), QJsonArray{1, true, QJsonValue(), text}},
                               {QStringLiteral("nested"), QJsonObject{{QStringLiteral("z"), text}}}};
    entry.outputs = QJsonObject{{QStringLiteral("output"), text}};
    if (failed)
        entry.error = makeError(ErrorType::InvalidInput, text);
    QByteArray written = "prefix";
    entry.appendCompactJson(written);
    QCOMPARE(written, "prefix" + QJsonDocument(entry.toJson()).toJson(QJsonDocument::Compact));
    QCOMPARE(TraceEntry::fromJson(QJsonDocument::fromJson(written.mid(6)).object()).toJson(), entry.toJson());
}

// Numbers as QJsonDocument writes them: integers in full, doubles in their shortest form, and what is
// not a finite number as null; parsed ones as well as made ones.
void TestExecutorRuntime::traceCompactJsonNumbers()
{
    TraceEntry entry;
    entry.cardId = QStringLiteral("n");
    entry.inputs =
        QJsonObject{{QStringLiteral("three"), 3.0},
                    {QStringLiteral("int"), 3},
                    {QStringLiteral("tenth"), 0.1},
                    {QStringLiteral("huge"), 1e21},
                    {QStringLiteral("negativeZero"), -0.0},
                    {QStringLiteral("tiny"), -1.5e-7},
                    {QStringLiteral("infinite"), qInf()},
                    {QStringLiteral("nan"), qQNaN()},
                    {QStringLiteral("min"), std::numeric_limits<qint64>::min()},
                    {QStringLiteral("max"), std::numeric_limits<qint64>::max()},
                    {QStringLiteral("list"), QJsonArray{2.5, 1e300, -7, QJsonArray{}, QJsonObject{}}}};
    entry.outputs = QJsonDocument::fromJson(R"({"p": 12345678901234567890, "q": 5, "r": 2.50, "s": -0,
        "t": 1E3, "u": [0.000001, 123456789012345678]})")
                        .object();
    QVERIFY(!entry.outputs.isEmpty());
    QByteArray written;
    entry.appendCompactJson(written);
    QCOMPARE(written, QJsonDocument(entry.toJson()).toJson(QJsonDocument::Compact));
}

// An execution that has run longer than RunOptions::longRunMs counts as waiting (WaitScope) from then
// until it ends, telling its thread's pool once; a short one never does.
void TestExecutorRuntime::longRunCountsAsWaiting()
{
    LOAD_FLOW(flow, endpointFlow(R"([{"id": "now", "function": "datetime.now"},
        {"id": "b", "function": "text.trim", "inputs": [{"name": "text", "value": "y"}]},
        {"id": "return", "function": "flow.return", "inputs": []}])"),
              nullptr);
    struct Counts {
        int begun = 0;
        int ended = 0;
    } counts;
    const WaitHook hook{[](void *c) { ++static_cast<Counts *>(c)->begun; },
                        [](void *c) { ++static_cast<Counts *>(c)->ended; }, &counts};
    Counts duringRun; // as the first card saw them
    RunOptions runOptions = options();
    runOptions.clock = [&counts, &duringRun] {
        duringRun = counts;
        return QDateTime::currentDateTimeUtc();
    };
    setThreadWaitHook(&hook);
    runOptions.longRunMs = 60000;
    QCOMPARE(run(flow, request(), runOptions).status, ExecutionStatus::Success);
    QCOMPARE(counts.begun, 0);

    runOptions.longRunMs = 0; // long from its first card on
    QCOMPARE(run(flow, request(), runOptions).status, ExecutionStatus::Success);
    setThreadWaitHook(nullptr);
    QCOMPARE(duringRun.begun, 1);
    QCOMPARE(duringRun.ended, 0);
    QCOMPARE(counts.begun, 1);
    QCOMPARE(counts.ended, 1);
}

QTEST_GUILESS_MAIN(TestExecutorRuntime)
#include "tst_executorruntime.moc"
