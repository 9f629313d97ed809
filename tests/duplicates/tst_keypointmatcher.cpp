#include "catalog/database.h"
#include "catalog/photostore.h"
#include "duplicates/duplicatefinder.h"
#include "duplicates/duplicatematchers.h"
#include "duplicates/duplicatesignals.h"
#include "duplicates/keypointmatcher.h"
#include "image/perceptualhasher.h"
#include "scan/scanner.h"
#include "search/similarfinder.h"
#include "support/duplicatefixture.h"
#include "support/framefixture.h"
#include "support/testlibrary.h"
#include "tags/tagstore.h"

#include <QSqlQuery>
#include <QTemporaryDir>

#include <QTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <random>

using namespace shoebox;
using namespace shoebox::test;

namespace {

// Fine texture (gravel, grass, a star field): what 24x24 thumbnails cannot align after a crop.
// Thousands of small stones with sharp edges on a noisy ground.
cv::Mat texture(int seed, int width = 900, int height = 640)
{
    std::mt19937 rng { uint32_t(seed) };
    std::uniform_int_distribution<int> grey(20, 235), x(0, width), y(0, height), r(3, 9);
    cv::Mat img(height, width, CV_8UC3, cv::Scalar::all(128));
    cv::Mat ground(height, width, CV_8UC3);
    cv::randn(ground, cv::Scalar::all(0), cv::Scalar::all(12));
    img += ground;
    for (int i = 0; i < 4000; ++i) {
        const int g = grey(rng);
        cv::circle(img, cv::Point(x(rng), y(rng)), r(rng), cv::Scalar(g, g + 10, g - 10), cv::FILLED, cv::LINE_AA);
    }
    return img;
}

cv::Mat window(const cv::Mat& img, double l, double t, double r, double b)
{
    const int x0 = int(img.cols * l), y0 = int(img.rows * t);
    return img(cv::Rect(x0, y0, int(img.cols * (1 - r)) - x0, int(img.rows * (1 - b)) - y0)).clone();
}

// Straighten-style rotation: turn about the centre, keep the largest centred rectangle.
cv::Mat turnedAndCut(const cv::Mat& img, double degrees)
{
    cv::Mat rot;
    cv::warpAffine(img, rot, cv::getRotationMatrix2D(cv::Point2f(img.cols / 2.f, img.rows / 2.f), degrees, 1.0),
        img.size(), cv::INTER_LINEAR, cv::BORDER_REFLECT);
    return window(rot, 0.06, 0.06, 0.06, 0.06);
}

SignalVerdict keypointVerdict(const cv::Mat& a, const cv::Mat& b)
{
    const PhotoSignals pa = signalsFor(a, 1, QStringLiteral("/a.jpg"), "a");
    const PhotoSignals pb = signalsFor(b, 2, QStringLiteral("/b.jpg"), "b");
    return DuplicateMatchers::keypoints(pa, pb, DuplicateRules());
}

} // namespace

