#include "duplicatefixture.h"
#include "duplicatematchers.h"
#include "perceptualhasher.h"
#include "thumbaligner.h"

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

    void badThumbnailsNeverCrash()
    {
        QCOMPARE(ThumbAligner::align(QByteArray("short"), 1.0, QByteArray(), 1.0).correlation, -1.0);
        QCOMPARE(ThumbAligner::detail(QByteArray(3, 'x')), 0.0);
        QVERIFY(ThumbAligner::descriptor(QByteArray()).empty());
        QVERIFY(PerceptualHasher::compute(cv::Mat()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestThumbAligner)
#include "tst_thumbaligner.moc"
