// The keys of an app on its General tab: generate a key pair and read the private key dialog (JWK,
// PEM, Copy, Keep), register a pasted public key (and refuse bad ones inline), deactivate and delete
// keys. Everything through the real widgets, and workspace.json read again afterwards.

#include "UiTestSupport.h"
#include "dialogs/AddPublicKeyDialog.h"
#include "dialogs/PrivateKeyDialog.h"
#include "models/AppKeyModel.h"
#include "pages/AppDetails.h"
#include "pages/AppDetailsGeneralTab.h"
#include "pages/AppsPage.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QToolButton>

using namespace wf;
using namespace wf::ui;

namespace {

// A secret store that refuses every write, to see the private key dialog report it.
class RefusingSecretStore final : public SecretStore {
public:
    Result<std::optional<QString>> read(const QString &key) override { return m_memory.read(key); }
    Result<bool> write(const QString &, const QString &) override
    {
        return makeError(ErrorType::Internal, QStringLiteral("the keychain is locked"));
    }
    Result<bool> remove(const QString &key) override { return m_memory.remove(key); }
    QString kind() const override { return QStringLiteral("memory"); }

private:
    MemorySecretStore m_memory;
};

QByteArray testKey(const char *file)
{
    QFile in(QStringLiteral(WF_TEST_DATA_DIR "/keys/") + QLatin1String(file));
    if (!in.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", file);
    return in.readAll();
}

// The RFC 7520 §3.1 public key: a valid JWK of a curve apps may not use.
QByteArray p521Jwk()
{
    return QByteArrayLiteral("{\"kty\":\"EC\",\"crv\":\"P-521\",\"x\":\"AHKZLLOsCOzz5cY97ewNUajB957y-C-"
                             "U88c3v13nmGZx6sYl_oJXu9A5RkTK"
                             "qjqvjyekWF-7ytDyRXYgCF5cj0Kt\",\"y\":"
                             "\"AdymlHvOiLxXkEhayXQnNCvDX4h9htZaCJN34kfmC6pV5OhQHiraVySsUdaQkA"
                             "gDPrwQrJmbnX9cwlGfP-HqHZR1\"}");
}

} // namespace

class TestAppsKeys final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void generateKeyShowsThePrivateKeyOnce_data();
    void generateKeyShowsThePrivateKeyOnce();
    void privateKeyIsKeptOnlyWhenAsked();
    void refusedKeepIsShownAndTheDialogStays();
    void addPublicKey_data();
    void addPublicKey();
    void addPublicKeyRefusesBadKeys_data();
    void addPublicKeyRefusesBadKeys();
    void addPublicKeyShowsRefusalsOfTheWorkspace();
    void deactivateActivateAndDeleteKeys();

private:
    // Opens the page of the sample app (one RSA key, its private key kept, the scope granted).
    void openSampleApp();
    PrivateKeyDialog *generate(const QString &typeId);
    void showsPemToo(PrivateKeyDialog *dialog, const auth::Key &jwk, const auth::AppKey &registered);
    AddPublicKeyDialog *openAddPublicKey();
    template <typename T>
    T *find(const QString &name) const
    {
        return m_page->findChild<T *>(name);
    }
    const auth::AppIntegration &app() const
    {
        return *m_fixture->session->workspace().appByClientId(m_clientId);
    }
    Workspace reopened() const;

    std::unique_ptr<uitest::SessionFixture> m_fixture;
    std::unique_ptr<AppsPage> m_page;
    QString m_clientId;
    QList<AppDetailsAsker::Question> m_asked;
    bool m_answer = true;
};

void TestAppsKeys::init()
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

void TestAppsKeys::cleanup()
{
    m_page.reset();
    m_fixture.reset();
}

void TestAppsKeys::openSampleApp()
{
    QCOMPARE(m_fixture->session->workspace().apps().size(), 1);
    m_clientId = m_fixture->session->workspace().apps().constFirst().clientId;
    m_page->selectApp(m_clientId);
    QCOMPARE(m_page->currentClientId(), m_clientId);
}

Workspace TestAppsKeys::reopened() const
{
    auto workspace = Workspace::open(m_fixture->dir.path());
    if (!workspace)
        qFatal("%s", qPrintable(workspace.error().message));
    return std::move(workspace).value();
}

