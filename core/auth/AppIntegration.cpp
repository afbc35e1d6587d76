#include "auth/AppIntegration.h"

#include "auth/Jose.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <algorithm>
#include <cstdlib>
#include <openssl/rand.h>

namespace wf::auth {
namespace {

const QLatin1String kClientIdPrefix("0oa");
constexpr int kClientIdRandomLength = 17;
constexpr char kAlphanumerics[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
constexpr int kAlphabetSize = sizeof(kAlphanumerics) - 1; // 62
// Bytes at or above this are drawn again, so that every character is equally likely (248 = 4 × 62).
constexpr int kRejectionLimit = 256 - 256 % kAlphabetSize;

// JWK members that only a private (or symmetric) key has (RFC 7518 §6.2.2, §6.3.2, §6.4.1).
const char *const kPrivateJwkMembers[] = {"d", "p", "q", "dp", "dq", "qi", "oth", "k"};

QString dateTimeText(const QDateTime &dateTime)
{
    return dateTime.toUTC().toString(Qt::ISODateWithMs);
}

QJsonValue dateTimeJson(const QDateTime &dateTime)
{
    return dateTime.isValid() ? QJsonValue(dateTimeText(dateTime)) : QJsonValue(QJsonValue::Null);
}

// Only "yyyy-MM-ddTHH:mm:ss.zzzZ", the form this file writes: a hand edit that drops the zone or the
// milliseconds would otherwise be read as local time or change the file on the next save.
std::optional<QDateTime> parseDateTime(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$"));
    if (!pattern.match(text).hasMatch())
        return std::nullopt;
    const QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid() || dateTimeText(parsed) != text)
        return std::nullopt;
    return parsed.toUTC();
}

// Collects every problem of one object, each named with its owner ("app 'Billing' (0oa…)") and field.
class Reader {
public:
    explicit Reader(QString owner) : m_owner(std::move(owner)) {}

    const QStringList &problems() const { return m_problems; }

    void problem(const QString &field, const QString &what)
    {
        m_problems.append(QStringLiteral("%1: field '%2' %3").arg(m_owner, field, what));
    }

    void onlyMembers(const QJsonObject &o, const QStringList &allowed, const QString &prefix)
    {
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!allowed.contains(it.key()))
                problem(prefix + it.key(), QStringLiteral("is not a known member"));
        }
    }

