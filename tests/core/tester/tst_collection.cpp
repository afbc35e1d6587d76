// Tester collections (PRODUCT.md §7): the JSON form and its checks (types, item kinds, folder depth,
// request count), and the store of a workspace: save, load, list, remove, ids made from names and
// kept unique, atomic writes, broken files listed and never overwritten, size limits, and secrets
// redacted before they reach the file.

#include "CollectionTestSupport.h"
#include "tester/Collection.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace wf;
using namespace wf::testersupport;
using tester::CollectionStore;

namespace {

QJsonObject requestJson(const QString &name)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("request")},
                       {QStringLiteral("request"), tester::toJson(request(name, QStringLiteral("GET"),
                                                                          QStringLiteral("{{baseUrl}}/x")))}};
}

// `depth` folders, each inside the previous one, the innermost holding one request.
QJsonObject nestedJson(int depth)
{
    QJsonArray items{requestJson(QStringLiteral("deep"))};
    for (int level = depth; level >= 1; --level)
        items = QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("folder")},
                                       {QStringLiteral("name"), QStringLiteral("level %1").arg(level)},
                                       {QStringLiteral("items"), items}}};
    return QJsonObject{{QStringLiteral("format"), 1},
                       {QStringLiteral("name"), QStringLiteral("Nested")},
                       {QStringLiteral("items"), items}};
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestCollection final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void jsonRefused_data();
    void jsonRefused();
    void folderDepthLimit();
    void requestCountLimit();
    void saveLoadListRemove();
    void idsFromNames_data();
    void idsFromNames();
    void idsStayUnique();
    void invalidIdsRefused_data();
    void invalidIdsRefused();
    void writesAreAtomic();
    void brokenFileListedNeverOverwritten();
    void secretsRedactedInTheFile();
    void fileSizeLimit();
    void missingDirectoryIsEmpty();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CollectionStore> m_store;
};

void TestCollection::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<CollectionStore>(m_dir->path());
}

void TestCollection::jsonRoundTrip_data()
{
    QTest::addColumn<tester::Collection>("collection");
    QTest::addRow("every body mode") << everyBodyMode();
    QTest::addRow("every auth mode") << everyAuthMode();
    QTest::addRow("settings of auth modes not in use") << inactiveAuthSettings();
    QTest::addRow("rows, folders, text") << rowsFoldersAndText();
    QTest::addRow("empty") << collection(QString(), {});
}

void TestCollection::jsonRoundTrip()
{
    QFETCH(tester::Collection, collection);
    auto back = tester::collectionFromJson(tester::toJson(collection));
    QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().message));
    QCOMPARE(pretty(*back), pretty(collection));
    QVERIFY(*back == collection);
}

void TestCollection::jsonRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    QTest::addRow("newer format") << QByteArray("{\"format\": 2, \"name\": \"x\"}") << "format: expected 1";
    QTest::addRow("name not a string") << QByteArray("{\"name\": 3}") << "name: expected a string";
    QTest::addRow("items not an array")
        << QByteArray("{\"name\": \"x\", \"items\": {}}") << "items: expected an array";
    QTest::addRow("item not an object")
        << QByteArray("{\"name\": \"x\", \"items\": [1]}") << "items[0]: expected an object";
    QTest::addRow("unknown item type") << QByteArray("{\"items\": [{\"type\": \"script\"}]}")
                                       << "items[0].type: expected \"folder\" or \"request\"";
    QTest::addRow("folder without name") << QByteArray("{\"items\": [{\"type\": \"folder\", \"items\": []}]}")
                                         << "items[0].name: expected a string";
    QTest::addRow("request not an object")
        << QByteArray(
               "{\"items\": [{\"type\": \"folder\", \"name\": \"f\", \"items\": [{\"type\": \"request\", "
               "\"request\": []}]}]}")
        << "items[0].items[0].request: expected an object";
    QTest::addRow("bad body mode") << QByteArray("{\"items\": [{\"type\": \"request\", \"request\": "
                                                 "{\"bodyMode\": \"xml\"}}]}")
                                   << "items[0].request: bodyMode: unknown value 'xml'";
    QTest::addRow("bad id") << QByteArray("{\"id\": \"../etc\", \"name\": \"x\"}") << "id: '../etc' is not";
}

