#include "RequestEditor.h"

#include "AuthEditor.h"
#include "KeyValueTable.h"
#include "tester/CurlCommand.h"

#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QTabWidget>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace wf::ui {

using tester::BodyMode;

namespace {
enum Tab { ParamsTab, HeadersTab, BodyTab, AuthTab };
enum BodyPage { NoBodyPage, TextPage, FormPage };
} // namespace

RequestEditor::RequestEditor(QWidget *parent) : QWidget(parent)
{
    m_method = new QComboBox(this);
    m_method->setObjectName(QStringLiteral("method"));
    m_method->setEditable(true);
    m_method->setInsertPolicy(QComboBox::NoInsert);
    m_method->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
                        QStringLiteral("PATCH"), QStringLiteral("DELETE"), QStringLiteral("HEAD"),
                        QStringLiteral("OPTIONS")});
    m_method->setToolTip(tr("Any method: flows answer GET and POST, others get 405"));
    m_method->setMinimumContentsLength(7);
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("url"));
    m_url->setPlaceholderText(tr("{{baseUrl}}/api/flo/... (or paste a cURL command)"));
    m_url->setClearButtonEnabled(true);
    m_url->installEventFilter(this);
    m_send = new QPushButton(tr("&Send"), this);
    m_send->setObjectName(QStringLiteral("send"));
    m_send->setDefault(true);
    m_send->setToolTip(tr("Send the request (Ctrl+Enter)"));
    m_cancel = new QPushButton(tr("&Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_cancel->setToolTip(tr("Stop waiting for the answer (Esc)"));
    m_cancel->hide();

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("requestError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: palette(link);"));
    m_error->hide();

    m_query = new KeyValueTable(tr("parameter"), tr("value"), this);
    m_query->setObjectName(QStringLiteral("queryTable"));
    m_headers = new KeyValueTable(tr("header"), tr("value"), this);
    m_headers->setObjectName(QStringLiteral("headersTable"));
    m_auth = new AuthEditor(this);
    m_auth->setObjectName(QStringLiteral("authEditor"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("requestTabs"));
    m_tabs->addTab(m_query, tr("Params"));
    m_tabs->addTab(m_headers, tr("Headers"));
    m_tabs->addTab(buildBody(), tr("Body"));
    m_tabs->addTab(m_auth, tr("Auth"));

    auto *line = new QHBoxLayout;
    line->addWidget(m_method);
    line->addWidget(m_url, 1);
    line->addWidget(m_send);
    line->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(line);
    layout->addWidget(m_error);
    layout->addWidget(m_tabs, 1);

    connect(m_send, &QPushButton::clicked, this, &RequestEditor::sendRequested);
    connect(m_cancel, &QPushButton::clicked, this, &RequestEditor::cancelRequested);
    for (const QKeySequence &keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, [this] {
            if (m_send->isVisible())
                emit sendRequested();
        });
    }
    auto *escape =
        new QShortcut(QKeySequence(Qt::Key_Escape), this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, [this] {
        if (m_cancel->isVisible())
            emit cancelRequested();
    });
    const auto edited = [this] {
        if (m_filling)
            return;
        m_error->hide();
        updateTabTitles();
        emit changed();
    };
    connect(m_method, &QComboBox::currentTextChanged, this, edited);
    connect(m_url, &QLineEdit::textEdited, this, [this, edited](const QString &text) {
        if (tester::looksLikeCurl(text) && !text.contains(QLatin1Char('\n'))) {
            loadCurl(text);
            return;
        }
        edited();
    });
    connect(m_url, &QLineEdit::editingFinished, this, &RequestEditor::splitQueryFromUrl);
    connect(m_query, &KeyValueTable::rowsChanged, this, edited);
    connect(m_headers, &KeyValueTable::rowsChanged, this, edited);
    connect(m_form, &KeyValueTable::rowsChanged, this, edited);
    connect(m_auth, &AuthEditor::changed, this, edited);
    updateTabTitles();
}

