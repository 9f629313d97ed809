#pragma once
// Descriptors of parts of a photo's grey thumbnail, for finding a copy that something covers: a
// sticker, emoji or logo over a fifth of the picture changes its pHash by 10-30 bits and its whole
// descriptor far from the original's, while the parts it does not touch stay as they were. Nine
// windows of half the side (a 3x3 grid at a quarter-side stride), each a 4x4 grid of cell-mean
// grey levels with the mean removed and L2-normalised; a window with too little detail to tell
// pictures apart (sky, a wall, a border) is left all zeros, so that it matches nothing.

#include <QByteArray>

#include <vector>

namespace shoebox {

class PartDescriptors {
public:
    static constexpr int kWindows = 9;
    static constexpr int kDim = 16;
    // kWindows * kDim floats, window by window (row-major over the 3x3 grid); empty when the grey
    // thumbnail is missing or malformed.
    static std::vector<float> compute(const QByteArray& gray);
    // Whether window w of a computed set carries a descriptor (is not all zeros).
    static bool hasWindow(const std::vector<float>& parts, int w);
    // Window w's descriptor as 16 sign bits, and those bits with each of its two least certain signs
    // (the values nearest zero) flipped: the codes under which a noisy copy's window may lie.
    static quint32 signs(const std::vector<float>& parts, int w);
    static std::vector<quint32> probes(const std::vector<float>& parts, int w);
    // How two computed sets agree: the window positions both describe alike (cosine >= minCosine),
    // and the highest cosine of any position both describe.
    struct Agreement {
        int windows = 0;
        float best = -1.f;
    };
    static Agreement agreement(const std::vector<float>& a, const std::vector<float>& b, float minCosine);
    // The same for two grey thumbnails.
    static Agreement agreement(const QByteArray& grayA, const QByteArray& grayB, float minCosine);
    // Cosine of two computed sets' window w (both descriptors are unit length).
    static float cosine(const std::vector<float>& a, const std::vector<float>& b, int w);
};

} // namespace shoebox
