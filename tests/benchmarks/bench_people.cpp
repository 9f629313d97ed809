// Face clustering (issue 12) on synthetic dlib-like descriptors: time to cluster a library of faces
// from scratch, time to add 1,000 faces to it, and the quality of the clusters (pairwise F and BCubed
// F against the true people) beside plain DBSCAN and Chinese whispers at the same distance.
//   bench_people [faces=100000] [seed=1]
// People have Zipf-like sizes (a few with thousands of faces, many with a handful), faces vary per
// person (same person 0.3-0.5 apart), one person in ten has a close relative (centres 0.55 apart), and
// photos hold 1-4 faces of different people.

#include "clusterbaselines.h"
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
using namespace shoebox::bench;

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
    const auto nb = neighbourGraph(d.input, 64, eps);
    const Scores ours = score(d.truth, clustererLabels(d.input, full));
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