void TestCollection::jsonRefused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    auto result = tester::collectionFromJson(QJsonDocument::fromJson(json).object());
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.startsWith(message), qPrintable(result.error().message));
}

void TestCollection::folderDepthLimit()
{
    auto deepest = tester::collectionFromJson(nestedJson(tester::kMaxFolderDepth));
    QVERIFY2(deepest.ok(), deepest.ok() ? "" : qPrintable(deepest.error().message));
    const tester::CollectionItem *inner = &deepest->items.front();
    for (int level = 1; level < tester::kMaxFolderDepth; ++level)
        inner = &inner->children.front();
    QCOMPARE(inner->name, QStringLiteral("level 16"));
    QCOMPARE(inner->children.front().request.name, QStringLiteral("deep"));

    auto tooDeep = tester::collectionFromJson(nestedJson(tester::kMaxFolderDepth + 1));
    QVERIFY(!tooDeep.ok());
    QCOMPARE(tooDeep.error().type, ErrorType::LimitExceeded);
    QVERIFY2(tooDeep.error().message.contains(QLatin1String("folders nest more than 16 deep")),
             qPrintable(tooDeep.error().message));

    // The store refuses to write what it could not read back.
    auto built = tester::collectionFromJson(nestedJson(tester::kMaxFolderDepth));
    QVERIFY(built.ok());
    tester::Collection deeper = *built;
    deeper.items = {folder(QStringLiteral("level 0"), deeper.items)};
    auto saved = m_store->save(deeper);
    QVERIFY(!saved.ok());
    QVERIFY(m_store->list().isEmpty());
}

void TestCollection::requestCountLimit()
{
    QJsonArray items;
    for (int i = 0; i < tester::kMaxCollectionRequests; ++i)
        items.append(requestJson(QStringLiteral("r%1").arg(i)));
    // The limit counts requests in folders too.
    QJsonObject json{
        {QStringLiteral("name"), QStringLiteral("Many")},
        {QStringLiteral("items"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("folder")},
                                                         {QStringLiteral("name"), QStringLiteral("all")},
                                                         {QStringLiteral("items"), items}}}}};
    auto full = tester::collectionFromJson(json);
    QVERIFY2(full.ok(), full.ok() ? "" : qPrintable(full.error().message));
    QCOMPARE(full->items.front().children.size(), size_t(tester::kMaxCollectionRequests));

    QJsonArray top = json.value(QLatin1String("items")).toArray();
    top.append(requestJson(QStringLiteral("one more")));
    json.insert(QStringLiteral("items"), top);
    auto over = tester::collectionFromJson(json);
    QVERIFY(!over.ok());
    QCOMPARE(over.error().type, ErrorType::LimitExceeded);
    QVERIFY2(over.error().message.contains(QLatin1String("at most 10000 requests")),
             qPrintable(over.error().message));
}

