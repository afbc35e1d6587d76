#pragma once

// `{{name}}` variables of the request tester, substituted at send time (PRODUCT.md §7). The tester
// fills them from the environment (user variables), `baseUrl` (the server's base URL) and, for a
// request opened for a client-token flow, `clientToken` (the flow's token from the secret store).

#include "Result.h"
#include "store/SecretStore.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace wf::tester {

struct Variable {
    QString name; // letters, digits, '_', '-', '.'; 1 to 64 characters
    QString value;
    bool secret = false; // the value lives in the secret store, never in environment.json

    bool operator==(const Variable &) const = default;
};

// Name → value, and which values are secrets (masked when a request is copied without secrets).
class Variables final {
public:
    void set(const QString &name, const QString &value, bool secret = false);
    bool contains(const QString &name) const;
    QString value(const QString &name) const;
    bool isSecret(const QString &name) const;
    QStringList names() const; // sorted

    // `text` with every `{{name}}` (spaces inside the braces allowed) replaced by its value, once
    // (a value containing `{{x}}` is not expanded again). An error naming every unknown variable
    // ("unknown variables {{foo}}, {{bar}}") when one is not set.
    Result<QString> substitute(const QString &text) const;
    // The names `text` refers to, in order of first appearance.
    static QStringList referencedNames(const QString &text);

private:
    QHash<QString, QString> m_values;
    QHash<QString, bool> m_secret;
};

bool isValidVariableName(const QString &name);

// The user's variables of a workspace: `<workspace>/tester/environment.json` holds the names and the
// values of the variables that are not secret; a secret's value is in the secret store under
// testerVariableSecretKey().
class EnvironmentStore final {
public:
    EnvironmentStore(QString workspaceDir, QString workspaceId);

    // Missing file → no variables. A file that does not parse → an error, nothing lost (the file is
    // left as it is).
    Result<QList<Variable>> load(SecretStore &secrets) const;
    // Validates the names (valid, unique), writes the file atomically and the secrets; removes the
    // secrets of variables that are gone or no longer secret.
    Result<bool> save(const QList<Variable> &variables, SecretStore &secrets) const;

    QString filePath() const;

private:
    QString m_workspaceDir;
    QString m_workspaceId;
};

QString testerVariableSecretKey(const QString &workspaceId, const QString &name);

} // namespace wf::tester
