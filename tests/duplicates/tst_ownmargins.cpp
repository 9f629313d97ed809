// OwnMargins: a picture's own flat margins, read as frames of different sizes on two copies, do not
// make the copies two pictures; a frame around two different pictures still does.
#include "duplicates/duplicatefinder.h"
#include "duplicates/duplicatematchers.h"
#include "duplicates/keypointmatcher.h"
#include "image/contentregion.h"
#include "support/duplicatefixture.h"
#include "support/framefixture.h"

#include <QTest>

#include <opencv2/imgproc.hpp>

using namespace shoebox;
using namespace shoebox::test;

namespace {

// Pieces of a photo scattered over a white table, as playing cards lie: the detector may end the
// "frame" at a different card on every copy.
// With another seed from the third card on, the first two lie as they were (a rearranged table).
cv::Mat cardsOnWhite(int seed, int laterSeed = 0)
{
    cv::Mat table(360, 480, CV_8UC3, cv::Scalar(250, 250, 250));
    const cv::Rect cards[]
        = { { 70, 30, 110, 150 }, { 300, 20, 110, 150 }, { 300, 190, 110, 150 }, { 70, 200, 110, 150 } };
    for (int i = 0; i < 4; ++i)
        syntheticPhoto(i >= 2 && laterSeed ? laterSeed : seed)(cards[i]).copyTo(table(cards[i]));
    return table;
}

// A photo whose frame the detector read as region (fractions cut off each side), with the inside's
// signals as the scan stores them; keypoints as loaded for a pair that asks for them.
PhotoSignals readAsFramed(const cv::Mat& img, qint64 id, const ContentRegion& region, bool keypoints)
{
    PhotoSignals p = photoOf(img, id);
    p.region = region;
    p.hasInner = !region.isWhole();
    if (p.hasInner) {
        const PhotoSignals inside = photoOf(img(region.in(img.cols, img.rows)).clone(), id);
        p.innerPhash = inside.phash;
        p.innerGray = inside.gray;
    }
    p.keypoints
        = keypoints ? std::make_shared<KeypointSet>(KeypointMatcher::decode(KeypointMatcher::compute(img))) : nullptr;
    return p;
}

ContentRegion sides(double l, double t, double r, double b)
{
    ContentRegion g;
    g.left = l, g.top = t, g.right = r, g.bottom = b;
    return g;
}

} // namespace

Q_DECLARE_METATYPE(cv::Mat)
Q_DECLARE_METATYPE(shoebox::ContentRegion)

