// Execution history: paused executions (saved, taken at most once, expired) and the threading model
// (per-thread readers, one group-committing writer). Schema, records and queries: tst_historystore.

#include "HistoryTestSupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSet>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

using namespace wf;
using namespace wf::historytest;

class TestHistoryConcurrency final : public QObject, private HistoryStoreFixture {
    Q_OBJECT

private slots:
    void init() { setUpFolder(); }
    void cleanup() { tearDownFolder(); }

    void savesTakesAndExpiresPaused();
    void recordsPausedExecutionAtomically();
    void takesPausedOnceFromEightThreads();

    void insertsConcurrentlyFromEightThreads();
    void groupCommitsWaitingWriters();
    void groupCommitWaitsForWritesInGroups();
    void recordThenAnswersOnceCommitted();
    void closeAnswersPendingRecords();
    void undoesFailedWriteAloneInBatch();
    void reusesNoStatementAcrossReopen();
    void closesReadConnectionsOfEndedThreads();
    void recoversWhenTheDatabaseServerReturns();
};

// --- paused executions --------------------------------------------------------------------------

void TestHistoryConcurrency::savesTakesAndExpiresPaused()
{
    HistoryStore store;
    VERIFY_OK(store.open(dbPath()));
    const QDateTime now = kBase;
    const QString id = newExecutionId();
    const QJsonObject continuation{{QStringLiteral("flowId"), QStringLiteral("flow-p")},
                                   {QStringLiteral("nextIndex"), 3},
                                   {QStringLiteral("text"), s("ünïcode ✓")}};
    VERIFY_OK(store.savePaused(id, QStringLiteral("flow-p"), continuation, now.addDays(30)));
    QCOMPARE(store.pausedExists(id, {}, now).value(), true);
    QCOMPARE(store.pausedExists(id, {}, now.addDays(31)).value(), false); // expired by then
    QCOMPARE(store.pausedExists(newExecutionId(), {}, now).value(), false);

    // Another flow's resume URL neither sees nor consumes it.
    QCOMPARE(store.pausedExists(id, QStringLiteral("flow-other"), now).value(), false);
    QCOMPARE(store.pausedExists(id, QStringLiteral("flow-p"), now).value(), true);
    const auto wrongFlow = store.takePaused(id, QStringLiteral("flow-other"), now);
    QVERIFY(!wrongFlow.ok());
    QCOMPARE(wrongFlow.error().type, ErrorType::NotFound);

    const auto taken = store.takePaused(id, QStringLiteral("flow-p"), now);
    VERIFY_OK(taken);
    QCOMPARE(taken->executionId, id);
    QCOMPARE(taken->flowId, QStringLiteral("flow-p"));
    QCOMPARE(taken->continuation, continuation);
    QCOMPARE(taken->expiresAt, now.addDays(30));
    QVERIFY(taken->createdAt.isValid());
    QCOMPARE(store.pausedExists(id, {}, now).value(), false);
    const auto again = store.takePaused(id, {}, now);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().type, ErrorType::NotFound);

    // An expired one cannot be taken, and taking it removes it.
    const QString expired = newExecutionId();
    VERIFY_OK(store.savePaused(expired, QStringLiteral("flow-p"), continuation, now.addSecs(-1)));
    const auto late = store.takePaused(expired, {}, now);
    QVERIFY(!late.ok());
    QCOMPARE(late.error().type, ErrorType::NotFound);
    QVERIFY(late.error().message.contains(QLatin1String("expired")));
    {
        RawDb raw(dbPath());
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM paused_executions")).toInt(), 0);
    }

    VERIFY_OK(store.savePaused(newExecutionId(), QStringLiteral("p"), {}, now.addSecs(-10)));
    VERIFY_OK(store.savePaused(newExecutionId(), QStringLiteral("p"), {}, now));
    const QString alive = newExecutionId();
    VERIFY_OK(store.savePaused(alive, QStringLiteral("p"), {}, now.addSecs(10)));
    QCOMPARE(store.prunePaused(now).value(), 2);
    QCOMPARE(store.pausedExists(alive, {}, now).value(), true);

    QVERIFY(!store.savePaused(QString(), QStringLiteral("p"), {}, now).ok());
    QVERIFY(!store.savePaused(alive, QStringLiteral("p"), {}, QDateTime()).ok());
}

