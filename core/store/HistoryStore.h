#pragma once

// Execution history and paused executions: in the workspace's history.db (SQLite, WAL) by default,
// or in a PostgreSQL database that several servers share (open() with a postgresql:// URL), with the
// jti replay cache and rate-limit buckets those servers share too. Both engines run the same schema
// and queries (HistorySchema over SqlDialect). A PostgreSQL connection that breaks (the server
// restarted or went away) fails the calls made meanwhile with an error saying so, and is opened
// again by the next call, so that the store recovers by itself when the database is back.
//
// Threading: every method may be called from any thread, concurrently; close() and the destructor
// must not race with calls still in flight.
// - Writes (record, recordPaused, clear, prune, savePaused, takePaused, prunePaused, pruneShared) go
//   to one writer thread that owns the store's writing connection. It drains whatever is queued into one
//   transaction (group commit; when one write fails, the transaction is undone and each write runs
//   again alone, so that one failing write does not undo the others) and then wakes the waiting callers. The
//   writer prepares its statements once per connection and reuses them. A write call returns only after its
//   transaction committed, so an execution recorded before the response is written is in history even if the
//   process dies. Callers block on a condition variable, never in an event loop. recordThen is the
//   same write without the wait: the writer calls its callback once the transaction has ended.
// - Reads (get, list, count, pausedExists) run on the calling thread with that thread's own
//   connection (QSqlDatabase connections must not cross threads), created on first use and closed
//   when the thread ends or the store closes; read-only with SQLite, whose WAL lets them run while
//   the writer commits. With PostgreSQL, rememberJti and takeRateToken run there too (one statement
//   each, atomic on their own); with SQLite they go to the writer.
//
// Everything the store writes is made fit for history first: secrets redacted (redactRecord,
// redactContinuation) and bodies and trace capped, whatever the caller passed.

#include "Result.h"
#include "store/ExecutionRecord.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

class QSqlDatabase;
class QSqlQuery;

namespace wf {

namespace detail {
struct HistoryReadRegistry;
}
namespace historydb {
class SqlDialect;
}

inline constexpr int kDefaultRetentionDays = 30;

struct HistoryStoreOptions {
    // PRAGMA synchronous: NORMAL (the default) survives a crash of the process; FULL also survives a
    // power loss at the price of one fsync per transaction (group commit shares it between writes).
    bool fullSync = false;
    int busyTimeoutMs = 5000; // how long a write waits for another connection's lock before failing
    qint64 maxBodyBytes = kDefaultMaxBodyBytes;
    qint64 maxTraceBytes = kDefaultMaxTraceBytes;
    int maxBatch = 256; // writes per transaction at most
    // Group commit: while writes come in groups (the last transaction carried more than one), the
    // writer waits up to groupDelayUs for groupWrites of them before it begins a transaction, since
    // each transaction writes its own copy of the pages it touches. A lone write is not delayed.
    int groupDelayUs = 500;
    int groupWrites = 16;
    // SQLite: once the write-ahead log holds this many pages, the writer copies them into the
    // database file between two batches, after answering the first. Small and often (SQLite's own
    // default is 1,000) keeps each pause short: under load, p99 latency was 11 ms with 100 pages
    // against 18 ms with 1,000 (tests/bench/serve.sh).
    int checkpointPages = 100;
};

struct HistoryFilter {
    QString flowId;                        // empty: every flow
    std::optional<ExecutionStatus> status; // unset: every status
    QString text;    // substring, ASCII case-insensitive, of the request or response body, the trace JSON,
                     // the error message or the path and query
    int limit = 100; // negative: no limit
    int offset = 0;
    bool withData = false; // also load headers, bodies and trace (list views do not need them)
};

struct PausedExecution {
    QString executionId;
    QString flowId;
    QJsonObject continuation; // Continuation::toJson(), redacted
    QDateTime createdAt;      // UTC
    QDateTime expiresAt;      // UTC
};

class HistoryStore final {
public:
    struct Statistics {
        quint64 transactions = 0; // write transactions committed (batches)
        quint64 writes = 0;       // writes committed inside them
        quint64 largestBatch = 0; // most writes in one transaction
        quint64 queued = 0;       // writes waiting for the writer right now
        quint64 writing = 0;      // writes in the transaction the writer is running right now
    };

    HistoryStore();
    ~HistoryStore(); // close()
    Q_DISABLE_COPY_MOVE(HistoryStore)

    // Opens (creating when missing) the database at `path`, switches it to WAL and applies the
    // migrations it lacks. Fails on a file that is not SQLite, a schema newer than this build, an
    // unwritable or locked file. A `path` that is a postgresql:// URL (DatabaseUrl) opens that
    // database instead, creating or migrating its schema; it fails on a malformed URL, a database
    // that cannot be reached or logged in to, and a newer schema.
    Result<bool> open(const QString &path, const HistoryStoreOptions &options = {});
    // Finishes the queued writes, stops the writer and closes every connection.
    void close();
    bool isOpen() const;
    // The file, or the URL with its password masked (fit for logs).
    QString path() const;

