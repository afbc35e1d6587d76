// Tests for the True/False cards: Compare, And, Or and Not, run through the card invoker.

#include "CardTestSupport.h"

#include <QTest>

using namespace wf;
using wf::test::inputs;
using wf::test::runCard;

namespace {

constexpr int kOk = -1;

} // namespace

Q_DECLARE_METATYPE(wf::test::NamedValues)

class TestBooleanCards final : public QObject {
    Q_OBJECT
private slots:
    void catalogue();
    void compare_data();
    void compare();
    void compareAsOption();
    void logic_data();
    void logic();

private:
    static void addColumns();
    static void check(const QString &functionId, const test::CardSetup &setup = {});
};

void TestBooleanCards::addColumns()
{
    QTest::addColumn<test::NamedValues>("in");
    QTest::addColumn<bool>("expected");
    QTest::addColumn<int>("errorType"); // kOk, or the ErrorType
    QTest::addColumn<QString>("message");
}

void TestBooleanCards::check(const QString &functionId, const test::CardSetup &setup)
{
    QFETCH(test::NamedValues, in);
    QFETCH(bool, expected);
    QFETCH(int, errorType);
    QFETCH(QString, message);

    const auto r = runCard(functionId, in, setup);
    if (errorType != kOk) {
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error().type), errorType);
        QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
        return;
    }
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    QCOMPARE(r->keys(), QStringList{QStringLiteral("result")});
    QVERIFY(r->value(QStringLiteral("result")).isBool());
    QCOMPARE(r->value(QStringLiteral("result")).toBool(), expected);
}

void TestBooleanCards::catalogue()
{
    const auto &catalogue = CardCatalogue::builtIn();
    const QList<std::pair<const char *, const char *>> cards{
        {"boolean.compare", "Compare"}, {"boolean.and", "And"}, {"boolean.or", "Or"}, {"boolean.not", "Not"}};
    for (const auto &[id, name] : cards) {
        const CardSpec *spec = catalogue.find(QString::fromUtf8(id));
        QVERIFY2(spec, id);
        QCOMPARE(spec->category, QStringLiteral("True/False"));
        QCOMPARE(spec->name, QString::fromUtf8(name));
        QCOMPARE(spec->outputs.size(), 1);
        QCOMPARE(spec->outputs.at(0).name, QStringLiteral("result"));
        QCOMPARE(spec->outputs.at(0).type, ValueType::boolean());
    }
    const CardSpec *compare = catalogue.find(QStringLiteral("boolean.compare"));
    QCOMPARE(compare->findInput(QStringLiteral("operator"))->defaultValue,
             QJsonValue(QStringLiteral("equal to")));
    QCOMPARE(compare->findInput(QStringLiteral("compareAs"))->defaultValue,
             QJsonValue(QStringLiteral("auto")));
    QVERIFY(catalogue.find(QStringLiteral("boolean.and"))->dynamicInputs);
    QVERIFY(catalogue.find(QStringLiteral("boolean.or"))->dynamicInputs);
    QVERIFY(!catalogue.find(QStringLiteral("boolean.not"))->dynamicInputs);
}

