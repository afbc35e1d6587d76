#pragma once

// The frame every card of the editor's canvas is drawn in: a rounded panel with the card's category
// colour as a strip on its left, a title line, a red border and a badge listing the problems the
// validator found, and a highlighted border when the card is selected. A click selects the card; a
// card can be dragged (kCardMime, its id) and dropped before or after another card to move it.

#include <QFrame>
#include <QPoint>
#include <QStringList>
#include <functional>
#include <optional>

class QLabel;
class QMimeData;
class QVBoxLayout;

namespace wf::ui {

inline const QString kCardMime = QStringLiteral("application/x-wf-card");

class CardFrame : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CardFrame)

public:
    CardFrame(const QString &cardId, const QString &title, const QString &subtitle, const QColor &accent,
              QWidget *parent = nullptr);
    ~CardFrame() override;

    QString cardId() const { return m_cardId; }
    QString title() const;

    bool isSelected() const { return m_selected; }
    void setSelected(bool selected);
    QStringList problems() const { return m_problems; }
    void setProblems(const QStringList &problems);
    // How the card did in the last test run: nullopt (not run), true (ran), false (failed).
    void setRunMark(std::optional<bool> ran);

    // Cards dropped on this one: `accepts(draggedId)` says whether it may go here, `dropped(draggedId,
    // after)` moves it before (after = false) or after this card.
    using AcceptsCard = std::function<bool(const QString &draggedId)>;
    using CardDropped = std::function<void(const QString &draggedId, bool after)>;
    void setCardDropHandler(AcceptsCard accepts, CardDropped dropped);
    void setDraggable(bool draggable) { m_draggable = draggable; }
    // True while a card's drag runs (its nested event loop): the canvas keeps the widgets it may use.
    static bool dragInProgress();

    // The object name of the frame of `cardId` ("card:<id>").
    static QString objectNameFor(const QString &cardId);
    // The card id a drag carries, or empty.
    static QString draggedCard(const QMimeData *mime);

signals:
    void clicked(const QString &cardId);

protected:
    QVBoxLayout *contentLayout() const { return m_content; }
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    // -1: the dragged card would go before this one, 1: after, 0: no drag over it.
    int dropSide(const QDropEvent *event) const;
    QString m_cardId;
    QColor m_accent;
    QLabel *m_title = nullptr;
    QLabel *m_badge = nullptr;
    QLabel *m_runMark = nullptr;
    QVBoxLayout *m_content = nullptr;
    QStringList m_problems;
    bool m_selected = false;
    bool m_draggable = true;
    QPoint m_pressedAt;
    bool m_pressed = false;
    AcceptsCard m_accepts;
    CardDropped m_dropped;
    int m_dropSide = 0;
};

} // namespace wf::ui
