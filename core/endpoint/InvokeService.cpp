#include "endpoint/InvokeService.h"

#include "Ids.h"
#include "WaitScope.h"
#include "endpoint/ClientToken.h"
#include "endpoint/OpenApi.h"
#include "store/ExecutionRecord.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QUrl>
#include <condition_variable>
#include <mutex>

namespace wf {

Q_LOGGING_CATEGORY(lcEndpoint, "wf.server")

namespace {

const QByteArray kAllowFlowMethods = QByteArrayLiteral("GET, POST");

struct FlowRoute {
    enum class Kind { Invoke, Resume, Retry, OpenApi };
    Kind kind = Kind::Invoke;
    QString alias;
    QString executionId;
};

// "/api/flo/{alias}/invoke", "/api/flo/{alias}/resume/{id}", "/api/flo/{alias}/retry/{id}",
// "/api/flo/{alias}/openapi".
std::optional<FlowRoute> parseRoute(const QByteArray &path)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^/api/flo/([^/]{1,64})/(invoke|openapi|resume/([0-9a-f]{32})|retry/([0-9a-f]{32}))/?$"));
    const auto match = pattern.match(QString::fromLatin1(path));
    if (!match.hasMatch())
        return std::nullopt;
    FlowRoute route;
    route.alias = match.captured(1);
    const QString action = match.captured(2);
    if (action == QLatin1String("invoke")) {
        route.kind = FlowRoute::Kind::Invoke;
    } else if (action == QLatin1String("openapi")) {
        route.kind = FlowRoute::Kind::OpenApi;
    } else if (action.startsWith(QLatin1String("resume/"))) {
        route.kind = FlowRoute::Kind::Resume;
        route.executionId = match.captured(3);
    } else {
        route.kind = FlowRoute::Kind::Retry;
        route.executionId = match.captured(4);
    }
    return route;
}

QList<QByteArray> allowedMethods(FlowRoute::Kind kind)
{
    switch (kind) {
    case FlowRoute::Kind::Retry:
        return {QByteArrayLiteral("POST")};
    case FlowRoute::Kind::OpenApi:
        return {QByteArrayLiteral("GET")};
    case FlowRoute::Kind::Invoke:
    case FlowRoute::Kind::Resume:
        break;
    }
    return {QByteArrayLiteral("GET"), QByteArrayLiteral("POST")};
}

HttpAnswer methodNotAllowed(const QList<QByteArray> &allowed)
{
    HttpAnswer answer = errorAnswer(405, QStringLiteral("method_not_allowed"),
                                    QStringLiteral("this route answers %1 only")
                                        .arg(QString::fromLatin1(QByteArrayList(allowed).join(", "))));
    answer.setHeader(QByteArrayLiteral("Allow"), QByteArrayList(allowed).join(", "));
    return answer;
}

HttpAnswer payloadTooLarge(qint64 limit)
{
    return errorAnswer(413, QStringLiteral("payload_too_large"),
                       QStringLiteral("the body is larger than the limit of %1 bytes; send less or raise the "
                                      "body limit in the settings")
                           .arg(limit));
}

// The answer while history's database is unreachable. Where it lives and why it failed is for the
// server's log, not for callers.
HttpAnswer historyUnavailableAnswer(const QString &what, const QString &executionId = {})
{
    return errorAnswer(503, QStringLiteral("history_unavailable"),
                       QStringLiteral("%1: execution history is unavailable; retry shortly").arg(what),
                       executionId);
}

// History cannot be read or written now: logs why, answers 503.
HttpAnswer historyUnavailable(const Error &error, const QString &what, const QString &executionId = {})
{
    qCWarning(lcEndpoint).noquote() << what << "execution history is unavailable:" << error.message;
    return historyUnavailableAnswer(what, executionId);
}

HttpAnswer notFound()
{
    return errorAnswer(
        404, QStringLiteral("not_found"),
        QStringLiteral("no flow has this alias; copy the Invoke URL from the flow's API endpoint settings"));
}

// Splits the query into the clientToken value and the rest (kept byte for byte).
QByteArray takeClientToken(const QByteArray &rawQuery, QList<QString> *tokens)
{
    QByteArrayList kept;
    for (const QByteArray &pair : rawQuery.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QByteArray key = QUrl::fromPercentEncoding(eq < 0 ? pair : pair.left(eq)).toLatin1();
        if (key == "clientToken") {
            QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
            value.replace('+', ' ');
            tokens->append(QUrl::fromPercentEncoding(value));
        } else {
            kept.append(pair);
        }
    }
    return kept.join('&');
}

QByteArray bearerToken(const HttpRequest &request)
{
    const QByteArray authorization = request.header("authorization").trimmed();
    if (authorization.size() > 7 && authorization.left(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
        return authorization.mid(7).trimmed();
    return {};
}

// The request a console resume or retry stands for: what the route would have received, from the
// console's address and without credentials.
HttpRequest consoleRequest(const Flow &flow, const QByteArray &action, const QString &executionId,
                           const QByteArray &body)
{
    HttpRequest request;
    request.method = QByteArrayLiteral("POST");
    request.path =
        QByteArrayLiteral("/api/flo/") + flow.alias.toLatin1() + '/' + action + '/' + executionId.toLatin1();
    if (!body.isEmpty())
        request.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    request.body = body;
    request.peerAddress = InvokeService::consoleCallerAddress();
    return request;
}

// Why the console cannot act on `executionId` of `flowId`, before anything else is looked at.
std::optional<HttpAnswer> refuseConsoleTarget(const Flow *flow, const QString &flowId,
                                              const QString &executionId)
{
    if (!flow || flow->isHelper())
        return errorAnswer(
            404, QStringLiteral("not_found"),
            QStringLiteral("the workspace has no API endpoint flow with the id '%1'").arg(flowId));
    if (!isExecutionId(executionId))
        return errorAnswer(
            404, QStringLiteral("execution_not_found"),
            QStringLiteral("'%1' is not an execution id (32 lowercase hex characters)").arg(executionId));
    return std::nullopt;
}

HttpAnswer invalidToken(const QString &description)
{
    HttpAnswer answer = errorAnswer(401, QStringLiteral("invalid_token"), description);
    QString quoted = description;
    quoted.replace(QLatin1Char('"'), QLatin1Char('\''));
    answer.setHeader(QByteArrayLiteral("WWW-Authenticate"),
                     QByteArrayLiteral("Bearer error=\"invalid_token\", error_description=\"") +
                         quoted.toUtf8() + '"');
    return answer;
}

} // namespace

std::shared_ptr<const EndpointSnapshot> EndpointSnapshot::of(const Workspace &workspace)
{
    auto snapshot = std::make_shared<EndpointSnapshot>();
    snapshot->workspace = workspace;
    snapshot->library = workspace.library();
    return snapshot;
}

InvokeService::InvokeService(std::shared_ptr<const EndpointSnapshot> snapshot, ExecutionLedger &ledger)
    : m_snapshot(std::move(snapshot)), m_ledger(ledger),
      m_rateLimiter(m_snapshot->workspace.settings().rateLimitPerSecond)
{}

void InvokeService::setSnapshot(std::shared_ptr<const EndpointSnapshot> snapshot)
{
    QMutexLocker lock(&m_mutex);
    if (snapshot->workspace.settings().rateLimitPerSecond != m_rateLimiter.rate())
        m_rateLimiter.setRate(snapshot->workspace.settings().rateLimitPerSecond);
    m_snapshot = std::move(snapshot);
}

std::shared_ptr<const EndpointSnapshot> InvokeService::snapshot() const
{
    QMutexLocker lock(&m_mutex);
    return m_snapshot;
}

void InvokeService::setAccessTokenVerifier(AccessTokenVerifier verifier)
{
    QMutexLocker lock(&m_mutex);
    m_verifier = std::move(verifier);
}

bool InvokeService::handles(const QByteArray &path)
{
    return path.startsWith("/api/flo/");
}

std::optional<HttpAnswer> InvokeService::answerBeforeBody(const QByteArray &method, const QByteArray &path,
                                                          qint64 contentLength) const
{
    const auto current = snapshot();
    const auto route = parseRoute(path);
    if (!route || !current->workspace.flowByAlias(route->alias))
        return notFound();
    const QList<QByteArray> allowed = allowedMethods(route->kind);
    if (method != "OPTIONS" && !allowed.contains(method))
        return methodNotAllowed(allowed);
    const qint64 limit = current->workspace.settings().bodyLimitBytes;
    if (contentLength > limit)
        return payloadTooLarge(limit);
    return std::nullopt;
}

HttpAnswer InvokeService::handle(const HttpRequest &request)
{
    return waitFor([&](Answered done) { handle(request, std::move(done)); });
}

void InvokeService::handle(const HttpRequest &request, Answered done)
{
    const auto current = snapshot();
    if (auto early = answerBeforeBody(request.method, request.path, request.body.size()))
        return done(std::move(*early));
    const auto route = parseRoute(request.path);
    const Flow &flow = *current->workspace.flowByAlias(route->alias);
    if (request.method == "OPTIONS") {
        // CORS preflight, answered before any authentication (PRODUCT.md §3.4).
        HttpAnswer answer;
        answer.status = 204;
        addCorsHeaders(flow, request, &answer);
        if (!answer.header("Access-Control-Allow-Origin").isEmpty()) {
            answer.setHeader(QByteArrayLiteral("Access-Control-Allow-Methods"),
                             QByteArrayList(allowedMethods(route->kind)).join(", "));
            const QByteArray asked = request.header("access-control-request-headers");
            if (!asked.isEmpty())
                answer.setHeader(QByteArrayLiteral("Access-Control-Allow-Headers"), asked);
            answer.setHeader(QByteArrayLiteral("Access-Control-Max-Age"), QByteArrayLiteral("600"));
        }
        return done(std::move(answer));
    }
    // Every answer gets the CORS headers of the flow (none when the origin is not allowed).
    HttpAnswer cors;
    addCorsHeaders(flow, request, &cors);
    if (!cors.headers.isEmpty()) {
        done = [cors = std::move(cors.headers), next = std::move(done)](HttpAnswer answer) {
            for (const auto &[name, value] : cors)
                answer.setHeader(name, value);
            next(std::move(answer));
        };
    }
    Caller caller;
    switch (route->kind) {
    case FlowRoute::Kind::Invoke:
        if (auto refused = admit(flow, request, &caller))
            return done(std::move(*refused));
        return run(*current, flow, request, caller, QStringLiteral("invoke"), {}, std::move(done));
    case FlowRoute::Kind::Resume:
    case FlowRoute::Kind::Retry:
        if (auto refused = admit(flow, request, &caller))
            return done(std::move(*refused));
        if (route->kind == FlowRoute::Kind::Resume)
            return resume(*current, flow, request, route->executionId, caller, std::move(done));
        return retry(*current, flow, request, route->executionId, caller, std::move(done));
    case FlowRoute::Kind::OpenApi: {
        if (auto refused = authenticate(flow, request, &caller))
            return done(std::move(*refused));
        HttpAnswer answer;
        answer.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        answer.body = QJsonDocument(openApiDocument(flow, current->workspace.settings().baseUrl()))
                          .toJson(QJsonDocument::Indented);
        return done(std::move(answer));
    }
    }
}

std::optional<HttpAnswer> InvokeService::authenticate(const Flow &flow, const HttpRequest &request,
                                                      Caller *caller)
{
    caller->rawQuery = request.rawQuery;
    switch (flow.endpoint.security) {
    case SecurityLevel::None:
        break;
    case SecurityLevel::ClientToken: {
        QList<QString> queryTokens;
        caller->rawQuery = takeClientToken(request.rawQuery, &queryTokens);
        const QByteArray headerToken = request.header("x-api-client-token");
        if (!queryTokens.isEmpty() && !headerToken.isEmpty())
            return errorAnswer(
                400, QStringLiteral("invalid_request"),
                QStringLiteral("the client token was given both in the clientToken query parameter and "
                               "in the x-api-client-token header; send it in one place only"));
        if (queryTokens.size() > 1)
            return errorAnswer(400, QStringLiteral("invalid_request"),
                               QStringLiteral("the clientToken query parameter was given more than once"));
        const QString presented =
            headerToken.isEmpty() ? queryTokens.value(0) : QString::fromLatin1(headerToken);
        if (presented.isEmpty())
            return errorAnswer(
                401, QStringLiteral("invalid_client_token"),
                QStringLiteral("this flow needs its client token, in the clientToken query parameter "
                               "or the x-api-client-token header"));
        if (!clientTokenMatches(presented, flow.endpoint.clientTokenHash))
            return errorAnswer(401, QStringLiteral("invalid_client_token"),
                               QStringLiteral("the client token does not match this flow's (it may have been "
                                              "regenerated); copy the Invoke URL again"));
        break;
    }
    case SecurityLevel::OAuth2: {
        const QByteArray token = bearerToken(request);
        if (token.isEmpty()) {
            HttpAnswer answer = errorAnswer(401, QStringLiteral("invalid_token"),
                                            QStringLiteral("this flow is secured with OAuth 2.0: send "
                                                           "Authorization: Bearer <access token>"));
            answer.setHeader(QByteArrayLiteral("WWW-Authenticate"),
                             QByteArrayLiteral("Bearer realm=\"workflows\""));
            return answer;
        }
        AccessTokenVerifier verifier;
        {
            QMutexLocker lock(&m_mutex);
            verifier = m_verifier;
        }
        if (!verifier)
            return invalidToken(
                QStringLiteral("this server has no authorization server to check access tokens"));
        const AccessDecision decision = verifier(QString::fromLatin1(token), flow);
        if (decision.status == 401)
            return invalidToken(decision.description);
        if (decision.status != 200)
            return errorAnswer(decision.status, decision.error, decision.description);
        caller->clientId = decision.clientId;
        break;
    }
    }
    return std::nullopt;
}

std::optional<HttpAnswer> InvokeService::admit(const Flow &flow, const HttpRequest &request, Caller *caller)
{
    if (auto refused = authenticate(flow, request, caller))
        return refused;
    return admitAuthenticated(flow);
}

std::optional<HttpAnswer> InvokeService::admitAuthenticated(const Flow &flow)
{
    if (!flow.active)
        return errorAnswer(
            409, QStringLiteral("flow_inactive"),
            QStringLiteral("the flow '%1' is switched off; switch it on in the Workflows console")
                .arg(flow.name));
    int retryAfter = 1;
    switch (m_rateLimiter.tryAcquire(flow.id, &retryAfter)) {
    case RateLimiter::Outcome::Taken:
        break;
    case RateLimiter::Outcome::Limited: {
        HttpAnswer answer =
            errorAnswer(429, QStringLiteral("rate_limited"),
                        QStringLiteral("more than %1 invocations a second for this flow; retry after %2 s")
                            .arg(m_rateLimiter.rate())
                            .arg(retryAfter));
        answer.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfter));
        return answer;
    }
    case RateLimiter::Outcome::Unavailable:
        // The rate limits live in history's database (the limiter has logged why it failed): refused
        // before anything runs, rather than run and then not recorded.
        return historyUnavailableAnswer(QStringLiteral("the flow's rate limit cannot be checked"));
    }
    return std::nullopt;
}

