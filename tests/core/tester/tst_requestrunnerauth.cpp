// The request runner's OAuth 2.0 path over real sockets, against WorkspaceServers on port 0 with
// the sample workspace: a token fetched once and then taken from the cache (the server's own record
// shows no second token request), a new one past expiry, one retry when the server refuses a cached
// token and no second, fetchToken() from the cache, forced and refused, a token the server issued
// decoded for display, cancels and timeouts during the token fetch, and no secret in any log line.

#include "RunnerTestSupport.h"

#include <QJsonArray>
#include <QTest>

using namespace wf::tester;
using wf::testertest::kWaitMs;
using wf::testertest::RawServer;
using wf::testertest::RunnerProbe;
using Phase = RequestRunner::Phase;

namespace {

const QByteArray kTokenPath = QByteArrayLiteral("/oauth2/v1/token");

QStringList g_messages;
void collectMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_messages.append(message);
}

QByteArray headerValue(const HeaderList &headers, const QByteArray &name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace

class TestRequestRunnerAuth final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void tokenFetchedThenCachedThenRenewed();
    void accessTokenDecodesForDisplay();
    void refusedCachedTokenIsReplacedOnce();
    void secondRefusalIsTheAnswer();
    void fetchTokenFromCacheOrNew();
    void fetchTokenRefused();
    void tokenFailureStopsTheRequest();
    void oauthNeedsCredentials();
    void invalidDocumentFetchesNoToken();
    void cancelDuringTokenFetch();
    void cancelFetchToken();
    void timeoutDuringTokenFetch();
    void secretsNeverLogged();

private:
    RunResult run(const RequestDocument &document, const SendOptions &options);
    std::pair<TokenResult, bool> fetch(const OAuthCredentials &credentials, bool forceNew);
    RequestDocument oauthDocument() const;
    SendOptions oauthOptions() { return optionsWith(m_served.credentials()); }
    static SendOptions optionsWith(const OAuthCredentials &credentials);
    QByteArray invokePath() const { return m_served.invokePath(QStringLiteral("customer-oauth")).toLatin1(); }

    QTemporaryDir m_dir;
    wf::testertest::ServedWorkspace m_served;
    wf::testertest::ServedWorkspace m_otherIssuer; // another workspace: its tokens mean nothing to m_served
    Variables m_variables;
    std::unique_ptr<RequestRunner> m_runner;
};

void TestRequestRunnerAuth::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error = m_served.start(m_dir.filePath(QStringLiteral("ws")));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = m_otherIssuer.start(m_dir.filePath(QStringLiteral("other")));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!m_served.credentials().privateKey.isNull());
    QVERIFY(!m_otherIssuer.credentials().privateKey.isNull());
    m_variables.set(QStringLiteral("baseUrl"), m_served.baseUrl());
}

void TestRequestRunnerAuth::init()
{
    m_runner = std::make_unique<RequestRunner>();
}

void TestRequestRunnerAuth::cleanup()
{
    m_runner.reset();
}

RunResult TestRequestRunnerAuth::run(const RequestDocument &document, const SendOptions &options)
{
    RunnerProbe probe(*m_runner);
    m_runner->send(document, m_variables, options);
    if (!probe.results.isEmpty()) {
        qWarning("finished() came during send()");
        return {};
    }
    if (!QTest::qWaitFor([&] { return !probe.results.isEmpty(); }, kWaitMs)) {
        qWarning("no finished() within %d ms", kWaitMs);
        return {};
    }
    return probe.results.constFirst();
}

std::pair<TokenResult, bool> TestRequestRunnerAuth::fetch(const OAuthCredentials &credentials, bool forceNew)
{
    RunnerProbe probe(*m_runner);
    m_runner->fetchToken(credentials, forceNew);
    if (!probe.tokens.isEmpty()) {
        qWarning("tokenFetched() came during fetchToken()");
        return {};
    }
    if (!QTest::qWaitFor([&] { return !probe.tokens.isEmpty(); }, kWaitMs)) {
        qWarning("no tokenFetched() within %d ms", kWaitMs);
        return {};
    }
    return probe.tokens.constFirst();
}

