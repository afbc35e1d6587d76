#include "pages/ExecutionDetails.h"

#include "ConsoleSession.h"
#include "Icons.h"
#include "endpoint/ResponseShaper.h"
#include "models/HistoryModel.h"
#include "models/TraceModel.h"
#include "widgets/JsonView.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace wf::ui {
namespace {

QLabel *valueLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

QTableWidget *headersTable(const QString &objectName, QWidget *parent)
{
    auto *table = new QTableWidget(0, 2, parent);
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels({ExecutionDetails::tr("Header"), ExecutionDetails::tr("Value")});
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setWordWrap(false);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    return table;
}

void fillHeaders(QTableWidget *table, const HeaderList &headers)
{
    table->setRowCount(int(headers.size()));
    for (int row = 0; row < headers.size(); ++row) {
        table->setItem(row, 0, new QTableWidgetItem(QString::fromLatin1(headers.at(row).first)));
        table->setItem(row, 1, new QTableWidgetItem(QString::fromUtf8(headers.at(row).second)));
    }
}

// What the pane says about a body besides showing it: none, or only its first bytes kept.
QString bodyNote(const QByteArray &body, qint64 size, bool truncated)
{
    if (truncated)
        return ExecutionDetails::tr("Body truncated: history kept the first %1 of %2 bytes.")
            .arg(body.size())
            .arg(size);
    if (body.isEmpty())
        return ExecutionDetails::tr("No body.");
    return ExecutionDetails::tr("%1 bytes").arg(size);
}

QWidget *bodyPane(QLabel *note, JsonView *body, QWidget *parent)
{
    auto *pane = new QWidget(parent);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(note);
    layout->addWidget(body, 1);
    return pane;
}

} // namespace

ExecutionDetails::ExecutionDetails(ConsoleSession &session, QWidget *parent)
    : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("executionDetails"));
    m_stack = new QStackedWidget(this);
    m_placeholder = new QLabel(tr("Select an execution to see its request, response and trace."), m_stack);
    m_placeholder->setObjectName(QStringLiteral("detailsPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false);

    auto *content = new QWidget(m_stack);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(buildHeader());
    layout->addWidget(buildSummary());
    m_tabs = new QTabWidget(content);
    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_tabs->addTab(buildRequestTab(), tr("Request"));
    m_tabs->addTab(buildResponseTab(), tr("Response"));
    m_tabs->addTab(buildTraceTab(), tr("Trace"));
    layout->addWidget(m_tabs, 1);

    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);
    showNothing();
}

ExecutionDetails::~ExecutionDetails() = default;

QWidget *ExecutionDetails::buildHeader()
{
    auto *header = new QWidget(this);
    auto *rows = new QVBoxLayout(header);
    rows->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    auto *actions = new QHBoxLayout;
    rows->addLayout(row);
    rows->addLayout(actions);
    m_title = valueLabel(QStringLiteral("executionTitle"), header);
    m_title->setWordWrap(false);
    // A narrow pane clips the id rather than pushing the list aside; the tooltip and Copy keep it whole.
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_copyId = new QToolButton(header);
    m_copyId->setObjectName(QStringLiteral("copyExecutionId"));
    m_copyId->setText(tr("Copy id"));
    m_copyId->setIcon(icon(QStringLiteral("copy")));
    m_copyId->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_copyId->setToolTip(tr("Copy the execution id"));
    connect(m_copyId, &QToolButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_record.id); });
    m_resume = new QPushButton(icon(QStringLiteral("play")), tr("Resume..."), header);
    m_resume->setObjectName(QStringLiteral("resume"));
    m_retry = new QPushButton(icon(QStringLiteral("refresh")), tr("Retry"), header);
    m_retry->setObjectName(QStringLiteral("retry"));
    m_cancel = new QPushButton(icon(QStringLiteral("stop")), tr("Cancel execution"), header);
    m_cancel->setObjectName(QStringLiteral("cancel"));
    connect(m_resume, &QPushButton::clicked, this, &ExecutionDetails::resumeRequested);
    connect(m_retry, &QPushButton::clicked, this, &ExecutionDetails::retryRequested);
    connect(m_cancel, &QPushButton::clicked, this, &ExecutionDetails::cancelRequested);
    row->addWidget(m_title, 1);
    row->addWidget(m_copyId);
    actions->addWidget(m_resume);
    actions->addWidget(m_retry);
    actions->addWidget(m_cancel);
    actions->addStretch(1);
    return header;
}

