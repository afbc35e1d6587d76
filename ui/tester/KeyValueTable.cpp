#include "KeyValueTable.h"

#include <QAction>
#include <QHeaderView>
#include <QKeyEvent>
#include <QTableWidget>
#include <QVBoxLayout>

namespace wf::ui {

namespace {
constexpr int kEnabledColumn = 0;
constexpr int kNameColumn = 1;
constexpr int kValueColumn = 2;
} // namespace

KeyValueTable::KeyValueTable(const QString &namePlaceholder, const QString &valuePlaceholder, QWidget *parent)
    : QWidget(parent), m_namePlaceholder(namePlaceholder), m_valuePlaceholder(valuePlaceholder)
{
    m_table = new QTableWidget(0, 3, this);
    m_table->setObjectName(QStringLiteral("keyValueTable"));
    m_table->setHorizontalHeaderLabels({QString(), tr("Name"), tr("Value")});
    m_table->horizontalHeader()->setSectionResizeMode(kEnabledColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(kNameColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->resizeSection(kNameColumn, 220);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->installEventFilter(this);
    auto *remove = new QAction(tr("Remove row"), m_table);
    remove->setObjectName(QStringLiteral("removeRow"));
    connect(remove, &QAction::triggered, this, &KeyValueTable::removeSelectedRows);
    m_table->addAction(remove);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);

    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (m_filling)
            return;
        ensureEmptyLastRow();
        emit rowsChanged();
    });
    ensureEmptyLastRow();
}

QList<tester::KeyValue> KeyValueTable::rows() const
{
    QList<tester::KeyValue> rows;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *enabled = m_table->item(row, kEnabledColumn);
        const QTableWidgetItem *name = m_table->item(row, kNameColumn);
        const QTableWidgetItem *value = m_table->item(row, kValueColumn);
        const QString nameText = name ? name->text() : QString();
        const QString valueText = value ? value->text() : QString();
        if (nameText.isEmpty() && valueText.isEmpty())
            continue;
        rows.append({nameText, valueText, !enabled || enabled->checkState() == Qt::Checked});
    }
    return rows;
}

void KeyValueTable::setRows(const QList<tester::KeyValue> &rows)
{
    m_filling = true;
    m_table->setRowCount(0);
    for (const tester::KeyValue &row : rows)
        appendRow(row);
    m_filling = false;
    ensureEmptyLastRow();
    emit rowsChanged();
}

void KeyValueTable::appendRow(const tester::KeyValue &row)
{
    const int index = m_table->rowCount();
    m_table->insertRow(index);
    auto *enabled = new QTableWidgetItem;
    enabled->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    enabled->setCheckState(row.enabled ? Qt::Checked : Qt::Unchecked);
    enabled->setToolTip(tr("Send this row"));
    m_table->setItem(index, kEnabledColumn, enabled);
    auto *name = new QTableWidgetItem(row.name);
    auto *value = new QTableWidgetItem(row.value);
    if (row.name.isEmpty() && row.value.isEmpty()) {
        name->setToolTip(m_namePlaceholder);
        value->setToolTip(m_valuePlaceholder);
    }
    m_table->setItem(index, kNameColumn, name);
    m_table->setItem(index, kValueColumn, value);
}

void KeyValueTable::ensureEmptyLastRow()
{
    const int last = m_table->rowCount() - 1;
    const auto isEmpty = [this](int row) {
        const QTableWidgetItem *name = m_table->item(row, kNameColumn);
        const QTableWidgetItem *value = m_table->item(row, kValueColumn);
        return (!name || name->text().isEmpty()) && (!value || value->text().isEmpty());
    };
    if (last >= 0 && isEmpty(last))
        return;
    const bool filling = m_filling;
    m_filling = true;
    appendRow({});
    m_filling = filling;
}

void KeyValueTable::removeSelectedRows()
{
    QList<int> selected;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        selected.append(index.row());
    if (selected.isEmpty() && m_table->currentRow() >= 0)
        selected.append(m_table->currentRow());
    std::sort(selected.begin(), selected.end(), std::greater<>());
    m_filling = true;
    for (int row : selected)
        m_table->removeRow(row);
    m_filling = false;
    ensureEmptyLastRow();
    emit rowsChanged();
}

bool KeyValueTable::eventFilter(QObject *watched, QEvent *event)
{
    // While a cell is edited its editor has the keys: Delete reaches the table only between edits.
    if (watched == m_table && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Delete) {
        removeSelectedRows();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace wf::ui
