// The Applications page: the list and its filter, the Create App Integration wizard, and an app's
// page (rename, activate/deactivate, delete, the client id, the Okta API Scopes tab with its Grant
// Access confirmation). Everything through the real widgets, and workspace.json read again.

#include "UiTestSupport.h"
#include "dialogs/CreateAppWizard.h"
#include "models/AppListModel.h"
#include "pages/AppDetails.h"
#include "pages/AppsPage.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>

using namespace wf;
using namespace wf::ui;

class TestAppsPage final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void wizardCreatesAnApiServicesApp();
    void wizardRefusesATakenName();
    void listFiltersAndOpensApps();
    void renameInPlace();
    void deactivateAndActivate();
    void deleteAsksFirst();
    void grantAndRevokeTheScope();
    void grantAccessDialog();
    void clientIdIsCopied();
    void followsChangesOfOtherPrograms();

private:
    template <typename T>
    T *find(const QString &name) const
    {
        return m_page->findChild<T *>(name);
    }
    void click(const QString &buttonName);
    QString createApp(const QString &name);
    void openSampleApp();
    const auth::AppIntegration *app() const { return workspace().appByClientId(m_clientId); }
    const Workspace &workspace() const { return m_fixture->session->workspace(); }
    Workspace reopened() const;

    std::unique_ptr<uitest::SessionFixture> m_fixture;
    std::unique_ptr<AppsPage> m_page;
    QString m_clientId;
    QList<AppDetailsAsker::Question> m_asked;
    bool m_answer = true;
};

void TestAppsPage::init()
{
    m_fixture = std::make_unique<uitest::SessionFixture>();
    QVERIFY(m_fixture->create());
    m_page = std::make_unique<AppsPage>(*m_fixture->session);
    m_asked.clear();
    m_answer = true;
    m_page->asker().setAnswer([this](const AppDetailsAsker::Question &question) {
        m_asked.append(question);
        return m_answer;
    });
    m_page->resize(1100, 760);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestAppsPage::cleanup()
{
    m_page.reset();
    m_fixture.reset();
}

void TestAppsPage::click(const QString &buttonName)
{
    auto *button = find<QAbstractButton>(buttonName);
    QVERIFY2(button, qPrintable(buttonName));
    QVERIFY2(button->isVisible() && button->isEnabled(), qPrintable(buttonName));
    QTest::mouseClick(button, Qt::LeftButton);
}

Workspace TestAppsPage::reopened() const
{
    auto workspace = Workspace::open(m_fixture->dir.path());
    if (!workspace)
        qFatal("%s", qPrintable(workspace.error().message));
    return std::move(workspace).value();
}

void TestAppsPage::openSampleApp()
{
    m_clientId = workspace().apps().constFirst().clientId;
    m_page->selectApp(m_clientId);
    QCOMPARE(m_page->currentClientId(), m_clientId);
}

// Creates an app through the wizard; returns its client id (empty on failure).
QString TestAppsPage::createApp(const QString &name)
{
    QTest::mouseClick(find<QPushButton>(QStringLiteral("createAppButton")), Qt::LeftButton);
    auto *wizard = find<CreateAppWizard>(QStringLiteral("createAppWizard"));
    if (!wizard || !wizard->isVisible())
        return {};
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
    QTest::keyClicks(wizard->findChild<QLineEdit *>(QStringLiteral("appNameField")), name);
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
    return wizard->createdClientId();
}

void TestAppsPage::wizardCreatesAnApiServicesApp()
{
    QTest::mouseClick(find<QPushButton>(QStringLiteral("createAppButton")), Qt::LeftButton);
    auto *wizard = find<CreateAppWizard>(QStringLiteral("createAppWizard"));
    QVERIFY(wizard && wizard->isVisible());
    QVERIFY(wizard->isModal() || wizard->windowModality() != Qt::NonModal);

    // Sign-in method: API Services, and nothing else on offer.
    QCOMPARE(wizard->currentId(), int(CreateAppWizard::SignInMethodPage));
    const auto methods = wizard->currentPage()->findChildren<QRadioButton *>();
    QCOMPARE(methods.size(), 1);
    QCOMPARE(methods.constFirst()->objectName(), QStringLiteral("signInApiServices"));
    QVERIFY(methods.constFirst()->isChecked());
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);

    // Name, then Save (disabled while the name is empty).
    QCOMPARE(wizard->currentId(), int(CreateAppWizard::NamePage));
    QPushButton *save = qobject_cast<QPushButton *>(wizard->button(QWizard::FinishButton));
    QCOMPARE(save->text(), QStringLiteral("Save"));
    QVERIFY(!save->isEnabled());
    QTest::keyClicks(wizard->findChild<QLineEdit *>(QStringLiteral("appNameField")),
                     QStringLiteral("Billing sync"));
    QVERIFY(save->isEnabled());
    QSignalSpy created(wizard, &CreateAppWizard::appCreated);
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(created.size(), 1);
    const QString clientId = created.first().at(0).toString();
    QTRY_VERIFY(!find<CreateAppWizard>(QStringLiteral("createAppWizard")));

    const auth::AppIntegration *made = workspace().appByClientId(clientId);
    QVERIFY(made);
    QCOMPARE(made->name, QStringLiteral("Billing sync"));
    QVERIFY(auth::isWellFormedClientId(clientId));
    QVERIFY(made->active && made->keys.isEmpty() && made->scopes.isEmpty());

    // The new app's page is open, and the list has it.
    QCOMPARE(m_page->currentClientId(), clientId);
    QCOMPARE(find<QLabel>(QStringLiteral("appName"))->text(), QStringLiteral("Billing sync"));
    QVERIFY(!find<QLabel>(QStringLiteral("keysHint"))->isHidden()); // no key yet
    auto *table = find<QTableView>(QStringLiteral("appTable"));
    QCOMPARE(table->model()->rowCount(), 2);

    const Workspace again = reopened();
    QVERIFY(again.appByClientId(clientId));
    QCOMPARE(again.appByClientId(clientId)->name, QStringLiteral("Billing sync"));
}