QWidget *ExecutionDetails::buildSummary()
{
    auto *summary = new QWidget(this);
    m_form = new QFormLayout(summary);
    m_form->setContentsMargins(0, 4, 0, 4);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_flow = valueLabel(QStringLiteral("summaryFlow"), summary);
    m_kind = valueLabel(QStringLiteral("summaryKind"), summary);
    m_status = valueLabel(QStringLiteral("summaryStatus"), summary);
    m_started = valueLabel(QStringLiteral("summaryStarted"), summary);
    m_duration = valueLabel(QStringLiteral("summaryDuration"), summary);
    m_caller = valueLabel(QStringLiteral("summaryCaller"), summary);
    m_retryOf = valueLabel(QStringLiteral("retryOfLink"), summary);
    m_retryOf->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_retryOf, &QLabel::linkActivated, this, &ExecutionDetails::executionLinkActivated);
    m_error = valueLabel(QStringLiteral("summaryError"), summary);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, HistoryModel::statusColor(ExecutionStatus::Failed));
    m_error->setPalette(errorPalette);
    m_form->addRow(tr("Flow:"), m_flow);
    m_form->addRow(tr("Kind:"), m_kind);
    m_form->addRow(tr("Status:"), m_status);
    m_form->addRow(tr("Started:"), m_started);
    m_form->addRow(tr("Duration:"), m_duration);
    m_form->addRow(tr("Caller:"), m_caller);
    m_form->addRow(tr("Retry of:"), m_retryOf);
    m_form->addRow(tr("Error:"), m_error);
    return summary;
}

QWidget *ExecutionDetails::buildRequestTab()
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    m_requestLine = valueLabel(QStringLiteral("requestLine"), tab);
    m_requestLine->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_requestHeaders = headersTable(QStringLiteral("requestHeaders"), tab);
    m_requestNote = valueLabel(QStringLiteral("requestBodyNote"), tab);
    m_requestBody = new JsonView(tab);
    m_requestBody->setObjectName(QStringLiteral("requestBody"));
    auto *split = new QSplitter(Qt::Vertical, tab);
    split->setObjectName(QStringLiteral("requestSplitter"));
    split->addWidget(m_requestHeaders);
    split->addWidget(bodyPane(m_requestNote, m_requestBody, split));
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    split->setSizes({150, 300});
    layout->addWidget(m_requestLine);
    layout->addWidget(split, 1);
    return tab;
}

QWidget *ExecutionDetails::buildResponseTab()
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    m_responseStatus = valueLabel(QStringLiteral("responseStatus"), tab);
    m_responseStatus->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_responseHeaders = headersTable(QStringLiteral("responseHeaders"), tab);
    m_responseNote = valueLabel(QStringLiteral("responseBodyNote"), tab);
    m_responseBody = new JsonView(tab);
    m_responseBody->setObjectName(QStringLiteral("responseBody"));
    auto *split = new QSplitter(Qt::Vertical, tab);
    split->setObjectName(QStringLiteral("responseSplitter"));
    split->addWidget(m_responseHeaders);
    split->addWidget(bodyPane(m_responseNote, m_responseBody, split));
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    split->setSizes({150, 300});
    layout->addWidget(m_responseStatus);
    layout->addWidget(split, 1);
    return tab;
}

