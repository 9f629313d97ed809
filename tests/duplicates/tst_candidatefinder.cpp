#include "duplicates/candidatefinder.h"

#include <QTest>

#include <random>
#include <set>

using namespace shoebox;

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

    void emptyAndSingleInputsGiveNoPairs()
    {
        QVERIFY(CandidateFinder::find({}, DuplicateRules(), CandidateFinder::Sources()).empty());
        QVector<PhotoSignals> one(1);
        QVERIFY(CandidateFinder::find(one, DuplicateRules(), CandidateFinder::Sources()).empty());
    }
};

QTEST_GUILESS_MAIN(TestCandidateFinder)
#include "tst_candidatefinder.moc"
