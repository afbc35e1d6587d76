// One client connection of the HTTP adapter: reads a request's head and body (Content-Length or
// chunked) within the limits, routes it, runs its handler (on the server thread or the worker pool),
// writes the answer, and keeps the connection for the next request or closes it.

#include "server/HttpServerPrivate.h"

#include <QLoggingCategory>
#include <QMetaObject>
#include <QPointer>
#include <QSslSocket>
#include <cctype>
#include <exception>
#include <utility>

namespace wf::server {

using namespace wire;
using namespace internal;

HttpServer::Private::Connection::Connection(Private *owner, QTcpSocket *socket)
    : QObject(owner->q), m_owner(owner), m_server(owner->q), m_socket(socket),
      m_maxBody(owner->config.maxBodyBytes), m_maxHead(owner->config.maxHeaderBytes),
      m_idleMs(owner->config.idleTimeoutMs)
{
    socket->setParent(this);
    socket->setReadBufferSize(kReadBufferSize);
    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, &Connection::onIdle);
    connect(socket, &QIODevice::readyRead, this, &Connection::pump);
    connect(socket, &QIODevice::bytesWritten, this, [this] {
        touch();
        pump();
    });
    connect(socket, &QAbstractSocket::disconnected, this, &Connection::finish);
    connect(socket, &QAbstractSocket::errorOccurred, this, &Connection::onError);
    touch();
}

void HttpServer::Private::Connection::shutdown()
{
    m_owner = nullptr;
    m_finished = true;
    m_idle.stop();
    m_socket->abort();
    deleteLater();
}

void HttpServer::Private::Connection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_idle.stop();
    if (m_owner)
        m_owner->closed(this);
    m_owner = nullptr;
    deleteLater();
}

void HttpServer::Private::Connection::onError(QAbstractSocket::SocketError error)
{
    if (error != QAbstractSocket::RemoteHostClosedError)
        qCDebug(lcServer) << "connection error:" << m_socket->errorString();
    if (error == QAbstractSocket::SslHandshakeFailedError)
        m_socket->abort();
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        finish();
}

// The idle clock runs while we wait on the client (to send, or to read our answer), never while
// a handler runs. In Draining the timer measures the quiet period instead (see pump()).
void HttpServer::Private::Connection::touch()
{
    if (m_finished || m_state == State::Handling || m_state == State::Draining)
        return;
    if (m_idleMs > 0)
        m_idle.start(m_idleMs);
}

void HttpServer::Private::Connection::onIdle()
{
    if (m_finished || m_state == State::Handling)
        return;
    if (m_state == State::Draining) {
        m_state = State::Closing;
        m_socket->readAll();
        m_socket->disconnectFromHost();
        touch();
        return;
    }
    qCDebug(lcServer) << "closing a connection idle for" << m_idleMs << "ms";
    m_socket->abort();
    finish();
}

void HttpServer::Private::Connection::pump()
{
    if (m_finished)
        return;
    if (m_state == State::Draining) {
        m_socket->readAll(); // the rest of a refused request: dropped, not buffered
        if (m_lingering.elapsed() < kLingerMs)
            m_idle.start(kQuietMs);
        return;
    }
    while (!m_finished) {
        if (m_state == State::Head && m_socket->bytesToWrite() > kMaxUnsentBytes)
            return; // resumed from bytesWritten
        switch (step()) {
        case Step::Progress:
            continue;
        case Step::Stop:
            return;
        case Step::NeedMore:
            if (m_socket->bytesAvailable() <= 0)
                return;
            m_in.append(m_socket->readAll());
            touch();
            continue;
        }
    }
}

HttpServer::Private::Connection::Step HttpServer::Private::Connection::step()
{
    switch (m_state) {
    case State::Head:
        return readHead();
    case State::Body:
    case State::ChunkData:
        return readBody();
    case State::ChunkSize:
        return readChunkSize();
    case State::ChunkEnd:
        return readChunkEnd();
    case State::Trailers:
        return readTrailers();
    case State::Handling:
    case State::Draining:
    case State::Closing:
        break;
    }
    return Step::Stop;
}

