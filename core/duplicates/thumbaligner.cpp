#include "duplicates/thumbaligner.h"

#include "duplicates/edgebands.h"
#include "image/perceptualhasher.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace shoebox {

namespace {

constexpr int kSide = PerceptualHasher::kGraySide;
constexpr int kCmp = EdgeBands::kGrid; // comparison grid
// Below this after the starts, no local search reaches a duplicate's correlation.
constexpr double kHopeless = 0.45;

struct Params {
    double x0 = 0, y0 = 0, x1 = 1, y1 = 1, deg = 0;
};

cv::Mat toFloat(const QByteArray& gray)
{
    cv::Mat m(kSide, kSide, CV_8U, const_cast<char*>(gray.constData()));
    cv::Mat f;
    m.convertTo(f, CV_32F);
    // A light blur so the bilinear resampling below does not alias.
    cv::GaussianBlur(f, f, cv::Size(3, 3), 0.6);
    return f;
}

// Removes the least-squares plane a*x + b*y + c; returns the residual's norm through normOut.
void removePlane(cv::Mat& m, double* normOut)
{
    const int n = m.rows;
    double sz = 0, sxz = 0, syz = 0, sxx = 0;
    for (int y = 0; y < n; ++y) {
        const float* row = m.ptr<float>(y);
        const double yy = y - (n - 1) / 2.0;
        for (int x = 0; x < n; ++x) {
            const double xx = x - (n - 1) / 2.0;
            sz += row[x];
            sxz += xx * row[x];
            syz += yy * row[x];
        }
    }
    for (int x = 0; x < n; ++x)
        sxx += (x - (n - 1) / 2.0) * (x - (n - 1) / 2.0);
    sxx *= n;
    const double a = sxz / sxx, b = syz / sxx, c = sz / (n * n);
    double norm = 0;
    for (int y = 0; y < n; ++y) {
        float* row = m.ptr<float>(y);
        const double yy = y - (n - 1) / 2.0;
        for (int x = 0; x < n; ++x) {
            row[x] = float(row[x] - (a * (x - (n - 1) / 2.0) + b * yy + c));
            norm += double(row[x]) * row[x];
        }
    }
    *normOut = std::sqrt(norm);
}

using Grid = EdgeBands::Grid;

// Removes brightness, gradients and smooth blobs (vignetting, a lit centre): what is left is the
// picture's structure, which edits keep and look-alike smooth pictures do not share.
// Raw loops: this runs a few hundred times per compared pair.
void removeSurface(cv::Mat& m, double* normOut)
{
    float* d = m.ptr<float>(0);
    static const std::vector<Grid> basis = EdgeBands::quadratics(-1);
    for (const Grid& q : basis) {
        float c = 0.f;
        for (int i = 0; i < kCmp * kCmp; ++i)
            c += q[size_t(i)] * d[i];
        for (int i = 0; i < kCmp * kCmp; ++i)
            d[i] -= c * q[size_t(i)];
    }
    float n = 0.f;
    for (int i = 0; i < kCmp * kCmp; ++i)
        n += d[i] * d[i];
    *normOut = std::sqrt(double(n));
}

cv::Mat normalised(cv::Mat m)
{
    double norm = 0;
    removeSurface(m, &norm);
    if (norm > 1e-6)
        m /= norm;
    return m;
}

// A float thumbnail at (x, y) in its pixels, bilinearly, edges clamped.
inline float bilinear(const cv::Mat& src, double x, double y)
{
    const double maxc = kSide - 1.001;
    const double sx = std::clamp(x, 0.0, maxc), sy = std::clamp(y, 0.0, maxc);
    const int x0 = int(sx), y0 = int(sy);
    const float fx = float(sx - x0), fy = float(sy - y0);
    const float* r0 = src.ptr<float>(0) + y0 * kSide + x0;
    const float* r1 = r0 + kSide;
    return (r0[0] * (1 - fx) + r0[1] * fx) * (1 - fy) + (r1[0] * (1 - fx) + r1[1] * fx) * fy;
}

// Samples the window p of src (rotated by p.deg about the picture centre, in true aspect) onto the
// comparison grid.
cv::Mat sampleRaw(const cv::Mat& src, const Params& p, double aspect)
{
    const double au = (p.x1 - p.x0) / kCmp, bu = p.x0 + au / 2;
    const double av = (p.y1 - p.y0) / kCmp, bv = p.y0 + av / 2;
    const double r = p.deg * CV_PI / 180.0, c = std::cos(r), s = std::sin(r);
    const double hw = 1.0 / aspect, wh = aspect;
    const double k = kSide, h = (kSide - 1) / 2.0;
    // Output pixel (j, i) samples the source at m * (j, i, 1), bilinearly, edges clamped.
    const double m00 = k * c * au, m01 = -k * s * hw * av, m02 = k * (c * (bu - 0.5) - s * hw * (bv - 0.5)) + h;
    const double m10 = k * s * wh * au, m11 = k * c * av, m12 = k * (s * wh * (bu - 0.5) + c * (bv - 0.5)) + h;
    cv::Mat out(kCmp, kCmp, CV_32F);
    float* o = out.ptr<float>(0);
    for (int i = 0; i < kCmp; ++i)
        for (int j = 0; j < kCmp; ++j)
            *o++ = bilinear(src, m00 * j + m01 * i + m02, m10 * j + m11 * i + m12);
    return out;
}

cv::Mat sample(const cv::Mat& src, const Params& p, double aspect)
{
    return normalised(sampleRaw(src, p, aspect));
}

// The window of outer that t maps the inner frame's [0,1]^2 onto, sampled onto the comparison grid.
cv::Mat warped(const cv::Mat& outer, const cv::Matx33d& t)
{
    cv::Mat w(kCmp, kCmp, CV_32F);
    for (int i = 0; i < kCmp; ++i)
        for (int j = 0; j < kCmp; ++j) {
            const double u = (j + 0.5) / kCmp, v = (i + 0.5) / kCmp;
            const double z = t(2, 0) * u + t(2, 1) * v + t(2, 2);
            const double k = std::abs(z) > 1e-9 ? kSide / z : 0.0;
            w.at<float>(i, j) = bilinear(outer, (t(0, 0) * u + t(0, 1) * v + t(0, 2)) * k - 0.5,
                (t(1, 0) * u + t(1, 1) * v + t(1, 2)) * k - 0.5);
        }
    return w;
}

// A window on one picture with the other picture's shape: centre, width (fractions of the source)
// and angle; its height follows from the shapes, since a crop is exactly the window it was cut from.
struct Window {
    double cx = 0.5, cy = 0.5, w = 1.0, deg = 0;
};

struct Search {
    cv::Mat a, b; // float thumbnails
    double aspectA, aspectB;
    cv::Mat wholeA, wholeB; // normalised whole pictures on the comparison grid
    Alignment best;
    Params bestParams;
    Window bestWindow;
    bool bestOnA = true; // window taken from A (B is the crop of A)

