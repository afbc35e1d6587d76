#pragma once

// For tst_curlcommand: a raw HTTP server on port 0 that records the bytes of each request it gets
// (request line, headers in order, body) and answers an empty 200, and the environment the real
// curl binary runs in (no proxy, no ~/.curlrc), so an exported command is checked byte for byte.

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <utility>

namespace wf::testertest {

struct ReceivedRequest {
    QByteArray method;
    QByteArray target; // path and query, as sent
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QList<QByteArray> values(const QByteArray &name) const
    {
        QList<QByteArray> found;
        for (const auto &[header, value] : headers) {
            if (header.compare(name, Qt::CaseInsensitive) == 0)
                found.append(value);
        }
        return found;
    }
};

class RecordingServer final : public QObject {
public:
    bool listen()
    {
        connect(&m_server, &QTcpServer::newConnection, this, &RecordingServer::accept);
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }

    QList<ReceivedRequest> received;

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QObject::destroyed, this, [this, socket] {
                m_buffers.remove(socket);
                m_continued.remove(socket);
            });
        }
    }

    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        ReceivedRequest request;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.constFirst().trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).chopped(lines.at(i).endsWith('\r') ? 1 : 0);
            const qsizetype colon = line.indexOf(':');
            request.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
        }
        const QList<QByteArray> length = request.values("Content-Length");
        const qsizetype bodySize = length.isEmpty() ? 0 : length.constFirst().toLongLong();
        if (buffer.size() < headerEnd + 4 + bodySize) {
            // A client that waits for permission to send its body gets it, so a test fails on the
            // header rather than on a stall.
            if (!request.values("Expect").isEmpty() && !m_continued.contains(socket)) {
                m_continued.insert(socket, true);
                socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            }
            return;
        }
        request.body = buffer.mid(headerEnd + 4, bodySize);
        received.append(request);
        m_buffers.remove(socket);
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QHash<QTcpSocket *, bool> m_continued;
};

// The environment curl runs in: no proxy, and a home without a .curlrc that could add options.
inline QProcessEnvironment curlEnvironment(const QString &home)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name :
         {QStringLiteral("http_proxy"), QStringLiteral("HTTP_PROXY"), QStringLiteral("https_proxy"),
          QStringLiteral("HTTPS_PROXY"), QStringLiteral("all_proxy"), QStringLiteral("ALL_PROXY")})
        environment.remove(name);
    environment.insert(QStringLiteral("NO_PROXY"), QStringLiteral("*"));
    environment.insert(QStringLiteral("no_proxy"), QStringLiteral("*"));
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("CURL_HOME"), home);
    return environment;
}

} // namespace wf::testertest
