// The flow file format and the validator (docs/flow-format.md): lossless, byte-stable round trips,
// atomic saving, and every structural and semantic problem reported with its card and field.

#include "engine/CardCatalogue.h"
#include "flow/FlowJson.h"
#include "flow/FlowLibrary.h"
#include "flow/FlowValidator.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace wf;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QString samplesDir()
{
    return QStringLiteral(WF_SOURCE_DIR "/resources/samples/flows");
}

QString fixturePath(const char *name)
{
    return QStringLiteral(WF_TEST_DATA_DIR "/flows/") + s(name);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QString describe(const QList<FlowProblem> &problems)
{
    QStringList lines;
    for (const FlowProblem &problem : problems)
        lines.append(QStringLiteral("[%1|%2] %3").arg(problem.cardId, problem.field, problem.message));
    return lines.isEmpty() ? QStringLiteral("(no problems)") : lines.join(QLatin1Char('\n'));
}

bool hasProblem(const QList<FlowProblem> &problems, const QString &cardId, const QString &field,
                const QString &message)
{
    for (const FlowProblem &problem : problems) {
        if (problem.cardId == cardId && problem.field == field && problem.message.contains(message))
            return true;
    }
    return false;
}

// A flow around `cards` whose event declares body name/count/items/profile, query q and header x-h.
QByteArray endpointFlow(const char *cards, const char *extra = "")
{
    QByteArray json = QByteArrayLiteral(
        R"({"format": 1, "id": "t", "name": "T", "event": {"type": "apiEndpoint",
            "body": [{"name": "name", "type": "text"}, {"name": "count", "type": "number"},
                     {"name": "items", "type": "list<object>"}, {"name": "profile", "type": "object"}],
            "query": [{"name": "q", "type": "text"}], "headers": [{"name": "X-H", "type": "text"}]})");
    json += extra;
    json += R"(, "cards": )";
    json += cards;
    json += '}';
    return json;
}

QByteArray helperFlow(const char *cards, const char *inputs = R"([{"name": "item", "type": "object"}])")
{
    QByteArray json = QByteArrayLiteral(
        R"({"format": 1, "id": "h", "name": "H", "event": {"type": "helperFlow", "inputs": )");
    json += inputs;
    json += R"(}, "cards": )";
    json += cards;
    json += '}';
    return json;
}

// Nests `levels` If Error cards inside each other.
QJsonArray nestedCards(int levels)
{
    QJsonArray cards;
    for (int level = levels; level >= 1; --level) {
        const QJsonObject card{{QStringLiteral("id"), QStringLiteral("level%1").arg(level)},
                               {QStringLiteral("function"), QStringLiteral("error.ifError")},
                               {QStringLiteral("blocks"),
                                QJsonArray{QJsonObject{{QStringLiteral("label"), QStringLiteral("try")},
                                                       {QStringLiteral("cards"), cards}},
                                           QJsonObject{{QStringLiteral("label"), QStringLiteral("if error")},
                                                       {QStringLiteral("cards"), QJsonArray()}}}}};
        cards = QJsonArray{card};
    }
    return cards;
}

QByteArray flowWithCards(const QJsonArray &cards)
{
    const QJsonObject flow{{QStringLiteral("format"), 1},
                           {QStringLiteral("id"), QStringLiteral("t")},
                           {QStringLiteral("name"), QStringLiteral("T")},
                           {QStringLiteral("cards"), cards}};
    return QJsonDocument(flow).toJson(QJsonDocument::Compact);
}

FlowLibrary testLibrary()
{
    FlowLibrary library;
    FlowParseResult helper = flowjson::parse(helperFlow("[]"));
    helper.flow->id = QStringLiteral("helper");
    library.add(*helper.flow);
    FlowParseResult endpoint = flowjson::parse(endpointFlow("[]"));
    endpoint.flow->id = QStringLiteral("endpoint");
    library.add(*endpoint.flow);
    return library;
}

} // namespace