    Params paramsOf(const Window& w, bool onA) const
    {
        // Window aspect (true) = source aspect * w / h must equal the other picture's aspect.
        const double h = onA ? w.w * aspectA / aspectB : w.w * aspectB / aspectA;
        return Params { w.cx - w.w / 2, w.cy - h / 2, w.cx + w.w / 2, w.cy + h / 2, w.deg };
    }

    void tryWindow(const Window& win, bool onA)
    {
        const Params p = paramsOf(win, onA);
        // Near duplicates are cropped by at most 10% per side: a little slack, never more, so two
        // overlapping crops of one scene (a reframed shot) cannot align.
        constexpr double kMaxCrop = 0.11 + 1e-9;
        if (p.x0 < -1e-9 || p.y0 < -1e-9 || p.x1 > 1 + 1e-9 || p.y1 > 1 + 1e-9 || p.x0 > kMaxCrop || p.y0 > kMaxCrop
            || 1 - p.x1 > kMaxCrop || 1 - p.y1 > kMaxCrop || std::abs(p.deg) > 6.01)
            return;
        const cv::Mat w = onA ? sample(a, p, aspectA) : sample(b, p, aspectB);
        const double corr = w.dot(onA ? wholeB : wholeA);
        if (corr > best.correlation) {
            best.correlation = corr;
            bestParams = p;
            bestWindow = win;
            bestOnA = onA;
        }
    }

