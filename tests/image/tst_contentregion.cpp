#include "image/contentregion.h"
#include "image/perceptualhasher.h"
#include "support/duplicatefixture.h"
#include "support/framefixture.h"

#include <QTest>

#include <opencv2/imgproc.hpp>

#include <array>

using namespace shoebox;
using namespace shoebox::test;

Q_DECLARE_METATYPE(cv::Mat)

namespace {

// A landscape under a clear sky: the top quarter is a smooth gradient, not a frame.
cv::Mat skyOverLandscape()
{
    cv::Mat img = syntheticPhoto(41);
    for (int y = 0; y < img.rows / 4; ++y)
        img.row(y).setTo(cv::Scalar(230 - y / 4, 190 - y / 6, 140 - y / 8));
    return img;
}

// A night picture: every pixel within a few grey levels of black, so its edges do not stand out
// against a phone's black chrome.
cv::Mat nightPicture()
{
    cv::Mat img;
    syntheticPhoto(1).convertTo(img, -1, 0.1, 4);
    return img;
}

// A grainy night sky above and below a landscape, fading to black at the picture's edges a grey
// level a line: no frame, however dark the edges.
cv::Mat fadingNightSky()
{
    cv::Mat img = syntheticPhoto(43);
    cv::Mat grain(img.size(), CV_8UC3);
    cv::randu(grain, cv::Scalar::all(0), cv::Scalar::all(12));
    const int band = img.rows / 4;
    for (int y = 0; y < band; ++y) {
        img.row(y).setTo(cv::Scalar(y, y, y));
        img.row(img.rows - 1 - y).setTo(cv::Scalar(y, y, y));
    }
    img += grain;
    return img;
}

// A photo smooth over two fifths at its top and at its bottom (a clear sky above, calm water below a
// sharp horizon band): on a phone's screen, those parts are no blurred padding.
cv::Mat smoothAboveAndBelow()
{
    cv::Mat img = syntheticPhoto(1);
    const int band = img.rows * 2 / 5;
    for (int y = 0; y < band; ++y) {
        img.row(y).setTo(cv::Scalar(230 - y / 8, 190 - y / 10, 140 - y / 12));
        img.row(img.rows - 1 - y).setTo(cv::Scalar(120 + y / 8, 90 + y / 10, 40 + y / 12));
    }
    return img;
}

// A star field (black, grainy beyond a drawn border's flatness, scattered stars) with a large round sticker near its
// bottom right corner: the sticker's top and bottom are edges in the picture, not a frame's, however black the field is
// above and below it.
cv::Mat starFieldWithSticker()
{
    cv::Mat img(400, 600, CV_8UC3, cv::Scalar(4, 4, 4));
    cv::Mat grain(img.size(), CV_8UC3);
    cv::randu(grain, cv::Scalar::all(0), cv::Scalar::all(30));
    img += grain;
    cv::RNG rng(7);
    for (int i = 0; i < 400; ++i)
        cv::circle(img, cv::Point(rng.uniform(0, img.cols), rng.uniform(0, img.rows)), rng.uniform(1, 3),
            cv::Scalar::all(rng.uniform(120, 255)), cv::FILLED, cv::LINE_AA);
    const int r = int(std::sqrt(0.2 * img.cols * img.rows / CV_PI));
    cv::circle(img, cv::Point(img.cols - r - img.cols / 20, img.rows - r - img.rows / 20), r, cv::Scalar(30, 200, 250),
        cv::FILLED, cv::LINE_AA);
    return img;
}

// A photo that fades to pure black over its lower half, black over the last fifth (a land under an
// aurora): squared with a blurred fill, its foot and the fill below it make one smooth band with no
// edge between them.
cv::Mat fadingFoot()
{
    cv::Mat img = syntheticPhoto(2);
    const int from = img.rows / 3, black = img.rows * 4 / 5;
    for (int y = from; y < img.rows; ++y)
        img.row(y) *= y >= black ? 0.0 : double(black - y) / (black - from);
    return img;
}

// A dim night photo that fades to pure black over its lower two thirds, black over the last fifth:
// no line of it stands out from a black frame or a phone's black chrome.
cv::Mat fadingBlackFoot()
{
    cv::Mat img = syntheticPhoto(3) * 0.2;
    const int from = img.rows / 3, black = img.rows * 4 / 5;
    for (int y = from; y < img.rows; ++y)
        img.row(y) *= y >= black ? 0.0 : double(black - y) / (black - from);
    return img;
}

// A photo whose right side is a white cloud with a wavy edge, 10-20% of its width: in a white border
// the border's colour runs on into it.
cv::Mat whiteCloudAtTheRight()
{
    cv::Mat img = syntheticPhoto(4);
    for (int y = 0; y < img.rows; ++y) {
        const int w = int(img.cols * (0.15 + 0.05 * std::sin(y / 15.0)));
        img(cv::Rect(img.cols - w, y, w, 1)).setTo(cv::Scalar::all(255));
    }
    return img;
}

// A Polaroid-like frame: 24 px of white on three sides, 80 px at the foot, which ends in a straight line.
cv::Mat polaroid()
{
    cv::Mat out;
    cv::copyMakeBorder(syntheticPhoto(1), out, 24, 80, 24, 24, cv::BORDER_CONSTANT, cv::Scalar::all(255));
    return out;
}

// Whether r is the expected frame (left, top, right, bottom) of framed, each side within a pixel and a
// half of the 256 px copy the detector looks at.
bool isRegion(const ContentRegion& r, const cv::Mat& framed, const std::array<double, 4>& expected)
{
    const double tol = 1.5 / 256 * std::max(framed.cols, framed.rows) / std::min(framed.cols, framed.rows);
    const std::array<double, 4> got { r.left, r.top, r.right, r.bottom };
    for (size_t i = 0; i < 4; ++i)
        if (std::abs(got[i] - expected[i]) > tol)
            return false;
    return true;
}

} // namespace

