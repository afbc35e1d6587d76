#pragma once

// A card of the flow on the canvas: its title, inputs (name, type and what each is bound to) beside
// its outputs (name and type, each draggable onto a later input), and for If/Else, If/ElseIf and
// If Error its blocks with their nested cards. The event card has its own widget (EventCardWidget).

#include "editor/CardFrame.h"
#include "editor/FlowEdits.h"
#include "editor/InputRow.h"
#include "editor/OutputScope.h"

#include <functional>

class QGridLayout;

namespace wf::ui {

class BlockFrame;

// What the cards of one canvas are built from, and how they report back to it.
struct CardBuildContext {
    const Flow &flow;
    const CardCatalogue &catalogue;
    const OutputScope &scope;
    std::function<void(CardFrame *)> frameBuilt;                // every card frame, nested ones too
    std::function<void(InputRow *)> inputBuilt;                 // every input row
    std::function<void(const flowedit::InsertPoint &)> addCard; // "Add card" at the end of a block
    std::function<void(BlockFrame *)> blockBuilt;               // every block frame
};

class CardWidget final : public CardFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CardWidget)

public:
    CardWidget(const CardNode &node, const CardBuildContext &context, QWidget *parent = nullptr);
    ~CardWidget() override;

    // How an input shows a binding: the source card's title and output for a reference, the constant,
    // or the default when the input is unset.
    static InputRow::Value valueOf(const Binding &binding, const QJsonValue &defaultValue,
                                   const CardBuildContext &context);

private:
    void addPorts(const CardNode &node, const CardSpec *spec, const CardBuildContext &context);
    void addBlocks(const CardNode &node, const CardBuildContext &context);
    InputRow *inputRow(const flowedit::InputKey &key, const QString &label, ValueType type,
                       const Binding &binding, const QJsonValue &defaultValue,
                       const CardBuildContext &context);
};

} // namespace wf::ui
