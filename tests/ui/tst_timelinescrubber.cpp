// The timeline scrubber finds exactly the month under the pointer, with a million photos too, and
// a click activates that month.
#include "pages/timelinescrubber.h"

#include <QSignalSpy>
#include <QTest>

using namespace shoebox;

namespace {
// 30 years of months with uneven counts summing to a million, and undated photos at the end.
QList<TimelineBucket> millionPhotos()
{
    QList<TimelineBucket> buckets;
    qint64 index = 0;
    for (int m = 0; m < 360; ++m) {
        TimelineBucket b;
        b.year = 2024 - m / 12;
        b.month = 12 - m % 12;
        b.count = 500 + (m * 7919) % 4500;
        b.firstIndex = index;
        index += b.count;
        buckets.append(b);
    }
    TimelineBucket undated;
    undated.count = 1'000'000 - index;
    undated.firstIndex = index;
    buckets.append(undated);
    return buckets;
}
} // namespace

class TestTimelineScrubber : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyMonthOwningAPixelIsFoundExactly();
    void clickActivatesTheMonthUnderThePointer();
    void undatedPhotosAreNamedHonestly();
};

void TestTimelineScrubber::everyMonthOwningAPixelIsFoundExactly()
{
    TimelineScrubber scrubber;
    scrubber.resize(88, 2000);
    const QList<TimelineBucket> buckets = millionPhotos();
    QCOMPARE(buckets.last().firstIndex + buckets.last().count, 1'000'000);
    scrubber.setBuckets(buckets);
    for (int b = 0; b < buckets.size(); ++b) {
        const int y = scrubber.yOfBucket(b);
        if (b + 1 < buckets.size() && scrubber.yOfBucket(b + 1) == y)
            continue; // a month smaller than a pixel
        QCOMPARE(scrubber.bucketAt(y), b);
    }
    // Every y maps to a month, in order.
    int last = 0;
    for (int y = 0; y < scrubber.height(); ++y) {
        const int b = scrubber.bucketAt(y);
        QVERIFY(b >= last);
        last = b;
    }
    QCOMPARE(last, int(buckets.size()) - 1);
}

void TestTimelineScrubber::clickActivatesTheMonthUnderThePointer()
{
    TimelineScrubber scrubber;
    scrubber.resize(88, 600);
    scrubber.setBuckets(millionPhotos());
    scrubber.show();
    QSignalSpy activated(&scrubber, &TimelineScrubber::bucketActivated);
    const int y = (scrubber.yOfBucket(100) + scrubber.yOfBucket(101)) / 2;
    QTest::mouseClick(&scrubber, Qt::LeftButton, {}, QPoint(40, y));
    QVERIFY(!activated.isEmpty());
    QCOMPARE(activated.last().first().toInt(), scrubber.bucketAt(y));
    QCOMPARE(scrubber.bucketAt(y), 100);
}

void TestTimelineScrubber::undatedPhotosAreNamedHonestly()
{
    TimelineBucket undated;
    QVERIFY(!TimelineScrubber::bucketName(undated).contains(QStringLiteral("1970")));
    TimelineBucket july;
    july.year = 2019;
    july.month = 7;
    QVERIFY(TimelineScrubber::bucketName(july).contains(QStringLiteral("2019")));
}

QTEST_MAIN(TestTimelineScrubber)
#include "tst_timelinescrubber.moc"
