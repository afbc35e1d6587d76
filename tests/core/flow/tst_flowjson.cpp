// The flow file format (docs/flow-format.md): lossless, byte-stable round trips, atomic saving, and every
// structural problem reported with its card and field.

#include "FlowTestSupport.h"

using namespace wf;
using namespace wf::flowtest;

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

QTEST_GUILESS_MAIN(TestFlowJson)
#include "tst_flowjson.moc"
