#pragma once

// The catalogue of every card the engine knows, keyed by function id. Built once (it is immutable
// afterwards and shared between threads).

#include "engine/CardSpec.h"

#include <QHash>
#include <QList>

namespace wf {

class CardCatalogue final {
public:
    // The catalogue with every built-in card family registered.
    static const CardCatalogue &builtIn();

    void add(CardSpec spec);
    const CardSpec *find(const QString &functionId) const;
    // In catalogue order: categories as PRODUCT.md lists them, cards in registration order.
    const QList<CardSpec> &cards() const { return m_cards; }

private:
    QList<CardSpec> m_cards;
    QHash<QString, qsizetype> m_index;
};

// One registration function per card family (core/engine/cards/*.cpp).
void registerFlowControlCards(CardCatalogue &catalogue);
void registerBranchingCards(CardCatalogue &catalogue);
void registerErrorHandlingCards(CardCatalogue &catalogue);
void registerTextCards(CardCatalogue &catalogue);
void registerNumberCards(CardCatalogue &catalogue);
void registerBooleanCards(CardCatalogue &catalogue);
void registerObjectCards(CardCatalogue &catalogue);
void registerListCards(CardCatalogue &catalogue);
void registerJsonCards(CardCatalogue &catalogue);
void registerDateTimeCards(CardCatalogue &catalogue);
void registerEncryptionCards(CardCatalogue &catalogue);

} // namespace wf
