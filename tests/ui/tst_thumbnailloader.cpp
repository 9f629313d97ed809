// ThumbnailLoader: thumbnails load on the loader's own pool and arrive on the UI thread, each request
// once; a new schedule replaces the queue (rows scrolled away are dropped before they start); a loader
// destroyed while its workers run waits for them, and nothing arrives afterwards. One of the suites
// scripts/test.sh --tsan runs under ThreadSanitizer.

#include "thumbnailview/thumbnailloader.h"

#include <QColor>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

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
        ThumbnailLoader loader;
        loader.setSource(countingSource(calls, 20));
        QSignalSpy ready(&loader, &ThumbnailLoader::thumbnailReady);
        loader.schedule(requests(1, 50), 64);
        QTRY_VERIFY(calls->load() > 0); // the first rows are being loaded
        loader.schedule(requests(1000, 5), 64); // scrolled far away
        QTRY_VERIFY_WITH_TIMEOUT(loader.isIdle(), 60000);
        const QSet<qint64> ids = arrived(ready);
        for (qint64 id = 1000; id < 1005; ++id)
            QVERIFY2(ids.contains(id), qPrintable(QString::number(id)));
        QVERIFY2(calls->load() < 55, "rows scrolled away were still loaded");
        QCOMPARE(ready.count(), calls->load()); // what started, arrived
    }

    void destroyingTheLoaderWaitsForItsWorkers()
    {
        auto calls = std::make_shared<std::atomic<int>>(0);
        auto loader = std::make_unique<ThumbnailLoader>();
        loader->setSource(countingSource(calls, 15));
        loader->schedule(requests(1, 40), 64);
        QTRY_VERIFY(calls->load() > 0);
        loader.reset(); // while workers run
        const int atEnd = calls->load();
        QVERIFY(atEnd < 40);
        QTest::qWait(100); // results posted to the loader are dropped with it; no worker is left
        QCOMPARE(calls->load(), atEnd);
    }
};

QTEST_MAIN(TestThumbnailLoader)
#include "tst_thumbnailloader.moc"
