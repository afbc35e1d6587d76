#pragma once

// What the history store's SQL needs to know about the database engine behind it: how to open and
// set up a connection, how a column type is spelled, how a write transaction begins, how text is
// searched, and what an engine's error means in a sentence. The schema (HistorySchema) and every
// query are written once against this interface; SQLite (a file, the default) and PostgreSQL
// (shared by several servers) implement it.

#include "Result.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <memory>
#include <optional>

namespace wf {

struct DatabaseUrl;
struct HistoryStoreOptions;

namespace historydb {

// The column types the schema description uses: every engine maps them to its own names, with
// Integer always 64 bits wide.
enum class ColumnType { Text, Integer, Real, Bytes };

// A statement prepared through the engine's own interface, which binds each value directly (text as
// UTF-8) instead of through QSqlQuery's named bookkeeping: for the writer's most frequent statements.
class NativeStatement {
public:
    virtual ~NativeStatement() = default;
    // Binds `values` to the placeholders in order, as QSqlQuery would (a null QString or QByteArray is
    // NULL, a QByteArray a blob), and runs the statement to its end; false with `error` set if not.
    virtual bool run(const QVariantList &values, QSqlError *error) = 0;
};

// Upkeep of the writer's connection between batches, once their callers were answered (SQLite: its
// log's checkpoints, which no answer should wait for). Destroyed before the connection closes.
class WriterUpkeep {
public:
    virtual ~WriterUpkeep() = default;
    virtual void afterBatch() = 0;
};

class SqlDialect {
public:
    virtual ~SqlDialect() = default;

    virtual QString driver() const = 0; // the Qt Sql driver name
    // Where the data is, for messages and logs: a file path, or the URL with its password masked.
    virtual QString location() const = 0;
    // Opens `db` (added with driver()) and sets its session up. The writer's connection writes
    // history; each thread's own connection reads, and is read-only unless concurrentWriters().
    virtual std::optional<Error> open(QSqlDatabase &db, bool writer) const = 0;
    // Whether connections may write at the same time (PostgreSQL's row locks), so that a statement
    // that needs no transaction can run on its thread's connection instead of waiting for the writer.
    virtual bool concurrentWriters() const = 0;

    virtual QString columnType(ColumnType type) const = 0;
    // A column that keeps insertion order, for tables that need it (empty: the engine has rowid).
    virtual QString insertionOrderColumn() const = 0;
    // The expression ordering rows by insertion (rowid, or the column above).
    virtual QString insertionOrder() const = 0;
    virtual QString beginWrite() const = 0;
    // Begins the migration's transaction so that two processes opening at once cannot both migrate.
    virtual QStringList beginMigration() const = 0;
    // Whether BEGIN, COMMIT and SAVEPOINT may be prepared statements (PostgreSQL cannot prepare them).
    virtual bool preparesTransactionControl() const = 0;
    // `column` as searchable text (a Bytes column is cast), and the ASCII case-insensitive LIKE.
    virtual QString searchText(const QString &column, ColumnType type) const = 0;
    virtual QString likeOperator() const = 0;
    virtual QVariant noLimit() const = 0;                    // the LIMIT value that means every row
    virtual QString smallerOf() const = 0;                   // the two-argument minimum function
    virtual bool lostConnection(QSqlDatabase &db) const = 0; // after a failure: must it be reopened?

    // The engine's error as a sentence naming the database and `what` was being done (logged).
    virtual Error error(const QSqlError &error, const QString &what) const = 0;

    // `sql` prepared as a NativeStatement on `db`, which must stay open while it lives; nullptr with
    // `error` set when it cannot be prepared, and nullptr without one when the engine has no such
    // interface here (QSqlQuery then).
    virtual std::unique_ptr<NativeStatement> prepareNative(QSqlDatabase &db, const QString &sql,
                                                           QSqlError *error) const
    {
        Q_UNUSED(db)
        Q_UNUSED(sql)
        Q_UNUSED(error)
        return nullptr;
    }
    // The upkeep of the writer's newly opened connection `db` (nullptr: none).
    virtual std::unique_ptr<WriterUpkeep> writerUpkeep(QSqlDatabase &db) const
    {
        Q_UNUSED(db)
        return nullptr;
    }
};

std::unique_ptr<SqlDialect> sqliteDialect(const QString &path, const HistoryStoreOptions &options);
std::unique_ptr<SqlDialect> postgresDialect(const DatabaseUrl &url, const HistoryStoreOptions &options);

} // namespace historydb
} // namespace wf
