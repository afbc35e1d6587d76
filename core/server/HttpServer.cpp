#include "server/HttpServerPrivate.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLocale>
#include <QLoggingCategory>
#include <QMetaObject>
#include <QPointer>
#include <QQueue>
#include <QSet>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThreadPool>
#include <QTimer>
#include <cctype>
#include <exception>
#include <string_view>
#include <utility>

namespace wf::server {

using namespace wire;
using namespace internal;

bool pathMatches(QByteArrayView pattern, QByteArrayView path)
{
    if (!pattern.startsWith('/') || !path.startsWith('/'))
        return false;
    qsizetype p = 1;
    qsizetype q = 1;
    for (;;) {
        qsizetype pEnd = pattern.indexOf('/', p);
        qsizetype qEnd = path.indexOf('/', q);
        if (pEnd < 0)
            pEnd = pattern.size();
        if (qEnd < 0)
            qEnd = path.size();
        const QByteArrayView want = pattern.sliced(p, pEnd - p);
        const QByteArrayView have = path.sliced(q, qEnd - q);
        if (want == QByteArrayView("*") ? have.isEmpty() : want != have)
            return false;
        const bool patternDone = pEnd == pattern.size();
        const bool pathDone = qEnd == path.size();
        if (patternDone || pathDone)
            return patternDone && pathDone;
        p = pEnd + 1;
        q = qEnd + 1;
    }
}

// ---------------------------------------------------------------------------------------------

HttpServer::Private::Match HttpServer::Private::match(const QByteArray &method, const QByteArray &path) const
{
    Match result;
    for (const Route &route : routes) {
        if (!pathMatches(route.pathPattern, path))
            continue;
        if (route.methods.contains(method) || (method == "HEAD" && route.methods.contains("GET"))) {
            result.route = &route;
            return result;
        }
        for (const QByteArray &allowed : route.methods) {
            if (!result.allowed.contains(allowed))
                result.allowed.append(allowed);
        }
    }
    return result;
}

void HttpServer::Private::incoming(qintptr descriptor)
{
    if (connections.size() < config.maxConnections && waiting.isEmpty()) {
        serve(descriptor);
        return;
    }
    // QTcpServer keeps accepting until the backlog is empty even after pauseAccepting(), so the
    // few it hands over now wait here; after that the kernel's backlog holds the rest.
    waiting.enqueue(descriptor);
    if (!acceptPaused && listener) {
        listener->pauseAccepting();
        acceptPaused = true;
    }
}

void HttpServer::Private::serve(qintptr descriptor)
{
    QTcpSocket *socket = config.tls ? new QSslSocket : new QTcpSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        qCWarning(lcServer) << "could not adopt an accepted connection:" << socket->errorString();
        delete socket;
        return;
    }
    if (auto *ssl = qobject_cast<QSslSocket *>(socket)) {
        ssl->setSslConfiguration(*config.tls);
        ssl->startServerEncryption();
    }
    connections.insert(new Connection(this, socket));
}

void HttpServer::Private::closed(Connection *connection)
{
    connections.remove(connection);
    admitWaiting();
}

void HttpServer::Private::admitWaiting()
{
    while (!waiting.isEmpty() && connections.size() < config.maxConnections)
        serve(waiting.dequeue());
    if (acceptPaused && listener && waiting.isEmpty() && connections.size() < config.maxConnections) {
        listener->resumeAccepting();
        acceptPaused = false;
    }
}

// Out of descriptors, typically: QTcpServer has paused itself; try again when a connection closes
// or after a while, whichever comes first.
void HttpServer::Private::acceptFailed(QAbstractSocket::SocketError error)
{
    qCWarning(lcServer) << "accepting a connection failed:" << error
                        << (listener ? listener->errorString() : QString());
    if (!listener)
        return;
    listener->pauseAccepting();
    acceptPaused = true;
    QTimer::singleShot(kAcceptRetryMs, q, [this] { admitWaiting(); });
}

