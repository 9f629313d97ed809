#include "duplicates/duplicatematchers.h"
#include "duplicates/thumbaligner.h"
#include "image/perceptualhasher.h"
#include "support/duplicatefixture.h"

#include <QTest>

#include <opencv2/imgproc.hpp>

using namespace shoebox;
using namespace shoebox::test;

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
