// The history table and trace tree models over a real history.db: filters, paging, live refreshes
// that keep the rows in place, running executions merged in, the trace nested by blocks with the
// failing card found; every model under QAbstractItemModelTester.

#include "Ids.h"
#include "models/HistoryModel.h"
#include "models/TraceModel.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace wf;
using namespace wf::ui;

namespace {

ExecutionRecord makeRecord(const QString &flowId, ExecutionStatus status, const QDateTime &startedAt,
                           const QByteArray &body = {})
{
    ExecutionRecord record;
    record.id = newExecutionId();
    record.flowId = flowId;
    record.flowAlias = QStringLiteral("0123456789abcdef0123456789abcdef");
    record.flowName = flowId.toUpper();
    record.status = status;
    record.startedAt = startedAt;
    record.durationUs = 1500;
    record.caller = CallerInfo{QStringLiteral("127.0.0.1"), {}, SecurityLevel::None};
    record.request.method = "POST";
    record.request.pathAndQuery = "/api/flo/0123456789abcdef0123456789abcdef/invoke";
    record.request.body = body;
    record.request.bodySize = body.size();
    record.response.status = status == ExecutionStatus::Success ? 200 : 400;
    if (status == ExecutionStatus::Failed)
        record.error = QStringLiteral("Compose: boom");
    return record;
}

TraceEntry entry(const QString &id, int depth, std::optional<Error> error = std::nullopt)
{
    TraceEntry e;
    e.cardId = id;
    e.function = QStringLiteral("text.compose");
    e.name = id;
    e.depth = depth;
    e.inputs = QJsonObject{{QStringLiteral("in"), id}};
    e.outputs = QJsonObject{{QStringLiteral("out"), id}};
    e.durationUs = 42;
    e.error = std::move(error);
    return e;
}

} // namespace

class TestHistoryModel final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void listsNewestFirstWithColumns();
    void filters();
    void pagesLoadMore();
    void refreshKeepsRowsAndSelection();
    void runningExecutionsAreMerged();
    void loadsAndClears();
    void traceTreeNestsBlocks();
    void failingCard_data();
    void failingCard();

private:
    // Records `record` with its start `secondsAgo` seconds before now.
    ExecutionRecord add(const QString &flowId, ExecutionStatus status, int secondsAgo,
                        const QByteArray &body = {})
    {
        ExecutionRecord record =
            makeRecord(flowId, status, QDateTime::currentDateTimeUtc().addSecs(-secondsAgo), body);
        const auto written = m_store->record(record);
        if (!written)
            qWarning("%s", qPrintable(written.error().message));
        return record;
    }
    // Waits for the model's next query to finish.
    bool loaded(HistoryModel &model, const std::function<void()> &action)
    {
        QSignalSpy finished(&model, &HistoryModel::loadFinished);
        action();
        // A query can be over before its continuation is attached: then it is answered at once.
        if (!QTest::qWaitFor([&] { return !finished.isEmpty(); }, 10000))
            return false;
        const QString error = finished.first().first().toString();
        if (!error.isEmpty())
            qWarning("%s", qPrintable(error));
        return error.isEmpty();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HistoryStore> m_store;
};

void TestHistoryModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<HistoryStore>();
    QVERIFY(m_store->open(m_dir->filePath(QStringLiteral("history.db"))).ok());
}

