// The workspace file: creation from the bundled samples (fresh aliases, client tokens in the secret
// store, never in workspace.json), opening with every problem reported, and stable saving. Client
// tokens, adding flows, URLs and lookups: tst_workspaceflows.

#include "WorkspaceTestSupport.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace wf;
using namespace wf::workspacetest;

class TestWorkspace final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void createFromSamples();
    void tokensNeverInWorkspaceFile();
    void twoWorkspacesDiffer();
    void createIntoNewNestedFolder();
    void createRefusesExistingWorkspace_data();
    void createRefusesExistingWorkspace();
    void createFailsWhenSecretsCannotBeStored();
    void openAfterCreate();
    void settingsRoundTrip_data();
    void settingsRoundTrip();
    void tlsSettingsRoundTrip();
    void tlsSettingsMakeBaseUrlHttps_data();
    void tlsSettingsMakeBaseUrlHttps();
    void openOrCreateCreates();
    void openOrCreateOpens();
    void openOrCreateReportsBrokenWorkspace();
    void openAcceptsSettings_data();
    void openAcceptsSettings();
    void openErrors_data();
    void openErrors();
    void openListsEveryProblem();
    void saveWritesParsableFile();
    void saveIsStable();
    void saveFailsWhenFolderIsGone();

private:
    QTemporaryDir m_baseDir;
    QJsonObject m_baseRoot; // workspace.json of a freshly created workspace
    QList<Flow> m_samples;
};

void TestWorkspace::initTestCase()
{
    m_samples = bundledSamples();
    QVERIFY2(m_samples.size() >= 6, "the samples are compiled in as :/samples/flows/*.json");
    bool hasHelper = false;
    bool hasClientToken = false;
    for (const Flow &flow : std::as_const(m_samples)) {
        hasHelper = hasHelper || flow.isHelper();
        hasClientToken = hasClientToken || flow.endpoint.security == SecurityLevel::ClientToken;
    }
    QVERIFY(hasHelper);
    QVERIFY(hasClientToken);

    QVERIFY(m_baseDir.isValid());
    MemorySecretStore secrets;
    auto created = Workspace::create(m_baseDir.path(), secrets);
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : errorText(created.error())));
    m_baseRoot = readRoot(m_baseDir.path());
    QVERIFY(!m_baseRoot.isEmpty());
}

// --- create -----------------------------------------------------------------------------------------

void TestWorkspace::createFromSamples()
{
    CreatedWorkspace<RecordingSecretStore> f;
    QVERIFY2(f.created.ok(), qPrintable(f.problem()));
    const Workspace &workspace = *f.created;

    QVERIFY(QFile::exists(workspaceFile(f.dir.path())));
    QCOMPARE(workspace.dir(), QDir(f.dir.path()).absolutePath());
    QVERIFY2(isLowerHex(workspace.id(), 32), qPrintable(workspace.id()));
    QCOMPARE(settingsText(workspace.settings()), settingsText(WorkspaceSettings()));

    // Every sample, in the same order.
    QCOMPARE(workspace.flows().size(), m_samples.size());
    QSet<QString> aliases;
    QStringList expectedSecretKeys;
    for (qsizetype i = 0; i < m_samples.size(); ++i) {
        const Flow &sample = m_samples.at(i);
        const Flow &flow = workspace.flows().at(i);
        QCOMPARE(flow.id, sample.id);
        QCOMPARE(flow.name, sample.name);
        QCOMPARE(flow.isHelper(), sample.isHelper());
        QCOMPARE(flow.endpoint.security, sample.endpoint.security);
        const QString key = clientTokenSecretKey(workspace.id(), flow.id);

        if (flow.isHelper()) {
            QVERIFY2(flow.alias.isEmpty(), qPrintable(flow.id));
            QVERIFY(flow.endpoint.clientTokenHash.isEmpty());
            QCOMPARE(storedSecret(f.secrets, key), QString());
            continue;
        }
        QVERIFY2(isLowerHex(flow.alias, 32), qPrintable(flow.id + QLatin1Char(' ') + flow.alias));
        QVERIFY2(flow.alias != sample.alias, qPrintable(flow.id));
        QVERIFY2(!aliases.contains(flow.alias), qPrintable(flow.id));
        aliases.insert(flow.alias);
        QCOMPARE(workspace.flowByAlias(flow.alias), &flow);

        if (flow.endpoint.security == SecurityLevel::ClientToken) {
            const QString token = storedSecret(f.secrets, key);
            QVERIFY2(isLowerHex(token, 64), qPrintable(flow.id));
            QCOMPARE(clientTokenHash(token), flow.endpoint.clientTokenHash);
            QVERIFY(clientTokenMatches(token, flow.endpoint.clientTokenHash));
            expectedSecretKeys.append(key);
        } else {
            QVERIFY2(flow.endpoint.clientTokenHash.isEmpty(), qPrintable(flow.id));
            QCOMPARE(storedSecret(f.secrets, key), QString());
        }
    }
    QVERIFY(!aliases.isEmpty());
    // Exactly one secret per client-token flow, then the sample app's private key and the signing
    // key (tst_apps checks them), nothing else.
    QCOMPARE(workspace.apps().size(), 1);
    QCOMPARE(workspace.apps().at(0).keys.size(), 1);
    QCOMPARE(workspace.signingKeys().size(), 1);
    expectedSecretKeys.append(appPrivateKeySecretKey(workspace.id(), workspace.apps().at(0).clientId,
                                                     workspace.apps().at(0).keys.at(0).kid));
    expectedSecretKeys.append(signingKeySecretKey(workspace.id(), workspace.signingKeys().at(0).kid));
    QCOMPARE(f.secrets.writtenKeys, expectedSecretKeys);
}

