#include "editor/CardInspector.h"

#include "editor/BindingEditor.h"
#include "editor/BlockListEditor.h"
#include "editor/FieldListEditor.h"
#include "editor/FlowDocument.h"
#include "editor/OutputScope.h"
#include "engine/CardIds.h"

#include <QApplication>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace wf::ui {
namespace {

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    label->setContentsMargins(0, 10, 0, 2);
    return label;
}

QLabel *hint(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: gray;"));
    return label;
}

std::optional<ValueType> declaredType(ValueType type)
{
    return type == ValueType::any() ? std::nullopt : std::optional<ValueType>(type);
}

// Where the inputs the flow declared itself sit among the card's inputs.
QList<qsizetype> dynamicIndexes(const CardNode &node)
{
    const CardSpec *spec = CardCatalogue::builtIn().find(node.function);
    QList<qsizetype> indexes;
    for (qsizetype i = 0; i < node.inputs.size(); ++i) {
        if (!spec || !spec->findInput(node.inputs.at(i).name))
            indexes.append(i);
    }
    return indexes;
}

bool callsHelper(const QString &function)
{
    return function == cardid::kCallFlow || function == cardid::kCallFlowAsync ||
           function == cardid::kForEach || function == cardid::kMap;
}

} // namespace

CardInspector::CardInspector(FlowDocument &document, QWidget *parent)
    : QScrollArea(parent), m_document(document)
{
    setObjectName(QStringLiteral("cardInspector"));
    setWidgetResizable(true);
    setMinimumWidth(340);
    m_container = new QWidget;
    m_containerLayout = new QVBoxLayout(m_container);
    m_containerLayout->setContentsMargins(12, 12, 12, 12);
    setWidget(m_container);
    rebuild();
}

CardInspector::~CardInspector() = default;

void CardInspector::setHelperFlows(const QList<std::pair<QString, QString>> &flows)
{
    if (flows == m_helperFlows)
        return;
    m_helperFlows = flows;
    if (!m_cardId.isEmpty() && m_cardId != eventCardId())
        rebuild();
}

void CardInspector::showCard(const QString &cardId)
{
    commitPendingEdits();
    if (cardId == m_cardId && m_page)
        return;
    m_cardId = cardId;
    rebuild();
}

void CardInspector::refresh()
{
    if (m_selfEdit)
        return;
    if (!m_cardId.isEmpty() && m_cardId != eventCardId() && !flowedit::findCard(m_document.flow(), m_cardId))
        m_cardId.clear();
    rebuild();
}

void CardInspector::commitPendingEdits()
{
    QWidget *focus = QApplication::focusWidget();
    if (focus && m_page && m_page->isAncestorOf(focus))
        focus->clearFocus(); // a line edit reports editingFinished as it loses the focus
}

BindingEditor *CardInspector::bindingEditor(const flowedit::InputKey &key) const
{
    if (key.cardId != m_cardId)
        return nullptr;
    if (key.block >= 0)
        return m_blocks ? m_blocks->conditionEditor(key.block, key.name) : nullptr;
    return m_bindings.value(key.name);
}

