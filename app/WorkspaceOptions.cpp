#include "WorkspaceOptions.h"

#include <QDir>
#include <QFile>

namespace wf::cli {

void addWorkspaceOptions(QCommandLineParser *parser)
{
    parser->addOption(
        QCommandLineOption({QStringLiteral("w"), QStringLiteral("workspace")},
                           QStringLiteral("The workspace folder (default: the current folder)."),
                           QStringLiteral("dir"), QDir::currentPath()));
}

std::optional<OpenedWorkspace> openWorkspace(const QCommandLineParser &parser, QTextStream &err)
{
    const QString dir = QDir(parser.value(QStringLiteral("workspace"))).absolutePath();
    const QString secretsPath = QDir(dir).filePath(QStringLiteral("secrets.json"));
    auto secrets = std::make_unique<FileSecretStore>(secretsPath);
    err << "wfconsole: secrets of this workspace are kept in " << secretsPath << " (mode 0600)" << Qt::endl;
    const bool exists = QFile::exists(QDir(dir).filePath(Workspace::kFileName));
    auto workspace = Workspace::openOrCreate(dir, *secrets);
    if (!workspace) {
        err << "wfconsole: " << workspace.error().message << Qt::endl;
        return std::nullopt;
    }
    if (!exists)
        err << "wfconsole: created a workspace from the sample flows in " << dir << Qt::endl;
    return OpenedWorkspace{std::move(workspace).value(), std::move(secrets)};
}

} // namespace wf::cli
