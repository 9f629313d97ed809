#include "../benchmarks/dupoverlays.h" // the benchmark's sticker
#include "duplicates/duplicatematchers.h"
#include "duplicates/overlaymatcher.h"
#include "support/duplicatefixture.h"
#include "support/framefixture.h"

#include <QTest>

#include <opencv2/imgproc.hpp>

#include <cmath>

using namespace shoebox;
using namespace shoebox::test;
using shoebox::bench::withSticker;

namespace {

// A dark desktop wallpaper: soft waves of low contrast, different for every seed.
cv::Mat darkWallpaper(int seed)
{
    cv::Mat img(600, 960, CV_8UC3);
    const double angle = seed * 0.9, freq = 0.012 + 0.004 * (seed % 3), phase = seed * 1.7;
    for (int y = 0; y < img.rows; ++y)
        for (int x = 0; x < img.cols; ++x) {
            const double u = x * std::cos(angle) + y * std::sin(angle);
            const double w = std::sin(u * freq + phase) + 0.5 * std::sin(y * freq * 1.7 - x * freq * 0.6 + seed);
            const int v = 45 + int(18 * w);
            img.at<cv::Vec3b>(y, x) = cv::Vec3b(uchar(v + 20), uchar(v + seed % 4 * 5), uchar(v));
        }
    return img;
}

// A light wallpaper of fine, faint lines (a few grey levels deep), different for every seed: under a
// sticker, the sticker is most of what its thumbnail holds.
cv::Mat faintWallpaper(int seed)
{
    cv::Mat img(600, 960, CV_8UC3);
    const double angle = seed * 0.7, freq = 0.08 + 0.01 * (seed % 4);
    for (int y = 0; y < img.rows; ++y)
        for (int x = 0; x < img.cols; ++x) {
            const double u = x * std::cos(angle) + y * std::sin(angle);
            const int v = 215 + int(5 * std::sin(u * freq + seed));
            img.at<cv::Vec3b>(y, x) = cv::Vec3b(uchar(v), uchar(v - 3), uchar(v - 8));
        }
    return img;
}

// A smooth desktop wallpaper of width x height: a two-colour gradient across it with a few large facets
// a few grey levels lighter (the Ubuntu look), different for every seed. Around a sticker it holds
// 1-2 grey levels of picture once its smooth surface is removed.
cv::Mat gradientWallpaper(int seed, int width, int height)
{
    cv::RNG rng { uint64_t(seed) * 31 + 1 };
    const cv::Vec3d from(rng.uniform(60, 140), rng.uniform(20, 90), rng.uniform(90, 200));
    const cv::Vec3d to(rng.uniform(20, 80), rng.uniform(60, 140), rng.uniform(150, 240));
    const double angle = rng.uniform(0.0, CV_PI);
    cv::Mat img(height, width, CV_8UC3);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const double t = 0.5
                + 0.5 * ((x - width / 2.0) * std::cos(angle) + (y - height / 2.0) * std::sin(angle))
                    / std::hypot(width / 2.0, height / 2.0);
            const cv::Vec3d c = from * (1 - t) + to * t;
            img.at<cv::Vec3b>(y, x) = cv::Vec3b(uchar(c[0]), uchar(c[1]), uchar(c[2]));
        }
    for (int i = 0; i < 3; ++i) {
        const std::vector<cv::Point> facet { cv::Point(rng.uniform(0, width), 0),
            cv::Point(rng.uniform(0, width), height), cv::Point(rng.uniform(0, width), rng.uniform(0, height)) };
        cv::Mat lighter = img.clone();
        cv::fillPoly(lighter, std::vector<std::vector<cv::Point>> { facet }, cv::Scalar::all(255), cv::LINE_AA);
        cv::addWeighted(img, 0.97, lighter, 0.03, 0, img);
    }
    return img;
}

