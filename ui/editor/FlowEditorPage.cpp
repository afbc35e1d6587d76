#include "editor/FlowEditorPage.h"

#include "ConsoleSession.h"
#include "Icons.h"
#include "editor/CardCatalogueDialog.h"
#include "editor/CardInspector.h"
#include "editor/FlowCanvas.h"
#include "editor/OutputScope.h"
#include "editor/ProblemListModel.h"
#include "editor/TestFlowPanel.h"
#include "engine/CardCatalogue.h"
#include "flow/FlowValidator.h"
#include "models/FlowListModel.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace wf::ui {
namespace {

QHash<QString, QString> cardTitles(const Flow &flow)
{
    QHash<QString, QString> titles{{eventCardId(), flow.isHelper() ? FlowEditorPage::tr("Helper Flow")
                                                                   : FlowEditorPage::tr("API Endpoint")}};
    for (const QString &id : flowedit::allCardIds(flow))
        titles.insert(id, OutputScope::cardTitle(*flowedit::findCard(flow, id), CardCatalogue::builtIn()));
    return titles;
}

} // namespace

FlowEditorPage::FlowEditorPage(ConsoleSession &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("flowEditorPage"));
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(kSaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &FlowEditorPage::saveNow);

    m_stack = new QStackedWidget(this);
    m_emptyLabel = new QLabel(tr("Choose a flow to edit it."), m_stack);
    m_emptyLabel->setObjectName(QStringLiteral("editorEmpty"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_stack->addWidget(m_emptyLabel);
    m_stack->addWidget(buildEditor());
    connectEditor();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    m_catalogue = new CardCatalogueDialog(this);
    connect(m_catalogue, &QDialog::accepted, this,
            [this] { insertCard(m_catalogue->chosenFunctionId(), m_pendingInsert); });

    connect(&m_document, &FlowDocument::opened, this, &FlowEditorPage::documentOpened);
    connect(&m_document, &FlowDocument::contentChanged, this, &FlowEditorPage::contentChanged);
    connect(&m_document, &FlowDocument::headerChanged, this, &FlowEditorPage::headerChanged);
    connect(&m_session, &ConsoleSession::flowsChanged, this, &FlowEditorPage::workspaceChanged);
    connect(&m_session, &ConsoleSession::workspaceReloaded, this, &FlowEditorPage::workspaceChanged);
    updateHelperFlows();
    updateActions();
}

FlowEditorPage::~FlowEditorPage()
{
    m_inspector->commitPendingEdits();
    saveNow();
}

QWidget *FlowEditorPage::buildEditor()
{
    auto *editor = new QWidget(m_stack);
    m_title = new QLabel(editor);
    m_title->setObjectName(QStringLiteral("flowTitle"));
    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_title->setFont(big);
    m_subtitle = new QLabel(editor);
    m_subtitle->setObjectName(QStringLiteral("flowSubtitle"));
    m_subtitle->setStyleSheet(QStringLiteral("color: gray;"));
    m_saveState = new QLabel(editor);
    m_saveState->setObjectName(QStringLiteral("saveState"));
    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addWidget(m_subtitle);
    header->addStretch(1);
    header->addWidget(m_saveState);

    m_canvas = new FlowCanvas(editor);
    m_inspector = new CardInspector(m_document, editor);
    auto *top = new QSplitter(Qt::Horizontal, editor);
    top->addWidget(m_canvas);
    top->addWidget(m_inspector);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    top->setSizes({780, 480});
    top->setChildrenCollapsible(false);

    m_problemModel = new ProblemListModel(this);
    m_problemView = new QTreeView(editor);
    m_problemView->setObjectName(QStringLiteral("problemList"));
    m_problemView->setModel(m_problemModel);
    m_problemView->setRootIsDecorated(false);
    m_problemView->setUniformRowHeights(true);
    m_problemView->header()->setStretchLastSection(true);
    m_testPanel = new TestFlowPanel(editor);
    m_bottom = new QTabWidget(editor);
    m_bottom->setObjectName(QStringLiteral("editorBottomTabs"));
    m_bottom->addTab(m_problemView, tr("Problems"));
    m_bottom->addTab(m_testPanel, tr("Test flow"));
    auto *vertical = new QSplitter(Qt::Vertical, editor);
    vertical->addWidget(top);
    vertical->addWidget(m_bottom);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 1);
    vertical->setSizes({540, 220});

    auto *layout = new QVBoxLayout(editor);
    layout->setContentsMargins(8, 8, 8, 0);
    layout->addLayout(header);
    layout->addWidget(buildActions(editor));
    layout->addWidget(vertical, 1);

    return editor;
}

