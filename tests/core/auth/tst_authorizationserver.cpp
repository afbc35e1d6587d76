// The token endpoint's client-assertion checks of PRODUCT.md §4, one row per attack, each expecting
// its documented refusal; then the token it issues and the JWKS and discovery documents.

#include "AuthTestSupport.h"

#include <QMessageAuthenticationCode>

using namespace wf;
using namespace wf::auth;
using namespace wf::authtest;

class TestAuthorizationServer : public QObject {
    Q_OBJECT

private slots:
    void init() { m_org = std::make_unique<TestOrg>(); }
    void cleanup() { m_org.reset(); }

    void assertionChecks_data();
    void assertionChecks();
    void requestChecks_data();
    void requestChecks();
    void replayedJtiIsRefused();
    void assertionWithoutJtiCanBeReused();
    void missingKidWithOneKeyIsAccepted();
    void deactivatedAppAndKeyAreRefused();
    void replayCacheFullAnswers503();
    void issuedTokenHasTheDocumentedClaims();
    void jwksAndDiscovery();

private:
    std::unique_ptr<TestOrg> m_org;
};

namespace {

// Builds the assertion a row describes from a valid one.
QByteArray assertionFor(TestOrg &org, const QString &mutation)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QJsonObject claims = org.assertionClaims(org.rsaClient);
    Key key = org.rsaKey;
    QString alg = QStringLiteral("RS256");
    if (mutation == QLatin1String("valid ES256")) {
        claims = org.assertionClaims(org.ecClient);
        key = org.ecKey;
        alg = QStringLiteral("ES256");
    } else if (mutation == QLatin1String("alg none")) {
        return jwsText(QJsonObject{{QStringLiteral("alg"), QStringLiteral("none")}}, claims, QByteArray());
    } else if (mutation == QLatin1String("HS256 with the public key as secret")) {
        const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("HS256")},
                                 {QStringLiteral("kid"), org.rsaKey.kid()}};
        const QByteArray input = jwsText(header, claims, QByteArray()).chopped(1);
        const QByteArray mac =
            QMessageAuthenticationCode::hash(input, org.rsaKey.publicPem(), QCryptographicHash::Sha256);
        return input + '.' + base64UrlEncode(mac);
    } else if (mutation == QLatin1String("RS256 header on an EC key")) {
        claims = org.assertionClaims(org.ecClient);
        key = org.otherRsaKey.withKid(org.ecKey.kid());
    } else if (mutation == QLatin1String("ES384 header on a P-256 key")) {
        claims = org.assertionClaims(org.ecClient);
        return jwsText(QJsonObject{{QStringLiteral("alg"), QStringLiteral("ES384")},
                                   {QStringLiteral("kid"), org.ecKey.kid()}},
                       claims, QByteArray(96, 'x'));
    } else if (mutation == QLatin1String("unknown kid")) {
        key = org.rsaKey.withKid(QStringLiteral("no-such-key"));
    } else if (mutation == QLatin1String("missing kid with two keys")) {
        claims = org.assertionClaims(org.twoKeyClient);
        key = org.twoKeyFirst.withKid(QString());
        alg = QStringLiteral("ES256");
    } else if (mutation == QLatin1String("iss differs from sub")) {
        claims.insert(QStringLiteral("sub"), org.ecClient);
    } else if (mutation == QLatin1String("no iss")) {
        claims.remove(QStringLiteral("iss"));
    } else if (mutation == QLatin1String("sub is not a client")) {
        claims.insert(QStringLiteral("iss"), QStringLiteral("0oaNoSuchClient00000"));
        claims.insert(QStringLiteral("sub"), QStringLiteral("0oaNoSuchClient00000"));
    } else if (mutation == QLatin1String("aud is the issuer")) {
        claims.insert(QStringLiteral("aud"), org.baseUrl);
    } else if (mutation == QLatin1String("aud array without the token URL")) {
        claims.insert(QStringLiteral("aud"),
                      QJsonArray{org.baseUrl, QStringLiteral("https://elsewhere.example/token")});
    } else if (mutation == QLatin1String("aud array with the token URL")) {
        claims.insert(QStringLiteral("aud"), QJsonArray{org.baseUrl, org.tokenUrl()});
    } else if (mutation == QLatin1String("no aud")) {
        claims.remove(QStringLiteral("aud"));
    } else if (mutation == QLatin1String("expired")) {
        claims.insert(QStringLiteral("exp"), now - 120);
    } else if (mutation == QLatin1String("expired within the clock skew")) {
        claims.insert(QStringLiteral("exp"), now - 30);
    } else if (mutation == QLatin1String("exp more than 1 h ahead")) {
        claims.insert(QStringLiteral("exp"), now + 3600 + 120);
    } else if (mutation == QLatin1String("no exp")) {
        claims.remove(QStringLiteral("exp"));
    } else if (mutation == QLatin1String("exp is a string")) {
        claims.insert(QStringLiteral("exp"), QString::number(now + 300));
    } else if (mutation == QLatin1String("iat in the future")) {
        claims.insert(QStringLiteral("iat"), now + 300);
    } else if (mutation == QLatin1String("nbf in the future")) {
        claims.insert(QStringLiteral("nbf"), now + 300);
    } else if (mutation == QLatin1String("nbf in the past")) {
        claims.insert(QStringLiteral("nbf"), now - 10);
    } else if (mutation == QLatin1String("jti is a number")) {
        claims.insert(QStringLiteral("jti"), 42);
    } else if (mutation == QLatin1String("signature from another key")) {
        key = org.otherRsaKey.withKid(org.rsaKey.kid());
    } else if (mutation == QLatin1String("truncated signature")) {
        QByteArray text = sign(key, alg, claims);
        text.chop(4);
        return text;
    } else if (mutation == QLatin1String("signature with extra bytes")) {
        const QList<QByteArray> parts = sign(key, alg, claims).split('.');
        return parts[0] + '.' + parts[1] + '.' +
               base64UrlEncode(*base64UrlDecode(parts[2]) + QByteArray(8, '\0'));
    } else if (mutation == QLatin1String("padded signature")) {
        return sign(key, alg, claims) + "==";
    } else if (mutation == QLatin1String("100 KB assertion")) {
        claims.insert(QStringLiteral("pad"), QString(100 * 1024, QLatin1Char('a')));
    } else if (mutation == QLatin1String("malformed base64url")) {
        QByteArray text = sign(key, alg, claims);
        text[text.indexOf('.') + 3] = '*';
        return text;
    } else if (mutation == QLatin1String("two parts")) {
        const QByteArray text = sign(key, alg, claims);
        return text.left(text.lastIndexOf('.'));
    } else if (mutation == QLatin1String("claims with duplicate keys")) {
        const QByteArray claimsText = QJsonDocument(claims).toJson(QJsonDocument::Compact);
        const QByteArray duplicated = claimsText.chopped(1) + ",\"iss\":\"" + org.ecClient.toLatin1() + "\"}";
        auto signedText = key.signCompact(alg, duplicated);
        return signedText ? *signedText : QByteArray();
    } else if (mutation == QLatin1String("claims not an object")) {
        auto signedText = key.signCompact(alg, QByteArrayLiteral("[1,2]"));
        return signedText ? *signedText : QByteArray();
    } else if (mutation != QLatin1String("valid RS256")) {
        qFatal("unknown mutation");
    }
    return sign(key, alg, claims);
}

} // namespace

