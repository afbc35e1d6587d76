#include "models/AppKeyModel.h"

#include "auth/Jose.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

namespace wf::ui {

AppKeyModel::AppKeyModel(QObject *parent) : QAbstractTableModel(parent) {}

AppKeyModel::~AppKeyModel() = default;

void AppKeyModel::setKeys(const QList<auth::AppKey> &keys)
{
    QList<Row> rows;
    rows.reserve(keys.size());
    for (const auth::AppKey &key : keys) {
        const auto parsed = auth::Key::fromJwk(key.publicJwk);
        rows.append({key, parsed ? parsed->typeDisplayName() : tr("Unreadable key")});
    }
    bool sameKeys = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameKeys && i < rows.size(); ++i)
        sameKeys = rows.at(i).key.kid == m_rows.at(i).key.kid;
    if (!sameKeys) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    m_rows = std::move(rows);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

QString AppKeyModel::kidAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).key.kid : QString();
}

bool AppKeyModel::isActiveAt(int row) const
{
    return row >= 0 && row < m_rows.size() && m_rows.at(row).key.active;
}

int AppKeyModel::rowOf(const QString &kid) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).key.kid == kid)
            return int(i);
    }
    return -1;
}

int AppKeyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AppKeyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AppKeyModel::display(const Row &row, int column) const
{
    switch (column) {
    case KidColumn:
        return row.key.kid;
    case TypeColumn:
        return row.type;
    case StatusColumn:
        return row.key.active ? tr("Active") : tr("Inactive");
    case CreatedColumn:
        return QLocale().toString(row.key.created.toLocalTime(), QLocale::ShortFormat);
    default:
        return {};
    }
}

QVariant AppKeyModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == CreatedColumn)
            return row.key.created.toString(Qt::ISODate);
        return display(row, index.column());
    case Qt::ForegroundRole:
        // An inactive key signs nothing the server accepts: its row reads as disabled.
        if (!row.key.active)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case KidRole:
        return row.key.kid;
    case ActiveRole:
        return row.key.active;
    default:
        return {};
    }
}

QVariant AppKeyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KidColumn:
        return tr("Key ID (kid)");
    case TypeColumn:
        return tr("Type");
    case StatusColumn:
        return tr("Status");
    case CreatedColumn:
        return tr("Created");
    default:
        return {};
    }
}

} // namespace wf::ui
