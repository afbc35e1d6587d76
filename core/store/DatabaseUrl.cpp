#include "store/DatabaseUrl.h"

#include <QUrl>
#include <QUrlQuery>

namespace wf {

namespace {

Error urlError(const QString &reason)
{
    return makeError(ErrorType::InvalidInput, QStringLiteral("the database URL %1: write it as "
                                                             "postgresql://user:password@host:port/database")
                                                  .arg(reason));
}

const QStringList &sslModes()
{
    static const QStringList modes = {QStringLiteral("disable"),   QStringLiteral("allow"),
                                      QStringLiteral("prefer"),    QStringLiteral("require"),
                                      QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    return modes;
}

// The query parameters: sslmode and connect_timeout, each at most once; anything else is refused
// rather than silently ignored.
std::optional<Error> readParameters(const QUrl &url, DatabaseUrl *parsed)
{
    const QUrlQuery query(url);
    QStringList seen;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (seen.contains(key))
            return urlError(QStringLiteral("gives the parameter '%1' twice").arg(key));
        seen.append(key);
        if (key == QLatin1String("sslmode")) {
            if (!sslModes().contains(value))
                return urlError(QStringLiteral("has sslmode '%1' (one of %2)")
                                    .arg(value, sslModes().join(QStringLiteral(", "))));
            parsed->sslMode = value;
        } else if (key == QLatin1String("connect_timeout")) {
            bool ok = false;
            const int seconds = value.toInt(&ok);
            if (!ok || seconds < 1 || seconds > 3600)
                return urlError(
                    QStringLiteral("has connect_timeout '%1' (a number of seconds from 1 to 3600)")
                        .arg(value));
            parsed->connectTimeoutSeconds = seconds;
        } else {
            return urlError(
                QStringLiteral("has the unknown parameter '%1' (known: sslmode, connect_timeout)").arg(key));
        }
    }
    return std::nullopt;
}

} // namespace

bool DatabaseUrl::looksLikeUrl(const QString &text)
{
    return text.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive) ||
           text.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    if (!looksLikeUrl(text))
        return urlError(QStringLiteral("must start with postgresql://"));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid()) {
        // QUrl's message quotes the whole URL, password included: keep only its reason.
        const QString reason = url.errorString().section(QLatin1String("; source was"), 0, 0);
        return urlError(QStringLiteral("is malformed (%1)").arg(reason));
    }
    DatabaseUrl parsed;
    parsed.user = url.userName(QUrl::FullyDecoded);
    parsed.password = url.password(QUrl::FullyDecoded);
    parsed.host = url.host(QUrl::FullyDecoded);
    if (parsed.host.isEmpty())
        return urlError(QStringLiteral("names no host"));
    if (parsed.user.isEmpty())
        return urlError(QStringLiteral("names no user"));
    if (url.port() == 0)
        return urlError(QStringLiteral("has port 0 (a port is 1 to 65535)"));
    if (url.port() > 0)
        parsed.port = static_cast<quint16>(url.port());
    // A port that QUrl could not read (not a number, too large) makes the URL invalid above; an
    // empty one after ':', which QUrl drops, is refused here.
    const qsizetype authorityStart = text.indexOf(QLatin1String("://")) + 3;
    qsizetype authorityEnd = text.size();
    for (const QChar end : {QLatin1Char('/'), QLatin1Char('?'), QLatin1Char('#')}) {
        const qsizetype at = text.indexOf(end, authorityStart);
        if (at >= 0)
            authorityEnd = std::min(authorityEnd, at);
    }
    if (text.mid(authorityStart, authorityEnd - authorityStart).endsWith(QLatin1Char(':')))
        return urlError(QStringLiteral("has an empty port"));
    const QString path = url.path(QUrl::FullyDecoded);
    parsed.database = path.startsWith(QLatin1Char('/')) ? path.mid(1) : path;
    if (parsed.database.isEmpty())
        return urlError(QStringLiteral("names no database (the path after the host)"));
    if (parsed.database.contains(QLatin1Char('/')))
        return urlError(QStringLiteral("has a path of more than one part ('%1')").arg(parsed.database));
    if (url.hasFragment())
        return urlError(QStringLiteral("has a fragment ('#...')"));
    if (auto error = readParameters(url, &parsed))
        return *error;
    return parsed;
}

QString DatabaseUrl::masked() const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(user);
    if (!password.isEmpty())
        url.setPassword(QStringLiteral("***"));
    url.setHost(host);
    url.setPort(port);
    url.setPath(QLatin1Char('/') + database);
    QUrlQuery query;
    if (!sslMode.isEmpty())
        query.addQueryItem(QStringLiteral("sslmode"), sslMode);
    if (connectTimeoutSeconds != 5)
        query.addQueryItem(QStringLiteral("connect_timeout"), QString::number(connectTimeoutSeconds));
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

QString DatabaseUrl::connectOptions() const
{
    // Keepalives and a TCP user timeout turn a server that vanished without closing its connections
    // into an error within seconds instead of a request hanging on a dead socket.
    QStringList options = {
        QStringLiteral("connect_timeout=%1").arg(connectTimeoutSeconds),
        QStringLiteral("keepalives=1"),
        QStringLiteral("keepalives_idle=5"),
        QStringLiteral("keepalives_interval=2"),
        QStringLiteral("keepalives_count=3"),
        QStringLiteral("tcp_user_timeout=10000"),
        QStringLiteral("application_name=wfconsole"),
    };
    if (!sslMode.isEmpty())
        options.append(QStringLiteral("sslmode=") + sslMode);
    return options.join(QLatin1Char(';'));
}

} // namespace wf
