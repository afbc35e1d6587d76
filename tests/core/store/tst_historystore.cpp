// Execution history: schema and migrations, round trips, redaction, caps and queries. Paused
// executions and the threading model: tst_historyconcurrency.

#include "HistoryTestSupport.h"
#include "store/HistorySchema.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace wf;
using namespace wf::historytest;

class TestHistoryStore final : public QObject, private HistoryStoreFixture {
    Q_OBJECT

private slots:
    void init() { setUpFolder(); }
    void cleanup() { tearDownFolder(); }

    void createsSchemaAndSurvivesReopen();
    void migratesEmptyFile();
    void refusesNewerSchema();
    void refusesFileThatIsNotSqlite();
    void reportsUnopenableLocation();
    void reportsLockedDatabase();
    void refusesUseWhenClosedOrTwiceOpened();
    void refusesInvalidRecord();

    void roundTripsEveryField();
    void upsertCompletesInProgressRecord();
    void redactsSecrets_data();
    void redactsSecrets();
    void redactsContinuation();
    void truncatesBodies();
    void capsTrace();
    void writesHeadersAndTraceAsQtJson();

    void listsFiltersSearchesAndPages();
    void clearsOneFlowOrAll();
    void prunesOldExecutions();
};

// --- schema -------------------------------------------------------------------------------------

void TestHistoryStore::createsSchemaAndSurvivesReopen()
{
    const ExecutionRecord r = makeRecord(QStringLiteral("flow-a"), kBase);
    {
        HistoryStore store;
        VERIFY_OK(store.open(dbPath()));
        QVERIFY(store.isOpen());
        QCOMPARE(store.path(), shownPath());
        VERIFY_OK(store.record(r));
        VERIFY_OK(
            store.savePaused(r.id, r.flowId, QJsonObject{{QStringLiteral("k"), 1}}, kBase.addYears(100)));
    }
    {
        RawDb raw(dbPath());
        QVERIFY(raw.isOpen());
        if (!kPostgres)
            QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(raw.scalar(QStringLiteral("SELECT MAX(version) FROM schema_version")).toInt(),
                 HistoryStore::latestSchemaVersion());
        const QString tables = kPostgres ? QStringLiteral("information_schema.tables WHERE table_schema = "
                                                          "current_schema() AND table_name")
                                         : QStringLiteral("sqlite_master WHERE type = 'table' AND name");
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM ") + tables +
                            QStringLiteral(" IN ('executions', 'paused_executions', 'schema_version', "
                                           "'replay_jtis', 'rate_buckets')"))
                     .toInt(),
                 5);
    }
    HistoryStore store;
    VERIFY_OK(store.open(dbPath()));
    const auto got = store.get(r.id);
    VERIFY_OK(got);
    QCOMPARE(got->flowId, r.flowId);
    QCOMPARE(got->startedAt, r.startedAt);
    const auto paused = store.takePaused(r.id, r.flowId, kBase);
    VERIFY_OK(paused);
    QCOMPARE(paused->continuation, QJsonObject({{QStringLiteral("k"), 1}}));
    store.close();
    QVERIFY(!store.isOpen());

    RawDb raw(dbPath()); // reopening applied no migration twice
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(),
             HistoryStore::latestSchemaVersion());
}

void TestHistoryStore::migratesEmptyFile()
{
    SKIP_ON_POSTGRES("an empty file");
    QFile file(dbPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QCOMPARE(QFileInfo(dbPath()).size(), 0);

    HistoryStore store;
    VERIFY_OK(store.open(dbPath()));
    VERIFY_OK(store.record(makeRecord(QStringLiteral("f"), kBase)));
    const auto n = store.count();
    VERIFY_OK(n);
    QCOMPARE(*n, 1);
    RawDb raw(dbPath());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT MAX(version) FROM schema_version")).toInt(),
             HistoryStore::latestSchemaVersion());
}

void TestHistoryStore::refusesNewerSchema()
{
    {
        RawDb raw(dbPath());
        QVERIFY(raw.exec(
            QStringLiteral("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER)")));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO schema_version VALUES (99, 0)")));
    }
    HistoryStore store;
    const auto opened = store.open(dbPath());
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().type, ErrorType::InvalidInput);
    QVERIFY2(opened.error().message.contains(QLatin1String("newer")), qPrintable(opened.error().message));
    QVERIFY(!store.isOpen());
}

