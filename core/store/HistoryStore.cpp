#include "store/HistoryStore.h"

#include "WaitScope.h"
#include "store/DatabaseUrl.h"
#include "store/HistorySchema.h"
#include "store/HistoryWriter.h"
#include "store/SqlDialect.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <limits>

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
    // Set for a write nobody waits for (writeThen): called with the outcome, then the job is deleted.
    std::function<void(std::optional<Error>)> then = {};
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
    m_options = options;
    m_options.maxBatch = std::max(1, m_options.maxBatch);
    m_options.groupWrites = std::clamp(m_options.groupWrites, 1, m_options.maxBatch);
    auto dialect = makeDialect(path, m_options);
    if (!dialect)
        return dialect.error();
    m_dialect = std::move(dialect.value());
    m_path = m_dialect->location();
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

Result<std::shared_ptr<const SqlDialect>> HistoryStore::makeDialect(const QString &location,
                                                                    const HistoryStoreOptions &options)
{
    if (DatabaseUrl::looksLikeUrl(location)) {
        auto url = DatabaseUrl::parse(location);
        if (!url)
            return url.error();
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            return makeError(ErrorType::Internal,
                             QStringLiteral("the Qt PostgreSQL driver (QPSQL) is not available: install the "
                                            "Qt 6 SQL PostgreSQL plugin (Debian: libqt6sql6-psql)"));
        return std::shared_ptr<const SqlDialect>(postgresDialect(*url, options));
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return makeError(ErrorType::Internal,
                         QStringLiteral("the Qt SQLite driver (QSQLITE) is not available: install the Qt 6 "
                                        "SQL SQLite plugin"));
    return std::shared_ptr<const SqlDialect>(sqliteDialect(QFileInfo(location).absoluteFilePath(), options));
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
        QSqlDatabase db = QSqlDatabase::addDatabase(m_dialect->driver(), name);
        std::optional<Error> error = m_dialect->open(db, true);
        if (!error)
            error = migrate(db, *m_dialect);
        const bool ok = !error;
        started.set_value(std::move(error));
        if (ok) {
            Writer writer(db, *m_dialect);
            writerLoop(writer);
        } // its statements are finalised before the connection closes
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void HistoryStore::writerLoop(Writer &writer)
{
    std::size_t lastBatch = 0;
    for (;;) {
        std::vector<WriteJob *> batch;
        {
            std::unique_lock lock(m_mutex);
            m_wakeWriterAt = 1;
            m_queueChanged.wait(lock, [this] { return !m_queue.empty() || m_stopping; });
            if (m_queue.empty())
                return; // stopping, and every write that was accepted is done
            const std::size_t group = std::size_t(m_options.groupWrites);
            if (lastBatch > 1 && m_queue.size() < group && m_options.groupDelayUs > 0 && !m_stopping) {
                m_wakeWriterAt = group;
                m_queueChanged.wait_for(lock, std::chrono::microseconds(m_options.groupDelayUs),
                                        [this, group] { return m_queue.size() >= group || m_stopping; });
            }
            m_wakeWriterAt = std::numeric_limits<std::size_t>::max();
            while (!m_queue.empty() && batch.size() < std::size_t(m_options.maxBatch)) {
                batch.push_back(m_queue.front());
                m_queue.pop_front();
            }
            m_stats.writing = batch.size();
        }
        lastBatch = batch.size();
        runBatch(writer, batch);
        if (std::any_of(batch.begin(), batch.end(),
                        [](const WriteJob *job) { return job->error.has_value(); }))
            writer.checkConnection();
        // A job someone waits for in write() lives on that caller's stack: once done is set it may be
        // gone, so the ones nobody waits for are picked out first.
        std::vector<std::unique_ptr<WriteJob>> unwaited;
        {
            std::lock_guard lock(m_mutex);
            for (WriteJob *job : batch) {
                if (job->then)
                    unwaited.emplace_back(job);
                else
                    job->done = true;
            }
            m_stats.writing = 0;
        }
        if (unwaited.size() < batch.size())
            m_jobsDone.notify_all();
        for (const auto &job : unwaited)
            job->then(std::move(job->error));
        writer.afterBatch();
    }
}

// The batch's writes in one transaction, each one statement after the other (one round trip each
// with PostgreSQL). When one fails, the transaction is rolled back and each write runs again in a
// transaction of its own, so that only the failing one fails; a lost connection fails them all.
void HistoryStore::runBatch(Writer &writer, const std::vector<WriteJob *> &batch)
{
    const QString what = QStringLiteral("writing executions");
    auto failAll = [&batch](const Error &error) {
        for (WriteJob *job : batch)
            job->error = error;
    };
    auto counted = [this, &batch](quint64 transactions) {
        std::lock_guard lock(m_mutex);
        m_stats.transactions += transactions;
        for (WriteJob *job : batch) {
            if (!job->error)
                ++m_stats.writes;
        }
        m_stats.largestBatch = std::max<quint64>(m_stats.largestBatch, batch.size());
    };
    const auto commit = [&writer] {
        return writer.run(WriterSql::Commit, {}, [] { return QStringLiteral("committing executions"); });
    };
    if (auto error = writer.begin(what)) {
        failAll(*error);
        return;
    }
    std::optional<Error> failed;
    for (WriteJob *job : batch) {
        failed = job->work(writer);
        if (failed)
            break;
    }
    if (!failed)
        failed = commit();
    if (!failed) {
        counted(1);
        return;
    }
    writer.run(WriterSql::Rollback);
    writer.checkConnection();
    if (batch.size() == 1 || writer.lost()) {
        failAll(*failed);
        return;
    }
    quint64 transactions = 0;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        WriteJob *job = batch[i];
        job->error = writer.begin(what);
        if (!job->error)
            job->error = job->work(writer);
        if (!job->error)
            job->error = commit();
        if (!job->error) {
            ++transactions;
            continue;
        }
        writer.run(WriterSql::Rollback);
        writer.checkConnection();
        if (writer.lost()) { // the rest would fail alike, each after its own attempt to reconnect
            for (std::size_t rest = i + 1; rest < batch.size(); ++rest)
                batch[rest]->error = job->error;
            break;
        }
    }
    counted(transactions);
}

void HistoryStore::writeThen(WriteWork work, std::function<void(std::optional<Error>)> done)
{
    auto job = std::make_unique<WriteJob>(WriteJob{std::move(work), std::nullopt, false, std::move(done)});
    {
        std::lock_guard lock(m_mutex);
        if (m_accepting) {
            m_queue.push_back(job.release());
            if (m_queue.size() >= m_wakeWriterAt)
                m_queueChanged.notify_one();
            return;
        }
    }
    job->then(makeError(ErrorType::Internal, QStringLiteral("the history store is not open")));
}

std::optional<Error> HistoryStore::write(WriteWork work)
{
    const WaitScope waiting; // for the writer
    WriteJob job{std::move(work), std::nullopt, false};
    std::unique_lock lock(m_mutex);
    if (!m_accepting)
        return makeError(ErrorType::Internal, QStringLiteral("the history store is not open"));
    m_queue.push_back(&job);
    if (m_queue.size() >= m_wakeWriterAt)
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
        if (entry.serial != m_serial)
            continue;
        QSqlDatabase db = QSqlDatabase::database(entry.name, false);
        // Closed after its database went away (readError): open again, or say it is still away.
        if (!db.isOpen()) {
            if (auto error = m_dialect->open(db, false))
                return *error;
        }
        return db;
    }

    const QString name =
        QStringLiteral("wf.history.%1.reader%2").arg(m_serial).arg(g_nextConnection.fetch_add(1));
    std::optional<Error> error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(m_dialect->driver(), name);
        error = m_dialect->open(db, false);
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

Error HistoryStore::readError(QSqlDatabase db, QSqlQuery &q, const QString &what) const
{
    Error error = m_dialect->error(q.lastError(), what);
    q = QSqlQuery(); // no statement may outlive the connection
    if (m_dialect->lostConnection(db))
        db.close(); // reopened by the next read on this thread
    return error;
}

Result<ExecutionRecord> HistoryStore::get(const QString &executionId) const
{
    return withConnection([&](QSqlDatabase db) -> Result<ExecutionRecord> {
        QSqlQuery q(db);
        if (!bindAndExec(q, QStringLiteral("SELECT * FROM executions WHERE id = ?"), {executionId}))
            return readError(db, q, QStringLiteral("reading an execution"));
        if (!q.next())
            return makeError(ErrorType::NotFound,
                             QStringLiteral("no execution %1 in history").arg(executionId));
        return readRecord(q, true);
    });
}

Result<QList<ExecutionRecord>> HistoryStore::list(const HistoryFilter &filter) const
{
    return withConnection([&](QSqlDatabase db) { return listOn(db, filter); });
}

Result<QList<ExecutionRecord>> HistoryStore::listOn(QSqlDatabase db, const HistoryFilter &filter) const
{
    auto [where, values] = whereClause(filter, *m_dialect);
    values.append(filter.limit < 0 ? m_dialect->noLimit() : QVariant(filter.limit));
    values.append(std::max(0, filter.offset));
    const QString sql =
        QStringLiteral("SELECT ") + (filter.withData ? QStringLiteral("*") : summaryColumns()) +
        QStringLiteral(" FROM executions") + where + QStringLiteral(" ORDER BY started_at DESC, ") +
        m_dialect->insertionOrder() + QStringLiteral(" DESC LIMIT ? OFFSET ?");
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!bindAndExec(q, sql, values))
        return readError(db, q, QStringLiteral("listing executions"));
    QList<ExecutionRecord> records;
    while (q.next())
        records.append(readRecord(q, filter.withData));
    return records;
}

