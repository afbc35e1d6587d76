#include "dialogs/PrivateKeyDialog.h"

#include "ConsoleSession.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace wf::ui {

PrivateKeyDialog::PrivateKeyDialog(ConsoleSession &session, const QString &clientId,
                                   const auth::Key &privateKey, QWidget *parent)
    : QDialog(parent), m_session(session), m_clientId(clientId), m_key(privateKey)
{
    setObjectName(QStringLiteral("privateKeyDialog"));
    setWindowTitle(tr("Private key"));
    const auth::AppIntegration *app = session.workspace().appByClientId(clientId);

    auto *intro =
        new QLabel(tr("A new %1 key was added to <b>%2</b> with key ID <code>%3</code>.")
                       .arg(privateKey.typeDisplayName(), (app ? app->name : clientId).toHtmlEscaped(),
                            privateKey.kid().toHtmlEscaped()),
                   this);
    intro->setWordWrap(true);
    auto *warning = new QLabel(tr("Copy this private key now: it is shown only once and cannot be shown "
                                  "again. Your client signs its JWT assertions with it; the server keeps "
                                  "only the public key."),
                               this);
    warning->setObjectName(QStringLiteral("privateKeyWarning"));
    warning->setWordWrap(true);
    warning->setStyleSheet(QStringLiteral("font-weight: bold;"));

    if (auto jwk = privateKey.privateJwk())
        m_jwkText = QString::fromUtf8(QJsonDocument(*jwk).toJson(QJsonDocument::Indented));
    if (auto pem = privateKey.privatePem())
        m_pemText = QString::fromLatin1(*pem);

    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("privateKeyText"));
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);

    m_keep = new QCheckBox(tr("Keep in keychain for the request tester"), this);
    m_keep->setObjectName(QStringLiteral("keepPrivateKey"));
    m_keep->setToolTip(tr("The request tester and `wfconsole token --app` can then sign assertions with "
                          "this key. Kept in the secret store of this workspace (%1).")
                           .arg(session.secrets().kind()));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("privateKeyError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d32f2f;"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *doneButton = buttons->addButton(tr("Done"), QDialogButtonBox::AcceptRole);
    doneButton->setObjectName(QStringLiteral("privateKeyDone"));
    doneButton->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(warning);
    layout->addWidget(buildFormatRow());
    layout->addWidget(m_text, 1);
    layout->addWidget(m_keep);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(720, 560);
    showFormat();
}

PrivateKeyDialog::~PrivateKeyDialog()
{
    // The key text does not outlive the dialog in the widgets' buffers.
    m_text->clear();
}

QWidget *PrivateKeyDialog::buildFormatRow()
{
    auto *row = new QWidget(this);
    m_jwk = new QRadioButton(tr("JWK"), row);
    m_jwk->setObjectName(QStringLiteral("formatJwk"));
    m_jwk->setChecked(true);
    m_pem = new QRadioButton(tr("PEM"), row);
    m_pem->setObjectName(QStringLiteral("formatPem"));
    auto *group = new QButtonGroup(row);
    group->addButton(m_jwk);
    group->addButton(m_pem);
    connect(m_jwk, &QRadioButton::toggled, this, &PrivateKeyDialog::showFormat);

    m_copy = new QPushButton(tr("Copy"), row);
    m_copy->setObjectName(QStringLiteral("copyPrivateKey"));
    m_copy->setAutoDefault(false);
    connect(m_copy, &QPushButton::clicked, this, &PrivateKeyDialog::copyKey);
    m_copied = new QLabel(row);
    m_copied->setObjectName(QStringLiteral("privateKeyCopied"));

    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Format:"), row));
    layout->addWidget(m_jwk);
    layout->addWidget(m_pem);
    layout->addStretch();
    layout->addWidget(m_copied);
    layout->addWidget(m_copy);
    return row;
}

PrivateKeyDialog::Format PrivateKeyDialog::format() const
{
    return m_pem->isChecked() ? Format::Pem : Format::Jwk;
}

void PrivateKeyDialog::setFormat(Format format)
{
    (format == Format::Pem ? m_pem : m_jwk)->setChecked(true);
}

QString PrivateKeyDialog::shownText() const
{
    return m_text->toPlainText();
}

void PrivateKeyDialog::showFormat()
{
    const QString &text = format() == Format::Pem ? m_pemText : m_jwkText;
    m_text->setPlainText(text);
    m_copy->setEnabled(!text.isEmpty());
    m_copied->clear();
    if (text.isEmpty()) {
        m_error->setText(tr("This key cannot be written in this format."));
        m_error->show();
    }
}

void PrivateKeyDialog::copyKey()
{
    QApplication::clipboard()->setText(shownText());
    m_copied->setText(format() == Format::Pem ? tr("PEM copied") : tr("JWK copied"));
}

bool PrivateKeyDialog::keepIfAsked()
{
    if (!m_keep->isChecked() || m_kept)
        return true;
    const auto kept = m_session.edit(ConsoleSession::Change::Apps, [&](Workspace &workspace) {
        return workspace.keepAppPrivateKey(m_clientId, m_key, m_session.secrets());
    });
    if (!kept) {
        m_error->setText(tr("The private key could not be kept: %1").arg(kept.error().message));
        m_error->show();
        return false;
    }
    m_kept = true;
    emit privateKeyKept(m_clientId, m_key.kid());
    return true;
}

void PrivateKeyDialog::done(int result)
{
    // The key is registered already, so closing the window is Done too: keep it when asked.
    if (!keepIfAsked())
        return;
    QDialog::done(result);
}

} // namespace wf::ui
