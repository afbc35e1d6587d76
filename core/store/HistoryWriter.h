#pragma once

// The history store's writer: the one connection that writes, on the writer thread, with the
// statements it keeps prepared on it; and the way a call runs on its thread's own connection.
// Private to the store's implementation files.

#include "WaitScope.h"
#include "store/HistorySchema.h"
#include "store/HistoryStore.h"
#include "store/SqlDialect.h"

#include <QSqlQuery>

namespace wf {

namespace historydb {

// The statements the writer runs for most writes, prepared once per connection.
enum class WriterSql { Begin, Commit, Rollback, Upsert, InsertPaused };
constexpr std::size_t kWriterSqlCount = 5;

inline bool isTransactionControl(WriterSql which)
{
    return which != WriterSql::Upsert && which != WriterSql::InsertPaused;
}

inline QString writerSqlText(WriterSql which, const SqlDialect &dialect)
{
    switch (which) {
    case WriterSql::Begin:
        return dialect.beginWrite();
    case WriterSql::Commit:
        return QStringLiteral("COMMIT");
    case WriterSql::Rollback:
        return QStringLiteral("ROLLBACK");
    case WriterSql::Upsert:
        return upsertSql();
    case WriterSql::InsertPaused:
        return QStringLiteral(
            "INSERT INTO paused_executions (execution_id, flow_id, continuation, created_at, "
            "expires_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (execution_id) DO UPDATE SET "
            "flow_id = excluded.flow_id, continuation = excluded.continuation, created_at = "
            "excluded.created_at, expires_at = excluded.expires_at");
    }
    return {};
}

} // namespace historydb

// Lives on the writer thread, for one connection: its statements are prepared on first use and then
// only bound and run again, so SQLite parses each of them once per connection, not once per write.
class HistoryStore::Writer final {
public:
    Writer(QSqlDatabase &db, const historydb::SqlDialect &dialect)
        : m_db(db), m_dialect(dialect), m_upkeep(dialect.writerUpkeep(db))
    {}
    Q_DISABLE_COPY_MOVE(Writer)

    QSqlDatabase &db() { return m_db; }

    // Binds `values` to the statement's placeholders in order and runs it; nullopt when it succeeded.
    // `what()` names the work in the error, and is only called on failure.
    template <typename What>
    std::optional<Error> run(historydb::WriterSql which, const QVariantList &values, What &&what)
    {
        if (run(which, values))
            return std::nullopt;
        return m_dialect.error(m_lastError, what());
    }

    // The same without making an Error of a failure (lastError() has it).
    bool run(historydb::WriterSql which, const QVariantList &values = {})
    {
        if (historydb::isTransactionControl(which) && !m_dialect.preparesTransactionControl()) {
            QSqlQuery q(m_db);
            if (q.exec(historydb::writerSqlText(which, m_dialect)))
                return true;
            m_lastError = q.lastError();
            return false;
        }
        std::unique_ptr<historydb::NativeStatement> &native = m_native[std::size_t(which)];
        if (!native && !historydb::isTransactionControl(which) && !m_noNative[std::size_t(which)]) {
            m_lastError = QSqlError();
            native = m_dialect.prepareNative(m_db, historydb::writerSqlText(which, m_dialect), &m_lastError);
            if (!native && m_lastError.isValid())
                return false;
            m_noNative[std::size_t(which)] = !native; // the engine has none: QSqlQuery from now on
        }
        if (native) {
            if (native->run(values, &m_lastError))
                return true;
            native.reset(); // prepared again on its next use, to be safe
            return false;
        }
        std::optional<QSqlQuery> &slot = m_statements[std::size_t(which)];
        if (!slot) {
            slot.emplace(m_db);
            if (!slot->prepare(historydb::writerSqlText(which, m_dialect))) {
                m_lastError = slot->lastError();
                slot.reset();
                return false;
            }
        }
        for (qsizetype i = 0; i < values.size(); ++i)
            slot->bindValue(int(i), values.at(i));
        if (slot->exec())
            return true;
        m_lastError = slot->lastError();
        slot.reset(); // a statement that failed is prepared again on its next use, to be safe
        return false;
    }

    const QSqlError &lastError() const { return m_lastError; }
    // After a batch's callers were answered.
    void afterBatch()
    {
        if (m_upkeep)
            m_upkeep->afterBatch();
    }
    // Whether the connection was found lost (checkConnection) and not opened again yet.
    bool lost() const { return m_lost; }
    const historydb::SqlDialect &dialect() const { return m_dialect; }

    // After a failed batch: when the connection is gone (the database server restarted or went
    // away), the next batch opens a new one instead of failing on the dead one forever.
    void checkConnection()
    {
        if (!m_lost && m_dialect.lostConnection(m_db)) {
            qCWarning(lcStore).noquote() << "history database" << m_dialect.location()
                                         << "connection lost: reconnecting before the next write";
            m_lost = true;
        }
    }

    // Begins the batch's transaction, first on a new connection when the last one was lost, and on
    // a new one too when the one it has turns out to be dead (the database restarted while the
    // writer was idle): a restart in between costs no write.
    std::optional<Error> begin(const QString &what)
    {
        if (auto error = reconnectIfLost())
            return error;
        auto failed = run(historydb::WriterSql::Begin, {}, [&what] { return what; });
        if (!failed)
            return std::nullopt;
        checkConnection();
        if (!m_lost)
            return failed;
        if (auto error = reconnectIfLost())
            return error;
        return run(historydb::WriterSql::Begin, {}, [&what] { return what; });
    }

    // Opens a new connection when the last one was lost; the error when the database is still away.
    std::optional<Error> reconnectIfLost()
    {
        if (!m_lost)
            return std::nullopt;
        for (std::optional<QSqlQuery> &statement : m_statements)
            statement.reset(); // prepared on the old connection
        for (auto &statement : m_native)
            statement.reset();
        m_upkeep.reset();
        m_db.close();
        if (auto error = m_dialect.open(m_db, true))
            return error;
        m_upkeep = m_dialect.writerUpkeep(m_db);
        m_lost = false;
        qCInfo(lcStore).noquote() << "history database" << m_dialect.location() << "reconnected";
        return std::nullopt;
    }

private:
    QSqlDatabase &m_db;
    const historydb::SqlDialect &m_dialect;
    bool m_lost = false;
    std::optional<QSqlQuery> m_statements[historydb::kWriterSqlCount];
    std::unique_ptr<historydb::NativeStatement> m_native[historydb::kWriterSqlCount];
    bool m_noNative[historydb::kWriterSqlCount] = {};
    std::unique_ptr<historydb::WriterUpkeep> m_upkeep;
    QSqlError m_lastError;
};

template <typename Work>
auto HistoryStore::withConnection(Work &&work) const -> decltype(work(std::declval<QSqlDatabase>()))
{
    const WaitScope waiting; // on the database
    Result<QSqlDatabase> db = readConnection();
    if (!db)
        return db.error();
    auto result = work(*db);
    if (result || db->isOpen())
        return result;     // done, or failed on a connection that still works
    db = readConnection(); // readError() closed the dead one
    if (!db)
        return db.error();
    return work(*db);
}

} // namespace wf
