#include "duplicates/reframings.h"

#include "image/perceptualhasher.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace shoebox {

namespace {

// The first search, on the catalog's grey thumbnails: the inner picture this wide, steps this many
// times the rules'.
constexpr int kCoarseWidth = 24;
constexpr int kCoarseSteps = 4;

cv::Mat asFloat(const cv::Mat& gray)
{
    cv::Mat out;
    gray.convertTo(out, CV_32F);
    return out;
}

// The windows of `outer` scaled so that it shows `target`'s size (outer's width share fw), by
// correlation at each offset; the best edit cut and the best other one kept.
void searchScale(
    const cv::Mat& outer, const cv::Mat& target, double fw, double fh, const DuplicateRules& r, WindowFits& out)
{
    const int W = std::max(target.cols, int(std::lround(target.cols / fw)));
    const int H = std::max(target.rows, int(std::lround(target.rows / fh)));
    cv::Mat scaled, scores;
    cv::resize(outer, scaled, { W, H }, 0, 0, cv::INTER_AREA);
    cv::matchTemplate(scaled, target, scores, cv::TM_CCOEFF_NORMED);
    for (int y = 0; y < scores.rows; ++y)
        for (int x = 0; x < scores.cols; ++x) {
            const WindowFit w { scores.at<float>(y, x), double(x) / W, double(y) / H, double(W - x - target.cols) / W,
                double(H - y - target.rows) / H };
            WindowFit& best = Reframings::editCut(w, r) ? out.edit : out.reframing;
            if (w.correlation > best.correlation)
                best = w;
        }
}

// The catalog's grey thumbnail (the whole picture squeezed to a square), or none.
cv::Mat storedGray(const PhotoSignals& p)
{
    constexpr int kSide = PerceptualHasher::kGraySide;
    if (p.gray.size() != kSide * kSide)
        return {};
    return asFloat(cv::Mat(kSide, kSide, CV_8U, const_cast<char*>(p.gray.constData())));
}

// "25% off the left, 5% off the top and 5% off the bottom" (sides cut by at least 1%).
QString cutsOf(const WindowFit& w)
{
    const std::pair<double, const char*> sides[]
        = { { w.left, "left" }, { w.top, "top" }, { w.right, "right" }, { w.bottom, "bottom" } };
    QStringList parts;
    for (const auto& [share, side] : sides)
        if (share >= 0.005)
            parts << QStringLiteral("%1% off the %2").arg(qRound(share * 100)).arg(QLatin1String(side));
    const QString last = parts.size() > 1 ? parts.takeLast() : QString();
    return last.isEmpty() ? parts.join(QString()) : parts.join(QStringLiteral(", ")) + QStringLiteral(" and ") + last;
}

} // namespace

bool Reframings::asks(const PhotoSignals& a, const PhotoSignals& b, const PairDecision& d)
{
    return d.level == DuplicateLevel::Near && !d.confirmed && !a.hasInner && !b.hasInner;
}

bool Reframings::editCut(const WindowFit& w, const DuplicateRules& r)
{
    std::array<double, 4> cuts { w.left, w.top, w.right, w.bottom };
    std::sort(cuts.begin(), cuts.end());
    const double others = r.keypointOneSidedOthers;
    const double across = std::max(w.left, w.right), along = std::max(w.top, w.bottom);
    const bool padding
        = (across <= r.keypointMaxPadding && along <= others) || (along <= r.keypointMaxPadding && across <= others);
    return cuts[3] <= r.keypointMaxCrop || (cuts[3] <= r.keypointMaxOneSidedCut && cuts[2] <= others) || padding;
}

