#pragma once

// A read-only value the user copies rather than types: a line edit and a "Copy" button that puts
// the value on the clipboard and says "Copied" for a moment. The text shown may differ from the
// text copied (an Invoke URL whose client token is masked on screen is still copied whole).

#include <QWidget>

class QLineEdit;
class QTimer;
class QToolButton;

namespace wf::ui {

class CopyableField final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CopyableField)

public:
    explicit CopyableField(QWidget *parent = nullptr);
    // Names the widget `base`, its line edit "<base>Field" and its button "<base>Copy".
    explicit CopyableField(const QString &base, QWidget *parent = nullptr);
    ~CopyableField() override;

    void setObjectNames(const QString &base);

    // Shows and copies `text`.
    void setText(const QString &text);
    // Shows `shown`, copies `copied`. An empty `copied` disables Copy (nothing usable to copy yet).
    void setText(const QString &shown, const QString &copied);
    QString text() const;     // as shown
    QString copyText() const; // as copied
    void setPlaceholderText(const QString &text);

    QLineEdit *lineEdit() const { return m_field; }
    QToolButton *copyButton() const { return m_copy; }

    // Puts `text` on the clipboard and lets `button` say "Copied" for a moment before it shows its
    // own text again. Shared with the other fields that copy (SecretField).
    static void copyWithFeedback(QToolButton *button, const QString &text);

signals:
    void copied();

private:
    QLineEdit *m_field = nullptr;
    QToolButton *m_copy = nullptr;
    QString m_copyText;
};

} // namespace wf::ui
