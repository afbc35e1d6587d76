#pragma once

// What the Postman export (PostmanCollection.cpp) and import (PostmanImport.cpp) must agree on: how
// a URL is cut into base, query and fragment, the defaults an OAuth 2.0 request leaves empty, and
// the walk over a collection's items.

#include "tester/Collection.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace wf::tester::postman {

inline const QString kSchemaV21 =
    QStringLiteral("https://schema.getpostman.com/json/collection/v2.1.0/collection.json");

// The token URL and scope an OAuth 2.0 request means when its own are empty (RequestDocument.h).
QString defaultTokenUrl();
QString defaultScope();

// "base?query#fragment": the query ends at the first '#' after the '?'; a '?' after the first '#'
// belongs to the fragment.
struct UrlParts {
    QString base;
    QString query;
    bool hasQuery = false;
    QString fragment;
    bool hasFragment = false;
};
UrlParts splitUrl(const QString &url);

// "a=1&b&=c" → a=1, b="", ""=c; the text is kept as typed (Postman does not encode it either).
QList<KeyValue> parseQueryString(const QString &query);

// Postman's URL object for `document` (the clientToken auth in the query included): raw, protocol,
// host, port, path, query, hash.
QJsonObject urlToPostman(const RequestDocument &document);

// The import of `item` arrays, one per call of fromPostmanCollection(); collects the warnings.
class ItemImporter final {
public:
    // `auth` is the collection's auth (null when none), inherited by items without their own.
    Result<std::vector<CollectionItem>> importItems(const QJsonArray &items, const QJsonValue &auth,
                                                    const QString &path, int depth);
    // Warnings for what a collection, folder or item holds that the tester cannot keep.
    void noteUnsupported(const QJsonObject &json, const QString &where);
    QStringList warnings() const;

private:
    Result<CollectionItem> importRequest(const QJsonObject &item, const QJsonValue &inheritedAuth,
                                         const QString &path);
    void importUrl(const QJsonValue &url, RequestDocument &document, const QString &path);
    void importHeaders(const QJsonValue &headers, RequestDocument &document);
    void importBody(const QJsonValue &body, RequestDocument &document, const QString &path);
    void importAuth(const QJsonValue &auth, RequestDocument &document, const QString &path);
    void importOAuth2(const QJsonObject &auth, RequestDocument &document, const QString &path);
    void warn(const QString &where, const QString &what);

    QStringList m_warnings;
    int m_requests = 0;
    int m_described = 0;
};

} // namespace wf::tester::postman
