#include "widgets/ChipMultiSelect.h"

#include "widgets/FlowLayout.h"

#include <QApplication>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QScreen>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace wf::ui {
namespace {

constexpr int kMaxVisibleRows = 8;

} // namespace

// --- ChipChoiceModel ------------------------------------------------------------------------------

ChipChoiceModel::ChipChoiceModel(QObject *parent) : QAbstractListModel(parent) {}

ChipChoiceModel::~ChipChoiceModel() = default;

void ChipChoiceModel::setItems(const QList<ChipChoice> &items)
{
    m_items = items;
    refilter();
}

void ChipChoiceModel::setExcluded(const QStringList &ids)
{
    m_excluded = QSet<QString>(ids.cbegin(), ids.cend());
    refilter();
}

void ChipChoiceModel::setFilter(const QString &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    refilter();
}

ChipChoice ChipChoiceModel::choiceAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_items.at(m_rows.at(row)) : ChipChoice();
}

bool ChipChoiceModel::matches(const ChipChoice &choice, const QString &filter)
{
    const QString needle = filter.trimmed();
    return needle.isEmpty() || choice.name.contains(needle, Qt::CaseInsensitive) ||
           choice.id.contains(needle, Qt::CaseInsensitive);
}

void ChipChoiceModel::refilter()
{
    QList<int> rows;
    for (int i = 0; i < m_items.size(); ++i) {
        const ChipChoice &choice = m_items.at(i);
        if (!m_excluded.contains(choice.id) && matches(choice, m_filter))
            rows.append(i);
    }
    // A handful of app integrations: a reset is cheap and keeps the popup's selection simple.
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int ChipChoiceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ChipChoiceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ChipChoice &choice = m_items.at(m_rows.at(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        if (choice.note.isEmpty())
            return tr("%1 — %2").arg(choice.name, choice.id);
        return tr("%1 — %2 (%3)").arg(choice.name, choice.id, choice.note);
    case Qt::ToolTipRole:
        return choice.note.isEmpty() ? choice.id : QString(choice.id + QLatin1String("\n") + choice.note);
    case IdRole:
        return choice.id;
    case NameRole:
        return choice.name;
    case NoteRole:
        return choice.note;
    default:
        return {};
    }
}

QHash<int, QByteArray> ChipChoiceModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "choiceId");
    names.insert(NameRole, "name");
    names.insert(NoteRole, "note");
    return names;
}

// --- ChipMultiSelect ------------------------------------------------------------------------------

ChipMultiSelect::ChipMultiSelect(QWidget *parent) : QWidget(parent)
{
    m_model = new ChipChoiceModel(this);

    m_chipArea = new QWidget(this);
    m_chipArea->setObjectName(QStringLiteral("chipArea"));
    m_chipLayout = new FlowLayout(m_chipArea);
    m_chipArea->hide();

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("chipFilter"));
    m_filter->setPlaceholderText(tr("Type to filter, Enter to add"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);

    m_dropDown = new QToolButton(this);
    m_dropDown->setObjectName(QStringLiteral("chipDropDown"));
    m_dropDown->setArrowType(Qt::DownArrow);
    m_dropDown->setToolTip(tr("Show every choice"));
    m_dropDown->setAccessibleName(tr("Show every choice"));

    buildPopup();

    auto *input = new QHBoxLayout;
    input->setContentsMargins(0, 0, 0, 0);
    input->setSpacing(2);
    input->addWidget(m_filter, 1);
    input->addWidget(m_dropDown);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_chipArea);
    layout->addLayout(input);
    setFocusProxy(m_filter);

    connect(m_filter, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_model->setFilter(text);
        showPopup();
    });
    connect(m_dropDown, &QToolButton::clicked, this, [this] {
        m_filter->setFocus();
        m_model->setFilter(m_filter->text());
        showPopup();
    });
    connect(m_popup, &QListView::clicked, this, [this](const QModelIndex &index) { addRow(index.row()); });
    // The mouse picks the row it is over, so Enter after pointing adds what is highlighted.
    connect(m_popup, &QListView::entered, this,
            [this](const QModelIndex &index) { m_popup->setCurrentIndex(index); });
}

