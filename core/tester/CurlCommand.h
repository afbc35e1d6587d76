#pragma once

// "Copy as cURL" and cURL paste of the request tester (PRODUCT.md §7).

#include "PreparedRequest.h"
#include "RequestDocument.h"
#include "Result.h"

#include <QString>

namespace wf::tester {

struct CurlOptions {
    bool includeSecrets = false; // else secrets are replaced by their placeholders
    bool multiline = true;       // one option per line, joined with " \\\n  "
    bool insecure = false;       // add --insecure (self-signed certificate)
};

// A POSIX-shell command that sends exactly `request`: every argument single-quoted (a ' inside
// becomes '\''), `-X` only when the method is not what curl would use, each header with -H, the body
// with --data-raw (so curl neither strips newlines nor reads @files). Non-ASCII text stays UTF-8.
// Where curl would change the request by itself, it is told not to: -g for [ ] { } in the URL,
// --path-as-is for /./ and /../, "Expect:" for bodies over 1 MiB, "Content-Type:" for a body
// without one, "Name;" for a header with an empty value.
QString toCurl(const PreparedRequest &request, const CurlOptions &options = {});

// True when `text` (trimmed) starts with the word curl: the URL field then offers to load it.
bool looksLikeCurl(const QString &text);

// Parses a curl command line (POSIX shell quoting: '...', "..." with \ escapes, $'...' with C
// escapes, backslash-newline continuations) into a document: the URL is split into url + query,
// -X/--request, -H/--header, -d/--data/--data-raw/--data-binary/--data-ascii (several are joined
// with &), --data-urlencode, --json, -G/--get, -I/--head, -u/--user (→ Authorization: Basic),
// -A/--user-agent, -e/--referer, -b/--cookie (a string, not a file), --url. Harmless transfer options
// (-s, -S, -v, -i, -L, -k, --compressed, --fail, -o FILE, --max-time N, ...) are accepted and
// ignored. Authorization: Bearer, x-api-client-token and a clientToken query parameter become the
// matching auth mode when last (where the tester puts them, so the request does not change). The
// query is split into parameters, and an urlencoded body into form fields, only when encoding them
// again gives the same bytes; otherwise they stay as they are (in the URL, or a Raw body). A body
// that parses as JSON with a JSON Content-Type becomes BodyMode::Json, an urlencoded form becomes
// BodyMode::Form, anything else Raw. Unknown options and `@file` data are errors naming them.
Result<RequestDocument> fromCurl(const QString &command);

} // namespace wf::tester
