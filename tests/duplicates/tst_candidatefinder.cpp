#include "duplicates/candidatefinder.h"
#include "duplicates/partdescriptors.h"
#include "image/perceptualhasher.h"

#include <QTest>

#include <opencv2/imgproc.hpp>

#include <random>
#include <set>

using namespace shoebox;

namespace {

// A photo-like picture: smooth random texture, different for every seed.
cv::Mat texture(unsigned seed)
{
    cv::Mat noise(6, 8, CV_8UC3);
    cv::theRNG().state = seed;
    cv::randu(noise, 0, 255);
    cv::Mat out;
    cv::resize(noise, out, cv::Size(480, 360), 0, 0, cv::INTER_CUBIC);
    cv::GaussianBlur(out, out, cv::Size(0, 0), 3);
    return out;
}

// A smooth wallpaper: two colours 60 grey levels apart across the picture at angle, with a faint soft
// light near one corner.
cv::Mat gradient(double angle)
{
    cv::Mat out(360, 480, CV_8UC3);
    const double c = std::cos(angle), s = std::sin(angle);
    for (int y = 0; y < out.rows; ++y)
        for (int x = 0; x < out.cols; ++x) {
            const double t = ((x - 240) * c + (y - 180) * s) / 300.0; // about -1..1
            const double light = 6 * std::exp(-((x - 100) * (x - 100) + (y - 90) * (y - 90)) / 8000.0);
            const double v = 110 + 32 * t + light;
            out.at<cv::Vec3b>(y, x) = cv::Vec3b(
                cv::saturate_cast<uchar>(v + 30), cv::saturate_cast<uchar>(v), cv::saturate_cast<uchar>(v - 20));
        }
    return out;
}

// A yellow disc over a fifth of the picture, placed by its centre (shares of the width and height).
cv::Mat stickered(const cv::Mat& img, double cx, double cy)
{
    cv::Mat out = img.clone();
    const int r = int(std::sqrt(0.2 * img.cols * img.rows / CV_PI));
    cv::circle(out, cv::Point(int(cx * img.cols), int(cy * img.rows)), r, cv::Scalar(30, 200, 250), cv::FILLED);
    return out;
}

PhotoSignals signalsOf(const cv::Mat& img)
{
    PhotoSignals p;
    p.gray = PerceptualHasher::compute(img).value(QStringLiteral("gray"));
    return p;
}

} // namespace

