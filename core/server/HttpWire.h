#pragma once

// The HTTP/1.1 wire format pieces the adapter is made of: token and header checks, framing numbers,
// the Date header, and the one function that turns an answer into bytes.

#include "endpoint/HttpRequest.h"
#include "endpoint/ResponseShaper.h"
#include "server/HttpServer.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QLoggingCategory>

namespace wf::server {

Q_DECLARE_LOGGING_CATEGORY(lcServer)

} // namespace wf::server

namespace wf::server::wire {

enum class Persistence { KeepAlive, KeepAliveHttp10, Close };

// RFC 9110 IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT", computed once a second.
QByteArray httpDate();

bool isTokenChar(char c);

bool isToken(QByteArrayView text);

bool equalsIgnoringCase(QByteArrayView a, QByteArrayView b);

// Values that cannot split a header block: no CR, LF or NUL.
bool isSafeHeaderValue(QByteArrayView value);

// Headers the transport owns: an answer never sets them.
bool isTransportHeader(QByteArrayView name);

// The comma-separated elements of every header called `name`, trimmed, empty ones skipped.
QList<QByteArray> listHeader(const HeaderList &headers, QByteArrayView name);

QString peerString(const QHostAddress &address);

HttpAnswer checkedAnswer(const HttpAnswer &answer);

void appendHeader(QByteArray &out, QByteArrayView name, QByteArrayView value);

// The one place an answer becomes bytes: status line, the answer's own headers (minus the
// transport's), Content-Type exactly as given (never sniffed), and the common headers.
QByteArray encodeAnswer(const HttpAnswer &answer, bool headRequest, Persistence persistence);

HttpAnswer callHandler(const Handler &handler, const HttpRequest &request);
// Calls `handler` so that `respond` gets exactly one answer: a 500 when the handler throws before
// answering; a second answer is dropped.
void callHandler(const AsyncHandler &handler, const HttpRequest &request, const Respond &respond);

// Index just past the empty line that ends a request head, or -1 while it is incomplete.
qsizetype headEnd(const QByteArray &data);

// A decimal Content-Length without sign or spaces, at most 18 digits; -1 when malformed.
qint64 parseLength(QByteArrayView text);

// A chunk size: 1 to 15 hex digits; -1 when malformed.
qint64 parseChunkSize(QByteArrayView text);

} // namespace wf::server::wire
