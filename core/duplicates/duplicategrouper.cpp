#include "duplicates/duplicategrouper.h"

#include <QHash>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>

namespace shoebox {

namespace {

constexpr size_t kMaxChecks = 15;

uint64_t key(int a, int b)
{
    return (uint64_t(uint32_t(std::min(a, b))) << 32) | uint32_t(std::max(a, b));
}

// An edit of the other photo by its geometry: keypoints fitted over the picture, or a one-sided cut.
bool verifiedEdit(const PairDecision& d)
{
    return d.keypointVerified || d.cutVerified;
}

class Builder {
public:
    Builder(const std::vector<DecidedPair>& pairs, DuplicateLevel level, const DuplicateGrouper::Decide& decide,
        const DuplicateGrouper::Rejected& rejected)
        : m_level(level)
        , m_decide(decide)
        , m_rejected(rejected)
    {
        for (const DecidedPair& p : pairs)
            m_known.emplace(
                key(p.a, p.b), Known { p.decision.level, verifiedEdit(p.decision), p.decision.overlayVerified });
    }

    DuplicateLevel levelOf(int a, int b) { return known(a, b).level; }

    bool matches(int a, int b) { return DuplicateGrouper::reaches(levelOf(a, b), m_level); }

    // What the other members must show: for a near group, at least the same scene. Two edits of one
    // photo can each be a near copy of the original and still not of each other (a crop and a stamp
    // over what the crop kept; heavy noise and a colour change), while a photo of another picture is
    // refuted by most members.
    bool agrees(int a, int b)
    {
        const DuplicateLevel wanted = m_level == DuplicateLevel::Near ? DuplicateLevel::Similar : m_level;
        return DuplicateGrouper::reaches(levelOf(a, b), wanted);
    }

    bool mayJoin(int photo, const std::vector<int>& group)
    {
        for (int m : group)
            if (m_rejected && m_rejected(photo, m))
                return false;
        if (!matches(photo, group.front())) {
            // A copy verified as an edit of another member (a meme of the original while a framed
            // copy represents the group) still needs the majority, the representative among them.
            // One matched by most members joins too: the representative is only one member, and an
            // edit may be too far from it alone (a tight crop beside a blurred copy).
            return (m_level == DuplicateLevel::Near && verifiedByMember(photo, group)
                       && majority(photo, group, agrees(photo, group.front())))
                || matchedByMost(photo, group);
        }
        // A copy the keypoints verified against the representative is an edit of its picture: it
        // joins even where the other edits are too far from it to agree (a one-sided cut beside a
        // framed copy). The thumbnails' looser likeness still needs the majority.
        const Known k = known(photo, group.front());
        if (m_level == DuplicateLevel::Near && (k.verified || k.overlay))
            return true;
        return majority(photo, group, true);
    }

    // A strict majority of the members (the representative's word given), or of an even sample of
    // them in large groups so a group of hundreds costs no more than kMaxChecks comparisons per newcomer.
    bool majority(int photo, const std::vector<int>& group, bool representativeAgrees)
    {
        return strictMajority(group, representativeAgrees, [&](int m) { return agrees(photo, m); });
    }

    // A strict majority of the members (or of the even sample) match the photo at the group's level.
    bool matchedByMost(int photo, const std::vector<int>& group)
    {
        return strictMajority(group, false, [&](int m) { return matches(photo, m); });
    }

    // Whether test holds for a strict majority of the members after the representative (an even sample
    // of kMaxChecks in large groups), the representative counted as given.
    template <class Test>
    static bool strictMajority(const std::vector<int>& group, bool representative, const Test& test)
    {
        const size_t n = group.size();
        const size_t step = n > kMaxChecks ? (n + kMaxChecks - 1) / kMaxChecks : 1;
        int yes = representative ? 1 : 0, asked = 1;
        for (size_t i = step; i < n; i += step) {
            ++asked;
            yes += test(group[i]) ? 1 : 0;
        }
        return yes * 2 > asked;
    }

private:
    // A copy near a member already in the group with an overlay left out (a meme of the original
    // while a framed copy represents it); not on keypoints, which one wallpaper's light and dark
    // variants fit as well. Only pairs already decided are looked at, none decided anew.
    bool verifiedByMember(int photo, const std::vector<int>& group) const
    {
        for (int m : group) {
            const auto it = m_known.find(key(photo, m));
            if (it != m_known.end() && it->second.overlay && DuplicateGrouper::reaches(it->second.level, m_level))
                return true;
        }
        return false;
    }

    struct Known {
        DuplicateLevel level = DuplicateLevel::None;
        bool verified = false; // near, keypoint- or cut-verified
        bool overlay = false; // near with an overlay left out
    };

    Known known(int a, int b)
    {
        const auto it = m_known.find(key(a, b));
        if (it != m_known.end())
            return it->second;
        Known k;
        if (m_decide) {
            const PairDecision d = m_decide(a, b);
            k = Known { d.level, verifiedEdit(d), d.overlayVerified };
        }
        m_known.emplace(key(a, b), k);
        return k;
    }

