#include "tester/CurlCommand.h"

#include "tester/CurlArguments.h"
#include "tester/RequestEncoding.h"
#include "tester/ShellWords.h"
#include "tester/TokenClient.h"

#include <QRegularExpression>
#include <algorithm>

namespace wf::tester {
namespace {

// curl asks for `Expect: 100-continue` before sending a body over 1 MiB and waits for an answer the
// server may never give; the header is then removed so the request goes as it would from the tester.
constexpr qsizetype kCurlExpectThreshold = 1024 * 1024;

bool hasHeader(const HeaderList &headers, const QByteArray &name)
{
    return std::any_of(headers.cbegin(), headers.cend(),
                       [&name](const auto &header) { return header.first.toLower() == name; });
}

QStringList methodArguments(const PreparedRequest &request)
{
    const bool hasBody = !request.body.isEmpty();
    if (request.method == "HEAD" && !hasBody)
        return {QStringLiteral("-I")};
    if ((request.method == "GET" && !hasBody) || (request.method == "POST" && hasBody))
        return {};
    return {QStringLiteral("-X ") + shellQuote(request.method)};
}

// curl reads [] and {} in a URL as a glob and squashes /./ and /../; both would change the request.
QStringList urlArguments(const QByteArray &url, const QUrl &parsed)
{
    QStringList arguments;
    static const QRegularExpression glob(QStringLiteral("[\\[\\]{}]"));
    if (QString::fromUtf8(url).contains(glob))
        arguments << QStringLiteral("-g");
    static const QRegularExpression dots(QStringLiteral("(^|/)\\.\\.?(/|$)"));
    if (parsed.path(QUrl::FullyEncoded).contains(dots))
        arguments << QStringLiteral("--path-as-is");
    return arguments;
}

QStringList headerArguments(const PreparedRequest &request)
{
    QStringList arguments;
    for (const auto &[name, value] : request.headers) {
        // "Name:" would tell curl to drop the header; "Name;" sends it with an empty value.
        const QByteArray header = value.isEmpty() ? QByteArray(name + ';') : QByteArray(name + ": " + value);
        arguments << QStringLiteral("-H ") + shellQuote(header);
    }
    if (!request.body.isEmpty()) {
        if (!hasHeader(request.headers, "content-type"))
            arguments << QStringLiteral("-H ") + shellQuote("Content-Type:");
        if (request.body.size() > kCurlExpectThreshold && !hasHeader(request.headers, "expect"))
            arguments << QStringLiteral("-H ") + shellQuote("Expect:");
    }
    return arguments;
}

} // namespace

QString toCurl(const PreparedRequest &request, const CurlOptions &options)
{
    const PreparedRequest shown = options.includeSecrets ? request : withSecretsMasked(request);
    const QByteArray url = options.includeSecrets
                               ? request.url.toEncoded()
                               : maskSecrets(request.url.toEncoded(), request.secrets, MaskTarget::UrlText);
    QStringList lines{QStringLiteral("curl ") + shellQuote(url)};
    lines << methodArguments(shown) << urlArguments(url, request.url) << headerArguments(shown);
    if (!shown.body.isEmpty())
        lines << QStringLiteral("--data-raw ") + shellQuote(shown.body);
    if (options.insecure)
        lines << QStringLiteral("--insecure");
    return lines.join(options.multiline ? QStringLiteral(" \\\n  ") : QStringLiteral(" "));
}

bool looksLikeCurl(const QString &text)
{
    static const QRegularExpression start(QStringLiteral("^curl(\\.exe)?(\\s|$)"),
                                          QRegularExpression::CaseInsensitiveOption);
    return start.match(text.trimmed()).hasMatch();
}

Result<RequestDocument> fromCurl(const QString &command)
{
    auto words = splitShellWords(command);
    if (!words)
        return words.error();
    if (words->isEmpty() || !looksLikeCurl(words->constFirst()))
        return makeError(ErrorType::InvalidInput, QStringLiteral("this is not a curl command"));
    words->removeFirst();
    auto arguments = parseCurlArguments(*words);
    if (!arguments)
        return arguments.error();
    return documentFromCurl(*arguments);
}

} // namespace wf::tester
