// JWS (core/auth/Jose.h): the published RFC 7515 and RFC 7520 signatures verify and tampered copies do
// not, deterministic RS256 signatures come out byte for byte, every key type signs and verifies every
// algorithm it supports, the attack cases of PRODUCT.md §4 are refused with a precise reason that never
// echoes the input, and one shared key signs and verifies from 8 threads at once.

#include "JoseTestSupport.h"

#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <QTest>
#include <atomic>
#include <thread>
#include <vector>

using namespace wf;
using namespace wf::auth;
using namespace wf::auth::test;

namespace {

constexpr qsizetype kMaxBytes = 8192;

// A JWS made by `key` with `alg` over `payload`, or empty (after a test warning) when signing fails.
QByteArray signedWith(const Key &key, const QString &alg, const QByteArray &payload = QByteArrayLiteral("{}"))
{
    auto compact = key.signCompact(alg, payload);
    if (!compact) {
        qWarning("signing failed: %s", qPrintable(compact.error().message));
        return {};
    }
    return *compact;
}

QList<QByteArray> partsOf(const QByteArray &compact)
{
    return compact.split('.');
}

// `text` lengthened to a size no base64url encoding has (1 more than a multiple of 4).
QByteArray impossibleLength(QByteArray text)
{
    do
        text += 'A';
    while (text.size() % 4 != 1);
    return text;
}

QByteArray withSignature(const QByteArray &compact, const QByteArray &signatureText)
{
    const QList<QByteArray> parts = partsOf(compact);
    return parts.at(0) + '.' + parts.at(1) + '.' + signatureText;
}

// The signature bytes of a compact JWS, changed by `edit`.
template <typename Edit>
QByteArray withEditedSignature(const QByteArray &compact, Edit edit)
{
    QByteArray signature = *base64UrlDecode(partsOf(compact).at(2));
    edit(signature);
    return withSignature(compact, b64u(signature));
}

} // namespace

class TestJose : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void publishedSignaturesVerify_data();
    void publishedSignaturesVerify();
    void deterministicSignaturesMatchTheRfc_data();
    void deterministicSignaturesMatchTheRfc();
    void everyKeySignsEveryAlgorithm_data();
    void everyKeySignsEveryAlgorithm();
    void parseTakesTheCompactFormApart();
    void refusals_data();
    void refusals();
    void signingRefusals();
    void sharedKeyAcrossThreads();

private:
    QHash<QString, Key> m_keys; // private keys, by row name
};

void TestJose::initTestCase()
{
    for (const KeyType type :
         {KeyType::Rsa2048, KeyType::Rsa3072, KeyType::Rsa4096, KeyType::EcP256, KeyType::EcP384}) {
        auto key = Key::generate(type);
        QVERIFY2(key, qPrintable(key ? QString() : key.error().message));
        m_keys.insert(keyTypeId(type), *key);
    }
    auto otherRsa = Key::generate(KeyType::Rsa2048);
    auto otherEc = Key::generate(KeyType::EcP256);
    QVERIFY(otherRsa && otherEc);
    m_keys.insert(QStringLiteral("other-rsa"), otherRsa->withKid(QStringLiteral("other")));
    m_keys.insert(QStringLiteral("other-ec"), *otherEc);
    const Key p521 = keyOrFail(Key::fromJwk(vector("rfc7520_4_3").value(QLatin1String("jwk")).toObject()));
    QVERIFY(!p521.isNull());
    m_keys.insert(QStringLiteral("p521"), p521);
}

void TestJose::publishedSignaturesVerify_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("alg");
    QTest::addRow("RFC 7515 A.2 (RS256)") << QStringLiteral("rfc7515_a2") << QStringLiteral("RS256");
    QTest::addRow("RFC 7515 A.3 (ES256)") << QStringLiteral("rfc7515_a3") << QStringLiteral("ES256");
    QTest::addRow("RFC 7515 A.4 (ES512)") << QStringLiteral("rfc7515_a4") << QStringLiteral("ES512");
    QTest::addRow("RFC 7520 4.1 (RS256)") << QStringLiteral("rfc7520_4_1") << QStringLiteral("RS256");
    QTest::addRow("RFC 7520 4.3 (ES512, P-521)") << QStringLiteral("rfc7520_4_3") << QStringLiteral("ES512");
}

