#include "editor/ProblemListModel.h"

#include <QColor>

namespace wf::ui {

ProblemListModel::ProblemListModel(QObject *parent) : QAbstractTableModel(parent) {}

ProblemListModel::~ProblemListModel() = default;

void ProblemListModel::setProblems(const QList<FlowProblem> &problems, const QHash<QString, QString> &titles)
{
    beginResetModel();
    m_problems = problems;
    m_titles = titles;
    endResetModel();
}

int ProblemListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_problems.size());
}

int ProblemListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FlowProblem &problem = m_problems.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case CardColumn:
            if (problem.cardId.isEmpty())
                return tr("Flow");
            return m_titles.value(problem.cardId, problem.cardId);
        case FieldColumn:
            return problem.field;
        case MessageColumn:
            return problem.message;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return problem.toString();
    case Qt::ForegroundRole:
        return index.column() == MessageColumn ? QVariant(QColor(0xc6, 0x28, 0x28)) : QVariant();
    case kCardIdRole:
        return problem.cardId;
    default:
        return {};
    }
}

QVariant ProblemListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CardColumn:
        return tr("Card");
    case FieldColumn:
        return tr("Field");
    case MessageColumn:
        return tr("Problem");
    default:
        return {};
    }
}

} // namespace wf::ui
