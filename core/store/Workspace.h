#pragma once

// A workspace ("the org"): flows, app integrations, signing keys and settings in `workspace.json`
// inside a folder (human-readable, keys sorted, written atomically). Secrets are not in it: client
// tokens live in a SecretStore and the workspace keeps only their SHA-256; private keys (of apps and
// of the signing keys) live only in the SecretStore, the workspace keeps the public keys.

#include "Result.h"
#include "auth/AppIntegration.h"
#include "auth/Jose.h"
#include "flow/Flow.h"
#include "flow/FlowLibrary.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace wf {

class SecretStore;

struct WorkspaceSettings {
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8787;
    QString publicBaseUrl;                    // empty: http://host:port
    qint64 bodyLimitBytes = 10 * 1024 * 1024; // PRODUCT.md §3.1 step 3
    double rateLimitPerSecond = 10;           // per flow; 0 = off
    int timeoutSeconds = 60;
    int historyRetentionDays = 30;
    int pausedRetentionDays = 30;
    // HTTPS: a PEM certificate (chain) and its unencrypted PEM private key, both or neither. Paths
    // only (relative ones are inside the workspace folder): the key never goes into workspace.json.
    QString tlsCertificatePath;
    QString tlsKeyPath;

    QString baseUrl() const;
};

class Workspace final {
public:
    static inline const QString kFileName = QStringLiteral("workspace.json");

    // Reads `dir`/workspace.json; every flow must load cleanly (problems are listed in the error).
    static Result<Workspace> open(const QString &dir);
    // Creates `dir`/workspace.json from the bundled samples, with fresh aliases and client tokens
    // (the tokens go to `secrets`). Refuses to overwrite an existing workspace.
    static Result<Workspace> create(const QString &dir, SecretStore &secrets);
    // Opens the workspace of `dir`, creating it from the samples when the folder has none.
    static Result<Workspace> openOrCreate(const QString &dir, SecretStore &secrets);

    [[nodiscard]] Result<bool> save() const;
    // The bytes save() writes (indented JSON, stable key order).
    QByteArray toJson() const;

    QString dir() const { return m_dir; }
    QString id() const { return m_id; }
    const WorkspaceSettings &settings() const { return m_settings; }
    WorkspaceSettings &settings() { return m_settings; }
    const QList<Flow> &flows() const { return m_flows; }

    const Flow *flowById(const QString &flowId) const;
    const Flow *flowByAlias(const QString &alias) const;
    // Every flow, for Call Flow / For Each / Map.
    FlowLibrary library() const;

    // Adds a flow with a fresh alias (its id must be new); gives client-token flows a token.
    Result<bool> addFlow(Flow flow, SecretStore &secrets);
    // Replaces the flow with the same id by `flow` (an edit: cards, name, on/off, security level,
    // app list...). The alias and the client token hash are the workspace's, never the caller's; a
    // flow switched to client-token security gets a token, a flow switched from it loses its token.
    // Problems found by the validator are not refused (a flow being edited may be incomplete): the
    // server answers them when the flow is called.
    Result<bool> updateFlow(Flow flow, SecretStore &secrets);
    // Removes the flow and its client token.
    // Refuses a helper flow that other flows call (they could not run, and the workspace would not
    // open again).
    Result<bool> removeFlow(const QString &flowId, SecretStore &secrets);
    // The names of the other flows that call `flowId` (Call Flow, Call Flow Async, For Each, Map).
    QStringList callersOf(const QString &flowId) const;
    // Puts back a flow that removeFlow() took out (an undo): it keeps its id and its alias, so its
    // Invoke URL works again, and goes back to position `index` (clamped; negative: at the end). Its
    // old client token was deleted with it, so a client-token flow gets a fresh one. Refuses an id
    // that exists, and an alias that is malformed or used by another flow.
    Result<bool> restoreFlow(Flow flow, SecretStore &secrets, qsizetype index = -1);
    // An id for a new flow, derived from `name` ("Order sync" -> "order-sync", "order-sync-2", ...).
    QString newFlowId(const QString &name) const;
    // A new client token for the flow: the old one stops working at once. Returns the token.
    Result<QString> regenerateClientToken(const QString &flowId, SecretStore &secrets);

