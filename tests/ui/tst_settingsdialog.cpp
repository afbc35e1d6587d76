// The settings dialog on a scratch sample workspace: it shows the settings, refuses every wrong field
// with a message under it and saves nothing then, saves a valid set to workspace.json, and restarts
// a running server on a new port or certificate (HTTPS then answers).

#include "Theme.h"
#include "UiTestSupport.h"
#include "dialogs/SettingsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSettings>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>

using namespace wf;
using namespace wf::ui;
using namespace wf::uitest;

namespace {

constexpr int kWaitMs = 10000;

QString dataFile(const char *name)
{
    return QStringLiteral(WF_TEST_DATA_DIR "/tls/") + QString::fromLatin1(name);
}

QByteArray workspaceBytes(const SessionFixture &f)
{
    QFile file(QDir(f.dir.path()).filePath(Workspace::kFileName));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A port nobody listens on right now.
quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

// Replaces the text of `edit` by typing, as a user would.
void type(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

} // namespace

class TestSettingsDialog final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void showsCurrentSettings();
    void refusesInvalidField_data();
    void refusesInvalidField();
    void reportsEveryWrongField();
    void refusesUnusableCertificate_data();
    void refusesUnusableCertificate();
    void savesValidChanges();
    void keepsOddBodyLimitExact();
    void cancelSavesNothing();
    void browseFillsThePath();
    void restartsServerOnNewPort();
    void servesHttpsWithCertificate();
    void otherChangesKeepServerRunning();
    void appliesAppearance();

private:
    template <typename T>
    T *child(QWidget &dialog, const char *name)
    {
        return dialog.findChild<T *>(QString::fromLatin1(name));
    }
    void clickOk(SettingsDialog &dialog);

    std::unique_ptr<SessionFixture> m_f;
};

void TestSettingsDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings of the test, not of the user
}

void TestSettingsDialog::init()
{
    QSettings().remove(QStringLiteral("ui"));
    m_f = std::make_unique<SessionFixture>();
    QVERIFY(m_f->create());
}

void TestSettingsDialog::clickOk(SettingsDialog &dialog)
{
    QPushButton *ok = child<QPushButton>(dialog, "okButton");
    QVERIFY(ok);
    QTest::mouseClick(ok, Qt::LeftButton);
}

void TestSettingsDialog::showsCurrentSettings()
{
    const auto edited = m_f->session->edit(ConsoleSession::Change::Settings, [](Workspace &workspace) {
        WorkspaceSettings &s = workspace.settings();
        s.host = QStringLiteral("0.0.0.0");
        s.port = 9123;
        s.publicBaseUrl = QStringLiteral("https://flows.example.com");
        s.bodyLimitBytes = 3 * 1024 * 1024;
        s.rateLimitPerSecond = 2.5;
        s.timeoutSeconds = 45;
        s.historyRetentionDays = 14;
        s.pausedRetentionDays = 60;
        s.tlsCertificatePath = QStringLiteral("tls/cert.pem");
        s.tlsKeyPath = QStringLiteral("tls/key.pem");
        return Result<bool>(true);
    });
    QVERIFY(edited.ok());
    QSettings().setValue(QStringLiteral("ui/language"), QStringLiteral("ja"));
    QSettings().setValue(QStringLiteral("ui/theme"), QStringLiteral("dark"));

    SettingsDialog dialog(*m_f->session);
    const std::pair<const char *, const char *> expected[] = {
        {"host", "0.0.0.0"},
        {"port", "9123"},
        {"publicBaseUrl", "https://flows.example.com"},
        {"tlsCertificate", "tls/cert.pem"},
        {"tlsKey", "tls/key.pem"},
        {"bodyLimit", "3"},
        {"rateLimit", "2.5"},
        {"timeout", "45"},
        {"historyRetention", "14"},
        {"pausedRetention", "60"},
    };
    for (const auto &[name, text] : expected) {
        QLineEdit *edit = child<QLineEdit>(dialog, name);
        QVERIFY2(edit, name);
        QCOMPARE(edit->text(), QString::fromLatin1(text));
    }
    QCOMPARE(child<QComboBox>(dialog, "language")->currentData().toString(), QStringLiteral("ja"));
    QCOMPARE(child<QComboBox>(dialog, "appearance")->currentData().toInt(), int(Theme::Choice::Dark));
    QVERIFY(child<QLabel>(dialog, "languageNote")->text().contains(QStringLiteral("next time")));
    for (QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->objectName().endsWith(QLatin1String("Error")))
            QVERIFY2(label->isHidden(), qPrintable(label->objectName()));
    }
}

