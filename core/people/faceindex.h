#pragma once
// Nearest faces within a distance among face descriptors (FAISS): exact for the sizes an incremental
// run asks for, an inverted-file index when every face of a large library is queried at once (the
// first clustering). A value built and used on one thread at a time; any thread.

#include <cstdint>
#include <vector>

namespace shoebox {

struct FaceNeighbour {
    int index = 0; // row in the descriptor matrix
    float distance = 0; // Euclidean
};

class FaceIndex {
public:
    // data: n rows of dim floats, not copied (it must outlive the index).
    FaceIndex(const float* data, int n, int dim);

    // For each query row, up to limit nearest other rows at most radius away, nearest first.
    std::vector<std::vector<FaceNeighbour>> nearest(const std::vector<int>& queries, int limit, float radius) const;
    // Whether the last nearest() call used the exact search.
    bool lastWasExact() const { return m_exact; }

private:
    const float* m_data;
    int m_n;
    int m_dim;
    mutable bool m_exact = true;
};

} // namespace shoebox
