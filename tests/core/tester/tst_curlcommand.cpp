// "Copy as cURL" and cURL paste of the request tester: a request read back from its own command is
// the same request (methods, headers with quotes, colons and unicode, bodies with quotes,
// backslashes, newlines, $, backticks and unicode, every auth mode); the exact shape of exported
// commands; secrets left out unless asked for; real-world commands imported (continuations,
// double quotes, $'...', -G, -u, --json, ...), and refusals naming the option. Each command is
// also run by the real curl binary against a raw server that checks the bytes that arrive.

#include "CurlTestSupport.h"
#include "tester/CurlCommand.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <initializer_list>

using namespace wf;
using namespace wf::tester;
using wf::testertest::ReceivedRequest;
using wf::testertest::RecordingServer;

Q_DECLARE_METATYPE(wf::tester::RequestDocument)

namespace {

const QString kToken = QStringLiteral("tok-Abc123_secret");
const QString kApiKey = QStringLiteral("key-Secret-987");
constexpr int kCurlWaitMs = 20000;

QString text(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QList<KeyValue> pairs(std::initializer_list<std::pair<const char *, const char *>> list)
{
    QList<KeyValue> result;
    for (const auto &[name, value] : list)
        result.append({text(name), text(value), true});
    return result;
}

RequestDocument request(const char *method, const char *path, BodyMode mode = BodyMode::None,
                        const QString &body = QString())
{
    RequestDocument document;
    document.method = text(method);
    document.url = QStringLiteral("{{baseUrl}}") + text(path);
    document.bodyMode = mode;
    document.body = body;
    return document;
}

RequestDocument withAuth(RequestDocument document, AuthMode mode, ClientTokenPlacement placement)
{
    document.auth.mode = mode;
    document.auth.placement = placement;
    document.auth.bearerToken = QStringLiteral("eyJhbGciOi.bearer.Token");
    return document;
}

// Text with everything a shell or a JSON string could trip on.
const QString kAwkward = QStringLiteral("it's \"quoted\" \\ back\\\\slash $HOME ${x} `cmd` $(cmd) !x '\\'' "
                                        "é 日本語 🎉 %41 {{ not a var }} #hash");

void addMethodAndBodyRows()
{
    const QByteArray none;
    RequestDocument get = request("GET", "/api/items");
    get.query = pairs(
        {{"a", "1"}, {"q", "a b&c=d+e#f"}, {"uni", "é日本語🎉"}, {"sym", "!$'()*,;:@/?"}, {"empty", ""}});
    QTest::addRow("GET with a query") << get << none;
    QTest::addRow("GET with a unicode path") << request("GET", "/é/日本/a b") << none;
    QTest::addRow("POST JSON")
        << request(
               "POST", "/json", BodyMode::Json,
               QStringLiteral(
                   "{\n  \"text\": \"it's \\\"q\\\" \\\\ $HOME `cmd` é 日本語 🎉\",\n\t\"n\": [1, 2]\n}\n"))
        << none;
    QTest::addRow("PUT raw") << request("PUT", "/raw", BodyMode::Raw,
                                        kAwkward + QStringLiteral("\r\nline 2\nline 3\n"))
                             << none;
    QTest::addRow("DELETE") << request("DELETE", "/items/1") << none;
    QTest::addRow("DELETE with a body")
        << request("DELETE", "/items", BodyMode::Json, QStringLiteral("[1, 2]")) << none;
    RequestDocument form = request("PATCH", "/form", BodyMode::Form);
    form.form = pairs({{"first name", "Zoë"}, {"a&b=c", "1+1 = 2"}, {"quote", "it's \"x\""}, {"empty", ""}});
    QTest::addRow("PATCH form") << form << none;
    QTest::addRow("HEAD") << request("HEAD", "/head") << none;
    QTest::addRow("custom method") << request("PURGE", "/cache") << none;
    QTest::addRow("custom method with a body")
        << request("REPORT", "/r", BodyMode::Raw, QStringLiteral("x")) << none;
    QTest::addRow("POST without a body") << request("POST", "/empty") << none;
    QTest::addRow("GET with a body") << request("GET", "/search", BodyMode::Raw, QStringLiteral("q=1"))
                                     << none;
}

void addHeaderAndAuthRows()
{
    const QByteArray none;
    RequestDocument headers = request("GET", "/headers");
    headers.headers = pairs({{"X-Quote", "He said \"hi\" & it's fine"},
                             {"X-Colons", "a:b::c: d"},
                             {"X-Unicode", "é 日本語 🎉"},
                             {"X-Empty", ""},
                             {"X-Shell", "$HOME `x` \\n \\ ;|&<>"},
                             {"Accept", "application/json"},
                             {"X-Twice", "1"},
                             {"x-twice", "2"}});
    QTest::addRow("headers") << headers << none;
    RequestDocument typed = request("POST", "/typed", BodyMode::Json, QStringLiteral("{\"a\": 1}"));
    typed.headers = pairs({{"Content-Type", "application/vnd.api+json"}, {"X-After", "1"}});
    QTest::addRow("Content-Type set by hand") << typed << none;
    RequestDocument query =
        withAuth(request("POST", "/api/flo/abc/invoke", BodyMode::Json, QStringLiteral("{}")),
                 AuthMode::ClientToken, ClientTokenPlacement::Query);
    query.query = pairs({{"x", "1"}});
    QTest::addRow("client token in the query") << query << none;
    QTest::addRow("client token in the header")
        << withAuth(request("POST", "/invoke", BodyMode::Raw, QStringLiteral("hi")), AuthMode::ClientToken,
                    ClientTokenPlacement::Header)
        << none;
    QTest::addRow("bearer token") << withAuth(request("GET", "/me"), AuthMode::Bearer,
                                              ClientTokenPlacement::Query)
                                  << none;
    QTest::addRow("OAuth 2.0") << withAuth(
                                      request("POST", "/o", BodyMode::Json, QStringLiteral("{\"a\":\"é\"}")),
                                      AuthMode::OAuth2, ClientTokenPlacement::Query)
                               << QByteArray("eyJhbGciOiJSUzI1NiJ9.access.Token");
    RequestDocument byHand = request("GET", "/hand");
    byHand.headers = pairs({{"Authorization", "Basic dXNlcjpwYXNz"}, {"Cookie", "sid=abc; theme=dark"}});
    QTest::addRow("credentials set by hand") << byHand << none;
    QTest::addRow("brackets in the path") << request("GET", "/items[1]/{x}") << none;
    QTest::addRow("dot segments") << request("GET", "/a/./b/../c") << none;
}

// The documents whose commands are read back and run by curl.
void addRequestRows()
{
    QTest::addColumn<RequestDocument>("document");
    QTest::addColumn<QByteArray>("accessToken");
    addMethodAndBodyRows();
    addHeaderAndAuthRows();
}

// An imported document: method, URL, headers and body; the rest as a new document has it.
RequestDocument imported(const char *method, const char *url, const QList<KeyValue> &headers = {},
                         BodyMode mode = BodyMode::None, const char *body = "")
{
    RequestDocument document;
    document.method = text(method);
    document.url = text(url);
    document.headers = headers;
    document.bodyMode = mode;
    document.body = text(body);
    return document;
}

RequestDocument withImportedAuth(RequestDocument document, AuthMode mode, const char *token,
                                 ClientTokenPlacement placement = ClientTokenPlacement::Query)
{
    document.auth.mode = mode;
    document.auth.placement = placement;
    (mode == AuthMode::Bearer ? document.auth.bearerToken : document.auth.clientToken) = text(token);
    return document;
}

// Commands as browsers, documentation and people write them: quoting, bodies and auth.
void addImportRequestRows()
{
    RequestDocument browser = imported(
        "GET", "https://api.example.com/v1/items",
        pairs({{"accept", "application/json"}, {"authorization", "Bearer abc.def"}, {"user-agent", "Moz"}}));
    browser.query = pairs({{"limit", "10"}, {"sort", "name"}});
    QTest::addRow("browser, multi-line")
        << text("curl 'https://api.example.com/v1/items?limit=10&sort=name' \\\n  -H 'accept: "
                "application/json' "
                "\\\n  -H 'authorization: Bearer abc.def' \\\n  -H 'user-agent: Moz' \\\n  --compressed\n")
        << browser;
    const RequestDocument json =
        imported("POST", "https://h.example/api", {}, BodyMode::Json, "{\"name\": \"Zoë\", \"n\": 1}");
    QTest::addRow("double-quoted JSON, bearer last")
        << text("curl -X POST \"https://h.example/api\" -H \"Content-Type: application/json\" "
                "-H \"Authorization: Bearer tok123\" -d \"{\\\"name\\\": \\\"Zoë\\\", \\\"n\\\": 1}\"")
        << withImportedAuth(json, AuthMode::Bearer, "tok123");
    QTest::addRow("$'...' string")
        << text(
               "curl 'http://h/x' -H 'content-type: application/json' --data-raw "
               "$'{\"msg\":\"it\\'s\",\"nl\":\"a\\\\nb\",\"e\":\"\\\\u00e9\",\"raw\":\"\\xc3\\xa9\\u00fc\"}'")
        << imported("POST", "http://h/x", {}, BodyMode::Json,
                    "{\"msg\":\"it's\",\"nl\":\"a\\nb\",\"e\":\"\\u00e9\",\"raw\":\"éü\"}");
    QTest::addRow("JSON with a charset")
        << text("curl https://h.example/api -H 'Content-Type: application/json; charset=utf-8' "
                "--data-binary '{\"name\": \"Zoë\", \"n\": 1}'")
        << imported("POST", "https://h.example/api",
                    pairs({{"Content-Type", "application/json; charset=utf-8"}}), BodyMode::Json,
                    "{\"name\": \"Zoë\", \"n\": 1}");
    QTest::addRow("JSON type, not JSON")
        << text("curl https://h.example/api -H 'Content-Type: application/json' -d '{\"name\": '")
        << imported("POST", "https://h.example/api", pairs({{"Content-Type", "application/json"}}),
                    BodyMode::Raw, "{\"name\": ");
    QTest::addRow("--json") << text("curl --json '{\"a\":1}' http://h/x")
                            << imported("POST", "http://h/x", pairs({{"Accept", "application/json"}}),
                                        BodyMode::Json, "{\"a\":1}");
    RequestDocument form = imported("POST", "http://h/x", {}, BodyMode::Form);
    form.form = pairs({{"a", "1"}, {"b", "two words"}});
    QTest::addRow("form") << text("curl -d 'a=1' --data 'b=two%20words' http://h/x") << form;
    QTest::addRow("data that is no exact form")
        << text("curl http://h/x -d 'hello world' --data-raw 'b=@literal'")
        << imported("POST", "http://h/x", pairs({{"Content-Type", "application/x-www-form-urlencoded"}}),
                    BodyMode::Raw, "hello world&b=@literal");
    QTest::addRow("-u user:pass") << text("curl -u 'user:pa ss' http://h/private")
                                  << imported("GET", "http://h/private",
                                              pairs({{"Authorization", "Basic dXNlcjpwYSBzcw=="}}));
    QTest::addRow("--oauth2-bearer") << text("curl --oauth2-bearer tok http://h/x")
                                     << withImportedAuth(imported("GET", "http://h/x"), AuthMode::Bearer,
                                                         "tok");
    QTest::addRow("flags with an attached -X, client token header")
        << text("curl -sSLXPUT http://h/x -H 'x-api-client-token: tok'")
        << withImportedAuth(imported("PUT", "http://h/x"), AuthMode::ClientToken, "tok",
                            ClientTokenPlacement::Header);
}

// Options, URLs and shell quoting.
void addImportOptionRows()
{
    RequestDocument get = imported("GET", "https://h/search");
    get.query = pairs({{"q", "hello"}, {"lang", "en"}, {"who", "a b"}});
    QTest::addRow("-G with -d")
        << text("curl -G https://h/search -d q=hello -d 'lang=en' --data-urlencode 'who=a b'") << get;
    RequestDocument invoke =
        withImportedAuth(imported("GET", "http://h/api/flo/abc/invoke"), AuthMode::ClientToken, "tok");
    invoke.query = pairs({{"x", "1"}});
    QTest::addRow("client token in the query")
        << text("curl 'http://h/api/flo/abc/invoke?x=1&clientToken=tok'") << invoke;
    QTest::addRow("-I") << text("curl -I http://h/x") << imported("HEAD", "http://h/x");
    QTest::addRow("no scheme") << text("curl example.com/x") << imported("GET", "http://example.com/x");
    QTest::addRow("query kept as written")
        << text("curl 'http://h/x?q=a+b&r=%2f#frag'") << imported("GET", "http://h/x?q=a+b&r=%2f");
    QTest::addRow("-A -e -b")
        << text("curl http://h/ -A 'agent/1.0' -e 'http://ref/;auto' -b 'a=1; b=2'")
        << imported("GET", "http://h/",
                    pairs({{"User-Agent", "agent/1.0"}, {"Referer", "http://ref/"}, {"Cookie", "a=1; b=2"}}));
    QTest::addRow("CRLF continuations") << text("curl 'http://h/x' \\\r\n  -H 'A: 1' \\\r\n  -X DELETE\r\n")
                                        << imported("DELETE", "http://h/x", pairs({{"A", "1"}}));
    QTest::addRow("double quotes and backslashes")
        << text("curl \"http://h/x\" -H \"X-Note: \\$HOME \\\"q\\\" \\\\ \\`t\\` \\n\" -H X-A:\\ b\\'c")
        << imported("GET", "http://h/x", pairs({{"X-Note", "$HOME \"q\" \\ `t` \\n"}, {"X-A", "b'c"}}));
    QTest::addRow("ignored options, comment, empty and removed headers")
        << text("# list items\ncurl --url http://h/x -o out.json --max-time 5 -w '%{http_code}' -k "
                "--compressed "
                "-H 'X-Empty;' -H 'Accept:' -v")
        << imported("GET", "http://h/x", pairs({{"X-Empty", ""}}));
}

} // namespace

class TestCurlCommand final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void exportShape_data();
    void exportShape();
    void largeBodyTurnsExpectOff();
    void secretsOnlyWhenAsked_data();
    void secretsOnlyWhenAsked();
    void import_data();
    void import();
    void importErrors_data();
    void importErrors();
    void looksLikeCurl_data();
    void looksLikeCurl();
    void realCurl_data();
    void realCurl();

private:
    Variables variables() const;

