#pragma once

// Saved requests of the request tester, in folders (PRODUCT.md §7). A collection is one plain JSON
// file in `<workspace>/tester/collections/`, so it can be versioned and shared with the workspace.

#include "RequestDocument.h"
#include "Result.h"

#include <QList>
#include <QString>
#include <vector>

namespace wf::tester {

// A folder (with children) or a saved request.
struct CollectionItem {
    QString name;
    bool isFolder = false;
    RequestDocument request;              // when !isFolder (request.name == name)
    std::vector<CollectionItem> children; // when isFolder

    bool operator==(const CollectionItem &) const = default;
};

struct Collection {
    QString id; // file name without ".json": [a-z0-9-], made from the name when created
    QString name;
    QString description;
    std::vector<CollectionItem> items;

    bool operator==(const Collection &) const = default;
};

// Limits: folders nest at most 16 deep, a collection holds at most 10,000 requests, a file is at
// most 32 MiB.
inline constexpr int kMaxFolderDepth = 16;
inline constexpr int kMaxCollectionRequests = 10000;
inline constexpr qint64 kMaxCollectionFileBytes = 32 * 1024 * 1024;

// collectionFromJson() refuses wrong types, unknown item types and anything over the limits, with a
// message naming the member ("items[2].items[0].request.url: ...").
QJsonObject toJson(const Collection &collection);
Result<Collection> collectionFromJson(const QJsonObject &json);

// The collections of a workspace. Files are written atomically (QSaveFile); a file that does not
// parse is reported by list() with its error and never overwritten by save() of another collection
// (nor by a save() under its own id: it is left for the user to repair or remove()).
class CollectionStore final {
public:
    explicit CollectionStore(QString workspaceDir);

    struct Entry {
        QString id;
        QString name;
        QString error; // non-empty when the file could not be read
    };
    QList<Entry> list() const; // sorted by name
    Result<Collection> load(const QString &id) const;
    // Saves under collection.id; an empty id gets a new unique one made from the name. Returns the
    // id. Requests are stored redacted (redactedForStorage()).
    Result<QString> save(Collection collection) const;
    Result<bool> remove(const QString &id) const;

    QString directory() const;

private:
    QString m_workspaceDir;
};

} // namespace wf::tester
