#include "engine/Executor.h"

#include "WaitScope.h"
#include "engine/CardIds.h"
#include "engine/CardInvoker.h"
#include "engine/Comparison.h"
#include "engine/RawAnswer.h"
#include "engine/ValuePath.h"
#include "engine/cards/ConditionPorts.h"
#include "flow/FlowLibrary.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>

namespace wf {

Q_LOGGING_CATEGORY(lcEngine, "wf.engine")

namespace {

struct StatusName {
    ExecutionStatus status;
    const char *id;
    const char *display;
};

constexpr StatusName kStatusNames[] = {
    {ExecutionStatus::InProgress, "inProgress", "In progress"},
    {ExecutionStatus::Success, "success", "Success"},
    {ExecutionStatus::Failed, "failed", "Failed"},
    {ExecutionStatus::Paused, "paused", "Paused"},
    {ExecutionStatus::Canceled, "canceled", "Canceled"},
    {ExecutionStatus::TimedOut, "timedOut", "Timed out"},
};

ExecutionStatus statusFor(FlowOutcome::Kind kind)
{
    using K = FlowOutcome::Kind;
    switch (kind) {
    case K::ReturnError:
    case K::CardError:
    case K::BadRequest:
        return ExecutionStatus::Failed;
    case K::Pause:
    case K::PauseRaw:
        return ExecutionStatus::Paused;
    case K::TimedOut:
        return ExecutionStatus::TimedOut;
    case K::Canceled:
        return ExecutionStatus::Canceled;
    case K::NoReturn:
    case K::Return:
    case K::ReturnRaw:
    case K::ContinueIfStopped:
    case K::Close:
        break;
    }
    return ExecutionStatus::Success;
}

const CardSpec &conditionSpec()
{
    static const CardSpec spec = [] {
        CardSpec condition;
        condition.inputs = conditionPorts();
        return condition;
    }();
    return spec;
}

// How a list of cards ended: it ran to its end, it left its block (Return or Continue If inside a
// block), or the whole flow is over (the outcome is in the execution).
struct Step {
    enum class Kind { Continue, LeaveBlock, End };
    Kind kind = Kind::Continue;
    std::optional<QJsonObject> blockFields; // Return inside a block
};

// One execution of one flow. Implements the services cards may call.
class Execution final : public ExecutionEnv {
public:
    Execution(const CardCatalogue &catalogue, const Flow &flow, const RunOptions &options, int depth)
        : m_catalogue(catalogue), m_flow(flow), m_options(options), m_depth(depth)
    {
        m_timer.start();
    }

    QDateTime now() const override
    {
        return m_options.clock ? m_options.clock() : QDateTime::currentDateTimeUtc();
    }

    bool stopRequested() const override
    {
        // Asked between cards and inside long cards: also where an execution that has run for long
        // lets the pool it runs on start another thread for the requests waiting behind it.
        if (!m_runningLong && m_timer.elapsed() >= m_options.longRunMs)
            m_runningLong.emplace();
        return (m_options.cancel && m_options.cancel->load()) || m_options.deadline.hasExpired();
    }

    Result<QJsonObject> callFlow(const QString &flowId, const QJsonObject &inputs) override
    {
        const Flow *helper = m_options.library ? m_options.library->find(flowId) : nullptr;
        if (!helper)
            return makeError(ErrorType::NotFound, QStringLiteral("no helper flow '%1'").arg(flowId));
        if (m_depth + 1 >= kMaxCallDepth)
            return makeError(ErrorType::LimitExceeded,
                             QStringLiteral("helper flows nest more than %1 calls deep").arg(kMaxCallDepth));
        RunOptions nested = m_options;
        nested.recordTrace = false;
        Execution execution(m_catalogue, *helper, nested, m_depth + 1);
        const RunResult result = execution.runAsHelper(inputs);
        m_deferred += execution.takeDeferred();
        using K = FlowOutcome::Kind;
        switch (result.outcome.kind) {
        case K::Return:
            return result.outcome.fields;
        case K::NoReturn:
        case K::ContinueIfStopped:
            return QJsonObject();
        case K::TimedOut:
            return makeError(ErrorType::Timeout, QStringLiteral("the execution ran out of time"));
        case K::Canceled:
            return makeError(ErrorType::Canceled, QStringLiteral("the execution was canceled"));
        case K::CardError:
            return makeError(result.outcome.errorType,
                             QStringLiteral("flow '%1': %2").arg(helper->name, result.outcome.message));
        case K::ReturnError:
        case K::BadRequest:
            return makeError(ErrorType::InvalidInput, QStringLiteral("flow '%1' ended with an error: %2")
                                                          .arg(helper->name, result.outcome.message));
        case K::ReturnRaw:
        case K::Close:
        case K::Pause:
        case K::PauseRaw:
            break;
        }
        return makeError(
            ErrorType::InvalidInput,
            QStringLiteral("flow '%1' answers with an HTTP card; helper flows give their result with Return")
                .arg(helper->name));
    }

