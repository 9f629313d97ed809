// FaceResolution: when a face needs a larger decode, how large, whether a decode fits, and chips cut
// from a large image without aliasing.
#include "people/facealigner.h"
#include "people/faceresolution.h"

#include <QTest>

#include <opencv2/imgproc.hpp>

#include <cmath>

using namespace shoebox;

namespace {

// The chip template scaled by 1/scale and moved: a face whose chip is upsampled by `scale`.
FaceResolution::Points faceAt(double scale, QPointF shift)
{
    FaceResolution::Points out;
    for (size_t i = 0; i < 4; ++i) {
        const cv::Point2f t = FaceAligner::chipTemplate()[i];
        out[i] = QPointF(t.x / scale, t.y / scale) + shift;
    }
    return out;
}

} // namespace

class TestFaceResolution : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void chipScaleIsChipPixelsPerImagePixel_data();
    void chipScaleIsChipPixelsPerImagePixel();
    void wantedLongSide_data();
    void wantedLongSide();
    void fits_data();
    void fits();
    void pointsMoveWithThePixelGrid();
    void largeFacesAreReducedWithoutAliasing();
};

void TestFaceResolution::chipScaleIsChipPixelsPerImagePixel_data()
{
    QTest::addColumn<double>("scale");
    QTest::newRow("the template itself") << 1.0;
    QTest::newRow("a small face, upsampled 3.5x") << 3.5;
    QTest::newRow("a large face, shrunk 4x") << 0.25;
}

void TestFaceResolution::chipScaleIsChipPixelsPerImagePixel()
{
    QFETCH(double, scale);
    QVERIFY(std::abs(FaceResolution::chipScale(faceAt(scale, QPointF(40, 70))) - scale) < 1e-6 * scale);
    const QPointF same(5, 5);
    QCOMPARE(FaceResolution::chipScale({ same, same, same, same }), 0.0);
    QCOMPARE(FaceResolution::chipScale({ QPointF(qQNaN(), 1), same, same, same }), 0.0);
}

void TestFaceResolution::wantedLongSide_data()
{
    QTest::addColumn<QSize>("image");
    QTest::addColumn<QSize>("full");
    QTest::addColumn<double>("scale");
    QTest::addColumn<int>("wanted");
    QTest::newRow("sharp enough already") << QSize(500, 375) << QSize(4000, 3000) << 1.2 << 0;
    QTest::newRow("upsampled 3x: three times the decode") << QSize(500, 375) << QSize(4000, 3000) << 3.0 << 1500;
    QTest::newRow("portrait: the long side") << QSize(375, 500) << QSize(3000, 4000) << 2.0 << 1000;
    QTest::newRow("capped at the original") << QSize(500, 375) << QSize(1000, 750) << 5.0 << 1000;
    QTest::newRow("original unknown: not capped") << QSize(500, 375) << QSize() << 2.0 << 1000;
    QTest::newRow("the decode is the original") << QSize(500, 375) << QSize(500, 375) << 3.0 << 0;
    QTest::newRow("too little to gain") << QSize(500, 375) << QSize(560, 420) << 3.0 << 0;
}

void TestFaceResolution::wantedLongSide()
{
    QFETCH(QSize, image);
    QFETCH(QSize, full);
    QFETCH(double, scale);
    QFETCH(int, wanted);
    QCOMPARE(FaceResolution::wantedLongSide(image, full, scale), wanted);
}

void TestFaceResolution::fits_data()
{
    QTest::addColumn<QSize>("image");
    QTest::addColumn<QSize>("larger");
    QTest::addColumn<bool>("fits");
    QTest::newRow("DCT half, sides rounded up") << QSize(500, 375) << QSize(999, 749) << true;
    QTest::newRow("full size") << QSize(496, 387) << QSize(1986, 1545) << true;
    QTest::newRow("cropped since the scan") << QSize(500, 375) << QSize(1000, 1000) << false;
    QTest::newRow("rotated since the scan") << QSize(500, 375) << QSize(750, 1000) << false;
    QTest::newRow("not larger") << QSize(500, 375) << QSize(500, 375) << false;
    QTest::newRow("empty") << QSize(500, 375) << QSize() << false;
}

void TestFaceResolution::fits()
{
    QFETCH(QSize, image);
    QFETCH(QSize, larger);
    QFETCH(bool, fits);
    QCOMPARE(FaceResolution::fits(image, larger), fits);
}

void TestFaceResolution::pointsMoveWithThePixelGrid()
{
    // Pixel centres: pixel 0 of a 2x reduction covers pixels 0 and 1 of the original, centre 0.5.
    const auto moved = FaceResolution::mapPoints(
        { QPointF(0, 0), QPointF(9, 4), QPointF(-0.5, -0.5), QPointF(2, 2) }, QSize(10, 5), QSize(20, 10));
    QCOMPARE(moved[0], QPointF(0.5, 0.5));
    QCOMPARE(moved[1], QPointF(18.5, 8.5));
    QCOMPARE(moved[2], QPointF(-0.5, -0.5)); // the image's edge stays its edge
    QCOMPARE(moved[3], QPointF(4.5, 4.5));
}

void TestFaceResolution::largeFacesAreReducedWithoutAliasing()
{
    // One-pixel stripes under a face shrunk ~6x onto the chip: bilinear sampling picks stripes (black,
    // white or a moire), area reduction gives their mean grey. Measured: mean distance from that grey.
    cv::Mat stripes(1200, 1200, CV_8UC3);
    for (int y = 0; y < stripes.rows; ++y)
        stripes.row(y).setTo(cv::Scalar::all(y % 2 ? 255 : 0));
    const auto points = faceAt(1.0 / 6.3, QPointF(120, 110));
    const cv::Mat reduced = FaceResolution::alignFrom(stripes, points);
    QCOMPARE(reduced.rows, FaceAligner::kChipSize);
    QCOMPARE(reduced.cols, FaceAligner::kChipSize);
    auto offGrey = [](const cv::Mat& chip) {
        cv::Mat f;
        chip.convertTo(f, CV_64F);
        return cv::mean(cv::abs(f - 127.5))[0];
    };
    const double direct = offGrey(FaceAligner::align(stripes, points)), area = offGrey(reduced);
    QVERIFY2(area < 10 && direct > 40,
        qPrintable(QStringLiteral("off the mean grey: %1 area-reduced, %2 direct").arg(area).arg(direct)));

    // On a smooth picture both cut the same chip (the crop and the reduction move nothing).
    cv::Mat smooth(1200, 1200, CV_8UC3);
    for (int y = 0; y < smooth.rows; ++y)
        for (int x = 0; x < smooth.cols; ++x)
            smooth.at<cv::Vec3b>(y, x) = cv::Vec3b(uchar(x / 5), uchar(y / 5), uchar((x + y) / 10));
    cv::Mat diff;
    cv::absdiff(FaceAligner::align(smooth, points), FaceResolution::alignFrom(smooth, points), diff);
    QVERIFY(cv::mean(diff)[0] < 2.0);
}

QTEST_GUILESS_MAIN(TestFaceResolution)
#include "tst_faceresolution.moc"
