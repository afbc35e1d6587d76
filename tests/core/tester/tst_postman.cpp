// Postman Collection v2.1 import and export of tester collections (PRODUCT.md §7): an export
// imports back equal for every body mode, auth mode, disabled rows, folders and non-ASCII text; the
// export's members checked against the v2.1 schema; the documented mapping member by member;
// collections written by Postman itself (scripts, file bodies, Basic auth, v2.0) imported with a
// warning for what is dropped; v1 and other documents refused with a message.

#include "CollectionTestSupport.h"
#include "PostmanSchemaCheck.h"
#include "tester/PostmanCollection.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>
#include <QUuid>

using namespace wf;
using namespace wf::testersupport;
using tester::fromPostmanCollection;
using tester::toPostmanCollection;
using testersupport::SchemaCheck;

namespace {

const QString kSchema =
    QStringLiteral("https://schema.getpostman.com/json/collection/v2.1.0/collection.json");

QJsonObject exported(const Collection &collection)
{
    return QJsonDocument::fromJson(toPostmanCollection(collection)).object();
}

// The first request of an export.
QJsonObject firstRequest(const RequestDocument &document)
{
    return exported(collection(QStringLiteral("c"), {item(document)}))
        .value(QLatin1String("item"))
        .toArray()
        .first()
        .toObject()
        .value(QLatin1String("request"))
        .toObject();
}

QHash<QString, QString> attributes(const QJsonObject &auth)
{
    QHash<QString, QString> map;
    const QString type = auth.value(QLatin1String("type")).toString();
    for (const QJsonValue &attribute : auth.value(type).toArray())
        map.insert(attribute.toObject().value(QLatin1String("key")).toString(),
                   attribute.toObject().value(QLatin1String("value")).toString());
    return map;
}

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(WF_TEST_DATA_DIR "/tester/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The request at `path` ("Folder / Request") of an imported collection.
const RequestDocument *find(const std::vector<tester::CollectionItem> &items, const QString &path)
{
    const QString head = path.section(QStringLiteral(" / "), 0, 0);
    const QString rest = path.section(QStringLiteral(" / "), 1);
    for (const tester::CollectionItem &item : items) {
        if (item.name != head)
            continue;
        if (rest.isEmpty())
            return item.isFolder ? nullptr : &item.request;
        return find(item.children, rest);
    }
    return nullptr;
}

QString compact(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

} // namespace

class TestPostman final : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void exportInfo();
    void urlShapes_data();
    void urlShapes();
    void bodyMapping_data();
    void bodyMapping();
    void authMapping();
    void oauthMapping();
    void normalisedOnImport_data();
    void normalisedOnImport();
    void postmanShopFixture();
    void postmanShopRequests();
    void postmanV20Fixture();
    void postmanWorkflowsFixture();
    void apiWrapperAccepted();
    void refused_data();
    void refused();
    void limits();
};

void TestPostman::roundTrip_data()
{
    QTest::addColumn<tester::Collection>("collection");
    QTest::addRow("every body mode") << everyBodyMode();
    QTest::addRow("every auth mode") << everyAuthMode();
    QTest::addRow("settings of auth modes not in use") << inactiveAuthSettings();
    QTest::addRow("disabled rows, folders, unicode, URL shapes") << rowsFoldersAndText();
    QTest::addRow("empty") << collection(QStringLiteral("Nothing yet"), {});
}

void TestPostman::roundTrip()
{
    QFETCH(tester::Collection, collection);
    const QByteArray bytes = toPostmanCollection(collection);
    SchemaCheck check;
    check.collection(QJsonDocument::fromJson(bytes).object());
    QVERIFY2(check.problems.isEmpty(), qPrintable(check.problems.join(QLatin1Char('\n'))));
    auto imported = fromPostmanCollection(bytes);
    QVERIFY2(imported.ok(), imported.ok() ? "" : qPrintable(imported.error().message));
    QCOMPARE(imported->warnings, QStringList());
    QCOMPARE(pretty(imported->collection), pretty(collection));
    QVERIFY(imported->collection == collection);
}

void TestPostman::exportInfo()
{
    Collection described = collection(QStringLiteral("Described"), {});
    described.description = QStringLiteral("What it is for.");
    const QJsonObject first = exported(described);
    const QJsonObject info = first.value(QLatin1String("info")).toObject();
    QCOMPARE(info.value(QLatin1String("schema")).toString(), kSchema);
    QCOMPARE(info.value(QLatin1String("name")).toString(), QStringLiteral("Described"));
    QCOMPARE(info.value(QLatin1String("description")).toString(), QStringLiteral("What it is for."));
    const QUuid id = QUuid::fromString(info.value(QLatin1String("_postman_id")).toString());
    QVERIFY(!id.isNull());
    QCOMPARE(id.version(), QUuid::Random);
    const QString second = exported(described)
                               .value(QLatin1String("info"))
                               .toObject()
                               .value(QLatin1String("_postman_id"))
                               .toString();
    QVERIFY(second != info.value(QLatin1String("_postman_id")).toString());
    QVERIFY(!exported(collection(QStringLiteral("x"), {}))
                 .value(QLatin1String("info"))
                 .toObject()
                 .contains(QLatin1String("description")));
    QVERIFY(toPostmanCollection(described).contains("\n    ")); // indented
}

void TestPostman::urlShapes_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected"); // the url member, compact JSON
    QTest::addRow("base URL variable")
        << "{{baseUrl}}/api/flo/abc/invoke"
        << "{\"host\":[\"{{baseUrl}}\"],\"path\":[\"api\",\"flo\",\"abc\",\"invoke\"],"
           "\"raw\":\"{{baseUrl}}/api/flo/abc/invoke\"}";
    QTest::addRow("address and port")
        << "http://127.0.0.1:8787/api/flo/abc/invoke"
        << "{\"host\":[\"127\",\"0\",\"0\",\"1\"],\"path\":[\"api\",\"flo\",\"abc\",\"invoke\"],\"port\":"
           "\"8787\","
           "\"protocol\":\"http\",\"raw\":\"http://127.0.0.1:8787/api/flo/abc/invoke\"}";
    QTest::addRow("IPv6, fragment")
        << "https://[::1]:8443/a#top"
        << "{\"hash\":\"top\",\"host\":[\"[::1]\"],\"path\":[\"a\"],\"port\":\"8443\","
           "\"protocol\":\"https\",\"raw\":\"https://[::1]:8443/a#top\"}";
    QTest::addRow("variable with a dot in the host")
        << "https://{{api.host}}.example.com:{{port}}/"
        << "{\"host\":[\"{{api.host}}\",\"example\",\"com\"],\"path\":[\"\"],\"port\":\"{{port}}\","
           "\"protocol\":\"https\",\"raw\":\"https://{{api.host}}.example.com:{{port}}/\"}";
    QTest::addRow("no path")
        << "https://example.com"
        << "{\"host\":[\"example\",\"com\"],\"protocol\":\"https\",\"raw\":\"https://example.com\"}";
    QTest::addRow("query in the URL itself")
        << "{{baseUrl}}/x?a=1"
        << "{\"host\":[\"{{baseUrl}}\"],\"path\":[\"x\"],\"query\":[{\"key\":\"a\",\"value\":\"1\"}],"
           "\"raw\":\"{{baseUrl}}/x?a=1\"}";
}