void TestSettingsDialog::refusesInvalidField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("fragment");
    const auto row = [](const char *name, const char *field, const QString &input, const char *fragment) {
        QTest::newRow(name) << QString::fromLatin1(field) << input << QString::fromLatin1(fragment);
    };
    row("port 0", "port", QStringLiteral("0"), "1 to 65535");
    row("port 70000", "port", QStringLiteral("70000"), "1 to 65535");
    row("port not a number", "port", QStringLiteral("80a"), "1 to 65535");
    row("port empty", "port", QString(), "1 to 65535");
    row("host name", "host", QStringLiteral("localhost"), "IP address");
    row("host empty", "host", QString(), "IP address");
    row("public base URL ftp", "publicBaseUrl", QStringLiteral("ftp://flows.example.com"), "http://");
    row("public base URL with query", "publicBaseUrl", QStringLiteral("https://x.example.com/?a=1"),
        "http://");
    row("public base URL without host", "publicBaseUrl", QStringLiteral("flows"), "http://");
    row("body limit 0", "bodyLimit", QStringLiteral("0"), "greater than 0");
    row("body limit negative", "bodyLimit", QStringLiteral("-1"), "greater than 0");
    row("body limit text", "bodyLimit", QStringLiteral("ten"), "greater than 0");
    row("rate limit negative", "rateLimit", QStringLiteral("-1"), "0 or more");
    row("rate limit text", "rateLimit", QStringLiteral("fast"), "0 or more");
    row("timeout 0", "timeout", QStringLiteral("0"), "1 to 86400");
    row("timeout with decimals", "timeout", QStringLiteral("1.5"), "1 to 86400");
    row("history retention negative", "historyRetention", QStringLiteral("-3"), "1 to 36500");
    row("paused retention 0", "pausedRetention", QStringLiteral("0"), "1 to 36500");
}

void TestSettingsDialog::refusesInvalidField()
{
    QFETCH(QString, field);
    QFETCH(QString, input);
    QFETCH(QString, fragment);
    const QByteArray before = workspaceBytes(*m_f);
    QSignalSpy changed(m_f->session.get(), &ConsoleSession::settingsChanged);

    SettingsDialog dialog(*m_f->session);
    dialog.show();
    QLineEdit *edit = dialog.findChild<QLineEdit *>(field);
    QVERIFY(edit);
    type(edit, input);
    clickOk(dialog);

    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QLabel *error = dialog.findChild<QLabel *>(field + QStringLiteral("Error"));
    QVERIFY(error);
    QVERIFY(!error->isHidden());
    QVERIFY2(error->text().contains(fragment), qPrintable(error->text()));
    QCOMPARE(edit->text(), input); // what was typed stays, to be corrected
    QCOMPARE(workspaceBytes(*m_f), before);
    QCOMPARE(changed.count(), 0);

    // Corrected, it is accepted and the message goes.
    type(edit, field == QLatin1String("publicBaseUrl") ? QString() : QStringLiteral("42"));
    if (field == QLatin1String("host"))
        type(edit, QStringLiteral("127.0.0.1"));
    clickOk(dialog);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(changed.count(), 1);
}

