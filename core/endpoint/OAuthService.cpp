#include "endpoint/OAuthService.h"

#include <QJsonDocument>
#include <QStringDecoder>
#include <QUrl>

namespace wf {
namespace {

HttpAnswer jsonAnswer(int status, const QJsonObject &body, const QByteArray &cacheControl)
{
    HttpAnswer answer;
    answer.status = status;
    answer.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    answer.headers.append({QByteArrayLiteral("Cache-Control"), cacheControl});
    answer.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return answer;
}

HttpAnswer tokenError(int status, const QString &error, const QString &description)
{
    return jsonAnswer(
        status,
        QJsonObject{{QStringLiteral("error"), error}, {QStringLiteral("error_description"), description}},
        QByteArrayLiteral("no-store"));
}

std::optional<QString> decodeFormComponent(QByteArray text)
{
    text.replace('+', ' ');
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) != '%')
            continue;
        if (i + 2 >= text.size() || !isxdigit(static_cast<unsigned char>(text.at(i + 1))) ||
            !isxdigit(static_cast<unsigned char>(text.at(i + 2))))
            return std::nullopt;
    }
    const QByteArray bytes = QByteArray::fromPercentEncoding(text);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString decoded = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return decoded;
}

} // namespace

Result<QHash<QString, QString>> parseFormFields(const QByteArray &body)
{
    QHash<QString, QString> fields;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const auto name = decodeFormComponent(eq < 0 ? pair : pair.left(eq));
        const auto value = decodeFormComponent(eq < 0 ? QByteArray() : pair.mid(eq + 1));
        if (!name || !value)
            return makeError(
                ErrorType::InvalidInput,
                QStringLiteral("the form is malformed: bad percent-encoding or text that is not UTF-8"));
        if (fields.contains(*name))
            return makeError(ErrorType::InvalidInput,
                             QStringLiteral("the form field %1 is given more than once").arg(name->left(64)));
        fields.insert(*name, *value);
    }
    return fields;
}

std::optional<HttpAnswer> OAuthService::tokenBeforeBody(qint64 contentLength)
{
    if (contentLength <= kMaxFormBytes)
        return std::nullopt;
    return tokenError(400, QStringLiteral("invalid_request"),
                      QStringLiteral("the token request is larger than %1 bytes").arg(kMaxFormBytes));
}

HttpAnswer OAuthService::token(const HttpRequest &request)
{
    const QByteArray contentType = request.header("content-type").split(';').first().trimmed().toLower();
    if (contentType != "application/x-www-form-urlencoded")
        return tokenError(400, QStringLiteral("invalid_request"),
                          QStringLiteral("the token request must be a form: Content-Type "
                                         "application/x-www-form-urlencoded"));
    if (auto tooLarge = tokenBeforeBody(request.body.size()))
        return *tooLarge;
    auto form = parseFormFields(request.body);
    if (!form)
        return tokenError(400, QStringLiteral("invalid_request"), form.error().message);
    const auth::TokenOutcome outcome = m_server.token(*form);
    HttpAnswer answer = jsonAnswer(outcome.status, outcome.body, QByteArrayLiteral("no-store"));
    answer.headers.append({QByteArrayLiteral("Pragma"), QByteArrayLiteral("no-cache")});
    if (outcome.retryAfter > 0)
        answer.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(outcome.retryAfter)});
    return answer;
}

HttpAnswer OAuthService::keys() const
{
    // Short enough that a rotation reaches verifiers long before the old key leaves the set.
    return jsonAnswer(200, m_server.jwks(), QByteArrayLiteral("public, max-age=300"));
}

HttpAnswer OAuthService::discovery(const QByteArray &path) const
{
    return jsonAnswer(200, m_server.discovery(path == kOpenIdConfigurationPath),
                      QByteArrayLiteral("public, max-age=300"));
}

} // namespace wf
