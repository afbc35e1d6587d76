#pragma once

// The jti replay cache of the token endpoint (PRODUCT.md §4): a client assertion's jti is single-use
// until the assertion expires. Memory is bounded: entries leave when their assertion expires, and
// when the cache is full of live entries new assertions are turned away (never an entry evicted
// early, which would reopen a replay window). Thread-safe.
//
// Servers that share one database share their jti values too (setShared): then the database decides
// and this cache keeps nothing, so a jti used on one server is refused on every other.

#include "Result.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>
#include <functional>
#include <queue>
#include <utility>
#include <vector>

namespace wf::auth {

class ReplayCache final {
public:
    enum class Outcome {
        Fresh,       // first use: remembered until `expiresAt`
        Replayed,    // seen before and not yet expired
        Full,        // the cache holds `capacity` live entries; try again after retryAfter()
        Unavailable, // the shared store (the database) cannot answer now; try again shortly
    };

    // Remembers `key` until `expiresAt` (seconds since the epoch) where every server sees it: true
    // when it is new, false when it is known and live, an error when the store cannot answer.
    using SharedRemember = std::function<Result<bool>(const QString &key, qint64 expiresAt, qint64 now)>;

    static constexpr qsizetype kDefaultCapacity = 500'000;
    static constexpr qsizetype kMaxJtiLength = 256;

    explicit ReplayCache(qsizetype capacity = kDefaultCapacity);

    // Remembers `jti` of `clientId` until `expiresAt` (seconds since the epoch) unless it is already
    // there. `now` is in the same unit. jti values of different clients never collide.
    Outcome remember(const QString &clientId, const QString &jti, qint64 expiresAt, qint64 now);
    // From now on, remembers in `shared` instead of memory (an empty function: memory again).
    void setShared(SharedRemember shared);

    qsizetype size() const;
    qsizetype capacity() const { return m_capacity; }
    // Seconds until the earliest entry expires (at least 1): when a full cache has room again.
    qint64 retryAfter(qint64 now) const;

private:
    void purge(qint64 now); // m_mutex held

    using Expiry = std::pair<qint64, QByteArray>; // (expiresAt, key), earliest on top
    mutable QMutex m_mutex;
    const qsizetype m_capacity;
    QHash<QByteArray, qint64> m_entries;
    std::priority_queue<Expiry, std::vector<Expiry>, std::greater<>> m_expiries;
    SharedRemember m_shared;
};

} // namespace wf::auth
