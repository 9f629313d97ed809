#include "duplicates/duplicatematchers.h"
#include "support/duplicatefixture.h"
#include "support/framefixture.h"

#include <QTest>

#include <opencv2/imgproc.hpp>

using namespace shoebox;
using namespace shoebox::test;

Q_DECLARE_METATYPE(cv::Mat)

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
};

QTEST_GUILESS_MAIN(TestReshapedCopies)
#include "tst_reshapedcopies.moc"
