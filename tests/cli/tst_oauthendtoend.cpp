// OAuth 2.0 end to end with the real binary, as a user does it: `wfconsole apps create` an app
// integration, `wfconsole serve` the workspace, `wfconsole token` a token, call the OAuth 2.0 sample
// flow with it; then, while the server keeps running, revoke the scope, deactivate the app and delete
// it from the command line and see each take effect at once (403, 401, 401).
// Secrets go to the workspace's 0600 file (an empty secrets.json is written first), never to the
// keychain of the machine running the tests.

#include "CliTestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

using wf::clitest::Run;

struct Reply {
    int status = 0;
    QJsonObject json;
};

} // namespace

class TestOAuthEndToEnd final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void tokenOpensTheFlow();
    void revokedScopeIsRefusedAtOnce();
    void deactivatedAppIsRefusedAtOnce();
    void brokenWorkspaceFileKeepsThePreviousVersion();
    void deletedAppIsRefusedAtOnce();

private:
    Run wfconsole(const QStringList &arguments);
    Reply invoke(const QByteArray &accessToken);
    QByteArray token();
    // Waits until the server has applied a change of workspace.json (it says so on stdout).
    void waitForReload();

    QTemporaryDir m_dir;
    QString m_workspace;
    QProcess m_serve;
    QByteArray m_serveOut;
    int m_reloads = 0;
    QString m_baseUrl;
    QString m_invokeUrl;
    QString m_clientId;
    QNetworkAccessManager m_network;
};

Run TestOAuthEndToEnd::wfconsole(const QStringList &arguments)
{
    return wf::clitest::runWfconsole(arguments + QStringList{QStringLiteral("-w"), m_workspace});
}

void TestOAuthEndToEnd::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_workspace = m_dir.filePath(QStringLiteral("ws"));
    QVERIFY(wf::clitest::makeWorkspaceKeepingSecretsInFile(m_workspace));

    const Run created =
        wfconsole({QStringLiteral("apps"), QStringLiteral("create"), QStringLiteral("E2E client"),
                   QStringLiteral("--grant"), QStringLiteral("okta.workflows.invoke.manage"),
                   QStringLiteral("--keep"), QStringLiteral("--json")});
    QVERIFY2(created.exitCode == 0, created.err.constData());
    m_clientId = QJsonDocument::fromJson(created.out).object().value(QLatin1String("clientId")).toString();
    QVERIFY(m_clientId.startsWith(QLatin1String("0oa")));
    QVERIFY2(!created.err.contains("PRIVATE") && !created.err.contains("\"d\""), created.err.constData());

    m_serve.setProgram(QStringLiteral(WFCONSOLE_PATH));
    m_serve.setArguments({QStringLiteral("serve"), QStringLiteral("-w"), m_workspace,
                          QStringLiteral("--port"), QStringLiteral("0")});
    m_serve.setProcessChannelMode(QProcess::MergedChannels);
    connect(&m_serve, &QProcess::readyRead, this, [this] { m_serveOut += m_serve.readAll(); });
    m_serve.start();
    QVERIFY(m_serve.waitForStarted());
    static const QRegularExpression listening(QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)"));
    QTRY_VERIFY_WITH_TIMEOUT(listening.match(QString::fromUtf8(m_serveOut)).hasMatch(), 20000);
    m_baseUrl = listening.match(QString::fromUtf8(m_serveOut)).captured(1);

    const Run flows = wfconsole({QStringLiteral("flows"), QStringLiteral("--json")});
    QCOMPARE(flows.exitCode, 0);
    for (const QJsonValue &flow : QJsonDocument::fromJson(flows.out).array()) {
        if (flow.toObject().value(QLatin1String("id")).toString() == QLatin1String("customer-oauth"))
            m_invokeUrl = flow.toObject().value(QLatin1String("invokeUrl")).toString();
    }
    QVERIFY(!m_invokeUrl.isEmpty());
    // The workspace says port 8787; this server listens where the system put it.
    m_invokeUrl = m_baseUrl + m_invokeUrl.mid(m_invokeUrl.indexOf(QLatin1String("/api/flo/"))) +
                  QStringLiteral("?id=42");
}

void TestOAuthEndToEnd::cleanupTestCase()
{
    if (m_serve.state() == QProcess::NotRunning)
        return;
    m_serve.terminate();
    QVERIFY(m_serve.waitForFinished(20000));
    QCOMPARE(m_serve.exitCode(), 0);
}