HttpServer::Private::Connection::Step HttpServer::Private::Connection::readHead()
{
    qsizetype blank = 0; // RFC 9112 §2.2: ignore empty lines before a request line
    while (blank < m_in.size() && (m_in.at(blank) == '\r' || m_in.at(blank) == '\n'))
        ++blank;
    m_in.remove(0, blank);
    if (m_in.isEmpty())
        return Step::NeedMore;
    const qsizetype end = headEnd(m_in);
    if (end < 0 && m_in.size() <= m_maxHead)
        return Step::NeedMore;
    m_started.start();
    m_request = HttpRequest{};
    m_request.peerAddress = peerString(m_socket->peerAddress());
    m_logMethod.clear();
    m_logPath.clear();
    m_http10 = false;
    m_keepAlive = true;
    m_headRequest = false;
    if (end < 0 || end > m_maxHead) {
        if (m_in.left(m_maxHead).indexOf('\n') < 0)
            return reject(414, QStringLiteral("uri_too_long"),
                          QStringLiteral("the request line is longer than %1 bytes").arg(m_maxHead));
        return reject(431, QStringLiteral("request_header_fields_too_large"),
                      QStringLiteral("the request head is larger than %1 bytes").arg(m_maxHead));
    }
    const QByteArray head = m_in.left(end);
    m_in.remove(0, end);
    return parseHead(head);
}

HttpServer::Private::Connection::Step HttpServer::Private::Connection::parseHead(const QByteArray &head)
{
    QList<QByteArray> lines = head.split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.contains('\r') || line.contains('\0'))
            return reject(400, QStringLiteral("invalid_request"),
                          QStringLiteral("a bare CR or a NUL byte in the request head"));
    }
    if (const Step step = parseRequestLine(lines.first()); step != Step::Progress)
        return step;
    for (qsizetype i = 1; i < lines.size() && !lines.at(i).isEmpty(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (line.startsWith(' ') || line.startsWith('\t'))
            return reject(400, QStringLiteral("invalid_request"),
                          QStringLiteral("folded header lines (obs-fold) are not accepted"));
        if (colon <= 0 || !isToken(QByteArrayView(line).first(colon)))
            return reject(400, QStringLiteral("invalid_request"),
                          QStringLiteral("malformed header line %1: expected `name: value`").arg(i));
        m_request.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    return parseFraming();
}

HttpServer::Private::Connection::Step
HttpServer::Private::Connection::parseRequestLine(const QByteArray &line)
{
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || !isToken(parts.at(0)) || parts.at(1).isEmpty())
        return reject(400, QStringLiteral("invalid_request"),
                      QStringLiteral("malformed request line: expected `METHOD /path HTTP/1.1`"));
    const QByteArray &version = parts.at(2);
    if (version == "HTTP/1.0" || version == "HTTP/1.1") {
        m_http10 = version == "HTTP/1.0";
    } else {
        const bool looksLikeHttp = version.size() == 8 && version.startsWith("HTTP/") &&
                                   std::isdigit(static_cast<unsigned char>(version.at(5))) &&
                                   version.at(6) == '.' &&
                                   std::isdigit(static_cast<unsigned char>(version.at(7)));
        if (looksLikeHttp)
            return reject(505, QStringLiteral("http_version_not_supported"),
                          QStringLiteral("only HTTP/1.0 and HTTP/1.1 are served"));
        return reject(400, QStringLiteral("invalid_request"),
                      QStringLiteral("malformed request line: unknown protocol version"));
    }
    QByteArray target = parts.at(1);
    if (target.startsWith("http://") || target.startsWith("https://")) { // absolute-form
        const qsizetype authority = target.indexOf("//") + 2;
        qsizetype rest = authority;
        while (rest < target.size() && target.at(rest) != '/' && target.at(rest) != '?')
            ++rest;
        target = rest < target.size() && target.at(rest) == '/' ? target.mid(rest)
                                                                : QByteArray("/").append(target.mid(rest));
    }
    if (const qsizetype hash = target.indexOf('#'); hash >= 0)
        target.truncate(hash);
    const bool printable = std::all_of(target.cbegin(), target.cend(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u > 0x20 && u < 0x7f;
    });
    m_request.method = parts.at(0);
    m_logMethod = m_request.method;
    m_headRequest = m_request.method == "HEAD";
    if (!target.startsWith('/') || !printable)
        return reject(
            400, QStringLiteral("invalid_request"),
            QStringLiteral("the request target must be a path starting with `/` in printable ASCII"));
    const qsizetype question = target.indexOf('?');
    m_request.path = question < 0 ? target : target.left(question);
    m_request.rawQuery = question < 0 ? QByteArray() : target.mid(question + 1);
    m_logPath = m_request.path;
    return Step::Progress;
}

