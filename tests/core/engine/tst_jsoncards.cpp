// Placeholder until the Json card family lands: fails, so the missing family cannot go unnoticed.
#include "CardTestSupport.h"

#include <QTest>

using namespace wf;

class TstJsonCards final : public QObject {
    Q_OBJECT

private slots:
    void familyRegistered()
    {
        bool found = false;
        for (const CardSpec &spec : CardCatalogue::builtIn().cards())
            found = found || spec.functionId.startsWith(QStringLiteral("json."));
        QVERIFY(found);
    }
};

QTEST_GUILESS_MAIN(TstJsonCards)
#include "tst_jsoncards.moc"
