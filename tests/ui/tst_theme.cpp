// The console's look: the light and dark palettes (forced, saved, kept when something else sets a
// palette, and following the desktop portal's colour scheme on a private D-Bus), and the SVG icons,
// drawn at every size and device pixel ratio in the colours of the palette in use.

#include "Icons.h"
#include "Theme.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusVariant>
#include <QPixmap>
#include <QProcess>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QTest>
#include <QThread>
#include <atomic>
#include <optional>

using namespace wf::ui;

namespace {

constexpr int kWaitMs = 5000;

// org.freedesktop.portal.Settings as the desktop portal serves it, with the colour scheme a test sets.
// It lives in a thread of its own, as the portal is another process: the theme waits for its answer.
class FakePortal final : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Settings")
    Q_DISABLE_COPY_MOVE(FakePortal)

public:
    FakePortal() = default;
    std::atomic<uint> colorScheme = 0;

    // Changes the scheme and says so on the bus, from the portal's thread.
    void announce(uint scheme)
    {
        colorScheme = scheme;
        QMetaObject::invokeMethod(this, [this, scheme] {
            emit SettingChanged(QStringLiteral("org.freedesktop.appearance"), QStringLiteral("color-scheme"),
                                QDBusVariant(QVariant::fromValue(scheme)));
        });
    }

public slots:
    // Read() answers a variant holding the value's variant.
    QDBusVariant Read(const QString &group, const QString &key)
    {
        if (group == QLatin1String("org.freedesktop.appearance") && key == QLatin1String("color-scheme"))
            return QDBusVariant(QVariant::fromValue(QDBusVariant(QVariant::fromValue(colorScheme.load()))));
        return QDBusVariant(QVariant::fromValue(QDBusVariant(QVariant::fromValue(QString()))));
    }

signals:
    void SettingChanged(const QString &group, const QString &key, const QDBusVariant &value);
};

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 100 &&
           palette.color(QPalette::Text).lightness() > 160;
}

bool isLight(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() > 200 &&
           palette.color(QPalette::Text).lightness() < 80;
}

// The average colour of the pixels drawn (alpha over half), and how many there are.
std::pair<QColor, int> drawnColour(const QPixmap &pixmap)
{
    const QImage image = pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
    qint64 red = 0, green = 0, blue = 0;
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb pixel = image.pixel(x, y);
            if (qAlpha(pixel) < 128)
                continue;
            red += qRed(pixel); // not premultiplied: the colour as drawn
            green += qGreen(pixel);
            blue += qBlue(pixel);
            ++count;
        }
    }
    if (count == 0)
        return {QColor(), 0};
    return {QColor(int(red / count), int(green / count), int(blue / count)), count};
}

} // namespace

class TestTheme final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void forcedDarkGivesDarkPalette();
    void forcedLightGivesLightPalette();
    void choiceIsSavedAndRead();
    void keepsItsPaletteWhenAnotherIsSet();
    void schemeFromPortal_data();
    void schemeFromPortal();
    void followsThePortal();

    void everyIconRenders_data();
    void everyIconRenders();
    void iconsFollowThePalette();
    void appIconKeepsItsColours();
    void unknownIconIsNull();

private:
    QProcess m_bus;
    QString m_busProblem; // why the D-Bus test cannot run, if it cannot
};

void TestTheme::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // A private session bus, so that no desktop portal of the machine running the tests answers. It
    // must be in place before the first Theme looks at the session bus.
    m_bus.start(QStringLiteral("dbus-daemon"), {QStringLiteral("--session"), QStringLiteral("--nofork"),
                                                QStringLiteral("--print-address=1")});
    if (!m_bus.waitForStarted(kWaitMs) || !m_bus.waitForReadyRead(kWaitMs)) {
        m_busProblem =
            QStringLiteral("dbus-daemon cannot be started (package dbus): %1").arg(m_bus.errorString());
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
        return;
    }
    qputenv("DBUS_SESSION_BUS_ADDRESS", m_bus.readLine().trimmed());
    QVERIFY(QDBusConnection::sessionBus().isConnected());
}

void TestTheme::cleanupTestCase()
{
    if (m_bus.state() != QProcess::NotRunning) {
        m_bus.kill();
        m_bus.waitForFinished(kWaitMs);
    }
}

void TestTheme::init()
{
    QSettings().remove(QStringLiteral("ui"));
}

void TestTheme::forcedDarkGivesDarkPalette()
{
    Theme theme;
    QCOMPARE(Theme::instance(), &theme);
    QCOMPARE(theme.choice(), Theme::Choice::System);
    QSignalSpy changed(&theme, &Theme::schemeChanged);
    theme.setChoice(Theme::Choice::Dark);
    QCOMPARE(theme.scheme(), Theme::Scheme::Dark);
    QVERIFY(isDark(QApplication::palette()));
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    QCOMPARE(changed.count(), 1);
    // A widget made now is dark too, and disabled text stays readable but dimmer.
    QWidget widget;
    QVERIFY(isDark(widget.palette()));
    const QPalette palette = QApplication::palette();
    QVERIFY(palette.color(QPalette::Disabled, QPalette::Text).lightness() <
            palette.color(QPalette::Active, QPalette::Text).lightness());
    QVERIFY(palette.color(QPalette::Disabled, QPalette::Text).lightness() >
            palette.color(QPalette::Active, QPalette::Window).lightness());
}

