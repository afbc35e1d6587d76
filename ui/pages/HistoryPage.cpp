#include "pages/HistoryPage.h"

#include "ConsoleSession.h"
#include "Icons.h"
#include "endpoint/ResponseShaper.h"
#include "engine/CardIds.h"
#include "models/HistoryModel.h"
#include "pages/ExecutionDetails.h"
#include "widgets/JsonView.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace wf::ui {
namespace {

constexpr int kSearchDelayMs = 300;
constexpr int kRefreshDelayMs = 250; // at most four refreshes a second
constexpr int kRunningPollMs = 1000;
constexpr int kAllStatuses = -1;

// "409 Conflict (execution_not_paused: execution ... is not paused)" for an answer's status and body.
QString answerText(int status, const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QString error = object.value(QLatin1String("error")).toString();
    const QString description = object.value(QLatin1String("error_description")).toString();
    QString text = QString::number(status) + QLatin1Char(' ') + reasonPhrase(status);
    if (!error.isEmpty() && !description.isEmpty())
        text += QStringLiteral(" (%1: %2)").arg(error, description);
    else if (!error.isEmpty())
        text += QStringLiteral(" (%1)").arg(error);
    return text;
}

} // namespace

HistoryPage::HistoryPage(ConsoleSession &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("historyPage"));
    m_model = new HistoryModel(session.history(), this);
    m_details = new ExecutionDetails(session, this);
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(kSearchDelayMs);
    m_refreshDelay = new QTimer(this);
    m_refreshDelay->setSingleShot(true);
    m_refreshDelay->setInterval(kRefreshDelayMs);
    m_runningPoll = new QTimer(this);
    m_runningPoll->setInterval(kRunningPollMs);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("historySplitter"));
    m_splitter->addWidget(buildList());
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({700, 500}); // proportions; the stretch factors share what the window adds
    m_splitter->setChildrenCollapsible(false);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("historyMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildFilters());
    layout->addWidget(m_message);
    layout->addWidget(m_splitter, 1);

    connect(m_searchDelay, &QTimer::timeout, this, &HistoryPage::applyFilter);
    connect(m_refreshDelay, &QTimer::timeout, m_model, &HistoryModel::refresh);
    connect(m_runningPoll, &QTimer::timeout, this, &HistoryPage::pollRunning);
    connectParts();

    auto *refreshAction = new QAction(tr("Refresh"), this);
    refreshAction->setObjectName(QStringLiteral("refreshAction"));
    refreshAction->setShortcut(QKeySequence(Qt::Key_F5));
    refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(refreshAction, &QAction::triggered, this, &HistoryPage::refresh);
    addAction(refreshAction);

    fillFlowFilter();
    updateServerState();
    applyFilter();
}

HistoryPage::~HistoryPage() = default;

void HistoryPage::connectParts()
{
    m_askResumeBody = [this](const QString &suggested) -> std::optional<QByteArray> {
        bool ok = false;
        const QString text = QInputDialog::getMultiLineText(
            this, tr("Resume execution"),
            tr("JSON body for the Pause card's outputs (leave empty to resume without a body):"), suggested,
            &ok);
        return ok ? std::optional<QByteArray>(text.toUtf8()) : std::nullopt;
    };
    m_confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Clear history"), question, QMessageBox::Yes | QMessageBox::No,
                                     QMessageBox::No) == QMessageBox::Yes;
    };

    ServerController &server = m_session.server();
    connect(&server, &ServerController::requestFinished, this,
            [this](const QString &, const QString &, int, qint64, const QString &executionId) {
                if (!executionId.isEmpty())
                    scheduleRefresh();
            });
    connect(&server, &ServerController::consoleExecutionFinished, this, &HistoryPage::scheduleRefresh);
    connect(&server, &ServerController::stateChanged, this, &HistoryPage::updateServerState);
    connect(&m_session, &ConsoleSession::flowsChanged, this, &HistoryPage::fillFlowFilter);
    connect(&m_session, &ConsoleSession::workspaceReloaded, this, &HistoryPage::fillFlowFilter);

    connect(m_model, &HistoryModel::loadFinished, this, [this](const QString &error) {
        updateFooter();
        if (!error.isEmpty())
            showMessage(tr("History could not be read: %1").arg(error));
        selectPendingExecution();
    });
    connect(m_model, &HistoryModel::dataChanged, this,
            [this](const QModelIndex &top, const QModelIndex &bottom) {
                const int row = m_table->currentIndex().row();
                if (row >= top.row() && row <= bottom.row())
                    reloadDetails();
            });
    connect(m_details, &ExecutionDetails::resumeRequested, this, &HistoryPage::resumeSelected);
    connect(m_details, &ExecutionDetails::retryRequested, this, &HistoryPage::retrySelected);
    connect(m_details, &ExecutionDetails::cancelRequested, this, &HistoryPage::cancelSelected);
    connect(m_details, &ExecutionDetails::executionLinkActivated, this, &HistoryPage::showExecution);
}

