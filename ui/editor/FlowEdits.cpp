#include "editor/FlowEdits.h"

#include "engine/CardIds.h"

#include <QRegularExpression>
#include <QSet>

namespace wf::ui::flowedit {
namespace {

CardNode *findIn(QList<CardNode> &cards, const QString &cardId)
{
    for (CardNode &node : cards) {
        if (node.id == cardId)
            return &node;
        for (Block &block : node.blocks) {
            if (CardNode *found = findIn(block.cards, cardId))
                return found;
        }
    }
    return nullptr;
}

const CardNode *findInConst(const QList<CardNode> &cards, const QString &cardId)
{
    for (const CardNode &node : cards) {
        if (node.id == cardId)
            return &node;
        for (const Block &block : node.blocks) {
            if (const CardNode *found = findInConst(block.cards, cardId))
                return found;
        }
    }
    return nullptr;
}

bool locateIn(const QList<CardNode> &cards, const QString &cardId, const QString &parent, int block,
              InsertPoint *out)
{
    for (qsizetype i = 0; i < cards.size(); ++i) {
        const CardNode &node = cards.at(i);
        if (node.id == cardId) {
            *out = InsertPoint{parent, block, i};
            return true;
        }
        for (qsizetype b = 0; b < node.blocks.size(); ++b) {
            if (locateIn(node.blocks.at(b).cards, cardId, node.id, static_cast<int>(b), out))
                return true;
        }
    }
    return false;
}

void collectIds(const QList<CardNode> &cards, QStringList *ids)
{
    for (const CardNode &node : cards) {
        ids->append(node.id);
        for (const Block &block : node.blocks)
            collectIds(block.cards, ids);
    }
}

void rewriteInputs(QList<InputBinding> &inputs, const std::function<bool(Binding &)> &rewrite)
{
    for (InputBinding &input : inputs) {
        if (input.binding.kind != Binding::Kind::Reference)
            continue;
        if (rewrite(input.binding))
            input.binding.reference =
                (QStringList{input.binding.sourceCard} + input.binding.path).join(QLatin1Char('.'));
    }
}

void rewriteCards(QList<CardNode> &cards, const std::function<bool(Binding &)> &rewrite)
{
    for (CardNode &node : cards) {
        rewriteInputs(node.inputs, rewrite);
        for (Block &block : node.blocks) {
            rewriteInputs(block.condition, rewrite);
            rewriteCards(block.cards, rewrite);
        }
    }
}

Block block(const QString &label, QList<InputBinding> condition = {})
{
    Block result;
    result.label = label;
    result.condition = std::move(condition);
    return result;
}

} // namespace

const CardNode *findCard(const Flow &flow, const QString &cardId)
{
    return findInConst(flow.cards, cardId);
}

CardNode *findCard(Flow &flow, const QString &cardId)
{
    return findIn(flow.cards, cardId);
}

std::optional<InsertPoint> locate(const Flow &flow, const QString &cardId)
{
    InsertPoint at;
    if (locateIn(flow.cards, cardId, QString(), -1, &at))
        return at;
    return std::nullopt;
}

const QList<CardNode> *cardsAt(const Flow &flow, const QString &parentCardId, int block)
{
    if (parentCardId.isEmpty())
        return &flow.cards;
    const CardNode *parent = findCard(flow, parentCardId);
    if (!parent || block < 0 || block >= parent->blocks.size())
        return nullptr;
    return &parent->blocks.at(block).cards;
}

QList<CardNode> *cardsAt(Flow &flow, const QString &parentCardId, int block)
{
    if (parentCardId.isEmpty())
        return &flow.cards;
    CardNode *parent = findCard(flow, parentCardId);
    if (!parent || block < 0 || block >= parent->blocks.size())
        return nullptr;
    return &parent->blocks[block].cards;
}

QStringList allCardIds(const Flow &flow)
{
    QStringList ids;
    collectIds(flow.cards, &ids);
    return ids;
}

bool isWithin(const Flow &flow, const QString &cardId, const QString &ancestorId)
{
    if (cardId == ancestorId)
        return true;
    const CardNode *ancestor = findCard(flow, ancestorId);
    if (!ancestor)
        return false;
    for (const Block &block : ancestor->blocks) {
        if (findInConst(block.cards, cardId))
            return true;
    }
    return false;
}

QString newCardId(const Flow &flow, const QString &functionId)
{
    QString stem = functionId.section(QLatin1Char('.'), -1);
    static const QRegularExpression notAllowed(QStringLiteral("[^A-Za-z0-9_-]"));
    stem.remove(notAllowed);
    if (stem.isEmpty())
        stem = QStringLiteral("card");
    return freshName(stem.left(56), allCardIds(flow) << eventCardId());
}

CardNode newCard(const Flow &flow, const CardSpec &spec)
{
    CardNode node;
    node.id = newCardId(flow, spec.functionId);
    node.function = spec.functionId;
    if (spec.functionId == cardid::kIfElse) {
        node.blocks = {block(QStringLiteral("if")), block(QStringLiteral("else"))};
    } else if (spec.functionId == cardid::kIfElseIf) {
        // A block with a condition list is a branch; the last one without is the else.
        InputBinding op{QStringLiteral("operator"), std::nullopt,
                        Binding::fromConstant(QStringLiteral("equal to"))};
        node.blocks = {block(QStringLiteral("if"), {op}), block(QStringLiteral("else"))};
    } else if (spec.functionId == cardid::kIfError) {
        node.blocks = {block(QStringLiteral("try")), block(QStringLiteral("if error"))};
    }
    return node;
}

bool insertCard(Flow &flow, const InsertPoint &at, CardNode card)
{
    QList<CardNode> *cards = cardsAt(flow, at.parentCardId, at.block);
    if (!cards || card.id.isEmpty() || findCard(flow, card.id))
        return false;
    const qsizetype index = at.index < 0 || at.index > cards->size() ? cards->size() : at.index;
    cards->insert(index, std::move(card));
    return true;
}

bool removeCard(Flow &flow, const QString &cardId)
{
    const auto at = locate(flow, cardId);
    if (!at)
        return false;
    cardsAt(flow, at->parentCardId, at->block)->removeAt(at->index);
    return true;
}

bool moveCard(Flow &flow, const QString &cardId, int delta)
{
    const auto at = locate(flow, cardId);
    if (!at)
        return false;
    QList<CardNode> *cards = cardsAt(flow, at->parentCardId, at->block);
    const qsizetype target = at->index + delta;
    if (delta == 0 || target < 0 || target >= cards->size())
        return false;
    cards->move(at->index, target);
    return true;
}

bool moveCardTo(Flow &flow, const QString &cardId, const InsertPoint &at)
{
    const auto from = locate(flow, cardId);
    if (!from || (!at.parentCardId.isEmpty() && isWithin(flow, at.parentCardId, cardId)))
        return false;
    const QList<CardNode> *target = cardsAt(flow, at.parentCardId, at.block);
    if (!target)
        return false;
    qsizetype index = at.index < 0 || at.index > target->size() ? target->size() : at.index;
    if (from->parentCardId == at.parentCardId && from->block == at.block) {
        if (index == from->index || index == from->index + 1)
            return false; // already there
        if (index > from->index)
            --index;
    }
    CardNode card = cardsAt(flow, from->parentCardId, from->block)->takeAt(from->index);
    // Taking the card may have moved the list the target block lives in: look it up again.
    cardsAt(flow, at.parentCardId, at.block)->insert(index, std::move(card));
    return true;
}

const InputBinding *findInput(const Flow &flow, const InputKey &key)
{
    const CardNode *node = findCard(flow, key.cardId);
    if (!node)
        return nullptr;
    if (key.block < 0)
        return node->findInput(key.name);
    if (key.block >= node->blocks.size())
        return nullptr;
    for (const InputBinding &input : node->blocks.at(key.block).condition) {
        if (input.name == key.name)
            return &input;
    }
    return nullptr;
}

bool setBinding(Flow &flow, const InputKey &key, const Binding &binding)
{
    CardNode *node = findCard(flow, key.cardId);
    if (!node || key.name.isEmpty())
        return false;
    if (key.block >= node->blocks.size())
        return false;
    QList<InputBinding> &inputs = key.block < 0 ? node->inputs : node->blocks[key.block].condition;
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        InputBinding &input = inputs[i];
        if (input.name != key.name)
            continue;
        // A declared input (it has its own type) keeps its entry; a catalogue input unset goes away.
        if (binding.kind == Binding::Kind::Unset && !input.type)
            inputs.removeAt(i);
        else
            input.binding = binding;
        return true;
    }
    if (binding.kind != Binding::Kind::Unset)
        inputs.append(InputBinding{key.name, std::nullopt, binding});
    return true;
}

