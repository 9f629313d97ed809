// Face clustering (issue 12) on synthetic dlib-like descriptors: time to cluster a library of faces
// from scratch, time to add 1,000 faces to it, and the quality of the clusters (pairwise F and BCubed
// F against the true people) beside plain DBSCAN and Chinese whispers at the same distance.
//   bench_people [faces=100000] [seed=1]
// People have Zipf-like sizes (a few with thousands of faces, many with a handful), faces vary per
// person (same person 0.3-0.5 apart), one person in ten has a close relative (centres 0.55 apart), and
// photos hold 1-4 faces of different people.

#include "people/faceclusterer.h"
#include "people/faceindex.h"
#include "support/facefixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <map>
#include <numeric>
#include <random>

using namespace shoebox;
using namespace shoebox::test;

namespace {

struct DataSet {
    ClusterInput input;
    std::vector<int> truth; // person of each face
};

DataSet makeSet(int n, unsigned seed)
{
    SyntheticFaces gen(seed);
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> sigma(0.018f, 0.031f);
    const int people = std::max(3, n / 50);
    std::vector<double> weight(static_cast<size_t>(people));
    for (int p = 0; p < people; ++p) {
        weight[size_t(p)] = 1.0 / std::pow(double(p + 1), 0.9);
        if (p > 0 && p % 10 == 0)
            gen.addRelative(p - 1, 0.55f, sigma(rng));
        else
            gen.addPerson(sigma(rng));
    }
    std::discrete_distribution<int> pick(weight.begin(), weight.end());
    std::uniform_int_distribution<int> groupSize(1, 4);
    DataSet d;
    qint64 photo = 0;
    while (int(d.truth.size()) < n) {
        ++photo;
        std::vector<int> inPhoto;
        for (int k = groupSize(rng); k > 0 && int(d.truth.size()) < n; --k) {
            const int p = pick(rng);
            if (std::find(inPhoto.begin(), inPhoto.end(), p) != inPhoto.end())
                continue; // one person appears once per photo
            inPhoto.push_back(p);
            const std::vector<float> f = gen.face(p);
            d.input.faces.push_back({ qint64(d.truth.size()) + 1, photo, 0, -1, {} });
            d.input.descriptors.insert(d.input.descriptors.end(), f.begin(), f.end());
            d.truth.push_back(p);
        }
    }
    return d;
}

// label per face; -1 = noise (a cluster of its own).
struct Scores {
    double pairwiseF = 0, bcubedF = 0;
    int clusters = 0;
    double noise = 0;
};

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

std::vector<int> oursLabels(const DataSet& d, const ClusterOutcome& out)
{
    std::map<qint64, int> byId;
    for (const FaceAssignment& a : out.assignments)
        byId[a.faceId] = a.newPerson;
    std::vector<int> label(d.truth.size(), -1);
    for (size_t i = 0; i < label.size(); ++i) {
        auto it = byId.find(d.input.faces[i].id);
        if (it != byId.end())
            label[i] = it->second;
    }
    return label;
}

std::vector<std::vector<FaceNeighbour>> graph(const DataSet& d, int limit, float eps)
{
    std::vector<int> all(d.truth.size());
    std::iota(all.begin(), all.end(), 0);
    return FaceIndex(d.input.descriptors.data(), int(all.size()), ClusterInput::kDim).nearest(all, limit, eps);
}

// Textbook DBSCAN (minPts counts the point itself) on the same neighbours, no photo rule.
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

// dlib's chinese_whispers: unit edges below the threshold, random order, label of the heaviest.
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

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int n = args.size() > 1 ? args[1].toInt() : 100000;
    const unsigned seed = args.size() > 2 ? args[2].toUInt() : 1;
    QTextStream out(stdout);
    const DataSet d = makeSet(n, seed);
    // Wall time and this process's CPU time (the machine may be shared).
    QElapsedTimer t;
    t.start();
    std::clock_t cpu = std::clock();
    const ClusterOutcome full = FaceClusterer().cluster(d.input);
    const double fullSeconds = t.elapsed() / 1000.0;
    const double fullCpu = double(std::clock() - cpu) / CLOCKS_PER_SEC;
    out << "faces " << n << ", true people " << (*std::max_element(d.truth.begin(), d.truth.end()) + 1) << "\n";
    out << "cluster from scratch: " << fullSeconds << " s wall, " << fullCpu << " s CPU ("
        << (full.exact ? "exact" : "inverted-file") << " search), " << full.newPeople << " people, "
        << full.assignments.size() << " faces placed\n";

    // Incremental: the library minus its last 1,000 faces is clustered and stored; the 1,000 arrive.
    DataSet inc = d;
    const int extra = std::min(1000, n / 10), base = n - extra;
    inc.input.faces.resize(size_t(base));
    inc.input.descriptors.resize(size_t(base) * ClusterInput::kDim);
    const ClusterOutcome first = FaceClusterer().cluster(inc.input);
    std::map<qint64, qint64> person;
    for (const FaceAssignment& a : first.assignments)
        person[a.faceId] = 1 + a.newPerson;
    std::map<qint64, int> counts(first.neighbourCounts.begin(), first.neighbourCounts.end());
    for (ClusterFace& f : inc.input.faces) {
        f.personId = person.count(f.id) ? person[f.id] : 0;
        f.neighbours = counts[f.id];
    }
    inc.input.faces.insert(inc.input.faces.end(), d.input.faces.begin() + base, d.input.faces.end());
    inc.input.descriptors = d.input.descriptors;
    t.restart();
    cpu = std::clock();
    const ClusterOutcome added = FaceClusterer().cluster(inc.input);
    out << "add " << extra << " faces to " << base << ": " << t.elapsed() / 1000.0 << " s wall, "
        << double(std::clock() - cpu) / CLOCKS_PER_SEC << " s CPU, " << added.queried << " faces searched ("
        << (added.exact ? "exact" : "inverted-file") << "), " << added.assignments.size() << " placed, "
        << added.newPeople << " new people\n";

    const float eps = tunables::people::kClusterDistance;
    const auto nb = graph(d, 64, eps);
    const Scores ours = score(d.truth, oursLabels(d, full));
    const Scores db = score(d.truth, dbscan(nb, tunables::people::kMinCoreFaces));
    const Scores cw = score(d.truth, chineseWhispers(nb, 20, seed));
    auto line = [&](const char* name, const Scores& s) {
        out << QStringLiteral("%1 pairwise F %2  BCubed F %3  clusters %4  unclustered %5%\n")
                   .arg(QLatin1String(name), -26)
                   .arg(s.pairwiseF, 0, 'f', 3)
                   .arg(s.bcubedF, 0, 'f', 3)
                   .arg(s.clusters - int(s.noise * n))
                   .arg(100 * s.noise, 0, 'f', 1);
    };
    out << "quality at distance " << eps << " (baselines on 64 nearest neighbours):\n";
    line("shoebox (core-point DBSCAN)", ours);
    line("plain DBSCAN", db);
    line("Chinese whispers", cw);
    return 0;
}
