#include "editor/FlowCanvas.h"

#include "editor/BlockFrame.h"
#include "editor/CardWidget.h"
#include "editor/EventCardWidget.h"
#include "editor/OutputChip.h"
#include "engine/CardCatalogue.h"

#include <QKeyEvent>
#include <QLabel>
#include <QScrollBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <memory>

namespace wf::ui {
namespace {

constexpr int kColumnWidth = 760;

QLabel *connector(QWidget *parent)
{
    auto *arrow = new QLabel(QStringLiteral("↓"), parent);
    arrow->setAlignment(Qt::AlignHCenter);
    arrow->setStyleSheet(QStringLiteral("color: gray;"));
    return arrow;
}

} // namespace

FlowCanvas::FlowCanvas(QWidget *parent) : QScrollArea(parent)
{
    setObjectName(QStringLiteral("flowCanvas"));
    setWidgetResizable(true);
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    m_content = new QWidget;
    m_content->setObjectName(QStringLiteral("flowCanvasContent"));
    m_content->setBackgroundRole(QPalette::Window);
    m_content->setAutoFillBackground(true);
    auto *outer = new QVBoxLayout(m_content);
    outer->setContentsMargins(16, 16, 16, 16);
    // The column of cards keeps a readable width and stays centred on a wide canvas.
    m_row = new QHBoxLayout;
    m_row->addStretch(1);
    m_row->addStretch(1);
    outer->addLayout(m_row);
    outer->addStretch(1);
    setWidget(m_content);
}

FlowCanvas::~FlowCanvas() = default;

void FlowCanvas::showFlow(const Flow &flow, const QList<FlowProblem> &problems)
{
    rebuild(flow);
    setProblems(problems);
    // Quietly: the editor decides what is selected after a change (a renamed card stays selected).
    if (CardFrame *frame = m_frames.value(m_selected))
        frame->setSelected(true);
    else
        m_selected.clear();
}

void FlowCanvas::clear()
{
    retireHost();
    m_frames.clear();
    m_inputs.clear();
    m_order.clear();
    m_runMarks.clear();
    if (!m_selected.isEmpty()) {
        m_selected.clear();
        emit selectionChanged(m_selected);
    }
}

void FlowCanvas::retireHost()
{
    // A rebuild may come from a drop on one of these widgets, inside the drag's own event loop: they
    // are hidden now and deleted once no drag can still be using them.
    if (m_host) {
        m_host->hide();
        m_retired.append(m_host);
        m_host = nullptr;
    }
    if (!OutputChip::dragInProgress() && !CardFrame::dragInProgress()) {
        for (const QPointer<QWidget> &old : std::as_const(m_retired)) {
            if (!old)
                continue;
            old->setParent(nullptr);
            old->deleteLater();
        }
        m_retired.clear();
    }
}

void FlowCanvas::rebuild(const Flow &flow)
{
    retireHost();
    m_frames.clear();
    m_inputs.clear();
    m_flow = flow;
    m_scope = std::make_shared<OutputScope>(flow, CardCatalogue::builtIn());
    m_order = QStringList{eventCardId()} + flowedit::allCardIds(flow);

    m_host = new QWidget(m_content);
    m_host->setObjectName(QStringLiteral("flowCards"));
    m_host->setMaximumWidth(kColumnWidth);
    auto *column = new QVBoxLayout(m_host);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);

    auto *event = new EventCardWidget(flow, m_host);
    connect(event, &EventCardWidget::endpointSettingsClicked, this, &FlowCanvas::endpointSettingsClicked);
    registerFrame(event);
    column->addWidget(event);
    const CardBuildContext context{flow,
                                   CardCatalogue::builtIn(),
                                   *m_scope,
                                   [this](CardFrame *frame) { registerFrame(frame); },
                                   [this](InputRow *row) { registerInput(row); },
                                   [this](const flowedit::InsertPoint &at) { emit addCardRequested(at); },
                                   [this](BlockFrame *block) {
                                       registerBlock(block);
                                   }};
    for (const CardNode &node : flow.cards) {
        column->addWidget(connector(m_host));
        column->addWidget(new CardWidget(node, context, m_host));
    }
    auto *add = new QToolButton(m_host);
    add->setObjectName(QStringLiteral("addCard:end"));
    add->setText(tr("+ Add card"));
    add->setToolTip(tr("Add a card at the end of the flow"));
    add->setAutoRaise(true);
    connect(add, &QToolButton::clicked, this, [this] { emit addCardRequested(flowedit::InsertPoint{}); });
    column->addWidget(connector(m_host));
    column->addWidget(add, 0, Qt::AlignHCenter);

    for (auto it = m_runMarks.cbegin(); it != m_runMarks.cend(); ++it) {
        if (CardFrame *frame = m_frames.value(it.key()))
            frame->setRunMark(it.value());
    }
    m_row->insertWidget(1, m_host, 4);
    m_host->show();
}

