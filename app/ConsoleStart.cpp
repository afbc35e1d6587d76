// Starts the desktop console: opens the last workspace (the sample workspace the first time, or the
// folder given with --workspace), its secret store, the main window with its pages, and the server.

#include "Commands.h"
#include "ConsoleSession.h"
#include "Icons.h"
#include "Language.h"
#include "MainWindow.h"
#include "SignalHandlers.h"
#include "Theme.h"
#include "store/KeychainSecretStore.h"
#include "store/WriteBehindSecretStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>
#include <ctime>
#include <unistd.h>

namespace wf::cli {
namespace {

QString defaultWorkspaceDir()
{
    const QString last = QSettings().value(QStringLiteral("workspace/last")).toString();
    if (!last.isEmpty() && QFile::exists(QDir(last).filePath(Workspace::kFileName)))
        return last;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("workspace"));
}

// The keychain when a Secret Service answers; else, as for the command line, secrets.json (0600) in
// the workspace, which the status bar then says. A workspace that keeps its secrets in that file
// already goes on doing so.
std::unique_ptr<SecretStore> chooseSecretStore(const QString &dir)
{
    const QString path = QDir(dir).filePath(QStringLiteral("secrets.json"));
    if (!QFile::exists(path)) {
        auto keychain = std::make_unique<KeychainSecretStore>(5000);
        if (keychain->isAvailable())
            return keychain;
    }
    return std::make_unique<FileSecretStore>(path);
}

// Milliseconds since this process started (the kernel's start time, in clock ticks), -1 if unknown.
qint64 msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // Field 22 (starttime) counts from the field after the command name in parentheses (field 3).
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    bool ok = false;
    const qint64 startTicks = fields.value(22 - 3).toLongLong(&ok);
    timespec now{};
    if (!ok || ::clock_gettime(CLOCK_BOOTTIME, &now) != 0)
        return -1;
    const double ticksPerSecond = double(::sysconf(_SC_CLK_TCK));
    const double nowMs = double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
    return qint64(nowMs - double(startTicks) * 1000.0 / ticksPerSecond);
}

// WF_STARTUP_PROBE=1 (tests/bench/startup.sh): once the main window has painted and the event loop
// has nothing left to do, prints "startup-ms: N" (from the start of the process) and quits.
class StartupProbe final : public QObject {
    Q_DISABLE_COPY_MOVE(StartupProbe)

public:
    explicit StartupProbe(QWidget *window) : m_window(window) { qApp->installEventFilter(this); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && watched->isWidgetType() &&
            static_cast<QWidget *>(watched)->window() == m_window) {
            qApp->removeEventFilter(this);
            QTimer::singleShot(0, this, [] {
                QTextStream(stdout) << "startup-ms: " << msSinceProcessStart() << Qt::endl;
                QCoreApplication::quit();
            });
        }
        return false;
    }

private:
    QWidget *m_window;
};

} // namespace

int runConsole(QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Workflows Console"));
    parser.addHelpOption();
    parser.addOption(QCommandLineOption({QStringLiteral("w"), QStringLiteral("workspace")},
                                        QStringLiteral("The workspace folder to open."),
                                        QStringLiteral("dir")));
    parser.process(app);
    // After the command line (which stays in English), before the first window.
    ui::Language::install(ui::Language::savedChoice());
    ui::Theme theme; // before the first window, which then opens in the right colours
    QApplication::setWindowIcon(ui::icon(QStringLiteral("wfconsole")));
    // Lets Wayland compositors match the window with its desktop entry (and icon).
    QGuiApplication::setDesktopFileName(QStringLiteral("dev.wfconsole.WorkflowsConsole"));
    const QString dir =
        QDir(parser.isSet(QStringLiteral("workspace")) ? parser.value(QStringLiteral("workspace"))
                                                       : defaultWorkspaceDir())
            .absolutePath();
    if (!QDir().mkpath(dir)) {
        QMessageBox::critical(nullptr, QApplication::applicationDisplayName(),
                              QApplication::translate("wfconsole", "Cannot create the folder %1.").arg(dir));
        return Failure;
    }

    WriteBehindSecretStore secrets([dir] { return chooseSecretStore(dir); });
    auto workspace = Workspace::openOrCreate(dir, secrets);
    if (!workspace) {
        QMessageBox::critical(nullptr, QApplication::applicationDisplayName(),
                              QApplication::translate("wfconsole", "Cannot open the workspace in %1:\n%2")
                                  .arg(dir, workspace.error().message));
        return Failure;
    }
    QSettings().setValue(QStringLiteral("workspace/last"), dir);

    ui::ConsoleSession session(std::move(workspace).value(), secrets);
    secrets.setFailureHandler([&session](const QString &message) {
        QMetaObject::invokeMethod(&session, [&session, message] { emit session.problem(message); });
    });
    ui::MainWindow window(session);
    window.buildConsole();
    std::unique_ptr<StartupProbe> probe;
    if (qEnvironmentVariableIntValue("WF_STARTUP_PROBE") == 1)
        probe = std::make_unique<StartupProbe>(&window);
    window.show();
    session.startServer();
    // SIGTERM (a logout, `kill`) quits like File > Quit: the server answers what is in flight and
    // secrets reach their store before the process ends.
    if (!installSignalHandlers(&session))
        qWarning("wfconsole: SIGINT and SIGTERM will end the console without a clean stop");
    const int status = QApplication::exec();
    secrets.setFailureHandler({});
    return status;
}

} // namespace wf::cli
