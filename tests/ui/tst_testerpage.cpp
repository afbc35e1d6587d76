// The request tester page against the real server: a flow opened from its endpoint settings gets a
// ready request; each auth mode (none, client token in the query and in the header, OAuth 2.0 with a
// kept key, a pasted key, a bearer token) answers 200; the answer's execution opens in history;
// requests land in the tester's history and collections; cURL copy and paste.

#include "ConsoleSession.h"
#include "MainWindow.h"
#include "UiTestSupport.h"
#include "dialogs/EndpointSettingsDialog.h"
#include "editor/FlowEditorPage.h"
#include "pages/HistoryPage.h"
#include "tester/AuthEditor.h"
#include "tester/EnvironmentDialog.h"
#include "tester/RequestEditor.h"
#include "tester/ResponseView.h"
#include "tester/TesterPage.h"
#include "tester/TesterSidebar.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QTcpServer>
#include <QTreeWidget>

using namespace wf;

class TestTesterPage final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void openFromEndpointSettingsFillsARequest();
    void flowMenuOpensTheEditedFlow();
    void sendsWithEachAuthMode_data();
    void sendsWithEachAuthMode();
    void openExecutionShowsItInHistory();
    void oauthTokenIsCachedAndShown();
    void pastedKeyAndBearerToken();
    void historyLoadsARequestBack();
    void savesIntoACollection();
    void copyAsCurlAsksBeforeSecrets();
    void pastedCurlBecomesTheRequest();
    void variablesAreSubstitutedAtSendTime();
    void unknownVariableIsAClearError();
    void connectionRefusedIsAClearError();
    void cancelStopsAWaitingRequest();

private:
    ui::TesterPage *tester() const { return m_window->testerPage(); }
    ui::RequestEditor *editor() const { return tester()->editor(); }
    // Opens the flow's ready request in the tester and fills in input the sample flow accepts (an
    // order with lines, a customer that exists).
    void openWithValidInput(SecurityLevel level);
    // Presses Send and waits for the answer; returns the status line.
    QString sendAndWait();
    const Flow &flow(SecurityLevel level) const;

    std::unique_ptr<uitest::SessionFixture> m_fixture;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestTesterPage::init()
{
    QSettings().clear();
    m_fixture = std::make_unique<uitest::SessionFixture>();
    QVERIFY(m_fixture->create());
    QVERIFY(m_fixture->startServer());
    m_window = std::make_unique<ui::MainWindow>(*m_fixture->session);
    m_window->buildConsole();
    m_window->resize(1200, 800);
    m_window->show();
    tester()->setConfirmer([](const QString &) { return false; });
}

void TestTesterPage::cleanup()
{
    m_window.reset();
    m_fixture.reset();
}

const Flow &TestTesterPage::flow(SecurityLevel level) const
{
    const Flow *found = uitest::sampleFlow(m_fixture->session->workspace(), level);
    Q_ASSERT(found);
    return *found;
}

void TestTesterPage::openWithValidInput(SecurityLevel level)
{
    m_window->openInTester(flow(level).id);
    tester::RequestDocument document = editor()->document();
    if (level == SecurityLevel::ClientToken)
        document.body = QStringLiteral(R"({"items": [{"price": 2.5, "qty": 4}], "currency": "EUR"})");
    for (tester::KeyValue &row : document.query)
        if (row.name == QLatin1String("id"))
            row.value = QStringLiteral("42");
    editor()->setDocument(document);
}

QString TestTesterPage::sendAndWait()
{
    QSignalSpy finished(tester()->runner(), &tester::RequestRunner::finished);
    auto *send = editor()->findChild<QPushButton *>(QStringLiteral("send"));
    QTest::mouseClick(send, Qt::LeftButton);
    // The secrets are read in the background before the runner starts: wait for either end.
    if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !send->isHidden(); }, 20000))
        return QStringLiteral("(no answer)");
    const QString status = tester()->response()->statusText();
    if (!status.startsWith(QLatin1Char('2')) && !finished.isEmpty())
        qInfo("%s: %s", qPrintable(status),
              finished.constFirst().constFirst().value<tester::RunResult>().body.constData());
    return status;
}

