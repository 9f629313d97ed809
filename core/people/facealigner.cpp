#include "facealigner.h"

#include <opencv2/calib3d.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <vector>

namespace shoebox {

const std::array<cv::Point2f, 4>& FaceAligner::chipTemplate()
{
    static const std::array<cv::Point2f, 4> t = { cv::Point2f(47.1f, 47.6f), cv::Point2f(100.5f, 48.6f),
        cv::Point2f(74.2f, 77.9f), cv::Point2f(73.4f, 106.1f) };
    return t;
}

cv::Mat FaceAligner::align(const cv::Mat& image, const std::array<QPointF, 4>& points, cv::Mat* transform)
{
    if (image.empty() || image.dims != 2)
        return cv::Mat();
    std::vector<cv::Point2f> from, to;
    for (size_t i = 0; i < points.size(); ++i) {
        if (!std::isfinite(points[i].x()) || !std::isfinite(points[i].y()))
            return cv::Mat();
        from.emplace_back(float(points[i].x()), float(points[i].y()));
        to.push_back(chipTemplate()[i]);
    }
    const double eyes = std::hypot(from[1].x - from[0].x, from[1].y - from[0].y);
    if (eyes < 1.0) // coincident eyes: no scale or rotation can be estimated
        return cv::Mat();
    // Least squares over all four points: the RANSAC threshold is far above any chip distance, so every
    // point is an inlier and the refinement fits them all (with four points an outlier cannot be told
    // apart, and a keypoint that is a little off should pull, not be dropped).
    std::vector<uchar> inliers;
    const cv::Mat m = cv::estimateAffinePartial2D(from, to, inliers, cv::RANSAC, 1e4, 10, 0.99, 20);
    if (m.empty())
        return cv::Mat();
    cv::Mat chip;
    cv::warpAffine(image, chip, m, cv::Size(kChipSize, kChipSize), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    if (transform)
        *transform = m;
    return chip;
}

float FaceAligner::sharpness(const cv::Mat& chip)
{
    if (chip.empty())
        return 0.f;
    cv::Mat grey;
    if (chip.channels() == 3)
        cv::cvtColor(chip, grey, cv::COLOR_BGR2GRAY);
    else if (chip.channels() == 4)
        cv::cvtColor(chip, grey, cv::COLOR_BGRA2GRAY);
    else
        grey = chip;
    cv::Mat lap;
    cv::Laplacian(grey, lap, CV_32F);
    cv::Scalar mean, stddev;
    cv::meanStdDev(lap, mean, stddev);
    return float(stddev[0] * stddev[0]);
}

} // namespace shoebox
