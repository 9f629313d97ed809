#pragma once
// Parts of one picture, moved, are not that picture. Two pictures in the same frame that share their
// parts in other places (one photo's halves swapped, a collage of its tiles) correlate well inside
// the frames at 24 px, where each half is one smooth colour, and nothing but those thumbnails calls
// them near. Their keypoints tell: many of them fit one crop/rotation, but one that puts the part
// they cover a third of the picture or more away from where the frames' insides align it. An edit
// keeps every part where the frame puts it (a crop or a one-sided cut moves it a fifth at most).
// Pure functions of the stored signals and the pair's keypoint fit; any thread.

#include "duplicates/duplicaterules.h"
#include "duplicates/duplicatetypes.h"

namespace shoebox {

struct KeypointMatch;

class MovedParts {
public:
    // Whether a pair decided so is one the check speaks for: near on the thumbnails alone (no fit
    // verified it), one photo or both framed.
    static bool asks(const PhotoSignals& a, const PhotoSignals& b, const PairDecision& d);
    // How far the fit moves the part its inliers cover from where laying one picture on the other
    // puts it, whole or inside its frame, whichever of those four is closest: the larger of the
    // horizontal and vertical distances, as a share of the picture's width or height.
    static double shift(const PhotoSignals& a, const PhotoSignals& b, const KeypointMatch& fit);
    // d, or, for a pair asked about whose keypoints fit parts moved by movedPartsShift or more, the
    // similar level with the reason. fit: the pair's crop/rotation fit, null without keypoints.
    static PairDecision review(const PhotoSignals& a, const PhotoSignals& b, const KeypointMatch* fit, PairDecision d,
        const DuplicateRules& r);
};

} // namespace shoebox
