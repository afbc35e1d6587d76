// API Services app integrations and the workspace's access-token signing keys (PRODUCT.md §2, §4):
// client ids, app names, keys (kids, refused types, limits), scopes, revocation, private keys in the
// secret store and never in workspace.json, strict reading of workspace.json, the sample app, and
// signing-key creation, rotation and expiry.

#include "tst_apps.h"

#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

using namespace wf;
using namespace wf::auth;
using namespace appstest;

void TestApps::secretKeys()
{
    QCOMPARE(appPrivateKeySecretKey(s("ws1"), s("0oaX"), s("k1")), s("ws1/appKey/0oaX/k1"));
    QCOMPARE(signingKeySecretKey(s("ws1"), s("k1")), s("ws1/signingKey/k1"));
    QVERIFY(signingKeySecretKey(s("ws1"), s("k")) != signingKeySecretKey(s("ws2"), s("k")));
    QVERIFY(appPrivateKeySecretKey(s("ws1"), s("a"), s("k")) !=
            appPrivateKeySecretKey(s("ws1"), s("b"), s("k")));
}

void TestApps::clientIdsAreWellFormedUniqueAndUniform()
{
    static const QRegularExpression pattern(s("^0oa[A-Za-z0-9]{17}$"));
    const QString alphabet = s("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    QSet<QString> ids;
    QHash<QChar, int> counts;
    for (int i = 0; i < 1000; ++i) {
        const QString id = newClientId();
        QVERIFY2(pattern.match(id).hasMatch(), qPrintable(id));
        QVERIFY(isWellFormedClientId(id));
        ids.insert(id);
        for (QChar c : QStringView(id).mid(3))
            ++counts[c];
    }
    QCOMPARE(ids.size(), 1000);
    QCOMPARE(counts.size(), 62);
    // Without rejection sampling (byte % 62) the first 8 characters would come 25% more often:
    // ~2656 of 17000 instead of ~2194 (standard deviation ~44).
    int firstEight = 0;
    for (int i = 0; i < 8; ++i)
        firstEight += counts.value(alphabet.at(i));
    QVERIFY2(firstEight < 2425, qPrintable(QString::number(firstEight)));
    QVERIFY2(firstEight > 1960, qPrintable(QString::number(firstEight)));
}

void TestApps::clientIdShape_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<bool>("wellFormed");
    QTest::newRow("good") << s("0oa1234567890abcdefG") << true;
    QTest::newRow("too short") << s("0oa1234567890abcdef") << false;
    QTest::newRow("too long") << s("0oa1234567890abcdefGH") << false;
    QTest::newRow("wrong prefix") << s("0ob1234567890abcdefG") << false;
    QTest::newRow("upper prefix") << s("0OA1234567890abcdefG") << false;
    QTest::newRow("dash") << s("0oa1234567890abcde-G") << false;
    QTest::newRow("non-ASCII letter") << s("0oa1234567890abcdeéG") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestApps::clientIdShape()
{
    QFETCH(QString, clientId);
    QFETCH(bool, wellFormed);
    QCOMPARE(isWellFormedClientId(clientId), wellFormed);
}

void TestApps::createApp()
{
    AppsFixture f;
    WF_VERIFY_OK(f.ready);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    auto app = f.workspace.createApp(s("  Billing  "));
    WF_VERIFY_OK(app);
    QVERIFY(isWellFormedClientId(app->clientId));
    QCOMPARE(app->name, s("Billing"));
    QVERIFY(app->active);
    QVERIFY(app->keys.isEmpty());
    QVERIFY(app->scopes.isEmpty());
    QVERIFY(app->tokensRevokedBefore.isNull());
    QVERIFY(app->created >= before && app->created <= QDateTime::currentDateTimeUtc());
    QCOMPARE(f.workspace.apps().size(), 1);
    QCOMPARE(f.workspace.apps().at(0), *app);
    QCOMPARE(f.workspace.appByClientId(app->clientId), &f.workspace.apps().at(0));
}

void TestApps::createManyApps()
{
    AppsFixture f;
    WF_VERIFY_OK(f.ready);
    QSet<QString> ids;
    for (int i = 0; i < 1000; ++i) {
        auto app = f.workspace.createApp(QStringLiteral("App %1").arg(i));
        WF_VERIFY_OK(app);
        ids.insert(app->clientId);
    }
    QCOMPARE(ids.size(), 1000);
    QCOMPARE(f.workspace.apps().size(), 1000);
}

void TestApps::appNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("stored");   // empty: refused
    QTest::addColumn<QString>("fragment"); // in the error
    QTest::newRow("plain") << s("Billing") << s("Billing") << QString();
    QTest::newRow("trimmed") << s("\t Reports \n") << s("Reports") << QString();
    QTest::newRow("unicode") << s("Équipe 日本") << s("Équipe 日本") << QString();
    QTest::newRow("100 characters") << QString(100, QLatin1Char('x')) << QString(100, QLatin1Char('x'))
                                    << QString();
    QTest::newRow("101 characters") << QString(101, QLatin1Char('x')) << QString() << s("at most 100");
    QTest::newRow("empty") << QString() << QString() << s("needs a name");
    QTest::newRow("spaces only") << s("   ") << QString() << s("needs a name");
    QTest::newRow("line break inside") << s("a\nb") << QString() << s("control characters");
    QTest::newRow("same name") << s("Existing") << QString() << s("exists already");
    QTest::newRow("same name other case") << s("eXISTING") << QString() << s("exists already");
    QTest::newRow("looks like a client id") << s("0oa1234567890abcdefG") << QString() << s("client id");
}

