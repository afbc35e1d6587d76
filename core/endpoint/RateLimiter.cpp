#include "endpoint/RateLimiter.h"

#include <QMutexLocker>
#include <algorithm>
#include <cmath>

namespace wf {

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

bool RateLimiter::tryAcquire(const QString &key, int *retryAfterSeconds, Clock::time_point now)
{
    QMutexLocker lock(&m_mutex);
    if (m_rate <= 0)
        return true;
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
        return true;
    }
    if (retryAfterSeconds)
        *retryAfterSeconds = std::max(1, static_cast<int>(std::ceil((1.0 - it->tokens) / m_rate)));
    return false;
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
