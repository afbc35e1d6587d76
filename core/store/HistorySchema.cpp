#include "store/HistorySchema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace wf {

Q_LOGGING_CATEGORY(lcStore, "wf.store")

namespace historydb {

namespace {

constexpr auto kText = ColumnType::Text;
constexpr auto kInteger = ColumnType::Integer;
constexpr auto kReal = ColumnType::Real;
constexpr auto kBytes = ColumnType::Bytes;

// Version 1: executions and paused executions.
Migration historyTables()
{
    return {1,
            {
                {"executions",
                 {
                     {"id", kText, Column::PrimaryKey},
                     {"flow_id", kText, Column::NotNull},
                     {"flow_alias", kText},
                     {"flow_name", kText},
                     {"kind", kText, Column::NotNull},
                     {"status", kText, Column::NotNull},
                     {"started_at", kInteger, Column::NotNull},
                     {"duration_us", kInteger, Column::NotNullZero},
                     {"caller_address", kText},
                     {"caller_client_id", kText},
                     {"caller_security", kText},
                     {"request_method", kText},
                     {"request_path", kText},
                     {"request_headers", kText},
                     {"request_body", kBytes},
                     {"request_body_size", kInteger, Column::NotNullZero},
                     {"request_body_truncated", kInteger, Column::NotNullZero},
                     {"response_status", kInteger, Column::NotNullZero},
                     {"response_headers", kText},
                     {"response_body", kBytes},
                     {"response_body_size", kInteger, Column::NotNullZero},
                     {"response_body_truncated", kInteger, Column::NotNullZero},
                     {"trace", kText},
                     {"trace_truncated", kInteger, Column::NotNullZero},
                     {"error", kText},
                     {"retry_of", kText},
                 },
                 true},
                {"paused_executions",
                 {
                     {"execution_id", kText, Column::PrimaryKey},
                     {"flow_id", kText, Column::NotNull},
                     {"continuation", kText, Column::NotNull},
                     {"created_at", kInteger, Column::NotNull},
                     {"expires_at", kInteger, Column::NotNull},
                 }},
            },
            {
                {"executions_by_start", "executions", "started_at"},
                {"executions_by_flow", "executions", "flow_id, started_at"},
                {"paused_by_expiry", "paused_executions", "expires_at"},
            }};
}

// What several servers on one database share besides history: the jti of every client
// assertion until it expires, and a token bucket per rate-limited key.
Migration sharedStateTables()
{
    return {2,
            {
                {"replay_jtis",
                 {
                     {"jti_key", kText, Column::PrimaryKey},
                     {"expires_at", kInteger, Column::NotNull},
                 }},
                {"rate_buckets",
                 {
                     {"bucket_key", kText, Column::PrimaryKey},
                     {"tokens", kReal, Column::NotNull},
                     {"updated_us", kInteger, Column::NotNull},
                 }},
            },
            {
                {"replay_jtis_by_expiry", "replay_jtis", "expires_at"},
            }};
}

} // namespace

const std::vector<Migration> &migrations()
{
    static const std::vector<Migration> list = {historyTables(), sharedStateTables()};
    return list;
}

QStringList migrationStatements(const Migration &migration, const SqlDialect &dialect)
{
    QStringList statements;
    for (const Table &table : migration.tables) {
        QStringList columns;
        for (const Column &column : table.columns) {
            QString text = QLatin1String(column.name) + QLatin1Char(' ') + dialect.columnType(column.type);
            if (column.constraint == Column::PrimaryKey)
                text += QStringLiteral(" PRIMARY KEY NOT NULL");
            else if (column.constraint == Column::NotNull)
                text += QStringLiteral(" NOT NULL");
            else if (column.constraint == Column::NotNullZero)
                text += QStringLiteral(" NOT NULL DEFAULT 0");
            columns.append(text);
        }
        if (table.keepsInsertionOrder && !dialect.insertionOrderColumn().isEmpty())
            columns.append(dialect.insertionOrderColumn());
        statements.append(QStringLiteral("CREATE TABLE %1 (%2)")
                              .arg(QLatin1String(table.name), columns.join(QStringLiteral(", "))));
    }
    for (const Index &index : migration.indexes)
        statements.append(
            QStringLiteral("CREATE INDEX %1 ON %2 (%3)")
                .arg(QLatin1String(index.name), QLatin1String(index.table), QLatin1String(index.columns)));
    return statements;
}

// Column order of the executions table as record() binds it.
const QStringList &recordColumns()
{
    static const QStringList columns = {
        QStringLiteral("id"),
        QStringLiteral("flow_id"),
        QStringLiteral("flow_alias"),
        QStringLiteral("flow_name"),
        QStringLiteral("kind"),
        QStringLiteral("status"),
        QStringLiteral("started_at"),
        QStringLiteral("duration_us"),
        QStringLiteral("caller_address"),
        QStringLiteral("caller_client_id"),
        QStringLiteral("caller_security"),
        QStringLiteral("request_method"),
        QStringLiteral("request_path"),
        QStringLiteral("request_headers"),
        QStringLiteral("request_body"),
        QStringLiteral("request_body_size"),
        QStringLiteral("request_body_truncated"),
        QStringLiteral("response_status"),
        QStringLiteral("response_headers"),
        QStringLiteral("response_body"),
        QStringLiteral("response_body_size"),
        QStringLiteral("response_body_truncated"),
        QStringLiteral("trace"),
        QStringLiteral("trace_truncated"),
        QStringLiteral("error"),
        QStringLiteral("retry_of"),
    };
    return columns;
}

// The columns a list without data reads: everything but headers, bodies and trace.
QString summaryColumns()
{
    static const QStringList heavy = {QStringLiteral("request_headers"), QStringLiteral("request_body"),
                                      QStringLiteral("response_headers"), QStringLiteral("response_body"),
                                      QStringLiteral("trace")};
    QStringList columns;
    for (const QString &column : recordColumns()) {
        if (!heavy.contains(column))
            columns.append(column);
    }
    return columns.join(QStringLiteral(", "));
}

QString upsertSql()
{
    const QStringList &columns = recordColumns();
    QStringList placeholders;
    QStringList updates;
    for (const QString &column : columns) {
        placeholders.append(QStringLiteral("?"));
        if (column != QLatin1String("id"))
            updates.append(column + QStringLiteral(" = excluded.") + column);
    }
    return QStringLiteral("INSERT INTO executions (") + columns.join(QStringLiteral(", ")) +
           QStringLiteral(") VALUES (") + placeholders.join(QStringLiteral(", ")) +
           QStringLiteral(") ON CONFLICT (id) DO UPDATE SET ") + updates.join(QStringLiteral(", "));
}

namespace {

// Appends `bytes` read as Latin-1 as a JSON string, escaped as QJsonDocument escapes it.
void appendJsonLatin1(QString &out, const QByteArray &bytes)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out.append(QLatin1Char('"'));
    const char *const begin = bytes.constData();
    const qsizetype size = bytes.size();
    qsizetype plain = 0; // start of the bytes not yet appended, which need no escape
    for (qsizetype i = 0; i < size; ++i) {
        const auto byte = static_cast<uchar>(begin[i]);
        if (byte >= 0x20 && byte != '"' && byte != '\\')
            continue;
        out.append(QLatin1String(begin + plain, i - plain));
        plain = i + 1;
        switch (byte) {
        case '"':
            out.append(QLatin1String("\\\""));
            break;
        case '\\':
            out.append(QLatin1String("\\\\"));
            break;
        case '\b':
            out.append(QLatin1String("\\b"));
            break;
        case '\f':
            out.append(QLatin1String("\\f"));
            break;
        case '\n':
            out.append(QLatin1String("\\n"));
            break;
        case '\r':
            out.append(QLatin1String("\\r"));
            break;
        case '\t':
            out.append(QLatin1String("\\t"));
            break;
        default:
            out.append(QLatin1String("\\u00"));
            out.append(QLatin1Char(kHex[byte >> 4]));
            out.append(QLatin1Char(kHex[byte & 0xf]));
            break;
        }
    }
    out.append(QLatin1String(begin + plain, size - plain));
    out.append(QLatin1Char('"'));
}

} // namespace

