#pragma once

// The invoke pipeline's ledger over the execution history: every answered execution becomes a history
// record (committed before the answer is sent), and paused ones keep their continuation until they
// are resumed or expire.

#include "endpoint/InvokeService.h"
#include "store/HistoryStore.h"

#include <functional>

namespace wf {

class HistoryLedger final : public ExecutionLedger {
public:
    explicit HistoryLedger(HistoryStore &store, int pausedRetentionDays = 30);

    // Called after every record is committed (for a request log or a live history view).
    void setRecordedCallback(std::function<void(const ExecutionRecord &)> callback);

    Result<bool> record(const InvocationRecord &record) override;
    void recordThen(const InvocationRecord &record, RecordDone done) override;
    Result<std::optional<ExecutionStatus>> status(const QString &flowId, const QString &executionId) override;
    Result<std::optional<Continuation>> takePaused(const QString &flowId,
                                                   const QString &executionId) override;
    Result<std::optional<HttpRequest>> recordedRequest(const QString &flowId,
                                                       const QString &executionId) override;

    // The history record an invocation becomes (before redaction, which the store applies).
    static ExecutionRecord toExecutionRecord(const InvocationRecord &record, const QDateTime &finishedAt);

private:
    HistoryStore &m_store;
    int m_pausedRetentionDays;
    std::function<void(const ExecutionRecord &)> m_recorded;
};

} // namespace wf
