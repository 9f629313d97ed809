#include "duplicates/overlaymatcher.h"

#include "image/perceptualhasher.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

namespace shoebox {

namespace {

constexpr int kSide = PerceptualHasher::kGraySide;
constexpr double kMinShareLeft = 0.35; // below this too little picture is left to tell

// Which thumbnail pixels lie outside every grown box.
std::vector<int> pixelsOutside(const std::vector<cv::Rect2d>& boxes, double margin)
{
    std::vector<int> out;
    for (int y = 0; y < kSide; ++y)
        for (int x = 0; x < kSide; ++x) {
            const double u = (x + 0.5) / kSide, v = (y + 0.5) / kSide;
            bool inside = false;
            for (const cv::Rect2d& b : boxes)
                inside = inside
                    || (u >= b.x - margin && u <= b.x + b.width + margin && v >= b.y - margin
                        && v <= b.y + b.height + margin);
            if (!inside)
                out.push_back(y * kSide + x);
        }
    return out;
}

// The residual of a least-squares quadratic surface fitted to the kept pixels of a thumbnail.
cv::Mat residual(const QByteArray& gray, const std::vector<int>& kept)
{
    cv::Mat img(kSide, kSide, CV_8U, const_cast<char*>(gray.constData())), f;
    img.convertTo(f, CV_64F);
    cv::GaussianBlur(f, f, cv::Size(3, 3), 0.6);
    const int n = int(kept.size());
    cv::Mat basis(n, 6, CV_64F), values(n, 1, CV_64F);
    for (int i = 0; i < n; ++i) {
        const int x = kept[size_t(i)] % kSide, y = kept[size_t(i)] / kSide;
        const double u = (x - (kSide - 1) / 2.0) / kSide, v = (y - (kSide - 1) / 2.0) / kSide;
        const double terms[6] = { 1, u, v, u * u, u * v, v * v };
        for (int k = 0; k < 6; ++k)
            basis.at<double>(i, k) = terms[k];
        values.at<double>(i) = f.at<double>(y, x);
    }
    cv::Mat coeffs;
    cv::solve(basis, values, coeffs, cv::DECOMP_SVD);
    return values - basis * coeffs;
}

} // namespace

OutsideCorrelation OverlayMatcher::outside(
    const QByteArray& grayA, const QByteArray& grayB, const std::vector<cv::Rect2d>& boxes, double margin)
{
    OutsideCorrelation out;
    if (grayA.size() != kSide * kSide || grayB.size() != kSide * kSide)
        return out;
    const std::vector<int> kept = pixelsOutside(boxes, margin);
    out.shareLeft = double(kept.size()) / (kSide * kSide);
    if (out.shareLeft < kMinShareLeft)
        return out;
    const cv::Mat ra = residual(grayA, kept), rb = residual(grayB, kept);
    const double na = cv::norm(ra), nb = cv::norm(rb);
    out.detailA = na / std::sqrt(double(kept.size()));
    out.detailB = nb / std::sqrt(double(kept.size()));
    if (na > 1e-9 && nb > 1e-9)
        out.correlation = ra.dot(rb) / (na * nb);
    return out;
}

} // namespace shoebox