QByteArray TestOAuthEndToEnd::token()
{
    const Run run = wfconsole({QStringLiteral("token"), QStringLiteral("--app"), QStringLiteral("E2E client"),
                               QStringLiteral("--url"), m_baseUrl});
    if (run.exitCode != 0)
        qWarning("wfconsole token: %s", run.err.constData());
    return run.out.trimmed();
}

Reply TestOAuthEndToEnd::invoke(const QByteArray &accessToken)
{
    QNetworkRequest request{QUrl(m_invokeUrl)};
    request.setRawHeader("Authorization", "Bearer " + accessToken);
    QNetworkReply *reply = m_network.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(20000);
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.json = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return result;
}

void TestOAuthEndToEnd::waitForReload()
{
    ++m_reloads;
    QTRY_VERIFY_WITH_TIMEOUT(m_serveOut.count("workspace.json changed: applied") >= m_reloads, 10000);
}

void TestOAuthEndToEnd::tokenOpensTheFlow()
{
    const QByteArray accessToken = token();
    QCOMPARE(accessToken.count('.'), 2);
    const Reply reply = invoke(accessToken);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(QLatin1String("name")).toString(), QStringLiteral("Ada Lovelace"));
    // The access token never reaches the request log.
    QVERIFY(!m_serveOut.contains(accessToken.left(40)));
}

void TestOAuthEndToEnd::revokedScopeIsRefusedAtOnce()
{
    const QByteArray accessToken = token();
    QCOMPARE(invoke(accessToken).status, 200);
    QCOMPARE(wfconsole({QStringLiteral("apps"), QStringLiteral("revoke"), m_clientId,
                        QStringLiteral("okta.workflows.invoke.manage")})
                 .exitCode,
             0);
    waitForReload();
    const Reply refused = invoke(accessToken);
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.json.value(QLatin1String("error")).toString(), QStringLiteral("insufficient_scope"));
    QVERIFY(token().isEmpty()); // and no new token for that scope

    QCOMPARE(wfconsole({QStringLiteral("apps"), QStringLiteral("grant"), m_clientId,
                        QStringLiteral("okta.workflows.invoke.manage")})
                 .exitCode,
             0);
    waitForReload();
    QCOMPARE(invoke(accessToken).status, 200);
}

void TestOAuthEndToEnd::deactivatedAppIsRefusedAtOnce()
{
    const QByteArray accessToken = token();
    QCOMPARE(wfconsole({QStringLiteral("apps"), QStringLiteral("deactivate"), m_clientId}).exitCode, 0);
    waitForReload();
    const Reply refused = invoke(accessToken);
    QCOMPARE(refused.status, 401);
    QVERIFY(refused.json.value(QLatin1String("error_description"))
                .toString()
                .contains(QLatin1String("is deactivated")));
    QCOMPARE(wfconsole({QStringLiteral("apps"), QStringLiteral("activate"), m_clientId}).exitCode, 0);
    waitForReload();
    QCOMPARE(invoke(accessToken).status, 200);
}

void TestOAuthEndToEnd::brokenWorkspaceFileKeepsThePreviousVersion()
{
    const QByteArray accessToken = token();
    QFile file(m_workspace + QStringLiteral("/workspace.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray good = file.readAll();
    file.close();
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{\"format\": 1, \"id\": ");
    file.close();
    QTRY_VERIFY_WITH_TIMEOUT(m_serveOut.contains("has problems, still serving the previous version"), 10000);
    QCOMPARE(invoke(accessToken).status, 200);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(good);
    file.close();
}

void TestOAuthEndToEnd::deletedAppIsRefusedAtOnce()
{
    const QByteArray accessToken = token();
    QCOMPARE(invoke(accessToken).status, 200);
    QCOMPARE(wfconsole({QStringLiteral("apps"), QStringLiteral("delete"), m_clientId}).exitCode, 0);
    waitForReload();
    const Reply refused = invoke(accessToken);
    QCOMPARE(refused.status, 401);
    QVERIFY(refused.json.value(QLatin1String("error_description"))
                .toString()
                .contains(QLatin1String("was deleted")));
}

QTEST_GUILESS_MAIN(TestOAuthEndToEnd)
#include "tst_oauthendtoend.moc"
