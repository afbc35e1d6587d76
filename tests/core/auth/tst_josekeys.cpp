// Keys (core/auth/Jose.h): generation of every app key type, the RFC 7638 thumbprint, JWK and PEM round
// trips, PEM fixtures of every accepted label made by the openssl tool, text sniffing, the keys and
// JWKs that must be refused, strict JSON and strict base64url.

#include "JoseTestSupport.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QTest>

Q_DECLARE_METATYPE(wf::auth::Key)

using namespace wf;
using namespace wf::auth;
using namespace wf::auth::test;

namespace {

QJsonObject jwkOf(const char *name)
{
    return vector(name).value(QLatin1String("jwk")).toObject();
}

QJsonObject with(QJsonObject object, const char *member, const QJsonValue &value)
{
    if (value.isUndefined())
        object.remove(QLatin1String(member));
    else
        object.insert(QLatin1String(member), value);
    return object;
}

// A base64url member with its last decoded byte changed.
QString alteredLastByte(const QJsonObject &jwk, const char *member)
{
    QByteArray bytes = *base64UrlDecode(jwk.value(QLatin1String(member)).toString().toLatin1());
    bytes[bytes.size() - 1] = static_cast<char>(bytes.at(bytes.size() - 1) ^ 0x02);
    return QString::fromLatin1(b64u(bytes));
}

QStringList sortedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

} // namespace

class TestJoseKeys : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void keyTypeIds();
    void generatedKeys_data();
    void generatedKeys();
    void thumbprintOfRfc7638();
    void jwkRoundTrip_data();
    void jwkRoundTrip();
    void pemRoundTrip_data();
    void pemRoundTrip();
    void pemFixtures_data();
    void pemFixtures();
    void fromTextSniffs_data();
    void fromTextSniffs();
    void refusedKeys_data();
    void refusedKeys();
    void strictJson_data();
    void strictJson();
    void base64Url_data();
    void base64Url();

private:
    QHash<QString, Key> m_generated; // by key type id
};

void TestJoseKeys::initTestCase()
{
    for (const KeyType type :
         {KeyType::Rsa2048, KeyType::Rsa3072, KeyType::Rsa4096, KeyType::EcP256, KeyType::EcP384}) {
        auto key = Key::generate(type);
        QVERIFY2(key, qPrintable(key ? QString() : key.error().message));
        m_generated.insert(keyTypeId(type), *key);
    }
}

void TestJoseKeys::keyTypeIds()
{
    const QStringList ids{QStringLiteral("rsa"), QStringLiteral("rsa3072"), QStringLiteral("rsa4096"),
                          QStringLiteral("ec"), QStringLiteral("ec384")};
    const QStringList names{QStringLiteral("RSA 2048"), QStringLiteral("RSA 3072"),
                            QStringLiteral("RSA 4096"), QStringLiteral("EC P-256"),
                            QStringLiteral("EC P-384")};
    const KeyType types[] = {KeyType::Rsa2048, KeyType::Rsa3072, KeyType::Rsa4096, KeyType::EcP256,
                             KeyType::EcP384};
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(keyTypeId(types[i]), ids.at(i));
        QCOMPARE(keyTypeDisplayName(types[i]), names.at(i));
        QCOMPARE(parseKeyTypeId(ids.at(i)), std::optional<KeyType>(types[i]));
    }
    for (const char *unknown : {"", "RSA", "rsa2048", "ec256", "ec521", "oct"})
        QVERIFY2(!parseKeyTypeId(QLatin1String(unknown)), unknown);
}