void TestAuthorizationServer::assertionChecks_data()
{
    QTest::addColumn<QString>("mutation");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("description");

    const QString client = QStringLiteral("invalid_client");
    QTest::addRow("valid RS256") << QStringLiteral("valid RS256") << 200 << QString() << QString();
    QTest::addRow("valid ES256") << QStringLiteral("valid ES256") << 200 << QString() << QString();
    const struct {
        const char *mutation;
        int status;
        const char *description;
    } rows[] = {
        {"alg none", 401, "alg none is not accepted"},
        {"HS256 with the public key as secret", 401, "alg HS256 is not accepted"},
        {"RS256 header on an EC key", 401, "RS256"},
        {"ES384 header on a P-256 key", 401, "ES384"},
        {"unknown kid", 401, "unknown kid no-such-key"},
        {"missing kid with two keys", 401, "has no kid and the app integration"},
        {"iss differs from sub", 401, "iss and sub differ"},
        {"no iss", 401, "has no iss claim"},
        {"sub is not a client", 401, "no app integration has the client id 0oaNoSuchClient00000"},
        {"aud is the issuer", 401, "aud must be the token endpoint URL"},
        {"aud array without the token URL", 401, "aud must be the token endpoint URL"},
        {"aud array with the token URL", 200, ""},
        {"no aud", 401, "aud must be the token endpoint URL"},
        {"expired", 401, "the client assertion expired at"},
        {"expired within the clock skew", 200, ""},
        {"exp more than 1 h ahead", 401, "more than 1 hour ahead"},
        {"no exp", 401, "has no exp claim"},
        {"exp is a string", 401, "exp is not a number"},
        {"iat in the future", 401, "iat"},
        {"nbf in the future", 401, "not valid before"},
        {"nbf in the past", 200, ""},
        {"jti is a number", 401, "jti must be a string"},
        {"signature from another key", 401, "signature does not verify"},
        {"truncated signature", 401, "client assertion"},
        {"signature with extra bytes", 401, "signature does not verify"},
        {"padded signature", 401, "malformed"},
        {"100 KB assertion", 401, "larger than 8192 bytes"},
        {"malformed base64url", 401, "malformed"},
        {"two parts", 401, "malformed"},
        {"claims with duplicate keys", 401, "duplicate"},
        {"claims not an object", 401, "not a JSON object"},
    };
    for (const auto &row : rows)
        QTest::addRow("%s", row.mutation)
            << QString::fromLatin1(row.mutation) << row.status << (row.status == 200 ? QString() : client)
            << QString::fromLatin1(row.description);
}