    // Typical starts: centred crops, windows against a side or corner, straightened crops.
    void tryStarts(bool onA, double stopAt)
    {
        const double shape = onA ? aspectA / aspectB : aspectB / aspectA; // h = w * shape
        std::vector<double> widths = { 0.97, 0.94, 0.88, 0.80 };
        if (shape > 1.0) // the other picture is narrower: the tallest window
            widths.push_back(1.0 / shape);
        else
            widths.push_back(1.0);
        for (double w : widths) {
            const double h = w * shape;
            for (double cx : { 0.5, w / 2, 1 - w / 2 })
                for (double cy : { 0.5, h / 2, 1 - h / 2 })
                    if (best.correlation < stopAt)
                        tryWindow(Window { cx, cy, w, 0 }, onA);
        }
        for (double deg : { -5.0, -2.5, 2.5, 5.0 })
            for (double w : { 0.94, 0.88 })
                if (best.correlation < stopAt)
                    tryWindow(Window { 0.5, 0.5, w, deg }, onA);
    }

    // One side cut off deeper than kMaxCrop allows, up to maxCut, the other sides whole: the window
    // against the side the cut took, at the depth the shapes dictate.
    void tryOneSided(bool onA, double maxCut, Alignment& out) const
    {
        const double shape = onA ? aspectA / aspectB : aspectB / aspectA; // window h = w * shape
        const double cut = shape < 1 ? 1 - shape : 1 - 1 / shape;
        if (cut <= 0.11 || cut > maxCut)
            return;
        const bool rows = shape < 1; // full width, the top or bottom cut
        for (int side : rows ? std::array { 1, 3 } : std::array { 0, 2 }) {
            const Params p { side == 0 ? cut : 0, side == 1 ? cut : 0, side == 2 ? 1 - cut : 1, side == 3 ? 1 - cut : 1,
                0 };
            const double corr = (onA ? sample(a, p, aspectA) : sample(b, p, aspectB)).dot(onA ? wholeB : wholeA);
            if (corr > out.cutCorrelation) {
                out.cutCorrelation = corr;
                out.cutDepth = cut;
                out.cutSide = side;
                out.firstIsCut = !onA;
            }
        }
    }

    // Descent over the window's centre, width and angle from the best start.
    void descend(double stopAt)
    {
        for (double step : { 0.04, 0.02, 0.01 }) {
            for (int iter = 0; iter < 6 && best.correlation < stopAt; ++iter) {
                const double before = best.correlation;
                const Window w = bestWindow;
                const double d = step * 50; // degrees: 2, 1, 0.5
                const std::array<Window, 8> steps
                    = { Window { w.cx + step, w.cy, w.w, w.deg }, Window { w.cx - step, w.cy, w.w, w.deg },
                          Window { w.cx, w.cy + step, w.w, w.deg }, Window { w.cx, w.cy - step, w.w, w.deg },
                          Window { w.cx, w.cy, w.w + step, w.deg }, Window { w.cx, w.cy, w.w - step, w.deg },
                          Window { w.cx, w.cy, w.w, w.deg + d }, Window { w.cx, w.cy, w.w, w.deg - d } };
                for (const Window& q : steps)
                    tryWindow(q, bestOnA);
                if (best.correlation <= before + 1e-6)
                    break;
            }
        }
    }
};

} // namespace

QString Alignment::describe() const
{
    QStringList parts;
    if (cropLeft + cropTop + cropRight + cropBottom > 0.001)
        parts << QStringLiteral("crop %1%/%2%/%3%/%4%")
                     .arg(qRound(cropLeft * 100))
                     .arg(qRound(cropTop * 100))
                     .arg(qRound(cropRight * 100))
                     .arg(qRound(cropBottom * 100));
    if (std::abs(degrees) > 0.01)
        parts << QStringLiteral("rotated %1 degrees").arg(degrees, 0, 'f', 1);
    return parts.isEmpty() ? QStringLiteral("whole picture") : parts.join(QStringLiteral(", "));
}

