// ConsoleSession and ServerController: edits saved before they show, others' changes read again, the
// server started, moved, refused a busy port, and given every edit at once.

#include "UiTestSupport.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>

using namespace wf;
using namespace wf::ui;
using namespace wf::uitest;

namespace {

// GET `url`; the status code, or -1 when nothing answered.
int statusOf(QNetworkAccessManager &network, const QString &url)
{
    std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(QUrl(url))));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(10000))
        return -1;
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

} // namespace

class TestConsoleSession final : public QObject {
    Q_OBJECT

private slots:
    void editSavesAndTells()
    {
        SessionFixture f;
        QVERIFY(f.create());
        QSignalSpy flowsChanged(f.session.get(), &ConsoleSession::flowsChanged);
        QSignalSpy reloaded(f.session.get(), &ConsoleSession::workspaceReloaded);
        Flow flow = f.session->workspace().flows().first();
        flow.name = QStringLiteral("Edited in the console");
        auto edited = f.session->edit(ConsoleSession::Change::Flows, [&](Workspace &workspace) {
            return workspace.updateFlow(flow, f.secrets);
        });
        QVERIFY(edited.ok());
        QCOMPARE(flowsChanged.count(), 1);
        QCOMPARE(f.session->workspace().flowById(flow.id)->name, flow.name);
        auto reopened = Workspace::open(f.dir.path());
        QVERIFY(reopened.ok());
        QCOMPARE(reopened->flowById(flow.id)->name, flow.name);
        // Our own save is not taken for another program's change.
        QTest::qWait(3 * WorkspaceWatcher::kDebounceMs);
        QCOMPARE(reloaded.count(), 0);
    }

    void failedEditChangesNothing()
    {
        SessionFixture f;
        QVERIFY(f.create());
        const QByteArray before = f.session->workspace().toJson();
        QSignalSpy flowsChanged(f.session.get(), &ConsoleSession::flowsChanged);
        auto edited =
            f.session->edit(ConsoleSession::Change::Flows, [&](Workspace &workspace) -> Result<bool> {
                Flow flow = workspace.flows().first();
                flow.name = QStringLiteral("half-made change");
                if (auto updated = workspace.updateFlow(flow, f.secrets); !updated)
                    return updated.error();
                return makeError(ErrorType::InvalidInput, QStringLiteral("refused"));
            });
        QVERIFY(!edited.ok());
        QCOMPARE(edited.error().message, QStringLiteral("refused"));
        QCOMPARE(flowsChanged.count(), 0);
        QCOMPARE(f.session->workspace().toJson(), before);
        QFile file(QDir(f.dir.path()).filePath(Workspace::kFileName));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
    }

    void changeByAnotherProgramIsReadAgain()
    {
        SessionFixture f;
        QVERIFY(f.create());
        QSignalSpy reloaded(f.session.get(), &ConsoleSession::workspaceReloaded);
        // Another program (the command line) adds an app.
        auto other = Workspace::open(f.dir.path());
        QVERIFY(other.ok());
        QVERIFY(other->createApp(QStringLiteral("Made elsewhere")).ok());
        QVERIFY(other->save().ok());
        QVERIFY(reloaded.wait(5000));
        QVERIFY(f.session->workspace().findApp(QStringLiteral("Made elsewhere")));
    }

    void serverStartsServesEditsAndStops()
    {
        SessionFixture f;
        QVERIFY(f.create());
        QVERIFY(f.startServer());
        const QString base = f.session->server().baseUrl();
        QVERIFY2(base.startsWith(QLatin1String("http://127.0.0.1:")), qPrintable(base));
        QNetworkAccessManager network;
        QCOMPARE(statusOf(network, base + QStringLiteral("/health")), 200);

        const Flow *publicFlow = sampleFlow(f.session->workspace(), SecurityLevel::None);
        QVERIFY(publicFlow);
        const QString invoke =
            base + QStringLiteral("/api/flo/") + publicFlow->alias + QStringLiteral("/invoke");
        QCOMPARE(statusOf(network, invoke), 200);
        Flow off = *publicFlow;
        off.active = false;
        QVERIFY(f.session->edit(ConsoleSession::Change::Flows,
                                [&](Workspace &workspace) { return workspace.updateFlow(off, f.secrets); }));
        // The edit reaches the server thread without a restart.
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(network, invoke), 409, 5000);

        QSignalSpy stateChanged(&f.session->server(), &ServerController::stateChanged);
        f.session->server().stop();
        QTRY_COMPARE(f.session->server().state(), ServerController::State::Stopped);
        QVERIFY(f.session->server().baseUrl().isEmpty());
        QCOMPARE(statusOf(network, base + QStringLiteral("/health")), 0); // connection refused
    }

    void busyPortIsReportedAndAnotherOneWorks()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost));
        SessionFixture f;
        QVERIFY(f.create());
        f.session->startServer(squatter.serverPort());
        QTRY_COMPARE_WITH_TIMEOUT(f.session->server().state(), ServerController::State::Failed, 10000);
        QVERIFY2(f.session->server().errorString().contains(QString::number(squatter.serverPort())),
                 qPrintable(f.session->server().errorString()));
        QVERIFY(f.startServer()); // port 0: any free port
        QVERIFY(f.session->server().errorString().isEmpty());
    }

    void requestsAreAnnounced()
    {
        SessionFixture f;
        QVERIFY(f.create());
        QVERIFY(f.startServer());
        QSignalSpy finished(&f.session->server(), &ServerController::requestFinished);
        const Flow *publicFlow = sampleFlow(f.session->workspace(), SecurityLevel::None);
        QNetworkAccessManager network;
        QCOMPARE(statusOf(network, f.session->server().baseUrl() + QStringLiteral("/api/flo/") +
                                       publicFlow->alias + QStringLiteral("/invoke")),
                 200);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toString(), QStringLiteral("GET"));
        QCOMPARE(finished.at(0).at(2).toInt(), 200);
        QCOMPARE(finished.at(0).at(4).toString().size(), 32); // the execution id
    }
};

QTEST_MAIN(TestConsoleSession)
#include "tst_consolesession.moc"