HttpAnswer InvokeService::waitFor(const std::function<void(Answered)> &work)
{
    struct Latch {
        std::mutex mutex;
        std::condition_variable answered;
        std::optional<HttpAnswer> answer;
    };
    auto latch = std::make_shared<Latch>();
    work([latch](HttpAnswer answer) {
        std::lock_guard lock(latch->mutex);
        latch->answer = std::move(answer);
        latch->answered.notify_all();
    });
    const WaitScope waiting; // for the history writer
    std::unique_lock lock(latch->mutex);
    latch->answered.wait(lock, [&latch] { return latch->answer.has_value(); });
    return std::move(*latch->answer);
}

QString InvokeService::consoleCallerAddress()
{
    return QStringLiteral("console");
}

HttpAnswer InvokeService::resumeFromConsole(const QString &flowId, const QString &executionId,
                                            const QByteArray &body)
{
    const auto current = snapshot();
    const Flow *flow = current->workspace.flowById(flowId);
    if (auto refused = refuseConsoleTarget(flow, flowId, executionId))
        return *refused;
    if (auto refused = admitAuthenticated(*flow))
        return *refused;
    const HttpRequest request = consoleRequest(*flow, "resume", executionId, body);
    return waitFor(
        [&](Answered done) { resume(*current, *flow, request, executionId, Caller{}, std::move(done)); });
}