    Result<bool> callFlowAsync(const QString &flowId, const QJsonObject &inputs) override
    {
        if (!m_options.library || !m_options.library->find(flowId))
            return makeError(ErrorType::NotFound, QStringLiteral("no helper flow '%1'").arg(flowId));
        if (m_options.asyncSink)
            m_options.asyncSink(flowId, inputs);
        else
            m_deferred.append({flowId, inputs});
        return true;
    }

    RunResult start(const QJsonObject &eventOutputs, qsizetype firstCard)
    {
        m_scope.insert(eventCardId(), eventOutputs);
        runCards(m_flow.cards, 0, firstCard);
        return finish();
    }

    RunResult runAsHelper(const QJsonObject &inputs)
    {
        auto outputs = buildHelperOutputs(m_flow.event, inputs);
        if (!outputs) {
            FlowOutcome outcome;
            outcome.kind = FlowOutcome::Kind::CardError;
            outcome.errorType = outputs.error().type;
            outcome.message = QStringLiteral("Helper Flow: ") + outputs.error().message;
            return failBeforeStart(outcome);
        }
        return start(*outputs, 0);
    }

    RunResult failBeforeStart(FlowOutcome outcome)
    {
        m_outcome = std::move(outcome);
        return finish();
    }

    void restoreScope(const QJsonObject &outputs)
    {
        for (auto it = outputs.begin(); it != outputs.end(); ++it)
            m_scope.insert(it.key(), it.value().toObject());
    }

    void runDeferred()
    {
        for (const auto &[flowId, inputs] : std::as_const(m_deferred)) {
            const auto result = callFlow(flowId, inputs);
            if (!result)
                qCWarning(lcEngine) << "Call Flow Async" << flowId << "failed:" << result.error().message;
        }
        m_deferred.clear();
    }

    QList<std::pair<QString, QJsonObject>> takeDeferred() { return std::exchange(m_deferred, {}); }

private:
    RunResult finish()
    {
        RunResult result;
        result.outcome = m_outcome;
        result.status = statusFor(m_outcome.kind);
        result.early = m_early;
        result.trace = std::move(m_trace);
        result.durationUs = m_timer.nsecsElapsed() / 1000;
        if (m_outcome.kind == FlowOutcome::Kind::Pause || m_outcome.kind == FlowOutcome::Kind::PauseRaw) {
            Continuation continuation;
            continuation.flowId = m_flow.id;
            continuation.executionId = m_options.executionId;
            continuation.nextIndex = m_pauseNext;
            continuation.pauseCardId = m_outcome.cardId;
            continuation.raw = m_outcome.kind == FlowOutcome::Kind::PauseRaw;
            for (auto it = m_scope.constBegin(); it != m_scope.constEnd(); ++it)
                continuation.outputs.insert(it.key(), it.value());
            result.continuation = std::move(continuation);
        }
        return result;
    }

    Step end(FlowOutcome outcome)
    {
        m_outcome = std::move(outcome);
        return Step{Step::Kind::End, std::nullopt};
    }

    Step stopFor(const CardNode &node)
    {
        FlowOutcome outcome;
        const bool canceled = m_options.cancel && m_options.cancel->load();
        outcome.kind = canceled ? FlowOutcome::Kind::Canceled : FlowOutcome::Kind::TimedOut;
        outcome.message =
            canceled ? QStringLiteral("the execution was canceled before card '%1'").arg(cardName(node))
                     : QStringLiteral("the execution ran out of time before card '%1'").arg(cardName(node));
        outcome.cardId = node.id;
        return end(outcome);
    }

