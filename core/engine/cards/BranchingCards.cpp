// Branching cards. If/Else and If/ElseIf are blocks run by the executor; Continue If ends the flow or
// its block; Assign If is an ordinary function.

#include "engine/CardCatalogue.h"
#include "engine/CardIds.h"
#include "engine/Comparison.h"
#include "engine/cards/ConditionPorts.h"

namespace wf {

void registerBranchingCards(CardCatalogue &catalogue)
{
    const QString category = QStringLiteral("Branching");
    catalogue.add({cardid::kIfElse,
                   category,
                   QStringLiteral("If/Else"),
                   QStringLiteral(
                       "Runs the first block when the condition holds, the second otherwise; a Return inside "
                       "sets the card's outputs."),
                   CardKind::Block,
                   conditionPorts(),
                   {},
                   false,
                   true,
                   {}});
    catalogue.add(
        {cardid::kIfElseIf,
         category,
         QStringLiteral("If/ElseIf"),
         QStringLiteral(
             "Runs the first block whose condition holds (a last block without condition is the else)."),
         CardKind::Block,
         {},
         {},
         false,
         true,
         {}});

    QList<PortSpec> continuePorts = conditionPorts();
    continuePorts.append({QStringLiteral("message"), ValueType::text(), false,
                          QStringLiteral("Answered as {\"message\": …} when the flow stops"),
                          QJsonValue(QJsonValue::Null)});
    catalogue.add(
        {cardid::kContinueIf,
         category,
         QStringLiteral("Continue If"),
         QStringLiteral(
             "Goes on only when the condition holds; otherwise ends the flow (or leaves its block)."),
         CardKind::Control,
         continuePorts,
         {},
         false,
         false,
         {}});

    QList<PortSpec> assignPorts = conditionPorts();
    assignPorts.append({QStringLiteral("valueIfTrue"), ValueType::any(), false,
                        QStringLiteral("Output when the condition holds"), QJsonValue(QJsonValue::Null)});
    assignPorts.append({QStringLiteral("valueIfFalse"), ValueType::any(), false,
                        QStringLiteral("Output when it does not"), QJsonValue(QJsonValue::Null)});
    catalogue.add(
        {cardid::kAssignIf,
         category,
         QStringLiteral("Assign If"),
         QStringLiteral("Outputs one of two values depending on a condition."),
         CardKind::Function,
         assignPorts,
         {{QStringLiteral("output"), ValueType::any(), false, QStringLiteral("The chosen value"), {}}},
         false,
         false,
         [](const CardCall &call) -> Result<QJsonObject> {
             const auto as = parseCompareAs(call.input(QStringLiteral("compareAs")).toString());
             if (!as)
                 return makeError(ErrorType::InvalidInput,
                                  QStringLiteral("compareAs: unknown comparison type"));
             auto holds = compareValues(call.input(QStringLiteral("a")),
                                        call.input(QStringLiteral("operator")).toString(),
                                        call.input(QStringLiteral("b")), *as);
             if (!holds)
                 return holds.error();
             return QJsonObject{
                 {QStringLiteral("output"),
                  call.input(*holds ? QStringLiteral("valueIfTrue") : QStringLiteral("valueIfFalse"))}};
         }});
}

} // namespace wf
