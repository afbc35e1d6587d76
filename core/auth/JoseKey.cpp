// Keys (Jose.h): generation, JWK and PEM import and export, RFC 7638 thumbprints. Key material lives in
// an OpenSSL 3 EVP_PKEY; the cjose JWK used for JWS is built once from the same components.

#include "auth/JosePrivate.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <openssl/core_names.h>
#include <openssl/decoder.h>
#include <openssl/err.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <vector>

namespace wf::auth {

using namespace jose;

namespace {

using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, Free<EVP_PKEY_CTX_free>>;
using BnCtxPtr = std::unique_ptr<BN_CTX, Free<BN_CTX_free>>;
using ParamBldPtr = std::unique_ptr<OSSL_PARAM_BLD, Free<OSSL_PARAM_BLD_free>>;
using ParamPtr = std::unique_ptr<OSSL_PARAM, Free<OSSL_PARAM_free>>;
using DecoderPtr = std::unique_ptr<OSSL_DECODER_CTX, Free<OSSL_DECODER_CTX_free>>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, Free<EVP_MD_CTX_free>>;
using Material = Key::Data::Material;

constexpr int kMinRsaBits = 2048;
constexpr int kMaxRsaBits = 8192;

// Wipes a buffer that held private key material before it is freed.
void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), static_cast<size_t>(bytes.size()));
    bytes.clear();
}

// ---- OpenSSL helpers -----------------------------------------------------------------------------

BnPtr bnParam(const EVP_PKEY *pkey, const char *name)
{
    BIGNUM *bn = nullptr;
    if (EVP_PKEY_get_bn_param(pkey, name, &bn) != 1) {
        ERR_clear_error();
        return nullptr;
    }
    return BnPtr(bn);
}

// Big-endian bytes, left-padded to `size` when it is not 0.
QByteArray bnBytes(const BIGNUM *bn, int size = 0)
{
    QByteArray bytes(size > 0 ? size : BN_num_bytes(bn), Qt::Uninitialized);
    BN_bn2binpad(bn, reinterpret_cast<unsigned char *>(bytes.data()), static_cast<int>(bytes.size()));
    return bytes;
}

QString b64(const QByteArray &bytes)
{
    return QString::fromLatin1(base64UrlEncode(bytes));
}

// The RSA parameters of a JWK, in JWK order, with their OpenSSL names.
struct RsaMember {
    const char *jwk;
    const char *ossl;
};
constexpr RsaMember kRsaPrivate[] = {
    {"d", OSSL_PKEY_PARAM_RSA_D},          {"p", OSSL_PKEY_PARAM_RSA_FACTOR1},
    {"q", OSSL_PKEY_PARAM_RSA_FACTOR2},    {"dp", OSSL_PKEY_PARAM_RSA_EXPONENT1},
    {"dq", OSSL_PKEY_PARAM_RSA_EXPONENT2}, {"qi", OSSL_PKEY_PARAM_RSA_COEFFICIENT1},
};

// True when the RSA private parameters agree with each other and with (n, e): n = pq, dp and dq are
// d mod (p-1) and (q-1), ed = 1 mod (p-1) and (q-1), q·qi = 1 mod p. Cheap, unlike
// EVP_PKEY_pairwise_check, which also runs primality tests (over 100 ms for RSA 2048).
bool rsaFactorsConsistent(const EVP_PKEY *pkey)
{
    BnPtr n = bnParam(pkey, OSSL_PKEY_PARAM_RSA_N), e = bnParam(pkey, OSSL_PKEY_PARAM_RSA_E);
    BnPtr v[6];
    for (int i = 0; i < 6; ++i)
        v[i] = bnParam(pkey, kRsaPrivate[i].ossl);
    const auto &[d, p, q, dp, dq, qi] = v;
    BnCtxPtr ctx(BN_CTX_new());
    BnPtr t(BN_new()), p1(BN_new()), q1(BN_new());
    if (!n || !e || !d || !p || !q || !dp || !dq || !qi || !ctx || !t || !p1 || !q1)
        return false;
    const auto modEquals = [&](const BIGNUM *a, const BIGNUM *m, const BIGNUM *expected) {
        return BN_nnmod(t.get(), a, m, ctx.get()) == 1 && BN_cmp(t.get(), expected) == 0;
    };
    const auto modMulIsOne = [&](const BIGNUM *a, const BIGNUM *b, const BIGNUM *m) {
        return BN_mod_mul(t.get(), a, b, m, ctx.get()) == 1 && BN_is_one(t.get());
    };
    return BN_mul(t.get(), p.get(), q.get(), ctx.get()) == 1 && BN_cmp(t.get(), n.get()) == 0 &&
           BN_sub(p1.get(), p.get(), BN_value_one()) == 1 && BN_sub(q1.get(), q.get(), BN_value_one()) == 1 &&
           modEquals(d.get(), p1.get(), dp.get()) && modEquals(d.get(), q1.get(), dq.get()) &&
           modMulIsOne(e.get(), d.get(), p1.get()) && modMulIsOne(e.get(), d.get(), q1.get()) &&
           modMulIsOne(q.get(), qi.get(), p.get());
}

