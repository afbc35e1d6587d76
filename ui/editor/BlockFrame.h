#pragma once

// A block of an If/Else, If/ElseIf or If Error card on the canvas: an indented panel with a bar in
// the card's colour, holding the block's label, its condition and its nested cards. A card dragged
// onto the block (not onto one of its cards) goes to the end of the block.

#include <QFrame>
#include <functional>

namespace wf::ui {

class BlockFrame final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlockFrame)

public:
    BlockFrame(const QString &cardId, int block, const QColor &accent, QWidget *parent = nullptr);
    ~BlockFrame() override;

    QString cardId() const { return m_cardId; }
    int block() const { return m_block; }

    using AcceptsCard = std::function<bool(const QString &draggedId)>;
    using CardDropped = std::function<void(const QString &draggedId)>;
    void setCardDropHandler(AcceptsCard accepts, CardDropped dropped);

protected:
    void paintEvent(QPaintEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QString m_cardId;
    int m_block;
    QColor m_accent;
    AcceptsCard m_accepts;
    CardDropped m_dropped;
    bool m_dropTarget = false;

    bool accepts(const QDropEvent *event) const;
};

} // namespace wf::ui
