#pragma once

// Reading a key the user gives on the command line: a JWK or PEM file, or stdin for "-".

#include "Result.h"
#include "auth/Jose.h"

#include <QByteArray>
#include <QString>

namespace wf::cli {

// The key in `text`: a JWK, or PEM with any explanatory text before the "-----BEGIN" line skipped
// (RFC 7468 §5.2), so what `wfconsole apps create` prints can be saved and read back as it is.
Result<auth::Key> keyFromText(const QByteArray &text);

// The key in the file at `path` ("-": standard input), at most 64 KiB.
Result<auth::Key> readKeyFile(const QString &path);

} // namespace wf::cli
