// The binary as the .deb installs it, run from the unpacked package with the system's Qt (no
// LD_LIBRARY_PATH): it names its version, and `serve` on a fresh workspace listens, answers /health and
// a sample flow, and exits 0 on SIGTERM, as systemd stops it; also with writable-and-executable memory
// refused, as the systemd unit's MemoryDenyWriteExecute= does.

#include "PackagingTestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <sys/prctl.h>
#include <unistd.h>

using namespace wf::packagingtest;

namespace {

// Linux 6.3+; the values from <linux/prctl.h>, which older C libraries' headers lack.
constexpr int kSetMdwe = 65;
constexpr int kGetMdwe = 66;
constexpr unsigned long kMdweRefuseExecGain = 1;
constexpr int kModifierFailed = 125;

QString binary()
{
    return debRoot(QStringLiteral("usr/bin/wfconsole"));
}

QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("LD_LIBRARY_PATH"));
    return environment;
}

struct Reply {
    int status = 0;
    QByteArray contentType;
    QByteArray body;
};

Reply send(QNetworkAccessManager *network, const QUrl &url, const QByteArray &body = {})
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = body.isNull() ? network->get(request) : network->post(request, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    Reply answer;
    if (reply->isFinished() || finished.wait(20000)) {
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        answer.body = reply->readAll();
    }
    reply->deleteLater();
    return answer;
}

} // namespace

class TestInstalledBinary final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void versionNamesTheVersion();
    void serveAnswersAndStopsOnSigterm_data();
    void serveAnswersAndStopsOnSigterm();

private:
    QNetworkAccessManager m_network;
};

void TestInstalledBinary::initTestCase()
{
    QVERIFY2(QFileInfo(binary()).isExecutable(), "no installed binary: run packaging_cpack first");
}

void TestInstalledBinary::versionNamesTheVersion()
{
    const Run version = run(binary(), {QStringLiteral("--version")}, cleanEnvironment());
    QVERIFY2(version.exitCode == 0, version.err.constData());
    QCOMPARE(version.out, QByteArray("wfconsole " WF_VERSION "\n"));
}

void TestInstalledBinary::serveAnswersAndStopsOnSigterm_data()
{
    QTest::addColumn<bool>("denyWriteExecute");
    QTest::addRow("plain") << false;
    QTest::addRow("memory deny write execute") << true;
}

void TestInstalledBinary::serveAnswersAndStopsOnSigterm()
{
    QFETCH(bool, denyWriteExecute);
    if (denyWriteExecute && prctl(kGetMdwe, 0UL, 0UL, 0UL, 0UL) < 0)
        QSKIP("this kernel cannot refuse writable-and-executable memory to a process (PR_SET_MDWE is Linux "
              "6.3+)");

    // A fresh workspace whose secrets go to its 0600 file, as the systemd unit prepares it.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile secrets(dir.filePath(QStringLiteral("secrets.json")));
    QVERIFY(secrets.open(QIODevice::WriteOnly));
    secrets.write("{}\n");
    secrets.close();
    QVERIFY(secrets.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));

    QProcess serve;
    serve.setProgram(binary());
    serve.setArguments({QStringLiteral("serve"), QStringLiteral("--workspace"), dir.path(),
                        QStringLiteral("--port"), QStringLiteral("0")});
    serve.setProcessEnvironment(cleanEnvironment());
    serve.setProcessChannelMode(QProcess::MergedChannels);
    if (denyWriteExecute) {
        serve.setChildProcessModifier([] {
            if (prctl(kSetMdwe, kMdweRefuseExecGain, 0UL, 0UL, 0UL) != 0)
                _exit(kModifierFailed);
        });
    }
    QByteArray output;
    connect(&serve, &QProcess::readyRead, this, [&] { output += serve.readAll(); });
    serve.start();
    QVERIFY(serve.waitForStarted());
    static const QRegularExpression listening(QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)"));
    QTRY_VERIFY2_WITH_TIMEOUT(listening.match(QString::fromUtf8(output)).hasMatch() ||
                                  serve.state() == QProcess::NotRunning,
                              output.constData(), 30000);
    QVERIFY2(serve.state() == QProcess::Running, output.constData());
    const QString base = listening.match(QString::fromUtf8(output)).captured(1);

    const Reply health = send(&m_network, QUrl(base + QStringLiteral("/health")));
    QCOMPARE(health.status, 200);
    QCOMPARE(health.contentType, QByteArray("application/json"));
    QCOMPARE(QJsonDocument::fromJson(health.body).object().value(QLatin1String("status")).toString(),
             QStringLiteral("ok"));

    // A sample flow runs through the engine: the invoke path comes from the workspace serve created.
    const Run flows =
        run(binary(), {QStringLiteral("flows"), QStringLiteral("--json"), QStringLiteral("-w"), dir.path()},
            cleanEnvironment());
    QString invokePath;
    for (const QJsonValue &flow : QJsonDocument::fromJson(flows.out).array()) {
        if (flow[QLatin1String("id")].toString() == QLatin1String("hello-public"))
            invokePath = QUrl(flow[QLatin1String("invokeUrl")].toString()).path();
    }
    QVERIFY2(!invokePath.isEmpty(), flows.out.constData());
    const Reply hello = send(&m_network, QUrl(base + invokePath), QByteArrayLiteral("{\"name\":\"Ada\"}"));
    QCOMPARE(hello.status, 200);
    QCOMPARE(QJsonDocument::fromJson(hello.body).object().value(QLatin1String("greeting")).toString(),
             QStringLiteral("Hello, Ada!"));

    serve.terminate();
    QVERIFY(serve.waitForFinished(30000));
    output += serve.readAll();
    QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
    QVERIFY2(serve.exitCode() == 0, output.constData());
    QVERIFY2(output.contains("wfconsole serve: stopped"), output.constData());
    QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("workspace.json"))));
}

QTEST_GUILESS_MAIN(TestInstalledBinary)
#include "tst_installedbinary.moc"