void TestBooleanCards::compare_data()
{
    addColumns();
    const auto ok = [](const char *name, test::NamedValues in, bool result) {
        QTest::addRow("%s", name) << in << result << kOk << QString();
    };
    const auto fails = [](const char *name, test::NamedValues in, ErrorType type, const char *message) {
        QTest::addRow("%s", name) << in << false << int(type) << QString::fromUtf8(message);
    };

    ok("default operator equal", inputs({{"a", "1"}, {"b", "1"}}), true);
    ok("default operator not equal", inputs({{"a", "1"}, {"b", "2"}}), false);
    ok("null operator uses default", inputs({{"a", "\"x\""}, {"operator", "null"}, {"b", "\"x\""}}), true);
    ok("80 > 9 numbers", inputs({{"a", "80"}, {"operator", "\"greater than\""}, {"b", "9"}}), true);
    ok("\"80\" > \"9\" text", inputs({{"a", "\"80\""}, {"operator", "\"greater than\""}, {"b", "\"9\""}}),
       false);
    ok("\"80\" > \"9\" as number",
       inputs(
           {{"a", "\"80\""}, {"operator", "\"greater than\""}, {"b", "\"9\""}, {"compareAs", "\"number\""}}),
       true);
    ok("80 < 9 as text",
       inputs({{"a", "80"}, {"operator", "\"less than\""}, {"b", "9"}, {"compareAs", "\"text\""}}), true);
    ok("dates as datetime",
       inputs({{"a", "\"2024-05-01T10:00:00-05:00\""},
               {"operator", "\"greater than\""},
               {"b", "\"2024-05-01T14:00:00Z\""},
               {"compareAs", "\"datetime\""}}),
       true);
    ok("booleans", inputs({{"a", "true"}, {"operator", "\"not equal to\""}, {"b", "false"}}), true);
    ok("both missing are equal", inputs({}), true);
    ok("is empty null", inputs({{"a", "null"}, {"operator", "\"is empty\""}}), true);
    ok("is empty list", inputs({{"a", "[]"}, {"operator", "\"is empty\""}, {"b", "\"ignored\""}}), true);
    ok("is not empty object", inputs({{"a", "{\"k\":0}"}, {"operator", "\"is not empty\""}}), true);
    ok("contains emoji", inputs({{"a", "\"I ❤️ 😀\""}, {"operator", "\"contains\""}, {"b", "\"😀\""}}),
       true);
    ok("list contains", inputs({{"a", "[\"x\",\"y\"]"}, {"operator", "\"contains\""}, {"b", "\"y\""}}), true);
    ok("in list", inputs({{"a", "3"}, {"operator", "\"in\""}, {"b", "[1,2]"}}), false);
    ok("not in list", inputs({{"a", "3"}, {"operator", "\"not in\""}, {"b", "[1,2]"}}), true);
    ok("has key", inputs({{"a", "{\"id\":null}"}, {"operator", "\"has key\""}, {"b", "\"id\""}}), true);
    ok("has key missing", inputs({{"a", "{}"}, {"operator", "\"has key\""}, {"b", "\"id\""}}), false);
    ok("starts with combining",
       inputs({{"a", "\"e\\u0301te\""}, {"operator", "\"starts with\""}, {"b", "\"e\""}}), true);
    ok("huge numbers", inputs({{"a", "1e308"}, {"operator", "\"greater than\""}, {"b", "9007199254740993"}}),
       true);
    ok("compareAs empty means auto",
       inputs({{"a", "2"}, {"operator", "\"less than\""}, {"b", "10"}, {"compareAs", "\"\""}}), true);

    fails("unknown operator", inputs({{"a", "1"}, {"operator", "\"==\""}, {"b", "1"}}),
          ErrorType::InvalidInput, "operator: unknown operator \"==\"");
    fails("empty operator", inputs({{"a", "1"}, {"operator", "\"\""}, {"b", "1"}}), ErrorType::InvalidInput,
          "operator: unknown operator \"\"");
    fails("unknown compareAs", inputs({{"a", "1"}, {"b", "1"}, {"compareAs", "\"integer\""}}),
          ErrorType::InvalidInput, "compareAs: unknown type \"integer\"");
    fails("not a number",
          inputs({{"a", "\"abc\""}, {"operator", "\"less than\""}, {"b", "1"}, {"compareAs", "\"number\""}}),
          ErrorType::InvalidInput, "less than: a (text \"abc\") is not a Number");
    fails("not a date", inputs({{"a", "\"2024-01-01\""}, {"b", "\"soon\""}, {"compareAs", "\"datetime\""}}),
          ErrorType::InvalidInput, "equal to: b (text \"soon\") is not a Date & Time");
    fails("has key on list", inputs({{"a", "[1]"}, {"operator", "\"has key\""}, {"b", "\"0\""}}),
          ErrorType::InvalidInput, "has key: a must be an Object");
    fails("operator object", inputs({{"a", "1"}, {"operator", "{}"}, {"b", "1"}}), ErrorType::InvalidInput,
          "operator: unknown operator \"{}\"");
}

void TestBooleanCards::compare()
{
    check(QStringLiteral("boolean.compare"));
}

void TestBooleanCards::compareAsOption()
{
    // A flow may fix compareAs as a static option instead of binding the input.
    test::CardSetup setup;
    setup.options.insert(QStringLiteral("compareAs"), QStringLiteral("number"));
    const auto in = inputs({{"a", "\"80\""}, {"operator", "\"greater than\""}, {"b", "\"9\""}});
    auto r = runCard(QStringLiteral("boolean.compare"), in, setup);
    QVERIFY(r.ok());
    QCOMPARE(r->value(QStringLiteral("result")), QJsonValue(true));

    // A bound input wins over the option.
    auto bound = in;
    bound.append({QStringLiteral("compareAs"), QStringLiteral("text")});
    r = runCard(QStringLiteral("boolean.compare"), bound, setup);
    QVERIFY(r.ok());
    QCOMPARE(r->value(QStringLiteral("result")), QJsonValue(false));

    setup.options.insert(QStringLiteral("compareAs"), QStringLiteral("bogus"));
    r = runCard(QStringLiteral("boolean.compare"), in, setup);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().type, ErrorType::InvalidInput);
    QVERIFY(r.error().message.startsWith(QStringLiteral("compareAs:")));
}

