#include "editor/FieldListEditor.h"

#include "editor/BindingEditor.h"
#include "editor/FlowEdits.h"
#include "editor/ValueText.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QToolButton>
#include <QVBoxLayout>

namespace wf::ui {

FieldListEditor::FieldListEditor(Kind kind, const QString &stem, QWidget *parent)
    : QWidget(parent), m_kind(kind), m_stem(stem)
{
    m_rowsLayout = new QVBoxLayout;
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setSpacing(kind == Kind::Inputs ? 8 : 2);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("fieldMessage"));
    m_message->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_message->setWordWrap(true);
    m_message->hide();
    auto *add = new QPushButton(tr("Add field"), this);
    add->setObjectName(QStringLiteral("addField"));
    add->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
    connect(add, &QPushButton::clicked, this, &FieldListEditor::addRow);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(m_rowsLayout);
    layout->addWidget(m_message);
    layout->addWidget(add, 0, Qt::AlignLeft);
}

FieldListEditor::~FieldListEditor() = default;

void FieldListEditor::setRows(const QList<FieldRow> &rows)
{
    m_rows = rows;
    rebuildRows();
}

void FieldListEditor::setProblems(const QHash<QString, QString> &byName)
{
    for (qsizetype i = 0; i < m_rows.size() && i < m_nameEdits.size(); ++i) {
        const QString problem = byName.value(m_rows.at(i).name);
        m_nameEdits.at(i)->setStyleSheet(
            problem.isEmpty() ? QString() : QStringLiteral("QLineEdit { border: 1px solid #c62828; }"));
        m_nameEdits.at(i)->setToolTip(problem);
        if (i < m_bindings.size() && m_bindings.at(i))
            m_bindings.at(i)->setProblem(problem);
    }
}

void FieldListEditor::rebuildRows()
{
    // Rows may be rebuilt from one of their own buttons: delete the old ones once it has returned.
    for (QWidget *row : std::as_const(m_rowWidgets)) {
        row->hide();
        row->setParent(nullptr);
        row->deleteLater();
    }
    m_rowWidgets.clear();
    m_nameEdits.clear();
    m_bindings.clear();
    for (int i = 0; i < m_rows.size(); ++i) {
        QWidget *row = makeRow(i);
        m_rowWidgets.append(row);
        m_rowsLayout->addWidget(row);
        row->show();
    }
}

QWidget *FieldListEditor::makeRow(int index)
{
    const FieldRow &field = m_rows.at(index);
    auto *row = new QWidget(this);
    row->setObjectName(QStringLiteral("fieldRow:%1").arg(index));
    auto *name = new QLineEdit(field.name, row);
    name->setObjectName(QStringLiteral("fieldName:%1").arg(index));
    name->setPlaceholderText(tr("name"));
    // Field names become reference segments: no dots.
    name->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[^.]*")), name));
    auto *type = new QComboBox(row);
    type->setObjectName(QStringLiteral("fieldType:%1").arg(index));
    for (const ValueType &candidate : valuetext::declarableTypes())
        type->addItem(candidate.displayName(), candidate.toString());
    type->setCurrentIndex(std::max(0, type->findData(field.type.toString())));
    auto *remove = new QToolButton(row);
    remove->setObjectName(QStringLiteral("fieldRemove:%1").arg(index));
    remove->setText(QStringLiteral("✕"));
    remove->setToolTip(tr("Remove this field"));
    remove->setAutoRaise(true);

    auto *line = new QHBoxLayout;
    line->setContentsMargins(0, 0, 0, 0);
    line->addWidget(name, 2);
    line->addWidget(type, 1);
    if (!m_extraPlaceholder.isEmpty()) {
        auto *extra = new QLineEdit(field.extra, row);
        extra->setObjectName(QStringLiteral("fieldExtra:%1").arg(index));
        extra->setPlaceholderText(m_extraPlaceholder);
        line->addWidget(extra, 2);
        connect(extra, &QLineEdit::textEdited, this, [this, index](const QString &text) {
            m_rows[index].extra = text;
            emit fieldExtraEdited(index, text);
        });
    }
    line->addWidget(remove);
    auto *layout = new QVBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(line);
    BindingEditor *binding = nullptr;
    if (m_kind == Kind::Inputs) {
        binding = new BindingEditor(row);
        binding->setObjectName(QStringLiteral("fieldBinding:%1").arg(index));
        binding->setup(field.name, field.type, m_choices, field.binding);
        binding->setContentsMargins(16, 0, 0, 0);
        layout->addWidget(binding);
        connect(binding, &BindingEditor::bindingEdited, this,
                [this, index](const Binding &edited, bool typing) {
                    m_rows[index].binding = edited;
                    emit fieldBindingEdited(index, edited, typing);
                });
    }
    m_nameEdits.append(name);
    m_bindings.append(binding);
    connectRow(index, name, type, remove);
    return row;
}

