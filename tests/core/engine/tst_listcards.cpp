// Tests of the List card family: Construct, At, Length, For Each, Map, Filter, Find, Pluck,
// List to Text, Sort, Remove Duplicates. Rows are JSON literals in raw strings; quotes inside JSON
// strings are written \u0022 because moc 6.4 loses track of a raw string with a backslash before a
// quote (and then skips the class).
#include "CardRows.h"

#include <QTest>

using namespace wf;
using namespace wf::test;

namespace {

// Options of a For Each / Map card calling helper flow "helper".
test::CardSetup helperSetup(const QJsonObject &extra = {})
{
    test::CardSetup setup;
    setup.options = extra;
    if (!setup.options.contains(QStringLiteral("flow")))
        setup.options.insert(QStringLiteral("flow"), QStringLiteral("helper"));
    return setup;
}

QJsonArray numbers(int count)
{
    QJsonArray list;
    for (int i = 0; i < count; ++i)
        list.append(i * 10);
    return list;
}

} // namespace

class TstListCards final : public QObject {
    Q_OBJECT

private:
    void runRow(const char *functionId)
    {
        QFETCH(QJsonObject, inputs);
        QFETCH(QJsonObject, expected);
        QFETCH(int, error);
        QFETCH(QString, message);
        check(test::runCard(QLatin1String(functionId), inputs), expected, error, message);
    }

private slots:
    void catalogue()
    {
        const QStringList expected = {QStringLiteral("Construct"),
                                      QStringLiteral("At"),
                                      QStringLiteral("Length"),
                                      QStringLiteral("For Each"),
                                      QStringLiteral("Map"),
                                      QStringLiteral("Filter"),
                                      QStringLiteral("Find"),
                                      QStringLiteral("Pluck"),
                                      QStringLiteral("List to Text"),
                                      QStringLiteral("Sort"),
                                      QStringLiteral("Remove Duplicates")};
        QStringList names;
        for (const CardSpec &spec : CardCatalogue::builtIn().cards()) {
            if (spec.category == QLatin1String("List")) {
                QVERIFY(spec.functionId.startsWith(QLatin1String("list.")));
                QVERIFY(!spec.description.isEmpty());
                QVERIFY(spec.run);
                names.append(spec.name);
            }
        }
        QCOMPARE(names, expected);
        for (const char *id : {"list.construct", "list.forEach", "list.map"})
            QVERIFY(CardCatalogue::builtIn().find(QLatin1String(id))->dynamicInputs);
        QCOMPARE(CardCatalogue::builtIn()
                     .find(QStringLiteral("list.pluck"))
                     ->findInput(QStringLiteral("list"))
                     ->type,
                 ValueType::list(BaseType::Object));
    }

    // Construct keeps its inputs' declaration order, so rows give [name, value] pairs.
    void construct_data()
    {
        QTest::addColumn<QJsonArray>("pairs");
        QTest::addColumn<QJsonArray>("expected");
        const auto row = [](const char *name, const char *pairs, const char *expected) {
            QTest::addRow("%s", name) << test::json(pairs).toArray() << test::json(expected).toArray();
        };
        row("in declaration order", R"([["z",1],["a","two"],["m",true]])", R"([1,"two",true])");
        row("no inputs", "[]", "[]");
        row("nulls keep their place", R"([["a",null],["b",2]])", "[null,2]");
        row("empty values", R"([["t",""],["l",[]],["o",{}]])", R"(["",[],{}])");
        row("unicode", R"([["a","😀"],["b","e\u0301"]])", R"(["😀","e\u0301"])");
        row("huge numbers", R"([["a",1e308],["b",9007199254740993]])", "[1e308,9007199254740993]");
    }
    void construct()
    {
        QFETCH(QJsonArray, pairs);
        QFETCH(QJsonArray, expected);
        test::NamedValues inputs;
        for (const QJsonValue &pair : pairs)
            inputs.append({pair.toArray().at(0).toString(), pair.toArray().at(1)});
        check(test::runCard(QStringLiteral("list.construct"), inputs),
              QJsonObject{{QStringLiteral("list"), expected}}, kOk, QString());
    }

    void constructConvertsTypedInputs()
    {
        test::CardSetup setup;
        setup.inputTypes = {{QStringLiteral("n"), ValueType::number()}};
        check(test::runCard(QStringLiteral("list.construct"),
                            test::NamedValues{{QStringLiteral("n"), QStringLiteral("3")}}, setup),
              obj(R"({"list":[3]})"), kOk, QString());
        check(test::runCard(QStringLiteral("list.construct"),
                            test::NamedValues{{QStringLiteral("n"), QStringLiteral("x")}}, setup),
              {}, static_cast<int>(ErrorType::InvalidTypeConversion), QStringLiteral("n: "));
    }

