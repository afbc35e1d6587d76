#pragma once

// Turns how a flow ended into the HTTP answer of PRODUCT.md §3.2. Shared by the invoke pipeline and
// `wfconsole run`, so both answer alike.

#include "engine/EventData.h"
#include "engine/Executor.h"

#include <QByteArray>

namespace wf {

struct HttpAnswer {
    int status = 200;
    HeaderList headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const;
    void setHeader(const QByteArray &name, const QByteArray &value); // replaces, case-insensitively
};

// The answer for an outcome. `executionId` goes into error bodies; the X-Execution-Id header is the
// transport's business.
HttpAnswer shapeResponse(const FlowOutcome &outcome, const QString &executionId);

// The answer the caller gets for a run: Close's early answer when there was one, else the outcome's.
HttpAnswer answerFor(const RunResult &result, const QString &executionId);

// {"error": code, "error_description": description[, "executionId": id]}
HttpAnswer errorAnswer(int status, const QString &code, const QString &description,
                       const QString &executionId = {});

QString reasonPhrase(int status);

} // namespace wf
