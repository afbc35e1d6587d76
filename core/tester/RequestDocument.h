#pragma once

// A request of the request tester (PRODUCT.md §7) as the user edits it: method, URL, query
// parameters, headers, body and auth, with `{{variables}}` left unresolved. It is what collections
// and the tester's history store, so it never holds a secret the user typed unless it is a variable
// reference (see redactedForStorage()). A pasted private key is never part of it.

#include "Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace wf::tester {

struct KeyValue {
    QString name;
    QString value;
    bool enabled = true;

    bool operator==(const KeyValue &) const = default;
};

enum class BodyMode { None, Json, Form, Raw };

enum class AuthMode {
    None,
    ClientToken, // the flow's client token, in the `clientToken` query parameter or the header
    OAuth2,      // client credentials with a private_key_jwt assertion, then a bearer token
    Bearer,      // a bearer token the user pasted
};

enum class ClientTokenPlacement { Query, Header };

// Where the tester takes the private key that signs the client assertion from.
enum class OAuthKeySource {
    Kept,   // the key `kid` of the app `clientId`, kept in the secret store
    Pasted, // a key pasted in the tester; held in memory only, never saved
};

struct OAuthSettings {
    QString clientId;
    QString kid;      // for Kept: the app key whose private key is kept
    QString tokenUrl; // empty: {{baseUrl}}/oauth2/v1/token
    QString scope;    // empty: okta.workflows.invoke.manage
    OAuthKeySource keySource = OAuthKeySource::Kept;

    bool operator==(const OAuthSettings &) const = default;
};

struct RequestAuth {
    AuthMode mode = AuthMode::None;
    ClientTokenPlacement placement = ClientTokenPlacement::Query;
    QString clientToken = QStringLiteral("{{clientToken}}"); // usually the variable
    OAuthSettings oauth;
    QString bearerToken;

    bool operator==(const RequestAuth &) const = default;
};

struct RequestDocument {
    QString name;
    QString method = QStringLiteral("GET"); // any token of RFC 9110 §5.6.2, upper-cased by the editor
    QString url;                            // without the query parameters listed in `query`
    QList<KeyValue> query;
    QList<KeyValue> headers;
    BodyMode bodyMode = BodyMode::None;
    QString body;         // for Json and Raw
    QList<KeyValue> form; // for Form
    RequestAuth auth;
    QString flowId; // the flow this request was opened for, if any ({{clientToken}} is its token)

    bool operator==(const RequestDocument &) const = default;
};

QString bodyModeName(BodyMode mode); // "none", "json", "form", "raw"
QString authModeName(AuthMode mode); // "none", "clientToken", "oauth2", "bearer"

// JSON of a document, as collections and the tester history store it; fromJson() refuses unknown
// modes, wrong types and values over the limits below with a message naming the member.
QJsonObject toJson(const RequestDocument &document);
Result<RequestDocument> requestFromJson(const QJsonObject &json);

// Limits on what a document may hold (a request tester, not a file transfer tool).
inline constexpr qsizetype kMaxBodyChars = 10 * 1024 * 1024;
inline constexpr qsizetype kMaxParameters = 500; // query, headers and form each
inline constexpr qsizetype kMaxUrlChars = 64 * 1024;

// True when `text` is exactly one `{{name}}` reference.
bool isVariableReference(const QString &text);

// A copy fit for storing: literal secrets (client token, bearer token, values of the headers
// Authorization, Proxy-Authorization, Cookie, x-api-client-token and of the query parameter
// clientToken) are replaced by the empty string unless they are a `{{variable}}` reference (or, for
// Authorization and Proxy-Authorization, a scheme and a reference: "Bearer {{token}}").
RequestDocument redactedForStorage(const RequestDocument &document);

} // namespace wf::tester