    // Null when the member is missing (a problem when required) or not of the type.
    QJsonValue member(const QJsonObject &o, const QString &prefix, const QString &key, QJsonValue::Type type,
                      const QString &expected, bool required = true)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) {
            if (required)
                problem(prefix + key, QStringLiteral("is missing"));
            return {};
        }
        if (v.type() != type) {
            problem(prefix + key, QStringLiteral("must be %1").arg(expected));
            return {};
        }
        return v;
    }

    QString text(const QJsonObject &o, const QString &prefix, const QString &key)
    {
        return member(o, prefix, key, QJsonValue::String, QStringLiteral("a string")).toString();
    }

    bool boolean(const QJsonObject &o, const QString &prefix, const QString &key)
    {
        return member(o, prefix, key, QJsonValue::Bool, QStringLiteral("true or false")).toBool();
    }

    QDateTime dateTime(const QJsonObject &o, const QString &prefix, const QString &key, bool nullable)
    {
        const QJsonValue v = o.value(key);
        if (nullable && (v.isUndefined() || v.isNull()))
            return {};
        const QString text = member(o, prefix, key, QJsonValue::String,
                                    nullable ? QStringLiteral("null or an ISO 8601 UTC date-time")
                                             : QStringLiteral("an ISO 8601 UTC date-time"))
                                 .toString();
        if (!o.value(key).isString())
            return {};
        const auto parsed = parseDateTime(text);
        if (!parsed) {
            problem(prefix + key,
                    QStringLiteral("must be an ISO 8601 UTC date-time with milliseconds, such as "
                                   "2024-05-01T09:30:00.000Z (found '%1')")
                        .arg(text));
            return {};
        }
        return *parsed;
    }

    QString kid(const QJsonObject &o, const QString &prefix)
    {
        const QString kid = text(o, prefix, QStringLiteral("kid"));
        if (o.value(QLatin1String("kid")).isString() && !isWellFormedKid(kid))
            problem(
                prefix + QStringLiteral("kid"),
                QStringLiteral("must be 1-%1 printable ASCII characters without spaces").arg(kMaxKidLength));
        return kid;
    }

    // A public JWK whose "kid" is `kid`; the key itself, or null after a problem.
    Key publicJwk(const QJsonObject &o, const QString &prefix, const QString &kid)
    {
        const QString field = prefix + QStringLiteral("publicJwk");
        const QJsonObject jwk = member(o, prefix, QStringLiteral("publicJwk"), QJsonValue::Object,
                                       QStringLiteral("a JSON Web Key object"))
                                    .toObject();
        if (jwk.isEmpty()) {
            if (o.value(QLatin1String("publicJwk")).isObject())
                problem(field, QStringLiteral("is empty"));
            return {};
        }
        for (const char *name : kPrivateJwkMembers) {
            if (jwk.contains(QLatin1String(name))) {
                problem(field, QStringLiteral("holds the private member \"%1\": workspace.json keeps public "
                                              "keys only (private keys belong in the secret store)")
                                   .arg(QLatin1String(name)));
                return {};
            }
        }
        if (jwk.value(QLatin1String("kid")) != QJsonValue(kid)) {
            problem(field + QStringLiteral(".kid"), QStringLiteral("must equal the key's kid '%1'").arg(kid));
            return {};
        }
        auto key = Key::fromJwk(jwk);
        if (!key) {
            problem(field, QStringLiteral("is not a usable public key: %1").arg(key.error().message));
            return {};
        }
        return *key;
    }

private:
    QString m_owner;
    QStringList m_problems;
};

QString appOwner(const QJsonObject &json)
{
    const QString clientId = json.value(QLatin1String("clientId")).toString();
    const QString name = json.value(QLatin1String("name")).toString();
    if (!name.isEmpty() && !clientId.isEmpty())
        return QStringLiteral("app '%1' (%2)").arg(name, clientId);
    if (!clientId.isEmpty())
        return QStringLiteral("app '%1'").arg(clientId);
    if (!name.isEmpty())
        return QStringLiteral("app '%1'").arg(name);
    return QStringLiteral("an app without client id");
}

void readAppKeys(Reader &reader, const QJsonObject &json, AppIntegration &app)
{
    const QJsonArray keys =
        reader.member(json, QString(), QStringLiteral("keys"), QJsonValue::Array, QStringLiteral("an array"))
            .toArray();
    static const QStringList members{QStringLiteral("kid"), QStringLiteral("publicJwk"),
                                     QStringLiteral("active"), QStringLiteral("created")};
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const QString prefix = QStringLiteral("keys[%1].").arg(i);
        if (!keys.at(i).isObject()) {
            reader.problem(QStringLiteral("keys[%1]").arg(i), QStringLiteral("must be an object"));
            continue;
        }
        const QJsonObject o = keys.at(i).toObject();
        reader.onlyMembers(o, members, prefix);
        AppKey key;
        key.kid = reader.kid(o, prefix);
        const Key parsed = reader.publicJwk(o, prefix, key.kid);
        if (!parsed.isNull() && !parsed.type())
            reader.problem(prefix + QStringLiteral("publicJwk"),
                           QStringLiteral("is a %1 key, which an app integration may not hold")
                               .arg(parsed.typeDisplayName()));
        key.publicJwk = o.value(QLatin1String("publicJwk")).toObject();
        key.active = reader.boolean(o, prefix, QStringLiteral("active"));
        key.created = reader.dateTime(o, prefix, QStringLiteral("created"), false);
        if (!key.kid.isEmpty() && app.key(key.kid))
            reader.problem(prefix + QStringLiteral("kid"),
                           QStringLiteral("'%1' is the kid of another key of this app").arg(key.kid));
        app.keys.append(key);
    }
}

} // namespace

