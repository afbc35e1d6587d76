#pragma once

// A small org for the authorization-server tests: a workspace with an RSA client, an EC client and a
// client with two keys, all granted the invoke scope, and an authorization server over it. Keys are
// generated once per process (RSA generation is slow); each test gets a fresh copy of the workspace
// and a fresh server (and so a fresh replay cache).

#include "Ids.h"
#include "auth/AuthorizationServer.h"
#include "store/SecretStore.h"
#include "store/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

namespace wf::authtest {

inline QByteArray jwsText(const QJsonObject &header, const QJsonObject &claims, const QByteArray &signature)
{
    return auth::base64UrlEncode(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
           auth::base64UrlEncode(QJsonDocument(claims).toJson(QJsonDocument::Compact)) + '.' +
           auth::base64UrlEncode(signature);
}

inline QByteArray sign(const auth::Key &key, const QString &alg, const QJsonObject &claims)
{
    auto text = key.signCompact(alg, QJsonDocument(claims).toJson(QJsonDocument::Compact));
    if (!text)
        qFatal("signing failed: %s", qPrintable(text.error().message));
    return *text;
}

struct SharedOrg {
    QTemporaryDir dir;
    MemorySecretStore secrets;
    Workspace workspace;
    QString rsaClient, ecClient, twoKeyClient;
    auth::Key rsaKey, ecKey, otherRsaKey, twoKeyFirst, twoKeySecond, signingKey;

    static SharedOrg &instance()
    {
        static SharedOrg org;
        return org;
    }

private:
    SharedOrg()
    {
        workspace = expect(Workspace::create(dir.path(), secrets));
        signingKey = expect(workspace.ensureSigningKey(secrets));
        rsaKey = expect(auth::Key::generate(auth::KeyType::Rsa2048));
        ecKey = expect(auth::Key::generate(auth::KeyType::EcP256));
        otherRsaKey = expect(auth::Key::generate(auth::KeyType::Rsa2048));
        twoKeyFirst = expect(auth::Key::generate(auth::KeyType::EcP256));
        twoKeySecond = expect(auth::Key::generate(auth::KeyType::EcP384));
        rsaClient = addClient(QStringLiteral("RSA client"), {&rsaKey});
        ecClient = addClient(QStringLiteral("EC client"), {&ecKey});
        twoKeyClient = addClient(QStringLiteral("Two-key client"), {&twoKeyFirst, &twoKeySecond});
    }

    QString addClient(const QString &name, const QList<auth::Key *> &keys)
    {
        const QString clientId = expect(workspace.createApp(name)).clientId;
        for (auth::Key *key : keys) {
            const auth::AppKey added = expect(workspace.addAppKey(clientId, *key));
            *key = key->withKid(added.kid);
        }
        expect(workspace.grantScope(clientId, auth::kInvokeScope));
        return clientId;
    }

    template <typename T>
    static T expect(Result<T> result)
    {
        if (!result)
            qFatal("test org: %s", qPrintable(result.error().message));
        return std::move(result).value();
    }
};

struct TestOrg {
    SharedOrg &shared = SharedOrg::instance();
    Workspace workspace = shared.workspace;
    QString baseUrl = workspace.settings().baseUrl();
    const QString &rsaClient = shared.rsaClient;
    const QString &ecClient = shared.ecClient;
    const QString &twoKeyClient = shared.twoKeyClient;
    const auth::Key &rsaKey = shared.rsaKey;
    const auth::Key &ecKey = shared.ecKey;
    const auth::Key &otherRsaKey = shared.otherRsaKey;
    const auth::Key &twoKeyFirst = shared.twoKeyFirst;
    const auth::Key &signingKey = shared.signingKey;
    std::shared_ptr<const auth::AuthSnapshot> snapshot = build();
    std::unique_ptr<auth::AuthorizationServer> authorizationServer =
        std::make_unique<auth::AuthorizationServer>(snapshot);

    auth::AuthorizationServer &server() { return *authorizationServer; }
    QString tokenUrl() const { return baseUrl + QStringLiteral("/oauth2/v1/token"); }

    // Applies changes made to `workspace` to the server.
    void refresh()
    {
        snapshot = build();
        authorizationServer->setSnapshot(snapshot);
    }

    std::shared_ptr<const auth::AuthSnapshot> build() const
    {
        auto built = auth::AuthSnapshot::of(workspace, shared.signingKey, baseUrl);
        if (!built)
            qFatal("snapshot: %s", qPrintable(built.error().message));
        return *built;
    }

    QJsonObject assertionClaims(const QString &clientId) const
    {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        return QJsonObject{{QStringLiteral("iss"), clientId},   {QStringLiteral("sub"), clientId},
                           {QStringLiteral("aud"), tokenUrl()}, {QStringLiteral("iat"), now},
                           {QStringLiteral("exp"), now + 300},  {QStringLiteral("jti"), randomHex(16)}};
    }

    static QHash<QString, QString> form(const QByteArray &assertion,
                                        const QString &scope = auth::kInvokeScope)
    {
        return {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                {QStringLiteral("scope"), scope},
                {QStringLiteral("client_assertion_type"),
                 QStringLiteral("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")},
                {QStringLiteral("client_assertion"), QString::fromLatin1(assertion)}};
    }

    // A token for `clientId`, issued at `now`.
    QString accessToken(const QString &clientId, const auth::Key &key, const QString &alg,
                        const QDateTime &now = QDateTime::currentDateTimeUtc())
    {
        const auth::TokenOutcome outcome =
            server().token(form(sign(key, alg, assertionClaims(clientId))), now);
        if (!outcome.ok())
            qFatal("token: %s", QJsonDocument(outcome.body).toJson().constData());
        return outcome.body.value(QLatin1String("access_token")).toString();
    }
};

} // namespace wf::authtest