void TestApps::appNames()
{
    QFETCH(QString, name);
    QFETCH(QString, stored);
    QFETCH(QString, fragment);
    AppsFixture f;
    const QString existing = f.addApp(s("Existing"));
    const QString other = f.addApp(s("Other"));
    WF_VERIFY_OK(f.ready);

    auto created = f.workspace.createApp(name);
    auto renamed = f.workspace.renameApp(other, name);
    if (stored.isEmpty()) {
        QVERIFY(!created.ok());
        QCOMPARE(created.error().type, ErrorType::InvalidInput);
        QVERIFY2(created.error().message.contains(fragment), qPrintable(created.error().message));
        QVERIFY(!renamed.ok());
        QVERIFY2(renamed.error().message.contains(fragment), qPrintable(renamed.error().message));
        QCOMPARE(f.workspace.apps().size(), 2);
        QCOMPARE(f.workspace.appByClientId(other)->name, s("Other"));
    } else {
        WF_VERIFY_OK(created);
        QCOMPARE(created->name, stored);
        // The name is now taken, so renaming another app to it is refused.
        QVERIFY(!renamed.ok());
        QVERIFY(f.workspace.renameApp(created->clientId, name.toUpper()).ok());
        QCOMPARE(f.workspace.appByClientId(created->clientId)->name, name.trimmed().toUpper());
    }
    // An app keeps its own name.
    QCOMPARE(*f.workspace.renameApp(existing, s("Existing")), false);
}

void TestApps::findApp()
{
    AppsFixture f;
    const QString billing = f.addApp(s("Billing"));
    const QString reports = f.addApp(s("Reports"));
    WF_VERIFY_OK(f.ready);
    QCOMPARE(f.workspace.findApp(billing)->name, s("Billing"));
    QCOMPARE(f.workspace.findApp(s("reports"))->clientId, reports);
    QCOMPARE(f.workspace.findApp(s("BILLING"))->clientId, billing);
    QCOMPARE(f.workspace.findApp(s("nobody")), nullptr);
    QCOMPARE(f.workspace.appByClientId(s("Billing")), nullptr);
}

void TestApps::addKeyUsesThumbprint()
{
    AppsFixture f(s("Billing"));
    WF_VERIFY_OK(f.ready);
    const Key key = generated(KeyType::Rsa2048); // a private key: only its public part is kept
    QVERIFY(key.hasPrivate() && key.kid().isEmpty());
    auto added = f.workspace.addAppKey(f.clientId, key);
    WF_VERIFY_OK(added);
    QCOMPARE(added->kid, key.thumbprint());
    QVERIFY(added->active);
    QCOMPARE(added->publicJwk.value(QLatin1String("kid")).toString(), key.thumbprint());
    QVERIFY(!added->publicJwk.contains(QLatin1String("d")));
    QCOMPARE(added->publicJwk, key.withKid(key.thumbprint()).publicJwk());
    const AppIntegration *stored = f.app();
    QCOMPARE(stored->keys.size(), 1);
    QCOMPARE(stored->keys.at(0), *added);
    QCOMPARE(stored->activeKeyCount(), 1);
    QCOMPARE(stored->key(added->kid), &stored->keys.at(0));
}

