#include "endpoint/ClientToken.h"

#include "Ids.h"

#include <QCryptographicHash>
#include <openssl/crypto.h>

namespace wf {

QString newClientToken()
{
    return randomHex(32);
}

QString clientTokenHash(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

bool clientTokenMatches(const QString &presented, const QString &expectedHash)
{
    if (expectedHash.size() != 64 || presented.isEmpty())
        return false;
    const QByteArray actual = clientTokenHash(presented).toLatin1();
    const QByteArray expected = expectedHash.toLatin1();
    return CRYPTO_memcmp(actual.constData(), expected.constData(), 64) == 0;
}

QString clientTokenFingerprint(const QString &token)
{
    return clientTokenHash(token).left(8);
}

} // namespace wf
