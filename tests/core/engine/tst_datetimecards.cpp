// Placeholder until the DateTime card family lands: fails, so the missing family cannot go unnoticed.
#include "CardTestSupport.h"

#include <QTest>

using namespace wf;

class TstDateTimeCards final : public QObject {
    Q_OBJECT

private slots:
    void familyRegistered()
    {
        bool found = false;
        for (const CardSpec &spec : CardCatalogue::builtIn().cards())
            found = found || spec.functionId.startsWith(QStringLiteral("datetime."));
        QVERIFY(found);
    }
};

QTEST_GUILESS_MAIN(TstDateTimeCards)
#include "tst_datetimecards.moc"
