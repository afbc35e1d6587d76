// TestApps, second part: apps and signing keys in workspace.json (round trips, strict reading, no
// private key material), the sample workspace's app, and signing-key creation, rotation and expiry.

#include "tst_apps.h"

#include <QRegularExpression>
#include <QTemporaryDir>

using namespace wf;
using namespace wf::auth;
using namespace appstest;

namespace {

QJsonObject signingKeyJson()
{
    const Key key = generated(KeyType::Rsa2048);
    SigningKeyInfo info;
    info.kid = key.thumbprint();
    info.publicJwk = key.withKid(info.kid).publicJwk();
    info.publicJwk.insert(s("alg"), s("RS256"));
    info.publicJwk.insert(s("use"), s("sig"));
    info.created = QDateTime(QDate(2024, 5, 1), QTime(9, 30, 0, 7), Qt::UTC);
    return signingKeyToJson(info);
}

QJsonObject withMember(QJsonObject object, const char *member, const QJsonValue &value)
{
    object.insert(s(member), value);
    return object;
}

QJsonObject withoutMember(QJsonObject object, const char *member)
{
    object.remove(s(member));
    return object;
}

QJsonObject withJwkMember(QJsonObject key, const char *member, const QJsonValue &value)
{
    key.insert(s("publicJwk"), withMember(key.value(QLatin1String("publicJwk")).toObject(), member, value));
    return key;
}

QString secretText(SecretStore &store, const QString &key)
{
    const auto result = store.read(key);
    return result.ok() && result->has_value() ? **result : QString();
}

} // namespace

void TestApps::saveOpenRoundTrip()
{
    AppsFixture f;
    const QString billing = f.addApp(s("Billing"));
    const QString reports = f.addApp(s("Reports"));
    WF_VERIFY_OK(f.ready);
    WF_VERIFY_OK(f.workspace.addAppKey(billing, generated(KeyType::Rsa2048)));
    auto ecKey = f.workspace.addAppKey(billing, generated(KeyType::EcP384).withKid(s("ec-1")));
    WF_VERIFY_OK(ecKey);
    WF_VERIFY_OK(f.workspace.setAppKeyActive(billing, s("ec-1"), false));
    WF_VERIFY_OK(f.workspace.grantScope(billing, kInvokeScope));
    WF_VERIFY_OK(f.workspace.setAppActive(reports, false));
    WF_VERIFY_OK(f.workspace.ensureSigningKey(f.secrets));
    WF_VERIFY_OK(f.workspace.rotateSigningKey(f.secrets));
    QCOMPARE(f.workspace.signingKeys().size(), 2);
    WF_VERIFY_OK(f.workspace.save());
    const QByteArray first = readBytes(workspaceFile(f.dir.path()));

    auto opened = Workspace::open(f.dir.path());
    WF_VERIFY_OK(opened);
    QCOMPARE(opened->apps().size(), 2);
    QVERIFY(opened->apps() == f.workspace.apps());
    QVERIFY(opened->signingKeys() == f.workspace.signingKeys());
    const AppIntegration &app = opened->apps().at(0);
    QCOMPARE(app.keys.size(), 2);
    QCOMPARE(app.keys.at(1).kid, s("ec-1"));
    QVERIFY(!app.keys.at(1).active);
    QVERIFY(app.tokensRevokedBefore.isValid());
    QCOMPARE(app.created.timeSpec(), Qt::UTC);
    QVERIFY(!opened->apps().at(1).active);

    // Opening and saving again changes nothing.
    WF_VERIFY_OK(opened->save());
    QCOMPARE(readBytes(workspaceFile(f.dir.path())), first);
    const QJsonObject root = QJsonDocument::fromJson(first).object();
    QCOMPARE(root.value(QLatin1String("apps")).toArray().size(), 2);
    const QString created =
        root.value(QLatin1String("apps")).toArray().at(0).toObject().value(s("created")).toString();
    QVERIFY2(QRegularExpression(s("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"))
                 .match(created)
                 .hasMatch(),
             qPrintable(created));
}

