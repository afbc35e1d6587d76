#include "server/FlowRoutes.h"

namespace wf::server {
namespace {

HttpAnswer health()
{
    HttpAnswer answer;
    answer.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    answer.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    answer.body = QByteArrayLiteral("{\"status\":\"ok\"}");
    return answer;
}

} // namespace

bool addFlowRoutes(HttpServer &server, InvokeService &service)
{
    // Every method reaches the service, which answers 405 with `Allow: GET, POST` itself and takes
    // OPTIONS as a CORS preflight.
    const QList<QByteArray> methods = {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
    const Handler handler = [&service](const HttpRequest &request) {
        return service.handle(request);
    };
    // A flow's answer waits for its history record; no worker waits with it.
    const AsyncHandler answerLater = [&service](const HttpRequest &request, Respond respond) {
        service.handle(request, std::move(respond));
    };
    // Unknown flows, wrong methods and bodies over the workspace's limit are answered from the head.
    const auto beforeBody = [&service](const QByteArray &method, const QByteArray &path,
                                       qint64 contentLength) {
        return service.answerBeforeBody(method, path, contentLength);
    };
    bool ok = true;
    for (const char *pattern :
         {"/api/flo/*/invoke", "/api/flo/*/resume/*", "/api/flo/*/retry/*", "/api/flo/*/openapi"})
        ok = server.addRoute(Route{QByteArray(pattern), methods, true, handler, beforeBody, answerLater}) &&
             ok;
    ok = server.addRoute(Route{"/health",
                               {"GET"},
                               false,
                               [](const HttpRequest &) {
                                   return health();
                               }}) &&
         ok;
    return ok;
}

} // namespace wf::server
