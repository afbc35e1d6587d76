#pragma once

// What the authorization server says of a bearer token presented to a flow: the client id it was
// issued to (status 200), or a refusal: 401 (error "invalid_token") or 403 ("insufficient_scope",
// "access_denied") with a description naming the check that failed (PRODUCT.md §3.1 step 4).

#include <QString>

namespace wf {

struct AccessDecision {
    int status = 200;
    QString clientId;
    QString error;
    QString description;
};

} // namespace wf
