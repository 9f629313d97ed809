#include "duplicates/duplicatefinder.h"
#include "duplicates/reframings.h"
#include "support/duplicatefixture.h"

#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

using namespace shoebox;
using namespace shoebox::test;

namespace {

// A near-empty picture under film grain, a wallpaper of the benchmark's kind: a smooth diagonal
// gradient from pink to violet and one pale shape along the right edge, its every window alike at the
// catalog's 24 px.
cv::Mat grainy()
{
    cv::Mat img(1000, 1600, CV_32FC3);
    for (int y = 0; y < img.rows; ++y)
        for (int x = 0; x < img.cols; ++x) {
            const float t = (x + 0.5f * y) / (img.cols + 0.5f * img.rows);
            img.at<cv::Vec3f>(y, x) = cv::Vec3f(150 + 60 * t, 70 - 10 * t, 230 - 90 * t);
        }
    std::vector<cv::Point> shape;
    for (int y = 0; y <= img.rows; y += 50)
        shape.emplace_back(int(1250 + 90 * std::sin(y / 260.0) + 0.12 * y), y);
    shape.emplace_back(img.cols, img.rows);
    shape.emplace_back(img.cols, 0);
    cv::fillPoly(img, std::vector<std::vector<cv::Point>> { shape }, cv::Scalar(250, 240, 248), cv::LINE_AA);
    cv::Mat grain(img.size(), CV_32FC3);
    cv::theRNG().state = 7;
    cv::randn(grain, 0, 22);
    img += grain;
    img.convertTo(img, CV_8UC3);
    return img;
}

// The picture with these shares cut off its left, top, right and bottom.
cv::Mat cut(const cv::Mat& img, double l, double t, double r, double b)
{
    const int x0 = int(img.cols * l), y0 = int(img.rows * t);
    return img(cv::Rect(x0, y0, int(img.cols * (1 - r)) - x0, int(img.rows * (1 - b)) - y0)).clone();
}

// Plain bands above and below: a photo padded to another shape.
cv::Mat padded(const cv::Mat& img)
{
    cv::Mat out;
    const int band = img.rows / 6;
    cv::copyMakeBorder(img, out, band, band, 0, 0, cv::BORDER_CONSTANT, cv::Scalar(250, 250, 250));
    return out;
}

} // namespace

class TestReframings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void reframing_data();
    void reframing();
    void editCut_data();
    void editCut();
    void finderKeepsReframingApart();
};

void TestReframings::reframing_data()
{
    QTest::addColumn<cv::Mat>("first");
    QTest::addColumn<cv::Mat>("second");
    QTest::addColumn<bool>("reframed");
    const cv::Mat empty = grainy(), photo = syntheticPhoto(3, 960, 720);
    QTest::newRow("near-empty, the frame moved a quarter") << empty << cut(empty, 0.25, 0.05, 0, 0.05) << true;
    QTest::newRow("near-empty, a fifth cut off one side") << empty << cut(empty, 0, 0, 0.2, 0) << false;
    QTest::newRow("near-empty, a tenth cut all round") << empty << cut(empty, 0.1, 0.1, 0.1, 0.1) << false;
    QTest::newRow("near-empty, resized") << empty << half(empty) << false;
    QTest::newRow("near-empty, padded") << empty << padded(empty) << false;
    QTest::newRow("near-empty, the same picture") << empty << empty.clone() << false;
    QTest::newRow("a photo, the frame moved a quarter") << photo << cut(photo, 0.25, 0.05, 0, 0.05) << true;
    QTest::newRow("a photo, cut 8% all round") << photo << cut(photo, 0.08, 0.08, 0.08, 0.08) << false;
    QTest::newRow("two photos") << photo << syntheticPhoto(4, 960, 720) << false;
}

void TestReframings::reframing()
{
    QFETCH(cv::Mat, first);
    QFETCH(cv::Mat, second);
    QFETCH(bool, reframed);
    const DuplicateRules r;
    const cv::Mat a = largeGray(first), b = largeGray(second);
    const WindowFits aInB = Reframings::search(b, a, r), bInA = Reframings::search(a, b, r);
    const auto found = Reframings::reframing(aInB, bInA, r.reframeFit, r.reframeMargin);
    QVERIFY2(found.has_value() == reframed,
        qPrintable(QStringLiteral("reframing %1 (%2/%3/%4/%5), edit %6")
                       .arg(std::max(aInB.reframing.correlation, bInA.reframing.correlation))
                       .arg(bInA.reframing.left)
                       .arg(bInA.reframing.top)
                       .arg(bInA.reframing.right)
                       .arg(bInA.reframing.bottom)
                       .arg(std::max(aInB.edit.correlation, bInA.edit.correlation))));
}

void TestReframings::editCut_data()
{
    QTest::addColumn<double>("left");
    QTest::addColumn<double>("top");
    QTest::addColumn<double>("right");
    QTest::addColumn<double>("bottom");
    QTest::addColumn<bool>("edit");
    QTest::newRow("the whole picture") << 0.0 << 0.0 << 0.0 << 0.0 << true;
    QTest::newRow("a tenth all round") << 0.1 << 0.1 << 0.1 << 0.1 << true;
    QTest::newRow("a quarter off one side") << 0.0 << 0.0 << 0.25 << 0.01 << true;
    QTest::newRow("padding undone, top and bottom") << 0.01 << 0.28 << 0.0 << 0.28 << true;
    QTest::newRow("a quarter off one side, a twentieth off two") << 0.25 << 0.05 << 0.0 << 0.05 << false;
    QTest::newRow("a third off one side") << 0.0 << 0.0 << 0.33 << 0.0 << false;
    QTest::newRow("a fifth off two sides") << 0.2 << 0.2 << 0.0 << 0.0 << false;
}

void TestReframings::editCut()
{
    QFETCH(double, left);
    QFETCH(double, top);
    QFETCH(double, right);
    QFETCH(double, bottom);
    QFETCH(bool, edit);
    QCOMPARE(Reframings::editCut({ 1, left, top, right, bottom }, DuplicateRules()), edit);
}

// Through the engine, from JPEG files: the pan of a near-empty picture is near its copies on the
// signals alone (checked with the rule switched off); the rule leaves it similar, and says why.
void TestReframings::finderKeepsReframingApart()
{
    QTemporaryDir dir;
    const cv::Mat original = grainy();
    const std::vector<cv::Mat> pictures { original, half(original), cut(original, 0.25, 0.05, 0, 0.05) };
    const QVector<PhotoSignals> photos = savedPhotos(dir.path(), pictures);
    QCOMPARE(photos.size(), 3);
    DuplicateRules off;
    off.reframeFit = 2; // never
    const auto without = DuplicateFinder::findIn(photos, DuplicateLevel::Near, off, {});
    QCOMPARE(without.size(), 1);
    QCOMPARE(without.front().members.size(), 3);
    const auto groups = DuplicateFinder::findIn(photos, DuplicateLevel::Near, DuplicateRules(), {});
    QCOMPARE(groups.size(), 1);
    QCOMPARE(groups.front().members.size(), 2);
    QVERIFY(!groups.front().members.contains(3));
    const QString why = similarReasons(photos);
    QVERIFY2(why.contains(QStringLiteral("a reframing, not a crop: p3.jpg shows a window of")), qPrintable(why));
}

QTEST_GUILESS_MAIN(TestReframings)
#include "tst_reframings.moc"
