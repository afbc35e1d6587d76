#include "flow/FlowValidator.h"

#include "engine/CardCatalogue.h"
#include "engine/CardIds.h"
#include "engine/Comparison.h"
#include "flow/FlowLibrary.h"

#include <QRegularExpression>
#include <QSet>

namespace wf {
namespace {

const QStringList kConditionInputs = {QStringLiteral("a"), QStringLiteral("operator"), QStringLiteral("b"),
                                      QStringLiteral("compareAs")};

class Validator {
public:
    Validator(const Flow &flow, const CardCatalogue &catalogue, const FlowLibrary *library)
        : m_flow(flow), m_catalogue(catalogue), m_library(library)
    {}

    QList<FlowProblem> run()
    {
        checkFlow();
        QHash<QString, const CardNode *> visible;
        checkCards(m_flow.cards, visible, 0);
        return m_problems;
    }

private:
    void problem(const QString &cardId, const QString &field, const QString &message)
    {
        m_problems.append({cardId, field, message});
    }

    void checkFlow()
    {
        static const QRegularExpression aliasPattern(QStringLiteral("^[0-9a-f]{32}$"));
        if (!m_flow.alias.isEmpty() && !aliasPattern.match(m_flow.alias).hasMatch())
            problem(QString(), QStringLiteral("alias"),
                    QStringLiteral("must be 32 lowercase hexadecimal characters"));
        for (const FieldDecl &field : m_flow.event.query) {
            if (field.name.toLower().startsWith(QLatin1String("x-okta-workflows")))
                problem(eventCardId(), field.name,
                        QStringLiteral("query names starting x-okta-workflows are reserved"));
        }
        static const QRegularExpression sha256Pattern(QStringLiteral("^[0-9a-f]{64}$"));
        if (!m_flow.endpoint.clientTokenHash.isEmpty() &&
            !sha256Pattern.match(m_flow.endpoint.clientTokenHash).hasMatch())
            problem(QString(), QStringLiteral("endpoint.clientTokenSha256"),
                    QStringLiteral("must be 64 lowercase hexadecimal characters (a SHA-256)"));
        if (m_flow.endpoint.security != SecurityLevel::OAuth2 && !m_flow.endpoint.anyApp)
            problem(QString(), QStringLiteral("endpoint.apps"),
                    QStringLiteral("a list of app integrations needs the OAuth 2.0 security level"));
    }

    void checkCards(const QList<CardNode> &cards, QHash<QString, const CardNode *> visible, int depth)
    {
        static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
        for (const CardNode &node : cards) {
            if (!node.id.isEmpty() && !idPattern.match(node.id).hasMatch())
                problem(node.id, QStringLiteral("id"),
                        QStringLiteral("card ids use letters, digits, '_' and '-' (at most 64)"));
            if (node.id == eventCardId())
                problem(node.id, QStringLiteral("id"), QStringLiteral("'event' is the event card's id"));
            else if (m_seenIds.contains(node.id))
                problem(node.id, QStringLiteral("id"), QStringLiteral("another card has the same id"));
            m_seenIds.insert(node.id);
            checkCard(node, visible, depth);
            visible.insert(node.id, &node);
        }
    }