void TestHistoryStore::refusesFileThatIsNotSqlite()
{
    SKIP_ON_POSTGRES("a file of another kind");
    QFile file(dbPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    HistoryStore store;
    const auto opened = store.open(dbPath());
    QVERIFY(!opened.ok());
    QVERIFY2(opened.error().message.contains(QLatin1String("not an SQLite")),
             qPrintable(opened.error().message));
}

void TestHistoryStore::reportsUnopenableLocation()
{
    if (kPostgres) {
        // A port nothing listens on: refused at once, named without its password.
        auto url = DatabaseUrl::parse(dbPath()).value();
        url.port = 1;
        url.password = QStringLiteral("not-in-any-message");
        const QString location =
            QStringLiteral("postgresql://%1:%2@%3:1/%4").arg(url.user, url.password, url.host, url.database);
        HistoryStore store;
        const auto opened = store.open(location);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().message.contains(QLatin1String("is unavailable while connecting")),
                 qPrintable(opened.error().message));
        QVERIFY(opened.error().message.contains(url.masked()));
        QVERIFY(!opened.error().message.contains(url.password));
        return;
    }
    HistoryStore store;
    const QString path = m_dir->filePath(QStringLiteral("missing/folder/history.db"));
    const auto opened = store.open(path);
    QVERIFY(!opened.ok());
    QVERIFY2(opened.error().message.contains(QLatin1String("cannot open history database")),
             qPrintable(opened.error().message));
    QVERIFY(opened.error().message.contains(path));
}

void TestHistoryStore::reportsLockedDatabase()
{
    HistoryStoreOptions options;
    options.busyTimeoutMs = 100;
    HistoryStore store;
    VERIFY_OK(store.open(dbPath(), options));
    {
        RawDb blocker(dbPath());
        QVERIFY(execAll(blocker, lockAllWrites()));
        const auto written = store.record(makeRecord(QStringLiteral("f"), kBase));
        QVERIFY(!written.ok());
        QVERIFY2(written.error().message.contains(QLatin1String("is locked by another connection")),
                 qPrintable(written.error().message));
        QVERIFY(written.error().message.contains(QLatin1String("100 ms")));
        // Reads go on while another connection writes (WAL, or PostgreSQL's MVCC).
        VERIFY_OK(store.count());
        QVERIFY(blocker.exec(QStringLiteral("ROLLBACK")));
    }
    VERIFY_OK(store.record(makeRecord(QStringLiteral("f"), kBase)));
    QCOMPARE(store.statistics().writes, 1u);
}

void TestHistoryStore::refusesUseWhenClosedOrTwiceOpened()
{
    HistoryStore store;
    const auto written = store.record(makeRecord(QStringLiteral("f"), kBase));
    QVERIFY(!written.ok());
    QVERIFY(written.error().message.contains(QLatin1String("not open")));
    QVERIFY(!store.get(newExecutionId()).ok());
    QVERIFY(!store.takePaused(newExecutionId()).ok());

    VERIFY_OK(store.open(dbPath()));
    QVERIFY(!store.open(dbPath()).ok());
    store.close();
    QVERIFY(!store.list().ok());
    VERIFY_OK(store.open(dbPath())); // a closed store opens again
}

void TestHistoryStore::refusesInvalidRecord()
{
    HistoryStore store;
    VERIFY_OK(store.open(dbPath()));
    ExecutionRecord r = makeRecord(QStringLiteral("f"), kBase);
    r.id = QStringLiteral("not-an-id");
    auto written = store.record(r);
    QVERIFY(!written.ok());
    QCOMPARE(written.error().type, ErrorType::InvalidInput);

    r = makeRecord(QString(), kBase);
    written = store.record(r);
    QVERIFY(!written.ok());
    QCOMPARE(written.error().type, ErrorType::InvalidInput);

    r = makeRecord(QStringLiteral("f"), QDateTime());
    QVERIFY(!store.record(r).ok());

    const auto missing = store.get(newExecutionId());
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().type, ErrorType::NotFound);
}

// --- records --------------------------------------------------------------------------------------

