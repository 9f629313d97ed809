#pragma once
// The closer looks a near pair gets once the stored signals have decided it, in this order: one
// screen in two states (ScreenStates: two lossless pictures laid over each other by their keypoints
// or whole), two framings of one scene (Reframings: a near pair that nothing confirmed), two pictures under
// one patch (SharedPatches: the same, its keypoints at hand) and parts of one picture moved (MovedParts:
// a framed pair that no fit verified). The first three read the photos' 256 px greys, each photo once
// per instance. Any thread.

#include "duplicates/duplicaterules.h"
#include "duplicates/duplicatetypes.h"
#include "duplicates/movedparts.h"
#include "duplicates/reframings.h"
#include "duplicates/screenstates.h"
#include "duplicates/sharedpatches.h"
#include "duplicates/thumbnailgrays.h"

namespace shoebox {

class PairReviews {
public:
    // Whether a pair decided so is one a review speaks for.
    static bool asks(const PhotoSignals& a, const PhotoSignals& b, const PairDecision& d);
    // Whether its review needs the photos' keypoints.
    static bool asksKeypoints(const PhotoSignals& a, const PhotoSignals& b, const PairDecision& d);
    // d, or the similar level with the reason where a review finds the pair is not one picture.
    PairDecision review(const PhotoSignals& a, const PhotoSignals& b, PairDecision d, const DuplicateRules& r);

private:
    ThumbnailGrays m_grays;
    ScreenStates m_screens { m_grays };
    Reframings m_reframings { m_grays };
    SharedPatches m_patches { m_grays };
};

} // namespace shoebox
