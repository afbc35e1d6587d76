// The import half of PostmanCollection.h: Postman items, URLs, headers, bodies and auth mapped onto
// request documents, with a warning for everything the tester cannot keep.

#include "tester/PostmanSupport.h"

#include <QHash>
#include <QRegularExpression>
#include <QVariant>
#include <algorithm>

namespace wf::tester::postman {
namespace {

// A scalar member as text (Postman writes some values as numbers or booleans).
QString textOf(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isBool() || value.isDouble())
        return value.toVariant().toString();
    return QString();
}

bool hasOwnAuth(const QJsonObject &json)
{
    const QJsonValue auth = json.value(QLatin1String("auth"));
    return auth.isObject() &&
           auth.toObject().value(QLatin1String("type")).toString() != QLatin1String("inherit");
}

// The attributes of one auth type: v2.1 writes [{key, value}], v2.0 writes {key: value}.
QHash<QString, QString> authParameters(const QJsonObject &auth, const QString &type)
{
    QHash<QString, QString> parameters;
    const QJsonValue value = auth.value(type);
    if (value.isArray()) {
        for (const QJsonValue &attribute : value.toArray()) {
            const QJsonObject object = attribute.toObject();
            if (object.value(QLatin1String("key")).isString())
                parameters.insert(object.value(QLatin1String("key")).toString(),
                                  textOf(object.value(QLatin1String("value"))));
        }
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            parameters.insert(it.key(), textOf(it.value()));
    }
    return parameters;
}

QList<KeyValue> keyValuesFrom(const QJsonArray &array, bool skipFiles = false)
{
    QList<KeyValue> list;
    for (const QJsonValue &value : array) {
        const QJsonObject entry = value.toObject();
        if (entry.isEmpty() ||
            (skipFiles && entry.value(QLatin1String("type")).toString() == QLatin1String("file")))
            continue;
        list.append(KeyValue{textOf(entry.value(QLatin1String("key"))),
                             textOf(entry.value(QLatin1String("value"))),
                             !entry.value(QLatin1String("disabled")).toBool()});
    }
    return list;
}

// protocol://host:port/path of a URL object without "raw".
QString rawFromParts(const QJsonObject &url)
{
    QString raw;
    const QString protocol = url.value(QLatin1String("protocol")).toString();
    if (!protocol.isEmpty())
        raw = protocol + QStringLiteral("://");
    const QJsonValue host = url.value(QLatin1String("host"));
    if (host.isArray()) {
        QStringList labels;
        for (const QJsonValue &label : host.toArray())
            labels.append(label.toString());
        raw += labels.join(QLatin1Char('.'));
    } else {
        raw += host.toString();
    }
    const QString port = textOf(url.value(QLatin1String("port")));
    if (!port.isEmpty())
        raw += QLatin1Char(':') + port;
    const QJsonValue path = url.value(QLatin1String("path"));
    if (path.isArray()) {
        for (const QJsonValue &segment : path.toArray())
            raw += QLatin1Char('/') + (segment.isObject()
                                           ? segment.toObject().value(QLatin1String("value")).toString()
                                           : segment.toString());
    } else if (path.isString() && !path.toString().isEmpty()) {
        raw += (path.toString().startsWith(QLatin1Char('/')) ? QString() : QStringLiteral("/")) +
               path.toString();
    }
    return raw;
}

bool descriptionIsEmpty(const QJsonObject &json)
{
    const QJsonValue description = json.value(QLatin1String("description"));
    if (description.isObject())
        return description.toObject().value(QLatin1String("content")).toString().isEmpty();
    return description.toString().isEmpty();
}

void readOAuthSettings(const QHash<QString, QString> &parameters, OAuthSettings &oauth)
{
    oauth.clientId = parameters.value(QStringLiteral("clientId"));
    oauth.tokenUrl = parameters.value(QStringLiteral("accessTokenUrl"));
    if (oauth.tokenUrl == defaultTokenUrl())
        oauth.tokenUrl.clear();
    oauth.scope = parameters.value(QStringLiteral("scope"));
    if (oauth.scope == defaultScope())
        oauth.scope.clear();
    oauth.kid = parameters.value(QStringLiteral("wfconsoleKid"));
    oauth.keySource = parameters.value(QStringLiteral("wfconsoleKeySource")) == QLatin1String("pasted")
                          ? OAuthKeySource::Pasted
                          : OAuthKeySource::Kept;
}

// The settings of the modes not in use, kept beside the active one (see authToPostman()).
void importInactiveAuth(const QJsonObject &auth, const QString &active, RequestAuth &target)
{
    if (active != QLatin1String("oauth2") && auth.contains(QLatin1String("oauth2")))
        readOAuthSettings(authParameters(auth, QStringLiteral("oauth2")), target.oauth);
    if (active != QLatin1String("bearer") && auth.contains(QLatin1String("bearer")))
        target.bearerToken = authParameters(auth, QStringLiteral("bearer")).value(QStringLiteral("token"));
    if (active != QLatin1String("apikey") && auth.contains(QLatin1String("apikey"))) {
        const QHash<QString, QString> parameters = authParameters(auth, QStringLiteral("apikey"));
        const QString key = parameters.value(QStringLiteral("key"));
        if (key.compare(QLatin1String("x-api-client-token"), Qt::CaseInsensitive) == 0 ||
            key == QLatin1String("clientToken")) {
            target.clientToken = parameters.value(QStringLiteral("value"));
            target.placement = parameters.value(QStringLiteral("in")) == QLatin1String("query")
                                   ? ClientTokenPlacement::Query
                                   : ClientTokenPlacement::Header;
        }
    }
}

// Postman exports empty pre-request and test scripts on every collection: nothing is lost there.
bool scriptIsBlank(const QJsonObject &event)
{
    const QJsonValue exec = event.value(QLatin1String("script")).toObject().value(QLatin1String("exec"));
    QString code = exec.toString();
    for (const QJsonValue &line : exec.toArray())
        code += line.toString();
    return code.trimmed().isEmpty();
}

const QHash<QString, QString> &languageContentTypes()
{
    static const QHash<QString, QString> types{
        {QStringLiteral("html"), QStringLiteral("text/html")},
        {QStringLiteral("xml"), QStringLiteral("application/xml")},
        {QStringLiteral("javascript"), QStringLiteral("application/javascript")}};
    return types;
}

} // namespace