// True when a signature made with the private key verifies with the public one.
bool signatureRoundTrips(EVP_PKEY *pkey)
{
    static const QByteArray message = QByteArrayLiteral("wfconsole key consistency check");
    const auto data = reinterpret_cast<const unsigned char *>(message.constData());
    MdCtxPtr sign(EVP_MD_CTX_new()), verify(EVP_MD_CTX_new());
    size_t length = 0;
    if (!sign || !verify || EVP_DigestSignInit(sign.get(), nullptr, EVP_sha256(), nullptr, pkey) != 1 ||
        EVP_DigestSign(sign.get(), nullptr, &length, data, static_cast<size_t>(message.size())) != 1)
        return false;
    QByteArray signature(static_cast<qsizetype>(length), Qt::Uninitialized);
    auto sig = reinterpret_cast<unsigned char *>(signature.data());
    return EVP_DigestSign(sign.get(), sig, &length, data, static_cast<size_t>(message.size())) == 1 &&
           EVP_DigestVerifyInit(verify.get(), nullptr, EVP_sha256(), nullptr, pkey) == 1 &&
           EVP_DigestVerify(verify.get(), sig, length, data, static_cast<size_t>(message.size())) == 1;
}

// The cjose JWK for `m`, from the components OpenSSL holds.
JwkPtr makeCjoseJwk(const Material &m)
{
    cjose_err err{};
    if (m.isRsa) {
        QByteArray values[8];
        const char *names[8] = {OSSL_PKEY_PARAM_RSA_N, OSSL_PKEY_PARAM_RSA_E};
        for (int i = 0; i < 6; ++i)
            names[i + 2] = kRsaPrivate[i].ossl;
        for (int i = 0; i < (m.isPrivate ? 8 : 2); ++i) {
            if (BnPtr bn = bnParam(m.pkey, names[i]))
                values[i] = bnBytes(bn.get());
        }
        const auto ptr = [&](int i) {
            return values[i].isEmpty() ? nullptr : reinterpret_cast<uint8_t *>(values[i].data());
        };
        const auto len = [&](int i) {
            return static_cast<size_t>(values[i].size());
        };
        cjose_jwk_rsa_keyspec spec{ptr(1), len(1), ptr(0), len(0), ptr(2), len(2), ptr(3), len(3),
                                   ptr(4), len(4), ptr(5), len(5), ptr(6), len(6), ptr(7), len(7)};
        JwkPtr jwk(cjose_jwk_create_RSA_spec(&spec, &err));
        for (QByteArray &value : values)
            wipe(value);
        return jwk;
    }
    BnPtr x = bnParam(m.pkey, OSSL_PKEY_PARAM_EC_PUB_X), y = bnParam(m.pkey, OSSL_PKEY_PARAM_EC_PUB_Y);
    BnPtr d = m.isPrivate ? bnParam(m.pkey, OSSL_PKEY_PARAM_PRIV_KEY) : nullptr;
    if (!x || !y || (m.isPrivate && !d))
        return nullptr;
    QByteArray xb = bnBytes(x.get(), m.coordinateBytes), yb = bnBytes(y.get(), m.coordinateBytes);
    QByteArray db = d ? bnBytes(d.get(), m.coordinateBytes) : QByteArray();
    const cjose_jwk_ec_curve crv = m.bits == 256   ? CJOSE_JWK_EC_P_256
                                   : m.bits == 384 ? CJOSE_JWK_EC_P_384
                                                   : CJOSE_JWK_EC_P_521;
    const auto u8 = [](QByteArray &b) {
        return b.isEmpty() ? nullptr : reinterpret_cast<uint8_t *>(b.data());
    };
    cjose_jwk_ec_keyspec spec{crv,
                              u8(db),
                              static_cast<size_t>(db.size()),
                              u8(xb),
                              static_cast<size_t>(xb.size()),
                              u8(yb),
                              static_cast<size_t>(yb.size())};
    JwkPtr jwk(cjose_jwk_create_EC_spec(&spec, &err));
    wipe(db);
    return jwk;
}

