// wfscreenshots: the screenshots of docs/screenshots/, taken from the real console on a fresh sample
// workspace after real requests (public, client token, OAuth 2.0, a pause, a failure) went through its
// server, and the request tester after a real OAuth 2.0 call. Run by docs/screenshots/update.sh under
// Xvfb at 1280x800; grabs the whole screen, so that dialogs show as they do for a user.
// WF_SCREENSHOT_LANGUAGE=fr (or ja) takes only the Flows page, in that language, as main-fr.png.

#include "ConsoleSession.h"
#include "Language.h"
#include "MainWindow.h"
#include "editor/FlowEditorPage.h"
#include "pages/AppsPage.h"
#include "pages/FlowsPage.h"
#include "pages/HistoryPage.h"
#include "store/SecretStore.h"
#include "tester/RequestEditor.h"
#include "tester/TesterPage.h"
#include "tester/TokenClient.h"

#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScreen>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>

using namespace wf;

namespace {

struct Tool {
    MemorySecretStore secrets;
    std::unique_ptr<ui::ConsoleSession> session;
    std::unique_ptr<ui::MainWindow> window;
    QNetworkAccessManager network;
    QString outputDir;

    QString send(const QByteArray &method, const QString &url, const QByteArray &body,
                 const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest request{QUrl(url)};
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        std::unique_ptr<QNetworkReply> reply(network.sendCustomRequest(request, method, body));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        finished.wait(15000);
        std::printf("%s %s -> %d\n", method.constData(), qPrintable(QUrl(url).path()),
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
        return QString::fromLatin1(reply->rawHeader("X-Execution-Id"));
    }

    QString invokeUrl(const QString &flowId) const
    {
        return session->workspace().invokeUrl(*session->workspace().flowById(flowId));
    }

    QString accessToken()
    {
        const auth::AppIntegration &app = session->workspace().apps().first();
        auto key = session->workspace().keptAppPrivateKey(app.clientId, app.keys.first().kid, secrets);
        if (!key || !key.value())
            return {};
        tester::TokenClient client(&network);
        QSignalSpy finished(&client, &tester::TokenClient::finished);
        client.requestToken({tester::tokenEndpointUrl(session->server().baseUrl()), app.clientId,
                             *key.value(), auth::kInvokeScope});
        finished.wait(15000);
        return finished.isEmpty() ? QString()
                                  : finished.first().first().value<tester::TokenResult>().accessToken;
    }

    // Real requests of every kind, so that history and the flows' last runs hold real data.
    QString populate()
    {
        send("POST", invokeUrl(QStringLiteral("hello-public")) + QStringLiteral("?lang=fr"),
             R"({"name":"Ada"})");
        send("POST", invokeUrl(QStringLiteral("hello-public")), R"({"name":42})");
        const QString token =
            secrets.read(clientTokenSecretKey(session->workspace().id(), QStringLiteral("order-total-token")))
                .value()
                .value_or(QString());
        send(
            "POST", invokeUrl(QStringLiteral("order-total-token")),
            R"({"currency":"EUR","items":[{"sku":"A-1","price":12.5,"quantity":2},{"sku":"B-7","price":3,"quantity":5}]})",
            {{"x-api-client-token", token.toLatin1()}});
        send("POST", invokeUrl(QStringLiteral("order-total-token")), R"({"items":[]})",
             {{"x-api-client-token", token.toLatin1()}});
        send("POST", invokeUrl(QStringLiteral("approval-pause")),
             R"({"amount":120,"reason":"Taxi to the airport"})");
        const QString bearer = accessToken();
        return send("GET", invokeUrl(QStringLiteral("customer-oauth")) + QStringLiteral("?id=42"), {},
                    {{"Authorization", "Bearer " + bearer.toLatin1()}});
    }

    void shoot(const QString &name)
    {
        QTest::qWait(700); // let background loads (history, keychain reads) land and paint
        const QPixmap shot = QGuiApplication::primaryScreen()->grabWindow(0);
        const QString path = QDir(outputDir).filePath(name + QStringLiteral(".png"));
        shot.save(path);
        std::printf("%s %dx%d\n", qPrintable(path), shot.width(), shot.height());
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Workflows Console"));
    const QString language = qEnvironmentVariable("WF_SCREENSHOT_LANGUAGE");
    const QString shown = language.isEmpty() ? QStringLiteral("en") : language;
    if (ui::Language::install(shown) != shown) {
        std::fprintf(stderr, "the console has no '%s' catalogue\n", qPrintable(shown));
        return 1;
    }
    QTemporaryDir dir;
    Tool tool;
    tool.outputDir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QDir::currentPath();
    auto workspace = Workspace::create(dir.path(), tool.secrets);
    if (!workspace) {
        std::fprintf(stderr, "%s\n", qPrintable(workspace.error().message));
        return 1;
    }
    tool.session = std::make_unique<ui::ConsoleSession>(std::move(workspace).value(), tool.secrets);
    tool.window = std::make_unique<ui::MainWindow>(*tool.session);
    tool.window->buildConsole();
    tool.window->setGeometry(0, 0, 1280, 800);
    tool.window->show();
    tool.session->startServer();
    if (!QTest::qWaitFor(
            [&] { return tool.session->server().state() == ui::ServerController::State::Listening; },
            15000)) {
        std::fprintf(stderr, "the server did not start: %s\n",
                     qPrintable(tool.session->server().errorString()));
        return 1;
    }
    const QString oauthExecution = tool.populate();

    tool.window->showPage(QStringLiteral("flows"));
    tool.window->flowsPage()->selectFlow(QStringLiteral("hello-public"));
    if (!language.isEmpty()) {
        tool.shoot(QStringLiteral("main-") + language);
        return 0;
    }
    tool.shoot(QStringLiteral("flows"));

    tool.window->flowEditor()->openFlow(QStringLiteral("hello-public"));
    tool.window->showPage(QStringLiteral("editor"));
    tool.window->flowEditor()->runTest();
    tool.window->flowEditor()->selectCard(QStringLiteral("greeting"));
    tool.shoot(QStringLiteral("editor"));

    tool.window->showPage(QStringLiteral("flows"));
    tool.window->flowsPage()->selectFlow(QStringLiteral("order-total-token"));
    QDialog *settings = tool.window->openEndpointSettings(QStringLiteral("order-total-token"));
    tool.shoot(QStringLiteral("endpoint-settings"));
    settings->reject();

    tool.window->showPage(QStringLiteral("apps"));
    tool.window->appsPage()->selectApp(tool.session->workspace().apps().first().clientId);
    tool.shoot(QStringLiteral("apps"));

    tool.window->showPage(QStringLiteral("history"));
    tool.window->historyPage()->showFlow(QString());
    tool.window->historyPage()->showExecution(oauthExecution);
    tool.shoot(QStringLiteral("history"));

    // The request tester after a real OAuth 2.0 call: the decoded assertion and access token above,
    // the flow's answer below.
    tool.window->openInTester(QStringLiteral("customer-oauth"));
    ui::TesterPage *tester = tool.window->testerPage();
    tester::RequestDocument request = tester->editor()->document();
    for (tester::KeyValue &row : request.query)
        if (row.name == QLatin1String("id"))
            row.value = QStringLiteral("42");
    tester->editor()->setDocument(request);
    tester->editor()->findChild<QTabWidget *>(QStringLiteral("requestTabs"))->setCurrentIndex(3);
    QSignalSpy sent(tester->runner(), &tester::RequestRunner::finished);
    tester->send();
    sent.wait(15000);
    tool.shoot(QStringLiteral("tester"));
    return 0;
}