void TestApps::addKeyKeepsGivenKid()
{
    AppsFixture f(s("Billing"));
    WF_VERIFY_OK(f.ready);
    const Key key = generated(KeyType::EcP384).withKid(s("billing-2024"));
    auto added = f.workspace.addAppKey(f.clientId, key);
    WF_VERIFY_OK(added);
    QCOMPARE(added->kid, s("billing-2024"));
    QCOMPARE(added->publicJwk.value(QLatin1String("kid")).toString(), s("billing-2024"));

    auto badKid = f.workspace.addAppKey(f.clientId, generated(KeyType::EcP256).withKid(s("has space")));
    QVERIFY(!badKid.ok());
    QCOMPARE(badKid.error().type, ErrorType::InvalidInput);
}

void TestApps::addKeyRefusesDuplicates()
{
    AppsFixture f(s("Billing"));
    WF_VERIFY_OK(f.ready);
    const Key first = generated(KeyType::EcP256);
    WF_VERIFY_OK(f.workspace.addAppKey(f.clientId, first.withKid(s("k1"))));

    auto sameKid = f.workspace.addAppKey(f.clientId, generated(KeyType::EcP256).withKid(s("k1")));
    QVERIFY(!sameKid.ok());
    QVERIFY2(sameKid.error().message.contains(QLatin1String("'k1'")), qPrintable(sameKid.error().message));

    // The same public key under another kid (here, its thumbprint; the public part only).
    auto publicOnly = Key::fromJwk(first.publicJwk());
    WF_VERIFY_OK(publicOnly);
    auto sameKey = f.workspace.addAppKey(f.clientId, *publicOnly);
    QVERIFY(!sameKey.ok());
    QVERIFY2(sameKey.error().message.contains(QLatin1String("this public key already")),
             qPrintable(sameKey.error().message));
    QCOMPARE(f.app()->keys.size(), 1);

    // Another app may hold the same key.
    auto other = f.workspace.createApp(s("Other"));
    WF_VERIFY_OK(other);
    WF_VERIFY_OK(f.workspace.addAppKey(other->clientId, first));
}

void TestApps::addKeyRefusesTypes_data()
{
    QTest::addColumn<QJsonObject>("jwk");
    QTest::addColumn<QString>("typeName");
    QTest::newRow("EC P-521") << p521PublicJwk() << s("EC P-521");
    QTest::newRow("RSA 2304") << rsa2304PublicJwk() << s("RSA 2304");
}

void TestApps::addKeyRefusesTypes()
{
    QFETCH(QJsonObject, jwk);
    QFETCH(QString, typeName);
    auto key = Key::fromJwk(jwk);
    WF_VERIFY_OK(key);
    QVERIFY(!key->type());
    AppsFixture f(s("Billing"));
    WF_VERIFY_OK(f.ready);
    auto added = f.workspace.addAppKey(f.clientId, *key);
    QVERIFY(!added.ok());
    QCOMPARE(added.error().type, ErrorType::InvalidInput);
    const QString message = added.error().message;
    QVERIFY2(message.startsWith(typeName + s(" keys are not accepted")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("use RSA 2048, 3072 or 4096, or EC P-256 or P-384")),
             qPrintable(message));
    QVERIFY(f.app()->keys.isEmpty());
    QVERIFY(!f.workspace.addAppKey(f.clientId, Key()).ok());
}

void TestApps::addKeyLimit()
{
    AppsFixture f(s("Billing"));
    WF_VERIFY_OK(f.ready);
    for (int i = 0; i < 10; ++i)
        WF_VERIFY_OK(f.workspace.addAppKey(f.clientId, generated(KeyType::EcP256)));
    auto eleventh = f.workspace.addAppKey(f.clientId, generated(KeyType::EcP256));
    QVERIFY(!eleventh.ok());
    QCOMPARE(eleventh.error().type, ErrorType::LimitExceeded);
    QCOMPARE(f.app()->keys.size(), 10);
}

