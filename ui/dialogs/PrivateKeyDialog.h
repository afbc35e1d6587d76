#pragma once

// Shows the private key of a newly generated app key, once: as a JWK or PEM (a toggle), with Copy,
// and "Keep in keychain for the request tester". The key is not stored anywhere else, so the dialog
// says it cannot be shown again. Done (or closing the window) keeps the key first when asked to; if
// the secret store refuses, the error is shown and the dialog stays open.

#include "auth/Jose.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace wf::ui {

class ConsoleSession;

class PrivateKeyDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PrivateKeyDialog)

public:
    enum class Format { Jwk, Pem };

    // `privateKey` carries the kid the app registered it under.
    PrivateKeyDialog(ConsoleSession &session, const QString &clientId, const auth::Key &privateKey,
                     QWidget *parent = nullptr);
    ~PrivateKeyDialog() override;

    Format format() const;
    void setFormat(Format format);
    // The key as shown now (JWK or PEM text).
    QString shownText() const;

    void done(int result) override;

signals:
    // The private key was written to the secret store for the request tester.
    void privateKeyKept(const QString &clientId, const QString &kid);

private:
    QWidget *buildFormatRow();
    void showFormat();
    void copyKey();
    bool keepIfAsked();

    ConsoleSession &m_session;
    QString m_clientId;
    auth::Key m_key;
    QString m_jwkText;
    QString m_pemText;
    QRadioButton *m_jwk = nullptr;
    QRadioButton *m_pem = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QPushButton *m_copy = nullptr;
    QLabel *m_copied = nullptr;
    QCheckBox *m_keep = nullptr;
    QLabel *m_error = nullptr;
    bool m_kept = false;
};

} // namespace wf::ui
