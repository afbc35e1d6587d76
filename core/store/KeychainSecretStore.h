#pragma once

// Secrets in the OS keychain through QtKeychain (the Secret Service on Linux), service "wfconsole".
// Keychain jobs are asynchronous: they all run in one keychain thread for the whole process (QtKeychain
// queues jobs in a process-wide executor that must stay in one thread), and the synchronous calls
// below wait for them there (never in a nested event loop of the caller). For the command line and
// `serve`; the desktop app keeps the UI free by calling it off the UI thread.

#include "store/SecretStore.h"

namespace wf {

class KeychainSecretStore final : public SecretStore {
public:
    explicit KeychainSecretStore(int timeoutMs = 10000);
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

    // True when a keychain answers (a read of a missing entry comes back as "not found").
    bool isAvailable(QString *why = nullptr);

    Result<std::optional<QString>> read(const QString &key) override;
    Result<bool> write(const QString &key, const QString &secret) override;
    Result<bool> remove(const QString &key) override;
    QString kind() const override { return QStringLiteral("keychain"); }

private:
    struct Outcome;
    enum class Operation { Read, Write, Remove };
    Outcome run(Operation operation, const QString &key, const QString &secret);

    int m_timeoutMs;
};

} // namespace wf
