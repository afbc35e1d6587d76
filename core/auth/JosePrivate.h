#pragma once

// Internals shared by Jose.cpp (strict JSON, JWS) and JoseKey.cpp (keys): the data a Key shares,
// owning pointers for OpenSSL and cjose objects, and the error helpers. Not for use outside core/auth.
//
// Thread-safety, from the cjose 0.6.2 source: cjose_jws_sign and cjose_jws_verify take the JWK as
// const and only read it (kty, keysize, keydata); each call builds its own cjose_jws_t, header and
// digest. The RSA and EC_KEY objects behind the JWK are only passed to RSA_sign, RSA_verify,
// ECDSA_do_sign and ECDSA_do_verify, which are safe on a shared key (OpenSSL creates the RSA blinding
// under the key's own lock). cjose_jwk_retain/cjose_jwk_release use a plain, non-atomic counter, so
// a JWK is never retained: it is released once, by the last Key sharing it. cjose_jwk_set_kid
// mutates the JWK, so the kid lives in Key::Data instead, and the JWK is never changed after it is
// built. cjose's JSON library, jansson (2.14), has no mutable global state but its hash seed, which it
// initialises once with atomics. cjose 0.6.2's ECDSA verification splits any signature in halves
// without checking its length (a 65-byte ES256 signature verifies; tst_jose has the row), so
// verifyJws checks the algorithm (never an HMAC one), the key type and the length before cjose runs.

#include "auth/Jose.h"

#include <cjose/cjose.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>

namespace wf::auth {

struct Key::Data {
    // The key material, immutable once built and shared by every copy of the key and its withKid()s.
    struct Material {
        EVP_PKEY *pkey = nullptr;   // for PEM, JWK members, bits and comparisons
        cjose_jwk_t *jwk = nullptr; // for JWS signing and verification
        bool isPrivate = false;
        bool isRsa = false;
        int bits = 0;            // RSA modulus bits, or the curve's field size
        int coordinateBytes = 0; // EC only: the size of x, y and d
        QString curve;           // EC only
        QJsonObject publicMembers;
        QByteArray publicPem;
        QString thumbprint;

        Material() = default;
        Material(const Material &) = delete;
        Material &operator=(const Material &) = delete;
        ~Material()
        {
            if (jwk)
                cjose_jwk_release(jwk);
            EVP_PKEY_free(pkey);
        }
    };

    std::shared_ptr<const Material> material;
    QString kid;
};

namespace jose {

template <auto Fn>
struct Free {
    template <typename T>
    void operator()(T *p) const
    {
        Fn(p);
    }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, Free<EVP_PKEY_free>>;
using BnPtr = std::unique_ptr<BIGNUM, Free<BN_clear_free>>;
using BioPtr = std::unique_ptr<BIO, Free<BIO_free_all>>;
using JwkPtr = std::unique_ptr<cjose_jwk_t, Free<cjose_jwk_release>>;

Error invalid(const QString &message);
// An OpenSSL failure ("OpenSSL could not <what>"); clears OpenSSL's error queue.
Error internal(const QString &what);
// `text` in quotes when it is short printable ASCII, else a neutral word: messages never echo
// arbitrary input.
QString quoted(const QString &text);
// parseStrictJsonObject with errors about `subject` ("the JWS header has a duplicate member ...").
Result<QJsonObject> strictObject(const QByteArray &json, const QString &subject);

} // namespace jose
} // namespace wf::auth
