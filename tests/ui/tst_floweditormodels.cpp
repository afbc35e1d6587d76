// The flow editor without its widgets: the edit functions (find, insert, move, remove, bind, rename
// with the references that follow), the output scoping (as the validator scopes), constants typed per
// type, the undo steps of FlowDocument (snapshots, merging while typing), the test run as the Invoke
// URL would answer, and the problem and trace models under QAbstractItemModelTester.

#include "UiTestSupport.h"
#include "editor/FlowDocument.h"
#include "editor/FlowEdits.h"
#include "editor/OutputScope.h"
#include "editor/ProblemListModel.h"
#include "editor/RunTraceModel.h"
#include "editor/TestRun.h"
#include "editor/ValueText.h"
#include "engine/CardCatalogue.h"
#include "engine/CardIds.h"
#include "flow/FlowValidator.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace wf;
using namespace wf::ui;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

Flow sample(const QString &id)
{
    static MemorySecretStore secrets;
    static QTemporaryDir dir;
    static const auto workspace = Workspace::create(dir.path(), secrets);
    const Flow *flow = workspace ? workspace->flowById(id) : nullptr;
    return flow ? *flow : Flow();
}

QStringList references(Flow flow)
{
    QStringList refs;
    flowedit::rewriteReferences(flow, [&](Binding &binding) {
        refs.append(binding.reference);
        return false;
    });
    return refs;
}

QStringList ids(const QList<OutputRef> &outputs)
{
    QStringList result;
    for (const OutputRef &output : outputs)
        result.append(output.reference);
    return result;
}

} // namespace

class TestFlowEditorModels final : public QObject {
    Q_OBJECT

private slots:
    void findsAndLocatesNestedCards();
    void newCardsGetFreshIdsAndTheirBlocks();
    void insertsMovesAndRemovesCards();
    void movesCardsBetweenBlocksButNeverIntoThemselves();
    void bindsCatalogueAndConditionInputs();
    void renamesCardsFieldsAndOutputsWithTheirReferences();
    void renameRefusesBadIds_data();
    void renameRefusesBadIds();
    void scopesOutputsAsTheValidatorDoes();
    void eventOutputsOfBothEventKinds();
    void constantsFollowTheInputType_data();
    void constantsFollowTheInputType();
    void documentUndoesAndRedoesSnapshots();
    void documentMergesTyping();
    void documentKeepsHeaderOutOfUndo();
    void testRunAnswersLikeTheInvokeUrl();
    void testRunsHelperFlowsWithInputs();
    void sampleRequestFromDeclaredFields();
    void problemModel();
    void traceModel();
};

void TestFlowEditorModels::findsAndLocatesNestedCards()
{
    const Flow flow = sample(s("customer-oauth"));
    QVERIFY(flowedit::findCard(flow, s("found-return")));
    QCOMPARE(flowedit::findCard(flow, s("nope")), nullptr);
    const auto at = flowedit::locate(flow, s("not-found"));
    QVERIFY(at);
    QCOMPARE(at->parentCardId, s("lookup"));
    QCOMPARE(at->block, 1);
    QCOMPARE(at->index, 0);
    const auto top = flowedit::locate(flow, s("return"));
    QVERIFY(top && top->parentCardId.isEmpty());
    QCOMPARE(top->index, 4);
    QCOMPARE(flowedit::allCardIds(flow),
             (QStringList{s("directory"), s("known"), s("lookup"), s("found"), s("found-return"),
                          s("not-found"), s("upper-tier"), s("return")}));
    QVERIFY(flowedit::isWithin(flow, s("found"), s("lookup")));
    QVERIFY(!flowedit::isWithin(flow, s("return"), s("lookup")));
    QCOMPARE(flowedit::cardsAt(flow, s("lookup"), 2), nullptr);
}

