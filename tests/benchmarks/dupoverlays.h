#pragma once
// Overlays the duplicate benchmarks paste on copies, shared by the generators so that "the sticker" is
// one picture everywhere.

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace shoebox::bench {

// A round yellow sticker with a face, covering about a fifth of the picture, near its lower right corner.
inline cv::Mat withSticker(const cv::Mat& img)
{
    cv::Mat out = img.clone();
    const int r = int(std::sqrt(0.2 * img.cols * img.rows / CV_PI));
    const cv::Point c(img.cols - r - img.cols / 20, img.rows - r - img.rows / 20);
    cv::circle(out, c, r, cv::Scalar(30, 200, 250), cv::FILLED, cv::LINE_AA);
    cv::circle(out, c, r, cv::Scalar(20, 120, 200), std::max(2, r / 20), cv::LINE_AA);
    cv::circle(out, c + cv::Point(-r / 3, -r / 4), r / 8, cv::Scalar(40, 40, 40), cv::FILLED, cv::LINE_AA);
    cv::circle(out, c + cv::Point(r / 3, -r / 4), r / 8, cv::Scalar(40, 40, 40), cv::FILLED, cv::LINE_AA);
    cv::ellipse(out, c + cv::Point(0, r / 6), cv::Size(r / 2, r / 3), 0, 10, 170, cv::Scalar(40, 40, 40),
        std::max(2, r / 12), cv::LINE_AA);
    return out;
}

} // namespace shoebox::bench
