// The app-integration and signing-key members of Workspace (PRODUCT.md §2, §4). workspace.json keeps
// only public keys; every private key lives in the SecretStore.

#include "store/SecretStore.h"
#include "store/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <algorithm>
#include <iterator>

namespace wf {
namespace {

using auth::AppIntegration;
using auth::AppKey;
using auth::Key;
using auth::SigningKeyInfo;

constexpr qsizetype kMaxKeysPerApp = 10;
const QString kSampleAppName = QStringLiteral("Sample API client");

QString appLabel(const AppIntegration &app)
{
    return QStringLiteral("'%1' (%2)").arg(app.name, app.clientId);
}

Error noSuchApp(const QString &clientId)
{
    return makeError(ErrorType::NotFound,
                     QStringLiteral("There is no app integration with client id '%1'.").arg(clientId));
}

Error noSuchKey(const AppIntegration &app, const QString &kid)
{
    return makeError(ErrorType::NotFound,
                     QStringLiteral("App %1 has no key with kid '%2'.").arg(appLabel(app), kid));
}

Error unknownScope(const QString &scope)
{
    return makeError(ErrorType::InvalidInput,
                     QStringLiteral("'%1' is not a known scope; the known scopes are: %2.")
                         .arg(scope, auth::knownScopes().join(QStringLiteral(", "))));
}

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

// --- workspace.json ---------------------------------------------------------------------------------

QStringList Workspace::readAppsAndSigningKeys(const QJsonObject &root)
{
    QStringList problems;
    const QJsonValue apps = root.value(QLatin1String("apps"));
    if (!apps.isUndefined() && !apps.isArray())
        problems.append(QStringLiteral("field 'apps' must be an array"));
    QSet<QString> names; // case-folded
    for (const QJsonValue &value : apps.toArray()) {
        if (!value.isObject()) {
            problems.append(QStringLiteral("field 'apps' must hold app objects only"));
            continue;
        }
        auto app = auth::appFromJson(value.toObject());
        if (!app) {
            problems.append(app.error().message.split(QLatin1Char('\n')));
            continue;
        }
        if (appByClientId(app->clientId))
            problems.append(QStringLiteral("app %1: another app has the same client id").arg(appLabel(*app)));
        else if (names.contains(app->name.toCaseFolded()))
            problems.append(QStringLiteral("app %1: another app has the same name (names are unique, "
                                           "ignoring case)")
                                .arg(appLabel(*app)));
        names.insert(app->name.toCaseFolded());
        m_apps.append(std::move(*app));
    }

    const QJsonValue keys = root.value(QLatin1String("signingKeys"));
    if (!keys.isUndefined() && !keys.isArray())
        problems.append(QStringLiteral("field 'signingKeys' must be an array"));
    int current = 0;
    for (const QJsonValue &value : keys.toArray()) {
        if (!value.isObject()) {
            problems.append(QStringLiteral("field 'signingKeys' must hold key objects only"));
            continue;
        }
        auto key = auth::signingKeyFromJson(value.toObject());
        if (!key) {
            problems.append(key.error().message.split(QLatin1Char('\n')));
            continue;
        }
        const bool duplicate = std::any_of(m_signingKeys.cbegin(), m_signingKeys.cend(),
                                           [&](const SigningKeyInfo &k) { return k.kid == key->kid; });
        if (duplicate)
            problems.append(
                QStringLiteral("signing key '%1': another signing key has the same kid").arg(key->kid));
        if (key->retired.isNull() && ++current == 2)
            problems.append(
                QStringLiteral("signing key '%1': only one signing key may be current (the others "
                               "need a 'retired' date-time)")
                    .arg(key->kid));
        m_signingKeys.append(std::move(*key));
    }
    return problems;
}

void Workspace::writeAppsAndSigningKeys(QJsonObject &root) const
{
    QJsonArray apps;
    for (const AppIntegration &app : m_apps)
        apps.append(auth::appToJson(app));
    QJsonArray keys;
    for (const SigningKeyInfo &key : m_signingKeys)
        keys.append(auth::signingKeyToJson(key));
    root.insert(QStringLiteral("apps"), apps);
    root.insert(QStringLiteral("signingKeys"), keys);
}

// The sample workspace's app: a key whose private part the tester can use, and the invoke scope, so
// that OAuth 2.0 flows answer out of the box.
Result<bool> Workspace::addSampleApp(SecretStore &secrets)
{
    auto app = createApp(kSampleAppName);
    if (!app)
        return app.error();
    auto key = Key::generate(auth::KeyType::Rsa2048);
    if (!key)
        return key.error();
    auto added = addAppKey(app->clientId, *key);
    if (!added)
        return added.error();
    auto kept = keepAppPrivateKey(app->clientId, *key, secrets);
    if (!kept)
        return kept.error();
    auto granted = grantScope(app->clientId, auth::kInvokeScope);
    if (!granted)
        return granted.error();
    auto signing = ensureSigningKey(secrets);
    if (!signing)
        return signing.error();
    return true;
}

// --- apps -------------------------------------------------------------------------------------------

const AppIntegration *Workspace::appByClientId(const QString &clientId) const
{
    for (const AppIntegration &app : m_apps) {
        if (app.clientId == clientId)
            return &app;
    }
    return nullptr;
}

const AppIntegration *Workspace::findApp(const QString &nameOrClientId) const
{
    if (const AppIntegration *app = appByClientId(nameOrClientId))
        return app;
    const QString name = nameOrClientId.trimmed();
    for (const AppIntegration &app : m_apps) {
        if (app.name.compare(name, Qt::CaseInsensitive) == 0)
            return &app;
    }
    return nullptr;
}

AppIntegration *Workspace::mutableApp(const QString &clientId)
{
    // Non-const iteration detaches the list, as in mutableFlow().
    for (AppIntegration &app : m_apps) {
        if (app.clientId == clientId)
            return &app;
    }
    return nullptr;
}

Result<QString> Workspace::checkAppName(const QString &name, const QString &exceptClientId) const
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return makeError(ErrorType::InvalidInput, QStringLiteral("An app integration needs a name."));
    if (trimmed.size() > auth::kMaxAppNameLength)
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("App names are at most %1 characters; this one has %2.")
                             .arg(auth::kMaxAppNameLength)
                             .arg(trimmed.size()));
    if (std::any_of(trimmed.begin(), trimmed.end(),
                    [](QChar c) { return c.category() == QChar::Other_Control; }))
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("App names cannot hold control characters such as line breaks."));
    if (auth::isWellFormedClientId(trimmed))
        return makeError(
            ErrorType::InvalidInput,
            QStringLiteral("'%1' looks like a client id; choose a name that does not.").arg(trimmed));
    for (const AppIntegration &app : m_apps) {
        if (app.clientId != exceptClientId && app.name.compare(trimmed, Qt::CaseInsensitive) == 0)
            return makeError(ErrorType::InvalidInput,
                             QStringLiteral("An app integration named '%1' exists already (%2); names are "
                                            "unique, ignoring case.")
                                 .arg(app.name, app.clientId));
    }
    return trimmed;
}

