#pragma once

// The right pane of the flow editor: everything about the selected card. For a card: its label and
// id, each input's binding (an earlier output, a constant, or nothing), the fields it lets the flow
// declare (Return fields, Compose placeholders, declared outputs), its helper flow, and the blocks of
// If/Else, If/ElseIf and If Error. For the event card: the API Endpoint's body, query and header
// fields (or a Helper Flow's inputs) and the endpoint settings. Every edit goes to the FlowDocument
// as an undoable change; the problems the validator finds are shown on the fields they concern.

#include "editor/FlowEdits.h"
#include "flow/FlowJson.h"

#include <QHash>
#include <QScrollArea>
#include <functional>

class QLabel;
class QLineEdit;
class QVBoxLayout;

namespace wf::ui {

class BindingEditor;
class BlockListEditor;
class FieldListEditor;
class FlowDocument;
class OutputScope;

class CardInspector final : public QScrollArea {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CardInspector)

public:
    explicit CardInspector(FlowDocument &document, QWidget *parent = nullptr);
    ~CardInspector() override;

    // The flows Call Flow, Call Flow Async, For Each and Map may call: (id, name).
    void setHelperFlows(const QList<std::pair<QString, QString>> &flows);

    // Shows the card `cardId` ("event": the event card; empty: nothing selected).
    void showCard(const QString &cardId);
    QString cardId() const { return m_cardId; }
    // Shows the document's content again, unless the change came from this pane (its widgets already
    // show it, and rebuilding them would take the focus from the field being typed in).
    void refresh();
    void setProblems(const QList<FlowProblem> &problems);
    // Ends the edit of the focused field, so that what was typed is in the document.
    void commitPendingEdits();

    BindingEditor *bindingEditor(const flowedit::InputKey &key) const;

signals:
    void endpointSettingsRequested();
    // The selected card got another id from the id field.
    void cardRenamed(const QString &from, const QString &to);

private:
    void rebuild();
    void buildPlaceholder(QVBoxLayout *layout);
    void buildEvent(QVBoxLayout *layout);
    void buildCard(const CardNode &node, QVBoxLayout *layout);
    void buildIdentity(const CardNode &node, QVBoxLayout *layout);
    void buildInputs(const CardNode &node, const OutputScope &scope, QVBoxLayout *layout);
    void buildDynamicInputs(const CardNode &node, const OutputScope &scope, QVBoxLayout *layout);
    void buildOutputs(const CardNode &node, QVBoxLayout *layout);
    void buildOptions(const CardNode &node, QVBoxLayout *layout);
    void buildBlocks(const CardNode &node, const OutputScope &scope, QVBoxLayout *layout);
    FieldListEditor *eventFieldsEditor(flowedit::EventFields kind, const QString &stem);
    void connectDynamicInputs(FieldListEditor *editor);
    void connectDeclaredOutputs(FieldListEditor *editor);
    void connectBlocks(BlockListEditor *editor);
    void editCondition(int block, const QString &input, const Binding &binding, bool typing);

    // Applies `edit` as one undo step. Edits that change what the pane shows (a block added) rebuild it.
    bool apply(const QString &text, const std::function<bool(Flow &)> &edit, const QString &mergeKey = {},
               bool rebuildAfter = false);
    // Applies `edit` to the shown card.
    bool applyToCard(const QString &text, const std::function<bool(CardNode &)> &edit,
                     const QString &mergeKey = {}, bool rebuildAfter = false);

    FlowDocument &m_document;
    QString m_cardId;
    QList<std::pair<QString, QString>> m_helperFlows;
    QList<FlowProblem> m_problems;
    bool m_selfEdit = false;
    bool m_rebuilding = false;
    QWidget *m_container = nullptr;
    QVBoxLayout *m_containerLayout = nullptr;
    QWidget *m_page = nullptr;
    QLabel *m_problemList = nullptr;
    QLineEdit *m_idEdit = nullptr;
    QHash<QString, BindingEditor *> m_bindings; // catalogue inputs by name
    QList<FieldListEditor *> m_fieldEditors;    // dynamic inputs and outputs (problems by field name)
    QHash<QString, FieldListEditor *> m_eventEditors;
    BlockListEditor *m_blocks = nullptr;
};

} // namespace wf::ui
