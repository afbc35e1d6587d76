#include "models/AppListModel.h"

#include <QGuiApplication>
#include <QPalette>

namespace wf::ui {

AppListModel::AppListModel(QObject *parent) : QAbstractTableModel(parent) {}

AppListModel::~AppListModel() = default;

void AppListModel::setApps(const QList<auth::AppIntegration> &apps)
{
    const auto sameApps = [&] {
        if (apps.size() != m_apps.size())
            return false;
        for (qsizetype i = 0; i < apps.size(); ++i) {
            if (apps.at(i).clientId != m_apps.at(i).clientId)
                return false;
        }
        return true;
    };
    if (!sameApps()) {
        beginResetModel();
        m_apps = apps;
        endResetModel();
        return;
    }
    m_apps = apps;
    if (!m_apps.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_apps.size()) - 1, ColumnCount - 1));
}

QString AppListModel::clientIdAt(int row) const
{
    return row >= 0 && row < m_apps.size() ? m_apps.at(row).clientId : QString();
}

int AppListModel::rowOf(const QString &clientId) const
{
    for (qsizetype i = 0; i < m_apps.size(); ++i) {
        if (m_apps.at(i).clientId == clientId)
            return int(i);
    }
    return -1;
}

int AppListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_apps.size());
}

int AppListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AppListModel::display(const auth::AppIntegration &app, int column) const
{
    switch (column) {
    case NameColumn:
        return app.name;
    case ClientIdColumn:
        return app.clientId;
    case StatusColumn:
        return app.active ? tr("Active") : tr("Inactive");
    case KeysColumn: {
        const int inactive = int(app.keys.size()) - app.activeKeyCount();
        if (inactive == 0)
            return QString::number(app.keys.size());
        return tr("%1 (%2 inactive)").arg(app.keys.size()).arg(inactive);
    }
    case ScopesColumn:
        return app.scopes.isEmpty() ? tr("None granted") : app.scopes.join(QLatin1String(", "));
    default:
        return {};
    }
}

QVariant AppListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auth::AppIntegration &app = m_apps.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(app, index.column());
    case Qt::ToolTipRole:
        if (index.column() == KeysColumn)
            return tr("%n key(s), %1 active", nullptr, int(app.keys.size())).arg(app.activeKeyCount());
        return display(app, index.column());
    case Qt::ForegroundRole:
        // An inactive app gets no tokens: its row reads as disabled.
        if (!app.active)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case ClientIdRole:
        return app.clientId;
    case SortRole:
        if (index.column() == KeysColumn)
            return int(app.keys.size());
        return display(app, index.column());
    default:
        return {};
    }
}

QVariant AppListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ClientIdColumn:
        return tr("Client ID");
    case StatusColumn:
        return tr("Status");
    case KeysColumn:
        return tr("Keys");
    case ScopesColumn:
        return tr("Granted scopes");
    default:
        return {};
    }
}

} // namespace wf::ui
