// The invoke pipeline while execution history cannot be read or written (its database is down):
// resume, retry and the shared rate limit answer 503 history_unavailable at once, run nothing, say
// nothing of the database to callers, and lose nothing (the same request succeeds once history is back).

#include "MemoryLedger.h"
#include "endpoint/InvokeService.h"
#include "flow/FlowJson.h"
#include "store/SecretStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace wf;
using wf::invoketest::kDatabaseDown;
using wf::invoketest::MemoryLedger;

namespace {

const char *const kRefuseFlow = "{\"format\": 1, \"id\": \"refuse\", \"name\": \"Refuse\","
                                " \"event\": {\"type\": \"apiEndpoint\"}, \"cards\": [{\"id\": \"no\","
                                " \"function\": \"error.returnError\", \"inputs\": [{\"name\": \"message\","
                                " \"ref\": \"event.raw.body\"}]}]}";

QJsonObject bodyOf(const HttpAnswer &answer)
{
    return QJsonDocument::fromJson(answer.body).object();
}

// The 503 of an unreachable history: its code, a description that says so, and nothing of where the
// database is or what its driver said.
void verifyHistoryUnavailable(const HttpAnswer &answer)
{
    QCOMPARE(answer.status, 503);
    QCOMPARE(answer.header("Content-Type"), QByteArrayLiteral("application/json"));
    const QJsonObject body = bodyOf(answer);
    QCOMPARE(body.value(QLatin1String("error")).toString(), QStringLiteral("history_unavailable"));
    QVERIFY2(body.value(QLatin1String("error_description"))
                 .toString()
                 .contains(QLatin1String("execution history is unavailable")),
             answer.body.constData());
    for (const char *detail : {"db.internal", "5432", "Connection refused", "could not connect"})
        QVERIFY2(!answer.body.contains(detail), answer.body.constData());
}

} // namespace

class TestInvokeOutage final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void resumeAndRetry_data();
    void resumeAndRetry();
    void takeLostToAnotherResumeIsStillAConflict();
    void rateLimitStoreDownRunsNothing();
    void rateLimitStoreDownRefusesResumeAndRetry();
    void rateLimitStoreLimits();

private:
    HttpRequest request(const QString &flowId, const QByteArray &body = {},
                        const QByteArray &suffix = "/invoke") const
    {
        HttpRequest r;
        r.method = "POST";
        r.path = QByteArrayLiteral("/api/flo/") + m_workspace.flowById(flowId)->alias.toLatin1() + suffix;
        r.body = body;
        if (!body.isEmpty())
            r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        r.peerAddress = QStringLiteral("127.0.0.1");
        return r;
    }
    // An execution of `flowId` to resume or retry: paused (approval-pause) or failed (refuse).
    QByteArray execute(const QString &flowId)
    {
        const HttpAnswer answer = m_service->handle(request(flowId, "{\"amount\": 5, \"reason\": \"bus\"}"));
        return answer.header("X-Execution-Id");
    }
    void shareRateLimits(double rate)
    {
        m_service->rateLimiter().setRate(rate);
        m_service->rateLimiter().setShared(
            [this](const QString &, double, qint64) { return m_sharedAnswer; });
    }

    MemorySecretStore m_secrets;
    Workspace m_workspace;
    MemoryLedger m_ledger;
    std::unique_ptr<InvokeService> m_service;
    Result<std::optional<int>> m_sharedAnswer = std::optional<int>();
};

void TestInvokeOutage::init()
{
    m_ledger = MemoryLedger();
    m_sharedAnswer = std::optional<int>();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto created = Workspace::create(dir.path() + QStringLiteral("/ws"), m_secrets);
    QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
    m_workspace = *created;
    QVERIFY(m_workspace.addFlow(*flowjson::parse(QByteArray(kRefuseFlow)).flow, m_secrets).ok());
    m_workspace.settings().rateLimitPerSecond = 0;
    m_service = std::make_unique<InvokeService>(EndpointSnapshot::of(m_workspace), m_ledger);
}

void TestInvokeOutage::resumeAndRetry_data()
{
    QTest::addColumn<bool>("resume"); // else retry
    QTest::addColumn<QString>("failing");
    QTest::addColumn<bool>("console"); // from the console, else the route
    for (const bool console : {false, true}) {
        const char *from = console ? "console" : "route";
        QTest::addRow("resume, status lookup fails, %s", from) << true << QStringLiteral("status") << console;
        QTest::addRow("resume, take fails, %s", from) << true << QStringLiteral("take") << console;
        QTest::addRow("retry, status lookup fails, %s", from) << false << QStringLiteral("status") << console;
        QTest::addRow("retry, recorded input unreadable, %s", from)
            << false << QStringLiteral("request") << console;
    }
}