Result<AppIntegration> Workspace::createApp(const QString &name)
{
    auto checked = checkAppName(name, QString());
    if (!checked)
        return checked.error();
    AppIntegration app;
    do {
        app.clientId = auth::newClientId();
    } while (appByClientId(app.clientId));
    app.name = *checked;
    app.created = QDateTime::currentDateTimeUtc();
    m_apps.append(app);
    return app;
}

Result<AppKey> Workspace::addAppKey(const QString &clientId, const Key &key)
{
    AppIntegration *app = mutableApp(clientId);
    if (!app)
        return noSuchApp(clientId);
    if (key.isNull())
        return makeError(ErrorType::InvalidInput, QStringLiteral("No key was given."));
    if (!key.type())
        return makeError(
            ErrorType::InvalidInput,
            QStringLiteral("%1 keys are not accepted: use RSA 2048, 3072 or 4096, or EC P-256 or "
                           "P-384.")
                .arg(key.typeDisplayName()));
    if (app->keys.size() >= kMaxKeysPerApp)
        return makeError(ErrorType::LimitExceeded,
                         QStringLiteral("App %1 has %2 keys, the most an app may hold; delete one first.")
                             .arg(appLabel(*app))
                             .arg(kMaxKeysPerApp));
    const QString kid = key.kid().isEmpty() ? key.thumbprint() : key.kid();
    if (!auth::isWellFormedKid(kid))
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("The kid must be 1-%1 printable ASCII characters without spaces.")
                             .arg(auth::kMaxKidLength));
    if (app->key(kid))
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("App %1 has a key with kid '%2' already.").arg(appLabel(*app), kid));
    for (const AppKey &existing : std::as_const(app->keys)) {
        auto registered = Key::fromJwk(existing.publicJwk);
        if (registered && registered->samePublicKey(key))
            return makeError(ErrorType::InvalidInput,
                             QStringLiteral("App %1 has this public key already, with kid '%2'.")
                                 .arg(appLabel(*app), existing.kid));
    }
    AppKey appKey;
    appKey.kid = kid;
    appKey.publicJwk = key.withKid(kid).publicJwk();
    appKey.created = QDateTime::currentDateTimeUtc();
    app->keys.append(appKey);
    return appKey;
}