void TestHistoryConcurrency::recordsPausedExecutionAtomically()
{
    HistoryStore store;
    VERIFY_OK(store.open(dbPath()));
    const ExecutionRecord r = makeRecord(QStringLiteral("flow-p"), kBase, ExecutionStatus::Paused);
    VERIFY_OK(store.recordPaused(r, QJsonObject{{QStringLiteral("nextIndex"), 1}}, kBase.addDays(30)));
    QCOMPARE(store.statistics().transactions, 1u); // both rows in one transaction
    QCOMPARE(store.get(r.id).value().status, ExecutionStatus::Paused);
    QCOMPARE(store.takePaused(r.id, r.flowId, kBase).value().flowId, QStringLiteral("flow-p"));

    // Nothing of a refused paused execution is written.
    const ExecutionRecord refused = makeRecord(QStringLiteral("flow-p"), kBase, ExecutionStatus::Paused);
    QVERIFY(!store.recordPaused(refused, {}, QDateTime()).ok());
    QVERIFY(!store.get(refused.id).ok());
}

void TestHistoryConcurrency::takesPausedOnceFromEightThreads()
{
    HistoryStore store;
    VERIFY_OK(store.open(dbPath()));
    constexpr int kPaused = 64;
    constexpr int kThreads = 8;
    QStringList pausedIds;
    for (int i = 0; i < kPaused; ++i) {
        pausedIds.append(newExecutionId());
        VERIFY_OK(store.savePaused(pausedIds.last(), QStringLiteral("flow-p"),
                                   QJsonObject{{QStringLiteral("i"), i}}, kBase.addDays(30)));
    }
    std::vector<std::atomic<int>> wins(kPaused);
    std::atomic<int> otherErrors{0};
    std::atomic<int> wrongPayload{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int k = 0; k < kPaused; ++k) {
                const int i = (k + t * 7) % kPaused; // threads meet on every id in different orders
                const auto taken = store.takePaused(pausedIds.at(i), QStringLiteral("flow-p"), kBase);
                if (taken.ok()) {
                    wins[i].fetch_add(1);
                    if (taken->continuation.value(QLatin1String("i")).toInt() != i)
                        wrongPayload.fetch_add(1);
                } else if (taken.error().type != ErrorType::NotFound) {
                    otherErrors.fetch_add(1);
                }
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(otherErrors.load(), 0);
    QCOMPARE(wrongPayload.load(), 0);
    for (int i = 0; i < kPaused; ++i)
        QCOMPARE(wins[i].load(), 1);
}

// --- threading ----------------------------------------------------------------------------------

void TestHistoryConcurrency::insertsConcurrentlyFromEightThreads()
{
    HistoryStore store;
    VERIFY_OK(store.open(dbPath()));
    constexpr int kThreads = 8;
    constexpr int kPerThread = 250;
    std::vector<QStringList> written(kThreads);
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kPerThread; ++i) {
                ExecutionRecord r = makeRecord(QStringLiteral("flow-%1").arg(t), kBase.addMSecs(i));
                r.request.body = QByteArray::number(t) + ':' + QByteArray::number(i);
                if (store.record(r).ok())
                    written[t].append(r.id);
                else
                    failures.fetch_add(1);
                if (i % 50 == 0 && !store.count().ok()) // readers run alongside
                    failures.fetch_add(1);
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(failures.load(), 0);

    constexpr int kTotal = kThreads * kPerThread;
    QCOMPARE(store.count().value(), kTotal);
    HistoryFilter everything;
    everything.limit = -1;
    const auto all = store.list(everything);
    VERIFY_OK(all);
    QSet<QString> stored;
    for (const ExecutionRecord &r : *all)
        stored.insert(r.id);
    QCOMPARE(stored.size(), kTotal); // ids unique
    QSet<QString> expected;
    for (const QStringList &list : written)
        for (const QString &id : list)
            expected.insert(id);
    QCOMPARE(stored, expected);

    const HistoryStore::Statistics stats = store.statistics();
    qInfo("%d records committed in %llu transactions (largest batch %llu)", kTotal, stats.transactions,
          stats.largestBatch);
    QCOMPARE(stats.writes, quint64(kTotal));
    QVERIFY(stats.transactions < quint64(kTotal)); // group commit happened
    QVERIFY(stats.largestBatch > 1);
}

void TestHistoryConcurrency::groupCommitsWaitingWriters()
{
    // Another connection holds the write lock, so the writer's first transaction waits; the writes
    // that arrive meanwhile must all go into the next transaction, not one transaction each.
    HistoryStore store;
    std::optional<RawDb> blocker;
    QVERIFY(openBehindLock(store, blocker));

    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    auto writeOne = [&store, &failures] {
        if (!store.record(makeRecord(QStringLiteral("f"), kBase)).ok())
            failures.fetch_add(1);
    };
    threads.emplace_back(writeOne);
    QTRY_COMPARE(store.statistics().writing, 1u); // the writer waits for the lock with this one
    for (int i = 0; i < 7; ++i)
        threads.emplace_back(writeOne);
    QTRY_COMPARE(store.statistics().queued, 7u);
    QCOMPARE(store.statistics().transactions, 0u);

    QVERIFY(blocker->exec(QStringLiteral("ROLLBACK")));
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(failures.load(), 0);
    const HistoryStore::Statistics stats = store.statistics();
    QCOMPARE(stats.writes, 8u);
    QCOMPARE(stats.transactions, 2u);
    QCOMPARE(stats.largestBatch, 7u);
    QCOMPARE(stats.queued, 0u);
    QCOMPARE(stats.writing, 0u);
    QCOMPARE(store.count().value(), 8);
}

// Once writes come in groups, the writer waits (up to groupDelayUs) for groupWrites of them before it
// commits; a lone write is committed at once, and close() does not wait out the delay.
void TestHistoryConcurrency::groupCommitWaitsForWritesInGroups()
{
    HistoryStoreOptions options;
    options.busyTimeoutMs = 60000;
    options.groupDelayUs = 60 * 1000 * 1000;
    options.groupWrites = 4;
    HistoryStore store;
    VERIFY_OK(store.open(dbPath(), options));
    QElapsedTimer lone;
    lone.start();
    VERIFY_OK(store.record(makeRecord(QStringLiteral("f"), kBase)));
    QVERIFY2(lone.elapsed() < 30000, QByteArray::number(lone.elapsed()).constData());

    std::atomic<int> committed{0};
    const auto recordLater = [&] {
        store.recordThen(makeRecord(QStringLiteral("f"), kBase), [&committed](Result<bool> written) {
            if (written.ok())
                committed.fetch_add(1);
        });
    };
    // Two writes arrive while the writer waits for a lock: the next transaction carries both.
    RawDb blocker(dbPath());
    QVERIFY(execAll(blocker, lockAllWrites()));
    recordLater();
    QTRY_COMPARE(store.statistics().writing, 1u);
    recordLater();
    recordLater();
    QTRY_COMPARE(store.statistics().queued, 2u);
    QVERIFY(blocker.exec(QStringLiteral("ROLLBACK")));
    QTRY_COMPARE(committed.load(), 3);
    QCOMPARE(store.statistics().transactions, 3u);

    // Writes in groups now: three wait for a fourth, which commits the four together at once.
    for (int i = 0; i < 3; ++i) {
        recordLater();
        QTest::qWait(50);
    }
    QCOMPARE(committed.load(), 3);
    QCOMPARE(store.statistics().queued, 3u);
    recordLater();
    QTRY_COMPARE(committed.load(), 7);
    QCOMPARE(store.statistics().transactions, 4u);
    QCOMPARE(store.statistics().largestBatch, 4u);

    // The last transaction had four: a lone write waits, but close() commits it without delay.
    recordLater();
    QTest::qWait(50);
    QCOMPARE(committed.load(), 7);
    QElapsedTimer closing;
    closing.start();
    store.close();
    QVERIFY2(closing.elapsed() < 30000, QByteArray::number(closing.elapsed()).constData());
    QCOMPARE(committed.load(), 8);
}

// recordThen does not wait: its callback comes once the record is committed (another connection
// reads it then), in the same group commits as the writes callers wait for.
void TestHistoryConcurrency::recordThenAnswersOnceCommitted()
{
    HistoryStore store;
    std::optional<RawDb> blocker;
    QVERIFY(openBehindLock(store, blocker));

    std::mutex mutex;
    QStringList committed; // ids whose callback saw them in history
    QStringList failed;
    const auto recordLater = [&] {
        ExecutionRecord record = makeRecord(QStringLiteral("f"), kBase);
        const QString id = record.id;
        store.recordThen(std::move(record), [&, id](Result<bool> written) {
            const bool visible = written.ok() && store.get(id).ok();
            std::lock_guard lock(mutex);
            (visible ? committed : failed).append(id);
        });
    };
    recordLater();
    QTRY_COMPARE(store.statistics().writing, 1u); // the writer waits for the lock with this one
    for (int i = 0; i < 5; ++i)
        recordLater();
    std::thread waiting([&store] { QVERIFY(store.record(makeRecord(QStringLiteral("f"), kBase)).ok()); });
    QTRY_COMPARE(store.statistics().queued, 6u);
    {
        std::lock_guard lock(mutex);
        QVERIFY(committed.isEmpty() && failed.isEmpty()); // nothing answered before its commit
    }
    QVERIFY(blocker->exec(QStringLiteral("ROLLBACK")));
    waiting.join();
    QTRY_COMPARE_WITH_TIMEOUT(
        [&] {
            std::lock_guard lock(mutex);
            return committed.size() + failed.size();
        }(),
        6, 10000);
    QCOMPARE(failed, QStringList());
    QCOMPARE(store.count().value(), 7);
    QCOMPARE(store.statistics().transactions, 2u); // the first alone, then the other six together

    store.close();
    bool refused = false;
    store.recordThen(makeRecord(QStringLiteral("f"), kBase), [&refused](Result<bool> written) {
        refused = !written.ok() && written.error().message.contains(QStringLiteral("not open"));
    });
    QVERIFY(refused); // at once, on the caller's thread
}

// close() commits what was queued and answers every pending callback before it returns.
void TestHistoryConcurrency::closeAnswersPendingRecords()
{
    HistoryStore store;
    VERIFY_OK(store.open(dbPath()));
    std::atomic<int> answered{0};
    constexpr int kRecords = 300;
    for (int i = 0; i < kRecords; ++i)
        store.recordThen(makeRecord(QStringLiteral("f"), kBase), [&answered](Result<bool> written) {
            if (written.ok())
                answered.fetch_add(1);
        });
    store.close();
    QCOMPARE(answered.load(), kRecords);
    VERIFY_OK(store.open(dbPath()));
    QCOMPARE(store.count().value(), kRecords);
}

void TestHistoryConcurrency::undoesFailedWriteAloneInBatch()
{
    // Triggers make some writes fail inside the database. Each must be undone alone, whether it shares its
    // transaction with others or runs alone, and the writer's prepared statements go on working (they
    // were prepared before the triggers changed the schema).
    HistoryStoreOptions options;
    options.busyTimeoutMs = 60000;
    HistoryStore store;
    VERIFY_OK(store.open(dbPath(), options));
    VERIFY_OK(store.recordPaused(makeRecord(QStringLiteral("p"), kBase, ExecutionStatus::Paused), {},
                                 kBase.addDays(1)));
    // Executions of flow "refused" fail at once; paused executions of flow "half" fail after their
    // execution row was written.
    RawDb raw(dbPath());
    QVERIFY(execAll(raw, refuseInserts(QStringLiteral("executions"), QStringLiteral("refused"))));
    QVERIFY(execAll(raw, refuseInserts(QStringLiteral("paused_executions"), QStringLiteral("half"))));
    const QString refused = QStringLiteral("refused");

    // Alone in its transaction: a paused execution whose second row fails leaves neither row.
    const ExecutionRecord alone = makeRecord(QStringLiteral("half"), kBase, ExecutionStatus::Paused);
    const auto aloneWritten = store.recordPaused(alone, {}, kBase.addDays(1));
    QVERIFY(!aloneWritten.ok());
    QVERIFY2(aloneWritten.error().message.contains(QLatin1String("refused by the test")),
             qPrintable(aloneWritten.error().message));
    QVERIFY(!store.get(alone.id).ok());
    QVERIFY(!store.pausedExists(alone.id, {}, kBase).value());
    QVERIFY(!store.record(makeRecord(refused, kBase)).ok());
    QCOMPARE(store.count().value(), 1);

    // In the middle of one transaction: the first write waits for the lock another connection holds
    // while the others queue behind it, in this order, and then all go into one transaction.
    struct Write {
        ExecutionRecord record;
        bool paused = false;
        bool expectOk = true;
    };
    std::vector<Write> writes = {
        {makeRecord(QStringLiteral("f"), kBase), false, true},
        {makeRecord(QStringLiteral("f"), kBase), false, true},
        {makeRecord(refused, kBase), false, false},
        {makeRecord(QStringLiteral("p"), kBase, ExecutionStatus::Paused), true, true},
        {makeRecord(QStringLiteral("f"), kBase, ExecutionStatus::Paused), true, true},
        {makeRecord(QStringLiteral("f"), kBase), false, true},
    };
    writes[4].record.flowId = QStringLiteral("half"); // its second row fails
    writes[4].expectOk = false;
    QVERIFY(execAll(raw, lockAllWrites()));
    std::vector<char> ok(writes.size(), 0);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < writes.size(); ++i) {
        threads.emplace_back([&store, &writes, &ok, i] {
            const Write &w = writes[i];
            ok[i] = w.paused ? store.recordPaused(w.record, {}, kBase.addDays(1)).ok()
                             : store.record(w.record).ok();
        });
        if (i == 0)
            QTRY_COMPARE(store.statistics().writing, 1u);
        else
            QTRY_COMPARE(store.statistics().queued, quint64(i));
    }
    QVERIFY(raw.exec(QStringLiteral("ROLLBACK")));
    for (std::thread &thread : threads)
        thread.join();
    for (std::size_t i = 0; i < writes.size(); ++i) {
        QCOMPARE(bool(ok[i]), writes[i].expectOk);
        QCOMPARE(store.get(writes[i].record.id).ok(), writes[i].expectOk);
        if (writes[i].paused)
            QCOMPARE(store.pausedExists(writes[i].record.id, {}, kBase).value(), writes[i].expectOk);
    }
    QCOMPARE(store.statistics().largestBatch, 5u);
    QCOMPARE(store.statistics().writes, 5u); // the first paused one, and four of the six
    QCOMPARE(store.count().value(), 5);

    // The statements that failed are prepared again.
    VERIFY_OK(store.record(makeRecord(QStringLiteral("f"), kBase)));
    VERIFY_OK(store.recordPaused(makeRecord(QStringLiteral("p"), kBase, ExecutionStatus::Paused), {},
                                 kBase.addDays(1)));
    QCOMPARE(store.count().value(), 7);
}