class TestOwnMargins : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ownMarginsAreNoFrame_data()
    {
        QTest::addColumn<ContentRegion>("firstRegion"); // of cardsOnWhite(5), the first photo
        QTest::addColumn<cv::Mat>("second");
        QTest::addColumn<ContentRegion>("secondRegion");
        QTest::addColumn<bool>("keypoints");
        QTest::addColumn<bool>("near");
        QTest::addColumn<QString>("says");
        const cv::Mat cards = cardsOnWhite(5);
        const ContentRegion first = sides(0.14, 0.0, 0.14, 0.17), other = sides(0.0, 0.16, 0.21, 0.17);
        // A "frame" deep enough that its inside, a window the thumbnails cannot reach, is all that counts.
        const ContentRegion deep = sides(0.30, 0.0, 0.0, 0.30);
        cv::Mat brighter;
        cards.convertTo(brighter, -1, 1.0, 30);
        cv::Mat smaller;
        cv::resize(cards, smaller, {}, 0.75, 0.75, cv::INTER_AREA);
        QTest::newRow("a copy at three quarters the size, its margins read otherwise")
            << first << smaller << other << true << true << QStringLiteral("the picture's own margins");
        QTest::newRow("a brighter copy, its margins read otherwise")
            << first << brighter << other << true << true << QStringLiteral("the picture's own margins");
        QTest::newRow("a copy whose margins read alike: the insides compare as they are")
            << first << half(cards) << sides(0.14, 0.0, 0.14, 0.17) << true << true
            << QStringLiteral("both frames stripped");
        QTest::newRow("a brighter copy on which no frame was found")
            << deep << brighter << ContentRegion() << true << true << QStringLiteral("the picture's own margins");
        QTest::newRow("a brighter copy on which no frame was found, before its keypoints are loaded")
            << deep << brighter << ContentRegion() << false << false << QStringLiteral("frames alike, pictures differ");
        QTest::newRow("other cards on the table") << first << cardsOnWhite(6) << other << true << false << QString();
        QTest::newRow("two of the cards swapped for others")
            << first << cardsOnWhite(5, 7) << other << true << false << QStringLiteral("inside the frame");
        QTest::newRow("a copy before its keypoints are loaded")
            << first << half(cards) << other << false << false << QStringLiteral("inside the frame");
    }

    void ownMarginsAreNoFrame()
    {
        QFETCH(ContentRegion, firstRegion);
        QFETCH(cv::Mat, second);
        QFETCH(ContentRegion, secondRegion);
        QFETCH(bool, keypoints);
        QFETCH(bool, near);
        QFETCH(QString, says);
        const PhotoSignals a = readAsFramed(cardsOnWhite(5), 1, firstRegion, keypoints);
        const PhotoSignals b = readAsFramed(second, 2, secondRegion, keypoints);
        const PairDecision d = DuplicateMatchers::compare(a, b, DuplicateRules());
        QVERIFY2((d.level == DuplicateLevel::Near) == near, qPrintable(describe(d)));
        QVERIFY2(d.reasons.join(QLatin1Char(' ')).contains(says), qPrintable(describe(d)));
        if (!keypoints)
            QVERIFY2(d.verifiable, "a pair whose frames differ asks for its keypoints");
    }

    void theOriginalStaysTheKeeper_data()
    {
        // A brighter copy on which no frame was found, widened by this factor: of the original's shape, it
        // says the original's margins are the picture's; of another shape it may be the other way round
        // (a border or mat around a copy changes the shape a little), and the largest unframed photo wins.
        QTest::addColumn<double>("widened");
        QTest::addColumn<int>("keeper");
        QTest::newRow("beside a brighter copy of its shape") << 1.0 << 0;
        QTest::newRow("beside a brighter copy 5% wider") << 1.05 << 2;
    }

    void theOriginalStaysTheKeeper()
    {
        // The original's margins read as a frame, a brighter re-save's not: the keeper rules would
        // prefer the unframed copy, but the original's "frame" proved to be its own margins.
        QFETCH(double, widened);
        QFETCH(int, keeper);
        const cv::Mat cards = cardsOnWhite(5);
        cv::Mat brighter, smaller;
        cv::resize(cards, brighter, {}, widened, 1.0, cv::INTER_AREA);
        brighter.convertTo(brighter, -1, 1.0, 30);
        cv::resize(cards, smaller, {}, 0.75, 0.75, cv::INTER_AREA);
        QVector<PhotoSignals> photos { readAsFramed(cards, 1, sides(0.14, 0.0, 0.14, 0.17), true),
            readAsFramed(smaller, 2, sides(0.0, 0.16, 0.21, 0.17), true) };
        photos[0].jpegQuality = 95;
        photos[1].jpegQuality = 90;
        photos << readAsFramed(brighter, 3, ContentRegion(), true);
        photos[2].jpegQuality = 90;
        const auto groups = DuplicateFinder::findIn(photos, DuplicateLevel::Near, DuplicateRules(), {});
        QCOMPARE(groups.size(), 1);
        QCOMPARE(groups.front().members.size(), photos.size());
        QVERIFY2(groups.front().members[groups.front().keeper] == photos[keeper].id,
            qPrintable(groups.front().keeperReason));
    }

    void oneChromeAroundTwoPicturesStaysApart_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("dark chrome") << true;
        QTest::newRow("light chrome") << false;
    }

    void oneChromeAroundTwoPicturesStaysApart()
    {
        // A landscape and a portrait photo in one app's screen: the frames differ (the pictures' shapes
        // do) and the chrome's keypoints fit in place, but the insides do not agree where they lie.
        QFETCH(bool, dark);
        for (int seed : { 10, 20, 30 }) {
            const cv::Mat first = phoneScreenshot(syntheticPhoto(seed), dark);
            const cv::Mat second = phoneScreenshot(syntheticPhoto(seed + 1, 360, 480), dark);
            const PhotoSignals a = readAsFramed(first, 1, ContentRegionDetector::detect(first), true);
            const PhotoSignals b = readAsFramed(second, 2, ContentRegionDetector::detect(second), true);
            QVERIFY(a.hasInner && b.hasInner);
            const PairDecision d = DuplicateMatchers::compare(a, b, DuplicateRules());
            QVERIFY2(d.level == DuplicateLevel::None, qPrintable(describe(d)));
        }
    }
};

QTEST_GUILESS_MAIN(TestOwnMargins)
#include "tst_ownmargins.moc"
