#include "people/faceindex.h"

#include "people/peopletunables.h"

#include <faiss/Clustering.h>
#include <faiss/IndexFlat.h>
#include <faiss/utils/distances.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <omp.h>
#include <thread>
#include <unordered_map>

namespace shoebox {

namespace {

using Idx = faiss::Index::idx_t;
using Rows = std::vector<std::vector<FaceNeighbour>>;

void gather(
    const float* data, int dim, const std::vector<int>& rows, size_t from, size_t count, std::vector<float>& out)
{
    out.resize(count * size_t(dim));
    for (size_t i = 0; i < count; ++i)
        std::copy_n(data + size_t(rows[from + i]) * size_t(dim), dim, out.data() + i * size_t(dim));
}

// The k nearest database rows of each query row (one BLAS product per block), appended to out[slot].
void searchRows(const float* data, int dim, const std::vector<int>& queries, const std::vector<size_t>& slots,
    const std::vector<int>& rows, int k, float r2, Rows& out)
{
    if (queries.empty() || rows.empty())
        return;
    std::vector<float> db, q, dist;
    std::vector<int64_t> labels;
    gather(data, dim, rows, 0, rows.size(), db);
    const size_t kk = std::min(size_t(k), rows.size());
    const size_t block = 4096;
    for (size_t start = 0; start < queries.size(); start += block) {
        const size_t count = std::min(block, queries.size() - start);
        gather(data, dim, queries, start, count, q);
        dist.assign(count * kk, 0.f);
        labels.assign(count * kk, -1);
        faiss::knn_L2sqr(q.data(), db.data(), size_t(dim), count, rows.size(), kk, dist.data(), labels.data());
        for (size_t i = 0; i < count; ++i) {
            for (size_t j = 0; j < kk; ++j) {
                const int64_t l = labels[i * kk + j];
                const float d2 = dist[i * kk + j];
                if (l < 0 || rows[size_t(l)] == queries[start + i] || d2 > r2)
                    continue;
                out[slots[start + i]].push_back({ rows[size_t(l)], std::sqrt(std::max(0.f, d2)) });
            }
        }
    }
}

// Runs job(0..count-1) on up to one thread per core; each thread keeps FAISS's OpenMP to itself (one
// thread), as many small BLAS products lose more to OpenMP teams than they win.
void forEachInParallel(size_t count, const std::function<void(size_t)>& job)
{
    const size_t threads = std::min<size_t>(count, std::max(1u, std::thread::hardware_concurrency()));
    std::atomic<size_t> next { 0 };
    const auto worker = [&]() {
        omp_set_num_threads(1);
        for (size_t i = next++; i < count; i = next++)
            job(i);
    };
    std::vector<std::thread> pool;
    for (size_t t = 1; t < threads; ++t)
        pool.emplace_back(worker);
    worker();
    for (auto& thread : pool)
        thread.join();
}

struct Cells {
    int count = 0;
    std::vector<float> centroids;
    std::vector<std::vector<int>> members;
    std::vector<int> residual; // rows in no cell: searched for every query
    std::vector<int> cellOfRow; // k-means cells: each row's cell (queries need no second assignment)
};

Cells cellsOfPeople(const float* data, int n, int dim, const std::vector<int>& cellOfRow)
{
    Cells c;
    c.count = cellOfRow.empty() ? 0 : *std::max_element(cellOfRow.begin(), cellOfRow.end()) + 1;
    c.members.resize(size_t(c.count));
    c.centroids.assign(size_t(c.count) * size_t(dim), 0.f);
    for (int i = 0; i < n; ++i) {
        const int cell = cellOfRow[size_t(i)];
        if (cell < 0) {
            c.residual.push_back(i);
            continue;
        }
        c.members[size_t(cell)].push_back(i);
        for (int d = 0; d < dim; ++d)
            c.centroids[size_t(cell) * size_t(dim) + size_t(d)] += data[size_t(i) * size_t(dim) + size_t(d)];
    }
    for (int cell = 0; cell < c.count; ++cell)
        for (int d = 0; d < dim; ++d)
            c.centroids[size_t(cell) * size_t(dim) + size_t(d)]
                /= float(std::max<size_t>(1, c.members[size_t(cell)].size()));
    return c;
}

// About 2 sqrt(n) k-means cells, trained briefly on an evenly spread sample.
Cells cellsOfKMeans(const float* data, int n, int dim)
{
    Cells c;
    c.count = std::clamp(int(2 * std::sqrt(double(n))), 1, std::max(1, n / 8));
    const int sampleRows = std::min(n, c.count * 24);
    std::vector<int> sample(static_cast<size_t>(sampleRows));
    for (int i = 0; i < sampleRows; ++i)
        sample[size_t(i)] = int(size_t(i) * size_t(n) / size_t(sampleRows));
    std::vector<float> x;
    gather(data, dim, sample, 0, sample.size(), x);
    faiss::ClusteringParameters cp;
    cp.niter = 6;
    cp.min_points_per_centroid = 4;
    cp.verbose = false;
    faiss::Clustering km(dim, c.count, cp);
    faiss::IndexFlatL2 assigner(dim);
    km.train(sampleRows, x.data(), assigner);
    c.centroids = km.centroids;
    faiss::IndexFlatL2 quantizer(dim);
    quantizer.add(c.count, c.centroids.data());
    std::vector<Idx> cell(static_cast<size_t>(n));
    quantizer.assign(n, data, cell.data());
    c.members.resize(size_t(c.count));
    c.cellOfRow.resize(size_t(n));
    for (int i = 0; i < n; ++i) {
        c.members[size_t(cell[size_t(i)])].push_back(i);
        c.cellOfRow[size_t(i)] = int(cell[size_t(i)]);
    }
    return c;
}

// Each query searches the cells nearest to its own cell, and the rows in no cell.
void searchCells(
    const float* data, int dim, const Cells& c, const std::vector<int>& queries, int k, float r2, Rows& out)
{
    faiss::IndexFlatL2 quantizer(dim);
    quantizer.add(c.count, c.centroids.data());
    const int probes = std::min(c.count, tunables::people::kProbedCells);
    std::vector<float> dist(size_t(c.count) * size_t(probes));
    std::vector<Idx> probe(size_t(c.count) * size_t(probes));
    quantizer.search(c.count, c.centroids.data(), probes, dist.data(), probe.data());
    std::vector<Idx> own(queries.size());
    if (!c.cellOfRow.empty()) { // every row was assigned when the cells were made
        for (size_t i = 0; i < queries.size(); ++i)
            own[i] = c.cellOfRow[size_t(queries[i])];
    } else {
        std::vector<float> q;
        gather(data, dim, queries, 0, queries.size(), q);
        quantizer.assign(Idx(queries.size()), q.data(), own.data());
    }
    std::unordered_map<Idx, std::pair<std::vector<int>, std::vector<size_t>>> groups;
    for (size_t i = 0; i < queries.size(); ++i) {
        auto& g = groups[own[i]];
        g.first.push_back(queries[i]);
        g.second.push_back(i);
    }
    std::vector<const std::pair<const Idx, std::pair<std::vector<int>, std::vector<size_t>>>*> work;
    for (const auto& entry : groups)
        work.push_back(&entry);
    // Each cell's queries own their rows of out, so cells are searched on every core at once.
    forEachInParallel(work.size(), [&](size_t w) {
        const Idx cell = work[w]->first;
        const auto& group = work[w]->second;
        std::vector<int> rows;
        for (int p = 0; p < probes; ++p) {
            const Idx other = probe[size_t(cell) * size_t(probes) + size_t(p)];
            if (other >= 0)
                rows.insert(rows.end(), c.members[size_t(other)].begin(), c.members[size_t(other)].end());
        }
        searchRows(data, dim, group.first, group.second, rows, k, r2, out);
    });
    std::vector<size_t> slots(queries.size());
    for (size_t i = 0; i < slots.size(); ++i)
        slots[i] = i;
    searchRows(data, dim, queries, slots, c.residual, k, r2, out);
}

} // namespace

FaceIndex::FaceIndex(const float* data, int n, int dim, const std::vector<int>* cellOfRow)
    : m_data(data)
    , m_n(n)
    , m_dim(dim)
    , m_cellOfRow(cellOfRow)
{
}

std::vector<std::vector<FaceNeighbour>> FaceIndex::nearest(
    const std::vector<int>& queries, int limit, float radius) const
{
    Rows out(queries.size());
    if (queries.empty() || m_n < 2)
        return out;
    // Many small BLAS products: FAISS's OpenMP teams cost more than they win there (and spin on a busy
    // machine), so this thread searches alone. The setting is this thread's own.
    const int threads = omp_get_max_threads();
    omp_set_num_threads(1);
    const int k = limit + 1; // the query itself comes back too
    const float r2 = radius * radius;
    m_exact = double(queries.size()) * double(m_n) <= tunables::people::kExactSearchPairs;
    if (m_exact) {
        std::vector<int> all(static_cast<size_t>(m_n));
        std::vector<size_t> slots(queries.size());
        for (int i = 0; i < m_n; ++i)
            all[size_t(i)] = i;
        for (size_t i = 0; i < slots.size(); ++i)
            slots[i] = i;
        searchRows(m_data, m_dim, queries, slots, all, k, r2, out);
    } else {
        const bool people
            = m_cellOfRow && double(std::count(m_cellOfRow->begin(), m_cellOfRow->end(), -1)) <= 0.5 * double(m_n);
        const Cells cells
            = people ? cellsOfPeople(m_data, m_n, m_dim, *m_cellOfRow) : cellsOfKMeans(m_data, m_n, m_dim);
        searchCells(m_data, m_dim, cells, queries, k, r2, out);
    }
    for (auto& row : out) {
        std::sort(row.begin(), row.end(), [](const FaceNeighbour& a, const FaceNeighbour& b) {
            return a.distance < b.distance || (a.distance == b.distance && a.index < b.index);
        });
        row.erase(std::unique(row.begin(), row.end(),
                      [](const FaceNeighbour& a, const FaceNeighbour& b) { return a.index == b.index; }),
            row.end());
        if (int(row.size()) > limit)
            row.resize(size_t(limit));
    }
    omp_set_num_threads(threads);
    return out;
}

} // namespace shoebox
