#pragma once

// The flow file format (docs/flow-format.md): parsing with every structural problem reported, and
// stable, atomic saving (same flow, same bytes).

#include "flow/Flow.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace wf {

// One problem found in a flow file, located by card and field as precisely as possible.
struct FlowProblem {
    QString cardId; // empty for flow-level problems; "event" for the event card
    QString field;  // input, output, option or property name; may be empty
    QString message;

    QString toString() const;
};

struct FlowParseResult {
    std::optional<Flow> flow; // set when the structure could be read (even with problems)
    QList<FlowProblem> problems;

    bool ok() const { return flow.has_value() && problems.isEmpty(); }
};

inline constexpr qsizetype kMaxFlowFileSize = 8 * 1024 * 1024;
inline constexpr int kMaxBlockDepth = 16;
inline constexpr int kMaxCardsPerFlow = 5000;

namespace flowjson {

// Reads the JSON form of a flow. Structural problems (wrong JSON types, unknown keys' values,
// bad references, bad type names) are collected; semantic checks are FlowValidator's.
FlowParseResult parse(const QByteArray &json);
FlowParseResult parse(const QJsonObject &object);

QJsonObject toJsonObject(const Flow &flow);
// Indented JSON with keys in a fixed order, ending in a newline.
QByteArray toJson(const Flow &flow);

// Writes through a temporary file and a rename, so a crash never leaves a half-written flow.
[[nodiscard]] bool save(const Flow &flow, const QString &path, QString *errorString);

} // namespace flowjson
} // namespace wf
