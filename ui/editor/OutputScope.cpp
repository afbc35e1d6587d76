#include "editor/OutputScope.h"

#include "editor/FlowEdits.h"
#include "engine/CardIds.h"

namespace wf::ui {
namespace {

const QString kEventCategory = QStringLiteral("Event");

OutputRef eventRef(const QString &title, const QString &output, ValueType type)
{
    return OutputRef{
        eventCardId() + QLatin1Char('.') + output, eventCardId(), title, output, type, kEventCategory};
}

} // namespace

OutputScope::OutputScope(const Flow &flow, const CardCatalogue &catalogue)
    : m_flow(flow), m_catalogue(catalogue)
{
    collect(m_flow.cards, Visible());
}

void OutputScope::collect(const QList<CardNode> &cards, Visible visible)
{
    for (const CardNode &node : cards) {
        m_visible.insert(node.id, visible);
        for (qsizetype b = 0; b < node.blocks.size(); ++b) {
            Visible inner = visible;
            if (node.function == cardid::kIfError && b == 1)
                inner.errorBlocks.append(node.id);
            collect(node.blocks.at(b).cards, inner);
        }
        visible.cards.append(node.id);
    }
}

QList<OutputRef> OutputScope::visibleFrom(const QString &cardId) const
{
    QList<OutputRef> result = eventOutputs(m_flow);
    const auto found = m_visible.constFind(cardId);
    if (found == m_visible.constEnd())
        return result;
    for (const QString &id : found->cards) {
        if (const CardNode *node = flowedit::findCard(m_flow, id))
            result += cardOutputs(*node, m_catalogue);
    }
    for (const QString &id : found->errorBlocks) {
        if (const CardNode *node = flowedit::findCard(m_flow, id))
            result.append(errorOutput(*node));
    }
    return result;
}

bool OutputScope::canReference(const QString &cardId, const QString &reference) const
{
    Binding binding;
    if (!Binding::parseReference(reference, &binding))
        return false;
    if (binding.sourceCard == eventCardId())
        return true;
    const auto found = m_visible.constFind(cardId);
    if (found == m_visible.constEnd())
        return false;
    return found->cards.contains(binding.sourceCard) || (found->errorBlocks.contains(binding.sourceCard) &&
                                                         binding.path.first() == cardid::kIfErrorOutput);
}

QList<OutputRef> OutputScope::eventOutputs(const Flow &flow)
{
    QList<OutputRef> result;
    if (flow.isHelper()) {
        const QString title = tr("Helper Flow");
        for (const FieldDecl &field : flow.event.inputs)
            result.append(eventRef(title, field.name, field.type));
        return result;
    }
    const QString title = tr("API Endpoint");
    for (const FieldDecl &field : flow.event.body)
        result.append(eventRef(title, QStringLiteral("body.") + field.name, field.type));
    for (const FieldDecl &field : flow.event.query)
        result.append(eventRef(title, QStringLiteral("query.") + field.name, field.type));
    for (const FieldDecl &field : flow.event.headers)
        result.append(eventRef(title, QStringLiteral("headers.") + field.name, field.type));
    result.append(eventRef(title, QStringLiteral("raw.body"), ValueType::text()));
    result.append(eventRef(title, QStringLiteral("raw.query"), ValueType::text()));
    result.append(eventRef(title, QStringLiteral("raw.headers"), ValueType::object()));
    for (const char *context : {"execution_id", "method", "client_id", "security_level"})
        result.append(
            eventRef(title, QStringLiteral("context.") + QLatin1String(context), ValueType::text()));
    return result;
}

QList<OutputRef> OutputScope::cardOutputs(const CardNode &node, const CardCatalogue &catalogue)
{
    const QString title = cardTitle(node, catalogue);
    const CardSpec *spec = catalogue.find(node.function);
    const QString category = spec ? spec->category : QString();
    QList<OutputRef> result;
    QStringList seen;
    const auto add = [&](const QString &name, ValueType type) {
        if (name.isEmpty() || seen.contains(name))
            return;
        seen.append(name);
        result.append(OutputRef{node.id + QLatin1Char('.') + name, node.id, title, name, type, category});
    };
    if (spec) {
        for (const PortSpec &port : spec->outputs)
            add(port.name, port.type);
    }
    for (const FieldDecl &field : node.outputs)
        add(field.name, field.type);
    if (node.function == cardid::kAssign) {
        for (const InputBinding &input : node.inputs)
            add(input.name, input.type.value_or(ValueType::any()));
    }
    return result;
}

OutputRef OutputScope::errorOutput(const CardNode &ifError)
{
    return OutputRef{ifError.id + QLatin1Char('.') + cardid::kIfErrorOutput,
                     ifError.id,
                     cardTitle(ifError, CardCatalogue::builtIn()),
                     cardid::kIfErrorOutput,
                     ValueType::object(),
                     QStringLiteral("Error Handling")};
}

QString OutputScope::cardTitle(const CardNode &node, const CardCatalogue &catalogue)
{
    if (!node.name.isEmpty())
        return node.name;
    if (const CardSpec *spec = catalogue.find(node.function))
        return spec->name;
    return node.function;
}

} // namespace wf::ui
