#pragma once

// Choosing several items out of a list by name, as the endpoint settings dialog chooses the app
// integrations that may call a flow: type to filter (name or id, any case, anywhere in it), Enter
// or a click adds the item, each chosen item shows as a chip with an ✕ that removes it. A chosen id
// that is no longer among the items (a deleted app) keeps its chip, marked unknown, so that nothing
// is dropped without the user seeing it.

#include <QAbstractListModel>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QWidget>

class QFrame;
class QLineEdit;
class QListView;
class QToolButton;

namespace wf::ui {

class FlowLayout;

// One choice: `id` is what is stored (an app's client id), `name` what the user reads, `note` an
// optional remark shown with it ("inactive", "scope not granted").
struct ChipChoice {
    QString id;
    QString name;
    QString note;

    friend bool operator==(const ChipChoice &, const ChipChoice &) = default;
};

// The popup's rows: the items that match the filter and are not chosen yet, in the items' order.
class ChipChoiceModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChipChoiceModel)

public:
    enum Role { IdRole = Qt::UserRole + 1, NameRole, NoteRole };

    explicit ChipChoiceModel(QObject *parent = nullptr);
    ~ChipChoiceModel() override;

    void setItems(const QList<ChipChoice> &items);
    void setExcluded(const QStringList &ids);
    void setFilter(const QString &filter);
    QString filter() const { return m_filter; }

    ChipChoice choiceAt(int row) const;
    // Case-insensitive substring of the name or the id; an empty filter matches everything.
    static bool matches(const ChipChoice &choice, const QString &filter);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void refilter();

    QList<ChipChoice> m_items;
    QSet<QString> m_excluded;
    QString m_filter;
    QList<int> m_rows; // indexes into m_items
};

class ChipMultiSelect final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChipMultiSelect)

public:
    using Item = ChipChoice;

    explicit ChipMultiSelect(QWidget *parent = nullptr);
    ~ChipMultiSelect() override;

    void setItems(const QList<Item> &items);
    QList<Item> items() const { return m_items; }
    // Chosen ids in the order they were chosen; duplicates are dropped.
    void setSelectedIds(const QStringList &ids);
    QStringList selectedIds() const { return m_selected; }
    // Chosen ids that no item has (shown as unknown chips).
    QStringList unknownIds() const;

    void setPlaceholderText(const QString &text);
    QLineEdit *filterEdit() const { return m_filter; }
    QListView *popup() const { return m_popup; }
    ChipChoiceModel *choiceModel() const { return m_model; }

    // Opens the list of choices under the filter (every choice when the filter is empty).
    void showPopup();
    void hidePopup();

signals:
    // The chosen ids changed (by the user or by setSelectedIds()).
    void selectionChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildPopup();
    bool filterKeyPressed(QKeyEvent *event);
    bool popupKeyPressed(QKeyEvent *event);
    void addRow(int row);
    void addId(const QString &id);
    void removeId(const QString &id);
    void rebuildChips();
    QFrame *makeChip(const QString &id);
    const Item *itemById(const QString &id) const;

    QList<Item> m_items;
    QStringList m_selected;
    QWidget *m_chipArea = nullptr;
    FlowLayout *m_chipLayout = nullptr;
    QList<QFrame *> m_chips;
    QLineEdit *m_filter = nullptr;
    QToolButton *m_dropDown = nullptr;
    QListView *m_popup = nullptr;
    ChipChoiceModel *m_model = nullptr;
};

} // namespace wf::ui