// Checks `pkey` and builds everything a Key shares. `checkPrivate` runs the consistency check of the
// private part (skipped for keys we just generated).
Result<std::shared_ptr<const Key::Data>> dataFromPkey(PkeyPtr pkey, bool checkPrivate)
{
    auto m = std::make_shared<Material>();
    if (EVP_PKEY_is_a(pkey.get(), "RSA")) {
        m->isRsa = true;
        BnPtr n = bnParam(pkey.get(), OSSL_PKEY_PARAM_RSA_N), e = bnParam(pkey.get(), OSSL_PKEY_PARAM_RSA_E);
        if (!n || !e)
            return internal(QStringLiteral("read the RSA key"));
        m->bits = BN_num_bits(n.get());
        if (m->bits < kMinRsaBits)
            return invalid(QStringLiteral("the RSA key is %1 bits; at least %2 are required")
                               .arg(m->bits)
                               .arg(kMinRsaBits));
        if (m->bits > kMaxRsaBits)
            return invalid(QStringLiteral("the RSA key is %1 bits; at most %2 are supported")
                               .arg(m->bits)
                               .arg(kMaxRsaBits));
        if (!BN_is_odd(n.get()))
            return invalid(QStringLiteral("the RSA modulus is even, so it is not a valid key"));
        if (!BN_is_odd(e.get()) || BN_num_bits(e.get()) < 2)
            return invalid(QStringLiteral("the RSA public exponent must be odd and at least 3"));
        m->isPrivate = bnParam(pkey.get(), OSSL_PKEY_PARAM_RSA_D) != nullptr;
        if (m->isPrivate && checkPrivate) {
            const bool hasFactors = bnParam(pkey.get(), OSSL_PKEY_PARAM_RSA_FACTOR1) != nullptr;
            if (!(hasFactors ? rsaFactorsConsistent(pkey.get()) : signatureRoundTrips(pkey.get())))
                return invalid(QStringLiteral("the RSA private key does not match its public key"));
        }
        m->publicMembers = {{QStringLiteral("e"), b64(bnBytes(e.get()))},
                            {QStringLiteral("kty"), QStringLiteral("RSA")},
                            {QStringLiteral("n"), b64(bnBytes(n.get()))}};
    } else if (EVP_PKEY_is_a(pkey.get(), "EC")) {
        char group[80] = {};
        size_t groupLength = 0;
        if (EVP_PKEY_get_utf8_string_param(pkey.get(), OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group,
                                           &groupLength) != 1)
            return invalid(QStringLiteral("the EC key does not name its curve; use P-256, P-384 or P-521"));
        const QString name = QString::fromLatin1(group);
        m->bits = name == QLatin1String("prime256v1")  ? 256
                  : name == QLatin1String("secp384r1") ? 384
                  : name == QLatin1String("secp521r1") ? 521
                                                       : 0;
        if (m->bits == 0)
            return invalid(QStringLiteral("the EC curve %1 is not supported; use P-256, P-384 or P-521")
                               .arg(quoted(name)));
        m->curve = QStringLiteral("P-%1").arg(m->bits);
        m->coordinateBytes = (m->bits + 7) / 8;
        PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, pkey.get(), nullptr));
        if (!ctx || EVP_PKEY_public_check(ctx.get()) != 1) {
            ERR_clear_error();
            return invalid(QStringLiteral("the EC public key is not a valid point on %1").arg(m->curve));
        }
        m->isPrivate = bnParam(pkey.get(), OSSL_PKEY_PARAM_PRIV_KEY) != nullptr;
        if (m->isPrivate && checkPrivate && EVP_PKEY_pairwise_check(ctx.get()) != 1) {
            ERR_clear_error();
            return invalid(QStringLiteral("the EC private key does not match its public key"));
        }
        BnPtr x = bnParam(pkey.get(), OSSL_PKEY_PARAM_EC_PUB_X),
              y = bnParam(pkey.get(), OSSL_PKEY_PARAM_EC_PUB_Y);
        if (!x || !y)
            return internal(QStringLiteral("read the EC key"));
        m->publicMembers = {{QStringLiteral("crv"), m->curve},
                            {QStringLiteral("kty"), QStringLiteral("EC")},
                            {QStringLiteral("x"), b64(bnBytes(x.get(), m->coordinateBytes))},
                            {QStringLiteral("y"), b64(bnBytes(y.get(), m->coordinateBytes))}};
    } else {
        const char *type = EVP_PKEY_get0_type_name(pkey.get());
        return invalid(QStringLiteral("the key is of type %1; only RSA and EC keys are supported")
                           .arg(quoted(QString::fromLatin1(type ? type : "unknown"))));
    }
    m->pkey = pkey.release();

    // The RFC 7638 members are exactly the public members; QJsonDocument sorts them and adds no space.
    const QByteArray canonical = QJsonDocument(m->publicMembers).toJson(QJsonDocument::Compact);
    m->thumbprint = b64(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256));

    BioPtr bio(BIO_new(BIO_s_mem()));
    BUF_MEM *buffer = nullptr;
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), m->pkey) != 1 || BIO_get_mem_ptr(bio.get(), &buffer) != 1)
        return internal(QStringLiteral("write the public key as PEM"));
    m->publicPem = QByteArray(buffer->data, static_cast<qsizetype>(buffer->length));

    m->jwk = makeCjoseJwk(*m).release();
    if (!m->jwk)
        return internal(QStringLiteral("prepare the key for JWS"));
    auto data = std::make_shared<Key::Data>();
    data->material = std::move(m);
    return std::shared_ptr<const Key::Data>(std::move(data));
}

