#include "endpoint/RateLimiter.h"

#include <QLoggingCategory>
#include <QMutexLocker>
#include <algorithm>
#include <cmath>

namespace wf {

namespace {
Q_LOGGING_CATEGORY(lcRateLimit, "wf.server")
}

RateLimiter::RateLimiter(double ratePerSecond) : m_rate(std::max(0.0, ratePerSecond)) {}

void RateLimiter::setRate(double ratePerSecond)
{
    QMutexLocker lock(&m_mutex);
    m_rate = std::max(0.0, ratePerSecond);
    m_buckets.clear();
}

double RateLimiter::rate() const
{
    QMutexLocker lock(&m_mutex);
    return m_rate;
}

void RateLimiter::setShared(SharedTake shared)
{
    QMutexLocker lock(&m_mutex);
    m_shared = std::move(shared);
    m_buckets.clear();
}

RateLimiter::Outcome RateLimiter::tryAcquire(const QString &key, int *retryAfterSeconds,
                                             Clock::time_point now)
{
    QMutexLocker lock(&m_mutex);
    if (m_rate <= 0)
        return Outcome::Taken;
    if (m_shared) {
        const SharedTake shared = m_shared;
        const double rate = m_rate;
        lock.unlock();
        // `now` is on this process's steady clock: the same instant on the wall clock the servers share.
        const auto sinceNow = std::chrono::duration_cast<std::chrono::microseconds>(now - Clock::now());
        const qint64 wallUs = std::chrono::duration_cast<std::chrono::microseconds>(
                                  std::chrono::system_clock::now().time_since_epoch() + sinceNow)
                                  .count();
        const auto taken = shared(key, rate, wallUs);
        if (!taken) {
            qCWarning(lcRateLimit).noquote()
                << "rate limit of" << key << "not checked, invocation refused:" << taken.error().message;
            return Outcome::Unavailable;
        }
        if (!taken->has_value())
            return Outcome::Taken;
        if (retryAfterSeconds)
            *retryAfterSeconds = taken->value();
        return Outcome::Limited;
    }
    const double capacity = std::max(1.0, m_rate);
    auto it = m_buckets.find(key);
    if (it == m_buckets.end()) {
        if (m_buckets.size() >= kSweepThreshold)
            sweep(now);
        it = m_buckets.insert(key, Bucket{capacity, now});
    }
    const double elapsed = std::chrono::duration<double>(now - it->updated).count();
    if (elapsed > 0) {
        it->tokens = std::min(capacity, it->tokens + elapsed * m_rate);
        it->updated = now;
    }
    if (it->tokens >= 1.0) {
        it->tokens -= 1.0;
        return Outcome::Taken;
    }
    if (retryAfterSeconds)
        *retryAfterSeconds = std::max(1, static_cast<int>(std::ceil((1.0 - it->tokens) / m_rate)));
    return Outcome::Limited;
}

qsizetype RateLimiter::bucketCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_buckets.size();
}

void RateLimiter::sweep(Clock::time_point now)
{
    const double capacity = std::max(1.0, m_rate);
    m_buckets.removeIf([&](const auto &entry) {
        const double elapsed = std::chrono::duration<double>(now - entry.value().updated).count();
        return entry.value().tokens + elapsed * m_rate >= capacity;
    });
}

} // namespace wf
