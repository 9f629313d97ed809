// ThumbnailLoader: thumbnails load on the loader's own worker threads and arrive on the UI thread, each
// request once; a new schedule replaces the queue (rows scrolled away are dropped before they start);
// loads of a library left behind are dropped; a loader destroyed while its workers run waits for them,
// and nothing arrives afterwards. Loads are held at a gate where a test must know which had started, so
// no assertion races a timer. One of the suites scripts/test.sh --tsan runs under ThreadSanitizer.

#include "thumbnailview/thumbnailloader.h"
#include "tuning.h"

#include <QColor>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

using namespace shoebox;

namespace {

// A square of the asked size whose red channel names the photo, after delayMs of "work".
ThumbnailLoader::Source countingSource(std::shared_ptr<std::atomic<int>> calls, int delayMs)
{
    return [calls, delayMs](const QString&, qint64 photoId, int size) {
        calls->fetch_add(1);
        QThread::msleep(delayMs);
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(QColor(int(photoId % 256), 0, 0));
        return image;
    };
}

// Holds every load at its start until opened, so a test knows which loads had started.
struct Gate {
    std::atomic<int> entered { 0 };
    std::atomic<bool> open { false };
};

ThumbnailLoader::Source gated(ThumbnailLoader::Source inner, std::shared_ptr<Gate> gate)
{
    return [inner, gate](const QString& library, qint64 photoId, int size) {
        gate->entered.fetch_add(1);
        while (!gate->open.load())
            QThread::msleep(1);
        return inner(library, photoId, size);
    };
}

QVector<ThumbnailLoader::Request> requests(qint64 first, int count)
{
    QVector<ThumbnailLoader::Request> list;
    for (int i = 0; i < count; ++i)
        list.append({ first + i, i });
    return list;
}

QSet<qint64> arrived(const QSignalSpy& ready)
{
    QSet<qint64> ids;
    for (const QList<QVariant>& args : ready)
        ids.insert(args.at(0).toLongLong());
    return ids;
}

} // namespace

class TestThumbnailLoader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyRequestArrivesOnce_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("delayMs");
        QTest::newRow("one") << 1 << 0;
        QTest::newRow("many more than the pool's threads") << 60 << 0;
        QTest::newRow("a slow source") << 12 << 10;
    }

    void everyRequestArrivesOnce()
    {
        QFETCH(int, count);
        QFETCH(int, delayMs);
        auto calls = std::make_shared<std::atomic<int>>(0);
        ThumbnailLoader loader;
        loader.setSource(countingSource(calls, delayMs));
        QSignalSpy ready(&loader, &ThumbnailLoader::thumbnailReady);
        loader.schedule(requests(1, count), 64);
        QTRY_VERIFY_WITH_TIMEOUT(loader.isIdle() && ready.count() >= count, 60000);
        QCOMPARE(ready.count(), count);
        QCOMPARE(calls->load(), count);
        QCOMPARE(arrived(ready).size(), count);
        for (qint64 id = 1; id <= count; ++id) {
            const QImage image = loader.cached(id, 64);
            QCOMPARE(image.size(), QSize(64, 64));
            QCOMPARE(qRed(image.pixel(0, 0)), int(id % 256));
        }
    }

    void aNewScheduleReplacesTheQueue()
    {
        auto calls = std::make_shared<std::atomic<int>>(0);
        auto gate = std::make_shared<Gate>();
        ThumbnailLoader loader;
        loader.setSource(gated(countingSource(calls, 0), gate));
        QSignalSpy ready(&loader, &ThumbnailLoader::thumbnailReady);
        loader.schedule(requests(1, 50), 64);
        QTRY_VERIFY(gate->entered.load() > 0); // the first rows are being loaded, held at the gate
        loader.schedule(requests(1000, 5), 64); // scrolled far away
        gate->open.store(true);
        QTRY_VERIFY_WITH_TIMEOUT(loader.isIdle() && ready.count() == calls->load(), 60000);
        const QSet<qint64> ids = arrived(ready);
        for (qint64 id = 1000; id < 1005; ++id)
            QVERIFY2(ids.contains(id), qPrintable(QString::number(id)));
        // Only the rows already started when the view moved: one per pool thread at most.
        QVERIFY2(ids.size() - 5 <= tuning::kThumbnailThreads, qPrintable(QString::number(ids.size())));
    }

    void loadsOfAnEarlierLibraryAreDropped()
    {
        auto calls = std::make_shared<std::atomic<int>>(0);
        auto gate = std::make_shared<Gate>();
        ThumbnailLoader loader;
        loader.setLibrary(QStringLiteral("/a"));
        loader.setSource(gated(countingSource(calls, 0), gate));
        QSignalSpy ready(&loader, &ThumbnailLoader::thumbnailReady);
        loader.schedule(requests(1, 20), 64);
        QTRY_VERIFY(gate->entered.load() > 0); // photos of /a are being loaded
        // Photo ids are the catalog's own: photo 1 of /b is another picture than photo 1 of /a.
        loader.setLibrary(QStringLiteral("/b"));
        gate->open.store(true);
        QTRY_VERIFY_WITH_TIMEOUT(loader.isIdle() && calls->load() == gate->entered.load(), 60000);
        QTest::qWait(50); // a result that slipped through would arrive by now
        QCOMPARE(ready.count(), 0);
        for (qint64 id = 1; id <= 20; ++id)
            QVERIFY2(!loader.hasResult(id, 64), qPrintable(QString::number(id)));
    }

    void destroyingTheLoaderWaitsForItsWorkers()
    {
        auto calls = std::make_shared<std::atomic<int>>(0);
        auto gate = std::make_shared<Gate>();
        auto loader = std::make_unique<ThumbnailLoader>();
        loader->setSource(gated(countingSource(calls, 0), gate));
        loader->schedule(requests(1, 40), 64);
        QTRY_VERIFY(gate->entered.load() > 0);
        // The destructor must wait for the workers held at the gate; it opens a moment later.
        std::thread opener([gate] {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            gate->open.store(true);
        });
        loader.reset();
        opener.join();
        const int atEnd = calls->load();
        QCOMPARE(atEnd, gate->entered.load()); // every started load finished before the loader went
        QVERIFY(atEnd <= tuning::kThumbnailThreads);
        QTest::qWait(100); // results posted to the loader are dropped with it; no worker is left
        QCOMPARE(calls->load(), atEnd);
    }
};

QTEST_MAIN(TestThumbnailLoader)
#include "tst_thumbnailloader.moc"
