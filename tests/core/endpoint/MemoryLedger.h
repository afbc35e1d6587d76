#pragma once

// Shared by the invoke pipeline's test classes (tst_invokeservice: the pipeline and its answers;
// tst_invokeoutage: a history that cannot be read or written): an ExecutionLedger in memory that
// keeps paused continuations like the history store does, and fails each kind of call on demand
// the way an unreachable database does.

#include "endpoint/InvokeService.h"

#include <QHash>
#include <QList>
#include <functional>

namespace wf::invoketest {

// What a ledger over an unreachable database reports: the kind of detail (address, user, the
// driver's words) that must reach the server's log only, never an answer.
inline const QString kDatabaseDown =
    QStringLiteral("could not connect to server at db.internal:5432 as wf: Connection refused");

// Records in memory and keeps paused continuations, like the history store does.
class MemoryLedger final : public ExecutionLedger {
public:
    struct Entry {
        QString executionId;
        QString kind;
        QString flowId;
        ExecutionStatus status;
        int httpStatus;
        QByteArray rawQuery;
        HttpRequest request;
        QString retryOf;
    };
    QList<Entry> entries;
    QHash<QString, Continuation> paused;
    // Each makes its kind of call fail with kDatabaseDown.
    bool failWrites = false;
    bool failStatus = false;
    bool failTakes = false;
    bool failRequests = false;
    std::function<void(const InvocationRecord &)> onRecord; // called as the ledger records

    Result<bool> record(const InvocationRecord &r) override
    {
        if (onRecord)
            onRecord(r);
        if (failWrites)
            return makeError(ErrorType::Internal, kDatabaseDown);
        entries.append({r.executionId, r.kind, r.flow->id, r.result->status, r.answer->status,
                        r.request->rawQuery, *r.request, r.retryOf});
        if (r.result->continuation)
            paused.insert(r.executionId, *r.result->continuation);
        return true;
    }
    Result<std::optional<ExecutionStatus>> status(const QString &flowId, const QString &executionId) override
    {
        if (failStatus)
            return makeError(ErrorType::Internal, kDatabaseDown);
        for (auto it = entries.crbegin(); it != entries.crend(); ++it) {
            if (it->executionId == executionId && it->flowId == flowId)
                return std::optional<ExecutionStatus>(it->status);
        }
        return std::optional<ExecutionStatus>();
    }
    Result<std::optional<HttpRequest>> recordedRequest(const QString &flowId,
                                                       const QString &executionId) override
    {
        if (failRequests)
            return makeError(ErrorType::Internal, kDatabaseDown);
        for (const Entry &entry : std::as_const(entries)) {
            if (entry.executionId == executionId && entry.flowId == flowId)
                return std::optional<HttpRequest>(entry.request);
        }
        return std::optional<HttpRequest>();
    }
    Result<std::optional<Continuation>> takePaused(const QString &, const QString &executionId) override
    {
        // A take that fails takes nothing: the execution stays paused for a later resume.
        if (failTakes)
            return makeError(ErrorType::Internal, kDatabaseDown);
        if (!paused.contains(executionId))
            return std::optional<Continuation>();
        return std::optional<Continuation>(paused.take(executionId));
    }
};

} // namespace wf::invoketest
