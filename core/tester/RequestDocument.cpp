#include "tester/RequestDocument.h"

#include "tester/Variables.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <optional>

namespace wf::tester {
namespace {

Error memberError(const QString &member, const QString &problem)
{
    return makeError(ErrorType::InvalidInput, QStringLiteral("%1: %2").arg(member, problem));
}

// Reads the members of one JSON object, remembering the first problem with the member's path so the
// caller reports which member of a collection or history file is wrong.
class Reader final {
public:
    Reader(const QJsonObject &object, QString path) : m_object(object), m_path(std::move(path)) {}

    QString pathOf(const QString &member) const
    {
        return m_path.isEmpty() ? member : m_path + QLatin1Char('.') + member;
    }

    bool failed() const { return m_error.has_value(); }
    Error error() const { return *m_error; }
    void fail(const QString &member, const QString &problem)
    {
        if (!m_error)
            m_error = memberError(pathOf(member), problem);
    }
    void fail(Error error)
    {
        if (!m_error)
            m_error = std::move(error);
    }

    QString string(const QString &member, const QString &fallback, qsizetype maxChars = -1)
    {
        const QJsonValue value = m_object.value(member);
        if (value.isUndefined() || value.isNull())
            return fallback;
        if (!value.isString()) {
            fail(member, QStringLiteral("expected a string"));
            return fallback;
        }
        const QString text = value.toString();
        if (maxChars >= 0 && text.size() > maxChars) {
            fail(member, QStringLiteral("longer than %1 characters").arg(maxChars));
            return fallback;
        }
        return text;
    }

    bool boolean(const QString &member, bool fallback)
    {
        const QJsonValue value = m_object.value(member);
        if (value.isUndefined() || value.isNull())
            return fallback;
        if (!value.isBool()) {
            fail(member, QStringLiteral("expected true or false"));
            return fallback;
        }
        return value.toBool();
    }

    // The index of `text` in `names` (a mode's JSON names), or `fallback` when the member is absent.
    int choice(const QString &member, const QStringList &names, int fallback)
    {
        const QJsonValue value = m_object.value(member);
        if (value.isUndefined() || value.isNull())
            return fallback;
        if (!value.isString()) {
            fail(member, QStringLiteral("expected a string"));
            return fallback;
        }
        const auto index = names.indexOf(value.toString());
        if (index < 0) {
            fail(member, QStringLiteral("unknown value '%1' (expected %2)")
                             .arg(value.toString(), names.join(QStringLiteral(", "))));
            return fallback;
        }
        return int(index);
    }

    QJsonObject object(const QString &member)
    {
        const QJsonValue value = m_object.value(member);
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isObject())
            fail(member, QStringLiteral("expected an object"));
        return value.toObject();
    }

    QList<KeyValue> keyValues(const QString &member);

private:
    const QJsonObject &m_object;
    QString m_path;
    std::optional<Error> m_error;
};

QList<KeyValue> Reader::keyValues(const QString &member)
{
    const QJsonValue value = m_object.value(member);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isArray()) {
        fail(member, QStringLiteral("expected an array"));
        return {};
    }
    const QJsonArray array = value.toArray();
    if (array.size() > kMaxParameters) {
        fail(member, QStringLiteral("more than %1 entries").arg(kMaxParameters));
        return {};
    }
    QList<KeyValue> list;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemPath = QStringLiteral("%1[%2]").arg(pathOf(member)).arg(i);
        if (!array.at(i).isObject()) {
            fail(memberError(itemPath, QStringLiteral("expected an object")));
            return {};
        }
        const QJsonObject item = array.at(i).toObject();
        Reader reader(item, itemPath);
        KeyValue entry;
        entry.name = reader.string(QStringLiteral("name"), {}, kMaxUrlChars);
        entry.value = reader.string(QStringLiteral("value"), {}, kMaxBodyChars);
        entry.enabled = reader.boolean(QStringLiteral("enabled"), true);
        if (reader.failed()) {
            fail(reader.error());
            return {};
        }
        list.append(entry);
    }
    return list;
}

const QStringList &bodyModeNames()
{
    static const QStringList names{QStringLiteral("none"), QStringLiteral("json"), QStringLiteral("form"),
                                   QStringLiteral("raw")};
    return names;
}

const QStringList &authModeNames()
{
    static const QStringList names{QStringLiteral("none"), QStringLiteral("clientToken"),
                                   QStringLiteral("oauth2"), QStringLiteral("bearer")};
    return names;
}

const QStringList &placementNames()
{
    static const QStringList names{QStringLiteral("query"), QStringLiteral("header")};
    return names;
}

const QStringList &keySourceNames()
{
    static const QStringList names{QStringLiteral("kept"), QStringLiteral("pasted")};
    return names;
}

QJsonArray keyValuesToJson(const QList<KeyValue> &list)
{
    QJsonArray array;
    for (const KeyValue &entry : list)
        array.append(QJsonObject{{QStringLiteral("name"), entry.name},
                                 {QStringLiteral("value"), entry.value},
                                 {QStringLiteral("enabled"), entry.enabled}});
    return array;
}

QJsonObject authToJson(const RequestAuth &auth)
{
    const QJsonObject oauth{
        {QStringLiteral("clientId"), auth.oauth.clientId},
        {QStringLiteral("kid"), auth.oauth.kid},
        {QStringLiteral("tokenUrl"), auth.oauth.tokenUrl},
        {QStringLiteral("scope"), auth.oauth.scope},
        {QStringLiteral("keySource"), keySourceNames().at(int(auth.oauth.keySource))},
    };
    return QJsonObject{
        {QStringLiteral("mode"), authModeName(auth.mode)},
        {QStringLiteral("placement"), placementNames().at(int(auth.placement))},
        {QStringLiteral("clientToken"), auth.clientToken},
        {QStringLiteral("oauth"), oauth},
        {QStringLiteral("bearerToken"), auth.bearerToken},
    };
}