RequestDocument TestRequestRunnerAuth::oauthDocument() const
{
    RequestDocument document;
    document.method = QStringLiteral("GET");
    document.url = QStringLiteral("{{baseUrl}}") + m_served.invokePath(QStringLiteral("customer-oauth"));
    document.query.append({QStringLiteral("id"), QStringLiteral("42")});
    document.auth.mode = AuthMode::OAuth2;
    return document;
}

SendOptions TestRequestRunnerAuth::optionsWith(const OAuthCredentials &credentials)
{
    SendOptions options;
    options.oauth = credentials;
    return options;
}

void TestRequestRunnerAuth::tokenFetchedThenCachedThenRenewed()
{
    const qsizetype tokensBefore = m_served.count(kTokenPath);
    RunnerProbe probe(*m_runner);
    const RunResult first = run(oauthDocument(), oauthOptions());
    QCOMPARE(runOutcomeName(first.outcome), runOutcomeName(RunOutcome::Answered));
    QCOMPARE(first.status, 200);
    QVERIFY2(first.body.contains("Ada Lovelace"), first.body.constData());
    QVERIFY(!first.executionId.isEmpty());
    QVERIFY(first.token.has_value());
    QVERIFY(!first.tokenFromCache);
    QVERIFY(!first.retriedAfter401);
    QVERIFY2(first.timing.tokenMs > 0, qPrintable(QString::number(first.timing.tokenMs)));
    QVERIFY(first.timing.dnsMs >= first.timing.tokenMs);
    QVERIFY(first.timing.connectMs >= first.timing.dnsMs);
    QVERIFY(first.timing.firstByteMs >= first.timing.connectMs);
    QVERIFY(first.timing.totalMs >= first.timing.firstByteMs);
    QCOMPARE(headerValue(first.sent.headers, "Authorization"),
             "Bearer " + first.token->accessToken.toLatin1());
    QCOMPARE(first.token->result.assertionClaims.value(QLatin1String("iss")).toString(),
             m_served.credentials().clientId);
    QCOMPARE(first.token->expiresAt, first.token->fetchedAt.addSecs(3600));
    QCOMPARE(m_served.count(kTokenPath), tokensBefore + 1);
    QCOMPARE(probe.phases,
             (QList<Phase>{Phase::FetchingToken, Phase::Sending, Phase::Receiving, Phase::Idle}));

    const RunResult second = run(oauthDocument(), oauthOptions());
    QCOMPARE(second.status, 200);
    QVERIFY(second.tokenFromCache);
    QCOMPARE(second.timing.tokenMs, 0);
    QCOMPARE(second.token->accessToken, first.token->accessToken);
    QCOMPARE(m_served.count(kTokenPath), tokensBefore + 1); // no token request reached the server

    // Past expiry (less the margin) the cached token is not used any more.
    const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(3600 - TokenCache::kExpiryMarginSeconds);
    m_runner->tokenCache().setClock([later] { return later; });
    const RunResult third = run(oauthDocument(), oauthOptions());
    QCOMPARE(third.status, 200);
    QVERIFY(!third.tokenFromCache);
    QVERIFY(third.timing.tokenMs > 0);
    QVERIFY(third.token->accessToken != first.token->accessToken);
    QCOMPARE(third.token->fetchedAt, later);
    QCOMPARE(m_served.count(kTokenPath), tokensBefore + 2);
    QCOMPARE(m_served.statuses(invokePath()).mid(m_served.statuses(invokePath()).size() - 3),
             (QList<int>{200, 200, 200}));
}

