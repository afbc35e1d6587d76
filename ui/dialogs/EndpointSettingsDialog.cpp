#include "dialogs/EndpointSettingsDialog.h"

#include "Background.h"
#include "ConsoleSession.h"
#include "store/SecretStore.h"
#include "tester/TokenClient.h"
#include "widgets/ChipMultiSelect.h"
#include "widgets/CopyableField.h"
#include "widgets/SecretField.h"

#include <QButtonGroup>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QResizeEvent>
#include <QVBoxLayout>

namespace wf::ui {
namespace {

std::optional<bool> nextConfirmation;

// What a keychain read brings back to the UI thread.
struct TokenRead {
    bool ok = false;
    std::optional<QString> token;
    QString error;
};

QString maskedToken()
{
    return QString(16, QChar(0x2022));
}

QString withToken(const QString &url, const QString &token)
{
    return url + QLatin1String("?clientToken=") + token;
}

QLabel *hintLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

EndpointSettingsDialog::EndpointSettingsDialog(ConsoleSession &session, const QString &flowId,
                                               QWidget *parent)
    : QDialog(parent), m_session(session), m_flowId(flowId)
{
    setObjectName(QStringLiteral("endpointSettingsDialog"));
    setWindowTitle(tr("API endpoint settings"));
    setMinimumWidth(520);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("flowTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
    m_error->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(buildSecuritySection());
    layout->addWidget(buildAppsSection());
    layout->addWidget(buildTokenSection());
    layout->addWidget(buildUrlSection());
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addSpacing(6);
    layout->addLayout(buildButtons());
    resize(680, height()); // room for an Invoke URL; fitHeight() sets the height

    fillApps();
    if (const Flow *flow = currentFlow()) {
        m_saved = flow->endpoint;
        m_title->setText(flow->name);
        showSettings(m_saved);
        if (m_saved.security == SecurityLevel::ClientToken)
            loadToken();
    } else {
        showError(tr("There is no API endpoint flow '%1' in this workspace.").arg(m_flowId));
    }
    showLevel();
    connectSession();
}

EndpointSettingsDialog::~EndpointSettingsDialog() = default;

QWidget *EndpointSettingsDialog::buildSecuritySection()
{
    auto *box = new QGroupBox(tr("Security level"), this);
    box->setObjectName(QStringLiteral("securitySection"));
    m_oauth = new QRadioButton(tr("Secure with OAuth 2.0"), box);
    m_oauth->setObjectName(QStringLiteral("securityOAuth"));
    m_clientToken = new QRadioButton(tr("Secure with client token"), box);
    m_clientToken->setObjectName(QStringLiteral("securityClientToken"));
    m_none = new QRadioButton(tr("None (public service)"), box);
    m_none->setObjectName(QStringLiteral("securityNone"));
    m_levels = new QButtonGroup(this);
    m_levels->addButton(m_oauth, int(SecurityLevel::OAuth2));
    m_levels->addButton(m_clientToken, int(SecurityLevel::ClientToken));
    m_levels->addButton(m_none, int(SecurityLevel::None));
    m_levelHint = hintLabel(QStringLiteral("securityHint"), box);

    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_oauth);
    layout->addWidget(m_clientToken);
    layout->addWidget(m_none);
    layout->addWidget(m_levelHint);
    connect(m_levels, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked)
            showLevel();
    });
    return box;
}

QWidget *EndpointSettingsDialog::buildAppsSection()
{
    m_appsSection = new QGroupBox(tr("App integrations that can trigger the flow"), this);
    m_appsSection->setObjectName(QStringLiteral("oauthSection"));
    m_anyApp = new QRadioButton(tr("Any"), m_appsSection);
    m_anyApp->setObjectName(QStringLiteral("appsAny"));
    m_anyApp->setToolTip(tr("Every app integration of the workspace with the okta.workflows.invoke.manage "
                            "scope"));
    m_listedApps = new QRadioButton(tr("Select from list"), m_appsSection);
    m_listedApps->setObjectName(QStringLiteral("appsFromList"));
    auto *choice = new QButtonGroup(m_appsSection);
    choice->addButton(m_anyApp);
    choice->addButton(m_listedApps);
    m_apps = new ChipMultiSelect(m_appsSection);
    m_apps->setObjectName(QStringLiteral("allowedApps"));
    m_apps->setPlaceholderText(tr("Type an app integration's name or client id"));
    m_appsHint = hintLabel(QStringLiteral("appsHint"), m_appsSection);

    auto *radios = new QHBoxLayout;
    radios->addWidget(m_anyApp);
    radios->addWidget(m_listedApps);
    radios->addStretch(1);
    auto *layout = new QVBoxLayout(m_appsSection);
    layout->addLayout(radios);
    layout->addWidget(m_apps);
    layout->addWidget(m_appsHint);
    connect(m_listedApps, &QRadioButton::toggled, this, [this](bool listed) {
        m_apps->setEnabled(listed);
        if (listed)
            m_apps->setFocus();
        showAppsHint();
    });
    connect(m_apps, &ChipMultiSelect::selectionChanged, this, &EndpointSettingsDialog::showAppsHint);
    return m_appsSection;
}

