#include "editor/FlowDocument.h"

#include "flow/FlowJson.h"

#include <QJsonDocument>
#include <QUndoCommand>

namespace wf::ui {

// One undo step: the content before and after it.
class SnapshotCommand final : public QUndoCommand {
public:
    SnapshotCommand(FlowDocument *document, const QString &text, const Flow &before, const Flow &after,
                    QString mergeKey)
        : QUndoCommand(text), m_document(document), m_beforeEvent(before.event), m_beforeCards(before.cards),
          m_afterEvent(after.event), m_afterCards(after.cards), m_mergeKey(std::move(mergeKey))
    {}

    void undo() override { m_document->setContent(m_beforeEvent, m_beforeCards); }
    void redo() override { m_document->setContent(m_afterEvent, m_afterCards); }
    int id() const override { return m_mergeKey.isEmpty() ? -1 : 1; }

    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const SnapshotCommand *>(other);
        if (next->m_mergeKey != m_mergeKey)
            return false;
        m_afterEvent = next->m_afterEvent;
        m_afterCards = next->m_afterCards;
        return true;
    }

private:
    FlowDocument *m_document;
    EventCard m_beforeEvent;
    QList<CardNode> m_beforeCards;
    EventCard m_afterEvent;
    QList<CardNode> m_afterCards;
    QString m_mergeKey;
};

FlowDocument::FlowDocument(QObject *parent) : QObject(parent)
{
    m_undo.setUndoLimit(500);
}

FlowDocument::~FlowDocument() = default;

void FlowDocument::open(const Flow &flow)
{
    m_undo.clear();
    m_flow = flow;
    m_open = true;
    emit opened();
}

void FlowDocument::close()
{
    m_undo.clear();
    m_flow = Flow();
    m_open = false;
    emit opened();
}

void FlowDocument::updateHeader(const Flow &flow)
{
    Flow updated = flow;
    updated.event = m_flow.event;
    updated.cards = m_flow.cards;
    const bool changed = flowjson::toJson(updated) != flowjson::toJson(m_flow);
    m_flow = std::move(updated);
    if (changed)
        emit headerChanged();
}

bool FlowDocument::change(const QString &text, const std::function<bool(Flow &)> &edit,
                          const QString &mergeKey)
{
    if (!m_open)
        return false;
    Flow after = m_flow;
    if (!edit(after) || contentBytes(after) == contentBytes(m_flow))
        return false;
    m_undo.push(new SnapshotCommand(this, text, m_flow, after, mergeKey));
    return true;
}

QByteArray FlowDocument::contentBytes(const Flow &flow)
{
    const QJsonObject json = flowjson::toJsonObject(flow);
    const QJsonObject content{{QStringLiteral("event"), json.value(QLatin1String("event"))},
                              {QStringLiteral("cards"), json.value(QLatin1String("cards"))}};
    return QJsonDocument(content).toJson(QJsonDocument::Compact);
}

void FlowDocument::setContent(const EventCard &event, const QList<CardNode> &cards)
{
    m_flow.event = event;
    m_flow.cards = cards;
    emit contentChanged();
}

} // namespace wf::ui