Result<qint64> HistoryStore::count(const HistoryFilter &filter) const
{
    const auto [where, values] = whereClause(filter, *m_dialect);
    return withConnection([&](QSqlDatabase db) -> Result<qint64> {
        QSqlQuery q(db);
        if (!bindAndExec(q, QStringLiteral("SELECT COUNT(*) FROM executions") + where, values) || !q.next())
            return readError(db, q, QStringLiteral("counting executions"));
        return q.value(0).toLongLong();
    });
}

Result<bool> HistoryStore::pausedExists(const QString &executionId, const QString &flowId,
                                        const QDateTime &now) const
{
    auto [where, values] = pausedWhere(executionId, flowId);
    values.append(now.toMSecsSinceEpoch());
    const QString sql =
        QStringLiteral("SELECT 1 FROM paused_executions") + where + QStringLiteral(" AND expires_at > ?");
    return withConnection([&](QSqlDatabase db) -> Result<bool> {
        QSqlQuery q(db);
        if (!bindAndExec(q, sql, values))
            return readError(db, q, QStringLiteral("reading a paused execution"));
        return q.next();
    });
}

// --- writes --------------------------------------------------------------------------------------

namespace {

// A record made fit for history and turned into its row on the caller's thread, so that the writer
// thread only binds the values.
struct RecordRow {
    QString id;
    QVariantList values;
};

Result<RecordRow> recordRow(ExecutionRecord record, const HistoryStoreOptions &options)
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
    capBody(record.request.body, record.request.bodySize, record.request.bodyTruncated, options.maxBodyBytes);
    capBody(record.response.body, record.response.bodySize, record.response.bodyTruncated,
            options.maxBodyBytes);
    // The trace is serialised once, for capping and for its column.
    const QByteArray trace = capTraceJson(record.trace, record.traceTruncated, options.maxTraceBytes);
    return RecordRow{record.id, recordValues(record, trace)};
}