void TestAppsPage::wizardRefusesATakenName()
{
    const QString taken = workspace().apps().constFirst().name;
    QTest::mouseClick(find<QPushButton>(QStringLiteral("createAppButton")), Qt::LeftButton);
    auto *wizard = find<CreateAppWizard>(QStringLiteral("createAppWizard"));
    QVERIFY(wizard);
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
    auto *name = wizard->findChild<QLineEdit *>(QStringLiteral("appNameField"));
    QTest::keyClicks(name, taken.toUpper()); // names are unique case-insensitively
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);

    QVERIFY(wizard->isVisible());
    auto *error = wizard->findChild<QLabel *>(QStringLiteral("createAppError"));
    QVERIFY(error->isVisible());
    QVERIFY(!error->text().isEmpty());
    QVERIFY(wizard->createdClientId().isEmpty());
    QCOMPARE(workspace().apps().size(), 1);

    // Fixing the name saves.
    name->clear();
    QTest::keyClicks(name, QStringLiteral("Another app"));
    QVERIFY(!error->isVisible());
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_VERIFY(!find<CreateAppWizard>(QStringLiteral("createAppWizard")));
    QCOMPARE(workspace().apps().size(), 2);
}

void TestAppsPage::listFiltersAndOpensApps()
{
    const QString first = workspace().apps().constFirst().clientId;
    const QString second = createApp(QStringLiteral("Reports exporter"));
    QVERIFY(!second.isEmpty());
    click(QStringLiteral("backToAppsButton"));
    QVERIFY(m_page->currentClientId().isEmpty());

    auto *table = find<QTableView>(QStringLiteral("appTable"));
    QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(table->model()->rowCount(), 2);
    auto *filter = find<QLineEdit>(QStringLiteral("appFilter"));
    QTest::keyClicks(filter, QStringLiteral("REPORTS"));
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 0).data(AppListModel::ClientIdRole).toString(), second);
    filter->clear();
    QTest::keyClicks(filter, first.mid(3, 8)); // by client id
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 0).data(AppListModel::ClientIdRole).toString(), first);
    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("no such app"));
    QCOMPARE(table->model()->rowCount(), 0);
    QVERIFY(find<QLabel>(QStringLiteral("appListEmpty"))->isVisible());
    filter->clear();
    QVERIFY(!find<QLabel>(QStringLiteral("appListEmpty"))->isVisible());

    // Double-click opens the app's page.
    QSignalSpy current(m_page.get(), &AppsPage::currentAppChanged);
    const int row = table->model()->index(0, 0).data(AppListModel::ClientIdRole).toString() == second ? 0 : 1;
    const QRect cell = table->visualRect(table->model()->index(row, AppListModel::NameColumn));
    // As a mouse does it: press, release, then the double-click and its release.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseRelease(table->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(m_page->currentClientId(), second);
    QCOMPARE(current.size(), 1);
    QCOMPARE(find<QLabel>(QStringLiteral("appName"))->text(), QStringLiteral("Reports exporter"));
    QVERIFY(find<QWidget>(QStringLiteral("appDetails"))->isVisible());

    // Unknown ids change nothing.
    m_page->selectApp(QStringLiteral("0oaNOSUCHAPP00000000"));
    QCOMPARE(m_page->currentClientId(), second);
}

