#pragma once

// Encodings the request tester shares between preparing a request and reading a cURL command, so a
// command it exports reads back into the same document: query components, urlencoded forms, HTTP
// tokens and the JSON body check.

#include "tester/PreparedRequest.h"
#include "tester/RequestDocument.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace wf::tester {

// A query parameter name or value: everything but the unreserved characters and the sub-delimiters
// that mean nothing inside a parameter (!$'()*,;:@/?) is percent-encoded, so &, =, +, # and spaces
// never change how the query splits.
QByteArray encodeQueryComponent(const QString &text);

// The parameters of `query` (already percent-encoded), when encoding them again with
// encodeQueryComponent() gives back exactly `query`; nullopt otherwise (the query then stays in the
// URL as it is, so nothing about it changes).
std::optional<QList<KeyValue>> splitQueryExactly(const QByteArray &query);

// The fields of an application/x-www-form-urlencoded body ('+' is a space); nullopt when `body` is
// not one (a part without '=', an empty name, a broken escape).
std::optional<QList<KeyValue>> parseForm(const QByteArray &body);

// RFC 9110 §5.6.2 token (methods and header names).
bool isHttpToken(const QByteArray &text);

// Where masked text goes: the placeholder of a secret in a URL is percent-encoded (UrlText keeps it
// readable, for showing), and in a body a secret is also found form-encoded.
enum class MaskTarget { Url, UrlText, Text, Body };

// `text` with every secret value (longest first) replaced by its placeholder.
QByteArray maskSecrets(QByteArray text, QList<SecretValue> secrets, MaskTarget target);

// Empty when `text` is one JSON value; else where and why it does not parse ("line 2, column 5:
// unterminated object").
QString jsonSyntaxError(const QString &text);

} // namespace wf::tester
