// wfconsole apps: the API Services app integrations of a workspace (PRODUCT.md §4). Lists them,
// creates them with a new key, registers or generates keys, grants and revokes scopes, switches apps
// and keys on and off, renames and deletes. Every change is saved at once and confirmed in one line.
// A new private key is printed once, on stdout, and kept only when --keep asks for it.

#include "Commands.h"
#include "KeyInput.h"
#include "WorkspaceOptions.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextStream>

namespace wf::cli {
namespace {

const char kDescription[] = R"(Lists and changes the API Services app integrations of a workspace.

  apps [--json]                          list the apps with their keys and scopes
  apps create NAME [--key TYPE] [--grant SCOPE]... [--pem] [--keep]
                                         a new app with a new key; prints its private key once
  apps add-key APP --public-key FILE [--kid KID]
                                         register a public key (JWK or PEM; "-" reads stdin)
  apps generate-key APP [--key TYPE] [--pem] [--keep]
                                         a new key; prints its private key once
  apps grant APP SCOPE | apps revoke APP SCOPE
  apps activate APP | apps deactivate APP | apps delete APP | apps rename APP NEWNAME
  apps key-activate APP KID | apps key-deactivate APP KID | apps key-delete APP KID

APP is an app's name or client id. Key types: rsa (RSA 2048, the default), rsa3072, rsa4096,
ec (P-256), ec384. --keep keeps the private key in the workspace's secret store for
`wfconsole token --app` and the request tester.)";

struct Subcommand {
    const char *name;
    QStringList arguments; // names of the positional arguments after the subcommand
    QStringList options;   // options it takes besides --workspace and --help
};

const QList<Subcommand> &subcommands()
{
    static const QList<Subcommand> list = {
        {"list", {}, {QStringLiteral("json")}},
        {"create",
         {QStringLiteral("NAME")},
         {QStringLiteral("key"), QStringLiteral("grant"), QStringLiteral("pem"), QStringLiteral("keep"),
          QStringLiteral("json")}},
        {"add-key", {QStringLiteral("APP")}, {QStringLiteral("public-key"), QStringLiteral("kid")}},
        {"generate-key",
         {QStringLiteral("APP")},
         {QStringLiteral("key"), QStringLiteral("pem"), QStringLiteral("keep"), QStringLiteral("json")}},
        {"grant", {QStringLiteral("APP"), QStringLiteral("SCOPE")}, {}},
        {"revoke", {QStringLiteral("APP"), QStringLiteral("SCOPE")}, {}},
        {"activate", {QStringLiteral("APP")}, {}},
        {"deactivate", {QStringLiteral("APP")}, {}},
        {"delete", {QStringLiteral("APP")}, {}},
        {"rename", {QStringLiteral("APP"), QStringLiteral("NEWNAME")}, {}},
        {"key-activate", {QStringLiteral("APP"), QStringLiteral("KID")}, {}},
        {"key-deactivate", {QStringLiteral("APP"), QStringLiteral("KID")}, {}},
        {"key-delete", {QStringLiteral("APP"), QStringLiteral("KID")}, {}},
    };
    return list;
}

QString appLabel(const auth::AppIntegration &app)
{
    return QStringLiteral("'%1' (%2)").arg(app.name, app.clientId);
}

// The key type of a registered public key: its command-line id and its display name.
std::pair<QString, QString> keyTypeOf(const auth::AppKey &key)
{
    const auto parsed = auth::Key::fromJwk(key.publicJwk);
    if (!parsed)
        return {QStringLiteral("unknown"), QStringLiteral("unknown key type")};
    const auto type = parsed->type();
    return {type ? auth::keyTypeId(*type) : QStringLiteral("unknown"), parsed->typeDisplayName()};
}

QString utc(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QJsonObject appToListJson(const auth::AppIntegration &app)
{
    QJsonArray keys;
    for (const auth::AppKey &key : app.keys) {
        keys.append(QJsonObject{
            {QStringLiteral("kid"), key.kid},
            {QStringLiteral("type"), keyTypeOf(key).first},
            {QStringLiteral("status"), key.active ? QStringLiteral("active") : QStringLiteral("inactive")},
            {QStringLiteral("created"), utc(key.created)}});
    }
    return QJsonObject{
        {QStringLiteral("name"), app.name},
        {QStringLiteral("clientId"), app.clientId},
        {QStringLiteral("status"), app.active ? QStringLiteral("active") : QStringLiteral("inactive")},
        {QStringLiteral("created"), utc(app.created)},
        {QStringLiteral("scopes"), QJsonArray::fromStringList(app.scopes)},
        {QStringLiteral("keys"), keys}};
}

int listApps(const Workspace &workspace, bool json, QTextStream &out)
{
    if (json) {
        QJsonArray array;
        for (const auth::AppIntegration &app : workspace.apps())
            array.append(appToListJson(app));
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return Ok;
    }
    if (workspace.apps().isEmpty())
        out << "no apps\n";
    for (const auth::AppIntegration &app : workspace.apps()) {
        out << app.name << "  [" << app.clientId << "]  " << (app.active ? "active" : "inactive") << '\n'
            << "    scopes: "
            << (app.scopes.isEmpty() ? QStringLiteral("(none)") : app.scopes.join(QLatin1Char(' '))) << '\n';
        if (app.keys.isEmpty())
            out << "    keys:   (none)\n";
        for (const auth::AppKey &key : app.keys) {
            out << "    key " << key.kid << "  " << keyTypeOf(key).second << "  "
                << (key.active ? "active" : "inactive") << '\n';
        }
    }
    return Ok;
}

// Where the secret store keeps what --keep keeps, for the sentence that says so.
QString storeDescription(const SecretStore &secrets)
{
    if (const auto *file = dynamic_cast<const FileSecretStore *>(&secrets))
        return file->path() + QStringLiteral(" (mode 0600)");
    if (secrets.kind() == QLatin1String("keychain"))
        return QStringLiteral("the keychain (service wfconsole)");
    return secrets.kind() + QStringLiteral(" secret store");
}

// A new key for the app: generated, registered, optionally kept; the workspace is saved. Prints the
// confirmation and then, once, the private key.
int newKey(OpenedWorkspace &opened, const QString &clientId, auth::KeyType type, bool pem, bool keep,
           bool json, const QString &headline, QTextStream &out, QTextStream &err)
{
    Workspace &workspace = opened.workspace;
    const auto generated = auth::Key::generate(type);
    if (!generated) {
        err << "wfconsole apps: cannot generate the key: " << generated.error().message << Qt::endl;
        return Failure;
    }
    const auto added = workspace.addAppKey(clientId, *generated);
    if (!added) {
        err << "wfconsole apps: " << added.error().message << Qt::endl;
        return Failure;
    }
    const auth::Key privateKey = generated->withKid(added->kid);
    if (keep) {
        if (auto kept = workspace.keepAppPrivateKey(clientId, privateKey, *opened.secrets); !kept) {
            err << "wfconsole apps: cannot keep the private key: " << kept.error().message << Qt::endl;
            return Failure;
        }
    }
    if (auto saved = workspace.save(); !saved) {
        if (keep) // nothing refers to it now
            (void)opened.secrets->remove(appPrivateKeySecretKey(workspace.id(), clientId, added->kid));
        err << "wfconsole apps: " << saved.error().message << Qt::endl;
        return Failure;
    }
    QJsonValue printed;
    if (pem) {
        auto text = privateKey.privatePem();
        if (text)
            printed = QString::fromLatin1(*text);
        else
            err << "wfconsole apps: cannot write the private key as PEM: " << text.error().message
                << Qt::endl;
    } else {
        auto jwk = privateKey.privateJwk();
        if (jwk)
            printed = *jwk;
        else
            err << "wfconsole apps: cannot write the private key as a JWK: " << jwk.error().message
                << Qt::endl;
    }
    const auth::AppIntegration *app = workspace.appByClientId(clientId);
    const QString where = storeDescription(*opened.secrets);
    if (json) {
        QJsonObject summary;
        summary.insert(QStringLiteral("clientId"), clientId);
        summary.insert(QStringLiteral("name"), app ? app->name : QString());
        summary.insert(QStringLiteral("scopes"),
                       QJsonArray::fromStringList(app ? app->scopes : QStringList()));
        summary.insert(QStringLiteral("kid"), added->kid);
        summary.insert(QStringLiteral("keyType"), auth::keyTypeId(type));
        summary.insert(QStringLiteral("privateKey"), printed);
        summary.insert(QStringLiteral("keptIn"), keep ? where : QString());
        summary.insert(QStringLiteral("note"), QStringLiteral("the private key is shown once"));
        out << QJsonDocument(summary).toJson(QJsonDocument::Indented);
        return printed.isNull() ? Failure : Ok;
    }
    if (!headline.isEmpty())
        out << headline << '\n';
    out << "key " << added->kid << " (" << auth::keyTypeDisplayName(type) << ") added to "
        << (app ? appLabel(*app) : clientId) << '\n';
    if (printed.isNull())
        return Failure;
    if (keep)
        out << "private key of " << added->kid << ", shown once; also kept in " << where
            << " for `wfconsole token --app` and the request tester:\n";
    else
        out << "private key of " << added->kid
            << ", shown once and kept nowhere (copy it now, or use --keep next time):\n";
    if (pem)
        out << printed.toString();
    else
        out << QJsonDocument(printed.toObject()).toJson(QJsonDocument::Compact) << '\n';
    return Ok;
}

// Saves the workspace and prints `confirmation`.
int saveAndConfirm(Workspace &workspace, const QString &confirmation, QTextStream &out, QTextStream &err)
{
    if (auto saved = workspace.save(); !saved) {
        err << "wfconsole apps: " << saved.error().message << Qt::endl;
        return Failure;
    }
    out << confirmation << '\n';
    return Ok;
}

// `result` of a workspace change: true (changed) saves and prints `done`, false (nothing to change)
// prints `unchanged`, an error says why.
int finish(const Result<bool> &result, Workspace &workspace, const QString &done, const QString &unchanged,
           QTextStream &out, QTextStream &err)
{
    if (!result) {
        err << "wfconsole apps: " << result.error().message << Qt::endl;
        return Failure;
    }
    if (!*result) {
        out << unchanged << '\n';
        return Ok;
    }
    return saveAndConfirm(workspace, done, out, err);
}

std::optional<auth::KeyType> keyTypeOption(const QCommandLineParser &parser, QTextStream &err)
{
    if (!parser.isSet(QStringLiteral("key")))
        return auth::KeyType::Rsa2048;
    const QString id = parser.value(QStringLiteral("key"));
    const auto type = auth::parseKeyTypeId(id);
    if (!type)
        err << "wfconsole apps: unknown key type '" << id << "'; use rsa, rsa3072, rsa4096, ec or ec384"
            << Qt::endl;
    return type;
}

} // namespace

// A kid is base64url and may start with '-' (an RFC 7638 thumbprint does, one time in 64), which the
// parser would read as options: such arguments move behind "--", where they are positional. KID is
// always the last positional argument, so the order of the positional arguments stays the same.
QStringList withDashedKidsLast(const QStringList &arguments)
{
    static const QRegularExpression dashedKid(QStringLiteral("^-[A-Za-z0-9_][A-Za-z0-9_-]{6,}$"));
    static const QStringList takesValue = {QStringLiteral("--key"),        QStringLiteral("--grant"),
                                           QStringLiteral("--public-key"), QStringLiteral("--kid"),
                                           QStringLiteral("-w"),           QStringLiteral("--workspace")};
    QStringList kept;
    QStringList kids;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--")) {
            kept.append(arguments.mid(i));
            break;
        }
        const bool isValue = i > 0 && takesValue.contains(arguments.at(i - 1));
        if (i > 0 && !isValue && dashedKid.match(argument).hasMatch())
            kids.append(argument);
        else
            kept.append(argument);
    }
    if (kids.isEmpty())
        return arguments;
    if (!kept.contains(QLatin1String("--")))
        kept.append(QStringLiteral("--"));
    return kept + kids;
}

