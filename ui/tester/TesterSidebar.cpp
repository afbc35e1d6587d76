#include "TesterSidebar.h"

#include "Icons.h"
#include "tester/PostmanCollection.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QSaveFile>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace wf::ui {

namespace {

constexpr int kCollectionRole = Qt::UserRole;
constexpr int kPathRole = Qt::UserRole + 1;
constexpr int kEntryRole = Qt::UserRole;
// Collections larger than a tester needs are refused before they are read.
constexpr qint64 kMaxImportBytes = 32 * 1024 * 1024;

QToolButton *toolButton(const QString &iconName, const QString &text, const QString &name, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(name);
    button->setIcon(icon(iconName));
    button->setToolTip(text);
    button->setAutoRaise(true);
    return button;
}

QString historyLabel(const tester::TesterHistoryEntry &entry)
{
    const QString outcome = entry.status > 0 ? QString::number(entry.status) : TesterSidebar::tr("failed");
    const QUrl url(entry.resolvedUrl);
    return QStringLiteral("%1  %2 %3")
        .arg(outcome, entry.request.method, url.isValid() ? url.path() : entry.resolvedUrl);
}

} // namespace

TesterSidebar::TesterSidebar(const QString &workspaceDir, QWidget *parent)
    : QWidget(parent), m_history(workspaceDir), m_collections(workspaceDir)
{
    m_ask = [this](const QString &question, const QString &initial) -> std::optional<QString> {
        bool ok = false;
        const QString text =
            QInputDialog::getText(this, tr("Request tester"), question, QLineEdit::Normal, initial, &ok);
        return ok ? std::optional<QString>(text) : std::nullopt;
    };
    m_confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Request tester"), question) == QMessageBox::Yes;
    };
    m_chooseFile = [this](bool save, const QString &suggested) {
        const QString filter = tr("Postman collection (*.json)");
        return save
                   ? QFileDialog::getSaveFileName(this, tr("Export as Postman collection"), suggested, filter)
                   : QFileDialog::getOpenFileName(this, tr("Import a Postman collection"), QString(), filter);
    };

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("historySearch"));
    m_search->setPlaceholderText(tr("Search history"));
    m_search->setClearButtonEnabled(true);
    m_historyList = new QListWidget(this);
    m_historyList->setObjectName(QStringLiteral("testerHistory"));
    m_historyList->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_historyList->setTextElideMode(Qt::ElideMiddle);
    m_historyList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *removeEntry = new QAction(tr("Remove from history"), m_historyList);
    removeEntry->setShortcut(QKeySequence::Delete);
    removeEntry->setShortcutContext(Qt::WidgetShortcut);
    connect(removeEntry, &QAction::triggered, this, &TesterSidebar::deleteHistoryEntry);
    auto *clear = new QAction(tr("Clear history..."), m_historyList);
    clear->setObjectName(QStringLiteral("clearTesterHistory"));
    connect(clear, &QAction::triggered, this, &TesterSidebar::clearHistory);
    m_historyList->addActions({removeEntry, clear});
    auto *historyPage = new QWidget(this);
    auto *historyLayout = new QVBoxLayout(historyPage);
    historyLayout->addWidget(m_search);
    historyLayout->addWidget(m_historyList, 1);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("collections"));
    m_tree->setHeaderHidden(true);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    const auto addTreeAction = [this](const QString &text, const QString &name, auto slot,
                                      const QKeySequence &keys = {}) {
        auto *action = new QAction(text, m_tree);
        action->setObjectName(name);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetShortcut);
        connect(action, &QAction::triggered, this, slot);
        m_tree->addAction(action);
    };
    addTreeAction(tr("New folder..."), QStringLiteral("newFolder"), &TesterSidebar::newFolder);
    addTreeAction(tr("Rename..."), QStringLiteral("renameItem"), &TesterSidebar::renameSelected,
                  QKeySequence(Qt::Key_F2));
    addTreeAction(tr("Delete..."), QStringLiteral("deleteItem"), &TesterSidebar::deleteSelected,
                  QKeySequence::Delete);
    addTreeAction(tr("Export as Postman collection..."), QStringLiteral("exportPostman"),
                  [this] { exportPostman(); });
    auto *newButton =
        toolButton(QStringLiteral("add"), tr("New collection"), QStringLiteral("newCollection"), this);
    auto *importButton = toolButton(QStringLiteral("import"), tr("Import a Postman collection"),
                                    QStringLiteral("importPostman"), this);
    auto *exportButton =
        toolButton(QStringLiteral("export"), tr("Export the selected collection as Postman v2.1"),
                   QStringLiteral("exportPostmanButton"), this);
    auto *collectionsPage = new QWidget(this);
    auto *collectionsLayout = new QVBoxLayout(collectionsPage);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(newButton);
    buttons->addWidget(importButton);
    buttons->addWidget(exportButton);
    buttons->addStretch(1);
    collectionsLayout->addLayout(buttons);
    collectionsLayout->addWidget(m_tree, 1);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("testerSidebarTabs"));
    m_tabs->addTab(historyPage, tr("History"));
    m_tabs->addTab(collectionsPage, tr("Collections"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    connect(m_search, &QLineEdit::textChanged, this, &TesterSidebar::fillHistory);
    connect(m_historyList, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const QString id = item->data(kEntryRole).toString();
        for (const tester::TesterHistoryEntry &entry : m_history.entries())
            if (entry.id == id) {
                m_loadedFrom.reset();
                emit requestChosen(entry.request);
                return;
            }
    });
    connect(m_tree, &QTreeWidget::itemActivated, this, &TesterSidebar::activateTreeItem);
    connect(newButton, &QToolButton::clicked, this, [this] { report(newCollection()); });
    connect(importButton, &QToolButton::clicked, this, [this] { report(importPostman()); });
    connect(exportButton, &QToolButton::clicked, this, [this] { report(exportPostman()); });

    if (const auto loaded = m_history.load(); !loaded)
        report(tr("The tester's history could not be read: %1").arg(loaded.error().message));
    fillHistory();
    fillCollections();
}