void TestTheme::forcedLightGivesLightPalette()
{
    Theme theme;
    theme.setChoice(Theme::Choice::Dark);
    theme.setChoice(Theme::Choice::Light);
    QCOMPARE(theme.scheme(), Theme::Scheme::Light);
    QVERIFY(isLight(QApplication::palette()));
    QVERIFY(isLight(Theme::palette(Theme::Scheme::Light)));
    QVERIFY(isDark(Theme::palette(Theme::Scheme::Dark)));
}

void TestTheme::choiceIsSavedAndRead()
{
    {
        Theme theme;
        theme.setChoice(Theme::Choice::Dark);
        QCOMPARE(QSettings().value(QStringLiteral("ui/theme")).toString(), QStringLiteral("dark"));
    }
    QCOMPARE(Theme::instance(), nullptr);
    QApplication::setPalette(Theme::palette(Theme::Scheme::Light));
    Theme again; // the next start: dark at once, before any window
    QCOMPARE(again.choice(), Theme::Choice::Dark);
    QVERIFY(isDark(QApplication::palette()));
    Theme::saveChoice(Theme::Choice::System);
    QCOMPARE(Theme::savedChoice(), Theme::Choice::System);
    QSettings().setValue(QStringLiteral("ui/theme"), QStringLiteral("purple"));
    QCOMPARE(Theme::savedChoice(), Theme::Choice::System);
}

void TestTheme::keepsItsPaletteWhenAnotherIsSet()
{
    Theme theme;
    theme.setChoice(Theme::Choice::Dark);
    QApplication::setPalette(Theme::palette(Theme::Scheme::Light));
    QTRY_VERIFY_WITH_TIMEOUT(isDark(QApplication::palette()), kWaitMs);
}

void TestTheme::schemeFromPortal_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<int>("expected"); // -1: no preference
    QTest::newRow("1: dark") << QVariant::fromValue(1u) << int(Theme::Scheme::Dark);
    QTest::newRow("2: light") << QVariant::fromValue(2u) << int(Theme::Scheme::Light);
    QTest::newRow("0: no preference") << QVariant::fromValue(0u) << -1;
    QTest::newRow("3: unknown") << QVariant::fromValue(3u) << -1;
    QTest::newRow("wrapped once") << QVariant::fromValue(QDBusVariant(QVariant::fromValue(1u)))
                                  << int(Theme::Scheme::Dark);
    QTest::newRow("wrapped twice") << QVariant::fromValue(QDBusVariant(
                                          QVariant::fromValue(QDBusVariant(QVariant::fromValue(2u)))))
                                   << int(Theme::Scheme::Light);
    QTest::newRow("text") << QVariant::fromValue(QStringLiteral("dark")) << -1;
    QTest::newRow("nothing") << QVariant() << -1;
}

void TestTheme::schemeFromPortal()
{
    QFETCH(QVariant, value);
    QFETCH(int, expected);
    const std::optional<Theme::Scheme> scheme = Theme::schemeFromPortal(value);
    QCOMPARE(scheme ? int(*scheme) : -1, expected);
}

void TestTheme::followsThePortal()
{
    if (!m_busProblem.isEmpty())
        QSKIP(qPrintable(m_busProblem));
    // The portal runs as another program on the bus: a connection of its own.
    QDBusConnection portalBus = QDBusConnection::connectToBus(
        QString::fromLocal8Bit(qgetenv("DBUS_SESSION_BUS_ADDRESS")), QStringLiteral("portal"));
    QVERIFY(portalBus.isConnected());
    QThread portalThread;
    auto *portal = new FakePortal; // deleted in its thread when that ends
    portal->colorScheme = 1;       // the desktop prefers dark
    // Registered first: the bus gives the object a helper child, which then moves along with it.
    QVERIFY(portalBus.registerObject(QStringLiteral("/org/freedesktop/portal/desktop"), portal,
                                     QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals));
    portal->moveToThread(&portalThread);
    connect(&portalThread, &QThread::finished, portal, &QObject::deleteLater);
    portalThread.start();
    const auto stopThread = qScopeGuard([&portalThread] {
        portalThread.quit();
        portalThread.wait();
    });
    QVERIFY(portalBus.registerService(QStringLiteral("org.freedesktop.portal.Desktop")));

    QApplication::setPalette(Theme::palette(Theme::Scheme::Light));
    {
        Theme theme;
        QCOMPARE(theme.choice(), Theme::Choice::System);
        QCOMPARE(theme.scheme(), Theme::Scheme::Dark); // read before the first window
        QVERIFY(isDark(QApplication::palette()));

        QSignalSpy changed(&theme, &Theme::schemeChanged);
        portal->announce(2); // switched to light while running
        QTRY_COMPARE_WITH_TIMEOUT(theme.scheme(), Theme::Scheme::Light, kWaitMs);
        QVERIFY(isLight(QApplication::palette()));
        QCOMPARE(changed.count(), 1);

        theme.setChoice(Theme::Choice::Light);
        portal->announce(1); // a forced choice does not follow the desktop...
        QCOMPARE(theme.scheme(), Theme::Scheme::Light);
        theme.setChoice(Theme::Choice::System); // ...following it again: dark, once the news is in
        QTRY_COMPARE_WITH_TIMEOUT(theme.scheme(), Theme::Scheme::Dark, kWaitMs);
        QVERIFY(isDark(QApplication::palette()));
    }
    portalBus.unregisterService(QStringLiteral("org.freedesktop.portal.Desktop"));
    portalBus.unregisterObject(QStringLiteral("/org/freedesktop/portal/desktop"));
    QDBusConnection::disconnectFromBus(QStringLiteral("portal"));
}