void TestWorkspace::tokensNeverInWorkspaceFile()
{
    CreatedWorkspace<MemorySecretStore> f;
    QVERIFY2(f.created.ok(), qPrintable(f.problem()));
    const QByteArray bytes = readBytes(workspaceFile(f.dir.path()));
    QVERIFY(!bytes.isEmpty());

    int tokens = 0;
    for (const Flow &flow : f.created->flows()) {
        const QString token = storedSecret(f.secrets, clientTokenSecretKey(f.created->id(), flow.id));
        if (token.isEmpty())
            continue;
        ++tokens;
        QVERIFY2(!bytes.contains(token.toLatin1()), qPrintable(flow.id));
        QVERIFY(!bytes.contains(token.left(16).toLatin1()));
        QVERIFY(!bytes.contains(token.toUpper().toLatin1()));
        // The hash is what the file keeps.
        QVERIFY(bytes.contains(flow.endpoint.clientTokenHash.toLatin1()));
        QCOMPARE(findFlow(readRoot(f.dir.path()), flow.id)
                     .value(QLatin1String("endpoint"))
                     .toObject()
                     .value(QLatin1String("clientTokenSha256"))
                     .toString(),
                 flow.endpoint.clientTokenHash);
    }
    QVERIFY(tokens >= 1);
    // The samples' own aliases are not reused.
    for (const Flow &sample : std::as_const(m_samples)) {
        if (!sample.alias.isEmpty())
            QVERIFY2(!bytes.contains(sample.alias.toLatin1()), qPrintable(sample.id));
    }
}

void TestWorkspace::twoWorkspacesDiffer()
{
    QTemporaryDir dirA;
    QTemporaryDir dirB;
    QVERIFY(dirA.isValid() && dirB.isValid());
    MemorySecretStore secrets; // shared: keys must not collide
    auto a = Workspace::create(dirA.path(), secrets);
    auto b = Workspace::create(dirB.path(), secrets);
    QVERIFY(a.ok() && b.ok());
    QVERIFY(a->id() != b->id());
    QCOMPARE(a->flows().size(), b->flows().size());

    QSet<QString> aliasesA;
    for (const Flow &flow : a->flows()) {
        if (!flow.alias.isEmpty())
            aliasesA.insert(flow.alias);
    }
    for (qsizetype i = 0; i < b->flows().size(); ++i) {
        const Flow &flowA = a->flows().at(i);
        const Flow &flowB = b->flows().at(i);
        QCOMPARE(flowA.id, flowB.id);
        if (flowB.isHelper())
            continue;
        QVERIFY2(!aliasesA.contains(flowB.alias), qPrintable(flowB.id));
        if (flowB.endpoint.security == SecurityLevel::ClientToken) {
            const QString tokenA = storedSecret(secrets, clientTokenSecretKey(a->id(), flowA.id));
            const QString tokenB = storedSecret(secrets, clientTokenSecretKey(b->id(), flowB.id));
            QVERIFY(!tokenA.isEmpty() && !tokenB.isEmpty());
            QVERIFY(tokenA != tokenB);
            QVERIFY(flowA.endpoint.clientTokenHash != flowB.endpoint.clientTokenHash);
            QVERIFY(clientTokenMatches(tokenA, flowA.endpoint.clientTokenHash));
            QVERIFY(clientTokenMatches(tokenB, flowB.endpoint.clientTokenHash));
        }
    }
}