void TestFlowEditorModels::newCardsGetFreshIdsAndTheirBlocks()
{
    Flow flow = sample(s("hello-public"));
    const CardCatalogue &catalogue = CardCatalogue::builtIn();
    const CardNode compose = flowedit::newCard(flow, *catalogue.find(s("text.compose")));
    QCOMPARE(compose.id, s("compose1"));
    QVERIFY(flowedit::insertCard(flow, {}, compose));
    QCOMPARE(flowedit::newCard(flow, *catalogue.find(s("text.compose"))).id, s("compose2"));
    QCOMPARE(flowedit::newCard(flow, *catalogue.find(s("text.toLowerCase"))).id, s("toLowerCase1"));

    const CardNode ifElseIf = flowedit::newCard(flow, *catalogue.find(cardid::kIfElseIf));
    QCOMPARE(ifElseIf.blocks.size(), 2);
    QCOMPARE(ifElseIf.blocks.first().condition.size(), 1); // a branch has a condition, the else none
    QVERIFY(ifElseIf.blocks.last().condition.isEmpty());
    const CardNode ifError = flowedit::newCard(flow, *catalogue.find(cardid::kIfError));
    QCOMPARE(ifError.blocks.first().label, s("try"));
    QCOMPARE(ifError.blocks.last().label, s("if error"));
    // Fresh block cards validate: no problem comes from their shape.
    Flow withBlocks = flow;
    QVERIFY(flowedit::insertCard(withBlocks, {}, ifElseIf));
    QVERIFY(flowedit::insertCard(withBlocks, {}, ifError));
    QVERIFY(flowedit::insertCard(withBlocks, {},
                                 flowedit::newCard(withBlocks, *catalogue.find(cardid::kIfElse))));
    for (const FlowProblem &problem : validateFlow(withBlocks, catalogue, nullptr))
        QVERIFY2(problem.field != s("blocks"), qPrintable(problem.toString()));
    // The same id twice is refused.
    QVERIFY(!flowedit::insertCard(flow, {}, compose));
}

void TestFlowEditorModels::insertsMovesAndRemovesCards()
{
    Flow flow = sample(s("hello-public"));
    CardNode card = flowedit::newCard(flow, *CardCatalogue::builtIn().find(s("text.trim")));
    QVERIFY(flowedit::insertCard(flow, {QString(), -1, 1}, card));
    QCOMPARE(flowedit::allCardIds(flow).at(1), s("trim1"));
    QVERIFY(flowedit::moveCard(flow, s("trim1"), -1));
    QCOMPARE(flowedit::allCardIds(flow).first(), s("trim1"));
    QVERIFY(!flowedit::moveCard(flow, s("trim1"), -1)); // already first
    QVERIFY(flowedit::moveCard(flow, s("trim1"), 2));
    QCOMPARE(flowedit::allCardIds(flow).at(2), s("trim1"));
    QVERIFY(flowedit::removeCard(flow, s("trim1")));
    QVERIFY(!flowedit::findCard(flow, s("trim1")));
    QVERIFY(!flowedit::removeCard(flow, s("trim1")));
    // Into a block that does not exist: refused.
    QVERIFY(!flowedit::insertCard(flow, {s("greeting"), 0, -1}, card));
}

void TestFlowEditorModels::movesCardsBetweenBlocksButNeverIntoThemselves()
{
    Flow flow = sample(s("customer-oauth"));
    QVERIFY(flowedit::moveCardTo(flow, s("upper-tier"), {s("lookup"), 0, 1}));
    QCOMPARE(flowedit::locate(flow, s("upper-tier"))->parentCardId, s("lookup"));
    QCOMPARE(flowedit::cardsAt(flow, s("lookup"), 0)->at(1).id, s("upper-tier"));
    QVERIFY(!flowedit::moveCardTo(flow, s("lookup"), {s("lookup"), 1, -1}));
    QVERIFY(!flowedit::moveCardTo(flow, s("directory"), {QString(), -1, 1})); // where it is already
    QVERIFY(flowedit::moveCardTo(flow, s("directory"), {QString(), -1, -1}));
    QCOMPARE(flowedit::allCardIds(flow).last(), s("directory"));
}

