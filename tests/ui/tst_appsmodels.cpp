// The models of the Applications page: the app list and an app's keys, checked by
// QAbstractItemModelTester while they change.

#include "auth/AppIntegration.h"
#include "auth/Jose.h"
#include "models/AppKeyModel.h"
#include "models/AppListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace wf;
using namespace wf::ui;

namespace {

auth::AppKey appKey(auth::KeyType type, bool active)
{
    auto key = auth::Key::generate(type);
    if (!key)
        qFatal("%s", qPrintable(key.error().message));
    auth::AppKey appKey;
    appKey.kid = key->thumbprint();
    appKey.publicJwk = key->withKid(appKey.kid).publicJwk();
    appKey.active = active;
    appKey.created = QDateTime(QDate(2024, 5, 1), QTime(9, 30), Qt::UTC);
    return appKey;
}

auth::AppIntegration app(const QString &clientId, const QString &name)
{
    auth::AppIntegration app;
    app.clientId = clientId;
    app.name = name;
    app.created = QDateTime(QDate(2024, 5, 1), QTime(9, 0), Qt::UTC);
    return app;
}

} // namespace

class TestAppsModels final : public QObject {
    Q_OBJECT

private slots:
    void appListShowsEveryColumn()
    {
        AppListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auth::AppIntegration billing = app(QStringLiteral("0oaAAAAAAAAAAAAAAAAA"), QStringLiteral("Billing"));
        billing.keys = {appKey(auth::KeyType::EcP256, true), appKey(auth::KeyType::EcP256, false)};
        billing.scopes = {auth::kInvokeScope};
        auth::AppIntegration reports = app(QStringLiteral("0oaBBBBBBBBBBBBBBBBB"), QStringLiteral("Reports"));
        reports.active = false;
        model.setApps({billing, reports});

        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(AppListModel::ColumnCount));
        const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
            return model.data(model.index(row, column), role);
        };
        QCOMPARE(cell(0, AppListModel::NameColumn).toString(), QStringLiteral("Billing"));
        QCOMPARE(cell(0, AppListModel::ClientIdColumn).toString(), billing.clientId);
        QCOMPARE(cell(0, AppListModel::StatusColumn).toString(), QStringLiteral("Active"));
        QCOMPARE(cell(0, AppListModel::KeysColumn).toString(), QStringLiteral("2 (1 inactive)"));
        QCOMPARE(cell(0, AppListModel::KeysColumn, AppListModel::SortRole).toInt(), 2);
        QCOMPARE(cell(0, AppListModel::ScopesColumn).toString(), auth::kInvokeScope);
        QCOMPARE(cell(1, AppListModel::StatusColumn).toString(), QStringLiteral("Inactive"));
        QCOMPARE(cell(1, AppListModel::KeysColumn).toString(), QStringLiteral("0"));
        QCOMPARE(cell(1, AppListModel::ScopesColumn).toString(), QStringLiteral("None granted"));
        QVERIFY(cell(1, AppListModel::NameColumn, Qt::ForegroundRole).isValid()); // inactive reads disabled
        QVERIFY(!cell(0, AppListModel::NameColumn, Qt::ForegroundRole).isValid());
        QCOMPARE(cell(1, AppListModel::ScopesColumn, AppListModel::ClientIdRole).toString(),
                 reports.clientId);
        QCOMPARE(model.headerData(AppListModel::ClientIdColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Client ID"));
        QCOMPARE(model.rowOf(reports.clientId), 1);
        QCOMPARE(model.rowOf(QStringLiteral("0oaCCCCCCCCCCCCCCCCC")), -1);
        QCOMPARE(model.clientIdAt(0), billing.clientId);
        QVERIFY(model.clientIdAt(2).isEmpty());
    }

    void appListChangesInPlaceWhenTheAppsStay()
    {
        AppListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auth::AppIntegration billing = app(QStringLiteral("0oaAAAAAAAAAAAAAAAAA"), QStringLiteral("Billing"));
        auth::AppIntegration reports = app(QStringLiteral("0oaBBBBBBBBBBBBBBBBB"), QStringLiteral("Reports"));
        model.setApps({billing, reports});
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        billing.name = QStringLiteral("Billing v2");
        billing.scopes = {auth::kInvokeScope};
        model.setApps({billing, reports});
        QCOMPARE(reset.size(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.data(model.index(0, AppListModel::NameColumn)).toString(),
                 QStringLiteral("Billing v2"));

        model.setApps({reports}); // one went: the rows are rebuilt
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 1);
        model.setApps({});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(reset.size(), 2);
    }

    void keyListShowsEveryColumn()
    {
        AppKeyModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auth::AppKey ec = appKey(auth::KeyType::EcP384, true);
        const auth::AppKey rsa = appKey(auth::KeyType::Rsa2048, false);
        model.setKeys({ec, rsa});

        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(AppKeyModel::ColumnCount));
        const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
            return model.data(model.index(row, column), role);
        };
        QCOMPARE(cell(0, AppKeyModel::KidColumn).toString(), ec.kid);
        QCOMPARE(cell(0, AppKeyModel::TypeColumn).toString(), QStringLiteral("EC P-384"));
        QCOMPARE(cell(0, AppKeyModel::StatusColumn).toString(), QStringLiteral("Active"));
        QCOMPARE(cell(1, AppKeyModel::TypeColumn).toString(), QStringLiteral("RSA 2048"));
        QCOMPARE(cell(1, AppKeyModel::StatusColumn).toString(), QStringLiteral("Inactive"));
        QCOMPARE(cell(1, AppKeyModel::CreatedColumn, Qt::ToolTipRole).toString(),
                 QStringLiteral("2024-05-01T09:30:00Z"));
        QVERIFY(!cell(1, AppKeyModel::CreatedColumn).toString().isEmpty());
        QCOMPARE(cell(1, AppKeyModel::KidColumn, AppKeyModel::KidRole).toString(), rsa.kid);
        QCOMPARE(cell(1, AppKeyModel::KidColumn, AppKeyModel::ActiveRole).toBool(), false);
        QVERIFY(cell(1, AppKeyModel::KidColumn, Qt::ForegroundRole).isValid());
        QCOMPARE(model.rowOf(rsa.kid), 1);
        QCOMPARE(model.rowOf(QStringLiteral("nope")), -1);
        QVERIFY(model.isActiveAt(0));
        QVERIFY(!model.isActiveAt(1));
        QVERIFY(!model.isActiveAt(5));
        QCOMPARE(model.headerData(AppKeyModel::KidColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Key ID (kid)"));
    }

    void keyListChangesInPlaceWhenTheKeysStay()
    {
        AppKeyModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auth::AppKey first = appKey(auth::KeyType::EcP256, true);
        const auth::AppKey second = appKey(auth::KeyType::EcP256, true);
        model.setKeys({first, second});
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        first.active = false;
        model.setKeys({first, second});
        QCOMPARE(reset.size(), 0);
        QCOMPARE(changed.size(), 1);
        QVERIFY(!model.isActiveAt(0));

        model.setKeys({second});
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.kidAt(0), second.kid);
        QVERIFY(model.kidAt(1).isEmpty());
    }

    void keyWithAnUnreadableJwkIsStillListed()
    {
        AppKeyModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auth::AppKey broken;
        broken.kid = QStringLiteral("broken");
        broken.publicJwk = QJsonObject{{QStringLiteral("kty"), QStringLiteral("oct")}};
        model.setKeys({broken});
        QCOMPARE(model.data(model.index(0, AppKeyModel::TypeColumn)).toString(),
                 QStringLiteral("Unreadable key"));
    }
};

QTEST_MAIN(TestAppsModels)
#include "tst_appsmodels.moc"