void TestHistoryModel::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestHistoryModel::listsNewestFirstWithColumns()
{
    const ExecutionRecord old = add(QStringLiteral("alpha"), ExecutionStatus::Success, 30);
    const ExecutionRecord recent = add(QStringLiteral("beta"), ExecutionStatus::Failed, 10);
    HistoryModel model(*m_store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(loaded(model, [&] { model.setFilter({}); }));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(HistoryModel::ColumnCount));
    QCOMPARE(model.index(0, 0).data(HistoryModel::ExecutionIdRole).toString(), recent.id);
    QCOMPARE(model.index(1, 0).data(HistoryModel::ExecutionIdRole).toString(), old.id);
    QCOMPARE(model.index(0, HistoryModel::Status).data().toString(), QStringLiteral("Failed"));
    QCOMPARE(model.index(0, HistoryModel::Status).data(Qt::ToolTipRole).toString(), recent.error);
    QVERIFY(!model.index(0, HistoryModel::Status).data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(model.index(0, HistoryModel::HttpStatus).data().toInt(), 400);
    QCOMPARE(model.index(1, HistoryModel::Kind).data().toString(), QStringLiteral("Invoke"));
    QCOMPARE(model.index(1, HistoryModel::Duration).data().toString(), QStringLiteral("1.5 ms"));
    QCOMPARE(model.index(1, HistoryModel::Caller).data().toString(), QStringLiteral("127.0.0.1 · Public"));
    QCOMPARE(model.index(0, HistoryModel::Started).data().toString(),
             recent.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    // The recorded flow name, until the console knows the flow's current one.
    QCOMPARE(model.index(0, HistoryModel::FlowName).data().toString(), QStringLiteral("BETA"));
    model.setFlowNames({{QStringLiteral("beta"), QStringLiteral("Beta renamed")}});
    QCOMPARE(model.index(0, HistoryModel::FlowName).data().toString(), QStringLiteral("Beta renamed"));
    QCOMPARE(model.totalCount(), 2);
    QVERIFY(!model.canLoadMore());
}

void TestHistoryModel::filters()
{
    add(QStringLiteral("alpha"), ExecutionStatus::Success, 40, "{\"name\": \"Ada\"}");
    add(QStringLiteral("alpha"), ExecutionStatus::Failed, 30, "{\"name\": \"Grace\"}");
    add(QStringLiteral("beta"), ExecutionStatus::Success, 20, "{\"name\": \"Grace\"}");
    add(QStringLiteral("beta"), ExecutionStatus::Paused, 10);
    HistoryModel model(*m_store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    HistoryFilter filter;
    QVERIFY(loaded(model, [&] { model.setFilter(filter); }));
    QCOMPARE(model.rowCount(), 4);

    filter.flowId = QStringLiteral("alpha");
    QVERIFY(loaded(model, [&] { model.setFilter(filter); }));
    QCOMPARE(model.rowCount(), 2);
    filter.status = ExecutionStatus::Failed;
    QVERIFY(loaded(model, [&] { model.setFilter(filter); }));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data(HistoryModel::StatusRole).toInt(), int(ExecutionStatus::Failed));
    filter = HistoryFilter();
    filter.text = QStringLiteral("grace");
    QVERIFY(loaded(model, [&] { model.setFilter(filter); }));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.totalCount(), 2);
    filter.text = QStringLiteral("nobody");
    QVERIFY(loaded(model, [&] { model.setFilter(filter); }));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.totalCount(), 0);
}

void TestHistoryModel::pagesLoadMore()
{
    const int total = HistoryModel::kPageSize + 30;
    for (int i = 0; i < total; ++i)
        add(QStringLiteral("alpha"), ExecutionStatus::Success, 1000 - i);
    HistoryModel model(*m_store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(loaded(model, [&] { model.setFilter({}); }));
    QCOMPARE(model.rowCount(), HistoryModel::kPageSize);
    QCOMPARE(model.totalCount(), total);
    QVERIFY(model.canLoadMore());
    QVERIFY(loaded(model, [&] { model.loadMore(); }));
    QCOMPARE(model.rowCount(), total);
    QVERIFY(!model.canLoadMore());
    // A refresh reads all the rows loaded, not just the first page.
    QVERIFY(loaded(model, [&] { model.refresh(); }));
    QCOMPARE(model.rowCount(), total);
}

void TestHistoryModel::refreshKeepsRowsAndSelection()
{
    const ExecutionRecord first = add(QStringLiteral("alpha"), ExecutionStatus::Success, 30);
    const ExecutionRecord second = add(QStringLiteral("alpha"), ExecutionStatus::Paused, 20);
    HistoryModel model(*m_store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(loaded(model, [&] { model.setFilter({}); }));
    const QPersistentModelIndex firstRow = model.index(model.rowOf(first.id), 0);
    QCOMPARE(firstRow.row(), 1);

    // New executions come in at the top as inserted rows: nothing is reset.
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    const ExecutionRecord third = add(QStringLiteral("alpha"), ExecutionStatus::Success, 5);
    QVERIFY(loaded(model, [&] { model.refresh(); }));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowOf(third.id), 0);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(resets.size(), 0);
    QVERIFY(firstRow.isValid());
    QCOMPARE(firstRow.data(HistoryModel::ExecutionIdRole).toString(), first.id);

    // A resumed execution is recorded again under its id with a later start: its row moves and
    // changes, the others stay.
    ExecutionRecord resumed = second;
    resumed.status = ExecutionStatus::Success;
    resumed.kind = ExecutionKind::Resume;
    resumed.startedAt = QDateTime::currentDateTimeUtc();
    QVERIFY(m_store->record(resumed).ok());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(loaded(model, [&] { model.refresh(); }));
    QCOMPARE(model.rowOf(second.id), 0);
    QCOMPARE(model.index(0, HistoryModel::Status).data().toString(), QStringLiteral("Success"));
    QCOMPARE(model.index(0, HistoryModel::Kind).data().toString(), QStringLiteral("Resume"));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(firstRow.data(HistoryModel::ExecutionIdRole).toString(), first.id);
    QCOMPARE(resets.size(), 0);

    // Executions removed from history (cleared, pruned) leave as removed rows.
    QVERIFY(m_store->clear().ok());
    QVERIFY(loaded(model, [&] { model.refresh(); }));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!firstRow.isValid());
}

