// wfconsole flows: every flow of a workspace with its alias, state, security level and URLs.

#include "Commands.h"
#include "WorkspaceOptions.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace wf::cli {
namespace {

// Client-token flows: the URL with the clientToken parameter when the token can be read.
QString withToken(const QString &url, const std::optional<QString> &token)
{
    return token ? url + QStringLiteral("?clientToken=") + *token : url;
}

} // namespace

int listFlows(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Lists the flows of a workspace with their Invoke and Resume URLs."));
    parser.addHelpOption();
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the flows as JSON."));
    parser.addOption(json);
    addWorkspaceOptions(&parser);
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (const auto done = parseVerbArguments(parser, arguments, "flows"))
        return *done;
    auto opened = openWorkspace(parser, err);
    if (!opened)
        return Failure;
    const Workspace &workspace = opened->workspace;

    QJsonArray array;
    for (const Flow &flow : workspace.flows()) {
        QJsonObject o{{QStringLiteral("id"), flow.id},
                      {QStringLiteral("name"), flow.name},
                      {QStringLiteral("active"), flow.active}};
        if (flow.isHelper()) {
            o.insert(QStringLiteral("helper"), true);
        } else {
            std::optional<QString> token;
            if (flow.endpoint.security == SecurityLevel::ClientToken) {
                auto read = opened->secrets->read(clientTokenSecretKey(workspace.id(), flow.id));
                if (read)
                    token = *read;
                else
                    err << "wfconsole: the client token of '" << flow.id
                        << "' cannot be read: " << read.error().message << Qt::endl;
            }
            o.insert(QStringLiteral("alias"), flow.alias);
            o.insert(QStringLiteral("security"), securityLevelId(flow.endpoint.security));
            o.insert(QStringLiteral("invokeUrl"), withToken(workspace.invokeUrl(flow), token));
            o.insert(QStringLiteral("resumeUrl"), withToken(workspace.resumeUrl(flow), token));
        }
        array.append(o);
    }
    if (parser.isSet(json)) {
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return Ok;
    }
    for (const QJsonValue &value : std::as_const(array)) {
        const QJsonObject o = value.toObject();
        out << o.value(QLatin1String("name")).toString() << "  [" << o.value(QLatin1String("id")).toString()
            << "]  " << (o.value(QLatin1String("active")).toBool() ? "on" : "off");
        if (o.value(QLatin1String("helper")).toBool()) {
            out << "  helper flow\n";
            continue;
        }
        const auto level = parseSecurityLevel(o.value(QLatin1String("security")).toString());
        out << "  " << securityLevelDisplayName(level.value_or(SecurityLevel::None)) << '\n'
            << "    alias:  " << o.value(QLatin1String("alias")).toString() << '\n'
            << "    invoke: " << o.value(QLatin1String("invokeUrl")).toString() << '\n'
            << "    resume: " << o.value(QLatin1String("resumeUrl")).toString() << '\n';
    }
    return Ok;
}

} // namespace wf::cli
