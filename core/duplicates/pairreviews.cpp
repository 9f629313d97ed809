#include "duplicates/pairreviews.h"

#include "duplicates/keypointmatcher.h"

#include <optional>

namespace shoebox {

bool PairReviews::asks(const PhotoSignals& a, const PhotoSignals& b, const PairDecision& d)
{
    return ScreenStates::asks(a, b, d) || Reframings::asks(a, b, d) || SharedPatches::asks(a, b, d)
        || MovedParts::asks(a, b, d);
}

bool PairReviews::asksKeypoints(const PhotoSignals& a, const PhotoSignals& b, const PairDecision& d)
{
    return ScreenStates::asks(a, b, d) || MovedParts::asks(a, b, d);
}

PairDecision PairReviews::review(const PhotoSignals& a, const PhotoSignals& b, PairDecision d, const DuplicateRules& r)
{
    // One keypoint fit for the reviews that read it.
    std::optional<KeypointMatch> fit;
    if (a.keypoints && b.keypoints
        && (ScreenStates::asks(a, b, d) || SharedPatches::asks(a, b, d) || MovedParts::asks(a, b, d)))
        fit = KeypointMatcher::match(*a.keypoints, *b.keypoints, KeypointMatcher::Model::CropRotation);
    const KeypointMatch* m = fit ? &*fit : nullptr;
    d = m_screens.review(a, b, m, std::move(d), r);
    d = m_reframings.review(a, b, std::move(d), r);
    d = m_patches.review(a, b, m, std::move(d), r);
    return MovedParts::review(a, b, m, std::move(d), r);
}

} // namespace shoebox
