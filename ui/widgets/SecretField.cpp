#include "widgets/SecretField.h"

#include "widgets/CopyableField.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

namespace wf::ui {

SecretField::SecretField(QWidget *parent) : QWidget(parent)
{
    m_field = new QLineEdit(this);
    m_field->setReadOnly(true);
    m_reveal = new QToolButton(this);
    m_reveal->setCheckable(true);
    m_copy = new QToolButton(this);
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy to the clipboard"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_reveal);
    layout->addWidget(m_copy);
    setFocusProxy(m_field);

    connect(m_reveal, &QToolButton::toggled, this, &SecretField::setRevealed);
    connect(m_copy, &QToolButton::clicked, this, [this] {
        if (m_state != State::Available)
            return;
        CopyableField::copyWithFeedback(m_copy, m_secret);
        emit copied();
    });
    showState();
}

SecretField::SecretField(const QString &base, QWidget *parent) : SecretField(parent)
{
    setObjectNames(base);
}

SecretField::~SecretField() = default;

void SecretField::setObjectNames(const QString &base)
{
    setObjectName(base);
    m_field->setObjectName(base + QLatin1String("Field"));
    m_reveal->setObjectName(base + QLatin1String("Reveal"));
    m_copy->setObjectName(base + QLatin1String("Copy"));
}

void SecretField::setLoading()
{
    m_state = State::Loading;
    m_secret.clear();
    m_reason.clear();
    showState();
}

void SecretField::setSecret(const QString &secret)
{
    m_state = State::Available;
    m_secret = secret;
    m_reason.clear();
    showState();
}

void SecretField::setUnavailable(const QString &reason)
{
    m_state = State::Unavailable;
    m_secret.clear();
    m_reason = reason.isEmpty() ? tr("Not in this machine's keychain") : reason;
    showState();
}

QString SecretField::statusText() const
{
    switch (m_state) {
    case State::Loading:
        return tr("Loading…");
    case State::Unavailable:
        return m_reason;
    case State::Available:
        break;
    }
    return QString();
}

void SecretField::setRevealed(bool revealed)
{
    if (m_revealed == revealed)
        return;
    m_revealed = revealed;
    showState();
    emit revealedChanged(revealed);
}

void SecretField::showState()
{
    const bool available = m_state == State::Available;
    // The status is placeholder text: greyed, never mistaken for (or copied as) the value.
    m_field->setText(m_secret);
    m_field->setPlaceholderText(statusText());
    m_field->setToolTip(available ? QString() : statusText());
    m_field->setEchoMode(available && !m_revealed ? QLineEdit::Password : QLineEdit::Normal);
    m_field->setCursorPosition(0);
    {
        const QSignalBlocker blocker(m_reveal); // the button follows the state, it does not set it
        m_reveal->setChecked(m_revealed);
    }
    m_reveal->setText(m_revealed ? tr("Hide") : tr("Reveal"));
    m_reveal->setToolTip(m_revealed ? tr("Mask the value") : tr("Show the value"));
    m_reveal->setEnabled(available);
    m_copy->setEnabled(available);
}

} // namespace wf::ui
