#include "engine/ValuePath.h"

#include <QJsonArray>
#include <QJsonObject>

namespace wf {

QString shortText(const QString &text)
{
    return text.size() > 40 ? QString(text.left(40) + QStringLiteral("…")) : text;
}

Result<QStringList> splitValuePath(const QString &inputName, const QString &path, bool allowEmpty)
{
    if (path.isEmpty()) {
        if (allowEmpty)
            return QStringList();
        return makeError(ErrorType::InvalidInput, QStringLiteral("%1: the path is empty").arg(inputName));
    }
    const QStringList parts = path.split(QLatin1Char('.'));
    if (parts.size() > kMaxPathParts)
        return makeError(
            ErrorType::LimitExceeded,
            QStringLiteral("%1: the path has more than %2 parts").arg(inputName).arg(kMaxPathParts));
    for (const QString &part : parts) {
        if (part.isEmpty())
            return makeError(ErrorType::InvalidInput,
                             QStringLiteral("%1: \"%2\" has an empty part").arg(inputName, shortText(path)));
    }
    return parts;
}

std::optional<qsizetype> pathIndex(const QString &part)
{
    if (part.isEmpty() || part.size() > 18)
        return std::nullopt;
    for (const QChar c : part) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
    }
    return static_cast<qsizetype>(part.toLongLong());
}

std::optional<QJsonValue> valueAtPath(const QJsonValue &root, const QStringList &parts, qsizetype from)
{
    QJsonValue current = root;
    for (qsizetype i = from; i < parts.size(); ++i) {
        const QString &part = parts.at(i);
        if (current.isObject()) {
            const QJsonObject object = current.toObject();
            const auto it = object.constFind(part);
            if (it == object.constEnd())
                return std::nullopt;
            current = it.value();
        } else if (current.isArray()) {
            const QJsonArray array = current.toArray();
            const auto index = pathIndex(part);
            if (!index || *index >= array.size())
                return std::nullopt;
            current = array.at(*index);
        } else {
            return std::nullopt;
        }
    }
    return current;
}

} // namespace wf
