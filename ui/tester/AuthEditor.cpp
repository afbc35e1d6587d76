#include "AuthEditor.h"

#include "auth/AppIntegration.h"
#include "auth/Jose.h"
#include "store/Workspace.h"
#include "widgets/JsonView.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace wf::ui {

using tester::AuthMode;
using tester::ClientTokenPlacement;
using tester::OAuthKeySource;

AuthEditor::AuthEditor(QWidget *parent) : QWidget(parent)
{
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("authMode"));
    m_mode->addItem(tr("No auth"), int(AuthMode::None));
    m_mode->addItem(tr("Client token"), int(AuthMode::ClientToken));
    m_mode->addItem(tr("OAuth 2.0 (client credentials, private_key_jwt)"), int(AuthMode::OAuth2));
    m_mode->addItem(tr("Bearer token"), int(AuthMode::Bearer));

    m_pages = new QStackedWidget(this);
    auto *none = new QLabel(tr("The request is sent without credentials: fine for flows whose security "
                               "level is None (public service)."),
                            m_pages);
    none->setWordWrap(true);
    none->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_pages->addWidget(none);
    m_pages->addWidget(buildClientTokenPage());
    m_pages->addWidget(buildOAuthPage());
    m_pages->addWidget(buildBearerPage());

    auto *modeRow = new QHBoxLayout;
    auto *modeLabel = new QLabel(tr("&Type:"), this);
    modeLabel->setBuddy(m_mode);
    modeRow->addWidget(modeLabel);
    modeRow->addWidget(m_mode);
    modeRow->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(modeRow);
    layout->addWidget(m_pages, 1);

    connect(m_mode, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_pages->setCurrentIndex(index);
        if (!m_filling)
            emit changed();
    });
}

QWidget *AuthEditor::buildClientTokenPage()
{
    auto *page = new QWidget(m_pages);
    auto *query = new QRadioButton(tr("&Query parameter clientToken"), page);
    query->setObjectName(QStringLiteral("tokenInQuery"));
    auto *header = new QRadioButton(tr("&Header x-api-client-token"), page);
    header->setObjectName(QStringLiteral("tokenInHeader"));
    m_placement = new QButtonGroup(page);
    m_placement->addButton(query, int(ClientTokenPlacement::Query));
    m_placement->addButton(header, int(ClientTokenPlacement::Header));
    query->setChecked(true);
    m_clientToken = new QLineEdit(page);
    m_clientToken->setObjectName(QStringLiteral("clientToken"));
    m_clientToken->setPlaceholderText(QStringLiteral("{{clientToken}}"));
    auto *note = new QLabel(tr("{{clientToken}} is the token of the flow the request was opened for, read "
                               "from the keychain when the request is sent. A token in the query ends up "
                               "in server and proxy logs; the header keeps it out of them."),
                            page);
    note->setObjectName(QStringLiteral("queryTokenNote"));
    note->setWordWrap(true);

    auto *form = new QFormLayout(page);
    auto *placement = new QVBoxLayout;
    placement->addWidget(query);
    placement->addWidget(header);
    form->addRow(tr("Send in:"), placement);
    form->addRow(tr("T&oken:"), m_clientToken);
    form->addRow(note);
    connect(m_placement, &QButtonGroup::idClicked, this, [this] { emit changed(); });
    connect(m_clientToken, &QLineEdit::textEdited, this, [this] { emit changed(); });
    return page;
}

