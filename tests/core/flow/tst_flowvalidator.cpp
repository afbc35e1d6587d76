// The flow validator: every semantic problem reported with its card and field; the samples and flow folders
// load.

#include "FlowTestSupport.h"

using namespace wf;
using namespace wf::flowtest;

class TestFlowValidator final : public QObject {
    Q_OBJECT

private slots:
    void validatorProblems_data();
    void validatorProblems();
    void validFlows_data();
    void validFlows();
    void severalProblemsAllReported();
    void samplesLoadWithoutProblems();
    void libraryReportsBrokenFiles();
};

void TestFlowValidator::validatorProblems_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("withLibrary");
    QTest::addColumn<QString>("cardId");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    QTest::addRow("unknown function") << endpointFlow(R"([{"id": "c1", "function": "text.nope"}])") << false
                                      << s("c1") << s("function") << s("unknown function 'text.nope'");
    QTest::addRow("unknown input on a fixed-input card")
        << endpointFlow(
               R"([{"id": "c1", "function": "text.toLowerCase", "inputs": [{"name": "txt", "value": "A"}]}])")
        << false << s("c1") << s("txt") << s("To Lower Case has no input 'txt'");
    QTest::addRow("missing required input")
        << endpointFlow(
               R"([{"id": "c1", "function": "text.compose", "inputs": [{"name": "x", "value": "A"}]}])")
        << false << s("c1") << s("template") << s("a value or a reference is required");
    QTest::addRow("required input without value or ref")
        << endpointFlow(
               R"([{"id": "c1", "function": "number.subtract", "inputs": [{"name": "a", "value": 1}, {"name": "b"}]}])")
        << false << s("c1") << s("b") << s("a value or a reference is required");
    QTest::addRow("reference to a later card")
        << endpointFlow(
               R"([{"id": "c1", "function": "text.trim", "inputs": [{"name": "text", "ref": "c2.output"}]},
                            {"id": "c2", "function": "text.trim", "inputs": [{"name": "text", "value": "x"}]}])")
        << false << s("c1") << s("text")
        << s("c2.output refers to card 'c2', which does not run before this one");
    QTest::addRow("reference to itself")
        << endpointFlow(
               R"([{"id": "c1", "function": "text.trim", "inputs": [{"name": "text", "ref": "c1.output"}]}])")
        << false << s("c1") << s("text") << s("does not run before this one");
    QTest::addRow("reference to a missing card")
        << endpointFlow(
               R"([{"id": "c1", "function": "text.trim", "inputs": [{"name": "text", "ref": "ghost.output"}]}])")
        << false << s("c1") << s("text") << s("refers to a card 'ghost' that does not exist");
    QTest::addRow("reference into a block from outside")
        << endpointFlow(R"([{"id": "guard", "function": "error.ifError", "blocks": [
               {"label": "try", "cards": [{"id": "inner", "function": "text.trim", "inputs": [{"name": "text", "value": "x"}]}]},
               {"label": "if error", "cards": []}]},
               {"id": "after", "function": "text.trim", "inputs": [{"name": "text", "ref": "inner.output"}]}])")
        << false << s("after") << s("text") << s("does not run before this one");
    QTest::addRow("reference into a sibling block")
        << endpointFlow(
               R"([{"id": "branch", "function": "branching.ifElse", "inputs": [{"name": "a", "value": 1}, {"name": "b", "value": 1}],
               "blocks": [
               {"label": "if", "cards": [{"id": "yes", "function": "text.trim", "inputs": [{"name": "text", "value": "x"}]}]},
               {"label": "else", "cards": [{"id": "no", "function": "text.trim", "inputs": [{"name": "text", "ref": "yes.output"}]}]}]}])")
        << false << s("no") << s("text") << s("does not run before this one");
    QTest::addRow("reference to a missing output")
        << endpointFlow(R"([{"id": "c1", "function": "text.trim", "inputs": [{"name": "text", "value": "x"}]},
                            {"id": "c2", "function": "text.trim", "inputs": [{"name": "text", "ref": "c1.result"}]}])")
        << false << s("c2") << s("text") << s("card 'c1' has no output 'result'");
    QTest::addRow("fields of a Number output")
        << endpointFlow(
               R"([{"id": "len", "function": "text.length", "inputs": [{"name": "text", "value": "x"}]},
                            {"id": "c2", "function": "text.trim", "inputs": [{"name": "text", "ref": "len.length.digits"}]}])")
        << false << s("c2") << s("text") << s("'length' is Number and has no fields");
    QTest::addRow("undeclared body field")
        << endpointFlow(
               R"([{"id": "c1", "function": "text.trim", "inputs": [{"name": "text", "ref": "event.body.nope"}]}])")
        << false << s("c1") << s("text") << s("event.body.nope is not a declared body field");
    QTest::addRow("undeclared query field")
        << endpointFlow(
               R"([{"id": "c1", "function": "text.trim", "inputs": [{"name": "text", "ref": "event.query.name"}]}])")
        << false << s("c1") << s("text") << s("event.query.name is not a declared query field");
    QTest::addRow("undeclared header (names are lower-case)")
        << endpointFlow(
               R"([{"id": "c1", "function": "text.trim", "inputs": [{"name": "text", "ref": "event.headers.X-H"}]}])")
        << false << s("c1") << s("text") << s("event.headers.X-H is not a declared header field");
    QTest::addRow("unknown event output")
        << endpointFlow(
               R"([{"id": "c1", "function": "text.trim", "inputs": [{"name": "text", "ref": "event.params.x"}]}])")
        << false << s("c1") << s("text") << s("the API Endpoint card has no output event.params.x");
    QTest::addRow("unknown raw output")
        << endpointFlow(
               R"([{"id": "c1", "function": "text.trim", "inputs": [{"name": "text", "ref": "event.raw.bytes"}]}])")
        << false << s("c1") << s("text") << s("has no output event.raw.bytes");
    QTest::addRow("unknown context output")
        << endpointFlow(
               R"([{"id": "c1", "function": "text.trim", "inputs": [{"name": "text", "ref": "event.context.user"}]}])")
        << false << s("c1") << s("text") << s("has no output event.context.user");
    QTest::addRow("undeclared helper input")
        << helperFlow(
               R"([{"id": "c1", "function": "text.trim", "inputs": [{"name": "text", "ref": "event.body.x"}]}])")
        << false << s("c1") << s("text") << s("the Helper Flow card has no input 'body'");
    QTest::addRow("Object output into a Number input")
        << endpointFlow(
               R"([{"id": "obj", "function": "object.construct", "inputs": [{"name": "k", "value": 1}]},
                            {"id": "sum", "function": "number.add", "inputs": [{"name": "a", "ref": "obj.output"}, {"name": "b", "value": 1}]}])")
        << false << s("sum") << s("a") << s("obj.output is Object and can never become Number");
    QTest::addRow("Object body field into a Number input")
        << endpointFlow(
               R"([{"id": "sum", "function": "number.add", "inputs": [{"name": "a", "ref": "event.body.profile"}, {"name": "b", "value": 1}]}])")
        << false << s("sum") << s("a") << s("event.body.profile is Object and can never become Number");
    QTest::addRow("List into an Object input")
        << endpointFlow(
               R"([{"id": "keys", "function": "object.keys", "inputs": [{"name": "object", "ref": "event.body.items"}]}])")
        << false << s("keys") << s("object") << s("is List of Object and can never become Object");
    QTest::addRow("Number into a declared Object input")
        << endpointFlow(
               R"([{"id": "ret", "function": "flow.return", "inputs": [{"name": "x", "type": "object", "ref": "event.body.count"}]}])")
        << false << s("ret") << s("x") << s("is Number and can never become Object");
    QTest::addRow("constant abc for a Number input")
        << endpointFlow(
               R"([{"id": "sum", "function": "number.add", "inputs": [{"name": "a", "value": "abc"}, {"name": "b", "value": 1}]}])")
        << false << s("sum") << s("a") << s("cannot convert text \"abc\" to Number");
    QTest::addRow("constant object for a Text input of a declared type")
        << endpointFlow(
               R"([{"id": "ret", "function": "flow.return", "inputs": [{"name": "n", "type": "number", "value": {"a": 1}}]}])")
        << false << s("ret") << s("n") << s("cannot convert Object to Number");
    QTest::addRow("Pause nested in a block")
        << endpointFlow(R"([{"id": "guard", "function": "error.ifError", "blocks": [
               {"label": "try", "cards": [{"id": "wait", "function": "flow.pause"}]},
               {"label": "if error", "cards": []}]}])")
        << false << s("wait") << QString() << s("Pause cannot be nested inside a block");
    QTest::addRow("Pause Raw nested in a block")
        << endpointFlow(R"([{"id": "branch", "function": "branching.ifElse", "blocks": [
               {"label": "if", "cards": []},
               {"label": "else", "cards": [{"id": "wait", "function": "flow.pauseRaw"}]}]}])")
        << false << s("wait") << QString() << s("Pause Raw cannot be nested inside a block");
    QTest::addRow("Pause in a helper flow")
        << helperFlow(R"([{"id": "wait", "function": "flow.pause"}])") << false << s("wait") << QString()
        << s("Pause cannot be used in a helper flow");
    QTest::addRow("If/Else with three blocks")
        << endpointFlow(R"([{"id": "branch", "function": "branching.ifElse", "blocks": [
               {"label": "if", "cards": []}, {"label": "else", "cards": []}, {"label": "more", "cards": []}]}])")
        << false << s("branch") << s("blocks") << s("If/Else has exactly two blocks");
    QTest::addRow("If/Else with one block")
        << endpointFlow(
               R"([{"id": "branch", "function": "branching.ifElse", "blocks": [{"label": "if", "cards": []}]}])")
        << false << s("branch") << s("blocks") << s("If/Else has exactly two blocks");
    QTest::addRow("If/Else block with a condition")
        << endpointFlow(R"([{"id": "branch", "function": "branching.ifElse", "blocks": [
               {"label": "if", "condition": [{"name": "a", "value": 1}], "cards": []}, {"label": "else", "cards": []}]}])")
        << false << s("branch") << s("blocks") << s("take no condition");
    QTest::addRow("If Error with one block")
        << endpointFlow(
               R"([{"id": "guard", "function": "error.ifError", "blocks": [{"label": "try", "cards": []}]}])")
        << false << s("guard") << s("blocks") << s("If Error has exactly two blocks");
    QTest::addRow("If/ElseIf with a non-final unconditioned block")
        << endpointFlow(R"([{"id": "which", "function": "branching.ifElseIf", "blocks": [
               {"label": "first", "cards": []},
               {"label": "second", "condition": [{"name": "a", "value": 1}, {"name": "operator", "value": "equal to"}, {"name": "b", "value": 1}], "cards": []}]}])")
        << false << s("which") << s("blocks") << s("block 1 needs a condition");
    QTest::addRow("If/ElseIf with one block")
        << endpointFlow(R"([{"id": "which", "function": "branching.ifElseIf", "blocks": [
               {"label": "only", "condition": [{"name": "a", "value": 1}], "cards": []}]}])")
        << false << s("which") << s("blocks") << s("If/ElseIf needs at least two blocks");
    QTest::addRow("condition with a foreign input")
        << endpointFlow(R"([{"id": "which", "function": "branching.ifElseIf", "blocks": [
               {"label": "first", "condition": [{"name": "left", "value": 1}], "cards": []}, {"label": "else", "cards": []}]}])")
        << false << s("which") << s("left") << s("a condition takes only a, operator, b and compareAs");
    QTest::addRow("condition referring to a later card")
        << endpointFlow(R"([{"id": "which", "function": "branching.ifElseIf", "blocks": [
               {"label": "first", "condition": [{"name": "a", "ref": "later.output"}], "cards": []}, {"label": "else", "cards": []}]},
               {"id": "later", "function": "text.trim", "inputs": [{"name": "text", "value": "x"}]}])")
        << false << s("which") << s("a") << s("does not run before this one");
    QTest::addRow("unknown operator on Continue If")
        << endpointFlow(
               R"([{"id": "go", "function": "branching.continueIf", "inputs": [{"name": "operator", "value": "equals"}]}])")
        << false << s("go") << s("operator") << s("unknown operator 'equals'");
    QTest::addRow("unknown operator on If/Else")
        << endpointFlow(
               R"([{"id": "branch", "function": "branching.ifElse", "inputs": [{"name": "operator", "value": "bigger than"}],
               "blocks": [{"label": "if", "cards": []}, {"label": "else", "cards": []}]}])")
        << false << s("branch") << s("operator") << s("unknown operator 'bigger than'");
    QTest::addRow("unknown operator in a condition")
        << endpointFlow(R"([{"id": "which", "function": "branching.ifElseIf", "blocks": [
               {"label": "first", "condition": [{"name": "a", "value": 1}, {"name": "operator", "value": "=="}], "cards": []},
               {"label": "else", "cards": []}]}])")
        << false << s("which") << s("operator") << s("unknown operator '=='");
    QTest::addRow("unknown operator on Assign If")
        << endpointFlow(
               R"([{"id": "pick", "function": "branching.assignIf", "inputs": [{"name": "operator", "value": "is"}]}])")
        << false << s("pick") << s("operator") << s("unknown operator 'is'");
    QTest::addRow("unknown operator on Return Error If")
        << endpointFlow(
               R"([{"id": "stop", "function": "error.returnErrorIf", "inputs": [{"name": "operator", "value": "equal"}]}])")
        << false << s("stop") << s("operator") << s("unknown operator 'equal'");
    QTest::addRow("unknown operator on Compare")
        << endpointFlow(
               R"([{"id": "cmp", "function": "boolean.compare", "inputs": [{"name": "operator", "value": "~"}]}])")
        << false << s("cmp") << s("operator") << s("unknown operator '~'");
    QTest::addRow("unknown operator on List Filter")
        << endpointFlow(
               R"([{"id": "keep", "function": "list.filter", "inputs": [{"name": "list", "value": []}, {"name": "operator", "value": "matches"}]}])")
        << false << s("keep") << s("operator") << s("unknown operator 'matches'");
    QTest::addRow("operator given as a number")
        << endpointFlow(
               R"([{"id": "go", "function": "branching.continueIf", "inputs": [{"name": "operator", "value": 1}]}])")
        << false << s("go") << s("operator") << s("unknown operator '1'");
    QTest::addRow("duplicate card id")
        << endpointFlow(R"([{"id": "c1", "function": "text.trim"}, {"id": "c1", "function": "text.trim"}])")
        << false << s("c1") << s("id") << s("another card has the same id");
    QTest::addRow("duplicate card id in a block")
        << endpointFlow(
               R"([{"id": "c1", "function": "text.trim"}, {"id": "guard", "function": "error.ifError", "blocks": [
               {"label": "try", "cards": [{"id": "c1", "function": "text.trim"}]}, {"label": "if error", "cards": []}]}])")
        << false << s("c1") << s("id") << s("another card has the same id");
    QTest::addRow("card id event") << endpointFlow(R"([{"id": "event", "function": "text.trim"}])") << false
                                   << s("event") << s("id") << s("'event' is the event card's id");
    QTest::addRow("card id with a space")
        << endpointFlow(R"([{"id": "my card", "function": "text.trim"}])") << false << s("my card") << s("id")
        << s("card ids use letters, digits");
    QTest::addRow("card id with a dot") << endpointFlow(R"([{"id": "a.b", "function": "text.trim"}])")
                                        << false << s("a.b") << s("id") << s("card ids use letters, digits");
    QTest::addRow("alias upper case")
        << endpointFlow("[]", R"(, "alias": "5F1C2A9E8B7D4C3E9A0B1C2D3E4F5A6B")") << false << QString()
        << s("alias") << s("32 lowercase hexadecimal characters");
    QTest::addRow("alias too short") << endpointFlow("[]", R"(, "alias": "5f1c2a9e")") << false << QString()
                                     << s("alias") << s("32 lowercase hexadecimal characters");
    QTest::addRow("alias not hex") << endpointFlow("[]", R"(, "alias": "zz1c2a9e8b7d4c3e9a0b1c2d3e4f5a6b")")
                                   << false << QString() << s("alias")
                                   << s("32 lowercase hexadecimal characters");
    QTest::addRow("reserved query name")
        << endpointFlow("[]").replace(R"({"name": "q", "type": "text"})",
                                      R"({"name": "x-okta-workflows-foo", "type": "text"})")
        << false << s("event") << s("x-okta-workflows-foo") << s("reserved");
    QTest::addRow("reserved query name in capitals")
        << endpointFlow("[]").replace(R"({"name": "q", "type": "text"})",
                                      R"({"name": "X-Okta-Workflows", "type": "text"})")
        << false << s("event") << s("X-Okta-Workflows") << s("reserved");
    QTest::addRow("app list without OAuth 2.0")
        << endpointFlow("[]", R"(, "endpoint": {"security": "clientToken", "apps": ["client-1"]})") << false
        << QString() << s("endpoint.apps") << s("needs the OAuth 2.0 security level");
    QTest::addRow("Call Flow without options.flow")
        << endpointFlow(R"([{"id": "call", "function": "flow.callFlow"}])") << false << s("call")
        << s("options.flow") << s("Call Flow needs the id of a helper flow");
    QTest::addRow("Call Flow Async without options.flow")
        << endpointFlow(R"([{"id": "call", "function": "flow.callFlowAsync", "options": {}}])") << false
        << s("call") << s("options.flow") << s("Call Flow Async needs the id of a helper flow");
    QTest::addRow("Map without options.flow")
        << endpointFlow(
               R"([{"id": "map", "function": "list.map", "inputs": [{"name": "list", "value": []}]}])")
        << false << s("map") << s("options.flow") << s("needs the id of a helper flow");
    QTest::addRow("Call Flow naming a missing flow")
        << endpointFlow(R"([{"id": "call", "function": "flow.callFlow", "options": {"flow": "ghost"}}])")
        << true << s("call") << s("options.flow") << s("no flow with id 'ghost'");
    QTest::addRow("Call Flow naming a non-helper flow")
        << endpointFlow(R"([{"id": "call", "function": "flow.callFlow", "options": {"flow": "endpoint"}}])")
        << true << s("call") << s("options.flow")
        << s("flow 'endpoint' does not start with a Helper Flow card");
    QTest::addRow("For Each naming a missing flow")
        << endpointFlow(
               R"([{"id": "each", "function": "list.forEach", "inputs": [{"name": "list", "value": []}], "options": {"flow": "ghost"}}])")
        << true << s("each") << s("options.flow") << s("no flow with id 'ghost'");
    QTest::addRow("If Error output after the card")
        << endpointFlow(
               R"([{"id": "guard", "function": "error.ifError", "blocks": [{"label": "try", "cards": []}, {"label": "if error", "cards": []}]},
               {"id": "after", "function": "text.trim", "inputs": [{"name": "text", "ref": "guard.error.message"}]}])")
        << false << s("after") << s("text") << s("card 'guard' has no output 'error'");
    QTest::addRow("If Error output in its try block")
        << endpointFlow(R"([{"id": "guard", "function": "error.ifError", "blocks": [
               {"label": "try", "cards": [{"id": "in-try", "function": "text.trim", "inputs": [{"name": "text", "ref": "guard.error.message"}]}]},
               {"label": "if error", "cards": []}]}])")
        << false << s("in-try") << s("text") << s("does not run before this one");
    QTest::addRow("declared outputs on a fixed card")
        << endpointFlow(
               R"([{"id": "c1", "function": "text.trim", "outputs": [{"name": "x", "type": "text"}]}])")
        << false << s("c1") << s("outputs") << s("Trim does not take declared outputs");
    QTest::addRow("blocks on a function card")
        << endpointFlow(R"([{"id": "c1", "function": "text.trim", "blocks": [{"label": "x", "cards": []}]}])")
        << false << s("c1") << s("blocks") << s("Trim has no blocks");
    QTest::addRow("problem in a nested card")
        << endpointFlow(R"([{"id": "guard", "function": "error.ifError", "blocks": [
               {"label": "try", "cards": [{"id": "deep", "function": "text.nothing"}]}, {"label": "if error", "cards": []}]}])")
        << false << s("deep") << s("function") << s("unknown function 'text.nothing'");
}