class TestCandidateFinder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void hashCandidatesMatchBruteForceOnRandomData()
    {
        std::mt19937_64 rng(42);
        QVector<PhotoSignals> photos;
        for (int i = 0; i < 3000; ++i) {
            PhotoSignals p;
            p.hasPhash = true;
            // Every third photo is a near copy of an earlier one: a few bits flipped.
            if (i % 3 == 2) {
                p.phash = photos[int(rng() % uint64_t(photos.size()))].phash;
                const int flips = int(rng() % 8);
                for (int f = 0; f < flips; ++f)
                    p.phash ^= uint64_t(1) << (rng() % 64);
            } else {
                p.phash = rng();
            }
            p.variants = { rng(), rng() };
            photos << p;
        }
        const int radius = 7;
        const auto found = CandidateFinder::byHashes(photos, radius);
        std::set<std::pair<int, int>> expected, certain; // certain: within 3 bits, always found
        for (int a = 0; a < photos.size(); ++a)
            for (int b = a + 1; b < photos.size(); ++b) {
                int d = __builtin_popcountll(photos[a].phash ^ photos[b].phash);
                for (uint64_t v : photos[b].variants)
                    d = std::min(d, __builtin_popcountll(photos[a].phash ^ v));
                for (uint64_t v : photos[a].variants)
                    d = std::min(d, __builtin_popcountll(photos[b].phash ^ v));
                if (d <= radius)
                    expected.insert({ a, b });
                if (d <= 3)
                    certain.insert({ a, b });
            }
        QVERIFY(expected.size() >= 900);
        const std::set<std::pair<int, int>> got(found.begin(), found.end());
        for (const auto& p : got)
            QVERIFY(expected.count(p)); // nothing beyond the radius
        for (const auto& p : certain)
            QVERIFY(got.count(p));
        QVERIFY2(got.size() >= expected.size() * 9 / 10,
            qPrintable(QStringLiteral("%1 of %2").arg(got.size()).arg(expected.size())));
    }

    void vectorNeighboursMatchBruteForce()
    {
        std::mt19937 rng(7);
        std::normal_distribution<float> n(0, 1);
        const int count = 500, dim = 16;
        std::vector<float> v(size_t(count * dim));
        for (int i = 0; i < count; ++i) {
            float norm = 0;
            for (int d = 0; d < dim; ++d) {
                // Pairs (2k, 2k+1) are close; everything else is random.
                float x = i % 2 ? v[size_t((i - 1) * dim + d)] + 0.05f * n(rng) : n(rng);
                v[size_t(i * dim + d)] = x;
                norm += x * x;
            }
            for (int d = 0; d < dim; ++d)
                v[size_t(i * dim + d)] /= std::sqrt(norm);
        }
        std::vector<int> owners(count);
        for (int i = 0; i < count; ++i)
            owners[size_t(i)] = i;
        const auto found = CandidateFinder::byVectors(v, owners, dim, 1, 0.95f);
        const std::set<std::pair<int, int>> got(found.begin(), found.end());
        for (int i = 0; i < count; i += 2)
            QVERIFY2(got.count({ i, i + 1 }), qPrintable(QString::number(i)));
        QVERIFY(got.size() < size_t(count)); // no flood of unrelated pairs
    }

    void burstCandidatesNeedSameCameraWithinWindow()
    {
        QVector<PhotoSignals> photos(4);
        for (int i = 0; i < 4; ++i) {
            photos[i].takenFromExif = true;
            photos[i].camera = i == 3 ? QStringLiteral("Other") : QStringLiteral("Cam");
        }
        photos[0].takenAtMs = 1'000'000;
        photos[1].takenAtMs = 1'000'400;
        photos[2].takenAtMs = 9'000'000;
        photos[3].takenAtMs = 1'000'200;
        const auto found = CandidateFinder::byCaptureTime(photos, 120'000);
        QCOMPARE(int(found.size()), 1);
        QCOMPARE(found.front(), std::make_pair(0, 1));
    }

    // A copy with a sticker is found from the windows the sticker leaves alone (two at least, or one
    // that agrees to partSingleCosine), wherever it sits off-centre; different pictures, and plain ones,
    // are not paired by their parts. (A sticker over the middle, or the middle of the top edge, touches
    // every window: not found this way.)
    void partsFindACopyUnderASticker_data()
    {
        QTest::addColumn<double>("cx");
        QTest::addColumn<double>("cy");
        QTest::newRow("bottom right") << 0.7 << 0.7;
        QTest::newRow("top left") << 0.3 << 0.3;
        QTest::newRow("bottom left") << 0.25 << 0.72;
        QTest::newRow("middle of the right edge") << 0.78 << 0.5;
        // Nearer the middle: one window left whole, found at partSingleCosine.
        QTest::newRow("one window whole, bottom") << 0.6 << 0.7;
        QTest::newRow("one window whole, diagonal") << 0.63 << 0.66;
    }
    void partsFindACopyUnderASticker()
    {
        QFETCH(double, cx);
        QFETCH(double, cy);
        QVector<PhotoSignals> photos;
        for (unsigned seed = 1; seed <= 30; ++seed)
            photos << signalsOf(texture(seed));
        photos << signalsOf(cv::Mat(360, 480, CV_8UC3, cv::Scalar(120, 130, 140))); // plain
        photos << signalsOf(cv::Mat(360, 480, CV_8UC3, cv::Scalar(121, 131, 141))); // plain, alike
        const int copy = int(photos.size());
        photos << signalsOf(stickered(texture(7), cx, cy));
        const DuplicateRules rules;
        const auto found = CandidateFinder::byParts(photos, rules);
        QVERIFY(std::find(found.begin(), found.end(), std::make_pair(6, copy)) != found.end());
        for (const auto& [a, b] : found)
            QVERIFY2(b == copy && a == 6, qPrintable(QStringLiteral("%1-%2").arg(a).arg(b)));
        QVERIFY(!PartDescriptors::hasWindow(PartDescriptors::compute(photos[30].gray), 4));
    }

    // A fine, low-contrast picture (a dark wallpaper's grain) keeps enough windows to be told apart,
    // and a stickered copy of it agrees with it at the windows beside the sticker: the cell means
    // average the noise, so no blur first takes the grain down under the detail floor.
    void fineLowContrastPicturesKeepTheirWindows_data()
    {
        QTest::addColumn<unsigned>("seed");
        for (unsigned seed : { 3u, 7u, 11u })
            QTest::newRow(qPrintable(QStringLiteral("grain %1").arg(seed))) << seed;
    }

    void fineLowContrastPicturesKeepTheirWindows()
    {
        QFETCH(unsigned, seed);
        cv::Mat original, noise(18, 24, CV_8UC3);
        cv::theRNG().state = seed;
        cv::randu(noise, 70, 155);
        cv::resize(noise, original, cv::Size(480, 360), 0, 0, cv::INTER_CUBIC);
        const QByteArray a = signalsOf(original).gray, b = signalsOf(stickered(original, 0.73, 0.67)).gray;
        const int agree = PartDescriptors::agreement(a, b, DuplicateRules().partMinCosine).windows;
        QVERIFY2(agree >= DuplicateRules().partMinWindows, qPrintable(QString::number(agree)));
    }

    // A smooth wallpaper (a soft gradient, 5-10 grey levels deep in a window of half the side) keeps
    // its windows beside a sticker, and its stickered copy is found from them; another gradient is not.
    // (Below a deviation of 10 the windows were left out: 12 of the 17 stickered copies the benchmark
    // libraries missed were never compared with their originals.)
    void smoothWallpapersKeepTheirWindows_data()
    {
        QTest::addColumn<double>("angle"); // of the gradient, radians
        for (double angle : { 0.3, 1.2, 2.5 })
            QTest::newRow(qPrintable(QStringLiteral("gradient at %1 rad").arg(angle))) << angle;
    }
    void smoothWallpapersKeepTheirWindows()
    {
        QFETCH(double, angle);
        const cv::Mat original = gradient(angle), copy = stickered(original, 0.78, 0.5);
        const QVector<PhotoSignals> photos { signalsOf(original), signalsOf(gradient(angle + 1.6)), signalsOf(copy) };
        const auto found = CandidateFinder::byParts(photos, DuplicateRules());
        QCOMPARE(found, (std::vector<std::pair<int, int>> { { 0, 2 } }));
    }

    void emptyAndSingleInputsGiveNoPairs()
    {
        QVERIFY(CandidateFinder::find({}, DuplicateRules(), CandidateFinder::Sources()).empty());
        QVector<PhotoSignals> one(1);
        QVERIFY(CandidateFinder::find(one, DuplicateRules(), CandidateFinder::Sources()).empty());
    }
};

QTEST_GUILESS_MAIN(TestCandidateFinder)
#include "tst_candidatefinder.moc"
