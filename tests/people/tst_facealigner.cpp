// FaceAligner: the similarity warp puts the keypoints on the chip template; sharpness tells blur.
#include "people/facealigner.h"

#include <QTest>

#include <opencv2/imgproc.hpp>

#include <cmath>

using namespace shoebox;

namespace {

// The template moved into a photo by a known similarity (scale s, rotation deg, shift).
std::array<QPointF, 4> placed(double s, double deg, QPointF shift)
{
    const double c = std::cos(deg * M_PI / 180.0), n = std::sin(deg * M_PI / 180.0);
    std::array<QPointF, 4> out;
    for (size_t i = 0; i < 4; ++i) {
        const cv::Point2f t = FaceAligner::chipTemplate()[i];
        out[i] = QPointF(s * (c * t.x - n * t.y), s * (n * t.x + c * t.y)) + shift;
    }
    return out;
}

} // namespace

class TestFaceAligner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void putsKeypointsOnTheTemplate_data();
    void putsKeypointsOnTheTemplate();
    void drawnEyesLandOnTheTemplate();
    void degeneratePointsGiveNoChip();
    void blurLowersSharpness();
};

void TestFaceAligner::putsKeypointsOnTheTemplate_data()
{
    QTest::addColumn<double>("scale");
    QTest::addColumn<double>("degrees");
    QTest::newRow("larger, upright") << 2.5 << 0.0;
    QTest::newRow("tilted 25 degrees") << 1.7 << 25.0;
    QTest::newRow("smaller, tilted the other way") << 0.6 << -40.0;
}

void TestFaceAligner::putsKeypointsOnTheTemplate()
{
    QFETCH(double, scale);
    QFETCH(double, degrees);
    const cv::Mat photo(800, 800, CV_8UC3, cv::Scalar(40, 80, 120));
    cv::Mat m;
    const cv::Mat chip = FaceAligner::align(photo, placed(scale, degrees, QPointF(300, 250)), &m);
    QCOMPARE(chip.rows, FaceAligner::kChipSize);
    QCOMPARE(chip.cols, FaceAligner::kChipSize);
    QCOMPARE(chip.type(), photo.type());
    const auto pts = placed(scale, degrees, QPointF(300, 250));
    for (size_t i = 0; i < 4; ++i) {
        const double x = m.at<double>(0, 0) * pts[i].x() + m.at<double>(0, 1) * pts[i].y() + m.at<double>(0, 2);
        const double y = m.at<double>(1, 0) * pts[i].x() + m.at<double>(1, 1) * pts[i].y() + m.at<double>(1, 2);
        QVERIFY2(std::hypot(x - FaceAligner::chipTemplate()[i].x, y - FaceAligner::chipTemplate()[i].y) < 0.05,
            qPrintable(QStringLiteral("point %1 lands at %2,%3").arg(i).arg(x).arg(y)));
    }
}

void TestFaceAligner::drawnEyesLandOnTheTemplate()
{
    // Two bright dots where the eyes are in a rotated, enlarged face; on the chip they are found at
    // the template's eye positions.
    cv::Mat photo(600, 600, CV_8UC1, cv::Scalar(0));
    const auto pts = placed(2.0, 30.0, QPointF(250, 60));
    for (size_t i = 0; i < 2; ++i)
        cv::circle(
            photo, cv::Point(int(std::lround(pts[i].x())), int(std::lround(pts[i].y()))), 6, cv::Scalar(255), -1);
    const cv::Mat chip = FaceAligner::align(photo, pts);
    QVERIFY(!chip.empty());
    for (size_t i = 0; i < 2; ++i) {
        const cv::Point2f t = FaceAligner::chipTemplate()[i];
        const cv::Rect around(int(t.x) - 10, int(t.y) - 10, 20, 20);
        const cv::Moments mo = cv::moments(chip(around), false);
        QVERIFY(mo.m00 > 0);
        const double cx = around.x + mo.m10 / mo.m00, cy = around.y + mo.m01 / mo.m00;
        QVERIFY2(
            std::hypot(cx - t.x, cy - t.y) < 1.0, qPrintable(QStringLiteral("eye %1 at %2,%3").arg(i).arg(cx).arg(cy)));
    }
}

void TestFaceAligner::degeneratePointsGiveNoChip()
{
    const cv::Mat photo(100, 100, CV_8UC3, cv::Scalar(0, 0, 0));
    const QPointF p(50, 50);
    QVERIFY(FaceAligner::align(photo, { p, p, p, p }).empty());
    QVERIFY(FaceAligner::align(cv::Mat(), placed(1, 0, QPointF())).empty());
    const double nan = std::nan("");
    QVERIFY(FaceAligner::align(photo, { QPointF(nan, 1), QPointF(2, 2), QPointF(3, 3), QPointF(4, 4) }).empty());
}

void TestFaceAligner::blurLowersSharpness()
{
    cv::Mat chip(150, 150, CV_8UC3);
    cv::randu(chip, cv::Scalar::all(0), cv::Scalar::all(255));
    cv::Mat blurred;
    cv::GaussianBlur(chip, blurred, cv::Size(0, 0), 3.0);
    const float sharp = FaceAligner::sharpness(chip), soft = FaceAligner::sharpness(blurred);
    QVERIFY2(sharp > 20 * soft, qPrintable(QStringLiteral("%1 vs %2").arg(sharp).arg(soft)));
    QCOMPARE(FaceAligner::sharpness(cv::Mat(150, 150, CV_8UC3, cv::Scalar(7, 7, 7))), 0.f);
    QCOMPARE(FaceAligner::sharpness(cv::Mat()), 0.f);
}

QTEST_GUILESS_MAIN(TestFaceAligner)
#include "tst_facealigner.moc"
