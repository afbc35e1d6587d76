#pragma once

// A secret shown masked, with Reveal (a toggle) and Copy. The secret comes from the keychain, so
// it may arrive later (loading) or not at all (not in this machine's keychain, or the keychain
// could not be read); the field says which, and Reveal and Copy work only once there is a value.

#include <QWidget>

class QLineEdit;
class QToolButton;

namespace wf::ui {

class SecretField final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretField)

public:
    enum class State { Loading, Available, Unavailable };

    explicit SecretField(QWidget *parent = nullptr);
    // Names the widget `base`, its parts "<base>Field", "<base>Reveal" and "<base>Copy".
    explicit SecretField(const QString &base, QWidget *parent = nullptr);
    ~SecretField() override;

    void setObjectNames(const QString &base);

    // Waiting for the value ("Loading…").
    void setLoading();
    void setSecret(const QString &secret);
    // No value, with the reason shown in the field; an empty reason says it is not in this
    // machine's keychain.
    void setUnavailable(const QString &reason = QString());

    State state() const { return m_state; }
    QString secret() const { return m_secret; }
    // What the field says instead of a value (loading, unavailable); empty when there is a value.
    QString statusText() const;

    bool isRevealed() const { return m_revealed; }
    void setRevealed(bool revealed);

    QLineEdit *lineEdit() const { return m_field; }
    QToolButton *revealButton() const { return m_reveal; }
    QToolButton *copyButton() const { return m_copy; }

signals:
    void revealedChanged(bool revealed);
    void copied();

private:
    void showState();

    QLineEdit *m_field = nullptr;
    QToolButton *m_reveal = nullptr;
    QToolButton *m_copy = nullptr;
    State m_state = State::Loading;
    QString m_secret;
    QString m_reason;
    bool m_revealed = false;
};

} // namespace wf::ui
