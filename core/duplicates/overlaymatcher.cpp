#include "duplicates/overlaymatcher.h"

#include "duplicates/thumbaligner.h"
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

// OutsideCorrelation::worstResidual over the kept pixels.
double worstCellResidual(const QByteArray& grayA, const QByteArray& grayB, const std::vector<int>& kept)
{
    const auto* pa = reinterpret_cast<const uchar*>(grayA.constData());
    const auto* pb = reinterpret_cast<const uchar*>(grayB.constData());
    double sa = 0, sb = 0, saa = 0, sab = 0;
    for (int i : kept) {
        sa += pa[i];
        sb += pb[i];
        saa += double(pa[i]) * pa[i];
        sab += double(pa[i]) * pb[i];
    }
    const double n = double(kept.size()), spread = n * saa - sa * sa;
    const double gain = spread > 0 ? (n * sab - sa * sb) / spread : 0, offset = (sb - gain * sa) / n;
    // A contrast change keeps the gain near 1; near 0 one picture is flat there, below 0 a negative.
    if (gain < 0.5 || gain > 2)
        return 255;
    constexpr int kCells = 3;
    double err[kCells * kCells] = {}, count[kCells * kCells] = {};
    for (int i : kept) {
        const int cell = (i / kSide * kCells / kSide) * kCells + i % kSide * kCells / kSide;
        const double r = pb[i] - (gain * pa[i] + offset);
        err[cell] += r * r;
        ++count[cell];
    }
    double worst = 0;
    for (int c = 0; c < kCells * kCells; ++c)
        if (count[c] >= double(kSide * kSide) / (kCells * kCells) / 3)
            worst = std::max(worst, std::sqrt(err[c] / count[c]));
    return worst;
}

// Sums of a, b, a^2, b^2 and ab over n pixels.
using Sums = cv::Vec<double, 5>;

// The correlation of a and b from their sums over n pixels; -2 when either is flat there.
double correlationOf(const Sums& s, double n)
{
    const double va = s[2] - s[0] * s[0] / n, vb = s[3] - s[1] * s[1] / n;
    if (va <= 0 || vb <= 0)
        return -2;
    return (s[4] - s[0] * s[1] / n) / std::sqrt(va * vb);
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
    out.worstResidual = worstCellResidual(grayA, grayB, kept);
    return out;
}

BandCorrelation OverlayMatcher::outsideBands(const QByteArray& grayA, const QByteArray& grayB, int minRows, int maxRows)
{
    BandCorrelation best;
    if (!ThumbAligner::isValid(grayA) || !ThumbAligner::isValid(grayB))
        return best;
    // Prefix sums over rows of a, b, a^2, b^2 and ab.
    std::vector<Sums> sums(kSide + 1, Sums::all(0));
    const auto* pa = reinterpret_cast<const uchar*>(grayA.constData());
    const auto* pb = reinterpret_cast<const uchar*>(grayB.constData());
    for (int y = 0; y < kSide; ++y) {
        Sums row = Sums::all(0);
        for (int x = 0; x < kSide; ++x) {
            const double a = pa[y * kSide + x], b = pb[y * kSide + x];
            row += Sums(a, b, a * a, b * b, a * b);
        }
        sums[size_t(y + 1)] = sums[size_t(y)] + row;
    }
    for (int top = 0; top <= maxRows; ++top)
        for (int bottom = 0; bottom <= maxRows; ++bottom) {
            if ((top > 0 && top < minRows) || (bottom > 0 && bottom < minRows) || top + bottom == 0)
                continue;
            const double c
                = correlationOf(sums[size_t(kSide - bottom)] - sums[size_t(top)], double(kSide - top - bottom) * kSide);
            if (c > best.correlation)
                best = BandCorrelation { c, top, bottom };
        }
    return best;
}

BoxCorrelation OverlayMatcher::outsideBox(
    const QByteArray& grayA, const QByteArray& grayB, int minSide, int maxSide, double maxArea)
{
    BoxCorrelation best;
    if (!ThumbAligner::isValid(grayA) || !ThumbAligner::isValid(grayB) || minSide < 1)
        return best;
    // Integral images of a, b, a^2, b^2 and ab.
    std::vector<Sums> in(size_t((kSide + 1) * (kSide + 1)), Sums::all(0));
    const auto at = [](int x, int y) { return size_t(y * (kSide + 1) + x); };
    const auto* pa = reinterpret_cast<const uchar*>(grayA.constData());
    const auto* pb = reinterpret_cast<const uchar*>(grayB.constData());
    for (int y = 0; y < kSide; ++y)
        for (int x = 0; x < kSide; ++x) {
            const double a = pa[y * kSide + x], b = pb[y * kSide + x];
            in[at(x + 1, y + 1)] = in[at(x, y + 1)] + in[at(x + 1, y)] - in[at(x, y)] + Sums(a, b, a * a, b * b, a * b);
        }
    const Sums all = in[at(kSide, kSide)];
    const double total = double(kSide) * kSide;
    for (int h = minSide; h <= std::min(maxSide, kSide); h += 2)
        for (int w = minSide; w <= std::min(maxSide, kSide); w += 2) {
            if (w * h > maxArea * total)
                continue;
            const double n = total - w * h;
            for (int y = 0; y + h <= kSide; ++y)
                for (int x = 0; x + w <= kSide; ++x) {
                    const double c = correlationOf(
                        all - (in[at(x + w, y + h)] - in[at(x, y + h)] - in[at(x + w, y)] + in[at(x, y)]), n);
                    if (c > best.correlation)
                        best = BoxCorrelation { c, cv::Rect(x, y, w, h) };
                }
        }
    return best;
}

} // namespace shoebox