// A clear sky: a blue gradient with a faint haze, a few grey levels deep.
cv::Mat sky(int seed)
{
    cv::RNG rng { uint64_t(seed) };
    cv::Mat haze(4, 6, CV_32F);
    rng.fill(haze, cv::RNG::NORMAL, 0, 3);
    cv::resize(haze, haze, cv::Size(960, 600), 0, 0, cv::INTER_CUBIC);
    cv::Mat img(600, 960, CV_8UC3);
    const int blue = rng.uniform(200, 240), green = rng.uniform(120, 160);
    for (int y = 0; y < img.rows; ++y)
        for (int x = 0; x < img.cols; ++x) {
            const double t = double(y) / img.rows, h = haze.at<float>(y, x);
            img.at<cv::Vec3b>(y, x) = cv::Vec3b(cv::saturate_cast<uchar>(blue + 20 * t + h),
                cv::saturate_cast<uchar>(green + 80 * t + h), cv::saturate_cast<uchar>(60 + 120 * t + h));
        }
    return img;
}

// A motion-blurred picture: shapes and shading with little fine detail left.
cv::Mat smooth(int seed)
{
    cv::Mat img = syntheticPhoto(seed, 960, 600);
    cv::GaussianBlur(img, img, cv::Size(0, 0), 14);
    return img;
}

// Fine vertical slats under a soft light (a wooden wall), different for every seed: at 24 px the slats
// alias into a pattern no two thumbnails of it share exactly.
cv::Mat slats(int seed)
{
    cv::Mat img(600, 960, CV_8UC3);
    const double cx = 200 + 90 * seed % 560, period = 7 + seed % 3;
    for (int y = 0; y < img.rows; ++y)
        for (int x = 0; x < img.cols; ++x) {
            const double light = 90 * std::exp(-((x - cx) * (x - cx) + y * y * 0.5) / 120000.0);
            const double v = 40 + light + 18 * std::sin(2 * CV_PI * x / period);
            img.at<cv::Vec3b>(y, x) = cv::Vec3b(
                cv::saturate_cast<uchar>(v * 0.6), cv::saturate_cast<uchar>(v * 0.8), cv::saturate_cast<uchar>(v));
        }
    return img;
}

// A smooth picture whose corners all lie in one small patch: a kite (a textured diamond) over a
// clear sky, left of the middle.
cv::Mat kiteInTheSky(int seed)
{
    cv::Mat img = sky(seed);
    cv::RNG rng { uint64_t(seed) + 7 };
    const cv::Point c(rng.uniform(260, 380), rng.uniform(200, 300));
    const std::vector<cv::Point> kite { c + cv::Point(0, -50), c + cv::Point(35, 0), c + cv::Point(0, 70),
        c + cv::Point(-35, 0) };
    cv::fillPoly(img, std::vector<std::vector<cv::Point>> { kite }, cv::Scalar(40, 40, 200), cv::LINE_AA);
    for (int i = 0; i < 12; ++i)
        cv::circle(img, c + cv::Point(rng.uniform(-20, 21), rng.uniform(-30, 45)), rng.uniform(2, 5),
            cv::Scalar(rng.uniform(0, 255), rng.uniform(0, 255), rng.uniform(0, 255)), cv::FILLED);
    return img;
}

cv::Mat picture(const QString& kind, int seed)
{
    if (kind == QLatin1String("gradient"))
        return gradientWallpaper(seed, 960, 600);
    return kind == QLatin1String("wallpaper") ? darkWallpaper(seed) : syntheticPhoto(seed, 960, 600);
}

} // namespace

Q_DECLARE_METATYPE(cv::Mat)