void TestHistoryConcurrency::reusesNoStatementAcrossReopen()
{
    // The writer's statements belong to its connection: a store closed and opened on another file
    // writes there, and only there.
    SKIP_ON_POSTGRES("a second database to switch to");
    const QString otherPath = m_dir->filePath(QStringLiteral("other.db"));
    const ExecutionRecord first = makeRecord(QStringLiteral("f"), kBase, ExecutionStatus::Paused);
    const ExecutionRecord second = makeRecord(QStringLiteral("f"), kBase, ExecutionStatus::Paused);
    HistoryStore store;
    VERIFY_OK(store.open(dbPath()));
    VERIFY_OK(store.recordPaused(first, {}, kBase.addDays(1)));
    store.close();
    VERIFY_OK(store.open(otherPath));
    VERIFY_OK(store.recordPaused(second, {}, kBase.addDays(1)));
    VERIFY_OK(store.record(second));
    QCOMPARE(store.count().value(), 1);
    QVERIFY(!store.get(first.id).ok());
    QVERIFY(store.pausedExists(second.id, {}, kBase).value());
    store.close();
    VERIFY_OK(store.open(dbPath()));
    QCOMPARE(store.count().value(), 1);
    VERIFY_OK(store.get(first.id));
    QVERIFY(!store.get(second.id).ok());
    VERIFY_OK(store.takePaused(first.id, first.flowId, kBase));
    VERIFY_OK(store.record(second));
    QCOMPARE(store.count().value(), 2);
    QCOMPARE(store.statistics().transactions, 2u); // counted from this opening
}