void TestJose::publishedSignaturesVerify()
{
    QFETCH(QString, name);
    QFETCH(QString, alg);
    const QJsonObject v = vector(name.toLatin1().constData());
    const QByteArray compact = v.value(QLatin1String("jws")).toString().toLatin1();
    const QJsonObject jwk = v.value(QLatin1String("jwk")).toObject();

    const Key privateKey = keyOrFail(Key::fromJwk(jwk));
    QVERIFY(privateKey.hasPrivate());
    const Key publicKey = keyOrFail(Key::fromJwk(privateKey.publicJwk()));
    QVERIFY(!publicKey.isNull() && !publicKey.hasPrivate());

    auto jws = Jws::parse(compact, kMaxBytes);
    QVERIFY2(jws, qPrintable(jws ? QString() : jws.error().message));
    QCOMPARE(jws->alg, alg);
    QCOMPARE(jws->kid, jwk.value(QLatin1String("kid")).toString());
    QCOMPARE(jws->payload, v.value(QLatin1String("payload")).toString().toUtf8());
    QCOMPARE(jws->signingInput, compact.left(compact.lastIndexOf('.')));
    for (const Key &key : {publicKey, privateKey}) {
        auto verified = verifyJws(*jws, key);
        QVERIFY2(verified, qPrintable(verified ? QString() : verified.error().message));
        QVERIFY(*verified);
    }

    // One byte of the payload changed, the signature kept: refused.
    QByteArray tampered = jws->payload;
    tampered[tampered.size() / 2] = static_cast<char>(tampered.at(tampered.size() / 2) ^ 0x01);
    const QList<QByteArray> parts = partsOf(compact);
    auto forged = Jws::parse(parts.at(0) + '.' + b64u(tampered) + '.' + parts.at(2), kMaxBytes);
    QVERIFY(forged);
    auto refused = verifyJws(*forged, publicKey);
    QVERIFY(!refused);
    QCOMPARE(refused.error().type, ErrorType::InvalidInput);
    QCOMPARE(refused.error().message, QStringLiteral("the signature does not verify with the key"));

    // The same signature does not verify with another key of the same type.
    const Key other = alg.startsWith(QLatin1String("RS")) ? m_keys.value(QStringLiteral("other-rsa"))
                      : alg == QLatin1String("ES256")     ? m_keys.value(QStringLiteral("other-ec"))
                                                          : Key();
    if (!other.isNull())
        QVERIFY(!verifyJws(*jws, other));
}

void TestJose::deterministicSignaturesMatchTheRfc_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("withoutFactors");
    QTest::addRow("RFC 7515 A.2") << QStringLiteral("rfc7515_a2") << false;
    QTest::addRow("RFC 7515 A.2, d without p, q, dp, dq, qi") << QStringLiteral("rfc7515_a2") << true;
    QTest::addRow("RFC 7520 4.1") << QStringLiteral("rfc7520_4_1") << false;
}

void TestJose::deterministicSignaturesMatchTheRfc()
{
    QFETCH(QString, name);
    QFETCH(bool, withoutFactors);
    const QJsonObject v = vector(name.toLatin1().constData());
    QJsonObject jwk = v.value(QLatin1String("jwk")).toObject();
    if (withoutFactors) {
        for (const char *member : {"p", "q", "dp", "dq", "qi"})
            jwk.remove(QLatin1String(member));
    }
    const Key key = keyOrFail(Key::fromJwk(jwk));
    QVERIFY(key.hasPrivate());
    // RS256 (RSASSA-PKCS1-v1_5) is deterministic, and the header is {"alg":"RS256"} plus the kid the
    // JWK has: the whole compact form must come out as published.
    auto compact =
        key.signCompact(QStringLiteral("RS256"), v.value(QLatin1String("payload")).toString().toUtf8());
    QVERIFY2(compact, qPrintable(compact ? QString() : compact.error().message));
    QCOMPARE(*compact, v.value(QLatin1String("jws")).toString().toLatin1());

    // The private JWK gives back what it was made of; PEM needs the primes.
    QJsonObject expected = jwk;
    expected.remove(QLatin1String("use")); // not kept
    QCOMPARE(*key.privateJwk(), expected);
    QCOMPARE(key.privatePem().ok(), !withoutFactors);
}

