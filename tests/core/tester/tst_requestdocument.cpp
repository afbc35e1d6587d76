// Request documents of the request tester: the JSON collections and history store (a round trip of
// every body and auth mode, defaults for missing members, refusals naming the member, limits), what
// counts as a variable reference, and the redaction applied before storing.

#include "tester/RequestDocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace wf;
using namespace wf::tester;

Q_DECLARE_METATYPE(wf::tester::RequestDocument)

namespace {

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

RequestDocument jsonDocument()
{
    RequestDocument document;
    document.name = QStringLiteral("Create order");
    document.method = QStringLiteral("POST");
    document.url = QStringLiteral("{{baseUrl}}/api/flo/abc123/invoke");
    document.query = {{QStringLiteral("clientToken"), QStringLiteral("{{clientToken}}"), true},
                      {QStringLiteral("debug"), QStringLiteral("1"), false}};
    document.headers = {{QStringLiteral("Accept"), QStringLiteral("application/json"), true}};
    document.bodyMode = BodyMode::Json;
    document.body = QStringLiteral("{\n  \"name\": \"Zoë\",\n  \"tags\": [\"日本語\", \"🎉\"]\n}");
    document.flowId = QStringLiteral("abc123");
    return document;
}

RequestDocument formDocument()
{
    RequestDocument document;
    document.method = QStringLiteral("PUT");
    document.url = QStringLiteral("https://example.com/form");
    document.bodyMode = BodyMode::Form;
    document.form = {{QStringLiteral("a b"), QStringLiteral("x&y=z"), true},
                     {QStringLiteral("off"), QString(), false}};
    document.auth.mode = AuthMode::ClientToken;
    document.auth.placement = ClientTokenPlacement::Header;
    return document;
}

RequestDocument rawDocument()
{
    RequestDocument document;
    document.method = QStringLiteral("PATCH");
    document.url = QStringLiteral("http://127.0.0.1:8787/x");
    document.bodyMode = BodyMode::Raw;
    document.body = QStringLiteral("line 1\r\nline 2 'quoted' \"double\" \\ $HOME `tick`");
    document.auth.mode = AuthMode::Bearer;
    document.auth.bearerToken = QStringLiteral("{{token}}");
    return document;
}

RequestDocument oauthDocument(OAuthKeySource source)
{
    RequestDocument document;
    document.method = QStringLiteral("PURGE");
    document.url = QStringLiteral("{{baseUrl}}/api/flo/f/invoke");
    document.auth.mode = AuthMode::OAuth2;
    document.auth.oauth.clientId = QStringLiteral("0oa123");
    document.auth.oauth.kid = QStringLiteral("key-1");
    document.auth.oauth.tokenUrl = QStringLiteral("https://auth.example.com/oauth2/v1/token");
    document.auth.oauth.scope = QStringLiteral("okta.workflows.invoke.manage");
    document.auth.oauth.keySource = source;
    return document;
}

QString longText(qsizetype size)
{
    return QString(size, QLatin1Char('x'));
}

QJsonArray entries(qsizetype count)
{
    QJsonArray array;
    for (qsizetype i = 0; i < count; ++i)
        array.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("n%1").arg(i)},
                                 {QStringLiteral("value"), QStringLiteral("v")}});
    return array;
}

} // namespace

class TestRequestDocument final : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void modeNames();
    void missingMembersTakeDefaults();
    void refusals_data();
    void refusals();
    void limits_data();
    void limits();
    void variableReference_data();
    void variableReference();
    void redaction_data();
    void redaction();
    void redactionKeepsEverythingElse();
};

void TestRequestDocument::roundTrip_data()
{
    QTest::addColumn<RequestDocument>("document");
    QTest::addRow("default") << RequestDocument();
    QTest::addRow("json, client token in the query") << jsonDocument();
    QTest::addRow("form, client token in the header") << formDocument();
    QTest::addRow("raw, bearer") << rawDocument();
    QTest::addRow("oauth2, kept key") << oauthDocument(OAuthKeySource::Kept);
    QTest::addRow("oauth2, pasted key") << oauthDocument(OAuthKeySource::Pasted);
}

void TestRequestDocument::roundTrip()
{
    QFETCH(RequestDocument, document);
    // Through the bytes a collection file holds, not just the JSON object.
    const QByteArray bytes = QJsonDocument(toJson(document)).toJson();
    const auto read = requestFromJson(QJsonDocument::fromJson(bytes).object());
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
    QCOMPARE(*read, document);
}

