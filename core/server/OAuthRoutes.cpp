#include "server/OAuthRoutes.h"

namespace wf::server {

bool addOAuthRoutes(HttpServer &server, OAuthService &service)
{
    // The token endpoint signs (worker pool) and refuses an oversized form from the head.
    Route token{OAuthService::kTokenPath, {"POST"}, true, [&service](const HttpRequest &request) {
                    return service.token(request);
                }};
    token.beforeBody = [](const QByteArray &, const QByteArray &, qint64 contentLength) {
        return OAuthService::tokenBeforeBody(contentLength);
    };
    bool ok = server.addRoute(std::move(token));
    ok = server.addRoute(Route{OAuthService::kKeysPath,
                               {"GET"},
                               false,
                               [&service](const HttpRequest &) {
                                   return service.keys();
                               }}) &&
         ok;
    for (const QByteArray &path :
         {OAuthService::kOpenIdConfigurationPath, OAuthService::kAuthorizationServerPath})
        ok = server.addRoute(Route{path,
                                   {"GET"},
                                   false,
                                   [&service, path](const HttpRequest &) {
                                       return service.discovery(path);
                                   }}) &&
             ok;
    return ok;
}

} // namespace wf::server
