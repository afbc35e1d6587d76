#include "store/ExecutionRecord.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

namespace wf {

namespace {

constexpr qsizetype kMinSecretBytes = 6;

struct KindName {
    ExecutionKind kind;
    const char *id;
};

constexpr KindName kKindNames[] = {
    {ExecutionKind::Invoke, "invoke"},
    {ExecutionKind::Resume, "resume"},
    {ExecutionKind::Retry, "retry"},
};

void addSecret(QList<QByteArray> &secrets, const QByteArray &value)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.size() >= kMinSecretBytes && trimmed != redactedText() && !secrets.contains(trimmed))
        secrets.append(trimmed);
}

// A header value and, for "Scheme credential", the credential alone (a flow may echo either).
void addHeaderSecret(QList<QByteArray> &secrets, const QByteArray &value)
{
    addSecret(secrets, value);
    const QByteArray trimmed = value.trimmed();
    const qsizetype space = trimmed.indexOf(' ');
    if (space > 0)
        addSecret(secrets, trimmed.mid(space + 1));
}

QByteArray decodeQueryComponent(QByteArray component)
{
    component.replace('+', ' ');
    return QByteArray::fromPercentEncoding(component);
}

// Redacts the secret parameters of a query (no '?'), collecting their values when asked.
QByteArray redactQuery(const QByteArray &query, QList<QByteArray> *secrets)
{
    QList<QByteArray> parts = query.split('&');
    for (QByteArray &part : parts) {
        const qsizetype equals = part.indexOf('=');
        if (equals < 0 || !isSecretQueryParameter(part.left(equals)))
            continue;
        if (secrets) {
            const QByteArray raw = part.mid(equals + 1);
            addSecret(*secrets, raw);
            addSecret(*secrets, decodeQueryComponent(raw));
        }
        part = part.left(equals + 1) + redactedText();
    }
    return parts.join('&');
}

void sortLongestFirst(QList<QByteArray> &secrets)
{
    // A longer secret may contain a shorter one ("Bearer x" and "x"): replace the longer first.
    std::sort(secrets.begin(), secrets.end(),
              [](const QByteArray &a, const QByteArray &b) { return a.size() > b.size(); });
}

void scrubBytes(QByteArray &data, const QList<QByteArray> &secrets)
{
    for (const QByteArray &secret : secrets)
        data.replace(secret, redactedText());
}

void scrubString(QString &text, const QList<QByteArray> &secrets)
{
    const QString redacted = QString::fromLatin1(redactedText());
    for (const QByteArray &secret : secrets) {
        text.replace(QString::fromUtf8(secret), redacted);
        text.replace(QString::fromLatin1(secret), redacted); // differs only for non-ASCII bytes
    }
}

QJsonValue scrubJson(const QJsonValue &value, const QList<QByteArray> &secrets);

QJsonObject scrubObject(QJsonObject object, const QList<QByteArray> &secrets)
{
    for (auto it = object.begin(); it != object.end(); ++it)
        it.value() = scrubJson(it.value(), secrets);
    return object;
}

QJsonValue scrubJson(const QJsonValue &value, const QList<QByteArray> &secrets)
{
    if (value.isString()) {
        QString text = value.toString();
        scrubString(text, secrets);
        return text;
    }
    if (value.isObject())
        return scrubObject(value.toObject(), secrets);
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array.replace(i, scrubJson(array.at(i), secrets));
        return array;
    }
    return value;
}

// Header objects of the event outputs ({"authorization": "Bearer …"}): secret names redacted.
QJsonObject redactHeaderObject(QJsonObject headers, QList<QByteArray> &secrets)
{
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        if (!isSecretHeader(it.key().toLatin1()))
            continue;
        if (it.value().isString())
            addHeaderSecret(secrets, it.value().toString().toUtf8());
        it.value() = QString::fromLatin1(redactedText());
    }
    return headers;
}

QJsonObject redactQueryObject(QJsonObject query, QList<QByteArray> &secrets)
{
    for (auto it = query.begin(); it != query.end(); ++it) {
        if (!isSecretQueryParameter(it.key().toUtf8()))
            continue;
        if (it.value().isString())
            addSecret(secrets, it.value().toString().toUtf8());
        it.value() = QString::fromLatin1(redactedText());
    }
    return query;
}

} // namespace

QString executionKindId(ExecutionKind kind)
{
    for (const KindName &name : kKindNames) {
        if (name.kind == kind)
            return QString::fromLatin1(name.id);
    }
    return QStringLiteral("invoke");
}

std::optional<ExecutionKind> parseExecutionKind(const QString &id)
{
    for (const KindName &name : kKindNames) {
        if (id == QLatin1String(name.id))
            return name.kind;
    }
    return std::nullopt;
}

QByteArray redactedText()
{
    return QByteArrayLiteral("[redacted]");
}

bool isSecretHeader(const QByteArray &name)
{
    const QByteArray trimmed = name.trimmed();
    return trimmed.compare("authorization", Qt::CaseInsensitive) == 0 ||
           trimmed.compare("proxy-authorization", Qt::CaseInsensitive) == 0 ||
           trimmed.compare("x-api-client-token", Qt::CaseInsensitive) == 0;
}

bool isSecretQueryParameter(const QByteArray &encodedName)
{
    return decodeQueryComponent(encodedName).trimmed().compare("clienttoken", Qt::CaseInsensitive) == 0;
}

