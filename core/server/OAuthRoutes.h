#pragma once

// Registers the authorization server's routes on an HttpServer: the token endpoint (on the worker
// pool: it signs), the JWKS and the two discovery documents (on the server thread).

#include "endpoint/OAuthService.h"
#include "server/HttpServer.h"

namespace wf::server {

[[nodiscard]] bool addOAuthRoutes(HttpServer &server, OAuthService &service);

} // namespace wf::server