QWidget *AuthEditor::buildOAuthPage()
{
    auto *page = new QWidget(m_pages);
    auto *kept = new QRadioButton(tr("An app integration's key &kept in the keychain"), page);
    kept->setObjectName(QStringLiteral("keptKey"));
    auto *pasted = new QRadioButton(tr("A client id and a private key &pasted here"), page);
    pasted->setObjectName(QStringLiteral("pastedKeySource"));
    m_keySource = new QButtonGroup(page);
    m_keySource->addButton(kept, int(OAuthKeySource::Kept));
    m_keySource->addButton(pasted, int(OAuthKeySource::Pasted));
    kept->setChecked(true);

    m_keptKey = new QWidget(page);
    m_app = new QComboBox(m_keptKey);
    m_app->setObjectName(QStringLiteral("oauthApp"));
    m_key = new QComboBox(m_keptKey);
    m_key->setObjectName(QStringLiteral("oauthKey"));
    auto *keptForm = new QFormLayout(m_keptKey);
    keptForm->setContentsMargins(0, 0, 0, 0);
    keptForm->addRow(tr("&App:"), m_app);
    keptForm->addRow(tr("K&ey:"), m_key);

    m_pastedKeyBox = new QWidget(page);
    m_pastedClientId = new QLineEdit(m_pastedKeyBox);
    m_pastedClientId->setObjectName(QStringLiteral("pastedClientId"));
    m_pastedClientId->setPlaceholderText(QStringLiteral("0oa..."));
    m_pastedKey = new QPlainTextEdit(m_pastedKeyBox);
    m_pastedKey->setObjectName(QStringLiteral("pastedPrivateKey"));
    m_pastedKey->setPlaceholderText(tr("Private key: a JWK or PEM. Kept in memory only, never saved."));
    m_pastedKey->setMaximumHeight(90);
    auto *pastedForm = new QFormLayout(m_pastedKeyBox);
    pastedForm->setContentsMargins(0, 0, 0, 0);
    pastedForm->addRow(tr("&Client id:"), m_pastedClientId);
    pastedForm->addRow(tr("Private &key:"), m_pastedKey);

    m_tokenUrl = new QLineEdit(page);
    m_tokenUrl->setObjectName(QStringLiteral("tokenUrl"));
    m_tokenUrl->setPlaceholderText(QStringLiteral("{{baseUrl}}/oauth2/v1/token"));
    m_scope = new QLineEdit(page);
    m_scope->setObjectName(QStringLiteral("scope"));
    m_scope->setPlaceholderText(auth::kInvokeScope);
    m_getToken = new QPushButton(tr("&Get token"), page);
    m_getToken->setObjectName(QStringLiteral("getToken"));
    m_getToken->setToolTip(tr("Signs a client assertion with a fresh jti and asks the token endpoint for "
                              "an access token (a cached token is reused until it expires)"));
    m_tokenState = new QLabel(page);
    m_tokenState->setObjectName(QStringLiteral("tokenState"));
    m_tokenState->setWordWrap(true);
    m_tokenState->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tokenDetails = new JsonView(page);
    m_tokenDetails->setObjectName(QStringLiteral("tokenDetails"));
    m_tokenDetails->setMinimumHeight(120);
    m_tokenDetails->hide();

    auto *form = new QFormLayout;
    auto *source = new QVBoxLayout;
    source->addWidget(kept);
    source->addWidget(pasted);
    form->addRow(tr("Signing key:"), source);
    form->addRow(m_keptKey);
    form->addRow(m_pastedKeyBox);
    form->addRow(tr("Token &URL:"), m_tokenUrl);
    form->addRow(tr("&Scope:"), m_scope);
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_getToken);
    tokenRow->addWidget(m_tokenState, 1);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addLayout(tokenRow);
    layout->addWidget(m_tokenDetails, 1);

    connect(m_keySource, &QButtonGroup::idClicked, this, [this] {
        updateKeySource();
        emit changed();
    });
    connect(m_app, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling)
            return;
        m_oauth.clientId = m_app->currentData().toString();
        fillKeys();
        emit changed();
    });
    connect(m_key, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling)
            return;
        m_oauth.kid = m_key->currentData().toString();
        emit changed();
    });
    for (QLineEdit *edit : {m_pastedClientId, m_tokenUrl, m_scope})
        connect(edit, &QLineEdit::textEdited, this, [this] { emit changed(); });
    connect(m_getToken, &QPushButton::clicked, this, &AuthEditor::getTokenRequested);
    updateKeySource();
    return page;
}

QWidget *AuthEditor::buildBearerPage()
{
    auto *page = new QWidget(m_pages);
    m_bearer = new QLineEdit(page);
    m_bearer->setObjectName(QStringLiteral("bearerToken"));
    m_bearer->setPlaceholderText(tr("An access token, or a variable such as {{accessToken}}"));
    auto *note = new QLabel(tr("Sent as Authorization: Bearer. A literal token is not kept in the tester's "
                               "history or collections; a {{variable}} is."),
                            page);
    note->setWordWrap(true);
    auto *form = new QFormLayout(page);
    form->addRow(tr("&Token:"), m_bearer);
    form->addRow(note);
    connect(m_bearer, &QLineEdit::textEdited, this, [this] { emit changed(); });
    return page;
}

void AuthEditor::updateKeySource()
{
    const bool kept = m_keySource->checkedId() == int(OAuthKeySource::Kept);
    m_keptKey->setVisible(kept);
    m_pastedKeyBox->setVisible(!kept);
}

tester::RequestAuth AuthEditor::auth() const
{
    tester::RequestAuth auth;
    auth.mode = AuthMode(m_mode->currentData().toInt());
    auth.placement = ClientTokenPlacement(m_placement->checkedId());
    auth.clientToken = m_clientToken->text();
    auth.oauth.keySource = OAuthKeySource(m_keySource->checkedId());
    if (auth.oauth.keySource == OAuthKeySource::Kept) {
        auth.oauth.clientId = m_oauth.clientId;
        auth.oauth.kid = m_oauth.kid;
    } else {
        auth.oauth.clientId = m_pastedClientId->text().trimmed();
    }
    auth.oauth.tokenUrl = m_tokenUrl->text().trimmed();
    auth.oauth.scope = m_scope->text().trimmed();
    auth.bearerToken = m_bearer->text();
    return auth;
}

