#pragma once

// Fixtures shared by the executor tests: flows built from JSON snippets, requests, run options and the
// bundled samples.

#include "endpoint/ResponseShaper.h"
#include "engine/CardCatalogue.h"
#include "engine/Executor.h"
#include "flow/FlowJson.h"
#include "flow/FlowLibrary.h"
#include "flow/FlowValidator.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>
#include <atomic>
#include <memory>
#include <thread>

namespace wf::exectest {

inline const QString kExecutionId = QStringLiteral("exec-1");

inline QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// Compact JSON of any value, for readable comparisons.
inline QString jsonText(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

inline QJsonValue json(const char *literal)
{
    const QByteArray wrapped = QByteArrayLiteral("[") + QByteArray(literal) + QByteArrayLiteral("]");
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(wrapped, &error);
    Q_ASSERT(error.error == QJsonParseError::NoError);
    return doc.array().at(0);
}

inline QJsonObject object(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

inline QString describe(const QList<FlowProblem> &problems)
{
    QStringList lines;
    for (const FlowProblem &problem : problems)
        lines.append(problem.toString());
    return lines.join(QLatin1Char('\n'));
}

inline const char *const kDefaultEvent = R"({"type": "apiEndpoint",
    "body": [{"name": "name", "type": "text"}, {"name": "count", "type": "number"}, {"name": "flag", "type": "boolean"},
             {"name": "items", "type": "list<object>"}, {"name": "profile", "type": "object"}],
    "query": [{"name": "q", "type": "text"}, {"name": "n", "type": "number"}],
    "headers": [{"name": "x-h", "type": "text"}]})";

inline QByteArray endpointFlow(const char *cards, const char *event = kDefaultEvent, const char *id = "t")
{
    QByteArray json = QByteArrayLiteral(R"({"format": 1, "id": ")");
    json += id;
    json += R"(", "name": "Test flow", "event": )";
    json += event;
    json += R"(, "cards": )";
    json += cards;
    json += '}';
    return json;
}

inline QByteArray helperFlow(const char *id, const char *name, const char *inputs, const char *cards)
{
    QByteArray json = QByteArrayLiteral(R"({"format": 1, "id": ")");
    json += id;
    json += R"(", "name": ")";
    json += name;
    json += R"(", "event": {"type": "helperFlow", "inputs": )";
    json += inputs;
    json += R"(}, "cards": )";
    json += cards;
    json += '}';
    return json;
}

// Parses and validates; a flow that does not load fails the test (see LOAD_FLOW).
inline FlowParseResult loadChecked(const QByteArray &json, const FlowLibrary *library = nullptr)
{
    return loadFlow(json, CardCatalogue::builtIn(), library);
}

// Hidden from moc: it expands the macro over raw-string arguments it cannot parse.
#ifndef Q_MOC_RUN
#define LOAD_FLOW(var, json, library)                                                                        \
    const FlowParseResult var##Loaded = loadChecked(json, library);                                          \
    QVERIFY2(var##Loaded.ok(), qPrintable(describe(var##Loaded.problems)));                                  \
    const Flow &var = *var##Loaded.flow
#endif

inline void addToLibrary(FlowLibrary *library, const QByteArray &json)
{
    FlowParseResult parsed = flowjson::parse(json);
    if (!parsed.ok())
        qFatal("test helper flow does not parse: %s", qPrintable(describe(parsed.problems)));
    library->add(std::move(*parsed.flow));
}

inline EventData request(const QByteArray &body = {}, const QByteArray &contentType = "application/json",
                         const QByteArray &query = {}, const HeaderList &headers = {})
{
    EventData event;
    event.method = "POST";
    event.body = body;
    event.rawQuery = query;
    event.executionId = kExecutionId;
    if (!contentType.isEmpty())
        event.headers.append({QByteArrayLiteral("Content-Type"), contentType});
    event.headers += headers;
    return event;
}

inline RunOptions options(const FlowLibrary *library = nullptr)
{
    RunOptions options;
    options.executionId = kExecutionId;
    options.library = library;
    return options;
}

inline RunResult run(const Flow &flow, const EventData &event = request(),
                     const RunOptions &runOptions = options())
{
    return Executor().run(flow, event, runOptions);
}

inline QStringList tracedIds(const Trace &trace)
{
    QStringList ids;
    for (const TraceEntry &entry : trace)
        ids.append(entry.cardId);
    return ids;
}

inline QString samplesDir()
{
    return QStringLiteral(WF_SOURCE_DIR "/resources/samples/flows");
}

inline QByteArray readSample(const QString &name)
{
    QFile file(QDir(samplesDir()).filePath(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// A helper flow that doubles `n` and returns the result as text (so callers see conversions).
inline const char *const kDoubleHelper = R"([
    {"id": "mul", "function": "number.multiply", "inputs": [{"name": "a", "ref": "event.n"}, {"name": "b", "value": 2}]},
    {"id": "return", "function": "flow.return", "inputs": [{"name": "result", "type": "text", "ref": "mul.result"},
                                                           {"name": "label", "type": "text", "value": "doubled"}]}])";

inline const char *const kPauseFlow = R"([
    {"id": "summary", "function": "text.compose", "inputs": [{"name": "template", "value": "{{n}} items"}, {"name": "n", "type": "number", "ref": "event.body.count"}]},
    {"id": "wait", "function": "flow.pause", "inputs": [{"name": "status", "value": "pending"}, {"name": "summary", "ref": "summary.output"}],
     "outputs": [{"name": "approved", "type": "boolean"}, {"name": "approver", "type": "text"}, {"name": "count", "type": "number"}]},
    {"id": "return", "function": "flow.return", "inputs": [
        {"name": "approved", "ref": "wait.approved"}, {"name": "approver", "ref": "wait.approver"}, {"name": "count", "ref": "wait.count"},
        {"name": "summary", "ref": "summary.output"}, {"name": "original", "ref": "event.body.count"}]}])";

} // namespace wf::exectest
