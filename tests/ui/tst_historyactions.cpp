// The actions of the execution history page against a running server: resume a paused execution
// (asking for its body), retry a failed one, cancel one in progress; and what the server controller
// does for them: no credentials needed, refused while stopped, and stopping waits for them.

#include "UiTestSupport.h"
#include "engine/CardIds.h"
#include "flow/FlowJson.h"
#include "models/HistoryModel.h"
#include "pages/ExecutionDetails.h"
#include "pages/HistoryPage.h"
#include "widgets/JsonView.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QPushButton>
#include <QTableView>

using namespace wf;
using namespace wf::ui;
using namespace wf::uitest;

namespace {

// Upper-cases the body and parses it as JSON: "not json" fails on the second card.
const char *const kParseFlow =
    "{\"format\": 1, \"id\": \"parse-body\", \"name\": \"Parse body\", \"event\": {\"type\": "
    "\"apiEndpoint\"},"
    " \"cards\": ["
    "  {\"id\": \"upper\", \"function\": \"text.toUpperCase\", \"inputs\": [{\"name\": \"text\", \"ref\": "
    "\"event.raw.body\"}]},"
    "  {\"id\": \"parse\", \"function\": \"json.parse\", \"name\": \"Parse it\", \"inputs\": [{\"name\": "
    "\"text\","
    " \"ref\": \"upper.output\"}]}]}";

// {"csv": "a,a,...,a"} with `items` items: the slow flow runs its helper once per item.
QByteArray slowBody(int items)
{
    QByteArray csv = "a";
    csv.append(QByteArray(",a").repeated(items - 1));
    return "{\"csv\":\"" + csv + "\"}";
}

std::optional<Flow> flowFromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    auto parsed = flowjson::parse(file.readAll());
    if (!parsed.flow || !parsed.problems.isEmpty())
        return std::nullopt;
    return parsed.flow;
}

} // namespace

class TestHistoryActions final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void resumeFromThePage();
    void resumeCanBeCanceledOrRefused();
    void retryFromThePage();
    void cancelInProgress();
    void actionsNeedTheServer();
    void stoppingWaitsForAConsoleRetry();

private:
    QNetworkReply *post(const QString &flowId, const QByteArray &body, const QByteArray &contentType)
    {
        const Flow *flow = m_fixture->session->workspace().flowById(flowId);
        if (!flow)
            return nullptr;
        QNetworkRequest request(QUrl(m_fixture->session->server().baseUrl() + QStringLiteral("/api/flo/") +
                                     flow->alias + QStringLiteral("/invoke")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        return m_network.post(request, body);
    }
    // POSTs and waits for the answer; the execution id it names.
    QString invoke(const QString &flowId, const QByteArray &body,
                   const QByteArray &contentType = "application/json")
    {
        std::unique_ptr<QNetworkReply> reply(post(flowId, body, contentType));
        if (!reply)
            return {};
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!finished.wait(60000))
            return {};
        m_lastStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        return QString::fromLatin1(reply->rawHeader("X-Execution-Id"));
    }
    void addFlow(const Flow &flow)
    {
        auto added = m_fixture->session->edit(ConsoleSession::Change::Flows, [&](Workspace &workspace) {
            return workspace.addFlow(flow, m_fixture->secrets);
        });
        QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().message));
    }
    // The slow flow and its helper, with a body limit that lets its large body in.
    void addSlowFlows(int timeoutSeconds)
    {
        for (const char *name : {"echo-item.json", "slow.json"}) {
            const auto flow = flowFromFile(QStringLiteral(WF_TEST_DATA_DIR "/slow/") + QLatin1String(name));
            QVERIFY2(flow, name);
            addFlow(*flow);
        }
        auto changed = m_fixture->session->edit(ConsoleSession::Change::Settings, [&](Workspace &workspace) {
            workspace.settings().bodyLimitBytes = 4 * 1024 * 1024;
            workspace.settings().timeoutSeconds = timeoutSeconds;
            return Result<bool>(true);
        });
        QVERIFY(changed.ok());
    }
    template <typename T>
    T *child(const char *name) const
    {
        return m_page->findChild<T *>(QLatin1String(name));
    }
    QString statusOf(const QString &executionId) const
    {
        const int row = m_page->model()->rowOf(executionId);
        return row < 0 ? QString() : m_page->model()->index(row, HistoryModel::Status).data().toString();
    }
    void select(const QString &executionId, bool complete = true)
    {
        auto *table = child<QTableView>("historyTable");
        const int row = m_page->model()->rowOf(executionId);
        QVERIFY(row >= 0);
        const QModelIndex index = m_page->model()->index(row, HistoryModel::FlowName);
        table->scrollTo(index);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
        QTRY_VERIFY(m_page->details()->hasRecord() && m_page->details()->record().id == executionId &&
                    m_page->details()->isComplete() == complete);
    }

    std::unique_ptr<SessionFixture> m_fixture;
    std::unique_ptr<HistoryPage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QNetworkAccessManager m_network;
    int m_lastStatus = 0;
};

