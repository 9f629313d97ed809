#pragma once
// Nearest faces within a distance among face descriptors (FAISS, BLAS): exact when few faces are
// asked about, else an inverted file whose cells are the library's people when most faces have one
// (an incremental run: a new face is compared with the faces of the few people nearest to it and with
// every face that has nobody yet), or k-means cells when they do not (the first clustering). A value
// built and used on one thread at a time; any thread.

#include <cstdint>
#include <vector>

namespace shoebox {

struct FaceNeighbour {
    int index = 0; // row in the descriptor matrix
    float distance = 0; // Euclidean
};

class FaceIndex {
public:
    // data: n rows of dim floats, not copied (it must outlive the index). cellOfRow (optional, n
    // entries): a row's person as a dense cell number, -1 for a row without one.
    FaceIndex(const float* data, int n, int dim, const std::vector<int>* cellOfRow = nullptr);

    // For each query row, up to limit nearest other rows at most radius away, nearest first.
    std::vector<std::vector<FaceNeighbour>> nearest(const std::vector<int>& queries, int limit, float radius) const;
    // Whether the last nearest() call used the exact search.
    bool lastWasExact() const { return m_exact; }

private:
    const float* m_data;
    int m_n;
    int m_dim;
    const std::vector<int>* m_cellOfRow;
    mutable bool m_exact = true;
};

} // namespace shoebox