void CardInspector::rebuild()
{
    // The old page may hold the widget whose signal led here: it goes once that signal has returned,
    // and its fields losing the focus must not edit anything.
    m_rebuilding = true;
    if (m_page) {
        m_page->hide();
        m_page->setParent(nullptr);
        m_page->deleteLater();
    }
    m_bindings.clear();
    m_fieldEditors.clear();
    m_eventEditors.clear();
    m_blocks = nullptr;
    m_idEdit = nullptr;
    m_page = new QWidget(m_container);
    m_page->setObjectName(QStringLiteral("inspectorPage"));
    auto *layout = new QVBoxLayout(m_page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_problemList = new QLabel(m_page);
    m_problemList->setObjectName(QStringLiteral("inspectorProblems"));
    m_problemList->setWordWrap(true);
    m_problemList->setStyleSheet(QStringLiteral("QLabel { color: #c62828; border: 1px solid #c62828; "
                                                "border-radius: 4px; padding: 4px; }"));
    m_problemList->hide();

    const CardNode *node = m_cardId.isEmpty() ? nullptr : flowedit::findCard(m_document.flow(), m_cardId);
    if (!m_document.isOpen() || m_cardId.isEmpty())
        buildPlaceholder(layout);
    else if (m_cardId == eventCardId())
        buildEvent(layout);
    else if (node)
        buildCard(*node, layout);
    else
        buildPlaceholder(layout);
    layout->addStretch(1);
    m_containerLayout->addWidget(m_page);
    m_page->show();
    m_rebuilding = false;
    setProblems(m_problems);
}

void CardInspector::buildPlaceholder(QVBoxLayout *layout)
{
    auto *label = hint(m_document.isOpen() ? tr("Select a card to edit its inputs and outputs.")
                                           : tr("Open a flow to edit it."),
                       m_page);
    label->setObjectName(QStringLiteral("inspectorPlaceholder"));
    label->setAlignment(Qt::AlignCenter);
    layout->addWidget(label);
}

void CardInspector::buildEvent(QVBoxLayout *layout)
{
    const Flow &flow = m_document.flow();
    auto *title = heading(flow.isHelper() ? tr("Helper Flow") : tr("API Endpoint"), m_page);
    title->setObjectName(QStringLiteral("inspectorTitle"));
    layout->addWidget(title);
    layout->addWidget(m_problemList);
    if (flow.isHelper()) {
        layout->addWidget(hint(tr("The inputs Call Flow, For Each and Map pass in; each is an output of this "
                                  "card (event.<name>)."),
                               m_page));
        layout->addWidget(heading(tr("Inputs"), m_page));
        layout->addWidget(eventFieldsEditor(flowedit::EventFields::HelperInputs, QStringLiteral("input")));
        return;
    }
    layout->addWidget(hint(tr("Declare the fields the flow reads from the request; each becomes an output "
                              "(event.body.<name>, ...). raw.* and context.* are always there."),
                           m_page));
    layout->addWidget(heading(tr("Body fields"), m_page));
    layout->addWidget(eventFieldsEditor(flowedit::EventFields::Body, QStringLiteral("field")));
    layout->addWidget(heading(tr("Query parameters"), m_page));
    layout->addWidget(eventFieldsEditor(flowedit::EventFields::Query, QStringLiteral("param")));
    layout->addWidget(heading(tr("Headers"), m_page));
    auto *headers = eventFieldsEditor(flowedit::EventFields::Headers, QStringLiteral("x-header"));
    headers->setLowerCaseNames(true);
    layout->addWidget(headers);
    auto *settings = new QPushButton(tr("Endpoint settings…"), m_page);
    settings->setObjectName(QStringLiteral("inspectorEndpointSettings"));
    connect(settings, &QPushButton::clicked, this, &CardInspector::endpointSettingsRequested);
    layout->addSpacing(8);
    layout->addWidget(settings, 0, Qt::AlignLeft);
}

FieldListEditor *CardInspector::eventFieldsEditor(flowedit::EventFields kind, const QString &stem)
{
    auto *editor = new FieldListEditor(FieldListEditor::Kind::Fields, stem, m_page);
    static const char *const names[] = {"eventBodyFields", "eventQueryFields", "eventHeaderFields",
                                        "helperInputFields"};
    editor->setObjectName(QLatin1String(names[static_cast<int>(kind)]));
    QList<FieldRow> rows;
    for (const FieldDecl &field : flowedit::eventFields(m_document.flow(), kind))
        rows.append(FieldRow{field.name, field.type, Binding(), QString()});
    editor->setRows(rows);
    m_eventEditors.insert(flowedit::eventFieldsPrefix(kind), editor);
    connect(editor, &FieldListEditor::fieldAdded, this, [this, kind](const FieldRow &row) {
        apply(tr("Add field %1").arg(row.name), [kind, row](Flow &flow) {
            flowedit::eventFields(flow, kind).append(FieldDecl{row.name, row.type});
            return true;
        });
    });
    connect(editor, &FieldListEditor::fieldRemoved, this, [this, kind](int index) {
        apply(tr("Remove field"), [kind, index](Flow &flow) {
            QList<FieldDecl> &fields = flowedit::eventFields(flow, kind);
            if (index >= fields.size())
                return false;
            fields.removeAt(index);
            return true;
        });
    });
    connect(editor, &FieldListEditor::fieldRenamed, this,
            [this, kind](int, const QString &from, const QString &to) {
                apply(tr("Rename field %1 to %2").arg(from, to), [kind, from, to](Flow &flow) {
                    return flowedit::renameEventField(flow, kind, from, to);
                });
            });
    connect(editor, &FieldListEditor::fieldTypeChanged, this, [this, kind](int index, const ValueType &type) {
        apply(tr("Change field type"), [kind, index, type](Flow &flow) {
            QList<FieldDecl> &fields = flowedit::eventFields(flow, kind);
            if (index >= fields.size())
                return false;
            fields[index].type = type;
            return true;
        });
    });
    return editor;
}

void CardInspector::buildCard(const CardNode &node, QVBoxLayout *layout)
{
    const CardSpec *spec = CardCatalogue::builtIn().find(node.function);
    auto *title = heading(OutputScope::cardTitle(node, CardCatalogue::builtIn()), m_page);
    title->setObjectName(QStringLiteral("inspectorTitle"));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    title->setFont(big);
    layout->addWidget(title);
    layout->addWidget(
        spec ? hint(QStringLiteral("%1 · %2\n%3").arg(spec->category, spec->name, spec->description), m_page)
             : hint(tr("Unknown function %1").arg(node.function), m_page));
    layout->addWidget(m_problemList);
    buildIdentity(node, layout);
    if (!spec)
        return;
    const OutputScope scope(m_document.flow(), CardCatalogue::builtIn());
    buildInputs(node, scope, layout);
    if (spec->dynamicInputs)
        buildDynamicInputs(node, scope, layout);
    buildOutputs(node, layout);
    buildOptions(node, layout);
    if (spec->kind == CardKind::Block || !node.blocks.isEmpty())
        buildBlocks(node, scope, layout);
}

void CardInspector::buildIdentity(const CardNode &node, QVBoxLayout *layout)
{
    auto *form = new QFormLayout;
    auto *name = new QLineEdit(node.name, m_page);
    name->setObjectName(QStringLiteral("cardNameEdit"));
    if (const CardSpec *spec = CardCatalogue::builtIn().find(node.function))
        name->setPlaceholderText(spec->name);
    connect(name, &QLineEdit::editingFinished, this, [this, name] {
        const QString label = name->text().trimmed();
        applyToCard(tr("Rename card"), [label](CardNode &card) {
            card.name = label;
            return true;
        });
    });
    m_idEdit = new QLineEdit(node.id, m_page);
    m_idEdit->setObjectName(QStringLiteral("cardIdEdit"));
    m_idEdit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z0-9_-]{0,64}")), m_idEdit));
    m_idEdit->setToolTip(tr("Later cards name this card's outputs with it (%1.output)").arg(node.id));
    connect(m_idEdit, &QLineEdit::editingFinished, this, [this, edit = m_idEdit] {
        const QString from = m_cardId;
        const QString to = edit->text().trimmed();
        if (m_rebuilding || to == from)
            return;
        Flow probe = m_document.flow();
        QString why;
        if (!flowedit::renameCardId(probe, from, to, &why)) {
            edit->setText(from);
            edit->setToolTip(why);
            return;
        }
        m_cardId = to;
        emit cardRenamed(from, to);
        apply(
            tr("Change card id to %1").arg(to),
            [from, to](Flow &flow) {
                QString ignored;
                return flowedit::renameCardId(flow, from, to, &ignored);
            },
            {}, true);
    });
    form->addRow(tr("Label"), name);
    form->addRow(tr("Id"), m_idEdit);
    layout->addLayout(form);
}

