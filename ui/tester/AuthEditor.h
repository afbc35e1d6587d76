#pragma once

// The Auth tab of the request tester: none, the flow's client token (query parameter or header),
// OAuth 2.0 client credentials with a private_key_jwt assertion (an app integration's key kept in the
// keychain, or a pasted client id and private key) or a bearer token. For OAuth 2.0 it shows the
// decoded assertion and access token of the last token fetched.

#include "tester/RequestDocument.h"
#include "tester/TokenCache.h"

#include <QWidget>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace wf {
class Workspace;
}

namespace wf::ui {

class JsonView;

class AuthEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthEditor)

public:
    explicit AuthEditor(QWidget *parent = nullptr);

    tester::RequestAuth auth() const;
    void setAuth(const tester::RequestAuth &auth);
    // The private key pasted for OAuth 2.0 (JWK or PEM); never saved with the request.
    QString pastedKey() const;

    // The app integrations and keys offered for OAuth 2.0.
    void setApps(const Workspace &workspace);

    // The token fetched for the request (decoded assertion and access token), or why none came.
    void showToken(const tester::CachedToken &token, bool fromCache);
    void showTokenFailure(const QString &message);
    void setFetching(bool fetching);

signals:
    void changed();
    void getTokenRequested();

private:
    QWidget *buildClientTokenPage();
    QWidget *buildOAuthPage();
    QWidget *buildBearerPage();
    void fillKeys();
    void updateKeySource();

    QComboBox *m_mode = nullptr;
    QStackedWidget *m_pages = nullptr;
    QButtonGroup *m_placement = nullptr;
    QLineEdit *m_clientToken = nullptr;
    QButtonGroup *m_keySource = nullptr;
    QWidget *m_keptKey = nullptr;
    QWidget *m_pastedKeyBox = nullptr;
    QComboBox *m_app = nullptr;
    QComboBox *m_key = nullptr;
    QLineEdit *m_pastedClientId = nullptr;
    QPlainTextEdit *m_pastedKey = nullptr;
    QLineEdit *m_tokenUrl = nullptr;
    QLineEdit *m_scope = nullptr;
    QPushButton *m_getToken = nullptr;
    QLabel *m_tokenState = nullptr;
    JsonView *m_tokenDetails = nullptr;
    QLineEdit *m_bearer = nullptr;
    struct KeyChoice {
        QString clientId;
        QString kid;
        QString type;
        bool active = true;
    };
    QList<KeyChoice> m_keys;
    // The OAuth settings last set, so an app or key not in the workspace (deleted) stays chosen.
    tester::OAuthSettings m_oauth;
    bool m_filling = false;
};

} // namespace wf::ui
