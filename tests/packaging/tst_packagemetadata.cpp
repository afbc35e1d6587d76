// The desktop integration files and the systemd unit as the .deb installs them: each passes its
// format's validator (desktop-file-validate, appstreamcli, systemd-analyze), and they name each other
// and the installed binary and icon consistently.

#include "PackagingTestSupport.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace wf::packagingtest;

namespace {

QString desktopFile()
{
    return debRoot(QStringLiteral("usr/share/applications/%1.desktop").arg(kAppId));
}

QString metainfoFile()
{
    return debRoot(QStringLiteral("usr/share/metainfo/%1.metainfo.xml").arg(kAppId));
}

QString unitFile()
{
    return debRoot(QStringLiteral("usr/lib/systemd/system/wfconsole.service"));
}

// The [Desktop Entry] keys of a desktop file (untranslated ones only).
QHash<QString, QString> desktopEntries()
{
    QHash<QString, QString> entries;
    QFile file(desktopFile());
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return entries;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals > 0 && !line.startsWith(QLatin1Char('#')) && !line.left(equals).contains(QLatin1Char('[')))
            entries.insert(line.left(equals), line.mid(equals + 1));
    }
    return entries;
}

// The text of each element of the metainfo file (the first untranslated one of each name), with
// "release@version" the first release's version and "content_rating@type" the rating's scheme.
QHash<QString, QString> metainfoElements()
{
    QHash<QString, QString> elements;
    QFile file(metainfoFile());
    if (!file.open(QIODevice::ReadOnly))
        return elements;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QString name = xml.name().toString();
        const QXmlStreamAttributes attributes = xml.attributes();
        for (const char *attribute : {"version", "type"}) {
            const QString key = name + QLatin1Char('@') + QLatin1String(attribute);
            if (attributes.hasAttribute(QLatin1String(attribute)) && !elements.contains(key))
                elements.insert(key, attributes.value(QLatin1String(attribute)).toString());
        }
        // Containers: their children are what counts.
        if (name == QLatin1String("component") || name == QLatin1String("releases") ||
            name == QLatin1String("provides") || elements.contains(name))
            continue;
        const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
        if (!attributes.hasAttribute(QLatin1String("xml:lang")))
            elements.insert(name, text);
    }
    return elements;
}

} // namespace

class TestPackageMetadata final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void desktopFileValidates();
    void desktopEntry_data();
    void desktopEntry();
    void desktopEntryNamesInstalledFiles();
    void metainfoValidates();
    void metainfo_data();
    void metainfo();
    void unitVerifies();
    void unitIsHardened();

private:
    QString m_systemdAnalyze;
};

void TestPackageMetadata::initTestCase()
{
    QVERIFY2(QFileInfo::exists(desktopFile()), "no installed desktop file: run packaging_cpack first");
    m_systemdAnalyze = QStandardPaths::findExecutable(QStringLiteral("systemd-analyze"));
}

void TestPackageMetadata::desktopFileValidates()
{
    const Run validated = run(QStringLiteral("desktop-file-validate"), {desktopFile()});
    QVERIFY2(validated.exitCode == 0, validated.printed().constData());
    // Warnings and hints are printed with exit code 0; a clean file prints nothing.
    QVERIFY2(validated.out.isEmpty() && validated.err.isEmpty(), validated.printed().constData());
}

void TestPackageMetadata::desktopEntry_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");
    QTest::addRow("type") << QStringLiteral("Type") << QStringLiteral("Application");
    QTest::addRow("menu name") << QStringLiteral("Name") << QStringLiteral("Workflows Console");
    QTest::addRow("command") << QStringLiteral("Exec") << QStringLiteral("wfconsole");
    QTest::addRow("icon") << QStringLiteral("Icon") << kAppId;
    // The window's class (X11) and app id (Wayland) without a desktop file name set: the binary's name.
    QTest::addRow("window class") << QStringLiteral("StartupWMClass") << QStringLiteral("wfconsole");
    QTest::addRow("no terminal") << QStringLiteral("Terminal") << QStringLiteral("false");
}

void TestPackageMetadata::desktopEntry()
{
    QFETCH(QString, key);
    QFETCH(QString, expected);
    QCOMPARE(desktopEntries().value(key), expected);
}

void TestPackageMetadata::desktopEntryNamesInstalledFiles()
{
    const auto entries = desktopEntries();
    QVERIFY(QFileInfo(debRoot(QStringLiteral("usr/bin/") + entries.value(QStringLiteral("Exec"))))
                .isExecutable());
    const QString icon = entries.value(QStringLiteral("Icon"));
    QVERIFY(
        QFileInfo::exists(debRoot(QStringLiteral("usr/share/icons/hicolor/scalable/apps/%1.svg").arg(icon))));
    QVERIFY(
        QFileInfo::exists(debRoot(QStringLiteral("usr/share/icons/hicolor/48x48/apps/%1.png").arg(icon))));
}

