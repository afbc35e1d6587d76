// The Text card family: Compose, Concatenate, Split, Replace, To Lower Case, To Upper Case, Trim,
// Length, Find, Text Segment, Base64, Base64 Decode.
//
// Positions and lengths count Unicode code points, not UTF-16 units, so an emoji is one character
// and an index never lands inside a surrogate pair. Combining marks are code points of their own
// ("e" + U+0301 has length 2). Null text behaves as "".

#include "engine/CardCatalogue.h"
#include "flow/Flow.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QStringDecoder>
#include <algorithm>
#include <cmath>

namespace wf {
namespace {

// A function, not a global: the catalogue may be built during another file's static initialisation.
QString outputName()
{
    return QStringLiteral("output");
}

// Echoed user text stays short so errors never carry huge values.
QString excerpt(const QString &text)
{
    if (text.size() <= 40)
        return text;
    return QString(text.left(40) + QStringLiteral("..."));
}

QString textInput(const CardCall &call, const QString &name)
{
    return call.input(name).toString();
}

Error tooLong(const QString &what)
{
    return makeError(
        ErrorType::LimitExceeded,
        QStringLiteral("%1: the result would exceed %2 characters").arg(what).arg(kMaxTextLength));
}

Result<QJsonObject> textResult(const QString &text)
{
    if (text.size() > kMaxTextLength)
        return tooLong(outputName());
    return QJsonObject{{outputName(), text}};
}

bool pairAt(QStringView text, qsizetype i)
{
    return i + 1 < text.size() && text[i].isHighSurrogate() && text[i + 1].isLowSurrogate();
}

qsizetype codePointCount(QStringView text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); i += pairAt(text, i) ? 2 : 1)
        ++count;
    return count;
}

// The UTF-16 offset where code point `index` starts (text.size() for the end); -1 past the end.
qsizetype offsetOfCodePoint(QStringView text, qsizetype index)
{
    qsizetype i = 0;
    for (qsizetype n = 0; n < index; ++n) {
        if (i >= text.size())
            return -1;
        i += pairAt(text, i) ? 2 : 1;
    }
    return i;
}

// Indexes and counts are whole, non-negative numbers; anything else is a mistake in the flow, not
// something to round silently. Huge values are clamped: no text is that long anyway.
Result<qint64> wholeNumber(const CardCall &call, const QString &name, qint64 fallback)
{
    const QJsonValue value = call.input(name);
    if (value.isNull() || value.isUndefined())
        return fallback;
    const double number = value.toDouble();
    if (!std::isfinite(number) || number != std::trunc(number))
        return makeError(
            ErrorType::InvalidInput,
            QStringLiteral("%1: must be a whole number, got %2").arg(name, numberToText(number)));
    if (number < 0)
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("%1: must not be negative, got %2").arg(name, numberToText(number)));
    return static_cast<qint64>(std::min(number, 1e18));
}

PortSpec textPort(const QString &name, const QString &description, bool required = false)
{
    return PortSpec{name, ValueType::text(), required, description, QJsonValue(QJsonValue::Null)};
}

PortSpec outputPort(const QString &name, ValueType type, const QString &description)
{
    return PortSpec{name, type, false, description, QJsonValue(QJsonValue::Null)};
}

// Dynamic inputs of a card, in the order the flow declares them, without the card's fixed inputs.
QList<QString> dynamicInputNames(const CardCall &call, const QString &fixedInput)
{
    QList<QString> names;
    for (const InputBinding &input : call.node.inputs) {
        if (input.name != fixedInput)
            names.append(input.name);
    }
    return names;
}

