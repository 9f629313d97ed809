#include "duplicates/pairreviews.h"

namespace shoebox {

bool PairReviews::asks(const PhotoSignals& a, const PhotoSignals& b, const PairDecision& d)
{
    return ScreenStates::asks(a, b, d) || Reframings::asks(a, b, d) || SharedPatches::asks(a, b, d);
}

bool PairReviews::asksKeypoints(const PhotoSignals& a, const PhotoSignals& b, const PairDecision& d)
{
    return ScreenStates::asks(a, b, d);
}

PairDecision PairReviews::review(const PhotoSignals& a, const PhotoSignals& b, PairDecision d, const DuplicateRules& r)
{
    d = m_screens.review(a, b, std::move(d), r);
    d = m_reframings.review(a, b, std::move(d), r);
    return m_patches.review(a, b, std::move(d), r);
}

} // namespace shoebox