HttpAnswer InvokeService::retryFromConsole(const QString &flowId, const QString &executionId)
{
    const auto current = snapshot();
    const Flow *flow = current->workspace.flowById(flowId);
    if (auto refused = refuseConsoleTarget(flow, flowId, executionId))
        return *refused;
    if (auto refused = admitAuthenticated(*flow))
        return *refused;
    const HttpRequest request = consoleRequest(*flow, "retry", executionId, {});
    return waitFor(
        [&](Answered done) { retry(*current, *flow, request, executionId, Caller{}, std::move(done)); });
}

QStringList InvokeService::runningExecutions() const
{
    QMutexLocker lock(&m_runningMutex);
    return m_running.keys();
}

QList<RunningExecution> InvokeService::running() const
{
    QMutexLocker lock(&m_runningMutex);
    QList<RunningExecution> executions;
    executions.reserve(m_running.size());
    for (const Running &running : m_running)
        executions.append(running.execution);
    return executions;
}

bool InvokeService::cancel(const QString &executionId)
{
    QMutexLocker lock(&m_runningMutex);
    const auto found = m_running.constFind(executionId);
    if (found == m_running.constEnd())
        return false;
    found.value().cancel->store(true);
    return true;
}

std::shared_ptr<std::atomic_bool> InvokeService::startRunning(RunningExecution execution)
{
    auto flag = std::make_shared<std::atomic_bool>(false);
    execution.startedAt = QDateTime::currentDateTimeUtc();
    QMutexLocker lock(&m_runningMutex);
    const QString id = execution.executionId;
    m_running.insert(id, Running{std::move(execution), flag});
    return flag;
}

