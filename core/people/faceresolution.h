#pragma once
// Whether a face's chip can be cut from the scan's decode or needs more pixels, and cutting it from a
// larger decode of the original (issue 12: "a larger decode only for the face crops"). The scan
// decodes photos small (448 px on the long side for the tagger), so a face in a group photo covers a
// few dozen pixels there and its 150x150 chip would be mostly interpolation. Pure functions; any thread.

#include <QPointF>
#include <QSize>

#include <opencv2/core/mat.hpp>

#include <array>

namespace shoebox {

class FaceResolution {
public:
    using Points = std::array<QPointF, 4>; // BlazeFace order: left eye, right eye, nose, mouth

    // Chip pixels per image pixel of the similarity warp FaceAligner::align fits to these points: above
    // 1 the chip is upsampled from the image. 0 for degenerate points.
    static double chipScale(const Points& points);
    // The long side a decode of the original needs so that a face of this chip scale in image gets
    // about one image pixel per chip pixel, capped at the original's long side (full, upright). 0 when
    // the face is sharp enough in image already or the original has no more pixels to give.
    static int wantedLongSide(QSize image, QSize full, double chipScale);
    // Whether larger is a decode of the same picture as image with more pixels (same aspect ratio): a
    // file changed since the scan, or a preview cropped differently, is not used.
    static bool fits(QSize image, QSize larger);
    // Points in image pixels moved to larger's pixels (pixel centres at integers, as OpenCV's warps).
    static Points mapPoints(const Points& points, QSize image, QSize larger);
    // The aligned chip cut from a large image: a face that covers far more pixels than the chip is
    // cropped and area-reduced first, so the warp's bilinear sampling does not alias.
    static cv::Mat alignFrom(const cv::Mat& large, const Points& points);
};

} // namespace shoebox