void TestPostman::urlShapes()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    const QJsonObject exportedRequest =
        firstRequest(testersupport::request(QStringLiteral("r"), QStringLiteral("GET"), url));
    QCOMPARE(compact(exportedRequest.value(QLatin1String("url"))), expected);
}

void TestPostman::bodyMapping_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected"); // the body member, compact JSON ("" = no body)
    QTest::addRow("none") << "No body"
                          << "";
    QTest::addRow("none, text kept") << "No body, text kept"
                                     << "{\"disabled\":true,\"raw\":\"{\\\"kept\\\": "
                                        "true}\",\"urlencoded\":[{\"key\":\"a\",\"value\":\"1\"}]}";
    QTest::addRow("json") << "JSON"
                          << "{\"mode\":\"raw\",\"options\":{\"raw\":{\"language\":\"json\"}},"
                             "\"raw\":\"{\\n  \\\"name\\\": \\\"{{name}}\\\",\\n  \\\"n\\\": 1\\n}\"}";
    QTest::addRow("form")
        << "Form"
        << "{\"mode\":\"urlencoded\",\"raw\":\"text left from raw mode\",\"urlencoded\":["
           "{\"key\":\"name\",\"value\":\"Ada Lovelace\"},"
           "{\"disabled\":true,\"key\":\"lang\",\"value\":\"fr\"},{\"key\":\"empty\",\"value\":\"\"}]}";
    QTest::addRow("raw")
        << "Raw"
        << "{\"mode\":\"raw\",\"options\":{\"raw\":{\"language\":\"text\"}},\"raw\":\"line 1\\nline 2 "
           "& more\",\"urlencoded\":[{\"disabled\":true,\"key\":\"left\",\"value\":\"over\"}]}";
}

