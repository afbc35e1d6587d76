// The state the servers on one database share besides history: the jti replay cache and the
// rate-limit buckets (HistoryStore's shared methods). Each decision is one statement, so that it is
// atomic across the servers: two servers taking the last token of a bucket, or remembering one jti,
// are serialised by the database's row lock on the key. Where the engine lets connections write at
// once (PostgreSQL), the statement runs on the calling thread's connection, on its own: it neither
// waits for history's writer nor holds its row lock for a whole batch (which, between servers locking
// buckets in different orders, could deadlock). With SQLite it goes through the writer.

#include "store/HistoryStore.h"
#include "store/HistoryWriter.h"

#include <cmath>

namespace wf {

using namespace historydb;

namespace {

// Buckets untouched for this long are full again for any rate of at least 1 a second.
constexpr qint64 kIdleBucketUs = 3600LL * 1000 * 1000;

// A new key is inserted; a known one is taken over only when it has expired, so that one row
// changed means the jti is fresh.
std::optional<Error> rememberOn(QSqlQuery &q, const SqlDialect &dialect, const QVariantList &values,
                                bool *fresh)
{
    if (!bindAndExec(q,
                     QStringLiteral("INSERT INTO replay_jtis (jti_key, expires_at) VALUES (?, ?) ON CONFLICT "
                                    "(jti_key) DO UPDATE SET expires_at = excluded.expires_at WHERE "
                                    "replay_jtis.expires_at <= ?"),
                     values))
        return dialect.error(q.lastError(), QStringLiteral("remembering a client assertion"));
    *fresh = q.numRowsAffected() == 1;
    return std::nullopt;
}

struct Bucket {
    QString key;
    double capacity;
    double perUs; // tokens a microsecond
    qint64 nowUs;
    double ratePerSecond;
};

// Takes a token when the bucket, refilled up to now, has one (a clock behind the last update
// refills nothing); else sets `retryAfter`.
std::optional<Error> takeOn(QSqlQuery &q, const SqlDialect &dialect, const Bucket &b,
                            std::optional<int> *retryAfter)
{
    const QString real = dialect.columnType(ColumnType::Real);
    const QString refilled =
        QStringLiteral("%1(CAST(? AS %2), rate_buckets.tokens + CAST(? AS %2) * (CASE "
                       "WHEN ? > rate_buckets.updated_us THEN ? - rate_buckets.updated_us "
                       "ELSE 0 END))")
            .arg(dialect.smallerOf(), real);
    const QString sql =
        QStringLiteral(
            "INSERT INTO rate_buckets (bucket_key, tokens, updated_us) VALUES (?, CAST(? AS %1), ?) "
            "ON CONFLICT (bucket_key) DO UPDATE SET tokens = %2 - 1, updated_us = CASE WHEN ? > "
            "rate_buckets.updated_us THEN ? ELSE rate_buckets.updated_us END WHERE %2 >= 1")
            .arg(real, refilled);
    const QVariantList refill = {b.capacity, b.perUs, b.nowUs, b.nowUs};
    QVariantList values = {b.key, b.capacity - 1, b.nowUs};
    values << refill << b.nowUs << b.nowUs << refill;
    const QString what = QStringLiteral("taking a rate-limit token");
    if (!bindAndExec(q, sql, values))
        return dialect.error(q.lastError(), what);
    if (q.numRowsAffected() == 1)
        return std::nullopt;
    if (!bindAndExec(q, QStringLiteral("SELECT tokens, updated_us FROM rate_buckets WHERE bucket_key = ?"),
                     {b.key}) ||
        !q.next())
        return dialect.error(q.lastError(), what);
    const double elapsed = double(std::max<qint64>(0, b.nowUs - q.value(1).toLongLong()));
    const double tokens = std::min(b.capacity, q.value(0).toDouble() + elapsed * b.perUs);
    *retryAfter = std::max(1, int(std::ceil((1.0 - tokens) / b.ratePerSecond)));
    return std::nullopt;
}

} // namespace

template <typename Statement>
std::optional<Error> HistoryStore::runShared(Statement &&statement)
{
    if (m_dialect && m_dialect->concurrentWriters()) {
        auto done = withConnection([&](QSqlDatabase db) -> Result<bool> {
            QSqlQuery q(db);
            if (auto error = statement(q, *m_dialect)) {
                Error failed = *error;
                if (m_dialect->lostConnection(db)) {
                    q = QSqlQuery();
                    db.close(); // withConnection tries once more on a new connection
                }
                return failed;
            }
            return true;
        });
        return done ? std::nullopt : std::optional<Error>(done.error());
    }
    return write([&](Writer &writer) {
        QSqlQuery q(writer.db());
        return statement(q, writer.dialect());
    });
}

Result<bool> HistoryStore::rememberJti(const QString &key, qint64 expiresAt, qint64 now)
{
    if (key.isEmpty())
        return makeError(ErrorType::InvalidInput, QStringLiteral("a jti key cannot be empty"));
    bool fresh = false;
    const QVariantList values = {key, std::max(expiresAt, now + 1), now};
    if (auto error = runShared(
            [&](QSqlQuery &q, const SqlDialect &dialect) { return rememberOn(q, dialect, values, &fresh); }))
        return *error;
    return fresh;
}

Result<std::optional<int>> HistoryStore::takeRateToken(const QString &key, double ratePerSecond, qint64 nowUs)
{
    if (key.isEmpty() || !(ratePerSecond > 0))
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("a rate-limit bucket needs a key and a positive rate"));
    const Bucket bucket{key, std::max(1.0, ratePerSecond), ratePerSecond / 1e6, nowUs, ratePerSecond};
    std::optional<int> retryAfter;
    if (auto error = runShared([&](QSqlQuery &q, const SqlDialect &dialect) {
            retryAfter.reset();
            return takeOn(q, dialect, bucket, &retryAfter);
        }))
        return *error;
    return retryAfter;
}

Result<int> HistoryStore::pruneShared(qint64 nowSeconds)
{
    int removed = 0;
    auto error = write([&](Writer &writer) -> std::optional<Error> {
        QSqlQuery q(writer.db());
        const QString what = QStringLiteral("pruning the replay cache and rate limits");
        if (!bindAndExec(q, QStringLiteral("DELETE FROM replay_jtis WHERE expires_at <= ?"), {nowSeconds}))
            return writer.dialect().error(q.lastError(), what);
        removed = q.numRowsAffected();
        if (!bindAndExec(q, QStringLiteral("DELETE FROM rate_buckets WHERE updated_us < ?"),
                         {nowSeconds * 1000 * 1000 - kIdleBucketUs}))
            return writer.dialect().error(q.lastError(), what);
        removed += q.numRowsAffected();
        return std::nullopt;
    });
    if (error)
        return *error;
    return removed;
}

} // namespace wf
