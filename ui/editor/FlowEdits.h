#pragma once

// Edits of a flow's cards and event card as plain functions on a Flow value: finding a card among
// the nested blocks, inserting, removing and moving cards, binding inputs, and renaming card ids,
// event fields and declared outputs together with the references that name them. The editor's undo
// commands apply them to a copy of the flow; each either changes the flow as asked or returns false
// and leaves it as it was.

#include "engine/CardSpec.h"
#include "flow/Flow.h"

#include <QList>
#include <QString>
#include <functional>
#include <optional>

namespace wf::ui::flowedit {

// An input of a card, or (block >= 0) an input of the condition of one of the card's blocks.
struct InputKey {
    QString cardId;
    int block = -1;
    QString name;

    bool operator==(const InputKey &) const = default;
};

// A place in the flow: block `block` of card `parentCardId` (the top level when it is empty), before
// the card at `index` (-1: at the end).
struct InsertPoint {
    QString parentCardId;
    int block = -1;
    qsizetype index = -1;

    bool operator==(const InsertPoint &) const = default;
};

enum class EventFields { Body, Query, Headers, HelperInputs };

const CardNode *findCard(const Flow &flow, const QString &cardId);
CardNode *findCard(Flow &flow, const QString &cardId);
// Where the card is: its enclosing block card and block (none at the top level) and its index.
std::optional<InsertPoint> locate(const Flow &flow, const QString &cardId);
// The cards of a place (the top level, or a block); null when the place does not exist.
const QList<CardNode> *cardsAt(const Flow &flow, const QString &parentCardId, int block);
QList<CardNode> *cardsAt(Flow &flow, const QString &parentCardId, int block);
// Every card id, depth first in running order.
QStringList allCardIds(const Flow &flow);
// True when `cardId` is `ancestorId` or one of the cards nested in its blocks.
bool isWithin(const Flow &flow, const QString &cardId, const QString &ancestorId);

// "compose1", "compose2", ...: the function's own name and the first number no card uses.
QString newCardId(const Flow &flow, const QString &functionId);
// A card of `spec` with a fresh id and, for the block cards, their blocks ("if"/"else", "try"/"if error").
CardNode newCard(const Flow &flow, const CardSpec &spec);
bool insertCard(Flow &flow, const InsertPoint &at, CardNode card);
bool removeCard(Flow &flow, const QString &cardId);
// Moves the card `delta` places within its list.
bool moveCard(Flow &flow, const QString &cardId, int delta);
// Moves the card to another place (never into itself). `at.index` counts the cards of the target
// list before the move.
bool moveCardTo(Flow &flow, const QString &cardId, const InsertPoint &at);

const InputBinding *findInput(const Flow &flow, const InputKey &key);
// Sets the binding of an input. An unset catalogue input is removed from the card (the card's
// default applies); a declared input keeps its entry. A missing catalogue input is added.
bool setBinding(Flow &flow, const InputKey &key, const Binding &binding);
// A reference binding for "<card>.<output>[.<key>...]", or Unset when the text is not one.
Binding referenceBinding(const QString &reference);

// Calls `rewrite` on every reference binding of the flow (inputs and block conditions); when it
// returns true the binding's sourceCard/path were changed and its reference text is rebuilt.
void rewriteReferences(Flow &flow, const std::function<bool(Binding &)> &rewrite);
// Renames a card and the references to its outputs. False (with `why`) when the id is malformed,
// taken or "event".
bool renameCardId(Flow &flow, const QString &from, const QString &to, QString *why);
// Renames an event field; references "event.<kind>.<from>" (helper flows: "event.<from>") follow.
bool renameEventField(Flow &flow, EventFields kind, const QString &from, const QString &to);
// Renames one of the card's outputs in the references that use it (the declaration itself is the
// caller's).
void renameOutputReferences(Flow &flow, const QString &cardId, const QString &from, const QString &to);

QList<FieldDecl> &eventFields(Flow &flow, EventFields kind);
const QList<FieldDecl> &eventFields(const Flow &flow, EventFields kind);
// "body", "query", "headers"; empty for helper inputs (their references are "event.<name>").
QString eventFieldsPrefix(EventFields kind);
// A name not used in `taken`: "field1", "field2", ...
QString freshName(const QString &stem, const QStringList &taken);

} // namespace wf::ui::flowedit
