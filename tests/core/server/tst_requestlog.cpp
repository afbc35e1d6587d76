// The request log of serve: the line format, and lines written in batches but never lost.

#include "server/RequestLog.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <cstdio>

using namespace wf::server;

class TestRequestLog final : public QObject {
    Q_OBJECT

private slots:
    void lineFormat();
    void writtenAfterTheInterval();
    void writtenWhenTheBufferIsFull();
    void writtenOnDestruction();

private:
    // What the log wrote to its file so far.
    static QByteArray written(std::FILE *file)
    {
        std::fflush(file);
        const long size = std::ftell(file);
        QByteArray bytes(size, '\0');
        std::rewind(file);
        if (size > 0 && std::fread(bytes.data(), 1, size_t(size), file) != size_t(size))
            return "read error";
        std::fseek(file, 0, SEEK_END);
        return bytes;
    }
};

void TestRequestLog::lineFormat()
{
    std::FILE *file = std::tmpfile();
    QVERIFY(file);
    {
        RequestLog log(file);
        const qint64 at = QDateTime(QDate(2026, 11, 29), QTime(1, 2, 3, 45), Qt::UTC).toMSecsSinceEpoch();
        log.write(at, "POST", "/api/flo/abc/invoke", 200, 3, "0123456789abcdef0123456789abcdef");
        log.write(at + 955, "GET", "/health", 200, 0, {});
        log.write(at + 1000, "GET", "/api/flo/abc/openapi", 401, 12, {});
        log.flush();
        QCOMPARE(written(file), QByteArray("2026-11-29T01:02:03.045Z POST /api/flo/abc/invoke 200 3ms "
                                           "0123456789abcdef0123456789abcdef\n"
                                           "2026-11-29T01:02:04.000Z GET /health 200 0ms\n"
                                           "2026-11-29T01:02:04.045Z GET /api/flo/abc/openapi 401 12ms\n"));
        // The current time, as Qt writes it.
        log.write("GET", "/x", 204, 1, {});
        log.flush();
        const QByteArray last = written(file).split('\n').at(3);
        const QDateTime time = QDateTime::fromString(QString::fromLatin1(last.left(24)), Qt::ISODateWithMs);
        QVERIFY2(time.isValid() && qAbs(time.msecsTo(QDateTime::currentDateTimeUtc())) < 60000,
                 last.constData());
    }
    std::fclose(file);
}

void TestRequestLog::writtenAfterTheInterval()
{
    std::FILE *file = std::tmpfile();
    QVERIFY(file);
    {
        RequestLog log(file);
        log.setFlushInterval(50);
        log.write("GET", "/health", 200, 0, {});
        log.write("GET", "/health", 200, 0, {});
        QCOMPARE(written(file), QByteArray()); // kept for one write
        QVERIFY(log.buffered() > 0);
        QTRY_COMPARE_WITH_TIMEOUT(written(file).count('\n'), 2, 5000);
        QCOMPARE(log.buffered(), 0);
    }
    std::fclose(file);
}

void TestRequestLog::writtenWhenTheBufferIsFull()
{
    std::FILE *file = std::tmpfile();
    QVERIFY(file);
    {
        RequestLog log(file);
        log.setFlushInterval(60 * 60 * 1000);
        log.setMaxBufferedBytes(200);
        int lines = 0;
        while (written(file).isEmpty() && lines < 100) {
            log.write("GET", "/health", 200, 0, {});
            ++lines;
        }
        QVERIFY2(lines > 1 && lines < 10, QByteArray::number(lines).constData());
        QCOMPARE(written(file).count('\n'), lines);
        QCOMPARE(log.buffered(), 0);
    }
    std::fclose(file);
}

void TestRequestLog::writtenOnDestruction()
{
    std::FILE *file = std::tmpfile();
    QVERIFY(file);
    {
        RequestLog log(file);
        log.setFlushInterval(60 * 60 * 1000);
        log.write("DELETE", "/api/flo/abc/invoke", 405, 0, {});
        QCOMPARE(written(file), QByteArray());
    }
    QVERIFY(written(file).endsWith(" DELETE /api/flo/abc/invoke 405 0ms\n"));
    std::fclose(file);
}

QTEST_GUILESS_MAIN(TestRequestLog)
#include "tst_requestlog.moc"