// ---- JWK import ----------------------------------------------------------------------------------

// A base64url member of a JWK; an empty result with no error when it is absent and not required.
Result<QByteArray> jwkBytes(const QJsonObject &jwk, const char *name, bool required)
{
    const QString member = QLatin1String(name);
    const QJsonValue value = jwk.value(member);
    if (value.isUndefined()) {
        if (required)
            return invalid(QStringLiteral("the JWK has no \"%1\"").arg(member));
        return QByteArray();
    }
    if (!value.isString())
        return invalid(QStringLiteral("the JWK member \"%1\" is not a string").arg(member));
    const auto bytes = base64UrlDecode(value.toString().toLatin1()); // non-Latin-1 becomes '?', refused
    if (!bytes || value.toString().isEmpty())
        return invalid(QStringLiteral("the JWK member \"%1\" is not valid base64url").arg(member));
    return *bytes;
}

Result<PkeyPtr> pkeyFromParams(const char *type, OSSL_PARAM_BLD *builder, bool isPrivate)
{
    ParamPtr params(OSSL_PARAM_BLD_to_param(builder));
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EVP_PKEY *pkey = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
        EVP_PKEY_fromdata(ctx.get(), &pkey, isPrivate ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY,
                          params.get()) != 1) {
        ERR_clear_error();
        return PkeyPtr();
    }
    return PkeyPtr(pkey);
}

