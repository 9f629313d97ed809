#pragma once
// Builds duplicate groups from decided pairs without chaining: within each connected set of matched
// pairs, the photo with the most matches becomes a group's representative, and another photo joins
// only when it matches the representative and a strict majority of the members, checked pair by
// pair (an even sample of at most 15 members in large groups), and never when the user rejected
// its pairing with any member; one turned away while the group was small is asked again once it has
// grown. So "a looks like b looks like c" never puts a and c together unless
// a and c match as well. One exception: a near copy verified against the representative by its
// geometry (keypoints fitted over the picture, PairDecision::keypointVerified, or the window of a
// one-sided cut correlating to JPEG noise, cutVerified) is an edit of the representative's picture
// and joins on that alone (a one-sided cut is too far from the framed copies of the same photo to
// agree with them).
// Pure function, any thread.

#include "duplicates/duplicatetypes.h"

#include <functional>
#include <utility>
#include <vector>

namespace shoebox {

struct DecidedPair {
    int a = 0, b = 0;
    PairDecision decision;
};

class DuplicateGrouper {
public:
    // Decides a pair that was not among the candidates (called while growing a group).
    using Decide = std::function<PairDecision(int a, int b)>;
    // True when the user said the two photos are not duplicates (or to keep both).
    using Rejected = std::function<bool(int a, int b)>;

    // Groups of indices whose pairs reach at least `level` (Exact < Near < Similar in strength
    // order). Each group lists its representative first.
    static std::vector<std::vector<int>> group(
        const std::vector<DecidedPair>& pairs, DuplicateLevel level, const Decide& decide, const Rejected& rejected);
    static bool reaches(DuplicateLevel pairLevel, DuplicateLevel wanted);
    // Indices of the photos by content hash, in order of first appearance (one list per photo without one).
    static QList<QVector<int>> byContent(const QVector<PhotoSignals>& photos);
};

} // namespace shoebox
