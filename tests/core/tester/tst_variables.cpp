// `{{variables}}` of the request tester: substitution (spaces in braces, no re-expansion, every
// unknown name listed), names, and the environment of a workspace: environment.json holds no secret
// value (read from the file itself), secrets come back from the secret store on load, secrets of
// renamed or no longer secret variables are removed, and a broken file is an error left unchanged.

#include "store/SecretStore.h"
#include "tester/Variables.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace wf;
using namespace wf::tester;

Q_DECLARE_METATYPE(wf::tester::Variable)

namespace {

const QString kWorkspaceId = QStringLiteral("ws-1234");
const QString kSecret = QStringLiteral("s3cr3t-Ünïcode-value");

// A secret store that refuses every write, as a locked keychain does.
class RefusingSecretStore final : public SecretStore {
public:
    Result<std::optional<QString>> read(const QString &) override { return std::optional<QString>(); }
    Result<bool> write(const QString &, const QString &) override
    {
        return makeError(ErrorType::Internal, QStringLiteral("the keychain is locked"));
    }
    Result<bool> remove(const QString &) override { return true; }
    QString kind() const override { return QStringLiteral("refusing"); }
};

Variables sample()
{
    Variables variables;
    variables.set(QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:8787"));
    variables.set(QStringLiteral("a"), QStringLiteral("A"));
    variables.set(QStringLiteral("b"), QStringLiteral("B"));
    variables.set(QStringLiteral("loop"), QStringLiteral("{{a}}"));
    variables.set(QStringLiteral("empty"), QString());
    variables.set(QStringLiteral("my-app.key_1"), QStringLiteral("K"));
    return variables;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

std::optional<QString> secretOf(MemorySecretStore &store, const QString &name)
{
    const auto read = store.read(testerVariableSecretKey(kWorkspaceId, name));
    return read ? *read : std::nullopt;
}

} // namespace

class TestVariables final : public QObject {
    Q_OBJECT

private slots:
    void substitute_data();
    void substitute();
    void unknownNamesAreAllListed();
    void referencedNames();
    void namesAndSecrets();
    void validNames_data();
    void validNames();

    void missingFileIsEmpty();
    void secretValueStaysOutOfTheFile();
    void renamedAndUnsecretedSecretsAreRemoved();
    void brokenFileIsAnErrorAndKept_data();
    void brokenFileIsAnErrorAndKept();
    void invalidNamesAreRefused_data();
    void invalidNamesAreRefused();
    void refusedSecretWriteLeavesTheFile();
};

void TestVariables::substitute_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::addRow("no reference") << QStringLiteral("plain text") << QStringLiteral("plain text");
    QTest::addRow("whole") << QStringLiteral("{{a}}") << QStringLiteral("A");
    QTest::addRow("inside text") << QStringLiteral("{{baseUrl}}/api/x")
                                 << QStringLiteral("http://127.0.0.1:8787/api/x");
    QTest::addRow("spaces in braces") << QStringLiteral("x{{ a }}y{{\tb\t}}") << QStringLiteral("xAyB");
    QTest::addRow("twice") << QStringLiteral("{{a}}{{a}}{{b}}") << QStringLiteral("AAB");
    QTest::addRow("name with . - _") << QStringLiteral("{{my-app.key_1}}") << QStringLiteral("K");
    QTest::addRow("empty value") << QStringLiteral("[{{empty}}]") << QStringLiteral("[]");
    QTest::addRow("no re-expansion") << QStringLiteral("{{loop}}") << QStringLiteral("{{a}}");
    QTest::addRow("triple braces") << QStringLiteral("{{{a}}}") << QStringLiteral("{A}");
    QTest::addRow("unclosed") << QStringLiteral("{{a") << QStringLiteral("{{a");
    QTest::addRow("single braces") << QStringLiteral("{a}") << QStringLiteral("{a}");
    QTest::addRow("space between braces") << QStringLiteral("{ {a}}") << QStringLiteral("{ {a}}");
    QTest::addRow("not a name") << QStringLiteral("{{a b}}") << QStringLiteral("{{a b}}");
    QTest::addRow("unicode around") << QStringLiteral("é{{a}}日本語🎉") << QStringLiteral("éA日本語🎉");
}

void TestVariables::substitute()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const auto result = sample().substitute(text);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(*result, expected);
}

void TestVariables::unknownNamesAreAllListed()
{
    const Variables variables = sample();
    const auto one = variables.substitute(QStringLiteral("{{baseUrl}}/{{flowId}}"));
    QVERIFY(!one.ok());
    QCOMPARE(one.error().type, ErrorType::InvalidInput);
    QCOMPARE(one.error().message, QStringLiteral("unknown variable {{flowId}}"));
    const auto several = variables.substitute(QStringLiteral("{{foo}} {{a}} {{ bar }} {{foo}}"));
    QVERIFY(!several.ok());
    QCOMPARE(several.error().message, QStringLiteral("unknown variables {{foo}}, {{bar}}"));
    // Names are case-sensitive.
    QVERIFY(!variables.substitute(QStringLiteral("{{BaseUrl}}")).ok());
}

