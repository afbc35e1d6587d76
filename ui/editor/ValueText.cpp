#include "editor/ValueText.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace wf::ui::valuetext {
namespace {

// Any JSON value, scalars included, or nothing when `text` is not JSON.
std::optional<QJsonValue> parseJson(const QString &text)
{
    QJsonParseError error{};
    const QJsonDocument doc =
        QJsonDocument::fromJson(QString(QLatin1Char('[') + text + QLatin1Char(']')).toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 1)
        return std::nullopt;
    return doc.array().first();
}

QString compactJson(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

} // namespace

QJsonValue fromText(const QString &text, ValueType type)
{
    switch (type.base) {
    case BaseType::Text:
    case BaseType::DateTime:
        return text;
    case BaseType::Number: {
        if (text.trimmed().isEmpty())
            return QJsonValue(QJsonValue::Null);
        bool ok = false;
        const double number = QLocale::c().toDouble(text.trimmed(), &ok);
        return ok ? QJsonValue(number) : QJsonValue(text);
    }
    case BaseType::Boolean: {
        const QString word = text.trimmed().toLower();
        if (word.isEmpty())
            return QJsonValue(QJsonValue::Null);
        if (word == QLatin1String("true") || word == QLatin1String("false"))
            return word == QLatin1String("true");
        return text;
    }
    case BaseType::Object:
    case BaseType::List: {
        if (text.trimmed().isEmpty())
            return QJsonValue(QJsonValue::Null);
        return parseJson(text).value_or(QJsonValue(text));
    }
    case BaseType::Any:
        break;
    }
    return parseJson(text).value_or(QJsonValue(text));
}

QString toText(const QJsonValue &value, ValueType type)
{
    switch (type.base) {
    case BaseType::Text:
    case BaseType::DateTime:
        return value.isString() ? value.toString() : valueToText(value);
    case BaseType::Number:
    case BaseType::Boolean:
    case BaseType::Object:
    case BaseType::List:
        if (value.isNull() || value.isUndefined())
            return QString();
        return value.isString() ? value.toString() : compactJson(value);
    case BaseType::Any:
        break;
    }
    if (value.isString()) {
        // A text that would read back as something else ("0", "true") is written quoted.
        const QJsonValue back = fromText(value.toString(), type);
        return back == value ? value.toString() : compactJson(value);
    }
    return compactJson(value);
}

QString shortText(const QJsonValue &value, int limit)
{
    QString text = value.isString() ? QString(QLatin1Char('"') + value.toString() + QLatin1Char('"'))
                                    : compactJson(value);
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (text.size() > limit)
        text = text.left(limit - 1) + QChar(0x2026);
    return text;
}

const QList<ValueType> &declarableTypes()
{
    static const QList<ValueType> types = {
        ValueType::text(),
        ValueType::number(),
        ValueType::boolean(),
        ValueType::dateTime(),
        ValueType::object(),
        ValueType::list(),
        ValueType::list(BaseType::Text),
        ValueType::list(BaseType::Number),
        ValueType::list(BaseType::Boolean),
        ValueType::list(BaseType::DateTime),
        ValueType::list(BaseType::Object),
        ValueType::any(),
    };
    return types;
}

QColor categoryColour(const QString &category)
{
    static const QHash<QString, QColor> colours = {
        {QStringLiteral("Event"), QColor(0x2b, 0x5d, 0x8c)},
        {QStringLiteral("Flow Control"), QColor(0x5b, 0x6e, 0xe1)},
        {QStringLiteral("Branching"), QColor(0xd9, 0x8e, 0x1f)},
        {QStringLiteral("Error Handling"), QColor(0xc9, 0x3c, 0x3c)},
        {QStringLiteral("Text"), QColor(0x2e, 0x9a, 0x5b)},
        {QStringLiteral("Number"), QColor(0x1f, 0x86, 0xd1)},
        {QStringLiteral("True/False"), QColor(0x8e, 0x5b, 0xd9)},
        {QStringLiteral("Object"), QColor(0xd0, 0x65, 0x2a)},
        {QStringLiteral("List"), QColor(0x17, 0x9c, 0x96)},
        {QStringLiteral("JSON"), QColor(0x6f, 0x77, 0x82)},
        {QStringLiteral("Date & Time"), QColor(0xbf, 0x3f, 0x96)},
        {QStringLiteral("Encryption"), QColor(0x55, 0x6b, 0x2f)},
    };
    return colours.value(category, QColor(0x80, 0x80, 0x80));
}

} // namespace wf::ui::valuetext
