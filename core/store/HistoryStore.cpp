#include "store/HistoryStore.h"

#include "store/HistorySchema.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <atomic>

namespace wf {

using namespace historydb;

namespace {

// Connection names must be unique in the process: one serial per store, one number per reader.
std::atomic<quint64> g_nextSerial{1};
std::atomic<quint64> g_nextConnection{1};

} // namespace

namespace detail {

// The read connections one opening of a store made, so that closing the store can remove them.
struct HistoryReadRegistry {
    std::mutex mutex;
    QStringList names;
    bool closed = false;

    void release(const QString &name)
    {
        std::lock_guard lock(mutex);
        if (names.removeOne(name))
            QSqlDatabase::removeDatabase(name);
    }

    void releaseAll()
    {
        std::lock_guard lock(mutex);
        closed = true;
        for (const QString &name : std::as_const(names))
            QSqlDatabase::removeDatabase(name);
        names.clear();
    }
};

} // namespace detail

namespace {

// This thread's read connections, one per open store; removed when the thread ends.
struct ThreadReadConnections {
    struct Entry {
        quint64 serial;
        std::weak_ptr<detail::HistoryReadRegistry> registry;
        QString name;
    };
    std::vector<Entry> entries;

    ~ThreadReadConnections()
    {
        for (const Entry &entry : entries) {
            if (auto registry = entry.registry.lock())
                registry->release(entry.name);
        }
    }
};

} // namespace

struct HistoryStore::WriteJob {
    WriteWork work;
    std::optional<Error> error;
    bool done = false;
};

HistoryStore::HistoryStore() = default;

HistoryStore::~HistoryStore()
{
    close();
}

int HistoryStore::latestSchemaVersion()
{
    return migrations().back().version;
}

Result<bool> HistoryStore::open(const QString &path, const HistoryStoreOptions &options)
{
    if (isOpen() || m_writer.joinable())
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("the history store is already open: close it first"));
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return makeError(ErrorType::Internal,
                         QStringLiteral("the Qt SQLite driver (QSQLITE) is not available: install the Qt 6 "
                                        "SQL SQLite plugin"));
    m_path = QFileInfo(path).absoluteFilePath();
    m_options = options;
    m_options.maxBatch = std::max(1, m_options.maxBatch);
    m_serial = g_nextSerial.fetch_add(1);
    {
        std::lock_guard lock(m_mutex);
        m_stopping = false;
        m_stats = {};
    }
    std::promise<std::optional<Error>> started;
    std::future<std::optional<Error>> result = started.get_future();
    m_writer = std::thread(&HistoryStore::writerMain, this, std::move(started));
    if (std::optional<Error> error = result.get()) {
        m_writer.join();
        return *error;
    }
    std::lock_guard lock(m_mutex);
    m_reads = std::make_shared<detail::HistoryReadRegistry>();
    m_accepting = true;
    qCDebug(lcStore).noquote() << "opened history database" << m_path;
    return true;
}

void HistoryStore::close()
{
    std::shared_ptr<detail::HistoryReadRegistry> reads;
    {
        std::lock_guard lock(m_mutex);
        m_accepting = false;
        m_stopping = true;
        reads = std::move(m_reads);
    }
    m_queueChanged.notify_all();
    if (m_writer.joinable())
        m_writer.join(); // after the queued writes are done
    if (reads)
        reads->releaseAll();
}

bool HistoryStore::isOpen() const
{
    std::lock_guard lock(m_mutex);
    return m_accepting;
}

QString HistoryStore::path() const
{
    return m_path;
}

HistoryStore::Statistics HistoryStore::statistics() const
{
    std::lock_guard lock(m_mutex);
    Statistics stats = m_stats;
    stats.queued = m_queue.size();
    return stats;
}

// --- the writer thread --------------------------------------------------------------------------

