#include "models/HistoryModel.h"

#include "Background.h"

#include <QPainter>
#include <QPixmap>
#include <QSet>
#include <algorithm>

namespace wf::ui {
namespace {

// Whether a row must be repainted: the columns shown and what the details pane depends on.
bool sameRow(const ExecutionRecord &a, const ExecutionRecord &b)
{
    return a.status == b.status && a.durationUs == b.durationUs && a.startedAt == b.startedAt &&
           a.response.status == b.response.status && a.flowName == b.flowName && a.kind == b.kind &&
           a.error == b.error && a.caller.address == b.caller.address &&
           a.caller.clientId == b.caller.clientId && a.caller.securityLevel == b.caller.securityLevel;
}

ExecutionRecord recordOfRunning(const RunningExecution &running, const QDateTime &now)
{
    ExecutionRecord record;
    record.id = running.executionId;
    record.flowId = running.flowId;
    record.kind = parseExecutionKind(running.kind).value_or(ExecutionKind::Invoke);
    record.status = ExecutionStatus::InProgress;
    record.startedAt = running.startedAt;
    // Whole seconds, so that a refresh repaints the row once a second and not on every poll.
    record.durationUs = running.startedAt.secsTo(now) * 1'000'000;
    record.caller = CallerInfo{running.peerAddress, running.clientId, running.security};
    return record;
}

} // namespace

HistoryModel::HistoryModel(HistoryStore &store, QObject *parent) : QAbstractTableModel(parent), m_store(store)
{}

HistoryModel::~HistoryModel()
{
    std::unique_lock lock(m_inFlight->mutex);
    m_inFlight->idle.wait(lock, [this] { return m_inFlight->count == 0; });
}

template <typename Work, typename Done>
void HistoryModel::runTracked(Work work, Done done)
{
    {
        std::lock_guard lock(m_inFlight->mutex);
        ++m_inFlight->count;
    }
    runInBackground(
        this,
        [inFlight = m_inFlight, work = std::move(work)] {
            auto result = work();
            std::lock_guard lock(inFlight->mutex);
            --inFlight->count;
            inFlight->idle.notify_all();
            return result;
        },
        std::move(done));
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ExecutionRecord &record = m_rows.at(index.row());
    switch (role) {
    case ExecutionIdRole:
        return record.id;
    case FlowIdRole:
        return record.flowId;
    case StatusRole:
        return int(record.status);
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Started:
            return record.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case FlowName:
            return flowName(record);
        case Kind:
            return kindText(record.kind);
        case Status:
            return statusText(record.status);
        case Duration:
            return durationText(record.durationUs);
        case HttpStatus:
            return record.response.status > 0 ? QVariant(record.response.status) : QVariant();
        case Caller:
            return callerText(record.caller);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::DecorationRole:
        return index.column() == Status ? QVariant(statusIcon(record.status)) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == Started)
            return record.startedAt.toUTC().toString(Qt::ISODateWithMs);
        if (index.column() == Status && !record.error.isEmpty())
            return record.error;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Duration || index.column() == HttpStatus)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Started:
        return tr("Started");
    case FlowName:
        return tr("Flow");
    case Kind:
        return tr("Kind");
    case Status:
        return tr("Status");
    case Duration:
        return tr("Duration");
    case HttpStatus:
        return tr("HTTP");
    case Caller:
        return tr("Caller");
    case ColumnCount:
        break;
    }
    return {};
}

void HistoryModel::setFilter(const HistoryFilter &filter)
{
    m_filter = filter;
    m_filter.limit = kPageSize;
    m_filter.offset = 0;
    m_filter.withData = false;
    m_window = kPageSize;
    ++m_generation;
    m_morePending = false;
    requestLoad(Load::Refresh);
}

void HistoryModel::refresh()
{
    requestLoad(Load::Refresh);
}

void HistoryModel::loadMore()
{
    if (canLoadMore())
        requestLoad(Load::More);
}

void HistoryModel::requestLoad(Load load)
{
    if (m_busy) {
        (load == Load::Refresh ? m_refreshPending : m_morePending) = true;
        return;
    }
    startLoad(load);
}

void HistoryModel::startLoad(Load load)
{
    m_busy = true;
    HistoryFilter filter = m_filter;
    filter.limit = load == Load::Refresh ? std::max<int>(m_window, int(m_stored.size())) : kPageSize;
    filter.offset = load == Load::Refresh ? 0 : int(m_stored.size());
    const quint64 generation = m_generation;
    const quint64 serial = load == Load::Refresh ? ++m_refreshesStarted : 0;
    runTracked(
        [store = &m_store, filter] {
            Loaded loaded;
            auto records = store->list(filter);
            auto total = store->count(filter);
            if (!records || !total) {
                loaded.error = (!records ? records.error() : total.error()).message;
                return loaded;
            }
            loaded.records = std::move(records).value();
            loaded.total = *total;
            return loaded;
        },
        [this, load, generation, serial](Loaded loaded) {
            finishLoad(load, generation, serial, std::move(loaded));
        });
}