void CardInspector::buildInputs(const CardNode &node, const OutputScope &scope, QVBoxLayout *layout)
{
    const CardSpec *spec = CardCatalogue::builtIn().find(node.function);
    if (spec->inputs.isEmpty())
        return;
    layout->addWidget(heading(tr("Inputs"), m_page));
    const QList<OutputRef> choices = scope.visibleFrom(node.id);
    for (const PortSpec &port : spec->inputs) {
        auto *label =
            new QLabel(QStringLiteral("%1%2  <span style='color:gray'>%3</span>")
                           .arg(port.name.toHtmlEscaped(), port.required ? QStringLiteral(" *") : QString(),
                                port.type.displayName().toHtmlEscaped()),
                       m_page);
        label->setToolTip(port.description);
        auto *editor = new BindingEditor(m_page);
        editor->setObjectName(QStringLiteral("binding:") + port.name);
        const InputBinding *input = node.findInput(port.name);
        editor->setup(port.name, port.type, choices, input ? input->binding : Binding(), port.defaultValue);
        editor->setToolTip(port.description);
        connect(editor, &BindingEditor::bindingEdited, this,
                [this, name = port.name](const Binding &binding, bool typing) {
                    const flowedit::InputKey key{m_cardId, -1, name};
                    apply(
                        tr("Bind %1").arg(name),
                        [key, binding](Flow &flow) { return flowedit::setBinding(flow, key, binding); },
                        typing ? QStringLiteral("input/%1/%2").arg(m_cardId, name) : QString());
                });
        m_bindings.insert(port.name, editor);
        layout->addWidget(label);
        layout->addWidget(editor);
    }
}

