// A created workspace's flows: client-token regeneration, adding flows (fresh aliases and tokens),
// restoring removed flows (same alias, fresh token), the URLs shown to the user, and lookups by id and
// alias. Creating, opening and saving: tst_workspace.

#include "WorkspaceTestSupport.h"

#include <QTest>

using namespace wf;
using namespace wf::workspacetest;

class TestWorkspaceFlows final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void regenerateClientToken();
    void regeneratedTokenSurvivesSaveAndOpen();
    void regenerateUnknownFlow();
    void regenerateWithFailingStoreKeepsOldToken();
    void addFlowWithExistingIdFails();
    void addFlowGivesFreshAliasAndToken();
    void addFlowWithFailingStoreAddsNothing();
    void restoreFlowKeepsAliasAndPlace();
    void restoreClientTokenFlowGetsFreshToken();
    void restoreHelperFlow();
    void restoreFlowRefusals_data();
    void restoreFlowRefusals();
    void restoreFlowWithFailingStoreRestoresNothing();
    void defaultUrls();
    void urls_data();
    void urls();
    void urlsOfCreatedWorkspace();
    void lookups();
    void libraryHoldsEveryFlow();

private:
    QList<Flow> m_samples;
};

void TestWorkspaceFlows::initTestCase()
{
    m_samples = bundledSamples();
    QVERIFY2(!m_samples.isEmpty(), "the samples are compiled in as :/samples/flows/*.json");
}

// --- client tokens ----------------------------------------------------------------------------------

void TestWorkspaceFlows::regenerateClientToken()
{
    CreatedWorkspace<RecordingSecretStore> f;
    QVERIFY2(f.created.ok(), qPrintable(f.problem()));
    const QString flowId = s("order-total-token");
    const QString key = clientTokenSecretKey(f.created->id(), flowId);
    const QString oldToken = storedSecret(f.secrets, key);
    const QString oldHash = f.created->flowById(flowId)->endpoint.clientTokenHash;
    QVERIFY(clientTokenMatches(oldToken, oldHash));
    const QString alias = f.created->flowById(flowId)->alias;
    f.secrets.writtenKeys.clear();

    auto token = f.created->regenerateClientToken(flowId, f.secrets);
    QVERIFY2(token.ok(), qPrintable(token.ok() ? QString() : errorText(token.error())));
    QVERIFY(isLowerHex(*token, 64));
    QVERIFY(*token != oldToken);
    QCOMPARE(storedSecret(f.secrets, key), *token);
    QCOMPARE(f.secrets.writtenKeys, QStringList{key});

    const Flow *flow = f.created->flowById(flowId);
    QVERIFY(flow);
    QCOMPARE(flow->endpoint.clientTokenHash, clientTokenHash(*token));
    QVERIFY(flow->endpoint.clientTokenHash != oldHash);
    QVERIFY(clientTokenMatches(*token, flow->endpoint.clientTokenHash));
    QVERIFY(!clientTokenMatches(oldToken, flow->endpoint.clientTokenHash)); // the old one stops working
    QCOMPARE(flow->alias, alias);                                           // the URL stays

    // Other flows are untouched.
    for (const Flow &other : f.created->flows()) {
        if (other.id != flowId)
            QVERIFY(other.endpoint.clientTokenHash.isEmpty());
    }
}

void TestWorkspaceFlows::regeneratedTokenSurvivesSaveAndOpen()
{
    CreatedWorkspace<MemorySecretStore> f;
    QVERIFY2(f.created.ok(), qPrintable(f.problem()));
    const QString flowId = s("order-total-token");
    const QString oldToken = storedSecret(f.secrets, clientTokenSecretKey(f.created->id(), flowId));
    auto token = f.created->regenerateClientToken(flowId, f.secrets);
    QVERIFY(token.ok());
    QVERIFY(f.created->save().ok());
    QVERIFY(!readBytes(workspaceFile(f.dir.path())).contains(token->toLatin1()));

    auto opened = Workspace::open(f.dir.path());
    QVERIFY(opened.ok());
    const QString hash = opened->flowById(flowId)->endpoint.clientTokenHash;
    QVERIFY(clientTokenMatches(*token, hash));
    QVERIFY(!clientTokenMatches(oldToken, hash));
}

