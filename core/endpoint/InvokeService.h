#pragma once

// The flow routes of PRODUCT.md §3 as a transport-free service: an HttpRequest in, an HttpAnswer out.
// Runs the invoke pipeline in the documented order (alias, method, size, security, on/off, rate
// limit, run, shape) and the resume route. Thread-safe: the HTTP adapter calls handle() from worker
// threads; the workspace it serves is an immutable snapshot that can be swapped at any time.

#include "auth/AccessDecision.h"
#include "endpoint/HttpRequest.h"
#include "endpoint/RateLimiter.h"
#include "endpoint/ResponseShaper.h"
#include "engine/Executor.h"
#include "store/Workspace.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QStringList>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <variant>

namespace wf {

// What the pipeline reads of the org, immutable once built.
struct EndpointSnapshot {
    Workspace workspace;
    FlowLibrary library;

    static std::shared_ptr<const EndpointSnapshot> of(const Workspace &workspace);
};

// One finished request that created an execution, handed to the ledger before the answer is sent.
struct InvocationRecord {
    QString executionId;
    QString kind; // "invoke", "resume", "retry"
    const Flow *flow = nullptr;
    const HttpRequest *request = nullptr; // as received (the ledger redacts secrets)
    const HttpAnswer *answer = nullptr;
    const RunResult *result = nullptr;
    QString clientId;
    SecurityLevel security = SecurityLevel::None;
    QString retryOf; // the failed execution a retry re-runs
};

// Where executions are recorded and paused ones kept (the history store, or memory in tests).
class ExecutionLedger {
public:
    virtual ~ExecutionLedger() = default;
    // Must return only once the record is durable: nothing answered is ever missing from history.
    virtual Result<bool> record(const InvocationRecord &record) = 0;
    // The same, calling `done` (from any thread, exactly once) once the record is durable or has
    // failed, so that nobody has to wait for it. `record` points into the caller's values: what is
    // kept for later must be copied before returning. By default, record() then `done`.
    using RecordDone = std::function<void(Result<bool>)>;
    virtual void recordThen(const InvocationRecord &record, RecordDone done) { done(this->record(record)); }
    // The status of a known execution of `flowId`, nullopt when there is none, an error when history
    // cannot be read now (its database is unreachable).
    virtual Result<std::optional<ExecutionStatus>> status(const QString &flowId,
                                                          const QString &executionId) = 0;
    // Removes and returns the continuation of a paused execution: of two concurrent resumes, one wins
    // (the other gets nullopt). An error when history cannot be read now.
    virtual Result<std::optional<Continuation>> takePaused(const QString &flowId,
                                                           const QString &executionId) = 0;
    // The request an execution of `flowId` ran with, as recorded (secrets redacted); nullopt when it
    // is unknown or was not kept whole (a truncated body), an error when history cannot be read now.
    virtual Result<std::optional<HttpRequest>> recordedRequest(const QString &flowId,
                                                               const QString &executionId) = 0;
};

// An execution running now (history records it only when it ends), for the console's history view.
struct RunningExecution {
    QString executionId;
    QString flowId;
    QString kind;        // "invoke", "resume", "retry"
    QDateTime startedAt; // UTC
    QString peerAddress;
    QString clientId;
    SecurityLevel security = SecurityLevel::None;
};

using AccessTokenVerifier = std::function<AccessDecision(const QString &token, const Flow &flow)>;

class InvokeService final {
public:
    InvokeService(std::shared_ptr<const EndpointSnapshot> snapshot, ExecutionLedger &ledger);

    void setSnapshot(std::shared_ptr<const EndpointSnapshot> snapshot);
    std::shared_ptr<const EndpointSnapshot> snapshot() const;
    void setAccessTokenVerifier(AccessTokenVerifier verifier);
    // The per-flow rate limits, for servers sharing one database to share them (RateLimiter::setShared).
    RateLimiter &rateLimiter() { return m_rateLimiter; }

    // True for paths this service answers (/api/flo/...).
    static bool handles(const QByteArray &path);

    // The answer that can be given from the request head alone (unknown flow, wrong method, body
    // too large), so the transport can refuse before buffering the body.
    std::optional<HttpAnswer> answerBeforeBody(const QByteArray &method, const QByteArray &path,
                                               qint64 contentLength) const;