void TestAppsPage::renameInPlace()
{
    openSampleApp();
    auto *name = find<QLabel>(QStringLiteral("appName"));
    auto *edit = find<QLineEdit>(QStringLiteral("appNameEdit"));
    QVERIFY(!edit->isVisible());

    click(QStringLiteral("renameAppButton"));
    QVERIFY(edit->isVisible());
    QCOMPARE(edit->text(), name->text());
    QTest::keyClicks(edit, QStringLiteral("Partner gateway")); // replaces the selected name
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(!edit->isVisible());
    QCOMPARE(app()->name, QStringLiteral("Partner gateway"));
    QCOMPARE(name->text(), QStringLiteral("Partner gateway"));
    auto *table = find<QTableView>(QStringLiteral("appTable"));
    QCOMPARE(table->model()->index(0, AppListModel::NameColumn).data().toString(),
             QStringLiteral("Partner gateway"));

    // Escape leaves the name as it was.
    click(QStringLiteral("renameAppButton"));
    QTest::keyClicks(edit, QStringLiteral("Not this"));
    QTest::keyClick(edit, Qt::Key_Escape);
    QVERIFY(!edit->isVisible());
    QCOMPARE(app()->name, QStringLiteral("Partner gateway"));

    // A name that is refused is said so, and nothing changes.
    const QString other = createApp(QStringLiteral("Other"));
    QVERIFY(!other.isEmpty());
    m_page->selectApp(m_clientId);
    click(QStringLiteral("renameAppButton"));
    QTest::keyClicks(edit, QStringLiteral("other"));
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(!m_page->details()->errorText().isEmpty());
    QCOMPARE(app()->name, QStringLiteral("Partner gateway"));

    QCOMPARE(reopened().appByClientId(m_clientId)->name, QStringLiteral("Partner gateway"));
}

void TestAppsPage::deactivateAndActivate()
{
    openSampleApp();
    auto *status = find<QLabel>(QStringLiteral("appStatus"));
    auto *toggle = find<QPushButton>(QStringLiteral("appActiveToggle"));
    QVERIFY(status->text().contains(QLatin1String("Active")));
    QCOMPARE(toggle->text(), QStringLiteral("Deactivate"));

    m_answer = false;
    click(QStringLiteral("appActiveToggle"));
    QCOMPARE(m_asked.size(), 1);
    QCOMPARE(m_asked.constLast().id, QStringLiteral("deactivateApp"));
    QVERIFY(app()->active);

    m_answer = true;
    click(QStringLiteral("appActiveToggle"));
    QVERIFY(!app()->active);
    QVERIFY(status->text().contains(QLatin1String("Inactive")));
    QCOMPARE(toggle->text(), QStringLiteral("Activate"));
    auto *table = find<QTableView>(QStringLiteral("appTable"));
    QCOMPARE(table->model()->index(0, AppListModel::StatusColumn).data().toString(),
             QStringLiteral("Inactive"));
    QVERIFY(!reopened().appByClientId(m_clientId)->active);

    click(QStringLiteral("appActiveToggle")); // activating asks nothing
    QCOMPARE(m_asked.size(), 2);
    QVERIFY(app()->active);
    QCOMPARE(toggle->text(), QStringLiteral("Deactivate"));
    QVERIFY(reopened().appByClientId(m_clientId)->active);
}

