#pragma once

// A read-only JSON viewer: pretty-printed (2-space indent), keys, strings, numbers and literals
// highlighted in colours that suit the light and the dark palette, and every object or array
// foldable from the margin (a click on its marker, or the context menu's Fold all / Unfold all).
// Text that is not JSON is shown as it is, without highlighting.

#include <QJsonValue>
#include <QPlainTextEdit>
#include <QSet>

namespace wf::ui {

class JsonView final : public QPlainTextEdit {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonView)

public:
    explicit JsonView(QWidget *parent = nullptr);
    ~JsonView() override;

    // Shows `bytes` pretty-printed when it is JSON, else as text (invalid UTF-8 replaced).
    void setJson(const QByteArray &bytes);
    void setJsonValue(const QJsonValue &value);

    // "{\n  \"a\": 1\n}" for {"a":1}; empty when `bytes` is not JSON.
    static QString prettyJson(const QByteArray &bytes);

    // Folding: a line opening an object or array ("{" or "[" at its end) folds the lines up to its
    // closing line, which stays shown. Line numbers count from 0.
    bool isFoldable(int line) const;
    bool isFolded(int line) const;
    void setFolded(int line, bool folded);
    void foldAll();
    void unfoldAll();
    int visibleLineCount() const;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    class FoldMargin;
    friend class FoldMargin;
    int closingLine(int line) const;
    void paintMargin(QPaintEvent *event);
    void clickMargin(const QPoint &position);
    void applyFolds();

    FoldMargin *m_margin = nullptr;
    QSet<int> m_folded; // lines whose block is folded
};

} // namespace wf::ui