void TestJoseKeys::generatedKeys_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("bits");
    QTest::addColumn<QString>("curve");
    QTest::addColumn<QStringList>("algorithms");
    const QStringList rs{QStringLiteral("RS256"), QStringLiteral("RS384"), QStringLiteral("RS512")};
    QTest::addRow("rsa") << QStringLiteral("rsa") << 2048 << QString() << rs;
    QTest::addRow("rsa3072") << QStringLiteral("rsa3072") << 3072 << QString() << rs;
    QTest::addRow("rsa4096") << QStringLiteral("rsa4096") << 4096 << QString() << rs;
    QTest::addRow("ec") << QStringLiteral("ec") << 256 << QStringLiteral("P-256")
                        << QStringList{QStringLiteral("ES256")};
    QTest::addRow("ec384") << QStringLiteral("ec384") << 384 << QStringLiteral("P-384")
                           << QStringList{QStringLiteral("ES384")};
}

void TestJoseKeys::generatedKeys()
{
    QFETCH(QString, id);
    QFETCH(int, bits);
    QFETCH(QString, curve);
    QFETCH(QStringList, algorithms);
    const Key key = m_generated.value(id);
    QVERIFY(!key.isNull());
    QVERIFY(key.hasPrivate());
    QCOMPARE(key.isRsa(), curve.isEmpty());
    QCOMPARE(key.isEc(), !curve.isEmpty());
    QCOMPARE(key.bits(), bits);
    QCOMPARE(key.curve(), curve);
    QCOMPARE(key.type(), parseKeyTypeId(id));
    QCOMPARE(key.typeDisplayName(), keyTypeDisplayName(*parseKeyTypeId(id)));
    QCOMPARE(key.algorithms(), algorithms);
    QVERIFY(key.kid().isEmpty());
    QCOMPARE(key.thumbprint().size(), 43); // base64url of 32 bytes
    QVERIFY(key.thumbprint() !=
            m_generated.value(id == QLatin1String("rsa") ? QStringLiteral("ec") : QStringLiteral("rsa"))
                .thumbprint());

    const QJsonObject publicJwk = key.publicJwk();
    const QJsonObject privateJwk = *key.privateJwk();
    if (key.isRsa()) {
        QCOMPARE(sortedKeys(publicJwk),
                 (QStringList{QStringLiteral("e"), QStringLiteral("kty"), QStringLiteral("n")}));
        QCOMPARE(publicJwk.value(QLatin1String("e")).toString(), QStringLiteral("AQAB")); // 65537
        QCOMPARE(base64UrlDecode(publicJwk.value(QLatin1String("n")).toString().toLatin1())->size(),
                 bits / 8);
        QCOMPARE(sortedKeys(privateJwk),
                 (QStringList{QStringLiteral("d"), QStringLiteral("dp"), QStringLiteral("dq"),
                              QStringLiteral("e"), QStringLiteral("kty"), QStringLiteral("n"),
                              QStringLiteral("p"), QStringLiteral("q"), QStringLiteral("qi")}));
    } else {
        QCOMPARE(sortedKeys(publicJwk), (QStringList{QStringLiteral("crv"), QStringLiteral("kty"),
                                                     QStringLiteral("x"), QStringLiteral("y")}));
        QCOMPARE(publicJwk.value(QLatin1String("crv")).toString(), curve);
        for (const char *member : {"x", "y"})
            QCOMPARE(base64UrlDecode(publicJwk.value(QLatin1String(member)).toString().toLatin1())->size(),
                     bits / 8);
        QCOMPARE(sortedKeys(privateJwk),
                 (QStringList{QStringLiteral("crv"), QStringLiteral("d"), QStringLiteral("kty"),
                              QStringLiteral("x"), QStringLiteral("y")}));
        QCOMPARE(base64UrlDecode(privateJwk.value(QLatin1String("d")).toString().toLatin1())->size(),
                 bits / 8);
    }
    // The thumbprint is the SHA-256 of the public members, sorted, without whitespace.
    QCOMPARE(
        key.thumbprint(),
        QString::fromLatin1(b64u(QCryptographicHash::hash(jsonText(publicJwk), QCryptographicHash::Sha256))));
    // Two generations never give the same key.
    const Key again = *Key::generate(*key.type());
    QVERIFY(!again.samePublicKey(key));
    QVERIFY(again.thumbprint() != key.thumbprint());
}