static const char* const kSides[] = { "left", "top", "right", "bottom" };

QString Alignment::describeEdgeBand() const
{
    return QStringLiteral("alike only with the %1 edge (%2 without it)")
        .arg(QLatin1String(kSides[std::clamp(edgeBandSide, 0, 3)]))
        .arg(edgeBandCorrelation, 0, 'f', 3);
}

QString Alignment::describeCut() const
{
    return QStringLiteral("%1% cut off the %2 of the %3")
        .arg(qRound(cutDepth * 100))
        .arg(QLatin1String(kSides[std::clamp(cutSide, 0, 3)]))
        .arg(firstIsCut ? QStringLiteral("first") : QStringLiteral("second"));
}

bool ThumbAligner::isValid(const QByteArray& gray)
{
    return gray.size() == kSide * kSide;
}

Alignment ThumbAligner::align(
    const QByteArray& grayA, double aspectA, const QByteArray& grayB, double aspectB, double maxCut, double stopAt)
{
    Alignment none;
    if (!isValid(grayA) || !isValid(grayB))
        return none;
    Search s;
    s.a = toFloat(grayA);
    s.b = toFloat(grayB);
    s.aspectA = aspectA > 0 ? aspectA : 1.0;
    s.aspectB = aspectB > 0 ? aspectB : 1.0;
    s.wholeA = sample(s.a, Params(), s.aspectA);
    s.wholeB = sample(s.b, Params(), s.aspectB);
    // The whole pictures against each other, squeezed to squares as they are.
    s.best.correlation = s.wholeA.dot(s.wholeB);
    const double whole = s.best.correlation;
    for (bool onA : { true, false })
        s.tryStarts(onA, stopAt);
    // Far from any alignment: a local search will not turn this into the same picture.
    if (s.best.correlation >= kHopeless)
        s.descend(stopAt);
    Alignment out = s.best;
    out.cropLeft = s.bestParams.x0;
    out.cropTop = s.bestParams.y0;
    out.cropRight = 1 - s.bestParams.x1;
    out.cropBottom = 1 - s.bestParams.y1;
    out.degrees = s.bestParams.deg;
    out.firstIsCropped = !s.bestOnA;
    out.wholeCorrelation = whole;
    for (bool onA : { true, false })
        s.tryOneSided(onA, maxCut, out);
    return out;
}

void ThumbAligner::measureEdgeBands(
    const QByteArray& grayA, double aspectA, const QByteArray& grayB, double aspectB, Alignment& al)
{
    if (!isValid(grayA) || !isValid(grayB))
        return;
    const bool onA = !al.firstIsCropped; // the window lies on A, B is the inner picture
    const Params window { al.cropLeft, al.cropTop, 1 - al.cropRight, 1 - al.cropBottom, al.degrees };
    const cv::Mat a = toFloat(grayA), b = toFloat(grayB);
    aspectA = aspectA > 0 ? aspectA : 1.0;
    aspectB = aspectB > 0 ? aspectB : 1.0;
    EdgeBands::measure(sampleRaw(onA ? b : a, Params(), onA ? aspectB : aspectA),
        sampleRaw(onA ? a : b, window, onA ? aspectA : aspectB), al);
}

double ThumbAligner::correlationAt(const QByteArray& innerGray, const QByteArray& outerGray, const cv::Matx33d& t)
{
    if (!isValid(innerGray) || !isValid(outerGray))
        return -1.0;
    return normalised(warped(toFloat(outerGray), t)).dot(sample(toFloat(innerGray), Params(), 1.0));
}

