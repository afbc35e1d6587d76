#pragma once

// The main window of the desktop console. For now it browses the card catalogue: categories and
// cards on the left, the chosen card's inputs and outputs on the right. The consoles (flows,
// applications, history) arrive as pages of this window.

#include <QMainWindow>

class QTextBrowser;
class QTreeWidget;
class QLineEdit;

namespace wf::ui {

class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

private:
    void fillCatalogue();
    void filterCatalogue(const QString &text);
    void showCard(const QString &functionId);

    QLineEdit *m_filter = nullptr;
    QTreeWidget *m_cards = nullptr;
    QTextBrowser *m_details = nullptr;
};

} // namespace wf::ui