void FlowEditorPage::connectEditor()
{
    connect(m_canvas, &FlowCanvas::selectionChanged, this, &FlowEditorPage::selectionChanged);
    connect(m_canvas, &FlowCanvas::addCardRequested, this, &FlowEditorPage::addCardAt);
    connect(m_canvas, &FlowCanvas::bindingDropped, this,
            [this](const flowedit::InputKey &key, const QString &reference) {
                m_document.change(tr("Bind %1 to %2").arg(key.name, reference), [key, reference](Flow &flow) {
                    return flowedit::setBinding(flow, key, flowedit::referenceBinding(reference));
                });
            });
    connect(m_canvas, &FlowCanvas::cardMoved, this,
            [this](const QString &cardId, const flowedit::InsertPoint &to) {
                if (m_document.change(tr("Move card"), [cardId, to](Flow &flow) {
                        return flowedit::moveCardTo(flow, cardId, to);
                    }))
                    selectCard(cardId);
            });
    connect(m_canvas, &FlowCanvas::endpointSettingsClicked, this,
            [this] { emit endpointSettingsRequested(flowId()); });
    connect(m_inspector, &CardInspector::endpointSettingsRequested, this,
            [this] { emit endpointSettingsRequested(flowId()); });
    connect(m_inspector, &CardInspector::cardRenamed, this,
            [this](const QString &, const QString &to) { m_selection = to; });
    connect(m_problemView, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        const QString cardId = index.data(ProblemListModel::kCardIdRole).toString();
        if (!cardId.isEmpty())
            selectCard(cardId);
    });
    connect(m_testPanel, &TestFlowPanel::runRequested, this, &FlowEditorPage::runTest);
    connect(m_testPanel, &TestFlowPanel::cardActivated, this, &FlowEditorPage::selectCard);
    connect(m_testPanel, &TestFlowPanel::finished, this,
            [this] { m_canvas->setRunMarks(m_testPanel->runMarks()); });
}

