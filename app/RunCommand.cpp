// wfconsole run: runs one flow file on a request given on the command line, without any server, and
// prints the HTTP answer the invoke endpoint would give.

#include "Commands.h"
#include "Ids.h"
#include "endpoint/ResponseShaper.h"
#include "engine/Executor.h"
#include "flow/FlowLibrary.h"
#include "flow/FlowValidator.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>
#include <QUrl>

namespace wf::cli {
namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

bool readFile(const QString &path, qint64 limit, QByteArray *data)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        err() << "wfconsole: cannot read " << path << ": " << file.errorString() << Qt::endl;
        return false;
    }
    if (file.size() > limit) {
        err() << "wfconsole: " << path << " is larger than " << (limit >> 20) << " MiB" << Qt::endl;
        return false;
    }
    *data = file.readAll();
    return true;
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void printTrace(const Trace &trace)
{
    out() << "\n--- trace (" << trace.size() << (trace.size() == 1 ? " card" : " cards") << ") ---\n";
    int number = 0;
    for (const TraceEntry &entry : trace) {
        const QString indent(entry.depth * 2, QLatin1Char(' '));
        out() << indent << '#' << ++number << ' ' << entry.cardId << " (" << entry.name << ", "
              << entry.function << ") " << entry.durationUs << " us\n";
        out() << indent << "  inputs:  " << compact(entry.inputs) << '\n';
        if (entry.error)
            out() << indent << "  error:   " << errorTypeName(entry.error->type) << ": "
                  << entry.error->message << '\n';
        else
            out() << indent << "  outputs: " << compact(entry.outputs) << '\n';
    }
}

QJsonObject answerToJson(const HttpAnswer &answer, const RunResult &result, const QString &executionId)
{
    QJsonObject headers;
    for (const auto &[name, value] : answer.headers)
        headers.insert(QString::fromLatin1(name), QString::fromUtf8(value));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(answer.body, &error);
    QJsonObject o{{QStringLiteral("status"), answer.status},
                  {QStringLiteral("headers"), headers},
                  {QStringLiteral("body"), error.error != QJsonParseError::NoError
                                               ? QJsonValue(QString::fromUtf8(answer.body))
                                           : doc.isArray() ? QJsonValue(doc.array())
                                                           : QJsonValue(doc.object())},
                  {QStringLiteral("executionId"), executionId},
                  {QStringLiteral("executionStatus"), executionStatusId(result.status)},
                  {QStringLiteral("durationUs"), result.durationUs},
                  {QStringLiteral("trace"), traceToJson(result.trace)}};
    if (result.continuation)
        o.insert(QStringLiteral("continuation"), result.continuation->toJson());
    return o;
}

bool parseHeaders(const QStringList &values, HeaderList *headers)
{
    for (const QString &value : values) {
        const qsizetype colon = value.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            err() << "wfconsole: --header takes 'Name: value', not '" << value << "'" << Qt::endl;
            return false;
        }
        headers->append({value.left(colon).trimmed().toLatin1(), value.mid(colon + 1).trimmed().toUtf8()});
    }
    return true;
}

QByteArray buildQuery(const QStringList &values)
{
    QByteArrayList parts;
    for (const QString &value : values) {
        const qsizetype eq = value.indexOf(QLatin1Char('='));
        const QString key = eq < 0 ? value : value.left(eq);
        const QString item = eq < 0 ? QString() : value.mid(eq + 1);
        parts.append(QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(item));
    }
    return parts.join('&');
}

} // namespace

