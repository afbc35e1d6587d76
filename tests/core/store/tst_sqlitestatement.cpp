// What the history writer does on SQLite beside plain SQL: native statements for its inserts, which
// bind every value as the Qt driver does and report errors as it does; and checkpoints of the
// write-ahead log between batches.

#include "HistoryTestSupport.h"
#include "store/SqlDialect.h"

#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace wf;

namespace {

constexpr int kSqliteConstraint = 19;

} // namespace

class TestSqliteStatement final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void bindsAsTheQtDriverDoes();
    void reportsErrorsAndRunsAgain();
    void refusesBadSql();
    void checkpointsBetweenBatches();

private:
    QSqlDatabase db() const { return QSqlDatabase::database(QStringLiteral("native"), false); }
    QStringList quotedRows() const;

    QTemporaryDir m_dir;
    std::unique_ptr<historydb::SqlDialect> m_dialect;
};

void TestSqliteStatement::init()
{
    QVERIFY(m_dir.isValid());
    m_dialect = historydb::sqliteDialect(m_dir.filePath(QStringLiteral("native.db")), HistoryStoreOptions{});
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("native"));
    QVERIFY(!m_dialect->open(db, true));
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("DROP TABLE IF EXISTS t")));
    QVERIFY(q.exec(QStringLiteral("CREATE TABLE t (k INTEGER PRIMARY KEY, a, b, c, d, e, f, g, h, i)")));
}

void TestSqliteStatement::cleanup()
{
    {
        QSqlDatabase database = db();
        database.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("native"));
    m_dialect.reset();
}

QStringList TestSqliteStatement::quotedRows() const
{
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("SELECT quote(a) || ' ' || quote(b) || ' ' || quote(c) || ' ' || quote(d) || "
                               "' ' || quote(e) || ' ' || quote(f) || ' ' || quote(g) || ' ' || quote(h) || "
                               "' ' || quote(i) FROM t ORDER BY k")))
        return {QStringLiteral("query failed")};
    QStringList rows;
    while (q.next())
        rows.append(q.value(0).toString());
    return rows;
}

// The same values inserted by a native statement and by QSqlQuery give the same row: text (UTF-8),
// NULL for a null QString or QByteArray or an empty QVariant, blobs, integers, reals, booleans.
void TestSqliteStatement::bindsAsTheQtDriverDoes()
{
    const QString sql =
        QStringLiteral("INSERT INTO t (k, a, b, c, d, e, f, g, h, i) VALUES (?, ?, ?, ?, ?, ?, "
                       "?, ?, ?, ?)");
    const QVariantList values = {QString::fromUtf8("héllo \xe6\x97\xa5 \"x\""),
                                 QString(),
                                 QString(QLatin1String("")),
                                 QByteArray("\x00\x01\xff", 3),
                                 QByteArray(),
                                 qint64(1) << 40,
                                 -2.5,
                                 true,
                                 QVariant()};
    QSqlDatabase database = db();
    QSqlError error;
    auto native = m_dialect->prepareNative(database, sql, &error);
    QVERIFY2(native, qPrintable(error.text()));
    QVERIFY2(native->run(QVariantList{1} + values, &error), qPrintable(error.text()));

    QSqlQuery q(database);
    QVERIFY(q.prepare(sql));
    q.bindValue(0, 2);
    for (qsizetype i = 0; i < values.size(); ++i)
        q.bindValue(int(i + 1), values.at(i));
    QVERIFY2(q.exec(), qPrintable(q.lastError().text()));

    const QStringList rows = quotedRows();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0), rows.at(1));
    QCOMPARE(rows.at(0), QString::fromUtf8(
                             "'héllo \xe6\x97\xa5 \"x\"' NULL '' X'0001FF' NULL 1099511627776 -2.5 1 NULL"));
}

// A failed run says why as the Qt driver would (the extended code as native code), and the same
// statement runs again afterwards.
void TestSqliteStatement::reportsErrorsAndRunsAgain()
{
    QSqlDatabase database = db();
    QSqlError error;
    auto native =
        m_dialect->prepareNative(database, QStringLiteral("INSERT INTO t (k, a) VALUES (?, ?)"), &error);
    QVERIFY(native);
    QVERIFY(native->run({1, QStringLiteral("first")}, &error));
    QVERIFY(!native->run({1, QStringLiteral("again")}, &error));
    QVERIFY(error.isValid());
    QCOMPARE(error.nativeErrorCode().toInt() & 0xff, kSqliteConstraint);
    QVERIFY2(error.databaseText().contains(QLatin1String("UNIQUE")), qPrintable(error.databaseText()));
    const Error said = m_dialect->error(error, QStringLiteral("writing"));
    QVERIFY2(said.message.contains(QLatin1String("writing failed")), qPrintable(said.message));
    QVERIFY(native->run({2, QStringLiteral("second")}, &error));
    QCOMPARE(quotedRows().size(), 2);
}

void TestSqliteStatement::refusesBadSql()
{
    QSqlDatabase database = db();
    QSqlError error;
    QVERIFY(!m_dialect->prepareNative(database, QStringLiteral("INSERT INTO missing VALUES (?)"), &error));
    QVERIFY(error.isValid());
    QVERIFY2(error.databaseText().contains(QLatin1String("missing")), qPrintable(error.databaseText()));
}

// Once the log holds checkpointPages pages, the writer copies it into the database file after the
// batch (SQLite alone would wait for 1,000 pages), so the log starts again from its beginning and
// stays short.
void TestSqliteStatement::checkpointsBetweenBatches()
{
    const QString path = m_dir.filePath(QStringLiteral("history.db"));
    HistoryStoreOptions options;
    options.checkpointPages = 16;
    HistoryStore store;
    VERIFY_OK(store.open(path, options));
    const qint64 emptySize = QFileInfo(path).size();
    constexpr int kRecords = 200;
    qint64 largestLog = 0;
    for (int i = 0; i < kRecords; ++i) {
        ExecutionRecord record = historytest::makeRecord(QStringLiteral("f"), historytest::kBase);
        record.response.body = QByteArray(3000, char('a' + i % 26));
        record.response.bodySize = record.response.body.size();
        VERIFY_OK(store.record(record));
        largestLog = std::max(largestLog, QFileInfo(path + QStringLiteral("-wal")).size());
    }
    // Each record takes about a page: without the checkpoints, the log would hold them all.
    QVERIFY2(largestLog < 64 * 4120, QByteArray::number(largestLog).constData());
    QVERIFY2(QFileInfo(path).size() > emptySize + kRecords * 3000 / 2,
             QByteArray::number(QFileInfo(path).size()).constData());
    QCOMPARE(store.count().value(), kRecords);
}

QTEST_GUILESS_MAIN(TestSqliteStatement)
#include "tst_sqlitestatement.moc"