    Step fail(const CardNode &node, const Error &error)
    {
        if (stopRequested() && (error.type == ErrorType::Canceled || error.type == ErrorType::Timeout))
            return stopFor(node);
        FlowOutcome outcome;
        outcome.kind = FlowOutcome::Kind::CardError;
        outcome.message = cardName(node) + QStringLiteral(": ") + error.message;
        outcome.cardId = node.id;
        outcome.errorType = error.type;
        return end(outcome);
    }

    QString cardName(const CardNode &node) const
    {
        if (!node.name.isEmpty())
            return node.name;
        const CardSpec *spec = m_catalogue.find(node.function);
        return spec ? spec->name : node.function;
    }

    QJsonValue resolve(const Binding &binding) const
    {
        switch (binding.kind) {
        case Binding::Kind::Constant:
            return binding.constant;
        case Binding::Kind::Reference: {
            const auto it = m_scope.constFind(binding.sourceCard);
            if (it == m_scope.constEnd())
                return QJsonValue(QJsonValue::Null);
            return valueAtPath(it->value(binding.path.first()), binding.path, 1)
                .value_or(QJsonValue(QJsonValue::Null));
        }
        case Binding::Kind::Unset:
            break;
        }
        return QJsonValue(QJsonValue::Null);
    }

    // Each input's value as resolveAll() has it, resolved only when asked for.
    RawInput rawInputs(const QList<InputBinding> &inputs) const
    {
        return [this, &inputs](const QString &name) {
            for (auto it = inputs.crbegin(); it != inputs.crend(); ++it) { // the last one wins
                if (it->name == name)
                    return resolve(it->binding);
            }
            return QJsonValue(QJsonValue::Undefined);
        };
    }

    QJsonObject resolveAll(const QList<InputBinding> &inputs) const
    {
        QJsonObject raw;
        for (const InputBinding &input : inputs)
            raw.insert(input.name, resolve(input.binding));
        return raw;
    }

    qsizetype beginTrace(const CardNode &node, int depth)
    {
        if (!m_options.recordTrace)
            return -1;
        TraceEntry entry;
        entry.cardId = node.id;
        entry.function = node.function;
        entry.name = cardName(node);
        entry.depth = depth;
        m_trace.append(std::move(entry));
        return m_trace.size() - 1;
    }

    void endTrace(qsizetype index, const QJsonObject &inputs, const QJsonObject &outputs, qint64 startNs,
                  const std::optional<Error> &error = std::nullopt)
    {
        if (index < 0)
            return;
        TraceEntry &entry = m_trace[index];
        entry.inputs = inputs;
        entry.outputs = outputs;
        entry.durationUs = (m_timer.nsecsElapsed() - startNs) / 1000;
        entry.error = error;
    }

    Step runCards(const QList<CardNode> &cards, int depth, qsizetype first = 0)
    {
        for (qsizetype i = first; i < cards.size(); ++i) {
            const CardNode &node = cards.at(i);
            if (stopRequested())
                return stopFor(node);
            const Step step = runCard(node, depth, i);
            if (step.kind != Step::Kind::Continue)
                return step;
        }
        return Step{};
    }

    Step runCard(const CardNode &node, int depth, qsizetype index)
    {
        const CardSpec *spec = m_catalogue.find(node.function);
        if (!spec)
            return fail(node, makeError(ErrorType::NotFound,
                                        QStringLiteral("unknown function '%1'").arg(node.function)));
        const qint64 startNs = m_timer.nsecsElapsed();
        const qsizetype traceIndex = beginTrace(node, depth);
        if (spec->kind == CardKind::Block)
            return runBlockCard(node, *spec, depth, traceIndex, startNs);

        auto inputs = prepareCardInputs(*spec, node, rawInputs(node.inputs));
        if (!inputs) {
            endTrace(traceIndex, resolveAll(node.inputs), {}, startNs, inputs.error());
            return fail(node, inputs.error());
        }
        if (spec->kind == CardKind::Control) {
            Step step = runControlCard(node, *inputs, depth, index);
            endTrace(traceIndex, *inputs, {}, startNs,
                     m_outcome.kind == FlowOutcome::Kind::CardError && m_outcome.cardId == node.id
                         ? std::optional<Error>(Error{m_outcome.errorType, m_outcome.message})
                         : std::nullopt);
            return step;
        }
        auto outputs = spec->run(CardCall{node, *inputs, *this});
        if (!outputs) {
            endTrace(traceIndex, *inputs, {}, startNs, outputs.error());
            return fail(node, outputs.error());
        }
        endTrace(traceIndex, *inputs, *outputs, startNs);
        m_scope.insert(node.id, *outputs);
        return Step{};
    }

