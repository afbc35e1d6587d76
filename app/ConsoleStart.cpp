// Starts the desktop console: opens the last workspace (the sample workspace the first time, or the
// folder given with --workspace), its secret store, the main window with its pages, and the server.

#include "Commands.h"
#include "ConsoleSession.h"
#include "MainWindow.h"
#include "pages/CataloguePage.h"
#include "store/KeychainSecretStore.h"
#include "store/WriteBehindSecretStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>

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
    window.addPage(QStringLiteral("cards"), QIcon(), QApplication::translate("wfconsole", "Cards"),
                   new ui::CataloguePage);
    window.show();
    session.startServer();
    const int status = QApplication::exec();
    secrets.setFailureHandler({});
    return status;
}

} // namespace wf::cli
