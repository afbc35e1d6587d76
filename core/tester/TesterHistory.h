#pragma once

// Every request the tester sent (PRODUCT.md §7): persisted in `<workspace>/tester/history.jsonl`,
// one JSON object per line, newest last, redacted (redactedForStorage()), at most kMaxEntries (the
// oldest are dropped when the file is compacted). Searchable; one entry loads back into the editor.

#include "RequestDocument.h"
#include "Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace wf::tester {

struct TesterHistoryEntry {
    QString id;              // 32 hex characters from the CSPRNG
    QDateTime sentAt;        // UTC
    RequestDocument request; // redacted
    QString resolvedUrl;     // the URL sent, with secret values masked
    int status = 0;          // 0 when no HTTP answer came
    QString error;           // "connection refused", "timed out", ...; empty when an answer came
    qint64 durationMs = 0;
    qint64 responseBytes = 0;
    QString executionId; // the answer's X-Execution-Id

    bool operator==(const TesterHistoryEntry &) const = default;
};

class TesterHistory final {
public:
    static constexpr int kMaxEntries = 1000;

    explicit TesterHistory(QString workspaceDir);

    // Reads the file; lines that do not parse are skipped and counted (skippedLines()). A missing
    // file is an empty history.
    Result<bool> load();
    // Appends one line (flushed), keeps it in memory; rewrites the file atomically without the
    // oldest entries when it holds more than 1.5 × kMaxEntries. An empty id gets a fresh one, an
    // invalid sentAt the current time; the request is redacted and a literal clientToken in
    // resolvedUrl masked as {{clientToken}}.
    Result<bool> append(TesterHistoryEntry entry);
    Result<bool> remove(const QString &id);
    Result<bool> clear();

    QList<TesterHistoryEntry> entries() const; // newest first, at most kMaxEntries
    // Entries whose method, URL, name, status or execution id contain `text` (case-insensitive).
    QList<TesterHistoryEntry> search(const QString &text) const;
    int skippedLines() const { return m_skipped; }
    QString filePath() const;

private:
    Result<bool> rewrite();

    QString m_workspaceDir;
    QList<TesterHistoryEntry> m_entries; // oldest first
    int m_skipped = 0;
    bool m_loaded = false; // append(), remove() and clear() load first, so a rewrite loses nothing
};

} // namespace wf::tester