void TestJose::everyKeySignsEveryAlgorithm_data()
{
    QTest::addColumn<QString>("keyName");
    QTest::addColumn<QString>("alg");
    QTest::addColumn<int>("signatureBytes");
    for (const char *keyName : {"rsa", "rsa3072", "rsa4096"}) {
        const int bytes = m_keys.value(QLatin1String(keyName)).bits() / 8;
        for (const char *alg : {"RS256", "RS384", "RS512"})
            QTest::addRow("%s/%s", keyName, alg)
                << QString::fromLatin1(keyName) << QString::fromLatin1(alg) << bytes;
    }
    QTest::addRow("ec/ES256") << QStringLiteral("ec") << QStringLiteral("ES256") << 64;
    QTest::addRow("ec384/ES384") << QStringLiteral("ec384") << QStringLiteral("ES384") << 96;
    QTest::addRow("p521/ES512") << QStringLiteral("p521") << QStringLiteral("ES512") << 132;
}

void TestJose::everyKeySignsEveryAlgorithm()
{
    QFETCH(QString, keyName);
    QFETCH(QString, alg);
    QFETCH(int, signatureBytes);
    const Key key = m_keys.value(keyName).withKid(QStringLiteral("kid-") + keyName);
    QVERIFY(key.supportsAlgorithm(alg));
    QVERIFY(key.algorithms().contains(alg));
    const QByteArray payload = QByteArrayLiteral("{\"sub\":\"0oa123\",\"note\":\"caf\xc3\xa9\"}");
    auto compact = key.signCompact(alg, payload, QJsonObject{{QStringLiteral("typ"), QStringLiteral("JWT")}});
    QVERIFY2(compact, qPrintable(compact ? QString() : compact.error().message));

    auto jws = Jws::parse(*compact, kMaxBytes);
    QVERIFY2(jws, qPrintable(jws ? QString() : jws.error().message));
    QCOMPARE(jws->alg, alg);
    QCOMPARE(jws->kid, key.kid());
    QCOMPARE(jws->header, (QJsonObject{{QStringLiteral("alg"), alg},
                                       {QStringLiteral("kid"), key.kid()},
                                       {QStringLiteral("typ"), QStringLiteral("JWT")}}));
    QCOMPARE(jws->payload, payload);
    QCOMPARE(jws->signature.size(), signatureBytes);

    const Key publicKey = keyOrFail(Key::fromJwk(key.publicJwk()));
    QCOMPARE(publicKey.kid(), key.kid());
    for (const Key &verifier : {publicKey, key}) {
        auto verified = verifyJws(*jws, verifier);
        QVERIFY2(verified, qPrintable(verified ? QString() : verified.error().message));
    }
    // Two ECDSA signatures of the same input differ (random k) and both verify.
    if (key.isEc()) {
        auto again = Jws::parse(*key.signCompact(alg, payload), kMaxBytes);
        QVERIFY(again);
        QVERIFY(again->signature != jws->signature);
        QVERIFY(verifyJws(*again, publicKey));
    }
}

