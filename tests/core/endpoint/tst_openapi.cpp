// The OpenAPI 3.0 document of a flow (PRODUCT.md §3, GET /api/flo/{alias}/openapi) as a whole: every
// bundled sample gives a document that passes the structural check of OpenApiChecker.h and says what
// the flow does; servers and info, the shared components, helper flows (no document), flows without an
// alias (a path template), the same document every time, and the checker catching broken documents.
// What each operation says about hand-made flows: tst_openapioperations.

#include "OpenApiTestSupport.h"

#include <QDir>

using namespace wf;
using namespace wf::openapitest;

class TestOpenApi final : public QObject {
    Q_OBJECT

private slots:
    void samples_data();
    void samples();
    void samplePointers_data();
    void samplePointers();
    void serversAndInfo_data();
    void serversAndInfo();
    void errorSchema();
    void helperFlowHasNoDocument();
    void flowWithoutAliasUsesTemplate();
    void sameFlowSameDocument();
    void checkerCatchesProblems_data();
    void checkerCatchesProblems();
};

void TestOpenApi::samples_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files =
        QDir(samplesDir()).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 6);
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << file;
}

void TestOpenApi::samples()
{
    QFETCH(QString, file);
    QFile input(samplesDir() + QLatin1Char('/') + file);
    QVERIFY(input.open(QIODevice::ReadOnly));
    const FlowParseResult parsed = flowjson::parse(input.readAll());
    QVERIFY(parsed.ok());
    const Flow &flow = *parsed.flow;
    const QJsonObject doc = openApiDocument(flow, kBase);

    dumpForValidator(doc);

    if (flow.isHelper()) {
        QVERIFY(doc.isEmpty());
        return;
    }
    const QStringList problems = checkOpenApi(doc);
    QVERIFY2(problems.isEmpty(), describe(problems).constData());

    QCOMPARE(doc.value(QLatin1String("openapi")).toString(), s("3.0.3"));
    QCOMPARE(at(doc, s("/info/title")).toString(), flow.name);
    QCOMPARE(at(doc, s("/info/description")).toString(), flow.description);
    QCOMPARE(at(doc, s("/info/version")).toString(), s("1"));
    QCOMPARE(at(doc, s("/servers")), jsonValue("[{\"url\": \"http://127.0.0.1:8787\"}]"));
    QCOMPARE(sortedKeys(doc.value(QLatin1String("paths")).toObject()),
             QStringList({invokePath(flow.alias), resumePath(flow.alias)}));
    QStringList operationIds;
    for (const char *pointer : {"@invoke/get", "@invoke/post", "@resume/get", "@resume/post"}) {
        const QJsonObject operation = at(doc, expandPointer(s(pointer), flow.alias)).toObject();
        operationIds.append(operation.value(QLatin1String("operationId")).toString());
        QCOMPARE(at(operation, s("/responses/200/headers/X-Execution-Id")),
                 jsonValue(R"({"$ref": "#/components/headers/ExecutionId"})"));
    }
    QCOMPARE(operationIds, QStringList({s("invokeGet"), s("invokePost"), s("resumeGet"), s("resumePost")}));

    const QJsonArray security = doc.value(QLatin1String("security")).toArray();
    switch (flow.endpoint.security) {
    case SecurityLevel::None:
        QVERIFY(!doc.contains(QLatin1String("security")));
        break;
    case SecurityLevel::ClientToken:
        QCOMPARE(security.size(), 2);
        break;
    case SecurityLevel::OAuth2:
        QCOMPARE(security.size(), 1);
        break;
    }
}

void TestOpenApi::samplePointers_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("pointer"); // "@invoke" / "@resume" stand for the flow's two paths
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("hello: answer from the Return card")
        << s("hello-public.json") << s("/components/schemas/InvokeAnswer")
        << QByteArray(R"({"type": "object", "properties": {"greeting": {"type": "string", "nullable": true},
                          "nameLength": {"type": "number", "nullable": true}}})");
    QTest::newRow("hello: body field")
        << s("hello-public.json") << s("/components/schemas/InvokeBody")
        << QByteArray(R"({"type": "object", "properties": {"name": {"type": "string", "nullable": true}}})");
    QTest::newRow("hello: query field") << s("hello-public.json") << s("@invoke/get/parameters")
                                        << QByteArray(R"([{"name": "lang", "in": "query", "required": false,
                           "description": "Declared query field (Text).", "schema": {"type": "string"}}])");
    QTest::newRow("hello: POST takes JSON and forms")
        << s("hello-public.json") << s("@invoke/post/requestBody/content")
        << QByteArray(R"({"application/json": {"schema": {"$ref": "#/components/schemas/InvokeBody"}},
                          "application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/InvokeBody"}}})");
    QTest::newRow("hello: no security")
        << s("hello-public.json") << s("/components/securitySchemes") << QByteArray("null");
    QTest::newRow("hello: no 401") << s("hello-public.json") << s("@invoke/get/responses/401")
                                   << QByteArray("null");
    QTest::newRow("hello: resume has no body")
        << s("hello-public.json") << s("@resume/post/requestBody") << QByteArray("null");

    QTest::newRow("approval: invoke answers with the Pause card's fields")
        << s("approval-pause.json") << s("/components/schemas/InvokeAnswer")
        << QByteArray(R"({"type": "object", "properties": {"status": {"type": "string", "nullable": true},
                          "summary": {"type": "string", "nullable": true},
                          "executionId": {"type": "string", "nullable": true}}})");
    QTest::newRow("approval: resume answers with the Return card's fields")
        << s("approval-pause.json") << s("/components/schemas/ResumeAnswer")
        << QByteArray(R"({"type": "object", "properties": {"decision": {"type": "string", "nullable": true},
                          "approver": {"type": "string", "nullable": true},
                          "summary": {"type": "string", "nullable": true}}})");
    QTest::newRow("approval: resume body from the Pause card's outputs")
        << s("approval-pause.json") << s("/components/schemas/ResumeBody")
        << QByteArray(R"({"type": "object", "properties": {"approved": {"type": "boolean", "nullable": true},
                          "approver": {"type": "string", "nullable": true}}})");
    QTest::newRow("approval: resume POST body")
        << s("approval-pause.json") << s("@resume/post/requestBody/content")
        << QByteArray(R"({"application/json": {"schema": {"$ref": "#/components/schemas/ResumeBody"}}})");
    QTest::newRow("approval: executionId path parameter")
        << s("approval-pause.json") << s("/components/parameters/ExecutionId/schema")
        << QByteArray(R"({"type": "string", "pattern": "^[0-9a-f]{32}$"})");
    QTest::newRow("approval: resume 404")
        << s("approval-pause.json") << s("@resume/post/responses/404")
        << QByteArray(R"({"$ref": "#/components/responses/ExecutionNotFound"})");
    QTest::newRow("approval: resume 409")
        << s("approval-pause.json") << s("@resume/get/responses/409")
        << QByteArray(R"({"$ref": "#/components/responses/ResumeConflict"})");

    QTest::newRow("order: typed list body")
        << s("order-total-token.json") << s("/components/schemas/InvokeBody")
        << QByteArray(R"({"type": "object", "properties": {
                          "items": {"type": "array", "items": {"type": "object"}, "nullable": true},
                          "currency": {"type": "string", "nullable": true}}})");
    QTest::newRow("order: list field of a form is JSON text")
        << s("order-total-token.json")
        << s("@invoke/post/requestBody/content/application~1x-www-form-urlencoded/encoding")
        << QByteArray(R"({"items": {"contentType": "application/json"}})");
    QTest::newRow("order: answer")
        << s("order-total-token.json") << s("/components/schemas/InvokeAnswer/properties/lines")
        << QByteArray(R"({"type": "array", "items": {"type": "number"}, "nullable": true})");
    QTest::newRow("order: client token in the query or the header")
        << s("order-total-token.json") << s("/security")
        << QByteArray(R"([{"clientTokenQuery": []}, {"clientTokenHeader": []}])");
    QTest::newRow("order: 401") << s("order-total-token.json") << s("@invoke/post/responses/401")
                                << QByteArray(R"({"$ref": "#/components/responses/Unauthorized"})");
    QTest::newRow("order: no 403") << s("order-total-token.json") << s("@invoke/post/responses/403")
                                   << QByteArray("null");

    QTest::newRow("customer: OAuth 2.0 client credentials")
        << s("customer-oauth.json") << s("/components/securitySchemes/oauth2/flows")
        << QByteArray("{\"clientCredentials\": {\"tokenUrl\": \"http://127.0.0.1:8787/oauth2/v1/token\", "
                      "\"scopes\": {\"okta.workflows.invoke.manage\": \"Invoke API endpoint flows\"}}}");
    QTest::newRow("customer: scope required")
        << s("customer-oauth.json") << s("/security")
        << QByteArray(R"([{"oauth2": ["okta.workflows.invoke.manage"]}])");
    QTest::newRow("customer: 403") << s("customer-oauth.json") << s("@invoke/get/responses/403")
                                   << QByteArray(R"({"$ref": "#/components/responses/Forbidden"})");
    QTest::newRow("customer: Return Error 404 shares the pipeline's 404")
        << s("customer-oauth.json") << s("@invoke/get/responses/404")
        << QByteArray(R"({"$ref": "#/components/responses/NotFound"})");
    QTest::newRow("customer: answer (tier from an untyped output is still typed by Return)")
        << s("customer-oauth.json") << s("/components/schemas/InvokeAnswer/properties/tier")
        << QByteArray(R"({"type": "string", "nullable": true})");

    QTest::newRow("echo: header field")
        << s("echo-raw.json") << s("@invoke/get/parameters")
        << QByteArray(R"([{"name": "x-request-id", "in": "header", "required": false,
                           "description": "Declared header field (Text).", "schema": {"type": "string"}}])");
    QTest::newRow("echo: Return Raw answers anything")
        << s("echo-raw.json") << s("@invoke/get/responses/200/content")
        << QByteArray(R"({"*/*": {"schema": {}}})");
    QTest::newRow("echo: Return Raw 422 in If Error")
        << s("echo-raw.json") << s("@invoke/get/responses/422")
        << QByteArray(R"({"$ref": "#/components/responses/FlowAnswer422"})");
    QTest::newRow("echo: reads the raw body") << s("echo-raw.json") << s("@invoke/post/requestBody/content")
                                              << QByteArray(R"({"*/*": {"schema": {}}})");

    QTest::newRow("line-total: helper flow") << s("line-total.json") << QString() << QByteArray("{}");
}

void TestOpenApi::samplePointers()
{
    QFETCH(QString, file);
    QFETCH(QString, pointer);
    QFETCH(QByteArray, expected);
    QFile input(samplesDir() + QLatin1Char('/') + file);
    QVERIFY(input.open(QIODevice::ReadOnly));
    const FlowParseResult parsed = flowjson::parse(input.readAll());
    QVERIFY(parsed.ok());
    const QJsonObject doc = openApiDocument(*parsed.flow, kBase);
    const QJsonValue actual = at(doc, expandPointer(pointer, parsed.flow->alias));
    const QJsonValue wanted = jsonValue(expected);
    if (wanted.isNull()) {
        QVERIFY2(actual.isUndefined(), compact(actual).constData());
        return;
    }
    QCOMPARE(compact(actual), compact(wanted));
}

void TestOpenApi::serversAndInfo_data()
{
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("title");

    QTest::newRow("default") << kBase << s("Orders") << s("Takes orders.") << kBase << s("Orders");
    QTest::newRow("public URL with trailing slashes")
        << s("https://flows.example.com/base//") << s("Orders") << QString()
        << s("https://flows.example.com/base") << s("Orders");
    QTest::newRow("IPv6") << s("http://[::1]:8787") << s("Ünïcødé 😀") << s("ok") << s("http://[::1]:8787")
                          << s("Ünïcødé 😀");
    QTest::newRow("no name: the id") << kBase << QString() << QString() << kBase << s("hand-made");
    QTest::newRow("no base URL") << QString() << s("Orders") << QString() << s("/") << s("Orders");
}

void TestOpenApi::serversAndInfo()
{
    QFETCH(QString, baseUrl);
    QFETCH(QString, name);
    QFETCH(QString, description);
    QFETCH(QString, server);
    QFETCH(QString, title);
    ParsedFlow made = makeFlow(s("oauth2"), kNoFields, "[]");
    QVERIFY2(made.problems.isEmpty(), qPrintable(made.problems));
    made.flow.name = name;
    made.flow.description = description;
    const QJsonObject doc = openApiDocument(made.flow, baseUrl);
    const QStringList problems = checkDocument(doc);
    QVERIFY2(problems.isEmpty(), describe(problems).constData());
    QCOMPARE(at(doc, s("/servers")).toArray(), QJsonArray({QJsonObject{{QStringLiteral("url"), server}}}));
    QCOMPARE(at(doc, s("/info/title")).toString(), title);
    QCOMPARE(at(doc, s("/info/version")).toString(), s("1"));
    QCOMPARE(at(doc, s("/info/description")).isUndefined(), description.isEmpty());
    if (!description.isEmpty())
        QCOMPARE(at(doc, s("/info/description")).toString(), description);
    const QString tokenUrl =
        (server == QLatin1String("/") ? QString() : server) + QStringLiteral("/oauth2/v1/token");
    QCOMPARE(at(doc, s("/components/securitySchemes/oauth2/flows/clientCredentials/tokenUrl")).toString(),
             tokenUrl);
    QVERIFY(at(doc, expandPointer(s("@invoke/get/description"), kAlias)).toString().contains(title));
}

void TestOpenApi::errorSchema()
{
    const ParsedFlow made = makeFlow(s("none"), kNoFields, "[]");
    QVERIFY2(made.problems.isEmpty(), qPrintable(made.problems));
    const QJsonObject doc = openApiDocument(made.flow, kBase);
    const QJsonObject error = at(doc, s("/components/schemas/Error")).toObject();
    QCOMPARE(error.value(QLatin1String("required")), jsonValue(R"(["error"])"));
    QCOMPARE(error.value(QLatin1String("properties")),
             jsonValue(R"({"error": {"type": "string"}, "error_description": {"type": "string"},
                           "executionId": {"type": "string", "pattern": "^[0-9a-f]{32}$"}})"));
    QCOMPARE(error.value(QLatin1String("type")).toString(), s("object"));
    QCOMPARE(at(doc, s("/components/headers/ExecutionId/schema")),
             jsonValue(R"({"type": "string", "pattern": "^[0-9a-f]{32}$"})"));
}

void TestOpenApi::helperFlowHasNoDocument()
{
    const ParsedFlow made = makeFlow(
        s("none"), R"({"type": "helperFlow", "inputs": [{"name": "item", "type": "object"}]})",
        R"([{"id": "r", "function": "flow.return", "inputs": [{"name": "t", "type": "text", "value": "x"}]}])");
    QVERIFY2(made.problems.isEmpty(), qPrintable(made.problems));
    QVERIFY(made.flow.isHelper());
    QCOMPARE(openApiDocument(made.flow, kBase), QJsonObject());
}

void TestOpenApi::flowWithoutAliasUsesTemplate()
{
    ParsedFlow made = makeFlow(s("clientToken"), kNoFields, "[]");
    QVERIFY2(made.problems.isEmpty(), qPrintable(made.problems));
    made.flow.alias.clear();
    const QJsonObject doc = openApiDocument(made.flow, kBase);
    const QStringList problems = checkDocument(doc);
    QVERIFY2(problems.isEmpty(), describe(problems).constData());
    QCOMPARE(sortedKeys(doc.value(QLatin1String("paths")).toObject()),
             QStringList({s("/api/flo/{alias}/invoke"), s("/api/flo/{alias}/resume/{executionId}")}));
    QCOMPARE(at(doc, expandPointer(s("@invoke/parameters"), s("{alias}"))),
             jsonValue(R"([{"$ref": "#/components/parameters/Alias"}])"));
    QCOMPARE(
        at(doc, expandPointer(s("@resume/parameters"), s("{alias}"))),
        jsonValue(
            R"([{"$ref": "#/components/parameters/Alias"}, {"$ref": "#/components/parameters/ExecutionId"}])"));
    QCOMPARE(at(doc, s("/components/parameters/Alias/in")).toString(), s("path"));
    QCOMPARE(at(doc, s("/components/parameters/Alias/required")), QJsonValue(true));

    // With an alias, the paths name it and no alias parameter is left.
    made.flow.alias = kAlias;
    const QJsonObject named = openApiDocument(made.flow, kBase);
    QVERIFY(at(named, s("/components/parameters/Alias")).isUndefined());
    QVERIFY(at(named, expandPointer(s("@invoke/parameters"), kAlias)).isUndefined());
}

void TestOpenApi::sameFlowSameDocument()
{
    QFile input(samplesDir() + QStringLiteral("/approval-pause.json"));
    QVERIFY(input.open(QIODevice::ReadOnly));
    const FlowParseResult parsed = flowjson::parse(input.readAll());
    QVERIFY(parsed.ok());
    const QByteArray first =
        QJsonDocument(openApiDocument(*parsed.flow, kBase)).toJson(QJsonDocument::Compact);
    const QByteArray second =
        QJsonDocument(openApiDocument(*parsed.flow, kBase)).toJson(QJsonDocument::Compact);
    QCOMPARE(first, second);
    QVERIFY(first.size() > 1000);
}

void TestOpenApi::checkerCatchesProblems_data()
{
    QTest::addColumn<QString>("pointer");  // "@invoke" / "@resume" stand for the paths
    QTest::addColumn<QByteArray>("value"); // "undefined" removes the member
    QTest::addColumn<QString>("problem");

    QTest::newRow("no title") << s("/info/title") << QByteArray("undefined") << s("info.title is required");
    QTest::newRow("OpenAPI 3.1") << s("/openapi") << QByteArray(R"("3.1.0")") << s("openapi must be 3.0.x");
    QTest::newRow("dangling $ref") << s("@invoke/get/responses/404")
                                   << QByteArray(R"({"$ref": "#/components/responses/Gone"})")
                                   << s("does not resolve");
    QTest::newRow("$ref with siblings")
        << s("@invoke/get/responses/404")
        << QByteArray(R"({"$ref": "#/components/responses/NotFound", "description": "x"})") << s("siblings");
    QTest::newRow("undeclared path parameter")
        << s("/paths/~1api~1flo~1{x}~1invoke")
        << QByteArray(R"({"get": {"responses": {"200": {"description": "ok"}}}})")
        << s("path parameter 'x' is not declared");
    QTest::newRow("optional path parameter") << s("/components/parameters/ExecutionId/required")
                                             << QByteArray("false") << s("a path parameter must be required");
    QTest::newRow("duplicate operationId") << s("@invoke/post/operationId") << QByteArray(R"("invokeGet")")
                                           << s("operationId 'invokeGet' is not unique");
    QTest::newRow("unknown security scheme")
        << s("/security") << QByteArray(R"([{"apiKey": []}])") << s("unknown security scheme 'apiKey'");
    QTest::newRow("unknown scope") << s("/security") << QByteArray(R"([{"oauth2": ["admin"]}])")
                                   << s("unknown scope 'admin'");
    QTest::newRow("array without items")
        << s("/components/schemas/Error/properties/error") << QByteArray(R"({"type": "array"})")
        << s("an array schema needs items");
    QTest::newRow("unknown schema type")
        << s("/components/schemas/Error/type") << QByteArray(R"("null")") << s("schema type must be one of");
    QTest::newRow("schema and content")
        << s("@invoke/get/parameters")
        << QByteArray(R"([{"name": "q", "in": "query", "schema": {}, "content": {"application/json": {}}}])")
        << s("exactly one of schema and content");
    QTest::newRow("response without description")
        << s("@invoke/get/responses/200/description") << QByteArray("undefined")
        << s("a response needs a description");
    QTest::newRow("bad response code")
        << s("@invoke/get/responses/600") << QByteArray(R"({"description": "x"})")
        << s("'600' is not a response code");
    QTest::newRow("GET with a body") << s("@invoke/get/requestBody")
                                     << QByteArray(R"({"content": {"application/json": {"schema": {}}}})")
                                     << s("a GET operation has no requestBody");
    QTest::newRow("bad component name")
        << s("/components/schemas/Bad name") << QByteArray("{}") << s("component names must match");
    QTest::newRow("apiKey without a place")
        << s("/components/securitySchemes/key") << QByteArray(R"({"type": "apiKey", "name": "k"})")
        << s("an apiKey scheme needs name and in");
}

void TestOpenApi::checkerCatchesProblems()
{
    QFETCH(QString, pointer);
    QFETCH(QByteArray, value);
    QFETCH(QString, problem);
    const ParsedFlow made = makeFlow(
        s("oauth2"), R"({"body": [], "query": [{"name": "q", "type": "text"}], "headers": []})", "[]");
    QVERIFY2(made.problems.isEmpty(), qPrintable(made.problems));
    const QJsonObject clean = openApiDocument(made.flow, kBase);
    QVERIFY2(checkOpenApi(clean).isEmpty(), describe(checkOpenApi(clean)).constData());

    const QJsonValue replacement =
        value == "undefined" ? QJsonValue(QJsonValue::Undefined) : jsonValue(value);
    const QJsonObject broken = withAt(clean, expandPointer(pointer, kAlias), replacement);
    QVERIFY(broken != clean);
    const QStringList problems = checkOpenApi(broken);
    bool found = false;
    for (const QString &line : problems)
        found = found || line.contains(problem);
    QVERIFY2(found, describe(problems).constData());
}

QTEST_GUILESS_MAIN(TestOpenApi)
#include "tst_openapi.moc"