    DuplicateLevel m_level;
    const DuplicateGrouper::Decide& m_decide;
    const DuplicateGrouper::Rejected& m_rejected;
    std::unordered_map<uint64_t, Known> m_known;
};

} // namespace

bool DuplicateGrouper::reaches(DuplicateLevel pairLevel, DuplicateLevel wanted)
{
    return pairLevel != DuplicateLevel::None && int(pairLevel) <= int(wanted);
}

namespace {

// Matched pair -> score, both ways round; a stronger level scores higher than any weaker one.
using MatchGraph = std::map<int, std::map<int, double>>;

MatchGraph matchGraph(
    const std::vector<DecidedPair>& pairs, DuplicateLevel level, const DuplicateGrouper::Rejected& rejected)
{
    MatchGraph adj;
    for (const DecidedPair& p : pairs)
        if (DuplicateGrouper::reaches(p.decision.level, level) && p.a != p.b && !(rejected && rejected(p.a, p.b))) {
            const double score = p.decision.score - int(p.decision.level); // stronger level first
            adj[p.a][p.b] = score;
            adj[p.b][p.a] = score;
        }
    return adj;
}

// The graph's connected components (union-find), keyed by their root.
std::map<int, std::vector<int>> connectedComponents(const MatchGraph& adj)
{
    std::map<int, int> parent;
    std::function<int(int)> root = [&](int x) {
        while (parent[x] != x)
            x = parent[x] = parent[parent[x]];
        return x;
    };
    for (const auto& [a, nbrs] : adj) {
        parent.emplace(a, a);
        for (const auto& [b, s] : nbrs) {
            parent.emplace(b, b);
            parent[root(a)] = root(b);
        }
    }
    std::map<int, std::vector<int>> components;
    for (const auto& [a, nbrs] : adj)
        components[root(a)].push_back(a);
    return components;
}

// The representative: most matches inside what is left (ties: strongest matches).
int representative(const MatchGraph& adj, const std::set<int>& remaining)
{
    int rep = -1;
    double repKey = -1;
    for (int x : remaining) {
        double k = 0;
        for (const auto& [y, s] : adj.at(x))
            if (remaining.count(y))
                k += 1.0 + s * 1e-3;
        if (k > repKey) {
            repKey = k;
            rep = x;
        }
    }
    return rep;
}

// Candidates: the representative's matches, strongest first, then their matches.
std::vector<std::pair<double, int>> candidates(const MatchGraph& adj, int rep, const std::set<int>& remaining)
{
    std::vector<std::pair<double, int>> order;
    std::set<int> seen { rep };
    for (const auto& [y, s] : adj.at(rep))
        if (remaining.count(y) && seen.insert(y).second)
            order.emplace_back(10.0 + s, y);
    for (const auto& [y, s] : adj.at(rep))
        for (const auto& [z, t] : adj.at(y))
            if (remaining.count(z) && seen.insert(z).second)
                order.emplace_back(t, z);
    std::stable_sort(order.begin(), order.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
    return order;
}

// Each candidate in turn joins when it may; one turned away while the group was small (an edit met
// first by the few members it cannot match) is asked again once the group has grown, until a pass
// admits nobody.
void grow(Builder& builder, std::vector<int>& g, const std::vector<std::pair<double, int>>& order)
{
    std::vector<int> waiting;
    for (const auto& [k, x] : order)
        waiting.push_back(x);
    for (size_t before = 0; waiting.size() != before;) {
        before = waiting.size();
        std::vector<int> left;
        for (int x : waiting)
            if (builder.mayJoin(x, g))
                g.push_back(x);
            else
                left.push_back(x);
        waiting.swap(left);
    }
}

} // namespace

std::vector<std::vector<int>> DuplicateGrouper::group(
    const std::vector<DecidedPair>& pairs, DuplicateLevel level, const Decide& decide, const Rejected& rejected)
{
    // Matched pairs as a graph; its connected components are only where to look: single-link
    // components chain, so each is split into centred groups below.
    const MatchGraph adj = matchGraph(pairs, level, rejected);
    Builder builder(pairs, level, decide, rejected);
    std::vector<std::vector<int>> groups;
    for (auto& [r, nodes] : connectedComponents(adj)) {
        std::set<int> remaining(nodes.begin(), nodes.end());
        while (remaining.size() >= 2) {
            const int rep = representative(adj, remaining);
            std::vector<int> g { rep };
            grow(builder, g, candidates(adj, rep, remaining));
            remaining.erase(rep);
            if (g.size() < 2)
                continue;
            for (int x : g)
                remaining.erase(x);
            groups.push_back(std::move(g));
        }
    }
    return groups;
}

QList<QVector<int>> DuplicateGrouper::byContent(const QVector<PhotoSignals>& photos)
{
    QHash<QByteArray, int> slot;
    QList<QVector<int>> out;
    for (int i = 0; i < photos.size(); ++i) {
        const QByteArray& h = photos[i].contentHash;
        if (h.isEmpty()) {
            out << QVector<int> { i };
            continue;
        }
        const auto it = slot.constFind(h);
        if (it == slot.constEnd()) {
            slot.insert(h, out.size());
            out << QVector<int> { i };
        } else {
            out[*it] << i;
        }
    }
    return out;
}

} // namespace shoebox