void TestApps::openOldWorkspace()
{
    AppsFixture f;
    WF_VERIFY_OK(f.ready);
    QVERIFY(f.workspace.apps().isEmpty());
    QVERIFY(f.workspace.signingKeys().isEmpty());
    WF_VERIFY_OK(f.workspace.save());
    const QJsonObject root = QJsonDocument::fromJson(readBytes(workspaceFile(f.dir.path()))).object();
    QCOMPARE(root.value(QLatin1String("apps")), QJsonValue(QJsonArray()));
    QCOMPARE(root.value(QLatin1String("signingKeys")), QJsonValue(QJsonArray()));
}

void TestApps::strictAppJson_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QStringList>("fragments"); // empty: accepted

    const QJsonObject valid = validAppJson();
    const QString kid =
        valid.value(QLatin1String("keys")).toArray().at(0).toObject().value(s("kid")).toString();
    QTest::newRow("valid") << valid << QStringList();
    QTest::newRow("valid, revoked tokens")
        << withMember(valid, "tokensRevokedBefore", s("2024-06-01T00:00:00.000Z")) << QStringList();
    QTest::newRow("valid, no tokensRevokedBefore")
        << withoutMember(valid, "tokensRevokedBefore") << QStringList();

    QTest::newRow("unknown member") << withMember(valid, "secret", 1)
                                    << QStringList{s("app 'Billing' (0oaAbCdEfGhIjKlMnOpQ)"),
                                                   s("field 'secret' is not a known member")};
    QTest::newRow("unknown key member")
        << changedKey(valid, [](QJsonObject &key) { key.insert(s("note"), s("x")); })
        << QStringList{s("0oaAbCdEfGhIjKlMnOpQ"), s("field 'keys[0].note' is not a known member")};
    QTest::newRow("short client id") << withMember(valid, "clientId", s("0oa123"))
                                     << QStringList{s("(0oa123)"), s("field 'clientId' must be \"0oa\"")};
    QTest::newRow("client id with a dash")
        << withMember(valid, "clientId", s("0oaAbCdEfGhIjKlMn-pQ")) << QStringList{s("field 'clientId'")};
    QTest::newRow("client id a number") << withMember(valid, "clientId", 7)
                                        << QStringList{s("Billing"), s("field 'clientId' must be a string")};
    QTest::newRow("no client id") << withoutMember(valid, "clientId")
                                  << QStringList{s("app 'Billing'"), s("field 'clientId' is missing")};
    QTest::newRow("no name") << withoutMember(valid, "name") << QStringList{s("field 'name' is missing")};
    QTest::newRow("padded name") << withMember(valid, "name", s(" Billing"))
                                 << QStringList{s("field 'name'")};
    QTest::newRow("active as text") << withMember(valid, "active", s("yes"))
                                    << QStringList{s("field 'active' must be true or false")};
    QTest::newRow("keys an object") << withMember(valid, "keys", QJsonObject())
                                    << QStringList{s("field 'keys' must be an array")};
    QTest::newRow("kid with a space")
        << changedJwk(changedKey(valid, [](QJsonObject &key) { key.insert(s("kid"), s("my key")); }), "kid",
                      s("my key"))
        << QStringList{s("field 'keys[0].kid' must be 1-200 printable ASCII")};
    QTest::newRow("empty kid") << changedKey(valid, [](QJsonObject &key) { key.insert(s("kid"), QString()); })
                               << QStringList{s("field 'keys[0].kid'")};
    QTest::newRow("kid differs from the JWK's")
        << changedJwk(valid, "kid", s("other")) << QStringList{s("field 'keys[0].publicJwk.kid' must equal")};
    QTest::newRow("private member d")
        << changedJwk(valid, "d", s("AAAA"))
        << QStringList{s("0oaAbCdEfGhIjKlMnOpQ"), s("field 'keys[0].publicJwk'"), s("private member \"d\"")};
    QTest::newRow("symmetric member k")
        << changedJwk(valid, "k", s("AAAA")) << QStringList{s("private member \"k\"")};
    QJsonObject p521 = p521PublicJwk();
    p521.insert(s("kid"), kid);
    QTest::newRow("P-521 key") << changedKey(valid, [&](QJsonObject &key) {
        key.insert(s("publicJwk"), p521);
    }) << QStringList{s("field 'keys[0].publicJwk' is a EC P-521 key")};
    QTest::newRow("not a key") << changedJwk(valid, "x", s("AAAA"))
                               << QStringList{s("field 'keys[0].publicJwk' is not a usable public key")};
    QTest::newRow("created without milliseconds") << withMember(valid, "created", s("2024-05-01T09:30:00Z"))
                                                  << QStringList{s("field 'created' must be an ISO")};
    QTest::newRow("created without zone")
        << withMember(valid, "created", s("2024-05-01T09:30:00.000")) << QStringList{s("field 'created'")};
    QTest::newRow("created impossible date")
        << withMember(valid, "created", s("2024-02-30T09:30:00.000Z")) << QStringList{s("field 'created'")};
    QTest::newRow("key created missing")
        << changedKey(valid, [](QJsonObject &key) { key.remove(s("created")); })
        << QStringList{s("field 'keys[0].created' is missing")};
    QTest::newRow("tokensRevokedBefore a number")
        << withMember(valid, "tokensRevokedBefore", 5)
        << QStringList{s("field 'tokensRevokedBefore' must be null or")};
    QTest::newRow("unknown scope") << withMember(valid, "scopes", QJsonArray{s("okta.users.read")})
                                   << QStringList{s("field 'scopes[0]'"), s("okta.workflows.invoke.manage")};
    QTest::newRow("scope twice") << withMember(valid, "scopes", QJsonArray{kInvokeScope, kInvokeScope})
                                 << QStringList{s("field 'scopes[1]'"), s("twice")};
    QJsonObject twoKeys = valid;
    QJsonArray keys = valid.value(QLatin1String("keys")).toArray();
    keys.append(keys.at(0));
    twoKeys.insert(s("keys"), keys);
    QTest::newRow("duplicate kid") << twoKeys << QStringList{s("field 'keys[1].kid'"), s("another key")};
    QTest::newRow("every problem listed")
        << withMember(withMember(valid, "clientId", s("nope")), "extra", true)
        << QStringList{s("field 'clientId'"), s("field 'extra'"), s("\n")};
}

