#include "people/faceresolution.h"

#include "people/facealigner.h"
#include "people/peopletunables.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace shoebox {

namespace {

// Root mean square distance of the points from their centroid, and the centroid.
template <typename P> double spread(const P& points, double* cx = nullptr, double* cy = nullptr)
{
    double mx = 0, my = 0;
    for (const auto& p : points) {
        mx += double(p.x);
        my += double(p.y);
    }
    mx /= double(points.size());
    my /= double(points.size());
    double sum = 0;
    for (const auto& p : points)
        sum += (double(p.x) - mx) * (double(p.x) - mx) + (double(p.y) - my) * (double(p.y) - my);
    if (cx)
        *cx = mx;
    if (cy)
        *cy = my;
    return std::sqrt(sum / double(points.size()));
}

struct XY {
    double x, y;
};

std::array<XY, 4> xy(const FaceResolution::Points& points)
{
    std::array<XY, 4> out {};
    for (size_t i = 0; i < points.size(); ++i)
        out[i] = { points[i].x(), points[i].y() };
    return out;
}

} // namespace

double FaceResolution::chipScale(const Points& points)
{
    for (const QPointF& p : points)
        if (!std::isfinite(p.x()) || !std::isfinite(p.y()))
            return 0;
    // For an exact similarity t = s R p + b the spreads differ by s; the least-squares fit of
    // FaceAligner::align is close to this ratio for keypoints that are a little off.
    const double from = spread(xy(points));
    return from < 1e-6 ? 0 : spread(FaceAligner::chipTemplate()) / from;
}

int FaceResolution::wantedLongSide(QSize image, QSize full, double chipScale)
{
    const int imageLong = std::max(image.width(), image.height());
    if (imageLong <= 0 || chipScale <= tunables::people::kChipScaleSlack)
        return 0;
    double wanted = std::ceil(double(imageLong) * chipScale);
    if (full.isValid() && !full.isEmpty())
        wanted = std::min(wanted, double(std::max(full.width(), full.height())));
    // Less than the slack to gain: the decode would cost more than the chip wins.
    return wanted < tunables::people::kChipScaleSlack * double(imageLong) ? 0 : int(wanted);
}

bool FaceResolution::fits(QSize image, QSize larger)
{
    if (image.isEmpty() || larger.isEmpty()
        || std::max(larger.width(), larger.height()) <= std::max(image.width(), image.height()))
        return false;
    const double sx = double(larger.width()) / image.width(), sy = double(larger.height()) / image.height();
    // DCT-reduced decodes round their sides up: a pixel of difference on the small side is not a crop.
    const double tolerance = 0.02 + 2.0 / std::min(image.width(), image.height());
    return std::abs(sx - sy) / std::max(sx, sy) <= tolerance;
}

FaceResolution::Points FaceResolution::mapPoints(const Points& points, QSize image, QSize larger)
{
    const double sx = double(larger.width()) / image.width(), sy = double(larger.height()) / image.height();
    Points out;
    for (size_t i = 0; i < points.size(); ++i)
        out[i] = QPointF((points[i].x() + 0.5) * sx - 0.5, (points[i].y() + 0.5) * sy - 0.5);
    return out;
}

cv::Mat FaceResolution::alignFrom(const cv::Mat& large, const Points& points)
{
    const double s = chipScale(points);
    if (s <= 0 || large.empty() || s * tunables::people::kChipScaleSlack >= 1.0)
        return FaceAligner::align(large, points);
    // The chip reaches at most ~115 chip pixels from the points' centroid (the template's corners);
    // a square of one chip side each way holds it at any rotation.
    double cx = 0, cy = 0;
    spread(xy(points), &cx, &cy);
    const double half = FaceAligner::kChipSize / s;
    const cv::Rect r = cv::Rect(int(std::floor(cx - half)), int(std::floor(cy - half)), int(std::ceil(2 * half)),
                           int(std::ceil(2 * half)))
        & cv::Rect(0, 0, large.cols, large.rows);
    if (r.width < 2 || r.height < 2)
        return FaceAligner::align(large, points);
    const cv::Size size(std::max(1, int(std::lround(r.width * s))), std::max(1, int(std::lround(r.height * s))));
    cv::Mat reduced;
    cv::resize(large(r), reduced, size, 0, 0, cv::INTER_AREA);
    const double fx = double(size.width) / r.width, fy = double(size.height) / r.height;
    Points moved;
    for (size_t i = 0; i < points.size(); ++i)
        moved[i] = QPointF((points[i].x() - r.x + 0.5) * fx - 0.5, (points[i].y() - r.y + 0.5) * fy - 0.5);
    return FaceAligner::align(reduced, moved);
}

} // namespace shoebox