ChipMultiSelect::~ChipMultiSelect() = default;

void ChipMultiSelect::buildPopup()
{
    // A child that is its own window: found by findChild(), closed by Qt on a click elsewhere.
    m_popup = new QListView(this);
    m_popup->setObjectName(QStringLiteral("chipPopup"));
    m_popup->setWindowFlags(Qt::Popup);
    m_popup->setModel(m_model);
    m_popup->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_popup->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_popup->setSelectionMode(QAbstractItemView::SingleSelection);
    m_popup->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_popup->setUniformItemSizes(true);
    m_popup->setMouseTracking(true);
    m_popup->setFocusPolicy(Qt::NoFocus);
    m_popup->setFocusProxy(m_filter);
    m_popup->installEventFilter(this);
}

void ChipMultiSelect::setItems(const QList<Item> &items)
{
    m_items = items;
    m_model->setItems(items);
    rebuildChips();
    if (m_popup->isVisible())
        showPopup();
}

void ChipMultiSelect::setSelectedIds(const QStringList &ids)
{
    QStringList unique;
    for (const QString &id : ids) {
        if (!id.isEmpty() && !unique.contains(id))
            unique.append(id);
    }
    if (unique == m_selected)
        return;
    m_selected = unique;
    m_model->setExcluded(m_selected);
    rebuildChips();
    emit selectionChanged();
}

QStringList ChipMultiSelect::unknownIds() const
{
    QStringList unknown;
    for (const QString &id : m_selected) {
        if (!itemById(id))
            unknown.append(id);
    }
    return unknown;
}

void ChipMultiSelect::setPlaceholderText(const QString &text)
{
    m_filter->setPlaceholderText(text);
}

void ChipMultiSelect::showPopup()
{
    const int rows = m_model->rowCount();
    if (rows == 0 || !isEnabled() || !isVisible()) {
        m_popup->hide();
        return;
    }
    const int rowHeight = qMax(m_popup->sizeHintForRow(0), fontMetrics().height());
    const int frame = 2 * m_popup->frameWidth();
    const int height = rowHeight * qMin(rows, kMaxVisibleRows) + frame;
    const int width =
        qMax(m_filter->width() + m_dropDown->width(),
             m_popup->sizeHintForColumn(0) + frame + m_popup->verticalScrollBar()->sizeHint().width());
    QPoint topLeft = m_filter->mapToGlobal(QPoint(0, m_filter->height()));
    // Above the field when there is no room under it.
    if (const QScreen *screen = m_filter->screen();
        screen && topLeft.y() + height > screen->availableGeometry().bottom())
        topLeft.setY(m_filter->mapToGlobal(QPoint(0, 0)).y() - height);
    m_popup->setGeometry(QRect(topLeft, QSize(width, height)));
    m_popup->setCurrentIndex(m_model->index(0, 0));
    if (!m_popup->isVisible())
        m_popup->show();
}

void ChipMultiSelect::hidePopup()
{
    m_popup->hide();
}

bool ChipMultiSelect::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (watched == m_filter)
            return filterKeyPressed(key);
        if (watched == m_popup)
            return popupKeyPressed(key);
    }
    return QWidget::eventFilter(watched, event);
}

bool ChipMultiSelect::filterKeyPressed(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Down:
        m_model->setFilter(m_filter->text());
        showPopup();
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        // Enter in the field adds the first match of what was typed; with nothing typed it is left
        // to the dialog (its default button).
        if (m_filter->text().trimmed().isEmpty())
            return false;
        m_model->setFilter(m_filter->text());
        if (m_model->rowCount() > 0)
            addRow(0);
        return true;
    default:
        return false;
    }
}

bool ChipMultiSelect::popupKeyPressed(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
        return false; // the list moves its current row
    case Qt::Key_Return:
    case Qt::Key_Enter: {
        const QModelIndex current = m_popup->currentIndex();
        addRow(current.isValid() ? current.row() : 0);
        return true;
    }
    case Qt::Key_Escape:
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
        m_popup->hide();
        return true;
    default:
        // Typing goes on in the field while the list is open (the popup has the keyboard).
        QApplication::sendEvent(m_filter, event);
        return true;
    }
}