void TestPostman::bodyMapping()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    const RequestDocument *document = find(everyBodyMode().items, name);
    QVERIFY(document);
    const QJsonObject request = firstRequest(*document);
    QCOMPARE(request.contains(QLatin1String("body")) ? compact(request.value(QLatin1String("body")))
                                                     : QString(),
             expected);
}

void TestPostman::authMapping()
{
    const Collection auth = everyAuthMode();
    QJsonObject request = firstRequest(*find(auth.items, QStringLiteral("None")));
    QCOMPARE(compact(request.value(QLatin1String("auth"))), QStringLiteral("{\"type\":\"noauth\"}"));

    request = firstRequest(*find(auth.items, QStringLiteral("Client token in query")));
    QCOMPARE(compact(request.value(QLatin1String("auth"))), QStringLiteral("{\"type\":\"noauth\"}"));
    const QJsonObject url = request.value(QLatin1String("url")).toObject();
    QVERIFY(url.value(QLatin1String("raw"))
                .toString()
                .endsWith(QLatin1String("/invoke?id=42&clientToken={{clientToken}}")));
    QCOMPARE(
        compact(url.value(QLatin1String("query"))),
        QStringLiteral(
            "[{\"key\":\"id\",\"value\":\"42\"},{\"key\":\"clientToken\",\"value\":\"{{clientToken}}\"}]"));

    request = firstRequest(*find(auth.items, QStringLiteral("Client token in header")));
    QJsonObject json = request.value(QLatin1String("auth")).toObject();
    QCOMPARE(json.value(QLatin1String("type")).toString(), QStringLiteral("apikey"));
    QCOMPARE(attributes(json),
             (QHash<QString, QString>{{QStringLiteral("key"), QStringLiteral("x-api-client-token")},
                                      {QStringLiteral("value"), QStringLiteral("{{orderToken}}")},
                                      {QStringLiteral("in"), QStringLiteral("header")}}));
    QVERIFY(request.value(QLatin1String("header")).toArray().isEmpty());

    request = firstRequest(*find(auth.items, QStringLiteral("Bearer")));
    QCOMPARE(
        compact(request.value(QLatin1String("auth"))),
        QStringLiteral("{\"bearer\":[{\"key\":\"token\",\"type\":\"string\",\"value\":\"{{accessToken}}\"}],"
                       "\"type\":\"bearer\"}"));
    QCOMPARE(request.value(QLatin1String("wfconsoleFlowId")).toString(), QStringLiteral("customer-oauth"));
}

