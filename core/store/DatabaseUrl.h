#pragma once

// A PostgreSQL connection URL as `wfconsole serve --database` takes it
// (postgresql://user:password@host:port/database?parameters), parsed strictly so that a mistake is
// reported in a sentence before any connection is tried. The password is never part of what it
// prints: masked() is the form for logs and messages.

#include "Result.h"

#include <QString>
#include <QStringList>

namespace wf {

struct DatabaseUrl {
    QString user;
    QString password; // may be empty (trust or peer authentication, or a ~/.pgpass entry)
    QString host;
    quint16 port = 5432;
    QString database;
    QString sslMode; // libpq sslmode, empty for its default
    int connectTimeoutSeconds = 5;

    // Whether `text` is meant as a database URL rather than a file (its scheme is postgresql:// or
    // postgres://).
    static bool looksLikeUrl(const QString &text);
    static Result<DatabaseUrl> parse(const QString &text);

    // The URL with the password replaced by "***".
    QString masked() const;
    // The libpq options QPSQL takes besides host, port, user, password and database, ';'-separated.
    QString connectOptions() const;
};

} // namespace wf
