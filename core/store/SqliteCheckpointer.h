#pragma once

// When the writer copies an SQLite history file's write-ahead log into the database file: between
// batches, after their callers were answered, instead of inside the commit that filled the log (copying
// and syncing takes milliseconds, which every answer of that batch waited for).
// Private to the store's implementation files.

#include "store/SqlDialect.h"

struct sqlite3;

namespace wf::historydb {

class SqliteCheckpointer final : public WriterUpkeep {
public:
    // Takes over the checkpoints of `writer` (the writer's open connection): once its log holds
    // `pages` pages, afterBatch() copies them into the database file.
    SqliteCheckpointer(sqlite3 *writer, int pages);
    ~SqliteCheckpointer() override; // SQLite's own checkpoints again, until the connection closes
    SqliteCheckpointer(const SqliteCheckpointer &) = delete;
    SqliteCheckpointer &operator=(const SqliteCheckpointer &) = delete;

    void afterBatch() override;

private:
    static int committed(void *self, sqlite3 *db, const char *name, int pages);

    sqlite3 *m_writer;
    int m_pages;
    bool m_due = false;
};

} // namespace wf::historydb