void ItemImporter::warn(const QString &where, const QString &what)
{
    m_warnings.append(where.isEmpty() ? what : where + QStringLiteral(": ") + what);
}

QStringList ItemImporter::warnings() const
{
    QStringList all = m_warnings;
    if (m_described > 0)
        all.append(
            QStringLiteral("descriptions of %1 requests and folders are not imported").arg(m_described));
    all.removeDuplicates();
    return all;
}

void ItemImporter::noteUnsupported(const QJsonObject &json, const QString &where)
{
    QStringList scripts;
    for (const QJsonValue &event : json.value(QLatin1String("event")).toArray()) {
        const QString listen = event.toObject().value(QLatin1String("listen")).toString();
        if (!listen.isEmpty() && !scripts.contains(listen) && !scriptIsBlank(event.toObject()))
            scripts.append(listen);
    }
    if (!scripts.isEmpty())
        warn(where, QStringLiteral("scripts dropped (%1): the tester runs no scripts")
                        .arg(scripts.join(QStringLiteral(", "))));
    QStringList variables;
    for (const QJsonValue &variable : json.value(QLatin1String("variable")).toArray()) {
        const QJsonObject object = variable.toObject();
        variables.append(textOf(object.value(object.contains(QLatin1String("key")) ? QLatin1String("key")
                                                                                   : QLatin1String("id"))));
    }
    if (!variables.isEmpty())
        warn(where, QStringLiteral("variables not imported (%1): define them in the tester's environment")
                        .arg(variables.join(QStringLiteral(", "))));
}