class TestFlowJson final : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void writesSortedIndentedKeys();
    void roundTripOfConstructedFlow();
    void save();
    void saveIntoMissingDirectoryFails();
    void structuralProblems_data();
    void structuralProblems();
    void fileSizeLimit();
    void cardCountLimit();
    void nestingLimit();
    void problemToString();
    void validatorProblems_data();
    void validatorProblems();
    void validFlows_data();
    void validFlows();
    void severalProblemsAllReported();
    void samplesLoadWithoutProblems();
    void libraryReportsBrokenFiles();
};

void TestFlowJson::roundTrip_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("exactlyAsWritten"); // toJsonObject(parse(file)) equals the file's object
    const QStringList samples =
        QDir(samplesDir()).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QVERIFY(samples.size() >= 6);
    for (const QString &name : samples)
        QTest::addRow("%s", qPrintable(name)) << QDir(samplesDir()).filePath(name) << true;
    // 9007199254740993 becomes a double and the empty "options" is dropped: equal after one pass.
    QTest::addRow("roundtrip-full") << fixturePath("roundtrip-full.json") << false;
}

void TestFlowJson::roundTrip()
{
    QFETCH(QString, path);
    QFETCH(bool, exactlyAsWritten);
    const QByteArray original = readFile(path);
    QVERIFY(!original.isEmpty());

    const FlowParseResult first = flowjson::parse(original);
    QVERIFY2(first.ok(), qPrintable(describe(first.problems)));
    const QByteArray written = flowjson::toJson(*first.flow);
    QVERIFY(written.endsWith('\n'));
    QCOMPARE(flowjson::toJson(*first.flow), written); // stable: same flow, same bytes

    const FlowParseResult second = flowjson::parse(written);
    QVERIFY2(second.ok(), qPrintable(describe(second.problems)));
    QCOMPARE(flowjson::toJsonObject(*second.flow), flowjson::toJsonObject(*first.flow));
    QCOMPARE(flowjson::toJson(*second.flow), written);

    if (exactlyAsWritten) {
        const QJsonObject source = QJsonDocument::fromJson(original).object();
        QCOMPARE(flowjson::toJsonObject(*first.flow), source);
    }
}

void TestFlowJson::writesSortedIndentedKeys()
{
    const FlowParseResult parsed = flowjson::parse(readFile(fixturePath("roundtrip-full.json")));
    QVERIFY2(parsed.ok(), qPrintable(describe(parsed.problems)));
    const QByteArray written = flowjson::toJson(*parsed.flow);
    const QList<QByteArray> lines = written.split('\n');
    QCOMPARE(lines.at(0), QByteArray("{"));
    QCOMPARE(lines.at(1), QByteArray(R"(    "active": false,)"));
    QCOMPARE(lines.at(2), QByteArray(R"(    "alias": "0123456789abcdef0123456789abcdef",)"));

    // Top-level keys appear in sorted order.
    QStringList topKeys;
    for (const QByteArray &line : lines) {
        if (line.startsWith("    \"") && !line.startsWith("     "))
            topKeys.append(QString::fromUtf8(line.mid(5, line.indexOf('"', 5) - 5)));
    }
    QStringList sorted = topKeys;
    sorted.sort();
    QCOMPARE(topKeys, sorted);
    QCOMPARE(topKeys, QStringList({QStringLiteral("active"), QStringLiteral("alias"), QStringLiteral("cards"),
                                   QStringLiteral("description"), QStringLiteral("endpoint"),
                                   QStringLiteral("event"), QStringLiteral("format"), QStringLiteral("id"),
                                   QStringLiteral("name"), QStringLiteral("saveAllData")}));

    // What was read is what the model holds.
    const Flow &flow = *parsed.flow;
    QCOMPARE(flow.name, s("Round trip — every feature ✓"));
    QVERIFY(!flow.active);
    QVERIFY(!flow.saveAllData);
    QCOMPARE(flow.endpoint.security, SecurityLevel::OAuth2);
    QVERIFY(!flow.endpoint.anyApp);
    QCOMPARE(flow.endpoint.allowedApps,
             QStringList({QStringLiteral("client-a"), QStringLiteral("client-b")}));
    QCOMPARE(flow.event.body.size(), 7);
    QCOMPARE(flow.event.body.at(5).type, ValueType::list(BaseType::Text));
    QCOMPARE(flow.event.headers.at(0).name, QStringLiteral("x-request-id"));
    QCOMPARE(flow.cards.size(), 8);
    const CardNode &constants = flow.cards.at(0);
    QCOMPARE(constants.inputs.size(), 10);
    QCOMPARE(constants.inputs.at(0).binding.kind, Binding::Kind::Constant);
    QVERIFY(constants.inputs.at(0).binding.constant.isNull());
    QCOMPARE(constants.inputs.at(6).binding.constant.toString(), s("👩‍💻 e\u0301 \"quoted\" \\ back"));
    QCOMPARE(flow.cards.at(2).inputs.at(0).binding.kind, Binding::Kind::Unset);
    const InputBinding &city = flow.cards.at(7).inputs.at(1);
    QCOMPARE(city.binding.kind, Binding::Kind::Reference);
    QCOMPARE(city.binding.sourceCard, QStringLiteral("event"));
    QCOMPARE(city.binding.path, QStringList({QStringLiteral("body"), QStringLiteral("profile"),
                                             QStringLiteral("address"), QStringLiteral("city")}));
    QVERIFY(!city.type);
    const CardNode &which = flow.cards.at(5);
    QCOMPARE(which.blocks.size(), 2);
    QCOMPARE(which.blocks.at(0).condition.size(), 3);
    QCOMPARE(which.blocks.at(0).cards.at(0).blocks.at(1).cards.at(0).id, QStringLiteral("oops"));
    QCOMPARE(flow.cards.at(6).options.value(QLatin1String("flow")).toString(), QStringLiteral("some-helper"));

    // The fixture is also a valid flow.
    const FlowParseResult loaded =
        loadFlow(readFile(fixturePath("roundtrip-full.json")), CardCatalogue::builtIn(), nullptr);
    QVERIFY2(loaded.ok(), qPrintable(describe(loaded.problems)));
}

