#include "editor/BlockListEditor.h"

#include "editor/BindingEditor.h"
#include "engine/CardIds.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace wf::ui {
namespace {

const QStringList kConditionInputs = {QStringLiteral("a"), QStringLiteral("operator"), QStringLiteral("b"),
                                      QStringLiteral("compareAs")};

QJsonValue conditionDefault(const QString &input)
{
    if (input == QLatin1String("operator"))
        return QStringLiteral("equal to");
    if (input == QLatin1String("compareAs"))
        return QStringLiteral("auto");
    return QJsonValue();
}

} // namespace

BlockListEditor::BlockListEditor(const CardNode &node, const QList<OutputRef> &choices, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("blockList"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("blocksProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_problem->hide();
    layout->addWidget(m_problem);
    for (qsizetype b = 0; b < node.blocks.size(); ++b)
        layout->addWidget(makeBlock(node, static_cast<int>(b), choices));
    if (node.function == cardid::kIfElseIf) {
        auto *add = new QPushButton(tr("Add block"), this);
        add->setObjectName(QStringLiteral("addBlock"));
        add->setToolTip(tr("Add a block with its own condition before the otherwise block"));
        connect(add, &QPushButton::clicked, this, &BlockListEditor::blockAdded);
        layout->addWidget(add, 0, Qt::AlignLeft);
    }
}

BlockListEditor::~BlockListEditor() = default;

QWidget *BlockListEditor::makeBlock(const CardNode &node, int index, const QList<OutputRef> &choices)
{
    const Block &block = node.blocks.at(index);
    auto *box = new QGroupBox(tr("Block %1").arg(index + 1), this);
    box->setObjectName(QStringLiteral("blockBox:%1").arg(index));
    auto *form = new QFormLayout(box);
    auto *label = new QLineEdit(block.label, box);
    label->setObjectName(QStringLiteral("blockLabel:%1").arg(index));
    connect(label, &QLineEdit::editingFinished, this,
            [this, index, label] { emit labelEdited(index, label->text().trimmed()); });
    form->addRow(tr("Label"), label);
    if (node.function != cardid::kIfElseIf)
        return box;

    const bool last = index == node.blocks.size() - 1;
    if (last) {
        auto *otherwise = new QCheckBox(tr("Otherwise (runs when no condition above holds)"), box);
        otherwise->setObjectName(QStringLiteral("blockOtherwise"));
        otherwise->setChecked(block.condition.isEmpty());
        connect(otherwise, &QCheckBox::toggled, this, &BlockListEditor::otherwiseToggled);
        form->addRow(otherwise);
    }
    if (!block.condition.isEmpty()) {
        for (const QString &input : kConditionInputs) {
            auto *editor = new BindingEditor(box);
            editor->setObjectName(QStringLiteral("binding:%1:%2").arg(index).arg(input));
            Binding binding;
            for (const InputBinding &entry : block.condition) {
                if (entry.name == input)
                    binding = entry.binding;
            }
            editor->setup(input,
                          input == QLatin1String("a") || input == QLatin1String("b") ? ValueType::any()
                                                                                     : ValueType::text(),
                          choices, binding, conditionDefault(input));
            connect(editor, &BindingEditor::bindingEdited, this,
                    [this, index, input](const Binding &edited, bool typing) {
                        emit conditionEdited(index, input, edited, typing);
                    });
            m_conditions.insert(QStringLiteral("%1/%2").arg(index).arg(input), editor);
            form->addRow(input == QLatin1String("compareAs") ? tr("compare as") : input, editor);
        }
    }
    if (node.blocks.size() > 2) {
        auto *remove = new QPushButton(tr("Remove block"), box);
        remove->setObjectName(QStringLiteral("removeBlock:%1").arg(index));
        remove->setToolTip(tr("Remove this block and the cards in it"));
        connect(remove, &QPushButton::clicked, this, [this, index] { emit blockRemoved(index); });
        form->addRow(remove);
    }
    return box;
}

BindingEditor *BlockListEditor::conditionEditor(int block, const QString &input) const
{
    return m_conditions.value(QStringLiteral("%1/%2").arg(block).arg(input));
}

void BlockListEditor::setProblems(const QHash<QString, QString> &byField)
{
    for (auto it = m_conditions.cbegin(); it != m_conditions.cend(); ++it)
        it.value()->setProblem(byField.value(it.key().section(QLatin1Char('/'), 1)));
    const QString blocks = byField.value(QStringLiteral("blocks"));
    m_problem->setText(blocks);
    m_problem->setVisible(!blocks.isEmpty());
}

} // namespace wf::ui
