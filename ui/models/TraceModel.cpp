#include "models/TraceModel.h"

#include "models/HistoryModel.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QJsonDocument>
#include <algorithm>

namespace wf::ui {
namespace {

constexpr int kPreviewLength = 120;

// One line of compact JSON for the tree; the whole value is in the JSON pane.
QString preview(const QJsonObject &object)
{
    QString text = QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
    if (text.size() > kPreviewLength)
        text = text.left(kPreviewLength - 1) + QChar(0x2026);
    return text;
}

QString errorText(const Error &error)
{
    return QStringLiteral("%1: %2").arg(errorTypeName(error.type), error.message);
}

bool failed(ExecutionStatus status)
{
    return status == ExecutionStatus::Failed || status == ExecutionStatus::TimedOut ||
           status == ExecutionStatus::Canceled;
}

} // namespace

TraceModel::TraceModel(QObject *parent) : QAbstractItemModel(parent) {}

TraceModel::~TraceModel() = default;

void TraceModel::setTrace(const Trace &trace, ExecutionStatus status)
{
    beginResetModel();
    m_trace = trace;
    m_failingEntry = -1;
    if (failed(status)) {
        for (int i = int(m_trace.size()) - 1; i >= 0 && m_failingEntry < 0; --i) {
            if (m_trace.at(i).error)
                m_failingEntry = i;
        }
        // Return Error fails the execution without a card error; timeouts and cancels blame no card.
        if (m_failingEntry < 0 && status == ExecutionStatus::Failed && !m_trace.isEmpty())
            m_failingEntry = int(m_trace.size()) - 1;
    }
    build();
    endResetModel();
}

void TraceModel::clear()
{
    setTrace({}, ExecutionStatus::Success);
}

void TraceModel::build()
{
    m_nodes.clear();
    m_topLevel.clear();
    QList<int> openCards; // the card node open at each depth
    for (int entry = 0; entry < m_trace.size(); ++entry) {
        const int depth = std::max(0, m_trace.at(entry).depth);
        openCards.resize(std::min<qsizetype>(depth, openCards.size()));
        const int parent = openCards.isEmpty() ? -1 : openCards.last();
        const int card = addNode(Node::Kind::Card, entry, parent);
        addNode(Node::Kind::Inputs, entry, card);
        addNode(Node::Kind::Outputs, entry, card);
        openCards.append(card);
    }
}

int TraceModel::addNode(Node::Kind kind, int entry, int parent)
{
    Node node;
    node.kind = kind;
    node.entry = entry;
    node.parent = parent;
    const int id = int(m_nodes.size());
    QList<int> &siblings = parent < 0 ? m_topLevel : m_nodes[parent].children;
    node.row = int(siblings.size());
    siblings.append(id);
    m_nodes.append(node);
    return id;
}

QModelIndex TraceModel::failingIndex() const
{
    if (m_failingEntry < 0)
        return {};
    for (int id = 0; id < m_nodes.size(); ++id) {
        const Node &node = m_nodes.at(id);
        if (node.kind == Node::Kind::Card && node.entry == m_failingEntry)
            return createIndex(node.row, 0, quintptr(id));
    }
    return {};
}

QModelIndex TraceModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const QList<int> &siblings =
        parent.isValid() ? m_nodes.at(int(parent.internalId())).children : m_topLevel;
    return createIndex(row, column, quintptr(siblings.at(row)));
}

QModelIndex TraceModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int parentId = m_nodes.at(int(child.internalId())).parent;
    if (parentId < 0)
        return {};
    return createIndex(m_nodes.at(parentId).row, 0, quintptr(parentId));
}

int TraceModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_topLevel.size());
    if (parent.column() != 0)
        return 0;
    return int(m_nodes.at(int(parent.internalId())).children.size());
}

int TraceModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant TraceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &node = m_nodes.at(int(index.internalId()));
    return node.kind == Node::Kind::Card ? cardData(node, index.column(), role)
                                         : portData(node, index.column(), role);
}

QVariant TraceModel::cardData(const Node &node, int column, int role) const
{
    const TraceEntry &entry = m_trace.at(node.entry);
    const bool failing = node.entry == m_failingEntry;
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(column)) {
        case Card:
            return entry.name.isEmpty() ? entry.cardId : entry.name;
        case Function:
            return entry.function;
        case Duration:
            return HistoryModel::durationText(entry.durationUs);
        case Error:
            return entry.error ? errorText(*entry.error) : QString();
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        return entry.error ? errorText(*entry.error) : tr("Card id: %1").arg(entry.cardId);
    case Qt::ForegroundRole:
        if (failing || entry.error)
            return QBrush(HistoryModel::statusColor(ExecutionStatus::Failed));
        return {};
    case Qt::BackgroundRole:
        if (failing) {
            QColor tint = HistoryModel::statusColor(ExecutionStatus::Failed);
            tint.setAlpha(40);
            return QBrush(tint);
        }
        return {};
    case Qt::FontRole:
        if (failing) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case JsonRole: {
        QJsonObject object{{QStringLiteral("inputs"), entry.inputs},
                           {QStringLiteral("outputs"), entry.outputs}};
        if (entry.error)
            object.insert(QStringLiteral("error"),
                          QJsonObject{{QStringLiteral("type"), errorTypeName(entry.error->type)},
                                      {QStringLiteral("message"), entry.error->message}});
        return object;
    }
    case FailingRole:
        return failing;
    default:
        return {};
    }
}

QVariant TraceModel::portData(const Node &node, int column, int role) const
{
    const TraceEntry &entry = m_trace.at(node.entry);
    const QJsonObject &object = node.kind == Node::Kind::Inputs ? entry.inputs : entry.outputs;
    switch (role) {
    case Qt::DisplayRole:
        if (column == Card)
            return node.kind == Node::Kind::Inputs ? tr("Inputs") : tr("Outputs");
        if (column == Function)
            return preview(object);
        return {};
    case Qt::ToolTipRole:
        return column == Function ? preview(object) : QVariant();
    case JsonRole:
        return object;
    case FailingRole:
        return false;
    default:
        return {};
    }
}

QVariant TraceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Card:
        return tr("Card");
    case Function:
        return tr("Function / value");
    case Duration:
        return tr("Duration");
    case Error:
        return tr("Error");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace wf::ui
