#include "engine/Trace.h"

namespace wf {
namespace {

std::optional<ErrorType> errorTypeFromName(const QString &name)
{
    for (ErrorType type :
         {ErrorType::InvalidInput, ErrorType::InvalidTypeConversion, ErrorType::NotFound, ErrorType::Timeout,
          ErrorType::Canceled, ErrorType::LimitExceeded, ErrorType::Internal}) {
        if (errorTypeName(type) == name)
            return type;
    }
    return std::nullopt;
}

} // namespace

QJsonObject TraceEntry::toJson() const
{
    QJsonObject o{{QStringLiteral("cardId"), cardId},
                  {QStringLiteral("function"), function},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("depth"), depth},
                  {QStringLiteral("inputs"), inputs},
                  {QStringLiteral("outputs"), outputs},
                  {QStringLiteral("durationUs"), durationUs}};
    if (error)
        o.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("type"), errorTypeName(error->type)},
                                                      {QStringLiteral("message"), error->message}});
    return o;
}

TraceEntry TraceEntry::fromJson(const QJsonObject &o)
{
    TraceEntry entry;
    entry.cardId = o.value(QLatin1String("cardId")).toString();
    entry.function = o.value(QLatin1String("function")).toString();
    entry.name = o.value(QLatin1String("name")).toString();
    entry.depth = o.value(QLatin1String("depth")).toInt();
    entry.inputs = o.value(QLatin1String("inputs")).toObject();
    entry.outputs = o.value(QLatin1String("outputs")).toObject();
    entry.durationUs = o.value(QLatin1String("durationUs")).toInteger();
    const QJsonObject error = o.value(QLatin1String("error")).toObject();
    if (!error.isEmpty())
        entry.error = Error{
            errorTypeFromName(error.value(QLatin1String("type")).toString()).value_or(ErrorType::Internal),
            error.value(QLatin1String("message")).toString()};
    return entry;
}

QJsonArray traceToJson(const Trace &trace)
{
    QJsonArray array;
    for (const TraceEntry &entry : trace)
        array.append(entry.toJson());
    return array;
}

Trace traceFromJson(const QJsonArray &array)
{
    Trace trace;
    for (const QJsonValue &value : array)
        trace.append(TraceEntry::fromJson(value.toObject()));
    return trace;
}

} // namespace wf
