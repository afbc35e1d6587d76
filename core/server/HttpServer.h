#pragma once

// The HTTP/1.1 adapter: accepts connections, parses requests into wf::HttpRequest, finds the route,
// calls its handler (on the server thread or on a worker pool) and writes the wf::HttpAnswer back.
// It knows nothing of flows; flow, OAuth and discovery routes are registered by the caller.
//
// Why it parses HTTP itself instead of handing sockets to QAbstractHttpServer (bind() exists in
// 6.4): QAbstractHttpServer reads everything a socket receives (readAll) into its own parser and
// calls us only with a complete request, body included. A 413 "before the body is buffered" and
// `Expect: 100-continue` both need the head before that, and pipelined requests and keep-alive need
// to know where each request ends; interposing would mean a second parser framing the same stream,
// and two parsers that can disagree on framing invite request smuggling. Also checked on 6.4.2:
// repeated headers reach the handler merged into one comma-joined value, header names lose their
// order, and malformed input is closed without an answer. So this adapter owns the wire format (a
// strict RFC 9112 subset, below) on QTcpServer/QTcpSocket/QSslSocket. A later Qt (6.8+, with
// QHttpServerConfiguration) could take the parsing back behind the same Route/HttpRequest/HttpAnswer
// API; nothing outside HttpServer.cpp would change.
//
// Wire behaviour:
// - Requests on one connection are handled one at a time, in order (pipelined requests wait in the
//   socket buffer; their answers are written in request order).
// - Bodies: Content-Length or chunked. A Content-Length over maxBodyBytes is answered 413 before a
//   byte of the body is read; a chunked body is cut off with 413 as soon as it passes the limit.
//   `Expect: 100-continue` gets `100 Continue` when the body is acceptable, else the final answer at
//   once (413, or 404/405 when no route takes the request).
// - HEAD is served by a route's GET handler (the handler sees method "GET"); the body is not sent,
//   Content-Length is. Routes list their methods; a path that matches but with another method gets
//   405 with `Allow` listing the matching routes' methods. OPTIONS reaches a handler only when its
//   route lists it. Unknown path: 404.
// - Malformed requests get 400 (414/431 for a head over maxHeaderBytes, 417 for an unknown Expect,
//   501 for a transfer coding other than chunked, 505 for an HTTP version other than 1.0/1.1) and
//   the connection is closed once the client has been quiet for 200 ms (at most 2 s), so that it
//   reads the answer instead of a TCP reset. Every error body is errorAnswer() JSON.
// - Every answer: Content-Type exactly as the handler set it (application/octet-stream for an
//   untyped body, never sniffed), Date, X-Content-Type-Options: nosniff, Content-Length and, when
//   closing, Connection: close. The answer's own Content-Length, Transfer-Encoding, Connection,
//   Date, X-Content-Type-Options and hop-by-hop headers are ignored; headers with CR/LF in them
//   are dropped. A status outside 200..599, or a handler that throws, becomes 500 internal_error.
// - At most maxConnections are served; further connections are accepted by the kernel but wait (not
//   read, not timed out) until a served one closes, in arrival order.
// - A connection that is silent for idleTimeoutMs (no byte read or written) while no handler runs
//   is closed; a running handler is never cut off by it.

#include "endpoint/HttpRequest.h"
#include "endpoint/ResponseShaper.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QString>
#include <QThread>
#include <algorithm>
#include <functional>
#include <memory>
#include <optional>

namespace wf::server {

struct ServerConfig {
    QHostAddress host = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0;                       // 0 = any free port; HttpServer::port() tells which
    qint64 maxBodyBytes = 10 * 1024 * 1024; // larger request bodies get 413 payload_too_large
    qint64 maxHeaderBytes = 64 * 1024;      // request line + headers (and chunked trailers): 431
    int maxConnections = 1024;              // connections served at once; the rest wait
    int idleTimeoutMs = 30000;              // 0 = never close idle connections
    // For runOnWorker handlers: as many as the cores, which is what running flows needs (more only
    // add switches between them). A handler that waits (a database round trip) or runs long (a flow
    // past RunOptions::longRunMs) says so with a WaitScope, and the pool starts another thread
    // meanwhile; a flow's answer waits for its history record without a worker (asyncHandler).
    int workerThreads = std::max(2, QThread::idealThreadCount());
    std::optional<QSslConfiguration> tls; // HTTPS when set: needs a local certificate and key
};

using Handler = std::function<HttpAnswer(const HttpRequest &)>;
// A handler that answers later: it calls `respond` exactly once, from any thread, when the answer
// is ready, so that no worker waits meanwhile (a flow's answer waits for its history record).
using Respond = std::function<void(HttpAnswer)>;
using AsyncHandler = std::function<void(const HttpRequest &, Respond)>;

struct Route {
    // Matched against the percent-encoded path, without the query. A `*` segment matches exactly
    // one non-empty segment: "/api/flo/*/invoke", "/api/flo/*/resume/*". Everything else is literal.
    QByteArray pathPattern;
    QList<QByteArray> methods; // upper case, e.g. {"GET", "POST"}; GET also serves HEAD
    // false: the handler runs on the server thread and must be quick (health, discovery).
    // true: it runs on the worker pool; the answer is written back on the server thread, or
    // dropped if the client has gone (requestFinished then reports status 499).
    bool runOnWorker = false;
    Handler handler; // must be safe to call from a worker thread when runOnWorker is set
    // Optional, on the server thread as soon as the head is read: an answer that the head alone
    // decides (an unknown flow, a body over the route's own limit), given before the body is read and
    // before the server's global body limit is applied. Must be quick and thread-safe.
    std::function<std::optional<HttpAnswer>(const QByteArray &method, const QByteArray &path,
                                            qint64 contentLength)>
        beforeBody = {};
    // With runOnWorker: used instead of `handler` when set. It starts on a worker; the answer is
    // written when it responds.
    AsyncHandler asyncHandler = {};
};

// Whether `path` matches `pattern` as described at Route::pathPattern.
[[nodiscard]] bool pathMatches(QByteArrayView pattern, QByteArrayView path);

class HttpServer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override; // closes every connection and waits for running worker handlers

    // Routes are tried in the order added. Returns false (and adds nothing) when the route is
    // incomplete (pattern not starting with '/', no methods, no handler) or the server is listening.
    bool addRoute(Route route);

    // Starts serving. On failure returns false and, when `error` is given, says why in a sentence
    // (for example "port 8080 on 127.0.0.1 is already in use").
    [[nodiscard]] bool listen(const ServerConfig &config, QString *error = nullptr);
    bool isListening() const;
    quint16 port() const;        // the port listened on, 0 when not listening
    void close();                // stops listening and closes every connection; routes are kept
    int connectionCount() const; // connections being served (not those waiting beyond the cap)

signals:
    // One per request that got an answer or whose client left first (status 499). `path` never
    // includes the query string, so query secrets (clientToken) never reach a log through it.
    // `method` and `path` are empty when the request line could not be parsed.
    // Every request answered (or dropped: status 499), for the request log. `executionId` is the
    // answer's X-Execution-Id header, empty when it has none.
    void requestFinished(const QByteArray &method, const QByteArray &path, int status, qint64 durationMs,
                         const QByteArray &executionId);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace wf::server
