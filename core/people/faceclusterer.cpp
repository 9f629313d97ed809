#include "people/faceclusterer.h"

#include "people/faceindex.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace shoebox {

namespace {

// Union-find whose sets carry what decides whether two may join: their person, their photos and the
// people their faces are declared not to be. Sets join small into large.
class Components {
public:
    explicit Components(const std::vector<ClusterFace>& faces)
        : m_faces(faces)
        , m_parent(faces.size())
        , m_size(faces.size(), 1)
        , m_person(faces.size())
        , m_photos(faces.size())
        , m_not(faces.size())
    {
        for (size_t i = 0; i < faces.size(); ++i) {
            m_parent[i] = int(i);
            m_person[i] = faces[i].personId;
            m_not[i] = faces[i].notPeople;
        }
    }

    int find(int i)
    {
        while (m_parent[size_t(i)] != i) {
            m_parent[size_t(i)] = m_parent[size_t(m_parent[size_t(i)])];
            i = m_parent[size_t(i)];
        }
        return i;
    }

    bool compatible(int a, int b)
    {
        const qint64 pa = m_person[size_t(a)], pb = m_person[size_t(b)];
        if (pa > 0 && pb > 0 && pa != pb)
            return false;
        if (rejects(b, pa) || rejects(a, pb))
            return false;
        const auto& small = photos(m_size[size_t(a)] <= m_size[size_t(b)] ? a : b);
        const auto& large = photos(m_size[size_t(a)] <= m_size[size_t(b)] ? b : a);
        return std::none_of(small.begin(), small.end(), [&](qint64 p) { return large.count(p) > 0; });
    }

    // Joins the sets of roots a and b; returns the new root.
    int unite(int a, int b)
    {
        if (a == b)
            return a;
        if (m_size[size_t(a)] < m_size[size_t(b)])
            std::swap(a, b);
        auto& into = photos(a);
        const auto& from = photos(b);
        into.insert(from.begin(), from.end());
        m_photos[size_t(b)] = {};
        m_not[size_t(a)].insert(m_not[size_t(a)].end(), m_not[size_t(b)].begin(), m_not[size_t(b)].end());
        m_not[size_t(b)].clear();
        m_person[size_t(a)] = std::max(m_person[size_t(a)], m_person[size_t(b)]);
        m_size[size_t(a)] += m_size[size_t(b)];
        m_parent[size_t(b)] = a;
        return a;
    }

    qint64 person(int root) const { return m_person[size_t(root)]; }

private:
    bool rejects(int root, qint64 person) const
    {
        const auto& n = m_not[size_t(root)];
        return person > 0 && std::find(n.begin(), n.end(), person) != n.end();
    }

    // A root never joined holds only its own face's photo; its set is filled on first use.
    std::unordered_set<qint64>& photos(int root)
    {
        auto& s = m_photos[size_t(root)];
        if (s.empty())
            s.insert(m_faces[size_t(root)].photoId);
        return s;
    }

    const std::vector<ClusterFace>& m_faces;
    std::vector<int> m_parent;
    std::vector<int> m_size;
    std::vector<qint64> m_person;
    std::vector<std::unordered_set<qint64>> m_photos;
    std::vector<std::vector<qint64>> m_not;
};

struct Edge {
    float distance;
    int a, b;
};

// Neighbours of the queried faces, faces of the same photo left out (they are never one person).
std::vector<std::vector<FaceNeighbour>> neighboursOf(
    const ClusterInput& in, const std::vector<int>& queries, const ClusterParams& p, bool* exact)
{
    // Existing people are the cells of the search: a new face is compared with the people nearest to it.
    std::vector<int> cellOfRow(in.faces.size(), -1);
    std::unordered_map<qint64, int> cellOfPerson;
    for (size_t i = 0; i < in.faces.size(); ++i)
        if (const qint64 p = in.faces[i].personId; p > 0)
            cellOfRow[i] = cellOfPerson.emplace(p, int(cellOfPerson.size())).first->second;
    const FaceIndex index(in.descriptors.data(), int(in.faces.size()), ClusterInput::kDim, &cellOfRow);
    auto nb = index.nearest(queries, p.neighbourLimit + 4, p.eps);
    *exact = index.lastWasExact();
    for (size_t i = 0; i < queries.size(); ++i) {
        const qint64 photo = in.faces[size_t(queries[i])].photoId;
        auto& row = nb[i];
        row.erase(std::remove_if(row.begin(), row.end(),
                      [&](const FaceNeighbour& n) { return in.faces[size_t(n.index)].photoId == photo; }),
            row.end());
        if (int(row.size()) > p.neighbourLimit)
            row.resize(size_t(p.neighbourLimit));
    }
    return nb;
}

// Close-face counts: searched faces count afresh; a face that is not searched gains the faces never
// counted before that found it.
std::vector<int> countNeighbours(const ClusterInput& in, const std::vector<int>& queries,
    const std::vector<std::vector<FaceNeighbour>>& nb, ClusterOutcome& out)
{
    const auto& faces = in.faces;
    std::vector<int> count(faces.size());
    std::vector<char> searched(faces.size(), 0), changed(faces.size(), 0);
    for (size_t i = 0; i < faces.size(); ++i)
        count[i] = std::max(0, faces[i].neighbours);
    for (size_t i = 0; i < queries.size(); ++i) {
        searched[size_t(queries[i])] = 1;
        count[size_t(queries[i])] = int(nb[i].size());
        changed[size_t(queries[i])] = 1;
    }
    for (size_t i = 0; i < queries.size(); ++i) {
        if (faces[size_t(queries[i])].neighbours >= 0)
            continue;
        for (const FaceNeighbour& n : nb[i]) {
            if (!searched[size_t(n.index)]) {
                ++count[size_t(n.index)];
                changed[size_t(n.index)] = 1;
            }
        }
    }
    for (size_t i = 0; i < faces.size(); ++i)
        if (changed[i])
            out.neighbourCounts.emplace_back(faces[i].id, count[i]);
    return count;
}

using CoreTest = std::vector<char>;

// Core faces link nearest first, so where a chain would join incompatible sets the closer link wins.
void linkCores(Components& sets, const ClusterInput& in, const std::vector<int>& queries,
    const std::vector<std::vector<FaceNeighbour>>& nb, const CoreTest& core)
{
    std::vector<Edge> edges;
    for (size_t qi = 0; qi < queries.size(); ++qi) {
        const int q = queries[qi];
        if (in.faces[size_t(q)].personId == 0 && core[size_t(q)])
            for (const FaceNeighbour& nbr : nb[qi])
                if (core[size_t(nbr.index)])
                    edges.push_back({ nbr.distance, q, nbr.index });
    }
    std::sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) { return x.distance < y.distance; });
    for (const Edge& e : edges) {
        const int a = sets.find(e.a), b = sets.find(e.b);
        if (a != b && sets.compatible(a, b))
            sets.unite(a, b);
    }
}

