#pragma once

// The main window of the desktop console. At this stage a shell: the consoles arrive page by page.

#include <QMainWindow>

namespace wf::ui {

class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;
};

} // namespace wf::ui
