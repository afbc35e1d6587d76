#include "Theme.h"

#include <QApplication>
#include <QDBusAbstractInterface>
#include <QDBusConnection>
#include <QDBusReply>
#include <QDBusVariant>
#include <QEvent>
#include <QSettings>
#include <QStyleFactory>
#include <QTimer>

namespace wf::ui {
namespace {

Theme *g_instance = nullptr;

constexpr char kPortalInterface[] = "org.freedesktop.portal.Settings";
// A portal that is installed but not running yet is started by the bus; past this the console opens
// in the platform's colours and follows the portal's announcements from then on.
constexpr int kPortalTimeoutMs = 250;

// org.freedesktop.portal.Settings of the desktop portal, as a generated D-Bus proxy would declare it:
// QtDBus delivers the remote signal as the Qt signal of the same name (hence its D-Bus spelling).
class PortalSettings final : public QDBusAbstractInterface {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PortalSettings)

public:
    explicit PortalSettings(const QDBusConnection &bus)
        : QDBusAbstractInterface(QStringLiteral("org.freedesktop.portal.Desktop"),
                                 QStringLiteral("/org/freedesktop/portal/desktop"), kPortalInterface, bus,
                                 nullptr)
    {
        setTimeout(kPortalTimeoutMs);
    }

signals:
    void SettingChanged(const QString &group, const QString &key, const QDBusVariant &value);
};

const QString kAppearance = QStringLiteral("org.freedesktop.appearance");
const QString kColorScheme = QStringLiteral("color-scheme");

Theme::Scheme schemeOf(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128 ? Theme::Scheme::Dark : Theme::Scheme::Light;
}

struct Colours {
    QColor window, windowText, base, alternateBase, toolTipBase, toolTipText, placeholder, button, bright,
        light, midlight, mid, dark, shadow, highlight, highlightedText, link, linkVisited;
    QColor disabledText, disabledBase, disabledHighlight;
};

QPalette makePalette(const Colours &c)
{
    QPalette palette;
    const std::pair<QPalette::ColorRole, QColor> roles[] = {
        {QPalette::Window, c.window},
        {QPalette::WindowText, c.windowText},
        {QPalette::Base, c.base},
        {QPalette::AlternateBase, c.alternateBase},
        {QPalette::ToolTipBase, c.toolTipBase},
        {QPalette::ToolTipText, c.toolTipText},
        {QPalette::PlaceholderText, c.placeholder},
        {QPalette::Text, c.windowText},
        {QPalette::Button, c.button},
        {QPalette::ButtonText, c.windowText},
        {QPalette::BrightText, c.bright},
        {QPalette::Light, c.light},
        {QPalette::Midlight, c.midlight},
        {QPalette::Mid, c.mid},
        {QPalette::Dark, c.dark},
        {QPalette::Shadow, c.shadow},
        {QPalette::Highlight, c.highlight},
        {QPalette::HighlightedText, c.highlightedText},
        {QPalette::Link, c.link},
        {QPalette::LinkVisited, c.linkVisited},
    };
    for (const auto &[role, colour] : roles)
        palette.setColor(role, colour);
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, c.disabledText);
    palette.setColor(QPalette::Disabled, QPalette::Base, c.disabledBase);
    palette.setColor(QPalette::Disabled, QPalette::Highlight, c.disabledHighlight);
    palette.setColor(QPalette::Disabled, QPalette::HighlightedText, c.disabledText);
    return palette;
}

} // namespace

Theme::Theme(QObject *parent) : QObject(parent)
{
    g_instance = this;
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    readPlatformScheme();
    m_choice = savedChoice();
    watchPortal();
    apply();
    qApp->installEventFilter(this);
}

Theme::~Theme()
{
    if (g_instance == this)
        g_instance = nullptr;
}

Theme *Theme::instance()
{
    return g_instance;
}

void Theme::setChoice(Choice choice)
{
    saveChoice(choice);
    m_choice = choice;
    apply();
}

Theme::Choice Theme::savedChoice()
{
    const QString saved = QSettings().value(QStringLiteral("ui/theme")).toString();
    if (saved == QLatin1String("light"))
        return Choice::Light;
    if (saved == QLatin1String("dark"))
        return Choice::Dark;
    return Choice::System;
}

void Theme::saveChoice(Choice choice)
{
    const char *const names[] = {"system", "light", "dark"};
    QSettings().setValue(QStringLiteral("ui/theme"), QLatin1String(names[static_cast<int>(choice)]));
}

