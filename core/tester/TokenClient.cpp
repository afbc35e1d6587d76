#include "tester/TokenClient.h"

#include "Ids.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

namespace wf::tester {
namespace {

// The origin of a URL, for messages: "http://127.0.0.1:8787".
QString originOf(const QUrl &url)
{
    return url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
        .toString();
}

// The decoded header and claims of a compact JWS we built ourselves (never the signature).
void describeAssertion(const QByteArray &assertion, TokenResult *result)
{
    const QList<QByteArray> parts = assertion.split('.');
    if (parts.size() != 3)
        return;
    if (const auto header = auth::base64UrlDecode(parts.at(0)))
        result->assertionHeader = QJsonDocument::fromJson(*header).object();
    if (const auto claims = auth::base64UrlDecode(parts.at(1)))
        result->assertionClaims = QJsonDocument::fromJson(*claims).object();
}

QString networkSentence(QNetworkReply::NetworkError code, const QString &origin, const QString &detail,
                        int timeoutMs, bool insecure)
{
    switch (code) {
    case QNetworkReply::ConnectionRefusedError:
        return QStringLiteral("cannot reach %1: connection refused; is the server running?").arg(origin);
    case QNetworkReply::HostNotFoundError:
        return QStringLiteral("cannot reach %1: host not found").arg(origin);
    case QNetworkReply::RemoteHostClosedError:
        return QStringLiteral("%1 closed the connection before answering").arg(origin);
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        return QStringLiteral("no answer from %1 within %2 s").arg(origin).arg(timeoutMs / 1000.0);
    case QNetworkReply::SslHandshakeFailedError:
        return insecure ? QStringLiteral("cannot reach %1: TLS handshake failed: %2").arg(origin, detail)
                        : QStringLiteral("cannot reach %1: TLS handshake failed: %2 (a self-signed "
                                         "certificate is accepted only when asked to be insecure)")
                              .arg(origin, detail);
    default:
        return QStringLiteral("cannot reach %1: %2").arg(origin, detail);
    }
}

} // namespace

Result<QString> assertionAlgorithm(const auth::Key &key)
{
    if (key.isNull())
        return makeError(ErrorType::InvalidInput, QStringLiteral("no key to sign the client assertion with"));
    if (key.isRsa())
        return QStringLiteral("RS256");
    if (key.isEc()) {
        const QString curve = key.curve();
        if (curve == QLatin1String("P-256"))
            return QStringLiteral("ES256");
        if (curve == QLatin1String("P-384"))
            return QStringLiteral("ES384");
        if (curve == QLatin1String("P-521"))
            return QStringLiteral("ES512");
    }
    return makeError(ErrorType::InvalidInput,
                     QStringLiteral("a %1 key cannot sign a client assertion; use an RSA or EC P-256, "
                                    "P-384 or P-521 key")
                         .arg(key.typeDisplayName()));
}

Result<QByteArray> buildClientAssertion(const QString &clientId, const auth::Key &privateKey,
                                        const QString &tokenUrl, QDateTime now, int lifetimeSeconds)
{
    if (clientId.isEmpty())
        return makeError(ErrorType::InvalidInput, QStringLiteral("the client assertion needs a client id"));
    if (tokenUrl.isEmpty())
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("the client assertion needs the token endpoint URL"));
    if (lifetimeSeconds <= 0)
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("the client assertion's lifetime must be positive"));
    const auto alg = assertionAlgorithm(privateKey);
    if (!alg)
        return alg.error();
    if (!privateKey.hasPrivate())
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("this is a public key; signing the client assertion needs the "
                                        "private key"));
    const qint64 iat = now.toSecsSinceEpoch();
    const QJsonObject claims{{QStringLiteral("iss"), clientId},
                             {QStringLiteral("sub"), clientId},
                             {QStringLiteral("aud"), tokenUrl},
                             {QStringLiteral("iat"), iat},
                             {QStringLiteral("exp"), iat + lifetimeSeconds},
                             {QStringLiteral("jti"), randomHex(16)}};
    return privateKey.signCompact(*alg, QJsonDocument(claims).toJson(QJsonDocument::Compact),
                                  QJsonObject{{QStringLiteral("typ"), QStringLiteral("JWT")}});
}

auth::Key withRegisteredKid(const auth::Key &key, const auth::AppIntegration *app)
{
    if (!key.kid().isEmpty())
        return key;
    if (app) {
        for (const auth::AppKey &appKey : app->keys) {
            const auto registered = auth::Key::fromJwk(appKey.publicJwk);
            if (registered && registered->samePublicKey(key))
                return key.withKid(appKey.kid);
        }
    }
    return key.withKid(key.thumbprint());
}

QString tokenEndpointUrl(const QString &baseUrl)
{
    QString base = baseUrl.trimmed();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base + QStringLiteral("/oauth2/v1/token");
}