void TestRequestDocument::modeNames()
{
    QCOMPARE(bodyModeName(BodyMode::None), QStringLiteral("none"));
    QCOMPARE(bodyModeName(BodyMode::Json), QStringLiteral("json"));
    QCOMPARE(bodyModeName(BodyMode::Form), QStringLiteral("form"));
    QCOMPARE(bodyModeName(BodyMode::Raw), QStringLiteral("raw"));
    QCOMPARE(authModeName(AuthMode::None), QStringLiteral("none"));
    QCOMPARE(authModeName(AuthMode::ClientToken), QStringLiteral("clientToken"));
    QCOMPARE(authModeName(AuthMode::OAuth2), QStringLiteral("oauth2"));
    QCOMPARE(authModeName(AuthMode::Bearer), QStringLiteral("bearer"));
    const QJsonObject json = toJson(formDocument());
    QCOMPARE(json.value(QStringLiteral("bodyMode")).toString(), QStringLiteral("form"));
    QCOMPARE(json.value(QStringLiteral("auth")).toObject().value(QStringLiteral("mode")).toString(),
             QStringLiteral("clientToken"));
    QCOMPARE(json.value(QStringLiteral("auth")).toObject().value(QStringLiteral("placement")).toString(),
             QStringLiteral("header"));
}

void TestRequestDocument::missingMembersTakeDefaults()
{
    const auto empty = requestFromJson(QJsonObject());
    QVERIFY(empty.ok());
    QCOMPARE(*empty, RequestDocument());
    QCOMPARE(empty->auth.clientToken, QStringLiteral("{{clientToken}}"));

    const auto partial = requestFromJson(parse(
        "{\"url\": \"http://h/\", \"headers\": [{\"name\": \"A\"}], \"auth\": {\"mode\": \"bearer\"}}"));
    QVERIFY(partial.ok());
    QCOMPARE(partial->method, QStringLiteral("GET"));
    QCOMPARE(partial->headers, (QList<KeyValue>{{QStringLiteral("A"), QString(), true}}));
    QCOMPARE(partial->auth.mode, AuthMode::Bearer);
    QCOMPARE(partial->auth.oauth.keySource, OAuthKeySource::Kept);
}

void TestRequestDocument::refusals_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("member");
    QTest::addRow("method not a string") << QByteArray("{\"method\": 5}") << QStringLiteral("method:");
    QTest::addRow("url not a string") << QByteArray("{\"url\": [\"x\"]}") << QStringLiteral("url:");
    QTest::addRow("unknown body mode")
        << QByteArray("{\"bodyMode\": \"xml\"}") << QStringLiteral("bodyMode:");
    QTest::addRow("body mode not a string") << QByteArray("{\"bodyMode\": 1}") << QStringLiteral("bodyMode:");
    QTest::addRow("headers not an array") << QByteArray("{\"headers\": {}}") << QStringLiteral("headers:");
    QTest::addRow("header not an object")
        << QByteArray("{\"headers\": [{\"name\": \"a\"}, 3]}") << QStringLiteral("headers[1]:");
    QTest::addRow("header enabled not a bool")
        << QByteArray("{\"headers\": [{\"name\": \"a\", \"enabled\": \"yes\"}]}")
        << QStringLiteral("headers[0].enabled:");
    QTest::addRow("query name not a string")
        << QByteArray("{\"query\": [{\"name\": 5}]}") << QStringLiteral("query[0].name:");
    QTest::addRow("form value not a string")
        << QByteArray("{\"form\": [{\"name\": \"a\", \"value\": {}}]}") << QStringLiteral("form[0].value:");
    QTest::addRow("auth not an object") << QByteArray("{\"auth\": \"none\"}") << QStringLiteral("auth:");
    QTest::addRow("unknown auth mode")
        << QByteArray("{\"auth\": {\"mode\": \"basic\"}}") << QStringLiteral("auth.mode:");
    QTest::addRow("unknown placement")
        << QByteArray("{\"auth\": {\"placement\": \"cookie\"}}") << QStringLiteral("auth.placement:");
    QTest::addRow("bearer token not a string")
        << QByteArray("{\"auth\": {\"bearerToken\": true}}") << QStringLiteral("auth.bearerToken:");
    QTest::addRow("oauth not an object")
        << QByteArray("{\"auth\": {\"oauth\": []}}") << QStringLiteral("auth.oauth:");
    QTest::addRow("unknown key source") << QByteArray("{\"auth\": {\"oauth\": {\"keySource\": \"disk\"}}}")
                                        << QStringLiteral("auth.oauth.keySource:");
    QTest::addRow("client id not a string")
        << QByteArray("{\"auth\": {\"oauth\": {\"clientId\": 7}}}") << QStringLiteral("auth.oauth.clientId:");
    QTest::addRow("flow id not a string") << QByteArray("{\"flowId\": false}") << QStringLiteral("flowId:");
}