void InvokeService::stopRunning(const QString &executionId)
{
    QMutexLocker lock(&m_runningMutex);
    m_running.remove(executionId);
}

RunOptions InvokeService::runOptions(const EndpointSnapshot &snapshot, const QString &executionId) const
{
    RunOptions options;
    options.executionId = executionId;
    options.library = &snapshot.library;
    options.deadline =
        QDeadlineTimer(static_cast<qint64>(snapshot.workspace.settings().timeoutSeconds) * 1000);
    options.recordTrace = true;
    return options;
}

void InvokeService::run(const EndpointSnapshot &snapshot, const Flow &flow, const HttpRequest &input,
                        const Caller &caller, const QString &kind, const QString &retryOf, Answered done)
{
    EventData event;
    event.method = input.method;
    event.headers = input.headers;
    event.rawQuery = caller.rawQuery;
    event.body = input.body;
    event.executionId = newExecutionId();
    event.clientId = caller.clientId;
    event.security = flow.endpoint.security;
    RunOptions options = runOptions(snapshot, event.executionId);
    options.cancel = startRunning(
        {event.executionId, flow.id, kind, {}, input.peerAddress, caller.clientId, flow.endpoint.security});
    const RunResult result = m_executor.run(flow, event, options);
    finish(flow, input, kind, event.executionId, caller, result, retryOf, std::move(done));
}

