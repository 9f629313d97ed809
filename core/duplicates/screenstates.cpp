#include "duplicates/screenstates.h"

#include "duplicates/keypointmatcher.h"
#include "duplicates/thumbaligner.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace shoebox {

namespace {

// The keypoints lay the two pictures over each other: a fit to the pixel, barely cut, scaled or turned.
bool laidOver(const KeypointMatch& m, const DuplicateRules& r)
{
    return m.fitted && m.inliers >= r.screenMinInliers && m.residual <= r.screenMaxResidual
        && m.maxCrop <= r.screenMaxShift && m.overflow <= r.screenMaxShift && std::abs(m.degrees) <= r.screenMaxDegrees
        && !m.perspective;
}

// Whether a cell of two pictures laid over each other shows different things: detail in both that
// does not correlate, or detail in one picture where the other is flat. Not the same thing lighter,
// softer or noisier.
bool changed(const cv::Mat& a, const cv::Mat& b, const DuplicateRules& r)
{
    cv::Scalar ma, sa, mb, sb;
    cv::meanStdDev(a, ma, sa);
    cv::meanStdDev(b, mb, sb);
    const double lo = std::min(sa[0], sb[0]), hi = std::max(sa[0], sb[0]);
    if (lo < r.screenCellDetail)
        return hi > 3 * std::max(1.0, lo);
    return cv::mean((a - ma[0]).mul(b - mb[0]))[0] / (sa[0] * sb[0]) < r.screenCellCorrelation;
}

struct CellCounts {
    int detailed = 0, changed = 0;
    double sameInChanged = 0; // pixels
};

// Over whole cells of kCell pixels inside valid; marks the changed ones in cells.
CellCounts countCells(const cv::Mat& A, const cv::Mat& W, const cv::Mat& diff, const cv::Mat& valid,
    const DuplicateRules& r, cv::Mat& cells)
{
    constexpr int kCell = ScreenStates::kCell;
    CellCounts n;
    cells = cv::Mat(A.rows / kCell, A.cols / kCell, CV_8U, cv::Scalar(0));
    for (int y = 0; y < cells.rows; ++y)
        for (int x = 0; x < cells.cols; ++x) {
            const cv::Rect c(x * kCell, y * kCell, kCell, kCell);
            if (cv::countNonZero(valid(c)) < kCell * kCell)
                continue;
            cv::Scalar m, sa, sb;
            cv::meanStdDev(A(c), m, sa);
            cv::meanStdDev(W(c), m, sb);
            if (std::max(sa[0], sb[0]) < r.screenCellDetail)
                continue;
            ++n.detailed;
            double most = 0;
            cv::minMaxLoc(diff(c), nullptr, &most);
            if (most <= r.screenSameLevels || !changed(A(c), W(c), r))
                continue;
            cells.at<uchar>(y, x) = 255;
            ++n.changed;
            n.sameInChanged += cv::countNonZero(diff(c) <= r.screenSameLevels);
        }
    return n;
}

// b under the gain and offset that give it a's mean and spread over the pixels compared.
cv::Mat sameContrast(const cv::Mat& b, const cv::Mat& a, const cv::Mat& valid)
{
    cv::Scalar ma, sa, mb, sb;
    cv::meanStdDev(a, ma, sa, valid);
    cv::meanStdDev(b, mb, sb, valid);
    if (sb[0] <= 0)
        return b;
    cv::Mat out;
    b.convertTo(out, CV_32F, sa[0] / sb[0], ma[0] - mb[0] * sa[0] / sb[0]);
    return out;
}

// The tiny thumbnails align the two pictures whole, without a crop or a turn, however their shapes differ:
// one is the other resized, stretched or not (a window of another size shows its content elsewhere).
bool alignedWhole(const PhotoSignals& a, const PhotoSignals& b)
{
    if (!ThumbAligner::isValid(a.gray) || !ThumbAligner::isValid(b.gray))
        return false;
    const Alignment al = ThumbAligner::align(a.gray, a.aspect(), b.gray, b.aspect());
    return al.cropLeft + al.cropTop + al.cropRight + al.cropBottom <= 0.001 && std::abs(al.degrees) <= 0.01
        && al.correlation >= al.cutCorrelation;
}

int placesOf(const cv::Mat& changedCells)
{
    cv::Mat grown, labels;
    cv::dilate(changedCells, grown, cv::Mat()); // cells one apart are one place (a word's letters)
    return cv::connectedComponents(grown, labels, 8) - 1;
}

} // namespace

bool ScreenStates::asks(const PhotoSignals& a, const PhotoSignals& b, const PairDecision& d)
{
    // A JPEG's noise never leaves two pictures the same pixel for pixel, and its edits are what the other
    // rules are measured on.
    return d.level == DuplicateLevel::Near && a.lossless() && b.lossless();
}

