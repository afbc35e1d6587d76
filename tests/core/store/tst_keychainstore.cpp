// The keychain secret store against a real Secret Service. `.ci/run` starts a private D-Bus session
// with an unlocked gnome-keyring; without a session bus the test says so and skips.

#include "store/KeychainSecretStore.h"

#include <QTest>
#include <QUuid>
#include <thread>

using namespace wf;

class TestKeychainStore final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("no D-Bus session bus here: run the tests through .ci/run, which starts one with "
                  "gnome-keyring");
        QString why;
        QVERIFY2(m_store.isAvailable(&why), qPrintable(why));
    }

    void roundTrip()
    {
        const QString key = unique();
        QVERIFY(m_store.write(key, QStringLiteral("s3cr3t-é-😀")).ok());
        const auto read = m_store.read(key);
        QVERIFY(read.ok());
        QCOMPARE(read->value_or(QString()), QStringLiteral("s3cr3t-é-😀"));
        QVERIFY(m_store.write(key, QStringLiteral("second")).ok());
        QCOMPARE(m_store.read(key)->value_or(QString()), QStringLiteral("second"));
        QCOMPARE(m_store.remove(key).value(), true);
        QVERIFY(!m_store.read(key)->has_value());
        QCOMPARE(m_store.remove(key).value(), false);
    }

    void missingKey()
    {
        const auto read = m_store.read(unique());
        QVERIFY(read.ok());
        QVERIFY(!read->has_value());
    }

    void anotherStoreSeesTheSecret()
    {
        const QString key = unique();
        QVERIFY(m_store.write(key, QStringLiteral("shared")).ok());
        KeychainSecretStore other;
        QCOMPARE(other.read(key)->value_or(QString()), QStringLiteral("shared"));
        QVERIFY(other.remove(key).value());
    }

    void callsFromSeveralThreads()
    {
        std::vector<std::thread> threads;
        std::atomic<int> good{0};
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([this, t, &good] {
                const QString key = unique();
                const QString secret = QStringLiteral("thread-%1").arg(t);
                if (m_store.write(key, secret).ok() && m_store.read(key)->value_or(QString()) == secret &&
                    m_store.remove(key).value())
                    ++good;
            });
        }
        for (auto &thread : threads)
            thread.join();
        QCOMPARE(good.load(), 4);
    }

private:
    static QString unique()
    {
        return QStringLiteral("test/") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    }

    KeychainSecretStore m_store;
};

QTEST_GUILESS_MAIN(TestKeychainStore)
#include "tst_keychainstore.moc"
