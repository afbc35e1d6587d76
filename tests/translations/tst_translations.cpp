// The catalogues of translations/: up to date with the sources (lupdate, run on the project of the
// update_translations target into copies of the committed files, finds no new and no vanished
// string), and complete (lrelease finds no unfinished entry; every translation keeps the placeholders,
// markup and accelerator of its source, with as many plural forms as its language has).

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

constexpr int kToolTimeoutMs = 120000;

struct Message {
    QString context;
    QString source;
    QString comment;
    QString type; // "unfinished", "vanished", "obsolete" or empty
    bool numerus = false;
    QStringList translations; // one, or one per plural form
};

struct Catalogue {
    QString language; // "fr_FR", as in the TS element
    QList<Message> messages;
    QString error;
};

void readMessage(QXmlStreamReader &xml, const QString &context, Message &message)
{
    message.context = context;
    message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
    while (xml.readNextStartElement()) {
        if (xml.name() == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (xml.name() == QLatin1String("comment")) {
            message.comment = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!message.numerus) {
                message.translations.append(xml.readElementText());
                continue;
            }
            while (xml.readNextStartElement()) {
                if (xml.name() == QLatin1String("numerusform"))
                    message.translations.append(xml.readElementText());
                else
                    xml.skipCurrentElement();
            }
        } else {
            xml.skipCurrentElement();
        }
    }
}

Catalogue readCatalogue(const QString &path)
{
    Catalogue catalogue;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        catalogue.error = file.errorString();
        return catalogue;
    }
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("TS")) {
            catalogue.language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            Message message;
            readMessage(xml, context, message);
            catalogue.messages.append(message);
        }
    }
    if (xml.hasError())
        catalogue.error = QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
    return catalogue;
}

// How a string is told apart in a catalogue, as a line of a failure message.
QString describe(const Message &message)
{
    QString text = message.context + QStringLiteral(": \"") + message.source + QLatin1Char('"');
    if (!message.comment.isEmpty())
        text += QStringLiteral(" (") + message.comment + QLatin1Char(')');
    return text;
}

QSet<QString> describeAll(const QList<Message> &messages)
{
    QSet<QString> keys;
    for (const Message &message : messages)
        keys.insert(describe(message));
    return keys;
}

// Runs a tool; its exit code (-1 when it did not finish) and what it printed on both channels.
int runTool(const QString &program, const QStringList &arguments, QString &output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    const bool finished = process.waitForFinished(kToolTimeoutMs);
    output = QString::fromLocal8Bit(process.readAll());
    if (!finished || process.exitStatus() != QProcess::NormalExit) {
        output += process.errorString();
        return -1;
    }
    return process.exitCode();
}

QStringList words(const char *text)
{
    return QString::fromUtf8(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// Placeholders (%1, %n), template variables ({{baseUrl}}) and markup tags: a translation has the
// same ones as its source.
QStringList markers(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(\\d+|n)|\\{\\{[^}]*\\}\\}|</?[A-Za-z][^>]*>"));
    QStringList found;
    for (const QRegularExpressionMatch &match : pattern.globalMatch(text))
        found.append(match.captured());
    found.sort();
    found.removeDuplicates();
    return found;
}

// A keyboard accelerator: '&' before a letter or digit, neither "&&" nor an entity such as "&lt;".
int acceleratorCount(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("(?<!&)&(?!&|#?\\w+;)\\w"));
    int count = 0;
    for (auto it = pattern.globalMatch(text); it.hasNext(); it.next())
        ++count;
    return count;
}

QStringList committedCatalogues()
{
    const QDir dir(QStringLiteral(WF_TRANSLATIONS_DIR));
    QStringList paths;
    for (const QString &name : dir.entryList({QStringLiteral("wfconsole_*.ts")}, QDir::Files, QDir::Name))
        paths.append(dir.filePath(name));
    return paths;
}

} // namespace

