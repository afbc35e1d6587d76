#include "auth/AuthorizationServer.h"

#include "Ids.h"
#include "flow/Flow.h"
#include "store/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <cmath>

namespace wf::auth {
namespace {

const QString kClientCredentials = QStringLiteral("client_credentials");
const QString kJwtBearer = QStringLiteral("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
const QString kAccessTokenAlg = QStringLiteral("RS256");
constexpr qsizetype kMaxScopeLength = 1024;

TokenOutcome oauthError(int status, const QString &error, const QString &description)
{
    TokenOutcome outcome;
    outcome.status = status;
    outcome.body =
        QJsonObject{{QStringLiteral("error"), error}, {QStringLiteral("error_description"), description}};
    return outcome;
}

TokenOutcome invalidRequest(const QString &description)
{
    return oauthError(400, QStringLiteral("invalid_request"), description);
}

TokenOutcome invalidClient(const QString &description)
{
    return oauthError(401, QStringLiteral("invalid_client"), description);
}

AccessDecision refuse(int status, const QString &error, const QString &description)
{
    AccessDecision decision;
    decision.status = status;
    decision.error = error;
    decision.description = description;
    return decision;
}

AccessDecision invalidToken(const QString &description)
{
    return refuse(401, QStringLiteral("invalid_token"), description);
}

// A NumericDate claim (RFC 7519 §2): a JSON number, whole seconds. Fractions are truncated, as
// RFC 7519 allows them; anything else is refused.
std::optional<qint64> numericDate(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double seconds = value.toDouble();
    if (!std::isfinite(seconds) || seconds < 0 || seconds > 253402300799.0) // year 9999
        return std::nullopt;
    return static_cast<qint64>(seconds);
}

QString utcText(qint64 secondsSinceEpoch)
{
    return QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, Qt::UTC).toString(Qt::ISODate);
}

QStringList splitScopes(const QString &scope)
{
    QStringList scopes = scope.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    scopes.removeDuplicates();
    return scopes;
}

// "aud" is the token URL, or an array holding it (RFC 7523 §3 point 3).
bool audienceMatches(const QJsonValue &aud, const QString &tokenUrl)
{
    if (aud.isString())
        return aud.toString() == tokenUrl;
    if (!aud.isArray())
        return false;
    const QJsonArray audiences = aud.toArray();
    return std::any_of(audiences.begin(), audiences.end(),
                       [&tokenUrl](const QJsonValue &value) { return value.toString() == tokenUrl; });
}

QString appLabel(const AppIntegration &app)
{
    return QStringLiteral("'%1' (%2)").arg(app.name, app.clientId);
}

} // namespace

struct AuthorizationServer::Assertion {
    const AuthSnapshot::App *app = nullptr;
    QStringList scopes;
};

Result<std::shared_ptr<const AuthSnapshot>> AuthSnapshot::of(const Workspace &workspace,
                                                             const Key &signingKey, const QString &baseUrl)
{
    auto snapshot = std::make_shared<AuthSnapshot>();
    snapshot->issuer = baseUrl;
    while (snapshot->issuer.endsWith(QLatin1Char('/')))
        snapshot->issuer.chop(1);
    snapshot->tokenUrl = snapshot->issuer + QStringLiteral("/oauth2/v1/token");
    if (signingKey.isNull() || !signingKey.hasPrivate() || !signingKey.supportsAlgorithm(kAccessTokenAlg))
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("the access-token signing key must be a private RSA key"));
    snapshot->signingKey = signingKey;
    for (const SigningKeyInfo &info : workspace.signingKeys()) {
        auto key = Key::fromJwk(info.publicJwk);
        if (!key)
            return makeError(key.error().type,
                             QStringLiteral("signing key %1: %2").arg(info.kid, key.error().message));
        snapshot->publishedKeys.insert(info.kid, key->withKid(info.kid));
    }
    if (!snapshot->publishedKeys.contains(signingKey.kid()))
        return makeError(
            ErrorType::InvalidInput,
            QStringLiteral("the signing key %1 is not one of the workspace's").arg(signingKey.kid()));
    for (const AppIntegration &app : workspace.apps()) {
        AuthSnapshot::App entry;
        entry.app = app;
        for (const AppKey &appKey : app.keys) {
            auto key = Key::fromJwk(appKey.publicJwk);
            if (!key)
                return makeError(
                    key.error().type,
                    QStringLiteral("app %1, key %2: %3").arg(app.name, appKey.kid, key.error().message));
            entry.keys.insert(appKey.kid, key->withKid(appKey.kid));
        }
        snapshot->apps.insert(app.clientId, std::move(entry));
    }
    return std::shared_ptr<const AuthSnapshot>(std::move(snapshot));
}

