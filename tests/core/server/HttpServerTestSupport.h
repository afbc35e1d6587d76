#pragma once

// Shared by the HTTP adapter's test classes (tst_httpserver: requests and answers; tst_httpconnections:
// connections, limits, TLS and shutdown): a fixture with a server on port 0 and a route for each case,
// QNetworkAccessManager calls, and a raw QTcpSocket client for what QNetworkAccessManager will not send.

#include "WaitScope.h"
#include "server/HttpServer.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <algorithm>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

namespace wf::httptest {

using server::HttpServer;
using server::Route;
using server::ServerConfig;

inline constexpr int kWaitMs = 10000;

inline HttpAnswer textAnswer(const QByteArray &body, int status = 200)
{
    HttpAnswer answer;
    answer.status = status;
    answer.headers.append(
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain; charset=utf-8")});
    answer.body = body;
    return answer;
}

inline QByteArray lastSegment(const QByteArray &path)
{
    return path.mid(path.lastIndexOf('/') + 1);
}

struct RawResponse {
    int status = 0;
    HeaderList headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const { return wf::headerValue(headers, name); }
    bool hasHeader(const QByteArray &name) const
    {
        return std::any_of(headers.cbegin(), headers.cend(),
                           [&](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
    }
};

// Takes one complete response off the front of `buffer`; false while it is incomplete.
inline bool takeResponse(QByteArray &buffer, RawResponse &out, bool head)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    RawResponse response;
    response.status = statusLine.value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        response.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    const bool bodyless = head || response.status < 200 || response.status == 204 || response.status == 304;
    const qint64 length = bodyless ? 0 : response.header("Content-Length").toLongLong();
    if (buffer.size() < end + 4 + length)
        return false;
    response.body = buffer.mid(end + 4, length);
    buffer.remove(0, end + 4 + length);
    out = response;
    return true;
}

// A plain TCP client that speaks bytes, for what QNetworkAccessManager will not send.
class RawClient {
public:
    explicit RawClient(QTcpSocket *socket = nullptr) : m_socket(socket ? socket : new QTcpSocket)
    {
        m_socket->setProxy(QNetworkProxy::NoProxy);
    }

    QTcpSocket &socket() { return *m_socket; }

    bool connectTo(quint16 port)
    {
        QSignalSpy connected(m_socket.get(), &QAbstractSocket::connected);
        m_socket->connectToHost(QHostAddress(QHostAddress::LocalHost), port);
        return m_socket->state() == QAbstractSocket::ConnectedState || connected.wait(kWaitMs);
    }

    void send(const QByteArray &bytes) { m_socket->write(bytes); }

    // The next complete response, or nothing after `timeoutMs`.
    std::optional<RawResponse> read(bool head = false, int timeoutMs = kWaitMs)
    {
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            m_buffer += m_socket->readAll();
            RawResponse response;
            if (takeResponse(m_buffer, response, head))
                return response;
            const qint64 left = timeoutMs - timer.elapsed();
            if (left <= 0 || m_socket->state() == QAbstractSocket::UnconnectedState)
                return std::nullopt;
            QSignalSpy ready(m_socket.get(), &QIODevice::readyRead);
            ready.wait(int(left));
        }
    }

    bool waitClosed(int timeoutMs = kWaitMs)
    {
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            return true;
        QSignalSpy closed(m_socket.get(), &QAbstractSocket::disconnected);
        return closed.wait(timeoutMs);
    }

private:
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
};

inline QByteArray get(const QByteArray &path, const QByteArray &extra = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + extra + "\r\n";
}

// What each test class derives from (privately, next to QObject) and calls from init() and cleanup().
class HttpServerFixture {
protected:
    // The routes every test may call; the server is started by start(), with the test's configuration.
    void setUpServer()
    {
        m_nam.setProxy(QNetworkProxy::NoProxy);
        m_lastRequest = {};
        m_echoCalls = 0;
        m_server = std::make_unique<HttpServer>();
        const auto add = [this](const char *pattern, QList<QByteArray> methods, bool worker,
                                wf::server::Handler handler) {
            QVERIFY(m_server->addRoute(
                Route{QByteArray(pattern), std::move(methods), worker, std::move(handler)}));
        };
        add("/hello", {"GET"}, false, [](const HttpRequest &) { return textAnswer("hello"); });
        add("/json", {"GET", "POST"}, false, [this](const HttpRequest &request) {
            m_lastRequest = request;
            HttpAnswer answer;
            answer.setHeader("Content-Type", "application/json");
            answer.body = R"({"ok":true})";
            return answer;
        });
        add("/echo", {"POST", "PUT"}, false, [this](const HttpRequest &request) {
            m_lastRequest = request;
            ++m_echoCalls;
            return textAnswer(QByteArray::number(request.body.size()));
        });
        add("/api/flo/*/invoke", {"GET", "POST"}, false,
            [](const HttpRequest &request) { return textAnswer(request.path.split('/').value(3)); });
        add("/cors", {"GET", "OPTIONS"}, false, [](const HttpRequest &request) {
            return textAnswer(request.method, request.method == "OPTIONS" ? 204 : 200);
        });
        add("/noctype", {"GET"}, false, [](const HttpRequest &) {
            HttpAnswer answer;
            answer.body = QByteArray("\x89PNG\r\n", 6);
            return answer;
        });
        add("/transport", {"GET"}, false, [](const HttpRequest &) {
            HttpAnswer answer = textAnswer("abcdefgh");
            answer.setHeader("Content-Length", "3");
            answer.setHeader("Connection", "close");
            answer.setHeader("Transfer-Encoding", "chunked");
            answer.setHeader("Date", "yesterday");
            answer.setHeader("X-Split", "a\r\nInjected: yes");
            answer.setHeader("X-Execution-Id", "abc");
            return answer;
        });
        add("/status/*", {"GET"}, false,
            [](const HttpRequest &request) { return textAnswer("odd", lastSegment(request.path).toInt()); });
        add("/throws", {"GET"}, true,
            [](const HttpRequest &) -> HttpAnswer { throw std::runtime_error("boom"); });
        add("/sync/*", {"GET", "POST"}, false,
            [](const HttpRequest &request) { return textAnswer(lastSegment(request.path) + request.body); });
        add("/worker/*", {"GET"}, true, [](const HttpRequest &request) {
            // Later requests answer sooner, so an out-of-order writer would show.
            QThread::msleep(
                static_cast<unsigned long>(std::max(0, 40 - lastSegment(request.path).toInt() * 4)));
            return textAnswer(lastSegment(request.path));
        });
        add("/slow", {"GET"}, true, [this](const HttpRequest &) {
            m_slowEntered.release();
            return textAnswer(m_releaseSlow.tryAcquire(1, 20000) ? "slow" : "never released");
        });
        add("/waiting", {"GET"}, true, [this](const HttpRequest &) {
            const wf::WaitScope waiting; // as a handler waiting on a database says it
            m_slowEntered.release();
            return textAnswer(m_releaseSlow.tryAcquire(1, 20000) ? "waited" : "never released");
        });
        add("/fast", {"GET"}, true, [](const HttpRequest &) { return textAnswer("fast"); });
        // Decides from the head alone: "/guarded/gone" is refused before its body is read.
        Route guarded{"/guarded/*", {"POST"}, false, [this](const HttpRequest &request) {
                          ++m_echoCalls;
                          return textAnswer(QByteArray::number(request.body.size()));
                      }};
        guarded.beforeBody = [](const QByteArray &, const QByteArray &path,
                                qint64) -> std::optional<HttpAnswer> {
            if (lastSegment(path) == "gone")
                return textAnswer("gone", 410);
            return std::nullopt;
        };
        QVERIFY(m_server->addRoute(std::move(guarded)));
        // Answers later, when the test calls answerLater(); "/later/throws" throws before answering,
        // "/later/twice" answers twice.
        Route later{"/later/*", {"GET"}, true, [](const HttpRequest &) {
                        return textAnswer("sync", 500);
                    }};
        later.asyncHandler = [this](const HttpRequest &request, wf::server::Respond respond) {
            const QByteArray name = lastSegment(request.path);
            if (name == "throws")
                throw std::runtime_error("boom");
            if (name == "twice") {
                respond(textAnswer("first"));
                respond(textAnswer("second"));
                return;
            }
            std::lock_guard lock(m_laterMutex);
            m_later.append({name, std::move(respond)});
        };
        QVERIFY(m_server->addRoute(std::move(later)));
    }

    // The asynchronous requests not answered yet.
    qsizetype laterCount()
    {
        std::lock_guard lock(m_laterMutex);
        return m_later.size();
    }

    // Answers the oldest of them with its name, from a thread of its own after `delayMs`.
    void answerLater(int delayMs = 0)
    {
        std::pair<QByteArray, wf::server::Respond> pending;
        {
            std::lock_guard lock(m_laterMutex);
            pending = m_later.takeFirst();
        }
        std::thread([pending = std::move(pending), delayMs] {
            QThread::msleep(static_cast<unsigned long>(delayMs));
            pending.second(textAnswer("later " + pending.first));
        }).detach();
    }

    void tearDownServer()
    {
        while (laterCount() > 0)
            answerLater();          // never leave an answer pending: the destructor waits for them
        m_releaseSlow.release(100); // never leave a worker blocked: the destructor waits for them
        m_server.reset();
        m_releaseSlow.acquire(m_releaseSlow.available());
        m_slowEntered.acquire(m_slowEntered.available());
    }

    bool start(ServerConfig config = {})
    {
        QString error;
        const bool ok = m_server->listen(config, &error);
        if (!ok)
            qWarning().noquote() << error;
        return ok && m_server->port() != 0;
    }

    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->port()).arg(path));
    }

    std::unique_ptr<QNetworkReply> call(const QByteArray &method, const QString &path,
                                        const QByteArray &body = {}, const QByteArray &contentType = {})
    {
        QNetworkRequest request(url(path));
        if (!contentType.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        std::unique_ptr<QNetworkReply> reply(
            method == "HEAD" ? m_nam.head(request) : m_nam.sendCustomRequest(request, method, body));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(kWaitMs);
        return reply;
    }

    std::unique_ptr<HttpServer> m_server;
    QNetworkAccessManager m_nam;
    HttpRequest m_lastRequest; // what the /echo and /json handlers saw (server thread)
    int m_echoCalls = 0;
    std::mutex m_laterMutex;
    QList<std::pair<QByteArray, wf::server::Respond>> m_later;
    QSemaphore m_slowEntered;
    QSemaphore m_releaseSlow;
};

} // namespace wf::httptest
