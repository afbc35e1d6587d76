#include "server/OAuthRoutes.h"

namespace wf::server {

bool addOAuthRoutes(HttpServer &server, OAuthService &service)
{
    bool ok = server.addRoute(
        Route{OAuthService::kTokenPath, {"POST"}, true, [&service](const HttpRequest &request) {
                  return service.token(request);
              }});
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