void HistoryStore::writerMain(std::promise<std::optional<Error>> started)
{
    const QString name = QStringLiteral("wf.history.%1.writer").arg(m_serial);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_path);
        std::optional<Error> error = configureWriter(db, m_path, m_options);
        const bool ok = !error;
        started.set_value(std::move(error));
        if (ok)
            writerLoop(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void HistoryStore::writerLoop(QSqlDatabase &db)
{
    for (;;) {
        std::vector<WriteJob *> batch;
        {
            std::unique_lock lock(m_mutex);
            m_queueChanged.wait(lock, [this] { return !m_queue.empty() || m_stopping; });
            if (m_queue.empty())
                return; // stopping, and every write that was accepted is done
            while (!m_queue.empty() && batch.size() < std::size_t(m_options.maxBatch)) {
                batch.push_back(m_queue.front());
                m_queue.pop_front();
            }
            m_stats.writing = batch.size();
        }
        runBatch(db, batch);
        {
            std::lock_guard lock(m_mutex);
            for (WriteJob *job : batch)
                job->done = true;
            m_stats.writing = 0;
        }
        m_jobsDone.notify_all();
    }
}

void HistoryStore::runBatch(QSqlDatabase &db, const std::vector<WriteJob *> &batch)
{
    const int timeout = m_options.busyTimeoutMs;
    const QString what = QStringLiteral("writing executions");
    auto failAll = [&batch](const Error &error) {
        for (WriteJob *job : batch) {
            if (!job->error)
                job->error = error;
        }
    };
    if (auto error = execSql(db, QStringLiteral("BEGIN IMMEDIATE"), m_path, what, timeout)) {
        failAll(*error);
        return;
    }
    QSqlQuery q(db);
    for (WriteJob *job : batch) {
        if (!q.exec(QStringLiteral("SAVEPOINT write"))) {
            job->error = storeError(q.lastError(), m_path, what, timeout);
            continue;
        }
        job->error = job->work(db);
        if (!job->error) {
            q.exec(QStringLiteral("RELEASE write"));
            continue;
        }
        // A failed write is undone alone, unless SQLite already rolled the whole transaction back
        // (disk full, I/O error): then nothing of this batch was committed.
        if (!q.exec(QStringLiteral("ROLLBACK TO write"))) {
            qCWarning(lcStore).noquote()
                << "history database" << m_path << "rolled the whole batch back after a failed write";
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            failAll(*job->error);
            return;
        }
        q.exec(QStringLiteral("RELEASE write"));
    }
    if (!q.exec(QStringLiteral("COMMIT"))) {
        const Error error =
            storeError(q.lastError(), m_path, QStringLiteral("committing executions"), timeout);
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        failAll(error);
        return;
    }
    std::lock_guard lock(m_mutex);
    ++m_stats.transactions;
    for (WriteJob *job : batch) {
        if (!job->error)
            ++m_stats.writes;
    }
    m_stats.largestBatch = std::max<quint64>(m_stats.largestBatch, batch.size());
}

std::optional<Error> HistoryStore::write(WriteWork work)
{
    WriteJob job{std::move(work), std::nullopt, false};
    std::unique_lock lock(m_mutex);
    if (!m_accepting)
        return makeError(ErrorType::Internal, QStringLiteral("the history store is not open"));
    m_queue.push_back(&job);
    m_queueChanged.notify_one();
    m_jobsDone.wait(lock, [&job] { return job.done; });
    return job.error;
}

// --- reads ---------------------------------------------------------------------------------------

Result<QSqlDatabase> HistoryStore::readConnection() const
{
    std::shared_ptr<detail::HistoryReadRegistry> registry;
    {
        std::lock_guard lock(m_mutex);
        if (!m_accepting || !m_reads)
            return makeError(ErrorType::Internal, QStringLiteral("the history store is not open"));
        registry = m_reads;
    }
    thread_local ThreadReadConnections connections;
    auto &entries = connections.entries;
    // Connections of closed stores were removed with them; forget them here too.
    entries.erase(std::remove_if(entries.begin(), entries.end(),
                                 [](const ThreadReadConnections::Entry &e) { return e.registry.expired(); }),
                  entries.end());
    for (const auto &entry : entries) {
        if (entry.serial == m_serial)
            return QSqlDatabase::database(entry.name, false);
    }

    const QString name =
        QStringLiteral("wf.history.%1.reader%2").arg(m_serial).arg(g_nextConnection.fetch_add(1));
    std::optional<Error> error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_path);
        const int timeout = m_options.busyTimeoutMs;
        const QString what = QStringLiteral("opening a read connection");
        if (!db.open())
            error = storeError(db.lastError(), m_path, what, timeout);
        if (!error)
            error =
                execSql(db, QStringLiteral("PRAGMA busy_timeout = %1").arg(timeout), m_path, what, timeout);
        if (!error)
            error = execSql(db, QStringLiteral("PRAGMA query_only = 1"), m_path, what, timeout);
    }
    if (!error) {
        std::lock_guard lock(registry->mutex);
        if (registry->closed)
            error = makeError(ErrorType::Internal, QStringLiteral("the history store is not open"));
        else
            registry->names.append(name);
    }
    if (error) {
        QSqlDatabase::removeDatabase(name);
        return *error;
    }
    entries.push_back({m_serial, registry, name});
    return QSqlDatabase::database(name, false);
}