void TestJose::parseTakesTheCompactFormApart()
{
    const QByteArray header =
        QByteArrayLiteral("{\"alg\":\"ES256\",\"kid\":\"k1\",\"x\":{\"a\":[1,2,{\"b\":null}]}}");
    const QByteArray compact = compactOf(header, QByteArray(), QByteArray(64, '\x01'));
    auto jws = Jws::parse(compact, kMaxBytes);
    QVERIFY2(jws, qPrintable(jws ? QString() : jws.error().message));
    QCOMPARE(jws->alg, QStringLiteral("ES256"));
    QCOMPARE(jws->kid, QStringLiteral("k1"));
    QVERIFY(jws->payload.isEmpty());
    QCOMPARE(jws->signature, QByteArray(64, '\x01'));
    QCOMPARE(jws->signingInput, b64u(header) + '.');
    QCOMPARE(jws->header.value(QLatin1String("x")).toObject().value(QLatin1String("a")).toArray().size(), 3);

    // Exactly maxBytes is accepted; one more byte is not, whatever it is.
    QVERIFY(Jws::parse(compact, compact.size()));
    auto tooLong = Jws::parse(compact, compact.size() - 1);
    QVERIFY(!tooLong);
    QCOMPARE(tooLong.error().message,
             QStringLiteral("the assertion is larger than %1 bytes").arg(compact.size() - 1));
}

