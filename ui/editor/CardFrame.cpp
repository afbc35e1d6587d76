#include "editor/CardFrame.h"

#include <QApplication>
#include <QDrag>
#include <QHBoxLayout>
#include <QLabel>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace wf::ui {
namespace {

constexpr int kStripWidth = 6;
const QColor kProblemColour(0xc6, 0x28, 0x28);
bool g_dragging = false;

} // namespace

CardFrame::CardFrame(const QString &cardId, const QString &title, const QString &subtitle,
                     const QColor &accent, QWidget *parent)
    : QFrame(parent), m_cardId(cardId), m_accent(accent)
{
    setObjectName(objectNameFor(cardId));
    setAttribute(Qt::WA_StyledBackground, false);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    m_title = new QLabel(title, this);
    m_title->setObjectName(QStringLiteral("cardTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    m_title->setFont(bold);
    auto *sub = new QLabel(subtitle, this);
    sub->setObjectName(QStringLiteral("cardSubtitle"));
    sub->setTextFormat(Qt::PlainText);
    sub->setStyleSheet(QStringLiteral("color: gray;"));
    m_badge = new QLabel(this);
    m_badge->setObjectName(QStringLiteral("problemBadge"));
    m_badge->setStyleSheet(QStringLiteral(
        "QLabel { color: white; background: #c62828; border-radius: 8px; padding: 0px 6px; }"));
    m_badge->hide();
    m_runMark = new QLabel(this);
    m_runMark->setObjectName(QStringLiteral("runMark"));
    m_runMark->hide();

    auto *header = new QHBoxLayout;
    header->setSpacing(8);
    header->addWidget(m_title);
    header->addWidget(sub);
    header->addStretch(1);
    header->addWidget(m_runMark);
    header->addWidget(m_badge);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(kStripWidth + 10, 8, 10, 8);
    outer->setSpacing(4);
    outer->addLayout(header);
    m_content = new QVBoxLayout;
    m_content->setSpacing(4);
    outer->addLayout(m_content);
}

CardFrame::~CardFrame() = default;

QString CardFrame::title() const
{
    return m_title->text();
}

void CardFrame::setSelected(bool selected)
{
    if (m_selected == selected)
        return;
    m_selected = selected;
    update();
}

void CardFrame::setProblems(const QStringList &problems)
{
    m_problems = problems;
    m_badge->setVisible(!problems.isEmpty());
    m_badge->setText(tr("%n problem(s)", nullptr, static_cast<int>(problems.size())));
    const QString list = problems.join(QLatin1Char('\n'));
    m_badge->setToolTip(list);
    setToolTip(list);
    update();
}

void CardFrame::setRunMark(std::optional<bool> ran)
{
    m_runMark->setVisible(ran.has_value());
    if (!ran)
        return;
    m_runMark->setText(*ran ? tr("✓ ran") : tr("✗ failed"));
    m_runMark->setStyleSheet(*ran ? QStringLiteral("color: #2e7d32;") : QStringLiteral("color: #c62828;"));
    m_runMark->setToolTip(*ran ? tr("This card ran in the last test")
                               : tr("This card failed in the last test"));
}

QString CardFrame::objectNameFor(const QString &cardId)
{
    return QStringLiteral("card:") + cardId;
}

void CardFrame::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF box = QRectF(rect()).adjusted(1, 1, -1, -1);
    QPainterPath shape;
    shape.addRoundedRect(box, 6, 6);
    QColor fill = palette().color(QPalette::Base);
    if (m_selected)
        fill = QColor::fromRgbF(fill.redF() * 0.92 + palette().color(QPalette::Highlight).redF() * 0.08,
                                fill.greenF() * 0.92 + palette().color(QPalette::Highlight).greenF() * 0.08,
                                fill.blueF() * 0.92 + palette().color(QPalette::Highlight).blueF() * 0.08);
    painter.fillPath(shape, fill);
    painter.save();
    painter.setClipPath(shape);
    painter.fillRect(QRectF(box.left(), box.top(), kStripWidth, box.height()), m_accent);
    painter.restore();
    // Problems stay visible on a selected card: the selection shows as the tint and a wider border.
    if (!m_problems.isEmpty())
        painter.setPen(QPen(kProblemColour, m_selected ? 3 : 2));
    else if (m_selected)
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
    else
        painter.setPen(QPen(palette().color(QPalette::Mid), 1));
    painter.drawPath(shape);
    if (m_dropSide != 0) { // where a dragged card would go
        const qreal y = m_dropSide < 0 ? box.top() + 1 : box.bottom() - 1;
        painter.setPen(QPen(palette().color(QPalette::Highlight), 4));
        painter.drawLine(QPointF(box.left() + 8, y), QPointF(box.right() - 8, y));
    }
}

void CardFrame::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_pressed = true;
        m_pressedAt = event->position().toPoint();
        emit clicked(m_cardId);
        event->accept();
        return;
    }
    QFrame::mousePressEvent(event);
}