Result<std::vector<CollectionItem>> ItemImporter::importItems(const QJsonArray &items, const QJsonValue &auth,
                                                              const QString &path, int depth)
{
    std::vector<CollectionItem> imported;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject json = items.at(i).toObject();
        const QString name = json.value(QLatin1String("name")).toString();
        const QString label = name.isEmpty() ? QStringLiteral("item %1").arg(i + 1) : name;
        const QString where = path.isEmpty() ? label : path + QStringLiteral(" / ") + label;
        if (json.contains(QLatin1String("item"))) {
            if (depth + 1 > kMaxFolderDepth)
                return makeError(
                    ErrorType::LimitExceeded,
                    QStringLiteral("%1: folders nest more than %2 deep").arg(where).arg(kMaxFolderDepth));
            noteUnsupported(json, where);
            if (!descriptionIsEmpty(json))
                ++m_described;
            auto children =
                importItems(json.value(QLatin1String("item")).toArray(),
                            hasOwnAuth(json) ? json.value(QLatin1String("auth")) : auth, where, depth + 1);
            if (!children)
                return children.error();
            CollectionItem folder;
            folder.isFolder = true;
            folder.name = name;
            folder.children = std::move(children).value();
            imported.push_back(std::move(folder));
        } else if (json.contains(QLatin1String("request"))) {
            auto request = importRequest(json, auth, where);
            if (!request)
                return request.error();
            imported.push_back(std::move(request).value());
        } else {
            warn(where, QStringLiteral("neither a request nor a folder: skipped"));
        }
    }
    return imported;
}

Result<CollectionItem> ItemImporter::importRequest(const QJsonObject &item, const QJsonValue &inheritedAuth,
                                                   const QString &path)
{
    if (++m_requests > kMaxCollectionRequests)
        return makeError(
            ErrorType::LimitExceeded,
            QStringLiteral("a collection holds at most %1 requests").arg(kMaxCollectionRequests));
    noteUnsupported(item, path);
    const qsizetype responses = item.value(QLatin1String("response")).toArray().size();
    if (responses > 0)
        warn(path, QStringLiteral("%1 saved responses dropped").arg(responses));
    RequestDocument document;
    document.name = item.value(QLatin1String("name")).toString();
    const QJsonValue requestValue = item.value(QLatin1String("request"));
    const QJsonObject request = requestValue.toObject();
    if (!descriptionIsEmpty(item) || !descriptionIsEmpty(request))
        ++m_described;
    if (requestValue.isString()) {
        importUrl(requestValue, document, path);
        importAuth(inheritedAuth, document, path);
    } else {
        const QString method = request.value(QLatin1String("method")).toString().trimmed().toUpper();
        if (!method.isEmpty())
            document.method = method;
        importUrl(request.value(QLatin1String("url")), document, path);
        importHeaders(request.value(QLatin1String("header")), document);
        importBody(request.value(QLatin1String("body")), document, path);
        importAuth(hasOwnAuth(request) ? request.value(QLatin1String("auth")) : inheritedAuth, document,
                   path);
        document.flowId = request.value(QLatin1String("wfconsoleFlowId")).toString();
    }
    // The clientToken query parameter is the flow's client token (PRODUCT.md §3.1).
    if (document.auth.mode == AuthMode::None) {
        for (qsizetype i = 0; i < document.query.size(); ++i) {
            const KeyValue &parameter = document.query.at(i);
            if (parameter.enabled && parameter.name == QLatin1String("clientToken")) {
                document.auth.mode = AuthMode::ClientToken;
                document.auth.placement = ClientTokenPlacement::Query;
                document.auth.clientToken = parameter.value;
                document.query.removeAt(i);
                break;
            }
        }
    }
    CollectionItem result;
    result.name = document.name;
    result.request = std::move(document);
    return result;
}

