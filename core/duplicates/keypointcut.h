#pragma once
// A one-sided cut (a fifth off the top, a quarter off one side) that the thumbnails find short of
// DuplicateRules::alignedCutNear, as they do where a lossy original was re-encoded, stands when a keypoint
// fit puts the smaller picture at the very window of that cut: two signals, each short of certainty alone
// (the fit is looser than keypointMovedResidual), agree on the geometry of a plain cut. A pan moves more
// than one side, so its fit never lands on a one-sided window. Pure function, any thread.

#include "duplicates/duplicatetypes.h"

#include <optional>

namespace shoebox {

struct Alignment;
struct DuplicateRules;
struct KeypointMatch;

class KeypointCut {
public:
    // The aligned verdict made near on the cut (SignalVerdict::cut, which PairDecision::cutVerified
    // trusts), or nothing when the fit and the cut disagree or either falls short.
    static std::optional<SignalVerdict> confirm(
        const SignalVerdict& aligned, const Alignment& alignment, const KeypointMatch& fit, const DuplicateRules& r);
    // The same on a pair's verdicts: replaces the "aligned" one where confirm() holds (fit: null when
    // the keypoints were not fitted).
    static void upgrade(QVector<SignalVerdict>& verdicts, const Alignment& alignment, const KeypointMatch* fit,
        const DuplicateRules& r);
};

} // namespace shoebox
