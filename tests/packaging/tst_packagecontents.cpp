// The .deb and the .tar.gz that cpack makes: the control fields dpkg and apt read, the run-time
// dependencies (shared libraries found by dpkg-shlibdeps and the Qt plugins that are not), every file
// either package installs with its mode, and the binary itself (stripped, no RUNPATH into the build).

#include "PackagingTestSupport.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QTest>

using namespace wf::packagingtest;

namespace {

struct Entry {
    QString mode;
    QString owner;
};

// `dpkg-deb -c` lines: "-rwxr-xr-x root/root 4104616 2026-11-28 21:00 ./usr/bin/wfconsole".
QHash<QString, Entry> debEntries()
{
    QHash<QString, Entry> entries;
    const Run listed = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), debFile()});
    static const QRegularExpression space(QStringLiteral("\\s+"));
    for (const QString &line : QString::fromUtf8(listed.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList parts = line.split(space);
        if (parts.size() >= 6)
            entries.insert(parts.at(5), Entry{parts.at(0), parts.at(1)});
    }
    return entries;
}

// "libc6 (>= 2.34), libqt6core6 (>= 6.4.2), a | b" as name -> version constraint (first alternative).
QHash<QString, QString> relations(const QString &field)
{
    QHash<QString, QString> byName;
    const Run fields = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), debFile(), field});
    static const QRegularExpression relation(QStringLiteral("^\\s*([a-z0-9.+-]+)\\s*(\\(([^)]*)\\))?"));
    for (const QString &item : QString::fromUtf8(fields.out).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto match = relation.match(item.section(QLatin1Char('|'), 0, 0));
        if (match.hasMatch())
            byName.insert(match.captured(1), match.captured(3));
    }
    return byName;
}

QString controlField(const QString &field)
{
    return QString::fromUtf8(run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), debFile(), field}).out)
        .trimmed();
}

void addInstalledFileRows()
{
    QTest::addColumn<QString>("path"); // below /usr in the .deb, below the top folder in the tarball
    QTest::addColumn<bool>("executable");
    QTest::addRow("binary") << QStringLiteral("bin/wfconsole") << true;
    QTest::addRow("desktop file") << QStringLiteral("share/applications/%1.desktop").arg(kAppId) << false;
    QTest::addRow("metainfo") << QStringLiteral("share/metainfo/%1.metainfo.xml").arg(kAppId) << false;
    QTest::addRow("scalable icon") << QStringLiteral("share/icons/hicolor/scalable/apps/%1.svg").arg(kAppId)
                                   << false;
    for (const int size : {48, 128, 256})
        QTest::addRow("%dpx icon", size)
            << QStringLiteral("share/icons/hicolor/%1x%1/apps/%2.png").arg(size).arg(kAppId) << false;
    QTest::addRow("manual page") << QStringLiteral("share/man/man1/wfconsole.1.gz") << false;
    QTest::addRow("systemd unit") << QStringLiteral("lib/systemd/system/wfconsole.service") << false;
    QTest::addRow("readme") << QStringLiteral("share/doc/wfconsole/README.md") << false;
    QTest::addRow("nginx example") << QStringLiteral("share/doc/wfconsole/examples/nginx-wfconsole.conf")
                                   << false;
}

// Width and height from a PNG's IHDR chunk, which always comes first.
QSize pngSize(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray head = file.read(24);
    if (head.size() < 24 || !head.startsWith("\x89PNG\r\n\x1a\n") || head.mid(12, 4) != "IHDR")
        return {};
    const auto be32 = [&head](int at) {
        int value = 0;
        for (int i = 0; i < 4; ++i)
            value = (value << 8) | static_cast<unsigned char>(head.at(at + i));
        return value;
    };
    return QSize(be32(16), be32(20));
}

} // namespace

class TestPackageContents final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void controlFields_data();
    void controlFields();
    void dependsOn_data();
    void dependsOn();
    void recommends_data();
    void recommends();
    void suggestsThePostgresDriver();
    void debInstalls_data();
    void debInstalls();
    void debInstallsOnlyBelowUsr();
    void debHasNoMaintainerScripts();
    void tarballHolds_data();
    void tarballHolds();
    void binaryIsStrippedWithoutRunpath();
    void iconsAreRenderedAtTheirSize_data();
    void iconsAreRenderedAtTheirSize();
    void scalableIconIsTheAppIcon();
};

