#pragma once

// "Test flow" without the widgets: runs the flow being edited with a sample request, as its Invoke URL
// would (method, query, headers and body become the event; the workspace's timeout applies; helper
// flows come from the workspace) but without the security check and without recording an execution,
// and gives the HTTP answer the endpoint would send with the trace. Also builds the sample request
// from the event card's declared fields.

#include "endpoint/ResponseShaper.h"
#include "engine/Executor.h"
#include "flow/FlowLibrary.h"

#include <QByteArray>
#include <QString>
#include <atomic>
#include <memory>

namespace wf::ui::testrun {

struct Request {
    QByteArray method = QByteArrayLiteral("POST");
    QByteArray rawQuery; // without '?'
    HeaderList headers;
    QByteArray body; // a helper flow's inputs as a JSON object
};

struct Outcome {
    QString executionId;
    HttpAnswer answer;
    RunResult result;
    QString error; // set when the request could not run at all (a helper's inputs that are not an object)
};

Outcome run(const Flow &flow, const FlowLibrary &library, const Request &request, int timeoutSeconds,
            const std::shared_ptr<std::atomic_bool> &cancel);

// A JSON object with each declared body field (a helper flow: each input) and an empty value of its type.
QByteArray sampleBody(const Flow &flow);
// "name=&other=" for the declared query fields.
QString sampleQuery(const Flow &flow);
// "name: " lines for the declared headers.
QString sampleHeaders(const Flow &flow);
// "Name: value" lines; lines without a colon are left out.
HeaderList parseHeaders(const QString &text);

} // namespace wf::ui::testrun
