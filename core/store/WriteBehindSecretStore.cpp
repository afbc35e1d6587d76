#include "store/WriteBehindSecretStore.h"

#include <QLoggingCategory>

namespace wf {
namespace {

Q_LOGGING_CATEGORY(lcSecrets, "wf.store.secrets")

// The part of a secret's key ("<workspace>/clientToken/<flow>") that says what it is, for messages.
QString secretKind(const QString &key)
{
    return key.section(QLatin1Char('/'), 1, 1);
}

} // namespace

WriteBehindSecretStore::WriteBehindSecretStore(BackingFactory factory) : m_factory(std::move(factory))
{
    m_thread = std::thread([this] { run(); });
}

WriteBehindSecretStore::~WriteBehindSecretStore()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

SecretStore &WriteBehindSecretStore::backing()
{
    std::call_once(m_chosen, [this] {
        m_backing = m_factory();
        std::lock_guard lock(m_mutex);
        m_kind = m_backing->kind();
    });
    return *m_backing;
}

QString WriteBehindSecretStore::kind() const
{
    std::lock_guard lock(m_mutex);
    return m_kind.isEmpty() ? QStringLiteral("pending") : m_kind;
}

Result<std::optional<QString>> WriteBehindSecretStore::read(const QString &key)
{
    if (auto known = knownValue(key))
        return *known;
    auto value = backing().read(key);
    if (!value)
        return value;
    std::lock_guard lock(m_mutex);
    // A write made while the backing store was being read is newer than what it answered.
    auto it = m_known.constFind(key);
    if (it != m_known.constEnd())
        return *it;
    m_known.insert(key, *value);
    return value;
}

Result<bool> WriteBehindSecretStore::write(const QString &key, const QString &secret)
{
    {
        std::lock_guard lock(m_mutex);
        m_known.insert(key, secret);
        m_pending.push_back({key, secret});
    }
    m_changed.notify_all();
    return true;
}

Result<bool> WriteBehindSecretStore::remove(const QString &key)
{
    {
        std::lock_guard lock(m_mutex);
        m_known.insert(key, std::nullopt);
        m_pending.push_back({key, std::nullopt});
    }
    m_changed.notify_all();
    return true;
}

std::optional<std::optional<QString>> WriteBehindSecretStore::knownValue(const QString &key) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_known.constFind(key);
    if (it == m_known.constEnd())
        return std::nullopt;
    return *it;
}

void WriteBehindSecretStore::flush()
{
    std::unique_lock lock(m_mutex);
    m_drained.wait(lock, [this] { return m_pending.empty() && !m_busy; });
}

void WriteBehindSecretStore::setFailureHandler(FailureHandler handler)
{
    std::lock_guard lock(m_mutex);
    m_onFailure = std::move(handler);
}

void WriteBehindSecretStore::run()
{
    SecretStore &store = backing();
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [this] { return m_stopping || !m_pending.empty(); });
        if (m_pending.empty()) // stopping, with nothing left to carry
            break;
        Change change = std::move(m_pending.front());
        m_pending.pop_front();
        m_busy = true;
        lock.unlock();
        const Result<bool> done =
            change.secret ? store.write(change.key, *change.secret) : store.remove(change.key);
        lock.lock();
        if (!done) {
            const QString message =
                QStringLiteral("The %1 secret could not be %2 the %3: %4")
                    .arg(secretKind(change.key),
                         change.secret ? QStringLiteral("saved in") : QStringLiteral("removed from"), m_kind,
                         done.error().message);
            qCWarning(lcSecrets).noquote() << message;
            if (m_onFailure) {
                FailureHandler handler = m_onFailure;
                lock.unlock();
                handler(message);
                lock.lock();
            }
        }
        m_busy = false; // only now: flush() returns after the failure was reported
        if (m_pending.empty())
            m_drained.notify_all();
    }
    m_drained.notify_all();
}

} // namespace wf
