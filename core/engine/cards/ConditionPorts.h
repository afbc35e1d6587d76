#pragma once

// The inputs of every card that tests a condition: a, operator, b and compareAs.

#include "engine/CardSpec.h"

namespace wf {

inline QList<PortSpec> conditionPorts()
{
    return {
        {QStringLiteral("a"), ValueType::any(), false, QStringLiteral("Left-hand value"),
         QJsonValue(QJsonValue::Null)},
        {QStringLiteral("operator"), ValueType::text(), false,
         QStringLiteral("Comparison operator, e.g. \"equal to\""), QStringLiteral("equal to")},
        {QStringLiteral("b"), ValueType::any(), false, QStringLiteral("Right-hand value"),
         QJsonValue(QJsonValue::Null)},
        {QStringLiteral("compareAs"), ValueType::text(), false,
         QStringLiteral("auto, text, number, boolean or datetime"), QStringLiteral("auto")},
    };
}

} // namespace wf
