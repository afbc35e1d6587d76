#include "pages/FlowsPage.h"

#include "ConsoleSession.h"
#include "Icons.h"
#include "engine/CardCatalogue.h"
#include "engine/CardIds.h"
#include "flow/FlowJson.h"
#include "flow/FlowValidator.h"
#include "models/FlowListModel.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace wf::ui {
namespace {

const QString kErrorStyle =
    QStringLiteral("QFrame#%1 { background: #fdecea; border: 1px solid #f1b0ab; border-radius: 4px; }"
                   "QFrame#%1 QLabel { color: #611a15; }");
const QString kInfoStyle =
    QStringLiteral("QFrame#%1 { background: #e8f1fb; border: 1px solid #b3d1f0; border-radius: 4px; }"
                   "QFrame#%1 QLabel { color: #0d3c61; }");

FlowsPage::Prompts defaultPrompts(QWidget *parent)
{
    FlowsPage::Prompts prompts;
    prompts.askText = [parent](const QString &title, const QString &label,
                               const QString &text) -> std::optional<QString> {
        bool ok = false;
        const QString typed = QInputDialog::getText(parent, title, label, QLineEdit::Normal, text, &ok);
        if (!ok)
            return std::nullopt;
        return typed;
    };
    prompts.confirm = [parent](const QString &title, const QString &question) {
        return QMessageBox::question(parent, title, question, QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel) == QMessageBox::Yes;
    };
    prompts.openFile = [parent](const QString &title, const QString &suggestedPath) {
        return QFileDialog::getOpenFileName(parent, title, suggestedPath,
                                            FlowsPage::tr("Flow files (*.json);;All files (*)"));
    };
    prompts.saveFile = [parent](const QString &title, const QString &suggestedPath) {
        return QFileDialog::getSaveFileName(parent, title, suggestedPath,
                                            FlowsPage::tr("Flow files (*.json);;All files (*)"));
    };
    return prompts;
}

// A bar of the page: a framed, selectable message with a dismiss button (and room for more buttons
// before it).
QFrame *messageBar(const QString &objectName, QLabel **text, QToolButton **close, QWidget *parent)
{
    auto *bar = new QFrame(parent);
    bar->setObjectName(objectName);
    bar->setStyleSheet(kInfoStyle.arg(objectName));
    *text = new QLabel(bar);
    (*text)->setObjectName(objectName + QStringLiteral("Text"));
    (*text)->setWordWrap(true);
    (*text)->setTextFormat(Qt::PlainText);
    (*text)->setTextInteractionFlags(Qt::TextSelectableByMouse);
    *close = new QToolButton(bar);
    (*close)->setObjectName(objectName + QStringLiteral("Close"));
    (*close)->setAutoRaise(true);
    (*close)->setIcon(bar->style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    (*close)->setToolTip(FlowsPage::tr("Dismiss"));
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(*text, 1);
    layout->addWidget(*close, 0, Qt::AlignTop);
    bar->hide();
    return bar;
}

QString problemList(const QList<FlowProblem> &problems)
{
    QStringList lines;
    for (const FlowProblem &problem : problems)
        lines.append(QStringLiteral("• ") + problem.toString());
    return lines.join(QLatin1Char('\n'));
}

} // namespace

FlowsPage::FlowsPage(ConsoleSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_prompts(defaultPrompts(this)), m_lastDirectory(QDir::homePath())
{
    setObjectName(QStringLiteral("flowsPage"));
    m_model = new FlowListModel(session, this);
    buildTable();

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("flowFilter"));
    m_filter->setPlaceholderText(tr("Filter by name, description or id"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(380);

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("flowsEmpty"));
    m_empty->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_empty->setContentsMargins(0, 48, 0, 0);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false); // drawn in the disabled (grey) colour: a hint, not content

    auto *toolBar = new QToolBar(this);
    toolBar->setObjectName(QStringLiteral("flowsToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    buildActions();
    toolBar->addActions({m_newAction, m_importAction, m_exportAction});
    toolBar->addSeparator();
    toolBar->addActions({m_duplicateAction, m_renameAction, m_deleteAction});
    toolBar->addSeparator();
    toolBar->addActions({m_openAction, m_endpointAction, m_historyAction});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 12);
    layout->addWidget(toolBar);
    layout->addWidget(m_filter);
    layout->addWidget(buildMessageBars());
    layout->addWidget(m_table, 1);
    layout->addWidget(m_empty, 1);

    connectViews();
    updateEmptyState();
    updateActions();
}

void FlowsPage::buildTable()
{
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(FlowListModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortLocaleAware(true);
    m_proxy->setFilterRole(FlowListModel::FilterRole);
    m_proxy->setFilterKeyColumn(FlowListModel::NameColumn);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("flowTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    // Double-click opens the flow; renaming in place is F2 (or the Rename action).
    m_table->setEditTriggers(QAbstractItemView::EditKeyPressed);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(FlowListModel::NameColumn, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(FlowListModel::NameColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setHighlightSections(false);
}

void FlowsPage::connectViews()
{
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_filter, &QLineEdit::textChanged, this, &FlowsPage::updateEmptyState);
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        emit openFlowRequested(index.data(FlowListModel::FlowIdRole).toString());
    });
    connect(m_table, &QWidget::customContextMenuRequested, this, &FlowsPage::showContextMenu);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        if (const QString id = currentFlowId(); !id.isEmpty())
            m_rememberedFlowId = id;
        updateActions();
    });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] { makeCurrent(m_rememberedFlowId); });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &FlowsPage::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &FlowsPage::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &FlowsPage::updateActions);
    connect(m_model, &FlowListModel::editFailed, this,
            [this](const QString &message) { showMessage(message, true); });
}