AuthorizationServer::AuthorizationServer(std::shared_ptr<const AuthSnapshot> snapshot,
                                         qsizetype replayCapacity)
    : m_snapshot(std::move(snapshot)), m_replay(replayCapacity)
{}

void AuthorizationServer::setSnapshot(std::shared_ptr<const AuthSnapshot> snapshot)
{
    QMutexLocker lock(&m_mutex);
    m_snapshot = std::move(snapshot);
}

std::shared_ptr<const AuthSnapshot> AuthorizationServer::snapshot() const
{
    QMutexLocker lock(&m_mutex);
    return m_snapshot;
}

TokenOutcome AuthorizationServer::token(const QHash<QString, QString> &form, const QDateTime &now)
{
    const auto snapshot = this->snapshot();
    const qint64 nowSeconds = now.toSecsSinceEpoch();

    const QString grantType = form.value(QStringLiteral("grant_type"));
    if (grantType.isEmpty())
        return invalidRequest(QStringLiteral("grant_type is missing: send grant_type=client_credentials"));
    if (grantType != kClientCredentials)
        return oauthError(400, QStringLiteral("unsupported_grant_type"),
                          QStringLiteral("this server supports grant_type=client_credentials only"));
    if (!form.contains(QStringLiteral("client_assertion_type")) ||
        !form.contains(QStringLiteral("client_assertion")))
        return invalidRequest(
            QStringLiteral("client authentication is missing: send client_assertion_type=%1 "
                           "and a signed client_assertion (private_key_jwt)")
                .arg(kJwtBearer));
    if (form.value(QStringLiteral("client_assertion_type")) != kJwtBearer)
        return invalidRequest(QStringLiteral("client_assertion_type must be %1").arg(kJwtBearer));
    const QString scope = form.value(QStringLiteral("scope"));
    if (scope.trimmed().isEmpty())
        return invalidRequest(QStringLiteral("scope is missing: ask for %1").arg(kInvokeScope));
    if (scope.size() > kMaxScopeLength)
        return invalidRequest(QStringLiteral("scope is longer than %1 characters").arg(kMaxScopeLength));

    Assertion assertion;
    TokenOutcome checked = checkAssertion(*snapshot, form, nowSeconds, &assertion);
    if (!checked.ok())
        return checked;
    const AppIntegration &app = assertion.app->app;
    for (const QString &requested : std::as_const(assertion.scopes)) {
        if (!app.hasScope(requested))
            return oauthError(
                400, QStringLiteral("invalid_scope"),
                QStringLiteral("the scope %1 is not granted to the app integration %2; grant it "
                               "on the app's Okta API Scopes tab")
                    .arg(requested, appLabel(app)));
    }
    return issue(*snapshot, app, assertion.scopes, nowSeconds);
}