void TestAppsPage::deleteAsksFirst()
{
    openSampleApp();
    // A flow that lists the app keeps its client id: the question says which.
    const Flow *oauth = uitest::sampleFlow(workspace(), SecurityLevel::OAuth2);
    QVERIFY(oauth);
    Flow listing = *oauth;
    listing.endpoint.anyApp = false;
    listing.endpoint.allowedApps = {m_clientId};
    QVERIFY(m_fixture->session->edit(ConsoleSession::Change::Flows, [&](Workspace &workspace) {
        return workspace.updateFlow(listing, m_fixture->secrets);
    }));
    const QString kid = app()->keys.constFirst().kid;
    const QString secretKey = appPrivateKeySecretKey(workspace().id(), m_clientId, kid);

    m_answer = false;
    click(QStringLiteral("deleteAppButton"));
    QCOMPARE(m_asked.size(), 1);
    QCOMPARE(m_asked.constLast().id, QStringLiteral("deleteApp"));
    QVERIFY(m_asked.constLast().destructive);
    QVERIFY2(m_asked.constLast().details.contains(listing.name), qPrintable(m_asked.constLast().details));
    QVERIFY(app());

    m_answer = true;
    QSignalSpy current(m_page.get(), &AppsPage::currentAppChanged);
    click(QStringLiteral("deleteAppButton"));
    QVERIFY(!app());
    QVERIFY(m_page->currentClientId().isEmpty()); // back to the list
    QCOMPARE(current.size(), 1);
    QVERIFY(find<QWidget>(QStringLiteral("appList"))->isVisible());
    QCOMPARE(find<QTableView>(QStringLiteral("appTable"))->model()->rowCount(), 0);
    QVERIFY(find<QLabel>(QStringLiteral("appListEmpty"))->isVisible());
    QVERIFY(!m_fixture->secrets.read(secretKey)->has_value());
    QVERIFY(reopened().apps().isEmpty());
}

