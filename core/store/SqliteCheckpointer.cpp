#include "store/SqliteCheckpointer.h"

#include "store/HistorySchema.h"

#include <algorithm>
#include <sqlite3.h>

namespace wf::historydb {

SqliteCheckpointer::SqliteCheckpointer(sqlite3 *writer, int pages)
    : m_writer(writer), m_pages(std::max(1, pages))
{
    sqlite3_wal_hook(m_writer, &SqliteCheckpointer::committed, this); // replaces the auto-checkpoint
}

SqliteCheckpointer::~SqliteCheckpointer()
{
    sqlite3_wal_autocheckpoint(m_writer, m_pages);
}

// On the writer's thread after each commit, with the pages the log holds.
int SqliteCheckpointer::committed(void *self, sqlite3 *, const char *, int pages)
{
    auto *checkpointer = static_cast<SqliteCheckpointer *>(self);
    if (pages >= checkpointer->m_pages)
        checkpointer->m_due = true;
    return SQLITE_OK;
}

void SqliteCheckpointer::afterBatch()
{
    if (!m_due)
        return;
    m_due = false;
    // Nobody else writes: the whole log is in the database file afterwards (unless a reader still
    // uses it), and the next commit starts the log again from its beginning.
    const int rc = sqlite3_wal_checkpoint_v2(m_writer, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY)
        qCWarning(lcStore).noquote() << "history checkpoint failed:" << sqlite3_errmsg(m_writer);
}

} // namespace wf::historydb
