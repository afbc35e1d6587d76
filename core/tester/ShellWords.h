#pragma once

// Splitting a pasted POSIX shell command line into words, and quoting a word back, for cURL paste
// and "Copy as cURL" of the request tester. Only quoting is interpreted: no expansion, no
// redirection, no pipelines (those are refused, naming the character).

#include "Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace wf::tester {

// '...' (literal), "..." (\ escapes $ ` " \ and newline), $'...' (C escapes: \n \t \xHH \uHHHH,
// octal, ...), backslash escapes outside quotes, backslash-newline continuations, and # comments.
// A bare newline separates words like a space.
Result<QStringList> splitShellWords(const QString &command);

// `word` in single quotes, a ' inside written '\''; the bytes stay UTF-8.
QString shellQuote(const QByteArray &word);

} // namespace wf::tester