QWidget *EndpointSettingsDialog::buildTokenSection()
{
    m_tokenSection = new QGroupBox(tr("Client token"), this);
    m_tokenSection->setObjectName(QStringLiteral("clientTokenSection"));
    m_token = new SecretField(QStringLiteral("clientToken"), m_tokenSection);
    m_regenerate = new QPushButton(tr("Regenerate"), m_tokenSection);
    m_regenerate->setObjectName(QStringLiteral("regenerateToken"));
    m_regenerate->setAutoDefault(false);
    m_tokenHint = hintLabel(QStringLiteral("clientTokenHint"), m_tokenSection);
    m_tokenHint->setText(tr("Callers pass the token in the clientToken query parameter (the default, as in "
                            "the Invoke URL below) or, more safely, in the x-api-client-token header; "
                            "never both."));

    auto *row = new QHBoxLayout;
    row->addWidget(m_token, 1);
    row->addWidget(m_regenerate);
    auto *layout = new QVBoxLayout(m_tokenSection);
    layout->addLayout(row);
    layout->addWidget(m_tokenHint);
    connect(m_token, &SecretField::revealedChanged, this, &EndpointSettingsDialog::showUrls);
    connect(m_regenerate, &QPushButton::clicked, this, &EndpointSettingsDialog::regenerateClicked);
    return m_tokenSection;
}

QWidget *EndpointSettingsDialog::buildUrlSection()
{
    auto *box = new QWidget(this);
    box->setObjectName(QStringLiteral("urlSection"));
    m_invokeUrl = new CopyableField(QStringLiteral("invokeUrl"), box);
    m_resumeUrl = new CopyableField(QStringLiteral("resumeUrl"), box);
    m_resumeUrl->setToolTip(tr("Resumes a paused execution: put the execution id (X-Execution-Id of the "
                               "paused call) in place of {executionId}."));
    m_urlHint = hintLabel(QStringLiteral("urlHint"), box);
    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Invoke URL"), m_invokeUrl);
    form->addRow(tr("Resume URL"), m_resumeUrl);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_urlHint);
    return box;
}

QLayout *EndpointSettingsDialog::buildButtons()
{
    m_openInTester = new QPushButton(tr("Open in request tester"), this);
    m_openInTester->setObjectName(QStringLiteral("openInTester"));
    m_openInTester->setAutoDefault(false);
    m_discard = new QPushButton(tr("Discard changes"), this);
    m_discard->setObjectName(QStringLiteral("discardChanges"));
    m_discard->setAutoDefault(false);
    m_discard->hide();
    m_close = new QPushButton(tr("Close"), this);
    m_close->setObjectName(QStringLiteral("closeButton"));
    m_close->setDefault(true);

    auto *row = new QHBoxLayout;
    row->addWidget(m_openInTester);
    row->addStretch(1);
    row->addWidget(m_discard);
    row->addWidget(m_close);
    connect(m_openInTester, &QPushButton::clicked, this, &EndpointSettingsDialog::openInTester);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_discard, &QPushButton::clicked, this, [this] {
        m_discarding = true;
        reject();
    });
    return row;
}

void EndpointSettingsDialog::connectSession()
{
    connect(&m_session, &ConsoleSession::flowsChanged, this, &EndpointSettingsDialog::workspaceChanged);
    connect(&m_session, &ConsoleSession::workspaceReloaded, this, [this] {
        fillApps();
        workspaceChanged();
    });
    connect(&m_session, &ConsoleSession::appsChanged, this, &EndpointSettingsDialog::fillApps);
    connect(&m_session, &ConsoleSession::settingsChanged, this, &EndpointSettingsDialog::showUrls);
}

void EndpointSettingsDialog::setTesterAvailable(bool available)
{
    m_openInTester->setVisible(available);
}

