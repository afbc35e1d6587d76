// Secret stores: the in-memory store and the 0600 JSON file store (round trips, permissions, corrupt
// files, sharing a file between store objects), and the key under which client tokens are kept.

#include "store/SecretStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <memory>
#include <vector>

using namespace wf;

Q_DECLARE_METATYPE(QFileDevice::Permissions)

namespace {

constexpr auto kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr auto kGroupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                               QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeBytes(const QString &path, const QByteArray &bytes, QFileDevice::Permissions permissions)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const bool written = file.write(bytes) == bytes.size();
    file.close();
    return written && QFile::setPermissions(path, permissions);
}

// The secret under `key`, or "<none>" / "<error: ...>", for readable comparisons.
QString readText(SecretStore &store, const QString &key)
{
    const auto result = store.read(key);
    if (!result)
        return QStringLiteral("<error: ") + result.error().message + QLatin1Char('>');
    return result->has_value() ? **result : QStringLiteral("<none>");
}

} // namespace

class TestSecretStore final : public QObject {
    Q_OBJECT

private slots:
    void init();

    // Both stores honour the same contract.
    void contract_data();
    void contract();
    void kinds();

    // FileSecretStore.
    void fileRoundTrip();
    void missingFileReadsAsEmpty();
    void fileIsCreatedOwnerOnly();
    void rewriteKeepsOwnerOnly();
    void noTemporaryFilesLeft();
    void refusesFileOthersCanAccess_data();
    void refusesFileOthersCanAccess();
    void acceptsOwnerReadOnlyFile();
    void corruptFile_data();
    void corruptFile();
    void removeOfMissingKey();
    void manyKeys();
    void unicodeSecrets_data();
    void unicodeSecrets();
    void twoStoresShareTheFile();
    void writeIntoMissingDirectoryFails();
    void concurrentWrites();

    void clientTokenKey();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestSecretStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("secrets.json"));
}

// --- contract ---------------------------------------------------------------------------------------

void TestSecretStore::contract_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("memory") << QStringLiteral("memory");
    QTest::newRow("file") << QStringLiteral("file");
}

void TestSecretStore::contract()
{
    QFETCH(QString, kind);
    std::unique_ptr<SecretStore> store;
    if (kind == QLatin1String("memory"))
        store = std::make_unique<MemorySecretStore>();
    else
        store = std::make_unique<FileSecretStore>(m_path);
    QCOMPARE(store->kind(), kind);

    const QString key = QStringLiteral("ws/clientToken/flow");
    // Missing: no value, not an error.
    auto missing = store->read(key);
    QVERIFY(missing.ok());
    QVERIFY(!missing->has_value());

    auto written = store->write(key, QStringLiteral("s3cret"));
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
    QCOMPARE(readText(*store, key), QStringLiteral("s3cret"));

    // Overwrite.
    QVERIFY(store->write(key, QStringLiteral("second")).ok());
    QCOMPARE(readText(*store, key), QStringLiteral("second"));

    // An empty secret is a value, not an absence.
    QVERIFY(store->write(QStringLiteral("empty"), QString()).ok());
    auto empty = store->read(QStringLiteral("empty"));
    QVERIFY(empty.ok());
    QVERIFY(empty->has_value());
    QVERIFY((*empty)->isEmpty());

    // Keys are exact.
    QCOMPARE(readText(*store, key.toUpper()), QStringLiteral("<none>"));
    QCOMPARE(readText(*store, key + QLatin1Char(' ')), QStringLiteral("<none>"));

    // Remove: true once, then false; other keys stay.
    auto removed = store->remove(key);
    QVERIFY(removed.ok());
    QCOMPARE(*removed, true);
    QCOMPARE(readText(*store, key), QStringLiteral("<none>"));
    auto removedAgain = store->remove(key);
    QVERIFY(removedAgain.ok());
    QCOMPARE(*removedAgain, false);
    QVERIFY(empty.ok());
    QCOMPARE(readText(*store, QStringLiteral("empty")), QString());
    QCOMPARE(*store->remove(QStringLiteral("never written")), false);
}

void TestSecretStore::kinds()
{
    MemorySecretStore memory;
    FileSecretStore file(m_path);
    QCOMPARE(memory.kind(), QStringLiteral("memory"));
    QCOMPARE(file.kind(), QStringLiteral("file"));
    QCOMPARE(file.path(), m_path);
}

// --- FileSecretStore --------------------------------------------------------------------------------