void TestPackageContents::initTestCase()
{
    QVERIFY2(!debFile().isEmpty(), "no .deb in the scratch folder: run packaging_cpack first");
    QVERIFY2(!tarball().isEmpty(), "no .tar.gz in the scratch folder: run packaging_cpack first");
    QVERIFY(!tarRoot().isEmpty());
}

void TestPackageContents::controlFields_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    const QString architecture = QString::fromUtf8(
        run(QStringLiteral("dpkg"), {QStringLiteral("--print-architecture")}).out.trimmed());
    QTest::addRow("Package") << QStringLiteral("Package") << QStringLiteral("wfconsole");
    QTest::addRow("Version") << QStringLiteral("Version") << QStringLiteral(WF_VERSION);
    QTest::addRow("Architecture") << QStringLiteral("Architecture") << architecture;
    QTest::addRow("Section") << QStringLiteral("Section") << QStringLiteral("devel");
    QTest::addRow("Priority") << QStringLiteral("Priority") << QStringLiteral("optional");
}

void TestPackageContents::controlFields()
{
    QFETCH(QString, field);
    QFETCH(QString, expected);
    QCOMPARE(controlField(field), expected);
}

void TestPackageContents::dependsOn_data()
{
    QTest::addColumn<QString>("package");
    QTest::addColumn<bool>("versioned"); // found by dpkg-shlibdeps, which adds a minimum version
    // Shared libraries the binary links.
    for (const char *library :
         {"libc6", "libstdc++6", "libqt6core6", "libqt6gui6", "libqt6widgets6", "libqt6network6",
          "libqt6sql6", "libqt6dbus6", "libqt6keychain1", "libssl3", "libcjose0", "libjansson4"})
        QTest::addRow("%s", library) << QString::fromLatin1(library) << true;
    // Plugins Qt loads at run time: the history's SQLite driver, the window's platform plugins, the
    // SVG icon engine.
    for (const char *plugin : {"libqt6sql6-sqlite", "qt6-qpa-plugins", "libqt6svg6"})
        QTest::addRow("%s", plugin) << QString::fromLatin1(plugin) << false;
}

void TestPackageContents::dependsOn()
{
    QFETCH(QString, package);
    QFETCH(bool, versioned);
    const auto depends = relations(QStringLiteral("Depends"));
    QVERIFY2(depends.contains(package), qPrintable(controlField(QStringLiteral("Depends"))));
    if (versioned)
        QVERIFY2(depends.value(package).startsWith(QLatin1String(">= ")), qPrintable(depends.value(package)));
}

void TestPackageContents::recommends_data()
{
    QTest::addColumn<QString>("package");
    QTest::addRow("secret service") << QStringLiteral("gnome-keyring");
    QTest::addRow("wayland platform") << QStringLiteral("qt6-wayland");
    QTest::addRow("qt catalogues") << QStringLiteral("qt6-translations-l10n");
}

void TestPackageContents::recommends()
{
    QFETCH(QString, package);
    QVERIFY2(relations(QStringLiteral("Recommends")).contains(package),
             qPrintable(controlField(QStringLiteral("Recommends"))));
    QVERIFY(!relations(QStringLiteral("Depends")).contains(package));
}

void TestPackageContents::suggestsThePostgresDriver()
{
    // Only `serve --database` needs it; a desktop install goes without.
    QVERIFY2(relations(QStringLiteral("Suggests")).contains(QStringLiteral("libqt6sql6-psql")),
             qPrintable(controlField(QStringLiteral("Suggests"))));
    QVERIFY(!relations(QStringLiteral("Depends")).contains(QStringLiteral("libqt6sql6-psql")));
}

void TestPackageContents::debInstalls_data()
{
    addInstalledFileRows();
}