const Flow *EndpointSettingsDialog::currentFlow() const
{
    const Flow *flow = m_session.workspace().flowById(m_flowId);
    return flow && !flow->isHelper() ? flow : nullptr;
}

SecurityLevel EndpointSettingsDialog::selectedLevel() const
{
    const int id = m_levels->checkedId();
    return id < 0 ? m_saved.security : SecurityLevel(id);
}

EndpointSettings EndpointSettingsDialog::chosenSettings() const
{
    EndpointSettings settings = m_saved;
    settings.security = selectedLevel();
    // A list of apps only means something with OAuth 2.0 (the validator refuses it otherwise).
    settings.anyApp = settings.security != SecurityLevel::OAuth2 || !m_listedApps->isChecked();
    settings.allowedApps = settings.anyApp ? QStringList() : m_apps->selectedIds();
    return settings;
}

bool EndpointSettingsDialog::hasUnappliedChanges() const
{
    const EndpointSettings chosen = chosenSettings();
    return chosen.security != m_saved.security || chosen.anyApp != m_saved.anyApp ||
           (!chosen.anyApp && chosen.allowedApps != m_saved.allowedApps);
}

void EndpointSettingsDialog::showSettings(const EndpointSettings &settings)
{
    if (QAbstractButton *level = m_levels->button(int(settings.security)))
        level->setChecked(true);
    (settings.anyApp ? m_anyApp : m_listedApps)->setChecked(true);
    m_apps->setEnabled(!settings.anyApp);
    m_apps->setSelectedIds(settings.allowedApps);
    showAppsHint();
}

void EndpointSettingsDialog::showLevel()
{
    const SecurityLevel level = selectedLevel();
    switch (level) {
    case SecurityLevel::OAuth2:
        m_levelHint->setText(tr("Callers send an access token from this workspace's authorization server "
                                "(client credentials with a private key JWT), issued to an app integration "
                                "with the okta.workflows.invoke.manage scope."));
        break;
    case SecurityLevel::ClientToken:
        m_levelHint->setText(tr("Callers pass the flow's client token with each request."));
        break;
    case SecurityLevel::None:
        m_levelHint->setText(tr("Anyone who has the Invoke URL can call the flow."));
        break;
    }
    m_appsSection->setVisible(level == SecurityLevel::OAuth2);
    m_tokenSection->setVisible(level == SecurityLevel::ClientToken);
    showToken();
    showUrls();
    fitHeight();
}

void EndpointSettingsDialog::fitHeight()
{
    // A window does not follow the height its wrapped texts and chips need at its width (Qt only
    // does that for child widgets), so the dialog sets it: the shown sections, no room for hidden ones.
    // A container caches the height its layout needs until the posted layout request reaches it, so a
    // section shown or a text changed just now would not count yet: have the containers tell again.
    const QList<QWidget *> widgets = findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (widget->layout())
            widget->updateGeometry();
    }
    layout()->activate();
    const int needed = neededHeight();
    setMinimumHeight(needed);
    resize(width(), needed);
}

int EndpointSettingsDialog::neededHeight() const
{
    const int forWidth = layout()->totalHeightForWidth(width());
    return forWidth > 0 ? forWidth : layout()->totalSizeHint().height();
}

void EndpointSettingsDialog::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    if (event->size().width() != event->oldSize().width()) {
        const int needed = neededHeight();
        setMinimumHeight(needed);
        if (height() < needed)
            resize(width(), needed);
    }
}

void EndpointSettingsDialog::fillApps()
{
    QList<ChipMultiSelect::Item> items;
    for (const auth::AppIntegration &app : m_session.workspace().apps()) {
        QStringList notes;
        if (!app.active)
            notes.append(tr("inactive"));
        if (!app.hasScope(auth::kInvokeScope))
            notes.append(tr("scope %1 not granted").arg(auth::kInvokeScope));
        items.append({app.clientId, app.name, notes.join(QLatin1String(", "))});
    }
    m_apps->setItems(items);
    showAppsHint();
}

void EndpointSettingsDialog::showAppsHint()
{
    QStringList hints;
    if (m_listedApps->isChecked()) {
        if (m_apps->selectedIds().isEmpty())
            hints.append(tr("No app integration is chosen: every call will be refused."));
        if (const QStringList unknown = m_apps->unknownIds(); !unknown.isEmpty())
            hints.append(
                tr("Unknown client ids (deleted app integrations): %1. No token can be issued to them.")
                    .arg(unknown.join(QLatin1String(", "))));
        hints.append(tr("Each chosen app integration needs the okta.workflows.invoke.manage scope."));
    } else {
        hints.append(
            tr("Any app integration with the okta.workflows.invoke.manage scope can call the flow."));
    }
    m_appsHint->setText(hints.join(QLatin1Char('\n')));
    fitHeight(); // chips and hint lines come and go
}

