#pragma once

// Work that may wait (the keychain, a flow run, a big history query) runs off the UI thread; its
// result comes back on the thread of `context`, and not at all when `context` is gone by then.

#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

namespace wf::ui {

template <typename Work, typename Done>
void runInBackground(QObject *context, Work &&work, Done &&done)
{
    QtConcurrent::run(std::forward<Work>(work)).then(context, std::forward<Done>(done));
}

} // namespace wf::ui