void TestWorkspaceFlows::regenerateUnknownFlow()
{
    CreatedWorkspace<RecordingSecretStore> f;
    QVERIFY2(f.created.ok(), qPrintable(f.problem()));
    f.secrets.writtenKeys.clear();
    const QJsonArray before = flowsJson(*f.created);

    auto token = f.created->regenerateClientToken(s("no-such-flow"), f.secrets);
    QVERIFY(!token.ok());
    QCOMPARE(token.error().type, ErrorType::NotFound);
    QVERIFY2(token.error().message.contains(QLatin1String("no-such-flow")),
             qPrintable(token.error().message));
    QCOMPARE(f.secrets.writtenKeys, QStringList());
    QCOMPARE(flowsJson(*f.created), before);
}

void TestWorkspaceFlows::regenerateWithFailingStoreKeepsOldToken()
{
    CreatedWorkspace<RecordingSecretStore> f;
    QVERIFY2(f.created.ok(), qPrintable(f.problem()));
    const QString flowId = s("order-total-token");
    const QString oldToken = storedSecret(f.secrets, clientTokenSecretKey(f.created->id(), flowId));

    f.secrets.failWrites = true;
    auto token = f.created->regenerateClientToken(flowId, f.secrets);
    QVERIFY(!token.ok());
    QCOMPARE(token.error().type, ErrorType::Internal);
    // The token in the store and the hash in the workspace still agree.
    QVERIFY(clientTokenMatches(oldToken, f.created->flowById(flowId)->endpoint.clientTokenHash));
}

// --- addFlow ----------------------------------------------------------------------------------------

void TestWorkspaceFlows::addFlowWithExistingIdFails()
{
    CreatedWorkspace<RecordingSecretStore> f;
    QVERIFY2(f.created.ok(), qPrintable(f.problem()));
    f.secrets.writtenKeys.clear();
    const QJsonArray before = flowsJson(*f.created);

    Flow duplicate = *f.created->flowById(s("order-total-token"));
    duplicate.name = s("Another name");
    const auto added = f.created->addFlow(duplicate, f.secrets);
    QVERIFY(!added.ok());
    QCOMPARE(added.error().type, ErrorType::InvalidInput);
    QVERIFY2(added.error().message.contains(QLatin1String("order-total-token")),
             qPrintable(added.error().message));
    QCOMPARE(flowsJson(*f.created), before);
    QCOMPARE(f.secrets.writtenKeys, QStringList());
}