void TestJoseKeys::thumbprintOfRfc7638()
{
    const QJsonObject v = vector("rfc7638_3_1");
    const Key key = keyOrFail(Key::fromJwk(v.value(QLatin1String("jwk")).toObject()));
    QVERIFY(!key.isNull());
    QCOMPARE(key.thumbprint(), v.value(QLatin1String("thumbprint")).toString());
    QCOMPARE(key.kid(), QStringLiteral("2011-04-29"));
    // "alg", "kid" and the private members do not change it.
    QCOMPARE(key.withKid(QString()).thumbprint(), key.thumbprint());
    const Key a2 = keyOrFail(Key::fromJwk(jwkOf("rfc7515_a2")));
    const Key a2Public = keyOrFail(Key::fromJwk(a2.publicJwk()));
    QCOMPARE(a2Public.thumbprint(), a2.thumbprint());
    QVERIFY(a2.thumbprint() != key.thumbprint());
}

void TestJoseKeys::jwkRoundTrip_data()
{
    QTest::addColumn<Key>("key");
    for (auto it = m_generated.cbegin(); it != m_generated.cend(); ++it)
        QTest::addRow("generated %s", qPrintable(it.key())) << it.value();
    for (const char *name : {"rfc7515_a2", "rfc7515_a3", "rfc7515_a4", "rfc7520_4_1", "rfc7520_4_3"})
        QTest::addRow("%s", name) << keyOrFail(Key::fromJwk(jwkOf(name)));
}

void TestJoseKeys::jwkRoundTrip()
{
    QFETCH(Key, key);
    QVERIFY(!key.isNull() && key.hasPrivate());
    const Key named = key.withKid(QStringLiteral("kid-1"));
    QCOMPARE(named.kid(), QStringLiteral("kid-1"));
    QVERIFY(named.samePublicKey(key));

    const QJsonObject privateJwk = *named.privateJwk();
    QCOMPARE(privateJwk.value(QLatin1String("kid")).toString(), QStringLiteral("kid-1"));
    const Key fromPrivate = keyOrFail(Key::fromJwk(jsonText(privateJwk)));
    QVERIFY(fromPrivate.hasPrivate());
    QCOMPARE(fromPrivate.kid(), QStringLiteral("kid-1"));
    QCOMPARE(*fromPrivate.privateJwk(), privateJwk);
    QCOMPARE(fromPrivate.publicJwk(), named.publicJwk());
    QCOMPARE(fromPrivate.thumbprint(), key.thumbprint());

    const QJsonObject publicJwk = named.publicJwk();
    for (const char *member : {"d", "p", "q", "dp", "dq", "qi"})
        QVERIFY2(!publicJwk.contains(QLatin1String(member)), member);
    const Key fromPublic = keyOrFail(Key::fromJwk(publicJwk));
    QVERIFY(!fromPublic.hasPrivate());
    QCOMPARE(fromPublic.publicJwk(), publicJwk);
    QVERIFY(fromPublic.samePublicKey(key));
    QVERIFY(!fromPublic.privateJwk());
    QVERIFY(!fromPublic.privatePem());
    QCOMPARE(fromPublic.bits(), key.bits());
    QCOMPARE(fromPublic.typeDisplayName(), key.typeDisplayName());
}

void TestJoseKeys::pemRoundTrip_data()
{
    jwkRoundTrip_data();
}