Binding referenceBinding(const QString &reference)
{
    Binding binding;
    if (!Binding::parseReference(reference, &binding))
        return Binding();
    return binding;
}

void rewriteReferences(Flow &flow, const std::function<bool(Binding &)> &rewrite)
{
    rewriteCards(flow.cards, rewrite);
}

bool renameCardId(Flow &flow, const QString &from, const QString &to, QString *why)
{
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    if (!idPattern.match(to).hasMatch()) {
        *why = QStringLiteral("use 1 to 64 letters, digits, '_' or '-'");
        return false;
    }
    if (to == eventCardId() || (to != from && findCard(flow, to))) {
        *why = QStringLiteral("another card is called '%1'").arg(to);
        return false;
    }
    CardNode *node = findCard(flow, from);
    if (!node || from == to)
        return false;
    node->id = to;
    rewriteReferences(flow, [&](Binding &binding) {
        if (binding.sourceCard != from)
            return false;
        binding.sourceCard = to;
        return true;
    });
    return true;
}

bool renameEventField(Flow &flow, EventFields kind, const QString &from, const QString &to)
{
    QList<FieldDecl> &fields = eventFields(flow, kind);
    bool renamed = false;
    for (FieldDecl &field : fields) {
        if (field.name == from) {
            field.name = to;
            renamed = true;
            break;
        }
    }
    if (!renamed || from == to)
        return false;
    const QString prefix = eventFieldsPrefix(kind);
    const int nameAt = prefix.isEmpty() ? 0 : 1;
    rewriteReferences(flow, [&](Binding &binding) {
        if (binding.sourceCard != eventCardId() || binding.path.size() <= nameAt ||
            (nameAt == 1 && binding.path.first() != prefix) || binding.path.at(nameAt) != from)
            return false;
        binding.path[nameAt] = to;
        return true;
    });
    return true;
}