// {{name}} is replaced by the dynamic input `name` (spaces inside the braces are ignored). The
// innermost "{{" before each "}}" opens the placeholder, so braces around one stay literal:
// "{{{a}}}" gives "{" + a + "}", and JSON templates such as {"id":"{{id}}"} work. There is no
// escape: a "{{" without a closing "}}" is kept as written.
Result<QJsonObject> runCompose(const CardCall &call)
{
    const QString templateName = QStringLiteral("template");
    const QString text = textInput(call, templateName);
    QHash<QString, QJsonValue> values;
    for (const QString &name : dynamicInputNames(call, templateName))
        values.insert(name, call.input(name));

    // One forward pass, remembering the latest "{{", so a template full of braces stays linear.
    QString out;
    qsizetype literalStart = 0;
    qsizetype openAt = -1;
    for (qsizetype i = 0; i + 1 < text.size();) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('{') && text.at(i + 1) == QLatin1Char('{')) {
            openAt = i++;
            continue;
        }
        if (c != QLatin1Char('}') || text.at(i + 1) != QLatin1Char('}') || openAt < 0) {
            ++i;
            continue;
        }
        const QString name = text.mid(openAt + 2, i - openAt - 2).trimmed();
        const auto it = values.constFind(name);
        if (it == values.constEnd())
            return makeError(ErrorType::InvalidInput,
                             name.isEmpty()
                                 ? QStringLiteral("template: empty placeholder {{}}")
                                 : QStringLiteral("template: unknown placeholder {{%1}}").arg(excerpt(name)));
        out += QStringView(text).mid(literalStart, openAt - literalStart);
        out += valueToText(*it);
        if (out.size() > kMaxTextLength)
            return tooLong(outputName());
        i += 2;
        literalStart = i;
        openAt = -1;
    }
    out += QStringView(text).mid(literalStart);
    return textResult(out);
}

// Every dynamic input is a part, empty ones included, so the separators keep their positions.
Result<QJsonObject> runConcatenate(const CardCall &call)
{
    const QString separatorName = QStringLiteral("separator");
    const QString separator = textInput(call, separatorName);
    QString out;
    bool first = true;
    for (const QString &name : dynamicInputNames(call, separatorName)) {
        if (!first)
            out += separator;
        first = false;
        out += valueToText(call.input(name));
        if (out.size() > kMaxTextLength)
            return tooLong(outputName());
    }
    return textResult(out);
}

// Empty parts are kept ("a,,b" gives three parts); an empty separator splits into code points.
Result<QJsonObject> runSplit(const CardCall &call)
{
    const QString text = textInput(call, QStringLiteral("text"));
    const QString separator = textInput(call, QStringLiteral("separator"));
    QJsonArray parts;
    const auto tooMany = [] {
        return makeError(ErrorType::LimitExceeded,
                         QStringLiteral("output: the result would exceed %1 items").arg(kMaxListLength));
    };
    if (text.isEmpty())
        return QJsonObject{{outputName(), parts}};
    if (separator.isEmpty()) {
        for (qsizetype i = 0; i < text.size();) {
            const qsizetype width = pairAt(text, i) ? 2 : 1;
            if (parts.size() >= kMaxListLength)
                return tooMany();
            parts.append(text.mid(i, width));
            i += width;
        }
        return QJsonObject{{outputName(), parts}};
    }
    qsizetype from = 0;
    qsizetype at = -1;
    while ((at = text.indexOf(separator, from)) >= 0) {
        if (parts.size() >= kMaxListLength - 1)
            return tooMany();
        parts.append(text.mid(from, at - from));
        from = at + separator.size();
    }
    parts.append(text.mid(from));
    return QJsonObject{{outputName(), parts}};
}

Result<QJsonObject> runReplace(const CardCall &call)
{
    QString text = textInput(call, QStringLiteral("text"));
    const QString search = textInput(call, QStringLiteral("search"));
    const QString replacement = textInput(call, QStringLiteral("replacement"));
    if (search.isEmpty())
        return makeError(ErrorType::InvalidInput, QStringLiteral("search: must not be empty"));
    // Size the result before building it, so a short text cannot blow up memory.
    qint64 matches = 0;
    for (qsizetype at = text.indexOf(search); at >= 0; at = text.indexOf(search, at + search.size()))
        ++matches;
    const qint64 resultSize = static_cast<qint64>(text.size()) +
                              matches * (static_cast<qint64>(replacement.size()) - search.size());
    if (resultSize > kMaxTextLength)
        return tooLong(outputName());
    text.replace(search, replacement);
    return textResult(text);
}

