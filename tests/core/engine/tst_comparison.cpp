// Tests for the shared comparison operators (Comparison.h): typed equality and order, membership,
// emptiness and key checks, and the errors for unknown operators and values that cannot be compared.

#include "engine/Comparison.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace wf;

namespace {

QJsonValue jsonValue(const QByteArray &literal)
{
    return QJsonDocument::fromJson(QByteArrayLiteral("[") + literal + QByteArrayLiteral("]")).array().at(0);
}

enum Expected { False = 0, True = 1, Fails = 2 };

} // namespace

class TestComparison final : public QObject {
    Q_OBJECT
private slots:
    void operatorList();
    void unaryOperators();
    void compareAsNames_data();
    void compareAsNames();
    void compare_data();
    void compare();
    void unknownOperator_data();
    void unknownOperator();
    void errorMessages_data();
    void errorMessages();
};

void TestComparison::operatorList()
{
    const QStringList expected{QStringLiteral("equal to"),     QStringLiteral("not equal to"),
                               QStringLiteral("greater than"), QStringLiteral("greater than or equal to"),
                               QStringLiteral("less than"),    QStringLiteral("less than or equal to"),
                               QStringLiteral("contains"),     QStringLiteral("does not contain"),
                               QStringLiteral("starts with"),  QStringLiteral("ends with"),
                               QStringLiteral("is empty"),     QStringLiteral("is not empty"),
                               QStringLiteral("in"),           QStringLiteral("not in"),
                               QStringLiteral("has key")};
    QCOMPARE(comparisonOperators(), expected);
}

void TestComparison::unaryOperators()
{
    QVERIFY(isUnaryOperator(QStringLiteral("is empty")));
    QVERIFY(isUnaryOperator(QStringLiteral("is not empty")));
    QVERIFY(isUnaryOperator(QStringLiteral(" Is Empty ")));
    QVERIFY(!isUnaryOperator(QStringLiteral("equal to")));
    QVERIFY(!isUnaryOperator(QStringLiteral("in")));
    QVERIFY(!isUnaryOperator(QString()));
    QVERIFY(!isUnaryOperator(QStringLiteral("empty")));
}

void TestComparison::compareAsNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("expected"); // -1: not a name

    QTest::addRow("empty") << QString() << int(CompareAs::Auto);
    QTest::addRow("auto") << QStringLiteral("auto") << int(CompareAs::Auto);
    QTest::addRow("text") << QStringLiteral("text") << int(CompareAs::Text);
    QTest::addRow("Number, spaces") << QStringLiteral(" Number ") << int(CompareAs::Number);
    QTest::addRow("boolean") << QStringLiteral("boolean") << int(CompareAs::Boolean);
    QTest::addRow("True/False") << QStringLiteral("True/False") << int(CompareAs::Boolean);
    QTest::addRow("datetime") << QStringLiteral("datetime") << int(CompareAs::DateTime);
    QTest::addRow("Date & Time") << QStringLiteral("Date & Time") << int(CompareAs::DateTime);
    QTest::addRow("unknown") << QStringLiteral("integer") << -1;
    QTest::addRow("list") << QStringLiteral("list") << -1;
}

void TestComparison::compareAsNames()
{
    QFETCH(QString, name);
    QFETCH(int, expected);
    const auto parsed = parseCompareAs(name);
    if (expected < 0) {
        QVERIFY(!parsed.has_value());
        return;
    }
    QVERIFY(parsed.has_value());
    QCOMPARE(int(*parsed), expected);
}

