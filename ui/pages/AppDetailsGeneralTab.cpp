#include "pages/AppDetailsGeneralTab.h"

#include "Background.h"
#include "ConsoleSession.h"
#include "dialogs/AddPublicKeyDialog.h"
#include "dialogs/PrivateKeyDialog.h"
#include "models/AppKeyModel.h"
#include "pages/AppDetailsAsker.h"
#include "tester/TokenClient.h"
#include "widgets/CopyableField.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace wf::ui {
namespace {

constexpr auth::KeyType kKeyTypes[] = {auth::KeyType::Rsa2048, auth::KeyType::Rsa3072, auth::KeyType::Rsa4096,
                                       auth::KeyType::EcP256, auth::KeyType::EcP384};

QLabel *noteLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

AppDetailsGeneralTab::AppDetailsGeneralTab(ConsoleSession &session, const AppDetailsAsker &asker,
                                           QWidget *parent)
    : QWidget(parent), m_session(session), m_asker(asker)
{
    setObjectName(QStringLiteral("appGeneralTab"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildCredentials());
    layout->addWidget(buildKeys(), 1);
    connect(&session.server(), &ServerController::stateChanged, this,
            &AppDetailsGeneralTab::showTokenEndpoint);
}

AppDetailsGeneralTab::~AppDetailsGeneralTab() = default;

QWidget *AppDetailsGeneralTab::buildCredentials()
{
    auto *box = new QGroupBox(tr("Client Credentials"), this);
    m_clientIdField = new CopyableField(QStringLiteral("clientId"), box);
    m_tokenEndpoint = new CopyableField(QStringLiteral("tokenEndpoint"), box);

    // The server authenticates clients by private_key_jwt only, so this is the one choice shown.
    auto *publicKey = new QRadioButton(tr("Public key / Private key"), box);
    publicKey->setObjectName(QStringLiteral("clientAuthPublicKey"));
    publicKey->setChecked(true);
    publicKey->setToolTip(tr("The only client authentication this server accepts."));

    auto *form = new QFormLayout(box);
    form->addRow(tr("Client ID"), m_clientIdField);
    form->addRow(tr("Client authentication"), publicKey);
    form->addRow(tr("Token endpoint"), m_tokenEndpoint);
    form->addRow(noteLabel(tr("The client signs a JWT assertion (iss and sub: the client ID, aud: the token "
                              "endpoint) with a private key whose public key is listed below, and sends it "
                              "to the token endpoint to get an access token."),
                           box));
    return box;
}

QWidget *AppDetailsGeneralTab::buildKeys()
{
    auto *box = new QGroupBox(tr("Public keys"), this);
    m_addKey = buildAddKeyButton(box);
    m_progress = new QProgressBar(box);
    m_progress->setObjectName(QStringLiteral("keyGenerationProgress"));
    m_progress->setRange(0, 0); // how long RSA generation takes cannot be known
    m_progress->setMaximumWidth(160);
    m_progressLabel = new QLabel(box);
    m_progressLabel->setObjectName(QStringLiteral("keyGenerationLabel"));

    m_noKeys = noteLabel(QString(), box);
    m_noKeys->setObjectName(QStringLiteral("keysHint"));

    m_keys = new AppKeyModel(this);
    m_keyTable = new QTableView(box);
    m_keyTable->setObjectName(QStringLiteral("keyTable"));
    m_keyTable->setModel(m_keys);
    m_keyTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_keyTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_keyTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_keyTable->verticalHeader()->hide();
    m_keyTable->horizontalHeader()->setSectionResizeMode(AppKeyModel::KidColumn, QHeaderView::Stretch);
    for (int column :
         {int(AppKeyModel::TypeColumn), int(AppKeyModel::StatusColumn), int(AppKeyModel::CreatedColumn)})
        m_keyTable->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    connect(m_keyTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AppDetailsGeneralTab::updateKeyButtons);

    m_activate = new QPushButton(tr("Activate"), box);
    m_activate->setObjectName(QStringLiteral("activateKeyButton"));
    m_deactivate = new QPushButton(tr("Deactivate"), box);
    m_deactivate->setObjectName(QStringLiteral("deactivateKeyButton"));
    m_delete = new QPushButton(tr("Delete"), box);
    m_delete->setObjectName(QStringLiteral("deleteKeyButton"));
    connect(m_activate, &QPushButton::clicked, this, [this] { askKeyActive(true); });
    connect(m_deactivate, &QPushButton::clicked, this, [this] { askKeyActive(false); });
    connect(m_delete, &QPushButton::clicked, this, &AppDetailsGeneralTab::askDeleteKey);

    auto *top = new QHBoxLayout;
    top->addWidget(m_addKey);
    top->addSpacing(12);
    top->addWidget(m_progress);
    top->addWidget(m_progressLabel);
    top->addStretch();
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_activate);
    actions->addWidget(m_deactivate);
    actions->addWidget(m_delete);
    actions->addStretch();
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(top);
    layout->addWidget(m_noKeys);
    layout->addWidget(m_keyTable, 1);
    layout->addLayout(actions);
    showGeneration();
    updateKeyButtons();
    return box;
}

QToolButton *AppDetailsGeneralTab::buildAddKeyButton(QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(QStringLiteral("addKeyButton"));
    button->setText(tr("Add key"));
    button->setPopupMode(QToolButton::InstantPopup);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *menu = new QMenu(button);
    menu->setObjectName(QStringLiteral("addKeyMenu"));
    QMenu *generate = menu->addMenu(tr("Generate new key"));
    generate->setObjectName(QStringLiteral("generateKeyMenu"));
    for (const auth::KeyType type : kKeyTypes) {
        QString label = auth::keyTypeDisplayName(type);
        if (type == auth::KeyType::Rsa2048)
            label = tr("%1 (recommended)").arg(label);
        else if (type == auth::KeyType::Rsa4096)
            label = tr("%1 (takes a few seconds)").arg(label);
        QAction *action = generate->addAction(label);
        action->setObjectName(QStringLiteral("generateKey_") + auth::keyTypeId(type));
        connect(action, &QAction::triggered, this, [this, type] { generateKey(type); });
    }
    QAction *paste = menu->addAction(tr("Add public key…"));
    paste->setObjectName(QStringLiteral("addPublicKeyAction"));
    connect(paste, &QAction::triggered, this, &AppDetailsGeneralTab::addPublicKey);
    button->setMenu(menu);
    return button;
}

void AppDetailsGeneralTab::showApp(const auth::AppIntegration &app)
{
    const QString selected = app.clientId == m_clientId ? selectedKid() : QString();
    m_clientId = app.clientId;
    m_appName = app.name;
    m_clientIdField->setText(app.clientId);
    showTokenEndpoint();
    m_keys->setKeys(app.keys);
    if (!selected.isEmpty() && selectedKid().isEmpty())
        selectKey(selected); // the table was rebuilt (a key added or deleted): keep the choice
    if (app.keys.isEmpty())
        m_noKeys->setText(tr("No keys yet: generate a key pair or add a public key. The app cannot get "
                             "access tokens until it has an active key."));
    else if (app.activeKeyCount() == 0)
        m_noKeys->setText(tr("Every key is inactive: the app cannot get access tokens."));
    m_noKeys->setVisible(app.activeKeyCount() == 0);
    showGeneration();
    updateKeyButtons();
}

void AppDetailsGeneralTab::showTokenEndpoint()
{
    const QString serving = m_session.server().baseUrl();
    m_tokenEndpoint->setText(
        tester::tokenEndpointUrl(serving.isEmpty() ? m_session.workspace().settings().baseUrl() : serving));
}

void AppDetailsGeneralTab::showGeneration()
{
    const bool here = isGenerating() && m_generatingFor == m_clientId;
    m_progressLabel->setText(tr("Generating the %1 key pair…").arg(m_generatingType));
    m_progress->setVisible(here);
    m_progressLabel->setVisible(here);
    m_addKey->setEnabled(!isGenerating() && !m_clientId.isEmpty());
}

QString AppDetailsGeneralTab::selectedKid() const
{
    const QModelIndexList rows = m_keyTable->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_keys->kidAt(rows.first().row());
}

bool AppDetailsGeneralTab::selectKey(const QString &kid)
{
    const int row = m_keys->rowOf(kid);
    if (row < 0)
        return false;
    m_keyTable->selectRow(row);
    return true;
}

void AppDetailsGeneralTab::updateKeyButtons()
{
    const int row = m_keys->rowOf(selectedKid());
    m_activate->setEnabled(row >= 0 && !m_keys->isActiveAt(row));
    m_deactivate->setEnabled(row >= 0 && m_keys->isActiveAt(row));
    m_delete->setEnabled(row >= 0);
}

void AppDetailsGeneralTab::generateKey(auth::KeyType type)
{
    if (isGenerating() || m_clientId.isEmpty())
        return;
    m_generatingFor = m_clientId;
    m_generatingType = auth::keyTypeDisplayName(type);
    showGeneration();
    // RSA 4096 takes seconds; the key is registered on this thread once it exists.
    runInBackground(
        this, [type] { return auth::Key::generate(type); },
        [this, clientId = m_clientId](const Result<auth::Key> &generated) {
            keyGenerated(clientId, generated);
        });
}

void AppDetailsGeneralTab::keyGenerated(const QString &clientId, const Result<auth::Key> &generated)
{
    m_generatingFor.clear();
    showGeneration();
    if (!generated) {
        emit failed(tr("The key could not be generated: %1").arg(generated.error().message));
        return;
    }
    QString kid;
    const auto added =
        m_session.edit(ConsoleSession::Change::Apps, [&](Workspace &workspace) -> Result<bool> {
            auto key = workspace.addAppKey(clientId, *generated);
            if (!key)
                return key.error();
            kid = key->kid;
            return true;
        });
    if (!added) {
        emit failed(tr("The new key could not be added: %1").arg(added.error().message));
        return;
    }
    if (clientId == m_clientId)
        selectKey(kid);
    auto *dialog = new PrivateKeyDialog(m_session, clientId, generated->withKid(kid), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void AppDetailsGeneralTab::addPublicKey()
{
    if (m_clientId.isEmpty())
        return;
    auto *dialog = new AddPublicKeyDialog(m_session, m_clientId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AddPublicKeyDialog::keyAdded, this, [this](const QString &clientId, const QString &kid) {
        if (clientId == m_clientId)
            selectKey(kid);
    });
    dialog->open();
}

void AppDetailsGeneralTab::askKeyActive(bool active)
{
    const QString kid = selectedKid();
    if (kid.isEmpty())
        return;
    if (active) { // nothing is refused by activating a key
        setKeyActive(m_clientId, kid, true);
        return;
    }
    AppDetailsAsker::Question question;
    question.id = QStringLiteral("deactivateKey");
    question.title = tr("Deactivate key");
    question.text = tr("Deactivate key %1 of %2?").arg(kid, m_appName);
    question.details = tr("Assertions signed with this key are refused from now on, and every access token "
                          "the app got until now is refused at once: its clients need new tokens, signed "
                          "with another active key. You can activate the key again later.");
    question.acceptLabel = tr("Deactivate");
    question.destructive = true;
    m_asker.ask(this, question, [this, clientId = m_clientId, kid] { setKeyActive(clientId, kid, false); });
}

void AppDetailsGeneralTab::askDeleteKey()
{
    const QString kid = selectedKid();
    if (kid.isEmpty())
        return;
    AppDetailsAsker::Question question;
    question.id = QStringLiteral("deleteKey");
    question.title = tr("Delete key");
    question.text = tr("Delete key %1 of %2?").arg(kid, m_appName);
    question.details = tr("The public key is removed, and the private key kept for the request tester if "
                          "there is one. Every access token the app got until now is refused at once. "
                          "This cannot be undone.");
    question.acceptLabel = tr("Delete key");
    question.destructive = true;
    m_asker.ask(this, question, [this, clientId = m_clientId, kid] { deleteKey(clientId, kid); });
}

void AppDetailsGeneralTab::setKeyActive(const QString &clientId, const QString &kid, bool active)
{
    const auto done = m_session.edit(ConsoleSession::Change::Apps, [&](Workspace &workspace) {
        return workspace.setAppKeyActive(clientId, kid, active);
    });
    if (!done)
        emit failed(done.error().message);
}

void AppDetailsGeneralTab::deleteKey(const QString &clientId, const QString &kid)
{
    const auto done = m_session.edit(ConsoleSession::Change::Apps, [&](Workspace &workspace) {
        return workspace.deleteAppKey(clientId, kid, m_session.secrets());
    });
    if (!done)
        emit failed(done.error().message);
}

} // namespace wf::ui