void TestHistoryStore::roundTripsEveryField()
{
    ExecutionRecord r;
    r.id = newExecutionId();
    r.flowId = s("flow-ü");
    r.flowAlias = newFlowAlias();
    r.flowName = s("Fluß 流れ 🚀");
    r.kind = ExecutionKind::Retry;
    r.status = ExecutionStatus::Failed;
    r.startedAt = kBase;
    r.durationUs = 123456789012;
    r.caller = {QStringLiteral("::1"), QStringLiteral("0oa1client"), SecurityLevel::OAuth2};
    r.request.method = "POST";
    r.request.pathAndQuery = "/api/flo/" + r.flowAlias.toLatin1() + "/retry/x?q=%C3%A9t%C3%A9&q=2&empty=";
    r.request.headers = {{b("Accept"), b("*/*")},
                         {b("X-Multi"), b("1")},
                         {b("x-multi"), b("2")},
                         {b("X-Multi"), b("3")},
                         {b("X-Utf8"), s("héllo 世界").toUtf8()},
                         {b("X-Bytes"), QByteArray("\x01\x7f\x80\xff", 4)}};
    for (int i = 0; i < 256; ++i)
        r.request.body.append(char(i));
    r.request.body += r.request.body; // NULs in the middle too
    r.response.status = 502;
    r.response.headers = {{b("Set-Cookie"), b("a=1")}, {b("Set-Cookie"), b("b=2")}};
    r.response.body = s(R"({"message": "ça marche ✓", "emoji": "🎉"})").toUtf8();
    TraceEntry first =
        traceEntry(QStringLiteral("c1"), QJsonObject{{QStringLiteral("text"), s("日本語")}},
                   QJsonObject{{QStringLiteral("n"), 1.5},
                               {QStringLiteral("list"), QJsonArray{1, s("two"), QJsonValue()}}});
    TraceEntry second = traceEntry(QStringLiteral("c2"), {}, {});
    second.depth = 1;
    second.error = Error{ErrorType::InvalidInput, s("Card 2: ✗ failed")};
    r.trace = {first, second};
    r.error = s("Card 2: ✗ failed");
    r.retryOf = newExecutionId();

    HistoryStore store;
    VERIFY_OK(store.open(dbPath()));
    VERIFY_OK(store.record(r));
    store.close();
    VERIFY_OK(store.open(dbPath()));
    const auto got = store.get(r.id);
    VERIFY_OK(got);
    const ExecutionRecord &g = *got;
    QCOMPARE(g.id, r.id);
    QCOMPARE(g.flowId, r.flowId);
    QCOMPARE(g.flowAlias, r.flowAlias);
    QCOMPARE(g.flowName, r.flowName);
    QCOMPARE(g.kind, ExecutionKind::Retry);
    QCOMPARE(g.status, ExecutionStatus::Failed);
    QCOMPARE(g.startedAt, r.startedAt);
    QCOMPARE(g.startedAt.timeSpec(), Qt::UTC);
    QCOMPARE(g.startedAt.time().msec(), 123);
    QCOMPARE(g.durationUs, r.durationUs);
    QCOMPARE(g.caller.address, r.caller.address);
    QCOMPARE(g.caller.clientId, r.caller.clientId);
    QCOMPARE(g.caller.securityLevel, SecurityLevel::OAuth2);
    QCOMPARE(g.request.method, r.request.method);
    QCOMPARE(g.request.pathAndQuery, r.request.pathAndQuery);
    QCOMPARE(g.request.headers, r.request.headers);
    QCOMPARE(g.request.body, r.request.body);
    QCOMPARE(g.request.bodySize, qint64(512));
    QVERIFY(!g.request.bodyTruncated);
    QCOMPARE(g.response.status, 502);
    QCOMPARE(g.response.headers, r.response.headers);
    QCOMPARE(g.response.body, r.response.body);
    QCOMPARE(g.response.bodySize, r.response.body.size());
    QVERIFY(!g.response.bodyTruncated);
    QCOMPARE(traceToJson(g.trace), traceToJson(r.trace));
    QVERIFY(g.trace.at(1).error);
    QCOMPARE(g.trace.at(1).error->type, ErrorType::InvalidInput);
    QVERIFY(!g.traceTruncated);
    QCOMPARE(g.error, r.error);
    QCOMPARE(g.retryOf, r.retryOf);

    // Every kind and status survives too.
    for (ExecutionKind kind : {ExecutionKind::Invoke, ExecutionKind::Resume, ExecutionKind::Retry}) {
        for (ExecutionStatus status :
             {ExecutionStatus::InProgress, ExecutionStatus::Success, ExecutionStatus::Failed,
              ExecutionStatus::Paused, ExecutionStatus::Canceled, ExecutionStatus::TimedOut}) {
            ExecutionRecord other = makeRecord(QStringLiteral("kinds"), kBase, status);
            other.kind = kind;
            other.trace.clear();
            VERIFY_OK(store.record(other));
            const auto back = store.get(other.id);
            VERIFY_OK(back);
            QCOMPARE(back->kind, kind);
            QCOMPARE(back->status, status);
            QVERIFY(back->trace.isEmpty());
            QVERIFY(back->retryOf.isEmpty());
        }
    }
}

void TestHistoryStore::upsertCompletesInProgressRecord()
{
    HistoryStore store;
    VERIFY_OK(store.open(dbPath()));
    ExecutionRecord older = makeRecord(QStringLiteral("f"), kBase);
    ExecutionRecord r = makeRecord(QStringLiteral("f"), kBase, ExecutionStatus::InProgress);
    r.response = {};
    VERIFY_OK(store.record(older));
    VERIFY_OK(store.record(r));
    ExecutionRecord newer = makeRecord(QStringLiteral("f"), kBase);
    VERIFY_OK(store.record(newer));

    r.status = ExecutionStatus::Success;
    r.durationUs = 99;
    r.response.status = 201;
    r.response.body = "done";
    VERIFY_OK(store.record(r));
    const auto all = store.list();
    VERIFY_OK(all);
    // One row, same place among executions started at the same time.
    QCOMPARE(ids(*all), QStringList({newer.id, r.id, older.id}));
    const auto got = store.get(r.id);
    VERIFY_OK(got);
    QCOMPARE(got->status, ExecutionStatus::Success);
    QCOMPARE(got->durationUs, 99);
    QCOMPARE(got->response.status, 201);
    QCOMPARE(got->response.body, b("done"));
}

