// The operations of a flow's OpenAPI 3.0 document (PRODUCT.md §3), from hand-made flows: every type,
// each security level, the response codes, each way a flow answers, resuming a paused execution,
// parameters, request bodies and flow statuses; every document passes the structural check of
// OpenApiChecker.h. Whole documents and the bundled samples: tst_openapi.

#include "OpenApiTestSupport.h"

using namespace wf;
using namespace wf::openapitest;

class TestOpenApiOperations final : public QObject {
    Q_OBJECT

private slots:
    void types_data();
    void types();
    void security_data();
    void security();
    void responseCodes_data();
    void responseCodes();
    void answers_data();
    void answers();
    void resume_data();
    void resume();
    void parameters_data();
    void parameters();
    void requestBody_data();
    void requestBody();
    void flowStatuses_data();
    void flowStatuses();
};

void TestOpenApiOperations::types_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<bool>("structured"); // travels as JSON text in the query, headers and forms

    QTest::newRow("text") << s("text") << QByteArray(R"({"type": "string"})") << false;
    QTest::newRow("number") << s("number") << QByteArray(R"({"type": "number"})") << false;
    QTest::newRow("boolean") << s("boolean") << QByteArray(R"({"type": "boolean"})") << false;
    QTest::newRow("datetime") << s("datetime") << QByteArray(R"({"type": "string", "format": "date-time"})")
                              << false;
    QTest::newRow("object") << s("object") << QByteArray(R"({"type": "object"})") << true;
    QTest::newRow("list") << s("list") << QByteArray(R"({"type": "array", "items": {}})") << true;
    QTest::newRow("list<text>") << s("list<text>")
                                << QByteArray(R"({"type": "array", "items": {"type": "string"}})") << true;
    QTest::newRow("list<number>") << s("list<number>")
                                  << QByteArray(R"({"type": "array", "items": {"type": "number"}})") << true;
    QTest::newRow("list<boolean>") << s("list<boolean>")
                                   << QByteArray(R"({"type": "array", "items": {"type": "boolean"}})")
                                   << true;
    QTest::newRow("list<datetime>")
        << s("list<datetime>")
        << QByteArray(R"({"type": "array", "items": {"type": "string", "format": "date-time"}})") << true;
    QTest::newRow("list<object>") << s("list<object>")
                                  << QByteArray(R"({"type": "array", "items": {"type": "object"}})") << true;
    QTest::newRow("list<any>") << s("list<any>") << QByteArray(R"({"type": "array", "items": {}})") << true;
    QTest::newRow("any") << s("any") << QByteArray("{}") << false;
}

void TestOpenApiOperations::types()
{
    QFETCH(QString, type);
    QFETCH(QByteArray, schema);
    QFETCH(bool, structured);
    const QJsonObject expected = jsonObject(schema);
    const auto parsedType = ValueType::parse(type);
    QVERIFY(parsedType);
    QCOMPARE(openApiSchema(*parsedType), expected);

    // The same type as a body, query and header field and as a Return field.
    const QByteArray field = "{\"name\": \"f\", \"type\": \"" + type.toUtf8() + "\"}";
    const QByteArray event = "{\"type\": \"apiEndpoint\", \"body\": [" + field + "], \"query\": [" + field +
                             "], \"headers\": [" + field + "]}";
    const QByteArray cards = "[{\"id\": \"r\", \"function\": \"flow.return\", \"inputs\": [{\"name\": \"f\", "
                             "\"type\": \"" +
                             type.toUtf8() + "\", \"value\": null}]}]";
    const ParsedFlow made = makeFlow(s("none"), event, cards);
    QVERIFY2(made.problems.isEmpty(), qPrintable(made.problems));
    const QJsonObject doc = openApiDocument(made.flow, kBase);
    const QStringList problems = checkDocument(doc);
    QVERIFY2(problems.isEmpty(), describe(problems).constData());

    QCOMPARE(at(doc, s("/components/schemas/InvokeBody/properties/f")).toObject(), nullableSchema(expected));
    QCOMPARE(at(doc, s("/components/schemas/InvokeAnswer/properties/f")).toObject(),
             nullableSchema(expected));
    const QJsonArray parameters = at(doc, expandPointer(s("@invoke/get/parameters"), kAlias)).toArray();
    QCOMPARE(parameters.size(), 2);
    for (const QJsonValue &value : parameters) {
        const QJsonObject parameter = value.toObject();
        QCOMPARE(parameter.value(QLatin1String("name")).toString(), s("f"));
        if (structured) {
            QVERIFY(!parameter.contains(QLatin1String("schema")));
            QCOMPARE(at(parameter, s("/content/application~1json/schema")).toObject(), expected);
        } else {
            QVERIFY(!parameter.contains(QLatin1String("content")));
            QCOMPARE(parameter.value(QLatin1String("schema")).toObject(), expected);
        }
    }
    const QJsonValue encoding =
        at(doc,
           expandPointer(s("@invoke/post/requestBody/content/application~1x-www-form-urlencoded/encoding/f"),
                         kAlias));
    QCOMPARE(encoding.isUndefined(), !structured);
}

