// WaitScope: a thread that waits tells the pool it runs on, which starts another thread meanwhile.

#include "WaitScope.h"

#include <QSemaphore>
#include <QTest>
#include <QThreadPool>
#include <atomic>
#include <optional>
#include <thread>

using namespace wf;

namespace {

struct CountingHook {
    std::atomic<int> begun{0};
    std::atomic<int> ended{0};
    WaitHook hook{[](void *self) { ++static_cast<CountingHook *>(self)->begun; },
                  [](void *self) { ++static_cast<CountingHook *>(self)->ended; }, this};
};

} // namespace

class TestWaitScope final : public QObject {
    Q_OBJECT

private slots:
    void outermostScopeBeginsAndEnds();
    void withoutHookDoesNothing();
    void hookIsPerThread();
    void endsTheHookItBegan();
    void poolStartsAnotherThreadWhileOneWaits();
};

void TestWaitScope::outermostScopeBeginsAndEnds()
{
    CountingHook counting;
    setThreadWaitHook(&counting.hook);
    {
        const WaitScope outer;
        QCOMPARE(counting.begun.load(), 1);
        {
            const WaitScope inner; // already waiting: nothing more to tell
            QCOMPARE(counting.begun.load(), 1);
        }
        QCOMPARE(counting.ended.load(), 0);
    }
    QCOMPARE(counting.ended.load(), 1);
    {
        const WaitScope again;
    }
    QCOMPARE(counting.begun.load(), 2);
    QCOMPARE(counting.ended.load(), 2);
    setThreadWaitHook(nullptr);
}

void TestWaitScope::withoutHookDoesNothing()
{
    CountingHook counting;
    setThreadWaitHook(&counting.hook);
    setThreadWaitHook(nullptr);
    {
        const WaitScope waiting;
    }
    QCOMPARE(counting.begun.load(), 0);
    QCOMPARE(counting.ended.load(), 0);
}

void TestWaitScope::hookIsPerThread()
{
    CountingHook counting;
    setThreadWaitHook(&counting.hook);
    std::thread other([] { const WaitScope waiting; });
    other.join();
    QCOMPARE(counting.begun.load(), 0); // the other thread has no hook
    setThreadWaitHook(nullptr);
}

void TestWaitScope::endsTheHookItBegan()
{
    CountingHook first;
    CountingHook second;
    setThreadWaitHook(&first.hook);
    {
        const WaitScope waiting;
        setThreadWaitHook(&second.hook);
    }
    QCOMPARE(first.begun.load(), 1);
    QCOMPARE(first.ended.load(), 1);
    QCOMPARE(second.ended.load(), 0);
    setThreadWaitHook(nullptr);
}

// A pool of one thread: a task that waits for another task without a scope holds the only thread,
// so the other one does not start; inside a scope it does, and the pool is back to one thread after.
void TestWaitScope::poolStartsAnotherThreadWhileOneWaits()
{
    QThreadPool pool;
    pool.setMaxThreadCount(1);
    const WaitHook hook = threadPoolWaitHook(&pool);
    QSemaphore ran;
    std::atomic<bool> sawOther{false};
    const auto waitForOther = [&](bool inScope) {
        return [&, inScope] {
            setThreadWaitHook(&hook);
            std::optional<WaitScope> waiting;
            if (inScope)
                waiting.emplace();
            sawOther = ran.tryAcquire(1, inScope ? 10000 : 300);
            waiting.reset();
            setThreadWaitHook(nullptr);
        };
    };
    pool.start(waitForOther(false));
    pool.start([&ran] { ran.release(); });
    QVERIFY(pool.waitForDone(10000));
    QVERIFY(!sawOther.load()); // the second task could only start once the first had given up
    ran.acquire();             // it did run then

    pool.start(waitForOther(true));
    pool.start([&ran] { ran.release(); });
    QVERIFY(pool.waitForDone(10000));
    QVERIFY(sawOther.load());
    QCOMPARE(pool.activeThreadCount(), 0);
}

QTEST_GUILESS_MAIN(TestWaitScope)
#include "tst_waitscope.moc"
