// The request tester's history (PRODUCT.md §7): entries appended to history.jsonl and read back
// newest first, searched, removed and cleared; compaction past 1.5 × kMaxEntries keeping the newest
// kMaxEntries; lines that do not parse skipped and counted; secrets never written.

#include "tester/TesterHistory.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace wf;
using tester::TesterHistory;
using tester::TesterHistoryEntry;

namespace {

TesterHistoryEntry entry(int n, const QString &method = QStringLiteral("GET"), int status = 200)
{
    TesterHistoryEntry e;
    e.sentAt = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC).addSecs(n);
    e.request.name = QStringLiteral("request %1").arg(n);
    e.request.method = method;
    e.request.url = QStringLiteral("{{baseUrl}}/api/flo/a%1/invoke").arg(n);
    e.resolvedUrl = QStringLiteral("http://127.0.0.1:8787/api/flo/a%1/invoke").arg(n);
    e.status = status;
    e.durationMs = n;
    e.responseBytes = 10 * n;
    e.executionId = QStringLiteral("exec%1").arg(n, 28, 10, QLatin1Char('0'));
    return e;
}

QList<QByteArray> fileLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines = file.readAll().split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

QStringList names(const QList<TesterHistoryEntry> &entries)
{
    QStringList list;
    for (const auto &e : entries)
        list.append(e.request.name);
    return list;
}

} // namespace

class TestTesterHistory final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void missingFileIsEmpty();
    void appendAndLoad();
    void appendFillsIdAndTime();
    void appendRefusesBadId();
    void search_data();
    void search();
    void removeAndClear();
    void compaction();
    void loadKeepsTheNewest();
    void corruptLinesSkippedAndCounted();
    void cutLastLineDoesNotSwallowTheNext();
    void entriesAreRedacted();
    void appendBeforeLoadKeepsTheFile();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestTesterHistory::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestTesterHistory::missingFileIsEmpty()
{
    TesterHistory history(m_dir->path());
    QCOMPARE(history.filePath(), m_dir->filePath(QStringLiteral("tester/history.jsonl")));
    QVERIFY(history.load().ok());
    QVERIFY(history.entries().isEmpty());
    QCOMPARE(history.skippedLines(), 0);
}

void TestTesterHistory::appendAndLoad()
{
    TesterHistory history(m_dir->path());
    QVERIFY(history.load().ok());
    TesterHistoryEntry failed = entry(3, QStringLiteral("POST"), 0);
    failed.error = QStringLiteral("connection refused");
    failed.executionId.clear();
    for (const TesterHistoryEntry &e : {entry(1), entry(2), failed})
        QVERIFY(history.append(e).ok());
    QCOMPARE(names(history.entries()), QStringList({QStringLiteral("request 3"), QStringLiteral("request 2"),
                                                    QStringLiteral("request 1")}));
    QCOMPARE(fileLines(history.filePath()).size(), 3);

    TesterHistory reread(m_dir->path());
    QVERIFY(reread.load().ok());
    QCOMPARE(reread.skippedLines(), 0);
    QCOMPARE(reread.entries().size(), 3);
    QVERIFY(reread.entries() == history.entries());
    const TesterHistoryEntry newest = reread.entries().first();
    QCOMPARE(newest.status, 0);
    QCOMPARE(newest.error, QStringLiteral("connection refused"));
    QCOMPARE(newest.request.method, QStringLiteral("POST"));
    QCOMPARE(newest.sentAt, QDateTime(QDate(2024, 5, 1), QTime(12, 0, 3), Qt::UTC));
    QCOMPARE(newest.sentAt.timeSpec(), Qt::UTC);
    QCOMPARE(newest.durationMs, 3);
    QCOMPARE(newest.responseBytes, 30);
}

