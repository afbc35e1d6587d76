// The comparison operators behind Compare, Continue If, Assign If, the If blocks, Return Error If
// and the list cards that filter. Equality and ordering are typed (CompareAs); the membership and
// emptiness operators work on the JSON shapes of the values.

#include "engine/Comparison.h"

#include "engine/ValueType.h"

#include <QJsonArray>
#include <QJsonObject>
#include <compare>

namespace wf {
namespace {

enum class Op {
    Equal,
    NotEqual,
    Greater,
    GreaterOrEqual,
    Less,
    LessOrEqual,
    Contains,
    DoesNotContain,
    StartsWith,
    EndsWith,
    IsEmpty,
    IsNotEmpty,
    In,
    NotIn,
    HasKey,
};

struct OpName {
    Op op;
    const char *name;
};

// In the order comparisonOperators() lists them.
constexpr OpName kOperators[] = {
    {Op::Equal, "equal to"},
    {Op::NotEqual, "not equal to"},
    {Op::Greater, "greater than"},
    {Op::GreaterOrEqual, "greater than or equal to"},
    {Op::Less, "less than"},
    {Op::LessOrEqual, "less than or equal to"},
    {Op::Contains, "contains"},
    {Op::DoesNotContain, "does not contain"},
    {Op::StartsWith, "starts with"},
    {Op::EndsWith, "ends with"},
    {Op::IsEmpty, "is empty"},
    {Op::IsNotEmpty, "is not empty"},
    {Op::In, "in"},
    {Op::NotIn, "not in"},
    {Op::HasKey, "has key"},
};

// Operator names are matched without regard to case or surrounding spaces: flows written by hand
// often say "Equal To".
std::optional<Op> parseOp(const QString &name)
{
    const QString normalized = name.trimmed();
    for (const auto &entry : kOperators) {
        if (normalized.compare(QLatin1String(entry.name), Qt::CaseInsensitive) == 0)
            return entry.op;
    }
    return std::nullopt;
}

QString opName(Op op)
{
    for (const auto &entry : kOperators) {
        if (entry.op == op)
            return QLatin1String(entry.name);
    }
    return QString();
}

// "text \"abc\"", "Number 12", "Object", "empty value": enough to recognise the value, never huge.
QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return QStringLiteral("text \"%1\"").arg(value.toString().left(40));
    case QJsonValue::Double:
    case QJsonValue::Bool:
        return typeOfValue(value).displayName() % QLatin1Char(' ') % valueToText(value);
    case QJsonValue::Object:
    case QJsonValue::Array:
        return typeOfValue(value).displayName();
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("empty value");
}

Error compareError(Op op, const QString &message)
{
    return makeError(ErrorType::InvalidInput, opName(op) % QStringLiteral(": ") % message);
}

// A UTF-16 code unit remapped so that unit order equals code point order: surrogates (U+D800..DFFF,
// which encode code points above U+FFFF) must sort after U+E000..FFFF.
int codePointOrderKey(char16_t unit)
{
    if (unit >= 0xE000)
        return unit - 0x800;
    if (unit >= 0xD800)
        return unit + 0x2000;
    return unit;
}

std::strong_ordering compareText(const QString &a, const QString &b)
{
    const qsizetype common = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < common; ++i) {
        const char16_t ua = a.at(i).unicode();
        const char16_t ub = b.at(i).unicode();
        if (ua != ub)
            return codePointOrderKey(ua) <=> codePointOrderKey(ub);
    }
    return a.size() <=> b.size();
}

bool isEmptyValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return true;
    case QJsonValue::String:
        return value.toString().isEmpty();
    case QJsonValue::Array:
        return value.toArray().isEmpty();
    case QJsonValue::Object:
        return value.toObject().isEmpty();
    case QJsonValue::Double:
    case QJsonValue::Bool:
        break;
    }
    return false;
}

bool isNull(const QJsonValue &value)
{
    return value.isNull() || value.isUndefined();
}

bool isScalar(const QJsonValue &value)
{
    return !value.isObject() && !value.isArray();
}

bool orderHolds(Op op, std::partial_ordering order)
{
    switch (op) {
    case Op::Equal:
        return order == 0;
    case Op::NotEqual:
        return order != 0;
    case Op::Greater:
        return order > 0;
    case Op::GreaterOrEqual:
        return order >= 0;
    case Op::Less:
        return order < 0;
    case Op::LessOrEqual:
        return order <= 0;
    default:
        break;
    }
    return false;
}

// One side of a typed comparison: the value as the asked type, or null when it is empty.
struct Typed {
    bool empty = false;
    double number = 0;
    QDateTime dateTime;
};

Result<Typed> typed(Op op, const char *side, const QJsonValue &value, CompareAs as)
{
    Typed out;
    if (isNull(value)) {
        out.empty = true;
        return out;
    }
    switch (as) {
    case CompareAs::Number:
    case CompareAs::Boolean: {
        const ValueType type = as == CompareAs::Number ? ValueType::number() : ValueType::boolean();
        const auto converted = convertValue(value, type);
        if (!converted)
            return compareError(op, QStringLiteral("%1 (%2) is not a %3")
                                        .arg(QLatin1String(side), describe(value), type.displayName()));
        out.number = converted->isBool() ? (converted->toBool() ? 1.0 : 0.0) : converted->toDouble();
        return out;
    }
    case CompareAs::DateTime: {
        const auto parsed = value.isString() ? parseDateTime(value.toString()) : std::nullopt;
        if (!parsed)
            return compareError(op, QStringLiteral("%1 (%2) is not a Date & Time (expected ISO 8601)")
                                        .arg(QLatin1String(side), describe(value)));
        out.dateTime = *parsed;
        return out;
    }
    case CompareAs::Auto:
    case CompareAs::Text:
        break;
    }
    return out;
}

