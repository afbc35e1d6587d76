// Number cards: Add, Subtract, Multiply, Divide, Round and Formula. Numbers are doubles; a result
// that leaves the finite range is an error rather than a silent Infinity in the flow's data.

#include "engine/CardCatalogue.h"
#include "flow/Flow.h"

#include <QHash>
#include <QLocale>
#include <cmath>
#include <limits>

namespace wf {
namespace {

constexpr int kMaxRoundPlaces = 15;
constexpr qsizetype kMaxFormulaLength = 4096;
constexpr int kMaxFormulaDepth = 64;

enum class RoundMode { Round, Floor, Ceiling, Truncate };

std::optional<RoundMode> parseRoundMode(const QString &name)
{
    const QString normalized = name.trimmed().toLower();
    if (normalized.isEmpty() || normalized == QLatin1String("round"))
        return RoundMode::Round;
    if (normalized == QLatin1String("floor"))
        return RoundMode::Floor;
    if (normalized == QLatin1String("ceiling"))
        return RoundMode::Ceiling;
    if (normalized == QLatin1String("truncate"))
        return RoundMode::Truncate;
    return std::nullopt;
}

// Rounds the shortest decimal form of `number` (the digits a person sees) rather than its binary
// value, so 1.005 rounds to 1.01 and 0.1 + 0.2 floors to 0.3 at one place.
double roundDecimal(double number, int places, RoundMode mode)
{
    if (!std::isfinite(number) || number == 0)
        return number;
    // "d.ddde±x": mantissa digits without trailing zeros, then the decimal exponent.
    const QString shortest = QString::number(number, 'e', QLocale::FloatingPointShortest);
    const qsizetype ePos = shortest.indexOf(QLatin1Char('e'));
    const bool negative = shortest.startsWith(QLatin1Char('-'));
    QString digits = shortest.left(ePos).remove(QLatin1Char('-')).remove(QLatin1Char('.'));
    const int exponent = QStringView(shortest).mid(ePos + 1).toInt();
    // Digits up to the rounding position: those before the point (exponent + 1) plus `places`.
    const qsizetype keep = exponent + 1 + places;
    if (keep >= digits.size())
        return number; // already has no more than `places` decimals
    const QChar firstDropped = keep >= 0 ? digits.at(keep) : QLatin1Char('0');
    // The dropped part is never zero: the shortest form has no trailing zeros.
    bool awayFromZero = false;
    switch (mode) {
    case RoundMode::Round:
        awayFromZero = firstDropped >= QLatin1Char('5');
        break;
    case RoundMode::Floor:
        awayFromZero = negative;
        break;
    case RoundMode::Ceiling:
        awayFromZero = !negative;
        break;
    case RoundMode::Truncate:
        break;
    }
    QString kept = keep > 0 ? digits.left(keep) : QString();
    if (awayFromZero) {
        qsizetype i = kept.size() - 1;
        while (i >= 0 && kept.at(i) == QLatin1Char('9')) {
            kept[i] = QLatin1Char('0');
            --i;
        }
        if (i >= 0)
            kept[i] = QChar(kept.at(i).unicode() + 1);
        else
            kept.prepend(QLatin1Char('1'));
    }
    if (kept.isEmpty())
        return 0;
    const QString text =
        (negative ? QStringLiteral("-") : QString()) % kept % QStringLiteral("e-") % QString::number(places);
    const double rounded = QLocale::c().toDouble(text);
    return rounded == 0 ? 0.0 : rounded; // never -0
}

Result<QJsonObject> numberResult(double value)
{
    if (!std::isfinite(value))
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("result: the result is too large for a Number (beyond ±1.8e308)"));
    QJsonObject outputs;
    outputs.insert(QStringLiteral("result"), value == 0 ? 0.0 : value);
    return outputs;
}

PortSpec numberInput(const QString &name, const QString &description)
{
    return PortSpec{name, ValueType::number(), true, description, QJsonValue(QJsonValue::Null)};
}

QList<PortSpec> resultOutput()
{
    return {PortSpec{QStringLiteral("result"), ValueType::number(), false, QStringLiteral("The result."),
                     QJsonValue(QJsonValue::Null)}};
}

// The flow's extra inputs of an Add or Multiply card, in declaration order, as numbers. Empty extra
// inputs are refused like empty `a` and `b`: skipping them would quietly change a sum.
Result<QList<double>> extraNumbers(const CardCall &call)
{
    QList<double> numbers;
    for (const InputBinding &input : call.node.inputs) {
        if (input.name == QLatin1String("a") || input.name == QLatin1String("b"))
            continue;
        const QJsonValue raw = call.input(input.name);
        if (raw.isNull() || raw.isUndefined())
            return makeError(ErrorType::InvalidInput,
                             QStringLiteral("%1: a value is required").arg(input.name));
        const auto converted = convertValue(raw, ValueType::number());
        if (!converted)
            return makeError(converted.error().type,
                             QStringLiteral("%1: %2").arg(input.name, converted.error().message));
        numbers.append(converted->toDouble());
    }
    return numbers;
}

// A recursive descent evaluator for Formula. Grammar (lowest precedence first):
//   expression := term (("+" | "-") term)*
//   term       := unary (("*" | "/" | "%") unary)*
//   unary      := ("-" | "+") unary | power
//   power      := primary ("^" unary)?          right-associative; -2^2 is -4
//   primary    := number | name | name "(" expression ("," expression)* ")" | "(" expression ")"
// It evaluates while it parses; depth counts nested parentheses, calls, signs and exponents.
class FormulaParser final {
public:
    FormulaParser(const QString &text, const QHash<QString, std::optional<double>> &variables)
        : m_text(text), m_variables(variables)
    {}

