#pragma once

// Runs a flow: resolves each card's inputs from constants and earlier outputs, runs the card, records
// the trace, and stops at the card that ends the flow (Return, Return Raw, Return Error, Continue If,
// Pause, an unhandled error). Executions share nothing mutable: one Executor serves many threads.

#include "engine/CardCatalogue.h"
#include "engine/EventData.h"
#include "engine/Trace.h"
#include "flow/Flow.h"

#include <QDeadlineTimer>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace wf {

class FlowLibrary;

enum class ExecutionStatus { InProgress, Success, Failed, Paused, Canceled, TimedOut };

QString executionStatusName(ExecutionStatus status); // "Success", "Timed out", ...
QString executionStatusId(ExecutionStatus status);   // "success", "timedOut", ...
std::optional<ExecutionStatus> parseExecutionStatusId(const QString &id);

// How the flow ended, before it is turned into an HTTP answer (core/endpoint/ResponseShaper).
struct FlowOutcome {
    enum class Kind {
        NoReturn,          // ran to the end without a Return card
        Return,            // fields
        ReturnRaw,         // statusCode, headers, body
        ContinueIfStopped, // message (may be empty)
        ReturnError,       // statusCode, message
        CardError,         // message "<card name>: <message>", errorType
        Pause,             // fields
        PauseRaw,          // statusCode, headers, body
        Close,             // statusCode, headers, body (answered early; the flow went on)
        BadRequest,        // message: the request could not become the event (malformed JSON, ...)
        TimedOut,
        Canceled,
    };
    Kind kind = Kind::NoReturn;
    QJsonObject fields;
    int statusCode = 200;
    QJsonObject headers;
    QString body;
    QString message;
    QString cardId;
    ErrorType errorType = ErrorType::Internal;
};

// Everything needed to finish a paused execution later, possibly in another process.
struct Continuation {
    QString flowId;
    QString executionId;
    int nextIndex = 0; // index of the top-level card after the Pause
    QString pauseCardId;
    bool raw = false;    // Pause Raw
    QJsonObject outputs; // card id → outputs, including "event"

    QJsonObject toJson() const;
    static std::optional<Continuation> fromJson(const QJsonObject &object);
};

struct ResumeData {
    QByteArray body;
    HeaderList headers;
};

struct RunOptions {
    QString executionId;
    QDeadlineTimer deadline{QDeadlineTimer::Forever};
    std::shared_ptr<std::atomic_bool> cancel; // may be null
    bool recordTrace = true;
    const FlowLibrary *library = nullptr; // helper flows
    std::function<QDateTime()> clock;     // default: the current UTC time
    // Where Call Flow Async hands its work; when unset the helper runs after the calling flow ends.
    std::function<void(const QString &flowId, const QJsonObject &inputs)> asyncSink;
    // After running this long, the execution counts as waiting (WaitScope): a worker pool sized to
    // the cores starts another thread for the requests queued behind it.
    qint64 longRunMs = 10;
};

struct RunResult {
    ExecutionStatus status = ExecutionStatus::Success;
    FlowOutcome outcome;
    std::optional<FlowOutcome> early; // set by Close: this is what the caller was answered
    Trace trace;
    std::optional<Continuation> continuation; // set when status == Paused
    qint64 durationUs = 0;
};

inline constexpr int kMaxCallDepth = 16;

class Executor final {
public:
    explicit Executor(const CardCatalogue &catalogue = CardCatalogue::builtIn());

    RunResult run(const Flow &flow, const EventData &event, const RunOptions &options) const;
    RunResult resume(const Flow &flow, const Continuation &continuation, const ResumeData &data,
                     const RunOptions &options) const;
    // Runs a helper flow with its inputs, as Call Flow does.
    RunResult runHelper(const Flow &flow, const QJsonObject &inputs, const RunOptions &options,
                        int depth = 0) const;

private:
    const CardCatalogue &m_catalogue;
};

} // namespace wf