void TestOpenApiOperations::security_data()
{
    QTest::addColumn<QString>("level");
    QTest::addColumn<QByteArray>("security"); // "null": no security key
    QTest::addColumn<QByteArray>("schemes");  // "null": no securitySchemes
    QTest::addColumn<QString>("unauthorized");
    QTest::addColumn<QString>("forbidden");

    QTest::newRow("none") << s("none") << QByteArray("null") << QByteArray("null") << QString() << QString();
    QTest::newRow("clientToken")
        << s("clientToken") << QByteArray(R"([{"clientTokenQuery": []}, {"clientTokenHeader": []}])")
        << QByteArray(R"({"clientTokenQuery": {"type": "apiKey", "in": "query", "name": "clientToken",
                          "description": "The flow's client token (API endpoint settings)."},
                          "clientTokenHeader": {"type": "apiKey", "in": "header", "name": "x-api-client-token",
                          "description": "The flow's client token, as a header instead of the query."}})")
        << s("Unauthorized") << QString();
    QTest::newRow("oauth2")
        << s("oauth2") << QByteArray(R"([{"oauth2": ["okta.workflows.invoke.manage"]}])")
        << QByteArray(
               "{\"oauth2\": {\"type\": \"oauth2\", "
               "\"description\": \"Client credentials grant; the client authenticates with private_key_jwt "
               "(a JWT assertion signed with a key of its API Services app integration).\", "
               "\"flows\": {\"clientCredentials\": {\"tokenUrl\": \"http://127.0.0.1:8787/oauth2/v1/token\", "
               "\"scopes\": {\"okta.workflows.invoke.manage\": \"Invoke API endpoint flows\"}}}}}")
        << s("Unauthorized") << s("Forbidden");
}

void TestOpenApiOperations::security()
{
    QFETCH(QString, level);
    QFETCH(QByteArray, security);
    QFETCH(QByteArray, schemes);
    QFETCH(QString, unauthorized);
    QFETCH(QString, forbidden);
    const ParsedFlow made = makeFlow(level, kNoFields, "[]");
    QVERIFY2(made.problems.isEmpty(), qPrintable(made.problems));
    const QJsonObject doc = openApiDocument(made.flow, kBase);
    const QStringList problems = checkDocument(doc);
    QVERIFY2(problems.isEmpty(), describe(problems).constData());

    const QJsonValue expectedSecurity = jsonValue(security);
    QCOMPARE(doc.contains(QLatin1String("security")), !expectedSecurity.isNull());
    if (!expectedSecurity.isNull())
        QCOMPARE(doc.value(QLatin1String("security")), expectedSecurity);
    const QJsonValue expectedSchemes = jsonValue(schemes);
    const QJsonValue actualSchemes = at(doc, s("/components/securitySchemes"));
    QCOMPARE(actualSchemes.isUndefined(), expectedSchemes.isNull());
    if (!expectedSchemes.isNull())
        QCOMPARE(actualSchemes, expectedSchemes);

    for (const char *route : {"@invoke/get", "@invoke/post", "@resume/get", "@resume/post"}) {
        const QJsonObject responses =
            at(doc, expandPointer(s(route), kAlias) + QStringLiteral("/responses")).toObject();
        QCOMPARE(at(responses, s("/401/$ref")).toString().section(QLatin1Char('/'), -1), unauthorized);
        QCOMPARE(at(responses, s("/403/$ref")).toString().section(QLatin1Char('/'), -1), forbidden);
        // Security is the document's: no operation overrides it.
        QVERIFY(!at(doc, expandPointer(s(route), kAlias)).toObject().contains(QLatin1String("security")));
    }
    // The description of each operation says how to authenticate.
    const QString description = at(doc, expandPointer(s("@invoke/get/description"), kAlias)).toString();
    QVERIFY2(description.contains(level == QLatin1String("none") ? s("Anyone")
                                  : level == QLatin1String("clientToken")
                                      ? s("x-api-client-token")
                                      : s("okta.workflows.invoke.manage")),
             qPrintable(description));
    if (level == QLatin1String("oauth2"))
        QCOMPARE(at(doc, s("/components/responses/Unauthorized/headers/WWW-Authenticate/$ref")).toString(),
                 s("#/components/headers/WwwAuthenticate"));
    else
        QVERIFY(at(doc, s("/components/headers/WwwAuthenticate")).isUndefined());
}

