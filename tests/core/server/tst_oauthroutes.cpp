// The authorization server over real sockets, served by the WorkspaceServer `wfconsole serve` runs:
// discovery, JWKS, a token for the sample workspace's app integration, an OAuth 2.0 flow called with it, and
// the 401s and 403s of PRODUCT.md §3.1 step 4 as they reach the client (status, body, WWW-Authenticate).

#include "NetworkTestSupport.h"
#include "server/WorkspaceServer.h"
#include "tester/TokenClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace wf;

using servertest::Reply;

class TestOAuthRoutes final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void discoveryNamesThisServer();
    void jwksPublishesTheSigningKey();
    void tokenRouteTakesPostOnly();
    void oversizedTokenRequestIsRefused();
    void bearerTokenOpensTheFlow();
    void refusalsReachTheClient();
    void revokedScopeIsRefusedAtOnce();

private:
    Reply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QList<QPair<QByteArray, QByteArray>> &headers = {});
    QString baseUrl() const { return m_server->baseUrl(); }
    Reply requestToken();
    Reply invoke(const QByteArray &authorization);
    void applyWorkspace();

    QTemporaryDir m_dir;
    MemorySecretStore m_secrets;
    Workspace m_workspace;
    QString m_clientId;
    auth::Key m_clientKey;
    auth::Key m_signingKey;
    std::unique_ptr<server::WorkspaceServer> m_server;
    QNetworkAccessManager m_network;
};

void TestOAuthRoutes::initTestCase()
{
    auto created = Workspace::create(m_dir.filePath(QStringLiteral("ws")), m_secrets);
    QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
    m_workspace = *created;
    m_workspace.settings().rateLimitPerSecond = 0;
    QCOMPARE(m_workspace.apps().size(), 1);
    m_clientId = m_workspace.apps().first().clientId;
    auto kept =
        m_workspace.keptAppPrivateKey(m_clientId, m_workspace.apps().first().keys.first().kid, m_secrets);
    QVERIFY(kept && kept->has_value());
    m_clientKey = **kept;
    auto signingKey = m_workspace.ensureSigningKey(m_secrets);
    QVERIFY(signingKey);
    m_signingKey = *signingKey;

    m_server = std::make_unique<server::WorkspaceServer>(m_workspace, m_secrets);
    server::ServeOverrides overrides;
    overrides.port = 0;
    auto started = m_server->start(overrides);
    QVERIFY2(started, started ? "" : qPrintable(started.error().message));
    QVERIFY(m_server->baseUrl().startsWith(QLatin1String("http://127.0.0.1:")));
    QVERIFY(!m_server->baseUrl().endsWith(QLatin1String(":0")));
}

void TestOAuthRoutes::cleanupTestCase()
{
    m_server.reset();
}

void TestOAuthRoutes::applyWorkspace()
{
    QVERIFY(m_server->apply(m_workspace));
}

Reply TestOAuthRoutes::send(const QByteArray &method, const QString &path, const QByteArray &body,
                            const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request{QUrl(baseUrl() + path)};
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    return servertest::perform(m_network, method, request, body);
}

Reply TestOAuthRoutes::requestToken()
{
    const QString tokenUrl = baseUrl() + QStringLiteral("/oauth2/v1/token");
    auto assertion = tester::buildClientAssertion(m_clientId, m_clientKey, tokenUrl);
    if (!assertion)
        return {};
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
    form.addQueryItem(QStringLiteral("scope"), auth::kInvokeScope);
    form.addQueryItem(QStringLiteral("client_assertion_type"),
                      QStringLiteral("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"));
    form.addQueryItem(QStringLiteral("client_assertion"), QString::fromLatin1(*assertion));
    return send("POST", QStringLiteral("/oauth2/v1/token"), form.query(QUrl::FullyEncoded).toLatin1(),
                {{"Content-Type", "application/x-www-form-urlencoded"}});
}

Reply TestOAuthRoutes::invoke(const QByteArray &authorization)
{
    const Flow *flow = m_workspace.flowById(QStringLiteral("customer-oauth"));
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!authorization.isEmpty())
        headers.append({"Authorization", authorization});
    return send("GET", QStringLiteral("/api/flo/%1/invoke?id=42").arg(flow->alias), {}, headers);
}

void TestOAuthRoutes::discoveryNamesThisServer()
{
    for (const char *path :
         {"/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"}) {
        const Reply reply = send("GET", QString::fromLatin1(path));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.headers.value("content-type"), QByteArrayLiteral("application/json"));
        QCOMPARE(reply.json().value(QLatin1String("issuer")).toString(), baseUrl());
        QCOMPARE(reply.json().value(QLatin1String("token_endpoint")).toString(),
                 baseUrl() + QStringLiteral("/oauth2/v1/token"));
    }
}

