#pragma once

// Edits what one input is bound to: a list with "Not set", "Constant" and every output the input
// may name (earlier outputs of compatible type; others are shown but disabled), an editor for the
// constant that suits the input's type (text, number, true/false, JSON, or a list of choices for the
// comparison operator), and an optional key path into an Object or List output.

#include "editor/OutputScope.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;

namespace wf::ui {

class BindingEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BindingEditor)

public:
    explicit BindingEditor(QWidget *parent = nullptr);
    ~BindingEditor() override;

    // Shows `binding` of the input `inputName` of type `type`, offering `choices` to bind it to.
    void setup(const QString &inputName, ValueType type, const QList<OutputRef> &choices,
               const Binding &binding, const QJsonValue &defaultValue = QJsonValue());
    Binding binding() const;
    ValueType type() const { return m_type; }
    void setProblem(const QString &message);

signals:
    // `typing` is true while a constant or path is being typed (so such changes merge into one undo step).
    void bindingEdited(const wf::Binding &binding, bool typing);

private:
    enum Page { EmptyPage, TextPage, BooleanPage, ChoicePage, PathPage };

    void fillSources(const QList<OutputRef> &choices, const Binding &binding);
    void showConstant(const QJsonValue &value);
    void showReference();
    void sourceChosen(int index);
    QJsonValue constantValue() const;
    Binding referenceValue() const;
    void emitConstant(bool typing);

    QString m_inputName;
    ValueType m_type;
    QComboBox *m_source = nullptr;
    QStackedWidget *m_editors = nullptr;
    QLineEdit *m_text = nullptr;
    QComboBox *m_boolean = nullptr;
    QComboBox *m_choice = nullptr;
    QLineEdit *m_path = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace wf::ui
