#pragma once

// The General tab of an app's page: its client id and token endpoint to copy, its client
// authentication (public key / private key, the only one this server offers), and its public keys:
// generate a key pair (off the UI thread, then the private key is shown once), register a pasted
// public key, activate, deactivate or delete a key.

#include "auth/AppIntegration.h"
#include "auth/Jose.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QToolButton;

namespace wf::ui {

class AppDetailsAsker;
class AppKeyModel;
class ConsoleSession;
class CopyableField;

class AppDetailsGeneralTab final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppDetailsGeneralTab)

public:
    AppDetailsGeneralTab(ConsoleSession &session, const AppDetailsAsker &asker, QWidget *parent = nullptr);
    ~AppDetailsGeneralTab() override;

    // Shows `app` (called again whenever the workspace changed).
    void showApp(const auth::AppIntegration &app);
    // Generates a key pair of `type` for the app shown, off the UI thread; the private key dialog
    // opens when it is ready. Ignored while a key is being generated.
    void generateKey(auth::KeyType type);
    bool isGenerating() const { return !m_generatingFor.isEmpty(); }
    // Opens the dialog that registers a pasted public key.
    void addPublicKey();
    // The key id selected in the key table, empty when none.
    QString selectedKid() const;
    bool selectKey(const QString &kid);

signals:
    // An action failed; the message says why (shown by the app's page).
    void failed(const QString &message);

private:
    QWidget *buildCredentials();
    QWidget *buildKeys();
    QToolButton *buildAddKeyButton(QWidget *parent);
    void showTokenEndpoint();
    void showGeneration();
    void keyGenerated(const QString &clientId, const Result<auth::Key> &generated);
    void askKeyActive(bool active);
    void askDeleteKey();
    void setKeyActive(const QString &clientId, const QString &kid, bool active);
    void deleteKey(const QString &clientId, const QString &kid);
    void updateKeyButtons();

    ConsoleSession &m_session;
    const AppDetailsAsker &m_asker;
    QString m_clientId;
    QString m_appName;
    QString m_generatingFor; // client id of the app a key is being generated for
    QString m_generatingType;
    CopyableField *m_clientIdField = nullptr;
    CopyableField *m_tokenEndpoint = nullptr;
    QToolButton *m_addKey = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QLabel *m_noKeys = nullptr;
    AppKeyModel *m_keys = nullptr;
    QTableView *m_keyTable = nullptr;
    QPushButton *m_activate = nullptr;
    QPushButton *m_deactivate = nullptr;
    QPushButton *m_delete = nullptr;
};

} // namespace wf::ui
