#include "tester/TesterHistory.h"

#include "Ids.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUrl>
#include <algorithm>
#include <optional>
#include <utility>

namespace wf::tester {
namespace {

// The file is compacted when it holds more than this many entries.
constexpr int kCompactAbove = TesterHistory::kMaxEntries * 3 / 2;

QByteArray entryToLine(const TesterHistoryEntry &entry)
{
    const QJsonObject json{{QStringLiteral("id"), entry.id},
                           {QStringLiteral("sentAt"), entry.sentAt.toUTC().toString(Qt::ISODateWithMs)},
                           {QStringLiteral("request"), toJson(entry.request)},
                           {QStringLiteral("resolvedUrl"), entry.resolvedUrl},
                           {QStringLiteral("status"), entry.status},
                           {QStringLiteral("error"), entry.error},
                           {QStringLiteral("durationMs"), entry.durationMs},
                           {QStringLiteral("responseBytes"), entry.responseBytes},
                           {QStringLiteral("executionId"), entry.executionId}};
    return QJsonDocument(json).toJson(QJsonDocument::Compact) + '\n';
}

bool isEntryId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{32}$"));
    return pattern.match(id).hasMatch();
}

std::optional<qint64> nonNegative(const QJsonValue &value)
{
    if (!value.isDouble() || value.toDouble() < 0 || value.toDouble() > 9e15)
        return std::nullopt;
    return qint64(value.toDouble());
}

// One line of the file; nullopt when it is not a whole, valid entry (cut short by a crash, edited
// by hand).
std::optional<TesterHistoryEntry> entryFromLine(const QByteArray &line)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject json = document.object();
    TesterHistoryEntry entry;
    entry.id = json.value(QLatin1String("id")).toString();
    entry.sentAt = QDateTime::fromString(json.value(QLatin1String("sentAt")).toString(), Qt::ISODateWithMs);
    const auto request = requestFromJson(json.value(QLatin1String("request")).toObject());
    const QJsonValue status = json.value(QLatin1String("status"));
    const auto duration = nonNegative(json.value(QLatin1String("durationMs")));
    const auto bytes = nonNegative(json.value(QLatin1String("responseBytes")));
    if (!isEntryId(entry.id) || !entry.sentAt.isValid() || !json.value(QLatin1String("request")).isObject() ||
        !request || !status.isDouble() || status.toInt(-1) < 0 || status.toInt(-1) > 999 || !duration ||
        !bytes)
        return std::nullopt;
    for (const auto &[member, target] : {std::pair{QStringLiteral("resolvedUrl"), &entry.resolvedUrl},
                                         std::pair{QStringLiteral("error"), &entry.error},
                                         std::pair{QStringLiteral("executionId"), &entry.executionId}}) {
        const QJsonValue value = json.value(member);
        if (!value.isString())
            return std::nullopt;
        *target = value.toString();
    }
    entry.sentAt = entry.sentAt.toUTC();
    entry.request = *request;
    entry.status = status.toInt();
    entry.durationMs = *duration;
    entry.responseBytes = *bytes;
    return entry;
}

// The URL with the value of every clientToken query parameter that is not a {{variable}} replaced
// by {{clientToken}}: a caller that forgot to mask it must not put the token on disk.
QString maskedUrl(const QString &url)
{
    const qsizetype queryStart = url.indexOf(QLatin1Char('?'));
    if (queryStart < 0)
        return url;
    const qsizetype hash = url.indexOf(QLatin1Char('#'), queryStart);
    const qsizetype queryEnd = hash < 0 ? url.size() : hash;
    QStringList parts = url.mid(queryStart + 1, queryEnd - queryStart - 1).split(QLatin1Char('&'));
    for (QString &part : parts) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq < 0)
            continue;
        const QString name = QUrl::fromPercentEncoding(part.left(eq).toUtf8());
        const QString value = QUrl::fromPercentEncoding(part.mid(eq + 1).toUtf8());
        if (name.compare(QLatin1String("clientToken"), Qt::CaseInsensitive) == 0 && !value.isEmpty() &&
            !isVariableReference(value))
            part = part.left(eq + 1) + QStringLiteral("{{clientToken}}");
    }
    return url.left(queryStart + 1) + parts.join(QLatin1Char('&')) + url.mid(queryEnd);
}

} // namespace

TesterHistory::TesterHistory(QString workspaceDir) : m_workspaceDir(std::move(workspaceDir)) {}

QString TesterHistory::filePath() const
{
    return QDir(m_workspaceDir).filePath(QStringLiteral("tester/history.jsonl"));
}

