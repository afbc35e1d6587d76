// A request of the tester as it goes on the wire: query encoding (spaces, unicode, &, =, +),
// URL scheme and host checks, method validation, header checks and conflicts with the auth,
// Content-Type defaults, the JSON body check with line and column, form encoding, each auth mode,
// unknown variables, and the secrets found in a request and masked from it.

#include "tester/PreparedRequest.h"

#include <QTest>

using namespace wf;
using namespace wf::tester;

Q_DECLARE_METATYPE(wf::tester::RequestDocument)
Q_DECLARE_METATYPE(wf::tester::BodyMode)
Q_DECLARE_METATYPE(wf::tester::KeyValue)

namespace {

const QString kToken = QStringLiteral("tok-Abc123_xyz");

Variables variables()
{
    Variables variables;
    variables.set(QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:8787"));
    variables.set(QStringLiteral("clientToken"), kToken, true);
    variables.set(QStringLiteral("name"), QStringLiteral("Zoë"));
    variables.set(QStringLiteral("n"), QStringLiteral("42"));
    variables.set(QStringLiteral("lineBreak"), QStringLiteral("a\nb"));
    variables.set(QStringLiteral("apiKey"), QStringLiteral("key-Secret-987"), true);
    return variables;
}

RequestDocument document(const QString &url = QStringLiteral("{{baseUrl}}/api/x"))
{
    RequestDocument document;
    document.url = url;
    return document;
}

Result<PreparedRequest> prepare(const RequestDocument &document, const QByteArray &accessToken = {})
{
    return prepareRequest(document, variables(), accessToken);
}

QString errorOf(const Result<PreparedRequest> &result)
{
    return result.ok() ? QString() : result.error().message;
}

QByteArray headerValue(const PreparedRequest &request, const QByteArray &name)
{
    for (const auto &[header, value] : request.headers) {
        if (header.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return QByteArrayLiteral("<absent>");
}

} // namespace

class TestPreparedRequest final : public QObject {
    Q_OBJECT

private slots:
    void queryEncoding_data();
    void queryEncoding();
    void queryAppendsToTheUrlQuery();
    void queryParameterChecks();
    void urlChecks_data();
    void urlChecks();
    void method_data();
    void method();
    void headerChecks_data();
    void headerChecks();
    void headerConflicts_data();
    void headerConflicts();
    void contentType_data();
    void contentType();
    void jsonBody_data();
    void jsonBody();
    void formAndRawBodies();
    void authModes();
    void authErrors_data();
    void authErrors();
    void unknownVariablesAreListed();
    void secretsAreFoundAndMasked();
};

void TestPreparedRequest::queryEncoding_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("encoded");
    QTest::addRow("plain") << QStringLiteral("a") << QStringLiteral("b") << QByteArray("a=b");
    QTest::addRow("spaces") << QStringLiteral("first name") << QStringLiteral("Ann Lee")
                            << QByteArray("first%20name=Ann%20Lee");
    QTest::addRow("unicode") << QStringLiteral("q") << QStringLiteral("é日本語🎉")
                             << QByteArray("q=%C3%A9%E6%97%A5%E6%9C%AC%E8%AA%9E%F0%9F%8E%89");
    QTest::addRow("ampersand") << QStringLiteral("a&b") << QStringLiteral("c&d") << QByteArray("a%26b=c%26d");
    QTest::addRow("equals") << QStringLiteral("a=b") << QStringLiteral("c=d") << QByteArray("a%3Db=c%3Dd");
    QTest::addRow("plus") << QStringLiteral("sum") << QStringLiteral("1+1") << QByteArray("sum=1%2B1");
    QTest::addRow("hash and percent")
        << QStringLiteral("h") << QStringLiteral("#50%") << QByteArray("h=%2350%25");
    QTest::addRow("sub-delimiters kept")
        << QStringLiteral("f") << QStringLiteral("a,b:c/d?e@f!$'()*;") << QByteArray("f=a,b:c/d?e@f!$'()*;");
    QTest::addRow("brackets and braces")
        << QStringLiteral("a[]") << QStringLiteral("{x}") << QByteArray("a%5B%5D=%7Bx%7D");
    QTest::addRow("quotes and backslash")
        << QStringLiteral("q") << QStringLiteral("\"a\\b\"") << QByteArray("q=%22a%5Cb%22");
    QTest::addRow("empty value") << QStringLiteral("flag") << QString() << QByteArray("flag=");
    QTest::addRow("variables") << QStringLiteral("who") << QStringLiteral("{{name}} {{n}}")
                               << QByteArray("who=Zo%C3%AB%2042");
}

void TestPreparedRequest::queryEncoding()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QByteArray, encoded);
    RequestDocument request = document();
    request.query = {{name, value, true}, {QStringLiteral("off"), QStringLiteral("x"), false}};
    const auto prepared = prepare(request);
    QVERIFY2(prepared.ok(), qPrintable(errorOf(prepared)));
    QCOMPARE(prepared->url.toEncoded(), QByteArray("http://127.0.0.1:8787/api/x?") + encoded);
}