void TestJose::refusals_data()
{
    QTest::addColumn<QByteArray>("compact");
    QTest::addColumn<QString>("keyName");
    QTest::addColumn<bool>("parses");
    QTest::addColumn<QString>("error");

    const Key rsa = m_keys.value(QStringLiteral("rsa"));
    const Key ec = m_keys.value(QStringLiteral("ec"));
    const QByteArray rs256 = signedWith(rsa, QStringLiteral("RS256"));
    const QByteArray es256 = signedWith(ec, QStringLiteral("ES256"));
    const QByteArray payload = b64u(QByteArrayLiteral("{\"sub\":\"x\"}"));
    const auto headerOnly = [&](const QByteArray &json) -> QByteArray {
        return b64u(json) + '.' + payload + '.' + partsOf(rs256).at(2);
    };
    const QString parse = QStringLiteral("the JWS header ");

    // The algorithm and the key.
    QTest::addRow("alg none") << compactOf("{\"alg\":\"none\"}", "{}", QByteArray()) << QStringLiteral("rsa")
                              << true
                              << QStringLiteral("the JWS algorithm \"none\" is not accepted; use one of "
                                                "RS256, RS384, RS512, ES256, ES384, ES512");
    {
        const QByteArray signingInput = b64u("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + '.' + payload;
        const QByteArray mac =
            QMessageAuthenticationCode::hash(signingInput, rsa.publicPem(), QCryptographicHash::Sha256);
        QTest::addRow("HS256 keyed with the public key PEM")
            << signingInput + '.' + b64u(mac) << QStringLiteral("rsa") << true
            << QStringLiteral("the JWS algorithm \"HS256\" is not accepted; use one of RS256, RS384, RS512, "
                              "ES256, ES384, ES512");
    }
    QTest::addRow("PS256") << headerOnly("{\"alg\":\"PS256\"}") << QStringLiteral("rsa") << true
                           << QStringLiteral("the JWS algorithm \"PS256\" is not accepted; use one of RS256, "
                                             "RS384, RS512, ES256, ES384, ES512");
    QTest::addRow("lower-case rs256") << headerOnly("{\"alg\":\"rs256\"}") << QStringLiteral("rsa") << true
                                      << QStringLiteral("the JWS algorithm \"rs256\" is not accepted; use "
                                                        "one of RS256, RS384, RS512, ES256, ES384, ES512");
    QTest::addRow("RS256 header on an EC key")
        << rs256 << QStringLiteral("ec") << true
        << QStringLiteral("RS256 needs an RSA key, and the key is EC P-256");
    QTest::addRow("ES256 header on an RSA key")
        << es256 << QStringLiteral("rsa") << true
        << QStringLiteral("ES256 needs an EC P-256 key, and the key is RSA 2048");
    QTest::addRow("ES384 header on a P-256 key")
        << signedWith(m_keys.value(QStringLiteral("ec384")), QStringLiteral("ES384")) << QStringLiteral("ec")
        << true << QStringLiteral("ES384 needs an EC P-384 key, and the key is EC P-256");
    QTest::addRow("ES256 header on a P-384 key")
        << es256 << QStringLiteral("ec384") << true
        << QStringLiteral("ES256 needs an EC P-256 key, and the key is EC P-384");
    QTest::addRow("ES512 header on a P-256 key")
        << signedWith(m_keys.value(QStringLiteral("p521")), QStringLiteral("ES512")) << QStringLiteral("ec")
        << true << QStringLiteral("ES512 needs an EC P-521 key, and the key is EC P-256");

    // The signature.
    QTest::addRow("RSA signature truncated")
        << withEditedSignature(rs256, [](QByteArray &s) { s.chop(1); }) << QStringLiteral("rsa") << true
        << QStringLiteral(
               "the signature is 255 bytes; RS256 with this RSA 2048 key makes 256-byte signatures");
    QTest::addRow("RSA signature with an extra byte")
        << withEditedSignature(rs256, [](QByteArray &s) { s.append('\0'); }) << QStringLiteral("rsa") << true
        << QStringLiteral(
               "the signature is 257 bytes; RS256 with this RSA 2048 key makes 256-byte signatures");
    QTest::addRow("RSA signature with a leading zero byte")
        << withEditedSignature(rs256, [](QByteArray &s) { s.prepend('\0'); }) << QStringLiteral("rsa") << true
        << QStringLiteral(
               "the signature is 257 bytes; RS256 with this RSA 2048 key makes 256-byte signatures");
    QTest::addRow("ECDSA signature truncated")
        << withEditedSignature(es256, [](QByteArray &s) { s.chop(1); }) << QStringLiteral("ec") << true
        << QStringLiteral("the signature is 63 bytes; ES256 with this EC P-256 key makes 64-byte signatures");
    QTest::addRow("ECDSA signature with an extra byte")
        << withEditedSignature(es256, [](QByteArray &s) { s.append('\0'); }) << QStringLiteral("ec") << true
        << QStringLiteral("the signature is 65 bytes; ES256 with this EC P-256 key makes 64-byte signatures");
    QTest::addRow("ECDSA signature as DER")
        << withEditedSignature(es256, [](QByteArray &s) { s.prepend("\x30\x44\x02\x20", 4); })
        << QStringLiteral("ec") << true
        << QStringLiteral("the signature is 68 bytes; ES256 with this EC P-256 key makes 64-byte signatures");
    QTest::addRow("RSA signature with one bit flipped")
        << withEditedSignature(rs256, [](QByteArray &s) { s[10] = static_cast<char>(s.at(10) ^ 4); })
        << QStringLiteral("rsa") << true << QStringLiteral("the signature does not verify with the key");
    QTest::addRow("ECDSA signature with r and s swapped")
        << withEditedSignature(es256, [](QByteArray &s) { s = s.mid(32) + s.left(32); })
        << QStringLiteral("ec") << true << QStringLiteral("the signature does not verify with the key");
    QTest::addRow("ECDSA signature all zero")
        << withEditedSignature(es256, [](QByteArray &s) { s.fill('\0'); }) << QStringLiteral("ec") << true
        << QStringLiteral("the signature does not verify with the key");
    QTest::addRow("signature from another RSA key")
        << signedWith(m_keys.value(QStringLiteral("other-rsa")), QStringLiteral("RS256"))
        << QStringLiteral("rsa") << true << QStringLiteral("the signature does not verify with the key");
    QTest::addRow("signature from another EC key")
        << signedWith(m_keys.value(QStringLiteral("other-ec")), QStringLiteral("ES256"))
        << QStringLiteral("ec") << true << QStringLiteral("the signature does not verify with the key");
    QTest::addRow("header changed after signing")
        << headerOnly("{\"alg\":\"RS256\",\"kid\":\"x\"}") << QStringLiteral("rsa") << true
        << QStringLiteral("the signature does not verify with the key");
    QTest::addRow("empty signature")
        << withSignature(rs256, QByteArray()) << QStringLiteral("rsa") << true
        << QStringLiteral("the signature is 0 bytes; RS256 with this RSA 2048 key makes 256-byte signatures");

    // The compact form and base64url.
    QTest::addRow("2 parts")
        << partsOf(rs256).at(0) + '.' + partsOf(rs256).at(1) << QStringLiteral("rsa") << false
        << QStringLiteral("the assertion is not a JWS compact serialisation: it has 2 parts, not 3");
    QTest::addRow("4 parts")
        << rs256 + '.' << QStringLiteral("rsa") << false
        << QStringLiteral("the assertion is not a JWS compact serialisation: it has 4 parts, not 3");
    QTest::addRow("1 part") << QByteArray("not-a-jws") << QStringLiteral("rsa") << false
                            << QStringLiteral(
                                   "the assertion is not a JWS compact serialisation: it has 1 part, not 3");
    QTest::addRow("empty header") << QByteArray('.' + payload + '.') << QStringLiteral("rsa") << false
                                  << QStringLiteral("the JWS header is empty");
    QTest::addRow("padded signature") << rs256 + "==" << QStringLiteral("rsa") << false
                                      << QStringLiteral("the JWS signature is not valid base64url");
    QTest::addRow("padded payload") << partsOf(rs256).at(0) + '.' + b64u("{}") + "==." + partsOf(rs256).at(2)
                                    << QStringLiteral("rsa") << false
                                    << QStringLiteral("the JWS payload is not valid base64url");
    QTest::addRow("'+' in the signature")
        << withSignature(rs256, '+' + partsOf(rs256).at(2).mid(1)) << QStringLiteral("rsa") << false
        << QStringLiteral("the JWS signature is not valid base64url");
    QTest::addRow("'/' in the signature")
        << withSignature(rs256, '/' + partsOf(rs256).at(2).mid(1)) << QStringLiteral("rsa") << false
        << QStringLiteral("the JWS signature is not valid base64url");
    QTest::addRow("'+' in the header") << '+' + rs256.mid(1) << QStringLiteral("rsa") << false
                                       << QStringLiteral("the JWS header is not valid base64url");
    QTest::addRow("space in the payload")
        << partsOf(rs256).at(0) + ". " + payload + '.' + partsOf(rs256).at(2) << QStringLiteral("rsa")
        << false << QStringLiteral("the JWS payload is not valid base64url");
    QTest::addRow("line break in the signature")
        << rs256 + '\n'
        << QStringLiteral("rsa") << false << QStringLiteral("the JWS signature is not valid base64url");
    QTest::addRow("impossible base64url length")
        << withSignature(rs256, impossibleLength(partsOf(rs256).at(2))) << QStringLiteral("rsa") << false
        << QStringLiteral("the JWS signature is not valid base64url");
    QTest::addRow("100 KB") << QByteArray(100 * 1024, 'A') << QStringLiteral("rsa") << false
                            << QStringLiteral("the assertion is larger than 8192 bytes");
    QTest::addRow("100 KB of dots") << QByteArray(100 * 1024, '.') << QStringLiteral("rsa") << false
                                    << QStringLiteral("the assertion is larger than 8192 bytes");

    // The header.
    QTest::addRow("duplicate alg") << headerOnly("{\"alg\":\"RS256\",\"alg\":\"none\"}")
                                   << QStringLiteral("rsa") << false
                                   << parse + QStringLiteral("has a duplicate member \"alg\"");
    QTest::addRow("duplicate alg, escaped")
        << headerOnly("{\"alg\":\"RS256\",\"\\u0061lg\":\"none\"}") << QStringLiteral("rsa") << false
        << parse + QStringLiteral("has a duplicate member \"alg\"");
    QTest::addRow("duplicate member nested")
        << headerOnly("{\"alg\":\"RS256\",\"x\":[{\"k\":1,\"k\":2}]}") << QStringLiteral("rsa") << false
        << parse + QStringLiteral("has a duplicate member \"k\"");
    QTest::addRow("header an array") << headerOnly("[\"RS256\"]") << QStringLiteral("rsa") << false
                                     << parse + QStringLiteral("is not a JSON object");
    QTest::addRow("header a string") << headerOnly("\"RS256\"") << QStringLiteral("rsa") << false
                                     << parse + QStringLiteral("is not a JSON object");
    QTest::addRow("header not JSON") << headerOnly("{alg:RS256}") << QStringLiteral("rsa") << false
                                     << parse + QStringLiteral("is not valid JSON (at byte 1)");
    QTest::addRow("header with trailing data")
        << headerOnly("{\"alg\":\"RS256\"}{}") << QStringLiteral("rsa") << false
        << parse + QStringLiteral("has data after the JSON object");
    QTest::addRow("header with a trailing comma")
        << headerOnly("{\"alg\":\"RS256\",}") << QStringLiteral("rsa") << false
        << parse + QStringLiteral("is not valid JSON (at byte 15)");
    QTest::addRow("alg missing") << headerOnly("{\"typ\":\"JWT\"}") << QStringLiteral("rsa") << false
                                 << parse + QStringLiteral("has no \"alg\"");
    QTest::addRow("alg not a string") << headerOnly("{\"alg\":[\"RS256\"]}") << QStringLiteral("rsa") << false
                                      << parse + QStringLiteral("\"alg\" is not a string");
    QTest::addRow("kid not a string") << headerOnly("{\"alg\":\"RS256\",\"kid\":7}") << QStringLiteral("rsa")
                                      << false << parse + QStringLiteral("\"kid\" is not a string");
    QTest::addRow("crit present") << headerOnly("{\"alg\":\"RS256\",\"crit\":[\"exp\"],\"exp\":1}")
                                  << QStringLiteral("rsa") << false
                                  << parse + QStringLiteral("has \"crit\", and no extension is understood");
    QTest::addRow("empty crit") << headerOnly("{\"alg\":\"RS256\",\"crit\":[]}") << QStringLiteral("rsa")
                                << false
                                << parse + QStringLiteral("has \"crit\", and no extension is understood");
}

void TestJose::refusals()
{
    QFETCH(QByteArray, compact);
    QFETCH(QString, keyName);
    QFETCH(bool, parses);
    QFETCH(QString, error);
    const Key key = m_keys.value(keyName);
    QVERIFY(!key.isNull());

    auto jws = Jws::parse(compact, kMaxBytes);
    QString message;
    if (!parses) {
        QVERIFY2(!jws, "the JWS parsed");
        QCOMPARE(jws.error().type, ErrorType::InvalidInput);
        message = jws.error().message;
    } else {
        QVERIFY2(jws, qPrintable(jws ? QString() : jws.error().message));
        // Refused by the private key and by its public part alike.
        const Key publicKey = keyOrFail(Key::fromJwk(key.publicJwk()));
        for (const Key &verifier : {key, publicKey}) {
            auto verified = verifyJws(*jws, verifier);
            QVERIFY2(!verified, "the signature was accepted");
            QCOMPARE(verified.error().type, ErrorType::InvalidInput);
            message = verified.error().message;
        }
    }
    QCOMPARE(message, error);
    // The reason never carries the input itself.
    for (const QByteArray &part : partsOf(compact)) {
        if (part.size() >= 8)
            QVERIFY2(!message.contains(QString::fromLatin1(part.left(8))), qPrintable(message));
    }
}

void TestJose::signingRefusals()
{
    const Key rsa = m_keys.value(QStringLiteral("rsa"));
    const Key ec = m_keys.value(QStringLiteral("ec"));
    const Key publicRsa = keyOrFail(Key::fromJwk(rsa.publicJwk()));

    auto fromPublic = publicRsa.signCompact(QStringLiteral("RS256"), "{}");
    QVERIFY(!fromPublic);
    QCOMPARE(fromPublic.error().message,
             QStringLiteral("the key is a public key; signing needs its private part"));
    QVERIFY(!Key().signCompact(QStringLiteral("RS256"), "{}"));

    const struct {
        Key key;
        const char *alg;
        const char *error;
    } cases[] = {
        {rsa, "ES256", "the RSA 2048 key cannot sign \"ES256\"; it signs RS256, RS384, RS512"},
        {rsa, "HS256", "the RSA 2048 key cannot sign \"HS256\"; it signs RS256, RS384, RS512"},
        {rsa, "none", "the RSA 2048 key cannot sign \"none\"; it signs RS256, RS384, RS512"},
        {rsa, "PS256", "the RSA 2048 key cannot sign \"PS256\"; it signs RS256, RS384, RS512"},
        {ec, "RS256", "the EC P-256 key cannot sign \"RS256\"; it signs ES256"},
        {ec, "ES384", "the EC P-256 key cannot sign \"ES384\"; it signs ES256"},
    };
    for (const auto &c : cases) {
        auto refused = c.key.signCompact(QLatin1String(c.alg), "{}");
        QVERIFY2(!refused, c.alg);
        QCOMPARE(refused.error().message, QLatin1String(c.error));
    }

    auto algOverride =
        rsa.signCompact(QStringLiteral("RS256"), "{}", {{QStringLiteral("alg"), QStringLiteral("none")}});
    QVERIFY(!algOverride);
    auto critAdded = rsa.signCompact(QStringLiteral("RS256"), "{}", {{QStringLiteral("crit"), QJsonArray{}}});
    QVERIFY(!critAdded);
    auto otherKid =
        rsa.withKid(QStringLiteral("a"))
            .signCompact(QStringLiteral("RS256"), "{}", {{QStringLiteral("kid"), QStringLiteral("b")}});
    QVERIFY(!otherKid);

    // Without a kid on the key, the extra header may carry one; non-string members keep their JSON type.
    const QJsonObject extra{{QStringLiteral("kid"), QStringLiteral("given")},
                            {QStringLiteral("n"), 3},
                            {QStringLiteral("o"), QJsonObject{{QStringLiteral("a"), true}}}};
    auto compact = rsa.signCompact(QStringLiteral("RS384"), "{}", extra);
    QVERIFY(compact);
    auto jws = Jws::parse(*compact, kMaxBytes);
    QVERIFY(jws);
    QCOMPARE(jws->kid, QStringLiteral("given"));
    QCOMPARE(jws->header.value(QLatin1String("n")), QJsonValue(3));
    QCOMPARE(jws->header.value(QLatin1String("o")).toObject(), extra.value(QLatin1String("o")).toObject());
    QVERIFY(verifyJws(*jws, rsa));
    // The header starts with "alg", as cjose keeps the order it was given.
    QVERIFY(base64UrlDecode(partsOf(*compact).at(0))->startsWith("{\"alg\":\"RS384\","));
}

void TestJose::sharedKeyAcrossThreads()
{
    constexpr int kThreads = 8;
    constexpr int kRounds = 12;
    const Key rsa = m_keys.value(QStringLiteral("rsa")).withKid(QStringLiteral("shared-rsa"));
    const Key ec = m_keys.value(QStringLiteral("ec384")).withKid(QStringLiteral("shared-ec"));
    const Key rsaPublic = keyOrFail(Key::fromJwk(rsa.publicJwk()));
    const Key ecPublic = keyOrFail(Key::fromJwk(ec.publicJwk()));

    std::atomic<int> verified{0};
    std::atomic<int> refusedForgeries{0};
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < kRounds; ++round) {
                const bool useRsa = (t + round) % 2 == 0;
                const Key &signer = useRsa ? rsa : ec;
                const Key &checker = useRsa ? rsaPublic : ecPublic;
                const QString alg = useRsa ? QStringLiteral("RS512") : QStringLiteral("ES384");
                const QByteArray payload = QStringLiteral("{\"t\":%1,\"r\":%2}").arg(t).arg(round).toUtf8();
                auto compact = signer.signCompact(alg, payload);
                auto jws = compact ? Jws::parse(*compact, kMaxBytes) : Result<Jws>(compact.error());
                if (!jws || jws->payload != payload || jws->kid != signer.kid()) {
                    ++failures;
                    continue;
                }
                if (verifyJws(*jws, checker) && verifyJws(*jws, signer))
                    ++verified;
                Jws forged = *jws;
                forged.signingInput += 'x';
                if (!verifyJws(forged, checker))
                    ++refusedForgeries;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(failures.load(), 0);
    QCOMPARE(verified.load(), kThreads * kRounds);
    QCOMPARE(refusedForgeries.load(), kThreads * kRounds);
}

QTEST_GUILESS_MAIN(TestJose)
#include "tst_jose.moc"
