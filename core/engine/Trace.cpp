#include "engine/Trace.h"

#include <QCborValue>
#include <QJsonArray>
#include <QLocale>

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

// A JSON string as QJsonDocument writes it: `"`, `\\` and control characters escaped, the rest UTF-8.
void appendJsonStringEscaped(QByteArray &out, QStringView text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out.append('"');
    qsizetype plain = 0; // start of the characters not yet appended, which need no escape
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (c >= 0x20 && c != u'"' && c != u'\\')
            continue;
        out.append(text.sliced(plain, i - plain).toUtf8());
        plain = i + 1;
        switch (c) {
        case u'"':
            out.append("\\\"");
            break;
        case u'\\':
            out.append("\\\\");
            break;
        case u'\b':
            out.append("\\b");
            break;
        case u'\f':
            out.append("\\f");
            break;
        case u'\n':
            out.append("\\n");
            break;
        case u'\r':
            out.append("\\r");
            break;
        case u'\t':
            out.append("\\t");
            break;
        default:
            out.append("\\u00");
            out.append(kHex[c >> 4]);
            out.append(kHex[c & 0xf]);
            break;
        }
    }
    out.append(text.sliced(plain).toUtf8());
    out.append('"');
}

// The same, written in place when the text is printable ASCII without quotes or backslashes (most
// keys and values are).
void appendJsonString(QByteArray &out, QStringView text)
{
    const qsizetype start = out.size();
    out.resize(start + text.size() + 2);
    char *to = out.data() + start;
    *to++ = '"';
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (c < 0x20 || c >= 0x80 || c == u'"' || c == u'\\') {
            out.truncate(start);
            return appendJsonStringEscaped(out, text);
        }
        *to++ = char(c);
    }
    *to = '"';
}

void appendJsonValue(QByteArray &out, const QJsonValue &value);

void appendJsonObject(QByteArray &out, const QJsonObject &object)
{
    out.append('{');
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it != object.constBegin())
            out.append(',');
        appendJsonString(out, it.key());
        out.append(':');
        appendJsonValue(out, it.value());
    }
    out.append('}');
}

// A value as QJsonDocument's compact form writes it: numbers stored as integers in full, others in
// their shortest exact form, and what is not a finite number as null.
void appendJsonValue(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        out.append(value.toBool() ? "true" : "false");
        return;
    case QJsonValue::Double: {
        const QCborValue number = QCborValue::fromJsonValue(value);
        if (number.isInteger())
            out.append(QByteArray::number(number.toInteger()));
        else if (qIsFinite(number.toDouble()))
            out.append(QByteArray::number(number.toDouble(), 'g', QLocale::FloatingPointShortest));
        else
            out.append("null");
        return;
    }
    case QJsonValue::String:
        appendJsonString(out, value.toString());
        return;
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        out.append('[');
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i > 0)
                out.append(',');
            appendJsonValue(out, array.at(i));
        }
        out.append(']');
        return;
    }
    case QJsonValue::Object:
        appendJsonObject(out, value.toObject());
        return;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    out.append("null");
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

// The keys in QJsonObject's (sorted) order.
void TraceEntry::appendCompactJson(QByteArray &out) const
{
    out.append("{\"cardId\":");
    appendJsonString(out, cardId);
    out.append(",\"depth\":");
    out.append(QByteArray::number(depth));
    out.append(",\"durationUs\":");
    out.append(QByteArray::number(durationUs));
    if (error) {
        out.append(",\"error\":{\"message\":");
        appendJsonString(out, error->message);
        out.append(",\"type\":");
        appendJsonString(out, errorTypeName(error->type));
        out.append('}');
    }
    out.append(",\"function\":");
    appendJsonString(out, function);
    out.append(",\"inputs\":");
    appendJsonObject(out, inputs);
    out.append(",\"name\":");
    appendJsonString(out, name);
    out.append(",\"outputs\":");
    appendJsonObject(out, outputs);
    out.append('}');
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
