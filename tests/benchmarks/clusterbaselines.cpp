#include "clusterbaselines.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <random>
#include <unordered_map>

namespace shoebox::bench {

Scores score(const std::vector<int>& truth, std::vector<int> label)
{
    int next = *std::max_element(label.begin(), label.end()) + 1;
    Scores s;
    for (int& l : label) {
        if (l < 0) {
            l = next++;
            s.noise += 1;
        }
    }
    s.noise /= double(label.size());
    std::map<std::pair<int, int>, double> cell;
    std::map<int, double> clusterSize, truthSize;
    for (size_t i = 0; i < label.size(); ++i) {
        cell[{ label[i], truth[i] }] += 1;
        clusterSize[label[i]] += 1;
        truthSize[truth[i]] += 1;
    }
    auto pairs = [](double x) { return x * (x - 1) / 2; };
    double tp = 0, predicted = 0, actual = 0, bp = 0, br = 0;
    for (const auto& [key, v] : cell) {
        tp += pairs(v);
        bp += v * v / clusterSize[key.first];
        br += v * v / truthSize[key.second];
    }
    for (const auto& [k, v] : clusterSize)
        predicted += pairs(v);
    for (const auto& [k, v] : truthSize)
        actual += pairs(v);
    const double p = predicted > 0 ? tp / predicted : 1, r = actual > 0 ? tp / actual : 1;
    s.pairwiseF = p + r > 0 ? 2 * p * r / (p + r) : 0;
    const double n = double(label.size());
    s.bcubedF = 2 * (bp / n) * (br / n) / (bp / n + br / n);
    s.clusters = int(clusterSize.size());
    return s;
}

std::vector<int> clustererLabels(const ClusterInput& input, const ClusterOutcome& out)
{
    std::map<qint64, int> byId;
    for (const FaceAssignment& a : out.assignments)
        byId[a.faceId] = a.newPerson;
    std::vector<int> label(input.faces.size(), -1);
    for (size_t i = 0; i < label.size(); ++i) {
        auto it = byId.find(input.faces[i].id);
        if (it != byId.end())
            label[i] = it->second;
    }
    return label;
}

std::vector<std::vector<FaceNeighbour>> neighbourGraph(const ClusterInput& input, int limit, float eps)
{
    std::vector<int> all(input.faces.size());
    std::iota(all.begin(), all.end(), 0);
    return FaceIndex(input.descriptors.data(), int(all.size()), ClusterInput::kDim).nearest(all, limit, eps);
}

std::vector<int> dbscan(const std::vector<std::vector<FaceNeighbour>>& nb, int minPts)
{
    std::vector<int> label(nb.size(), -1);
    int next = 0;
    for (size_t i = 0; i < nb.size(); ++i) {
        if (label[i] >= 0 || int(nb[i].size()) + 1 < minPts)
            continue;
        label[i] = next;
        std::vector<int> stack { int(i) };
        while (!stack.empty()) {
            const int q = stack.back();
            stack.pop_back();
            if (int(nb[size_t(q)].size()) + 1 < minPts)
                continue; // a border point: in the cluster, expands nothing
            for (const FaceNeighbour& n : nb[size_t(q)])
                if (label[size_t(n.index)] < 0) {
                    label[size_t(n.index)] = next;
                    stack.push_back(n.index);
                }
        }
        ++next;
    }
    return label;
}

std::vector<int> chineseWhispers(const std::vector<std::vector<FaceNeighbour>>& nb, int iterations, unsigned seed)
{
    std::vector<int> label(nb.size());
    std::iota(label.begin(), label.end(), 0);
    std::vector<int> order(label);
    std::mt19937 rng(seed);
    std::unordered_map<int, int> votes;
    for (int it = 0; it < iterations; ++it) {
        std::shuffle(order.begin(), order.end(), rng);
        for (int i : order) {
            if (nb[size_t(i)].empty())
                continue;
            votes.clear();
            for (const FaceNeighbour& n : nb[size_t(i)])
                ++votes[label[size_t(n.index)]];
            label[size_t(i)] = std::max_element(votes.begin(), votes.end(), [](auto& a, auto& b) {
                return a.second < b.second;
            })->first;
        }
    }
    std::vector<int> out(nb.size(), -1); // singletons count as noise, like the others
    std::unordered_map<int, int> size;
    for (int l : label)
        ++size[l];
    for (size_t i = 0; i < out.size(); ++i)
        if (size[label[i]] > 1)
            out[i] = label[i];
    return out;
}

} // namespace shoebox::bench