void TestOpenApiOperations::responseCodes_data()
{
    QTest::addColumn<QString>("level");
    QTest::addColumn<QString>("route");
    QTest::addColumn<QString>("codes"); // "code=component" of every response but 200, in order

    QTest::newRow("none, invoke") << s("none") << s("@invoke")
                                  << s("400=BadRequest 404=NotFound 405=MethodNotAllowed "
                                       "409=FlowInactive 413=PayloadTooLarge "
                                       "429=TooManyRequests 500=CardFailed "
                                       "503=Unavailable 504=Timeout");
    QTest::newRow("none, resume") << s("none") << s("@resume")
                                  << s("400=BadRequest 404=ExecutionNotFound 405=MethodNotAllowed "
                                       "409=ResumeConflict 413=PayloadTooLarge 429=TooManyRequests "
                                       "500=CardFailed 503=Unavailable 504=Timeout");
    QTest::newRow("clientToken, invoke")
        << s("clientToken") << s("@invoke")
        << s("400=BadRequest 401=Unauthorized 404=NotFound 405=MethodNotAllowed "
             "409=FlowInactive 413=PayloadTooLarge 429=TooManyRequests "
             "500=CardFailed 503=Unavailable 504=Timeout");
    QTest::newRow("oauth2, invoke") << s("oauth2") << s("@invoke")
                                    << s("400=BadRequest 401=Unauthorized 403=Forbidden 404=NotFound "
                                         "405=MethodNotAllowed 409=FlowInactive 413=PayloadTooLarge "
                                         "429=TooManyRequests 500=CardFailed 503=Unavailable 504=Timeout");
    QTest::newRow("oauth2, resume")
        << s("oauth2") << s("@resume")
        << s("400=BadRequest 401=Unauthorized 403=Forbidden 404=ExecutionNotFound "
             "405=MethodNotAllowed 409=ResumeConflict 413=PayloadTooLarge "
             "429=TooManyRequests 500=CardFailed 503=Unavailable 504=Timeout");
}