void TestFlowValidator::validatorProblems()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, withLibrary);
    QFETCH(QString, cardId);
    QFETCH(QString, field);
    QFETCH(QString, message);

    const FlowParseResult parsed = flowjson::parse(json);
    QVERIFY2(parsed.ok(),
             qPrintable(describe(parsed.problems))); // structurally fine: the validator's finding
    const FlowLibrary library = testLibrary();
    const FlowParseResult loaded = loadFlow(json, CardCatalogue::builtIn(), withLibrary ? &library : nullptr);
    QVERIFY(!loaded.ok());
    QVERIFY(loaded.flow);
    QVERIFY2(hasProblem(loaded.problems, cardId, field, message), qPrintable(describe(loaded.problems)));
    const QList<FlowProblem> direct =
        validateFlow(*parsed.flow, CardCatalogue::builtIn(), withLibrary ? &library : nullptr);
    QCOMPARE(direct.size(), loaded.problems.size());
}

void TestFlowValidator::validFlows_data()
{
    QTest::addColumn<QByteArray>("json");

    QTest::addRow("event references") << endpointFlow(R"([{"id": "ret", "function": "flow.return", "inputs": [
               {"name": "a", "ref": "event.body.name"}, {"name": "b", "ref": "event.body.items.0.price"},
               {"name": "c", "ref": "event.body.profile.address.city"}, {"name": "d", "ref": "event.query.q"},
               {"name": "e", "ref": "event.headers.x-h"}, {"name": "f", "ref": "event.raw.body"},
               {"name": "g", "ref": "event.raw.query"}, {"name": "h", "ref": "event.raw.headers"},
               {"name": "i", "ref": "event.raw.headers.content-type"}, {"name": "j", "ref": "event.context.execution_id"},
               {"name": "k", "ref": "event.context.method"}, {"name": "l", "ref": "event.context.client_id"},
               {"name": "m", "ref": "event.context.security_level"}, {"name": "n", "ref": "event.body"},
               {"name": "o", "ref": "event.context"}]}])");
    QTest::addRow("Number text into a Number input") << endpointFlow(
        R"([{"id": "sum", "function": "number.add", "inputs": [{"name": "a", "ref": "event.body.name"}, {"name": "b", "value": "2"}]}])");
    QTest::addRow("Object text into an Object input") << endpointFlow(
        R"([{"id": "keys", "function": "object.keys", "inputs": [{"name": "object", "value": "{\"a\": 1}"}]}])");
    QTest::addRow("enclosing levels are visible in blocks") << endpointFlow(
        R"([{"id": "first", "function": "text.trim", "inputs": [{"name": "text", "value": " x "}]},
               {"id": "outer", "function": "error.ifError", "outputs": [{"name": "r", "type": "text"}], "blocks": [
                 {"label": "try", "cards": [
                   {"id": "mid", "function": "text.toUpperCase", "inputs": [{"name": "text", "ref": "first.output"}]},
                   {"id": "inner", "function": "branching.ifElse", "inputs": [{"name": "a", "ref": "mid.output"}, {"name": "b", "value": "X"}],
                    "blocks": [
                      {"label": "if", "cards": [{"id": "deep", "function": "text.trim", "inputs": [{"name": "text", "ref": "mid.output"}]},
                                                {"id": "deep-ret", "function": "flow.return", "inputs": [{"name": "r", "ref": "deep.output"}]}]},
                      {"label": "else", "cards": []}]}]},
                 {"label": "if error", "cards": [
                   {"id": "msg", "function": "text.trim", "inputs": [{"name": "text", "ref": "outer.error.message"}]},
                   {"id": "nested", "function": "branching.ifElse", "blocks": [
                      {"label": "if", "cards": [{"id": "deeper", "function": "text.trim", "inputs": [{"name": "text", "ref": "outer.error.cardId"}]}]},
                      {"label": "else", "cards": []}]}]}]},
               {"id": "after", "function": "text.trim", "inputs": [{"name": "text", "ref": "outer.r"}]}])");
    QTest::addRow("declared outputs and assigned names") << endpointFlow(
        R"([{"id": "names", "function": "flow.assign", "inputs": [{"name": "total", "type": "number", "value": 3}]},
               {"id": "wait", "function": "flow.pause", "outputs": [{"name": "approved", "type": "boolean"}]},
               {"id": "double", "function": "number.multiply", "inputs": [{"name": "a", "ref": "names.total"}, {"name": "b", "ref": "wait.approved"}]},
               {"id": "which", "function": "branching.ifElseIf", "outputs": [{"name": "label", "type": "text"}], "blocks": [
                 {"label": "big", "condition": [{"name": "a", "ref": "double.result"}, {"name": "operator", "value": "greater than"}, {"name": "b", "value": 10}], "cards": []},
                 {"label": "small", "condition": [{"name": "a", "ref": "double.result"}, {"name": "operator", "value": "less than"}, {"name": "b", "value": 10}, {"name": "compareAs", "value": "number"}], "cards": []}]},
               {"id": "ret", "function": "flow.return", "inputs": [{"name": "label", "ref": "which.label"}, {"name": "n", "type": "number", "ref": "double.result"}]}])");
    QTest::addRow("Call Flow to a helper") << endpointFlow(
        R"([{"id": "call", "function": "flow.callFlow", "options": {"flow": "helper"}, "inputs": [{"name": "item", "ref": "event.body.profile"}],
               "outputs": [{"name": "total", "type": "number"}]},
               {"id": "ret", "function": "flow.return", "inputs": [{"name": "total", "ref": "call.total"}, {"name": "all", "ref": "call.output.total"}]}])");
    QTest::addRow("helper flow inputs") << helperFlow(
        R"([{"id": "get", "function": "object.get", "inputs": [{"name": "object", "ref": "event.item"}, {"name": "path", "value": "price"}]},
               {"id": "ret", "function": "flow.return", "inputs": [{"name": "price", "ref": "event.item.price"}, {"name": "v", "ref": "get.value"}]}])");
    QTest::addRow("every operator") << endpointFlow(
        R"([{"id": "c1", "function": "branching.continueIf", "inputs": [{"name": "operator", "value": "equal to"}]},
               {"id": "c2", "function": "branching.continueIf", "inputs": [{"name": "operator", "value": "not equal to"}]},
               {"id": "c3", "function": "branching.continueIf", "inputs": [{"name": "operator", "value": "greater than or equal to"}]},
               {"id": "c4", "function": "branching.continueIf", "inputs": [{"name": "operator", "value": "less than or equal to"}]},
               {"id": "c5", "function": "branching.continueIf", "inputs": [{"name": "operator", "value": "does not contain"}]},
               {"id": "c6", "function": "branching.continueIf", "inputs": [{"name": "operator", "value": "starts with"}]},
               {"id": "c7", "function": "branching.continueIf", "inputs": [{"name": "operator", "value": "ends with"}]},
               {"id": "c8", "function": "branching.continueIf", "inputs": [{"name": "operator", "value": "is not empty"}]},
               {"id": "c9", "function": "branching.continueIf", "inputs": [{"name": "operator", "value": "not in"}]},
               {"id": "c10", "function": "branching.continueIf", "inputs": [{"name": "operator", "value": "has key"}]}])");
    QTest::addRow("operators as the comparison reads them") << endpointFlow(
        R"([{"id": "c1", "function": "branching.continueIf", "inputs": [{"name": "operator", "value": "Equal To"}]},
               {"id": "c2", "function": "boolean.compare", "inputs": [{"name": "operator", "value": " greater than "}]},
               {"id": "c3", "function": "branching.assignIf", "inputs": [{"name": "operator", "value": null}]},
               {"id": "c4", "function": "error.returnErrorIf", "inputs": [{"name": "operator", "ref": "event.query.q"}]}])");
}