QString TesterSidebar::report(const QString &text)
{
    if (!text.isEmpty())
        emit message(text);
    return text;
}

void TesterSidebar::addHistoryEntry(const tester::TesterHistoryEntry &entry)
{
    if (const auto appended = m_history.append(entry); !appended)
        report(tr("The request was not added to the tester's history: %1").arg(appended.error().message));
    fillHistory();
}

void TesterSidebar::fillHistory()
{
    m_historyList->clear();
    const QString text = m_search->text().trimmed();
    const QList<tester::TesterHistoryEntry> entries =
        text.isEmpty() ? m_history.entries() : m_history.search(text);
    for (const tester::TesterHistoryEntry &entry : entries) {
        auto *item = new QListWidgetItem(historyLabel(entry), m_historyList);
        item->setData(kEntryRole, entry.id);
        QString tip = entry.resolvedUrl + QLatin1Char('\n') +
                      QLocale().toString(entry.sentAt.toLocalTime(), QLocale::ShortFormat);
        if (!entry.error.isEmpty())
            tip += QLatin1Char('\n') + entry.error;
        item->setToolTip(tip);
    }
}

void TesterSidebar::deleteHistoryEntry()
{
    const QListWidgetItem *item = m_historyList->currentItem();
    if (!item)
        return;
    if (const auto removed = m_history.remove(item->data(kEntryRole).toString()); !removed)
        report(removed.error().message);
    fillHistory();
}

void TesterSidebar::clearHistory()
{
    if (m_history.entries().isEmpty() || !m_confirm(tr("Clear the request tester's history?")))
        return;
    if (const auto cleared = m_history.clear(); !cleared)
        report(cleared.error().message);
    fillHistory();
}

void TesterSidebar::showCollections()
{
    m_tabs->setCurrentIndex(1);
}

void TesterSidebar::fillCollections()
{
    m_tree->clear();
    for (const tester::CollectionStore::Entry &entry : m_collections.list()) {
        auto *top = new QTreeWidgetItem(m_tree, {entry.name.isEmpty() ? entry.id : entry.name});
        top->setData(0, kCollectionRole, entry.id);
        top->setData(0, kPathRole, QVariantList());
        top->setIcon(0, icon(QStringLiteral("flows")));
        if (!entry.error.isEmpty()) {
            top->setText(0, tr("%1 (cannot be read)").arg(entry.id));
            top->setToolTip(0, entry.error);
            top->setIcon(0, icon(QStringLiteral("warning")));
            continue;
        }
        const auto collection = m_collections.load(entry.id);
        if (collection)
            addItems(top, entry.id, collection->items, {});
        top->setExpanded(true);
    }
}

