// `wfconsole history` with the real binary: the executions of the workspace's history.db, or with
// --database those of the PostgreSQL database that servers share (WF_TEST_DATABASE_URL; that test
// function is skipped, saying why, without it). A --database that does not parse or cannot be
// reached is a clear error and a non-zero exit, and the password is never printed.
// Secrets go to the workspace's 0600 file (an empty secrets.json is written first), never to the
// keychain of the machine running the tests.

#include "CliTestSupport.h"
#include "core/store/HistoryTestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace wf;
using namespace wf::historytest;

namespace {

using clitest::Run;

QStringList idsOf(const QByteArray &json)
{
    QStringList ids;
    for (const QJsonValue &execution : QJsonDocument::fromJson(json).array())
        ids.append(execution[QLatin1String("id")].toString());
    return ids;
}

// Records `count` executions of `flowId`, a minute apart from `first` on, into the history at
// `location`; returns their ids, newest first (the order history lists them in).
QStringList writeRecords(const QString &location, const QString &flowId, int count, const QDateTime &first)
{
    HistoryStore store;
    const auto opened = store.open(location);
    if (!opened) {
        qWarning("cannot open %s: %s", qPrintable(location), qPrintable(opened.error().message));
        return {};
    }
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        ExecutionRecord record = makeRecord(flowId, first.addSecs(60 * i),
                                            i % 2 ? ExecutionStatus::Failed : ExecutionStatus::Success);
        record.flowName = flowId;
        ids.prepend(record.id);
        if (!store.record(std::move(record)))
            return {};
    }
    return ids;
}

} // namespace

class TestHistoryCommand final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void listsTheWorkspaceHistory();
    void badDatabaseUrl_data();
    void badDatabaseUrl();
    void unreachableDatabase();
    void helpDescribesDatabase();
    void listsTheSharedDatabase();

private:
    Run wfconsole(const QStringList &arguments);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_workspace;
};

Run TestHistoryCommand::wfconsole(const QStringList &arguments)
{
    return clitest::runWfconsole(QStringList{QStringLiteral("history")} + arguments +
                                 QStringList{QStringLiteral("-w"), m_workspace});
}

void TestHistoryCommand::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_workspace = m_dir->filePath(QStringLiteral("ws"));
    QVERIFY(wf::clitest::makeWorkspaceKeepingSecretsInFile(m_workspace));
}

void TestHistoryCommand::listsTheWorkspaceHistory()
{
    const QString historyDb = m_workspace + QStringLiteral("/history.db");
    const QStringList hello = writeRecords(historyDb, QStringLiteral("hello-public"), 3, kBase);
    const QStringList echo = writeRecords(historyDb, QStringLiteral("echo-raw"), 2, kBase.addDays(1));
    QCOMPARE(hello.size(), 3);
    QCOMPARE(echo.size(), 2);

    const Run all = wfconsole({QStringLiteral("--json")});
    QVERIFY2(all.exitCode == 0, all.err.constData());
    QCOMPARE(idsOf(all.out), echo + hello);
    const Run one =
        wfconsole({QStringLiteral("--json"), QStringLiteral("--flow"), QStringLiteral("hello-public")});
    QVERIFY2(one.exitCode == 0, one.err.constData());
    QCOMPARE(idsOf(one.out), hello);
    const Run text = wfconsole({QStringLiteral("--status"), QStringLiteral("failed")});
    QVERIFY2(text.exitCode == 0, text.err.constData());
    QCOMPARE(int(text.out.count('\n')), 2); // one failed execution of each flow
    QVERIFY(text.out.contains(hello.at(1).toLatin1()));
}

void TestHistoryCommand::badDatabaseUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("reason");
    QTest::addRow("not a URL") << QStringLiteral("/var/lib/history.db") << QStringLiteral("postgresql://");
    QTest::addRow("other scheme") << QStringLiteral("mysql://wf:hunter2@db/wf")
                                  << QStringLiteral("postgresql://");
    QTest::addRow("no host") << QStringLiteral("postgresql://wf:hunter2@/wf") << QStringLiteral("no host");
    QTest::addRow("no database") << QStringLiteral("postgresql://wf:hunter2@db:5432")
                                 << QStringLiteral("no database");
    QTest::addRow("bad port") << QStringLiteral("postgresql://wf:hunter2@db:99999/wf")
                              << QStringLiteral("malformed");
    QTest::addRow("unknown parameter") << QStringLiteral("postgresql://wf:hunter2@db/wf?password=hunter2")
                                       << QStringLiteral("unknown parameter");
}

