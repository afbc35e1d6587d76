// Identifiers: aliases and execution ids from the CSPRNG; execution ids start with their time.

#include "Ids.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <thread>

using namespace wf;

class TestIds final : public QObject {
    Q_OBJECT

private slots:
    void executionIdsSortByTimeAndNeverRepeat();
    void aliasesAreRandomHex();
};

void TestIds::executionIdsSortByTimeAndNeverRepeat()
{
    static const QRegularExpression hex32(QStringLiteral("^[0-9a-f]{32}$"));
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    QSet<QString> ids;
    QSet<QString> randomParts;
    QString previous;
    // Far more random bytes than one refill of the per-thread buffer holds.
    for (int i = 0; i < 20000; ++i) {
        const QString id = newExecutionId();
        QVERIFY2(hex32.match(id).hasMatch(), qPrintable(id));
        QVERIFY2(id.left(12) >= previous.left(12), qPrintable(id)); // time never goes back
        previous = id;
        ids.insert(id);
        randomParts.insert(id.mid(12));
    }
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    bool ok = false;
    const qint64 first = (*ids.constBegin()).left(12).toLongLong(&ok, 16);
    QVERIFY(ok);
    QVERIFY(first >= before && first <= after);
    QCOMPARE(ids.size(), 20000);
    QCOMPARE(randomParts.size(), 20000); // the random part alone is unique
    // Ids made by another thread (with its own buffer) are different too.
    QString other;
    std::thread([&other] { other = newExecutionId(); }).join();
    QVERIFY(!randomParts.contains(other.mid(12)));
}

void TestIds::aliasesAreRandomHex()
{
    static const QRegularExpression hex32(QStringLiteral("^[0-9a-f]{32}$"));
    const QString a = newFlowAlias();
    const QString b = newFlowAlias();
    QVERIFY(hex32.match(a).hasMatch());
    QVERIFY(a != b);
    QCOMPARE(randomHex(32).size(), 64);
}

QTEST_GUILESS_MAIN(TestIds)
#include "tst_ids.moc"
