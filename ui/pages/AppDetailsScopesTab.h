#pragma once

// The "Okta API Scopes" tab of an app's page: every scope an app can be granted, with what it
// allows, whether this app has it, and Grant / Revoke. Granting asks first ("Grant Access"), as
// revoking does, since the app's tokens stop working at once.

#include "auth/AppIntegration.h"

#include <QHash>
#include <QWidget>

class QGridLayout;
class QLabel;
class QPushButton;

namespace wf::ui {

class AppDetailsAsker;
class ConsoleSession;

class AppDetailsScopesTab final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppDetailsScopesTab)

public:
    AppDetailsScopesTab(ConsoleSession &session, const AppDetailsAsker &asker, QWidget *parent = nullptr);
    ~AppDetailsScopesTab() override;

    // Shows `app` (called again whenever the workspace changed).
    void showApp(const auth::AppIntegration &app);

    // What `scope` allows, as shown in the table.
    static QString scopeDescription(const QString &scope);

signals:
    // An action failed; the message says why (shown by the app's page).
    void failed(const QString &message);

private:
    struct Row {
        QLabel *status = nullptr;
        QPushButton *grant = nullptr;
        QPushButton *revoke = nullptr;
    };
    void addRow(const QString &scope, int row, QGridLayout *grid);
    void askGrant(const QString &scope);
    void askRevoke(const QString &scope);
    void setGranted(const QString &clientId, const QString &scope, bool granted);

    ConsoleSession &m_session;
    const AppDetailsAsker &m_asker;
    QString m_clientId;
    QString m_appName;
    QHash<QString, Row> m_rows;
};

} // namespace wf::ui