void EndpointSettingsDialog::showToken()
{
    if (selectedLevel() != SecurityLevel::ClientToken)
        return;
    if (m_saved.security != SecurityLevel::ClientToken) {
        // Workspace::updateFlow makes the token when the level is saved; until then there is none.
        m_tokenGeneration++;
        m_tokenPending = true;
        m_token->setUnavailable(tr("A new client token is made when the settings are applied"));
        m_regenerate->setText(tr("Create token now"));
        m_regenerate->setToolTip(tr("Apply the settings now, which makes the client token"));
        return;
    }
    m_regenerate->setText(tr("Regenerate"));
    m_regenerate->setToolTip(tr("Make a new client token; the current one stops working at once"));
    if (m_tokenPending) {
        m_tokenPending = false;
        loadToken();
    }
}

void EndpointSettingsDialog::loadToken()
{
    const quint64 generation = ++m_tokenGeneration;
    m_token->setLoading();
    SecretStore *secrets = &m_session.secrets();
    const QString key = clientTokenSecretKey(m_session.workspace().id(), m_flowId);
    runInBackground(
        this,
        [secrets, key] {
            TokenRead read;
            auto result = secrets->read(key);
            read.ok = result.ok();
            if (result)
                read.token = *result;
            else
                read.error = result.error().message;
            return read;
        },
        [this, generation](const TokenRead &read) {
            if (generation != m_tokenGeneration)
                return;
            if (!read.ok)
                m_token->setUnavailable(tr("The keychain could not be read: %1").arg(read.error));
            else if (!read.token)
                m_token->setUnavailable(tr("Not in this machine's keychain: regenerate to make a new one"));
            else
                m_token->setSecret(*read.token);
            showUrls();
        });
}

void EndpointSettingsDialog::showUrls()
{
    const Flow *flow = currentFlow();
    if (!flow) {
        m_invokeUrl->setText(QString());
        m_resumeUrl->setText(QString());
        return;
    }
    const Workspace &workspace = m_session.workspace();
    const QString invoke = workspace.invokeUrl(*flow);
    const QString resume = workspace.resumeUrl(*flow);
    const SecurityLevel level = selectedLevel();
    if (level != SecurityLevel::ClientToken || m_saved.security != SecurityLevel::ClientToken ||
        m_token->state() == SecretField::State::Unavailable) {
        // Without a token at hand the bare URL still serves callers that send x-api-client-token.
        m_invokeUrl->setText(invoke);
        m_resumeUrl->setText(resume);
    } else if (m_token->state() == SecretField::State::Loading) {
        const QString loading = QStringLiteral("…");
        m_invokeUrl->setText(withToken(invoke, loading), QString());
        m_resumeUrl->setText(withToken(resume, loading), QString());
    } else {
        // As `wfconsole flows` prints them; the token is masked on screen unless revealed.
        const QString token = m_token->secret();
        const QString shown = m_token->isRevealed() ? token : maskedToken();
        m_invokeUrl->setText(withToken(invoke, shown), withToken(invoke, token));
        m_resumeUrl->setText(withToken(resume, shown), withToken(resume, token));
    }
    if (level == SecurityLevel::OAuth2)
        m_urlHint->setText(tr("Get an access token from %1, then call the Invoke URL with "
                              "Authorization: Bearer <access token>.")
                               .arg(tester::tokenEndpointUrl(workspace.settings().baseUrl())));
    else
        m_urlHint->setText(tr("GET or POST; use POST to send data in the body."));
}

void EndpointSettingsDialog::setNextConfirmation(bool answer)
{
    nextConfirmation = answer;
}

void EndpointSettingsDialog::confirmThen(const QString &title, const QString &question, const QString &yes,
                                         std::function<void()> then)
{
    if (nextConfirmation) {
        const bool answer = *nextConfirmation;
        nextConfirmation.reset();
        if (answer)
            then();
        return;
    }
    // open(), not exec(): the answer arrives as a signal, without a nested event loop.
    auto *box =
        new QMessageBox(QMessageBox::Warning, title, question, QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmationBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->button(QMessageBox::Yes)->setText(yes);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [then = std::move(then)](int result) {
        if (result == QMessageBox::Yes)
            then();
    });
    box->open();
}