void TestCollection::saveLoadListRemove()
{
    const tester::Collection bodies = everyBodyMode();
    const tester::Collection folders = rowsFoldersAndText();
    auto bodiesId = m_store->save(bodies);
    auto foldersId = m_store->save(folders);
    QVERIFY2(bodiesId.ok(), bodiesId.ok() ? "" : qPrintable(bodiesId.error().message));
    QVERIFY(foldersId.ok());
    QCOMPARE(*bodiesId, QStringLiteral("bodies"));
    QCOMPARE(*foldersId, QStringLiteral("dossiers-ete"));
    QVERIFY(QFile::exists(m_dir->filePath(QStringLiteral("tester/collections/bodies.json"))));
    QCOMPARE(m_store->directory(), m_dir->filePath(QStringLiteral("tester/collections")));

    const auto entries = m_store->list();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).name, QStringLiteral("Bodies")); // sorted by name
    QCOMPARE(entries.at(0).id, QStringLiteral("bodies"));
    QVERIFY(entries.at(0).error.isEmpty());
    QCOMPARE(entries.at(1).name, folders.name);

    auto loaded = m_store->load(*foldersId);
    QVERIFY(loaded.ok());
    tester::Collection expected = folders;
    expected.id = *foldersId;
    QCOMPARE(pretty(*loaded), pretty(expected));
    QVERIFY(*loaded == expected);

    // Saving under the same id replaces the file in place.
    expected.name = QStringLiteral("Renamed");
    auto again = m_store->save(expected);
    QVERIFY(again.ok());
    QCOMPARE(*again, *foldersId);
    QCOMPARE(m_store->list().size(), 2);
    QCOMPARE(m_store->load(*foldersId)->name, QStringLiteral("Renamed"));

    QVERIFY(m_store->remove(*bodiesId).ok());
    QCOMPARE(m_store->list().size(), 1);
    auto gone = m_store->load(*bodiesId);
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().type, ErrorType::NotFound);
    auto removedTwice = m_store->remove(*bodiesId);
    QVERIFY(!removedTwice.ok());
    QCOMPARE(removedTwice.error().type, ErrorType::NotFound);
}

void TestCollection::idsFromNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("id");
    QTest::addRow("plain") << "Orders"
                           << "orders";
    QTest::addRow("accents and punctuation") << "Café Orders (v2)!"
                                             << "cafe-orders-v2";
    QTest::addRow("path characters") << "../a/b\\c"
                                     << "a-b-c";
    QTest::addRow("digits kept") << "2024 Q1"
                                 << "2024-q1";
    QTest::addRow("no ASCII letters") << "日本語"
                                      << "collection";
    QTest::addRow("empty") << ""
                           << "collection";
    QTest::addRow("long") << QString(60, QLatin1Char('x')) + QStringLiteral(" tail")
                          << QString(48, QLatin1Char('x'));
    QTest::addRow("cut at a dash") << QString(47, QLatin1Char('y')) + QStringLiteral(" z")
                                   << QString(47, QLatin1Char('y'));
}

void TestCollection::idsFromNames()
{
    QFETCH(QString, name);
    QFETCH(QString, id);
    auto saved = m_store->save(collection(name, {}));
    QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error().message));
    QCOMPARE(*saved, id);
    QCOMPARE(m_store->load(id)->name, name);
}

void TestCollection::idsStayUnique()
{
    QStringList ids;
    for (int i = 0; i < 3; ++i) {
        auto saved = m_store->save(collection(QStringLiteral("Orders"), {}));
        QVERIFY(saved.ok());
        ids.append(*saved);
    }
    QCOMPARE(ids,
             QStringList({QStringLiteral("orders"), QStringLiteral("orders-2"), QStringLiteral("orders-3")}));
    QCOMPARE(m_store->list().size(), 3);
    // A freed id is taken again; the others stay.
    QVERIFY(m_store->remove(QStringLiteral("orders-2")).ok());
    QCOMPARE(*m_store->save(collection(QStringLiteral("Orders"), {})), QStringLiteral("orders-2"));
}

void TestCollection::invalidIdsRefused_data()
{
    QTest::addColumn<QString>("id");
    QTest::addRow("parent") << "../escape";
    QTest::addRow("upper case") << "Orders";
    QTest::addRow("space") << "a b";
    QTest::addRow("dot") << "a.b";
    QTest::addRow("leading dash") << "-a";
    QTest::addRow("too long") << QString(101, QLatin1Char('a'));
}

void TestCollection::invalidIdsRefused()
{
    QFETCH(QString, id);
    tester::Collection named = collection(QStringLiteral("x"), {});
    named.id = id;
    auto saved = m_store->save(named);
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().type, ErrorType::InvalidInput);
    QVERIFY(!m_store->load(id).ok());
    QVERIFY(!m_store->remove(id).ok());
    QVERIFY(QDir(m_dir->path()).entryList(QDir::Files | QDir::NoDotAndDotDot).isEmpty());
}