void TestWorkspaceFlows::addFlowGivesFreshAliasAndToken()
{
    CreatedWorkspace<MemorySecretStore> f;
    QVERIFY2(f.created.ok(), qPrintable(f.problem()));
    const qsizetype count = f.created->flows().size();

    // A client-token flow arriving with someone else's alias and hash gets its own.
    Flow tokenFlow = *f.created->flowById(s("order-total-token"));
    tokenFlow.id = s("order-total-copy");
    const QString copiedAlias = tokenFlow.alias;
    const QString copiedHash = tokenFlow.endpoint.clientTokenHash;
    QVERIFY(f.created->addFlow(tokenFlow, f.secrets).ok());

    // A public flow with a stale hash loses it; a helper with an alias loses the alias.
    Flow publicFlow = *f.created->flowById(s("hello-public"));
    publicFlow.id = s("hello-copy");
    publicFlow.endpoint.clientTokenHash = copiedHash;
    QVERIFY(f.created->addFlow(publicFlow, f.secrets).ok());
    Flow helperFlow = *f.created->flowById(s("line-total"));
    helperFlow.id = s("line-total-copy");
    helperFlow.alias = s("0123456789abcdef0123456789abcdef");
    QVERIFY(f.created->addFlow(helperFlow, f.secrets).ok());

    QCOMPARE(f.created->flows().size(), count + 3);
    const Flow *addedToken = f.created->flowById(s("order-total-copy"));
    QVERIFY(addedToken);
    QVERIFY(isLowerHex(addedToken->alias, 32));
    QVERIFY(addedToken->alias != copiedAlias);
    QVERIFY(addedToken->endpoint.clientTokenHash != copiedHash);
    const QString token = storedSecret(f.secrets, clientTokenSecretKey(f.created->id(), addedToken->id));
    QVERIFY(clientTokenMatches(token, addedToken->endpoint.clientTokenHash));

    const Flow *addedPublic = f.created->flowById(s("hello-copy"));
    QVERIFY(addedPublic);
    QVERIFY(isLowerHex(addedPublic->alias, 32));
    QVERIFY(addedPublic->endpoint.clientTokenHash.isEmpty());
    QCOMPARE(storedSecret(f.secrets, clientTokenSecretKey(f.created->id(), addedPublic->id)), QString());

    const Flow *addedHelper = f.created->flowById(s("line-total-copy"));
    QVERIFY(addedHelper);
    QVERIFY(addedHelper->alias.isEmpty());

    // The result saves and opens cleanly.
    QVERIFY(f.created->save().ok());
    auto opened = Workspace::open(f.dir.path());
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : errorText(opened.error())));
    QCOMPARE(flowsJson(*opened), flowsJson(*f.created));
}

void TestWorkspaceFlows::addFlowWithFailingStoreAddsNothing()
{
    CreatedWorkspace<RecordingSecretStore> f;
    QVERIFY2(f.created.ok(), qPrintable(f.problem()));
    const QJsonArray before = flowsJson(*f.created);

    Flow tokenFlow = *f.created->flowById(s("order-total-token"));
    tokenFlow.id = s("order-total-copy");
    f.secrets.failWrites = true;
    const auto added = f.created->addFlow(tokenFlow, f.secrets);
    QVERIFY(!added.ok());
    QVERIFY(added.error().message.contains(QLatin1String("keychain is locked")));
    // No half-added flow without a token, and the id can be used once the store works again.
    QVERIFY(!f.created->flowById(s("order-total-copy")));
    QCOMPARE(flowsJson(*f.created), before);
    f.secrets.failWrites = false;
    QVERIFY(f.created->addFlow(tokenFlow, f.secrets).ok());
    QVERIFY(f.created->flowById(s("order-total-copy")));
}

// --- restoreFlow ------------------------------------------------------------------------------------

void TestWorkspaceFlows::restoreFlowKeepsAliasAndPlace()
{
    CreatedWorkspace<MemorySecretStore> f;
    QVERIFY2(f.created.ok(), qPrintable(f.problem()));
    const QJsonArray before = flowsJson(*f.created);
    const QString flowId = s("hello-public");
    qsizetype index = -1;
    for (qsizetype i = 0; i < f.created->flows().size(); ++i) {
        if (f.created->flows().at(i).id == flowId)
            index = i;
    }
    QVERIFY(index >= 0);
    const Flow removed = *f.created->flowById(flowId);
    QVERIFY(f.created->removeFlow(flowId, f.secrets).ok());
    QVERIFY(!f.created->flowByAlias(removed.alias));

    const auto restored = f.created->restoreFlow(removed, f.secrets, index);
    QVERIFY2(restored.ok(), qPrintable(restored.ok() ? QString() : errorText(restored.error())));
    QCOMPARE(f.created->flows().at(index).id, flowId);
    QCOMPARE(f.created->flowByAlias(removed.alias), f.created->flowById(flowId));
    QCOMPARE(flowsJson(*f.created), before); // exactly as it was, in the same place

    QVERIFY(f.created->save().ok());
    auto opened = Workspace::open(f.dir.path());
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : errorText(opened.error())));
    QCOMPARE(flowsJson(*opened), before);

    // Without a place (or past the end) it goes last.
    QVERIFY(f.created->removeFlow(flowId, f.secrets).ok());
    QVERIFY(f.created->restoreFlow(removed, f.secrets).ok());
    QCOMPARE(f.created->flows().constLast().id, flowId);
    QVERIFY(f.created->removeFlow(flowId, f.secrets).ok());
    QVERIFY(f.created->restoreFlow(removed, f.secrets, 1000).ok());
    QCOMPARE(f.created->flows().constLast().id, flowId);
}