void EndpointSettingsDialog::regenerateClicked()
{
    if (m_saved.security != SecurityLevel::ClientToken) {
        applyChanges(); // "Create token now": saving the level makes the token
        return;
    }
    confirmThen(tr("Regenerate the client token?"),
                tr("The current client token of '%1' stops working at once: every caller must be given "
                   "the new one.")
                    .arg(m_title->text()),
                tr("Regenerate"), [this] { regenerateToken(); });
}

void EndpointSettingsDialog::regenerateToken()
{
    QString token;
    m_applying = true;
    auto done = m_session.edit(ConsoleSession::Change::Flows, [&](Workspace &workspace) -> Result<bool> {
        auto made = workspace.regenerateClientToken(m_flowId, m_session.secrets());
        if (!made)
            return made.error();
        token = *made;
        return true;
    });
    m_applying = false;
    if (!done) {
        showError(tr("The client token could not be regenerated: %1").arg(done.error().message));
        return;
    }
    clearError();
    if (const Flow *flow = currentFlow())
        m_saved.clientTokenHash = flow->endpoint.clientTokenHash;
    m_tokenGeneration++; // a read still on its way would bring the old token
    m_token->setSecret(token);
    showUrls();
}

bool EndpointSettingsDialog::applyChanges()
{
    if (!currentFlow()) {
        showError(
            tr("The flow '%1' is no longer in this workspace; there is nothing to apply.").arg(m_flowId));
        return false;
    }
    if (!hasUnappliedChanges())
        return true;
    const EndpointSettings chosen = chosenSettings();
    m_applying = true;
    auto done = m_session.edit(ConsoleSession::Change::Flows, [&](Workspace &workspace) -> Result<bool> {
        const Flow *current = workspace.flowById(m_flowId);
        if (!current)
            return makeError(ErrorType::NotFound, tr("the flow '%1' no longer exists").arg(m_flowId));
        Flow changed = *current;
        changed.endpoint.security = chosen.security;
        changed.endpoint.anyApp = chosen.anyApp;
        changed.endpoint.allowedApps = chosen.allowedApps;
        return workspace.updateFlow(changed, m_session.secrets());
    });
    m_applying = false;
    if (!done) {
        showError(tr("The endpoint settings could not be saved: %1").arg(done.error().message));
        return false;
    }
    clearError();
    const bool tokenMade =
        m_saved.security != SecurityLevel::ClientToken && chosen.security == SecurityLevel::ClientToken;
    m_saved = currentFlow()->endpoint;
    if (tokenMade) {
        m_tokenPending = false;
        loadToken();
    }
    showToken();
    showUrls();
    return true;
}

void EndpointSettingsDialog::done(int result)
{
    // A flow deleted meanwhile has nothing left to apply to: closing is then the only way out.
    if (!m_discarding && currentFlow() && !applyChanges()) {
        m_discard->show();
        return;
    }
    m_discarding = false;
    m_discard->hide();
    QDialog::done(result);
}

void EndpointSettingsDialog::openInTester()
{
    if (!applyChanges()) // the tester builds its request from the saved settings
        return;
    accept();
    emit openInTesterRequested(m_flowId);
}

void EndpointSettingsDialog::workspaceChanged()
{
    if (m_applying)
        return;
    const Flow *flow = currentFlow();
    if (!flow) {
        showError(tr("The flow '%1' was deleted; its settings can no longer be applied.").arg(m_flowId));
        showUrls();
        return;
    }
    m_title->setText(flow->name);
    const EndpointSettings saved = flow->endpoint;
    // Follow a change made elsewhere (the flow editor, the command line) unless the user has already
    // chosen something else here: their choice is what Close applies.
    const bool untouched = !hasUnappliedChanges();
    const bool tokenChanged = saved.clientTokenHash != m_saved.clientTokenHash;
    m_saved = saved;
    if (untouched)
        showSettings(saved);
    if (tokenChanged && saved.security == SecurityLevel::ClientToken) {
        m_tokenPending = false;
        loadToken();
    }
    showLevel();
}

QString EndpointSettingsDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void EndpointSettingsDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
    fitHeight();
}

void EndpointSettingsDialog::clearError()
{
    if (m_error->isHidden())
        return;
    m_error->clear();
    m_error->hide();
    fitHeight();
}

} // namespace wf::ui