void TestFlowJson::roundTripOfConstructedFlow()
{
    // A flow built in memory (as the editor does) survives writing and reading.
    Flow flow;
    flow.id = QStringLiteral("built");
    flow.name = QStringLiteral("Built in memory");
    flow.event.type = EventType::HelperFlow;
    flow.event.inputs = {{QStringLiteral("item"), ValueType::object()},
                         {QStringLiteral("n"), ValueType::number()}};
    CardNode card;
    card.id = QStringLiteral("c1");
    card.function = QStringLiteral("text.concatenate");
    InputBinding first;
    first.name = QStringLiteral("first");
    first.type = ValueType::text();
    QVERIFY(Binding::parseReference(QStringLiteral("event.item.name"), &first.binding));
    card.inputs.append(first);
    InputBinding separator;
    separator.name = QStringLiteral("separator");
    separator.binding = Binding::fromConstant(QStringLiteral(" "));
    card.inputs.append(separator);
    flow.cards.append(card);

    const QByteArray written = flowjson::toJson(flow);
    const QJsonObject object = QJsonDocument::fromJson(written).object();
    QVERIFY(!object.contains(QLatin1String("endpoint"))); // helper flows have no endpoint
    QVERIFY(!object.contains(QLatin1String("alias")));    // no alias yet
    QCOMPARE(object.value(QLatin1String("format")).toInt(), 1);
    const FlowParseResult parsed = flowjson::parse(written);
    QVERIFY2(parsed.ok(), qPrintable(describe(parsed.problems)));
    QVERIFY(parsed.flow->isHelper());
    QCOMPARE(parsed.flow->event.inputs.size(), 2);
    QCOMPARE(parsed.flow->event.inputs.at(1).type, ValueType::number());
    QCOMPARE(parsed.flow->cards.at(0).inputs.at(0).binding.reference, QStringLiteral("event.item.name"));
    QCOMPARE(parsed.flow->cards.at(0).inputs.at(0).type, std::optional<ValueType>(ValueType::text()));
    QCOMPARE(parsed.flow->cards.at(0).inputs.at(1).binding.constant, QJsonValue(QStringLiteral(" ")));
    QCOMPARE(flowjson::toJson(*parsed.flow), written);
}