    RecordingServer m_server;
    QTemporaryDir m_home;
};

void TestCurlCommand::initTestCase()
{
    QVERIFY(m_server.listen());
    QVERIFY(m_home.isValid());
}

Variables TestCurlCommand::variables() const
{
    Variables variables;
    variables.set(QStringLiteral("baseUrl"), m_server.baseUrl());
    variables.set(QStringLiteral("clientToken"), kToken, true);
    variables.set(QStringLiteral("apiKey"), kApiKey, true);
    return variables;
}

void TestCurlCommand::roundTrip_data()
{
    addRequestRows();
}

void TestCurlCommand::roundTrip()
{
    QFETCH(RequestDocument, document);
    QFETCH(QByteArray, accessToken);
    const auto prepared = prepareRequest(document, variables(), accessToken);
    QVERIFY2(prepared.ok(), qPrintable(prepared.ok() ? QString() : prepared.error().message));
    for (const bool multiline : {true, false}) {
        const QString command = toCurl(*prepared, CurlOptions{true, multiline, false});
        const auto imported = fromCurl(command);
        QVERIFY2(imported.ok(), qPrintable(imported.ok() ? command : imported.error().message));
        const auto again = prepareRequest(*imported, variables());
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().message));
        QCOMPARE(again->method, prepared->method);
        QCOMPARE(again->url.toEncoded(), prepared->url.toEncoded());
        QCOMPARE(again->headers, prepared->headers);
        QCOMPARE(again->body, prepared->body);
        QCOMPARE(again->secrets, prepared->secrets);
        QCOMPARE(*again, *prepared);
        // The auth comes back as the same mode, so saving the import redacts the same secrets.
        QCOMPARE(imported->auth.mode == AuthMode::None, document.auth.mode == AuthMode::None);
    }
}

