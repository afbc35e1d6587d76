#include "editor/TestRun.h"

#include "Ids.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>

namespace wf::ui::testrun {

Outcome run(const Flow &flow, const FlowLibrary &library, const Request &request, int timeoutSeconds,
            const std::shared_ptr<std::atomic_bool> &cancel)
{
    Outcome outcome;
    outcome.executionId = newExecutionId();
    RunOptions options;
    options.executionId = outcome.executionId;
    options.library = &library;
    options.deadline = QDeadlineTimer(static_cast<qint64>(timeoutSeconds) * 1000);
    options.cancel = cancel;
    options.recordTrace = true;
    const Executor executor;
    if (flow.isHelper()) {
        QJsonParseError error{};
        const QJsonDocument inputs =
            QJsonDocument::fromJson(request.body.isEmpty() ? QByteArrayLiteral("{}") : request.body, &error);
        if (error.error != QJsonParseError::NoError || !inputs.isObject()) {
            outcome.error = QCoreApplication::translate("wf::ui::TestFlowPanel",
                                                        "The inputs of a helper flow are a JSON object.");
            return outcome;
        }
        outcome.result = executor.runHelper(flow, inputs.object(), options);
    } else {
        EventData event;
        event.method = request.method;
        event.headers = request.headers;
        event.rawQuery = request.rawQuery;
        event.body = request.body;
        event.executionId = outcome.executionId;
        event.security = flow.endpoint.security;
        outcome.result = executor.run(flow, event, options);
    }
    outcome.answer = answerFor(outcome.result, outcome.executionId);
    outcome.answer.setHeader(QByteArrayLiteral("X-Execution-Id"), outcome.executionId.toLatin1());
    return outcome;
}

QByteArray sampleBody(const Flow &flow)
{
    QJsonObject body;
    for (const FieldDecl &field : flow.isHelper() ? flow.event.inputs : flow.event.body)
        body.insert(field.name, emptyValueOf(field.type));
    return QJsonDocument(body).toJson(QJsonDocument::Indented);
}

QString sampleQuery(const Flow &flow)
{
    QStringList parts;
    for (const FieldDecl &field : flow.event.query)
        parts.append(QString::fromUtf8(QUrl::toPercentEncoding(field.name)) + QLatin1Char('='));
    return parts.join(QLatin1Char('&'));
}

QString sampleHeaders(const Flow &flow)
{
    QStringList lines;
    for (const FieldDecl &field : flow.event.headers)
        lines.append(field.name + QStringLiteral(": "));
    return lines.join(QLatin1Char('\n'));
}

HeaderList parseHeaders(const QString &text)
{
    HeaderList headers;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            continue;
        headers.append({line.left(colon).trimmed().toLatin1(), line.mid(colon + 1).trimmed().toUtf8()});
    }
    return headers;
}

} // namespace wf::ui::testrun
