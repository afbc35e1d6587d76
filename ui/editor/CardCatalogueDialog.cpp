#include "editor/CardCatalogueDialog.h"

#include "editor/ValueText.h"
#include "engine/CardCatalogue.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace wf::ui {
namespace {

constexpr int kFunctionIdRole = Qt::UserRole + 1;

} // namespace

CardCatalogueDialog::CardCatalogueDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("cardCatalogueDialog"));
    setWindowTitle(tr("Add card"));
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("catalogueFilter"));
    m_filter->setPlaceholderText(tr("Search cards: name, category or function id"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("catalogueTree"));
    m_tree->setHeaderLabels({tr("Card"), tr("Function id")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setRootIsDecorated(false);
    m_description = new QLabel(this);
    m_description->setObjectName(QStringLiteral("catalogueDescription"));
    m_description->setWordWrap(true);
    m_description->setMinimumHeight(40);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("catalogueAdd"));
    m_buttons->button(QDialogButtonBox::Ok)->setDefault(true); // Enter in the search field adds
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("catalogueCancel"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_description);
    layout->addWidget(m_buttons);
    resize(520, 560);

    connect(m_filter, &QLineEdit::textChanged, this, &CardCatalogueDialog::filter);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &CardCatalogueDialog::showDescription);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (item && !item->data(0, kFunctionIdRole).toString().isEmpty())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!chosenFunctionId().isEmpty())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    fill();
}

CardCatalogueDialog::~CardCatalogueDialog() = default;

void CardCatalogueDialog::fill()
{
    QTreeWidgetItem *category = nullptr;
    for (const CardSpec &spec : CardCatalogue::builtIn().cards()) {
        if (!category || category->text(0) != spec.category) {
            category = new QTreeWidgetItem(m_tree, {spec.category});
            category->setFirstColumnSpanned(true);
            category->setFlags(Qt::ItemIsEnabled);
            QFont bold = category->font(0);
            bold.setBold(true);
            category->setFont(0, bold);
            category->setForeground(0, valuetext::categoryColour(spec.category));
            category->setExpanded(true);
        }
        auto *item = new QTreeWidgetItem(category, {spec.name, spec.functionId});
        item->setData(0, kFunctionIdRole, spec.functionId);
        item->setToolTip(0, spec.description);
    }
    m_tree->expandAll();
}

void CardCatalogueDialog::reset()
{
    m_filter->clear();
    filter(QString());
    m_filter->setFocus(Qt::OtherFocusReason);
}

QString CardCatalogueDialog::chosenFunctionId() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (!item || item->isHidden() || (item->parent() && item->parent()->isHidden()))
        return QString();
    return item->data(0, kFunctionIdRole).toString();
}

QList<QTreeWidgetItem *> CardCatalogueDialog::visibleCards() const
{
    QList<QTreeWidgetItem *> cards;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *category = m_tree->topLevelItem(i);
        if (category->isHidden())
            continue;
        for (int j = 0; j < category->childCount(); ++j) {
            if (!category->child(j)->isHidden())
                cards.append(category->child(j));
        }
    }
    return cards;
}

void CardCatalogueDialog::filter(const QString &text)
{
    const QString wanted = text.trimmed();
    QTreeWidgetItem *best = nullptr;
    QTreeWidgetItem *first = nullptr;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *category = m_tree->topLevelItem(i);
        bool anyVisible = false;
        for (int j = 0; j < category->childCount(); ++j) {
            QTreeWidgetItem *card = category->child(j);
            const bool visible = wanted.isEmpty() || card->text(0).contains(wanted, Qt::CaseInsensitive) ||
                                 card->text(1).contains(wanted, Qt::CaseInsensitive) ||
                                 category->text(0).contains(wanted, Qt::CaseInsensitive);
            card->setHidden(!visible);
            anyVisible = anyVisible || visible;
            if (!visible)
                continue;
            if (!first)
                first = card;
            // The card whose name is what was typed, else the first whose name starts with it.
            if (!wanted.isEmpty() && card->text(0).compare(wanted, Qt::CaseInsensitive) == 0 &&
                (!best || best->text(0).compare(wanted, Qt::CaseInsensitive) != 0))
                best = card;
            else if (!best && !wanted.isEmpty() && card->text(0).startsWith(wanted, Qt::CaseInsensitive))
                best = card;
        }
        category->setHidden(!anyVisible);
    }
    m_tree->setCurrentItem(best ? best : first);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!chosenFunctionId().isEmpty());
}

void CardCatalogueDialog::showDescription()
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    const QString functionId = item ? item->data(0, kFunctionIdRole).toString() : QString();
    const CardSpec *spec = CardCatalogue::builtIn().find(functionId);
    m_description->setText(
        spec ? QStringLiteral("%1 · %2\n%3").arg(spec->category, spec->name, spec->description) : QString());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(spec != nullptr);
}

bool CardCatalogueDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Up and Down in the search field move through the matching cards, so the hands stay on the keys.
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down) {
            const QList<QTreeWidgetItem *> cards = visibleCards();
            if (!cards.isEmpty()) {
                const qsizetype at = cards.indexOf(m_tree->currentItem());
                const qsizetype next = key->key() == Qt::Key_Down ? at + 1 : at - 1;
                m_tree->setCurrentItem(cards.at(std::clamp<qsizetype>(next, 0, cards.size() - 1)));
            }
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace wf::ui