QWidget *ExecutionDetails::buildTraceTab()
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    m_traceNote = valueLabel(QStringLiteral("traceNote"), tab);
    m_traceModel = new TraceModel(this);
    m_traceTree = new QTreeView(tab);
    m_traceTree->setObjectName(QStringLiteral("traceTree"));
    m_traceTree->setModel(m_traceModel);
    m_traceTree->setUniformRowHeights(true);
    m_traceTree->setAlternatingRowColors(true);
    m_traceTree->header()->setStretchLastSection(true);
    m_traceJson = new JsonView(tab);
    m_traceJson->setObjectName(QStringLiteral("traceJson"));
    auto *split = new QSplitter(Qt::Vertical, tab);
    split->setObjectName(QStringLiteral("traceSplitter"));
    split->addWidget(m_traceTree);
    split->addWidget(m_traceJson);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(m_traceNote);
    layout->addWidget(split, 1);
    connect(m_traceTree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ExecutionDetails::showTraceSelection);
    return tab;
}

void ExecutionDetails::showRecord(const ExecutionRecord &record, bool complete)
{
    const bool sameExecution = record.id == m_record.id;
    const bool traceChanged = !sameExecution || complete != m_complete || record.status != m_record.status;
    m_record = record;
    m_complete = complete;
    m_stack->setCurrentIndex(1);
    fillSummary();
    fillRequest();
    fillResponse();
    // Refreshing the same execution keeps the card the user looks at.
    if (traceChanged)
        fillTrace();
    updateActions();
}

void ExecutionDetails::showNothing()
{
    m_record = ExecutionRecord();
    m_complete = false;
    m_traceModel->clear();
    m_placeholder->setText(tr("Select an execution to see its request, response and trace."));
    m_stack->setCurrentIndex(0);
    updateActions();
}

void ExecutionDetails::showProblem(const QString &message)
{
    showNothing();
    m_placeholder->setText(message);
}