// The values of a paused_executions row but created_at, which is taken when it is written.
Result<QVariantList> pausedValues(const QString &executionId, const QString &flowId,
                                  const QJsonObject &continuation, const QDateTime &expiresAt)
{
    if (executionId.isEmpty() || flowId.isEmpty())
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("a paused execution needs an execution id and a flow id"));
    if (!expiresAt.isValid())
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("paused execution %1 has no expiry time").arg(executionId));
    const QByteArray json = QJsonDocument(redactContinuation(continuation)).toJson(QJsonDocument::Compact);
    return QVariantList{executionId, flowId, QString::fromUtf8(json), QVariant(),
                        expiresAt.toMSecsSinceEpoch()};
}

QString recordingWhat(const RecordRow &row)
{
    return QStringLiteral("recording execution %1").arg(row.id);
}

QString savingPausedWhat(const QVariantList &paused)
{
    return QStringLiteral("saving paused execution %1").arg(paused.at(0).toString());
}

} // namespace

Result<bool> HistoryStore::record(ExecutionRecord record)
{
    Result<RecordRow> row = recordRow(std::move(record), m_options);
    if (!row)
        return row.error();
    if (auto error = write([&row](Writer &writer) {
            return writer.run(WriterSql::Upsert, row->values, [&row] { return recordingWhat(*row); });
        }))
        return *error;
    return true;
}