void TestInvokeOutage::resumeAndRetry()
{
    QFETCH(bool, resume);
    QFETCH(QString, failing);
    QFETCH(bool, console);
    const QString flowId = resume ? QStringLiteral("approval-pause") : QStringLiteral("refuse");
    const QByteArray id = execute(flowId);
    QVERIFY(!id.isEmpty());
    QCOMPARE(m_ledger.entries.size(), 1);
    QCOMPARE(m_ledger.entries.last().status, resume ? ExecutionStatus::Paused : ExecutionStatus::Failed);
    // The status lookup answers (the execution is there and can be acted on); the next read fails.
    m_ledger.failStatus = failing == QLatin1String("status");
    m_ledger.failTakes = failing == QLatin1String("take");
    m_ledger.failRequests = failing == QLatin1String("request");
    int ran = 0;
    m_ledger.onRecord = [&ran](const InvocationRecord &) {
        ++ran;
    };
    const QByteArray body = "{\"approved\": true, \"approver\": \"Lin\"}";
    const auto send = [&] {
        if (console)
            return resume ? m_service->resumeFromConsole(flowId, QString::fromLatin1(id), body)
                          : m_service->retryFromConsole(flowId, QString::fromLatin1(id));
        return m_service->handle(
            request(flowId, resume ? body : QByteArray(), (resume ? "/resume/" : "/retry/") + id));
    };

    const HttpAnswer refused = send();
    verifyHistoryUnavailable(refused);
    // Nothing ran: no execution recorded, none running, no new execution named.
    QCOMPARE(ran, 0);
    QCOMPARE(m_ledger.entries.size(), 1);
    QVERIFY(m_service->runningExecutions().isEmpty());
    QVERIFY(refused.header("X-Execution-Id").isEmpty());
    // Once the execution is known to exist, the answer names it.
    const QString named = bodyOf(refused).value(QLatin1String("executionId")).toString();
    QCOMPARE(named, failing == QLatin1String("status") ? QString() : QString::fromLatin1(id));
    if (resume)
        QVERIFY(m_ledger.paused.contains(QString::fromLatin1(id))); // still paused, nothing lost

    // History is back: the same request goes through.
    m_ledger.failStatus = m_ledger.failTakes = m_ledger.failRequests = false;
    const HttpAnswer answered = send();
    QCOMPARE(answered.status, resume ? 200 : 400);
    QCOMPARE(ran, 1);
    QCOMPARE(m_ledger.entries.last().kind, resume ? QStringLiteral("resume") : QStringLiteral("retry"));
    // A resumed execution is resumed once: again is a conflict, as without an outage.
    if (resume)
        QCOMPARE(send().status, 409);
}

void TestInvokeOutage::takeLostToAnotherResumeIsStillAConflict()
{
    const QByteArray id = execute(QStringLiteral("approval-pause"));
    // Another server took it between the status lookup (still paused) and this take.
    m_ledger.paused.clear();
    const HttpAnswer answer =
        m_service->handle(request(QStringLiteral("approval-pause"), "{}", "/resume/" + id));
    QCOMPARE(answer.status, 409);
    QCOMPARE(bodyOf(answer).value(QLatin1String("error")).toString(), QStringLiteral("execution_not_paused"));
}

void TestInvokeOutage::rateLimitStoreDownRunsNothing()
{
    shareRateLimits(5);
    m_sharedAnswer = makeError(ErrorType::Internal, kDatabaseDown);
    int ran = 0;
    m_ledger.onRecord = [&ran](const InvocationRecord &) {
        ++ran;
    };
    for (const QString &flowId : {QStringLiteral("hello-public"), QStringLiteral("approval-pause")}) {
        const HttpAnswer answer = m_service->handle(request(flowId, "{\"name\": \"Ada\"}"));
        verifyHistoryUnavailable(answer);
        QVERIFY2(bodyOf(answer)
                     .value(QLatin1String("error_description"))
                     .toString()
                     .contains(QLatin1String("rate limit")),
                 answer.body.constData());
        QVERIFY(answer.header("X-Execution-Id").isEmpty());
        QVERIFY(!bodyOf(answer).contains(QLatin1String("executionId")));
        QVERIFY(answer.header("Retry-After").isEmpty()); // not a 429: nothing says when it is back
    }
    // The flow never ran: the ledger was not even asked to record it.
    QCOMPARE(ran, 0);
    QVERIFY(m_ledger.entries.isEmpty());
    QVERIFY(m_service->runningExecutions().isEmpty());
    // The store answers again: the flow runs.
    m_sharedAnswer = std::optional<int>();
    QCOMPARE(m_service->handle(request(QStringLiteral("hello-public"), "{\"name\": \"Ada\"}")).status, 200);
    QCOMPARE(ran, 1);
}

void TestInvokeOutage::rateLimitStoreDownRefusesResumeAndRetry()
{
    const QByteArray pausedId = execute(QStringLiteral("approval-pause"));
    const QByteArray failedId = execute(QStringLiteral("refuse"));
    shareRateLimits(5);
    m_sharedAnswer = makeError(ErrorType::Internal, kDatabaseDown);
    verifyHistoryUnavailable(
        m_service->handle(request(QStringLiteral("approval-pause"), "{}", "/resume/" + pausedId)));
    verifyHistoryUnavailable(m_service->handle(request(QStringLiteral("refuse"), {}, "/retry/" + failedId)));
    verifyHistoryUnavailable(
        m_service->resumeFromConsole(QStringLiteral("approval-pause"), QString::fromLatin1(pausedId), {}));
    verifyHistoryUnavailable(
        m_service->retryFromConsole(QStringLiteral("refuse"), QString::fromLatin1(failedId)));
    QCOMPARE(m_ledger.entries.size(), 2);
    QVERIFY(m_ledger.paused.contains(QString::fromLatin1(pausedId)));
    m_sharedAnswer = std::optional<int>();
    QCOMPARE(m_service->handle(request(QStringLiteral("approval-pause"), "{}", "/resume/" + pausedId)).status,
             200);
}

void TestInvokeOutage::rateLimitStoreLimits()
{
    // A store that answers "no token, retry in 4 s" limits as the memory buckets do.
    shareRateLimits(5);
    m_sharedAnswer = std::optional<int>(4);
    const HttpAnswer limited = m_service->handle(request(QStringLiteral("hello-public")));
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.header("Retry-After"), QByteArrayLiteral("4"));
    QCOMPARE(bodyOf(limited).value(QLatin1String("error")).toString(), QStringLiteral("rate_limited"));
    QVERIFY(m_ledger.entries.isEmpty());
}

QTEST_GUILESS_MAIN(TestInvokeOutage)
#include "tst_invokeoutage.moc"
