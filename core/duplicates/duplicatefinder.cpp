#include "duplicates/duplicatefinder.h"

#include "duplicates/duplicategrouper.h"
#include "duplicates/duplicatematchers.h"
#include "duplicates/duplicatesignals.h"
#include "duplicates/duplicatestore.h"
#include "duplicates/keeperchooser.h"
#include "duplicates/paddingmatcher.h"
#include "duplicates/pairreviews.h"
#include "duplicates/videoduplicates.h"
#include "parallelfor.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>

#include <algorithm>

namespace shoebox {

namespace {

bool cancelled(const std::atomic_bool* c)
{
    return c && c->load();
}

QString fileName(const PhotoSignals& p)
{
    return QFileInfo(p.path).fileName();
}

// One engine run over a fixed set of photos.
class Run {
public:
    Run(QVector<PhotoSignals>& photos, const DuplicateRules& rules, const QSet<QByteArray>& decided,
        DuplicateStats& stats, const std::atomic_bool* cancel, const DuplicateFinder::KeypointLoader& loader)
        : m_photos(photos)
        , m_writable(photos)
        , m_loader(loader)
        , m_rules(rules)
        , m_decided(decided)
        , m_stats(stats)
        , m_cancel(cancel)
    {
    }

    QList<DuplicateGroup> exactGroups()
    {
        QList<DuplicateGroup> out;
        for (const QVector<int>& copies : DuplicateGrouper::byContent(m_photos))
            if (copies.size() > 1 && !copiesKept(copies))
                out << makeGroup(QVector<int>(copies), DuplicateLevel::Exact, {});
        return out;
    }

    // Near groups over one representative per content hash; copies rejoin their representative. With
    // representativesOut, only the representatives the similar pass needs (no groups are made).
    QList<DuplicateGroup> nearGroups(QVector<int>* representativesOut)
    {
        const auto byContent = DuplicateGrouper::byContent(m_photos);
        QVector<int> reps;
        QHash<int, QVector<int>> copiesOf;
        for (const QVector<int>& copies : byContent) {
            reps << copies.front();
            copiesOf.insert(copies.front(), copies);
        }
        CandidateFinder::Sources sources;
        auto groups = groupAt(reps, DuplicateLevel::Near, sources);
        groups.erase(std::remove_if(groups.begin(), groups.end(), [this](const auto& g) { return !hasSureLink(g); }),
            groups.end());
        QSet<int> grouped;
        for (const auto& g : groups)
            for (int r : g)
                grouped.insert(r);
        if (representativesOut) {
            *representativesOut = representatives(groups, reps, grouped);
            return {};
        }
        QList<DuplicateGroup> out;
        for (const auto& g : groups) {
            QVector<int> members;
            for (int r : g)
                members << copiesOf.value(r);
            DuplicateGroup group = makeGroup(members, DuplicateLevel::Near, g);
            if (group.level == DuplicateLevel::Near)
                group.toCheck = unconfirmed(members, group.keeper);
            out << group;
        }
        // Exact copies with no near partner still form a group of their own.
        for (int r : reps)
            if (!grouped.contains(r) && copiesOf.value(r).size() > 1 && !copiesKept(copiesOf.value(r)))
                out << makeGroup(copiesOf.value(r), DuplicateLevel::Exact, {});
        return out;
    }

    // Whether two different pictures of a near group are surely one (PairDecision::confirmed), over the
    // pairs decided, else deciding those that were not (in small groups; a large one has had many
    // decided). A group held together by unconfirmed matches alone (thumbnails alike only after a
    // window was moved over them, on a picture too smooth for keypoints: a wider framing of one
    // gradient, or two pictures under one sticker) is no near group: its photos go to the similar
    // level, where two framings of one scene belong.
    bool hasSureLink(const std::vector<int>& g)
    {
        constexpr size_t kMaxAsked = 8;
        for (size_t i = 0; i < g.size(); ++i)
            for (size_t j = i + 1; j < g.size(); ++j)
                if (m_confirmed.contains(key(g[i], g[j])))
                    return true;
        if (g.size() > kMaxAsked)
            return true;
        for (size_t i = 0; i < g.size(); ++i)
            for (size_t j = i + 1; j < g.size(); ++j)
                if (!m_reasons.contains(key(g[i], g[j])) && decide(g[i], g[j]).confirmed)
                    return true;
        return false;
    }