void TestFlowJson::save()
{
    const FlowParseResult parsed = flowjson::parse(readFile(fixturePath("roundtrip-full.json")));
    QVERIFY(parsed.ok());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("flow.json"));

    QString error;
    QVERIFY2(flowjson::save(*parsed.flow, path, &error), qPrintable(error));
    QCOMPARE(readFile(path), flowjson::toJson(*parsed.flow));

    // Overwriting replaces the whole file (a shorter flow leaves nothing of the longer one behind).
    Flow small = *parsed.flow;
    small.cards.clear();
    small.description.clear();
    QVERIFY2(flowjson::save(small, path, &error), qPrintable(error));
    QCOMPARE(readFile(path), flowjson::toJson(small));
    // Saving goes through a temporary file that is renamed: nothing else is left in the folder.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList({QStringLiteral("flow.json")}));
    const FlowParseResult reread = flowjson::parse(readFile(path));
    QVERIFY2(reread.ok(), qPrintable(describe(reread.problems)));
    QCOMPARE(flowjson::toJsonObject(*reread.flow), flowjson::toJsonObject(small));

    // A null errorString is allowed.
    QVERIFY(flowjson::save(small, path, nullptr));
}

void TestFlowJson::saveIntoMissingDirectoryFails()
{
    const FlowParseResult parsed = flowjson::parse(readFile(fixturePath("roundtrip-full.json")));
    QVERIFY(parsed.ok());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("no/such/folder/flow.json"));
    QString error;
    QVERIFY(!flowjson::save(*parsed.flow, path, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY(!QFile::exists(path));
    QVERIFY(!flowjson::save(*parsed.flow, path, nullptr));

    // A folder where the file should be cannot be overwritten either.
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("taken")));
    error.clear();
    QVERIFY(!flowjson::save(*parsed.flow, dir.filePath(QStringLiteral("taken")), &error));
    QVERIFY(!error.isEmpty());
}

