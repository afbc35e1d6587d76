// The execution history page against a running server: a flow invoked over HTTP shows up live with
// its request, response and trace; a failing card is marked; filters, Load more, F5, showExecution
// and Clear history (with its confirmation) through the real widgets.

#include "Ids.h"
#include "UiTestSupport.h"
#include "flow/FlowJson.h"
#include "models/HistoryModel.h"
#include "models/TraceModel.h"
#include "pages/ExecutionDetails.h"
#include "pages/HistoryPage.h"
#include "widgets/JsonView.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTreeView>

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

} // namespace

class TestHistoryPage final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void invokedFlowAppearsLiveWithTrace();
    void failingCardIsMarked();
    void filtersThroughTheWidgets();
    void loadMoreAndRefreshKey();
    void showExecutionWidensFilters();
    void clearAsksFirst();

private:
    // POSTs `body` to the flow's Invoke URL and waits for the answer; the execution id it names.
    QString invoke(const QString &flowId, const QByteArray &body, const QByteArray &query = {},
                   const QByteArray &contentType = "application/json")
    {
        const Flow *flow = m_fixture->session->workspace().flowById(flowId);
        if (!flow)
            return {};
        QUrl url(m_fixture->session->server().baseUrl() + QStringLiteral("/api/flo/") + flow->alias +
                 QStringLiteral("/invoke"));
        if (!query.isEmpty())
            url.setQuery(QString::fromLatin1(query));
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        std::unique_ptr<QNetworkReply> reply(m_network.post(request, body));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!finished.wait(10000))
            return {};
        m_lastStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        return QString::fromLatin1(reply->rawHeader("X-Execution-Id"));
    }
    void addParseFlow()
    {
        auto parsed = flowjson::parse(QByteArray(kParseFlow));
        QVERIFY(parsed.flow && parsed.problems.isEmpty());
        auto added = m_fixture->session->edit(ConsoleSession::Change::Flows, [&](Workspace &workspace) {
            return workspace.addFlow(*parsed.flow, m_fixture->secrets);
        });
        QVERIFY(added.ok());
    }
    template <typename T>
    T *child(const char *name) const
    {
        return m_page->findChild<T *>(QLatin1String(name));
    }
    void clickRow(const QString &executionId)
    {
        auto *table = child<QTableView>("historyTable");
        const int row = m_page->model()->rowOf(executionId);
        QVERIFY(row >= 0);
        const QModelIndex index = m_page->model()->index(row, HistoryModel::FlowName);
        table->scrollTo(index);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
        QTRY_VERIFY(m_page->details()->hasRecord() && m_page->details()->record().id == executionId &&
                    m_page->details()->isComplete());
    }

    std::unique_ptr<SessionFixture> m_fixture;
    std::unique_ptr<HistoryPage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QNetworkAccessManager m_network;
    int m_lastStatus = 0;
};

void TestHistoryPage::init()
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

void TestHistoryPage::cleanup()
{
    m_tester.reset();
    m_page.reset();
    m_fixture.reset();
}