    static int latestSchemaVersion();

    // Inserts the execution, or replaces the one with the same id (an in-progress record completed).
    Result<bool> record(ExecutionRecord record);
    // The same without waiting: `done` is called once the record is committed, or failed, on the
    // writer thread (or on this one, before returning, when the record is refused at once). It
    // must be quick and must not call the store's writes. close() calls every pending `done`.
    using RecordDone = std::function<void(Result<bool>)>;
    void recordThen(ExecutionRecord record, RecordDone done);
    // A paused execution: its record and its continuation in one transaction.
    Result<bool> recordPaused(ExecutionRecord record, const QJsonObject &continuation,
                              const QDateTime &expiresAt);

    Result<ExecutionRecord> get(const QString &executionId) const; // ErrorType::NotFound when absent
    Result<QList<ExecutionRecord>> list(const HistoryFilter &filter = {}) const; // newest first
    Result<qint64> count(const HistoryFilter &filter = {}) const;                // ignores limit/offset

    Result<int> clear(const QString &flowId = {}); // one flow's executions, or all when empty
    Result<int> prune(const QDateTime &olderThan); // executions started before `olderThan`

    Result<bool> savePaused(const QString &executionId, const QString &flowId,
                            const QJsonObject &continuation, const QDateTime &expiresAt);
    // Removes and returns the paused execution, atomically: of concurrent takes only one gets it, the
    // others get ErrorType::NotFound. With a `flowId` (pass the flow the resume URL names) a paused
    // execution of another flow is NotFound and left alone, so a resume cannot borrow the security
    // level of a different flow. An expired one is removed and reported as NotFound too.
    Result<PausedExecution> takePaused(const QString &executionId, const QString &flowId = {},
                                       const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Whether takePaused would find it now (without taking it).
    Result<bool> pausedExists(const QString &executionId, const QString &flowId = {},
                              const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    Result<int> prunePaused(const QDateTime &now = QDateTime::currentDateTimeUtc());

    // Shared between the servers on one database (PostgreSQL), each atomic across them.
    // A client assertion's jti: true when it is new (remembered until `expiresAt`), false when it was
    // seen and has not expired. Times in seconds since the epoch.
    Result<bool> rememberJti(const QString &key, qint64 expiresAt, qint64 now);
    // Takes a token from the bucket of `key` (`ratePerSecond` a second, bursts of as many, at least
    // 1): nullopt when taken, else the seconds (at least 1) until the next one is due. `nowUs` is
    // wall-clock time in microseconds since the epoch, the clock every server shares.
    Result<std::optional<int>> takeRateToken(const QString &key, double ratePerSecond, qint64 nowUs);
    // Forgets expired jti values and buckets idle for an hour (full again long since).
    Result<int> pruneShared(qint64 nowSeconds);

    Statistics statistics() const;

private:
    struct WriteJob;
    class Writer; // the writer thread's connection and the statements it keeps prepared on it
    using WriteWork = std::function<std::optional<Error>(Writer &)>;

    std::optional<Error> write(WriteWork work);
    // Queues `work`; `done` gets its outcome on the writer thread once its transaction ended.
    void writeThen(WriteWork work, std::function<void(std::optional<Error>)> done);
    Result<QSqlDatabase> readConnection() const;
    // Runs `work` with this thread's connection; when that connection turns out to be dead (the
    // database restarted since its last use), once more with a new one, so that a restart costs
    // the callers nothing.
    template <typename Work>
    auto withConnection(Work &&work) const -> decltype(work(std::declval<QSqlDatabase>()));
    Result<QList<ExecutionRecord>> listOn(QSqlDatabase db, const HistoryFilter &filter) const;
    // One statement of the shared state (HistoryStoreShared.cpp), on this thread's connection where
    // the engine allows concurrent writers, else through the writer.
    template <typename Statement>
    std::optional<Error> runShared(Statement &&statement);
    Error readError(QSqlDatabase db, QSqlQuery &q, const QString &what) const; // db: a handle
    static Result<std::shared_ptr<const historydb::SqlDialect>>
    makeDialect(const QString &location, const HistoryStoreOptions &options);
    void writerMain(std::promise<std::optional<Error>> started);
    void writerLoop(Writer &writer);
    void runBatch(Writer &writer, const std::vector<WriteJob *> &batch);

    QString m_path;
    HistoryStoreOptions m_options;
    std::shared_ptr<const historydb::SqlDialect> m_dialect;
    quint64 m_serial = 0; // names this opening's connections

    mutable std::mutex m_mutex; // guards everything below
    std::condition_variable m_queueChanged;
    std::condition_variable m_jobsDone;
    std::deque<WriteJob *> m_queue;
    std::size_t m_wakeWriterAt = 1; // queued writes that wake the writer: none while it writes
    bool m_accepting = false;
    bool m_stopping = false;
    Statistics m_stats;
    std::thread m_writer;
    std::shared_ptr<detail::HistoryReadRegistry> m_reads;
};

} // namespace wf
