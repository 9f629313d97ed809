#include "preprocess.h"

#include <QTest>

using namespace shoebox;

class TestPreprocess : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void convertsBgrToRgbFloatAtModelSize();
    void acceptsGrayBgraAndSixteenBit();
    void stretchesWithoutLetterbox();
    void rejectsEmptyAndOddInput();
};

void TestPreprocess::convertsBgrToRgbFloatAtModelSize()
{
    const cv::Mat bgr(300, 500, CV_8UC3, cv::Scalar(10, 20, 200));
    const cv::Mat in = preprocessForModel(bgr, 64);
    QCOMPARE(in.type(), CV_32FC3);
    QCOMPARE(in.cols, 64);
    QCOMPARE(in.rows, 64);
    QVERIFY(in.isContinuous());
    const cv::Vec3f px = in.at<cv::Vec3f>(10, 10);
    QCOMPARE(px[0], 200.f); // R first, values stay 0..255
    QCOMPARE(px[1], 20.f);
    QCOMPARE(px[2], 10.f);
}

void TestPreprocess::acceptsGrayBgraAndSixteenBit()
{
    QCOMPARE(
        preprocessForModel(cv::Mat(20, 20, CV_8UC1, cv::Scalar(77)), 32).at<cv::Vec3f>(5, 5), cv::Vec3f(77, 77, 77));
    QCOMPARE(preprocessForModel(cv::Mat(20, 20, CV_8UC4, cv::Scalar(1, 2, 3, 0)), 32).at<cv::Vec3f>(5, 5),
        cv::Vec3f(3, 2, 1));
    QCOMPARE(preprocessForModel(cv::Mat(20, 20, CV_16UC3, cv::Scalar(0, 0, 65535)), 32).at<cv::Vec3f>(5, 5)[0], 255.f);
}

void TestPreprocess::stretchesWithoutLetterbox()
{
    // Left half black, right half white in a wide photo: after the stretch the split stays in the middle.
    cv::Mat wide(100, 400, CV_8UC3, cv::Scalar::all(0));
    wide(cv::Rect(200, 0, 200, 100)).setTo(cv::Scalar::all(255));
    const cv::Mat in = preprocessForModel(wide, 64);
    QCOMPARE(in.at<cv::Vec3f>(0, 10)[0], 0.f);
    QCOMPARE(in.at<cv::Vec3f>(63, 54)[0], 255.f); // no padding rows at the bottom
}

void TestPreprocess::rejectsEmptyAndOddInput()
{
    QVERIFY(preprocessForModel(cv::Mat(), 64).empty());
    QVERIFY(preprocessForModel(cv::Mat(10, 10, CV_8UC3), 0).empty());
    QVERIFY(preprocessForModel(cv::Mat(10, 10, CV_32FC3), 64).empty());
    QVERIFY(preprocessForModel(cv::Mat(10, 10, CV_8UC2), 64).empty());
}

QTEST_GUILESS_MAIN(TestPreprocess)
#include "tst_preprocess.moc"