void TestHistoryStore::redactsSecrets_data()
{
    QTest::addColumn<QByteArray>("headerName");
    QTest::addColumn<QByteArray>("headerValue");
    QTest::addColumn<QByteArray>("pathAndQuery");
    QTest::addColumn<QByteArray>("expectedPathAndQuery");
    QTest::addColumn<QByteArray>("secret"); // echoed by the flow; empty when nothing is secret

    const QByteArray jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIwb2EifQ.c2lnbmF0dXJl";
    const QByteArray token = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    const QByteArray path = "/api/flo/0123456789abcdef0123456789abcdef/invoke";
    const QByteArray none;

    QTest::addRow("Authorization") << b("Authorization") << "Bearer " + jwt << path << path << jwt;
    QTest::addRow("authorization") << b("authorization") << "Bearer " + jwt << path << path << jwt;
    QTest::addRow("AUTHORIZATION") << b("AUTHORIZATION") << "bearer " + jwt << path << path << jwt;
    QTest::addRow("Proxy-Authorization")
        << b("Proxy-Authorization") << b("Basic dXNlcjpwYXNz") << path << path << b("dXNlcjpwYXNz");
    QTest::addRow("x-api-client-token") << b("x-api-client-token") << token << path << path << token;
    QTest::addRow("X-Api-Client-Token") << b("X-Api-Client-Token") << token << path << path << token;
    QTest::addRow("X-API-CLIENT-TOKEN") << b("X-API-CLIENT-TOKEN") << token << path << path << token;
    QTest::addRow("query among others")
        << b("X-Other") << b("kept") << path + "?a=1&clientToken=" + token + "&b=two"
        << path + "?a=1&clientToken=[redacted]&b=two" << token;
    QTest::addRow("query first") << b("X-Other") << b("kept") << path + "?clientToken=" + token + "&a=1"
                                 << path + "?clientToken=[redacted]&a=1" << token;
    QTest::addRow("query only") << b("X-Other") << b("kept") << path + "?clientToken=" + token
                                << path + "?clientToken=[redacted]" << token;
    QTest::addRow("query name percent-encoded")
        << b("X-Other") << b("kept") << path + "?a=%20x&client%54oken=" + token
        << path + "?a=%20x&client%54oken=[redacted]" << token;
    QTest::addRow("query value percent-encoded")
        << b("X-Other") << b("kept") << path + "?clientToken=abc%2Fdef%3D%3Dghijk&z=9"
        << path + "?clientToken=[redacted]&z=9" << b("abc/def==ghijk");
    QTest::addRow("query name other case") << b("X-Other") << b("kept") << path + "?clienttoken=" + token
                                           << path + "?clienttoken=[redacted]" << token;
    QTest::addRow("query repeated") << b("X-Other") << b("kept")
                                    << path + "?clientToken=a1b2c3d4&clientToken=" + token
                                    << path + "?clientToken=[redacted]&clientToken=[redacted]" << token;
    QTest::addRow("look-alikes kept")
        << b("X-Authorization-Hint") << b("visible") << path + "?myclientToken=abcdefgh&clientTokenX=abcdefgh"
        << path + "?myclientToken=abcdefgh&clientTokenX=abcdefgh" << none;
}

