#pragma once

// Shared by the execution-history test classes (tst_historystore: schema, records and queries;
// tst_historyconcurrency: paused executions and the threading model; tst_sharedstate: the replay
// cache and rate limits several servers share): records to store, a second raw connection, and a
// fixture with a fresh database per test function.
//
// Each class is built twice: against SQLite (a file in a new folder), and with WF_HISTORY_POSTGRESQL
// defined against the PostgreSQL database WF_TEST_DATABASE_URL names (emptied before each test
// function; skipped, saying why, when the variable is not set).

#include "Ids.h"
#include "store/DatabaseUrl.h"
#include "store/ExecutionRecord.h"
#include "store/HistoryStore.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <optional>

#define VERIFY_OK(expr)                                                                                      \
    do {                                                                                                     \
        const auto result_ = (expr);                                                                         \
        QVERIFY2(result_.ok(), result_.ok() ? "" : qPrintable(result_.error().message));                     \
    } while (false)

namespace wf::historytest {

#ifdef WF_HISTORY_POSTGRESQL
inline constexpr bool kPostgres = true;
#else
inline constexpr bool kPostgres = false;
#endif

inline QString testDatabaseUrl()
{
    return qEnvironmentVariable("WF_TEST_DATABASE_URL");
}

// For what only one engine has (a file on disk, SQLite's own SQL).
#define SKIP_ON_POSTGRES(reason)                                                                             \
    do {                                                                                                     \
        if (kPostgres)                                                                                       \
            QSKIP("SQLite only: " reason);                                                                   \
    } while (false)

inline QByteArray b(const char *text)
{
    return QByteArray(text);
}

inline QString s(const char *text)
{
    return QString::fromUtf8(text);
}

inline const QDateTime kBase = QDateTime(QDate(2024, 5, 6), QTime(7, 8, 9, 123), Qt::UTC);

inline ExecutionRecord makeRecord(const QString &flowId, const QDateTime &startedAt,
                                  ExecutionStatus status = ExecutionStatus::Success)
{
    ExecutionRecord r;
    r.id = newExecutionId();
    r.flowId = flowId;
    r.flowAlias = newFlowAlias();
    r.flowName = flowId + QStringLiteral(" name");
    r.status = status;
    r.startedAt = startedAt;
    r.durationUs = 1500;
    r.caller.address = QStringLiteral("127.0.0.1");
    r.request.method = "POST";
    r.request.pathAndQuery = "/api/flo/" + r.flowAlias.toLatin1() + "/invoke";
    r.request.headers = {{b("Content-Type"), b("application/json")}};
    r.response.status = 200;
    r.response.headers = {{b("Content-Type"), b("application/json")}};
    r.response.body = "{}";
    return r;
}

inline TraceEntry traceEntry(const QString &cardId, const QJsonObject &inputs, const QJsonObject &outputs)
{
    TraceEntry entry;
    entry.cardId = cardId;
    entry.function = QStringLiteral("text.concatenate");
    entry.name = QStringLiteral("Concatenate");
    entry.inputs = inputs;
    entry.outputs = outputs;
    entry.durationUs = 42;
    return entry;
}

inline QStringList ids(const QList<ExecutionRecord> &records)
{
    QStringList result;
    for (const ExecutionRecord &r : records)
        result.append(r.id);
    return result;
}

// A second connection to the database (a file, or a postgresql:// URL), as another process would have.
class RawDb final {
public:
    explicit RawDb(const QString &location) : m_name(QStringLiteral("test.raw.%1").arg(++s_counter))
    {
        const auto url = DatabaseUrl::parse(location);
        QSqlDatabase db =
            QSqlDatabase::addDatabase(url ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), m_name);
        if (url) {
            db.setHostName(url->host);
            db.setPort(url->port);
            db.setUserName(url->user);
            db.setPassword(url->password);
            db.setDatabaseName(url->database);
        } else {
            db.setDatabaseName(location);
        }
        m_open = db.open();
        if (m_open && url)
            exec(QStringLiteral("SET client_min_messages = warning"));
    }
    ~RawDb()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(RawDb)