void TestFlowEditorModels::bindsCatalogueAndConditionInputs()
{
    Flow flow = sample(s("hello-public"));
    const flowedit::InputKey template_{s("greeting"), -1, s("template")};
    QVERIFY(flowedit::setBinding(flow, template_, Binding::fromConstant(s("Hi {{name}}"))));
    QCOMPARE(flowedit::findInput(flow, template_)->binding.constant.toString(), s("Hi {{name}}"));
    // Unsetting a catalogue input removes it; a declared input keeps its entry.
    QVERIFY(flowedit::setBinding(flow, template_, Binding()));
    QCOMPARE(flowedit::findInput(flow, template_), nullptr);
    const flowedit::InputKey declared{s("greeting"), -1, s("name")};
    QVERIFY(flowedit::setBinding(flow, declared, Binding()));
    QVERIFY(flowedit::findInput(flow, declared));
    QCOMPARE(flowedit::findInput(flow, declared)->binding.kind, Binding::Kind::Unset);
    QVERIFY(flowedit::setBinding(flow, {s("length"), -1, s("text")},
                                 flowedit::referenceBinding(s("event.body.name"))));
    QCOMPARE(flowedit::findInput(flow, {s("length"), -1, s("text")})->binding.reference,
             s("event.body.name"));

    CardNode branch = flowedit::newCard(flow, *CardCatalogue::builtIn().find(cardid::kIfElseIf));
    QVERIFY(flowedit::insertCard(flow, {}, branch));
    const flowedit::InputKey a{branch.id, 0, s("a")};
    QVERIFY(flowedit::setBinding(flow, a, flowedit::referenceBinding(s("length.length"))));
    QCOMPARE(flowedit::findInput(flow, a)->binding.reference, s("length.length"));
    QVERIFY(!flowedit::setBinding(flow, {branch.id, 5, s("a")}, Binding()));
    QCOMPARE(flowedit::referenceBinding(s("nodot")).kind, Binding::Kind::Unset);
}

void TestFlowEditorModels::renamesCardsFieldsAndOutputsWithTheirReferences()
{
    Flow flow = sample(s("hello-public"));
    QString why;
    QVERIFY(flowedit::renameCardId(flow, s("greeting"), s("hello"), &why));
    QVERIFY(references(flow).contains(s("hello.output")));
    QVERIFY(!references(flow).contains(s("greeting.output")));

    QVERIFY(flowedit::renameEventField(flow, flowedit::EventFields::Body, s("name"), s("who")));
    QCOMPARE(flow.event.body.first().name, s("who"));
    QVERIFY(references(flow).contains(s("event.body.who")));
    QVERIFY(!references(flow).contains(s("event.body.name")));
    QVERIFY(references(flow).contains(s("event.query.lang"))); // another kind of field is left alone
    QVERIFY(!flowedit::renameEventField(flow, flowedit::EventFields::Query, s("nope"), s("x")));

    flowedit::renameOutputReferences(flow, s("length"), s("length"), s("count"));
    QVERIFY(references(flow).contains(s("length.count")));
    QVERIFY(validateFlow(flow, CardCatalogue::builtIn(), nullptr).size() > 0); // Length has no output "count"

    Flow helper = sample(s("line-total"));
    const QString input = helper.event.inputs.first().name;
    QVERIFY(flowedit::renameEventField(helper, flowedit::EventFields::HelperInputs, input, s("renamed")));
    for (const QString &ref : references(helper))
        QVERIFY2(!ref.startsWith(s("event.") + input + s(".")) && ref != s("event.") + input,
                 qPrintable(ref));
    QVERIFY(validateFlow(helper, CardCatalogue::builtIn(), nullptr).isEmpty());
}