void TestTesterPage::openFromEndpointSettingsFillsARequest()
{
    const Flow &target = flow(SecurityLevel::ClientToken);
    QDialog *dialog = m_window->openEndpointSettings(target.id);
    QVERIFY(dialog);
    auto *open = dialog->findChild<QPushButton *>(QStringLiteral("openInTester"));
    QVERIFY(open && !open->isHidden());
    QTest::mouseClick(open, Qt::LeftButton);
    QCOMPARE(m_window->currentPageId(), QStringLiteral("tester"));
    const tester::RequestDocument document = editor()->document();
    QCOMPARE(document.flowId, target.id);
    QCOMPARE(document.method, QStringLiteral("POST"));
    QCOMPARE(document.url, QStringLiteral("{{baseUrl}}/api/flo/%1/invoke").arg(target.alias));
    QCOMPARE(document.auth.mode, tester::AuthMode::ClientToken);
    QCOMPARE(document.auth.clientToken, QStringLiteral("{{clientToken}}"));
    // The prefilled empty order is the flow's own 400, past the token check.
    QCOMPARE(sendAndWait(), QStringLiteral("400 Bad Request"));
    QVERIFY(!tester()->response()->executionId().isEmpty());
}

void TestTesterPage::flowMenuOpensTheEditedFlow()
{
    const Flow &target = flow(SecurityLevel::OAuth2);
    m_window->flowEditor()->openFlow(target.id);
    m_window->showPage(QStringLiteral("editor"));
    m_window->findChild<QAction *>(QStringLiteral("openInTesterAction"))->trigger();
    QCOMPARE(m_window->currentPageId(), QStringLiteral("tester"));
    const tester::RequestDocument document = editor()->document();
    QCOMPARE(document.flowId, target.id);
    QCOMPARE(document.auth.mode, tester::AuthMode::OAuth2);
    // The sample app lets the flow in and has its key kept: both are chosen.
    const auth::AppIntegration &app = m_fixture->session->workspace().apps().constFirst();
    QCOMPARE(document.auth.oauth.clientId, app.clientId);
    QCOMPARE(document.auth.oauth.kid, app.keys.constFirst().kid);
}

void TestTesterPage::sendsWithEachAuthMode_data()
{
    QTest::addColumn<SecurityLevel>("level");
    QTest::addColumn<bool>("inHeader");
    QTest::addRow("public") << SecurityLevel::None << false;
    QTest::addRow("client token in the query") << SecurityLevel::ClientToken << false;
    QTest::addRow("client token in the header") << SecurityLevel::ClientToken << true;
    QTest::addRow("OAuth 2.0 with a kept key") << SecurityLevel::OAuth2 << false;
}

void TestTesterPage::sendsWithEachAuthMode()
{
    QFETCH(SecurityLevel, level);
    QFETCH(bool, inHeader);
    openWithValidInput(level);
    if (inHeader)
        QTest::mouseClick(editor()->findChild<QRadioButton *>(QStringLiteral("tokenInHeader")),
                          Qt::LeftButton);
    QCOMPARE(editor()->document().auth.placement,
             inHeader ? tester::ClientTokenPlacement::Header : tester::ClientTokenPlacement::Query);
    QCOMPARE(sendAndWait(), QStringLiteral("200 OK"));
    QVERIFY(!tester()->response()->executionId().isEmpty());
    // What was sent carries the credential where asked, never shown in the clear.
    const QString sent =
        tester()->response()->findChild<QPlainTextEdit *>(QStringLiteral("sentRequest"))->toPlainText();
    if (level == SecurityLevel::ClientToken) {
        QCOMPARE(sent.contains(QStringLiteral("x-api-client-token:"), Qt::CaseInsensitive), inHeader);
        QCOMPARE(sent.contains(QStringLiteral("clientToken={{clientToken}}")), !inHeader);
        const auto token = m_fixture->secrets.read(
            clientTokenSecretKey(m_fixture->session->workspace().id(), flow(level).id));
        QVERIFY(token && *token);
        QVERIFY(!sent.contains(**token));
    }
    if (level == SecurityLevel::OAuth2)
        QVERIFY(sent.contains(QStringLiteral("Authorization: Bearer")));
}

void TestTesterPage::openExecutionShowsItInHistory()
{
    m_window->openInTester(flow(SecurityLevel::None).id);
    QCOMPARE(sendAndWait(), QStringLiteral("200 OK"));
    const QString executionId = tester()->response()->executionId();
    auto *open = tester()->response()->findChild<QPushButton *>(QStringLiteral("openExecution"));
    QVERIFY(!open->isHidden());
    QTest::mouseClick(open, Qt::LeftButton);
    QCOMPARE(m_window->currentPageId(), QStringLiteral("history"));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPage()->selectedExecutionId(), executionId, 10000);
}

