// A Postman Collection v2.1 export run by Postman's own command-line runner, newman, against the
// server `wfconsole serve` runs (in process, port 0): every request of the sample flows answered
// with the status PRODUCT.md §3 gives, and the export imports back unchanged. The OAuth 2.0 access
// token is fetched with the tester's TokenClient and handed to newman as the variable accessToken,
// as a user would with `wfconsole token`.

#include "CollectionTestSupport.h"
#include "PostmanSchemaCheck.h"
#include "server/WorkspaceServer.h"
#include "store/SecretStore.h"
#include "tester/PostmanCollection.h"
#include "tester/TokenClient.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace wf;
using namespace wf::testersupport;

namespace {

constexpr int kNewmanTimeoutMs = 180000;

const QString kUnknownAlias = QStringLiteral("00000000000000000000000000000000");

struct Expected {
    QString name;
    int status;
};

// The status each request must get, in the order newman sends them.
struct Expectations {
    QList<Expected> list;

    CollectionItem add(const RequestDocument &document, int status)
    {
        list.append(Expected{document.name, status});
        return item(document);
    }
};

} // namespace

class TestNewman final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void exportRunsInNewman();

private:
    QString invokeUrl(const QString &flowId, const QString &suffix = QStringLiteral("/invoke")) const;
    QString fetchAccessToken();
    CollectionItem publicFolder(Expectations &expected) const;
    CollectionItem clientTokenFolder(Expectations &expected) const;
    CollectionItem oauthFolder(Expectations &expected) const;
    Collection buildCollection(Expectations &expected) const;
    void runNewman(const QString &collectionFile, const QStringList &variables, QJsonObject &run);

    QString m_newman;
    QTemporaryDir m_dir;
    MemorySecretStore m_secrets;
    Workspace m_workspace;
    std::unique_ptr<server::WorkspaceServer> m_server;
};

void TestNewman::initTestCase()
{
    const QString fromEnvironment = qEnvironmentVariable("WF_NEWMAN");
    const QString built = QStringLiteral(WF_BUILD_DIR "/node/node_modules/.bin/newman");
    if (!fromEnvironment.isEmpty()) {
        QVERIFY2(QFileInfo(fromEnvironment).isExecutable(),
                 qPrintable(
                     QStringLiteral("WF_NEWMAN names %1, which is not an executable").arg(fromEnvironment)));
        m_newman = fromEnvironment;
    } else if (QFileInfo(built).isExecutable()) {
        m_newman = built;
    } else {
        QSKIP(qPrintable(
            QStringLiteral("newman is not installed: set WF_NEWMAN, or run `npm install --prefix %1/node "
                           "newman@6` (.ci/run does)")
                .arg(QStringLiteral(WF_BUILD_DIR))));
    }

    QVERIFY(m_dir.isValid());
    auto created = Workspace::create(m_dir.filePath(QStringLiteral("ws")), m_secrets);
    QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
    m_workspace = *created;
    m_workspace.settings().rateLimitPerSecond = 0; // newman sends back to back
    m_server = std::make_unique<server::WorkspaceServer>(m_workspace, m_secrets);
    server::ServeOverrides overrides;
    overrides.port = 0;
    auto started = m_server->start(overrides);
    QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
}

void TestNewman::cleanupTestCase()
{
    m_server.reset();
}

QString TestNewman::invokeUrl(const QString &flowId, const QString &suffix) const
{
    const Flow *flow = m_workspace.flowById(flowId);
    return QStringLiteral("{{baseUrl}}/api/flo/%1%2").arg(flow ? flow->alias : kUnknownAlias, suffix);
}

// An access token for the sample app, as `wfconsole token` would print it.
QString TestNewman::fetchAccessToken()
{
    const auth::AppIntegration &app = m_workspace.apps().first();
    auto key = m_workspace.keptAppPrivateKey(app.clientId, app.keys.first().kid, m_secrets);
    if (!key || !key->has_value())
        return {};
    tester::TokenRequest request;
    request.tokenUrl = tester::tokenEndpointUrl(m_server->baseUrl());
    request.clientId = app.clientId;
    request.privateKey = **key;
    tester::TokenClient client;
    tester::TokenResult result;
    connect(&client, &tester::TokenClient::finished, this,
            [&result](const tester::TokenResult &r) { result = r; });
    QSignalSpy finished(&client, &tester::TokenClient::finished);
    client.requestToken(request);
    if (!finished.wait(15000) || !result.ok)
        qWarning("no access token: %s", qPrintable(result.message));
    return result.accessToken;
}