class TestKeypointMatcher : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void serialisesAndReadsBack()
    {
        const QByteArray bytes = KeypointMatcher::compute(texture(1));
        const KeypointSet s = KeypointMatcher::decode(bytes);
        QVERIFY(!s.isEmpty());
        QVERIFY(int(s.points.size()) <= KeypointMatcher::kMaxPoints);
        QCOMPARE(s.descriptors.rows, int(s.points.size()));
        QCOMPARE(std::max(s.width, s.height), KeypointMatcher::kLongSide);
        for (const cv::Point2f& p : s.points)
            QVERIFY(p.x >= 0 && p.y >= 0 && p.x < s.width && p.y < s.height);
        QVERIFY(DuplicateSignals::fromImage(texture(1), QStringLiteral("/t.jpg")).keypoints);
    }

    void damagedBytesGiveNothing()
    {
        const QByteArray good = KeypointMatcher::compute(texture(2));
        QVERIFY(KeypointMatcher::decode(good.left(good.size() - 5)).isEmpty());
        QVERIFY(KeypointMatcher::decode(QByteArray("\x07garbage", 8)).isEmpty());
        QVERIFY(KeypointMatcher::decode(QByteArray()).isEmpty());
        QVERIFY(KeypointMatcher::compute(cv::Mat()).isEmpty());
        QVERIFY(!KeypointMatcher::match(KeypointSet(), KeypointMatcher::decode(good)).fitted);
        // A blank picture has no keypoints: stored, but it proves nothing.
        const KeypointSet blank
            = KeypointMatcher::decode(KeypointMatcher::compute(cv::Mat(300, 400, CV_8UC3, cv::Scalar::all(90))));
        QVERIFY(blank.isEmpty());
    }

    void cropsAndRotationsOfTextureAreNear()
    {
        const cv::Mat t = texture(3);
        const SignalVerdict crop = keypointVerdict(t, window(t, 0.08, 0.08, 0.08, 0.08));
        QVERIFY2(crop.verdict == Verdict::Near, qPrintable(crop.reason));
        const SignalVerdict side = keypointVerdict(window(t, 0.10, 0, 0, 0.10), t);
        QVERIFY2(side.verdict == Verdict::Near, qPrintable(side.reason));
    }

    void matchingIsSymmetric()
    {
        // The catalog's order of two photos must not change their verdict.
        const cv::Mat t = texture(10);
        const KeypointSet a = KeypointMatcher::decode(KeypointMatcher::compute(t));
        const KeypointSet b
            = KeypointMatcher::decode(KeypointMatcher::compute(turnedAndCut(window(t, 0.05, 0, 0, 0.05), 2.0)));
        const KeypointMatch ab = KeypointMatcher::match(a, b), ba = KeypointMatcher::match(b, a);
        QVERIFY(ab.fitted);
        QCOMPARE(ab.inliers, ba.inliers);
        QCOMPARE(ab.residual, ba.residual);
        QCOMPARE(ab.maxCrop, ba.maxCrop);
        QCOMPARE(ab.firstIsInner, !ba.firstIsInner);
        QVERIFY(!ab.firstIsInner); // the crop is the second
    }

    void overlappingCropsAndOtherTexturesAreNot()
    {
        const cv::Mat t = texture(4);
        // Each shows 60%: the same scene reframed, not an edit of one picture.
        const SignalVerdict reframed = keypointVerdict(window(t, 0, 0, 0.4, 0), window(t, 0.4, 0, 0, 0));
        QVERIFY2(reframed.verdict != Verdict::Near, qPrintable(reframed.reason));
        const SignalVerdict inside = keypointVerdict(t, window(t, 0.3, 0, 0, 0));
        QVERIFY2(inside.verdict != Verdict::Near, qPrintable(inside.reason)); // a 30% cut is no near edit
        const SignalVerdict other = keypointVerdict(t, texture(5));
        QVERIFY2(other.verdict != Verdict::Near, qPrintable(other.reason));
    }

    void stampOverPictureIsNearInPlace()
    {
        const cv::Mat t = texture(6);
        cv::Mat stamped = t.clone();
        cv::putText(stamped, "SAMPLE", cv::Point(t.cols / 5, t.rows / 2), cv::FONT_HERSHEY_SIMPLEX, 5.0,
            cv::Scalar(255, 255, 255), 18);
        const SignalVerdict v = keypointVerdict(t, stamped);
        QVERIFY2(v.verdict == Verdict::Near, qPrintable(v.reason));
        QVERIFY2(v.reason.contains(QLatin1String("in place")), qPrintable(v.reason));
    }

    void onlyAFitOverThePictureVerifiesACopy_data()
    {
        QTest::addColumn<QString>("other");
        QTest::addColumn<bool>("verified"); // near on keypoints spread over the picture
        QTest::newRow("a cut of a fifth off the top") << "cut" << true;
        QTest::newRow("another picture under the same sticker") << "sticker" << false;
        // Detail in one patch of a smooth picture (a bird in the sky), the whole picture alike where the
        // fit puts it: a copy, however small the patch.
        QTest::newRow("a copy of a smooth picture with detail in one patch") << "copy" << true;
    }

    void onlyAFitOverThePictureVerifiesACopy()
    {
        QFETCH(QString, other);
        QFETCH(bool, verified);
        // A big sticker with its own sharp detail, over a fifth of the picture, the same on both.
        const auto sticker = [](cv::Mat img) {
            const cv::Point c(img.cols * 2 / 3, img.rows * 2 / 3);
            const int r = img.rows / 4;
            cv::circle(img, c, r, cv::Scalar(40, 200, 240), cv::FILLED, cv::LINE_AA);
            for (int i = 0; i < 12; ++i)
                cv::circle(img, c + cv::Point((i % 4 - 2) * r / 3, (i / 4 - 1) * r / 3), r / 10, cv::Scalar(20, 20, 20),
                    cv::FILLED, cv::LINE_AA);
            return img;
        };
        // Two different smooth wallpapers: the sticker holds every keypoint, as on dark backgrounds.
        const auto wallpaper = [](bool across) {
            cv::Mat img(640, 900, CV_8UC3);
            for (int y = 0; y < img.rows; ++y)
                for (int x = 0; x < img.cols; ++x) {
                    const int v = across ? 40 + x * 60 / img.cols : 90 - y * 50 / img.rows;
                    img.at<cv::Vec3b>(y, x) = cv::Vec3b(uchar(v + 30), uchar(v), uchar(across ? v : v + 20));
                }
            return img;
        };
        const cv::Mat a = other == QLatin1String("cut") ? texture(7) : sticker(wallpaper(true));
        cv::Mat b = other == QLatin1String("cut") ? window(a, 0, 0.2, 0, 0) : sticker(wallpaper(false));
        if (other == QLatin1String("copy"))
            a.convertTo(b, -1, 1.0, 12); // brightened a little: not the same bytes
        const SignalVerdict v = keypointVerdict(a, b);
        QVERIFY2((v.verdict == Verdict::Near && v.spread) == verified, qPrintable(v.reason));
    }

    void keystoneOfATextureIsNearOnAPerspectiveFit_data()
    {
        QTest::addColumn<double>("fraction"); // of the width the top edge is pulled in by
        QTest::addColumn<bool>("near");
        QTest::newRow("keystone 4%") << 0.04 << true;
        QTest::newRow("keystone 6%") << 0.06 << true;
        QTest::newRow("keystone 8%") << 0.08 << true;
        QTest::newRow("keystone 20%: a different view") << 0.20 << false;
    }

    void keystoneOfATextureIsNearOnAPerspectiveFit()
    {
        QFETCH(double, fraction);
        QFETCH(bool, near);
        const cv::Mat t = texture(9);
        const SignalVerdict v = keypointVerdict(t, keystone(t, fraction));
        QVERIFY2((v.verdict == Verdict::Near) == near, qPrintable(v.reason));
        if (near)
            QVERIFY2(v.reason.contains(QLatin1String("perspective")), qPrintable(v.reason));
    }

    void realGravelCropIsNear()
    {
        const cv::Mat g = cv::imread(SHOEBOX_TEST_DATA "/skimage/gravel.png", cv::IMREAD_COLOR);
        if (g.empty())
            QSKIP("no test photos (scripts/fetch-test-photos.sh)");
        const PhotoSignals a = signalsFor(g, 1, QStringLiteral("/g.png"), "a");
        const PhotoSignals b = signalsFor(window(g, 0.06, 0.06, 0.06, 0.06), 2, QStringLiteral("/g6.png"), "b");
        // The grey thumbnails alone cannot tell (this is why keypoints exist) ...
        QVERIFY(DuplicateMatchers::aligned(a, b, DuplicateRules()).verdict != Verdict::Near);
        // ... the keypoints can.
        const PairDecision d = DuplicateMatchers::compare(a, b, DuplicateRules());
        QCOMPARE(d.level, DuplicateLevel::Near);
        QVERIFY(d.reasons.join(QLatin1Char(' ')).contains(QLatin1String("keypoint")));
        const PhotoSignals turned = signalsFor(turnedAndCut(g, 4.0), 3, QStringLiteral("/g-turned.png"), "c");
        QCOMPARE(DuplicateMatchers::compare(a, turned, DuplicateRules()).level, DuplicateLevel::Near);
    }

    // A fine texture in a frame: its thumbnails alias, so they cannot confirm where the keypoints put
    // the picture, but the fit puts it exactly inside the frame the region detector found.
    void aTextureFittedInsideItsFrameIsNear_data()
    {
        QTest::addColumn<QString>("photo");
        QTest::addColumn<QString>("framed");
        QTest::addColumn<QString>("frame");
        QTest::addColumn<bool>("near");
        QTest::newRow("grass in a black border") << "grass.png"
                                                 << "grass.png"
                                                 << "border" << true;
        QTest::newRow("grass in a mat") << "grass.png"
                                        << "grass.png"
                                        << "mat" << true;
        QTest::newRow("gravel in a black border") << "gravel.png"
                                                  << "gravel.png"
                                                  << "border" << true;
        QTest::newRow("grass against gravel in a border") << "grass.png"
                                                          << "gravel.png"
                                                          << "border" << false;
    }

    void aTextureFittedInsideItsFrameIsNear()
    {
        QFETCH(QString, photo);
        QFETCH(QString, framed);
        QFETCH(QString, frame);
        QFETCH(bool, near);
        const QString dir = QStringLiteral(SHOEBOX_TEST_DATA "/skimage/");
        const cv::Mat p = cv::imread(QString(dir + photo).toStdString(), cv::IMREAD_COLOR);
        const cv::Mat f = cv::imread(QString(dir + framed).toStdString(), cv::IMREAD_COLOR);
        if (p.empty() || f.empty())
            QSKIP("no test photos (scripts/fetch-test-photos.sh)");
        const PhotoSignals a = signalsFor(p, 1, QStringLiteral("/a.png"), "a");
        const PhotoSignals b
            = signalsFor(frame == QLatin1String("mat") ? withMat(f) : withBorder(f, 0.08, cv::Scalar()), 2,
                QStringLiteral("/b.png"), "b");
        QVERIFY(b.hasInner);
        const SignalVerdict v = DuplicateMatchers::keypoints(a, b, DuplicateRules());
        QVERIFY2((v.verdict == Verdict::Near) == near, qPrintable(v.reason));
    }

    // The engine loads keypoints only for the pairs the cheap signals leave open.
    void finderLoadsKeypointsOnlyForOpenPairs()
    {
        const cv::Mat t = texture(7);
        QVector<PhotoSignals> photos;
        photos << signalsFor(t, 1, QStringLiteral("/t.jpg"), "t")
               << signalsFor(window(t, 0.08, 0.08, 0.08, 0.08), 2, QStringLiteral("/t-crop.jpg"), "c")
               << signalsFor(syntheticPhoto(8), 3, QStringLiteral("/p.jpg"), "p")
               << signalsFor(syntheticPhoto(8), 4, QStringLiteral("/p-copy.jpg"), "q");
        // The tagger's embeddings make the texture and its crop candidates (as they do in a library).
        for (int i = 0; i < photos.size(); ++i) {
            photos[i].embedding.assign(8, 0.f);
            photos[i].embedding[size_t(i / 2)] = 1.f;
        }
        // The grey thumbnails alone do not settle this pair: only the keypoints can.
        const SignalVerdict al = DuplicateMatchers::aligned(photos[0], photos[1], DuplicateRules());
        QVERIFY2(al.verdict != Verdict::Near, qPrintable(al.reason));
        QVector<std::shared_ptr<const KeypointSet>> stored;
        for (PhotoSignals& p : photos) {
            stored << p.keypoints;
            p.keypoints.reset(); // as DuplicateSignals::load() leaves them
        }
        QVector<int> asked;
        const auto loader = [&](QVector<PhotoSignals>& all, const QVector<int>& which) {
            for (int i : which) {
                asked << i;
                all[i].keypoints = stored[i];
            }
        };
        DuplicateStats st;
        const auto groups
            = DuplicateFinder::findIn(photos, DuplicateLevel::Near, DuplicateRules(), {}, &st, nullptr, loader);
        std::sort(asked.begin(), asked.end());
        QCOMPARE(asked, QVector<int>({ 0, 1 })); // the identical pair needed none
        QStringList why;
        for (const DuplicateGroup& g : groups)
            why << g.files.join(QLatin1Char(' ')) + QStringLiteral(": ") + g.reasons.join(QStringLiteral("; "));
        PhotoSignals x = photos[0], y = photos[1];
        x.keypoints = stored[0];
        y.keypoints = stored[1];
        why << DuplicateMatchers::compare(x, y, DuplicateRules()).reasons;
        QVERIFY2(groups.size() == 2, qPrintable(why.join(QLatin1Char('\n'))));
        QVERIFY(!photos[0].keypoints); // the caller's copy is untouched
        // Without keypoints the texture crop is not found.
        QCOMPARE(DuplicateFinder::findIn(photos, DuplicateLevel::Near, DuplicateRules(), {}).size(), 1);
    }

    // "Find similar" asks for the keypoints of its few candidates too.
    void similarSearchUsesKeypoints()
    {
        const cv::Mat t = texture(7);
        QVector<PhotoSignals> photos;
        photos << signalsFor(window(t, 0.08, 0.08, 0.08, 0.08), 1, QStringLiteral("/t-crop.jpg"), "c")
               << signalsFor(syntheticPhoto(8), 2, QStringLiteral("/p.jpg"), "p");
        photos[0].embedding = { 1.f, 0.f };
        photos[1].embedding = { 0.f, 1.f };
        const auto stored = photos[0].keypoints;
        photos[0].keypoints.reset();
        PhotoSignals query = signalsFor(t, 0, QStringLiteral("/outside.jpg"), "q");
        query.embedding = { 1.f, 0.f };
        const auto without = SimilarFinder::rank(query, photos, DuplicateRules(), 5);
        QVERIFY(!without.isEmpty());
        QVERIFY(without.front().level != DuplicateLevel::Near);
        const auto with = SimilarFinder::rank(
            query, photos, DuplicateRules(), 5, [&stored](QVector<PhotoSignals>& all, const QVector<int>& which) {
                for (int i : which)
                    if (all[i].id == 1)
                        all[i].keypoints = stored;
            });
        QCOMPARE(with.front().id, qint64(1));
        QCOMPARE(with.front().level, DuplicateLevel::Near);
    }

    // In a library the keypoints are computed the first time a pair needs them (from the cached
    // thumbnail or the file) and kept in the catalog for the next run.
    void catalogComputesKeypointsOnceAndKeepsThem()
    {
        const cv::Mat t = cv::imread(SHOEBOX_TEST_DATA "/skimage/gravel.png", cv::IMREAD_COLOR);
        if (t.empty())
            QSKIP("no test photos (scripts/fetch-test-photos.sh)");
        const TestLibrary dir(QStringLiteral("lib.db")); // the photos go in the library's folder
        QVERIFY2(dir.isOpen(), qPrintable(dir.error()));
        const QString lib = dir.path();
        QVERIFY(
            cv::imwrite(dir.filePath(QStringLiteral("stones.jpg")).toStdString(), t, { cv::IMWRITE_JPEG_QUALITY, 95 }));
        QVERIFY(cv::imwrite(dir.filePath(QStringLiteral("stones-crop.jpg")).toStdString(),
            window(t, 0.06, 0.06, 0.06, 0.06), { cv::IMWRITE_JPEG_QUALITY, 90 }));
        Scanner scanner(lib);
        scanner.setWriteThumbnails(false); // no thumbnail: the file itself is read
        QCOMPARE(scanner.scan({ QFile::encodeName(dir.folder()) }).totals.added, qint64(2));
        auto stored = [&lib] {
            QSqlQuery q(Database::connection(lib));
            q.exec(QStringLiteral("SELECT COUNT(*) FROM hashes WHERE kind = 'keypoints'"));
            return q.next() ? q.value(0).toInt() : -1;
        };
        QCOMPARE(stored(), 0); // the scan does not spend time on them
        // The tagger's embeddings make the pair a candidate, as in a tagged library.
        QList<TagResult> tagged;
        for (const char* name : { "stones.jpg", "stones-crop.jpg" }) {
            TagResult r;
            r.photoId = PhotoStore(lib).photoByPath(QFile::encodeName(dir.filePath(QLatin1String(name))))->id;
            r.analysis.embedding = { 0.6f, 0.8f, 0.f, 0.f };
            tagged << r;
        }
        QVERIFY(TagStore(lib).storeResults(QStringLiteral("test-model"), tagged));
        DuplicateFinder first(lib);
        const auto groups = first.find(DuplicateLevel::Near);
        QCOMPARE(first.stats().keypointsLoaded, 2);
        QVector<PhotoSignals> sig = DuplicateSignals(lib).load();
        DuplicateSignals(lib).loadKeypoints(sig, { 0, 1 });
        QString why = DuplicateMatchers::compare(sig[0], sig[1], DuplicateRules()).reasons.join(QLatin1Char(' '));
        if (sig[0].keypoints && sig[1].keypoints) {
            const KeypointMatch m = KeypointMatcher::match(*sig[0].keypoints, *sig[1].keypoints);
            why += QStringLiteral(" | %1 share %2 cover %3 crop %4 over %5 deg %6")
                       .arg(m.describe())
                       .arg(m.inlierShare)
                       .arg(m.coverage)
                       .arg(m.maxCrop)
                       .arg(m.overflow)
                       .arg(m.degrees);
        }
        QVERIFY2(groups.size() == 1, qPrintable(why));
        QVERIFY2(groups.front().reasons.join(QLatin1Char(' ')).contains(QLatin1String("keypoint")),
            qPrintable(groups.front().reasons.join(QLatin1Char(' '))));
        QCOMPARE(stored(), 2);
        // The next run reads them back, even with the files gone.
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("stones.jpg"))));
        DuplicateFinder second(lib);
        QCOMPARE(second.find(DuplicateLevel::Near).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestKeypointMatcher)
#include "tst_keypointmatcher.moc"
