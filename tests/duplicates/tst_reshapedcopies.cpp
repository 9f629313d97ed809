#include "duplicates/duplicatematchers.h"
#include "duplicates/keypointcut.h"
#include "duplicates/keypointmatcher.h"
#include "duplicates/thumbaligner.h"
#include "image/perceptualhasher.h"
#include "support/duplicatefixture.h"
#include "support/framefixture.h"

#include <QTest>

#include <opencv2/imgproc.hpp>

using namespace shoebox;
using namespace shoebox::test;

Q_DECLARE_METATYPE(cv::Mat)
Q_DECLARE_METATYPE(cv::Rect2d)

namespace {

// A detailed picture (keypoints need corners): the synthetic photo with a fine checker texture.
cv::Mat detailed(int seed)
{
    cv::Mat img = syntheticPhoto(seed, 640, 480);
    cv::Mat noise(img.size(), CV_8UC3);
    cv::theRNG().state = uint64_t(seed) * 1000003u + 1;
    cv::randu(noise, 0, 60);
    cv::GaussianBlur(noise, noise, cv::Size(0, 0), 1.2);
    return img + noise;
}

// Grain at the pixel (gravel, a brick wall seen from afar): every thumbnail pixel averages many
// grains, so neighbouring thumbnail pixels are unrelated.
cv::Mat pixelGrain(int seed)
{
    cv::Mat img(480, 640, CV_8UC3);
    cv::RNG rng { uint64_t(seed) };
    rng.fill(img, cv::RNG::UNIFORM, 0, 256);
    return img;
}

// Sky over sea (the kite beach): bands that run the whole width, so the grey thumbnails of two
// framings of it correlate as they are; the texture and the shapes on the shore give keypoints.
cv::Mat seaside(int seed)
{
    cv::Mat img(480, 640, CV_8UC3);
    cv::RNG rng { uint64_t(seed) };
    for (int y = 0; y < img.rows; ++y) {
        const double t = double(y) / img.rows;
        const int sky = 235 - int(40 * t), sea = 120 + int(25 * std::sin(y * 0.35)) + rng.uniform(-6, 7);
        img.row(y).setTo(t < 0.45 ? cv::Scalar(sky, sky, sky)
                : t < 0.5         ? cv::Scalar(40, 90, 50)
                                  : cv::Scalar(sea - 40, sea, sea + 20));
    }
    // Clouds and the light on the water: soft blotches across the whole width.
    cv::Mat soft(6, 8, CV_32F);
    rng.fill(soft, cv::RNG::NORMAL, 0, 1);
    cv::resize(soft, soft, img.size(), 0, 0, cv::INTER_CUBIC);
    cv::Mat blotches;
    cv::merge(std::vector<cv::Mat>(3, soft * 10), blotches);
    img.convertTo(img, CV_32FC3);
    img = img + blotches;
    img.convertTo(img, CV_8UC3);
    for (int i = 0; i < 40; ++i)
        cv::circle(img, { rng.uniform(0, img.cols), rng.uniform(int(img.rows * 0.5), img.rows) }, rng.uniform(3, 9),
            cv::Scalar(rng.uniform(0, 80), rng.uniform(0, 80), rng.uniform(0, 80)), cv::FILLED, cv::LINE_AA);
    cv::Mat noise(img.size(), CV_8UC3);
    rng.fill(noise, cv::RNG::UNIFORM, 0, 40);
    cv::GaussianBlur(noise, noise, cv::Size(0, 0), 1.2);
    return img + noise;
}

PhotoSignals withKeypoints(const cv::Mat& img, qint64 id)
{
    PhotoSignals p = photoOf(img, id);
    p.keypoints = std::make_shared<KeypointSet>(KeypointMatcher::decode(KeypointMatcher::compute(img)));
    return p;
}

} // namespace