FlowsPage::~FlowsPage() = default;

void FlowsPage::buildActions()
{
    const auto make = [this](const char *objectName, const QString &text, const char *iconName) {
        auto *action = new QAction(icon(QLatin1String(iconName)), text, this);
        action->setObjectName(QLatin1String(objectName));
        return action;
    };
    m_newAction = make("newFlowAction", tr("New flow"), "add");
    m_newAction->setShortcut(QKeySequence::New);
    m_importAction = make("importFlowAction", tr("Import flow..."), "import");
    m_exportAction = make("exportFlowAction", tr("Export flow..."), "export");
    m_duplicateAction = make("duplicateFlowAction", tr("Duplicate"), "copy");
    m_duplicateAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_renameAction = make("renameFlowAction", tr("Rename"), "editor");
    m_renameAction->setShortcut(QKeySequence(Qt::Key_F2));
    m_deleteAction = make("deleteFlowAction", tr("Delete"), "delete");
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_undoAction = make("undoDeleteAction", tr("Undo delete"), "undo");
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_openAction = make("openFlowAction", tr("Open"), "flows");
    m_openAction->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    m_endpointAction = make("endpointSettingsAction", tr("Endpoint settings..."), "lock");
    m_historyAction = make("showHistoryAction", tr("Show history"), "history");
    auto *find = new QAction(tr("Filter flows"), this);
    find->setObjectName(QStringLiteral("filterFlowsAction"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });

    // Keys a text field needs itself (Delete, Ctrl+Z, Return) act only when the table has the focus,
    // so that they never reach the filter or the name being edited; the others act anywhere on the page.
    for (QAction *action : {m_deleteAction, m_undoAction, m_openAction}) {
        action->setShortcutContext(Qt::WidgetShortcut);
        m_table->addAction(action);
    }
    for (QAction *action : {m_newAction, m_duplicateAction, m_renameAction, find}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }

    connectActions();
}

void FlowsPage::connectActions()
{
    connect(m_newAction, &QAction::triggered, this, &FlowsPage::newFlow);
    connect(m_importAction, &QAction::triggered, this, &FlowsPage::importFlow);
    connect(m_exportAction, &QAction::triggered, this, &FlowsPage::exportFlow);
    connect(m_duplicateAction, &QAction::triggered, this, &FlowsPage::duplicateFlow);
    connect(m_renameAction, &QAction::triggered, this, &FlowsPage::renameFlow);
    connect(m_deleteAction, &QAction::triggered, this, &FlowsPage::deleteFlow);
    connect(m_undoAction, &QAction::triggered, this, &FlowsPage::undoDelete);
    connect(m_openAction, &QAction::triggered, this, [this] {
        if (const QString id = currentFlowId(); !id.isEmpty())
            emit openFlowRequested(id);
    });
    connect(m_endpointAction, &QAction::triggered, this, [this] {
        if (const Flow *flow = currentFlow(); flow && !flow->isHelper())
            emit endpointSettingsRequested(flow->id);
    });
    connect(m_historyAction, &QAction::triggered, this, [this] {
        if (const QString id = currentFlowId(); !id.isEmpty())
            emit historyRequested(id);
    });

    m_contextMenu = new QMenu(this);
    m_contextMenu->setObjectName(QStringLiteral("flowContextMenu"));
    m_contextMenu->addActions({m_openAction, m_endpointAction, m_historyAction});
    m_contextMenu->addSeparator();
    m_contextMenu->addActions({m_renameAction, m_duplicateAction, m_exportAction, m_deleteAction});
    m_contextMenu->addSeparator();
    m_contextMenu->addActions({m_newAction, m_importAction});
}