PrivateKeyDialog *TestAppsKeys::generate(const QString &typeId)
{
    auto *action = find<QAction>(QStringLiteral("generateKey_") + typeId);
    auto *addKey = find<QToolButton>(QStringLiteral("addKeyButton"));
    auto *progress = find<QProgressBar>(QStringLiteral("keyGenerationProgress"));
    if (!action || !addKey || !progress || !addKey->isEnabled())
        return nullptr;
    action->trigger();
    // Generation runs off the UI thread: the page says so and takes no second request meanwhile.
    // (An EC key may be ready before the page looks for it: then the dialog is open at once.)
    const bool slow = typeId.startsWith(QLatin1String("rsa"));
    if (slow && (!progress->isVisible() || addKey->isEnabled()))
        return nullptr;
    PrivateKeyDialog *dialog = nullptr;
    (void)QTest::qWaitFor(
        [&] { return (dialog = find<PrivateKeyDialog>(QStringLiteral("privateKeyDialog"))) != nullptr; },
        30000);
    if (dialog && (progress->isVisible() || !addKey->isEnabled()))
        return nullptr;
    return dialog;
}

void TestAppsKeys::generateKeyShowsThePrivateKeyOnce_data()
{
    QTest::addColumn<QString>("typeId");
    QTest::addColumn<QString>("typeName");
    QTest::addRow("RSA 2048") << QStringLiteral("rsa") << QStringLiteral("RSA 2048");
    QTest::addRow("EC P-256") << QStringLiteral("ec") << QStringLiteral("EC P-256");
    QTest::addRow("EC P-384") << QStringLiteral("ec384") << QStringLiteral("EC P-384");
}

// The PEM toggle shows the same private key; the JWK toggle shows the JWK again.
void TestAppsKeys::showsPemToo(PrivateKeyDialog *dialog, const auth::Key &jwk, const auth::AppKey &registered)
{
    auto *text = dialog->findChild<QPlainTextEdit *>(QStringLiteral("privateKeyText"));
    QTest::mouseClick(dialog->findChild<QRadioButton *>(QStringLiteral("formatPem")), Qt::LeftButton);
    QCOMPARE(dialog->format(), PrivateKeyDialog::Format::Pem);
    QVERIFY(text->toPlainText().startsWith(QLatin1String("-----BEGIN PRIVATE KEY-----")));
    const auto pem = auth::Key::fromText(text->toPlainText().toUtf8());
    QVERIFY2(pem, pem ? "" : qPrintable(pem.error().message));
    QVERIFY(pem->hasPrivate());
    QVERIFY(pem->samePublicKey(jwk));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("copyPrivateKey")), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), text->toPlainText());
    QTest::mouseClick(dialog->findChild<QRadioButton *>(QStringLiteral("formatJwk")), Qt::LeftButton);
    QCOMPARE(auth::Key::fromText(text->toPlainText().toUtf8())->publicJwk(), registered.publicJwk);
}

void TestAppsKeys::generateKeyShowsThePrivateKeyOnce()
{
    QFETCH(QString, typeId);
    QFETCH(QString, typeName);
    openSampleApp();
    PrivateKeyDialog *dialog = generate(typeId);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(find<QLabel>(QStringLiteral("privateKeyWarning"))
                ->text()
                .contains(QLatin1String("cannot be shown again")));

    // A new key is registered and selected in the table.
    QCOMPARE(app().keys.size(), 2);
    const auth::AppKey registered = app().keys.constLast();
    QCOMPARE(m_page->details()->generalTab()->selectedKid(), registered.kid);
    auto *table = find<QTableView>(QStringLiteral("keyTable"));
    QCOMPARE(table->model()->rowCount(), 2);
    QCOMPARE(table->model()->index(1, AppKeyModel::TypeColumn).data().toString(), typeName);

    // JWK first: a private key whose public part is the registered key, with its kid.
    auto *text = dialog->findChild<QPlainTextEdit *>(QStringLiteral("privateKeyText"));
    QCOMPARE(dialog->format(), PrivateKeyDialog::Format::Jwk);
    const auto jwk = auth::Key::fromText(text->toPlainText().toUtf8());
    QVERIFY2(jwk, jwk ? "" : qPrintable(jwk.error().message));
    QVERIFY(jwk->hasPrivate());
    QCOMPARE(jwk->kid(), registered.kid);
    QCOMPARE(jwk->publicJwk(), registered.publicJwk);
    QCOMPARE(jwk->typeDisplayName(), typeName);

    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("copyPrivateKey")), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), text->toPlainText());

    showsPemToo(dialog, *jwk, registered);
    if (QTest::currentTestFailed())
        return;

    // Keep, then Done: the secret store holds it for the request tester.
    QSignalSpy kept(dialog, &PrivateKeyDialog::privateKeyKept);
    dialog->findChild<QCheckBox *>(QStringLiteral("keepPrivateKey"))->click();
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("privateKeyDone")), Qt::LeftButton);
    QCOMPARE(kept.size(), 1);
    QTRY_VERIFY(!find<PrivateKeyDialog>(QStringLiteral("privateKeyDialog")));
    const QString secretKey =
        appPrivateKeySecretKey(m_fixture->session->workspace().id(), m_clientId, registered.kid);
    const auto secret = m_fixture->secrets.read(secretKey);
    QVERIFY(secret && secret->has_value());
    const auto stored = auth::Key::fromText(secret->value().toUtf8());
    QVERIFY(stored && stored->hasPrivate() && stored->samePublicKey(*jwk));

    // workspace.json has the public key only.
    const Workspace again = reopened();
    const auth::AppIntegration *saved = again.appByClientId(m_clientId);
    QVERIFY(saved && saved->key(registered.kid));
    QCOMPARE(saved->key(registered.kid)->publicJwk, registered.publicJwk);
    QVERIFY(!again.toJson().contains("\"d\""));
}

