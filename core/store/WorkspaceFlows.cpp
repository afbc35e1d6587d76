// Workspace: editing, removing, restoring and naming flows (the desktop console's edits).

#include "Ids.h"
#include "engine/CardIds.h"
#include "store/SecretStore.h"
#include "store/Workspace.h"

#include <QRegularExpression>

namespace wf {

Result<bool> Workspace::updateFlow(Flow flow, SecretStore &secrets)
{
    Flow *current = mutableFlow(flow.id);
    if (!current)
        return makeError(ErrorType::NotFound, QStringLiteral("no flow '%1'").arg(flow.id));
    if (flow.name.trimmed().isEmpty())
        return makeError(ErrorType::InvalidInput, QStringLiteral("A flow needs a name."));

    const bool hadToken = !current->endpoint.clientTokenHash.isEmpty();
    const bool needsToken = !flow.isHelper() && flow.endpoint.security == SecurityLevel::ClientToken;
    flow.alias = flow.isHelper() ? QString() : current->alias;
    if (flow.alias.isEmpty() && !flow.isHelper())
        flow.alias = newFlowAlias(); // a helper flow turned into an API endpoint flow
    flow.endpoint.clientTokenHash = needsToken ? current->endpoint.clientTokenHash : QString();

    if (hadToken && !needsToken) {
        auto removed = secrets.remove(clientTokenSecretKey(m_id, flow.id));
        if (!removed)
            return removed.error();
    }
    const QString flowId = flow.id;
    const Flow previous = *current;
    *current = std::move(flow);
    if (needsToken && current->endpoint.clientTokenHash.isEmpty()) {
        auto token = regenerateClientToken(flowId, secrets);
        if (!token) {
            *mutableFlow(flowId) = previous; // never a client-token flow without a stored token
            return token.error();
        }
    }
    return true;
}

namespace {

bool callsFlow(const QList<CardNode> &cards, const QString &flowId)
{
    for (const CardNode &card : cards) {
        const bool callsHelper = card.function == cardid::kCallFlow ||
                                 card.function == cardid::kCallFlowAsync ||
                                 card.function == cardid::kForEach || card.function == cardid::kMap;
        if (callsHelper && card.options.value(QLatin1String("flow")).toString() == flowId)
            return true;
        for (const Block &block : card.blocks) {
            if (callsFlow(block.cards, flowId))
                return true;
        }
    }
    return false;
}

} // namespace

QStringList Workspace::callersOf(const QString &flowId) const
{
    QStringList callers;
    for (const Flow &flow : m_flows) {
        if (flow.id != flowId && callsFlow(flow.cards, flowId))
            callers.append(flow.name);
    }
    return callers;
}

Result<bool> Workspace::removeFlow(const QString &flowId, SecretStore &secrets)
{
    if (const QStringList callers = callersOf(flowId); !callers.isEmpty())
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("the flow '%1' is called by %2; change or delete those flows first")
                             .arg(flowId, callers.join(QStringLiteral(", "))));
    for (qsizetype i = 0; i < m_flows.size(); ++i) {
        if (m_flows.at(i).id != flowId)
            continue;
        if (!m_flows.at(i).endpoint.clientTokenHash.isEmpty()) {
            auto removed = secrets.remove(clientTokenSecretKey(m_id, flowId));
            if (!removed)
                return removed.error();
        }
        m_flows.removeAt(i);
        return true;
    }
    return makeError(ErrorType::NotFound, QStringLiteral("no flow '%1'").arg(flowId));
}

Result<bool> Workspace::restoreFlow(Flow flow, SecretStore &secrets, qsizetype index)
{
    if (flowById(flow.id))
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("a flow with id '%1' exists already").arg(flow.id));
    if (flow.isHelper()) {
        flow.alias.clear();
    } else {
        static const QRegularExpression aliasPattern(QStringLiteral("^[0-9a-f]{32}$"));
        if (!aliasPattern.match(flow.alias).hasMatch())
            return makeError(ErrorType::InvalidInput,
                             QStringLiteral("flow '%1' has no valid alias to restore").arg(flow.id));
        if (const Flow *owner = flowByAlias(flow.alias))
            return makeError(
                ErrorType::InvalidInput,
                QStringLiteral("flow '%1' uses the alias of flow '%2' now").arg(owner->id, flow.id));
    }
    flow.endpoint.clientTokenHash.clear(); // its token left the secret store with it
    const QString flowId = flow.id;
    const bool needsToken = !flow.isHelper() && flow.endpoint.security == SecurityLevel::ClientToken;
    const qsizetype at = index < 0 || index > m_flows.size() ? m_flows.size() : index;
    m_flows.insert(at, std::move(flow));
    if (needsToken) {
        auto token = regenerateClientToken(flowId, secrets);
        if (!token) {
            m_flows.removeAt(at); // never a client-token flow without a stored token
            return token.error();
        }
    }
    return true;
}

QString Workspace::newFlowId(const QString &name) const
{
    static const QRegularExpression notIdChars(QStringLiteral("[^a-z0-9]+"));
    QString base = name.toLower().replace(notIdChars, QStringLiteral("-"));
    while (base.startsWith(QLatin1Char('-')))
        base.remove(0, 1);
    while (base.endsWith(QLatin1Char('-')))
        base.chop(1);
    base.truncate(48);
    if (base.isEmpty())
        base = QStringLiteral("flow");
    QString id = base;
    for (int n = 2; flowById(id); ++n)
        id = base + QLatin1Char('-') + QString::number(n);
    return id;
}

} // namespace wf