void TestAuthorizationServer::assertionChecks()
{
    QFETCH(QString, mutation);
    QFETCH(int, status);
    QFETCH(QString, error);
    QFETCH(QString, description);

    const QByteArray assertion = assertionFor(*m_org, mutation);
    QVERIFY(!assertion.isEmpty());
    const TokenOutcome outcome = m_org->server().token(m_org->form(assertion));
    QCOMPARE(outcome.status, status);
    if (status == 200) {
        QVERIFY(!outcome.body.value(QLatin1String("access_token")).toString().isEmpty());
        return;
    }
    QCOMPARE(outcome.body.value(QLatin1String("error")).toString(), error);
    const QString said = outcome.body.value(QLatin1String("error_description")).toString();
    QVERIFY2(said.contains(description), qPrintable(said));
    // A refusal never echoes the assertion.
    QVERIFY(!said.contains(QString::fromLatin1(assertion.left(40))));
}

void TestAuthorizationServer::requestChecks_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value"); // empty: remove the field
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("description");

    QTest::addRow("wrong grant_type") << "grant_type"
                                      << "password" << 400 << "unsupported_grant_type"
                                      << "client_credentials only";
    QTest::addRow("no grant_type") << "grant_type"
                                   << "" << 400 << "invalid_request"
                                   << "grant_type is missing";
    QTest::addRow("no scope") << "scope"
                              << "" << 400 << "invalid_request"
                              << "scope is missing";
    QTest::addRow("scope not granted") << "scope"
                                       << "okta.users.read" << 400 << "invalid_scope"
                                       << "okta.users.read is not granted";
    QTest::addRow("one scope of two not granted")
        << "scope"
        << "okta.workflows.invoke.manage okta.users.read" << 400 << "invalid_scope"
        << "okta.users.read";
    QTest::addRow("no assertion") << "client_assertion"
                                  << "" << 400 << "invalid_request"
                                  << "client authentication is missing";
    QTest::addRow("wrong assertion type") << "client_assertion_type"
                                          << "urn:example:saml" << 400 << "invalid_request"
                                          << "client_assertion_type must be";
    QTest::addRow("client_id not matching iss") << "client_id"
                                                << "0oaSomebodyElse00000" << 401 << "invalid_client"
                                                << "client_id does not match";
}

void TestAuthorizationServer::requestChecks()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(int, status);
    QFETCH(QString, error);
    QFETCH(QString, description);

    QHash<QString, QString> form =
        m_org->form(sign(m_org->rsaKey, QStringLiteral("RS256"), m_org->assertionClaims(m_org->rsaClient)));
    if (value.isEmpty())
        form.remove(field);
    else
        form.insert(field, value);
    const TokenOutcome outcome = m_org->server().token(form);
    QCOMPARE(outcome.status, status);
    QCOMPARE(outcome.body.value(QLatin1String("error")).toString(), error);
    const QString said = outcome.body.value(QLatin1String("error_description")).toString();
    QVERIFY2(said.contains(description), qPrintable(said));
}

