#include "tester/RequestRunner.h"

#include <QHostAddress>
#include <QHostInfo>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#if QT_CONFIG(ssl)
#include <QSslError>
#endif

namespace wf::tester {
namespace {

// A token prepareRequest() accepts, for checking an OAuth 2.0 document before any token is fetched.
const QByteArray kTokenStandIn = QByteArrayLiteral("token-to-be-fetched");

// The origin of a URL, for messages: "http://127.0.0.1:8787".
QString originOf(const QUrl &url)
{
    return url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
        .toString();
}

QString secondsText(int milliseconds)
{
    return QString::number(milliseconds / 1000.0);
}

// True when the reply carries the server's answer, even if Qt reports its status as an error
// (4xx and 5xx are answers here); false when the transfer itself failed.
bool isAnswer(const QNetworkReply *reply)
{
    if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() <= 0)
        return false;
    const QNetworkReply::NetworkError error = reply->error();
    if (error == QNetworkReply::NoError)
        return true;
    if (error == QNetworkReply::ProtocolUnknownError || error == QNetworkReply::ProtocolFailure)
        return false;
    return error >= QNetworkReply::ProxyConnectionRefusedError;
}

CachedToken cachedTokenOf(const TokenResult &result, const QDateTime &now)
{
    CachedToken token;
    token.accessToken = result.accessToken;
    token.fetchedAt = now;
    token.expiresAt = now.addSecs(result.expiresIn);
    token.result = result;
    return token;
}

TokenRequest tokenRequestOf(const OAuthCredentials &credentials, int timeoutMs, bool insecure)
{
    TokenRequest request;
    request.tokenUrl = credentials.tokenUrl;
    request.clientId = credentials.clientId;
    request.privateKey = credentials.privateKey;
    request.scope = credentials.scope;
    request.timeoutMs = timeoutMs;
    request.insecure = insecure;
    return request;
}

} // namespace

std::optional<CachedToken> RequestRunner::cachedToken(const OAuthCredentials &credentials) const
{
    return m_cache.find(TokenCache::keyFor(tokenRequestOf(credentials, 0, false)));
}

QString runOutcomeName(RunOutcome outcome)
{
    switch (outcome) {
    case RunOutcome::Answered:
        return QStringLiteral("answered");
    case RunOutcome::InvalidRequest:
        return QStringLiteral("invalidRequest");
    case RunOutcome::TokenFailed:
        return QStringLiteral("tokenFailed");
    case RunOutcome::ConnectionRefused:
        return QStringLiteral("connectionRefused");
    case RunOutcome::HostNotFound:
        return QStringLiteral("hostNotFound");
    case RunOutcome::TimedOut:
        return QStringLiteral("timedOut");
    case RunOutcome::TlsError:
        return QStringLiteral("tlsError");
    case RunOutcome::NetworkError:
        return QStringLiteral("networkError");
    case RunOutcome::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("networkError");
}

// One send() or fetchToken() in flight. It is the context of every connection the operation makes,
// and every callback first checks that it is still the runner's current operation, so a late signal
// of an abandoned operation is dropped.
struct RequestRunner::Pending final : QObject {
    enum class Kind { Send, TokenOnly };

    Kind kind = Kind::Send;
    RequestDocument document;
    Variables variables;
    SendOptions options;
    RunResult result;
    QElapsedTimer clock; // since send() or fetchToken()
    QElapsedTimer tokenClock;
    QTimer deadline;
    TokenRequest tokenRequest;
    QString cacheKey;
    QUrl target; // what is being contacted now, for messages
    QPointer<TokenClient> tokenClient;
    QPointer<QNetworkReply> reply;
    int lookupId = -1;
    bool lookupDone = false;
    QString tlsDetail;

    bool isOAuth() const { return document.auth.mode == AuthMode::OAuth2; }

    // Stops everything under way; no callback of this operation runs afterwards.
    void stop()
    {
        deadline.stop();
        if (lookupId >= 0 && !lookupDone)
            QHostInfo::abortHostLookup(lookupId);
        if (reply) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
            reply.clear();
        }
        if (tokenClient) {
            tokenClient->disconnect(this);
            // A busy client is not inside its own signal: deleting it aborts the token request now.
            if (tokenClient->isBusy())
                delete tokenClient.data();
            else
                tokenClient->deleteLater();
        }
    }
};

