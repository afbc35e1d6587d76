#include "WorkspaceOptions.h"

#include "store/DatabaseUrl.h"
#include "store/KeychainSecretStore.h"

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

namespace {
const QString kDatabaseOption = QStringLiteral("database");
}

void addDatabaseOption(QCommandLineParser *parser, const QString &description)
{
    parser->addOption(QCommandLineOption(
        kDatabaseOption,
        description.arg(QStringLiteral("postgresql://user:password@host:port/database, optionally "
                                       "?sslmode=MODE&connect_timeout=SECONDS")),
        QStringLiteral("url")));
}

Result<std::optional<QString>> databaseOption(const QCommandLineParser &parser)
{
    if (!parser.isSet(kDatabaseOption))
        return std::optional<QString>();
    const QString text = parser.value(kDatabaseOption);
    if (const auto url = DatabaseUrl::parse(text); !url)
        return url.error();
    return std::optional<QString>(text);
}

std::optional<OpenedWorkspace> openWorkspace(const QCommandLineParser &parser, QTextStream &err)
{
    const QString dir = QDir(parser.value(QStringLiteral("workspace"))).absolutePath();
    const QString secretsPath = QDir(dir).filePath(QStringLiteral("secrets.json"));
    std::unique_ptr<SecretStore> secrets;
    // A workspace that already keeps its secrets in a file goes on doing so; otherwise the keychain
    // when a Secret Service answers, else the file. Never silently: the choice is said every time.
    QString why;
    if (!QFile::exists(secretsPath)) {
        auto keychain = std::make_unique<KeychainSecretStore>(3000);
        if (keychain->isAvailable(&why)) {
            err << "wfconsole: secrets of this workspace are kept in the keychain (service wfconsole)"
                << Qt::endl;
            secrets = std::move(keychain);
        }
    }
    if (!secrets) {
        err << "wfconsole: secrets of this workspace are kept in " << secretsPath << " (mode 0600)"
            << (why.isEmpty() ? QString() : QStringLiteral("; no keychain: ") + why) << Qt::endl;
        secrets = std::make_unique<FileSecretStore>(secretsPath);
    }
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
