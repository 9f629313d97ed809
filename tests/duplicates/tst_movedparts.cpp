#include "duplicates/duplicatefinder.h"
#include "duplicates/keypointmatcher.h"
#include "duplicates/movedparts.h"
#include "support/duplicatefixture.h"

#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <random>

using namespace shoebox;
using namespace shoebox::test;

namespace {

// A field under a sky: two flat halves that the 24 px thumbnails see as one step, strewn with small
// stones and clouds that only the keypoints see.
cv::Mat field()
{
    cv::Mat img(1000, 1600, CV_8UC3);
    img(cv::Rect(0, 0, 1600, 500)).setTo(cv::Scalar(200, 160, 120));
    img(cv::Rect(0, 500, 1600, 500)).setTo(cv::Scalar(40, 90, 130));
    std::mt19937 random(7);
    std::uniform_int_distribution<int> x(0, 1599), y(0, 999), radius(6, 16), shade(-45, 45);
    for (int i = 0; i < 900; ++i) {
        const cv::Point at(x(random), y(random));
        const cv::Vec3b base = img.at<cv::Vec3b>(at);
        const int s = shade(random);
        cv::circle(img, at, radius(random), cv::Scalar(base[0] + s, base[1] + s, base[2] + s), cv::FILLED);
    }
    return img;
}

// The picture rolled by half its width: its left and right halves swapped, another picture.
cv::Mat swapped(const cv::Mat& img)
{
    cv::Mat out(img.size(), img.type());
    const int h = img.cols / 2;
    img(cv::Rect(h, 0, img.cols - h, img.rows)).copyTo(out(cv::Rect(0, 0, img.cols - h, img.rows)));
    img(cv::Rect(0, 0, h, img.rows)).copyTo(out(cv::Rect(img.cols - h, 0, h, img.rows)));
    return out;
}

// In a white border of 5% of the width.
cv::Mat bordered(const cv::Mat& img)
{
    cv::Mat out;
    const int b = img.cols / 20;
    cv::copyMakeBorder(img, out, b, b, b, b, cv::BORDER_CONSTANT, cv::Scalar::all(255));
    return out;
}

PhotoSignals framed(double left, double top, double right, double bottom)
{
    PhotoSignals p;
    p.hasInner = true;
    p.region.left = left, p.region.top = top, p.region.right = right, p.region.bottom = bottom;
    return p;
}

} // namespace

class TestMovedParts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void shift_data();
    void shift();
    void finderKeepsPicturesApart_data();
    void finderKeepsPicturesApart();
};

void TestMovedParts::shift_data()
{
    QTest::addColumn<PhotoSignals>("first");
    QTest::addColumn<PhotoSignals>("second");
    QTest::addColumn<cv::Rect2d>("firstBox");
    QTest::addColumn<cv::Rect2d>("secondBox");
    QTest::addColumn<double>("expected");
    const PhotoSignals whole, border = framed(0.05, 0.05, 0.05, 0.05), bars = framed(0, 0.2, 0, 0.2);
    QTest::newRow("whole, in place") << whole << whole << cv::Rect2d(0.1, 0.1, 0.5, 0.5)
                                     << cv::Rect2d(0.1, 0.1, 0.5, 0.5) << 0.0;
    // The left half inside a 5% border lies at 5-50%; in the other, whole, at 0-50%.
    QTest::newRow("inside a border, in place")
        << border << whole << cv::Rect2d(0.05, 0.05, 0.45, 0.9) << cv::Rect2d(0, 0, 0.5, 1) << 0.0;
    QTest::newRow("inside bars, in place")
        << whole << bars << cv::Rect2d(0.2, 0.5, 0.2, 0.5) << cv::Rect2d(0.2, 0.6, 0.2, 0.3) << 0.0;
    // Half a picture across; the nearest reading takes the first whole (its box's centre at 27.5%).
    QTest::newRow("halves swapped") << border << bars << cv::Rect2d(0.05, 0.05, 0.45, 0.9)
                                    << cv::Rect2d(0.5, 0.2, 0.5, 0.6) << 0.48;
    QTest::newRow("a third down") << whole << whole << cv::Rect2d(0.2, 0.1, 0.2, 0.2) << cv::Rect2d(0.2, 0.43, 0.2, 0.2)
                                  << 0.33;
}

void TestMovedParts::shift()
{
    QFETCH(PhotoSignals, first);
    QFETCH(PhotoSignals, second);
    QFETCH(cv::Rect2d, firstBox);
    QFETCH(cv::Rect2d, secondBox);
    QFETCH(double, expected);
    KeypointMatch fit;
    fit.firstBox = firstBox;
    fit.secondBox = secondBox;
    QCOMPARE(std::round(MovedParts::shift(first, second, fit) * 100) / 100, expected);
}

void TestMovedParts::finderKeepsPicturesApart_data()
{
    QTest::addColumn<cv::Mat>("second");
    QTest::addColumn<bool>("near");
    QTest::newRow("the field with its halves swapped, in the border") << bordered(swapped(field())) << false;
    QTest::newRow("the field in the border") << bordered(field()) << true;
}

// Through the engine, from JPEG files: the field at half the size, the field in a white border and
// the second picture, near on the signals alone (checked with the rule switched off). The rule keeps
// the swapped field out of the group and says why.
void TestMovedParts::finderKeepsPicturesApart()
{
    QFETCH(cv::Mat, second);
    QFETCH(bool, near);
    QTemporaryDir dir;
    const QVector<PhotoSignals> photos = savedPhotos(dir.path(), { half(field()), second });
    QCOMPARE(photos.size(), 2);
    DuplicateRules off;
    off.movedPartsShift = 2; // never
    const auto without = DuplicateFinder::findIn(photos, DuplicateLevel::Near, off, {});
    QCOMPARE(without.size(), 1);
    const auto groups = DuplicateFinder::findIn(photos, DuplicateLevel::Near, DuplicateRules(), {});
    QCOMPARE(groups.size(), near ? 1 : 0);
    if (!near) {
        const QString why = similarReasons(photos);
        QVERIFY2(why.contains(QStringLiteral("parts alike, moved")), qPrintable(why));
    }
}

QTEST_GUILESS_MAIN(TestMovedParts)
#include "tst_movedparts.moc"
