// wfconsole signing-keys: the keys that sign the workspace's access tokens (PRODUCT.md §4), and
// rotating them. A retired key stays in the JWKS until the tokens it signed have expired.

#include "Commands.h"
#include "WorkspaceOptions.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace wf::cli {
namespace {

QString utc(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QDateTime publishedUntil(const auth::SigningKeyInfo &key)
{
    return key.retired.addSecs(auth::kAccessTokenLifetimeSeconds);
}

} // namespace

int manageSigningKeys(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Lists the keys that sign the workspace's access tokens, or rotates them:\n"
                       "  signing-keys [--json]    the current key and the retired keys still published\n"
                       "  signing-keys rotate      a new current key; the old one stays published for an "
                       "hour"));
    parser.addHelpOption();
    addWorkspaceOptions(&parser);
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the keys as JSON."));
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("rotate"), QStringLiteral("Rotate the signing key."),
                                 QStringLiteral("[rotate]"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (const auto done = parseVerbArguments(parser, arguments, "signing-keys"))
        return *done;
    const QStringList positional = parser.positionalArguments();
    const bool rotate = positional == QStringList{QStringLiteral("rotate")};
    if (!positional.isEmpty() && !rotate) {
        err << "wfconsole signing-keys: unknown subcommand '" << positional.join(QLatin1Char(' '))
            << "'; the only one is rotate" << Qt::endl;
        return Usage;
    }
    if (rotate && parser.isSet(json)) {
        err << "wfconsole signing-keys rotate: does not take --json" << Qt::endl;
        return Usage;
    }
    auto opened = openWorkspace(parser, err);
    if (!opened)
        return Failure;
    Workspace &workspace = opened->workspace;

    if (rotate) {
        QString previous;
        for (const auth::SigningKeyInfo &key : workspace.signingKeys()) {
            if (!key.retired.isValid())
                previous = key.kid;
        }
        const auto rotated = workspace.rotateSigningKey(*opened->secrets);
        if (!rotated) {
            err << "wfconsole signing-keys rotate: " << rotated.error().message << Qt::endl;
            return Failure;
        }
        if (auto saved = workspace.save(); !saved) {
            err << "wfconsole signing-keys rotate: " << saved.error().message << Qt::endl;
            return Failure;
        }
        if (previous.isEmpty()) {
            out << "made the signing key " << rotated->kid << " (the workspace had none)\n";
        } else {
            QDateTime until = QDateTime::currentDateTimeUtc().addSecs(auth::kAccessTokenLifetimeSeconds);
            for (const auth::SigningKeyInfo &key : workspace.signingKeys()) {
                if (key.kid == previous && key.retired.isValid())
                    until = publishedUntil(key);
            }
            out << "rotated the signing key: new tokens are signed with " << rotated->kid << "; the old key "
                << previous << " stays published for an hour (until " << utc(until)
                << "), so the tokens it signed keep working until they expire\n";
        }
        return Ok;
    }

    if (parser.isSet(json)) {
        QJsonArray array;
        for (const auth::SigningKeyInfo &key : workspace.signingKeys()) {
            const bool current = !key.retired.isValid();
            array.append(
                QJsonObject{{QStringLiteral("kid"), key.kid},
                            {QStringLiteral("created"), utc(key.created)},
                            {QStringLiteral("retired"),
                             current ? QJsonValue(QJsonValue::Null) : QJsonValue(utc(key.retired))},
                            {QStringLiteral("publishedUntil"),
                             current ? QJsonValue(QJsonValue::Null) : QJsonValue(utc(publishedUntil(key)))},
                            {QStringLiteral("current"), current}});
        }
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return Ok;
    }
    if (workspace.signingKeys().isEmpty())
        out << "no signing key yet: one is made when the server first needs it (or now, with "
               "wfconsole signing-keys rotate)\n";
    for (const auth::SigningKeyInfo &key : workspace.signingKeys()) {
        out << key.kid << "  created " << utc(key.created) << "  ";
        if (key.retired.isValid())
            out << "retired " << utc(key.retired) << ", published until " << utc(publishedUntil(key)) << '\n';
        else
            out << "current\n";
    }
    return Ok;
}

} // namespace wf::cli