void TestSettingsDialog::reportsEveryWrongField()
{
    SettingsDialog dialog(*m_f->session);
    dialog.show();
    type(child<QLineEdit>(dialog, "historyRetention"), QStringLiteral("-1"));
    type(child<QLineEdit>(dialog, "port"), QStringLiteral("70000"));
    clickOk(dialog);
    QVERIFY(dialog.isVisible());
    QVERIFY(!child<QLabel>(dialog, "portError")->isHidden());
    QVERIFY(!child<QLabel>(dialog, "historyRetentionError")->isHidden());
    QVERIFY(child<QLabel>(dialog, "timeoutError")->isHidden());
    QCOMPARE(dialog.focusWidget(), child<QLineEdit>(dialog, "port")); // the first wrong field
}

void TestSettingsDialog::refusesUnusableCertificate_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("certificate missing") << QStringLiteral("/nonexistent/cert.pem") << dataFile("key.pem")
                                         << QStringLiteral("cannot read /nonexistent/cert.pem");
    QTest::newRow("key missing") << dataFile("cert.pem") << QStringLiteral("/nonexistent/key.pem")
                                 << QStringLiteral("cannot read /nonexistent/key.pem");
    QTest::newRow("relative path not in the workspace")
        << QStringLiteral("cert.pem") << QStringLiteral("key.pem") << QStringLiteral("cannot read");
    QTest::newRow("key given as certificate")
        << dataFile("key.pem") << dataFile("key.pem") << QStringLiteral("no PEM certificate");
    QTest::newRow("certificate given as key")
        << dataFile("cert.pem") << dataFile("cert.pem") << QStringLiteral("no unencrypted PEM");
    QTest::newRow("certificate without key") << dataFile("cert.pem") << QString() << QStringLiteral("both");
    QTest::newRow("key without certificate") << QString() << dataFile("key.pem") << QStringLiteral("both");
}

void TestSettingsDialog::refusesUnusableCertificate()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QString, fragment);
    const QByteArray before = workspaceBytes(*m_f);

    SettingsDialog dialog(*m_f->session);
    dialog.show();
    type(child<QLineEdit>(dialog, "tlsCertificate"), certificate);
    type(child<QLineEdit>(dialog, "tlsKey"), key);
    clickOk(dialog);

    QVERIFY(dialog.isVisible());
    QLabel *error = child<QLabel>(dialog, "tlsError");
    QVERIFY(!error->isHidden());
    QVERIFY2(error->text().contains(fragment), qPrintable(error->text()));
    QCOMPARE(child<QLineEdit>(dialog, "tlsCertificate")->text(), certificate);
    QCOMPARE(workspaceBytes(*m_f), before);
}

void TestSettingsDialog::savesValidChanges()
{
    QSignalSpy changed(m_f->session.get(), &ConsoleSession::settingsChanged);
    SettingsDialog dialog(*m_f->session);
    dialog.show();
    type(child<QLineEdit>(dialog, "host"), QStringLiteral("::1"));
    type(child<QLineEdit>(dialog, "port"), QStringLiteral("9191"));
    type(child<QLineEdit>(dialog, "publicBaseUrl"), QStringLiteral("https://flows.example.com/base"));
    type(child<QLineEdit>(dialog, "tlsCertificate"), dataFile("cert.pem"));
    type(child<QLineEdit>(dialog, "tlsKey"), dataFile("key.pem"));
    type(child<QLineEdit>(dialog, "bodyLimit"), QStringLiteral("2.5"));
    type(child<QLineEdit>(dialog, "rateLimit"), QStringLiteral("0"));
    type(child<QLineEdit>(dialog, "timeout"), QStringLiteral("120"));
    type(child<QLineEdit>(dialog, "historyRetention"), QStringLiteral("7"));
    type(child<QLineEdit>(dialog, "pausedRetention"), QStringLiteral("90"));
    QComboBox *language = child<QComboBox>(dialog, "language");
    language->setCurrentIndex(language->findData(QStringLiteral("fr")));
    clickOk(dialog);

    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(changed.count(), 1);
    auto opened = Workspace::open(m_f->dir.path());
    QVERIFY(opened.ok());
    const WorkspaceSettings &s = opened->settings();
    QCOMPARE(s.host, QStringLiteral("::1"));
    QCOMPARE(s.port, quint16(9191));
    QCOMPARE(s.publicBaseUrl, QStringLiteral("https://flows.example.com/base"));
    QCOMPARE(s.tlsCertificatePath, dataFile("cert.pem"));
    QCOMPARE(s.tlsKeyPath, dataFile("key.pem"));
    QCOMPARE(s.bodyLimitBytes, qint64(2.5 * 1024 * 1024));
    QCOMPARE(s.rateLimitPerSecond, 0.0);
    QCOMPARE(s.timeoutSeconds, 120);
    QCOMPARE(s.historyRetentionDays, 7);
    QCOMPARE(s.pausedRetentionDays, 90);
    QCOMPARE(m_f->session->workspace().settings().port, quint16(9191));
    QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("fr"));
    // The server was not running: saving the settings does not start it.
    QCOMPARE(m_f->session->server().state(), ServerController::State::Stopped);
}