Q_DECLARE_METATYPE(cv::Rect2d)

class TestContentRegion : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void findsThePictureInsideItsFrame_data()
    {
        QTest::addColumn<cv::Mat>("framed");
        QTest::addColumn<double>("left");
        QTest::addColumn<double>("top");
        QTest::addColumn<double>("right");
        QTest::addColumn<double>("bottom");
        QTest::addColumn<bool>("inferred"); // a side taken as deep as its opposite (the picture merges with it)
        const cv::Mat p = syntheticPhoto(1); // 480x360
        const cv::Mat portrait = syntheticPhoto(2, 360, 480);
        // Border: 24 px on 528x408.
        QTest::newRow("white border") << withBorder(p, 0.05, cv::Scalar(255, 255, 255)) << 24 / 528.0 << 24 / 408.0
                                      << 24 / 528.0 << 24 / 408.0 << false;
        QTest::newRow("black border") << withBorder(p, 0.05, cv::Scalar(0, 0, 0)) << 24 / 528.0 << 24 / 408.0
                                      << 24 / 528.0 << 24 / 408.0 << false;
        // Mat: a 4 px line (488x368) then 39 px of mat: 43 px on 566x446.
        QTest::newRow("mat") << withMat(p) << 43 / 566.0 << 43 / 446.0 << 43 / 566.0 << 43 / 446.0 << false;
        QTest::newRow("blurred square padding") << squareBlurPadded(p) << 0.0 << 0.125 << 0.0 << 0.125 << false;
        QTest::newRow("blurred square padding, portrait")
            << squareBlurPadded(portrait) << 0.125 << 0.0 << 0.125 << 0.0 << false;
        QTest::newRow("letterbox") << barsToAspect(p, 16.0 / 9.0) << 0.125 << 0.0 << 0.125 << 0.0 << false;
        // 360 px wide in 853.
        QTest::newRow("pillarbox") << barsToAspect(portrait, 16.0 / 9.0) << 246 / 853.0 << 0.0 << 247 / 853.0 << 0.0
                                   << false;
        // 1080x810 shown at y = 775 of 2340.
        QTest::newRow("phone, dark") << phoneScreenshot(p, true) << 0.0 << 775 / 2340.0 << 0.0 << 755 / 2340.0 << false;
        QTest::newRow("phone, light") << phoneScreenshot(p, false) << 0.0 << 775 / 2340.0 << 0.0 << 755 / 2340.0
                                      << false;
        QTest::newRow("phone, dark, a night picture")
            << phoneScreenshot(nightPicture(), true) << 0.0 << 775 / 2340.0 << 0.0 << 755 / 2340.0 << false;
        QTest::newRow("phone, dark, a picture smooth above and below")
            << phoneScreenshot(smoothAboveAndBelow(), true) << 0.0 << 775 / 2340.0 << 0.0 << 755 / 2340.0 << false;
        // Pictures whose own edge has the frame's colour on one side.
        const cv::Mat fading = fadingBlackFoot(); // 480x360
        QTest::newRow("phone, dark, a picture with a black foot")
            << phoneScreenshot(fading, true) << 0.0 << 775 / 2340.0 << 0.0 << 755 / 2340.0 << true;
        QTest::newRow("black border, a picture with a black foot")
            << withBorder(fading, 0.05, cv::Scalar::all(0)) << 24 / 528.0 << 24 / 408.0 << 24 / 528.0 << 24 / 408.0
            << true;
        QTest::newRow("white border, a white cloud at the right")
            << withBorder(whiteCloudAtTheRight(), 0.05, cv::Scalar::all(255)) << 24 / 528.0 << 24 / 408.0 << 24 / 528.0
            << 24 / 408.0 << true;
        QTest::newRow("blurred square padding, a picture fading to black")
            << squareBlurPadded(fadingFoot()) << 0.0 << 0.125 << 0.0 << 0.125 << true;
        QTest::newRow("a Polaroid's deep foot ends in a straight line")
            << polaroid() << 24 / 528.0 << 24 / 464.0 << 24 / 528.0 << 80 / 464.0 << false;
        // A 3:1 panorama fills the screen's width: 1080x360 shown at y = 1000, a strip of a sixth of it.
        const cv::Mat panorama = syntheticPhoto(3, 720, 240);
        QTest::newRow("phone, light, a panorama")
            << phoneScreenshot(panorama, false) << 0.0 << 1000 / 2340.0 << 0.0 << 980 / 2340.0 << false;
        QTest::newRow("phone, dark, a panorama")
            << phoneScreenshot(panorama, true) << 0.0 << 1000 / 2340.0 << 0.0 << 980 / 2340.0 << false;
        QTest::newRow("phone, light, a picture with a black foot: its edge is seen")
            << phoneScreenshot(fading, false) << 0.0 << 775 / 2340.0 << 0.0 << 755 / 2340.0 << false;
    }

    void findsThePictureInsideItsFrame()
    {
        QFETCH(cv::Mat, framed);
        QFETCH(double, left);
        QFETCH(double, top);
        QFETCH(double, right);
        QFETCH(double, bottom);
        QFETCH(bool, inferred);
        const ContentRegion r = ContentRegionDetector::detect(framed);
        QVERIFY2(isRegion(r, framed, { left, top, right, bottom }), qPrintable(r.describe()));
        QCOMPARE(r.inferred, inferred);
        // The mark survives the catalog.
        const QByteArray bytes = ContentRegionDetector::encode(r, QByteArray(8, char(1)), QByteArray(576, char(9)));
        QCOMPARE(ContentRegionDetector::decode(bytes).region.inferred, inferred);
        QVERIFY(std::abs(ContentRegionDetector::decode(bytes).region.left - r.left) < 1e-4);
    }

    void unframedPicturesAreWhole_data()
    {
        QTest::addColumn<cv::Mat>("picture");
        // Seed 6 has a flat strip of its ground colour along its right side: one side only, no frame.
        for (int seed : { 3, 4, 5, 6, 7 })
            QTest::newRow(qPrintable(QStringLiteral("photo %1").arg(seed))) << syntheticPhoto(seed);
        QTest::newRow("clear sky over a landscape") << skyOverLandscape();
        QTest::newRow("night sky fading to black") << fadingNightSky();
        QTest::newRow("star field with a sticker") << starFieldWithSticker();
        QTest::newRow("plain grey") << cv::Mat(300, 400, CV_8UC3, cv::Scalar(128, 128, 128));
        cv::Mat logo(300, 400, CV_8UC3, cv::Scalar(255, 255, 255));
        cv::circle(logo, cv::Point(200, 150), 30, cv::Scalar(0, 0, 200), cv::FILLED);
        QTest::newRow("small logo on white") << logo;
        cv::Mat wordmark(300, 400, CV_8UC3, cv::Scalar(255, 255, 255));
        cv::rectangle(wordmark, cv::Rect(80, 140, 240, 24), cv::Scalar(90, 30, 30), cv::FILLED);
        QTest::newRow("a thin wordmark on white") << wordmark;
    }

    void unframedPicturesAreWhole()
    {
        QFETCH(cv::Mat, picture);
        const ContentRegion r = ContentRegionDetector::detect(picture);
        QVERIFY2(r.isWhole(), qPrintable(r.describe()));
    }

    void regionBytesRoundTrip()
    {
        const ContentRegion r { 0.1, 0.25, 0.05, 0.3 };
        const QByteArray phash(8, char(0x5a));
        const QByteArray gray(PerceptualHasher::kGraySide * PerceptualHasher::kGraySide, char(77));
        const RegionSignals back = ContentRegionDetector::decode(ContentRegionDetector::encode(r, phash, gray));
        QVERIFY(back.hasInner);
        QVERIFY(std::abs(back.region.left - 0.1) < 1e-4 && std::abs(back.region.bottom - 0.3) < 1e-4);
        QCOMPARE(back.phash, uint64_t(0x5a5a5a5a5a5a5a5a));
        QCOMPARE(back.gray, gray);
        // No frame: the rectangle alone, and nothing inside to compare.
        const QByteArray whole = ContentRegionDetector::encode(ContentRegion(), phash, gray);
        QCOMPARE(whole.size(), 8);
        QVERIFY(!ContentRegionDetector::decode(whole).hasInner);
    }

    void corruptBytesDecodeToWhole_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("short") << QByteArray(5, char(1));
        QTest::newRow("sides overlap") << QByteArray(8, char(0xff));
    }

    void corruptBytesDecodeToWhole()
    {
        QFETCH(QByteArray, bytes);
        const RegionSignals s = ContentRegionDetector::decode(bytes);
        QVERIFY(s.region.isWhole());
        QVERIFY(!s.hasInner);
    }

    // Whether a window (where keypoints put the other picture) is the inside of the frame.
    void fitsTheInsideOfTheFrame_data()
    {
        QTest::addColumn<double>("frame"); // on every side
        QTest::addColumn<cv::Rect2d>("window");
        QTest::addColumn<bool>("fits");
        QTest::newRow("exactly the inside") << 0.08 << cv::Rect2d(0.08, 0.08, 0.84, 0.84) << true;
        QTest::newRow("a pixel or two off") << 0.08 << cv::Rect2d(0.09, 0.07, 0.83, 0.85) << true;
        QTest::newRow("the whole picture") << 0.08 << cv::Rect2d(0, 0, 1, 1) << false;
        QTest::newRow("moved by a tenth") << 0.08 << cv::Rect2d(0.18, 0.08, 0.74, 0.84) << false;
        QTest::newRow("no frame at all") << 0.0 << cv::Rect2d(0, 0, 1, 1) << false;
    }

    void fitsTheInsideOfTheFrame()
    {
        QFETCH(double, frame);
        QFETCH(cv::Rect2d, window);
        QFETCH(bool, fits);
        ContentRegion r;
        r.left = r.top = r.right = r.bottom = frame;
        QCOMPARE(r.fits(window, 0.02), fits);
    }

    void hasherStoresTheInsideOfAFrame()
    {
        const cv::Mat p = syntheticPhoto(8);
        const auto framed = PerceptualHasher::compute(withBorder(p, 0.08, cv::Scalar(255, 255, 255)));
        const RegionSignals s = ContentRegionDetector::decode(framed.value(QStringLiteral("region")));
        QVERIFY(s.hasInner);
        QCOMPARE(s.gray.size(), PerceptualHasher::kGraySide * PerceptualHasher::kGraySide);
        // The inside hashes like the picture itself, the framed whole does not.
        const auto plain = PerceptualHasher::compute(p);
        const QByteArray inner(reinterpret_cast<const char*>(&s.phash), 8);
        const int inside = PerceptualHasher::hammingDistance(inner, plain.value(QStringLiteral("phash")));
        const int whole = PerceptualHasher::hammingDistance(
            framed.value(QStringLiteral("phash")), plain.value(QStringLiteral("phash")));
        QVERIFY2(inside <= 6 && inside < whole, qPrintable(QStringLiteral("%1 vs %2").arg(inside).arg(whole)));
        QVERIFY(PerceptualHasher::kinds().contains(QStringLiteral("region")));
    }
};

QTEST_GUILESS_MAIN(TestContentRegion)
#include "tst_contentregion.moc"
