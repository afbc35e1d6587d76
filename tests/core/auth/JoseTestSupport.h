#pragma once

// Shared by the JOSE test classes: the published vectors (tests/data/jose/vectors.json, copied from
// RFC 7515, RFC 7520 and RFC 7638) and the PEM fixtures (tests/data/keys, see its README).

#include "auth/Jose.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace wf::auth::test {

inline QByteArray readTestFile(const QString &relativePath)
{
    QFile file(QStringLiteral(WF_TEST_DATA_DIR "/") + relativePath);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", qPrintable(relativePath));
    return file.readAll();
}

// One published vector by name ("rfc7515_a2", ...): {"jwk", "jws", "payload"} or {"jwk", "thumbprint"}.
inline QJsonObject vector(const char *name)
{
    static const QJsonObject all =
        QJsonDocument::fromJson(readTestFile(QStringLiteral("jose/vectors.json"))).object();
    const QJsonObject found = all.value(QLatin1String(name)).toObject();
    if (found.isEmpty())
        qFatal("no vector %s", name);
    return found;
}

inline QByteArray keyFixture(const char *fileName)
{
    return readTestFile(QStringLiteral("keys/") + QLatin1String(fileName));
}

inline QByteArray jsonText(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

inline QByteArray b64u(const QByteArray &bytes)
{
    return base64UrlEncode(bytes);
}

// A compact JWS from its parts, the header given as JSON text (kept byte for byte).
inline QByteArray compactOf(const QByteArray &headerJson, const QByteArray &payload,
                            const QByteArray &signature)
{
    return b64u(headerJson) + '.' + b64u(payload) + '.' + b64u(signature);
}

// The key, or a test failure naming the error.
inline Key keyOrFail(const Result<Key> &key)
{
    if (!key) {
        qWarning("%s", qPrintable(key.error().message));
        return {};
    }
    return *key;
}

} // namespace wf::auth::test
