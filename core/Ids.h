#pragma once

// Identifiers and tokens from the operating system's CSPRNG.

#include <QString>

namespace wf {

// `bytes` random bytes as lowercase hex (2 × bytes characters).
QString randomHex(int bytes);

// A flow alias: 32 lowercase hex characters.
QString newFlowAlias();

// An execution id: 32 lowercase hex characters, the first 12 the time in milliseconds since the
// epoch, the other 20 random.
QString newExecutionId();

} // namespace wf