void TestRequestRunnerAuth::accessTokenDecodesForDisplay()
{
    const RunResult result = run(oauthDocument(), oauthOptions());
    QVERIFY(result.token.has_value());
    const auto decoded = decodeJwtForDisplay(result.token->accessToken.toLatin1());
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
    QCOMPARE(decoded->header.value(QLatin1String("alg")).toString(), QStringLiteral("RS256"));
    const QString kid = decoded->header.value(QLatin1String("kid")).toString();
    QVERIFY(!kid.isEmpty());
    bool published = false;
    for (const wf::auth::SigningKeyInfo &signingKey : m_served.server->workspace().signingKeys())
        published = published || signingKey.kid == kid;
    QVERIFY(published);
    const QJsonObject &claims = decoded->claims;
    QCOMPARE(claims.value(QLatin1String("iss")).toString(), m_served.baseUrl());
    QCOMPARE(claims.value(QLatin1String("cid")).toString(), m_served.credentials().clientId);
    QCOMPARE(claims.value(QLatin1String("sub")).toString(), m_served.credentials().clientId);
    QVERIFY(claims.value(QLatin1String("scp")).toArray().contains(wf::auth::kInvokeScope));
    QCOMPARE(claims.value(QLatin1String("exp")).toInteger() - claims.value(QLatin1String("iat")).toInteger(),
             3600);
}

void TestRequestRunnerAuth::refusedCachedTokenIsReplacedOnce()
{
    const OAuthCredentials credentials = m_served.credentials();
    TokenRequest request;
    request.tokenUrl = credentials.tokenUrl;
    request.clientId = credentials.clientId;
    request.privateKey = credentials.privateKey;
    request.scope = credentials.scope;
    const QString key = TokenCache::keyFor(request);
    TokenResult bogus;
    bogus.ok = true;
    bogus.accessToken = QStringLiteral("bogus.cached.token");
    bogus.expiresIn = 3600;
    m_runner->tokenCache().store(key, bogus);

    const qsizetype tokensBefore = m_served.count(kTokenPath);
    const qsizetype invokesBefore = m_served.statuses(invokePath()).size();
    RunnerProbe probe(*m_runner);
    const RunResult result = run(oauthDocument(), optionsWith(credentials));
    QCOMPARE(runOutcomeName(result.outcome), runOutcomeName(RunOutcome::Answered));
    QCOMPARE(result.status, 200);
    QVERIFY(result.retriedAfter401);
    QVERIFY(!result.tokenFromCache);
    QVERIFY(result.timing.tokenMs > 0);
    QVERIFY(result.token->accessToken != bogus.accessToken);
    QCOMPARE(headerValue(result.sent.headers, "Authorization"),
             "Bearer " + result.token->accessToken.toLatin1());
    QCOMPARE(m_served.count(kTokenPath), tokensBefore + 1);
    QCOMPARE(m_served.statuses(invokePath()).mid(invokesBefore), (QList<int>{401, 200}));
    QCOMPARE(m_runner->tokenCache().find(key)->accessToken, result.token->accessToken);
    QCOMPARE(probe.results.size(), 1);
    QCOMPARE(probe.phases, (QList<Phase>{Phase::Sending, Phase::Receiving, Phase::FetchingToken,
                                         Phase::Sending, Phase::Receiving, Phase::Idle}));
}

void TestRequestRunnerAuth::secondRefusalIsTheAnswer()
{
    // Tokens of another server: valid there, refused by this one every time.
    OAuthCredentials credentials = m_otherIssuer.credentials();
    const qsizetype tokensBefore = m_otherIssuer.count(kTokenPath);
    const qsizetype invokesBefore = m_served.statuses(invokePath()).size();
    const RunResult result = run(oauthDocument(), optionsWith(credentials));
    QCOMPARE(runOutcomeName(result.outcome), runOutcomeName(RunOutcome::Answered));
    QCOMPARE(result.status, 401);
    QVERIFY(result.retriedAfter401);
    QVERIFY2(result.body.contains("invalid_token"), result.body.constData());
    QCOMPARE(m_otherIssuer.count(kTokenPath), tokensBefore + 2);
    QCOMPARE(m_served.statuses(invokePath()).mid(invokesBefore), (QList<int>{401, 401}));
}