Result<PkeyPtr> rsaFromJwk(const QJsonObject &jwk)
{
    if (jwk.contains(QLatin1String("oth")))
        return invalid(QStringLiteral("the JWK is a multi-prime RSA key (\"oth\"), which is not supported"));
    ParamBldPtr builder(OSSL_PARAM_BLD_new());
    std::vector<BnPtr> numbers;
    const auto push = [&](const char *ossl, QByteArray bytes) {
        numbers.emplace_back(BN_bin2bn(reinterpret_cast<const unsigned char *>(bytes.constData()),
                                       static_cast<int>(bytes.size()), nullptr));
        wipe(bytes);
        return numbers.back() && OSSL_PARAM_BLD_push_BN(builder.get(), ossl, numbers.back().get()) == 1;
    };
    auto n = jwkBytes(jwk, "n", true);
    if (!n)
        return n.error();
    auto e = jwkBytes(jwk, "e", true);
    if (!e)
        return e.error();
    if (!builder || !push(OSSL_PKEY_PARAM_RSA_N, *n) || !push(OSSL_PKEY_PARAM_RSA_E, *e))
        return internal(QStringLiteral("build the RSA key"));
    int present = 0;
    for (const RsaMember &member : kRsaPrivate) {
        auto value = jwkBytes(jwk, member.jwk, false);
        if (!value)
            return value.error();
        if (value->isEmpty())
            continue;
        ++present;
        if (!push(member.ossl, std::move(value.value())))
            return internal(QStringLiteral("build the RSA key"));
    }
    if (present > 0 && !jwk.contains(QLatin1String("d")))
        return invalid(QStringLiteral("the RSA JWK has private members but no \"d\""));
    if (present != 0 && present != 1 && present != 6)
        return invalid(
            QStringLiteral("the RSA JWK must have all of \"p\", \"q\", \"dp\", \"dq\" and \"qi\", or none"));
    auto pkey = pkeyFromParams("RSA", builder.get(), present > 0);
    if (pkey && !*pkey)
        return invalid(QStringLiteral("the RSA JWK is not a valid key"));
    return pkey;
}

Result<PkeyPtr> ecFromJwk(const QJsonObject &jwk)
{
    const QJsonValue crv = jwk.value(QLatin1String("crv"));
    if (!crv.isString())
        return invalid(crv.isUndefined() ? QStringLiteral("the EC JWK has no \"crv\"")
                                         : QStringLiteral("the JWK member \"crv\" is not a string"));
    const QString curve = crv.toString();
    const int bits = curve == QLatin1String("P-256")   ? 256
                     : curve == QLatin1String("P-384") ? 384
                     : curve == QLatin1String("P-521") ? 521
                                                       : 0;
    if (bits == 0)
        return invalid(
            QStringLiteral("the EC curve %1 is not supported; use P-256, P-384 or P-521").arg(quoted(curve)));
    const qsizetype size = (bits + 7) / 8;
    QByteArray parts[3];
    const char *names[3] = {"x", "y", "d"};
    for (int i = 0; i < 3; ++i) {
        auto value = jwkBytes(jwk, names[i], i < 2);
        if (!value)
            return value.error();
        parts[i] = std::move(value.value());
        if ((i < 2 || !parts[i].isEmpty()) && parts[i].size() != size)
            return invalid(QStringLiteral("the JWK member \"%1\" is %2 bytes; on %3 it must be %4")
                               .arg(QLatin1String(names[i]))
                               .arg(parts[i].size())
                               .arg(curve)
                               .arg(size));
    }
    const bool isPrivate = !parts[2].isEmpty();
    const QByteArray point = QByteArrayLiteral("\x04") + parts[0] + parts[1];
    const char *group = bits == 256 ? "prime256v1" : bits == 384 ? "secp384r1" : "secp521r1";
    ParamBldPtr builder(OSSL_PARAM_BLD_new());
    BnPtr d(isPrivate ? BN_bin2bn(reinterpret_cast<const unsigned char *>(parts[2].constData()),
                                  static_cast<int>(size), nullptr)
                      : nullptr);
    wipe(parts[2]);
    if (!builder || (isPrivate && !d) ||
        OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, group, 0) != 1 ||
        OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(),
                                         static_cast<size_t>(point.size())) != 1 ||
        (isPrivate && OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_PRIV_KEY, d.get()) != 1))
        return internal(QStringLiteral("build the EC key"));
    auto pkey = pkeyFromParams("EC", builder.get(), isPrivate);
    if (pkey && !*pkey)
        return invalid(QStringLiteral("the EC public key (x, y) is not a point on %1").arg(curve));
    return pkey;
}

