#pragma once

// Work that may wait (the keychain, a flow run, a big history query) runs off the UI thread; its
// result comes back on the thread of `context`, and not at all when `context` is gone by then.
//
// The result travels through a QFutureWatcher that is a child of `context`: destroying the context
// destroys the watcher, so nothing is delivered. (QFuture::then(context, ...) asserts in Qt 6.4 when
// the context is destroyed first.) The work itself runs to its end either way: it must own, or share,
// everything it touches.

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>
#include <type_traits>

namespace wf::ui {

template <typename Work, typename Done>
void runInBackground(QObject *context, Work &&work, Done &&done)
{
    using R = std::invoke_result_t<std::decay_t<Work>>;
    auto *watcher = new QFutureWatcher<R>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, done = std::forward<Done>(done)]() mutable {
                         if constexpr (std::is_void_v<R>)
                             done();
                         else
                             done(watcher->future().takeResult());
                         watcher->deleteLater();
                     });
    watcher->setFuture(QtConcurrent::run(std::forward<Work>(work)));
}

} // namespace wf::ui