void HistoryModel::finishLoad(Load load, quint64 generation, quint64 serial, Loaded loaded)
{
    m_busy = false;
    const bool stale = generation != m_generation;
    if (!stale && loaded.error.isEmpty()) {
        if (load == Load::Refresh) {
            m_stored = std::move(loaded.records);
            m_ending.removeIf([serial](const Ending &ending) { return ending.untilRefresh <= serial; });
        } else {
            // Executions recorded since the last refresh shift the pages: skip what is shown already.
            QSet<QString> known;
            for (const ExecutionRecord &record : std::as_const(m_stored))
                known.insert(record.id);
            for (ExecutionRecord &record : loaded.records) {
                if (!known.contains(record.id))
                    m_stored.append(std::move(record));
            }
            m_window = std::max<int>(m_window, int(m_stored.size()));
        }
        m_total = std::max<qint64>(loaded.total, m_stored.size());
        syncRows(composeRows());
    }
    if (m_refreshPending || stale) {
        m_refreshPending = false;
        startLoad(Load::Refresh);
    } else if (m_morePending) {
        m_morePending = false;
        if (canLoadMore())
            startLoad(Load::More);
    }
    if (!stale)
        emit loadFinished(loaded.error);
}

void HistoryModel::setRunning(const QList<RunningExecution> &running)
{
    QSet<QString> now;
    for (const RunningExecution &execution : running)
        now.insert(execution.executionId);
    bool ended = false;
    for (const RunningExecution &execution : std::as_const(m_running)) {
        if (!now.contains(execution.executionId)) {
            m_ending.append(Ending{execution, m_refreshesStarted + 1});
            ended = true;
        }
    }
    m_ending.removeIf([&now](const Ending &ending) { return now.contains(ending.execution.executionId); });
    m_running = running;
    syncRows(composeRows());
    // An execution that ended is in history now (a Close card's flow ends after it was answered).
    if (ended)
        requestLoad(Load::Refresh);
}

void HistoryModel::setFlowNames(const QHash<QString, QString> &names)
{
    m_flowNames = names;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, FlowName), index(int(m_rows.size()) - 1, FlowName), {Qt::DisplayRole});
}

bool HistoryModel::runningMatches(const RunningExecution &running) const
{
    if (!m_filter.text.isEmpty())
        return false;
    if (m_filter.status && *m_filter.status != ExecutionStatus::InProgress)
        return false;
    return m_filter.flowId.isEmpty() || m_filter.flowId == running.flowId;
}

QList<ExecutionRecord> HistoryModel::composeRows() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<ExecutionRecord> running;
    for (const RunningExecution &execution : m_running) {
        // A resumed execution keeps its id: while it runs again, the running row stands for it.
        if (runningMatches(execution))
            running.append(recordOfRunning(execution, now));
    }
    for (const Ending &ending : m_ending) {
        if (runningMatches(ending.execution))
            running.append(recordOfRunning(ending.execution, now));
    }
    if (running.isEmpty())
        return m_stored;
    QSet<QString> runningIds;
    for (const ExecutionRecord &record : std::as_const(running))
        runningIds.insert(record.id);
    std::sort(running.begin(), running.end(),
              [](const ExecutionRecord &a, const ExecutionRecord &b) { return a.startedAt > b.startedAt; });
    QList<ExecutionRecord> rows;
    rows.reserve(running.size() + m_stored.size());
    qsizetype next = 0;
    for (const ExecutionRecord &record : m_stored) {
        if (runningIds.contains(record.id))
            continue;
        while (next < running.size() && running.at(next).startedAt >= record.startedAt)
            rows.append(running.at(next++));
        rows.append(record);
    }
    while (next < running.size())
        rows.append(running.at(next++));
    return rows;
}

void HistoryModel::syncRows(const QList<ExecutionRecord> &target)
{
    QSet<QString> targetIds;
    for (const ExecutionRecord &record : target)
        targetIds.insert(record.id);
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (targetIds.contains(m_rows.at(i).id))
            continue;
        int first = i; // remove the whole run of rows that go, at once
        while (first > 0 && !targetIds.contains(m_rows.at(first - 1).id))
            --first;
        beginRemoveRows({}, first, i);
        m_rows.remove(first, i - first + 1);
        endRemoveRows();
        i = first;
    }
    QSet<QString> shown;
    for (const ExecutionRecord &record : std::as_const(m_rows))
        shown.insert(record.id);
    for (int i = 0; i < target.size(); ++i) {
        const ExecutionRecord &wanted = target.at(i);
        if (!shown.contains(wanted.id)) {
            int last = i; // insert the whole run of new rows at once
            while (last + 1 < target.size() && !shown.contains(target.at(last + 1).id))
                ++last;
            beginInsertRows({}, i, last);
            for (int k = i; k <= last; ++k) {
                m_rows.insert(k, target.at(k));
                shown.insert(target.at(k).id);
            }
            endInsertRows();
            i = last;
            continue;
        }
        if (m_rows.at(i).id != wanted.id) {
            int from = i + 1;
            while (m_rows.at(from).id != wanted.id)
                ++from;
            beginMoveRows({}, from, from, {}, i);
            m_rows.move(from, i);
            endMoveRows();
        }
        if (!sameRow(m_rows.at(i), wanted)) {
            m_rows[i] = wanted;
            emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
        }
    }
}

