// Scale benchmark of the duplicate engine on synthetic signatures (no images): N photos, one in five a
// near copy of another (a few pHash bits flipped, noisy grey thumbnail). Times
// DuplicateFinder::findIn at the near level (FAISS candidates, matchers, grouping) and reports the
// peak memory of the process. With --all-pairs it also times the all-pairs baseline: every pair's
// pHash distance over the variants and grey-descriptor cosine, the loop the FAISS indexes avoid.
//
//   shoebox-dupscale N [--all-pairs] [--no-descriptors] [--no-parts]
// --no-parts leaves out the part-descriptor candidates (PartDescriptors), for their cost in one run.

#include "duplicates/duplicatefinder.h"
#include "duplicates/duplicatematchers.h"
#include "duplicates/thumbaligner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThreadPool>

#include <opencv2/imgproc.hpp>

#include <sys/resource.h>

#include <cstdio>
#include <random>

using namespace shoebox;

namespace {

double peakMiB()
{
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024.0;
}

QByteArray smoothThumb(std::mt19937& rng)
{
    std::uniform_real_distribution<float> u(0, 255);
    cv::Mat small(5, 5, CV_32F);
    for (int i = 0; i < 25; ++i)
        small.at<float>(i) = u(rng);
    cv::Mat big, bytes;
    cv::resize(small, big, cv::Size(24, 24), 0, 0, cv::INTER_CUBIC);
    big.convertTo(bytes, CV_8U);
    return QByteArray(reinterpret_cast<const char*>(bytes.data), 24 * 24);
}

QVector<PhotoSignals> synthesize(int n, std::mt19937_64& rng)
{
    std::mt19937 rng32 { static_cast<uint32_t>(rng()) };
    std::normal_distribution<float> noise(0, 3);
    QVector<PhotoSignals> photos;
    photos.reserve(n);
    const int pictures = n - n / 5;
    for (int i = 0; i < n; ++i) {
        PhotoSignals p;
        p.id = i + 1;
        p.path = QStringLiteral("/synthetic/%1.jpg").arg(i);
        p.width = 4000;
        p.height = 3000;
        p.size = 3'000'000 + i;
        p.format = QStringLiteral("jpeg");
        p.contentHash = QByteArray::number(i).rightJustified(16, '0');
        p.hasPhash = true;
        if (i < pictures) {
            p.phash = rng();
            p.variants.resize(13);
            for (auto& v : p.variants)
                v = rng();
            p.gray = smoothThumb(rng32);
        } else {
            const PhotoSignals& o = photos[int(rng() % uint64_t(pictures))];
            p.phash = o.phash;
            p.variants = o.variants;
            for (int f = int(rng() % 6); f > 0; --f)
                p.phash ^= uint64_t(1) << (rng() % 64);
            p.gray = o.gray;
            for (char& c : p.gray)
                c = char(std::clamp(int(uchar(c)) + int(noise(rng32)), 0, 255));
        }
        p.detail = ThumbAligner::detail(p.gray);
        photos << p;
    }
    return photos;
}

void allPairs(const QVector<PhotoSignals>& photos, bool descriptors)
{
    QElapsedTimer t;
    t.start();
    std::vector<std::vector<float>> desc;
    if (descriptors)
        for (const auto& p : photos)
            desc.push_back(ThumbAligner::descriptor(p.gray));
    const DuplicateRules rules;
    size_t close = 0;
    for (int a = 0; a < photos.size(); ++a)
        for (int b = a + 1; b < photos.size(); ++b) {
            bool candidate = DuplicateMatchers::bestHashDistance(photos[a], photos[b]) <= rules.candidateRadius;
            if (!candidate && descriptors) {
                float dot = 0;
                for (int k = 0; k < 64; ++k)
                    dot += desc[size_t(a)][size_t(k)] * desc[size_t(b)][size_t(k)];
                candidate = dot >= rules.descriptorMinCosine;
            }
            close += candidate;
        }
    std::printf("all-pairs candidate scan: %.2f s for %lld pairs (%zu candidates), single thread\n",
        t.nsecsElapsed() / 1e9, (long long)photos.size() * (photos.size() - 1) / 2, close);
    // What deciding every pair with the matchers would cost, from a sample of 2000 pairs.
    t.restart();
    std::mt19937 rng(1);
    for (int i = 0; i < 2000; ++i)
        DuplicateMatchers::compare(
            photos[int(rng() % uint32_t(photos.size()))], photos[int(rng() % uint32_t(photos.size()))], rules);
    const double perPair = t.nsecsElapsed() / 1e9 / 2000;
    std::printf("all-pairs with the matchers: %.1f us per pair -> %.0f s estimated for every pair\n", perPair * 1e6,
        perPair * double(photos.size()) * (photos.size() - 1) / 2);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int n = args.value(1).toInt();
    if (n < 2) {
        std::fprintf(stderr, "usage: shoebox-dupscale N [--all-pairs] [--no-descriptors] [--no-parts]\n");
        return 2;
    }
    const bool descriptors = !args.contains(QStringLiteral("--no-descriptors"));
    std::mt19937_64 rng(2026);
    QElapsedTimer t;
    t.start();
    const QVector<PhotoSignals> photos = synthesize(n, rng);
    std::printf("%d synthetic photos made in %.1f s (not timed below); threads: %d\n", n, t.nsecsElapsed() / 1e9,
        QThreadPool::globalInstance()->maxThreadCount());
    DuplicateRules rules;
    if (!descriptors)
        rules.descriptorNeighbours = 0;
    if (args.contains(QStringLiteral("--no-parts")))
        rules.partBucketLimit = 0;
    DuplicateStats st;
    t.restart();
    const auto groups = DuplicateFinder::findIn(photos, DuplicateLevel::Near, rules, {}, &st);
    const double secs = t.nsecsElapsed() / 1e9;
    size_t grouped = 0;
    for (const auto& g : groups)
        grouped += size_t(g.files.size());
    std::printf(
        "near grouping: %.2f s (candidates %.2f: hashes %zu, descriptors %zu, parts %zu, total %zu; compare %.2f; "
        "group %.2f; %zu pairs compared); "
        "%d groups holding %zu photos; peak memory %.0f MiB\n",
        secs, st.secondsCandidates, st.candidates.fromHashes, st.candidates.fromDescriptors, st.candidates.fromParts,
        st.candidates.total, st.secondsCompare, st.secondsGroup, st.pairsCompared, int(groups.size()), grouped,
        peakMiB());
    if (args.contains(QStringLiteral("--all-pairs")))
        allPairs(photos, descriptors);
    return 0;
}