void TestPreparedRequest::queryAppendsToTheUrlQuery()
{
    RequestDocument request = document(QStringLiteral("https://example.com/a b/é?x=1"));
    request.query = {{QStringLiteral("y"), QStringLiteral("2 3"), true}};
    const auto prepared = prepare(request);
    QVERIFY2(prepared.ok(), qPrintable(errorOf(prepared)));
    QCOMPARE(prepared->url.toEncoded(), QByteArray("https://example.com/a%20b/%C3%A9?x=1&y=2%203"));
}

void TestPreparedRequest::queryParameterChecks()
{
    RequestDocument request = document();
    request.query = {{QStringLiteral("a"), QStringLiteral("1"), true},
                     {QStringLiteral(" "), QStringLiteral("2"), true}};
    QCOMPARE(errorOf(prepare(request)), QStringLiteral("query parameter 2: name is empty"));
    request.query[1].enabled = false;
    QVERIFY(prepare(request).ok());
}

void TestPreparedRequest::urlChecks_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("error"); // empty: accepted
    QTest::addRow("http") << QStringLiteral("http://example.com") << QString();
    QTest::addRow("https with port") << QStringLiteral("https://example.com:8443/x") << QString();
    QTest::addRow("upper-case scheme") << QStringLiteral("HTTP://example.com/") << QString();
    QTest::addRow("variable") << QStringLiteral("{{baseUrl}}/api") << QString();
    QTest::addRow("surrounding spaces") << QStringLiteral("  http://example.com  ") << QString();
    QTest::addRow("empty") << QString() << QStringLiteral("the URL is empty");
    QTest::addRow("ftp") << QStringLiteral("ftp://example.com/f")
                         << QStringLiteral(
                                "the URL 'ftp://example.com/f' must start with http:// or https://");
    QTest::addRow("no scheme") << QStringLiteral("example.com/x")
                               << QStringLiteral(
                                      "the URL 'example.com/x' must start with http:// or https://");
    QTest::addRow("host:port without scheme")
        << QStringLiteral("localhost:8080")
        << QStringLiteral("the URL 'localhost:8080' must start with http:// or https://");
    QTest::addRow("no host") << QStringLiteral("http:///path")
                             << QStringLiteral("the URL 'http:///path' has no host");
    QTest::addRow("unknown variable")
        << QStringLiteral("{{base}}/x") << QStringLiteral("unknown variable {{base}}");
}

void TestPreparedRequest::urlChecks()
{
    QFETCH(QString, url);
    QFETCH(QString, error);
    const auto prepared = prepare(document(url));
    QCOMPARE(errorOf(prepared), error);
}

