#include "duplicates/movedparts.h"

#include "duplicates/keypointmatcher.h"

#include <algorithm>
#include <cmath>

namespace shoebox {

namespace {

// The part of the photo compared: inside its frame, or whole.
cv::Rect2d insideOf(const PhotoSignals& p)
{
    if (!p.hasInner)
        return { 0, 0, 1, 1 };
    return { p.region.left, p.region.top, p.region.widthShare(), p.region.heightShare() };
}

cv::Point2d centre(const cv::Rect2d& r)
{
    return { r.x + r.width / 2, r.y + r.height / 2 };
}

// Where point p of the photo lies in `part`, as shares of the part's width and height.
cv::Point2d within(const cv::Point2d& p, const cv::Rect2d& part)
{
    return { (p.x - part.x) / part.width, (p.y - part.y) / part.height };
}

} // namespace

bool MovedParts::asks(const PhotoSignals& a, const PhotoSignals& b, const PairDecision& d)
{
    return d.level == DuplicateLevel::Near && !d.keypointVerified && !d.cutVerified && !d.overlayVerified
        && (a.hasInner || b.hasInner);
}

double MovedParts::shift(const PhotoSignals& a, const PhotoSignals& b, const KeypointMatch& fit)
{
    const cv::Point2d inA = centre(fit.firstBox), inB = centre(fit.secondBox);
    const cv::Rect2d whole { 0, 0, 1, 1 };
    double nearest = 1;
    for (const cv::Rect2d& partA : { insideOf(a), whole })
        for (const cv::Rect2d& partB : { insideOf(b), whole }) {
            const cv::Point2d d = within(inA, partA) - within(inB, partB);
            nearest = std::min(nearest, std::max(std::abs(d.x), std::abs(d.y)));
        }
    return nearest;
}

PairDecision MovedParts::review(
    const PhotoSignals& a, const PhotoSignals& b, const KeypointMatch* fit, PairDecision d, const DuplicateRules& r)
{
    if (!asks(a, b, d) || !fit || !fit->fitted || fit->inliers < r.keypointMinInliers
        || fit->residual > r.keypointResidualLimit(fit->degrees))
        return d;
    const double moved = shift(a, b, *fit);
    if (moved < r.movedPartsShift)
        return d;
    return PairDecision::similarBecause(d,
        QStringLiteral("parts alike, moved: %1 of %2 keypoint matches fit one part %3% of the picture away from "
                       "where the frame puts it")
            .arg(fit->inliers)
            .arg(fit->matches)
            .arg(qRound(moved * 100)));
}

} // namespace shoebox