void TestFlowJson::structuralProblems_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("flowRead"); // the structure could be read (problems are about parts of it)
    QTest::addColumn<QString>("cardId");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    QTest::addRow("not JSON") << QByteArray(R"({"id": "t", "name": )") << false << QString() << QString()
                              << s("not valid JSON at offset");
    QTest::addRow("empty file") << QByteArray() << false << QString() << QString() << s("not valid JSON");
    QTest::addRow("trailing garbage") << QByteArray(R"({"id": "t", "name": "T", "cards": []} x)") << false
                                      << QString() << QString() << s("not valid JSON");
    QTest::addRow("array") << QByteArray(R"([{"id": "t"}])") << false << QString() << QString()
                           << s("must hold a JSON object");
    QTest::addRow("missing id") << QByteArray(R"({"format": 1, "name": "T", "cards": []})") << true
                                << QString() << s("id") << s("is required");
    QTest::addRow("id not text") << QByteArray(R"({"format": 1, "id": 7, "name": "T", "cards": []})") << true
                                 << QString() << s("id") << s("must be a string");
    QTest::addRow("empty id") << QByteArray(R"({"format": 1, "id": "", "name": "T", "cards": []})") << true
                              << QString() << s("id") << s("is required");
    QTest::addRow("empty name") << QByteArray(R"({"format": 1, "id": "t", "name": "", "cards": []})") << true
                                << QString() << s("name") << s("is required");
    QTest::addRow("empty function") << endpointFlow(R"([{"id": "c1", "function": ""}])") << true << s("c1")
                                    << s("function") << s("is required");
    QTest::addRow("missing name") << QByteArray(R"({"format": 1, "id": "t", "cards": []})") << true
                                  << QString() << s("name") << s("is required");
    QTest::addRow("format 2") << QByteArray(R"({"format": 2, "id": "t", "name": "T", "cards": []})") << true
                              << QString() << s("format") << s("unsupported flow format 2");
    QTest::addRow("format as text") << QByteArray(R"({"format": "1", "id": "t", "name": "T", "cards": []})")
                                    << true << QString() << s("format") << s("unsupported flow format");
    QTest::addRow("format 1.5") << QByteArray(R"({"format": 1.5, "id": "t", "name": "T", "cards": []})")
                                << true << QString() << s("format") << s("unsupported flow format 1.5");
    QTest::addRow("active not bool") << QByteArray(
                                            R"({"id": "t", "name": "T", "active": "yes", "cards": []})")
                                     << true << QString() << s("active") << s("must be true or false");
    QTest::addRow("saveAllData not bool")
        << QByteArray(R"({"id": "t", "name": "T", "saveAllData": 1, "cards": []})") << true << QString()
        << s("saveAllData") << s("must be true or false");
    QTest::addRow("description not text")
        << QByteArray(R"({"id": "t", "name": "T", "description": [], "cards": []})") << true << QString()
        << s("description") << s("must be a string");
    QTest::addRow("cards not a list") << QByteArray(R"({"id": "t", "name": "T", "cards": {}})") << true
                                      << QString() << s("cards") << s("must be a list");
    QTest::addRow("card not an object") << QByteArray(R"({"id": "t", "name": "T", "cards": [42]})") << true
                                        << QString() << s("cards") << s("every card must be an object");
    QTest::addRow("unknown security")
        << QByteArray(R"({"id": "t", "name": "T", "endpoint": {"security": "basic"}})") << true << QString()
        << s("endpoint.security") << s("unknown security level 'basic'");
    QTest::addRow("apps neither any nor list")
        << QByteArray(R"({"id": "t", "name": "T", "endpoint": {"security": "oauth2", "apps": "some"}})")
        << true << QString() << s("endpoint.apps") << s("must be \"any\" or a list");
    QTest::addRow("unknown event type")
        << QByteArray(R"({"id": "t", "name": "T", "event": {"type": "schedule"}})") << true << s("event")
        << s("type") << s("unknown event 'schedule'");
    QTest::addRow("event field unknown type")
        << endpointFlow("[]").replace(R"({"name": "count", "type": "number"})",
                                      R"({"name": "count", "type": "integer"})")
        << true << s("event") << s("count") << s("unknown type 'integer'");
    QTest::addRow("event field without name")
        << QByteArray(
               R"({"id": "t", "name": "T", "event": {"type": "apiEndpoint", "body": [{"type": "text"}]}})")
        << true << s("event") << s("body") << s("every entry needs a \"name\"");
    QTest::addRow("event field name with a dot")
        << QByteArray(
               R"({"id": "t", "name": "T", "event": {"type": "apiEndpoint", "body": [{"name": "a.b"}]}})")
        << true << s("event") << s("a.b") << s("cannot contain '.'");
    QTest::addRow("helper input unknown type")
        << helperFlow("[]", R"([{"name": "item", "type": "list<list>"}])") << true << s("event") << s("item")
        << s("unknown type 'list<list>'");
    QTest::addRow("unknown flow key") << QByteArray(R"({"id": "t", "name": "T", "card": []})") << true
                                      << QString() << s("card") << s("unknown key in the flow");
    QTest::addRow("unknown card key")
        << endpointFlow(R"([{"id": "c1", "function": "text.trim", "input": []}])") << true << s("c1")
        << s("input") << s("unknown key in a card");
    QTest::addRow("unknown input key")
        << endpointFlow(
               R"([{"id": "c1", "function": "text.trim", "inputs": [{"name": "text", "val": "x"}]}])")
        << true << s("c1") << s("val") << s("unknown key in an input");
    QTest::addRow("card without id") << endpointFlow(R"([{"function": "text.trim"}])") << true << QString()
                                     << s("id") << s("every card needs an \"id\"");
    QTest::addRow("card without function")
        << endpointFlow(R"([{"id": "c1"}])") << true << s("c1") << s("function") << s("is required");
    QTest::addRow("function not text") << endpointFlow(R"([{"id": "c1", "function": 3}])") << true << s("c1")
                                       << s("function") << s("must be a string");
    QTest::addRow("card name not text")
        << endpointFlow(R"([{"id": "c1", "function": "text.trim", "name": {}}])") << true << s("c1")
        << s("name") << s("must be a string");
    QTest::addRow("inputs not a list")
        << endpointFlow(R"([{"id": "c1", "function": "text.trim", "inputs": {}}])") << true << s("c1")
        << s("inputs") << s("must be a list");
    QTest::addRow("input without name")
        << endpointFlow(R"([{"id": "c1", "function": "text.trim", "inputs": [{"value": "x"}]}])") << true
        << s("c1") << QString() << s("every input needs a \"name\"");
    QTest::addRow("input not an object")
        << endpointFlow(R"([{"id": "c1", "function": "text.trim", "inputs": ["text"]}])") << true << s("c1")
        << QString() << s("every input needs a \"name\"");
    QTest::addRow("unknown input type")
        << endpointFlow(
               R"([{"id": "c1", "function": "text.concatenate", "inputs": [{"name": "x", "type": "strng", "value": "a"}]}])")
        << true << s("c1") << s("x") << s("unknown type 'strng'");
    QTest::addRow("unknown output type")
        << endpointFlow(
               R"([{"id": "c1", "function": "flow.pause", "outputs": [{"name": "ok", "type": "bool"}]}])")
        << true << s("c1") << s("ok") << s("unknown type 'bool'");
    QTest::addRow("ref and value")
        << endpointFlow(
               R"([{"id": "c1", "function": "text.trim", "inputs": [{"name": "text", "value": "x", "ref": "event.body.name"}]}])")
        << true << s("c1") << s("text") << s("either \"ref\" or \"value\", not both");
    QTest::addRow("ref without output")
        << endpointFlow(
               R"([{"id": "c1", "function": "text.trim", "inputs": [{"name": "text", "ref": "event"}]}])")
        << true << s("c1") << s("text") << s("reference 'event' is not of the form <cardId>.<output>");
    QTest::addRow("ref with empty part")
        << endpointFlow(
               R"([{"id": "c1", "function": "text.trim", "inputs": [{"name": "text", "ref": "event..name"}]}])")
        << true << s("c1") << s("text") << s("reference 'event..name' is not of the form");
    QTest::addRow("ref ending in a dot")
        << endpointFlow(
               R"([{"id": "c1", "function": "text.trim", "inputs": [{"name": "text", "ref": "event.body."}]}])")
        << true << s("c1") << s("text") << s("is not of the form");
    QTest::addRow("ref starting with a dot")
        << endpointFlow(
               R"([{"id": "c1", "function": "text.trim", "inputs": [{"name": "text", "ref": ".body"}]}])")
        << true << s("c1") << s("text") << s("is not of the form");
    QTest::addRow("ref not text")
        << endpointFlow(R"([{"id": "c1", "function": "text.trim", "inputs": [{"name": "text", "ref": 5}]}])")
        << true << s("c1") << s("text") << s("is not of the form");
    QTest::addRow("duplicate input")
        << endpointFlow(
               R"([{"id": "c1", "function": "text.trim", "inputs": [{"name": "text", "value": "a"}, {"name": "text", "value": "b"}]}])")
        << true << s("c1") << s("text") << s("input is given twice");
    QTest::addRow("duplicate condition input")
        << endpointFlow(R"([{"id": "c1", "function": "branching.ifElseIf", "blocks": [
               {"label": "a", "condition": [{"name": "a", "value": 1}, {"name": "a", "value": 2}], "cards": []},
               {"label": "else", "cards": []}]}])")
        << true << s("c1") << s("a") << s("input is given twice");
    QTest::addRow("options not an object")
        << endpointFlow(R"([{"id": "c1", "function": "flow.callFlow", "options": "helper"}])") << true
        << s("c1") << s("options") << s("must be an object");
    QTest::addRow("options a list")
        << endpointFlow(R"([{"id": "c1", "function": "flow.callFlow", "options": ["helper"]}])") << true
        << s("c1") << s("options") << s("must be an object");
    QTest::addRow("blocks not a list")
        << endpointFlow(R"([{"id": "c1", "function": "error.ifError", "blocks": {}}])") << true << s("c1")
        << s("blocks") << s("must be a list");
    QTest::addRow("block not an object")
        << endpointFlow(
               R"([{"id": "c1", "function": "error.ifError", "blocks": ["try", {"label": "if error", "cards": []}]}])")
        << true << s("c1") << s("blocks") << s("every block must be an object");
    QTest::addRow("block cards not a list")
        << endpointFlow(
               R"([{"id": "c1", "function": "error.ifError", "blocks": [{"label": "try", "cards": {}}, {"label": "if error", "cards": []}]}])")
        << true << s("c1") << s("cards") << s("must be a list");
    QTest::addRow("block label not text")
        << endpointFlow(
               R"([{"id": "c1", "function": "error.ifError", "blocks": [{"label": 1, "cards": []}, {"label": "if error", "cards": []}]}])")
        << true << s("c1") << s("label") << s("must be a string");
    QTest::addRow("condition not a list")
        << endpointFlow(
               R"([{"id": "c1", "function": "branching.ifElseIf", "blocks": [{"label": "a", "condition": {}, "cards": []}, {"label": "b", "cards": []}]}])")
        << true << s("c1") << s("condition") << s("must be a list");
    QTest::addRow("event not an object")
        << QByteArray(R"({"id": "t", "name": "T", "event": "apiEndpoint", "cards": []})") << true << QString()
        << s("event") << s("must be an object");
    QTest::addRow("endpoint not an object")
        << QByteArray(R"({"id": "t", "name": "T", "endpoint": "none", "cards": []})") << true << QString()
        << s("endpoint") << s("must be an object");
    QTest::addRow("problem inside a block")
        << endpointFlow(R"([{"id": "c1", "function": "error.ifError", "blocks": [
               {"label": "try", "cards": [{"id": "inner", "function": "text.trim", "inputs": [{"name": "text", "ref": "x"}]}]},
               {"label": "if error", "cards": []}]}])")
        << true << s("inner") << s("text") << s("reference 'x' is not of the form");
}

