#include "ResponseView.h"

#include "widgets/JsonView.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace wf::ui {

namespace {

QString phaseText(tester::RequestRunner::Phase phase)
{
    switch (phase) {
    case tester::RequestRunner::Phase::FetchingToken:
        return ResponseView::tr("Getting an access token...");
    case tester::RequestRunner::Phase::Sending:
        return ResponseView::tr("Sending...");
    case tester::RequestRunner::Phase::Receiving:
        return ResponseView::tr("Receiving the answer...");
    case tester::RequestRunner::Phase::Idle:
        break;
    }
    return {};
}

QString milliseconds(qint64 ms)
{
    return ms < 0 ? ResponseView::tr("n/a") : ResponseView::tr("%1 ms").arg(ms);
}

} // namespace

ResponseView::ResponseView(QWidget *parent) : QWidget(parent)
{
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("responseStatus"));
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    m_time = new QLabel(this);
    m_time->setObjectName(QStringLiteral("responseTime"));
    m_size = new QLabel(this);
    m_size->setObjectName(QStringLiteral("responseSize"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("responseProgress"));
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_openExecution = new QPushButton(tr("Open e&xecution"), this);
    m_openExecution->setObjectName(QStringLiteral("openExecution"));
    m_openExecution->setToolTip(tr("Show the execution named by X-Execution-Id in Execution history"));
    m_openExecution->hide();

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("responseProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->hide();

    m_pretty = new QToolButton(this);
    m_pretty->setObjectName(QStringLiteral("prettyBody"));
    m_pretty->setText(tr("Pretty"));
    m_pretty->setCheckable(true);
    m_pretty->setChecked(true);
    m_pretty->setToolTip(tr("Pretty JSON (folding, highlighting) or the raw bytes"));
    m_prettyBody = new JsonView(this);
    m_prettyBody->setObjectName(QStringLiteral("responseBody"));
    m_rawBody = new QPlainTextEdit(this);
    m_rawBody->setObjectName(QStringLiteral("rawResponseBody"));
    m_rawBody->setReadOnly(true);
    m_rawBody->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_bodyPages = new QStackedWidget(this);
    m_bodyPages->addWidget(m_prettyBody);
    m_bodyPages->addWidget(m_rawBody);
    auto *bodyTab = new QWidget(this);
    auto *bodyLayout = new QVBoxLayout(bodyTab);
    auto *bodyBar = new QHBoxLayout;
    bodyBar->addStretch(1);
    bodyBar->addWidget(m_pretty);
    bodyLayout->addLayout(bodyBar);
    bodyLayout->addWidget(m_bodyPages, 1);

    m_headers = new QTableWidget(0, 2, this);
    m_headers->setObjectName(QStringLiteral("responseHeaders"));
    m_headers->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->horizontalHeader()->resizeSection(0, 220);
    m_headers->verticalHeader()->hide();
    m_headers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_sent = new QPlainTextEdit(this);
    m_sent->setObjectName(QStringLiteral("sentRequest"));
    m_sent->setReadOnly(true);
    m_sent->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("responseTabs"));
    m_tabs->addTab(bodyTab, tr("Body"));
    m_tabs->addTab(m_headers, tr("Headers"));
    m_tabs->addTab(m_sent, tr("Request sent"));

    auto *summary = new QHBoxLayout;
    summary->addWidget(m_status);
    summary->addWidget(m_progress);
    summary->addSpacing(12);
    summary->addWidget(m_time);
    summary->addSpacing(12);
    summary->addWidget(m_size);
    summary->addStretch(1);
    summary->addWidget(m_openExecution);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(summary);
    layout->addWidget(m_problem);
    layout->addWidget(m_tabs, 1);

    connect(m_pretty, &QToolButton::toggled, this, &ResponseView::showBody);
    connect(m_openExecution, &QPushButton::clicked, this,
            [this] { emit openExecutionRequested(m_executionId); });
    clear();
}

