#include "WaitScope.h"

#include <QThreadPool>

namespace wf {

namespace {

thread_local const WaitHook *t_hook = nullptr;
thread_local int t_depth = 0; // scopes alive on this thread

} // namespace

void setThreadWaitHook(const WaitHook *hook)
{
    t_hook = hook;
}

WaitHook threadPoolWaitHook(QThreadPool *pool)
{
    return {[](void *p) { static_cast<QThreadPool *>(p)->releaseThread(); },
            [](void *p) { static_cast<QThreadPool *>(p)->reserveThread(); }, pool};
}

WaitScope::WaitScope()
{
    if (t_depth++ == 0 && t_hook && t_hook->begin) {
        m_hook = t_hook;
        m_hook->begin(m_hook->context);
    }
}

WaitScope::~WaitScope()
{
    --t_depth;
    if (m_hook && m_hook->end)
        m_hook->end(m_hook->context);
}

} // namespace wf
