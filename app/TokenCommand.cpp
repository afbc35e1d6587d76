// wfconsole token: an access token from a running server with the client-credentials grant and a
// private_key_jwt client assertion (PRODUCT.md §4), for curl and scripts. The access token goes to
// stdout only; the assertion is never printed.

#include "Commands.h"
#include "KeyInput.h"
#include "WorkspaceOptions.h"
#include "tester/TokenClient.h"

#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

namespace wf::cli {
namespace {

constexpr auto kDefaultBaseUrl = "http://127.0.0.1:8787";

// The private key to sign with, kept in the workspace's secret store: of the key `kid`, else of the
// first active key of the app that has one kept.
Result<auth::Key> keptKey(OpenedWorkspace &opened, const auth::AppIntegration &app, const QString &kid)
{
    for (const auth::AppKey &key : app.keys) {
        if (kid.isEmpty() ? !key.active : key.kid != kid)
            continue;
        auto kept = opened.workspace.keptAppPrivateKey(app.clientId, key.kid, *opened.secrets);
        if (!kept)
            return kept.error();
        if (*kept)
            return (*kept)->withKid(key.kid);
    }
    return makeError(
        ErrorType::NotFound,
        QStringLiteral("no private key %1of app '%2' is kept in this workspace's secret store; "
                       "give --key FILE, or make one with: wfconsole apps generate-key '%2' --keep")
            .arg(kid.isEmpty() ? QString() : kid + QLatin1Char(' '), app.name));
}

} // namespace

int fetchToken(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Gets an access token from a running server (client credentials, private_key_jwt) and prints it.\n"
        "  token --client-id ID --key FILE [--url BASE]\n"
        "  token --workspace DIR --app APP        (the key kept by `apps create --keep`, the workspace's "
        "URL)"));
    parser.addHelpOption();
    addWorkspaceOptions(&parser);
    const QCommandLineOption clientIdOption(QStringLiteral("client-id"),
                                            QStringLiteral("The app's client id."), QStringLiteral("id"));
    const QCommandLineOption appOption(QStringLiteral("app"),
                                       QStringLiteral("The app of the workspace (name or client id)."),
                                       QStringLiteral("app"));
    const QCommandLineOption keyOption(QStringLiteral("key"),
                                       QStringLiteral("The private key: a JWK or PEM file, - for stdin."),
                                       QStringLiteral("file"));
    const QCommandLineOption kidOption(
        QStringLiteral("kid"),
        QStringLiteral("The key id to send (default: the key's own, else its RFC 7638 thumbprint)."),
        QStringLiteral("kid"));
    const QCommandLineOption scopeOption(
        QStringLiteral("scope"),
        QStringLiteral("The scopes to ask for, space-separated (default %1).").arg(auth::kInvokeScope),
        QStringLiteral("scope"), auth::kInvokeScope);
    const QCommandLineOption urlOption(
        QStringLiteral("url"),
        QStringLiteral("The server's base URL (default: the workspace's, else %1).")
            .arg(QLatin1String(kDefaultBaseUrl)),
        QStringLiteral("base"));
    const QCommandLineOption insecureOption(
        QStringLiteral("insecure"),
        QStringLiteral("Accept a TLS certificate that does not verify (self-signed)."));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
                                           QStringLiteral("Give up after this many seconds (default 30)."),
                                           QStringLiteral("seconds"), QStringLiteral("30"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print the server's whole JSON answer."));
    parser.addOptions({clientIdOption, appOption, keyOption, kidOption, scopeOption, urlOption,
                       insecureOption, timeoutOption, jsonOption});
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (const auto done = parseVerbArguments(parser, arguments, "token"))
        return *done;
    if (!parser.positionalArguments().isEmpty()) {
        err << "wfconsole token: unexpected argument '" << parser.positionalArguments().constFirst() << "'"
            << Qt::endl;
        return Usage;
    }
    bool timeoutOk = false;
    const double timeoutSeconds = parser.value(timeoutOption).toDouble(&timeoutOk);
    if (!timeoutOk || timeoutSeconds <= 0 || timeoutSeconds > 3600) {
        err << "wfconsole token: --timeout takes a number of seconds between 0 and 3600" << Qt::endl;
        return Usage;
    }
    const bool useWorkspace = parser.isSet(appOption) || parser.isSet(QStringLiteral("workspace"));
    if (!useWorkspace && (!parser.isSet(clientIdOption) || !parser.isSet(keyOption))) {
        err << "wfconsole token: give --client-id ID --key FILE, or --workspace DIR --app APP" << Qt::endl;
        return Usage;
    }
    if (useWorkspace && !parser.isSet(appOption) && !parser.isSet(clientIdOption)) {
        err << "wfconsole token: with --workspace, name the app with --app APP" << Qt::endl;
        return Usage;
    }
    if (parser.isSet(appOption) && parser.isSet(clientIdOption)) {
        err << "wfconsole token: give --app or --client-id, not both" << Qt::endl;
        return Usage;
    }

    tester::TokenRequest request;
    request.scope = parser.value(scopeOption);
    request.insecure = parser.isSet(insecureOption);
    request.timeoutMs = qRound(timeoutSeconds * 1000);
    QString baseUrl =
        parser.isSet(urlOption) ? parser.value(urlOption) : QString::fromLatin1(kDefaultBaseUrl);
    std::optional<auth::Key> key;
    if (parser.isSet(keyOption)) {
        auto read = readKeyFile(parser.value(keyOption));
        if (!read) {
            err << "wfconsole token: " << read.error().message << Qt::endl;
            return Failure;
        }
        key = *read;
    }
    const QString kid = parser.value(kidOption);

    if (useWorkspace) {
        const QString dir = QDir(parser.value(QStringLiteral("workspace"))).absolutePath();
        if (!QFile::exists(QDir(dir).filePath(Workspace::kFileName))) {
            err << "wfconsole token: no workspace in " << dir << Qt::endl;
            return Failure;
        }
        auto opened = openWorkspace(parser, err);
        if (!opened)
            return Failure;
        const QString wanted =
            parser.isSet(appOption) ? parser.value(appOption) : parser.value(clientIdOption);
        const auth::AppIntegration *app = opened->workspace.findApp(wanted);
        if (!app) {
            err << "wfconsole token: no app '" << wanted << "' in this workspace (wfconsole apps lists them)"
                << Qt::endl;
            return Failure;
        }
        request.clientId = app->clientId;
        if (!parser.isSet(urlOption))
            baseUrl = opened->workspace.settings().baseUrl();
        if (!key) {
            auto kept = keptKey(*opened, *app, kid);
            if (!kept) {
                err << "wfconsole token: " << kept.error().message << Qt::endl;
                return Failure;
            }
            key = *kept;
        } else if (kid.isEmpty()) {
            key = tester::withRegisteredKid(*key, app);
        }
    } else {
        request.clientId = parser.value(clientIdOption);
    }
    key = kid.isEmpty() ? tester::withRegisteredKid(*key, nullptr) : key->withKid(kid);
    request.privateKey = *key;
    request.tokenUrl = tester::tokenEndpointUrl(baseUrl);
    if (request.insecure)
        err << "wfconsole token: --insecure: the server's certificate is not checked" << Qt::endl;

    tester::TokenClient client;
    tester::TokenResult result;
    QEventLoop loop;
    QObject::connect(&client, &tester::TokenClient::finished, &loop, [&](const tester::TokenResult &answer) {
        result = answer;
        loop.quit();
    });
    client.requestToken(request);
    loop.exec();

    if (parser.isSet(jsonOption) && !result.json.isEmpty())
        out << QJsonDocument(result.json).toJson(QJsonDocument::Indented);
    if (!result.ok) {
        err << "wfconsole token: " << result.message << Qt::endl;
        return Failure;
    }
    if (!parser.isSet(jsonOption))
        out << result.accessToken << '\n';
    return Ok;
}

} // namespace wf::cli
