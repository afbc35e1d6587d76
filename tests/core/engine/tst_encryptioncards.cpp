// Tests for the Encryption card HMAC against the published vectors of RFC 4231 (SHA-2) and RFC 2202
// (SHA-1), plus its encodings and errors.

#include "CardTestSupport.h"

#include <QTest>

using namespace wf;
using wf::test::runCard;

namespace {

constexpr int kOk = -1;

QString repeated(const char *unit, int count)
{
    return QString::fromLatin1(unit).repeated(count);
}

// The RFC keys and messages as the card receives them.
const QString kKey1 = QString(20, QChar(0x0b)); // RFC 4231 / 2202 case 1, valid text
const QString kKey4 = [] {                      // 0x01..0x19, valid text
    QString key;
    for (char16_t c = 1; c <= 0x19; ++c)
        key.append(QChar(c));
    return key;
}();
const QString kKey4Hex = QStringLiteral("0102030405060708090a0b0c0d0e0f10111213141516171819");
const QString kLargeKeyText = QStringLiteral("Test Using Larger Than Block-Size Key - Hash Key First");

QJsonObject inputs(const QString &key, const QString &message, const char *algorithm,
                   std::initializer_list<std::pair<const char *, const char *>> extra = {})
{
    QJsonObject values;
    values.insert(QStringLiteral("key"), key);
    values.insert(QStringLiteral("message"), message);
    if (algorithm)
        values.insert(QStringLiteral("algorithm"), QString::fromUtf8(algorithm));
    for (const auto &[name, value] : extra)
        values.insert(QString::fromUtf8(name), test::json(value));
    return values;
}

} // namespace

class TestEncryptionCards final : public QObject {
    Q_OBJECT
private slots:
    void catalogue();
    void hmac_data();
    void hmac();
};

void TestEncryptionCards::catalogue()
{
    const CardSpec *spec = CardCatalogue::builtIn().find(QStringLiteral("encryption.hmac"));
    QVERIFY(spec);
    QCOMPARE(spec->category, QStringLiteral("Encryption"));
    QCOMPARE(spec->name, QStringLiteral("HMAC"));
    QVERIFY(spec->findInput(QStringLiteral("key"))->required);
    QCOMPARE(spec->findInput(QStringLiteral("algorithm"))->defaultValue,
             QJsonValue(QStringLiteral("SHA-256")));
    QCOMPARE(spec->findInput(QStringLiteral("encoding"))->defaultValue, QJsonValue(QStringLiteral("hex")));
    QCOMPARE(spec->outputs.size(), 1);
    QCOMPARE(spec->outputs.at(0).name, QStringLiteral("output"));
    QCOMPARE(spec->outputs.at(0).type, ValueType::text());
}

