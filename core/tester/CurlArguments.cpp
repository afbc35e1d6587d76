#include "tester/CurlArguments.h"

#include "tester/RequestEncoding.h"
#include "tester/TokenClient.h"

#include <QHash>
#include <QRegularExpression>
#include <algorithm>
#include <optional>

namespace wf::tester {
namespace {

Error refused(const QString &message)
{
    return makeError(ErrorType::InvalidInput, message);
}

// Long names of the short options this reader knows.
const QHash<char, QString> &shortOptions()
{
    static const QHash<char, QString> options{
        {'X', QStringLiteral("request")},      {'H', QStringLiteral("header")},
        {'d', QStringLiteral("data")},         {'u', QStringLiteral("user")},
        {'A', QStringLiteral("user-agent")},   {'e', QStringLiteral("referer")},
        {'b', QStringLiteral("cookie")},       {'o', QStringLiteral("output")},
        {'m', QStringLiteral("max-time")},     {'w', QStringLiteral("write-out")},
        {'D', QStringLiteral("dump-header")},  {'G', QStringLiteral("get")},
        {'I', QStringLiteral("head")},         {'s', QStringLiteral("silent")},
        {'S', QStringLiteral("show-error")},   {'v', QStringLiteral("verbose")},
        {'i', QStringLiteral("include")},      {'L', QStringLiteral("location")},
        {'k', QStringLiteral("insecure")},     {'f', QStringLiteral("fail")},
        {'g', QStringLiteral("globoff")},      {'N', QStringLiteral("no-buffer")},
        {'#', QStringLiteral("progress-bar")}, {'O', QStringLiteral("remote-name")},
        {'4', QStringLiteral("ipv4")},         {'6', QStringLiteral("ipv6")},
        {'F', QStringLiteral("form")},         {'T', QStringLiteral("upload-file")},
    };
    return options;
}

// Options whose value shapes the request.
const QStringList &requestValueOptions()
{
    static const QStringList names{
        QStringLiteral("request"),
        QStringLiteral("header"),
        QStringLiteral("data"),
        QStringLiteral("data-raw"),
        QStringLiteral("data-binary"),
        QStringLiteral("data-ascii"),
        QStringLiteral("data-urlencode"),
        QStringLiteral("json"),
        QStringLiteral("user"),
        QStringLiteral("user-agent"),
        QStringLiteral("referer"),
        QStringLiteral("cookie"),
        QStringLiteral("url"),
        QStringLiteral("oauth2-bearer"),
    };
    return names;
}

// Options about the transfer or the output, not the request: accepted and ignored.
const QStringList &ignoredValueOptions()
{
    static const QStringList names{
        QStringLiteral("output"),
        QStringLiteral("max-time"),
        QStringLiteral("connect-timeout"),
        QStringLiteral("write-out"),
        QStringLiteral("retry"),
        QStringLiteral("retry-delay"),
        QStringLiteral("retry-max-time"),
        QStringLiteral("max-redirs"),
        QStringLiteral("dump-header"),
        QStringLiteral("stderr"),
        QStringLiteral("trace"),
        QStringLiteral("trace-ascii"),
        QStringLiteral("limit-rate"),
        QStringLiteral("keepalive-time"),
        QStringLiteral("expect100-timeout"),
    };
    return names;
}

const QStringList &ignoredFlags()
{
    static const QStringList names{
        QStringLiteral("silent"),       QStringLiteral("show-error"),
        QStringLiteral("verbose"),      QStringLiteral("include"),
        QStringLiteral("location"),     QStringLiteral("location-trusted"),
        QStringLiteral("insecure"),     QStringLiteral("compressed"),
        QStringLiteral("fail"),         QStringLiteral("fail-with-body"),
        QStringLiteral("globoff"),      QStringLiteral("path-as-is"),
        QStringLiteral("no-buffer"),    QStringLiteral("http1.1"),
        QStringLiteral("http2"),        QStringLiteral("http2-prior-knowledge"),
        QStringLiteral("progress-bar"), QStringLiteral("no-progress-meter"),
        QStringLiteral("remote-name"),  QStringLiteral("no-keepalive"),
        QStringLiteral("tcp-nodelay"),  QStringLiteral("ipv4"),
        QStringLiteral("ipv6"),         QStringLiteral("ssl-no-revoke"),
        QStringLiteral("basic"),        QStringLiteral("no-sessionid"),
        QStringLiteral("raw"),
    };
    return names;
}

// Reads the arguments one option at a time into a CurlArguments.
class ArgumentReader final {
public:
    explicit ArgumentReader(const QStringList &words) : m_words(words) {}
    Result<CurlArguments> run();

private:
    std::optional<Error> readWord(const QString &word);
    std::optional<Error> readShortCluster(const QString &word);
    std::optional<Error> option(const QString &name, const QString &shown, const QString &attached);
    std::optional<Error> apply(const QString &name, const QString &shown, const QString &value);
    std::optional<Error> addHeader(const QString &text);
    std::optional<Error> addData(const QString &name, const QString &shown, const QString &value);
    std::optional<Error> setUrl(const QString &url);

