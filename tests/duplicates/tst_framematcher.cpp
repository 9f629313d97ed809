#include "duplicates/duplicatefinder.h"
#include "duplicates/duplicatematchers.h"
#include "support/duplicatefixture.h"
#include "support/framefixture.h"

#include <QTest>

#include <opencv2/imgproc.hpp>

using namespace shoebox;
using namespace shoebox::test;

namespace {

cv::Mat framed(const cv::Mat& img, const QString& kind)
{
    if (kind == QLatin1String("white border"))
        return withBorder(img, 0.06, cv::Scalar(255, 255, 255));
    if (kind == QLatin1String("mat"))
        return withMat(img);
    if (kind == QLatin1String("blurred square"))
        return squareBlurPadded(img);
    if (kind == QLatin1String("letterbox"))
        return barsToAspect(img, 16.0 / 9.0);
    if (kind == QLatin1String("phone dark"))
        return phoneScreenshot(img, true);
    if (kind == QLatin1String("phone light"))
        return phoneScreenshot(img, false);
    return img;
}

// A pattern over a gradient (a wallpaper of coloured dots, dark at the top, bright at the bottom): at
// thumbnail size its halves swapped still correlate with it, the gradient being most of what is left.
cv::Mat dotsOverGradient(int seed)
{
    cv::Mat img(360, 480, CV_8UC3);
    for (int y = 0; y < img.rows; ++y)
        for (int x = 0; x < img.cols; ++x) {
            const int v = 160 * y / img.rows + int(std::lround(14 * std::sin(2 * CV_PI * x / img.cols)));
            img.at<cv::Vec3b>(y, x) = cv::Vec3b(0, uchar(40 + v), uchar(90 + v));
        }
    cv::RNG rng { uint64_t(seed) };
    for (int y = 6; y < img.rows; y += 12)
        for (int x = 6; x < img.cols; x += 12) {
            const cv::Vec3b c = img.at<cv::Vec3b>(y, x);
            const int d = rng.uniform(-40, 41);
            cv::circle(img, { x, y }, 5, cv::Scalar(0, std::clamp(c[1] + d, 0, 255), std::clamp(c[2] + d, 0, 255)),
                cv::FILLED, cv::LINE_AA);
        }
    return img;
}

} // namespace

Q_DECLARE_METATYPE(cv::Mat)

