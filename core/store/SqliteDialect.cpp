// The SQLite side of the history store: a file in the workspace, in WAL mode so that readers run while
// the writer commits.

#include "store/HistorySchema.h"
#include "store/SqlDialect.h"
#include "store/SqliteCheckpointer.h"

#include <QSqlDriver>
#include <QSqlQuery>
#include <sqlite3.h>

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

// The error of the last call on `db`, as the Qt driver reports it (the extended result code as the
// native code), so that SqliteDialect::error() reads both alike.
QSqlError lastSqliteError(sqlite3 *db, const QString &what)
{
    return QSqlError(what, QString::fromUtf8(sqlite3_errmsg(db)), QSqlError::StatementError,
                     QString::number(sqlite3_extended_errcode(db)));
}

// The SQLite connection behind `db`, when the Qt driver uses the library this was built with.
sqlite3 *nativeHandle(QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

class SqliteStatement final : public NativeStatement {
public:
    SqliteStatement(sqlite3 *db, sqlite3_stmt *statement) : m_db(db), m_statement(statement) {}
    ~SqliteStatement() override { sqlite3_finalize(m_statement); }
    Q_DISABLE_COPY_MOVE(SqliteStatement)

    bool run(const QVariantList &values, QSqlError *error) override
    {
        int rc = SQLITE_OK;
        for (int i = 0; i < values.size() && rc == SQLITE_OK; ++i)
            rc = bind(i + 1, values.at(i));
        if (rc == SQLITE_OK) {
            do
                rc = sqlite3_step(m_statement);
            while (rc == SQLITE_ROW);
        }
        const bool done = rc == SQLITE_DONE;
        if (!done)
            *error = lastSqliteError(m_db, QStringLiteral("Unable to execute statement"));
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
        return done;
    }

private:
    int bind(int index, const QVariant &value)
    {
        switch (value.typeId()) {
        case QMetaType::UnknownType:
        case QMetaType::Nullptr:
            return sqlite3_bind_null(m_statement, index);
        case QMetaType::QString: {
            const QString &text = *static_cast<const QString *>(value.constData());
            if (text.isNull())
                return sqlite3_bind_null(m_statement, index);
            const QByteArray utf8 = text.toUtf8();
            return sqlite3_bind_text64(m_statement, index, utf8.constData(), sqlite3_uint64(utf8.size()),
                                       SQLITE_TRANSIENT, SQLITE_UTF8);
        }
        case QMetaType::QByteArray: {
            const QByteArray &bytes = *static_cast<const QByteArray *>(value.constData());
            if (bytes.isNull())
                return sqlite3_bind_null(m_statement, index);
            return sqlite3_bind_blob64(m_statement, index, bytes.constData(), sqlite3_uint64(bytes.size()),
                                       SQLITE_TRANSIENT);
        }
        case QMetaType::Bool:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::Long:
        case QMetaType::LongLong:
            return sqlite3_bind_int64(m_statement, index, value.toLongLong());
        case QMetaType::Double:
            return sqlite3_bind_double(m_statement, index, value.toDouble());
        default:
            break;
        }
        // Anything else as the text Qt makes of it (what the Qt driver binds too).
        const QByteArray utf8 = value.toString().toUtf8();
        return sqlite3_bind_text64(m_statement, index, utf8.constData(), sqlite3_uint64(utf8.size()),
                                   SQLITE_TRANSIENT, SQLITE_UTF8);
    }

    sqlite3 *m_db;
    sqlite3_stmt *m_statement;
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

    std::unique_ptr<NativeStatement> prepareNative(QSqlDatabase &db, const QString &sql,
                                                   QSqlError *error) const override
    {
        sqlite3 *connection = nativeHandle(db);
        if (!connection)
            return nullptr; // QSqlQuery then
        sqlite3_stmt *statement = nullptr;
        const QByteArray text = sql.toUtf8();
        if (sqlite3_prepare_v3(connection, text.constData(), int(text.size()), SQLITE_PREPARE_PERSISTENT,
                               &statement, nullptr) != SQLITE_OK) {
            *error = lastSqliteError(connection, QStringLiteral("Unable to prepare statement"));
            sqlite3_finalize(statement);
            return nullptr;
        }
        return std::make_unique<SqliteStatement>(connection, statement);
    }

    std::unique_ptr<WriterUpkeep> writerUpkeep(QSqlDatabase &db) const override
    {
        sqlite3 *connection = nativeHandle(db);
        if (!connection)
            return nullptr; // SQLite's own checkpoints then
        return std::make_unique<SqliteCheckpointer>(connection, m_options.checkpointPages);
    }

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