RequestRunner::RequestRunner(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_network(network)
{
    if (!m_network) {
        // The tester talks to the server it names, never through a proxy that would skew its timing.
        m_network = new QNetworkAccessManager(this);
        m_network->setProxy(QNetworkProxy::NoProxy);
    }
}

RequestRunner::~RequestRunner()
{
    if (m_pending)
        m_pending->stop();
}

bool RequestRunner::isBusy() const
{
    return m_pending != nullptr;
}

void RequestRunner::setPhase(Phase phase)
{
    if (m_phase == phase)
        return;
    m_phase = phase;
    emit phaseChanged(phase);
}

RequestRunner::Pending *RequestRunner::begin(int timeoutMs)
{
    m_pending = std::make_unique<Pending>();
    Pending *p = m_pending.get();
    p->clock.start();
    if (timeoutMs > 0) {
        p->deadline.setSingleShot(true);
        p->deadline.setTimerType(Qt::PreciseTimer); // a coarse timer may fire up to 5 % early
        connect(&p->deadline, &QTimer::timeout, p, [this, p] {
            if (m_pending.get() == p)
                timeOut();
        });
        p->deadline.start(timeoutMs);
    }
    return p;
}

std::unique_ptr<RequestRunner::Pending> RequestRunner::takePending()
{
    std::unique_ptr<Pending> p = std::move(m_pending);
    p->stop();
    setPhase(Phase::Idle);
    return p;
}

void RequestRunner::finishRun(RunOutcome outcome, const QString &message)
{
    std::unique_ptr<Pending> p = takePending();
    RunResult result = std::move(p->result);
    result.outcome = outcome;
    result.message = message;
    result.timing.totalMs = p->clock.elapsed();
    // The operation may be finishing from inside one of its own callbacks.
    p.release()->deleteLater();
    QMetaObject::invokeMethod(
        this, [this, result] { emit finished(result); }, Qt::QueuedConnection);
}

void RequestRunner::finishToken(const TokenResult &token, bool fromCache)
{
    takePending().release()->deleteLater();
    QMetaObject::invokeMethod(
        this, [this, token, fromCache] { emit tokenFetched(token, fromCache); }, Qt::QueuedConnection);
}

void RequestRunner::cancel()
{
    if (!m_pending)
        return;
    if (m_pending->kind == Pending::Kind::TokenOnly) {
        TokenResult cancelled;
        cancelled.error = QStringLiteral("cancelled");
        cancelled.message = cancelled.errorDescription = QStringLiteral("the token request was cancelled");
        finishToken(cancelled, false);
        return;
    }
    finishRun(RunOutcome::Cancelled, QStringLiteral("the request was cancelled"));
}

void RequestRunner::timeOut()
{
    const Pending *p = m_pending.get();
    const int timeoutMs =
        p->kind == Pending::Kind::TokenOnly ? p->tokenRequest.timeoutMs : p->options.timeoutMs;
    const QString message = p->target.isEmpty()
                                ? QStringLiteral("no answer within %1 s").arg(secondsText(timeoutMs))
                                : QStringLiteral("no answer from %1 within %2 s")
                                      .arg(originOf(p->target), secondsText(timeoutMs));
    if (p->kind == Pending::Kind::TokenOnly) {
        TokenResult timedOut;
        timedOut.error = QStringLiteral("timeout");
        timedOut.message = timedOut.errorDescription = message;
        finishToken(timedOut, false);
        return;
    }
    finishRun(RunOutcome::TimedOut, message);
}

void RequestRunner::send(const RequestDocument &document, const Variables &variables,
                         const SendOptions &options)
{
    cancel();
    Pending *p = begin(options.timeoutMs);
    p->kind = Pending::Kind::Send;
    p->document = document;
    p->variables = variables;
    p->options = options;
    // Checked before anything goes out, so a document with a mistake never costs a token request.
    const auto checked = prepareRequest(document, variables, p->isOAuth() ? kTokenStandIn : QByteArray());
    if (!checked) {
        finishRun(RunOutcome::InvalidRequest, checked.error().message);
        return;
    }
    if (!p->isOAuth()) {
        p->result.sent = *checked;
        startAttempt();
        return;
    }
    if (!options.oauth) {
        finishRun(RunOutcome::InvalidRequest,
                  QStringLiteral("OAuth 2.0 needs an app integration's client id and a private key"));
        return;
    }
    p->tokenRequest = tokenRequestOf(*options.oauth, options.timeoutMs, options.insecure);
    p->cacheKey = TokenCache::keyFor(p->tokenRequest);
    if (const auto cached = m_cache.find(p->cacheKey)) {
        p->result.token = cached;
        p->result.tokenFromCache = true;
        p->result.timing.tokenMs = 0;
        startAttempt();
        return;
    }
    requestNewToken();
}

void RequestRunner::fetchToken(const OAuthCredentials &credentials, bool forceNew, int timeoutMs,
                               bool insecure)
{
    cancel();
    Pending *p = begin(timeoutMs);
    p->kind = Pending::Kind::TokenOnly;
    p->tokenRequest = tokenRequestOf(credentials, timeoutMs, insecure);
    p->cacheKey = TokenCache::keyFor(p->tokenRequest);
    if (!forceNew) {
        if (const auto cached = m_cache.find(p->cacheKey)) {
            finishToken(cached->result, true);
            return;
        }
    }
    requestNewToken();
}

void RequestRunner::requestNewToken()
{
    Pending *p = m_pending.get();
    setPhase(Phase::FetchingToken);
    p->target = QUrl(p->tokenRequest.tokenUrl);
    p->tokenClock.start();
    auto *client = new TokenClient(networkFor(p->tokenRequest.insecure), p);
    p->tokenClient = client;
    connect(client, &TokenClient::finished, p, [this, p](const TokenResult &token) {
        if (m_pending.get() == p)
            tokenArrived(token);
    });
    TokenRequest request = p->tokenRequest;
    if (p->deadline.isActive())
        request.timeoutMs = std::max(1, p->deadline.remainingTime());
    client->requestToken(request);
}

void RequestRunner::tokenArrived(const TokenResult &token)
{
    Pending *p = m_pending.get();
    if (token.ok)
        m_cache.store(p->cacheKey, token);
    if (p->kind == Pending::Kind::TokenOnly) {
        finishToken(token, false);
        return;
    }
    // A retry after 401 adds its fetch to the first one's.
    // At least 1: 0 means "from the cache", so a fetch that happened never shows as 0.
    const qint64 fetchMs = std::max<qint64>(1, p->tokenClock.elapsed());
    p->result.timing.tokenMs = std::max<qint64>(p->result.timing.tokenMs, 0) + fetchMs;
    p->result.tokenFromCache = false;
    if (!token.ok) {
        p->result.tokenFailure = token;
        finishRun(RunOutcome::TokenFailed, token.message);
        return;
    }
    p->result.token = cachedTokenOf(token, m_cache.now());
    startAttempt();
}

void RequestRunner::startAttempt()
{
    Pending *p = m_pending.get();
    if (p->isOAuth()) {
        const auto prepared =
            prepareRequest(p->document, p->variables, p->result.token->accessToken.toUtf8());
        if (!prepared) {
            finishRun(RunOutcome::InvalidRequest, prepared.error().message);
            return;
        }
        p->result.sent = *prepared;
    }
    RunResult &result = p->result;
    result.status = 0;
    result.reason.clear();
    result.headers.clear();
    result.body.clear();
    result.executionId.clear();
    result.timing.dnsMs = result.timing.connectMs = result.timing.firstByteMs = -1;
    p->target = result.sent.url;
    p->tlsDetail.clear();
    setPhase(Phase::Sending);

    const QString host = result.sent.url.host();
    if (!QHostAddress(host).isNull()) {
        result.timing.dnsMs = p->clock.elapsed();
        sendHttp();
        return;
    }
    p->lookupDone = false;
    const int id = QHostInfo::lookupHost(host, p, [this, p](const QHostInfo &info) {
        p->lookupDone = true;
        if (m_pending.get() == p)
            hostLookedUp(info);
    });
    if (!p->lookupDone)
        p->lookupId = id;
}

void RequestRunner::hostLookedUp(const QHostInfo &info)
{
    Pending *p = m_pending.get();
    p->lookupId = -1;
    p->result.timing.dnsMs = p->clock.elapsed();
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        finishRun(
            RunOutcome::HostNotFound,
            QStringLiteral("cannot reach %1: host %2 not found").arg(originOf(p->target), p->target.host()));
        return;
    }
    sendHttp();
}

