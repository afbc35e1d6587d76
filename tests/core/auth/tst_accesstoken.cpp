// Access tokens presented to an OAuth 2.0 flow (PRODUCT.md §3.1 step 4): what is refused and with
// which status, and that revocations (scope, app, key) take effect at once even for a token whose
// signature was already checked.

#include "AuthTestSupport.h"
#include "flow/Flow.h"

using namespace wf;
using namespace wf::auth;
using namespace wf::authtest;

class TestAccessToken : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_org = std::make_unique<TestOrg>();
        m_flow.name = QStringLiteral("Customer lookup");
        m_flow.endpoint.security = SecurityLevel::OAuth2;
        m_flow.endpoint.anyApp = true;
    }
    void cleanup() { m_org.reset(); }

    void validTokenNamesItsClient();
    void tokenChecks_data();
    void tokenChecks();
    void scopeRevokedAfterIssueIsRefusedAtOnce();
    void deletedAppIsRefused();
    void deactivatedAppIsRefused();
    void deletedKeyRevokesEarlierTokens();
    void selectFromListAdmitsOnlyListedApps();
    void rotationKeepsOldTokensUntilTheKeyIsDropped();

private:
    AccessDecision check(const QString &token) { return m_org->server().verifyAccessToken(token, m_flow); }
    static void expectRefusal(const AccessDecision &decision, int status, const QString &error,
                              const QString &description)
    {
        QCOMPARE(decision.status, status);
        QCOMPARE(decision.error, error);
        QVERIFY2(decision.description.contains(description), qPrintable(decision.description));
        QVERIFY(decision.clientId.isEmpty());
    }

    std::unique_ptr<TestOrg> m_org;
    Flow m_flow;
};

void TestAccessToken::validTokenNamesItsClient()
{
    const QString token = m_org->accessToken(m_org->rsaClient, m_org->rsaKey, QStringLiteral("RS256"));
    for (int i = 0; i < 3; ++i) { // the second and third come from the verified-token cache
        const AccessDecision decision = check(token);
        QCOMPARE(decision.status, 200);
        QCOMPARE(decision.clientId, m_org->rsaClient);
    }
}

void TestAccessToken::tokenChecks_data()
{
    QTest::addColumn<QString>("mutation");
    QTest::addColumn<QString>("description");

    QTest::addRow("expired") << "expired"
                             << "the access token expired at";
    QTest::addRow("signed by an unknown key") << "unknown key"
                                              << "signed by an unknown key";
    QTest::addRow("wrong issuer") << "wrong issuer"
                                  << "issuer is not";
    QTest::addRow("tampered payload") << "tampered"
                                      << "signature does not verify";
    QTest::addRow("alg none") << "alg none"
                              << "not issued by this server";
    QTest::addRow("not a JWS") << "garbage"
                               << "malformed";
    QTest::addRow("over 8 KiB") << "huge"
                                << "malformed";
}

void TestAccessToken::tokenChecks()
{
    QFETCH(QString, mutation);
    QFETCH(QString, description);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString token = m_org->accessToken(m_org->rsaClient, m_org->rsaKey, QStringLiteral("RS256"));
    const QList<QByteArray> parts = token.toLatin1().split('.');
    QJsonObject claims = *parseStrictJsonObject(*base64UrlDecode(parts.at(1)));
    if (mutation == QLatin1String("expired")) {
        QCOMPARE(m_org->server().verifyAccessToken(token, m_flow, now.addSecs(3600 + 61)).status, 401);
        expectRefusal(m_org->server().verifyAccessToken(token, m_flow, now.addSecs(3600 + 61)), 401,
                      QStringLiteral("invalid_token"), description);
        return;
    }
    if (mutation == QLatin1String("unknown key")) {
        token = QString::fromLatin1(
            sign(m_org->otherRsaKey.withKid(QStringLiteral("other")), QStringLiteral("RS256"), claims));
    } else if (mutation == QLatin1String("wrong issuer")) {
        // A token this server's key signed for another address of the server.
        claims.insert(QStringLiteral("iss"), QStringLiteral("http://elsewhere.example:8787"));
        token = QString::fromLatin1(sign(m_org->signingKey, QStringLiteral("RS256"), claims));
    } else if (mutation == QLatin1String("tampered")) {
        claims.insert(QStringLiteral("scp"), QJsonArray{kInvokeScope, QStringLiteral("okta.users.manage")});
        token = QString::fromLatin1(parts.at(0) + '.' +
                                    base64UrlEncode(QJsonDocument(claims).toJson(QJsonDocument::Compact)) +
                                    '.' + parts.at(2));
    } else if (mutation == QLatin1String("alg none")) {
        token = QString::fromLatin1(jwsText(QJsonObject{{QStringLiteral("alg"), QStringLiteral("none")},
                                                        {QStringLiteral("kid"), m_org->signingKey.kid()}},
                                            claims, QByteArray()));
    } else if (mutation == QLatin1String("garbage")) {
        token = QStringLiteral("not-a-token");
    } else if (mutation == QLatin1String("huge")) {
        token = token + QString(9000, QLatin1Char('A'));
    }
    expectRefusal(check(token), 401, QStringLiteral("invalid_token"), description);
}