    Result<double> evaluate()
    {
        skipSpaces();
        if (atEnd())
            return fail(ErrorType::InvalidInput, QStringLiteral("the expression is empty"));
        auto value = parseExpression();
        if (!value)
            return value;
        skipSpaces();
        if (!atEnd())
            return unexpected();
        return value;
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_text.at(m_pos); }

    void skipSpaces()
    {
        while (!atEnd() && peek().isSpace())
            ++m_pos;
    }

    bool accept(char c)
    {
        skipSpaces();
        if (peek() == QLatin1Char(c)) {
            ++m_pos;
            return true;
        }
        return false;
    }

    Error fail(ErrorType type, const QString &message, qsizetype position = -1) const
    {
        return makeError(type, QStringLiteral("expression: %1 at position %2")
                                   .arg(message)
                                   .arg((position < 0 ? m_pos : position) + 1));
    }

    Error unexpected() const
    {
        if (atEnd())
            return fail(ErrorType::InvalidInput, QStringLiteral("unexpected end"));
        return fail(ErrorType::InvalidInput, QStringLiteral("unexpected '%1'").arg(peek()));
    }

    Result<double> checked(double value, qsizetype position) const
    {
        if (std::isnan(value))
            return fail(ErrorType::InvalidInput, QStringLiteral("the result is not a number"), position);
        if (!std::isfinite(value))
            return fail(ErrorType::InvalidInput, QStringLiteral("the result is too large for a Number"),
                        position);
        return value;
    }

    // Enters one more nesting level for the sign, '^' or '(' just read; the error once past the limit.
    std::optional<Error> enter()
    {
        if (++m_depth > kMaxFormulaDepth)
            return fail(ErrorType::LimitExceeded,
                        QStringLiteral("nesting deeper than %1 levels").arg(kMaxFormulaDepth), m_pos - 1);
        return std::nullopt;
    }

    Result<double> parseExpression()
    {
        auto left = parseTerm();
        if (!left)
            return left;
        double value = *left;
        for (;;) {
            skipSpaces();
            const qsizetype opPos = m_pos;
            const bool plus = accept('+');
            if (!plus && !accept('-'))
                return value;
            const auto right = parseTerm();
            if (!right)
                return right;
            const auto next = checked(plus ? value + *right : value - *right, opPos);
            if (!next)
                return next;
            value = *next;
        }
    }

    Result<double> parseTerm()
    {
        auto left = parseUnary();
        if (!left)
            return left;
        double value = *left;
        for (;;) {
            skipSpaces();
            const qsizetype opPos = m_pos;
            const QChar op = peek();
            if (op != QLatin1Char('*') && op != QLatin1Char('/') && op != QLatin1Char('%'))
                return value;
            ++m_pos;
            const auto right = parseUnary();
            if (!right)
                return right;
            if (op != QLatin1Char('*') && *right == 0)
                return fail(ErrorType::InvalidInput, QStringLiteral("division by zero"), opPos);
            const double result = op == QLatin1Char('*')   ? value * *right
                                  : op == QLatin1Char('/') ? value / *right
                                                           : std::fmod(value, *right);
            const auto next = checked(result, opPos);
            if (!next)
                return next;
            value = *next;
        }
    }