void TestSecretStore::fileRoundTrip()
{
    {
        FileSecretStore store(m_path);
        QVERIFY(store.write(QStringLiteral("a"), QStringLiteral("alpha")).ok());
        QVERIFY(store.write(QStringLiteral("b"), QStringLiteral("beta")).ok());
    }
    // A new object on the same path reads what the first wrote.
    FileSecretStore reopened(m_path);
    QCOMPARE(readText(reopened, QStringLiteral("a")), QStringLiteral("alpha"));
    QCOMPARE(readText(reopened, QStringLiteral("b")), QStringLiteral("beta"));

    // The file is a JSON object of key → secret.
    const QJsonDocument doc = QJsonDocument::fromJson(readBytes(m_path));
    QVERIFY(doc.isObject());
    QCOMPARE(doc.object(), (QJsonObject{{QStringLiteral("a"), QStringLiteral("alpha")},
                                        {QStringLiteral("b"), QStringLiteral("beta")}}));
}

void TestSecretStore::missingFileReadsAsEmpty()
{
    FileSecretStore store(m_path);
    auto result = store.read(QStringLiteral("anything"));
    QVERIFY(result.ok());
    QVERIFY(!result->has_value());
    auto removed = store.remove(QStringLiteral("anything"));
    QVERIFY(removed.ok());
    QCOMPARE(*removed, false);
    // Neither reading nor removing creates the file.
    QVERIFY(!QFile::exists(m_path));
}

void TestSecretStore::fileIsCreatedOwnerOnly()
{
    FileSecretStore store(m_path);
    QVERIFY(!QFile::exists(m_path));
    QVERIFY(store.write(QStringLiteral("k"), QStringLiteral("v")).ok());
    const QFileInfo info(m_path);
    QVERIFY(info.exists());
    QCOMPARE(info.permissions() & kGroupOrOther, QFileDevice::Permissions());
    QCOMPARE(info.permissions() & kOwnerOnly, QFileDevice::Permissions(kOwnerOnly));
}

void TestSecretStore::rewriteKeepsOwnerOnly()
{
    FileSecretStore store(m_path);
    for (int i = 0; i < 3; ++i)
        QVERIFY(store.write(QStringLiteral("k%1").arg(i), QStringLiteral("v")).ok());
    QVERIFY(*store.remove(QStringLiteral("k0")));
    QCOMPARE(QFileInfo(m_path).permissions() & kGroupOrOther, QFileDevice::Permissions());
    QCOMPARE(QFileInfo(m_path).permissions() & kOwnerOnly, QFileDevice::Permissions(kOwnerOnly));
}

void TestSecretStore::noTemporaryFilesLeft()
{
    FileSecretStore store(m_path);
    for (int i = 0; i < 5; ++i)
        QVERIFY(store.write(QStringLiteral("k%1").arg(i), QStringLiteral("v")).ok());
    QVERIFY(*store.remove(QStringLiteral("k1")));
    const QStringList entries = QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden | QDir::System);
    QCOMPARE(entries, QStringList{QStringLiteral("secrets.json")});
}

void TestSecretStore::refusesFileOthersCanAccess_data()
{
    QTest::addColumn<QFileDevice::Permissions>("permissions");
    const auto owner = QFileDevice::Permissions(kOwnerOnly);
    QTest::newRow("0640") << (owner | QFileDevice::ReadGroup);
    QTest::newRow("0604") << (owner | QFileDevice::ReadOther);
    QTest::newRow("0644") << (owner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    QTest::newRow("0660") << (owner | QFileDevice::ReadGroup | QFileDevice::WriteGroup);
    QTest::newRow("0602") << (owner | QFileDevice::WriteOther);
    QTest::newRow("0666") << (owner | QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                              QFileDevice::ReadOther | QFileDevice::WriteOther);
}

void TestSecretStore::refusesFileOthersCanAccess()
{
    QFETCH(QFileDevice::Permissions, permissions);
    const QByteArray original = QByteArrayLiteral("{\"k\": \"v\"}");
    QVERIFY(writeBytes(m_path, original, permissions));

    FileSecretStore store(m_path);
    const auto read = store.read(QStringLiteral("k"));
    QVERIFY(!read.ok());
    QCOMPARE(read.error().type, ErrorType::InvalidInput);
    QVERIFY2(read.error().message.contains(QLatin1String("chmod 600")), qPrintable(read.error().message));
    QVERIFY2(read.error().message.contains(m_path), qPrintable(read.error().message));

    // Writing and removing refuse too, and leave the file as it was.
    const auto written = store.write(QStringLiteral("k"), QStringLiteral("new"));
    QVERIFY(!written.ok());
    QVERIFY(written.error().message.contains(QLatin1String("chmod 600")));
    QVERIFY(!store.remove(QStringLiteral("k")).ok());
    QCOMPARE(readBytes(m_path), original);
    QCOMPARE(QFileInfo(m_path).permissions() & (kOwnerOnly | kGroupOrOther), permissions);

    // After chmod 600 it reads.
    QVERIFY(QFile::setPermissions(m_path, kOwnerOnly));
    QCOMPARE(readText(store, QStringLiteral("k")), QStringLiteral("v"));
}

void TestSecretStore::acceptsOwnerReadOnlyFile()
{
    QVERIFY(writeBytes(m_path, QByteArrayLiteral("{\"k\": \"v\"}"), QFileDevice::ReadOwner));
    FileSecretStore store(m_path);
    QCOMPARE(readText(store, QStringLiteral("k")), QStringLiteral("v"));
}

void TestSecretStore::corruptFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("empty file") << QByteArray();
    QTest::newRow("not JSON") << QByteArrayLiteral("k=v\n");
    QTest::newRow("truncated object") << QByteArrayLiteral("{\"k\": \"v\"");
    QTest::newRow("array") << QByteArrayLiteral("[\"v\"]");
    QTest::newRow("string") << QByteArrayLiteral("\"v\"");
    QTest::newRow("binary") << QByteArray("\x00\xff\xfe{", 4);
}