void TestComparison::compare_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QString>("op");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<QString>("as");
    QTest::addColumn<int>("expected");

    const auto row = [](const char *name, const char *a, const char *op, const char *b, const char *as,
                        Expected expected) {
        QTest::addRow("%s", name) << QByteArray(a) << QString::fromUtf8(op) << QByteArray(b)
                                  << QString::fromUtf8(as) << int(expected);
    };

    // Equality, auto.
    row("num eq", "1", "equal to", "1", "auto", True);
    row("num eq 1 vs 1.0", "1", "equal to", "1.0", "auto", True);
    row("num ne", "1", "equal to", "2", "auto", False);
    row("num not equal", "1", "not equal to", "2", "auto", True);
    row("text eq", "\"abc\"", "equal to", "\"abc\"", "auto", True);
    row("text eq is case-sensitive", "\"abc\"", "equal to", "\"ABC\"", "auto", False);
    row("auto number vs text compares text", "1", "equal to", "\"1\"", "auto", True);
    row("auto 1 vs \"1.0\" as text", "1", "equal to", "\"1.0\"", "auto", False);
    row("bool eq", "true", "equal to", "true", "auto", True);
    row("bool ne", "true", "not equal to", "false", "auto", True);
    row("bool vs text true", "true", "equal to", "\"true\"", "auto", True);
    row("null eq null", "null", "equal to", "null", "auto", True);
    row("null eq empty text", "null", "equal to", "\"\"", "auto", True);
    row("null ne zero", "null", "equal to", "0", "auto", False);
    row("object eq same keys other order", "{\"a\":1,\"b\":2}", "equal to", "{\"b\":2,\"a\":1}", "auto",
        True);
    row("object ne", "{\"a\":1}", "equal to", "{\"a\":2}", "auto", False);
    row("list eq", "[1,\"x\"]", "equal to", "[1,\"x\"]", "auto", True);
    row("list order matters", "[1,2]", "equal to", "[2,1]", "auto", False);
    row("emoji eq", "\"😀\"", "equal to", "\"😀\"", "auto", True);
    row("combining vs precomposed differ", "\"e\\u0301\"", "equal to", "\"\\u00e9\"", "auto", False);
    row("2^53+1 literal equals 2^53", "9007199254740993", "equal to", "9007199254740992", "auto", True);
    row("1e308 eq", "1e308", "equal to", "1e308", "auto", True);

    // Order, auto.
    row("80 gt 9 numbers", "80", "greater than", "9", "auto", True);
    row("\"80\" gt \"9\" text", "\"80\"", "greater than", "\"9\"", "auto", False);
    row("\"80\" lt \"9\" text", "\"80\"", "less than", "\"9\"", "auto", True);
    row("80 gt \"9\" mixed is text", "80", "greater than", "\"9\"", "auto", False);
    row("gte equal", "5", "greater than or equal to", "5", "auto", True);
    row("gte less", "4", "greater than or equal to", "5", "auto", False);
    row("lt", "-1", "less than", "0", "auto", True);
    row("lte equal", "0", "less than or equal to", "-0", "auto", True);
    row("lte greater", "1e308", "less than or equal to", "-1e308", "auto", False);
    row("bool order false lt true", "false", "less than", "true", "auto", True);
    row("text order", "\"apple\"", "less than", "\"banana\"", "auto", True);
    row("text prefix shorter first", "\"ab\"", "less than", "\"abc\"", "auto", True);
    row("upper before lower", "\"Z\"", "less than", "\"a\"", "auto", True);
    row("emoji after BMP private use (code points)", "\"😀\"", "greater than", "\"\\uffe0\"", "auto", True);
    row("empty text lt anything", "\"\"", "less than", "\"a\"", "auto", True);

    // Forced types.
    row("as number \"80\" gt \"9\"", "\"80\"", "greater than", "\"9\"", "number", True);
    row("as number 1 eq \"1.0\"", "1", "equal to", "\"1.0\"", "number", True);
    row("as number spaces", "\" 12 \"", "equal to", "12", "number", True);
    row("as number true is 1", "true", "equal to", "1", "number", True);
    row("as number not numeric", "\"abc\"", "equal to", "1", "number", Fails);
    row("as number object", "{}", "equal to", "1", "number", Fails);
    row("as number null eq null", "null", "equal to", "null", "number", True);
    row("as number null ne 0", "null", "not equal to", "0", "number", True);
    row("as number null cannot be ordered", "null", "greater than", "0", "number", Fails);
    row("as text 80 lt 9", "80", "less than", "9", "text", True);
    row("as text 1 ne 1.5", "1", "equal to", "1.5", "text", False);
    row("as boolean \"true\" eq true", "\"true\"", "equal to", "true", "boolean", True);
    row("as boolean \"FALSE\" eq 0", "\"FALSE\"", "equal to", "0", "boolean", True);
    row("as boolean \"yes\" fails", "\"yes\"", "equal to", "true", "boolean", Fails);
    row("as datetime same instant other zone", "\"2024-05-01T12:00:00Z\"", "equal to",
        "\"2024-05-01T14:00:00+02:00\"", "datetime", True);
    row("as datetime order", "\"2024-05-01T12:00:00.001Z\"", "greater than", "\"2024-05-01T12:00:00Z\"",
        "datetime", True);
    row("as datetime text order would differ", "\"2024-05-01T13:00:00+02:00\"", "less than",
        "\"2024-05-01T12:00:00Z\"", "datetime", True);
    row("as datetime date only", "\"2024-05-01\"", "less than", "\"2024-05-02\"", "datetime", True);
    row("as datetime invalid", "\"yesterday\"", "equal to", "\"2024-05-01\"", "datetime", Fails);
    row("as datetime number fails", "1714564800", "equal to", "\"2024-05-01\"", "datetime", Fails);
    row("as datetime b invalid", "\"2024-05-01\"", "equal to", "\"not a date\"", "datetime", Fails);

    // contains / does not contain.
    row("text contains", "\"hello world\"", "contains", "\"lo w\"", "auto", True);
    row("text contains case-sensitive", "\"hello\"", "contains", "\"HELLO\"", "auto", False);
    row("text contains empty", "\"hello\"", "contains", "\"\"", "auto", True);
    row("text contains emoji", "\"a😀b\"", "contains", "\"😀\"", "auto", True);
    row("text contains combining mark", "\"e\\u0301\"", "contains", "\"\\u0301\"", "auto", True);
    row("number contains digits", "12345", "contains", "23", "auto", True);
    row("list contains number", "[1,2,3]", "contains", "2", "auto", True);
    row("list contains 2.0", "[1,2,3]", "contains", "2.0", "auto", True);
    row("list does not contain text \"2\"", "[1,2,3]", "contains", "\"2\"", "auto", False);
    row("list contains object", "[{\"a\":1},{\"b\":2}]", "contains", "{\"b\":2}", "auto", True);
    row("list contains null", "[null]", "contains", "null", "auto", True);
    row("empty list contains nothing", "[]", "contains", "1", "auto", False);
    row("null contains text", "null", "contains", "\"a\"", "auto", False);
    row("does not contain", "\"hello\"", "does not contain", "\"x\"", "auto", True);
    row("does not contain list", "[1,2]", "does not contain", "2", "auto", False);
    row("object contains fails", "{\"a\":1}", "contains", "\"a\"", "auto", Fails);
    row("text contains list fails", "\"abc\"", "contains", "[\"a\"]", "auto", Fails);

    // starts with / ends with.
    row("starts with", "\"hello\"", "starts with", "\"he\"", "auto", True);
    row("starts with no", "\"hello\"", "starts with", "\"lo\"", "auto", False);
    row("starts with case", "\"Hello\"", "starts with", "\"he\"", "auto", False);
    row("ends with", "\"hello\"", "ends with", "\"lo\"", "auto", True);
    row("ends with emoji", "\"hi 😀\"", "ends with", "\"😀\"", "auto", True);
    row("starts with empty", "\"hello\"", "starts with", "\"\"", "auto", True);
    row("number starts with", "2024", "starts with", "20", "auto", True);
    row("null starts with x", "null", "starts with", "\"x\"", "auto", False);
    row("list starts with fails", "[1]", "starts with", "1", "auto", Fails);
    row("ends with object fails", "\"a\"", "ends with", "{}", "auto", Fails);

    // is empty / is not empty (b is ignored).
    row("null is empty", "null", "is empty", "null", "auto", True);
    row("empty text is empty", "\"\"", "is empty", "\"x\"", "auto", True);
    row("empty list is empty", "[]", "is empty", "null", "auto", True);
    row("empty object is empty", "{}", "is empty", "null", "auto", True);
    row("space is not empty", "\" \"", "is empty", "null", "auto", False);
    row("zero is not empty", "0", "is empty", "null", "auto", False);
    row("false is not empty", "false", "is empty", "null", "auto", False);
    row("list of null not empty", "[null]", "is not empty", "null", "auto", True);
    row("object not empty", "{\"a\":null}", "is not empty", "null", "auto", True);
    row("null is not empty false", "null", "is not empty", "null", "auto", False);

    // in / not in.
    row("in list", "2", "in", "[1,2,3]", "auto", True);
    row("not in list", "4", "in", "[1,2,3]", "auto", False);
    row("text in list", "\"b\"", "in", "[\"a\",\"b\"]", "auto", True);
    row("in text is substring", "\"ell\"", "in", "\"hello\"", "auto", True);
    row("in empty list", "1", "in", "[]", "auto", False);
    row("in null", "\"a\"", "in", "null", "auto", False);
    row("not in", "4", "not in", "[1,2,3]", "auto", True);
    row("not in text", "\"z\"", "not in", "\"hello\"", "auto", True);
    row("object in list", "{\"k\":[1]}", "in", "[{\"k\":[1]}]", "auto", True);
    row("in object fails", "\"a\"", "in", "{\"a\":1}", "auto", Fails);

    // has key.
    row("has key", "{\"a\":1}", "has key", "\"a\"", "auto", True);
    row("has key with null value", "{\"a\":null}", "has key", "\"a\"", "auto", True);
    row("has key missing", "{\"a\":1}", "has key", "\"b\"", "auto", False);
    row("has key case-sensitive", "{\"a\":1}", "has key", "\"A\"", "auto", False);
    row("has key unicode", "{\"é😀\":1}", "has key", "\"é😀\"", "auto", True);
    row("has key number key", "{\"1\":true}", "has key", "1", "auto", True);
    row("has key empty object", "{}", "has key", "\"a\"", "auto", False);
    row("has key on null", "null", "has key", "\"a\"", "auto", False);
    row("has key on list fails", "[\"a\"]", "has key", "\"a\"", "auto", Fails);
    row("has key list key fails", "{\"a\":1}", "has key", "[\"a\"]", "auto", Fails);

    // Operator names are matched loosely.
    row("operator case and spaces", "1", "  Equal To ", "1", "auto", True);
    row("operator upper", "\"abc\"", "CONTAINS", "\"b\"", "auto", True);
}

