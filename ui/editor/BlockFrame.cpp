#include "editor/BlockFrame.h"

#include "editor/CardFrame.h"

#include <QDragEnterEvent>
#include <QPainter>

namespace wf::ui {

BlockFrame::BlockFrame(const QString &cardId, int block, const QColor &accent, QWidget *parent)
    : QFrame(parent), m_cardId(cardId), m_block(block), m_accent(accent)
{
    setObjectName(QStringLiteral("block:%1:%2").arg(cardId).arg(block));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
}

BlockFrame::~BlockFrame() = default;

void BlockFrame::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    QColor tint = m_accent;
    tint.setAlpha(18);
    painter.fillRect(rect(), tint);
    painter.fillRect(QRect(0, 0, 3, height()), m_accent);
    if (m_dropTarget) {
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2, Qt::DashLine));
        painter.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
    }
}

void BlockFrame::setCardDropHandler(AcceptsCard accepts, CardDropped dropped)
{
    m_accepts = std::move(accepts);
    m_dropped = std::move(dropped);
    setAcceptDrops(m_accepts != nullptr);
}

bool BlockFrame::accepts(const QDropEvent *event) const
{
    const QString dragged = CardFrame::draggedCard(event->mimeData());
    return !dragged.isEmpty() && m_accepts && m_accepts(dragged);
}

void BlockFrame::dragEnterEvent(QDragEnterEvent *event)
{
    dragMoveEvent(event);
}

void BlockFrame::dragMoveEvent(QDragMoveEvent *event)
{
    const bool ok = accepts(event);
    if (ok != m_dropTarget) {
        m_dropTarget = ok;
        update();
    }
    if (!ok) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::MoveAction);
    event->accept();
}

void BlockFrame::dragLeaveEvent(QDragLeaveEvent *event)
{
    m_dropTarget = false;
    update();
    QFrame::dragLeaveEvent(event);
}

void BlockFrame::dropEvent(QDropEvent *event)
{
    m_dropTarget = false;
    update();
    if (!accepts(event)) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::MoveAction);
    event->accept();
    if (m_dropped)
        m_dropped(CardFrame::draggedCard(event->mimeData()));
}

} // namespace wf::ui
