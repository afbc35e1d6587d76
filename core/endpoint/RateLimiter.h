#pragma once

// Per-flow token buckets: `ratePerSecond` invocations a second on average, bursts up to the same number.
// Thread-safe; one instance serves every worker.

#include <QHash>
#include <QMutex>
#include <QString>
#include <chrono>

namespace wf {

class RateLimiter final {
public:
    using Clock = std::chrono::steady_clock;

    // 0 switches limiting off.
    explicit RateLimiter(double ratePerSecond = 10.0);

    void setRate(double ratePerSecond);
    double rate() const;

    // Takes one token for `key`. When none is left, returns false and sets `*retryAfterSeconds` (≥ 1)
    // to when the next one is due.
    bool tryAcquire(const QString &key, int *retryAfterSeconds, Clock::time_point now = Clock::now());

    // Buckets held. A bucket that has refilled is the same as none, so when more than
    // kSweepThreshold are held the full ones are dropped: memory follows the keys in use, not every
    // key ever seen.
    qsizetype bucketCount() const;
    static constexpr qsizetype kSweepThreshold = 1024;

private:
    void sweep(Clock::time_point now); // m_mutex held

    struct Bucket {
        double tokens = 0;
        Clock::time_point updated;
    };

    mutable QMutex m_mutex;
    double m_rate;
    QHash<QString, Bucket> m_buckets;
};

} // namespace wf