void TestComparison::compare()
{
    QFETCH(QByteArray, a);
    QFETCH(QString, op);
    QFETCH(QByteArray, b);
    QFETCH(QString, as);
    QFETCH(int, expected);

    const auto compareAs = parseCompareAs(as);
    QVERIFY(compareAs.has_value());
    const auto result = compareValues(jsonValue(a), op, jsonValue(b), *compareAs);
    if (expected == Fails) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().type, ErrorType::InvalidInput);
        QVERIFY2(result.error().message.startsWith(op.trimmed().toLower() + QStringLiteral(": ")),
                 qPrintable(result.error().message));
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(*result, expected == True);
}

void TestComparison::unknownOperator_data()
{
    QTest::addColumn<QString>("op");
    QTest::addRow("empty") << QString();
    QTest::addRow("symbol") << QStringLiteral("==");
    QTest::addRow("typo") << QStringLiteral("equals");
    QTest::addRow("long") << QString(500, QLatin1Char('x'));
}

void TestComparison::unknownOperator()
{
    QFETCH(QString, op);
    const auto result = compareValues(QJsonValue(1), op, QJsonValue(1));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().type, ErrorType::InvalidInput);
    const QString message = result.error().message;
    QVERIFY2(message.contains(QStringLiteral("unknown operator \"") + op.left(40) + QLatin1Char('"')),
             qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("has key")), qPrintable(message)); // lists the valid ones
    QVERIFY(message.size() < 400);
}

