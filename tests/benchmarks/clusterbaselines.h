#pragma once
// Face clustering quality for the people benchmarks (issue 12): pairwise F and BCubed F of a labelling
// against the true people, and the two baselines the issue compares with, plain DBSCAN and dlib's
// Chinese whispers, on the same neighbour graph. Pure functions; any thread.

#include "people/faceclusterer.h"
#include "people/faceindex.h"

#include <vector>

namespace shoebox::bench {

struct Scores {
    double pairwiseF = 0, bcubedF = 0;
    int clusters = 0; // each face left alone counts as one
    double noise = 0; // share of faces left alone
};

// label per face, -1 for a face left without a cluster (it then counts as a cluster of its own).
Scores score(const std::vector<int>& truth, std::vector<int> label);
// Our clusterer's new people as labels, in the order of input.faces.
std::vector<int> clustererLabels(const ClusterInput& input, const ClusterOutcome& out);
// Up to limit neighbours within eps of every row (FAISS, as the clusterer searches).
std::vector<std::vector<FaceNeighbour>> neighbourGraph(const ClusterInput& input, int limit, float eps);
// Textbook DBSCAN (minPts counts the point itself) on the same neighbours, no photo rule.
std::vector<int> dbscan(const std::vector<std::vector<FaceNeighbour>>& nb, int minPts);
// dlib's chinese_whispers: unit edges below the threshold, random order, label of the heaviest.
std::vector<int> chineseWhispers(const std::vector<std::vector<FaceNeighbour>>& nb, int iterations, unsigned seed);

} // namespace shoebox::bench
