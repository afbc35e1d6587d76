#pragma once

// The main window of the desktop console: a navigation side bar on the left switches the pages
// (Flows, Applications, Execution history, Cards, ...), the status bar shows the server's address
// and state with a way to start, stop or move it to another port.

#include <QHash>
#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;
class QToolButton;

namespace wf::ui {

class ConsoleSession;

class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(ConsoleSession &session, QWidget *parent = nullptr);
    ~MainWindow() override;

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

    ConsoleSession &m_session;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    QHash<QString, QWidget *> m_pageById;
    QLabel *m_serverState = nullptr;
    QToolButton *m_serverButton = nullptr;
    QLabel *m_secretsState = nullptr;
};

} // namespace wf::ui
