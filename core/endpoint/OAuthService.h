#pragma once

// The authorization server's routes of PRODUCT.md §3 as a transport-free service: the token endpoint
// (form decoding, content type, no-store), the JWKS and the two discovery documents.

#include "auth/AuthorizationServer.h"
#include "endpoint/HttpRequest.h"
#include "endpoint/ResponseShaper.h"

namespace wf {

class OAuthService final {
public:
    static constexpr qsizetype kMaxFormBytes = 256 * 1024;
    static inline const QByteArray kTokenPath = QByteArrayLiteral("/oauth2/v1/token");
    static inline const QByteArray kKeysPath = QByteArrayLiteral("/oauth2/v1/keys");
    static inline const QByteArray kOpenIdConfigurationPath =
        QByteArrayLiteral("/.well-known/openid-configuration");
    static inline const QByteArray kAuthorizationServerPath =
        QByteArrayLiteral("/.well-known/oauth-authorization-server");

    explicit OAuthService(auth::AuthorizationServer &server) : m_server(server) {}

    // POST /oauth2/v1/token.
    HttpAnswer token(const HttpRequest &request);
    // The token endpoint's answer from the request head alone: a body over kMaxFormBytes is refused
    // before it is read.
    static std::optional<HttpAnswer> tokenBeforeBody(qint64 contentLength);
    // GET /oauth2/v1/keys.
    HttpAnswer keys() const;
    // GET of one of the two discovery paths.
    HttpAnswer discovery(const QByteArray &path) const;

private:
    auth::AuthorizationServer &m_server;
};

// application/x-www-form-urlencoded fields; an error naming the problem for a field given twice,
// malformed percent-encoding or text that is not UTF-8.
Result<QHash<QString, QString>> parseFormFields(const QByteArray &body);

} // namespace wf
