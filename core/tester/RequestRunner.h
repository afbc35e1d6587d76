#pragma once

// Sends one tester request at a time on a QNetworkAccessManager (PRODUCT.md §7): prepares the
// document, fetches an access token first for OAuth2 (from the cache when one is valid), sends,
// and when an OAuth2 request gets 401, drops the cached token, fetches a new one and sends once
// more. Reports progress, times the phases it can see, and finishes exactly once on every path
// (answer, error, cancel, timeout).

#include "PreparedRequest.h"
#include "RequestDocument.h"
#include "TokenCache.h"
#include "TokenClient.h"
#include "Variables.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <memory>
#include <optional>

class QHostInfo;
class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace wf::tester {

// What signs the client assertion of an OAuth2 request, resolved by the caller (a kept key read
// from the secret store, or a pasted one).
struct OAuthCredentials {
    QString tokenUrl; // absolute, variables already substituted
    QString clientId;
    auth::Key privateKey; // with the kid to send
    QString scope = auth::kInvokeScope;
};

struct SendOptions {
    std::optional<OAuthCredentials> oauth;      // required when the document's auth is OAuth2
    int timeoutMs = 60000;                      // the whole request, token fetch included; 0: none
    bool insecure = false;                      // accept a certificate that does not verify
    qint64 maxResponseBytes = 50 * 1024 * 1024; // larger answers are cut off with an error
};

// Milliseconds from the start of send(); -1 when not seen. The token fetch comes first, so the other
// moments come after tokenMs. DNS is timed by a lookup the runner does before sending (none for an IP
// address: dnsMs is then the moment sending began); connect ends when the request was written (TLS
// included). After a retry on 401, dns, connect and firstByte are those of the second attempt.
struct ResponseTiming {
    qint64 dnsMs = -1;
    qint64 connectMs = -1;
    qint64 firstByteMs = -1;
    qint64 totalMs = -1;
    qint64 tokenMs = -1; // time spent getting an access token (0 when it came from the cache)
};

enum class RunOutcome {
    Answered,       // an HTTP answer came, whatever its status
    InvalidRequest, // prepareRequest() refused the document; nothing was sent
    TokenFailed,    // the token endpoint refused or could not be reached
    ConnectionRefused,
    HostNotFound,
    TimedOut,
    TlsError,
    NetworkError, // anything else (reset, protocol error, response too large, ...)
    Cancelled,
};

struct RunResult {
    RunOutcome outcome = RunOutcome::NetworkError;
    QString message; // one sentence for people; empty when Answered
    int status = 0;
    QString reason; // "OK", "Not Found", ...
    HeaderList headers;
    QByteArray body;
    ResponseTiming timing;
    QString executionId;  // X-Execution-Id of the answer
    PreparedRequest sent; // what went on the wire (the last attempt)
    bool retriedAfter401 = false;
    std::optional<CachedToken> token; // the token used, for showing the decoded assertion and token
    bool tokenFromCache = false;
    std::optional<TokenResult> tokenFailure; // set when outcome is TokenFailed
};

QString runOutcomeName(RunOutcome outcome);

class RequestRunner final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestRunner)

public:
    enum class Phase { Idle, FetchingToken, Sending, Receiving };
    Q_ENUM(Phase)

    // Uses `network` when given (not owned, its proxy setting left as it is), else a manager of its
    // own that uses no proxy. Requests sent insecure (and their token requests) go through a
    // manager of the runner's own with the same proxy, so a connection whose certificate was
    // accepted is never reused for a request that did not ask for that.
    explicit RequestRunner(QNetworkAccessManager *network = nullptr, QObject *parent = nullptr);
    ~RequestRunner() override;

    // Starts a request; finished() follows once, always after this call returned. A request still
    // running is cancelled first (its finished() reports Cancelled).
    void send(const RequestDocument &document, const Variables &variables, const SendOptions &options);
    // Gets a token only (the tester's "Get token" button): from the cache unless forceNew.
    void fetchToken(const OAuthCredentials &credentials, bool forceNew, int timeoutMs = 30000,
                    bool insecure = false);
    // Ends the running send() (finished() reports Cancelled) or fetchToken() (tokenFetched() with the
    // error "cancelled"), and the network traffic it had under way; nothing when idle.
    void cancel();
    // False from the moment a request is over, though its finished() is still to come (queued).
    bool isBusy() const;
    Phase phase() const { return m_phase; }

    TokenCache &tokenCache() { return m_cache; }
    // The cached token for these credentials while it is valid.
    std::optional<CachedToken> cachedToken(const OAuthCredentials &credentials) const;

signals:
    void phaseChanged(wf::tester::RequestRunner::Phase phase);
    void finished(const wf::tester::RunResult &result);
    // For fetchToken(), once: ok or not; fromCache when no request was made. A cancel reports the
    // error "cancelled", running out of time the error "timeout".
    void tokenFetched(const wf::tester::TokenResult &result, bool fromCache);

private:
    struct Pending;

    void setPhase(Phase phase);
    Pending *begin(int timeoutMs);
    std::unique_ptr<Pending> takePending();
    void finishRun(RunOutcome outcome, const QString &message);
    void finishToken(const TokenResult &token, bool fromCache);
    void timeOut();
    void requestNewToken();
    void tokenArrived(const TokenResult &token);
    void startAttempt();
    void hostLookedUp(const QHostInfo &info);
    QNetworkAccessManager *networkFor(bool insecure);
    static QNetworkRequest networkRequestFor(const PreparedRequest &prepared);
    void sendHttp();
    void responseStarted();
    void readBody();
    void failTooLarge(QNetworkReply *reply);
    void readAnswerHead(QNetworkReply *reply);
    void replyFinished();
    void failTransfer(QNetworkReply *reply);

    QNetworkAccessManager *m_network = nullptr;
    QNetworkAccessManager *m_insecureNetwork = nullptr; // made on first use
    TokenCache m_cache;
    Phase m_phase = Phase::Idle;
    std::unique_ptr<Pending> m_pending;
};

} // namespace wf::tester
