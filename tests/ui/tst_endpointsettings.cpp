// The API endpoint settings dialog on a scratch sample workspace: switching the security level
// (sections and URLs at once), copying URLs, the client token read from the secret store, masked and
// revealed, regenerated only after a yes, the app list filtered and chosen with chips, and Close,
// Escape or "Open in request tester" saving to workspace.json. Also its fields on their own.

#include "UiTestSupport.h"
#include "dialogs/EndpointSettingsDialog.h"
#include "endpoint/ClientToken.h"
#include "widgets/ChipMultiSelect.h"
#include "widgets/CopyableField.h"
#include "widgets/SecretField.h"

#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QRadioButton>
#include <QToolButton>

using namespace wf;
using namespace wf::ui;
using namespace wf::uitest;

namespace {

const QString kMasked(16, QChar(0x2022));

template <typename T>
T *child(const QWidget &parent, const QString &name)
{
    T *found = parent.findChild<T *>(name);
    if (!found)
        qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return found;
}

// Clicks a radio button where a user does: on its indicator (its middle may be past its text).
void clickRadio(const QWidget &dialog, const QString &name)
{
    auto *radio = child<QRadioButton>(dialog, name);
    if (radio)
        QTest::mouseClick(radio, Qt::LeftButton, {}, QPoint(8, radio->height() / 2));
}

QString storedToken(SessionFixture &f, const QString &flowId)
{
    auto read = f.secrets.read(clientTokenSecretKey(f.session->workspace().id(), flowId));
    return read && *read ? **read : QString();
}

Flow savedFlow(const SessionFixture &f, const QString &flowId)
{
    auto reopened = Workspace::open(f.dir.path());
    if (!reopened) {
        qWarning("%s", qPrintable(reopened.error().message));
        return {};
    }
    const Flow *flow = reopened->flowById(flowId);
    return flow ? *flow : Flow();
}

QString createApp(SessionFixture &f, const QString &name)
{
    QString clientId;
    auto created = f.session->edit(ConsoleSession::Change::Apps, [&](Workspace &workspace) -> Result<bool> {
        auto app = workspace.createApp(name);
        if (!app)
            return app.error();
        clientId = app->clientId;
        return true;
    });
    return created ? clientId : QString();
}

} // namespace

class TestEndpointSettings final : public QObject {
    Q_OBJECT

private slots:
    void init() { QGuiApplication::clipboard()->clear(); }

    void copyableFieldCopies();
    void secretFieldStates();
    void switchLevelsAndCopyInvokeUrl();
    void clientTokenRevealedFromTheStore();
    void regenerateOnlyAfterYes();
    void createTokenNow();
    void filterAppsAndRemoveChipThenCloseSaves();
    void unknownAppKeptWhenUnchanged();
    void escapeApplies();
    void failedSaveStaysOpenUntilDiscarded();
    void deletedFlowCloses();
    void openInTesterApplies();
    void followsTokenRegeneratedElsewhere();

private:
    std::unique_ptr<EndpointSettingsDialog> openDialog(SessionFixture &f, const QString &flowId)
    {
        auto dialog = std::make_unique<EndpointSettingsDialog>(*f.session, flowId);
        dialog->show();
        if (!QTest::qWaitForWindowExposed(dialog.get()))
            qWarning("the dialog was not exposed");
        return dialog;
    }
};

void TestEndpointSettings::copyableFieldCopies()
{
    CopyableField field(QStringLiteral("some"));
    QToolButton *copy = child<QToolButton>(field, QStringLiteral("someCopy"));
    QVERIFY(copy && child<QLineEdit>(field, QStringLiteral("someField")));
    QVERIFY(!copy->isEnabled());
    field.setText(QStringLiteral("shown"), QStringLiteral("copied"));
    QCOMPARE(field.lineEdit()->text(), QStringLiteral("shown"));
    QVERIFY(field.lineEdit()->isReadOnly());
    QSignalSpy copied(&field, &CopyableField::copied);
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("copied"));
    QCOMPARE(copied.count(), 1);
    QCOMPARE(copy->text(), QStringLiteral("Copied"));
    QTRY_COMPARE(copy->text(), QStringLiteral("Copy"));
    field.setText(QStringLiteral("loading"), QString());
    QVERIFY(!copy->isEnabled());
}

