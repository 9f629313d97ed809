#pragma once
// Cuts an aligned face chip out of a photo: a similarity warp (rotation, uniform scale, shift) that
// puts BlazeFace's eyes, nose and mouth onto the template of a dlib-style 150x150 chip, which is
// what the dlib ResNet face descriptor was trained on, and the chip's sharpness (variance of the
// Laplacian) so that blurry faces can be kept out of clustering. Pure functions; any thread.

#include <QPointF>

#include <opencv2/core/mat.hpp>

#include <array>

namespace shoebox {

class FaceAligner {
public:
    static constexpr int kChipSize = 150;
    // Where the eye on the image's left, the eye on the image's right, the nose and the mouth land
    // on the chip (measured on dlib's own chips with BlazeFace's keypoints).
    static const std::array<cv::Point2f, 4>& chipTemplate();

    // image: 8-bit, 1, 3 or 4 channels; points in image pixels (BlazeFace order: left eye, right eye,
    // nose, mouth). Returns a kChipSize x kChipSize chip of the same type, or an empty Mat when the
    // points are degenerate. transform, when given, receives the 2x3 image -> chip matrix.
    static cv::Mat align(const cv::Mat& image, const std::array<QPointF, 4>& points, cv::Mat* transform = nullptr);
    // Variance of the Laplacian of the chip's grey levels: low for blurry or tiny upscaled faces.
    static float sharpness(const cv::Mat& chip);
};

} // namespace shoebox
