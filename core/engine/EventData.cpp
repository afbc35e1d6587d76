#include "engine/EventData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace wf {
namespace {

bool isJsonContentType(const QByteArray &contentType)
{
    const QByteArray mime = contentType.split(';').first().trimmed().toLower();
    return mime == "application/json" || mime.endsWith("+json");
}

bool isFormContentType(const QByteArray &contentType)
{
    return contentType.split(';').first().trimmed().toLower() == "application/x-www-form-urlencoded";
}

Result<QJsonObject> declaredFields(const QList<FieldDecl> &fields, const QJsonObject &source,
                                   const QString &what)
{
    QJsonObject result;
    for (const FieldDecl &field : fields) {
        auto converted = convertValue(source.value(field.name), field.type);
        if (!converted)
            return makeError(
                converted.error().type,
                QStringLiteral("%1 field '%2': %3").arg(what, field.name, converted.error().message));
        result.insert(field.name, *converted);
    }
    return result;
}

} // namespace

QByteArray headerValue(const HeaderList &headers, const QByteArray &name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QJsonObject decodeForm(const QByteArray &form)
{
    QJsonObject result;
    for (const QByteArray &pair : form.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QByteArray key = eq < 0 ? pair : pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        key.replace('+', ' ');
        value.replace('+', ' ');
        result.insert(QUrl::fromPercentEncoding(key), QUrl::fromPercentEncoding(value));
    }
    return result;
}

Result<QJsonObject> buildEventOutputs(const EventCard &event, const EventData &data)
{
    const QByteArray contentType = data.header("content-type");
    QJsonObject bodyObject;
    if (!data.body.isEmpty()) {
        if (isFormContentType(contentType)) {
            bodyObject = decodeForm(data.body);
        } else {
            QJsonParseError error{};
            const QJsonDocument doc = QJsonDocument::fromJson(data.body, &error);
            if (error.error != QJsonParseError::NoError && isJsonContentType(contentType))
                return makeError(ErrorType::InvalidInput,
                                 QStringLiteral("malformed JSON body at offset %1: %2")
                                     .arg(error.offset)
                                     .arg(error.errorString()));
            if (error.error == QJsonParseError::NoError && doc.isObject())
                bodyObject = doc.object();
        }
    }

    QJsonObject rawHeaders;
    for (const auto &[name, value] : data.headers) {
        const QString key = QString::fromLatin1(name).toLower();
        const QString text = QString::fromUtf8(value);
        const QString existing = rawHeaders.value(key).toString();
        rawHeaders.insert(key, existing.isEmpty() ? text : existing + QStringLiteral(", ") + text);
    }

    auto body = declaredFields(event.body, bodyObject, QStringLiteral("body"));
    if (!body)
        return body.error();
    auto query = declaredFields(event.query, decodeForm(data.rawQuery), QStringLiteral("query"));
    if (!query)
        return query.error();
    auto headers = declaredFields(event.headers, rawHeaders, QStringLiteral("header"));
    if (!headers)
        return headers.error();

    const QJsonObject raw{{QStringLiteral("body"), QString::fromUtf8(data.body)},
                          {QStringLiteral("query"), QString::fromUtf8(data.rawQuery)},
                          {QStringLiteral("headers"), rawHeaders}};
    const QJsonObject context{{QStringLiteral("execution_id"), data.executionId},
                              {QStringLiteral("method"), QString::fromLatin1(data.method)},
                              {QStringLiteral("client_id"), data.clientId.isEmpty()
                                                                ? QJsonValue(QJsonValue::Null)
                                                                : QJsonValue(data.clientId)},
                              {QStringLiteral("security_level"), securityLevelId(data.security)}};
    return QJsonObject{{QStringLiteral("body"), *body},
                       {QStringLiteral("query"), *query},
                       {QStringLiteral("headers"), *headers},
                       {QStringLiteral("raw"), raw},
                       {QStringLiteral("context"), context}};
}

Result<QJsonObject> buildHelperOutputs(const EventCard &event, const QJsonObject &inputs)
{
    return declaredFields(event.inputs, inputs, QStringLiteral("input"));
}

} // namespace wf