    Result<double> parseUnary()
    {
        skipSpaces();
        const bool minus = peek() == QLatin1Char('-');
        if (minus || peek() == QLatin1Char('+')) {
            ++m_pos;
            if (auto error = enter())
                return *error;
            auto operand = parseUnary();
            --m_depth;
            if (!operand)
                return operand;
            return minus ? -*operand : *operand;
        }
        return parsePower();
    }

    Result<double> parsePower()
    {
        auto base = parsePrimary();
        if (!base)
            return base;
        skipSpaces();
        const qsizetype opPos = m_pos;
        if (!accept('^'))
            return base;
        if (auto error = enter())
            return *error;
        const auto exponent = parseUnary();
        --m_depth;
        if (!exponent)
            return exponent;
        return checked(std::pow(*base, *exponent), opPos);
    }

    Result<double> parsePrimary()
    {
        skipSpaces();
        const QChar c = peek();
        if (isAsciiDigit(c) || c == QLatin1Char('.'))
            return parseNumber();
        if (isNameStart(c))
            return parseName();
        if (c == QLatin1Char('(')) {
            ++m_pos;
            if (auto error = enter())
                return *error;
            auto value = parseExpression();
            --m_depth;
            if (!value)
                return value;
            if (!accept(')'))
                return atEnd() ? fail(ErrorType::InvalidInput, QStringLiteral("missing ')'")) : unexpected();
            return value;
        }
        return unexpected();
    }

    static bool isNameStart(QChar c)
    {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
               (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || c == QLatin1Char('_');
    }

    static bool isAsciiDigit(QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); }

    Result<double> parseNumber()
    {
        const qsizetype start = m_pos;
        qsizetype digits = 0;
        while (isAsciiDigit(peek())) {
            ++m_pos;
            ++digits;
        }
        if (peek() == QLatin1Char('.')) {
            ++m_pos;
            while (isAsciiDigit(peek())) {
                ++m_pos;
                ++digits;
            }
        }
        if (digits == 0)
            return fail(ErrorType::InvalidInput, QStringLiteral("malformed number"), start);
        if (peek() == QLatin1Char('e') || peek() == QLatin1Char('E')) {
            ++m_pos;
            if (peek() == QLatin1Char('+') || peek() == QLatin1Char('-'))
                ++m_pos;
            if (!isAsciiDigit(peek()))
                return fail(ErrorType::InvalidInput, QStringLiteral("malformed number"), start);
            while (isAsciiDigit(peek()))
                ++m_pos;
        }
        bool ok = false;
        const double value = QLocale::c().toDouble(QStringView(m_text).mid(start, m_pos - start), &ok);
        if (!ok || !std::isfinite(value))
            return fail(ErrorType::InvalidInput, QStringLiteral("the number is too large"), start);
        return value;
    }

    Result<double> parseName()
    {
        const qsizetype start = m_pos;
        while (isNameStart(peek()) || isAsciiDigit(peek()))
            ++m_pos;
        const QString name = m_text.mid(start, m_pos - start);
        skipSpaces();
        if (peek() == QLatin1Char('('))
            return parseCall(name, start);
        const auto it = m_variables.constFind(name);
        if (it == m_variables.constEnd())
            return fail(ErrorType::InvalidInput, QStringLiteral("unknown variable '%1'").arg(name.left(40)),
                        start);
        if (!it->has_value())
            return fail(ErrorType::InvalidInput, QStringLiteral("variable '%1' is empty").arg(name.left(40)),
                        start);
        return **it;
    }

    Result<double> parseCall(const QString &name, qsizetype start)
    {
        ++m_pos; // '('
        if (auto error = enter())
            return *error;
        QList<double> args;
        skipSpaces();
        if (peek() != QLatin1Char(')')) {
            do {
                auto arg = parseExpression();
                if (!arg)
                    return arg;
                args.append(*arg);
            } while (accept(','));
        }
        if (!accept(')'))
            return atEnd() ? fail(ErrorType::InvalidInput, QStringLiteral("missing ')'")) : unexpected();
        --m_depth;
        return call(name, args, start);
    }