class TestFrameMatcher : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void differentPicturesInOneFrameAreNeverGrouped_data()
    {
        QTest::addColumn<QString>("frame");
        QTest::addColumn<int>("portraitSecond"); // the second picture is portrait (same chrome, other shape)
        for (const char* f : { "white border", "mat", "blurred square", "letterbox", "phone dark", "phone light" })
            QTest::newRow(f) << QString::fromLatin1(f) << 0;
        QTest::newRow("phone dark, landscape and portrait") << QStringLiteral("phone dark") << 1;
        QTest::newRow("phone light, landscape and portrait") << QStringLiteral("phone light") << 1;
    }

    void differentPicturesInOneFrameAreNeverGrouped()
    {
        QFETCH(QString, frame);
        QFETCH(int, portraitSecond);
        for (int seed : { 10, 20, 30 }) {
            const cv::Mat second = portraitSecond ? syntheticPhoto(seed + 1, 360, 480) : syntheticPhoto(seed + 1);
            const PhotoSignals a = photoOf(framed(syntheticPhoto(seed), frame), 1);
            const PhotoSignals b = photoOf(framed(second, frame), 2);
            QVERIFY(a.hasInner && b.hasInner);
            const PairDecision d = DuplicateMatchers::compare(a, b, DuplicateRules());
            QVERIFY2(d.level == DuplicateLevel::None, qPrintable(describe(d)));
            QVERIFY2(d.reasons.join(QLatin1Char(' ')).contains(QLatin1String("frames alike, pictures differ")),
                qPrintable(describe(d)));
            QVERIFY(DuplicateFinder::findIn({ a, b }, DuplicateLevel::Similar, DuplicateRules(), {}).isEmpty());
        }
    }

    void anotherArrangementInAFrameIsNotNear_data()
    {
        QTest::addColumn<cv::Mat>("first");
        QTest::addColumn<cv::Mat>("second");
        const cv::Mat p = dotsOverGradient(3);
        const cv::Mat both = rolled(p, true, true), down = rolled(p, false, true);
        QTest::newRow("white border and blurred square")
            << framed(both, QStringLiteral("white border")) << framed(down, QStringLiteral("blurred square"));
        QTest::newRow("phone and white border")
            << framed(down, QStringLiteral("phone dark")) << framed(both, QStringLiteral("white border"));
    }

    void anotherArrangementInAFrameIsNotNear()
    {
        // The insides correlate as they are, but their pHashes disown the match; without that rule
        // (any pHash distance accepted) they would be near.
        QFETCH(cv::Mat, first);
        QFETCH(cv::Mat, second);
        const PhotoSignals a = photoOf(first, 1), b = photoOf(second, 2);
        const PairDecision d = DuplicateMatchers::compare(a, b, DuplicateRules());
        QVERIFY2(d.level != DuplicateLevel::Near, qPrintable(describe(d)));
        QVERIFY2(d.reasons.join(QLatin1Char(' ')).contains(QLatin1String("pHashes differ")), qPrintable(describe(d)));
        DuplicateRules anyHash;
        anyHash.phashSimilar = 64;
        QCOMPARE(DuplicateMatchers::region(a, b, anyHash).verdict, Verdict::Near);
    }

    void phoneChromeAloneWouldRelateThem()
    {
        // Why the rule exists: without the content region, the chrome makes two different photos
        // look related to the whole-frame signals; with it they are different.
        PhotoSignals a = photoOf(phoneScreenshot(syntheticPhoto(10), true), 1);
        PhotoSignals b = photoOf(phoneScreenshot(syntheticPhoto(11), true), 2);
        QCOMPARE(DuplicateMatchers::compare(a, b, DuplicateRules()).level, DuplicateLevel::None);
        a.hasInner = b.hasInner = false;
        const PairDecision d = DuplicateMatchers::compare(a, b, DuplicateRules());
        QVERIFY2(d.level != DuplicateLevel::None, qPrintable(describe(d)));
    }

    void oneUnrecognisedFrameIsNoEvidenceEither()
    {
        // A dark picture in a dark phone chrome: its frame may go unrecognised. The other
        // screenshot's frame alone must not make the two near.
        PhotoSignals a = photoOf(phoneScreenshot(syntheticPhoto(10), true), 1);
        const PhotoSignals b = photoOf(phoneScreenshot(syntheticPhoto(11), true), 2);
        a.hasInner = false;
        a.region = ContentRegion();
        const PairDecision d = DuplicateMatchers::compare(a, b, DuplicateRules());
        QVERIFY2(d.level == DuplicateLevel::None, qPrintable(describe(d)));
        QVERIFY2(d.reasons.join(QLatin1Char(' ')).contains(QLatin1String("frames alike, pictures differ")),
            qPrintable(describe(d)));
    }

    void aPictureMovedWithinOneFrameIsNotNearByThumbnails()
    {
        // One app's screen around a photo and around a 9% crop of it blown up to the same size: the
        // thumbnails find the inside only by searching crops, which one frame does not need for a
        // copy. Keypoints may still verify such a crop; the thumbnails alone do not.
        const cv::Mat p = syntheticPhoto(7);
        cv::Mat moved;
        cv::resize(cut(p, 0.09, 0.09, 0, 0), moved, p.size(), 0, 0, cv::INTER_AREA);
        const PhotoSignals a = photoOf(phoneScreenshot(p, true), 1), b = photoOf(phoneScreenshot(moved, true), 2);
        QVERIFY(a.hasInner && b.hasInner && a.region.alike(b.region, 0.01));
        const SignalVerdict v = DuplicateMatchers::region(a, b, DuplicateRules());
        QVERIFY2(v.verdict != Verdict::Near, qPrintable(v.reason));
        QVERIFY2(v.reason.contains(QLatin1String("moving it within one frame")), qPrintable(v.reason));
        DuplicateRules anyFrame;
        anyFrame.sameFrameTolerance = -1;
        QCOMPARE(DuplicateMatchers::region(a, b, anyFrame).verdict, Verdict::Near);
    }

    void anInferredFrameNeverRefutes_data()
    {
        QTest::addColumn<bool>("inferred");
        QTest::addColumn<bool>("near");
        // The same photo twice; the second's region detector took a flat part of the picture for a
        // frame (pixel art, a sky). Seen on both sides, such a frame would make the inside evidence
        // against the whole; inferred from one side, it is no evidence either way.
        QTest::newRow("frame seen: its inside refutes") << false << false;
        QTest::newRow("a side inferred: the wholes decide") << true << true;
    }

    void anInferredFrameNeverRefutes()
    {
        QFETCH(bool, inferred);
        QFETCH(bool, near);
        const PhotoSignals a = photoOf(syntheticPhoto(5), 1);
        PhotoSignals b = photoOf(syntheticPhoto(5), 2);
        QVERIFY(!a.hasInner && !b.hasInner);
        b.hasInner = true;
        b.region = ContentRegion { 0.2, 0, 0.2, 0, inferred };
        const PhotoSignals other = photoOf(syntheticPhoto(6), 3);
        b.innerGray = other.gray; // what lies inside the mistaken frame looks like nothing in the first
        b.innerPhash = other.phash;
        const PairDecision d = DuplicateMatchers::compare(a, b, DuplicateRules());
        QVERIFY2((d.level == DuplicateLevel::Near) == near, qPrintable(describe(d)));
    }

    void samePictureInAFrameIsFound_data()
    {
        QTest::addColumn<QString>("frameA");
        QTest::addColumn<QString>("frameB");
        QTest::addColumn<bool>("halfB"); // the second copy also shrunk (shared to a messenger)
        for (const char* f : { "white border", "mat", "blurred square", "letterbox", "phone dark", "phone light" }) {
            QTest::newRow(qPrintable(QStringLiteral("original vs %1").arg(QLatin1String(f))))
                << QString() << QString::fromLatin1(f) << false;
            QTest::newRow(qPrintable(QStringLiteral("original vs %1, half size").arg(QLatin1String(f))))
                << QString() << QString::fromLatin1(f) << true;
        }
        QTest::newRow("white border vs blurred square")
            << QStringLiteral("white border") << QStringLiteral("blurred square") << false;
        QTest::newRow("phone dark vs mat") << QStringLiteral("phone dark") << QStringLiteral("mat") << false;
        QTest::newRow("same phone chrome, same photo")
            << QStringLiteral("phone light") << QStringLiteral("phone light") << true;
    }

    void samePictureInAFrameIsFound()
    {
        QFETCH(QString, frameA);
        QFETCH(QString, frameB);
        QFETCH(bool, halfB);
        int confirmed = 0;
        for (int seed : { 10, 20, 30 }) {
            const cv::Mat p = syntheticPhoto(seed);
            const PhotoSignals a = photoOf(framed(p, frameA), 1);
            const cv::Mat b0 = framed(p, frameB);
            const PhotoSignals b = photoOf(halfB ? half(b0) : b0, 2);
            const PairDecision d = DuplicateMatchers::compare(a, b, DuplicateRules());
            QVERIFY2(d.level == DuplicateLevel::Near, qPrintable(describe(d)));
            // Two copies alone make a near group when the pair is sure; found only by a window moved over
            // one of them (a mat the detector missed), they are a similar group that says so.
            const DuplicateLevel level = d.confirmed ? DuplicateLevel::Near : DuplicateLevel::Similar;
            const auto groups = DuplicateFinder::findIn({ a, b }, level, DuplicateRules(), {});
            QCOMPARE(groups.size(), 1);
            QCOMPARE(groups.first().members.size(), 2);
            QVERIFY(d.confirmed
                || groups.first().reasons.join(QLatin1Char(' ')).contains(QLatin1String("nothing confirms")));
            confirmed += d.confirmed ? 1 : 0;
        }
        QVERIFY2(confirmed >= 2, qPrintable(QStringLiteral("%1 of 3 pairs sure").arg(confirmed)));
    }

    void frameStrippedMatchSaysSo()
    {
        const cv::Mat p = syntheticPhoto(12);
        const PhotoSignals a = photoOf(p, 1);
        const PhotoSignals b = photoOf(squareBlurPadded(p), 2);
        const SignalVerdict v = DuplicateMatchers::region(a, b, DuplicateRules());
        QCOMPARE(v.verdict, Verdict::Near);
        QVERIFY2(v.reason.startsWith(QLatin1String("the picture inside the frame")), qPrintable(v.reason));
        QVERIFY2(v.reason.contains(QLatin1String("frame 0%/13%/0%/13%")), qPrintable(v.reason));
    }

    // Flat art whose plain sky and ground are taken for a frame around the picture, against a copy
    // cut 22% off one side (no frame found in it): the whole pictures align as a one-sided cut, so the
    // lone frame is the picture's own plain part and refutes nothing; another picture cut alike stays
    // apart.
    void aLoneFrameRefutesNoOneSidedCut_data()
    {
        QTest::addColumn<int>("seed");
        QTest::addColumn<int>("copySeed");
        QTest::addColumn<bool>("near");
        for (int seed : { 2, 3, 4 }) {
            QTest::newRow(qPrintable(QStringLiteral("22% cut off the right %1").arg(seed))) << seed << seed << true;
            QTest::newRow(qPrintable(QStringLiteral("another picture, cut %1").arg(seed)))
                << seed << seed + 10 << false;
        }
    }
    void aLoneFrameRefutesNoOneSidedCut()
    {
        QFETCH(int, seed);
        QFETCH(int, copySeed);
        QFETCH(bool, near);
        const PhotoSignals a = photoOf(flatArt(seed), 1), b = photoOf(cut(flatArt(copySeed), 0, 0, 0.22, 0), 2);
        QVERIFY(a.hasInner != b.hasInner);
        const PairDecision d = DuplicateMatchers::compare(a, b, DuplicateRules());
        QVERIFY2((d.level == DuplicateLevel::Near) == near, qPrintable(describe(d)));
    }

    void unframedPairsAreLeftToTheOtherSignals()
    {
        const PhotoSignals a = photoOf(syntheticPhoto(13), 1);
        const PhotoSignals b = photoOf(syntheticPhoto(14), 2);
        QCOMPARE(DuplicateMatchers::region(a, b, DuplicateRules()).verdict, Verdict::Unknown);
    }
};

QTEST_GUILESS_MAIN(TestFrameMatcher)
#include "tst_framematcher.moc"
