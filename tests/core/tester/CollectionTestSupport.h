#pragma once

// Shared by the collection, Postman and newman tests: building request documents and collections
// that cover every body mode, auth mode, disabled rows, nested folders and non-ASCII text.

#include "tester/Collection.h"

#include <QJsonDocument>
#include <utility>

namespace wf::testersupport {

using tester::AuthMode;
using tester::BodyMode;
using tester::ClientTokenPlacement;
using tester::Collection;
using tester::CollectionItem;
using tester::KeyValue;
using tester::OAuthKeySource;
using tester::RequestDocument;

inline RequestDocument request(const QString &name, const QString &method, const QString &url)
{
    RequestDocument document;
    document.name = name;
    document.method = method;
    document.url = url;
    return document;
}

inline CollectionItem item(const RequestDocument &document)
{
    CollectionItem item;
    item.name = document.name;
    item.request = document;
    return item;
}

inline CollectionItem folder(const QString &name, std::vector<CollectionItem> children)
{
    CollectionItem item;
    item.name = name;
    item.isFolder = true;
    item.children = std::move(children);
    return item;
}

inline Collection collection(const QString &name, std::vector<CollectionItem> items)
{
    Collection collection;
    collection.name = name;
    collection.items = std::move(items);
    return collection;
}

// One request per body mode, with leftovers of other modes where the editor keeps them.
inline Collection everyBodyMode()
{
    RequestDocument none =
        request(QStringLiteral("No body"), QStringLiteral("GET"), QStringLiteral("{{baseUrl}}/x"));
    RequestDocument noneWithLeftovers = request(QStringLiteral("No body, text kept"),
                                                QStringLiteral("DELETE"), QStringLiteral("{{baseUrl}}/x"));
    noneWithLeftovers.body = QStringLiteral("{\"kept\": true}");
    noneWithLeftovers.form = {KeyValue{QStringLiteral("a"), QStringLiteral("1"), true}};
    RequestDocument json =
        request(QStringLiteral("JSON"), QStringLiteral("POST"), QStringLiteral("{{baseUrl}}/x"));
    json.bodyMode = BodyMode::Json;
    json.body = QStringLiteral("{\n  \"name\": \"{{name}}\",\n  \"n\": 1\n}");
    RequestDocument form =
        request(QStringLiteral("Form"), QStringLiteral("POST"), QStringLiteral("{{baseUrl}}/x"));
    form.bodyMode = BodyMode::Form;
    form.form = {KeyValue{QStringLiteral("name"), QStringLiteral("Ada Lovelace"), true},
                 KeyValue{QStringLiteral("lang"), QStringLiteral("fr"), false},
                 KeyValue{QStringLiteral("empty"), QString(), true}};
    form.body = QStringLiteral("text left from raw mode");
    RequestDocument raw =
        request(QStringLiteral("Raw"), QStringLiteral("PUT"), QStringLiteral("{{baseUrl}}/x"));
    raw.bodyMode = BodyMode::Raw;
    raw.body = QStringLiteral("line 1\nline 2 & more");
    raw.form = {KeyValue{QStringLiteral("left"), QStringLiteral("over"), false}};
    return collection(QStringLiteral("Bodies"),
                      {item(none), item(noneWithLeftovers), item(json), item(form), item(raw)});
}

// One request per auth mode and placement, OAuth 2.0 with defaults and with every setting.
inline Collection everyAuthMode()
{
    const QString url = QStringLiteral("{{baseUrl}}/api/flo/0123456789abcdef0123456789abcdef/invoke");
    RequestDocument none = request(QStringLiteral("None"), QStringLiteral("GET"), url);
    RequestDocument query = request(QStringLiteral("Client token in query"), QStringLiteral("GET"), url);
    query.auth.mode = AuthMode::ClientToken;
    query.query = {KeyValue{QStringLiteral("id"), QStringLiteral("42"), true}};
    RequestDocument header = request(QStringLiteral("Client token in header"), QStringLiteral("POST"), url);
    header.auth.mode = AuthMode::ClientToken;
    header.auth.placement = ClientTokenPlacement::Header;
    header.auth.clientToken = QStringLiteral("{{orderToken}}");
    RequestDocument oauth = request(QStringLiteral("OAuth 2.0, defaults"), QStringLiteral("GET"), url);
    oauth.auth.mode = AuthMode::OAuth2;
    oauth.auth.oauth.clientId = QStringLiteral("0oaAbCdEfGhIjKlMnOpQ");
    oauth.auth.oauth.kid = QStringLiteral("kid-1");
    RequestDocument oauthSet = request(QStringLiteral("OAuth 2.0, pasted key"), QStringLiteral("POST"), url);
    oauthSet.auth.mode = AuthMode::OAuth2;
    oauthSet.auth.oauth.clientId = QStringLiteral("0oaZyXwVuTsRqPoNmLkJ");
    oauthSet.auth.oauth.tokenUrl = QStringLiteral("https://login.example.com/oauth2/v1/token");
    oauthSet.auth.oauth.scope = QStringLiteral("okta.workflows.invoke.manage extra.scope");
    oauthSet.auth.oauth.keySource = OAuthKeySource::Pasted;
    RequestDocument bearer = request(QStringLiteral("Bearer"), QStringLiteral("GET"), url);
    bearer.auth.mode = AuthMode::Bearer;
    bearer.auth.bearerToken = QStringLiteral("{{accessToken}}");
    bearer.flowId = QStringLiteral("customer-oauth");
    return collection(QStringLiteral("Auth"),
                      {item(none), item(query), item(header), item(oauth), item(oauthSet), item(bearer)});
}

// Settings of the auth modes not in use, which the editor keeps when the user switches modes.
inline Collection inactiveAuthSettings()
{
    const QString url = QStringLiteral("{{baseUrl}}/api/flo/0123456789abcdef0123456789abcdef/invoke");
    RequestDocument none = request(QStringLiteral("None, all kept"), QStringLiteral("GET"), url);
    none.auth.oauth.clientId = QStringLiteral("0oaKeptKeptKeptKeptK");
    none.auth.oauth.kid = QStringLiteral("kid-kept");
    none.auth.bearerToken = QStringLiteral("{{oldToken}}");
    none.auth.placement = ClientTokenPlacement::Header;
    none.auth.clientToken = QStringLiteral("{{headerToken}}");
    RequestDocument bearer = request(QStringLiteral("Bearer, OAuth kept"), QStringLiteral("GET"), url);
    bearer.auth.mode = AuthMode::Bearer;
    bearer.auth.bearerToken = QStringLiteral("{{accessToken}}");
    bearer.auth.oauth.keySource = OAuthKeySource::Pasted;
    bearer.auth.oauth.scope = QStringLiteral("other.scope");
    RequestDocument oauth =
        request(QStringLiteral("OAuth, bearer and token kept"), QStringLiteral("POST"), url);
    oauth.auth.mode = AuthMode::OAuth2;
    oauth.auth.oauth.clientId = QStringLiteral("0oaActiveActiveActiv");
    oauth.auth.bearerToken = QStringLiteral("{{b}}");
    oauth.auth.clientToken = QStringLiteral("{{queryToken}}");
    RequestDocument query =
        request(QStringLiteral("Token in query, bearer kept"), QStringLiteral("GET"), url);
    query.auth.mode = AuthMode::ClientToken;
    query.auth.bearerToken = QStringLiteral("{{b}}");
    query.auth.oauth.tokenUrl = QStringLiteral("https://login.example.com/token");
    return collection(QStringLiteral("Inactive auth"), {item(none), item(bearer), item(oauth), item(query)});
}

// Disabled query parameters, headers and form fields, nested folders, non-ASCII text and URL shapes.
inline Collection rowsFoldersAndText()
{
    RequestDocument rows = request(QStringLiteral("Disabled rows"), QStringLiteral("PATCH"),
                                   QStringLiteral("{{baseUrl}}/rows/"));
    rows.query = {KeyValue{QStringLiteral("on"), QStringLiteral("1"), true},
                  KeyValue{QStringLiteral("off"), QStringLiteral("2"), false},
                  KeyValue{QStringLiteral("clientToken"), QStringLiteral("{{other}}"), false}};
    rows.headers = {KeyValue{QStringLiteral("X-On"), QStringLiteral("yes"), true},
                    KeyValue{QStringLiteral("X-Off"), QStringLiteral("no"), false}};
    RequestDocument text = request(QStringLiteral("Grüße, 日本語 ✓"), QStringLiteral("POST"),
                                   QStringLiteral("http://127.0.0.1:8787/api/flo/é/invoke"));
    text.bodyMode = BodyMode::Json;
    text.body = QStringLiteral("{\"greeting\": \"こんにちは — ça va?\"}");
    text.query = {KeyValue{QStringLiteral("q"), QStringLiteral("naïve café"), true}};
    text.headers = {KeyValue{QStringLiteral("X-Name"), QStringLiteral("Zoë"), true}};
    RequestDocument ipv6 = request(QStringLiteral("IPv6 and fragment"), QStringLiteral("GET"),
                                   QStringLiteral("https://[::1]:8443/a#top"));
    RequestDocument hostVariables =
        request(QStringLiteral("Variables in the host"), QStringLiteral("OPTIONS"),
                QStringLiteral("{{scheme}}://{{api.host}}.example.com:{{port}}"));
    RequestDocument custom = request(QStringLiteral("Custom method"), QStringLiteral("PURGE"),
                                     QStringLiteral("example.org/cache"));
    Collection result =
        collection(QStringLiteral("Dossiers « été »"),
                   {folder(QStringLiteral("Level 1"),
                           {item(rows), folder(QStringLiteral("Level 2 — 二"),
                                               {item(text), folder(QStringLiteral("Empty folder"), {})})}),
                    item(ipv6), item(hostVariables), item(custom)});
    result.description = QStringLiteral("Folders, rows and text: ü, 中文, emoji 🚀.");
    return result;
}

inline QByteArray pretty(const Collection &collection)
{
    return QJsonDocument(tester::toJson(collection)).toJson(QJsonDocument::Indented);
}

} // namespace wf::testersupport