void TestTesterPage::oauthTokenIsCachedAndShown()
{
    openWithValidInput(SecurityLevel::OAuth2);
    QSignalSpy finished(tester()->runner(), &tester::RequestRunner::finished);
    QCOMPARE(sendAndWait(), QStringLiteral("200 OK"));
    QTRY_COMPARE(finished.count(), 1);
    auto first = finished.takeFirst().constFirst().value<tester::RunResult>();
    QVERIFY(first.token.has_value());
    QVERIFY(!first.tokenFromCache);
    auto *details = editor()->authEditor()->findChild<QPlainTextEdit *>(QStringLiteral("tokenDetails"));
    QVERIFY(!details->isHidden());
    QVERIFY(details->toPlainText().contains(QStringLiteral("\"jti\"")));
    QVERIFY(details->toPlainText().contains(auth::kInvokeScope));
    QCOMPARE(sendAndWait(), QStringLiteral("200 OK"));
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(finished.takeFirst().constFirst().value<tester::RunResult>().tokenFromCache);

    // "Get token" asks for a new one and shows it.
    QSignalSpy fetched(tester()->runner(), &tester::RequestRunner::tokenFetched);
    QTest::mouseClick(editor()->authEditor()->findChild<QPushButton *>(QStringLiteral("getToken")),
                      Qt::LeftButton);
    QVERIFY(fetched.wait(20000));
    QVERIFY(fetched.constFirst().constFirst().value<tester::TokenResult>().ok);
    QVERIFY(editor()
                ->authEditor()
                ->findChild<QLabel *>(QStringLiteral("tokenState"))
                ->text()
                .startsWith(QStringLiteral("New token")));
}

void TestTesterPage::pastedKeyAndBearerToken()
{
    // The sample app's kept key, pasted instead of chosen.
    const Workspace &workspace = m_fixture->session->workspace();
    const auth::AppIntegration &app = workspace.apps().constFirst();
    auto kept = workspace.keptAppPrivateKey(app.clientId, app.keys.constFirst().kid, m_fixture->secrets);
    QVERIFY(kept && *kept);
    openWithValidInput(SecurityLevel::OAuth2);
    QTest::mouseClick(editor()->findChild<QRadioButton *>(QStringLiteral("pastedKeySource")), Qt::LeftButton);
    auto *clientId = editor()->findChild<QLineEdit *>(QStringLiteral("pastedClientId"));
    clientId->setText(app.clientId);
    editor()
        ->findChild<QPlainTextEdit *>(QStringLiteral("pastedPrivateKey"))
        ->setPlainText(QString::fromUtf8(*(*kept)->privatePem()));
    QSignalSpy finished(tester()->runner(), &tester::RequestRunner::finished);
    QCOMPARE(sendAndWait(), QStringLiteral("200 OK"));
    QTRY_COMPARE(finished.count(), 1);
    const auto result = finished.takeFirst().constFirst().value<tester::RunResult>();
    QVERIFY(result.token.has_value());

    // The same token as a plain bearer token.
    auto *mode = editor()->findChild<QComboBox *>(QStringLiteral("authMode"));
    mode->setCurrentIndex(mode->findData(int(tester::AuthMode::Bearer)));
    editor()->findChild<QLineEdit *>(QStringLiteral("bearerToken"))->setText(result.token->accessToken);
    QCOMPARE(editor()->document().auth.mode, tester::AuthMode::Bearer);
    QCOMPARE(sendAndWait(), QStringLiteral("200 OK"));
    // A wrong bearer token is the server's 401, shown as it is.
    editor()->findChild<QLineEdit *>(QStringLiteral("bearerToken"))->setText(QStringLiteral("not-a-token"));
    QCOMPARE(sendAndWait(), QStringLiteral("401 Unauthorized"));
}

