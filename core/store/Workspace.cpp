#include "store/Workspace.h"

#include "Ids.h"
#include "endpoint/ClientToken.h"
#include "engine/CardCatalogue.h"
#include "flow/FlowJson.h"
#include "flow/FlowValidator.h"
#include "store/SecretStore.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace wf {
namespace {

constexpr qsizetype kMaxWorkspaceFileSize = 64 * 1024 * 1024;

QJsonObject settingsToJson(const WorkspaceSettings &s)
{
    return QJsonObject{{QStringLiteral("host"), s.host},
                       {QStringLiteral("port"), s.port},
                       {QStringLiteral("publicBaseUrl"), s.publicBaseUrl},
                       {QStringLiteral("bodyLimitBytes"), s.bodyLimitBytes},
                       {QStringLiteral("rateLimitPerSecond"), s.rateLimitPerSecond},
                       {QStringLiteral("timeoutSeconds"), s.timeoutSeconds},
                       {QStringLiteral("historyRetentionDays"), s.historyRetentionDays},
                       {QStringLiteral("pausedRetentionDays"), s.pausedRetentionDays},
                       {QStringLiteral("tlsCertificatePath"), s.tlsCertificatePath},
                       {QStringLiteral("tlsKeyPath"), s.tlsKeyPath}};
}

Result<WorkspaceSettings> settingsFromJson(const QJsonObject &o)
{
    WorkspaceSettings s;
    s.host = o.value(QLatin1String("host")).toString(s.host);
    const int port = o.value(QLatin1String("port")).toInt(s.port);
    if (port < 1 || port > 65535)
        return makeError(ErrorType::InvalidInput, QStringLiteral("settings.port must be 1-65535"));
    s.port = static_cast<quint16>(port);
    s.publicBaseUrl = o.value(QLatin1String("publicBaseUrl")).toString();
    s.bodyLimitBytes = o.value(QLatin1String("bodyLimitBytes")).toInteger(s.bodyLimitBytes);
    s.rateLimitPerSecond = o.value(QLatin1String("rateLimitPerSecond")).toDouble(s.rateLimitPerSecond);
    s.timeoutSeconds = o.value(QLatin1String("timeoutSeconds")).toInt(s.timeoutSeconds);
    s.historyRetentionDays = o.value(QLatin1String("historyRetentionDays")).toInt(s.historyRetentionDays);
    s.pausedRetentionDays = o.value(QLatin1String("pausedRetentionDays")).toInt(s.pausedRetentionDays);
    if (s.bodyLimitBytes < 1 || s.rateLimitPerSecond < 0 || s.timeoutSeconds < 1 ||
        s.historyRetentionDays < 1 || s.pausedRetentionDays < 1)
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("settings: limits must be positive (rate limit 0 switches it off)"));
    s.tlsCertificatePath = o.value(QLatin1String("tlsCertificatePath")).toString();
    s.tlsKeyPath = o.value(QLatin1String("tlsKeyPath")).toString();
    if (s.tlsCertificatePath.isEmpty() != s.tlsKeyPath.isEmpty())
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("settings: tlsCertificatePath and tlsKeyPath go together"));
    return s;
}

QList<Flow> bundledSampleFlows()
{
    QList<Flow> flows;
    const QDir dir(QStringLiteral(":/samples/flows"));
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        auto parsed = flowjson::parse(file.readAll());
        if (parsed.ok())
            flows.append(std::move(*parsed.flow));
    }
    return flows;
}

} // namespace

QString WorkspaceSettings::baseUrl() const
{
    if (!publicBaseUrl.isEmpty()) {
        QString url = publicBaseUrl;
        while (url.endsWith(QLatin1Char('/')))
            url.chop(1);
        return url;
    }
    const bool bareIpv6 = host.contains(QLatin1Char(':')) && !host.startsWith(QLatin1Char('['));
    const QString shownHost = bareIpv6 ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    const QString scheme = tlsCertificatePath.isEmpty() ? QStringLiteral("http") : QStringLiteral("https");
    return QStringLiteral("%1://%2:%3").arg(scheme, shownHost).arg(port);
}

