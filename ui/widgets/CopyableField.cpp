#include "widgets/CopyableField.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QTimer>
#include <QToolButton>

namespace wf::ui {
namespace {

// Long enough to be read, short enough not to be mistaken for a state.
constexpr int kCopiedFeedbackMs = 1500;
const char *const kRestTextProperty = "wfRestText";
const QLatin1String kFeedbackTimerName("copiedFeedbackTimer");

} // namespace

CopyableField::CopyableField(QWidget *parent) : QWidget(parent)
{
    m_field = new QLineEdit(this);
    m_field->setReadOnly(true);
    m_copy = new QToolButton(this);
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy to the clipboard"));
    m_copy->setEnabled(false);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_copy);
    setFocusProxy(m_field);
    connect(m_copy, &QToolButton::clicked, this, [this] {
        copyWithFeedback(m_copy, m_copyText);
        emit copied();
    });
}

CopyableField::CopyableField(const QString &base, QWidget *parent) : CopyableField(parent)
{
    setObjectNames(base);
}

CopyableField::~CopyableField() = default;

void CopyableField::setObjectNames(const QString &base)
{
    setObjectName(base);
    m_field->setObjectName(base + QLatin1String("Field"));
    m_copy->setObjectName(base + QLatin1String("Copy"));
}

void CopyableField::setText(const QString &text)
{
    setText(text, text);
}

void CopyableField::setText(const QString &shown, const QString &copied)
{
    m_field->setText(shown);
    m_field->setCursorPosition(0); // the start of a long URL says more than its end
    m_copyText = copied;
    m_copy->setEnabled(!copied.isEmpty());
}

QString CopyableField::text() const
{
    return m_field->text();
}

QString CopyableField::copyText() const
{
    return m_copyText;
}

void CopyableField::setPlaceholderText(const QString &text)
{
    m_field->setPlaceholderText(text);
}

void CopyableField::copyWithFeedback(QToolButton *button, const QString &text)
{
    QGuiApplication::clipboard()->setText(text);
    // The timer lives on the button, so a second click restarts it instead of racing the first.
    auto *timer = button->findChild<QTimer *>(kFeedbackTimerName, Qt::FindDirectChildrenOnly);
    if (!timer) {
        timer = new QTimer(button);
        timer->setObjectName(kFeedbackTimerName);
        timer->setSingleShot(true);
        timer->setInterval(kCopiedFeedbackMs);
        button->setProperty(kRestTextProperty, button->text());
        connect(timer, &QTimer::timeout, button,
                [button] { button->setText(button->property(kRestTextProperty).toString()); });
    }
    button->setText(tr("Copied"));
    // Never narrower than "Copied", so that the row does not jump while it shows.
    button->setMinimumWidth(qMax(button->minimumWidth(), button->sizeHint().width()));
    timer->start();
}

} // namespace wf::ui