TokenOutcome AuthorizationServer::checkAssertion(const AuthSnapshot &snapshot,
                                                 const QHash<QString, QString> &form, qint64 now,
                                                 Assertion *assertion)
{
    const QByteArray compact = form.value(QStringLiteral("client_assertion")).toUtf8();
    if (compact.size() > kMaxAssertionBytes)
        return invalidClient(
            QStringLiteral("the client assertion is larger than %1 bytes").arg(kMaxAssertionBytes));
    auto jws = Jws::parse(compact, kMaxAssertionBytes);
    if (!jws)
        return invalidClient(QStringLiteral("the client assertion is malformed: ") + jws.error().message);
    if (!acceptedSignatureAlgorithms().contains(jws->alg))
        return invalidClient(
            QStringLiteral("the client assertion's alg %1 is not accepted: sign with one of %2")
                .arg(jws->alg.left(32), acceptedSignatureAlgorithms().join(QStringLiteral(", "))));
    auto parsedClaims = parseStrictJsonObject(jws->payload);
    if (!parsedClaims)
        return invalidClient(QStringLiteral("the client assertion's claims are not a JSON object: ") +
                             parsedClaims.error().message);
    const QJsonObject claims = *parsedClaims;

    // Who the client says it is.
    const QJsonValue iss = claims.value(QLatin1String("iss"));
    const QJsonValue sub = claims.value(QLatin1String("sub"));
    if (!iss.isString() || iss.toString().isEmpty())
        return invalidClient(
            QStringLiteral("the client assertion has no iss claim: set iss and sub to the client id"));
    if (!sub.isString() || sub.toString() != iss.toString())
        return invalidClient(
            QStringLiteral("the client assertion's iss and sub differ: both must be the client id"));
    const QString clientId = iss.toString();
    if (form.contains(QStringLiteral("client_id")) && form.value(QStringLiteral("client_id")) != clientId)
        return invalidClient(QStringLiteral("client_id does not match the client assertion's iss"));
    const auto found = snapshot.apps.constFind(clientId);
    if (found == snapshot.apps.constEnd())
        return invalidClient(
            isWellFormedClientId(clientId)
                ? QStringLiteral("no app integration has the client id %1").arg(clientId)
                : QStringLiteral("the client assertion's iss is not a client id of this server"));
    const AuthSnapshot::App &entry = *found;
    const AppIntegration &app = entry.app;
    if (!app.active)
        return invalidClient(QStringLiteral("the app integration %1 is deactivated").arg(appLabel(app)));

    // Which key signed it.
    const AppKey *appKey = nullptr;
    if (jws->kid.isEmpty()) {
        if (app.keys.size() != 1)
            return invalidClient(
                QStringLiteral("the client assertion has no kid and the app integration %1 has %2 keys: "
                               "set kid in the JWS header")
                    .arg(appLabel(app))
                    .arg(app.keys.size()));
        appKey = &app.keys.first();
    } else {
        appKey = app.key(jws->kid);
        if (!appKey)
            return invalidClient(QStringLiteral("unknown kid %1: the app integration %2 has no such key")
                                     .arg(jws->kid.left(100), appLabel(app)));
    }
    if (!appKey->active)
        return invalidClient(QStringLiteral("the key %1 of the app integration %2 is deactivated")
                                 .arg(appKey->kid, appLabel(app)));
    const Key key = entry.keys.value(appKey->kid);
    if (auto verified = verifyJws(*jws, key); !verified)
        return invalidClient(
            QStringLiteral("the client assertion's signature does not verify with the key %1: %2")
                .arg(appKey->kid, verified.error().message));

    // Whom it is for and when.
    if (!audienceMatches(claims.value(QLatin1String("aud")), snapshot.tokenUrl))
        return invalidClient(QStringLiteral("the client assertion's aud must be the token endpoint URL %1")
                                 .arg(snapshot.tokenUrl));
    const QJsonValue expValue = claims.value(QLatin1String("exp"));
    if (expValue.isUndefined())
        return invalidClient(QStringLiteral("the client assertion has no exp claim"));
    const auto exp = numericDate(expValue);
    if (!exp)
        return invalidClient(QStringLiteral("the client assertion's exp is not a number of seconds"));
    if (*exp + kClockSkewSeconds < now)
        return invalidClient(QStringLiteral("the client assertion expired at %1 (server time %2)")
                                 .arg(utcText(*exp), utcText(now)));
    if (*exp > now + kMaxAssertionLifetimeSeconds + kClockSkewSeconds)
        return invalidClient(
            QStringLiteral("the client assertion's exp is more than 1 hour ahead: use a short "
                           "lifetime such as 5 minutes"));
    if (claims.contains(QLatin1String("iat"))) {
        const auto iat = numericDate(claims.value(QLatin1String("iat")));
        if (!iat)
            return invalidClient(QStringLiteral("the client assertion's iat is not a number of seconds"));
        if (*iat > now + kClockSkewSeconds)
            return invalidClient(
                QStringLiteral("the client assertion's iat %1 is in the future (server time %2)")
                    .arg(utcText(*iat), utcText(now)));
    }
    if (claims.contains(QLatin1String("nbf"))) {
        const auto nbf = numericDate(claims.value(QLatin1String("nbf")));
        if (!nbf)
            return invalidClient(QStringLiteral("the client assertion's nbf is not a number of seconds"));
        if (*nbf > now + kClockSkewSeconds)
            return invalidClient(
                QStringLiteral("the client assertion is not valid before %1 (server time %2)")
                    .arg(utcText(*nbf), utcText(now)));
    }

    // Once only.
    if (claims.contains(QLatin1String("jti"))) {
        const QJsonValue jti = claims.value(QLatin1String("jti"));
        if (!jti.isString() || jti.toString().isEmpty() || jti.toString().size() > ReplayCache::kMaxJtiLength)
            return invalidClient(
                QStringLiteral("the client assertion's jti must be a string of 1 to %1 characters")
                    .arg(ReplayCache::kMaxJtiLength));
        switch (m_replay.remember(clientId, jti.toString(), *exp + kClockSkewSeconds, now)) {
        case ReplayCache::Outcome::Fresh:
            break;
        case ReplayCache::Outcome::Replayed:
            return invalidClient(
                QStringLiteral("jti already used: each client assertion is single-use, sign a new one"));
        case ReplayCache::Outcome::Full: {
            TokenOutcome busy = oauthError(503, QStringLiteral("temporarily_unavailable"),
                                           QStringLiteral("too many client assertions are still live; retry "
                                                          "later or use assertions with a shorter exp"));
            busy.retryAfter = static_cast<int>(std::min<qint64>(m_replay.retryAfter(now), 3600));
            return busy;
        }
        case ReplayCache::Outcome::Unavailable: {
            // The detail (which database, why) is in the server's log, not in the answer.
            TokenOutcome down = oauthError(503, QStringLiteral("temporarily_unavailable"),
                                           QStringLiteral("the database that records used client assertions "
                                                          "cannot be reached; retry shortly"));
            down.retryAfter = 5;
            return down;
        }
        }
    }

    assertion->app = &entry;
    assertion->scopes = splitScopes(form.value(QStringLiteral("scope")));
    return {};
}

