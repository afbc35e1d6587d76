#include "store/HistoryLedger.h"

namespace wf {

HistoryLedger::HistoryLedger(HistoryStore &store, int pausedRetentionDays)
    : m_store(store), m_pausedRetentionDays(pausedRetentionDays)
{}

void HistoryLedger::setRecordedCallback(std::function<void(const ExecutionRecord &)> callback)
{
    m_recorded = std::move(callback);
}

ExecutionRecord HistoryLedger::toExecutionRecord(const InvocationRecord &r, const QDateTime &finishedAt)
{
    ExecutionRecord record;
    record.id = r.executionId;
    record.flowId = r.flow->id;
    record.flowAlias = r.flow->alias;
    record.flowName = r.flow->name;
    record.kind = parseExecutionKind(r.kind).value_or(ExecutionKind::Invoke);
    record.status = r.result->status;
    record.durationUs = r.result->durationUs;
    record.startedAt = finishedAt.addMSecs(-(r.result->durationUs / 1000));
    record.caller = CallerInfo{r.request->peerAddress, r.clientId, r.security};
    record.request.method = r.request->method;
    record.request.pathAndQuery =
        r.request->rawQuery.isEmpty() ? r.request->path : r.request->path + '?' + r.request->rawQuery;
    record.request.headers = r.request->headers;
    record.request.body = r.request->body;
    record.request.bodySize = r.request->body.size();
    record.response.status = r.answer->status;
    record.response.headers = r.answer->headers;
    record.response.body = r.answer->body;
    record.response.bodySize = r.answer->body.size();
    if (r.flow->saveAllData)
        record.trace = r.result->trace;
    record.retryOf = r.retryOf;
    if (r.result->status != ExecutionStatus::Success && r.result->status != ExecutionStatus::Paused)
        record.error = r.result->outcome.message;
    return record;
}

Result<bool> HistoryLedger::record(const InvocationRecord &r)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ExecutionRecord record = toExecutionRecord(r, now);
    auto store = [&](ExecutionRecord stored) {
        return r.result->continuation
                   ? m_store.recordPaused(std::move(stored), r.result->continuation->toJson(),
                                          now.addDays(m_pausedRetentionDays))
                   : m_store.record(std::move(stored));
    };
    // The store takes the record by value: hand it over unless the callback needs it afterwards.
    if (!m_recorded)
        return store(std::move(record));
    // What the callback sees is what history keeps: secrets redacted (the store's own redaction of
    // this copy then finds nothing left to do).
    redactRecord(record);
    auto written = store(record);
    if (written)
        m_recorded(record);
    return written;
}

// A paused execution keeps its continuation in the same transaction: that rare case waits.
void HistoryLedger::recordThen(const InvocationRecord &r, RecordDone done)
{
    if (r.result->continuation) {
        done(record(r));
        return;
    }
    ExecutionRecord record = toExecutionRecord(r, QDateTime::currentDateTimeUtc());
    if (!m_recorded) {
        m_store.recordThen(std::move(record), std::move(done));
        return;
    }
    redactRecord(record); // what the callback sees is what history keeps
    auto seen = std::make_shared<const ExecutionRecord>(record);
    m_store.recordThen(std::move(record),
                       [seen, recorded = m_recorded, done = std::move(done)](Result<bool> written) {
                           if (written)
                               recorded(*seen);
                           done(std::move(written));
                       });
}

Result<std::optional<ExecutionStatus>> HistoryLedger::status(const QString &flowId,
                                                             const QString &executionId)
{
    auto record = m_store.get(executionId);
    if (!record && record.error().type != ErrorType::NotFound)
        return record.error();
    if (!record || record->flowId != flowId)
        return std::optional<ExecutionStatus>();
    return std::optional<ExecutionStatus>(record->status);
}

Result<std::optional<Continuation>> HistoryLedger::takePaused(const QString &flowId,
                                                              const QString &executionId)
{
    auto paused = m_store.takePaused(executionId, flowId);
    if (!paused && paused.error().type != ErrorType::NotFound)
        return paused.error();
    if (!paused || paused->flowId != flowId)
        return std::optional<Continuation>();
    return Continuation::fromJson(paused->continuation);
}

Result<std::optional<HttpRequest>> HistoryLedger::recordedRequest(const QString &flowId,
                                                                  const QString &executionId)
{
    auto record = m_store.get(executionId);
    if (!record && record.error().type != ErrorType::NotFound)
        return record.error();
    if (!record || record->flowId != flowId || record->request.bodyTruncated)
        return std::optional<HttpRequest>();
    HttpRequest request;
    request.method = record->request.method;
    const QByteArray &pathAndQuery = record->request.pathAndQuery;
    const qsizetype question = pathAndQuery.indexOf('?');
    request.path = question < 0 ? pathAndQuery : pathAndQuery.left(question);
    request.rawQuery = question < 0 ? QByteArray() : pathAndQuery.mid(question + 1);
    request.headers = record->request.headers;
    request.body = record->request.body;
    request.peerAddress = record->caller.address;
    return std::optional<HttpRequest>(std::move(request));
}

} // namespace wf
