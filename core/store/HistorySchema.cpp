#include "store/HistorySchema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace wf {

Q_LOGGING_CATEGORY(lcStore, "wf.store")

namespace historydb {

const std::vector<Migration> &migrations()
{
    static const std::vector<Migration> list = {
        {1,
         {
             R"(CREATE TABLE executions (
                  id TEXT PRIMARY KEY NOT NULL,
                  flow_id TEXT NOT NULL,
                  flow_alias TEXT,
                  flow_name TEXT,
                  kind TEXT NOT NULL,
                  status TEXT NOT NULL,
                  started_at INTEGER NOT NULL,
                  duration_us INTEGER NOT NULL DEFAULT 0,
                  caller_address TEXT,
                  caller_client_id TEXT,
                  caller_security TEXT,
                  request_method TEXT,
                  request_path TEXT,
                  request_headers TEXT,
                  request_body BLOB,
                  request_body_size INTEGER NOT NULL DEFAULT 0,
                  request_body_truncated INTEGER NOT NULL DEFAULT 0,
                  response_status INTEGER NOT NULL DEFAULT 0,
                  response_headers TEXT,
                  response_body BLOB,
                  response_body_size INTEGER NOT NULL DEFAULT 0,
                  response_body_truncated INTEGER NOT NULL DEFAULT 0,
                  trace TEXT,
                  trace_truncated INTEGER NOT NULL DEFAULT 0,
                  error TEXT,
                  retry_of TEXT))",
             "CREATE INDEX executions_by_start ON executions (started_at)",
             "CREATE INDEX executions_by_flow ON executions (flow_id, started_at)",
             R"(CREATE TABLE paused_executions (
                  execution_id TEXT PRIMARY KEY NOT NULL,
                  flow_id TEXT NOT NULL,
                  continuation TEXT NOT NULL,
                  created_at INTEGER NOT NULL,
                  expires_at INTEGER NOT NULL))",
             "CREATE INDEX paused_by_expiry ON paused_executions (expires_at)",
         }},
    };
    return list;
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

Error storeError(const QSqlError &error, const QString &path, const QString &what, int busyTimeoutMs)
{
    const int code =
        error.nativeErrorCode().toInt() & 0xff; // extended codes keep the primary in the low byte
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    QString message;
    switch (code) {
    case kSqliteBusy:
    case kSqliteLocked:
        message = QStringLiteral("history database %1 is locked by another connection or process "
                                 "(waited %2 ms) while %3")
                      .arg(path)
                      .arg(busyTimeoutMs)
                      .arg(what);
        break;
    case kSqliteReadOnly:
        message = QStringLiteral("history database %1 is read-only while %2: check the permissions of the "
                                 "file and its folder")
                      .arg(path, what);
        break;
    case kSqliteCantOpen:
        message = QStringLiteral("cannot open history database %1 while %2: check that its folder exists "
                                 "and is writable (%3)")
                      .arg(path, what, detail);
        break;
    case kSqliteFull:
        message = QStringLiteral("the disk holding history database %1 is full while %2").arg(path, what);
        break;
    case kSqliteNotADatabase:
        message = QStringLiteral("%1 is not an SQLite history database (while %2)").arg(path, what);
        break;
    case kSqliteCorrupt:
        message = QStringLiteral("history database %1 is corrupt (while %2)").arg(path, what);
        break;
    default:
        message = QStringLiteral("history database %1: %2 failed: %3").arg(path, what, detail);
        break;
    }
    qCWarning(lcStore).noquote() << message;
    return makeError(ErrorType::Internal, message);
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
std::pair<QString, QVariantList> whereClause(const HistoryFilter &filter)
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
        // LIKE does not match inside BLOBs: the bodies are read as text for the search.
        static const QStringList searched = {
            QStringLiteral("CAST(request_body AS TEXT)"), QStringLiteral("CAST(response_body AS TEXT)"),
            QStringLiteral("trace"), QStringLiteral("error"), QStringLiteral("request_path")};
        QStringList likes;
        for (const QString &column : searched) {
            likes.append(column + QStringLiteral(" LIKE ? ESCAPE '\\'"));
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

std::optional<Error> execSql(QSqlDatabase &db, const QString &sql, const QString &path, const QString &what,
                             int busyTimeoutMs)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        return storeError(q.lastError(), path, what, busyTimeoutMs);
    return std::nullopt;
}

std::optional<Error> migrate(QSqlDatabase &db, const QString &path, int busyTimeoutMs)
{
    const QString what = QStringLiteral("migrating the schema");
    // One transaction: two processes opening a new file at once cannot both apply a migration.
    if (auto error = execSql(db, QStringLiteral("BEGIN IMMEDIATE"), path, what, busyTimeoutMs))
        return error;
    auto fail = [&](const QSqlError &sqlError) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return storeError(sqlError, path, what, busyTimeoutMs);
    };
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY NOT "
                               "NULL, applied_at INTEGER NOT NULL)")))
        return fail(q.lastError());
    if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version")) || !q.next())
        return fail(q.lastError());
    const int current = q.value(0).toInt();
    q.finish();
    if (current > HistoryStore::latestSchemaVersion()) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        const QString message = QStringLiteral("history database %1 has schema version %2, newer than the %3 "
                                               "this version of wfconsole knows: upgrade wfconsole")
                                    .arg(path)
                                    .arg(current)
                                    .arg(HistoryStore::latestSchemaVersion());
        qCWarning(lcStore).noquote() << message;
        return makeError(ErrorType::InvalidInput, message);
    }
    for (const Migration &migration : migrations()) {
        if (migration.version <= current)
            continue;
        for (const char *statement : migration.statements) {
            if (!q.exec(QString::fromLatin1(statement)))
                return fail(q.lastError());
        }
        if (!bindAndExec(q, QStringLiteral("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"),
                         {migration.version, QDateTime::currentMSecsSinceEpoch()}))
            return fail(q.lastError());
        qCInfo(lcStore).noquote() << "history database" << path << "migrated to schema version"
                                  << migration.version;
    }
    if (!q.exec(QStringLiteral("COMMIT")))
        return fail(q.lastError());
    return std::nullopt;
}

std::optional<Error> configureWriter(QSqlDatabase &db, const QString &path,
                                     const HistoryStoreOptions &options)
{
    const int timeout = options.busyTimeoutMs;
    if (!db.open())
        return storeError(db.lastError(), path, QStringLiteral("opening"), timeout);
    const QString what = QStringLiteral("configuring the connection");
    if (auto error =
            execSql(db, QStringLiteral("PRAGMA busy_timeout = %1").arg(timeout), path, what, timeout))
        return error;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !q.next())
        return storeError(q.lastError(), path, QStringLiteral("switching to WAL"), timeout);
    const QString mode = q.value(0).toString();
    q.finish();
    if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return makeError(
            ErrorType::Internal,
            QStringLiteral("history database %1 cannot use WAL mode (journal mode stays '%2'): keep it "
                           "on a local file system")
                .arg(path, mode));
    const QString sync = options.fullSync ? QStringLiteral("FULL") : QStringLiteral("NORMAL");
    if (auto error = execSql(db, QStringLiteral("PRAGMA synchronous = ") + sync, path, what, timeout))
        return error;
    // The WAL file shrinks back to this size after a checkpoint instead of keeping its peak size.
    if (auto error = execSql(db, QStringLiteral("PRAGMA journal_size_limit = 67108864"), path, what, timeout))
        return error;
    return migrate(db, path, timeout);
}

} // namespace historydb
} // namespace wf
