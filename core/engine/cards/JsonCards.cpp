// The JSON card family: Parse (text to any JSON value, scalars included) and Stringify (any value
// to its JSON text). Parse refuses texts and nestings that would let one request exhaust memory or
// stack.

#include "engine/CardCatalogue.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace wf {
namespace {

constexpr int kMaxJsonDepth = 512;

// The character offset of the first bracket that goes deeper than kMaxJsonDepth, or -1. Runs before
// the parser so that a hostile document is refused before anything is built from it.
qsizetype tooDeepAt(const QString &text)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == QLatin1Char('\\'))
                escaped = true;
            else if (c == QLatin1Char('"'))
                inString = false;
        } else if (c == QLatin1Char('"')) {
            inString = true;
        } else if (c == QLatin1Char('[') || c == QLatin1Char('{')) {
            if (++depth > kMaxJsonDepth)
                return i;
        } else if (c == QLatin1Char(']') || c == QLatin1Char('}')) {
            --depth;
        }
    }
    return -1;
}

Result<QJsonObject> runParse(const CardCall &call)
{
    const QString text = call.input(QStringLiteral("text")).toString();
    if (text.size() > kMaxTextLength)
        return makeError(ErrorType::LimitExceeded,
                         QStringLiteral("text: longer than %1 characters").arg(kMaxTextLength));
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return makeError(ErrorType::InvalidInput, QStringLiteral("text: there is no JSON value in it"));
    if (const qsizetype at = tooDeepAt(text); at >= 0)
        return makeError(
            ErrorType::LimitExceeded,
            QStringLiteral("text: nested deeper than %1 levels at offset %2").arg(kMaxJsonDepth).arg(at));

    // QJsonDocument only takes an object or an array at the top: wrap scalars in a one-item list.
    const bool container = trimmed.startsWith(QLatin1Char('{')) || trimmed.startsWith(QLatin1Char('['));
    const QByteArray utf8 = text.toUtf8();
    const QByteArray document =
        container ? utf8 : QByteArray(QByteArrayLiteral("[") + utf8 + QByteArrayLiteral("]"));
    QJsonParseError error{};
    const QJsonDocument parsed = QJsonDocument::fromJson(document, &error);
    if (error.error != QJsonParseError::NoError) {
        const qsizetype byteOffset =
            std::clamp<qsizetype>(error.offset - (container ? 0 : 1), 0, utf8.size());
        const qsizetype offset = QString::fromUtf8(utf8.left(byteOffset)).size();
        return makeError(
            ErrorType::InvalidInput,
            QStringLiteral("text: invalid JSON at offset %1: %2").arg(offset).arg(error.errorString()));
    }
    QJsonValue value;
    if (parsed.isObject()) {
        value = parsed.object();
    } else if (container) {
        value = parsed.array();
    } else {
        // "1, 2" parses as two items once wrapped; it is not one JSON value.
        if (parsed.array().size() != 1)
            return makeError(ErrorType::InvalidInput,
                             QStringLiteral("text: invalid JSON: more than one value"));
        value = parsed.array().at(0);
    }
    return QJsonObject{{QStringLiteral("output"), value}};
}

Result<QJsonObject> runStringify(const CardCall &call)
{
    const QJsonValue value = call.input(QStringLiteral("value"));
    const bool pretty = call.input(QStringLiteral("pretty")).toBool();
    const QJsonDocument::JsonFormat format = pretty ? QJsonDocument::Indented : QJsonDocument::Compact;
    QByteArray json;
    if (value.isObject()) {
        json = QJsonDocument(value.toObject()).toJson(format);
    } else if (value.isArray()) {
        json = QJsonDocument(value.toArray()).toJson(format);
    } else {
        // Scalars: the writer only takes documents, so write a one-item list and strip the brackets.
        json = QJsonDocument(QJsonArray{value.isUndefined() ? QJsonValue() : value})
                   .toJson(QJsonDocument::Compact);
        json = json.mid(1, json.size() - 2);
    }
    if (json.endsWith('\n'))
        json.chop(1);
    const QString output = QString::fromUtf8(json);
    if (output.size() > kMaxTextLength)
        return makeError(ErrorType::LimitExceeded,
                         QStringLiteral("value: its JSON is longer than %1 characters").arg(kMaxTextLength));
    return QJsonObject{{QStringLiteral("output"), output}};
}

} // namespace

void registerJsonCards(CardCatalogue &catalogue)
{
    CardSpec parse;
    parse.functionId = QStringLiteral("json.parse");
    parse.category = QStringLiteral("JSON");
    parse.name = QStringLiteral("Parse");
    parse.description = QStringLiteral("Reads a JSON text into a value (object, list, text, number, ...).");
    parse.inputs = {
        PortSpec{QStringLiteral("text"), ValueType::text(), true, QStringLiteral("The JSON text."), {}}};
    parse.outputs = {
        PortSpec{QStringLiteral("output"), ValueType::any(), false, QStringLiteral("The value."), {}}};
    parse.run = runParse;
    catalogue.add(std::move(parse));

    CardSpec stringify;
    stringify.functionId = QStringLiteral("json.stringify");
    stringify.category = QStringLiteral("JSON");
    stringify.name = QStringLiteral("Stringify");
    stringify.description = QStringLiteral("Writes a value as JSON text.");
    stringify.inputs = {
        PortSpec{QStringLiteral("value"),
                 ValueType::any(),
                 false,
                 QStringLiteral("Any value; null gives null."),
                 {}},
        PortSpec{QStringLiteral("pretty"), ValueType::boolean(), false,
                 QStringLiteral("Indent objects and lists over several lines."), false},
    };
    stringify.outputs = {
        PortSpec{QStringLiteral("output"), ValueType::text(), false, QStringLiteral("The JSON text."), {}}};
    stringify.run = runStringify;
    catalogue.add(std::move(stringify));
}

} // namespace wf
