// Tests of the Object card family: Construct, Get, Get Multiple, Set, Merge, Keys, Values.
// Rows are JSON literals in raw strings; quotes inside JSON strings are written \u0022 because moc 6.4
// loses track of a raw string that contains a backslash before a quote (and then skips the class).
#include "CardRows.h"

#include <QTest>

using namespace wf;
using namespace wf::test;

// Qt keeps integers parsed from JSON exactly (9007199254740993 stays 2^53+1), and these cards pass values
// through untouched, so the rows expect the exact integer back.

class TstObjectCards final : public QObject {
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
        const QStringList expected = {QStringLiteral("Construct"),    QStringLiteral("Get"),
                                      QStringLiteral("Get Multiple"), QStringLiteral("Set"),
                                      QStringLiteral("Merge"),        QStringLiteral("Keys"),
                                      QStringLiteral("Values")};
        QStringList names;
        for (const CardSpec &spec : CardCatalogue::builtIn().cards()) {
            if (spec.category == QLatin1String("Object")) {
                QVERIFY(spec.functionId.startsWith(QLatin1String("object.")));
                QVERIFY(!spec.description.isEmpty());
                QVERIFY(spec.run);
                names.append(spec.name);
            }
        }
        QCOMPARE(names, expected);
        QVERIFY(CardCatalogue::builtIn().find(QStringLiteral("object.construct"))->dynamicInputs);
        QVERIFY(CardCatalogue::builtIn().find(QStringLiteral("object.getMultiple"))->dynamicOutputs);
        QCOMPARE(CardCatalogue::builtIn()
                     .find(QStringLiteral("object.keys"))
                     ->findOutput(QStringLiteral("keys"))
                     ->type,
                 ValueType::list(BaseType::Text));
    }

    // Construct takes its inputs in declaration order, so the rows give [name, value] pairs.
    void construct_data()
    {
        QTest::addColumn<QJsonArray>("pairs");
        QTest::addColumn<QJsonObject>("expected");
        const auto row = [](const char *name, const char *pairs, const char *expected) {
            QTest::addRow("%s", name) << test::json(pairs).toArray() << obj(expected);
        };
        row("two keys", R"([["name","Ann"],["age",3]])", R"({"output":{"name":"Ann","age":3}})");
        row("no inputs", "[]", R"({"output":{}})");
        row("null value kept", R"([["a",null]])", R"({"output":{"a":null}})");
        row("empty values", R"([["t",""],["l",[]],["o",{}]])", R"({"output":{"t":"","l":[],"o":{}}})");
        row("nested", R"([["o",{"p":[1,{"q":2}]}]])", R"({"output":{"o":{"p":[1,{"q":2}]}}})");
        row("unicode", R"([["ключ","😀"],["e","e\u0301"]])", R"({"output":{"ключ":"😀","e":"e\u0301"}})");
        row("huge numbers", R"([["big",1e308],["odd",9007199254740993]])",
            R"({"output":{"big":1e308,"odd":9007199254740993}})");
    }
    void construct()
    {
        QFETCH(QJsonArray, pairs);
        QFETCH(QJsonObject, expected);
        test::NamedValues inputs;
        for (const QJsonValue &pair : pairs)
            inputs.append({pair.toArray().at(0).toString(), pair.toArray().at(1)});
        check(test::runCard(QStringLiteral("object.construct"), inputs), expected, kOk, QString());
    }

    void constructConvertsTypedInputs()
    {
        test::CardSetup setup;
        setup.inputTypes = {{QStringLiteral("n"), ValueType::number()},
                            {QStringLiteral("l"), ValueType::list()}};
        check(test::runCard(QStringLiteral("object.construct"),
                            test::NamedValues{{QStringLiteral("n"), QStringLiteral("12")},
                                              {QStringLiteral("l"), QStringLiteral("[1]")}},
                            setup),
              obj(R"({"output":{"n":12,"l":[1]}})"), kOk, QString());
        check(test::runCard(QStringLiteral("object.construct"),
                            test::NamedValues{{QStringLiteral("n"), QStringLiteral("twelve")}}, setup),
              {}, static_cast<int>(ErrorType::InvalidTypeConversion), QStringLiteral("n: "));
    }

    void get_data()
    {
        addColumns();
        ok("top key", R"({"object":{"a":1},"path":"a"})", R"({"value":1})");
        ok("dot path with list index", R"({"object":{"a":{"b":[{"c":"x"},{"c":"y"}]}},"path":"a.b.1.c"})",
           R"({"value":"y"})");
        ok("whole nested object", R"({"object":{"a":{"b":{"c":1}}},"path":"a.b"})", R"({"value":{"c":1}})");
        ok("digit key on an object", R"({"object":{"0":"zero"},"path":"0"})", R"({"value":"zero"})");
        ok("empty text value", R"({"object":{"a":""},"path":"a"})", R"({"value":""})");
        ok("empty list value", R"({"object":{"a":[]},"path":"a"})", R"({"value":[]})");
        ok("null value without default", R"({"object":{"a":null},"path":"a"})", R"({"value":null})");
        ok("null value takes the default", R"({"object":{"a":null},"path":"a","default":7})",
           R"({"value":7})");
        ok("default when missing", R"({"object":{"a":1},"path":"b","default":"none"})",
           R"({"value":"none"})");
        ok("false default", R"({"object":{},"path":"b","default":false})", R"({"value":false})");
        ok("default ignored when found", R"({"object":{"a":0},"path":"a","default":5})", R"({"value":0})");
        ok("null object with default", R"({"object":null,"path":"a","default":{"x":1}})",
           R"({"value":{"x":1}})");
        ok("object from JSON text", R"({"object":"{\u0022a\u0022:2}","path":"a"})", R"({"value":2})");
        ok("unicode keys", R"({"object":{"ключ":{"😀":"e\u0301"}},"path":"ключ.😀"})",
           R"({"value":"e\u0301"})");
        ok("huge number", R"({"object":{"n":1e308},"path":"n"})", R"({"value":1e308})");
        ok("2^53+1", R"({"object":{"n":9007199254740993},"path":"n"})", R"({"value":9007199254740993})");
        fails("missing key", R"({"object":{"a":1},"path":"a.b"})", ErrorType::NotFound, "\"a.b\"");
        fails("missing top key", R"({"object":{"a":1},"path":"b"})", ErrorType::NotFound,
              "path: nothing at \"b\"");
        fails("index out of range", R"({"object":{"l":[1]},"path":"l.1"})", ErrorType::NotFound, "\"l.1\"");
        fails("non-index on a list", R"({"object":{"l":[1]},"path":"l.x"})", ErrorType::NotFound, "\"l.x\"");
        fails("negative index", R"({"object":{"l":[1]},"path":"l.-1"})", ErrorType::NotFound, "\"l.-1\"");
        fails("into a scalar", R"({"object":{"a":"text"},"path":"a.length"})", ErrorType::NotFound,
              "a.length");
        fails("empty object", R"({"object":{},"path":"a"})", ErrorType::NotFound, "\"a\"");
        fails("null object", R"({"object":null,"path":"a"})", ErrorType::NotFound, "\"a\"");
        fails("empty path", R"({"object":{"a":1},"path":""})", ErrorType::InvalidInput, "path:");
        fails("empty path part", R"({"object":{"a":1},"path":"a..b"})", ErrorType::InvalidInput, "path:");
        fails("null path", R"({"object":{"a":1},"path":null})", ErrorType::InvalidInput,
              "path: a value is required");
        fails("number as object", R"({"object":5,"path":"a"})", ErrorType::InvalidTypeConversion, "object:");
        fails("list as object", R"({"object":[1],"path":"0"})", ErrorType::InvalidTypeConversion, "object:");
        fails("text that is not an object", R"({"object":"abc","path":"a"})",
              ErrorType::InvalidTypeConversion, "object:");
    }
    void get() { runRow("object.get"); }

    void getTruncatesLongPaths()
    {
        const QString path = QString(100, QLatin1Char('x'));
        const auto r =
            test::runCard(QStringLiteral("object.get"), QJsonObject{{QStringLiteral("object"), QJsonObject()},
                                                                    {QStringLiteral("path"), path}});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().type, ErrorType::NotFound);
        QVERIFY(r.error().message.contains(path.left(40)));
        QVERIFY(!r.error().message.contains(path));
    }

    void getMultiple_data()
    {
        QTest::addColumn<QJsonObject>("inputs");
        QTest::addColumn<QStringList>("outputs");
        QTest::addColumn<QJsonValue>("paths");
        QTest::addColumn<QJsonObject>("expected");
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, const char *inputs, const QStringList &outputs,
                            const char *paths, const char *expected) {
            QTest::addRow("%s", name)
                << obj(inputs) << outputs << test::json(paths) << obj(expected) << kOk << QString();
        };
        const QString a = QStringLiteral("a");
        const QString b = QStringLiteral("b");
        row("keys by output name", R"({"object":{"a":1,"b":"x","c":3}})", {a, b}, "null",
            R"({"a":1,"b":"x"})");
        row("missing gives null", R"({"object":{"a":1}})", {a, b}, "null", R"({"a":1,"b":null})");
        row("paths option", R"({"object":{"user":{"name":"Ann","ids":[5,6]}}})", {a, b},
            R"({"a":"user.name","b":"user.ids.1"})", R"({"a":"Ann","b":6})");
        row("paths option for some outputs", R"({"object":{"a":1,"x":{"y":2}}})", {a, b}, R"({"b":"x.y"})",
            R"({"a":1,"b":2})");
        row("no outputs", R"({"object":{"a":1}})", {}, "null", "{}");
        row("null object", R"({"object":null})", {a}, "null", R"({"a":null})");
        row("empty object", R"({"object":{}})", {a}, "null", R"({"a":null})");
        row("unicode", R"({"object":{"ключ":"😀"}})", {QStringLiteral("ключ")}, "null", R"({"ключ":"😀"})");
        row("huge numbers", R"({"object":{"a":1e308,"b":9007199254740993}})", {a, b}, "null",
            R"({"a":1e308,"b":9007199254740993})");
        const auto fail = [](const char *name, const char *inputs, const QStringList &outputs,
                             const char *paths, ErrorType type, const char *message) {
            QTest::addRow("%s", name) << obj(inputs) << outputs << test::json(paths) << QJsonObject()
                                      << static_cast<int>(type) << QString::fromUtf8(message);
        };
        fail("paths option not an object", R"({"object":{}})", {a}, "[1]", ErrorType::InvalidInput, "paths:");
        fail("path not text", R"({"object":{}})", {a}, R"({"a":1})", ErrorType::InvalidInput, "\"a\"");
        fail("empty path", R"({"object":{}})", {a}, R"({"a":""})", ErrorType::InvalidInput, "paths:");
        fail("wrong object type", R"({"object":true})", {a}, "null", ErrorType::InvalidTypeConversion,
             "object:");
    }
    void getMultiple()
    {
        QFETCH(QJsonObject, inputs);
        QFETCH(QStringList, outputs);
        QFETCH(QJsonValue, paths);
        QFETCH(QJsonObject, expected);
        QFETCH(int, error);
        QFETCH(QString, message);
        test::CardSetup setup;
        for (const QString &name : outputs)
            setup.outputs.append(FieldDecl{name, ValueType::any()});
        if (!paths.isNull())
            setup.options.insert(QStringLiteral("paths"), paths);
        check(test::runCard(QStringLiteral("object.getMultiple"), inputs, setup), expected, error, message);
    }

    void getMultipleConvertsToDeclaredTypes()
    {
        test::CardSetup setup;
        setup.outputs = {FieldDecl{QStringLiteral("n"), ValueType::number()},
                         FieldDecl{QStringLiteral("t"), ValueType::text()}};
        check(
            test::runCard(QStringLiteral("object.getMultiple"), obj(R"({"object":{"n":"42","t":7}})"), setup),
            obj(R"({"n":42,"t":"7"})"), kOk, QString());
        check(test::runCard(QStringLiteral("object.getMultiple"), obj(R"({"object":{"n":"forty"}})"), setup),
              {}, static_cast<int>(ErrorType::InvalidTypeConversion), QStringLiteral("n: "));
    }

    void set_data()
    {
        addColumns();
        ok("new key", R"({"object":{"a":1},"path":"b","value":2})", R"({"output":{"a":1,"b":2}})");
        ok("overwrite", R"({"object":{"a":1},"path":"a","value":"x"})", R"({"output":{"a":"x"}})");
        ok("creates intermediate objects", R"({"object":{},"path":"a.b.c","value":true})",
           R"({"output":{"a":{"b":{"c":true}}}})");
        ok("keeps siblings", R"({"object":{"a":{"x":1}},"path":"a.y","value":2})",
           R"({"output":{"a":{"x":1,"y":2}}})");
        ok("replace list item", R"({"object":{"l":[1,2]},"path":"l.1","value":9})",
           R"({"output":{"l":[1,9]}})");
        ok("append to list", R"({"object":{"l":[1,2]},"path":"l.2","value":9})",
           R"({"output":{"l":[1,2,9]}})");
        ok("into object in list", R"({"object":{"l":[{"x":1}]},"path":"l.0.y","value":2})",
           R"({"output":{"l":[{"x":1,"y":2}]}})");
        ok("null object", R"({"object":null,"path":"a","value":1})", R"({"output":{"a":1}})");
        ok("null value", R"({"object":{"a":1},"path":"a","value":null})", R"({"output":{"a":null}})");
        ok("absent value", R"({"object":{"a":1},"path":"b"})", R"({"output":{"a":1,"b":null}})");
        ok("empty values", R"({"object":{},"path":"a","value":[]})", R"({"output":{"a":[]}})");
        ok("unicode", R"({"object":{},"path":"ключ.😀","value":"e\u0301"})",
           R"({"output":{"ключ":{"😀":"e\u0301"}}})");
        ok("huge number", R"({"object":{},"path":"n","value":1e308})", R"({"output":{"n":1e308}})");
        ok("2^53+1", R"({"object":{},"path":"n","value":9007199254740993})",
           R"({"output":{"n":9007199254740993}})");
        fails("index past the end", R"({"object":{"l":[1]},"path":"l.5","value":1})", ErrorType::InvalidInput,
              "index 5 is out of range");
        fails("non-index on a list", R"({"object":{"l":[1]},"path":"l.x","value":1})",
              ErrorType::InvalidInput, "\"x\" is not an index");
        fails("through a scalar", R"({"object":{"a":5},"path":"a.b","value":1})", ErrorType::InvalidInput,
              "\"a\" holds a Number");
        fails("empty path", R"({"object":{},"path":"","value":1})", ErrorType::InvalidInput, "path:");
        fails("empty path part", R"({"object":{},"path":"a.","value":1})", ErrorType::InvalidInput, "path:");
        fails("null path", R"({"object":{},"path":null,"value":1})", ErrorType::InvalidInput, "path:");
        fails("list as object", R"({"object":[1],"path":"a","value":1})", ErrorType::InvalidTypeConversion,
              "object:");
    }
    void set() { runRow("object.set"); }

    void setRefusesVeryDeepPaths()
    {
        QStringList parts(600, QStringLiteral("a"));
        const auto r = test::runCard(QStringLiteral("object.set"),
                                     QJsonObject{{QStringLiteral("object"), QJsonObject()},
                                                 {QStringLiteral("path"), parts.join(QLatin1Char('.'))},
                                                 {QStringLiteral("value"), 1}});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().type, ErrorType::LimitExceeded);
        QVERIFY(r.error().message.startsWith(QLatin1String("path:")));
        parts.resize(512);
        const auto deep = test::runCard(QStringLiteral("object.set"),
                                        QJsonObject{{QStringLiteral("object"), QJsonObject()},
                                                    {QStringLiteral("path"), parts.join(QLatin1Char('.'))},
                                                    {QStringLiteral("value"), 1}});
        QVERIFY(deep.ok());
    }

    void merge_data()
    {
        addColumns();
        ok("b wins", R"({"a":{"x":1,"y":2},"b":{"y":3}})", R"({"output":{"x":1,"y":3}})");
        ok("disjoint", R"({"a":{"x":1},"b":{"y":2}})", R"({"output":{"x":1,"y":2}})");
        ok("deep", R"({"a":{"o":{"p":1,"q":1,"r":{"s":1}}},"b":{"o":{"q":2,"r":{"t":2}}}})",
           R"({"output":{"o":{"p":1,"q":2,"r":{"s":1,"t":2}}}})");
        ok("lists are replaced", R"({"a":{"l":[1,2]},"b":{"l":[3]}})", R"({"output":{"l":[3]}})");
        ok("object replaces scalar", R"({"a":{"k":1},"b":{"k":{"x":1}}})", R"({"output":{"k":{"x":1}}})");
        ok("scalar replaces object", R"({"a":{"k":{"x":1}},"b":{"k":1}})", R"({"output":{"k":1}})");
        ok("null in b wins", R"({"a":{"k":1},"b":{"k":null}})", R"({"output":{"k":null}})");
        ok("null a", R"({"a":null,"b":{"k":1}})", R"({"output":{"k":1}})");
        ok("null b", R"({"a":{"k":1},"b":null})", R"({"output":{"k":1}})");
        ok("both absent", "{}", R"({"output":{}})");
        ok("both empty", R"({"a":{},"b":{}})", R"({"output":{}})");
        ok("unicode", R"({"a":{"ключ":"e\u0301"},"b":{"😀":1}})", R"({"output":{"ключ":"e\u0301","😀":1}})");
        ok("huge numbers", R"({"a":{"n":1e308},"b":{"m":9007199254740993}})",
           R"({"output":{"n":1e308,"m":9007199254740993}})");
        fails("a not an object", R"({"a":5,"b":{}})", ErrorType::InvalidTypeConversion, "a:");
        fails("b not an object", R"({"a":{},"b":[1]})", ErrorType::InvalidTypeConversion, "b:");
    }
    void merge() { runRow("object.merge"); }

    void keys_data()
    {
        addColumns();
        // Objects keep their keys sorted, so Keys lists them sorted whatever order they were built in.
        ok("sorted", R"({"object":{"b":1,"a":2,"c":3}})", R"({"keys":["a","b","c"]})");
        ok("nested values", R"({"object":{"o":{"x":1}}})", R"({"keys":["o"]})");
        ok("empty object", R"({"object":{}})", R"({"keys":[]})");
        ok("null object", R"({"object":null})", R"({"keys":[]})");
        ok("unicode", R"({"object":{"😀":1}})", R"({"keys":["😀"]})");
        ok("from JSON text", R"({"object":"{\u0022k\u0022:1}"})", R"({"keys":["k"]})");
        fails("number", R"({"object":1e308})", ErrorType::InvalidTypeConversion, "object:");
        fails("text", R"({"object":"e\u0301"})", ErrorType::InvalidTypeConversion, "object:");
    }
    void keys() { runRow("object.keys"); }

    void values_data()
    {
        addColumns();
        ok("in key order", R"({"object":{"b":1,"a":"x"}})", R"({"values":["x",1]})");
        ok("mixed values", R"({"object":{"a":null,"b":[],"c":{}}})", R"({"values":[null,[],{}]})");
        ok("empty object", R"({"object":{}})", R"({"values":[]})");
        ok("null object", R"({"object":null})", R"({"values":[]})");
        ok("unicode and huge numbers", R"({"object":{"a":"😀","b":1e308,"c":9007199254740993}})",
           R"({"values":["😀",1e308,9007199254740993]})");
        fails("list", R"({"object":[1,2]})", ErrorType::InvalidTypeConversion, "object:");
        fails("boolean", R"({"object":true})", ErrorType::InvalidTypeConversion, "object:");
    }
    void values() { runRow("object.values"); }
};

QTEST_GUILESS_MAIN(TstObjectCards)
#include "tst_objectcards.moc"