void TestJoseKeys::pemRoundTrip()
{
    QFETCH(Key, key);
    const QByteArray publicPem = key.publicPem();
    QVERIFY(publicPem.startsWith("-----BEGIN PUBLIC KEY-----\n"));
    QVERIFY(publicPem.endsWith("-----END PUBLIC KEY-----\n"));
    const Key fromPublic = keyOrFail(Key::fromPem(publicPem));
    QVERIFY(!fromPublic.hasPrivate());
    QVERIFY(fromPublic.kid().isEmpty());
    QVERIFY(fromPublic.samePublicKey(key));
    QCOMPARE(fromPublic.publicJwk(), key.withKid(QString()).publicJwk());

    const QByteArray privatePem = *key.privatePem();
    QVERIFY(privatePem.startsWith("-----BEGIN PRIVATE KEY-----\n"));
    const Key fromPrivate = keyOrFail(Key::fromPem(privatePem));
    QVERIFY(fromPrivate.hasPrivate());
    QCOMPARE(*fromPrivate.privateJwk(), *key.withKid(QString()).privateJwk());
    QCOMPARE(*fromPrivate.privatePem(), privatePem);
    QCOMPARE(fromPrivate.publicPem(), publicPem);
}

void TestJoseKeys::pemFixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("isPrivate");
    QTest::addRow("PKCS #8 PRIVATE KEY")
        << QStringLiteral("rsa2048-pkcs8.pem") << QStringLiteral("RSA 2048") << true;
    QTest::addRow("PKCS #1 RSA PRIVATE KEY")
        << QStringLiteral("rsa2048-pkcs1.pem") << QStringLiteral("RSA 2048") << true;
    QTest::addRow("SubjectPublicKeyInfo PUBLIC KEY")
        << QStringLiteral("rsa2048-spki.pem") << QStringLiteral("RSA 2048") << false;
    QTest::addRow("PKCS #1 RSA PUBLIC KEY")
        << QStringLiteral("rsa2048-pkcs1-public.pem") << QStringLiteral("RSA 2048") << false;
    QTest::addRow("SEC1 EC PRIVATE KEY after EC PARAMETERS")
        << QStringLiteral("ec256-sec1.pem") << QStringLiteral("EC P-256") << true;
    QTest::addRow("SEC1 EC PRIVATE KEY, P-384")
        << QStringLiteral("ec384-sec1.pem") << QStringLiteral("EC P-384") << true;
}

void TestJoseKeys::pemFixtures()
{
    QFETCH(QString, file);
    QFETCH(QString, type);
    QFETCH(bool, isPrivate);
    const Key key = keyOrFail(Key::fromPem(keyFixture(file.toLatin1().constData())));
    QVERIFY(!key.isNull());
    QCOMPARE(key.typeDisplayName(), type);
    QCOMPARE(key.hasPrivate(), isPrivate);
    if (key.isRsa()) {
        // The same key as the PKCS #8 original, and its modulus is the one `openssl rsa -modulus` prints.
        const Key original = keyOrFail(Key::fromPem(keyFixture("rsa2048-pkcs8.pem")));
        QVERIFY(key.samePublicKey(original));
        QCOMPARE(key.thumbprint(), original.thumbprint());
        const QByteArray n =
            *base64UrlDecode(key.publicJwk().value(QLatin1String("n")).toString().toLatin1());
        QCOMPARE(n.toHex().toUpper(), keyFixture("rsa2048-modulus.hex").trimmed());
    }
    if (isPrivate) {
        auto compact = key.signCompact(key.algorithms().constFirst(), "{}");
        QVERIFY(compact);
        QVERIFY(verifyJws(*Jws::parse(*compact, 8192), keyOrFail(Key::fromPem(key.publicPem()))));
    }
}

void TestJoseKeys::fromTextSniffs_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("result"); // the type display name, or the start of the error
    const QByteArray a3 = jsonText(jwkOf("rfc7515_a3"));
    QTest::addRow("JWK") << a3 << QStringLiteral("EC P-256");
    QTest::addRow("JWK with surrounding whitespace")
        << QByteArray("\n  " + a3 + "\r\n") << QStringLiteral("EC P-256");
    QTest::addRow("PEM") << keyFixture("rsa2048-spki.pem") << QStringLiteral("RSA 2048");
    QTest::addRow("PEM after a comment line")
        << QByteArray("my key:\n" + keyFixture("ec384-sec1.pem")) << QStringLiteral("EC P-384");
    QTest::addRow("neither") << QByteArray("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ")
                             << QStringLiteral("the key is neither a JWK");
    QTest::addRow("empty") << QByteArray() << QStringLiteral("the key is neither a JWK");
    QTest::addRow("JWK Set") << QByteArray("{\"keys\":[" + a3 + "]}") << QStringLiteral("this is a JWK Set");
    QTest::addRow("broken JWK") << QByteArray("{\"kty\":\"EC\",")
                                << QStringLiteral("the JWK is not valid JSON");
}