void TestOpenApiOperations::responseCodes()
{
    QFETCH(QString, level);
    QFETCH(QString, route);
    QFETCH(QString, codes);
    const ParsedFlow made = makeFlow(level, kNoFields, "[]");
    QVERIFY2(made.problems.isEmpty(), qPrintable(made.problems));
    const QJsonObject doc = openApiDocument(made.flow, kBase);
    for (const char *method : {"/get", "/post"}) {
        const QJsonObject responses =
            at(doc, expandPointer(route, kAlias) + s(method) + QStringLiteral("/responses")).toObject();
        QStringList actual;
        for (const QString &code : sortedKeys(responses)) {
            if (code != QLatin1String("200"))
                actual.append(code + QLatin1Char('=') +
                              at(responses, QLatin1Char('/') + code + QStringLiteral("/$ref"))
                                  .toString()
                                  .section(QLatin1Char('/'), -1));
        }
        QCOMPARE(actual.join(QLatin1Char(' ')), codes);
    }
    // The headers the pipeline sends with them.
    QCOMPARE(at(doc, s("/components/responses/TooManyRequests/headers")),
             jsonValue(R"({"Retry-After": {"$ref": "#/components/headers/RetryAfter"}})"));
    QCOMPARE(at(doc, s("/components/headers/RetryAfter/schema")),
             jsonValue(R"({"type": "integer", "minimum": 1})"));
    QCOMPARE(at(doc, s("/components/responses/MethodNotAllowed/headers")),
             jsonValue(R"({"Allow": {"$ref": "#/components/headers/Allow"}})"));
    // X-Execution-Id where an execution was created, and only there.
    for (const char *name : {"BadRequest", "CardFailed", "Unavailable", "Timeout"})
        QCOMPARE(at(doc, s("/components/responses/") + s(name) + s("/headers/X-Execution-Id")),
                 jsonValue(R"({"$ref": "#/components/headers/ExecutionId"})"));
    for (const char *name : {"NotFound", "ExecutionNotFound", "MethodNotAllowed", "FlowInactive",
                             "ResumeConflict", "PayloadTooLarge", "TooManyRequests"})
        QVERIFY2(at(doc, s("/components/responses/") + s(name) + s("/headers/X-Execution-Id")).isUndefined(),
                 name);
    // Every error answer has the shared error shape.
    const QJsonObject responses = at(doc, s("/components/responses")).toObject();
    for (auto it = responses.begin(); it != responses.end(); ++it)
        QCOMPARE(at(it.value(), s("/content/application~1json/schema/$ref")).toString(),
                 s("#/components/schemas/Error"));
}

void TestOpenApiOperations::answers_data()
{
    QTest::addColumn<QByteArray>("cards");
    QTest::addColumn<QByteArray>("content");  // of the invoke 200 response
    QTest::addColumn<QByteArray>("answer");   // components/schemas/InvokeAnswer, "null" when absent
    QTest::addColumn<QString>("description"); // a part of the 200 response's description

    const QByteArray generic = R"({"application/json": {"schema": {"type": "object"}}})";
    const QByteArray returned =
        R"({"application/json": {"schema": {"$ref": "#/components/schemas/InvokeAnswer"}}})";
    const QByteArray raw = R"({"*/*": {"schema": {}}})";

    QTest::newRow("no cards") << QByteArray("[]") << generic << QByteArray("null")
                              << s("without a Return card");
    QTest::newRow("no Return card")
        << QByteArray(
               R"([{"id": "c", "function": "flow.comment", "inputs": [{"name": "text", "value": "hi"}]}])")
        << generic << QByteArray("null") << s("Continue If");
    QTest::newRow("Return, typed and untyped fields")
        << QByteArray(R"([{"id": "r", "function": "flow.return", "inputs": [
                          {"name": "n", "type": "number", "value": 1},
                          {"name": "when", "type": "datetime", "ref": "event.context.execution_id"},
                          {"name": "loose", "value": 1}]}])")
        << returned
        << QByteArray(R"({"type": "object", "properties": {"n": {"type": "number", "nullable": true},
                          "when": {"type": "string", "format": "date-time", "nullable": true}, "loose": {}}})")
        << s("Return card 'r'");
    QTest::newRow("Return without fields")
        << QByteArray(R"([{"id": "r", "function": "flow.return", "name": "Done"}])") << returned
        << QByteArray(R"({"type": "object", "properties": {}})") << s("Return card 'Done'");
    QTest::newRow("Continue If, then Return")
        << QByteArray(R"([{"id": "go", "function": "branching.continueIf", "inputs": [
                          {"name": "a", "value": 1}, {"name": "operator", "value": "equal to"}, {"name": "b", "value": 1}]},
                          {"id": "r", "function": "flow.return", "inputs": [{"name": "t", "type": "text", "value": "x"}]}])")
        << returned
        << QByteArray(R"({"type": "object", "properties": {"t": {"type": "string", "nullable": true}}})")
        << s("Return card 'r'");
    QTest::newRow("Return only inside a block")
        << QByteArray(R"([{"id": "b", "function": "branching.ifElse", "inputs": [
                          {"name": "a", "value": 1}, {"name": "operator", "value": "equal to"}, {"name": "b", "value": 1}],
                          "blocks": [{"label": "if", "cards": [{"id": "r", "function": "flow.return",
                          "inputs": [{"name": "t", "type": "text", "value": "x"}]}]},
                          {"label": "else", "cards": []}]}])")
        << generic << QByteArray("null") << s("without a Return card");
    QTest::newRow("the first answering card counts")
        << QByteArray(
               R"([{"id": "r", "function": "flow.return", "inputs": [{"name": "t", "type": "text", "value": "x"}]},
                          {"id": "raw", "function": "flow.returnRaw", "inputs": [{"name": "body", "value": "y"}]}])")
        << returned
        << QByteArray(R"({"type": "object", "properties": {"t": {"type": "string", "nullable": true}}})")
        << s("Return card 'r'");
    QTest::newRow("Return Raw") << QByteArray(R"([{"id": "raw", "function": "flow.returnRaw",
                                                  "inputs": [{"name": "body", "value": "y"}]}])")
                                << raw << QByteArray("null") << s("'raw' sets");
    QTest::newRow("Close") << QByteArray(R"([{"id": "early", "function": "flow.close",
                                              "inputs": [{"name": "body", "value": "y"}]}])")
                           << raw << QByteArray("null") << s("'early' sets");
    QTest::newRow("Pause")
        << QByteArray(R"([{"id": "p", "function": "flow.pause",
                                              "inputs": [{"name": "state", "type": "text", "value": "waiting"}],
                                              "outputs": [{"name": "ok", "type": "boolean"}]}])")
        << returned
        << QByteArray(R"({"type": "object", "properties": {"state": {"type": "string", "nullable": true}}})")
        << s("paused at 'p'");
    QTest::newRow("Pause Raw") << QByteArray(R"([{"id": "pr", "function": "flow.pauseRaw",
                                                  "inputs": [{"name": "body", "value": "wait"}]}])")
                               << raw << QByteArray("null") << s("'pr' sets");
}

void TestOpenApiOperations::answers()
{
    QFETCH(QByteArray, cards);
    QFETCH(QByteArray, content);
    QFETCH(QByteArray, answer);
    QFETCH(QString, description);
    const ParsedFlow made = makeFlow(s("none"), kNoFields, cards);
    QVERIFY2(made.problems.isEmpty(), qPrintable(made.problems));
    const QJsonObject doc = openApiDocument(made.flow, kBase);
    const QStringList problems = checkDocument(doc);
    QVERIFY2(problems.isEmpty(), describe(problems).constData());

    for (const char *route : {"@invoke/get", "@invoke/post"}) {
        const QJsonObject ok =
            at(doc, expandPointer(s(route), kAlias) + QStringLiteral("/responses/200")).toObject();
        QCOMPARE(compact(ok.value(QLatin1String("content"))), compact(jsonValue(content)));
        QVERIFY2(ok.value(QLatin1String("description")).toString().contains(description),
                 qPrintable(ok.value(QLatin1String("description")).toString()));
        QCOMPARE(ok.value(QLatin1String("headers")),
                 jsonValue(R"({"X-Execution-Id": {"$ref": "#/components/headers/ExecutionId"}})"));
    }
    const QJsonValue expectedAnswer = jsonValue(answer);
    const QJsonValue actualAnswer = at(doc, s("/components/schemas/InvokeAnswer"));
    if (expectedAnswer.isNull())
        QVERIFY2(actualAnswer.isUndefined(), compact(actualAnswer).constData());
    else
        QCOMPARE(compact(actualAnswer), compact(expectedAnswer));
}

void TestOpenApiOperations::resume_data()
{
    QTest::addColumn<QByteArray>("cards");
    QTest::addColumn<QByteArray>("body");     // resume POST requestBody content, "null" when none
    QTest::addColumn<QByteArray>("schema");   // components/schemas/ResumeBody, "null" when absent
    QTest::addColumn<QByteArray>("answer");   // resume 200 content
    QTest::addColumn<QString>("description"); // a part of the resume 200 description

    const QByteArray jsonBody =
        R"({"application/json": {"schema": {"$ref": "#/components/schemas/ResumeBody"}}})";
    const QByteArray resumeAnswer =
        R"({"application/json": {"schema": {"$ref": "#/components/schemas/ResumeAnswer"}}})";

    QTest::newRow("no Pause")
        << QByteArray(
               R"([{"id": "r", "function": "flow.return", "inputs": [{"name": "t", "type": "text", "value": "x"}]}])")
        << QByteArray("null") << QByteArray("null")
        << QByteArray(R"({"application/json": {"schema": {"$ref": "#/components/schemas/InvokeAnswer"}}})")
        << s("no Pause card");
    QTest::newRow("Pause, then Return")
        << QByteArray(
               R"([{"id": "p", "function": "flow.pause", "inputs": [{"name": "s", "type": "text", "value": "w"}],
                          "outputs": [{"name": "ok", "type": "boolean"}, {"name": "note", "type": "text"},
                                      {"name": "at", "type": "datetime"}, {"name": "tags", "type": "list<text>"},
                                      {"name": "extra", "type": "any"}]},
                          {"id": "r", "function": "flow.return", "inputs": [{"name": "done", "type": "boolean", "ref": "p.ok"}]}])")
        << jsonBody
        << QByteArray(R"({"type": "object", "properties": {"ok": {"type": "boolean", "nullable": true},
                          "note": {"type": "string", "nullable": true},
                          "at": {"type": "string", "format": "date-time", "nullable": true},
                          "tags": {"type": "array", "items": {"type": "string"}, "nullable": true}, "extra": {}}})")
        << resumeAnswer << s("Return card 'r'");
    QTest::newRow("Pause without outputs, no Return")
        << QByteArray(R"([{"id": "p", "function": "flow.pause"}])") << jsonBody
        << QByteArray(R"({"type": "object", "properties": {}})")
        << QByteArray(R"({"application/json": {"schema": {"type": "object"}}})")
        << s("without a Return card");
    QTest::newRow("two Pause cards: either may be waiting")
        << QByteArray(
               R"([{"id": "p1", "function": "flow.pause", "outputs": [{"name": "a", "type": "number"}]},
                          {"id": "p2", "function": "flow.pause", "inputs": [{"name": "step", "type": "number", "value": 2}],
                           "outputs": [{"name": "b", "type": "text"}, {"name": "a", "type": "text"}]}])")
        << jsonBody
        << QByteArray(R"({"type": "object", "properties": {"a": {"type": "number", "nullable": true},
                          "b": {"type": "string", "nullable": true}}})")
        << resumeAnswer << s("paused at 'p2'");
    QTest::newRow("Pause Raw")
        << QByteArray(
               R"([{"id": "pr", "function": "flow.pauseRaw", "inputs": [{"name": "body", "value": "wait"}]},
                          {"id": "raw", "function": "flow.returnRaw", "inputs": [{"name": "body", "ref": "pr.body"}]}])")
        << QByteArray(R"({"*/*": {"schema": {}}})") << QByteArray("null")
        << QByteArray(R"({"*/*": {"schema": {}}})") << s("'raw' sets");
}

void TestOpenApiOperations::resume()
{
    QFETCH(QByteArray, cards);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, schema);
    QFETCH(QByteArray, answer);
    QFETCH(QString, description);
    const ParsedFlow made = makeFlow(s("clientToken"), kNoFields, cards);
    QVERIFY2(made.problems.isEmpty(), qPrintable(made.problems));
    const QJsonObject doc = openApiDocument(made.flow, kBase);
    const QStringList problems = checkDocument(doc);
    QVERIFY2(problems.isEmpty(), describe(problems).constData());

    const QJsonObject path = at(doc, expandPointer(s("@resume"), kAlias)).toObject();
    QCOMPARE(path.value(QLatin1String("parameters")),
             jsonValue(R"([{"$ref": "#/components/parameters/ExecutionId"}])"));
    QCOMPARE(at(doc, s("/components/parameters/ExecutionId")),
             jsonValue(R"({"name": "executionId", "in": "path", "required": true,
                           "description": "The id of the paused execution (its X-Execution-Id).",
                           "schema": {"type": "string", "pattern": "^[0-9a-f]{32}$"}})"));
    QVERIFY(!at(path, s("/get")).toObject().contains(QLatin1String("requestBody")));
    const QJsonValue expectedBody = jsonValue(body);
    const QJsonValue actualBody = at(path, s("/post/requestBody/content"));
    if (expectedBody.isNull())
        QVERIFY2(actualBody.isUndefined(), compact(actualBody).constData());
    else
        QCOMPARE(compact(actualBody), compact(expectedBody));
    const QJsonValue expectedSchema = jsonValue(schema);
    const QJsonValue actualSchema = at(doc, s("/components/schemas/ResumeBody"));
    if (expectedSchema.isNull())
        QVERIFY2(actualSchema.isUndefined(), compact(actualSchema).constData());
    else
        QCOMPARE(compact(actualSchema), compact(expectedSchema));
    for (const char *method : {"/get", "/post"}) {
        const QJsonObject ok = at(path, s(method) + QStringLiteral("/responses/200")).toObject();
        QCOMPARE(compact(ok.value(QLatin1String("content"))), compact(jsonValue(answer)));
        QVERIFY2(ok.value(QLatin1String("description")).toString().contains(description),
                 qPrintable(ok.value(QLatin1String("description")).toString()));
    }
}

void TestOpenApiOperations::parameters_data()
{
    QTest::addColumn<QString>("level");
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<QString>("expected"); // "in:name", in order

    QTest::newRow("none declared") << s("none") << kNoFields << QString();
    QTest::newRow("query then headers, lower-cased")
        << s("none")
        << QByteArray(
               R"({"body": [], "query": [{"name": "lang", "type": "text"}, {"name": "Page", "type": "number"}],
                          "headers": [{"name": "X-Trace", "type": "text"}]})")
        << s("query:lang query:Page header:x-trace");
    QTest::newRow("client token parameters belong to the security scheme")
        << s("clientToken")
        << QByteArray(
               R"({"body": [], "query": [{"name": "clientToken", "type": "text"}, {"name": "q", "type": "text"}],
                          "headers": [{"name": "x-api-client-token", "type": "text"}, {"name": "x-a", "type": "text"}]})")
        << s("query:q header:x-a");
    QTest::newRow("a public flow may read a query field named clientToken")
        << s("none") << QByteArray(R"({"body": [], "query": [{"name": "clientToken", "type": "text"}],
                          "headers": [{"name": "x-api-client-token", "type": "text"}]})")
        << s("query:clientToken header:x-api-client-token");
    QTest::newRow("headers OpenAPI ignores")
        << s("oauth2")
        << QByteArray(R"({"body": [], "query": [], "headers": [{"name": "Authorization", "type": "text"},
                          {"name": "content-type", "type": "text"}, {"name": "accept", "type": "text"},
                          {"name": "x-b", "type": "boolean"}]})")
        << s("header:x-b");
    QTest::newRow("reserved query names")
        << s("none")
        << QByteArray(R"({"body": [], "query": [{"name": "x-okta-workflows-debug", "type": "text"},
                          {"name": "ok", "type": "text"}], "headers": []})")
        << s("query:ok");
}

void TestOpenApiOperations::parameters()
{
    QFETCH(QString, level);
    QFETCH(QByteArray, event);
    QFETCH(QString, expected);
    const ParsedFlow made = makeFlow(level, event, "[]");
    QVERIFY2(made.problems.isEmpty(), qPrintable(made.problems));
    const QJsonObject doc = openApiDocument(made.flow, kBase);
    const QStringList problems = checkDocument(doc);
    QVERIFY2(problems.isEmpty(), describe(problems).constData());
    for (const char *route : {"@invoke/get", "@invoke/post"}) {
        const QJsonObject operation = at(doc, expandPointer(s(route), kAlias)).toObject();
        QCOMPARE(operation.contains(QLatin1String("parameters")), !expected.isEmpty());
        QStringList actual;
        for (const QJsonValue &parameter : operation.value(QLatin1String("parameters")).toArray())
            actual.append(parameter.toObject().value(QLatin1String("in")).toString() + QLatin1Char(':') +
                          parameter.toObject().value(QLatin1String("name")).toString());
        QCOMPARE(actual.join(QLatin1Char(' ')), expected);
    }
    // The resume route reads no declared query or header field.
    for (const char *route : {"@resume/get", "@resume/post"})
        QVERIFY(!at(doc, expandPointer(s(route), kAlias)).toObject().contains(QLatin1String("parameters")));
}

void TestOpenApiOperations::requestBody_data()
{
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<QByteArray>("cards");
    QTest::addColumn<QByteArray>("content"); // invoke POST requestBody content, "null" when none

    const QByteArray readsRaw =
        R"([{"id": "t", "function": "text.length", "inputs": [{"name": "text", "ref": "event.raw.body"}]}])";
    QTest::newRow("nothing read") << kNoFields << QByteArray("[]") << QByteArray("null");
    QTest::newRow("only the query read")
        << kNoFields
        << QByteArray(
               R"([{"id": "t", "function": "text.length", "inputs": [{"name": "text", "ref": "event.raw.query"}]}])")
        << QByteArray("null");
    QTest::newRow("raw body read") << kNoFields << readsRaw << QByteArray(R"({"*/*": {"schema": {}}})");
    QTest::newRow("raw object read in a block condition")
        << kNoFields << QByteArray(R"([{"id": "b", "function": "branching.ifElseIf", "blocks": [
                          {"label": "if", "condition": [{"name": "a", "ref": "event.raw"}, {"name": "operator", "value": "is empty"}],
                           "cards": []}, {"label": "else", "cards": []}]}])")
        << QByteArray(R"({"*/*": {"schema": {}}})");
    QTest::newRow("declared fields")
        << QByteArray(R"({"body": [{"name": "n", "type": "number"}], "query": [], "headers": []})")
        << QByteArray("[]")
        << QByteArray(R"({"application/json": {"schema": {"$ref": "#/components/schemas/InvokeBody"}},
                          "application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/InvokeBody"}}})");
    QTest::newRow("declared fields and the raw body")
        << QByteArray(R"({"body": [{"name": "o", "type": "object"}], "query": [], "headers": []})")
        << readsRaw << QByteArray(R"({"*/*": {"schema": {}},
                          "application/json": {"schema": {"$ref": "#/components/schemas/InvokeBody"}},
                          "application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/InvokeBody"},
                                                                "encoding": {"o": {"contentType": "application/json"}}}})");
}