void TestPostman::oauthMapping()
{
    const Collection auth = everyAuthMode();
    const QJsonObject request = firstRequest(*find(auth.items, QStringLiteral("OAuth 2.0, defaults")));
    QJsonObject json = request.value(QLatin1String("auth")).toObject();
    QCOMPARE(json.value(QLatin1String("type")).toString(), QStringLiteral("oauth2"));
    const QHash<QString, QString> oauth = attributes(json);
    QCOMPARE(oauth.value(QStringLiteral("grant_type")), QStringLiteral("client_credentials"));
    QCOMPARE(oauth.value(QStringLiteral("accessTokenUrl")), QStringLiteral("{{baseUrl}}/oauth2/v1/token"));
    QCOMPARE(oauth.value(QStringLiteral("clientId")), QStringLiteral("0oaAbCdEfGhIjKlMnOpQ"));
    QCOMPARE(oauth.value(QStringLiteral("scope")), QStringLiteral("okta.workflows.invoke.manage"));
    QCOMPARE(oauth.value(QStringLiteral("accessToken")), QStringLiteral("{{accessToken}}"));
    QCOMPARE(oauth.value(QStringLiteral("addTokenTo")), QStringLiteral("header"));
    QCOMPARE(oauth.value(QStringLiteral("wfconsoleKid")), QStringLiteral("kid-1"));
    QCOMPARE(oauth.value(QStringLiteral("wfconsoleKeySource")), QStringLiteral("kept"));
    QVERIFY(!request.contains(QLatin1String("wfconsoleFlowId")));

    // The settings of a mode not in use travel beside the active one.
    json = firstRequest(*find(inactiveAuthSettings().items, QStringLiteral("None, all kept")))
               .value(QLatin1String("auth"))
               .toObject();
    QCOMPARE(json.value(QLatin1String("type")).toString(), QStringLiteral("noauth"));
    QCOMPARE(attributes(QJsonObject{{QStringLiteral("type"), QStringLiteral("bearer")},
                                    {QStringLiteral("bearer"), json.value(QLatin1String("bearer"))}})
                 .value(QStringLiteral("token")),
             QStringLiteral("{{oldToken}}"));
    QVERIFY(json.value(QLatin1String("oauth2")).isArray());
    QVERIFY(json.value(QLatin1String("apikey")).isArray());
    QVERIFY(!firstRequest(*find(auth.items, QStringLiteral("Bearer")))
                 .value(QLatin1String("auth"))
                 .toObject()
                 .contains(QLatin1String("oauth2")));

    const QHash<QString, QString> pasted =
        attributes(firstRequest(*find(auth.items, QStringLiteral("OAuth 2.0, pasted key")))
                       .value(QLatin1String("auth"))
                       .toObject());
    QCOMPARE(pasted.value(QStringLiteral("accessTokenUrl")),
             QStringLiteral("https://login.example.com/oauth2/v1/token"));
    QCOMPARE(pasted.value(QStringLiteral("scope")),
             QStringLiteral("okta.workflows.invoke.manage extra.scope"));
    QCOMPARE(pasted.value(QStringLiteral("wfconsoleKeySource")), QStringLiteral("pasted"));
}

// Export then import gives an equivalent request, not the same: what the tester sends is the same.
void TestPostman::normalisedOnImport_data()
{
    QTest::addColumn<RequestDocument>("document");
    QTest::addColumn<RequestDocument>("expected");
    const QString url = QStringLiteral("{{baseUrl}}/x");

    RequestDocument ownQuery =
        request(QStringLiteral("q"), QStringLiteral("GET"), url + QStringLiteral("?a=1#f"));
    ownQuery.query = {KeyValue{QStringLiteral("b"), QStringLiteral("2"), true}};
    RequestDocument split = ownQuery;
    split.url = url + QStringLiteral("#f");
    split.query.prepend(KeyValue{QStringLiteral("a"), QStringLiteral("1"), true});
    QTest::addRow("a query in the URL moves to the parameters") << ownQuery << split;

    RequestDocument defaults = request(QStringLiteral("o"), QStringLiteral("GET"), url);
    defaults.auth.mode = AuthMode::OAuth2;
    defaults.auth.oauth.tokenUrl = QStringLiteral("{{baseUrl}}/oauth2/v1/token");
    defaults.auth.oauth.scope = QStringLiteral("okta.workflows.invoke.manage");
    RequestDocument empty = defaults;
    empty.auth.oauth.tokenUrl.clear();
    empty.auth.oauth.scope.clear();
    QTest::addRow("the default token URL and scope import as the defaults") << defaults << empty;

    RequestDocument literal = request(QStringLiteral("t"), QStringLiteral("GET"), url);
    literal.query = {KeyValue{QStringLiteral("x"), QStringLiteral("1"), true},
                     KeyValue{QStringLiteral("clientToken"), QStringLiteral("{{tok}}"), true}};
    RequestDocument asAuth = request(QStringLiteral("t"), QStringLiteral("GET"), url);
    asAuth.query = {KeyValue{QStringLiteral("x"), QStringLiteral("1"), true}};
    asAuth.auth.mode = AuthMode::ClientToken;
    asAuth.auth.clientToken = QStringLiteral("{{tok}}");
    QTest::addRow("a clientToken parameter becomes the client token auth") << literal << asAuth;

    RequestDocument emptyRaw = request(QStringLiteral("r"), QStringLiteral("POST"), url);
    emptyRaw.bodyMode = BodyMode::Raw;
    RequestDocument noBody = emptyRaw;
    noBody.bodyMode = BodyMode::None;
    QTest::addRow("an empty raw body is no body (Postman sends none)") << emptyRaw << noBody;
}

void TestPostman::normalisedOnImport()
{
    QFETCH(RequestDocument, document);
    QFETCH(RequestDocument, expected);
    auto imported =
        fromPostmanCollection(toPostmanCollection(collection(QStringLiteral("n"), {item(document)})));
    QVERIFY(imported.ok());
    const RequestDocument &back = imported->collection.items.front().request;
    QCOMPARE(QJsonDocument(tester::toJson(back)).toJson(), QJsonDocument(tester::toJson(expected)).toJson());
}