void FlowCanvas::registerFrame(CardFrame *frame)
{
    const QString id = frame->cardId();
    m_frames.insert(id, frame);
    connect(frame, &CardFrame::clicked, this, [this](const QString &cardId) {
        selectCard(cardId);
        setFocus(Qt::MouseFocusReason);
    });
    // A card dropped on another goes before or after it; on the event card, first. Never into itself.
    if (id == eventCardId()) {
        frame->setDraggable(false);
        frame->setCardDropHandler(
            [this](const QString &dragged) { return flowedit::findCard(m_flow, dragged) != nullptr; },
            [this](const QString &dragged, bool) {
                emit cardMoved(dragged, flowedit::InsertPoint{QString(), -1, 0});
            });
        return;
    }
    frame->setCardDropHandler(
        [this, id](const QString &dragged) {
            return flowedit::findCard(m_flow, dragged) != nullptr && !flowedit::isWithin(m_flow, id, dragged);
        },
        [this, id](const QString &dragged, bool after) {
            if (auto at = flowedit::locate(m_flow, id)) {
                at->index += after ? 1 : 0;
                emit cardMoved(dragged, *at);
            }
        });
}

void FlowCanvas::registerBlock(BlockFrame *block)
{
    const QString id = block->cardId();
    const int index = block->block();
    block->setCardDropHandler(
        [this, id](const QString &dragged) {
            return flowedit::findCard(m_flow, dragged) != nullptr && !flowedit::isWithin(m_flow, id, dragged);
        },
        [this, id, index](const QString &dragged) {
            emit cardMoved(dragged, flowedit::InsertPoint{id, index, -1});
        });
}

void FlowCanvas::registerInput(InputRow *row)
{
    m_inputs.append(row);
    row->setDropHandler([scope = m_scope, cardId = row->key().cardId](
                            const QString &reference) { return scope->canReference(cardId, reference); },
                        [this](const flowedit::InputKey &key, const QString &reference) {
                            emit bindingDropped(key, reference);
                        });
}

void FlowCanvas::setProblems(const QList<FlowProblem> &problems)
{
    QHash<QString, QStringList> byCard;
    for (const FlowProblem &problem : problems) {
        if (!problem.cardId.isEmpty())
            byCard[problem.cardId].append(problem.field.isEmpty()
                                              ? problem.message
                                              : problem.field + QStringLiteral(": ") + problem.message);
    }
    for (auto it = m_frames.cbegin(); it != m_frames.cend(); ++it)
        it.value()->setProblems(byCard.value(it.key()));
    for (InputRow *row : std::as_const(m_inputs)) {
        QStringList messages;
        for (const FlowProblem &problem : problems) {
            if (problem.cardId == row->key().cardId && problem.field == row->key().name)
                messages.append(problem.message);
        }
        row->setProblem(messages.join(QLatin1Char('\n')));
    }
}

void FlowCanvas::setRunMarks(const QHash<QString, bool> &marks)
{
    m_runMarks = marks;
    for (auto it = m_frames.cbegin(); it != m_frames.cend(); ++it) {
        const auto mark = marks.constFind(it.key());
        it.value()->setRunMark(mark == marks.cend() ? std::nullopt : std::optional<bool>(*mark));
    }
}

void FlowCanvas::selectCard(const QString &cardId)
{
    if (cardId == m_selected)
        return;
    if (CardFrame *old = m_frames.value(m_selected))
        old->setSelected(false);
    CardFrame *frame = m_frames.value(cardId);
    m_selected = frame ? cardId : QString();
    if (frame) {
        frame->setSelected(true);
        // Once laid out: a card just added has no place on the canvas yet.
        QTimer::singleShot(0, this, [this] {
            if (CardFrame *selected = m_frames.value(m_selected))
                ensureWidgetVisible(selected, 16, 16);
        });
    }
    emit selectionChanged(m_selected);
}

CardFrame *FlowCanvas::cardFrame(const QString &cardId) const
{
    return m_frames.value(cardId);
}

InputRow *FlowCanvas::inputRow(const flowedit::InputKey &key) const
{
    for (InputRow *row : m_inputs) {
        if (row->key() == key)
            return row;
    }
    return nullptr;
}

void FlowCanvas::keyPressEvent(QKeyEvent *event)
{
    // Up and Down walk the cards in running order (Alt+Up/Down move the card: the editor's actions).
    const bool plain = event->modifiers() == Qt::NoModifier || event->modifiers() == Qt::KeypadModifier;
    if (plain && (event->key() == Qt::Key_Up || event->key() == Qt::Key_Down) && !m_order.isEmpty()) {
        const qsizetype at = m_order.indexOf(m_selected);
        qsizetype next = event->key() == Qt::Key_Down ? at + 1 : at - 1;
        if (at < 0)
            next = 0;
        selectCard(m_order.at(std::clamp<qsizetype>(next, 0, m_order.size() - 1)));
        event->accept();
        return;
    }
    QScrollArea::keyPressEvent(event);
}

} // namespace wf::ui