    void at_data()
    {
        addColumns();
        ok("first", R"({"list":[10,20,30],"index":0})", R"({"item":10})");
        ok("last", R"({"list":[10,20,30],"index":2})", R"({"item":30})");
        ok("-1 is the last", R"({"list":[10,20,30],"index":-1})", R"({"item":30})");
        ok("-3 is the first", R"({"list":[10,20,30],"index":-3})", R"({"item":10})");
        ok("index as text", R"({"list":[10,20,30],"index":"1"})", R"({"item":20})");
        ok("whole number as 1.0", R"({"list":[10,20],"index":1.0})", R"({"item":20})");
        ok("null item", R"({"list":[null],"index":0})", R"({"item":null})");
        ok("object item", R"({"list":[{"a":[]}],"index":0})", R"({"item":{"a":[]}})");
        ok("unicode item", R"({"list":["e\u0301","😀"],"index":1})", R"({"item":"😀"})");
        ok("list from JSON text", R"({"list":"[7,8]","index":1})", R"({"item":8})");
        fails("past the end", R"({"list":[10,20,30],"index":3})", ErrorType::InvalidInput,
              "index: 3 is out of range (3 items)");
        fails("before the start", R"({"list":[10,20,30],"index":-4})", ErrorType::InvalidInput,
              "index: -4 is out of range");
        fails("empty list", R"({"list":[],"index":0})", ErrorType::InvalidInput, "(0 items)");
        fails("null list", R"({"list":null,"index":0})", ErrorType::InvalidInput, "(0 items)");
        fails("fraction", R"({"list":[10,20],"index":0.5})", ErrorType::InvalidInput,
              "index: 0.5 is not a whole");
        fails("huge index", R"({"list":[10],"index":1e308})", ErrorType::InvalidInput, "out of range");
        fails("huge negative index", R"({"list":[10],"index":-1e308})", ErrorType::InvalidInput,
              "out of range");
        fails("2^53+1", R"({"list":[10],"index":9007199254740993})", ErrorType::InvalidInput, "out of range");
        fails("index not a number", R"({"list":[10],"index":"first"})", ErrorType::InvalidTypeConversion,
              "index:");
        fails("index missing", R"({"list":[10]})", ErrorType::InvalidInput, "index: a value is required");
        fails("list is an object", R"({"list":{"a":1},"index":0})", ErrorType::InvalidTypeConversion,
              "list:");
    }
    void at() { runRow("list.at"); }

    void length_data()
    {
        addColumns();
        ok("three", R"({"list":[1,"a",null]})", R"({"length":3})");
        ok("nested lists count once", R"({"list":[[1,2],[3]]})", R"({"length":2})");
        ok("empty", R"({"list":[]})", R"({"length":0})");
        ok("null", R"({"list":null})", R"({"length":0})");
        ok("from JSON text", R"({"list":"[1,2]"})", R"({"length":2})");
        ok("unicode items", R"({"list":["😀","e\u0301",1e308]})", R"({"length":3})");
        fails("text that is no list", R"({"list":"😀"})", ErrorType::InvalidTypeConversion, "list:");
        fails("number", R"({"list":9007199254740993})", ErrorType::InvalidTypeConversion, "list:");
        fails("object", R"({"list":{}})", ErrorType::InvalidTypeConversion, "list:");
    }
    void length() { runRow("list.length"); }

    // ---- For Each / Map --------------------------------------------------------------------------

    void forEachCallsTheHelperPerItem()
    {
        test::TestEnv env;
        QList<std::pair<QString, QJsonObject>> calls;
        env.helper = [&calls](const QString &flowId, const QJsonObject &inputs) -> Result<QJsonObject> {
            calls.append({flowId, inputs});
            return QJsonObject();
        };
        const auto r =
            test::runCard(QStringLiteral("list.forEach"),
                          test::NamedValues{{QStringLiteral("list"), test::json(R"(["a","😀",null])")},
                                            {QStringLiteral("tenant"), QStringLiteral("acme")}},
                          helperSetup(), &env);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(*r, QJsonObject());
        QCOMPARE(calls.size(), 3);
        QCOMPARE(calls.at(0).first, QStringLiteral("helper"));
        QCOMPARE(calls.at(0).second, obj(R"({"item":"a","tenant":"acme"})"));
        QCOMPARE(calls.at(1).second, obj(R"({"item":"😀","tenant":"acme"})"));
        QCOMPARE(calls.at(2).second, obj(R"({"item":null,"tenant":"acme"})"));
    }