void TestFlowValidator::validFlows()
{
    QFETCH(QByteArray, json);
    const FlowLibrary library = testLibrary();
    const FlowParseResult loaded = loadFlow(json, CardCatalogue::builtIn(), &library);
    QVERIFY2(loaded.ok(), qPrintable(describe(loaded.problems)));
}

void TestFlowValidator::severalProblemsAllReported()
{
    const FlowParseResult loaded =
        loadFlow(readFile(fixturePath("broken-many.json")), CardCatalogue::builtIn(), nullptr);
    QVERIFY(!loaded.ok());
    const QList<FlowProblem> &problems = loaded.problems;
    const QString all = describe(problems);
    QVERIFY2(hasProblem(problems, QString(), QStringLiteral("alias"), QStringLiteral("32 lowercase")),
             qPrintable(all));
    QVERIFY2(hasProblem(problems, QStringLiteral("event"), QStringLiteral("x-okta-workflows-debug"),
                        QStringLiteral("reserved")),
             qPrintable(all));
    QVERIFY2(hasProblem(problems, QStringLiteral("first"), QStringLiteral("function"),
                        QStringLiteral("unknown function 'text.nope'")),
             qPrintable(all));
    QVERIFY2(hasProblem(problems, QStringLiteral("compose"), QStringLiteral("template"),
                        QStringLiteral("is required")),
             qPrintable(all));
    QVERIFY2(hasProblem(problems, QStringLiteral("lower"), QStringLiteral("txt"),
                        QStringLiteral("has no input 'txt'")),
             qPrintable(all));
    QVERIFY2(hasProblem(problems, QStringLiteral("sum"), QStringLiteral("a"),
                        QStringLiteral("cannot convert text \"abc\"")),
             qPrintable(all));
    QVERIFY2(hasProblem(problems, QStringLiteral("sum"), QStringLiteral("b"),
                        QStringLiteral("'nowhere' that does not exist")),
             qPrintable(all));
    QVERIFY2(hasProblem(problems, QStringLiteral("both"), QStringLiteral("text"), QStringLiteral("not both")),
             qPrintable(all));
    QVERIFY2(hasProblem(problems, QStringLiteral("first"), QStringLiteral("id"), QStringLiteral("same id")),
             qPrintable(all));
    QVERIFY2(hasProblem(problems, QStringLiteral("first"), QStringLiteral("text"),
                        QStringLiteral("event.body.undeclared")),
             qPrintable(all));
    QVERIFY2(hasProblem(problems, QStringLiteral("return"), QStringLiteral("later"),
                        QStringLiteral("does not run before")),
             qPrintable(all));
    QCOMPARE(problems.size(), 11);
}