void HistoryStore::recordThen(ExecutionRecord record, RecordDone done)
{
    Result<RecordRow> row = recordRow(std::move(record), m_options);
    if (!row) {
        done(row.error());
        return;
    }
    auto shared = std::make_shared<RecordRow>(std::move(row.value()));
    writeThen(
        [shared](Writer &writer) {
            return writer.run(WriterSql::Upsert, shared->values,
                              [&shared] { return recordingWhat(*shared); });
        },
        [done = std::move(done)](std::optional<Error> error) {
            if (error)
                done(std::move(*error));
            else
                done(true);
        });
}

Result<bool> HistoryStore::recordPaused(ExecutionRecord record, const QJsonObject &continuation,
                                        const QDateTime &expiresAt)
{
    Result<QVariantList> paused = pausedValues(record.id, record.flowId, continuation, expiresAt);
    Result<RecordRow> row = recordRow(std::move(record), m_options);
    if (!row)
        return row.error();
    if (!paused)
        return paused.error();
    auto error = write([&row, &paused](Writer &writer) -> std::optional<Error> {
        if (auto failed = writer.run(WriterSql::Upsert, row->values, [&row] { return recordingWhat(*row); }))
            return failed;
        paused.value()[3] = QDateTime::currentMSecsSinceEpoch();
        return writer.run(WriterSql::InsertPaused, *paused, [&paused] { return savingPausedWhat(*paused); });
    });
    if (error)
        return *error;
    return true;
}

Result<int> HistoryStore::clear(const QString &flowId)
{
    int removed = 0;
    auto error = write([&](Writer &writer) -> std::optional<Error> {
        QSqlQuery q(writer.db());
        const bool ok =
            flowId.isEmpty()
                ? q.exec(QStringLiteral("DELETE FROM executions"))
                : bindAndExec(q, QStringLiteral("DELETE FROM executions WHERE flow_id = ?"), {flowId});
        if (!ok)
            return writer.dialect().error(q.lastError(), QStringLiteral("clearing history"));
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
    auto error = write([&](Writer &writer) -> std::optional<Error> {
        QSqlQuery q(writer.db());
        if (!bindAndExec(q, QStringLiteral("DELETE FROM executions WHERE started_at < ?"),
                         {olderThan.toMSecsSinceEpoch()}))
            return writer.dialect().error(q.lastError(), QStringLiteral("pruning history"));
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
    Result<QVariantList> paused = pausedValues(executionId, flowId, continuation, expiresAt);
    if (!paused)
        return paused.error();
    if (auto error = write([&paused](Writer &writer) {
            paused.value()[3] = QDateTime::currentMSecsSinceEpoch();
            return writer.run(WriterSql::InsertPaused, *paused,
                              [&paused] { return savingPausedWhat(*paused); });
        }))
        return *error;
    return true;
}

Result<PausedExecution> HistoryStore::takePaused(const QString &executionId, const QString &flowId,
                                                 const QDateTime &now)
{
    std::optional<PausedExecution> taken;
    bool expired = false;
    auto error = write([&](Writer &writer) -> std::optional<Error> {
        const QString what = QStringLiteral("taking paused execution %1").arg(executionId);
        QSqlQuery q(writer.db());
        const auto [where, values] = pausedWhere(executionId, flowId);
        if (!bindAndExec(q,
                         QStringLiteral("SELECT flow_id, continuation, created_at, expires_at FROM "
                                        "paused_executions") +
                             where,
                         values))
            return writer.dialect().error(q.lastError(), what);
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
            return writer.dialect().error(q.lastError(), what);
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
    auto error = write([&](Writer &writer) -> std::optional<Error> {
        QSqlQuery q(writer.db());
        if (!bindAndExec(q, QStringLiteral("DELETE FROM paused_executions WHERE expires_at <= ?"),
                         {now.toMSecsSinceEpoch()}))
            return writer.dialect().error(q.lastError(), QStringLiteral("pruning paused executions"));
        removed = q.numRowsAffected();
        return std::nullopt;
    });
    if (error)
        return *error;
    return removed;
}

} // namespace wf