QNetworkAccessManager *RequestRunner::networkFor(bool insecure)
{
    if (!insecure)
        return m_network;
    // A manager keeps connections and TLS sessions for reuse, and a later request on one whose
    // certificate was accepted against verification would not be checked again: insecure requests
    // get connections of their own.
    if (!m_insecureNetwork) {
        m_insecureNetwork = new QNetworkAccessManager(this);
        m_insecureNetwork->setProxy(m_network->proxy());
    }
    return m_insecureNetwork;
}

QNetworkRequest RequestRunner::networkRequestFor(const PreparedRequest &prepared)
{
    QNetworkRequest request(prepared.url);
    // HTTP/1.1 without redirects, cookies or cache: the answer shown is exactly the server's.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    for (const auto &[name, value] : prepared.headers) {
        // QNetworkRequest keeps one value per name: repeated headers travel as one list (RFC 9110 §5.3).
        const QByteArray existing = request.rawHeader(name);
        request.setRawHeader(name, request.hasRawHeader(name) ? existing + ", " + value : value);
    }
    return request;
}

void RequestRunner::sendHttp()
{
    Pending *p = m_pending.get();
    const PreparedRequest &prepared = p->result.sent;
    const QNetworkRequest request = networkRequestFor(prepared);
    QNetworkAccessManager *network = networkFor(p->options.insecure);
    QNetworkReply *reply = nullptr;
    if (prepared.method == "HEAD" && prepared.body.isEmpty())
        reply = network->head(request); // a custom HEAD would wait for a body that never comes
    else if (prepared.body.isEmpty())
        reply = network->sendCustomRequest(request, prepared.method);
    else
        reply = network->sendCustomRequest(request, prepared.method, prepared.body);
    p->reply = reply;

    connect(reply, &QNetworkReply::requestSent, p, [p] {
        if (p->result.timing.connectMs < 0)
            p->result.timing.connectMs = p->clock.elapsed();
    });
    connect(reply, &QNetworkReply::metaDataChanged, p, [this, p] {
        if (m_pending.get() == p)
            responseStarted();
    });
    connect(reply, &QNetworkReply::readyRead, p, [this, p] {
        if (m_pending.get() == p)
            readBody();
    });
    connect(reply, &QNetworkReply::finished, p, [this, p] {
        if (m_pending.get() == p)
            replyFinished();
    });
#if QT_CONFIG(ssl)
    connect(reply, &QNetworkReply::sslErrors, p, [p, reply](const QList<QSslError> &errors) {
        if (p->options.insecure)
            reply->ignoreSslErrors();
        else if (!errors.isEmpty())
            p->tlsDetail = errors.constFirst().errorString();
    });
#endif
}

