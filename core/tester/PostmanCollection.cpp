#include "tester/PostmanCollection.h"

#include "auth/AppIntegration.h"
#include "tester/PostmanSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

namespace wf::tester {

namespace postman {

QString defaultTokenUrl()
{
    return QStringLiteral("{{baseUrl}}/oauth2/v1/token");
}

QString defaultScope()
{
    return auth::kInvokeScope;
}

UrlParts splitUrl(const QString &url)
{
    UrlParts parts;
    const qsizetype question = url.indexOf(QLatin1Char('?'));
    qsizetype hash = url.indexOf(QLatin1Char('#'));
    if (question >= 0 && (hash < 0 || question < hash)) {
        hash = url.indexOf(QLatin1Char('#'), question);
        parts.hasQuery = true;
        parts.query = url.mid(question + 1, hash < 0 ? -1 : hash - question - 1);
        parts.base = url.left(question);
    } else {
        parts.base = hash < 0 ? url : url.left(hash);
    }
    if (hash >= 0) {
        parts.hasFragment = true;
        parts.fragment = url.mid(hash + 1);
    }
    return parts;
}

QList<KeyValue> parseQueryString(const QString &query)
{
    QList<KeyValue> list;
    for (const QString &pair : query.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        list.append(KeyValue{eq < 0 ? pair : pair.left(eq), eq < 0 ? QString() : pair.mid(eq + 1), true});
    }
    return list;
}

namespace {

// "{{host}}.example.com" → ["{{host}}", "example", "com"]: never split inside a {{variable}}, or
// Postman would look up half a name.
QJsonArray hostLabels(const QString &host)
{
    QJsonArray labels;
    QString label;
    bool inVariable = false;
    for (qsizetype i = 0; i < host.size(); ++i) {
        if (host.mid(i, 2) == QLatin1String("{{"))
            inVariable = true;
        else if (host.mid(i, 2) == QLatin1String("}}"))
            inVariable = false;
        if (host.at(i) == QLatin1Char('.') && !inVariable) {
            labels.append(label);
            label.clear();
        } else {
            label.append(host.at(i));
        }
    }
    labels.append(label);
    return labels;
}

// protocol, host, port and path of `base` (a URL without query and fragment), as Postman splits them.
void addAddress(const QString &base, QJsonObject &url)
{
    static const QRegularExpression scheme(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*)://"));
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    QString rest = base;
    if (const auto match = scheme.match(rest); match.hasMatch()) {
        url.insert(QStringLiteral("protocol"), match.captured(1));
        rest = rest.mid(match.capturedLength());
    }
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    const QString authority = slash < 0 ? rest : rest.left(slash);
    qsizetype colon = -1;
    if (authority.startsWith(QLatin1Char('['))) {
        const qsizetype close = authority.indexOf(QLatin1Char(']'));
        if (close >= 0 && authority.mid(close + 1).startsWith(QLatin1Char(':')))
            colon = close + 1;
    } else {
        colon = authority.lastIndexOf(QLatin1Char(':'));
    }
    QString host = authority;
    if (colon >= 0) {
        const QString port = authority.mid(colon + 1);
        if (digits.match(port).hasMatch() || isVariableReference(port)) {
            url.insert(QStringLiteral("port"), port);
            host = authority.left(colon);
        }
    }
    if (!host.isEmpty())
        url.insert(QStringLiteral("host"), hostLabels(host));
    if (slash >= 0)
        url.insert(QStringLiteral("path"),
                   QJsonArray::fromStringList(rest.mid(slash + 1).split(QLatin1Char('/'))));
}

} // namespace

QJsonObject urlToPostman(const RequestDocument &document)
{
    const UrlParts parts = splitUrl(document.url);
    // A query typed into the URL itself goes first, as it is sent.
    QList<KeyValue> query = parts.hasQuery ? parseQueryString(parts.query) : QList<KeyValue>();
    query.append(document.query);
    if (document.auth.mode == AuthMode::ClientToken && document.auth.placement == ClientTokenPlacement::Query)
        query.append(KeyValue{QStringLiteral("clientToken"), document.auth.clientToken, true});
    QStringList sent;
    QJsonArray queryJson;
    for (const KeyValue &parameter : std::as_const(query)) {
        QJsonObject entry{{QStringLiteral("key"), parameter.name},
                          {QStringLiteral("value"), parameter.value}};
        if (parameter.enabled)
            sent.append(parameter.name + QLatin1Char('=') + parameter.value);
        else
            entry.insert(QStringLiteral("disabled"), true);
        queryJson.append(entry);
    }
    QString raw = parts.base;
    if (!sent.isEmpty())
        raw += QLatin1Char('?') + sent.join(QLatin1Char('&'));
    if (parts.hasFragment)
        raw += QLatin1Char('#') + parts.fragment;
    QJsonObject url{{QStringLiteral("raw"), raw}};
    addAddress(parts.base, url);
    if (!queryJson.isEmpty())
        url.insert(QStringLiteral("query"), queryJson);
    if (parts.hasFragment)
        url.insert(QStringLiteral("hash"), parts.fragment);
    return url;
}

} // namespace postman

namespace {

using postman::kSchemaV21;

QJsonObject attribute(const QString &key, const QString &value)
{
    return QJsonObject{{QStringLiteral("key"), key},
                       {QStringLiteral("value"), value},
                       {QStringLiteral("type"), QStringLiteral("string")}};
}

QJsonArray oauthAttributes(const OAuthSettings &oauth)
{
    const bool pasted = oauth.keySource == OAuthKeySource::Pasted;
    return {attribute(QStringLiteral("grant_type"), QStringLiteral("client_credentials")),
            attribute(QStringLiteral("accessTokenUrl"),
                      oauth.tokenUrl.isEmpty() ? postman::defaultTokenUrl() : oauth.tokenUrl),
            attribute(QStringLiteral("clientId"), oauth.clientId),
            attribute(QStringLiteral("scope"), oauth.scope.isEmpty() ? postman::defaultScope() : oauth.scope),
            attribute(QStringLiteral("accessToken"), QStringLiteral("{{accessToken}}")),
            attribute(QStringLiteral("tokenType"), QStringLiteral("Bearer")),
            attribute(QStringLiteral("addTokenTo"), QStringLiteral("header")),
            attribute(QStringLiteral("wfconsoleKid"), oauth.kid),
            attribute(QStringLiteral("wfconsoleKeySource"),
                      pasted ? QStringLiteral("pasted") : QStringLiteral("kept"))};
}

QJsonArray apikeyAttributes(const RequestAuth &auth)
{
    const bool header = auth.placement == ClientTokenPlacement::Header;
    return {attribute(QStringLiteral("key"),
                      header ? QStringLiteral("x-api-client-token") : QStringLiteral("clientToken")),
            attribute(QStringLiteral("value"), auth.clientToken),
            attribute(QStringLiteral("in"), header ? QStringLiteral("header") : QStringLiteral("query"))};
}

QJsonArray bearerAttributes(const RequestAuth &auth)
{
    return {attribute(QStringLiteral("token"), auth.bearerToken)};
}

QString activeAuthType(const RequestAuth &auth)
{
    switch (auth.mode) {
    case AuthMode::ClientToken:
        // In the query, the client token is a parameter of the URL.
        return auth.placement == ClientTokenPlacement::Header ? QStringLiteral("apikey")
                                                              : QStringLiteral("noauth");
    case AuthMode::Bearer:
        return QStringLiteral("bearer");
    case AuthMode::OAuth2:
        return QStringLiteral("oauth2");
    case AuthMode::None:
        break;
    }
    // Explicit, so the request does not inherit an auth set on a folder or the collection in Postman.
    return QStringLiteral("noauth");
}

// The active type, plus the settings of the other modes when the user filled them in: Postman
// keeps them too (an auth object may hold every type's attributes; "type" picks the one used).
QJsonObject authToPostman(const RequestAuth &auth)
{
    const RequestAuth defaults;
    const QString type = activeAuthType(auth);
    QJsonObject json{{QStringLiteral("type"), type}};
    if (type == QLatin1String("oauth2") || auth.oauth != defaults.oauth)
        json.insert(QStringLiteral("oauth2"), oauthAttributes(auth.oauth));
    if (type == QLatin1String("bearer") || !auth.bearerToken.isEmpty())
        json.insert(QStringLiteral("bearer"), bearerAttributes(auth));
    if (type == QLatin1String("apikey") ||
        (auth.mode != AuthMode::ClientToken &&
         (auth.clientToken != defaults.clientToken || auth.placement != defaults.placement)))
        json.insert(QStringLiteral("apikey"), apikeyAttributes(auth));
    return json;
}

QJsonArray keyValuesToPostman(const QList<KeyValue> &list)
{
    QJsonArray array;
    for (const KeyValue &entry : list) {
        QJsonObject json{{QStringLiteral("key"), entry.name}, {QStringLiteral("value"), entry.value}};
        if (!entry.enabled)
            json.insert(QStringLiteral("disabled"), true);
        array.append(json);
    }
    return array;
}

// Postman has no "none" mode: a request without a body but with text or form rows left from another
// mode keeps them in a body without a mode, disabled, which Postman does not send.
QJsonObject bodyToPostman(const RequestDocument &document)
{
    QJsonObject body;
    switch (document.bodyMode) {
    case BodyMode::None:
        if (document.body.isEmpty() && document.form.isEmpty())
            return {};
        body.insert(QStringLiteral("disabled"), true);
        break;
    case BodyMode::Json:
    case BodyMode::Raw: {
        const bool json = document.bodyMode == BodyMode::Json;
        body.insert(QStringLiteral("mode"), QStringLiteral("raw"));
        const QJsonObject language{
            {QStringLiteral("language"), json ? QStringLiteral("json") : QStringLiteral("text")}};
        body.insert(QStringLiteral("options"), QJsonObject{{QStringLiteral("raw"), language}});
        break;
    }
    case BodyMode::Form:
        body.insert(QStringLiteral("mode"), QStringLiteral("urlencoded"));
        break;
    }
    if (!document.body.isEmpty() || document.bodyMode == BodyMode::Json || document.bodyMode == BodyMode::Raw)
        body.insert(QStringLiteral("raw"), document.body);
    if (!document.form.isEmpty() || document.bodyMode == BodyMode::Form)
        body.insert(QStringLiteral("urlencoded"), keyValuesToPostman(document.form));
    return body;
}

QJsonObject requestToPostman(const RequestDocument &document)
{
    QJsonObject request{{QStringLiteral("method"), document.method},
                        {QStringLiteral("header"), keyValuesToPostman(document.headers)},
                        {QStringLiteral("url"), postman::urlToPostman(document)},
                        {QStringLiteral("auth"), authToPostman(document.auth)}};
    const QJsonObject body = bodyToPostman(document);
    if (!body.isEmpty())
        request.insert(QStringLiteral("body"), body);
    if (!document.flowId.isEmpty())
        request.insert(QStringLiteral("wfconsoleFlowId"), document.flowId);
    return request;
}

QJsonArray itemsToPostman(const std::vector<CollectionItem> &items)
{
    QJsonArray array;
    for (const CollectionItem &item : items) {
        if (item.isFolder)
            array.append(QJsonObject{{QStringLiteral("name"), item.name},
                                     {QStringLiteral("item"), itemsToPostman(item.children)}});
        else
            array.append(QJsonObject{{QStringLiteral("name"), item.name},
                                     {QStringLiteral("request"), requestToPostman(item.request)},
                                     {QStringLiteral("response"), QJsonArray()}});
    }
    return array;
}

Error refused(const QString &message)
{
    return makeError(ErrorType::InvalidInput, message);
}

// The root of a v2.1 or v2.0 collection, or why `root` is not one.
Result<QJsonObject> collectionRoot(QJsonObject root)
{
    // The Postman API wraps a collection: {"collection": {...}}.
    if (!root.contains(QLatin1String("info")) && root.value(QLatin1String("collection")).isObject())
        root = root.value(QLatin1String("collection")).toObject();
    const QJsonValue info = root.value(QLatin1String("info"));
    if (!info.isObject()) {
        if (root.value(QLatin1String("requests")).isArray() || root.value(QLatin1String("order")).isArray())
            return refused(
                QStringLiteral("this is a Postman Collection v1, which is not supported: export it "
                               "from Postman as Collection v2.1"));
        if (root.value(QLatin1String("values")).isArray())
            return refused(QStringLiteral("this is a Postman environment, not a collection"));
        return refused(QStringLiteral("not a Postman collection: it has no \"info\" object"));
    }
    const QString schema = info.toObject().value(QLatin1String("schema")).toString();
    static const QRegularExpression version(
        QStringLiteral("postman\\.com/.*collection.*/v(\\d+)\\.(\\d+)\\.\\d+/"));
    const auto match = version.match(schema);
    if (!match.hasMatch())
        return refused(
            QStringLiteral("not a Postman collection: info.schema is '%1', not the URL of a Postman "
                           "collection schema")
                .arg(schema));
    const int major = match.captured(1).toInt();
    const int minor = match.captured(2).toInt();
    if (major == 1)
        return refused(QStringLiteral("this is a Postman Collection v1, which is not supported: export it "
                                      "from Postman as Collection v2.1"));
    if (major != 2 || minor > 1)
        return refused(QStringLiteral("Postman Collection v%1.%2 is not supported (v2.1 and v2.0 are)")
                           .arg(major)
                           .arg(minor));
    if (!root.value(QLatin1String("item")).isArray())
        return refused(QStringLiteral("not a Postman collection: \"item\" is not an array"));
    return root;
}

QString descriptionText(const QJsonValue &description)
{
    if (description.isObject())
        return description.toObject().value(QLatin1String("content")).toString();
    return description.toString();
}

} // namespace

QByteArray toPostmanCollection(const Collection &collection)
{
    QJsonObject info{{QStringLiteral("_postman_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                     {QStringLiteral("name"), collection.name},
                     {QStringLiteral("schema"), kSchemaV21}};
    if (!collection.description.isEmpty())
        info.insert(QStringLiteral("description"), collection.description);
    const QJsonObject root{{QStringLiteral("info"), info},
                           {QStringLiteral("item"), itemsToPostman(collection.items)}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<PostmanImport> fromPostmanCollection(const QByteArray &json)
{
    if (json.size() > kMaxCollectionFileBytes)
        return makeError(
            ErrorType::LimitExceeded,
            QStringLiteral("the file is larger than %1 MiB").arg(kMaxCollectionFileBytes / (1024 * 1024)));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return refused(QStringLiteral("not a Postman collection: not valid JSON (%1 at offset %2)")
                           .arg(parseError.errorString())
                           .arg(parseError.offset));
    if (!document.isObject())
        return refused(QStringLiteral("not a Postman collection: the document is not a JSON object"));
    auto root = collectionRoot(document.object());
    if (!root)
        return root.error();
    const QJsonObject info = root->value(QLatin1String("info")).toObject();

    PostmanImport result;
    result.collection.name = info.value(QLatin1String("name")).toString();
    result.collection.description = descriptionText(info.value(QLatin1String("description")));
    postman::ItemImporter importer;
    importer.noteUnsupported(*root, QStringLiteral("collection"));
    auto items = importer.importItems(root->value(QLatin1String("item")).toArray(),
                                      root->value(QLatin1String("auth")), QString(), 0);
    if (!items)
        return items.error();
    result.collection.items = std::move(items).value();
    // The same checks as a collection file, so what is imported can be saved.
    if (auto checked = collectionFromJson(toJson(result.collection)); !checked)
        return checked.error();
    result.warnings = importer.warnings();
    return result;
}

} // namespace wf::tester
