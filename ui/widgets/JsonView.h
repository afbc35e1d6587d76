#pragma once

// A read-only JSON viewer: pretty-printed (2-space indent), keys, strings, numbers and literals
// highlighted in colours that suit the light and the dark palette. Text that is not JSON is shown as
// it is, without highlighting.

#include <QJsonValue>
#include <QPlainTextEdit>

namespace wf::ui {

class JsonView final : public QPlainTextEdit {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonView)

public:
    explicit JsonView(QWidget *parent = nullptr);

    // Shows `bytes` pretty-printed when it is JSON, else as text (invalid UTF-8 replaced).
    void setJson(const QByteArray &bytes);
    void setJsonValue(const QJsonValue &value);

    // "{\n  \"a\": 1\n}" for {"a":1}; empty when `bytes` is not JSON.
    static QString prettyJson(const QByteArray &bytes);
};

} // namespace wf::ui
