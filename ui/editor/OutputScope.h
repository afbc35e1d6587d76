#pragma once

// Which outputs an input may name, with the scoping the validator applies: the event card's
// outputs, the outputs of the cards that run before the card at its own level and at every
// enclosing level, and the error of an If Error whose error block holds the card. The editor offers
// these in its binding lists and accepts only these when an output is dropped on an input.

#include "engine/CardCatalogue.h"
#include "flow/Flow.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace wf::ui {

// One output that an input can be bound to.
struct OutputRef {
    QString reference; // "greeting.output", "event.body.name"
    QString cardId;    // "greeting", "event"
    QString cardTitle; // the card's label or catalogue name; "API Endpoint" for the event card
    QString output;    // the reference without the card: "output", "body.name"
    ValueType type;
    QString category; // the card's catalogue category (its colour); "Event" for the event card
};

class OutputScope final {
    Q_DECLARE_TR_FUNCTIONS(OutputScope)

public:
    OutputScope(const Flow &flow, const CardCatalogue &catalogue);

    // What the inputs of `cardId` (and the conditions of its blocks) may name, in running order.
    QList<OutputRef> visibleFrom(const QString &cardId) const;
    // True when an input of `cardId` may name `reference` (its card is visible from there).
    bool canReference(const QString &cardId, const QString &reference) const;

    // The event card's outputs: declared body/query/headers fields, raw.* and context.* (API Endpoint),
    // or the declared inputs (Helper Flow).
    static QList<OutputRef> eventOutputs(const Flow &flow);
    // The outputs a card offers to the cards after it: its catalogue outputs, its declared outputs and,
    // for Assign, its inputs.
    static QList<OutputRef> cardOutputs(const CardNode &node, const CardCatalogue &catalogue);
    // The output If Error gives to the cards of its error block.
    static OutputRef errorOutput(const CardNode &ifError);
    static QString cardTitle(const CardNode &node, const CardCatalogue &catalogue);

private:
    struct Visible {
        QStringList cards;       // card ids, in running order
        QStringList errorBlocks; // ids of the If Error cards whose error block encloses the card
    };

    void collect(const QList<CardNode> &cards, Visible visible);

    const Flow m_flow;
    const CardCatalogue &m_catalogue;
    QHash<QString, Visible> m_visible;
};

} // namespace wf::ui
