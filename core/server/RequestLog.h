#pragma once

// The request log of `wfconsole serve`: one line per request answered, "time method path status
// duration [execution id]", never the query (it may hold a client token).
//
// Lines are written in batches, not one write per request: they are kept until `flushIntervalMs`
// has passed since the first of them or `maxBufferedBytes` are waiting, and on flush() and
// destruction. A log line is at most that late; history, not the log, is what is never lost.
// Lives on one thread (the one its requests are reported on).

#include <QByteArray>
#include <QObject>
#include <QTimer>
#include <cstdio>

namespace wf::server {

class RequestLog final : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultFlushIntervalMs = 100;
    static constexpr qsizetype kDefaultMaxBufferedBytes = 64 * 1024;

    // Writes to `out` (not owned; stdout for serve).
    explicit RequestLog(std::FILE *out, QObject *parent = nullptr);
    ~RequestLog() override;

    void setFlushInterval(int ms) { m_flushIntervalMs = ms; }
    void setMaxBufferedBytes(qsizetype bytes) { m_maxBuffered = bytes; }

    void write(const QByteArray &method, const QByteArray &path, int status, qint64 durationMs,
               const QByteArray &executionId);
    // `nowMs`: milliseconds since the epoch (UTC), the line's time.
    void write(qint64 nowMs, const QByteArray &method, const QByteArray &path, int status, qint64 durationMs,
               const QByteArray &executionId);
    void flush();

    qsizetype buffered() const { return m_buffer.size(); }

private:
    void appendTime(qint64 nowMs);

    std::FILE *m_out;
    QByteArray m_buffer;
    QTimer m_timer;
    int m_flushIntervalMs = kDefaultFlushIntervalMs;
    qsizetype m_maxBuffered = kDefaultMaxBufferedBytes;
    qint64 m_second = -1;    // the second m_secondText shows
    QByteArray m_secondText; // "yyyy-MM-ddTHH:mm:ss" of m_second
};

} // namespace wf::server
