// Tests of the Date & Time cards (Now, Add, Subtract, Date to Text, Text to Date, Difference) run
// through the invoker as a flow runs them: fixed clock, leap years, month ends, DST zones, the
// Unix epoch and the 1..9999 year range.

#include "CardTestSupport.h"

#include <QTest>

using namespace wf;
using wf::test::json;
using wf::test::runCard;
using wf::test::TestEnv;

namespace {

constexpr int kOk = -1;

QJsonValue text(const char *value)
{
    return QJsonValue(QString::fromUtf8(value));
}

QJsonValue null()
{
    return QJsonValue(QJsonValue::Null);
}

// Rows: inputs, then the expected output or the expected error type and a text the message must
// contain (the input's name, usually).
void addColumns()
{
    QTest::addColumn<QJsonObject>("inputs");
    QTest::addColumn<int>("error");
    QTest::addColumn<QJsonValue>("expected");
    QTest::addColumn<QString>("mentions");
}

void ok(const char *name, const QJsonObject &inputs, const QJsonValue &expected)
{
    QTest::addRow("%s", name) << inputs << kOk << expected << QString();
}

void fails(const char *name, const QJsonObject &inputs, ErrorType type, const char *mentions)
{
    QTest::addRow("%s", name) << inputs << static_cast<int>(type) << QJsonValue()
                              << QString::fromUtf8(mentions);
}

void checkRow(const char *functionId, const char *output)
{
    QFETCH(QJsonObject, inputs);
    QFETCH(int, error);
    QFETCH(QJsonValue, expected);
    QFETCH(QString, mentions);

    TestEnv env;
    const auto result = runCard(QLatin1String(functionId), inputs, {}, &env);
    if (error == kOk) {
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(result->size(), 1);
        QCOMPARE(result->value(QLatin1String(output)), expected);
    } else {
        QVERIFY2(!result.ok(), qPrintable(valueToText(result.ok() ? QJsonValue(*result) : QJsonValue())));
        QCOMPARE(errorTypeName(result.error().type), errorTypeName(static_cast<ErrorType>(error)));
        QVERIFY2(result.error().message.contains(mentions), qPrintable(result.error().message));
        QVERIFY2(result.error().message.size() < 200, qPrintable(result.error().message));
    }
}

QJsonObject addInputs(const QJsonValue &date, const QJsonValue &amount, const QJsonValue &unit)
{
    return QJsonObject{
        {QStringLiteral("date"), date}, {QStringLiteral("amount"), amount}, {QStringLiteral("unit"), unit}};
}

QJsonObject formatInputs(const QJsonValue &date, const QJsonValue &format, const QJsonValue &zone = null())
{
    return QJsonObject{{QStringLiteral("date"), date},
                       {QStringLiteral("format"), format},
                       {QStringLiteral("timeZone"), zone}};
}

QJsonObject parseInputs(const QJsonValue &textValue, const QJsonValue &format = null(),
                        const QJsonValue &zone = null())
{
    return QJsonObject{{QStringLiteral("text"), textValue},
                       {QStringLiteral("format"), format},
                       {QStringLiteral("timeZone"), zone}};
}

QJsonObject differenceInputs(const QJsonValue &start, const QJsonValue &end, const QJsonValue &unit = null())
{
    return QJsonObject{
        {QStringLiteral("start"), start}, {QStringLiteral("end"), end}, {QStringLiteral("unit"), unit}};
}

const QJsonValue kMay1 = QJsonValue(QStringLiteral("2024-05-01T12:00:00.000Z"));

} // namespace