QWidget *HistoryPage::buildFilters()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_flowFilter = new QComboBox(bar);
    m_flowFilter->setObjectName(QStringLiteral("flowFilter"));
    m_flowFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_statusFilter = new QComboBox(bar);
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilter->addItem(tr("All statuses"), kAllStatuses);
    for (ExecutionStatus status :
         {ExecutionStatus::InProgress, ExecutionStatus::Success, ExecutionStatus::Failed,
          ExecutionStatus::Paused, ExecutionStatus::Canceled, ExecutionStatus::TimedOut})
        m_statusFilter->addItem(m_model->statusIcon(status), HistoryModel::statusText(status), int(status));
    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("searchFilter"));
    m_search->setPlaceholderText(tr("Search bodies, trace, errors, path..."));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(icon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    m_refresh = new QPushButton(icon(QStringLiteral("refresh")), tr("Refresh"), bar);
    m_refresh->setObjectName(QStringLiteral("refresh"));
    m_refresh->setToolTip(tr("Read history again (F5)"));
    m_clear = new QPushButton(icon(QStringLiteral("delete")), QString(), bar);
    m_clear->setObjectName(QStringLiteral("clearHistory"));

    connect(m_flowFilter, &QComboBox::currentIndexChanged, this, &HistoryPage::applyFilter);
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &HistoryPage::applyFilter);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchDelay->start(); });
    connect(m_refresh, &QPushButton::clicked, this, &HistoryPage::refresh);
    connect(m_clear, &QPushButton::clicked, this, &HistoryPage::clearHistory);

    row->addWidget(new QLabel(tr("Flow:"), bar));
    row->addWidget(m_flowFilter);
    row->addWidget(new QLabel(tr("Status:"), bar));
    row->addWidget(m_statusFilter);
    row->addWidget(m_search, 1);
    row->addWidget(m_refresh);
    row->addWidget(m_clear);
    return bar;
}

QWidget *HistoryPage::buildList()
{
    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableView(pane);
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    header->setHighlightSections(false);
    const QFontMetrics metrics = m_table->fontMetrics();
    header->resizeSection(HistoryModel::Started,
                          metrics.horizontalAdvance(QStringLiteral("0000-00-00 00:00:00")) + 12);
    header->resizeSection(HistoryModel::FlowName, metrics.horizontalAdvance(QLatin1Char('x')) * 16);
    header->resizeSection(HistoryModel::Kind, metrics.horizontalAdvance(QStringLiteral("Resume")) + 14);
    header->resizeSection(HistoryModel::Status,
                          metrics.horizontalAdvance(QStringLiteral("In progress")) + 36);
    header->resizeSection(HistoryModel::Duration,
                          metrics.horizontalAdvance(QStringLiteral("000.00 ms")) + 16);
    header->resizeSection(HistoryModel::HttpStatus, metrics.horizontalAdvance(QStringLiteral("HTTP")) + 14);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &HistoryPage::currentRowChanged);

    auto *footer = new QHBoxLayout;
    m_count = new QLabel(pane);
    m_count->setObjectName(QStringLiteral("historyCount"));
    m_loadMore = new QPushButton(tr("Load more"), pane);
    m_loadMore->setObjectName(QStringLiteral("loadMore"));
    connect(m_loadMore, &QPushButton::clicked, m_model, &HistoryModel::loadMore);
    footer->addWidget(m_count, 1);
    footer->addWidget(m_loadMore);
    layout->addWidget(m_table, 1);
    layout->addLayout(footer);
    return pane;
}

