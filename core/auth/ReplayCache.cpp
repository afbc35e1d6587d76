#include "auth/ReplayCache.h"

#include <QLoggingCategory>
#include <algorithm>

namespace wf::auth {

namespace {
Q_LOGGING_CATEGORY(lcReplay, "wf.auth")
}

ReplayCache::ReplayCache(qsizetype capacity) : m_capacity(std::max<qsizetype>(1, capacity)) {}

ReplayCache::Outcome ReplayCache::remember(const QString &clientId, const QString &jti, qint64 expiresAt,
                                           qint64 now)
{
    // The client id cannot contain a newline (it is checked against the apps), so the key is unique.
    const QByteArray key = clientId.toUtf8() + '\n' + jti.toUtf8();
    QMutexLocker lock(&m_mutex);
    if (m_shared) {
        const SharedRemember shared = m_shared;
        lock.unlock(); // the store serialises its callers; this cache keeps nothing meanwhile
        const auto fresh = shared(QString::fromUtf8(key), expiresAt, now);
        if (!fresh) {
            qCWarning(lcReplay).noquote()
                << "cannot check a client assertion's jti:" << fresh.error().message;
            return Outcome::Unavailable;
        }
        return *fresh ? Outcome::Fresh : Outcome::Replayed;
    }
    purge(now);
    const auto found = m_entries.constFind(key);
    if (found != m_entries.constEnd())
        return Outcome::Replayed;
    if (m_entries.size() >= m_capacity)
        return Outcome::Full;
    // An assertion that is already past its expiry is refused before it gets here; keep it a
    // second anyway so two racing copies of it cannot both pass.
    const qint64 until = std::max(expiresAt, now + 1);
    m_entries.insert(key, until);
    m_expiries.emplace(until, key);
    return Outcome::Fresh;
}

void ReplayCache::setShared(SharedRemember shared)
{
    QMutexLocker lock(&m_mutex);
    m_shared = std::move(shared);
    m_entries.clear();
    m_expiries = {};
}

qsizetype ReplayCache::size() const
{
    QMutexLocker lock(&m_mutex);
    return m_entries.size();
}

qint64 ReplayCache::retryAfter(qint64 now) const
{
    QMutexLocker lock(&m_mutex);
    if (m_expiries.empty())
        return 1;
    return std::max<qint64>(1, m_expiries.top().first - now);
}

void ReplayCache::purge(qint64 now)
{
    while (!m_expiries.empty() && m_expiries.top().first <= now) {
        m_entries.remove(m_expiries.top().second);
        m_expiries.pop();
    }
}

} // namespace wf::auth
