#include "duplicates/overlaymatcher.h"

#include "image/perceptualhasher.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

namespace shoebox {

namespace {

constexpr int kSide = PerceptualHasher::kGraySide;
constexpr double kMinShareLeft = 0.35; // below this too little picture is left to tell
constexpr double kCellMinDetail = 1.5; // RMS grey levels of fine detail in a cell below which it tells nothing

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

// A thumbnail's fine detail: the grey levels less their 3x3 neighbourhood's blur, so that no smooth
// shading (nor a surface fit that a bright sticker pulls) is compared.
cv::Mat fineDetail(const QByteArray& gray)
{
    cv::Mat img(kSide, kSide, CV_8U, const_cast<char*>(gray.constData())), f, smooth;
    img.convertTo(f, CV_64F);
    cv::GaussianBlur(f, smooth, cv::Size(3, 3), 0.8);
    return f - smooth;
}

// The lowest correlation of the fine detail over the kept pixels of each third-by-third cell that
// keeps at least a third of its pixels, with detail in both pictures; out.worstCell, out.cellsCompared.
void compareCells(const QByteArray& grayA, const QByteArray& grayB, const std::vector<int>& kept, double minDetail,
    OutsideCorrelation& out)
{
    const cv::Mat da = fineDetail(grayA), db = fineDetail(grayB);
    constexpr int kCells = 3;
    double sums[kCells * kCells][6] = {}; // n, a, b, aa, bb, ab
    for (size_t i = 0; i < kept.size(); ++i) {
        const int x = kept[i] % kSide, y = kept[i] / kSide;
        double* s = sums[(y * kCells / kSide) * kCells + x * kCells / kSide];
        const double a = da.at<double>(y, x), b = db.at<double>(y, x);
        const double v[6] = { 1, a, b, a * a, b * b, a * b };
        for (int k = 0; k < 6; ++k)
            s[k] += v[k];
    }
    out.worstCell = 1;
    out.cellsCompared = 0;
    const double cellPixels = double(kSide * kSide) / (kCells * kCells);
    for (const auto& s : sums) {
        if (s[0] < cellPixels / 3)
            continue;
        const double va = s[3] - s[1] * s[1] / s[0], vb = s[4] - s[2] * s[2] / s[0];
        if (std::sqrt(std::min(va, vb) / s[0]) < minDetail)
            continue;
        out.worstCell = std::min(out.worstCell, (s[5] - s[1] * s[2] / s[0]) / std::sqrt(va * vb));
        ++out.cellsCompared;
    }
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
    compareCells(grayA, grayB, kept, kCellMinDetail, out);
    return out;
}

} // namespace shoebox
