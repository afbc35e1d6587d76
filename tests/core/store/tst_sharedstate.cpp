// What servers on one database share besides history: the jti replay cache and the rate-limit
// buckets, seen through two stores opened on the same database as two servers would (PostgreSQL
// when built with WF_HISTORY_POSTGRESQL, else one SQLite file opened twice).

#include "HistoryTestSupport.h"

#include <atomic>
#include <cmath>
#include <thread>
#include <vector>

using namespace wf;
using namespace wf::historytest;

class TestSharedState final : public QObject, private HistoryStoreFixture {
    Q_OBJECT

private slots:
    void init() { setUpFolder(); }
    void cleanup() { tearDownFolder(); }

    void jtiSeenThroughOneIsRefusedThroughTheOther();
    void jtiRaceAcrossStoresHasOneWinner();
    void rateLimitHoldsAcrossStores_data();
    void rateLimitHoldsAcrossStores();
    void rateLimitRaceAcrossStoresGivesCapacity();
    void prunesExpiredJtisAndIdleBuckets();
    void refusesInvalidArguments();

private:
    // Two stores on one database, as two servers have.
    bool openTwo(HistoryStore &a, HistoryStore &b) { return a.open(dbPath()).ok() && b.open(dbPath()).ok(); }
};

constexpr qint64 kNow = 1'700'000'000; // seconds
constexpr qint64 kNowUs = kNow * 1000 * 1000;

void TestSharedState::jtiSeenThroughOneIsRefusedThroughTheOther()
{
    HistoryStore a;
    HistoryStore b;
    QVERIFY(openTwo(a, b));
    const QString key = QStringLiteral("client-1\njti-1");
    QCOMPARE(a.rememberJti(key, kNow + 60, kNow).value(), true);
    QCOMPARE(b.rememberJti(key, kNow + 60, kNow).value(), false);
    QCOMPARE(a.rememberJti(key, kNow + 60, kNow + 59).value(), false);
    // Another client's jti of the same text is another key.
    QCOMPARE(b.rememberJti(QStringLiteral("client-2\njti-1"), kNow + 60, kNow).value(), true);
    // Once expired, the jti is single-use again (a new assertion may carry it).
    QCOMPARE(b.rememberJti(key, kNow + 200, kNow + 60).value(), true);
    QCOMPARE(a.rememberJti(key, kNow + 200, kNow + 61).value(), false);
}

void TestSharedState::jtiRaceAcrossStoresHasOneWinner()
{
    HistoryStore a;
    HistoryStore b;
    QVERIFY(openTwo(a, b));
    constexpr int kJtis = 40;
    constexpr int kThreads = 6;
    std::vector<std::atomic<int>> wins(kJtis);
    std::atomic<int> errors{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            HistoryStore &store = t % 2 ? a : b;
            for (int k = 0; k < kJtis; ++k) {
                const int i = (k + t * 7) % kJtis;
                const auto fresh = store.rememberJti(QStringLiteral("c\nj%1").arg(i), kNow + 60, kNow);
                if (!fresh.ok())
                    errors.fetch_add(1);
                else if (*fresh)
                    wins[i].fetch_add(1);
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(errors.load(), 0);
    for (int i = 0; i < kJtis; ++i)
        QCOMPARE(wins[i].load(), 1);
}

void TestSharedState::rateLimitHoldsAcrossStores_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<int>("burst");
    QTest::addRow("5 a second") << 5.0 << 5;
    QTest::addRow("1 a second") << 1.0 << 1;
    QTest::addRow("half a second: bursts of 1") << 0.5 << 1;
}

void TestSharedState::rateLimitHoldsAcrossStores()
{
    QFETCH(double, rate);
    QFETCH(int, burst);
    HistoryStore a;
    HistoryStore b;
    QVERIFY(openTwo(a, b));
    const QString key = QStringLiteral("flow-limited");
    // The burst is shared: alternating between the stores takes it once.
    int taken = 0;
    for (int i = 0; i < 2 * burst + 2; ++i) {
        const auto token = (i % 2 ? a : b).takeRateToken(key, rate, kNowUs);
        VERIFY_OK(token);
        if (!token->has_value())
            ++taken;
        else
            QCOMPARE(token->value(), int(std::ceil(1.0 / rate)));
    }
    QCOMPARE(taken, burst);
    // Another key has its own bucket.
    QVERIFY(!a.takeRateToken(QStringLiteral("flow-other"), rate, kNowUs).value().has_value());
    // One token comes back after 1/rate seconds, through either store.
    const qint64 later = kNowUs + qint64(1e6 / rate) + 1;
    QVERIFY(!b.takeRateToken(key, rate, later).value().has_value());
    QVERIFY(a.takeRateToken(key, rate, later).value().has_value());
    // A server whose clock is behind refills nothing, and takes nothing it should not.
    QVERIFY(b.takeRateToken(key, rate, kNowUs).value().has_value());
}

void TestSharedState::rateLimitRaceAcrossStoresGivesCapacity()
{
    HistoryStore a;
    HistoryStore b;
    QVERIFY(openTwo(a, b));
    constexpr int kThreads = 6;
    constexpr int kTries = 20;
    constexpr double kRate = 25;
    std::atomic<int> allowed{0};
    std::atomic<int> errors{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            HistoryStore &store = t % 2 ? a : b;
            for (int k = 0; k < kTries; ++k) {
                const auto token = store.takeRateToken(QStringLiteral("flow-hot"), kRate, kNowUs);
                if (!token.ok())
                    errors.fetch_add(1);
                else if (!token->has_value())
                    allowed.fetch_add(1);
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(errors.load(), 0);
    QCOMPARE(allowed.load(), int(kRate));
}

void TestSharedState::prunesExpiredJtisAndIdleBuckets()
{
    HistoryStore a;
    HistoryStore b;
    QVERIFY(openTwo(a, b));
    QVERIFY(a.rememberJti(QStringLiteral("c\nold"), kNow + 10, kNow).value());
    QVERIFY(a.rememberJti(QStringLiteral("c\nlive"), kNow + 1000, kNow).value());
    QVERIFY(!a.takeRateToken(QStringLiteral("idle"), 1, kNowUs - 3601LL * 1000 * 1000).value().has_value());
    QVERIFY(!a.takeRateToken(QStringLiteral("busy"), 1, kNowUs).value().has_value());
    QCOMPARE(b.pruneShared(kNow + 10).value(), 2); // "old" and "idle"
    QCOMPARE(b.pruneShared(kNow + 10).value(), 0);
    QCOMPARE(a.rememberJti(QStringLiteral("c\nlive"), kNow + 1000, kNow + 11).value(), false);
    QVERIFY(a.takeRateToken(QStringLiteral("busy"), 1, kNowUs).value().has_value());
}

void TestSharedState::refusesInvalidArguments()
{
    HistoryStore a;
    VERIFY_OK(a.open(dbPath()));
    QCOMPARE(a.rememberJti(QString(), kNow + 1, kNow).error().type, ErrorType::InvalidInput);
    QCOMPARE(a.takeRateToken(QStringLiteral("k"), 0, kNowUs).error().type, ErrorType::InvalidInput);
    QCOMPARE(a.takeRateToken(QString(), 1, kNowUs).error().type, ErrorType::InvalidInput);
    a.close();
    QVERIFY(!a.rememberJti(QStringLiteral("k"), kNow + 1, kNow).ok()); // closed
}

QTEST_GUILESS_MAIN(TestSharedState)
#include "tst_sharedstate.moc"
