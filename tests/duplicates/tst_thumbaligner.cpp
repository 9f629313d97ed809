#include "duplicates/duplicatematchers.h"
#include "duplicates/thumbaligner.h"
#include "image/perceptualhasher.h"
#include "support/duplicatefixture.h"

#include <QTest>

#include <opencv2/imgproc.hpp>

using namespace shoebox;
using namespace shoebox::test;

namespace {

// A screenshot of one app's dialog: a dark title bar over a light grey body whose labels and fields
// (low-contrast boxes) are laid out by seed, as two different dialogs of one app would be.
cv::Mat dialog(int seed)
{
    cv::Mat img(300, 400, CV_8UC3, cv::Scalar::all(222));
    img.rowRange(0, 30).setTo(cv::Scalar(60, 50, 45));
    cv::RNG rng(static_cast<uint64>(seed));
    for (int row = 45; row + 24 < img.rows; row += 34)
        for (int x = 12; x + 40 < img.cols;) {
            const int w = rng.uniform(30, 150);
            const int shade = rng.uniform(0, 2) ? 232 : 210;
            cv::rectangle(
                img, cv::Rect(x, row, std::min(w, img.cols - 12 - x), 22), cv::Scalar::all(shade), cv::FILLED);
            x += w + rng.uniform(10, 60);
        }
    return img;
}

// A picture whose structure lies in a band along its bottom (a dark shore) under a plain sky.
cv::Mat shoreUnderSky()
{
    cv::Mat img(300, 400, CV_8UC3);
    for (int y = 0; y < img.rows; ++y)
        img.row(y).setTo(cv::Scalar(230 - y / 4, 190 - y / 5, 150));
    cv::RNG rng(7);
    for (int i = 0; i < 40; ++i)
        cv::circle(img, cv::Point(rng.uniform(0, 400), rng.uniform(255, 300)), rng.uniform(4, 14),
            cv::Scalar::all(rng.uniform(20, 90)), cv::FILLED);
    return img;
}

} // namespace

Q_DECLARE_METATYPE(cv::Mat)