// Header names and values are bytes: Latin-1 maps each byte to one character, so they survive JSON.
// Written directly, as QJsonDocument(array).toJson(QJsonDocument::Compact) would write the array of
// [name, value] pairs, without building the array.
QString headersToText(const HeaderList &headers)
{
    qsizetype size = 2;
    for (const auto &[name, value] : headers)
        size += name.size() + value.size() + 8;
    QString text;
    text.reserve(size);
    text.append(QLatin1Char('['));
    for (const auto &[name, value] : headers) {
        if (text.size() > 1)
            text.append(QLatin1Char(','));
        text.append(QLatin1Char('['));
        appendJsonLatin1(text, name);
        text.append(QLatin1Char(','));
        appendJsonLatin1(text, value);
        text.append(QLatin1Char(']'));
    }
    text.append(QLatin1Char(']'));
    return text;
}

HeaderList headersFromText(const QString &text)
{
    HeaderList headers;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &pair : array) {
        const QJsonArray items = pair.toArray();
        headers.append({items.at(0).toString().toLatin1(), items.at(1).toString().toLatin1()});
    }
    return headers;
}

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

QVariantList recordValues(const ExecutionRecord &r, const QByteArray &traceJson)
{
    const QString trace = QString::fromUtf8(traceJson);
    return {
        r.id,
        r.flowId,
        nullableText(r.flowAlias),
        nullableText(r.flowName),
        executionKindId(r.kind),
        executionStatusId(r.status),
        r.startedAt.toMSecsSinceEpoch(),
        r.durationUs,
        nullableText(r.caller.address),
        nullableText(r.caller.clientId),
        securityLevelId(r.caller.securityLevel),
        QString::fromLatin1(r.request.method),
        QString::fromLatin1(r.request.pathAndQuery),
        headersToText(r.request.headers),
        r.request.body,
        r.request.bodySize,
        r.request.bodyTruncated ? 1 : 0,
        r.response.status,
        headersToText(r.response.headers),
        r.response.body,
        r.response.bodySize,
        r.response.bodyTruncated ? 1 : 0,
        nullableText(trace),
        r.traceTruncated ? 1 : 0,
        nullableText(r.error),
        nullableText(r.retryOf),
    };
}

