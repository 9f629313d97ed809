#include "duplicates/ownmargins.h"

#include "duplicates/duplicaterules.h"
#include "duplicates/keypointmatcher.h"
#include "duplicates/thumbaligner.h"

#include <opencv2/core.hpp>

namespace shoebox {

namespace {

// Maps the inside of a framed photo, normalised to [0,1]^2, into the whole photo's [0,1]^2.
cv::Matx33d insideToWhole(const ContentRegion& g)
{
    return { g.widthShare(), 0, g.left, 0, g.heightShare(), g.top, 0, 0, 1 };
}

QString frameOf(const PhotoSignals& p)
{
    return p.hasInner ? p.region.describe() : QStringLiteral("none found");
}

} // namespace

bool OwnMargins::worthAFit(const SignalVerdict& region, const SignalVerdict& aligned)
{
    const bool wholesAlike
        = aligned.verdict == Verdict::Same || aligned.verdict == Verdict::Near || aligned.verdict == Verdict::Similar;
    return region.framesDiffer && region.verdict != Verdict::Near && wholesAlike;
}

std::optional<SignalVerdict> OwnMargins::confirm(const SignalVerdict& region, const SignalVerdict& keypoints,
    const PhotoSignals& a, const PhotoSignals& b, const KeypointMatch& fit, const DuplicateRules& r)
{
    if (region.verdict == Verdict::Near || !region.framesDiffer || keypoints.verdict != Verdict::Near
        || !keypoints.spread || !fit.fitted)
        return std::nullopt;
    // The inside of the fit's smaller picture where both are framed, else of the framed one (laid on
    // the other through the inverse fit when it is the larger).
    const bool innerFramed = (fit.firstIsInner ? a : b).hasInner;
    const PhotoSignals& framed = (fit.firstIsInner == innerFramed) ? a : b;
    const PhotoSignals& other = &framed == &a ? b : a;
    if (!framed.hasInner)
        return std::nullopt;
    const cv::Matx33d toOther = innerFramed ? fit.innerToOuter : fit.innerToOuter.inv();
    const double at = ThumbAligner::correlationAt(framed.innerGray, other.gray, toOther * insideToWhole(framed.region));
    if (at < r.ownMarginsNear)
        return std::nullopt;
    SignalVerdict v = region;
    v.verdict = Verdict::Near;
    v.value = at;
    v.searched = false;
    v.window = false;
    v.ownMargins = true;
    v.reason = QStringLiteral("the picture inside the frame: grey correlation %1 where the keypoints put it; "
                              "the frames differ (%2; %3): the picture's own margins, read as frames")
                   .arg(at, 0, 'f', 3)
                   .arg(frameOf(a), frameOf(b));
    return v;
}

void OwnMargins::upgrade(QVector<SignalVerdict>& verdicts, const PhotoSignals& a, const PhotoSignals& b,
    const KeypointMatch* fit, const DuplicateRules& r)
{
    const SignalVerdict* keypoints = SignalVerdict::in(verdicts, "keypoints");
    if (!fit || !keypoints)
        return;
    for (SignalVerdict& v : verdicts)
        if (v.signal == QLatin1String("region")) {
            if (const auto own = confirm(v, *keypoints, a, b, *fit, r))
                v = *own;
            return;
        }
}

} // namespace shoebox