void AuthEditor::setAuth(const tester::RequestAuth &auth)
{
    m_filling = true;
    m_mode->setCurrentIndex(qMax(0, m_mode->findData(int(auth.mode))));
    m_pages->setCurrentIndex(m_mode->currentIndex());
    m_placement->button(int(auth.placement))->setChecked(true);
    m_clientToken->setText(auth.clientToken);
    m_keySource->button(int(auth.oauth.keySource))->setChecked(true);
    m_oauth = auth.oauth;
    if (auth.oauth.keySource == OAuthKeySource::Pasted)
        m_pastedClientId->setText(auth.oauth.clientId);
    m_tokenUrl->setText(auth.oauth.tokenUrl);
    m_scope->setText(auth.oauth.scope);
    m_bearer->setText(auth.bearerToken);
    m_filling = false;
    updateKeySource();
    // The app and key combos show what the document names, even when the workspace lost them.
    int app = m_app->findData(m_oauth.clientId);
    if (app < 0 && !m_oauth.clientId.isEmpty() && auth.oauth.keySource == OAuthKeySource::Kept) {
        m_app->addItem(tr("%1 (not in this workspace)").arg(m_oauth.clientId), m_oauth.clientId);
        app = m_app->count() - 1;
    }
    if (app < 0 && m_app->count() > 0) {
        app = 0;
        m_oauth.clientId = m_app->itemData(0).toString();
    }
    m_filling = true;
    m_app->setCurrentIndex(app);
    m_filling = false;
    fillKeys();
    m_tokenState->clear();
    m_tokenDetails->hide();
}

QString AuthEditor::pastedKey() const
{
    return m_pastedKey->toPlainText();
}

void AuthEditor::setApps(const Workspace &workspace)
{
    m_filling = true;
    m_app->clear();
    for (const auth::AppIntegration &app : workspace.apps()) {
        QString label = app.name;
        if (!app.active)
            label = tr("%1 (inactive)").arg(app.name);
        else if (!app.hasScope(auth::kInvokeScope))
            label = tr("%1 (scope not granted)").arg(app.name);
        m_app->addItem(label, app.clientId);
        m_app->setItemData(m_app->count() - 1, app.clientId, Qt::ToolTipRole);
    }
    m_filling = false;
    m_keys.clear();
    for (const auth::AppIntegration &app : workspace.apps())
        for (const auth::AppKey &key : app.keys) {
            const auto parsed = auth::Key::fromJwk(key.publicJwk);
            m_keys.append(
                {app.clientId, key.kid, parsed ? parsed->typeDisplayName() : QString(), key.active});
        }
    setAuth(auth());
}

void AuthEditor::fillKeys()
{
    m_filling = true;
    m_key->clear();
    for (const KeyChoice &key : std::as_const(m_keys)) {
        if (key.clientId != m_oauth.clientId)
            continue;
        QString label = key.type.isEmpty() ? key.kid : QStringLiteral("%1 · %2").arg(key.kid, key.type);
        if (!key.active)
            label = tr("%1 (inactive)").arg(label);
        m_key->addItem(label, key.kid);
    }
    int index = m_key->findData(m_oauth.kid);
    if (index < 0 && !m_oauth.kid.isEmpty()) {
        m_key->addItem(tr("%1 (not in this app)").arg(m_oauth.kid), m_oauth.kid);
        index = m_key->count() - 1;
    }
    if (index < 0 && m_key->count() > 0) {
        index = 0;
        m_oauth.kid = m_key->itemData(0).toString();
    }
    m_key->setCurrentIndex(index);
    m_filling = false;
}

void AuthEditor::showToken(const tester::CachedToken &token, bool fromCache)
{
    const qint64 seconds = QDateTime::currentDateTimeUtc().secsTo(token.expiresAt);
    const QString expiry =
        tr("expires %1").arg(QLocale().toString(token.expiresAt.toLocalTime(), QLocale::ShortFormat));
    m_tokenState->setText(fromCache
                              ? tr("Cached token, %1 (%2 s left).").arg(expiry).arg(qMax<qint64>(0, seconds))
                              : tr("New token, %1.").arg(expiry));
    QJsonObject details;
    details.insert(QStringLiteral("clientAssertion"),
                   QJsonObject{{QStringLiteral("header"), token.result.assertionHeader},
                               {QStringLiteral("claims"), token.result.assertionClaims}});
    const auto decoded = tester::decodeJwtForDisplay(token.accessToken.toUtf8());
    if (decoded)
        details.insert(QStringLiteral("accessToken"),
                       QJsonObject{{QStringLiteral("header"), decoded->header},
                                   {QStringLiteral("claims"), decoded->claims}});
    details.insert(QStringLiteral("scope"), token.result.scope);
    details.insert(QStringLiteral("expires_in"), token.result.expiresIn);
    m_tokenDetails->setJsonValue(details);
    m_tokenDetails->show();
}

void AuthEditor::showTokenFailure(const QString &message)
{
    m_tokenState->setText(message);
    m_tokenDetails->hide();
}

void AuthEditor::setFetching(bool fetching)
{
    m_getToken->setEnabled(!fetching);
    if (fetching)
        m_tokenState->setText(tr("Getting a token..."));
}

} // namespace wf::ui
