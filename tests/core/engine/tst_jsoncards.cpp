// Tests of the JSON card family: Parse and Stringify. Rows are JSON literals in raw strings; quotes
// inside JSON strings are written \u0022 because moc 6.4 loses track of a raw string with a
// backslash before a quote or with unbalanced brackets (and then skips the class).
#include "CardTestSupport.h"

#include <QTest>

using namespace wf;

namespace {

constexpr int kOk = -1;

// Checks either the exact outputs (error == kOk) or the error type and that the message contains
// `message`.
void check(const Result<QJsonObject> &r, const QJsonValue &expectedOutput, int error, const QString &message)
{
    if (error == kOk) {
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(QJsonValue(*r), QJsonValue(QJsonObject{{QStringLiteral("output"), expectedOutput}}));
        return;
    }
    QVERIFY2(!r.ok(), r.ok() ? qPrintable(valueToText(*r)) : "");
    QCOMPARE(static_cast<int>(r.error().type), error);
    QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
}

Result<QJsonObject> parse(const QJsonValue &text)
{
    return test::runCard(QStringLiteral("json.parse"), QJsonObject{{QStringLiteral("text"), text}});
}

QString nested(int depth, const QString &inner = QString())
{
    return QString(depth, QLatin1Char('[')) + inner + QString(depth, QLatin1Char(']'));
}

} // namespace

class TstJsonCards final : public QObject {
    Q_OBJECT

private slots:
    void catalogue()
    {
        QStringList names;
        for (const CardSpec &spec : CardCatalogue::builtIn().cards()) {
            if (spec.category == QLatin1String("JSON")) {
                QVERIFY(spec.functionId.startsWith(QLatin1String("json.")));
                QVERIFY(spec.run);
                names.append(spec.name);
            }
        }
        QCOMPARE(names, QStringList({QStringLiteral("Parse"), QStringLiteral("Stringify")}));
        const CardSpec *stringify = CardCatalogue::builtIn().find(QStringLiteral("json.stringify"));
        QCOMPARE(stringify->findOutput(QStringLiteral("output"))->type, ValueType::text());
        QCOMPARE(stringify->findInput(QStringLiteral("pretty"))->type, ValueType::boolean());
    }

    void parse_data()
    {
        QTest::addColumn<QJsonValue>("text"); // the card's input (usually a text)
        QTest::addColumn<QJsonValue>("expected");
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("message");
        const auto ok = [](const char *row, const QString &text, const char *expected) {
            QTest::addRow("%s", row) << QJsonValue(text) << test::json(expected) << kOk << QString();
        };
        const auto fails = [](const char *row, const QJsonValue &text, ErrorType type, const char *message) {
            QTest::addRow("%s", row) << text << QJsonValue() << static_cast<int>(type)
                                     << QString::fromUtf8(message);
        };
        const auto s = [](const char *utf8) {
            return QString::fromUtf8(utf8);
        };
        ok("object", s(R"({"a":1,"b":[true,null]})"), R"({"a":1,"b":[true,null]})");
        ok("list", s(R"([1,"two",{}])"), R"([1,"two",{}])");
        ok("text", s(R"("hello")"), R"("hello")");
        ok("number", s("3"), "3");
        ok("negative fraction", s("-0.25"), "-0.25");
        ok("true", s("true"), "true");
        ok("false", s("false"), "false");
        ok("null", s("null"), "null");
        ok("surrounding whitespace", s(" \n\t 1 \r\n"), "1");
        ok("empty object", s("{}"), "{}");
        ok("empty list", s(" [ ] "), "[]");
        ok("empty text", s(R"("")"), R"("")");
        ok("escapes", s(R"("a\u0022b\\c\nd")"), R"("a\u0022b\\c\nd")");
        ok("emoji", s(R"({"😀":"😀"})"), R"({"😀":"😀"})");
        ok("escaped surrogate pair", s(R"("\ud83d\ude00")"), R"("😀")");
        ok("combining character", s(R"("e\u0301")"), R"("e\u0301")");
        ok("huge number", s("1e308"), "1e308");
        ok("2^53+1 kept exactly", s("9007199254740993"), "9007199254740993");
        ok("brackets inside strings do not nest", s("[\"[[[[{{{{\"]"), "[\"[[[[{{{{\"]");
        fails("empty", QJsonValue(QString()), ErrorType::InvalidInput, "text: there is no JSON value");
        fails("blank", QJsonValue(s("  \n")), ErrorType::InvalidInput, "text: there is no JSON value");
        fails("null", QJsonValue(), ErrorType::InvalidInput, "text: a value is required");
        fails("missing value", QJsonValue(s(R"({"a":})")), ErrorType::InvalidInput,
              "text: invalid JSON at offset");
        fails("unterminated list", QJsonValue(s("[1,2")), ErrorType::InvalidInput,
              "text: invalid JSON at offset");
        fails("unterminated text", QJsonValue(s("\"abc")), ErrorType::InvalidInput, "text: invalid JSON");
        fails("two values", QJsonValue(s("1, 2")), ErrorType::InvalidInput, "text: invalid JSON");
        fails("two objects", QJsonValue(s("{} {}")), ErrorType::InvalidInput, "text: invalid JSON");
        fails("trailing garbage", QJsonValue(s(R"({"a":1} x)")), ErrorType::InvalidInput,
              "text: invalid JSON");
        fails("scalar with a closing bracket", QJsonValue(s("1],[2")), ErrorType::InvalidInput,
              "text: invalid JSON");
        fails("bare word", QJsonValue(s("tru")), ErrorType::InvalidInput, "text: invalid JSON");
        fails("single quotes", QJsonValue(s("{'a':1}")), ErrorType::InvalidInput, "text: invalid JSON");
        fails("trailing comma", QJsonValue(s("[1,]")), ErrorType::InvalidInput, "text: invalid JSON");
        fails("NaN", QJsonValue(s("NaN")), ErrorType::InvalidInput, "text: invalid JSON");
    }
    void parse()
    {
        QFETCH(QJsonValue, text);
        QFETCH(QJsonValue, expected);
        QFETCH(int, error);
        QFETCH(QString, message);
        check(::parse(text), expected, error, message);
    }

