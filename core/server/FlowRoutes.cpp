#include "server/FlowRoutes.h"

#include <QElapsedTimer>

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

bool addFlowRoutes(HttpServer &server, InvokeService &service, FlowRequestLogger logger)
{
    // Every method reaches the service, which answers 405 with `Allow: GET, POST` itself and takes
    // OPTIONS as a CORS preflight.
    const QList<QByteArray> methods = {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
    const Handler handler = [&service, logger](const HttpRequest &request) {
        QElapsedTimer timer;
        timer.start();
        HttpAnswer answer = service.handle(request);
        if (logger)
            logger(request.method, request.path, answer.status, timer.elapsed(),
                   answer.header("X-Execution-Id"));
        return answer;
    };
    bool ok = true;
    for (const char *pattern :
         {"/api/flo/*/invoke", "/api/flo/*/resume/*", "/api/flo/*/retry/*", "/api/flo/*/openapi"})
        ok = server.addRoute(Route{QByteArray(pattern), methods, true, handler}) && ok;
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
