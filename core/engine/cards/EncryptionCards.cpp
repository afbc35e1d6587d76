// Encryption cards: HMAC over a message with a shared key (SHA-1 and the SHA-2 family), the way
// webhook signatures are computed and checked.

#include "engine/CardCatalogue.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace wf {
namespace {

std::optional<QCryptographicHash::Algorithm> parseAlgorithm(const QString &name)
{
    // "SHA-256", "sha256" and "SHA 256" all name the same hash.
    QString normalized = name.trimmed().toUpper();
    normalized.remove(QLatin1Char('-')).remove(QLatin1Char(' ')).remove(QLatin1Char('_'));
    if (normalized.isEmpty() || normalized == QLatin1String("SHA256"))
        return QCryptographicHash::Sha256;
    if (normalized == QLatin1String("SHA1"))
        return QCryptographicHash::Sha1;
    if (normalized == QLatin1String("SHA384"))
        return QCryptographicHash::Sha384;
    if (normalized == QLatin1String("SHA512"))
        return QCryptographicHash::Sha512;
    return std::nullopt;
}

bool isHexText(const QString &text)
{
    if (text.size() % 2 != 0)
        return false;
    for (const QChar c : text) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
              (c >= QLatin1Char('a') && c <= QLatin1Char('f')) ||
              (c >= QLatin1Char('A') && c <= QLatin1Char('F'))))
            return false;
    }
    return true;
}

// The bytes of a key or message: its UTF-8 form ("text"), or binary given as hex or base64 so that
// keys that are not valid UTF-8 (random secrets) can be used.
Result<QByteArray> decodeBytes(const QString &inputName, const QString &text, const QString &encodingInput,
                               const QString &encoding)
{
    const QString normalized = encoding.trimmed().toLower();
    if (normalized.isEmpty() || normalized == QLatin1String("text"))
        return text.toUtf8();
    if (normalized == QLatin1String("hex")) {
        const QString trimmed = text.trimmed();
        if (!isHexText(trimmed))
            return makeError(
                ErrorType::InvalidInput,
                QStringLiteral("%1: not valid hex (an even number of 0-9, a-f digits)").arg(inputName));
        return QByteArray::fromHex(trimmed.toLatin1());
    }
    if (normalized == QLatin1String("base64")) {
        const auto decoded = QByteArray::fromBase64Encoding(
            text.trimmed().toLatin1(), QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return makeError(ErrorType::InvalidInput, QStringLiteral("%1: not valid base64").arg(inputName));
        return *decoded;
    }
    return makeError(ErrorType::InvalidInput,
                     QStringLiteral("%1: unknown encoding \"%2\" (expected text, hex or base64)")
                         .arg(encodingInput, encoding.left(40)));
}

Result<QJsonObject> runHmac(const CardCall &call)
{
    const QString algorithmName = call.input(QStringLiteral("algorithm")).toString();
    const auto algorithm = parseAlgorithm(algorithmName);
    if (!algorithm)
        return makeError(
            ErrorType::InvalidInput,
            QStringLiteral("algorithm: unsupported \"%1\" (expected SHA-1, SHA-256, SHA-384 or SHA-512)")
                .arg(algorithmName.left(40)));
    const QString encoding = call.input(QStringLiteral("encoding")).toString().trimmed().toLower();
    if (!encoding.isEmpty() && encoding != QLatin1String("hex") && encoding != QLatin1String("base64"))
        return makeError(
            ErrorType::InvalidInput,
            QStringLiteral("encoding: unknown \"%1\" (expected hex or base64)").arg(encoding.left(40)));
    const QString keyText = call.input(QStringLiteral("key")).toString();
    // An empty key is almost always a secret that failed to load; refuse rather than sign with it.
    if (keyText.isEmpty())
        return makeError(ErrorType::InvalidInput, QStringLiteral("key: must not be empty"));
    const auto key = decodeBytes(QStringLiteral("key"), keyText, QStringLiteral("keyEncoding"),
                                 call.input(QStringLiteral("keyEncoding")).toString());
    if (!key)
        return key.error();
    if (key->isEmpty())
        return makeError(ErrorType::InvalidInput, QStringLiteral("key: must not be empty"));
    const auto message = decodeBytes(
        QStringLiteral("message"), call.input(QStringLiteral("message")).toString(),
        QStringLiteral("messageEncoding"), call.input(QStringLiteral("messageEncoding")).toString());
    if (!message)
        return message.error();

    const QByteArray mac = QMessageAuthenticationCode::hash(*message, *key, *algorithm);
    QJsonObject outputs;
    outputs.insert(QStringLiteral("output"), encoding == QLatin1String("base64")
                                                 ? QString::fromLatin1(mac.toBase64())
                                                 : QString::fromLatin1(mac.toHex()));
    return outputs;
}

PortSpec textInput(const QString &name, bool required, const QString &description,
                   const QJsonValue &defaultValue)
{
    return PortSpec{name, ValueType::text(), required, description, defaultValue};
}

} // namespace

void registerEncryptionCards(CardCatalogue &catalogue)
{
    catalogue.add(CardSpec{
        QStringLiteral("encryption.hmac"),
        QStringLiteral("Encryption"),
        QStringLiteral("HMAC"),
        QStringLiteral(
            "Computes an HMAC (keyed hash) of a message, for example to sign or verify a webhook."),
        CardKind::Function,
        {textInput(QStringLiteral("key"), true, QStringLiteral("The secret key."),
                   QJsonValue(QJsonValue::Null)),
         textInput(QStringLiteral("message"), false,
                   QStringLiteral("The message to sign (empty when not set)."), QJsonValue(QJsonValue::Null)),
         textInput(QStringLiteral("algorithm"), false, QStringLiteral("SHA-1, SHA-256, SHA-384 or SHA-512."),
                   QJsonValue(QStringLiteral("SHA-256"))),
         textInput(QStringLiteral("encoding"), false,
                   QStringLiteral("Output encoding: hex (lower case) or base64."),
                   QJsonValue(QStringLiteral("hex"))),
         textInput(QStringLiteral("keyEncoding"), false,
                   QStringLiteral("How the key is written: text (its UTF-8 bytes), hex or base64."),
                   QJsonValue(QStringLiteral("text"))),
         textInput(QStringLiteral("messageEncoding"), false,
                   QStringLiteral("How the message is written: text (its UTF-8 bytes), hex or base64."),
                   QJsonValue(QStringLiteral("text")))},
        {PortSpec{QStringLiteral("output"), ValueType::text(), false, QStringLiteral("The HMAC, encoded."),
                  QJsonValue(QJsonValue::Null)}},
        false,
        false,
        runHmac});
}

} // namespace wf
