#include "pages/AppDetails.h"

#include "ConsoleSession.h"
#include "pages/AppDetailsGeneralTab.h"
#include "pages/AppDetailsScopesTab.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace wf::ui {
namespace {

// The flows whose "Select from list" names the app: they keep its client id after a delete.
QStringList flowsListing(const Workspace &workspace, const QString &clientId)
{
    QStringList names;
    for (const Flow &flow : workspace.flows()) {
        if (!flow.endpoint.anyApp && flow.endpoint.allowedApps.contains(clientId))
            names.append(flow.name);
    }
    return names;
}

} // namespace

AppDetails::AppDetails(ConsoleSession &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("appDetails"));
    m_general = new AppDetailsGeneralTab(session, m_asker, this);
    m_scopes = new AppDetailsScopesTab(session, m_asker, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("appTabs"));
    m_tabs->addTab(m_general, tr("General"));
    m_tabs->addTab(m_scopes, tr("Okta API Scopes"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildHeader());
    layout->addWidget(m_tabs, 1);

    connect(m_general, &AppDetailsGeneralTab::failed, this, &AppDetails::showError);
    connect(m_scopes, &AppDetailsScopesTab::failed, this, &AppDetails::showError);
    connect(&session, &ConsoleSession::appsChanged, this, &AppDetails::refresh);
    connect(&session, &ConsoleSession::workspaceReloaded, this, &AppDetails::refresh);
}

AppDetails::~AppDetails() = default;

// The name, and the field that takes its place while it is renamed.
QWidget *AppDetails::buildName(QWidget *parent)
{
    m_name = new QLabel(parent);
    m_name->setObjectName(QStringLiteral("appName"));
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_name->setFont(big);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_nameEdit = new QLineEdit(parent);
    m_nameEdit->setObjectName(QStringLiteral("appNameEdit"));
    m_nameEdit->setMaxLength(auth::kMaxAppNameLength);
    m_nameEdit->setFont(big);
    m_nameEdit->installEventFilter(this); // Escape cancels the rename
    connect(m_nameEdit, &QLineEdit::editingFinished, this, [this] { finishRename(true); });
    m_nameStack = new QStackedWidget(parent);
    m_nameStack->addWidget(m_name);
    m_nameStack->addWidget(m_nameEdit);
    m_nameStack->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed); // Rename stays by the name
    m_nameEdit->setMinimumWidth(360);
    return m_nameStack;
}

QWidget *AppDetails::buildHeader()
{
    auto *header = new QWidget(this);
    m_back = new QToolButton(header);
    m_back->setObjectName(QStringLiteral("backToAppsButton"));
    m_back->setText(tr("← Back to Applications"));
    m_back->setAutoRaise(true);
    connect(m_back, &QToolButton::clicked, this, &AppDetails::backRequested);

    m_rename = new QToolButton(header);
    m_rename->setObjectName(QStringLiteral("renameAppButton"));
    m_rename->setText(tr("Rename"));
    connect(m_rename, &QToolButton::clicked, this, &AppDetails::startRename);

    m_status = new QLabel(header);
    m_status->setObjectName(QStringLiteral("appStatus"));
    m_toggleActive = new QPushButton(header);
    m_toggleActive->setObjectName(QStringLiteral("appActiveToggle"));
    connect(m_toggleActive, &QPushButton::clicked, this, &AppDetails::toggleActive);
    m_delete = new QPushButton(tr("Delete"), header);
    m_delete->setObjectName(QStringLiteral("deleteAppButton"));
    connect(m_delete, &QPushButton::clicked, this, &AppDetails::askDelete);

    m_summary = new QLabel(header);
    m_summary->setObjectName(QStringLiteral("appSummary"));
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    m_error = new QLabel(header);
    m_error->setObjectName(QStringLiteral("appDetailsError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #d32f2f;"));
    m_error->hide();

    auto *title = new QHBoxLayout;
    title->addWidget(buildName(header));
    title->addWidget(m_rename);
    title->addStretch();
    title->addWidget(m_status);
    title->addWidget(m_toggleActive);
    title->addWidget(m_delete);
    auto *layout = new QVBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_back, 0, Qt::AlignLeft);
    layout->addLayout(title);
    layout->addWidget(m_summary);
    layout->addWidget(m_error);
    return header;
}

bool AppDetails::showApp(const QString &clientId)
{
    if (!m_session.workspace().appByClientId(clientId))
        return false;
    if (clientId != m_clientId) {
        finishRename(false);
        m_tabs->setCurrentIndex(0);
    }
    m_clientId = clientId;
    refresh();
    return true;
}

