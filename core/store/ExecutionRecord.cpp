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

// Replaces every secret found in a record's text. The secrets' text forms are made once, and JSON is
// rebuilt only where a secret was found: most records hold none, and their trace is left as it is.
class Scrubber final {
public:
    explicit Scrubber(QList<QByteArray> secrets) : m_bytes(std::move(secrets))
    {
        // A longer secret may contain a shorter one ("Bearer x" and "x"): replace the longer first.
        std::sort(m_bytes.begin(), m_bytes.end(),
                  [](const QByteArray &a, const QByteArray &b) { return a.size() > b.size(); });
        for (const QByteArray &secret : std::as_const(m_bytes)) {
            for (const QString &text : {QString::fromUtf8(secret), QString::fromLatin1(secret)}) {
                if (!m_texts.contains(text))
                    m_texts.append(text); // the Latin-1 form differs only for non-ASCII bytes
            }
        }
        for (const QString &text : std::as_const(m_texts))
            m_shortest = m_shortest < 0 ? text.size() : std::min(m_shortest, text.size());
    }

    bool isEmpty() const { return m_bytes.isEmpty(); }

    void bytes(QByteArray &data) const
    {
        for (const QByteArray &secret : m_bytes) {
            if (data.contains(secret))
                data.replace(secret, redactedText());
        }
    }

    // True when `text` changed.
    bool string(QString &text) const
    {
        if (text.size() < m_shortest)
            return false;
        bool changed = false;
        for (const QString &secret : m_texts) {
            if (text.contains(secret)) {
                text.replace(secret, m_redacted);
                changed = true;
            }
        }
        return changed;
    }

    // True when `value` changed.
    bool json(QJsonValue &value) const
    {
        if (value.isString()) {
            QString text = value.toString();
            if (!string(text))
                return false;
            value = text;
            return true;
        }
        if (value.isObject()) {
            QJsonObject object = value.toObject();
            if (!this->object(object))
                return false;
            value = object;
            return true;
        }
        if (value.isArray()) {
            QJsonArray array = value.toArray();
            bool changed = false;
            for (qsizetype i = 0; i < array.size(); ++i) {
                QJsonValue item = array.at(i);
                if (json(item)) {
                    array.replace(i, item);
                    changed = true;
                }
            }
            if (changed)
                value = array;
            return changed;
        }
        return false;
    }

    // True when `object` changed.
    bool object(QJsonObject &object) const
    {
        QList<std::pair<QString, QJsonValue>> changed; // applied after the walk: inserting detaches
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            QJsonValue item = it.value();
            if (json(item))
                changed.append({it.key(), item});
        }
        for (const auto &[key, item] : std::as_const(changed))
            object.insert(key, item);
        return !changed.isEmpty();
    }

private:
    QList<QByteArray> m_bytes;
    QList<QString> m_texts;
    qsizetype m_shortest = -1;
    const QString m_redacted = QString::fromLatin1(redactedText());
};

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
    const Scrubber scrub(requestSecrets(record.request));
    redactRequest(record.request);
    for (auto &[name, value] : record.response.headers) {
        if (isSecretHeader(name))
            value = redactedText();
    }
    if (scrub.isEmpty())
        return;
    scrub.bytes(record.request.pathAndQuery);
    scrub.bytes(record.request.body);
    for (auto &header : record.request.headers)
        scrub.bytes(header.second);
    for (auto &header : record.response.headers)
        scrub.bytes(header.second);
    scrub.bytes(record.response.body);
    scrub.string(record.error);
    for (TraceEntry &entry : record.trace) {
        scrub.object(entry.inputs);
        scrub.object(entry.outputs);
        if (entry.error)
            scrub.string(entry.error->message);
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

    Scrubber(secrets).object(outputs);
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
    if (maxBytes >= 0)
        capTraceJson(trace, truncated, maxBytes);
}

QByteArray capTraceJson(Trace &trace, bool &truncated, qint64 maxBytes)
{
    // A compact array is its elements' compact JSON between brackets, separated by commas.
    QByteArray json;
    for (qsizetype i = 0; i < trace.size(); ++i) {
        const qsizetype before = json.size();
        json.append(i == 0 ? '[' : ',');
        trace.at(i).appendCompactJson(json);
        if (maxBytes >= 0 && json.size() + 1 > maxBytes) { // with the closing bracket
            json.truncate(before);
            trace.resize(i);
            truncated = true;
            break;
        }
    }
    if (!json.isEmpty())
        json.append(']');
    return json;
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