// Host and persistence, then the body: everything decided from the head.
HttpServer::Private::Connection::Step HttpServer::Private::Connection::parseFraming()
{
    const HeaderList &headers = m_request.headers;
    const auto hosts = std::count_if(headers.cbegin(), headers.cend(),
                                     [](const auto &h) { return equalsIgnoringCase(h.first, "host"); });
    const QList<QByteArray> connection = listHeader(headers, "connection");
    const auto lists = [&](const char *token) {
        return std::any_of(connection.cbegin(), connection.cend(),
                           [&](const QByteArray &item) { return equalsIgnoringCase(item, token); });
    };
    m_keepAlive = m_http10 ? lists("keep-alive") : !lists("close");
    if (hosts > 1 || (!m_http10 && hosts == 0))
        return reject(400, QStringLiteral("invalid_request"),
                      QStringLiteral("an HTTP/1.1 request needs exactly one Host header"));
    qint64 length = 0;
    bool chunked = false;
    if (const Step step = parseBodyFraming(length, chunked); step != Step::Progress)
        return step;
    // What the head alone decides comes first: a request nothing would serve gets its 404 or 405, not
    // a 413 for a body it never needed.
    if (m_owner) {
        const Match found = m_owner->match(m_request.method, m_request.path);
        if (!found.route && (length > m_maxBody || chunked))
            return refuse(routingError(found));
        if (found.route && found.route->beforeBody) {
            if (auto early = found.route->beforeBody(m_request.method, m_request.path, length))
                return refuse(*early);
        }
    }
    if (length > m_maxBody)
        return reject(413, QStringLiteral("payload_too_large"),
                      QStringLiteral("the body has %1 bytes; the limit is %2").arg(length).arg(m_maxBody));
    if (const Step step = answerExpectation(chunked || length > 0); step != Step::Progress)
        return step;
    m_trailerBytes = 0;
    m_remaining = length;
    if (chunked) {
        m_state = State::ChunkSize;
        return Step::Progress;
    }
    if (length == 0)
        return dispatch();
    m_request.body.reserve(std::min<qint64>(length, 1024 * 1024)); // not what a client merely claims
    m_state = State::Body;
    return Step::Progress;
}

// Content-Length or chunked, never both (RFC 9112 §6.3: refusing both closes a smuggling door).
HttpServer::Private::Connection::Step HttpServer::Private::Connection::parseBodyFraming(qint64 &length,
                                                                                        bool &chunked)
{
    const QList<QByteArray> codings = listHeader(m_request.headers, "transfer-encoding");
    const QList<QByteArray> lengths = listHeader(m_request.headers, "content-length");
    chunked = !codings.isEmpty();
    length = 0;
    if (chunked) {
        if (!lengths.isEmpty() || m_http10)
            return reject(400, QStringLiteral("invalid_request"),
                          QStringLiteral("Transfer-Encoding with Content-Length, or in HTTP/1.0"));
        if (codings.size() != 1 || !equalsIgnoringCase(codings.first(), "chunked"))
            return reject(501, QStringLiteral("not_implemented"),
                          QStringLiteral("the only transfer coding accepted is `chunked`"));
    } else if (!lengths.isEmpty()) {
        length = parseLength(lengths.first());
        const bool agree = std::all_of(lengths.cbegin(), lengths.cend(),
                                       [&](const QByteArray &l) { return l == lengths.first(); });
        if (length < 0 || !agree)
            return reject(400, QStringLiteral("invalid_request"),
                          QStringLiteral("Content-Length must be one decimal number"));
    }
    return Step::Progress;
}