void TestAppsKeys::privateKeyIsKeptOnlyWhenAsked()
{
    openSampleApp();
    PrivateKeyDialog *dialog = generate(QStringLiteral("ec"));
    QVERIFY(dialog);
    const QString kid = app().keys.constLast().kid;
    QVERIFY(!dialog->findChild<QCheckBox *>(QStringLiteral("keepPrivateKey"))->isChecked());
    QTest::keyClick(dialog, Qt::Key_Escape); // closing the window is Done
    QTRY_VERIFY(!find<PrivateKeyDialog>(QStringLiteral("privateKeyDialog")));
    const auto secret = m_fixture->secrets.read(
        appPrivateKeySecretKey(m_fixture->session->workspace().id(), m_clientId, kid));
    QVERIFY(secret && !secret->has_value());
    QVERIFY(reopened().appByClientId(m_clientId)->key(kid)); // the public key is registered anyway
}

void TestAppsKeys::refusedKeepIsShownAndTheDialogStays()
{
    RefusingSecretStore refusing;
    ConsoleSession session(m_fixture->session->workspace(), refusing);
    m_clientId = session.workspace().apps().constFirst().clientId;
    auto key = auth::Key::generate(auth::KeyType::EcP256);
    QVERIFY(key);
    QString kid;
    QVERIFY(session.edit(ConsoleSession::Change::Apps, [&](Workspace &workspace) -> Result<bool> {
        auto added = workspace.addAppKey(m_clientId, *key);
        if (!added)
            return added.error();
        kid = added->kid;
        return true;
    }));
    PrivateKeyDialog dialog(session, m_clientId, key->withKid(kid));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.findChild<QCheckBox *>(QStringLiteral("keepPrivateKey"))->click();
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("privateKeyDone")), Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("privateKeyError"));
    QVERIFY(!error->isHidden());
    QVERIFY(error->text().contains(QLatin1String("the keychain is locked")));
    QVERIFY(!dialog.shownText().isEmpty()); // still there to be copied

    // Not keeping it lets the dialog close.
    dialog.findChild<QCheckBox *>(QStringLiteral("keepPrivateKey"))->click();
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("privateKeyDone")), Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

AddPublicKeyDialog *TestAppsKeys::openAddPublicKey()
{
    auto *action = find<QAction>(QStringLiteral("addPublicKeyAction"));
    if (!action)
        return nullptr;
    action->trigger();
    auto *dialog = find<AddPublicKeyDialog>(QStringLiteral("addPublicKeyDialog"));
    return dialog && dialog->isVisible() ? dialog : nullptr;
}

void TestAppsKeys::addPublicKey_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("kid");      // typed in the kid field
    QTest::addColumn<QString>("expected"); // the kid the key gets; empty: its thumbprint
    QTest::addColumn<bool>("wasPrivate");

    auto ec = auth::Key::generate(auth::KeyType::EcP384);
    QVERIFY(ec);
    const QByteArray ecJwk = QJsonDocument(ec->withKid(QStringLiteral("ops-2024")).publicJwk()).toJson();
    QTest::addRow("SPKI PEM") << testKey("rsa2048-spki.pem") << QString() << QString() << false;
    QTest::addRow("PKCS#1 public PEM")
        << testKey("rsa2048-pkcs1-public.pem") << QString() << QString() << false;
    QTest::addRow("JWK with its kid") << ecJwk << QString() << QStringLiteral("ops-2024") << false;
    QTest::addRow("kid typed") << testKey("rsa2048-spki.pem") << QStringLiteral("my-key")
                               << QStringLiteral("my-key") << false;
    QTest::addRow("private PEM") << testKey("ec256-sec1.pem") << QString() << QString() << true;
}