void TestApps::strictAppJson()
{
    QFETCH(QJsonObject, json);
    QFETCH(QStringList, fragments);
    auto app = appFromJson(json);
    if (fragments.isEmpty()) {
        WF_VERIFY_OK(app);
        QJsonObject expected = json;
        if (!expected.contains(QLatin1String("tokensRevokedBefore")))
            expected.insert(s("tokensRevokedBefore"), QJsonValue::Null);
        QCOMPARE(appToJson(*app), expected);
        QCOMPARE(app->created.timeSpec(), Qt::UTC);
        return;
    }
    QVERIFY(!app.ok());
    QCOMPARE(app.error().type, ErrorType::InvalidInput);
    for (const QString &fragment : std::as_const(fragments))
        QVERIFY2(app.error().message.contains(fragment),
                 qPrintable(fragment + s(" not in: ") + app.error().message));
}

void TestApps::strictSigningKeyJson_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QStringList>("fragments");
    const QJsonObject valid = signingKeyJson();
    const QString kid = valid.value(QLatin1String("kid")).toString();
    QTest::newRow("valid") << valid << QStringList();
    QTest::newRow("valid, retired") << withMember(valid, "retired", s("2024-05-02T00:00:00.000Z"))
                                    << QStringList();
    QTest::newRow("unknown member") << withMember(valid, "private", s("x"))
                                    << QStringList{s("signing key '") + kid, s("field 'private'")};
    QTest::newRow("private member d") << withJwkMember(valid, "d", s("AAAA"))
                                      << QStringList{s("field 'publicJwk'"), s("private member \"d\"")};
    QTest::newRow("alg RS512") << withJwkMember(valid, "alg", s("RS512"))
                               << QStringList{s("field 'publicJwk.alg'")};
    QTest::newRow("no use") << withMember(
                                   valid, "publicJwk",
                                   withoutMember(valid.value(QLatin1String("publicJwk")).toObject(), "use"))
                            << QStringList{s("field 'publicJwk.use'")};
    QTest::newRow("kid with a space") << withJwkMember(withMember(valid, "kid", s("a b")), "kid", s("a b"))
                                      << QStringList{s("field 'kid'")};
    QTest::newRow("kid differs") << withMember(valid, "kid", s("other")) << QStringList{s("publicJwk.kid")};
    QTest::newRow("retired malformed")
        << withMember(valid, "retired", s("yesterday")) << QStringList{s("field 'retired'")};
    const Key ec = generated(KeyType::EcP256).withKid(kid);
    QJsonObject ecJwk = ec.publicJwk();
    ecJwk.insert(s("alg"), s("RS256"));
    ecJwk.insert(s("use"), s("sig"));
    QTest::newRow("EC key") << withMember(valid, "publicJwk", ecJwk) << QStringList{s("must be an RSA key")};
}

