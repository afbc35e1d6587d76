#pragma once

// The SQL side of the history store: schema and migrations, the mapping between ExecutionRecord and
// rows, filters, and the errors SQLite gives, turned into sentences.

#include "store/HistoryStore.h"

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

// Schema migrations, applied in order from version 1. Never edit a shipped entry: append one.
struct Migration {
    int version;
    std::vector<const char *> statements;
};

const std::vector<Migration> &migrations();

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

Error storeError(const QSqlError &error, const QString &path, const QString &what, int busyTimeoutMs);

QString likePattern(const QString &text);

// WHERE clause and its values for a filter.
std::pair<QString, QVariantList> whereClause(const HistoryFilter &filter);

// A paused execution by id and, unless `flowId` is empty, only when it belongs to that flow.
std::pair<QString, QVariantList> pausedWhere(const QString &executionId, const QString &flowId);

bool bindAndExec(QSqlQuery &q, const QString &sql, const QVariantList &values);

std::optional<Error> execSql(QSqlDatabase &db, const QString &sql, const QString &path, const QString &what,
                             int busyTimeoutMs);

std::optional<Error> migrate(QSqlDatabase &db, const QString &path, int busyTimeoutMs);

std::optional<Error> configureWriter(QSqlDatabase &db, const QString &path,
                                     const HistoryStoreOptions &options);

} // namespace historydb
} // namespace wf