class TstDateTimeCards final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // A zone with daylight-saving time: results must not depend on the machine's zone.
        qputenv("TZ", "America/Santiago");
    }

    void catalogue_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("inputs");  // "name:type" with a "!" suffix when required
        QTest::addColumn<QStringList>("outputs"); // "name:type"

        QTest::addRow("now") << "datetime.now"
                             << "Now" << QStringList{} << QStringList{QStringLiteral("output:datetime")};
        QTest::addRow("add") << "datetime.add"
                             << "Add"
                             << QStringList{QStringLiteral("date:datetime!"),
                                            QStringLiteral("amount:number!"), QStringLiteral("unit:text!")}
                             << QStringList{QStringLiteral("output:datetime")};
        QTest::addRow("subtract") << "datetime.subtract"
                                  << "Subtract"
                                  << QStringList{QStringLiteral("date:datetime!"),
                                                 QStringLiteral("amount:number!"),
                                                 QStringLiteral("unit:text!")}
                                  << QStringList{QStringLiteral("output:datetime")};
        QTest::addRow("date to text")
            << "datetime.dateToText"
            << "Date to Text"
            << QStringList{QStringLiteral("date:datetime!"), QStringLiteral("format:text"),
                           QStringLiteral("timeZone:text")}
            << QStringList{QStringLiteral("output:text")};
        QTest::addRow("text to date")
            << "datetime.textToDate"
            << "Text to Date"
            << QStringList{QStringLiteral("text:text!"), QStringLiteral("format:text"),
                           QStringLiteral("timeZone:text")}
            << QStringList{QStringLiteral("output:datetime")};
        QTest::addRow("difference") << "datetime.difference"
                                    << "Difference"
                                    << QStringList{QStringLiteral("start:datetime!"),
                                                   QStringLiteral("end:datetime!"),
                                                   QStringLiteral("unit:text")}
                                    << QStringList{QStringLiteral("difference:number")};
    }

    void catalogue()
    {
        QFETCH(QString, id);
        QFETCH(QString, name);
        QFETCH(QStringList, inputs);
        QFETCH(QStringList, outputs);

        const CardSpec *spec = CardCatalogue::builtIn().find(id);
        QVERIFY(spec);
        QCOMPARE(spec->category, QStringLiteral("Date & Time"));
        QCOMPARE(spec->name, name);
        QCOMPARE(spec->kind, CardKind::Function);
        QVERIFY(!spec->description.isEmpty());
        QVERIFY(!spec->dynamicInputs);
        QVERIFY(!spec->dynamicOutputs);
        QVERIFY(spec->run);
        QStringList actualInputs;
        for (const PortSpec &port : spec->inputs) {
            actualInputs.append(port.name + QLatin1Char(':') + port.type.toString() +
                                (port.required ? QStringLiteral("!") : QString()));
            QVERIFY(!port.description.isEmpty());
        }
        QCOMPARE(actualInputs, inputs);
        QStringList actualOutputs;
        for (const PortSpec &port : spec->outputs)
            actualOutputs.append(port.name + QLatin1Char(':') + port.type.toString());
        QCOMPARE(actualOutputs, outputs);
    }

    void defaults()
    {
        const CardSpec *toText = CardCatalogue::builtIn().find(QStringLiteral("datetime.dateToText"));
        QVERIFY(toText);
        QCOMPARE(toText->findInput(QStringLiteral("format"))->defaultValue, text("ISO"));
        QCOMPARE(toText->findInput(QStringLiteral("timeZone"))->defaultValue, text("UTC"));
        const CardSpec *difference = CardCatalogue::builtIn().find(QStringLiteral("datetime.difference"));
        QVERIFY(difference);
        QCOMPARE(difference->findInput(QStringLiteral("unit"))->defaultValue, text("milliseconds"));
    }

    void now()
    {
        TestEnv env;
        auto result = runCard(QStringLiteral("datetime.now"), QJsonObject{}, {}, &env);
        QVERIFY(result.ok());
        QCOMPARE(*result, QJsonObject({{QStringLiteral("output"), kMay1}}));

        // The clock's zone does not leak into the value; milliseconds are kept.
        env.fixedNow = QDateTime(QDate(2024, 3, 31), QTime(3, 0, 0, 250), QTimeZone("Europe/Paris"));
        result = runCard(QStringLiteral("datetime.now"), QJsonObject{}, {}, &env);
        QVERIFY(result.ok());
        QCOMPARE(result->value(QStringLiteral("output")), text("2024-03-31T01:00:00.250Z"));

        env.fixedNow = QDateTime::fromMSecsSinceEpoch(0, QTimeZone::utc());
        result = runCard(QStringLiteral("datetime.now"), QJsonObject{}, {}, &env);
        QVERIFY(result.ok());
        QCOMPARE(result->value(QStringLiteral("output")), text("1970-01-01T00:00:00.000Z"));

        // Inputs it does not declare are ignored.
        result = runCard(QStringLiteral("datetime.now"), QJsonObject{{QStringLiteral("x"), 1}}, {}, &env);
        QVERIFY(result.ok());
    }

    void add_data()
    {
        addColumns();
        const auto row = [](const char *name, const char *date, double amount, const char *unit,
                            const char *expected) {
            ok(name, addInputs(text(date), amount, text(unit)), text(expected));
        };
        row("milliseconds", "2024-05-01T12:00:00.000Z", 1, "milliseconds", "2024-05-01T12:00:00.001Z");
        row("seconds", "2024-05-01T12:00:00.000Z", 90, "seconds", "2024-05-01T12:01:30.000Z");
        row("minutes", "2024-05-01T12:00:00.000Z", 45, "minutes", "2024-05-01T12:45:00.000Z");
        row("hours", "2024-05-01T12:00:00.000Z", 36, "hours", "2024-05-03T00:00:00.000Z");
        row("days", "2024-05-01T12:00:00.000Z", 1, "days", "2024-05-02T12:00:00.000Z");
        row("weeks", "2024-05-01T12:00:00.000Z", 2, "weeks", "2024-05-15T12:00:00.000Z");
        row("months", "2024-05-01T12:00:00.000Z", 3, "months", "2024-08-01T12:00:00.000Z");
        row("years", "2024-05-01T12:00:00.000Z", 10, "years", "2034-05-01T12:00:00.000Z");
        row("singular unit", "2024-05-01T12:00:00.000Z", 1, "day", "2024-05-02T12:00:00.000Z");
        row("capitalised unit", "2024-05-01T12:00:00.000Z", 1, "Hours", "2024-05-01T13:00:00.000Z");
        row("unit with spaces", "2024-05-01T12:00:00.000Z", 1, " minute ", "2024-05-01T12:01:00.000Z");
        row("zero", "2024-05-01T12:00:00.000Z", 0, "years", "2024-05-01T12:00:00.000Z");
        row("negative zero", "2024-05-01T12:00:00.000Z", -0.0, "days", "2024-05-01T12:00:00.000Z");
        row("negative days", "2024-05-01T12:00:00.000Z", -1, "days", "2024-04-30T12:00:00.000Z");
        row("negative months", "2024-05-01T12:00:00.000Z", -5, "months", "2023-12-01T12:00:00.000Z");
        // Month arithmetic clamps to the end of the month.
        row("jan 31 + 1 month, leap year", "2024-01-31T10:00:00.000Z", 1, "months",
            "2024-02-29T10:00:00.000Z");
        row("jan 31 + 1 month", "2023-01-31T10:00:00.000Z", 1, "months", "2023-02-28T10:00:00.000Z");
        row("jan 31 + 2 months", "2024-01-31T10:00:00.000Z", 2, "months", "2024-03-31T10:00:00.000Z");
        row("mar 31 - 1 month", "2024-03-31T00:00:00.000Z", -1, "months", "2024-02-29T00:00:00.000Z");
        row("aug 31 + 1 month", "2024-08-31T00:00:00.000Z", 1, "month", "2024-09-30T00:00:00.000Z");
        row("leap day + 1 year", "2024-02-29T00:00:00.000Z", 1, "years", "2025-02-28T00:00:00.000Z");
        row("leap day + 4 years", "2024-02-29T00:00:00.000Z", 4, "years", "2028-02-29T00:00:00.000Z");
        row("leap day - 1 year", "2024-02-29T00:00:00.000Z", -1, "year", "2023-02-28T00:00:00.000Z");
        row("leap day + 12 months", "2024-02-29T00:00:00.000Z", 12, "months", "2025-02-28T00:00:00.000Z");
        row("1900 is not a leap year", "1899-02-28T00:00:00.000Z", 1, "years", "1900-02-28T00:00:00.000Z");
        row("2000 is a leap year", "2000-02-28T00:00:00.000Z", 1, "days", "2000-02-29T00:00:00.000Z");
        // Arithmetic runs in UTC: a day is 24 hours even across a DST change somewhere.
        row("across the Paris DST change", "2024-03-30T12:00:00.000Z", 1, "days", "2024-03-31T12:00:00.000Z");
        row("24 hours across DST", "2024-10-26T12:00:00.000Z", 24, "hours", "2024-10-27T12:00:00.000Z");
        row("offset input", "2024-05-01T14:00:00+02:00", 1, "hours", "2024-05-01T13:00:00.000Z");
        row("date only input", "2024-05-01", 1, "days", "2024-05-02T00:00:00.000Z");
        row("epoch - 1 ms", "1970-01-01T00:00:00.000Z", -1, "milliseconds", "1969-12-31T23:59:59.999Z");
        row("before epoch + 1 ms", "1969-12-31T23:59:59.999Z", 1, "milliseconds", "1970-01-01T00:00:00.000Z");
        row("epoch + 2^31 seconds", "1970-01-01T00:00:00.000Z", 2147483648.0, "seconds",
            "2038-01-19T03:14:08.000Z");
        row("up to the last instant", "9999-12-31T23:59:59.998Z", 1, "milliseconds",
            "9999-12-31T23:59:59.999Z");
        row("down to the first instant", "0001-01-01T00:00:00.001Z", -1, "milliseconds",
            "0001-01-01T00:00:00.000Z");
        row("largest year step", "2024-05-01T00:00:00.000Z", 7975, "years", "9999-05-01T00:00:00.000Z");
        row("whole range in ms", "0001-01-01T00:00:00.000Z", 315537897599999.0, "milliseconds",
            "9999-12-31T23:59:59.999Z");

        ok("amount as text", addInputs(kMay1, text("2"), text("days")), text("2024-05-03T12:00:00.000Z"));
        ok("amount as boolean", addInputs(kMay1, true, text("days")), text("2024-05-02T12:00:00.000Z"));

        // Huge amounts are refused, never wrapped.
        const ErrorType invalid = ErrorType::InvalidInput;
        fails("past the last instant", addInputs(text("9999-12-31T23:59:59.999Z"), 1, text("milliseconds")),
              invalid, "amount");
        fails("before the first instant",
              addInputs(text("0001-01-01T00:00:00.000Z"), -1, text("milliseconds")), invalid, "amount");
        fails("month before year 1", addInputs(text("0001-01-15T00:00:00.000Z"), -1, text("months")), invalid,
              "amount");
        fails("year past 9999", addInputs(kMay1, 7976, text("years")), invalid, "years 1 to 9999");
        fails("1e308 days", addInputs(kMay1, 1e308, text("days")), invalid, "amount");
        fails("-1e308 ms", addInputs(kMay1, -1e308, text("milliseconds")), invalid, "amount");
        fails("1e308 years", addInputs(kMay1, 1e308, text("years")), invalid, "amount");
        fails("-1e308 months", addInputs(kMay1, -1e308, text("months")), invalid, "amount");
        fails("2^31 months", addInputs(kMay1, 2147483648.0, text("months")), invalid, "amount");
        fails("2^32 + 1 months", addInputs(kMay1, 4294967297.0, text("months")), invalid, "amount");
        fails("2^53 + 1 ms", addInputs(kMay1, 9007199254740993.0, text("milliseconds")), invalid, "amount");
        fails("2^53 weeks", addInputs(kMay1, 9007199254740992.0, text("weeks")), invalid, "amount");
        fails("fractional amount", addInputs(kMay1, 1.5, text("days")), invalid,
              "amount: 1.5 is not a whole number");
        fails("tiny fraction", addInputs(kMay1, 1e-300, text("days")), invalid, "amount");

        // Empty and wrong values.
        fails("date missing", addInputs(null(), 1, text("days")), invalid, "date: a value is required");
        fails("amount missing", addInputs(kMay1, null(), text("days")), invalid,
              "amount: a value is required");
        fails("unit missing", addInputs(kMay1, 1, null()), invalid, "unit: a value is required");
        fails("unit empty", addInputs(kMay1, 1, text("")), invalid, "unit: unknown unit");
        fails("unit unknown", addInputs(kMay1, 1, text("fortnights")), invalid,
              "unit: unknown unit \"fortnights\"");
        fails("unit emoji", addInputs(kMay1, 1, text("⏰")), invalid, "unit");
        fails("unit abbreviation", addInputs(kMay1, 1, text("ms")), invalid, "unit");
        fails("unit number", addInputs(kMay1, 1, 5), invalid, "unit: unknown unit \"5\"");
        fails("unit long text", addInputs(kMay1, 1, QJsonValue(QString(500, QLatin1Char('d')))), invalid,
              "unit");
        const ErrorType conversion = ErrorType::InvalidTypeConversion;
        fails("date empty text", addInputs(text(""), 1, text("days")), conversion, "date");
        fails("date garbage", addInputs(text("tomorrow"), 1, text("days")), conversion, "date");
        fails("date emoji", addInputs(text("📅"), 1, text("days")), conversion, "date");
        fails("date number", addInputs(1714564800000.0, 1, text("days")), conversion, "date");
        fails("date object", addInputs(json("{}"), 1, text("days")), conversion, "date");
        fails("date list", addInputs(json("[]"), 1, text("days")), conversion, "date");
        fails("amount garbage", addInputs(kMay1, text("two"), text("days")), conversion, "amount");
        fails("amount empty text", addInputs(kMay1, text(""), text("days")), conversion, "amount");
        fails("amount object", addInputs(kMay1, json("{}"), text("days")), conversion, "amount");
        fails("amount list", addInputs(kMay1, json("[1]"), text("days")), conversion, "amount");
    }

    void add() { checkRow("datetime.add", "output"); }

    void subtract_data()
    {
        addColumns();
        const auto row = [](const char *name, const char *date, double amount, const char *unit,
                            const char *expected) {
            ok(name, addInputs(text(date), amount, text(unit)), text(expected));
        };
        row("milliseconds", "2024-05-01T12:00:00.000Z", 1, "milliseconds", "2024-05-01T11:59:59.999Z");
        row("seconds", "2024-05-01T12:00:00.000Z", 30, "seconds", "2024-05-01T11:59:30.000Z");
        row("minutes", "2024-05-01T12:00:00.000Z", 61, "minutes", "2024-05-01T10:59:00.000Z");
        row("hours", "2024-05-01T12:00:00.000Z", 12, "hours", "2024-05-01T00:00:00.000Z");
        row("days", "2024-05-01T12:00:00.000Z", 1, "days", "2024-04-30T12:00:00.000Z");
        row("weeks", "2024-05-01T12:00:00.000Z", 1, "week", "2024-04-24T12:00:00.000Z");
        row("months", "2024-05-01T12:00:00.000Z", 5, "months", "2023-12-01T12:00:00.000Z");
        row("years", "2024-05-01T12:00:00.000Z", 24, "YEARS", "2000-05-01T12:00:00.000Z");
        row("negative amount adds", "2024-05-01T12:00:00.000Z", -1, "days", "2024-05-02T12:00:00.000Z");
        row("mar 31 - 1 month", "2024-03-31T08:00:00.000Z", 1, "months", "2024-02-29T08:00:00.000Z");
        row("may 31 - 1 month", "2023-05-31T08:00:00.000Z", 1, "months", "2023-04-30T08:00:00.000Z");
        row("leap day - 1 year", "2024-02-29T00:00:00.000Z", 1, "years", "2023-02-28T00:00:00.000Z");
        row("leap day - 4 years", "2024-02-29T00:00:00.000Z", 4, "years", "2020-02-29T00:00:00.000Z");
        row("mar 1 - 1 day in a leap year", "2024-03-01T00:00:00.000Z", 1, "days",
            "2024-02-29T00:00:00.000Z");
        row("to the epoch", "1970-01-01T00:00:01.000Z", 1, "seconds", "1970-01-01T00:00:00.000Z");
        row("past the epoch", "1970-01-01T00:00:00.000Z", 1, "days", "1969-12-31T00:00:00.000Z");
        row("down to year 1", "2024-05-01T00:00:00.000Z", 2023, "years", "0001-05-01T00:00:00.000Z");

        const ErrorType invalid = ErrorType::InvalidInput;
        fails("before year 1", addInputs(kMay1, 2024, text("years")), invalid, "amount");
        fails("negative past 9999", addInputs(text("9999-12-31T00:00:00.000Z"), -1, text("days")), invalid,
              "amount");
        fails("1e308 ms", addInputs(kMay1, 1e308, text("milliseconds")), invalid, "amount");
        fails("-1e308 years", addInputs(kMay1, -1e308, text("years")), invalid, "amount");
        fails("fractional", addInputs(kMay1, 0.5, text("hours")), invalid,
              "amount: 0.5 is not a whole number");
        fails("date missing", addInputs(null(), 1, text("days")), invalid, "date");
        fails("amount missing", addInputs(kMay1, null(), text("days")), invalid, "amount");
        fails("unit missing", addInputs(kMay1, 1, null()), invalid, "unit");
        fails("unit unknown", addInputs(kMay1, 1, text("décennies")), invalid,
              "unit: unknown unit \"décennies\"");
        fails("date garbage", addInputs(text("garbage"), 1, text("days")), ErrorType::InvalidTypeConversion,
              "date");
        fails("amount object", addInputs(kMay1, json("{\"a\":1}"), text("days")),
              ErrorType::InvalidTypeConversion, "amount");
    }

    void subtract() { checkRow("datetime.subtract", "output"); }

    void dateToText_data()
    {
        addColumns();
        const auto row = [](const char *name, const char *date, const char *format, const char *zone,
                            const char *expected) {
            ok(name, formatInputs(text(date), format ? text(format) : null(), zone ? text(zone) : null()),
               text(expected));
        };
        const char *may1 = "2024-05-01T12:00:00.000Z";
        row("default is ISO", may1, nullptr, nullptr, "2024-05-01T12:00:00.000Z");
        row("ISO", may1, "ISO", nullptr, "2024-05-01T12:00:00.000Z");
        row("iso lower case", may1, "iso", nullptr, "2024-05-01T12:00:00.000Z");
        row("ISO 8601", may1, "ISO 8601", "UTC", "2024-05-01T12:00:00.000Z");
        row("empty format is ISO", may1, "", "", "2024-05-01T12:00:00.000Z");
        row("ISO in Paris", may1, "ISO", "Europe/Paris", "2024-05-01T14:00:00.000+02:00");
        row("ISO in New York", may1, "ISO", "America/New_York", "2024-05-01T08:00:00.000-04:00");
        row("ISO in Kolkata", may1, "ISO", "Asia/Kolkata", "2024-05-01T17:30:00.000+05:30");
        row("ISO in London in winter", "2024-01-01T12:00:00.000Z", "ISO", "Europe/London",
            "2024-01-01T12:00:00.000+00:00");
        row("ISO in Etc/UTC", may1, "ISO", "Etc/UTC", "2024-05-01T12:00:00.000Z");
        row("ISO in GMT", may1, "ISO", "GMT", "2024-05-01T12:00:00.000Z");
        row("ISO in a backward link", may1, "ISO", "US/Eastern", "2024-05-01T08:00:00.000-04:00");
        row("ISO in Etc/GMT-14", may1, "ISO", "Etc/GMT-14", "2024-05-02T02:00:00.000+14:00");
        row("ISO in a fixed offset", may1, "ISO", "UTC+02:00", "2024-05-01T14:00:00.000+02:00");
        row("ISO keeps milliseconds", "2024-05-01T12:00:00.042Z", "ISO", "Europe/Paris",
            "2024-05-01T14:00:00.042+02:00");
        row("ISO crosses midnight", "2024-05-01T23:30:00.000Z", "ISO", "Asia/Tokyo",
            "2024-05-02T08:30:00.000+09:00");
        // Europe/Paris springs forward at 01:00 UTC on 2024-03-31 and falls back at 01:00 UTC on 2024-10-27.
        row("Paris before spring forward", "2024-03-31T00:59:59.999Z", "ISO", "Europe/Paris",
            "2024-03-31T01:59:59.999+01:00");
        row("Paris after spring forward", "2024-03-31T01:00:00.000Z", "ISO", "Europe/Paris",
            "2024-03-31T03:00:00.000+02:00");
        row("Paris first 02:30 in autumn", "2024-10-27T00:30:00.000Z", "ISO", "Europe/Paris",
            "2024-10-27T02:30:00.000+02:00");
        row("Paris second 02:30 in autumn", "2024-10-27T01:30:00.000Z", "ISO", "Europe/Paris",
            "2024-10-27T02:30:00.000+01:00");
        row("RFC 2822", may1, "RFC 2822", nullptr, "Wed, 01 May 2024 12:00:00 +0000");
        row("RFC 2822 in Paris", may1, "RFC 2822", "Europe/Paris", "Wed, 01 May 2024 14:00:00 +0200");
        row("RFC 2822 in New York", may1, "rfc 2822", "America/New_York", "Wed, 01 May 2024 08:00:00 -0400");
        row("RFC 2822 in Kolkata", may1, "RFC 2822", "Asia/Kolkata", "Wed, 01 May 2024 17:30:00 +0530");
        row("Unix seconds", may1, "Unix seconds", nullptr, "1714564800");
        row("Unix seconds ignore the zone", may1, "Unix seconds", "Europe/Paris", "1714564800");
        row("Unix seconds round down", "2024-05-01T12:00:00.999Z", "unix seconds", nullptr, "1714564800");
        row("Unix milliseconds", "2024-05-01T12:00:00.999Z", "Unix milliseconds", nullptr, "1714564800999");
        row("epoch seconds", "1970-01-01T00:00:00.000Z", "Unix seconds", nullptr, "0");
        row("epoch milliseconds", "1970-01-01T00:00:00.000Z", "Unix milliseconds", nullptr, "0");
        row("before epoch seconds", "1969-12-31T23:59:59.500Z", "Unix seconds", nullptr, "-1");
        row("before epoch whole second", "1969-12-31T23:59:59.000Z", "Unix seconds", nullptr, "-1");
        row("before epoch milliseconds", "1969-12-31T23:59:59.500Z", "Unix milliseconds", nullptr, "-500");
        row("2038 seconds", "2038-01-19T03:14:08.000Z", "Unix seconds", nullptr, "2147483648");
        row("year 1 seconds", "0001-01-01T00:00:00.000Z", "Unix seconds", nullptr, "-62135596800");
        row("year 9999 milliseconds", "9999-12-31T23:59:59.999Z", "Unix milliseconds", nullptr,
            "253402300799999");
        row("year 1 ISO", "0001-01-01T00:00:00.000Z", nullptr, nullptr, "0001-01-01T00:00:00.000Z");
        row("pattern", may1, "yyyy-MM-dd HH:mm", nullptr, "2024-05-01 12:00");
        row("pattern in Paris", may1, "yyyy-MM-dd HH:mm", "Europe/Paris", "2024-05-01 14:00");
        row("pattern with names", may1, "dddd d MMMM yyyy", nullptr, "Wednesday 1 May 2024");
        row("pattern with short names", may1, "ddd, MMM d", nullptr, "Wed, May 1");
        row("pattern 12-hour", "2024-05-01T15:04:05.000Z", "h:mm:ss AP", nullptr, "3:04:05 PM");
        row("pattern milliseconds", "2024-05-01T15:04:05.007Z", "HH:mm:ss.zzz", nullptr, "15:04:05.007");
        row("pattern quoted literal", may1, "'Day' d 'of' M", nullptr, "Day 1 of 5");
        row("pattern zone abbreviation", may1, "HH:mm t", "UTC", "12:00 UTC");
        row("pattern unicode", may1, "yyyy年M月d日", nullptr, "2024年5月1日");
        row("pattern emoji", may1, "📅 yyyy", nullptr, "📅 2024");
        row("pattern two-digit year", may1, "dd/MM/yy", nullptr, "01/05/24");
        row("pattern year 1", "0001-02-03T00:00:00.000Z", "yyyy-MM-dd", nullptr, "0001-02-03");
        row("pattern across DST", "2024-03-31T01:30:00.000Z", "HH:mm", "Europe/Paris", "03:30");
        // Text bound to the format becomes a pattern: a number or an object is written literally.
        ok("object as pattern", formatInputs(kMay1, json("{}")), text("{}"));

        const QString maxPattern = QString(128 - 4, QLatin1Char('-')) + QStringLiteral("yyyy");
        ok("pattern of 128 characters", formatInputs(kMay1, QJsonValue(maxPattern)),
           QJsonValue(QString(124, QLatin1Char('-')) + QStringLiteral("2024")));

        const ErrorType invalid = ErrorType::InvalidInput;
        fails("pattern of 129 characters", formatInputs(kMay1, QJsonValue(maxPattern + QLatin1Char('-'))),
              invalid, "format: a pattern is limited to 128 characters");
        fails("huge pattern", formatInputs(kMay1, QJsonValue(QString(100000, QLatin1Char('y')))), invalid,
              "format");
        fails("unknown zone", formatInputs(kMay1, text("ISO"), text("Mars/Olympus_Mons")), invalid,
              "timeZone: unknown time zone \"Mars/Olympus_Mons\"");
        fails("zone ids are case-sensitive", formatInputs(kMay1, text("ISO"), text("europe/paris")), invalid,
              "timeZone");
        // Qt would read these as POSIX rules and silently use UTC.
        fails("abbreviation is not a zone", formatInputs(kMay1, text("ISO"), text("PST")), invalid,
              "timeZone");
        fails("made-up name", formatInputs(kMay1, text("ISO"), text("abc")), invalid, "timeZone");
        fails("POSIX rule", formatInputs(kMay1, text("ISO"), text("EST5EDT")), invalid, "timeZone");
        fails("zone emoji", formatInputs(kMay1, text("ISO"), text("🌍")), invalid, "timeZone");
        fails("zone as number", formatInputs(kMay1, text("ISO"), 2), invalid,
              "timeZone: unknown time zone \"2\"");
        fails("long zone is truncated",
              formatInputs(kMay1, text("ISO"), QJsonValue(QString(300, QLatin1Char('z')))), invalid,
              "timeZone");
        fails("date missing", formatInputs(null(), text("ISO")), invalid, "date: a value is required");
        fails("date empty", formatInputs(text(""), text("ISO")), ErrorType::InvalidTypeConversion, "date");
        fails("date garbage", formatInputs(text("soon"), text("ISO")), ErrorType::InvalidTypeConversion,
              "date");
        fails("date number", formatInputs(0, text("ISO")), ErrorType::InvalidTypeConversion, "date");
        fails("date boolean", formatInputs(true, text("ISO")), ErrorType::InvalidTypeConversion, "date");
        fails("date list", formatInputs(json("[\"2024-05-01\"]"), text("ISO")),
              ErrorType::InvalidTypeConversion, "date");
    }

    void dateToText() { checkRow("datetime.dateToText", "output"); }

    void textToDate_data()
    {
        addColumns();
        const auto row = [](const char *name, const char *value, const char *format, const char *zone,
                            const char *expected) {
            ok(name, parseInputs(text(value), format ? text(format) : null(), zone ? text(zone) : null()),
               text(expected));
        };
        const char *noon = "2024-05-01T12:00:00.000Z";
        row("ISO with Z", "2024-05-01T12:00:00Z", nullptr, nullptr, noon);
        row("ISO canonical", noon, "ISO", nullptr, noon);
        row("ISO with offset", "2024-05-01T14:00:00+02:00", nullptr, nullptr, noon);
        row("ISO offset wins over zone", "2024-05-01T14:00:00+02:00", "ISO", "America/New_York", noon);
        row("ISO without offset is UTC", "2024-05-01T12:00:00", nullptr, nullptr, noon);
        row("ISO without offset in Paris", "2024-05-01T14:00:00", "ISO", "Europe/Paris", noon);
        row("ISO without offset in New York", "2024-05-01T08:00", nullptr, "America/New_York", noon);
        row("ISO date only", "2024-05-01", nullptr, nullptr, "2024-05-01T00:00:00.000Z");
        row("ISO date only in Tokyo", "2024-05-01", nullptr, "Asia/Tokyo", "2024-04-30T15:00:00.000Z");
        row("ISO with milliseconds", "2024-05-01T12:00:00.123+00:00", "iso 8601", nullptr,
            "2024-05-01T12:00:00.123Z");
        row("ISO with spaces", "  2024-05-01T12:00:00Z  ", nullptr, nullptr, noon);
        row("leap day", "2024-02-29T23:59:59.999Z", nullptr, nullptr, "2024-02-29T23:59:59.999Z");
        // A wall time the DST change skips moves forward by the gap (02:30 → 03:30 CEST); one that
        // happens twice is the earlier.
        row("Paris spring-forward gap", "2024-03-31T02:30:00", nullptr, "Europe/Paris",
            "2024-03-31T01:30:00.000Z");
        row("Paris just before the gap", "2024-03-31T01:59:59", nullptr, "Europe/Paris",
            "2024-03-31T00:59:59.000Z");
        row("Paris just after the gap", "2024-03-31T03:00:00", nullptr, "Europe/Paris",
            "2024-03-31T01:00:00.000Z");
        row("Paris ambiguous autumn time", "2024-10-27T02:30:00", nullptr, "Europe/Paris",
            "2024-10-27T00:30:00.000Z");
        row("Paris after the overlap", "2024-10-27T03:00:00", nullptr, "Europe/Paris",
            "2024-10-27T02:00:00.000Z");
        row("New York gap", "2024-03-10 02:30", "yyyy-MM-dd HH:mm", "America/New_York",
            "2024-03-10T07:30:00.000Z");
        row("RFC 2822 detected", "Wed, 01 May 2024 14:00:00 +0200", nullptr, nullptr, noon);
        row("RFC 2822", "Wed, 01 May 2024 12:00:00 +0000", "RFC 2822", nullptr, noon);
        row("RFC 2822 GMT", "Wed, 01 May 2024 12:00:00 GMT", "RFC 2822", "Europe/Paris", noon);
        row("RFC 2822 without zone uses the zone", "Wed, 01 May 2024 14:00:00", "RFC 2822", "Europe/Paris",
            noon);
        row("RFC 2822 offset wins over zone", "01 May 2024 08:00:00 -0400", "RFC2822", "Asia/Tokyo", noon);
        row("Unix seconds", "1714564800", "Unix seconds", nullptr, noon);
        row("Unix seconds ignore the zone", "1714564800", "Unix seconds", "Europe/Paris", noon);
        row("Unix seconds fraction", "1714564800.25", "Unix seconds", nullptr, "2024-05-01T12:00:00.250Z");
        row("Unix seconds zero", "0", "Unix seconds", nullptr, "1970-01-01T00:00:00.000Z");
        row("Unix seconds negative", "-1", "Unix seconds", nullptr, "1969-12-31T23:59:59.000Z");
        row("Unix seconds 2^31", "2147483648", "Unix seconds", nullptr, "2038-01-19T03:14:08.000Z");
        row("Unix seconds year 1", "-62135596800", "Unix seconds", nullptr, "0001-01-01T00:00:00.000Z");
        row("Unix milliseconds", "1714564800000", "Unix milliseconds", nullptr, noon);
        row("Unix milliseconds negative", "-1", "unix milliseconds", nullptr, "1969-12-31T23:59:59.999Z");
        row("Unix milliseconds last", "253402300799999", "Unix milliseconds", nullptr,
            "9999-12-31T23:59:59.999Z");
        row("pattern date", "01/05/2024", "dd/MM/yyyy", nullptr, "2024-05-01T00:00:00.000Z");
        row("pattern date and time", "2024-05-01 12:00", "yyyy-MM-dd HH:mm", nullptr, noon);
        row("pattern in Paris", "2024-05-01 14:00", "yyyy-MM-dd HH:mm", "Europe/Paris", noon);
        row("pattern in the Paris gap", "31/03/2024 02:30", "dd/MM/yyyy HH:mm", "Europe/Paris",
            "2024-03-31T01:30:00.000Z");
        row("pattern with offset", "2024-05-01 14:00 +02:00", "yyyy-MM-dd HH:mm t", "America/New_York", noon);
        row("pattern with month name", "1 May 2024", "d MMMM yyyy", nullptr, "2024-05-01T00:00:00.000Z");
        row("pattern unicode", "2024年5月1日", "yyyy年M月d日", nullptr, "2024-05-01T00:00:00.000Z");
        row("pattern milliseconds", "12:00:00.250 2024-05-01", "HH:mm:ss.zzz yyyy-MM-dd", nullptr,
            "2024-05-01T12:00:00.250Z");

        // Text bound from a number: the Unix formats still read it.
        ok("number text", parseInputs(1714564800, text("Unix seconds")), text(noon));

        const ErrorType invalid = ErrorType::InvalidInput;
        fails("garbage", parseInputs(text("garbage")), invalid,
              "text: \"garbage\" is not a date in the format ISO 8601 or RFC 2822");
        fails("empty text", parseInputs(text("")), invalid, "text");
        fails("emoji", parseInputs(text("📅🎉")), invalid, "📅🎉");
        fails("long text is truncated", parseInputs(QJsonValue(QString(5000, QLatin1Char('x')))), invalid,
              "…");
        fails("RFC 2822 text with ISO format",
              parseInputs(text("Wed, 01 May 2024 12:00:00 +0000"), text("ISO")), invalid, "ISO 8601");
        fails("ISO text with RFC format", parseInputs(text("2024-05-01T12:00:00Z"), text("RFC 2822")),
              invalid, "RFC 2822");
        fails("pattern mismatch", parseInputs(text("2024-05-01"), text("dd/MM/yyyy")), invalid,
              "text: \"2024-05-01\" is not a date in the format \"dd/MM/yyyy\"");
        fails("pattern impossible date", parseInputs(text("31/02/2024"), text("dd/MM/yyyy")), invalid,
              "dd/MM/yyyy");
        fails("Unix seconds garbage", parseInputs(text("soon"), text("Unix seconds")), invalid,
              "text: \"soon\" is not a number of seconds");
        fails("Unix seconds grouped", parseInputs(text("1,714,564,800"), text("Unix seconds")), invalid,
              "text");
        fails("Unix seconds infinite", parseInputs(text("1e400"), text("Unix seconds")), invalid, "text");
        fails("Unix seconds past 9999", parseInputs(text("1e20"), text("Unix seconds")), invalid,
              "text: the result would be outside the years 1 to 9999");
        fails("Unix milliseconds before year 1",
              parseInputs(text("-62135596800001"), text("Unix milliseconds")), invalid, "years 1 to 9999");
        fails("Unix milliseconds fraction", parseInputs(text("1.5"), text("Unix milliseconds")), invalid,
              "not a whole number of milliseconds");
        fails("offset before year 1", parseInputs(text("0001-01-01T00:30:00+01:00")), invalid,
              "years 1 to 9999");
        fails("zone pushes past 9999",
              parseInputs(text("9999-12-31T23:30:00"), null(), text("America/New_York")), invalid,
              "years 1 to 9999");
        fails("unknown zone", parseInputs(text("2024-05-01"), null(), text("Nowhere/Special")), invalid,
              "timeZone: unknown time zone");
        fails("pattern too long", parseInputs(text("2024"), QJsonValue(QString(129, QLatin1Char('y')))),
              invalid, "format: a pattern is limited to 128 characters");
        fails("text missing", parseInputs(null()), invalid, "text: a value is required");
        fails("text object", parseInputs(json("{}")), invalid, "text: \"{}\"");
        fails("text list", parseInputs(json("[1]")), invalid, "text: \"[1]\"");
        fails("text boolean", parseInputs(true), invalid, "text: \"true\"");
    }

    void textToDate() { checkRow("datetime.textToDate", "output"); }

    void difference_data()
    {
        addColumns();
        const auto row = [](const char *name, const char *start, const char *end, const char *unit,
                            double expected) {
            ok(name, differenceInputs(text(start), text(end), unit ? text(unit) : null()), expected);
        };
        row("default milliseconds", "2024-05-01T12:00:00.000Z", "2024-05-01T12:00:01.500Z", nullptr, 1500);
        row("empty unit is milliseconds", "2024-05-01T12:00:00.000Z", "2024-05-01T12:00:01.500Z", "", 1500);
        row("milliseconds", "2024-05-01T12:00:00.000Z", "2024-05-01T12:00:00.001Z", "milliseconds", 1);
        row("seconds", "2024-05-01T12:00:00.000Z", "2024-05-01T12:00:01.500Z", "seconds", 1.5);
        row("minutes", "2024-05-01T12:00:00.000Z", "2024-05-01T12:01:30.000Z", "minutes", 1.5);
        row("hours", "2024-05-01T12:00:00.000Z", "2024-05-01T13:30:00.000Z", "hours", 1.5);
        row("third of an hour", "2024-05-01T12:00:00.000Z", "2024-05-01T12:20:00.000Z", "hour", 1.0 / 3.0);
        row("days", "2024-05-01T12:00:00.000Z", "2024-05-03T00:00:00.000Z", "days", 1.5);
        row("weeks", "2024-05-01T12:00:00.000Z", "2024-05-15T12:00:00.000Z", "weeks", 2);
        row("negative", "2024-05-02T12:00:00.000Z", "2024-05-01T12:00:00.000Z", "days", -1);
        row("same instant", "2024-05-01T12:00:00.000Z", "2024-05-01T12:00:00.000Z", "days", 0);
        row("offsets are instants", "2024-05-01T14:00:00+02:00", "2024-05-01T12:00:00Z", "milliseconds", 0);
        row("across the epoch", "1969-12-31T23:59:59.999Z", "1970-01-01T00:00:00.000Z", "milliseconds", 1);
        row("a day across DST is 24 hours", "2024-03-30T12:00:00.000Z", "2024-03-31T12:00:00.000Z", "hours",
            24);
        row("whole range", "0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z", nullptr,
            315537897599999.0);
        row("whole range in years", "0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z", "years", 9998);
        row("whole range in months", "0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z", "months",
            119987);
        row("whole range backwards in years", "9999-12-31T23:59:59.999Z", "0001-01-01T00:00:00.000Z", "years",
            -9998);
        // Whole calendar months, counted as Add counts them, truncated toward zero.
        row("one month", "2024-01-15T00:00:00.000Z", "2024-02-15T00:00:00.000Z", "months", 1);
        row("just under two months", "2024-01-15T00:00:00.000Z", "2024-03-14T23:59:59.999Z", "months", 1);
        row("two months", "2024-01-15T00:00:00.000Z", "2024-03-15T00:00:00.000Z", "months", 2);
        row("backwards", "2024-03-15T00:00:00.000Z", "2024-01-15T00:00:00.000Z", "months", -2);
        row("backwards truncates", "2024-03-14T00:00:00.000Z", "2024-01-15T00:00:00.000Z", "months", -1);
        row("under a month", "2024-01-31T00:00:00.000Z", "2024-02-28T00:00:00.000Z", "months", 0);
        row("jan 31 to feb 29", "2024-01-31T00:00:00.000Z", "2024-02-29T00:00:00.000Z", "months", 1);
        row("time of day counts", "2024-01-15T12:00:00.000Z", "2024-02-15T11:59:59.999Z", "months", 0);
        row("same instant months", "2024-01-15T00:00:00.000Z", "2024-01-15T00:00:00.000Z", "months", 0);
        row("one year", "2023-05-01T00:00:00.000Z", "2024-05-01T00:00:00.000Z", "years", 1);
        row("leap day to feb 28", "2024-02-29T00:00:00.000Z", "2025-02-28T00:00:00.000Z", "years", 1);
        row("leap day to next leap day - 1", "2024-02-29T00:00:00.000Z", "2028-02-28T00:00:00.000Z", "years",
            3);
        row("leap day to leap day", "2024-02-29T00:00:00.000Z", "2028-02-29T00:00:00.000Z", "years", 4);
        row("years backwards", "2028-02-29T00:00:00.000Z", "2024-02-29T00:00:00.000Z", "year", -4);
        row("just under four years", "2020-06-01T00:00:00.000Z", "2024-05-31T23:59:59.999Z", "years", 3);
        row("years backwards truncate", "2024-05-31T00:00:00.000Z", "2020-06-01T00:00:00.000Z", "years", -3);

        const ErrorType invalid = ErrorType::InvalidInput;
        const QJsonValue may2 = text("2024-05-02T12:00:00.000Z");
        fails("unknown unit", differenceInputs(kMay1, may2, text("decades")), invalid, "unit: unknown unit");
        fails("unit emoji", differenceInputs(kMay1, may2, text("🕐")), invalid, "unit");
        fails("start missing", differenceInputs(null(), may2), invalid, "start: a value is required");
        fails("end missing", differenceInputs(kMay1, null()), invalid, "end: a value is required");
        fails("start garbage", differenceInputs(text("yesterday"), may2), ErrorType::InvalidTypeConversion,
              "start");
        fails("end empty", differenceInputs(kMay1, text("")), ErrorType::InvalidTypeConversion, "end");
        fails("end number", differenceInputs(kMay1, 5), ErrorType::InvalidTypeConversion, "end");
        fails("start object", differenceInputs(json("{}"), may2), ErrorType::InvalidTypeConversion, "start");
        fails("end list", differenceInputs(kMay1, json("[]")), ErrorType::InvalidTypeConversion, "end");
    }

    void difference() { checkRow("datetime.difference", "difference"); }

    // Add then Difference gives the amount back for the units that are exact.
    void addAndDifferenceAgree_data()
    {
        QTest::addColumn<QString>("unit");
        QTest::addColumn<double>("amount");
        for (const char *unit :
             {"milliseconds", "seconds", "minutes", "hours", "days", "weeks", "months", "years"}) {
            for (double amount : {-100.0, -1.0, 0.0, 1.0, 7.0, 1000.0}) {
                QTest::addRow("%s %g", unit, amount) << QString::fromLatin1(unit) << amount;
            }
        }
    }

    void addAndDifferenceAgree()
    {
        QFETCH(QString, unit);
        QFETCH(double, amount);
        const QJsonValue start = text("2024-01-15T06:30:00.000Z");
        const auto added =
            runCard(QStringLiteral("datetime.add"), addInputs(start, amount, QJsonValue(unit)));
        QVERIFY(added.ok());
        const auto difference =
            runCard(QStringLiteral("datetime.difference"),
                    differenceInputs(start, added->value(QStringLiteral("output")), QJsonValue(unit)));
        QVERIFY(difference.ok());
        QCOMPARE(difference->value(QStringLiteral("difference")).toDouble(), amount);
    }
};

QTEST_GUILESS_MAIN(TstDateTimeCards)
#include "tst_datetimecards.moc"