QWidget *FlowsPage::buildMessageBars()
{
    auto *bars = new QWidget(this);
    auto *layout = new QVBoxLayout(bars);
    layout->setContentsMargins(0, 0, 0, 0);

    QToolButton *closeMessage = nullptr;
    m_message = messageBar(QStringLiteral("flowsMessage"), &m_messageText, &closeMessage, bars);
    connect(closeMessage, &QToolButton::clicked, this, &FlowsPage::hideMessage);

    QToolButton *closeUndo = nullptr;
    QFrame *undoBar = messageBar(QStringLiteral("undoBar"), &m_undoText, &closeUndo, bars);
    m_undoBar = undoBar;
    auto *undoButton = new QPushButton(tr("Undo"), undoBar);
    undoButton->setObjectName(QStringLiteral("undoButton"));
    qobject_cast<QHBoxLayout *>(undoBar->layout())->insertWidget(1, undoButton, 0, Qt::AlignTop);
    connect(undoButton, &QPushButton::clicked, this, &FlowsPage::undoDelete);
    connect(closeUndo, &QToolButton::clicked, this, [this] { // dismissing the bar gives up the undo
        m_deleted.reset();
        m_undoBar->hide();
        updateActions();
    });

    layout->addWidget(m_message);
    layout->addWidget(m_undoBar);
    return bars;
}

void FlowsPage::setPrompts(Prompts prompts)
{
    m_prompts = std::move(prompts);
}

void FlowsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_model->refreshLastRuns(); // history may have been cleared or grown while the page was hidden
}

bool FlowsPage::selectFlow(const QString &flowId)
{
    if (flowId.isEmpty() || m_model->rowOf(flowId) < 0)
        return false;
    if (!proxyIndexOf(flowId, FlowListModel::NameColumn).isValid())
        m_filter->clear(); // the filter hides it
    return makeCurrent(flowId);
}

bool FlowsPage::makeCurrent(const QString &flowId)
{
    const QModelIndex index = proxyIndexOf(flowId, FlowListModel::NameColumn);
    if (!index.isValid())
        return false;
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
    return true;
}

QString FlowsPage::currentFlowId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(FlowListModel::FlowIdRole).toString() : QString();
}

const Flow *FlowsPage::currentFlow() const
{
    const QString id = currentFlowId();
    return id.isEmpty() ? nullptr : m_session.workspace().flowById(id);
}

QModelIndex FlowsPage::proxyIndexOf(const QString &flowId, int column) const
{
    const int row = m_model->rowOf(flowId);
    if (row < 0)
        return {};
    return m_proxy->mapFromSource(m_model->index(row, column));
}

void FlowsPage::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_table->indexAt(position);
    if (index.isValid())
        m_table->setCurrentIndex(index);
    m_contextMenu->popup(m_table->viewport()->mapToGlobal(position));
}

void FlowsPage::updateActions()
{
    const Flow *flow = currentFlow();
    for (QAction *action :
         {m_duplicateAction, m_renameAction, m_deleteAction, m_exportAction, m_openAction, m_historyAction})
        action->setEnabled(flow != nullptr);
    m_endpointAction->setEnabled(flow && !flow->isHelper());
    m_undoAction->setEnabled(m_deleted.has_value());
}

void FlowsPage::updateEmptyState()
{
    const bool noFlows = m_model->rowCount() == 0;
    const bool noneShown = m_proxy->rowCount() == 0;
    if (noFlows)
        m_empty->setText(tr("No flows yet. Create one with New flow (Ctrl+N), or import a flow file."));
    else if (noneShown)
        m_empty->setText(tr("No flow matches \u201c%1\u201d.").arg(m_filter->text()));
    m_empty->setVisible(noneShown);
    m_table->setVisible(!noneShown);
    updateActions();
}