QToolBar *FlowEditorPage::buildActions(QWidget *toolbarHost)
{
    auto *toolbar = new QToolBar(toolbarHost);
    toolbar->setObjectName(QStringLiteral("editorToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    const auto action = [&](const QString &name, const QString &text, const QString &icon,
                            const QList<QKeySequence> &keys, QWidget *scope) {
        auto *made = new QAction(wf::ui::icon(icon), text, this);
        made->setObjectName(name);
        made->setShortcuts(keys);
        made->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        if (!keys.isEmpty())
            made->setToolTip(
                QStringLiteral("%1 (%2)").arg(text, keys.first().toString(QKeySequence::NativeText)));
        toolbar->addAction(made);
        scope->addAction(made);
        return made;
    };
    // Delete and the moves act on the canvas only: in a text field, Del and Alt+arrows keep their meaning.
    m_addAction = action(QStringLiteral("addCardAction"), tr("Add card"), QStringLiteral("add"),
                         {QKeySequence(Qt::CTRL | Qt::Key_K)}, this);
    m_deleteAction = action(QStringLiteral("deleteCardAction"), tr("Delete"), QStringLiteral("delete"),
                            {QKeySequence(Qt::Key_Delete)}, m_canvas);
    m_upAction = action(QStringLiteral("moveUpAction"), tr("Move up"), QString(),
                        {QKeySequence(Qt::ALT | Qt::Key_Up)}, m_canvas);
    m_downAction = action(QStringLiteral("moveDownAction"), tr("Move down"), QString(),
                          {QKeySequence(Qt::ALT | Qt::Key_Down)}, m_canvas);
    toolbar->addSeparator();
    m_undoAction = action(QStringLiteral("undoAction"), tr("Undo"), QStringLiteral("undo"),
                          {QKeySequence(QKeySequence::Undo)}, this);
    m_redoAction =
        action(QStringLiteral("redoAction"), tr("Redo"), QStringLiteral("redo"),
               {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(QKeySequence::Redo)}, this);
    toolbar->addSeparator();
    m_testAction = action(QStringLiteral("testFlowAction"), tr("Test flow"), QStringLiteral("play"),
                          {QKeySequence(Qt::CTRL | Qt::Key_R)}, this);

    connect(m_addAction, &QAction::triggered, this, &FlowEditorPage::addCard);
    connect(m_deleteAction, &QAction::triggered, this, &FlowEditorPage::deleteSelectedCard);
    connect(m_upAction, &QAction::triggered, this, [this] { moveSelectedCard(-1); });
    connect(m_downAction, &QAction::triggered, this, [this] { moveSelectedCard(1); });
    connect(m_undoAction, &QAction::triggered, this, [this] { undoOrRedo(false); });
    connect(m_redoAction, &QAction::triggered, this, [this] { undoOrRedo(true); });
    connect(m_testAction, &QAction::triggered, this, &FlowEditorPage::runTest);
    QUndoStack *undo = m_document.undoStack();
    connect(undo, &QUndoStack::canUndoChanged, this, &FlowEditorPage::updateActions);
    connect(undo, &QUndoStack::canRedoChanged, this, &FlowEditorPage::updateActions);
    connect(undo, &QUndoStack::undoTextChanged, this, &FlowEditorPage::updateActions);
    connect(undo, &QUndoStack::redoTextChanged, this, &FlowEditorPage::updateActions);
    return toolbar;
}

QString FlowEditorPage::flowId() const
{
    return m_document.isOpen() ? m_document.flow().id : QString();
}

QUndoStack *FlowEditorPage::undoStack()
{
    return m_document.undoStack();
}

void FlowEditorPage::openFlow(const QString &flowId)
{
    if (m_document.isOpen() && m_document.flow().id == flowId)
        return;
    m_inspector->commitPendingEdits();
    if (!saveNow() && m_document.isOpen()) // kept until it can be saved (see saveNow())
        m_drafts.insert(m_document.flow().id, {m_document.flow().event, m_document.flow().cards});
    m_selection.clear();
    m_dirty = false;
    const Flow *flow = m_session.workspace().flowById(flowId);
    if (!flow) {
        m_emptyLabel->setText(flowId.isEmpty() ? tr("Choose a flow to edit it.")
                                               : tr("There is no flow '%1' in this workspace.").arg(flowId));
        m_savedContent.clear();
        m_document.close();
        return;
    }
    m_savedContent = FlowDocument::contentBytes(*flow);
    Flow opened = *flow;
    const auto draft = m_drafts.constFind(flowId);
    const bool restored = draft != m_drafts.constEnd();
    if (restored) {
        opened.event = draft->first;
        opened.cards = draft->second;
        m_drafts.erase(draft);
    }
    m_document.open(opened);
    if (restored) {
        m_dirty = true;
        saveNow();
    }
}

void FlowEditorPage::documentOpened()
{
    m_stack->setCurrentIndex(m_document.isOpen() ? 1 : 0);
    m_saveState->clear();
    m_canvas->clear();
    m_inspector->showCard(QString());
    if (!m_document.isOpen()) {
        m_problems.clear();
        m_problemModel->setProblems({}, {});
        updateActions();
        return;
    }
    showHeader();
    m_testPanel->prepare(m_document.flow());
    revalidate();
    m_canvas->showFlow(m_document.flow(), m_problems);
    m_inspector->setProblems(m_problems);
    updateActions();
}

void FlowEditorPage::contentChanged()
{
    if (!m_selection.isEmpty() && m_selection != eventCardId() &&
        !flowedit::findCard(m_document.flow(), m_selection))
        m_selection.clear();
    revalidate();
    m_canvas->setRunMarks({}); // the last test ran another version of the flow
    m_canvas->showFlow(m_document.flow(), m_problems);
    m_canvas->selectCard(m_selection);
    m_inspector->refresh();
    m_inspector->setProblems(m_problems);
    m_dirty = true;
    if (m_problems.isEmpty())
        showSaveState(tr("Saving…"));
    else
        showUnsaveable();
    m_saveTimer.start();
    updateActions();
}

void FlowEditorPage::headerChanged()
{
    showHeader();
    m_canvas->showFlow(m_document.flow(), m_problems);
    m_canvas->selectCard(m_selection);
}

void FlowEditorPage::showHeader()
{
    const Flow &flow = m_document.flow();
    m_title->setText(flow.name);
    m_subtitle->setText(flow.isHelper()
                            ? tr("Helper flow")
                            : QStringLiteral("%1 · %2").arg(FlowListModel::securityDisplayName(flow),
                                                            flow.active ? tr("On") : tr("Off")));
}

void FlowEditorPage::workspaceChanged()
{
    updateHelperFlows();
    if (m_saving || !m_document.isOpen())
        return;
    const Flow *flow = m_session.workspace().flowById(m_document.flow().id);
    if (!flow) {
        m_saveTimer.stop();
        m_dirty = false;
        m_emptyLabel->setText(tr("The flow '%1' was deleted.").arg(m_document.flow().name));
        m_document.close();
        return;
    }
    m_document.updateHeader(*flow);
    const QByteArray content = FlowDocument::contentBytes(*flow);
    if (content != m_savedContent && !m_dirty) {
        // Changed by another program or view while nothing here waited to be saved: take it in.
        const QString selection = m_selection;
        m_savedContent = content;
        m_document.open(*flow);
        selectCard(selection);
        return;
    }
    // Helper flows may have come or gone: the problems may be others now.
    revalidate();
    m_canvas->setProblems(m_problems);
    m_inspector->setProblems(m_problems);
}

void FlowEditorPage::updateHelperFlows()
{
    QList<std::pair<QString, QString>> helpers;
    for (const Flow &flow : m_session.workspace().flows()) {
        if (flow.isHelper())
            helpers.append({flow.id, flow.name});
    }
    m_inspector->setHelperFlows(helpers);
}

void FlowEditorPage::revalidate()
{
    if (!m_document.isOpen()) {
        m_problems.clear();
        return;
    }
    FlowLibrary library = m_session.workspace().library();
    library.add(m_document.flow());
    m_problems = validateFlow(m_document.flow(), CardCatalogue::builtIn(), &library);
    m_problemModel->setProblems(m_problems, cardTitles(m_document.flow()));
    m_bottom->setTabText(0,
                         m_problems.isEmpty() ? tr("Problems") : tr("Problems (%1)").arg(m_problems.size()));
}

bool FlowEditorPage::saveNow()
{
    m_saveTimer.stop();
    if (!m_dirty || !m_document.isOpen())
        return true;
    // The workspace refuses to open with a flow the validator finds problems in: a flow with problems
    // stays here, unsaved, until they are fixed.
    if (!m_problems.isEmpty()) {
        showUnsaveable();
        return false;
    }
    const Flow content = m_document.flow();
    if (FlowDocument::contentBytes(content) == m_savedContent) { // undone back to what is saved
        m_dirty = false;
        showSaveState(tr("All changes saved"));
        return true;
    }
    m_saving = true;
    auto saved = m_session.edit(ConsoleSession::Change::Flows, [&](Workspace &workspace) -> Result<bool> {
        const Flow *current = workspace.flowById(content.id);
        if (!current)
            return makeError(ErrorType::NotFound,
                             tr("The flow '%1' is no longer in the workspace.").arg(content.name));
        // Only the content is the editor's: name, on/off and endpoint settings stay as the workspace has
        // them.
        Flow updated = *current;
        updated.event = content.event;
        updated.cards = content.cards;
        return workspace.updateFlow(std::move(updated), m_session.secrets());
    });
    m_saving = false;
    if (!saved) {
        showSaveState(tr("Not saved: %1").arg(saved.error().message), true);
        return false;
    }
    m_dirty = false;
    if (const Flow *flow = m_session.workspace().flowById(content.id)) {
        m_savedContent = FlowDocument::contentBytes(*flow);
        m_document.updateHeader(*flow);
    }
    showSaveState(tr("All changes saved"));
    emit flowSaved(content.id);
    return true;
}

void FlowEditorPage::showSaveState(const QString &text, bool error)
{
    m_saveState->setText(text);
    m_saveState->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QStringLiteral("color: gray;"));
}

