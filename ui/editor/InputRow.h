#pragma once

// One input on a card: its name, its type and what it is bound to (a constant, or a chip naming
// the output it reads). An output dragged from a card that runs before this one can be dropped on
// it to bind the input to that output.

#include "editor/FlowEdits.h"

#include <QColor>
#include <QWidget>
#include <functional>

class QLabel;
class QMimeData;

namespace wf::ui {

class InputRow final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InputRow)

public:
    // What the row shows as the input's value.
    struct Value {
        QString text;   // the constant, or "Card › output"
        QString detail; // tooltip: the reference or the full constant
        QColor chip;    // the source card's colour for a reference; invalid for a constant
        bool unset = false;
    };
    using CanDrop = std::function<bool(const QString &reference)>;
    using Dropped = std::function<void(const flowedit::InputKey &key, const QString &reference)>;

    InputRow(const flowedit::InputKey &key, const QString &label, const QString &typeName, const Value &value,
             QWidget *parent = nullptr);
    ~InputRow() override;

    const flowedit::InputKey &key() const { return m_key; }
    QString valueText() const;
    // Drops are accepted only when `canDrop` says the reference is visible from this input.
    void setDropHandler(CanDrop canDrop, Dropped dropped);
    void setProblem(const QString &message);

    // The object name of the row of `key` ("input:name", "input:<block>:name").
    static QString objectNameFor(const flowedit::InputKey &key);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    QString droppedReference(const QMimeData *mime) const;

    flowedit::InputKey m_key;
    QLabel *m_name = nullptr;
    QLabel *m_value = nullptr;
    QString m_valueText;
    CanDrop m_canDrop;
    Dropped m_dropped;
    bool m_dropTarget = false;
};

} // namespace wf::ui