void TestRequestRunnerAuth::fetchTokenFromCacheOrNew()
{
    const OAuthCredentials credentials = m_served.credentials();
    const qsizetype tokensBefore = m_served.count(kTokenPath);
    const auto [first, firstFromCache] = fetch(credentials, false);
    QVERIFY2(first.ok, qPrintable(first.message));
    QVERIFY(!firstFromCache);
    QCOMPARE(first.httpStatus, 200);
    QCOMPARE(first.assertionClaims.value(QLatin1String("aud")).toString(), credentials.tokenUrl);
    QCOMPARE(m_served.count(kTokenPath), tokensBefore + 1);

    const auto [cached, cachedFromCache] = fetch(credentials, false);
    QVERIFY(cached.ok);
    QVERIFY(cachedFromCache);
    QCOMPARE(cached.accessToken, first.accessToken);
    QCOMPARE(m_served.count(kTokenPath), tokensBefore + 1);

    const auto [forced, forcedFromCache] = fetch(credentials, true);
    QVERIFY(forced.ok);
    QVERIFY(!forcedFromCache);
    QVERIFY(forced.accessToken != first.accessToken);
    QCOMPARE(m_served.count(kTokenPath), tokensBefore + 2);

    // send() uses what fetchToken() put in the cache.
    const RunResult result = run(oauthDocument(), optionsWith(credentials));
    QVERIFY(result.tokenFromCache);
    QCOMPARE(result.token->accessToken, forced.accessToken);
}

void TestRequestRunnerAuth::fetchTokenRefused()
{
    OAuthCredentials credentials = m_served.credentials();
    credentials.clientId = QStringLiteral("0oaNoSuchClient00000");
    const qsizetype tokensBefore = m_served.count(kTokenPath);
    const auto [refused, fromCache] = fetch(credentials, false);
    QVERIFY(!refused.ok);
    QVERIFY(!fromCache);
    QCOMPARE(refused.httpStatus, 401);
    QCOMPARE(refused.error, QStringLiteral("invalid_client"));
    QVERIFY(!refused.message.isEmpty());
    QVERIFY(refused.accessToken.isEmpty());
    QCOMPARE(m_served.count(kTokenPath), tokensBefore + 1);
    // Nothing cached: asking again asks the server again.
    const auto [again, againFromCache] = fetch(credentials, false);
    QVERIFY(!again.ok);
    QVERIFY(!againFromCache);
    QCOMPARE(m_served.count(kTokenPath), tokensBefore + 2);
}

void TestRequestRunnerAuth::tokenFailureStopsTheRequest()
{
    OAuthCredentials credentials = m_served.credentials();
    credentials.clientId = QStringLiteral("0oaNoSuchClient00000");
    const qsizetype invokesBefore = m_served.count(invokePath());
    const RunResult result = run(oauthDocument(), optionsWith(credentials));
    QCOMPARE(runOutcomeName(result.outcome), runOutcomeName(RunOutcome::TokenFailed));
    QVERIFY(result.tokenFailure.has_value());
    QCOMPARE(result.tokenFailure->error, QStringLiteral("invalid_client"));
    QCOMPARE(result.message, result.tokenFailure->message);
    QVERIFY(!result.token.has_value());
    QCOMPARE(result.status, 0);
    QVERIFY(result.sent.method.isEmpty());
    QVERIFY(result.timing.tokenMs > 0);
    QCOMPARE(m_served.count(invokePath()), invokesBefore);
}