void TestWorkspaceFlows::restoreClientTokenFlowGetsFreshToken()
{
    CreatedWorkspace<MemorySecretStore> f;
    QVERIFY2(f.created.ok(), qPrintable(f.problem()));
    const QString flowId = s("order-total-token");
    const QString key = clientTokenSecretKey(f.created->id(), flowId);
    const QString oldToken = storedSecret(f.secrets, key);
    const Flow removed = *f.created->flowById(flowId);
    QVERIFY(f.created->removeFlow(flowId, f.secrets).ok());
    QCOMPARE(storedSecret(f.secrets, key), QString()); // the token went with the flow

    QVERIFY(f.created->restoreFlow(removed, f.secrets, 0).ok());
    const Flow *flow = f.created->flowById(flowId);
    QVERIFY(flow);
    QCOMPARE(f.created->flows().constFirst().id, flowId);
    QCOMPARE(flow->alias, removed.alias);
    const QString newToken = storedSecret(f.secrets, key);
    QVERIFY(isLowerHex(newToken, 64));
    QVERIFY(newToken != oldToken);
    QVERIFY(clientTokenMatches(newToken, flow->endpoint.clientTokenHash));
    QVERIFY(!clientTokenMatches(oldToken, flow->endpoint.clientTokenHash));
}

void TestWorkspaceFlows::restoreHelperFlow()
{
    CreatedWorkspace<MemorySecretStore> f;
    QVERIFY2(f.created.ok(), qPrintable(f.problem()));
    Flow removed = *f.created->flowById(s("line-total"));
    QVERIFY(removed.isHelper());
    // The flow that calls the helper goes first: a called helper is not removed.
    QVERIFY(f.created->removeFlow(s("order-total-token"), f.secrets).ok());
    QVERIFY(f.created->removeFlow(removed.id, f.secrets).ok());
    removed.alias = s("0123456789abcdef0123456789abcdef"); // a helper never gets one
    QVERIFY(f.created->restoreFlow(removed, f.secrets).ok());
    QVERIFY(f.created->flowById(s("line-total"))->alias.isEmpty());
}

void TestWorkspaceFlows::restoreFlowRefusals_data()
{
    QTest::addColumn<QString>("flowId");
    QTest::addColumn<QString>("alias");
    QTest::addColumn<QString>("expected");

    // order-total-token is in the workspace; "restored" was removed.
    QTest::newRow("id exists") << s("order-total-token") << s("0123456789abcdef0123456789abcdef")
                               << s("exists already");
    QTest::newRow("alias of another flow") << s("restored") << s("@order-total-token") << s("uses the alias");
    QTest::newRow("no alias") << s("restored") << QString() << s("no valid alias");
    QTest::newRow("upper-case alias")
        << s("restored") << s("0123456789ABCDEF0123456789ABCDEF") << s("no valid alias");
    QTest::newRow("short alias") << s("restored") << s("0123456789abcdef") << s("no valid alias");
}