void TestApps::strictSigningKeyJson()
{
    QFETCH(QJsonObject, json);
    QFETCH(QStringList, fragments);
    auto key = signingKeyFromJson(json);
    if (fragments.isEmpty()) {
        WF_VERIFY_OK(key);
        QCOMPARE(signingKeyToJson(*key), json);
        return;
    }
    QVERIFY(!key.ok());
    QCOMPARE(key.error().type, ErrorType::InvalidInput);
    for (const QString &fragment : std::as_const(fragments))
        QVERIFY2(key.error().message.contains(fragment),
                 qPrintable(fragment + s(" not in: ") + key.error().message));
}

void TestApps::openReportsAppProblems()
{
    AppsFixture f(s("Billing"));
    WF_VERIFY_OK(f.ready);
    WF_VERIFY_OK(f.workspace.ensureSigningKey(f.secrets));
    WF_VERIFY_OK(f.workspace.save());
    const QString path = workspaceFile(f.dir.path());
    const QJsonObject root = QJsonDocument::fromJson(readBytes(path)).object();
    const QJsonObject appJson = root.value(QLatin1String("apps")).toArray().at(0).toObject();
    const QJsonObject keyJson = root.value(QLatin1String("signingKeys")).toArray().at(0).toObject();

    QJsonObject sameName = withMember(appJson, "clientId", s("0oaZZZZZZZZZZZZZZZZZ"));
    sameName.insert(s("name"), s("BILLING"));
    QJsonObject broken = root;
    broken.insert(s("apps"), QJsonArray{appJson, withMember(appJson, "owner", s("me")), appJson, sameName});
    broken.insert(s("signingKeys"), QJsonArray{keyJson, withJwkMember(keyJson, "d", s("AAAA"))});
    QVERIFY(writeBytes(path, QJsonDocument(broken).toJson()));
    auto opened = Workspace::open(f.dir.path());
    QVERIFY(!opened.ok());
    const QString message = opened.error().message;
    const QStringList fragments{path, s("field 'owner' is not a known member"),
                                f.clientId + s("): another app has the same client id"),
                                s("(0oaZZZZZZZZZZZZZZZZZ): another app has the same name"),
                                s("private member \"d\"")};
    for (const QString &fragment : fragments)
        QVERIFY2(message.contains(fragment), qPrintable(fragment + s(" not in: ") + message));

    // Two current signing keys; "apps" of the wrong type.
    broken = root;
    QJsonObject second = withMember(keyJson, "kid", s("second"));
    second = withJwkMember(second, "kid", s("second"));
    broken.insert(s("signingKeys"), QJsonArray{keyJson, second});
    broken.insert(s("apps"), QJsonObject());
    QVERIFY(writeBytes(path, QJsonDocument(broken).toJson()));
    opened = Workspace::open(f.dir.path());
    QVERIFY(!opened.ok());
    QVERIFY2(opened.error().message.contains(QLatin1String("only one signing key may be current")),
             qPrintable(opened.error().message));
    QVERIFY2(opened.error().message.contains(QLatin1String("field 'apps' must be an array")),
             qPrintable(opened.error().message));
}