void TestHistoryActions::init()
{
    m_network.setProxy(QNetworkProxy::NoProxy);
    m_fixture = std::make_unique<SessionFixture>();
    QVERIFY(m_fixture->create());
    QVERIFY(m_fixture->startServer());
    m_page = std::make_unique<HistoryPage>(*m_fixture->session);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_page->resize(1280, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestHistoryActions::cleanup()
{
    m_tester.reset();
    m_page.reset();
    m_fixture.reset();
}

void TestHistoryActions::resumeFromThePage()
{
    const QString id = invoke(QStringLiteral("approval-pause"), "{\"amount\": 12, \"reason\": \"lunch\"}");
    QCOMPARE(m_lastStatus, 200);
    QTRY_COMPARE(statusOf(id), QStringLiteral("Paused"));
    select(id);
    auto *resume = child<QPushButton>("resume");
    QVERIFY(resume->isEnabled());
    QVERIFY(!child<QPushButton>("retry")->isEnabled());
    QVERIFY(!child<QPushButton>("cancel")->isEnabled());

    QString suggested;
    m_page->setResumeBodyAsker([&](const QString &offered) -> std::optional<QByteArray> {
        suggested = offered;
        return QByteArray("{\"approved\": true, \"approver\": \"Grace\"}");
    });
    QSignalSpy finished(m_page.get(), &HistoryPage::actionFinished);
    QTest::mouseClick(resume, Qt::LeftButton);
    // The Pause card's outputs are offered, empty.
    const QJsonObject offered = QJsonDocument::fromJson(suggested.toUtf8()).object();
    QCOMPARE(offered.value(QLatin1String("approved")), QJsonValue(false));
    QCOMPARE(offered.value(QLatin1String("approver")), QJsonValue(QString()));
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10000);
    QVERIFY(finished.first().first().toString().contains(QStringLiteral("200 OK")));
    QVERIFY(child<QLabel>("historyMessage")->isVisible());

    // The same execution, now resumed and done, still selected.
    QTRY_COMPARE(statusOf(id), QStringLiteral("Success"));
    QCOMPARE(m_page->model()->index(m_page->model()->rowOf(id), HistoryModel::Kind).data().toString(),
             QStringLiteral("Resume"));
    QCOMPARE(m_page->selectedExecutionId(), id);
    QTRY_COMPARE(m_page->details()->record().status, ExecutionStatus::Success);
    const ExecutionRecord &record = m_page->details()->record();
    QCOMPARE(record.caller.address, QStringLiteral("console"));
    QCOMPARE(
        record.request.pathAndQuery,
        "/api/flo/" +
            m_fixture->session->workspace().flowById(QStringLiteral("approval-pause"))->alias.toLatin1() +
            "/resume/" + id.toLatin1());
    QCOMPARE(
        QJsonDocument::fromJson(record.response.body).object().value(QLatin1String("decision")).toString(),
        QStringLiteral("approved"));
    QVERIFY(child<JsonView>("responseBody")->toPlainText().contains(QStringLiteral("Grace")));
    QVERIFY(!resume->isEnabled());
}

void TestHistoryActions::resumeCanBeCanceledOrRefused()
{
    const QString id = invoke(QStringLiteral("approval-pause"), "{\"amount\": 3, \"reason\": \"tea\"}");
    QTRY_COMPARE(statusOf(id), QStringLiteral("Paused"));
    select(id);
    int asked = 0;
    m_page->setResumeBodyAsker([&](const QString &) -> std::optional<QByteArray> {
        ++asked;
        return std::nullopt;
    });
    QSignalSpy finished(m_page.get(), &HistoryPage::actionFinished);
    QTest::mouseClick(child<QPushButton>("resume"), Qt::LeftButton);
    QCOMPARE(asked, 1);
    QCOMPARE(finished.size(), 0);

    m_page->setResumeBodyAsker(
        [](const QString &) -> std::optional<QByteArray> { return QByteArray("{oops"); });
    QTest::mouseClick(child<QPushButton>("resume"), Qt::LeftButton);
    QCOMPARE(finished.size(), 1);
    QVERIFY(finished.first().first().toString().contains(QStringLiteral("not JSON")));
    QCOMPARE(*m_fixture->session->history().pausedExists(id), true);
    QCOMPARE(statusOf(id), QStringLiteral("Paused"));
}

void TestHistoryActions::retryFromThePage()
{
    auto parsed = flowjson::parse(QByteArray(kParseFlow));
    QVERIFY(parsed.flow);
    addFlow(*parsed.flow);
    const QString failed = invoke(QStringLiteral("parse-body"), "{\"ok\": true}", "text/plain");
    QCOMPARE(m_lastStatus, 500); // {"OK": TRUE} is not JSON
    QTRY_COMPARE(statusOf(failed), QStringLiteral("Failed"));
    select(failed);
    auto *retry = child<QPushButton>("retry");
    QVERIFY(retry->isEnabled());
    QVERIFY(!child<QPushButton>("resume")->isEnabled());
    QVERIFY(child<QPushButton>("resume")->toolTip().contains(QStringLiteral("paused")));

    // Fixed since: the flow no longer upper-cases the body. The retry runs the recorded request again.
    Flow fixed = *parsed.flow;
    fixed.cards[1].inputs[0].binding = Binding();
    QVERIFY(Binding::parseReference(QStringLiteral("event.raw.body"), &fixed.cards[1].inputs[0].binding));
    QVERIFY(m_fixture->session->edit(ConsoleSession::Change::Flows, [&](Workspace &workspace) {
        return workspace.updateFlow(fixed, m_fixture->secrets);
    }));
    QSignalSpy finished(m_page.get(), &HistoryPage::actionFinished);
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10000);
    QVERIFY(finished.first().first().toString().contains(QStringLiteral("200 OK")));

    // The new execution is selected, and leads back to the one it retries.
    QTRY_VERIFY(!m_page->selectedExecutionId().isEmpty() && m_page->selectedExecutionId() != failed);
    const QString retried = m_page->selectedExecutionId();
    QTRY_VERIFY(m_page->details()->record().id == retried && m_page->details()->isComplete());
    QCOMPARE(statusOf(retried), QStringLiteral("Success"));
    QCOMPARE(statusOf(failed), QStringLiteral("Failed"));
    const ExecutionRecord &record = m_page->details()->record();
    QCOMPARE(record.kind, ExecutionKind::Retry);
    QCOMPARE(record.retryOf, failed);
    QCOMPARE(record.caller.address, QStringLiteral("console"));
    QCOMPARE(record.request.body, QByteArrayLiteral("{\"ok\": true}"));
    auto *link = child<QLabel>("retryOfLink");
    QVERIFY(link->isVisible());
    QVERIFY(link->text().contains(failed));
    emit link->linkActivated(failed);
    QTRY_COMPARE(m_page->selectedExecutionId(), failed);
}

