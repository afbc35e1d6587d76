#pragma once

// One execution as execution history keeps it (PRODUCT.md §6): who called which flow, what was asked
// and answered, how it ended and, when the flow saves all data, its per-card trace. Plain values; the
// functions below make a record fit for storage: secrets redacted, bodies and trace capped.

#include "engine/EventData.h"
#include "engine/Executor.h"
#include "engine/Trace.h"
#include "flow/Flow.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace wf {

enum class ExecutionKind { Invoke, Resume, Retry };

QString executionKindId(ExecutionKind kind); // "invoke", "resume", "retry"
std::optional<ExecutionKind> parseExecutionKind(const QString &id);

struct CallerInfo {
    QString address;  // peer address, "127.0.0.1"
    QString clientId; // OAuth 2.0 callers, else empty
    SecurityLevel securityLevel = SecurityLevel::None;
};

struct RecordedRequest {
    QByteArray method;       // "GET", "POST"
    QByteArray pathAndQuery; // percent-encoded, as received: "/api/flo/<alias>/invoke?a=1"
    HeaderList headers;      // as received, repeated names kept in order
    QByteArray body;
    qint64 bodySize = 0;        // bytes received; more than body.size() when the body was truncated
    bool bodyTruncated = false; // only the first maxBodyBytes were kept
};

struct RecordedResponse {
    int status = 0; // 0: nothing answered yet (in progress)
    HeaderList headers;
    QByteArray body;
    qint64 bodySize = 0;
    bool bodyTruncated = false;
};

struct ExecutionRecord {
    QString id; // 32 lowercase hex characters (newExecutionId())
    QString flowId;
    QString flowAlias;
    QString flowName;
    ExecutionKind kind = ExecutionKind::Invoke;
    ExecutionStatus status = ExecutionStatus::InProgress;
    QDateTime startedAt; // UTC, millisecond precision
    qint64 durationUs = 0;
    CallerInfo caller;
    RecordedRequest request;
    RecordedResponse response;
    Trace trace;                 // empty when the flow does not save all data
    bool traceTruncated = false; // later trace entries were dropped to respect maxTraceBytes
    QString error;               // what failed, empty on success
    QString retryOf;             // the execution this one retries, empty when it is not a retry
};

// What a stored execution may hold at most. Larger bodies keep their first bytes; a larger trace keeps
// its first entries.
inline constexpr qint64 kDefaultMaxBodyBytes = 1024 * 1024;
inline constexpr qint64 kDefaultMaxTraceBytes = 8 * 1024 * 1024;

// The text that replaces every secret.
QByteArray redactedText(); // "[redacted]"

// True for the headers whose values history never holds: Authorization, Proxy-Authorization and
// x-api-client-token, matched case-insensitively.
bool isSecretHeader(const QByteArray &name);

// True for the query parameters whose values history never holds: clientToken (the name is compared
// after percent-decoding, case-insensitively).
bool isSecretQueryParameter(const QByteArray &encodedName);

// `pathAndQuery` with the value of every secret query parameter replaced by "[redacted]"; the other
// parameters are kept byte for byte, in order.
QByteArray redactPathAndQuery(const QByteArray &pathAndQuery);

// The secret values a request carries (header values, the credential after an Authorization scheme,
// the clientToken parameter raw and decoded), so that copies of them elsewhere in a record can be
// scrubbed too. Values shorter than 6 bytes are left out: they cannot be told apart from ordinary text.
QList<QByteArray> requestSecrets(const RecordedRequest &request);

// Replaces the values of the secret headers and query parameters with "[redacted]".
void redactRequest(RecordedRequest &request);

// Redacts the request and scrubs any copy of its secrets from the request and response bodies, the
// response headers, the trace and the error message (a flow may echo a header it was given).
void redactRecord(ExecutionRecord &record);

// Redacts a Continuation's JSON (Continuation::toJson()): the secret headers and query parameters of
// the event outputs become "[redacted]" and copies of their values elsewhere in the outputs are
// scrubbed. A resumed flow therefore sees "[redacted]" where the original request had a secret.
QJsonObject redactContinuation(const QJsonObject &continuation);

// Keeps at most `maxBytes` of the body, recording the received size and the truncation.
void capBody(QByteArray &body, qint64 &bodySize, bool &truncated, qint64 maxBytes);

// Keeps the leading trace entries whose compact JSON fits in `maxBytes` together.
void capTrace(Trace &trace, bool &truncated, qint64 maxBytes);

// capTrace (no cap when `maxBytes` is negative) that also returns the compact JSON of the entries it
// kept, as QJsonDocument(traceToJson(trace)).toJson(QJsonDocument::Compact) would write it; empty when
// no entry is kept. Each entry is serialised once, for both.
QByteArray capTraceJson(Trace &trace, bool &truncated, qint64 maxBytes);

// Both bodies and the trace.
void capRecord(ExecutionRecord &record, qint64 maxBodyBytes = kDefaultMaxBodyBytes,
               qint64 maxTraceBytes = kDefaultMaxTraceBytes);

// True when `id` is 32 lowercase hex characters.
bool isExecutionId(const QString &id);

} // namespace wf