void TestVariables::referencedNames()
{
    QCOMPARE(Variables::referencedNames(QStringLiteral("{{b}}x{{ a }}{{b}}{{c d}}{{c}}")),
             (QStringList{QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("c")}));
    QVERIFY(Variables::referencedNames(QStringLiteral("no braces")).isEmpty());
}

void TestVariables::namesAndSecrets()
{
    Variables variables;
    variables.set(QStringLiteral("zeta"), QStringLiteral("1"));
    variables.set(QStringLiteral("alpha"), kSecret, true);
    variables.set(QStringLiteral("Mid"), QStringLiteral("2"));
    QCOMPARE(variables.names(),
             (QStringList{QStringLiteral("Mid"), QStringLiteral("alpha"), QStringLiteral("zeta")}));
    QVERIFY(variables.isSecret(QStringLiteral("alpha")));
    QVERIFY(!variables.isSecret(QStringLiteral("zeta")));
    QVERIFY(!variables.isSecret(QStringLiteral("missing")));
    QVERIFY(variables.contains(QStringLiteral("alpha")));
    QVERIFY(!variables.contains(QStringLiteral("Alpha")));
    QCOMPARE(variables.value(QStringLiteral("alpha")), kSecret);
    variables.set(QStringLiteral("alpha"), QStringLiteral("now plain"));
    QVERIFY(!variables.isSecret(QStringLiteral("alpha")));
    QCOMPARE(variables.value(QStringLiteral("alpha")), QStringLiteral("now plain"));
}

void TestVariables::validNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::addRow("letters") << QStringLiteral("baseUrl") << true;
    QTest::addRow("digits, _ - .") << QStringLiteral("a_1-b.2") << true;
    QTest::addRow("one character") << QStringLiteral("x") << true;
    QTest::addRow("64 characters") << QString(64, QLatin1Char('n')) << true;
    QTest::addRow("65 characters") << QString(65, QLatin1Char('n')) << false;
    QTest::addRow("empty") << QString() << false;
    QTest::addRow("space") << QStringLiteral("a b") << false;
    QTest::addRow("braces") << QStringLiteral("{a}") << false;
    QTest::addRow("slash") << QStringLiteral("a/b") << false;
    QTest::addRow("non-ASCII letter") << QStringLiteral("é") << false;
}

void TestVariables::validNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(isValidVariableName(name), valid);
}

void TestVariables::missingFileIsEmpty()
{
    QTemporaryDir dir;
    MemorySecretStore secrets;
    const EnvironmentStore store(dir.path(), kWorkspaceId);
    QCOMPARE(store.filePath(), QDir(dir.path()).filePath(QStringLiteral("tester/environment.json")));
    const auto loaded = store.load(secrets);
    QVERIFY(loaded.ok());
    QVERIFY(loaded->isEmpty());
}

void TestVariables::secretValueStaysOutOfTheFile()
{
    QTemporaryDir dir;
    MemorySecretStore secrets;
    const EnvironmentStore store(dir.path(), kWorkspaceId);
    const QList<Variable> variables{{QStringLiteral("baseUrl"), QStringLiteral("http://h:1"), false},
                                    {QStringLiteral("apiKey"), kSecret, true},
                                    {QStringLiteral("note"), QStringLiteral("日本語"), false}};
    const auto saved = store.save(variables, secrets);
    QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));

    const QByteArray file = readFile(store.filePath());
    QVERIFY(file.contains("apiKey"));
    QVERIFY(file.contains("http://h:1"));
    QVERIFY(!file.contains(kSecret.toUtf8()));
    QVERIFY(!file.contains("s3cr3t"));
    QCOMPARE(secretOf(secrets, QStringLiteral("apiKey")), std::optional<QString>(kSecret));
    QCOMPARE(secretOf(secrets, QStringLiteral("baseUrl")), std::nullopt);

    const auto loaded = store.load(secrets);
    QVERIFY(loaded.ok());
    QCOMPARE(*loaded, variables);

    // Another workspace's store does not see these secrets.
    const auto other = EnvironmentStore(dir.path(), QStringLiteral("ws-other")).load(secrets);
    QVERIFY(other.ok());
    QCOMPARE(other->at(1).value, QString());
}