    Result<bool> condition(const QJsonObject &inputs) const
    {
        const auto as = parseCompareAs(inputs.value(QLatin1String("compareAs")).toString());
        if (!as)
            return makeError(ErrorType::InvalidInput, QStringLiteral("compareAs: unknown comparison type"));
        return compareValues(inputs.value(QLatin1String("a")),
                             inputs.value(QLatin1String("operator")).toString(),
                             inputs.value(QLatin1String("b")), *as);
    }

    Step leaveOrEnd(int depth, FlowOutcome outcome, std::optional<QJsonObject> blockFields)
    {
        if (depth > 0)
            return Step{Step::Kind::LeaveBlock, std::move(blockFields)};
        return end(std::move(outcome));
    }

    Step runControlCard(const CardNode &node, const QJsonObject &inputs, int depth, qsizetype index)
    {
        using K = FlowOutcome::Kind;
        const QString &fn = node.function;
        FlowOutcome outcome;
        outcome.cardId = node.id;
        if (fn == cardid::kComment)
            return Step{};
        if (fn == cardid::kReturn) {
            outcome.kind = K::Return;
            outcome.fields = inputs;
            return leaveOrEnd(depth, outcome, inputs);
        }
        if (fn == cardid::kContinueIf) {
            auto holds = condition(inputs);
            if (!holds)
                return fail(node, holds.error());
            if (*holds)
                return Step{};
            outcome.kind = K::ContinueIfStopped;
            outcome.message = inputs.value(QLatin1String("message")).toString();
            return leaveOrEnd(depth, outcome, std::nullopt);
        }
        if (fn == cardid::kReturnErrorIf || fn == cardid::kReturnError) {
            if (fn == cardid::kReturnErrorIf) {
                auto holds = condition(inputs);
                if (!holds)
                    return fail(node, holds.error());
                if (!*holds)
                    return Step{};
            }
            const double status = inputs.value(QLatin1String("statusCode")).toDouble(400);
            // Range first: converting an out-of-range double (1e300, NaN) to int is undefined.
            if (!(status >= 400 && status <= 599) || status != static_cast<int>(status))
                return fail(node, makeError(ErrorType::InvalidInput,
                                            QStringLiteral("invalid status code %1 (expected 400-599)")
                                                .arg(numberToText(status))));
            outcome.kind = K::ReturnError;
            outcome.statusCode = static_cast<int>(status);
            outcome.message = inputs.value(QLatin1String("message")).toString();
            return end(outcome);
        }
        const bool raw = fn == cardid::kReturnRaw || fn == cardid::kPauseRaw || fn == cardid::kClose;
        if (raw) {
            auto answer = readRawAnswer(inputs);
            if (!answer)
                return fail(node, answer.error());
            outcome.statusCode = answer->statusCode;
            outcome.headers = answer->headers;
            outcome.body = answer->body;
        }
        if (fn == cardid::kReturnRaw) {
            outcome.kind = K::ReturnRaw;
            return end(outcome);
        }
        if (fn == cardid::kClose) {
            outcome.kind = K::Close;
            if (!m_early)
                m_early = outcome;
            return Step{};
        }
        if (fn == cardid::kPause || fn == cardid::kPauseRaw) {
            if (depth > 0)
                return fail(node, makeError(ErrorType::InvalidInput,
                                            QStringLiteral("Pause cannot run inside a block")));
            outcome.kind = fn == cardid::kPause ? K::Pause : K::PauseRaw;
            if (fn == cardid::kPause)
                outcome.fields = inputs;
            m_pauseNext = static_cast<int>(index + 1);
            return end(outcome);
        }
        return fail(node, makeError(ErrorType::Internal, QStringLiteral("no control logic for %1").arg(fn)));
    }