void HistoryPage::fillFlowFilter()
{
    const QString current = m_flowFilter->currentData().toString();
    QList<const Flow *> flows;
    QHash<QString, QString> names;
    for (const Flow &flow : m_session.workspace().flows()) {
        names.insert(flow.id, flow.name);
        if (!flow.isHelper())
            flows.append(&flow);
    }
    std::sort(flows.begin(), flows.end(),
              [](const Flow *a, const Flow *b) { return QString::localeAwareCompare(a->name, b->name) < 0; });
    {
        const QSignalBlocker blocker(m_flowFilter);
        m_flowFilter->clear();
        m_flowFilter->addItem(tr("All flows"), QString());
        for (const Flow *flow : std::as_const(flows))
            m_flowFilter->addItem(flow->name, flow->id);
        m_flowFilter->setCurrentIndex(std::max(0, m_flowFilter->findData(current)));
    }
    m_model->setFlowNames(names);
    // The flow shown was removed: show every flow.
    if (m_flowFilter->currentData().toString() != current)
        applyFilter();
}

void HistoryPage::applyFilter()
{
    m_searchDelay->stop();
    HistoryFilter filter;
    filter.flowId = m_flowFilter->currentData().toString();
    const int status = m_statusFilter->currentData().toInt();
    if (status != kAllStatuses)
        filter.status = ExecutionStatus(status);
    filter.text = m_search->text().trimmed();
    m_model->setFilter(filter);
    m_clear->setText(filter.flowId.isEmpty() ? tr("Clear all history...") : tr("Clear flow history..."));
    m_clear->setToolTip(
        filter.flowId.isEmpty()
            ? tr("Remove the executions of every flow from history")
            : tr("Remove the executions of %1 from history").arg(m_flowFilter->currentText()));
    updateFooter();
}

void HistoryPage::showFlow(const QString &flowId)
{
    const int index = m_flowFilter->findData(flowId);
    m_flowFilter->setCurrentIndex(std::max(0, index)); // applies the filter when it changes
}

void HistoryPage::refresh()
{
    m_model->refresh();
    pollRunning();
}

void HistoryPage::scheduleRefresh()
{
    if (!m_refreshDelay->isActive())
        m_refreshDelay->start();
}

void HistoryPage::pollRunning()
{
    if (m_session.server().state() != ServerController::State::Listening) {
        m_model->setRunning({});
        return;
    }
    m_session.server().runningExecutions(
        [model = QPointer<HistoryModel>(m_model)](const QList<RunningExecution> &running) {
            if (model)
                model->setRunning(running);
        });
}

void HistoryPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updateServerState();
    m_model->refresh();
}

void HistoryPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_runningPoll->stop();
}

void HistoryPage::updateServerState()
{
    const bool listening = m_session.server().state() == ServerController::State::Listening;
    m_details->setServerRunning(listening);
    if (listening && isVisible()) {
        if (!m_runningPoll->isActive())
            m_runningPoll->start();
    } else {
        m_runningPoll->stop();
    }
    pollRunning();
}

void HistoryPage::updateFooter()
{
    const int shown = m_model->storedCount();
    const qint64 total = m_model->totalCount();
    m_count->setText(total == 0 ? tr("No executions.")
                                : tr("Showing %1 of %2 executions.").arg(shown).arg(total));
    m_loadMore->setEnabled(m_model->canLoadMore());
    m_loadMore->setToolTip(tr("Load the next %1 older executions").arg(HistoryModel::kPageSize));
}

QString HistoryPage::selectedExecutionId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(HistoryModel::ExecutionIdRole).toString() : QString();
}