void TestCurlCommand::exportShape_data()
{
    QTest::addColumn<RequestDocument>("document");
    QTest::addColumn<bool>("insecure");
    QTest::addColumn<QString>("command");
    const auto doc = [](const char *method, const char *url, BodyMode mode = BodyMode::None,
                        const char *body = "") {
        RequestDocument document;
        document.method = text(method);
        document.url = text(url);
        document.bodyMode = mode;
        document.body = text(body);
        return document;
    };
    QTest::addRow("GET") << doc("GET", "http://h/x") << false << text("curl 'http://h/x'");
    QTest::addRow("HEAD") << doc("HEAD", "http://h/x") << false << text("curl 'http://h/x' -I");
    QTest::addRow("POST, no body") << doc("POST", "http://h/x") << false
                                   << text("curl 'http://h/x' -X 'POST'");
    QTest::addRow("POST JSON") << doc("POST", "http://h/x", BodyMode::Json, "{\"it's\": 1}") << false
                               << text("curl 'http://h/x' -H 'Content-Type: application/json' "
                                       "--data-raw '{\"it'\\''s\": 1}'");
    QTest::addRow("PUT raw") << doc("PUT", "http://h/x", BodyMode::Raw, "a'b\nc") << false
                             << text(
                                    "curl 'http://h/x' -X 'PUT' -H 'Content-Type: text/plain; charset=utf-8' "
                                    "--data-raw 'a'\\''b\nc'");
    QTest::addRow("GET with a body") << doc("GET", "http://h/x", BodyMode::Raw, "b") << false
                                     << text("curl 'http://h/x' -X 'GET' -H 'Content-Type: text/plain; "
                                             "charset=utf-8' --data-raw 'b'");
    RequestDocument empty = doc("GET", "http://h/x");
    empty.headers = pairs({{"X-Empty", ""}, {"X-Unicode", "日本語"}});
    QTest::addRow("empty and unicode headers")
        << empty << false << text("curl 'http://h/x' -H 'X-Empty;' -H 'X-Unicode: 日本語'");
    QTest::addRow("brackets") << doc("GET", "http://h/a[1]") << false << text("curl 'http://h/a[1]' -g");
    QTest::addRow("dot segments") << doc("GET", "http://h/a/../b") << false
                                  << text("curl 'http://h/a/../b' --path-as-is");
    QTest::addRow("insecure") << doc("DELETE", "https://h/x") << true
                              << text("curl 'https://h/x' -X 'DELETE' --insecure");
}

