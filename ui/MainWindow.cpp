#include "MainWindow.h"

#include "engine/CardCatalogue.h"

#include <QLabel>
#include <QStatusBar>

namespace wf::ui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Workflows Console"));
    auto *welcome = new QLabel(tr("<h2>Workflows Console</h2><p>%n card(s) in the catalogue.</p>"
                                  "<p>Run flows from the command line with <code>wfconsole run FLOW.json</code>.</p>",
                                  nullptr, static_cast<int>(CardCatalogue::builtIn().cards().size())),
                               this);
    welcome->setObjectName(QStringLiteral("welcomeLabel"));
    welcome->setAlignment(Qt::AlignCenter);
    setCentralWidget(welcome);
    statusBar()->showMessage(tr("Ready"));
    resize(1100, 720);
}

MainWindow::~MainWindow() = default;

} // namespace wf::ui