void FlowsPage::showMessage(const QString &text, bool error)
{
    m_message->setStyleSheet((error ? kErrorStyle : kInfoStyle).arg(m_message->objectName()));
    m_message->setProperty("error", error);
    m_messageText->setText(text);
    m_message->show();
}

void FlowsPage::hideMessage()
{
    m_message->hide();
    m_messageText->clear();
}

void FlowsPage::showUndo(const Flow &deleted)
{
    QString text = tr("The flow '%1' was deleted.").arg(deleted.name);
    if (!deleted.isHelper() && deleted.endpoint.security == SecurityLevel::ClientToken)
        text += QLatin1Char(' ') +
                tr("Undo restores it with the same Invoke URL and a new client token (the old one was "
                   "deleted with it).");
    else if (!deleted.isHelper())
        text += QLatin1Char(' ') + tr("Undo restores it with the same Invoke URL.");
    m_undoText->setText(text);
    m_undoBar->show();
}

// Adds `flow` with the id it has when that is free (keepFreeId), else with a new id made from its
// name (or its id, for a kept id that is taken), and selects it.
bool FlowsPage::addFlowAndSelect(Flow flow, bool keepFreeId, QString *addedId)
{
    const auto added = m_session.edit(ConsoleSession::Change::Flows, [&](Workspace &workspace) {
        if (!keepFreeId || flow.id.isEmpty())
            flow.id = workspace.newFlowId(flow.name);
        else if (workspace.flowById(flow.id))
            flow.id = workspace.newFlowId(flow.id);
        *addedId = flow.id;
        return workspace.addFlow(flow, m_session.secrets());
    });
    if (!added) {
        showMessage(tr("The flow '%1' was not added: %2").arg(flow.name, added.error().message), true);
        return false;
    }
    selectFlow(*addedId);
    return true;
}

void FlowsPage::newFlow()
{
    hideMessage();
    const auto name = m_prompts.askText(tr("New flow"), tr("Name of the new flow:"), QString());
    if (!name)
        return;
    Flow flow;
    flow.name = name->trimmed();
    if (flow.name.isEmpty()) {
        showMessage(tr("A flow needs a name; no flow was created."), true);
        return;
    }
    // Like a new flow in Okta Workflows: an API Endpoint event, public, no cards yet, and off until
    // it is switched on.
    flow.active = false;
    flow.event.type = EventType::ApiEndpoint;
    flow.endpoint.security = SecurityLevel::None;
    QString id;
    if (!addFlowAndSelect(flow, false, &id))
        return;
    showMessage(tr("Created the flow '%1'. It is off until you switch it on.").arg(flow.name), false);
    emit openFlowRequested(id);
}

void FlowsPage::duplicateFlow()
{
    hideMessage();
    const Flow *original = currentFlow();
    if (!original)
        return;
    Flow copy = *original;
    copy.name = tr("%1 copy").arg(original->name);
    const QString originalName = original->name;
    QString id;
    if (!addFlowAndSelect(copy, false, &id))
        return;
    showMessage(
        copy.isHelper()
            ? tr("Created '%1', a copy of '%2'.").arg(copy.name, originalName)
            : tr("Created '%1', a copy of '%2' with its own Invoke URL.").arg(copy.name, originalName),
        false);
}

void FlowsPage::renameFlow()
{
    const QModelIndex index = proxyIndexOf(currentFlowId(), FlowListModel::NameColumn);
    if (!index.isValid())
        return;
    hideMessage();
    m_table->setFocus();
    m_table->setCurrentIndex(index);
    m_table->edit(index);
}

