#pragma once

// The flows of the open workspace as a table: name (description as tooltip), on/off, type, security
// level, and the start and status of each flow's newest execution. Name and on/off are editable; an
// edit is saved through the session at once. The newest executions are read from history off the UI
// thread whenever the flows change, the server finishes a request (at most twice a second) or
// refreshLastRuns() is called.

#include "engine/Executor.h"
#include "flow/Flow.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QTimer>
#include <functional>

namespace wf::ui {

class ConsoleSession;

class FlowListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlowListModel)

public:
    enum Column { NameColumn, ActiveColumn, TypeColumn, SecurityColumn, LastRunColumn, LastStatusColumn };
    static constexpr int kColumnCount = LastStatusColumn + 1;

    enum Role {
        FlowIdRole = Qt::UserRole + 1, // every column: the flow's id
        SortRole,                      // a value that sorts the column as a user expects
        FilterRole,                    // name, description and id, for the filter box
    };

    // How often the newest executions may be read again after requests finish.
    static constexpr int kRefreshIntervalMs = 500;

    explicit FlowListModel(ConsoleSession &session, QObject *parent = nullptr);
    ~FlowListModel() override; // waits for a history read in flight: the history must not close under it

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    QString flowId(int row) const;
    int rowOf(const QString &flowId) const; // -1 when absent

    // Reads the newest execution of every flow again, in the background; lastRunsLoaded() follows.
    void refreshLastRuns();

    // "just now", "5 min ago", "Yesterday 14:02", "12 Mar 2025 09:15" (local time).
    static QString friendlyTime(const QDateTime &when, const QDateTime &now);
    static QString statusDisplayName(ExecutionStatus status);
    static QString securityDisplayName(const Flow &flow);

signals:
    // An edit made in the table could not be saved; nothing changed.
    void editFailed(const QString &message);
    void lastRunsLoaded();

private:
    struct LastRun {
        QDateTime startedAt; // UTC
        ExecutionStatus status = ExecutionStatus::Success;
    };
    using LastRuns = QHash<QString, LastRun>;

    void syncFlows();
    bool syncByInsertAndRemove(const QList<Flow> &flows);
    void scheduleRefresh();
    void readFinished();
    QVariant displayData(const Flow &flow, int column) const;
    QVariant sortData(const Flow &flow, int column) const;
    bool saveEdit(int row, const std::function<void(Flow &)> &change);

    ConsoleSession &m_session;
    QList<Flow> m_flows; // what the rows show, in workspace order
    LastRuns m_lastRuns; // flow id → newest execution
    QFutureWatcher<LastRuns> m_reading;
    bool m_readRunning = false; // until its result has been shown
    bool m_readAgain = false;   // asked for while a read was running
    QElapsedTimer m_sinceRefresh;
    QTimer m_refreshTimer; // the delayed refresh of a burst of requests
    QTimer m_clock;        // "5 min ago" grows older
};

} // namespace wf::ui
