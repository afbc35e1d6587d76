#include "tester/PreparedRequest.h"

#include "tester/RequestEncoding.h"
#include "tester/TokenClient.h"

#include <algorithm>

namespace wf::tester {
namespace {

Error invalid(const QString &message)
{
    return makeError(ErrorType::InvalidInput, message);
}

QString substituted(const Variables &variables, const QString &text)
{
    // Every name was checked by checkVariables() before, so substitution cannot fail here.
    auto result = variables.substitute(text);
    return result ? std::move(result).value() : text;
}

bool hasLineBreak(const QString &text)
{
    return text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r')) ||
           text.contains(QChar(u'\0'));
}

// The texts of the document that go on the wire: enabled entries only, the body of its mode and the
// auth value its mode uses.
QStringList usedTexts(const RequestDocument &document)
{
    QStringList texts{document.url};
    const auto addEnabled = [&texts](const QList<KeyValue> &list) {
        for (const KeyValue &entry : list) {
            if (entry.enabled)
                texts << entry.name << entry.value;
        }
    };
    addEnabled(document.query);
    addEnabled(document.headers);
    if (document.bodyMode == BodyMode::Json || document.bodyMode == BodyMode::Raw)
        texts << document.body;
    if (document.bodyMode == BodyMode::Form)
        addEnabled(document.form);
    if (document.auth.mode == AuthMode::ClientToken)
        texts << document.auth.clientToken;
    if (document.auth.mode == AuthMode::Bearer)
        texts << document.auth.bearerToken;
    return texts;
}

Result<bool> checkVariables(const QStringList &texts, const Variables &variables)
{
    QStringList unknown;
    for (const QString &text : texts) {
        for (const QString &name : Variables::referencedNames(text)) {
            const QString reference = QStringLiteral("{{%1}}").arg(name);
            if (!variables.contains(name) && !unknown.contains(reference))
                unknown.append(reference);
        }
    }
    if (unknown.isEmpty())
        return true;
    return invalid(
        (unknown.size() == 1 ? QStringLiteral("unknown variable ") : QStringLiteral("unknown variables ")) +
        unknown.join(QStringLiteral(", ")));
}

Result<QByteArray> prepareMethod(const QString &text)
{
    const QByteArray method = text.trimmed().toUpper().toUtf8();
    if (method.isEmpty())
        return invalid(QStringLiteral("the method is empty"));
    if (!isHttpToken(method))
        return invalid(QStringLiteral("'%1' is not a valid HTTP method").arg(text.trimmed()));
    return method;
}

// What the auth mode adds to the request.
struct AuthParts {
    QByteArray queryPair;                     // "clientToken=…"
    std::pair<QByteArray, QByteArray> header; // empty name: none
};

bool hasEnabled(const QList<KeyValue> &list, const Variables &variables, const QString &name,
                Qt::CaseSensitivity cs)
{
    return std::any_of(list.cbegin(), list.cend(), [&](const KeyValue &entry) {
        return entry.enabled && substituted(variables, entry.name).trimmed().compare(name, cs) == 0;
    });
}

Result<QString> authToken(const QString &text, const QString &what)
{
    QString token = text.trimmed();
    if (token.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive))
        token = token.mid(7).trimmed();
    if (token.isEmpty())
        return invalid(QStringLiteral("the %1 is empty").arg(what));
    if (hasLineBreak(token))
        return invalid(QStringLiteral("the %1 contains a line break").arg(what));
    return token;
}

QString authDisplayName(AuthMode mode)
{
    switch (mode) {
    case AuthMode::ClientToken:
        return QStringLiteral("client token");
    case AuthMode::Bearer:
        return QStringLiteral("bearer token");
    case AuthMode::OAuth2:
        return QStringLiteral("OAuth 2.0");
    case AuthMode::None:
        break;
    }
    return QString();
}

Result<AuthParts> prepareAuth(const RequestDocument &document, const Variables &variables,
                              const QByteArray &accessToken)
{
    const RequestAuth &auth = document.auth;
    AuthParts parts;
    QString headerName = QStringLiteral("Authorization");
    Result<QString> token = QString();
    switch (auth.mode) {
    case AuthMode::None:
        return parts;
    case AuthMode::ClientToken:
        token = authToken(substituted(variables, auth.clientToken), QStringLiteral("client token"));
        headerName = QStringLiteral("x-api-client-token");
        if (token && auth.placement == ClientTokenPlacement::Query) {
            if (hasEnabled(document.query, variables, QStringLiteral("clientToken"), Qt::CaseSensitive))
                return invalid(QStringLiteral("the query parameter clientToken is set by hand and by the "
                                              "client token auth; remove one"));
            parts.queryPair = QByteArrayLiteral("clientToken=") + encodeQueryComponent(*token);
            return parts;
        }
        break;
    case AuthMode::Bearer:
        token = authToken(substituted(variables, auth.bearerToken), QStringLiteral("bearer token"));
        break;
    case AuthMode::OAuth2:
        token = authToken(QString::fromUtf8(accessToken), QStringLiteral("access token (get a token first)"));
        break;
    }
    if (!token)
        return token.error();
    if (hasEnabled(document.headers, variables, headerName, Qt::CaseInsensitive))
        return invalid(QStringLiteral("the header %1 is set by hand and by the %2 auth; remove one")
                           .arg(headerName, authDisplayName(auth.mode)));
    const QByteArray value =
        auth.mode == AuthMode::ClientToken ? token->toUtf8() : "Bearer " + token->toUtf8();
    parts.header = {headerName.toUtf8(), value};
    return parts;
}

Result<QUrl> prepareUrl(const RequestDocument &document, const Variables &variables, const AuthParts &auth)
{
    const QString text = substituted(variables, document.url).trimmed();
    if (text.isEmpty())
        return invalid(QStringLiteral("the URL is empty"));
    QUrl url(text, QUrl::TolerantMode);
    if (!url.isValid())
        return invalid(QStringLiteral("'%1' is not a valid URL: %2").arg(text, url.errorString()));
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return invalid(QStringLiteral("the URL '%1' must start with http:// or https://").arg(text));
    if (url.host().isEmpty())
        return invalid(QStringLiteral("the URL '%1' has no host").arg(text));
    QByteArrayList pairs;
    for (qsizetype i = 0; i < document.query.size(); ++i) {
        const KeyValue &parameter = document.query.at(i);
        if (!parameter.enabled)
            continue;
        const QString name = substituted(variables, parameter.name);
        if (name.trimmed().isEmpty())
            return invalid(QStringLiteral("query parameter %1: name is empty").arg(i + 1));
        pairs.append(encodeQueryComponent(name) + '=' +
                     encodeQueryComponent(substituted(variables, parameter.value)));
    }
    if (!auth.queryPair.isEmpty())
        pairs.append(auth.queryPair);
    if (!pairs.isEmpty()) {
        const QString existing = url.query(QUrl::FullyEncoded);
        const QByteArray added = pairs.join('&');
        url.setQuery(existing.isEmpty() ? QString::fromLatin1(added)
                                        : existing + QLatin1Char('&') + QString::fromLatin1(added),
                     QUrl::TolerantMode);
        if (!url.isValid())
            return invalid(QStringLiteral("the query makes the URL invalid: %1").arg(url.errorString()));
    }
    if (url.toEncoded().size() > kMaxUrlChars)
        return invalid(QStringLiteral("the URL is longer than %1 characters").arg(kMaxUrlChars));
    return url;
}

Result<HeaderList> prepareHeaders(const RequestDocument &document, const Variables &variables)
{
    HeaderList headers;
    for (qsizetype i = 0; i < document.headers.size(); ++i) {
        const KeyValue &header = document.headers.at(i);
        if (!header.enabled)
            continue;
        const QString name = substituted(variables, header.name).trimmed();
        const QString value = substituted(variables, header.value).trimmed();
        if (name.isEmpty())
            return invalid(QStringLiteral("header %1: name is empty").arg(i + 1));
        if (!isHttpToken(name.toUtf8()))
            return invalid(QStringLiteral("header %1: '%2' is not a valid header name").arg(i + 1).arg(name));
        if (hasLineBreak(value))
            return invalid(
                QStringLiteral("header %1 (%2): the value contains a line break").arg(i + 1).arg(name));
        if (name.compare(QLatin1String("Content-Length"), Qt::CaseInsensitive) == 0 ||
            name.compare(QLatin1String("Transfer-Encoding"), Qt::CaseInsensitive) == 0)
            return invalid(
                QStringLiteral("header %1: %2 is computed from the body; remove it").arg(i + 1).arg(name));
        headers.append({name.toUtf8(), value.toUtf8()});
    }
    return headers;
}

Result<QByteArray> prepareBody(const RequestDocument &document, const Variables &variables)
{
    switch (document.bodyMode) {
    case BodyMode::None:
        return QByteArray();
    case BodyMode::Raw:
        return substituted(variables, document.body).toUtf8();
    case BodyMode::Json: {
        const QString text = substituted(variables, document.body);
        if (text.trimmed().isEmpty())
            return invalid(QStringLiteral("the JSON body is empty"));
        if (const QString error = jsonSyntaxError(text); !error.isEmpty())
            return invalid(QStringLiteral("the JSON body does not parse: ") + error);
        return text.toUtf8();
    }
    case BodyMode::Form:
        break;
    }
    QList<std::pair<QString, QString>> fields;
    for (qsizetype i = 0; i < document.form.size(); ++i) {
        const KeyValue &field = document.form.at(i);
        if (!field.enabled)
            continue;
        const QString name = substituted(variables, field.name);
        if (name.trimmed().isEmpty())
            return invalid(QStringLiteral("form field %1: name is empty").arg(i + 1));
        fields.append({name, substituted(variables, field.value)});
    }
    return formEncode(fields);
}

QByteArray defaultContentType(BodyMode mode)
{
    switch (mode) {
    case BodyMode::Json:
        return QByteArrayLiteral("application/json");
    case BodyMode::Form:
        return QByteArrayLiteral("application/x-www-form-urlencoded");
    case BodyMode::Raw:
        return QByteArrayLiteral("text/plain; charset=utf-8");
    case BodyMode::None:
        break;
    }
    return {};
}

void addSecret(QList<SecretValue> *secrets, const QByteArray &value, const QByteArray &placeholder)
{
    const bool known = std::any_of(secrets->cbegin(), secrets->cend(),
                                   [&value](const SecretValue &secret) { return secret.value == value; });
    if (!value.isEmpty() && !known)
        secrets->append(SecretValue{value, placeholder});
}

void addHeaderSecret(QList<SecretValue> *secrets, const QByteArray &name, const QByteArray &value)
{
    const QByteArray lower = name.toLower();
    if (lower == "x-api-client-token") {
        addSecret(secrets, value, QByteArrayLiteral("{{clientToken}}"));
    } else if (lower == "cookie") {
        addSecret(secrets, value, QByteArrayLiteral("<cookie>"));
    } else if (lower == "authorization" || lower == "proxy-authorization") {
        const auto space = value.indexOf(' ');
        if (space < 0) {
            addSecret(secrets, value, QByteArrayLiteral("<credentials>"));
            return;
        }
        const bool bearer = value.left(space).toLower() == "bearer";
        addSecret(secrets, value.mid(space + 1).trimmed(),
                  bearer ? QByteArrayLiteral("<access token>") : QByteArrayLiteral("<credentials>"));
    }
}

// The secrets in the prepared request: values of secret variables, then the client token in the
// query, then the values of the credential headers, each once. They are found in what is sent, not
// in how the document set them, so a request reads back from cURL with the same secrets.
QList<SecretValue> findSecrets(const QStringList &texts, const Variables &variables,
                               const PreparedRequest &request)
{
    QList<SecretValue> secrets;
    for (const QString &text : texts) {
        for (const QString &name : Variables::referencedNames(text)) {
            if (variables.isSecret(name))
                addSecret(&secrets, variables.value(name).toUtf8(),
                          QStringLiteral("{{%1}}").arg(name).toUtf8());
        }
    }
    for (const QByteArray &pair : request.url.query(QUrl::FullyEncoded).toLatin1().split('&')) {
        const auto equals = pair.indexOf('=');
        if (equals > 0 && QByteArray::fromPercentEncoding(pair.left(equals)) == "clientToken")
            addSecret(&secrets, QByteArray::fromPercentEncoding(pair.mid(equals + 1)),
                      QByteArrayLiteral("{{clientToken}}"));
    }
    for (const auto &[name, value] : request.headers)
        addHeaderSecret(&secrets, name, value);
    return secrets;
}

} // namespace