void TestRequestDocument::refusals()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, member);
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    QVERIFY(!object.isEmpty());
    const auto read = requestFromJson(object);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().type, ErrorType::InvalidInput);
    QVERIFY2(read.error().message.startsWith(member), qPrintable(read.error().message));
}

void TestRequestDocument::limits_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("member"); // empty: accepted
    QTest::addRow("body at the limit")
        << QJsonObject{{QStringLiteral("body"), longText(kMaxBodyChars)}} << QString();
    QTest::addRow("body over the limit")
        << QJsonObject{{QStringLiteral("body"), longText(kMaxBodyChars + 1)}} << QStringLiteral("body:");
    QTest::addRow("url at the limit")
        << QJsonObject{{QStringLiteral("url"), longText(kMaxUrlChars)}} << QString();
    QTest::addRow("url over the limit")
        << QJsonObject{{QStringLiteral("url"), longText(kMaxUrlChars + 1)}} << QStringLiteral("url:");
    QTest::addRow("500 headers") << QJsonObject{{QStringLiteral("headers"), entries(kMaxParameters)}}
                                 << QString();
    QTest::addRow("501 headers") << QJsonObject{{QStringLiteral("headers"), entries(kMaxParameters + 1)}}
                                 << QStringLiteral("headers:");
    QTest::addRow("501 query parameters")
        << QJsonObject{{QStringLiteral("query"), entries(kMaxParameters + 1)}} << QStringLiteral("query:");
    QTest::addRow("501 form fields") << QJsonObject{{QStringLiteral("form"), entries(kMaxParameters + 1)}}
                                     << QStringLiteral("form:");
    const QJsonArray longValue{QJsonObject{{QStringLiteral("name"), QStringLiteral("a")},
                                           {QStringLiteral("value"), longText(kMaxBodyChars + 1)}}};
    QTest::addRow("header value over the limit")
        << QJsonObject{{QStringLiteral("headers"), longValue}} << QStringLiteral("headers[0].value:");
}

void TestRequestDocument::limits()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, member);
    const auto read = requestFromJson(json);
    if (member.isEmpty()) {
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
        return;
    }
    QVERIFY(!read.ok());
    QVERIFY2(read.error().message.startsWith(member), qPrintable(read.error().message));
}

void TestRequestDocument::variableReference_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("reference");
    QTest::addRow("plain") << QStringLiteral("{{clientToken}}") << true;
    QTest::addRow("spaces inside") << QStringLiteral("{{ token }}") << true;
    QTest::addRow("dots and dashes") << QStringLiteral("{{my-app.key_1}}") << true;
    QTest::addRow("empty") << QString() << false;
    QTest::addRow("literal") << QStringLiteral("abc123") << false;
    QTest::addRow("text before") << QStringLiteral("x{{token}}") << false;
    QTest::addRow("two references") << QStringLiteral("{{a}}{{b}}") << false;
    QTest::addRow("space outside") << QStringLiteral(" {{a}}") << false;
    QTest::addRow("empty braces") << QStringLiteral("{{}}") << false;
    QTest::addRow("invalid name") << QStringLiteral("{{a b}}") << false;
    QTest::addRow("single braces") << QStringLiteral("{a}") << false;
    QTest::addRow("name too long") << QStringLiteral("{{%1}}").arg(longText(65)) << false;
}

void TestRequestDocument::variableReference()
{
    QFETCH(QString, text);
    QFETCH(bool, reference);
    QCOMPARE(isVariableReference(text), reference);
}