void CardInspector::buildDynamicInputs(const CardNode &node, const OutputScope &scope, QVBoxLayout *layout)
{
    layout->addWidget(
        heading(node.function == cardid::kReturn ? tr("Fields of the answer") : tr("Fields"), m_page));
    if (node.function == QLatin1String("text.compose"))
        layout->addWidget(hint(tr("Each field fills the {{name}} placeholders of the template."), m_page));
    else if (node.function == cardid::kAssign)
        layout->addWidget(hint(tr("Each field becomes an output of the same name."), m_page));
    auto *editor = new FieldListEditor(FieldListEditor::Kind::Inputs, QStringLiteral("field"), m_page);
    editor->setObjectName(QStringLiteral("dynamicInputs"));
    editor->setChoices(scope.visibleFrom(node.id));
    QList<FieldRow> rows;
    for (const qsizetype index : dynamicIndexes(node)) {
        const InputBinding &input = node.inputs.at(index);
        rows.append(FieldRow{input.name, input.type.value_or(ValueType::any()), input.binding, QString()});
    }
    editor->setRows(rows);
    connectDynamicInputs(editor);
    m_fieldEditors.append(editor);
    layout->addWidget(editor);
}

void CardInspector::connectDynamicInputs(FieldListEditor *editor)
{
    // Row i of the editor is the i-th input the flow declared on the card.
    const auto atRow = [](CardNode &card, int row) -> InputBinding * {
        const QList<qsizetype> indexes = dynamicIndexes(card);
        return row < indexes.size() ? &card.inputs[indexes.at(row)] : nullptr;
    };
    connect(editor, &FieldListEditor::fieldAdded, this, [this](const FieldRow &row) {
        applyToCard(tr("Add field %1").arg(row.name), [row](CardNode &card) {
            card.inputs.append(InputBinding{row.name, declaredType(row.type), row.binding});
            return true;
        });
    });
    connect(editor, &FieldListEditor::fieldRemoved, this, [this](int row) {
        applyToCard(tr("Remove field"), [row](CardNode &card) {
            const QList<qsizetype> indexes = dynamicIndexes(card);
            if (row >= indexes.size())
                return false;
            card.inputs.removeAt(indexes.at(row));
            return true;
        });
    });
    connect(editor, &FieldListEditor::fieldRenamed, this,
            [this, atRow](int row, const QString &from, const QString &to) {
                const QString id = m_cardId;
                apply(tr("Rename field %1 to %2").arg(from, to), [id, row, from, to, atRow](Flow &flow) {
                    CardNode *card = flowedit::findCard(flow, id);
                    InputBinding *input = card ? atRow(*card, row) : nullptr;
                    if (!input)
                        return false;
                    input->name = to;
                    if (card->function == cardid::kAssign) // its inputs are its outputs
                        flowedit::renameOutputReferences(flow, id, from, to);
                    return true;
                });
            });
    connect(editor, &FieldListEditor::fieldTypeChanged, this, [this, atRow](int row, const ValueType &type) {
        applyToCard(tr("Change field type"), [row, type, atRow](CardNode &card) {
            InputBinding *input = atRow(card, row);
            if (input)
                input->type = declaredType(type);
            return input != nullptr;
        });
    });
    connect(editor, &FieldListEditor::fieldBindingEdited, this,
            [this, atRow](int row, const Binding &binding, bool typing) {
                applyToCard(
                    tr("Bind field"),
                    [row, binding, atRow](CardNode &card) {
                        InputBinding *input = atRow(card, row);
                        if (input)
                            input->binding = binding;
                        return input != nullptr;
                    },
                    typing ? QStringLiteral("field/%1/%2").arg(m_cardId).arg(row) : QString());
            });
}