void TestSecretStore::corruptFile()
{
    QFETCH(QByteArray, content);
    QVERIFY(writeBytes(m_path, content, kOwnerOnly));

    FileSecretStore store(m_path);
    const auto read = store.read(QStringLiteral("k"));
    QVERIFY(!read.ok());
    QCOMPARE(read.error().type, ErrorType::InvalidInput);
    QVERIFY2(read.error().message.contains(m_path), qPrintable(read.error().message));
    QVERIFY2(read.error().message.contains(QLatin1String("not a secrets file")),
             qPrintable(read.error().message));

    // A write must not replace a file it cannot understand (that would lose every other secret).
    QVERIFY(!store.write(QStringLiteral("k"), QStringLiteral("v")).ok());
    QVERIFY(!store.remove(QStringLiteral("k")).ok());
    QCOMPARE(readBytes(m_path), content);
}

void TestSecretStore::removeOfMissingKey()
{
    FileSecretStore store(m_path);
    QVERIFY(store.write(QStringLiteral("kept"), QStringLiteral("v")).ok());
    const QByteArray before = readBytes(m_path);
    auto removed = store.remove(QStringLiteral("absent"));
    QVERIFY(removed.ok());
    QCOMPARE(*removed, false);
    QCOMPARE(readBytes(m_path), before);
    QCOMPARE(readText(store, QStringLiteral("kept")), QStringLiteral("v"));
}

void TestSecretStore::manyKeys()
{
    constexpr int kCount = 100;
    FileSecretStore store(m_path);
    for (int i = 0; i < kCount; ++i)
        QVERIFY(
            store.write(QStringLiteral("ws/clientToken/flow-%1").arg(i), QStringLiteral("token-%1").arg(i))
                .ok());

    FileSecretStore reopened(m_path);
    for (int i = 0; i < kCount; ++i)
        QCOMPARE(readText(reopened, QStringLiteral("ws/clientToken/flow-%1").arg(i)),
                 QStringLiteral("token-%1").arg(i));
    QCOMPARE(QJsonDocument::fromJson(readBytes(m_path)).object().size(), kCount);

    // Remove every other key; the rest survive.
    for (int i = 0; i < kCount; i += 2)
        QVERIFY(*reopened.remove(QStringLiteral("ws/clientToken/flow-%1").arg(i)));
    for (int i = 0; i < kCount; ++i) {
        const QString expected = i % 2 == 0 ? QStringLiteral("<none>") : QStringLiteral("token-%1").arg(i);
        QCOMPARE(readText(store, QStringLiteral("ws/clientToken/flow-%1").arg(i)), expected);
    }
    QCOMPARE(QJsonDocument::fromJson(readBytes(m_path)).object().size(), kCount / 2);
}

