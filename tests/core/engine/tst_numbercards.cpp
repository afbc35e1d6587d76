// Tests for the Number cards: Add, Subtract, Multiply, Divide, Round and Formula, run through the
// card invoker exactly as the executor runs them.

#include "CardTestSupport.h"

#include <QTest>

using namespace wf;
using wf::test::inputs;
using wf::test::runCard;

namespace {

constexpr int kOk = -1;

} // namespace

Q_DECLARE_METATYPE(wf::test::NamedValues)

class TestNumberCards final : public QObject {
    Q_OBJECT
private slots:
    void catalogue();
    void arithmetic_data();
    void arithmetic();
    void round_data();
    void round();
    void formula_data();
    void formula();
    void formulaLimits();

private:
    static void addColumns();
    static void check(const QString &functionId);
};

void TestNumberCards::addColumns()
{
    QTest::addColumn<test::NamedValues>("in");
    QTest::addColumn<QByteArray>("expected"); // the `result` as JSON when the card succeeds
    QTest::addColumn<int>("errorType");       // kOk, or the ErrorType
    QTest::addColumn<QString>("message");     // a part of the error message
}

void TestNumberCards::check(const QString &functionId)
{
    QFETCH(test::NamedValues, in);
    QFETCH(QByteArray, expected);
    QFETCH(int, errorType);
    QFETCH(QString, message);

    const auto r = runCard(functionId, in);
    if (errorType != kOk) {
        QVERIFY2(!r.ok(), qPrintable(r.ok() ? valueToText(r->value(QStringLiteral("result"))) : QString()));
        QCOMPARE(int(r.error().type), errorType);
        QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
        return;
    }
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    QCOMPARE(r->keys(), QStringList{QStringLiteral("result")});
    const QJsonValue actual = r->value(QStringLiteral("result"));
    const QJsonValue wanted = test::json(expected.constData());
    QVERIFY2(actual == wanted,
             qPrintable(valueToText(actual) + QStringLiteral(" != ") + valueToText(wanted)));
}

void TestNumberCards::catalogue()
{
    const QStringList ids{QStringLiteral("number.add"),      QStringLiteral("number.subtract"),
                          QStringLiteral("number.multiply"), QStringLiteral("number.divide"),
                          QStringLiteral("number.round"),    QStringLiteral("number.formula")};
    const QStringList names{QStringLiteral("Add"),    QStringLiteral("Subtract"), QStringLiteral("Multiply"),
                            QStringLiteral("Divide"), QStringLiteral("Round"),    QStringLiteral("Formula")};
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const CardSpec *spec = CardCatalogue::builtIn().find(ids.at(i));
        QVERIFY2(spec, qPrintable(ids.at(i)));
        QCOMPARE(spec->category, QStringLiteral("Number"));
        QCOMPARE(spec->name, names.at(i));
        QVERIFY(!spec->description.isEmpty());
        QCOMPARE(spec->outputs.size(), 1);
        QCOMPARE(spec->outputs.at(0).name, QStringLiteral("result"));
        QCOMPARE(spec->outputs.at(0).type, ValueType::number());
    }
    QVERIFY(CardCatalogue::builtIn().find(QStringLiteral("number.add"))->dynamicInputs);
    QVERIFY(CardCatalogue::builtIn().find(QStringLiteral("number.multiply"))->dynamicInputs);
    QVERIFY(!CardCatalogue::builtIn().find(QStringLiteral("number.subtract"))->dynamicInputs);
    QVERIFY(CardCatalogue::builtIn().find(QStringLiteral("number.formula"))->dynamicInputs);
}