void CardInspector::buildOutputs(const CardNode &node, QVBoxLayout *layout)
{
    const CardSpec *spec = CardCatalogue::builtIn().find(node.function);
    if (spec->outputs.isEmpty() && !spec->dynamicOutputs)
        return;
    layout->addWidget(heading(tr("Outputs"), m_page));
    for (const PortSpec &port : spec->outputs) {
        auto *line = new QLabel(QStringLiteral("%1  <span style='color:gray'>%2</span>")
                                    .arg(port.name.toHtmlEscaped(), port.type.displayName().toHtmlEscaped()),
                                m_page);
        line->setToolTip(port.description);
        layout->addWidget(line);
    }
    if (!spec->dynamicOutputs)
        return;
    if (spec->kind == CardKind::Block)
        layout->addWidget(hint(tr("A Return inside a block sets these outputs, by name."), m_page));
    else if (node.function == cardid::kPause)
        layout->addWidget(hint(tr("The resume request's JSON body fields, by name."), m_page));
    auto *editor = new FieldListEditor(FieldListEditor::Kind::Fields, QStringLiteral("output"), m_page);
    editor->setObjectName(QStringLiteral("declaredOutputs"));
    const bool paths = node.function == QLatin1String("object.getMultiple");
    if (paths)
        editor->setExtraColumn(tr("path, e.g. address.city"));
    const QJsonObject pathOptions = node.options.value(QLatin1String("paths")).toObject();
    QList<FieldRow> rows;
    for (const FieldDecl &field : node.outputs)
        rows.append(FieldRow{field.name, field.type, Binding(), pathOptions.value(field.name).toString()});
    editor->setRows(rows);
    connectDeclaredOutputs(editor);
    m_fieldEditors.append(editor);
    layout->addWidget(editor);
}

void CardInspector::connectDeclaredOutputs(FieldListEditor *editor)
{
    connect(editor, &FieldListEditor::fieldAdded, this, [this](const FieldRow &row) {
        applyToCard(tr("Add output %1").arg(row.name), [row](CardNode &card) {
            card.outputs.append(FieldDecl{row.name, row.type});
            return true;
        });
    });
    connect(editor, &FieldListEditor::fieldRemoved, this, [this](int row) {
        applyToCard(tr("Remove output"), [row](CardNode &card) {
            if (row >= card.outputs.size())
                return false;
            QJsonObject paths = card.options.value(QLatin1String("paths")).toObject();
            if (paths.contains(card.outputs.at(row).name)) {
                paths.remove(card.outputs.at(row).name);
                card.options.insert(QStringLiteral("paths"), paths);
            }
            card.outputs.removeAt(row);
            return true;
        });
    });
    connect(editor, &FieldListEditor::fieldRenamed, this,
            [this](int row, const QString &from, const QString &to) {
                const QString id = m_cardId;
                apply(tr("Rename output %1 to %2").arg(from, to), [id, row, from, to](Flow &flow) {
                    CardNode *card = flowedit::findCard(flow, id);
                    if (!card || row >= card->outputs.size())
                        return false;
                    card->outputs[row].name = to;
                    QJsonObject paths = card->options.value(QLatin1String("paths")).toObject();
                    if (paths.contains(from)) {
                        paths.insert(to, paths.take(from));
                        card->options.insert(QStringLiteral("paths"), paths);
                    }
                    flowedit::renameOutputReferences(flow, id, from, to);
                    return true;
                });
            });
    connect(editor, &FieldListEditor::fieldTypeChanged, this, [this](int row, const ValueType &type) {
        applyToCard(tr("Change output type"), [row, type](CardNode &card) {
            if (row >= card.outputs.size())
                return false;
            card.outputs[row].type = type;
            return true;
        });
    });
    connect(editor, &FieldListEditor::fieldExtraEdited, this, [this](int row, const QString &text) {
        applyToCard(
            tr("Change path"),
            [row, text](CardNode &card) {
                if (row >= card.outputs.size())
                    return false;
                QJsonObject paths = card.options.value(QLatin1String("paths")).toObject();
                paths.insert(card.outputs.at(row).name, text);
                card.options.insert(QStringLiteral("paths"), paths);
                return true;
            },
            QStringLiteral("path/%1/%2").arg(m_cardId).arg(row));
    });
}