    void checkCard(const CardNode &node, const QHash<QString, const CardNode *> &visible, int depth)
    {
        const CardSpec *spec = m_catalogue.find(node.function);
        if (!spec) {
            problem(node.id, QStringLiteral("function"),
                    QStringLiteral("unknown function '%1'").arg(node.function));
            return;
        }
        if ((node.function == cardid::kPause || node.function == cardid::kPauseRaw) && depth > 0)
            problem(node.id, QString(), QStringLiteral("%1 cannot be nested inside a block").arg(spec->name));
        if ((node.function == cardid::kPause || node.function == cardid::kPauseRaw) && m_flow.isHelper())
            problem(node.id, QString(), QStringLiteral("%1 cannot be used in a helper flow").arg(spec->name));
        if (!node.outputs.isEmpty() && !spec->dynamicOutputs)
            problem(node.id, QStringLiteral("outputs"),
                    QStringLiteral("%1 does not take declared outputs").arg(spec->name));
        checkInputs(node, *spec, visible);
        if (spec->findInput(QStringLiteral("operator")))
            checkConditionOperator(node.id, node.inputs);
        checkHelperOption(node, *spec);
        if (spec->kind == CardKind::Block)
            checkBlocks(node, *spec, visible, depth);
        else if (!node.blocks.isEmpty())
            problem(node.id, QStringLiteral("blocks"), QStringLiteral("%1 has no blocks").arg(spec->name));
    }

    void checkInputs(const CardNode &node, const CardSpec &spec,
                     const QHash<QString, const CardNode *> &visible)
    {
        for (const InputBinding &input : node.inputs) {
            const PortSpec *port = spec.findInput(input.name);
            if (!port && !spec.dynamicInputs) {
                problem(node.id, input.name,
                        QStringLiteral("%1 has no input '%2'").arg(spec.name, input.name));
                continue;
            }
            const ValueType target = port ? port->type : input.type.value_or(ValueType::any());
            checkBinding(node.id, input, target, visible);
        }
        for (const PortSpec &port : spec.inputs) {
            if (!port.required || !port.defaultValue.isNull())
                continue;
            const InputBinding *input = node.findInput(port.name);
            if (!input || input->binding.kind == Binding::Kind::Unset)
                problem(node.id, port.name, QStringLiteral("a value or a reference is required"));
        }
    }

    void checkBinding(const QString &cardId, const InputBinding &input, ValueType target,
                      const QHash<QString, const CardNode *> &visible)
    {
        if (input.binding.kind == Binding::Kind::Constant) {
            const auto converted = convertValue(input.binding.constant, target);
            if (!converted)
                problem(cardId, input.name, converted.error().message);
            return;
        }
        if (input.binding.kind != Binding::Kind::Reference)
            return;
        QString why;
        const auto sourceType = referenceType(input.binding, visible, &why);
        if (!sourceType) {
            problem(cardId, input.name, why);
            return;
        }
        if (!canEverConvert(*sourceType, target))
            problem(cardId, input.name,
                    QStringLiteral("%1 is %2 and can never become %3")
                        .arg(input.binding.reference, sourceType->displayName(), target.displayName()));
    }

    std::optional<ValueType> eventReferenceType(const QStringList &path, QString *why) const
    {
        const auto declared = [&](const QList<FieldDecl> &fields,
                                  const QString &what) -> std::optional<ValueType> {
            if (path.size() == 1)
                return ValueType::object();
            for (const FieldDecl &field : fields) {
                if (field.name == path.at(1))
                    return path.size() == 2 ? field.type : ValueType::any();
            }
            *why = QStringLiteral("event.%1.%2 is not a declared %3 field").arg(path.at(0), path.at(1), what);
            return std::nullopt;
        };
        const QString &first = path.first();
        if (m_flow.isHelper())
            return declaredHelperInput(path, why);
        if (first == QLatin1String("body"))
            return declared(m_flow.event.body, QStringLiteral("body"));
        if (first == QLatin1String("query"))
            return declared(m_flow.event.query, QStringLiteral("query"));
        if (first == QLatin1String("headers"))
            return declared(m_flow.event.headers, QStringLiteral("header"));
        if (first == QLatin1String("raw")) {
            if (path.size() == 1 || path.at(1) == QLatin1String("headers"))
                return path.size() <= 2 ? ValueType::object() : ValueType::text();
            if (path.size() == 2 &&
                (path.at(1) == QLatin1String("body") || path.at(1) == QLatin1String("query")))
                return ValueType::text();
        }
        if (first == QLatin1String("context")) {
            static const QStringList contextFields = {QStringLiteral("execution_id"),
                                                      QStringLiteral("method"), QStringLiteral("client_id"),
                                                      QStringLiteral("security_level")};
            if (path.size() == 1)
                return ValueType::object();
            if (path.size() == 2 && contextFields.contains(path.at(1)))
                return ValueType::text();
        }
        *why =
            QStringLiteral("the API Endpoint card has no output event.%1").arg(path.join(QLatin1Char('.')));
        return std::nullopt;
    }

