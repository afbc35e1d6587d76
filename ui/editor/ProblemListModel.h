#pragma once

// The validator's problems of the flow being edited, as a table (card, field, problem) for the list
// under the canvas. The card column shows the card's title; the card id is in kCardIdRole.

#include "flow/FlowJson.h"

#include <QAbstractTableModel>
#include <QHash>

namespace wf::ui {

class ProblemListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemListModel)

public:
    enum Column { CardColumn, FieldColumn, MessageColumn, ColumnCount };
    static constexpr int kCardIdRole = Qt::UserRole + 1;

    explicit ProblemListModel(QObject *parent = nullptr);
    ~ProblemListModel() override;

    // `titles`: card id → what the card is called on the canvas.
    void setProblems(const QList<FlowProblem> &problems, const QHash<QString, QString> &titles);
    const QList<FlowProblem> &problems() const { return m_problems; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<FlowProblem> m_problems;
    QHash<QString, QString> m_titles;
};

} // namespace wf::ui