// Requests for the sample flows, each with the status PRODUCT.md §3 gives it.
CollectionItem TestNewman::publicFolder(Expectations &expected) const
{
    const QString url = invokeUrl(QStringLiteral("hello-public"));
    RequestDocument json = request(QStringLiteral("Hello, JSON"), QStringLiteral("POST"), url);
    json.bodyMode = BodyMode::Json;
    json.body = QStringLiteral("{\"name\": \"Ada\"}");
    RequestDocument form = request(QStringLiteral("Hello, form"), QStringLiteral("POST"), url);
    form.bodyMode = BodyMode::Form;
    form.form = {KeyValue{QStringLiteral("name"), QStringLiteral("Zoë"), true},
                 KeyValue{QStringLiteral("lang"), QStringLiteral("fr"), false}};
    RequestDocument raw = request(QStringLiteral("Hello, raw text"), QStringLiteral("POST"), url);
    raw.bodyMode = BodyMode::Raw;
    raw.body = QStringLiteral("not JSON, and not sent as JSON");
    RequestDocument get = request(QStringLiteral("Hello, GET with query"), QStringLiteral("GET"), url);
    get.query = {KeyValue{QStringLiteral("lang"), QStringLiteral("fr"), true},
                 KeyValue{QStringLiteral("debug"), QStringLiteral("1"), false}};
    get.headers = {KeyValue{QStringLiteral("X-Disabled"), QStringLiteral("1"), false}};
    return folder(QStringLiteral("Public"), {expected.add(json, 200), expected.add(form, 200),
                                             expected.add(raw, 200), expected.add(get, 200)});
}

CollectionItem TestNewman::clientTokenFolder(Expectations &expected) const
{
    RequestDocument inQuery = request(QStringLiteral("Order, token in query"), QStringLiteral("POST"),
                                      invokeUrl(QStringLiteral("order-total-token")));
    inQuery.bodyMode = BodyMode::Json;
    inQuery.body = QStringLiteral("{\"items\": [{\"price\": 2, \"qty\": 3}]}");
    inQuery.auth.mode = AuthMode::ClientToken;
    inQuery.flowId = QStringLiteral("order-total-token");
    RequestDocument inHeader = inQuery;
    inHeader.name = QStringLiteral("Order, token in header");
    inHeader.auth.placement = ClientTokenPlacement::Header;
    RequestDocument noToken = inQuery;
    noToken.name = QStringLiteral("Order, no token");
    noToken.auth.mode = AuthMode::None;
    return folder(QStringLiteral("Client token"),
                  {expected.add(inQuery, 200),
                   folder(QStringLiteral("Header"), {expected.add(inHeader, 200)}),
                   expected.add(noToken, 401)});
}

CollectionItem TestNewman::oauthFolder(Expectations &expected) const
{
    const auth::AppIntegration &app = m_workspace.apps().first();
    RequestDocument oauth = request(QStringLiteral("Customer, OAuth 2.0"), QStringLiteral("GET"),
                                    invokeUrl(QStringLiteral("customer-oauth")));
    oauth.query = {KeyValue{QStringLiteral("id"), QStringLiteral("42"), true}};
    oauth.auth.mode = AuthMode::OAuth2;
    oauth.auth.oauth.clientId = app.clientId;
    oauth.auth.oauth.kid = app.keys.first().kid;
    RequestDocument bearer = oauth;
    bearer.name = QStringLiteral("Customer, bearer");
    bearer.auth.mode = AuthMode::Bearer;
    bearer.auth.bearerToken = QStringLiteral("{{accessToken}}");
    RequestDocument noBearer = oauth;
    noBearer.name = QStringLiteral("Customer, no token");
    noBearer.auth.mode = AuthMode::None;
    return folder(QStringLiteral("OAuth 2.0"),
                  {expected.add(oauth, 200), expected.add(bearer, 200), expected.add(noBearer, 401)});
}

Collection TestNewman::buildCollection(Expectations &expected) const
{
    const RequestDocument retry = request(
        QStringLiteral("Retry by GET"), QStringLiteral("GET"),
        invokeUrl(QStringLiteral("hello-public"), QStringLiteral("/retry/0123456789abcdef0123456789abcdef")));
    const RequestDocument unknown =
        request(QStringLiteral("Unknown alias"), QStringLiteral("GET"), invokeUrl(QString()));
    Collection result =
        collection(QStringLiteral("Workflows Console samples — newman"),
                   {publicFolder(expected), clientTokenFolder(expected), oauthFolder(expected),
                    expected.add(retry, 405), expected.add(unknown, 404)});
    result.description =
        QStringLiteral("Every request of the sample flows, with the status PRODUCT.md §3 gives.");
    return result;
}

