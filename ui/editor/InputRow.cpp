#include "editor/InputRow.h"

#include "editor/OutputChip.h"

#include <QDragEnterEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMimeData>
#include <QPainter>

namespace wf::ui {

InputRow::InputRow(const flowedit::InputKey &key, const QString &label, const QString &typeName,
                   const Value &value, QWidget *parent)
    : QWidget(parent), m_key(key), m_valueText(value.text)
{
    setObjectName(objectNameFor(key));
    setAcceptDrops(true);

    m_name = new QLabel(label, this);
    m_name->setObjectName(QStringLiteral("inputName"));
    m_name->setMinimumWidth(70);
    auto *type = new QLabel(typeName, this);
    type->setObjectName(QStringLiteral("inputType"));
    QFont small = type->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    type->setFont(small);
    type->setStyleSheet(QStringLiteral("color: gray;"));

    m_value = new QLabel(this);
    m_value->setObjectName(QStringLiteral("inputValue"));
    m_value->setTextFormat(Qt::PlainText);
    m_value->setText(value.text);
    m_value->setToolTip(value.detail);
    if (value.chip.isValid()) {
        QColor fill = value.chip;
        fill.setAlpha(40);
        m_value->setStyleSheet(QStringLiteral("QLabel { background: rgba(%1,%2,%3,%4); border: 1px solid %5;"
                                              " border-radius: 8px; padding: 0px 6px; }")
                                   .arg(fill.red())
                                   .arg(fill.green())
                                   .arg(fill.blue())
                                   .arg(fill.alpha())
                                   .arg(value.chip.name()));
    } else if (value.unset) {
        m_value->setStyleSheet(QStringLiteral("color: gray; font-style: italic;"));
    }

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(2, 1, 2, 1);
    layout->setSpacing(6);
    layout->addWidget(m_name);
    layout->addWidget(type);
    layout->addWidget(m_value);
    layout->addStretch(1);
}

InputRow::~InputRow() = default;

QString InputRow::valueText() const
{
    return m_valueText;
}

void InputRow::setDropHandler(CanDrop canDrop, Dropped dropped)
{
    m_canDrop = std::move(canDrop);
    m_dropped = std::move(dropped);
}

void InputRow::setProblem(const QString &message)
{
    m_name->setStyleSheet(message.isEmpty() ? QString()
                                            : QStringLiteral("color: #c62828; font-weight: bold;"));
    m_name->setToolTip(message);
    setToolTip(message);
}

QString InputRow::objectNameFor(const flowedit::InputKey &key)
{
    if (key.block < 0)
        return QStringLiteral("input:") + key.name;
    return QStringLiteral("input:%1:%2").arg(key.block).arg(key.name);
}

QString InputRow::droppedReference(const QMimeData *mime) const
{
    if (!mime || !mime->hasFormat(kOutputRefMime) || !m_canDrop)
        return QString();
    const QString reference = QString::fromUtf8(mime->data(kOutputRefMime));
    return m_canDrop(reference) ? reference : QString();
}

void InputRow::dragEnterEvent(QDragEnterEvent *event)
{
    if (droppedReference(event->mimeData()).isEmpty()) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::LinkAction);
    event->accept();
    m_dropTarget = true;
    update();
}

void InputRow::dragMoveEvent(QDragMoveEvent *event)
{
    if (droppedReference(event->mimeData()).isEmpty()) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::LinkAction);
    event->accept();
}

void InputRow::dragLeaveEvent(QDragLeaveEvent *event)
{
    m_dropTarget = false;
    update();
    QWidget::dragLeaveEvent(event);
}

void InputRow::dropEvent(QDropEvent *event)
{
    m_dropTarget = false;
    update();
    const QString reference = droppedReference(event->mimeData());
    if (reference.isEmpty()) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::LinkAction);
    event->accept();
    if (m_dropped)
        m_dropped(m_key, reference);
}

void InputRow::paintEvent(QPaintEvent *event)
{
    QWidget::paintEvent(event);
    if (!m_dropTarget)
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(palette().color(QPalette::Highlight), 2, Qt::DashLine));
    painter.drawRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), 4, 4);
}

} // namespace wf::ui
