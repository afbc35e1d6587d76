#include "widgets/JsonView.h"

#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QPainter>
#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextBlock>

namespace wf::ui {
namespace {

class JsonHighlighter final : public QSyntaxHighlighter {
public:
    explicit JsonHighlighter(QTextDocument *document) : QSyntaxHighlighter(document) {}

protected:
    void highlightBlock(const QString &text) override
    {
        static const QRegularExpression token(QStringLiteral(
            R"re(("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b)re"));
        const bool dark = document()->documentLayout() && isDark();
        QTextCharFormat key, string, number, literal;
        key.setForeground(dark ? QColor(0x9c, 0xdc, 0xfe) : QColor(0x00, 0x4f, 0x9e));
        string.setForeground(dark ? QColor(0xce, 0x91, 0x78) : QColor(0xa3, 0x15, 0x15));
        number.setForeground(dark ? QColor(0xb5, 0xce, 0xa8) : QColor(0x09, 0x86, 0x58));
        literal.setForeground(dark ? QColor(0x56, 0x9c, 0xd6) : QColor(0x00, 0x00, 0xff));
        for (auto it = token.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            if (match.capturedLength(1) > 0)
                setFormat(match.capturedStart(1), match.capturedLength(1),
                          match.capturedLength(2) > 0 ? key : string);
            else if (match.capturedLength(3) > 0)
                setFormat(match.capturedStart(3), match.capturedLength(3), number);
            else
                setFormat(match.capturedStart(4), match.capturedLength(4), literal);
        }
    }

private:
    bool isDark() const
    {
        const auto *view = qobject_cast<const QPlainTextEdit *>(document()->parent());
        return view && view->palette().color(QPalette::Base).lightness() < 128;
    }
};

// Whether a line's text opens an object or an array that goes on over the next lines.
bool opensBlock(const QString &text)
{
    const QString trimmed = text.trimmed();
    return trimmed.endsWith(QLatin1Char('{')) || trimmed.endsWith(QLatin1Char('['));
}

int indentOf(const QString &text)
{
    int spaces = 0;
    while (spaces < text.size() && text.at(spaces) == QLatin1Char(' '))
        ++spaces;
    return spaces;
}

constexpr int kMarginWidth = 16;

} // namespace

// The strip left of the text where the fold markers are drawn and clicked.
class JsonView::FoldMargin final : public QWidget {
public:
    explicit FoldMargin(JsonView *view) : QWidget(view), m_view(view)
    {
        setObjectName(QStringLiteral("foldMargin"));
        setCursor(Qt::PointingHandCursor);
    }

protected:
    void paintEvent(QPaintEvent *event) override { m_view->paintMargin(event); }
    void mousePressEvent(QMouseEvent *event) override { m_view->clickMargin(event->position().toPoint()); }
    void mouseReleaseEvent(QMouseEvent *event) override { event->accept(); }

private:
    JsonView *m_view;
};

JsonView::JsonView(QWidget *parent) : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new JsonHighlighter(document());
    m_margin = new FoldMargin(this);
    setViewportMargins(kMarginWidth, 0, 0, 0);
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy)
            m_margin->scroll(0, dy);
        else
            m_margin->update(0, rect.y(), m_margin->width(), rect.height());
    });
    // New text has no folds.
    connect(this, &QPlainTextEdit::textChanged, this, [this] { m_folded.clear(); });
}

JsonView::~JsonView() = default;

void JsonView::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect area = contentsRect();
    m_margin->setGeometry(area.left(), area.top(), kMarginWidth, area.height());
}

bool JsonView::isFoldable(int line) const
{
    const QTextBlock block = document()->findBlockByNumber(line);
    return block.isValid() && opensBlock(block.text()) && closingLine(line) > line + 1;
}

int JsonView::closingLine(int line) const
{
    const QTextBlock start = document()->findBlockByNumber(line);
    const int indent = indentOf(start.text());
    for (QTextBlock block = start.next(); block.isValid(); block = block.next()) {
        const QString text = block.text();
        const QString trimmed = text.trimmed();
        if (indentOf(text) == indent &&
            (trimmed.startsWith(QLatin1Char('}')) || trimmed.startsWith(QLatin1Char(']'))))
            return block.blockNumber();
        if (indentOf(text) < indent && !trimmed.isEmpty())
            break;
    }
    return -1;
}

