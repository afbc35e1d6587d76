// The console's language at start: the system's languages, overridden by the "ui/language" choice of
// the settings; the console's built-in catalogue and Qt's own (standard buttons) for it; the default
// locale that goes with a choice.

#include "Language.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace wf::ui;

namespace {

QString consoleText()
{
    return QCoreApplication::translate("wf::ui::SettingsDialog", "Settings");
}

// Counted, to check plural forms reach the console: "%n problem(s)" of a card.
QString problemCount(int count)
{
    return QCoreApplication::translate("wf::ui::CardFrame", "%n problem(s)", nullptr, count);
}

// A standard button of QDialogButtonBox, from Qt's catalogue.
QString qtText()
{
    return QCoreApplication::translate("QPlatformTheme", "Cancel");
}

} // namespace

class TestLanguage final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void installsCatalogues_data();
    void installsCatalogues();
    void savedChoiceIsTheSettingsOne();
    void choiceSetsTheDefaultLocale();
};

void TestLanguage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings of the test, not of the user
    QSettings().remove(QStringLiteral("ui/language"));
}

void TestLanguage::cleanup()
{
    Language::install(QStringLiteral("en"), QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestLanguage::installsCatalogues_data()
{
    QTest::addColumn<QString>("choice");
    QTest::addColumn<QLocale>("system");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("console");
    QTest::addColumn<QString>("one");
    QTest::addColumn<QString>("many");
    QTest::addColumn<QString>("qt");

    const QLocale english(QLocale::English, QLocale::UnitedStates);
    const QLocale french(QLocale::French, QLocale::France);
    const QLocale japanese(QLocale::Japanese, QLocale::Japan);
    const QLocale german(QLocale::German, QLocale::Germany);
    const QString en[] = {QStringLiteral("Settings"), QStringLiteral("1 problem"),
                          QStringLiteral("3 problems"), QStringLiteral("Cancel")};
    const QString fr[] = {QStringLiteral("Paramètres"), QStringLiteral("1 problème"),
                          QStringLiteral("3 problèmes"), QStringLiteral("Annuler")};
    const QString ja[] = {QStringLiteral("設定"), QStringLiteral("1 件の問題"), QStringLiteral("3 件の問題"),
                          QStringLiteral("キャンセル")};
    const auto add = [](const char *name, const QString &choice, const QLocale &system,
                        const QString &language, const QString(&texts)[4]) {
        QTest::addRow("%s", name) << choice << system << language << texts[0] << texts[1] << texts[2]
                                  << texts[3];
    };
    add("system French", QString(), french, QStringLiteral("fr"), fr);
    add("system Japanese", QString(), japanese, QStringLiteral("ja"), ja);
    add("system English", QString(), english, QStringLiteral("en"), en);
    add("system without a catalogue", QString(), german, QStringLiteral("en"), en);
    add("French chosen on an English system", QStringLiteral("fr"), english, QStringLiteral("fr"), fr);
    add("Japanese chosen on a French system", QStringLiteral("ja"), french, QStringLiteral("ja"), ja);
    add("English chosen on a Japanese system", QStringLiteral("en"), japanese, QStringLiteral("en"), en);
}

void TestLanguage::installsCatalogues()
{
    QFETCH(QString, choice);
    QFETCH(QLocale, system);
    QFETCH(QString, language);
    QCOMPARE(Language::install(choice, system), language);
    QTEST(consoleText(), "console");
    QTEST(problemCount(1), "one");
    QTEST(problemCount(3), "many");
    QTEST(qtText(), "qt");
}

void TestLanguage::savedChoiceIsTheSettingsOne()
{
    QCOMPARE(Language::savedChoice(), QString());
    QSettings().setValue(QStringLiteral("ui/language"), QStringLiteral("ja"));
    QCOMPARE(Language::savedChoice(), QStringLiteral("ja"));
    QCOMPARE(Language::install(Language::savedChoice(), QLocale(QLocale::French, QLocale::France)),
             QStringLiteral("ja"));
    QCOMPARE(consoleText(), QStringLiteral("設定"));
    QSettings().remove(QStringLiteral("ui/language"));
}

// A chosen language brings its number and date formats, unless the system speaks it already (a
// Canadian French system keeps its own).
void TestLanguage::choiceSetsTheDefaultLocale()
{
    const QLocale canadian(QLocale::French, QLocale::Canada);
    Language::install(QStringLiteral("fr"), QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(QLocale().language(), QLocale::French);
    QCOMPARE(QLocale().toString(0.5), QStringLiteral("0,5"));
    Language::install(QStringLiteral("fr"), canadian);
    QCOMPARE(QLocale(), canadian);
    Language::install(QString(), QLocale(QLocale::Japanese, QLocale::Japan));
    QCOMPARE(QLocale().language(), QLocale::Japanese);
}

QTEST_GUILESS_MAIN(TestLanguage)
#include "tst_language.moc"
