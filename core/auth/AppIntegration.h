#pragma once

// API Services app integrations (PRODUCT.md §4) and the workspace's access-token signing keys, as
// kept in workspace.json. Only public keys are here: private keys live in the secret store.

#include "Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace wf::auth {

// The one scope flows check (PRODUCT.md §3.1 step 4).
inline const QString kInvokeScope = QStringLiteral("okta.workflows.invoke.manage");
// The scopes an app can be granted.
const QStringList &knownScopes();

// How long an access token lives (PRODUCT.md §4), and so how long a retired signing key stays in
// the JWKS.
inline constexpr int kAccessTokenLifetimeSeconds = 3600;

struct AppKey {
    QString kid;
    QJsonObject publicJwk; // RFC 7517, with "kid"
    bool active = true;
    QDateTime created; // UTC

    friend bool operator==(const AppKey &, const AppKey &) = default;
};

struct AppIntegration {
    QString clientId; // "0oa" + 17 random alphanumerics
    QString name;
    bool active = true;
    QList<AppKey> keys;
    QStringList scopes; // granted, sorted
    QDateTime created;  // UTC
    // Access tokens of this app issued before this instant are refused: set when one of its keys is
    // deactivated or deleted, so that the key's tokens stop working at once. Null: none.
    QDateTime tokensRevokedBefore;

    const AppKey *key(const QString &kid) const;
    int activeKeyCount() const;
    bool hasScope(const QString &scope) const { return scopes.contains(scope); }

    friend bool operator==(const AppIntegration &, const AppIntegration &) = default;
};

// "0oa" followed by 17 characters of [A-Za-z0-9] from the CSPRNG.
QString newClientId();
bool isWellFormedClientId(const QString &clientId);

// App names: 1 to this many characters, no leading or trailing spaces.
inline constexpr int kMaxAppNameLength = 100;
// Key ids: 1 to this many printable ASCII characters, no spaces.
inline constexpr int kMaxKidLength = 200;
bool isWellFormedKid(const QString &kid);

// A workspace signing key (RS256). The current key has a null `retired`; a retired key stays in the
// JWKS until `retired` + kAccessTokenLifetimeSeconds, then is dropped.
struct SigningKeyInfo {
    QString kid;
    QJsonObject publicJwk; // with "kid", "alg": "RS256", "use": "sig"
    QDateTime created;
    QDateTime retired;

    friend bool operator==(const SigningKeyInfo &, const SigningKeyInfo &) = default;
};

// workspace.json members "apps" and "signingKeys". Reading is strict: every problem is named with
// the app and field.
QJsonObject appToJson(const AppIntegration &app);
Result<AppIntegration> appFromJson(const QJsonObject &json);
QJsonObject signingKeyToJson(const SigningKeyInfo &key);
Result<SigningKeyInfo> signingKeyFromJson(const QJsonObject &json);

} // namespace wf::auth