void TestRequestDocument::redaction_data()
{
    // Where the secret is: "clientToken", "bearer", "header:<name>" or "query:<name>".
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("stored");
    const QString secret = QStringLiteral("s3cr3t-Value");
    QTest::addRow("client token") << QStringLiteral("clientToken") << secret << QString();
    QTest::addRow("client token variable")
        << QStringLiteral("clientToken") << QStringLiteral("{{clientToken}}")
        << QStringLiteral("{{clientToken}}");
    QTest::addRow("bearer token") << QStringLiteral("bearer") << secret << QString();
    QTest::addRow("bearer token variable")
        << QStringLiteral("bearer") << QStringLiteral("{{ token }}") << QStringLiteral("{{ token }}");
    QTest::addRow("bearer token in text")
        << QStringLiteral("bearer") << QStringLiteral("x{{token}}") << QString();
    QTest::addRow("Authorization") << QStringLiteral("header:Authorization")
                                   << QStringLiteral("Bearer ") + secret << QString();
    QTest::addRow("authorization, any case")
        << QStringLiteral("header:authorization") << QStringLiteral("Basic ") + secret << QString();
    QTest::addRow("Authorization scheme and variable")
        << QStringLiteral("header:Authorization") << QStringLiteral("Bearer {{token}}")
        << QStringLiteral("Bearer {{token}}");
    QTest::addRow("Authorization variable")
        << QStringLiteral("header:Authorization") << QStringLiteral("{{auth}}") << QStringLiteral("{{auth}}");
    QTest::addRow("Authorization scheme, variable and text")
        << QStringLiteral("header:Authorization") << QStringLiteral("Bearer {{token}}x") << QString();
    QTest::addRow("Proxy-Authorization")
        << QStringLiteral("header:Proxy-Authorization") << secret << QString();
    QTest::addRow("Cookie") << QStringLiteral("header:Cookie") << QStringLiteral("sid=") + secret
                            << QString();
    QTest::addRow("x-api-client-token") << QStringLiteral("header:x-api-client-token") << secret << QString();
    QTest::addRow("X-API-Client-Token") << QStringLiteral("header:X-API-Client-Token") << secret << QString();
    QTest::addRow("x-api-client-token variable")
        << QStringLiteral("header:x-api-client-token") << QStringLiteral("{{clientToken}}")
        << QStringLiteral("{{clientToken}}");
    QTest::addRow("clientToken query parameter")
        << QStringLiteral("query:clientToken") << secret << QString();
    QTest::addRow("clientToken query parameter variable")
        << QStringLiteral("query:clientToken") << QStringLiteral("{{clientToken}}")
        << QStringLiteral("{{clientToken}}");
    QTest::addRow("other header") << QStringLiteral("header:X-Trace") << secret << secret;
    QTest::addRow("other query parameter") << QStringLiteral("query:token") << secret << secret;
}

void TestRequestDocument::redaction()
{
    QFETCH(QString, where);
    QFETCH(QString, value);
    QFETCH(QString, stored);
    RequestDocument document = jsonDocument();
    document.query.clear();
    // Disabled entries are stored too, so they are redacted the same way.
    for (bool enabled : {true, false}) {
        if (where == QLatin1String("clientToken"))
            document.auth.clientToken = value;
        else if (where == QLatin1String("bearer"))
            document.auth.bearerToken = value;
        else if (where.startsWith(QLatin1String("header:")))
            document.headers.append({where.mid(7), value, enabled});
        else
            document.query.append({where.mid(6), value, enabled});
    }
    const RequestDocument redacted = redactedForStorage(document);
    if (where == QLatin1String("clientToken")) {
        QCOMPARE(redacted.auth.clientToken, stored);
    } else if (where == QLatin1String("bearer")) {
        QCOMPARE(redacted.auth.bearerToken, stored);
    } else {
        const QList<KeyValue> &list =
            where.startsWith(QLatin1String("header:")) ? redacted.headers : redacted.query;
        QCOMPARE(list.constLast().value, stored);
        QCOMPARE(list.at(list.size() - 2).value, stored);
        QCOMPARE(list.constLast().name, where.section(QLatin1Char(':'), 1));
    }
    const QByteArray json = QJsonDocument(toJson(redacted)).toJson();
    QCOMPARE(json.contains("s3cr3t-Value"), stored.contains(QLatin1String("s3cr3t-Value")));
}

void TestRequestDocument::redactionKeepsEverythingElse()
{
    RequestDocument document = jsonDocument();
    document.auth.mode = AuthMode::Bearer;
    document.auth.bearerToken = QStringLiteral("literal");
    RequestDocument expected = document;
    expected.auth.bearerToken.clear();
    QCOMPARE(redactedForStorage(document), expected);
    const RequestDocument oauth = oauthDocument(OAuthKeySource::Pasted);
    QCOMPARE(redactedForStorage(oauth), oauth);
}

QTEST_GUILESS_MAIN(TestRequestDocument)
#include "tst_requestdocument.moc"
