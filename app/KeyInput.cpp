#include "KeyInput.h"

#include <QFile>
#include <cstdio>

namespace wf::cli {
namespace {

constexpr qint64 kMaxKeyFileBytes = 64 * 1024;

} // namespace

Result<auth::Key> keyFromText(const QByteArray &text)
{
    QByteArray key = text.trimmed();
    if (!key.startsWith('{') && !key.startsWith("-----BEGIN")) {
        if (const qsizetype pem = key.indexOf("-----BEGIN"); pem >= 0) {
            key = key.mid(pem);
        } else if (const qsizetype jwk = key.indexOf("\n{"); jwk >= 0) {
            key = key.mid(jwk + 1);
        }
    }
    return auth::Key::fromText(key);
}

Result<auth::Key> readKeyFile(const QString &path)
{
    QFile file;
    const bool isStdin = path == QLatin1String("-");
    const bool opened = isStdin ? file.open(stdin, QIODevice::ReadOnly) : [&file, &path] {
        file.setFileName(path);
        return file.open(QIODevice::ReadOnly);
    }();
    const QString name = isStdin ? QStringLiteral("standard input") : path;
    if (!opened)
        return makeError(ErrorType::NotFound,
                         QStringLiteral("cannot read %1: %2").arg(name, file.errorString()));
    const QByteArray text = file.read(kMaxKeyFileBytes + 1);
    if (text.size() > kMaxKeyFileBytes)
        return makeError(ErrorType::LimitExceeded,
                         QStringLiteral("%1 is larger than 64 KiB; is it a key?").arg(name));
    auto key = keyFromText(text);
    if (!key)
        return makeError(key.error().type, name + QStringLiteral(": ") + key.error().message);
    return key;
}

} // namespace wf::cli
