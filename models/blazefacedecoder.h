#pragma once
// Turns BlazeFace's raw outputs into faces, and plans the passes over a photo: the 896 anchors
// (16x16 cells x 2 and 8x8 cells x 6 at 256 px), box and 6-keypoint decoding, sigmoid scores,
// greedy non-maximum suppression, the letterbox that maps a photo region onto the square input, and
// the overlapping tiles that let the detector see faces smaller than ~14 px at 256 px. Torch-free
// and pure, so it is tested on its own; any thread.

#include <opencv2/core/mat.hpp>

#include <QPointF>
#include <QRect>
#include <QRectF>

#include <array>
#include <vector>

namespace shoebox {

struct RawFace {
    QRectF box; // in the pixels of the photo the pass was mapped back to
    std::array<QPointF, 6> keypoints {};
    float score = 0.f;
};

// How one region of a photo is placed on the detector's square input: scaled by `scale` and
// centred with `offset` (black bars around it).
struct Letterbox {
    QRect region; // in photo pixels
    double scale = 1.0; // input pixels per photo pixel
    QPointF offset; // input pixels
    QPointF toPhoto(QPointF input) const
    {
        return QPointF(region.x() + (input.x() - offset.x()) / scale, region.y() + (input.y() - offset.y()) / scale);
    }
};

class BlazeFaceDecoder {
public:
    static constexpr int kInputSize = 256;
    static constexpr int kAnchors = 896;
    static constexpr int kValues = 16; // dx, dy, w, h, then 6 keypoints (x, y), in input pixels

    // Anchor centres in input pixels, in the order of the concatenated outputs (16x16 head first).
    static const std::vector<QPointF>& anchors();
    static Letterbox letterbox(const QRect& region, int inputSize = kInputSize);
    // The detector's input for one pass: the region of an 8-bit BGR photo letterboxed onto a black
    // kInputSize square, RGB scaled to -1..1, float HWC.
    static cv::Mat input(const cv::Mat& bgr, const Letterbox& lb);
    // The regions one photo is analysed in: the whole photo, plus overlapping square tiles when the
    // photo is large enough for them to see smaller faces.
    static std::vector<QRect> passes(int width, int height, int inputSize = kInputSize);
    // Whether the whole-photo pass (its faces at any score, lb its letterbox) suggests faces too small
    // for it: one of them is narrower than kTileHintWidth input pixels, so farther faces (under ~14 px)
    // may have been missed. A photo whose whole pass finds no face, or only near ones, is not tiled:
    // tiles cost 6-15 passes where the whole photo costs one.
    static bool wantsTiles(const std::vector<RawFace>& whole, const Letterbox& lb);
    static constexpr double kTileHintWidth = 40.0;
    // Faces from this score count as a hint (weak small faces are the ones tiles confirm).
    static constexpr float kTileHintScore = 0.5f;
    // logits[kAnchors], values[kAnchors * kValues] of one pass -> faces scoring at least minScore,
    // mapped to photo pixels. Faces cut by a tile edge inside the photo are dropped (the overlap or
    // the whole-photo pass sees them whole).
    static std::vector<RawFace> decode(
        const float* logits, const float* values, const Letterbox& lb, const QSize& photo, float minScore);
    // Greedy NMS by score: a face overlapping a kept one by IoU > maxIoU is dropped.
    static std::vector<RawFace> suppress(std::vector<RawFace> faces, float maxIoU);
    static double iou(const QRectF& a, const QRectF& b);
};

} // namespace shoebox