void TestFlowValidator::samplesLoadWithoutProblems()
{
    QStringList problems;
    const FlowLibrary library = FlowLibrary::loadDirectory(samplesDir(), &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    const QStringList files =
        QDir(samplesDir()).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QCOMPARE(library.size(), files.size());
    QVERIFY(library.find(QStringLiteral("line-total")));
    QVERIFY(library.find(QStringLiteral("line-total"))->isHelper());
    QVERIFY(!library.find(QStringLiteral("nope")));
    QCOMPARE(library.flows().size(), files.size());
    QCOMPARE(library.flows().at(0)->id, QStringLiteral("approval-pause")); // file name order

    for (const QString &name : files) {
        const FlowParseResult loaded =
            loadFlow(readFile(QDir(samplesDir()).filePath(name)), CardCatalogue::builtIn(), &library);
        QVERIFY2(loaded.ok(), qPrintable(name + QStringLiteral(":\n") + describe(loaded.problems)));
    }
}

void TestFlowValidator::libraryReportsBrokenFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto write = [&](const QString &name, const QByteArray &content) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    };
    write(QStringLiteral("a-helper.json"), helperFlow("[]"));
    write(QStringLiteral("b-broken.json"), QByteArrayLiteral("{not json"));
    write(QStringLiteral("c-no-name.json"), QByteArrayLiteral(R"({"id": "x", "cards": []})"));
    write(QStringLiteral("d-endpoint.json"), endpointFlow("[]"));
    write(QStringLiteral("e-same-id.json"), endpointFlow("[]"));
    write(QStringLiteral("ignored.txt"), QByteArrayLiteral("not a flow"));

    QStringList problems;
    const FlowLibrary library = FlowLibrary::loadDirectory(dir.path(), &problems);
    QCOMPARE(library.size(), 2);
    QVERIFY(library.find(QStringLiteral("h")));
    QVERIFY(library.find(QStringLiteral("t")));
    QVERIFY(!library.find(QStringLiteral("x")));
    QCOMPARE(problems.size(), 3);
    QVERIFY2(problems.at(2).startsWith(
                 QLatin1String("e-same-id.json: another file already holds a flow with id 't'")),
             qPrintable(problems.at(2)));
    QVERIFY2(problems.at(0).startsWith(QLatin1String("b-broken.json: not valid JSON")),
             qPrintable(problems.at(0)));
    QVERIFY2(problems.at(1).startsWith(QLatin1String("c-no-name.json: field 'name'")),
             qPrintable(problems.at(1)));

    // Problems may be ignored.
    QCOMPARE(FlowLibrary::loadDirectory(dir.path(), nullptr).size(), 2);
    // A folder that does not exist gives an empty library.
    QCOMPARE(FlowLibrary::loadDirectory(dir.filePath(QStringLiteral("missing")), &problems).size(), 0);
}

QTEST_GUILESS_MAIN(TestFlowValidator)
#include "tst_flowvalidator.moc"