int HistoryModel::rowOf(const QString &executionId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == executionId)
            return row;
    }
    return -1;
}

QString HistoryModel::flowName(const ExecutionRecord &record) const
{
    const QString current = m_flowNames.value(record.flowId);
    if (!current.isEmpty())
        return current;
    return record.flowName.isEmpty() ? record.flowId : record.flowName;
}

void HistoryModel::loadExecution(const QString &executionId,
                                 std::function<void(Result<ExecutionRecord>)> done)
{
    runTracked([store = &m_store, executionId] { return store->get(executionId); },
               [done = std::move(done)](Result<ExecutionRecord> record) { done(std::move(record)); });
}

void HistoryModel::clearHistory(const QString &flowId, std::function<void(Result<int>)> done)
{
    runTracked([store = &m_store, flowId] { return store->clear(flowId); },
               [this, done = std::move(done)](Result<int> removed) {
                   refresh();
                   done(std::move(removed));
               });
}

QString HistoryModel::durationText(qint64 durationUs)
{
    if (durationUs < 1000)
        return tr("%1 µs").arg(durationUs);
    if (durationUs < 1'000'000)
        return tr("%1 ms").arg(double(durationUs) / 1000.0, 0, 'f', durationUs < 10'000 ? 1 : 0);
    if (durationUs < 60'000'000)
        return tr("%1 s").arg(double(durationUs) / 1e6, 0, 'f', 2);
    const qint64 seconds = durationUs / 1'000'000;
    return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
}

QString HistoryModel::statusText(ExecutionStatus status)
{
    switch (status) {
    case ExecutionStatus::InProgress:
        return tr("In progress");
    case ExecutionStatus::Success:
        return tr("Success");
    case ExecutionStatus::Failed:
        return tr("Failed");
    case ExecutionStatus::Paused:
        return tr("Paused");
    case ExecutionStatus::Canceled:
        return tr("Canceled");
    case ExecutionStatus::TimedOut:
        return tr("Timed out");
    }
    return {};
}

QColor HistoryModel::statusColor(ExecutionStatus status)
{
    switch (status) {
    case ExecutionStatus::InProgress:
        return QColor(0x1e, 0x88, 0xe5);
    case ExecutionStatus::Success:
        return QColor(0x2e, 0x9d, 0x4f);
    case ExecutionStatus::Failed:
        return QColor(0xd3, 0x2f, 0x2f);
    case ExecutionStatus::Paused:
        return QColor(0xf5, 0xa6, 0x23);
    case ExecutionStatus::Canceled:
        return QColor(0x8a, 0x8a, 0x8a);
    case ExecutionStatus::TimedOut:
        return QColor(0xe6, 0x5c, 0x00);
    }
    return {};
}

QIcon HistoryModel::statusIcon(ExecutionStatus status) const
{
    auto found = m_icons.constFind(int(status));
    if (found != m_icons.constEnd())
        return *found;
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(statusColor(status));
    painter.drawEllipse(QRectF(6, 6, 20, 20));
    painter.end();
    return *m_icons.insert(int(status), QIcon(pixmap));
}

QString HistoryModel::kindText(ExecutionKind kind)
{
    switch (kind) {
    case ExecutionKind::Invoke:
        return tr("Invoke");
    case ExecutionKind::Resume:
        return tr("Resume");
    case ExecutionKind::Retry:
        return tr("Retry");
    }
    return {};
}

QString HistoryModel::callerText(const CallerInfo &caller)
{
    QString security;
    switch (caller.securityLevel) {
    case SecurityLevel::None:
        security = tr("Public");
        break;
    case SecurityLevel::ClientToken:
        security = tr("Client token");
        break;
    case SecurityLevel::OAuth2:
        security = tr("OAuth 2.0");
        break;
    }
    QStringList parts{caller.address.isEmpty() ? tr("unknown address") : caller.address};
    if (!caller.clientId.isEmpty())
        parts.append(caller.clientId);
    parts.append(security);
    return parts.join(QStringLiteral(" · "));
}

} // namespace wf::ui
