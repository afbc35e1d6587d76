#pragma once

// SIGINT and SIGTERM quit the event loop, so that `serve` and the console stop the way they do when
// asked from inside: requests in flight answered and recorded, secrets carried to their store.

class QObject;

namespace wf::cli {

// False when the handlers could not be installed. `parent` owns the notifier that sees the signals.
bool installSignalHandlers(QObject *parent);

} // namespace wf::cli