void TestWorkspace::createIntoNewNestedFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString nested = dir.filePath(QStringLiteral("a/b/c"));
    MemorySecretStore secrets;
    auto created = Workspace::create(nested, secrets);
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : errorText(created.error())));
    QVERIFY(QFile::exists(workspaceFile(nested)));
    QCOMPARE(created->dir(), QDir(nested).absolutePath());
}

void TestWorkspace::createRefusesExistingWorkspace_data()
{
    QTest::addColumn<bool>("validExisting");
    QTest::newRow("a workspace") << true;
    QTest::newRow("a broken workspace.json") << false;
}

void TestWorkspace::createRefusesExistingWorkspace()
{
    QFETCH(bool, validExisting);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    if (validExisting) {
        MemorySecretStore first;
        QVERIFY(Workspace::create(dir.path(), first).ok());
    } else {
        QVERIFY(writeBytes(workspaceFile(dir.path()), QByteArrayLiteral("not json")));
    }
    const QByteArray before = readBytes(workspaceFile(dir.path()));

    RecordingSecretStore secrets;
    auto again = Workspace::create(dir.path(), secrets);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().type, ErrorType::InvalidInput);
    QVERIFY2(again.error().message.contains(dir.path()), qPrintable(again.error().message));
    QVERIFY2(again.error().message.contains(QLatin1String("already")), qPrintable(again.error().message));
    QCOMPARE(readBytes(workspaceFile(dir.path())), before);
    QCOMPARE(secrets.writtenKeys, QStringList());
}

void TestWorkspace::createFailsWhenSecretsCannotBeStored()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    RecordingSecretStore secrets;
    secrets.failWrites = true;
    auto created = Workspace::create(dir.path(), secrets);
    QVERIFY(!created.ok());
    QVERIFY2(created.error().message.contains(QLatin1String("keychain is locked")),
             qPrintable(created.error().message));
    // No workspace whose client-token flows have no token.
    QVERIFY(!QFile::exists(workspaceFile(dir.path())));
}

// --- open -------------------------------------------------------------------------------------------

void TestWorkspace::openAfterCreate()
{
    CreatedWorkspace<MemorySecretStore> f;
    QVERIFY2(f.created.ok(), qPrintable(f.problem()));

    auto opened = Workspace::open(f.dir.path());
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : errorText(opened.error())));
    QCOMPARE(opened->id(), f.created->id());
    QCOMPARE(opened->dir(), f.created->dir());
    QCOMPARE(settingsText(opened->settings()), settingsText(f.created->settings()));
    QCOMPARE(flowsJson(*opened), flowsJson(*f.created));
    for (qsizetype i = 0; i < f.created->flows().size(); ++i) {
        const Flow &flow = opened->flows().at(i);
        QCOMPARE(flow.alias, f.created->flows().at(i).alias);
        QCOMPARE(flow.endpoint.clientTokenHash, f.created->flows().at(i).endpoint.clientTokenHash);
        if (flow.endpoint.security == SecurityLevel::ClientToken) {
            const QString token = storedSecret(f.secrets, clientTokenSecretKey(opened->id(), flow.id));
            QVERIFY(clientTokenMatches(token, flow.endpoint.clientTokenHash));
        }
    }

    // A relative path is made absolute.
    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(QFileInfo(f.dir.path()).absolutePath()));
    auto relative = Workspace::open(QFileInfo(f.dir.path()).fileName());
    QVERIFY(QDir::setCurrent(previous));
    QVERIFY(relative.ok());
    QCOMPARE(relative->dir(), f.created->dir());
}

