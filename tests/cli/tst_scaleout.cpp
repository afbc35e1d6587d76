// Scale-out end to end (PRODUCT.md §8): two `wfconsole serve` processes on one workspace and one
// PostgreSQL database (WF_TEST_DATABASE_URL), behind nginx on loopback, behave as one org. Skipped,
// saying why, without the database or nginx; the outage case also needs WF_TEST_DATABASE_CTL (a
// script that stops and starts the database server, as .ci/postgresql.sh writes).

#include "CliTestSupport.h"
#include "core/server/NetworkTestSupport.h"
#include "store/DatabaseUrl.h"
#include "tester/TokenClient.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace wf;
using namespace wf::servertest;

namespace {

constexpr int kRatePerSecond = 20;

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

QByteArray executionIdOf(const Reply &reply)
{
    return reply.headers.value("x-execution-id");
}

} // namespace

class TestScaleOut final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void tokenFromOneIsAcceptedByTheOther();
    void replayedJtiIsRefusedByTheOther();
    void pausedOnOneIsResumedOnTheOther();
    void rateLimitHoldsAcrossInstances();
    void historyShowsEveryExecutionOnce();
    void databaseOutageGives503AndRecovers();
    void sigkillLosesNothingAnswered();

private:
    using Run = clitest::Run;
    Run wfconsole(const QStringList &arguments);
    void resetDatabase();
    void configureWorkspace();
    void startServer(int index);
    void writeNginxConfig(const QString &path) const;
    QString direct(int index) const { return QStringLiteral("http://127.0.0.1:%1").arg(m_ports[index]); }
    QString flowPath(const QString &flowId, const QString &suffix = QStringLiteral("/invoke")) const
    {
        return QStringLiteral("/api/flo/") + m_aliases.value(flowId) + suffix;
    }
    Reply post(const QString &url, const QByteArray &body,
               const QByteArray &contentType = QByteArrayLiteral("application/json"));
    QByteArray assertion();
    Reply tokenRequest(const QString &baseUrl, const QByteArray &clientAssertion);
    // Sends `count` POSTs of `body` to the URLs in turn, at most `parallel` at a time; `onAnswer` runs
    // as each finishes. Waits for all.
    QList<Reply> load(const QStringList &urls, int count, int parallel, const QByteArray &body,
                      const std::function<void(int answered)> &onAnswer = {});
    QSet<QByteArray> historyIds(const QString &flowId, int *rows);
    bool databaseControl(const QString &action);

    QTemporaryDir m_dir;
    QString m_workspace;
    QString m_databaseUrl;
    QString m_nginxUrl;
    quint16 m_ports[3] = {0, 0, 0}; // server A, server B, nginx
    QProcess m_servers[2];
    QByteArray m_serverOut[2];
    QProcess m_nginx;
    QString m_clientId;
    QByteArray m_privateJwk;
    QHash<QString, QString> m_aliases; // flow id -> alias
    QNetworkAccessManager m_network;
    QSqlDatabase m_db;
};

TestScaleOut::Run TestScaleOut::wfconsole(const QStringList &arguments)
{
    return clitest::runWfconsole(arguments + QStringList{QStringLiteral("-w"), m_workspace});
}

void TestScaleOut::initTestCase()
{
    m_databaseUrl = qEnvironmentVariable("WF_TEST_DATABASE_URL");
    if (m_databaseUrl.isEmpty())
        QSKIP("WF_TEST_DATABASE_URL is not set: scale-out needs a PostgreSQL server (.ci/run starts one)");
    const QString nginx =
        QStandardPaths::findExecutable(QStringLiteral("nginx"), {QStringLiteral("/usr/sbin")});
    if (nginx.isEmpty())
        QSKIP("nginx is not installed: the instances are load-balanced by it");
    QVERIFY(m_dir.isValid());
    resetDatabase();
    for (quint16 &port : m_ports) {
        port = freePort();
        QVERIFY(port != 0);
    }
    m_nginxUrl = QStringLiteral("http://127.0.0.1:%1").arg(m_ports[2]);
    configureWorkspace();
    startServer(0);
    startServer(1);

    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("nginx/logs")));
    const QString prefix = m_dir.filePath(QStringLiteral("nginx"));
    QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                            QFile::ReadOther | QFile::ExeOther);
    writeNginxConfig(prefix + QStringLiteral("/nginx.conf"));
    m_nginx.setProcessChannelMode(QProcess::MergedChannels);
    m_nginx.start(nginx, {QStringLiteral("-p"), prefix, QStringLiteral("-c"), QStringLiteral("nginx.conf"),
                          QStringLiteral("-g"), QStringLiteral("daemon off;")});
    QVERIFY(m_nginx.waitForStarted());
    const QString discovery = m_nginxUrl + QStringLiteral("/.well-known/oauth-authorization-server");
    QTRY_VERIFY_WITH_TIMEOUT(perform(m_network, "GET", QNetworkRequest(QUrl(discovery))).status == 200,
                             20000);
}