void CardInspector::buildOptions(const CardNode &node, QVBoxLayout *layout)
{
    if (!callsHelper(node.function))
        return;
    layout->addWidget(heading(tr("Helper flow"), m_page));
    auto *combo = new QComboBox(m_page);
    combo->setObjectName(QStringLiteral("helperFlowCombo"));
    combo->addItem(tr("Choose a helper flow"), QString());
    const QString current = node.options.value(QLatin1String("flow")).toString();
    for (const auto &[id, name] : std::as_const(m_helperFlows))
        combo->addItem(QStringLiteral("%1 (%2)").arg(name, id), id);
    if (!current.isEmpty() && combo->findData(current) < 0)
        combo->addItem(tr("%1 (no such helper flow)").arg(current), current);
    combo->setCurrentIndex(std::max(0, combo->findData(current)));
    connect(combo, &QComboBox::activated, this, [this, combo](int index) {
        const QString flowId = combo->itemData(index).toString();
        applyToCard(tr("Choose helper flow"), [flowId](CardNode &card) {
            if (flowId.isEmpty())
                card.options.remove(QStringLiteral("flow"));
            else
                card.options.insert(QStringLiteral("flow"), flowId);
            return true;
        });
    });
    layout->addWidget(combo);
    if (node.function != cardid::kForEach && node.function != cardid::kMap)
        return;
    auto *form = new QFormLayout;
    for (const auto &entry : {std::pair{QStringLiteral("itemInput"), QStringLiteral("item")},
                              std::pair{QStringLiteral("indexInput"), tr("none")}}) {
        const QString option = entry.first;
        const QString placeholder = entry.second;
        auto *edit = new QLineEdit(node.options.value(option).toString(), m_page);
        edit->setObjectName(option + QStringLiteral("Edit"));
        edit->setPlaceholderText(placeholder);
        connect(edit, &QLineEdit::editingFinished, this, [this, edit, option] {
            const QString value = edit->text().trimmed();
            applyToCard(tr("Change %1").arg(option), [option, value](CardNode &card) {
                if (value.isEmpty())
                    card.options.remove(option);
                else
                    card.options.insert(option, value);
                return true;
            });
        });
        form->addRow(option == QLatin1String("itemInput") ? tr("Helper input for the item")
                                                          : tr("Helper input for the index"),
                     edit);
    }
    layout->addLayout(form);
}

void CardInspector::buildBlocks(const CardNode &node, const OutputScope &scope, QVBoxLayout *layout)
{
    layout->addWidget(heading(tr("Blocks"), m_page));
    m_blocks = new BlockListEditor(node, scope.visibleFrom(node.id), m_page);
    connectBlocks(m_blocks);
    layout->addWidget(m_blocks);
}