void TestHistoryPage::invokedFlowAppearsLiveWithTrace()
{
    const Flow *flow = m_fixture->session->workspace().flowById(QStringLiteral("hello-public"));
    QVERIFY(flow);
    const QString id = invoke(flow->id, "{\"name\": \"Ada\"}", "lang=fr");
    QCOMPARE(m_lastStatus, 200);
    QCOMPARE(id.size(), 32);
    // No refresh asked for: the page follows the server.
    QTRY_VERIFY(m_page->model()->rowOf(id) >= 0);
    const int row = m_page->model()->rowOf(id);
    QCOMPARE(m_page->model()->index(row, HistoryModel::Status).data().toString(), QStringLiteral("Success"));
    QCOMPARE(m_page->model()->index(row, HistoryModel::HttpStatus).data().toInt(), 200);
    QCOMPARE(m_page->model()->index(row, HistoryModel::FlowName).data().toString(), flow->name);
    QVERIFY(m_page->model()
                ->index(row, HistoryModel::Caller)
                .data()
                .toString()
                .startsWith(QStringLiteral("127.0.0.1")));

    clickRow(id);
    QCOMPARE(m_page->selectedExecutionId(), id);
    QVERIFY(child<QLabel>("executionTitle")->text().contains(id));
    QCOMPARE(child<QLabel>("summaryStatus")->text().contains(QStringLiteral("Success")), true);
    QCOMPARE(child<QLabel>("summaryFlow")->text(), flow->name);
    QCOMPARE(child<QLabel>("requestLine")->text(),
             QStringLiteral("POST /api/flo/%1/invoke?lang=fr").arg(flow->alias));
    QVERIFY(child<JsonView>("requestBody")->toPlainText().contains(QStringLiteral("\"Ada\"")));
    auto *requestHeaders = child<QTableWidget>("requestHeaders");
    QVERIFY(!requestHeaders->findItems(QStringLiteral("application/json"), Qt::MatchExactly).isEmpty());
    QCOMPARE(child<QLabel>("responseStatus")->text(), QStringLiteral("200 OK"));
    QVERIFY(child<JsonView>("responseBody")->toPlainText().contains(QStringLiteral("Bonjour, Ada!")));
    QVERIFY(!child<QTableWidget>("responseHeaders")->findItems(id, Qt::MatchExactly).isEmpty());

    // The trace: every card, the first selected (nothing failed), its inputs and outputs as JSON.
    auto *tree = child<QTreeView>("traceTree");
    TraceModel *trace = m_page->details()->traceModel();
    QCOMPARE(trace->rowCount(), int(flow->cards.size()));
    QVERIFY(!trace->failingIndex().isValid());
    QCOMPARE(tree->currentIndex().row(), 0);
    auto *tabs = child<QTabWidget>("detailTabs");
    QCOMPARE(tabs->currentIndex(), 0); // nothing failed: the request first
    QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(2).center());
    QCOMPARE(tabs->currentIndex(), 2);
    const QModelIndex greeting = trace->index(2, 0);
    QCOMPARE(greeting.data().toString(), QStringLiteral("Compose"));
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(greeting).center());
    QTRY_VERIFY(child<JsonView>("traceJson")->toPlainText().contains(QStringLiteral("Bonjour, Ada!")));
    QVERIFY(child<QLabel>("traceNote")->isHidden());

    // A second call comes in on top while the first stays selected.
    const QString second = invoke(flow->id, "{\"name\": \"Grace\"}");
    QTRY_COMPARE(m_page->model()->rowOf(second), 0);
    QCOMPARE(m_page->selectedExecutionId(), id);
    QCOMPARE(m_page->details()->record().id, id);
}

void TestHistoryPage::failingCardIsMarked()
{
    addParseFlow();
    const QString id = invoke(QStringLiteral("parse-body"), "not json", {}, "text/plain");
    QCOMPARE(m_lastStatus, 500);
    QTRY_VERIFY(m_page->model()->rowOf(id) >= 0);
    QCOMPARE(m_page->model()->index(m_page->model()->rowOf(id), HistoryModel::Status).data().toString(),
             QStringLiteral("Failed"));
    clickRow(id);
    QVERIFY(child<QLabel>("summaryError")->isVisible());
    QVERIFY(child<QLabel>("summaryError")->text().startsWith(QStringLiteral("Parse it: ")));
    // The details open on the trace, on the failing card, marked in red.
    auto *tabs = child<QTabWidget>("detailTabs");
    QCOMPARE(tabs->currentIndex(), 2);
    auto *tree = child<QTreeView>("traceTree");
    const QModelIndex current = tree->currentIndex();
    QCOMPARE(current.data().toString(), QStringLiteral("Parse it"));
    QVERIFY(current.data(TraceModel::FailingRole).toBool());
    QCOMPARE(current.data(Qt::ForegroundRole).value<QBrush>().color(),
             HistoryModel::statusColor(ExecutionStatus::Failed));
    QVERIFY(!current.siblingAtColumn(TraceModel::Error).data().toString().isEmpty());
    QVERIFY(child<JsonView>("traceJson")->toPlainText().contains(QStringLiteral("\"error\"")));
    QVERIFY(!tree->model()->index(0, 0).data(TraceModel::FailingRole).toBool());

    // A flow that does not save all data says why its trace is missing.
    Flow flow = *m_fixture->session->workspace().flowById(QStringLiteral("parse-body"));
    flow.saveAllData = false;
    QVERIFY(m_fixture->session->edit(ConsoleSession::Change::Flows, [&](Workspace &workspace) {
        return workspace.updateFlow(flow, m_fixture->secrets);
    }));
    const QString unsaved = invoke(QStringLiteral("parse-body"), "still not json", {}, "text/plain");
    QTRY_VERIFY(m_page->model()->rowOf(unsaved) >= 0);
    clickRow(unsaved);
    QCOMPARE(m_page->details()->traceModel()->rowCount(), 0);
    QVERIFY(child<QLabel>("traceNote")->text().contains(QStringLiteral("does not save all data")));
}