void TestApps::sampleWorkspace()
{
    QTemporaryDir dir;
    MemorySecretStore secrets;
    auto created = Workspace::create(dir.path(), secrets);
    WF_VERIFY_OK(created);
    QCOMPARE(created->apps().size(), 1);
    const AppIntegration &app = created->apps().at(0);
    QCOMPARE(app.name, s("Sample API client"));
    QVERIFY(isWellFormedClientId(app.clientId));
    QVERIFY(app.active);
    QCOMPARE(app.scopes, QStringList{kInvokeScope});
    QCOMPARE(app.keys.size(), 1);
    const AppKey &appKey = app.keys.at(0);
    QVERIFY(appKey.active);
    auto published = Key::fromJwk(appKey.publicJwk);
    WF_VERIFY_OK(published);
    QVERIFY(published->type() == KeyType::Rsa2048);
    QVERIFY(!published->hasPrivate());
    QCOMPARE(appKey.kid, published->thumbprint());

    // The kept private key matches the registered public key: what it signs verifies with it.
    auto kept = created->keptAppPrivateKey(app.clientId, appKey.kid, secrets);
    WF_VERIFY_OK(kept);
    QVERIFY(kept->has_value());
    QVERIFY((**kept).hasPrivate());
    QVERIFY((**kept).samePublicKey(*published));
    auto signature = (**kept).signCompact(s("RS256"), QByteArrayLiteral("{\"sub\":\"sample\"}"));
    WF_VERIFY_OK(signature);
    auto jws = Jws::parse(*signature, 8192);
    WF_VERIFY_OK(jws);
    QCOMPARE(jws->kid, appKey.kid);
    WF_VERIFY_OK(verifyJws(*jws, *published));

    // A current signing key whose private part is in the store.
    QCOMPARE(created->signingKeys().size(), 1);
    const SigningKeyInfo info = created->signingKeys().at(0);
    QVERIFY(info.retired.isNull());
    QCOMPARE(info.publicJwk.value(QLatin1String("alg")).toString(), s("RS256"));
    QCOMPARE(info.publicJwk.value(QLatin1String("use")).toString(), s("sig"));
    QVERIFY(hasSecret(secrets, signingKeySecretKey(created->id(), info.kid)));
    auto signing = created->ensureSigningKey(secrets);
    WF_VERIFY_OK(signing);
    QCOMPARE(signing->kid(), info.kid);
    QVERIFY(signing->hasPrivate());
    QVERIFY(signing->samePublicKey(*Key::fromJwk(info.publicJwk)));
    QCOMPARE(created->signingKeys().size(), 1);

    // Saved as created; the OAuth 2.0 sample lets any app call it.
    auto opened = Workspace::open(dir.path());
    WF_VERIFY_OK(opened);
    QVERIFY(opened->apps() == created->apps());
    QVERIFY(opened->signingKeys() == created->signingKeys());
    bool oauthFlow = false;
    for (const Flow &flow : opened->flows()) {
        if (flow.endpoint.security == SecurityLevel::OAuth2) {
            oauthFlow = true;
            QVERIFY2(flow.endpoint.anyApp, qPrintable(flow.id));
        }
    }
    QVERIFY(oauthFlow);
}

