#include "dialogs/AddPublicKeyDialog.h"

#include "ConsoleSession.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace wf::ui {

AddPublicKeyDialog::AddPublicKeyDialog(ConsoleSession &session, const QString &clientId, QWidget *parent)
    : QDialog(parent), m_session(session), m_clientId(clientId)
{
    setObjectName(QStringLiteral("addPublicKeyDialog"));
    setWindowTitle(tr("Add public key"));

    auto *intro = new QLabel(tr("Paste the public key your client signs with, as a JWK (JSON) or PEM. "
                                "RSA 2048, 3072 or 4096 bits, or EC P-256 or P-384."),
                             this);
    intro->setWordWrap(true);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("publicKeyText"));
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setPlaceholderText(
        tr("{\"kty\": \"RSA\", \"n\": \"…\", \"e\": \"AQAB\"}\nor\n-----BEGIN PUBLIC KEY-----\n…"));
    m_kid = new QLineEdit(this);
    m_kid->setObjectName(QStringLiteral("publicKeyKid"));
    m_kid->setPlaceholderText(tr("Optional: the JWK's kid, else its RFC 7638 thumbprint"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("publicKeyStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_add = buttons->addButton(tr("Add key"), QDialogButtonBox::AcceptRole);
    m_add->setObjectName(QStringLiteral("addPublicKeyButton"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelPublicKeyButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("Key ID (kid):"), m_kid);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_text, 1);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(640, 480);

    connect(m_text, &QPlainTextEdit::textChanged, this, &AddPublicKeyDialog::readKey);
    readKey();
}

AddPublicKeyDialog::~AddPublicKeyDialog() = default;

QString AddPublicKeyDialog::statusText() const
{
    return m_status->text();
}

void AddPublicKeyDialog::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #d32f2f;") : QString());
}

void AddPublicKeyDialog::readKey()
{
    m_key.reset();
    const QByteArray text = m_text->toPlainText().trimmed().toUtf8();
    if (text.isEmpty()) {
        showStatus(QString(), false);
        m_add->setEnabled(false);
        return;
    }
    auto key = auth::Key::fromText(text);
    if (!key) {
        showStatus(key.error().message, true);
        m_add->setEnabled(false);
        return;
    }
    if (!key->type()) {
        showStatus(tr("A %1 key cannot be used by an app integration: use RSA 2048, 3072 or 4096, or EC "
                      "P-256 or P-384.")
                       .arg(key->typeDisplayName()),
                   true);
        m_add->setEnabled(false);
        return;
    }
    QString what = tr("%1 key, thumbprint %2.").arg(key->typeDisplayName(), key->thumbprint());
    if (key->hasPrivate())
        what += QLatin1Char(' ') + tr("This is a private key: only its public part is registered.");
    showStatus(what, false);
    m_key = *key;
    m_add->setEnabled(true);
}

void AddPublicKeyDialog::accept()
{
    if (!m_key)
        return;
    const QString kid = m_kid->text().trimmed();
    const auth::Key key = kid.isEmpty() ? *m_key : m_key->withKid(kid);
    QString added;
    const auto done = m_session.edit(ConsoleSession::Change::Apps, [&](Workspace &workspace) -> Result<bool> {
        auto appKey = workspace.addAppKey(m_clientId, key);
        if (!appKey)
            return appKey.error();
        added = appKey->kid;
        return true;
    });
    if (!done) {
        showStatus(done.error().message, true);
        return;
    }
    emit keyAdded(m_clientId, added);
    QDialog::accept();
}

} // namespace wf::ui