void TestTesterPage::historyLoadsARequestBack()
{
    m_window->openInTester(flow(SecurityLevel::None).id);
    QCOMPARE(sendAndWait(), QStringLiteral("200 OK"));
    auto *list = tester()->sidebar()->historyList();
    QCOMPARE(list->count(), 1);
    QVERIFY(list->item(0)->text().startsWith(QStringLiteral("200")));
    editor()->setDocument({});
    QVERIFY(editor()->document().url.isEmpty());
    emit list->itemActivated(list->item(0));
    QCOMPARE(editor()->document().flowId, flow(SecurityLevel::None).id);
    QVERIFY(editor()->document().url.endsWith(QStringLiteral("/invoke")));
    // Persisted: a new page on the same workspace reads it.
    tester::TesterHistory reread(m_fixture->session->workspace().dir());
    QVERIFY(reread.load());
    QCOMPARE(reread.entries().size(), 1);
    QCOMPARE(reread.entries().constFirst().status, 200);
    // Searchable.
    auto *search = tester()->sidebar()->findChild<QLineEdit *>(QStringLiteral("historySearch"));
    search->setText(QStringLiteral("no such request"));
    QCOMPARE(list->count(), 0);
    search->setText(QStringLiteral("invoke"));
    QCOMPARE(list->count(), 1);
}

void TestTesterPage::savesIntoACollection()
{
    tester()->sidebar()->setTextAsker([](const QString &, const QString &initial) -> std::optional<QString> {
        return initial.isEmpty() ? QStringLiteral("Saved") : initial;
    });
    m_window->openInTester(flow(SecurityLevel::ClientToken).id);
    tester()->findChild<QAction *>(QStringLiteral("saveRequest"))->trigger();
    auto *tree = tester()->sidebar()->collectionTree();
    QCOMPARE(tree->topLevelItemCount(), 1);
    QCOMPARE(tree->topLevelItem(0)->childCount(), 1);
    const QDir collections(m_fixture->session->workspace().dir() + QStringLiteral("/tester/collections"));
    QCOMPARE(collections.entryList({QStringLiteral("*.json")}, QDir::Files).size(), 1);
    // Loading it back gives the same request.
    const tester::RequestDocument saved = editor()->document();
    editor()->setDocument({});
    emit tree->itemActivated(tree->topLevelItem(0)->child(0), 0);
    QCOMPARE(editor()->document(), saved);
}

void TestTesterPage::copyAsCurlAsksBeforeSecrets()
{
    const Flow &target = flow(SecurityLevel::ClientToken);
    const auto token =
        m_fixture->secrets.read(clientTokenSecretKey(m_fixture->session->workspace().id(), target.id));
    QVERIFY(token && *token);
    m_window->openInTester(target.id);
    QStringList questions;
    bool include = false;
    tester()->setConfirmer([&](const QString &question) {
        questions.append(question);
        return include;
    });
    QApplication::clipboard()->clear();
    tester()->copyAsCurl();
    QTRY_VERIFY(QApplication::clipboard()->text().startsWith(QStringLiteral("curl")));
    QCOMPARE(questions.size(), 1);
    QVERIFY(!QApplication::clipboard()->text().contains(**token));
    include = true;
    QApplication::clipboard()->clear();
    tester()->copyAsCurl();
    QTRY_VERIFY(QApplication::clipboard()->text().contains(**token));
}

void TestTesterPage::pastedCurlBecomesTheRequest()
{
    const Flow &target = flow(SecurityLevel::None);
    const QString url =
        m_fixture->session->server().baseUrl() + QStringLiteral("/api/flo/%1/invoke").arg(target.alias);
    QVERIFY(
        editor()->loadCurl(QStringLiteral("curl -X POST '%1' \\\n  -H 'Content-Type: application/json' \\\n  "
                                          "--data-raw '{\"note\": \"it'\\''s here\"}'")
                               .arg(url)));
    const tester::RequestDocument document = editor()->document();
    QCOMPARE(document.method, QStringLiteral("POST"));
    QCOMPARE(document.url, url);
    QCOMPARE(document.bodyMode, tester::BodyMode::Json);
    QVERIFY(document.body.contains(QStringLiteral("it's here")));
    QCOMPARE(sendAndWait(), QStringLiteral("200 OK"));
    QVERIFY(!editor()->loadCurl(QStringLiteral("curl --no-such-option http://x")));
    QVERIFY(!editor()->findChild<QLabel *>(QStringLiteral("requestError"))->isHidden());
}

