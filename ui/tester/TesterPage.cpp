#include "TesterPage.h"

#include "AuthEditor.h"
#include "Background.h"
#include "ConsoleSession.h"
#include "EnvironmentDialog.h"
#include "Icons.h"
#include "Ids.h"
#include "RequestEditor.h"
#include "ResponseView.h"
#include "TesterSidebar.h"
#include "editor/TestRun.h"
#include "tester/CurlCommand.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QJsonDocument>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QToolBar>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace wf::ui {

using tester::AuthMode;

struct TesterPage::SendContext {
    tester::Variables variables;
    std::optional<tester::OAuthCredentials> oauth;
    QString error; // why the request cannot be sent; empty when it can
};

namespace {

constexpr auto kDraftKey = "tester/draft";

// The private key an OAuth 2.0 request signs with: kept in the secret store, or pasted.
Result<auth::Key> signingKey(const Workspace &workspace, SecretStore &secrets,
                             const tester::OAuthSettings &oauth, const QString &pastedKey)
{
    if (oauth.keySource == tester::OAuthKeySource::Pasted) {
        auto key = auth::Key::fromText(pastedKey.trimmed().toUtf8());
        if (!key)
            return makeError(ErrorType::InvalidInput,
                             TesterPage::tr("the pasted private key: %1").arg(key.error().message));
        if (!key->hasPrivate())
            return makeError(ErrorType::InvalidInput,
                             TesterPage::tr("the pasted key is a public key: paste the private key"));
        return tester::withRegisteredKid(*key, workspace.findApp(oauth.clientId));
    }
    if (oauth.clientId.isEmpty() || oauth.kid.isEmpty())
        return makeError(ErrorType::InvalidInput,
                         TesterPage::tr("choose an app integration and one of its keys on the Auth tab"));
    auto kept = workspace.keptAppPrivateKey(oauth.clientId, oauth.kid, secrets);
    if (!kept)
        return kept.error();
    if (!*kept)
        return makeError(
            ErrorType::NotFound,
            TesterPage::tr("the private key %1 is not kept in the keychain: generate a key with \"Keep "
                           "in keychain for the request tester\", or paste the private key")
                .arg(oauth.kid));
    return (*kept)->withKid(oauth.kid);
}

} // namespace

TesterPage::TesterPage(ConsoleSession &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    m_confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Request tester"), question) == QMessageBox::Yes;
    };
    m_runner = new tester::RequestRunner(nullptr, this);
    m_editor = new RequestEditor(this);
    m_editor->setObjectName(QStringLiteral("requestEditor"));
    m_response = new ResponseView(this);
    m_response->setObjectName(QStringLiteral("responseView"));
    m_sidebar = new TesterSidebar(session.workspace().dir(), this);
    m_sidebar->setObjectName(QStringLiteral("testerSidebar"));
    m_editor->authEditor()->setApps(session.workspace());

    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_editor);
    right->addWidget(m_response);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    right->setSizes({480, 320});
    right->setChildrenCollapsible(false);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_sidebar);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    split->setSizes({260, 900});
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    buildActions();
    layout->addWidget(split, 1);

    connect(m_editor, &RequestEditor::sendRequested, this, &TesterPage::send);
    connect(m_editor, &RequestEditor::cancelRequested, this, &TesterPage::cancel);
    connect(m_editor, &RequestEditor::message, this, &TesterPage::message);
    connect(m_editor->authEditor(), &AuthEditor::getTokenRequested, this, &TesterPage::getToken);
    connect(m_sidebar, &TesterSidebar::requestChosen, this, [this](const tester::RequestDocument &document) {
        m_editor->setDocument(document);
        m_response->clear();
    });
    connect(m_sidebar, &TesterSidebar::message, this, &TesterPage::message);
    connect(m_response, &ResponseView::openExecutionRequested, this, &TesterPage::openExecutionRequested);
    connect(m_runner, &tester::RequestRunner::phaseChanged, m_response, &ResponseView::showWaiting);
    connect(m_runner, &tester::RequestRunner::finished, this, &TesterPage::finishRun);
    connect(m_runner, &tester::RequestRunner::tokenFetched, this,
            [this](const tester::TokenResult &result, bool fromCache) {
                m_editor->authEditor()->setFetching(false);
                if (!result.ok) {
                    m_editor->authEditor()->showTokenFailure(result.message);
                    return;
                }
                if (!m_lastCredentials)
                    return;
                if (const auto cached = m_runner->cachedToken(*m_lastCredentials))
                    m_editor->authEditor()->showToken(*cached, fromCache);
            });
    const auto refreshApps = [this] {
        m_editor->authEditor()->setApps(m_session.workspace());
    };
    connect(&session, &ConsoleSession::appsChanged, this, refreshApps);
    connect(&session, &ConsoleSession::workspaceReloaded, this, refreshApps);
    restoreDraft();
    connect(m_editor, &RequestEditor::changed, this, &TesterPage::saveDraft);
}