void TestRequestRunnerAuth::oauthNeedsCredentials()
{
    const qsizetype servedBefore = m_served.requests.size();
    const RunResult result = run(oauthDocument(), SendOptions());
    QCOMPARE(runOutcomeName(result.outcome), runOutcomeName(RunOutcome::InvalidRequest));
    QVERIFY2(result.message.contains(QLatin1String("private key")), qPrintable(result.message));
    QCOMPARE(m_served.requests.size(), servedBefore);
}

void TestRequestRunnerAuth::invalidDocumentFetchesNoToken()
{
    RequestDocument document = oauthDocument();
    document.headers.append({QStringLiteral("X-Trace"), QStringLiteral("{{traceId}}")});
    const qsizetype servedBefore = m_served.requests.size();
    RunnerProbe probe(*m_runner);
    const RunResult result = run(document, oauthOptions());
    QCOMPARE(runOutcomeName(result.outcome), runOutcomeName(RunOutcome::InvalidRequest));
    QVERIFY2(result.message.contains(QLatin1String("{{traceId}}")), qPrintable(result.message));
    QVERIFY(!result.token.has_value());
    QCOMPARE(m_served.requests.size(), servedBefore);
    QVERIFY(!probe.phases.contains(Phase::FetchingToken));
}

void TestRequestRunnerAuth::cancelDuringTokenFetch()
{
    RawServer silent(new QTcpServer);
    QVERIFY(silent.listen());
    OAuthCredentials credentials = m_served.credentials();
    credentials.tokenUrl = silent.url() + QString::fromLatin1(kTokenPath);
    RunnerProbe probe(*m_runner);
    m_runner->send(oauthDocument(), m_variables, optionsWith(credentials));
    QCOMPARE(m_runner->phase(), Phase::FetchingToken);
    QTRY_COMPARE_WITH_TIMEOUT(silent.requestHeads, 1, kWaitMs);
    m_runner->cancel();
    QVERIFY(!m_runner->isBusy());
    QCOMPARE(m_runner->phase(), Phase::Idle);
    QTRY_COMPARE_WITH_TIMEOUT(probe.results.size(), 1, kWaitMs);
    const RunResult &cancelled = probe.results.constFirst();
    QCOMPARE(runOutcomeName(cancelled.outcome), runOutcomeName(RunOutcome::Cancelled));
    QVERIFY(!cancelled.token.has_value());
    // The token request is abandoned at once, not left to run.
    QTRY_COMPARE_WITH_TIMEOUT(silent.disconnected, 1, kWaitMs);

    // The runner goes on working, and nothing late from the cancelled request shows up.
    const RunResult next = run(oauthDocument(), oauthOptions());
    QCOMPARE(next.status, 200);
    QCOMPARE(probe.results.size(), 2);
    QVERIFY(probe.tokens.isEmpty());
}

void TestRequestRunnerAuth::cancelFetchToken()
{
    RawServer silent(new QTcpServer);
    QVERIFY(silent.listen());
    OAuthCredentials credentials = m_served.credentials();
    credentials.tokenUrl = silent.url() + QString::fromLatin1(kTokenPath);
    RunnerProbe probe(*m_runner);
    m_runner->fetchToken(credentials, false);
    QVERIFY(m_runner->isBusy());
    QTRY_COMPARE_WITH_TIMEOUT(silent.requestHeads, 1, kWaitMs);
    m_runner->cancel();
    QVERIFY(!m_runner->isBusy());
    QTRY_COMPARE_WITH_TIMEOUT(probe.tokens.size(), 1, kWaitMs);
    QVERIFY(!probe.tokens.constFirst().first.ok);
    QCOMPARE(probe.tokens.constFirst().first.error, QStringLiteral("cancelled"));
    QVERIFY(!probe.tokens.constFirst().second);
    QTRY_COMPARE_WITH_TIMEOUT(silent.disconnected, 1, kWaitMs);

    // A send() while a fetchToken() runs cancels the fetch.
    m_runner->fetchToken(credentials, false);
    QTRY_COMPARE_WITH_TIMEOUT(silent.requestHeads, 2, kWaitMs);
    m_runner->send(oauthDocument(), m_variables, oauthOptions());
    QTRY_COMPARE_WITH_TIMEOUT(probe.results.size(), 1, kWaitMs);
    QCOMPARE(probe.results.constFirst().status, 200);
    QCOMPARE(probe.tokens.size(), 2);
    QCOMPARE(probe.tokens.constLast().first.error, QStringLiteral("cancelled"));
}