void TestWorkspace::settingsRoundTrip_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("publicBaseUrl");
    QTest::addColumn<qint64>("bodyLimitBytes");
    QTest::addColumn<double>("rate");
    QTest::addColumn<int>("timeout");
    QTest::addColumn<int>("history");
    QTest::addColumn<int>("paused");
    QTest::newRow("defaults") << s("127.0.0.1") << 8787 << QString() << qint64(10 * 1024 * 1024) << 10.0 << 60
                              << 30 << 30;
    QTest::newRow("all changed") << s("::1") << 9000 << s("https://flows.example.com/") << qint64(1234) << 2.5
                                 << 5 << 7 << 90;
    QTest::newRow("rate limit off") << s("0.0.0.0") << 1 << QString() << qint64(1) << 0.0 << 1 << 1 << 1;
    QTest::newRow("largest") << s("localhost") << 65535 << s("http://host:1/x") << qint64(1) << 0.5 << 3600
                             << 3650 << 3650;
    QTest::newRow("body limit above 4 GiB")
        << s("127.0.0.1") << 8787 << QString() << qint64(5) * 1024 * 1024 * 1024 << 10.0 << 60 << 30 << 30;
}

void TestWorkspace::settingsRoundTrip()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, publicBaseUrl);
    QFETCH(qint64, bodyLimitBytes);
    QFETCH(double, rate);
    QFETCH(int, timeout);
    QFETCH(int, history);
    QFETCH(int, paused);

    CreatedWorkspace<MemorySecretStore> f;
    QVERIFY2(f.created.ok(), qPrintable(f.problem()));
    WorkspaceSettings &settings = f.created->settings();
    settings.host = host;
    settings.port = static_cast<quint16>(port);
    settings.publicBaseUrl = publicBaseUrl;
    settings.bodyLimitBytes = bodyLimitBytes;
    settings.rateLimitPerSecond = rate;
    settings.timeoutSeconds = timeout;
    settings.historyRetentionDays = history;
    settings.pausedRetentionDays = paused;
    QVERIFY(f.created->save().ok());

    auto opened = Workspace::open(f.dir.path());
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : errorText(opened.error())));
    QCOMPARE(settingsText(opened->settings()), settingsText(settings));
    QCOMPARE(opened->settings().bodyLimitBytes, bodyLimitBytes);
    QCOMPARE(opened->settings().rateLimitPerSecond, rate);
    QCOMPARE(flowsJson(*opened), flowsJson(*f.created));
}

// The TLS files are kept as paths: the certificate and key never enter workspace.json.
void TestWorkspace::tlsSettingsRoundTrip()
{
    CreatedWorkspace<MemorySecretStore> f;
    QVERIFY2(f.created.ok(), qPrintable(f.problem()));
    QVERIFY(f.created->settings().tlsCertificatePath.isEmpty());
    QVERIFY(f.created->settings().tlsKeyPath.isEmpty());
    const QString certificate = s(WF_TEST_DATA_DIR "/tls/cert.pem");
    const QString key = s("tls/key.pem"); // relative: inside the workspace folder
    f.created->settings().tlsCertificatePath = certificate;
    f.created->settings().tlsKeyPath = key;
    QVERIFY(f.created->save().ok());

    const QJsonObject settings = readRoot(f.dir.path()).value(QLatin1String("settings")).toObject();
    QCOMPARE(settings.value(QLatin1String("tlsCertificatePath")).toString(), certificate);
    QCOMPARE(settings.value(QLatin1String("tlsKeyPath")).toString(), key);
    const QByteArray file = readBytes(workspaceFile(f.dir.path()));
    QVERIFY(!file.contains("BEGIN"));

    auto opened = Workspace::open(f.dir.path());
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : errorText(opened.error())));
    QCOMPARE(opened->settings().tlsCertificatePath, certificate);
    QCOMPARE(opened->settings().tlsKeyPath, key);

    // Cleared again: both empty, and a workspace without them reads as plain HTTP.
    opened->settings().tlsCertificatePath.clear();
    opened->settings().tlsKeyPath.clear();
    QVERIFY(opened->save().ok());
    auto reopened = Workspace::open(f.dir.path());
    QVERIFY(reopened.ok());
    QVERIFY(reopened->settings().tlsCertificatePath.isEmpty());
    QVERIFY(reopened->settings().tlsKeyPath.isEmpty());
}

void TestWorkspace::tlsSettingsMakeBaseUrlHttps_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("publicBaseUrl");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << s("127.0.0.1") << QString() << QString() << s("http://127.0.0.1:8787");
    QTest::newRow("certificate") << s("127.0.0.1") << s("cert.pem") << QString()
                                 << s("https://127.0.0.1:8787");
    QTest::newRow("certificate, IPv6") << s("::1") << s("cert.pem") << QString() << s("https://[::1]:8787");
    QTest::newRow("public base URL wins")
        << s("127.0.0.1") << s("cert.pem") << s("https://flows.example.com/")
        << s("https://flows.example.com");
}

