#include "models/FlowListModel.h"

#include "ConsoleSession.h"
#include "models/HistoryModel.h"
#include "store/HistoryStore.h"

#include <QColor>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

namespace wf::ui {
namespace {

// Above this many inserted or removed rows a reset is cheaper than row-by-row signals.
constexpr qsizetype kMaxIncrementalRows = 32;
constexpr int kClockIntervalMs = 30 * 1000;

QStringList idsOf(const QList<Flow> &flows)
{
    QStringList ids;
    ids.reserve(flows.size());
    for (const Flow &flow : flows)
        ids.append(flow.id);
    return ids;
}

QStringList keptIn(const QStringList &ids, const QSet<QString> &others)
{
    QStringList kept;
    for (const QString &id : ids) {
        if (others.contains(id))
            kept.append(id);
    }
    return kept;
}

// Readable on the light and the dark palette alike.
QColor statusColor(ExecutionStatus status)
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    switch (status) {
    case ExecutionStatus::Success:
        return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32);
    case ExecutionStatus::Failed:
    case ExecutionStatus::TimedOut:
        return dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xc6, 0x28, 0x28);
    case ExecutionStatus::Paused:
    case ExecutionStatus::InProgress:
        return dark ? QColor(0x90, 0xca, 0xf9) : QColor(0x15, 0x65, 0xc0);
    case ExecutionStatus::Canceled:
        break;
    }
    return {};
}

} // namespace

FlowListModel::FlowListModel(ConsoleSession &session, QObject *parent)
    : QAbstractTableModel(parent), m_session(session), m_flows(session.workspace().flows())
{
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, &FlowListModel::refreshLastRuns);
    connect(&m_reading, &QFutureWatcher<LastRuns>::finished, this, &FlowListModel::readFinished);
    m_clock.setInterval(kClockIntervalMs);
    connect(&m_clock, &QTimer::timeout, this, [this] {
        if (!m_flows.isEmpty())
            emit dataChanged(index(0, LastRunColumn), index(rowCount() - 1, LastRunColumn),
                             {Qt::DisplayRole, Qt::ToolTipRole});
    });
    m_clock.start();

    connect(&session, &ConsoleSession::flowsChanged, this, &FlowListModel::syncFlows);
    connect(&session, &ConsoleSession::workspaceReloaded, this, &FlowListModel::syncFlows);
    connect(&session.server(), &ServerController::requestFinished, this, &FlowListModel::scheduleRefresh);
    refreshLastRuns();
}

FlowListModel::~FlowListModel()
{
    m_reading.waitForFinished(); // its result is dropped with the watcher
}

int FlowListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_flows.size());
}

int FlowListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kColumnCount;
}

QVariant FlowListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Flow &flow = m_flows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(flow, column);
    case Qt::EditRole:
        return column == NameColumn ? QVariant(flow.name) : displayData(flow, column);
    case Qt::CheckStateRole:
        if (column == ActiveColumn)
            return flow.active ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole:
        if (column == NameColumn)
            return flow.description.isEmpty() ? flow.id : flow.description;
        if (column == LastRunColumn && m_lastRuns.contains(flow.id))
            return QLocale().toString(m_lastRuns.value(flow.id).startedAt.toLocalTime(), QLocale::LongFormat);
        return {};
    case Qt::ForegroundRole:
        if (column == LastStatusColumn && m_lastRuns.contains(flow.id)) {
            const QColor color = statusColor(m_lastRuns.value(flow.id).status);
            return color.isValid() ? QVariant(color) : QVariant();
        }
        return {};
    case FlowIdRole:
        return flow.id;
    case SortRole:
        return sortData(flow, column);
    case FilterRole:
        return QString(flow.name + QLatin1Char('\n') + flow.description + QLatin1Char('\n') + flow.id);
    default:
        return {};
    }
}