    // API Services app integrations (PRODUCT.md §4). Names are unique (case-insensitively), so
    // the command line can address an app by name or client id.
    const QList<auth::AppIntegration> &apps() const { return m_apps; }
    const auth::AppIntegration *appByClientId(const QString &clientId) const;
    // By client id, else by name (case-insensitive).
    const auth::AppIntegration *findApp(const QString &nameOrClientId) const;
    // A new active app with a fresh client id, no keys and no scopes.
    Result<auth::AppIntegration> createApp(const QString &name);
    // Registers the public part of `key` (a private key is accepted; only its public part is kept).
    // Its kid is the key's own when it has one, else the RFC 7638 thumbprint. Refuses key types an
    // app may not hold, a kid or public key the app has already.
    Result<auth::AppKey> addAppKey(const QString &clientId, const auth::Key &key);
    // The Result<bool> of these changes is true when something changed, false when the app was so
    // already. Deactivating or deleting a key refuses the tokens issued with the app until now.
    Result<bool> setAppKeyActive(const QString &clientId, const QString &kid, bool active);
    Result<bool> deleteAppKey(const QString &clientId, const QString &kid, SecretStore &secrets);
    Result<bool> grantScope(const QString &clientId, const QString &scope);
    Result<bool> revokeScope(const QString &clientId, const QString &scope);
    Result<bool> setAppActive(const QString &clientId, bool active);
    Result<bool> renameApp(const QString &clientId, const QString &name);
    // Removes the app and the private keys kept for it. Flows that listed it keep the client id in
    // their list (it can no longer get tokens).
    Result<bool> deleteApp(const QString &clientId, SecretStore &secrets);
    // The private key of an app key, kept in the secret store for `wfconsole token` and the request
    // tester ("Keep in keychain for the request tester").
    Result<bool> keepAppPrivateKey(const QString &clientId, const auth::Key &privateKey,
                                   SecretStore &secrets);
    Result<std::optional<auth::Key>> keptAppPrivateKey(const QString &clientId, const QString &kid,
                                                       SecretStore &secrets) const;

    // The access-token signing keys: the current one and retired ones still published.
    const QList<auth::SigningKeyInfo> &signingKeys() const { return m_signingKeys; }
    // The current private signing key, from the secret store; made (and the workspace changed, to be
    // saved) when there is none yet. Retired keys past their publication are dropped.
    // `now` is for tests; it defaults to the current time.
    Result<auth::Key> ensureSigningKey(SecretStore &secrets,
                                       const QDateTime &now = QDateTime::currentDateTimeUtc());
    // A new current signing key; the previous one is retired now and stays published until the
    // tokens it signed have expired.
    Result<auth::SigningKeyInfo> rotateSigningKey(SecretStore &secrets,
                                                  const QDateTime &now = QDateTime::currentDateTimeUtc());

    QString invokeUrl(const Flow &flow) const;
    // With "{executionId}" where the id goes.
    QString resumeUrl(const Flow &flow) const;

private:
    Flow *mutableFlow(const QString &flowId);
    auth::AppIntegration *mutableApp(const QString &clientId);
    // WorkspaceApps.cpp: workspace.json "apps" and "signingKeys", and the sample app of create().
    QStringList readAppsAndSigningKeys(const QJsonObject &root);
    void writeAppsAndSigningKeys(QJsonObject &root) const;
    Result<bool> addSampleApp(SecretStore &secrets);
    Result<bool> dropExpiredSigningKeys(SecretStore &secrets, const QDateTime &now);
    Result<auth::SigningKeyInfo> addSigningKey(SecretStore &secrets, const QDateTime &now);
    Result<QString> checkAppName(const QString &name, const QString &exceptClientId) const;

    QString m_dir;
    QString m_id;
    WorkspaceSettings m_settings;
    QList<Flow> m_flows;
    QList<auth::AppIntegration> m_apps;
    QList<auth::SigningKeyInfo> m_signingKeys;
};

} // namespace wf
