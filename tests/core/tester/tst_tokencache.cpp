// The request tester's token cache (what a token is cached under, how long it is reused, what is
// never stored) on a clock the test sets, and decodeJwtForDisplay() on well-formed and malformed
// input. A token the server really issued is decoded in tst_requestrunnerauth.

#include "auth/Jose.h"
#include "tester/TokenCache.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace wf;
using namespace wf::tester;

namespace {

const QDateTime kStart = QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5), Qt::UTC);

TokenResult grantedToken(const QString &accessToken, qint64 expiresIn)
{
    TokenResult result;
    result.ok = true;
    result.accessToken = accessToken;
    result.tokenType = QStringLiteral("Bearer");
    result.expiresIn = expiresIn;
    result.scope = auth::kInvokeScope;
    result.httpStatus = 200;
    result.assertionClaims = QJsonObject{{QStringLiteral("iss"), QStringLiteral("0oaClient")}};
    return result;
}

TokenRequest tokenRequest(const QString &tokenUrl, const QString &clientId, const QString &kid,
                          const QString &scope)
{
    TokenRequest request;
    request.tokenUrl = tokenUrl;
    request.clientId = clientId;
    if (!kid.isEmpty()) {
        auto key = auth::Key::generate(auth::KeyType::EcP256);
        if (key)
            request.privateKey = key->withKid(kid);
    }
    request.scope = scope;
    return request;
}

QByteArray part(const QByteArray &json)
{
    return auth::base64UrlEncode(json);
}

} // namespace

class TestTokenCache final : public QObject {
    Q_OBJECT

private slots:
    void keyNamesEveryPart_data();
    void keyNamesEveryPart();
    void reuseUntilShortlyBeforeExpiry_data();
    void reuseUntilShortlyBeforeExpiry();
    void storeKeepsTheAnswer();
    void storeIgnoresFailures();
    void invalidateAndClear();
    void clockIsReadInUtc();
    void decodeWellFormed();
    void decodeMalformed_data();
    void decodeMalformed();
};

void TestTokenCache::keyNamesEveryPart_data()
{
    QTest::addColumn<QStringList>("first"); // token URL, client id, kid, scope
    QTest::addColumn<QStringList>("second");
    QTest::addColumn<bool>("same");
    const QStringList base{QStringLiteral("http://127.0.0.1:8787/oauth2/v1/token"), QStringLiteral("0oaA"),
                           QStringLiteral("kid1"), auth::kInvokeScope};
    auto with = [&](int index, const QString &value) {
        QStringList changed = base;
        changed[index] = value;
        return changed;
    };
    QTest::addRow("same request") << base << base << true;
    QTest::addRow("other token URL") << base
                                     << with(0, QStringLiteral("http://127.0.0.1:9999/oauth2/v1/token"))
                                     << false;
    QTest::addRow("other client") << base << with(1, QStringLiteral("0oaB")) << false;
    QTest::addRow("other kid") << base << with(2, QStringLiteral("kid2")) << false;
    QTest::addRow("no kid") << base << with(2, QString()) << false;
    QTest::addRow("other scope") << base << with(3, QStringLiteral("okta.workflows.read")) << false;
    // Parts that would run together if they were simply concatenated.
    QTest::addRow("shifted boundary")
        << QStringList{QStringLiteral("a|b"), QStringLiteral("c"), QString(), QString()}
        << QStringList{QStringLiteral("a"), QStringLiteral("b|c"), QString(), QString()} << false;
}

void TestTokenCache::keyNamesEveryPart()
{
    QFETCH(QStringList, first);
    QFETCH(QStringList, second);
    QFETCH(bool, same);
    const TokenRequest a = tokenRequest(first.at(0), first.at(1), first.at(2), first.at(3));
    TokenRequest b = tokenRequest(second.at(0), second.at(1), second.at(2), second.at(3));
    if (first.at(2) == second.at(2))
        b.privateKey = a.privateKey;
    QCOMPARE(TokenCache::keyFor(a) == TokenCache::keyFor(b), same);
    // The key is about what is asked for, not how long one waits for it.
    b.timeoutMs = a.timeoutMs + 1;
    b.insecure = !a.insecure;
    QCOMPARE(TokenCache::keyFor(a) == TokenCache::keyFor(b), same);
}

