#pragma once

// "Add public key": registers a key the user made elsewhere. The pasted text (a JWK or PEM) is read
// as it is typed, and what it is, or why it cannot be used, is shown under it. A key id is
// optional (default: the JWK's own kid, else the RFC 7638 thumbprint). A pasted private key is
// accepted; only its public part is registered, and the dialog says so.

#include "auth/Jose.h"

#include <QDialog>
#include <optional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace wf::ui {

class ConsoleSession;

class AddPublicKeyDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddPublicKeyDialog)

public:
    AddPublicKeyDialog(ConsoleSession &session, const QString &clientId, QWidget *parent = nullptr);
    ~AddPublicKeyDialog() override;

    // The message under the text: what the key is, or why it is refused.
    QString statusText() const;

    void accept() override;

signals:
    void keyAdded(const QString &clientId, const QString &kid);

private:
    void readKey();
    void showStatus(const QString &text, bool error);

    ConsoleSession &m_session;
    QString m_clientId;
    QPlainTextEdit *m_text = nullptr;
    QLineEdit *m_kid = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_add = nullptr;
    std::optional<auth::Key> m_key;
};

} // namespace wf::ui