void TestPackageContents::debInstalls()
{
    QFETCH(QString, path);
    QFETCH(bool, executable);
    const auto entries = debEntries();
    const QString key = QStringLiteral("./usr/") + path;
    QVERIFY2(entries.contains(key), qPrintable(QStringList(entries.keys()).join(QLatin1Char('\n'))));
    QCOMPARE(entries.value(key).mode,
             executable ? QStringLiteral("-rwxr-xr-x") : QStringLiteral("-rw-r--r--"));
    QCOMPARE(entries.value(key).owner, QStringLiteral("root/root"));
}

void TestPackageContents::debInstallsOnlyBelowUsr()
{
    const auto entries = debEntries();
    QVERIFY(entries.size() > 10);
    for (auto it = entries.cbegin(); it != entries.cend(); ++it) {
        QVERIFY2(it.key() == QLatin1String("./") || it.key().startsWith(QLatin1String("./usr/")),
                 qPrintable(it.key()));
        // Translations are compiled into the binary; no catalogue is installed beside it.
        QVERIFY2(!it.key().endsWith(QLatin1String(".qm")), qPrintable(it.key()));
    }
}

void TestPackageContents::debHasNoMaintainerScripts()
{
    // Nothing to run at install time: the service is not enabled and needs no account of its own.
    const Run info = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-I"), debFile()});
    QCOMPARE(info.exitCode, 0);
    QVERIFY2(info.out.contains(" control"), info.out.constData());
    for (const char *script : {"preinst", "postinst", "prerm", "postrm"})
        QVERIFY2(!info.out.contains(script), info.out.constData());
}

void TestPackageContents::tarballHolds_data()
{
    addInstalledFileRows();
}

void TestPackageContents::tarballHolds()
{
    QFETCH(QString, path);
    QFETCH(bool, executable);
    const QFileInfo info(tarRoot(path));
    QVERIFY2(info.isFile(), qPrintable(info.filePath()));
    QCOMPARE(info.isExecutable(), executable);
    QFile inTarball(info.filePath());
    QFile inDeb(debRoot(QStringLiteral("usr/") + path));
    QVERIFY(inTarball.open(QIODevice::ReadOnly));
    QVERIFY(inDeb.open(QIODevice::ReadOnly));
    QVERIFY2(inTarball.readAll() == inDeb.readAll(), "the tarball and the .deb differ");
}

void TestPackageContents::binaryIsStrippedWithoutRunpath()
{
    const QString binary = debRoot(QStringLiteral("usr/bin/wfconsole"));
    const Run type = run(QStringLiteral("file"), {QStringLiteral("-b"), binary});
    QVERIFY2(type.out.startsWith("ELF 64-bit LSB pie executable"), type.out.constData());
    QVERIFY2(type.out.contains(", stripped"), type.out.constData());
    const Run dynamic = run(QStringLiteral("readelf"), {QStringLiteral("-d"), binary});
    QCOMPARE(dynamic.exitCode, 0);
    QVERIFY2(dynamic.out.contains("(NEEDED)") && dynamic.out.contains("libQt6Core.so.6"),
             dynamic.out.constData());
    QVERIFY2(!dynamic.out.contains("(RUNPATH)") && !dynamic.out.contains("(RPATH)"), dynamic.out.constData());
}

void TestPackageContents::iconsAreRenderedAtTheirSize_data()
{
    QTest::addColumn<int>("size");
    for (const int size : {48, 128, 256})
        QTest::addRow("%dpx", size) << size;
}

void TestPackageContents::iconsAreRenderedAtTheirSize()
{
    QFETCH(int, size);
    const QString png =
        debRoot(QStringLiteral("usr/share/icons/hicolor/%1x%1/apps/%2.png").arg(size).arg(kAppId));
    QCOMPARE(pngSize(png), QSize(size, size));
}

void TestPackageContents::scalableIconIsTheAppIcon()
{
    QFile installed(debRoot(QStringLiteral("usr/share/icons/hicolor/scalable/apps/%1.svg").arg(kAppId)));
    QFile source(QStringLiteral(WF_SOURCE_DIR "/resources/icons/wfconsole.svg"));
    QVERIFY(installed.open(QIODevice::ReadOnly));
    QVERIFY(source.open(QIODevice::ReadOnly));
    QCOMPARE(installed.readAll(), source.readAll());
}

QTEST_GUILESS_MAIN(TestPackageContents)
#include "tst_packagecontents.moc"