void TestHistoryConcurrency::closesReadConnectionsOfEndedThreads()
{
    HistoryStore store;
    VERIFY_OK(store.open(dbPath()));
    const ExecutionRecord r = makeRecord(QStringLiteral("f"), kBase);
    VERIFY_OK(store.record(r));
    QCOMPARE(historyConnectionCount(), 1); // the writer's
    VERIFY_OK(store.get(r.id));
    QCOMPARE(historyConnectionCount(), 2); // and this thread's reader, kept for the next read
    VERIFY_OK(store.get(r.id));
    QCOMPARE(historyConnectionCount(), 2);

    std::atomic<int> duringThread{0};
    std::atomic<bool> readOk{false};
    std::thread reader([&] {
        const auto got = store.get(r.id);
        readOk = got.ok() && got->id == r.id;
        duringThread = historyConnectionCount();
    });
    reader.join();
    QVERIFY(readOk.load());
    QCOMPARE(duringThread.load(), 3);
    QCOMPARE(historyConnectionCount(), 2); // the thread's reader went with it

    // A thread that outlives the store: closing removes its reader.
    std::mutex mutex;
    std::condition_variable changed;
    int stage = 0;
    std::thread lingering([&] {
        readOk = store.get(r.id).ok();
        std::unique_lock lock(mutex);
        stage = 1;
        changed.notify_all();
        changed.wait(lock, [&] { return stage == 2; });
    });
    {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return stage == 1; });
    }
    QVERIFY(readOk.load());
    QCOMPARE(historyConnectionCount(), 3);
    store.close();
    QCOMPARE(historyConnectionCount(), 0);
    {
        std::lock_guard lock(mutex);
        stage = 2;
    }
    changed.notify_all();
    lingering.join();
    QCOMPARE(historyConnectionCount(), 0);
}