TesterPage::~TesterPage() = default;

void TesterPage::buildActions()
{
    auto *bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("testerToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(16, 16));
    const auto add = [this, bar](const QString &iconName, const QString &text, const QString &name,
                                 const QKeySequence &keys, auto slot) {
        QAction *action = bar->addAction(icon(iconName), text);
        action->setObjectName(name);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        if (!keys.isEmpty())
            action->setToolTip(QStringLiteral("%1 (%2)").arg(text, keys.toString(QKeySequence::NativeText)));
        addAction(action);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    add(QStringLiteral("add"), tr("New request"), QStringLiteral("newRequest"),
        QKeySequence(Qt::CTRL | Qt::Key_N), [this] {
            m_editor->setDocument({});
            m_response->clear();
        });
    add(QStringLiteral("export"), tr("Save"), QStringLiteral("saveRequest"), QKeySequence::Save,
        [this] { emit message(m_sidebar->saveRequest(m_editor->document(), false)); });
    add(QStringLiteral("add"), tr("Save as..."), QStringLiteral("saveRequestAs"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
        [this] { emit message(m_sidebar->saveRequest(m_editor->document(), true)); });
    bar->addSeparator();
    add(QStringLiteral("copy"), tr("Copy as cURL"), QStringLiteral("copyAsCurl"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), &TesterPage::copyAsCurl);
    add(QStringLiteral("settings"), tr("Variables..."), QStringLiteral("editVariables"),
        QKeySequence(Qt::CTRL | Qt::Key_E), &TesterPage::editVariables);
    static_cast<QVBoxLayout *>(layout())->addWidget(bar);
}

tester::RequestDocument TesterPage::requestForFlow(const ConsoleSession &session, const QString &flowId)
{
    tester::RequestDocument document;
    const Workspace &workspace = session.workspace();
    const Flow *flow = workspace.flowById(flowId);
    if (!flow)
        return document;
    document.name = flow->name;
    document.flowId = flow->id;
    document.url = QStringLiteral("{{baseUrl}}") + QUrl(workspace.invokeUrl(*flow)).path();
    const QByteArray body = testrun::sampleBody(*flow);
    document.method = QStringLiteral("POST");
    document.bodyMode = tester::BodyMode::Json;
    document.body =
        QString::fromUtf8(QJsonDocument::fromJson(body).toJson(QJsonDocument::Indented)).trimmed();
    if (document.body.isEmpty())
        document.body = QStringLiteral("{}");
    for (const auto &[name, value] : QUrlQuery(testrun::sampleQuery(*flow)).queryItems(QUrl::FullyDecoded))
        document.query.append({name, value, true});
    for (const QString &line : testrun::sampleHeaders(*flow).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon > 0)
            document.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed(), true});
    }
    switch (flow->endpoint.security) {
    case SecurityLevel::None:
        document.auth.mode = AuthMode::None;
        break;
    case SecurityLevel::ClientToken:
        document.auth.mode = AuthMode::ClientToken;
        document.auth.clientToken = QStringLiteral("{{clientToken}}");
        break;
    case SecurityLevel::OAuth2: {
        document.auth.mode = AuthMode::OAuth2;
        // An app the flow lets in: the first allowed one, else the first active app with the scope.
        for (const auth::AppIntegration &app : workspace.apps()) {
            const bool allowed = flow->endpoint.anyApp || flow->endpoint.allowedApps.contains(app.clientId);
            if (!allowed || !app.active || !app.hasScope(auth::kInvokeScope))
                continue;
            document.auth.oauth.clientId = app.clientId;
            for (const auth::AppKey &key : app.keys)
                if (key.active) {
                    document.auth.oauth.kid = key.kid;
                    break;
                }
            break;
        }
        break;
    }
    }
    return document;
}

void TesterPage::openFlow(const QString &flowId)
{
    const tester::RequestDocument document = requestForFlow(m_session, flowId);
    if (document.flowId.isEmpty())
        return;
    m_editor->setDocument(document);
    m_response->clear();
    saveDraft();
    emit message(tr("A request for \"%1\" is ready: press Send (Ctrl+Enter).").arg(document.name));
}

