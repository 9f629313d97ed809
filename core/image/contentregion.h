#pragma once
// Finds the picture inside a frame: uniform or near-uniform borders and mats, letterbox and
// pillarbox bars, a phone's screen chrome around a photo (solid bars with a status bar or buttons)
// and padding filled with a blurred copy of the picture (the square "Instagram" look). The duplicate
// engine compares what lies inside, so a shared frame is never taken for a shared picture.
// Pure functions, any thread.

#include <QByteArray>
#include <QString>

#include <opencv2/core/mat.hpp>

#include <cstdint>

namespace shoebox {

// Fractions of the picture a frame covers on each side; all zero when no frame was found.
struct ContentRegion {
    double left = 0, top = 0, right = 0, bottom = 0;
    // A side was taken as deep as its opposite: the picture's own edge there has the frame's colour
    // (a night sky's black foot on black chrome), so where the frame ends was not seen.
    bool inferred = false;

    bool isWhole() const { return left <= 0 && top <= 0 && right <= 0 && bottom <= 0; }
    double widthShare() const { return 1 - left - right; }
    double heightShare() const { return 1 - top - bottom; }
    double area() const { return widthShare() * heightShare(); }
    // The region in pixels of a width x height picture (at least 1x1).
    cv::Rect in(int width, int height) const;
    // "frame 12%/0%/12%/0% (left/top/right/bottom)", "...; one side inferred from its opposite)"
    QString describe() const;
    // Whether another region is this one, each side to tolerance.
    bool alike(const ContentRegion& o, double tolerance) const;
    // Whether a framed region's inside is this window ([0,1]^2 of the picture), each side to tolerance.
    bool fits(const cv::Rect2d& window, double tolerance) const;
};

// Kind "region" in the hashes table: the frame, and when there is one the pHash and the grey
// thumbnail of the picture inside it (same sizes as the whole picture's "phash" and "gray").
struct RegionSignals {
    ContentRegion region;
    bool hasInner = false;
    uint64_t phash = 0;
    QByteArray gray;
};

class ContentRegionDetector {
public:
    // The content region of an upright BGR picture of any size (looked at 256 px on the long side).
    static ContentRegion detect(const cv::Mat& uprightBgr);
    // Serialised for kind "region": 8 bytes of frame (four little-endian uint16, 1/65535 units; the
    // first value's top bit marks an inferred side, so the left side is kept under half the width, as
    // nearly every frame is), then when the region is not whole 8 bytes of pHash and the grey thumbnail.
    static QByteArray encode(const ContentRegion& region, const QByteArray& phash, const QByteArray& gray);
    // The inverse; a whole region without inner signals when the bytes do not parse.
    static RegionSignals decode(const QByteArray& bytes);
};

} // namespace shoebox
