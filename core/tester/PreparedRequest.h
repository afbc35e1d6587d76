#pragma once

// A request as it goes on the wire: variables substituted, query parameters encoded into the URL,
// the body encoded and the auth applied. Built from a RequestDocument at send time; cURL export
// reproduces it exactly.

#include "RequestDocument.h"
#include "Result.h"
#include "Variables.h"

#include <QByteArray>
#include <QList>
#include <QUrl>
#include <utility>

namespace wf::tester {

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

// A secret value that appears in a prepared request and how to show it when secrets are left out
// (e.g. the client token → "{{clientToken}}", an access token → "<access token>"). They are found in
// what is sent, so a request read back from its cURL command has the same ones: values of secret
// variables ("{{name}}"), the client token (query clientToken, header x-api-client-token:
// "{{clientToken}}"), the credentials of Authorization and Proxy-Authorization ("<access token>"
// after Bearer, else "<credentials>") and Cookie ("<cookie>").
struct SecretValue {
    QByteArray value;
    QByteArray placeholder;

    bool operator==(const SecretValue &) const = default;
};

struct PreparedRequest {
    QByteArray method;
    QUrl url;           // fully encoded, with the query
    HeaderList headers; // in order; includes Content-Type when the body mode implies one
    QByteArray body;
    QList<SecretValue> secrets;

    bool operator==(const PreparedRequest &) const = default;
};

// Substitutes variables everywhere (URL, enabled query parameters, headers and form fields, body,
// auth values), then:
// - URL: must be http or https with a host; the enabled query parameters are appended in order.
// - Query parameters: name and value UTF-8 and percent-encoded, all but unreserved characters and
//   !$'()*,;:@/? (so &, =, +, # and spaces are always encoded).
// - Headers: names must be tokens, values are trimmed and have no line break; Content-Length and
//   Transfer-Encoding are refused (they follow from the body).
// - Body: Json must be one JSON value after substitution (the error gives line and column);
//   Content-Type is set to application/json (Json), application/x-www-form-urlencoded (Form) or
//   text/plain; charset=utf-8 (Raw) unless a header sets it. None sends no body.
// - Auth: ClientToken adds `clientToken` to the query or the `x-api-client-token` header; OAuth2 and
//   Bearer add `Authorization: Bearer <token>` (OAuth2 takes `accessToken`, fetched by the caller).
//   A header the user set by hand with the same name is an error, not silently overridden.
// - Method: upper-cased, then a valid token (letters, digits, and !#$%&'*+-.^_`|~); HEAD has no body.
// Errors name what is wrong ("header 3: name is empty", "unknown variable {{baseUrl}}").
Result<PreparedRequest> prepareRequest(const RequestDocument &document, const Variables &variables,
                                       const QByteArray &accessToken = {});

// The prepared request with every secret replaced by its placeholder (for history and cURL
// without secrets); its `secrets` list is empty.
PreparedRequest withSecretsMasked(const PreparedRequest &request);

// The URL with every secret replaced by its placeholder, the placeholders left readable (not
// percent-encoded): for showing and for the tester's history.
QString maskedUrlText(const PreparedRequest &request);

} // namespace wf::tester
