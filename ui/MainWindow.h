#pragma once

// The main window of the desktop console: a navigation side bar on the left switches the pages
// (Flows, Applications, Execution history, Request tester, Cards, ...), the status bar shows the server's
// address and state with a way to start, stop or move it to another port.

#include <QHash>
#include <QMainWindow>
#include <functional>

class QDialog;
class QLabel;
class QListWidget;
class QStackedWidget;
class QToolButton;

namespace wf::ui {

class AppsPage;
class CataloguePage;
class ConsoleSession;
class FlowEditorPage;
class FlowsPage;
class HistoryPage;
class TesterPage;

class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(ConsoleSession &session, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Builds the console's pages (Flows, Flow editor, Applications, Execution history, Cards) and
    // wires them to each other (MainWindowPages.cpp).
    void buildConsole();

    FlowsPage *flowsPage() const { return m_flows; }
    FlowEditorPage *flowEditor() const { return m_editor; }
    AppsPage *appsPage() const { return m_apps; }
    HistoryPage *historyPage() const { return m_history; }
    TesterPage *testerPage() const { return m_tester; }

    // The endpoint settings dialog of a flow, opened window-modal; returns it (it deletes itself
    // when closed).
    QDialog *openEndpointSettings(const QString &flowId);
    QDialog *openSettings();
    // The request tester with a ready request for the flow.
    void openInTester(const QString &flowId);

    // Asks before closing loses editor work that could not be saved; tests answer instead.
    void setCloseConfirmation(std::function<bool(const QString &question)> confirm);

    // Adds a page to the side bar; `id` names it for showPage() ("flows", "apps", ...). The first
    // nine pages get the shortcuts Ctrl+1 ... Ctrl+9.
    void addPage(const QString &id, const QIcon &icon, const QString &title, QWidget *page);
    void showPage(const QString &id);
    QString currentPageId() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildStatusBar();
    void showServerState();
    void askForAnotherPort();
    void buildMenus();

    ConsoleSession &m_session;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    QHash<QString, QWidget *> m_pageById;
    QLabel *m_serverState = nullptr;
    QToolButton *m_serverButton = nullptr;
    QLabel *m_secretsState = nullptr;
    FlowsPage *m_flows = nullptr;
    FlowEditorPage *m_editor = nullptr;
    AppsPage *m_apps = nullptr;
    HistoryPage *m_history = nullptr;
    TesterPage *m_tester = nullptr;
    CataloguePage *m_cards = nullptr;
    std::function<bool(const QString &question)> m_confirmClose;
};

} // namespace wf::ui