void TesterPage::resolveContext(const tester::RequestDocument &document,
                                std::function<void(SendContext)> then)
{
    const quint64 ticket = ++m_resolving;
    const QString serverUrl = m_session.server().baseUrl();
    const QString baseUrl = serverUrl.isEmpty() ? m_session.workspace().settings().baseUrl() : serverUrl;
    const QString pastedKey = m_editor->authEditor()->pastedKey();
    SecretStore &secrets = m_session.secrets();
    runInBackground(
        this,
        [workspace = m_session.workspace(), &secrets, document, baseUrl, pastedKey]() {
            SendContext context;
            context.variables.set(QStringLiteral("baseUrl"), baseUrl);
            const auto environment = tester::EnvironmentStore(workspace.dir(), workspace.id()).load(secrets);
            if (!environment) {
                context.error = TesterPage::tr("The tester's variables could not be read: %1")
                                    .arg(environment.error().message);
                return context;
            }
            for (const tester::Variable &variable : *environment)
                context.variables.set(variable.name, variable.value, variable.secret);
            const Flow *flow = document.flowId.isEmpty() ? nullptr : workspace.flowById(document.flowId);
            if (flow && flow->endpoint.security == SecurityLevel::ClientToken) {
                const auto token = secrets.read(clientTokenSecretKey(workspace.id(), flow->id));
                if (token && *token)
                    context.variables.set(QStringLiteral("clientToken"), **token, true);
            }
            if (document.auth.mode != AuthMode::OAuth2)
                return context;
            const QString tokenUrlText = document.auth.oauth.tokenUrl.isEmpty()
                                             ? QStringLiteral("{{baseUrl}}/oauth2/v1/token")
                                             : document.auth.oauth.tokenUrl;
            const auto tokenUrl = context.variables.substitute(tokenUrlText);
            if (!tokenUrl) {
                context.error = TesterPage::tr("Token URL: %1").arg(tokenUrl.error().message);
                return context;
            }
            auto key = signingKey(workspace, secrets, document.auth.oauth, pastedKey);
            if (!key) {
                context.error = TesterPage::tr("OAuth 2.0: %1").arg(key.error().message);
                return context;
            }
            tester::OAuthCredentials credentials;
            credentials.tokenUrl = *tokenUrl;
            credentials.clientId = document.auth.oauth.clientId;
            credentials.privateKey = *key;
            if (!document.auth.oauth.scope.isEmpty())
                credentials.scope = document.auth.oauth.scope;
            context.oauth = credentials;
            return context;
        },
        [this, ticket, then = std::move(then)](SendContext context) {
            if (ticket == m_resolving)
                then(std::move(context));
        });
}

void TesterPage::send()
{
    if (m_runner->isBusy())
        return;
    m_sentDocument = m_editor->document();
    m_editor->setBusy(true);
    m_response->showWaiting(tester::RequestRunner::Phase::Sending);
    resolveContext(m_sentDocument, [this](SendContext context) {
        if (!context.error.isEmpty()) {
            tester::RunResult failed;
            failed.outcome = tester::RunOutcome::InvalidRequest;
            failed.message = context.error;
            finishRun(failed);
            return;
        }
        m_lastCredentials = context.oauth;
        tester::SendOptions options;
        options.oauth = context.oauth;
        options.timeoutMs = m_session.workspace().settings().timeoutSeconds * 1000 + 5000;
        m_runner->send(m_sentDocument, context.variables, options);
    });
}

void TesterPage::cancel()
{
    if (m_runner->isBusy()) {
        m_runner->cancel();
        return;
    }
    // Still reading secrets: drop that resolution.
    ++m_resolving;
    tester::RunResult cancelled;
    cancelled.outcome = tester::RunOutcome::Cancelled;
    finishRun(cancelled);
}

void TesterPage::finishRun(const tester::RunResult &result)
{
    m_editor->setBusy(false);
    m_response->showResult(result);
    if (result.token)
        m_editor->authEditor()->showToken(*result.token, result.tokenFromCache);
    else if (result.tokenFailure)
        m_editor->authEditor()->showTokenFailure(result.tokenFailure->message);
    if (result.outcome == tester::RunOutcome::InvalidRequest ||
        result.outcome == tester::RunOutcome::Cancelled)
        return;
    tester::TesterHistoryEntry entry;
    entry.id = randomHex(16);
    entry.sentAt = QDateTime::currentDateTimeUtc();
    entry.request = tester::redactedForStorage(m_sentDocument);
    entry.resolvedUrl = tester::maskedUrlText(result.sent);
    entry.status = result.outcome == tester::RunOutcome::Answered ? result.status : 0;
    entry.error = result.outcome == tester::RunOutcome::Answered ? QString() : result.message;
    entry.durationMs = qMax<qint64>(0, result.timing.totalMs);
    entry.responseBytes = result.body.size();
    entry.executionId = result.executionId;
    m_sidebar->addHistoryEntry(entry);
}

