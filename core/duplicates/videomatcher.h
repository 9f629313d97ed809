#pragma once
// Decides whether two videos are the same clip (re-encoded, resized or trimmed) from their "vframes"
// frame-hash sequences, with a reason in the duplicate engine's style: "9 of 10 frames within 6 bits,
// durations 61.0 s vs 60.9 s". Pure functions, any thread.

#include "media/videoframes.h"

#include <QString>

namespace shoebox {

struct VideoMatch {
    bool same = false;
    int matched = 0; // frames of the shorter clip found in the other one
    int compared = 0; // informative frames of the shorter clip
    int maxBits = 0; // largest pHash distance among the matched frames
    qint64 offsetMs = 0; // where the shorter clip starts inside the longer one (trims)
    QString reason;
};

class VideoMatcher {
public:
    // Two frames match when their pHashes differ by at most this many of 64 bits.
    static constexpr int kMaxFrameBits = 10;
    // The share of the shorter clip's frames that must be found in the other clip.
    static constexpr double kMinMatchedShare = 0.7;
    // A trimmed copy keeps at least this share of the original's duration.
    static constexpr double kMinDurationRatio = 0.5;

    static VideoMatch compare(const FrameHashSequence& a, const FrameHashSequence& b);
};

} // namespace shoebox