void TestWorkspaceFlows::restoreFlowRefusals()
{
    QFETCH(QString, flowId);
    QFETCH(QString, alias);
    QFETCH(QString, expected);

    CreatedWorkspace<RecordingSecretStore> f;
    QVERIFY2(f.created.ok(), qPrintable(f.problem()));
    Flow flow = *f.created->flowById(s("hello-public"));
    flow.id = flowId;
    flow.alias =
        alias == s("@order-total-token") ? f.created->flowById(s("order-total-token"))->alias : alias;
    f.secrets.writtenKeys.clear();
    const QJsonArray before = flowsJson(*f.created);

    const auto restored = f.created->restoreFlow(flow, f.secrets);
    QVERIFY(!restored.ok());
    QCOMPARE(restored.error().type, ErrorType::InvalidInput);
    QVERIFY2(restored.error().message.contains(expected), qPrintable(restored.error().message));
    QCOMPARE(flowsJson(*f.created), before);
    QCOMPARE(f.secrets.writtenKeys, QStringList());
}

void TestWorkspaceFlows::restoreFlowWithFailingStoreRestoresNothing()
{
    CreatedWorkspace<RecordingSecretStore> f;
    QVERIFY2(f.created.ok(), qPrintable(f.problem()));
    const Flow removed = *f.created->flowById(s("order-total-token"));
    QVERIFY(f.created->removeFlow(removed.id, f.secrets).ok());
    const QJsonArray before = flowsJson(*f.created);

    f.secrets.failWrites = true;
    const auto restored = f.created->restoreFlow(removed, f.secrets, 0);
    QVERIFY(!restored.ok());
    QVERIFY(restored.error().message.contains(QLatin1String("keychain is locked")));
    QCOMPARE(flowsJson(*f.created), before);
    f.secrets.failWrites = false;
    QVERIFY(f.created->restoreFlow(removed, f.secrets, 0).ok());
    QCOMPARE(f.created->flows().constFirst().alias, removed.alias);
}

// --- URLs -------------------------------------------------------------------------------------------

void TestWorkspaceFlows::defaultUrls()
{
    Workspace workspace;
    Flow flow;
    flow.alias = s("0123456789abcdef0123456789abcdef");
    QCOMPARE(workspace.settings().baseUrl(), s("http://127.0.0.1:8787"));
    QCOMPARE(workspace.invokeUrl(flow),
             s("http://127.0.0.1:8787/api/flo/0123456789abcdef0123456789abcdef/invoke"));
    QCOMPARE(workspace.resumeUrl(flow),
             s("http://127.0.0.1:8787/api/flo/0123456789abcdef0123456789abcdef/resume/{executionId}"));
}

void TestWorkspaceFlows::urls_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("publicBaseUrl");
    QTest::addColumn<QString>("base");

    QTest::newRow("defaults") << s("127.0.0.1") << 8787 << QString() << s("http://127.0.0.1:8787");
    QTest::newRow("other host and port") << s("localhost") << 9000 << QString() << s("http://localhost:9000");
    QTest::newRow("all interfaces") << s("0.0.0.0") << 80 << QString() << s("http://0.0.0.0:80");
    QTest::newRow("IPv6 loopback") << s("::1") << 8787 << QString() << s("http://[::1]:8787");
    QTest::newRow("IPv6 address") << s("fe80::1:2") << 8080 << QString() << s("http://[fe80::1:2]:8080");
    QTest::newRow("IPv6 already bracketed") << s("[::1]") << 8787 << QString() << s("http://[::1]:8787");
    QTest::newRow("public base with several trailing slashes")
        << s("127.0.0.1") << 8787 << s("https://flows.example.com//") << s("https://flows.example.com");
    QTest::newRow("public base") << s("127.0.0.1") << 8787 << s("https://flows.example.com")
                                 << s("https://flows.example.com");
    QTest::newRow("public base with trailing slash")
        << s("127.0.0.1") << 8787 << s("https://flows.example.com/") << s("https://flows.example.com");
    QTest::newRow("public base with a path")
        << s("::1") << 1 << s("https://example.com/workflows/") << s("https://example.com/workflows");
    QTest::newRow("public base with a port")
        << s("0.0.0.0") << 8787 << s("http://proxy.local:8443") << s("http://proxy.local:8443");
}

