// FlowListModel: one row per flow of the workspace with the right columns, on/off and name edits saved
// to workspace.json (and refused edits reported with nothing changed), rows kept in step with edits
// and with changes made by other programs, and the newest execution of each flow read from history
// off the UI thread, again when the server finishes requests (throttled).

#include "Ids.h"
#include "UiTestSupport.h"
#include "models/FlowListModel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace wf;
using namespace wf::ui;
using namespace wf::uitest;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QVariant cell(const FlowListModel &model, const QString &flowId, int column, int role = Qt::DisplayRole)
{
    return model.index(model.rowOf(flowId), column).data(role);
}

ExecutionRecord executionOf(const Flow &flow, ExecutionStatus status, const QDateTime &startedAt)
{
    ExecutionRecord record;
    record.id = newExecutionId();
    record.flowId = flow.id;
    record.flowAlias = flow.alias;
    record.flowName = flow.name;
    record.status = status;
    record.startedAt = startedAt;
    record.durationUs = 1200;
    record.request.method = "POST";
    record.request.pathAndQuery = QByteArray("/api/flo/") + flow.alias.toLatin1() + "/invoke";
    record.response.status = status == ExecutionStatus::Success ? 200 : 500;
    if (status != ExecutionStatus::Success)
        record.error = s("Compose: boom");
    return record;
}

} // namespace

class TestFlowListModel final : public QObject {
    Q_OBJECT

private slots:
    void rowsAreTheSampleFlows();
    void headers();
    void toggleActiveSaves();
    void renameSaves();
    void refusedEditsChangeNothing();
    void addedAndRemovedFlowsAreRowsNotResets();
    void changesByAnotherProgramShow();
    void lastRunFromHistory();
    void lastRunAfterServerRequests();
    void refreshesAreThrottled();
    void friendlyTime_data();
    void friendlyTime();
    void displayNames();
};