void TestFlowEditorModels::renameRefusesBadIds_data()
{
    QTest::addColumn<QString>("to");
    QTest::addRow("taken") << s("length");
    QTest::addRow("event") << s("event");
    QTest::addRow("dot") << s("a.b");
    QTest::addRow("empty") << QString();
    QTest::addRow("too long") << QString(65, QLatin1Char('x'));
}

void TestFlowEditorModels::renameRefusesBadIds()
{
    QFETCH(QString, to);
    Flow flow = sample(s("hello-public"));
    const QByteArray before = FlowDocument::contentBytes(flow);
    QString why;
    QVERIFY(!flowedit::renameCardId(flow, s("greeting"), to, &why));
    QVERIFY(!why.isEmpty());
    QCOMPARE(FlowDocument::contentBytes(flow), before);
}

void TestFlowEditorModels::scopesOutputsAsTheValidatorDoes()
{
    const Flow flow = sample(s("customer-oauth"));
    const OutputScope scope(flow, CardCatalogue::builtIn());
    const QStringList fromReturn = ids(scope.visibleFrom(s("return")));
    QVERIFY(fromReturn.contains(s("event.query.id")));
    QVERIFY(fromReturn.contains(s("lookup.customer"))); // a declared output of the block card
    QVERIFY(fromReturn.contains(s("upper-tier.output")));
    QVERIFY(!fromReturn.contains(s("found.value"))); // inside a block: not visible after it
    QVERIFY(!fromReturn.contains(s("return.output")));

    const QStringList inBlock = ids(scope.visibleFrom(s("found-return")));
    QVERIFY(inBlock.contains(s("found.value")));
    QVERIFY(inBlock.contains(s("known.result")));
    QVERIFY(!inBlock.contains(s("lookup.customer"))); // the enclosing card has not finished yet
    QVERIFY(!inBlock.contains(s("upper-tier.output")));
    QVERIFY(!ids(scope.visibleFrom(s("not-found"))).contains(s("found.value"))); // the other block

    QVERIFY(scope.canReference(s("return"), s("lookup.customer.name")));
    QVERIFY(scope.canReference(s("known"), s("event.anything")));
    QVERIFY(!scope.canReference(s("known"), s("return.x")));
    QVERIFY(!scope.canReference(s("directory"), s("known.result")));

    // If Error gives its error to its error block only; Assign's inputs are its outputs.
    const Flow echo = sample(s("echo-raw"));
    const OutputScope echoScope(echo, CardCatalogue::builtIn());
    QVERIFY(ids(echoScope.visibleFrom(s("bad-body"))).contains(s("check.error")));
    QVERIFY(!ids(echoScope.visibleFrom(s("parsed"))).contains(s("check.error")));
    QVERIFY(echoScope.canReference(s("bad-body"), s("check.error.message")));
    QVERIFY(!echoScope.canReference(s("parsed"), s("check.error")));
    CardNode assign;
    assign.id = s("vars");
    assign.function = cardid::kAssign;
    assign.inputs = {{s("total"), ValueType::number(), Binding::fromConstant(3)}};
    const QList<OutputRef> assigned = OutputScope::cardOutputs(assign, CardCatalogue::builtIn());
    QCOMPARE(assigned.size(), 1);
    QCOMPARE(assigned.first().reference, s("vars.total"));
    QCOMPARE(assigned.first().type, ValueType::number());

    // Everything the scope offers, the validator accepts; what it leaves out, the validator refuses.
    const auto problemsWith = [&](const QString &reference) {
        Flow bound = flow;
        flowedit::findCard(bound, s("return"))
            ->inputs.append({s("probe"), std::nullopt, flowedit::referenceBinding(reference)});
        QStringList found;
        for (const FlowProblem &problem : validateFlow(bound, CardCatalogue::builtIn(), nullptr)) {
            if (problem.cardId == s("return") && problem.field == s("probe"))
                found.append(problem.message);
        }
        return found;
    };
    for (const OutputRef &output : scope.visibleFrom(s("return")))
        QVERIFY2(problemsWith(output.reference).isEmpty(), qPrintable(output.reference));
    QVERIFY(!problemsWith(s("found.value")).isEmpty());
}