void TestTesterHistory::appendFillsIdAndTime()
{
    TesterHistory history(m_dir->path());
    QVERIFY(history.load().ok());
    TesterHistoryEntry e = entry(1);
    e.sentAt = QDateTime();
    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    QVERIFY(history.append(e).ok());
    TesterHistoryEntry local = entry(2);
    local.sentAt = QDateTime(QDate(2024, 5, 1), QTime(14, 0), Qt::OffsetFromUTC, 2 * 3600);
    QVERIFY(history.append(local).ok());

    const auto entries = history.entries();
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{32}$"));
    QVERIFY(hex.match(entries.at(1).id).hasMatch());
    QVERIFY(entries.at(0).id != entries.at(1).id);
    QVERIFY(entries.at(1).sentAt >= before);
    QCOMPARE(entries.at(1).sentAt.timeSpec(), Qt::UTC);
    QCOMPARE(entries.at(0).sentAt.timeSpec(), Qt::UTC);
    QCOMPARE(entries.at(0).sentAt.time(), QTime(12, 0));
}

void TestTesterHistory::appendRefusesBadId()
{
    TesterHistory history(m_dir->path());
    QVERIFY(history.load().ok());
    TesterHistoryEntry e = entry(1);
    e.id = QStringLiteral("not-hex");
    QVERIFY(!history.append(e).ok());
    QVERIFY(history.entries().isEmpty());
    QVERIFY(!QFile::exists(history.filePath()));
}

void TestTesterHistory::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("found");
    const QString r1 = QStringLiteral("request 1");
    const QString r2 = QStringLiteral("request 2");
    const QString r3 = QStringLiteral("request 3");
    QTest::addRow("empty: all") << "" << QStringList{r3, r2, r1};
    QTest::addRow("method, any case") << "post" << QStringList{r2};
    QTest::addRow("status") << "404" << QStringList{r3};
    QTest::addRow("resolved URL") << "127.0.0.1:8787/api/flo/a1/" << QStringList{r1};
    QTest::addRow("editor URL") << "{{baseUrl}}/api/flo/a3" << QStringList{r3};
    QTest::addRow("name") << "REQUEST 2" << QStringList{r2};
    QTest::addRow("execution id") << QStringLiteral("EXEC%1").arg(3, 28, 10, QLatin1Char('0'))
                                  << QStringList{r3};
    QTest::addRow("trimmed") << "  post " << QStringList{r2};
    QTest::addRow("nothing") << "nowhere" << QStringList{};
}

void TestTesterHistory::search()
{
    QFETCH(QString, text);
    QFETCH(QStringList, found);
    TesterHistory history(m_dir->path());
    QVERIFY(history.load().ok());
    QVERIFY(history.append(entry(1)).ok());
    QVERIFY(history.append(entry(2, QStringLiteral("POST"), 201)).ok());
    QVERIFY(history.append(entry(3, QStringLiteral("DELETE"), 404)).ok());
    QCOMPARE(names(history.search(text)), found);
}

void TestTesterHistory::removeAndClear()
{
    TesterHistory history(m_dir->path());
    QVERIFY(history.load().ok());
    for (int n = 1; n <= 3; ++n)
        QVERIFY(history.append(entry(n)).ok());
    const QString middle = history.entries().at(1).id;
    QVERIFY(history.remove(middle).ok());
    QCOMPARE(names(history.entries()),
             QStringList({QStringLiteral("request 3"), QStringLiteral("request 1")}));
    auto unknown = history.remove(middle);
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().type, ErrorType::NotFound);

    TesterHistory reread(m_dir->path());
    QVERIFY(reread.load().ok());
    QCOMPARE(names(reread.entries()), names(history.entries()));
    QCOMPARE(fileLines(history.filePath()).size(), 2);

    QVERIFY(history.clear().ok());
    QVERIFY(history.entries().isEmpty());
    QVERIFY(reread.load().ok());
    QVERIFY(reread.entries().isEmpty());
    // A cleared history takes new entries.
    QVERIFY(history.append(entry(4)).ok());
    QVERIFY(reread.load().ok());
    QCOMPARE(names(reread.entries()), QStringList{QStringLiteral("request 4")});
}