QVariant FlowListModel::displayData(const Flow &flow, int column) const
{
    const auto lastRun = m_lastRuns.constFind(flow.id);
    const bool ran = lastRun != m_lastRuns.constEnd();
    switch (column) {
    case NameColumn:
        return flow.name;
    case ActiveColumn:
        return flow.active ? tr("On") : tr("Off");
    case TypeColumn:
        return flow.isHelper() ? tr("Helper flow") : tr("API endpoint");
    case SecurityColumn:
        return securityDisplayName(flow);
    case LastRunColumn:
        return ran ? friendlyTime(lastRun->startedAt, QDateTime::currentDateTimeUtc()) : tr("Never");
    case LastStatusColumn:
        return ran ? statusDisplayName(lastRun->status) : QStringLiteral("—");
    default:
        return {};
    }
}

QVariant FlowListModel::sortData(const Flow &flow, int column) const
{
    switch (column) {
    case ActiveColumn:
        return flow.active ? 1 : 0;
    case LastRunColumn: {
        const auto lastRun = m_lastRuns.constFind(flow.id);
        return lastRun == m_lastRuns.constEnd() ? qint64(-1) : lastRun->startedAt.toMSecsSinceEpoch();
    }
    default:
        return displayData(flow, column);
    }
}

QVariant FlowListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ActiveColumn:
        return tr("On");
    case TypeColumn:
        return tr("Type");
    case SecurityColumn:
        return tr("Security level");
    case LastRunColumn:
        return tr("Last run");
    case LastStatusColumn:
        return tr("Last status");
    default:
        return {};
    }
}

Qt::ItemFlags FlowListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return flags;
    if (index.column() == NameColumn)
        flags |= Qt::ItemIsEditable;
    if (index.column() == ActiveColumn)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

bool FlowListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    if (index.column() == NameColumn && role == Qt::EditRole) {
        const QString name = value.toString().trimmed();
        if (name.isEmpty()) {
            emit editFailed(tr("A flow needs a name."));
            return false;
        }
        if (name == m_flows.at(index.row()).name)
            return true;
        return saveEdit(index.row(), [&name](Flow &flow) { flow.name = name; });
    }
    if (index.column() == ActiveColumn && role == Qt::CheckStateRole) {
        const bool active = value.toInt() == Qt::Checked;
        if (active == m_flows.at(index.row()).active)
            return true;
        return saveEdit(index.row(), [active](Flow &flow) { flow.active = active; });
    }
    return false;
}

bool FlowListModel::saveEdit(int row, const std::function<void(Flow &)> &change)
{
    const QString id = m_flows.at(row).id;
    const auto saved =
        m_session.edit(ConsoleSession::Change::Flows, [&](Workspace &workspace) -> Result<bool> {
            const Flow *current = workspace.flowById(id);
            if (!current)
                return makeError(ErrorType::NotFound, tr("The flow '%1' no longer exists.").arg(id));
            Flow flow = *current;
            change(flow);
            return workspace.updateFlow(std::move(flow), m_session.secrets());
        });
    if (!saved) {
        emit editFailed(
            tr("The change to '%1' was not saved: %2").arg(m_flows.at(row).name, saved.error().message));
        return false;
    }
    return true; // the session announced the change and syncFlows() showed it
}

QString FlowListModel::flowId(int row) const
{
    return row >= 0 && row < m_flows.size() ? m_flows.at(row).id : QString();
}

int FlowListModel::rowOf(const QString &flowId) const
{
    for (qsizetype row = 0; row < m_flows.size(); ++row) {
        if (m_flows.at(row).id == flowId)
            return int(row);
    }
    return -1;
}

void FlowListModel::syncFlows()
{
    const QList<Flow> &flows = m_session.workspace().flows();
    if (!syncByInsertAndRemove(flows)) {
        beginResetModel();
        m_flows = flows;
        endResetModel();
    }
    refreshLastRuns();
}