void TestBooleanCards::logic_data()
{
    QTest::addColumn<QString>("functionId");
    addColumns();
    const auto ok = [](const char *name, const char *id, test::NamedValues in, bool result) {
        QTest::addRow("%s", name) << QString::fromUtf8(id) << in << result << kOk << QString();
    };
    const auto fails = [](const char *name, const char *id, test::NamedValues in, ErrorType type,
                          const char *message) {
        QTest::addRow("%s", name) << QString::fromUtf8(id) << in << false << int(type)
                                  << QString::fromUtf8(message);
    };

    ok("and true true", "boolean.and", inputs({{"x", "true"}, {"y", "true"}}), true);
    ok("and true false", "boolean.and", inputs({{"x", "true"}, {"y", "false"}}), false);
    ok("and single", "boolean.and", inputs({{"only", "true"}}), true);
    ok("and many", "boolean.and", inputs({{"a", "true"}, {"b", "true"}, {"c", "true"}, {"d", "false"}}),
       false);
    ok("and null is false", "boolean.and", inputs({{"x", "true"}, {"y", "null"}}), false);
    ok("and text true", "boolean.and", inputs({{"x", "\" TRUE \""}, {"y", "1"}}), true);
    ok("and zero", "boolean.and", inputs({{"x", "true"}, {"y", "0"}}), false);
    ok("and huge number", "boolean.and", inputs({{"x", "1e308"}, {"y", "true"}}), true);
    fails("and none", "boolean.and", inputs({}), ErrorType::InvalidInput, "at least one True/False input");
    fails("and text", "boolean.and", inputs({{"x", "true"}, {"flag", "\"yes\""}}),
          ErrorType::InvalidTypeConversion, "flag: cannot convert text \"yes\" to True/False");
    fails("and empty text", "boolean.and", inputs({{"flag", "\"\""}}), ErrorType::InvalidTypeConversion,
          "flag:");
    fails("and list", "boolean.and", inputs({{"x", "[true]"}}), ErrorType::InvalidTypeConversion,
          "x: cannot convert List to True/False");
    fails("and object after false", "boolean.and", inputs({{"x", "false"}, {"y", "{}"}}),
          ErrorType::InvalidTypeConversion, "y: cannot convert Object");

    ok("or false true", "boolean.or", inputs({{"x", "false"}, {"y", "true"}}), true);
    ok("or false false", "boolean.or", inputs({{"x", "false"}, {"y", "false"}}), false);
    ok("or single false", "boolean.or", inputs({{"x", "false"}}), false);
    ok("or nulls", "boolean.or", inputs({{"x", "null"}, {"y", "null"}}), false);
    ok("or null and true", "boolean.or", inputs({{"x", "null"}, {"y", "true"}}), true);
    ok("or text false", "boolean.or", inputs({{"x", "\"false\""}, {"y", "\"False\""}}), false);
    ok("or number", "boolean.or", inputs({{"x", "0"}, {"y", "-0.5"}}), true);
    fails("or none", "boolean.or", inputs({}), ErrorType::InvalidInput, "inputs: at least one");
    fails("or emoji", "boolean.or", inputs({{"x", "\"😀\""}}), ErrorType::InvalidTypeConversion,
          "x: cannot convert");

    ok("not true", "boolean.not", inputs({{"value", "true"}}), false);
    ok("not false", "boolean.not", inputs({{"value", "false"}}), true);
    ok("not null is true", "boolean.not", inputs({{"value", "null"}}), true);
    ok("not missing is true", "boolean.not", inputs({}), true);
    ok("not text", "boolean.not", inputs({{"value", "\"true\""}}), false);
    ok("not number", "boolean.not", inputs({{"value", "0"}}), true);
    fails("not text yes", "boolean.not", inputs({{"value", "\"yes\""}}), ErrorType::InvalidTypeConversion,
          "value: cannot convert text \"yes\"");
    fails("not object", "boolean.not", inputs({{"value", "{}"}}), ErrorType::InvalidTypeConversion,
          "value: cannot convert Object to True/False");
    fails("not list", "boolean.not", inputs({{"value", "[]"}}), ErrorType::InvalidTypeConversion, "value:");
}

void TestBooleanCards::logic()
{
    QFETCH(QString, functionId);
    check(functionId);
}

QTEST_GUILESS_MAIN(TestBooleanCards)
#include "tst_booleancards.moc"