void TestFlowListModel::rowsAreTheSampleFlows()
{
    SessionFixture f;
    QVERIFY(f.create());
    FlowListModel model(*f.session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    const QList<Flow> &flows = f.session->workspace().flows();
    QVERIFY(flows.size() >= 5);
    QCOMPARE(model.rowCount(), flows.size());
    QCOMPARE(model.columnCount(), FlowListModel::kColumnCount);
    for (int row = 0; row < flows.size(); ++row) {
        const Flow &flow = flows.at(row);
        QCOMPARE(model.flowId(row), flow.id);
        QCOMPARE(model.rowOf(flow.id), row);
        QCOMPARE(model.index(row, FlowListModel::NameColumn).data().toString(), flow.name);
        QCOMPARE(model.index(row, FlowListModel::NameColumn).data(Qt::ToolTipRole).toString(),
                 flow.description);
        QCOMPARE(model.index(row, FlowListModel::TypeColumn).data().toString(),
                 flow.isHelper() ? s("Helper flow") : s("API endpoint"));
        QCOMPARE(model.index(row, FlowListModel::SecurityColumn).data().toString(),
                 flow.isHelper() ? s("—") : securityLevelDisplayName(flow.endpoint.security));
        QCOMPARE(model.index(row, FlowListModel::ActiveColumn).data(Qt::CheckStateRole).toInt(),
                 flow.active ? int(Qt::Checked) : int(Qt::Unchecked));
        for (int column = 0; column < FlowListModel::kColumnCount; ++column)
            QCOMPARE(model.index(row, column).data(FlowListModel::FlowIdRole).toString(), flow.id);
        const QString filterText = model.index(row, 0).data(FlowListModel::FilterRole).toString();
        QVERIFY(filterText.contains(flow.name) && filterText.contains(flow.id));
    }
    QCOMPARE(model.rowOf(s("no-such-flow")), -1);
    QCOMPARE(model.flowId(-1), QString());
    QCOMPARE(model.flowId(model.rowCount()), QString());

    // Only the name and the switch can be edited.
    const int row = model.rowOf(s("hello-public"));
    QVERIFY(model.flags(model.index(row, FlowListModel::NameColumn)) & Qt::ItemIsEditable);
    QVERIFY(model.flags(model.index(row, FlowListModel::ActiveColumn)) & Qt::ItemIsUserCheckable);
    QVERIFY(!(model.flags(model.index(row, FlowListModel::TypeColumn)) & Qt::ItemIsEditable));
    QVERIFY(!model.setData(model.index(row, FlowListModel::TypeColumn), s("Helper flow")));
}

void TestFlowListModel::headers()
{
    SessionFixture f;
    QVERIFY(f.create());
    FlowListModel model(*f.session);
    QStringList headers;
    for (int column = 0; column < model.columnCount(); ++column)
        headers.append(model.headerData(column, Qt::Horizontal).toString());
    QCOMPARE(headers, (QStringList{s("Name"), s("On"), s("Type"), s("Security level"), s("Last run"),
                                   s("Last status")}));
}

void TestFlowListModel::toggleActiveSaves()
{
    SessionFixture f;
    QVERIFY(f.create());
    FlowListModel model(*f.session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString flowId = s("hello-public");
    QVERIFY(f.session->workspace().flowById(flowId)->active);
    const QString alias = f.session->workspace().flowById(flowId)->alias;
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    const QModelIndex active = model.index(model.rowOf(flowId), FlowListModel::ActiveColumn);
    QVERIFY(model.setData(active, Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(active.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QCOMPARE(active.data().toString(), s("Off"));
    QVERIFY(!f.session->workspace().flowById(flowId)->active);
    auto reopened = Workspace::open(f.dir.path());
    QVERIFY2(reopened.ok(), qPrintable(reopened.ok() ? QString() : reopened.error().message));
    QVERIFY(!reopened->flowById(flowId)->active);
    QCOMPARE(reopened->flowById(flowId)->alias, alias); // the Invoke URL is unchanged

    QVERIFY(model.setData(active, Qt::Checked, Qt::CheckStateRole));
    QVERIFY(Workspace::open(f.dir.path())->flowById(flowId)->active);
    QCOMPARE(active.data().toString(), s("On"));
}

void TestFlowListModel::renameSaves()
{
    SessionFixture f;
    QVERIFY(f.create());
    FlowListModel model(*f.session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString flowId = s("order-total-token");
    const Flow before = *f.session->workspace().flowById(flowId);
    const QModelIndex name = model.index(model.rowOf(flowId), FlowListModel::NameColumn);
    QCOMPARE(name.data(Qt::EditRole).toString(), before.name);

    QVERIFY(model.setData(name, s("  Order total  ")));
    QCOMPARE(name.data().toString(), s("Order total"));
    const auto reopened = Workspace::open(f.dir.path());
    QVERIFY(reopened.ok());
    const Flow *renamed = reopened->flowById(flowId);
    QCOMPARE(renamed->name, s("Order total"));
    QCOMPARE(renamed->alias, before.alias);
    QCOMPARE(renamed->endpoint.clientTokenHash, before.endpoint.clientTokenHash); // same token
}

void TestFlowListModel::refusedEditsChangeNothing()
{
    SessionFixture f;
    QVERIFY(f.create());
    FlowListModel model(*f.session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy failed(&model, &FlowListModel::editFailed);
    const QString flowId = s("hello-public");
    const QString name = f.session->workspace().flowById(flowId)->name;
    const QModelIndex nameIndex = model.index(model.rowOf(flowId), FlowListModel::NameColumn);

    QVERIFY(!model.setData(nameIndex, s("   ")));
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.at(0).at(0).toString().contains(s("needs a name")));
    QCOMPARE(nameIndex.data().toString(), name);

    // workspace.json cannot be written: the edit is refused, the table and the workspace keep the flow.
    const QByteArray saved = f.session->workspace().toJson();
    const QString file = QDir(f.dir.path()).filePath(Workspace::kFileName);
    QVERIFY(QFile::remove(file));
    QVERIFY(QDir().mkdir(file));
    const QModelIndex active = model.index(model.rowOf(flowId), FlowListModel::ActiveColumn);
    QVERIFY(!model.setData(active, Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(failed.count(), 2);
    QVERIFY2(failed.at(1).at(0).toString().contains(name), qPrintable(failed.at(1).at(0).toString()));
    QCOMPARE(active.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QVERIFY(!model.setData(nameIndex, s("Another name")));
    QCOMPARE(failed.count(), 3);
    QCOMPARE(nameIndex.data().toString(), name);
    QCOMPARE(f.session->workspace().toJson(), saved);
}

void TestFlowListModel::addedAndRemovedFlowsAreRowsNotResets()
{
    SessionFixture f;
    QVERIFY(f.create());
    FlowListModel model(*f.session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const int count = model.rowCount();

    Flow extra = *f.session->workspace().flowById(s("hello-public"));
    extra.id = s("extra");
    QVERIFY(f.session
                ->edit(ConsoleSession::Change::Flows,
                       [&](Workspace &workspace) { return workspace.addFlow(extra, f.secrets); })
                .ok());
    QCOMPARE(model.rowCount(), count + 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.flowId(count), s("extra"));

    const Flow second = f.session->workspace().flows().at(1);
    QVERIFY(f.session
                ->edit(ConsoleSession::Change::Flows,
                       [&](Workspace &workspace) { return workspace.removeFlow(second.id, f.secrets); })
                .ok());
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 1);
    QCOMPARE(model.rowOf(second.id), -1);

    QVERIFY(f.session
                ->edit(ConsoleSession::Change::Flows,
                       [&](Workspace &workspace) { return workspace.restoreFlow(second, f.secrets, 1); })
                .ok());
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(model.rowOf(second.id), 1);
    QCOMPARE(reset.count(), 0);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.flowId(row), f.session->workspace().flows().at(row).id);
}

void TestFlowListModel::changesByAnotherProgramShow()
{
    SessionFixture f;
    QVERIFY(f.create());
    FlowListModel model(*f.session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reloaded(f.session.get(), &ConsoleSession::workspaceReloaded);

    // Another program renames a flow and removes another one.
    auto other = Workspace::open(f.dir.path());
    QVERIFY(other.ok());
    Flow renamed = *other->flowById(s("hello-public"));
    renamed.name = s("Renamed elsewhere");
    QVERIFY(other->updateFlow(renamed, f.secrets).ok());
    QVERIFY(other->removeFlow(s("echo-raw"), f.secrets).ok());
    QVERIFY(other->save().ok());

    QVERIFY(reloaded.wait(10000));
    QCOMPARE(cell(model, s("hello-public"), FlowListModel::NameColumn).toString(), s("Renamed elsewhere"));
    QCOMPARE(model.rowOf(s("echo-raw")), -1);
    QCOMPARE(model.rowCount(), other->flows().size());
}

void TestFlowListModel::lastRunFromHistory()
{
    SessionFixture f;
    QVERIFY(f.create());
    FlowListModel model(*f.session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &FlowListModel::lastRunsLoaded);
    QVERIFY(loaded.wait(10000)); // the first read, at construction
    const Flow hello = *f.session->workspace().flowById(s("hello-public"));
    QCOMPARE(cell(model, hello.id, FlowListModel::LastRunColumn).toString(), s("Never"));
    QCOMPARE(cell(model, hello.id, FlowListModel::LastStatusColumn).toString(), s("—"));
    QCOMPARE(cell(model, hello.id, FlowListModel::LastRunColumn, FlowListModel::SortRole).toLongLong(), -1);

    const QDateTime fiveMinutesAgo = QDateTime::currentDateTimeUtc().addSecs(-300);
    QVERIFY(f.session->history().record(executionOf(hello, ExecutionStatus::Failed, fiveMinutesAgo)).ok());
    loaded.clear();
    model.refreshLastRuns();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(cell(model, hello.id, FlowListModel::LastStatusColumn).toString(), s("Failed"));
    QCOMPARE(cell(model, hello.id, FlowListModel::LastRunColumn).toString(), s("5 min ago"));
    QCOMPARE(cell(model, hello.id, FlowListModel::LastRunColumn, FlowListModel::SortRole).toLongLong(),
             fiveMinutesAgo.toMSecsSinceEpoch());
    QVERIFY(cell(model, hello.id, FlowListModel::LastStatusColumn, Qt::ForegroundRole).isValid());
    QVERIFY(!cell(model, hello.id, FlowListModel::LastRunColumn, Qt::ToolTipRole).toString().isEmpty());
    QCOMPARE(cell(model, s("order-total-token"), FlowListModel::LastRunColumn).toString(), s("Never"));

    // The newest execution wins, whatever order they were recorded in.
    QVERIFY(f.session->history()
                .record(executionOf(hello, ExecutionStatus::Success, QDateTime::currentDateTimeUtc()))
                .ok());
    QVERIFY(f.session->history()
                .record(executionOf(hello, ExecutionStatus::Paused, fiveMinutesAgo.addSecs(-60)))
                .ok());
    loaded.clear();
    model.refreshLastRuns();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(cell(model, hello.id, FlowListModel::LastStatusColumn).toString(), s("Success"));
    QCOMPARE(cell(model, hello.id, FlowListModel::LastRunColumn).toString(), s("just now"));
}

void TestFlowListModel::lastRunAfterServerRequests()
{
    SessionFixture f;
    QVERIFY(f.create());
    QVERIFY(f.startServer());
    FlowListModel model(*f.session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Flow *hello = f.session->workspace().flowById(s("hello-public"));
    QVERIFY(hello);

    QNetworkAccessManager network;
    QNetworkRequest request(
        QUrl(f.session->server().baseUrl() + s("/api/flo/") + hello->alias + s("/invoke?lang=fr")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, s("application/json"));
    const QByteArray body = QJsonDocument(QJsonObject{{s("name"), s("Ada")}}).toJson(QJsonDocument::Compact);
    std::unique_ptr<QNetworkReply> reply(network.post(request, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);

    // No refresh asked for: the server's requestFinished brings it.
    QTRY_COMPARE_WITH_TIMEOUT(cell(model, hello->id, FlowListModel::LastStatusColumn).toString(),
                              s("Success"), 10000);
    QCOMPARE(cell(model, hello->id, FlowListModel::LastRunColumn).toString(), s("just now"));
}

void TestFlowListModel::refreshesAreThrottled()
{
    SessionFixture f;
    QVERIFY(f.create());
    FlowListModel model(*f.session);
    QSignalSpy loaded(&model, &FlowListModel::lastRunsLoaded);
    QVERIFY(loaded.wait(10000));
    loaded.clear();

    // A burst of finished requests: one read now (or at the end of the interval), one after the burst.
    for (int i = 0; i < 50; ++i)
        emit f.session->server().requestFinished(s("POST"), s("/api/flo/x/invoke"), 200, 1, QString());
    QVERIFY(loaded.wait(10000));
    QVERIFY2(!QTest::qWaitFor([&] { return loaded.count() > 2; }, 3 * FlowListModel::kRefreshIntervalMs),
             qPrintable(QString::number(loaded.count())));
}

void TestFlowListModel::friendlyTime_data()
{
    QTest::addColumn<QDateTime>("when");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QString>("expected");

    const QDateTime now(QDate(2025, 3, 12), QTime(20, 0), Qt::LocalTime);
    const QLocale locale;
    const auto at = [&locale](const QDateTime &when) {
        return locale.toString(when.time(), QLocale::ShortFormat);
    };
    QTest::addRow("seconds ago") << now.addSecs(-10) << now << s("just now");
    QTest::addRow("slightly in the future") << now.addSecs(30) << now << s("just now");
    QTest::addRow("one minute") << now.addSecs(-60) << now << s("1 min ago");
    QTest::addRow("59 minutes") << now.addSecs(-59 * 60 - 59) << now << s("59 min ago");
    QTest::addRow("one hour") << now.addSecs(-3600) << now << s("1 h ago");
    QTest::addRow("five hours") << now.addSecs(-5 * 3600 - 10) << now << s("5 h ago");
    const QDateTime morning = now.addSecs(-10 * 3600);
    QTest::addRow("earlier today") << morning << now << s("Today ") + at(morning);
    const QDateTime yesterday = now.addSecs(-22 * 3600);
    QTest::addRow("yesterday") << yesterday << now << s("Yesterday ") + at(yesterday);
    const QDateTime lastWeek = now.addDays(-7);
    QTest::addRow("last week") << lastWeek << now << locale.toString(lastWeek, QLocale::ShortFormat);
    const QDateTime tomorrow = now.addDays(1);
    QTest::addRow("far in the future") << tomorrow << now << locale.toString(tomorrow, QLocale::ShortFormat);
    QTest::addRow("UTC input shown in local time")
        << yesterday.toUTC() << now << s("Yesterday ") + at(yesterday);
}

void TestFlowListModel::friendlyTime()
{
    QFETCH(QDateTime, when);
    QFETCH(QDateTime, now);
    QFETCH(QString, expected);
    QCOMPARE(FlowListModel::friendlyTime(when, now), expected);
}

void TestFlowListModel::displayNames()
{
    // The translatable words agree with the core's (English) names.
    for (auto status : {ExecutionStatus::InProgress, ExecutionStatus::Success, ExecutionStatus::Failed,
                        ExecutionStatus::Paused, ExecutionStatus::Canceled, ExecutionStatus::TimedOut})
        QCOMPARE(FlowListModel::statusDisplayName(status), executionStatusName(status));
    Flow flow;
    for (auto level : {SecurityLevel::None, SecurityLevel::ClientToken, SecurityLevel::OAuth2}) {
        flow.endpoint.security = level;
        QCOMPARE(FlowListModel::securityDisplayName(flow), securityLevelDisplayName(level));
    }
    flow.event.type = EventType::HelperFlow;
    QCOMPARE(FlowListModel::securityDisplayName(flow), s("—"));
}

QTEST_MAIN(TestFlowListModel)
#include "tst_flowlistmodel.moc"