void TestPostman::postmanShopFixture()
{
    auto imported = fromPostmanCollection(fixture(QStringLiteral("postman-shop-v21.json")));
    QVERIFY2(imported.ok(), imported.ok() ? "" : qPrintable(imported.error().message));
    const Collection &shop = imported->collection;
    QCOMPARE(shop.name, QStringLiteral("Shop API"));
    QCOMPARE(shop.description, QStringLiteral("Orders and customers of the demo shop."));
    QCOMPARE(shop.id, QString());
    QCOMPARE(
        imported->warnings,
        QStringList(
            {QStringLiteral("collection: scripts dropped (test): the tester runs no scripts"),
             QStringLiteral("collection: variables not imported (baseUrl, token): define them in the "
                            "tester's environment"),
             QStringLiteral("Customers: scripts dropped (prerequest): the tester runs no scripts"),
             QStringLiteral("Customers / Get customer: scripts dropped (test): the tester runs no scripts"),
             QStringLiteral("Customers / Get customer: 1 saved responses dropped"),
             QStringLiteral("Customers / Create customer: Basic auth is sent as an Authorization header"),
             QStringLiteral("Upload avatar: file fields of the form dropped: the tester sends text only"),
             QStringLiteral("Upload avatar: multipart form data is sent as a URL-encoded form"),
             QStringLiteral("Import orders: file body dropped: the tester sends text bodies only"),
             QStringLiteral("Legacy report: digest auth dropped: the tester does not have it"),
             QStringLiteral("descriptions of 2 requests and folders are not imported")}));
}

void TestPostman::postmanShopRequests()
{
    auto imported = fromPostmanCollection(fixture(QStringLiteral("postman-shop-v21.json")));
    QVERIFY(imported.ok());
    const Collection &shop = imported->collection;
    const RequestDocument *get = find(shop.items, QStringLiteral("Customers / Get customer"));
    QVERIFY(get);
    QCOMPARE(get->url, QStringLiteral("{{baseUrl}}/customers/42")); // the path variable's value
    QCOMPARE(get->query,
             (QList<KeyValue>{KeyValue{QStringLiteral("expand"), QStringLiteral("orders"), true}}));
    QCOMPARE(get->auth.mode, AuthMode::Bearer); // inherited from the collection
    QCOMPARE(get->auth.bearerToken, QStringLiteral("{{token}}"));

    const RequestDocument *create = find(shop.items, QStringLiteral("Customers / Create customer"));
    QVERIFY(create);
    QCOMPARE(create->method, QStringLiteral("POST"));
    QCOMPARE(create->bodyMode, BodyMode::Json);
    QVERIFY(create->body.contains(QLatin1String("Grace Hopper")));
    QCOMPARE(create->auth.mode, AuthMode::None);
    QCOMPARE(create->headers,
             (QList<KeyValue>{
                 KeyValue{QStringLiteral("Content-Type"), QStringLiteral("application/json"), true},
                 KeyValue{QStringLiteral("Authorization"), QStringLiteral("Basic YWRtaW46czNjcmV0"), true}}));

    const RequestDocument *upload = find(shop.items, QStringLiteral("Upload avatar"));
    QVERIFY(upload);
    QCOMPARE(upload->bodyMode, BodyMode::Form);
    QCOMPARE(upload->form,
             (QList<KeyValue>{KeyValue{QStringLiteral("name"), QStringLiteral("Ada"), true},
                              KeyValue{QStringLiteral("note"), QStringLiteral("skip me"), false}}));
    const RequestDocument *file = find(shop.items, QStringLiteral("Import orders"));
    QVERIFY(file);
    QCOMPARE(file->bodyMode, BodyMode::None);
    QCOMPARE(file->url, QStringLiteral("https://shop.example.com/orders/import"));
    QCOMPARE(find(shop.items, QStringLiteral("Legacy report"))->auth.mode, AuthMode::None);

    const RequestDocument *search = find(shop.items, QStringLiteral("Search (public)"));
    QVERIFY(search);
    QCOMPARE(search->auth.mode, AuthMode::None); // noauth overrides the collection's bearer
    QCOMPARE(search->url, QStringLiteral("{{baseUrl}}/search"));
    QCOMPARE(search->query.size(), 3);
    QVERIFY(!search->query.at(2).enabled);
    QVERIFY(!search->headers.at(1).enabled);

    const RequestDocument *xml = find(shop.items, QStringLiteral("Export XML"));
    QVERIFY(xml);
    QCOMPARE(xml->bodyMode, BodyMode::Raw);
    QCOMPARE(xml->headers, (QList<KeyValue>{KeyValue{QStringLiteral("Content-Type"),
                                                     QStringLiteral("application/xml"), true}}));
}

