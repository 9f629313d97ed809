#include "duplicates/partdescriptors.h"

#include "image/perceptualhasher.h"

#include <algorithm>
#include <cmath>

namespace shoebox {

namespace {

constexpr int kSide = PerceptualHasher::kGraySide;
constexpr int kGrid = 4; // kDim = kGrid^2
// Below this standard deviation of grey levels (of 255) a window is too plain to be evidence. At 10 the
// plain side of a smooth wallpaper beside a sticker was left out: 12 of the 17 stickered copies the
// benchmark libraries missed were never compared with their originals. At 3 blank canvases met as
// parts (the GIMP manual), and their flat rests passed the patch rule (BENCHMARKS.md, round 24).
constexpr double kMinDeviation = 5.0;

} // namespace

std::vector<float> PartDescriptors::compute(const QByteArray& gray)
{
    if (gray.size() != kSide * kSide)
        return {};
    const cv::Mat m(kSide, kSide, CV_8U, const_cast<char*>(gray.constData()));
    cv::Mat f;
    m.convertTo(f, CV_32F);
    // No blur first: the cell means average the noise away, and a blur would carry a sticker's edge
    // into the windows beside it.
    std::vector<float> out(size_t(kWindows * kDim), 0.f);
    const int half = kSide / 2, stride = kSide / 4, cell = half / kGrid;
    for (int w = 0; w < kWindows; ++w) {
        const int x0 = (w % 3) * stride, y0 = (w / 3) * stride;
        // Cell means (cell x cell pixels each), and the window's mean and deviation from the pixels.
        float cells[kDim] = {};
        double sum = 0, sumSq = 0;
        for (int y = 0; y < half; ++y) {
            const float* row = f.ptr<float>(y0 + y) + x0;
            for (int x = 0; x < half; ++x) {
                cells[(y / cell) * kGrid + x / cell] += row[x];
                sum += row[x];
                sumSq += double(row[x]) * row[x];
            }
        }
        const double n = double(half) * half, mean = sum / n;
        if (std::sqrt(std::max(0.0, sumSq / n - mean * mean)) < kMinDeviation)
            continue;
        double norm = 0;
        for (float& c : cells) {
            c = float(c / (cell * cell) - mean);
            norm += double(c) * c;
        }
        norm = std::sqrt(norm);
        if (norm < 1e-6)
            continue;
        for (int i = 0; i < kDim; ++i)
            out[size_t(w * kDim + i)] = float(cells[i] / norm);
    }
    return out;
}

bool PartDescriptors::hasWindow(const std::vector<float>& parts, int w)
{
    if (parts.size() != size_t(kWindows * kDim))
        return false;
    for (int i = 0; i < kDim; ++i)
        if (parts[size_t(w * kDim + i)] != 0.f)
            return true;
    return false;
}

quint32 PartDescriptors::signs(const std::vector<float>& parts, int w)
{
    quint32 code = 0;
    for (int i = 0; i < kDim; ++i)
        if (parts[size_t(w * kDim + i)] > 0.f)
            code |= 1u << i;
    return code;
}

std::vector<quint32> PartDescriptors::probes(const std::vector<float>& parts, int w)
{
    const float* v = parts.data() + w * kDim;
    int first = 0, second = 1;
    if (std::abs(v[second]) < std::abs(v[first]))
        std::swap(first, second);
    for (int i = 2; i < kDim; ++i) {
        if (std::abs(v[i]) < std::abs(v[first])) {
            second = first;
            first = i;
        } else if (std::abs(v[i]) < std::abs(v[second])) {
            second = i;
        }
    }
    const quint32 code = signs(parts, w);
    return { code, code ^ (1u << first), code ^ (1u << second), code ^ (1u << first) ^ (1u << second) };
}

PartDescriptors::Agreement PartDescriptors::agreement(
    const std::vector<float>& a, const std::vector<float>& b, float minCosine)
{
    Agreement out;
    for (int w = 0; w < kWindows; ++w) {
        if (!hasWindow(a, w) || !hasWindow(b, w))
            continue;
        const float c = cosine(a, b, w);
        out.windows += c >= minCosine;
        out.best = std::max(out.best, c);
    }
    return out;
}

PartDescriptors::Agreement PartDescriptors::agreement(const QByteArray& grayA, const QByteArray& grayB, float minCosine)
{
    return agreement(compute(grayA), compute(grayB), minCosine);
}

float PartDescriptors::cosine(const std::vector<float>& a, const std::vector<float>& b, int w)
{
    float dot = 0.f;
    for (int i = 0; i < kDim; ++i)
        dot += a[size_t(w * kDim + i)] * b[size_t(w * kDim + i)];
    return dot;
}

} // namespace shoebox