void TestPreparedRequest::method_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QByteArray>("sent");
    QTest::addColumn<QString>("error");
    QTest::addRow("GET") << QStringLiteral("GET") << QByteArray("GET") << QString();
    QTest::addRow("lower case") << QStringLiteral("delete") << QByteArray("DELETE") << QString();
    QTest::addRow("spaces around") << QStringLiteral(" patch ") << QByteArray("PATCH") << QString();
    QTest::addRow("custom") << QStringLiteral("PURGE") << QByteArray("PURGE") << QString();
    QTest::addRow("token characters")
        << QStringLiteral("M-SEARCH!#$%&'*+.^_`|~1") << QByteArray("M-SEARCH!#$%&'*+.^_`|~1") << QString();
    QTest::addRow("empty") << QString() << QByteArray() << QStringLiteral("the method is empty");
    QTest::addRow("space inside") << QStringLiteral("GET /") << QByteArray()
                                  << QStringLiteral("'GET /' is not a valid HTTP method");
    QTest::addRow("non-ASCII") << QStringLiteral("PÖST") << QByteArray()
                               << QStringLiteral("'PÖST' is not a valid HTTP method");
    QTest::addRow("separator") << QStringLiteral("GET:") << QByteArray()
                               << QStringLiteral("'GET:' is not a valid HTTP method");
}

void TestPreparedRequest::method()
{
    QFETCH(QString, method);
    QFETCH(QByteArray, sent);
    QFETCH(QString, error);
    RequestDocument request = document();
    request.method = method;
    const auto prepared = prepare(request);
    QCOMPARE(errorOf(prepared), error);
    if (error.isEmpty())
        QCOMPARE(prepared->method, sent);
}

void TestPreparedRequest::headerChecks_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("error");
    QTest::addRow("empty name") << QStringLiteral("  ") << QStringLiteral("x")
                                << QStringLiteral("header 2: name is empty");
    QTest::addRow("space in name") << QStringLiteral("X Trace") << QStringLiteral("x")
                                   << QStringLiteral("header 2: 'X Trace' is not a valid header name");
    QTest::addRow("colon in name") << QStringLiteral("X:Y") << QStringLiteral("x")
                                   << QStringLiteral("header 2: 'X:Y' is not a valid header name");
    QTest::addRow("line break from a variable")
        << QStringLiteral("X-Note") << QStringLiteral("{{lineBreak}}")
        << QStringLiteral("header 2 (X-Note): the value contains a line break");
    QTest::addRow("Content-Length") << QStringLiteral("content-length") << QStringLiteral("3")
                                    << QStringLiteral(
                                           "header 2: content-length is computed from the body; remove it");
    QTest::addRow("Transfer-Encoding")
        << QStringLiteral("Transfer-Encoding") << QStringLiteral("chunked")
        << QStringLiteral("header 2: Transfer-Encoding is computed from the body; remove it");
}

void TestPreparedRequest::headerChecks()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, error);
    RequestDocument request = document();
    request.headers = {{QStringLiteral("Accept"), QStringLiteral("*/*"), true}, {name, value, true}};
    QCOMPARE(errorOf(prepare(request)), error);
    request.headers[1].enabled = false;
    QVERIFY(prepare(request).ok());
}

void TestPreparedRequest::headerConflicts_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("placement");
    QTest::addColumn<QString>("header"); // set by hand, or "query:<name>" for a query parameter
    QTest::addColumn<QString>("error");
    const int query = int(ClientTokenPlacement::Query);
    const int header = int(ClientTokenPlacement::Header);
    QTest::addRow("bearer and Authorization")
        << int(AuthMode::Bearer) << query << QStringLiteral("Authorization")
        << QStringLiteral("the header Authorization is set by hand and by the "
                          "bearer token auth; remove one");
    QTest::addRow("bearer and authorization")
        << int(AuthMode::Bearer) << query << QStringLiteral("authorization")
        << QStringLiteral("the header Authorization is set by hand and by the "
                          "bearer token auth; remove one");
    QTest::addRow("oauth2 and Authorization")
        << int(AuthMode::OAuth2) << query << QStringLiteral("AUTHORIZATION")
        << QStringLiteral("the header Authorization is set by hand and by the "
                          "OAuth 2.0 auth; remove one");
    QTest::addRow("client token header")
        << int(AuthMode::ClientToken) << header << QStringLiteral("X-Api-Client-Token")
        << QStringLiteral("the header x-api-client-token is set by hand and by "
                          "the client token auth; remove one");
    QTest::addRow("client token query")
        << int(AuthMode::ClientToken) << query << QStringLiteral("query:clientToken")
        << QStringLiteral("the query parameter clientToken is set by hand and by "
                          "the client token auth; remove one");
    QTest::addRow("client token in the query, header by hand")
        << int(AuthMode::ClientToken) << query << QStringLiteral("x-api-client-token") << QString();
    QTest::addRow("client token in the header, Authorization by hand")
        << int(AuthMode::ClientToken) << header << QStringLiteral("Authorization") << QString();
    QTest::addRow("no auth, Authorization by hand")
        << int(AuthMode::None) << query << QStringLiteral("Authorization") << QString();
}

