#include "editor/CardWidget.h"

#include "editor/BlockFrame.h"
#include "editor/OutputChip.h"
#include "editor/ValueText.h"
#include "engine/CardIds.h"

#include <QGridLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace wf::ui {
namespace {

QString subtitleOf(const CardNode &node, const CardSpec *spec)
{
    if (!spec)
        return CardWidget::tr("unknown function %1 · %2").arg(node.function, node.id);
    if (node.name.isEmpty())
        return QStringLiteral("%1 · %2").arg(spec->category, node.id);
    return QStringLiteral("%1 · %2 · %3").arg(spec->category, spec->name, node.id);
}

QColor accentOf(const CardSpec *spec)
{
    return valuetext::categoryColour(spec ? spec->category : QString());
}

QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont small = label->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    small.setBold(true);
    label->setFont(small);
    label->setStyleSheet(QStringLiteral("color: gray;"));
    // Room above the text for the accents of capitals ("ENTRÉES"), which rise above the font's ascent.
    label->setContentsMargins(0, 2, 0, 0);
    return label;
}

} // namespace

CardWidget::CardWidget(const CardNode &node, const CardBuildContext &context, QWidget *parent)
    : CardFrame(node.id, OutputScope::cardTitle(node, context.catalogue),
                subtitleOf(node, context.catalogue.find(node.function)),
                accentOf(context.catalogue.find(node.function)), parent)
{
    const CardSpec *spec = context.catalogue.find(node.function);
    if (spec)
        setToolTip(spec->description);
    addPorts(node, spec, context);
    addBlocks(node, context);
    if (context.frameBuilt)
        context.frameBuilt(this);
}

CardWidget::~CardWidget() = default;

InputRow::Value CardWidget::valueOf(const Binding &binding, const QJsonValue &defaultValue,
                                    const CardBuildContext &context)
{
    InputRow::Value value;
    switch (binding.kind) {
    case Binding::Kind::Reference: {
        QString title = binding.sourceCard;
        QString category;
        if (binding.sourceCard == eventCardId()) {
            title = context.flow.isHelper() ? tr("Helper Flow") : tr("API Endpoint");
            category = QStringLiteral("Event");
        } else if (const CardNode *source = flowedit::findCard(context.flow, binding.sourceCard)) {
            title = OutputScope::cardTitle(*source, context.catalogue);
            if (const CardSpec *spec = context.catalogue.find(source->function))
                category = spec->category;
        }
        value.text = QStringLiteral("%1 › %2").arg(title, binding.path.join(QLatin1Char('.')));
        value.detail = binding.reference;
        value.chip = valuetext::categoryColour(category);
        break;
    }
    case Binding::Kind::Constant:
        value.text = valuetext::shortText(binding.constant);
        value.detail = valuetext::shortText(binding.constant, 2000);
        break;
    case Binding::Kind::Unset:
        value.unset = true;
        value.text = defaultValue.isNull() ? QStringLiteral("—")
                                           : tr("default %1").arg(valuetext::shortText(defaultValue));
        value.detail = tr("Not set: choose an earlier output or type a constant in the inspector, or drop an "
                          "output here");
        break;
    }
    return value;
}

InputRow *CardWidget::inputRow(const flowedit::InputKey &key, const QString &label, ValueType type,
                               const Binding &binding, const QJsonValue &defaultValue,
                               const CardBuildContext &context)
{
    auto *row = new InputRow(key, label, type.displayName(), valueOf(binding, defaultValue, context), this);
    if (context.inputBuilt)
        context.inputBuilt(row);
    return row;
}