void TestPackageMetadata::metainfoValidates()
{
    const Run validated =
        run(QStringLiteral("appstreamcli"), {QStringLiteral("validate"), QStringLiteral("--no-net"),
                                             QStringLiteral("--pedantic"), metainfoFile()});
    QVERIFY2(validated.exitCode == 0, validated.printed().constData());
    // Pedantic remarks ("P:") may remain; no error, warning or info.
    static const QRegularExpression issue(QStringLiteral("^[EWI]: "), QRegularExpression::MultilineOption);
    QVERIFY2(!issue.match(QString::fromUtf8(validated.out)).hasMatch(), validated.out.constData());
}

void TestPackageMetadata::metainfo_data()
{
    QTest::addColumn<QString>("element");
    QTest::addColumn<QString>("expected");
    QTest::addRow("id") << QStringLiteral("id") << kAppId;
    QTest::addRow("launchable") << QStringLiteral("launchable") << kAppId + QStringLiteral(".desktop");
    QTest::addRow("binary") << QStringLiteral("binary") << QStringLiteral("wfconsole");
    QTest::addRow("name") << QStringLiteral("name") << QStringLiteral("Workflows Console");
    QTest::addRow("release") << QStringLiteral("release@version") << QStringLiteral(WF_VERSION);
    QTest::addRow("content rating") << QStringLiteral("content_rating@type") << QStringLiteral("oars-1.1");
    // The repository has no licence file.
    QTest::addRow("licence") << QStringLiteral("project_license") << QStringLiteral("LicenseRef-proprietary");
}

void TestPackageMetadata::metainfo()
{
    QFETCH(QString, element);
    QFETCH(QString, expected);
    QCOMPARE(metainfoElements().value(element), expected);
}

void TestPackageMetadata::unitVerifies()
{
    if (m_systemdAnalyze.isEmpty())
        QSKIP("systemd-analyze is not installed (Debian package systemd)");
    // verify checks that ExecStart names an executable: point it at the unpacked package's binary.
    QFile unit(unitFile());
    QVERIFY(unit.open(QIODevice::ReadOnly));
    const QByteArray text = unit.readAll();
    QVERIFY(text.contains("\nExecStart=/usr/bin/wfconsole serve "));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile copy(dir.filePath(QStringLiteral("wfconsole.service")));
    QVERIFY(copy.open(QIODevice::WriteOnly));
    const QByteArray installed = debRoot(QStringLiteral("usr/bin/wfconsole")).toUtf8();
    copy.write(
        QByteArray(text).replace(QByteArray("=/usr/bin/wfconsole "), QByteArray("=" + installed + " ")));
    copy.close();

    QStringList arguments{QStringLiteral("verify")};
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (QStandardPaths::findExecutable(QStringLiteral("man")).isEmpty()) {
        qInfo("man is not installed (Debian package man-db): Documentation=man:wfconsole(1) is not checked");
        arguments << QStringLiteral("--man=no");
    } else {
        // Documentation= must name a page that exists: the package's.
        environment.insert(QStringLiteral("MANPATH"), debRoot(QStringLiteral("usr/share/man")));
    }
    const Run verified = run(m_systemdAnalyze, arguments << copy.fileName(), environment);
    QVERIFY2(verified.exitCode == 0 && verified.err.isEmpty(), verified.printed().constData());
}

void TestPackageMetadata::unitIsHardened()
{
    if (m_systemdAnalyze.isEmpty())
        QSKIP("systemd-analyze is not installed (Debian package systemd)");
    const Run security = run(m_systemdAnalyze, {QStringLiteral("security"), QStringLiteral("--offline=true"),
                                                QStringLiteral("--no-pager"), unitFile()});
    QVERIFY2(security.exitCode == 0, security.printed().constData());
    static const QRegularExpression overall(
        QStringLiteral("Overall exposure level for wfconsole\\.service: ([0-9.]+)"));
    const auto match = overall.match(QString::fromUtf8(security.out));
    QVERIFY2(match.hasMatch(), security.out.constData());
    qInfo("systemd-analyze security: exposure %s", qPrintable(match.captured(1)));
    // 10 is an unsandboxed service; below 2 every applicable sandboxing option is on.
    QVERIFY2(match.captured(1).toDouble() < 2.0, security.out.constData());
}

QTEST_GUILESS_MAIN(TestPackageMetadata)
#include "tst_packagemetadata.moc"
