#pragma once

// The card catalogue: categories and cards on the left (filter as you type), the chosen card's
// inputs and outputs with their types on the right.

#include <QWidget>

class QTextBrowser;
class QTreeWidget;
class QLineEdit;

namespace wf::ui {

class CataloguePage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CataloguePage)

public:
    explicit CataloguePage(QWidget *parent = nullptr);
    ~CataloguePage() override;

    void focusFilter();

private:
    void fillCatalogue();
    void filterCatalogue(const QString &text);
    void showCard(const QString &functionId);

    QLineEdit *m_filter = nullptr;
    QTreeWidget *m_cards = nullptr;
    QTextBrowser *m_details = nullptr;
};

} // namespace wf::ui