void TestAuthorizationServer::replayedJtiIsRefused()
{
    const QByteArray assertion =
        sign(m_org->rsaKey, QStringLiteral("RS256"), m_org->assertionClaims(m_org->rsaClient));
    QCOMPARE(m_org->server().token(m_org->form(assertion)).status, 200);
    const TokenOutcome replay = m_org->server().token(m_org->form(assertion));
    QCOMPARE(replay.status, 401);
    QCOMPARE(replay.body.value(QLatin1String("error_description")).toString().left(17),
             QStringLiteral("jti already used:"));
    // The same jti from another client is that client's own.
    QJsonObject ecClaims = m_org->assertionClaims(m_org->ecClient);
    const QJsonObject rsaClaims = *parseStrictJsonObject(*base64UrlDecode(assertion.split('.').at(1)));
    ecClaims.insert(QStringLiteral("jti"), rsaClaims.value(QLatin1String("jti")));
    QCOMPARE(m_org->server().token(m_org->form(sign(m_org->ecKey, QStringLiteral("ES256"), ecClaims))).status,
             200);
}

void TestAuthorizationServer::assertionWithoutJtiCanBeReused()
{
    QJsonObject claims = m_org->assertionClaims(m_org->rsaClient);
    claims.remove(QStringLiteral("jti"));
    const QByteArray assertion = sign(m_org->rsaKey, QStringLiteral("RS256"), claims);
    QCOMPARE(m_org->server().token(m_org->form(assertion)).status, 200);
    QCOMPARE(m_org->server().token(m_org->form(assertion)).status, 200);
}

void TestAuthorizationServer::missingKidWithOneKeyIsAccepted()
{
    const QByteArray assertion = sign(m_org->rsaKey.withKid(QString()), QStringLiteral("RS256"),
                                      m_org->assertionClaims(m_org->rsaClient));
    QVERIFY(!QJsonDocument::fromJson(*base64UrlDecode(assertion.split('.').at(0)))
                 .object()
                 .contains(QLatin1String("kid")));
    QCOMPARE(m_org->server().token(m_org->form(assertion)).status, 200);
}

void TestAuthorizationServer::deactivatedAppAndKeyAreRefused()
{
    QVERIFY(m_org->workspace.setAppKeyActive(m_org->rsaClient, m_org->rsaKey.kid(), false));
    m_org->refresh();
    TokenOutcome outcome = m_org->server().token(
        m_org->form(sign(m_org->rsaKey, QStringLiteral("RS256"), m_org->assertionClaims(m_org->rsaClient))));
    QCOMPARE(outcome.status, 401);
    QVERIFY(outcome.body.value(QLatin1String("error_description"))
                .toString()
                .contains(QLatin1String("is deactivated")));

    QVERIFY(m_org->workspace.setAppActive(m_org->ecClient, false));
    m_org->refresh();
    outcome = m_org->server().token(
        m_org->form(sign(m_org->ecKey, QStringLiteral("ES256"), m_org->assertionClaims(m_org->ecClient))));
    QCOMPARE(outcome.status, 401);
    QVERIFY(outcome.body.value(QLatin1String("error_description"))
                .toString()
                .contains(QLatin1String("app integration 'EC client'")));
}

void TestAuthorizationServer::replayCacheFullAnswers503()
{
    AuthorizationServer server(m_org->snapshot, 2);
    for (int i = 0; i < 2; ++i)
        QCOMPARE(server
                     .token(m_org->form(sign(m_org->rsaKey, QStringLiteral("RS256"),
                                             m_org->assertionClaims(m_org->rsaClient))))
                     .status,
                 200);
    const TokenOutcome busy = server.token(
        m_org->form(sign(m_org->rsaKey, QStringLiteral("RS256"), m_org->assertionClaims(m_org->rsaClient))));
    QCOMPARE(busy.status, 503);
    QCOMPARE(busy.body.value(QLatin1String("error")).toString(), QStringLiteral("temporarily_unavailable"));
    QVERIFY(busy.retryAfter >= 1 && busy.retryAfter <= 300 + 60);
}

