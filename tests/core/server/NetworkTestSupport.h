#pragma once

// Shared by the tests that call the HTTP adapter through QNetworkAccessManager (tst_flowserver,
// tst_oauthroutes): one request, sent and waited for, and what came back.

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>

namespace wf::servertest {

struct Reply {
    int status = 0; // 0: no HTTP answer (none in time, or no connection)
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// Sends `request` with `method` and `body` and waits (up to `timeoutMs`) for the whole answer.
inline Reply perform(QNetworkAccessManager &network, const QByteArray &method, const QNetworkRequest &request,
                     const QByteArray &body = {}, int timeoutMs = 10000)
{
    QNetworkReply *reply = network.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(timeoutMs);
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        result.headers.insert(name.toLower(), value);
    reply->deleteLater();
    return result;
}

} // namespace wf::servertest