void TestEndpointSettings::secretFieldStates()
{
    SecretField field(QStringLiteral("secret"));
    QLineEdit *edit = child<QLineEdit>(field, QStringLiteral("secretField"));
    QToolButton *reveal = child<QToolButton>(field, QStringLiteral("secretReveal"));
    QToolButton *copy = child<QToolButton>(field, QStringLiteral("secretCopy"));
    QVERIFY(edit && reveal && copy);
    field.setLoading();
    QVERIFY(edit->text().isEmpty());
    QVERIFY(!edit->placeholderText().isEmpty());
    QVERIFY(!reveal->isEnabled() && !copy->isEnabled());

    field.setSecret(QStringLiteral("s3cret"));
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QVERIFY(reveal->isEnabled() && copy->isEnabled());
    QSignalSpy revealed(&field, &SecretField::revealedChanged);
    QTest::mouseClick(reveal, Qt::LeftButton);
    QCOMPARE(edit->echoMode(), QLineEdit::Normal);
    QCOMPARE(edit->text(), QStringLiteral("s3cret"));
    QCOMPARE(revealed.count(), 1);
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("s3cret"));
    QTest::mouseClick(reveal, Qt::LeftButton);
    QCOMPARE(edit->echoMode(), QLineEdit::Password);

    field.setUnavailable();
    QVERIFY(edit->text().isEmpty());
    QVERIFY(edit->placeholderText().contains(QLatin1String("keychain")));
    QVERIFY(!copy->isEnabled());
    QCOMPARE(field.state(), SecretField::State::Unavailable);
}

void TestEndpointSettings::switchLevelsAndCopyInvokeUrl()
{
    SessionFixture f;
    QVERIFY(f.create());
    const Flow *flow = sampleFlow(f.session->workspace(), SecurityLevel::None);
    QVERIFY(flow);
    const QString flowId = flow->id;
    const QString invokeUrl = f.session->workspace().invokeUrl(*flow);
    auto dialog = openDialog(f, flowId);
    auto *oauthSection = child<QGroupBox>(*dialog, QStringLiteral("oauthSection"));
    auto *tokenSection = child<QGroupBox>(*dialog, QStringLiteral("clientTokenSection"));
    auto *invokeField = child<QLineEdit>(*dialog, QStringLiteral("invokeUrlField"));
    auto *resumeField = child<QLineEdit>(*dialog, QStringLiteral("resumeUrlField"));
    QVERIFY(oauthSection && tokenSection && invokeField && resumeField);
    QVERIFY(child<QRadioButton>(*dialog, QStringLiteral("securityNone"))->isChecked());
    QVERIFY(!oauthSection->isVisible() && !tokenSection->isVisible());
    QCOMPARE(invokeField->text(), invokeUrl);
    QCOMPARE(resumeField->text(), f.session->workspace().resumeUrl(*flow));

    clickRadio(*dialog, QStringLiteral("securityOAuth"));
    QVERIFY(oauthSection->isVisible() && !tokenSection->isVisible());
    QVERIFY(child<QLabel>(*dialog, QStringLiteral("urlHint"))
                ->text()
                .contains(QLatin1String("/oauth2/v1/token")));
    QTest::mouseClick(child<QToolButton>(*dialog, QStringLiteral("invokeUrlCopy")), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), invokeUrl);

    // Client token: the section shows at once; the token is made when the level is applied.
    clickRadio(*dialog, QStringLiteral("securityClientToken"));
    QVERIFY(!oauthSection->isVisible() && tokenSection->isVisible());
    auto *tokenField = child<QLineEdit>(*dialog, QStringLiteral("clientTokenField"));
    QVERIFY(tokenField->text().isEmpty());
    QVERIFY(!tokenField->placeholderText().isEmpty());
    QCOMPARE(invokeField->text(), invokeUrl);
    QVERIFY(dialog->hasUnappliedChanges());
    QCOMPARE(savedFlow(f, flowId).endpoint.security, SecurityLevel::None); // nothing saved before Close

    QTest::mouseClick(child<QPushButton>(*dialog, QStringLiteral("closeButton")), Qt::LeftButton);
    QVERIFY(!dialog->isVisible());
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    const Flow saved = savedFlow(f, flowId);
    QCOMPARE(saved.endpoint.security, SecurityLevel::ClientToken);
    const QString token = storedToken(f, flowId);
    QCOMPARE(token.size(), 64);
    QCOMPARE(saved.endpoint.clientTokenHash, clientTokenHash(token));
}