void TestNumberCards::arithmetic_data()
{
    QTest::addColumn<QString>("functionId");
    addColumns();
    const auto ok = [](const char *name, const char *id, test::NamedValues in, const char *result) {
        QTest::addRow("%s", name) << QString::fromUtf8(id) << in << QByteArray(result) << kOk << QString();
    };
    const auto fails = [](const char *name, const char *id, test::NamedValues in, ErrorType type,
                          const char *message) {
        QTest::addRow("%s", name) << QString::fromUtf8(id) << in << QByteArray() << int(type)
                                  << QString::fromUtf8(message);
    };

    // Add.
    ok("add", "number.add", inputs({{"a", "2"}, {"b", "3"}}), "5");
    ok("add negative", "number.add", inputs({{"a", "-2.5"}, {"b", "1"}}), "-1.5");
    ok("add decimals", "number.add", inputs({{"a", "0.1"}, {"b", "0.2"}}), "0.30000000000000004");
    ok("add text numbers", "number.add", inputs({{"a", "\"2\""}, {"b", "\" 3.5 \""}}), "5.5");
    ok("add boolean", "number.add", inputs({{"a", "true"}, {"b", "1"}}), "2");
    ok("add extra inputs", "number.add", inputs({{"a", "1"}, {"b", "2"}, {"c", "3"}, {"d", "\"4\""}}), "10");
    ok("add 2^53+1", "number.add", inputs({{"a", "9007199254740992"}, {"b", "1"}}), "9007199254740992");
    ok("add 1e308 + 0", "number.add", inputs({{"a", "1e308"}, {"b", "0"}}), "1e308");
    ok("add to zero no negative zero", "number.add", inputs({{"a", "-0"}, {"b", "0"}}), "0");
    fails("add overflow", "number.add", inputs({{"a", "1e308"}, {"b", "1e308"}}), ErrorType::InvalidInput,
          "result: the result is too large");
    fails("add extra overflow", "number.add", inputs({{"a", "1e308"}, {"b", "0"}, {"c", "1e308"}}),
          ErrorType::InvalidInput, "too large");
    fails("add missing a", "number.add", inputs({{"b", "1"}}), ErrorType::InvalidInput,
          "a: a value is required");
    fails("add null b", "number.add", inputs({{"a", "1"}, {"b", "null"}}), ErrorType::InvalidInput,
          "b: a value is required");
    fails("add empty text", "number.add", inputs({{"a", "\"\""}, {"b", "1"}}),
          ErrorType::InvalidTypeConversion, "a: cannot convert");
    fails("add text", "number.add", inputs({{"a", "\"abc\""}, {"b", "1"}}), ErrorType::InvalidTypeConversion,
          "a: cannot convert text \"abc\" to Number");
    fails("add list", "number.add", inputs({{"a", "1"}, {"b", "[1]"}}), ErrorType::InvalidTypeConversion,
          "b: cannot convert");
    fails("add object", "number.add", inputs({{"a", "{}"}, {"b", "1"}}), ErrorType::InvalidTypeConversion,
          "a: cannot convert Object to Number");
    fails("add extra text", "number.add", inputs({{"a", "1"}, {"b", "1"}, {"extra", "\"x\""}}),
          ErrorType::InvalidTypeConversion, "extra: cannot convert text \"x\" to Number");
    fails("add extra null", "number.add", inputs({{"a", "1"}, {"b", "1"}, {"extra", "null"}}),
          ErrorType::InvalidInput, "extra: a value is required");
    fails("add emoji", "number.add", inputs({{"a", "\"😀\""}, {"b", "1"}}), ErrorType::InvalidTypeConversion,
          "a: cannot convert");

    // Subtract.
    ok("subtract", "number.subtract", inputs({{"a", "10"}, {"b", "4"}}), "6");
    ok("subtract negative result", "number.subtract", inputs({{"a", "4"}, {"b", "10"}}), "-6");
    ok("subtract same", "number.subtract", inputs({{"a", "1e308"}, {"b", "1e308"}}), "0");
    ok("subtract -0", "number.subtract", inputs({{"a", "0"}, {"b", "0"}}), "0");
    fails("subtract overflow", "number.subtract", inputs({{"a", "-1e308"}, {"b", "1e308"}}),
          ErrorType::InvalidInput, "result:");
    fails("subtract missing b", "number.subtract", inputs({{"a", "1"}}), ErrorType::InvalidInput,
          "b: a value is required");
    fails("subtract bool text", "number.subtract", inputs({{"a", "\"yes\""}, {"b", "1"}}),
          ErrorType::InvalidTypeConversion, "a:");

    // Multiply.
    ok("multiply", "number.multiply", inputs({{"a", "6"}, {"b", "7"}}), "42");
    ok("multiply extra", "number.multiply", inputs({{"a", "2"}, {"b", "3"}, {"c", "4"}}), "24");
    ok("multiply by zero", "number.multiply", inputs({{"a", "1e308"}, {"b", "0"}}), "0");
    ok("multiply negative zero", "number.multiply", inputs({{"a", "-1"}, {"b", "0"}}), "0");
    ok("multiply fractions", "number.multiply", inputs({{"a", "0.5"}, {"b", "-0.5"}}), "-0.25");
    fails("multiply overflow", "number.multiply", inputs({{"a", "1e308"}, {"b", "10"}}),
          ErrorType::InvalidInput, "too large");
    fails("multiply null", "number.multiply", inputs({{"a", "null"}, {"b", "2"}}), ErrorType::InvalidInput,
          "a: a value is required");
    fails("multiply list", "number.multiply", inputs({{"a", "2"}, {"b", "[]"}}),
          ErrorType::InvalidTypeConversion, "b:");

    // Divide.
    ok("divide", "number.divide", inputs({{"a", "10"}, {"b", "4"}}), "2.5");
    ok("divide exact", "number.divide", inputs({{"a", "-9"}, {"b", "3"}}), "-3");
    ok("divide thirds", "number.divide", inputs({{"a", "1"}, {"b", "3"}}), "0.3333333333333333");
    ok("divide zero by", "number.divide", inputs({{"a", "0"}, {"b", "-5"}}), "0");
    ok("divide underflow to zero", "number.divide", inputs({{"a", "1e-308"}, {"b", "1e308"}}), "0");
    fails("divide by zero", "number.divide", inputs({{"a", "1"}, {"b", "0"}}), ErrorType::InvalidInput,
          "b: division by zero");
    fails("divide zero by zero", "number.divide", inputs({{"a", "0"}, {"b", "0"}}), ErrorType::InvalidInput,
          "b: division by zero");
    fails("divide by text zero", "number.divide", inputs({{"a", "1"}, {"b", "\"0\""}}),
          ErrorType::InvalidInput, "b: division by zero");
    fails("divide by false", "number.divide", inputs({{"a", "1"}, {"b", "false"}}), ErrorType::InvalidInput,
          "b: division by zero");
    fails("divide overflow", "number.divide", inputs({{"a", "1e308"}, {"b", "0.1"}}), ErrorType::InvalidInput,
          "too large");
    fails("divide missing", "number.divide", inputs({}), ErrorType::InvalidInput, "a: a value is required");
    fails("divide object", "number.divide", inputs({{"a", "1"}, {"b", "{\"x\":1}"}}),
          ErrorType::InvalidTypeConversion, "b: cannot convert Object to Number");
}