void TestOpenApiOperations::requestBody()
{
    QFETCH(QByteArray, event);
    QFETCH(QByteArray, cards);
    QFETCH(QByteArray, content);
    const ParsedFlow made = makeFlow(s("none"), event, cards);
    QVERIFY2(made.problems.isEmpty(), qPrintable(made.problems));
    const QJsonObject doc = openApiDocument(made.flow, kBase);
    const QStringList problems = checkDocument(doc);
    QVERIFY2(problems.isEmpty(), describe(problems).constData());
    QVERIFY(
        !at(doc, expandPointer(s("@invoke/get"), kAlias)).toObject().contains(QLatin1String("requestBody")));
    const QJsonValue body = at(doc, expandPointer(s("@invoke/post/requestBody"), kAlias));
    const QJsonValue expected = jsonValue(content);
    if (expected.isNull()) {
        QVERIFY2(body.isUndefined(), compact(body).constData());
        return;
    }
    QCOMPARE(body.toObject().value(QLatin1String("required")), QJsonValue(false));
    QVERIFY(!body.toObject().value(QLatin1String("description")).toString().isEmpty());
    QCOMPARE(compact(body.toObject().value(QLatin1String("content"))), compact(expected));
}

void TestOpenApiOperations::flowStatuses_data()
{
    QTest::addColumn<QByteArray>("cards");
    QTest::addColumn<QString>("extra");   // responses beyond the pipeline's: "code=component"
    QTest::addColumn<QString>("content"); // media type of the flow's own responses

    QTest::newRow("Return Error 422")
        << QByteArray(R"([{"id": "e", "function": "error.returnError", "name": "Reject",
                          "inputs": [{"name": "statusCode", "value": 422}, {"name": "message", "value": "no"}]}])")
        << s("422=FlowError422") << s("application/json");
    QTest::newRow("Return Error without a status answers 400")
        << QByteArray(
               R"([{"id": "e", "function": "error.returnError", "inputs": [{"name": "message", "value": "no"}]}])")
        << QString() << QString();
    QTest::newRow("Return Error 404 is the pipeline's 404")
        << QByteArray(
               R"([{"id": "e", "function": "error.returnError", "inputs": [{"name": "statusCode", "value": 404}]}])")
        << QString() << QString();
    QTest::newRow("Return Error If with a computed status")
        << QByteArray(R"([{"id": "e", "function": "error.returnErrorIf", "inputs": [
                          {"name": "a", "value": 1}, {"name": "operator", "value": "equal to"}, {"name": "b", "value": 1},
                          {"name": "statusCode", "ref": "event.body.code"}]}])")
        << s("default=FlowDefault") << s("application/json");
    QTest::newRow("Return Raw 418 inside a block")
        << QByteArray(R"([{"id": "b", "function": "error.ifError", "blocks": [{"label": "try", "cards": []},
                          {"label": "if error", "cards": [{"id": "raw", "function": "flow.returnRaw",
                          "inputs": [{"name": "statusCode", "value": 418}]}]}]}])")
        << s("418=FlowAnswer418") << s("*/*");
    QTest::newRow("Close with a status given as text")
        << QByteArray(
               R"([{"id": "c", "function": "flow.close", "inputs": [{"name": "statusCode", "value": "451"}]}])")
        << s("451=FlowAnswer451") << s("*/*");
    QTest::newRow("a status the card refuses fails with 500")
        << QByteArray(
               R"([{"id": "raw", "function": "flow.returnRaw", "inputs": [{"name": "statusCode", "value": 302}]},
                          {"id": "e", "function": "error.returnError", "inputs": [{"name": "statusCode", "value": 200}]}])")
        << QString() << QString();
    QTest::newRow("Return Raw with a computed status")
        << QByteArray(
               R"([{"id": "raw", "function": "flow.returnRaw", "inputs": [{"name": "statusCode", "ref": "event.body.s"}]}])")
        << s("default=FlowDefault") << s("*/*");
    QTest::newRow("several")
        << QByteArray(
               R"([{"id": "e1", "function": "error.returnError", "inputs": [{"name": "statusCode", "value": 402}]},
                          {"id": "e2", "function": "error.returnError", "inputs": [{"name": "statusCode", "value": 599}]}])")
        << s("402=FlowError402 599=FlowError599") << s("application/json");
}

