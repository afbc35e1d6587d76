#include "editor/OutputChip.h"

#include <QApplication>
#include <QDrag>
#include <QMimeData>
#include <QMouseEvent>

namespace wf::ui {
namespace {

bool g_dragging = false;

} // namespace

OutputChip::OutputChip(const QString &reference, const QString &name, ValueType type, const QColor &accent,
                       QWidget *parent)
    : QLabel(parent), m_reference(reference)
{
    setObjectName(QStringLiteral("output:") + reference);
    setTextFormat(Qt::RichText);
    setText(QStringLiteral("<span style='color:%1'>&#9679;</span> %2 <span style='color:gray'>%3</span>")
                .arg(accent.name(), name.toHtmlEscaped(), type.displayName().toHtmlEscaped()));
    setToolTip(tr("%1 (%2): drag it onto an input of a later card to bind that input to it")
                   .arg(reference, type.displayName()));
    setCursor(Qt::OpenHandCursor);
    setAlignment(Qt::AlignRight | Qt::AlignVCenter);
}

OutputChip::~OutputChip() = default;

void OutputChip::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QLabel::mousePressEvent(event);
        return;
    }
    m_pressed = true;
    m_pressedAt = event->position().toPoint();
    event->accept();
}

void OutputChip::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_pressed || !(event->buttons() & Qt::LeftButton) ||
        (event->position().toPoint() - m_pressedAt).manhattanLength() < QApplication::startDragDistance())
        return;
    m_pressed = false;
    auto *mime = new QMimeData;
    mime->setData(kOutputRefMime, m_reference.toUtf8());
    mime->setText(m_reference);
    auto *drag = new QDrag(this);
    drag->setMimeData(mime);
    drag->setPixmap(grab());
    drag->setHotSpot(m_pressedAt);
    g_dragging = true;
    drag->exec(Qt::LinkAction | Qt::CopyAction, Qt::LinkAction);
    g_dragging = false;
}

bool OutputChip::dragInProgress()
{
    return g_dragging;
}

} // namespace wf::ui