void TestEncryptionCards::hmac_data()
{
    QTest::addColumn<QJsonObject>("in");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("errorType");
    QTest::addColumn<QString>("message");
    const auto ok = [](const char *name, const QJsonObject &in, const char *output) {
        QTest::addRow("%s", name) << in << QString::fromLatin1(output) << kOk << QString();
    };
    const auto fails = [](const char *name, const QJsonObject &in, ErrorType type, const char *message) {
        QTest::addRow("%s", name) << in << QString() << int(type) << QString::fromUtf8(message);
    };
    const QString hiThere = QStringLiteral("Hi There");
    const QString jefe = QStringLiteral("Jefe");
    const QString wantNothing = QStringLiteral("what do ya want for nothing?");
    const QString cd50 = repeated("cd", 50);

    // RFC 4231 test case 1.
    ok("4231-1 SHA-256", inputs(kKey1, hiThere, "SHA-256"),
       "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    ok("4231-1 SHA-384", inputs(kKey1, hiThere, "SHA-384"),
       "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9076ede7f4af152e8b2fa9cb6");
    ok("4231-1 SHA-512", inputs(kKey1, hiThere, "SHA-512"),
       "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d9"
       "14eeb61f170"
       "2e696c203a126854");
    // RFC 4231 test case 2.
    ok("4231-2 SHA-256", inputs(jefe, wantNothing, "SHA-256"),
       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    ok("4231-2 SHA-384", inputs(jefe, wantNothing, "SHA-384"),
       "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649");
    ok("4231-2 SHA-512", inputs(jefe, wantNothing, "SHA-512"),
       "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab"
       "1a34d4a6b4b"
       "636e070a38bce737");
    // RFC 4231 test case 3 (binary key and message, given as hex).
    ok("4231-3 SHA-256 hex inputs",
       inputs(repeated("aa", 20), repeated("dd", 50), "SHA-256",
              {{"keyEncoding", "\"hex\""}, {"messageEncoding", "\"hex\""}}),
       "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
    // RFC 4231 test case 4 (the message 0xcd x 50 is not valid UTF-8, so it is given as hex).
    ok("4231-4 SHA-256", inputs(kKey4, cd50, "SHA-256", {{"messageEncoding", "\"hex\""}}),
       "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
    ok("4231-4 SHA-256 hex key",
       inputs(kKey4Hex, cd50, "SHA-256", {{"keyEncoding", "\"hex\""}, {"messageEncoding", "\"HEX\""}}),
       "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
    ok("4231-4 SHA-384", inputs(kKey4, cd50, "SHA-384", {{"messageEncoding", "\"hex\""}}),
       "3e8a69b7783c25851933ab6290af6ca77a9981480850009cc5577c6e1f573b4e6801dd23c4a7d679ccf8a386c674cffb");
    ok("4231-4 SHA-512", inputs(kKey4, cd50, "SHA-512", {{"messageEncoding", "\"hex\""}}),
       "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3dba91ca5c11aa25eb4d679275cc5788063a5f19"
       "741120c4f2d"
       "e2adebeb10a298dd");
    // RFC 4231 test case 6 (key larger than the block size).
    ok("4231-6 SHA-256", inputs(repeated("aa", 131), kLargeKeyText, "SHA-256", {{"keyEncoding", "\"hex\""}}),
       "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");

    // RFC 2202 (HMAC-SHA-1) test cases 1, 2, 3, 4 and 6.
    ok("2202-1 SHA-1", inputs(kKey1, hiThere, "SHA-1"), "b617318655057264e28bc0b6fb378c8ef146be00");
    ok("2202-2 SHA-1", inputs(jefe, wantNothing, "SHA-1"), "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
    ok("2202-3 SHA-1",
       inputs(repeated("aa", 20), repeated("dd", 50), "SHA-1",
              {{"keyEncoding", "\"hex\""}, {"messageEncoding", "\"hex\""}}),
       "125d7342b9ac11cd91a39af48aa17b4f63f175d3");
    ok("2202-4 SHA-1", inputs(kKey4, cd50, "SHA-1", {{"messageEncoding", "\"hex\""}}),
       "4c9007f4026250c6bc8414f9bf50c86c2d7235da");
    ok("2202-6 SHA-1", inputs(repeated("aa", 80), kLargeKeyText, "SHA-1", {{"keyEncoding", "\"hex\""}}),
       "aa4ae5e15272d00e95705637ce8a3b55ed402112");

    // Defaults, spellings and encodings.
    ok("default algorithm is SHA-256", inputs(jefe, wantNothing, nullptr),
       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    ok("null algorithm is SHA-256", inputs(jefe, wantNothing, nullptr, {{"algorithm", "null"}}),
       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    ok("algorithm sha256 spelling", inputs(jefe, wantNothing, "sha256"),
       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    ok("algorithm sha1 lower", inputs(jefe, wantNothing, " sha-1 "),
       "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
    ok("base64 output", inputs(jefe, wantNothing, "SHA-256", {{"encoding", "\"base64\""}}),
       "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=");
    ok("encoding upper case", inputs(jefe, wantNothing, "SHA-256", {{"encoding", "\"BASE64\""}}),
       "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=");
    ok("base64 key",
       inputs(QStringLiteral("SmVmZQ=="), wantNothing, "SHA-256", {{"keyEncoding", "\"base64\""}}),
       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    ok("empty message", inputs(QStringLiteral("key"), QString(), "SHA-256"),
       "5d5d139563c95b5967b9bd9a8c9b233a9dedb45072794cd232dc1b74832607d0");
    ok("missing message is empty", QJsonObject{{QStringLiteral("key"), QStringLiteral("key")}},
       "5d5d139563c95b5967b9bd9a8c9b233a9dedb45072794cd232dc1b74832607d0");
    ok("quick brown fox",
       inputs(QStringLiteral("key"), QStringLiteral("The quick brown fox jumps over the lazy dog"),
              "SHA-256"),
       "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    ok("unicode key and message are UTF-8",
       inputs(QStringLiteral("clé"), QStringLiteral("héllo 😀"), "SHA-256"),
       "a951b55249f61d56e98441cf45aea0980a7e3f1cbd928e7f3a1ecb09eb8bcd62");

    // Errors.
    fails("missing key", QJsonObject{{QStringLiteral("message"), QStringLiteral("m")}},
          ErrorType::InvalidInput, "key: a value is required");
    fails("empty key", inputs(QString(), wantNothing, nullptr), ErrorType::InvalidInput,
          "key: must not be empty");
    fails("unsupported algorithm", inputs(jefe, wantNothing, "MD5"), ErrorType::InvalidInput,
          "algorithm: unsupported \"MD5\"");
    fails("SHA-224 not offered", inputs(jefe, wantNothing, "SHA-224"), ErrorType::InvalidInput, "algorithm:");
    fails("SHA3 not offered", inputs(jefe, wantNothing, "SHA3-256"), ErrorType::InvalidInput, "algorithm:");
    fails("unknown encoding", inputs(jefe, wantNothing, nullptr, {{"encoding", "\"base32\""}}),
          ErrorType::InvalidInput, "encoding: unknown \"base32\"");
    fails("bad hex key", inputs(QStringLiteral("xyz0"), wantNothing, nullptr, {{"keyEncoding", "\"hex\""}}),
          ErrorType::InvalidInput, "key: not valid hex");
    fails("odd hex message", inputs(jefe, QStringLiteral("abc"), nullptr, {{"messageEncoding", "\"hex\""}}),
          ErrorType::InvalidInput, "message: not valid hex");
    fails("bad base64 key",
          inputs(QStringLiteral("@@@"), wantNothing, nullptr, {{"keyEncoding", "\"base64\""}}),
          ErrorType::InvalidInput, "key: not valid base64");
    fails("empty decoded key",
          inputs(QStringLiteral(" "), wantNothing, nullptr, {{"keyEncoding", "\"hex\""}}),
          ErrorType::InvalidInput, "key: must not be empty");
    fails("unknown key encoding", inputs(jefe, wantNothing, nullptr, {{"keyEncoding", "\"utf16\""}}),
          ErrorType::InvalidInput, "keyEncoding: unknown encoding \"utf16\"");
    fails("long algorithm name truncated", inputs(jefe, wantNothing, QByteArray(200, 'x').constData()),
          ErrorType::InvalidInput, "algorithm: unsupported \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" (");
}

void TestEncryptionCards::hmac()
{
    QFETCH(QJsonObject, in);
    QFETCH(QString, expected);
    QFETCH(int, errorType);
    QFETCH(QString, message);

    const auto r = runCard(QStringLiteral("encryption.hmac"), in);
    if (errorType != kOk) {
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error().type), errorType);
        QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
        QVERIFY(r.error().message.size() < 200);
        return;
    }
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    QCOMPARE(r->keys(), QStringList{QStringLiteral("output")});
    QCOMPARE(r->value(QStringLiteral("output")).toString(), expected);
}

QTEST_GUILESS_MAIN(TestEncryptionCards)
#include "tst_encryptioncards.moc"