void TestApps::unknownAppOrKey()
{
    AppsFixture f(s("Billing"));
    WF_VERIFY_OK(f.ready);
    const QString nobody = s("0oaNobodyNobodyNobod");
    const QList<Error> appErrors{
        f.workspace.addAppKey(nobody, generated(KeyType::EcP256)).error(),
        f.workspace.setAppKeyActive(nobody, s("k"), false).error(),
        f.workspace.deleteAppKey(nobody, s("k"), f.secrets).error(),
        f.workspace.grantScope(nobody, kInvokeScope).error(),
        f.workspace.revokeScope(nobody, kInvokeScope).error(),
        f.workspace.setAppActive(nobody, false).error(),
        f.workspace.renameApp(nobody, s("x")).error(),
        f.workspace.deleteApp(nobody, f.secrets).error(),
        f.workspace.keepAppPrivateKey(nobody, generated(KeyType::EcP256), f.secrets).error(),
        f.workspace.keptAppPrivateKey(nobody, s("k"), f.secrets).error(),
    };
    for (const Error &error : appErrors) {
        QCOMPARE(error.type, ErrorType::NotFound);
        QVERIFY2(error.message.contains(nobody), qPrintable(error.message));
    }
    const QList<Error> keyErrors{
        f.workspace.setAppKeyActive(f.clientId, s("missing-kid"), false).error(),
        f.workspace.deleteAppKey(f.clientId, s("missing-kid"), f.secrets).error(),
        f.workspace.keptAppPrivateKey(f.clientId, s("missing-kid"), f.secrets).error(),
    };
    for (const Error &error : keyErrors) {
        QCOMPARE(error.type, ErrorType::NotFound);
        QVERIFY2(error.message.contains(QLatin1String("missing-kid")), qPrintable(error.message));
    }
}

void TestApps::deactivateKeyRevokesTokens()
{
    AppsFixture f(s("Billing"));
    WF_VERIFY_OK(f.ready);
    auto key = f.workspace.addAppKey(f.clientId, generated(KeyType::EcP256));
    WF_VERIFY_OK(key);
    QVERIFY(f.app()->tokensRevokedBefore.isNull());

    const QDateTime before = QDateTime::currentDateTimeUtc();
    auto deactivated = f.workspace.setAppKeyActive(f.clientId, key->kid, false);
    WF_VERIFY_OK(deactivated);
    QVERIFY(*deactivated);
    const AppIntegration *stored = f.app();
    const QDateTime revoked = stored->tokensRevokedBefore;
    QVERIFY(revoked >= before && revoked <= QDateTime::currentDateTimeUtc());
    QCOMPARE(revoked.timeSpec(), Qt::UTC);
    QVERIFY(!stored->keys.at(0).active);
    QCOMPARE(stored->activeKeyCount(), 0);

    // Already inactive: nothing changes.
    QCOMPARE(*f.workspace.setAppKeyActive(f.clientId, key->kid, false), false);
    QCOMPARE(f.app()->tokensRevokedBefore, revoked);
    // Activating again keeps the earlier tokens refused.
    QCOMPARE(*f.workspace.setAppKeyActive(f.clientId, key->kid, true), true);
    QVERIFY(f.app()->keys.at(0).active);
    QCOMPARE(f.app()->tokensRevokedBefore, revoked);
}