class TestOverlayMatcher : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aSharedStickerIsNoEvidence_data()
    {
        QTest::addColumn<QString>("kind"); // the pictures under the sticker
        QTest::addColumn<QString>("pair");
        QTest::addColumn<bool>("near");
        QTest::newRow("two dark wallpapers under one sticker") << "wallpaper"
                                                               << "other picture" << false;
        QTest::newRow("a stickered wallpaper and its half-size copy") << "wallpaper"
                                                                      << "half of it" << true;
        QTest::newRow("a photo and its copy with the sticker") << "photo"
                                                               << "sticker on one" << true;
        QTest::newRow("a stickered photo and its half-size copy") << "photo"
                                                                  << "half of it" << true;
        // The fresh set's false group: Ubuntu wallpapers of 16:10 and 16:9 under the benchmark's sticker.
        QTest::newRow("two gradients of unlike shapes under one sticker") << "gradient"
                                                                          << "other shape" << false;
        QTest::newRow("a stickered gradient and its half-size copy") << "gradient"
                                                                     << "half of it" << true;
    }

    void aSharedStickerIsNoEvidence()
    {
        QFETCH(QString, kind);
        QFETCH(QString, pair);
        QFETCH(bool, near);
        for (int seed : { 3, 5, 8 }) {
            const cv::Mat first = withSticker(picture(kind, seed));
            const cv::Mat second = pair == QLatin1String("other picture") ? withSticker(picture(kind, seed + 20))
                : pair == QLatin1String("other shape")    ? withSticker(gradientWallpaper(seed + 20, 960, 540))
                : pair == QLatin1String("sticker on one") ? picture(kind, seed)
                                                          : half(first);
            const PhotoSignals a = photoOf(first, 1), b = photoOf(second, 2);
            const PairDecision d = DuplicateMatchers::compare(a, b, DuplicateRules());
            QVERIFY2((d.level == DuplicateLevel::Near) == near,
                qPrintable(QString::number(seed) + QLatin1Char(' ') + describe(d)));
            if (!near && d.level == DuplicateLevel::None)
                QVERIFY2(d.reasons.join(QLatin1Char(' ')).contains(QLatin1String("an overlay alike, pictures differ")),
                    qPrintable(describe(d)));
        }
    }

    // A one-sided cut whose window correlates to JPEG noise is most of the picture: keypoints that
    // all sit in one patch of it (a kite in a clear sky) are no shared overlay.
    void aCutOfAPictureWithOnePatchOfCornersIsNoOverlay_data()
    {
        QTest::addColumn<cv::Mat>("first");
        QTest::addColumn<cv::Mat>("second");
        QTest::addColumn<bool>("near");
        for (int seed : { 1, 2, 3 }) {
            const cv::Mat p = kiteInTheSky(seed);
            const QString s = QStringLiteral(" %1").arg(seed);
            QTest::newRow(qPrintable(QStringLiteral("22% cut off the right") + s))
                << p << cut(p, 0, 0, 0.22, 0) << true;
            QTest::newRow(qPrintable(QStringLiteral("20% cut off the top") + s)) << p << cut(p, 0, 0.2, 0, 0) << true;
            QTest::newRow(qPrintable(QStringLiteral("another sky, one kite, cut") + s))
                << p << cut(kiteInTheSky(seed + 10), 0, 0, 0.22, 0) << false;
        }
    }
    void aCutOfAPictureWithOnePatchOfCornersIsNoOverlay()
    {
        QFETCH(cv::Mat, first);
        QFETCH(cv::Mat, second);
        QFETCH(bool, near);
        const PhotoSignals a = photoOf(first, 1), b = photoOf(second, 2);
        const PairDecision d = DuplicateMatchers::compare(a, b, DuplicateRules());
        QVERIFY2((d.level == DuplicateLevel::Near) == near, qPrintable(describe(d)));
    }

    void outsideTheBoxes_data()
    {
        QTest::addColumn<QString>("second");
        QTest::addColumn<double>("box"); // side of a centred box left out, as a share of the picture
        QTest::addColumn<double>("atLeast");
        QTest::addColumn<double>("below");
        QTest::newRow("the same picture") << "same" << 0.2 << 0.95 << 1.01;
        QTest::newRow("another picture") << "other" << 0.2 << -1.0 << 0.5;
        QTest::newRow("nearly everything left out") << "same" << 0.7 << -2.0 << -1.5;
    }

    void outsideTheBoxes()
    {
        QFETCH(QString, second);
        QFETCH(double, box);
        QFETCH(double, atLeast);
        QFETCH(double, below);
        const PhotoSignals a = photoOf(syntheticPhoto(11), 1);
        const PhotoSignals b
            = photoOf(second == QLatin1String("same") ? half(syntheticPhoto(11)) : syntheticPhoto(12), 2);
        const cv::Rect2d centre(0.5 - box / 2, 0.5 - box / 2, box, box);
        const OutsideCorrelation o = OverlayMatcher::outside(a.gray, b.gray, { centre }, 0.1);
        QVERIFY2(o.correlation >= atLeast && o.correlation < below, qPrintable(QString::number(o.correlation)));
    }

    // How far the rest departs under one gain and offset: a contrast change by JPEG noise alone; a
    // flat picture (gain near 0) or a negative is no contrast change at all.
    void residualOutsideTheBoxes_data()
    {
        QTest::addColumn<QString>("second");
        QTest::addColumn<double>("atMost");
        QTest::addColumn<double>("atLeast");
        QTest::newRow("the same picture, more contrast") << "contrast" << 2.0 << 0.0;
        QTest::newRow("a plain picture with a little noise") << "plain" << 255.0 << 255.0;
        QTest::newRow("the negative") << "negative" << 255.0 << 255.0;
        QTest::newRow("another picture") << "other" << 255.0 << 5.0;
    }

    void residualOutsideTheBoxes()
    {
        QFETCH(QString, second);
        QFETCH(double, atMost);
        QFETCH(double, atLeast);
        const cv::Mat a = smooth(4);
        cv::Mat b;
        if (second == QLatin1String("contrast"))
            a.convertTo(b, -1, 0.8, 10);
        else if (second == QLatin1String("negative"))
            cv::bitwise_not(a, b);
        else if (second == QLatin1String("other"))
            b = smooth(24);
        else {
            b = cv::Mat(a.size(), a.type(), cv::Scalar::all(128));
            cv::Mat noise(a.size(), a.type());
            cv::randu(noise, 0, 8);
            b += noise;
        }
        const cv::Rect2d corner(0.6, 0.6, 0.35, 0.35);
        const OutsideCorrelation o = OverlayMatcher::outside(photoOf(a, 1).gray, photoOf(b, 2).gray, { corner }, 0);
        QVERIFY2(o.worstResidual <= atMost && o.worstResidual >= atLeast, qPrintable(QString::number(o.worstResidual)));
    }

    // Captions are treated like a stamp: the rows between the bands decide. Without keypoints here, so
    // only the thumbnails speak.
    void captionBandsAreLeftOut_data()
    {
        QTest::addColumn<cv::Mat>("first");
        QTest::addColumn<cv::Mat>("second");
        QTest::addColumn<bool>("near");
        QTest::addColumn<bool>("bandsDecide"); // the thumbnails as a whole do not make it near
        for (int seed : { 3, 5 }) {
            const QString s = QStringLiteral(" %1").arg(seed);
            const cv::Mat wallpaper = darkWallpaper(seed), photo = syntheticPhoto(seed, 960, 600);
            QTest::newRow(qPrintable(QStringLiteral("a wallpaper and its meme") + s))
                << wallpaper << captions(wallpaper) << true << true;
            QTest::newRow(qPrintable(QStringLiteral("a photo and its meme, half size") + s))
                << photo << half(captions(photo)) << true << false;
            QTest::newRow(qPrintable(QStringLiteral("two wallpapers, one a meme") + s))
                << wallpaper << captions(darkWallpaper(seed + 1)) << false << false;
            QTest::newRow(qPrintable(QStringLiteral("two clear skies") + s))
                << sky(seed) << sky(seed + 10) << false << false;
            QTest::newRow(qPrintable(QStringLiteral("the frame moved down by a sixth") + s))
                << cut(photo, 0, 0, 0, 1.0 / 6) << cut(photo, 0, 1.0 / 6, 0, 0) << false << false;
        }
    }

    void captionBandsAreLeftOut()
    {
        QFETCH(cv::Mat, first);
        QFETCH(cv::Mat, second);
        QFETCH(bool, near);
        QFETCH(bool, bandsDecide);
        const PhotoSignals a = photoOf(first, 1), b = photoOf(second, 2);
        const PairDecision d = DuplicateMatchers::compare(a, b, DuplicateRules());
        QVERIFY2((d.level == DuplicateLevel::Near) == near, qPrintable(describe(d)));
        if (bandsDecide) {
            QVERIFY(DuplicateMatchers::aligned(a, b, DuplicateRules()).verdict != Verdict::Near);
            QCOMPARE(DuplicateMatchers::captions(a, b, DuplicateRules()).verdict, Verdict::Near);
            QVERIFY2(
                d.reasons.join(QLatin1Char(' ')).contains(QLatin1String("caption bands")), qPrintable(describe(d)));
        }
    }

    // A sticker is left out as one patch: the copy is near when the picture around the patch agrees
    // in every part with detail; a sticker shared by two pictures is not the picture. Without
    // keypoints, so only the thumbnails speak.
    void aStickerIsLeftOutAsOnePatch_data()
    {
        QTest::addColumn<cv::Mat>("first");
        QTest::addColumn<cv::Mat>("second");
        QTest::addColumn<bool>("patchNear");
        for (int seed : { 3, 5, 8 }) {
            const QString s = QStringLiteral(" %1").arg(seed);
            const cv::Mat wallpaper = darkWallpaper(seed), photo = syntheticPhoto(seed, 960, 600);
            QTest::newRow(qPrintable(QStringLiteral("a wallpaper and its stickered copy") + s))
                << wallpaper << withSticker(wallpaper) << true;
            QTest::newRow(qPrintable(QStringLiteral("a photo and its stickered copy") + s))
                << photo << withSticker(photo) << true;
            QTest::newRow(qPrintable(QStringLiteral("two wallpapers under one sticker") + s))
                << withSticker(wallpaper) << withSticker(darkWallpaper(seed + 20)) << false;
            QTest::newRow(qPrintable(QStringLiteral("two photos under one sticker") + s))
                << withSticker(photo) << withSticker(syntheticPhoto(seed + 20, 960, 600)) << false;
            QTest::newRow(qPrintable(QStringLiteral("two faint wallpapers under one sticker") + s))
                << withSticker(faintWallpaper(seed)) << withSticker(faintWallpaper(seed + 1)) << false;
            QTest::newRow(qPrintable(QStringLiteral("two clear skies, one stickered") + s))
                << sky(seed) << withSticker(sky(seed + 10)) << false;
            // Too little detail at 24 px to correlate: the rest untouched to JPEG noise decides.
            QTest::newRow(qPrintable(QStringLiteral("a smooth picture and its stickered copy") + s))
                << smooth(seed) << withSticker(smooth(seed)) << true;
            QTest::newRow(qPrintable(QStringLiteral("slats and their stickered copy") + s))
                << slats(seed) << withSticker(slats(seed)) << true;
            QTest::newRow(qPrintable(QStringLiteral("two smooth pictures under one sticker") + s))
                << withSticker(smooth(seed)) << withSticker(smooth(seed + 20)) << false;
            QTest::newRow(qPrintable(QStringLiteral("two walls of slats, one stickered") + s))
                << slats(seed) << withSticker(slats(seed + 1)) << false;
            cv::Mat negative;
            cv::bitwise_not(smooth(seed), negative);
            QTest::newRow(qPrintable(QStringLiteral("a smooth picture and the negative of its stickered copy") + s))
                << smooth(seed) << withSticker(negative) << false;
        }
    }

    void aStickerIsLeftOutAsOnePatch()
    {
        QFETCH(cv::Mat, first);
        QFETCH(cv::Mat, second);
        QFETCH(bool, patchNear);
        const PhotoSignals a = photoOf(first, 1), b = photoOf(second, 2);
        const SignalVerdict p = DuplicateMatchers::patch(a, b, DuplicateRules());
        QVERIFY2((p.verdict == Verdict::Near) == patchNear, qPrintable(QString::number(p.value) + p.reason));
        if (patchNear)
            QVERIFY2(p.reason.contains(QLatin1String("one patch")), qPrintable(p.reason));
    }
};

QTEST_GUILESS_MAIN(TestOverlayMatcher)
#include "tst_overlaymatcher.moc"