MaskedCorrelation ThumbAligner::correlationAround(const QByteArray& innerGray, const QByteArray& outerGray,
    const cv::Matx33d& t, const cv::Rect2d& box, double margin)
{
    const cv::Rect2d leftOut(box.x - margin, box.y - margin, box.width + 2 * margin, box.height + 2 * margin);
    MaskedCorrelation out;
    if (!isValid(innerGray) || !isValid(outerGray))
        return out;
    // Grey levels as they are: two smooth pictures differ in their gradients alone, which the surface
    // removal of the whole-picture correlation leaves out.
    const cv::Mat in = sampleRaw(toFloat(innerGray), Params(), 1.0), w = warped(toFloat(outerGray), t);
    std::vector<float> x, y;
    for (int i = 0; i < kCmp; ++i)
        for (int j = 0; j < kCmp; ++j)
            if (!leftOut.contains(cv::Point2d((j + 0.5) / kCmp, (i + 0.5) / kCmp))) {
                x.push_back(in.at<float>(i, j));
                y.push_back(w.at<float>(i, j));
            }
    if (x.size() < size_t(kCmp * kCmp / 4))
        return out;
    const double n = double(x.size());
    const double mx = std::accumulate(x.begin(), x.end(), 0.0) / n, my = std::accumulate(y.begin(), y.end(), 0.0) / n;
    double sxy = 0, sxx = 0, syy = 0;
    for (size_t k = 0; k < x.size(); ++k) {
        sxy += (x[k] - mx) * (y[k] - my);
        sxx += (x[k] - mx) * (x[k] - mx);
        syy += (y[k] - my) * (y[k] - my);
    }
    out.detail = std::sqrt(std::min(sxx, syy) / n);
    out.correlation = sxx > 1e-9 && syy > 1e-9 ? sxy / std::sqrt(sxx * syy) : 0.0;
    return out;
}

double ThumbAligner::detail(const QByteArray& gray)
{
    if (!isValid(gray))
        return 0;
    cv::Mat m(kSide, kSide, CV_8U, const_cast<char*>(gray.constData()));
    cv::Mat f, small;
    m.convertTo(f, CV_32F);
    cv::resize(f, small, cv::Size(kCmp, kCmp), 0, 0, cv::INTER_AREA);
    double norm = 0;
    removeSurface(small, &norm);
    return norm / kCmp; // RMS per pixel
}

double ThumbAligner::neighbourCorrelation(const QByteArray& gray)
{
    if (!isValid(gray))
        return 1;
    const auto* g = reinterpret_cast<const uchar*>(gray.constData());
    double mean = 0;
    for (int i = 0; i < kSide * kSide; ++i)
        mean += g[i];
    mean /= kSide * kSide;
    double variance = 0, covariance = 0;
    int pairs = 0;
    for (int y = 0; y < kSide; ++y)
        for (int x = 0; x < kSide; ++x) {
            const double v = g[y * kSide + x] - mean;
            variance += v * v;
            if (x + 1 < kSide)
                covariance += v * (g[y * kSide + x + 1] - mean), ++pairs;
            if (y + 1 < kSide)
                covariance += v * (g[(y + 1) * kSide + x] - mean), ++pairs;
        }
    return variance > 1e-9 ? (covariance / pairs) / (variance / (kSide * kSide)) : 1.0;
}

std::vector<float> ThumbAligner::descriptor(const QByteArray& gray)
{
    if (!isValid(gray))
        return {};
    cv::Mat m(kSide, kSide, CV_8U, const_cast<char*>(gray.constData()));
    cv::Mat f, small;
    m.convertTo(f, CV_32F);
    // Blurred well beyond the 8x8 grid so crops and small rotations move it little.
    cv::GaussianBlur(f, f, cv::Size(0, 0), 1.5);
    cv::resize(f, small, cv::Size(8, 8), 0, 0, cv::INTER_AREA);
    double norm = 0;
    removePlane(small, &norm);
    std::vector<float> out(64, 0.f);
    if (norm < 1e-6)
        return out;
    for (int i = 0; i < 64; ++i)
        out[size_t(i)] = float(small.at<float>(i) / norm);
    return out;
}

} // namespace shoebox