TokenOutcome AuthorizationServer::issue(const AuthSnapshot &snapshot, const AppIntegration &app,
                                        const QStringList &scopes, qint64 now)
{
    const qint64 expires = now + kAccessTokenLifetimeSeconds;
    const QJsonObject claims{{QStringLiteral("ver"), 1},
                             {QStringLiteral("jti"), QString(QStringLiteral("AT.") + randomHex(16))},
                             {QStringLiteral("iss"), snapshot.issuer},
                             {QStringLiteral("aud"), snapshot.issuer},
                             {QStringLiteral("sub"), app.clientId},
                             {QStringLiteral("cid"), app.clientId},
                             {QStringLiteral("scp"), QJsonArray::fromStringList(scopes)},
                             {QStringLiteral("iat"), now},
                             {QStringLiteral("exp"), expires}};
    auto signedToken =
        snapshot.signingKey.signCompact(kAccessTokenAlg, QJsonDocument(claims).toJson(QJsonDocument::Compact),
                                        QJsonObject{{QStringLiteral("typ"), QStringLiteral("JWT")}});
    if (!signedToken)
        return oauthError(500, QStringLiteral("server_error"),
                          QStringLiteral("the access token could not be signed: ") +
                              signedToken.error().message);
    TokenOutcome outcome;
    outcome.body = QJsonObject{{QStringLiteral("token_type"), QStringLiteral("Bearer")},
                               {QStringLiteral("expires_in"), kAccessTokenLifetimeSeconds},
                               {QStringLiteral("access_token"), QString::fromLatin1(*signedToken)},
                               {QStringLiteral("scope"), scopes.join(QLatin1Char(' '))}};
    return outcome;
}

