#include "blazefacedecoder.h"

#include <QSize>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace shoebox {

namespace {

// Tiles are at least this many photo pixels wide and at most 3 across the long side, so a large
// photo costs about a dozen passes, not hundreds.
constexpr int kMinTile = 512;
constexpr int kMaxTilesAcross = 3;
// A face whose box comes this close to an inner tile edge is assumed cut.
constexpr double kEdgeMargin = 2.0;

std::vector<int> starts(int length, int tile)
{
    if (length <= tile)
        return { 0 };
    const int step = tile * 3 / 4; // 25 % overlap: a face up to a quarter tile wide lies whole in one
    std::vector<int> out;
    for (int s = 0; s + tile < length; s += step)
        out.push_back(s);
    out.push_back(length - tile);
    return out;
}

} // namespace

const std::vector<QPointF>& BlazeFaceDecoder::anchors()
{
    static const std::vector<QPointF> list = [] {
        std::vector<QPointF> a;
        a.reserve(kAnchors);
        const int strides[2] = { 16, 32 };
        const int perCell[2] = { 2, 6 };
        for (int level = 0; level < 2; ++level) {
            const int cells = kInputSize / strides[level];
            for (int y = 0; y < cells; ++y)
                for (int x = 0; x < cells; ++x)
                    for (int k = 0; k < perCell[level]; ++k)
                        a.emplace_back(strides[level] * (x + 0.5), strides[level] * (y + 0.5));
        }
        return a;
    }();
    return list;
}

Letterbox BlazeFaceDecoder::letterbox(const QRect& region, int inputSize)
{
    Letterbox lb;
    lb.region = region;
    lb.scale = double(inputSize) / std::max(1, std::max(region.width(), region.height()));
    lb.offset = QPointF((inputSize - region.width() * lb.scale) / 2.0, (inputSize - region.height() * lb.scale) / 2.0);
    return lb;
}

cv::Mat BlazeFaceDecoder::input(const cv::Mat& bgr, const Letterbox& lb)
{
    const int s = kInputSize;
    const cv::Mat crop = bgr(cv::Rect(lb.region.x(), lb.region.y(), lb.region.width(), lb.region.height()));
    const int w = std::clamp(int(std::lround(crop.cols * lb.scale)), 1, s);
    const int h = std::clamp(int(std::lround(crop.rows * lb.scale)), 1, s);
    cv::Mat resized;
    cv::resize(crop, resized, cv::Size(w, h), 0, 0, lb.scale < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);
    cv::Mat canvas(s, s, CV_8UC3, cv::Scalar(0, 0, 0));
    const int x = std::clamp(int(std::lround(lb.offset.x())), 0, s - w);
    const int y = std::clamp(int(std::lround(lb.offset.y())), 0, s - h);
    resized.copyTo(canvas(cv::Rect(x, y, w, h)));
    cv::cvtColor(canvas, canvas, cv::COLOR_BGR2RGB);
    cv::Mat out;
    canvas.convertTo(out, CV_32FC3, 1.0 / 127.5, -1.0);
    return out;
}

std::vector<QRect> BlazeFaceDecoder::passes(int width, int height, int inputSize)
{
    std::vector<QRect> out;
    if (width <= 0 || height <= 0)
        return out;
    out.emplace_back(0, 0, width, height);
    const int longSide = std::max(width, height);
    const int tile = std::max({ kMinTile, inputSize, (longSide + kMaxTilesAcross - 1) / kMaxTilesAcross });
    if (longSide < tile * 5 / 4) // a tile would see the photo at nearly the same scale
        return out;
    for (int y : starts(height, tile))
        for (int x : starts(width, tile))
            out.emplace_back(x, y, std::min(tile, width - x), std::min(tile, height - y));
    return out;
}

bool BlazeFaceDecoder::wantsTiles(const std::vector<RawFace>& whole, const Letterbox& lb)
{
    return std::any_of(whole.begin(), whole.end(),
        [&](const RawFace& f) { return f.score >= kTileHintScore && f.box.width() * lb.scale < kTileHintWidth; });
}

std::vector<RawFace> BlazeFaceDecoder::decode(
    const float* logits, const float* values, const Letterbox& lb, const QSize& photo, float minScore)
{
    std::vector<RawFace> out;
    const auto& a = anchors();
    const QRect r = lb.region;
    for (int i = 0; i < kAnchors; ++i) {
        const float score = 1.f / (1.f + std::exp(-std::clamp(logits[i], -80.f, 80.f)));
        if (score < minScore)
            continue;
        const float* v = values + size_t(i) * kValues;
        const QPointF centre(a[size_t(i)].x() + v[0], a[size_t(i)].y() + v[1]);
        const QPointF half(v[2] / 2.0, v[3] / 2.0);
        RawFace f;
        f.score = score;
        f.box = QRectF(lb.toPhoto(centre - half), lb.toPhoto(centre + half)).normalized();
        for (int k = 0; k < 6; ++k)
            f.keypoints[size_t(k)]
                = lb.toPhoto(QPointF(a[size_t(i)].x() + v[4 + 2 * k], a[size_t(i)].y() + v[5 + 2 * k]));
        const bool cut = (r.left() > 0 && f.box.left() < r.left() + kEdgeMargin)
            || (r.top() > 0 && f.box.top() < r.top() + kEdgeMargin)
            || (r.x() + r.width() < photo.width() && f.box.right() > r.x() + r.width() - kEdgeMargin)
            || (r.y() + r.height() < photo.height() && f.box.bottom() > r.y() + r.height() - kEdgeMargin);
        if (!cut && f.box.width() > 0 && f.box.height() > 0)
            out.push_back(f);
    }
    return out;
}

double BlazeFaceDecoder::iou(const QRectF& a, const QRectF& b)
{
    const QRectF i = a.intersected(b);
    if (i.isEmpty())
        return 0.0;
    const double inter = i.width() * i.height();
    return inter / (a.width() * a.height() + b.width() * b.height() - inter);
}

std::vector<RawFace> BlazeFaceDecoder::suppress(std::vector<RawFace> faces, float maxIoU)
{
    std::stable_sort(faces.begin(), faces.end(), [](const RawFace& x, const RawFace& y) { return x.score > y.score; });
    std::vector<RawFace> kept;
    for (const RawFace& f : faces) {
        const bool overlaps = std::any_of(
            kept.begin(), kept.end(), [&](const RawFace& k) { return iou(k.box, f.box) > double(maxIoU); });
        if (!overlaps)
            kept.push_back(f);
    }
    return kept;
}

} // namespace shoebox