// Border faces join the set of their nearest compatible core face, and link nothing further.
void attachBorders(Components& sets, const ClusterInput& in, const std::vector<int>& queries,
    const std::vector<std::vector<FaceNeighbour>>& nb, const CoreTest& core)
{
    for (size_t qi = 0; qi < queries.size(); ++qi) {
        const int q = queries[qi];
        if (in.faces[size_t(q)].personId != 0 || core[size_t(q)])
            continue;
        for (const FaceNeighbour& nbr : nb[qi]) {
            const int a = sets.find(q), b = sets.find(nbr.index);
            if (core[size_t(nbr.index)] && a != b && sets.compatible(a, b)) {
                sets.unite(a, b);
                break;
            }
        }
    }
}

// Distance to the nearest core face in the same set; -1 when linked to none.
float linkDistance(Components& sets, int root, const std::vector<FaceNeighbour>& row, const CoreTest& core)
{
    float linked = -1;
    for (const FaceNeighbour& nbr : row)
        if (core[size_t(nbr.index)] && sets.find(nbr.index) == root && (linked < 0 || nbr.distance < linked))
            linked = nbr.distance;
    return linked;
}

// Placed faces: with their set's person, or in a new person when the set is big enough.
void collect(Components& sets, const ClusterInput& in, const std::vector<int>& queries,
    const std::vector<std::vector<FaceNeighbour>>& nb, const CoreTest& core, int minPersonFaces, ClusterOutcome& out)
{
    std::unordered_map<int, std::vector<std::pair<qint64, float>>> fresh; // root -> faces
    for (size_t qi = 0; qi < queries.size(); ++qi) {
        const ClusterFace& face = in.faces[size_t(queries[qi])];
        if (face.personId != 0)
            continue;
        const int root = sets.find(queries[qi]);
        const float linked = linkDistance(sets, root, nb[qi], core);
        if (linked < 0)
            continue; // linked to nothing: stays without a person
        if (sets.person(root) > 0)
            out.assignments.push_back({ face.id, sets.person(root), -1, linked });
        else
            fresh[root].emplace_back(face.id, linked);
    }
    std::vector<int> roots;
    for (const auto& [root, members] : fresh)
        if (int(members.size()) >= minPersonFaces)
            roots.push_back(root);
    std::sort(roots.begin(), roots.end()); // new people in a stable order
    for (int root : roots) {
        const int person = out.newPeople++;
        for (const auto& [id, linked] : fresh[root])
            out.assignments.push_back({ id, 0, person, linked });
    }
}

} // namespace

FaceClusterer::FaceClusterer(ClusterParams params)
    : m_params(params)
{
}

ClusterOutcome FaceClusterer::cluster(const ClusterInput& in) const
{
    ClusterOutcome out;
    const auto& faces = in.faces;
    const int n = int(faces.size());
    if (n == 0 || in.descriptors.size() < size_t(n) * ClusterInput::kDim)
        return out;
    Components sets(faces);
    std::unordered_map<qint64, int> personRoot;
    std::vector<int> queries;
    for (int i = 0; i < n; ++i) {
        const qint64 person = faces[size_t(i)].personId;
        if (person > 0) { // a person's faces are one set, whatever their photos
            auto it = personRoot.find(person);
            if (it == personRoot.end())
                personRoot.emplace(person, i);
            else
                it->second = sets.unite(sets.find(it->second), sets.find(i));
        }
        if (person == 0 || faces[size_t(i)].neighbours < 0)
            queries.push_back(i);
    }
    const auto nb = neighboursOf(in, queries, m_params, &out.exact);
    out.queried = int(queries.size());
    const std::vector<int> count = countNeighbours(in, queries, nb, out);
    CoreTest core(faces.size());
    for (size_t i = 0; i < faces.size(); ++i)
        core[i] = count[i] + 1 >= m_params.minCoreFaces;
    linkCores(sets, in, queries, nb, core);
    attachBorders(sets, in, queries, nb, core);
    collect(sets, in, queries, nb, core, m_params.minPersonFaces, out);
    return out;
}

} // namespace shoebox
