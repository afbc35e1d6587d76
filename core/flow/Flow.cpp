#include "flow/Flow.h"

namespace wf {

Binding Binding::fromConstant(QJsonValue value)
{
    Binding binding;
    binding.kind = Kind::Constant;
    binding.constant = std::move(value);
    return binding;
}

bool Binding::parseReference(const QString &reference, Binding *out)
{
    const QStringList parts = reference.split(QLatin1Char('.'));
    if (parts.size() < 2)
        return false;
    for (const QString &part : parts) {
        if (part.isEmpty())
            return false;
    }
    out->kind = Kind::Reference;
    out->reference = reference;
    out->sourceCard = parts.first();
    out->path = parts.mid(1);
    out->constant = QJsonValue(QJsonValue::Null);
    return true;
}

const InputBinding *CardNode::findInput(const QString &inputName) const
{
    for (const auto &input : inputs) {
        if (input.name == inputName)
            return &input;
    }
    return nullptr;
}

QString securityLevelId(SecurityLevel level)
{
    switch (level) {
    case SecurityLevel::ClientToken:
        return QStringLiteral("clientToken");
    case SecurityLevel::OAuth2:
        return QStringLiteral("oauth2");
    case SecurityLevel::None:
        break;
    }
    return QStringLiteral("none");
}

std::optional<SecurityLevel> parseSecurityLevel(const QString &id)
{
    if (id == QLatin1String("none"))
        return SecurityLevel::None;
    if (id == QLatin1String("clientToken"))
        return SecurityLevel::ClientToken;
    if (id == QLatin1String("oauth2"))
        return SecurityLevel::OAuth2;
    return std::nullopt;
}

QString securityLevelDisplayName(SecurityLevel level)
{
    switch (level) {
    case SecurityLevel::ClientToken:
        return QStringLiteral("Secure with client token");
    case SecurityLevel::OAuth2:
        return QStringLiteral("Secure with OAuth 2.0");
    case SecurityLevel::None:
        break;
    }
    return QStringLiteral("None (public service)");
}

} // namespace wf
