#include "pages/AppDetailsScopesTab.h"

#include "ConsoleSession.h"
#include "pages/AppDetailsAsker.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace wf::ui {

AppDetailsScopesTab::AppDetailsScopesTab(ConsoleSession &session, const AppDetailsAsker &asker,
                                         QWidget *parent)
    : QWidget(parent), m_session(session), m_asker(asker)
{
    setObjectName(QStringLiteral("appScopesTab"));
    auto *intro = new QLabel(tr("Scopes an access token of this app may carry. A flow secured with OAuth 2.0 "
                                "answers only tokens with %1.")
                                 .arg(auth::kInvokeScope),
                             this);
    intro->setWordWrap(true);

    auto *table = new QFrame(this);
    table->setObjectName(QStringLiteral("scopeTable"));
    table->setFrameShape(QFrame::StyledPanel);
    auto *grid = new QGridLayout(table);
    grid->setHorizontalSpacing(18);
    const QStringList headers{tr("Scope"), tr("Description"), tr("Status"), QString()};
    for (int column = 0; column < headers.size(); ++column) {
        auto *header = new QLabel(headers.at(column), table);
        header->setStyleSheet(QStringLiteral("font-weight: bold;"));
        grid->addWidget(header, 0, column);
    }
    int row = 1;
    for (const QString &scope : auth::knownScopes())
        addRow(scope, row++, grid);
    grid->setColumnStretch(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(table);
    layout->addStretch();
}

AppDetailsScopesTab::~AppDetailsScopesTab() = default;

QString AppDetailsScopesTab::scopeDescription(const QString &scope)
{
    if (scope == auth::kInvokeScope)
        return tr("Invoke, resume and retry the API endpoint flows of this org that are secured with "
                  "OAuth 2.0.");
    return {};
}

void AppDetailsScopesTab::addRow(const QString &scope, int row, QGridLayout *grid)
{
    QWidget *table = grid->parentWidget();
    auto *name = new QLabel(scope, table);
    name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    name->setStyleSheet(QStringLiteral("font-family: monospace;"));
    auto *description = new QLabel(scopeDescription(scope), table);
    description->setWordWrap(true);
    Row widgets;
    widgets.status = new QLabel(table);
    widgets.status->setObjectName(QStringLiteral("scopeStatus_") + scope);
    widgets.grant = new QPushButton(tr("Grant"), table);
    widgets.grant->setObjectName(QStringLiteral("grantScope_") + scope);
    widgets.revoke = new QPushButton(tr("Revoke"), table);
    widgets.revoke->setObjectName(QStringLiteral("revokeScope_") + scope);
    connect(widgets.grant, &QPushButton::clicked, this, [this, scope] { askGrant(scope); });
    connect(widgets.revoke, &QPushButton::clicked, this, [this, scope] { askRevoke(scope); });

    // Grant and Revoke share the cell; only the one that applies is shown.
    auto *buttons = new QWidget(table);
    auto *buttonLayout = new QVBoxLayout(buttons);
    buttonLayout->setContentsMargins(0, 0, 0, 0);
    buttonLayout->addWidget(widgets.grant);
    buttonLayout->addWidget(widgets.revoke);
    grid->addWidget(name, row, 0);
    grid->addWidget(description, row, 1);
    grid->addWidget(widgets.status, row, 2);
    grid->addWidget(buttons, row, 3);
    m_rows.insert(scope, widgets);
}

void AppDetailsScopesTab::showApp(const auth::AppIntegration &app)
{
    m_clientId = app.clientId;
    m_appName = app.name;
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it) {
        const bool granted = app.hasScope(it.key());
        it->status->setText(granted ? tr("Granted") : tr("Not granted"));
        it->grant->setVisible(!granted);
        it->revoke->setVisible(granted);
    }
}

void AppDetailsScopesTab::askGrant(const QString &scope)
{
    AppDetailsAsker::Question question;
    question.id = QStringLiteral("grantScope");
    question.title = tr("Grant Access");
    question.text = tr("Grant %1 to %2?").arg(scope, m_appName);
    question.details = tr("The app can then get access tokens with this scope and call every API endpoint "
                          "flow secured with OAuth 2.0 that lets it (Any app, or an app list naming it).");
    question.acceptLabel = tr("Grant Access");
    m_asker.ask(this, question, [this, clientId = m_clientId, scope] { setGranted(clientId, scope, true); });
}

void AppDetailsScopesTab::askRevoke(const QString &scope)
{
    AppDetailsAsker::Question question;
    question.id = QStringLiteral("revokeScope");
    question.title = tr("Revoke Access");
    question.text = tr("Revoke %1 from %2?").arg(scope, m_appName);
    question.details = tr("The flows refuse the app's access tokens at once (403 insufficient_scope), and "
                          "the app gets no new token with this scope until it is granted again.");
    question.acceptLabel = tr("Revoke");
    question.destructive = true;
    m_asker.ask(this, question, [this, clientId = m_clientId, scope] { setGranted(clientId, scope, false); });
}

void AppDetailsScopesTab::setGranted(const QString &clientId, const QString &scope, bool granted)
{
    const auto done = m_session.edit(ConsoleSession::Change::Apps, [&](Workspace &workspace) {
        return granted ? workspace.grantScope(clientId, scope) : workspace.revokeScope(clientId, scope);
    });
    if (!done)
        emit failed(done.error().message);
}

} // namespace wf::ui