class TestReshapedCopies : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void reshapedCopyIsNear_data()
    {
        QTest::addColumn<cv::Mat>("original");
        QTest::addColumn<cv::Mat>("copy");
        for (int seed : { 1, 2 }) {
            const cv::Mat p = detailed(seed);
            const QString s = QStringLiteral(" %1").arg(seed);
            QTest::newRow(qPrintable(QStringLiteral("stretched 15% wide") + s)) << p << stretched(p, 1.15, 1.0);
            QTest::newRow(qPrintable(QStringLiteral("squashed 20%") + s)) << p << stretched(p, 1.0, 0.8);
            QTest::newRow(qPrintable(QStringLiteral("22% cut off the right") + s)) << p << cut(p, 0, 0, 0.22, 0);
            QTest::newRow(qPrintable(QStringLiteral("20% cut off the top") + s)) << p << cut(p, 0, 0.2, 0, 0);
            QTest::newRow(qPrintable(QStringLiteral("straightened 8 degrees") + s)) << p << straightened(p, 8);
            QTest::newRow(qPrintable(QStringLiteral("keystone 6%") + s)) << p << keystone(p, 0.06);
            QTest::newRow(qPrintable(QStringLiteral("keystone 8%") + s)) << p << keystone(p, 0.08);
        }
    }

    void reshapedCopyIsNear()
    {
        QFETCH(cv::Mat, original);
        QFETCH(cv::Mat, copy);
        const PairDecision d = DuplicateMatchers::compare(photoOf(original, 1), photoOf(copy, 2), DuplicateRules());
        QVERIFY2(d.level == DuplicateLevel::Near, qPrintable(describe(d)));
    }

    void oneSidedCutIsFoundByItsKeypoints_data()
    {
        QTest::addColumn<cv::Mat>("original");
        QTest::addColumn<cv::Mat>("copy");
        for (int seed : { 1, 2 }) {
            const cv::Mat p = seaside(seed);
            const QString s = QStringLiteral(", seaside %1").arg(seed);
            QTest::newRow(qPrintable(QStringLiteral("22% cut off the right") + s)) << p << cut(p, 0, 0, 0.22, 0);
            QTest::newRow(qPrintable(QStringLiteral("20% cut off the top") + s)) << p << cut(p, 0, 0.2, 0, 0);
        }
    }

    void oneSidedCutIsFoundByItsKeypoints()
    {
        // The shapes say a one-sided cut may explain the pair, so the keypoints are consulted whatever
        // the thumbnails say (their one-sided window is a search like any other), and their fit decides.
        QFETCH(cv::Mat, original);
        QFETCH(cv::Mat, copy);
        const PhotoSignals a = withKeypoints(original, 1), b = withKeypoints(copy, 2);
        const SignalVerdict thumbnails = DuplicateMatchers::aligned(a, b, DuplicateRules());
        QVERIFY2(thumbnails.reshaped, qPrintable(thumbnails.reason));
        QVERIFY(DuplicateRules().consultKeypoints(thumbnails));
        const PairDecision d = DuplicateMatchers::compare(a, b, DuplicateRules());
        QVERIFY2(d.level == DuplicateLevel::Near && d.keypointVerified, qPrintable(describe(d)));
    }

    void paddingTheRegionDetectorMissedIsNoCut_data()
    {
        QTest::addColumn<cv::Mat>("larger");
        QTest::addColumn<cv::Mat>("smaller");
        QTest::addColumn<bool>("near");
        for (int seed : { 1, 2 }) {
            const cv::Mat p = detailed(seed), wide = cut(p, 0, 0.1, 0, 0.1); // 5:3: a fifth padded above and below
            const QString s = QStringLiteral(", %1").arg(seed);
            QTest::newRow(qPrintable(QStringLiteral("squared with a blurred fill") + s))
                << squareBlurPadded(wide) << wide << true;
            // A picture on a plain wall and its middle: cut on all four sides, not padded on two.
            cv::Mat wall(480, 640, CV_8UC3, cv::Scalar(120, 130, 140));
            cv::resize(p, wall(cv::Rect(128, 24, 384, 432)), cv::Size(384, 432));
            QTest::newRow(qPrintable(QStringLiteral("the middle of a picture on a plain wall") + s))
                << wall << cut(wall, 0.2, 0.05, 0.2, 0.05) << false;
        }
    }

    void paddingTheRegionDetectorMissedIsNoCut()
    {
        // Square padding around a copy counts as a frame even where the content region was not found
        // (the fill's edges blur into the picture): the larger picture has no keypoints around it.
        QFETCH(cv::Mat, larger);
        QFETCH(cv::Mat, smaller);
        QFETCH(bool, near);
        PhotoSignals a = withKeypoints(larger, 1);
        a.hasInner = false;
        a.region = ContentRegion();
        const PhotoSignals b = withKeypoints(smaller, 2);
        const SignalVerdict k = DuplicateMatchers::keypoints(a, b, DuplicateRules());
        QVERIFY2((k.verdict == Verdict::Near) == near, qPrintable(k.reason));
        QVERIFY2(k.reason.contains(QLatin1String(near ? "inside padding" : "reframed")), qPrintable(k.reason));
        DuplicateRules noPadding;
        noPadding.keypointMaxPadding = 0;
        QCOMPARE(DuplicateMatchers::keypoints(a, b, noPadding).verdict, Verdict::Different);
    }

    void aStrongFitSpeaksForAFineTexture_data()
    {
        // A fit of the same picture (no crop), judged with the second thumbnail blurred by grain to a
        // given correlation: fine textures alias at thumbnail size.
        QTest::addColumn<int>("inliers");
        QTest::addColumn<double>("coverage");
        QTest::addColumn<double>("grain"); // grey levels of noise over the second thumbnail
        QTest::addColumn<bool>("near");
        QTest::newRow("strong fit, thumbnails merely related") << 30 << 1.0 << 45.0 << true;
        QTest::newRow("modest fit, thumbnails merely related") << 14 << 1.0 << 45.0 << false;
        QTest::newRow("strong fit in part of the picture") << 30 << 0.8 << 45.0 << false;
        QTest::newRow("strong fit, thumbnails unrelated") << 30 << 1.0 << 400.0 << false;
    }

    void aStrongFitSpeaksForAFineTexture()
    {
        QFETCH(int, inliers);
        QFETCH(double, coverage);
        QFETCH(double, grain);
        QFETCH(bool, near);
        const PhotoSignals a = photoOf(detailed(3), 1);
        PhotoSignals b = a;
        cv::Mat g(PerceptualHasher::kGraySide, PerceptualHasher::kGraySide, CV_8U, b.gray.data()),
            noise(g.size(), CV_16S);
        cv::RNG rng { 7 };
        rng.fill(noise, cv::RNG::NORMAL, 0, grain);
        cv::Mat sum;
        cv::add(g, noise, sum, cv::noArray(), CV_16S);
        sum.convertTo(g, CV_8U);
        KeypointMatch m;
        m.fitted = true;
        m.matches = inliers + 2;
        m.inliers = inliers;
        m.inlierShare = double(inliers) / m.matches;
        m.coverage = coverage;
        m.scale = 0.9;
        m.maxCrop = m.otherCrop = m.overflow = 0;
        m.residual = 0.5;
        m.inlierDistance = 35;
        m.inlierArea = 0.6;
        // The thumbnails alone would not confirm the fit.
        QVERIFY(
            ThumbAligner::correlationAt(a.gray, b.gray, m.innerToOuter) < DuplicateRules().keypointMovedCorrelation);
        const SignalVerdict k = DuplicateMatchers::judgeKeypoints(m, a, b, DuplicateRules());
        QVERIFY2((k.verdict == Verdict::Near) == near, qPrintable(k.reason));
    }

    void aTextureFinerThanTheThumbnailsLeavesItToTheKeypoints_data()
    {
        // A modest fit (16 of 30 matches: a brick wall's keypoints are ambiguous) of two photos whose
        // grey thumbnails cannot confirm it; it counts when both thumbnails only alias the picture and
        // the fit resampled it (a crop, a turn), not when either thumbnail resolves its picture or the
        // fit sits in place to the pixel (a shared overlay over two textures).
        QTest::addColumn<bool>("firstAliased");
        QTest::addColumn<bool>("secondAliased");
        QTest::addColumn<double>("residual");
        QTest::addColumn<bool>("near");
        QTest::newRow("both aliased, resampled") << true << true << 0.5 << true;
        QTest::newRow("both aliased, in place") << true << true << 0.1 << false;
        QTest::newRow("first resolved") << false << true << 0.5 << false;
        QTest::newRow("second resolved") << true << false << 0.5 << false;
    }

    void aTextureFinerThanTheThumbnailsLeavesItToTheKeypoints()
    {
        QFETCH(bool, firstAliased);
        QFETCH(bool, secondAliased);
        QFETCH(double, residual);
        QFETCH(bool, near);
        const PhotoSignals a = photoOf(firstAliased ? pixelGrain(1) : detailed(1), 1);
        const PhotoSignals b = photoOf(secondAliased ? pixelGrain(2) : detailed(2), 2);
        KeypointMatch m;
        m.fitted = true;
        m.matches = 30;
        m.inliers = 16;
        m.inlierShare = double(m.inliers) / m.matches;
        m.coverage = 0.85;
        m.scale = 0.8;
        m.maxCrop = m.otherCrop = 0.1;
        m.overflow = 0;
        m.residual = residual;
        m.inlierDistance = 35;
        m.inlierArea = 0.6;
        const DuplicateRules r;
        QVERIFY(ThumbAligner::correlationAt(a.gray, b.gray, m.innerToOuter) < r.keypointMovedCorrelation);
        QVERIFY(!r.strongKeypointFit(m));
        const SignalVerdict k = DuplicateMatchers::judgeKeypoints(m, a, b, r);
        QVERIFY2((k.verdict == Verdict::Near) == near, qPrintable(k.reason));
        QCOMPARE(k.reason.contains(QLatin1String("finer than the thumbnails")), near);
    }

    void oneSidedCutOfASmoothPictureAlignsAsItIs_data()
    {
        // Sky over sea: too few corners to count on keypoints. A cut of one side leaves the window
        // against that side to JPEG noise; a 25% pan that also takes 5% off the top and bottom does not.
        QTest::addColumn<cv::Mat>("original");
        QTest::addColumn<cv::Mat>("copy");
        QTest::addColumn<bool>("near");
        for (int seed : { 1, 2 }) {
            const cv::Mat p = seaside(seed);
            const QString s = QStringLiteral(" %1").arg(seed);
            QTest::newRow(qPrintable(QStringLiteral("20% cut off the top") + s)) << p << cut(p, 0, 0.2, 0, 0) << true;
            QTest::newRow(qPrintable(QStringLiteral("22% cut off the right") + s))
                << p << cut(p, 0, 0, 0.22, 0) << true;
            QTest::newRow(qPrintable(QStringLiteral("25% pan") + s)) << p << cut(p, 0.25, 0.05, 0, 0.05) << false;
        }
    }

    void oneSidedCutOfASmoothPictureAlignsAsItIs()
    {
        QFETCH(cv::Mat, original);
        QFETCH(cv::Mat, copy);
        QFETCH(bool, near);
        const PhotoSignals a = photoOf(original, 1), b = photoOf(copy, 2);
        const Alignment al = ThumbAligner::align(a.gray, a.aspect(), b.gray, b.aspect());
        const QString got
            = QStringLiteral("cut %1 of %2 at %3").arg(al.cutCorrelation).arg(al.cutSide).arg(al.cutDepth);
        QVERIFY2((al.cutCorrelation >= DuplicateRules().alignedCutNear) == near, qPrintable(got));
        const SignalVerdict v = DuplicateMatchers::aligned(a, b, DuplicateRules());
        if (near)
            QVERIFY2(v.verdict == Verdict::Near && v.searched && v.cut, qPrintable(v.reason));
        // Without keypoints to refute it, a cut that near is an edit of the original, for the grouper too.
        const PairDecision d = DuplicateMatchers::compare(a, b, DuplicateRules());
        QVERIFY2((d.level == DuplicateLevel::Near && d.cutVerified) == near, qPrintable(describe(d)));
    }

    // A cut the thumbnails find short of alignedCutNear stands only where a keypoint fit, looser than a
    // moved copy's, lands the smaller picture on that very one-sided window, unturned.
    void keypointCutConfirmsOnlyItsOwnWindow_data()
    {
        QTest::addColumn<double>("cutCorrelation");
        QTest::addColumn<cv::Rect2d>("fitWindow");
        QTest::addColumn<double>("residual");
        QTest::addColumn<double>("degrees");
        QTest::addColumn<bool>("otherPhotoCut");
        QTest::addColumn<bool>("near");
        const cv::Rect2d right22(0, 0, 0.78, 1);
        QTest::newRow("fit on the cut window") << 0.975 << right22 << 0.85 << 0.0 << false << true;
        QTest::newRow("fit 2% off it") << 0.975 << cv::Rect2d(0.02, 0, 0.78, 1) << 0.85 << 0.0 << false << true;
        QTest::newRow("fit on a pan: 25% and 5% top and bottom")
            << 0.975 << cv::Rect2d(0.25, 0.05, 0.75, 0.9) << 0.85 << 0.0 << false << false;
        QTest::newRow("fit on the other side")
            << 0.975 << cv::Rect2d(0.22, 0, 0.78, 1) << 0.85 << 0.0 << false << false;
        QTest::newRow("thumbnails short of alignedNear") << 0.95 << right22 << 0.85 << 0.0 << false << false;
        QTest::newRow("fit too loose (parallax)") << 0.975 << right22 << 1.2 << 0.0 << false << false;
        QTest::newRow("fit turned 3 degrees") << 0.975 << right22 << 0.85 << 3.0 << false << false;
        QTest::newRow("the keypoints cut the other photo") << 0.975 << right22 << 0.85 << 0.0 << true << false;
    }
    void keypointCutConfirmsOnlyItsOwnWindow()
    {
        QFETCH(double, cutCorrelation);
        QFETCH(cv::Rect2d, fitWindow);
        QFETCH(double, residual);
        QFETCH(double, degrees);
        QFETCH(bool, otherPhotoCut);
        QFETCH(bool, near);
        SignalVerdict aligned;
        aligned.signal = QStringLiteral("aligned");
        aligned.verdict = Verdict::Similar;
        Alignment g;
        g.cutCorrelation = cutCorrelation;
        g.cutSide = 2; // 22% off the right of the second photo
        g.cutDepth = 0.22;
        g.firstIsCut = false;
        KeypointMatch m;
        m.fitted = true;
        m.matches = 30;
        m.inliers = 26;
        m.inlierShare = 26 / 30.0;
        m.coverage = 1.0;
        m.residual = residual;
        m.degrees = degrees;
        m.window = fitWindow;
        m.firstIsInner = otherPhotoCut;
        const auto v = KeypointCut::confirm(aligned, g, m, DuplicateRules());
        QCOMPARE(v.has_value(), near);
        if (near) {
            QVERIFY(v->verdict == Verdict::Near && v->cut);
            QVERIFY2(v->reason.contains(QLatin1String("22% cut off the right")), qPrintable(v->reason));
        }
    }

    void movedFrameStaysApart_data()
    {
        // Two shots of one scene with the frame moved: every one of these cuts more than one side,
        // or more than a quarter of one.
        QTest::addColumn<cv::Mat>("first");
        QTest::addColumn<cv::Mat>("second");
        for (int seed : { 1, 2 }) {
            const cv::Mat p = detailed(seed);
            const cv::Mat base = cut(p, 0.0, 0.05, 0.4, 0.05);
            const QString s = QStringLiteral(" %1").arg(seed);
            QTest::newRow(qPrintable(QStringLiteral("moved by a third") + s)) << base << cut(p, 0.2, 0.05, 0.2, 0.05);
            QTest::newRow(qPrintable(QStringLiteral("moved by a half") + s)) << base << cut(p, 0.3, 0.05, 0.1, 0.05);
            QTest::newRow(qPrintable(QStringLiteral("40% of the scene left out") + s)) << p << base;
            QTest::newRow(qPrintable(QStringLiteral("25% pan") + s)) << p << cut(p, 0.25, 0.05, 0, 0.05);
        }
    }

    void movedFrameStaysApart()
    {
        QFETCH(cv::Mat, first);
        QFETCH(cv::Mat, second);
        const PairDecision d = DuplicateMatchers::compare(photoOf(first, 1), photoOf(second, 2), DuplicateRules());
        QVERIFY2(d.level != DuplicateLevel::Near, qPrintable(describe(d)));
    }

    void movedFrameOverASmoothSceneStaysApart_data()
    {
        QTest::addColumn<int>("seed");
        for (int seed : { 1, 2, 3 })
            QTest::newRow(qPrintable(QStringLiteral("seaside %1").arg(seed))) << seed;
    }

    void movedFrameOverASmoothSceneStaysApart()
    {
        // The frame moved by a sixth of its width: the thumbnails correlate as they are (near on their
        // own), the keypoints see the move and refute it.
        QFETCH(int, seed);
        const cv::Mat p = seaside(seed);
        const PhotoSignals a = withKeypoints(cut(p, 0.2, 0.05, 0.2, 0.05), 1),
                           b = withKeypoints(cut(p, 0.3, 0.05, 0.1, 0.05), 2);
        const SignalVerdict thumbnails = DuplicateMatchers::aligned(a, b, DuplicateRules());
        QVERIFY2(thumbnails.verdict == Verdict::Near && !thumbnails.searched, qPrintable(thumbnails.reason));
        const PairDecision d = DuplicateMatchers::compare(a, b, DuplicateRules());
        QVERIFY2(d.level == DuplicateLevel::Similar, qPrintable(describe(d)));
        QVERIFY2(d.reasons.join(QLatin1Char(' ')).contains(QLatin1String("reframed")), qPrintable(describe(d)));
    }

    void aTurnedFitMayBeLooser_data()
    {
        // The fit of a copy straightened by 8 degrees, its residual, turn and overflow set to what a
        // resampled copy, a second shot or a reframing gives.
        QTest::addColumn<double>("residual");
        QTest::addColumn<double>("degrees"); // 0: as fitted (about 8)
        QTest::addColumn<double>("overflow"); // -1: as fitted (none)
        QTest::addColumn<int>("verdict");
        QTest::newRow("turned, 0.85 px: an edit") << 0.85 << 0.0 << -1.0 << int(Verdict::Near);
        QTest::newRow("turned, 0.98 px: an edit") << 0.98 << 0.0 << -1.0 << int(Verdict::Near);
        QTest::newRow("turned, 1.2 px: too loose") << 1.2 << 0.0 << -1.0 << int(Verdict::Unknown);
        QTest::newRow("turned 2 degrees, 0.85 px: a second shot's parallax")
            << 0.85 << 2.0 << -1.0 << int(Verdict::Unknown);
        QTest::newRow("turned, 0.85 px, beside the picture: never a refutation")
            << 0.85 << 0.0 << 0.15 << int(Verdict::Unknown);
        QTest::newRow("turned, 0.6 px, beside the picture: reframed") << 0.6 << 0.0 << 0.15 << int(Verdict::Different);
    }

    void aTurnedFitMayBeLooser()
    {
        QFETCH(double, residual);
        QFETCH(double, degrees);
        QFETCH(double, overflow);
        QFETCH(int, verdict);
        const cv::Mat p = detailed(1);
        const PhotoSignals a = withKeypoints(p, 1), b = withKeypoints(straightened(p, 8), 2);
        KeypointMatch m = KeypointMatcher::match(*a.keypoints, *b.keypoints, KeypointMatcher::Model::CropRotation);
        QVERIFY2(m.fitted && std::abs(std::abs(m.degrees) - 8) < 1, qPrintable(m.describe()));
        m.residual = residual;
        if (degrees > 0)
            m.degrees = degrees;
        if (overflow >= 0)
            m.overflow = overflow;
        const SignalVerdict v = DuplicateMatchers::judgeKeypoints(m, a, b, DuplicateRules());
        QVERIFY2(int(v.verdict) == verdict, qPrintable(v.reason));
    }
};

QTEST_GUILESS_MAIN(TestReshapedCopies)
#include "tst_reshapedcopies.moc"