void TestWorkspace::tlsSettingsMakeBaseUrlHttps()
{
    QFETCH(QString, host);
    QFETCH(QString, certificate);
    QFETCH(QString, publicBaseUrl);
    QFETCH(QString, expected);
    WorkspaceSettings settings;
    settings.host = host;
    settings.tlsCertificatePath = certificate;
    settings.tlsKeyPath = certificate.isEmpty() ? QString() : s("key.pem");
    settings.publicBaseUrl = publicBaseUrl;
    QCOMPARE(settings.baseUrl(), expected);
}

void TestWorkspace::openOrCreateCreates()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    RecordingSecretStore secrets;
    auto workspace = Workspace::openOrCreate(dir.path(), secrets);
    QVERIFY2(workspace.ok(), qPrintable(workspace.ok() ? QString() : errorText(workspace.error())));
    QVERIFY(QFile::exists(workspaceFile(dir.path())));
    QCOMPARE(workspace->flows().size(), m_samples.size());
    QVERIFY(!secrets.writtenKeys.isEmpty());
    QCOMPARE(readRoot(dir.path()).value(QLatin1String("id")).toString(), workspace->id());
}

void TestWorkspace::openOrCreateOpens()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MemorySecretStore first;
    auto created = Workspace::create(dir.path(), first);
    QVERIFY(created.ok());
    const QByteArray before = readBytes(workspaceFile(dir.path()));

    RecordingSecretStore secrets;
    auto workspace = Workspace::openOrCreate(dir.path(), secrets);
    QVERIFY2(workspace.ok(), qPrintable(workspace.ok() ? QString() : errorText(workspace.error())));
    QCOMPARE(workspace->id(), created->id());
    QCOMPARE(flowsJson(*workspace), flowsJson(*created));
    // Opening neither touches the secrets nor rewrites the file.
    QCOMPARE(secrets.writtenKeys, QStringList());
    QCOMPARE(readBytes(workspaceFile(dir.path())), before);
}

void TestWorkspace::openOrCreateReportsBrokenWorkspace()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeBytes(workspaceFile(dir.path()), QByteArrayLiteral("{broken")));
    RecordingSecretStore secrets;
    auto workspace = Workspace::openOrCreate(dir.path(), secrets);
    QVERIFY(!workspace.ok());
    QCOMPARE(workspace.error().type, ErrorType::InvalidInput);
    // The broken file is reported, not replaced by a fresh workspace.
    QCOMPARE(readBytes(workspaceFile(dir.path())), QByteArrayLiteral("{broken"));
    QCOMPARE(secrets.writtenKeys, QStringList());
}

void TestWorkspace::openAcceptsSettings_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected"); // settingsText

    WorkspaceSettings defaults;
    QJsonObject noSettings = m_baseRoot;
    noSettings.remove(QStringLiteral("settings"));
    QTest::newRow("no settings: defaults") << toBytes(noSettings) << settingsText(defaults);
    QJsonObject emptySettings = m_baseRoot;
    emptySettings.insert(QStringLiteral("settings"), QJsonObject());
    QTest::newRow("empty settings: defaults") << toBytes(emptySettings) << settingsText(defaults);

    WorkspaceSettings rateOff;
    rateOff.rateLimitPerSecond = 0;
    QTest::newRow("rate limit 0 switches it off")
        << toBytes(withSetting(m_baseRoot, "rateLimitPerSecond", 0)) << settingsText(rateOff);

    WorkspaceSettings lowPort;
    lowPort.port = 1;
    QTest::newRow("port 1") << toBytes(withSetting(m_baseRoot, "port", 1)) << settingsText(lowPort);
    WorkspaceSettings highPort;
    highPort.port = 65535;
    QTest::newRow("port 65535") << toBytes(withSetting(m_baseRoot, "port", 65535)) << settingsText(highPort);

    QJsonObject partial = withSetting(m_baseRoot, "host", s("0.0.0.0"));
    partial.insert(QStringLiteral("settings"), QJsonObject{{QStringLiteral("host"), s("0.0.0.0")},
                                                           {QStringLiteral("timeoutSeconds"), 5}});
    WorkspaceSettings partialSettings;
    partialSettings.host = s("0.0.0.0");
    partialSettings.timeoutSeconds = 5;
    QTest::newRow("partial settings: the rest defaults") << toBytes(partial) << settingsText(partialSettings);
}