void TestOAuthRoutes::jwksPublishesTheSigningKey()
{
    const Reply reply = send("GET", QStringLiteral("/oauth2/v1/keys"));
    QCOMPARE(reply.status, 200);
    const QJsonArray keys = reply.json().value(QLatin1String("keys")).toArray();
    QCOMPARE(keys.size(), 1);
    QCOMPARE(keys.first().toObject().value(QLatin1String("kid")).toString(), m_signingKey.kid());
    QVERIFY(!keys.first().toObject().contains(QLatin1String("d")));
}

void TestOAuthRoutes::tokenRouteTakesPostOnly()
{
    const Reply reply = send("GET", QStringLiteral("/oauth2/v1/token"));
    QCOMPARE(reply.status, 405);
    QCOMPARE(reply.headers.value("allow"), QByteArrayLiteral("POST"));
}

void TestOAuthRoutes::oversizedTokenRequestIsRefused()
{
    const Reply reply = send("POST", QStringLiteral("/oauth2/v1/token"), QByteArray(300 * 1024, 'a'),
                             {{"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.json().value(QLatin1String("error")).toString(), QStringLiteral("invalid_request"));
    QVERIFY(reply.json()
                .value(QLatin1String("error_description"))
                .toString()
                .contains(QLatin1String("larger than")));
    QCOMPARE(reply.headers.value("cache-control"), QByteArrayLiteral("no-store"));
}

void TestOAuthRoutes::bearerTokenOpensTheFlow()
{
    const Reply token = requestToken();
    QCOMPARE(token.status, 200);
    QCOMPARE(token.headers.value("cache-control"), QByteArrayLiteral("no-store"));
    const QByteArray accessToken = token.json().value(QLatin1String("access_token")).toString().toLatin1();
    QVERIFY(!accessToken.isEmpty());
    const Reply reply = invoke("Bearer " + accessToken);
    QCOMPARE(reply.status, 200);
    QVERIFY(!reply.headers.value("x-execution-id").isEmpty());
    QVERIFY2(reply.body.contains("Ada Lovelace"), reply.body.constData());
}

void TestOAuthRoutes::refusalsReachTheClient()
{
    Reply reply = invoke({});
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.headers.value("www-authenticate"), QByteArrayLiteral("Bearer realm=\"workflows\""));

    reply = invoke("Bearer not.a.token");
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.json().value(QLatin1String("error")).toString(), QStringLiteral("invalid_token"));
    QVERIFY(reply.headers.value("www-authenticate")
                .startsWith("Bearer error=\"invalid_token\", error_description=\""));

    // A token this server never issued, though well formed and signed.
    const QJsonObject claims{{QStringLiteral("iss"), baseUrl()},
                             {QStringLiteral("aud"), baseUrl()},
                             {QStringLiteral("cid"), m_clientId},
                             {QStringLiteral("sub"), m_clientId},
                             {QStringLiteral("scp"), QJsonArray{auth::kInvokeScope}},
                             {QStringLiteral("iat"), QDateTime::currentSecsSinceEpoch()},
                             {QStringLiteral("exp"), QDateTime::currentSecsSinceEpoch() + 600}};
    auto forged = m_clientKey.signCompact(QStringLiteral("RS256"),
                                          QJsonDocument(claims).toJson(QJsonDocument::Compact));
    QVERIFY(forged);
    reply = invoke("Bearer " + *forged);
    QCOMPARE(reply.status, 401);
    QVERIFY(reply.json()
                .value(QLatin1String("error_description"))
                .toString()
                .contains(QLatin1String("unknown key")));
}

void TestOAuthRoutes::revokedScopeIsRefusedAtOnce()
{
    const QByteArray accessToken =
        requestToken().json().value(QLatin1String("access_token")).toString().toLatin1();
    QCOMPARE(invoke("Bearer " + accessToken).status, 200);
    QVERIFY(m_workspace.revokeScope(m_clientId, auth::kInvokeScope));
    applyWorkspace();
    const Reply reply = invoke("Bearer " + accessToken);
    QCOMPARE(reply.status, 403);
    QCOMPARE(reply.json().value(QLatin1String("error")).toString(), QStringLiteral("insufficient_scope"));
    // And no new token with that scope.
    const Reply token = requestToken();
    QCOMPARE(token.status, 400);
    QCOMPARE(token.json().value(QLatin1String("error")).toString(), QStringLiteral("invalid_scope"));
    QVERIFY(m_workspace.grantScope(m_clientId, auth::kInvokeScope));
    applyWorkspace();
}

QTEST_GUILESS_MAIN(TestOAuthRoutes)
#include "tst_oauthroutes.moc"