void TestAuthorizationServer::issuedTokenHasTheDocumentedClaims()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const TokenOutcome outcome = m_org->server().token(
        m_org->form(sign(m_org->rsaKey, QStringLiteral("RS256"), m_org->assertionClaims(m_org->rsaClient))),
        now);
    QVERIFY2(outcome.ok(), QJsonDocument(outcome.body).toJson().constData());
    QCOMPARE(outcome.body.value(QLatin1String("token_type")).toString(), QStringLiteral("Bearer"));
    QCOMPARE(outcome.body.value(QLatin1String("expires_in")).toInt(), 3600);
    QCOMPARE(outcome.body.value(QLatin1String("scope")).toString(), kInvokeScope);
    const QByteArray token = outcome.body.value(QLatin1String("access_token")).toString().toLatin1();
    auto jws = Jws::parse(token, 8192);
    QVERIFY(jws);
    QCOMPARE(jws->alg, QStringLiteral("RS256"));
    QCOMPARE(jws->kid, m_org->signingKey.kid());
    QVERIFY(verifyJws(*jws, m_org->signingKey));
    const QJsonObject claims = *parseStrictJsonObject(jws->payload);
    QCOMPARE(claims.value(QLatin1String("ver")).toInt(), 1);
    QVERIFY(!claims.value(QLatin1String("jti")).toString().isEmpty());
    QCOMPARE(claims.value(QLatin1String("iss")).toString(), m_org->baseUrl);
    QCOMPARE(claims.value(QLatin1String("aud")).toString(), m_org->baseUrl);
    QCOMPARE(claims.value(QLatin1String("sub")).toString(), m_org->rsaClient);
    QCOMPARE(claims.value(QLatin1String("cid")).toString(), m_org->rsaClient);
    QCOMPARE(claims.value(QLatin1String("scp")).toArray(), QJsonArray{kInvokeScope});
    QCOMPARE(claims.value(QLatin1String("iat")).toInteger(), now.toSecsSinceEpoch());
    QCOMPARE(claims.value(QLatin1String("exp")).toInteger(), now.toSecsSinceEpoch() + 3600);
    // Two tokens never share a jti.
    const TokenOutcome second = m_org->server().token(
        m_org->form(sign(m_org->rsaKey, QStringLiteral("RS256"), m_org->assertionClaims(m_org->rsaClient))),
        now);
    QVERIFY(second.body.value(QLatin1String("access_token")) !=
            outcome.body.value(QLatin1String("access_token")));
}

void TestAuthorizationServer::jwksAndDiscovery()
{
    const QJsonArray keys = m_org->server().jwks().value(QLatin1String("keys")).toArray();
    QCOMPARE(keys.size(), 1);
    const QJsonObject jwk = keys.first().toObject();
    QCOMPARE(jwk.value(QLatin1String("kid")).toString(), m_org->signingKey.kid());
    QCOMPARE(jwk.value(QLatin1String("alg")).toString(), QStringLiteral("RS256"));
    QCOMPARE(jwk.value(QLatin1String("use")).toString(), QStringLiteral("sig"));
    for (const char *member : {"d", "p", "q", "dp", "dq", "qi"})
        QVERIFY2(!jwk.contains(QLatin1String(member)), member);
    QVERIFY(Key::fromJwk(jwk)->samePublicKey(m_org->signingKey));

    for (const bool openId : {false, true}) {
        const QJsonObject metadata = m_org->server().discovery(openId);
        QCOMPARE(metadata.value(QLatin1String("issuer")).toString(), m_org->baseUrl);
        QCOMPARE(metadata.value(QLatin1String("token_endpoint")).toString(), m_org->tokenUrl());
        QCOMPARE(metadata.value(QLatin1String("jwks_uri")).toString(),
                 m_org->baseUrl + QStringLiteral("/oauth2/v1/keys"));
        QCOMPARE(metadata.value(QLatin1String("token_endpoint_auth_methods_supported")).toArray(),
                 QJsonArray{QStringLiteral("private_key_jwt")});
        QCOMPARE(metadata.value(QLatin1String("grant_types_supported")).toArray(),
                 QJsonArray{QStringLiteral("client_credentials")});
        QCOMPARE(metadata.contains(QLatin1String("subject_types_supported")), openId);
    }
}

QTEST_GUILESS_MAIN(TestAuthorizationServer)
#include "tst_authorizationserver.moc"
