#include "Result.h"

namespace wf {

QString errorTypeName(ErrorType type)
{
    switch (type) {
    case ErrorType::InvalidInput:
        return QStringLiteral("Invalid Input");
    case ErrorType::InvalidTypeConversion:
        return QStringLiteral("Invalid Type Conversion");
    case ErrorType::NotFound:
        return QStringLiteral("Not Found");
    case ErrorType::Timeout:
        return QStringLiteral("Timeout");
    case ErrorType::Canceled:
        return QStringLiteral("Canceled");
    case ErrorType::LimitExceeded:
        return QStringLiteral("Limit Exceeded");
    case ErrorType::Internal:
        break;
    }
    return QStringLiteral("Internal Error");
}

} // namespace wf