void TestAccessToken::scopeRevokedAfterIssueIsRefusedAtOnce()
{
    const QString token = m_org->accessToken(m_org->rsaClient, m_org->rsaKey, QStringLiteral("RS256"));
    QCOMPARE(check(token).status, 200);
    QVERIFY(m_org->workspace.revokeScope(m_org->rsaClient, kInvokeScope));
    m_org->refresh();
    expectRefusal(check(token), 403, QStringLiteral("insufficient_scope"),
                  QStringLiteral("no longer granted to the app integration 'RSA client'"));
    QVERIFY(m_org->workspace.grantScope(m_org->rsaClient, kInvokeScope));
    m_org->refresh();
    QCOMPARE(check(token).status, 200);
}

void TestAccessToken::deletedAppIsRefused()
{
    const QString token = m_org->accessToken(m_org->ecClient, m_org->ecKey, QStringLiteral("ES256"));
    QCOMPARE(check(token).status, 200);
    QVERIFY(m_org->workspace.deleteApp(m_org->ecClient, m_org->shared.secrets));
    m_org->refresh();
    expectRefusal(check(token), 401, QStringLiteral("invalid_token"), QStringLiteral("was deleted"));
}

void TestAccessToken::deactivatedAppIsRefused()
{
    const QString token = m_org->accessToken(m_org->ecClient, m_org->ecKey, QStringLiteral("ES256"));
    QVERIFY(m_org->workspace.setAppActive(m_org->ecClient, false));
    m_org->refresh();
    expectRefusal(check(token), 401, QStringLiteral("invalid_token"), QStringLiteral("is deactivated"));
    QVERIFY(m_org->workspace.setAppActive(m_org->ecClient, true));
    m_org->refresh();
    QCOMPARE(check(token).status, 200);
}

void TestAccessToken::deletedKeyRevokesEarlierTokens()
{
    // Issued a little earlier, as a token in use would have been.
    const QString token = m_org->accessToken(m_org->twoKeyClient, m_org->twoKeyFirst, QStringLiteral("ES256"),
                                             QDateTime::currentDateTimeUtc().addSecs(-5));
    QCOMPARE(check(token).status, 200);
    QVERIFY(
        m_org->workspace.deleteAppKey(m_org->twoKeyClient, m_org->twoKeyFirst.kid(), m_org->shared.secrets));
    m_org->refresh();
    expectRefusal(check(token), 401, QStringLiteral("invalid_token"), QStringLiteral("was revoked"));
    // The deleted key gets no new token.
    const TokenOutcome refused = m_org->server().token(TestOrg::form(
        sign(m_org->twoKeyFirst, QStringLiteral("ES256"), m_org->assertionClaims(m_org->twoKeyClient))));
    QCOMPARE(refused.status, 401);
}

void TestAccessToken::selectFromListAdmitsOnlyListedApps()
{
    const QString rsaToken = m_org->accessToken(m_org->rsaClient, m_org->rsaKey, QStringLiteral("RS256"));
    const QString ecToken = m_org->accessToken(m_org->ecClient, m_org->ecKey, QStringLiteral("ES256"));
    m_flow.endpoint.anyApp = false;
    m_flow.endpoint.allowedApps = {m_org->ecClient};
    expectRefusal(check(rsaToken), 403, QStringLiteral("access_denied"),
                  QStringLiteral("'RSA client' (%1) is not in the list").arg(m_org->rsaClient));
    QCOMPARE(check(ecToken).status, 200);
    QCOMPARE(check(ecToken).clientId, m_org->ecClient);
    m_flow.endpoint.allowedApps.clear();
    QCOMPARE(check(ecToken).status, 403);
}

void TestAccessToken::rotationKeepsOldTokensUntilTheKeyIsDropped()
{
    const QString oldToken = m_org->accessToken(m_org->rsaClient, m_org->rsaKey, QStringLiteral("RS256"));
    MemorySecretStore &secrets = m_org->shared.secrets;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto rotated = m_org->workspace.rotateSigningKey(secrets, now);
    QVERIFY(rotated);
    auto current = m_org->workspace.ensureSigningKey(secrets, now);
    QVERIFY(current);
    QCOMPARE(current->kid(), rotated->kid);
    QVERIFY(current->kid() != m_org->signingKey.kid());

    auto snapshot = AuthSnapshot::of(m_org->workspace, *current, m_org->baseUrl);
    QVERIFY(snapshot);
    m_org->server().setSnapshot(*snapshot);
    QCOMPARE(m_org->server().jwks().value(QLatin1String("keys")).toArray().size(), 2);
    QCOMPARE(check(oldToken).status, 200); // the old key is still published
    const QString newToken = m_org->accessToken(m_org->rsaClient, m_org->rsaKey, QStringLiteral("RS256"));
    QCOMPARE(Jws::parse(newToken.toLatin1(), 8192)->kid, current->kid());

    // An hour and more later the old key has left the JWKS, and with it its tokens.
    const QDateTime later = now.addSecs(kAccessTokenLifetimeSeconds + 120);
    current = m_org->workspace.ensureSigningKey(secrets, later);
    QVERIFY(current);
    snapshot = AuthSnapshot::of(m_org->workspace, *current, m_org->baseUrl);
    QVERIFY(snapshot);
    m_org->server().setSnapshot(*snapshot);
    QCOMPARE(m_org->server().jwks().value(QLatin1String("keys")).toArray().size(), 1);
    expectRefusal(check(oldToken), 401, QStringLiteral("invalid_token"),
                  QStringLiteral("no longer publishes"));
}

QTEST_GUILESS_MAIN(TestAccessToken)
#include "tst_accesstoken.moc"