// ---- PEM import ----------------------------------------------------------------------------------

struct PemBlock {
    QByteArray label;
    QByteArray text; // BEGIN line to END line, inclusive
};

QList<PemBlock> pemBlocks(const QByteArray &pem)
{
    static const QByteArray begin = QByteArrayLiteral("-----BEGIN ");
    QList<PemBlock> blocks;
    for (qsizetype at = pem.indexOf(begin); at >= 0; at = pem.indexOf(begin, at + 1)) {
        const qsizetype labelEnd = pem.indexOf("-----", at + begin.size());
        if (labelEnd < 0)
            break;
        const QByteArray label = pem.mid(at + begin.size(), labelEnd - at - begin.size());
        const QByteArray end = "-----END " + label + "-----";
        const qsizetype endAt = pem.indexOf(end, labelEnd);
        blocks.append({label, endAt < 0 ? QByteArray() : pem.mid(at, endAt + end.size() - at)});
    }
    return blocks;
}

int pemPasswordRefused(char *, int, int, void *)
{
    return -1; // never prompt, never decrypt
}

} // namespace

// ---- Key -----------------------------------------------------------------------------------------

Result<Key> Key::generate(KeyType type)
{
    EVP_PKEY *pkey = nullptr;
    switch (type) {
    case KeyType::Rsa2048:
    case KeyType::Rsa3072:
    case KeyType::Rsa4096: {
        const size_t bits = type == KeyType::Rsa2048 ? 2048 : type == KeyType::Rsa3072 ? 3072 : 4096;
        pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", bits); // e = 65537, OpenSSL's default
        break;
    }
    case KeyType::EcP256:
    case KeyType::EcP384:
        pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", type == KeyType::EcP256 ? "P-256" : "P-384");
        break;
    }
    if (!pkey)
        return internal(QStringLiteral("generate a %1 key").arg(keyTypeDisplayName(type)));
    auto data = dataFromPkey(PkeyPtr(pkey), false);
    if (!data)
        return data.error();
    return Key(*data);
}

Result<Key> Key::fromJwk(const QByteArray &json)
{
    auto object = strictObject(json, QStringLiteral("the JWK"));
    if (!object)
        return object.error();
    return fromJwk(*object);
}

Result<Key> Key::fromJwk(const QJsonObject &jwk)
{
    const QJsonValue kty = jwk.value(QLatin1String("kty"));
    if (!kty.isString()) {
        if (jwk.value(QLatin1String("keys")).isArray())
            return invalid(QStringLiteral("this is a JWK Set; give one key of it"));
        return invalid(kty.isUndefined() ? QStringLiteral("the JWK has no \"kty\"")
                                         : QStringLiteral("the JWK member \"kty\" is not a string"));
    }
    const QJsonValue kid = jwk.value(QLatin1String("kid"));
    if (!kid.isUndefined() && (!kid.isString() || kid.toString().isEmpty()))
        return invalid(QStringLiteral("the JWK member \"kid\" is not a non-empty string"));
    Result<PkeyPtr> pkey = PkeyPtr();
    if (kty.toString() == QLatin1String("RSA"))
        pkey = rsaFromJwk(jwk);
    else if (kty.toString() == QLatin1String("EC"))
        pkey = ecFromJwk(jwk);
    else if (kty.toString() == QLatin1String("oct"))
        return invalid(
            QStringLiteral("the JWK is a symmetric (\"oct\") key; only RSA and EC keys are accepted"));
    else
        return invalid(QStringLiteral("the JWK key type %1 is not supported; use RSA or EC")
                           .arg(quoted(kty.toString())));
    if (!pkey)
        return pkey.error();
    auto data = dataFromPkey(std::move(pkey.value()), true);
    if (!data)
        return data.error();
    return Key(*data).withKid(kid.toString());
}