bool JsonView::isFolded(int line) const
{
    return m_folded.contains(line);
}

void JsonView::setFolded(int line, bool folded)
{
    if (folded == isFolded(line) || (folded && !isFoldable(line)))
        return;
    if (folded)
        m_folded.insert(line);
    else
        m_folded.remove(line);
    applyFolds();
}

void JsonView::foldAll()
{
    m_folded.clear();
    for (int line = 0; line < document()->blockCount(); ++line)
        if (isFoldable(line))
            m_folded.insert(line);
    applyFolds();
}

void JsonView::unfoldAll()
{
    m_folded.clear();
    applyFolds();
}

void JsonView::applyFolds()
{
    // Lines before `hiddenUntil` are inside a folded block (its closing line stays shown); a fold
    // inside a folded block keeps its state for when the outer one opens.
    int hiddenUntil = -1;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        const int line = block.blockNumber();
        const bool visible = line >= hiddenUntil;
        block.setVisible(visible);
        if (visible && m_folded.contains(line))
            hiddenUntil = closingLine(line);
    }
    document()->markContentsDirty(0, document()->characterCount());
    viewport()->update();
    m_margin->update();
}

int JsonView::visibleLineCount() const
{
    int count = 0;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next())
        count += block.isVisible() ? 1 : 0;
    return count;
}

void JsonView::paintMargin(QPaintEvent *event)
{
    QPainter painter(m_margin);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const int lineHeight = fontMetrics().height();
    for (QTextBlock block = firstVisibleBlock(); block.isValid(); block = block.next()) {
        if (!block.isVisible())
            continue;
        const QRectF box = blockBoundingGeometry(block).translated(contentOffset());
        if (box.top() > event->rect().bottom())
            break;
        if (!isFoldable(block.blockNumber()))
            continue;
        const QString marker = isFolded(block.blockNumber()) ? QStringLiteral("▸") : QStringLiteral("▾");
        painter.drawText(QRectF(0, box.top(), kMarginWidth, lineHeight), Qt::AlignCenter, marker);
    }
}

void JsonView::clickMargin(const QPoint &position)
{
    for (QTextBlock block = firstVisibleBlock(); block.isValid(); block = block.next()) {
        if (!block.isVisible())
            continue;
        const QRectF box = blockBoundingGeometry(block).translated(contentOffset());
        if (position.y() < box.top())
            break;
        if (position.y() < box.bottom()) {
            setFolded(block.blockNumber(), !isFolded(block.blockNumber()));
            return;
        }
    }
}

void JsonView::contextMenuEvent(QContextMenuEvent *event)
{
    std::unique_ptr<QMenu> menu(createStandardContextMenu(event->pos()));
    menu->addSeparator();
    menu->addAction(tr("Fold all"), this, &JsonView::foldAll);
    menu->addAction(tr("Unfold all"), this, &JsonView::unfoldAll);
    menu->exec(event->globalPos());
}

QString JsonView::prettyJson(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return {};
    // QJsonDocument indents with 4 spaces; 2 reads better in a pane.
    const QString indented = QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    QString out;
    out.reserve(indented.size());
    for (const QString &line : indented.split(QLatin1Char('\n'))) {
        qsizetype spaces = 0;
        while (spaces < line.size() && line.at(spaces) == QLatin1Char(' '))
            ++spaces;
        out += QString(spaces / 2, QLatin1Char(' ')) + line.mid(spaces) + QLatin1Char('\n');
    }
    while (out.endsWith(QLatin1Char('\n')))
        out.chop(1);
    return out;
}

void JsonView::setJson(const QByteArray &bytes)
{
    const QString pretty = prettyJson(bytes);
    setPlainText(pretty.isEmpty() && !bytes.isEmpty() ? QString::fromUtf8(bytes) : pretty);
}

void JsonView::setJsonValue(const QJsonValue &value)
{
    if (value.isObject())
        setJson(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    else if (value.isArray())
        setJson(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    else // a scalar: wrap it so that QJsonDocument prints it, then unwrap
        setPlainText(prettyJson(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
                         .mid(1)
                         .chopped(1)
                         .trimmed());
}

} // namespace wf::ui