void RequestRunner::responseStarted()
{
    Pending *p = m_pending.get();
    if (p->result.timing.firstByteMs < 0)
        p->result.timing.firstByteMs = p->clock.elapsed();
    setPhase(Phase::Receiving);
    const QVariant length = p->reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() > p->options.maxResponseBytes) {
        readAnswerHead(p->reply);
        finishRun(RunOutcome::NetworkError,
                  QStringLiteral("the answer from %1 is %2 bytes, more than the limit of %3 bytes")
                      .arg(originOf(p->target))
                      .arg(length.toLongLong())
                      .arg(p->options.maxResponseBytes));
    }
}

void RequestRunner::readBody()
{
    Pending *p = m_pending.get();
    if (p->result.timing.firstByteMs < 0)
        p->result.timing.firstByteMs = p->clock.elapsed();
    setPhase(Phase::Receiving);
    p->result.body += p->reply->readAll();
    if (p->result.body.size() > p->options.maxResponseBytes)
        failTooLarge(p->reply);
}

void RequestRunner::failTooLarge(QNetworkReply *reply)
{
    Pending *p = m_pending.get();
    p->result.body.truncate(p->options.maxResponseBytes);
    readAnswerHead(reply);
    finishRun(RunOutcome::NetworkError,
              QStringLiteral("the answer from %1 is larger than the limit of %2 bytes; it was cut off")
                  .arg(originOf(p->target))
                  .arg(p->options.maxResponseBytes));
}