void TestSettingsDialog::keepsOddBodyLimitExact()
{
    QVERIFY(m_f->session
                ->edit(ConsoleSession::Change::Settings,
                       [](Workspace &workspace) {
                           workspace.settings().bodyLimitBytes = 1234;
                           return Result<bool>(true);
                       })
                .ok());
    {
        SettingsDialog dialog(*m_f->session);
        dialog.show();
        clickOk(dialog);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(m_f->session->workspace().settings().bodyLimitBytes, qint64(1234));
    }
    SettingsDialog dialog(*m_f->session);
    dialog.show();
    type(child<QLineEdit>(dialog, "bodyLimit"), QStringLiteral("0.5"));
    clickOk(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(m_f->session->workspace().settings().bodyLimitBytes, qint64(512 * 1024));
}

void TestSettingsDialog::cancelSavesNothing()
{
    const QByteArray before = workspaceBytes(*m_f);
    SettingsDialog dialog(*m_f->session);
    dialog.show();
    type(child<QLineEdit>(dialog, "port"), QStringLiteral("9999"));
    child<QComboBox>(dialog, "language")->setCurrentIndex(2);
    QTest::mouseClick(child<QPushButton>(dialog, "cancelButton"), Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(workspaceBytes(*m_f), before);
    QVERIFY(!QSettings().contains(QStringLiteral("ui/language")));
}

void TestSettingsDialog::browseFillsThePath()
{
    SettingsDialog dialog(*m_f->session);
    QStringList asked;
    QString answer = dataFile("cert.pem");
    dialog.setFilePicker([&](const QString &title, const QString &current) {
        asked << title + QLatin1Char('|') + current;
        return answer;
    });
    dialog.show();
    QTest::mouseClick(child<QPushButton>(dialog, "tlsCertificateBrowse"), Qt::LeftButton);
    QCOMPARE(child<QLineEdit>(dialog, "tlsCertificate")->text(),
             QDir::toNativeSeparators(dataFile("cert.pem")));
    answer = dataFile("key.pem");
    QTest::mouseClick(child<QPushButton>(dialog, "tlsKeyBrowse"), Qt::LeftButton);
    QCOMPARE(child<QLineEdit>(dialog, "tlsKey")->text(), QDir::toNativeSeparators(dataFile("key.pem")));
    QCOMPARE(asked.size(), 2);
    QVERIFY(asked.at(0).contains(QStringLiteral("certificate")));
    QVERIFY(asked.at(1).contains(QStringLiteral("key")));

    answer.clear(); // canceled: the path stays
    QTest::mouseClick(child<QPushButton>(dialog, "tlsKeyBrowse"), Qt::LeftButton);
    QCOMPARE(child<QLineEdit>(dialog, "tlsKey")->text(), QDir::toNativeSeparators(dataFile("key.pem")));
    QCOMPARE(asked.at(2),
             asked.at(1).section(QLatin1Char('|'), 0, 0) + QLatin1Char('|') + dataFile("key.pem"));
}

void TestSettingsDialog::restartsServerOnNewPort()
{
    QVERIFY(m_f->startServer());
    const QString before = m_f->session->server().baseUrl();
    const quint16 port = freePort();
    QVERIFY(port != 0);
    QVERIFY(!before.endsWith(QLatin1Char(':') + QString::number(port)));
    QSignalSpy states(&m_f->session->server(), &ServerController::stateChanged);

    SettingsDialog dialog(*m_f->session);
    dialog.show();
    type(child<QLineEdit>(dialog, "port"), QString::number(port));
    clickOk(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    const QString expected = QStringLiteral("http://127.0.0.1:%1").arg(port);
    QTRY_COMPARE_WITH_TIMEOUT(m_f->session->server().baseUrl(), expected, kWaitMs);
    QCOMPARE(m_f->session->server().state(), ServerController::State::Listening);
    QList<ServerController::State> seen;
    for (const QList<QVariant> &signal : std::as_const(states))
        seen << signal.at(0).value<ServerController::State>();
    QCOMPARE(seen, (QList<ServerController::State>{
                       ServerController::State::Stopping, ServerController::State::Stopped,
                       ServerController::State::Starting, ServerController::State::Listening}));
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(socket.waitForConnected(kWaitMs));
}

void TestSettingsDialog::servesHttpsWithCertificate()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend in this Qt build: HTTPS cannot be tested here");
    QVERIFY(m_f->startServer());
    QVERIFY(m_f->session->server().baseUrl().startsWith(QLatin1String("http://")));
    SettingsDialog dialog(*m_f->session);
    dialog.setFilePicker([](const QString &title, const QString &) {
        return title.contains(QLatin1String("certificate")) ? dataFile("cert.pem") : dataFile("key.pem");
    });
    dialog.show();
    QTest::mouseClick(child<QPushButton>(dialog, "tlsCertificateBrowse"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(dialog, "tlsKeyBrowse"), Qt::LeftButton);
    clickOk(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QTRY_VERIFY_WITH_TIMEOUT(m_f->session->server().baseUrl().startsWith(QLatin1String("https://127.0.0.1:")),
                             kWaitMs);

    // The server speaks HTTPS with that certificate.
    QFile certificateFile(dataFile("cert.pem"));
    QVERIFY(certificateFile.open(QIODevice::ReadOnly));
    QSslConfiguration trust = QSslConfiguration::defaultConfiguration();
    trust.setCaCertificates(QSslCertificate::fromData(certificateFile.readAll(), QSsl::Pem));
    QNetworkRequest request(QUrl(m_f->session->server().baseUrl() + QStringLiteral("/health")));
    request.setSslConfiguration(trust);
    QNetworkAccessManager network;
    std::unique_ptr<QNetworkReply> reply(network.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
}

void TestSettingsDialog::otherChangesKeepServerRunning()
{
    QVERIFY(m_f->startServer());
    const QString baseUrl = m_f->session->server().baseUrl();
    QSignalSpy states(&m_f->session->server(), &ServerController::stateChanged);
    SettingsDialog dialog(*m_f->session);
    dialog.show();
    type(child<QLineEdit>(dialog, "rateLimit"), QStringLiteral("3"));
    type(child<QLineEdit>(dialog, "historyRetention"), QStringLiteral("10"));
    clickOk(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(m_f->session->workspace().settings().rateLimitPerSecond, 3.0);
    // A restart would have begun at once (Stopping); the server took the change as it runs.
    QCOMPARE(states.count(), 0);
    QCOMPARE(m_f->session->server().state(), ServerController::State::Listening);
    QCOMPARE(m_f->session->server().baseUrl(), baseUrl);
}

void TestSettingsDialog::appliesAppearance()
{
    Theme theme;
    theme.setChoice(Theme::Choice::Light);
    SettingsDialog dialog(*m_f->session);
    dialog.show();
    QComboBox *appearance = child<QComboBox>(dialog, "appearance");
    appearance->setCurrentIndex(appearance->findData(int(Theme::Choice::Dark)));
    clickOk(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(theme.choice(), Theme::Choice::Dark);
    QCOMPARE(QSettings().value(QStringLiteral("ui/theme")).toString(), QStringLiteral("dark"));
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 100);
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