void TestFlowJson::structuralProblems()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, flowRead);
    QFETCH(QString, cardId);
    QFETCH(QString, field);
    QFETCH(QString, message);

    const FlowParseResult result = flowjson::parse(json);
    QVERIFY(!result.ok());
    QCOMPARE(result.flow.has_value(), flowRead);
    QVERIFY2(hasProblem(result.problems, cardId, field, message), qPrintable(describe(result.problems)));
    // loadFlow reports the same structural problem.
    const FlowParseResult loaded = loadFlow(json, CardCatalogue::builtIn(), nullptr);
    QVERIFY(!loaded.ok());
    QVERIFY2(hasProblem(loaded.problems, cardId, field, message), qPrintable(describe(loaded.problems)));
}

void TestFlowJson::fileSizeLimit()
{
    const QByteArray flow = endpointFlow("[]");
    // Padding with whitespace keeps the file valid JSON of exactly the size wanted.
    QByteArray atLimit = flow;
    atLimit.append(QByteArray(kMaxFlowFileSize - flow.size(), ' '));
    QCOMPARE(atLimit.size(), kMaxFlowFileSize);
    const FlowParseResult ok = flowjson::parse(atLimit);
    QVERIFY2(ok.ok(), qPrintable(describe(ok.problems)));

    const QByteArray tooLarge = atLimit + ' ';
    const FlowParseResult refused = flowjson::parse(tooLarge);
    QVERIFY(!refused.ok());
    QVERIFY(!refused.flow);
    QCOMPARE(refused.problems.size(), 1);
    QVERIFY2(refused.problems.at(0).message.contains(QLatin1String("larger than 8 MiB")),
             qPrintable(describe(refused.problems)));

    // The library refuses such a file before reading it.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("huge.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(tooLarge);
    file.close();
    QStringList problems;
    const FlowLibrary library = FlowLibrary::loadDirectory(dir.path(), &problems);
    QCOMPARE(library.size(), 0);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.at(0).startsWith(QLatin1String("huge.json: ")), qPrintable(problems.at(0)));
}