void ChipMultiSelect::hideEvent(QHideEvent *event)
{
    m_popup->hide();
    QWidget::hideEvent(event);
}

void ChipMultiSelect::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::EnabledChange && !isEnabled())
        m_popup->hide();
    QWidget::changeEvent(event);
}

void ChipMultiSelect::addRow(int row)
{
    const ChipChoice choice = m_model->choiceAt(row);
    if (!choice.id.isEmpty())
        addId(choice.id);
}

void ChipMultiSelect::addId(const QString &id)
{
    m_popup->hide();
    m_filter->clear();
    m_model->setFilter(QString());
    if (m_selected.contains(id))
        return;
    m_selected.append(id);
    m_model->setExcluded(m_selected);
    rebuildChips();
    emit selectionChanged();
}

void ChipMultiSelect::removeId(const QString &id)
{
    if (!m_selected.removeAll(id))
        return;
    m_model->setExcluded(m_selected);
    rebuildChips();
    m_filter->setFocus(); // the ✕ that had the focus is gone
    emit selectionChanged();
}

void ChipMultiSelect::rebuildChips()
{
    for (QFrame *chip : std::as_const(m_chips)) {
        // The ✕ being clicked may be in this chip: take it out now (so it is neither shown nor found)
        // and delete it once its click is over.
        chip->hide();
        chip->setParent(nullptr);
        chip->deleteLater();
    }
    m_chips.clear();
    for (const QString &id : std::as_const(m_selected)) {
        QFrame *chip = makeChip(id);
        m_chipLayout->addWidget(chip);
        m_chips.append(chip);
    }
    m_chipArea->setVisible(!m_chips.isEmpty());
    m_chipArea->updateGeometry(); // the height its chips need changed
    updateGeometry();
}

QFrame *ChipMultiSelect::makeChip(const QString &id)
{
    const Item *item = itemById(id);
    auto *chip = new QFrame(m_chipArea);
    chip->setObjectName(QLatin1String("chip_") + id);
    chip->setProperty("unknown", item == nullptr);
    // ".QFrame" matches the chip only, not the QLabel inside it (a QFrame too).
    chip->setStyleSheet(item
                            ? QStringLiteral(".QFrame { border: 1px solid palette(mid); border-radius: 11px;"
                                             " background: palette(button); }")
                            : QStringLiteral(".QFrame { border: 1px solid palette(dark); border-radius: 11px;"
                                             " background: palette(base); }"));
    auto *label = new QLabel(chip);
    label->setObjectName(QLatin1String("chip_") + id + QLatin1String("_label"));
    if (item) {
        label->setText(item->name);
        label->setToolTip(item->note.isEmpty() ? id : QString(id + QLatin1String("\n") + item->note));
    } else {
        label->setText(tr("%1 (unknown)").arg(id));
        label->setToolTip(tr("No item has this id any more. Remove it or keep it for when it comes back."));
        QFont font = label->font();
        font.setItalic(true);
        label->setFont(font);
    }
    const QString name = item ? item->name : id;
    auto *remove = new QToolButton(chip);
    remove->setObjectName(QLatin1String("chip_") + id + QLatin1String("_remove"));
    remove->setText(QStringLiteral("✕"));
    remove->setAutoRaise(true);
    remove->setToolTip(tr("Remove %1").arg(name));
    remove->setAccessibleName(tr("Remove %1").arg(name));
    auto *layout = new QHBoxLayout(chip);
    layout->setContentsMargins(10, 1, 2, 1);
    layout->setSpacing(2);
    layout->addWidget(label);
    layout->addWidget(remove);
    connect(remove, &QToolButton::clicked, this, [this, id] { removeId(id); });
    return chip;
}

const ChipMultiSelect::Item *ChipMultiSelect::itemById(const QString &id) const
{
    for (const Item &item : m_items) {
        if (item.id == id)
            return &item;
    }
    return nullptr;
}

} // namespace wf::ui