    // For the similar pass: one photo per near group and each lone picture. The photo a user would
    // keep speaks for its group (it usually has the EXIF the burst and camera rules need).
    QVector<int> representatives(
        const std::vector<std::vector<int>>& groups, const QVector<int>& reps, const QSet<int>& grouped) const
    {
        QVector<int> out;
        for (const auto& g : groups) {
            out << g[size_t(KeeperChooser::choose(asKeeperSees(QVector<int>(g.begin(), g.end()))).first)];
        }
        for (int r : reps)
            if (!grouped.contains(r))
                out << r;
        return out;
    }

    QList<DuplicateGroup> similarGroups()
    {
        QVector<int> reps;
        nearGroups(&reps);
        CandidateFinder::Sources sources;
        sources.captureTime = true;
        DuplicateRules wide = m_rules;
        wide.descriptorMinCosine = 0.5f;
        wide.descriptorNeighbours = std::max(m_rules.descriptorNeighbours, 8);
        m_candidateRules = &wide;
        const auto groups = groupAt(reps, DuplicateLevel::Similar, sources);
        m_candidateRules = nullptr;
        QList<DuplicateGroup> out;
        for (const auto& g : groups)
            out << makeGroup(QVector<int>(g.begin(), g.end()), DuplicateLevel::Similar, g);
        return out;
    }

private:
    // The user chose to keep every byte-identical copy of this file.
    bool copiesKept(const QVector<int>& copies) const
    {
        const QByteArray& h = m_photos[copies.front()].contentHash;
        return !h.isEmpty() && m_decided.contains(DuplicateStore::pairKey(h, h));
    }

    bool rejected(int a, int b) const
    {
        const QByteArray& ha = m_photos[a].contentHash;
        const QByteArray& hb = m_photos[b].contentHash;
        return !m_decided.isEmpty() && !ha.isEmpty() && !hb.isEmpty()
            && m_decided.contains(DuplicateStore::pairKey(ha, hb));
    }

    PairDecision decide(int a, int b)
    {
        ++m_stats.pairsCompared;
        PairDecision d = DuplicateMatchers::compare(m_photos[a], m_photos[b], m_rules);
        if (asksKeypoints(a, b, d) && m_loader) {
            QVector<int> need;
            for (int i : { a, b })
                if (lacksKeypoints(i))
                    need << i;
            loadKeypoints(need);
            if (d.verifiable && m_photos[a].keypoints && m_photos[b].keypoints)
                d = DuplicateMatchers::compare(m_photos[a], m_photos[b], m_rules);
        }
        d = m_reviews.review(m_photos[a], m_photos[b], std::move(d), m_rules);
        remember(a, b, d);
        return d;
    }

    void remember(int a, int b, const PairDecision& d)
    {
        m_reasons.insert(key(a, b), a < b ? d.reasons : PairDecision::seenTheOtherWay(d.reasons)); // as (low, high)
        if (d.confirmed)
            m_confirmed.insert(key(a, b));
        else if (d.level == DuplicateLevel::Near)
            m_unsure.insert(key(a, b));
        // Frames shown to be own margins, on one canvas shape: the keeper may take both photos whole.
        if (d.ownMargins && std::abs(m_photos[a].aspect() / m_photos[b].aspect() - 1) <= m_rules.ownMarginsShape)
            m_ownMargins.insert(key(a, b));
    }

    // The members as the keeper rules see them: whole where a pair in the group proved frames own margins.
    QVector<PhotoSignals> asKeeperSees(const QVector<int>& members) const
    {
        QVector<PhotoSignals> out;
        QVector<bool> own;
        for (int i : members) {
            out << m_photos[i];
            own << std::any_of(members.begin(), members.end(), [&](int j) { return m_ownMargins.contains(key(i, j)); });
        }
        return KeeperChooser::ownMarginsWhole(out, own, m_rules.ownMarginsShape);
    }