void TestJoseKeys::fromTextSniffs()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, result);
    auto key = Key::fromText(text);
    if (result.startsWith(QLatin1String("RSA")) || result.startsWith(QLatin1String("EC"))) {
        QVERIFY2(key, qPrintable(key ? QString() : key.error().message));
        QCOMPARE(key->typeDisplayName(), result);
    } else {
        QVERIFY(!key);
        QVERIFY2(key.error().message.startsWith(result), qPrintable(key.error().message));
    }
}

void TestJoseKeys::refusedKeys_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    const QJsonObject a2 = jwkOf("rfc7515_a2");
    const QJsonObject a3 = jwkOf("rfc7515_a3");
    const QJsonObject a2Public{{QStringLiteral("kty"), QStringLiteral("RSA")},
                               {QStringLiteral("n"), a2.value(QLatin1String("n"))},
                               {QStringLiteral("e"), QStringLiteral("AQAB")}};
    const auto row = [](const char *name, const QJsonObject &jwk, const char *error) {
        QTest::addRow("%s", name) << jsonText(jwk) << QString::fromUtf8(error);
    };

    // Key types, sizes and curves.
    QByteArray n1024 = base64UrlDecode(a2.value(QLatin1String("n")).toString().toLatin1())->left(128);
    n1024[127] = static_cast<char>(n1024.at(127) | 1);
    row("RSA 1024 JWK", with(a2Public, "n", QString::fromLatin1(b64u(n1024))),
        "the RSA key is 1024 bits; at least 2048 are required");
    QTest::addRow("RSA 1024 PEM") << keyFixture("rsa1024-pkcs8.pem")
                                  << QStringLiteral("the RSA key is 1024 bits; at least 2048 are required");
    row("oct JWK",
        {{QStringLiteral("kty"), QStringLiteral("oct")},
         {QStringLiteral("k"), QStringLiteral("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ")}},
        "the JWK is a symmetric (\"oct\") key; only RSA and EC keys are accepted");
    row("OKP JWK",
        {{QStringLiteral("kty"), QStringLiteral("OKP")}, {QStringLiteral("crv"), QStringLiteral("Ed25519")}},
        "the JWK key type \"OKP\" is not supported; use RSA or EC");
    row("unknown curve", with(a3, "crv", QStringLiteral("P-192")),
        "the EC curve \"P-192\" is not supported; use P-256, P-384 or P-521");
    row("secp256k1 JWK", with(a3, "crv", QStringLiteral("secp256k1")),
        "the EC curve \"secp256k1\" is not supported; use P-256, P-384 or P-521");
    QTest::addRow("secp256k1 PEM")
        << keyFixture("secp256k1.pem")
        << QStringLiteral("the EC curve \"secp256k1\" is not supported; use P-256, P-384 or P-521");
    QTest::addRow("Ed25519 PEM") << keyFixture("ed25519.pem")
                                 << QStringLiteral(
                                        "the key is of type \"ED25519\"; only RSA and EC keys are supported");
    row("even public exponent", with(a2Public, "e", QStringLiteral("AQAA")),
        "the RSA public exponent must be odd and at least 3");
    row("public exponent 1", with(a2Public, "e", QStringLiteral("AQ")),
        "the RSA public exponent must be odd and at least 3");
    row("multi-prime RSA", with(a2, "oth", QJsonArray{}),
        "the JWK is a multi-prime RSA key (\"oth\"), which is not supported");

    // Points and private parts that do not fit.
    row("EC point not on the curve",
        with(with(a3, "d", QJsonValue::Undefined), "y", alteredLastByte(a3, "y")),
        "the EC public key (x, y) is not a point on P-256");
    row("EC d of another key", with(a3, "d", alteredLastByte(a3, "d")),
        "the EC private key does not match its public key");
    row("RSA dp inconsistent", with(a2, "dp", alteredLastByte(a2, "dp")),
        "the RSA private key does not match its public key");
    row("RSA qi inconsistent", with(a2, "qi", alteredLastByte(a2, "qi")),
        "the RSA private key does not match its public key");
    row("RSA p and q of another key",
        with(with(a2, "p", jwkOf("rfc7520_4_1").value(QLatin1String("p"))), "q",
             jwkOf("rfc7520_4_1").value(QLatin1String("q"))),
        "the RSA private key does not match its public key");
    QJsonObject dOnly = a2;
    for (const char *member : {"p", "q", "dp", "dq", "qi"})
        dOnly.remove(QLatin1String(member));
    row("RSA d alone, wrong", with(dOnly, "d", alteredLastByte(a2, "d")),
        "the RSA private key does not match its public key");
    row("RSA factors without qi", with(a2, "qi", QJsonValue::Undefined),
        "the RSA JWK must have all of \"p\", \"q\", \"dp\", \"dq\" and \"qi\", or none");
    row("RSA factors without d", with(a2, "d", QJsonValue::Undefined),
        "the RSA JWK has private members but no \"d\"");

    // Members.
    row("no kty", with(a3, "kty", QJsonValue::Undefined), "the JWK has no \"kty\"");
    row("kty a number", with(a3, "kty", 2), "the JWK member \"kty\" is not a string");
    row("no n", with(a2Public, "n", QJsonValue::Undefined), "the JWK has no \"n\"");
    row("no e", with(a2Public, "e", QJsonValue::Undefined), "the JWK has no \"e\"");
    row("no crv", with(a3, "crv", QJsonValue::Undefined), "the EC JWK has no \"crv\"");
    row("no x", with(a3, "x", QJsonValue::Undefined), "the JWK has no \"x\"");
    row("n a number", with(a2Public, "n", 12345), "the JWK member \"n\" is not a string");
    row("n padded",
        with(a2Public, "n", QString(a2.value(QLatin1String("n")).toString() + QStringLiteral("=="))),
        "the JWK member \"n\" is not valid base64url");
    row("n with '+'",
        with(a2Public, "n",
             a2.value(QLatin1String("n")).toString().replace(QLatin1Char('-'), QLatin1Char('+'))),
        "the JWK member \"n\" is not valid base64url");
    row("e empty", with(a2Public, "e", QString()), "the JWK member \"e\" is not valid base64url");
    row("x one byte short",
        with(a3, "x",
             QString::fromLatin1(
                 b64u(base64UrlDecode(a3.value(QLatin1String("x")).toString().toLatin1())->mid(1)))),
        "the JWK member \"x\" is 31 bytes; on P-256 it must be 32");
    row("kid a number", with(a3, "kid", 5), "the JWK member \"kid\" is not a non-empty string");
    QTest::addRow("duplicate member") << QByteArray("{\"kty\":\"EC\",\"kty\":\"RSA\"}")
                                      << QStringLiteral("the JWK has a duplicate member \"kty\"");
    QTest::addRow("JWK an array")
        << QByteArray("[{\"kty\":\"EC\"}]")
        << QStringLiteral("the key is neither a JWK (JSON starting with \"{\") nor PEM (starting with "
                          "\"-----BEGIN PUBLIC KEY-----\" or \"-----BEGIN PRIVATE KEY-----\")");

    // PEM.
    QTest::addRow("encrypted PKCS #8")
        << keyFixture("encrypted-pkcs8.pem")
        << QStringLiteral("the PEM private key is encrypted; give it unencrypted (for example from \"openssl "
                          "pkey -in key.pem\")");
    QTest::addRow("encrypted PKCS #1")
        << keyFixture("encrypted-pkcs1.pem")
        << QStringLiteral("the PEM private key is encrypted; give it unencrypted (for example from \"openssl "
                          "pkey -in key.pem\")");
    QTest::addRow("certificate")
        << QByteArray("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")
        << QStringLiteral("the PEM block \"CERTIFICATE\" is not a key; expected PUBLIC KEY, PRIVATE KEY, RSA "
                          "PUBLIC KEY, RSA PRIVATE KEY or EC PRIVATE KEY");
    QTest::addRow("two keys") << QByteArray(keyFixture("rsa2048-spki.pem") + keyFixture("ec384-sec1.pem"))
                              << QStringLiteral("the PEM text holds more than one key; give one");
    QTest::addRow("no END line") << keyFixture("rsa2048-spki.pem").left(200)
                                 << QStringLiteral("the PEM block \"PUBLIC KEY\" has no END line");
    QByteArray corrupt = keyFixture("rsa2048-spki.pem");
    corrupt.replace("MIIB", "MIIC");
    QTest::addRow("corrupt body") << corrupt
                                  << QStringLiteral("the PEM block \"PUBLIC KEY\" is not a valid key");
    QByteArray mislabelled = keyFixture("rsa2048-spki.pem");
    mislabelled.replace("PUBLIC KEY", "PRIVATE KEY");
    QTest::addRow("public key labelled private")
        << mislabelled << QStringLiteral("the PEM block \"PRIVATE KEY\" is not a valid key");
}

