#pragma once

// The execution history table of the console: one row per execution, newest first, as
// HistoryStore::list() gives them for a filter, with the executions running now (which history
// records only when they end) merged in. Every query runs off the UI thread; a refresh re-reads the
// rows loaded so far and changes only the rows that changed (inserted, moved, removed, updated), so
// views keep their selection while requests arrive. The model is also the one way the history view
// reads and clears the store, so that no query outlives it.

#include "endpoint/InvokeService.h"
#include "store/HistoryStore.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QHash>
#include <QIcon>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>

namespace wf::ui {

class HistoryModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryModel)

public:
    enum Column { Started, FlowName, Kind, Status, Duration, HttpStatus, Caller, ColumnCount };
    enum Role {
        ExecutionIdRole = Qt::UserRole + 1, // QString
        FlowIdRole,                         // QString
        StatusRole,                         // int (ExecutionStatus)
    };

    static constexpr int kPageSize = 100;

    // `store` must outlive the model.
    explicit HistoryModel(HistoryStore &store, QObject *parent = nullptr);
    ~HistoryModel() override; // waits for the queries still running

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Shows the executions `filter` selects (its limit and offset are the model's business), starting
    // again with the first page.
    void setFilter(const HistoryFilter &filter);
    HistoryFilter filter() const { return m_filter; }
    // Reads the rows loaded so far again (new executions come in at the top).
    void refresh();
    // Loads the next page of older executions.
    void loadMore();
    bool canLoadMore() const { return m_stored.size() < m_total; }
    bool isLoading() const { return m_busy; }
    qint64 totalCount() const { return m_total; } // stored executions the filter selects
    int storedCount() const { return int(m_stored.size()); }

    // The executions running now, from the server; shown while the filter allows (no text search:
    // nothing of theirs is saved yet).
    void setRunning(const QList<RunningExecution> &running);
    // Current flow names by id: running executions have no recorded name, renamed flows show the new one.
    void setFlowNames(const QHash<QString, QString> &names);

    const ExecutionRecord &recordAt(int row) const { return m_rows.at(row); }
    int rowOf(const QString &executionId) const; // -1 when not shown

    // The whole record (headers, bodies, trace) of one execution, read off the UI thread; `done`
    // comes back on the UI thread unless the model is gone.
    void loadExecution(const QString &executionId, std::function<void(Result<ExecutionRecord>)> done);
    // Removes the executions of `flowId` (every flow when empty) off the UI thread and then refreshes;
    // `done` gets how many were removed.
    void clearHistory(const QString &flowId, std::function<void(Result<int>)> done);

    static QString durationText(qint64 durationUs);
    static QString statusText(ExecutionStatus status);
    static QColor statusColor(ExecutionStatus status);
    QIcon statusIcon(ExecutionStatus status) const; // a dot in the status colour
    static QString kindText(ExecutionKind kind);
    static QString callerText(const CallerInfo &caller);

signals:
    // A query finished and the rows show its result (or it failed: `error` says why).
    void loadFinished(const QString &error);

private:
    enum class Load { Refresh, More };
    struct Loaded {
        QList<ExecutionRecord> records;
        qint64 total = 0;
        QString error;
    };
    // Counts the queries in flight, so that the destructor can wait for them (the store must not close
    // under a query).
    struct InFlight {
        std::mutex mutex;
        std::condition_variable idle;
        int count = 0;
    };

    template <typename Work, typename Done>
    void runTracked(Work work, Done done);
    void startLoad(Load load);
    void finishLoad(Load load, quint64 generation, quint64 serial, Loaded loaded);
    void requestLoad(Load load);
    // The rows to show: running executions the filter allows merged with the stored ones by start.
    QList<ExecutionRecord> composeRows() const;
    void syncRows(const QList<ExecutionRecord> &target);
    bool runningMatches(const RunningExecution &running) const;
    QString flowName(const ExecutionRecord &record) const;

    HistoryStore &m_store;
    std::shared_ptr<InFlight> m_inFlight = std::make_shared<InFlight>();
    HistoryFilter m_filter;
    quint64 m_generation = 0; // a filter change makes the queries started before it stale
    bool m_busy = false;
    bool m_refreshPending = false;
    bool m_morePending = false;
    int m_window = kPageSize; // how many stored rows a refresh reads
    QList<ExecutionRecord> m_stored;
    qint64 m_total = 0;
    QList<RunningExecution> m_running;
    // Executions that ended, kept as they were until a refresh started after their end has read
    // history (so that their row changes in place instead of leaving and coming back).
    struct Ending {
        RunningExecution execution;
        quint64 untilRefresh = 0;
    };
    QList<Ending> m_ending;
    quint64 m_refreshesStarted = 0;
    QHash<QString, QString> m_flowNames;
    QList<ExecutionRecord> m_rows; // what the view shows
    mutable QHash<int, QIcon> m_icons;
};

} // namespace wf::ui
