#pragma once

// The flow the editor works on: a copy of the workspace's flow whose content (the event card and the
// cards) changes only through undoable commands on its QUndoStack. Each change is applied to a copy
// of the flow by an edit function and pushed as a before/after snapshot, so undo and redo restore
// exactly what was there. The rest of the flow (name, endpoint settings, on/off) belongs to other
// views: it follows the workspace and is never part of the undo history.

#include "flow/Flow.h"

#include <QObject>
#include <QUndoStack>
#include <functional>

namespace wf::ui {

class FlowDocument final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlowDocument)

public:
    explicit FlowDocument(QObject *parent = nullptr);
    ~FlowDocument() override;

    bool isOpen() const { return m_open; }
    const Flow &flow() const { return m_flow; }
    QUndoStack *undoStack() { return &m_undo; }

    // Starts editing `flow`; the undo history starts empty.
    void open(const Flow &flow);
    void close();
    // Takes everything but the content from `flow` (a change made elsewhere: name, endpoint settings).
    void updateHeader(const Flow &flow);

    // Applies `edit` to a copy of the flow and, when it returns true and the content changed, pushes
    // the change as one undo step named `text`. Consecutive changes with the same non-empty
    // `mergeKey` (typing into one field) merge into a single step. False when nothing changed.
    bool change(const QString &text, const std::function<bool(Flow &)> &edit, const QString &mergeKey = {});

    // The event card and cards as bytes, to tell whether two flows have the same content.
    static QByteArray contentBytes(const Flow &flow);

signals:
    // The content changed: an edit, an undo or a redo.
    void contentChanged();
    // Another flow (or none) is open.
    void opened();
    // The name or another part outside the content changed.
    void headerChanged();

private:
    friend class SnapshotCommand;
    void setContent(const EventCard &event, const QList<CardNode> &cards);

    Flow m_flow;
    bool m_open = false;
    QUndoStack m_undo;
};

} // namespace wf::ui
