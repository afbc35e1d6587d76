#pragma once

// The comparison operators shared by Compare, Continue If, Assign If, If/Else, If/ElseIf,
// Return Error If and the list cards that filter: typed, so 80 > 9 as numbers and "80" < "9" as text.

#include "Result.h"

#include <QJsonValue>
#include <QStringList>

namespace wf {

enum class CompareAs {
    Auto, // from the values: both numbers → Number, both booleans → True/False, otherwise Text
    Text,
    Number,
    Boolean,
    DateTime,
};

// The operator names as the cards show them: "equal to", "not equal to", "greater than",
// "greater than or equal to", "less than", "less than or equal to", "contains", "does not contain",
// "starts with", "ends with", "is empty", "is not empty", "in", "not in", "has key".
const QStringList &comparisonOperators();

// True for the operators that take no right-hand value ("is empty", "is not empty").
bool isUnaryOperator(const QString &op);

// Parses "text", "number", "boolean", "datetime", "auto" (empty = auto).
std::optional<CompareAs> parseCompareAs(const QString &name);

// Evaluates `a op b`. Unknown operators and values that cannot be compared as asked give
// ErrorType::InvalidInput with a message naming the operator and the values' types.
Result<bool> compareValues(const QJsonValue &a, const QString &op, const QJsonValue &b,
                           CompareAs as = CompareAs::Auto);

} // namespace wf
