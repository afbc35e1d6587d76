#include "tester/Collection.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <algorithm>
#include <utility>

namespace wf::tester {
namespace {

constexpr int kFormat = 1;
constexpr qsizetype kMaxIdChars = 100;
// Ids made from names stay short enough to read in a file manager.
constexpr qsizetype kMadeIdChars = 48;

const QString kTypeFolder = QStringLiteral("folder");
const QString kTypeRequest = QStringLiteral("request");

Error invalid(const QString &path, const QString &problem)
{
    return makeError(ErrorType::InvalidInput, QStringLiteral("%1: %2").arg(path, problem));
}

QJsonArray itemsToJson(const std::vector<CollectionItem> &items);

QJsonObject itemToJson(const CollectionItem &item)
{
    if (item.isFolder)
        return QJsonObject{{QStringLiteral("type"), kTypeFolder},
                           {QStringLiteral("name"), item.name},
                           {QStringLiteral("items"), itemsToJson(item.children)}};
    RequestDocument request = item.request;
    request.name = item.name;
    return QJsonObject{{QStringLiteral("type"), kTypeRequest}, {QStringLiteral("request"), toJson(request)}};
}

QJsonArray itemsToJson(const std::vector<CollectionItem> &items)
{
    QJsonArray array;
    for (const CollectionItem &item : items)
        array.append(itemToJson(item));
    return array;
}

// Reads items recursively, counting requests so the limit holds for the whole collection.
class ItemReader final {
public:
    Result<std::vector<CollectionItem>> read(const QJsonValue &value, const QString &path, int depth);

private:
    Result<CollectionItem> readItem(const QJsonObject &json, const QString &path, int depth);

    int m_requests = 0;
};

Result<std::vector<CollectionItem>> ItemReader::read(const QJsonValue &value, const QString &path, int depth)
{
    if (value.isUndefined() || value.isNull())
        return std::vector<CollectionItem>();
    if (!value.isArray())
        return invalid(path, QStringLiteral("expected an array"));
    const QJsonArray array = value.toArray();
    std::vector<CollectionItem> items;
    items.reserve(size_t(array.size()));
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemPath = QStringLiteral("%1[%2]").arg(path).arg(i);
        if (!array.at(i).isObject())
            return invalid(itemPath, QStringLiteral("expected an object"));
        auto item = readItem(array.at(i).toObject(), itemPath, depth);
        if (!item)
            return item.error();
        items.push_back(std::move(item).value());
    }
    return items;
}

Result<CollectionItem> ItemReader::readItem(const QJsonObject &json, const QString &path, int depth)
{
    const QString type = json.value(QLatin1String("type")).toString();
    CollectionItem item;
    if (type == kTypeFolder) {
        if (depth + 1 > kMaxFolderDepth)
            return makeError(
                ErrorType::LimitExceeded,
                QStringLiteral("%1: folders nest more than %2 deep").arg(path).arg(kMaxFolderDepth));
        const QJsonValue name = json.value(QLatin1String("name"));
        if (!name.isString())
            return invalid(path + QStringLiteral(".name"), QStringLiteral("expected a string"));
        item.isFolder = true;
        item.name = name.toString();
        auto children = read(json.value(QLatin1String("items")), path + QStringLiteral(".items"), depth + 1);
        if (!children)
            return children.error();
        item.children = std::move(children).value();
        return item;
    }
    if (type != kTypeRequest)
        return invalid(path + QStringLiteral(".type"), QStringLiteral("expected \"folder\" or \"request\""));
    if (++m_requests > kMaxCollectionRequests)
        return makeError(ErrorType::LimitExceeded,
                         QStringLiteral("%1: a collection holds at most %2 requests")
                             .arg(path)
                             .arg(kMaxCollectionRequests));
    const QJsonValue request = json.value(QLatin1String("request"));
    if (!request.isObject())
        return invalid(path + QStringLiteral(".request"), QStringLiteral("expected an object"));
    auto document = requestFromJson(request.toObject());
    if (!document)
        return invalid(path + QStringLiteral(".request"), document.error().message);
    item.request = std::move(document).value();
    item.name = item.request.name;
    return item;
}

bool isValidId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9-]*$"));
    return id.size() <= kMaxIdChars && pattern.match(id).hasMatch();
}