// Runs newman on `collectionFile` with `variables` (name=value) and reads its JSON report's "run".
void TestNewman::runNewman(const QString &collectionFile, const QStringList &variables, QJsonObject &run)
{
    const QString reportFile = m_dir.filePath(QStringLiteral("report.json"));
    QStringList arguments{QStringLiteral("run"), collectionFile};
    for (const QString &variable : variables)
        arguments << QStringLiteral("--env-var") << variable;
    arguments << QStringLiteral("--reporters") << QStringLiteral("json")
              << QStringLiteral("--reporter-json-export") << reportFile << QStringLiteral("--timeout-request")
              << QStringLiteral("30000");

    QProcess newman;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("NO_PROXY"), QStringLiteral("127.0.0.1,localhost"));
    environment.insert(QStringLiteral("no_proxy"), QStringLiteral("127.0.0.1,localhost"));
    newman.setProcessEnvironment(environment);
    newman.setProcessChannelMode(QProcess::MergedChannels);
    QSignalSpy finished(&newman, &QProcess::finished);
    QSignalSpy failed(&newman, &QProcess::errorOccurred);
    newman.start(m_newman, arguments);
    // The server answers from this thread's event loop, which the wait keeps turning.
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1 || failed.count() > 0, kNewmanTimeoutMs);
    const QByteArray output = newman.readAll();
    QVERIFY2(failed.isEmpty(), qPrintable(newman.errorString()));
    QVERIFY2(newman.exitStatus() == QProcess::NormalExit && newman.exitCode() == 0, output.constData());
    QFile report(reportFile);
    QVERIFY2(report.open(QIODevice::ReadOnly), output.constData());
    run = QJsonDocument::fromJson(report.readAll()).object().value(QLatin1String("run")).toObject();
}

void TestNewman::exportRunsInNewman()
{
    const QString accessToken = fetchAccessToken();
    QVERIFY(!accessToken.isEmpty());
    const auto clientToken =
        m_secrets.read(clientTokenSecretKey(m_workspace.id(), QStringLiteral("order-total-token")));
    QVERIFY(clientToken.ok() && clientToken->has_value());

    Expectations expected;
    const Collection original = buildCollection(expected);
    const QByteArray exported = tester::toPostmanCollection(original);
    SchemaCheck check;
    check.collection(QJsonDocument::fromJson(exported).object());
    QVERIFY2(check.problems.isEmpty(), qPrintable(check.problems.join(QLatin1Char('\n'))));
    const QString collectionFile = m_dir.filePath(QStringLiteral("collection.json"));
    QFile file(collectionFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(exported), exported.size());
    file.close();

    QJsonObject run;
    runNewman(collectionFile,
              {QStringLiteral("baseUrl=") + m_server->baseUrl(),
               QStringLiteral("clientToken=") + **clientToken, QStringLiteral("accessToken=") + accessToken},
              run);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(run.value(QLatin1String("failures")).toArray().isEmpty());
    const QJsonArray executions = run.value(QLatin1String("executions")).toArray();
    QCOMPARE(executions.size(), expected.list.size());
    for (qsizetype i = 0; i < executions.size(); ++i) {
        const QJsonObject execution = executions.at(i).toObject();
        const QString name =
            execution.value(QLatin1String("item")).toObject().value(QLatin1String("name")).toString();
        QCOMPARE(name, expected.list.at(i).name);
        const int status =
            execution.value(QLatin1String("response")).toObject().value(QLatin1String("code")).toInt();
        QVERIFY2(
            status == expected.list.at(i).status,
            qPrintable(
                QStringLiteral("%1: %2, expected %3").arg(name).arg(status).arg(expected.list.at(i).status)));
    }

    auto imported = tester::fromPostmanCollection(exported);
    QVERIFY2(imported.ok(), imported.ok() ? "" : qPrintable(imported.error().message));
    QCOMPARE(imported->warnings, QStringList());
    QCOMPARE(pretty(imported->collection), pretty(original));
    QVERIFY(imported->collection == original);
}

QTEST_GUILESS_MAIN(TestNewman)
#include "tst_newman.moc"
