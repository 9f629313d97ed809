#include "duplicates/sharedpatches.h"

#include "duplicates/keypointmatcher.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace shoebox {

namespace {

// The keypoints put the pictures on each other as they are: no cut, no turn worth a pixel at 256 px.
bool inPlace(const KeypointMatch& m, const DuplicateRules& r)
{
    return r.onePatchFit(m) && std::max(m.maxCrop, m.overflow) <= r.patchInPlace
        && std::abs(m.degrees) <= r.patchInPlaceDegrees;
}

double median(std::vector<float> v)
{
    if (v.empty())
        return 0;
    std::nth_element(v.begin(), v.begin() + long(v.size() / 2), v.end());
    return v[v.size() / 2];
}

} // namespace

bool SharedPatches::asks(const PhotoSignals& a, const PhotoSignals& b, const PairDecision& d)
{
    return d.level == DuplicateLevel::Near && !d.confirmed && a.keypoints && b.keypoints;
}

double SharedPatches::sameAround(
    const cv::Mat& a, const cv::Mat& b, const std::vector<cv::Rect2d>& boxes, double margin, double levels)
{
    if (a.empty() || a.size() != b.size())
        return -1;
    cv::Mat keep(a.size(), CV_8U, cv::Scalar(255));
    for (const cv::Rect2d& box : boxes) {
        const double mx = box.width * margin, my = box.height * margin;
        const cv::Rect r(int(std::floor((box.x - mx) * a.cols)), int(std::floor((box.y - my) * a.rows)),
            int(std::ceil((box.width + 2 * mx) * a.cols)) + 1, int(std::ceil((box.height + 2 * my) * a.rows)) + 1);
        keep(r & cv::Rect(0, 0, a.cols, a.rows)).setTo(0);
    }
    cv::Mat diff;
    cv::subtract(a, b, diff, cv::noArray(), CV_32F);
    std::vector<float> kept;
    for (int y = 0; y < a.rows; ++y)
        for (int x = 0; x < a.cols; ++x)
            if (keep.at<uchar>(y, x))
                kept.push_back(diff.at<float>(y, x));
    if (kept.size() < a.total() / 4)
        return -1;
    const double offset = median(kept);
    const auto same = std::count_if(kept.begin(), kept.end(), [&](float d) { return std::abs(d - offset) <= levels; });
    return double(same) / double(kept.size());
}

PairDecision SharedPatches::review(
    const PhotoSignals& a, const PhotoSignals& b, const KeypointMatch* fit, PairDecision d, const DuplicateRules& r)
{
    if (!asks(a, b, d) || !fit || std::abs(std::log(a.aspect() / b.aspect())) > r.patchInPlace || !inPlace(*fit, r))
        return d;
    const KeypointMatch& m = *fit;
    const cv::Mat ga = m_grays.of(a), gb = m_grays.of(b);
    if (ga.empty() || gb.empty())
        return d;
    cv::Mat over;
    cv::resize(gb, over, ga.size(), 0, 0, cv::INTER_AREA);
    const double same = sameAround(ga, over, { m.firstBox, m.secondBox }, r.overlayMargin, r.patchSameLevels);
    if (same < 0 || same >= r.patchMinSame)
        return d;
    return PairDecision::similarBecause(d,
        QStringLiteral("one patch alike, pictures differ: %1 keypoints agree in place in %2% of the picture, and "
                       "around it %3% of the pixels are the same")
            .arg(m.inliers)
            .arg(qRound(m.inlierArea * 100))
            .arg(qRound(same * 100)));
}

} // namespace shoebox
