// Flow Control cards. Return, Return Raw, Pause, Pause Raw, Close and Comment are run by the
// executor itself (they end or shape the flow); Assign and the Call Flow cards are ordinary functions.

#include "engine/CardCatalogue.h"
#include "engine/CardIds.h"

namespace wf {
namespace {

QList<PortSpec> rawPorts()
{
    return {
        {QStringLiteral("statusCode"), ValueType::number(), false,
         QStringLiteral("HTTP status: 200 or 400-599"), 200},
        {QStringLiteral("headers"), ValueType::object(), false,
         QStringLiteral("Response headers (name → text)"), QJsonValue(QJsonValue::Null)},
        {QStringLiteral("body"), ValueType::text(), false, QStringLiteral("Response body"),
         QJsonValue(QJsonValue::Null)},
    };
}

Result<QString> helperFlowId(const CardCall &call)
{
    const QString flowId = call.node.options.value(QLatin1String("flow")).toString();
    if (flowId.isEmpty())
        return makeError(ErrorType::InvalidInput, QStringLiteral("options.flow: no helper flow chosen"));
    return flowId;
}

Result<QJsonObject> callFlow(const CardCall &call)
{
    auto flowId = helperFlowId(call);
    if (!flowId)
        return flowId.error();
    auto returned = call.env.callFlow(*flowId, call.inputs);
    if (!returned)
        return returned.error();
    QJsonObject outputs{{QStringLiteral("output"), *returned}};
    for (const FieldDecl &field : call.node.outputs) {
        if (field.name == QLatin1String("output"))
            continue;
        auto converted = convertValue(returned->value(field.name), field.type);
        if (!converted)
            return makeError(converted.error().type,
                             field.name + QStringLiteral(": ") + converted.error().message);
        outputs.insert(field.name, *converted);
    }
    return outputs;
}

} // namespace

void registerFlowControlCards(CardCatalogue &catalogue)
{
    const QString category = QStringLiteral("Flow Control");
    catalogue.add(
        {cardid::kReturn,
         category,
         QStringLiteral("Return"),
         QStringLiteral(
             "Ends the flow (or leaves its block) and answers with the card's fields as a JSON object."),
         CardKind::Control,
         {},
         {},
         true,
         false,
         {}});
    catalogue.add({cardid::kReturnRaw,
                   category,
                   QStringLiteral("Return Raw"),
                   QStringLiteral("Ends the flow and answers with this status code, headers and body."),
                   CardKind::Control,
                   rawPorts(),
                   {},
                   false,
                   false,
                   {}});
    catalogue.add({cardid::kAssign,
                   category,
                   QStringLiteral("Assign"),
                   QStringLiteral("Gives names to values: each input becomes an output of the same name."),
                   CardKind::Function,
                   {},
                   {},
                   true,
                   false,
                   [](const CardCall &call) -> Result<QJsonObject> {
                       return call.inputs;
                   }});
    catalogue.add(
        {cardid::kCallFlow,
         category,
         QStringLiteral("Call Flow"),
         QStringLiteral("Runs a helper flow with the card's inputs and waits for its Return fields."),
         CardKind::Function,
         {},
         {{QStringLiteral("output"),
           ValueType::object(),
           false,
           QStringLiteral("All fields the helper returned"),
           {}}},
         true,
         true,
         callFlow});
    catalogue.add({cardid::kCallFlowAsync,
                   category,
                   QStringLiteral("Call Flow Async"),
                   QStringLiteral("Starts a helper flow with the card's inputs and goes on without waiting."),
                   CardKind::Function,
                   {},
                   {},
                   true,
                   false,
                   [](const CardCall &call) -> Result<QJsonObject> {
                       auto flowId = helperFlowId(call);
                       if (!flowId)
                           return flowId.error();
                       auto started = call.env.callFlowAsync(*flowId, call.inputs);
                       if (!started)
                           return started.error();
                       return QJsonObject();
                   }});
    catalogue.add(
        {cardid::kPause,
         category,
         QStringLiteral("Pause"),
         QStringLiteral(
             "Answers with the card's fields and waits; the Resume URL continues the flow, its JSON body "
             "fields becoming the card's outputs."),
         CardKind::Control,
         {},
         {},
         true,
         true,
         {}});
    catalogue.add(
        {cardid::kPauseRaw,
         category,
         QStringLiteral("Pause Raw"),
         QStringLiteral("Answers with this status code, headers and body and waits for the Resume URL."),
         CardKind::Control,
         rawPorts(),
         {{QStringLiteral("headers"),
           ValueType::object(),
           false,
           QStringLiteral("Headers of the resume request"),
           {}},
          {QStringLiteral("body"),
           ValueType::text(),
           false,
           QStringLiteral("Body of the resume request"),
           {}}},
         false,
         false,
         {}});
    catalogue.add(
        {cardid::kClose,
         category,
         QStringLiteral("Close"),
         QStringLiteral(
             "Answers the caller now with this status code, headers and body; the flow keeps running."),
         CardKind::Control,
         rawPorts(),
         {},
         false,
         false,
         {}});
    catalogue.add({cardid::kComment,
                   category,
                   QStringLiteral("Comment"),
                   QStringLiteral("A note in the flow; does nothing."),
                   CardKind::Control,
                   {{QStringLiteral("text"), ValueType::text(), false, QStringLiteral("The note"),
                     QJsonValue(QJsonValue::Null)}},
                   {},
                   false,
                   false,
                   {}});
}

} // namespace wf