std::optional<AccessTokenClaims> AuthorizationServer::verifiedClaims(const AuthSnapshot &snapshot,
                                                                     const QString &token, QString *error)
{
    {
        QMutexLocker lock(&m_mutex);
        const auto cached = m_verified.constFind(token);
        if (cached != m_verified.constEnd())
            return *cached;
    }
    auto jws = Jws::parse(token.toLatin1(), kMaxAccessTokenBytes);
    if (!jws) {
        *error = QStringLiteral("the access token is malformed: ") + jws.error().message;
        return std::nullopt;
    }
    if (jws->alg != kAccessTokenAlg) {
        *error = QStringLiteral("the access token was not issued by this server (alg is not RS256)");
        return std::nullopt;
    }
    const auto key = snapshot.publishedKeys.constFind(jws->kid);
    if (key == snapshot.publishedKeys.constEnd()) {
        *error = QStringLiteral("the access token is signed by an unknown key: get a new token from %1")
                     .arg(snapshot.tokenUrl);
        return std::nullopt;
    }
    if (auto verified = verifyJws(*jws, *key); !verified) {
        *error = QStringLiteral("the access token's signature does not verify");
        return std::nullopt;
    }
    auto claims = parseStrictJsonObject(jws->payload);
    if (!claims) {
        *error = QStringLiteral("the access token's claims are not a JSON object");
        return std::nullopt;
    }
    AccessTokenClaims result;
    result.kid = jws->kid;
    result.clientId = claims->value(QLatin1String("cid")).toString();
    const auto iat = numericDate(claims->value(QLatin1String("iat")));
    const auto exp = numericDate(claims->value(QLatin1String("exp")));
    const QJsonValue scp = claims->value(QLatin1String("scp"));
    if (result.clientId.isEmpty() || !iat || !exp || !scp.isArray() ||
        claims->value(QLatin1String("sub")).toString() != result.clientId) {
        *error = QStringLiteral("the access token lacks cid, sub, iat, exp or scp");
        return std::nullopt;
    }
    if (claims->value(QLatin1String("iss")).toString() != snapshot.issuer) {
        *error = QStringLiteral("the access token's issuer is not %1").arg(snapshot.issuer);
        return std::nullopt;
    }
    if (claims->value(QLatin1String("aud")).toString() != snapshot.issuer) {
        *error = QStringLiteral("the access token's audience is not %1").arg(snapshot.issuer);
        return std::nullopt;
    }
    for (const QJsonValue &value : scp.toArray())
        result.scopes.append(value.toString());
    result.issuedAt = *iat;
    result.expiresAt = *exp;

    QMutexLocker lock(&m_mutex);
    if (m_verified.size() >= kVerifiedTokenCacheSize) {
        // Bounded: drop the expired entries, or everything when they are all live.
        const qint64 nowSeconds = QDateTime::currentSecsSinceEpoch();
        m_verified.removeIf([nowSeconds](const auto &entry) { return entry.value().expiresAt < nowSeconds; });
        if (m_verified.size() >= kVerifiedTokenCacheSize)
            m_verified.clear();
    }
    m_verified.insert(token, result);
    return result;
}