void TestComparison::errorMessages_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QString>("op");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<int>("as");
    QTest::addColumn<QString>("expected");

    QTest::addRow("a not a number") << QByteArray("\"abc\"") << QStringLiteral("greater than")
                                    << QByteArray("1") << int(CompareAs::Number)
                                    << QStringLiteral("greater than: a (text \"abc\") is not a Number");
    QTest::addRow("b not a date") << QByteArray("\"2024-01-01\"") << QStringLiteral("less than")
                                  << QByteArray("true") << int(CompareAs::DateTime)
                                  << QStringLiteral(
                                         "less than: b (True/False true) is not a Date & Time (expected "
                                         "ISO 8601)");
    QTest::addRow("long text truncated")
        << (QByteArray("\"") + QByteArray(100, 'x') + QByteArray("\"")) << QStringLiteral("equal to")
        << QByteArray("1") << int(CompareAs::Number)
        << (QStringLiteral("equal to: a (text \"") + QString(40, QLatin1Char('x')) +
            QStringLiteral("\") is not a Number"));
    QTest::addRow("empty ordered") << QByteArray("1") << QStringLiteral("less than") << QByteArray("null")
                                   << int(CompareAs::Number)
                                   << QStringLiteral("less than: b is empty and cannot be ordered");
    QTest::addRow("has key on text") << QByteArray("\"abc\"") << QStringLiteral("has key")
                                     << QByteArray("\"a\"") << int(CompareAs::Auto)
                                     << QStringLiteral("has key: a must be an Object, not text \"abc\"");
    QTest::addRow("contains on object")
        << QByteArray("{}") << QStringLiteral("contains") << QByteArray("\"a\"") << int(CompareAs::Auto)
        << QStringLiteral("contains: a must be Text or a List, not Object");
}

void TestComparison::errorMessages()
{
    QFETCH(QByteArray, a);
    QFETCH(QString, op);
    QFETCH(QByteArray, b);
    QFETCH(int, as);
    QFETCH(QString, expected);
    const auto result = compareValues(jsonValue(a), op, jsonValue(b), static_cast<CompareAs>(as));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().type, ErrorType::InvalidInput);
    QCOMPARE(result.error().message, expected);
}

QTEST_GUILESS_MAIN(TestComparison)
#include "tst_comparison.moc"