    // Answers `request`: `done` is called exactly once, from this thread or, once the execution is
    // recorded, from the history writer's; it must be quick. An invocation that ran is answered only
    // after its record is durable.
    using Answered = std::function<void(HttpAnswer)>;
    void handle(const HttpRequest &request, Answered done);
    // The same, waiting for the answer.
    HttpAnswer handle(const HttpRequest &request);

    // The console is the org's owner: it resumes and retries an execution of a flow (by flow id)
    // without the security check, otherwise exactly like the resume and retry routes (on/off, rate
    // limit, the same ledger, the same answers). History records the caller address "console".
    HttpAnswer resumeFromConsole(const QString &flowId, const QString &executionId, const QByteArray &body);
    HttpAnswer retryFromConsole(const QString &flowId, const QString &executionId);
    // The peer address of the executions the console started ("console").
    static QString consoleCallerAddress();

    // Executions running now (invoke, resume, retry), by execution id. One stays listed until the
    // ledger has recorded it, so that an execution no longer listed is found in history.
    QStringList runningExecutions() const;
    // The same, with their flow, kind, start and caller.
    QList<RunningExecution> running() const;
    // Asks a running execution to stop: it ends at its next card boundary, is answered 503 canceled
    // and recorded as Canceled. False when no execution with that id is running.
    bool cancel(const QString &executionId);

private:
    struct Caller {
        QString clientId;
        QByteArray rawQuery; // without clientToken
    };

    void resume(const EndpointSnapshot &snapshot, const Flow &flow, const HttpRequest &request,
                const QString &executionId, const Caller &caller, Answered done);
    void retry(const EndpointSnapshot &snapshot, const Flow &flow, const HttpRequest &request,
               const QString &executionId, const Caller &caller, Answered done);
    void run(const EndpointSnapshot &snapshot, const Flow &flow, const HttpRequest &input,
             const Caller &caller, const QString &kind, const QString &retryOf, Answered done);
    // The security check of step 4; an answer when the request must stop there.
    std::optional<HttpAnswer> authenticate(const Flow &flow, const HttpRequest &request, Caller *caller);
    // Security, on/off and rate limit (steps 4-6); an answer when the request must stop there.
    std::optional<HttpAnswer> admit(const Flow &flow, const HttpRequest &request, Caller *caller);
    // On/off and rate limit (steps 5-6).
    std::optional<HttpAnswer> admitAuthenticated(const Flow &flow);
    void finish(const Flow &flow, const HttpRequest &request, const QString &kind, const QString &executionId,
                const Caller &caller, const RunResult &result, const QString &retryOf, Answered done);
    // Starts `work` with a completion and waits for the answer it gives.
    static HttpAnswer waitFor(const std::function<void(Answered)> &work);
    RunOptions runOptions(const EndpointSnapshot &snapshot, const QString &executionId) const;
    // The status of an execution of `flow` that resume and retry name, or their refusal: 503 when
    // history cannot be read, 404 when there is none (`kept` says for how long history keeps them).
    std::variant<ExecutionStatus, HttpAnswer> knownStatus(const Flow &flow, const QString &executionId,
                                                          const QString &kept);

    // Registers a starting execution; the returned flag is what cancel() raises.
    std::shared_ptr<std::atomic_bool> startRunning(RunningExecution execution);
    void stopRunning(const QString &executionId);

    struct Running {
        RunningExecution execution;
        std::shared_ptr<std::atomic_bool> cancel;
    };

    mutable QMutex m_runningMutex;
    QHash<QString, Running> m_running;
    mutable QMutex m_mutex;
    std::shared_ptr<const EndpointSnapshot> m_snapshot;
    ExecutionLedger &m_ledger;
    AccessTokenVerifier m_verifier;
    RateLimiter m_rateLimiter;
    Executor m_executor;
};

// Adds the CORS headers an answer to `request` gets from `flow` (none when the origin is not allowed).
void addCorsHeaders(const Flow &flow, const HttpRequest &request, HttpAnswer *answer);

} // namespace wf