void TestPreparedRequest::headerConflicts()
{
    QFETCH(int, mode);
    QFETCH(int, placement);
    QFETCH(QString, header);
    QFETCH(QString, error);
    RequestDocument request = document();
    request.auth.mode = AuthMode(mode);
    request.auth.placement = ClientTokenPlacement(placement);
    request.auth.bearerToken = QStringLiteral("bearer-token");
    if (header.startsWith(QLatin1String("query:")))
        request.query = {{header.mid(6), QStringLiteral("by-hand"), true}};
    else
        request.headers = {{header, QStringLiteral("by-hand"), true}};
    QCOMPARE(errorOf(prepare(request, "access-token")), error);
    // A disabled entry is not sent, so it is no conflict.
    if (!request.query.isEmpty())
        request.query[0].enabled = false;
    else
        request.headers[0].enabled = false;
    QVERIFY(prepare(request, "access-token").ok());
}

void TestPreparedRequest::contentType_data()
{
    QTest::addColumn<BodyMode>("mode");
    QTest::addColumn<QList<KeyValue>>("headers");
    QTest::addColumn<QByteArray>("contentType");
    const QList<KeyValue> none;
    QTest::addRow("json") << BodyMode::Json << none << QByteArray("application/json");
    QTest::addRow("form") << BodyMode::Form << none << QByteArray("application/x-www-form-urlencoded");
    QTest::addRow("raw") << BodyMode::Raw << none << QByteArray("text/plain; charset=utf-8");
    QTest::addRow("no body") << BodyMode::None << none << QByteArray("<absent>");
    const QList<KeyValue> typed{
        {QStringLiteral("content-type"), QStringLiteral("application/vnd.api+json"), true}};
    QTest::addRow("json, set by hand") << BodyMode::Json << typed << QByteArray("application/vnd.api+json");
    QTest::addRow("raw, set by hand") << BodyMode::Raw << typed << QByteArray("application/vnd.api+json");
    QTest::addRow("no body, set by hand")
        << BodyMode::None << typed << QByteArray("application/vnd.api+json");
    const QList<KeyValue> disabled{{QStringLiteral("Content-Type"), QStringLiteral("text/xml"), false}};
    QTest::addRow("raw, disabled by hand")
        << BodyMode::Raw << disabled << QByteArray("text/plain; charset=utf-8");
}

void TestPreparedRequest::contentType()
{
    QFETCH(BodyMode, mode);
    QFETCH(QList<KeyValue>, headers);
    QFETCH(QByteArray, contentType);
    RequestDocument request = document();
    request.method = QStringLiteral("POST");
    request.bodyMode = mode;
    request.body = QStringLiteral("{\"a\": 1}");
    request.form = {{QStringLiteral("a"), QStringLiteral("1"), true}};
    request.headers = headers;
    request.headers.append({QStringLiteral("X-After"), QStringLiteral("1"), true});
    const auto prepared = prepare(request);
    QVERIFY2(prepared.ok(), qPrintable(errorOf(prepared)));
    QCOMPARE(headerValue(*prepared, "Content-Type"), contentType);
    const qsizetype typed = std::count_if(prepared->headers.cbegin(), prepared->headers.cend(),
                                          [](const auto &h) { return h.first.toLower() == "content-type"; });
    QCOMPARE(typed, contentType == "<absent>" ? 0 : 1);
    // The default goes after the headers set by hand.
    if (headers.isEmpty() && mode != BodyMode::None)
        QCOMPARE(prepared->headers.constLast().first, QByteArray("Content-Type"));
    QCOMPARE(prepared->body.isEmpty(), mode == BodyMode::None);
}

