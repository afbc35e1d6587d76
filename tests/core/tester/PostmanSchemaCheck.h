#pragma once

// Shared by the Postman and newman tests: an export checked against the Postman Collection v2.1.0
// schema (https://schema.getpostman.com/json/collection/v2.1.0/collection.json).

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

namespace wf::testersupport {

// The members toPostmanCollection() writes, checked against the Postman Collection v2.1.0 schema:
// required members, types, enumerations, and no member the schema does not define (but for the
// documented request.wfconsoleFlowId, which Postman ignores).
class SchemaCheck final {
public:
    QStringList problems;

    void collection(const QJsonObject &root)
    {
        members(root, QStringLiteral("$"),
                {QStringLiteral("info"), QStringLiteral("item"), QStringLiteral("event"),
                 QStringLiteral("variable"), QStringLiteral("auth"),
                 QStringLiteral("protocolProfileBehavior")},
                {QStringLiteral("info"), QStringLiteral("item")});
        const QJsonObject info = root.value(QLatin1String("info")).toObject();
        members(info, QStringLiteral("$.info"),
                {QStringLiteral("name"), QStringLiteral("_postman_id"), QStringLiteral("description"),
                 QStringLiteral("version"), QStringLiteral("schema")},
                {QStringLiteral("name"), QStringLiteral("schema")});
        strings(info, QStringLiteral("$.info"),
                {QStringLiteral("name"), QStringLiteral("_postman_id"), QStringLiteral("schema")});
        if (info.value(QLatin1String("schema")).toString() !=
            QLatin1String("https://schema.getpostman.com/json/collection/v2.1.0/collection.json"))
            fail(QStringLiteral("$.info.schema"), QStringLiteral("not the v2.1.0 schema URL"));
        items(root.value(QLatin1String("item")), QStringLiteral("$.item"));
    }

private:
    void fail(const QString &path, const QString &what)
    {
        problems.append(path + QStringLiteral(": ") + what);
    }

    void members(const QJsonObject &object, const QString &path, const QStringList &allowed,
                 const QStringList &required = {})
    {
        for (const QString &key : object.keys()) {
            if (!allowed.contains(key))
                fail(path, QStringLiteral("member %1 is not in the schema").arg(key));
        }
        for (const QString &key : required) {
            if (!object.contains(key))
                fail(path, QStringLiteral("required member %1 missing").arg(key));
        }
    }

    void strings(const QJsonObject &object, const QString &path, const QStringList &keys)
    {
        for (const QString &key : keys) {
            if (object.contains(key) && !object.value(key).isString())
                fail(path + QLatin1Char('.') + key, QStringLiteral("not a string"));
        }
    }

    void booleans(const QJsonObject &object, const QString &path)
    {
        if (object.contains(QLatin1String("disabled")) && !object.value(QLatin1String("disabled")).isBool())
            fail(path + QStringLiteral(".disabled"), QStringLiteral("not a boolean"));
    }

    void items(const QJsonValue &value, const QString &path)
    {
        if (!value.isArray())
            return fail(path, QStringLiteral("not an array"));
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString itemPath = QStringLiteral("%1[%2]").arg(path).arg(i);
            const QJsonObject item = array.at(i).toObject();
            strings(item, itemPath, {QStringLiteral("name")});
            if (item.contains(QLatin1String("item"))) {
                members(item, itemPath,
                        {QStringLiteral("name"), QStringLiteral("description"), QStringLiteral("variable"),
                         QStringLiteral("item"), QStringLiteral("event"), QStringLiteral("auth"),
                         QStringLiteral("protocolProfileBehavior")});
                items(item.value(QLatin1String("item")), itemPath + QStringLiteral(".item"));
                continue;
            }
            members(item, itemPath,
                    {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("description"),
                     QStringLiteral("variable"), QStringLiteral("event"), QStringLiteral("request"),
                     QStringLiteral("response"), QStringLiteral("protocolProfileBehavior")},
                    {QStringLiteral("request")});
            if (!item.value(QLatin1String("response")).isArray())
                fail(itemPath + QStringLiteral(".response"), QStringLiteral("not an array"));
            request(item.value(QLatin1String("request")).toObject(), itemPath + QStringLiteral(".request"));
        }
    }

    void request(const QJsonObject &request, const QString &path)
    {
        members(request, path,
                {QStringLiteral("url"), QStringLiteral("auth"), QStringLiteral("proxy"),
                 QStringLiteral("certificate"), QStringLiteral("method"), QStringLiteral("description"),
                 QStringLiteral("header"), QStringLiteral("body"), QStringLiteral("wfconsoleFlowId")});
        static const QRegularExpression token(QStringLiteral("^[A-Z0-9!#$%&'*+.^_`|~-]+$"));
        if (!token.match(request.value(QLatin1String("method")).toString()).hasMatch())
            fail(path + QStringLiteral(".method"), QStringLiteral("not an HTTP method"));
        strings(request, path, {QStringLiteral("wfconsoleFlowId")});
        const QJsonArray headers = request.value(QLatin1String("header")).toArray();
        for (qsizetype i = 0; i < headers.size(); ++i)
            keyValue(headers.at(i).toObject(), QStringLiteral("%1.header[%2]").arg(path).arg(i), true);
        url(request.value(QLatin1String("url")).toObject(), path + QStringLiteral(".url"));
        if (request.contains(QLatin1String("body")))
            body(request.value(QLatin1String("body")).toObject(), path + QStringLiteral(".body"));
        auth(request.value(QLatin1String("auth")).toObject(), path + QStringLiteral(".auth"));
    }

