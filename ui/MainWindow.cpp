#include "MainWindow.h"

#include "ConsoleSession.h"
#include "editor/FlowEditorPage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolButton>

namespace wf::ui {
namespace {

constexpr int kPageIdRole = Qt::UserRole + 1;

} // namespace

MainWindow::MainWindow(ConsoleSession &session, QWidget *parent) : QMainWindow(parent), m_session(session)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Workflows Console"));

    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setSpacing(2);
    m_navigation->setFixedWidth(190);
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *serverMenu = menuBar()->addMenu(tr("&Server"));
    QAction *startStop = serverMenu->addAction(tr("Start or stop the server"), this, [this] {
        if (m_session.server().state() == ServerController::State::Listening)
            m_session.server().stop();
        else
            m_session.startServer();
    });
    startStop->setObjectName(QStringLiteral("startStopServerAction"));
    startStop->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    serverMenu->addAction(tr("Serve on another port..."), this, &MainWindow::askForAnotherPort);

    buildStatusBar();
    connect(&m_session.server(), &ServerController::stateChanged, this, &MainWindow::showServerState);
    connect(&m_session, &ConsoleSession::problem, this,
            [this](const QString &message) { statusBar()->showMessage(message, 15000); });
    showServerState();

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::addPage(const QString &id, const QIcon &icon, const QString &title, QWidget *page)
{
    auto *item = new QListWidgetItem(icon, title, m_navigation);
    item->setData(kPageIdRole, id);
    item->setSizeHint(QSize(0, 34));
    m_pages->addWidget(page);
    m_pageById.insert(id, page);
    const int index = m_navigation->count();
    if (index <= 9) {
        auto *action = new QAction(title, this);
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_0 + index)));
        connect(action, &QAction::triggered, this, [this, id] { showPage(id); });
        addAction(action);
        item->setToolTip(tr("%1 (%2)").arg(title, action->shortcut().toString(QKeySequence::NativeText)));
    }
    if (m_navigation->currentRow() < 0)
        m_navigation->setCurrentRow(0);
}

void MainWindow::showPage(const QString &id)
{
    for (int row = 0; row < m_navigation->count(); ++row) {
        if (m_navigation->item(row)->data(kPageIdRole).toString() == id) {
            m_navigation->setCurrentRow(row);
            return;
        }
    }
}

QString MainWindow::currentPageId() const
{
    const QListWidgetItem *item = m_navigation->currentItem();
    return item ? item->data(kPageIdRole).toString() : QString();
}

void MainWindow::buildStatusBar()
{
    m_serverState = new QLabel(this);
    m_serverState->setObjectName(QStringLiteral("serverState"));
    m_serverState->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_serverButton = new QToolButton(this);
    m_serverButton->setObjectName(QStringLiteral("serverButton"));
    m_serverButton->setAutoRaise(true);
    connect(m_serverButton, &QToolButton::clicked, this, [this] {
        switch (m_session.server().state()) {
        case ServerController::State::Listening:
            m_session.server().stop();
            break;
        case ServerController::State::Failed:
            askForAnotherPort();
            break;
        case ServerController::State::Stopped:
            m_session.startServer();
            break;
        case ServerController::State::Starting:
        case ServerController::State::Stopping:
            break;
        }
    });
    m_secretsState = new QLabel(this);
    m_secretsState->setObjectName(QStringLiteral("secretsState"));
    statusBar()->addPermanentWidget(m_secretsState);
    statusBar()->addPermanentWidget(m_serverState);
    statusBar()->addPermanentWidget(m_serverButton);
}

void MainWindow::showServerState()
{
    const ServerController &server = m_session.server();
    const QString kind = m_session.secrets().kind();
    m_secretsState->setText(kind == QLatin1String("file")
                                ? tr("Secrets: secrets.json in the workspace (no keychain)")
                                : QString());
    switch (server.state()) {
    case ServerController::State::Stopped:
        m_serverState->setText(tr("Server stopped"));
        m_serverButton->setText(tr("Start"));
        m_serverButton->setEnabled(true);
        break;
    case ServerController::State::Starting:
        m_serverState->setText(tr("Server starting..."));
        m_serverButton->setEnabled(false);
        break;
    case ServerController::State::Listening:
        m_serverState->setText(tr("Listening on %1").arg(server.baseUrl()));
        m_serverButton->setText(tr("Stop"));
        m_serverButton->setEnabled(true);
        break;
    case ServerController::State::Stopping:
        m_serverState->setText(tr("Server stopping..."));
        m_serverButton->setEnabled(false);
        break;
    case ServerController::State::Failed:
        m_serverState->setText(tr("Server not running: %1").arg(server.errorString()));
        m_serverButton->setText(tr("Use another port..."));
        m_serverButton->setEnabled(true);
        break;
    }
}

void MainWindow::askForAnotherPort()
{
    bool ok = false;
    const int port =
        QInputDialog::getInt(this, tr("Serve on another port"), tr("Port (0 picks any free port):"),
                             m_session.workspace().settings().port, 0, 65535, 1, &ok);
    if (!ok)
        return;
    if (m_session.server().state() == ServerController::State::Listening) {
        // Restart on the new port once the old one is released.
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = connect(&m_session.server(), &ServerController::stateChanged, this,
                              [this, port, connection](ServerController::State state) {
                                  if (state != ServerController::State::Stopped)
                                      return;
                                  disconnect(*connection);
                                  m_session.startServer(static_cast<quint16>(port));
                              });
        m_session.server().stop();
        return;
    }
    m_session.startServer(static_cast<quint16>(port));
}

void MainWindow::setCloseConfirmation(std::function<bool(const QString &question)> confirm)
{
    m_confirmClose = std::move(confirm);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // The editor saves a flow only once the validator finds no problem in it (workspace.json must
    // always open again): work that is not saved yet is said before it is lost.
    if (m_editor && m_editor->hasUnsavedChanges() && !m_editor->saveNow()) {
        const Flow *flow = m_session.workspace().flowById(m_editor->flowId());
        const QString question =
            tr("The flow \"%1\" has problems, so its latest changes are not saved. Quit and lose them?")
                .arg(flow ? flow->name : m_editor->flowId());
        const bool quit = m_confirmClose ? m_confirmClose(question)
                                         : QMessageBox::question(this, tr("Unsaved changes"), question,
                                                                 QMessageBox::Discard | QMessageBox::Cancel,
                                                                 QMessageBox::Cancel) == QMessageBox::Discard;
        if (!quit) {
            showPage(QStringLiteral("editor"));
            event->ignore();
            return;
        }
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/page"), currentPageId());
    event->accept();
}

} // namespace wf::ui