void TestCurlCommand::exportShape()
{
    QFETCH(RequestDocument, document);
    QFETCH(bool, insecure);
    QFETCH(QString, command);
    const auto prepared = prepareRequest(document, Variables());
    QVERIFY2(prepared.ok(), qPrintable(prepared.ok() ? QString() : prepared.error().message));
    QCOMPARE(toCurl(*prepared, CurlOptions{true, false, insecure}), command);
    QString multiline = command;
    multiline.replace(QStringLiteral(" -"), QStringLiteral(" \\\n  -"));
    QCOMPARE(toCurl(*prepared, CurlOptions{true, true, insecure}), multiline);
}

void TestCurlCommand::largeBodyTurnsExpectOff()
{
    RequestDocument document = request("POST", "/big", BodyMode::Raw, QString(1024 * 1024, QLatin1Char('x')));
    auto prepared = prepareRequest(document, variables());
    QVERIFY(prepared.ok());
    QVERIFY(!toCurl(*prepared).contains(QLatin1String("Expect:")));
    document.body.append(QLatin1Char('y'));
    prepared = prepareRequest(document, variables());
    QVERIFY(prepared.ok());
    QVERIFY(toCurl(*prepared).contains(QLatin1String("-H 'Expect:'")));
    document.headers = pairs({{"Expect", "100-continue"}});
    prepared = prepareRequest(document, variables());
    QVERIFY(prepared.ok());
    QVERIFY(!toCurl(*prepared).contains(QLatin1String("-H 'Expect:'")));
}

