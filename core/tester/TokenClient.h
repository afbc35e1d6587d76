#pragma once

// Getting an access token from a Workflows Console server (PRODUCT.md §4, §7): the client-credentials
// grant with a private_key_jwt client assertion (RFC 7523). Shared by the request tester and
// `wfconsole token`. The assertion is a credential: nothing here logs or prints it.

#include "Result.h"
#include "auth/AppIntegration.h"
#include "auth/Jose.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>

class QNetworkAccessManager;
class QNetworkReply;

namespace wf::tester {

// The client assertion type of RFC 7523 §2.2.
inline const QString kJwtBearerAssertionType =
    QStringLiteral("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");

// The JWS algorithm a client assertion signed with `key` uses: RS256 for RSA, ES256 for P-256, ES384
// for P-384, ES512 for P-521; an error for anything else.
Result<QString> assertionAlgorithm(const auth::Key &key);

// A signed client assertion (JWS compact): header {alg, kid when the key has one, "typ": "JWT"},
// claims iss = sub = clientId, aud = tokenUrl, iat = now, exp = iat + lifetimeSeconds and a fresh
// jti of 32 hex characters from the CSPRNG. Needs the private key.
Result<QByteArray> buildClientAssertion(const QString &clientId, const auth::Key &privateKey,
                                        const QString &tokenUrl,
                                        QDateTime now = QDateTime::currentDateTimeUtc(),
                                        int lifetimeSeconds = 300);

// `key` with the kid to send: its own when it has one, else the kid `app` registered the same public
// key under, else its RFC 7638 thumbprint (the kid `apps add-key` gives by default). `app` may be null.
auth::Key withRegisteredKid(const auth::Key &key, const auth::AppIntegration *app);

// The token endpoint of a server: `baseUrl` without its trailing slashes + "/oauth2/v1/token".
QString tokenEndpointUrl(const QString &baseUrl);

// The body of a token request: application/x-www-form-urlencoded with every name and value
// percent-encoded (RFC 3986 unreserved characters only left as they are).
QByteArray formEncode(const QList<std::pair<QString, QString>> &fields);

struct TokenRequest {
    QString tokenUrl; // the token endpoint, also the assertion's aud
    QString clientId;
    auth::Key privateKey; // with the kid of the app key when it has one
    QString scope = auth::kInvokeScope;
    int timeoutMs = 30000;
    // Accept a certificate that does not verify (self-signed). Only when the user asked for it.
    bool insecure = false;
};

struct TokenResult {
    bool ok = false;
    QString accessToken;
    QString tokenType;
    qint64 expiresIn = 0;
    QString scope;
    int httpStatus = 0; // 0 when no HTTP answer came
    // The server's "error" and "error_description" when it refused; for failures without such an
    // answer a local code: "network_error", "timeout", "invalid_response", "invalid_key".
    QString error;
    QString errorDescription;
    // One sentence for people saying what went wrong ("cannot reach http://127.0.0.1:8787:
    // connection refused; is the server running?"); empty when ok.
    QString message;
    // The server's whole JSON answer (holds the access token when ok).
    QJsonObject json;
    // The assertion that was sent, decoded, without its signature (for showing).
    QJsonObject assertionHeader;
    QJsonObject assertionClaims;
};

// One token request at a time per client; a new request abandons the one in flight.
class TokenClient final : public QObject {
    Q_OBJECT

public:
    // Uses `network` when given (not owned), else a manager of its own.
    explicit TokenClient(QNetworkAccessManager *network = nullptr, QObject *parent = nullptr);
    ~TokenClient() override;

    // Builds the assertion, POSTs the token request and emits finished() once, always after this
    // call has returned.
    void requestToken(const TokenRequest &request);

    bool isBusy() const { return !m_reply.isNull(); }

signals:
    void finished(const wf::tester::TokenResult &result);

private:
    void onReplyFinished(QNetworkReply *reply, const QString &tokenUrl, const TokenResult &pending);
    void finishLater(const TokenResult &result);

    QNetworkAccessManager *m_network = nullptr;
    QPointer<QNetworkReply> m_reply;
};

} // namespace wf::tester
