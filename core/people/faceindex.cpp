#include "people/faceindex.h"

#include "people/peopletunables.h"

#include <faiss/IndexFlat.h>
#include <faiss/IndexIVFFlat.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace shoebox {

namespace {

using Idx = faiss::Index::idx_t;

std::unique_ptr<faiss::Index> buildIndex(
    const float* data, int n, int dim, bool exact, std::unique_ptr<faiss::IndexFlatL2>& quantizer)
{
    if (exact) {
        auto flat = std::make_unique<faiss::IndexFlatL2>(dim);
        flat->add(n, data);
        return flat;
    }
    // About sqrt(n) cells, trained on an evenly spread sample: k-means on all faces costs more than
    // the search it saves.
    const int cells = std::max(1, int(std::sqrt(double(n))));
    const int sampleRows = std::min(n, cells * 48);
    std::vector<float> sample(size_t(sampleRows) * size_t(dim));
    for (int i = 0; i < sampleRows; ++i) {
        const size_t row = size_t(i) * size_t(n) / size_t(sampleRows);
        std::copy_n(data + row * size_t(dim), dim, sample.data() + size_t(i) * size_t(dim));
    }
    quantizer = std::make_unique<faiss::IndexFlatL2>(dim);
    auto ivf = std::make_unique<faiss::IndexIVFFlat>(quantizer.get(), dim, size_t(cells));
    ivf->cp.niter = 8;
    ivf->train(sampleRows, sample.data());
    ivf->add(n, data);
    ivf->nprobe = size_t(std::min(cells, tunables::people::kProbedCells));
    return ivf;
}

} // namespace

FaceIndex::FaceIndex(const float* data, int n, int dim)
    : m_data(data)
    , m_n(n)
    , m_dim(dim)
{
}

std::vector<std::vector<FaceNeighbour>> FaceIndex::nearest(
    const std::vector<int>& queries, int limit, float radius) const
{
    std::vector<std::vector<FaceNeighbour>> out(queries.size());
    if (queries.empty() || m_n < 2)
        return out;
    m_exact = double(queries.size()) * double(m_n) <= tunables::people::kExactSearchPairs;
    std::unique_ptr<faiss::IndexFlatL2> quantizer;
    const std::unique_ptr<faiss::Index> index = buildIndex(m_data, m_n, m_dim, m_exact, quantizer);
    const int k = std::min(m_n, limit + 1); // the query itself comes back first
    const float r2 = radius * radius;
    // Blocks bound the memory of the result arrays.
    const size_t block = 8192;
    std::vector<float> q, dist;
    std::vector<Idx> labels;
    for (size_t start = 0; start < queries.size(); start += block) {
        const size_t count = std::min(block, queries.size() - start);
        q.resize(count * size_t(m_dim));
        for (size_t i = 0; i < count; ++i)
            std::copy_n(m_data + size_t(queries[start + i]) * size_t(m_dim), m_dim, q.data() + i * size_t(m_dim));
        dist.assign(count * size_t(k), 0.f);
        labels.assign(count * size_t(k), -1);
        index->search(Idx(count), q.data(), k, dist.data(), labels.data());
        for (size_t i = 0; i < count; ++i) {
            std::vector<FaceNeighbour>& row = out[start + i];
            for (int j = 0; j < k; ++j) {
                const Idx label = labels[i * size_t(k) + size_t(j)];
                const float d2 = dist[i * size_t(k) + size_t(j)];
                if (label < 0 || int(label) == queries[start + i] || d2 > r2)
                    continue;
                row.push_back({ int(label), std::sqrt(std::max(0.f, d2)) });
            }
            if (int(row.size()) > limit)
                row.resize(size_t(limit));
        }
    }
    return out;
}

} // namespace shoebox
