#pragma once

// Picks a card to add to the flow: the catalogue by category, filtered as the user types (name,
// category or function id); Up/Down move through the matches and Enter adds the highlighted card.
// Shown with open(), so nothing waits for it: the editor adds the card when it is accepted.

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace wf::ui {

class CardCatalogueDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CardCatalogueDialog)

public:
    explicit CardCatalogueDialog(QWidget *parent = nullptr);
    ~CardCatalogueDialog() override;

    // Clears the filter and shows the whole catalogue, ready for typing.
    void reset();
    // The function id of the highlighted card; empty when none is.
    QString chosenFunctionId() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fill();
    void filter(const QString &text);
    void showDescription();
    QList<QTreeWidgetItem *> visibleCards() const;

    QLineEdit *m_filter = nullptr;
    QTreeWidget *m_tree = nullptr;
    QLabel *m_description = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace wf::ui