void TestEndpointSettings::clientTokenRevealedFromTheStore()
{
    SessionFixture f;
    QVERIFY(f.create());
    const Flow *flow = sampleFlow(f.session->workspace(), SecurityLevel::ClientToken);
    QVERIFY(flow);
    const QString flowId = flow->id;
    const QString invokeUrl = f.session->workspace().invokeUrl(*flow);
    const QString token = storedToken(f, flowId);
    QVERIFY(!token.isEmpty());
    auto dialog = openDialog(f, flowId);
    auto *secret = child<SecretField>(*dialog, QStringLiteral("clientToken"));
    auto *tokenField = child<QLineEdit>(*dialog, QStringLiteral("clientTokenField"));
    auto *invokeField = child<QLineEdit>(*dialog, QStringLiteral("invokeUrlField"));
    QVERIFY(secret && tokenField && invokeField);
    QVERIFY(child<QRadioButton>(*dialog, QStringLiteral("securityClientToken"))->isChecked());
    QTRY_COMPARE(secret->state(), SecretField::State::Available);
    QCOMPARE(tokenField->echoMode(), QLineEdit::Password);
    QCOMPARE(invokeField->text(), invokeUrl + QLatin1String("?clientToken=") + kMasked);
    QVERIFY(!invokeField->text().contains(token));

    // Copy gives the whole URL even while the token is masked on screen.
    QTest::mouseClick(child<QToolButton>(*dialog, QStringLiteral("invokeUrlCopy")), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), invokeUrl + QLatin1String("?clientToken=") + token);

    QTest::mouseClick(child<QToolButton>(*dialog, QStringLiteral("clientTokenReveal")), Qt::LeftButton);
    QCOMPARE(tokenField->echoMode(), QLineEdit::Normal);
    QCOMPARE(tokenField->text(), token);
    QCOMPARE(invokeField->text(), invokeUrl + QLatin1String("?clientToken=") + token);
    QCOMPARE(child<QLineEdit>(*dialog, QStringLiteral("resumeUrlField"))->text(),
             f.session->workspace().resumeUrl(*flow) + QLatin1String("?clientToken=") + token);
    QTest::mouseClick(child<QToolButton>(*dialog, QStringLiteral("clientTokenCopy")), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), token);

    // Closing without a change saves nothing.
    const QByteArray before = f.session->workspace().toJson();
    QTest::mouseClick(child<QPushButton>(*dialog, QStringLiteral("closeButton")), Qt::LeftButton);
    QVERIFY(!dialog->isVisible());
    QCOMPARE(f.session->workspace().toJson(), before);
}