void TestHistoryPage::filtersThroughTheWidgets()
{
    addParseFlow();
    const QString ada = invoke(QStringLiteral("hello-public"), "{\"name\": \"Ada\"}");
    const QString grace = invoke(QStringLiteral("hello-public"), "{\"name\": \"Grace\"}");
    const QString failed = invoke(QStringLiteral("parse-body"), "grace hopper", {}, "text/plain");
    QTRY_COMPARE(m_page->model()->rowCount(), 3);

    auto *status = child<QComboBox>("statusFilter");
    QCOMPARE(status->count(), 7); // all, and each of the six statuses
    status->setCurrentIndex(status->findData(int(ExecutionStatus::Failed)));
    QTRY_COMPARE(m_page->model()->rowCount(), 1);
    QCOMPARE(m_page->model()->recordAt(0).id, failed);
    status->setCurrentIndex(0);
    QTRY_COMPARE(m_page->model()->rowCount(), 3);

    auto *flows = child<QComboBox>("flowFilter");
    QVERIFY(flows->findData(QStringLiteral("line-total")) <
            0); // helper flows have no executions of their own
    flows->setCurrentIndex(flows->findData(QStringLiteral("hello-public")));
    QTRY_COMPARE(m_page->model()->rowCount(), 2);
    QVERIFY(child<QPushButton>("clearHistory")->text().contains(QStringLiteral("flow")));
    m_page->showFlow({});
    QCOMPARE(flows->currentIndex(), 0);
    QTRY_COMPARE(m_page->model()->rowCount(), 3);

    // Text search, case-insensitive, once typing pauses.
    auto *search = child<QLineEdit>("searchFilter");
    QTest::keyClicks(search, QStringLiteral("GRACE"));
    QTRY_COMPARE(m_page->model()->rowCount(), 2);
    QVERIFY(m_page->model()->rowOf(grace) >= 0 && m_page->model()->rowOf(failed) >= 0);
    QCOMPARE(m_page->model()->rowOf(ada), -1);
    flows->setCurrentIndex(flows->findData(QStringLiteral("hello-public")));
    QTRY_COMPARE(m_page->model()->rowCount(), 1);
    QCOMPARE(m_page->model()->recordAt(0).id, grace);
    QCOMPARE(child<QLabel>("historyCount")->text(), QStringLiteral("Showing 1 of 1 executions."));
}