QString AppDetails::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void AppDetails::refresh()
{
    if (m_clientId.isEmpty())
        return;
    const auth::AppIntegration *app = m_session.workspace().appByClientId(m_clientId);
    if (!app) {
        const QString gone = m_clientId;
        m_clientId.clear();
        emit appGone(gone);
        return;
    }
    m_error->hide();
    m_name->setText(app->name);
    m_status->setText(app->active ? tr("● Active") : tr("○ Inactive"));
    m_status->setToolTip(app->active
                             ? tr("The app can get access tokens.")
                             : tr("The app gets no access tokens, and the tokens it has are refused."));
    m_toggleActive->setText(app->active ? tr("Deactivate") : tr("Activate"));
    m_summary->setText(tr("API Services · OAuth 2.0 client credentials · created %1")
                           .arg(QLocale().toString(app->created.toLocalTime(), QLocale::ShortFormat)));
    m_general->showApp(*app);
    m_scopes->showApp(*app);
}

void AppDetails::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

void AppDetails::startRename()
{
    m_nameEdit->setText(m_name->text());
    m_renaming = true;
    m_nameStack->setCurrentWidget(m_nameEdit);
    m_nameEdit->setFocus();
    m_nameEdit->selectAll();
}

bool AppDetails::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_nameEdit && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        finishRename(false);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void AppDetails::finishRename(bool commit)
{
    // Enter, Escape and leaving the field all end up here; only the first one counts. (Switching
    // the stack takes the focus from the field, which finishes the edit once more.)
    if (!m_renaming)
        return;
    m_renaming = false;
    const QString name = m_nameEdit->text();
    m_nameStack->setCurrentWidget(m_name);
    if (!commit || name == m_name->text())
        return;
    const QString clientId = m_clientId;
    const auto done = m_session.edit(ConsoleSession::Change::Apps, [&](Workspace &workspace) {
        return workspace.renameApp(clientId, name);
    });
    if (!done)
        showError(tr("The app could not be renamed: %1").arg(done.error().message));
}

void AppDetails::toggleActive()
{
    const auth::AppIntegration *app = m_session.workspace().appByClientId(m_clientId);
    if (!app)
        return;
    const QString clientId = m_clientId;
    const auto setActive = [this, clientId](bool active) {
        const auto done = m_session.edit(ConsoleSession::Change::Apps, [&](Workspace &workspace) {
            return workspace.setAppActive(clientId, active);
        });
        if (!done)
            showError(done.error().message);
    };
    if (!app->active) {
        setActive(true);
        return;
    }
    AppDetailsAsker::Question question;
    question.id = QStringLiteral("deactivateApp");
    question.title = tr("Deactivate app integration");
    question.text = tr("Deactivate %1?").arg(app->name);
    question.details =
        tr("While it is inactive the app gets no access tokens, and the flows refuse the tokens "
           "it has. Activating it again lets its unexpired tokens work again.");
    question.acceptLabel = tr("Deactivate");
    question.destructive = true;
    m_asker.ask(this, question, [setActive] { setActive(false); });
}

void AppDetails::askDelete()
{
    const auth::AppIntegration *app = m_session.workspace().appByClientId(m_clientId);
    if (!app)
        return;
    AppDetailsAsker::Question question;
    question.id = QStringLiteral("deleteApp");
    question.title = tr("Delete app integration");
    question.text = tr("Delete %1?").arg(app->name);
    question.details = tr("Its keys go, with the private keys kept for the request tester, and the flows "
                          "refuse its tokens at once. This cannot be undone.");
    const QStringList flows = flowsListing(m_session.workspace(), m_clientId);
    if (!flows.isEmpty())
        question.details += QLatin1Char(' ') + tr("These flows list it among the apps allowed to call them "
                                                  "and keep its client ID, which no longer gets tokens: %1.")
                                                   .arg(flows.join(QLatin1String(", ")));
    question.acceptLabel = tr("Delete");
    question.destructive = true;
    m_asker.ask(this, question, [this, clientId = m_clientId] {
        const auto done = m_session.edit(ConsoleSession::Change::Apps, [&](Workspace &workspace) {
            return workspace.deleteApp(clientId, m_session.secrets());
        });
        if (!done)
            showError(tr("The app could not be deleted: %1").arg(done.error().message));
    });
}

} // namespace wf::ui
