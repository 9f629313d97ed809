// Catalog queries the grid and the timeline depend on, at library sizes people reach.
//   bench_catalog N      builds a synthetic catalog of N photos (spread over 30 years, 2% undated)
//                        and times photoIdsByDate(), timeline() and a page of photos by id.

#include "catalog/database.h"
#include "catalog/photostore.h"
#include "support/photofixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>

using namespace shoebox;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::atoi(argv[1]) : 100000;
    QTemporaryDir tmp;
    const QString lib = tmp.filePath(QStringLiteral("lib.db"));
    QString error;
    if (!Database::open(lib, &error))
        return std::fprintf(stderr, "%s\n", qPrintable(error)), 1;
    PhotoStore store(lib);
    QElapsedTimer t;
    t.start();
    QRandomGenerator rng(42);
    store.begin();
    for (int i = 0; i < n; ++i) {
        test::lifetimePhoto(i, rng).saveTo(store);
        if (i % 50000 == 49999) {
            store.commit();
            store.begin();
        }
    }
    store.commit();
    std::printf("photos: %d, catalog built in %.1f s\n", n, t.elapsed() / 1000.0);

    t.restart();
    const QVector<qint64> ids = store.photoIdsByDate();
    std::printf("photoIdsByDate: %lld ids in %.0f ms\n", static_cast<long long>(ids.size()), t.nsecsElapsed() / 1e6);
    t.restart();
    const QList<TimelineBucket> buckets = store.timeline();
    std::printf(
        "timeline: %lld month buckets in %.0f ms\n", static_cast<long long>(buckets.size()), t.nsecsElapsed() / 1e6);
    t.restart();
    int found = 0;
    for (int i = 0; i < 200; ++i)
        found += store.photoById(ids[(i * 7919) % ids.size()]).has_value();
    std::printf("photoById: %d random photos one by one in %.1f ms\n", found, t.nsecsElapsed() / 1e6);
    t.restart();
    const auto page = store.photosByIds(ids.mid(ids.size() / 2, 200));
    std::printf("photosByIds: one grid page of %lld photos in %.1f ms\n", static_cast<long long>(page.size()),
        t.nsecsElapsed() / 1e6);
    return 0;
}
