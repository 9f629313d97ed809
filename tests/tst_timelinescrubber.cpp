// The scrubber maps the pointer to exactly one month, also with a million photos.
#include "timelinescrubber.h"

#include <QSignalSpy>
#include <QTest>

using namespace shoebox;

namespace {

// 50 years of months, newest first, with very uneven counts (some months hold 3 photos), plus the
// undated photos at the end: about a million photos in all.
QList<TimelineBucket> millionPhotos()
{
    QList<TimelineBucket> buckets;
    qint64 index = 0;
    for (int year = 2024; year > 1974; --year) {
        for (int month = 12; month >= 1; --month) {
            const qint64 count = (month % 5 == 0) ? 3 : 1600 + (year * month) % 900;
            buckets.append({year, month, count, index});
            index += count;
        }
    }
    buckets.append({0, 0, 20000, index});
    return buckets;
}

}  // namespace

class TestTimelineScrubber : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyPixelNamesTheMonthContainingItsPhoto()
    {
        TimelineScrubber scrubber;
        const auto buckets = millionPhotos();
        scrubber.setBuckets(buckets);
        scrubber.resize(80, 900);
        const qint64 total = buckets.last().firstIndex + buckets.last().count;
        QVERIFY(total > 1000000);
        int previous = 0;
        for (int y = 0; y < scrubber.height(); ++y) {
            const int b = scrubber.bucketAt(y);
            QVERIFY(b >= previous);   // monotonic: dragging down never goes back in the list
            previous = b;
            // The month drawn at y starts at or above y.
            QVERIFY(scrubber.yOfBucket(b) <= std::max(y, 8));
        }
        QCOMPARE(scrubber.bucketAt(scrubber.height() - 1), int(buckets.size()) - 1);
    }

    void clickingAMonthActivatesExactlyThatMonth()
    {
        TimelineScrubber scrubber;
        const auto buckets = millionPhotos();
        scrubber.setBuckets(buckets);
        scrubber.resize(80, 900);
        QSignalSpy activated(&scrubber, &TimelineScrubber::bucketActivated);
        int checked = 0;
        for (int b = 0; b < buckets.size(); ++b) {
            const int y = scrubber.yOfBucket(b);
            if (b + 1 < buckets.size() && scrubber.yOfBucket(b + 1) <= y)
                continue;  // shares its pixel with the next month: not separately clickable
            QTest::mouseClick(&scrubber, Qt::LeftButton, Qt::NoModifier, QPoint(40, y));
            QCOMPARE(activated.last().first().toInt(), b);
            ++checked;
        }
        QVERIFY(checked > 400);
    }

    void undatedPhotosAreNamedHonestly()
    {
        QCOMPARE(TimelineScrubber::bucketName({0, 0, 5, 0}), QStringLiteral("No capture date"));
        QVERIFY(!TimelineScrubber::bucketName({2019, 7, 5, 0}).contains(QStringLiteral("1970")));
    }
};

QTEST_MAIN(TestTimelineScrubber)
#include "tst_timelinescrubber.moc"
