#include "editor/BindingEditor.h"

#include "editor/FlowEdits.h"
#include "editor/ValueText.h"
#include "engine/Comparison.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace wf::ui {
namespace {

constexpr int kKindRole = Qt::UserRole + 1;
constexpr int kReferenceRole = Qt::UserRole + 2;
constexpr int kTypeRole = Qt::UserRole + 3;
enum SourceKind { Unset = 0, Constant = 1, Reference = 2 };

QStringList choicesFor(const QString &inputName)
{
    if (inputName == QLatin1String("operator"))
        return comparisonOperators();
    if (inputName == QLatin1String("compareAs"))
        return {QStringLiteral("auto"), QStringLiteral("text"), QStringLiteral("number"),
                QStringLiteral("boolean"), QStringLiteral("datetime")};
    return {};
}

} // namespace

BindingEditor::BindingEditor(QWidget *parent) : QWidget(parent)
{
    m_source = new QComboBox(this);
    m_source->setObjectName(QStringLiteral("bindingSource"));
    m_source->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_source->setMinimumContentsLength(16);

    m_editors = new QStackedWidget(this);
    auto *empty = new QLabel(m_editors);
    empty->setObjectName(QStringLiteral("bindingDefault"));
    empty->setStyleSheet(QStringLiteral("color: gray;"));
    m_text = new QLineEdit(m_editors);
    m_text->setObjectName(QStringLiteral("constantEdit"));
    m_boolean = new QComboBox(m_editors);
    m_boolean->setObjectName(QStringLiteral("constantBoolean"));
    m_boolean->addItems({QStringLiteral("true"), QStringLiteral("false")});
    m_choice = new QComboBox(m_editors);
    m_choice->setObjectName(QStringLiteral("constantChoice"));
    m_choice->setEditable(true);
    m_choice->setInsertPolicy(QComboBox::NoInsert);
    m_path = new QLineEdit(m_editors);
    m_path->setObjectName(QStringLiteral("referencePath"));
    m_path->setPlaceholderText(tr("key path inside the output (optional), e.g. address.city"));
    m_editors->insertWidget(EmptyPage, empty);
    m_editors->insertWidget(TextPage, m_text);
    m_editors->insertWidget(BooleanPage, m_boolean);
    m_editors->insertWidget(ChoicePage, m_choice);
    m_editors->insertWidget(PathPage, m_path);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("bindingProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_problem->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_source);
    layout->addWidget(m_editors);
    layout->addWidget(m_problem);

    connect(m_source, &QComboBox::activated, this, &BindingEditor::sourceChosen);
    connect(m_text, &QLineEdit::textEdited, this, [this] { emitConstant(true); });
    connect(m_boolean, &QComboBox::activated, this, [this] { emitConstant(false); });
    connect(m_choice, &QComboBox::currentTextChanged, this, [this] { emitConstant(true); });
    connect(m_path, &QLineEdit::textEdited, this, [this] { emit bindingEdited(referenceValue(), true); });
}

BindingEditor::~BindingEditor() = default;

void BindingEditor::setup(const QString &inputName, ValueType type, const QList<OutputRef> &choices,
                          const Binding &binding, const QJsonValue &defaultValue)
{
    const QSignalBlocker blockSource(m_source);
    const QSignalBlocker blockChoice(m_choice);
    m_inputName = inputName;
    m_type = type;
    auto *empty = static_cast<QLabel *>(m_editors->widget(EmptyPage));
    empty->setText(defaultValue.isNull() || defaultValue.isUndefined()
                       ? tr("no value")
                       : tr("default: %1").arg(valuetext::shortText(defaultValue)));
    m_text->setPlaceholderText(type.base == BaseType::DateTime ? QStringLiteral("2024-05-01T12:00:00.000Z")
                               : type.base == BaseType::Object ? QStringLiteral("{\"key\": \"value\"}")
                               : type.base == BaseType::List   ? QStringLiteral("[1, 2, 3]")
                                                               : type.displayName());
    m_choice->clear();
    m_choice->addItems(choicesFor(inputName));
    fillSources(choices, binding);
    if (binding.kind == Binding::Kind::Constant)
        showConstant(binding.constant);
    else
        showConstant(defaultValue);
    const int kind = m_source->currentData(kKindRole).toInt();
    if (kind == Unset)
        m_editors->setCurrentIndex(EmptyPage);
    else if (kind == Reference)
        showReference();
}

void BindingEditor::showReference()
{
    // A key path only means something inside an Object, a List or a value of unknown type.
    const auto type = ValueType::parse(m_source->currentData(kTypeRole).toString());
    const bool structured = !type || type->base == BaseType::Object || type->base == BaseType::List ||
                            type->base == BaseType::Any;
    m_editors->setCurrentIndex(PathPage);
    m_editors->setVisible(structured || !m_path->text().isEmpty());
}

void BindingEditor::fillSources(const QList<OutputRef> &choices, const Binding &binding)
{
    m_source->clear();
    m_source->addItem(tr("Not set"));
    m_source->setItemData(0, Unset, kKindRole);
    m_source->addItem(tr("Constant"));
    m_source->setItemData(1, Constant, kKindRole);
    auto *model = qobject_cast<QStandardItemModel *>(m_source->model());
    QString lastCard;
    int current = binding.kind == Binding::Kind::Constant ? 1 : 0;
    qsizetype matched = -1; // length of the output reference the binding names, -1: none
    QString path;
    for (const OutputRef &choice : choices) {
        if (choice.cardId != lastCard) {
            m_source->insertSeparator(m_source->count());
            lastCard = choice.cardId;
        }
        const int index = m_source->count();
        m_source->addItem(
            QStringLiteral("%1 › %2  (%3)").arg(choice.cardTitle, choice.output, choice.type.displayName()));
        m_source->setItemData(index, Reference, kKindRole);
        m_source->setItemData(index, choice.reference, kReferenceRole);
        m_source->setItemData(index, choice.type.toString(), kTypeRole);
        m_source->setItemData(index, choice.reference, Qt::ToolTipRole);
        if (!canEverConvert(choice.type, m_type) && model) {
            model->item(index)->setEnabled(false);
            m_source->setItemData(
                index, tr("%1 can never become %2").arg(choice.type.displayName(), m_type.displayName()),
                Qt::ToolTipRole);
        }
        // A reference into an output ("lookup.customer.tier") selects the output and keeps the rest
        // as its key path.
        const bool names = binding.reference == choice.reference ||
                           binding.reference.startsWith(choice.reference + QLatin1Char('.'));
        if (binding.kind == Binding::Kind::Reference && names && choice.reference.size() > matched) {
            current = index;
            matched = choice.reference.size();
            path = binding.reference.mid(choice.reference.size() + 1);
        }
    }
    if (binding.kind == Binding::Kind::Reference && matched < 0) {
        m_source->insertItem(2, tr("%1 (not available here)").arg(binding.reference));
        m_source->setItemData(2, Reference, kKindRole);
        m_source->setItemData(2, binding.reference, kReferenceRole);
        current = 2;
    }
    m_source->setCurrentIndex(current);
    m_path->setText(path);
}

void BindingEditor::showConstant(const QJsonValue &value)
{
    const QSignalBlocker blockChoice(m_choice);
    m_editors->setVisible(true);
    const QString text = valuetext::toText(value, m_type);
    if (!choicesFor(m_inputName).isEmpty()) {
        m_choice->setCurrentText(text);
        m_editors->setCurrentIndex(ChoicePage);
    } else if (m_type.base == BaseType::Boolean) {
        m_boolean->setCurrentIndex(value.isBool() && !value.toBool() ? 1 : 0);
        m_editors->setCurrentIndex(BooleanPage);
    } else {
        m_text->setText(text);
        m_editors->setCurrentIndex(TextPage);
    }
}

void BindingEditor::sourceChosen(int index)
{
    switch (m_source->itemData(index, kKindRole).toInt()) {
    case Unset:
        m_editors->setVisible(true);
        m_editors->setCurrentIndex(EmptyPage);
        emit bindingEdited(Binding(), false);
        return;
    case Constant:
        m_editors->setVisible(true);
        showConstant(constantValue());
        emitConstant(false);
        return;
    default:
        m_path->clear();
        showReference();
        emit bindingEdited(referenceValue(), false);
        return;
    }
}

QJsonValue BindingEditor::constantValue() const
{
    switch (m_editors->currentIndex()) {
    case BooleanPage:
        return m_boolean->currentIndex() == 0;
    case ChoicePage:
        return m_choice->currentText();
    default:
        return valuetext::fromText(m_text->text(), m_type);
    }
}

Binding BindingEditor::referenceValue() const
{
    QString reference = m_source->currentData(kReferenceRole).toString();
    const QString path = m_path->text().trimmed();
    if (!path.isEmpty())
        reference += QLatin1Char('.') + path;
    Binding binding = flowedit::referenceBinding(reference);
    // A path with an empty key ("a..b") cannot be a reference: keep the output alone until it is fixed.
    return binding.kind == Binding::Kind::Reference
               ? binding
               : flowedit::referenceBinding(m_source->currentData(kReferenceRole).toString());
}

void BindingEditor::emitConstant(bool typing)
{
    if (m_source->currentData(kKindRole).toInt() != Constant) {
        const QSignalBlocker block(m_source);
        m_source->setCurrentIndex(1);
    }
    emit bindingEdited(Binding::fromConstant(constantValue()), typing);
}

Binding BindingEditor::binding() const
{
    switch (m_source->currentData(kKindRole).toInt()) {
    case Unset:
        return Binding();
    case Constant:
        return Binding::fromConstant(constantValue());
    default:
        return referenceValue();
    }
}

void BindingEditor::setProblem(const QString &message)
{
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
    m_source->setToolTip(message);
}

} // namespace wf::ui
