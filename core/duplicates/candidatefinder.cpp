#include "duplicates/candidatefinder.h"

#include "duplicates/partdescriptors.h"
#include "duplicates/thumbaligner.h"

#include <QElapsedTimer>
#include <QHash>

#include <faiss/IndexFlat.h>
#include <faiss/IndexHNSW.h>

#include <algorithm>

namespace shoebox {

namespace {

// Above this many vectors the exact inner-product scan gives way to an HNSW graph.
constexpr size_t kFlatLimit = 20000;
constexpr int kHashTables = 8;

void addPair(std::vector<std::pair<int, int>>& out, int a, int b)
{
    if (a == b)
        return;
    out.emplace_back(std::min(a, b), std::max(a, b));
}

void dedupe(std::vector<std::pair<int, int>>& v)
{
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

// Hashes and the photo each belongs to.
struct HashCodes {
    std::vector<uint64_t> hash;
    std::vector<int> owner;
    void add(uint64_t h, int photo) { hash.push_back(h), owner.push_back(photo); }
};

// One table of multi-index hashing: the codes sorted by one 16-bit window of theirs (counting sort),
// copied into that order so that a bucket is one contiguous run to scan.
class WindowTable {
public:
    WindowTable(const HashCodes& codes, int shift)
        : m_shift(shift)
        , m_first(kBuckets + 1, 0)
    {
        for (uint64_t c : codes.hash)
            ++m_first[window(c) + 1];
        for (size_t b = 1; b <= kBuckets; ++b)
            m_first[b] += m_first[b - 1];
        std::vector<uint32_t> next(m_first.begin(), m_first.end() - 1);
        m_sorted.hash.resize(codes.hash.size());
        m_sorted.owner.resize(codes.hash.size());
        for (size_t k = 0; k < codes.hash.size(); ++k) {
            const uint32_t at = next[window(codes.hash[k])]++;
            m_sorted.hash[at] = codes.hash[k];
            m_sorted.owner[at] = codes.owner[k];
        }
    }

    // Adds the pairs of each query with the codes in its bucket that lie within radius bits of it.
    void pairs(const HashCodes& queries, int radius, std::vector<std::pair<int, int>>& out) const
    {
        for (size_t i = 0; i < queries.hash.size(); ++i) {
            const uint64_t q = queries.hash[i];
            const size_t w = window(q);
            for (uint32_t k = m_first[w]; k < m_first[w + 1]; ++k)
                if (__builtin_popcountll(q ^ m_sorted.hash[k]) <= radius)
                    addPair(out, queries.owner[i], m_sorted.owner[k]);
        }
    }

private:
    static constexpr size_t kBuckets = size_t(1) << 16;

    // Bits shift .. shift + 15 of v, cyclically.
    size_t window(uint64_t v) const { return size_t(((v >> m_shift) | (m_shift ? v << (64 - m_shift) : 0)) & 0xFFFF); }

    int m_shift;
    std::vector<uint32_t> m_first; // bucket b holds m_sorted[m_first[b] .. m_first[b + 1])
    HashCodes m_sorted;
};

} // namespace

std::vector<std::pair<int, int>> CandidateFinder::byHashes(const QVector<PhotoSignals>& photos, int radius)
{
    std::vector<std::pair<int, int>> out;
    // Every photo contributes its whole-picture hash and its variants to the index; queries are the
    // whole-picture hashes. So a crop of A (whole hash) finds A's matching crop variant, and A finds
    // the crop through the crop's own variants only if the crop was cropped again.
    HashCodes codes, queries;
    for (int i = 0; i < photos.size(); ++i) {
        const PhotoSignals& p = photos[i];
        if (!p.hasPhash)
            continue;
        codes.add(p.phash, i);
        for (uint64_t v : p.variants)
            codes.add(v, i);
        queries.add(p.phash, i);
        // The picture inside a frame looks for, and is found by, the whole of an unframed copy and
        // the inside of a copy in another frame.
        if (p.hasInner) {
            codes.add(p.innerPhash, i);
            queries.add(p.innerPhash, i);
        }
    }
    if (queries.owner.size() < 2)
        return out;
    // Multi-index hashing: eight tables, each keyed on a different 16-bit window of the code (bits
    // 0-15, 8-23, ..., 56-7). A pair is found when any window is identical in both codes: always
    // within 3 bits, and for 4-8 differing bits unless every window is hit (measured in
    // BENCHMARKS.md). One exact probe per table keeps a query to one bucket; flipping bits in the
    // probes (exact to 7 bits) cost 8x the time.
    for (int table = 0; table < kHashTables; ++table) {
        WindowTable(codes, table * 8).pairs(queries, radius, out);
        dedupe(out);
    }
    return out;
}

std::vector<std::pair<int, int>> CandidateFinder::byVectors(
    const std::vector<float>& vectors, const std::vector<int>& owners, int dim, int neighbours, float minCosine)
{
    std::vector<std::pair<int, int>> out;
    const size_t n = owners.size();
    if (n < 2 || dim <= 0)
        return out;
    const int k = int(std::min<size_t>(size_t(neighbours) + 1, n));
    std::vector<float> dist(n * size_t(k));
    std::vector<faiss::Index::idx_t> labels(n * size_t(k));
    if (n <= kFlatLimit) {
        faiss::IndexFlatIP index(dim);
        index.add(faiss::Index::idx_t(n), vectors.data());
        index.search(faiss::Index::idx_t(n), vectors.data(), k, dist.data(), labels.data());
    } else {
        faiss::IndexHNSWFlat index(dim, 16, faiss::METRIC_INNER_PRODUCT);
        index.hnsw.efConstruction = 40;
        index.hnsw.efSearch = 32;
        index.add(faiss::Index::idx_t(n), vectors.data());
        index.search(faiss::Index::idx_t(n), vectors.data(), k, dist.data(), labels.data());
    }
    for (size_t q = 0; q < n; ++q)
        for (int j = 0; j < k; ++j) {
            const auto l = labels[q * size_t(k) + size_t(j)];
            if (l >= 0 && size_t(l) != q && dist[q * size_t(k) + size_t(j)] >= minCosine)
                addPair(out, owners[q], owners[size_t(l)]);
        }
    dedupe(out);
    return out;
}

std::vector<std::pair<int, int>> CandidateFinder::byParts(
    const QVector<PhotoSignals>& photos, const DuplicateRules& rules)
{
    const int bucketLimit = rules.partBucketLimit;
    const float minCosine = rules.partMinCosine;
    std::vector<std::vector<float>> parts(size_t(photos.size()));
    for (int i = 0; i < photos.size(); ++i)
        parts[size_t(i)] = PartDescriptors::compute(photos[i].gray);
    // Linear, not quadratic: each window's descriptor is bucketed by its 16 signs, and looked up
    // with its two least certain signs flipped too (JPEG noise flips those). A bucket holding more
    // than bucketLimit pictures is a pattern many share (a texture, a gradient): no evidence.
    QHash<quint32, std::vector<int>> buckets;
    const auto key = [](int w, quint32 code) { return (quint32(w) << 16) | code; };
    for (int i = 0; i < photos.size(); ++i)
        for (int w = 0; w < PartDescriptors::kWindows; ++w)
            if (PartDescriptors::hasWindow(parts[size_t(i)], w))
                buckets[key(w, PartDescriptors::signs(parts[size_t(i)], w))].push_back(i);
    std::vector<std::pair<int, int>> each; // one entry per window position a pair shares
    for (int i = 0; i < photos.size(); ++i)
        for (int w = 0; w < PartDescriptors::kWindows; ++w) {
            if (!PartDescriptors::hasWindow(parts[size_t(i)], w))
                continue;
            std::vector<int> seen;
            for (quint32 code : PartDescriptors::probes(parts[size_t(i)], w)) {
                const auto it = buckets.constFind(key(w, code));
                if (it == buckets.constEnd() || it->size() > size_t(bucketLimit))
                    continue;
                for (int j : *it)
                    if (j > i && PartDescriptors::cosine(parts[size_t(i)], parts[size_t(j)], w) >= minCosine)
                        seen.push_back(j);
            }
            std::sort(seen.begin(), seen.end());
            seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
            for (int j : seen)
                each.emplace_back(i, j);
        }
    std::sort(each.begin(), each.end());
    each.erase(std::unique(each.begin(), each.end()), each.end());
    // A pair met in one bucket is counted over every window: JPEG can flip more signs of another
    // window than the probes try.
    std::vector<std::pair<int, int>> out;
    for (const auto& [i, j] : each) {
        const PartDescriptors::Agreement g = PartDescriptors::agreement(parts[size_t(i)], parts[size_t(j)], minCosine);
        if (rules.partsAgree(g.windows, g.best))
            out.emplace_back(i, j);
    }
    return out;
}

std::vector<std::pair<int, int>> CandidateFinder::byCaptureTime(const QVector<PhotoSignals>& photos, qint64 windowMs)
{
    // Sort once by (camera, time) and pair neighbours inside the window: linear after the sort.
    std::vector<int> order;
    for (int i = 0; i < photos.size(); ++i)
        if (photos[i].takenFromExif && photos[i].takenAtMs >= 0 && !photos[i].camera.isEmpty())
            order.push_back(i);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        if (photos[a].camera != photos[b].camera)
            return photos[a].camera < photos[b].camera;
        return photos[a].takenAtMs < photos[b].takenAtMs;
    });
    std::vector<std::pair<int, int>> out;
    for (size_t i = 0; i < order.size(); ++i)
        for (size_t j = i + 1; j < order.size() && j <= i + 8; ++j) {
            const PhotoSignals& a = photos[order[i]];
            const PhotoSignals& b = photos[order[j]];
            if (a.camera != b.camera || b.takenAtMs - a.takenAtMs > windowMs)
                break;
            addPair(out, order[i], order[j]);
        }
    dedupe(out);
    return out;
}