    std::optional<ValueType> declaredHelperInput(const QStringList &path, QString *why) const
    {
        for (const FieldDecl &field : m_flow.event.inputs) {
            if (field.name == path.first())
                return path.size() == 1 ? field.type : ValueType::any();
        }
        *why = QStringLiteral("the Helper Flow card has no input '%1'").arg(path.first());
        return std::nullopt;
    }

    std::optional<ValueType>
    referenceType(const Binding &binding, const QHash<QString, const CardNode *> &visible, QString *why) const
    {
        if (binding.sourceCard == eventCardId())
            return eventReferenceType(binding.path, why);
        const CardNode *source = visible.value(binding.sourceCard);
        if (!source) {
            *why = m_seenIds.contains(binding.sourceCard) || m_allIds.contains(binding.sourceCard)
                       ? QStringLiteral("%1 refers to card '%2', which does not run before this one")
                             .arg(binding.reference, binding.sourceCard)
                       : QStringLiteral("%1 refers to a card '%2' that does not exist")
                             .arg(binding.reference, binding.sourceCard);
            return std::nullopt;
        }
        const QString &output = binding.path.first();
        std::optional<ValueType> type;
        if (source->function == cardid::kIfError && output == cardid::kIfErrorOutput &&
            m_insideErrorBlock.contains(source->id))
            type = ValueType::object();
        for (const FieldDecl &field : source->outputs) {
            if (field.name == output)
                type = field.type;
        }
        if (source->function == cardid::kAssign) {
            if (const InputBinding *assigned = source->findInput(output))
                type = assigned->type.value_or(ValueType::any());
        }
        if (const CardSpec *spec = m_catalogue.find(source->function)) {
            if (const PortSpec *port = spec->findOutput(output))
                type = port->type;
        }
        if (!type) {
            *why = QStringLiteral("card '%1' has no output '%2'").arg(source->id, output);
            return std::nullopt;
        }
        if (binding.path.size() > 1) {
            if (type->base != BaseType::Object && type->base != BaseType::List &&
                type->base != BaseType::Any) {
                *why = QStringLiteral("%1: '%2' is %3 and has no fields")
                           .arg(binding.reference, output, type->displayName());
                return std::nullopt;
            }
            return ValueType::any();
        }
        return type;
    }

    void checkHelperOption(const CardNode &node, const CardSpec &spec)
    {
        const bool callsHelper = node.function == cardid::kCallFlow ||
                                 node.function == cardid::kCallFlowAsync ||
                                 node.function == cardid::kForEach || node.function == cardid::kMap;
        if (!callsHelper)
            return;
        const QString flowId = node.options.value(QLatin1String("flow")).toString();
        if (flowId.isEmpty()) {
            problem(node.id, QStringLiteral("options.flow"),
                    QStringLiteral("%1 needs the id of a helper flow").arg(spec.name));
            return;
        }
        if (!m_library)
            return;
        const Flow *helper = m_library->find(flowId);
        if (!helper)
            problem(node.id, QStringLiteral("options.flow"),
                    QStringLiteral("no flow with id '%1'").arg(flowId));
        else if (!helper->isHelper())
            problem(node.id, QStringLiteral("options.flow"),
                    QStringLiteral("flow '%1' does not start with a Helper Flow card").arg(flowId));
    }

