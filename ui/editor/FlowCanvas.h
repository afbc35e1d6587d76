#pragma once

// The flow as a column of cards: the event card, then each card in running order, block cards with
// their blocks nested. Shows the validator's problems on the cards and inputs, keeps one card
// selected, and reports what the user does on it: a click, "Add card" in a block, an output
// dropped on an input, a card dragged elsewhere. The cards are rebuilt from the flow after every
// change.

#include "editor/FlowEdits.h"
#include "flow/FlowJson.h"

#include <QHash>
#include <QPointer>
#include <QScrollArea>
#include <memory>

class QHBoxLayout;

namespace wf::ui {

class BlockFrame;
class CardFrame;
class OutputScope;
class InputRow;

class FlowCanvas final : public QScrollArea {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlowCanvas)

public:
    explicit FlowCanvas(QWidget *parent = nullptr);
    ~FlowCanvas() override;

    // Shows `flow` (rebuilding every card) with `problems`; the selection stays when its card is still
    // there and is dropped without selectionChanged() when it is not.
    void showFlow(const Flow &flow, const QList<FlowProblem> &problems);
    void clear();
    void setProblems(const QList<FlowProblem> &problems);
    // Marks the cards of the last test run: card id → true when it ran, false when it failed.
    void setRunMarks(const QHash<QString, bool> &marks);

    // The selected card: its id, "event" for the event card, empty for none.
    QString selectedCard() const { return m_selected; }
    void selectCard(const QString &cardId);

    CardFrame *cardFrame(const QString &cardId) const;
    InputRow *inputRow(const flowedit::InputKey &key) const;
    // The ids of the cards shown, depth first in running order (the event card first).
    QStringList cardOrder() const { return m_order; }

signals:
    void selectionChanged(const QString &cardId);
    void addCardRequested(const wf::ui::flowedit::InsertPoint &at);
    void bindingDropped(const wf::ui::flowedit::InputKey &key, const QString &reference);
    // A card was dragged to another place.
    void cardMoved(const QString &cardId, const wf::ui::flowedit::InsertPoint &to);
    void endpointSettingsClicked();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void rebuild(const Flow &flow);
    void registerFrame(CardFrame *frame);
    void registerBlock(BlockFrame *block);
    void registerInput(InputRow *row);
    void retireHost();

    QWidget *m_content = nullptr;
    QHBoxLayout *m_row = nullptr;
    QWidget *m_host = nullptr;
    QList<QPointer<QWidget>> m_retired;
    Flow m_flow; // what the cards show, for the drops on them
    std::shared_ptr<const OutputScope> m_scope;
    QHash<QString, CardFrame *> m_frames;
    QList<InputRow *> m_inputs;
    QStringList m_order;
    QString m_selected;
    QHash<QString, bool> m_runMarks;
};

} // namespace wf::ui