    void keyValue(const QJsonObject &entry, const QString &path, bool valueRequired)
    {
        members(entry, path,
                {QStringLiteral("key"), QStringLiteral("value"), QStringLiteral("disabled"),
                 QStringLiteral("description")},
                valueRequired ? QStringList{QStringLiteral("key"), QStringLiteral("value")}
                              : QStringList{QStringLiteral("key")});
        strings(entry, path, {QStringLiteral("key"), QStringLiteral("value")});
        booleans(entry, path);
    }

    void url(const QJsonObject &url, const QString &path)
    {
        members(url, path,
                {QStringLiteral("raw"), QStringLiteral("protocol"), QStringLiteral("host"),
                 QStringLiteral("path"), QStringLiteral("port"), QStringLiteral("query"),
                 QStringLiteral("hash"), QStringLiteral("variable")});
        strings(url, path,
                {QStringLiteral("raw"), QStringLiteral("protocol"), QStringLiteral("port"),
                 QStringLiteral("hash")});
        for (const char *list : {"host", "path"}) {
            const QJsonValue value = url.value(QLatin1String(list));
            if (value.isUndefined())
                continue;
            if (!value.isArray())
                fail(path + QLatin1Char('.') + QLatin1String(list), QStringLiteral("not an array"));
            for (const QJsonValue &part : value.toArray()) {
                if (!part.isString())
                    fail(path + QLatin1Char('.') + QLatin1String(list), QStringLiteral("holds a non-string"));
            }
        }
        const QJsonArray query = url.value(QLatin1String("query")).toArray();
        for (qsizetype i = 0; i < query.size(); ++i)
            keyValue(query.at(i).toObject(), QStringLiteral("%1.query[%2]").arg(path).arg(i), false);
    }

    void body(const QJsonObject &body, const QString &path)
    {
        members(body, path,
                {QStringLiteral("mode"), QStringLiteral("raw"), QStringLiteral("urlencoded"),
                 QStringLiteral("formdata"), QStringLiteral("file"), QStringLiteral("graphql"),
                 QStringLiteral("options"), QStringLiteral("disabled")});
        static const QStringList modes{QStringLiteral("raw"), QStringLiteral("urlencoded"),
                                       QStringLiteral("formdata"), QStringLiteral("file"),
                                       QStringLiteral("graphql")};
        if (body.contains(QLatin1String("mode")) &&
            !modes.contains(body.value(QLatin1String("mode")).toString()))
            fail(path + QStringLiteral(".mode"), QStringLiteral("not one of the schema's modes"));
        strings(body, path, {QStringLiteral("raw")});
        booleans(body, path);
        if (body.contains(QLatin1String("options")) && !body.value(QLatin1String("options")).isObject())
            fail(path + QStringLiteral(".options"), QStringLiteral("not an object"));
        const QJsonArray form = body.value(QLatin1String("urlencoded")).toArray();
        for (qsizetype i = 0; i < form.size(); ++i)
            keyValue(form.at(i).toObject(), QStringLiteral("%1.urlencoded[%2]").arg(path).arg(i), false);
    }

    void auth(const QJsonObject &auth, const QString &path)
    {
        static const QStringList types{
            QStringLiteral("apikey"), QStringLiteral("awsv4"),  QStringLiteral("basic"),
            QStringLiteral("bearer"), QStringLiteral("digest"), QStringLiteral("edgegrid"),
            QStringLiteral("hawk"),   QStringLiteral("noauth"), QStringLiteral("oauth1"),
            QStringLiteral("oauth2"), QStringLiteral("ntlm")};
        const QString type = auth.value(QLatin1String("type")).toString();
        if (!types.contains(type))
            return fail(path + QStringLiteral(".type"), QStringLiteral("'%1' is not an auth type").arg(type));
        // Every type's attributes may be present; "type" picks the one in use.
        members(auth, path, QStringList(types) << QStringLiteral("type"), {QStringLiteral("type")});
        if (type != QLatin1String("noauth") && !auth.value(type).isArray())
            fail(path + QLatin1Char('.') + type, QStringLiteral("missing or not an array"));
        for (const QString &other : types) {
            if (other == QLatin1String("noauth") || !auth.contains(other))
                continue;
            if (!auth.value(other).isArray())
                fail(path + QLatin1Char('.') + other, QStringLiteral("not an array"));
            for (const QJsonValue &attribute : auth.value(other).toArray()) {
                members(attribute.toObject(), path + QLatin1Char('.') + other,
                        {QStringLiteral("key"), QStringLiteral("value"), QStringLiteral("type")},
                        {QStringLiteral("key")});
                strings(attribute.toObject(), path + QLatin1Char('.') + other,
                        {QStringLiteral("key"), QStringLiteral("type")});
            }
        }
    }
};

} // namespace wf::testersupport
