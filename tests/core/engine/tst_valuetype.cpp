// Tests of the card value types: names, conversions between every pair of types, the load-time
// conversion table, and the text forms of numbers, values and dates.

#include "engine/ValueType.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>
#include <cmath>
#include <limits>

using namespace wf;

namespace {

QJsonValue json(const char *literal)
{
    const QByteArray wrapped = QByteArrayLiteral("[") + QByteArray(literal) + QByteArrayLiteral("]");
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(wrapped, &error);
    Q_ASSERT(error.error == QJsonParseError::NoError);
    return doc.array().at(0);
}

constexpr int kOk = -1;

} // namespace

class TstValueType final : public QObject {
    Q_OBJECT

private slots:
    void emptyValues()
    {
        const QDateTime now(QDate(2026, 11, 28), QTime(18, 30), Qt::UTC);
        QCOMPARE(emptyValueOf(*ValueType::parse(QStringLiteral("text")), now), QJsonValue(QString()));
        QCOMPARE(emptyValueOf(*ValueType::parse(QStringLiteral("number")), now), QJsonValue(0));
        QCOMPARE(emptyValueOf(*ValueType::parse(QStringLiteral("list<text>")), now),
                 QJsonValue(QJsonArray()));
        const QJsonValue date = emptyValueOf(*ValueType::parse(QStringLiteral("datetime")), now);
        QCOMPARE(date, QJsonValue(wf::dateTimeToText(now)));
        QCOMPARE(wf::parseDateTime(date.toString()), std::optional<QDateTime>(now));
    }

    void initTestCase()
    {
        // A zone with daylight-saving time, so that nothing here silently depends on the machine's zone.
        qputenv("TZ", "Europe/Paris");
    }

    void parse_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("display");

        QTest::addRow("any") << "any" << true << "any"
                             << "Any";
        QTest::addRow("text") << "text" << true << "text"
                              << "Text";
        QTest::addRow("number") << "number" << true << "number"
                                << "Number";
        QTest::addRow("boolean") << "boolean" << true << "boolean"
                                 << "True/False";
        QTest::addRow("datetime") << "datetime" << true << "datetime"
                                  << "Date & Time";
        QTest::addRow("object") << "object" << true << "object"
                                << "Object";
        QTest::addRow("list") << "list" << true << "list"
                              << "List";
        QTest::addRow("list<text>") << "list<text>" << true << "list<text>"
                                    << "List of Text";
        QTest::addRow("list<number>") << "list<number>" << true << "list<number>"
                                      << "List of Number";
        QTest::addRow("list<boolean>") << "list<boolean>" << true << "list<boolean>"
                                       << "List of True/False";
        QTest::addRow("list<datetime>") << "list<datetime>" << true << "list<datetime>"
                                        << "List of Date & Time";
        QTest::addRow("list<object>") << "list<object>" << true << "list<object>"
                                      << "List of Object";
        QTest::addRow("list<any> is list") << "list<any>" << true << "list"
                                           << "List";
        QTest::addRow("upper case") << "TEXT" << true << "text"
                                    << "Text";
        QTest::addRow("mixed case list") << "List<Number>" << true << "list<number>"
                                         << "List of Number";
        QTest::addRow("surrounding spaces") << "  number " << true << "number"
                                            << "Number";