void TestOpenApiOperations::flowStatuses()
{
    QFETCH(QByteArray, cards);
    QFETCH(QString, extra);
    QFETCH(QString, content);
    const ParsedFlow made = makeFlow(s("none"), kNoFields, cards);
    QVERIFY2(made.problems.isEmpty(), qPrintable(made.problems));
    const QJsonObject doc = openApiDocument(made.flow, kBase);
    const QStringList problems = checkDocument(doc);
    QVERIFY2(problems.isEmpty(), describe(problems).constData());
    static const QStringList pipeline{s("200"), s("400"), s("404"), s("405"), s("409"),
                                      s("413"), s("429"), s("500"), s("503"), s("504")};
    for (const char *route : {"@invoke/get", "@invoke/post", "@resume/get", "@resume/post"}) {
        const QJsonObject responses =
            at(doc, expandPointer(s(route), kAlias) + QStringLiteral("/responses")).toObject();
        QStringList actual;
        for (const QString &code : sortedKeys(responses)) {
            if (pipeline.contains(code))
                continue;
            const QString target =
                at(responses, QLatin1Char('/') + code + QStringLiteral("/$ref")).toString();
            actual.append(code + QLatin1Char('=') + target.section(QLatin1Char('/'), -1));
            const QJsonObject response = at(doc, target.mid(1)).toObject();
            QCOMPARE(sortedKeys(response.value(QLatin1String("content")).toObject()), QStringList{content});
            QCOMPARE(at(response, s("/headers/X-Execution-Id/$ref")).toString(),
                     s("#/components/headers/ExecutionId"));
        }
        QCOMPARE(actual.join(QLatin1Char(' ')), extra);
    }
}

QTEST_GUILESS_MAIN(TestOpenApiOperations)
#include "tst_openapioperations.moc"
