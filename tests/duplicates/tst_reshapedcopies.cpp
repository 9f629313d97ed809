#include "duplicates/duplicatematchers.h"
#include "support/duplicatefixture.h"

#include <QTest>

#include <opencv2/imgproc.hpp>

using namespace shoebox;
using namespace shoebox::test;

Q_DECLARE_METATYPE(cv::Mat)

namespace {

cv::Mat cut(const cv::Mat& img, double l, double t, double r, double b)
{
    const int x0 = int(img.cols * l), y0 = int(img.rows * t);
    return img(cv::Rect(x0, y0, int(img.cols * (1 - r)) - x0, int(img.rows * (1 - b)) - y0)).clone();
}

cv::Mat stretched(const cv::Mat& img, double fx, double fy)
{
    cv::Mat out;
    cv::resize(img, out, cv::Size(), fx, fy, cv::INTER_AREA);
    return out;
}

// Straightened: turned about the centre, then cut to the largest upright rectangle.
cv::Mat straightened(const cv::Mat& img, double degrees)
{
    const double w = img.cols, h = img.rows, a = std::abs(degrees) * CV_PI / 180.0;
    const double k = std::min(w / (w * std::cos(a) + h * std::sin(a)), h / (w * std::sin(a) + h * std::cos(a)));
    cv::Mat rot;
    cv::warpAffine(img, rot, cv::getRotationMatrix2D(cv::Point2f(float(w / 2), float(h / 2)), degrees, 1.0), img.size(),
        cv::INTER_LINEAR, cv::BORDER_REFLECT);
    return cut(rot, (1 - k) / 2, (1 - k) / 2, (1 - k) / 2, (1 - k) / 2);
}

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

PhotoSignals photoOf(const cv::Mat& img, qint64 id)
{
    return signalsFor(img, id, QStringLiteral("/r%1.jpg").arg(id), QByteArray::number(id));
}

QString describe(const PairDecision& d)
{
    return duplicateLevelName(d.level) + QLatin1String(": ") + d.reasons.join(QLatin1String("; "));
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
