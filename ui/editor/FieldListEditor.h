#pragma once

// Edits a list of declared fields: the API Endpoint card's body, query and header fields, a Helper
// Flow's inputs, a card's declared outputs (name and type, with Get Multiple's path), or the inputs a
// card lets the flow add (Return fields, Compose placeholders: name, type and binding). Rows are
// added, removed, renamed and retyped here; each change is reported as it happens so the editor can
// make it one undo step.

#include "editor/OutputScope.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QToolButton;
class QLineEdit;
class QVBoxLayout;

namespace wf::ui {

class BindingEditor;

struct FieldRow {
    QString name;
    ValueType type;
    Binding binding; // Inputs only
    QString extra;   // the extra column, when there is one
};

class FieldListEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FieldListEditor)

public:
    enum class Kind { Fields, Inputs };

    FieldListEditor(Kind kind, const QString &stem, QWidget *parent = nullptr);
    ~FieldListEditor() override;

    // Names are lower-cased as they are typed (header names).
    void setLowerCaseNames(bool lower) { m_lowerCase = lower; }
    // Adds a text column (Get Multiple's path) with this placeholder.
    void setExtraColumn(const QString &placeholder) { m_extraPlaceholder = placeholder; }
    // What the bindings of an Inputs list may name.
    void setChoices(const QList<OutputRef> &choices) { m_choices = choices; }
    void setRows(const QList<FieldRow> &rows);
    QList<FieldRow> rows() const { return m_rows; }
    // Problems by field name, shown on the rows.
    void setProblems(const QHash<QString, QString> &byName);

signals:
    void fieldAdded(const wf::ui::FieldRow &row);
    void fieldRemoved(int row);
    void fieldRenamed(int row, const QString &from, const QString &to);
    void fieldTypeChanged(int row, const wf::ValueType &type);
    void fieldBindingEdited(int row, const wf::Binding &binding, bool typing);
    void fieldExtraEdited(int row, const QString &text);

private:
    void rebuildRows();
    QWidget *makeRow(int index);
    void connectRow(int index, QLineEdit *name, QComboBox *type, QToolButton *remove);
    void addRow();
    void renameRow(int index, QLineEdit *edit);
    void commitPendingRename();

    Kind m_kind;
    QString m_stem;
    bool m_lowerCase = false;
    QString m_extraPlaceholder;
    QList<OutputRef> m_choices;
    QList<FieldRow> m_rows;
    QVBoxLayout *m_rowsLayout = nullptr;
    QList<QWidget *> m_rowWidgets;
    QList<QLineEdit *> m_nameEdits;
    QList<BindingEditor *> m_bindings;
    QLabel *m_message = nullptr;
};

} // namespace wf::ui