Result<QJsonObject> runFind(const CardCall &call)
{
    const QString text = textInput(call, QStringLiteral("text"));
    const QString search = textInput(call, QStringLiteral("search"));
    const auto start = wholeNumber(call, QStringLiteral("start"), 0);
    if (!start)
        return start.error();
    const auto notFound = QJsonObject{{QStringLiteral("index"), -1}};
    if (search.isEmpty())
        return notFound;
    const qsizetype from = offsetOfCodePoint(text, static_cast<qsizetype>(*start));
    if (from < 0)
        return notFound;
    const qsizetype at = text.indexOf(search, from);
    if (at < 0)
        return notFound;
    return QJsonObject{
        {QStringLiteral("index"), static_cast<double>(codePointCount(QStringView(text).left(at)))}};
}

// Only the start is checked against the text; a length running past the end stops at the end.
Result<QJsonObject> runTextSegment(const CardCall &call)
{
    const QString text = textInput(call, QStringLiteral("text"));
    const auto start = wholeNumber(call, QStringLiteral("start"), 0);
    if (!start)
        return start.error();
    const auto length = wholeNumber(call, QStringLiteral("length"), -1);
    if (!length)
        return length.error();
    if (text.isEmpty())
        return textResult(QString());
    const qsizetype from = offsetOfCodePoint(text, static_cast<qsizetype>(*start));
    if (from < 0)
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("start: %1 is past the end of the text (length %2)")
                             .arg(*start)
                             .arg(codePointCount(text)));
    if (*length < 0)
        return textResult(text.mid(from));
    const QStringView rest = QStringView(text).mid(from);
    const qsizetype end = offsetOfCodePoint(rest, static_cast<qsizetype>(*length));
    return textResult(end < 0 ? rest.toString() : rest.left(end).toString());
}

// URL-safe output uses "-" and "_" and drops the "=" padding, as JWTs and URLs expect.
Result<QJsonObject> runBase64(const CardCall &call)
{
    const QByteArray bytes = textInput(call, QStringLiteral("text")).toUtf8();
    if ((bytes.size() + 2) / 3 * 4 > kMaxTextLength)
        return tooLong(outputName());
    const bool urlSafe = call.input(QStringLiteral("urlSafe")).toBool();
    const auto options = urlSafe ? QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals
                                 : QByteArray::Base64Encoding | QByteArray::KeepTrailingEquals;
    return textResult(QString::fromLatin1(bytes.toBase64(options)));
}

// Lenient about form (either alphabet, missing padding, line breaks and spaces), strict about
// content: a character outside the alphabets, misplaced padding or bytes that are not UTF-8 fail.
Result<QJsonObject> runBase64Decode(const CardCall &call)
{
    const QString text = textInput(call, QStringLiteral("text"));
    QByteArray encoded;
    encoded.reserve(text.size() + 3);
    qsizetype padding = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u' ' || u == u'\t' || u == u'\r' || u == u'\n')
            continue;
        const bool alphabet = (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') ||
                              (u >= u'0' && u <= u'9') || u == u'+' || u == u'/' || u == u'-' || u == u'_';
        if (u == u'=') {
            ++padding;
            continue;
        }
        if (!alphabet || padding > 0)
            return makeError(ErrorType::InvalidInput,
                             padding > 0
                                 ? QStringLiteral("text: is not valid Base64 (data after \"=\" padding)")
                                 : QStringLiteral("text: is not valid Base64 (unexpected character \"%1\")")
                                       .arg(QString(c)));
        encoded.append(u == u'-' ? '+' : u == u'_' ? '/' : static_cast<char>(u));
    }
    // Padding may be missing or partial ("YQ", "YQ=", "YQ==") but never more than the data needs.
    if (encoded.size() % 4 == 1 || padding > (4 - encoded.size() % 4) % 4)
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("text: is not valid Base64 (wrong length or padding)"));
    while (encoded.size() % 4 != 0)
        encoded.append('=');
    const auto decoded = QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return makeError(ErrorType::InvalidInput, QStringLiteral("text: is not valid Base64"));
    // Keep a leading BOM and flag a truncated sequence at the end: the text must be exactly the bytes.
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    const QString result = decoder.decode(*decoded);
    if (decoder.hasError())
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("text: the decoded bytes are not UTF-8 text"));
    return textResult(result);
}

