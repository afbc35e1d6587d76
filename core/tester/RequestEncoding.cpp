#include "tester/RequestEncoding.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <cctype>

namespace wf::tester {
namespace {

bool isValidPercentEncoding(const QByteArray &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) != '%')
            continue;
        if (i + 2 >= text.size() || !std::isxdigit(static_cast<unsigned char>(text.at(i + 1))) ||
            !std::isxdigit(static_cast<unsigned char>(text.at(i + 2))))
            return false;
        i += 2;
    }
    return true;
}

// Splits `text` at '&' into name=value pairs, decoded by `decode`; nullopt when a part has no '=' or
// an empty name.
template <typename Decode>
std::optional<QList<KeyValue>> splitPairs(const QByteArray &text, Decode decode)
{
    QList<KeyValue> pairs;
    if (text.isEmpty())
        return pairs;
    for (const QByteArray &part : text.split('&')) {
        const auto equals = part.indexOf('=');
        if (equals <= 0 || !isValidPercentEncoding(part))
            return std::nullopt;
        pairs.append(KeyValue{decode(part.left(equals)), decode(part.mid(equals + 1)), true});
    }
    return pairs;
}

} // namespace

QByteArray encodeQueryComponent(const QString &text)
{
    return text.toUtf8().toPercentEncoding(QByteArrayLiteral("!$'()*,;:@/?"));
}

std::optional<QList<KeyValue>> splitQueryExactly(const QByteArray &query)
{
    auto pairs = splitPairs(query, [](const QByteArray &part) {
        return QString::fromUtf8(QByteArray::fromPercentEncoding(part));
    });
    if (!pairs)
        return std::nullopt;
    QByteArray again;
    for (const KeyValue &pair : *pairs) {
        if (!again.isEmpty())
            again += '&';
        again += encodeQueryComponent(pair.name) + '=' + encodeQueryComponent(pair.value);
    }
    if (again != query)
        return std::nullopt;
    return pairs;
}

std::optional<QList<KeyValue>> parseForm(const QByteArray &body)
{
    return splitPairs(body, [](QByteArray part) {
        part.replace('+', ' ');
        return QString::fromUtf8(QByteArray::fromPercentEncoding(part));
    });
}

bool isHttpToken(const QByteArray &text)
{
    static const QByteArray extra = QByteArrayLiteral("!#$%&'*+-.^_`|~");
    return !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               extra.contains(c);
    });
}

QByteArray maskSecrets(QByteArray text, QList<SecretValue> secrets, MaskTarget target)
{
    // A longer secret may contain a shorter one; masking it first leaves nothing of it behind.
    std::stable_sort(secrets.begin(), secrets.end(), [](const SecretValue &a, const SecretValue &b) {
        return a.value.size() > b.value.size();
    });
    for (const SecretValue &secret : secrets) {
        if (secret.value.isEmpty())
            continue;
        if (target == MaskTarget::Text) {
            text.replace(secret.value, secret.placeholder);
            continue;
        }
        const QByteArray placeholder = target == MaskTarget::Url
                                           ? encodeQueryComponent(QString::fromUtf8(secret.placeholder))
                                           : secret.placeholder;
        const QByteArray value = secret.value;
        text.replace(value.toPercentEncoding(), placeholder);
        if (target != MaskTarget::Body)
            text.replace(encodeQueryComponent(QString::fromUtf8(value)), placeholder);
        text.replace(value, placeholder);
    }
    return text;
}

QString jsonSyntaxError(const QString &text)
{
    // QJsonDocument reads only an object or an array at the top; a JSON text may be any value, so it
    // is read as the one element of an array.
    const QByteArray utf8 = text.toUtf8();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson('[' + utf8 + ']', &error);
    if (error.error == QJsonParseError::NoError) {
        const qsizetype count = document.array().size();
        if (count == 1)
            return QString();
        return count == 0 ? QStringLiteral("there is no JSON value")
                          : QStringLiteral("there is more than one JSON value");
    }
    // The parser reports the offset just after the character it stopped at (the wrapping '[' shifts
    // it by one more); at the end of the text there is no character to point at.
    qsizetype offset = std::clamp<qsizetype>(error.offset - 1, 0, utf8.size());
    if (offset < utf8.size())
        offset = std::max<qsizetype>(offset - 1, 0);
    const QByteArray before = utf8.left(offset);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    const qsizetype line = before.count('\n') + 1;
    const qsizetype column = QString::fromUtf8(before.mid(lineStart)).size() + 1;
    return QStringLiteral("line %1, column %2: %3").arg(line).arg(column).arg(error.errorString());
}

} // namespace wf::tester