void TestHistoryModel::runningExecutionsAreMerged()
{
    add(QStringLiteral("alpha"), ExecutionStatus::Success, 30);
    add(QStringLiteral("beta"), ExecutionStatus::Success, 10);
    HistoryModel model(*m_store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(loaded(model, [&] { model.setFilter({}); }));
    model.setFlowNames({{QStringLiteral("alpha"), QStringLiteral("Alpha")}});

    RunningExecution running;
    running.executionId = newExecutionId();
    running.flowId = QStringLiteral("alpha");
    running.kind = QStringLiteral("retry");
    running.startedAt = QDateTime::currentDateTimeUtc().addSecs(-20); // between the two stored ones
    running.peerAddress = QStringLiteral("console");
    model.setRunning({running});
    QCOMPARE(model.rowCount(), 3);
    const int row = model.rowOf(running.executionId);
    QCOMPARE(row, 1);
    QCOMPARE(model.index(row, HistoryModel::Status).data().toString(), QStringLiteral("In progress"));
    QCOMPARE(model.index(row, HistoryModel::FlowName).data().toString(), QStringLiteral("Alpha"));
    QCOMPARE(model.index(row, HistoryModel::Kind).data().toString(), QStringLiteral("Retry"));
    QVERIFY(!model.index(row, HistoryModel::HttpStatus).data().isValid());
    QCOMPARE(model.recordAt(row).durationUs, 20'000'000);

    // Only while the filter allows: another flow, another status or a text search hide it.
    HistoryFilter filter;
    filter.flowId = QStringLiteral("beta");
    QVERIFY(loaded(model, [&] { model.setFilter(filter); }));
    QCOMPARE(model.rowOf(running.executionId), -1);
    filter.flowId.clear();
    filter.status = ExecutionStatus::InProgress;
    QVERIFY(loaded(model, [&] { model.setFilter(filter); }));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowOf(running.executionId), 0);
    filter.status.reset();
    filter.text = QStringLiteral("x");
    QVERIFY(loaded(model, [&] { model.setFilter(filter); }));
    QCOMPARE(model.rowOf(running.executionId), -1);

    // Once it ends and history has it, the stored row stands for it (read again at once).
    QVERIFY(loaded(model, [&] { model.setFilter({}); }));
    ExecutionRecord ended = makeRecord(QStringLiteral("alpha"), ExecutionStatus::Canceled, running.startedAt);
    ended.id = running.executionId;
    QVERIFY(m_store->record(ended).ok());
    QVERIFY(loaded(model, [&] { model.setRunning({}); }));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(model.rowOf(running.executionId), HistoryModel::Status).data().toString(),
             QStringLiteral("Canceled"));
}

void TestHistoryModel::loadsAndClears()
{
    const ExecutionRecord alpha = add(QStringLiteral("alpha"), ExecutionStatus::Success, 30, "{\"a\": 1}");
    add(QStringLiteral("beta"), ExecutionStatus::Success, 20);
    add(QStringLiteral("beta"), ExecutionStatus::Success, 10);
    HistoryModel model(*m_store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(loaded(model, [&] { model.setFilter({}); }));

    std::optional<ExecutionRecord> full;
    model.loadExecution(alpha.id, [&](Result<ExecutionRecord> record) {
        QVERIFY(record.ok());
        full = *record;
    });
    QTRY_VERIFY(full.has_value());
    QCOMPARE(full->request.body, QByteArrayLiteral("{\"a\": 1}"));
    bool notFound = false;
    model.loadExecution(newExecutionId(), [&](Result<ExecutionRecord> record) {
        notFound = !record && record.error().type == ErrorType::NotFound;
    });
    QTRY_VERIFY(notFound);

    std::optional<int> removed;
    QSignalSpy finished(&model, &HistoryModel::loadFinished);
    model.clearHistory(QStringLiteral("beta"),
                       [&](Result<int> count) { removed = count.ok() ? *count : -1; });
    QTRY_COMPARE(removed, std::optional<int>(2));
    QTRY_VERIFY(!finished.isEmpty());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowOf(alpha.id), 0);
}