void TestPostman::postmanV20Fixture()
{
    auto imported = fromPostmanCollection(fixture(QStringLiteral("postman-legacy-v20.json")));
    QVERIFY2(imported.ok(), imported.ok() ? "" : qPrintable(imported.error().message));
    const Collection &legacy = imported->collection;
    QCOMPARE(legacy.name, QStringLiteral("Legacy gateway"));
    QCOMPARE(legacy.description, QStringLiteral("Exported from an old Postman, schema v2.0.0."));
    QCOMPARE(
        imported->warnings,
        QStringList({QStringLiteral("Login form: Basic auth dropped: the tester has no Basic auth, and its "
                                    "variables cannot be encoded ahead of time; add an Authorization header"),
                     QStringLiteral("Calendar (user sign-in): OAuth 2.0 grant type authorization_code is not "
                                    "supported: its access token is sent as a bearer token"),
                     QStringLiteral("Notes: neither a request nor a folder: skipped")}));
    QCOMPARE(legacy.items.size(), size_t(6));

    const RequestDocument *ping = find(legacy.items, QStringLiteral("Ping"));
    QCOMPARE(ping->method, QStringLiteral("GET"));
    QCOMPARE(ping->url, QStringLiteral("https://gateway.example.net/ping"));
    QCOMPARE(ping->query, (QList<KeyValue>{KeyValue{QStringLiteral("verbose"), QStringLiteral("1"), true}}));

    const RequestDocument *login = find(legacy.items, QStringLiteral("Login form"));
    QCOMPARE(login->method, QStringLiteral("POST"));
    QCOMPARE(login->headers,
             (QList<KeyValue>{KeyValue{QStringLiteral("Accept"), QStringLiteral("application/json"), true},
                              KeyValue{QStringLiteral("X-Trace"), QStringLiteral("on"), false},
                              KeyValue{QStringLiteral("X-Client"), QStringLiteral("legacy"), true}}));
    QCOMPARE(login->bodyMode, BodyMode::Form);
    QCOMPARE(login->form,
             (QList<KeyValue>{KeyValue{QStringLiteral("user"), QStringLiteral("{{user}}"), true},
                              KeyValue{QStringLiteral("remember"), QStringLiteral("true"), false}}));
    QCOMPARE(login->auth.mode, AuthMode::None);

    const RequestDocument *profile = find(legacy.items, QStringLiteral("Profile"));
    QCOMPARE(profile->auth.mode, AuthMode::Bearer);
    QCOMPARE(profile->auth.bearerToken, QStringLiteral("{{sessionToken}}"));

    const RequestDocument *partner = find(legacy.items, QStringLiteral("Partner data"));
    QCOMPARE(partner->url, QStringLiteral("https://partner.example.net:8443/v1/data"));
    QCOMPARE(partner->query,
             (QList<KeyValue>{KeyValue{QStringLiteral("format"), QStringLiteral("json"), true}}));
    QCOMPARE(partner->auth.mode, AuthMode::None);
    QCOMPARE(partner->headers, (QList<KeyValue>{KeyValue{QStringLiteral("X-Api-Key"),
                                                         QStringLiteral("{{partnerKey}}"), true}}));

    const RequestDocument *invoke = find(legacy.items, QStringLiteral("Invoke with client token"));
    QCOMPARE(invoke->auth.mode, AuthMode::ClientToken);
    QCOMPARE(invoke->auth.placement, ClientTokenPlacement::Query);
    QCOMPARE(invoke->auth.clientToken, QStringLiteral("{{flowToken}}"));
    QCOMPARE(invoke->query, (QList<KeyValue>{KeyValue{QStringLiteral("debug"), QStringLiteral("1"), true}}));

    const RequestDocument *calendar = find(legacy.items, QStringLiteral("Calendar (user sign-in)"));
    QCOMPARE(calendar->auth.mode, AuthMode::Bearer);
    QCOMPARE(calendar->auth.bearerToken, QStringLiteral("{{calendarToken}}"));
}