void TestNumberCards::arithmetic()
{
    QFETCH(QString, functionId);
    check(functionId);
}

void TestNumberCards::round_data()
{
    addColumns();
    const auto ok = [](const char *name, test::NamedValues in, const char *result) {
        QTest::addRow("%s", name) << in << QByteArray(result) << kOk << QString();
    };
    const auto fails = [](const char *name, test::NamedValues in, ErrorType type, const char *message) {
        QTest::addRow("%s", name) << in << QByteArray() << int(type) << QString::fromUtf8(message);
    };

    ok("default places", inputs({{"number", "2.4"}}), "2");
    ok("half up", inputs({{"number", "2.5"}}), "3");
    ok("half away from zero negative", inputs({{"number", "-2.5"}}), "-3");
    ok("no negative zero", inputs({{"number", "-0.4"}}), "0");
    ok("two places", inputs({{"number", "3.14159"}, {"places", "2"}}), "3.14");
    ok("decimal half 1.005", inputs({{"number", "1.005"}, {"places", "2"}}), "1.01");
    ok("decimal half 2.675", inputs({{"number", "2.675"}, {"places", "2"}}), "2.68");
    ok("carry 9.995", inputs({{"number", "9.995"}, {"places", "2"}}), "10");
    ok("carry 99.5", inputs({{"number", "99.5"}}), "100");
    ok("fewer decimals unchanged", inputs({{"number", "1.5"}, {"places", "3"}}), "1.5");
    ok("0.1+0.2 at 15", inputs({{"number", "0.30000000000000004"}, {"places", "15"}}), "0.3");
    ok("tiny rounds to zero", inputs({{"number", "0.0004"}, {"places", "2"}}), "0");
    ok("tiny half", inputs({{"number", "0.005"}, {"places", "2"}}), "0.01");
    ok("1e308 unchanged", inputs({{"number", "1e308"}, {"places", "2"}}), "1e308");
    ok("2^53 unchanged", inputs({{"number", "9007199254740993"}}), "9007199254740992");
    ok("integer unchanged", inputs({{"number", "-42"}}), "-42");
    ok("zero", inputs({{"number", "0"}, {"places", "5"}}), "0");
    ok("denormal", inputs({{"number", "5e-324"}, {"places", "15"}}), "0");
    ok("places as text", inputs({{"number", "1.2345"}, {"places", "\"3\""}}), "1.235");
    ok("places null uses default", inputs({{"number", "1.7"}, {"places", "null"}}), "2");
    ok("floor", inputs({{"number", "1.99"}, {"mode", "\"floor\""}}), "1");
    ok("floor negative", inputs({{"number", "-1.01"}, {"mode", "\"floor\""}}), "-2");
    ok("floor places", inputs({{"number", "-0.0004"}, {"places", "2"}, {"mode", "\"floor\""}}), "-0.01");
    ok("floor 0.1+0.2", inputs({{"number", "0.30000000000000004"}, {"places", "1"}, {"mode", "\"floor\""}}),
       "0.3");
    ok("ceiling", inputs({{"number", "1.01"}, {"mode", "\"ceiling\""}}), "2");
    ok("ceiling negative", inputs({{"number", "-1.99"}, {"mode", "\"ceiling\""}}), "-1");
    ok("ceiling negative to zero", inputs({{"number", "-0.5"}, {"mode", "\"ceiling\""}}), "0");
    ok("ceiling places", inputs({{"number", "0.0004"}, {"places", "2"}, {"mode", "\"ceiling\""}}), "0.01");
    ok("ceiling exact stays", inputs({{"number", "2"}, {"mode", "\"ceiling\""}}), "2");
    ok("truncate", inputs({{"number", "-1.99"}, {"mode", "\"truncate\""}}), "-1");
    ok("truncate places", inputs({{"number", "1.999"}, {"places", "2"}, {"mode", "\"truncate\""}}), "1.99");
    ok("mode case-insensitive", inputs({{"number", "1.5"}, {"mode", "\" FLOOR \""}}), "1");
    ok("mode empty means round", inputs({{"number", "1.5"}, {"mode", "\"\""}}), "2");
    ok("number as text", inputs({{"number", "\"2.5\""}}), "3");

    fails("places too many", inputs({{"number", "1"}, {"places", "16"}}), ErrorType::InvalidInput,
          "places: must be a whole number from 0 to 15, not 16");
    fails("places negative", inputs({{"number", "1"}, {"places", "-1"}}), ErrorType::InvalidInput, "places:");
    fails("places fractional", inputs({{"number", "1"}, {"places", "1.5"}}), ErrorType::InvalidInput,
          "places: must be a whole number");
    fails("places text", inputs({{"number", "1"}, {"places", "\"two\""}}), ErrorType::InvalidTypeConversion,
          "places:");
    fails("places huge", inputs({{"number", "1"}, {"places", "1e308"}}), ErrorType::InvalidInput, "places:");
    fails("mode unknown", inputs({{"number", "1"}, {"mode", "\"bankers\""}}), ErrorType::InvalidInput,
          "mode: unknown rounding mode \"bankers\"");
    fails("number missing", inputs({{"places", "1"}}), ErrorType::InvalidInput,
          "number: a value is required");
    fails("number text", inputs({{"number", "\"abc\""}}), ErrorType::InvalidTypeConversion, "number:");
    fails("number list", inputs({{"number", "[1.5]"}}), ErrorType::InvalidTypeConversion, "number:");
}