// `Expect: 100-continue`: the client waits for our word before sending the body. A request that can
// only get 404 or 405 is answered now instead, without its body; pointless once the body arrives.
HttpServer::Private::Connection::Step HttpServer::Private::Connection::answerExpectation(bool hasBody)
{
    const QList<QByteArray> expect = listHeader(m_request.headers, "expect");
    if (expect.isEmpty())
        return Step::Progress;
    if (expect.size() != 1 || !equalsIgnoringCase(expect.first(), "100-continue"))
        return reject(417, QStringLiteral("expectation_failed"),
                      QStringLiteral("the only expectation supported is `100-continue`"));
    if (m_http10 || !hasBody || !m_in.isEmpty() || !m_owner)
        return Step::Progress;
    if (const Match found = m_owner->match(m_request.method, m_request.path); !found.route)
        return refuse(routingError(found));
    m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    return Step::Progress;
}

// Content-Length bodies and the data of one chunk.
HttpServer::Private::Connection::Step HttpServer::Private::Connection::readBody()
{
    if (m_remaining > 0) {
        const qint64 take = std::min<qint64>(m_remaining, m_in.size());
        if (take == 0)
            return Step::NeedMore;
        m_request.body.append(m_in.constData(), take);
        m_in.remove(0, take);
        m_remaining -= take;
        if (m_remaining > 0)
            return Step::NeedMore;
    }
    if (m_state == State::ChunkData) {
        m_state = State::ChunkEnd;
        return Step::Progress;
    }
    return dispatch();
}

HttpServer::Private::Connection::Step HttpServer::Private::Connection::readChunkSize()
{
    const qsizetype newline = m_in.indexOf('\n');
    if (newline < 0 || newline > kMaxChunkLine) {
        if (m_in.size() <= kMaxChunkLine)
            return Step::NeedMore;
        return reject(400, QStringLiteral("invalid_request"), QStringLiteral("chunk size line too long"));
    }
    QByteArray line = m_in.left(newline);
    m_in.remove(0, newline + 1);
    if (line.endsWith('\r'))
        line.chop(1);
    if (const qsizetype extension = line.indexOf(';'); extension >= 0)
        line.truncate(extension); // chunk extensions are ignored
    const qint64 size = parseChunkSize(line.trimmed());
    if (size < 0)
        return reject(400, QStringLiteral("invalid_request"), QStringLiteral("malformed chunk size"));
    if (size > m_maxBody - m_request.body.size())
        return reject(413, QStringLiteral("payload_too_large"),
                      QStringLiteral("the chunked body exceeds the limit of %1 bytes").arg(m_maxBody));
    m_remaining = size;
    m_state = size == 0 ? State::Trailers : State::ChunkData;
    return Step::Progress;
}

HttpServer::Private::Connection::Step HttpServer::Private::Connection::readChunkEnd()
{
    if (m_in.startsWith("\r\n") || m_in.startsWith('\n')) {
        m_in.remove(0, m_in.startsWith('\n') ? 1 : 2);
        m_state = State::ChunkSize;
        return Step::Progress;
    }
    if (m_in.isEmpty() || m_in == "\r")
        return Step::NeedMore;
    return reject(400, QStringLiteral("invalid_request"), QStringLiteral("chunk data longer than its size"));
}

// Trailer fields after the last chunk: read up to the empty line and dropped.
HttpServer::Private::Connection::Step HttpServer::Private::Connection::readTrailers()
{
    for (;;) {
        const qsizetype newline = m_in.indexOf('\n');
        if (newline < 0) {
            if (m_trailerBytes + m_in.size() <= m_maxHead)
                return Step::NeedMore;
            break;
        }
        const bool last = newline == 0 || (newline == 1 && m_in.at(0) == '\r');
        m_trailerBytes += newline + 1;
        m_in.remove(0, newline + 1);
        if (last)
            return dispatch();
        if (m_trailerBytes > m_maxHead)
            break;
    }
    return reject(431, QStringLiteral("request_header_fields_too_large"),
                  QStringLiteral("the chunked trailers are larger than %1 bytes").arg(m_maxHead));
}

HttpServer::Private::Connection::Step HttpServer::Private::Connection::dispatch()
{
    m_state = State::Handling;
    m_idle.stop();
    if (!m_owner)
        return Step::Stop;
    const Match found = m_owner->match(m_request.method, m_request.path);
    if (!found.route) {
        respond(routingError(found));
        return m_state == State::Head ? Step::Progress : Step::Stop;
    }
    HttpRequest request = std::move(m_request);
    m_request = HttpRequest{};
    if (m_headRequest && !found.route->methods.contains("HEAD"))
        request.method = QByteArrayLiteral("GET");
    if (found.route->runOnWorker) {
        runOnWorker(*found.route, std::move(request));
        return Step::Stop;
    }
    respond(callHandler(found.route->handler, request));
    return m_state == State::Head ? Step::Progress : Step::Stop;
}