void TestCurlCommand::secretsOnlyWhenAsked_data()
{
    QTest::addColumn<RequestDocument>("document");
    QTest::addColumn<QByteArray>("accessToken");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("shown"); // what the command shows instead
    const QByteArray none;
    QTest::addRow("client token in the query")
        << withAuth(request("GET", "/x"), AuthMode::ClientToken, ClientTokenPlacement::Query) << none
        << kToken << QStringLiteral("?clientToken={{clientToken}}'");
    QTest::addRow("client token in the header")
        << withAuth(request("GET", "/x"), AuthMode::ClientToken, ClientTokenPlacement::Header) << none
        << kToken << QStringLiteral("-H 'x-api-client-token: {{clientToken}}'");
    QTest::addRow("bearer token") << withAuth(request("GET", "/x"), AuthMode::Bearer,
                                              ClientTokenPlacement::Query)
                                  << none << QStringLiteral("eyJhbGciOi.bearer.Token")
                                  << QStringLiteral("-H 'Authorization: Bearer <access token>'");
    QTest::addRow("OAuth 2.0") << withAuth(request("GET", "/x"), AuthMode::OAuth2,
                                           ClientTokenPlacement::Query)
                               << QByteArray("access.Token.value") << QStringLiteral("access.Token.value")
                               << QStringLiteral("-H 'Authorization: Bearer <access token>'");
    RequestDocument header =
        request("POST", "/x", BodyMode::Json, QStringLiteral("{\"key\": \"{{apiKey}}\"}"));
    header.headers = pairs({{"X-Api-Key", "{{apiKey}}"}});
    QTest::addRow("secret variable") << header << none << kApiKey
                                     << QStringLiteral("-H 'X-Api-Key: {{apiKey}}'");
    RequestDocument cookie = request("GET", "/x");
    cookie.headers = pairs({{"Cookie", "session=abcdef123456"}});
    QTest::addRow("cookie") << cookie << none << QStringLiteral("session=abcdef123456")
                            << QStringLiteral("-H 'Cookie: <cookie>'");
}

