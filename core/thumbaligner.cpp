#include "thumbaligner.h"

#include "perceptualhasher.h"

#include <opencv2/imgproc.hpp>

#include <array>
#include <cmath>

namespace shoebox {

namespace {

constexpr int kSide = PerceptualHasher::kGraySide;
constexpr int kCmp = 16;  // comparison grid

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

cv::Mat normalised(cv::Mat m)
{
    double norm = 0;
    removePlane(m, &norm);
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
    cv::Matx23d m(k * c * au, -k * s * hw * av, k * (c * (bu - 0.5) - s * hw * (bv - 0.5)) + h,
                  k * s * wh * au, k * c * av, k * (s * wh * (bu - 0.5) + c * (bv - 0.5)) + h);
    cv::Mat out;
    cv::warpAffine(src, out, m, cv::Size(kCmp, kCmp), cv::INTER_LINEAR | cv::WARP_INVERSE_MAP,
                   cv::BORDER_REFLECT);
    return normalised(out);
}

struct Search {
    cv::Mat a, b;          // float thumbnails
    double aspectA, aspectB;
    cv::Mat wholeA, wholeB;  // normalised whole pictures on the comparison grid
    Alignment best;
    Params bestParams;
    bool bestOnA = true;    // window taken from A (B is the crop of A)

    void tryWindow(const Params& p, bool onA)
    {
        if (p.x0 < -1e-9 || p.y0 < -1e-9 || p.x1 > 1 + 1e-9 || p.y1 > 1 + 1e-9 || p.x1 - p.x0 < 0.7
            || p.y1 - p.y0 < 0.7 || std::abs(p.deg) > 6.01)
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

}  // namespace

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

Alignment ThumbAligner::align(const QByteArray& grayA, double aspectA, const QByteArray& grayB,
                              double aspectB, double stopAt)
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
    // Coarse grid of crops of either picture, then straightened centre crops, then a local descent.
    static const double m[] = {0.0, 0.05, 0.1};
    for (bool onA : {true, false}) {
        for (double l : m)
            for (double t : m)
                for (double r : m)
                    for (double b : m) {
                        if (s.best.correlation >= stopAt)
                            break;
                        s.tryWindow(Params{l, t, 1 - r, 1 - b, 0}, onA);
                    }
        for (double deg : {-5.0, -2.5, 2.5, 5.0})
            for (double c : {0.03, 0.06, 0.09})
                if (s.best.correlation < stopAt)
                    s.tryWindow(Params{c, c, 1 - c, 1 - c, deg}, onA);
    }
    for (int iter = 0; iter < 8 && s.best.correlation < stopAt; ++iter) {
        const double before = s.best.correlation;
        const Params p = s.bestParams;
        const std::array<Params, 10> steps = {
            Params{p.x0 + 0.025, p.y0, p.x1, p.y1, p.deg}, Params{p.x0 - 0.025, p.y0, p.x1, p.y1, p.deg},
            Params{p.x0, p.y0 + 0.025, p.x1, p.y1, p.deg}, Params{p.x0, p.y0 - 0.025, p.x1, p.y1, p.deg},
            Params{p.x0, p.y0, p.x1 + 0.025, p.y1, p.deg}, Params{p.x0, p.y0, p.x1 - 0.025, p.y1, p.deg},
            Params{p.x0, p.y0, p.x1, p.y1 + 0.025, p.deg}, Params{p.x0, p.y0, p.x1, p.y1 - 0.025, p.deg},
            Params{p.x0, p.y0, p.x1, p.y1, p.deg + 1.25}, Params{p.x0, p.y0, p.x1, p.y1, p.deg - 1.25}};
        for (const Params& q : steps)
            s.tryWindow(q, s.bestOnA);
        if (s.best.correlation <= before + 1e-6)
            break;
    }
    Alignment out = s.best;
    out.cropLeft = s.bestParams.x0;
    out.cropTop = s.bestParams.y0;
    out.cropRight = 1 - s.bestParams.x1;
    out.cropBottom = 1 - s.bestParams.y1;
    out.degrees = s.bestParams.deg;
    out.firstIsCropped = !s.bestOnA;
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
    removePlane(small, &norm);
    return norm / kCmp;  // RMS per pixel
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

}  // namespace shoebox