    // Runs the chosen block of If/Else, If/ElseIf or If Error and sets the card's declared outputs
    // from the Return card that left the block.
    Step runBlockCard(const CardNode &node, const CardSpec &spec, int depth, qsizetype traceIndex,
                      qint64 startNs)
    {
        QJsonObject cardInputs;
        Step inner;
        if (node.function == cardid::kIfError) {
            inner = runCards(node.blocks.value(0).cards, depth + 1);
            if (inner.kind == Step::Kind::End && m_outcome.kind == FlowOutcome::Kind::CardError) {
                const QJsonObject error{{QStringLiteral("message"), m_outcome.message},
                                        {QStringLiteral("type"), errorTypeName(m_outcome.errorType)},
                                        {QStringLiteral("cardId"), m_outcome.cardId}};
                m_outcome = FlowOutcome{};
                m_scope.insert(node.id, QJsonObject{{cardid::kIfErrorOutput, error}});
                cardInputs.insert(cardid::kIfErrorOutput, error);
                inner = runCards(node.blocks.value(1).cards, depth + 1);
            }
        } else {
            auto chosen = chooseBlock(node, spec, &cardInputs);
            if (!chosen) {
                endTrace(traceIndex, cardInputs, {}, startNs, chosen.error());
                return fail(node, chosen.error());
            }
            if (*chosen >= 0)
                inner = runCards(node.blocks.at(*chosen).cards, depth + 1);
        }
        if (inner.kind == Step::Kind::End) {
            endTrace(traceIndex, cardInputs, {}, startNs);
            return inner;
        }
        QJsonObject outputs;
        for (const FieldDecl &field : node.outputs) {
            const QJsonValue value = inner.blockFields ? inner.blockFields->value(field.name) : QJsonValue();
            auto converted = convertValue(value, field.type);
            if (!converted) {
                const Error error{converted.error().type,
                                  field.name + QStringLiteral(": ") + converted.error().message};
                endTrace(traceIndex, cardInputs, {}, startNs, error);
                return fail(node, error);
            }
            outputs.insert(field.name, *converted);
        }
        endTrace(traceIndex, cardInputs, outputs, startNs);
        m_scope.insert(node.id, outputs);
        return Step{};
    }

    // The index of the block to run (-1: none), evaluating conditions in order.
    Result<int> chooseBlock(const CardNode &node, const CardSpec &spec, QJsonObject *traceInputs)
    {
        if (node.function == cardid::kIfElse) {
            auto inputs = prepareCardInputs(spec, node, rawInputs(node.inputs));
            if (!inputs)
                return inputs.error();
            *traceInputs = *inputs;
            auto holds = condition(*inputs);
            if (!holds)
                return holds.error();
            return *holds ? 0 : 1;
        }
        for (qsizetype i = 0; i < node.blocks.size(); ++i) {
            const Block &block = node.blocks.at(i);
            if (block.condition.isEmpty())
                return static_cast<int>(i);
            // A block's condition takes the defaults and conversions of the If/Else card's inputs, so an
            // omitted operator means "equal to" here too.
            auto inputs = prepareCardInputs(conditionSpec(), node, rawInputs(block.condition));
            if (!inputs)
                return Error{inputs.error().type,
                             QStringLiteral("block %1: %2").arg(i + 1).arg(inputs.error().message)};
            traceInputs->insert(block.label.isEmpty() ? QStringLiteral("block%1").arg(i + 1) : block.label,
                                *inputs);
            auto holds = condition(*inputs);
            if (!holds)
                return Error{holds.error().type,
                             QStringLiteral("block %1: %2").arg(i + 1).arg(holds.error().message)};
            if (*holds)
                return static_cast<int>(i);
        }
        return -1;
    }