void TestTesterPage::variablesAreSubstitutedAtSendTime()
{
    tester()->editVariables();
    ui::EnvironmentDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = tester()->findChild<ui::EnvironmentDialog *>(QStringLiteral("environmentDialog"))));
    dialog->addVariable({QStringLiteral("greeting"), QStringLiteral("Ada"), false});
    dialog->addVariable({QStringLiteral("apiKey"), QStringLiteral("s3cret-value"), true});
    QSignalSpy saved(tester(), &ui::TesterPage::message);
    dialog->accept();
    QCOMPARE(saved.count(), 1);
    QCOMPARE(saved.constFirst().constFirst().toString(), QStringLiteral("Variables saved."));
    QFile file(m_fixture->session->workspace().dir() + QStringLiteral("/tester/environment.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray stored = file.readAll();
    QVERIFY(stored.contains("greeting"));
    QVERIFY(!stored.contains("s3cret-value"));

    m_window->openInTester(QStringLiteral("hello-public")); // greets the caller by name
    tester::RequestDocument document = editor()->document();
    document.body = QStringLiteral(R"({"name": "{{greeting}}"})");
    document.headers.append({QStringLiteral("X-Api-Key"), QStringLiteral("{{apiKey}}"), true});
    editor()->setDocument(document);
    QSignalSpy finished(tester()->runner(), &tester::RequestRunner::finished);
    QCOMPARE(sendAndWait(), QStringLiteral("200 OK"));
    const auto result = finished.constFirst().constFirst().value<tester::RunResult>();
    QVERIFY(result.sent.body.contains("\"Ada\""));
    QVERIFY2(result.body.contains("Ada"), result.body.constData());
    const QString shown =
        tester()->response()->findChild<QPlainTextEdit *>(QStringLiteral("sentRequest"))->toPlainText();
    QVERIFY(shown.contains(QStringLiteral("Ada")));
    QVERIFY(!shown.contains(QStringLiteral("s3cret-value")));
}

void TestTesterPage::unknownVariableIsAClearError()
{
    tester::RequestDocument document;
    document.url = QStringLiteral("{{nowhere}}/health");
    editor()->setDocument(document);
    QCOMPARE(sendAndWait(), QStringLiteral("No answer"));
    QVERIFY(tester()
                ->response()
                ->findChild<QLabel *>(QStringLiteral("responseProblem"))
                ->text()
                .contains(QStringLiteral("{{nowhere}}")));
    QCOMPARE(tester()->sidebar()->historyList()->count(), 0);
}

void TestTesterPage::connectionRefusedIsAClearError()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    tester::RequestDocument document;
    document.url = QStringLiteral("http://127.0.0.1:%1/health").arg(port);
    editor()->setDocument(document);
    QCOMPARE(sendAndWait(), QStringLiteral("No answer"));
    QVERIFY(tester()
                ->response()
                ->findChild<QLabel *>(QStringLiteral("responseProblem"))
                ->text()
                .contains(QStringLiteral("refused")));
    QCOMPARE(tester()->sidebar()->historyList()->count(), 1);
}

void TestTesterPage::cancelStopsAWaitingRequest()
{
    // A server that accepts and never answers.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    tester::RequestDocument document;
    document.url = QStringLiteral("http://127.0.0.1:%1/slow").arg(silent.serverPort());
    editor()->setDocument(document);
    m_window->showPage(QStringLiteral("tester"));
    QSignalSpy finished(tester()->runner(), &tester::RequestRunner::finished);
    QTest::mouseClick(editor()->findChild<QPushButton *>(QStringLiteral("send")), Qt::LeftButton);
    auto *progress = tester()->response()->findChild<QWidget *>(QStringLiteral("responseProgress"));
    QTRY_VERIFY(!progress->isHidden());
    QTRY_VERIFY(silent.hasPendingConnections()); // the request reached the server
    auto *cancel = editor()->findChild<QPushButton *>(QStringLiteral("cancel"));
    QVERIFY(!cancel->isHidden());
    QTest::keyClick(editor()->findChild<QLineEdit *>(QStringLiteral("url")), Qt::Key_Escape);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.constFirst().constFirst().value<tester::RunResult>().outcome,
             tester::RunOutcome::Cancelled);
    QCOMPARE(tester()->response()->statusText(), QStringLiteral("Cancelled"));
    QVERIFY(progress->isHidden());
    QVERIFY(cancel->isHidden());
}

QTEST_MAIN(TestTesterPage)
#include "tst_testerpage.moc"
