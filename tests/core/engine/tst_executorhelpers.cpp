// The executor: Call Flow, Call Flow Async and helper flows, with the call-depth limit.

#include "ExecutorTestSupport.h"

using namespace wf;
using namespace wf::exectest;

class TestExecutorHelpers final : public QObject {
    Q_OBJECT

private slots:
    void callFlow();
    void callFlowMissingHelper();
    void callFlowHelperFails();
    void callFlowRecursionLimit();
    void callFlowDepthBoundary();
    void runHelperDirectly();
    void callFlowAsyncWithSink();
    void callFlowAsyncRunsAfterTheFlow();
    void callFlowAsyncMissingHelper();
};

void TestExecutorHelpers::callFlow()
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

void TestExecutorHelpers::callFlowMissingHelper()
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

void TestExecutorHelpers::callFlowHelperFails()
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

void TestExecutorHelpers::callFlowRecursionLimit()
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

void TestExecutorHelpers::callFlowDepthBoundary()
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

void TestExecutorHelpers::runHelperDirectly()
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

void TestExecutorHelpers::callFlowAsyncWithSink()
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

void TestExecutorHelpers::callFlowAsyncRunsAfterTheFlow()
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

void TestExecutorHelpers::callFlowAsyncMissingHelper()
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

QTEST_GUILESS_MAIN(TestExecutorHelpers)
#include "tst_executorhelpers.moc"