void TestFlowJson::cardCountLimit()
{
    const auto cards = [](int count) {
        QJsonArray list;
        for (int i = 0; i < count; ++i)
            list.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("c%1").arg(i)},
                                    {QStringLiteral("function"), QStringLiteral("flow.comment")}});
        return list;
    };
    const FlowParseResult atLimit = flowjson::parse(flowWithCards(cards(kMaxCardsPerFlow)));
    QVERIFY2(atLimit.ok(), qPrintable(describe(atLimit.problems)));
    QCOMPARE(atLimit.flow->cards.size(), kMaxCardsPerFlow);

    const FlowParseResult tooMany = flowjson::parse(flowWithCards(cards(kMaxCardsPerFlow + 1)));
    QVERIFY(!tooMany.ok());
    QVERIFY2(hasProblem(tooMany.problems, QString(), QStringLiteral("cards"),
                        QStringLiteral("at most 5000 cards")),
             qPrintable(describe(tooMany.problems)));

    // Cards nested in blocks count too.
    QJsonArray mixed = cards(kMaxCardsPerFlow - 1);
    mixed.append(nestedCards(1).at(0)); // one more card ...
    QJsonObject withInner = mixed.last().toObject();
    QJsonArray blocks = withInner.value(QLatin1String("blocks")).toArray();
    QJsonObject tryBlock = blocks.at(0).toObject();
    tryBlock.insert(QStringLiteral("cards"), cards(1)); // ... and one inside its block
    blocks.replace(0, tryBlock);
    withInner.insert(QStringLiteral("blocks"), blocks);
    mixed.replace(mixed.size() - 1, withInner);
    const FlowParseResult nested = flowjson::parse(flowWithCards(mixed));
    QVERIFY2(
        hasProblem(nested.problems, QString(), QStringLiteral("cards"), QStringLiteral("at most 5000 cards")),
        qPrintable(describe(nested.problems)));
}

