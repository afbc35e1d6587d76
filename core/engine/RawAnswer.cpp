#include "engine/RawAnswer.h"

#include "engine/ValueType.h"

#include <QRegularExpression>

namespace wf {

Result<RawAnswer> readRawAnswer(const QJsonObject &inputs)
{
    RawAnswer answer;
    const QJsonValue status = inputs.value(QLatin1String("statusCode"));
    const double code = status.isNull() || status.isUndefined() ? 200.0 : status.toDouble(-1);
    // Range first: converting an out-of-range double (1e300, NaN) to int is undefined.
    if (!(code == 200 || (code >= 400 && code <= 599)) || code != static_cast<double>(static_cast<int>(code)))
        return makeError(
            ErrorType::InvalidInput,
            QStringLiteral("invalid status code %1 (expected 200 or 400-599)").arg(numberToText(code)));
    answer.statusCode = static_cast<int>(code);

    static const QRegularExpression token(QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,256}$"));
    const QJsonObject headers = inputs.value(QLatin1String("headers")).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        if (!token.match(it.key()).hasMatch())
            return makeError(
                ErrorType::InvalidInput,
                QStringLiteral("headers: '%1' is not a valid header name").arg(it.key().left(40)));
        if (it.value().isNull())
            continue; // an unset header is left out, not sent empty
        const QString value = valueToText(it.value());
        if (value.contains(QLatin1Char('\r')) || value.contains(QLatin1Char('\n')) ||
            value.contains(QChar(0)))
            return makeError(
                ErrorType::InvalidInput,
                QStringLiteral("headers: the value of '%1' contains a line break").arg(it.key()));
        answer.headers.insert(it.key(), value);
    }
    answer.body = inputs.value(QLatin1String("body")).toString();
    return answer;
}

} // namespace wf