void TestWorkspace::openAcceptsSettings()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeBytes(workspaceFile(dir.path()), content));
    auto opened = Workspace::open(dir.path());
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : errorText(opened.error())));
    QCOMPARE(settingsText(opened->settings()), expected);
}

void TestWorkspace::openErrors_data()
{
    QTest::addColumn<bool>("writeFile");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("errorType");
    QTest::addColumn<QStringList>("fragments");

    const int invalid = static_cast<int>(ErrorType::InvalidInput);
    const QJsonObject &base = m_baseRoot;
    const QString hello = s("hello-public");
    const QString echo = s("echo-raw");
    const QString order = s("order-total-token");
    const QString helper = s("line-total");
    const QString helloAlias = findFlow(base, hello).value(QLatin1String("alias")).toString();
    QVERIFY(!helloAlias.isEmpty());
    QVERIFY(!findFlow(base, order).isEmpty());
    QVERIFY(!findFlow(base, helper).isEmpty());

    QTest::newRow("missing file") << false << QByteArray() << static_cast<int>(ErrorType::NotFound)
                                  << QStringList{s("cannot read")};
    QTest::newRow("empty file") << true << QByteArray() << invalid << QStringList{s("not valid JSON")};
    QTest::newRow("invalid JSON") << true << QByteArrayLiteral("{\"format\": 1,") << invalid
                                  << QStringList{s("not valid JSON")};
    QTest::newRow("JSON array") << true << QByteArrayLiteral("[]") << invalid
                                << QStringList{s("not valid JSON")};

    QJsonObject format2 = base;
    format2.insert(QStringLiteral("format"), 2);
    QTest::newRow("format 2") << true << toBytes(format2) << invalid
                              << QStringList{s("unsupported workspace format")};
    QJsonObject noFormat = base;
    noFormat.remove(QStringLiteral("format"));
    QTest::newRow("no format") << true << toBytes(noFormat) << invalid
                               << QStringList{s("unsupported workspace format")};
    QJsonObject stringFormat = base;
    stringFormat.insert(QStringLiteral("format"), s("1"));
    QTest::newRow("format as text") << true << toBytes(stringFormat) << invalid
                                    << QStringList{s("unsupported workspace format")};

    QJsonObject noId = base;
    noId.remove(QStringLiteral("id"));
    QTest::newRow("no id") << true << toBytes(noId) << invalid << QStringList{s("no id")};
    QJsonObject emptyId = base;
    emptyId.insert(QStringLiteral("id"), QString());
    QTest::newRow("empty id") << true << toBytes(emptyId) << invalid << QStringList{s("no id")};
    QJsonObject numberId = base;
    numberId.insert(QStringLiteral("id"), 42);
    QTest::newRow("id is a number") << true << toBytes(numberId) << invalid << QStringList{s("no id")};

    const QStringList portMessage{s("settings.port must be 1-65535")};
    QTest::newRow("port 0") << true << toBytes(withSetting(base, "port", 0)) << invalid << portMessage;
    QTest::newRow("port -1") << true << toBytes(withSetting(base, "port", -1)) << invalid << portMessage;
    QTest::newRow("port 65536") << true << toBytes(withSetting(base, "port", 65536)) << invalid
                                << portMessage;

    const QStringList limitMessage{s("settings: limits must be positive")};
    QTest::newRow("negative body limit")
        << true << toBytes(withSetting(base, "bodyLimitBytes", -1)) << invalid << limitMessage;
    QTest::newRow("zero body limit") << true << toBytes(withSetting(base, "bodyLimitBytes", 0)) << invalid
                                     << limitMessage;
    QTest::newRow("negative rate limit")
        << true << toBytes(withSetting(base, "rateLimitPerSecond", -0.5)) << invalid << limitMessage;
    QTest::newRow("zero timeout") << true << toBytes(withSetting(base, "timeoutSeconds", 0)) << invalid
                                  << limitMessage;
    QTest::newRow("negative timeout")
        << true << toBytes(withSetting(base, "timeoutSeconds", -30)) << invalid << limitMessage;
    QTest::newRow("negative history retention")
        << true << toBytes(withSetting(base, "historyRetentionDays", -1)) << invalid << limitMessage;
    QTest::newRow("zero paused retention")
        << true << toBytes(withSetting(base, "pausedRetentionDays", 0)) << invalid << limitMessage;

    const QStringList tlsMessage{s("settings: tlsCertificatePath and tlsKeyPath go together")};
    QTest::newRow("TLS certificate without key")
        << true << toBytes(withSetting(base, "tlsCertificatePath", s("cert.pem"))) << invalid << tlsMessage;
    QTest::newRow("TLS key without certificate")
        << true << toBytes(withSetting(base, "tlsKeyPath", s("/etc/ssl/key.pem"))) << invalid << tlsMessage;

    const auto unknownFunction = withFlow(base, hello, [](QJsonObject &flow) {
        QJsonArray cards = flow.value(QLatin1String("cards")).toArray();
        for (qsizetype i = 0; i < cards.size(); ++i) {
            QJsonObject card = cards.at(i).toObject();
            if (card.value(QLatin1String("id")).toString() == QLatin1String("greeting")) {
                card.insert(QStringLiteral("function"), QStringLiteral("text.nope"));
                cards.replace(i, card);
            }
        }
        flow.insert(QStringLiteral("cards"), cards);
    });
    QTest::newRow("flow with an unknown function")
        << true << toBytes(unknownFunction) << invalid
        << QStringList{s("flow 'hello-public'"), s("card 'greeting'"), s("unknown function 'text.nope'")};

    const auto badAlias = withFlow(base, hello, [](QJsonObject &flow) {
        flow.insert(QStringLiteral("alias"), QStringLiteral("NOT-A-HEX-ALIAS"));
    });
    QTest::newRow("flow with a malformed alias")
        << true << toBytes(badAlias) << invalid
        << QStringList{s("flow 'hello-public'"), s("field 'alias'"), s("32 lowercase hexadecimal")};

    const auto badType = withFlow(base, hello, [](QJsonObject &flow) {
        QJsonObject event = flow.value(QLatin1String("event")).toObject();
        event.insert(QStringLiteral("body"),
                     QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("name")},
                                            {QStringLiteral("type"), QStringLiteral("nonsense")}}});
        flow.insert(QStringLiteral("event"), event);
    });
    QTest::newRow("flow with a structural problem")
        << true << toBytes(badType) << invalid
        << QStringList{s("flow 'hello-public'"), s("unknown type 'nonsense'")};

    const auto upperHash = withFlow(base, order, [](QJsonObject &flow) {
        QJsonObject endpoint = flow.value(QLatin1String("endpoint")).toObject();
        endpoint.insert(QStringLiteral("clientTokenSha256"),
                        endpoint.value(QLatin1String("clientTokenSha256")).toString().toUpper());
        flow.insert(QStringLiteral("endpoint"), endpoint);
    });
    QTest::newRow("flow with an upper-case token hash")
        << true << toBytes(upperHash) << invalid
        << QStringList{s("flow 'order-total-token'"), s("clientTokenSha256")};

    QTest::newRow("flow calling a missing helper")
        << true << toBytes(withoutFlow(base, helper)) << invalid
        << QStringList{s("flow 'order-total-token'"), s("line-total")};

    QJsonObject duplicate = base;
    QJsonArray flows = duplicate.value(QLatin1String("flows")).toArray();
    QJsonObject copy = findFlow(base, hello);
    copy.insert(QStringLiteral("alias"), QStringLiteral("0123456789abcdef0123456789abcdef"));
    flows.append(copy);
    duplicate.insert(QStringLiteral("flows"), flows);
    QTest::newRow("duplicate flow ids")
        << true << toBytes(duplicate) << invalid
        << QStringList{s("flow 'hello-public': another flow has the same id")};

    const auto noAlias =
        withFlow(base, hello, [](QJsonObject &flow) { flow.remove(QStringLiteral("alias")); });
    QTest::newRow("endpoint flow without alias")
        << true << toBytes(noAlias) << invalid << QStringList{s("flow 'hello-public': no alias")};

    const auto sharedAlias = withFlow(
        base, echo, [helloAlias](QJsonObject &flow) { flow.insert(QStringLiteral("alias"), helloAlias); });
    QTest::newRow("two flows with one alias")
        << true << toBytes(sharedAlias) << invalid
        << QStringList{s("flow 'echo-raw'"), s("alias"), s("hello-public")};
}