    // Pairs the cheap signals leave open are decided again with the photos' keypoints, read from
    // the catalog only for those photos; a review may need them too (PairReviews::asksKeypoints).
    // (At the similar level only the latter, so that the group says why the pair is not near.)
    bool asksKeypoints(int a, int b, const PairDecision& d, bool verify = true) const
    {
        return (verify && d.verifiable) || PairReviews::asksKeypoints(m_photos[a], m_photos[b], d);
    }

    void verifyWithKeypoints(std::vector<DecidedPair>& pairs, bool verify)
    {
        std::vector<size_t> open;
        QSet<int> need;
        for (size_t k = 0; k < pairs.size(); ++k)
            if (asksKeypoints(pairs[k].a, pairs[k].b, pairs[k].decision, verify)) {
                open.push_back(k);
                for (int i : { pairs[k].a, pairs[k].b })
                    if (lacksKeypoints(i))
                        need.insert(i);
            }
        if (open.empty() || cancelled(m_cancel))
            return;
        loadKeypoints(QVector<int>(need.begin(), need.end()));
        parallelFor(open.size(), [&](size_t j) {
            DecidedPair& p = pairs[open[j]];
            const PhotoSignals &a = m_photos[p.a], &b = m_photos[p.b];
            if (verify && p.decision.verifiable && a.keypoints && b.keypoints && !cancelled(m_cancel))
                p.decision = DuplicateMatchers::compare(a, b, m_rules);
        });
        m_stats.pairsVerified += open.size();
    }

    // Near pairs looked at closer (PairReviews), with the keypoints loaded that they need.
    void review(std::vector<DecidedPair>& pairs)
    {
        std::vector<size_t> open;
        for (size_t k = 0; k < pairs.size(); ++k)
            if (PairReviews::asks(m_photos[pairs[k].a], m_photos[pairs[k].b], pairs[k].decision))
                open.push_back(k);
        parallelFor(open.size(), [&](size_t j) {
            DecidedPair& p = pairs[open[j]];
            if (!cancelled(m_cancel))
                p.decision = m_reviews.review(m_photos[p.a], m_photos[p.b], std::move(p.decision), m_rules);
        });
        m_stats.pairsReviewed += open.size();
    }

    // Not loaded yet and not asked for before (a photo without readable keypoints is asked once).
    bool lacksKeypoints(int i) const { return !m_photos[i].keypoints && !m_tried.contains(i); }

    void loadKeypoints(const QVector<int>& which)
    {
        if (!m_loader || which.isEmpty())
            return;
        m_loader(m_writable, which);
        for (int i : which)
            m_tried.insert(i);
        m_stats.keypointsLoaded += which.size();
    }

    static quint64 key(int a, int b) { return (quint64(quint32(std::min(a, b))) << 32) | quint32(std::max(a, b)); }

    // Candidates among subset (indices into m_photos), decided in parallel, then grouped.
    std::vector<std::vector<int>> groupAt(
        const QVector<int>& subset, DuplicateLevel level, const CandidateFinder::Sources& sources)
    {
        QElapsedTimer t;
        t.start();
        QVector<PhotoSignals> view;
        view.reserve(subset.size());
        for (int i : subset)
            view << m_photos[i];
        const DuplicateRules& cr = m_candidateRules ? *m_candidateRules : m_rules;
        const auto local = CandidateFinder::find(view, cr, sources, &m_stats.candidates);
        m_stats.secondsCandidates += t.nsecsElapsed() / 1e9;
        t.restart();
        std::vector<DecidedPair> pairs(local.size());
        parallelFor(local.size(), [&](size_t k) {
            if (cancelled(m_cancel))
                return;
            const int a = subset[local[k].first], b = subset[local[k].second];
            pairs[k].a = a;
            pairs[k].b = b;
            if (!rejected(a, b))
                pairs[k].decision = DuplicateMatchers::compare(m_photos[a], m_photos[b], m_rules);
        });
        m_stats.pairsCompared += pairs.size();
        verifyWithKeypoints(pairs, level == DuplicateLevel::Near);
        review(pairs);
        for (const DecidedPair& p : pairs) {
            remember(p.a, p.b, p.decision);
            if (DuplicateGrouper::reaches(p.decision.level, level))
                ++m_stats.pairsMatched;
        }
        m_stats.secondsCompare += t.nsecsElapsed() / 1e9;
        t.restart();
        if (cancelled(m_cancel))
            return {};
        auto groups = DuplicateGrouper::group(
            pairs, level, [this](int a, int b) { return decide(a, b); },
            [this](int a, int b) { return rejected(a, b); });
        m_stats.secondsGroup += t.nsecsElapsed() / 1e9;
        return groups;
    }