void TesterSidebar::addItems(QTreeWidgetItem *parent, const QString &collectionId,
                             const std::vector<tester::CollectionItem> &items, QList<int> path)
{
    for (int index = 0; index < int(items.size()); ++index) {
        const tester::CollectionItem &item = items[size_t(index)];
        QList<int> itemPath = path;
        itemPath.append(index);
        QVariantList pathValue;
        for (int step : itemPath)
            pathValue.append(step);
        const QString label =
            item.isFolder ? item.name : QStringLiteral("%1  %2").arg(item.request.method, item.name);
        auto *node = new QTreeWidgetItem(parent, {label});
        node->setData(0, kCollectionRole, collectionId);
        node->setData(0, kPathRole, pathValue);
        node->setIcon(0, icon(item.isFolder ? QStringLiteral("cards") : QStringLiteral("play")));
        if (!item.isFolder)
            node->setToolTip(0, item.request.url);
        if (item.isFolder)
            addItems(node, collectionId, item.children, itemPath);
        node->setExpanded(true);
    }
}

std::optional<TesterSidebar::Location> TesterSidebar::locationOf(const QTreeWidgetItem *item) const
{
    if (!item)
        return std::nullopt;
    Location location{item->data(0, kCollectionRole).toString(), {}};
    for (const QVariant &step : item->data(0, kPathRole).toList())
        location.path.append(step.toInt());
    return location;
}

tester::CollectionItem *TesterSidebar::itemAt(tester::Collection &collection, const QList<int> &path) const
{
    std::vector<tester::CollectionItem> *items = &collection.items;
    tester::CollectionItem *item = nullptr;
    for (int step : path) {
        if (step < 0 || size_t(step) >= items->size())
            return nullptr;
        item = &(*items)[size_t(step)];
        items = &item->children;
    }
    return item;
}

std::vector<tester::CollectionItem> *TesterSidebar::childrenAt(tester::Collection &collection,
                                                               const QList<int> &path) const
{
    if (path.isEmpty())
        return &collection.items;
    tester::CollectionItem *item = itemAt(collection, path);
    return item && item->isFolder ? &item->children : nullptr;
}

void TesterSidebar::activateTreeItem(QTreeWidgetItem *treeItem)
{
    const auto location = locationOf(treeItem);
    if (!location || location->path.isEmpty())
        return;
    auto collection = m_collections.load(location->collectionId);
    if (!collection) {
        report(collection.error().message);
        return;
    }
    const tester::CollectionItem *item = itemAt(collection.value(), location->path);
    if (!item || item->isFolder)
        return;
    m_loadedFrom = location;
    emit requestChosen(item->request);
}

bool TesterSidebar::store(const tester::Collection &collection)
{
    const auto saved = m_collections.save(collection);
    if (!saved) {
        report(tr("The collection was not saved: %1").arg(saved.error().message));
        return false;
    }
    fillCollections();
    return true;
}

QString TesterSidebar::newCollection()
{
    const auto name = m_ask(tr("Name of the new collection:"), tr("Requests"));
    if (!name || name->trimmed().isEmpty())
        return {};
    tester::Collection collection;
    collection.name = name->trimmed();
    if (!store(collection))
        return {};
    showCollections();
    return tr("Collection \"%1\" created.").arg(collection.name);
}

void TesterSidebar::newFolder()
{
    auto location = locationOf(m_tree->currentItem());
    if (!location)
        return;
    auto collection = m_collections.load(location->collectionId);
    if (!collection)
        return (void)report(collection.error().message);
    std::vector<tester::CollectionItem> *children = childrenAt(collection.value(), location->path);
    if (!children) { // a request: the folder goes next to it
        location->path.removeLast();
        children = childrenAt(collection.value(), location->path);
    }
    const auto name = m_ask(tr("Name of the new folder:"), tr("New folder"));
    if (!children || !name || name->trimmed().isEmpty())
        return;
    tester::CollectionItem folder;
    folder.isFolder = true;
    folder.name = name->trimmed();
    children->push_back(folder);
    store(collection.value());
}

void TesterSidebar::renameSelected()
{
    const auto location = locationOf(m_tree->currentItem());
    if (!location)
        return;
    auto collection = m_collections.load(location->collectionId);
    if (!collection)
        return (void)report(collection.error().message);
    tester::CollectionItem *item = itemAt(collection.value(), location->path);
    const QString current = item ? item->name : collection->name;
    const auto name = m_ask(tr("New name:"), current);
    if (!name || name->trimmed().isEmpty() || name->trimmed() == current)
        return;
    if (item) {
        item->name = name->trimmed();
        item->request.name = item->name;
    } else {
        collection->name = name->trimmed();
    }
    store(collection.value());
}