void CardWidget::addPorts(const CardNode &node, const CardSpec *spec, const CardBuildContext &context)
{
    auto *inputs = new QVBoxLayout;
    inputs->setSpacing(2);
    if (spec) {
        for (const PortSpec &port : spec->inputs) {
            const InputBinding *input = node.findInput(port.name);
            const QString label = port.required ? port.name + QStringLiteral(" *") : port.name;
            inputs->addWidget(inputRow({node.id, -1, port.name}, label, port.type,
                                       input ? input->binding : Binding(), port.defaultValue, context));
        }
    }
    for (const InputBinding &input : node.inputs) {
        if (spec && spec->findInput(input.name))
            continue;
        inputs->addWidget(inputRow({node.id, -1, input.name}, input.name,
                                   input.type.value_or(ValueType::any()), input.binding, QJsonValue(),
                                   context));
    }
    if (spec && spec->dynamicInputs && node.inputs.size() == 0 && spec->inputs.isEmpty()) {
        auto *hint = new QLabel(tr("No fields yet: add them in the inspector."), this);
        hint->setStyleSheet(QStringLiteral("color: gray; font-style: italic;"));
        inputs->addWidget(hint);
    }

    auto *outputs = new QVBoxLayout;
    outputs->setSpacing(2);
    const QColor accent = accentOf(spec);
    for (const OutputRef &output : OutputScope::cardOutputs(node, context.catalogue))
        outputs->addWidget(new OutputChip(output.reference, output.output, output.type, accent, this));

    if (inputs->count() == 0 && outputs->count() == 0) {
        delete inputs;
        delete outputs;
        return;
    }
    auto *ports = new QGridLayout;
    ports->setHorizontalSpacing(16);
    ports->setVerticalSpacing(2);
    ports->addWidget(sectionLabel(tr("INPUTS"), this), 0, 0);
    ports->addWidget(sectionLabel(tr("OUTPUTS"), this), 0, 1, Qt::AlignRight);
    ports->addLayout(inputs, 1, 0, Qt::AlignTop);
    ports->addLayout(outputs, 1, 1, Qt::AlignTop);
    ports->setColumnStretch(0, 3);
    ports->setColumnStretch(1, 2);
    contentLayout()->addLayout(ports);
}

void CardWidget::addBlocks(const CardNode &node, const CardBuildContext &context)
{
    const QColor accent = accentOf(context.catalogue.find(node.function));
    for (qsizetype b = 0; b < node.blocks.size(); ++b) {
        const Block &block = node.blocks.at(b);
        const int index = static_cast<int>(b);
        auto *frame = new BlockFrame(node.id, index, accent, this);
        if (context.blockBuilt)
            context.blockBuilt(frame);
        auto *layout = new QVBoxLayout(frame);
        layout->setContentsMargins(12, 6, 6, 6);
        layout->setSpacing(6);
        auto *label = new QLabel(block.label.isEmpty() ? tr("block %1").arg(index + 1) : block.label, frame);
        label->setObjectName(QStringLiteral("blockLabel"));
        QFont bold = label->font();
        bold.setBold(true);
        label->setFont(bold);
        layout->addWidget(label);
        if (node.function == cardid::kIfElseIf && !block.condition.isEmpty()) {
            for (const QString &name :
                 {QStringLiteral("a"), QStringLiteral("operator"), QStringLiteral("b")}) {
                const flowedit::InputKey key{node.id, index, name};
                const InputBinding *input = flowedit::findInput(context.flow, key);
                const QJsonValue fallback =
                    name == QLatin1String("operator") ? QJsonValue(QStringLiteral("equal to")) : QJsonValue();
                auto *row =
                    new InputRow(key, name, ValueType::any().displayName(),
                                 valueOf(input ? input->binding : Binding(), fallback, context), frame);
                if (context.inputBuilt)
                    context.inputBuilt(row);
                layout->addWidget(row);
            }
        } else if (node.function == cardid::kIfElseIf) {
            label->setText(label->text() + tr(" (otherwise)"));
        }
        if (node.function == cardid::kIfError && b == 1) {
            const OutputRef error = OutputScope::errorOutput(node);
            layout->addWidget(new OutputChip(error.reference, error.output, error.type, accent, frame), 0,
                              Qt::AlignLeft);
        }
        for (const CardNode &child : block.cards)
            layout->addWidget(new CardWidget(child, context, frame));
        auto *add = new QToolButton(frame);
        add->setObjectName(QStringLiteral("addCard:%1:%2").arg(node.id).arg(index));
        add->setText(tr("+ Add card"));
        add->setAutoRaise(true);
        add->setToolTip(tr("Add a card at the end of this block"));
        connect(add, &QToolButton::clicked, this, [request = context.addCard, id = node.id, index] {
            if (request)
                request(flowedit::InsertPoint{id, index, -1});
        });
        layout->addWidget(add, 0, Qt::AlignLeft);
        contentLayout()->addWidget(frame);
    }
}

} // namespace wf::ui