    Result<double> call(const QString &name, const QList<double> &args, qsizetype start) const
    {
        const auto arity = [&](qsizetype min, qsizetype max) -> std::optional<Error> {
            if (args.size() >= min && args.size() <= max)
                return std::nullopt;
            const QString expected = min == max   ? QString::number(min)
                                     : max > 1000 ? QStringLiteral("at least %1").arg(min)
                                                  : QStringLiteral("%1 or %2").arg(min).arg(max);
            return fail(ErrorType::InvalidInput,
                        QStringLiteral("%1 takes %2 arguments, not %3").arg(name, expected).arg(args.size()),
                        start);
        };
        const auto unary = [&](double (*fn)(double)) -> Result<double> {
            if (auto error = arity(1, 1))
                return *error;
            return checked(fn(args.at(0)), start);
        };
        if (name == QLatin1String("abs"))
            return unary([](double x) { return std::fabs(x); });
        if (name == QLatin1String("floor"))
            return unary([](double x) { return roundDecimal(x, 0, RoundMode::Floor); });
        if (name == QLatin1String("ceil"))
            return unary([](double x) { return roundDecimal(x, 0, RoundMode::Ceiling); });
        if (name == QLatin1String("sqrt")) {
            if (!args.isEmpty() && args.at(0) < 0)
                return fail(ErrorType::InvalidInput, QStringLiteral("sqrt of a negative number"), start);
            return unary([](double x) { return std::sqrt(x); });
        }
        if (name == QLatin1String("pow")) {
            if (auto error = arity(2, 2))
                return *error;
            return checked(std::pow(args.at(0), args.at(1)), start);
        }
        if (name == QLatin1String("min") || name == QLatin1String("max")) {
            if (auto error = arity(1, std::numeric_limits<qsizetype>::max()))
                return *error;
            double best = args.at(0);
            for (const double arg : args)
                best = name == QLatin1String("min") ? std::min(best, arg) : std::max(best, arg);
            return best;
        }
        if (name == QLatin1String("round")) {
            if (auto error = arity(1, 2))
                return *error;
            const double places = args.size() > 1 ? args.at(1) : 0;
            if (places != std::trunc(places) || places < 0 || places > kMaxRoundPlaces)
                return fail(
                    ErrorType::InvalidInput,
                    QStringLiteral("round places must be a whole number from 0 to %1").arg(kMaxRoundPlaces),
                    start);
            return roundDecimal(args.at(0), static_cast<int>(places), RoundMode::Round);
        }
        return fail(ErrorType::InvalidInput, QStringLiteral("unknown function '%1'").arg(name.left(40)),
                    start);
    }

    const QString &m_text;
    const QHash<QString, std::optional<double>> &m_variables;
    qsizetype m_pos = 0;
    int m_depth = 0;
};

Result<QJsonObject> runFormula(const CardCall &call)
{
    const QString expression = call.input(QStringLiteral("expression")).toString();
    if (expression.size() > kMaxFormulaLength)
        return makeError(ErrorType::LimitExceeded,
                         QStringLiteral("expression: longer than %1 characters (%2)")
                             .arg(kMaxFormulaLength)
                             .arg(expression.size()));
    QHash<QString, std::optional<double>> variables;
    for (const InputBinding &input : call.node.inputs) {
        if (input.name == QLatin1String("expression"))
            continue;
        const QJsonValue raw = call.input(input.name);
        const auto converted = convertValue(raw, ValueType::number());
        if (!converted)
            return makeError(converted.error().type,
                             QStringLiteral("%1: %2").arg(input.name, converted.error().message));
        variables.insert(input.name,
                         converted->isNull() ? std::nullopt : std::optional(converted->toDouble()));
    }
    const auto value = FormulaParser(expression, variables).evaluate();
    if (!value)
        return value.error();
    return numberResult(*value);
}

Result<QJsonObject> runRound(const CardCall &call)
{
    const double places = call.input(QStringLiteral("places")).toDouble();
    if (places != std::trunc(places) || places < 0 || places > kMaxRoundPlaces)
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("places: must be a whole number from 0 to %1, not %2")
                             .arg(kMaxRoundPlaces)
                             .arg(numberToText(places)));
    const auto mode = parseRoundMode(call.input(QStringLiteral("mode")).toString());
    if (!mode)
        return makeError(
            ErrorType::InvalidInput,
            QStringLiteral("mode: unknown rounding mode \"%1\" (expected round, floor, ceiling or truncate)")
                .arg(call.input(QStringLiteral("mode")).toString().left(40)));
    return numberResult(
        roundDecimal(call.input(QStringLiteral("number")).toDouble(), static_cast<int>(places), *mode));
}

