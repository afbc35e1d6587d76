#pragma once

// The console's language: English, French or Japanese. It follows the system's languages; the
// choice "ui/language" in QSettings ("en", "fr" or "ja"; empty for the system's) overrides them.
// Installs the console's catalogue (built in, under :/i18n) and Qt's own (standard buttons, file
// dialogs: qtbase_<language>.qm from Qt's translations folder) on the application. Applied once at
// start, before the first window: open windows are not translated again.

#include <QLocale>
#include <QString>

namespace wf::ui {

class Language final {
public:
    // What "ui/language" holds.
    static QString savedChoice();
    // Installs the catalogues of `choice`, or with an empty choice of the first of the system's
    // languages that the console has (English if none), in place of those installed before. A
    // choice also becomes the default locale (numbers, dates) unless the system speaks it already.
    // Returns the language now in use: "en", "fr" or "ja".
    static QString install(const QString &choice, const QLocale &system = QLocale::system());
};

} // namespace wf::ui