AccessDecision AuthorizationServer::verifyAccessToken(const QString &token, const Flow &flow,
                                                      const QDateTime &now)
{
    const auto snapshot = this->snapshot();
    QString error;
    const auto claims = verifiedClaims(*snapshot, token, &error);
    if (!claims)
        return invalidToken(error);
    // What may have changed since the signature was checked: time, keys, the issuer, the app.
    const qint64 nowSeconds = now.toSecsSinceEpoch();
    if (claims->expiresAt + kClockSkewSeconds < nowSeconds)
        return invalidToken(
            QStringLiteral("the access token expired at %1: get a new one").arg(utcText(claims->expiresAt)));
    if (!snapshot->publishedKeys.contains(claims->kid))
        return invalidToken(
            QStringLiteral("the access token is signed by a key this server no longer publishes"));
    const auto found = snapshot->apps.constFind(claims->clientId);
    if (found == snapshot->apps.constEnd())
        return invalidToken(QStringLiteral("the app integration %1 this token was issued to was deleted")
                                .arg(claims->clientId));
    const AppIntegration &app = found->app;
    if (!app.active)
        return invalidToken(QStringLiteral("the app integration %1 is deactivated").arg(appLabel(app)));
    if (app.tokensRevokedBefore.isValid() && claims->issuedAt <= app.tokensRevokedBefore.toSecsSinceEpoch())
        return invalidToken(
            QStringLiteral("the access token was revoked: a key of the app integration %1 was "
                           "deactivated or deleted after it was issued")
                .arg(appLabel(app)));
    if (!claims->scopes.contains(kInvokeScope))
        return refuse(403, QStringLiteral("insufficient_scope"),
                      QStringLiteral("the access token lacks the scope %1: ask for it in the token request")
                          .arg(kInvokeScope));
    if (!app.hasScope(kInvokeScope))
        return refuse(403, QStringLiteral("insufficient_scope"),
                      QStringLiteral("the scope %1 is no longer granted to the app integration %2")
                          .arg(kInvokeScope, appLabel(app)));
    if (!flow.endpoint.anyApp && !flow.endpoint.allowedApps.contains(app.clientId))
        return refuse(
            403, QStringLiteral("access_denied"),
            QStringLiteral("the app integration %1 is not in the list of apps allowed to call the flow "
                           "'%2'")
                .arg(appLabel(app), flow.name));
    AccessDecision decision;
    decision.clientId = app.clientId;
    return decision;
}

QJsonObject AuthorizationServer::jwks() const
{
    const auto snapshot = this->snapshot();
    QStringList kids = snapshot->publishedKeys.keys();
    kids.sort();
    QJsonArray keys;
    for (const QString &kid : std::as_const(kids)) {
        QJsonObject jwk = snapshot->publishedKeys.value(kid).publicJwk();
        jwk.insert(QStringLiteral("alg"), kAccessTokenAlg);
        jwk.insert(QStringLiteral("use"), QStringLiteral("sig"));
        keys.append(jwk);
    }
    return QJsonObject{{QStringLiteral("keys"), keys}};
}

QJsonObject AuthorizationServer::discovery(bool openIdConfiguration) const
{
    const auto snapshot = this->snapshot();
    QJsonObject metadata{
        {QStringLiteral("issuer"), snapshot->issuer},
        {QStringLiteral("token_endpoint"), snapshot->tokenUrl},
        {QStringLiteral("jwks_uri"), QString(snapshot->issuer + QStringLiteral("/oauth2/v1/keys"))},
        {QStringLiteral("grant_types_supported"), QJsonArray{kClientCredentials}},
        {QStringLiteral("token_endpoint_auth_methods_supported"),
         QJsonArray{QStringLiteral("private_key_jwt")}},
        {QStringLiteral("token_endpoint_auth_signing_alg_values_supported"),
         QJsonArray::fromStringList(acceptedSignatureAlgorithms())},
        {QStringLiteral("scopes_supported"), QJsonArray::fromStringList(knownScopes())},
        {QStringLiteral("response_types_supported"), QJsonArray{QStringLiteral("token")}}};
    if (openIdConfiguration) {
        // Members OpenID Connect Discovery requires of every provider, so that generic clients accept
        // the document; this server issues access tokens only.
        metadata.insert(QStringLiteral("subject_types_supported"), QJsonArray{QStringLiteral("public")});
        metadata.insert(QStringLiteral("id_token_signing_alg_values_supported"), QJsonArray{kAccessTokenAlg});
    }
    return metadata;
}

} // namespace wf::auth