Result<Workspace> Workspace::open(const QString &dir)
{
    const QString path = QDir(dir).filePath(kFileName);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorType::NotFound,
                         QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    if (file.size() > kMaxWorkspaceFileSize)
        return makeError(ErrorType::LimitExceeded, QStringLiteral("%1 is larger than 64 MiB").arg(path));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(ErrorType::InvalidInput, QStringLiteral("%1 is not valid JSON at offset %2: %3")
                                                      .arg(path)
                                                      .arg(error.offset)
                                                      .arg(error.errorString()));
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("format")).toInt() != 1)
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("%1: unsupported workspace format").arg(path));

    Workspace workspace;
    workspace.m_dir = QDir(dir).absolutePath();
    workspace.m_id = root.value(QLatin1String("id")).toString();
    if (workspace.m_id.isEmpty())
        return makeError(ErrorType::InvalidInput, QStringLiteral("%1: the workspace has no id").arg(path));
    auto settings = settingsFromJson(root.value(QLatin1String("settings")).toObject());
    if (!settings)
        return makeError(settings.error().type, path + QStringLiteral(": ") + settings.error().message);
    workspace.m_settings = *settings;

    QStringList problems;
    FlowLibrary library;
    for (const QJsonValue &value : root.value(QLatin1String("flows")).toArray()) {
        auto parsed = flowjson::parse(value.toObject());
        if (!parsed.flow) {
            problems.append(QStringLiteral("a flow cannot be read"));
            continue;
        }
        for (const FlowProblem &problem : std::as_const(parsed.problems))
            problems.append(QStringLiteral("flow '%1': %2").arg(parsed.flow->id, problem.toString()));
        if (library.find(parsed.flow->id))
            problems.append(QStringLiteral("flow '%1': another flow has the same id").arg(parsed.flow->id));
        library.add(*parsed.flow);
        workspace.m_flows.append(std::move(*parsed.flow));
    }
    problems.append(workspace.readAppsAndSigningKeys(root));
    QHash<QString, QString> aliasOwners; // alias → id of the first flow using it
    for (const Flow &flow : std::as_const(workspace.m_flows)) {
        for (const FlowProblem &problem : validateFlow(flow, CardCatalogue::builtIn(), &library))
            problems.append(QStringLiteral("flow '%1': %2").arg(flow.id, problem.toString()));
        if (!flow.isHelper() && flow.alias.isEmpty())
            problems.append(QStringLiteral("flow '%1': no alias").arg(flow.id));
        if (!flow.isHelper() && !flow.alias.isEmpty()) {
            // flowByAlias() finds only the first: a second flow with the alias could never be invoked.
            const auto owner = aliasOwners.constFind(flow.alias);
            if (owner == aliasOwners.constEnd())
                aliasOwners.insert(flow.alias, flow.id);
            else
                problems.append(
                    QStringLiteral("flow '%1': flow '%2' has the same alias").arg(flow.id, *owner));
        }
    }
    if (!problems.isEmpty())
        return makeError(
            ErrorType::InvalidInput,
            QStringLiteral("%1 has problems:\n  - %2").arg(path, problems.join(QStringLiteral("\n  - "))));
    return workspace;
}

Result<Workspace> Workspace::create(const QString &dir, SecretStore &secrets)
{
    if (QFile::exists(QDir(dir).filePath(kFileName)))
        return makeError(ErrorType::InvalidInput, QStringLiteral("%1 already holds a workspace").arg(dir));
    if (!QDir().mkpath(dir))
        return makeError(ErrorType::Internal, QStringLiteral("cannot create the folder %1").arg(dir));
    Workspace workspace;
    workspace.m_dir = QDir(dir).absolutePath();
    workspace.m_id = randomHex(16);
    for (Flow &flow : bundledSampleFlows()) {
        auto added = workspace.addFlow(std::move(flow), secrets);
        if (!added)
            return added.error();
    }
    if (workspace.m_flows.isEmpty())
        return makeError(ErrorType::Internal,
                         QStringLiteral("the bundled sample flows are missing from this build"));
    auto sampleApp = workspace.addSampleApp(secrets);
    if (!sampleApp)
        return sampleApp.error();
    auto saved = workspace.save();
    if (!saved)
        return saved.error();
    return workspace;
}