void TesterPage::getToken()
{
    tester::RequestDocument document = m_editor->document();
    document.auth.mode = AuthMode::OAuth2;
    m_editor->authEditor()->setFetching(true);
    resolveContext(document, [this](SendContext context) {
        if (!context.error.isEmpty() || !context.oauth) {
            m_editor->authEditor()->setFetching(false);
            m_editor->authEditor()->showTokenFailure(context.error);
            return;
        }
        m_lastCredentials = context.oauth;
        m_runner->fetchToken(*context.oauth, true);
    });
}

void TesterPage::copyAsCurl()
{
    const tester::RequestDocument document = m_editor->document();
    resolveContext(document, [this, document](SendContext context) {
        if (!context.error.isEmpty()) {
            emit message(context.error);
            return;
        }
        QByteArray accessToken;
        bool placeholder = false;
        if (document.auth.mode == AuthMode::OAuth2 && context.oauth) {
            if (const auto cached = m_runner->cachedToken(*context.oauth))
                accessToken = cached->accessToken.toUtf8();
            placeholder = accessToken.isEmpty();
            if (placeholder)
                accessToken = QByteArrayLiteral("ACCESS_TOKEN");
        }
        const auto prepared = tester::prepareRequest(document, context.variables, accessToken);
        if (!prepared) {
            emit message(tr("Not copied: %1").arg(prepared.error().message));
            return;
        }
        tester::CurlOptions options;
        options.includeSecrets =
            !prepared->secrets.isEmpty() &&
            m_confirm(tr("Include the secrets (client token, access token, secret variables) in the command? "
                         "Anyone who sees the command can then call the flow."));
        QApplication::clipboard()->setText(tester::toCurl(*prepared, options));
        QString text = options.includeSecrets ? tr("Copied as cURL, with its secrets.")
                                              : tr("Copied as cURL (secrets replaced by placeholders).");
        if (placeholder)
            text += QLatin1Char(' ') +
                    tr("No access token yet: press Get token and copy again for a ready command.");
        emit message(text);
    });
}

void TesterPage::editVariables()
{
    const Workspace &workspace = m_session.workspace();
    SecretStore &secrets = m_session.secrets();
    runInBackground(
        this,
        [dir = workspace.dir(), id = workspace.id(), &secrets] {
            return tester::EnvironmentStore(dir, id).load(secrets);
        },
        [this, &secrets](Result<QList<tester::Variable>> loaded) {
            if (!loaded) {
                emit message(tr("The tester's variables could not be read: %1").arg(loaded.error().message));
                return;
            }
            auto *dialog = new EnvironmentDialog(*loaded, m_session.server().baseUrl(), this);
            dialog->setObjectName(QStringLiteral("environmentDialog"));
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &QDialog::accepted, this, [this, dialog, &secrets] {
                const auto saved =
                    tester::EnvironmentStore(m_session.workspace().dir(), m_session.workspace().id())
                        .save(dialog->variables(), secrets);
                emit message(saved ? tr("Variables saved.")
                                   : tr("Variables not saved: %1").arg(saved.error().message));
            });
            dialog->open();
        });
}

void TesterPage::saveDraft()
{
    // The request being edited comes back after a restart; without its literal secrets.
    const QJsonObject json = tester::toJson(tester::redactedForStorage(m_editor->document()));
    QSettings().setValue(QLatin1String(kDraftKey) + QLatin1Char('/') + m_session.workspace().id(),
                         QJsonDocument(json).toJson(QJsonDocument::Compact));
}

void TesterPage::restoreDraft()
{
    const QByteArray saved =
        QSettings()
            .value(QLatin1String(kDraftKey) + QLatin1Char('/') + m_session.workspace().id())
            .toByteArray();
    const auto document = tester::requestFromJson(QJsonDocument::fromJson(saved).object());
    if (!saved.isEmpty() && document)
        m_editor->setDocument(*document);
}

} // namespace wf::ui
