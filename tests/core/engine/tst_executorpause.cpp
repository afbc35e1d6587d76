// The executor: Pause and Pause Raw, continuations and resume.

#include "ExecutorTestSupport.h"

using namespace wf;
using namespace wf::exectest;

class TestExecutorPause final : public QObject {
    Q_OBJECT

private slots:
    void pauseAndResume();
    void resumeErrors();
    void continuationFromJsonRefusesIncomplete_data();
    void continuationFromJsonRefusesIncomplete();
    void pauseRaw();
};

void TestExecutorPause::pauseAndResume()
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

void TestExecutorPause::resumeErrors()
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

void TestExecutorPause::continuationFromJsonRefusesIncomplete_data()
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

void TestExecutorPause::continuationFromJsonRefusesIncomplete()
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

void TestExecutorPause::pauseRaw()
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

QTEST_GUILESS_MAIN(TestExecutorPause)
#include "tst_executorpause.moc"