Result<ExecutionRecord> HistoryStore::get(const QString &executionId) const
{
    Result<QSqlDatabase> db = readConnection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    if (!bindAndExec(q, QStringLiteral("SELECT * FROM executions WHERE id = ?"), {executionId}))
        return storeError(q.lastError(), m_path, QStringLiteral("reading an execution"),
                          m_options.busyTimeoutMs);
    if (!q.next())
        return makeError(ErrorType::NotFound, QStringLiteral("no execution %1 in history").arg(executionId));
    return readRecord(q, true);
}

Result<QList<ExecutionRecord>> HistoryStore::list(const HistoryFilter &filter) const
{
    Result<QSqlDatabase> db = readConnection();
    if (!db)
        return db.error();
    auto [where, values] = whereClause(filter);
    values.append(filter.limit < 0 ? -1 : filter.limit);
    values.append(std::max(0, filter.offset));
    const QString sql = QStringLiteral("SELECT ") +
                        (filter.withData ? QStringLiteral("*") : summaryColumns()) +
                        QStringLiteral(" FROM executions") + where +
                        QStringLiteral(" ORDER BY started_at DESC, rowid DESC LIMIT ? OFFSET ?");
    QSqlQuery q(*db);
    q.setForwardOnly(true);
    if (!bindAndExec(q, sql, values))
        return storeError(q.lastError(), m_path, QStringLiteral("listing executions"),
                          m_options.busyTimeoutMs);
    QList<ExecutionRecord> records;
    while (q.next())
        records.append(readRecord(q, filter.withData));
    return records;
}

Result<qint64> HistoryStore::count(const HistoryFilter &filter) const
{
    Result<QSqlDatabase> db = readConnection();
    if (!db)
        return db.error();
    const auto [where, values] = whereClause(filter);
    QSqlQuery q(*db);
    if (!bindAndExec(q, QStringLiteral("SELECT COUNT(*) FROM executions") + where, values) || !q.next())
        return storeError(q.lastError(), m_path, QStringLiteral("counting executions"),
                          m_options.busyTimeoutMs);
    return q.value(0).toLongLong();
}

Result<bool> HistoryStore::pausedExists(const QString &executionId, const QString &flowId,
                                        const QDateTime &now) const
{
    Result<QSqlDatabase> db = readConnection();
    if (!db)
        return db.error();
    auto [where, values] = pausedWhere(executionId, flowId);
    values.append(now.toMSecsSinceEpoch());
    QSqlQuery q(*db);
    if (!bindAndExec(q,
                     QStringLiteral("SELECT 1 FROM paused_executions") + where +
                         QStringLiteral(" AND expires_at > ?"),
                     values))
        return storeError(q.lastError(), m_path, QStringLiteral("reading a paused execution"),
                          m_options.busyTimeoutMs);
    return q.next();
}

// --- writes --------------------------------------------------------------------------------------

