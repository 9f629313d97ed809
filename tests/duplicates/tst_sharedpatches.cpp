#include "duplicates/duplicatefinder.h"
#include "duplicates/keypointmatcher.h"
#include "duplicates/sharedpatches.h"
#include "support/duplicatefixture.h"

#include "../benchmarks/dupoverlays.h" // the benchmark's sticker

#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace shoebox;
using namespace shoebox::test;

namespace {

// A smooth wallpaper: a diagonal gradient between two colours, with a soft glow; few keypoints of its own.
cv::Mat gradient(const cv::Scalar& from, const cv::Scalar& to, cv::Point glow)
{
    cv::Mat img(1000, 1600, CV_32FC3);
    for (int y = 0; y < img.rows; ++y)
        for (int x = 0; x < img.cols; ++x) {
            const double t = (x + 0.6 * y) / (img.cols + 0.6 * img.rows);
            const double g = std::exp(-cv::norm(cv::Point(x, y) - glow) / 500.0);
            for (int c = 0; c < 3; ++c)
                img.at<cv::Vec3f>(y, x)[c] = float(from[c] + (to[c] - from[c]) * t + 60 * g);
        }
    img.convertTo(img, CV_8UC3);
    return img;
}

cv::Mat blue()
{
    return gradient({ 120, 60, 10 }, { 60, 20, 0 }, { 1200, 700 });
}

cv::Mat teal()
{
    return gradient({ 110, 90, 20 }, { 40, 50, 10 }, { 400, 300 });
}

// Another wallpaper in blue()'s colours: fine diagonal ridges over the gradient, its glow elsewhere.
cv::Mat ridged()
{
    const cv::Point glow(840, 500);
    cv::Mat img = gradient({ 120, 60, 10 }, { 60, 20, 0 }, glow), ridges(img.size(), CV_8UC3);
    for (int y = 0; y < img.rows; ++y)
        for (int x = 0; x < img.cols; ++x)
            ridges.at<cv::Vec3b>(y, x) = cv::Vec3b::all(uchar(12 + 12 * std::sin((x + y) * CV_PI / 16)));
    return img + ridges;
}

// The benchmark's sticker, at a third of its size (a small emoji, 7% of the picture) in the corner.
cv::Mat withEmoji(const cv::Mat& img)
{
    cv::Mat out = img.clone();
    const cv::Rect corner(img.cols * 2 / 5, img.rows * 2 / 5, img.cols - img.cols * 2 / 5, img.rows - img.rows * 2 / 5);
    bench::withSticker(img(corner)).copyTo(out(corner));
    return out;
}

cv::Mat lighter(const cv::Mat& img)
{
    cv::Mat out;
    img.convertTo(out, -1, 1, 30);
    return out;
}

} // namespace

class TestSharedPatches : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sameAround_data();
    void sameAround();
    void finderKeepsPicturesApart_data();
    void finderKeepsPicturesApart();
};

void TestSharedPatches::sameAround_data()
{
    QTest::addColumn<cv::Mat>("first");
    QTest::addColumn<cv::Mat>("second");
    QTest::addColumn<double>("least");
    QTest::addColumn<double>("most");
    using bench::withSticker;
    // The sticker's box, as the keypoints that agree on it would give it.
    QTest::newRow("a copy under the sticker") << blue() << withSticker(blue()) << 0.7 << 1.0;
    QTest::newRow("a lighter copy") << blue() << lighter(blue()) << 0.9 << 1.0;
    QTest::newRow("two wallpapers under one sticker") << withSticker(teal()) << withSticker(blue()) << 0.0 << 0.3;
    QTest::newRow("two photos") << syntheticPhoto(3, 800, 500) << syntheticPhoto(4, 800, 500) << 0.0 << 0.3;
}

void TestSharedPatches::sameAround()
{
    QFETCH(cv::Mat, first);
    QFETCH(cv::Mat, second);
    QFETCH(double, least);
    QFETCH(double, most);
    const cv::Rect2d sticker(0.62, 0.45, 0.33, 0.5);
    const double same = SharedPatches::sameAround(largeGray(first), largeGray(second), { sticker }, 0.2, 3);
    QVERIFY2(same >= least && same <= most, qPrintable(QString::number(same)));
}

void TestSharedPatches::finderKeepsPicturesApart_data()
{
    QTest::addColumn<cv::Mat>("second");
    QTest::addColumn<bool>("near");
    QTest::newRow("another wallpaper under the emoji") << withEmoji(ridged()) << false;
    QTest::newRow("the wallpaper under the emoji") << withEmoji(blue()) << true;
}

// Through the engine, from JPEG files: the wallpaper under the emoji, its copy at half the size, and
// the second picture, near on the signals alone (checked with the rule switched off). The rule keeps
// another wallpaper out of the group and says why.
void TestSharedPatches::finderKeepsPicturesApart()
{
    QFETCH(cv::Mat, second);
    QFETCH(bool, near);
    QTemporaryDir dir;
    const QVector<PhotoSignals> photos
        = savedPhotos(dir.path(), { withEmoji(blue()), half(withEmoji(blue())), second });
    QCOMPARE(photos.size(), 3);
    DuplicateRules off;
    off.patchMinSame = -1; // never
    const auto without = DuplicateFinder::findIn(photos, DuplicateLevel::Near, off, {});
    QCOMPARE(without.size(), 1);
    QCOMPARE(without.front().members.size(), 3);
    const auto groups = DuplicateFinder::findIn(photos, DuplicateLevel::Near, DuplicateRules(), {});
    QCOMPARE(groups.size(), 1);
    QCOMPARE(groups.front().members.size(), near ? 3 : 2);
    if (!near) {
        const QString why = similarReasons(photos);
        QVERIFY2(why.contains(QStringLiteral("one patch alike, pictures differ")), qPrintable(why));
    }
}

QTEST_GUILESS_MAIN(TestSharedPatches)
#include "tst_sharedpatches.moc"
