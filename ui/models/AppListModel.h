#pragma once

// The app integrations of the workspace as a table for the Applications page: name, client id,
// status, keys and granted scopes. The page filters and sorts it through a proxy.

#include "auth/AppIntegration.h"

#include <QAbstractTableModel>
#include <QList>

namespace wf::ui {

class AppListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppListModel)

public:
    enum Column { NameColumn, ClientIdColumn, StatusColumn, KeysColumn, ScopesColumn, ColumnCount };
    // The client id of the row's app, in every column.
    static constexpr int ClientIdRole = Qt::UserRole + 1;
    // What the column sorts by (numbers for the key count, the display text elsewhere).
    static constexpr int SortRole = Qt::UserRole + 2;

    explicit AppListModel(QObject *parent = nullptr);
    ~AppListModel() override;

    // Shows `apps`. When the same apps are listed in the same order (a rename, a new key, ...), only
    // their cells change, so views keep their selection.
    void setApps(const QList<auth::AppIntegration> &apps);

    QString clientIdAt(int row) const;
    // -1 when no app has `clientId`.
    int rowOf(const QString &clientId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const auth::AppIntegration &app, int column) const;

    QList<auth::AppIntegration> m_apps;
};

} // namespace wf::ui