    const CardCatalogue &m_catalogue;
    const Flow &m_flow;
    const RunOptions &m_options;
    const int m_depth;
    QElapsedTimer m_timer;
    mutable std::optional<WaitScope> m_runningLong;
    QHash<QString, QJsonObject> m_scope;
    Trace m_trace;
    FlowOutcome m_outcome;
    std::optional<FlowOutcome> m_early;
    int m_pauseNext = 0;
    QList<std::pair<QString, QJsonObject>> m_deferred;
};

} // namespace

QString executionStatusName(ExecutionStatus status)
{
    for (const auto &entry : kStatusNames) {
        if (entry.status == status)
            return QLatin1String(entry.display);
    }
    return {};
}

QString executionStatusId(ExecutionStatus status)
{
    for (const auto &entry : kStatusNames) {
        if (entry.status == status)
            return QLatin1String(entry.id);
    }
    return {};
}

std::optional<ExecutionStatus> parseExecutionStatusId(const QString &id)
{
    for (const auto &entry : kStatusNames) {
        if (id == QLatin1String(entry.id))
            return entry.status;
    }
    return std::nullopt;
}

QJsonObject Continuation::toJson() const
{
    return QJsonObject{{QStringLiteral("flowId"), flowId},
                       {QStringLiteral("executionId"), executionId},
                       {QStringLiteral("nextIndex"), nextIndex},
                       {QStringLiteral("pauseCardId"), pauseCardId},
                       {QStringLiteral("raw"), raw},
                       {QStringLiteral("outputs"), outputs}};
}

std::optional<Continuation> Continuation::fromJson(const QJsonObject &o)
{
    Continuation c;
    c.flowId = o.value(QLatin1String("flowId")).toString();
    c.executionId = o.value(QLatin1String("executionId")).toString();
    c.nextIndex = o.value(QLatin1String("nextIndex")).toInt(-1);
    c.pauseCardId = o.value(QLatin1String("pauseCardId")).toString();
    c.raw = o.value(QLatin1String("raw")).toBool();
    c.outputs = o.value(QLatin1String("outputs")).toObject();
    if (c.flowId.isEmpty() || c.nextIndex < 0 || c.pauseCardId.isEmpty() ||
        !c.outputs.contains(eventCardId()))
        return std::nullopt;
    return c;
}

Executor::Executor(const CardCatalogue &catalogue) : m_catalogue(catalogue) {}

RunResult Executor::run(const Flow &flow, const EventData &event, const RunOptions &options) const
{
    Execution execution(m_catalogue, flow, options, 0);
    auto outputs = buildEventOutputs(flow.event, event);
    if (!outputs) {
        FlowOutcome outcome;
        outcome.kind = FlowOutcome::Kind::BadRequest;
        outcome.message = outputs.error().message;
        outcome.cardId = eventCardId();
        return execution.failBeforeStart(outcome);
    }
    RunResult result = execution.start(*outputs, 0);
    execution.runDeferred();
    return result;
}

RunResult Executor::resume(const Flow &flow, const Continuation &continuation, const ResumeData &data,
                           const RunOptions &options) const
{
    Execution execution(m_catalogue, flow, options, 0);
    // The execution goes on right after its Pause card; when that card is no longer there (or no longer
    // the same kind of Pause), resuming would run the wrong cards.
    const qsizetype pauseIndex = continuation.nextIndex - 1;
    const CardNode *pauseCard = nullptr;
    if (pauseIndex >= 0 && pauseIndex < flow.cards.size()) {
        const CardNode &node = flow.cards.at(pauseIndex);
        if (node.id == continuation.pauseCardId &&
            node.function == (continuation.raw ? cardid::kPauseRaw : cardid::kPause))
            pauseCard = &node;
    }
    FlowOutcome bad;
    bad.kind = FlowOutcome::Kind::BadRequest;
    if (!pauseCard) {
        bad.message =
            QStringLiteral("the flow was changed since this execution paused; it cannot be resumed");
        return execution.failBeforeStart(bad);
    }
    // The resume request is read like an event: Pause declares its fields as body fields, Pause Raw
    // takes the headers and the body as they came.
    EventData request;
    request.body = data.body;
    request.headers = data.headers;
    EventCard declared;
    if (!continuation.raw)
        declared.body = pauseCard->outputs;
    auto event = buildEventOutputs(declared, request);
    if (!event) {
        bad.message = event.error().message;
        return execution.failBeforeStart(bad);
    }
    const QJsonObject pauseOutputs =
        continuation.raw
            ? QJsonObject{{QStringLiteral("headers"),
                           event->value(QLatin1String("raw")).toObject().value(QLatin1String("headers"))},
                          {QStringLiteral("body"), QString::fromUtf8(data.body)}}
            : event->value(QLatin1String("body")).toObject();
    QJsonObject scope = continuation.outputs;
    scope.insert(continuation.pauseCardId, pauseOutputs);
    execution.restoreScope(scope);
    RunResult result =
        execution.start(continuation.outputs.value(eventCardId()).toObject(), continuation.nextIndex);
    execution.runDeferred();
    return result;
}

RunResult Executor::runHelper(const Flow &flow, const QJsonObject &inputs, const RunOptions &options,
                              int depth) const
{
    Execution execution(m_catalogue, flow, options, depth);
    RunResult result = execution.runAsHelper(inputs);
    execution.runDeferred();
    return result;
}

} // namespace wf