class TestTranslations final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void sourcesMatchCatalogues_data();
    void sourcesMatchCatalogues();
    void cataloguesFinished_data();
    void cataloguesFinished();
    void markersKept_data();
    void markersKept();
    void pluralForms_data();
    void pluralForms();

private:
    void addCatalogueRows();
};

void TestTranslations::initTestCase()
{
    const QStringList names = [] {
        QStringList found;
        for (const QString &path : committedCatalogues())
            found.append(QFileInfo(path).fileName());
        return found;
    }();
    const QStringList expected = {QStringLiteral("wfconsole_en.ts"), QStringLiteral("wfconsole_fr.ts"),
                                  QStringLiteral("wfconsole_ja.ts")};
    QCOMPARE(names, expected);
    for (const char *tool : {WF_LUPDATE, WF_LRELEASE})
        QVERIFY2(QFileInfo(QString::fromUtf8(tool)).isExecutable(), tool);
}

void TestTranslations::addCatalogueRows()
{
    QTest::addColumn<QString>("path");
    for (const QString &path : committedCatalogues())
        QTest::addRow("%s", qPrintable(QFileInfo(path).fileName())) << path;
}

void TestTranslations::sourcesMatchCatalogues_data()
{
    QTest::addColumn<QString>("project");
    QTest::addColumn<QStringList>("options");
    QTest::addRow("translated") << QStringLiteral(WF_LUPDATE_PROJECT) << words(WF_LUPDATE_OPTIONS);
    QTest::addRow("plural forms") << QStringLiteral(WF_LUPDATE_PLURALS_PROJECT)
                                  << words(WF_LUPDATE_PLURALS_OPTIONS);
}

// lupdate runs as the build target runs it (the same project, sources and options), but on copies of
// the catalogues, which then must hold the same strings as the committed ones.
void TestTranslations::sourcesMatchCatalogues()
{
    QFETCH(QString, project);
    QFETCH(QStringList, options);
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString json = scratch.filePath(QStringLiteral("project.json"));
    QString output;
    QCOMPARE(runTool(QStringLiteral(WF_CMAKE),
                     {QStringLiteral("-DIN_FILE=") + project, QStringLiteral("-DOUT_FILE=") + json,
                      QStringLiteral("-P"), QStringLiteral(WF_LUPDATE_PROJECT_SCRIPT)},
                     output),
             0);
    QFile file(json);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(output));
    QJsonObject description = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QVERIFY(!description.value(QLatin1String("sources")).toArray().isEmpty());
    const QJsonArray committed = description.value(QLatin1String("translations")).toArray();
    QVERIFY(!committed.isEmpty());
    QJsonArray copies;
    for (const QJsonValue &path : committed) {
        const QString copy = scratch.filePath(QFileInfo(path.toString()).fileName());
        QVERIFY(QFile::copy(path.toString(), copy));
        QVERIFY(QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner));
        copies.append(copy);
    }
    description.insert(QLatin1String("translations"), copies);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(description).toJson());
    file.close();
    QCOMPARE(
        runTool(QStringLiteral(WF_LUPDATE), QStringList{QStringLiteral("-project"), json} + options, output),
        0);

    // Each difference with the catalogues it is found in, printed one per line (a failure message
    // would be cut short).
    QMap<QString, QStringList> differences;
    for (qsizetype i = 0; i < committed.size(); ++i) {
        const Catalogue before = readCatalogue(committed.at(i).toString());
        const Catalogue after = readCatalogue(copies.at(i).toString());
        QVERIFY2(before.error.isEmpty() && after.error.isEmpty(), qPrintable(before.error + after.error));
        const QSet<QString> was = describeAll(before.messages);
        const QSet<QString> is = describeAll(after.messages);
        const QString name = QFileInfo(committed.at(i).toString()).fileName();
        for (const QString &key : is - was)
            differences[QStringLiteral("new ") + key].append(name);
        for (const QString &key : was - is)
            differences[QStringLiteral("vanished ") + key].append(name);
    }
    for (auto it = differences.cbegin(); it != differences.cend(); ++it)
        qWarning("%s: %s", qPrintable(it.value().join(QLatin1String(", "))), qPrintable(it.key()));
    QVERIFY2(differences.isEmpty(),
             qPrintable(QStringLiteral("%1 strings differ between the sources and the catalogues (listed "
                                       "above): build the target update_translations, then translate them")
                            .arg(differences.size())));
}

