#pragma once

// Postman Collection v2.1 (https://schema.getpostman.com/json/collection/v2.1.0/collection.json)
// import and export of tester collections (PRODUCT.md §7).
//
// Mapping: folders are item groups; a request's url is {raw, protocol, host, port, path, query};
// bodies are mode raw (with options.raw.language "json" or "text") or urlencoded; disabled query
// parameters, headers and form fields keep "disabled": true. Auth: ClientToken in the query stays a
// query parameter `clientToken`, in the header an `apikey` auth (key x-api-client-token, in header);
// Bearer is a `bearer` auth; OAuth2 is an `oauth2` auth with grant_type client_credentials,
// accessTokenUrl, clientId, scope and accessToken "{{accessToken}}" (Postman cannot sign a
// private_key_jwt assertion itself, so a run supplies the token as the variable accessToken, e.g.
// from `wfconsole token`), plus wfconsole-specific params (wfconsoleKid, wfconsoleKeySource) so an
// export imports back unchanged. A request's flowId is kept in its description-less
// "wfconsoleFlowId" member, which Postman ignores. What the editor keeps of modes not in use travels
// too: text and form rows of another body mode beside the active one (a request without a body gets
// a disabled body without a mode, which Postman does not send), and the settings of other auth modes
// as further attribute arrays of the auth object ("type" picks the one in use).
//
// Import gives the same requests on the wire but may normalise: a query typed into the URL itself
// becomes query parameters, an enabled `clientToken` parameter of a request without auth becomes
// the client token auth, an empty raw body is no body (Postman sends none), and the default token
// URL and scope become empty (the defaults).

#include "Collection.h"
#include "Result.h"

#include <QByteArray>

namespace wf::tester {

// Indented JSON; info.schema is the v2.1.0 schema URL and info._postman_id a fresh UUID.
QByteArray toPostmanCollection(const Collection &collection);

// Accepts v2.1 and v2.0 collections (info.schema), also wrapped as the Postman API returns them
// ({"collection": ...}); refuses v1, environments and other documents with a message, and anything
// over the limits of a collection (Collection.h). Postman features the tester does not have
// (scripts, events, variables, saved responses, file bodies and file form fields, descriptions,
// other auth types) are dropped and listed in `warnings`. Basic auth without variables becomes an
// Authorization header, multipart form data a URL-encoded form and an OAuth 2.0 grant other than
// client credentials a bearer token with its access token, each with a warning; a path variable
// (:id) becomes its value.
struct PostmanImport {
    Collection collection;
    QStringList warnings;
};
Result<PostmanImport> fromPostmanCollection(const QByteArray &json);

} // namespace wf::tester