Result<Workspace> Workspace::openOrCreate(const QString &dir, SecretStore &secrets)
{
    if (QFile::exists(QDir(dir).filePath(kFileName)))
        return open(dir);
    return create(dir, secrets);
}

QByteArray Workspace::toJson() const
{
    QJsonArray flows;
    for (const Flow &flow : m_flows)
        flows.append(flowjson::toJsonObject(flow));
    QJsonObject root{{QStringLiteral("format"), 1},
                     {QStringLiteral("id"), m_id},
                     {QStringLiteral("settings"), settingsToJson(m_settings)},
                     {QStringLiteral("flows"), flows}};
    writeAppsAndSigningKeys(root);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<bool> Workspace::save() const
{
    const QString path = QDir(m_dir).filePath(kFileName);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorType::Internal,
                         QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    file.write(toJson());
    if (!file.commit())
        return makeError(ErrorType::Internal,
                         QStringLiteral("cannot save %1: %2").arg(path, file.errorString()));
    return true;
}

const Flow *Workspace::flowById(const QString &flowId) const
{
    for (const Flow &flow : m_flows) {
        if (flow.id == flowId)
            return &flow;
    }
    return nullptr;
}

const Flow *Workspace::flowByAlias(const QString &alias) const
{
    for (const Flow &flow : m_flows) {
        if (!flow.isHelper() && flow.alias == alias)
            return &flow;
    }
    return nullptr;
}

Flow *Workspace::mutableFlow(const QString &flowId)
{
    // Non-const iteration detaches the list: a copy of this workspace (a server's snapshot) must
    // never see the change.
    for (Flow &flow : m_flows) {
        if (flow.id == flowId)
            return &flow;
    }
    return nullptr;
}

FlowLibrary Workspace::library() const
{
    FlowLibrary library;
    for (const Flow &flow : m_flows)
        library.add(flow);
    return library;
}

Result<bool> Workspace::addFlow(Flow flow, SecretStore &secrets)
{
    if (flowById(flow.id))
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("a flow with id '%1' exists already").arg(flow.id));
    flow.alias = flow.isHelper() ? QString() : newFlowAlias();
    flow.endpoint.clientTokenHash.clear();
    const QString flowId = flow.id;
    const bool needsToken = !flow.isHelper() && flow.endpoint.security == SecurityLevel::ClientToken;
    m_flows.append(std::move(flow));
    if (needsToken) {
        auto token = regenerateClientToken(flowId, secrets);
        if (!token) {
            m_flows.removeLast(); // never keep a client-token flow whose token could not be stored
            return token.error();
        }
    }
    return true;
}

Result<QString> Workspace::regenerateClientToken(const QString &flowId, SecretStore &secrets)
{
    Flow *flow = mutableFlow(flowId);
    if (!flow)
        return makeError(ErrorType::NotFound, QStringLiteral("no flow '%1'").arg(flowId));
    const QString token = newClientToken();
    auto stored = secrets.write(clientTokenSecretKey(m_id, flowId), token);
    if (!stored)
        return stored.error();
    flow->endpoint.clientTokenHash = clientTokenHash(token);
    return token;
}

QString Workspace::invokeUrl(const Flow &flow) const
{
    return m_settings.baseUrl() + QStringLiteral("/api/flo/") + flow.alias + QStringLiteral("/invoke");
}

QString Workspace::resumeUrl(const Flow &flow) const
{
    return m_settings.baseUrl() + QStringLiteral("/api/flo/") + flow.alias +
           QStringLiteral("/resume/{executionId}");
}

} // namespace wf