// Turns the rows into `flows` with row removals and insertions, so that views keep their selection
// and scroll position, then refreshes every row's data. False (nothing done) when flows were
// reordered or too many changed: a reset is the honest signal then.
bool FlowListModel::syncByInsertAndRemove(const QList<Flow> &flows)
{
    const QStringList oldIds = idsOf(m_flows);
    const QStringList newIds = idsOf(flows);
    const QSet<QString> oldSet(oldIds.cbegin(), oldIds.cend());
    const QSet<QString> newSet(newIds.cbegin(), newIds.cend());
    if (oldSet.size() != oldIds.size() || newSet.size() != newIds.size())
        return false; // duplicate ids: rows cannot be matched by id
    const QStringList kept = keptIn(oldIds, newSet);
    if (kept != keptIn(newIds, oldSet))
        return false;
    if ((oldIds.size() - kept.size()) + (newIds.size() - kept.size()) > kMaxIncrementalRows)
        return false;

    for (qsizetype row = m_flows.size() - 1; row >= 0; --row) {
        if (newSet.contains(m_flows.at(row).id))
            continue;
        beginRemoveRows({}, int(row), int(row));
        m_flows.removeAt(row);
        endRemoveRows();
    }
    // m_flows now holds the kept flows in their new order: each insertion lands at its final row.
    for (qsizetype row = 0; row < flows.size(); ++row) {
        if (oldSet.contains(flows.at(row).id))
            continue;
        beginInsertRows({}, int(row), int(row));
        m_flows.insert(row, flows.at(row));
        endInsertRows();
    }
    m_flows = flows;
    if (!m_flows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, kColumnCount - 1));
    return true;
}

void FlowListModel::scheduleRefresh()
{
    if (!m_sinceRefresh.isValid() || m_sinceRefresh.elapsed() >= kRefreshIntervalMs) {
        refreshLastRuns();
        return;
    }
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start(int(kRefreshIntervalMs - m_sinceRefresh.elapsed()));
}

void FlowListModel::refreshLastRuns()
{
    m_refreshTimer.stop();
    m_sinceRefresh.start();
    if (m_readRunning) {
        m_readAgain = true; // the flows or history changed since that read started
        return;
    }
    m_readRunning = true;
    // Not runInBackground(): with Qt 6.4 a continuation whose context object is destroyed while the
    // work runs asserts. A watcher drops the result with itself, and the destructor can wait for the
    // read, which must not outlive the history it reads.
    HistoryStore *history = &m_session.history();
    m_reading.setFuture(QtConcurrent::run([history, ids = idsOf(m_flows)] {
        LastRuns runs;
        for (const QString &id : ids) {
            HistoryFilter filter;
            filter.flowId = id;
            filter.limit = 1;
            const auto newest = history->list(filter);
            if (newest && !newest->isEmpty())
                runs.insert(id, LastRun{newest->constFirst().startedAt, newest->constFirst().status});
        }
        return runs;
    }));
}

void FlowListModel::readFinished()
{
    m_readRunning = false;
    m_lastRuns = m_reading.result();
    if (!m_flows.isEmpty())
        emit dataChanged(index(0, LastRunColumn), index(rowCount() - 1, LastStatusColumn));
    emit lastRunsLoaded();
    if (m_readAgain) {
        m_readAgain = false;
        refreshLastRuns();
    }
}

QString FlowListModel::friendlyTime(const QDateTime &when, const QDateTime &now)
{
    const QDateTime local = when.toLocalTime();
    const QDateTime localNow = now.toLocalTime();
    const qint64 seconds = local.secsTo(localNow);
    const QLocale locale;
    if (seconds >= -60 && seconds < 60)
        return tr("just now");
    if (seconds > 0 && seconds < 3600)
        return tr("%n min ago", nullptr, int(seconds / 60));
    if (seconds > 0 && seconds < 6 * 3600)
        return tr("%n h ago", nullptr, int(seconds / 3600));
    const QString time = locale.toString(local.time(), QLocale::ShortFormat);
    if (local.date() == localNow.date())
        return tr("Today %1").arg(time);
    if (local.date() == localNow.date().addDays(-1))
        return tr("Yesterday %1").arg(time);
    return locale.toString(local, QLocale::ShortFormat);
}

QString FlowListModel::statusDisplayName(ExecutionStatus status)
{
    return HistoryModel::statusText(status); // one wording for a status wherever it shows
}

// The words of securityLevelDisplayName(), translatable here.
QString FlowListModel::securityDisplayName(const Flow &flow)
{
    if (flow.isHelper())
        return QStringLiteral("—");
    switch (flow.endpoint.security) {
    case SecurityLevel::ClientToken:
        return tr("Secure with client token");
    case SecurityLevel::OAuth2:
        return tr("Secure with OAuth 2.0");
    case SecurityLevel::None:
        break;
    }
    return tr("None (public service)");
}

} // namespace wf::ui
