#pragma once

// The API endpoint settings of one flow (the "Endpoint settings" icon of its API Endpoint card):
// the security level, for OAuth 2.0 which app integrations may call it (Any, or chosen from a list),
// for a client token the token itself (masked, revealed on demand, copied, regenerated), and the
// Invoke and Resume URLs to copy. Switching the level shows its section and its URLs at once.
//
// Like the source document's dialog it has no Cancel: Close applies the change, and so do Escape
// and closing the window, since a way out that silently dropped the choice would surprise whoever
// only has "Close" to go by. When saving fails the dialog stays open with the error and offers to
// discard the change, so nothing is lost without the user deciding it.

#include "flow/Flow.h"

#include <QDialog>
#include <functional>
#include <optional>

class QButtonGroup;
class QGroupBox;
class QLabel;
class QPushButton;
class QRadioButton;

namespace wf::ui {

class ChipMultiSelect;
class ConsoleSession;
class CopyableField;
class SecretField;

class EndpointSettingsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointSettingsDialog)

public:
    EndpointSettingsDialog(ConsoleSession &session, const QString &flowId, QWidget *parent = nullptr);
    ~EndpointSettingsDialog() override;

    QString flowId() const { return m_flowId; }
    // Shows or hides "Open in request tester" (hidden when nothing answers openInTesterRequested).
    void setTesterAvailable(bool available);

    // The settings as chosen in the dialog (security level, Any or the chosen apps).
    SecurityLevel selectedLevel() const;
    EndpointSettings chosenSettings() const;
    bool hasUnappliedChanges() const;
    // Saves the chosen settings (what Close does). False when it failed; the error is then shown.
    bool applyChanges();
    QString errorText() const;

    // Test seam: the answer the next confirmation ("Regenerate the client token?") gets without a
    // message box being shown. Used once.
    static void setNextConfirmation(bool answer);

    // Closing by any way (Close, Escape, the window's close button) applies first, and stays open
    // when that fails.
    void done(int result) override;

signals:
    // "Open in request tester": the settings were applied and the dialog closed; the receiver opens
    // the tester with a ready request for the flow.
    void openInTesterRequested(const QString &flowId);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QWidget *buildSecuritySection();
    QWidget *buildAppsSection();
    QWidget *buildTokenSection();
    QWidget *buildUrlSection();
    QLayout *buildButtons();
    void connectSession();

    const Flow *currentFlow() const;
    void showSettings(const EndpointSettings &settings);
    void showLevel();
    void fitHeight();
    int neededHeight() const;
    void fillApps();
    void showAppsHint();
    void showToken();
    void loadToken();
    void showUrls();
    void confirmThen(const QString &title, const QString &question, const QString &yes,
                     std::function<void()> then);
    void regenerateClicked();
    void regenerateToken();
    void openInTester();
    void workspaceChanged();
    void showError(const QString &message);
    void clearError();

    ConsoleSession &m_session;
    const QString m_flowId;
    EndpointSettings m_saved;      // the flow's settings as last saved (or found)
    bool m_applying = false;       // our own edit is being saved: its change signal is no news
    bool m_discarding = false;     // "Discard changes": close without applying
    quint64 m_tokenGeneration = 0; // a keychain read that comes back after a newer one is dropped
    bool m_tokenPending = false;   // the token field says the token is made on apply

    QLabel *m_title = nullptr;
    QButtonGroup *m_levels = nullptr;
    QRadioButton *m_oauth = nullptr;
    QRadioButton *m_clientToken = nullptr;
    QRadioButton *m_none = nullptr;
    QLabel *m_levelHint = nullptr;
    QGroupBox *m_appsSection = nullptr;
    QRadioButton *m_anyApp = nullptr;
    QRadioButton *m_listedApps = nullptr;
    ChipMultiSelect *m_apps = nullptr;
    QLabel *m_appsHint = nullptr;
    QGroupBox *m_tokenSection = nullptr;
    SecretField *m_token = nullptr;
    QPushButton *m_regenerate = nullptr;
    QLabel *m_tokenHint = nullptr;
    CopyableField *m_invokeUrl = nullptr;
    CopyableField *m_resumeUrl = nullptr;
    QLabel *m_urlHint = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_openInTester = nullptr;
    QPushButton *m_discard = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace wf::ui
