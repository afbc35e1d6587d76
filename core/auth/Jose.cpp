// Strict JSON, JWS compact parsing, signing and verification (Jose.h). Signatures are made and
// checked by cjose (see JosePrivate.h for its thread-safety); the checks cjose leaves out (accepted
// algorithms, key type, signature length, strict base64url and JSON) are made here first.

#include "auth/JosePrivate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <jansson.h>
#include <openssl/err.h>

namespace wf::auth {

using namespace jose;

namespace {

constexpr int kMaxJsonDepth = 64;

using JwsPtr = std::unique_ptr<cjose_jws_t, Free<cjose_jws_release>>;
using HeaderPtr = std::unique_ptr<cjose_header_t, Free<cjose_header_release>>;

// A JSON value as compact text ("\"JWT\"", "3", "{\"a\":true}").
QByteArray jsonValueText(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

// ---- Strict JSON ---------------------------------------------------------------------------------

// A recursive-descent scan of one JSON text that QJsonDocument then parses: it refuses duplicate
// member names (compared after unescaping) at any depth, nesting deeper than kMaxJsonDepth, a top
// level that is not an object and trailing data. Problems are phrases ("has a duplicate member ...").
class JsonScanner {
public:
    explicit JsonScanner(const QByteArray &text) : m_text(text) {}

    QString scan()
    {
        skipSpace();
        if (peek() != '{')
            return QStringLiteral("is not a JSON object");
        if (!value(0))
            return m_problem;
        skipSpace();
        if (m_pos != m_text.size())
            return QStringLiteral("has data after the JSON object");
        return {};
    }

private:
    bool fail(const QString &problem)
    {
        m_problem = problem;
        return false;
    }
    bool syntax() { return fail(QStringLiteral("is not valid JSON (at byte %1)").arg(m_pos)); }
    char peek() const { return m_pos < m_text.size() ? m_text.at(m_pos) : '\0'; }
    void skipSpace()
    {
        while (m_pos < m_text.size() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_pos;
    }

    bool value(int depth)
    {
        skipSpace();
        switch (peek()) {
        case '{':
            return container(depth + 1, '}');
        case '[':
            return container(depth + 1, ']');
        case '"': {
            QString ignored;
            return string(&ignored);
        }
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }

    bool container(int depth, char close)
    {
        if (depth > kMaxJsonDepth)
            return fail(QStringLiteral("nests deeper than %1 levels").arg(kMaxJsonDepth));
        const bool isObject = close == '}';
        QSet<QString> names;
        ++m_pos;
        skipSpace();
        if (peek() == close) {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipSpace();
            if (isObject) {
                QString name;
                if (peek() != '"' || !string(&name))
                    return m_problem.isEmpty() ? syntax() : false;
                if (names.contains(name))
                    return fail(QStringLiteral("has a duplicate member %1").arg(quoted(name)));
                names.insert(name);
                skipSpace();
                if (peek() != ':')
                    return syntax();
                ++m_pos;
            }
            if (!value(depth))
                return false;
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
            } else if (peek() == close) {
                ++m_pos;
                return true;
            } else {
                return syntax();
            }
        }
    }

    bool string(QString *out)
    {
        ++m_pos; // the opening quote
        qsizetype run = m_pos;
        const auto flush = [&] {
            out->append(QString::fromUtf8(m_text.constData() + run, m_pos - run));
        };
        while (m_pos < m_text.size()) {
            const auto c = static_cast<unsigned char>(m_text.at(m_pos));
            if (c == '"') {
                flush();
                ++m_pos;
                return true;
            }
            if (c < 0x20)
                return syntax();
            if (c != '\\') {
                ++m_pos;
                continue;
            }
            flush();
            ++m_pos;
            const char escape = peek();
            ++m_pos;
            static constexpr char kSimple[] = "\"\"\\\\//b\bf\fn\nr\rt\t";
            bool simple = false;
            for (int i = 0; kSimple[i] != '\0'; i += 2) {
                if (escape == kSimple[i]) {
                    out->append(QLatin1Char(kSimple[i + 1]));
                    simple = true;
                }
            }
            if (!simple) {
                if (escape != 'u' || m_pos + 4 > m_text.size())
                    return syntax();
                char16_t unit = 0;
                for (int i = 0; i < 4; ++i) {
                    const char h = m_text.at(m_pos + i);
                    const int hex = (h >= '0' && h <= '9')   ? h - '0'
                                    : (h >= 'a' && h <= 'f') ? h - 'a' + 10
                                    : (h >= 'A' && h <= 'F') ? h - 'A' + 10
                                                             : -1;
                    if (hex < 0)
                        return syntax();
                    unit = static_cast<char16_t>(unit * 16 + hex);
                }
                out->append(QChar(unit));
                m_pos += 4;
            }
            run = m_pos;
        }
        return syntax();
    }

    bool literal(const char *word)
    {
        const QByteArray expected(word);
        if (m_text.mid(m_pos, expected.size()) != expected)
            return syntax();
        m_pos += expected.size();
        return true;
    }

    bool digits()
    {
        const qsizetype start = m_pos;
        while (peek() >= '0' && peek() <= '9')
            ++m_pos;
        return m_pos > start;
    }

    bool number()
    {
        if (peek() == '-')
            ++m_pos;
        if (peek() == '0')
            ++m_pos;
        else if (!digits())
            return syntax();
        if (peek() == '.') {
            ++m_pos;
            if (!digits())
                return syntax();
        }
        if (peek() == 'e' || peek() == 'E') {
            ++m_pos;
            if (peek() == '+' || peek() == '-')
                ++m_pos;
            if (!digits())
                return syntax();
        }
        return true;
    }

    const QByteArray &m_text;
    qsizetype m_pos = 0;
    QString m_problem;
};

} // namespace

namespace jose {

Error invalid(const QString &message)
{
    return makeError(ErrorType::InvalidInput, message);
}

Error internal(const QString &what)
{
    ERR_clear_error();
    return makeError(ErrorType::Internal, QStringLiteral("OpenSSL could not %1").arg(what));
}

QString quoted(const QString &text)
{
    bool plain = !text.isEmpty() && text.size() <= 40;
    for (const QChar c : text)
        plain = plain && c.unicode() >= 0x20 && c.unicode() < 0x7f && c != u'"' && c != u'\\';
    return plain ? QString(QLatin1Char('"') % text % QLatin1Char('"')) : QStringLiteral("(not shown)");
}

Result<QJsonObject> strictObject(const QByteArray &json, const QString &subject)
{
    const QString problem = JsonScanner(json).scan();
    if (!problem.isEmpty())
        return invalid(subject % QLatin1Char(' ') % problem);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return invalid(subject % QStringLiteral(" is not valid JSON: ") % error.errorString());
    return document.object();
}

} // namespace jose

// ---- Free functions ------------------------------------------------------------------------------

QString keyTypeId(KeyType type)
{
    switch (type) {
    case KeyType::Rsa2048:
        return QStringLiteral("rsa");
    case KeyType::Rsa3072:
        return QStringLiteral("rsa3072");
    case KeyType::Rsa4096:
        return QStringLiteral("rsa4096");
    case KeyType::EcP256:
        return QStringLiteral("ec");
    case KeyType::EcP384:
        return QStringLiteral("ec384");
    }
    return {};
}

std::optional<KeyType> parseKeyTypeId(const QString &id)
{
    for (const KeyType type :
         {KeyType::Rsa2048, KeyType::Rsa3072, KeyType::Rsa4096, KeyType::EcP256, KeyType::EcP384}) {
        if (keyTypeId(type) == id)
            return type;
    }
    return std::nullopt;
}

QString keyTypeDisplayName(KeyType type)
{
    switch (type) {
    case KeyType::Rsa2048:
        return QStringLiteral("RSA 2048");
    case KeyType::Rsa3072:
        return QStringLiteral("RSA 3072");
    case KeyType::Rsa4096:
        return QStringLiteral("RSA 4096");
    case KeyType::EcP256:
        return QStringLiteral("EC P-256");
    case KeyType::EcP384:
        return QStringLiteral("EC P-384");
    }
    return {};
}

QByteArray base64UrlEncode(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> base64UrlDecode(const QByteArray &text)
{
    if (text.size() % 4 == 1)
        return std::nullopt;
    for (const char c : text) {
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
              c == '_'))
            return std::nullopt;
    }
    auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::Base64UrlEncoding |
                                                            QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return std::move(decoded.decoded);
}

Result<QJsonObject> parseStrictJsonObject(const QByteArray &json)
{
    return strictObject(json, QStringLiteral("the JSON"));
}

const QStringList &acceptedSignatureAlgorithms()
{
    static const QStringList algorithms{QStringLiteral("RS256"), QStringLiteral("RS384"),
                                        QStringLiteral("RS512"), QStringLiteral("ES256"),
                                        QStringLiteral("ES384"), QStringLiteral("ES512")};
    return algorithms;
}

Result<QByteArray> Key::signCompact(const QString &alg, const QByteArray &payload,
                                    const QJsonObject &extraHeader) const
{
    if (!m_data)
        return invalid(QStringLiteral("there is no key to sign with"));
    if (!hasPrivate())
        return invalid(QStringLiteral("the key is a public key; signing needs its private part"));
    if (!supportsAlgorithm(alg))
        return invalid(QStringLiteral("the %1 key cannot sign %2; it signs %3")
                           .arg(typeDisplayName(), quoted(alg), algorithms().join(QStringLiteral(", "))));
    if (extraHeader.contains(QLatin1String("alg")) || extraHeader.contains(QLatin1String("crit")))
        return invalid(QStringLiteral("the extra JWS header members cannot set \"alg\" or \"crit\""));
    if (!kid().isEmpty() && extraHeader.contains(QLatin1String("kid")) &&
        extraHeader.value(QLatin1String("kid")) != QJsonValue(kid()))
        return invalid(QStringLiteral("the extra JWS header \"kid\" differs from the key's"));

    // The header text in the order alg, kid, extra members; cjose_header_t is a jansson json_t, and
    // jansson keeps insertion order. (cjose_header_set_raw of cjose 0.6.2 refuses scalar values.)
    QByteArray text = "{\"alg\":" + jsonValueText(alg);
    if (!kid().isEmpty())
        text += ",\"kid\":" + jsonValueText(kid());
    for (auto it = extraHeader.begin(); it != extraHeader.end(); ++it) {
        if (it.key() != QLatin1String("kid") || kid().isEmpty())
            text += ',' + jsonValueText(it.key()) + ':' + jsonValueText(it.value());
    }
    text += '}';
    json_error_t jsonError;
    HeaderPtr header(
        json_loadb(text.constData(), static_cast<size_t>(text.size()), JSON_REJECT_DUPLICATES, &jsonError));
    if (!header)
        return makeError(ErrorType::Internal, QStringLiteral("the JWS header could not be built"));
    cjose_err err{};
    JwsPtr jws(cjose_jws_sign(m_data->material->jwk, header.get(),
                              reinterpret_cast<const uint8_t *>(payload.constData()),
                              static_cast<size_t>(payload.size()), &err));
    const char *compact = nullptr;
    if (!jws || !cjose_jws_export(jws.get(), &compact, &err) || !compact) {
        ERR_clear_error();
        return makeError(ErrorType::Internal, QStringLiteral("cjose could not sign the JWS: %1")
                                                  .arg(QString::fromUtf8(err.message ? err.message : "")));
    }
    return QByteArray(compact);
}

// ---- JWS -----------------------------------------------------------------------------------------

Result<Jws> Jws::parse(const QByteArray &compact, qsizetype maxBytes)
{
    if (compact.size() > maxBytes)
        return invalid(QStringLiteral("the assertion is larger than %1 bytes").arg(maxBytes));
    const qsizetype parts = compact.count('.') + 1;
    if (parts != 3)
        return invalid(QStringLiteral("the assertion is not a JWS compact serialisation: it has %1 %2, not 3")
                           .arg(parts)
                           .arg(parts == 1 ? QStringLiteral("part") : QStringLiteral("parts")));
    const qsizetype first = compact.indexOf('.');
    const qsizetype second = compact.indexOf('.', first + 1);
    if (first == 0)
        return invalid(QStringLiteral("the JWS header is empty"));
    const auto header = base64UrlDecode(compact.left(first));
    if (!header)
        return invalid(QStringLiteral("the JWS header is not valid base64url"));
    const auto payload = base64UrlDecode(compact.mid(first + 1, second - first - 1));
    if (!payload)
        return invalid(QStringLiteral("the JWS payload is not valid base64url"));
    const auto signature = base64UrlDecode(compact.mid(second + 1));
    if (!signature)
        return invalid(QStringLiteral("the JWS signature is not valid base64url"));
    auto object = strictObject(*header, QStringLiteral("the JWS header"));
    if (!object)
        return object.error();
    const QJsonValue alg = object->value(QLatin1String("alg"));
    if (alg.isUndefined())
        return invalid(QStringLiteral("the JWS header has no \"alg\""));
    if (!alg.isString())
        return invalid(QStringLiteral("the JWS header \"alg\" is not a string"));
    const QJsonValue kid = object->value(QLatin1String("kid"));
    if (!kid.isUndefined() && !kid.isString())
        return invalid(QStringLiteral("the JWS header \"kid\" is not a string"));
    if (object->contains(QLatin1String("crit")))
        return invalid(QStringLiteral("the JWS header has \"crit\", and no extension is understood"));
    Jws jws;
    jws.header = *object;
    jws.alg = alg.toString();
    jws.kid = kid.toString();
    jws.payload = *payload;
    jws.signingInput = compact.left(second);
    jws.signature = *signature;
    return jws;
}

Result<bool> verifyJws(const Jws &jws, const Key &key)
{
    if (key.isNull())
        return invalid(QStringLiteral("there is no key to check the signature with"));
    if (!acceptedSignatureAlgorithms().contains(jws.alg))
        return invalid(QStringLiteral("the JWS algorithm %1 is not accepted; use one of %2")
                           .arg(quoted(jws.alg), acceptedSignatureAlgorithms().join(QStringLiteral(", "))));
    if (!key.supportsAlgorithm(jws.alg)) {
        const QString needed = jws.alg.startsWith(QLatin1String("RS")) ? QStringLiteral("an RSA key")
                               : jws.alg == QLatin1String("ES256")     ? QStringLiteral("an EC P-256 key")
                               : jws.alg == QLatin1String("ES384")     ? QStringLiteral("an EC P-384 key")
                                                                       : QStringLiteral("an EC P-521 key");
        return invalid(
            QStringLiteral("%1 needs %2, and the key is %3").arg(jws.alg, needed, key.typeDisplayName()));
    }
    const qsizetype expected = key.isRsa() ? (key.bits() + 7) / 8 : 2 * ((key.bits() + 7) / 8);
    if (jws.signature.size() != expected)
        return invalid(
            QStringLiteral("the signature is %1 bytes; %2 with this %3 key makes %4-byte signatures")
                .arg(jws.signature.size())
                .arg(jws.alg, key.typeDisplayName())
                .arg(expected));

    // cjose re-parses the compact form; it gets the signing input and the canonical signature text.
    const QByteArray compact = jws.signingInput + '.' + base64UrlEncode(jws.signature);
    cjose_err err{};
    JwsPtr parsed(cjose_jws_import(compact.constData(), static_cast<size_t>(compact.size()), &err));
    if (!parsed)
        return invalid(QStringLiteral("the JWS could not be read for verification"));
    const char *parsedAlg = cjose_header_get(cjose_jws_get_protected(parsed.get()), CJOSE_HDR_ALG, &err);
    if (!parsedAlg || QLatin1String(parsedAlg) != jws.alg)
        return invalid(QStringLiteral("the JWS header does not match its signing input"));
    const bool verified = cjose_jws_verify(parsed.get(), key.m_data->material->jwk, &err);
    ERR_clear_error();
    if (!verified)
        return invalid(QStringLiteral("the signature does not verify with the key"));
    return true;
}

} // namespace wf::auth
