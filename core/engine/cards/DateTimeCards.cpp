// The Date & Time card family: Now, Add, Subtract, Date to Text, Text to Date, Difference.
// Date & Time values are ISO 8601 UTC texts with milliseconds; arithmetic runs in UTC (a day is
// always 24 hours), time zones only matter when a date is written as text or read from it.

#include "engine/CardCatalogue.h"

#include <QLocale>
#include <QTimeZone>
#include <algorithm>
#include <cmath>
#include <optional>

namespace wf {
namespace {

enum class Unit { Milliseconds, Seconds, Minutes, Hours, Days, Weeks, Months, Years };

struct UnitName {
    Unit unit;
    const char *plural;
    const char *singular;
    qint64 milliseconds; // 0 for the calendar units
};

constexpr UnitName kUnits[] = {
    {Unit::Milliseconds, "milliseconds", "millisecond", 1},
    {Unit::Seconds, "seconds", "second", 1000},
    {Unit::Minutes, "minutes", "minute", 60 * 1000},
    {Unit::Hours, "hours", "hour", 60 * 60 * 1000},
    {Unit::Days, "days", "day", 24 * 60 * 60 * 1000},
    {Unit::Weeks, "weeks", "week", 7 * 24 * 60 * 60 * 1000},
    {Unit::Months, "months", "month", 0},
    {Unit::Years, "years", "year", 0},
};

enum class Format { Auto, Iso, Rfc2822, UnixSeconds, UnixMilliseconds, Pattern };

constexpr qsizetype kMaxPatternLength = 128;
constexpr qsizetype kEchoLength = 40;

// The range every Date & Time value stays in, 0001-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z
// (ms since the Unix epoch): the ISO text form has four-digit years.
constexpr qint64 kMinMs = -62135596800000;
constexpr qint64 kMaxMs = 253402300799999;

QString echo(const QString &text)
{
    if (text.size() <= kEchoLength)
        return text;
    return text.left(kEchoLength) + QStringLiteral("…");
}

Error invalid(const QString &message)
{
    return makeError(ErrorType::InvalidInput, message);
}

Error outOfRange(const QString &input)
{
    return invalid(QStringLiteral("%1: the result would be outside the years 1 to 9999").arg(input));
}

bool inRange(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return false;
    const qint64 ms = dateTime.toMSecsSinceEpoch();
    return ms >= kMinMs && ms <= kMaxMs;
}

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
}

// Date & Time inputs arrive already converted to the canonical text by the invoker.
Result<QDateTime> dateInput(const CardCall &call, const QString &name)
{
    const auto parsed = parseDateTime(call.input(name).toString());
    if (!parsed)
        return invalid(QStringLiteral("%1: a date is required").arg(name));
    return *parsed;
}

// `fallback` stands for an empty unit (Difference counts milliseconds); Add and Subtract have none.
Result<UnitName> unitInput(const CardCall &call, const QString &name, std::optional<UnitName> fallback)
{
    const QString text = call.input(name).toString().trimmed();
    if (text.isEmpty() && fallback)
        return *fallback;
    for (const UnitName &entry : kUnits) {
        if (text.compare(QLatin1String(entry.plural), Qt::CaseInsensitive) == 0 ||
            text.compare(QLatin1String(entry.singular), Qt::CaseInsensitive) == 0)
            return entry;
    }
    return invalid(QStringLiteral("%1: unknown unit \"%2\" (use milliseconds, seconds, minutes, hours, days, "
                                  "weeks, months or years)")
                       .arg(name, echo(text)));
}

// Empty means the card's default: ISO for Date to Text, ISO or RFC 2822 for Text to Date.
Result<Format> formatInput(const CardCall &call, Format empty)
{
    const QString text = call.input(QStringLiteral("format")).toString();
    const QString name = text.trimmed();
    if (name.isEmpty())
        return empty;
    const auto is = [&name](const char *candidate) {
        return name.compare(QLatin1String(candidate), Qt::CaseInsensitive) == 0;
    };
    if (is("ISO") || is("ISO 8601"))
        return Format::Iso;
    if (is("RFC 2822") || is("RFC2822"))
        return Format::Rfc2822;
    if (is("Unix seconds"))
        return Format::UnixSeconds;
    if (is("Unix milliseconds"))
        return Format::UnixMilliseconds;
    if (text.size() > kMaxPatternLength)
        return invalid(
            QStringLiteral("format: a pattern is limited to %1 characters").arg(kMaxPatternLength));
    return Format::Pattern;
}

Result<QTimeZone> timeZoneInput(const CardCall &call)
{
    const QString id = call.input(QStringLiteral("timeZone")).toString().trimmed();
    if (id.isEmpty())
        return QTimeZone::utc();
    const QByteArray bytes = id.toUtf8();
    const QTimeZone zone(bytes);
    // Qt also reads any unknown name as a POSIX rule ("PST", "abc" become UTC without a word), so only
    // names from the zone database count: listed ids, area/location links ("US/Eastern") and UTC/GMT.
    const bool known = QTimeZone::isTimeZoneIdAvailable(bytes) || id.contains(QLatin1Char('/')) ||
                       id == QLatin1String("UTC") || id == QLatin1String("GMT");
    if (!zone.isValid() || !known)
        return invalid(
            QStringLiteral("timeZone: unknown time zone \"%1\" (use an IANA id such as Europe/Paris)")
                .arg(echo(id)));
    return zone;
}

// The instant a wall-clock time names in `zone`. A time skipped by a daylight-saving change moves
// forward by the size of the gap (02:30 on the spring-forward night is 03:30), a time that occurs
// twice is the earlier one: the same choices JavaScript makes.
QDateTime fromWallTime(const QDate &date, const QTime &time, const QTimeZone &zone)
{
    const QDateTime wallAsUtc(date, time, QTimeZone::utc());
    const qint64 wallMs = wallAsUtc.toMSecsSinceEpoch();
    // Zones change their offset at most once a day, so the offsets a day either side bracket any change.
    const int before = zone.offsetFromUtc(wallAsUtc.addDays(-1));
    const int after = zone.offsetFromUtc(wallAsUtc.addDays(1));
    const auto fits = [&](int offset) {
        return zone.offsetFromUtc(fromMs(wallMs - static_cast<qint64>(offset) * 1000)) == offset;
    };
    const bool fitsBefore = fits(before);
    const bool fitsAfter = fits(after);
    if (fitsBefore && fitsAfter)
        return fromMs(wallMs - static_cast<qint64>(std::max(before, after)) * 1000);
    if (fitsAfter)
        return fromMs(wallMs - static_cast<qint64>(after) * 1000);
    return fromMs(wallMs - static_cast<qint64>(before) * 1000); // fits before, or the gap
}

// True when the zone never differs from UTC, so ISO text may end in "Z".
bool isUtcZone(const QTimeZone &zone, const QDateTime &at)
{
    return !zone.hasDaylightTime() && zone.offsetFromUtc(at) == 0;
}

QString offsetText(int offsetSeconds, bool colon)
{
    const int minutes = std::abs(offsetSeconds) / 60;
    return QStringLiteral("%1%2%3%4")
        .arg(offsetSeconds < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(colon ? QStringLiteral(":") : QString())
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString formatDate(const QDateTime &utc, Format format, const QString &pattern, const QTimeZone &zone)
{
    const qint64 ms = utc.toMSecsSinceEpoch();
    const QDateTime local = utc.toTimeZone(zone);
    switch (format) {
    case Format::UnixSeconds: {
        // Whole seconds, rounded down like every Unix clock (-0.5 s is -1).
        const qint64 seconds = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
        return QString::number(seconds);
    }
    case Format::UnixMilliseconds:
        return QString::number(ms);
    case Format::Rfc2822:
        // Qt omits the day name; mail and HTTP dates carry it.
        return QLocale::c().toString(local, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss ")) +
               offsetText(local.offsetFromUtc(), false);
    case Format::Pattern:
        return QLocale::c().toString(local, pattern);
    case Format::Auto:
    case Format::Iso:
        break;
    }
    if (isUtcZone(zone, utc))
        return dateTimeToText(utc);
    return QLocale::c().toString(local, QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz")) +
           offsetText(local.offsetFromUtc(), true);
}

// What a text names: an instant when it carries an offset, otherwise a wall-clock time for the
// card's time zone to place.
struct ParsedText {
    QDateTime instant;
    QDate date;
    QTime time;
};

std::optional<ParsedText> parseIso(const QString &text)
{
    const QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (parsed.isValid() && parsed.timeSpec() != Qt::LocalTime)
        return ParsedText{parsed, {}, {}};
    // Without an offset Qt reads local time, which the machine's daylight-saving gap can make invalid
    // or shift; reading the fields as UTC keeps them exactly as written.
    const QDateTime fields = QDateTime::fromString(text + QLatin1Char('Z'), Qt::ISODateWithMs);
    if (fields.isValid())
        return ParsedText{{}, fields.date(), fields.time()};
    if (text.size() == 10) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (date.isValid())
            return ParsedText{{}, date, QTime(0, 0)};
    }
    return std::nullopt;
}

std::optional<ParsedText> parseRfc2822(const QString &text)
{
    QString normalized = text;
    // Qt only reads numeric zones; HTTP and mail dates often end in "GMT" (RFC 2822's obsolete zones).
    static const QLatin1String kUtcNames[] = {QLatin1String(" GMT"), QLatin1String(" UT"),
                                              QLatin1String(" UTC"), QLatin1String(" Z")};
    for (const QLatin1String &name : kUtcNames) {
        if (normalized.endsWith(name, Qt::CaseInsensitive)) {
            normalized = normalized.left(normalized.size() - name.size()) + QLatin1String(" +0000");
            break;
        }
    }
    const QDateTime parsed = QDateTime::fromString(normalized, Qt::RFC2822Date);
    if (!parsed.isValid())
        return std::nullopt;
    // Qt reads a missing zone as UTC; the card's time zone decides instead.
    const QString last = normalized.section(QLatin1Char(' '), -1);
    const bool hasZone = last.startsWith(QLatin1Char('+')) || last.startsWith(QLatin1Char('-'));
    if (hasZone)
        return ParsedText{parsed, {}, {}};
    return ParsedText{{}, parsed.date(), parsed.time()};
}

std::optional<ParsedText> parsePattern(const QString &text, const QString &pattern)
{
    const QDateTime parsed = QDateTime::fromString(text, pattern);
    if (parsed.isValid() && parsed.timeSpec() != Qt::LocalTime)
        return ParsedText{parsed, {}, {}}; // the pattern read a zone ("t")
    // As for ISO: read the fields through UTC, not the machine's zone.
    const QDateTime fields =
        QDateTime::fromString(text + QStringLiteral(" Z"), pattern + QStringLiteral(" t"));
    if (fields.isValid() && fields.timeSpec() == Qt::UTC)
        return ParsedText{{}, fields.date(), fields.time()};
    if (parsed.isValid())
        return ParsedText{{}, parsed.date(), parsed.time()};
    return std::nullopt;
}

Result<QDateTime> parseUnix(const QString &text, Format format)
{
    QLocale locale = QLocale::c();
    locale.setNumberOptions(QLocale::RejectGroupSeparator);
    bool ok = false;
    const double number = locale.toDouble(text, &ok);
    if (!ok || !std::isfinite(number))
        return invalid(QStringLiteral("text: \"%1\" is not a number of %2")
                           .arg(echo(text), format == Format::UnixSeconds ? QStringLiteral("seconds")
                                                                          : QStringLiteral("milliseconds")));
    if (format == Format::UnixMilliseconds && number != std::trunc(number))
        return invalid(QStringLiteral("text: \"%1\" is not a whole number of milliseconds").arg(echo(text)));
    const double ms = format == Format::UnixSeconds ? std::round(number * 1000) : number;
    if (ms < static_cast<double>(kMinMs) || ms > static_cast<double>(kMaxMs))
        return outOfRange(QStringLiteral("text"));
    return fromMs(static_cast<qint64>(ms));
}

QString formatLabel(Format format, const QString &pattern)
{
    switch (format) {
    case Format::Auto:
        return QStringLiteral("ISO 8601 or RFC 2822");
    case Format::Iso:
        return QStringLiteral("ISO 8601");
    case Format::Rfc2822:
        return QStringLiteral("RFC 2822");
    case Format::UnixSeconds:
        return QStringLiteral("Unix seconds");
    case Format::UnixMilliseconds:
        return QStringLiteral("Unix milliseconds");
    case Format::Pattern:
        break;
    }
    return QStringLiteral("\"%1\"").arg(echo(pattern));
}

Result<QDateTime> parseText(const QString &text, Format format, const QString &pattern, const QTimeZone &zone)
{
    const QString trimmed = text.trimmed();
    if (format == Format::UnixSeconds || format == Format::UnixMilliseconds)
        return parseUnix(trimmed, format);
    std::optional<ParsedText> parsed;
    // No date text is this long; refusing early keeps the parsers away from megabytes of text.
    constexpr qsizetype kMaxDateText = 256;
    if (trimmed.size() <= kMaxDateText) {
        if (format == Format::Auto || format == Format::Iso)
            parsed = parseIso(trimmed);
        if (!parsed && (format == Format::Auto || format == Format::Rfc2822))
            parsed = parseRfc2822(trimmed);
        if (format == Format::Pattern)
            parsed = parsePattern(text, pattern); // patterns may match spaces themselves
    }
    if (!parsed)
        return invalid(QStringLiteral("text: \"%1\" is not a date in the format %2")
                           .arg(echo(text), formatLabel(format, pattern)));
    const QDateTime instant =
        parsed->instant.isValid() ? parsed->instant.toUTC() : fromWallTime(parsed->date, parsed->time, zone);
    if (!inRange(instant))
        return outOfRange(QStringLiteral("text"));
    return instant;
}

// Adds a whole `amount` of units to `start`; errors name the amount. Never wraps: anything past the years
// 1..9999 is refused.
Result<QDateTime> addToDate(const QDateTime &start, double amount, const UnitName &unit)
{
    if (unit.milliseconds == 0) {
        // 12 * 10000 months span the whole range; anything larger is out of range and may not fit an int.
        const double months = unit.unit == Unit::Years ? amount * 12 : amount;
        if (std::fabs(months) > 12 * 10000)
            return outOfRange(QStringLiteral("amount"));
        const QDateTime result = start.addMonths(static_cast<int>(months));
        if (!inRange(result))
            return outOfRange(QStringLiteral("amount"));
        return result.toUTC();
    }
    // The whole range is about 3.2e14 ms: checking in double first keeps the integer sum from overflowing.
    const double delta = amount * static_cast<double>(unit.milliseconds);
    if (std::fabs(delta) > static_cast<double>(kMaxMs - kMinMs))
        return outOfRange(QStringLiteral("amount"));
    const qint64 ms = start.toMSecsSinceEpoch() + static_cast<qint64>(amount) * unit.milliseconds;
    if (ms < kMinMs || ms > kMaxMs)
        return outOfRange(QStringLiteral("amount"));
    return fromMs(ms);
}

Result<QJsonObject> runAdd(const CardCall &call, bool subtract)
{
    auto date = dateInput(call, QStringLiteral("date"));
    if (!date)
        return date.error();
    auto unit = unitInput(call, QStringLiteral("unit"), std::nullopt);
    if (!unit)
        return unit.error();
    const double amount = call.input(QStringLiteral("amount")).toDouble();
    if (!std::isfinite(amount) || amount != std::trunc(amount))
        return invalid(QStringLiteral("amount: %1 is not a whole number").arg(numberToText(amount)));
    auto result = addToDate(*date, subtract ? -amount : amount, *unit);
    if (!result)
        return result.error();
    return QJsonObject{{QStringLiteral("output"), dateTimeToText(*result)}};
}

// Whole calendar months from start to end, truncated toward zero, counted the way Add counts them
// (Jan 31 + 1 month is Feb 29, so Jan 31 → Feb 29 is one month and Jan 31 → Feb 28 none).
qint64 monthsBetween(const QDateTime &start, const QDateTime &end)
{
    const QDate from = start.date();
    const QDate to = end.date();
    int months = (to.year() - from.year()) * 12 + (to.month() - from.month());
    if (end >= start) {
        while (months > 0 && start.addMonths(months) > end)
            --months;
    } else {
        while (months < 0 && start.addMonths(months) < end)
            ++months;
    }
    return months;
}

PortSpec port(const char *name, ValueType type, bool required, const char *description,
              QJsonValue defaultValue = QJsonValue(QJsonValue::Null))
{
    return PortSpec{QLatin1String(name), type, required, QLatin1String(description), std::move(defaultValue)};
}

} // namespace

void registerDateTimeCards(CardCatalogue &catalogue)
{
    const QString category = QStringLiteral("Date & Time");
    const char *unitHelp = "milliseconds, seconds, minutes, hours, days, weeks, months or years";

    catalogue.add(CardSpec{
        QStringLiteral("datetime.now"),
        category,
        QStringLiteral("Now"),
        QStringLiteral("The current date and time (UTC)."),
        CardKind::Function,
        {},
        {port("output", ValueType::dateTime(), false, "The current date and time")},
        false,
        false,
        [](const CardCall &call) -> Result<QJsonObject> {
            return QJsonObject{{QStringLiteral("output"), dateTimeToText(call.env.now())}};
        },
    });

    const auto addSpec = [&](const char *id, const char *name, const char *description, bool subtract) {
        return CardSpec{
            QLatin1String(id),
            category,
            QLatin1String(name),
            QLatin1String(description),
            CardKind::Function,
            {port("date", ValueType::dateTime(), true, "The date to start from"),
             port("amount", ValueType::number(), true, "A whole number of units; may be negative"),
             port("unit", ValueType::text(), true, unitHelp)},
            {port("output", ValueType::dateTime(), false, "The resulting date")},
            false,
            false,
            [subtract](const CardCall &call) { return runAdd(call, subtract); },
        };
    };
    catalogue.add(addSpec("datetime.add", "Add",
                          "Adds an amount of time to a date (months and years clamp to the month's end).",
                          false));
    catalogue.add(addSpec(
        "datetime.subtract", "Subtract",
        "Subtracts an amount of time from a date (months and years clamp to the month's end).", true));

    catalogue.add(CardSpec{
        QStringLiteral("datetime.dateToText"),
        category,
        QStringLiteral("Date to Text"),
        QStringLiteral("Writes a date as text in a format and time zone."),
        CardKind::Function,
        {port("date", ValueType::dateTime(), true, "The date to write"),
         port("format", ValueType::text(), false,
              "ISO, RFC 2822, Unix seconds, Unix milliseconds or a pattern such as yyyy-MM-dd HH:mm",
              QStringLiteral("ISO")),
         port("timeZone", ValueType::text(), false, "An IANA time zone such as Europe/Paris",
              QStringLiteral("UTC"))},
        {port("output", ValueType::text(), false, "The date as text")},
        false,
        false,
        [](const CardCall &call) -> Result<QJsonObject> {
            auto date = dateInput(call, QStringLiteral("date"));
            if (!date)
                return date.error();
            auto format = formatInput(call, Format::Iso);
            if (!format)
                return format.error();
            auto zone = timeZoneInput(call);
            if (!zone)
                return zone.error();
            const QString pattern = call.input(QStringLiteral("format")).toString();
            return QJsonObject{{QStringLiteral("output"), formatDate(*date, *format, pattern, *zone)}};
        },
    });

    catalogue.add(CardSpec{
        QStringLiteral("datetime.textToDate"),
        category,
        QStringLiteral("Text to Date"),
        QStringLiteral("Reads a date from text in a format; the time zone places texts without an offset."),
        CardKind::Function,
        {port("text", ValueType::text(), true, "The text to read"),
         port("format", ValueType::text(), false,
              "ISO, RFC 2822, Unix seconds, Unix milliseconds or a pattern such as yyyy-MM-dd HH:mm; "
              "empty reads ISO or RFC 2822"),
         port("timeZone", ValueType::text(), false, "The IANA time zone of texts without an offset",
              QStringLiteral("UTC"))},
        {port("output", ValueType::dateTime(), false, "The date read")},
        false,
        false,
        [](const CardCall &call) -> Result<QJsonObject> {
            auto format = formatInput(call, Format::Auto);
            if (!format)
                return format.error();
            auto zone = timeZoneInput(call);
            if (!zone)
                return zone.error();
            auto date = parseText(call.input(QStringLiteral("text")).toString(), *format,
                                  call.input(QStringLiteral("format")).toString(), *zone);
            if (!date)
                return date.error();
            return QJsonObject{{QStringLiteral("output"), dateTimeToText(*date)}};
        },
    });

    catalogue.add(CardSpec{
        QStringLiteral("datetime.difference"),
        category,
        QStringLiteral("Difference"),
        QStringLiteral("The time from start to end in a unit (negative when end is earlier)."),
        CardKind::Function,
        {port("start", ValueType::dateTime(), true, "The earlier date"),
         port("end", ValueType::dateTime(), true, "The later date"),
         port("unit", ValueType::text(), false, unitHelp, QStringLiteral("milliseconds"))},
        {port("difference", ValueType::number(), false,
              "end - start; whole months and years, fractions for the other units")},
        false,
        false,
        [](const CardCall &call) -> Result<QJsonObject> {
            auto start = dateInput(call, QStringLiteral("start"));
            if (!start)
                return start.error();
            auto end = dateInput(call, QStringLiteral("end"));
            if (!end)
                return end.error();
            auto unit = unitInput(call, QStringLiteral("unit"), kUnits[0]);
            if (!unit)
                return unit.error();
            double difference = 0;
            if (unit->milliseconds == 0) {
                const qint64 months = monthsBetween(*start, *end);
                difference = static_cast<double>(unit->unit == Unit::Years ? months / 12 : months);
            } else {
                const qint64 ms = end->toMSecsSinceEpoch() - start->toMSecsSinceEpoch();
                difference = static_cast<double>(ms) / static_cast<double>(unit->milliseconds);
            }
            return QJsonObject{{QStringLiteral("difference"), difference}};
        },
    });
}

} // namespace wf