void TestCurlCommand::secretsOnlyWhenAsked()
{
    QFETCH(RequestDocument, document);
    QFETCH(QByteArray, accessToken);
    QFETCH(QString, secret);
    QFETCH(QString, shown);
    const auto prepared = prepareRequest(document, variables(), accessToken);
    QVERIFY2(prepared.ok(), qPrintable(prepared.ok() ? QString() : prepared.error().message));
    const QString withoutSecrets = toCurl(*prepared);
    QVERIFY2(!withoutSecrets.contains(secret), qPrintable(withoutSecrets));
    QVERIFY2(withoutSecrets.contains(shown), qPrintable(withoutSecrets));
    QVERIFY(!toCurl(*prepared, CurlOptions{false, false, false}).contains(secret));
    const QString withSecrets = toCurl(*prepared, CurlOptions{true, true, false});
    QVERIFY2(withSecrets.contains(secret), qPrintable(withSecrets));
    QVERIFY(!withSecrets.contains(shown));
}

void TestCurlCommand::import_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<RequestDocument>("expected");
    addImportRequestRows();
    addImportOptionRows();
}

void TestCurlCommand::import()
{
    QFETCH(QString, command);
    QFETCH(RequestDocument, expected);
    const auto imported = fromCurl(command);
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().message));
    QCOMPARE(imported->method, expected.method);
    QCOMPARE(imported->url, expected.url);
    QCOMPARE(imported->query, expected.query);
    QCOMPARE(imported->headers, expected.headers);
    QCOMPARE(imported->bodyMode, expected.bodyMode);
    QCOMPARE(imported->body, expected.body);
    QCOMPARE(imported->form, expected.form);
    QCOMPARE(imported->auth, expected.auth);
    QCOMPARE(*imported, expected);
}

void TestCurlCommand::importErrors_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("error"); // the start of the message
    QTest::addRow("unknown long option")
        << text("curl --frobnicate http://h") << text("unknown curl option --frobnicate");
    QTest::addRow("unknown short option") << text("curl -sz http://h") << text("unknown curl option -z");
    QTest::addRow("-d @file") << text("curl -d @body.json http://h") << text("-d @body.json reads a file");
    QTest::addRow("--data-binary @file")
        << text("curl --data-binary @x.bin http://h") << text("--data-binary @x.bin reads a file");
    QTest::addRow("--json @file") << text("curl --json @x.json http://h")
                                  << text("--json @x.json reads a file");
    QTest::addRow("--data-urlencode name@file") << text("curl --data-urlencode name@file.txt http://h")
                                                << text("--data-urlencode name@file.txt reads a file");
    QTest::addRow("-H @file") << text("curl -H @headers.txt http://h")
                              << text("-H @headers.txt reads headers");
    QTest::addRow("-F") << text("curl -F 'a=b' http://h") << text("-F sends a file or a multipart form");
    QTest::addRow("--upload-file") << text("curl --upload-file f http://h")
                                   << text("--upload-file sends a file or a multipart form");
    QTest::addRow("-b file") << text("curl -b cookies.txt http://h")
                             << text("-b cookies.txt reads cookies from a file");
    QTest::addRow("-u without password") << text("curl -u user http://h") << text("-u needs user:password");
    QTest::addRow("header without colon")
        << text("curl -H NoColon http://h") << text("the header 'NoColon' is not 'Name: value'");
    QTest::addRow("option without value")
        << text("curl http://h -X") << text("the curl option -X needs a value");
    QTest::addRow("no URL") << text("curl -s -H 'A: 1'") << text("the curl command has no URL");
    QTest::addRow("two URLs") << text("curl http://a http://b") << text("the command has more than one URL");
    QTest::addRow("not curl") << text("wget http://h") << text("this is not a curl command");
    QTest::addRow("empty") << QString() << text("this is not a curl command");
    QTest::addRow("unclosed single quote") << text("curl 'http://h") << text("a ' is not closed");
    QTest::addRow("unclosed double quote") << text("curl \"http://h") << text("a \" is not closed");
    QTest::addRow("unclosed $'") << text("curl $'http://h") << text("a $' is not closed");
    QTest::addRow("pipe") << text("curl http://h | jq .") << text("the shell syntax '|' is not supported");
    QTest::addRow("unquoted &") << text("curl http://h/?a=1&b=2")
                                << text("the shell syntax '&' is not supported");
    QTest::addRow("redirection") << text("curl http://h > out")
                                 << text("the shell syntax '>' is not supported");
    QTest::addRow("command substitution") << text("curl $(cat url.txt)") << text("command substitution");
    QTest::addRow("too many headers")
        << text("curl http://h") + QStringLiteral(" -H 'X: 1'").repeated(kMaxParameters + 1)
        << text("the command has more than 500 query parameters, headers");
    QTest::addRow("backticks in double quotes")
        << text("curl \"http://h/`id`\"") << text("command substitution");
}