void TestHistoryModel::traceTreeNestsBlocks()
{
    TraceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // "if" is a block card: "inner" and "deeper" ran inside it, "after" after it.
    const Trace trace{entry(QStringLiteral("first"), 0), entry(QStringLiteral("if"), 0),
                      entry(QStringLiteral("inner"), 1), entry(QStringLiteral("deeper"), 2),
                      entry(QStringLiteral("after"), 0)};
    model.setTrace(trace, ExecutionStatus::Success);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.cardCount(), 5);
    const QModelIndex block = model.index(1, 0);
    QCOMPARE(block.data().toString(), QStringLiteral("if"));
    QCOMPARE(model.rowCount(block), 3); // inputs, outputs, inner
    QCOMPARE(model.index(0, 0, block).data().toString(), QStringLiteral("Inputs"));
    QCOMPARE(model.index(1, 0, block).data().toString(), QStringLiteral("Outputs"));
    QCOMPARE(model.index(0, TraceModel::Function, block).data().toString(),
             QStringLiteral("{\"in\":\"if\"}"));
    QCOMPARE(model.index(1, 0, block).data(TraceModel::JsonRole).toJsonObject(),
             QJsonObject({{QStringLiteral("out"), QStringLiteral("if")}}));
    const QModelIndex inner = model.index(2, 0, block);
    QCOMPARE(inner.data().toString(), QStringLiteral("inner"));
    QCOMPARE(model.parent(inner), block);
    QCOMPARE(model.index(2, 0, inner).data().toString(), QStringLiteral("deeper"));
    QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("after"));
    QCOMPARE(model.index(0, TraceModel::Duration).data().toString(), QStringLiteral("42 µs"));
    QVERIFY(!model.failingIndex().isValid());
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestHistoryModel::failingCard_data()
{
    QTest::addColumn<Trace>("trace");
    QTest::addColumn<ExecutionStatus>("status");
    QTest::addColumn<QString>("failing"); // card id, empty: none

    const Error boom{ErrorType::InvalidInput, QStringLiteral("boom")};
    QTest::addRow("card error") << Trace{entry(QStringLiteral("a"), 0), entry(QStringLiteral("b"), 0, boom)}
                                << ExecutionStatus::Failed << QStringLiteral("b");
    QTest::addRow("error in a block")
        << Trace{entry(QStringLiteral("if"), 0), entry(QStringLiteral("in"), 1, boom)}
        << ExecutionStatus::Failed << QStringLiteral("in");
    QTest::addRow("return error") << Trace{entry(QStringLiteral("a"), 0), entry(QStringLiteral("refuse"), 0)}
                                  << ExecutionStatus::Failed << QStringLiteral("refuse");
    QTest::addRow("handled error, success")
        << Trace{entry(QStringLiteral("try"), 0), entry(QStringLiteral("in"), 1, boom)}
        << ExecutionStatus::Success << QString();
    QTest::addRow("timed out between cards")
        << Trace{entry(QStringLiteral("a"), 0)} << ExecutionStatus::TimedOut << QString();
    QTest::addRow("failed before any card") << Trace{} << ExecutionStatus::Failed << QString();
}

void TestHistoryModel::failingCard()
{
    QFETCH(Trace, trace);
    QFETCH(ExecutionStatus, status);
    QFETCH(QString, failing);
    TraceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTrace(trace, status);
    const QModelIndex index = model.failingIndex();
    if (failing.isEmpty()) {
        QVERIFY(!index.isValid());
        return;
    }
    QVERIFY(index.isValid());
    QCOMPARE(index.data().toString(), failing);
    QVERIFY(index.data(TraceModel::FailingRole).toBool());
    QCOMPARE(index.data(Qt::ForegroundRole).value<QBrush>().color(),
             HistoryModel::statusColor(ExecutionStatus::Failed));
    QVERIFY(index.data(Qt::FontRole).value<QFont>().bold());
}

QTEST_MAIN(TestHistoryModel)
#include "tst_historymodel.moc"
