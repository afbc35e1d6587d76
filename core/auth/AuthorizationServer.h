#pragma once

// The OAuth 2.0 authorization server of PRODUCT.md §4: the client-credentials grant with
// private_key_jwt client authentication (RFC 6749 §4.4, RFC 7521, RFC 7523), the access tokens it
// issues and their checks on the flow routes, the JWKS and the discovery metadata. Transport-free:
// the token endpoint takes the decoded form fields; core/endpoint/OAuthService does the HTTP.
//
// Thread-safe: the server answers from worker threads while the workspace it reads (an immutable
// snapshot) can be swapped at any time.

#include "auth/AccessDecision.h"
#include "auth/AppIntegration.h"
#include "auth/Jose.h"
#include "auth/ReplayCache.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <memory>

namespace wf {
class Workspace;
struct Flow;
} // namespace wf

namespace wf::auth {

// What the authorization server reads of the workspace, immutable once built.
struct AuthSnapshot {
    struct App {
        AppIntegration app;
        QHash<QString, Key> keys; // kid → public key, every key of the app (active or not)
    };

    QString issuer;                    // the base URL, without a trailing slash
    QString tokenUrl;                  // issuer + "/oauth2/v1/token": the only accepted assertion audience
    QHash<QString, App> apps;          // by client id
    Key signingKey;                    // the current private signing key (RS256)
    QHash<QString, Key> publishedKeys; // kid → public key: the current one and retired ones

    // From the workspace's apps and signing keys, with `signingKey` the private part of its current
    // signing key (Workspace::ensureSigningKey) and `baseUrl` the address clients use.
    static Result<std::shared_ptr<const AuthSnapshot>> of(const Workspace &workspace, const Key &signingKey,
                                                          const QString &baseUrl);
};

// The answer of the token endpoint, before HTTP: 200 with the token response, or an OAuth error.
struct TokenOutcome {
    int status = 200;
    QJsonObject body;   // the token response, or {"error", "error_description"}
    int retryAfter = 0; // seconds, for 503 (the replay cache is full)

    bool ok() const { return status == 200; }
};

// The claims of an access token whose signature and issuer checked out.
struct AccessTokenClaims {
    QString clientId;
    QString kid; // of the signing key
    QStringList scopes;
    qint64 issuedAt = 0;  // seconds since the epoch
    qint64 expiresAt = 0; // seconds since the epoch
};

class AuthorizationServer final {
public:
    static constexpr qsizetype kMaxAssertionBytes = 8 * 1024;
    static constexpr qsizetype kMaxAccessTokenBytes = 8 * 1024;
    static constexpr qint64 kClockSkewSeconds = 60;
    static constexpr qint64 kMaxAssertionLifetimeSeconds = 3600;
    static constexpr qsizetype kVerifiedTokenCacheSize = 10'000;

    explicit AuthorizationServer(std::shared_ptr<const AuthSnapshot> snapshot,
                                 qsizetype replayCapacity = ReplayCache::kDefaultCapacity);

    void setSnapshot(std::shared_ptr<const AuthSnapshot> snapshot);
    std::shared_ptr<const AuthSnapshot> snapshot() const;
    // The jti replay cache, for servers sharing one database to share it (ReplayCache::setShared).
    ReplayCache &replayCache() { return m_replay; }

    // POST /oauth2/v1/token with its form fields (each at most once; the caller refuses repeats).
    TokenOutcome token(const QHash<QString, QString> &form,
                       const QDateTime &now = QDateTime::currentDateTimeUtc());

    // The bearer token presented to `flow`: who it was issued to, or why it is refused. Each distinct
    // token's signature is checked once; the app's state, the scope and the flow's list every time,
    // so revocations take effect at once.
    AccessDecision verifyAccessToken(const QString &token, const Flow &flow,
                                     const QDateTime &now = QDateTime::currentDateTimeUtc());

    // GET /oauth2/v1/keys: {"keys": [public JWKs]}.
    QJsonObject jwks() const;
    // GET /.well-known/oauth-authorization-server (RFC 8414) and /.well-known/openid-configuration.
    QJsonObject discovery(bool openIdConfiguration) const;

private:
    struct Assertion;
    TokenOutcome checkAssertion(const AuthSnapshot &snapshot, const QHash<QString, QString> &form, qint64 now,
                                Assertion *assertion);
    TokenOutcome issue(const AuthSnapshot &snapshot, const AppIntegration &app, const QStringList &scopes,
                       qint64 now);
    // The claims of `token` when its signature, issuer and audience check out (cached), else the
    // reason in `error`.
    std::optional<AccessTokenClaims> verifiedClaims(const AuthSnapshot &snapshot, const QString &token,
                                                    QString *error);

    mutable QMutex m_mutex; // m_snapshot and m_verified
    std::shared_ptr<const AuthSnapshot> m_snapshot;
    QHash<QString, AccessTokenClaims> m_verified;
    ReplayCache m_replay;
};

} // namespace wf::auth