ExecutionRecord readRecord(const QSqlQuery &q, bool withData)
{
    auto text = [&q](const char *column) {
        return q.value(QLatin1String(column)).toString();
    };
    auto number = [&q](const char *column) {
        return q.value(QLatin1String(column)).toLongLong();
    };
    ExecutionRecord r;
    r.id = text("id");
    r.flowId = text("flow_id");
    r.flowAlias = text("flow_alias");
    r.flowName = text("flow_name");
    r.kind = parseExecutionKind(text("kind")).value_or(ExecutionKind::Invoke);
    r.status = parseExecutionStatusId(text("status")).value_or(ExecutionStatus::Failed);
    r.startedAt = fromMs(number("started_at"));
    r.durationUs = number("duration_us");
    r.caller.address = text("caller_address");
    r.caller.clientId = text("caller_client_id");
    r.caller.securityLevel = parseSecurityLevel(text("caller_security")).value_or(SecurityLevel::None);
    r.request.method = text("request_method").toLatin1();
    r.request.pathAndQuery = text("request_path").toLatin1();
    r.request.bodySize = number("request_body_size");
    r.request.bodyTruncated = number("request_body_truncated") != 0;
    r.response.status = int(number("response_status"));
    r.response.bodySize = number("response_body_size");
    r.response.bodyTruncated = number("response_body_truncated") != 0;
    r.traceTruncated = number("trace_truncated") != 0;
    r.error = text("error");
    r.retryOf = text("retry_of");
    if (withData) {
        r.request.headers = headersFromText(text("request_headers"));
        r.request.body = q.value(QLatin1String("request_body")).toByteArray();
        r.response.headers = headersFromText(text("response_headers"));
        r.response.body = q.value(QLatin1String("response_body")).toByteArray();
        const QString trace = text("trace");
        if (!trace.isEmpty())
            r.trace = traceFromJson(QJsonDocument::fromJson(trace.toUtf8()).array());
    }
    return r;
}

QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

