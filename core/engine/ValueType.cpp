#include "ValueType.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTimeZone>
#include <cmath>

namespace wf {
namespace {

struct TypeName {
    BaseType type;
    const char *id;
    const char *display;
};

constexpr TypeName kTypeNames[] = {
    {BaseType::Any, "any", "Any"},
    {BaseType::Text, "text", "Text"},
    {BaseType::Number, "number", "Number"},
    {BaseType::Boolean, "boolean", "True/False"},
    {BaseType::DateTime, "datetime", "Date & Time"},
    {BaseType::Object, "object", "Object"},
    {BaseType::List, "list", "List"},
};

std::optional<BaseType> baseFromName(const QString &name)
{
    for (const auto &entry : kTypeNames) {
        if (name == QLatin1String(entry.id))
            return entry.type;
    }
    return std::nullopt;
}

QString baseId(BaseType type)
{
    for (const auto &entry : kTypeNames) {
        if (entry.type == type)
            return QLatin1String(entry.id);
    }
    return QStringLiteral("any");
}

QString baseDisplay(BaseType type)
{
    for (const auto &entry : kTypeNames) {
        if (entry.type == type)
            return QLatin1String(entry.display);
    }
    return QStringLiteral("Any");
}

Error conversionError(const QJsonValue &value, ValueType type)
{
    return makeError(
        ErrorType::InvalidTypeConversion,
        QStringLiteral("cannot convert %1 to %2").arg(typeOfValue(value).displayName(), type.displayName()));
}

Result<QJsonValue> toNumber(const QJsonValue &value, ValueType type)
{
    if (value.isDouble())
        return value;
    if (value.isBool())
        return QJsonValue(value.toBool() ? 1.0 : 0.0);
    if (value.isString()) {
        const QString text = value.toString().trimmed();
        bool ok = false;
        // "1,000" is refused like "1,5": a separator in a number is more often a mistake than a format.
        static const QLocale c = [] {
            QLocale locale = QLocale::c();
            locale.setNumberOptions(QLocale::RejectGroupSeparator);
            return locale;
        }();
        const double number = c.toDouble(text, &ok);
        if (ok && std::isfinite(number))
            return QJsonValue(number);
        return makeError(ErrorType::InvalidTypeConversion,
                         QStringLiteral("cannot convert text \"%1\" to Number").arg(text.left(40)));
    }
    return conversionError(value, type);
}

Result<QJsonValue> toBoolean(const QJsonValue &value, ValueType type)
{
    if (value.isBool())
        return value;
    if (value.isDouble()) {
        const double number = value.toDouble();
        return QJsonValue(number != 0.0 && !std::isnan(number)); // NaN is false, as in JavaScript
    }
    if (value.isString()) {
        const QString text = value.toString().trimmed();
        if (text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
            return QJsonValue(true);
        if (text.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
            return QJsonValue(false);
        return makeError(ErrorType::InvalidTypeConversion,
                         QStringLiteral("cannot convert text \"%1\" to True/False").arg(text.left(40)));
    }
    return conversionError(value, type);
}

Result<QJsonValue> toDateTime(const QJsonValue &value, ValueType type)
{
    if (value.isString()) {
        if (const auto parsed = parseDateTime(value.toString()))
            return QJsonValue(dateTimeToText(*parsed));
        return makeError(ErrorType::InvalidTypeConversion,
                         QStringLiteral("cannot convert text \"%1\" to Date & Time (expected ISO 8601)")
                             .arg(value.toString().left(40)));
    }
    return conversionError(value, type);
}

Result<QJsonValue> fromJsonText(const QJsonValue &value, ValueType type)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(value.toString().toUtf8(), &error);
    if (error.error == QJsonParseError::NoError) {
        if (type.base == BaseType::Object && doc.isObject())
            return QJsonValue(doc.object());
        if (type.base == BaseType::List && doc.isArray())
            return QJsonValue(doc.array());
    }
    return makeError(ErrorType::InvalidTypeConversion,
                     QStringLiteral("cannot convert text to %1: it is not a JSON %2")
                         .arg(type.displayName(), type.base == BaseType::Object ? QStringLiteral("object")
                                                                                : QStringLiteral("array")));
}

Result<QJsonValue> toList(const QJsonValue &value, ValueType type)
{
    QJsonArray array;
    if (value.isArray()) {
        array = value.toArray();
    } else if (value.isString()) {
        auto parsed = fromJsonText(value, type);
        if (!parsed)
            return parsed.error();
        array = parsed->toArray();
    } else {
        return conversionError(value, type);
    }
    if (type.element == BaseType::Any)
        return QJsonValue(array);
    const ValueType elementType{type.element, BaseType::Any};
    for (qsizetype i = 0; i < array.size(); ++i) {
        auto converted = convertValue(array.at(i), elementType);
        if (!converted)
            return makeError(ErrorType::InvalidTypeConversion,
                             QStringLiteral("item %1: %2").arg(i).arg(converted.error().message));
        array.replace(i, *converted);
    }
    return QJsonValue(array);
}

} // namespace

std::optional<ValueType> ValueType::parse(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    if (lower.startsWith(QLatin1String("list<")) && lower.endsWith(QLatin1Char('>'))) {
        const auto element = baseFromName(lower.mid(5, lower.size() - 6));
        if (!element || *element == BaseType::List)
            return std::nullopt;
        return ValueType{BaseType::List, *element};
    }
    if (const auto base = baseFromName(lower))
        return ValueType{*base, BaseType::Any};
    return std::nullopt;
}

QString ValueType::toString() const
{
    if (base == BaseType::List && element != BaseType::Any)
        return QStringLiteral("list<%1>").arg(baseId(element));
    return baseId(base);
}

QString ValueType::displayName() const
{
    if (base == BaseType::List && element != BaseType::Any)
        return QStringLiteral("List of %1").arg(baseDisplay(element));
    return baseDisplay(base);
}

Result<QJsonValue> convertValue(const QJsonValue &value, ValueType type)
{
    if (value.isNull() || value.isUndefined())
        return QJsonValue(QJsonValue::Null);
    switch (type.base) {
    case BaseType::Any:
        return value;
    case BaseType::Text:
        return QJsonValue(valueToText(value));
    case BaseType::Number:
        return toNumber(value, type);
    case BaseType::Boolean:
        return toBoolean(value, type);
    case BaseType::DateTime:
        return toDateTime(value, type);
    case BaseType::Object:
        if (value.isObject())
            return value;
        if (value.isString())
            return fromJsonText(value, type);
        return conversionError(value, type);
    case BaseType::List:
        return toList(value, type);
    }
    return conversionError(value, type);
}

bool canEverConvert(ValueType from, ValueType to)
{
    if (from.base == BaseType::Any || to.base == BaseType::Any || from.base == to.base) {
        if (from.base == BaseType::List && to.base == BaseType::List && from.element != BaseType::Any &&
            to.element != BaseType::Any)
            return canEverConvert(ValueType{from.element, BaseType::Any},
                                  ValueType{to.element, BaseType::Any});
        return true;
    }
    switch (to.base) {
    case BaseType::Text:
        return true; // everything has a text form
    case BaseType::Number:
    case BaseType::Boolean:
        return from.base == BaseType::Text || from.base == BaseType::Number || from.base == BaseType::Boolean;
    case BaseType::DateTime:
    case BaseType::Object:
    case BaseType::List:
        return from.base == BaseType::Text;
    case BaseType::Any:
        break;
    }
    return true;
}

ValueType typeOfValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return ValueType::text();
    case QJsonValue::Double:
        return ValueType::number();
    case QJsonValue::Bool:
        return ValueType::boolean();
    case QJsonValue::Object:
        return ValueType::object();
    case QJsonValue::Array:
        return ValueType::list();
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return ValueType::any();
}

QString numberToText(double number)
{
    if (!std::isfinite(number))
        return std::isnan(number) ? QStringLiteral("NaN")
                                  : (number > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity"));
    if (number == 0)
        return QStringLiteral("0"); // -0 too, as JavaScript shows it
    // The shortest round-tripping digits, in JavaScript's layout: plain notation from 1e-6 up to 1e21,
    // an exponent without zero padding ("1e-7", "1e+21") outside that range.
    const double magnitude = std::fabs(number);
    if (magnitude >= 1e-6 && magnitude < 1e21)
        return QString::number(number, 'f', QLocale::FloatingPointShortest);
    QString text = QString::number(number, 'e', QLocale::FloatingPointShortest);
    const qsizetype exponent = text.indexOf(QLatin1Char('e')) + 2; // after the exponent's sign
    while (exponent + 1 < text.size() && text.at(exponent) == QLatin1Char('0'))
        text.remove(exponent, 1);
    return text;
}

QString valueToText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return numberToText(value.toDouble());
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return QString();
}

std::optional<QDateTime> parseDateTime(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    QDateTime parsed = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (!parsed.isValid() || parsed.timeSpec() == Qt::LocalTime) {
        // No offset given: UTC, never the machine's zone. Qt reads such text as local time, which is
        // invalid or shifted when it falls in the machine's daylight-saving gap, so read it again as UTC.
        parsed = QDateTime::fromString(trimmed + QLatin1Char('Z'), Qt::ISODateWithMs);
        if (!parsed.isValid() && trimmed.size() == 10) { // date only ("2024-05-01")
            const QDate date = QDate::fromString(trimmed, Qt::ISODate);
            if (date.isValid())
                parsed = QDateTime(date, QTime(0, 0), QTimeZone::utc());
        }
    }
    if (!parsed.isValid())
        parsed = QDateTime::fromString(trimmed, Qt::RFC2822Date);
    if (!parsed.isValid()) {
        // Qt only knows numeric zones; HTTP and e-mail dates often end in "GMT" (RFC 2822's obsolete zones).
        static const QLatin1String kUtcNames[] = {QLatin1String(" GMT"), QLatin1String(" UT"),
                                                  QLatin1String(" UTC"), QLatin1String(" Z")};
        for (const QLatin1String &name : kUtcNames) {
            if (trimmed.endsWith(name, Qt::CaseInsensitive)) {
                parsed = QDateTime::fromString(
                    trimmed.left(trimmed.size() - name.size()) + QLatin1String(" +0000"), Qt::RFC2822Date);
                break;
            }
        }
    }
    if (!parsed.isValid())
        return std::nullopt;
    parsed = parsed.toUTC();
    // An offset can push a date written in year 1 or 9999 outside the range the ISO text form can show.
    if (parsed.date().year() < 1 || parsed.date().year() > 9999)
        return std::nullopt;
    return parsed;
}

QString dateTimeToText(const QDateTime &dateTime)
{
    return dateTime.toUTC().toString(Qt::ISODateWithMs);
}

QJsonValue emptyValueOf(ValueType type, const QDateTime &now)
{
    switch (type.base) {
    case BaseType::Text:
        return QString();
    case BaseType::Number:
        return 0;
    case BaseType::Boolean:
        return false;
    case BaseType::DateTime:
        return dateTimeToText(now);
    case BaseType::Object:
        return QJsonObject();
    case BaseType::List:
        return QJsonArray();
    case BaseType::Any:
        break;
    }
    return QJsonValue(QJsonValue::Null);
}

} // namespace wf