void TestEndpointSettings::regenerateOnlyAfterYes()
{
    SessionFixture f;
    QVERIFY(f.create());
    const QString flowId = sampleFlow(f.session->workspace(), SecurityLevel::ClientToken)->id;
    const QString oldToken = storedToken(f, flowId);
    const QString oldHash = savedFlow(f, flowId).endpoint.clientTokenHash;
    QCOMPARE(oldHash, clientTokenHash(oldToken));
    auto dialog = openDialog(f, flowId);
    auto *secret = child<SecretField>(*dialog, QStringLiteral("clientToken"));
    QTRY_COMPARE(secret->secret(), oldToken);
    auto *regenerate = child<QPushButton>(*dialog, QStringLiteral("regenerateToken"));
    QVERIFY(regenerate);

    EndpointSettingsDialog::setNextConfirmation(false);
    QTest::mouseClick(regenerate, Qt::LeftButton);
    QCOMPARE(storedToken(f, flowId), oldToken);
    QCOMPARE(savedFlow(f, flowId).endpoint.clientTokenHash, oldHash);
    QCOMPARE(secret->secret(), oldToken);

    EndpointSettingsDialog::setNextConfirmation(true);
    QTest::mouseClick(regenerate, Qt::LeftButton);
    const QString newToken = storedToken(f, flowId);
    QCOMPARE(newToken.size(), 64);
    QVERIFY(newToken != oldToken);
    const QString newHash = savedFlow(f, flowId).endpoint.clientTokenHash;
    QVERIFY(newHash != oldHash);
    QCOMPARE(newHash, clientTokenHash(newToken));
    QCOMPARE(secret->secret(), newToken);
    QVERIFY(dialog->errorText().isEmpty());
    QTest::mouseClick(child<QToolButton>(*dialog, QStringLiteral("invokeUrlCopy")), Qt::LeftButton);
    QVERIFY(QGuiApplication::clipboard()->text().endsWith(QLatin1String("?clientToken=") + newToken));
}

void TestEndpointSettings::createTokenNow()
{
    SessionFixture f;
    QVERIFY(f.create());
    const QString flowId = sampleFlow(f.session->workspace(), SecurityLevel::None)->id;
    auto dialog = openDialog(f, flowId);
    clickRadio(*dialog, QStringLiteral("securityClientToken"));
    auto *regenerate = child<QPushButton>(*dialog, QStringLiteral("regenerateToken"));
    QCOMPARE(regenerate->text(), QStringLiteral("Create token now"));
    QTest::mouseClick(regenerate, Qt::LeftButton); // applies, no question asked
    QCOMPARE(savedFlow(f, flowId).endpoint.security, SecurityLevel::ClientToken);
    auto *secret = child<SecretField>(*dialog, QStringLiteral("clientToken"));
    QTRY_COMPARE(secret->state(), SecretField::State::Available);
    QCOMPARE(secret->secret(), storedToken(f, flowId));
    QCOMPARE(regenerate->text(), QStringLiteral("Regenerate"));
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->hasUnappliedChanges());
}

void TestEndpointSettings::filterAppsAndRemoveChipThenCloseSaves()
{
    SessionFixture f;
    QVERIFY(f.create());
    const QString billing = createApp(f, QStringLiteral("Billing service"));
    const QString reports = createApp(f, QStringLiteral("Reports"));
    QVERIFY(!billing.isEmpty() && !reports.isEmpty());
    const QString flowId = sampleFlow(f.session->workspace(), SecurityLevel::OAuth2)->id;
    auto dialog = openDialog(f, flowId);
    QVERIFY(child<QRadioButton>(*dialog, QStringLiteral("appsAny"))->isChecked());
    auto *apps = child<ChipMultiSelect>(*dialog, QStringLiteral("allowedApps"));
    QVERIFY(apps);
    QVERIFY(!apps->isEnabled());
    QCOMPARE(apps->items().size(), 3);

    clickRadio(*dialog, QStringLiteral("appsFromList"));
    QVERIFY(apps->isEnabled());
    QLineEdit *filter = apps->filterEdit();
    QTest::keyClicks(filter, QStringLiteral("BILL"));
    QTRY_VERIFY(apps->popup()->isVisible());
    QCOMPARE(apps->popup()->model()->rowCount(), 1);
    QTest::keyClick(filter, Qt::Key_Return);
    QCOMPARE(apps->selectedIds(), QStringList{billing});
    QVERIFY(dialog->isVisible()); // Enter in the filter adds; it does not close the dialog

    // By a piece of the client id.
    QTest::keyClicks(filter, reports.mid(5, 8));
    QTRY_VERIFY(apps->popup()->isVisible());
    QCOMPARE(apps->popup()->model()->rowCount(), 1);
    QTest::keyClick(apps->popup(), Qt::Key_Return);
    QCOMPARE(apps->selectedIds(), (QStringList{billing, reports}));

    auto *remove = child<QToolButton>(*apps, QLatin1String("chip_") + billing + QLatin1String("_remove"));
    QVERIFY(remove);
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(apps->selectedIds(), QStringList{reports});

    QTest::mouseClick(child<QPushButton>(*dialog, QStringLiteral("closeButton")), Qt::LeftButton);
    QVERIFY(!dialog->isVisible());
    const Flow saved = savedFlow(f, flowId);
    QCOMPARE(saved.endpoint.security, SecurityLevel::OAuth2);
    QVERIFY(!saved.endpoint.anyApp);
    QCOMPARE(saved.endpoint.allowedApps, QStringList{reports});
}