WindowFits Reframings::search(const cv::Mat& outer, double outerAspect, const cv::Mat& inner, double innerAspect,
    int width, double step, const DuplicateRules& r)
{
    WindowFits out;
    if (outer.empty() || inner.empty())
        return out;
    const cv::Mat source = asFloat(outer);
    cv::Mat target;
    cv::resize(
        asFloat(inner), target, { width, std::max(4, int(std::lround(width / innerAspect))) }, 0, 0, cv::INTER_AREA);
    for (double fw = 1; fw >= r.reframeMinWindow - 1e-9; fw -= step) {
        const double fh = fw * outerAspect / innerAspect; // the inner picture's shape, unstretched
        if (fh >= r.reframeMinWindow && fh <= 1 + 1e-9)
            searchScale(source, target, fw, fh, r, out);
    }
    return out;
}

WindowFits Reframings::search(const cv::Mat& outer, const cv::Mat& inner, const DuplicateRules& r)
{
    if (outer.empty() || inner.empty())
        return {};
    return search(outer, double(outer.cols) / outer.rows, inner, double(inner.cols) / inner.rows, r.reframeWidth,
        r.reframeStep, r);
}

std::optional<Reframing> Reframings::reframing(
    const WindowFits& aInB, const WindowFits& bInA, double fit, double margin)
{
    const bool aInside = aInB.reframing.correlation >= bInA.reframing.correlation;
    const WindowFit& best = aInside ? aInB.reframing : bInA.reframing;
    const double bestEdit = std::max(aInB.edit.correlation, bInA.edit.correlation);
    if (best.correlation < fit || best.correlation <= bestEdit + margin)
        return std::nullopt;
    return Reframing { best, aInside, bestEdit };
}

std::optional<Reframing> Reframings::reframingOf(const PhotoSignals& a, const PhotoSignals& b, const DuplicateRules& r)
{
    const QByteArray key = PairMemo<std::optional<Reframing>>::keyOf(a, b);
    if (const auto kept = m_found.find(key))
        return *kept; // asked again by the grouper
    // Coarse to fine, each search only where the one before found a reframing the best window: most
    // pairs are plain edits whose window fits best already on the catalog's grey thumbnails, while a
    // picture so empty that its windows all correlate fits a reframing there as well.
    const cv::Mat sa = storedGray(a), sb = storedGray(b);
    const auto coarse = [&](const cv::Mat& outer, double outerAspect, const cv::Mat& inner, double innerAspect) {
        return search(outer, outerAspect, inner, innerAspect, kCoarseWidth, r.reframeStep * kCoarseSteps, r);
    };
    if (!reframing(coarse(sb, b.aspect(), sa, a.aspect()), coarse(sa, a.aspect(), sb, b.aspect()), -1, 0))
        return m_found.keep(key, std::nullopt);
    const cv::Mat ga = m_grays.of(a), gb = m_grays.of(b);
    const auto half = [&](const cv::Mat& outer, const cv::Mat& inner) {
        return search(outer, double(outer.cols) / outer.rows, inner, double(inner.cols) / inner.rows,
            r.reframeWidth / 2, r.reframeStep, r);
    };
    if (ga.empty() || gb.empty() || !reframing(half(gb, ga), half(ga, gb), r.reframeFit, 0))
        return m_found.keep(key, std::nullopt);
    return m_found.keep(key, reframing(search(gb, ga, r), search(ga, gb, r), r.reframeFit, r.reframeMargin));
}

PairDecision Reframings::review(const PhotoSignals& a, const PhotoSignals& b, PairDecision d, const DuplicateRules& r)
{
    if (!asks(a, b, d))
        return d;
    const std::optional<Reframing> found = reframingOf(a, b, r);
    if (!found)
        return d;
    const PhotoSignals& inside = found->firstInside ? a : b;
    const PhotoSignals& around = found->firstInside ? b : a;
    return PairDecision::similarBecause(d,
        QStringLiteral("a reframing, not a crop: %1 shows a window of %2 with %3 (correlation %4, at most %5 on any "
                       "window an edit cuts)")
            .arg(inside.path.section(QLatin1Char('/'), -1), around.path.section(QLatin1Char('/'), -1),
                cutsOf(found->window))
            .arg(found->window.correlation, 0, 'f', 3)
            .arg(found->bestEdit, 0, 'f', 3));
}

} // namespace shoebox