Result<Key> Key::fromPem(const QByteArray &pem)
{
    static const QList<QByteArray> publicLabels{"PUBLIC KEY", "RSA PUBLIC KEY"};
    static const QList<QByteArray> privateLabels{"PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY"};
    const QList<PemBlock> blocks = pemBlocks(pem);
    if (blocks.isEmpty())
        return invalid(QStringLiteral("the text is not PEM: it has no \"-----BEGIN ...-----\" line"));
    QList<PemBlock> keys;
    for (const PemBlock &block : blocks) {
        if (block.label == "ENCRYPTED PRIVATE KEY" || block.text.contains("Proc-Type: 4,ENCRYPTED"))
            return invalid(
                QStringLiteral("the PEM private key is encrypted; give it unencrypted (for example "
                               "from \"openssl pkey -in key.pem\")"));
        if (block.label == "EC PARAMETERS")
            continue;
        if (!publicLabels.contains(block.label) && !privateLabels.contains(block.label))
            return invalid(
                QStringLiteral("the PEM block %1 is not a key; expected PUBLIC KEY, PRIVATE KEY, RSA "
                               "PUBLIC KEY, RSA PRIVATE KEY or EC PRIVATE KEY")
                    .arg(quoted(QString::fromLatin1(block.label))));
        if (block.text.isEmpty())
            return invalid(QStringLiteral("the PEM block %1 has no END line")
                               .arg(quoted(QString::fromLatin1(block.label))));
        keys.append(block);
    }
    if (keys.size() != 1)
        return invalid(keys.isEmpty() ? QStringLiteral("the PEM text holds no key")
                                      : QStringLiteral("the PEM text holds more than one key; give one"));
    const bool isPrivate = privateLabels.contains(keys.first().label);
    EVP_PKEY *decoded = nullptr;
    DecoderPtr decoder(OSSL_DECODER_CTX_new_for_pkey(&decoded, "PEM", nullptr, nullptr,
                                                     isPrivate ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY,
                                                     nullptr, nullptr));
    BioPtr bio(BIO_new_mem_buf(keys.first().text.constData(), static_cast<int>(keys.first().text.size())));
    if (!decoder || !bio)
        return internal(QStringLiteral("prepare to read PEM"));
    OSSL_DECODER_CTX_set_pem_password_cb(decoder.get(), pemPasswordRefused, nullptr);
    const bool ok = OSSL_DECODER_from_bio(decoder.get(), bio.get()) == 1 && decoded;
    PkeyPtr pkey(decoded);
    if (!ok) {
        ERR_clear_error();
        return invalid(QStringLiteral("the PEM block %1 is not a valid key")
                           .arg(quoted(QString::fromLatin1(keys.first().label))));
    }
    auto data = dataFromPkey(std::move(pkey), true);
    if (!data)
        return data.error();
    if ((*data)->material->isPrivate != isPrivate)
        return invalid(QStringLiteral("the PEM block does not hold the key its label announces"));
    return Key(*data);
}

Result<Key> Key::fromText(const QByteArray &text)
{
    const QByteArray trimmed = text.trimmed();
    if (trimmed.startsWith('{'))
        return fromJwk(trimmed);
    if (trimmed.contains("-----BEGIN "))
        return fromPem(trimmed);
    return invalid(
        QStringLiteral("the key is neither a JWK (JSON starting with \"{\") nor PEM (starting with "
                       "\"-----BEGIN PUBLIC KEY-----\" or \"-----BEGIN PRIVATE KEY-----\")"));
}

bool Key::hasPrivate() const
{
    return m_data && m_data->material->isPrivate;
}

bool Key::isRsa() const
{
    return m_data && m_data->material->isRsa;
}

bool Key::isEc() const
{
    return m_data && !m_data->material->isRsa;
}

int Key::bits() const
{
    return m_data ? m_data->material->bits : 0;
}