void TestWorkspace::openErrors()
{
    QFETCH(bool, writeFile);
    QFETCH(QByteArray, content);
    QFETCH(int, errorType);
    QFETCH(QStringList, fragments);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = workspaceFile(dir.path());
    if (writeFile)
        QVERIFY(writeBytes(path, content));

    auto opened = Workspace::open(dir.path());
    QVERIFY2(!opened.ok(), "the workspace opened");
    const QString message = opened.error().message;
    QCOMPARE(static_cast<int>(opened.error().type), errorType);
    // Every message names the file.
    QVERIFY2(message.contains(path), qPrintable(message));
    for (const QString &fragment : std::as_const(fragments))
        QVERIFY2(message.contains(fragment), qPrintable(fragment + QStringLiteral(" not in: ") + message));
}

void TestWorkspace::openListsEveryProblem()
{
    QJsonObject root = withFlow(m_baseRoot, s("hello-public"),
                                [](QJsonObject &flow) { flow.remove(QStringLiteral("alias")); });
    root = withFlow(root, s("echo-raw"),
                    [](QJsonObject &flow) { flow.insert(QStringLiteral("alias"), QStringLiteral("XYZ")); });
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeBytes(workspaceFile(dir.path()), toBytes(root)));
    auto opened = Workspace::open(dir.path());
    QVERIFY(!opened.ok());
    const QString message = opened.error().message;
    QVERIFY2(message.contains(QLatin1String("flow 'hello-public': no alias")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("flow 'echo-raw': field 'alias'")), qPrintable(message));
    // One problem a line.
    QVERIFY2(message.count(QLatin1String("\n  - ")) >= 2, qPrintable(message));
}

