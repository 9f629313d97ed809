#include "duplicates/partdescriptors.h"

#include "image/perceptualhasher.h"

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace shoebox {

namespace {

constexpr int kSide = PerceptualHasher::kGraySide;
constexpr int kGrid = 4; // kDim = kGrid^2
// Below this standard deviation of grey levels (of 255) a window is too plain to be evidence.
constexpr double kMinDeviation = 10.0;

} // namespace

std::vector<float> PartDescriptors::compute(const QByteArray& gray)
{
    if (gray.size() != kSide * kSide)
        return {};
    const cv::Mat m(kSide, kSide, CV_8U, const_cast<char*>(gray.constData()));
    cv::Mat f;
    m.convertTo(f, CV_32F);
    cv::GaussianBlur(f, f, cv::Size(0, 0), 1.0);
    std::vector<float> out(size_t(kWindows * kDim), 0.f);
    const int half = kSide / 2, stride = kSide / 4;
    for (int w = 0; w < kWindows; ++w) {
        const cv::Rect box((w % 3) * stride, (w / 3) * stride, half, half);
        cv::Scalar mean, dev;
        cv::meanStdDev(f(box), mean, dev);
        if (dev[0] < kMinDeviation)
            continue;
        cv::Mat small;
        cv::resize(f(box), small, cv::Size(kGrid, kGrid), 0, 0, cv::INTER_AREA);
        small -= mean[0];
        const double norm = cv::norm(small);
        if (norm < 1e-6)
            continue;
        for (int i = 0; i < kDim; ++i)
            out[size_t(w * kDim + i)] = float(small.at<float>(i) / norm);
    }
    return out;
}

bool PartDescriptors::hasWindow(const std::vector<float>& parts, int w)
{
    if (parts.size() != size_t(kWindows * kDim))
        return false;
    for (int i = 0; i < kDim; ++i)
        if (parts[size_t(w * kDim + i)] != 0.f)
            return true;
    return false;
}

} // namespace shoebox
