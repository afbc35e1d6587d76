#include "editor/TestFlowPanel.h"

#include "Background.h"
#include "editor/RunTraceModel.h"
#include "models/HistoryModel.h"
#include "widgets/JsonView.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace wf::ui {
namespace {

QLabel *caption(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

// What the test runs on: copies, since the editor goes on while it runs.
struct TestJob {
    Flow flow;
    FlowLibrary library;
    testrun::Request request;
};

} // namespace

TestFlowPanel::TestFlowPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("testFlowPanel"));
    m_traceModel = new RunTraceModel(this);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(buildRequest());
    splitter->addWidget(buildResponse());
    splitter->addWidget(buildTrace());
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 2);
    splitter->setStretchFactor(2, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);
    setRunning(false);
}

TestFlowPanel::~TestFlowPanel()
{
    stop(); // a run still going stops at its next card; its result is dropped with this panel
}

QWidget *TestFlowPanel::buildRequest()
{
    auto *box = new QWidget(this);
    m_httpOnly = new QWidget(box);
    m_method = new QComboBox(m_httpOnly);
    m_method->setObjectName(QStringLiteral("testMethod"));
    m_method->addItems({QStringLiteral("POST"), QStringLiteral("GET")});
    m_query = new QLineEdit(m_httpOnly);
    m_query->setObjectName(QStringLiteral("testQuery"));
    m_query->setPlaceholderText(QStringLiteral("name=value&other=value"));
    m_headers = new QPlainTextEdit(m_httpOnly);
    m_headers->setObjectName(QStringLiteral("testHeaders"));
    m_headers->setPlaceholderText(tr("One header per line: Name: value"));
    m_headers->setMaximumHeight(64);
    auto *form = new QFormLayout(m_httpOnly);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Method"), m_method);
    form->addRow(tr("Query"), m_query);
    form->addRow(tr("Headers"), m_headers);

    m_bodyLabel = caption(tr("Body (JSON)"), box);
    m_body = new QPlainTextEdit(box);
    m_body->setObjectName(QStringLiteral("testBody"));
    m_body->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_runButton = new QPushButton(tr("Run test"), box);
    m_runButton->setObjectName(QStringLiteral("testRunButton"));
    m_runButton->setToolTip(tr("Run the flow with this request (Ctrl+R)"));
    m_stopButton = new QPushButton(tr("Stop"), box);
    m_stopButton->setObjectName(QStringLiteral("testStopButton"));
    connect(m_runButton, &QPushButton::clicked, this, &TestFlowPanel::runRequested);
    connect(m_stopButton, &QPushButton::clicked, this, &TestFlowPanel::stop);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_runButton);
    buttons->addWidget(m_stopButton);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(caption(tr("Request"), box));
    layout->addWidget(m_httpOnly);
    layout->addWidget(m_bodyLabel);
    layout->addWidget(m_body, 1);
    layout->addLayout(buttons);
    return box;
}

QWidget *TestFlowPanel::buildResponse()
{
    auto *box = new QWidget(this);
    m_status = new QLabel(tr("Not run yet"), box);
    m_status->setObjectName(QStringLiteral("testStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_status->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_status->setFont(big);
    m_responseHeaders = new QLabel(box);
    m_responseHeaders->setObjectName(QStringLiteral("testResponseHeaders"));
    m_responseHeaders->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_responseHeaders->setStyleSheet(QStringLiteral("color: gray;"));
    m_responseHeaders->setWordWrap(true);
    m_responseBody = new JsonView(box);
    m_responseBody->setObjectName(QStringLiteral("testResponseBody"));
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(caption(tr("Response"), box));
    layout->addWidget(m_status);
    layout->addWidget(m_responseHeaders);
    layout->addWidget(m_responseBody, 1);
    return box;
}

QWidget *TestFlowPanel::buildTrace()
{
    auto *box = new QWidget(this);
    m_trace = new QTreeView(box);
    m_trace->setObjectName(QStringLiteral("testTrace"));
    m_trace->setModel(m_traceModel);
    m_trace->setRootIsDecorated(false);
    m_trace->setUniformRowHeights(true);
    m_trace->setAlternatingRowColors(true);
    m_trace->header()->setStretchLastSection(true);
    m_traceDetails = new JsonView(box);
    m_traceDetails->setObjectName(QStringLiteral("testTraceDetails"));
    auto *split = new QSplitter(Qt::Vertical, box);
    split->addWidget(m_trace);
    split->addWidget(m_traceDetails);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    connect(m_trace, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        showTraceRow(index.row());
        emit cardActivated(m_traceModel->data(index, RunTraceModel::kCardIdRole).toString());
    });
    connect(m_trace->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showTraceRow(current.row()); });
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(caption(tr("Trace"), box));
    layout->addWidget(split, 1);
    return box;
}

