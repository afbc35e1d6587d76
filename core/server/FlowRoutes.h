#pragma once

// Registers the flow routes (invoke, resume, retry, openapi) and /health on an HttpServer, all
// answered by one InvokeService on the worker pool.

#include "endpoint/InvokeService.h"
#include "server/HttpServer.h"

namespace wf::server {

[[nodiscard]] bool addFlowRoutes(HttpServer &server, InvokeService &service);

} // namespace wf::server
