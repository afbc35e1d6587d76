// True/False cards: Compare (the shared comparison operators), And, Or and Not. An empty value
// counts as false, so a missing optional flag never makes a condition true.

#include "engine/CardCatalogue.h"
#include "engine/Comparison.h"
#include "flow/Flow.h"

namespace wf {
namespace {

QJsonObject boolResult(bool value)
{
    QJsonObject outputs;
    outputs.insert(QStringLiteral("result"), value);
    return outputs;
}

QList<PortSpec> resultOutput(const QString &description)
{
    return {PortSpec{QStringLiteral("result"), ValueType::boolean(), false, description,
                     QJsonValue(QJsonValue::Null)}};
}

// The flow's inputs as True/False values in declaration order; empty values are false.
Result<QList<bool>> booleanInputs(const CardCall &call)
{
    if (call.node.inputs.isEmpty())
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("inputs: at least one True/False input is required"));
    QList<bool> values;
    for (const InputBinding &input : call.node.inputs) {
        const auto converted = convertValue(call.input(input.name), ValueType::boolean());
        if (!converted)
            return makeError(converted.error().type,
                             QStringLiteral("%1: %2").arg(input.name, converted.error().message));
        values.append(converted->toBool(false));
    }
    return values;
}

Result<QJsonObject> runCompare(const CardCall &call)
{
    // compareAs may be bound as an input or set as a static option of the card.
    QString compareAsName = call.input(QStringLiteral("compareAs")).toString();
    if (!call.node.findInput(QStringLiteral("compareAs")) &&
        call.node.options.contains(QStringLiteral("compareAs")))
        compareAsName = call.node.options.value(QStringLiteral("compareAs")).toString();
    const auto as = parseCompareAs(compareAsName);
    if (!as)
        return makeError(
            ErrorType::InvalidInput,
            QStringLiteral(
                "compareAs: unknown type \"%1\" (expected auto, text, number, boolean or datetime)")
                .arg(compareAsName.left(40)));
    const QString op = call.input(QStringLiteral("operator")).toString();
    const auto result =
        compareValues(call.input(QStringLiteral("a")), op, call.input(QStringLiteral("b")), *as);
    if (!result) {
        // Value problems already name the operator and the side; an unknown operator names the input.
        if (!comparisonOperators().contains(op.trimmed(), Qt::CaseInsensitive))
            return makeError(result.error().type, QStringLiteral("operator: %1").arg(result.error().message));
        return result.error();
    }
    return boolResult(*result);
}

} // namespace

void registerBooleanCards(CardCatalogue &catalogue)
{
    const QString category = QStringLiteral("True/False");

    catalogue.add(CardSpec{
        QStringLiteral("boolean.compare"),
        category,
        QStringLiteral("Compare"),
        QStringLiteral("Compares two values with an operator such as equal to, greater than or contains."),
        CardKind::Function,
        {PortSpec{QStringLiteral("a"), ValueType::any(), false, QStringLiteral("The left-hand value."),
                  QJsonValue(QJsonValue::Null)},
         PortSpec{QStringLiteral("operator"), ValueType::text(), false,
                  QStringLiteral("equal to, not equal to, greater than, ..., is empty, in, has key."),
                  QJsonValue(QStringLiteral("equal to"))},
         PortSpec{QStringLiteral("b"), ValueType::any(), false,
                  QStringLiteral("The right-hand value (ignored by is empty / is not empty)."),
                  QJsonValue(QJsonValue::Null)},
         PortSpec{
             QStringLiteral("compareAs"), ValueType::text(), false,
             QStringLiteral("auto, text, number, boolean or datetime: how equality and order are decided."),
             QJsonValue(QStringLiteral("auto"))}},
        resultOutput(QStringLiteral("True when the comparison holds.")),
        false,
        false,
        runCompare});

    catalogue.add(CardSpec{QStringLiteral("boolean.and"),
                           category,
                           QStringLiteral("And"),
                           QStringLiteral("True when every input is true (empty inputs count as false)."),
                           CardKind::Function,
                           {},
                           resultOutput(QStringLiteral("True when all inputs are true.")),
                           true,
                           false,
                           [](const CardCall &call) -> Result<QJsonObject> {
                               const auto values = booleanInputs(call);
                               if (!values)
                                   return values.error();
                               return boolResult(!values->contains(false));
                           }});

    catalogue.add(
        CardSpec{QStringLiteral("boolean.or"),
                 category,
                 QStringLiteral("Or"),
                 QStringLiteral("True when at least one input is true (empty inputs count as false)."),
                 CardKind::Function,
                 {},
                 resultOutput(QStringLiteral("True when any input is true.")),
                 true,
                 false,
                 [](const CardCall &call) -> Result<QJsonObject> {
                     const auto values = booleanInputs(call);
                     if (!values)
                         return values.error();
                     return boolResult(values->contains(true));
                 }});

    catalogue.add(CardSpec{QStringLiteral("boolean.not"),
                           category,
                           QStringLiteral("Not"),
                           QStringLiteral("Negates a True/False value (an empty value counts as false)."),
                           CardKind::Function,
                           {PortSpec{QStringLiteral("value"), ValueType::boolean(), false,
                                     QStringLiteral("The value to negate."), QJsonValue(QJsonValue::Null)}},
                           resultOutput(QStringLiteral("The opposite of value.")),
                           false,
                           false,
                           [](const CardCall &call) -> Result<QJsonObject> {
                               return boolResult(!call.input(QStringLiteral("value")).toBool(false));
                           }});
}

} // namespace wf
