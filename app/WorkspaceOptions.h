#pragma once

// The --workspace option shared by the verbs that work on a workspace, and opening it with its
// secret store; the --database option of the verbs that can use a PostgreSQL database several
// servers share instead of the workspace's history.db.

#include "Result.h"
#include "store/SecretStore.h"
#include "store/Workspace.h"

#include <QCommandLineParser>
#include <QTextStream>
#include <memory>
#include <optional>

namespace wf::cli {

struct OpenedWorkspace {
    Workspace workspace;
    std::unique_ptr<SecretStore> secrets;
};

void addWorkspaceOptions(QCommandLineParser *parser);

// Opens (or, in an empty folder, creates) the workspace named by --workspace (default: the
// current folder). Secrets go to the keychain when a Secret Service answers, else (or when the
// workspace already has one) to `secrets.json` (mode 0600) in the workspace; the choice is written to
// `err`, as are problems.
std::optional<OpenedWorkspace> openWorkspace(const QCommandLineParser &parser, QTextStream &err);

// --database URL. `description` says what the verb does with that database; its %1 becomes the form
// of the URL.
void addDatabaseOption(QCommandLineParser *parser, const QString &description);
// The URL --database gives, checked (DatabaseUrl); nullopt without the option; an error, which never
// quotes the password, for a URL that does not parse.
Result<std::optional<QString>> databaseOption(const QCommandLineParser &parser);

} // namespace wf::cli
