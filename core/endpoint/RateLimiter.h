#pragma once

// Per-flow token buckets: `ratePerSecond` invocations a second on average, bursts up to the same number.
// Thread-safe; one instance serves every worker.
//
// Servers that share one database share their buckets too (setShared): then the database keeps them,
// so the limit holds across the servers, not per server. While that database cannot answer, nothing
// is let through: the limit cannot be checked, and the execution could not be recorded either.

#include "Result.h"

#include <QHash>
#include <QMutex>
#include <QString>
#include <chrono>
#include <functional>
#include <optional>

namespace wf {

class RateLimiter final {
public:
    using Clock = std::chrono::steady_clock;

    // Takes a token from the bucket of `key` where every server sees it: nullopt when taken, else the
    // seconds until the next one; an error when the store cannot answer. `nowUs`: wall-clock
    // microseconds since the epoch, the clock the servers share.
    using SharedTake =
        std::function<Result<std::optional<int>>(const QString &key, double ratePerSecond, qint64 nowUs)>;

    // 0 switches limiting off.
    explicit RateLimiter(double ratePerSecond = 10.0);

    enum class Outcome {
        Taken,       // go ahead
        Limited,     // no token left: refuse with 429 and Retry-After
        Unavailable, // the shared store cannot answer now: refuse at once (503), run nothing
    };

    // From now on, takes tokens from `shared` instead of memory (an empty function: memory again).
    // When the store cannot answer, tryAcquire() says Unavailable (and logs why): running the flow
    // anyway would only end in an execution that cannot be recorded, after its cards had run.
    void setShared(SharedTake shared);

    void setRate(double ratePerSecond);
    double rate() const;

    // Takes one token for `key`. When none is left, returns Limited and sets `*retryAfterSeconds`
    // (≥ 1) to when the next one is due. Only a shared limiter is ever Unavailable; with the limit
    // off (rate 0) every call is Taken without asking the store.
    Outcome tryAcquire(const QString &key, int *retryAfterSeconds, Clock::time_point now = Clock::now());

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
    SharedTake m_shared;
};

} // namespace wf