// WHERE clause and its values for a filter.
std::pair<QString, QVariantList> whereClause(const HistoryFilter &filter, const SqlDialect &dialect)
{
    QStringList conditions;
    QVariantList values;
    if (!filter.flowId.isEmpty()) {
        conditions.append(QStringLiteral("flow_id = ?"));
        values.append(filter.flowId);
    }
    if (filter.status) {
        conditions.append(QStringLiteral("status = ?"));
        values.append(executionStatusId(*filter.status));
    }
    if (!filter.text.isEmpty()) {
        static const std::pair<const char *, ColumnType> searched[] = {{"request_body", ColumnType::Bytes},
                                                                       {"response_body", ColumnType::Bytes},
                                                                       {"trace", ColumnType::Text},
                                                                       {"error", ColumnType::Text},
                                                                       {"request_path", ColumnType::Text}};
        QStringList likes;
        for (const auto &[column, type] : searched) {
            likes.append(dialect.searchText(QLatin1String(column), type) + QLatin1Char(' ') +
                         dialect.likeOperator() + QStringLiteral(" ? ESCAPE '\\'"));
            values.append(likePattern(filter.text));
        }
        conditions.append(QLatin1Char('(') + likes.join(QStringLiteral(" OR ")) + QLatin1Char(')'));
    }
    if (conditions.isEmpty())
        return {QString(), values};
    return {QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND ")), values};
}

// A paused execution by id and, unless `flowId` is empty, only when it belongs to that flow.
std::pair<QString, QVariantList> pausedWhere(const QString &executionId, const QString &flowId)
{
    if (flowId.isEmpty())
        return {QStringLiteral(" WHERE execution_id = ?"), {executionId}};
    return {QStringLiteral(" WHERE execution_id = ? AND flow_id = ?"), {executionId, flowId}};
}

bool bindAndExec(QSqlQuery &q, const QString &sql, const QVariantList &values)
{
    if (!q.prepare(sql))
        return false;
    for (const QVariant &value : values)
        q.addBindValue(value);
    return q.exec();
}

std::optional<Error> execSql(QSqlDatabase &db, const QString &sql, const SqlDialect &dialect,
                             const QString &what)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        return dialect.error(q.lastError(), what);
    return std::nullopt;
}

namespace {

Error newerSchemaError(const SqlDialect &dialect, int current)
{
    const QString message = QStringLiteral("history database %1 has schema version %2, newer than the %3 "
                                           "this version of wfconsole knows: upgrade wfconsole")
                                .arg(dialect.location())
                                .arg(current)
                                .arg(HistoryStore::latestSchemaVersion());
    qCWarning(lcStore).noquote() << message;
    return makeError(ErrorType::InvalidInput, message);
}

} // namespace

std::optional<Error> migrate(QSqlDatabase &db, const SqlDialect &dialect)
{
    const QString what = QStringLiteral("migrating the schema");
    // One transaction: two processes opening a new database at once cannot both apply a migration.
    for (const QString &statement : dialect.beginMigration()) {
        if (auto error = execSql(db, statement, dialect, what)) {
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            return error;
        }
    }
    auto fail = [&](const QSqlError &sqlError) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return dialect.error(sqlError, what);
    };
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version %1 PRIMARY KEY NOT NULL, "
                               "applied_at %1 NOT NULL)")
                    .arg(dialect.columnType(ColumnType::Integer))))
        return fail(q.lastError());
    if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version")) || !q.next())
        return fail(q.lastError());
    const int current = q.value(0).toInt();
    q.finish();
    if (current > HistoryStore::latestSchemaVersion()) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return newerSchemaError(dialect, current);
    }
    for (const Migration &migration : migrations()) {
        if (migration.version <= current)
            continue;
        for (const QString &statement : migrationStatements(migration, dialect)) {
            if (!q.exec(statement))
                return fail(q.lastError());
        }
        if (!bindAndExec(q, QStringLiteral("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"),
                         {migration.version, QDateTime::currentMSecsSinceEpoch()}))
            return fail(q.lastError());
        qCInfo(lcStore).noquote() << "history database" << dialect.location() << "migrated to schema version"
                                  << migration.version;
    }
    if (!q.exec(QStringLiteral("COMMIT")))
        return fail(q.lastError());
    return std::nullopt;
}

} // namespace historydb
} // namespace wf