void TestTheme::everyIconRenders_data()
{
    QTest::addColumn<QString>("name");
    const QStringList expected{
        QStringLiteral("add"),      QStringLiteral("apps"),     QStringLiteral("cards"),
        QStringLiteral("copy"),     QStringLiteral("delete"),   QStringLiteral("editor"),
        QStringLiteral("export"),   QStringLiteral("flows"),    QStringLiteral("history"),
        QStringLiteral("import"),   QStringLiteral("lock"),     QStringLiteral("play"),
        QStringLiteral("redo"),     QStringLiteral("refresh"),  QStringLiteral("reveal"),
        QStringLiteral("search"),   QStringLiteral("settings"), QStringLiteral("stop"),
        QStringLiteral("tester"),   QStringLiteral("undo"),     QStringLiteral("warning"),
        QStringLiteral("wfconsole")};
    QCOMPARE(iconNames(), expected);
    for (const QString &name : expected)
        QTest::newRow(qPrintable(name)) << name;
}

void TestTheme::everyIconRenders()
{
    QFETCH(QString, name);
    const QIcon drawn = icon(name);
    QVERIFY(!drawn.isNull());
    for (const int side : {16, 24, 48}) {
        for (const qreal ratio : {1.0, 2.0}) {
            const QPixmap pixmap = drawn.pixmap(QSize(side, side), ratio);
            QCOMPARE(pixmap.size(), QSize(side, side) * ratio);
            QCOMPARE(pixmap.devicePixelRatio(), ratio);
            const auto [colour, count] = drawnColour(pixmap);
            // At least a few percent of the square is drawn, and not all of it (no solid block) but
            // for the application icon, which is a filled tile.
            const int area = pixmap.width() * pixmap.height();
            QVERIFY2(count > area / 50, qPrintable(QStringLiteral("%1 at %2@%3x: %4 of %5 pixels drawn")
                                                       .arg(name)
                                                       .arg(side)
                                                       .arg(ratio)
                                                       .arg(count)
                                                       .arg(area)));
            if (name != QLatin1String("wfconsole"))
                QVERIFY2(count < area / 2, qPrintable(name));
        }
    }
}

void TestTheme::iconsFollowThePalette()
{
    Theme theme;
    theme.setChoice(Theme::Choice::Light);
    const QIcon settings = icon(QStringLiteral("settings"));
    const auto [onLight, lightCount] = drawnColour(settings.pixmap(QSize(48, 48)));
    QVERIFY(lightCount > 0);
    QVERIFY2(onLight.lightness() < 80, qPrintable(onLight.name()));

    theme.setChoice(Theme::Choice::Dark); // the same QIcon, drawn again in the dark palette's text colour
    const auto [onDark, darkCount] = drawnColour(settings.pixmap(QSize(48, 48)));
    QVERIFY2(onDark.lightness() > 170, qPrintable(onDark.name()));
    QCOMPARE(darkCount, lightCount);

    const auto [disabled, disabledCount] = drawnColour(settings.pixmap(QSize(48, 48), QIcon::Disabled));
    QVERIFY(disabledCount > 0);
    QVERIFY2(disabled.lightness() < onDark.lightness() - 40, qPrintable(disabled.name()));
    const QColor selectedText = QApplication::palette().color(QPalette::HighlightedText);
    const auto [selected, selectedCount] = drawnColour(settings.pixmap(QSize(48, 48), QIcon::Selected));
    QVERIFY(selectedCount > 0);
    QVERIFY(qAbs(selected.lightness() - selectedText.lightness()) < 30);
}

void TestTheme::appIconKeepsItsColours()
{
    Theme theme;
    theme.setChoice(Theme::Choice::Dark);
    const auto [colour, count] = drawnColour(icon(QStringLiteral("wfconsole")).pixmap(QSize(64, 64)));
    QVERIFY(count > 64 * 64 / 2);
    QVERIFY2(colour.blue() > colour.red() + 40, qPrintable(colour.name())); // a blue tile
}

void TestTheme::unknownIconIsNull()
{
    QVERIFY(icon(QStringLiteral("no-such-icon")).isNull());
    QVERIFY(icon(QString()).isNull());
}

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