    bool isOpen() const { return m_open; }
    bool exec(const QString &sql) const
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        return q.exec(sql);
    }
    QVariant scalar(const QString &sql) const
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }

private:
    static inline int s_counter = 0;
    QString m_name;
    bool m_open = false;
};

inline int historyConnectionCount()
{
    int count = 0;
    for (const QString &name : QSqlDatabase::connectionNames()) {
        if (name.startsWith(QLatin1String("wf.history.")))
            ++count;
    }
    return count;
}

// What each test class derives from (privately, next to QObject) and calls from init() and cleanup():
// a new folder for every test function, and a check that every store closed its connections.
class HistoryStoreFixture {
protected:
    // A QSKIP here skips the test function that init() runs for.
    void setUpFolder()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        if constexpr (kPostgres) {
            if (testDatabaseUrl().isEmpty())
                QSKIP("WF_TEST_DATABASE_URL is not set: the PostgreSQL store tests need a server "
                      "(.ci/run starts one and sets it)");
            RawDb raw(testDatabaseUrl());
            QVERIFY2(raw.isOpen(), "cannot connect to WF_TEST_DATABASE_URL");
            QVERIFY(raw.exec(QStringLiteral("DROP TABLE IF EXISTS executions, paused_executions, "
                                            "schema_version, replay_jtis, rate_buckets CASCADE")));
            QVERIFY(raw.exec(QStringLiteral("DROP FUNCTION IF EXISTS test_refuse() CASCADE")));
        }
    }

    void tearDownFolder()
    {
        m_dir.reset();
        QCOMPARE(historyConnectionCount(), 0); // every store closed its connections
    }

    // Where the store under test opens: the file, or the URL.
    QString dbPath() const
    {
        return kPostgres ? testDatabaseUrl() : m_dir->filePath(QStringLiteral("history.db"));
    }
    // What HistoryStore::path() says for it (a URL without its password).
    QString shownPath() const { return kPostgres ? DatabaseUrl::parse(dbPath())->masked() : dbPath(); }

    // SQL that holds the write lock of the whole history from another connection until ROLLBACK.
    static QStringList lockAllWrites()
    {
        if (kPostgres)
            return {QStringLiteral("BEGIN"),
                    QStringLiteral("LOCK TABLE executions, paused_executions IN EXCLUSIVE MODE")};
        return {QStringLiteral("BEGIN IMMEDIATE")};
    }

    // Opens `store`, whose writes wait up to a minute for a lock, and takes the write lock from
    // another connection, `blocker`: writes queue until the test rolls the blocker back.
    bool openBehindLock(HistoryStore &store, std::optional<RawDb> &blocker)
    {
        HistoryStoreOptions options;
        options.busyTimeoutMs = 60000;
        if (!store.open(dbPath(), options).ok())
            return false;
        blocker.emplace(dbPath());
        return execAll(*blocker, lockAllWrites());
    }

    // SQL that makes every insert into `table` of a row of flow `flowId` fail with "refused by the test".
    static QStringList refuseInserts(const QString &table, const QString &flowId)
    {
        const QString name = QStringLiteral("refuse_") + table;
        if (!kPostgres)
            return {QStringLiteral("CREATE TRIGGER %1 BEFORE INSERT ON %2 WHEN NEW.flow_id = '%3' BEGIN "
                                   "SELECT RAISE(ABORT, 'refused by the test'); END")
                        .arg(name, table, flowId)};
        return {QStringLiteral("CREATE OR REPLACE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS "
                               "'BEGIN IF NEW.flow_id = TG_ARGV[0] THEN RAISE EXCEPTION ''refused by the "
                               "test''; END IF; RETURN NEW; END'"),
                QStringLiteral("CREATE TRIGGER %1 BEFORE INSERT ON %2 FOR EACH ROW EXECUTE FUNCTION "
                               "test_refuse('%3')")
                    .arg(name, table, flowId)};
    }

    static bool execAll(const RawDb &raw, const QStringList &statements)
    {
        for (const QString &statement : statements) {
            if (!raw.exec(statement))
                return false;
        }
        return true;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

} // namespace wf::historytest