void TestFlowEditorModels::eventOutputsOfBothEventKinds()
{
    const QStringList api = ids(OutputScope::eventOutputs(sample(s("hello-public"))));
    QCOMPARE(api, (QStringList{s("event.body.name"), s("event.query.lang"), s("event.raw.body"),
                               s("event.raw.query"), s("event.raw.headers"), s("event.context.execution_id"),
                               s("event.context.method"), s("event.context.client_id"),
                               s("event.context.security_level")}));
    const Flow helper = sample(s("line-total"));
    const QList<OutputRef> inputs = OutputScope::eventOutputs(helper);
    QCOMPARE(inputs.size(), helper.event.inputs.size());
    QCOMPARE(inputs.first().reference, s("event.") + helper.event.inputs.first().name);
}

void TestFlowEditorModels::constantsFollowTheInputType_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QJsonValue>("value");
    QTest::addRow("text keeps digits") << s("text") << s("42") << QJsonValue(s("42"));
    QTest::addRow("number") << s("number") << s("2.5") << QJsonValue(2.5);
    QTest::addRow("number not a number stays text") << s("number") << s("abc") << QJsonValue(s("abc"));
    QTest::addRow("empty number is null") << s("number") << QString() << QJsonValue(QJsonValue::Null);
    QTest::addRow("boolean") << s("boolean") << s("False") << QJsonValue(false);
    QTest::addRow("object") << s("object") << s("{\"a\": 1}") << QJsonValue(QJsonObject{{s("a"), 1}});
    QTest::addRow("list") << s("list") << s("[1, 2]") << QJsonValue(QJsonArray{1, 2});
    QTest::addRow("any word is text") << s("any") << s("fr") << QJsonValue(s("fr"));
    QTest::addRow("any number") << s("any") << s("0") << QJsonValue(0);
    QTest::addRow("any quoted number is text") << s("any") << s("\"0\"") << QJsonValue(s("0"));
    QTest::addRow("any empty is empty text") << s("any") << QString() << QJsonValue(QString());
    QTest::addRow("datetime") << s("datetime") << s("2024-05-01T12:00:00.000Z")
                              << QJsonValue(s("2024-05-01T12:00:00.000Z"));
}

void TestFlowEditorModels::constantsFollowTheInputType()
{
    QFETCH(QString, type);
    QFETCH(QString, typed);
    QFETCH(QJsonValue, value);
    const ValueType valueType = *ValueType::parse(type);
    QCOMPARE(valuetext::fromText(typed, valueType), value);
    // What is shown for a value reads back as the same value.
    QCOMPARE(valuetext::fromText(valuetext::toText(value, valueType), valueType), value);
}

void TestFlowEditorModels::documentUndoesAndRedoesSnapshots()
{
    FlowDocument document;
    QSignalSpy changed(&document, &FlowDocument::contentChanged);
    QVERIFY(!document.change(s("nothing open"), [](Flow &) { return true; }));
    const Flow original = sample(s("hello-public"));
    document.open(original);
    QVERIFY(!document.undoStack()->canUndo());
    QVERIFY(document.change(s("Delete"), [](Flow &flow) { return flowedit::removeCard(flow, s("length")); }));
    QVERIFY(document.change(s("Move"), [](Flow &flow) { return flowedit::moveCard(flow, s("return"), -1); }));
    QCOMPARE(changed.size(), 2);
    // An edit that changes nothing is no undo step.
    QVERIFY(!document.change(s("Same"), [](Flow &) { return true; }));
    QVERIFY(!document.change(s("Refused"), [](Flow &flow) {
        flow.cards.clear();
        return false;
    }));
    QCOMPARE(document.undoStack()->count(), 2);
    document.undoStack()->undo();
    document.undoStack()->undo();
    QCOMPARE(FlowDocument::contentBytes(document.flow()), FlowDocument::contentBytes(original));
    document.undoStack()->redo();
    QVERIFY(!flowedit::findCard(document.flow(), s("length")));
    QCOMPARE(changed.size(), 5);
    document.open(original);
    QCOMPARE(document.undoStack()->count(), 0);
}