void TestAppsKeys::addPublicKey()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, kid);
    QFETCH(QString, expected);
    QFETCH(bool, wasPrivate);
    openSampleApp();
    AddPublicKeyDialog *dialog = openAddPublicKey();
    QVERIFY(dialog);
    auto *add = dialog->findChild<QPushButton *>(QStringLiteral("addPublicKeyButton"));
    QVERIFY(!add->isEnabled()); // nothing pasted yet

    dialog->findChild<QPlainTextEdit *>(QStringLiteral("publicKeyText"))
        ->setPlainText(QString::fromUtf8(text));
    QVERIFY(add->isEnabled());
    const auto key = auth::Key::fromText(text);
    QVERIFY(key);
    QVERIFY(dialog->statusText().contains(key->typeDisplayName()));
    QCOMPARE(dialog->statusText().contains(QLatin1String("only its public part")), wasPrivate);
    if (!kid.isEmpty())
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("publicKeyKid")), kid);

    QSignalSpy added(dialog, &AddPublicKeyDialog::keyAdded);
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(added.size(), 1);
    QTRY_VERIFY(!find<AddPublicKeyDialog>(QStringLiteral("addPublicKeyDialog")));

    const QString wantedKid = expected.isEmpty() ? key->thumbprint() : expected;
    QCOMPARE(added.first().at(1).toString(), wantedKid);
    const auth::AppKey *registered = app().key(wantedKid);
    QVERIFY(registered);
    QVERIFY(registered->active);
    QVERIFY(!registered->publicJwk.contains(QLatin1String("d")));
    QVERIFY(auth::Key::fromJwk(registered->publicJwk)->samePublicKey(*key));
    QCOMPARE(m_page->details()->generalTab()->selectedKid(), wantedKid);
    QVERIFY(reopened().appByClientId(m_clientId)->key(wantedKid));
}

void TestAppsKeys::addPublicKeyRefusesBadKeys_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("says");
    QTest::addRow("not a key") << QByteArrayLiteral("hello") << QStringLiteral("PEM");
    QTest::addRow("broken JSON") << QByteArrayLiteral("{\"kty\": \"RSA\",") << QStringLiteral("JSON");
    QTest::addRow("symmetric JWK") << QByteArrayLiteral("{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}")
                                   << QStringLiteral("oct");
    QTest::addRow("RSA 1024") << testKey("rsa1024-pkcs8.pem") << QStringLiteral("2048");
    QTest::addRow("encrypted PEM") << testKey("encrypted-pkcs8.pem") << QStringLiteral("ncrypted");
    QTest::addRow("Ed25519") << testKey("ed25519.pem") << QString();
    QTest::addRow("P-521") << p521Jwk() << QStringLiteral("P-521");
}

void TestAppsKeys::addPublicKeyRefusesBadKeys()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, says);
    openSampleApp();
    AddPublicKeyDialog *dialog = openAddPublicKey();
    QVERIFY(dialog);
    dialog->findChild<QPlainTextEdit *>(QStringLiteral("publicKeyText"))
        ->setPlainText(QString::fromUtf8(text));
    auto *status = dialog->findChild<QLabel *>(QStringLiteral("publicKeyStatus"));
    QVERIFY(!status->text().isEmpty());
    QVERIFY2(status->text().contains(says, Qt::CaseInsensitive), qPrintable(status->text()));
    auto *add = dialog->findChild<QPushButton *>(QStringLiteral("addPublicKeyButton"));
    QVERIFY(!add->isEnabled());
    QTest::mouseClick(add, Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QCOMPARE(app().keys.size(), 1);

    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("cancelPublicKeyButton")),
                      Qt::LeftButton);
    QTRY_VERIFY(!find<AddPublicKeyDialog>(QStringLiteral("addPublicKeyDialog")));
    QCOMPARE(reopened().appByClientId(m_clientId)->keys.size(), 1);
}