void TestTokenCache::reuseUntilShortlyBeforeExpiry_data()
{
    QTest::addColumn<qint64>("expiresIn");
    QTest::addColumn<qint64>("laterSeconds");
    QTest::addColumn<bool>("found");
    QTest::addRow("just fetched") << qint64(3600) << qint64(0) << true;
    QTest::addRow("an hour less 31 s") << qint64(3600) << qint64(3569) << true;
    QTest::addRow("an hour less 30 s") << qint64(3600) << qint64(3570) << false;
    QTest::addRow("expired") << qint64(3600) << qint64(7200) << false;
    QTest::addRow("lifetime within the margin") << qint64(30) << qint64(0) << false;
    QTest::addRow("no lifetime") << qint64(0) << qint64(0) << false;
    QTest::addRow("clock set back") << qint64(3600) << qint64(-600) << true;
}

void TestTokenCache::reuseUntilShortlyBeforeExpiry()
{
    QFETCH(qint64, expiresIn);
    QFETCH(qint64, laterSeconds);
    QFETCH(bool, found);
    TokenCache cache;
    QDateTime now = kStart;
    cache.setClock([&now] { return now; });
    cache.store(QStringLiteral("k"), grantedToken(QStringLiteral("tok"), expiresIn));
    now = kStart.addSecs(laterSeconds);
    const auto token = cache.find(QStringLiteral("k"));
    QCOMPARE(token.has_value(), found);
    if (found)
        QCOMPARE(token->accessToken, QStringLiteral("tok"));
    QVERIFY(!cache.find(QStringLiteral("other")).has_value());
}

void TestTokenCache::storeKeepsTheAnswer()
{
    TokenCache cache;
    cache.setClock([] { return kStart; });
    const TokenResult granted = grantedToken(QStringLiteral("first"), 3600);
    cache.store(QStringLiteral("k"), granted);
    auto token = cache.find(QStringLiteral("k"));
    QVERIFY(token.has_value());
    QCOMPARE(token->accessToken, QStringLiteral("first"));
    QCOMPARE(token->fetchedAt, kStart);
    QCOMPARE(token->expiresAt, kStart.addSecs(3600));
    QCOMPARE(token->expiresAt.timeSpec(), Qt::UTC);
    QCOMPARE(token->result.scope, granted.scope);
    QCOMPARE(token->result.assertionClaims, granted.assertionClaims);

    cache.store(QStringLiteral("k"), grantedToken(QStringLiteral("second"), 600));
    token = cache.find(QStringLiteral("k"));
    QVERIFY(token.has_value());
    QCOMPARE(token->accessToken, QStringLiteral("second"));
    QCOMPARE(token->expiresAt, kStart.addSecs(600));
}

void TestTokenCache::storeIgnoresFailures()
{
    TokenCache cache;
    cache.store(QStringLiteral("k"), grantedToken(QStringLiteral("kept"), 3600));
    TokenResult refused;
    refused.error = QStringLiteral("invalid_client");
    refused.httpStatus = 401;
    cache.store(QStringLiteral("k"), refused);
    cache.store(QStringLiteral("empty"), grantedToken(QString(), 3600));
    QCOMPARE(cache.find(QStringLiteral("k"))->accessToken, QStringLiteral("kept"));
    QVERIFY(!cache.find(QStringLiteral("empty")).has_value());
}

void TestTokenCache::invalidateAndClear()
{
    TokenCache cache;
    cache.store(QStringLiteral("a"), grantedToken(QStringLiteral("ta"), 3600));
    cache.store(QStringLiteral("b"), grantedToken(QStringLiteral("tb"), 3600));
    cache.invalidate(QStringLiteral("a"));
    QVERIFY(!cache.find(QStringLiteral("a")).has_value());
    QVERIFY(cache.find(QStringLiteral("b")).has_value());
    cache.invalidate(QStringLiteral("missing"));
    cache.clear();
    QVERIFY(!cache.find(QStringLiteral("b")).has_value());
}