void TestTesterHistory::compaction()
{
    const int threshold = TesterHistory::kMaxEntries * 3 / 2;
    TesterHistory history(m_dir->path());
    QVERIFY(history.load().ok());
    for (int n = 1; n <= threshold; ++n)
        QVERIFY(history.append(entry(n)).ok());
    // Up to 1.5 × kMaxEntries the file only grows; the list shows the newest kMaxEntries.
    QCOMPARE(fileLines(history.filePath()).size(), threshold);
    QCOMPARE(history.entries().size(), TesterHistory::kMaxEntries);
    QCOMPARE(history.entries().first().request.name, QStringLiteral("request %1").arg(threshold));

    QVERIFY(history.append(entry(threshold + 1)).ok());
    const QList<QByteArray> lines = fileLines(history.filePath());
    QCOMPARE(lines.size(), TesterHistory::kMaxEntries);
    const int oldestKept = threshold + 1 - TesterHistory::kMaxEntries + 1;
    QVERIFY(lines.first().contains(QStringLiteral("\"request %1\"").arg(oldestKept).toUtf8()));
    QVERIFY(lines.last().contains(QStringLiteral("\"request %1\"").arg(threshold + 1).toUtf8()));
    QVERIFY(!QFile::exists(history.filePath() + QStringLiteral(".tmp")));

    TesterHistory reread(m_dir->path());
    QVERIFY(reread.load().ok());
    QCOMPARE(reread.entries().size(), TesterHistory::kMaxEntries);
    QCOMPARE(reread.entries().first().request.name, QStringLiteral("request %1").arg(threshold + 1));
    QCOMPARE(reread.entries().last().request.name, QStringLiteral("request %1").arg(oldestKept));
    QVERIFY(reread.entries() == history.entries());
    QCOMPARE(QDir(m_dir->filePath(QStringLiteral("tester"))).entryList(QDir::Files),
             QStringList{QStringLiteral("history.jsonl")});
}

void TestTesterHistory::loadKeepsTheNewest()
{
    TesterHistory writer(m_dir->path());
    QVERIFY(writer.load().ok());
    for (int n = 1; n <= TesterHistory::kMaxEntries + 200; ++n)
        QVERIFY(writer.append(entry(n)).ok());
    TesterHistory reader(m_dir->path());
    QVERIFY(reader.load().ok());
    QCOMPARE(reader.entries().size(), TesterHistory::kMaxEntries);
    QCOMPARE(reader.entries().first().request.name,
             QStringLiteral("request %1").arg(TesterHistory::kMaxEntries + 200));
    QCOMPARE(reader.entries().last().request.name, QStringLiteral("request 201"));
    QCOMPARE(reader.search(QStringLiteral("request 200")).size(), 0);
}

void TestTesterHistory::corruptLinesSkippedAndCounted()
{
    TesterHistory writer(m_dir->path());
    QVERIFY(writer.load().ok());
    QVERIFY(writer.append(entry(1)).ok());
    QVERIFY(writer.append(entry(2)).ok());
    QList<QByteArray> lines = fileLines(writer.filePath());
    QByteArray badId = lines.at(1);
    badId.replace(writer.entries().first().id.toLatin1(), "xyz");
    QByteArray badStatus = lines.at(1);
    badStatus.replace("\"status\":200", "\"status\":\"200\"");
    QVERIFY(badStatus != lines.at(1));
    const QList<QByteArray> content{lines.at(0), "not json at all",    "",         "[1, 2]", badId,
                                    badStatus,   lines.at(1).left(40), lines.at(1)};
    QFile file(writer.filePath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content.join('\n') + '\n');
    file.close();

    TesterHistory history(m_dir->path());
    QVERIFY(history.load().ok());
    QCOMPARE(history.skippedLines(), 5); // the blank line is not counted
    QCOMPARE(names(history.entries()),
             QStringList({QStringLiteral("request 2"), QStringLiteral("request 1")}));
    // A rewrite leaves the unreadable lines behind.
    QVERIFY(history.remove(history.entries().first().id).ok());
    QCOMPARE(history.skippedLines(), 0);
    QCOMPARE(fileLines(history.filePath()).size(), 1);
}