// "Café Orders (v2)" → "cafe-orders-v2": compatibility decomposition drops the accents, anything
// else that is not [a-z0-9] becomes one dash.
QString idFromName(const QString &name)
{
    QString id;
    for (const QChar c : name.normalized(QString::NormalizationForm_KD).toLower()) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
            (c >= QLatin1Char('0') && c <= QLatin1Char('9')))
            id.append(c);
        else if (c.isMark())
            continue;
        else if (!id.isEmpty() && !id.endsWith(QLatin1Char('-')))
            id.append(QLatin1Char('-'));
    }
    id.truncate(kMadeIdChars);
    while (id.endsWith(QLatin1Char('-')))
        id.chop(1);
    return id.isEmpty() ? QStringLiteral("collection") : id;
}

void redactItems(std::vector<CollectionItem> &items)
{
    for (CollectionItem &item : items) {
        if (item.isFolder)
            redactItems(item.children);
        else
            item.request = redactedForStorage(item.request);
    }
}

Error badId(const QString &id)
{
    return makeError(ErrorType::InvalidInput,
                     QStringLiteral("'%1' is not a collection id (lowercase letters, digits and '-', at most "
                                    "%2 characters)")
                         .arg(id)
                         .arg(kMaxIdChars));
}

Result<Collection> readCollectionFile(const QString &path)
{
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.exists())
        return makeError(ErrorType::NotFound, QStringLiteral("%1 does not exist").arg(name));
    if (file.size() > kMaxCollectionFileBytes)
        return makeError(ErrorType::LimitExceeded, QStringLiteral("%1 is larger than %2 MiB")
                                                       .arg(name)
                                                       .arg(kMaxCollectionFileBytes / (1024 * 1024)));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorType::Internal,
                         QStringLiteral("cannot read %1: %2").arg(name, file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(ErrorType::InvalidInput, QStringLiteral("%1 is not valid JSON: %2 at offset %3")
                                                      .arg(name, parseError.errorString())
                                                      .arg(parseError.offset));
    if (!document.isObject())
        return makeError(ErrorType::InvalidInput, QStringLiteral("%1: expected a JSON object").arg(name));
    auto collection = collectionFromJson(document.object());
    if (!collection)
        return makeError(collection.error().type,
                         QStringLiteral("%1: %2").arg(name, collection.error().message));
    return collection;
}

} // namespace

QJsonObject toJson(const Collection &collection)
{
    return QJsonObject{{QStringLiteral("format"), kFormat},
                       {QStringLiteral("id"), collection.id},
                       {QStringLiteral("name"), collection.name},
                       {QStringLiteral("description"), collection.description},
                       {QStringLiteral("items"), itemsToJson(collection.items)}};
}

Result<Collection> collectionFromJson(const QJsonObject &json)
{
    const QJsonValue format = json.value(QLatin1String("format"));
    if (!format.isUndefined() && format.toInt(-1) != kFormat)
        return invalid(QStringLiteral("format"),
                       QStringLiteral("expected %1 (written by a newer version?)").arg(kFormat));
    Collection collection;
    for (const auto &[member, target] : {std::pair{QStringLiteral("id"), &collection.id},
                                         std::pair{QStringLiteral("name"), &collection.name},
                                         std::pair{QStringLiteral("description"), &collection.description}}) {
        const QJsonValue value = json.value(member);
        if (value.isUndefined() || value.isNull())
            continue;
        if (!value.isString())
            return invalid(member, QStringLiteral("expected a string"));
        *target = value.toString();
    }
    if (!collection.id.isEmpty() && !isValidId(collection.id))
        return invalid(QStringLiteral("id"), badId(collection.id).message);
    auto items = ItemReader().read(json.value(QLatin1String("items")), QStringLiteral("items"), 0);
    if (!items)
        return items.error();
    collection.items = std::move(items).value();
    return collection;
}

