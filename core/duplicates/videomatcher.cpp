#include "duplicates/videomatcher.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace shoebox {

namespace {

int bitsBetween(uint64_t a, uint64_t b)
{
    return __builtin_popcountll(a ^ b);
}

struct Alignment {
    int matched = 0;
    int maxBits = 0;
    qint64 offset = 0;
    qint64 timeError = 0; // summed distance in ms between matched frames and their partners
};

// Frames of s found in l when s starts at `offset` ms into l: each needs a frame of l within
// kMaxFrameBits bits and within `slack` ms of where it should be.
Alignment align(const FrameHashSequence& s, const FrameHashSequence& l, qint64 offset, qint64 slack)
{
    Alignment a;
    a.offset = offset;
    for (const auto& fs : s.frames) {
        int best = 65;
        qint64 error = 0;
        for (const auto& fl : l.frames) {
            const qint64 d = std::abs(fs.ms + offset - fl.ms);
            const int bits = bitsBetween(fs.hash, fl.hash);
            if (d <= slack && (bits < best || (bits == best && d < error))) {
                best = bits;
                error = d;
            }
        }
        if (best <= VideoMatcher::kMaxFrameBits) {
            ++a.matched;
            a.maxBits = std::max(a.maxBits, best);
            a.timeError += error;
        }
    }
    return a;
}

QString seconds(qint64 ms)
{
    return QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'f', 1);
}

} // namespace

VideoMatch VideoMatcher::compare(const FrameHashSequence& a, const FrameHashSequence& b)
{
    VideoMatch m;
    const bool aShorter = a.durationMs <= b.durationMs;
    const FrameHashSequence& s = aShorter ? a : b;
    const FrameHashSequence& l = aShorter ? b : a;
    m.compared = int(s.frames.size());
    const QString durations = QStringLiteral("durations %1 vs %2").arg(seconds(a.durationMs), seconds(b.durationMs));
    if (s.frames.size() < 3 || l.frames.size() < 3) {
        m.reason = QStringLiteral("too few informative frames to compare (%1 and %2)")
                       .arg(a.frames.size())
                       .arg(b.frames.size());
        return m;
    }
    if (l.durationMs <= 0 || double(s.durationMs) / l.durationMs < kMinDurationRatio) {
        m.reason = durations + QStringLiteral(": too different for one clip");
        return m;
    }
    // Where the shorter clip may start inside the longer one: anywhere the trim leaves room for,
    // tried at every offset a pair of similar frames suggests (and at 0 for untrimmed copies).
    const qint64 slack = std::max<qint64>(1000, l.durationMs / (2 * qint64(l.frames.size())));
    const qint64 room = l.durationMs - s.durationMs + slack;
    std::set<qint64> offsets { 0 };
    for (const auto& fs : s.frames)
        for (const auto& fl : l.frames)
            if (bitsBetween(fs.hash, fl.hash) <= kMaxFrameBits && std::abs(fl.ms - fs.ms) <= room)
                offsets.insert(fl.ms - fs.ms);
    Alignment best;
    for (const qint64 o : offsets) {
        const Alignment t = align(s, l, o, slack);
        // Most frames found; then the offset that puts them closest to their partners.
        if (t.matched > best.matched || (t.matched == best.matched && t.timeError < best.timeError))
            best = t;
    }
    m.matched = best.matched;
    m.maxBits = best.maxBits;
    m.offsetMs = best.offset;
    m.same = best.matched >= std::max(3, int(std::ceil(kMinMatchedShare * m.compared)));
    m.reason = QStringLiteral("%1 of %2 frames within %3 bits, %4")
                   .arg(m.matched)
                   .arg(m.compared)
                   .arg(m.same ? m.maxBits : kMaxFrameBits)
                   .arg(durations);
    if (m.same && std::abs(m.offsetMs) >= 500)
        m.reason += QStringLiteral(", offset %1").arg(seconds(std::abs(m.offsetMs)));
    return m;
}

} // namespace shoebox
