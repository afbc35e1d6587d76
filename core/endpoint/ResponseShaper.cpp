#include "endpoint/ResponseShaper.h"

#include <QJsonDocument>

namespace wf {
namespace {

const QByteArray kJson = QByteArrayLiteral("application/json");
const QByteArray kText = QByteArrayLiteral("text/plain; charset=utf-8");

HttpAnswer jsonAnswer(int status, const QJsonObject &object)
{
    HttpAnswer answer;
    answer.status = status;
    answer.headers.append({QByteArrayLiteral("Content-Type"), kJson});
    answer.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return answer;
}

bool isHopByHop(const QString &name)
{
    return name.compare(QLatin1String("content-length"), Qt::CaseInsensitive) == 0 ||
           name.compare(QLatin1String("transfer-encoding"), Qt::CaseInsensitive) == 0 ||
           name.compare(QLatin1String("connection"), Qt::CaseInsensitive) == 0;
}

HttpAnswer rawAnswer(const FlowOutcome &outcome)
{
    HttpAnswer answer;
    answer.status = outcome.statusCode;
    answer.body = outcome.body.toUtf8();
    QJsonParseError error{};
    QJsonDocument::fromJson(answer.body, &error);
    answer.headers.append(
        {QByteArrayLiteral("Content-Type"),
         !answer.body.isEmpty() && error.error == QJsonParseError::NoError ? kJson : kText});
    for (auto it = outcome.headers.begin(); it != outcome.headers.end(); ++it) {
        if (!isHopByHop(it.key()))
            answer.setHeader(it.key().toLatin1(), it.value().toString().toUtf8());
    }
    return answer;
}

QJsonObject withExecution(QJsonObject object, const QString &executionId)
{
    if (!executionId.isEmpty())
        object.insert(QStringLiteral("executionId"), executionId);
    return object;
}

} // namespace

QByteArray HttpAnswer::header(const QByteArray &name) const
{
    return headerValue(headers, name);
}

void HttpAnswer::setHeader(const QByteArray &name, const QByteArray &value)
{
    headers.removeIf([&](const auto &entry) { return entry.first.compare(name, Qt::CaseInsensitive) == 0; });
    headers.append({name, value});
}

HttpAnswer errorAnswer(int status, const QString &code, const QString &description,
                       const QString &executionId)
{
    return jsonAnswer(status, withExecution(QJsonObject{{QStringLiteral("error"), code},
                                                        {QStringLiteral("error_description"), description}},
                                            executionId));
}

HttpAnswer shapeResponse(const FlowOutcome &outcome, const QString &executionId)
{
    using K = FlowOutcome::Kind;
    switch (outcome.kind) {
    case K::NoReturn:
        return jsonAnswer(200, {});
    case K::Return:
    case K::Pause:
        return jsonAnswer(200, outcome.fields);
    case K::ContinueIfStopped:
        return jsonAnswer(200, outcome.message.isEmpty()
                                   ? QJsonObject()
                                   : QJsonObject{{QStringLiteral("message"), outcome.message}});
    case K::ReturnRaw:
    case K::PauseRaw:
    case K::Close:
        return rawAnswer(outcome);
    case K::ReturnError:
        return jsonAnswer(
            outcome.statusCode,
            withExecution(QJsonObject{{QStringLiteral("error"), outcome.message}}, executionId));
    case K::CardError:
        return jsonAnswer(
            500, withExecution(QJsonObject{{QStringLiteral("error"), outcome.message}}, executionId));
    case K::BadRequest:
        return errorAnswer(400, QStringLiteral("invalid_request"), outcome.message, executionId);
    case K::TimedOut:
        return errorAnswer(504, QStringLiteral("timeout"),
                           outcome.message +
                               QStringLiteral("; raise the flow timeout or make the flow faster"),
                           executionId);
    case K::Canceled:
        return errorAnswer(503, QStringLiteral("canceled"), outcome.message, executionId);
    }
    return jsonAnswer(500, {});
}

HttpAnswer answerFor(const RunResult &result, const QString &executionId)
{
    return shapeResponse(result.early ? *result.early : result.outcome, executionId);
}

QString reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QStringLiteral("OK");
    case 204:
        return QStringLiteral("No Content");
    case 400:
        return QStringLiteral("Bad Request");
    case 401:
        return QStringLiteral("Unauthorized");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("Not Found");
    case 405:
        return QStringLiteral("Method Not Allowed");
    case 409:
        return QStringLiteral("Conflict");
    case 413:
        return QStringLiteral("Payload Too Large");
    case 415:
        return QStringLiteral("Unsupported Media Type");
    case 418:
        return QStringLiteral("I'm a teapot");
    case 422:
        return QStringLiteral("Unprocessable Entity");
    case 423:
        return QStringLiteral("Locked");
    case 424:
        return QStringLiteral("Failed Dependency");
    case 428:
        return QStringLiteral("Precondition Required");
    case 431:
        return QStringLiteral("Request Header Fields Too Large");
    case 451:
        return QStringLiteral("Unavailable For Legal Reasons");
    case 402:
        return QStringLiteral("Payment Required");
    case 406:
        return QStringLiteral("Not Acceptable");
    case 408:
        return QStringLiteral("Request Timeout");
    case 410:
        return QStringLiteral("Gone");
    case 411:
        return QStringLiteral("Length Required");
    case 412:
        return QStringLiteral("Precondition Failed");
    case 414:
        return QStringLiteral("URI Too Long");
    case 501:
        return QStringLiteral("Not Implemented");
    case 429:
        return QStringLiteral("Too Many Requests");
    case 500:
        return QStringLiteral("Internal Server Error");
    case 502:
        return QStringLiteral("Bad Gateway");
    case 503:
        return QStringLiteral("Service Unavailable");
    case 504:
        return QStringLiteral("Gateway Timeout");
    default:
        break;
    }
    return status >= 500   ? QStringLiteral("Server Error")
           : status >= 400 ? QStringLiteral("Client Error")
                           : QString();
}

} // namespace wf