void TestTesterHistory::cutLastLineDoesNotSwallowTheNext()
{
    TesterHistory writer(m_dir->path());
    QVERIFY(writer.load().ok());
    QVERIFY(writer.append(entry(1)).ok());
    QFile file(writer.filePath());
    QVERIFY(file.open(QIODevice::Append));
    file.write("{\"id\": \"cut short by a cra");
    file.close();

    TesterHistory history(m_dir->path());
    QVERIFY(history.load().ok());
    QCOMPARE(history.skippedLines(), 1);
    QVERIFY(history.append(entry(2)).ok());
    TesterHistory reread(m_dir->path());
    QVERIFY(reread.load().ok());
    QCOMPARE(reread.skippedLines(), 1);
    QCOMPARE(names(reread.entries()),
             QStringList({QStringLiteral("request 2"), QStringLiteral("request 1")}));
}

void TestTesterHistory::entriesAreRedacted()
{
    TesterHistory history(m_dir->path());
    QVERIFY(history.load().ok());
    TesterHistoryEntry e = entry(1);
    e.request.auth.mode = tester::AuthMode::Bearer;
    e.request.auth.bearerToken = QStringLiteral("bearer-SECRET");
    e.request.headers = {
        tester::KeyValue{QStringLiteral("x-api-client-token"), QStringLiteral("hdr-SECRET"), true},
        tester::KeyValue{QStringLiteral("Authorization"), QStringLiteral("Bearer {{token}}"), true}};
    e.request.query = {tester::KeyValue{QStringLiteral("clientToken"), QStringLiteral("qry-SECRET"), true}};
    e.resolvedUrl = QStringLiteral("http://127.0.0.1:8787/api/flo/a/invoke?id=1&clientToken=url-SECRET#top");
    QVERIFY(history.append(e).ok());
    TesterHistoryEntry masked = entry(2);
    masked.resolvedUrl = QStringLiteral("http://h/x?clientToken=%7B%7BclientToken%7D%7D&b=2");
    QVERIFY(history.append(masked).ok());

    QFile file(history.filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY2(!bytes.contains("SECRET"), bytes.constData());
    const TesterHistoryEntry stored = history.entries().at(1);
    QCOMPARE(stored.request.auth.bearerToken, QString());
    QCOMPARE(stored.request.headers.at(0).value, QString());
    QCOMPARE(stored.request.headers.at(1).value, QStringLiteral("Bearer {{token}}"));
    QCOMPARE(stored.request.query.at(0).value, QString());
    QCOMPARE(stored.resolvedUrl,
             QStringLiteral("http://127.0.0.1:8787/api/flo/a/invoke?id=1&clientToken={{clientToken}}#top"));
    // An already masked URL is left as it is.
    QCOMPARE(history.entries().at(0).resolvedUrl, masked.resolvedUrl);
    TesterHistory reread(m_dir->path());
    QVERIFY(reread.load().ok());
    QVERIFY(reread.entries() == history.entries());
}

// append() on a history never loaded reads the file first, so a compaction keeps what was there.
void TestTesterHistory::appendBeforeLoadKeepsTheFile()
{
    {
        TesterHistory writer(m_dir->path());
        QVERIFY(writer.load().ok());
        QVERIFY(writer.append(entry(1)).ok());
    }
    TesterHistory history(m_dir->path());
    QVERIFY(history.append(entry(2)).ok());
    QCOMPARE(names(history.entries()),
             QStringList({QStringLiteral("request 2"), QStringLiteral("request 1")}));
    TesterHistory other(m_dir->path());
    QVERIFY(other.remove(history.entries().at(1).id).ok());
    QVERIFY(history.load().ok());
    QCOMPARE(names(history.entries()), QStringList{QStringLiteral("request 2")});
}

QTEST_GUILESS_MAIN(TestTesterHistory)
#include "tst_testerhistory.moc"