void TestTranslations::cataloguesFinished_data()
{
    addCatalogueRows();
}

// lrelease's own count of unfinished entries, with the entries named from the catalogue.
void TestTranslations::cataloguesFinished()
{
    QFETCH(QString, path);
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    QString output;
    QCOMPARE(runTool(QStringLiteral(WF_LRELEASE),
                     {path, QStringLiteral("-qm"), scratch.filePath(QStringLiteral("catalogue.qm"))}, output),
             0);
    static const QRegularExpression generated(
        QStringLiteral("Generated (\\d+) translation\\(s\\) \\((\\d+) finished and (\\d+) unfinished\\)"));
    const QRegularExpressionMatch counts = generated.match(output);
    QVERIFY2(counts.hasMatch(), qPrintable(output));

    const Catalogue catalogue = readCatalogue(path);
    QVERIFY2(catalogue.error.isEmpty(), qPrintable(catalogue.error));
    QStringList unfinished;
    for (const Message &message : catalogue.messages) {
        if (!message.type.isEmpty() || message.translations.contains(QString()))
            unfinished.append(describe(message) + QLatin1Char(' ') + message.type);
    }
    // lrelease counts an entry with no translation at all apart ("Ignored N untranslated source text(s)").
    QVERIFY2(counts.captured(3).toInt() == 0 && !output.contains(QLatin1String("Ignored")) &&
                 unfinished.isEmpty(),
             qPrintable(output + unfinished.join(QLatin1Char('\n'))));
    QCOMPARE(counts.captured(1).toInt(), int(catalogue.messages.size()));
}

void TestTranslations::markersKept_data()
{
    addCatalogueRows();
}

void TestTranslations::markersKept()
{
    QFETCH(QString, path);
    const Catalogue catalogue = readCatalogue(path);
    QVERIFY2(catalogue.error.isEmpty(), qPrintable(catalogue.error));
    QStringList wrong;
    for (const Message &message : catalogue.messages) {
        const QStringList expected = markers(message.source);
        const int accelerators = acceleratorCount(message.source);
        for (const QString &translation : message.translations) {
            if (markers(translation) != expected)
                wrong.append(describe(message) + QStringLiteral(" -> markers of \"") + translation +
                             QLatin1Char('"'));
            if (acceleratorCount(translation) != accelerators)
                wrong.append(describe(message) + QStringLiteral(" -> accelerators of \"") + translation +
                             QLatin1Char('"'));
        }
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
}

void TestTranslations::pluralForms_data()
{
    addCatalogueRows();
}

// English and French tell one from many; Japanese has a single form.
void TestTranslations::pluralForms()
{
    QFETCH(QString, path);
    const Catalogue catalogue = readCatalogue(path);
    QVERIFY2(catalogue.error.isEmpty(), qPrintable(catalogue.error));
    const QHash<QString, int> forms = {
        {QStringLiteral("en"), 2}, {QStringLiteral("fr"), 2}, {QStringLiteral("ja"), 1}};
    const QString language = catalogue.language.section(QLatin1Char('_'), 0, 0);
    QVERIFY2(forms.contains(language), qPrintable(QStringLiteral("no plural rule known for ") + language));
    int numerus = 0;
    for (const Message &message : catalogue.messages) {
        if (!message.numerus)
            continue;
        ++numerus;
        QVERIFY2(message.translations.size() == forms.value(language), qPrintable(describe(message)));
    }
    QVERIFY2(numerus > 0, "the console has messages with a count (tr with %n)");
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