Result<PreparedRequest> prepareRequest(const RequestDocument &document, const Variables &variables,
                                       const QByteArray &accessToken)
{
    const QStringList texts = usedTexts(document);
    if (auto checked = checkVariables(texts, variables); !checked)
        return checked.error();
    PreparedRequest request;
    auto method = prepareMethod(document.method);
    if (!method)
        return method.error();
    request.method = *method;
    auto auth = prepareAuth(document, variables, accessToken);
    if (!auth)
        return auth.error();
    auto url = prepareUrl(document, variables, *auth);
    if (!url)
        return url.error();
    request.url = *url;
    auto headers = prepareHeaders(document, variables);
    if (!headers)
        return headers.error();
    request.headers = *headers;
    auto body = prepareBody(document, variables);
    if (!body)
        return body.error();
    request.body = *body;
    if (request.method == "HEAD" && !request.body.isEmpty())
        return invalid(QStringLiteral("a HEAD request cannot have a body"));
    const bool typed = std::any_of(request.headers.cbegin(), request.headers.cend(), [](const auto &header) {
        return header.first.toLower() == "content-type";
    });
    if (!typed && document.bodyMode != BodyMode::None)
        request.headers.append({QByteArrayLiteral("Content-Type"), defaultContentType(document.bodyMode)});
    if (!auth->header.first.isEmpty())
        request.headers.append(auth->header);
    request.secrets = findSecrets(texts, variables, request);
    return request;
}

PreparedRequest withSecretsMasked(const PreparedRequest &request)
{
    PreparedRequest masked = request;
    masked.secrets.clear();
    masked.url = QUrl::fromEncoded(maskSecrets(request.url.toEncoded(), request.secrets, MaskTarget::Url),
                                   QUrl::TolerantMode);
    for (auto &header : masked.headers)
        header.second = maskSecrets(header.second, request.secrets, MaskTarget::Text);
    masked.body = maskSecrets(request.body, request.secrets, MaskTarget::Body);
    return masked;
}

QString maskedUrlText(const PreparedRequest &request)
{
    QByteArray text = withSecretsMasked(request).url.toEncoded();
    // The placeholders are for people: show "{{clientToken}}", not "%7B%7BclientToken%7D%7D".
    for (const SecretValue &secret : request.secrets)
        text.replace(QUrl::toPercentEncoding(QString::fromUtf8(secret.placeholder)), secret.placeholder);
    return QString::fromUtf8(text);
}

} // namespace wf::tester