CollectionStore::CollectionStore(QString workspaceDir) : m_workspaceDir(std::move(workspaceDir)) {}

QString CollectionStore::directory() const
{
    return QDir(m_workspaceDir).filePath(QStringLiteral("tester/collections"));
}

QList<CollectionStore::Entry> CollectionStore::list() const
{
    QList<Entry> entries;
    const QDir dir(directory());
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        Entry entry;
        entry.id = file.chopped(5);
        if (!isValidId(entry.id)) {
            entry.error = badId(entry.id).message;
        } else {
            auto collection = readCollectionFile(dir.filePath(file));
            if (collection)
                entry.name = collection->name;
            else
                entry.error = collection.error().message;
        }
        entries.append(entry);
    }
    // A broken file has no name: it sorts by its id among the names.
    std::stable_sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        const QString &keyA = a.name.isEmpty() ? a.id : a.name;
        const QString &keyB = b.name.isEmpty() ? b.id : b.name;
        const int order = keyA.compare(keyB, Qt::CaseInsensitive);
        return order != 0 ? order < 0 : a.id < b.id;
    });
    return entries;
}

Result<Collection> CollectionStore::load(const QString &id) const
{
    if (!isValidId(id))
        return badId(id);
    auto collection = readCollectionFile(QDir(directory()).filePath(id + QStringLiteral(".json")));
    if (!collection)
        return collection.error();
    collection->id = id;
    return collection;
}

Result<QString> CollectionStore::save(Collection collection) const
{
    const QDir dir(directory());
    if (collection.id.isEmpty()) {
        const QString base = idFromName(collection.name);
        QString id = base;
        for (int n = 2; QFileInfo::exists(dir.filePath(id + QStringLiteral(".json"))); ++n)
            id = QStringLiteral("%1-%2").arg(base).arg(n);
        collection.id = id;
    } else if (!isValidId(collection.id)) {
        return badId(collection.id);
    } else {
        const QString existing = dir.filePath(collection.id + QStringLiteral(".json"));
        if (QFileInfo::exists(existing)) {
            auto current = readCollectionFile(existing);
            if (!current)
                return makeError(
                    ErrorType::InvalidInput,
                    QStringLiteral("not saved: %1; the file is left as it is, repair or remove it "
                                   "first")
                        .arg(current.error().message));
        }
    }
    redactItems(collection.items);
    const QJsonObject json = toJson(collection);
    auto checked = collectionFromJson(json);
    if (!checked)
        return makeError(checked.error().type, QStringLiteral("not saved: %1").arg(checked.error().message));
    const QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Indented);
    if (bytes.size() > kMaxCollectionFileBytes)
        return makeError(ErrorType::LimitExceeded, QStringLiteral("not saved: the collection would take more "
                                                                  "than %1 MiB")
                                                       .arg(kMaxCollectionFileBytes / (1024 * 1024)));
    if (!dir.mkpath(QStringLiteral(".")))
        return makeError(ErrorType::Internal, QStringLiteral("cannot create %1").arg(dir.path()));
    const QString path = dir.filePath(collection.id + QStringLiteral(".json"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorType::Internal,
                         QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    file.write(bytes);
    if (!file.commit())
        return makeError(ErrorType::Internal,
                         QStringLiteral("cannot save %1: %2").arg(path, file.errorString()));
    return collection.id;
}

Result<bool> CollectionStore::remove(const QString &id) const
{
    if (!isValidId(id))
        return badId(id);
    QFile file(QDir(directory()).filePath(id + QStringLiteral(".json")));
    if (!file.exists())
        return makeError(ErrorType::NotFound, QStringLiteral("no collection '%1'").arg(id));
    if (!file.remove())
        return makeError(ErrorType::Internal,
                         QStringLiteral("cannot remove %1: %2").arg(file.fileName(), file.errorString()));
    return true;
}

} // namespace wf::tester