// A save replaces the file by rename: a hard link to the old file keeps the old bytes (a write in
// place would change them), and no temporary file is left behind.
void TestCollection::writesAreAtomic()
{
    auto id = m_store->save(everyBodyMode());
    QVERIFY(id.ok());
    const QString path = QDir(m_store->directory()).filePath(*id + QStringLiteral(".json"));
    const QString link = m_dir->filePath(QStringLiteral("old-link.json"));
    const QByteArray before = readAll(path);
    QCOMPARE(::link(QFile::encodeName(path).constData(), QFile::encodeName(link).constData()), 0);

    tester::Collection changed = everyAuthMode();
    changed.id = *id;
    QVERIFY(m_store->save(changed).ok());
    QCOMPARE(readAll(link), before);
    QVERIFY(readAll(path) != before);
    QCOMPARE(m_store->load(*id)->name, QStringLiteral("Auth"));
    QCOMPARE(QDir(m_store->directory()).entryList(QDir::Files), QStringList{*id + QStringLiteral(".json")});
}

void TestCollection::brokenFileListedNeverOverwritten()
{
    const QString dir = m_store->directory();
    const QByteArray broken("{\"name\": \"Orders\", \"items\": [");
    const QByteArray wrongShape("{\"name\": \"Shape\", \"items\": [{\"type\": \"macro\"}]}");
    QVERIFY(writeAll(QDir(dir).filePath(QStringLiteral("orders.json")), broken));
    QVERIFY(writeAll(QDir(dir).filePath(QStringLiteral("shape.json")), wrongShape));
    QVERIFY(writeAll(QDir(dir).filePath(QStringLiteral("My File.json")), QByteArray("{}")));
    QVERIFY(m_store->save(collection(QStringLiteral("Good"), {})).ok());

    const auto entries = m_store->list();
    QCOMPARE(entries.size(), 4);
    QHash<QString, tester::CollectionStore::Entry> byId;
    for (const auto &entry : entries)
        byId.insert(entry.id, entry);
    QVERIFY2(
        byId.value(QStringLiteral("orders")).error.contains(QLatin1String("orders.json is not valid JSON")),
        qPrintable(byId.value(QStringLiteral("orders")).error));
    QVERIFY2(byId.value(QStringLiteral("shape")).error.contains(QLatin1String("items[0].type")),
             qPrintable(byId.value(QStringLiteral("shape")).error));
    QVERIFY(byId.value(QStringLiteral("My File")).error.contains(QLatin1String("is not a collection id")));
    QVERIFY(byId.value(QStringLiteral("good")).error.isEmpty());
    QVERIFY(!m_store->load(QStringLiteral("orders")).ok());

    // Another collection named like the broken file gets another id...
    auto other = m_store->save(collection(QStringLiteral("Orders"), {}));
    QVERIFY(other.ok());
    QCOMPARE(*other, QStringLiteral("orders-2"));
    // ...and a save under the broken file's own id is refused.
    tester::Collection sameId = collection(QStringLiteral("Orders"), {});
    sameId.id = QStringLiteral("orders");
    auto refused = m_store->save(sameId);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QLatin1String("left as it is")),
             qPrintable(refused.error().message));
    QCOMPARE(readAll(QDir(dir).filePath(QStringLiteral("orders.json"))), broken);
    QCOMPARE(readAll(QDir(dir).filePath(QStringLiteral("shape.json"))), wrongShape);
    // Removing it is how the user gets rid of it.
    QVERIFY(m_store->remove(QStringLiteral("orders")).ok());
    QVERIFY(m_store->save(sameId).ok());
}