void TestJoseKeys::refusedKeys()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    auto key = Key::fromText(text);
    QVERIFY2(!key, "the key was accepted");
    QCOMPARE(key.error().type, ErrorType::InvalidInput);
    QCOMPARE(key.error().message, error);
}

void TestJoseKeys::strictJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error"); // empty: accepted
    QTest::addRow("object") << QByteArray(
                                   "{\"a\":1,\"b\":[true,false,null,-1.5e+3,\"s\\n\\u00e9\"],\"c\":{}}")
                            << QString();
    QTest::addRow("whitespace around") << QByteArray(" \r\n\t{ \"a\" : [ ] } \n") << QString();
    QTest::addRow("same name in sibling objects")
        << QByteArray("{\"a\":{\"x\":1},\"b\":{\"x\":2}}") << QString();
    QTest::addRow("names differing after unescaping") << QByteArray("{\"a\":1,\"\\u0062\":2}") << QString();
    QTest::addRow("duplicate") << QByteArray("{\"exp\":1,\"exp\":2}")
                               << QStringLiteral("the JSON has a duplicate member \"exp\"");
    QTest::addRow("duplicate after unescaping") << QByteArray("{\"exp\":1,\"\\u0065xp\":2}")
                                                << QStringLiteral("the JSON has a duplicate member \"exp\"");
    QTest::addRow("duplicate escaped slash")
        << QByteArray("{\"a/b\":1,\"a\\/b\":2}") << QStringLiteral("the JSON has a duplicate member \"a/b\"");
    QTest::addRow("duplicate deep") << QByteArray("{\"a\":[[{\"b\":{\"c\":1,\"c\":1}}]]}")
                                    << QStringLiteral("the JSON has a duplicate member \"c\"");
    QTest::addRow("duplicate long name")
        << QByteArray("{\"" + QByteArray(60, 'n') + "\":1,\"" + QByteArray(60, 'n') + "\":2}")
        << QStringLiteral("the JSON has a duplicate member (not shown)");
    QTest::addRow("array") << QByteArray("[1]") << QStringLiteral("the JSON is not a JSON object");
    QTest::addRow("empty") << QByteArray() << QStringLiteral("the JSON is not a JSON object");
    QTest::addRow("trailing data") << QByteArray("{}x")
                                   << QStringLiteral("the JSON has data after the JSON object");
    QTest::addRow("two objects") << QByteArray("{} {}")
                                 << QStringLiteral("the JSON has data after the JSON object");
    QTest::addRow("unterminated") << QByteArray("{\"a\":\"b")
                                  << QStringLiteral("the JSON is not valid JSON (at byte 7)");
    QTest::addRow("control character in a string")
        << QByteArray("{\"a\":\"\x01\"}") << QStringLiteral("the JSON is not valid JSON (at byte 6)");
    QTest::addRow("bad escape") << QByteArray("{\"a\":\"\\x\"}")
                                << QStringLiteral("the JSON is not valid JSON (at byte 8)");
    QTest::addRow("leading zero") << QByteArray("{\"a\":01}")
                                  << QStringLiteral("the JSON is not valid JSON (at byte 6)");
    QTest::addRow("single quotes") << QByteArray("{'a':1}")
                                   << QStringLiteral("the JSON is not valid JSON (at byte 1)");
    QByteArray deep64 = "{\"a\":" + QByteArray(63, '[') + QByteArray(63, ']') + "}";
    QByteArray deep65 = "{\"a\":" + QByteArray(64, '[') + QByteArray(64, ']') + "}";
    QTest::addRow("64 levels") << deep64 << QString();
    QTest::addRow("65 levels") << deep65 << QStringLiteral("the JSON nests deeper than 64 levels");
    QTest::addRow("100000 levels") << QByteArray(100000, '[').prepend("{\"a\":")
                                   << QStringLiteral("the JSON nests deeper than 64 levels");
}