void TestApps::deleteKeyRevokesTokensAndForgetsPrivateKey()
{
    AppsFixture f(s("Billing"));
    WF_VERIFY_OK(f.ready);
    const Key first = generated(KeyType::Rsa2048);
    const Key second = generated(KeyType::EcP256);
    auto firstKey = f.workspace.addAppKey(f.clientId, first);
    auto secondKey = f.workspace.addAppKey(f.clientId, second);
    WF_VERIFY_OK(firstKey);
    WF_VERIFY_OK(secondKey);
    WF_VERIFY_OK(f.workspace.keepAppPrivateKey(f.clientId, first, f.secrets));
    WF_VERIFY_OK(f.workspace.keepAppPrivateKey(f.clientId, second, f.secrets));
    const QString firstSecret = appPrivateKeySecretKey(f.workspace.id(), f.clientId, firstKey->kid);
    const QString secondSecret = appPrivateKeySecretKey(f.workspace.id(), f.clientId, secondKey->kid);
    QVERIFY(hasSecret(f.secrets, firstSecret) && hasSecret(f.secrets, secondSecret));

    const QDateTime before = QDateTime::currentDateTimeUtc();
    WF_VERIFY_OK(f.workspace.deleteAppKey(f.clientId, firstKey->kid, f.secrets));
    const AppIntegration *stored = f.app();
    QCOMPARE(stored->keys.size(), 1);
    QCOMPARE(stored->keys.at(0).kid, secondKey->kid);
    QVERIFY(stored->tokensRevokedBefore >= before);
    QVERIFY(stored->tokensRevokedBefore <= QDateTime::currentDateTimeUtc());
    QVERIFY(!hasSecret(f.secrets, firstSecret));
    QVERIFY(hasSecret(f.secrets, secondSecret));
    // A key with nothing kept is deleted too.
    auto third = f.workspace.addAppKey(f.clientId, generated(KeyType::EcP256));
    WF_VERIFY_OK(third);
    WF_VERIFY_OK(f.workspace.deleteAppKey(f.clientId, third->kid, f.secrets));
    QCOMPARE(f.app()->keys.size(), 1);
}

void TestApps::setAppActive()
{
    AppsFixture f(s("Billing"));
    WF_VERIFY_OK(f.ready);
    QCOMPARE(*f.workspace.setAppActive(f.clientId, true), false);
    QVERIFY(f.app()->tokensRevokedBefore.isNull());
    QCOMPARE(*f.workspace.setAppActive(f.clientId, false), true);
    QVERIFY(!f.app()->active);
    QCOMPARE(*f.workspace.setAppActive(f.clientId, false), false);
    // The token check refuses an inactive app's tokens; activating it again lets them work.
    QVERIFY(f.app()->tokensRevokedBefore.isNull());
    QCOMPARE(*f.workspace.setAppActive(f.clientId, true), true);
    QVERIFY(f.app()->active);
}

void TestApps::changesNeverReachCopies()
{
    // A running server answers from a copy of the workspace: editing the original must not change it.
    QTemporaryDir dir;
    MemorySecretStore secrets;
    auto workspace = Workspace::create(dir.path(), secrets);
    WF_VERIFY_OK(workspace);
    const QString clientId = workspace->apps().first().clientId;
    const QString kid = workspace->apps().first().keys.first().kid;
    const Workspace copy = *workspace;
    WF_VERIFY_OK(workspace->setAppKeyActive(clientId, kid, false));
    WF_VERIFY_OK(workspace->revokeScope(clientId, kInvokeScope));
    WF_VERIFY_OK(workspace->renameApp(clientId, s("Renamed")));
    WF_VERIFY_OK(workspace->regenerateClientToken(s("order-total-token"), secrets));
    QVERIFY(copy.appByClientId(clientId)->keys.first().active);
    QVERIFY(copy.appByClientId(clientId)->hasScope(kInvokeScope));
    QCOMPARE(copy.appByClientId(clientId)->name, s("Sample API client"));
    QVERIFY(copy.flowById(s("order-total-token"))->endpoint.clientTokenHash !=
            workspace->flowById(s("order-total-token"))->endpoint.clientTokenHash);
}

void TestApps::grantAndRevokeScopes()
{
    QCOMPARE(knownScopes(), QStringList{s("okta.workflows.invoke.manage")});
    AppsFixture f(s("Billing"));
    WF_VERIFY_OK(f.ready);

    QCOMPARE(*f.workspace.grantScope(f.clientId, kInvokeScope), true);
    QCOMPARE(f.app()->scopes, QStringList{kInvokeScope});
    QVERIFY(f.app()->hasScope(kInvokeScope));
    QCOMPARE(*f.workspace.grantScope(f.clientId, kInvokeScope), false);
    QCOMPARE(f.app()->scopes.size(), 1);

    for (const QString &scope : {s("okta.users.read"), QString(), s("OKTA.WORKFLOWS.INVOKE.MANAGE")}) {
        for (const auto &result :
             {f.workspace.grantScope(f.clientId, scope), f.workspace.revokeScope(f.clientId, scope)}) {
            QVERIFY(!result.ok());
            QCOMPARE(result.error().type, ErrorType::InvalidInput);
            QVERIFY2(result.error().message.contains(kInvokeScope), qPrintable(result.error().message));
        }
    }
    QCOMPARE(*f.workspace.revokeScope(f.clientId, kInvokeScope), true);
    QVERIFY(f.app()->scopes.isEmpty());
    QCOMPARE(*f.workspace.revokeScope(f.clientId, kInvokeScope), false);
}

