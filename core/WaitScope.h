#pragma once

// How code that runs on a worker pool sized to the cores says that its thread is about to wait (a
// database round trip, a lock held by another thread) or to run for long (a flow that computes for
// many milliseconds), so that the pool starts another thread meanwhile and the requests queued
// behind it are not stalled. Code that never runs on such a pool pays one thread-local read.

#include <QtGlobal>

QT_BEGIN_NAMESPACE
class QThreadPool;
QT_END_NAMESPACE

namespace wf {

// What a pool does when one of its threads begins and ends such a wait (QThreadPool's
// releaseThread() and reserveThread()). Both are called on that thread.
struct WaitHook {
    void (*begin)(void *context) = nullptr;
    void (*end)(void *context) = nullptr;
    void *context = nullptr;
};

// Installs `hook` (nullptr: none) for the calling thread; the hook must outlive its installation.
void setThreadWaitHook(const WaitHook *hook);

// The hook of a thread of `pool`: while it waits, the pool may start one more thread.
WaitHook threadPoolWaitHook(QThreadPool *pool);

// For its lifetime, the calling thread waits or runs long: the thread's hook begins when the
// outermost scope is made and ends when it is destroyed. Scopes nest.
class WaitScope final {
public:
    WaitScope();
    ~WaitScope();
    Q_DISABLE_COPY_MOVE(WaitScope)

private:
    const WaitHook *m_hook = nullptr; // the hook this scope began, to end the same one
};

} // namespace wf
