// The executor: If Error, If/ElseIf and Close.

#include "ExecutorTestSupport.h"

using namespace wf;
using namespace wf::exectest;

class TestExecutorBlocks final : public QObject {
    Q_OBJECT

private slots:
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
};

void TestExecutorBlocks::ifErrorCatchesAFailingCard()
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

void TestExecutorBlocks::ifErrorWithoutFailure()
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

void TestExecutorBlocks::ifErrorDoesNotCatchItsErrorBlock()
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

void TestExecutorBlocks::ifErrorDoesNotCatchReturnError()
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

void TestExecutorBlocks::ifElseIf_data()
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

void TestExecutorBlocks::ifElseIf()
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
    const RunResult result = run(flow, request(QByteArray("{\"count\": ") + count + '}'));
    QCOMPARE(result.status, ExecutionStatus::Success);
    QCOMPARE(result.outcome.fields.value(QLatin1String("label")).toString(), label);
    QCOMPARE(tracedIds(result.trace), traced);
    // The block card's trace shows each condition it evaluated, by block label.
    QVERIFY(result.trace.at(0).inputs.contains(QLatin1String("huge")));
}

void TestExecutorBlocks::ifElseIfWithoutElse()
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

void TestExecutorBlocks::ifElseIfConditionDefaults()
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

void TestExecutorBlocks::close()
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

void TestExecutorBlocks::closeThenFailure()
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

QTEST_GUILESS_MAIN(TestExecutorBlocks)
#include "tst_executorblocks.moc"