void FieldListEditor::connectRow(int index, QLineEdit *name, QComboBox *type, QToolButton *remove)
{

    connect(name, &QLineEdit::textEdited, this, [this, name](const QString &text) {
        if (m_lowerCase && text != text.toLower()) {
            const int cursor = name->cursorPosition();
            name->setText(text.toLower());
            name->setCursorPosition(cursor);
        }
    });
    connect(name, &QLineEdit::editingFinished, this, [this, index, name] { renameRow(index, name); });
    connect(type, &QComboBox::activated, this, [this, index, type](int chosen) {
        const auto parsed = ValueType::parse(type->itemData(chosen).toString());
        if (!parsed || *parsed == m_rows.at(index).type)
            return;
        m_rows[index].type = *parsed;
        if (m_kind == Kind::Inputs && index < m_bindings.size() && m_bindings.at(index))
            m_bindings.at(index)->setup(m_rows.at(index).name, *parsed, m_choices, m_rows.at(index).binding);
        emit fieldTypeChanged(index, *parsed);
    });
    connect(remove, &QToolButton::clicked, this, [this, index] {
        commitPendingRename();
        m_rows.removeAt(index);
        rebuildRows();
        m_message->hide();
        emit fieldRemoved(index);
    });
}

void FieldListEditor::commitPendingRename()
{
    for (int i = 0; i < m_nameEdits.size(); ++i) {
        if (m_nameEdits.at(i)->hasFocus())
            renameRow(i, m_nameEdits.at(i));
    }
}

void FieldListEditor::renameRow(int index, QLineEdit *edit)
{
    // A row being replaced loses its focus too: only the current rows rename.
    if (index >= m_rows.size() || index >= m_nameEdits.size() || m_nameEdits.at(index) != edit)
        return;
    const QString from = m_rows.at(index).name;
    const QString to = edit->text().trimmed();
    if (to == from)
        return;
    QString why;
    if (to.isEmpty())
        why = tr("A field needs a name.");
    for (qsizetype i = 0; i < m_rows.size() && why.isEmpty(); ++i) {
        if (i != index && m_rows.at(i).name == to)
            why = tr("Another field is called '%1'.").arg(to);
    }
    m_message->setText(why);
    m_message->setVisible(!why.isEmpty());
    if (!why.isEmpty()) {
        edit->setText(from);
        return;
    }
    m_rows[index].name = to;
    emit fieldRenamed(index, from, to);
}

void FieldListEditor::addRow()
{
    commitPendingRename();
    QStringList taken;
    for (const FieldRow &row : std::as_const(m_rows))
        taken.append(row.name);
    FieldRow row{flowedit::freshName(m_stem, taken), ValueType::text(), Binding(), QString()};
    m_rows.append(row);
    rebuildRows();
    m_message->hide();
    emit fieldAdded(row);
    QLineEdit *name = m_nameEdits.constLast();
    name->setFocus(Qt::OtherFocusReason);
    name->selectAll();
}

} // namespace wf::ui
