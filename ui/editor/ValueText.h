#pragma once

// How the flow editor writes values and types: a constant as the user types it for an input of a
// given type (and back), a short form for the cards, the types a field can be declared with, and
// the colour of each catalogue category.

#include "engine/ValueType.h"

#include <QColor>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace wf::ui::valuetext {

// The constant for what was typed into an input of `type`. Text and Date & Time take the text as
// it is; Number and True/False take a number or true/false (anything else stays text, which the
// validator reports); Object, List and Any read JSON (Any falls back to the text itself, so
// `fr` is the text "fr" and `0` the number 0). An empty field is null, except for Text and Any.
QJsonValue fromText(const QString &text, ValueType type);
// The text that fromText() turns back into `value`.
QString toText(const QJsonValue &value, ValueType type);
// A constant as a card shows it: texts quoted, the rest as compact JSON, at most `limit` characters.
QString shortText(const QJsonValue &value, int limit = 40);

// The types offered when declaring a field: Text, Number, True/False, Date & Time, Object, List,
// List of each type, Any.
const QList<ValueType> &declarableTypes();

// The colour of a catalogue category ("Event" for the event card).
QColor categoryColour(const QString &category);

} // namespace wf::ui::valuetext