// --- save -------------------------------------------------------------------------------------------

void TestWorkspace::saveWritesParsableFile()
{
    CreatedWorkspace<MemorySecretStore> f;
    QVERIFY2(f.created.ok(), qPrintable(f.problem()));
    f.created->settings().timeoutSeconds = 17;
    QVERIFY(f.created->save().ok());

    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(readBytes(workspaceFile(f.dir.path())), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(doc.isObject());
    const QJsonObject root = doc.object();
    QCOMPARE(root.keys(),
             (QStringList{s("apps"), s("flows"), s("format"), s("id"), s("settings"), s("signingKeys")}));
    QCOMPARE(root.value(QLatin1String("format")).toInt(), 1);
    QCOMPARE(root.value(QLatin1String("id")).toString(), f.created->id());
    QCOMPARE(root.value(QLatin1String("settings")).toObject().value(QLatin1String("timeoutSeconds")).toInt(),
             17);
    QCOMPARE(root.value(QLatin1String("flows")).toArray(), flowsJson(*f.created));

    // Written through a temporary file that is renamed: nothing else is left in the folder.
    QCOMPARE(QDir(f.dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System),
             QStringList{Workspace::kFileName});
}

void TestWorkspace::saveIsStable()
{
    CreatedWorkspace<MemorySecretStore> f;
    QVERIFY2(f.created.ok(), qPrintable(f.problem()));
    const QByteArray first = readBytes(workspaceFile(f.dir.path()));

    QVERIFY(f.created->save().ok());
    const QByteArray second = readBytes(workspaceFile(f.dir.path()));
    QCOMPARE(second, first);
    QVERIFY(f.created->save().ok());
    QCOMPARE(readBytes(workspaceFile(f.dir.path())), first);

    // Opening and saving again changes nothing either.
    auto opened = Workspace::open(f.dir.path());
    QVERIFY(opened.ok());
    QVERIFY(opened->save().ok());
    QCOMPARE(readBytes(workspaceFile(f.dir.path())), first);

    // Keys are sorted at every level (QJsonDocument order), so diffs stay small.
    const QList<QByteArray> lines = first.split('\n');
    QVERIFY(lines.size() > 10);
    QCOMPARE(lines.at(0), QByteArray("{"));
    QVERIFY2(lines.at(1).startsWith("    \"apps\": ["), lines.at(1).constData());
}

void TestWorkspace::saveFailsWhenFolderIsGone()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("ws"));
    MemorySecretStore secrets;
    auto created = Workspace::create(folder, secrets);
    QVERIFY(created.ok());
    QVERIFY(QDir(folder).removeRecursively());

    const auto saved = created->save();
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().type, ErrorType::Internal);
    QVERIFY2(saved.error().message.contains(workspaceFile(folder)), qPrintable(saved.error().message));
}

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