QWidget *RequestEditor::buildBody()
{
    auto *page = new QWidget(this);
    m_bodyMode = new QButtonGroup(page);
    auto *modes = new QHBoxLayout;
    const std::pair<BodyMode, QString> choices[] = {{BodyMode::None, tr("&None")},
                                                    {BodyMode::Json, tr("&JSON")},
                                                    {BodyMode::Form, tr("&Form")},
                                                    {BodyMode::Raw, tr("&Raw text")}};
    for (const auto &[mode, label] : choices) {
        auto *button = new QRadioButton(label, page);
        button->setObjectName(QStringLiteral("body_") + tester::bodyModeName(mode));
        m_bodyMode->addButton(button, int(mode));
        modes->addWidget(button);
    }
    m_bodyMode->button(int(BodyMode::None))->setChecked(true);
    m_format = new QPushButton(tr("F&ormat"), page);
    m_format->setObjectName(QStringLiteral("formatJson"));
    m_format->setToolTip(tr("Indent the JSON body (Ctrl+Shift+F)"));
    m_format->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    modes->addStretch(1);
    modes->addWidget(m_format);

    m_bodyPages = new QStackedWidget(page);
    auto *none = new QLabel(tr("This request has no body."), m_bodyPages);
    none->setAlignment(Qt::AlignCenter);
    m_bodyText = new QPlainTextEdit(m_bodyPages);
    m_bodyText->setObjectName(QStringLiteral("bodyText"));
    m_bodyText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_bodyText->setTabChangesFocus(false);
    m_form = new KeyValueTable(tr("field"), tr("value"), m_bodyPages);
    m_form->setObjectName(QStringLiteral("formTable"));
    m_bodyPages->addWidget(none);
    m_bodyPages->addWidget(m_bodyText);
    m_bodyPages->addWidget(m_form);
    m_bodyProblem = new QLabel(page);
    m_bodyProblem->setObjectName(QStringLiteral("bodyProblem"));
    m_bodyProblem->setWordWrap(true);
    m_bodyProblem->hide();

    auto *layout = new QVBoxLayout(page);
    layout->addLayout(modes);
    layout->addWidget(m_bodyPages, 1);
    layout->addWidget(m_bodyProblem);

    connect(m_bodyMode, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (!checked)
            return;
        const auto mode = BodyMode(m_bodyMode->checkedId());
        m_bodyPages->setCurrentIndex(mode == BodyMode::None   ? NoBodyPage
                                     : mode == BodyMode::Form ? FormPage
                                                              : TextPage);
        m_format->setVisible(mode == BodyMode::Json);
        validateBody();
        if (!m_filling) {
            updateTabTitles();
            emit changed();
        }
    });
    connect(m_bodyText, &QPlainTextEdit::textChanged, this, [this] {
        validateBody();
        if (!m_filling)
            emit changed();
    });
    connect(m_format, &QPushButton::clicked, this, &RequestEditor::formatJson);
    m_format->hide();
    return page;
}

void RequestEditor::validateBody()
{
    if (BodyMode(m_bodyMode->checkedId()) != BodyMode::Json ||
        m_bodyText->toPlainText().trimmed().isEmpty()) {
        m_bodyProblem->hide();
        return;
    }
    // Variables may stand where a value goes: check the JSON with each {{name}} as a string.
    QString text = m_bodyText->toPlainText();
    static const QRegularExpression variable(QStringLiteral("\\{\\{\\s*[A-Za-z0-9_.-]+\\s*\\}\\}"));
    text.replace(variable, QStringLiteral("0"));
    QJsonParseError error;
    QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error == QJsonParseError::NoError) {
        m_bodyProblem->hide();
        return;
    }
    const QByteArray utf8 = text.toUtf8().left(error.offset);
    const int line = int(utf8.count('\n')) + 1;
    const int column = int(utf8.size() - utf8.lastIndexOf('\n'));
    m_bodyProblem->setText(
        tr("Not valid JSON at line %1, column %2: %3").arg(line).arg(column).arg(error.errorString()));
    m_bodyProblem->show();
}