void TestHistoryCommand::badDatabaseUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, reason);
    const Run run = wfconsole({QStringLiteral("--database"), url});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("wfconsole history: --database: the database URL"), run.err.constData());
    QVERIFY2(run.err.contains(reason.toUtf8()), run.err.constData());
    QVERIFY2(run.err.contains("postgresql://user:password@host:port/database"), run.err.constData());
    QVERIFY2(!run.err.contains("hunter2") && !run.out.contains("hunter2"), run.err.constData());
    QVERIFY(run.out.isEmpty());
    // Refused before anything else: no workspace was made in the empty folder.
    QVERIFY(!QFile::exists(m_workspace + QStringLiteral("/workspace.json")));
}

void TestHistoryCommand::unreachableDatabase()
{
    quint16 port = 0;
    {
        QTcpServer probe; // a port nothing listens on once the probe is gone
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    const QString url = QStringLiteral("postgresql://wf:hunter2@127.0.0.1:%1/wf?connect_timeout=3").arg(port);
    QElapsedTimer elapsed;
    elapsed.start();
    const Run run = wfconsole({QStringLiteral("--database"), url});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(elapsed.elapsed() < 30000, "an unreachable database is an error, not a hang");
    // The database is named, without its password; nothing is listed.
    QVERIFY2(run.err.contains(QStringLiteral("postgresql://wf:***@127.0.0.1:%1/wf").arg(port).toUtf8()),
             run.err.constData());
    QVERIFY2(!run.err.contains("hunter2") && !run.out.contains("hunter2"), run.err.constData());
    QVERIFY2(run.out.isEmpty(), run.out.constData());
}

void TestHistoryCommand::helpDescribesDatabase()
{
    const Run run = wfconsole({QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("wfconsole history [options]"), run.out.constData());
    QVERIFY2(run.out.contains("--database <url>"), run.out.constData());
    QVERIFY2(run.out.contains("postgresql://user:password@host:port/database"), run.out.constData());
    QVERIFY2(run.out.contains("serve --database"), run.out.constData());
}

void TestHistoryCommand::listsTheSharedDatabase()
{
    const QString databaseUrl = testDatabaseUrl();
    if (databaseUrl.isEmpty())
        QSKIP("WF_TEST_DATABASE_URL is not set: history --database needs a PostgreSQL server "
              "(.ci/run starts one and sets it)");
    {
        RawDb raw(databaseUrl);
        QVERIFY2(raw.isOpen(), "cannot connect to WF_TEST_DATABASE_URL");
        QVERIFY(raw.exec(QStringLiteral("DROP TABLE IF EXISTS executions, paused_executions, schema_version, "
                                        "replay_jtis, rate_buckets CASCADE")));
    }
    // What servers on the database recorded, and something else in the workspace's own history.db.
    const QStringList shared = writeRecords(databaseUrl, QStringLiteral("hello-public"), 4, kBase);
    const QStringList other = writeRecords(databaseUrl, QStringLiteral("echo-raw"), 1, kBase.addDays(1));
    const QStringList local =
        writeRecords(m_workspace + QStringLiteral("/history.db"), QStringLiteral("hello-public"), 2, kBase);
    QCOMPARE(shared.size(), 4);
    QCOMPARE(other.size(), 1);
    QCOMPARE(local.size(), 2);

    const Run all = wfconsole({QStringLiteral("--database"), databaseUrl, QStringLiteral("--json")});
    QVERIFY2(all.exitCode == 0, all.err.constData());
    QCOMPARE(idsOf(all.out), other + shared);
    const Run one = wfconsole({QStringLiteral("--database"), databaseUrl, QStringLiteral("--flow"),
                               QStringLiteral("hello-public"), QStringLiteral("--json"),
                               QStringLiteral("--limit"), QStringLiteral("3")});
    QVERIFY2(one.exitCode == 0, one.err.constData());
    QCOMPARE(idsOf(one.out), shared.mid(0, 3));
    const Run text = wfconsole({QStringLiteral("--database"), databaseUrl});
    QVERIFY2(text.exitCode == 0, text.err.constData());
    QCOMPARE(int(text.out.count('\n')), 5);
    for (const QString &id : shared + other)
        QVERIFY2(text.out.contains(id.toLatin1()), text.out.constData());
    const QString password = DatabaseUrl::parse(databaseUrl)->password;
    for (const Run &run : {all, one, text}) {
        if (!password.isEmpty())
            QVERIFY(!run.out.contains(password.toUtf8()) && !run.err.contains(password.toUtf8()));
    }
    // Without --database, the workspace's own history again.
    const Run workspace = wfconsole({QStringLiteral("--json")});
    QVERIFY2(workspace.exitCode == 0, workspace.err.constData());
    QCOMPARE(idsOf(workspace.out), local);
}

QTEST_GUILESS_MAIN(TestHistoryCommand)
#include "tst_historycommand.moc"