QByteArray redactPathAndQuery(const QByteArray &pathAndQuery)
{
    const qsizetype question = pathAndQuery.indexOf('?');
    if (question < 0)
        return pathAndQuery;
    qsizetype end = pathAndQuery.indexOf('#', question);
    if (end < 0)
        end = pathAndQuery.size();
    return pathAndQuery.left(question + 1) +
           redactQuery(pathAndQuery.mid(question + 1, end - question - 1), nullptr) + pathAndQuery.mid(end);
}

QList<QByteArray> requestSecrets(const RecordedRequest &request)
{
    QList<QByteArray> secrets;
    for (const auto &[name, value] : request.headers) {
        if (isSecretHeader(name))
            addHeaderSecret(secrets, value);
    }
    const qsizetype question = request.pathAndQuery.indexOf('?');
    if (question >= 0) {
        QByteArray query = request.pathAndQuery.mid(question + 1);
        const qsizetype hash = query.indexOf('#');
        if (hash >= 0)
            query.truncate(hash);
        redactQuery(query, &secrets);
    }
    sortLongestFirst(secrets);
    return secrets;
}

void redactRequest(RecordedRequest &request)
{
    for (auto &[name, value] : request.headers) {
        if (isSecretHeader(name))
            value = redactedText();
    }
    request.pathAndQuery = redactPathAndQuery(request.pathAndQuery);
}

void redactRecord(ExecutionRecord &record)
{
    const QList<QByteArray> secrets = requestSecrets(record.request);
    redactRequest(record.request);
    for (auto &[name, value] : record.response.headers) {
        if (isSecretHeader(name))
            value = redactedText();
    }
    if (secrets.isEmpty())
        return;
    scrubBytes(record.request.pathAndQuery, secrets);
    scrubBytes(record.request.body, secrets);
    for (auto &header : record.request.headers)
        scrubBytes(header.second, secrets);
    for (auto &header : record.response.headers)
        scrubBytes(header.second, secrets);
    scrubBytes(record.response.body, secrets);
    scrubString(record.error, secrets);
    for (TraceEntry &entry : record.trace) {
        entry.inputs = scrubObject(entry.inputs, secrets);
        entry.outputs = scrubObject(entry.outputs, secrets);
        if (entry.error)
            scrubString(entry.error->message, secrets);
    }
}

QJsonObject redactContinuation(const QJsonObject &continuation)
{
    QJsonObject result = continuation;
    QJsonObject outputs = result.value(QLatin1String("outputs")).toObject();
    QJsonObject event = outputs.value(eventCardId()).toObject();
    QList<QByteArray> secrets;

    QJsonObject raw = event.value(QLatin1String("raw")).toObject();
    if (raw.contains(QLatin1String("headers")))
        raw.insert(QStringLiteral("headers"),
                   redactHeaderObject(raw.value(QLatin1String("headers")).toObject(), secrets));
    if (raw.value(QLatin1String("query")).isString())
        raw.insert(
            QStringLiteral("query"),
            QString::fromUtf8(redactQuery(raw.value(QLatin1String("query")).toString().toUtf8(), &secrets)));
    if (event.contains(QLatin1String("raw")))
        event.insert(QStringLiteral("raw"), raw);
    if (event.contains(QLatin1String("headers")))
        event.insert(QStringLiteral("headers"),
                     redactHeaderObject(event.value(QLatin1String("headers")).toObject(), secrets));
    if (event.contains(QLatin1String("query")))
        event.insert(QStringLiteral("query"),
                     redactQueryObject(event.value(QLatin1String("query")).toObject(), secrets));
    if (outputs.contains(eventCardId()))
        outputs.insert(eventCardId(), event);

    sortLongestFirst(secrets);
    if (!secrets.isEmpty())
        outputs = scrubObject(outputs, secrets);
    if (result.contains(QLatin1String("outputs")))
        result.insert(QStringLiteral("outputs"), outputs);
    return result;
}

void capBody(QByteArray &body, qint64 &bodySize, bool &truncated, qint64 maxBytes)
{
    bodySize = std::max(bodySize, qint64(body.size()));
    if (maxBytes >= 0 && body.size() > maxBytes) {
        body.truncate(qsizetype(maxBytes));
        truncated = true;
    }
}

void capTrace(Trace &trace, bool &truncated, qint64 maxBytes)
{
    if (maxBytes < 0)
        return;
    qint64 total = 2; // "[]"
    for (qsizetype i = 0; i < trace.size(); ++i) {
        total += QJsonDocument(trace.at(i).toJson()).toJson(QJsonDocument::Compact).size() + 1;
        if (total > maxBytes) {
            trace.resize(i);
            truncated = true;
            return;
        }
    }
}

void capRecord(ExecutionRecord &record, qint64 maxBodyBytes, qint64 maxTraceBytes)
{
    capBody(record.request.body, record.request.bodySize, record.request.bodyTruncated, maxBodyBytes);
    capBody(record.response.body, record.response.bodySize, record.response.bodyTruncated, maxBodyBytes);
    capTrace(record.trace, record.traceTruncated, maxTraceBytes);
}

bool isExecutionId(const QString &id)
{
    if (id.size() != 32)
        return false;
    return std::all_of(id.begin(), id.end(), [](QChar c) {
        return (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
               (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
    });
}

} // namespace wf