void FlowsPage::deleteFlow()
{
    const Flow *flow = currentFlow();
    if (!flow)
        return;
    hideMessage();
    const Flow removed = *flow;
    // A flow whose helper is missing cannot run, and the workspace would not open again.
    if (const QStringList callers = m_session.workspace().callersOf(removed.id); !callers.isEmpty()) {
        QStringList quoted;
        for (const QString &caller : callers)
            quoted.append(QStringLiteral("'%1'").arg(caller));
        showMessage(
            tr("The flow '%1' was not deleted: it is called by %2. Change or delete those flows first.")
                .arg(removed.name, quoted.join(QStringLiteral(", "))),
            true);
        return;
    }
    if (!m_prompts.confirm(tr("Delete flow"),
                           tr("Delete the flow '%1'? Its Invoke URL stops answering. Its execution "
                              "history is kept.")
                               .arg(removed.name)))
        return;
    const int proxyRow = m_table->currentIndex().row();
    const QList<Flow> &flows = m_session.workspace().flows();
    const auto place =
        std::find_if(flows.cbegin(), flows.cend(), [&](const Flow &f) { return f.id == removed.id; });
    const qsizetype index = place - flows.cbegin();
    const auto done = m_session.edit(ConsoleSession::Change::Flows, [&](Workspace &workspace) {
        return workspace.removeFlow(removed.id, m_session.secrets());
    });
    if (!done) {
        showMessage(tr("The flow '%1' was not deleted: %2").arg(removed.name, done.error().message), true);
        return;
    }
    m_deleted = DeletedFlow{removed, index};
    showUndo(removed);
    if (m_proxy->rowCount() > 0)
        m_table->setCurrentIndex(m_proxy->index(qMin(proxyRow, m_proxy->rowCount() - 1), 0));
    updateActions();
}

void FlowsPage::undoDelete()
{
    if (!m_deleted)
        return;
    hideMessage();
    const Flow flow = m_deleted->flow;
    const auto restored = m_session.edit(ConsoleSession::Change::Flows, [&](Workspace &workspace) {
        return workspace.restoreFlow(flow, m_session.secrets(), m_deleted->index);
    });
    if (!restored) {
        showMessage(tr("The flow '%1' was not restored: %2").arg(flow.name, restored.error().message), true);
        return;
    }
    m_deleted.reset();
    m_undoBar->hide();
    selectFlow(flow.id);
    if (!flow.isHelper() && flow.endpoint.security == SecurityLevel::ClientToken)
        showMessage(tr("Restored the flow '%1'. Its client token is new: copy it from the endpoint settings.")
                        .arg(flow.name),
                    false);
    else
        showMessage(tr("Restored the flow '%1'.").arg(flow.name), false);
    updateActions();
}

void FlowsPage::importFlow()
{
    hideMessage();
    const QString path = m_prompts.openFile(tr("Import flow"), m_lastDirectory);
    if (path.isEmpty())
        return;
    m_lastDirectory = QFileInfo(path).absolutePath();
    const QString fileName = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showMessage(tr("%1 was not imported: %2").arg(fileName, file.errorString()), true);
        return;
    }
    if (file.size() > kMaxFlowFileSize) {
        showMessage(tr("%1 was not imported: a flow file is at most %2 MiB.")
                        .arg(fileName)
                        .arg(kMaxFlowFileSize / (1024 * 1024)),
                    true);
        return;
    }
    const FlowLibrary library = m_session.workspace().library();
    const FlowParseResult parsed = loadFlow(file.readAll(), CardCatalogue::builtIn(), &library);
    if (!parsed.ok()) {
        showMessage(
            tr("%1 was not imported: %n problem(s).", nullptr, int(parsed.problems.size())).arg(fileName) +
                QLatin1Char('\n') + problemList(parsed.problems),
            true);
        return;
    }
    const Flow &flow = *parsed.flow;
    QString id;
    if (!addFlowAndSelect(flow, true, &id))
        return;
    QString text = tr("Imported the flow '%1' from %2.").arg(flow.name, fileName);
    if (id != flow.id)
        text += QLatin1Char(' ') +
                tr("A flow with the id '%1' exists already: the imported one is '%2'.").arg(flow.id, id);
    showMessage(text, false);
}

void FlowsPage::exportFlow()
{
    const Flow *current = currentFlow();
    if (!current)
        return;
    hideMessage();
    // A definition to share: without the alias (a public flow's Invoke URL is its only key) and
    // without the client token's hash. Importing gives it its own.
    Flow flow = *current;
    flow.alias.clear();
    flow.endpoint.clientTokenHash.clear();
    const QString path = m_prompts.saveFile(
        tr("Export flow"), QDir(m_lastDirectory).filePath(flow.id + QStringLiteral(".json")));
    if (path.isEmpty())
        return;
    m_lastDirectory = QFileInfo(path).absolutePath();
    QString error;
    if (!flowjson::save(flow, path, &error)) {
        showMessage(tr("The flow '%1' was not exported: %2").arg(flow.name, error), true);
        return;
    }
    showMessage(tr("Exported the flow '%1' to %2.").arg(flow.name, QDir::toNativeSeparators(path)), false);
}

} // namespace wf::ui