std::optional<Error> HistoryStore::prepareRecord(ExecutionRecord &record) const
{
    if (!isExecutionId(record.id))
        return makeError(
            ErrorType::InvalidInput,
            QStringLiteral("execution id '%1' is not 32 lowercase hex characters").arg(record.id));
    if (record.flowId.isEmpty())
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("execution %1 has no flow id").arg(record.id));
    if (!record.startedAt.isValid())
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("execution %1 has no start time").arg(record.id));
    record.startedAt = record.startedAt.toUTC();
    redactRecord(record); // before capping, so that no secret is cut in half and kept
    capRecord(record, m_options.maxBodyBytes, m_options.maxTraceBytes);
    return std::nullopt;
}

namespace {

struct PausedRow {
    QString executionId;
    QString flowId;
    QString continuation;
    qint64 expiresAtMs;
};

std::optional<Error> upsertRecord(QSqlDatabase &db, const ExecutionRecord &record, const QString &path,
                                  int timeout)
{
    static const QString sql = upsertSql();
    QSqlQuery q(db);
    if (!bindAndExec(q, sql, recordValues(record)))
        return storeError(q.lastError(), path, QStringLiteral("recording execution %1").arg(record.id),
                          timeout);
    return std::nullopt;
}

std::optional<Error> insertPaused(QSqlDatabase &db, const PausedRow &row, const QString &path, int timeout)
{
    QSqlQuery q(db);
    if (!bindAndExec(q,
                     QStringLiteral("INSERT OR REPLACE INTO paused_executions (execution_id, flow_id, "
                                    "continuation, created_at, expires_at) VALUES (?, ?, ?, ?, ?)"),
                     {row.executionId, row.flowId, row.continuation, QDateTime::currentMSecsSinceEpoch(),
                      row.expiresAtMs}))
        return storeError(q.lastError(), path,
                          QStringLiteral("saving paused execution %1").arg(row.executionId), timeout);
    return std::nullopt;
}

Result<PausedRow> pausedRow(const QString &executionId, const QString &flowId,
                            const QJsonObject &continuation, const QDateTime &expiresAt)
{
    if (executionId.isEmpty() || flowId.isEmpty())
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("a paused execution needs an execution id and a flow id"));
    if (!expiresAt.isValid())
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("paused execution %1 has no expiry time").arg(executionId));
    const QByteArray json = QJsonDocument(redactContinuation(continuation)).toJson(QJsonDocument::Compact);
    return PausedRow{executionId, flowId, QString::fromUtf8(json), expiresAt.toMSecsSinceEpoch()};
}

} // namespace

Result<bool> HistoryStore::record(ExecutionRecord record)
{
    if (auto error = prepareRecord(record))
        return *error;
    const int timeout = m_options.busyTimeoutMs;
    if (auto error = write([&](QSqlDatabase &db) { return upsertRecord(db, record, m_path, timeout); }))
        return *error;
    return true;
}

Result<bool> HistoryStore::recordPaused(ExecutionRecord record, const QJsonObject &continuation,
                                        const QDateTime &expiresAt)
{
    if (auto error = prepareRecord(record))
        return *error;
    Result<PausedRow> row = pausedRow(record.id, record.flowId, continuation, expiresAt);
    if (!row)
        return row.error();
    const int timeout = m_options.busyTimeoutMs;
    auto error = write([&](QSqlDatabase &db) -> std::optional<Error> {
        if (auto failed = upsertRecord(db, record, m_path, timeout))
            return failed;
        return insertPaused(db, *row, m_path, timeout);
    });
    if (error)
        return *error;
    return true;
}

Result<int> HistoryStore::clear(const QString &flowId)
{
    int removed = 0;
    const int timeout = m_options.busyTimeoutMs;
    auto error = write([&](QSqlDatabase &db) -> std::optional<Error> {
        QSqlQuery q(db);
        const bool ok =
            flowId.isEmpty()
                ? q.exec(QStringLiteral("DELETE FROM executions"))
                : bindAndExec(q, QStringLiteral("DELETE FROM executions WHERE flow_id = ?"), {flowId});
        if (!ok)
            return storeError(q.lastError(), m_path, QStringLiteral("clearing history"), timeout);
        removed = q.numRowsAffected();
        return std::nullopt;
    });
    if (error)
        return *error;
    qCInfo(lcStore).noquote() << "cleared" << removed << "executions"
                              << (flowId.isEmpty() ? QStringLiteral("of every flow")
                                                   : QString(QStringLiteral("of flow ") + flowId));
    return removed;
}

