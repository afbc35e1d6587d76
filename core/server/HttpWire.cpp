#include "server/HttpWire.h"

#include <QDateTime>
#include <QLocale>
#include <QLoggingCategory>
#include <atomic>
#include <cctype>
#include <exception>
#include <memory>

namespace wf::server {

Q_LOGGING_CATEGORY(lcServer, "wf.server")

} // namespace wf::server

namespace wf::server::wire {

// RFC 9110 IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT", computed once a second.
QByteArray httpDate()
{
    thread_local qint64 cachedSecond = -1;
    thread_local QByteArray cached;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (now != cachedSecond) {
        cached = QLocale::c()
                     .toString(QDateTime::fromSecsSinceEpoch(now, Qt::UTC),
                               QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                     .toLatin1();
        cachedSecond = now;
    }
    return cached;
}

bool isTokenChar(char c)
{
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return true;
    return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

bool equalsIgnoringCase(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

// Values that cannot split a header block: no CR, LF or NUL.
bool isSafeHeaderValue(QByteArrayView value)
{
    return !value.contains('\r') && !value.contains('\n') && !value.contains('\0');
}

// Headers the transport owns: an answer never sets them.
bool isTransportHeader(QByteArrayView name)
{
    static constexpr std::string_view names[] = {
        "content-length",
        "transfer-encoding",
        "connection",
        "keep-alive",
        "proxy-connection",
        "upgrade",
        "te",
        "trailer",
        "date",
        "x-content-type-options",
    };
    return std::any_of(std::begin(names), std::end(names), [&](std::string_view candidate) {
        return equalsIgnoringCase(name, QByteArrayView(candidate.data(), qsizetype(candidate.size())));
    });
}

// The comma-separated elements of every header called `name`, trimmed, empty ones skipped.
QList<QByteArray> listHeader(const HeaderList &headers, QByteArrayView name)
{
    QList<QByteArray> items;
    for (const auto &[key, value] : headers) {
        if (!equalsIgnoringCase(key, name))
            continue;
        for (const QByteArray &item : value.split(',')) {
            if (const QByteArray trimmed = item.trimmed(); !trimmed.isEmpty())
                items.append(trimmed);
        }
    }
    return items;
}

QString peerString(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4); // also unwraps ::ffff:a.b.c.d
    return isV4 ? QHostAddress(v4).toString() : address.toString();
}

HttpAnswer checkedAnswer(const HttpAnswer &answer)
{
    if (answer.status >= 200 && answer.status <= 599)
        return answer;
    qCWarning(lcServer) << "a handler answered with the invalid status" << answer.status;
    return errorAnswer(500, QStringLiteral("internal_error"),
                       QStringLiteral("the request handler produced an invalid status code"));
}

void appendHeader(QByteArray &out, QByteArrayView name, QByteArrayView value)
{
    out.append(name).append(": ").append(value).append("\r\n");
}

// The one place an answer becomes bytes: status line, the answer's own headers (minus the
// transport's), Content-Type exactly as given (never sniffed), and the common headers.
QByteArray encodeAnswer(const HttpAnswer &answer, bool headRequest, Persistence persistence)
{
    const bool bodyless = answer.status == 204 || answer.status == 304;
    QByteArray out;
    out.reserve(256 + (headRequest || bodyless ? 0 : answer.body.size()));
    out.append("HTTP/1.1 ")
        .append(QByteArray::number(answer.status))
        .append(' ')
        .append(reasonPhrase(answer.status).toLatin1())
        .append("\r\n");
    QByteArray contentType;
    for (const auto &[name, value] : answer.headers) {
        if (!isToken(name) || !isSafeHeaderValue(value)) {
            qCWarning(lcServer) << "dropped an answer header that is not valid HTTP:" << name;
        } else if (equalsIgnoringCase(name, "content-type")) {
            if (contentType.isEmpty())
                contentType = value;
        } else if (!isTransportHeader(name)) {
            appendHeader(out, name, value);
        }
    }
    if (bodyless)
        contentType.clear();
    else if (contentType.isEmpty() && !answer.body.isEmpty())
        contentType = QByteArrayLiteral("application/octet-stream");
    if (!contentType.isEmpty())
        appendHeader(out, "Content-Type", contentType);
    appendHeader(out, "Date", httpDate());
    appendHeader(out, "X-Content-Type-Options", "nosniff");
    if (!bodyless)
        appendHeader(out, "Content-Length", QByteArray::number(answer.body.size()));
    if (persistence == Persistence::Close)
        appendHeader(out, "Connection", "close");
    else if (persistence == Persistence::KeepAliveHttp10)
        appendHeader(out, "Connection", "keep-alive");
    out.append("\r\n");
    if (!headRequest && !bodyless)
        out.append(answer.body);
    return out;
}

HttpAnswer callHandler(const Handler &handler, const HttpRequest &request)
{
    try {
        return handler(request);
    } catch (const std::exception &e) {
        qCWarning(lcServer) << "a request handler threw:" << e.what();
    } catch (...) {
        qCWarning(lcServer) << "a request handler threw an unknown exception";
    }
    return errorAnswer(500, QStringLiteral("internal_error"),
                       QStringLiteral("the request handler failed; see the server log"));
}

void callHandler(const AsyncHandler &handler, const HttpRequest &request, const Respond &respond)
{
    auto answered = std::make_shared<std::atomic_bool>(false);
    const Respond once = [answered, respond](HttpAnswer answer) {
        if (!answered->exchange(true))
            respond(std::move(answer));
        else
            qCWarning(lcServer) << "a request handler answered twice: the second answer is dropped";
    };
    try {
        handler(request, once);
        return;
    } catch (const std::exception &e) {
        qCWarning(lcServer) << "a request handler threw:" << e.what();
    } catch (...) {
        qCWarning(lcServer) << "a request handler threw an unknown exception";
    }
    if (!answered->load())
        once(errorAnswer(500, QStringLiteral("internal_error"),
                         QStringLiteral("the request handler failed; see the server log")));
}

// Index just past the empty line that ends a request head, or -1 while it is incomplete.
qsizetype headEnd(const QByteArray &data)
{
    const qsizetype crlf = data.indexOf("\n\r\n");
    const qsizetype lf = data.indexOf("\n\n");
    if (crlf >= 0 && (lf < 0 || crlf < lf))
        return crlf + 3;
    return lf >= 0 ? lf + 2 : -1;
}

// A decimal Content-Length without sign or spaces, at most 18 digits; -1 when malformed.
qint64 parseLength(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 18)
        return -1;
    qint64 value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

// A chunk size: 1 to 15 hex digits; -1 when malformed.
qint64 parseChunkSize(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 15)
        return -1;
    qint64 value = 0;
    for (char c : text) {
        int digit = -1;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

} // namespace wf::server::wire