int runFlow(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Runs a flow locally and prints the HTTP answer it would give."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("flow"), QStringLiteral("The flow file (JSON)."));
    const QCommandLineOption body({QStringLiteral("b"), QStringLiteral("body")},
                                  QStringLiteral("Request body."), QStringLiteral("text"));
    const QCommandLineOption bodyFile(QStringLiteral("body-file"),
                                      QStringLiteral("Read the request body from a file."),
                                      QStringLiteral("file"));
    const QCommandLineOption query({QStringLiteral("q"), QStringLiteral("query")},
                                   QStringLiteral("Query parameter (repeatable)."),
                                   QStringLiteral("name=value"));
    const QCommandLineOption header({QStringLiteral("H"), QStringLiteral("header")},
                                    QStringLiteral("Request header (repeatable)."),
                                    QStringLiteral("Name: value"));
    const QCommandLineOption method({QStringLiteral("X"), QStringLiteral("method")},
                                    QStringLiteral("HTTP method (default POST with a body, else GET)."),
                                    QStringLiteral("method"));
    const QCommandLineOption trace(QStringLiteral("trace"),
                                   QStringLiteral("Print every card's inputs, outputs and time."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print the answer and trace as one JSON object."));
    const QCommandLineOption flows(
        QStringLiteral("flows"), QStringLiteral("Folder of helper flows (default: the flow file's folder)."),
        QStringLiteral("dir"));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
                                     QStringLiteral("Time limit in seconds (default 60)."),
                                     QStringLiteral("seconds"), QStringLiteral("60"));
    const QCommandLineOption saveContinuation(
        QStringLiteral("save-continuation"),
        QStringLiteral("When the flow pauses, write what resuming needs to this file."),
        QStringLiteral("file"));
    const QCommandLineOption resume(
        QStringLiteral("resume"),
        QStringLiteral("Resume a paused execution saved with --save-continuation; the body is "
                       "the resume request's body."),
        QStringLiteral("file"));
    parser.addOptions(
        {body, bodyFile, query, header, method, trace, json, flows, timeout, saveContinuation, resume});
    if (const auto done = parseVerbArguments(parser, arguments, "run"))
        return *done;
    if (parser.positionalArguments().size() != 1) {
        err() << "wfconsole run: give exactly one flow file (wfconsole run --help)" << Qt::endl;
        return Usage;
    }
    const QString flowPath = parser.positionalArguments().first();

    EventData event;
    if (!parseHeaders(parser.values(header), &event.headers))
        return Usage;
    if (parser.isSet(body) && parser.isSet(bodyFile)) {
        err() << "wfconsole run: give --body or --body-file, not both" << Qt::endl;
        return Usage;
    }
    if (parser.isSet(bodyFile) && !readFile(parser.value(bodyFile), 10 << 20, &event.body))
        return Failure;
    if (parser.isSet(body))
        event.body = parser.value(body).toUtf8();
    if (!event.body.isEmpty() && event.header("content-type").isEmpty())
        event.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    event.method = parser.isSet(method)
                       ? parser.value(method).toUpper().toLatin1()
                       : (event.body.isEmpty() ? QByteArrayLiteral("GET") : QByteArrayLiteral("POST"));
    event.rawQuery = buildQuery(parser.values(query));
    event.executionId = newExecutionId();

    bool timeoutOk = false;
    const double seconds = parser.value(timeout).toDouble(&timeoutOk);
    if (!timeoutOk || seconds <= 0) {
        err() << "wfconsole run: --timeout takes a positive number of seconds" << Qt::endl;
        return Usage;
    }

    QStringList libraryProblems;
    const QString flowDir = parser.isSet(flows) ? parser.value(flows) : QFileInfo(flowPath).absolutePath();
    const FlowLibrary library = FlowLibrary::loadDirectory(flowDir, &libraryProblems);

    QByteArray flowJson;
    if (!readFile(flowPath, kMaxFlowFileSize, &flowJson))
        return Failure;
    const FlowParseResult loaded = loadFlow(flowJson, CardCatalogue::builtIn(), &library);
    if (!loaded.ok()) {
        err() << "wfconsole: " << flowPath << " is not a valid flow:" << Qt::endl;
        for (const FlowProblem &problem : loaded.problems)
            err() << "  - " << problem.toString() << Qt::endl;
        return InvalidFlow;
    }

    RunOptions options;
    options.executionId = event.executionId;
    options.library = &library;
    options.deadline = QDeadlineTimer(static_cast<qint64>(seconds * 1000));
    const Executor executor;
    RunResult result;
    if (parser.isSet(resume)) {
        QByteArray saved;
        if (!readFile(parser.value(resume), 64 << 20, &saved))
            return Failure;
        const auto continuation = Continuation::fromJson(QJsonDocument::fromJson(saved).object());
        if (!continuation || continuation->flowId != loaded.flow->id) {
            err() << "wfconsole run: " << parser.value(resume) << " is not a paused execution of this flow"
                  << Qt::endl;
            return Usage;
        }
        if (!continuation->executionId.isEmpty())
            event.executionId = options.executionId = continuation->executionId;
        result = executor.resume(*loaded.flow, *continuation, ResumeData{event.body, event.headers}, options);
    } else if (loaded.flow->isHelper()) {
        // A helper flow's inputs are the fields of the JSON body.
        const QJsonDocument inputs = QJsonDocument::fromJson(event.body);
        if (!event.body.isEmpty() && !inputs.isObject()) {
            err() << "wfconsole run: a helper flow takes its inputs as a JSON object in --body" << Qt::endl;
            return Usage;
        }
        result = executor.runHelper(*loaded.flow, inputs.object(), options);
    } else {
        result = executor.run(*loaded.flow, event, options);
    }

    HttpAnswer answer = answerFor(result, event.executionId);
    answer.setHeader(QByteArrayLiteral("X-Execution-Id"), event.executionId.toLatin1());
    if (result.continuation && parser.isSet(saveContinuation)) {
        QSaveFile file(parser.value(saveContinuation));
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(QJsonDocument(result.continuation->toJson()).toJson()) < 0 || !file.commit()) {
            err() << "wfconsole run: cannot write " << file.fileName() << ": " << file.errorString()
                  << Qt::endl;
            return Failure;
        }
    }

    if (parser.isSet(json)) {
        out()
            << QJsonDocument(answerToJson(answer, result, event.executionId)).toJson(QJsonDocument::Indented);
        return Ok;
    }
    out() << "HTTP/1.1 " << answer.status << ' ' << reasonPhrase(answer.status) << '\n';
    for (const auto &[name, value] : answer.headers)
        out() << QString::fromLatin1(name) << ": " << QString::fromUtf8(value) << '\n';
    out() << '\n' << QString::fromUtf8(answer.body) << '\n';
    if (result.status == ExecutionStatus::Paused)
        out() << "\n(paused: "
              << (parser.isSet(saveContinuation)
                      ? QStringLiteral("resume with --resume ") + parser.value(saveContinuation)
                      : QStringLiteral("use --save-continuation FILE to resume later"))
              << ")\n";
    if (result.early)
        out() << "\n(answered early by Close; the flow then ended: " << executionStatusName(result.status)
              << ")\n";
    if (parser.isSet(trace))
        printTrace(result.trace);
    return Ok;
}

} // namespace wf::cli