void ItemImporter::importUrl(const QJsonValue &url, RequestDocument &document, const QString &path)
{
    const QJsonObject object = url.toObject();
    const QString raw = url.isString() ? url.toString()
                        : object.contains(QLatin1String("raw"))
                            ? object.value(QLatin1String("raw")).toString()
                            : rawFromParts(object);
    const UrlParts parts = splitUrl(raw);
    document.url = parts.base;
    const QJsonValue hash = object.value(QLatin1String("hash"));
    if (hash.isString()) {
        document.url += QLatin1Char('#') + hash.toString();
    } else if (parts.hasFragment) {
        document.url += QLatin1Char('#') + parts.fragment;
    }
    const QJsonValue query = object.value(QLatin1String("query"));
    document.query = query.isArray()  ? keyValuesFrom(query.toArray())
                     : parts.hasQuery ? parseQueryString(parts.query)
                                      : QList<KeyValue>();
    // Path variables (/users/:id) have their value in the URL object: put it in the path.
    for (const QJsonValue &variable : object.value(QLatin1String("variable")).toArray()) {
        const QString key = textOf(variable.toObject().value(QLatin1String("key")));
        const QString value = textOf(variable.toObject().value(QLatin1String("value")));
        if (key.isEmpty())
            continue;
        const QRegularExpression segment(
            QStringLiteral("/:%1(?=/|$|#)").arg(QRegularExpression::escape(key)));
        if (!document.url.contains(segment))
            continue;
        if (value.isEmpty())
            warn(path, QStringLiteral("path variable :%1 has no value: left in the URL").arg(key));
        else
            document.url.replace(segment, QStringLiteral("/") + value);
    }
}

void ItemImporter::importHeaders(const QJsonValue &headers, RequestDocument &document)
{
    if (headers.isArray()) {
        for (const KeyValue &header : keyValuesFrom(headers.toArray())) {
            if (!header.name.isEmpty() || !header.value.isEmpty())
                document.headers.append(header);
        }
        return;
    }
    // The string form: "Name: value" lines, "//" before a disabled one.
    for (QString line : headers.toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        line = line.trimmed();
        const bool disabled = line.startsWith(QLatin1String("//"));
        if (disabled)
            line = line.mid(2).trimmed();
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon > 0)
            document.headers.append(
                KeyValue{line.left(colon).trimmed(), line.mid(colon + 1).trimmed(), !disabled});
    }
}

void ItemImporter::importBody(const QJsonValue &bodyValue, RequestDocument &document, const QString &path)
{
    const QJsonObject body = bodyValue.toObject();
    if (body.isEmpty())
        return;
    const QString mode = body.value(QLatin1String("mode")).toString();
    document.body = body.value(QLatin1String("raw")).toString();
    document.form = keyValuesFrom(body.value(QLatin1String("urlencoded")).toArray());
    if (body.value(QLatin1String("disabled")).toBool() || mode.isEmpty())
        return;
    if (mode == QLatin1String("raw")) {
        const QString language = body.value(QLatin1String("options"))
                                     .toObject()
                                     .value(QLatin1String("raw"))
                                     .toObject()
                                     .value(QLatin1String("language"))
                                     .toString();
        // Postman sends nothing for an empty raw body.
        if (document.body.isEmpty())
            return;
        document.bodyMode = language == QLatin1String("json") ? BodyMode::Json : BodyMode::Raw;
        const bool typed =
            std::any_of(document.headers.cbegin(), document.headers.cend(), [](const KeyValue &h) {
                return h.enabled && h.name.compare(QLatin1String("content-type"), Qt::CaseInsensitive) == 0;
            });
        if (languageContentTypes().contains(language) && !typed)
            document.headers.append(
                KeyValue{QStringLiteral("Content-Type"), languageContentTypes().value(language), true});
    } else if (mode == QLatin1String("urlencoded")) {
        document.bodyMode = BodyMode::Form;
    } else if (mode == QLatin1String("formdata")) {
        const QJsonArray fields = body.value(QLatin1String("formdata")).toArray();
        document.bodyMode = BodyMode::Form;
        document.form = keyValuesFrom(fields, true);
        if (document.form.size() < fields.size())
            warn(path, QStringLiteral("file fields of the form dropped: the tester sends text only"));
        warn(path, QStringLiteral("multipart form data is sent as a URL-encoded form"));
    } else {
        warn(path, QStringLiteral("%1 body dropped: the tester sends text bodies only").arg(mode));
    }
}

