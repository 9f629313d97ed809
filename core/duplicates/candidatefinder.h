#pragma once
// Finds the pairs of photos worth comparing, never by looking at all pairs: FAISS indexes over the
// binary pHashes (every photo's hash against every crop/rotation variant of the others), over the
// grey-thumbnail descriptors and, when photos have them, over the embeddings; sign buckets over the
// part descriptors (PartDescriptors). Blocks; call it from a worker thread. FAISS may use several
// threads (OpenMP) inside one call.

#include "duplicates/duplicaterules.h"
#include "duplicates/duplicatetypes.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace shoebox {

struct CandidateStats {
    size_t fromHashes = 0, fromDescriptors = 0, fromParts = 0, fromEmbeddings = 0, fromTime = 0;
    size_t total = 0; // after removing repeats
    double seconds = 0;
};

class CandidateFinder {
public:
    struct Sources {
        bool hashes = true;
        bool descriptors = true;
        bool embeddings = true;
        bool captureTime = false; // bursts: same camera within the burst window (similar level)
    };
    // Index pairs (i < j) into photos, sorted and without repeats.
    static std::vector<std::pair<int, int>> find(const QVector<PhotoSignals>& photos, const DuplicateRules& rules,
        const Sources& sources, CandidateStats* stats = nullptr);
    // The parts, exposed for tests and benchmarks.
    static std::vector<std::pair<int, int>> byHashes(const QVector<PhotoSignals>& photos, int radius);
    static std::vector<std::pair<int, int>> byVectors(
        const std::vector<float>& vectors, const std::vector<int>& owners, int dim, int neighbours, float minCosine);
    // Pairs whose part descriptors agree as DuplicateRules::partsAgree asks (PartDescriptors): met in
    // a sign bucket at one window position, then counted over all.
    static std::vector<std::pair<int, int>> byParts(const QVector<PhotoSignals>& photos, const DuplicateRules& rules);
    static std::vector<std::pair<int, int>> byCaptureTime(const QVector<PhotoSignals>& photos, qint64 windowMs);
};

} // namespace shoebox
