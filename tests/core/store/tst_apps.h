#pragma once

// Shared by the TestApps sources: tst_apps.cpp (apps, keys, scopes) and tst_appsjson.cpp
// (workspace.json, the sample workspace, signing keys).

#include "auth/AppIntegration.h"
#include "auth/Jose.h"
#include "store/SecretStore.h"
#include "store/Workspace.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QTemporaryDir>
#include <QTest>
#include <functional>

// Evaluates `expr` once; on an error, shows its message.
#define WF_VERIFY_OK(expr)                                                                                   \
    do {                                                                                                     \
        const auto &wfResult = (expr);                                                                       \
        QVERIFY2(wfResult.ok(),                                                                              \
                 qPrintable(wfResult.ok() ? QString() : appstest::errorText(wfResult.error())));             \
    } while (false)

namespace appstest {

using namespace wf;
using namespace wf::auth;

inline QString s(const char *text)
{
    return QString::fromUtf8(text);
}

inline QString errorText(const Error &error)
{
    return errorTypeName(error.type) + QStringLiteral(": ") + error.message;
}

inline QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

inline QString workspaceFile(const QString &dir)
{
    return QDir(dir).filePath(Workspace::kFileName);
}

// A workspace with no flows, apps or signing keys, written the way older versions did (no "apps").
inline Result<Workspace> emptyWorkspace(const QString &dir)
{
    const QJsonObject root{{s("format"), 1},
                           {s("id"), s("ws-test")},
                           {s("settings"), QJsonObject()},
                           {s("flows"), QJsonArray()}};
    if (!writeBytes(workspaceFile(dir), QJsonDocument(root).toJson()))
        return makeError(ErrorType::Internal, s("cannot write the test workspace"));
    return Workspace::open(dir);
}

// What most TestApps functions start from: a new temporary folder holding an empty workspace
// (emptyWorkspace), a memory secret store, and, when given a name, one app created with that name.
// Verify `ready` after the setup:
//     AppsFixture f(s("Billing"));
//     WF_VERIFY_OK(f.ready);
struct AppsFixture {
    explicit AppsFixture(const QString &appName = QString())
    {
        auto opened = emptyWorkspace(dir.path());
        if (!opened) {
            ready = opened.error();
            return;
        }
        workspace = *opened;
        if (!appName.isEmpty())
            clientId = addApp(appName);
    }

    // Creates an app and gives its client id (none, with the error in `ready`, when it cannot).
    QString addApp(const QString &name)
    {
        if (!ready)
            return {};
        auto created = workspace.createApp(name);
        if (!created) {
            ready = created.error();
            return {};
        }
        return created->clientId;
    }

    // The app made by the constructor as the workspace holds it now.
    const AppIntegration *app() const { return workspace.appByClientId(clientId); }

