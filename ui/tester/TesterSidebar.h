#pragma once

// The left side of the request tester: the history of sent requests (searchable, one click loads a
// request back) and the collections of saved requests with folders, stored as plain files in the
// workspace (tester/collections/), with Postman Collection v2.1 import and export.

#include "tester/Collection.h"
#include "tester/TesterHistory.h"

#include <QWidget>
#include <functional>

class QLineEdit;
class QListWidget;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace wf::ui {

class TesterSidebar final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TesterSidebar)

public:
    explicit TesterSidebar(const QString &workspaceDir, QWidget *parent = nullptr);

    // Seams for the dialogs, so tests answer instead of a person.
    using TextAsker = std::function<std::optional<QString>(const QString &question, const QString &initial)>;
    using Confirmer = std::function<bool(const QString &question)>;
    using FileChooser = std::function<QString(bool save, const QString &suggestedName)>;
    void setTextAsker(TextAsker asker) { m_ask = std::move(asker); }
    void setConfirmer(Confirmer confirmer) { m_confirm = std::move(confirmer); }
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }

    tester::TesterHistory &history() { return m_history; }
    void addHistoryEntry(const tester::TesterHistoryEntry &entry);

    // Saves `document` into the collection item it was loaded from, else (or when `asNew`) into the
    // selected collection or folder under a name asked for (a collection "Requests" is made when
    // there is none). Returns a sentence saying what happened.
    QString saveRequest(tester::RequestDocument document, bool asNew);
    QString newCollection();
    QString importPostman();
    QString exportPostman();

    QListWidget *historyList() const { return m_historyList; }
    QTreeWidget *collectionTree() const { return m_tree; }
    void showCollections();

signals:
    void requestChosen(const tester::RequestDocument &document);
    void message(const QString &text);

private:
    struct Location {
        QString collectionId;
        QList<int> path; // indexes from the collection's items down to the item
    };
    void fillHistory();
    void fillCollections();
    void addItems(QTreeWidgetItem *parent, const QString &collectionId,
                  const std::vector<tester::CollectionItem> &items, QList<int> path);
    std::optional<Location> locationOf(const QTreeWidgetItem *item) const;
    tester::CollectionItem *itemAt(tester::Collection &collection, const QList<int> &path) const;
    std::vector<tester::CollectionItem> *childrenAt(tester::Collection &collection,
                                                    const QList<int> &path) const;
    void activateTreeItem(QTreeWidgetItem *item);
    void newFolder();
    void renameSelected();
    void deleteSelected();
    void deleteHistoryEntry();
    void clearHistory();
    bool store(const tester::Collection &collection);
    QString report(const QString &text);

    tester::TesterHistory m_history;
    tester::CollectionStore m_collections;
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_search = nullptr;
    QListWidget *m_historyList = nullptr;
    QTreeWidget *m_tree = nullptr;
    std::optional<Location> m_loadedFrom; // the collection request last loaded into the editor
    TextAsker m_ask;
    Confirmer m_confirm;
    FileChooser m_chooseFile;
};

} // namespace wf::ui
