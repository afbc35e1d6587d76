// Workspace::updateFlow, removeFlow and newFlowId: the edits the desktop console makes to flows.

#include "WorkspaceTestSupport.h"

#include <QTest>

using namespace wf;
using namespace wf::workspacetest;

namespace {

const Flow *flowWith(const Workspace &workspace, SecurityLevel level)
{
    for (const Flow &flow : workspace.flows()) {
        if (!flow.isHelper() && flow.endpoint.security == level)
            return &flow;
    }
    return nullptr;
}

const Flow *helperFlow(const Workspace &workspace)
{
    for (const Flow &flow : workspace.flows()) {
        if (flow.isHelper())
            return &flow;
    }
    return nullptr;
}

} // namespace

class TestFlowEdits final : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_secrets = std::make_unique<MemorySecretStore>();
        auto created = Workspace::create(m_dir.path(), *m_secrets);
        QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
        m_workspace = std::make_unique<Workspace>(std::move(created).value());
    }

    void cleanup()
    {
        m_workspace.reset();
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
    }

    void updateKeepsTheWorkspacesAliasAndTokenHash()
    {
        Flow flow = *flowWith(*m_workspace, SecurityLevel::ClientToken);
        const QString alias = flow.alias;
        const QString hash = flow.endpoint.clientTokenHash;
        flow.name = QStringLiteral("Renamed");
        flow.alias = QStringLiteral("0123456789abcdef0123456789abcdef");
        flow.endpoint.clientTokenHash = QStringLiteral("forged");
        flow.active = false;
        QVERIFY(m_workspace->updateFlow(flow, *m_secrets).ok());
        const Flow *updated = m_workspace->flowById(flow.id);
        QCOMPARE(updated->name, QStringLiteral("Renamed"));
        QCOMPARE(updated->alias, alias);
        QCOMPARE(updated->endpoint.clientTokenHash, hash);
        QCOMPARE(updated->active, false);
        QVERIFY(m_workspace->save().ok());
        auto reopened = Workspace::open(m_dir.path());
        QVERIFY(reopened.ok());
        QCOMPARE(reopened->flowById(flow.id)->name, QStringLiteral("Renamed"));
    }

    void switchingToClientTokenMakesAToken()
    {
        Flow flow = *flowWith(*m_workspace, SecurityLevel::None);
        const QString key = clientTokenSecretKey(m_workspace->id(), flow.id);
        QCOMPARE(m_secrets->read(key).value(), std::nullopt);
        flow.endpoint.security = SecurityLevel::ClientToken;
        QVERIFY(m_workspace->updateFlow(flow, *m_secrets).ok());
        const auto token = m_secrets->read(key).value();
        QVERIFY(token.has_value());
        QCOMPARE(m_workspace->flowById(flow.id)->endpoint.clientTokenHash, clientTokenHash(*token));
    }

    void switchingAwayFromClientTokenDropsTheToken()
    {
        Flow flow = *flowWith(*m_workspace, SecurityLevel::ClientToken);
        const QString key = clientTokenSecretKey(m_workspace->id(), flow.id);
        QVERIFY(m_secrets->read(key).value().has_value());
        flow.endpoint.security = SecurityLevel::OAuth2;
        QVERIFY(m_workspace->updateFlow(flow, *m_secrets).ok());
        QCOMPARE(m_secrets->read(key).value(), std::nullopt);
        QVERIFY(m_workspace->flowById(flow.id)->endpoint.clientTokenHash.isEmpty());
        // And back: a new token, not the old one.
        flow.endpoint.security = SecurityLevel::ClientToken;
        QVERIFY(m_workspace->updateFlow(flow, *m_secrets).ok());
        QVERIFY(m_secrets->read(key).value().has_value());
    }

    void helperTurnedIntoAnEndpointGetsAnAlias()
    {
        QVERIFY(helperFlow(*m_workspace));
        Flow flow = *helperFlow(*m_workspace);
        QVERIFY(flow.alias.isEmpty());
        flow.event.type = EventType::ApiEndpoint;
        QVERIFY(m_workspace->updateFlow(flow, *m_secrets).ok());
        QCOMPARE(m_workspace->flowById(flow.id)->alias.size(), 32);
    }

    void refusals()
    {
        Flow unknown = *flowWith(*m_workspace, SecurityLevel::None);
        unknown.id = QStringLiteral("no-such-flow");
        auto notFound = m_workspace->updateFlow(unknown, *m_secrets);
        QVERIFY(!notFound.ok());
        QCOMPARE(notFound.error().type, ErrorType::NotFound);

        Flow unnamed = *flowWith(*m_workspace, SecurityLevel::None);
        unnamed.name = QStringLiteral("   ");
        auto refused = m_workspace->updateFlow(unnamed, *m_secrets);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().type, ErrorType::InvalidInput);
        QVERIFY(!m_workspace->flowById(unnamed.id)->name.trimmed().isEmpty());
    }

    void removeDropsTheFlowAndItsToken()
    {
        const Flow flow = *flowWith(*m_workspace, SecurityLevel::ClientToken);
        const QString key = clientTokenSecretKey(m_workspace->id(), flow.id);
        const qsizetype before = m_workspace->flows().size();
        QVERIFY(m_workspace->removeFlow(flow.id, *m_secrets).ok());
        QCOMPARE(m_workspace->flows().size(), before - 1);
        QCOMPARE(m_workspace->flowById(flow.id), nullptr);
        QCOMPARE(m_secrets->read(key).value(), std::nullopt);
        QCOMPARE(m_workspace->removeFlow(flow.id, *m_secrets).error().type, ErrorType::NotFound);
    }

    void calledHelperIsNotRemoved()
    {
        const Flow *helper = helperFlow(*m_workspace);
        QVERIFY(helper);
        const QStringList callers = m_workspace->callersOf(helper->id);
        QVERIFY2(!callers.isEmpty(), "a sample flow calls the sample helper");
        const qsizetype before = m_workspace->flows().size();
        auto refused = m_workspace->removeFlow(helper->id, *m_secrets);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().type, ErrorType::InvalidInput);
        QVERIFY2(refused.error().message.contains(callers.first()), qPrintable(refused.error().message));
        QCOMPARE(m_workspace->flows().size(), before);
        // Once no flow calls it, it goes; the workspace still opens.
        for (const QString &callerName : callers) {
            for (const Flow &flow : m_workspace->flows()) {
                if (flow.name == callerName) {
                    QVERIFY(m_workspace->removeFlow(flow.id, *m_secrets).ok());
                    break;
                }
            }
        }
        QVERIFY(m_workspace->removeFlow(helper->id, *m_secrets).ok());
        QVERIFY(m_workspace->save().ok());
        QVERIFY(Workspace::open(m_dir.path()).ok());
    }

    void newFlowIds_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("id");
        QTest::addRow("words") << QStringLiteral("Order sync") << QStringLiteral("order-sync");
        QTest::addRow("punctuation") << QStringLiteral("  --Hello, World!--  ")
                                     << QStringLiteral("hello-world");
        QTest::addRow("no letters") << QStringLiteral("日本語") << QStringLiteral("flow");
        QTest::addRow("empty") << QString() << QStringLiteral("flow");
        QTest::addRow("long") << QString(80, QLatin1Char('a')) << QString(48, QLatin1Char('a'));
    }

    void newFlowIds()
    {
        QFETCH(QString, name);
        QFETCH(QString, id);
        QCOMPARE(m_workspace->newFlowId(name), id);
    }

    void newFlowIdAvoidsExistingIds()
    {
        const QString taken = m_workspace->flows().first().id;
        QCOMPARE(m_workspace->newFlowId(taken), taken + QStringLiteral("-2"));
        Flow copy = m_workspace->flows().first();
        copy.id = taken + QStringLiteral("-2");
        QVERIFY(m_workspace->addFlow(copy, *m_secrets).ok());
        QCOMPARE(m_workspace->newFlowId(taken), taken + QStringLiteral("-3"));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<Workspace> m_workspace;
};

QTEST_GUILESS_MAIN(TestFlowEdits)
#include "tst_flowedits.moc"
