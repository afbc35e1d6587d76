#pragma once

// The request that starts an API Endpoint flow, as the engine sees it, and the API Endpoint card's
// outputs built from it (PRODUCT.md §5): declared body/query/header fields converted to their types,
// raw.body, raw.query, raw.headers, and context.*.

#include "Result.h"
#include "flow/Flow.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <utility>

namespace wf {

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

// The first value of header `name` (matched case-insensitively), or empty.
QByteArray headerValue(const HeaderList &headers, const QByteArray &name);

struct EventData {
    QByteArray method = QByteArrayLiteral("POST");
    HeaderList headers;  // as received; names are matched case-insensitively
    QByteArray rawQuery; // without '?', percent-encoded, clientToken already removed
    QByteArray body;
    QString executionId;
    QString clientId; // OAuth 2.0 callers
    SecurityLevel security = SecurityLevel::None;

    QByteArray header(const QByteArray &name) const { return headerValue(headers, name); }
};

// Why the event could not be built: the request's fault, answered with 400. ErrorType::InvalidInput
// for malformed JSON with a JSON content type, InvalidTypeConversion for a declared field that cannot
// convert to its type.
Result<QJsonObject> buildEventOutputs(const EventCard &event, const EventData &data);

// The outputs of a Helper Flow card: its declared inputs, converted; undeclared values are dropped.
Result<QJsonObject> buildHelperOutputs(const EventCard &event, const QJsonObject &inputs);

// Decodes an application/x-www-form-urlencoded string into an object (later duplicates win).
QJsonObject decodeForm(const QByteArray &form);

} // namespace wf
