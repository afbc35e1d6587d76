#include "store/SecretStore.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QSaveFile>

namespace wf {

Result<std::optional<QString>> MemorySecretStore::read(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_secrets.constFind(key);
    return it == m_secrets.constEnd() ? std::optional<QString>() : std::optional<QString>(*it);
}

Result<bool> MemorySecretStore::write(const QString &key, const QString &secret)
{
    QMutexLocker lock(&m_mutex);
    m_secrets.insert(key, secret);
    return true;
}

Result<bool> MemorySecretStore::remove(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    return m_secrets.remove(key) > 0;
}

FileSecretStore::FileSecretStore(QString path) : m_path(std::move(path)) {}

Result<QHash<QString, QString>> FileSecretStore::load() const
{
    QHash<QString, QString> secrets;
    QFile file(m_path);
    if (!file.exists())
        return secrets;
    const auto others =
        QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther;
    if (file.permissions() & others)
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("%1 can be read by other users; run chmod 600 on it").arg(m_path));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorType::Internal,
                         QStringLiteral("cannot read %1: %2").arg(m_path, file.errorString()));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(ErrorType::InvalidInput, QStringLiteral("%1 is not a secrets file").arg(m_path));
    const QJsonObject object = doc.object();
    for (auto it = object.begin(); it != object.end(); ++it)
        secrets.insert(it.key(), it.value().toString());
    return secrets;
}

Result<bool> FileSecretStore::store(const QHash<QString, QString> &secrets) const
{
    QJsonObject object;
    for (auto it = secrets.begin(); it != secrets.end(); ++it)
        object.insert(it.key(), it.value());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorType::Internal,
                         QStringLiteral("cannot write %1: %2").arg(m_path, file.errorString()));
    // The temporary file gets the mode before any secret is written into it.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(object).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return makeError(ErrorType::Internal,
                         QStringLiteral("cannot save %1: %2").arg(m_path, file.errorString()));
    return true;
}

Result<std::optional<QString>> FileSecretStore::read(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    auto secrets = load();
    if (!secrets)
        return secrets.error();
    const auto it = secrets->constFind(key);
    return it == secrets->constEnd() ? std::optional<QString>() : std::optional<QString>(*it);
}

Result<bool> FileSecretStore::write(const QString &key, const QString &secret)
{
    QMutexLocker lock(&m_mutex);
    auto secrets = load();
    if (!secrets)
        return secrets.error();
    secrets->insert(key, secret);
    return store(*secrets);
}

Result<bool> FileSecretStore::remove(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    auto secrets = load();
    if (!secrets)
        return secrets.error();
    if (secrets->remove(key) == 0)
        return false;
    return store(*secrets);
}

QString clientTokenSecretKey(const QString &workspaceId, const QString &flowId)
{
    return QStringLiteral("%1/clientToken/%2").arg(workspaceId, flowId);
}

QString appPrivateKeySecretKey(const QString &workspaceId, const QString &clientId, const QString &kid)
{
    return QStringLiteral("%1/appKey/%2/%3").arg(workspaceId, clientId, kid);
}

QString signingKeySecretKey(const QString &workspaceId, const QString &kid)
{
    return QStringLiteral("%1/signingKey/%2").arg(workspaceId, kid);
}

} // namespace wf
