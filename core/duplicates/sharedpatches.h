#pragma once
// One sticker is not one picture. Two different pictures under the same sticker, emoji or logo fit
// in place on that patch alone (a smooth wallpaper holds few keypoints of its own), and around it the
// 24 px thumbnails of two gradients correlate too well for the overlay rule (DuplicateMatchers::
// overlay) to tell them apart. At 256 px, laid over each other as the keypoints put them, an edit of
// one picture keeps nearly every pixel around the patch to a few grey levels (JPEG noise; the patch
// it added is inside); two pictures keep few.
// Reads the photos' 256 px greys from the ThumbnailGrays given; any thread.

#include "duplicates/duplicaterules.h"
#include "duplicates/duplicatetypes.h"
#include "duplicates/thumbnailgrays.h"

#include <opencv2/core/mat.hpp>

#include <vector>

namespace shoebox {

struct KeypointMatch;

class SharedPatches {
public:
    explicit SharedPatches(ThumbnailGrays& grays)
        : m_grays(grays)
    {
    }
    // Whether a pair decided so is one the check speaks for: near on nothing that confirms it, with
    // both photos' keypoints at hand.
    static bool asks(const PhotoSignals& a, const PhotoSignals& b, const PairDecision& d);
    // Of the pixels of two greys of one size outside the boxes (shares of the picture, each grown by
    // `margin` of its size), the share within `levels` grey levels once their median difference is
    // taken out; -1 where too little is left.
    static double sameAround(
        const cv::Mat& a, const cv::Mat& b, const std::vector<cv::Rect2d>& boxes, double margin, double levels);
    // d, or, for a pair asked about whose keypoints agree on one patch in place and whose pictures
    // differ around it, the similar level with the reason.
    // fit: the pair's crop/rotation keypoint fit (KeypointMatcher::match), null without keypoints.
    PairDecision review(const PhotoSignals& a, const PhotoSignals& b, const KeypointMatch* fit, PairDecision d,
        const DuplicateRules& r);

private:
    ThumbnailGrays& m_grays;
};

} // namespace shoebox