void TestJoseKeys::strictJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    auto object = parseStrictJsonObject(json);
    if (error.isEmpty()) {
        QVERIFY2(object, qPrintable(object ? QString() : object.error().message));
        QCOMPARE(*object, QJsonDocument::fromJson(json).object());
    } else {
        QVERIFY2(!object, "accepted");
        QCOMPARE(object.error().type, ErrorType::InvalidInput);
        QCOMPARE(object.error().message, error);
    }
}

void TestJoseKeys::base64Url_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("decoded");
    QTest::addRow("empty") << QByteArray() << true << QByteArray();
    QTest::addRow("1 byte") << QByteArray("_w") << true << QByteArray("\xff");
    QTest::addRow("2 bytes") << QByteArray("-_8") << true << QByteArray("\xfb\xff");
    QTest::addRow("3 bytes") << QByteArray("AQAB") << true << QByteArray("\x01\x00\x01", 3);
    QTest::addRow("length 1 mod 4") << QByteArray("AQABA") << false << QByteArray();
    QTest::addRow("single character") << QByteArray("A") << false << QByteArray();
    QTest::addRow("padding") << QByteArray("_w==") << false << QByteArray();
    QTest::addRow("one padding character") << QByteArray("-_8=") << false << QByteArray();
    QTest::addRow("'+'") << QByteArray("+_8") << false << QByteArray();
    QTest::addRow("'/'") << QByteArray("-/8") << false << QByteArray();
    QTest::addRow("space") << QByteArray("AQ AB") << false << QByteArray();
    QTest::addRow("line break") << QByteArray("AQAB\n") << false << QByteArray();
    QTest::addRow("NUL") << QByteArray("AQ\0B", 4) << false << QByteArray();
    QTest::addRow("non-ASCII") << QByteArray("AQ\xc3\xa9") << false << QByteArray();
}

void TestJoseKeys::base64Url()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(QByteArray, decoded);
    const auto result = base64UrlDecode(text);
    QCOMPARE(result.has_value(), valid);
    if (valid) {
        QCOMPARE(*result, decoded);
        QCOMPARE(base64UrlEncode(decoded), text);
    }
}

QTEST_GUILESS_MAIN(TestJoseKeys)
#include "tst_josekeys.moc"