std::variant<ExecutionStatus, HttpAnswer>
InvokeService::knownStatus(const Flow &flow, const QString &executionId, const QString &kept)
{
    const auto known = m_ledger.status(flow.id, executionId);
    if (!known)
        return historyUnavailable(known.error(),
                                  QStringLiteral("execution %1 cannot be looked up").arg(executionId));
    if (!*known)
        return errorAnswer(404, QStringLiteral("execution_not_found"),
                           QStringLiteral("this flow has no execution %1 (%2)").arg(executionId, kept));
    return **known;
}

void InvokeService::retry(const EndpointSnapshot &snapshot, const Flow &flow, const HttpRequest &request,
                          const QString &executionId, const Caller &caller, Answered done)
{
    auto known = knownStatus(flow, executionId,
                             QStringLiteral("history keeps executions %1 days")
                                 .arg(snapshot.workspace.settings().historyRetentionDays));
    if (auto *refused = std::get_if<HttpAnswer>(&known))
        return done(std::move(*refused));
    const ExecutionStatus status = std::get<ExecutionStatus>(known);
    if (status != ExecutionStatus::Failed && status != ExecutionStatus::TimedOut)
        return done(errorAnswer(409, QStringLiteral("execution_not_failed"),
                                QStringLiteral("only failed or timed-out executions are retried; %1 is %2")
                                    .arg(executionId, executionStatusName(status).toLower()),
                                executionId));
    auto recorded = m_ledger.recordedRequest(flow.id, executionId);
    if (!recorded)
        return done(historyUnavailable(
            recorded.error(), QStringLiteral("the input of execution %1 cannot be read").arg(executionId),
            executionId));
    std::optional<HttpRequest> &original = recorded.value();
    if (!original)
        return done(errorAnswer(
            409, QStringLiteral("execution_not_retryable"),
            QStringLiteral("the input of %1 was not kept whole (its body was larger than history keeps)")
                .arg(executionId),
            executionId));
    // The recorded input, with the retry's own caller; a recorded clientToken is redacted and dropped.
    QList<QString> recordedTokens;
    Caller replay = caller;
    replay.rawQuery = takeClientToken(original->rawQuery, &recordedTokens);
    original->peerAddress = request.peerAddress;
    run(snapshot, flow, *original, replay, QStringLiteral("retry"), executionId, std::move(done));
}

