#pragma once

// Registers the flow routes (invoke, resume, retry, openapi) and /health on an HttpServer, all
// answered by one InvokeService on the worker pool.

#include "endpoint/InvokeService.h"
#include "server/HttpServer.h"

#include <functional>

namespace wf::server {

// Called after each flow request with what a request log needs (never the query: it may hold a
// client token).
using FlowRequestLogger = std::function<void(const QByteArray &method, const QByteArray &path, int status,
                                             qint64 durationMs, const QByteArray &executionId)>;

[[nodiscard]] bool addFlowRoutes(HttpServer &server, InvokeService &service, FlowRequestLogger logger = {});

} // namespace wf::server
