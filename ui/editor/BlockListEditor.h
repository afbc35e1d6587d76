#pragma once

// Edits the blocks of an If/Else, If/ElseIf or If Error card: each block's label, and for If/ElseIf
// each block's condition (a, operator, b, compare as), whether the last block is the "otherwise"
// block, and adding or removing blocks.

#include "editor/OutputScope.h"

#include <QHash>
#include <QWidget>

class QLabel;

namespace wf::ui {

class BindingEditor;

class BlockListEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlockListEditor)

public:
    BlockListEditor(const CardNode &node, const QList<OutputRef> &choices, QWidget *parent = nullptr);
    ~BlockListEditor() override;

    BindingEditor *conditionEditor(int block, const QString &input) const;
    // Problems by input name ("a", "operator", ...) and on "blocks".
    void setProblems(const QHash<QString, QString> &byField);

signals:
    void labelEdited(int block, const QString &label);
    void conditionEdited(int block, const QString &input, const wf::Binding &binding, bool typing);
    // The last block becomes the "otherwise" block (no condition) or gets a condition again.
    void otherwiseToggled(bool otherwise);
    void blockAdded();
    void blockRemoved(int block);

private:
    QWidget *makeBlock(const CardNode &node, int index, const QList<OutputRef> &choices);

    QHash<QString, BindingEditor *> m_conditions; // "<block>/<input>"
    QLabel *m_problem = nullptr;
};

} // namespace wf::ui