void TestFlowEditorModels::documentMergesTyping()
{
    FlowDocument document;
    document.open(sample(s("hello-public")));
    const flowedit::InputKey key{s("greeting"), -1, s("template")};
    for (const QString &text : {s("H"), s("Hi"), s("Hi!")})
        QVERIFY(document.change(
            s("Type"),
            [&](Flow &flow) { return flowedit::setBinding(flow, key, Binding::fromConstant(text)); },
            s("greeting/template")));
    QCOMPARE(document.undoStack()->count(), 1);
    QVERIFY(document.change(s("Other"), [&](Flow &flow) {
        return flowedit::setBinding(flow, key, Binding::fromConstant(s("x")));
    }));
    QCOMPARE(document.undoStack()->count(), 2);
    document.undoStack()->undo();
    QCOMPARE(flowedit::findInput(document.flow(), key)->binding.constant.toString(), s("Hi!"));
    document.undoStack()->undo();
    QCOMPARE(flowedit::findInput(document.flow(), key)->binding.constant.toString(),
             s("{{salutation}}, {{name}}!"));
}

void TestFlowEditorModels::documentKeepsHeaderOutOfUndo()
{
    FlowDocument document;
    document.open(sample(s("hello-public")));
    QSignalSpy header(&document, &FlowDocument::headerChanged);
    QVERIFY(document.change(s("Delete"), [](Flow &flow) { return flowedit::removeCard(flow, s("length")); }));
    Flow renamed = sample(s("hello-public"));
    renamed.name = s("Renamed elsewhere");
    document.updateHeader(renamed);
    QCOMPARE(header.size(), 1);
    QCOMPARE(document.flow().name, s("Renamed elsewhere"));
    QVERIFY(!flowedit::findCard(document.flow(), s("length"))); // the content stays the editor's
    document.undoStack()->undo();
    QCOMPARE(document.flow().name, s("Renamed elsewhere"));
    QVERIFY(flowedit::findCard(document.flow(), s("length")));
    document.updateHeader(renamed);
    QCOMPARE(header.size(), 1); // nothing new
}

void TestFlowEditorModels::testRunAnswersLikeTheInvokeUrl()
{
    const Flow flow = sample(s("hello-public"));
    FlowLibrary library;
    testrun::Request request;
    request.rawQuery = QByteArrayLiteral("lang=fr");
    request.headers = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
    request.body = QByteArrayLiteral("{\"name\": \"Ada\"}");
    const auto outcome = testrun::run(flow, library, request, 60, nullptr);
    QVERIFY(outcome.error.isEmpty());
    QCOMPARE(outcome.answer.status, 200);
    const QJsonObject body = QJsonDocument::fromJson(outcome.answer.body).object();
    QCOMPARE(body.value(s("greeting")).toString(), s("Bonjour, Ada!"));
    QCOMPARE(outcome.answer.header(QByteArrayLiteral("X-Execution-Id")), outcome.executionId.toLatin1());
    QCOMPARE(outcome.result.trace.size(), flow.cards.size());

    // Malformed JSON is the 400 the endpoint gives; a canceled run stops.
    request.body = QByteArrayLiteral("{nope");
    QCOMPARE(testrun::run(flow, library, request, 60, nullptr).answer.status, 400);
    auto cancel = std::make_shared<std::atomic_bool>(true);
    request.body = QByteArrayLiteral("{}");
    QCOMPARE(testrun::run(flow, library, request, 60, cancel).result.status, ExecutionStatus::Canceled);
}

