#include "server/RequestLog.h"

#include <QDateTime>

namespace wf::server {

RequestLog::RequestLog(std::FILE *out, QObject *parent) : QObject(parent), m_out(out)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RequestLog::flush);
}

RequestLog::~RequestLog()
{
    flush();
}

void RequestLog::write(const QByteArray &method, const QByteArray &path, int status, qint64 durationMs,
                       const QByteArray &executionId)
{
    write(QDateTime::currentMSecsSinceEpoch(), method, path, status, durationMs, executionId);
}

void RequestLog::write(qint64 nowMs, const QByteArray &method, const QByteArray &path, int status,
                       qint64 durationMs, const QByteArray &executionId)
{
    appendTime(nowMs);
    m_buffer.append(' ').append(method).append(' ').append(path).append(' ');
    m_buffer.append(QByteArray::number(status)).append(' ');
    m_buffer.append(QByteArray::number(durationMs)).append("ms");
    if (!executionId.isEmpty())
        m_buffer.append(' ').append(executionId);
    m_buffer.append('\n');
    if (m_buffer.size() >= m_maxBuffered || m_flushIntervalMs <= 0)
        flush();
    else if (!m_timer.isActive())
        m_timer.start(m_flushIntervalMs);
}

// ISO 8601 with milliseconds in UTC, as Qt::ISODateWithMs writes it; the date and time to the second
// are formatted once a second, not once a line.
void RequestLog::appendTime(qint64 nowMs)
{
    const qint64 second = nowMs >= 0 ? nowMs / 1000 : (nowMs - 999) / 1000;
    if (second != m_second) {
        m_second = second;
        m_secondText = QDateTime::fromMSecsSinceEpoch(second * 1000, Qt::UTC)
                           .toString(Qt::ISODate)
                           .chopped(1)
                           .toLatin1();
    }
    const qint64 ms = nowMs - second * 1000;
    m_buffer.append(m_secondText).append('.');
    m_buffer.append(char('0' + ms / 100)).append(char('0' + ms / 10 % 10)).append(char('0' + ms % 10));
    m_buffer.append('Z');
}

void RequestLog::flush()
{
    m_timer.stop();
    if (m_buffer.isEmpty())
        return;
    std::fwrite(m_buffer.constData(), 1, size_t(m_buffer.size()), m_out);
    std::fflush(m_out);
    m_buffer.clear();
}

} // namespace wf::server