void TestRequestRunnerAuth::timeoutDuringTokenFetch()
{
    RawServer silent(new QTcpServer);
    QVERIFY(silent.listen());
    OAuthCredentials credentials = m_served.credentials();
    credentials.tokenUrl = silent.url() + QString::fromLatin1(kTokenPath);
    SendOptions options = optionsWith(credentials);
    options.timeoutMs = 300;
    const qsizetype invokesBefore = m_served.count(invokePath());
    const RunResult result = run(oauthDocument(), options);
    QCOMPARE(runOutcomeName(result.outcome), runOutcomeName(RunOutcome::TimedOut));
    QCOMPARE(result.message, QStringLiteral("no answer from %1 within 0.3 s").arg(silent.url()));
    QVERIFY(result.timing.totalMs >= 300);
    QCOMPARE(m_served.count(invokePath()), invokesBefore);
    QTRY_COMPARE_WITH_TIMEOUT(silent.disconnected, 1, kWaitMs);

    RunnerProbe probe(*m_runner);
    m_runner->fetchToken(credentials, true, 300);
    QTRY_COMPARE_WITH_TIMEOUT(probe.tokens.size(), 1, kWaitMs);
    QCOMPARE(probe.tokens.constFirst().first.error, QStringLiteral("timeout"));
    QCOMPARE(probe.tokens.constFirst().first.message,
             QStringLiteral("no answer from %1 within 0.3 s").arg(silent.url()));
}

void TestRequestRunnerAuth::secretsNeverLogged()
{
    const OAuthCredentials credentials = m_served.credentials();
    TokenRequest request;
    request.tokenUrl = credentials.tokenUrl;
    request.clientId = credentials.clientId;
    request.privateKey = credentials.privateKey;
    TokenResult bogus;
    bogus.ok = true;
    bogus.accessToken = QStringLiteral("bogus.logged.token");
    bogus.expiresIn = 3600;
    m_runner->tokenCache().store(TokenCache::keyFor(request), bogus);

    g_messages.clear();
    const QtMessageHandler previous = qInstallMessageHandler(collectMessage);
    const RunResult result = run(oauthDocument(), optionsWith(credentials));
    OAuthCredentials unknown = credentials;
    unknown.clientId = QStringLiteral("0oaNoSuchClient00000");
    const auto refused = fetch(unknown, true);
    qInstallMessageHandler(previous);

    QVERIFY(result.retriedAfter401);
    QVERIFY(result.token.has_value());
    QVERIFY(!refused.first.ok);
    const QString accessToken = result.token->accessToken;
    const auto pem = credentials.privateKey.privatePem();
    QVERIFY(pem.ok());
    const QString privateKey = QString::fromLatin1(*pem);
    for (const QString &message : std::as_const(g_messages)) {
        QVERIFY2(!message.contains(accessToken.section(QLatin1Char('.'), 2)), "a log line holds the token");
        QVERIFY2(!message.contains(bogus.accessToken), "a log line holds the refused token");
        QVERIFY2(!message.contains(privateKey.mid(40, 40)), "a log line holds the key");
    }
    for (const QString &text : {result.message, refused.first.message, refused.first.errorDescription})
        QVERIFY(!text.contains(accessToken));
}

QTEST_GUILESS_MAIN(TestRequestRunnerAuth)
#include "tst_requestrunnerauth.moc"
