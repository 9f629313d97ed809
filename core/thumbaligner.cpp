#include "thumbaligner.h"

#include "perceptualhasher.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace shoebox {

namespace {

constexpr int kSide = PerceptualHasher::kGraySide;
constexpr int kCmp = 16; // comparison grid
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

// Orthonormal basis of the quadratic surfaces on the comparison grid (1, x, y, x^2, xy, y^2).
using Grid = std::array<float, kCmp * kCmp>;

const std::vector<Grid>& quadraticBasis()
{
    static const std::vector<Grid> basis = [] {
        std::vector<Grid> b;
        for (int k = 0; k < 6; ++k) {
            std::array<double, kCmp * kCmp> m;
            for (int y = 0; y < kCmp; ++y)
                for (int x = 0; x < kCmp; ++x) {
                    const double u = (x - (kCmp - 1) / 2.0) / kCmp, v = (y - (kCmp - 1) / 2.0) / kCmp;
                    const double terms[6] = { 1, u, v, u * u, u * v, v * v };
                    m[size_t(y * kCmp + x)] = terms[k];
                }
            for (const Grid& q : b) {
                double c = 0;
                for (size_t i = 0; i < m.size(); ++i)
                    c += q[i] * m[i];
                for (size_t i = 0; i < m.size(); ++i)
                    m[i] -= c * q[i];
            }
            double n = 0;
            for (double v : m)
                n += v * v;
            Grid g;
            for (size_t i = 0; i < m.size(); ++i)
                g[i] = float(m[i] / std::sqrt(n));
            b.push_back(g);
        }
        return b;
    }();
    return basis;
}

// Removes brightness, gradients and smooth blobs (vignetting, a lit centre): what is left is the
// picture's structure, which edits keep and look-alike smooth pictures do not share.
// Raw loops: this runs a few hundred times per compared pair.
void removeSurface(cv::Mat& m, double* normOut)
{
    float* d = m.ptr<float>(0);
    for (const Grid& q : quadraticBasis()) {
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

// Samples the window p of src (rotated by p.deg about the picture centre, in true aspect) onto the
// comparison grid.
cv::Mat sample(const cv::Mat& src, const Params& p, double aspect)
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
    const float* in = src.ptr<float>(0);
    const double maxc = kSide - 1.001;
    for (int i = 0; i < kCmp; ++i)
        for (int j = 0; j < kCmp; ++j) {
            const double sx = std::clamp(m00 * j + m01 * i + m02, 0.0, maxc);
            const double sy = std::clamp(m10 * j + m11 * i + m12, 0.0, maxc);
            const int x0 = int(sx), y0 = int(sy);
            const float fx = float(sx - x0), fy = float(sy - y0);
            const float* r0 = in + y0 * kSide + x0;
            const float* r1 = r0 + kSide;
            *o++ = (r0[0] * (1 - fx) + r0[1] * fx) * (1 - fy) + (r1[0] * (1 - fx) + r1[1] * fx) * fy;
        }
    return normalised(out);
}

struct Search {
    cv::Mat a, b; // float thumbnails
    double aspectA, aspectB;
    cv::Mat wholeA, wholeB; // normalised whole pictures on the comparison grid
    Alignment best;
    Params bestParams;
    bool bestOnA = true; // window taken from A (B is the crop of A)

    void tryWindow(const Params& p, bool onA)
    {
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
            bestOnA = onA;
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

bool ThumbAligner::isValid(const QByteArray& gray)
{
    return gray.size() == kSide * kSide;
}

Alignment ThumbAligner::align(
    const QByteArray& grayA, double aspectA, const QByteArray& grayB, double aspectB, double stopAt)
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
    s.tryWindow(Params(), true);
    const double whole = s.best.correlation;
    // A few typical starts (symmetric crops, one side or corner cut by 10%, straightened crops) on
    // either picture, then a descent over the four crop sides and the angle from the best start.
    std::vector<Params> starts;
    for (double c : { 0.03, 0.06, 0.10 })
        starts.push_back(Params { c, c, 1 - c, 1 - c, 0 });
    for (double l : { 0.0, 0.1 })
        for (double t : { 0.0, 0.1 })
            for (double r : { 0.0, 0.1 })
                for (double b : { 0.0, 0.1 })
                    if (l + t + r + b > 0 && l + t + r + b < 0.35)
                        starts.push_back(Params { l, t, 1 - r, 1 - b, 0 });
    for (double deg : { -5.0, -2.5, 2.5, 5.0 })
        for (double c : { 0.03, 0.06 })
            starts.push_back(Params { c, c, 1 - c, 1 - c, deg });
    for (bool onA : { true, false })
        for (const Params& p : starts)
            if (s.best.correlation < stopAt)
                s.tryWindow(p, onA);
    // Far from any alignment: a local search will not turn this into the same picture.
    if (s.best.correlation >= kHopeless) {
        for (double step : { 0.05, 0.025 }) {
            for (int iter = 0; iter < 6 && s.best.correlation < stopAt; ++iter) {
                const double before = s.best.correlation;
                const Params p = s.bestParams;
                const double a = step * 50; // degrees: 2.5 then 1.25
                const std::array<Params, 10> steps = { Params { p.x0 + step, p.y0, p.x1, p.y1, p.deg },
                    Params { p.x0 - step, p.y0, p.x1, p.y1, p.deg }, Params { p.x0, p.y0 + step, p.x1, p.y1, p.deg },
                    Params { p.x0, p.y0 - step, p.x1, p.y1, p.deg }, Params { p.x0, p.y0, p.x1 + step, p.y1, p.deg },
                    Params { p.x0, p.y0, p.x1 - step, p.y1, p.deg }, Params { p.x0, p.y0, p.x1, p.y1 + step, p.deg },
                    Params { p.x0, p.y0, p.x1, p.y1 - step, p.deg }, Params { p.x0, p.y0, p.x1, p.y1, p.deg + a },
                    Params { p.x0, p.y0, p.x1, p.y1, p.deg - a } };
                for (const Params& q : steps)
                    s.tryWindow(q, s.bestOnA);
                if (s.best.correlation <= before + 1e-6)
                    break;
            }
        }
    }
    Alignment out = s.best;
    out.cropLeft = s.bestParams.x0;
    out.cropTop = s.bestParams.y0;
    out.cropRight = 1 - s.bestParams.x1;
    out.cropBottom = 1 - s.bestParams.y1;
    out.degrees = s.bestParams.deg;
    out.firstIsCropped = !s.bestOnA;
    out.wholeCorrelation = whole;
    return out;
}

double ThumbAligner::correlationAt(
    const QByteArray& innerGray, const QByteArray& outerGray, const cv::Matx23d& t)
{
    if (!isValid(innerGray) || !isValid(outerGray))
        return -1.0;
    const cv::Mat inner = toFloat(innerGray), outer = toFloat(outerGray);
    const cv::Mat whole = sample(inner, Params(), 1.0);
    cv::Mat w(kCmp, kCmp, CV_32F);
    const double maxc = kSide - 1.001;
    const float* in = outer.ptr<float>(0);
    for (int i = 0; i < kCmp; ++i)
        for (int j = 0; j < kCmp; ++j) {
            const double u = (j + 0.5) / kCmp, v = (i + 0.5) / kCmp;
            const double sx = std::clamp((t(0, 0) * u + t(0, 1) * v + t(0, 2)) * kSide - 0.5, 0.0, maxc);
            const double sy = std::clamp((t(1, 0) * u + t(1, 1) * v + t(1, 2)) * kSide - 0.5, 0.0, maxc);
            const int x0 = int(sx), y0 = int(sy);
            const float fx = float(sx - x0), fy = float(sy - y0);
            const float* r0 = in + y0 * kSide + x0;
            const float* r1 = r0 + kSide;
            w.at<float>(i, j) = (r0[0] * (1 - fx) + r0[1] * fx) * (1 - fy) + (r1[0] * (1 - fx) + r1[1] * fx) * fy;
        }
    return normalised(w).dot(whole);
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