void TestPreparedRequest::jsonBody_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("error"); // empty: sent as written
    QTest::addRow("object") << QStringLiteral("{\n  \"name\": \"{{name}}\",\n  \"n\": {{n}}\n}") << QString();
    QTest::addRow("array") << QStringLiteral("[1, \"日本語\", \"🎉\"]") << QString();
    QTest::addRow("number") << QStringLiteral("42") << QString();
    QTest::addRow("string") << QStringLiteral("\"text\"") << QString();
    QTest::addRow("spaces around") << QStringLiteral("  {}  \n") << QString();
    QTest::addRow("empty") << QStringLiteral(" \n ") << QStringLiteral("the JSON body is empty");
    QTest::addRow("missing value, line 3")
        << QStringLiteral("{\n  \"a\": 1,\n  \"b\": ,\n}")
        << QStringLiteral("the JSON body does not parse: line 3, column 8: illegal value");
    QTest::addRow("unterminated, after unicode")
        << QStringLiteral("{\"é\": \"日本\"")
        << QStringLiteral("the JSON body does not parse: line 1, column 11: unterminated object");
    QTest::addRow("two values")
        << QStringLiteral("{} {}")
        << QStringLiteral("the JSON body does not parse: line 1, column 4: missing value separator");
    QTest::addRow("trailing comma at the end")
        << QStringLiteral("[1,\n2,]")
        << QStringLiteral("the JSON body does not parse: line 2, column 4: object is missing after a comma");
    QTest::addRow("trailing comma inside")
        << QStringLiteral("{\"a\": [1,\n2,], \"b\": 1}")
        << QStringLiteral("the JSON body does not parse: line 2, column 3: object is missing after a comma");
}

void TestPreparedRequest::jsonBody()
{
    QFETCH(QString, body);
    QFETCH(QString, error);
    RequestDocument request = document();
    request.method = QStringLiteral("POST");
    request.bodyMode = BodyMode::Json;
    request.body = body;
    const auto prepared = prepare(request);
    QCOMPARE(errorOf(prepared), error);
    if (error.isEmpty())
        QCOMPARE(prepared->body, variables().substitute(body)->toUtf8());
}

void TestPreparedRequest::formAndRawBodies()
{
    RequestDocument request = document();
    request.method = QStringLiteral("POST");
    request.bodyMode = BodyMode::Form;
    request.form = {{QStringLiteral("first name"), QStringLiteral("{{name}}"), true},
                    {QStringLiteral("skip"), QStringLiteral("x"), false},
                    {QStringLiteral("a&b=c"), QStringLiteral("1+1 = 2"), true}};
    request.body = QStringLiteral("ignored in form mode");
    auto prepared = prepare(request);
    QVERIFY2(prepared.ok(), qPrintable(errorOf(prepared)));
    QCOMPARE(prepared->body, QByteArray("first%20name=Zo%C3%AB&a%26b%3Dc=1%2B1%20%3D%202"));
    request.form.append({QString(), QStringLiteral("v"), true});
    QCOMPARE(errorOf(prepare(request)), QStringLiteral("form field 4: name is empty"));

    request.bodyMode = BodyMode::Raw;
    request.body = QStringLiteral("line 1\r\n{{name}} 'q' \"d\" \\ $HOME `b` 日本語 🎉");
    prepared = prepare(request);
    QVERIFY2(prepared.ok(), qPrintable(errorOf(prepared)));
    QCOMPARE(prepared->body, QStringLiteral("line 1\r\nZoë 'q' \"d\" \\ $HOME `b` 日本語 🎉").toUtf8());

    request.method = QStringLiteral("HEAD");
    QCOMPARE(errorOf(prepare(request)), QStringLiteral("a HEAD request cannot have a body"));
    request.bodyMode = BodyMode::None;
    prepared = prepare(request);
    QVERIFY(prepared.ok());
    QVERIFY(prepared->body.isEmpty());
}