void TestHistoryActions::cancelInProgress()
{
    addSlowFlows(600);
    std::unique_ptr<QNetworkReply> reply(post(QStringLiteral("slow"), slowBody(900'001), "application/json"));
    QSignalSpy answered(reply.get(), &QNetworkReply::finished);
    // The running execution shows up, although history records it only when it ends.
    QString running;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (int row = 0; row < m_page->model()->rowCount(); ++row) {
                if (m_page->model()->recordAt(row).status == ExecutionStatus::InProgress)
                    running = m_page->model()->recordAt(row).id;
            }
            return !running.isEmpty();
        }(),
        20000);
    select(running, false);
    QVERIFY(child<QLabel>("summaryDuration")->text().startsWith(QStringLiteral("running for")));
    auto *cancel = child<QPushButton>("cancel");
    QVERIFY(cancel->isEnabled());
    QVERIFY(!child<QPushButton>("retry")->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);

    QVERIFY(answered.size() == 1 || answered.wait(60000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 503);
    QCOMPARE(QString::fromLatin1(reply->rawHeader("X-Execution-Id")), running);
    // The row changes in place and stays selected.
    QTRY_COMPARE(statusOf(running), QStringLiteral("Canceled"));
    QCOMPARE(m_page->selectedExecutionId(), running);
    QTRY_VERIFY(m_page->details()->isComplete() &&
                m_page->details()->record().status == ExecutionStatus::Canceled);
    QVERIFY(!cancel->isEnabled());
}

void TestHistoryActions::actionsNeedTheServer()
{
    const QString id = invoke(QStringLiteral("approval-pause"), "{\"amount\": 5, \"reason\": \"cab\"}");
    QTRY_COMPARE(statusOf(id), QStringLiteral("Paused"));
    select(id);
    auto *resume = child<QPushButton>("resume");
    QVERIFY(resume->isEnabled());

    ServerController &server = m_fixture->session->server();
    server.stop();
    QTRY_COMPARE(server.state(), ServerController::State::Stopped);
    QVERIFY(!resume->isEnabled());
    QVERIFY(resume->toolTip().contains(QStringLiteral("not running")));

    // The controller refuses too, without running anything.
    std::optional<int> status;
    QByteArray body;
    server.resumeExecution(QStringLiteral("approval-pause"), id, {},
                           [&](int s, const QByteArray &b, const QString &) {
                               status = s;
                               body = b;
                           });
    QTRY_VERIFY(status.has_value());
    QCOMPARE(*status, 503);
    QCOMPARE(QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toString(),
             QStringLiteral("server_stopped"));
    QCOMPARE(*m_fixture->session->history().pausedExists(id), true);

    QVERIFY(m_fixture->startServer());
    QTRY_VERIFY(resume->isEnabled());
}

void TestHistoryActions::stoppingWaitsForAConsoleRetry()
{
    // The slow flow, failing after its loop: a retry of it runs for a while.
    addSlowFlows(600);
    Flow slowFail = *m_fixture->session->workspace().flowById(QStringLiteral("slow"));
    slowFail.id = QStringLiteral("slow-fail");
    slowFail.name = QStringLiteral("Slow, then fails");
    CardNode parse;
    parse.id = QStringLiteral("parse");
    parse.function = QStringLiteral("json.parse");
    parse.inputs.append(
        InputBinding{QStringLiteral("text"), std::nullopt, Binding::fromConstant(QStringLiteral("no"))});
    slowFail.cards.append(parse);
    addFlow(slowFail);
    // Kept whole by history (under 1 MiB), so that it can be retried.
    const QString failed = invoke(slowFail.id, slowBody(300'000));
    QCOMPARE(m_lastStatus, 500);

    ServerController &server = m_fixture->session->server();
    QStringList events;
    connect(&server, &ServerController::stateChanged, this, [&](ServerController::State state) {
        if (state == ServerController::State::Stopped)
            events.append(QStringLiteral("stopped"));
    });
    int status = 0;
    QString retried;
    server.retryExecution(slowFail.id, failed, [&](int s, const QByteArray &, const QString &executionId) {
        events.append(QStringLiteral("answered"));
        status = s;
        retried = executionId;
    });
    server.stop();
    QTRY_VERIFY_WITH_TIMEOUT(events.contains(QStringLiteral("stopped")), 60000);
    QCOMPARE(events, QStringList({QStringLiteral("answered"), QStringLiteral("stopped")}));
    QCOMPARE(status, 500);
    // Answered and recorded before the server went away.
    const auto record = m_fixture->session->history().get(retried);
    QVERIFY(record.ok());
    QCOMPARE(record->kind, ExecutionKind::Retry);
    QCOMPARE(record->retryOf, failed);
    QCOMPARE(record->status, ExecutionStatus::Failed);
}

QTEST_MAIN(TestHistoryActions)
#include "tst_historyactions.moc"