    DuplicateGroup makeGroup(const QVector<int>& members, DuplicateLevel level, const std::vector<int>& order)
    {
        DuplicateGroup g;
        const QVector<PhotoSignals> signalsOf = asKeeperSees(members);
        for (int i : members) {
            g.members << m_photos[i].id;
            g.files << m_photos[i].path;
            g.contentHashes << m_photos[i].contentHash;
        }
        bool allSame = true;
        for (const QByteArray& h : g.contentHashes)
            allSame = allSame && !h.isEmpty() && h == g.contentHashes.front();
        g.level = level == DuplicateLevel::Similar ? level : allSame ? DuplicateLevel::Exact : DuplicateLevel::Near;
        const auto keeper = KeeperChooser::choose(signalsOf);
        g.keeper = keeper.first;
        g.keeperReason = keeper.second;
        const int rep = order.empty() ? members.front() : order.front();
        for (int k = 0; k < members.size(); ++k)
            g.compared << comparedRegion(signalsOf[k], members);
        for (int i : members) {
            if (i == rep)
                continue;
            const PhotoSignals& a = m_photos[i];
            const PhotoSignals& b = m_photos[rep];
            QStringList why;
            if (!a.contentHash.isEmpty() && a.contentHash == b.contentHash)
                why << QStringLiteral("same bytes");
            else
                why = i < rep ? m_reasons.value(key(i, rep))
                              : PairDecision::seenTheOtherWay(m_reasons.value(key(i, rep)));
            if (why.isEmpty()) // joined through its own near copy: say how it matches the representative
                why = DuplicateMatchers::compare(a, b, m_rules).reasons;
            if (level == DuplicateLevel::Similar && m_unsure.contains(key(i, rep)))
                why << QStringLiteral("near on this alone, but nothing confirms it (found only by a search of the "
                                      "thumbnails or on one shared patch): similar, not near duplicates");
            g.reasons << QStringLiteral("%1 ~ %2: %3").arg(fileName(a), fileName(b), why.join(QStringLiteral(", ")));
        }
        return g;
    }

    // Members not reached from the keeper over confirmed pairs (or the same bytes): over the pairs
    // decided already, then, for each member still apart, pairs never decided with up to kNewChecks
    // members reached.
    QVector<bool> unconfirmed(const QVector<int>& members, int keeper)
    {
        constexpr int kNewChecks = 4;
        const int n = int(members.size());
        QVector<bool> reached(n, false);
        std::vector<int> queue;
        const auto reach = [&](int y) {
            reached[y] = true;
            queue.push_back(y);
        };
        const auto spread = [&] {
            while (!queue.empty()) {
                const int x = queue.back();
                queue.pop_back();
                for (int y = 0; y < n; ++y)
                    if (!reached[y] && knownConfirmed(members[x], members[y]))
                        reach(y);
            }
        };
        reach(keeper);
        spread();
        for (int y = 0; y < n; ++y) {
            int asked = 0;
            for (int x = 0; x < n && !reached[y] && asked < kNewChecks; ++x) {
                if (!reached[x] || m_reasons.contains(key(members[x], members[y])))
                    continue;
                ++asked;
                if (decide(members[x], members[y]).confirmed) {
                    reach(y);
                    spread();
                }
            }
        }
        QVector<bool> out(n);
        for (int i = 0; i < n; ++i)
            out[i] = !reached[i];
        return out;
    }

    bool knownConfirmed(int a, int b) const
    {
        const QByteArray& h = m_photos[a].contentHash;
        return (!h.isEmpty() && h == m_photos[b].contentHash) || m_confirmed.contains(key(a, b));
    }