void TestEndpointSettings::unknownAppKeptWhenUnchanged()
{
    SessionFixture f;
    QVERIFY(f.create());
    const QString flowId = sampleFlow(f.session->workspace(), SecurityLevel::OAuth2)->id;
    const QString sampleApp = f.session->workspace().apps().first().clientId;
    const QString gone = QStringLiteral("0oaDeletedDDDDDDDDDD");
    Flow flow = *f.session->workspace().flowById(flowId);
    flow.endpoint.anyApp = false;
    flow.endpoint.allowedApps = {sampleApp, gone};
    QVERIFY(f.session
                ->edit(ConsoleSession::Change::Flows,
                       [&](Workspace &workspace) { return workspace.updateFlow(flow, f.secrets); })
                .ok());

    auto dialog = openDialog(f, flowId);
    auto *apps = child<ChipMultiSelect>(*dialog, QStringLiteral("allowedApps"));
    QVERIFY(child<QRadioButton>(*dialog, QStringLiteral("appsFromList"))->isChecked());
    QCOMPARE(apps->selectedIds(), (QStringList{sampleApp, gone}));
    QCOMPARE(apps->unknownIds(), QStringList{gone});
    auto *hint = child<QLabel>(*dialog, QStringLiteral("appsHint"));
    QVERIFY2(hint->text().contains(gone), qPrintable(hint->text()));
    QVERIFY(!dialog->hasUnappliedChanges());
    QTest::mouseClick(child<QPushButton>(*dialog, QStringLiteral("closeButton")), Qt::LeftButton);
    QCOMPARE(savedFlow(f, flowId).endpoint.allowedApps, (QStringList{sampleApp, gone}));
}

void TestEndpointSettings::escapeApplies()
{
    SessionFixture f;
    QVERIFY(f.create());
    const QString flowId = sampleFlow(f.session->workspace(), SecurityLevel::ClientToken)->id;
    auto dialog = openDialog(f, flowId);
    clickRadio(*dialog, QStringLiteral("securityNone"));
    QVERIFY(dialog->hasUnappliedChanges());
    QTest::keyClick(dialog.get(), Qt::Key_Escape);
    QVERIFY(!dialog->isVisible());
    const Flow saved = savedFlow(f, flowId);
    QCOMPARE(saved.endpoint.security, SecurityLevel::None);
    QVERIFY(saved.endpoint.clientTokenHash.isEmpty());
    QVERIFY(storedToken(f, flowId).isEmpty()); // the token went with the level
}

