// Placeholder until the Text card family lands: fails, so the missing family cannot go unnoticed.
#include "CardTestSupport.h"

#include <QTest>

using namespace wf;

class TstTextCards final : public QObject {
    Q_OBJECT

private slots:
    void familyRegistered()
    {
        bool found = false;
        for (const CardSpec &spec : CardCatalogue::builtIn().cards())
            found = found || spec.functionId.startsWith(QStringLiteral("text."));
        QVERIFY(found);
    }
};

QTEST_GUILESS_MAIN(TstTextCards)
#include "tst_textcards.moc"
