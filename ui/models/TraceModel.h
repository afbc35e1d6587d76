#pragma once

// The card-by-card trace of one execution as a tree: each card that ran, with its inputs and its
// outputs as child rows and the cards it ran inside its blocks (If/Else, If Error, ...) nested under
// it. The card that failed the execution is marked, so the view can show it in red and select it.

#include "store/ExecutionRecord.h"

#include <QAbstractItemModel>
#include <QJsonObject>
#include <QList>

namespace wf::ui {

class TraceModel final : public QAbstractItemModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TraceModel)

public:
    enum Column { Card, Function, Duration, Error, ColumnCount };
    enum Role {
        JsonRole =
            Qt::UserRole + 1, // QJsonObject: a card's inputs, outputs and error; or the inputs or outputs
        FailingRole,          // bool: the card that failed the execution
    };

    explicit TraceModel(QObject *parent = nullptr);
    ~TraceModel() override;

    // Shows `trace`; `status` tells whether the execution failed, and so whether a card is to blame.
    void setTrace(const Trace &trace, ExecutionStatus status);
    void clear();

    // The card that failed the execution: the last card with an error or, when the execution failed
    // without one (Return Error), the last card that ran. Invalid when the execution did not fail.
    QModelIndex failingIndex() const;
    int cardCount() const { return int(m_trace.size()); }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node {
        enum class Kind { Card, Inputs, Outputs };
        Kind kind = Kind::Card;
        int entry = -1;  // index into m_trace
        int parent = -1; // index into m_nodes; -1 for top-level cards
        int row = 0;     // position under its parent
        QList<int> children;
    };

    void build();
    int addNode(Node::Kind kind, int entry, int parent);
    QVariant cardData(const Node &node, int column, int role) const;
    QVariant portData(const Node &node, int column, int role) const;

    Trace m_trace;
    int m_failingEntry = -1;
    QList<Node> m_nodes;
    QList<int> m_topLevel;
};

} // namespace wf::ui
