#pragma once

// Dot paths into values ("a.b.0.c"): a part is a key into an object or, on a list, a 0-based index
// written in digits only. Shared by the references the executor resolves and the Object and List
// cards, so a path means the same everywhere.

#include "Result.h"

#include <QJsonValue>
#include <QStringList>
#include <optional>

namespace wf {

// Longer paths are refused so that no card recurses without bound on hostile input.
inline constexpr qsizetype kMaxPathParts = 512;

// Splits `path` at its dots. An empty path is the value itself when `allowEmpty`, else an error;
// an empty part or more than kMaxPathParts parts are errors naming `inputName`.
Result<QStringList> splitValuePath(const QString &inputName, const QString &path, bool allowEmpty = false);

// The list index a part stands for: digits only, so "1e2", "+1" and " 1" are keys, never indexes.
std::optional<qsizetype> pathIndex(const QString &part);

// The value at parts[from...] of `root`, or nullopt when the path leads nowhere.
std::optional<QJsonValue> valueAtPath(const QJsonValue &root, const QStringList &parts, qsizetype from = 0);

// `text` cut to 40 characters with an ellipsis, for echoing user values in error messages.
QString shortText(const QString &text);

} // namespace wf
