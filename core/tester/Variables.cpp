#include "tester/Variables.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <algorithm>

namespace wf::tester {
namespace {

const QRegularExpression &referencePattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("\\{\\{[ \\t]*([A-Za-z0-9_.-]{1,64})[ \\t]*\\}\\}"));
    return pattern;
}

Error storeError(const QString &message)
{
    return makeError(ErrorType::Internal, message);
}

// The variables listed in environment.json, secrets without their values.
Result<QList<Variable>> readEnvironmentFile(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return QList<Variable>();
    if (!file.open(QIODevice::ReadOnly))
        return storeError(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(ErrorType::InvalidInput, QStringLiteral("%1 is not valid JSON (at offset %2: %3)")
                                                      .arg(path)
                                                      .arg(parseError.offset)
                                                      .arg(parseError.errorString()));
    const QJsonValue list = document.object().value(QStringLiteral("variables"));
    if (!document.isObject() || !(list.isArray() || list.isUndefined()))
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("%1: expected an object with a 'variables' array").arg(path));
    QList<Variable> variables;
    const QJsonArray array = list.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject item = array.at(i).toObject();
        const QJsonValue name = item.value(QStringLiteral("name"));
        const QJsonValue value = item.value(QStringLiteral("value"));
        const QJsonValue secret = item.value(QStringLiteral("secret"));
        if (!array.at(i).isObject() || !name.isString() || !isValidVariableName(name.toString()) ||
            !(value.isString() || value.isUndefined()) || !(secret.isBool() || secret.isUndefined()))
            return makeError(ErrorType::InvalidInput,
                             QStringLiteral("%1: variables[%2] is not a variable (a valid name, a string "
                                            "value and a boolean 'secret')")
                                 .arg(path)
                                 .arg(i));
        variables.append(Variable{name.toString(), value.toString(), secret.toBool(false)});
    }
    return variables;
}

Result<bool> checkNames(const QList<Variable> &variables)
{
    QSet<QString> seen;
    for (const Variable &variable : variables) {
        if (!isValidVariableName(variable.name))
            return makeError(ErrorType::InvalidInput,
                             QStringLiteral("'%1' is not a valid variable name (1 to 64 letters, digits, "
                                            "'_', '-' or '.')")
                                 .arg(variable.name));
        if (seen.contains(variable.name))
            return makeError(ErrorType::InvalidInput,
                             QStringLiteral("the variable '%1' is defined twice").arg(variable.name));
        seen.insert(variable.name);
    }
    return true;
}

Result<bool> writeEnvironmentFile(const QString &path, const QList<Variable> &variables)
{
    QJsonArray array;
    for (const Variable &variable : variables) {
        QJsonObject item{{QStringLiteral("name"), variable.name}};
        if (variable.secret)
            item.insert(QStringLiteral("secret"), true);
        else
            item.insert(QStringLiteral("value"), variable.value);
        array.append(item);
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return storeError(QStringLiteral("cannot create the folder of %1").arg(path));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return storeError(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    file.write(
        QJsonDocument(QJsonObject{{QStringLiteral("variables"), array}}).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return storeError(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

} // namespace

void Variables::set(const QString &name, const QString &value, bool secret)
{
    m_values.insert(name, value);
    m_secret.insert(name, secret);
}

bool Variables::contains(const QString &name) const
{
    return m_values.contains(name);
}

QString Variables::value(const QString &name) const
{
    return m_values.value(name);
}

bool Variables::isSecret(const QString &name) const
{
    return m_secret.value(name, false);
}

QStringList Variables::names() const
{
    QStringList names = m_values.keys();
    std::sort(names.begin(), names.end());
    return names;
}

Result<QString> Variables::substitute(const QString &text) const
{
    QStringList unknown;
    for (const QString &name : referencedNames(text)) {
        if (!m_values.contains(name))
            unknown.append(QStringLiteral("{{%1}}").arg(name));
    }
    if (!unknown.isEmpty())
        return makeError(ErrorType::InvalidInput,
                         (unknown.size() == 1 ? QStringLiteral("unknown variable ")
                                              : QStringLiteral("unknown variables ")) +
                             unknown.join(QStringLiteral(", ")));
    QString result;
    result.reserve(text.size());
    qsizetype last = 0;
    auto matches = referencePattern().globalMatch(text);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        result += QStringView(text).mid(last, match.capturedStart() - last);
        result += m_values.value(match.captured(1));
        last = match.capturedEnd();
    }
    result += QStringView(text).mid(last);
    return result;
}

QStringList Variables::referencedNames(const QString &text)
{
    QStringList names;
    if (!text.contains(QLatin1String("{{")))
        return names;
    auto matches = referencePattern().globalMatch(text);
    while (matches.hasNext()) {
        const QString name = matches.next().captured(1);
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

bool isValidVariableName(const QString &name)
{
    if (name.isEmpty() || name.size() > 64)
        return false;
    return std::all_of(name.cbegin(), name.cend(), [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
               (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
               (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_') ||
               c == QLatin1Char('-') || c == QLatin1Char('.');
    });
}

EnvironmentStore::EnvironmentStore(QString workspaceDir, QString workspaceId)
    : m_workspaceDir(std::move(workspaceDir)), m_workspaceId(std::move(workspaceId))
{}

QString EnvironmentStore::filePath() const
{
    return QDir(m_workspaceDir).filePath(QStringLiteral("tester/environment.json"));
}

Result<QList<Variable>> EnvironmentStore::load(SecretStore &secrets) const
{
    auto variables = readEnvironmentFile(filePath());
    if (!variables)
        return variables.error();
    for (Variable &variable : variables.value()) {
        if (!variable.secret)
            continue;
        const auto value = secrets.read(testerVariableSecretKey(m_workspaceId, variable.name));
        if (!value)
            return storeError(QStringLiteral("cannot read the value of the secret variable '%1': %2")
                                  .arg(variable.name, value.error().message));
        variable.value = value->value_or(QString());
    }
    return variables;
}

Result<bool> EnvironmentStore::save(const QList<Variable> &variables, SecretStore &secrets) const
{
    if (auto names = checkNames(variables); !names)
        return names.error();
    // The secrets kept for the previous list, so the ones no longer needed can be removed; a file
    // that does not parse is not overwritten (its content would be lost with no way back).
    const auto previous = readEnvironmentFile(filePath());
    if (!previous)
        return makeError(previous.error().type,
                         previous.error().message + QStringLiteral("; fix or remove the file first"));
    for (const Variable &variable : variables) {
        if (!variable.secret)
            continue;
        auto written = secrets.write(testerVariableSecretKey(m_workspaceId, variable.name), variable.value);
        if (!written)
            return storeError(QStringLiteral("cannot keep the value of the secret variable '%1': %2")
                                  .arg(variable.name, written.error().message));
    }
    if (auto written = writeEnvironmentFile(filePath(), variables); !written)
        return written.error();
    QSet<QString> stillSecret;
    for (const Variable &variable : variables) {
        if (variable.secret)
            stillSecret.insert(variable.name);
    }
    for (const Variable &old : *previous) {
        if (!old.secret || stillSecret.contains(old.name))
            continue;
        auto removed = secrets.remove(testerVariableSecretKey(m_workspaceId, old.name));
        if (!removed)
            return storeError(QStringLiteral("the variables were saved, but the old secret '%1' could not "
                                             "be removed: %2")
                                  .arg(old.name, removed.error().message));
    }
    return true;
}

QString testerVariableSecretKey(const QString &workspaceId, const QString &name)
{
    return QStringLiteral("%1/testerVariable/%2").arg(workspaceId, name);
}

} // namespace wf::tester
