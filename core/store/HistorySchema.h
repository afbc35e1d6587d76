#pragma once

// The SQL side of the history store, written once for every engine (SqlDialect): the schema and its
// migrations as a description each engine renders, the mapping between ExecutionRecord and rows, and
// filters.

#include "store/HistoryStore.h"
#include "store/SqlDialect.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>
#include <utility>
#include <vector>

namespace wf {

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace historydb {

struct Column {
    enum Constraint { None, NotNull, NotNullZero, PrimaryKey }; // NotNullZero: NOT NULL DEFAULT 0
    const char *name;
    ColumnType type;
    Constraint constraint = None;
};

struct Table {
    const char *name;
    std::vector<Column> columns;
    bool keepsInsertionOrder = false; // listed newest first with ties broken by insertion
};

struct Index {
    const char *name;
    const char *table;
    const char *columns;
};

// Schema migrations, applied in order from version 1. Never edit a shipped entry: append one.
struct Migration {
    int version;
    std::vector<Table> tables;
    std::vector<Index> indexes;
};

const std::vector<Migration> &migrations();

// A migration's statements as `dialect` spells them.
QStringList migrationStatements(const Migration &migration, const SqlDialect &dialect);

// Column order of the executions table as record() binds it.
const QStringList &recordColumns();

// The columns a list without data reads: everything but headers, bodies and trace.
QString summaryColumns();

QString upsertSql();

// Header names and values are bytes: Latin-1 maps each byte to one character, so they survive JSON.
QString headersToText(const HeaderList &headers);

HeaderList headersFromText(const QString &text);

QVariant nullableText(const QString &text);

QDateTime fromMs(qint64 ms);

// The values of a record's row, in recordColumns() order; `traceJson` is the compact JSON of r.trace
// (capTraceJson), empty for none.
QVariantList recordValues(const ExecutionRecord &r, const QByteArray &traceJson);

ExecutionRecord readRecord(const QSqlQuery &q, bool withData);

QString likePattern(const QString &text);

// WHERE clause and its values for a filter.
std::pair<QString, QVariantList> whereClause(const HistoryFilter &filter, const SqlDialect &dialect);

// A paused execution by id and, unless `flowId` is empty, only when it belongs to that flow.
std::pair<QString, QVariantList> pausedWhere(const QString &executionId, const QString &flowId);

bool bindAndExec(QSqlQuery &q, const QString &sql, const QVariantList &values);

std::optional<Error> execSql(QSqlDatabase &db, const QString &sql, const SqlDialect &dialect,
                             const QString &what);

// Creates the schema or brings it to the latest version, in one transaction.
std::optional<Error> migrate(QSqlDatabase &db, const SqlDialect &dialect);

} // namespace historydb
} // namespace wf