void TestTokenCache::clockIsReadInUtc()
{
    TokenCache cache;
    const QDateTime before = QDateTime::currentDateTimeUtc();
    QVERIFY(cache.now() >= before);
    QCOMPARE(cache.now().timeSpec(), Qt::UTC);
    const QDateTime offset = QDateTime(QDate(2030, 1, 2), QTime(5, 4, 5), Qt::OffsetFromUTC, 7200);
    cache.setClock([offset] { return offset; });
    QCOMPARE(cache.now(), kStart);
    QCOMPARE(cache.now().timeSpec(), Qt::UTC);
    cache.setClock({});
    QVERIFY(cache.now() >= before);
}

void TestTokenCache::decodeWellFormed()
{
    const QByteArray jwt = part("{\"alg\":\"RS256\",\"kid\":\"k1\",\"typ\":\"JWT\"}") + '.' +
                           part("{\"sub\":\"0oaX\",\"scp\":[\"a\",\"b\"],\"exp\":1900000000}") + '.' +
                           part("not really a signature");
    const auto decoded = decodeJwtForDisplay(jwt + "\n");
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
    QCOMPARE(decoded->header.value(QLatin1String("alg")).toString(), QStringLiteral("RS256"));
    QCOMPARE(decoded->header.value(QLatin1String("kid")).toString(), QStringLiteral("k1"));
    QCOMPARE(decoded->claims.value(QLatin1String("sub")).toString(), QStringLiteral("0oaX"));
    QCOMPARE(decoded->claims.value(QLatin1String("exp")).toInteger(), 1900000000);
    QCOMPARE(decoded->claims.value(QLatin1String("scp")).toArray().size(), 2);
    // An unsigned token (empty signature) is still shown.
    QVERIFY(decodeJwtForDisplay(part("{\"alg\":\"none\"}") + '.' + part("{}") + '.').ok());
}

void TestTokenCache::decodeMalformed_data()
{
    QTest::addColumn<QByteArray>("jwt");
    QTest::addColumn<QString>("error");
    const QByteArray header = part("{\"alg\":\"RS256\"}");
    const QByteArray claims = part("{\"sub\":\"x\"}");
    QTest::addRow("empty") << QByteArray() << "three parts separated by dots; this has 1";
    QTest::addRow("one part") << QByteArray("abc") << "this has 1";
    QTest::addRow("two parts") << header + '.' + claims << "this has 2";
    QTest::addRow("four parts") << header + '.' + claims + ".c2ln.c2ln"
                                << "this has 4";
    QTest::addRow("header not base64url") << "@@." + claims + ".c2ln"
                                          << "header is not valid base64url";
    QTest::addRow("padded base64") << header + "==." + claims + ".c2ln"
                                   << "header is not valid base64url";
    QTest::addRow("header not JSON") << part("not json") + '.' + claims + ".c2ln"
                                     << "header is not JSON";
    QTest::addRow("empty header") << '.' + claims + ".c2ln"
                                  << "header is not JSON";
    QTest::addRow("header an array") << part("[1,2]") + '.' + claims + ".c2ln"
                                     << "header is not a JSON object";
    QTest::addRow("claims not base64url") << header + ".a+b/.c2ln"
                                          << "claims part is not valid base64url";
    QTest::addRow("claims a string") << header + '.' + part("\"text\"") + ".c2ln"
                                     << "claims part is not";
    QTest::addRow("claims an array") << header + '.' + part("[]") + ".c2ln"
                                     << "claims part is not a JSON object";
    QTest::addRow("signature not base64url") << header + '.' + claims + ".sig!"
                                             << "signature is not valid base64url";
}

void TestTokenCache::decodeMalformed()
{
    QFETCH(QByteArray, jwt);
    QFETCH(QString, error);
    const auto decoded = decodeJwtForDisplay(jwt);
    QVERIFY(!decoded.ok());
    QVERIFY2(decoded.error().message.contains(error), qPrintable(decoded.error().message));
    QCOMPARE(decoded.error().type, ErrorType::InvalidInput);
}

QTEST_GUILESS_MAIN(TestTokenCache)
#include "tst_tokencache.moc"