ScreenDifference ScreenStates::compare(
    const cv::Mat& innerGray, const cv::Mat& outerGray, const cv::Matx33d& innerToOuter, const DuplicateRules& r)
{
    ScreenDifference out;
    if (innerGray.cols < kCell || innerGray.rows < kCell || outerGray.empty())
        return out; // no whole cell to compare (a thin strip, an icon)
    cv::Mat A;
    innerGray.convertTo(A, CV_32F);
    const cv::Matx33d toInner(1.0 / A.cols, 0, 0, 0, 1.0 / A.rows, 0, 0, 0, 1);
    const cv::Matx33d fromOuter(outerGray.cols, 0, 0, 0, outerGray.rows, 0, 0, 0, 1);
    const cv::Mat pixelMap(fromOuter * innerToOuter * toInner);
    cv::Mat outer, W, valid;
    outerGray.convertTo(outer, CV_32F);
    cv::warpPerspective(outer, W, pixelMap, A.size(), cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_REPLICATE);
    const cv::Mat ones(outerGray.size(), CV_8U, cv::Scalar(255));
    cv::warpPerspective(
        ones, valid, pixelMap, A.size(), cv::INTER_NEAREST | cv::WARP_INVERSE_MAP, cv::BORDER_CONSTANT, 0);
    cv::erode(valid, valid, cv::Mat(), cv::Point(-1, -1), 2);
    cv::Mat diff;
    cv::absdiff(A, W, diff);
    const double compared = cv::countNonZero(valid);
    if (compared <= 0)
        return out;
    out.sameShare = cv::countNonZero((diff <= r.screenSameLevels) & valid) / compared;
    W = sameContrast(W, A, valid); // a contrast change turns faint shades into detail; none is content
    cv::Mat cells;
    const CellCounts n = countCells(A, W, diff, valid, r, cells);
    out.changedShare = n.detailed ? double(n.changed) / n.detailed : 0;
    out.sameInChanged = n.changed ? n.sameInChanged / (double(n.changed) * kCell * kCell) : 0;
    out.places = placesOf(cells);
    return out;
}

bool ScreenStates::twoStates(const ScreenDifference& diff, const DuplicateRules& r)
{
    const bool onePatch
        = diff.places == 1 && diff.sameInChanged < r.screenPatchSame && diff.changedShare <= r.screenPatchMost;
    return diff.changedShare >= r.screenMinChanged && diff.sameShare >= r.screenMinSame && !onePatch;
}

std::optional<ScreenDifference> ScreenStates::differenceOf(
    const PhotoSignals& a, const PhotoSignals& b, const KeypointMatch* fit, const DuplicateRules& r)
{
    const QByteArray key = PairMemo<std::optional<ScreenDifference>>::keyEitherWay(a, b);
    if (const auto kept = m_differences.find(key))
        return *kept; // asked again by the grouper or the similar pass
    std::optional<ScreenDifference> out;
    // Laid over each other by their keypoints, else whole over whole where they have one size (a window
    // of one size: a copy cut evenly all round keeps the shape, not the size) or where the thumbnails
    // align them whole.
    KeypointMatch m = fit ? *fit : KeypointMatch();
    const bool oneSize = std::abs(std::log(double(a.width) / b.width)) <= r.screenSameSize
        && std::abs(std::log(double(a.height) / b.height)) <= r.screenSameSize;
    const bool whole = !laidOver(m, r) && (oneSize || alignedWhole(a, b));
    if (whole) {
        m.firstIsInner = true;
        m.innerToOuter = cv::Matx33d::eye();
    }
    if (laidOver(m, r) || whole) {
        const cv::Mat inner = m_grays.of(m.firstIsInner ? a : b), outer = m_grays.of(m.firstIsInner ? b : a);
        if (!inner.empty() && !outer.empty())
            out = compare(inner, outer, m.innerToOuter, r);
    }
    return m_differences.keep(key, out);
}

PairDecision ScreenStates::review(
    const PhotoSignals& a, const PhotoSignals& b, const KeypointMatch* fit, PairDecision d, const DuplicateRules& r)
{
    if (!asks(a, b, d))
        return d;
    const std::optional<ScreenDifference> found = differenceOf(a, b, fit, r);
    if (!found || !twoStates(*found, r))
        return d;
    const ScreenDifference& diff = *found;
    return PairDecision::similarBecause(d,
        QStringLiteral("one screen in two states: what it shows differs in %1 of its detail (%2 %3, no patch pasted "
                       "over it), %4% of the pixels are the same")
            .arg(QStringLiteral("%1%").arg(qRound(diff.changedShare * 100)))
            .arg(diff.places)
            .arg(diff.places == 1 ? QStringLiteral("place") : QStringLiteral("places"))
            .arg(qRound(diff.sameShare * 100)));
}

} // namespace shoebox
