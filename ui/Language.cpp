#include "Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QPointer>
#include <QSettings>
#include <QTranslator>
#include <array>

namespace wf::ui {
namespace {

Q_LOGGING_CATEGORY(lcUi, "wf.ui")

// The catalogues installed by the last install(), removed by the next one.
std::array<QPointer<QTranslator>, 2> &installedTranslators()
{
    static std::array<QPointer<QTranslator>, 2> translators;
    return translators;
}

// The console's catalogue for the first of the locale's languages that it has.
QTranslator *loadConsoleCatalogue(const QLocale &locale)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(locale, QStringLiteral("wfconsole"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        return translator;
    delete translator;
    return nullptr;
}

QTranslator *loadQtCatalogue(const QString &language)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    const QString folder = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (translator->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"), folder))
        return translator;
    // Standard buttons and file dialogs then stay in English.
    qCWarning(lcUi, "no Qt catalogue for '%s' in %s", qPrintable(language), qPrintable(folder));
    delete translator;
    return nullptr;
}

} // namespace

QString Language::savedChoice()
{
    return QSettings().value(QStringLiteral("ui/language")).toString();
}

QString Language::install(const QString &choice, const QLocale &system)
{
    for (QPointer<QTranslator> &translator : installedTranslators()) {
        if (translator)
            QCoreApplication::removeTranslator(translator);
        delete translator.data();
    }
    const QLocale chosen = choice.isEmpty() ? system : QLocale(choice);
    QLocale::setDefault(chosen.language() != system.language() ? chosen : system);
    // English is the language of the sources: its catalogue holds only plural forms.
    QTranslator *console = loadConsoleCatalogue(chosen);
    if (!console)
        console = loadConsoleCatalogue(QLocale(QLocale::English));
    if (!console)
        return QStringLiteral("en");
    const QString language = QLocale(console->language()).name().section(QLatin1Char('_'), 0, 0);
    QTranslator *qt = loadQtCatalogue(language);
    for (QTranslator *translator : {console, qt}) {
        if (translator)
            QCoreApplication::installTranslator(translator);
    }
    installedTranslators() = {console, qt};
    return language;
}

} // namespace wf::ui