Result<bool> Workspace::setAppKeyActive(const QString &clientId, const QString &kid, bool active)
{
    AppIntegration *app = mutableApp(clientId);
    if (!app)
        return noSuchApp(clientId);
    auto key =
        std::find_if(app->keys.begin(), app->keys.end(), [&](const AppKey &k) { return k.kid == kid; });
    if (key == app->keys.end())
        return noSuchKey(*app, kid);
    if (key->active == active)
        return false;
    key->active = active;
    if (!active)
        app->tokensRevokedBefore = QDateTime::currentDateTimeUtc();
    return true;
}

Result<bool> Workspace::deleteAppKey(const QString &clientId, const QString &kid, SecretStore &secrets)
{
    AppIntegration *app = mutableApp(clientId);
    if (!app)
        return noSuchApp(clientId);
    if (!app->key(kid))
        return noSuchKey(*app, kid);
    // The kept private key goes first: if the store refuses, the key stays and the user can try again.
    auto removed = secrets.remove(appPrivateKeySecretKey(m_id, clientId, kid));
    if (!removed)
        return removed.error();
    app->keys.removeIf([&](const AppKey &k) { return k.kid == kid; });
    app->tokensRevokedBefore = QDateTime::currentDateTimeUtc();
    return true;
}

Result<bool> Workspace::grantScope(const QString &clientId, const QString &scope)
{
    AppIntegration *app = mutableApp(clientId);
    if (!app)
        return noSuchApp(clientId);
    if (!auth::knownScopes().contains(scope))
        return unknownScope(scope);
    if (app->scopes.contains(scope))
        return false;
    app->scopes.append(scope);
    app->scopes.sort();
    return true;
}

Result<bool> Workspace::revokeScope(const QString &clientId, const QString &scope)
{
    AppIntegration *app = mutableApp(clientId);
    if (!app)
        return noSuchApp(clientId);
    if (!auth::knownScopes().contains(scope))
        return unknownScope(scope);
    return app->scopes.removeAll(scope) > 0;
}

Result<bool> Workspace::setAppActive(const QString &clientId, bool active)
{
    AppIntegration *app = mutableApp(clientId);
    if (!app)
        return noSuchApp(clientId);
    if (app->active == active)
        return false;
    // Its tokens are refused while it is inactive (the token check looks at `active`) and work again
    // once it is activated again.
    app->active = active;
    return true;
}

Result<bool> Workspace::renameApp(const QString &clientId, const QString &name)
{
    AppIntegration *app = mutableApp(clientId);
    if (!app)
        return noSuchApp(clientId);
    auto checked = checkAppName(name, clientId);
    if (!checked)
        return checked.error();
    if (app->name == *checked)
        return false;
    app->name = *checked;
    return true;
}

Result<bool> Workspace::deleteApp(const QString &clientId, SecretStore &secrets)
{
    const AppIntegration *app = appByClientId(clientId);
    if (!app)
        return noSuchApp(clientId);
    for (const AppKey &key : app->keys) {
        auto removed = secrets.remove(appPrivateKeySecretKey(m_id, clientId, key.kid));
        if (!removed)
            return removed.error();
    }
    m_apps.removeIf([&](const AppIntegration &a) { return a.clientId == clientId; });
    return true;
}

Result<bool> Workspace::keepAppPrivateKey(const QString &clientId, const Key &privateKey,
                                          SecretStore &secrets)
{
    const AppIntegration *app = appByClientId(clientId);
    if (!app)
        return noSuchApp(clientId);
    if (privateKey.isNull() || !privateKey.hasPrivate())
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("Only a private key can be kept for the request tester."));
    const AppKey *match = nullptr;
    for (const AppKey &key : app->keys) {
        auto registered = Key::fromJwk(key.publicJwk);
        if (registered && registered->samePublicKey(privateKey)) {
            match = &key;
            break;
        }
    }
    if (!match)
        return makeError(ErrorType::NotFound,
                         QStringLiteral("This private key belongs to none of the keys of app %1; add its "
                                        "public key to the app first.")
                             .arg(appLabel(*app)));
    auto jwk = privateKey.withKid(match->kid).privateJwk();
    if (!jwk)
        return jwk.error();
    return secrets.write(appPrivateKeySecretKey(m_id, clientId, match->kid), compactJson(*jwk));
}

