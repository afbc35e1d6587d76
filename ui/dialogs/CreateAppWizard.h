#pragma once

// "Create App Integration": choose the sign-in method (API Services, the only kind this console
// makes), name the app, Save. Saving creates the app in the workspace; a refused name (empty, taken,
// too long) is shown on the name page and the wizard stays open.

#include <QWizard>

class QLabel;
class QLineEdit;
class QRadioButton;

namespace wf::ui {

class ConsoleSession;

class CreateAppWizard final : public QWizard {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CreateAppWizard)

public:
    enum PageId { SignInMethodPage, NamePage };

    explicit CreateAppWizard(ConsoleSession &session, QWidget *parent = nullptr);
    ~CreateAppWizard() override;

    // The client id of the app Save created; empty until then.
    QString createdClientId() const { return m_createdClientId; }

signals:
    void appCreated(const QString &clientId);

protected:
    bool validateCurrentPage() override;

private:
    QWizardPage *buildSignInMethodPage();
    QWizardPage *buildNamePage();
    bool createApp();

    ConsoleSession &m_session;
    QRadioButton *m_apiServices = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_error = nullptr;
    QString m_createdClientId;
};

} // namespace wf::ui
