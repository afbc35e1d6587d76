// The token, keys and discovery routes as HTTP without sockets: the form, its content type, the
// no-store headers, and the JSON documents.

#include "../auth/AuthTestSupport.h"
#include "endpoint/OAuthService.h"

using namespace wf;
using namespace wf::auth;
using namespace wf::authtest;

class TestOAuthService : public QObject {
    Q_OBJECT

private slots:
    void init() { m_org = std::make_unique<TestOrg>(); }
    void cleanup() { m_org.reset(); }

    void formFields_data();
    void formFields();
    void tokenIsIssuedWithNoStore();
    void badRequests_data();
    void badRequests();
    void keysAndDiscoveryAreJson();

private:
    QByteArray validForm() const
    {
        QUrlQuery query;
        const auto fields = TestOrg::form(
            sign(m_org->rsaKey, QStringLiteral("RS256"), m_org->assertionClaims(m_org->rsaClient)));
        for (auto it = fields.cbegin(); it != fields.cend(); ++it)
            query.addQueryItem(it.key(), QString::fromLatin1(QUrl::toPercentEncoding(it.value())));
        return query.query(QUrl::FullyEncoded).toLatin1();
    }
    static HttpRequest post(const QByteArray &contentType, const QByteArray &body)
    {
        HttpRequest request;
        request.method = "POST";
        request.path = OAuthService::kTokenPath;
        request.headers.append({QByteArrayLiteral("Content-Type"), contentType});
        request.body = body;
        return request;
    }
    static QJsonObject json(const HttpAnswer &answer)
    {
        return QJsonDocument::fromJson(answer.body).object();
    }

    std::unique_ptr<TestOrg> m_org;
};

void TestOAuthService::formFields_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value"); // "<error>" when the form is refused

    QTest::addRow("plain") << QByteArray("a=b&c=d") << "c"
                           << "d";
    QTest::addRow("plus is a space") << QByteArray("scope=a+b") << "scope"
                                     << "a b";
    QTest::addRow("percent-encoded") << QByteArray("x=%2F%3D%26") << "x"
                                     << "/=&";
    QTest::addRow("UTF-8") << QByteArray("n=%C3%A9") << "n" << QString(QChar(0xe9));
    QTest::addRow("empty value") << QByteArray("n=") << "n"
                                 << "";
    QTest::addRow("repeated field") << QByteArray("scope=a&scope=b") << "scope"
                                    << "<error>";
    QTest::addRow("bad percent") << QByteArray("n=%G1") << "n"
                                 << "<error>";
    QTest::addRow("truncated percent") << QByteArray("n=%4") << "n"
                                       << "<error>";
    QTest::addRow("not UTF-8") << QByteArray("n=%FF%FE") << "n"
                               << "<error>";
}

void TestOAuthService::formFields()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, name);
    QFETCH(QString, value);
    const auto fields = parseFormFields(body);
    if (value == QLatin1String("<error>")) {
        QVERIFY(!fields);
        return;
    }
    QVERIFY(fields);
    QCOMPARE(fields->value(name), value);
}

void TestOAuthService::tokenIsIssuedWithNoStore()
{
    OAuthService service(m_org->server());
    const HttpAnswer answer = service.token(
        post(QByteArrayLiteral("application/x-www-form-urlencoded; charset=UTF-8"), validForm()));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.header("Content-Type"), QByteArrayLiteral("application/json"));
    QCOMPARE(answer.header("Cache-Control"), QByteArrayLiteral("no-store"));
    QCOMPARE(answer.header("Pragma"), QByteArrayLiteral("no-cache"));
    const QJsonObject body = json(answer);
    QCOMPARE(body.value(QLatin1String("token_type")).toString(), QStringLiteral("Bearer"));
    QCOMPARE(body.value(QLatin1String("expires_in")).toInt(), 3600);
    QCOMPARE(body.value(QLatin1String("scope")).toString(), kInvokeScope);
    QVERIFY(body.value(QLatin1String("access_token")).toString().count(QLatin1Char('.')) == 2);
}

void TestOAuthService::badRequests_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body"); // "<valid>": a valid form
    QTest::addColumn<QString>("description");

    QTest::addRow("JSON body instead of a form")
        << QByteArray("application/json")
        << QByteArray("{\"grant_type\":\"client_credentials\",\"scope\":\"okta.workflows.invoke.manage\"}")
        << "must be a form";
    QTest::addRow("no content type") << QByteArray() << QByteArray("<valid>") << "must be a form";
    QTest::addRow("text/plain") << QByteArray("text/plain") << QByteArray("<valid>") << "must be a form";
    QTest::addRow("field twice") << QByteArray("application/x-www-form-urlencoded")
                                 << QByteArray("grant_type=client_credentials&grant_type=client_credentials")
                                 << "grant_type is given more than once";
    QTest::addRow("over 256 KiB") << QByteArray("application/x-www-form-urlencoded")
                                  << QByteArray(300 * 1024, 'a') << "larger than";
    QTest::addRow("empty form") << QByteArray("application/x-www-form-urlencoded") << QByteArray()
                                << "grant_type is missing";
}

void TestOAuthService::badRequests()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, description);
    OAuthService service(m_org->server());
    const HttpAnswer answer = service.token(post(contentType, body == "<valid>" ? validForm() : body));
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.header("Cache-Control"), QByteArrayLiteral("no-store"));
    QCOMPARE(json(answer).value(QLatin1String("error")).toString(), QStringLiteral("invalid_request"));
    const QString said = json(answer).value(QLatin1String("error_description")).toString();
    QVERIFY2(said.contains(description), qPrintable(said));
}

void TestOAuthService::keysAndDiscoveryAreJson()
{
    OAuthService service(m_org->server());
    const HttpAnswer keys = service.keys();
    QCOMPARE(keys.status, 200);
    QCOMPARE(keys.header("Content-Type"), QByteArrayLiteral("application/json"));
    QCOMPARE(json(keys).value(QLatin1String("keys")).toArray().size(), 1);
    const HttpAnswer openId = service.discovery(OAuthService::kOpenIdConfigurationPath);
    const HttpAnswer rfc8414 = service.discovery(OAuthService::kAuthorizationServerPath);
    QCOMPARE(json(openId).value(QLatin1String("token_endpoint")).toString(), m_org->tokenUrl());
    QCOMPARE(json(rfc8414).value(QLatin1String("issuer")).toString(), m_org->baseUrl);
    QVERIFY(json(openId).contains(QLatin1String("subject_types_supported")));
    QVERIFY(!json(rfc8414).contains(QLatin1String("subject_types_supported")));
}

QTEST_GUILESS_MAIN(TestOAuthService)
#include "tst_oauthservice.moc"
