// MainWindow: the console's pages and how they lead to each other (a flow opens in the editor, its
// endpoint settings in their dialog, its executions in history).

#include "ConsoleSession.h"
#include "Icons.h"
#include "MainWindow.h"
#include "dialogs/EndpointSettingsDialog.h"
#include "dialogs/SettingsDialog.h"
#include "editor/FlowEditorPage.h"
#include "pages/AppsPage.h"
#include "pages/CataloguePage.h"
#include "pages/FlowsPage.h"
#include "pages/HistoryPage.h"
#include "tester/TesterPage.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>

namespace wf::ui {

void MainWindow::buildConsole()
{
    m_flows = new FlowsPage(m_session, this);
    m_editor = new FlowEditorPage(m_session, this);
    m_apps = new AppsPage(m_session, this);
    m_history = new HistoryPage(m_session, this);
    m_tester = new TesterPage(m_session, this);
    m_cards = new CataloguePage(this);
    addPage(QStringLiteral("flows"), icon(QStringLiteral("flows")), tr("Flows"), m_flows);
    addPage(QStringLiteral("editor"), icon(QStringLiteral("editor")), tr("Flow editor"), m_editor);
    addPage(QStringLiteral("apps"), icon(QStringLiteral("apps")), tr("Applications"), m_apps);
    addPage(QStringLiteral("history"), icon(QStringLiteral("history")), tr("Execution history"), m_history);
    addPage(QStringLiteral("tester"), icon(QStringLiteral("tester")), tr("Request tester"), m_tester);
    addPage(QStringLiteral("cards"), icon(QStringLiteral("cards")), tr("Cards"), m_cards);

    connect(m_flows, &FlowsPage::openFlowRequested, this, [this](const QString &flowId) {
        m_editor->openFlow(flowId);
        showPage(QStringLiteral("editor"));
    });
    connect(m_flows, &FlowsPage::endpointSettingsRequested, this, &MainWindow::openEndpointSettings);
    connect(m_editor, &FlowEditorPage::endpointSettingsRequested, this, &MainWindow::openEndpointSettings);
    connect(m_flows, &FlowsPage::historyRequested, this, [this](const QString &flowId) {
        m_history->showFlow(flowId);
        showPage(QStringLiteral("history"));
    });
    connect(m_history, &HistoryPage::actionFinished, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    connect(m_tester, &TesterPage::message, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    connect(m_tester, &TesterPage::openExecutionRequested, this, [this](const QString &executionId) {
        m_history->showExecution(executionId);
        showPage(QStringLiteral("history"));
    });

    // The editor opens on the first flow, so that its page is never empty.
    if (!m_session.workspace().flows().isEmpty())
        m_editor->openFlow(m_session.workspace().flows().first().id);
    buildMenus();
    showPage(QSettings().value(QStringLiteral("window/page"), QStringLiteral("flows")).toString());
}

void MainWindow::buildMenus()
{
    // Undo and redo belong to the pages (the editor's stack, the flows page's undo of a delete),
    // each with its own shortcut where it has the focus: a window-wide Ctrl+Z would make them
    // ambiguous.
    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction *settings = editMenu->addAction(icon(QStringLiteral("settings")), tr("&Settings..."), this,
                                            &MainWindow::openSettings);
    settings->setObjectName(QStringLiteral("settingsAction"));
    settings->setShortcut(QKeySequence::Preferences);
    if (settings->shortcut().isEmpty())
        settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));

    QMenu *flowMenu = menuBar()->addMenu(tr("F&low"));
    QAction *endpoint =
        flowMenu->addAction(icon(QStringLiteral("lock")), tr("Endpoint &settings..."), this, [this] {
            const QString flowId =
                currentPageId() == QLatin1String("editor") ? m_editor->flowId() : m_flows->currentFlowId();
            if (!flowId.isEmpty())
                openEndpointSettings(flowId);
        });
    endpoint->setObjectName(QStringLiteral("endpointSettingsAction"));
    endpoint->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    QAction *tester =
        flowMenu->addAction(icon(QStringLiteral("tester")), tr("Open in request &tester"), this, [this] {
            const QString flowId =
                currentPageId() == QLatin1String("editor") ? m_editor->flowId() : m_flows->currentFlowId();
            const Flow *flow = m_session.workspace().flowById(flowId);
            if (flow && !flow->isHelper())
                openInTester(flowId);
        });
    tester->setObjectName(QStringLiteral("openInTesterAction"));
    tester->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
}

QDialog *MainWindow::openEndpointSettings(const QString &flowId)
{
    const Flow *flow = m_session.workspace().flowById(flowId);
    if (!flow || flow->isHelper())
        return nullptr;
    auto *dialog = new EndpointSettingsDialog(m_session, flowId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setTesterAvailable(true);
    connect(dialog, &EndpointSettingsDialog::openInTesterRequested, this, &MainWindow::openInTester);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->show();
    return dialog;
}

void MainWindow::openInTester(const QString &flowId)
{
    m_tester->openFlow(flowId);
    showPage(QStringLiteral("tester"));
}

QDialog *MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->show();
    return dialog;
}

} // namespace wf::ui