void FlowEditorPage::showUnsaveable()
{
    showSaveState(
        tr("Not saved yet: fix the %n problem(s) first", nullptr, static_cast<int>(m_problems.size())), true);
}

void FlowEditorPage::hideEvent(QHideEvent *event)
{
    saveNow();
    QWidget::hideEvent(event);
}

void FlowEditorPage::selectCard(const QString &cardId)
{
    m_canvas->selectCard(cardId);
}

void FlowEditorPage::selectionChanged(const QString &cardId)
{
    m_selection = cardId;
    m_inspector->showCard(cardId);
    updateActions();
}

void FlowEditorPage::addCard()
{
    if (!m_document.isOpen())
        return;
    flowedit::InsertPoint at;
    if (m_selection == eventCardId()) {
        at.index = 0;
    } else if (const auto place = flowedit::locate(m_document.flow(), m_selection)) {
        at = *place;
        ++at.index;
    }
    addCardAt(at);
}

void FlowEditorPage::addCardAt(const flowedit::InsertPoint &at)
{
    if (!m_document.isOpen())
        return;
    m_pendingInsert = at;
    m_catalogue->reset();
    m_catalogue->open();
}

bool FlowEditorPage::insertCard(const QString &functionId, const flowedit::InsertPoint &at)
{
    const CardSpec *spec = CardCatalogue::builtIn().find(functionId);
    if (!spec || !m_document.isOpen())
        return false;
    const CardNode card = flowedit::newCard(m_document.flow(), *spec);
    if (!m_document.change(tr("Add %1").arg(spec->name),
                           [&card, at](Flow &flow) { return flowedit::insertCard(flow, at, card); }))
        return false;
    selectCard(card.id);
    return true;
}

