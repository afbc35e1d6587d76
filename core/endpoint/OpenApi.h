#pragma once

// The OpenAPI 3.0 document of an API Endpoint flow (PRODUCT.md §3, `GET /api/flo/{alias}/openapi`):
// the Invoke and Resume routes of that one flow, their parameters and bodies typed from the event
// card's declared fields, the answer typed from the flow's closing Return card, every error the
// invoke pipeline can give (§3.1) and the flow's security level as security schemes.

#include "engine/ValueType.h"
#include "flow/Flow.h"

#include <QJsonObject>
#include <QString>

namespace wf {

// The OpenAPI 3.0 Schema Object of a card value type: text → string, number → number, boolean →
// boolean, datetime → string with format date-time, object → object, list<T> → array of T, any → {}.
QJsonObject openApiSchema(ValueType type);

// The OpenAPI 3.0.3 document of `flow`, served from `baseUrl` (the workspace's base URL, e.g.
// "http://127.0.0.1:8787"). The paths name the flow's alias; a flow without one (not yet in a
// workspace) gets an `{alias}` path parameter instead. Helper flows have no endpoint: an empty object.
QJsonObject openApiDocument(const Flow &flow, const QString &baseUrl);

} // namespace wf