QPalette Theme::palette(Scheme scheme)
{
    if (scheme == Scheme::Dark) {
        return makePalette({.window = QColor(0x2b, 0x2d, 0x30),
                            .windowText = QColor(0xe6, 0xe7, 0xe9),
                            .base = QColor(0x1e, 0x1f, 0x22),
                            .alternateBase = QColor(0x26, 0x28, 0x2b),
                            .toolTipBase = QColor(0x3b, 0x3e, 0x42),
                            .toolTipText = QColor(0xf0, 0xf0, 0xf0),
                            .placeholder = QColor(0x8b, 0x8f, 0x96),
                            .button = QColor(0x36, 0x38, 0x3c),
                            .bright = QColor(0xff, 0x6b, 0x6b),
                            .light = QColor(0x4d, 0x50, 0x55),
                            .midlight = QColor(0x42, 0x45, 0x4a),
                            .mid = QColor(0x33, 0x35, 0x39),
                            .dark = QColor(0x18, 0x19, 0x1b),
                            .shadow = QColor(0x0c, 0x0c, 0x0d),
                            .highlight = QColor(0x35, 0x74, 0xd4),
                            .highlightedText = QColor(0xff, 0xff, 0xff),
                            .link = QColor(0x6e, 0xa8, 0xfe),
                            .linkVisited = QColor(0xb3, 0x92, 0xf0),
                            .disabledText = QColor(0x7a, 0x7d, 0x83),
                            .disabledBase = QColor(0x25, 0x26, 0x29),
                            .disabledHighlight = QColor(0x4a, 0x4d, 0x52)});
    }
    return makePalette({.window = QColor(0xf3, 0xf3, 0xf4),
                        .windowText = QColor(0x1d, 0x1d, 0x1f),
                        .base = QColor(0xff, 0xff, 0xff),
                        .alternateBase = QColor(0xf5, 0xf6, 0xf8),
                        .toolTipBase = QColor(0xff, 0xff, 0xff),
                        .toolTipText = QColor(0x1d, 0x1d, 0x1f),
                        .placeholder = QColor(0x8a, 0x8d, 0x93),
                        .button = QColor(0xee, 0xee, 0xf0),
                        .bright = QColor(0xc6, 0x28, 0x28),
                        .light = QColor(0xff, 0xff, 0xff),
                        .midlight = QColor(0xe6, 0xe6, 0xe8),
                        .mid = QColor(0xc2, 0xc3, 0xc7),
                        .dark = QColor(0x9f, 0xa0, 0xa4),
                        .shadow = QColor(0x6b, 0x6c, 0x70),
                        .highlight = QColor(0x2f, 0x6f, 0xd6),
                        .highlightedText = QColor(0xff, 0xff, 0xff),
                        .link = QColor(0x1a, 0x5f, 0xc9),
                        .linkVisited = QColor(0x7a, 0x3f, 0xc2),
                        .disabledText = QColor(0x9c, 0x9e, 0xa3),
                        .disabledBase = QColor(0xf0, 0xf0, 0xf1),
                        .disabledHighlight = QColor(0xc8, 0xc9, 0xcc)});
}

std::optional<Theme::Scheme> Theme::schemeFromPortal(const QVariant &value)
{
    QVariant inner = value;
    // Read() wraps the value in a variant of its own: unwrap every level.
    for (int depth = 0; depth < 4 && inner.metaType() == QMetaType::fromType<QDBusVariant>(); ++depth)
        inner = qvariant_cast<QDBusVariant>(inner).variant();
    bool ok = false;
    const uint preference = inner.toUInt(&ok);
    if (!ok)
        return std::nullopt;
    if (preference == 1)
        return Scheme::Dark;
    if (preference == 2)
        return Scheme::Light;
    return std::nullopt;
}

// Reads the desktop's preference once (bounded by kPortalTimeoutMs, before the first window shows)
// and listens for its changes. Without a session bus or a portal, the platform palette decides.
void Theme::watchPortal()
{
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    auto portal = std::make_unique<PortalSettings>(bus);
    const QDBusReply<QDBusVariant> reply = portal->call(QStringLiteral("Read"), kAppearance, kColorScheme);
    if (reply.isValid())
        m_portalScheme = schemeFromPortal(QVariant::fromValue(reply.value()));
    connect(portal.get(), &PortalSettings::SettingChanged, this,
            [this](const QString &group, const QString &key, const QDBusVariant &value) {
                if (group != kAppearance || key != kColorScheme)
                    return;
                m_portalScheme = schemeFromPortal(QVariant::fromValue(value));
                if (m_choice == Choice::System)
                    apply();
            });
    m_portal = std::move(portal);
}

bool Theme::eventFilter(QObject *watched, QEvent *event)
{
    // ThemeChange reaches every window and widget; one look at the system after them is enough.
    // Palette changes of our own making are not news.
    if (!m_applying && (event->type() == QEvent::ThemeChange ||
                        (event->type() == QEvent::ApplicationPaletteChange && watched == qApp)))
        followSystemLater();
    return QObject::eventFilter(watched, event);
}

void Theme::followSystemLater()
{
    if (m_followPending)
        return;
    m_followPending = true;
    QTimer::singleShot(0, this, [this] {
        m_followPending = false;
        followSystem();
    });
}

void Theme::followSystem()
{
    if (m_choice == Choice::System)
        readPlatformScheme();
    apply();
}

void Theme::readPlatformScheme()
{
    // The platform's palette shows through an application palette that sets no role.
    m_applying = true;
    QApplication::setPalette(QPalette());
    m_platformScheme = schemeOf(QGuiApplication::palette());
    m_applying = false;
}

Theme::Scheme Theme::systemScheme() const
{
    return m_portalScheme.value_or(m_platformScheme);
}

void Theme::apply()
{
    const Scheme scheme = m_choice == Choice::Light  ? Scheme::Light
                          : m_choice == Choice::Dark ? Scheme::Dark
                                                     : systemScheme();
    m_applying = true;
    QApplication::setPalette(palette(scheme));
    m_applying = false;
    if (scheme != m_scheme) {
        m_scheme = scheme;
        emit schemeChanged(scheme);
    }
}

} // namespace wf::ui

#include "Theme.moc"