void TestAppsKeys::addPublicKeyShowsRefusalsOfTheWorkspace()
{
    openSampleApp();
    AddPublicKeyDialog *dialog = openAddPublicKey();
    QVERIFY(dialog);
    // The key the app has already.
    const QByteArray registered = QJsonDocument(app().keys.constFirst().publicJwk).toJson();
    dialog->findChild<QPlainTextEdit *>(QStringLiteral("publicKeyText"))
        ->setPlainText(QString::fromUtf8(registered));
    auto *add = dialog->findChild<QPushButton *>(QStringLiteral("addPublicKeyButton"));
    QVERIFY(add->isEnabled());
    QTest::mouseClick(add, Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QVERIFY2(dialog->statusText().contains(QLatin1String("already"), Qt::CaseInsensitive),
             qPrintable(dialog->statusText()));
    QCOMPARE(app().keys.size(), 1);

    // A kid that is not well formed.
    dialog->findChild<QPlainTextEdit *>(QStringLiteral("publicKeyText"))
        ->setPlainText(QString::fromUtf8(testKey("rsa2048-spki.pem")));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("publicKeyKid")),
                     QStringLiteral("has space"));
    QTest::mouseClick(add, Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QVERIFY2(dialog->statusText().contains(QLatin1String("kid")), qPrintable(dialog->statusText()));
    QCOMPARE(app().keys.size(), 1);
}

void TestAppsKeys::deactivateActivateAndDeleteKeys()
{
    openSampleApp();
    const QString kid = app().keys.constFirst().kid;
    const QString secretKey = appPrivateKeySecretKey(m_fixture->session->workspace().id(), m_clientId, kid);
    QVERIFY(m_fixture->secrets.read(secretKey)->has_value()); // the sample keeps its private key

    auto *table = find<QTableView>(QStringLiteral("keyTable"));
    auto *activate = find<QPushButton>(QStringLiteral("activateKeyButton"));
    auto *deactivate = find<QPushButton>(QStringLiteral("deactivateKeyButton"));
    auto *remove = find<QPushButton>(QStringLiteral("deleteKeyButton"));
    QVERIFY(!deactivate->isEnabled() && !remove->isEnabled()); // nothing selected
    const QRect row = table->visualRect(table->model()->index(0, AppKeyModel::KidColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, row.center());
    QCOMPARE(m_page->details()->generalTab()->selectedKid(), kid);
    QVERIFY(deactivate->isEnabled() && remove->isEnabled() && !activate->isEnabled());

    // Refused: nothing changes.
    m_answer = false;
    QTest::mouseClick(deactivate, Qt::LeftButton);
    QCOMPARE(m_asked.size(), 1);
    QCOMPARE(m_asked.constLast().id, QStringLiteral("deactivateKey"));
    QVERIFY(m_asked.constLast().details.contains(QLatin1String("refused")));
    QVERIFY(app().keys.constFirst().active);

    m_answer = true;
    QTest::mouseClick(deactivate, Qt::LeftButton);
    QVERIFY(!app().keys.constFirst().active);
    QVERIFY(app().tokensRevokedBefore.isValid()); // the app's earlier tokens are refused
    QCOMPARE(table->model()->index(0, AppKeyModel::StatusColumn).data().toString(),
             QStringLiteral("Inactive"));
    QCOMPARE(m_page->details()->generalTab()->selectedKid(), kid);
    QVERIFY(activate->isEnabled() && !deactivate->isEnabled());
    QVERIFY(!find<QLabel>(QStringLiteral("keysHint"))->isHidden()); // no active key left
    QVERIFY(!reopened().appByClientId(m_clientId)->key(kid)->active);

    QTest::mouseClick(activate, Qt::LeftButton); // asks nothing: activating refuses nothing
    QCOMPARE(m_asked.size(), 2);
    QVERIFY(app().keys.constFirst().active);
    QVERIFY(find<QLabel>(QStringLiteral("keysHint"))->isHidden());

    m_answer = false;
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(m_asked.constLast().id, QStringLiteral("deleteKey"));
    QVERIFY(m_asked.constLast().details.contains(QLatin1String("refused")));
    QCOMPARE(app().keys.size(), 1);

    m_answer = true;
    QTest::mouseClick(remove, Qt::LeftButton);
    QVERIFY(app().keys.isEmpty());
    QCOMPARE(table->model()->rowCount(), 0);
    QVERIFY(!remove->isEnabled());
    QVERIFY(!m_fixture->secrets.read(secretKey)->has_value()); // the kept private key went too
    QVERIFY(reopened().appByClientId(m_clientId)->keys.isEmpty());
    QVERIFY(m_page->details()->errorText().isEmpty());
}

QTEST_MAIN(TestAppsKeys)
#include "tst_appskeys.moc"