void TestCollection::secretsRedactedInTheFile()
{
    RequestDocument literal =
        request(QStringLiteral("Literal secrets"), QStringLiteral("GET"), QStringLiteral("{{baseUrl}}/x"));
    literal.auth.mode = AuthMode::Bearer;
    literal.auth.bearerToken = QStringLiteral("bearer-SECRET-1");
    literal.auth.clientToken = QStringLiteral("client-SECRET-2");
    literal.headers = {
        KeyValue{QStringLiteral("Authorization"), QStringLiteral("Bearer header-SECRET-3"), true},
        KeyValue{QStringLiteral("x-api-client-token"), QStringLiteral("header-SECRET-4"), true},
        KeyValue{QStringLiteral("Cookie"), QStringLiteral("sid=cookie-SECRET-5"), false},
        KeyValue{QStringLiteral("X-Plain"), QStringLiteral("visible"), true}};
    literal.query = {KeyValue{QStringLiteral("clientToken"), QStringLiteral("query-SECRET-6"), true}};
    RequestDocument references =
        request(QStringLiteral("References"), QStringLiteral("GET"), QStringLiteral("{{baseUrl}}/x"));
    references.auth.mode = AuthMode::Bearer;
    references.auth.bearerToken = QStringLiteral("{{accessToken}}");
    references.headers = {
        KeyValue{QStringLiteral("Authorization"), QStringLiteral("Bearer {{token}}"), true}};
    auto id = m_store->save(collection(QStringLiteral("Secrets"),
                                       {folder(QStringLiteral("f"), {item(literal)}), item(references)}));
    QVERIFY(id.ok());

    const QByteArray file = readAll(QDir(m_store->directory()).filePath(*id + QStringLiteral(".json")));
    QVERIFY(!file.isEmpty());
    QVERIFY2(!file.contains("SECRET"), file.constData());
    QVERIFY(file.contains("visible"));
    auto loaded = m_store->load(*id);
    QVERIFY(loaded.ok());
    const RequestDocument &stored = loaded->items.front().children.front().request;
    QCOMPARE(stored.auth.bearerToken, QString());
    QCOMPARE(stored.auth.clientToken, QString());
    QCOMPARE(stored.headers.at(0).value, QString());
    QCOMPARE(stored.headers.at(3).value, QStringLiteral("visible"));
    QCOMPARE(stored.query.at(0).value, QString());
    const RequestDocument &kept = loaded->items.back().request;
    QCOMPARE(kept.auth.bearerToken, QStringLiteral("{{accessToken}}"));
    QCOMPARE(kept.headers.at(0).value, QStringLiteral("Bearer {{token}}"));
}

void TestCollection::fileSizeLimit()
{
    // Read: a file over 32 MiB is refused before it is parsed.
    const QString big = QDir(m_store->directory()).filePath(QStringLiteral("big.json"));
    QByteArray bytes("{\"name\": \"Big\", \"description\": \"");
    bytes.append(QByteArray(tester::kMaxCollectionFileBytes, 'a'));
    bytes.append("\"}");
    QVERIFY(writeAll(big, bytes));
    bytes.clear();
    auto loaded = m_store->load(QStringLiteral("big"));
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().type, ErrorType::LimitExceeded);
    QVERIFY2(loaded.error().message.contains(QLatin1String("larger than 32 MiB")),
             qPrintable(loaded.error().message));
    QCOMPARE(m_store->list().value(0).error, loaded.error().message);
    QVERIFY(QFile::remove(big));

    // Write: four bodies within the per-request limit make a file over it; nothing is written.
    std::vector<tester::CollectionItem> items;
    for (int i = 0; i < 4; ++i) {
        RequestDocument large = request(QStringLiteral("large %1").arg(i), QStringLiteral("POST"),
                                        QStringLiteral("{{baseUrl}}/x"));
        large.bodyMode = BodyMode::Raw;
        large.body = QString(9 * 1024 * 1024, QLatin1Char('b'));
        items.push_back(item(large));
    }
    auto saved = m_store->save(collection(QStringLiteral("Large"), std::move(items)));
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().type, ErrorType::LimitExceeded);
    QVERIFY(m_store->list().isEmpty());
}

void TestCollection::missingDirectoryIsEmpty()
{
    QVERIFY(!QFileInfo::exists(m_store->directory()));
    QVERIFY(m_store->list().isEmpty());
    auto loaded = m_store->load(QStringLiteral("nothing"));
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().type, ErrorType::NotFound);
}

QTEST_GUILESS_MAIN(TestCollection)
#include "tst_collection.moc"