const QStringList &knownScopes()
{
    static const QStringList scopes{kInvokeScope};
    return scopes;
}

const AppKey *AppIntegration::key(const QString &kid) const
{
    for (const AppKey &candidate : keys) {
        if (candidate.kid == kid)
            return &candidate;
    }
    return nullptr;
}

int AppIntegration::activeKeyCount() const
{
    return static_cast<int>(
        std::count_if(keys.begin(), keys.end(), [](const AppKey &k) { return k.active; }));
}

QString newClientId()
{
    QString id = kClientIdPrefix;
    unsigned char buffer[32];
    while (id.size() < kClientIdPrefix.size() + kClientIdRandomLength) {
        if (RAND_bytes(buffer, sizeof(buffer)) != 1)
            std::abort(); // no entropy: nothing secure can be made, and nothing should pretend to be
        for (const unsigned char byte : buffer) {
            if (byte >= kRejectionLimit)
                continue;
            id.append(QLatin1Char(kAlphanumerics[byte % kAlphabetSize]));
            if (id.size() == kClientIdPrefix.size() + kClientIdRandomLength)
                break;
        }
    }
    return id;
}

bool isWellFormedKid(const QString &kid)
{
    if (kid.isEmpty() || kid.size() > kMaxKidLength)
        return false;
    return std::all_of(kid.begin(), kid.end(),
                       [](QChar c) { return c.unicode() > 0x20 && c.unicode() < 0x7f; });
}

bool isWellFormedClientId(const QString &clientId)
{
    static const QRegularExpression pattern(QStringLiteral("^0oa[A-Za-z0-9]{17}$"));
    return pattern.match(clientId).hasMatch();
}

QJsonObject appToJson(const AppIntegration &app)
{
    QJsonArray keys;
    for (const AppKey &key : app.keys)
        keys.append(QJsonObject{{QStringLiteral("kid"), key.kid},
                                {QStringLiteral("publicJwk"), key.publicJwk},
                                {QStringLiteral("active"), key.active},
                                {QStringLiteral("created"), dateTimeJson(key.created)}});
    QStringList scopes = app.scopes;
    scopes.sort();
    return QJsonObject{{QStringLiteral("clientId"), app.clientId},
                       {QStringLiteral("name"), app.name},
                       {QStringLiteral("active"), app.active},
                       {QStringLiteral("keys"), keys},
                       {QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)},
                       {QStringLiteral("created"), dateTimeJson(app.created)},
                       {QStringLiteral("tokensRevokedBefore"), dateTimeJson(app.tokensRevokedBefore)}};
}