Result<int> HistoryStore::prune(const QDateTime &olderThan)
{
    if (!olderThan.isValid())
        return makeError(ErrorType::InvalidInput, QStringLiteral("prune needs a valid time"));
    int removed = 0;
    const int timeout = m_options.busyTimeoutMs;
    auto error = write([&](QSqlDatabase &db) -> std::optional<Error> {
        QSqlQuery q(db);
        if (!bindAndExec(q, QStringLiteral("DELETE FROM executions WHERE started_at < ?"),
                         {olderThan.toMSecsSinceEpoch()}))
            return storeError(q.lastError(), m_path, QStringLiteral("pruning history"), timeout);
        removed = q.numRowsAffected();
        return std::nullopt;
    });
    if (error)
        return *error;
    return removed;
}

Result<bool> HistoryStore::savePaused(const QString &executionId, const QString &flowId,
                                      const QJsonObject &continuation, const QDateTime &expiresAt)
{
    Result<PausedRow> row = pausedRow(executionId, flowId, continuation, expiresAt);
    if (!row)
        return row.error();
    const int timeout = m_options.busyTimeoutMs;
    if (auto error = write([&](QSqlDatabase &db) { return insertPaused(db, *row, m_path, timeout); }))
        return *error;
    return true;
}

Result<PausedExecution> HistoryStore::takePaused(const QString &executionId, const QString &flowId,
                                                 const QDateTime &now)
{
    std::optional<PausedExecution> taken;
    bool expired = false;
    const int timeout = m_options.busyTimeoutMs;
    auto error = write([&](QSqlDatabase &db) -> std::optional<Error> {
        const QString what = QStringLiteral("taking paused execution %1").arg(executionId);
        QSqlQuery q(db);
        const auto [where, values] = pausedWhere(executionId, flowId);
        if (!bindAndExec(q,
                         QStringLiteral("SELECT flow_id, continuation, created_at, expires_at FROM "
                                        "paused_executions") +
                             where,
                         values))
            return storeError(q.lastError(), m_path, what, timeout);
        if (!q.next())
            return std::nullopt;
        PausedExecution paused;
        paused.executionId = executionId;
        paused.flowId = q.value(0).toString();
        paused.continuation = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
        paused.createdAt = fromMs(q.value(2).toLongLong());
        paused.expiresAt = fromMs(q.value(3).toLongLong());
        q.finish();
        // The single writer runs this SELECT and DELETE in one transaction: no other take sees the row.
        if (!bindAndExec(q, QStringLiteral("DELETE FROM paused_executions WHERE execution_id = ?"),
                         {executionId}))
            return storeError(q.lastError(), m_path, what, timeout);
        if (q.numRowsAffected() != 1)
            return std::nullopt;
        if (paused.expiresAt <= now)
            expired = true; // removed all the same: it can never be resumed
        else
            taken = std::move(paused);
        return std::nullopt;
    });
    if (error)
        return *error;
    if (expired)
        return makeError(ErrorType::NotFound,
                         QStringLiteral("paused execution %1 has expired").arg(executionId));
    if (!taken)
        return makeError(ErrorType::NotFound, QStringLiteral("no paused execution %1").arg(executionId));
    return *std::move(taken);
}

Result<int> HistoryStore::prunePaused(const QDateTime &now)
{
    int removed = 0;
    const int timeout = m_options.busyTimeoutMs;
    auto error = write([&](QSqlDatabase &db) -> std::optional<Error> {
        QSqlQuery q(db);
        if (!bindAndExec(q, QStringLiteral("DELETE FROM paused_executions WHERE expires_at <= ?"),
                         {now.toMSecsSinceEpoch()}))
            return storeError(q.lastError(), m_path, QStringLiteral("pruning paused executions"), timeout);
        removed = q.numRowsAffected();
        return std::nullopt;
    });
    if (error)
        return *error;
    return removed;
}

} // namespace wf