void TestVariables::renamedAndUnsecretedSecretsAreRemoved()
{
    QTemporaryDir dir;
    MemorySecretStore secrets;
    const EnvironmentStore store(dir.path(), kWorkspaceId);
    QVERIFY(store
                .save({{QStringLiteral("one"), QStringLiteral("first secret"), true},
                       {QStringLiteral("two"), QStringLiteral("second secret"), true},
                       {QStringLiteral("three"), QStringLiteral("third secret"), true}},
                      secrets)
                .ok());
    QVERIFY(secretOf(secrets, QStringLiteral("one")).has_value());
    // "one" renamed to "uno", "two" no longer secret, "three" unchanged.
    const QList<Variable> next{{QStringLiteral("uno"), QStringLiteral("first secret"), true},
                               {QStringLiteral("two"), QStringLiteral("second secret"), false},
                               {QStringLiteral("three"), QStringLiteral("third secret"), true}};
    QVERIFY(store.save(next, secrets).ok());
    QCOMPARE(secretOf(secrets, QStringLiteral("one")), std::nullopt);
    QCOMPARE(secretOf(secrets, QStringLiteral("two")), std::nullopt);
    QCOMPARE(secretOf(secrets, QStringLiteral("uno")),
             std::optional<QString>(QStringLiteral("first secret")));
    QCOMPARE(secretOf(secrets, QStringLiteral("three")),
             std::optional<QString>(QStringLiteral("third secret")));
    const QByteArray file = readFile(store.filePath());
    QVERIFY(file.contains("second secret")); // no longer a secret: the user chose to store it
    QVERIFY(!file.contains("first secret"));
    const auto loaded = store.load(secrets);
    QVERIFY(loaded.ok());
    QCOMPARE(*loaded, next);

    QVERIFY(store.save({}, secrets).ok());
    QCOMPARE(secretOf(secrets, QStringLiteral("uno")), std::nullopt);
    QCOMPARE(secretOf(secrets, QStringLiteral("three")), std::nullopt);
}

void TestVariables::brokenFileIsAnErrorAndKept_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addRow("not JSON") << QByteArray("{\"variables\": [ {\"name\": \"a\"");
    QTest::addRow("not an object") << QByteArray("[1, 2]");
    QTest::addRow("variables not an array") << QByteArray("{\"variables\": {}}");
    QTest::addRow("entry not an object") << QByteArray("{\"variables\": [\"a\"]}");
    QTest::addRow("invalid name") << QByteArray("{\"variables\": [{\"name\": \"a b\", \"value\": \"x\"}]}");
    QTest::addRow("value not a string") << QByteArray("{\"variables\": [{\"name\": \"a\", \"value\": 1}]}");
    QTest::addRow("secret not a bool")
        << QByteArray("{\"variables\": [{\"name\": \"a\", \"secret\": \"yes\"}]}");
}

void TestVariables::brokenFileIsAnErrorAndKept()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    MemorySecretStore secrets;
    const EnvironmentStore store(dir.path(), kWorkspaceId);
    QVERIFY(writeFile(store.filePath(), content));
    const auto loaded = store.load(secrets);
    QVERIFY(!loaded.ok());
    QVERIFY2(loaded.error().message.contains(QLatin1String("environment.json")),
             qPrintable(loaded.error().message));
    QCOMPARE(readFile(store.filePath()), content);
    // Saving over it would lose what the file held: refused too.
    const auto saved = store.save({{QStringLiteral("a"), QStringLiteral("v"), true}}, secrets);
    QVERIFY(!saved.ok());
    QCOMPARE(readFile(store.filePath()), content);
    QCOMPARE(secretOf(secrets, QStringLiteral("a")), std::nullopt);
}

void TestVariables::invalidNamesAreRefused_data()
{
    QTest::addColumn<QList<Variable>>("variables");
    QTest::addColumn<QString>("message");
    QTest::addRow("invalid name") << QList<Variable>{{QStringLiteral("ok"), {}, false},
                                                     {QStringLiteral("a b"), {}, false}}
                                  << QStringLiteral("'a b' is not a valid variable name");
    QTest::addRow("empty name") << QList<Variable>{{QString(), QStringLiteral("v"), false}}
                                << QStringLiteral("'' is not a valid variable name");
    QTest::addRow("twice") << QList<Variable>{{QStringLiteral("a"), {}, false},
                                              {QStringLiteral("a"), {}, true}}
                           << QStringLiteral("the variable 'a' is defined twice");
}

void TestVariables::invalidNamesAreRefused()
{
    QFETCH(QList<Variable>, variables);
    QFETCH(QString, message);
    QTemporaryDir dir;
    MemorySecretStore secrets;
    const EnvironmentStore store(dir.path(), kWorkspaceId);
    const auto saved = store.save(variables, secrets);
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().type, ErrorType::InvalidInput);
    QVERIFY2(saved.error().message.startsWith(message), qPrintable(saved.error().message));
    QVERIFY(!QFile::exists(store.filePath()));
    QCOMPARE(secretOf(secrets, QStringLiteral("a")), std::nullopt);
}

void TestVariables::refusedSecretWriteLeavesTheFile()
{
    QTemporaryDir dir;
    MemorySecretStore memory;
    const EnvironmentStore store(dir.path(), kWorkspaceId);
    QVERIFY(store.save({{QStringLiteral("plain"), QStringLiteral("v1"), false}}, memory).ok());
    const QByteArray before = readFile(store.filePath());
    RefusingSecretStore refusing;
    const auto saved = store.save(
        {{QStringLiteral("plain"), QStringLiteral("v2"), false}, {QStringLiteral("key"), kSecret, true}},
        refusing);
    QVERIFY(!saved.ok());
    QVERIFY2(saved.error().message.contains(QLatin1String("the keychain is locked")),
             qPrintable(saved.error().message));
    QCOMPARE(readFile(store.filePath()), before);
}

QTEST_GUILESS_MAIN(TestVariables)
#include "tst_variables.moc"