std::vector<std::pair<int, int>> CandidateFinder::find(
    const QVector<PhotoSignals>& photos, const DuplicateRules& rules, const Sources& sources, CandidateStats* stats)
{
    QElapsedTimer timer;
    timer.start();
    CandidateStats st;
    std::vector<std::pair<int, int>> all;
    if (sources.hashes) {
        auto h = byHashes(photos, rules.candidateRadius);
        st.fromHashes = h.size();
        all.insert(all.end(), h.begin(), h.end());
    }
    if (sources.descriptors && rules.descriptorNeighbours > 0 && photos.size() <= rules.descriptorMaxPhotos) {
        std::vector<float> vectors;
        std::vector<int> owners;
        for (int i = 0; i < photos.size(); ++i) {
            for (const QByteArray* gray : { &photos[i].gray, &photos[i].innerGray }) {
                const auto d = ThumbAligner::descriptor(*gray);
                if (d.size() != 64)
                    continue;
                vectors.insert(vectors.end(), d.begin(), d.end());
                owners.push_back(i);
            }
        }
        auto v = byVectors(vectors, owners, 64, rules.descriptorNeighbours, rules.descriptorMinCosine);
        st.fromDescriptors = v.size();
        all.insert(all.end(), v.begin(), v.end());
        if (rules.partBucketLimit > 0) {
            auto p = byParts(photos, rules);
            st.fromParts = p.size();
            all.insert(all.end(), p.begin(), p.end());
        }
    }
    if (sources.embeddings && rules.embeddingNeighbours > 0) {
        std::vector<float> vectors;
        std::vector<int> owners;
        size_t dim = 0;
        for (int i = 0; i < photos.size(); ++i) {
            const auto& e = photos[i].embedding;
            if (e.empty() || (dim && e.size() != dim))
                continue;
            dim = e.size();
            vectors.insert(vectors.end(), e.begin(), e.end());
            owners.push_back(i);
        }
        auto v = byVectors(vectors, owners, int(dim), rules.embeddingNeighbours, rules.embeddingMinCosine);
        st.fromEmbeddings = v.size();
        all.insert(all.end(), v.begin(), v.end());
    }
    if (sources.captureTime) {
        auto t = byCaptureTime(photos, rules.burstWindowMs);
        st.fromTime = t.size();
        all.insert(all.end(), t.begin(), t.end());
    }
    dedupe(all);
    st.total = all.size();
    st.seconds = timer.nsecsElapsed() / 1e9;
    if (stats)
        *stats = st;
    return all;
}

} // namespace shoebox
