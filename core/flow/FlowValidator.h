#pragma once

// Semantic checks of a parsed flow against the card catalogue: unknown functions, inputs that do not
// exist or are missing, references to later or missing outputs, bindings whose types can never
// convert, Pause nested in a block, malformed blocks, helper flows that do not exist. Every problem
// is reported, each with its card and field.

#include "flow/FlowJson.h"

namespace wf {

class CardCatalogue;
class FlowLibrary;

// `library` may be null: helper-flow references are then not checked.
QList<FlowProblem> validateFlow(const Flow &flow, const CardCatalogue &catalogue, const FlowLibrary *library);

// Parses and validates in one step.
FlowParseResult loadFlow(const QByteArray &json, const CardCatalogue &catalogue, const FlowLibrary *library);

} // namespace wf
