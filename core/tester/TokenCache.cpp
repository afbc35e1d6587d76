#include "tester/TokenCache.h"

#include "auth/Jose.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace wf::tester {

QString TokenCache::keyFor(const TokenRequest &request)
{
    // A JSON array keeps the parts apart whatever characters they hold.
    const QJsonArray parts{request.tokenUrl, request.clientId, request.privateKey.kid(), request.scope};
    return QString::fromUtf8(QJsonDocument(parts).toJson(QJsonDocument::Compact));
}

std::optional<CachedToken> TokenCache::find(const QString &key) const
{
    const auto it = m_tokens.constFind(key);
    if (it == m_tokens.constEnd())
        return std::nullopt;
    if (now() >= it->expiresAt.addSecs(-kExpiryMarginSeconds))
        return std::nullopt;
    return *it;
}

void TokenCache::store(const QString &key, const TokenResult &result)
{
    if (!result.ok || result.accessToken.isEmpty())
        return;
    CachedToken token;
    token.accessToken = result.accessToken;
    token.fetchedAt = now();
    token.expiresAt = token.fetchedAt.addSecs(result.expiresIn);
    token.result = result;
    m_tokens.insert(key, token);
}

void TokenCache::invalidate(const QString &key)
{
    m_tokens.remove(key);
}

void TokenCache::clear()
{
    m_tokens.clear();
}

void TokenCache::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

QDateTime TokenCache::now() const
{
    return m_clock ? m_clock().toUTC() : QDateTime::currentDateTimeUtc();
}

namespace {

Result<QJsonObject> decodeJwtPart(const QByteArray &part, const QString &name)
{
    const auto bytes = auth::base64UrlDecode(part);
    if (!bytes)
        return makeError(ErrorType::InvalidInput, QStringLiteral("the %1 is not valid base64url").arg(name));
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("the %1 is not JSON: %2").arg(name, error.errorString()));
    if (!document.isObject())
        return makeError(ErrorType::InvalidInput, QStringLiteral("the %1 is not a JSON object").arg(name));
    return document.object();
}

} // namespace

Result<DecodedJwt> decodeJwtForDisplay(const QByteArray &jwt)
{
    const QList<QByteArray> parts = jwt.trimmed().split('.');
    if (parts.size() != 3)
        return makeError(
            ErrorType::InvalidInput,
            QStringLiteral("a JWT has three parts separated by dots; this has %1").arg(parts.size()));
    if (!auth::base64UrlDecode(parts.at(2)))
        return makeError(ErrorType::InvalidInput, QStringLiteral("the signature is not valid base64url"));
    auto header = decodeJwtPart(parts.at(0), QStringLiteral("header"));
    if (!header)
        return header.error();
    auto claims = decodeJwtPart(parts.at(1), QStringLiteral("claims part"));
    if (!claims)
        return claims.error();
    return DecodedJwt{*header, *claims};
}

} // namespace wf::tester
