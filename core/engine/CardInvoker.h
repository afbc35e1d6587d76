#pragma once

// Runs one Function card on raw input values: fills defaults, checks required inputs, converts every
// input to its declared type (catalogue type, or the type the flow declared for a dynamic input) and
// calls the card. Shared by the executor and the card tests, so both see the same conversions.

#include "engine/CardSpec.h"
#include "flow/Flow.h"

#include <functional>

namespace wf {

// The raw value of the input called `name`; undefined when there is none.
using RawInput = std::function<QJsonValue(const QString &name)>;

// Converts the raw inputs as described above. Errors name the input: "b: cannot convert ...".
Result<QJsonObject> prepareCardInputs(const CardSpec &spec, const CardNode &node, const RawInput &rawInput);
Result<QJsonObject> prepareCardInputs(const CardSpec &spec, const CardNode &node,
                                      const QJsonObject &rawInputs);

Result<QJsonObject> invokeFunctionCard(const CardSpec &spec, const CardNode &node,
                                       const QJsonObject &rawInputs, ExecutionEnv &env);

} // namespace wf