Result<RequestAuth> authFromJson(const QJsonObject &json)
{
    Reader reader(json, QStringLiteral("auth"));
    RequestAuth auth;
    auth.mode = AuthMode(reader.choice(QStringLiteral("mode"), authModeNames(), int(auth.mode)));
    auth.placement = ClientTokenPlacement(
        reader.choice(QStringLiteral("placement"), placementNames(), int(auth.placement)));
    auth.clientToken = reader.string(QStringLiteral("clientToken"), auth.clientToken, kMaxUrlChars);
    auth.bearerToken = reader.string(QStringLiteral("bearerToken"), {}, kMaxUrlChars);
    const QJsonObject oauthJson = reader.object(QStringLiteral("oauth"));
    if (reader.failed())
        return reader.error();
    Reader oauth(oauthJson, QStringLiteral("auth.oauth"));
    auth.oauth.clientId = oauth.string(QStringLiteral("clientId"), {}, kMaxUrlChars);
    auth.oauth.kid = oauth.string(QStringLiteral("kid"), {}, kMaxUrlChars);
    auth.oauth.tokenUrl = oauth.string(QStringLiteral("tokenUrl"), {}, kMaxUrlChars);
    auth.oauth.scope = oauth.string(QStringLiteral("scope"), {}, kMaxUrlChars);
    auth.oauth.keySource = OAuthKeySource(
        oauth.choice(QStringLiteral("keySource"), keySourceNames(), int(auth.oauth.keySource)));
    if (oauth.failed())
        return oauth.error();
    return auth;
}

bool isSecretHeader(const QString &name)
{
    static const QStringList names{QStringLiteral("authorization"), QStringLiteral("proxy-authorization"),
                                   QStringLiteral("cookie"), QStringLiteral("x-api-client-token")};
    return names.contains(name.trimmed().toLower());
}

// "Bearer {{token}}": an auth scheme followed by one variable reference holds no literal secret.
bool isSchemeAndReference(const QString &value)
{
    static const QRegularExpression scheme(QStringLiteral("^[A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]* +(.*)$"));
    const QRegularExpressionMatch match = scheme.match(value.trimmed());
    return match.hasMatch() && isVariableReference(match.captured(1));
}

QString redacted(const QString &value, bool allowScheme)
{
    if (value.isEmpty() || isVariableReference(value.trimmed()))
        return value;
    if (allowScheme && isSchemeAndReference(value))
        return value;
    return QString();
}

} // namespace

QString bodyModeName(BodyMode mode)
{
    return bodyModeNames().value(int(mode));
}

QString authModeName(AuthMode mode)
{
    return authModeNames().value(int(mode));
}

QJsonObject toJson(const RequestDocument &document)
{
    return QJsonObject{
        {QStringLiteral("name"), document.name},
        {QStringLiteral("method"), document.method},
        {QStringLiteral("url"), document.url},
        {QStringLiteral("query"), keyValuesToJson(document.query)},
        {QStringLiteral("headers"), keyValuesToJson(document.headers)},
        {QStringLiteral("bodyMode"), bodyModeName(document.bodyMode)},
        {QStringLiteral("body"), document.body},
        {QStringLiteral("form"), keyValuesToJson(document.form)},
        {QStringLiteral("auth"), authToJson(document.auth)},
        {QStringLiteral("flowId"), document.flowId},
    };
}

Result<RequestDocument> requestFromJson(const QJsonObject &json)
{
    Reader reader(json, QString());
    RequestDocument document;
    document.name = reader.string(QStringLiteral("name"), {}, kMaxUrlChars);
    document.method = reader.string(QStringLiteral("method"), document.method, kMaxUrlChars);
    document.url = reader.string(QStringLiteral("url"), {}, kMaxUrlChars);
    document.query = reader.keyValues(QStringLiteral("query"));
    document.headers = reader.keyValues(QStringLiteral("headers"));
    document.bodyMode =
        BodyMode(reader.choice(QStringLiteral("bodyMode"), bodyModeNames(), int(document.bodyMode)));
    document.body = reader.string(QStringLiteral("body"), {}, kMaxBodyChars);
    document.form = reader.keyValues(QStringLiteral("form"));
    const QJsonObject authJson = reader.object(QStringLiteral("auth"));
    document.flowId = reader.string(QStringLiteral("flowId"), {}, kMaxUrlChars);
    if (reader.failed())
        return reader.error();
    auto auth = authFromJson(authJson);
    if (!auth)
        return auth.error();
    document.auth = std::move(auth).value();
    return document;
}

bool isVariableReference(const QString &text)
{
    const QStringList names = Variables::referencedNames(text);
    if (names.size() != 1)
        return false;
    static const QRegularExpression whole(QStringLiteral("^\\{\\{[ \\t]*[A-Za-z0-9_.-]{1,64}[ \\t]*\\}\\}$"));
    return whole.match(text).hasMatch();
}

RequestDocument redactedForStorage(const RequestDocument &document)
{
    RequestDocument copy = document;
    copy.auth.clientToken = redacted(copy.auth.clientToken, false);
    copy.auth.bearerToken = redacted(copy.auth.bearerToken, false);
    for (KeyValue &header : copy.headers) {
        if (isSecretHeader(header.name))
            header.value = redacted(header.value, true);
    }
    for (KeyValue &parameter : copy.query) {
        if (parameter.name.trimmed().compare(QLatin1String("clientToken"), Qt::CaseInsensitive) == 0)
            parameter.value = redacted(parameter.value, false);
    }
    return copy;
}

} // namespace wf::tester
