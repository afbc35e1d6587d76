#pragma once

// The trace of a test run as a table: one row per card that ran (indented by block depth), how long
// it took and whether it failed. The card id is in kCardIdRole; the row's inputs, outputs and error
// as one JSON object come from details().

#include "engine/Trace.h"

#include <QAbstractTableModel>

namespace wf::ui {

class RunTraceModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunTraceModel)

public:
    enum Column { CardColumn, IdColumn, DurationColumn, ResultColumn, ColumnCount };
    static constexpr int kCardIdRole = Qt::UserRole + 1;
    static constexpr int kFailedRole = Qt::UserRole + 2;

    explicit RunTraceModel(QObject *parent = nullptr);
    ~RunTraceModel() override;

    void setTrace(const Trace &trace);
    const Trace &trace() const { return m_trace; }
    // {"inputs": ..., "outputs": ..., "error": ...} of a row.
    QJsonObject details(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Trace m_trace;
};

} // namespace wf::ui