void ItemImporter::importAuth(const QJsonValue &authValue, RequestDocument &document, const QString &path)
{
    const QJsonObject auth = authValue.toObject();
    const QString type = auth.value(QLatin1String("type")).toString();
    importInactiveAuth(auth, type, document.auth);
    if (type.isEmpty() || type == QLatin1String("noauth") || type == QLatin1String("inherit"))
        return;
    const QHash<QString, QString> parameters = authParameters(auth, type);
    RequestAuth &target = document.auth;
    if (type == QLatin1String("bearer")) {
        target.mode = AuthMode::Bearer;
        target.bearerToken = parameters.value(QStringLiteral("token"));
    } else if (type == QLatin1String("apikey")) {
        const QString key = parameters.value(QStringLiteral("key"));
        const QString value = parameters.value(QStringLiteral("value"));
        const bool inQuery = parameters.value(QStringLiteral("in")) == QLatin1String("query");
        if (!inQuery && key.compare(QLatin1String("x-api-client-token"), Qt::CaseInsensitive) == 0) {
            target.mode = AuthMode::ClientToken;
            target.placement = ClientTokenPlacement::Header;
            target.clientToken = value;
        } else if (inQuery && key == QLatin1String("clientToken")) {
            target.mode = AuthMode::ClientToken;
            target.placement = ClientTokenPlacement::Query;
            target.clientToken = value;
        } else {
            (inQuery ? document.query : document.headers).append(KeyValue{key, value, true});
        }
    } else if (type == QLatin1String("oauth2")) {
        importOAuth2(auth, document, path);
    } else if (type == QLatin1String("basic")) {
        const QString user = parameters.value(QStringLiteral("username"));
        const QString password = parameters.value(QStringLiteral("password"));
        if (user.contains(QLatin1String("{{")) || password.contains(QLatin1String("{{"))) {
            warn(path, QStringLiteral("Basic auth dropped: the tester has no Basic auth, and its variables "
                                      "cannot be encoded ahead of time; add an Authorization header"));
        } else {
            const QByteArray credentials = (user + QLatin1Char(':') + password).toUtf8().toBase64();
            document.headers.append(KeyValue{QStringLiteral("Authorization"),
                                             QStringLiteral("Basic ") + QString::fromLatin1(credentials),
                                             true});
            warn(path, QStringLiteral("Basic auth is sent as an Authorization header"));
        }
    } else {
        warn(path, QStringLiteral("%1 auth dropped: the tester does not have it").arg(type));
    }
}

void ItemImporter::importOAuth2(const QJsonObject &auth, RequestDocument &document, const QString &path)
{
    const QHash<QString, QString> parameters = authParameters(auth, QStringLiteral("oauth2"));
    // Postman's default grant type.
    const QString grant =
        parameters.value(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
    RequestAuth &target = document.auth;
    if (grant != QLatin1String("client_credentials")) {
        const QString token = parameters.value(QStringLiteral("accessToken"));
        if (token.isEmpty()) {
            warn(path,
                 QStringLiteral("OAuth 2.0 grant type %1 dropped: the tester has client credentials only")
                     .arg(grant));
            return;
        }
        target.mode = AuthMode::Bearer;
        target.bearerToken = token;
        warn(path, QStringLiteral("OAuth 2.0 grant type %1 is not supported: its access token is sent as a "
                                  "bearer token")
                       .arg(grant));
        return;
    }
    target.mode = AuthMode::OAuth2;
    readOAuthSettings(parameters, target.oauth);
    if (!parameters.contains(QStringLiteral("wfconsoleKid")))
        warn(path, QStringLiteral("OAuth 2.0: choose the app key that signs the client assertion (the tester "
                                  "uses private_key_jwt, not a client secret)"));
}

} // namespace wf::tester::postman