    // The text input is Text, so other values arrive as their text form: a number parses back to
    // itself, an object (sent as compact JSON) to the same object.
    void parseTakesTextForms()
    {
        check(::parse(QJsonValue(42)), QJsonValue(42), kOk, QString());
        check(::parse(test::json(R"({"a":[1]})")), test::json(R"({"a":[1]})"), kOk, QString());
        check(::parse(QJsonValue(true)), QJsonValue(true), kOk, QString());
    }

    // The offset counts characters of the text (not UTF-8 bytes) up to where the parser stopped.
    void parseErrorOffsetCountsCharacters()
    {
        const auto ascii = ::parse(QStringLiteral("{\"ab\": x}"));
        QVERIFY(!ascii.ok());
        const auto accented = ::parse(QStringLiteral("{\"éé\": x}"));
        QVERIFY(!accented.ok());
        // Same shape, same character offset, although "é" takes two bytes in UTF-8.
        QCOMPARE(accented.error().message, ascii.error().message);
        QVERIFY2(ascii.error().message.contains(QLatin1String("offset 7")),
                 qPrintable(ascii.error().message));
        // For a scalar the wrapping list must not shift the offset.
        const auto scalar = ::parse(QStringLiteral("\"abc"));
        QVERIFY(!scalar.ok());
        QVERIFY2(scalar.error().message.contains(QLatin1String("offset 4")),
                 qPrintable(scalar.error().message));
    }