void TestEndpointSettings::failedSaveStaysOpenUntilDiscarded()
{
    SessionFixture f;
    QVERIFY(f.create());
    const QString flowId = sampleFlow(f.session->workspace(), SecurityLevel::None)->id;
    auto dialog = openDialog(f, flowId);
    clickRadio(*dialog, QStringLiteral("securityOAuth"));
    // workspace.json replaced by a folder: no save can succeed (whatever the user's rights).
    const QString path = QDir(f.dir.path()).filePath(Workspace::kFileName);
    const QByteArray original = [&] {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    QVERIFY(QFile::remove(path));
    QVERIFY(QDir(f.dir.path()).mkdir(Workspace::kFileName));

    QTest::mouseClick(child<QPushButton>(*dialog, QStringLiteral("closeButton")), Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->errorText().isEmpty());
    QVERIFY(child<QRadioButton>(*dialog, QStringLiteral("securityOAuth"))->isChecked()); // nothing lost
    auto *discard = child<QPushButton>(*dialog, QStringLiteral("discardChanges"));
    QVERIFY(discard->isVisible());
    QTest::keyClick(dialog.get(), Qt::Key_Escape);
    QVERIFY(dialog->isVisible());

    QTest::mouseClick(discard, Qt::LeftButton);
    QVERIFY(!dialog->isVisible());
    QCOMPARE(f.session->workspace().flowById(flowId)->endpoint.security, SecurityLevel::None);
    QVERIFY(QDir(f.dir.path()).rmdir(Workspace::kFileName));
    QFile restore(path);
    QVERIFY(restore.open(QIODevice::WriteOnly));
    restore.write(original);
}

void TestEndpointSettings::deletedFlowCloses()
{
    SessionFixture f;
    QVERIFY(f.create());
    const QString flowId = sampleFlow(f.session->workspace(), SecurityLevel::None)->id;
    auto dialog = openDialog(f, flowId);
    clickRadio(*dialog, QStringLiteral("securityOAuth"));
    QVERIFY(f.session
                ->edit(ConsoleSession::Change::Flows,
                       [&](Workspace &workspace) { return workspace.removeFlow(flowId, f.secrets); })
                .ok());
    QVERIFY(dialog->errorText().contains(QLatin1String("deleted")));
    QTest::mouseClick(child<QPushButton>(*dialog, QStringLiteral("closeButton")), Qt::LeftButton);
    QVERIFY(!dialog->isVisible());
    QVERIFY(!f.session->workspace().flowById(flowId));
}

void TestEndpointSettings::openInTesterApplies()
{
    SessionFixture f;
    QVERIFY(f.create());
    const QString flowId = sampleFlow(f.session->workspace(), SecurityLevel::OAuth2)->id;
    auto dialog = openDialog(f, flowId);
    auto *open = child<QPushButton>(*dialog, QStringLiteral("openInTester"));
    QVERIFY(open->isVisible());
    dialog->setTesterAvailable(false);
    QVERIFY(!open->isVisible());
    dialog->setTesterAvailable(true);
    QVERIFY(open->isVisible());

    QSignalSpy requested(dialog.get(), &EndpointSettingsDialog::openInTesterRequested);
    clickRadio(*dialog, QStringLiteral("securityNone"));
    QTest::mouseClick(open, Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().first().toString(), flowId);
    QVERIFY(!dialog->isVisible());
    QCOMPARE(savedFlow(f, flowId).endpoint.security, SecurityLevel::None);
}

void TestEndpointSettings::followsTokenRegeneratedElsewhere()
{
    SessionFixture f;
    QVERIFY(f.create());
    const QString flowId = sampleFlow(f.session->workspace(), SecurityLevel::ClientToken)->id;
    auto dialog = openDialog(f, flowId);
    auto *secret = child<SecretField>(*dialog, QStringLiteral("clientToken"));
    QTRY_COMPARE(secret->state(), SecretField::State::Available);
    QString regenerated;
    QVERIFY(f.session
                ->edit(ConsoleSession::Change::Flows,
                       [&](Workspace &workspace) -> Result<bool> {
                           auto token = workspace.regenerateClientToken(flowId, f.secrets);
                           if (!token)
                               return token.error();
                           regenerated = *token;
                           return true;
                       })
                .ok());
    QTRY_COMPARE(secret->secret(), regenerated);
}

QTEST_MAIN(TestEndpointSettings)
#include "tst_endpointsettings.moc"