QByteArray formEncode(const QList<std::pair<QString, QString>> &fields)
{
    QByteArray body;
    for (const auto &[name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += name.toUtf8().toPercentEncoding() + '=' + value.toUtf8().toPercentEncoding();
    }
    return body;
}

TokenClient::TokenClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_network(network ? network : new QNetworkAccessManager(this))
{}

TokenClient::~TokenClient()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void TokenClient::finishLater(const TokenResult &result)
{
    QTimer::singleShot(0, this, [this, result] { emit finished(result); });
}

void TokenClient::requestToken(const TokenRequest &request)
{
    if (m_reply) { // abandoned: its answer is of no interest any more
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply.clear();
    }
    TokenResult pending;
    const QUrl url(request.tokenUrl, QUrl::StrictMode);
    if (!url.isValid() || url.isRelative() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        pending.error = QStringLiteral("invalid_request");
        pending.message = pending.errorDescription =
            QStringLiteral("'%1' is not an http or https URL").arg(request.tokenUrl);
        finishLater(pending);
        return;
    }
    const auto assertion = buildClientAssertion(request.clientId, request.privateKey, request.tokenUrl);
    if (!assertion) {
        pending.error = QStringLiteral("invalid_key");
        pending.message = pending.errorDescription =
            QStringLiteral("cannot sign the client assertion: ") + assertion.error().message;
        finishLater(pending);
        return;
    }
    describeAssertion(*assertion, &pending);

    QNetworkRequest http(url);
    http.setHeader(QNetworkRequest::ContentTypeHeader,
                   QByteArrayLiteral("application/x-www-form-urlencoded"));
    http.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    http.setTransferTimeout(request.timeoutMs);
    http.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    const QByteArray body = formEncode({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                        {QStringLiteral("scope"), request.scope},
                                        {QStringLiteral("client_assertion_type"), kJwtBearerAssertionType},
                                        {QStringLiteral("client_assertion"), QString::fromLatin1(*assertion)},
                                        {QStringLiteral("client_id"), request.clientId}});
    QNetworkReply *reply = m_network->post(http, body);
    m_reply = reply;
#if QT_CONFIG(ssl)
    if (request.insecure)
        connect(reply, &QNetworkReply::sslErrors, reply, [reply] { reply->ignoreSslErrors(); });
#endif
    const QString tokenUrl = request.tokenUrl;
    const int timeoutMs = request.timeoutMs;
    const bool insecure = request.insecure;
    connect(reply, &QNetworkReply::finished, this, [this, reply, tokenUrl, pending, timeoutMs, insecure] {
        TokenResult result = pending;
        result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (result.httpStatus == 0) {
            const QString origin = originOf(QUrl(tokenUrl));
            const auto code = reply->error();
            result.error =
                code == QNetworkReply::OperationCanceledError || code == QNetworkReply::TimeoutError
                    ? QStringLiteral("timeout")
                    : QStringLiteral("network_error");
            result.message = result.errorDescription =
                networkSentence(code, origin, reply->errorString(), timeoutMs, insecure);
            reply->deleteLater();
            m_reply.clear();
            emit finished(result);
            return;
        }
        onReplyFinished(reply, tokenUrl, result);
    });
}

void TokenClient::onReplyFinished(QNetworkReply *reply, const QString &tokenUrl, const TokenResult &pending)
{
    TokenResult result = pending;
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    m_reply.clear();

    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const bool isObject = parseError.error == QJsonParseError::NoError && doc.isObject();
    if (isObject)
        result.json = doc.object();
    const QString origin = originOf(QUrl(tokenUrl));
    if (result.httpStatus == 200) {
        result.accessToken = result.json.value(QLatin1String("access_token")).toString();
        result.tokenType = result.json.value(QLatin1String("token_type")).toString();
        result.expiresIn = result.json.value(QLatin1String("expires_in")).toInteger();
        result.scope = result.json.value(QLatin1String("scope")).toString();
        if (!isObject || result.accessToken.isEmpty()) {
            result.accessToken.clear();
            result.error = QStringLiteral("invalid_response");
            result.message = result.errorDescription =
                QStringLiteral("%1 answered 200 without an access_token in a JSON object; is it a "
                               "Workflows Console server?")
                    .arg(tokenUrl);
            emit finished(result);
            return;
        }
        result.ok = true;
        emit finished(result);
        return;
    }
    result.error = result.json.value(QLatin1String("error")).toString();
    result.errorDescription = result.json.value(QLatin1String("error_description")).toString();
    if (result.error.isEmpty()) {
        result.error = QStringLiteral("invalid_response");
        result.message = result.errorDescription =
            QStringLiteral("%1 answered HTTP %2 without an OAuth 2.0 error; is it a Workflows Console "
                           "server?")
                .arg(tokenUrl)
                .arg(result.httpStatus);
    } else {
        result.message = QStringLiteral("%1 refused the token request (HTTP %2): %3")
                             .arg(origin)
                             .arg(result.httpStatus)
                             .arg(result.errorDescription.isEmpty()
                                      ? result.error
                                      : result.error + QStringLiteral(": ") + result.errorDescription);
    }
    emit finished(result);
}

} // namespace wf::tester
