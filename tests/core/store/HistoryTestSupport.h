#pragma once

// Shared by the execution-history test classes (tst_historystore: schema, records and queries;
// tst_historyconcurrency: paused executions and the threading model): records to store, a second raw
// SQLite connection, and a fixture with a fresh folder per test function.

#include "Ids.h"
#include "store/ExecutionRecord.h"
#include "store/HistoryStore.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#define VERIFY_OK(expr)                                                                                      \
    do {                                                                                                     \
        const auto result_ = (expr);                                                                         \
        QVERIFY2(result_.ok(), result_.ok() ? "" : qPrintable(result_.error().message));                     \
    } while (false)

namespace wf::historytest {

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

// A second connection to the file, as another process would have.
class RawDb final {
public:
    explicit RawDb(const QString &path) : m_name(QStringLiteral("test.raw.%1").arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_open = db.open();
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
    void setUpFolder()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void tearDownFolder()
    {
        m_dir.reset();
        QCOMPARE(historyConnectionCount(), 0); // every store closed its connections
    }

    QString dbPath() const { return m_dir->filePath(QStringLiteral("history.db")); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

} // namespace wf::historytest