void ResponseView::clear()
{
    m_status->setText(tr("No request sent yet. Press Send (Ctrl+Enter)."));
    m_status->setStyleSheet(QString());
    m_time->clear();
    m_size->clear();
    m_problem->hide();
    m_progress->hide();
    m_openExecution->hide();
    m_headers->setRowCount(0);
    m_sent->clear();
    m_body.clear();
    m_executionId.clear();
    showBody();
}

void ResponseView::showWaiting(tester::RequestRunner::Phase phase)
{
    if (phase == tester::RequestRunner::Phase::Idle) {
        m_progress->hide();
        return;
    }
    m_status->setText(phaseText(phase));
    m_status->setStyleSheet(QString());
    m_progress->show();
    m_problem->hide();
}

void ResponseView::showResult(const tester::RunResult &result)
{
    m_progress->hide();
    m_executionId = result.executionId;
    m_openExecution->setVisible(!m_executionId.isEmpty());
    m_body = result.body;
    m_headers->setRowCount(0);
    for (const auto &[name, value] : result.headers) {
        const int row = m_headers->rowCount();
        m_headers->insertRow(row);
        m_headers->setItem(row, 0, new QTableWidgetItem(QString::fromLatin1(name)));
        m_headers->setItem(row, 1, new QTableWidgetItem(QString::fromUtf8(value)));
    }
    const tester::PreparedRequest sent = tester::withSecretsMasked(result.sent);
    QString sentText = QString::fromLatin1(sent.method) + QLatin1Char(' ') +
                       tester::maskedUrlText(result.sent) + QLatin1Char('\n');
    for (const auto &[name, value] : sent.headers)
        sentText +=
            QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromUtf8(value) + QLatin1Char('\n');
    if (!sent.body.isEmpty())
        sentText += QLatin1Char('\n') + QString::fromUtf8(sent.body);
    m_sent->setPlainText(result.sent.method.isEmpty() ? QString() : sentText);

    if (result.outcome == tester::RunOutcome::Answered) {
        m_status->setText(QStringLiteral("%1 %2").arg(result.status).arg(result.reason));
        const QString colour = result.status < 300   ? QStringLiteral("#2e7d32")
                               : result.status < 400 ? QStringLiteral("#1565c0")
                               : result.status < 500 ? QStringLiteral("#b26a00")
                                                     : QStringLiteral("#c62828");
        m_status->setStyleSheet(QStringLiteral("color: %1;").arg(colour));
        m_problem->setVisible(result.retriedAfter401);
        m_problem->setText(tr("The first answer was 401: the cached token was dropped, a new one fetched "
                              "and the request sent once more."));
    } else {
        m_status->setText(result.outcome == tester::RunOutcome::Cancelled ? tr("Cancelled")
                                                                          : tr("No answer"));
        m_status->setStyleSheet(QStringLiteral("color: #c62828;"));
        m_problem->setText(result.message);
        m_problem->setVisible(!result.message.isEmpty());
    }
    const tester::ResponseTiming &t = result.timing;
    m_time->setText(t.totalMs >= 0 ? tr("Time %1").arg(milliseconds(t.totalMs)) : QString());
    m_time->setToolTip(tr("DNS: %1\nConnect: %2\nFirst byte: %3\nTotal: %4\nAccess token: %5")
                           .arg(milliseconds(t.dnsMs), milliseconds(t.connectMs), milliseconds(t.firstByteMs),
                                milliseconds(t.totalMs), milliseconds(t.tokenMs)));
    m_size->setText(result.outcome == tester::RunOutcome::Answered
                        ? tr("Size %1").arg(sizeText(result.body.size()))
                        : QString());
    showBody();
}

QString ResponseView::statusText() const
{
    return m_status->text();
}

void ResponseView::showBody()
{
    const bool pretty = m_pretty->isChecked();
    m_bodyPages->setCurrentIndex(pretty ? 0 : 1);
    if (pretty)
        m_prettyBody->setJson(m_body);
    else
        m_rawBody->setPlainText(QString::fromUtf8(m_body));
}

QString ResponseView::sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace wf::ui
