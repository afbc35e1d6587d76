// The PostgreSQL side of the history store: one database shared by several servers, reached over the
// network, which can go away and come back while the servers run.

#include "store/DatabaseUrl.h"
#include "store/HistorySchema.h"
#include "store/SqlDialect.h"

#include <QSqlQuery>

namespace wf::historydb {

namespace {

// The key of the advisory lock that serialises migrations between servers starting at once.
constexpr qint64 kMigrationLock = 0x77662d6869737401; // "wf-hist" and 1

// How long one statement may run before the server cancels it: a request never waits longer.
constexpr int kStatementTimeoutMs = 30000;

class PostgresDialect final : public SqlDialect {
public:
    PostgresDialect(const DatabaseUrl &url, const HistoryStoreOptions &options)
        : m_url(url), m_options(options)
    {}

    QString driver() const override { return QStringLiteral("QPSQL"); }
    QString location() const override { return m_url.masked(); }

    std::optional<Error> open(QSqlDatabase &db, bool writer) const override
    {
        db.setHostName(m_url.host);
        db.setPort(m_url.port);
        db.setUserName(m_url.user);
        db.setPassword(m_url.password);
        db.setDatabaseName(m_url.database);
        db.setConnectOptions(m_url.connectOptions());
        if (!db.open())
            return error(db.lastError(),
                         writer ? QStringLiteral("connecting") : QStringLiteral("connecting for reading"));
        const QStringList session = {
            QStringLiteral("SET client_min_messages = warning"),
            QStringLiteral("SET lock_timeout = %1").arg(m_options.busyTimeoutMs),
            QStringLiteral("SET statement_timeout = %1").arg(kStatementTimeoutMs),
            QStringLiteral("SET TIME ZONE 'UTC'"),
        };
        for (const QString &statement : std::as_const(session)) {
            if (auto failed = execSql(db, statement, *this, QStringLiteral("configuring the connection"))) {
                db.close();
                return failed;
            }
        }
        return std::nullopt;
    }

    bool concurrentWriters() const override { return true; }

    QString columnType(ColumnType type) const override
    {
        switch (type) {
        case ColumnType::Text:
            return QStringLiteral("TEXT");
        case ColumnType::Integer:
            return QStringLiteral("BIGINT");
        case ColumnType::Real:
            return QStringLiteral("DOUBLE PRECISION");
        case ColumnType::Bytes:
            return QStringLiteral("BYTEA");
        }
        return {};
    }

    QString insertionOrderColumn() const override { return QStringLiteral("row_order BIGSERIAL NOT NULL"); }
    QString insertionOrder() const override { return QStringLiteral("row_order"); }
    QString beginWrite() const override { return QStringLiteral("BEGIN"); }
    QStringList beginMigration() const override
    {
        return {QStringLiteral("BEGIN"),
                QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kMigrationLock)};
    }
    bool preparesTransactionControl() const override { return false; }

    QString searchText(const QString &column, ColumnType type) const override
    {
        // Bodies are bytes that need not be UTF-8: 'escape' reads them as text whatever they hold.
        return type == ColumnType::Bytes ? QStringLiteral("encode(%1, 'escape')").arg(column) : column;
    }
    QString likeOperator() const override { return QStringLiteral("ILIKE"); }
    QVariant noLimit() const override { return QVariant(); } // LIMIT NULL: every row
    QString smallerOf() const override { return QStringLiteral("LEAST"); }

    bool lostConnection(QSqlDatabase &db) const override
    {
        if (!db.isOpen())
            return true;
        QSqlQuery probe(db);
        return !probe.exec(QStringLiteral("SELECT 1"));
    }

    Error error(const QSqlError &sqlError, const QString &what) const override;

private:
    DatabaseUrl m_url;
    HistoryStoreOptions m_options;
};

bool isConnectionFailure(const QSqlError &sqlError, const QString &state)
{
    // 08: connection exception; 57P01-57P03: the server shut down or is starting; no state at all:
    // libpq lost the connection before the server could say anything.
    return sqlError.type() == QSqlError::ConnectionError || state.startsWith(QLatin1String("08")) ||
           state.startsWith(QLatin1String("57P0")) || state.isEmpty();
}

Error PostgresDialect::error(const QSqlError &sqlError, const QString &what) const
{
    const QString state = sqlError.nativeErrorCode();
    const QString where = m_url.masked();
    // libpq's messages run over several lines: one line per log entry and answer.
    const QString detail =
        (sqlError.databaseText().isEmpty() ? sqlError.text() : sqlError.databaseText()).simplified();
    QString message;
    if (state.startsWith(QLatin1String("28")))
        message = QStringLiteral("cannot log in to history database %1 while %2: check the user and password "
                                 "(%3)")
                      .arg(where, what, detail);
    else if (state == QLatin1String("3D000"))
        message =
            QStringLiteral("history database %1 does not exist (while %2): create it first").arg(where, what);
    else if (state == QLatin1String("55P03"))
        message =
            QStringLiteral("history database %1 is locked by another connection (waited %2 ms) while %3")
                .arg(where)
                .arg(m_options.busyTimeoutMs)
                .arg(what);
    else if (state == QLatin1String("57014"))
        message = QStringLiteral("history database %1 took longer than %2 ms while %3")
                      .arg(where)
                      .arg(kStatementTimeoutMs)
                      .arg(what);
    else if (state.startsWith(QLatin1String("53")))
        message = QStringLiteral("history database %1 is out of resources (disk, memory or connections) "
                                 "while %2 (%3)")
                      .arg(where, what, detail);
    else if (isConnectionFailure(sqlError, state))
        message = QStringLiteral("history database %1 is unavailable while %2 (%3)").arg(where, what, detail);
    else
        message = QStringLiteral("history database %1: %2 failed: %3").arg(where, what, detail);
    qCWarning(lcStore).noquote() << message;
    return makeError(ErrorType::Internal, message);
}

} // namespace

std::unique_ptr<SqlDialect> postgresDialect(const DatabaseUrl &url, const HistoryStoreOptions &options)
{
    return std::make_unique<PostgresDialect>(url, options);
}

} // namespace wf::historydb
