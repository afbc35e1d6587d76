#include "dialogs/CreateAppWizard.h"

#include "ConsoleSession.h"
#include "auth/AppIntegration.h"

#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>

namespace wf::ui {
namespace {

// The name page is complete once a name is typed; Save stays disabled until then.
class NameWizardPage final : public QWizardPage {
public:
    explicit NameWizardPage(QLineEdit *name) : m_name(name)
    {
        QObject::connect(name, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    }
    bool isComplete() const override { return !m_name->text().trimmed().isEmpty(); }

private:
    QLineEdit *m_name;
};

} // namespace

CreateAppWizard::CreateAppWizard(ConsoleSession &session, QWidget *parent)
    : QWizard(parent), m_session(session)
{
    setObjectName(QStringLiteral("createAppWizard"));
    setWindowTitle(tr("Create a new app integration"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::FinishButton, tr("Save"));
    setPage(SignInMethodPage, buildSignInMethodPage());
    setPage(NamePage, buildNamePage());
    setStartId(SignInMethodPage);
    resize(620, 420);
}

CreateAppWizard::~CreateAppWizard() = default;

QWizardPage *CreateAppWizard::buildSignInMethodPage()
{
    auto *page = new QWizardPage(this);
    page->setObjectName(QStringLiteral("signInMethodPage"));
    page->setTitle(tr("Sign-in method"));
    page->setSubTitle(tr("Choose how the app integration signs in."));

    // Only machine-to-machine apps can call API endpoint flows, so API Services is the one method.
    m_apiServices = new QRadioButton(tr("API Services"), page);
    m_apiServices->setObjectName(QStringLiteral("signInApiServices"));
    m_apiServices->setChecked(true);
    auto *description = new QLabel(tr("Interact with the API endpoints of this org's flows using scoped "
                                      "OAuth 2.0 access tokens, for machine-to-machine authentication: the "
                                      "client signs a JWT with its private key and gets a token for it."),
                                   page);
    description->setWordWrap(true);
    description->setIndent(24);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_apiServices);
    layout->addWidget(description);
    layout->addStretch();
    return page;
}

QWizardPage *CreateAppWizard::buildNamePage()
{
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("appNameField"));
    m_name->setMaxLength(auth::kMaxAppNameLength);
    m_name->setPlaceholderText(tr("My API Services App"));

    auto *page = new NameWizardPage(m_name);
    page->setParent(this);
    page->setObjectName(QStringLiteral("appNamePage"));
    page->setTitle(tr("New API Services App Integration"));
    page->setSubTitle(tr("Name the app integration. You add its keys and grant its scopes on its page."));
    page->setFinalPage(true);

    auto *label = new QLabel(tr("App integration name"), page);
    label->setBuddy(m_name);
    m_error = new QLabel(page);
    m_error->setObjectName(QStringLiteral("createAppError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d32f2f;"));
    m_error->hide();
    connect(m_name, &QLineEdit::textEdited, m_error, &QLabel::hide);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(label);
    layout->addWidget(m_name);
    layout->addWidget(m_error);
    layout->addStretch();
    return page;
}

bool CreateAppWizard::validateCurrentPage()
{
    if (currentId() == NamePage)
        return createApp();
    return QWizard::validateCurrentPage();
}

bool CreateAppWizard::createApp()
{
    if (!m_createdClientId.isEmpty()) // Save pressed twice: the app exists already
        return true;
    const QString name = m_name->text();
    QString clientId;
    const auto done = m_session.edit(ConsoleSession::Change::Apps, [&](Workspace &workspace) -> Result<bool> {
        auto created = workspace.createApp(name);
        if (!created)
            return created.error();
        clientId = created->clientId;
        return true;
    });
    if (!done) {
        m_error->setText(done.error().message);
        m_error->show();
        m_name->setFocus();
        return false;
    }
    m_createdClientId = clientId;
    emit appCreated(clientId);
    return true;
}

} // namespace wf::ui
