// Placeholder until the List card family lands: fails, so the missing family cannot go unnoticed.
#include "CardTestSupport.h"

#include <QTest>

using namespace wf;

class TstListCards final : public QObject {
    Q_OBJECT

private slots:
    void familyRegistered()
    {
        bool found = false;
        for (const CardSpec &spec : CardCatalogue::builtIn().cards())
            found = found || spec.functionId.startsWith(QStringLiteral("list."));
        QVERIFY(found);
    }
};

QTEST_GUILESS_MAIN(TstListCards)
#include "tst_listcards.moc"