// A database server that stops and starts again (PostgreSQL): calls meanwhile fail at once saying so,
// and the store goes on by itself when it is back, also when it restarted between two calls.
void TestHistoryConcurrency::recoversWhenTheDatabaseServerReturns()
{
    if (!kPostgres)
        QSKIP("PostgreSQL only: a database server that stops and starts");
    const QString control = qEnvironmentVariable("WF_TEST_DATABASE_CTL");
    if (control.isEmpty())
        QSKIP("WF_TEST_DATABASE_CTL is not set: cannot stop and start the database server");
    auto databaseServer = [&control](const char *action) {
        QProcess process;
        process.start(control, {QString::fromLatin1(action)});
        return process.waitForFinished(60000) && process.exitCode() == 0;
    };
    HistoryStore store;
    VERIFY_OK(store.open(dbPath()));
    const ExecutionRecord first = makeRecord(QStringLiteral("f"), kBase);
    VERIFY_OK(store.record(first));
    VERIFY_OK(store.get(first.id)); // this thread's connection, open from now on

    QVERIFY(databaseServer("stop"));
    QElapsedTimer elapsed;
    elapsed.start();
    const auto written = store.record(makeRecord(QStringLiteral("f"), kBase));
    QVERIFY(!written.ok());
    QVERIFY2(written.error().message.contains(QLatin1String("unavailable")),
             qPrintable(written.error().message));
    const auto read = store.get(first.id);
    QVERIFY(!read.ok());
    QVERIFY2(read.error().message.contains(QLatin1String("unavailable")), qPrintable(read.error().message));
    QVERIFY(!store.rememberJti(QStringLiteral("c\nj"), 100, 1).ok());
    QVERIFY2(elapsed.elapsed() < 5000, "an unavailable database fails calls at once");

    QVERIFY(databaseServer("start"));
    VERIFY_OK(store.record(makeRecord(QStringLiteral("f"), kBase)));
    VERIFY_OK(store.get(first.id));
    QCOMPARE(store.rememberJti(QStringLiteral("c\nj"), 100, 1).value(), true);

    // Restarted while nothing was asked: the next calls do not notice.
    QVERIFY(databaseServer("stop"));
    QVERIFY(databaseServer("start"));
    VERIFY_OK(store.record(makeRecord(QStringLiteral("f"), kBase)));
    VERIFY_OK(store.get(first.id));
    QCOMPARE(store.count().value(), 3);
    QCOMPARE(store.rememberJti(QStringLiteral("c\nj"), 100, 1).value(), false);
}

QTEST_GUILESS_MAIN(TestHistoryConcurrency)
#include "tst_historyconcurrency.moc"
