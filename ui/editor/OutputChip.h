#pragma once

// An output on a card ("output · Text"): dragged onto an input of a later card, it binds that input
// to it. The drag carries the reference ("greeting.output") as kOutputRefMime.

#include "engine/ValueType.h"

#include <QLabel>
#include <QPoint>

namespace wf::ui {

inline const QString kOutputRefMime = QStringLiteral("application/x-wf-output-ref");

class OutputChip final : public QLabel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutputChip)

public:
    OutputChip(const QString &reference, const QString &name, ValueType type, const QColor &accent,
               QWidget *parent = nullptr);
    ~OutputChip() override;

    QString reference() const { return m_reference; }
    // True while a chip's drag runs (its nested event loop): widgets that may be the drag's source
    // or target must not be deleted then.
    static bool dragInProgress();

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    QString m_reference;
    QPoint m_pressedAt;
    bool m_pressed = false;
};

} // namespace wf::ui