void TestFlowJson::nestingLimit()
{
    const FlowParseResult atLimit =
        loadFlow(flowWithCards(nestedCards(kMaxBlockDepth)), CardCatalogue::builtIn(), nullptr);
    QVERIFY2(atLimit.ok(), qPrintable(describe(atLimit.problems)));

    const FlowParseResult tooDeep = flowjson::parse(flowWithCards(nestedCards(kMaxBlockDepth + 1)));
    QVERIFY(!tooDeep.ok());
    QVERIFY2(hasProblem(tooDeep.problems, QString(), QStringLiteral("cards"),
                        QStringLiteral("nested more than 16 levels deep")),
             qPrintable(describe(tooDeep.problems)));
}

void TestFlowJson::problemToString()
{
    QCOMPARE((FlowProblem{QString(), QString(), QStringLiteral("broken")}).toString(),
             QStringLiteral("broken"));
    QCOMPARE((FlowProblem{QString(), QStringLiteral("alias"), QStringLiteral("bad")}).toString(),
             QStringLiteral("field 'alias': bad"));
    QCOMPARE((FlowProblem{QStringLiteral("c1"), QString(), QStringLiteral("bad")}).toString(),
             QStringLiteral("card 'c1': bad"));
    QCOMPARE((FlowProblem{QStringLiteral("c1"), QStringLiteral("text"), QStringLiteral("bad")}).toString(),
             QStringLiteral("card 'c1', field 'text': bad"));
    QCOMPARE((FlowProblem{QStringLiteral("event"), QStringLiteral("q"), QStringLiteral("bad")}).toString(),
             QStringLiteral("event card, field 'q': bad"));
}

void TestFlowJson::validatorProblems_data()
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

void TestFlowJson::validatorProblems()
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

void TestFlowJson::validFlows_data()
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

void TestFlowJson::validFlows()
{
    QFETCH(QByteArray, json);
    const FlowLibrary library = testLibrary();
    const FlowParseResult loaded = loadFlow(json, CardCatalogue::builtIn(), &library);
    QVERIFY2(loaded.ok(), qPrintable(describe(loaded.problems)));
}

void TestFlowJson::severalProblemsAllReported()
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

void TestFlowJson::samplesLoadWithoutProblems()
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

void TestFlowJson::libraryReportsBrokenFiles()
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

QTEST_GUILESS_MAIN(TestFlowJson)
#include "tst_flowjson.moc"