int manageApps(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromUtf8(kDescription));
    parser.addHelpOption();
    addWorkspaceOptions(&parser);
    parser.addOptions(
        {QCommandLineOption(QStringLiteral("json"), QStringLiteral("Print JSON.")),
         QCommandLineOption(QStringLiteral("key"),
                            QStringLiteral("Key type: rsa (default), rsa3072, rsa4096, ec, ec384."),
                            QStringLiteral("type")),
         QCommandLineOption(QStringLiteral("grant"), QStringLiteral("Grant this scope (repeatable)."),
                            QStringLiteral("scope")),
         QCommandLineOption(QStringLiteral("pem"), QStringLiteral("Print the private key as PEM, not JWK.")),
         QCommandLineOption(QStringLiteral("keep"),
                            QStringLiteral("Keep the private key in the workspace's secret store.")),
         QCommandLineOption(QStringLiteral("public-key"),
                            QStringLiteral("The public key to register: a JWK or PEM file, - for stdin."),
                            QStringLiteral("file")),
         QCommandLineOption(QStringLiteral("kid"),
                            QStringLiteral("The key id (default: RFC 7638 thumbprint)."),
                            QStringLiteral("kid"))});
    parser.addPositionalArgument(QStringLiteral("subcommand"),
                                 QStringLiteral("list (default), create, add-key, generate-key, grant, ..."));
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (const auto done = parseVerbArguments(parser, withDashedKidsLast(arguments), "apps"))
        return *done;
    QStringList positional = parser.positionalArguments();
    const QString name = positional.isEmpty() ? QStringLiteral("list") : positional.takeFirst();
    const Subcommand *sub = nullptr;
    for (const Subcommand &candidate : subcommands()) {
        if (name == QLatin1String(candidate.name))
            sub = &candidate;
    }
    if (!sub) {
        err << "wfconsole apps: unknown subcommand '" << name << "' (wfconsole apps --help lists them)"
            << Qt::endl;
        return Usage;
    }
    if (positional.size() != sub->arguments.size()) {
        err << "wfconsole apps " << name << ": expects "
            << (sub->arguments.isEmpty() ? QStringLiteral("no arguments")
                                         : sub->arguments.join(QLatin1Char(' ')))
            << Qt::endl;
        return Usage;
    }
    for (const QString &option : parser.optionNames()) {
        if (option == QLatin1String("w") || option == QLatin1String("workspace") ||
            sub->options.contains(option))
            continue;
        err << "wfconsole apps " << name << ": does not take --" << option << Qt::endl;
        return Usage;
    }
    if (name == QLatin1String("add-key") && !parser.isSet(QStringLiteral("public-key"))) {
        err << "wfconsole apps add-key: needs --public-key FILE (a JWK or PEM file, - for stdin)" << Qt::endl;
        return Usage;
    }
    const auto keyType = keyTypeOption(parser, err);
    if (!keyType)
        return Usage;
    std::optional<auth::Key> publicKey;
    if (name == QLatin1String("add-key")) { // read before the workspace: a bad file changes nothing
        auto read = readKeyFile(parser.value(QStringLiteral("public-key")));
        if (!read) {
            err << "wfconsole apps add-key: " << read.error().message << Qt::endl;
            return Failure;
        }
        publicKey =
            parser.isSet(QStringLiteral("kid")) ? read->withKid(parser.value(QStringLiteral("kid"))) : *read;
    }

    auto opened = openWorkspace(parser, err);
    if (!opened)
        return Failure;
    Workspace &workspace = opened->workspace;
    const bool json = parser.isSet(QStringLiteral("json"));
    if (name == QLatin1String("list"))
        return listApps(workspace, json, out);

    if (name == QLatin1String("create")) {
        const auto created = workspace.createApp(positional.at(0));
        if (!created) {
            err << "wfconsole apps create: " << created.error().message << Qt::endl;
            return Failure;
        }
        for (const QString &scope : parser.values(QStringLiteral("grant"))) {
            if (auto granted = workspace.grantScope(created->clientId, scope); !granted) {
                err << "wfconsole apps create: " << granted.error().message << Qt::endl;
                return Failure;
            }
        }
        return newKey(
            *opened, created->clientId, *keyType, parser.isSet(QStringLiteral("pem")),
            parser.isSet(QStringLiteral("keep")), json,
            QStringLiteral("created app '%1' with client id %2").arg(created->name, created->clientId), out,
            err);
    }

    const auth::AppIntegration *found = workspace.findApp(positional.at(0));
    if (!found) {
        err << "wfconsole apps " << name << ": no app '" << positional.at(0)
            << "' in this workspace (wfconsole apps lists them)" << Qt::endl;
        return Failure;
    }
    // Copies: the app may move or go while the workspace changes.
    const QString clientId = found->clientId;
    const QString label = appLabel(*found);
    const QString second = positional.value(1);

    if (name == QLatin1String("generate-key"))
        return newKey(*opened, clientId, *keyType, parser.isSet(QStringLiteral("pem")),
                      parser.isSet(QStringLiteral("keep")), json, QString(), out, err);
    if (name == QLatin1String("add-key")) {
        const auto added = workspace.addAppKey(clientId, *publicKey);
        if (!added) {
            err << "wfconsole apps add-key: " << added.error().message << Qt::endl;
            return Failure;
        }
        const QString note =
            publicKey->hasPrivate()
                ? QStringLiteral(" (the file holds a private key: only its public part is kept)")
                : QString();
        return saveAndConfirm(workspace,
                              QStringLiteral("key %1 (%2) added to %3%4")
                                  .arg(added->kid, publicKey->typeDisplayName(), label, note),
                              out, err);
    }
    if (name == QLatin1String("grant"))
        return finish(workspace.grantScope(clientId, second), workspace,
                      QStringLiteral("granted %1 to %2").arg(second, label),
                      QStringLiteral("%1 has %2 already").arg(label, second), out, err);
    if (name == QLatin1String("revoke"))
        return finish(workspace.revokeScope(clientId, second), workspace,
                      QStringLiteral("revoked %1 from %2").arg(second, label),
                      QStringLiteral("%1 did not have %2").arg(label, second), out, err);
    if (name == QLatin1String("activate"))
        return finish(workspace.setAppActive(clientId, true), workspace,
                      QStringLiteral("activated %1: it can get access tokens again").arg(label),
                      QStringLiteral("%1 is active already").arg(label), out, err);
    if (name == QLatin1String("deactivate"))
        return finish(
            workspace.setAppActive(clientId, false), workspace,
            QStringLiteral("deactivated %1: it gets no tokens, and the tokens it has are refused").arg(label),
            QStringLiteral("%1 is inactive already").arg(label), out, err);
    if (name == QLatin1String("delete"))
        return finish(workspace.deleteApp(clientId, *opened->secrets), workspace,
                      QStringLiteral("deleted %1 and the private keys kept for it").arg(label), QString(),
                      out, err);
    if (name == QLatin1String("rename"))
        return finish(workspace.renameApp(clientId, second), workspace,
                      QStringLiteral("renamed %1 to '%2'").arg(label, second.trimmed()),
                      QStringLiteral("%1 has that name already").arg(label), out, err);
    if (name == QLatin1String("key-activate"))
        return finish(workspace.setAppKeyActive(clientId, second, true), workspace,
                      QStringLiteral("activated key %1 of %2").arg(second, label),
                      QStringLiteral("key %1 of %2 is active already").arg(second, label), out, err);
    if (name == QLatin1String("key-deactivate"))
        return finish(workspace.setAppKeyActive(clientId, second, false), workspace,
                      QStringLiteral("deactivated key %1 of %2: the tokens the app got until now are refused")
                          .arg(second, label),
                      QStringLiteral("key %1 of %2 is inactive already").arg(second, label), out, err);
    if (name == QLatin1String("key-delete"))
        return finish(workspace.deleteAppKey(clientId, second, *opened->secrets), workspace,
                      QStringLiteral("deleted key %1 of %2: the tokens the app got until now are refused")
                          .arg(second, label),
                      QString(), out, err);
    return Usage; // every subcommand is handled above
}

} // namespace wf::cli