void TestAppsPage::grantAndRevokeTheScope()
{
    m_clientId = createApp(QStringLiteral("Scoped"));
    QVERIFY(!m_clientId.isEmpty());
    auto *tabs = find<QTabWidget>(QStringLiteral("appTabs"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("Okta API Scopes"));
    tabs->setCurrentIndex(1);
    const QString scope = auth::kInvokeScope;
    auto *status = find<QLabel>(QStringLiteral("scopeStatus_") + scope);
    auto *grant = find<QPushButton>(QStringLiteral("grantScope_") + scope);
    auto *revoke = find<QPushButton>(QStringLiteral("revokeScope_") + scope);
    QCOMPARE(status->text(), QStringLiteral("Not granted"));
    QVERIFY(grant->isVisible() && !revoke->isVisible());

    // Refusing the Grant Access question changes nothing.
    m_answer = false;
    QTest::mouseClick(grant, Qt::LeftButton);
    QCOMPARE(m_asked.size(), 1);
    const AppDetailsAsker::Question asked = m_asked.constLast();
    QCOMPARE(asked.id, QStringLiteral("grantScope"));
    QCOMPARE(asked.title, QStringLiteral("Grant Access"));
    QCOMPARE(asked.acceptLabel, QStringLiteral("Grant Access"));
    QVERIFY(asked.text.contains(scope));
    QVERIFY(app()->scopes.isEmpty());
    QVERIFY(reopened().appByClientId(m_clientId)->scopes.isEmpty());

    m_answer = true;
    QTest::mouseClick(grant, Qt::LeftButton);
    QCOMPARE(app()->scopes, QStringList{scope});
    QCOMPARE(status->text(), QStringLiteral("Granted"));
    QVERIFY(!grant->isVisible() && revoke->isVisible());
    auto *list = find<QTableView>(QStringLiteral("appTable"))->model();
    const auto rows =
        list->match(list->index(0, 0), AppListModel::ClientIdRole, m_clientId, 1, Qt::MatchExactly);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(list->index(rows.first().row(), AppListModel::ScopesColumn).data().toString(), scope);
    QCOMPARE(reopened().appByClientId(m_clientId)->scopes, QStringList{scope});

    m_answer = false;
    QTest::mouseClick(revoke, Qt::LeftButton);
    QCOMPARE(m_asked.constLast().id, QStringLiteral("revokeScope"));
    QCOMPARE(app()->scopes, QStringList{scope});
    m_answer = true;
    QTest::mouseClick(revoke, Qt::LeftButton);
    QVERIFY(app()->scopes.isEmpty());
    QCOMPARE(status->text(), QStringLiteral("Not granted"));
    QVERIFY(grant->isVisible());
    QVERIFY(reopened().appByClientId(m_clientId)->scopes.isEmpty());
}

void TestAppsPage::grantAccessDialog()
{
    m_page->asker().setAnswer({}); // the real dialog
    m_clientId = createApp(QStringLiteral("Dialog"));
    QVERIFY(!m_clientId.isEmpty());
    find<QTabWidget>(QStringLiteral("appTabs"))->setCurrentIndex(1);
    auto *grant = find<QPushButton>(QStringLiteral("grantScope_") + auth::kInvokeScope);

    QTest::mouseClick(grant, Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = find<QMessageBox>(QStringLiteral("confirmationDialog"))) && box->isVisible());
    QCOMPARE(box->windowTitle(), QStringLiteral("Grant Access"));
    QVERIFY(box->text().contains(auth::kInvokeScope));
    QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("confirmCancel")), Qt::LeftButton);
    QTRY_VERIFY(!find<QMessageBox>(QStringLiteral("confirmationDialog")));
    QVERIFY(app()->scopes.isEmpty());

    QTest::mouseClick(grant, Qt::LeftButton);
    QTRY_VERIFY((box = find<QMessageBox>(QStringLiteral("confirmationDialog"))) && box->isVisible());
    auto *accept = box->findChild<QPushButton *>(QStringLiteral("confirmAccept"));
    QCOMPARE(accept->text(), QStringLiteral("Grant Access"));
    QTest::mouseClick(accept, Qt::LeftButton);
    QTRY_VERIFY(!find<QMessageBox>(QStringLiteral("confirmationDialog")));
    QCOMPARE(app()->scopes, QStringList{auth::kInvokeScope});
}

void TestAppsPage::clientIdIsCopied()
{
    openSampleApp();
    auto *field = find<QLineEdit>(QStringLiteral("clientIdField"));
    QVERIFY(field && field->isReadOnly());
    QCOMPARE(field->text(), m_clientId);
    QGuiApplication::clipboard()->clear();
    click(QStringLiteral("clientIdCopy"));
    QCOMPARE(QGuiApplication::clipboard()->text(), m_clientId);
    QVERIFY(find<QRadioButton>(QStringLiteral("clientAuthPublicKey"))->isChecked());
    QVERIFY(find<QLineEdit>(QStringLiteral("tokenEndpointField"))
                ->text()
                .endsWith(QLatin1String("/oauth2/v1/token")));
}

void TestAppsPage::followsChangesOfOtherPrograms()
{
    openSampleApp();
    // Another program (the command line) renames the app and grants nothing new; then deletes it.
    Workspace other = reopened();
    QVERIFY(other.renameApp(m_clientId, QStringLiteral("Renamed elsewhere")));
    QVERIFY(other.save());
    QTRY_COMPARE(find<QLabel>(QStringLiteral("appName"))->text(), QStringLiteral("Renamed elsewhere"));
    MemorySecretStore scratch;
    QVERIFY(other.deleteApp(m_clientId, scratch));
    QVERIFY(other.save());
    QTRY_VERIFY(m_page->currentClientId().isEmpty());
    QCOMPARE(find<QTableView>(QStringLiteral("appTable"))->model()->rowCount(), 0);
}

QTEST_MAIN(TestAppsPage)
#include "tst_appspage.moc"