void TestNumberCards::round()
{
    check(QStringLiteral("number.round"));
}

void TestNumberCards::formula_data()
{
    addColumns();
    const auto ok = [](const char *name, test::NamedValues in, const char *result) {
        QTest::addRow("%s", name) << in << QByteArray(result) << kOk << QString();
    };
    const auto fails = [](const char *name, test::NamedValues in, ErrorType type, const char *message) {
        QTest::addRow("%s", name) << in << QByteArray() << int(type) << QString::fromUtf8(message);
    };

    ok("number", inputs({{"expression", "\"42\""}}), "42");
    ok("precedence", inputs({{"expression", "\"1 + 2 * 3\""}}), "7");
    ok("parentheses", inputs({{"expression", "\"(1 + 2) * 3\""}}), "9");
    ok("left associative minus", inputs({{"expression", "\"10 - 4 - 3\""}}), "3");
    ok("left associative divide", inputs({{"expression", "\"100 / 10 / 5\""}}), "2");
    ok("power right associative", inputs({{"expression", "\"2 ^ 3 ^ 2\""}}), "512");
    ok("unary minus below power", inputs({{"expression", "\"-2 ^ 2\""}}), "-4");
    ok("negative exponent", inputs({{"expression", "\"2 ^ -1\""}}), "0.5");
    ok("double unary", inputs({{"expression", "\"--3 + +2\""}}), "5");
    ok("modulo", inputs({{"expression", "\"17 % 5\""}}), "2");
    ok("modulo negative keeps dividend sign", inputs({{"expression", "\"-7 % 3\""}}), "-1");
    ok("decimals and exponent", inputs({{"expression", "\".5 + 1.5e2 + 2E-1\""}}), "150.7");
    ok("whitespace", inputs({{"expression", "\" \\t1\\n+\\r\\n2 \""}}), "3");
    ok("variables", inputs({{"expression", "\"price * quantity\""}, {"price", "2.5"}, {"quantity", "4"}}),
       "10");
    ok("variable as text", inputs({{"expression", "\"x + 1\""}, {"x", "\"41\""}}), "42");
    ok("variable named like function", inputs({{"expression", "\"max + max(1, 2)\""}, {"max", "10"}}), "12");
    ok("variable with digits and underscore", inputs({{"expression", "\"_a1 * 2\""}, {"_a1", "3"}}), "6");
    ok("unused empty variable", inputs({{"expression", "\"1\""}, {"unused", "null"}}), "1");
    ok("abs", inputs({{"expression", "\"abs(-3.5)\""}}), "3.5");
    ok("min", inputs({{"expression", "\"min(3, -1, 2)\""}}), "-1");
    ok("max one argument", inputs({{"expression", "\"max(7)\""}}), "7");
    ok("round", inputs({{"expression", "\"round(2.5)\""}}), "3");
    ok("round negative", inputs({{"expression", "\"round(-2.5)\""}}), "-3");
    ok("round places", inputs({{"expression", "\"round(1.005, 2)\""}}), "1.01");
    ok("floor", inputs({{"expression", "\"floor(-1.5)\""}}), "-2");
    ok("ceil", inputs({{"expression", "\"ceil(1.2)\""}}), "2");
    ok("sqrt", inputs({{"expression", "\"sqrt(16)\""}}), "4");
    ok("pow", inputs({{"expression", "\"pow(2, 10)\""}}), "1024");
    ok("nested functions", inputs({{"expression", "\"max(abs(-5), min(10, pow(2, 3)))\""}}), "8");
    ok("huge but finite", inputs({{"expression", "\"1e308 / 10 * 10\""}}), "1e308");
    ok("2^53+1 loses precision", inputs({{"expression", "\"2^53 + 1\""}}), "9007199254740992");
    ok("tiny underflows to zero", inputs({{"expression", "\"1e-300 * 1e-300\""}}), "0");

    fails("empty expression", inputs({{"expression", "\"\""}}), ErrorType::InvalidInput,
          "expression: the expression is empty at position 1");
    fails("blank expression", inputs({{"expression", "\"   \""}}), ErrorType::InvalidInput, "expression: ");
    fails("missing expression", inputs({}), ErrorType::InvalidInput, "expression: a value is required");
    fails("trailing operator", inputs({{"expression", "\"1 +\""}}), ErrorType::InvalidInput,
          "expression: unexpected end at position 4");
    fails("unexpected character", inputs({{"expression", "\"1 + $\""}}), ErrorType::InvalidInput,
          "expression: unexpected '$' at position 5");
    fails("two numbers", inputs({{"expression", "\"1 2\""}}), ErrorType::InvalidInput,
          "unexpected '2' at position 3");
    fails("unclosed parenthesis", inputs({{"expression", "\"(1 + 2\""}}), ErrorType::InvalidInput,
          "missing ')' at position 7");
    fails("extra closing parenthesis", inputs({{"expression", "\"1)\""}}), ErrorType::InvalidInput,
          "unexpected ')' at position 2");
    fails("empty parentheses", inputs({{"expression", "\"()\""}}), ErrorType::InvalidInput,
          "unexpected ')' at position 2");
    fails("malformed number", inputs({{"expression", "\"1e+\""}}), ErrorType::InvalidInput,
          "malformed number at position 1");
    fails("lone dot", inputs({{"expression", "\"1 + .\""}}), ErrorType::InvalidInput,
          "malformed number at position 5");
    fails("number too large", inputs({{"expression", "\"1e999\""}}), ErrorType::InvalidInput,
          "the number is too large at position 1");
    fails("unknown variable", inputs({{"expression", "\"x + y\""}, {"x", "1"}}), ErrorType::InvalidInput,
          "unknown variable 'y' at position 5");
    fails("empty variable", inputs({{"expression", "\"x\""}, {"x", "null"}}), ErrorType::InvalidInput,
          "variable 'x' is empty at position 1");
    fails("variable not a number", inputs({{"expression", "\"x\""}, {"x", "\"abc\""}}),
          ErrorType::InvalidTypeConversion, "x: cannot convert text \"abc\" to Number");
    fails("variable object", inputs({{"expression", "\"x\""}, {"x", "{}"}}), ErrorType::InvalidTypeConversion,
          "x: cannot convert Object");
    fails("unknown function", inputs({{"expression", "\"log(2)\""}}), ErrorType::InvalidInput,
          "unknown function 'log' at position 1");
    fails("function arity", inputs({{"expression", "\"pow(2)\""}}), ErrorType::InvalidInput,
          "pow takes 2 arguments, not 1 at position 1");
    fails("min no arguments", inputs({{"expression", "\"1 + min()\""}}), ErrorType::InvalidInput,
          "min takes at least 1 arguments, not 0 at position 5");
    fails("round too many arguments", inputs({{"expression", "\"round(1, 2, 3)\""}}), ErrorType::InvalidInput,
          "round takes 1 or 2 arguments, not 3");
    fails("round bad places", inputs({{"expression", "\"round(1, 0.5)\""}}), ErrorType::InvalidInput,
          "round places must be a whole number from 0 to 15");
    fails("division by zero", inputs({{"expression", "\"1 / (2 - 2)\""}}), ErrorType::InvalidInput,
          "division by zero at position 3");
    fails("modulo by zero", inputs({{"expression", "\"5 % 0\""}}), ErrorType::InvalidInput,
          "division by zero at position 3");
    fails("sqrt negative", inputs({{"expression", "\"sqrt(-1)\""}}), ErrorType::InvalidInput,
          "sqrt of a negative number at position 1");
    fails("overflow", inputs({{"expression", "\"1e308 * 10\""}}), ErrorType::InvalidInput,
          "the result is too large for a Number at position 7");
    fails("power overflow", inputs({{"expression", "\"10 ^ 400\""}}), ErrorType::InvalidInput,
          "too large for a Number at position 4");
    fails("not a number", inputs({{"expression", "\"(-8) ^ 0.5\""}}), ErrorType::InvalidInput,
          "the result is not a number");
    fails("unicode operator", inputs({{"expression", "\"2 × 3\""}}), ErrorType::InvalidInput,
          "unexpected '×' at position 3");
    fails("emoji", inputs({{"expression", "\"😀\""}}), ErrorType::InvalidInput, "unexpected");
    fails("non-ascii digits", inputs({{"expression", "\"١٢\""}}), ErrorType::InvalidInput,
          "unexpected '١' at position 1");
    fails("expression list", inputs({{"expression", "[1]"}}), ErrorType::InvalidInput,
          "expression: unexpected");
}