void TestApps::noPrivateKeyInWorkspaceFile()
{
    QTemporaryDir dir;
    MemorySecretStore secrets;
    auto created = Workspace::create(dir.path(), secrets);
    WF_VERIFY_OK(created);
    const QByteArray bytes = readBytes(workspaceFile(dir.path()));
    QVERIFY(bytes.contains("\"apps\"") && bytes.contains("\"signingKeys\""));
    for (const char *member : {"\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"", "PRIVATE KEY"})
        QVERIFY2(!bytes.contains(member), member);

    // Nor any piece of the private keys themselves.
    const AppIntegration &app = created->apps().at(0);
    const QStringList secretKeys{appPrivateKeySecretKey(created->id(), app.clientId, app.keys.at(0).kid),
                                 signingKeySecretKey(created->id(), created->signingKeys().at(0).kid)};
    for (const QString &key : secretKeys) {
        const QJsonObject jwk = QJsonDocument::fromJson(secretText(secrets, key).toUtf8()).object();
        const QString d = jwk.value(QLatin1String("d")).toString();
        QVERIFY2(d.size() > 100, qPrintable(key));
        QVERIFY(!bytes.contains(d.left(24).toLatin1()));
        QVERIFY(!bytes.contains(jwk.value(QLatin1String("p")).toString().left(24).toLatin1()));
    }
}

void TestApps::ensureSigningKeyIsIdempotent()
{
    AppsFixture f;
    WF_VERIFY_OK(f.ready);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    auto first = f.workspace.ensureSigningKey(f.secrets);
    WF_VERIFY_OK(first);
    QCOMPARE(f.workspace.signingKeys().size(), 1);
    const SigningKeyInfo info = f.workspace.signingKeys().at(0);
    QCOMPARE(info.kid, first->kid());
    QCOMPARE(info.kid, first->thumbprint());
    QVERIFY(first->type() == KeyType::Rsa2048);
    QVERIFY(info.created >= before && info.created <= QDateTime::currentDateTimeUtc());
    QVERIFY(info.retired.isNull());
    QVERIFY(!info.publicJwk.contains(QLatin1String("d")));

    auto second = f.workspace.ensureSigningKey(f.secrets);
    WF_VERIFY_OK(second);
    QCOMPARE(second->kid(), info.kid);
    QVERIFY(second->samePublicKey(*first));
    QCOMPARE(f.workspace.signingKeys().size(), 1);

    // After a save and open, the same key again.
    WF_VERIFY_OK(f.workspace.save());
    auto opened = Workspace::open(f.dir.path());
    WF_VERIFY_OK(opened);
    auto third = opened->ensureSigningKey(f.secrets);
    WF_VERIFY_OK(third);
    QCOMPARE(third->kid(), info.kid);
    QVERIFY(third->samePublicKey(*first));
    QVERIFY(opened->signingKeys() == f.workspace.signingKeys());
}

void TestApps::missingPrivateSigningKeyIsAnError()
{
    QTemporaryDir dir;
    const QString secretsPath = dir.filePath(s("secrets.json"));
    const QString folder = dir.filePath(s("ws"));
    {
        FileSecretStore secrets(secretsPath);
        WF_VERIFY_OK(Workspace::create(folder, secrets));
    }
    QVERIFY(QFile::remove(secretsPath));
    FileSecretStore secrets(secretsPath);
    auto workspace = Workspace::open(folder);
    WF_VERIFY_OK(workspace);
    const QList<SigningKeyInfo> keys = workspace->signingKeys();
    QCOMPARE(keys.size(), 1);

    auto missing = workspace->ensureSigningKey(secrets);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().type, ErrorType::NotFound);
    QVERIFY2(missing.error().message.contains(QLatin1String("`wfconsole signing-keys rotate`")),
             qPrintable(missing.error().message));
    QVERIFY2(missing.error().message.contains(keys.at(0).kid), qPrintable(missing.error().message));
    QVERIFY(workspace->signingKeys() == keys); // no silent new key
    QVERIFY(!QFile::exists(secretsPath));

    // A private key that is not the published one is refused the same way.
    auto other = Key::generate(KeyType::Rsa2048);
    WF_VERIFY_OK(other);
    const QJsonObject otherJwk = *other->privateJwk();
    WF_VERIFY_OK(secrets.write(signingKeySecretKey(workspace->id(), keys.at(0).kid),
                               QString::fromUtf8(QJsonDocument(otherJwk).toJson(QJsonDocument::Compact))));
    auto mismatched = workspace->ensureSigningKey(secrets);
    QVERIFY(!mismatched.ok());
    QVERIFY2(mismatched.error().message.contains(QLatin1String("signing-keys rotate")),
             qPrintable(mismatched.error().message));

    // Rotating is the way out.
    auto rotated = workspace->rotateSigningKey(secrets);
    WF_VERIFY_OK(rotated);
    auto current = workspace->ensureSigningKey(secrets);
    WF_VERIFY_OK(current);
    QCOMPARE(current->kid(), rotated->kid);
}

void TestApps::rotationKeepsOldKeyUntilExpiry()
{
    AppsFixture f;
    WF_VERIFY_OK(f.ready);
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    auto first = f.workspace.ensureSigningKey(f.secrets, t0);
    WF_VERIFY_OK(first);
    QCOMPARE(f.workspace.signingKeys().at(0).created, t0);

    const QDateTime rotatedAt = t0.addSecs(10);
    auto second = f.workspace.rotateSigningKey(f.secrets, rotatedAt);
    WF_VERIFY_OK(second);
    QVERIFY(second->kid != first->kid());
    QVERIFY(second->retired.isNull());
    QCOMPARE(second->created, rotatedAt);
    QCOMPARE(f.workspace.signingKeys().size(), 2);
    QCOMPARE(f.workspace.signingKeys().at(0).kid, first->kid());
    QCOMPARE(f.workspace.signingKeys().at(0).retired, rotatedAt);
    const QString firstSecret = signingKeySecretKey(f.workspace.id(), first->kid());
    const QString secondSecret = signingKeySecretKey(f.workspace.id(), second->kid);

    // The new key signs; the old one stays published while tokens it signed may be alive.
    const QDateTime expiry = rotatedAt.addSecs(kAccessTokenLifetimeSeconds);
    for (const QDateTime &now : {rotatedAt, expiry.addSecs(-1), expiry}) {
        auto current = f.workspace.ensureSigningKey(f.secrets, now);
        WF_VERIFY_OK(current);
        QCOMPARE(current->kid(), second->kid);
        QCOMPARE(f.workspace.signingKeys().size(), 2);
        QVERIFY(hasSecret(f.secrets, firstSecret));
    }
    auto later = f.workspace.ensureSigningKey(f.secrets, expiry.addMSecs(1));
    WF_VERIFY_OK(later);
    QCOMPARE(later->kid(), second->kid);
    QCOMPARE(f.workspace.signingKeys().size(), 1);
    QCOMPARE(f.workspace.signingKeys().at(0).kid, second->kid);
    QVERIFY(!hasSecret(f.secrets, firstSecret));
    QVERIFY(hasSecret(f.secrets, secondSecret));

    // Two rotations in a row publish three keys, one current.
    WF_VERIFY_OK(f.workspace.rotateSigningKey(f.secrets, expiry.addSecs(5)));
    auto third = f.workspace.rotateSigningKey(f.secrets, expiry.addSecs(6));
    WF_VERIFY_OK(third);
    QCOMPARE(f.workspace.signingKeys().size(), 3);
    int current = 0;
    for (const SigningKeyInfo &key : f.workspace.signingKeys())
        current += key.retired.isNull() ? 1 : 0;
    QCOMPARE(current, 1);
    // A rotation long after drops every expired key.
    auto fourth = f.workspace.rotateSigningKey(f.secrets, expiry.addDays(1));
    WF_VERIFY_OK(fourth);
    QCOMPARE(f.workspace.signingKeys().size(), 2);
    QCOMPARE(f.workspace.signingKeys().at(0).kid, third->kid);
    QCOMPARE(f.workspace.signingKeys().at(1).kid, fourth->kid);
}
