#include "engine/CardCatalogue.h"

namespace wf {

const PortSpec *CardSpec::findInput(const QString &portName) const
{
    for (const auto &port : inputs) {
        if (port.name == portName)
            return &port;
    }
    return nullptr;
}

const PortSpec *CardSpec::findOutput(const QString &portName) const
{
    for (const auto &port : outputs) {
        if (port.name == portName)
            return &port;
    }
    return nullptr;
}

const CardCatalogue &CardCatalogue::builtIn()
{
    static const CardCatalogue catalogue = [] {
        CardCatalogue built;
        registerFlowControlCards(built);
        registerBranchingCards(built);
        registerErrorHandlingCards(built);
        registerTextCards(built);
        registerNumberCards(built);
        registerBooleanCards(built);
        registerObjectCards(built);
        registerListCards(built);
        registerJsonCards(built);
        registerDateTimeCards(built);
        registerEncryptionCards(built);
        return built;
    }();
    return catalogue;
}

void CardCatalogue::add(CardSpec spec)
{
    Q_ASSERT(!m_index.contains(spec.functionId));
    m_index.insert(spec.functionId, m_cards.size());
    m_cards.append(std::move(spec));
}

const CardSpec *CardCatalogue::find(const QString &functionId) const
{
    const auto it = m_index.constFind(functionId);
    return it == m_index.constEnd() ? nullptr : &m_cards.at(*it);
}

} // namespace wf