void TesterSidebar::deleteSelected()
{
    const auto location = locationOf(m_tree->currentItem());
    if (!location)
        return;
    const QString label = m_tree->currentItem()->text(0);
    if (!m_confirm(tr("Delete \"%1\"? This cannot be undone.").arg(label)))
        return;
    if (location->path.isEmpty()) {
        if (const auto removed = m_collections.remove(location->collectionId); !removed)
            report(removed.error().message);
        fillCollections();
        return;
    }
    auto collection = m_collections.load(location->collectionId);
    if (!collection)
        return (void)report(collection.error().message);
    QList<int> parentPath = location->path;
    const int index = parentPath.takeLast();
    std::vector<tester::CollectionItem> *siblings = childrenAt(collection.value(), parentPath);
    if (!siblings || size_t(index) >= siblings->size())
        return;
    siblings->erase(siblings->begin() + index);
    m_loadedFrom.reset();
    store(collection.value());
}

QString TesterSidebar::saveRequest(tester::RequestDocument document, bool asNew)
{
    if (m_loadedFrom && !asNew) {
        auto collection = m_collections.load(m_loadedFrom->collectionId);
        tester::CollectionItem *item = collection ? itemAt(collection.value(), m_loadedFrom->path) : nullptr;
        if (item && !item->isFolder) {
            document.name = item->name;
            item->request = document;
            return store(collection.value()) ? tr("Saved \"%1\" in \"%2\".").arg(item->name, collection->name)
                                             : QString();
        }
    }
    auto location = locationOf(m_tree->currentItem());
    if (!location) {
        const QList<tester::CollectionStore::Entry> entries = m_collections.list();
        const auto usable =
            std::find_if(entries.cbegin(), entries.cend(),
                         [](const tester::CollectionStore::Entry &entry) { return entry.error.isEmpty(); });
        if (usable == entries.cend()) {
            tester::Collection fresh;
            fresh.name = tr("Requests");
            const auto saved = m_collections.save(fresh);
            if (!saved)
                return report(tr("The collection was not saved: %1").arg(saved.error().message));
            location = Location{*saved, {}};
        } else {
            location = Location{usable->id, {}};
        }
    }
    auto collection = m_collections.load(location->collectionId);
    if (!collection)
        return report(collection.error().message);
    std::vector<tester::CollectionItem> *children = childrenAt(collection.value(), location->path);
    if (!children) {
        location->path.removeLast();
        children = childrenAt(collection.value(), location->path);
    }
    const QString suggested = document.name.isEmpty()
                                  ? QStringLiteral("%1 %2").arg(document.method, QUrl(document.url).path())
                                  : document.name;
    const auto name = m_ask(tr("Save the request in \"%1\" as:").arg(collection->name), suggested);
    if (!children || !name || name->trimmed().isEmpty())
        return {};
    tester::CollectionItem item;
    item.name = name->trimmed();
    document.name = item.name;
    item.request = document;
    children->push_back(item);
    location->path.append(int(children->size()) - 1);
    if (!store(collection.value()))
        return {};
    m_loadedFrom = location;
    showCollections();
    return tr("Saved \"%1\" in \"%2\".").arg(item.name, collection->name);
}

QString TesterSidebar::importPostman()
{
    const QString path = m_chooseFile(false, QString());
    if (path.isEmpty())
        return {};
    QFile file(path);
    if (file.size() > kMaxImportBytes)
        return tr("%1 is larger than 32 MiB: not imported.").arg(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("Cannot read %1: %2").arg(path, file.errorString());
    auto imported = tester::fromPostmanCollection(file.readAll());
    if (!imported)
        return tr("%1 was not imported: %2").arg(path, imported.error().message);
    imported->collection.id.clear();
    if (!store(imported->collection))
        return {};
    showCollections();
    QString text = tr("Imported \"%1\".").arg(imported->collection.name);
    if (!imported->warnings.isEmpty())
        text += QLatin1Char(' ') + tr("Left out: %1").arg(imported->warnings.join(QStringLiteral("; ")));
    return text;
}

QString TesterSidebar::exportPostman()
{
    const auto location = locationOf(m_tree->currentItem());
    if (!location)
        return tr("Select a collection to export.");
    auto collection = m_collections.load(location->collectionId);
    if (!collection)
        return collection.error().message;
    const QString path = m_chooseFile(true, collection->id + QStringLiteral(".postman_collection.json"));
    if (path.isEmpty())
        return {};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(tester::toPostmanCollection(*collection)) < 0 ||
        !file.commit())
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    return tr("Exported \"%1\" to %2.").arg(collection->name, path);
}

} // namespace wf::ui
