#pragma once

// The HTTP adapter's insides, shared by HttpServer.cpp (the server, its routes and its listener) and
// HttpConnection.cpp (one client connection: parsing, routing, answering). Not for other files.

#include "WaitScope.h"
#include "server/HttpServer.h"
#include "server/HttpWire.h"

#include <QElapsedTimer>
#include <QQueue>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThreadPool>
#include <QTimer>
#include <condition_variable>
#include <mutex>

namespace wf::server {
namespace internal {

// What Qt may buffer for a connection we are not reading (while its handler runs); beyond it TCP
// pushes back on the client instead of us buffering its pipelined requests.
inline constexpr qint64 kReadBufferSize = 256 * 1024;
// Answers a client has not read yet before we stop reading its next request.
inline constexpr qint64 kMaxUnsentBytes = 1024 * 1024;
inline constexpr qsizetype kMaxChunkLine = 4096;
// After refusing a request the client may still be sending (a body, the rest of a huge head): we
// read and drop its bytes until it has been quiet for kQuietMs (at most kLingerMs in all) before
// closing, so that closing does not reset the connection before the client has read our answer.
inline constexpr int kQuietMs = 200;
inline constexpr qint64 kLingerMs = 2000;
inline constexpr int kStatusClientGone = 499; // nginx's "client closed request", for requestFinished only
inline constexpr int kAcceptRetryMs = 1000;

} // namespace internal

class HttpServer::Private {
public:
    class Listener;
    class Connection;

    explicit Private(HttpServer *server) : q(server) {}

    struct Match {
        const Route *route = nullptr;
        QList<QByteArray> allowed; // methods of the routes whose path matched, when none took it
    };
    Match match(const QByteArray &method, const QByteArray &path) const;

    void incoming(qintptr descriptor);
    void serve(qintptr descriptor);
    void closed(Connection *connection);
    void admitWaiting();
    void acceptFailed(QAbstractSocket::SocketError error);

    HttpServer *q;
    ServerConfig config;
    QList<Route> routes;
    std::unique_ptr<Listener> listener;
    QThreadPool pool;
    // On the pool's threads while they run a handler: one that waits or runs long (WaitScope) lets
    // the pool start another thread meanwhile, so that a pool sized to the cores is never stalled.
    const WaitHook waitHook = threadPoolWaitHook(&pool);
    // Answers of asynchronous handlers not given yet: the server is not destroyed before they are
    // (they are posted to it).
    void beginPending();
    void endPending();
    void waitForPending();
    std::mutex pendingMutex;
    std::condition_variable pendingDone;
    int pending = 0;
    QSet<Connection *> connections;
    QQueue<qintptr> waiting; // accepted beyond the cap, served in order as connections close
    bool acceptPaused = false;
};

// Hands every accepted descriptor to the server, which decides whether to serve it now.
class HttpServer::Private::Listener final : public QTcpServer {
public:
    explicit Listener(Private *owner) : m_owner(owner) {}

protected:
    void incomingConnection(qintptr descriptor) override { m_owner->incoming(descriptor); }

private:
    Private *m_owner;
};

// One client connection: reads requests one at a time, runs each, writes its answer, repeats.
class HttpServer::Private::Connection final : public QObject {
public:
    Connection(Private *owner, QTcpSocket *socket);
    void shutdown(); // the server is closing: drop the client, never call back into the server

private:
    enum class State { Head, Body, ChunkSize, ChunkData, ChunkEnd, Trailers, Handling, Draining, Closing };
    enum class Step { Progress, NeedMore, Stop };

    void pump();
    Step step();
    Step readHead();
    Step parseHead(const QByteArray &head);
    Step parseRequestLine(const QByteArray &line);
    Step parseFraming();
    Step parseBodyFraming(qint64 &length, bool &chunked);
    Step answerExpectation(bool hasBody);
    Step readBody();
    Step readChunkSize();
    Step readChunkEnd();
    Step readTrailers();
    Step dispatch();
    HttpAnswer routingError(const Match &found) const;
    void runOnWorker(const Route &route, HttpRequest request);
    bool write(const HttpAnswer &answer);
    void respond(const HttpAnswer &answer);
    Step reject(int status, const QString &code, const QString &description);
    Step refuse(const HttpAnswer &answer);
    void touch();
    void onIdle();
    void onError(QAbstractSocket::SocketError error);
    void finish();

    Private *m_owner;     // null once finished
    HttpServer *m_server; // outlives every connection (connections are its children)
    QTcpSocket *m_socket;
    QTimer m_idle;             // idle timeout; in Draining, the quiet period
    QElapsedTimer m_lingering; // since the refusal, in Draining
    const qint64 m_maxBody;
    const qint64 m_maxHead;
    const int m_idleMs;
    State m_state = State::Head;
    bool m_finished = false;
    QByteArray m_in; // bytes read from the socket and not parsed yet

    // The request being read or handled.
    HttpRequest m_request;
    QByteArray m_logMethod; // as received (HEAD stays HEAD); empty until the request line parsed
    QByteArray m_logPath;
    QElapsedTimer m_started;
    bool m_http10 = false;
    bool m_keepAlive = true;
    bool m_headRequest = false;
    qint64 m_remaining = 0;    // body bytes still to read (whole body, or the current chunk)
    qint64 m_trailerBytes = 0; // chunked trailers read so far
};

} // namespace wf::server
