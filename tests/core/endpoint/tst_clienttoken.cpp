// Client tokens (CSPRNG tokens, SHA-256 hashes, constant-time checks, log fingerprints) and the per-flow
// token-bucket rate limiter, driven by an injected clock.

#include "endpoint/ClientToken.h"
#include "endpoint/RateLimiter.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QThread>
#include <atomic>
#include <chrono>
#include <cmath>
#include <memory>
#include <vector>

using namespace wf;
using namespace std::chrono_literals;

namespace {

using TimePoint = RateLimiter::Clock::time_point;
using Outcome = RateLimiter::Outcome;

// A fixed instant, far from the epoch of the steady clock, so the tests never depend on the real time.
const TimePoint kT0 = TimePoint(std::chrono::hours(1000));

// The shortest whole-nanosecond wait after which one token has been refilled at `rate` per second.
std::chrono::nanoseconds oneTokenAt(double rate)
{
    return std::chrono::nanoseconds(static_cast<qint64>(std::ceil(1e9 / rate)));
}

bool isLowerHex(const QString &text, qsizetype length)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]*$"));
    return text.size() == length && pattern.match(text).hasMatch();
}

// How many of `attempts` acquisitions for `key` at `now` succeed.
int acquireCount(RateLimiter &limiter, const QString &key, int attempts, TimePoint now)
{
    int granted = 0;
    for (int i = 0; i < attempts; ++i) {
        int retryAfter = -1;
        if (limiter.tryAcquire(key, &retryAfter, now) == Outcome::Taken)
            ++granted;
    }
    return granted;
}

} // namespace

class TestClientToken final : public QObject {
    Q_OBJECT

private slots:
    // Tokens and hashes.
    void newTokenIsLowercaseHex();
    void newTokensAreDistinct();
    void hashVectors_data();
    void hashVectors();
    void hashOfTokenIsLowercaseHex();
    void matches_data();
    void matches();
    void matchesFreshTokens();
    void fingerprint();
    void fingerprintOfFreshTokens();

    // Rate limiter.
    void defaultRate();
    void refilledBucketsAreDropped();
    void burstThenRefused_data();
    void burstThenRefused();
    void refillAfterOneToken_data();
    void refillAfterOneToken();
    void refillNeverExceedsCapacity();
    void retryAfterCountsDown();
    void keysAreIndependent();
    void zeroRateIsUnlimited_data();
    void zeroRateIsUnlimited();
    void fractionalRate();
    void quarterRate();
    void setRateResetsBuckets();
    void setRateToZeroSwitchesOff();
    void clockGoingBackwardsGivesNothing();
    void nullRetryAfterIsAllowed();
    void sharedStoreDecides_data();
    void sharedStoreDecides();
    void sharedStoreDownRefusesEveryCall();
    void sharedStoreAskedOnlyWhenLimiting();
    void threadSafety_data();
    void threadSafety();
};

// --- tokens -----------------------------------------------------------------------------------------

void TestClientToken::newTokenIsLowercaseHex()
{
    for (int i = 0; i < 50; ++i) {
        const QString token = newClientToken();
        QVERIFY2(isLowerHex(token, 64), qPrintable(token));
    }
}

void TestClientToken::newTokensAreDistinct()
{
    QSet<QString> tokens;
    for (int i = 0; i < 1000; ++i)
        tokens.insert(newClientToken());
    QCOMPARE(tokens.size(), 1000);
}

