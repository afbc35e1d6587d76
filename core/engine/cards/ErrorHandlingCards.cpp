// Error Handling cards, all run by the executor: Return Error and Return Error If end the flow with
// an error answer; If Error runs its second block when a card of its first block fails.

#include "engine/CardCatalogue.h"
#include "engine/CardIds.h"
#include "engine/cards/ConditionPorts.h"

namespace wf {

void registerErrorHandlingCards(CardCatalogue &catalogue)
{
    const QString category = QStringLiteral("Error Handling");
    const QList<PortSpec> errorPorts = {
        {QStringLiteral("statusCode"), ValueType::number(), false, QStringLiteral("HTTP status, 400-599"),
         400},
        {QStringLiteral("message"), ValueType::text(), false,
         QStringLiteral("Answered as {\"error\": message}"), QJsonValue(QJsonValue::Null)},
    };
    catalogue.add({cardid::kReturnError,
                   category,
                   QStringLiteral("Return Error"),
                   QStringLiteral("Ends the flow and answers with an error status and message."),
                   CardKind::Control,
                   errorPorts,
                   {},
                   false,
                   false,
                   {}});
    catalogue.add({cardid::kReturnErrorIf,
                   category,
                   QStringLiteral("Return Error If"),
                   QStringLiteral("Ends the flow with an error answer when the condition holds."),
                   CardKind::Control,
                   conditionPorts() + errorPorts,
                   {},
                   false,
                   false,
                   {}});
    catalogue.add(
        {cardid::kIfError,
         category,
         QStringLiteral("If Error"),
         QStringLiteral(
             "Runs the first block; when one of its cards fails, runs the second block with the error "
             "(message, type, cardId) as this card's 'error' output."),
         CardKind::Block,
         {},
         {},
         false,
         true,
         {}});
}

} // namespace wf