void TestPostman::postmanWorkflowsFixture()
{
    auto imported = fromPostmanCollection(fixture(QStringLiteral("postman-workflows-v21.json")));
    QVERIFY2(imported.ok(), imported.ok() ? "" : qPrintable(imported.error().message));
    const Collection &flows = imported->collection;
    QCOMPARE(
        imported->warnings,
        QStringList(
            {QStringLiteral("OAuth 2.0 / Invoke customer lookup: OAuth 2.0: choose the app key that "
                            "signs the client assertion (the tester uses private_key_jwt, not a client "
                            "secret)"),
             QStringLiteral("OAuth 2.0 / Resume approval: path variable :executionId has no value: left "
                            "in the URL"),
             QStringLiteral("OAuth 2.0 / Resume approval: OAuth 2.0: choose the app key that signs the "
                            "client assertion (the tester uses private_key_jwt, not a client secret)")}));

    const RequestDocument *query =
        find(flows.items, QStringLiteral("Client token / Invoke (token in query)"));
    QVERIFY(query);
    QCOMPARE(query->auth.mode, AuthMode::ClientToken);
    QCOMPARE(query->auth.placement, ClientTokenPlacement::Query);
    QCOMPARE(query->auth.clientToken, QStringLiteral("{{clientToken}}"));
    QVERIFY(query->query.isEmpty());
    QCOMPARE(
        query->url,
        QStringLiteral("https://acme.workflows.okta.com/api/flo/a3b4c5d6e7f8091a2b3c4d5e6f708192/invoke"));
    QCOMPARE(query->bodyMode, BodyMode::Json);

    const RequestDocument *header =
        find(flows.items, QStringLiteral("Client token / Invoke (token in header)"));
    QCOMPARE(header->auth.mode, AuthMode::ClientToken);
    QCOMPARE(header->auth.placement, ClientTokenPlacement::Header);
    QCOMPARE(header->auth.clientToken, QStringLiteral("{{clientToken}}"));
    QVERIFY(header->headers.isEmpty());

    const RequestDocument *lookup = find(flows.items, QStringLiteral("OAuth 2.0 / Invoke customer lookup"));
    QCOMPARE(lookup->auth.mode, AuthMode::OAuth2); // inherited from the folder
    QCOMPARE(lookup->auth.oauth.clientId, QStringLiteral("0oa8f5j3ecb5w3dF35d7"));
    QCOMPARE(lookup->auth.oauth.tokenUrl, QStringLiteral("https://acme.okta.com/oauth2/v1/token"));
    QCOMPARE(lookup->auth.oauth.scope, QString()); // the default scope
    QCOMPARE(lookup->auth.oauth.kid, QString());
    QCOMPARE(lookup->query, (QList<KeyValue>{KeyValue{QStringLiteral("id"), QStringLiteral("42"), true}}));

    const RequestDocument *resume = find(flows.items, QStringLiteral("OAuth 2.0 / Resume approval"));
    QVERIFY(resume->url.endsWith(QLatin1String("/resume/:executionId")));
}

void TestPostman::apiWrapperAccepted()
{
    const QByteArray inner = toPostmanCollection(everyAuthMode());
    const QByteArray wrapped = "{\"collection\": " + inner + "}";
    auto imported = fromPostmanCollection(wrapped);
    QVERIFY2(imported.ok(), imported.ok() ? "" : qPrintable(imported.error().message));
    QVERIFY(imported->collection == everyAuthMode());
}