void TestHistoryStore::redactsSecrets()
{
    QFETCH(QByteArray, headerName);
    QFETCH(QByteArray, headerValue);
    QFETCH(QByteArray, pathAndQuery);
    QFETCH(QByteArray, expectedPathAndQuery);
    QFETCH(QByteArray, secret);
    const bool secretHeader = isSecretHeader(headerName);

    ExecutionRecord r = makeRecord(QStringLiteral("f"), kBase);
    r.request.pathAndQuery = pathAndQuery;
    r.request.headers = {{b("Accept"), b("*/*")}, {headerName, headerValue}, {b("Accept"), b("text/plain")}};

    // The pure function.
    RecordedRequest request = r.request;
    redactRequest(request);
    QCOMPARE(request.pathAndQuery, expectedPathAndQuery);
    QCOMPARE(request.headers.at(1).second, secretHeader ? b("[redacted]") : headerValue);
    QCOMPARE(request.headers.at(0), r.request.headers.at(0));
    QCOMPARE(request.headers.at(2), r.request.headers.at(2));

    // The store applies it itself, and scrubs the flow's echoes of the secret.
    if (!secret.isEmpty()) {
        r.request.body = "{\"note\": \"" + secret + "\"}";
        r.response.body = "you sent " + secret;
        r.response.headers.append({b("X-Echo"), secret});
        r.trace = {traceEntry(QStringLiteral("c1"),
                              QJsonObject{{QStringLiteral("a"), QString::fromLatin1(secret)}},
                              QJsonObject{{QStringLiteral("out"), QString::fromLatin1("<" + secret + ">")}})};
        r.error = QStringLiteral("failed on ") + QString::fromLatin1(secret);
    }
    HistoryStore store;
    VERIFY_OK(store.open(dbPath()));
    VERIFY_OK(store.record(r));
    const auto got = store.get(r.id);
    VERIFY_OK(got);
    QCOMPARE(got->request.pathAndQuery, expectedPathAndQuery);
    QCOMPARE(got->request.headers.at(1).first, headerName);
    QCOMPARE(got->request.headers.at(1).second, secretHeader ? b("[redacted]") : headerValue);
    if (!secret.isEmpty()) {
        QCOMPARE(got->request.body, b("{\"note\": \"[redacted]\"}"));
        QCOMPARE(got->response.body, b("you sent [redacted]"));
        QCOMPARE(got->response.headers.last().second, b("[redacted]"));
        QCOMPARE(got->trace.at(0).inputs.value(QLatin1String("a")).toString(), QStringLiteral("[redacted]"));
        QCOMPARE(got->trace.at(0).outputs.value(QLatin1String("out")).toString(),
                 QStringLiteral("<[redacted]>"));
        QCOMPARE(got->error, QStringLiteral("failed on [redacted]"));

        HistoryFilter search;
        search.text = QString::fromLatin1(secret);
        const auto found = store.count(search);
        VERIFY_OK(found);
        QCOMPARE(*found, 0);
        if (kPostgres)
            return; // the search above read every column the server keeps
        // Nowhere in the file, whatever column.
        store.close();
        QFile file(dbPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(secret));
        QFile wal(dbPath() + QStringLiteral("-wal"));
        if (wal.open(QIODevice::ReadOnly))
            QVERIFY(!wal.readAll().contains(secret));
    }
}