void ExecutionDetails::fillSummary()
{
    const ExecutionRecord &r = m_record;
    m_title->setText(tr("Execution %1").arg(r.id));
    m_title->setToolTip(r.id);
    const Flow *flow = m_session.workspace().flowById(r.flowId);
    m_flow->setText(flow ? flow->name : (r.flowName.isEmpty() ? r.flowId : r.flowName));
    m_kind->setText(HistoryModel::kindText(r.kind));
    m_status->setText(QStringLiteral("<b style=\"color:%1\">%2</b>")
                          .arg(HistoryModel::statusColor(r.status).name(),
                               HistoryModel::statusText(r.status).toHtmlEscaped()));
    m_started->setText(r.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")));
    m_started->setToolTip(r.startedAt.toUTC().toString(Qt::ISODateWithMs));
    m_duration->setText(r.status == ExecutionStatus::InProgress
                            ? tr("running for %1").arg(HistoryModel::durationText(r.durationUs))
                            : HistoryModel::durationText(r.durationUs));
    m_caller->setText(HistoryModel::callerText(r.caller));
    m_retryOf->setText(QStringLiteral("<a href=\"%1\">%1</a>").arg(r.retryOf));
    m_form->setRowVisible(m_retryOf, !r.retryOf.isEmpty());
    m_error->setText(r.error);
    m_form->setRowVisible(m_error, !r.error.isEmpty());
}

void ExecutionDetails::fillRequest()
{
    const RecordedRequest &request = m_record.request;
    m_tabs->setEnabled(m_complete);
    if (!m_complete) {
        m_requestLine->setText(tr("The request, the response and the trace are shown once the execution "
                                  "has ended."));
        m_requestHeaders->setRowCount(0);
        m_requestNote->clear();
        m_requestBody->setJson({});
        return;
    }
    m_requestLine->setText(QString::fromLatin1(request.method) + QLatin1Char(' ') +
                           QString::fromUtf8(request.pathAndQuery));
    fillHeaders(m_requestHeaders, request.headers);
    m_requestNote->setText(bodyNote(request.body, request.bodySize, request.bodyTruncated));
    m_requestBody->setJson(request.body);
}

void ExecutionDetails::fillResponse()
{
    const RecordedResponse &response = m_record.response;
    if (!m_complete || response.status == 0) {
        m_responseStatus->setText(tr("No response yet."));
        m_responseHeaders->setRowCount(0);
        m_responseNote->clear();
        m_responseBody->setJson({});
        return;
    }
    m_responseStatus->setText(
        QStringLiteral("%1 %2").arg(response.status).arg(reasonPhrase(response.status)));
    fillHeaders(m_responseHeaders, response.headers);
    m_responseNote->setText(bodyNote(response.body, response.bodySize, response.bodyTruncated));
    m_responseBody->setJson(response.body);
}

void ExecutionDetails::fillTrace()
{
    m_traceModel->setTrace(m_complete ? m_record.trace : Trace(), m_record.status);
    const Flow *flow = m_session.workspace().flowById(m_record.flowId);
    QString note;
    if (!m_complete)
        note = tr("The trace is shown once the execution has ended.");
    else if (m_record.trace.isEmpty() && flow && !flow->saveAllData)
        note = tr("Trace not saved: this flow does not save all data. Turn on \"Save all data\" in the "
                  "flow's settings to keep the trace of its next executions.");
    else if (m_record.trace.isEmpty())
        note = tr("No trace: no card ran in this execution.");
    else if (m_record.traceTruncated)
        note = tr("Trace truncated: history kept the first %n card(s) only.", nullptr,
                  int(m_record.trace.size()));
    m_traceNote->setText(note);
    m_traceNote->setVisible(!note.isEmpty());

    m_traceTree->expandAll();
    // The values column holds one-line previews as long as the JSON: it gets a share of the width,
    // the whole value is in the pane below.
    m_traceTree->resizeColumnToContents(TraceModel::Card);
    m_traceTree->resizeColumnToContents(TraceModel::Duration);
    m_traceTree->setColumnWidth(TraceModel::Function,
                                std::max(m_traceTree->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 24,
                                         m_traceTree->viewport()->width() / 3));
    const QModelIndex failing = m_traceModel->failingIndex();
    const QModelIndex initial = failing.isValid() ? failing : m_traceModel->index(0, 0);
    if (initial.isValid()) {
        m_traceTree->setCurrentIndex(initial);
        m_traceTree->scrollTo(initial);
    } else {
        m_traceJson->setJson({});
    }
    // A failed execution opens on its trace, where the failing card is.
    if (failing.isValid())
        m_tabs->setCurrentIndex(2);
}

void ExecutionDetails::showTraceSelection()
{
    const QModelIndex current = m_traceTree->currentIndex();
    if (!current.isValid()) {
        m_traceJson->setJson({});
        return;
    }
    m_traceJson->setJsonValue(current.siblingAtColumn(0).data(TraceModel::JsonRole).toJsonObject());
}

void ExecutionDetails::setServerRunning(bool running)
{
    m_serverRunning = running;
    updateActions();
}

void ExecutionDetails::setBusy(bool busy)
{
    m_busy = busy;
    updateActions();
}

void ExecutionDetails::updateActions()
{
    const ExecutionStatus status = m_record.status;
    const bool has = hasRecord();
    struct Action {
        QPushButton *button;
        bool applies;
        QString what;      // "resume", for the tooltip
        QString whyNot;    // when it does not apply
        QString available; // the tooltip when it can run
    };
    const Action actions[] = {
        {m_resume, has && status == ExecutionStatus::Paused, tr("resume"),
         tr("Only paused executions can be resumed."),
         tr("Resume this paused execution with a JSON body, as its Resume URL would.")},
        {m_retry, has && (status == ExecutionStatus::Failed || status == ExecutionStatus::TimedOut),
         tr("retry"), tr("Only failed or timed-out executions can be retried."),
         tr("Run the flow again with the recorded request, as a new execution.")},
        {m_cancel, has && status == ExecutionStatus::InProgress, tr("cancel"),
         tr("Only executions in progress can be canceled."),
         tr("Stop this execution at its next card boundary.")},
    };
    for (const Action &action : actions) {
        action.button->setEnabled(action.applies && m_serverRunning && !m_busy);
        if (!action.applies)
            action.button->setToolTip(action.whyNot);
        else if (!m_serverRunning)
            action.button->setToolTip(
                tr("The server is not running: start it (Server menu or status bar) to %1 executions.")
                    .arg(action.what));
        else
            action.button->setToolTip(action.available);
    }
    m_copyId->setEnabled(has);
}

} // namespace wf::ui