void TestCurlCommand::importErrors()
{
    QFETCH(QString, command);
    QFETCH(QString, error);
    const auto imported = fromCurl(command);
    QVERIFY(!imported.ok());
    QCOMPARE(imported.error().type, ErrorType::InvalidInput);
    QVERIFY2(imported.error().message.startsWith(error), qPrintable(imported.error().message));
}

void TestCurlCommand::looksLikeCurl_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("curl");
    QTest::addRow("command") << text("curl http://h") << true;
    QTest::addRow("spaces and a line break") << text("  \ncurl\n  'http://h'") << true;
    QTest::addRow("alone") << text("curl") << true;
    QTest::addRow("upper case") << text("CURL http://h") << true;
    QTest::addRow("curl.exe") << text("curl.exe http://h") << true;
    QTest::addRow("URL") << text("http://h/curl") << false;
    QTest::addRow("longer word") << text("curly http://h") << false;
    QTest::addRow("empty") << QString() << false;
}

void TestCurlCommand::looksLikeCurl()
{
    QFETCH(QString, text);
    QFETCH(bool, curl);
    QCOMPARE(wf::tester::looksLikeCurl(text), curl);
}

void TestCurlCommand::realCurl_data()
{
    addRequestRows();
    const QString big = QString(100 * 1024, QLatin1Char('b')) + kAwkward;
    QTest::addRow("100 KiB body") << request("POST", "/big", BodyMode::Raw, big) << QByteArray();
}

void TestCurlCommand::realCurl()
{
    QFETCH(RequestDocument, document);
    QFETCH(QByteArray, accessToken);
    if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
        QSKIP("the curl binary is not installed (Debian package curl, listed in .ci/packages.txt)");
    const auto prepared = prepareRequest(document, variables(), accessToken);
    QVERIFY2(prepared.ok(), qPrintable(prepared.ok() ? QString() : prepared.error().message));
    for (const bool multiline : {true, false}) {
        m_server.received.clear();
        const QString command = toCurl(*prepared, CurlOptions{true, multiline, false});
        QProcess curl;
        curl.setProcessEnvironment(testertest::curlEnvironment(m_home.path()));
        QSignalSpy finished(&curl, &QProcess::finished);
        curl.start(QStringLiteral("/bin/sh"),
                   {QStringLiteral("-c"), command + QStringLiteral(" -sS -o /dev/null --max-time 15")});
        QVERIFY(finished.wait(kCurlWaitMs));
        QVERIFY2(curl.exitCode() == 0, curl.readAllStandardError().constData());
        QCOMPARE(m_server.received.size(), 1);
        const ReceivedRequest &received = m_server.received.constFirst();
        QCOMPARE(received.method, prepared->method);
        QCOMPARE(received.target, prepared->url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority));
        for (const auto &[name, value] : prepared->headers) {
            QList<QByteArray> sent;
            for (const auto &header : prepared->headers) {
                if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                    sent.append(header.second);
            }
            QCOMPARE(received.values(name), sent);
        }
        QVERIFY(received.values("Expect").isEmpty());
        QCOMPARE(received.body, prepared->body);
    }
}

QTEST_GUILESS_MAIN(TestCurlCommand)
#include "tst_curlcommand.moc"