void CardFrame::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_draggable || !m_pressed || !(event->buttons() & Qt::LeftButton) ||
        (event->position().toPoint() - m_pressedAt).manhattanLength() < QApplication::startDragDistance())
        return;
    m_pressed = false;
    auto *mime = new QMimeData;
    mime->setData(kCardMime, m_cardId.toUtf8());
    auto *drag = new QDrag(this);
    drag->setMimeData(mime);
    const QPixmap look = grab(QRect(0, 0, width(), std::min(height(), 48)));
    drag->setPixmap(look);
    drag->setHotSpot(
        QPoint(std::min(m_pressedAt.x(), look.width() - 1), std::min(m_pressedAt.y(), look.height() - 1)));
    g_dragging = true;
    drag->exec(Qt::MoveAction, Qt::MoveAction);
    g_dragging = false;
}

bool CardFrame::dragInProgress()
{
    return g_dragging;
}

void CardFrame::setCardDropHandler(AcceptsCard accepts, CardDropped dropped)
{
    m_accepts = std::move(accepts);
    m_dropped = std::move(dropped);
    setAcceptDrops(m_accepts != nullptr);
}

QString CardFrame::draggedCard(const QMimeData *mime)
{
    return mime && mime->hasFormat(kCardMime) ? QString::fromUtf8(mime->data(kCardMime)) : QString();
}

int CardFrame::dropSide(const QDropEvent *event) const
{
    const QString dragged = draggedCard(event->mimeData());
    if (dragged.isEmpty() || dragged == m_cardId || !m_accepts || !m_accepts(dragged))
        return 0;
    return event->position().y() < height() / 2.0 ? -1 : 1;
}

void CardFrame::dragEnterEvent(QDragEnterEvent *event)
{
    dragMoveEvent(event);
}

void CardFrame::dragMoveEvent(QDragMoveEvent *event)
{
    const int side = dropSide(event);
    if (side != m_dropSide) {
        m_dropSide = side;
        update();
    }
    // Over itself a card takes the drag and does nothing, so its blocks do not take it instead.
    if (side == 0 && draggedCard(event->mimeData()) != m_cardId) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::MoveAction);
    event->accept();
}

void CardFrame::dragLeaveEvent(QDragLeaveEvent *event)
{
    m_dropSide = 0;
    update();
    QFrame::dragLeaveEvent(event);
}

void CardFrame::dropEvent(QDropEvent *event)
{
    const int side = dropSide(event);
    m_dropSide = 0;
    update();
    const bool onItself = draggedCard(event->mimeData()) == m_cardId;
    if (side == 0 && !onItself) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::MoveAction);
    event->accept();
    if (!onItself && m_dropped)
        m_dropped(draggedCard(event->mimeData()), side > 0);
}

} // namespace wf::ui