// Add and Multiply fold `a`, `b` and any extra inputs with `op`.
template <typename Op>
CardFunction foldCard(Op op)
{
    return [op](const CardCall &call) -> Result<QJsonObject> {
        const auto extra = extraNumbers(call);
        if (!extra)
            return extra.error();
        double value =
            op(call.input(QStringLiteral("a")).toDouble(), call.input(QStringLiteral("b")).toDouble());
        for (const double number : *extra)
            value = op(value, number);
        return numberResult(value);
    };
}

} // namespace

void registerNumberCards(CardCatalogue &catalogue)
{
    const QString category = QStringLiteral("Number");

    catalogue.add(CardSpec{QStringLiteral("number.add"),
                           category,
                           QStringLiteral("Add"),
                           QStringLiteral("Adds two or more numbers."),
                           CardKind::Function,
                           {numberInput(QStringLiteral("a"), QStringLiteral("The first number.")),
                            numberInput(QStringLiteral("b"),
                                        QStringLiteral("The number to add; further inputs are added too."))},
                           resultOutput(),
                           true,
                           false,
                           foldCard([](double x, double y) { return x + y; })});

    catalogue.add(CardSpec{QStringLiteral("number.subtract"),
                           category,
                           QStringLiteral("Subtract"),
                           QStringLiteral("Subtracts b from a."),
                           CardKind::Function,
                           {numberInput(QStringLiteral("a"), QStringLiteral("The number to subtract from.")),
                            numberInput(QStringLiteral("b"), QStringLiteral("The number to subtract."))},
                           resultOutput(),
                           false,
                           false,
                           [](const CardCall &call) -> Result<QJsonObject> {
                               return numberResult(call.input(QStringLiteral("a")).toDouble() -
                                                   call.input(QStringLiteral("b")).toDouble());
                           }});

    catalogue.add(
        CardSpec{QStringLiteral("number.multiply"),
                 category,
                 QStringLiteral("Multiply"),
                 QStringLiteral("Multiplies two or more numbers."),
                 CardKind::Function,
                 {numberInput(QStringLiteral("a"), QStringLiteral("The first number.")),
                  numberInput(QStringLiteral("b"),
                              QStringLiteral("The number to multiply by; further inputs multiply too."))},
                 resultOutput(),
                 true,
                 false,
                 foldCard([](double x, double y) { return x * y; })});

    catalogue.add(CardSpec{QStringLiteral("number.divide"),
                           category,
                           QStringLiteral("Divide"),
                           QStringLiteral("Divides a by b."),
                           CardKind::Function,
                           {numberInput(QStringLiteral("a"), QStringLiteral("The dividend.")),
                            numberInput(QStringLiteral("b"), QStringLiteral("The divisor (not zero)."))},
                           resultOutput(),
                           false,
                           false,
                           [](const CardCall &call) -> Result<QJsonObject> {
                               const double divisor = call.input(QStringLiteral("b")).toDouble();
                               if (divisor == 0)
                                   return makeError(ErrorType::InvalidInput,
                                                    QStringLiteral("b: division by zero"));
                               return numberResult(call.input(QStringLiteral("a")).toDouble() / divisor);
                           }});

    catalogue.add(
        CardSpec{QStringLiteral("number.round"),
                 category,
                 QStringLiteral("Round"),
                 QStringLiteral("Rounds a number to a number of decimal places."),
                 CardKind::Function,
                 {numberInput(QStringLiteral("number"), QStringLiteral("The number to round.")),
                  PortSpec{QStringLiteral("places"), ValueType::number(), false,
                           QStringLiteral("Decimal places to keep, 0 to 15."), QJsonValue(0)},
                  PortSpec{QStringLiteral("mode"), ValueType::text(), false,
                           QStringLiteral("round (half away from zero), floor, ceiling or truncate."),
                           QJsonValue(QStringLiteral("round"))}},
                 resultOutput(),
                 false,
                 false,
                 runRound});

    catalogue.add(CardSpec{
        QStringLiteral("number.formula"),
        category,
        QStringLiteral("Formula"),
        QStringLiteral("Evaluates an arithmetic expression over the card's named number inputs."),
        CardKind::Function,
        {PortSpec{
            QStringLiteral("expression"), ValueType::text(), true,
            QStringLiteral("For example (price * quantity) ^ 2 + max(a, b); operators + - * / % ^, functions "
                           "abs, min, max, round, floor, ceil, sqrt, pow."),
            QJsonValue(QJsonValue::Null)}},
        resultOutput(),
        true,
        false,
        runFormula});
}

} // namespace wf
