#include "editor/RunTraceModel.h"

#include <QColor>
#include <QLocale>

namespace wf::ui {

RunTraceModel::RunTraceModel(QObject *parent) : QAbstractTableModel(parent) {}

RunTraceModel::~RunTraceModel() = default;

void RunTraceModel::setTrace(const Trace &trace)
{
    beginResetModel();
    m_trace = trace;
    endResetModel();
}

QJsonObject RunTraceModel::details(int row) const
{
    if (row < 0 || row >= m_trace.size())
        return {};
    const TraceEntry &entry = m_trace.at(row);
    QJsonObject details{{QStringLiteral("inputs"), entry.inputs}, {QStringLiteral("outputs"), entry.outputs}};
    if (entry.error)
        details.insert(QStringLiteral("error"),
                       QJsonObject{{QStringLiteral("type"), errorTypeName(entry.error->type)},
                                   {QStringLiteral("message"), entry.error->message}});
    return details;
}

int RunTraceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_trace.size());
}

int RunTraceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunTraceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TraceEntry &entry = m_trace.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case CardColumn:
            return QString(QString(entry.depth * 4, QLatin1Char(' ')) + entry.name);
        case IdColumn:
            return entry.cardId;
        case DurationColumn:
            return entry.durationUs < 1000
                       ? tr("%1 µs").arg(entry.durationUs)
                       : tr("%1 ms").arg(QLocale().toString(entry.durationUs / 1000.0, 'f', 1));
        case ResultColumn:
            if (entry.error)
                return QStringLiteral("%1: %2").arg(errorTypeName(entry.error->type), entry.error->message);
            return tr("OK");
        default:
            return {};
        }
    case Qt::ForegroundRole:
        return entry.error ? QVariant(QColor(0xc6, 0x28, 0x28)) : QVariant();
    case Qt::ToolTipRole:
        return entry.error ? entry.error->message : entry.function;
    case kCardIdRole:
        return entry.cardId;
    case kFailedRole:
        return entry.error.has_value();
    default:
        return {};
    }
}

QVariant RunTraceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CardColumn:
        return tr("Card");
    case IdColumn:
        return tr("Id");
    case DurationColumn:
        return tr("Duration");
    case ResultColumn:
        return tr("Result");
    default:
        return {};
    }
}

} // namespace wf::ui
