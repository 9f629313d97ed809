// PaddingMatcher: a picture padded to a square with a blurred copy of itself is found where the
// region detector cannot see the padding's edge (flat art), and a square crop or another picture in
// the same padding is not.
#include "duplicates/duplicatefinder.h"
#include "duplicates/duplicatematchers.h"
#include "duplicates/paddingmatcher.h"
#include "support/duplicatefixture.h"
#include "support/framefixture.h"

#include <QTest>

#include <opencv2/imgproc.hpp>

using namespace shoebox;
using namespace shoebox::test;

Q_DECLARE_METATYPE(cv::Mat)

namespace {

// Padded to a square the way most apps do it: the picture scaled to cover the square, blurred,
// behind it (the fixture's squareBlurPadded stretches it instead).
cv::Mat coverBlurPadded(const cv::Mat& img)
{
    const int side = std::max(img.cols, img.rows);
    const double s = double(side) / std::min(img.cols, img.rows);
    cv::Mat big;
    cv::resize(img, big, cv::Size(), s, s, cv::INTER_LINEAR);
    cv::Mat out = big(cv::Rect((big.cols - side) / 2, (big.rows - side) / 2, side, side)).clone();
    cv::GaussianBlur(out, out, cv::Size(), side / 30.0);
    img.copyTo(out(cv::Rect((side - img.cols) / 2, (side - img.rows) / 2, img.cols, img.rows)));
    return out;
}

} // namespace

class TestPaddingMatcher : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aPictureInItsBlurredSquareIsNear_data()
    {
        QTest::addColumn<cv::Mat>("picture");
        QTest::addColumn<cv::Mat>("square");
        QTest::addColumn<bool>("near");
        for (int seed : { 1, 2, 3 }) {
            const cv::Mat p = flatArt(seed);
            const QString s = QStringLiteral(" %1").arg(seed);
            QTest::newRow(qPrintable(QStringLiteral("stretched fill") + s)) << p << squareBlurPadded(p) << true;
            QTest::newRow(qPrintable(QStringLiteral("cover fill") + s)) << p << coverBlurPadded(p) << true;
            // The scene's middle as a square: a crop (a different framing), not padding.
            QTest::newRow(qPrintable(QStringLiteral("square crop") + s)) << p << cut(p, 0.1875, 0, 0.1875, 0) << false;
            QTest::newRow(qPrintable(QStringLiteral("moved by a third, squared") + s))
                << p << squareBlurPadded(cut(p, 0, 0, 0.33, 0)) << false;
            QTest::newRow(qPrintable(QStringLiteral("another picture in the padding") + s))
                << p << squareBlurPadded(rolled(p, true, false)) << false;
        }
    }
    void aPictureInItsBlurredSquareIsNear()
    {
        QFETCH(cv::Mat, picture);
        QFETCH(cv::Mat, square);
        QFETCH(bool, near);
        const PhotoSignals a = photoOf(picture, 1), b = photoOf(square, 2);
        const DuplicateRules r;
        const SignalVerdict v = PaddingMatcher::verdict(a, b, r);
        QVERIFY2((v.verdict == Verdict::Near) == near, qPrintable(v.reason));
        if (!near)
            return;
        QVERIFY2(v.reason.contains(QLatin1String("blurred padding")), qPrintable(v.reason));
        QVERIFY(v.padded && v.searched); // the keypoints may confirm or refute the geometry
        // Either order, and the engine's decision rests on it.
        QCOMPARE(PaddingMatcher::verdict(b, a, r).verdict, Verdict::Near);
        const PairDecision d = DuplicateMatchers::compare(a, b, r);
        QVERIFY2(d.level == DuplicateLevel::Near, qPrintable(describe(d)));
    }

    // The Find Duplicates dialog outlines what the engine compared: a padded square's band, which no
    // stored frame holds, as well as a frame's inside.
    void theGroupSaysWhatWasCompared_data()
    {
        QTest::addColumn<cv::Mat>("picture");
        QTest::addColumn<cv::Mat>("copy");
        QTest::addColumn<QString>("compared"); // the copy's, "whole" or ContentRegion::describe()
        const cv::Mat wide = flatArt(2), tall = flatArt(2).t();
        QTest::newRow("blurred square") << wide << squareBlurPadded(wide)
                                        << "frame 0%/19%/0%/19% (left/top/right/bottom)";
        QTest::newRow("blurred square, portrait picture")
            << tall << squareBlurPadded(tall) << "frame 19%/0%/19%/0% (left/top/right/bottom)";
    }
    void theGroupSaysWhatWasCompared()
    {
        QFETCH(cv::Mat, picture);
        QFETCH(cv::Mat, copy);
        QFETCH(QString, compared);
        const PhotoSignals a = photoOf(picture, 1), b = photoOf(copy, 2);
        const auto groups = DuplicateFinder::findIn({ a, b }, DuplicateLevel::Near, DuplicateRules(), {});
        QCOMPARE(groups.size(), 1);
        const DuplicateGroup& g = groups.first();
        QCOMPARE(g.compared.size(), 2);
        const auto describe
            = [](const ContentRegion& r) { return r.isWhole() ? QStringLiteral("whole") : r.describe(); };
        QCOMPARE(describe(g.compared[g.members.indexOf(2)]), compared);
        // The picture's own: its frame when one was found (flat art's sky may be taken for one).
        QCOMPARE(describe(g.compared[g.members.indexOf(1)]), describe(a.hasInner ? a.region : ContentRegion()));
    }

    void shapesThatLeaveNoPaddingDoNotFit_data()
    {
        QTest::addColumn<double>("pictureAspect");
        QTest::addColumn<double>("squareAspect");
        QTest::addColumn<double>("padding"); // a side; 0: the shapes do not fit
        QTest::newRow("16:10 in a square") << 1.6 << 1.0 << 0.1875;
        QTest::newRow("portrait 2:3 in a square") << 2.0 / 3 << 1.0 << 1.0 / 6;
        QTest::newRow("5% wider than the square") << 1.05 << 1.0 << 0.0;
        QTest::newRow("square in a square") << 1.0 << 1.0 << 0.0;
    }
    void shapesThatLeaveNoPaddingDoNotFit()
    {
        QFETCH(double, pictureAspect);
        QFETCH(double, squareAspect);
        QFETCH(double, padding);
        const PhotoSignals p = photoOf(flatArt(1), 1);
        const PaddedFit f = PaddingMatcher::fit(p.gray, pictureAspect, p.gray, squareAspect, 0.05, 2.0);
        if (padding == 0)
            QCOMPARE(f.correlation, -2.0);
        else {
            QVERIFY(f.correlation > -2);
            QVERIFY(std::abs(f.padding - padding) < 1e-9);
            QCOMPARE(f.wide, pictureAspect > squareAspect);
        }
    }
};

QTEST_GUILESS_MAIN(TestPaddingMatcher)
#include "tst_paddingmatcher.moc"