    const QStringList &m_words;
    qsizetype m_next = 0;
    CurlArguments m_result;
};

Result<CurlArguments> ArgumentReader::run()
{
    while (m_next < m_words.size()) {
        if (auto error = readWord(m_words.at(m_next++)))
            return *error;
    }
    return m_result;
}

std::optional<Error> ArgumentReader::readWord(const QString &word)
{
    if (word.startsWith(QLatin1String("--")) && word.size() > 2)
        return option(word.mid(2), word, QString());
    if (word.startsWith(QLatin1Char('-')) && word.size() > 1)
        return readShortCluster(word);
    return setUrl(word);
}

// "-sSL", "-XPOST", "-sX POST": flags, then at most one option with its value attached or next.
std::optional<Error> ArgumentReader::readShortCluster(const QString &word)
{
    for (qsizetype i = 1; i < word.size(); ++i) {
        const QChar c = word.at(i);
        const QString shown = QStringLiteral("-") + c;
        const auto name = shortOptions().constFind(c.toLatin1());
        if (c.unicode() > 127 || name == shortOptions().cend())
            return refused(QStringLiteral("unknown curl option %1").arg(shown));
        const bool takesValue =
            requestValueOptions().contains(*name) || ignoredValueOptions().contains(*name);
        if (takesValue || *name == QLatin1String("form") || *name == QLatin1String("upload-file"))
            return option(*name, shown, word.mid(i + 1));
        if (auto error = option(*name, shown, QString()))
            return error;
    }
    return std::nullopt;
}

std::optional<Error> ArgumentReader::option(const QString &name, const QString &shown,
                                            const QString &attached)
{
    if (name == QLatin1String("form") || name == QLatin1String("upload-file"))
        return refused(QStringLiteral("%1 sends a file or a multipart form, which the tester does not do; "
                                      "use a JSON, form or raw body")
                           .arg(shown));
    if (name == QLatin1String("get")) {
        m_result.get = true;
        return std::nullopt;
    }
    if (name == QLatin1String("head")) {
        m_result.head = true;
        return std::nullopt;
    }
    if (ignoredFlags().contains(name))
        return std::nullopt;
    const bool used = requestValueOptions().contains(name);
    if (!used && !ignoredValueOptions().contains(name))
        return refused(QStringLiteral("unknown curl option %1").arg(shown));
    QString value = attached;
    if (value.isEmpty()) {
        if (m_next >= m_words.size())
            return refused(QStringLiteral("the curl option %1 needs a value").arg(shown));
        value = m_words.at(m_next++);
    }
    return used ? apply(name, shown, value) : std::nullopt;
}

std::optional<Error> ArgumentReader::apply(const QString &name, const QString &shown, const QString &value)
{
    if (name == QLatin1String("request")) {
        m_result.method = value;
    } else if (name == QLatin1String("header")) {
        return addHeader(value);
    } else if (name.startsWith(QLatin1String("data")) || name == QLatin1String("json")) {
        return addData(name, shown, value);
    } else if (name == QLatin1String("user")) {
        if (!value.contains(QLatin1Char(':')))
            return refused(
                QStringLiteral("%1 needs user:password (curl would ask for the password)").arg(shown));
        m_result.headers.append(
            KeyValue{QStringLiteral("Authorization"),
                     QStringLiteral("Basic ") + QString::fromLatin1(value.toUtf8().toBase64()), true});
    } else if (name == QLatin1String("user-agent")) {
        m_result.headers.append(KeyValue{QStringLiteral("User-Agent"), value, true});
    } else if (name == QLatin1String("referer")) {
        QString referer = value;
        if (referer.endsWith(QLatin1String(";auto")))
            referer.chop(5);
        if (!referer.isEmpty())
            m_result.headers.append(KeyValue{QStringLiteral("Referer"), referer, true});
    } else if (name == QLatin1String("cookie")) {
        if (!value.contains(QLatin1Char('=')))
            return refused(QStringLiteral("%1 %2 reads cookies from a file; paste the cookies as name=value")
                               .arg(shown, value));
        m_result.headers.append(KeyValue{QStringLiteral("Cookie"), value, true});
    } else if (name == QLatin1String("oauth2-bearer")) {
        m_result.headers.append(
            KeyValue{QStringLiteral("Authorization"), QStringLiteral("Bearer ") + value, true});
    } else if (name == QLatin1String("url")) {
        return setUrl(value);
    }
    return std::nullopt;
}

// "Name: value"; "Name;" sends an empty value; "Name:" only stops curl sending its own header.
std::optional<Error> ArgumentReader::addHeader(const QString &text)
{
    if (text.startsWith(QLatin1Char('@')))
        return refused(QStringLiteral("-H %1 reads headers from a file; paste the headers").arg(text));
    const auto colon = text.indexOf(QLatin1Char(':'));
    QString name;
    QString value;
    if (colon >= 0) {
        name = text.left(colon).trimmed();
        value = text.mid(colon + 1).trimmed();
        if (value.isEmpty() && !name.isEmpty())
            return std::nullopt;
    } else if (text.trimmed().endsWith(QLatin1Char(';'))) {
        name = text.trimmed().chopped(1).trimmed();
    }
    if (name.isEmpty())
        return refused(QStringLiteral("the header '%1' is not 'Name: value'").arg(text));
    m_result.headers.append(KeyValue{name, value, true});
    return std::nullopt;
}

// curl's --data-urlencode forms: "content", "=content", "name=content" (the content encoded);
// "@file" and "name@file" read a file.
Result<QByteArray> urlencodedData(const QString &value)
{
    auto split = value.indexOf(QLatin1Char('='));
    if (split < 0)
        split = value.indexOf(QLatin1Char('@'));
    if (split >= 0 && value.at(split) == QLatin1Char('@'))
        return refused(QStringLiteral("--data-urlencode %1 reads a file; paste the data itself").arg(value));
    if (split < 0)
        return value.toUtf8().toPercentEncoding();
    const QByteArray encoded = value.mid(split + 1).toUtf8().toPercentEncoding();
    return split == 0 ? encoded : value.left(split).toUtf8() + '=' + encoded;
}

std::optional<Error> ArgumentReader::addData(const QString &name, const QString &shown, const QString &value)
{
    if (name == QLatin1String("data-urlencode")) {
        auto encoded = urlencodedData(value);
        if (!encoded)
            return encoded.error();
        m_result.data.append({*encoded, false});
        return std::nullopt;
    }
    if (name != QLatin1String("data-raw") && value.startsWith(QLatin1Char('@')))
        return refused(QStringLiteral("%1 %2 reads a file; paste the data itself (or use --data-raw for "
                                      "data that starts with @)")
                           .arg(shown, value));
    m_result.data.append({value.toUtf8(), name == QLatin1String("json")});
    return std::nullopt;
}

std::optional<Error> ArgumentReader::setUrl(const QString &url)
{
    if (!m_result.url.isEmpty())
        return refused(
            QStringLiteral("the command has more than one URL ('%1' and '%2'); the tester sends one "
                           "request")
                .arg(m_result.url, url));
    m_result.url = url;
    return std::nullopt;
}

qsizetype lastIndexOfHeader(const QList<KeyValue> &headers, const QString &name)
{
    for (qsizetype i = headers.size() - 1; i >= 0; --i) {
        if (headers.at(i).name.compare(name, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

QByteArray joinedData(const QList<CurlArguments::Data> &data)
{
    QByteArray joined;
    for (qsizetype i = 0; i < data.size(); ++i) {
        if (i > 0 && !(data.at(i).json && data.at(i - 1).json))
            joined += '&';
        joined += data.at(i).text;
    }
    return joined;
}

QString defaultMethod(const CurlArguments &arguments)
{
    if (!arguments.method.isEmpty())
        return arguments.method;
    if (arguments.head)
        return QStringLiteral("HEAD");
    return !arguments.data.isEmpty() && !arguments.get ? QStringLiteral("POST") : QStringLiteral("GET");
}

// The URL without its fragment (curl does not send it), the query split into parameters when that
// changes nothing on the wire.
void setUrlAndQuery(RequestDocument *document, QString url, const QByteArray &getData)
{
    if (!url.contains(QLatin1String("://")))
        url.prepend(QStringLiteral("http://")); // what curl assumes
    if (const auto hash = url.indexOf(QLatin1Char('#')); hash >= 0)
        url.truncate(hash);
    if (!getData.isEmpty())
        url += (url.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?')) +
               QString::fromUtf8(getData);
    const auto question = url.indexOf(QLatin1Char('?'));
    document->url = url;
    if (question < 0)
        return;
    if (const auto query = splitQueryExactly(url.mid(question + 1).toUtf8()); query && !query->isEmpty()) {
        document->url = url.left(question);
        document->query = *query;
    }
}

QString mediaType(const QString &contentType)
{
    return contentType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
}

void setBody(RequestDocument *document, const QByteArray &data)
{
    const qsizetype typeIndex = lastIndexOfHeader(document->headers, QStringLiteral("Content-Type"));
    const QString type = typeIndex >= 0 ? mediaType(document->headers.at(typeIndex).value) : QString();
    const QString text = QString::fromUtf8(data);
    document->bodyMode = BodyMode::Raw;
    document->body = text;
    const bool jsonType = type == QLatin1String("application/json") || type.endsWith(QLatin1String("+json"));
    if (jsonType && jsonSyntaxError(text).isEmpty()) {
        document->bodyMode = BodyMode::Json;
    } else if (type == QLatin1String("application/x-www-form-urlencoded")) {
        const auto fields = parseForm(data);
        QList<std::pair<QString, QString>> pairs;
        for (const KeyValue &field : fields.value_or(QList<KeyValue>()))
            pairs.append({field.name, field.value});
        if (fields && !fields->isEmpty() && formEncode(pairs) == data) {
            document->bodyMode = BodyMode::Form;
            document->form = *fields;
            document->body.clear();
        }
    }
}

// A credential the tester sends by itself from its auth settings. Only the last header or query
// parameter is taken, because that is where the tester puts it: the request stays the same.
void takeAuth(RequestDocument *document)
{
    static const QRegularExpression bearer(QStringLiteral("^Bearer +([^ ]+)$"),
                                           QRegularExpression::CaseInsensitiveOption);
    const auto plain = [](const QString &token) {
        return !token.isEmpty() && token == token.trimmed() &&
               !token.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive);
    };
    if (!document->headers.isEmpty()) {
        const KeyValue last = document->headers.constLast();
        const QRegularExpressionMatch match = bearer.match(last.value);
        if (last.name.compare(QLatin1String("Authorization"), Qt::CaseInsensitive) == 0 && match.hasMatch() &&
            plain(match.captured(1))) {
            document->auth.mode = AuthMode::Bearer;
            document->auth.bearerToken = match.captured(1);
            document->headers.removeLast();
            return;
        }
        if (last.name.compare(QLatin1String("x-api-client-token"), Qt::CaseInsensitive) == 0 &&
            plain(last.value)) {
            document->auth.mode = AuthMode::ClientToken;
            document->auth.placement = ClientTokenPlacement::Header;
            document->auth.clientToken = last.value;
            document->headers.removeLast();
            return;
        }
    }
    if (!document->query.isEmpty() && document->query.constLast().name == QLatin1String("clientToken") &&
        plain(document->query.constLast().value)) {
        document->auth.mode = AuthMode::ClientToken;
        document->auth.placement = ClientTokenPlacement::Query;
        document->auth.clientToken = document->query.takeLast().value;
    }
}

// The Content-Type the tester adds by itself for the body mode is left out when it is the last
// header (where the tester would put it).
void dropDefaultContentType(RequestDocument *document)
{
    QString expected;
    switch (document->bodyMode) {
    case BodyMode::Json:
        expected = QStringLiteral("application/json");
        break;
    case BodyMode::Form:
        expected = QStringLiteral("application/x-www-form-urlencoded");
        break;
    case BodyMode::Raw:
        expected = QStringLiteral("text/plain; charset=utf-8");
        break;
    case BodyMode::None:
        return;
    }
    if (document->headers.isEmpty())
        return;
    const KeyValue &last = document->headers.constLast();
    if (last.name.compare(QLatin1String("Content-Type"), Qt::CaseInsensitive) == 0 && last.value == expected)
        document->headers.removeLast();
}

// The limits of a document, so an imported one can be saved.
Result<bool> checkLimits(const RequestDocument &document)
{
    if (document.url.size() > kMaxUrlChars)
        return refused(QStringLiteral("the URL is longer than %1 characters").arg(kMaxUrlChars));
    if (document.body.size() > kMaxBodyChars)
        return refused(QStringLiteral("the body is longer than %1 characters").arg(kMaxBodyChars));
    if (document.query.size() > kMaxParameters || document.headers.size() > kMaxParameters ||
        document.form.size() > kMaxParameters)
        return refused(QStringLiteral("the command has more than %1 query parameters, headers or form fields")
                           .arg(kMaxParameters));
    return true;
}

} // namespace

Result<CurlArguments> parseCurlArguments(const QStringList &arguments)
{
    return ArgumentReader(arguments).run();
}

Result<RequestDocument> documentFromCurl(const CurlArguments &arguments)
{
    if (arguments.url.trimmed().isEmpty())
        return refused(QStringLiteral("the curl command has no URL"));
    RequestDocument document;
    document.method = defaultMethod(arguments);
    document.headers = arguments.headers;
    const QByteArray data = joinedData(arguments.data);
    setUrlAndQuery(&document, arguments.url.trimmed(), arguments.get ? data : QByteArray());
    if (!arguments.get && !arguments.data.isEmpty()) {
        const bool json = std::any_of(arguments.data.cbegin(), arguments.data.cend(),
                                      [](const CurlArguments::Data &part) { return part.json; });
        // What curl adds by itself, so the document sends the same.
        if (json && lastIndexOfHeader(document.headers, QStringLiteral("Accept")) < 0)
            document.headers.append(
                KeyValue{QStringLiteral("Accept"), QStringLiteral("application/json"), true});
        if (lastIndexOfHeader(document.headers, QStringLiteral("Content-Type")) < 0)
            document.headers.append(KeyValue{QStringLiteral("Content-Type"),
                                             json ? QStringLiteral("application/json")
                                                  : QStringLiteral("application/x-www-form-urlencoded"),
                                             true});
        setBody(&document, data);
    }
    takeAuth(&document);
    dropDefaultContentType(&document);
    if (auto fits = checkLimits(document); !fits)
        return fits.error();
    return document;
}

} // namespace wf::tester