void TestHistoryPage::loadMoreAndRefreshKey()
{
    // Executions written straight into history (as another console or `serve` would) are not
    // announced: F5 reads them.
    const Flow *flow = m_fixture->session->workspace().flowById(QStringLiteral("hello-public"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < HistoryModel::kPageSize + 5; ++i) {
        ExecutionRecord record;
        record.id = newExecutionId();
        record.flowId = flow->id;
        record.flowAlias = flow->alias;
        record.flowName = flow->name;
        record.status = ExecutionStatus::Success;
        record.startedAt = now.addSecs(-1000 + i);
        record.response.status = 200;
        QVERIFY(m_fixture->session->history().record(record).ok());
    }
    auto *loadMore = child<QPushButton>("loadMore");
    QCOMPARE(m_page->model()->rowCount(), 0);
    QVERIFY(!loadMore->isEnabled());
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    child<QTableView>("historyTable")->setFocus();
    QTest::keyClick(child<QTableView>("historyTable"), Qt::Key_F5);
    QTRY_COMPARE(m_page->model()->rowCount(), HistoryModel::kPageSize);
    QTRY_VERIFY(loadMore->isEnabled());
    QCOMPARE(child<QLabel>("historyCount")->text(), QStringLiteral("Showing %1 of %2 executions.")
                                                        .arg(HistoryModel::kPageSize)
                                                        .arg(HistoryModel::kPageSize + 5));
    QTest::mouseClick(loadMore, Qt::LeftButton);
    QTRY_COMPARE(m_page->model()->rowCount(), HistoryModel::kPageSize + 5);
    QTRY_VERIFY(!loadMore->isEnabled());
}

void TestHistoryPage::showExecutionWidensFilters()
{
    addParseFlow();
    const QString failed = invoke(QStringLiteral("parse-body"), "nope", {}, "text/plain");
    const QString ok = invoke(QStringLiteral("hello-public"), "{}");
    auto *status = child<QComboBox>("statusFilter");
    status->setCurrentIndex(status->findData(int(ExecutionStatus::Success)));
    QTRY_COMPARE(m_page->model()->rowCount(), 1);
    QCOMPARE(m_page->model()->recordAt(0).id, ok);

    m_page->showExecution(failed);
    QTRY_COMPARE(m_page->selectedExecutionId(), failed);
    QCOMPARE(status->currentIndex(), 0);
    QCOMPARE(m_page->details()->record().id, failed);

    // An execution history does not have is said so.
    m_page->showExecution(QStringLiteral("0123456789abcdef0123456789abcdef"));
    QTRY_VERIFY(!m_page->details()->hasRecord());
    QVERIFY(child<QLabel>("detailsPlaceholder")->text().contains(QStringLiteral("not in history")));
}

void TestHistoryPage::clearAsksFirst()
{
    addParseFlow();
    invoke(QStringLiteral("hello-public"), "{}");
    invoke(QStringLiteral("hello-public"), "{}");
    const QString failed = invoke(QStringLiteral("parse-body"), "x", {}, "text/plain");
    QTRY_COMPARE(m_page->model()->rowCount(), 3);
    auto *clear = child<QPushButton>("clearHistory");

    QString asked;
    m_page->setConfirmer([&](const QString &question) {
        asked = question;
        return false;
    });
    auto *flows = child<QComboBox>("flowFilter");
    flows->setCurrentIndex(flows->findData(QStringLiteral("hello-public")));
    QTRY_COMPARE(m_page->model()->rowCount(), 2);
    QTest::mouseClick(clear, Qt::LeftButton);
    QVERIFY(asked.contains(QStringLiteral("Hello (public)")));
    // Refused: nothing changes, in the view or in history.
    QCOMPARE(m_page->model()->rowCount(), 2);
    QCOMPARE(*m_fixture->session->history().count(), 3);

    m_page->setConfirmer([](const QString &) { return true; });
    QSignalSpy finished(m_page.get(), &HistoryPage::actionFinished);
    QTest::mouseClick(clear, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 5000);
    QCOMPARE(finished.first().first().toString(), QStringLiteral("Removed 2 executions from history."));
    QTRY_COMPARE(m_page->model()->rowCount(), 0);
    QCOMPARE(*m_fixture->session->history().count(), 1); // the other flow's execution stays

    m_page->showFlow({});
    QTRY_COMPARE(m_page->model()->rowCount(), 1);
    QCOMPARE(m_page->model()->recordAt(0).id, failed);
    m_page->setConfirmer([&](const QString &question) {
        asked = question;
        return true;
    });
    QTest::mouseClick(clear, Qt::LeftButton);
    QVERIFY(asked.contains(QStringLiteral("every flow")));
    QTRY_COMPARE(m_page->model()->rowCount(), 0);
    QCOMPARE(*m_fixture->session->history().count(), 0);
}

QTEST_MAIN(TestHistoryPage)
#include "tst_historypage.moc"