    QTemporaryDir dir;
    MemorySecretStore secrets;
    Workspace workspace;
    QString clientId;          // of the app made by the constructor
    Result<bool> ready = true; // the error when the workspace or an app could not be made
};

inline bool hasSecret(SecretStore &store, const QString &key)
{
    const auto result = store.read(key);
    return result.ok() && result->has_value();
}

inline Key generated(KeyType type)
{
    auto key = Key::generate(type);
    return key.ok() ? *key : Key();
}

// Public keys of types an app may not hold (P-521; RSA 2304), made with openssl.
inline QJsonObject p521PublicJwk()
{
    return QJsonObject{
        {s("kty"), s("EC")},
        {s("crv"), s("P-521")},
        {s("x"), s("ATbYqbjDBz3o5xFpRrKDacMs-Y1bRWAWD2-5qqxWwFiRVLCWBRVFD3OkMXtR3E1ELBVCB2NvPtdce"
                   "BtkzCMu0jH_")},
        {s("y"), s("AUQm5v4Jjj9UrfuXDw97LUnHkSXJ0zVFvFZpYCUdak8m4lLOTKpXYH4dr3vl1HDRjagOPv13Q9qTj"
                   "5SGQD0G6BZ8")}};
}

inline QJsonObject rsa2304PublicJwk()
{
    return QJsonObject{
        {s("kty"), s("RSA")},
        {s("e"), s("AQAB")},
        {s("n"),
         s("uuPztMbkE7P0mdMz1TzoCjzAKDu669TPEN0IiZ4Rz6jKKpPlYNzg7Kgeel6at0qLj6t9mPA0GvkwWArs81bMxJkbnVr"
           "9tK_ONCCPWkvNiSRKgivyJS4O2iMV6440vshttyZUphpdrSdwCdm-gkHwcP-c4sqT_yj2SeaxXtXCBT6YIZS2QcZ0HH6"
           "objen21qeODGsEGASnjmZd3G1o1MmUJ8m-4uPB--XXLzQ3oURgccOywoaR9tecfqf2AZ_d5oR8thLIpvK9db3XXWxUqG"
           "V_i79wePcG1QDL011W3hSXcn5Sujeb1PlnVyv2yMJODEL6FKVw5k-IpxxgcE09NfkUJkZJ2Lica-QpKrhDI-9kXfzg5l"
           "I7ug3qqkZ7NGNW61t")}};
}

// A valid app as stored, with one EC key, for the strict-reading rows.
inline QJsonObject validAppJson()
{
    const Key key = generated(KeyType::EcP256);
    AppIntegration app;
    app.clientId = s("0oaAbCdEfGhIjKlMnOpQ");
    app.name = s("Billing");
    app.created = QDateTime(QDate(2024, 5, 1), QTime(9, 30, 0, 125), Qt::UTC);
    app.scopes = {kInvokeScope};
    app.keys.append(AppKey{key.thumbprint(), key.withKid(key.thumbprint()).publicJwk(), true, app.created});
    return appToJson(app);
}

inline QJsonObject changedKey(QJsonObject app, const std::function<void(QJsonObject &)> &change)
{
    QJsonArray keys = app.value(QLatin1String("keys")).toArray();
    QJsonObject key = keys.at(0).toObject();
    change(key);
    keys.replace(0, key);
    app.insert(s("keys"), keys);
    return app;
}

inline QJsonObject changedJwk(QJsonObject app, const char *member, const QJsonValue &value)
{
    return changedKey(std::move(app), [&](QJsonObject &key) {
        QJsonObject jwk = key.value(QLatin1String("publicJwk")).toObject();
        jwk.insert(s(member), value);
        key.insert(s("publicJwk"), jwk);
    });
}

} // namespace appstest

class TestApps final : public QObject {
    Q_OBJECT

private slots:
    void secretKeys();
    void clientIdsAreWellFormedUniqueAndUniform();
    void clientIdShape_data();
    void clientIdShape();
    void createApp();
    void createManyApps();
    void appNames_data();
    void appNames();
    void findApp();
    void addKeyUsesThumbprint();
    void addKeyKeepsGivenKid();
    void addKeyRefusesDuplicates();
    void addKeyRefusesTypes_data();
    void addKeyRefusesTypes();
    void addKeyLimit();
    void unknownAppOrKey();
    void deactivateKeyRevokesTokens();
    void deleteKeyRevokesTokensAndForgetsPrivateKey();
    void setAppActive();
    void changesNeverReachCopies();
    void grantAndRevokeScopes();
    void keepPrivateKey();
    void deleteAppForgetsPrivateKeys();
    void saveOpenRoundTrip();
    void openOldWorkspace();
    void strictAppJson_data();
    void strictAppJson();
    void strictSigningKeyJson_data();
    void strictSigningKeyJson();
    void openReportsAppProblems();
    void sampleWorkspace();
    void noPrivateKeyInWorkspaceFile();
    void ensureSigningKeyIsIdempotent();
    void missingPrivateSigningKeyIsAnError();
    void rotationKeepsOldKeyUntilExpiry();
};