    // Inside the photo's frame; else, for a square, the band that padding leaves to another member's
    // picture; else the whole picture.
    ContentRegion comparedRegion(const PhotoSignals& p, const QVector<int>& members) const
    {
        if (p.hasInner)
            return p.region;
        for (int j : members) {
            if (m_photos[j].id == p.id)
                continue;
            if (const ContentRegion band = PaddingMatcher::band(p, m_photos[j], m_rules); !band.isWhole())
                return band;
        }
        return {};
    }

    // Read through the const reference: a non-const access would detach a vector the caller still shares.
    const QVector<PhotoSignals>& m_photos;
    QVector<PhotoSignals>& m_writable; // the same vector, written only when keypoints are loaded
    const DuplicateFinder::KeypointLoader& m_loader;
    QSet<int> m_tried; // photos whose keypoints were asked for already
    const DuplicateRules& m_rules;
    const DuplicateRules* m_candidateRules = nullptr;
    const QSet<QByteArray>& m_decided;
    DuplicateStats& m_stats;
    const std::atomic_bool* m_cancel;
    QHash<quint64, QStringList> m_reasons;
    QSet<quint64> m_confirmed; // near pairs decided as PairDecision::confirmed
    QSet<quint64> m_unsure; // near pairs decided without it
    QSet<quint64> m_ownMargins; // near pairs whose "frames" proved to be their own margins
    PairReviews m_reviews;
};

} // namespace

DuplicateFinder::DuplicateFinder(QString libraryPath, DuplicateRules rules)
    : m_path(std::move(libraryPath))
    , m_rules(rules)
{
}

QList<DuplicateGroup> DuplicateFinder::find(DuplicateLevel level, const QString& folder, QString* error)
{
    m_stats = DuplicateStats();
    QElapsedTimer t;
    t.start();
    QString loadError;
    QVector<PhotoSignals> photos = DuplicateSignals(m_path).load(folder, &loadError);
    if (!loadError.isEmpty()) {
        if (error)
            *error = loadError;
        return {};
    }
    // Videos are matched by their frame sequences, not by the still-photo rules (videoduplicates.h).
    const QVector<PhotoSignals> videos = VideoDuplicates::takeVideos(photos);
    const QSet<QByteArray> decided = DuplicateStore(m_path).decidedPairs();
    m_stats.secondsLoad = t.nsecsElapsed() / 1e9;
    const QString path = m_path;
    const std::atomic_bool* cancel = &m_cancel;
    auto groups = findIn(std::move(photos), level, m_rules, decided, &m_stats, &m_cancel,
        [path, cancel](QVector<PhotoSignals>& all, const QVector<int>& which) {
            DuplicateSignals(path).loadKeypoints(all, which, cancel);
        });
    groups += VideoDuplicates(m_path).find(videos, level, decided, &m_cancel);
    m_stats.secondsTotal = t.nsecsElapsed() / 1e9;
    return groups;
}

QList<DuplicateGroup> DuplicateFinder::findIn(QVector<PhotoSignals> photos, DuplicateLevel level,
    const DuplicateRules& rules, const QSet<QByteArray>& decidedPairs, DuplicateStats* stats,
    const std::atomic_bool* cancel, const KeypointLoader& loadKeypoints)
{
    DuplicateStats local;
    DuplicateStats& st = stats ? *stats : local;
    st.photos = photos.size();
    QElapsedTimer t;
    t.start();
    Run run(photos, rules, decidedPairs, st, cancel, loadKeypoints);
    QList<DuplicateGroup> out;
    switch (level) {
    case DuplicateLevel::Exact:
        out = run.exactGroups();
        break;
    case DuplicateLevel::Near:
        out = run.nearGroups(nullptr);
        break;
    case DuplicateLevel::Similar:
        out = run.similarGroups();
        break;
    case DuplicateLevel::None:
        break;
    }
    if (cancelled(cancel))
        out.clear();
    if (st.secondsTotal == 0)
        st.secondsTotal = t.nsecsElapsed() / 1e9;
    return out;
}

} // namespace shoebox