void CardInspector::connectBlocks(BlockListEditor *editor)
{
    connect(editor, &BlockListEditor::labelEdited, this, [this](int block, const QString &label) {
        applyToCard(tr("Rename block"), [block, label](CardNode &card) {
            if (block >= card.blocks.size())
                return false;
            card.blocks[block].label = label;
            return true;
        });
    });
    connect(editor, &BlockListEditor::conditionEdited, this, &CardInspector::editCondition);
    connect(editor, &BlockListEditor::otherwiseToggled, this, [this](bool otherwise) {
        applyToCard(
            otherwise ? tr("Make the last block the otherwise block") : tr("Give the last block a condition"),
            [otherwise](CardNode &card) {
                if (card.blocks.isEmpty())
                    return false;
                Block &last = card.blocks.last();
                last.condition.clear();
                if (!otherwise)
                    last.condition.append({QStringLiteral("operator"), std::nullopt,
                                           Binding::fromConstant(QStringLiteral("equal to"))});
                return true;
            },
            {}, true);
    });
    connect(editor, &BlockListEditor::blockAdded, this, [this] {
        applyToCard(
            tr("Add block"),
            [](CardNode &card) {
                Block block;
                block.label = QStringLiteral("else if");
                block.condition.append({QStringLiteral("operator"), std::nullopt,
                                        Binding::fromConstant(QStringLiteral("equal to"))});
                const bool otherwiseLast = !card.blocks.isEmpty() && card.blocks.last().condition.isEmpty();
                card.blocks.insert(otherwiseLast ? card.blocks.size() - 1 : card.blocks.size(), block);
                return true;
            },
            {}, true);
    });
    connect(editor, &BlockListEditor::blockRemoved, this, [this](int block) {
        applyToCard(
            tr("Remove block"),
            [block](CardNode &card) {
                if (block >= card.blocks.size())
                    return false;
                card.blocks.removeAt(block);
                return true;
            },
            {}, true);
    });
}

void CardInspector::editCondition(int block, const QString &input, const Binding &binding, bool typing)
{
    const flowedit::InputKey key{m_cardId, block, input};
    apply(
        tr("Change condition"),
        [key, binding](Flow &flow) {
            if (!flowedit::setBinding(flow, key, binding))
                return false;
            // An empty condition would turn the block into the otherwise block.
            Block &edited = flowedit::findCard(flow, key.cardId)->blocks[key.block];
            if (edited.condition.isEmpty())
                edited.condition.append({QStringLiteral("operator"), std::nullopt,
                                         Binding::fromConstant(QStringLiteral("equal to"))});
            return true;
        },
        typing ? QStringLiteral("condition/%1/%2/%3").arg(m_cardId).arg(block).arg(input) : QString());
}

bool CardInspector::apply(const QString &text, const std::function<bool(Flow &)> &edit,
                          const QString &mergeKey, bool rebuildAfter)
{
    if (m_rebuilding)
        return false;
    m_selfEdit = !rebuildAfter;
    const bool changed = m_document.change(text, edit, mergeKey);
    m_selfEdit = false;
    return changed;
}

bool CardInspector::applyToCard(const QString &text, const std::function<bool(CardNode &)> &edit,
                                const QString &mergeKey, bool rebuildAfter)
{
    const QString id = m_cardId;
    return apply(
        text,
        [id, edit](Flow &flow) {
            CardNode *card = flowedit::findCard(flow, id);
            return card && edit(*card);
        },
        mergeKey, rebuildAfter);
}

void CardInspector::setProblems(const QList<FlowProblem> &problems)
{
    m_problems = problems;
    QStringList lines;
    QHash<QString, QString> byField;
    for (const FlowProblem &problem : problems) {
        if (m_cardId.isEmpty() || problem.cardId != m_cardId)
            continue;
        lines.append(problem.field.isEmpty() ? problem.message
                                             : problem.field + QStringLiteral(": ") + problem.message);
        QString &text = byField[problem.field];
        text = text.isEmpty() ? problem.message : text + QLatin1Char('\n') + problem.message;
    }
    if (m_problemList) {
        m_problemList->setText(lines.join(QLatin1Char('\n')));
        m_problemList->setVisible(!lines.isEmpty());
    }
    for (auto it = m_bindings.cbegin(); it != m_bindings.cend(); ++it)
        it.value()->setProblem(byField.value(it.key()));
    for (FieldListEditor *editor : std::as_const(m_fieldEditors))
        editor->setProblems(byField);
    for (FieldListEditor *editor : std::as_const(m_eventEditors))
        editor->setProblems(byField);
    if (m_blocks)
        m_blocks->setProblems(byField);
}

} // namespace wf::ui