void TestHistoryStore::redactsContinuation()
{
    const QString jwt = QStringLiteral("eyJhbGciOiJSUzI1NiJ9.payload.signature");
    const QString token = QStringLiteral("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    const QString bearer = QStringLiteral("Bearer ") + jwt;
    const QString query = QStringLiteral("a=1&clientToken=") + token;
    const QString echo = jwt + QStringLiteral(" / ") + token;
    Continuation c;
    c.flowId = QStringLiteral("flow-p");
    c.executionId = newExecutionId();
    c.nextIndex = 2;
    c.pauseCardId = QStringLiteral("wait");
    const QJsonObject rawHeaders{{QStringLiteral("authorization"), bearer},
                                 {QStringLiteral("x-api-client-token"), token},
                                 {QStringLiteral("accept"), QStringLiteral("*/*")}};
    c.outputs = QJsonObject{
        {eventCardId(),
         QJsonObject{
             {QStringLiteral("raw"), QJsonObject{{QStringLiteral("headers"), rawHeaders},
                                                 {QStringLiteral("query"), query},
                                                 {QStringLiteral("body"), QStringLiteral("{}")}}},
             {QStringLiteral("headers"), QJsonObject{{QStringLiteral("Authorization"), bearer},
                                                     {QStringLiteral("accept"), QStringLiteral("*/*")}}},
             {QStringLiteral("query"), QJsonObject{{QStringLiteral("clientToken"), token},
                                                   {QStringLiteral("a"), QStringLiteral("1")}}}}},
        {QStringLiteral("echo"), QJsonObject{{QStringLiteral("text"), echo}}}};

    HistoryStore store;
    VERIFY_OK(store.open(dbPath()));
    VERIFY_OK(store.savePaused(c.executionId, c.flowId, c.toJson(), kBase.addDays(30)));
    const auto taken = store.takePaused(c.executionId, c.flowId, kBase);
    VERIFY_OK(taken);
    const std::optional<Continuation> back = Continuation::fromJson(taken->continuation);
    QVERIFY(back);
    QCOMPARE(back->flowId, c.flowId);
    QCOMPARE(back->nextIndex, 2);
    QCOMPARE(back->pauseCardId, c.pauseCardId);
    const QJsonObject event = back->outputs.value(eventCardId()).toObject();
    const QJsonObject raw = event.value(QLatin1String("raw")).toObject();
    const QJsonObject headers = raw.value(QLatin1String("headers")).toObject();
    QCOMPARE(headers.value(QLatin1String("authorization")).toString(), QStringLiteral("[redacted]"));
    QCOMPARE(headers.value(QLatin1String("x-api-client-token")).toString(), QStringLiteral("[redacted]"));
    QCOMPARE(headers.value(QLatin1String("accept")).toString(), QStringLiteral("*/*"));
    QCOMPARE(raw.value(QLatin1String("query")).toString(), QStringLiteral("a=1&clientToken=[redacted]"));
    QCOMPARE(
        event.value(QLatin1String("headers")).toObject().value(QLatin1String("Authorization")).toString(),
        QStringLiteral("[redacted]"));
    QCOMPARE(event.value(QLatin1String("query")).toObject().value(QLatin1String("clientToken")).toString(),
             QStringLiteral("[redacted]"));
    QCOMPARE(event.value(QLatin1String("query")).toObject().value(QLatin1String("a")).toString(),
             QStringLiteral("1"));
    QCOMPARE(back->outputs.value(QLatin1String("echo")).toObject().value(QLatin1String("text")).toString(),
             QStringLiteral("[redacted] / [redacted]"));
}

void TestHistoryStore::truncatesBodies()
{
    HistoryStore store;
    VERIFY_OK(store.open(dbPath()));
    ExecutionRecord r = makeRecord(QStringLiteral("f"), kBase);
    r.request.body = QByteArray(kDefaultMaxBodyBytes + 100, 'a');
    r.response.body = QByteArray(kDefaultMaxBodyBytes, 'b');
    VERIFY_OK(store.record(r));
    const auto got = store.get(r.id);
    VERIFY_OK(got);
    QCOMPARE(got->request.body.size(), kDefaultMaxBodyBytes);
    QVERIFY(got->request.bodyTruncated);
    QCOMPARE(got->request.bodySize, kDefaultMaxBodyBytes + 100);
    QCOMPARE(got->response.body, r.response.body);
    QVERIFY(!got->response.bodyTruncated);
    QCOMPARE(got->response.bodySize, kDefaultMaxBodyBytes);
    store.close();

    // A smaller cap, and a size the caller knew to be larger than what it passed.
    HistoryStoreOptions options;
    options.maxBodyBytes = 16;
    VERIFY_OK(store.open(dbPath(), options));
    ExecutionRecord small = makeRecord(QStringLiteral("f"), kBase);
    small.request.body = "0123456789abcdefXYZ";
    small.response.body = "short";
    small.response.bodySize = 5000;
    small.response.bodyTruncated = true;
    VERIFY_OK(store.record(small));
    const auto back = store.get(small.id);
    VERIFY_OK(back);
    QCOMPARE(back->request.body, b("0123456789abcdef"));
    QCOMPARE(back->request.bodySize, 19);
    QVERIFY(back->request.bodyTruncated);
    QCOMPARE(back->response.body, b("short"));
    QCOMPARE(back->response.bodySize, 5000);
    QVERIFY(back->response.bodyTruncated);
}

void TestHistoryStore::capsTrace()
{
    Trace trace;
    for (int i = 0; i < 10; ++i)
        trace.append(traceEntry(QStringLiteral("c%1").arg(i),
                                QJsonObject{{QStringLiteral("text"), QString(100, u'x')}}, {}));
    bool truncated = false;
    Trace capped = trace;
    capTrace(capped, truncated, 1000);
    QVERIFY(truncated);
    QVERIFY(!capped.isEmpty());
    QVERIFY(capped.size() < trace.size());
    QVERIFY(QJsonDocument(traceToJson(capped)).toJson(QJsonDocument::Compact).size() <= 1000);
    QCOMPARE(capped.first().cardId, QStringLiteral("c0"));

    HistoryStoreOptions options;
    options.maxTraceBytes = 1000;
    HistoryStore store;
    VERIFY_OK(store.open(dbPath(), options));
    ExecutionRecord r = makeRecord(QStringLiteral("f"), kBase);
    r.trace = trace;
    VERIFY_OK(store.record(r));
    const auto got = store.get(r.id);
    VERIFY_OK(got);
    QVERIFY(got->traceTruncated);
    QCOMPARE(traceToJson(got->trace), traceToJson(capped));
}

void TestHistoryStore::writesHeadersAndTraceAsQtJson()
{
    // The store writes the headers' JSON and joins the trace entries' JSON itself: the columns must
    // hold what QJsonDocument writes, byte for byte.
    HeaderList headers;
    for (int byte = 0; byte < 256; ++byte)
        headers.append({QByteArray(1, char(byte)), b("v\"\\\x01\x7f\xe9 ") + QByteArray(3, char(byte))});
    headers.append({QByteArray(), QByteArray()});
    QJsonArray array;
    for (const auto &[name, value] : std::as_const(headers))
        array.append(QJsonArray{QString::fromLatin1(name), QString::fromLatin1(value)});
    const QString text = historydb::headersToText(headers);
    QCOMPARE(text, QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
    QCOMPARE(historydb::headersFromText(text), headers);
    QCOMPARE(historydb::headersToText({}), QStringLiteral("[]"));

    Trace trace;
    for (int i = 0; i < 10; ++i) {
        trace.append(traceEntry(QStringLiteral("c%1").arg(i),
                                QJsonObject{{QStringLiteral("text"), QString(100, u'\u00e9')},
                                            {QStringLiteral("list"), QJsonArray{1, 2.5, true, QJsonValue()}}},
                                QJsonObject{{QStringLiteral("n"), i}}));
    }
    trace[3].error = makeError(ErrorType::InvalidInput, QStringLiteral("bad \"input\""));
    bool truncated = false;
    Trace whole = trace;
    QCOMPARE(capTraceJson(whole, truncated, -1),
             QJsonDocument(traceToJson(trace)).toJson(QJsonDocument::Compact));
    QVERIFY(!truncated);
    QCOMPARE(whole.size(), trace.size());
    Trace capped = trace;
    const QByteArray json = capTraceJson(capped, truncated, 1000);
    QVERIFY(truncated);
    QVERIFY(!capped.isEmpty() && capped.size() < trace.size());
    QCOMPARE(json, QJsonDocument(traceToJson(capped)).toJson(QJsonDocument::Compact));
    Trace single = trace.mid(0, 1);
    truncated = false;
    QVERIFY(capTraceJson(single, truncated, 10).isEmpty()); // not even one entry fits
    QVERIFY(truncated);
    QVERIFY(single.isEmpty());
    Trace none;
    truncated = false;
    QVERIFY(capTraceJson(none, truncated, 0).isEmpty());
    QVERIFY(!truncated);
}

// --- queries ------------------------------------------------------------------------------------

void TestHistoryStore::listsFiltersSearchesAndPages()
{
    HistoryStore store;
    VERIFY_OK(store.open(dbPath()));
    const QString flowA = QStringLiteral("flow-a");
    const QString flowB = QStringLiteral("flow-b");
    const QString flowC = QStringLiteral("flow-c");

    ExecutionRecord a1 = makeRecord(flowA, kBase.addSecs(1));
    a1.request.body = R"({"name": "Grace Hopper"})";
    ExecutionRecord a2 = makeRecord(flowA, kBase.addSecs(2), ExecutionStatus::Failed);
    a2.response.body = R"({"error": "boom 100%"})";
    a2.error = QStringLiteral("Return Error: boom");
    ExecutionRecord b1 = makeRecord(flowB, kBase.addSecs(3));
    b1.trace = {traceEntry(QStringLiteral("c1"), {},
                           QJsonObject{{QStringLiteral("out"), QStringLiteral("needle-in-trace")}})};
    ExecutionRecord b2 = makeRecord(flowB, kBase.addSecs(4), ExecutionStatus::Paused);
    ExecutionRecord a3 = makeRecord(flowA, kBase.addSecs(5));
    a3.request.body = "UPPER case Text";
    ExecutionRecord x1 = makeRecord(flowC, kBase.addSecs(6));
    ExecutionRecord x2 = makeRecord(flowC, kBase.addSecs(6)); // same start: the later insert comes first
    // Inserted out of order: the order comes from the start time.
    for (const ExecutionRecord *r : {&a3, &a1, &b2, &a2, &b1, &x1, &x2})
        VERIFY_OK(store.record(*r));

    auto listed = [&store](const HistoryFilter &filter) {
        const auto result = store.list(filter);
        return result.ok() ? ids(*result) : QStringList{QStringLiteral("error: ") + result.error().message};
    };
    HistoryFilter all;
    QCOMPARE(listed(all), QStringList({x2.id, x1.id, a3.id, b2.id, b1.id, a2.id, a1.id}));

    HistoryFilter byFlow;
    byFlow.flowId = flowA;
    QCOMPARE(listed(byFlow), QStringList({a3.id, a2.id, a1.id}));

    HistoryFilter byStatus;
    byStatus.status = ExecutionStatus::Success;
    QCOMPARE(listed(byStatus), QStringList({x2.id, x1.id, a3.id, b1.id, a1.id}));
    byStatus.flowId = flowA;
    QCOMPARE(listed(byStatus), QStringList({a3.id, a1.id}));
    byStatus.status = ExecutionStatus::Paused;
    QCOMPARE(listed(byStatus), QStringList());

    auto search = [&](const QString &text) {
        HistoryFilter filter;
        filter.text = text;
        return listed(filter);
    };
    QCOMPARE(search(QStringLiteral("grace")), QStringList({a1.id}));     // request body, any case
    QCOMPARE(search(QStringLiteral("boom 100%")), QStringList({a2.id})); // response body and error
    QCOMPARE(search(QStringLiteral("100%")), QStringList({a2.id}));
    QCOMPARE(search(QStringLiteral("100_")), QStringList()); // LIKE wildcards are literal
    QCOMPARE(search(QStringLiteral("%")), QStringList({a2.id}));
    QCOMPARE(search(QStringLiteral("needle-in-trace")), QStringList({b1.id}));
    QCOMPARE(search(QStringLiteral("upper CASE text")), QStringList({a3.id}));
    QCOMPARE(search(QStringLiteral("nothing like this")), QStringList());

    HistoryFilter page;
    page.limit = 2;
    QCOMPARE(listed(page), QStringList({x2.id, x1.id}));
    page.offset = 2;
    QCOMPARE(listed(page), QStringList({a3.id, b2.id}));
    page.offset = 6;
    QCOMPARE(listed(page), QStringList({a1.id}));
    page.offset = 7;
    QCOMPARE(listed(page), QStringList());
    page.limit = -1;
    page.offset = 5;
    QCOMPARE(listed(page), QStringList({a2.id, a1.id}));

    QCOMPARE(store.count().value(), 7);
    QCOMPARE(store.count(byFlow).value(), 3);
    HistoryFilter grace;
    grace.text = QStringLiteral("GRACE");
    grace.limit = 0; // count ignores paging
    QCOMPARE(store.count(grace).value(), 1);

    // Summaries leave out the heavy data, but say how big it was.
    const auto summaries = store.list(byFlow);
    VERIFY_OK(summaries);
    const ExecutionRecord &summary = summaries->last();
    QCOMPARE(summary.id, a1.id);
    QVERIFY(summary.request.body.isEmpty());
    QVERIFY(summary.request.headers.isEmpty());
    QCOMPARE(summary.request.bodySize, a1.request.body.size());
    QCOMPARE(summary.request.pathAndQuery, a1.request.pathAndQuery);
    QCOMPARE(summary.response.status, 200);
    QCOMPARE(summary.flowName, a1.flowName);
    byFlow.withData = true;
    const auto full = store.list(byFlow);
    VERIFY_OK(full);
    QCOMPARE(full->last().request.body, a1.request.body);
    QCOMPARE(full->last().request.headers, a1.request.headers);
}

void TestHistoryStore::clearsOneFlowOrAll()
{
    HistoryStore store;
    VERIFY_OK(store.open(dbPath()));
    for (int i = 0; i < 3; ++i)
        VERIFY_OK(store.record(makeRecord(QStringLiteral("flow-a"), kBase.addSecs(i))));
    for (int i = 0; i < 2; ++i)
        VERIFY_OK(store.record(makeRecord(QStringLiteral("flow-b"), kBase.addSecs(i))));
    const QString pausedId = newExecutionId();
    VERIFY_OK(store.savePaused(pausedId, QStringLiteral("flow-a"), {}, kBase.addDays(30)));

    auto cleared = store.clear(QStringLiteral("flow-a"));
    VERIFY_OK(cleared);
    QCOMPARE(*cleared, 3);
    HistoryFilter flowB;
    flowB.flowId = QStringLiteral("flow-b");
    QCOMPARE(store.count().value(), 2);
    QCOMPARE(store.count(flowB).value(), 2);
    QCOMPARE(store.clear(QStringLiteral("flow-zzz")).value(), 0);
    cleared = store.clear();
    VERIFY_OK(cleared);
    QCOMPARE(*cleared, 2);
    QCOMPARE(store.count().value(), 0);
    // Paused executions stay resumable: clearing history is not cancelling.
    QCOMPARE(store.pausedExists(pausedId, {}, kBase).value(), true);
}

void TestHistoryStore::prunesOldExecutions()
{
    HistoryStore store;
    VERIFY_OK(store.open(dbPath()));
    const QDateTime now = kBase;
    const ExecutionRecord veryOld = makeRecord(QStringLiteral("f"), now.addDays(-40));
    const ExecutionRecord old = makeRecord(QStringLiteral("f"), now.addDays(-30).addMSecs(-1));
    const ExecutionRecord recent = makeRecord(QStringLiteral("f"), now.addDays(-29));
    const ExecutionRecord fresh = makeRecord(QStringLiteral("f"), now);
    for (const ExecutionRecord *r : {&veryOld, &old, &recent, &fresh})
        VERIFY_OK(store.record(*r));
    const auto pruned = store.prune(now.addDays(-kDefaultRetentionDays));
    VERIFY_OK(pruned);
    QCOMPARE(*pruned, 2);
    QCOMPARE(ids(store.list().value()), QStringList({fresh.id, recent.id}));
    QCOMPARE(store.prune(now.addDays(-kDefaultRetentionDays)).value(), 0);
    QVERIFY(!store.prune(QDateTime()).ok());
}

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