void TestWorkspaceFlows::urls()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, publicBaseUrl);
    QFETCH(QString, base);

    Workspace workspace;
    workspace.settings().host = host;
    workspace.settings().port = static_cast<quint16>(port);
    workspace.settings().publicBaseUrl = publicBaseUrl;
    Flow flow;
    flow.alias = s("a3b4c5d6e7f8091a2b3c4d5e6f708192");
    QCOMPARE(workspace.settings().baseUrl(), base);
    QCOMPARE(workspace.invokeUrl(flow), base + s("/api/flo/a3b4c5d6e7f8091a2b3c4d5e6f708192/invoke"));
    QCOMPARE(workspace.resumeUrl(flow),
             base + s("/api/flo/a3b4c5d6e7f8091a2b3c4d5e6f708192/resume/{executionId}"));
}

void TestWorkspaceFlows::urlsOfCreatedWorkspace()
{
    CreatedWorkspace<MemorySecretStore> f;
    QVERIFY2(f.created.ok(), qPrintable(f.problem()));
    for (const Flow &flow : f.created->flows()) {
        if (flow.isHelper())
            continue;
        QCOMPARE(f.created->invokeUrl(flow), s("http://127.0.0.1:8787/api/flo/") + flow.alias + s("/invoke"));
        QCOMPARE(f.created->resumeUrl(flow),
                 s("http://127.0.0.1:8787/api/flo/") + flow.alias + s("/resume/{executionId}"));
    }
}

// --- lookups ----------------------------------------------------------------------------------------

void TestWorkspaceFlows::lookups()
{
    CreatedWorkspace<MemorySecretStore> f;
    QVERIFY2(f.created.ok(), qPrintable(f.problem()));
    for (const Flow &flow : f.created->flows()) {
        QCOMPARE(f.created->flowById(flow.id), &flow);
        if (!flow.isHelper())
            QCOMPARE(f.created->flowByAlias(flow.alias), &flow);
    }
    QVERIFY(!f.created->flowById(s("no-such-flow")));
    QVERIFY(!f.created->flowById(QString()));
    QVERIFY(!f.created->flowByAlias(QString())); // helpers have no alias and cannot be invoked
    QVERIFY(!f.created->flowByAlias(s("0123456789abcdef0123456789abcdef")));
    const Flow *order = f.created->flowById(s("order-total-token"));
    QVERIFY(order);
    QVERIFY(!f.created->flowByAlias(order->alias.toUpper()));
    // Sample aliases do not reach the new workspace's flows.
    for (const Flow &sample : std::as_const(m_samples)) {
        if (!sample.alias.isEmpty())
            QVERIFY2(!f.created->flowByAlias(sample.alias), qPrintable(sample.id));
    }
}

void TestWorkspaceFlows::libraryHoldsEveryFlow()
{
    CreatedWorkspace<MemorySecretStore> f;
    QVERIFY2(f.created.ok(), qPrintable(f.problem()));
    const FlowLibrary library = f.created->library();
    QCOMPARE(library.size(), f.created->flows().size());
    for (const Flow &flow : f.created->flows()) {
        const Flow *found = library.find(flow.id);
        QVERIFY2(found, qPrintable(flow.id));
        QCOMPARE(flowjson::toJsonObject(*found), flowjson::toJsonObject(flow));
    }
    QStringList order;
    for (const Flow *flow : library.flows())
        order.append(flow->id);
    QStringList expected;
    for (const Flow &flow : f.created->flows())
        expected.append(flow.id);
    QCOMPARE(order, expected);
    QVERIFY(!library.find(s("no-such-flow")));

    // The library is a copy: later changes to the workspace do not reach it.
    Flow extra = *f.created->flowById(s("hello-public"));
    extra.id = s("extra");
    QVERIFY(f.created->addFlow(extra, f.secrets).ok());
    QVERIFY(!library.find(s("extra")));
    QVERIFY(f.created->library().find(s("extra")));
}

QTEST_GUILESS_MAIN(TestWorkspaceFlows)
#include "tst_workspaceflows.moc"
