#pragma once

// Keys and JWS for the authorization server (PRODUCT.md §4): key generation, JWK and PEM import and
// export, RFC 7638 thumbprints, and JWS compact signing and verification. Key material is handled by
// OpenSSL 3 (EVP), which also gives the JWK members; JWS signatures by cjose. Nothing here knows about
// apps, flows or HTTP.
//
// A Key is an immutable, shareable handle: copies share the key, and sign/verify may be called from
// several threads at once.

#include "Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace wf::auth {

// The key types an app integration may hold (PRODUCT.md §4), with the command-line names of
// `wfconsole apps create --key`: "rsa" (2048), "rsa3072", "rsa4096", "ec" (P-256), "ec384".
enum class KeyType { Rsa2048, Rsa3072, Rsa4096, EcP256, EcP384 };

QString keyTypeId(KeyType type);                          // "rsa", "rsa3072", ...
std::optional<KeyType> parseKeyTypeId(const QString &id); // the reverse; nullopt when unknown
QString keyTypeDisplayName(KeyType type);                 // "RSA 2048", "EC P-256", ...

// base64url without padding (RFC 7515 §2). decode is strict: only [A-Za-z0-9_-], no '=', no
// whitespace, and no length that cannot come from an encoding (len % 4 == 1); nullopt otherwise.
QByteArray base64UrlEncode(const QByteArray &data);
std::optional<QByteArray> base64UrlDecode(const QByteArray &text);

// Parses a JSON object and refuses what QJsonDocument would silently accept: duplicate member names
// at any depth, a top level that is not an object, trailing data. The error names the problem
// ("duplicate member \"exp\"").
Result<QJsonObject> parseStrictJsonObject(const QByteArray &json);

struct Jws;

class Key final {
public:
    Key() = default;

    // A fresh key from the CSPRNG.
    static Result<Key> generate(KeyType type);
    // A JWK (RFC 7517) of kty RSA or EC (P-256, P-384, P-521), public or private. Keeps its "kid".
    // Refuses symmetric keys, RSA keys under 2048 bits, unknown curves and inconsistent members.
    static Result<Key> fromJwk(const QByteArray &json);
    static Result<Key> fromJwk(const QJsonObject &jwk);
    // PEM: "PUBLIC KEY", "PRIVATE KEY" (PKCS #8), "RSA PUBLIC KEY", "RSA PRIVATE KEY", "EC PRIVATE
    // KEY". Encrypted PEM is refused with a sentence saying so. No kid (use withKid()).
    static Result<Key> fromPem(const QByteArray &pem);
    // JWK when the text starts with '{', else PEM; the error says what was expected.
    static Result<Key> fromText(const QByteArray &text);

    bool isNull() const { return !m_data; }
    bool hasPrivate() const;
    bool isRsa() const;
    bool isEc() const;
    int bits() const;      // RSA modulus size, or the curve's field size (256, 384, 521)
    QString curve() const; // "P-256", "P-384", "P-521"; empty for RSA
    // The app key type this key is, nullopt for keys an app may not hold (RSA 5000, P-521, ...).
    std::optional<KeyType> type() const;
    QString typeDisplayName() const; // "RSA 2048", "EC P-521", ...

    QString kid() const;
    Key withKid(const QString &kid) const; // a copy with another kid (the key material is shared)

    // RFC 7638 JWK thumbprint: base64url(SHA-256(required members, lexicographic, no whitespace)).
    QString thumbprint() const;

    // The signature algorithms this key can make or check: RS256/RS384/RS512 for RSA, ES256 for
    // P-256, ES384 for P-384, ES512 for P-521.
    QStringList algorithms() const;
    bool supportsAlgorithm(const QString &alg) const;

    // JWK JSON (compact, keys sorted), with "kid" when the key has one. publicJwk never holds a
    // private member; privateJwk fails on a public key.
    QJsonObject publicJwk() const;
    Result<QJsonObject> privateJwk() const;
    // PEM: SubjectPublicKeyInfo ("PUBLIC KEY") and PKCS #8 ("PRIVATE KEY"), unencrypted.
    QByteArray publicPem() const;
    Result<QByteArray> privatePem() const;

    // Signs `payload` as a JWS compact serialisation with protected header {"alg": alg, "kid": kid()
    // when set, plus `extraHeader` members such as "typ"}. Needs a private key supporting `alg`.
    Result<QByteArray> signCompact(const QString &alg, const QByteArray &payload,
                                   const QJsonObject &extraHeader = {}) const;

    // True when two keys hold the same public key.
    bool samePublicKey(const Key &other) const;

    struct Data;

private:
    explicit Key(std::shared_ptr<const Data> data) : m_data(std::move(data)) {}
    friend Result<bool> verifyJws(const Jws &jws, const Key &key); // uses the key's cjose JWK

    std::shared_ptr<const Data> m_data;
};

// A JWS compact serialisation taken apart, before its signature is checked.
struct Jws {
    QJsonObject header;      // the protected header, parsed strictly
    QString alg;             // header "alg"
    QString kid;             // header "kid", empty when absent
    QByteArray payload;      // decoded payload bytes
    QByteArray signingInput; // "<header b64>.<payload b64>", what the signature covers
    QByteArray signature;    // decoded signature bytes

    // Takes `compact` apart. Refuses: more than `maxBytes`, not exactly three non-empty-header parts,
    // malformed base64url in any part, a header that is not a strict JSON object, "alg" missing or
    // not a string, "kid" present but not a string, "crit" present (no extension is understood).
    // The error message is the precise reason, safe to show (it never contains the input).
    static Result<Jws> parse(const QByteArray &compact, qsizetype maxBytes);
};

// The algorithms the server accepts on client assertions.
const QStringList &acceptedSignatureAlgorithms(); // RS256, RS384, RS512, ES256, ES384, ES512

// Checks `jws`'s signature with `key`. Refuses (with the reason) an alg outside
// acceptedSignatureAlgorithms(), an alg the key type cannot make ("RS256 needs an RSA key"), a
// signature of the wrong length for the key, and a signature that does not verify.
Result<bool> verifyJws(const Jws &jws, const Key &key);

} // namespace wf::auth