class TestThumbAligner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cropOfPhotoAlignsAndUnrelatedDoesNot()
    {
        const cv::Mat a = syntheticPhoto(1);
        const PhotoSignals pa = signalsFor(a, 1, QStringLiteral("/a.jpg"), "a");
        const PhotoSignals crop = signalsFor(cropped(a, 0.08), 2, QStringLiteral("/b.jpg"), "b");
        const PhotoSignals other = signalsFor(syntheticPhoto(2), 3, QStringLiteral("/c.jpg"), "c");
        const Alignment al = ThumbAligner::align(pa.gray, pa.aspect(), crop.gray, crop.aspect());
        QVERIFY2(al.correlation > 0.96, qPrintable(QString::number(al.correlation)));
        QVERIFY(al.cropLeft > 0.03 && al.cropLeft < 0.11);
        QVERIFY(ThumbAligner::align(pa.gray, pa.aspect(), other.gray, other.aspect()).correlation < 0.6);
    }

    void panOfSmoothPictureDoesNotPassForCrop()
    {
        // A quarter of the picture panned away: the searched window must keep the other photo's
        // shape, so it cannot squeeze the pan into a "10% crop" of a different shape.
        // A smooth wallpaper: a colour gradient and one big soft shape.
        cv::Mat a(360, 640, CV_8UC3);
        for (int x = 0; x < a.cols; ++x)
            a.col(x).setTo(cv::Scalar(200 - x / 4, 60 + x / 8, 220 - x / 10));
        cv::ellipse(a, cv::Point(520, 200), cv::Size(90, 170), 15, 0, 360, cv::Scalar(250, 250, 250), cv::FILLED);
        cv::GaussianBlur(a, a, cv::Size(0, 0), 3.0);
        const PhotoSignals pa = signalsFor(a, 1, QStringLiteral("/a.jpg"), "a");
        const cv::Mat pan = a(cv::Rect(160, 18, 480, 324)).clone();
        const PhotoSignals pp = signalsFor(pan, 2, QStringLiteral("/pan.jpg"), "p");
        const SignalVerdict v = DuplicateMatchers::aligned(pa, pp, DuplicateRules());
        QVERIFY2(v.verdict != Verdict::Near, qPrintable(v.reason));
        // Whatever window the search settles on has the shape of the picture it is compared with.
        const Alignment al = ThumbAligner::align(pa.gray, pa.aspect(), pp.gray, pp.aspect());
        if (al.describe() != QLatin1String("whole picture")) {
            const double outerAspect = al.firstIsCropped ? pp.aspect() : pa.aspect();
            const double innerAspect = al.firstIsCropped ? pa.aspect() : pp.aspect();
            const double window = outerAspect * (1 - al.cropLeft - al.cropRight) / (1 - al.cropTop - al.cropBottom);
            QVERIFY2(std::abs(window / innerAspect - 1) < 0.02, qPrintable(al.describe()));
        }
        const PhotoSignals crop = signalsFor(cropped(a, 0.06), 3, QStringLiteral("/crop.jpg"), "c");
        const SignalVerdict c = DuplicateMatchers::aligned(pa, crop, DuplicateRules());
        QVERIFY2(c.verdict == Verdict::Near, qPrintable(c.reason));
        QVERIFY(c.searched); // found by the search: keypoints may confirm or refute it
    }

    void brightnessChangeKeepsCorrelation()
    {
        const cv::Mat a = syntheticPhoto(3);
        cv::Mat brighter;
        a.convertTo(brighter, -1, 1.2, 30);
        const PhotoSignals pa = signalsFor(a, 1, QStringLiteral("/a.jpg"), "a");
        const PhotoSignals pb = signalsFor(brighter, 2, QStringLiteral("/b.jpg"), "b");
        QVERIFY(ThumbAligner::align(pa.gray, pa.aspect(), pb.gray, pb.aspect()).wholeCorrelation > 0.97);
        QCOMPARE(DuplicateMatchers::compare(pa, pb, DuplicateRules()).level, DuplicateLevel::Near);
    }

    void variantHashFindsTenPercentCrop()
    {
        const cv::Mat a = syntheticPhoto(4);
        const PhotoSignals pa = signalsFor(a, 1, QStringLiteral("/a.jpg"), "a");
        const PhotoSignals pb = signalsFor(cropped(a, 0.10), 2, QStringLiteral("/b.jpg"), "b");
        QCOMPARE(int(pa.variants.size()), PerceptualHasher::kVariantCount);
        QVERIFY(DuplicateMatchers::bestHashDistance(pa, pb) <= DuplicateRules().candidateRadius);
    }

    void plainPicturesHaveNoDetail()
    {
        cv::Mat flat(300, 400, CV_8UC3);
        for (int y = 0; y < flat.rows; ++y)
            flat.row(y).setTo(cv::Scalar(200 - y / 3, 150, 100)); // a gradient sky
        const PhotoSignals p = signalsFor(flat, 1, QStringLiteral("/sky.jpg"), "s");
        QVERIFY(p.detail < DuplicateRules().minDetail);
        QVERIFY(signalsFor(syntheticPhoto(5), 2, QStringLiteral("/x.jpg"), "x").detail > DuplicateRules().minDetail);
    }

    void aTextureFinerThanTheThumbnailIsAliased_data()
    {
        QTest::addColumn<QString>("picture");
        QTest::addColumn<bool>("aliased");
        QTest::newRow("grain at the pixel") << "grain" << true;
        QTest::newRow("a photo") << "photo" << false;
        QTest::newRow("a gradient sky") << "sky" << false;
    }

    void aTextureFinerThanTheThumbnailIsAliased()
    {
        QFETCH(QString, picture);
        QFETCH(bool, aliased);
        cv::Mat img(480, 640, CV_8UC3);
        if (picture == QLatin1String("grain"))
            cv::RNG(1).fill(img, cv::RNG::UNIFORM, 0, 256);
        else if (picture == QLatin1String("photo"))
            img = syntheticPhoto(3);
        else
            for (int y = 0; y < img.rows; ++y)
                img.row(y).setTo(cv::Scalar(200 - y / 3, 150, 100));
        const PhotoSignals p = signalsFor(img, 1, QStringLiteral("/t.jpg"), "t");
        const double c = ThumbAligner::neighbourCorrelation(p.gray);
        QVERIFY2((c < DuplicateRules().thumbAliased) == aliased, qPrintable(QString::number(c)));
    }

    // Thumbnails alike only with the band along one edge left in (one app's title bar over two
    // different dialogs) are no near pair; copies of one dialog, and a picture whose structure lies in
    // such a band, still are.
    void alikeOnlyAlongOneEdgeIsNotNear_data()
    {
        QTest::addColumn<cv::Mat>("first");
        QTest::addColumn<cv::Mat>("second");
        QTest::addColumn<bool>("near");
        QTest::addColumn<bool>("edgeOnly"); // the rule is what keeps them apart
        for (int seed : { 1, 3, 5 })
            QTest::addRow("two dialogs under one title bar, seeds %d and %d", seed, seed + 1)
                << dialog(seed) << dialog(seed + 1) << false << true;
        cv::Mat brighter, smaller, shore;
        dialog(1).convertTo(brighter, -1, 1.1, 12);
        QTest::newRow("a dialog and a brighter copy") << dialog(1) << brighter << true << false;
        cv::resize(dialog(3), smaller, cv::Size(280, 210), 0, 0, cv::INTER_AREA);
        QTest::newRow("a dialog and a smaller copy") << dialog(3) << smaller << true << false;
        shoreUnderSky().convertTo(shore, -1, 0.9, 20);
        QTest::newRow("a shore under a plain sky and a darker copy") << shoreUnderSky() << shore << true << false;
    }
    void alikeOnlyAlongOneEdgeIsNotNear()
    {
        QFETCH(cv::Mat, first);
        QFETCH(cv::Mat, second);
        QFETCH(bool, near);
        QFETCH(bool, edgeOnly);
        const PhotoSignals a = signalsFor(first, 1, QStringLiteral("/a.png"), "a");
        const PhotoSignals b = signalsFor(second, 2, QStringLiteral("/b.png"), "b");
        const SignalVerdict v = DuplicateMatchers::aligned(a, b, DuplicateRules());
        QVERIFY2((v.verdict == Verdict::Near) == near, qPrintable(v.reason));
        QCOMPARE(v.reason.contains(QLatin1String("alike only with the top edge")), edgeOnly);
        DuplicateRules without;
        without.edgeBandNear = -2;
        QCOMPARE(DuplicateMatchers::aligned(a, b, without).verdict == Verdict::Near, near || edgeOnly);
    }

    void badThumbnailsNeverCrash()
    {
        QCOMPARE(ThumbAligner::align(QByteArray("short"), 1.0, QByteArray(), 1.0).correlation, -1.0);
        QCOMPARE(ThumbAligner::detail(QByteArray(3, 'x')), 0.0);
        QCOMPARE(ThumbAligner::neighbourCorrelation(QByteArray(3, 'x')), 1.0);
        QVERIFY(ThumbAligner::descriptor(QByteArray()).empty());
        QVERIFY(PerceptualHasher::compute(cv::Mat()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestThumbAligner)
#include "tst_thumbaligner.moc"