void TestNumberCards::formula()
{
    check(QStringLiteral("number.formula"));
}

void TestNumberCards::formulaLimits()
{
    const auto run = [](const QString &expression) {
        return runCard(QStringLiteral("number.formula"),
                       test::NamedValues{{QStringLiteral("expression"), expression}});
    };

    // 64 levels of parentheses are allowed, 65 are not.
    const auto nested = [](int depth) -> QString {
        return QString(depth, QLatin1Char('(')) + QStringLiteral("1") + QString(depth, QLatin1Char(')'));
    };
    auto r = run(nested(64));
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    QCOMPARE(r->value(QStringLiteral("result")), QJsonValue(1));
    r = run(nested(65));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().type, ErrorType::LimitExceeded);
    QVERIFY2(r.error().message.startsWith(
                 QStringLiteral("expression: nesting deeper than 64 levels at position 65")),
             qPrintable(r.error().message));

    // Chains of signs and function calls count too, so no input can exhaust the stack.
    r = run(QString(64, QLatin1Char('-')) + QStringLiteral("2"));
    QVERIFY(r.ok());
    QCOMPARE(r->value(QStringLiteral("result")), QJsonValue(2));
    r = run(QString(65, QLatin1Char('-')) + QStringLiteral("2"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().type, ErrorType::LimitExceeded);
    r = run(QStringLiteral("abs(").repeated(65) + QStringLiteral("1") + QString(65, QLatin1Char(')')));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().type, ErrorType::LimitExceeded);
    r = run(QStringLiteral("(").repeated(100000));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().type, ErrorType::LimitExceeded);

    // 4096 characters are allowed, 4097 are not.
    QString longest = QStringLiteral("1") + QStringLiteral("+1").repeated(2047) + QLatin1Char(' ');
    QCOMPARE(longest.size(), 4096);
    r = run(longest);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    QCOMPARE(r->value(QStringLiteral("result")), QJsonValue(2048));
    r = run(longest + QLatin1Char(' '));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().type, ErrorType::LimitExceeded);
    QCOMPARE(r.error().message, QStringLiteral("expression: longer than 4096 characters (4097)"));
}

QTEST_GUILESS_MAIN(TestNumberCards)
#include "tst_numbercards.moc"
