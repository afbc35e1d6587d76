// The SQLite side of the history store: a file in the workspace, in WAL mode so that readers run while
// the writer commits.

#include "store/HistorySchema.h"
#include "store/SqlDialect.h"

#include <QSqlQuery>

namespace wf::historydb {

namespace {

// SQLite primary result codes the messages below tell apart.
enum SqliteCode {
    kSqliteBusy = 5,
    kSqliteLocked = 6,
    kSqliteReadOnly = 8,
    kSqliteCorrupt = 11,
    kSqliteFull = 13,
    kSqliteCantOpen = 14,
    kSqliteNotADatabase = 26,
};

class SqliteDialect final : public SqlDialect {
public:
    SqliteDialect(const QString &path, const HistoryStoreOptions &options) : m_path(path), m_options(options)
    {}

    QString driver() const override { return QStringLiteral("QSQLITE"); }
    QString location() const override { return m_path; }

    std::optional<Error> open(QSqlDatabase &db, bool writer) const override
    {
        db.setDatabaseName(m_path);
        if (!db.open())
            return error(db.lastError(),
                         writer ? QStringLiteral("opening") : QStringLiteral("opening a read connection"));
        const QString what = QStringLiteral("configuring the connection");
        if (auto failed = execSql(db, QStringLiteral("PRAGMA busy_timeout = %1").arg(m_options.busyTimeoutMs),
                                  *this, what))
            return failed;
        if (!writer)
            return execSql(db, QStringLiteral("PRAGMA query_only = 1"), *this, what);
        return configureWriter(db);
    }

    bool concurrentWriters() const override { return false; } // one writer per file at a time

    QString columnType(ColumnType type) const override
    {
        switch (type) {
        case ColumnType::Text:
            return QStringLiteral("TEXT");
        case ColumnType::Integer:
            return QStringLiteral("INTEGER");
        case ColumnType::Real:
            return QStringLiteral("REAL");
        case ColumnType::Bytes:
            return QStringLiteral("BLOB");
        }
        return {};
    }

    QString insertionOrderColumn() const override { return {}; }
    QString insertionOrder() const override { return QStringLiteral("rowid"); }
    QString beginWrite() const override { return QStringLiteral("BEGIN IMMEDIATE"); }
    QStringList beginMigration() const override { return {QStringLiteral("BEGIN IMMEDIATE")}; }
    bool preparesTransactionControl() const override { return true; }

    QString searchText(const QString &column, ColumnType type) const override
    {
        // LIKE does not match inside BLOBs: the bodies are read as text for the search.
        return type == ColumnType::Bytes ? QStringLiteral("CAST(%1 AS TEXT)").arg(column) : column;
    }
    QString likeOperator() const override { return QStringLiteral("LIKE"); } // ASCII case-insensitive
    QVariant noLimit() const override { return -1; }
    QString smallerOf() const override { return QStringLiteral("MIN"); }
    bool lostConnection(QSqlDatabase &) const override { return false; } // a file does not go away

    Error error(const QSqlError &sqlError, const QString &what) const override;

private:
    std::optional<Error> configureWriter(QSqlDatabase &db) const;

    QString m_path;
    HistoryStoreOptions m_options;
};

std::optional<Error> SqliteDialect::configureWriter(QSqlDatabase &db) const
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !q.next())
        return error(q.lastError(), QStringLiteral("switching to WAL"));
    const QString mode = q.value(0).toString();
    q.finish();
    if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return makeError(
            ErrorType::Internal,
            QStringLiteral("history database %1 cannot use WAL mode (journal mode stays '%2'): keep it "
                           "on a local file system")
                .arg(m_path, mode));
    const QString what = QStringLiteral("configuring the connection");
    const QString sync = m_options.fullSync ? QStringLiteral("FULL") : QStringLiteral("NORMAL");
    if (auto failed = execSql(db, QStringLiteral("PRAGMA synchronous = ") + sync, *this, what))
        return failed;
    // The WAL file shrinks back to this size after a checkpoint instead of keeping its peak size.
    return execSql(db, QStringLiteral("PRAGMA journal_size_limit = 67108864"), *this, what);
}

Error SqliteDialect::error(const QSqlError &sqlError, const QString &what) const
{
    const int code =
        sqlError.nativeErrorCode().toInt() & 0xff; // extended codes keep the primary in the low byte
    const QString detail = sqlError.databaseText().isEmpty() ? sqlError.text() : sqlError.databaseText();
    QString message;
    switch (code) {
    case kSqliteBusy:
    case kSqliteLocked:
        message = QStringLiteral("history database %1 is locked by another connection or process "
                                 "(waited %2 ms) while %3")
                      .arg(m_path)
                      .arg(m_options.busyTimeoutMs)
                      .arg(what);
        break;
    case kSqliteReadOnly:
        message = QStringLiteral("history database %1 is read-only while %2: check the permissions of the "
                                 "file and its folder")
                      .arg(m_path, what);
        break;
    case kSqliteCantOpen:
        message = QStringLiteral("cannot open history database %1 while %2: check that its folder exists "
                                 "and is writable (%3)")
                      .arg(m_path, what, detail);
        break;
    case kSqliteFull:
        message = QStringLiteral("the disk holding history database %1 is full while %2").arg(m_path, what);
        break;
    case kSqliteNotADatabase:
        message = QStringLiteral("%1 is not an SQLite history database (while %2)").arg(m_path, what);
        break;
    case kSqliteCorrupt:
        message = QStringLiteral("history database %1 is corrupt (while %2)").arg(m_path, what);
        break;
    default:
        message = QStringLiteral("history database %1: %2 failed: %3").arg(m_path, what, detail);
        break;
    }
    qCWarning(lcStore).noquote() << message;
    return makeError(ErrorType::Internal, message);
}

} // namespace

std::unique_ptr<SqlDialect> sqliteDialect(const QString &path, const HistoryStoreOptions &options)
{
    return std::make_unique<SqliteDialect>(path, options);
}

} // namespace wf::historydb