void TestScaleOut::resetDatabase()
{
    const auto url = DatabaseUrl::parse(m_databaseUrl);
    QVERIFY2(url.ok(), url.ok() ? "" : qPrintable(url.error().message));
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("test.scaleout"));
    m_db.setHostName(url->host);
    m_db.setPort(url->port);
    m_db.setUserName(url->user);
    m_db.setPassword(url->password);
    m_db.setDatabaseName(url->database);
    QVERIFY2(m_db.open(), qPrintable(m_db.lastError().text()));
    QSqlQuery q(m_db);
    QVERIFY(q.exec(QStringLiteral("SET client_min_messages = warning")));
    QVERIFY(q.exec(QStringLiteral("DROP TABLE IF EXISTS executions, paused_executions, schema_version, "
                                  "replay_jtis, rate_buckets CASCADE")));
}

// A workspace with an app whose key the test keeps, served under nginx's address (so that tokens
// and assertions name one issuer and audience whichever instance answers), at 20 invocations a
// second per flow.
void TestScaleOut::configureWorkspace()
{
    m_workspace = m_dir.filePath(QStringLiteral("ws"));
    QVERIFY(wf::clitest::makeWorkspaceKeepingSecretsInFile(m_workspace));
    const Run created = wfconsole({QStringLiteral("apps"), QStringLiteral("create"), QStringLiteral("Scale"),
                                   QStringLiteral("--grant"), QStringLiteral("okta.workflows.invoke.manage"),
                                   QStringLiteral("--keep"), QStringLiteral("--json")});
    QVERIFY2(created.exitCode == 0, created.err.constData());
    const QJsonObject app = QJsonDocument::fromJson(created.out).object();
    m_clientId = app.value(QLatin1String("clientId")).toString();
    const QJsonValue key = app.value(QLatin1String("privateKey"));
    m_privateJwk = key.isObject() ? QJsonDocument(key.toObject()).toJson() : key.toString().toUtf8();
    QVERIFY(!m_clientId.isEmpty() && !m_privateJwk.isEmpty());

    QFile file(m_workspace + QStringLiteral("/workspace.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject workspace = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QJsonObject settings = workspace.value(QLatin1String("settings")).toObject();
    settings.insert(QStringLiteral("publicBaseUrl"), m_nginxUrl);
    settings.insert(QStringLiteral("rateLimitPerSecond"), kRatePerSecond);
    workspace.insert(QStringLiteral("settings"), settings);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(workspace).toJson());
    file.close();

    const Run flows = wfconsole({QStringLiteral("flows"), QStringLiteral("--json")});
    QCOMPARE(flows.exitCode, 0);
    for (const QJsonValue &flow : QJsonDocument::fromJson(flows.out).array())
        m_aliases.insert(flow[QLatin1String("id")].toString(), flow[QLatin1String("alias")].toString());
    QVERIFY(m_aliases.contains(QStringLiteral("hello-public")));
}

void TestScaleOut::startServer(int index)
{
    QProcess &server = m_servers[index];
    server.setProgram(QStringLiteral(WFCONSOLE_PATH));
    server.setArguments({QStringLiteral("serve"), QStringLiteral("-w"), m_workspace, QStringLiteral("--port"),
                         QString::number(m_ports[index]), QStringLiteral("--database"), m_databaseUrl});
    server.setProcessChannelMode(QProcess::MergedChannels);
    connect(&server, &QProcess::readyRead, this,
            [this, index] { m_serverOut[index] += m_servers[index].readAll(); });
    server.start();
    QVERIFY(server.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(m_serverOut[index].contains("listening on"), 20000);
    // The password is never logged, the URL is (masked).
    const auto url = DatabaseUrl::parse(m_databaseUrl);
    if (!url->password.isEmpty())
        QVERIFY(!m_serverOut[index].contains(url->password.toUtf8()));
    QVERIFY(m_serverOut[index].contains(url->masked().toUtf8()));
}

void TestScaleOut::writeNginxConfig(const QString &path) const
{
    QFile sample(QStringLiteral(WF_SOURCE_DIR "/packaging/nginx-wfconsole.conf"));
    QVERIFY2(sample.open(QIODevice::ReadOnly), "packaging/nginx-wfconsole.conf is missing");
    // The sample's upstream servers and port are replaced by this test's; the rest is served as shipped.
    QString site = QString::fromUtf8(sample.readAll());
    static const QRegularExpression servers(QStringLiteral("\\n\\s*server 127\\.0\\.0\\.1:\\d+[^;]*;"));
    site.remove(servers);
    site.replace(QStringLiteral("upstream wfconsole {"),
                 QStringLiteral("upstream wfconsole {\n    server 127.0.0.1:%1 max_fails=0;\n    server "
                                "127.0.0.1:%2 max_fails=0;")
                     .arg(m_ports[0])
                     .arg(m_ports[1]));
    static const QRegularExpression listen(QStringLiteral("listen [^;]+;"));
    site.replace(listen, QStringLiteral("listen 127.0.0.1:%1;").arg(m_ports[2]));
    QFile config(path);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("worker_processes 1;\npid nginx.pid;\nerror_log logs/error.log;\n"
                 "events { worker_connections 512; }\nhttp {\n    access_log logs/access.log;\n"
                 "    client_body_temp_path body;\n    proxy_temp_path proxy;\n"
                 "    fastcgi_temp_path fastcgi;\n    uwsgi_temp_path uwsgi;\n    scgi_temp_path scgi;\n");
    config.write(site.toUtf8());
    config.write("}\n");
}

void TestScaleOut::cleanupTestCase()
{
    if (!qEnvironmentVariableIsEmpty("WF_TEST_DATABASE_CTL"))
        databaseControl(QStringLiteral("start")); // in case a test stopped it and failed
    for (QProcess *process : {&m_nginx, &m_servers[0], &m_servers[1]}) {
        if (process->state() == QProcess::NotRunning)
            continue;
        process->terminate();
        QVERIFY(process->waitForFinished(20000));
    }
    m_db.close();
}

Reply TestScaleOut::post(const QString &url, const QByteArray &body, const QByteArray &contentType)
{
    QNetworkRequest request{QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    return perform(m_network, "POST", request, body, 20000);
}

QByteArray TestScaleOut::assertion()
{
    const auto key = auth::Key::fromText(m_privateJwk);
    if (!key)
        return {};
    const auto signed_ = tester::buildClientAssertion(m_clientId, *key, tester::tokenEndpointUrl(m_nginxUrl));
    return signed_ ? *signed_ : QByteArray();
}

Reply TestScaleOut::tokenRequest(const QString &baseUrl, const QByteArray &clientAssertion)
{
    const QByteArray form = tester::formEncode({
        {QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
        {QStringLiteral("scope"), QStringLiteral("okta.workflows.invoke.manage")},
        {QStringLiteral("client_assertion_type"), tester::kJwtBearerAssertionType},
        {QStringLiteral("client_assertion"), QString::fromLatin1(clientAssertion)},
    });
    return post(tester::tokenEndpointUrl(baseUrl), form, "application/x-www-form-urlencoded");
}

void TestScaleOut::tokenFromOneIsAcceptedByTheOther()
{
    const Reply issued = tokenRequest(direct(0), assertion());
    QCOMPARE(issued.status, 200);
    const QByteArray token = issued.json().value(QLatin1String("access_token")).toString().toLatin1();
    QVERIFY(!token.isEmpty());
    QNetworkRequest request{
        QUrl(direct(1) + flowPath(QStringLiteral("customer-oauth")) + QStringLiteral("?id=42"))};
    request.setRawHeader("Authorization", "Bearer " + token);
    const Reply invoked = perform(m_network, "GET", request);
    QCOMPARE(invoked.status, 200);
}

void TestScaleOut::replayedJtiIsRefusedByTheOther()
{
    const QByteArray once = assertion();
    QVERIFY(!once.isEmpty());
    QCOMPARE(tokenRequest(direct(1), once).status, 200);
    const Reply replayed = tokenRequest(direct(0), once);
    QCOMPARE(replayed.status, 401);
    QVERIFY2(
        replayed.json().value(QLatin1String("error_description")).toString().contains(QLatin1String("jti")),
        replayed.body.constData());
}

void TestScaleOut::pausedOnOneIsResumedOnTheOther()
{
    const Reply paused =
        post(direct(0) + flowPath(QStringLiteral("approval-pause")), "{\"amount\":9,\"reason\":\"taxi\"}");
    QCOMPARE(paused.status, 200);
    const QString id = QString::fromLatin1(executionIdOf(paused));
    QVERIFY(!id.isEmpty());
    const QString resume = flowPath(QStringLiteral("approval-pause"), QStringLiteral("/resume/") + id);
    const Reply resumed = post(direct(1) + resume, "{\"approved\":true,\"approver\":\"Lin\"}");
    QCOMPARE(resumed.status, 200);
    QCOMPARE(resumed.json().value(QLatin1String("decision")).toString(), QStringLiteral("approved"));
    QCOMPARE(resumed.json().value(QLatin1String("summary")).toString(), QStringLiteral("9 for taxi"));
    // Taken once: the first server cannot resume it again.
    QCOMPARE(post(direct(0) + resume, "{\"approved\":false}").status, 409);

    // Resumed on both at the same moment: one wins, the other is told it is no longer paused.
    const Reply again =
        post(direct(1) + flowPath(QStringLiteral("approval-pause")), "{\"amount\":3,\"reason\":\"bus\"}");
    QCOMPARE(again.status, 200);
    const QString raced = flowPath(QStringLiteral("approval-pause"),
                                   QStringLiteral("/resume/") + QString::fromLatin1(executionIdOf(again)));
    const QList<Reply> both = load({direct(0) + raced, direct(1) + raced}, 2, 2, "{\"approved\":true}");
    QCOMPARE(both.at(0).status + both.at(1).status, 200 + 409);
}

void TestScaleOut::rateLimitHoldsAcrossInstances()
{
    // Half of the requests to each server, all at once: per server, each could allow a whole burst.
    const QString path = flowPath(QStringLiteral("echo-raw"));
    QElapsedTimer elapsed;
    elapsed.start();
    const QList<Reply> replies = load({direct(0) + path, direct(1) + path}, 4 * kRatePerSecond, 12, "{}");
    const double seconds = elapsed.nsecsElapsed() / 1e9;
    int allowed = 0;
    int limited = 0;
    for (const Reply &reply : replies) {
        allowed += reply.status == 200;
        limited += reply.status == 429;
    }
    qInfo("%d allowed, %d refused in %.2f s", allowed, limited, seconds);
    QCOMPARE(allowed + limited, 4 * kRatePerSecond);
    const int bound = kRatePerSecond + int(std::ceil(kRatePerSecond * seconds));
    QVERIFY2(
        allowed >= kRatePerSecond && allowed <= bound,
        qPrintable(
            QStringLiteral("%1 allowed in %2 s, at most %3 expected").arg(allowed).arg(seconds).arg(bound)));
}

void TestScaleOut::historyShowsEveryExecutionOnce()
{
    const QString url = m_nginxUrl + flowPath(QStringLiteral("hello-public"));
    QSet<QByteArray> answered;
    for (int i = 0; i < 12; ++i) {
        const Reply reply = post(url, "{\"name\":\"n\"}");
        QCOMPARE(reply.status, 200);
        answered.insert(executionIdOf(reply));
    }
    QCOMPARE(answered.size(), 12);
    int rows = 0;
    QCOMPARE(historyIds(QStringLiteral("hello-public"), &rows), answered);
    QCOMPARE(rows, 12); // each once
    // The command line lists them from the shared database too.
    const Run listed =
        wfconsole({QStringLiteral("history"), QStringLiteral("--database"), m_databaseUrl,
                   QStringLiteral("--flow"), QStringLiteral("hello-public"), QStringLiteral("--json"),
                   QStringLiteral("--limit"), QStringLiteral("1000")});
    QVERIFY2(listed.exitCode == 0, listed.err.constData());
    QSet<QByteArray> inHistory;
    for (const QJsonValue &execution : QJsonDocument::fromJson(listed.out).array())
        inHistory.insert(execution[QLatin1String("id")].toString().toLatin1());
    QCOMPARE(inHistory, answered);
    // nginx spread them over both servers: each logged some of them (a log line is written within
    // a fraction of a second, not at once).
    for (const QByteArray &log : m_serverOut) {
        const auto servedSome = [&answered, &log] {
            return std::any_of(answered.begin(), answered.end(),
                               [&log](const QByteArray &id) { return log.contains(id); });
        };
        QTRY_VERIFY_WITH_TIMEOUT(servedSome(), 5000);
    }
}

void TestScaleOut::databaseOutageGives503AndRecovers()
{
    if (qEnvironmentVariableIsEmpty("WF_TEST_DATABASE_CTL"))
        QSKIP("WF_TEST_DATABASE_CTL is not set: cannot stop and start the database server");
    const QString url = m_nginxUrl + flowPath(QStringLiteral("approval-pause"));
    const QByteArray body = "{\"amount\":1,\"reason\":\"outage\"}";
    // Paused before the outage, resumed during it: 503 (the database cannot say), not 404.
    const Reply paused = post(url, body);
    QCOMPARE(paused.status, 200);
    const QString resume =
        m_nginxUrl + flowPath(QStringLiteral("approval-pause"),
                              QStringLiteral("/resume/") + QString::fromLatin1(executionIdOf(paused)));
    QVERIFY(databaseControl(QStringLiteral("stop")));
    QElapsedTimer elapsed;
    elapsed.start();
    const Reply invoked = post(url, body);
    QCOMPARE(invoked.status, 503);
    QCOMPARE(invoked.json().value(QLatin1String("error")).toString(), QStringLiteral("history_unavailable"));
    QVERIFY2(invoked.json()
                 .value(QLatin1String("error_description"))
                 .toString()
                 .contains(QLatin1String("unavailable")),
             invoked.body.constData());
    // The flow's rate limit lives in the database: refused before the flow ran, so no execution.
    QVERIFY2(executionIdOf(invoked).isEmpty(), invoked.body.constData());
    QVERIFY2(invoked.json()
                 .value(QLatin1String("error_description"))
                 .toString()
                 .contains(QLatin1String("rate limit")),
             invoked.body.constData());
    const Reply resumedDuringOutage = post(resume, "{\"approved\":true}");
    QCOMPARE(resumedDuringOutage.status, 503);
    QCOMPARE(resumedDuringOutage.json().value(QLatin1String("error")).toString(),
             QStringLiteral("history_unavailable"));
    const Reply token = tokenRequest(m_nginxUrl, assertion());
    QCOMPARE(token.status, 503);
    QVERIFY2(
        token.json().value(QLatin1String("error_description")).toString().contains(QLatin1String("database")),
        token.body.constData());
    // Callers are not told where the database is.
    QVERIFY2(!invoked.body.contains("127.0.0.1") && !token.body.contains("127.0.0.1"),
             invoked.body.constData());
    QVERIFY2(elapsed.elapsed() < 5000, "a database outage is answered at once, not after a hang");
    // The command line says the database cannot be reached, naming it without its password.
    const Run listed = wfconsole({QStringLiteral("history"), QStringLiteral("--database"), m_databaseUrl});
    QCOMPARE(listed.exitCode, 1);
    const auto parsedUrl = DatabaseUrl::parse(m_databaseUrl);
    QVERIFY2(listed.err.contains(parsedUrl->masked().toUtf8()), listed.err.constData());
    if (!parsedUrl->password.isEmpty())
        QVERIFY(!listed.err.contains(parsedUrl->password.toUtf8()));
    QVERIFY(databaseControl(QStringLiteral("start")));
    // No restart: both servers reconnect by themselves.
    QTRY_COMPARE_WITH_TIMEOUT(post(direct(0) + flowPath(QStringLiteral("approval-pause")), body).status, 200,
                              30000);
    QTRY_COMPARE_WITH_TIMEOUT(post(direct(1) + flowPath(QStringLiteral("approval-pause")), body).status, 200,
                              30000);
    QCOMPARE(tokenRequest(m_nginxUrl, assertion()).status, 200);
    // Nothing was lost: the paused execution resumes now.
    QCOMPARE(post(resume, "{\"approved\":true}").status, 200);
}

void TestScaleOut::sigkillLosesNothingAnswered()
{
    const QString url = m_nginxUrl + flowPath(QStringLiteral("hello-public"));
    int rowsBefore = 0;
    const QSet<QByteArray> before = historyIds(QStringLiteral("hello-public"), &rowsBefore);
    int answeredAtKill = -1;
    const QList<Reply> replies = load({url}, 120, 8, "{\"name\":\"k\"}", [&](int answered) {
        if (answered == 30 && answeredAtKill < 0) {
            answeredAtKill = answered;
            m_servers[0].kill(); // SIGKILL: no chance to finish anything
        }
    });
    QVERIFY(answeredAtKill > 0);
    QSet<QByteArray> answered;
    int afterKill = 0;
    for (qsizetype i = 0; i < replies.size(); ++i) {
        if (replies.at(i).status != 200)
            continue;
        answered.insert(executionIdOf(replies.at(i)));
        afterKill += i >= answeredAtKill + 8; // sent after the kill
    }
    qInfo("%lld answered with an execution, %d of them sent after the kill", qlonglong(answered.size()),
          afterKill);
    QVERIFY2(afterKill > 0, "the other server goes on answering");
    int rows = 0;
    const QSet<QByteArray> recorded = historyIds(QStringLiteral("hello-public"), &rows);
    for (const QByteArray &id : std::as_const(answered))
        QVERIFY2(recorded.contains(id), id.constData());
    QCOMPARE(rows - rowsBefore, int(recorded.size() - before.size())); // still each once
}

QList<Reply> TestScaleOut::load(const QStringList &urls, int count, int parallel, const QByteArray &body,
                                const std::function<void(int answered)> &onAnswer)
{
    QList<Reply> replies(count);
    int sent = 0;
    int answered = 0;
    std::function<void()> sendNext = [&] {
        const int index = sent++;
        QNetworkRequest request{QUrl(urls.at(index % urls.size()))};
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setTransferTimeout(20000);
        QNetworkReply *reply = m_network.post(request, body);
        connect(reply, &QNetworkReply::finished, this, [&, reply, index] {
            Reply &result = replies[index];
            result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            result.body = reply->readAll();
            for (const auto &[name, value] : reply->rawHeaderPairs())
                result.headers.insert(name.toLower(), value);
            reply->deleteLater();
            ++answered;
            if (onAnswer)
                onAnswer(answered);
            if (sent < count)
                sendNext();
        });
    };
    for (int i = 0; i < std::min(parallel, count); ++i)
        sendNext();
    if (!QTest::qWaitFor([&] { return answered == count; }, 120000))
        qWarning("only %d of %d requests answered", answered, count); // the callers' counts then fail
    return replies;
}

QSet<QByteArray> TestScaleOut::historyIds(const QString &flowId, int *rows)
{
    QSet<QByteArray> ids;
    *rows = 0;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM executions WHERE flow_id = ?"));
    q.addBindValue(flowId);
    if (!q.exec()) {
        // The connection may date from before a database restart.
        q = QSqlQuery();
        m_db.close();
        if (!m_db.open())
            return ids;
        q = QSqlQuery(m_db);
        q.prepare(QStringLiteral("SELECT id FROM executions WHERE flow_id = ?"));
        q.addBindValue(flowId);
        if (!q.exec())
            return ids;
    }
    while (q.next()) {
        ids.insert(q.value(0).toString().toLatin1());
        ++*rows;
    }
    return ids;
}

bool TestScaleOut::databaseControl(const QString &action)
{
    QProcess control;
    control.start(qEnvironmentVariable("WF_TEST_DATABASE_CTL"), {action});
    return control.waitForFinished(60000) && control.exitStatus() == QProcess::NormalExit &&
           control.exitCode() == 0;
}

QTEST_GUILESS_MAIN(TestScaleOut)
#include "tst_scaleout.moc"