    void forEachNamesItemAndIndexInputs()
    {
        test::TestEnv env;
        QList<QJsonObject> calls;
        env.helper = [&calls](const QString &, const QJsonObject &inputs) -> Result<QJsonObject> {
            calls.append(inputs);
            return QJsonObject();
        };
        const auto r =
            test::runCard(QStringLiteral("list.forEach"), obj(R"({"list":[{"id":1},{"id":2}]})"),
                          helperSetup(obj(R"({"itemInput":"user","indexInput":"position"})")), &env);
        QVERIFY(r.ok());
        QCOMPARE(calls.size(), 2);
        QCOMPARE(calls.at(0), obj(R"({"user":{"id":1},"position":0})"));
        QCOMPARE(calls.at(1), obj(R"({"user":{"id":2},"position":1})"));
    }

    void forEachOnEmptyLists_data()
    {
        QTest::addColumn<QJsonValue>("list");
        QTest::addRow("empty") << test::json("[]");
        QTest::addRow("null") << test::json("null");
    }
    void forEachOnEmptyLists()
    {
        QFETCH(QJsonValue, list);
        test::TestEnv env;
        int calls = 0;
        env.helper = [&calls](const QString &, const QJsonObject &) -> Result<QJsonObject> {
            ++calls;
            return QJsonObject();
        };
        const auto r = test::runCard(QStringLiteral("list.forEach"),
                                     QJsonObject{{QStringLiteral("list"), list}}, helperSetup(), &env);
        QVERIFY(r.ok());
        QCOMPARE(calls, 0);
        const auto mapped = test::runCard(QStringLiteral("list.map"),
                                          QJsonObject{{QStringLiteral("list"), list}}, helperSetup(), &env);
        QVERIFY(mapped.ok());
        QCOMPARE(*mapped, obj(R"({"output":[]})"));
        QCOMPARE(calls, 0);
    }

    void forEachHandlesTenThousandItems()
    {
        test::TestEnv env;
        qsizetype calls = 0;
        QJsonObject last;
        env.helper = [&](const QString &, const QJsonObject &inputs) -> Result<QJsonObject> {
            ++calls;
            last = inputs;
            return QJsonObject();
        };
        const auto r = test::runCard(QStringLiteral("list.forEach"),
                                     QJsonObject{{QStringLiteral("list"), numbers(10000)}},
                                     helperSetup(obj(R"({"indexInput":"i"})")), &env);
        QVERIFY(r.ok());
        QCOMPARE(calls, 10000);
        QCOMPARE(last, obj(R"({"item":99990,"i":9999})"));
    }

