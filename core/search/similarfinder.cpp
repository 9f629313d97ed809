#include "search/similarfinder.h"

#include "duplicates/duplicatematchers.h"
#include "duplicates/thumbaligner.h"

#include <faiss/IndexBinaryFlat.h>
#include <faiss/IndexFlat.h>

#include <algorithm>
#include <set>

namespace shoebox {

namespace {

bool isQuery(const PhotoSignals& q, const PhotoSignals& p)
{
    return (q.id > 0 && q.id == p.id) || (!q.path.isEmpty() && q.path == p.path);
}

// Nearest photos by inner product of per-photo float vectors (embeddings or grey descriptors).
void nearestByVectors(
    const std::vector<float>& query, const QVector<PhotoSignals>& photos, bool embeddings, int k, std::set<int>* out)
{
    const size_t dim = query.size();
    if (dim == 0)
        return;
    std::vector<float> data;
    std::vector<int> owners;
    for (int i = 0; i < photos.size(); ++i) {
        const std::vector<float> v = embeddings ? photos[i].embedding : ThumbAligner::descriptor(photos[i].gray);
        if (v.size() != dim)
            continue;
        data.insert(data.end(), v.begin(), v.end());
        owners.push_back(i);
    }
    if (owners.empty())
        return;
    faiss::IndexFlatIP index { static_cast<faiss::Index::idx_t>(dim) };
    index.add(faiss::Index::idx_t(owners.size()), data.data());
    const int kk = int(std::min<size_t>(size_t(k), owners.size()));
    std::vector<float> dist(static_cast<size_t>(kk));
    std::vector<faiss::Index::idx_t> labels(static_cast<size_t>(kk));
    index.search(1, query.data(), kk, dist.data(), labels.data());
    for (auto l : labels)
        if (l >= 0)
            out->insert(owners[size_t(l)]);
}

// Nearest photos by pHash: the query's hash and variants against every photo's hash and variants.
void nearestByHashes(const PhotoSignals& query, const QVector<PhotoSignals>& photos, int k, std::set<int>* out)
{
    if (!query.hasPhash)
        return;
    std::vector<uint64_t> codes;
    std::vector<int> owners;
    for (int i = 0; i < photos.size(); ++i) {
        if (!photos[i].hasPhash)
            continue;
        codes.push_back(photos[i].phash);
        owners.push_back(i);
        for (uint64_t v : photos[i].variants) {
            codes.push_back(v);
            owners.push_back(i);
        }
    }
    if (codes.empty())
        return;
    faiss::IndexBinaryFlat index(64);
    index.add(faiss::Index::idx_t(codes.size()), reinterpret_cast<const uint8_t*>(codes.data()));
    std::vector<uint64_t> q { query.phash };
    q.insert(q.end(), query.variants.begin(), query.variants.end());
    const int kk = int(std::min<size_t>(size_t(k), codes.size()));
    std::vector<int32_t> dist(q.size() * size_t(kk));
    std::vector<faiss::Index::idx_t> labels(q.size() * size_t(kk));
    index.search(
        faiss::Index::idx_t(q.size()), reinterpret_cast<const uint8_t*>(q.data()), kk, dist.data(), labels.data());
    for (auto l : labels)
        if (l >= 0)
            out->insert(owners[size_t(l)]);
}

} // namespace

QList<SimilarMatch> SimilarFinder::rank(const PhotoSignals& query, const QVector<PhotoSignals>& photos,
    const DuplicateRules& rules, int limit, const KeypointLoader& loadKeypoints)
{
    std::set<int> candidates;
    const int k = std::max(limit, 1) * 3 + 1;
    if (!query.embedding.empty())
        nearestByVectors(query.embedding, photos, true, k, &candidates);
    if (candidates.empty()) { // untagged library: fall back to the picture signals
        nearestByHashes(query, photos, k, &candidates);
        nearestByVectors(ThumbAligner::descriptor(query.gray), photos, false, k, &candidates);
    }
    // The candidates (and the query, last) as a small copy that can take their keypoints.
    QVector<PhotoSignals> local;
    for (int i : candidates)
        if (!isQuery(query, photos[i]))
            local << photos[i];
    local << query;
    if (loadKeypoints) {
        QVector<int> need;
        for (int i = 0; i < local.size(); ++i)
            if (!local[i].keypoints)
                need << i;
        loadKeypoints(local, need);
    }
    const PhotoSignals& q = local.last();
    QList<SimilarMatch> out;
    for (int i = 0; i + 1 < local.size(); ++i) {
        const PhotoSignals& p = local[i];
        const PairDecision d = DuplicateMatchers::compare(q, p, rules);
        SimilarMatch m;
        m.id = p.id;
        m.path = p.path;
        m.level = d.level;
        m.reasons = d.reasons;
        const SignalVerdict e = DuplicateMatchers::embedding(query, p, rules);
        m.score = e.verdict != Verdict::Unknown ? e.value : DuplicateMatchers::aligned(query, p, rules).value;
        if (d.level == DuplicateLevel::Exact)
            m.score = 1.0;
        out << m;
    }
    std::stable_sort(out.begin(), out.end(), [](const SimilarMatch& a, const SimilarMatch& b) {
        if (a.level != b.level)
            return int(a.level) < int(b.level);
        return a.score > b.score;
    });
    if (out.size() > limit)
        out.erase(out.begin() + limit, out.end());
    return out;
}

} // namespace shoebox
