#pragma once

// Shared by the workspace test classes (tst_workspace: creating, opening and saving; tst_workspaceflows:
// client tokens, adding flows, URLs and lookups): reading and changing workspace.json, the bundled
// samples, and a secret store that records its writes.

#include "endpoint/ClientToken.h"
#include "flow/FlowJson.h"
#include "store/SecretStore.h"
#include "store/Workspace.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <functional>

namespace wf::workspacetest {

inline QString s(const char *text)
{
    return QString::fromUtf8(text);
}

inline bool isLowerHex(const QString &text, qsizetype length)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]*$"));
    return text.size() == length && pattern.match(text).hasMatch();
}

inline QByteArray readBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

inline bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

inline QString workspaceFile(const QString &dir)
{
    return QDir(dir).filePath(Workspace::kFileName);
}

inline QJsonObject readRoot(const QString &dir)
{
    return QJsonDocument::fromJson(readBytes(workspaceFile(dir))).object();
}

inline QByteArray toBytes(const QJsonObject &root)
{
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

inline QString settingsText(const WorkspaceSettings &s)
{
    return QStringLiteral("host=%1 port=%2 publicBaseUrl=%3 bodyLimitBytes=%4 rate=%5 timeout=%6 history=%7 "
                          "paused=%8")
        .arg(s.host)
        .arg(s.port)
        .arg(s.publicBaseUrl)
        .arg(s.bodyLimitBytes)
        .arg(s.rateLimitPerSecond)
        .arg(s.timeoutSeconds)
        .arg(s.historyRetentionDays)
        .arg(s.pausedRetentionDays);
}

inline QJsonArray flowsJson(const Workspace &workspace)
{
    QJsonArray flows;
    for (const Flow &flow : workspace.flows())
        flows.append(flowjson::toJsonObject(flow));
    return flows;
}

inline QString errorText(const Error &error)
{
    return errorTypeName(error.type) + QStringLiteral(": ") + error.message;
}

// The bundled samples as compiled in: flow id → file contents.
inline QList<Flow> bundledSamples()
{
    QList<Flow> flows;
    const QDir dir(QStringLiteral(":/samples/flows"));
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const FlowParseResult parsed = flowjson::parse(readBytes(dir.filePath(name)));
        if (parsed.flow)
            flows.append(*parsed.flow);
    }
    return flows;
}

// Records every write; can be told to fail them.
class RecordingSecretStore final : public SecretStore {
public:
    Result<std::optional<QString>> read(const QString &key) override { return m_inner.read(key); }
    Result<bool> write(const QString &key, const QString &secret) override
    {
        if (failWrites)
            return makeError(ErrorType::Internal, QStringLiteral("the keychain is locked"));
        writtenKeys.append(key);
        return m_inner.write(key, secret);
    }
    Result<bool> remove(const QString &key) override { return m_inner.remove(key); }
    QString kind() const override { return QStringLiteral("recording"); }

    bool failWrites = false;
    QStringList writtenKeys;

private:
    MemorySecretStore m_inner;
};

inline QString storedSecret(SecretStore &store, const QString &key)
{
    const auto result = store.read(key);
    if (!result || !result->has_value())
        return {};
    return **result;
}

// Changes the flow `flowId` of a workspace root object.
inline QJsonObject withFlow(QJsonObject root, const QString &flowId,
                            const std::function<void(QJsonObject &)> &change)
{
    QJsonArray flows = root.value(QLatin1String("flows")).toArray();
    for (qsizetype i = 0; i < flows.size(); ++i) {
        QJsonObject flow = flows.at(i).toObject();
        if (flow.value(QLatin1String("id")).toString() == flowId) {
            change(flow);
            flows.replace(i, flow);
        }
    }
    root.insert(QStringLiteral("flows"), flows);
    return root;
}

inline QJsonObject withoutFlow(QJsonObject root, const QString &flowId)
{
    QJsonArray flows;
    for (const QJsonValue &flow : root.value(QLatin1String("flows")).toArray()) {
        if (flow.toObject().value(QLatin1String("id")).toString() != flowId)
            flows.append(flow);
    }
    root.insert(QStringLiteral("flows"), flows);
    return root;
}

inline QJsonObject withSetting(QJsonObject root, const char *key, const QJsonValue &value)
{
    QJsonObject settings = root.value(QLatin1String("settings")).toObject();
    settings.insert(s(key), value);
    root.insert(QStringLiteral("settings"), settings);
    return root;
}

inline QJsonObject findFlow(const QJsonObject &root, const QString &flowId)
{
    for (const QJsonValue &flow : root.value(QLatin1String("flows")).toArray()) {
        if (flow.toObject().value(QLatin1String("id")).toString() == flowId)
            return flow.toObject();
    }
    return {};
}

// What most tests start from: a workspace created from the bundled samples in a new temporary folder,
// with its secrets in a `Store`. Verify `created` first:
//     CreatedWorkspace<MemorySecretStore> f;
//     QVERIFY2(f.created.ok(), qPrintable(f.problem()));
template <typename Store>
struct CreatedWorkspace {
    CreatedWorkspace()
        : created(dir.isValid() ? Workspace::create(dir.path(), secrets)
                                : Result<Workspace>(
                                      makeError(ErrorType::Internal, QStringLiteral("no temporary folder"))))
    {}

    // Why the workspace could not be created; empty when it was.
    QString problem() const { return created.ok() ? QString() : errorText(created.error()); }

    QTemporaryDir dir;
    Store secrets;
    Result<Workspace> created;
};

} // namespace wf::workspacetest