    void forEachStopsWhenCanceled()
    {
        test::TestEnv env;
        int calls = 0;
        env.helper = [&](const QString &, const QJsonObject &) -> Result<QJsonObject> {
            if (++calls == 3)
                env.stop = true; // the execution is canceled while the third item runs
            return QJsonObject();
        };
        const auto r =
            test::runCard(QStringLiteral("list.forEach"),
                          QJsonObject{{QStringLiteral("list"), numbers(10000)}}, helperSetup(), &env);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().type, ErrorType::Canceled);
        QVERIFY2(r.error().message.contains(QLatin1String("item 3")), qPrintable(r.error().message));
        QCOMPARE(calls, 3);
    }

    void forEachAndMapDoNothingOnceStopped_data()
    {
        QTest::addColumn<QString>("functionId");
        QTest::addRow("For Each") << QStringLiteral("list.forEach");
        QTest::addRow("Map") << QStringLiteral("list.map");
    }
    void forEachAndMapDoNothingOnceStopped()
    {
        QFETCH(QString, functionId);
        test::TestEnv env;
        env.stop = true;
        int calls = 0;
        env.helper = [&calls](const QString &, const QJsonObject &) -> Result<QJsonObject> {
            ++calls;
            return QJsonObject();
        };
        const auto r =
            test::runCard(functionId, QJsonObject{{QStringLiteral("list"), numbers(2)}}, helperSetup(), &env);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().type, ErrorType::Canceled);
        QCOMPARE(calls, 0);
    }

    void helperErrorsNameTheItem_data()
    {
        QTest::addColumn<QString>("functionId");
        QTest::addRow("For Each") << QStringLiteral("list.forEach");
        QTest::addRow("Map") << QStringLiteral("list.map");
    }
    void helperErrorsNameTheItem()
    {
        QFETCH(QString, functionId);
        test::TestEnv env;
        int calls = 0;
        env.helper = [&calls](const QString &, const QJsonObject &inputs) -> Result<QJsonObject> {
            ++calls;
            if (inputs.value(QStringLiteral("item")).toDouble() == 20)
                return makeError(ErrorType::NotFound, QStringLiteral("user 20 does not exist"));
            return QJsonObject();
        };
        const auto r =
            test::runCard(functionId, QJsonObject{{QStringLiteral("list"), numbers(5)}}, helperSetup(), &env);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().type, ErrorType::NotFound); // the helper's error type is kept
        QCOMPARE(r.error().message, QStringLiteral("item 2: user 20 does not exist"));
        QCOMPARE(calls, 3); // nothing runs after the failing item
    }

    void missingHelperFlowFailsTheFirstItem()
    {
        test::TestEnv env; // no helper scripted: callFlow answers Not Found
        const auto r =
            test::runCard(QStringLiteral("list.forEach"), obj(R"({"list":[1]})"), helperSetup(), &env);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().type, ErrorType::NotFound);
        QVERIFY(r.error().message.startsWith(QLatin1String("item 0: ")));
    }

    void helperOptionsAreChecked_data()
    {
        QTest::addColumn<QString>("functionId");
        QTest::addColumn<QJsonObject>("options");
        QTest::addColumn<QString>("message");
        for (const char *id : {"list.forEach", "list.map"}) {
            const QString functionId = QLatin1String(id);
            QTest::addRow("%s no flow", id) << functionId << QJsonObject() << QStringLiteral("flow:");
            QTest::addRow("%s flow not text", id)
                << functionId << obj(R"({"flow":5})") << QStringLiteral("flow:");
            QTest::addRow("%s empty flow", id)
                << functionId << obj(R"({"flow":""})") << QStringLiteral("flow:");
            QTest::addRow("%s itemInput not text", id)
                << functionId << obj(R"({"flow":"h","itemInput":[]})") << QStringLiteral("itemInput:");
            QTest::addRow("%s empty indexInput", id)
                << functionId << obj(R"({"flow":"h","indexInput":""})") << QStringLiteral("indexInput:");
        }
    }
    void helperOptionsAreChecked()
    {
        QFETCH(QString, functionId);
        QFETCH(QJsonObject, options);
        QFETCH(QString, message);
        test::TestEnv env;
        int calls = 0;
        env.helper = [&calls](const QString &, const QJsonObject &) -> Result<QJsonObject> {
            ++calls;
            return QJsonObject();
        };
        test::CardSetup setup;
        setup.options = options;
        // Checked even when the list is empty, so a broken card is found before it meets data.
        const auto r = test::runCard(functionId, obj(R"({"list":[]})"), setup, &env);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().type, ErrorType::InvalidInput);
        QVERIFY2(r.error().message.startsWith(message), qPrintable(r.error().message));
        QCOMPARE(calls, 0);
    }

    void forEachRefusesAWrongList()
    {
        const auto r =
            test::runCard(QStringLiteral("list.forEach"), obj(R"({"list":{"a":1}})"), helperSetup());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().type, ErrorType::InvalidTypeConversion);
        QVERIFY(r.error().message.startsWith(QLatin1String("list:")));
    }

    void map_data()
    {
        QTest::addColumn<QJsonValue>("list");
        QTest::addColumn<QJsonObject>("returned"); // what the helper returns, "$item" replaced by the item
        QTest::addColumn<QJsonValue>("expected");
        QTest::addRow("one field flattens")
            << test::json("[1,2,3]") << obj(R"({"v":"$item"})") << test::json("[1,2,3]");
        QTest::addRow("several fields stay objects")
            << test::json(R"(["a"])") << obj(R"({"v":"$item","n":1})") << test::json(R"([{"v":"a","n":1}])");
        QTest::addRow("no fields give empty objects")
            << test::json("[1,2]") << QJsonObject() << test::json("[{},{}]");
        QTest::addRow("one field holding an object")
            << test::json("[1]") << obj(R"({"o":{"x":"$item"}})") << test::json(R"([{"x":"$item"}])");
        QTest::addRow("null items") << test::json("[null]") << obj(R"({"v":"$item"})")
                                    << test::json("[null]");
        QTest::addRow("unicode and huge numbers")
            << test::json(R"(["😀","e\u0301",1e308,9007199254740993])") << obj(R"({"v":"$item"})")
            << test::json(R"(["😀","e\u0301",1e308,9007199254740993])");
    }
    void map()
    {
        QFETCH(QJsonValue, list);
        QFETCH(QJsonObject, returned);
        QFETCH(QJsonValue, expected);
        test::TestEnv env;
        env.helper = [&returned](const QString &, const QJsonObject &inputs) -> Result<QJsonObject> {
            QJsonObject out = returned;
            for (auto it = out.begin(); it != out.end(); ++it) {
                if (it.value() == QJsonValue(QStringLiteral("$item")))
                    it.value() = inputs.value(QStringLiteral("item"));
            }
            return out;
        };
        check(test::runCard(QStringLiteral("list.map"), QJsonObject{{QStringLiteral("list"), list}},
                            helperSetup(), &env),
              QJsonObject{{QStringLiteral("output"), expected}}, kOk, QString());
    }

    void mapPassesSharedInputsAndIndex()
    {
        test::TestEnv env;
        env.helper = [](const QString &flowId, const QJsonObject &inputs) -> Result<QJsonObject> {
            if (flowId != QLatin1String("double"))
                return makeError(ErrorType::NotFound, QStringLiteral("wrong flow"));
            return QJsonObject{
                {QStringLiteral("r"), inputs.value(QStringLiteral("x")).toDouble() *
                                              inputs.value(QStringLiteral("factor")).toDouble() +
                                          inputs.value(QStringLiteral("i")).toDouble()}};
        };
        const auto r =
            test::runCard(QStringLiteral("list.map"),
                          test::NamedValues{{QStringLiteral("list"), test::json("[1,2,3]")},
                                            {QStringLiteral("factor"), 10}},
                          helperSetup(obj(R"({"flow":"double","itemInput":"x","indexInput":"i"})")), &env);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(*r, obj(R"({"output":[10,21,32]})"));
    }

    // ---- Filter / Find ---------------------------------------------------------------------------

    void filter_data()
    {
        addColumns();
        ok("equal numbers", R"({"list":[1,2,1,3],"operator":"equal to","value":1})", R"({"output":[1,1]})");
        ok("greater than is numeric", R"({"list":[80,9,100],"operator":"greater than","value":9})",
           R"({"output":[80,100]})");
        ok("texts compare as text", R"({"list":["80","9"],"operator":"greater than","value":"10"})",
           R"({"output":["80","9"]})");
        ok("compareAs number",
           R"({"list":["80","9","100"],"operator":"greater than","value":"10","compareAs":"number"})",
           R"({"output":["80","100"]})");
        ok("operator case is ignored", R"({"list":[1,2],"operator":"Equal To","value":2})",
           R"({"output":[2]})");
        ok("contains", R"({"list":["apple","banana","cherry"],"operator":"contains","value":"an"})",
           R"({"output":["banana"]})");
        ok("is empty (unary)", R"({"list":["",null,"x",[],{}],"operator":"is empty"})",
           R"({"output":["",null,[],{}]})");
        ok("path into objects",
           R"({"list":[{"n":"a","age":30},{"n":"b","age":17}],"operator":"greater than or equal to","value":18,"path":"age"})",
           R"({"output":[{"n":"a","age":30}]})");
        ok("nested path",
           R"({"list":[{"u":{"tags":["x"]}},{"u":{"tags":["y"]}}],"operator":"equal to","value":"y","path":"u.tags.0"})",
           R"({"output":[{"u":{"tags":["y"]}}]})");
        ok("missing field never matches an ordering",
           R"({"list":[{"age":30},{"name":"x"}],"operator":"greater than","value":18,"path":"age","compareAs":"number"})",
           R"({"output":[{"age":30}]})");
        ok("missing field is empty", R"({"list":[{"a":1},{"b":2}],"operator":"is empty","path":"a"})",
           R"({"output":[{"b":2}]})");
        ok("no match", R"({"list":[1,2],"operator":"equal to","value":3})", R"({"output":[]})");
        ok("empty list", R"({"list":[],"operator":"equal to","value":3})", R"({"output":[]})");
        ok("null list", R"({"list":null,"operator":"equal to","value":3})", R"({"output":[]})");
        ok("empty path means the item", R"({"list":[1,2],"operator":"equal to","value":2,"path":""})",
           R"({"output":[2]})");
        ok("unicode", R"({"list":["😀 smile","e\u0301","plain"],"operator":"contains","value":"😀"})",
           R"({"output":["😀 smile"]})");
        ok("combining characters are not normalized",
           R"({"list":["e\u0301","\u00e9"],"operator":"equal to","value":"\u00e9"})",
           R"({"output":["\u00e9"]})");
        ok("huge numbers",
           R"({"list":[1e308,9007199254740993,1],"operator":"greater than","value":9007199254740991})",
           R"({"output":[1e308,9007199254740993]})");
        fails("unknown operator", R"({"list":[1],"operator":"bigger","value":1})", ErrorType::InvalidInput,
              "operator: \"bigger\"");
        fails("unknown operator on an empty list", R"({"list":[],"operator":"bigger"})",
              ErrorType::InvalidInput, "operator:");
        fails("operator missing", R"({"list":[1],"value":1})", ErrorType::InvalidInput,
              "operator: a value is required");
        fails("unknown compareAs", R"({"list":[1],"operator":"equal to","value":1,"compareAs":"roman"})",
              ErrorType::InvalidInput, "compareAs: \"roman\"");
        fails("item that cannot be compared",
              R"({"list":["1","x"],"operator":"greater than","value":0,"compareAs":"number"})",
              ErrorType::InvalidInput, "item 1: ");
        fails("empty path part", R"({"list":[1],"operator":"equal to","value":1,"path":"a..b"})",
              ErrorType::InvalidInput, "path:");
        fails("list is an object", R"({"list":{},"operator":"equal to","value":1})",
              ErrorType::InvalidTypeConversion, "list:");
    }
    void filter() { runRow("list.filter"); }

    void find_data()
    {
        addColumns();
        ok("first match", R"({"list":[5,80,90],"operator":"greater than","value":50})",
           R"({"item":80,"index":1})");
        ok("match at 0", R"({"list":["a","b"],"operator":"equal to","value":"a"})",
           R"({"item":"a","index":0})");
        ok("by path",
           R"({"list":[{"id":1},{"id":2},{"id":2,"x":1}],"operator":"equal to","value":2,"path":"id"})",
           R"({"item":{"id":2},"index":1})");
        ok("matching a null item", R"({"list":[1,null],"operator":"is empty"})",
           R"({"item":null,"index":1})");
        ok("no match", R"({"list":[1,2],"operator":"greater than","value":5})",
           R"({"item":null,"index":-1})");
        ok("empty list", R"({"list":[],"operator":"equal to","value":1})", R"({"item":null,"index":-1})");
        ok("null list", R"({"list":null,"operator":"equal to","value":1})", R"({"item":null,"index":-1})");
        ok("unicode", R"({"list":["e\u0301","😀"],"operator":"starts with","value":"😀"})",
           R"({"item":"😀","index":1})");
        ok("huge numbers", R"({"list":[1,1e308],"operator":"equal to","value":1e308})",
           R"({"item":1e308,"index":1})");
        ok("stops at the first match before a bad item",
           R"({"list":["5","x"],"operator":"equal to","value":5,"compareAs":"number"})",
           R"({"item":"5","index":0})");
        fails("unknown operator", R"({"list":[1],"operator":"=="})", ErrorType::InvalidInput, "operator:");
        fails("unknown compareAs", R"({"list":[1],"operator":"equal to","compareAs":"x"})",
              ErrorType::InvalidInput, "compareAs:");
        fails("item that cannot be compared",
              R"({"list":["x"],"operator":"equal to","value":1,"compareAs":"number"})",
              ErrorType::InvalidInput, "item 0: ");
        fails("list is a number", R"({"list":3,"operator":"equal to"})", ErrorType::InvalidTypeConversion,
              "list:");
    }
    void find() { runRow("list.find"); }

    // ---- Pluck / List to Text --------------------------------------------------------------------

    void pluck_data()
    {
        addColumns();
        ok("key", R"({"list":[{"a":1},{"a":"x"},{"b":3}],"key":"a"})", R"({"output":[1,"x",null]})");
        ok("path", R"({"list":[{"u":{"ids":[4,5]}},{"u":{}}],"key":"u.ids.1"})", R"({"output":[5,null]})");
        ok("null items", R"({"list":[null,{"a":1}],"key":"a"})", R"({"output":[null,1]})");
        ok("objects from JSON text", R"({"list":["{\u0022a\u0022:2}"],"key":"a"})", R"({"output":[2]})");
        ok("empty list", R"({"list":[],"key":"a"})", R"({"output":[]})");
        ok("null list", R"({"list":null,"key":"a"})", R"({"output":[]})");
        ok("empty objects", R"({"list":[{},{}],"key":"a"})", R"({"output":[null,null]})");
        ok("unicode", R"({"list":[{"ключ":"😀"},{"ключ":"e\u0301"}],"key":"ключ"})",
           R"({"output":["😀","e\u0301"]})");
        ok("huge numbers", R"({"list":[{"n":1e308},{"n":9007199254740993}],"key":"n"})",
           R"({"output":[1e308,9007199254740993]})");
        fails("item not an object", R"({"list":[{"a":1},5],"key":"a"})", ErrorType::InvalidTypeConversion,
              "list: item 1: ");
        fails("empty key", R"({"list":[{"a":1}],"key":""})", ErrorType::InvalidInput, "key:");
        fails("key missing", R"({"list":[{"a":1}]})", ErrorType::InvalidInput, "key: a value is required");
        fails("empty key part", R"({"list":[{"a":1}],"key":"a."})", ErrorType::InvalidInput, "key:");
    }
    void pluck() { runRow("list.pluck"); }

    void listToText_data()
    {
        addColumns();
        ok("default comma", R"({"list":["a","b","c"]})", R"({"output":"a,b,c"})");
        ok("text forms", R"({"list":[1,2.5,true,null,{"x":1},[1]]})",
           R"({"output":"1,2.5,true,,{\u0022x\u0022:1},[1]"})");
        ok("separator", R"({"list":["a","b"],"separator":" | "})", R"({"output":"a | b"})");
        ok("empty separator joins", R"({"list":["a","b"],"separator":""})", R"({"output":"ab"})");
        ok("null separator is the default", R"({"list":["a","b"],"separator":null})", R"({"output":"a,b"})");
        ok("one item", R"({"list":["a"],"separator":"-"})", R"({"output":"a"})");
        ok("empty list", R"({"list":[]})", R"({"output":""})");
        ok("null list", R"({"list":null})", R"({"output":""})");
        ok("empty items", R"({"list":["",""]})", R"({"output":","})");
        ok("unicode", R"({"list":["😀","e\u0301"],"separator":"·"})", R"({"output":"😀·e\u0301"})");
        ok("huge numbers", R"({"list":[1e308,9007199254740993,1e21,123456789012345680000]})",
           R"({"output":"1e+308,9007199254740992,1e+21,123456789012345680000"})");
        fails("not a list", R"({"list":{"a":1}})", ErrorType::InvalidTypeConversion, "list:");
    }
    void listToText() { runRow("list.listToText"); }

    void listToTextRefusesHugeResults()
    {
        const QString half = QString(kMaxTextLength / 2 + 1, QLatin1Char('x'));
        const auto r = test::runCard(QStringLiteral("list.listToText"),
                                     QJsonObject{{QStringLiteral("list"), QJsonArray{half, half}}});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().type, ErrorType::LimitExceeded);
        QVERIFY(r.error().message.startsWith(QLatin1String("list:")));
        QVERIFY(r.error().message.size() < 200);
    }

    // ---- Sort ------------------------------------------------------------------------------------

    void sort_data()
    {
        addColumns();
        ok("numbers", R"({"list":[3,1,2]})", R"({"output":[1,2,3]})");
        ok("numbers desc", R"({"list":[3,1,2],"order":"desc"})", R"({"output":[3,2,1]})");
        ok("numerically, not as text", R"({"list":[80,9,100]})", R"({"output":[9,80,100]})");
        ok("texts by code points", R"({"list":["b","B","a","ab"]})", R"({"output":["B","a","ab","b"]})");
        ok("number texts stay texts", R"({"list":["80","9","100"]})", R"({"output":["100","80","9"]})");
        ok("compareAs number", R"({"list":["80","9","100"],"compareAs":"number"})",
           R"({"output":["9","80","100"]})");
        ok("compareAs text", R"({"list":[80,9,100],"compareAs":"text"})", R"({"output":[100,80,9]})");
        ok("compareAs boolean", R"({"list":[true,false,"true"],"compareAs":"boolean"})",
           R"({"output":[false,true,"true"]})");
        ok("compareAs datetime",
           R"({"list":["2024-05-02T00:00:00Z","2024-05-01T23:00:00-02:00","2024-05-01T00:00:00Z"],"compareAs":"datetime"})",
           R"({"output":["2024-05-01T00:00:00Z","2024-05-02T00:00:00Z","2024-05-01T23:00:00-02:00"]})");
        ok("mixed types", R"({"list":["b",2,null,"a",true,1,{"x":1}]})",
           R"({"output":[1,2,"a","b",null,true,{"x":1}]})");
        ok("mixed types desc", R"({"list":["b",2,null,"a",true,1],"order":"desc"})",
           R"({"output":[null,true,"b","a",2,1]})");
        ok("stable by path", R"({"list":[{"n":"x","k":1},{"n":"y","k":0},{"n":"z","k":1}],"path":"k"})",
           R"({"output":[{"n":"y","k":0},{"n":"x","k":1},{"n":"z","k":1}]})");
        ok("stable by path desc",
           R"({"list":[{"n":"x","k":1},{"n":"y","k":0},{"n":"z","k":1}],"path":"k","order":"desc"})",
           R"({"output":[{"n":"x","k":1},{"n":"z","k":1},{"n":"y","k":0}]})");
        ok("missing field sorts last", R"({"list":[{"k":2},{},{"k":1}],"path":"k"})",
           R"({"output":[{"k":1},{"k":2},{}]})");
        ok("nested path", R"({"list":[{"a":{"b":"z"}},{"a":{"b":"m"}}],"path":"a.b"})",
           R"({"output":[{"a":{"b":"m"}},{"a":{"b":"z"}}]})");
        ok("order is case-insensitive", R"({"list":[1,2],"order":" DESC "})", R"({"output":[2,1]})");
        ok("empty order is asc", R"({"list":[2,1],"order":""})", R"({"output":[1,2]})");
        ok("empty list", R"({"list":[]})", R"({"output":[]})");
        ok("null list", R"({"list":null})", R"({"output":[]})");
        ok("code points, not UTF-16 units", R"({"list":["😀","\ue000","a"]})",
           R"({"output":["a","\ue000","😀"]})");
        ok("combining characters", R"({"list":["\u00e9","e\u0301","e"]})",
           R"({"output":["e","e\u0301","\u00e9"]})");
        ok("huge numbers", R"({"list":[1e308,-1e308,9007199254740993,9007199254740992,0]})",
           R"({"output":[-1e308,0,9007199254740993,9007199254740992,1e308]})");
        fails("unknown order", R"({"list":[1],"order":"up"})", ErrorType::InvalidInput, "order: \"up\"");
        fails("unknown compareAs", R"({"list":[1],"compareAs":"roman"})", ErrorType::InvalidInput,
              "compareAs:");
        fails("not a number", R"({"list":["1","x"],"compareAs":"number"})", ErrorType::InvalidTypeConversion,
              "item 1: ");
        fails("not a date", R"({"list":["2024-05-01T00:00:00Z","soon"],"compareAs":"datetime"})",
              ErrorType::InvalidTypeConversion, "item 1: ");
        fails("empty path part", R"({"list":[1],"path":".a"})", ErrorType::InvalidInput, "path:");
        fails("not a list", R"({"list":"x"})", ErrorType::InvalidTypeConversion, "list:");
    }
    void sort() { runRow("list.sort"); }

    void removeDuplicates_data()
    {
        addColumns();
        ok("keeps the first", R"({"list":[1,2,1,3,2]})", R"({"output":[1,2,3]})");
        ok("texts", R"({"list":["a","b","a"]})", R"({"output":["a","b"]})");
        ok("text and number differ", R"({"list":["1",1,"1"]})", R"({"output":["1",1]})");
        ok("1 and 1.0 are equal", R"({"list":[1,1.0]})", R"({"output":[1]})");
        ok("objects by content", R"({"list":[{"a":1,"b":2},{"b":2,"a":1},{"a":1}]})",
           R"({"output":[{"a":1,"b":2},{"a":1}]})");
        ok("nested lists", R"({"list":[[1,2],[1,2],[2,1]]})", R"({"output":[[1,2],[2,1]]})");
        ok("nulls and booleans", R"({"list":[null,false,null,true,false]})",
           R"({"output":[null,false,true]})");
        ok("empty values", R"({"list":["",[],{},"",[],{}]})", R"({"output":["",[],{}]})");
        ok("empty list", R"({"list":[]})", R"({"output":[]})");
        ok("null list", R"({"list":null})", R"({"output":[]})");
        ok("combining characters are not normalized", R"({"list":["\u00e9","e\u0301","😀","😀"]})",
           R"({"output":["\u00e9","e\u0301","😀"]})");
        ok("huge numbers", R"({"list":[1e308,1e308,9007199254740993,9007199254740993]})",
           R"({"output":[1e308,9007199254740993]})");
        fails("not a list", R"({"list":true})", ErrorType::InvalidTypeConversion, "list:");
    }
    void removeDuplicates() { runRow("list.removeDuplicates"); }
};

QTEST_GUILESS_MAIN(TstListCards)
#include "tst_listcards.moc"