void HttpServer::Private::beginPending()
{
    std::lock_guard lock(pendingMutex);
    ++pending;
}

void HttpServer::Private::endPending()
{
    std::lock_guard lock(pendingMutex);
    if (--pending == 0)
        pendingDone.notify_all();
}

void HttpServer::Private::waitForPending()
{
    std::unique_lock lock(pendingMutex);
    pendingDone.wait(lock, [this] { return pending == 0; });
}

// ---------------------------------------------------------------------------------------------

HttpServer::HttpServer(QObject *parent) : QObject(parent), d(std::make_unique<Private>(this)) {}

HttpServer::~HttpServer()
{
    close();
    d->pool.waitForDone(); // a worker's answer is posted to `this`: it must not outlive it
    d->waitForPending();   // nor may an asynchronous handler's
}

bool HttpServer::addRoute(Route route)
{
    if (d->listener || !route.pathPattern.startsWith('/') || route.methods.isEmpty() || !route.handler) {
        qCWarning(lcServer) << "route not added (incomplete, or the server is listening):"
                            << route.pathPattern;
        return false;
    }
    d->routes.append(std::move(route));
    return true;
}

bool HttpServer::listen(const ServerConfig &config, QString *error)
{
    const auto fail = [error](const QString &message) {
        qCWarning(lcServer).noquote() << message;
        if (error)
            *error = message;
        return false;
    };
    if (d->listener)
        return fail(QStringLiteral("the server is already listening on port %1").arg(port()));
    if (config.maxBodyBytes < 0 || config.maxHeaderBytes < 1024 || config.maxConnections < 1 ||
        config.idleTimeoutMs < 0 || config.workerThreads < 1)
        return fail(QStringLiteral("invalid server configuration: limits must be positive "
                                   "(maxHeaderBytes at least 1024)"));
    if (config.tls && !QSslSocket::supportsSsl())
        return fail(QStringLiteral("HTTPS was requested but no TLS backend is available"));
    if (config.tls && (config.tls->localCertificate().isNull() || config.tls->privateKey().isNull()))
        return fail(QStringLiteral("HTTPS needs a certificate and its private key"));

    auto listener = std::make_unique<Private::Listener>(d.get());
    listener->setListenBacklogSize(std::clamp(config.maxConnections, 50, 1024));
    if (!listener->listen(config.host, config.port)) {
        const QString host = config.host.toString();
        if (listener->serverError() == QAbstractSocket::AddressInUseError)
            return fail(QStringLiteral("port %1 on %2 is already in use; choose another port or stop "
                                       "the program using it")
                            .arg(config.port)
                            .arg(host));
        return fail(QStringLiteral("cannot listen on %1 port %2: %3")
                        .arg(host)
                        .arg(config.port)
                        .arg(listener->errorString()));
    }
    connect(listener.get(), &QTcpServer::acceptError, this,
            [this](QAbstractSocket::SocketError socketError) { d->acceptFailed(socketError); });
    d->config = config;
    d->pool.setMaxThreadCount(config.workerThreads);
    d->listener = std::move(listener);
    qCInfo(lcServer).noquote() << QStringLiteral("listening on %1 port %2%3")
                                      .arg(config.host.toString())
                                      .arg(port())
                                      .arg(config.tls ? QStringLiteral(" (HTTPS)") : QString());
    return true;
}

bool HttpServer::isListening() const
{
    return d->listener != nullptr;
}

quint16 HttpServer::port() const
{
    return d->listener ? d->listener->serverPort() : 0;
}

int HttpServer::connectionCount() const
{
    return int(d->connections.size());
}

void HttpServer::close()
{
    d->listener.reset(); // closes the listening socket
    d->acceptPaused = false;
    while (!d->waiting.isEmpty()) {
        QTcpSocket socket;
        if (socket.setSocketDescriptor(d->waiting.dequeue()))
            socket.abort();
    }
    const QSet<Private::Connection *> open = std::exchange(d->connections, {});
    for (Private::Connection *connection : open)
        connection->shutdown();
}

} // namespace wf::server
