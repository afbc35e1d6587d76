#pragma once

// Applications (the admin console): the app integrations of the workspace in a filterable table,
// "Create App Integration", and the page of one app (AppDetails) in place of the list when an app
// is opened. Follows the workspace as it changes.

#include "pages/AppDetailsAsker.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace wf::ui {

class AppDetails;
class AppListModel;
class ConsoleSession;
class CreateAppWizard;

class AppsPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppsPage)

public:
    explicit AppsPage(ConsoleSession &session, QWidget *parent = nullptr);
    ~AppsPage() override;

    // Opens the page of the app with `clientId` (its row is selected in the list too). Unknown
    // client ids leave the page as it is.
    void selectApp(const QString &clientId);
    // Back to the list of apps.
    void showList();
    // The client id of the app whose page is open; empty while the list is shown.
    QString currentClientId() const;
    void focusFilter();
    // Opens "Create App Integration" (window-modal, not waited for); the new app's page opens on Save.
    CreateAppWizard *openCreateWizard();

    // The confirmations of the app pages (delete, deactivate, grant, ...); tests give it an answer.
    AppDetailsAsker &asker();
    AppDetails *details() const { return m_details; }

signals:
    // The app whose page is shown changed (empty: the list is shown).
    void currentAppChanged(const QString &clientId);

private:
    QWidget *buildList();
    void refreshList();
    void showEmptyState();
    void openIndex(const QModelIndex &index);

    ConsoleSession &m_session;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_list = nullptr;
    QLineEdit *m_filter = nullptr;
    QPushButton *m_create = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_empty = nullptr;
    AppListModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    AppDetails *m_details = nullptr;
};

} // namespace wf::ui