void TestSecretStore::unicodeSecrets_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("secret");
    QTest::newRow("latin-1") << QStringLiteral("k") << QString::fromUtf8("p\xc3\xa4sstw\xc3\xb6rd");
    QTest::newRow("cjk") << QStringLiteral("k") << QString::fromUtf8("\xe7\xa7\x98\xe5\xaf\x86");
    QTest::newRow("emoji") << QStringLiteral("k") << QString::fromUtf8("\xf0\x9f\x94\x91 key");
    QTest::newRow("json metacharacters")
        << QStringLiteral("k") << QStringLiteral("quote \u0022 backslash \\ brace { bracket ]");
    QTest::newRow("control characters") << QStringLiteral("k") << QStringLiteral("line\nbreak\ttab\r\x01");
    QTest::newRow("pem block") << QStringLiteral("k")
                               << QStringLiteral(
                                      "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n");
    QTest::newRow("unicode key") << QString::fromUtf8("cl\xc3\xa9/\xe7\xa7\x98") << QStringLiteral("v");
    QTest::newRow("long") << QStringLiteral("k") << QString(100000, QChar(0x00e9));
}

void TestSecretStore::unicodeSecrets()
{
    QFETCH(QString, key);
    QFETCH(QString, secret);
    {
        FileSecretStore store(m_path);
        QVERIFY(store.write(key, secret).ok());
        QCOMPARE(readText(store, key), secret);
    }
    FileSecretStore reopened(m_path);
    QCOMPARE(readText(reopened, key), secret);
    MemorySecretStore memory;
    QVERIFY(memory.write(key, secret).ok());
    QCOMPARE(readText(memory, key), secret);
}

void TestSecretStore::twoStoresShareTheFile()
{
    FileSecretStore a(m_path);
    FileSecretStore b(m_path);
    QVERIFY(a.write(QStringLiteral("k1"), QStringLiteral("from a")).ok());
    QCOMPARE(readText(b, QStringLiteral("k1")), QStringLiteral("from a"));

    // b's write keeps a's key: each write starts from the file, not from a cached copy.
    QVERIFY(b.write(QStringLiteral("k2"), QStringLiteral("from b")).ok());
    QCOMPARE(readText(a, QStringLiteral("k2")), QStringLiteral("from b"));
    QCOMPARE(readText(a, QStringLiteral("k1")), QStringLiteral("from a"));

    QVERIFY(b.write(QStringLiteral("k1"), QStringLiteral("b again")).ok());
    QCOMPARE(readText(a, QStringLiteral("k1")), QStringLiteral("b again"));

    QVERIFY(*a.remove(QStringLiteral("k1")));
    QCOMPARE(readText(b, QStringLiteral("k1")), QStringLiteral("<none>"));
    QCOMPARE(*b.remove(QStringLiteral("k1")), false);
    QCOMPARE(readText(b, QStringLiteral("k2")), QStringLiteral("from b"));
}

void TestSecretStore::writeIntoMissingDirectoryFails()
{
    const QString path = m_dir->filePath(QStringLiteral("missing/secrets.json"));
    FileSecretStore store(path);
    const auto written = store.write(QStringLiteral("k"), QStringLiteral("v"));
    QVERIFY(!written.ok());
    QCOMPARE(written.error().type, ErrorType::Internal);
    QVERIFY2(written.error().message.contains(path), qPrintable(written.error().message));
    QVERIFY(!QFile::exists(path));
}

void TestSecretStore::concurrentWrites()
{
    constexpr int kThreads = 4;
    constexpr int kPerThread = 20;
    FileSecretStore store(m_path);
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back(QThread::create([&store, t] {
            for (int i = 0; i < kPerThread; ++i)
                (void)store.write(QStringLiteral("t%1-%2").arg(t).arg(i),
                                  QStringLiteral("v%1-%2").arg(t).arg(i));
        }));
        threads.back()->start();
    }
    for (const auto &thread : threads)
        QVERIFY(thread->wait());

    // The mutex serialises read-modify-write: no write is lost.
    FileSecretStore reopened(m_path);
    for (int t = 0; t < kThreads; ++t) {
        for (int i = 0; i < kPerThread; ++i)
            QCOMPARE(readText(reopened, QStringLiteral("t%1-%2").arg(t).arg(i)),
                     QStringLiteral("v%1-%2").arg(t).arg(i));
    }
    QCOMPARE(QJsonDocument::fromJson(readBytes(m_path)).object().size(), kThreads * kPerThread);
}

void TestSecretStore::clientTokenKey()
{
    QCOMPARE(clientTokenSecretKey(QStringLiteral("ws1"), QStringLiteral("hello")),
             QStringLiteral("ws1/clientToken/hello"));
    QVERIFY(clientTokenSecretKey(QStringLiteral("ws1"), QStringLiteral("f")) !=
            clientTokenSecretKey(QStringLiteral("ws2"), QStringLiteral("f")));
    QVERIFY(clientTokenSecretKey(QStringLiteral("ws1"), QStringLiteral("f")) !=
            clientTokenSecretKey(QStringLiteral("ws1"), QStringLiteral("g")));
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
