#pragma once

// An HTTP request as core sees it, copied out of the transport: what the invoke pipeline and the
// authorization server decide on. The server adapter (core/server) builds it; tests build it directly.

#include "engine/EventData.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace wf {

struct HttpRequest {
    QByteArray method;   // upper case: "GET", "POST", ...
    QByteArray path;     // percent-encoded, without the query: "/api/flo/0123.../invoke"
    QByteArray rawQuery; // percent-encoded, without '?'
    HeaderList headers;  // as received
    QByteArray body;
    QString peerAddress; // "127.0.0.1"

    QByteArray header(const QByteArray &name) const { return headerValue(headers, name); }
};

} // namespace wf
