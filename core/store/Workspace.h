#pragma once

// A workspace ("the org"): flows and settings in `workspace.json` inside a folder (human-readable,
// keys sorted, written atomically). Secrets are not in it: client tokens live in a SecretStore and
// the workspace keeps only their SHA-256.

#include "Result.h"
#include "flow/Flow.h"
#include "flow/FlowLibrary.h"

#include <QList>
#include <QString>

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
    // A new client token for the flow: the old one stops working at once. Returns the token.
    Result<QString> regenerateClientToken(const QString &flowId, SecretStore &secrets);

    QString invokeUrl(const Flow &flow) const;
    // With "{executionId}" where the id goes.
    QString resumeUrl(const Flow &flow) const;

private:
    Flow *mutableFlow(const QString &flowId);

    QString m_dir;
    QString m_id;
    WorkspaceSettings m_settings;
    QList<Flow> m_flows;
};

} // namespace wf
