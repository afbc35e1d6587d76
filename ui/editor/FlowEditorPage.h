#pragma once

// The flow editor: the flow's cards as a column on the canvas (event card first, blocks nested), the
// selected card's inspector on the right, and under them the validator's problems and "Test flow".
// Cards are added from the catalogue, deleted, moved and bound; every change is an undo step
// (Ctrl+Z, Ctrl+Shift+Z), is checked by the validator at once, and is saved to the workspace 300 ms
// after the last one (at once when another flow is opened or the editor closes). A change made to
// the flow elsewhere is taken in when nothing here is waiting to be saved.

#include "editor/FlowDocument.h"
#include "editor/FlowEdits.h"
#include "flow/FlowJson.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class QAction;
class QLabel;
class QStackedWidget;
class QTabWidget;
class QToolBar;
class QTreeView;
class QUndoStack;

namespace wf::ui {

class CardCatalogueDialog;
class CardInspector;
class ConsoleSession;
class FlowCanvas;
class ProblemListModel;
class TestFlowPanel;

class FlowEditorPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlowEditorPage)

public:
    static constexpr int kSaveDelayMs = 300;

    explicit FlowEditorPage(ConsoleSession &session, QWidget *parent = nullptr);
    ~FlowEditorPage() override; // saves what is waiting to be saved

    // Edits the flow `flowId` (what the previous flow had pending is saved first). An unknown id shows
    // the empty editor.
    void openFlow(const QString &flowId);
    QString flowId() const;
    QUndoStack *undoStack();

    // Saves the pending change now. False (with the reason shown) when it could not be saved: the
    // workspace refused it, or the flow has problems (workspace.json only holds flows that validate,
    // so such a flow is kept here, across flow switches too, and saved once they are fixed).
    bool saveNow();
    bool hasUnsavedChanges() const { return m_dirty || !m_drafts.isEmpty(); }

    QString selectedCard() const { return m_selection; }
    void selectCard(const QString &cardId);
    // Opens the card catalogue to add a card after the selected one (into the selected place).
    void addCard();
    void addCardAt(const flowedit::InsertPoint &at);
    // Adds a card of `functionId` at `at` and selects it; false when it could not be added.
    bool insertCard(const QString &functionId, const flowedit::InsertPoint &at);
    void deleteSelectedCard();
    void moveSelectedCard(int delta);
    // Runs the flow as it is now with the Test flow panel's request.
    void runTest();

    FlowDocument *document() { return &m_document; }
    FlowCanvas *canvas() const { return m_canvas; }
    CardInspector *inspector() const { return m_inspector; }
    TestFlowPanel *testPanel() const { return m_testPanel; }
    CardCatalogueDialog *catalogueDialog() const { return m_catalogue; }
    ProblemListModel *problemModel() const { return m_problemModel; }
    const QList<FlowProblem> &problems() const { return m_problems; }

signals:
    // The "Endpoint settings" button of the API Endpoint card.
    void endpointSettingsRequested(const QString &flowId);
    void flowSaved(const QString &flowId);

protected:
    void hideEvent(QHideEvent *event) override;

private:
    QWidget *buildEditor();
    void connectEditor();
    QToolBar *buildActions(QWidget *toolbarHost);
    void documentOpened();
    void contentChanged();
    void headerChanged();
    void workspaceChanged();
    void selectionChanged(const QString &cardId);
    void revalidate();
    void showHeader();
    void updateActions();
    void showSaveState(const QString &text, bool error = false);
    void showUnsaveable();
    void updateHelperFlows();
    void undoOrRedo(bool redo);

    ConsoleSession &m_session;
    FlowDocument m_document;
    QTimer m_saveTimer;
    bool m_dirty = false;
    bool m_saving = false;
    QByteArray m_savedContent; // the content last saved or read, to tell changes made elsewhere
    QString m_selection;
    flowedit::InsertPoint m_pendingInsert;
    QList<FlowProblem> m_problems;
    // Content of flows left with problems (not saveable) when another flow was opened: flow id → content.
    QHash<QString, std::pair<EventCard, QList<CardNode>>> m_drafts;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_saveState = nullptr;
    FlowCanvas *m_canvas = nullptr;
    CardInspector *m_inspector = nullptr;
    QTabWidget *m_bottom = nullptr;
    QTreeView *m_problemView = nullptr;
    ProblemListModel *m_problemModel = nullptr;
    TestFlowPanel *m_testPanel = nullptr;
    CardCatalogueDialog *m_catalogue = nullptr;
    QAction *m_addAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_upAction = nullptr;
    QAction *m_downAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_testAction = nullptr;
};

} // namespace wf::ui