Result<std::optional<Key>> Workspace::keptAppPrivateKey(const QString &clientId, const QString &kid,
                                                        SecretStore &secrets) const
{
    const AppIntegration *app = appByClientId(clientId);
    if (!app)
        return noSuchApp(clientId);
    const AppKey *appKey = app->key(kid);
    if (!appKey)
        return noSuchKey(*app, kid);
    auto stored = secrets.read(appPrivateKeySecretKey(m_id, clientId, kid));
    if (!stored)
        return stored.error();
    if (!stored->has_value())
        return std::optional<Key>();
    auto key = Key::fromJwk((**stored).toUtf8());
    auto registered = Key::fromJwk(appKey->publicJwk);
    if (!key || !key->hasPrivate() || !registered || !key->samePublicKey(*registered))
        return makeError(
            ErrorType::InvalidInput,
            QStringLiteral("The private key kept in the %1 secret store for key '%2' of app %3 is "
                           "damaged or does not match the key; generate a new key.")
                .arg(secrets.kind(), kid, appLabel(*app)));
    return std::optional<Key>(key->withKid(kid));
}

// --- signing keys -----------------------------------------------------------------------------------

Result<bool> Workspace::dropExpiredSigningKeys(SecretStore &secrets, const QDateTime &now)
{
    for (qsizetype i = m_signingKeys.size() - 1; i >= 0; --i) {
        const SigningKeyInfo &key = m_signingKeys.at(i);
        if (key.retired.isNull() || key.retired.addSecs(auth::kAccessTokenLifetimeSeconds) >= now)
            continue;
        auto removed = secrets.remove(signingKeySecretKey(m_id, key.kid));
        if (!removed)
            return removed.error();
        m_signingKeys.removeAt(i);
    }
    return true;
}

Result<SigningKeyInfo> Workspace::addSigningKey(SecretStore &secrets, const QDateTime &now)
{
    auto generated = Key::generate(auth::KeyType::Rsa2048);
    if (!generated)
        return generated.error();
    const Key key = generated->withKid(generated->thumbprint());
    auto privateJwk = key.privateJwk();
    if (!privateJwk)
        return privateJwk.error();
    SigningKeyInfo info;
    info.kid = key.kid();
    info.publicJwk = key.publicJwk();
    info.publicJwk.insert(QStringLiteral("alg"), QStringLiteral("RS256"));
    info.publicJwk.insert(QStringLiteral("use"), QStringLiteral("sig"));
    info.created = now.toUTC();
    auto stored = secrets.write(signingKeySecretKey(m_id, info.kid), compactJson(*privateJwk));
    if (!stored)
        return stored.error();
    m_signingKeys.append(info);
    return info;
}

Result<Key> Workspace::ensureSigningKey(SecretStore &secrets, const QDateTime &now)
{
    auto dropped = dropExpiredSigningKeys(secrets, now);
    if (!dropped)
        return dropped.error();
    auto current = std::find_if(m_signingKeys.cbegin(), m_signingKeys.cend(),
                                [](const SigningKeyInfo &k) { return k.retired.isNull(); });
    if (current == m_signingKeys.cend()) {
        auto added = addSigningKey(secrets, now);
        if (!added)
            return added.error();
        current = std::prev(m_signingKeys.cend());
    }
    const QString kid = current->kid;
    auto stored = secrets.read(signingKeySecretKey(m_id, kid));
    if (!stored)
        return stored.error();
    if (!stored->has_value())
        return makeError(
            ErrorType::NotFound,
            QStringLiteral("The private part of the signing key '%1' is not in the %2 secret store "
                           "(was the secrets file deleted?), so no access token can be signed. Run "
                           "`wfconsole signing-keys rotate` to make a new signing key.")
                .arg(kid, secrets.kind()));
    auto key = Key::fromJwk((**stored).toUtf8());
    auto published = Key::fromJwk(current->publicJwk);
    if (!key || !key->hasPrivate() || !key->isRsa() || !published || !key->samePublicKey(*published))
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("The private part of the signing key '%1' in the %2 secret store is "
                                        "damaged or does not match the published key. Run `wfconsole "
                                        "signing-keys rotate` to make a new signing key.")
                             .arg(kid, secrets.kind()));
    return key->withKid(kid);
}

Result<SigningKeyInfo> Workspace::rotateSigningKey(SecretStore &secrets, const QDateTime &now)
{
    auto dropped = dropExpiredSigningKeys(secrets, now);
    if (!dropped)
        return dropped.error();
    const qsizetype previous = std::find_if(m_signingKeys.cbegin(), m_signingKeys.cend(),
                                            [](const SigningKeyInfo &k) { return k.retired.isNull(); }) -
                               m_signingKeys.cbegin();
    auto added = addSigningKey(secrets, now);
    if (!added)
        return added.error();
    if (previous < m_signingKeys.size() - 1)
        m_signingKeys[previous].retired = now.toUTC();
    return added;
}

} // namespace wf