void TestClientToken::hashVectors_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("hash");
    // FIPS 180-2 / NIST examples, plus the UTF-8 encoding of a non-ASCII character.
    QTest::newRow("abc") << QStringLiteral("abc")
                         << QStringLiteral(
                                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    QTest::newRow("empty") << QString()
                           << QStringLiteral(
                                  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::newRow("two blocks") << QStringLiteral("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                << QStringLiteral(
                                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    QTest::newRow("quick brown fox")
        << QStringLiteral("The quick brown fox jumps over the lazy dog")
        << QStringLiteral("d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592");
    QTest::newRow("utf-8") << QString(QChar(0x00e9))
                           << QStringLiteral(
                                  "4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
}

void TestClientToken::hashVectors()
{
    QFETCH(QString, token);
    QFETCH(QString, hash);
    QCOMPARE(clientTokenHash(token), hash);
}

void TestClientToken::hashOfTokenIsLowercaseHex()
{
    const QString token = newClientToken();
    const QString hash = clientTokenHash(token);
    QVERIFY2(isLowerHex(hash, 64), qPrintable(hash));
    QVERIFY(hash != token);
    QCOMPARE(clientTokenHash(token), hash); // deterministic
}

void TestClientToken::matches_data()
{
    QTest::addColumn<QString>("presented");
    QTest::addColumn<QString>("expectedHash");
    QTest::addColumn<bool>("matches");

    const QString abcHash =
        QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const QString emptyHash =
        QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QString lastCharFlipped = abcHash;
    lastCharFlipped[63] = QLatin1Char('c');
    QString firstCharFlipped = abcHash;
    firstCharFlipped[0] = QLatin1Char('c');

    QTest::newRow("right token") << QStringLiteral("abc") << abcHash << true;
    QTest::newRow("wrong token") << QStringLiteral("abd") << abcHash << false;
    QTest::newRow("token with a trailing space") << QStringLiteral("abc ") << abcHash << false;
    QTest::newRow("token in upper case") << QStringLiteral("ABC") << abcHash << false;
    QTest::newRow("the hash presented as the token") << abcHash << abcHash << false;
    QTest::newRow("last hash character differs") << QStringLiteral("abc") << lastCharFlipped << false;
    QTest::newRow("first hash character differs") << QStringLiteral("abc") << firstCharFlipped << false;
    QTest::newRow("empty expected hash") << QStringLiteral("abc") << QString() << false;
    QTest::newRow("empty token and empty hash") << QString() << QString() << false;
    QTest::newRow("empty token against the hash of nothing") << QString() << emptyHash << false;
    QTest::newRow("hash one character short") << QStringLiteral("abc") << abcHash.left(63) << false;
    QTest::newRow("hash one character long") << QStringLiteral("abc") << abcHash + QLatin1Char('0') << false;
    QTest::newRow("hash prefix only") << QStringLiteral("abc") << abcHash.left(8) << false;
    QTest::newRow("upper-case hash") << QStringLiteral("abc") << abcHash.toUpper() << false;
    QTest::newRow("hash with non-Latin-1 characters")
        << QStringLiteral("abc") << QString(64, QChar(0x4e00)) << false;
}

void TestClientToken::matches()
{
    QFETCH(QString, presented);
    QFETCH(QString, expectedHash);
    QFETCH(bool, matches);
    QCOMPARE(clientTokenMatches(presented, expectedHash), matches);
}

void TestClientToken::matchesFreshTokens()
{
    const QString token = newClientToken();
    const QString other = newClientToken();
    const QString hash = clientTokenHash(token);
    QVERIFY(clientTokenMatches(token, hash));
    QVERIFY(!clientTokenMatches(other, hash));
    QVERIFY(!clientTokenMatches(token, clientTokenHash(other)));
    QVERIFY(!clientTokenMatches(token.left(63), hash));
    QVERIFY(!clientTokenMatches(token.toUpper(), hash));
}

void TestClientToken::fingerprint()
{
    QCOMPARE(clientTokenFingerprint(QStringLiteral("abc")), QStringLiteral("ba7816bf"));
    QCOMPARE(clientTokenFingerprint(QString()), QStringLiteral("e3b0c442"));
}

void TestClientToken::fingerprintOfFreshTokens()
{
    for (int i = 0; i < 100; ++i) {
        const QString token = newClientToken();
        const QString fingerprint = clientTokenFingerprint(token);
        QVERIFY2(isLowerHex(fingerprint, 8), qPrintable(fingerprint));
        QVERIFY2(!token.startsWith(fingerprint), qPrintable(token + QLatin1Char(' ') + fingerprint));
        QVERIFY(!token.contains(fingerprint));
        QVERIFY(clientTokenHash(token).startsWith(fingerprint));
    }
}

// --- rate limiter -----------------------------------------------------------------------------------

void TestClientToken::defaultRate()
{
    RateLimiter limiter;
    QCOMPARE(limiter.rate(), 10.0);
    QCOMPARE(acquireCount(limiter, QStringLiteral("flow"), 20, kT0), 10);
}

void TestClientToken::refilledBucketsAreDropped()
{
    RateLimiter limiter(10);
    int seconds = 0;
    // Keys that were used once and have refilled since are dropped when the limiter grows large...
    for (int i = 0; i < RateLimiter::kSweepThreshold; ++i)
        QCOMPARE(limiter.tryAcquire(QStringLiteral("old-%1").arg(i), &seconds, kT0), Outcome::Taken);
    QCOMPARE(limiter.bucketCount(), RateLimiter::kSweepThreshold);
    // ... but a bucket still refilling is kept, and keeps limiting.
    QCOMPARE(acquireCount(limiter, QStringLiteral("busy"), 20, kT0 + std::chrono::seconds(2)), 10);
    QCOMPARE(limiter.bucketCount(), 1);
    QCOMPARE(limiter.tryAcquire(QStringLiteral("new"), &seconds, kT0 + std::chrono::seconds(2)),
             Outcome::Taken);
    QCOMPARE(limiter.bucketCount(), 2);
    QCOMPARE(acquireCount(limiter, QStringLiteral("busy"), 5, kT0 + std::chrono::seconds(2)), 0);
}

void TestClientToken::burstThenRefused_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<int>("capacity");
    QTest::addColumn<int>("retryAfter");
    QTest::newRow("1/s") << 1.0 << 1 << 1;
    QTest::newRow("2/s") << 2.0 << 2 << 1;
    QTest::newRow("3/s") << 3.0 << 3 << 1;
    QTest::newRow("10/s") << 10.0 << 10 << 1;
    QTest::newRow("2.5/s") << 2.5 << 2 << 1; // two whole tokens, half a token left over
    QTest::newRow("100/s") << 100.0 << 100 << 1;
    QTest::newRow("0.5/s") << 0.5 << 1 << 2;
    QTest::newRow("0.1/s") << 0.1 << 1 << 10;
}

void TestClientToken::burstThenRefused()
{
    QFETCH(double, rate);
    QFETCH(int, capacity);
    QFETCH(int, retryAfter);

    RateLimiter limiter(rate);
    QCOMPARE(limiter.rate(), rate);
    const QString key = QStringLiteral("flow");
    for (int i = 0; i < capacity; ++i) {
        int seconds = -1;
        QVERIFY2(limiter.tryAcquire(key, &seconds, kT0) == Outcome::Taken, qPrintable(QString::number(i)));
    }
    for (int i = 0; i < 3; ++i) {
        int seconds = -1;
        QCOMPARE(limiter.tryAcquire(key, &seconds, kT0), Outcome::Limited);
        QVERIFY(seconds >= 1);
        QCOMPARE(seconds, retryAfter);
    }
}

void TestClientToken::refillAfterOneToken_data()
{
    QTest::addColumn<double>("rate");
    QTest::newRow("1/s") << 1.0;
    QTest::newRow("2/s") << 2.0;
    QTest::newRow("3/s") << 3.0;
    QTest::newRow("7/s") << 7.0;
    QTest::newRow("10/s") << 10.0;
    QTest::newRow("1000/s") << 1000.0;
}

void TestClientToken::refillAfterOneToken()
{
    QFETCH(double, rate);
    const int capacity = static_cast<int>(rate);
    RateLimiter limiter(rate);
    const QString key = QStringLiteral("flow");

    QCOMPARE(acquireCount(limiter, key, capacity + 5, kT0), capacity);

    // Just before 1/N s nothing is back; at 1/N s exactly one token is.
    const auto due = oneTokenAt(rate);
    int seconds = -1;
    QCOMPARE(limiter.tryAcquire(key, &seconds, kT0 + due - 2us), Outcome::Limited); // 2 µs early
    QVERIFY(seconds >= 1);
    QCOMPARE(limiter.tryAcquire(key, &seconds, kT0 + due), Outcome::Taken);
    QCOMPARE(limiter.tryAcquire(key, &seconds, kT0 + due), Outcome::Limited);
    QVERIFY(seconds >= 1);

    // Another 1/N s later, one more.
    QCOMPARE(limiter.tryAcquire(key, &seconds, kT0 + 2 * due), Outcome::Taken);
    QCOMPARE(limiter.tryAcquire(key, &seconds, kT0 + 2 * due), Outcome::Limited);
}

void TestClientToken::refillNeverExceedsCapacity()
{
    RateLimiter limiter(5);
    const QString key = QStringLiteral("flow");
    QCOMPARE(acquireCount(limiter, key, 10, kT0), 5);
    // An hour idle refills the bucket to its capacity, not to 5 × 3600.
    QCOMPARE(acquireCount(limiter, key, 100, kT0 + 1h), 5);
    // A fresh key starts full, and no fuller after idling.
    QCOMPARE(acquireCount(limiter, QStringLiteral("other"), 100, kT0 + 2h), 5);
}

void TestClientToken::retryAfterCountsDown()
{
    RateLimiter limiter(0.1); // one token every 10 s, capacity 1
    const QString key = QStringLiteral("flow");
    int seconds = -1;
    QCOMPARE(limiter.tryAcquire(key, &seconds, kT0), Outcome::Taken);

    QCOMPARE(limiter.tryAcquire(key, &seconds, kT0), Outcome::Limited);
    QCOMPARE(seconds, 10);
    QCOMPARE(limiter.tryAcquire(key, &seconds, kT0 + 3s), Outcome::Limited);
    QCOMPARE(seconds, 7);
    QCOMPARE(limiter.tryAcquire(key, &seconds, kT0 + 9500ms), Outcome::Limited);
    QCOMPARE(seconds, 1); // half a second left: rounded up, never 0
    QCOMPARE(limiter.tryAcquire(key, &seconds, kT0 + 10s), Outcome::Taken);
}

void TestClientToken::keysAreIndependent()
{
    RateLimiter limiter(3);
    const QString a = QStringLiteral("flow-a");
    const QString b = QStringLiteral("flow-b");
    QCOMPARE(acquireCount(limiter, a, 10, kT0), 3);
    int seconds = -1;
    QCOMPARE(limiter.tryAcquire(a, &seconds, kT0), Outcome::Limited);
    QCOMPARE(acquireCount(limiter, b, 10, kT0), 3);
    QCOMPARE(acquireCount(limiter, QStringLiteral("flow-c"), 1, kT0), 1);
    // Keys are compared exactly.
    QCOMPARE(acquireCount(limiter, QStringLiteral("FLOW-A"), 10, kT0), 3);
    QCOMPARE(limiter.tryAcquire(a, &seconds, kT0), Outcome::Limited);
}

void TestClientToken::zeroRateIsUnlimited_data()
{
    QTest::addColumn<double>("rate");
    QTest::newRow("zero") << 0.0;
    QTest::newRow("negative") << -5.0; // clamped to 0
}

void TestClientToken::zeroRateIsUnlimited()
{
    QFETCH(double, rate);
    RateLimiter limiter(rate);
    QCOMPARE(limiter.rate(), 0.0);
    QCOMPARE(acquireCount(limiter, QStringLiteral("flow"), 10000, kT0), 10000);
    QCOMPARE(acquireCount(limiter, QStringLiteral("other"), 100, kT0), 100);
}

void TestClientToken::fractionalRate()
{
    RateLimiter limiter(0.5); // capacity 1, one token every 2 s
    const QString key = QStringLiteral("flow");
    int seconds = -1;
    QCOMPARE(limiter.tryAcquire(key, &seconds, kT0), Outcome::Taken);
    QCOMPARE(limiter.tryAcquire(key, &seconds, kT0), Outcome::Limited);
    QCOMPARE(seconds, 2);
    QCOMPARE(limiter.tryAcquire(key, &seconds, kT0 + 1s), Outcome::Limited);
    QCOMPARE(seconds, 1);
    QCOMPARE(limiter.tryAcquire(key, &seconds, kT0 + 1999ms), Outcome::Limited);
    QCOMPARE(seconds, 1);
    QCOMPARE(limiter.tryAcquire(key, &seconds, kT0 + 2s), Outcome::Taken);
    QCOMPARE(limiter.tryAcquire(key, &seconds, kT0 + 2s), Outcome::Limited);
    QCOMPARE(seconds, 2);
    // A long pause still gives only one token.
    QCOMPARE(acquireCount(limiter, key, 5, kT0 + 1h), 1);
}

void TestClientToken::quarterRate()
{
    RateLimiter limiter(0.25);
    const QString key = QStringLiteral("flow");
    int seconds = -1;
    QCOMPARE(limiter.tryAcquire(key, &seconds, kT0), Outcome::Taken);
    QCOMPARE(limiter.tryAcquire(key, &seconds, kT0), Outcome::Limited);
    QCOMPARE(seconds, 4);
    QCOMPARE(limiter.tryAcquire(key, &seconds, kT0 + 4s), Outcome::Taken);
}

void TestClientToken::setRateResetsBuckets()
{
    RateLimiter limiter(2);
    const QString key = QStringLiteral("flow");
    QCOMPARE(acquireCount(limiter, key, 5, kT0), 2);

    limiter.setRate(5);
    QCOMPARE(limiter.rate(), 5.0);
    QCOMPARE(acquireCount(limiter, key, 10, kT0), 5); // a fresh, full bucket at the new rate

    // Setting the same rate again also starts every bucket afresh.
    limiter.setRate(5);
    QCOMPARE(acquireCount(limiter, key, 10, kT0), 5);

    limiter.setRate(1);
    QCOMPARE(acquireCount(limiter, key, 10, kT0), 1);
    int seconds = -1;
    QCOMPARE(limiter.tryAcquire(key, &seconds, kT0), Outcome::Limited);
    QCOMPARE(seconds, 1);
}

void TestClientToken::setRateToZeroSwitchesOff()
{
    RateLimiter limiter(1);
    const QString key = QStringLiteral("flow");
    QCOMPARE(acquireCount(limiter, key, 5, kT0), 1);
    limiter.setRate(0);
    QCOMPARE(limiter.rate(), 0.0);
    QCOMPARE(acquireCount(limiter, key, 500, kT0), 500);
    limiter.setRate(-1);
    QCOMPARE(limiter.rate(), 0.0);
    QCOMPARE(acquireCount(limiter, key, 500, kT0), 500);
    limiter.setRate(2);
    QCOMPARE(acquireCount(limiter, key, 5, kT0), 2);
}

void TestClientToken::clockGoingBackwardsGivesNothing()
{
    RateLimiter limiter(1);
    const QString key = QStringLiteral("flow");
    QCOMPARE(acquireCount(limiter, key, 3, kT0), 1);
    int seconds = -1;
    QCOMPARE(limiter.tryAcquire(key, &seconds, kT0 - 10s), Outcome::Limited);
    QVERIFY(seconds >= 1);
    QCOMPARE(limiter.tryAcquire(key, &seconds, kT0 + 1s), Outcome::Taken);
    QCOMPARE(limiter.tryAcquire(key, &seconds, kT0 + 1s), Outcome::Limited);
}

void TestClientToken::nullRetryAfterIsAllowed()
{
    RateLimiter limiter(1);
    const QString key = QStringLiteral("flow");
    QCOMPARE(limiter.tryAcquire(key, nullptr, kT0), Outcome::Taken);
    QCOMPARE(limiter.tryAcquire(key, nullptr, kT0), Outcome::Limited);
    // The real clock is the default.
    RateLimiter realTime(1);
    QCOMPARE(realTime.tryAcquire(key, nullptr), Outcome::Taken);
}

// --- rate limits shared through a store (servers on one database) -----------------------------------

namespace {

// A shared store that answers what the test says and remembers what it was asked.
struct FakeSharedStore {
    Result<std::optional<int>> answer = std::optional<int>();
    int calls = 0;
    QString lastKey;
    double lastRate = 0;
    qint64 lastNowUs = 0;

    RateLimiter::SharedTake take()
    {
        return [this](const QString &key, double rate, qint64 nowUs) {
            ++calls;
            lastKey = key;
            lastRate = rate;
            lastNowUs = nowUs;
            return answer;
        };
    }
};

} // namespace

void TestClientToken::sharedStoreDecides_data()
{
    QTest::addColumn<int>("answer"); // -1: taken, -2: the store fails, else the seconds to wait
    QTest::addColumn<int>("outcome");
    QTest::addColumn<int>("retryAfter");
    QTest::newRow("taken") << -1 << int(Outcome::Taken) << -1;
    QTest::newRow("limited 1 s") << 1 << int(Outcome::Limited) << 1;
    QTest::newRow("limited 7 s") << 7 << int(Outcome::Limited) << 7;
    QTest::newRow("store down") << -2 << int(Outcome::Unavailable) << -1;
}

void TestClientToken::sharedStoreDecides()
{
    QFETCH(int, answer);
    QFETCH(int, outcome);
    QFETCH(int, retryAfter);
    FakeSharedStore store;
    if (answer == -2)
        store.answer = makeError(ErrorType::Internal, QStringLiteral("server closed the connection"));
    else if (answer > 0)
        store.answer = std::optional<int>(answer);
    RateLimiter limiter(4);
    limiter.setShared(store.take());
    int seconds = -1;
    const qint64 before = QDateTime::currentMSecsSinceEpoch() * 1000;
    QCOMPARE(int(limiter.tryAcquire(QStringLiteral("flow-a"), &seconds)), outcome);
    const qint64 after = QDateTime::currentMSecsSinceEpoch() * 1000 + 1000;
    QCOMPARE(seconds, retryAfter); // only a Limited outcome says when to retry
    QCOMPARE(store.calls, 1);
    QCOMPARE(store.lastKey, QStringLiteral("flow-a"));
    QCOMPARE(store.lastRate, 4.0);
    // The store gets the wall clock every server shares, not this process's steady clock.
    QVERIFY2(store.lastNowUs >= before - 1000 && store.lastNowUs <= after,
             qPrintable(QStringLiteral("%1 not in [%2, %3]").arg(store.lastNowUs).arg(before).arg(after)));
    QCOMPARE(limiter.bucketCount(), 0); // nothing kept in memory
}

void TestClientToken::sharedStoreDownRefusesEveryCall()
{
    FakeSharedStore store;
    store.answer = makeError(ErrorType::Internal, QStringLiteral("server closed the connection"));
    RateLimiter limiter(1000);
    limiter.setShared(store.take());
    // Never let through while the store cannot answer, however many calls a full bucket would allow,
    // and no fallback to a bucket in memory.
    QCOMPARE(acquireCount(limiter, QStringLiteral("flow"), 50, kT0), 0);
    int seconds = -1;
    QCOMPARE(limiter.tryAcquire(QStringLiteral("flow"), &seconds, kT0), Outcome::Unavailable);
    QCOMPARE(store.calls, 51);
    QCOMPARE(limiter.bucketCount(), 0);
    // Back by itself once the store answers again.
    store.answer = std::optional<int>();
    QCOMPARE(limiter.tryAcquire(QStringLiteral("flow"), &seconds, kT0), Outcome::Taken);
    // An empty function is memory again: a store that is down no longer matters.
    store.answer = makeError(ErrorType::Internal, QStringLiteral("server closed the connection"));
    limiter.setShared({});
    QCOMPARE(acquireCount(limiter, QStringLiteral("flow"), 2000, kT0), 1000);
    QCOMPARE(store.calls, 52);
}

void TestClientToken::sharedStoreAskedOnlyWhenLimiting()
{
    FakeSharedStore store;
    store.answer = makeError(ErrorType::Internal, QStringLiteral("server closed the connection"));
    RateLimiter limiter(0); // limiting off: nothing to check, so an unreachable store refuses nothing
    limiter.setShared(store.take());
    QCOMPARE(acquireCount(limiter, QStringLiteral("flow"), 10, kT0), 10);
    QCOMPARE(store.calls, 0);
    limiter.setRate(2);
    int seconds = -1;
    QCOMPARE(limiter.tryAcquire(QStringLiteral("flow"), &seconds, kT0), Outcome::Unavailable);
    QCOMPARE(store.calls, 1);
}

void TestClientToken::threadSafety_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<int>("capacity");
    QTest::newRow("10/s") << 10.0 << 10;
    QTest::newRow("100/s") << 100.0 << 100;
    QTest::newRow("1000/s") << 1000.0 << 1000;
    QTest::newRow("0.5/s") << 0.5 << 1;
}

void TestClientToken::threadSafety()
{
    QFETCH(double, rate);
    QFETCH(int, capacity);
    constexpr int kThreads = 8;
    constexpr int kAttempts = 1000;

    RateLimiter limiter(rate);
    const QString key = QStringLiteral("flow");
    std::atomic<int> granted{0};
    std::atomic<int> refusedWithoutRetryAfter{0};
    std::atomic<int> ready{0};
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back(QThread::create([&] {
            ++ready;
            while (ready.load() < kThreads) // start together, to contend for the bucket
                QThread::yieldCurrentThread();
            for (int i = 0; i < kAttempts; ++i) {
                int seconds = 0;
                if (limiter.tryAcquire(key, &seconds, kT0) == Outcome::Taken)
                    ++granted;
                else if (seconds < 1)
                    ++refusedWithoutRetryAfter;
            }
        }));
        threads.back()->start();
    }
    for (const auto &thread : threads)
        QVERIFY(thread->wait());

    QCOMPARE(granted.load(), capacity);
    QCOMPARE(refusedWithoutRetryAfter.load(), 0);
    int seconds = -1;
    QCOMPARE(limiter.tryAcquire(key, &seconds, kT0), Outcome::Limited);
}

QTEST_GUILESS_MAIN(TestClientToken)
#include "tst_clienttoken.moc"
