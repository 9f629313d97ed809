#include "preprocess.h"

#include <opencv2/imgproc.hpp>

namespace shoebox {

namespace {

// 8 bits per channel, or empty when the depth is neither 8 nor 16 bits.
cv::Mat eightBit(const cv::Mat& image)
{
    if (image.empty() || image.dims != 2)
        return cv::Mat();
    if (image.depth() == CV_8U)
        return image;
    if (image.depth() != CV_16U)
        return cv::Mat();
    cv::Mat out;
    image.convertTo(out, CV_8U, 1.0 / 256.0);
    return out;
}

} // namespace

cv::Mat toBgr8(const cv::Mat& image)
{
    const cv::Mat src = eightBit(image);
    cv::Mat bgr;
    if (src.empty())
        return bgr;
    if (src.channels() == 1)
        cv::cvtColor(src, bgr, cv::COLOR_GRAY2BGR);
    else if (src.channels() == 4)
        cv::cvtColor(src, bgr, cv::COLOR_BGRA2BGR);
    else if (src.channels() == 3)
        bgr = src;
    return bgr;
}

cv::Mat preprocessForModel(const cv::Mat& image, int size)
{
    const cv::Mat src = size > 0 ? eightBit(image) : cv::Mat();
    if (src.empty())
        return cv::Mat();
    cv::Mat rgb;
    switch (src.channels()) {
    case 1:
        cv::cvtColor(src, rgb, cv::COLOR_GRAY2RGB);
        break;
    case 3:
        cv::cvtColor(src, rgb, cv::COLOR_BGR2RGB);
        break;
    case 4:
        cv::cvtColor(src, rgb, cv::COLOR_BGRA2RGB);
        break;
    default:
        return cv::Mat();
    }
    const bool shrinking = rgb.cols > size || rgb.rows > size;
    cv::Mat resized;
    cv::resize(rgb, resized, cv::Size(size, size), 0, 0, shrinking ? cv::INTER_AREA : cv::INTER_LINEAR);
    cv::Mat out;
    resized.convertTo(out, CV_32FC3);
    return out;
}

} // namespace shoebox