void TestPreparedRequest::authModes()
{
    RequestDocument request = document();
    request.headers = {{QStringLiteral("Accept"), QStringLiteral("application/json"), true}};

    auto prepared = prepare(request);
    QVERIFY(prepared.ok());
    QCOMPARE(prepared->headers.size(), 1);
    QVERIFY(prepared->secrets.isEmpty());

    request.auth.mode = AuthMode::ClientToken;
    prepared = prepare(request);
    QVERIFY2(prepared.ok(), qPrintable(errorOf(prepared)));
    QCOMPARE(prepared->url.toEncoded(),
             QByteArray("http://127.0.0.1:8787/api/x?clientToken=") + kToken.toUtf8());
    QCOMPARE(prepared->secrets, (QList<SecretValue>{{kToken.toUtf8(), "{{clientToken}}"}}));

    request.auth.placement = ClientTokenPlacement::Header;
    prepared = prepare(request);
    QVERIFY(prepared.ok());
    QCOMPARE(prepared->url.toEncoded(), QByteArray("http://127.0.0.1:8787/api/x"));
    QCOMPARE(prepared->headers.constLast(),
             std::make_pair(QByteArray("x-api-client-token"), kToken.toUtf8()));

    request.auth.mode = AuthMode::Bearer;
    request.auth.bearerToken = QStringLiteral(" Bearer eyJ.literal.token ");
    prepared = prepare(request);
    QVERIFY(prepared.ok());
    QCOMPARE(prepared->headers.constLast(),
             std::make_pair(QByteArray("Authorization"), QByteArray("Bearer eyJ.literal.token")));
    QCOMPARE(prepared->secrets, (QList<SecretValue>{{"eyJ.literal.token", "<access token>"}}));

    request.auth.mode = AuthMode::OAuth2;
    prepared = prepare(request, "access.token.value");
    QVERIFY(prepared.ok());
    QCOMPARE(prepared->headers.constLast(),
             std::make_pair(QByteArray("Authorization"), QByteArray("Bearer access.token.value")));
    QCOMPARE(prepared->headers.size(), 2);
    QCOMPARE(prepared->secrets, (QList<SecretValue>{{"access.token.value", "<access token>"}}));
}

void TestPreparedRequest::authErrors_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("error");
    QTest::addRow("empty client token")
        << int(AuthMode::ClientToken) << QStringLiteral(" ") << QStringLiteral("the client token is empty");
    QTest::addRow("client token variable unknown")
        << int(AuthMode::ClientToken) << QStringLiteral("{{token}}")
        << QStringLiteral("unknown variable {{token}}");
    QTest::addRow("empty bearer token")
        << int(AuthMode::Bearer) << QString() << QStringLiteral("the bearer token is empty");
    QTest::addRow("bearer token with a line break")
        << int(AuthMode::Bearer) << QStringLiteral("{{lineBreak}}")
        << QStringLiteral("the bearer token contains a line break");
    QTest::addRow("oauth2 without a token")
        << int(AuthMode::OAuth2) << QString()
        << QStringLiteral("the access token (get a token first) is empty");
}

void TestPreparedRequest::authErrors()
{
    QFETCH(int, mode);
    QFETCH(QString, value);
    QFETCH(QString, error);
    RequestDocument request = document();
    request.auth.mode = AuthMode(mode);
    request.auth.clientToken = value;
    request.auth.bearerToken = value;
    QCOMPARE(errorOf(prepare(request)), error);
}

