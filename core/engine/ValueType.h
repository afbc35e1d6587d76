#pragma once

// The card value types (Text, Number, True/False, Date & Time, Object, List of a type) and the
// conversions between them. Values travel through the engine as QJsonValue: Text is a string,
// Number a double, True/False a bool, Date & Time an ISO 8601 UTC string with milliseconds
// ("2024-05-01T12:00:00.000Z"), Object a JSON object, List a JSON array. Null is the empty value of
// every type.

#include "Result.h"

#include <QDateTime>
#include <QJsonValue>
#include <QString>
#include <optional>

namespace wf {

enum class BaseType { Any, Text, Number, Boolean, DateTime, Object, List };

struct ValueType {
    BaseType base = BaseType::Any;
    BaseType element = BaseType::Any; // for List only

    static ValueType any() { return {}; }
    static ValueType text() { return {BaseType::Text, BaseType::Any}; }
    static ValueType number() { return {BaseType::Number, BaseType::Any}; }
    static ValueType boolean() { return {BaseType::Boolean, BaseType::Any}; }
    static ValueType dateTime() { return {BaseType::DateTime, BaseType::Any}; }
    static ValueType object() { return {BaseType::Object, BaseType::Any}; }
    static ValueType list(BaseType element = BaseType::Any) { return {BaseType::List, element}; }

    // "text", "number", "boolean", "datetime", "object", "list", "list<text>", "any".
    static std::optional<ValueType> parse(const QString &name);
    QString toString() const;
    // Human name as the UI shows it: "Text", "List of Number", ...
    QString displayName() const;

    bool operator==(const ValueType &) const = default;
};

// Converts `value` to `type`. Null converts to null. Impossible conversions give
// ErrorType::InvalidTypeConversion naming the source and target types.
Result<QJsonValue> convertValue(const QJsonValue &value, ValueType type);

// False when no value of `from` can ever become a `to` (e.g. Object to Number); used when a flow
// is loaded, so that such bindings are refused before anything runs.
bool canEverConvert(ValueType from, ValueType to);

// The runtime type of a value (Text for strings; Any for null).
ValueType typeOfValue(const QJsonValue &value);

// Number formatting as the cards show it: integers without ".0", no exponent below 1e21.
QString numberToText(double number);

// Text forms used by the Text conversion: numbers as above, booleans "true"/"false", objects and
// lists as compact JSON, null as "".
QString valueToText(const QJsonValue &value);

// Date & Time helpers shared by the cards.
std::optional<QDateTime> parseDateTime(const QString &text);
QString dateTimeToText(const QDateTime &dateTime);

// A value of `type` for prefilling a request someone then edits: "" for Text, 0, false, {}, [], null
// for Any, and `now` as text for Date & Time.
QJsonValue emptyValueOf(ValueType type, const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace wf
