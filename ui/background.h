#pragma once

// The one way ui/ runs work off the UI thread: a pure function on a thread pool (QtConcurrent::run),
// its result handed to `done` on the context object's thread. The watcher is a child of the context, so
// nothing is delivered once the context is gone; the work itself must capture values (or a QPointer),
// never `this`. Widgets that must replace or wait for a request keep the returned watcher.
// Call from the context's thread.

#include <QFutureWatcher>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <type_traits>
#include <utility>

namespace shoebox {

template <typename Work, typename Done>
auto runInBackground(QObject* context, Work work, Done done, QThreadPool* pool = QThreadPool::globalInstance())
{
    using Result = std::invoke_result_t<Work>;
    auto* watcher = new QFutureWatcher<Result>(context);
    QObject::connect(watcher, &QFutureWatcher<Result>::finished, context, [watcher, done = std::move(done)]() mutable {
        watcher->deleteLater();
        if constexpr (std::is_void_v<Result>)
            done();
        else
            done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(pool, std::move(work)));
    return watcher;
}

} // namespace shoebox
