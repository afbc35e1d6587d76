#include "widgets/JsonView.h"

#include <QFontDatabase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSyntaxHighlighter>

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

} // namespace

JsonView::JsonView(QWidget *parent) : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new JsonHighlighter(document());
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