void TestPostman::refused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    QTest::addRow("not JSON") << QByteArray("{\"info\": ") << "not a Postman collection: not valid JSON (";
    QTest::addRow("an array") << QByteArray("[]")
                              << "not a Postman collection: the document is not a JSON object";
    QTest::addRow("v1")
        << QByteArray("{\"id\": \"2a5c\", \"name\": \"Old\", \"order\": [\"r1\"], \"folders\": [], "
                      "\"requests\": [{\"id\": \"r1\", \"url\": \"http://x\", \"method\": \"GET\"}]}")
        << "this is a Postman Collection v1, which is not supported";
    QTest::addRow("v1 schema URL") << QByteArray("{\"info\": {\"name\": \"x\", \"schema\": "
                                                 "\"https://schema.getpostman.com/json/collection/v1.0.0/"
                                                 "collection.json\"}, \"item\": []}")
                                   << "this is a Postman Collection v1, which is not supported";
    QTest::addRow("environment")
        << QByteArray("{\"id\": \"e1\", \"name\": \"Dev\", \"values\": [{\"key\": \"baseUrl\", "
                      "\"value\": \"x\", \"enabled\": true}], "
                      "\"_postman_variable_scope\": \"environment\"}")
        << "this is a Postman environment, not a collection";
    QTest::addRow("OpenAPI")
        << QByteArray("{\"openapi\": \"3.0.0\", \"info\": {\"title\": \"x\", \"version\": \"1\"}, "
                      "\"paths\": {}}")
        << "not a Postman collection: info.schema is ''";
    QTest::addRow("other object") << QByteArray("{\"a\": 1}")
                                  << "not a Postman collection: it has no \"info\" object";
    QTest::addRow("future version") << QByteArray("{\"info\": {\"name\": \"x\", \"schema\": "
                                                  "\"https://schema.getpostman.com/json/collection/v2.2.0/"
                                                  "collection.json\"}, \"item\": []}")
                                    << "Postman Collection v2.2 is not supported (v2.1 and v2.0 are)";
    const QByteArray itemObject = QByteArray("{\"info\": {\"name\": \"x\", \"schema\": \"") +
                                  kSchema.toLatin1() + QByteArray("\"}, \"item\": {}}");
    QTest::addRow("item not an array") << itemObject << "not a Postman collection: \"item\" is not an array";
}

void TestPostman::refused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    auto imported = fromPostmanCollection(json);
    QVERIFY(!imported.ok());
    QCOMPARE(imported.error().type, ErrorType::InvalidInput);
    QVERIFY2(imported.error().message.startsWith(message), qPrintable(imported.error().message));
}

void TestPostman::limits()
{
    QJsonArray items{QJsonObject{{QStringLiteral("name"), QStringLiteral("r")},
                                 {QStringLiteral("request"), QStringLiteral("https://example.com")}}};
    for (int level = tester::kMaxFolderDepth + 1; level >= 1; --level)
        items = QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("f%1").arg(level)},
                                       {QStringLiteral("item"), items}}};
    const QJsonObject info{{QStringLiteral("name"), QStringLiteral("deep")},
                           {QStringLiteral("schema"), kSchema}};
    auto deep = fromPostmanCollection(
        QJsonDocument(QJsonObject{{QStringLiteral("info"), info}, {QStringLiteral("item"), items}}).toJson());
    QVERIFY(!deep.ok());
    QCOMPARE(deep.error().type, ErrorType::LimitExceeded);
    QVERIFY2(deep.error().message.endsWith(QLatin1String("f17: folders nest more than 16 deep")),
             qPrintable(deep.error().message));
    // Sixteen levels are fine.
    items = items.first().toObject().value(QLatin1String("item")).toArray();
    QVERIFY(fromPostmanCollection(
                QJsonDocument(QJsonObject{{QStringLiteral("info"), info}, {QStringLiteral("item"), items}})
                    .toJson())
                .ok());

    QJsonArray many;
    for (int i = 0; i <= tester::kMaxCollectionRequests; ++i)
        many.append(QJsonObject{{QStringLiteral("name"), QString::number(i)},
                                {QStringLiteral("request"), QStringLiteral("https://example.com")}});
    auto tooMany = fromPostmanCollection(
        QJsonDocument(QJsonObject{{QStringLiteral("info"), info}, {QStringLiteral("item"), many}}).toJson());
    QVERIFY(!tooMany.ok());
    QCOMPARE(tooMany.error().type, ErrorType::LimitExceeded);
    QCOMPARE(tooMany.error().message, QStringLiteral("a collection holds at most 10000 requests"));
    many.removeLast();
    auto full = fromPostmanCollection(
        QJsonDocument(QJsonObject{{QStringLiteral("info"), info}, {QStringLiteral("item"), many}}).toJson());
    QVERIFY(full.ok());
    QCOMPARE(full->collection.items.size(), size_t(tester::kMaxCollectionRequests));

    auto huge = fromPostmanCollection(QByteArray(tester::kMaxCollectionFileBytes + 1, ' '));
    QVERIFY(!huge.ok());
    QCOMPARE(huge.error().type, ErrorType::LimitExceeded);
}

QTEST_GUILESS_MAIN(TestPostman)
#include "tst_postman.moc"