void TestApps::keepPrivateKey()
{
    AppsFixture f(s("Billing"));
    WF_VERIFY_OK(f.ready);
    const Key key = generated(KeyType::EcP256);
    auto added = f.workspace.addAppKey(f.clientId, key.withKid(s("mine")));
    WF_VERIFY_OK(added);

    auto nothing = f.workspace.keptAppPrivateKey(f.clientId, s("mine"), f.secrets);
    WF_VERIFY_OK(nothing);
    QVERIFY(!nothing->has_value());

    // A public key, or a private key of no registered key, is refused.
    auto publicOnly = Key::fromJwk(key.publicJwk());
    WF_VERIFY_OK(publicOnly);
    QCOMPARE(f.workspace.keepAppPrivateKey(f.clientId, *publicOnly, f.secrets).error().type,
             ErrorType::InvalidInput);
    QCOMPARE(f.workspace.keepAppPrivateKey(f.clientId, generated(KeyType::EcP256), f.secrets).error().type,
             ErrorType::NotFound);

    // Kept under the registered kid, whatever kid the key carries.
    WF_VERIFY_OK(f.workspace.keepAppPrivateKey(f.clientId, key, f.secrets));
    const auto stored = f.secrets.read(appPrivateKeySecretKey(f.workspace.id(), f.clientId, s("mine")));
    QVERIFY(stored.ok() && stored->has_value());
    QVERIFY(!(**stored).contains(QLatin1Char('\n'))); // compact JWK text
    auto kept = f.workspace.keptAppPrivateKey(f.clientId, s("mine"), f.secrets);
    WF_VERIFY_OK(kept);
    QVERIFY(kept->has_value());
    QVERIFY((**kept).hasPrivate());
    QCOMPARE((**kept).kid(), s("mine"));
    QVERIFY((**kept).samePublicKey(key));

    // A damaged entry is an error, not a key.
    WF_VERIFY_OK(f.secrets.write(appPrivateKeySecretKey(f.workspace.id(), f.clientId, s("mine")), s("{}")));
    QVERIFY(!f.workspace.keptAppPrivateKey(f.clientId, s("mine"), f.secrets).ok());
}

void TestApps::deleteAppForgetsPrivateKeys()
{
    AppsFixture f;
    const QString doomed = f.addApp(s("Doomed"));
    const QString kept = f.addApp(s("Kept"));
    WF_VERIFY_OK(f.ready);
    QStringList doomedSecrets;
    for (int i = 0; i < 2; ++i) {
        const Key key = generated(KeyType::EcP256);
        auto added = f.workspace.addAppKey(doomed, key);
        WF_VERIFY_OK(added);
        WF_VERIFY_OK(f.workspace.keepAppPrivateKey(doomed, key, f.secrets));
        doomedSecrets.append(appPrivateKeySecretKey(f.workspace.id(), doomed, added->kid));
    }
    const Key otherKey = generated(KeyType::EcP256);
    auto otherAdded = f.workspace.addAppKey(kept, otherKey);
    WF_VERIFY_OK(otherAdded);
    WF_VERIFY_OK(f.workspace.keepAppPrivateKey(kept, otherKey, f.secrets));

    WF_VERIFY_OK(f.workspace.deleteApp(doomed, f.secrets));
    QCOMPARE(f.workspace.apps().size(), 1);
    QCOMPARE(f.workspace.appByClientId(doomed), nullptr);
    for (const QString &key : std::as_const(doomedSecrets))
        QVERIFY2(!hasSecret(f.secrets, key), qPrintable(key));
    QVERIFY(hasSecret(f.secrets, appPrivateKeySecretKey(f.workspace.id(), kept, otherAdded->kid)));
}

QTEST_GUILESS_MAIN(TestApps)