void TestPreparedRequest::unknownVariablesAreListed()
{
    RequestDocument request = document(QStringLiteral("{{host}}/x"));
    request.query = {{QStringLiteral("{{qName}}"), QStringLiteral("{{baseUrl}}"), true},
                     {QStringLiteral("off"), QStringLiteral("{{disabled}}"), false}};
    request.headers = {{QStringLiteral("X-A"), QStringLiteral("{{headerValue}} {{host}}"), true}};
    request.bodyMode = BodyMode::Raw;
    request.body = QStringLiteral("{{bodyVar}}");
    request.form = {{QStringLiteral("f"), QStringLiteral("{{formOnly}}"), true}}; // not sent in raw mode
    request.auth.mode = AuthMode::ClientToken;
    request.auth.clientToken = QStringLiteral("{{flowToken}}");
    request.auth.bearerToken = QStringLiteral("{{notUsed}}");
    request.method = QStringLiteral("POST");
    QCOMPARE(errorOf(prepare(request)),
             QStringLiteral("unknown variables {{host}}, {{qName}}, {{headerValue}}, "
                            "{{bodyVar}}, {{flowToken}}"));
}

void TestPreparedRequest::secretsAreFoundAndMasked()
{
    RequestDocument request = document(QStringLiteral("{{baseUrl}}/api/{{apiKey}}"));
    request.method = QStringLiteral("POST");
    request.query = {{QStringLiteral("k"), QStringLiteral("{{apiKey}}"), true}};
    request.headers = {{QStringLiteral("X-Key"), QStringLiteral("{{apiKey}}"), true},
                       {QStringLiteral("Cookie"), QStringLiteral("sid=cookie-Value-1"), true},
                       {QStringLiteral("Proxy-Authorization"), QStringLiteral("Basic cHJveHk6cHc="), true}};
    request.bodyMode = BodyMode::Form;
    request.form = {{QStringLiteral("key"), QStringLiteral("{{apiKey}} and more"), true}};
    request.auth.mode = AuthMode::ClientToken;
    const auto prepared = prepare(request);
    QVERIFY2(prepared.ok(), qPrintable(errorOf(prepared)));
    const QList<SecretValue> expected{{"key-Secret-987", "{{apiKey}}"},
                                      {kToken.toUtf8(), "{{clientToken}}"},
                                      {"sid=cookie-Value-1", "<cookie>"},
                                      {"cHJveHk6cHc=", "<credentials>"}};
    QCOMPARE(prepared->secrets, expected);

    const PreparedRequest masked = withSecretsMasked(*prepared);
    QVERIFY(masked.secrets.isEmpty());
    QCOMPARE(masked.method, prepared->method);
    const QByteArray everything = masked.url.toEncoded() + masked.body + masked.headers.constFirst().second +
                                  masked.headers.at(1).second + masked.headers.at(2).second;
    for (const SecretValue &secret : expected)
        QVERIFY2(!everything.contains(secret.value), secret.value.constData());
    QCOMPARE(masked.url.toEncoded(),
             QByteArray("http://127.0.0.1:8787/api/%7B%7BapiKey%7D%7D?k=%7B%7BapiKey%7D%7D"
                        "&clientToken=%7B%7BclientToken%7D%7D"));
    QCOMPARE(masked.headers.constFirst().second, QByteArray("{{apiKey}}"));
    QCOMPARE(masked.headers.at(1).second, QByteArray("<cookie>"));
    QCOMPARE(masked.headers.at(2).second, QByteArray("Basic <credentials>"));
    QCOMPARE(masked.body, QByteArray("key={{apiKey}}%20and%20more"));
    // Shown to people with readable placeholders.
    QCOMPARE(maskedUrlText(*prepared),
             QStringLiteral("http://127.0.0.1:8787/api/{{apiKey}}?k={{apiKey}}&clientToken={{clientToken}}"));
}

QTEST_GUILESS_MAIN(TestPreparedRequest)
#include "tst_preparedrequest.moc"