HttpAnswer HttpServer::Private::Connection::routingError(const Match &found) const
{
    if (found.allowed.isEmpty())
        return errorAnswer(
            404, QStringLiteral("not_found"),
            QStringLiteral("nothing is served at %1").arg(QString::fromLatin1(m_request.path)));
    const QByteArray allow = found.allowed.join(", ");
    HttpAnswer answer = errorAnswer(405, QStringLiteral("method_not_allowed"),
                                    QStringLiteral("use %1 on this path").arg(QString::fromLatin1(allow)));
    answer.setHeader("Allow", allow);
    return answer;
}

// The handler gets its own copy of everything; its answer comes back to the server thread through
// the event loop and is written only if this connection still exists and is still open.
void HttpServer::Private::Connection::runOnWorker(const Route &route, HttpRequest request)
{
    QPointer<Connection> self(this);
    HttpServer *server = m_server;
    Private *owner = m_owner; // lives as long as the server, which waits for every pending answer
    const QByteArray method = m_logMethod;
    const QByteArray path = m_logPath;
    const QElapsedTimer started = m_started;
    const Respond respond = [self, server, owner, method, path, started](HttpAnswer answer) {
        QMetaObject::invokeMethod(
            server,
            [self, server, answer = std::move(answer), method, path, started] {
                if (self) {
                    self->respond(answer);
                    self->pump();
                } else {
                    emit server->requestFinished(method, path, kStatusClientGone, started.elapsed(),
                                                 answer.header("X-Execution-Id"));
                }
            },
            Qt::QueuedConnection);
        owner->endPending();
    };
    owner->beginPending();
    owner->pool.start([handler = route.handler, asyncHandler = route.asyncHandler,
                       request = std::move(request), respond, hook = &owner->waitHook] {
        setThreadWaitHook(hook);
        if (asyncHandler)
            callHandler(asyncHandler, request, respond);
        else
            respond(callHandler(handler, request));
        setThreadWaitHook(nullptr);
    });
}

// Writes the answer and reports it; returns whether the connection closes after it.
bool HttpServer::Private::Connection::write(const HttpAnswer &unchecked)
{
    const HttpAnswer answer = checkedAnswer(unchecked);
    const bool close = !m_keepAlive || !m_owner || !m_owner->listener;
    const Persistence persistence = close      ? Persistence::Close
                                    : m_http10 ? Persistence::KeepAliveHttp10
                                               : Persistence::KeepAlive;
    m_socket->write(encodeAnswer(answer, m_headRequest, persistence));
    emit m_server->requestFinished(m_logMethod, m_logPath, answer.status, m_started.elapsed(),
                                   answer.header("X-Execution-Id"));
    return close;
}

void HttpServer::Private::Connection::respond(const HttpAnswer &answer)
{
    if (m_finished) {
        m_state = State::Closing;
        emit m_server->requestFinished(m_logMethod, m_logPath, kStatusClientGone, m_started.elapsed(),
                                       answer.header("X-Execution-Id"));
        return;
    }
    if (write(answer)) {
        m_state = State::Closing;
        m_socket->disconnectFromHost();
    } else {
        m_state = State::Head;
    }
    touch();
}

// Answers an unacceptable request and ends the connection (after draining, see kQuietMs).
HttpServer::Private::Connection::Step HttpServer::Private::Connection::reject(int status, const QString &code,
                                                                              const QString &description)
{
    return refuse(errorAnswer(status, code, description));
}

HttpServer::Private::Connection::Step HttpServer::Private::Connection::refuse(const HttpAnswer &answer)
{
    m_keepAlive = false;
    m_in.clear();
    if (m_finished)
        return Step::Stop;
    write(answer);
    m_state = State::Draining;
    m_lingering.start();
    m_idle.start(kQuietMs);
    m_socket->readAll();
    return Step::Stop;
}

} // namespace wf::server
