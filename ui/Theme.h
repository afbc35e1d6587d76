#pragma once

// The console's look: the Fusion style with a light or a dark palette. By default it follows the
// system's colour scheme: the "color-scheme" preference of the desktop (GNOME, KDE and others publish
// it through the xdg-desktop-portal Settings interface on D-Bus, and announce its changes), else the
// lightness of the platform theme's palette (KDE, qt6ct). The choice "ui/theme" in QSettings
// (system, light or dark) overrides it. One Theme per application; it re-applies the palette when the
// platform theme or the application palette changes under it.

#include <QObject>
#include <QPalette>
#include <memory>
#include <optional>

class QVariant;

namespace wf::ui {

class Theme final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Theme)

public:
    enum class Scheme { Light, Dark };
    Q_ENUM(Scheme)
    // What "ui/theme" holds: "system", "light" or "dark".
    enum class Choice { System, Light, Dark };
    Q_ENUM(Choice)

    // Sets the Fusion style and the palette of the saved choice at once (before the first window is
    // shown, so that it opens in the right colours), then follows the system.
    explicit Theme(QObject *parent = nullptr);
    ~Theme() override;
    // The Theme alive, if any (the settings dialog applies a new choice through it).
    static Theme *instance();

    Choice choice() const { return m_choice; }
    // Saves the choice in "ui/theme" and applies it.
    void setChoice(Choice choice);
    // The scheme in effect.
    Scheme scheme() const { return m_scheme; }

    static Choice savedChoice();
    static void saveChoice(Choice choice);
    static QPalette palette(Scheme scheme);
    // The portal's "color-scheme" value (a uint, possibly wrapped in D-Bus variants): 1 prefers dark,
    // 2 prefers light, anything else says nothing.
    static std::optional<Scheme> schemeFromPortal(const QVariant &value);

signals:
    void schemeChanged(wf::ui::Theme::Scheme scheme);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void watchPortal();
    void followSystemLater();
    void followSystem();
    void readPlatformScheme();
    void apply();
    Scheme systemScheme() const;

    std::unique_ptr<QObject> m_portal; // listens to the portal's announcements (Theme.cpp)
    Choice m_choice = Choice::System;
    Scheme m_scheme = Scheme::Light;
    std::optional<Scheme> m_portalScheme; // what the portal says, when it answers
    Scheme m_platformScheme = Scheme::Light;
    bool m_applying = false;
    bool m_followPending = false;
};

} // namespace wf::ui
