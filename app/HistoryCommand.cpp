// wfconsole history: the executions of a workspace, newest first, from its history.db or from the
// PostgreSQL database its servers share (--database).

#include "Commands.h"
#include "WorkspaceOptions.h"
#include "store/HistoryStore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace wf::cli {

int listHistory(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Lists the executions of a workspace, newest first."));
    parser.addHelpOption();
    addWorkspaceOptions(&parser);
    const QCommandLineOption flow(QStringLiteral("flow"), QStringLiteral("Only this flow (its id or alias)."),
                                  QStringLiteral("flow"));
    const QCommandLineOption status(
        QStringLiteral("status"),
        QStringLiteral("Only this status: success, failed, paused, canceled, timedOut, inProgress."),
        QStringLiteral("status"));
    const QCommandLineOption search(QStringLiteral("search"),
                                    QStringLiteral("Only executions whose data contain this text."),
                                    QStringLiteral("text"));
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("At most this many (default 50)."),
                                   QStringLiteral("n"), QStringLiteral("50"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the executions as JSON."));
    parser.addOptions({flow, status, search, limit, json});
    addDatabaseOption(&parser,
                      QStringLiteral("Read the executions from this PostgreSQL database (%1), the one "
                                     "given to wfconsole serve --database (default: the workspace's "
                                     "history.db)."));
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (const auto done = parseVerbArguments(parser, arguments, "history"))
        return *done;
    const auto database = databaseOption(parser);
    if (!database) {
        err << "wfconsole history: --database: " << database.error().message << Qt::endl;
        return Usage;
    }
    auto opened = openWorkspace(parser, err);
    if (!opened)
        return Failure;
    const Workspace &workspace = opened->workspace;

    HistoryFilter filter;
    if (parser.isSet(flow)) {
        const QString wanted = parser.value(flow);
        const Flow *found = workspace.flowById(wanted);
        if (!found)
            found = workspace.flowByAlias(wanted);
        if (!found) {
            err << "wfconsole history: no flow '" << wanted << "' in this workspace" << Qt::endl;
            return Usage;
        }
        filter.flowId = found->id;
    }
    if (parser.isSet(status)) {
        filter.status = parseExecutionStatusId(parser.value(status));
        if (!filter.status) {
            err << "wfconsole history: unknown status '" << parser.value(status) << "'" << Qt::endl;
            return Usage;
        }
    }
    filter.text = parser.value(search);
    bool limitOk = false;
    filter.limit = parser.value(limit).toInt(&limitOk);
    if (!limitOk || filter.limit < 1) {
        err << "wfconsole history: --limit takes a positive number" << Qt::endl;
        return Usage;
    }

    HistoryStore history;
    const QString location = database->value_or(QDir(workspace.dir()).filePath(QStringLiteral("history.db")));
    if (auto openedHistory = history.open(location); !openedHistory) {
        err << "wfconsole history: " << openedHistory.error().message << Qt::endl;
        return Failure;
    }
    const auto records = history.list(filter);
    if (!records) {
        err << "wfconsole history: " << records.error().message << Qt::endl;
        return Failure;
    }
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const ExecutionRecord &record : *records) {
            array.append(
                QJsonObject{{QStringLiteral("id"), record.id},
                            {QStringLiteral("flowId"), record.flowId},
                            {QStringLiteral("flowName"), record.flowName},
                            {QStringLiteral("kind"), executionKindId(record.kind)},
                            {QStringLiteral("status"), executionStatusId(record.status)},
                            {QStringLiteral("startedAt"), record.startedAt.toString(Qt::ISODateWithMs)},
                            {QStringLiteral("durationUs"), record.durationUs},
                            {QStringLiteral("httpStatus"), record.response.status},
                            {QStringLiteral("caller"), record.caller.address},
                            {QStringLiteral("clientId"), record.caller.clientId},
                            {QStringLiteral("error"), record.error}});
        }
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return Ok;
    }
    if (records->isEmpty())
        out << "no executions\n";
    for (const ExecutionRecord &record : *records) {
        out << record.startedAt.toString(Qt::ISODateWithMs) << "  " << record.id << "  "
            << executionStatusName(record.status).leftJustified(11) << ' ' << record.response.status << "  "
            << record.flowName << " (" << executionKindId(record.kind) << ", "
            << QString::number(record.durationUs / 1000.0, 'f', 1) << " ms)";
        if (!record.error.isEmpty())
            out << "  " << record.error;
        out << '\n';
    }
    return Ok;
}

} // namespace wf::cli
