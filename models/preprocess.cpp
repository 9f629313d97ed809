#include "preprocess.h"

#include <opencv2/imgproc.hpp>

namespace shoebox {

cv::Mat preprocessForModel(const cv::Mat& image, int size)
{
    if (image.empty() || size <= 0 || image.dims != 2)
        return cv::Mat();
    cv::Mat src = image;
    if (src.depth() == CV_16U)
        src.convertTo(src, CV_8U, 1.0 / 256.0);
    else if (src.depth() != CV_8U)
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
