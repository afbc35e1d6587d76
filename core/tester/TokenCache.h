#pragma once

// Access tokens the request tester fetched, kept until shortly before they expire so a run of
// requests signs one assertion, not one per request (PRODUCT.md §7). In memory only: a token is a
// secret and is never written anywhere.

#include "TokenClient.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <functional>
#include <optional>

namespace wf::tester {

struct CachedToken {
    QString accessToken;
    QDateTime fetchedAt; // UTC
    QDateTime expiresAt; // UTC: fetchedAt + expires_in
    TokenResult result;  // the answer it came in (decoded assertion included)
};

class TokenCache final {
public:
    // A token is reused while now < expiresAt - kExpiryMarginSeconds.
    static constexpr int kExpiryMarginSeconds = 30;

    // The key a token is cached under: token URL, client id, kid and scope.
    static QString keyFor(const TokenRequest &request);

    std::optional<CachedToken> find(const QString &key) const; // nullopt when absent or expiring
    void store(const QString &key, const TokenResult &result); // only ok results
    void invalidate(const QString &key);
    void clear();

    // For tests: the clock the cache reads (default: the system clock, UTC).
    void setClock(std::function<QDateTime()> clock);
    QDateTime now() const;

private:
    QHash<QString, CachedToken> m_tokens;
    std::function<QDateTime()> m_clock;
};

// A JWT's header and claims decoded for showing, without checking the signature. An error when the
// text is not three base64url parts with JSON object header and claims.
struct DecodedJwt {
    QJsonObject header;
    QJsonObject claims;
};
Result<DecodedJwt> decodeJwtForDisplay(const QByteArray &jwt);

} // namespace wf::tester