void RequestEditor::formatJson()
{
    const QJsonDocument document = QJsonDocument::fromJson(m_bodyText->toPlainText().toUtf8());
    if (document.isNull()) {
        validateBody();
        return;
    }
    // One undoable edit, so Ctrl+Z gives the text back as it was.
    QTextCursor cursor(m_bodyText->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(QString::fromUtf8(document.toJson(QJsonDocument::Indented)).trimmed());
}

void RequestEditor::updateTabTitles()
{
    const auto count = [](const QList<tester::KeyValue> &rows) {
        return std::count_if(rows.cbegin(), rows.cend(),
                             [](const tester::KeyValue &row) { return row.enabled; });
    };
    const auto titled = [](const QString &title, qsizetype n) {
        return n > 0 ? QStringLiteral("%1 (%2)").arg(title).arg(n) : title;
    };
    m_tabs->setTabText(ParamsTab, titled(tr("Params"), count(m_query->rows())));
    m_tabs->setTabText(HeadersTab, titled(tr("Headers"), count(m_headers->rows())));
    const auto mode = BodyMode(m_bodyMode->checkedId());
    m_tabs->setTabText(BodyTab, mode == BodyMode::None ? tr("Body") : tr("Body ●"));
    m_tabs->setTabText(AuthTab, m_auth->auth().mode == tester::AuthMode::None ? tr("Auth") : tr("Auth ●"));
}

void RequestEditor::splitQueryFromUrl()
{
    // A URL typed with ?a=b moves its query into the Params table, so there is one place to edit it.
    const QString text = m_url->text();
    const qsizetype mark = text.indexOf(QLatin1Char('?'));
    if (mark < 0)
        return;
    QList<tester::KeyValue> rows = m_query->rows();
    const QUrlQuery query(text.mid(mark + 1));
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded))
        rows.append({name, value, true});
    m_filling = true;
    m_url->setText(text.left(mark));
    m_query->setRows(rows);
    m_filling = false;
    updateTabTitles();
    emit changed();
}

tester::RequestDocument RequestEditor::document() const
{
    tester::RequestDocument document;
    document.name = m_name;
    document.flowId = m_flowId;
    document.method = m_method->currentText().trimmed().toUpper();
    document.url = m_url->text().trimmed();
    document.query = m_query->rows();
    document.headers = m_headers->rows();
    document.bodyMode = BodyMode(m_bodyMode->checkedId());
    if (document.bodyMode == BodyMode::Json || document.bodyMode == BodyMode::Raw)
        document.body = m_bodyText->toPlainText();
    document.form = m_form->rows();
    document.auth = m_auth->auth();
    return document;
}

void RequestEditor::setDocument(const tester::RequestDocument &document)
{
    m_filling = true;
    m_name = document.name;
    m_flowId = document.flowId;
    m_method->setCurrentText(document.method);
    m_url->setText(document.url);
    m_query->setRows(document.query);
    m_headers->setRows(document.headers);
    m_bodyMode->button(int(document.bodyMode))->setChecked(true);
    m_bodyText->setPlainText(document.body);
    m_form->setRows(document.form);
    m_auth->setAuth(document.auth);
    m_filling = false;
    m_error->hide();
    validateBody();
    updateTabTitles();
}

void RequestEditor::setBusy(bool busy)
{
    m_send->setVisible(!busy);
    m_cancel->setVisible(busy);
}

bool RequestEditor::loadCurl(const QString &command)
{
    auto parsed = tester::fromCurl(command);
    if (!parsed) {
        m_error->setText(tr("Could not read the cURL command: %1").arg(parsed.error().message));
        m_error->show();
        return false;
    }
    tester::RequestDocument document = *parsed;
    document.name = m_name;
    setDocument(document);
    emit changed();
    emit message(tr("Loaded the cURL command as a request."));
    return true;
}

bool RequestEditor::eventFilter(QObject *watched, QEvent *event)
{
    // A multi-line cURL command pasted into the one-line URL field would lose its line breaks: read
    // it from the clipboard whole.
    if (watched == m_url && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->matches(QKeySequence::Paste)) {
        const QString text = QApplication::clipboard()->text();
        if (tester::looksLikeCurl(text)) {
            loadCurl(text);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace wf::ui