Result<bool> TesterHistory::load()
{
    m_entries.clear();
    m_skipped = 0;
    m_loaded = false;
    QFile file(filePath());
    if (!file.exists()) {
        m_loaded = true;
        return true;
    }
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorType::Internal,
                         QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        if (auto entry = entryFromLine(line))
            m_entries.append(std::move(*entry));
        else
            ++m_skipped;
    }
    m_loaded = true;
    return true;
}

Result<bool> TesterHistory::append(TesterHistoryEntry entry)
{
    if (!m_loaded) {
        if (auto loaded = load(); !loaded)
            return loaded;
    }
    if (entry.id.isEmpty())
        entry.id = randomHex(16);
    if (!isEntryId(entry.id))
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("history entry id '%1' is not 32 hex characters").arg(entry.id));
    entry.sentAt = entry.sentAt.isValid() ? entry.sentAt.toUTC() : QDateTime::currentDateTimeUtc();
    entry.request = redactedForStorage(entry.request);
    entry.resolvedUrl = maskedUrl(entry.resolvedUrl);
    // What is kept in memory is exactly what a later load() reads back.
    auto stored = entryFromLine(entryToLine(entry));
    if (!stored)
        return makeError(ErrorType::InvalidInput, QStringLiteral("the history entry cannot be stored"));

    if (!QDir().mkpath(QFileInfo(filePath()).path()))
        return makeError(ErrorType::Internal,
                         QStringLiteral("cannot create %1").arg(QFileInfo(filePath()).path()));
    QFile file(filePath());
    QByteArray line = entryToLine(*stored);
    // A last line cut short (a crash mid-write) must not swallow this one.
    if (file.size() > 0 && file.open(QIODevice::ReadOnly)) {
        file.seek(file.size() - 1);
        if (file.read(1) != "\n")
            line.prepend('\n');
        file.close();
    }
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append) || file.write(line) != line.size() ||
        !file.flush())
        return makeError(ErrorType::Internal,
                         QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    file.close();
    m_entries.append(std::move(*stored));
    if (m_entries.size() > kCompactAbove) {
        m_entries.remove(0, m_entries.size() - kMaxEntries);
        return rewrite();
    }
    return true;
}

Result<bool> TesterHistory::remove(const QString &id)
{
    if (!m_loaded) {
        if (auto loaded = load(); !loaded)
            return loaded;
    }
    const auto found = std::find_if(m_entries.cbegin(), m_entries.cend(),
                                    [&id](const TesterHistoryEntry &entry) { return entry.id == id; });
    if (found == m_entries.cend())
        return makeError(ErrorType::NotFound, QStringLiteral("no history entry '%1'").arg(id));
    m_entries.erase(found);
    return rewrite();
}

Result<bool> TesterHistory::clear()
{
    m_entries.clear();
    m_skipped = 0;
    m_loaded = true;
    QFile file(filePath());
    if (file.exists() && !file.remove())
        return makeError(ErrorType::Internal,
                         QStringLiteral("cannot remove %1: %2").arg(file.fileName(), file.errorString()));
    return true;
}

Result<bool> TesterHistory::rewrite()
{
    if (!QDir().mkpath(QFileInfo(filePath()).path()))
        return makeError(ErrorType::Internal,
                         QStringLiteral("cannot create %1").arg(QFileInfo(filePath()).path()));
    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorType::Internal,
                         QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    for (const TesterHistoryEntry &entry : std::as_const(m_entries))
        file.write(entryToLine(entry));
    if (!file.commit())
        return makeError(ErrorType::Internal,
                         QStringLiteral("cannot save %1: %2").arg(file.fileName(), file.errorString()));
    // Lines that did not parse are gone from the rewritten file.
    m_skipped = 0;
    return true;
}

QList<TesterHistoryEntry> TesterHistory::entries() const
{
    QList<TesterHistoryEntry> newestFirst;
    const qsizetype count = std::min<qsizetype>(m_entries.size(), kMaxEntries);
    newestFirst.reserve(count);
    for (qsizetype i = m_entries.size() - 1; i >= m_entries.size() - count; --i)
        newestFirst.append(m_entries.at(i));
    return newestFirst;
}

QList<TesterHistoryEntry> TesterHistory::search(const QString &text) const
{
    const QString needle = text.trimmed();
    QList<TesterHistoryEntry> found;
    for (const TesterHistoryEntry &entry : entries()) {
        const QString fields[] = {
            entry.request.method,          entry.resolvedUrl, entry.request.url, entry.request.name,
            QString::number(entry.status), entry.executionId};
        if (std::any_of(std::begin(fields), std::end(fields), [&needle](const QString &field) {
                return field.contains(needle, Qt::CaseInsensitive);
            }))
            found.append(entry);
    }
    return found;
}

} // namespace wf::tester