    void parseErrorsDoNotEchoTheText()
    {
        const QString text =
            QStringLiteral("{\"a\": ") + QString(10000, QLatin1Char('z')) + QStringLiteral("}");
        const auto r = ::parse(text);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().type, ErrorType::InvalidInput);
        QVERIFY(r.error().message.size() < 200);
    }

    void parseNestingLimit()
    {
        const auto deepest = ::parse(nested(512, QStringLiteral("1")));
        QVERIFY2(deepest.ok(), deepest.ok() ? "" : qPrintable(deepest.error().message));
        QJsonValue inner = deepest->value(QStringLiteral("output"));
        for (int i = 0; i < 512; ++i)
            inner = inner.toArray().at(0);
        QCOMPARE(inner, QJsonValue(1));

        const auto tooDeep = ::parse(nested(513));
        QVERIFY(!tooDeep.ok());
        QCOMPARE(tooDeep.error().type, ErrorType::LimitExceeded);
        QVERIFY2(tooDeep.error().message.startsWith(QLatin1String("text: nested deeper than 512 levels")),
                 qPrintable(tooDeep.error().message));

        const QString mixed = QString(300, QLatin1Char('[')) + QString(300, QLatin1Char('{'));
        const auto objects = ::parse(mixed);
        QVERIFY(!objects.ok());
        QCOMPARE(objects.error().type, ErrorType::LimitExceeded);

        // Far beyond what Qt's own parser accepts: refused up front, without recursion.
        const auto hostile = ::parse(nested(1000000));
        QVERIFY(!hostile.ok());
        QCOMPARE(hostile.error().type, ErrorType::LimitExceeded);
    }

    void parseLengthLimit()
    {
        QString text(kMaxTextLength + 1, QLatin1Char(' '));
        text[0] = QLatin1Char('1');
        const auto r = ::parse(text);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().type, ErrorType::LimitExceeded);
        QVERIFY(r.error().message.startsWith(QLatin1String("text:")));
        QVERIFY(r.error().message.size() < 200);

        text.chop(1); // exactly at the limit is fine
        const auto atLimit = ::parse(text);
        QVERIFY2(atLimit.ok(), atLimit.ok() ? "" : qPrintable(atLimit.error().message));
        QCOMPARE(atLimit->value(QStringLiteral("output")), QJsonValue(1));
    }

    void stringify_data()
    {
        QTest::addColumn<QJsonObject>("inputs");
        QTest::addColumn<QJsonValue>("expected");
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("message");
        const auto ok = [](const char *row, const char *inputs, const char *expected) {
            QTest::addRow("%s", row) << test::json(inputs).toObject()
                                     << QJsonValue(QString::fromUtf8(expected)) << kOk << QString();
        };
        const auto fails = [](const char *row, const char *inputs, ErrorType type, const char *message) {
            QTest::addRow("%s", row) << test::json(inputs).toObject() << QJsonValue()
                                     << static_cast<int>(type) << QString::fromUtf8(message);
        };
        ok("text", R"({"value":"a"})", R"("a")");
        ok("number", R"({"value":3})", "3");
        ok("fraction", R"({"value":-0.25})", "-0.25");
        ok("true", R"({"value":true})", "true");
        ok("false", R"({"value":false})", "false");
        ok("null", R"({"value":null})", "null");
        ok("absent", "{}", "null");
        ok("object", R"({"value":{"b":[1,"x"],"a":null}})", R"({"a":null,"b":[1,"x"]})");
        ok("list", R"({"value":[1,"x",{}]})", R"([1,"x",{}])");
        ok("empty text", R"({"value":""})", R"("")");
        ok("empty object", R"({"value":{}})", "{}");
        ok("empty list", R"({"value":[]})", "[]");
        ok("escapes", R"({"value":"a\u0022b\\c\nd\u0001"})", "\"a\\\"b\\\\c\\nd\\u0001\"");
        ok("emoji stays as is", R"({"value":"😀"})", R"("😀")");
        ok("combining character", R"({"value":"e\u0301"})", "\"e\u0301\"");
        ok("huge number", R"({"value":1e308})", "1e+308");
        ok("2^53+1 kept exactly", R"({"value":9007199254740993})", "9007199254740993");
        ok("pretty object", R"({"value":{"a":1,"b":[2]},"pretty":true})",
           "{\n    \"a\": 1,\n    \"b\": [\n        2\n    ]\n}");
        ok("pretty list", R"({"value":[1],"pretty":true})", "[\n    1\n]");
        ok("pretty scalar", R"({"value":"a","pretty":true})", R"("a")");
        ok("pretty from text", R"({"value":{},"pretty":"true"})", "{\n}");
        ok("pretty false", R"({"value":{"a":1},"pretty":false})", R"({"a":1})");
        ok("pretty null is compact", R"({"value":[1],"pretty":null})", "[1]");
        fails("pretty not a boolean", R"({"value":1,"pretty":"very"})", ErrorType::InvalidTypeConversion,
              "pretty:");
        fails("pretty an object", R"({"value":1,"pretty":{}})", ErrorType::InvalidTypeConversion, "pretty:");
    }
    void stringify()
    {
        QFETCH(QJsonObject, inputs);
        QFETCH(QJsonValue, expected);
        QFETCH(int, error);
        QFETCH(QString, message);
        check(test::runCard(QStringLiteral("json.stringify"), inputs), expected, error, message);
    }

    void roundTrip_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addRow("object") << test::json(R"({"a":[1,{"b":null}],"c":"😀"})");
        QTest::addRow("list") << test::json(R"([true,false,null,"",0])");
        QTest::addRow("text with escapes") << test::json(R"("line\nbreak \u0022quoted\u0022 e\u0301")");
        QTest::addRow("number") << test::json("1e-7");
        QTest::addRow("2^53+1") << test::json("9007199254740993");
        QTest::addRow("null") << test::json("null");
    }
    void roundTrip()
    {
        QFETCH(QJsonValue, value);
        for (const bool pretty : {false, true}) {
            const auto text = test::runCard(
                QStringLiteral("json.stringify"),
                QJsonObject{{QStringLiteral("value"), value}, {QStringLiteral("pretty"), pretty}});
            QVERIFY(text.ok());
            const auto back = ::parse(text->value(QStringLiteral("output")));
            QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().message));
            QCOMPARE(back->value(QStringLiteral("output")), value);
        }
    }
};

QTEST_GUILESS_MAIN(TstJsonCards)
#include "tst_jsoncards.moc"
