// The main window with every page: navigation, the way a flow leads to the editor, its endpoint
// settings and its history, the server in the status bar, and no editor work lost silently at exit.

#include "MainWindow.h"
#include "UiTestSupport.h"
#include "dialogs/EndpointSettingsDialog.h"
#include "editor/FlowEditorPage.h"
#include "pages/AppsPage.h"
#include "pages/FlowsPage.h"
#include "pages/HistoryPage.h"

#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>

using namespace wf;
using namespace wf::ui;
using namespace wf::uitest;

class TestMainWindow final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // window state goes to a test location
        QSettings().remove(QStringLiteral("window"));
    }

    void init()
    {
        m_fixture = std::make_unique<SessionFixture>();
        QVERIFY(m_fixture->create());
        m_window = std::make_unique<MainWindow>(*m_fixture->session);
        m_window->buildConsole();
        m_window->setCloseConfirmation({});
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_fixture.reset();
    }

    void everyPageIsInTheSideBar()
    {
        auto *navigation = m_window->findChild<QListWidget *>(QStringLiteral("navigation"));
        QVERIFY(navigation);
        QStringList titles;
        for (int row = 0; row < navigation->count(); ++row)
            titles.append(navigation->item(row)->text());
        QCOMPARE(titles, QStringList({QStringLiteral("Flows"), QStringLiteral("Flow editor"),
                                      QStringLiteral("Applications"), QStringLiteral("Execution history"),
                                      QStringLiteral("Request tester"), QStringLiteral("Cards")}));
        QCOMPARE(m_window->currentPageId(), QStringLiteral("flows"));
        QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(m_window->currentPageId(), QStringLiteral("apps"));
        auto *pages = m_window->findChild<QStackedWidget *>(QStringLiteral("pages"));
        QCOMPARE(pages->currentWidget(), m_window->appsPage());
        QTest::keyClick(m_window.get(), Qt::Key_4, Qt::ControlModifier);
        QCOMPARE(pages->currentWidget(), m_window->historyPage());
    }

    void pageAndGeometryAreRemembered()
    {
        m_window->showPage(QStringLiteral("history"));
        m_window->resize(1100, 700);
        QVERIFY(m_window->close());
        MainWindow again(*m_fixture->session);
        again.buildConsole();
        QCOMPARE(again.currentPageId(), QStringLiteral("history"));
        QCOMPARE(again.size(), QSize(1100, 700));
        again.showPage(QStringLiteral("flows"));
        QVERIFY(again.close());
    }

    void openingAFlowShowsItInTheEditor()
    {
        const Flow *flow = sampleFlow(m_fixture->session->workspace(), SecurityLevel::ClientToken);
        QVERIFY(flow);
        emit m_window->flowsPage()->openFlowRequested(flow->id);
        QCOMPARE(m_window->currentPageId(), QStringLiteral("editor"));
        QCOMPARE(m_window->flowEditor()->flowId(), flow->id);
    }

    void endpointSettingsShowTheFlowsInvokeUrl()
    {
        const Flow *flow = sampleFlow(m_fixture->session->workspace(), SecurityLevel::None);
        QVERIFY(m_window->flowsPage()->selectFlow(flow->id));
        emit m_window->flowsPage()->endpointSettingsRequested(flow->id);
        QPointer<EndpointSettingsDialog> dialog = m_window->findChild<EndpointSettingsDialog *>();
        QTRY_VERIFY(dialog && dialog->isVisible());
        auto *invokeUrl = dialog->findChild<QLineEdit *>(QStringLiteral("invokeUrlField"));
        QVERIFY(invokeUrl);
        QCOMPARE(invokeUrl->text(), m_fixture->session->workspace().invokeUrl(*flow));
        dialog->reject();
        QTRY_VERIFY(!dialog); // deleted when closed
        // Helper flows have no endpoint: nothing opens.
        for (const Flow &helper : m_fixture->session->workspace().flows()) {
            if (helper.isHelper())
                QCOMPARE(m_window->openEndpointSettings(helper.id), nullptr);
        }
    }

    void historyOfAFlowOpensFiltered()
    {
        const Flow *flow = sampleFlow(m_fixture->session->workspace(), SecurityLevel::None);
        emit m_window->flowsPage()->historyRequested(flow->id);
        QCOMPARE(m_window->currentPageId(), QStringLiteral("history"));
    }

    void statusBarShowsTheServer()
    {
        auto *state = m_window->findChild<QLabel *>(QStringLiteral("serverState"));
        QVERIFY(state);
        QCOMPARE(state->text(), QStringLiteral("Server stopped"));
        QVERIFY(m_fixture->startServer());
        QTRY_COMPARE(state->text(), QStringLiteral("Listening on ") + m_fixture->session->server().baseUrl());
    }

    void unsavedEditorWorkIsNotLostSilently()
    {
        const Flow *flow = sampleFlow(m_fixture->session->workspace(), SecurityLevel::None);
        m_window->flowEditor()->openFlow(flow->id);
        // A Compose card with its template unset: a problem, so the flow cannot be saved yet.
        QVERIFY(m_window->flowEditor()->insertCard(QStringLiteral("text.compose"), {}));
        QVERIFY(!m_window->flowEditor()->problems().isEmpty());
        QVERIFY(m_window->flowEditor()->hasUnsavedChanges());
        QString asked;
        m_window->setCloseConfirmation([&](const QString &question) {
            asked = question;
            return false;
        });
        QVERIFY(!m_window->close());
        QVERIFY(asked.contains(flow->name));
        QVERIFY(m_window->isVisible());
        QCOMPARE(m_window->currentPageId(), QStringLiteral("editor"));
        m_window->setCloseConfirmation([](const QString &) { return true; });
        QVERIFY(m_window->close());
    }

private:
    std::unique_ptr<SessionFixture> m_fixture;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