Result<AppIntegration> appFromJson(const QJsonObject &json)
{
    static const QStringList members{QStringLiteral("clientId"),
                                     QStringLiteral("name"),
                                     QStringLiteral("active"),
                                     QStringLiteral("keys"),
                                     QStringLiteral("scopes"),
                                     QStringLiteral("created"),
                                     QStringLiteral("tokensRevokedBefore")};
    Reader reader(appOwner(json));
    reader.onlyMembers(json, members, QString());
    AppIntegration app;

    app.clientId = reader.text(json, QString(), QStringLiteral("clientId"));
    if (json.value(QLatin1String("clientId")).isString() && !isWellFormedClientId(app.clientId))
        reader.problem(QStringLiteral("clientId"),
                       QStringLiteral("must be \"0oa\" followed by 17 letters or digits"));

    app.name = reader.text(json, QString(), QStringLiteral("name"));
    if (json.value(QLatin1String("name")).isString() &&
        (app.name.isEmpty() || app.name.size() > kMaxAppNameLength || app.name != app.name.trimmed()))
        reader.problem(QStringLiteral("name"),
                       QStringLiteral("must be 1-%1 characters without leading or trailing spaces")
                           .arg(kMaxAppNameLength));

    app.active = reader.boolean(json, QString(), QStringLiteral("active"));
    readAppKeys(reader, json, app);

    const QJsonArray scopes = reader
                                  .member(json, QString(), QStringLiteral("scopes"), QJsonValue::Array,
                                          QStringLiteral("an array of scope names"))
                                  .toArray();
    for (qsizetype i = 0; i < scopes.size(); ++i) {
        const QString field = QStringLiteral("scopes[%1]").arg(i);
        const QString scope = scopes.at(i).toString();
        if (!scopes.at(i).isString())
            reader.problem(field, QStringLiteral("must be a string"));
        else if (!knownScopes().contains(scope))
            reader.problem(field, QStringLiteral("'%1' is not a known scope (known: %2)")
                                      .arg(scope, knownScopes().join(QStringLiteral(", "))));
        else if (app.scopes.contains(scope))
            reader.problem(field, QStringLiteral("'%1' is listed twice").arg(scope));
        else
            app.scopes.append(scope);
    }
    app.scopes.sort();

    app.created = reader.dateTime(json, QString(), QStringLiteral("created"), false);
    app.tokensRevokedBefore = reader.dateTime(json, QString(), QStringLiteral("tokensRevokedBefore"), true);

    if (!reader.problems().isEmpty())
        return makeError(ErrorType::InvalidInput, reader.problems().join(QLatin1Char('\n')));
    return app;
}

QJsonObject signingKeyToJson(const SigningKeyInfo &key)
{
    return QJsonObject{{QStringLiteral("kid"), key.kid},
                       {QStringLiteral("publicJwk"), key.publicJwk},
                       {QStringLiteral("created"), dateTimeJson(key.created)},
                       {QStringLiteral("retired"), dateTimeJson(key.retired)}};
}

Result<SigningKeyInfo> signingKeyFromJson(const QJsonObject &json)
{
    static const QStringList members{QStringLiteral("kid"), QStringLiteral("publicJwk"),
                                     QStringLiteral("created"), QStringLiteral("retired")};
    const QString shownKid = json.value(QLatin1String("kid")).toString();
    Reader reader(shownKid.isEmpty() ? QStringLiteral("a signing key without kid")
                                     : QStringLiteral("signing key '%1'").arg(shownKid));
    reader.onlyMembers(json, members, QString());
    SigningKeyInfo key;
    key.kid = reader.kid(json, QString());
    const Key parsed = reader.publicJwk(json, QString(), key.kid);
    key.publicJwk = json.value(QLatin1String("publicJwk")).toObject();
    if (!parsed.isNull()) {
        if (!parsed.isRsa() || parsed.bits() < 2048)
            reader.problem(QStringLiteral("publicJwk"),
                           QStringLiteral("must be an RSA key of 2048 bits or more "
                                          "(access tokens are signed RS256)"));
        if (key.publicJwk.value(QLatin1String("alg")) != QJsonValue(QStringLiteral("RS256")))
            reader.problem(QStringLiteral("publicJwk.alg"), QStringLiteral("must be \"RS256\""));
        if (key.publicJwk.value(QLatin1String("use")) != QJsonValue(QStringLiteral("sig")))
            reader.problem(QStringLiteral("publicJwk.use"), QStringLiteral("must be \"sig\""));
    }
    key.created = reader.dateTime(json, QString(), QStringLiteral("created"), false);
    key.retired = reader.dateTime(json, QString(), QStringLiteral("retired"), true);
    if (!reader.problems().isEmpty())
        return makeError(ErrorType::InvalidInput, reader.problems().join(QLatin1Char('\n')));
    return key;
}

} // namespace wf::auth