void TestFlowPanel::prepare(const Flow &flow)
{
    m_helper = flow.isHelper();
    m_httpOnly->setVisible(!m_helper);
    m_bodyLabel->setText(m_helper ? tr("Inputs (JSON object)") : tr("Body (JSON)"));
    m_method->setCurrentIndex(0);
    m_query->setText(testrun::sampleQuery(flow));
    m_headers->setPlainText(testrun::sampleHeaders(flow));
    m_body->setPlainText(QString::fromUtf8(testrun::sampleBody(flow)));
    m_status->setText(tr("Not run yet"));
    m_status->setStyleSheet(QString());
    m_responseHeaders->clear();
    m_responseBody->setJson(QByteArray());
    m_traceModel->setTrace({});
    m_traceDetails->setJson(QByteArray());
    m_lastStatus = 0;
    m_marks.clear();
}

testrun::Request TestFlowPanel::request() const
{
    testrun::Request request;
    request.method = m_method->currentText().toLatin1();
    request.rawQuery = m_query->text().trimmed().toUtf8();
    if (request.rawQuery.startsWith('?'))
        request.rawQuery.remove(0, 1);
    request.headers = testrun::parseHeaders(m_headers->toPlainText());
    if (m_helper || request.method != "GET")
        request.body = m_body->toPlainText().toUtf8();
    if (!request.body.trimmed().isEmpty() &&
        headerValue(request.headers, QByteArrayLiteral("content-type")).isEmpty())
        request.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    return request;
}

void TestFlowPanel::run(const Flow &flow, const FlowLibrary &library, int timeoutSeconds)
{
    if (m_running)
        return;
    if (flow.isHelper() != m_helper)
        prepare(flow);
    auto job = std::make_shared<TestJob>(TestJob{flow, library, request()});
    m_cancel = std::make_shared<std::atomic_bool>(false);
    setRunning(true);
    m_status->setText(tr("Running…"));
    m_status->setStyleSheet(QString());
    runInBackground(
        this,
        [job, timeoutSeconds, cancel = m_cancel] {
            return testrun::run(job->flow, job->library, job->request, timeoutSeconds, cancel);
        },
        [this](const testrun::Outcome &outcome) {
            setRunning(false);
            showOutcome(outcome);
            emit finished();
        });
}

void TestFlowPanel::stop()
{
    if (m_cancel)
        m_cancel->store(true);
}

void TestFlowPanel::setRunning(bool running)
{
    m_running = running;
    m_runButton->setEnabled(!running);
    m_stopButton->setEnabled(running);
}

void TestFlowPanel::showOutcome(const testrun::Outcome &outcome)
{
    m_marks.clear();
    if (!outcome.error.isEmpty()) {
        m_lastStatus = 0;
        m_status->setText(outcome.error);
        m_status->setStyleSheet(QStringLiteral("color: #c62828;"));
        m_traceModel->setTrace({});
        return;
    }
    const HttpAnswer &answer = outcome.answer;
    m_lastStatus = answer.status;
    const bool good = answer.status < 400;
    m_status->setText(tr("%1 %2 · %3 · %4 ms")
                          .arg(answer.status)
                          .arg(reasonPhrase(answer.status), HistoryModel::statusText(outcome.result.status))
                          .arg(QString::number(outcome.result.durationUs / 1000.0, 'f', 1)));
    m_status->setStyleSheet(good ? QStringLiteral("color: #2e7d32;") : QStringLiteral("color: #c62828;"));
    QStringList headers;
    for (const auto &[name, value] : answer.headers)
        headers.append(QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromUtf8(value));
    m_responseHeaders->setText(headers.join(QLatin1Char('\n')));
    m_responseBody->setJson(answer.body);
    m_traceModel->setTrace(outcome.result.trace);
    for (const TraceEntry &entry : outcome.result.trace)
        m_marks.insert(entry.cardId, m_marks.value(entry.cardId, true) && !entry.error);
    // The failing card is what the user wants to see first.
    int focusRow = m_traceModel->rowCount() - 1;
    for (int row = 0; row < m_traceModel->rowCount(); ++row) {
        if (m_traceModel->index(row, 0).data(RunTraceModel::kFailedRole).toBool()) {
            focusRow = row;
            break;
        }
    }
    if (focusRow >= 0)
        m_trace->setCurrentIndex(m_traceModel->index(focusRow, 0));
    else
        m_traceDetails->setJson(QByteArray());
}

void TestFlowPanel::showTraceRow(int row)
{
    m_traceDetails->setJsonValue(m_traceModel->details(row));
}

} // namespace wf::ui