// QString::toUpper/toLower slow down quadratically when characters expand (sharp s becomes "SS"),
// which a long text could turn into a stall. Their mapping is per code point, so converting in
// chunks gives the same text in linear time. Stops once past the limit: the caller refuses it.
QString convertCase(const QString &text, bool upper)
{
    constexpr qsizetype kChunk = 4096;
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size() && out.size() <= kMaxTextLength;) {
        qsizetype n = std::min(kChunk, text.size() - i);
        if (text.at(i + n - 1).isHighSurrogate() && i + n < text.size())
            ++n;
        const QString chunk = text.mid(i, n);
        out += upper ? chunk.toUpper() : chunk.toLower();
        i += n;
    }
    return out;
}

CardSpec textCard(const QString &id, const QString &name, const QString &description, QList<PortSpec> inputs,
                  QList<PortSpec> outputs, CardFunction run)
{
    static const CardFamily family{QStringLiteral("text"), QStringLiteral("Text")};
    return family.card(id, name, description, std::move(inputs), std::move(outputs), std::move(run));
}

CardSpec simpleTextCard(const QString &id, const QString &name, const QString &description,
                        QString (*transform)(const QString &))
{
    return textCard(id, name, description, {textPort(QStringLiteral("text"), QStringLiteral("The text."))},
                    {outputPort(outputName(), ValueType::text(), QStringLiteral("The result."))},
                    [transform](const CardCall &call) -> Result<QJsonObject> {
                        return textResult(transform(textInput(call, QStringLiteral("text"))));
                    });
}

} // namespace

