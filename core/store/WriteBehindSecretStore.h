#pragma once

// The desktop app's secret store: a secret is known in memory as soon as it is written, and one
// background thread carries writes and removals, in order, to the backing store (the keychain, whose
// jobs may take long or show a prompt). So the UI thread never waits for the keychain when it makes a
// client token or keeps a private key.
//
// read() of a secret not known yet asks the backing store and waits for it: call it off the UI
// thread. knownValue() answers at once from memory. The backing store is chosen once, by the factory,
// on the background thread as soon as the store is made (choosing may wait for a keychain to answer).

#include "store/SecretStore.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace wf {

class WriteBehindSecretStore final : public SecretStore {
public:
    using BackingFactory = std::function<std::unique_ptr<SecretStore>()>;
    using FailureHandler = std::function<void(const QString &message)>;

    explicit WriteBehindSecretStore(BackingFactory factory);
    ~WriteBehindSecretStore() override; // carries the pending writes and removals first
    Q_DISABLE_COPY_MOVE(WriteBehindSecretStore)

    Result<std::optional<QString>> read(const QString &key) override;
    Result<bool> write(const QString &key, const QString &secret) override;
    Result<bool> remove(const QString &key) override;
    // The backing store's kind once chosen ("keychain", "file"), else "pending".
    QString kind() const override;

    // The secret when it is known without asking the backing store: outer nullopt when unknown.
    std::optional<std::optional<QString>> knownValue(const QString &key) const;
    // Waits until every write and removal made so far has reached the backing store (or failed).
    void flush();
    // Called on the background thread when the backing store refuses a write or a removal. The
    // message names the secret's kind, never its value.
    void setFailureHandler(FailureHandler handler);

private:
    struct Change {
        QString key;
        std::optional<QString> secret; // nullopt: remove
    };

    SecretStore &backing();
    void run();

    BackingFactory m_factory;
    std::once_flag m_chosen;
    std::unique_ptr<SecretStore> m_backing;

    mutable std::mutex m_mutex; // guards everything below
    std::condition_variable m_changed;
    std::condition_variable m_drained;
    QHash<QString, std::optional<QString>> m_known;
    std::deque<Change> m_pending;
    bool m_busy = false;
    bool m_stopping = false;
    QString m_kind;
    FailureHandler m_onFailure;
    std::thread m_thread;
};

} // namespace wf
