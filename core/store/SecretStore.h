#pragma once

// Where secrets live: client tokens (for showing and copying), private keys the user chose to keep,
// the server's signing key. Never workspace.json, never history, never logs. Implementations: in
// memory (tests), a 0600 file (the command line and `serve`, only when asked for and announced), and
// the OS keychain (the desktop app).

#include "Result.h"

#include <QHash>
#include <QMutex>
#include <QString>
#include <optional>

namespace wf {

class SecretStore {
public:
    virtual ~SecretStore() = default;
    // nullopt when there is no secret under `key`; an error when the store cannot be read.
    virtual Result<std::optional<QString>> read(const QString &key) = 0;
    virtual Result<bool> write(const QString &key, const QString &secret) = 0;
    virtual Result<bool> remove(const QString &key) = 0;
    // "memory", "file", "keychain": shown to the user so it is never a surprise where secrets are.
    virtual QString kind() const = 0;
};

class MemorySecretStore final : public SecretStore {
public:
    Result<std::optional<QString>> read(const QString &key) override;
    Result<bool> write(const QString &key, const QString &secret) override;
    Result<bool> remove(const QString &key) override;
    QString kind() const override { return QStringLiteral("memory"); }

private:
    QMutex m_mutex;
    QHash<QString, QString> m_secrets;
};

// A JSON file readable and writable by its owner only (0600), rewritten atomically on each change.
// Refuses to read a file that others can read.
class FileSecretStore final : public SecretStore {
public:
    explicit FileSecretStore(QString path);

    Result<std::optional<QString>> read(const QString &key) override;
    Result<bool> write(const QString &key, const QString &secret) override;
    Result<bool> remove(const QString &key) override;
    QString kind() const override { return QStringLiteral("file"); }
    QString path() const { return m_path; }

private:
    Result<QHash<QString, QString>> load() const;
    Result<bool> store(const QHash<QString, QString> &secrets) const;

    QString m_path;
    QMutex m_mutex;
};

// Key under which a flow's client token is kept.
QString clientTokenSecretKey(const QString &workspaceId, const QString &flowId);
// Key under which the private JWK of an app key is kept.
QString appPrivateKeySecretKey(const QString &workspaceId, const QString &clientId, const QString &kid);
// Key under which the private JWK of a workspace signing key is kept.
QString signingKeySecretKey(const QString &workspaceId, const QString &kid);

} // namespace wf
