#pragma once
// Two photos of one picture whose own flat margins (cards on a white table, a product shot on white) the
// detector read as frames of different sizes, or found on one photo only: the insides, each cut at its
// own "frame", then differ, and the rule that a frame is never evidence would call them two pictures.
// Where the frames are unlike (a frame both share is the case that rule is for), the whole thumbnails
// are at least alike, and a keypoint fit puts one photo on the other as an edit does, the inside of a
// framed one, laid where the fit puts it on the other's whole picture, tells: the same picture there is
// one photo; another picture in one frame style is not. Pure functions, any thread.

#include "duplicates/duplicatetypes.h"

#include <optional>

namespace shoebox {

struct DuplicateRules;
struct KeypointMatch;

class OwnMargins {
public:
    // Whether a pair's keypoints could show its frames to be the pictures' own margins: frames unlike
    // (or one alone) whose insides differ, on whole pictures the thumbnails find at least alike (own
    // margins are part of the picture, so the wholes agree; two pictures do not).
    static bool worthAFit(const SignalVerdict& region, const SignalVerdict& aligned);
    // The region verdict (short of near) made near on the inside at the fit, or nothing when the frames
    // are alike, the fit is not an edit's (keypoints: the pair's keypoint verdict) or the inside differs.
    static std::optional<SignalVerdict> confirm(const SignalVerdict& region, const SignalVerdict& keypoints,
        const PhotoSignals& a, const PhotoSignals& b, const KeypointMatch& fit, const DuplicateRules& r);
    // The same on a pair's verdicts: replaces the "region" one where confirm() holds (fit: null when
    // the keypoints were not fitted).
    static void upgrade(QVector<SignalVerdict>& verdicts, const PhotoSignals& a, const PhotoSignals& b,
        const KeypointMatch* fit, const DuplicateRules& r);
};

} // namespace shoebox