void HistoryPage::selectRow(int row)
{
    const QModelIndex index = m_model->index(row, 0);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void HistoryPage::currentRowChanged()
{
    const QString id = selectedExecutionId();
    if (!id.isEmpty() && id != m_pendingSelection)
        m_pendingSelection.clear(); // the user chose another execution
    reloadDetails();
}

void HistoryPage::reloadDetails()
{
    const int row = m_table->currentIndex().row();
    const quint64 generation = ++m_detailsGeneration;
    if (row < 0) {
        // An execution asked for by showExecution stays shown until its row is listed.
        if (m_pendingSelection.isEmpty())
            m_details->showNothing();
        return;
    }
    const ExecutionRecord summary = m_model->recordAt(row);
    if (summary.status == ExecutionStatus::InProgress) {
        m_details->showRecord(summary, false); // nothing of it is in history yet
        return;
    }
    m_model->loadExecution(summary.id, [this, generation, summary](Result<ExecutionRecord> record) {
        if (generation != m_detailsGeneration)
            return;
        if (record)
            m_details->showRecord(*record, true);
        else if (record.error().type == ErrorType::NotFound)
            m_details->showProblem(tr("Execution %1 is no longer in history.").arg(summary.id));
        else
            m_details->showProblem(
                tr("Execution %1 could not be read: %2").arg(summary.id, record.error().message));
    });
}

void HistoryPage::showExecution(const QString &executionId)
{
    const int row = m_model->rowOf(executionId);
    m_pendingSelection.clear();
    if (row >= 0) {
        selectRow(row);
        return;
    }
    m_pendingSelection = executionId;
    m_model->loadExecution(executionId, [this, executionId](Result<ExecutionRecord> record) {
        if (m_pendingSelection != executionId)
            return;
        if (!record) {
            m_pendingSelection.clear();
            m_details->showProblem(tr("Execution %1 is not in history.").arg(executionId));
            return;
        }
        showPendingExecution(*record);
    });
}

void HistoryPage::showPendingExecution(const ExecutionRecord &record)
{
    m_table->selectionModel()->clear();
    m_details->showRecord(record, true);
    // Widen the filters that hide it, at once, then look for its row as the pages load.
    bool widened = false;
    const QString flowId = m_flowFilter->currentData().toString();
    const int status = m_statusFilter->currentData().toInt();
    if (!flowId.isEmpty() && flowId != record.flowId) {
        const QSignalBlocker blocker(m_flowFilter);
        m_flowFilter->setCurrentIndex(std::max(0, m_flowFilter->findData(record.flowId)));
        widened = true;
    }
    if (status != kAllStatuses && status != int(record.status)) {
        const QSignalBlocker blocker(m_statusFilter);
        m_statusFilter->setCurrentIndex(0);
        widened = true;
    }
    if (!m_search->text().isEmpty()) {
        const QSignalBlocker blocker(m_search);
        m_search->clear();
        widened = true;
    }
    if (widened)
        applyFilter();
    else
        m_model->refresh();
}

void HistoryPage::selectPendingExecution()
{
    if (m_pendingSelection.isEmpty() || !m_details->hasRecord() ||
        m_details->record().id != m_pendingSelection)
        return;
    const int row = m_model->rowOf(m_pendingSelection);
    if (row >= 0) {
        selectRow(row);
        m_pendingSelection.clear();
    } else if (m_model->canLoadMore()) {
        m_model->loadMore();
    } else if (!m_model->isLoading()) {
        m_pendingSelection.clear(); // gone meanwhile; the details still show what it was
    }
}

QString HistoryPage::suggestedResumeBody(const ExecutionRecord &record) const
{
    const QString empty = QStringLiteral("{}");
    const Flow *flow = m_session.workspace().flowById(record.flowId);
    if (!flow)
        return empty;
    // The Pause card the execution stopped at: the last one in its trace, else the flow's first.
    QString pauseId;
    for (auto it = record.trace.crbegin(); it != record.trace.crend() && pauseId.isEmpty(); ++it) {
        if (it->function == cardid::kPause || it->function == cardid::kPauseRaw)
            pauseId = it->cardId;
    }
    const auto pause = std::find_if(flow->cards.cbegin(), flow->cards.cend(), [&](const CardNode &card) {
        return pauseId.isEmpty() ? card.function == cardid::kPause || card.function == cardid::kPauseRaw
                                 : card.id == pauseId;
    });
    // Pause Raw takes any body.
    if (pause == flow->cards.cend() || pause->function != cardid::kPause || pause->outputs.isEmpty())
        return empty;
    QJsonObject fields;
    for (const FieldDecl &field : pause->outputs)
        fields.insert(field.name, emptyValueOf(field.type));
    return JsonView::prettyJson(QJsonDocument(fields).toJson(QJsonDocument::Compact));
}

void HistoryPage::resumeSelected()
{
    const ExecutionRecord record = m_details->record();
    if (record.status != ExecutionStatus::Paused)
        return;
    const std::optional<QByteArray> body = m_askResumeBody(suggestedResumeBody(record));
    if (!body)
        return;
    if (!body->trimmed().isEmpty()) {
        QJsonParseError error;
        QJsonDocument::fromJson(*body, &error);
        if (error.error != QJsonParseError::NoError) {
            finishAction(tr("Not resumed: the body is not JSON (%1 at offset %2).")
                             .arg(error.errorString())
                             .arg(error.offset));
            return;
        }
    }
    m_details->setBusy(true);
    const QString id = record.id;
    m_session.server().resumeExecution(
        record.flowId, id, body->trimmed(),
        [page = QPointer<HistoryPage>(this), id](int status, const QByteArray &answer,
                                                 const QString &executionId) {
            if (!page)
                return;
            page->m_details->setBusy(false);
            page->finishAction(tr("Resume of %1 answered %2.").arg(id, answerText(status, answer)));
            page->showExecution(executionId.isEmpty() ? id : executionId);
        });
}

void HistoryPage::retrySelected()
{
    const ExecutionRecord record = m_details->record();
    if (record.status != ExecutionStatus::Failed && record.status != ExecutionStatus::TimedOut)
        return;
    m_details->setBusy(true);
    const QString id = record.id;
    m_session.server().retryExecution(
        record.flowId, id,
        [page = QPointer<HistoryPage>(this), id](int status, const QByteArray &answer,
                                                 const QString &executionId) {
            if (!page)
                return;
            page->m_details->setBusy(false);
            if (executionId.isEmpty()) {
                page->finishAction(tr("Retry of %1 answered %2.").arg(id, answerText(status, answer)));
                return;
            }
            page->finishAction(tr("Retry of %1 ran as %2 and answered %3.")
                                   .arg(id, executionId, answerText(status, answer)));
            page->showExecution(executionId);
        });
}

void HistoryPage::cancelSelected()
{
    const QString id = m_details->record().id;
    if (m_details->record().status != ExecutionStatus::InProgress)
        return;
    m_details->setBusy(true);
    m_session.server().cancelExecution(id, [page = QPointer<HistoryPage>(this), id](bool canceled) {
        if (!page)
            return;
        page->m_details->setBusy(false);
        page->finishAction(canceled ? tr("Execution %1 stops at its next card.").arg(id)
                                    : tr("Execution %1 is no longer running.").arg(id));
        page->pollRunning();
        page->scheduleRefresh();
    });
}

void HistoryPage::clearHistory()
{
    const QString flowId = m_flowFilter->currentData().toString();
    const QString question =
        flowId.isEmpty() ? tr("Remove the executions of every flow from history? This cannot be undone.")
                         : tr("Remove the executions of \"%1\" from history? This cannot be undone.")
                               .arg(m_flowFilter->currentText());
    if (!m_confirm(question))
        return;
    m_clear->setEnabled(false);
    m_model->clearHistory(flowId, [this](Result<int> removed) {
        m_clear->setEnabled(true);
        finishAction(removed ? tr("Removed %1 executions from history.").arg(*removed)
                             : tr("History was not cleared: %1").arg(removed.error().message));
    });
}

void HistoryPage::finishAction(const QString &message)
{
    showMessage(message);
    emit actionFinished(message);
}

void HistoryPage::showMessage(const QString &message)
{
    m_message->setText(message);
    m_message->show();
}

void HistoryPage::setResumeBodyAsker(ResumeBodyAsker asker)
{
    m_askResumeBody = std::move(asker);
}

void HistoryPage::setConfirmer(Confirmer confirmer)
{
    m_confirm = std::move(confirmer);
}

} // namespace wf::ui