QString Key::curve() const
{
    return m_data ? m_data->material->curve : QString();
}

std::optional<KeyType> Key::type() const
{
    if (!m_data)
        return std::nullopt;
    for (const KeyType type :
         {KeyType::Rsa2048, KeyType::Rsa3072, KeyType::Rsa4096, KeyType::EcP256, KeyType::EcP384}) {
        if (keyTypeDisplayName(type) == typeDisplayName())
            return type;
    }
    return std::nullopt;
}

QString Key::typeDisplayName() const
{
    if (!m_data)
        return {};
    if (isRsa())
        return QStringLiteral("RSA %1").arg(bits());
    return QStringLiteral("EC ") + curve();
}

QString Key::kid() const
{
    return m_data ? m_data->kid : QString();
}

Key Key::withKid(const QString &kid) const
{
    if (!m_data)
        return {};
    auto data = std::make_shared<Data>();
    data->material = m_data->material;
    data->kid = kid;
    return Key(std::move(data));
}

QString Key::thumbprint() const
{
    return m_data ? m_data->material->thumbprint : QString();
}

QStringList Key::algorithms() const
{
    if (!m_data)
        return {};
    if (isRsa())
        return {QStringLiteral("RS256"), QStringLiteral("RS384"), QStringLiteral("RS512")};
    return {QStringLiteral("ES%1").arg(bits() == 521 ? 512 : bits())};
}

bool Key::supportsAlgorithm(const QString &alg) const
{
    return algorithms().contains(alg);
}

QJsonObject Key::publicJwk() const
{
    if (!m_data)
        return {};
    QJsonObject jwk = m_data->material->publicMembers;
    if (!m_data->kid.isEmpty())
        jwk.insert(QLatin1String("kid"), m_data->kid);
    return jwk;
}

Result<QJsonObject> Key::privateJwk() const
{
    if (!hasPrivate())
        return invalid(QStringLiteral("the key has no private part"));
    const Data::Material &m = *m_data->material;
    QJsonObject jwk = publicJwk();
    if (m.isRsa) {
        for (const RsaMember &member : kRsaPrivate) {
            if (BnPtr bn = bnParam(m.pkey, member.ossl))
                jwk.insert(QLatin1String(member.jwk), b64(bnBytes(bn.get())));
        }
    } else if (BnPtr d = bnParam(m.pkey, OSSL_PKEY_PARAM_PRIV_KEY)) {
        jwk.insert(QLatin1String("d"), b64(bnBytes(d.get(), m.coordinateBytes)));
    }
    if (!jwk.contains(QLatin1String("d")))
        return internal(QStringLiteral("read the private key"));
    return jwk;
}

QByteArray Key::publicPem() const
{
    return m_data ? m_data->material->publicPem : QByteArray();
}

Result<QByteArray> Key::privatePem() const
{
    if (!hasPrivate())
        return invalid(QStringLiteral("the key has no private part"));
    if (isRsa() && !bnParam(m_data->material->pkey, OSSL_PKEY_PARAM_RSA_FACTOR1))
        return invalid(
            QStringLiteral("the RSA private key has \"d\" but not its primes \"p\" and \"q\", which PEM "
                           "needs; keep it as a JWK"));
    BioPtr bio(BIO_new(BIO_s_mem()));
    BUF_MEM *buffer = nullptr;
    if (!bio ||
        PEM_write_bio_PKCS8PrivateKey(bio.get(), m_data->material->pkey, nullptr, nullptr, 0, nullptr,
                                      nullptr) != 1 ||
        BIO_get_mem_ptr(bio.get(), &buffer) != 1)
        return internal(QStringLiteral("write the private key as PEM"));
    return QByteArray(buffer->data, static_cast<qsizetype>(buffer->length));
}

bool Key::samePublicKey(const Key &other) const
{
    if (!m_data || !other.m_data)
        return false;
    const int equal = EVP_PKEY_eq(m_data->material->pkey, other.m_data->material->pkey);
    ERR_clear_error();
    return equal == 1;
}

} // namespace wf::auth