void registerTextCards(CardCatalogue &catalogue)
{
    const PortSpec textOut =
        outputPort(outputName(), ValueType::text(), QStringLiteral("The resulting text."));

    CardSpec compose = textCard(
        QStringLiteral("compose"), QStringLiteral("Compose"),
        QStringLiteral("Fills the {{name}} placeholders of a template with the card's inputs."),
        {textPort(QStringLiteral("template"),
                  QStringLiteral("Text with {{name}} placeholders, each naming an input of this card."),
                  true)},
        {textOut}, runCompose);
    compose.dynamicInputs = true;
    catalogue.add(std::move(compose));

    CardSpec concatenate = textCard(
        QStringLiteral("concatenate"), QStringLiteral("Concatenate"),
        QStringLiteral("Joins the card's inputs, in order, into one text."),
        {textPort(QStringLiteral("separator"), QStringLiteral("Put between the parts; nothing by default."))},
        {textOut}, runConcatenate);
    concatenate.dynamicInputs = true;
    catalogue.add(std::move(concatenate));

    catalogue.add(textCard(QStringLiteral("split"), QStringLiteral("Split"),
                           QStringLiteral("Splits text at each occurrence of a separator."),
                           {textPort(QStringLiteral("text"), QStringLiteral("The text to split.")),
                            textPort(QStringLiteral("separator"),
                                     QStringLiteral("Where to split; empty splits into characters."))},
                           {outputPort(outputName(), ValueType::list(BaseType::Text),
                                       QStringLiteral("The parts, empty ones included."))},
                           runSplit));

    catalogue.add(textCard(
        QStringLiteral("replace"), QStringLiteral("Replace"),
        QStringLiteral("Replaces every occurrence of a text with another (case-sensitive)."),
        {textPort(QStringLiteral("text"), QStringLiteral("The text to change.")),
         textPort(QStringLiteral("search"), QStringLiteral("The text to look for."), true),
         textPort(QStringLiteral("replacement"), QStringLiteral("What to put instead; nothing by default."))},
        {textOut}, runReplace));

    catalogue.add(simpleTextCard(QStringLiteral("toLowerCase"), QStringLiteral("To Lower Case"),
                                 QStringLiteral("Converts text to lower case."),
                                 [](const QString &text) { return convertCase(text, false); }));
    catalogue.add(simpleTextCard(QStringLiteral("toUpperCase"), QStringLiteral("To Upper Case"),
                                 QStringLiteral("Converts text to upper case."),
                                 [](const QString &text) { return convertCase(text, true); }));
    catalogue.add(simpleTextCard(QStringLiteral("trim"), QStringLiteral("Trim"),
                                 QStringLiteral("Removes white space from both ends of text."),
                                 [](const QString &text) { return text.trimmed(); }));

    catalogue.add(textCard(
        QStringLiteral("length"), QStringLiteral("Length"), QStringLiteral("Counts the characters of text."),
        {textPort(QStringLiteral("text"), QStringLiteral("The text to measure."))},
        {outputPort(QStringLiteral("length"), ValueType::number(),
                    QStringLiteral("The number of characters (an emoji counts as one)."))},
        [](const CardCall &call) -> Result<QJsonObject> {
            const QString text = textInput(call, QStringLiteral("text"));
            return QJsonObject{{QStringLiteral("length"), static_cast<double>(codePointCount(text))}};
        }));

    catalogue.add(textCard(
        QStringLiteral("find"), QStringLiteral("Find"),
        QStringLiteral("Finds the position of a text within another text."),
        {textPort(QStringLiteral("text"), QStringLiteral("The text to search in.")),
         textPort(QStringLiteral("search"), QStringLiteral("The text to look for (case-sensitive).")),
         PortSpec{QStringLiteral("start"), ValueType::number(), false,
                  QStringLiteral("The character position to start at, from 0."), QJsonValue(0)}},
        {outputPort(QStringLiteral("index"), ValueType::number(),
                    QStringLiteral("The character position of the first match from 0, or -1."))},
        runFind));

    catalogue.add(textCard(QStringLiteral("textSegment"), QStringLiteral("Text Segment"),
                           QStringLiteral("Returns the part of a text starting at a position."),
                           {textPort(QStringLiteral("text"), QStringLiteral("The text to take a part of.")),
                            PortSpec{QStringLiteral("start"), ValueType::number(), true,
                                     QStringLiteral("The character position to start at, from 0."),
                                     QJsonValue(QJsonValue::Null)},
                            PortSpec{QStringLiteral("length"), ValueType::number(), false,
                                     QStringLiteral("How many characters to take; up to the end when empty."),
                                     QJsonValue(QJsonValue::Null)}},
                           {textOut}, runTextSegment));

    catalogue.add(textCard(
        QStringLiteral("base64"), QStringLiteral("Base64"),
        QStringLiteral("Encodes text (as UTF-8) in Base64."),
        {textPort(QStringLiteral("text"), QStringLiteral("The text to encode.")),
         PortSpec{QStringLiteral("urlSafe"), ValueType::boolean(), false,
                  QStringLiteral("Use the URL-safe alphabet (- and _) without padding."), QJsonValue(false)}},
        {outputPort(outputName(), ValueType::text(), QStringLiteral("The Base64 text."))}, runBase64));

    catalogue.add(textCard(QStringLiteral("base64Decode"), QStringLiteral("Base64 Decode"),
                           QStringLiteral("Decodes Base64 (standard or URL-safe) into UTF-8 text."),
                           {textPort(QStringLiteral("text"), QStringLiteral("The Base64 text."))},
                           {outputPort(outputName(), ValueType::text(), QStringLiteral("The decoded text."))},
                           runBase64Decode));
}

} // namespace wf