    void checkBlocks(const CardNode &node, const CardSpec &spec,
                     const QHash<QString, const CardNode *> &visible, int depth)
    {
        const qsizetype count = node.blocks.size();
        if (node.function == cardid::kIfElseIf) {
            if (count < 2)
                problem(node.id, QStringLiteral("blocks"),
                        QStringLiteral("If/ElseIf needs at least two blocks"));
            for (qsizetype i = 0; i < count; ++i) {
                const bool isLast = i == count - 1;
                if (node.blocks.at(i).condition.isEmpty() && !isLast)
                    problem(node.id, QStringLiteral("blocks"),
                            QStringLiteral("block %1 needs a condition (only the last block may be the else)")
                                .arg(i + 1));
            }
        } else if (count != 2) {
            problem(node.id, QStringLiteral("blocks"),
                    QStringLiteral("%1 has exactly two blocks").arg(spec.name));
        } else if (!node.blocks.at(0).condition.isEmpty() || !node.blocks.at(1).condition.isEmpty()) {
            problem(node.id, QStringLiteral("blocks"),
                    QStringLiteral("the blocks of %1 take no condition (the card's own inputs decide)")
                        .arg(spec.name));
        }
        for (qsizetype i = 0; i < count; ++i) {
            const Block &block = node.blocks.at(i);
            for (const InputBinding &input : block.condition) {
                if (!kConditionInputs.contains(input.name))
                    problem(node.id, input.name,
                            QStringLiteral("a condition takes only a, operator, b and compareAs"));
                else
                    checkBinding(node.id, input, ValueType::any(), visible);
            }
            checkConditionOperator(node.id, block.condition);
            const bool errorBlock = node.function == cardid::kIfError && i == 1;
            QHash<QString, const CardNode *> inner = visible;
            if (errorBlock) {
                inner.insert(node.id, &node);
                m_insideErrorBlock.insert(node.id);
            }
            checkCards(block.cards, inner, depth + 1);
            if (errorBlock)
                m_insideErrorBlock.remove(node.id);
        }
    }

    void checkConditionOperator(const QString &cardId, const QList<InputBinding> &inputs)
    {
        for (const InputBinding &input : inputs) {
            // A null constant leaves the card's default operator in place.
            if (input.name != QLatin1String("operator") || input.binding.kind != Binding::Kind::Constant ||
                input.binding.constant.isNull())
                continue;
            // Matched as the comparison itself matches it (trimmed, any case), so what runs also loads.
            const QString op = valueToText(input.binding.constant).trimmed();
            if (!comparisonOperators().contains(op, Qt::CaseInsensitive))
                problem(cardId, input.name, QStringLiteral("unknown operator '%1'").arg(op.left(40)));
        }
    }

    const Flow &m_flow;
    const CardCatalogue &m_catalogue;
    const FlowLibrary *m_library;
    QList<FlowProblem> m_problems;
    QSet<QString> m_seenIds;
    QSet<QString> m_allIds;
    QSet<QString> m_insideErrorBlock;

    friend QList<FlowProblem> wf::validateFlow(const Flow &, const CardCatalogue &, const FlowLibrary *);
};

void collectIds(const QList<CardNode> &cards, QSet<QString> *ids)
{
    for (const CardNode &node : cards) {
        ids->insert(node.id);
        for (const Block &block : node.blocks)
            collectIds(block.cards, ids);
    }
}

} // namespace

QList<FlowProblem> validateFlow(const Flow &flow, const CardCatalogue &catalogue, const FlowLibrary *library)
{
    Validator validator(flow, catalogue, library);
    collectIds(flow.cards, &validator.m_allIds);
    return validator.run();
}

FlowParseResult loadFlow(const QByteArray &json, const CardCatalogue &catalogue, const FlowLibrary *library)
{
    FlowParseResult result = flowjson::parse(json);
    if (result.flow)
        result.problems += validateFlow(*result.flow, catalogue, library);
    return result;
}

} // namespace wf