void RequestRunner::readAnswerHead(QNetworkReply *reply)
{
    RunResult &result = m_pending->result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.reason =
        QString::fromLatin1(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray());
    result.headers.clear();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        result.headers.append({name, value});
    result.executionId = QString::fromLatin1(reply->rawHeader(QByteArrayLiteral("X-Execution-Id")));
}

void RequestRunner::replyFinished()
{
    Pending *p = m_pending.get();
    QNetworkReply *reply = p->reply;
    p->reply.clear();
    reply->deleteLater();
    p->result.body += reply->readAll();
    if (p->result.body.size() > p->options.maxResponseBytes) {
        failTooLarge(reply);
        return;
    }
    if (!isAnswer(reply)) {
        failTransfer(reply);
        return;
    }
    readAnswerHead(reply);
    if (p->isOAuth() && p->result.status == 401 && !p->result.retriedAfter401) {
        // The server no longer takes the token (expired early, signing key rotated, app changed):
        // one new token, one more try, and whatever comes then is the answer.
        p->result.retriedAfter401 = true;
        m_cache.invalidate(p->cacheKey);
        requestNewToken();
        return;
    }
    finishRun(RunOutcome::Answered, QString());
}

void RequestRunner::failTransfer(QNetworkReply *reply)
{
    const Pending *p = m_pending.get();
    const QString origin = originOf(p->target);
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        finishRun(RunOutcome::ConnectionRefused,
                  QStringLiteral("cannot reach %1: connection refused; is the server running?").arg(origin));
        return;
    case QNetworkReply::HostNotFoundError:
        finishRun(RunOutcome::HostNotFound,
                  QStringLiteral("cannot reach %1: host %2 not found").arg(origin, p->target.host()));
        return;
    case QNetworkReply::TimeoutError:
        finishRun(
            RunOutcome::TimedOut,
            QStringLiteral("no answer from %1 within %2 s").arg(origin, secondsText(p->options.timeoutMs)));
        return;
    case QNetworkReply::SslHandshakeFailedError:
        finishRun(RunOutcome::TlsError,
                  QStringLiteral("cannot reach %1: TLS handshake failed: %2 (a certificate that does not "
                                 "verify is accepted only when the request is sent insecure)")
                      .arg(origin, p->tlsDetail.isEmpty() ? reply->errorString() : p->tlsDetail));
        return;
    default:
        finishRun(RunOutcome::NetworkError, QStringLiteral("%1: %2").arg(origin, reply->errorString()));
        return;
    }
}

} // namespace wf::tester