void renameOutputReferences(Flow &flow, const QString &cardId, const QString &from, const QString &to)
{
    rewriteReferences(flow, [&](Binding &binding) {
        if (binding.sourceCard != cardId || binding.path.isEmpty() || binding.path.first() != from)
            return false;
        binding.path[0] = to;
        return true;
    });
}

QList<FieldDecl> &eventFields(Flow &flow, EventFields kind)
{
    switch (kind) {
    case EventFields::Body:
        return flow.event.body;
    case EventFields::Query:
        return flow.event.query;
    case EventFields::Headers:
        return flow.event.headers;
    case EventFields::HelperInputs:
        break;
    }
    return flow.event.inputs;
}

const QList<FieldDecl> &eventFields(const Flow &flow, EventFields kind)
{
    switch (kind) {
    case EventFields::Body:
        return flow.event.body;
    case EventFields::Query:
        return flow.event.query;
    case EventFields::Headers:
        return flow.event.headers;
    case EventFields::HelperInputs:
        break;
    }
    return flow.event.inputs;
}

QString eventFieldsPrefix(EventFields kind)
{
    switch (kind) {
    case EventFields::Body:
        return QStringLiteral("body");
    case EventFields::Query:
        return QStringLiteral("query");
    case EventFields::Headers:
        return QStringLiteral("headers");
    case EventFields::HelperInputs:
        break;
    }
    return QString();
}

QString freshName(const QString &stem, const QStringList &taken)
{
    const QSet<QString> used(taken.cbegin(), taken.cend());
    for (int n = 1;; ++n) {
        const QString name = stem + QString::number(n);
        if (!used.contains(name))
            return name;
    }
}

} // namespace wf::ui::flowedit