void TestFlowEditorModels::testRunsHelperFlowsWithInputs()
{
    const Flow helper = sample(s("line-total"));
    QVERIFY(helper.isHelper());
    testrun::Request request;
    request.body = testrun::sampleBody(helper);
    const auto outcome = testrun::run(helper, FlowLibrary(), request, 60, nullptr);
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    QCOMPARE(outcome.answer.status, 200);
    request.body = QByteArrayLiteral("[1]");
    QVERIFY(!testrun::run(helper, FlowLibrary(), request, 60, nullptr).error.isEmpty());
}

void TestFlowEditorModels::sampleRequestFromDeclaredFields()
{
    Flow flow = sample(s("hello-public"));
    flow.event.headers = {{s("x-request-id"), ValueType::text()}};
    flow.event.body.append({s("count"), ValueType::number()});
    const QJsonObject body = QJsonDocument::fromJson(testrun::sampleBody(flow)).object();
    QCOMPARE(body.value(s("name")), QJsonValue(QString()));
    QCOMPARE(body.value(s("count")), QJsonValue(0));
    QCOMPARE(testrun::sampleQuery(flow), s("lang="));
    QCOMPARE(testrun::sampleHeaders(flow), s("x-request-id: "));
    const HeaderList headers = testrun::parseHeaders(s("A: 1\nno colon\n B : two words \n"));
    QCOMPARE(headers.size(), 2);
    QCOMPARE(headers.at(1).first, QByteArrayLiteral("B"));
    QCOMPARE(headers.at(1).second, QByteArrayLiteral("two words"));
}

void TestFlowEditorModels::problemModel()
{
    ProblemListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setProblems({{s("greeting"), s("template"), s("a value or a reference is required")},
                       {QString(), s("alias"), s("must be 32 lowercase hexadecimal characters")}},
                      {{s("greeting"), s("Compose")}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.index(0, ProblemListModel::CardColumn).data().toString(), s("Compose"));
    QCOMPARE(model.index(0, ProblemListModel::FieldColumn).data().toString(), s("template"));
    QCOMPARE(model.index(0, 0).data(ProblemListModel::kCardIdRole).toString(), s("greeting"));
    QCOMPARE(model.index(1, ProblemListModel::CardColumn).data().toString(), s("Flow"));
    QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), s("Problem"));
    model.setProblems({}, {});
    QCOMPARE(model.rowCount(), 0);
}

void TestFlowEditorModels::traceModel()
{
    RunTraceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    TraceEntry ok;
    ok.cardId = s("a");
    ok.name = s("Compose");
    ok.outputs = {{s("output"), s("hi")}};
    ok.durationUs = 250;
    TraceEntry failed;
    failed.cardId = s("b");
    failed.name = s("Divide");
    failed.depth = 1;
    failed.durationUs = 2500;
    failed.error = Error{ErrorType::InvalidInput, s("b: division by zero")};
    model.setTrace({ok, failed});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, RunTraceModel::CardColumn).data().toString(), s("Compose"));
    QCOMPARE(model.index(1, RunTraceModel::CardColumn).data().toString(), s("    Divide"));
    QCOMPARE(model.index(0, RunTraceModel::ResultColumn).data().toString(), s("OK"));
    QVERIFY(model.index(1, RunTraceModel::ResultColumn).data().toString().contains(s("division by zero")));
    QVERIFY(model.index(1, 0).data(RunTraceModel::kFailedRole).toBool());
    QCOMPARE(model.index(1, 0).data(RunTraceModel::kCardIdRole).toString(), s("b"));
    QVERIFY(model.index(1, 0).data(Qt::ForegroundRole).isValid());
    QCOMPARE(model.details(0).value(s("outputs")).toObject().value(s("output")).toString(), s("hi"));
    QCOMPARE(model.details(1).value(s("error")).toObject().value(s("type")).toString(),
             errorTypeName(ErrorType::InvalidInput));
    QVERIFY(model.details(7).isEmpty());
    model.setTrace({});
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestFlowEditorModels)
#include "tst_floweditormodels.moc"