Result<bool> compareTyped(Op op, const QJsonValue &a, const QJsonValue &b, CompareAs as)
{
    if (as == CompareAs::Auto) {
        if (a.isDouble() && b.isDouble())
            as = CompareAs::Number;
        else if (a.isBool() && b.isBool())
            as = CompareAs::Boolean;
        else
            as = CompareAs::Text;
    }
    if (as == CompareAs::Text)
        return orderHolds(op, compareText(valueToText(a), valueToText(b)));

    const auto left = typed(op, "a", a, as);
    if (!left)
        return left.error();
    const auto right = typed(op, "b", b, as);
    if (!right)
        return right.error();
    // An empty value equals only another empty value and has no order against anything.
    if (left->empty || right->empty) {
        if (op == Op::Equal)
            return left->empty && right->empty;
        if (op == Op::NotEqual)
            return !(left->empty && right->empty);
        return compareError(op, QStringLiteral("%1 is empty and cannot be ordered")
                                    .arg(left->empty ? QStringLiteral("a") : QStringLiteral("b")));
    }
    if (as == CompareAs::DateTime)
        return orderHolds(op, left->dateTime.toMSecsSinceEpoch() <=> right->dateTime.toMSecsSinceEpoch());
    return orderHolds(op, left->number <=> right->number);
}

Result<QString> scalarText(Op op, const char *side, const QJsonValue &value)
{
    if (!isScalar(value))
        return compareError(
            op, QStringLiteral("%1 must be Text, not %2").arg(QLatin1String(side), describe(value)));
    return valueToText(value);
}

// "contains": a list holds an element equal to b, or a text holds b as a substring.
Result<bool> contains(Op op, const QJsonValue &haystack, const char *haystackSide, const QJsonValue &needle,
                      const char *needleSide)
{
    if (haystack.isArray())
        return haystack.toArray().contains(needle);
    if (haystack.isObject())
        return compareError(
            op, QStringLiteral("%1 must be Text or a List, not Object").arg(QLatin1String(haystackSide)));
    const auto text = valueToText(haystack);
    const auto part = scalarText(op, needleSide, needle);
    if (!part)
        return part.error();
    return text.contains(*part, Qt::CaseSensitive);
}

Result<bool> hasKey(Op op, const QJsonValue &a, const QJsonValue &b)
{
    if (isNull(a))
        return false;
    if (!a.isObject())
        return compareError(op, QStringLiteral("a must be an Object, not %1").arg(describe(a)));
    const auto key = scalarText(op, "b", b);
    if (!key)
        return key.error();
    return a.toObject().contains(*key);
}

Result<bool> affix(Op op, const QJsonValue &a, const QJsonValue &b)
{
    const auto text = scalarText(op, "a", a);
    if (!text)
        return text.error();
    const auto part = scalarText(op, "b", b);
    if (!part)
        return part.error();
    return op == Op::StartsWith ? text->startsWith(*part) : text->endsWith(*part);
}

Result<bool> negate(Result<bool> result)
{
    if (!result)
        return result;
    return !*result;
}

} // namespace

const QStringList &comparisonOperators()
{
    static const QStringList names = [] {
        QStringList list;
        for (const auto &entry : kOperators)
            list.append(QLatin1String(entry.name));
        return list;
    }();
    return names;
}

bool isUnaryOperator(const QString &op)
{
    const auto parsed = parseOp(op);
    return parsed && (*parsed == Op::IsEmpty || *parsed == Op::IsNotEmpty);
}

std::optional<CompareAs> parseCompareAs(const QString &name)
{
    const QString normalized = name.trimmed().toLower();
    if (normalized.isEmpty() || normalized == QLatin1String("auto"))
        return CompareAs::Auto;
    if (normalized == QLatin1String("text"))
        return CompareAs::Text;
    if (normalized == QLatin1String("number"))
        return CompareAs::Number;
    if (normalized == QLatin1String("boolean") || normalized == QLatin1String("true/false"))
        return CompareAs::Boolean;
    if (normalized == QLatin1String("datetime") || normalized == QLatin1String("date & time"))
        return CompareAs::DateTime;
    return std::nullopt;
}

Result<bool> compareValues(const QJsonValue &a, const QString &op, const QJsonValue &b, CompareAs as)
{
    const auto parsed = parseOp(op);
    if (!parsed)
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("unknown operator \"%1\" (expected one of: %2)")
                             .arg(op.left(40), comparisonOperators().join(QStringLiteral(", "))));
    switch (*parsed) {
    case Op::Equal:
    case Op::NotEqual:
    case Op::Greater:
    case Op::GreaterOrEqual:
    case Op::Less:
    case Op::LessOrEqual:
        return compareTyped(*parsed, a, b, as);
    case Op::Contains:
        return contains(*parsed, a, "a", b, "b");
    case Op::DoesNotContain:
        return negate(contains(*parsed, a, "a", b, "b"));
    case Op::StartsWith:
    case Op::EndsWith:
        return affix(*parsed, a, b);
    case Op::IsEmpty:
        return isEmptyValue(a);
    case Op::IsNotEmpty:
        return !isEmptyValue(a);
    case Op::In:
        return contains(*parsed, b, "b", a, "a");
    case Op::NotIn:
        return negate(contains(*parsed, b, "b", a, "a"));
    case Op::HasKey:
        return hasKey(*parsed, a, b);
    }
    return makeError(ErrorType::Internal, QStringLiteral("unhandled operator"));
}

} // namespace wf