        QTest::addRow("empty") << "" << false << ""
                               << "";
        QTest::addRow("blank") << "   " << false << ""
                               << "";
        QTest::addRow("unknown") << "string" << false << ""
                                 << "";
        QTest::addRow("display name is not an id") << "True/False" << false << ""
                                                   << "";
        QTest::addRow("list of lists") << "list<list>" << false << ""
                                       << "";
        QTest::addRow("unknown element") << "list<string>" << false << ""
                                         << "";
        QTest::addRow("unclosed") << "list<text" << false << ""
                                  << "";
        QTest::addRow("spaces inside brackets") << "list< text >" << false << ""
                                                << "";
        QTest::addRow("empty element") << "list<>" << false << ""
                                       << "";
        QTest::addRow("unicode") << "tëxt" << false << ""
                                 << "";
        QTest::addRow("emoji") << "😀" << false << ""
                               << "";
    }

    void parse()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QFETCH(QString, id);
        QFETCH(QString, display);

        const auto parsed = ValueType::parse(name);
        QCOMPARE(parsed.has_value(), valid);
        if (!valid)
            return;
        QCOMPARE(parsed->toString(), id);
        QCOMPARE(parsed->displayName(), display);
        // The id form reads back to the same type.
        QCOMPARE(ValueType::parse(parsed->toString()), parsed);
    }

    void factories()
    {
        QCOMPARE(ValueType::any().toString(), QStringLiteral("any"));
        QCOMPARE(ValueType::text().toString(), QStringLiteral("text"));
        QCOMPARE(ValueType::number().toString(), QStringLiteral("number"));
        QCOMPARE(ValueType::boolean().toString(), QStringLiteral("boolean"));
        QCOMPARE(ValueType::dateTime().toString(), QStringLiteral("datetime"));
        QCOMPARE(ValueType::object().toString(), QStringLiteral("object"));
        QCOMPARE(ValueType::list().toString(), QStringLiteral("list"));
        QCOMPARE(ValueType::list(BaseType::Number).toString(), QStringLiteral("list<number>"));
        QCOMPARE(ValueType::list(BaseType::DateTime).displayName(), QStringLiteral("List of Date & Time"));
        QVERIFY(ValueType::list(BaseType::Text) != ValueType::list());
        QVERIFY(ValueType::list(BaseType::Text) == *ValueType::parse(QStringLiteral("list<text>")));
    }

    void convertValue_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("target");
        QTest::addColumn<int>("error"); // kOk or an ErrorType
        QTest::addColumn<QJsonValue>("expected");
        QTest::addColumn<QString>("mentions"); // part of the error message

        const auto ok = [](const char *name, QJsonValue value, const char *target, QJsonValue expected) {
            QTest::addRow("%s", name) << value << QString::fromLatin1(target) << kOk << expected << QString();
        };
        const auto fails = [](const char *name, QJsonValue value, const char *target, const char *mentions) {
            QTest::addRow("%s", name)
                << value << QString::fromLatin1(target) << static_cast<int>(ErrorType::InvalidTypeConversion)
                << QJsonValue() << QString::fromUtf8(mentions);
        };
        const QJsonValue null(QJsonValue::Null);

        // Null is the empty value of every type.
        for (const char *target : {"any", "text", "number", "boolean", "datetime", "object", "list",
                                   "list<number>", "list<text>", "list<object>"}) {
            QTest::addRow("null to %s", target)
                << null << QString::fromLatin1(target) << kOk << null << QString();
            QTest::addRow("undefined to %s", target)
                << QJsonValue(QJsonValue::Undefined) << QString::fromLatin1(target) << kOk << null
                << QString();
        }

        // Text to ...
        ok("text to any", json("\"abc\""), "any", json("\"abc\""));
        ok("text to text", json("\"héllo 👋 e\u0301\""), "text", json("\"héllo 👋 e\u0301\""));
        ok("empty text to text", json("\"\""), "text", json("\"\""));
        ok("text to number", json("\"42\""), "number", json("42"));
        ok("text to number trims", json("\"  3.5 \""), "number", json("3.5"));
        ok("text to number exponent", json("\"1e3\""), "number", json("1000"));
        ok("text to number negative", json("\"-7.25\""), "number", json("-7.25"));
        ok("text to number plus sign", json("\"+5\""), "number", json("5"));
        ok("text to number leading dot", json("\".5\""), "number", json("0.5"));
        ok("text to number huge", json("\"1e308\""), "number", json("1e308"));
        ok("text to number 2^53+1 rounds", json("\"9007199254740993\""), "number", json("9007199254740992"));
        // Qt's C locale reads well-placed thousands separators; misplaced ones are refused.
        fails("text to number grouped", json("\"1,000\""), "number", "\"1,000\"");
        fails("text to number decimal comma", json("\"1,5\""), "number", "\"1,5\"");
        fails("text to number words", json("\"abc\""), "number", "\"abc\" to Number");
        fails("text to number empty", json("\"\""), "number", "to Number");
        fails("text to number overflow", json("\"1e400\""), "number", "1e400");
        fails("text to number infinity", json("\"Infinity\""), "number", "Infinity");
        fails("text to number nan", json("\"NaN\""), "number", "NaN");
        fails("text to number hex", json("\"0x10\""), "number", "0x10");
        fails("text to number emoji", json("\"😀\""), "number", "😀");
        ok("text to boolean true", json("\"true\""), "boolean", json("true"));
        ok("text to boolean FALSE", json("\"FALSE\""), "boolean", json("false"));
        ok("text to boolean padded", json("\" True \""), "boolean", json("true"));
        fails("text to boolean yes", json("\"Yes\""), "boolean", "\"Yes\" to True/False");
        fails("text to boolean one", json("\"1\""), "boolean", "True/False");
        fails("text to boolean empty", json("\"\""), "boolean", "True/False");
        ok("text to datetime", json("\"2024-05-01T12:00:00Z\""), "datetime",
           json("\"2024-05-01T12:00:00.000Z\""));
        ok("text to datetime offset", json("\"2024-05-01T14:00:00+02:00\""), "datetime",
           json("\"2024-05-01T12:00:00.000Z\""));
        ok("text to datetime date only", json("\"2024-05-01\""), "datetime",
           json("\"2024-05-01T00:00:00.000Z\""));
        fails("text to datetime garbage", json("\"next tuesday\""), "datetime",
              "\"next tuesday\" to Date & Time");
        fails("text to datetime empty", json("\"\""), "datetime", "Date & Time");
        ok("text to object", json("\"{\\\"a\\\":1}\""), "object", json("{\"a\":1}"));
        ok("text to empty object", json("\" {} \""), "object", json("{}"));
        fails("text array to object", json("\"[1]\""), "object", "not a JSON object");
        fails("text to object garbage", json("\"nope\""), "object", "not a JSON object");
        fails("text to object empty", json("\"\""), "object", "not a JSON object");
        ok("text to list", json("\"[1,\\\"a\\\"]\""), "list", json("[1,\"a\"]"));
        ok("text to empty list", json("\"[]\""), "list", json("[]"));
        fails("text object to list", json("\"{}\""), "list", "not a JSON array");
        ok("text to list<number>", json("\"[\\\"1\\\",2]\""), "list<number>", json("[1,2]"));
        fails("text to list<number> bad item", json("\"[1,\\\"x\\\"]\""), "list<number>", "item 1");

        // Number to ...
        ok("number to any", json("42"), "any", json("42"));
        ok("number to text", json("42"), "text", json("\"42\""));
        ok("fraction to text", json("1.5"), "text", json("\"1.5\""));
        ok("negative zero to text", QJsonValue(-0.0), "text", json("\"0\""));
        ok("huge number to text", json("1e308"), "text", json("\"1e+308\""));
        ok("1e21 to text", json("1e21"), "text", json("\"1e+21\""));
        ok("number to number", json("-3.25"), "number", json("-3.25"));
        ok("zero to boolean", json("0"), "boolean", json("false"));
        ok("negative zero to boolean", QJsonValue(-0.0), "boolean", json("false"));
        ok("two to boolean", json("2"), "boolean", json("true"));
        ok("fraction to boolean", json("0.1"), "boolean", json("true"));
        ok("negative to boolean", json("-1"), "boolean", json("true"));
        fails("number to datetime", json("1714564800000"), "datetime",
              "cannot convert Number to Date & Time");
        fails("number to object", json("1"), "object", "cannot convert Number to Object");
        fails("number to list", json("1"), "list", "cannot convert Number to List");
        fails("number to list<number>", json("1"), "list<number>", "cannot convert Number to List of Number");

        // True/False to ...
        ok("boolean to any", json("true"), "any", json("true"));
        ok("true to text", json("true"), "text", json("\"true\""));
        ok("false to text", json("false"), "text", json("\"false\""));
        ok("true to number", json("true"), "number", json("1"));
        ok("false to number", json("false"), "number", json("0"));
        ok("boolean to boolean", json("false"), "boolean", json("false"));
        fails("boolean to datetime", json("true"), "datetime", "cannot convert True/False to Date & Time");
        fails("boolean to object", json("true"), "object", "cannot convert True/False to Object");
        fails("boolean to list", json("false"), "list", "cannot convert True/False to List");

        // Object to ...
        ok("object to any", json("{\"a\":1}"), "any", json("{\"a\":1}"));
        ok("object to text", json("{\"a\":1,\"b\":[true,null],\"c\":\"é😀\"}"), "text",
           json("\"{\\\"a\\\":1,\\\"b\\\":[true,null],\\\"c\\\":\\\"é😀\\\"}\""));
        ok("empty object to text", json("{}"), "text", json("\"{}\""));
        fails("object to number", json("{}"), "number", "cannot convert Object to Number");
        fails("object to boolean", json("{}"), "boolean", "cannot convert Object to True/False");
        fails("object to datetime", json("{}"), "datetime", "cannot convert Object to Date & Time");
        ok("object to object", json("{\"a\":{\"b\":2}}"), "object", json("{\"a\":{\"b\":2}}"));
        fails("object to list", json("{\"a\":1}"), "list", "cannot convert Object to List");
        fails("object to list<text>", json("{}"), "list<text>", "cannot convert Object to List of Text");

        // List to ...
        ok("list to any", json("[1]"), "any", json("[1]"));
        ok("list to text", json("[1,\"a\",null,{}]"), "text", json("\"[1,\\\"a\\\",null,{}]\""));
        ok("empty list to text", json("[]"), "text", json("\"[]\""));
        fails("list to number", json("[1]"), "number", "cannot convert List to Number");
        fails("list to boolean", json("[]"), "boolean", "cannot convert List to True/False");
        fails("list to datetime", json("[]"), "datetime", "cannot convert List to Date & Time");
        fails("list to object", json("[]"), "object", "cannot convert List to Object");
        ok("list to list", json("[1,\"a\"]"), "list", json("[1,\"a\"]"));
        ok("empty list to list<number>", json("[]"), "list<number>", json("[]"));
        ok("list to list<number>", json("[1,\"2\",true,null,\" 4.5 \"]"), "list<number>",
           json("[1,2,1,null,4.5]"));
        fails("list to list<number> bad item", json("[1,2,\"x\"]"), "list<number>",
              "item 2: cannot convert text \"x\" to Number");
        fails("list to list<number> object item", json("[{}]"), "list<number>",
              "item 0: cannot convert Object to Number");
        ok("list to list<text>", json("[1,true,{\"a\":1},[2],\"s\"]"), "list<text>",
           json("[\"1\",\"true\",\"{\\\"a\\\":1}\",\"[2]\",\"s\"]"));
        ok("list to list<boolean>", json("[\"true\",0,1]"), "list<boolean>", json("[true,false,true]"));
        fails("list to list<boolean> bad item", json("[true,\"maybe\"]"), "list<boolean>", "item 1");
        ok("list to list<datetime>", json("[\"2024-05-01\",\"2024-05-01T14:00:00+02:00\"]"), "list<datetime>",
           json("[\"2024-05-01T00:00:00.000Z\",\"2024-05-01T12:00:00.000Z\"]"));
        fails("list to list<datetime> number item", json("[0]"), "list<datetime>",
              "item 0: cannot convert Number to Date & Time");
        ok("list to list<object>", json("[{\"a\":1},\"{\\\"b\\\":2}\"]"), "list<object>",
           json("[{\"a\":1},{\"b\":2}]"));
        fails("list to list<object> bad item", json("[{},1]"), "list<object>", "item 1");
    }

    void convertValue()
    {
        QFETCH(QJsonValue, value);
        QFETCH(QString, target);
        QFETCH(int, error);
        QFETCH(QJsonValue, expected);
        QFETCH(QString, mentions);

        const auto targetType = ValueType::parse(target);
        QVERIFY(targetType);
        const auto result = wf::convertValue(value, *targetType);
        if (error == kOk) {
            QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
            QCOMPARE(*result, expected);
            // Converting the result again changes nothing.
            const auto again = wf::convertValue(*result, *targetType);
            QVERIFY(again.ok());
            QCOMPARE(*again, expected);
        } else {
            QVERIFY(!result.ok());
            QCOMPARE(static_cast<int>(result.error().type), error);
            QVERIFY2(result.error().message.contains(mentions), qPrintable(result.error().message));
        }
    }

    void convertValueTruncatesEchoedText()
    {
        const QString longText = QString(1000, QLatin1Char('x'));
        const auto result = wf::convertValue(QJsonValue(longText), ValueType::number());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().type, ErrorType::InvalidTypeConversion);
        QVERIFY(result.error().message.size() < 100);
        const auto date = wf::convertValue(QJsonValue(longText), ValueType::dateTime());
        QVERIFY(!date.ok());
        QVERIFY(date.error().message.size() < 120);
    }

    void convertNaN()
    {
        // JSON never carries NaN, but a card could compute one: it shows as "NaN" and is false.
        const QJsonValue nan(std::numeric_limits<double>::quiet_NaN());
        QCOMPARE(wf::convertValue(nan, ValueType::text())->toString(), QStringLiteral("NaN"));
        QCOMPARE(wf::convertValue(nan, ValueType::boolean())->toBool(), false);
        QVERIFY(std::isnan(wf::convertValue(nan, ValueType::number())->toDouble()));
        QCOMPARE(wf::convertValue(QJsonValue(std::numeric_limits<double>::infinity()), ValueType::text())
                     ->toString(),
                 QStringLiteral("Infinity"));
    }

    void canEverConvert_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<bool>("expected");

        // Rows: from; columns: to, in this order.
        const char *names[] = {"any", "text", "number", "boolean", "datetime", "object", "list"};
        const char *table[] = {
            // any text number boolean datetime object list
            "1111111", // any
            "1111111", // text
            "1111000", // number
            "1111000", // boolean
            "1100100", // datetime
            "1100010", // object
            "1100001", // list
        };
        for (int from = 0; from < 7; ++from) {
            for (int to = 0; to < 7; ++to) {
                QTest::addRow("%s to %s", names[from], names[to])
                    << QString::fromLatin1(names[from]) << QString::fromLatin1(names[to])
                    << (table[from][to] == '1');
            }
        }
        const auto row = [](const char *from, const char *to, bool expected) {
            QTest::addRow("%s to %s", from, to)
                << QString::fromLatin1(from) << QString::fromLatin1(to) << expected;
        };
        row("list<number>", "list<text>", true);
        row("list<text>", "list<number>", true);
        row("list<boolean>", "list<number>", true);
        row("list<text>", "list<object>", true);
        row("list<text>", "list<datetime>", true);
        row("list<object>", "list<number>", false);
        row("list<number>", "list<datetime>", false);
        row("list<datetime>", "list<number>", false);
        row("list", "list<number>", true);
        row("list<object>", "list", true);
        row("list<datetime>", "text", true);
        row("list<number>", "number", false);
        row("list<number>", "any", true);
        row("any", "list<object>", true);
        row("text", "list<number>", true);
        row("number", "list<number>", false);
        row("object", "list<object>", false);
    }

    void canEverConvert()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(bool, expected);

        const auto fromType = ValueType::parse(from);
        const auto toType = ValueType::parse(to);
        QVERIFY(fromType && toType);
        QCOMPARE(wf::canEverConvert(*fromType, *toType), expected);
    }

    // The load-time table must never refuse a binding that some value could satisfy at run time.
    void canEverConvertAgreesWithConvertValue()
    {
        const QList<std::pair<ValueType, QJsonValue>> samples = {
            {ValueType::text(), json("\"42\"")},
            {ValueType::text(), json("\"true\"")},
            {ValueType::text(), json("\"2024-05-01T00:00:00Z\"")},
            {ValueType::text(), json("\"{}\"")},
            {ValueType::text(), json("\"[1]\"")},
            {ValueType::text(), json("\"x\"")},
            {ValueType::number(), json("0")},
            {ValueType::number(), json("1.5")},
            {ValueType::boolean(), json("true")},
            {ValueType::dateTime(), json("\"2024-05-01T12:00:00.000Z\"")},
            {ValueType::object(), json("{\"a\":1}")},
            {ValueType::list(), json("[1,\"2\"]")},
            {ValueType::list(BaseType::Number), json("[1,2]")},
            {ValueType::list(BaseType::Text), json("[\"1\",\"{}\"]")},
            {ValueType::list(BaseType::Object), json("[{}]")},
        };
        const QStringList targets = {
            QStringLiteral("any"),          QStringLiteral("text"),         QStringLiteral("number"),
            QStringLiteral("boolean"),      QStringLiteral("datetime"),     QStringLiteral("object"),
            QStringLiteral("list"),         QStringLiteral("list<number>"), QStringLiteral("list<text>"),
            QStringLiteral("list<object>"), QStringLiteral("list<boolean>")};
        for (const auto &[from, value] : samples) {
            for (const QString &target : targets) {
                const ValueType to = *ValueType::parse(target);
                if (wf::convertValue(value, to).ok()) {
                    QVERIFY2(wf::canEverConvert(from, to),
                             qPrintable(QStringLiteral("%1 -> %2").arg(from.toString(), to.toString())));
                }
            }
        }
    }

    void typeOfValue_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expected");

        QTest::addRow("null") << QJsonValue(QJsonValue::Null) << "any";
        QTest::addRow("undefined") << QJsonValue(QJsonValue::Undefined) << "any";
        QTest::addRow("text") << json("\"a\"") << "text";
        QTest::addRow("datetime text is text") << json("\"2024-05-01T12:00:00.000Z\"") << "text";
        QTest::addRow("number") << json("1") << "number";
        QTest::addRow("boolean") << json("false") << "boolean";
        QTest::addRow("object") << json("{}") << "object";
        QTest::addRow("list") << json("[1]") << "list";
    }

    void typeOfValue()
    {
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        QCOMPARE(wf::typeOfValue(value).toString(), expected);
    }

    void numberToText_data()
    {
        QTest::addColumn<double>("number");
        QTest::addColumn<QString>("expected");

        QTest::addRow("zero") << 0.0 << "0";
        QTest::addRow("negative zero") << -0.0 << "0";
        QTest::addRow("one") << 1.0 << "1";
        QTest::addRow("minus one") << -1.0 << "-1";
        QTest::addRow("fraction") << 1.5 << "1.5";
        QTest::addRow("negative fraction") << -123.456 << "-123.456";
        QTest::addRow("0.1 + 0.2") << 0.1 + 0.2 << "0.30000000000000004";
        QTest::addRow("one third") << 1.0 / 3.0 << "0.3333333333333333";
        QTest::addRow("2^53") << 9007199254740992.0 << "9007199254740992";
        QTest::addRow("2^53 + 1") << 9007199254740993.0 << "9007199254740992";
        QTest::addRow("-2^53") << -9007199254740992.0 << "-9007199254740992";
        QTest::addRow("1e20") << 1e20 << "100000000000000000000";
        QTest::addRow("large integer, shortest digits") << 123456789012345678901.0 << "123456789012345680000";
        QTest::addRow("just below 1e21") << 999999999999999900000.0 << "999999999999999900000";
        QTest::addRow("1e21") << 1e21 << "1e+21";
        QTest::addRow("-1e21") << -1e21 << "-1e+21";
        QTest::addRow("1.5e300") << 1.5e300 << "1.5e+300";
        QTest::addRow("1e308") << 1e308 << "1e+308";
        QTest::addRow("max double") << std::numeric_limits<double>::max() << "1.7976931348623157e+308";
        QTest::addRow("1e-6") << 1e-6 << "0.000001";
        QTest::addRow("1.25e-5") << 1.25e-5 << "0.0000125";
        QTest::addRow("1e-7") << 1e-7 << "1e-7";
        QTest::addRow("-1.5e-7") << -1.5e-7 << "-1.5e-7";
        QTest::addRow("smallest denormal") << std::numeric_limits<double>::denorm_min() << "5e-324";
        QTest::addRow("NaN") << std::numeric_limits<double>::quiet_NaN() << "NaN";
        QTest::addRow("infinity") << std::numeric_limits<double>::infinity() << "Infinity";
        QTest::addRow("-infinity") << -std::numeric_limits<double>::infinity() << "-Infinity";
    }

    void numberToText()
    {
        QFETCH(double, number);
        QFETCH(QString, expected);
        const QString text = wf::numberToText(number);
        QCOMPARE(text, expected);
        // Finite numbers read back to the same double through the Number conversion.
        if (std::isfinite(number)) {
            const auto back = wf::convertValue(QJsonValue(text), ValueType::number());
            QVERIFY(back.ok());
            QCOMPARE(back->toDouble(), number == 0 ? 0.0 : number);
        }
    }

    void valueToText_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expected");

        QTest::addRow("null") << QJsonValue(QJsonValue::Null) << "";
        QTest::addRow("undefined") << QJsonValue(QJsonValue::Undefined) << "";
        QTest::addRow("text") << json("\"abc\"") << "abc";
        QTest::addRow("empty text") << json("\"\"") << "";
        QTest::addRow("unicode text") << json("\"e\u0301 😀 日本\"") << QStringLiteral("e\u0301 😀 日本");
        QTest::addRow("integer") << json("42") << "42";
        QTest::addRow("fraction") << json("0.5") << "0.5";
        QTest::addRow("huge") << json("1e308") << "1e+308";
        QTest::addRow("true") << json("true") << "true";
        QTest::addRow("false") << json("false") << "false";
        QTest::addRow("empty object") << json("{}") << "{}";
        QTest::addRow("object") << json("{\"b\":1, \"a\":[1, 2]}") << "{\"a\":[1,2],\"b\":1}";
        QTest::addRow("object with unicode") << json("{\"k\":\"😀\"}") << QStringLiteral("{\"k\":\"😀\"}");
        QTest::addRow("object escapes quotes") << json("{\"k\":\"a\\\"b\"}") << "{\"k\":\"a\\\"b\"}";
        QTest::addRow("empty list") << json("[]") << "[]";
        QTest::addRow("list") << json("[1, \"a\", null, true, {}]") << "[1,\"a\",null,true,{}]";
        QTest::addRow("nested list") << json("[[1,[2]]]") << "[[1,[2]]]";
    }

    void valueToText()
    {
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        QCOMPARE(wf::valueToText(value), expected);
    }

    void parseDateTime_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // empty: not a date

        const auto row = [](const char *name, const char *text, const char *expected) {
            QTest::addRow("%s", name) << QString::fromUtf8(text) << QString::fromLatin1(expected);
        };
        row("canonical", "2024-05-01T12:00:00.000Z", "2024-05-01T12:00:00.000Z");
        row("no milliseconds", "2024-05-01T12:00:00Z", "2024-05-01T12:00:00.000Z");
        row("no seconds", "2024-05-01T12:00Z", "2024-05-01T12:00:00.000Z");
        row("one fraction digit", "2024-05-01T12:00:00.5Z", "2024-05-01T12:00:00.500Z");
        row("microseconds truncate", "2024-05-01T12:00:00.123456Z", "2024-05-01T12:00:00.123Z");
        row("positive offset", "2024-05-01T14:30:00+02:30", "2024-05-01T12:00:00.000Z");
        row("negative offset without colon", "2024-05-01T07:00:00-0500", "2024-05-01T12:00:00.000Z");
        row("zero offset", "2024-05-01T12:00:00+00:00", "2024-05-01T12:00:00.000Z");
        row("offset crosses midnight", "2024-05-01T01:00:00+03:00", "2024-04-30T22:00:00.000Z");
        row("no offset is UTC", "2024-05-01T12:00:00", "2024-05-01T12:00:00.000Z");
        row("no offset with milliseconds", "2024-05-01T12:00:00.250", "2024-05-01T12:00:00.250Z");
        row("space separator", "2024-05-01 12:00:00Z", "2024-05-01T12:00:00.000Z");
        // In the test machine's zone (Europe/Paris) this wall time does not exist; as UTC it does.
        row("no offset in local DST gap", "2024-03-31T02:30:00", "2024-03-31T02:30:00.000Z");
        row("no offset in local DST overlap", "2024-10-27T02:30:00", "2024-10-27T02:30:00.000Z");
        row("date only", "2024-05-01", "2024-05-01T00:00:00.000Z");
        row("date only on DST day", "2024-03-31", "2024-03-31T00:00:00.000Z");
        row("surrounding spaces", "  2024-05-01T12:00:00Z \n", "2024-05-01T12:00:00.000Z");
        row("leap day", "2024-02-29T00:00:00Z", "2024-02-29T00:00:00.000Z");
        row("24:00 is next midnight", "2024-05-01T24:00:00Z", "2024-05-02T00:00:00.000Z");
        row("unix epoch", "1970-01-01T00:00:00Z", "1970-01-01T00:00:00.000Z");
        row("before the epoch", "1969-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999Z");
        row("first instant", "0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000Z");
        row("last instant", "9999-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999Z");
        row("rfc 2822", "Wed, 01 May 2024 12:00:00 +0000", "2024-05-01T12:00:00.000Z");
        row("rfc 2822 without day name", "01 May 2024 14:00:00 +0200", "2024-05-01T12:00:00.000Z");
        row("rfc 2822 negative offset", "Wed, 01 May 2024 08:00:00 -0400", "2024-05-01T12:00:00.000Z");
        row("rfc 2822 GMT", "Wed, 01 May 2024 12:00:00 GMT", "2024-05-01T12:00:00.000Z");
        row("rfc 2822 UT", "Wed, 01 May 2024 12:00:00 UT", "2024-05-01T12:00:00.000Z");
        row("rfc 2822 no seconds", "Wed, 01 May 2024 12:00 +0000", "2024-05-01T12:00:00.000Z");

        row("empty", "", "");
        row("blank", "   ", "");
        row("garbage", "garbage", "");
        row("emoji", "📅", "");
        row("number", "12", "");
        row("unix seconds are not a date", "1714564800", "");
        row("basic format", "20240501T120000Z", "");
        row("month 13", "2024-13-01", "");
        row("not a leap year", "2023-02-29", "");
        row("hour 25", "2024-05-01T25:00:00Z", "");
        row("trailing junk", "2024-05-01xyz", "");
        row("trailing junk after time", "2024-05-01T12:00:00Zjunk", "");
        row("offset after offset", "2024-05-01T12:00:00+02:00Z", "");
        row("year zero", "0000-01-01T00:00:00Z", "");
        row("offset before year 1", "0001-01-01T00:30:00+01:00", "");
        row("offset after year 9999", "9999-12-31T23:00:00-02:00", "");
        row("rfc 2822 wrong day name", "Thu, 01 May 2024 12:00:00 +0000", "");
        row("rfc 2822 unknown zone", "Wed, 01 May 2024 12:00:00 XYZ", "");
    }

    void parseDateTime()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);

        const auto parsed = wf::parseDateTime(text);
        if (expected.isEmpty()) {
            QVERIFY2(!parsed, qPrintable(parsed ? parsed->toString(Qt::ISODateWithMs) : QString()));
            return;
        }
        QVERIFY(parsed);
        QCOMPARE(parsed->offsetFromUtc(), 0);
        QCOMPARE(wf::dateTimeToText(*parsed), expected);
        // The canonical text reads back to the same instant.
        const auto again = wf::parseDateTime(expected);
        QVERIFY(again);
        QCOMPARE(*again, *parsed);
    }

    void dateTimeToText()
    {
        const QDateTime utc(QDate(2024, 5, 1), QTime(12, 0), QTimeZone::utc());
        QCOMPARE(wf::dateTimeToText(utc), QStringLiteral("2024-05-01T12:00:00.000Z"));
        QCOMPARE(wf::dateTimeToText(utc.toTimeZone(QTimeZone("Europe/Paris"))),
                 QStringLiteral("2024-05-01T12:00:00.000Z"));
        QCOMPARE(
            wf::dateTimeToText(QDateTime(QDate(2024, 5, 1), QTime(14, 0, 0, 7), QTimeZone("Asia/Kolkata"))),
            QStringLiteral("2024-05-01T08:30:00.007Z"));
        QCOMPARE(wf::dateTimeToText(QDateTime::fromMSecsSinceEpoch(0, QTimeZone::utc())),
                 QStringLiteral("1970-01-01T00:00:00.000Z"));
        QCOMPARE(wf::dateTimeToText(QDateTime::fromMSecsSinceEpoch(-1, QTimeZone::utc())),
                 QStringLiteral("1969-12-31T23:59:59.999Z"));
        QCOMPARE(wf::dateTimeToText(QDateTime(QDate(1, 1, 1), QTime(0, 0), QTimeZone::utc())),
                 QStringLiteral("0001-01-01T00:00:00.000Z"));
    }
};

QTEST_GUILESS_MAIN(TstValueType)
#include "tst_valuetype.moc"
