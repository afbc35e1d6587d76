// WriteBehindSecretStore: secrets known at once, carried in order to a backing store that may be slow
// or refuse, and never lost at destruction.

#include "store/WriteBehindSecretStore.h"

#include <QTest>
#include <atomic>
#include <condition_variable>
#include <mutex>

using namespace wf;

namespace {

// A backing store that waits at a gate before each change and can refuse writes; it records what
// reached it in order.
class GatedStore final : public SecretStore {
public:
    Result<std::optional<QString>> read(const QString &key) override
    {
        std::lock_guard lock(m_mutex);
        ++reads;
        auto it = m_secrets.constFind(key);
        if (it == m_secrets.constEnd())
            return std::optional<QString>();
        return std::optional<QString>(*it);
    }
    Result<bool> write(const QString &key, const QString &secret) override
    {
        waitAtGate();
        std::lock_guard lock(m_mutex);
        if (refuseWrites)
            return makeError(ErrorType::Internal, QStringLiteral("the keychain is locked"));
        m_secrets.insert(key, secret);
        log.append(QStringLiteral("write ") + key + QLatin1Char('=') + secret);
        return true;
    }
    Result<bool> remove(const QString &key) override
    {
        waitAtGate();
        std::lock_guard lock(m_mutex);
        m_secrets.remove(key);
        log.append(QStringLiteral("remove ") + key);
        return true;
    }
    QString kind() const override { return QStringLiteral("keychain"); }

    void open()
    {
        {
            std::lock_guard lock(m_mutex);
            m_open = true;
        }
        m_gate.notify_all();
    }
    QStringList logged()
    {
        std::lock_guard lock(m_mutex);
        return log;
    }
    std::optional<QString> stored(const QString &key)
    {
        std::lock_guard lock(m_mutex);
        auto it = m_secrets.constFind(key);
        return it == m_secrets.constEnd() ? std::nullopt : std::optional<QString>(*it);
    }
    void seed(const QString &key, const QString &secret)
    {
        std::lock_guard lock(m_mutex);
        m_secrets.insert(key, secret);
    }

    bool refuseWrites = false;
    int reads = 0;

private:
    void waitAtGate()
    {
        std::unique_lock lock(m_mutex);
        m_gate.wait(lock, [this] { return m_open; });
    }

    std::mutex m_mutex;
    std::condition_variable m_gate;
    bool m_open = false;
    QHash<QString, QString> m_secrets;
    QStringList log;
};

// WriteBehindSecretStore owns its backing store; this one forwards to a store the test owns, so the
// test can look at it after the write-behind store is gone.
class ForwardingStore final : public SecretStore {
public:
    explicit ForwardingStore(SecretStore &target) : m_target(target) {}
    Result<std::optional<QString>> read(const QString &key) override { return m_target.read(key); }
    Result<bool> write(const QString &key, const QString &secret) override
    {
        return m_target.write(key, secret);
    }
    Result<bool> remove(const QString &key) override { return m_target.remove(key); }
    QString kind() const override { return m_target.kind(); }

private:
    SecretStore &m_target;
};

struct Fixture {
    GatedStore backingStore;
    GatedStore *backing = &backingStore;
    std::unique_ptr<WriteBehindSecretStore> store = std::make_unique<WriteBehindSecretStore>(
        [this] { return std::make_unique<ForwardingStore>(backingStore); });

    ~Fixture()
    {
        backingStore.open();
        store.reset();
    }
};

} // namespace

class TestWriteBehindSecretStore final : public QObject {
    Q_OBJECT

private slots:
    void writeIsKnownBeforeTheBackingStoreHasIt()
    {
        Fixture f;
        QVERIFY(f.store->write(QStringLiteral("ws/clientToken/a"), QStringLiteral("t1")).ok());
        auto read = f.store->read(QStringLiteral("ws/clientToken/a"));
        QVERIFY(read.ok());
        QCOMPARE(read.value(), std::optional<QString>(QStringLiteral("t1")));
        QCOMPARE(f.backing->stored(QStringLiteral("ws/clientToken/a")), std::nullopt); // gate closed
        f.backing->open();
        f.store->flush();
        QCOMPARE(f.backing->stored(QStringLiteral("ws/clientToken/a")),
                 std::optional<QString>(QStringLiteral("t1")));
    }

    void changesReachTheBackingStoreInOrder()
    {
        Fixture f;
        const QString key = QStringLiteral("ws/clientToken/a");
        QVERIFY(f.store->write(key, QStringLiteral("one")).ok());
        QVERIFY(f.store->remove(key).ok());
        QVERIFY(f.store->write(key, QStringLiteral("two")).ok());
        QCOMPARE(f.store->knownValue(key), std::optional<std::optional<QString>>(QStringLiteral("two")));
        f.backing->open();
        f.store->flush();
        QCOMPARE(f.backing->logged(), QStringList({QStringLiteral("write ws/clientToken/a=one"),
                                                   QStringLiteral("remove ws/clientToken/a"),
                                                   QStringLiteral("write ws/clientToken/a=two")}));
    }

    void removedSecretReadsAsAbsent()
    {
        Fixture f;
        f.backing->seed(QStringLiteral("k"), QStringLiteral("old"));
        QVERIFY(f.store->remove(QStringLiteral("k")).ok());
        auto read = f.store->read(QStringLiteral("k"));
        QVERIFY(read.ok());
        QCOMPARE(read.value(), std::nullopt);
        f.backing->open();
    }

    void unknownSecretIsReadFromTheBackingStoreOnce()
    {
        Fixture f;
        f.backing->seed(QStringLiteral("k"), QStringLiteral("kept"));
        QCOMPARE(f.store->knownValue(QStringLiteral("k")), std::nullopt);
        QCOMPARE(f.store->read(QStringLiteral("k")).value(), std::optional<QString>(QStringLiteral("kept")));
        QCOMPARE(f.store->read(QStringLiteral("k")).value(), std::optional<QString>(QStringLiteral("kept")));
        QCOMPARE(f.backing->reads, 1);
        QCOMPARE(f.store->kind(), QStringLiteral("keychain"));
        f.backing->open();
    }

    void refusedWriteIsReportedWithoutTheSecret()
    {
        Fixture f;
        f.backing->refuseWrites = true;
        QString reported;
        std::mutex mutex;
        f.store->setFailureHandler([&](const QString &message) {
            std::lock_guard lock(mutex);
            reported = message;
        });
        QVERIFY(f.store->write(QStringLiteral("ws/appKey/0oa1/kid"), QStringLiteral("SECRET-VALUE")).ok());
        f.backing->open();
        f.store->flush();
        std::lock_guard lock(mutex);
        QVERIFY2(reported.contains(QLatin1String("appKey")), qPrintable(reported));
        QVERIFY(reported.contains(QLatin1String("the keychain is locked")));
        QVERIFY(!reported.contains(QLatin1String("SECRET-VALUE")));
    }

    void destructionCarriesPendingChanges()
    {
        GatedStore backing;
        {
            WriteBehindSecretStore store([&backing] { return std::make_unique<ForwardingStore>(backing); });
            for (int i = 0; i < 50; ++i)
                QVERIFY(store.write(QStringLiteral("k%1").arg(i), QString::number(i)).ok());
            backing.open();
        }
        QCOMPARE(backing.logged().size(), 50);
        QCOMPARE(backing.stored(QStringLiteral("k49")), std::optional<QString>(QStringLiteral("49")));
    }
};

QTEST_GUILESS_MAIN(TestWriteBehindSecretStore)
#include "tst_writebehindsecretstore.moc"