void InvokeService::resume(const EndpointSnapshot &snapshot, const Flow &flow, const HttpRequest &request,
                           const QString &executionId, const Caller &caller, Answered done)
{
    auto known = knownStatus(flow, executionId,
                             QStringLiteral("paused executions expire after %1 days")
                                 .arg(snapshot.workspace.settings().pausedRetentionDays));
    if (auto *refused = std::get_if<HttpAnswer>(&known))
        return done(std::move(*refused));
    const ExecutionStatus status = std::get<ExecutionStatus>(known);
    if (status != ExecutionStatus::Paused)
        return done(errorAnswer(409, QStringLiteral("execution_not_paused"),
                                QStringLiteral("execution %1 is not paused (it is %2)")
                                    .arg(executionId, executionStatusName(status).toLower()),
                                executionId));
    const auto taken = m_ledger.takePaused(flow.id, executionId);
    if (!taken)
        return done(historyUnavailable(taken.error(),
                                       QStringLiteral("execution %1 cannot be resumed now").arg(executionId),
                                       executionId));
    const std::optional<Continuation> &continuation = *taken;
    if (!continuation)
        return done(errorAnswer(
            409, QStringLiteral("execution_not_paused"),
            QStringLiteral("execution %1 was resumed by another request a moment ago").arg(executionId),
            executionId));
    RunOptions options = runOptions(snapshot, executionId);
    options.cancel = startRunning({executionId,
                                   flow.id,
                                   QStringLiteral("resume"),
                                   {},
                                   request.peerAddress,
                                   caller.clientId,
                                   flow.endpoint.security});
    const RunResult result =
        m_executor.resume(flow, *continuation, ResumeData{request.body, request.headers}, options);
    finish(flow, request, QStringLiteral("resume"), executionId, caller, result, {}, std::move(done));
}

// Records the execution and answers once it is recorded. It stays running until then: whoever sees
// it no longer running finds it in history.
void InvokeService::finish(const Flow &flow, const HttpRequest &request, const QString &kind,
                           const QString &executionId, const Caller &caller, const RunResult &result,
                           const QString &retryOf, Answered done)
{
    HttpAnswer answer = answerFor(result, executionId);
    answer.setHeader(QByteArrayLiteral("X-Execution-Id"), executionId.toLatin1());
    InvocationRecord record;
    record.executionId = executionId;
    record.kind = kind;
    record.flow = &flow;
    record.request = &request;
    record.answer = &answer;
    record.result = &result;
    record.clientId = caller.clientId;
    record.security = flow.endpoint.security;
    record.retryOf = retryOf;
    m_ledger.recordThen(record, [this, answer, executionId, done = std::move(done)](Result<bool> recorded) {
        stopRunning(executionId);
        if (!recorded) {
            // Nothing answered may be missing from history: an execution that cannot be recorded is
            // not answered.
            return done(historyUnavailable(recorded.error(),
                                           QStringLiteral("the execution ran but could not be recorded"),
                                           executionId));
        }
        done(answer);
    });
}

void addCorsHeaders(const Flow &flow, const HttpRequest &request, HttpAnswer *answer)
{
    const QByteArray origin = request.header("origin");
    if (origin.isEmpty() || !flow.endpoint.corsOrigins.contains(QString::fromUtf8(origin)))
        return;
    answer->setHeader(QByteArrayLiteral("Access-Control-Allow-Origin"), origin);
    answer->setHeader(QByteArrayLiteral("Vary"), QByteArrayLiteral("Origin"));
    answer->setHeader(QByteArrayLiteral("Access-Control-Expose-Headers"),
                      QByteArrayLiteral("X-Execution-Id"));
}

} // namespace wf