void FlowEditorPage::deleteSelectedCard()
{
    const auto at = flowedit::locate(m_document.flow(), m_selection);
    if (!at)
        return;
    // The card that takes the deleted one's place is selected, so Del can go on deleting.
    const QList<CardNode> *siblings = flowedit::cardsAt(m_document.flow(), at->parentCardId, at->block);
    QString next = at->parentCardId.isEmpty() ? eventCardId() : at->parentCardId;
    if (at->index + 1 < siblings->size())
        next = siblings->at(at->index + 1).id;
    else if (at->index > 0)
        next = siblings->at(at->index - 1).id;
    const QString id = m_selection;
    const QString title =
        OutputScope::cardTitle(*flowedit::findCard(m_document.flow(), id), CardCatalogue::builtIn());
    if (m_document.change(tr("Delete %1").arg(title),
                          [id](Flow &flow) { return flowedit::removeCard(flow, id); }))
        selectCard(next);
}

void FlowEditorPage::moveSelectedCard(int delta)
{
    const QString id = m_selection;
    if (id.isEmpty() || id == eventCardId())
        return;
    m_document.change(delta < 0 ? tr("Move card up") : tr("Move card down"),
                      [id, delta](Flow &flow) { return flowedit::moveCard(flow, id, delta); });
    selectCard(id);
}

void FlowEditorPage::runTest()
{
    if (!m_document.isOpen() || m_testPanel->isRunning())
        return;
    m_inspector->commitPendingEdits();
    m_bottom->setCurrentWidget(m_testPanel);
    FlowLibrary library = m_session.workspace().library();
    library.add(m_document.flow());
    m_testPanel->run(m_document.flow(), library, m_session.workspace().settings().timeoutSeconds);
}

void FlowEditorPage::undoOrRedo(bool redo)
{
    // What is being typed becomes a step first, so the undo takes back the latest change.
    m_inspector->commitPendingEdits();
    if (redo)
        m_document.undoStack()->redo();
    else
        m_document.undoStack()->undo();
}

void FlowEditorPage::updateActions()
{
    const bool open = m_document.isOpen();
    const auto at = open ? flowedit::locate(m_document.flow(), m_selection) : std::nullopt;
    const QList<CardNode> *siblings =
        at ? flowedit::cardsAt(m_document.flow(), at->parentCardId, at->block) : nullptr;
    m_addAction->setEnabled(open);
    m_deleteAction->setEnabled(at.has_value());
    m_upAction->setEnabled(at && at->index > 0);
    m_downAction->setEnabled(at && siblings && at->index + 1 < siblings->size());
    m_testAction->setEnabled(open);
    QUndoStack *undo = m_document.undoStack();
    m_undoAction->setEnabled(undo->canUndo());
    m_redoAction->setEnabled(undo->canRedo());
    m_undoAction->setText(undo->canUndo() ? tr("Undo %1").arg(undo->undoText()) : tr("Undo"));
    m_redoAction->setText(undo->canRedo() ? tr("Redo %1").arg(undo->redoText()) : tr("Redo"));
}

} // namespace wf::ui
