#include "duplicates/edgebands.h"

#include "duplicates/thumbaligner.h"

#include <algorithm>
#include <cmath>

namespace shoebox {

bool EdgeBands::inBand(int edge, int i, int j)
{
    const int depth = edge == 0 ? j : edge == 1 ? i : edge == 2 ? kGrid - 1 - j : kGrid - 1 - i;
    return edge >= 0 && depth < kBand;
}

std::vector<EdgeBands::Grid> EdgeBands::quadratics(int edge)
{
    std::vector<Grid> b;
    for (int k = 0; k < 6; ++k) {
        std::array<double, kGrid * kGrid> m;
        for (int y = 0; y < kGrid; ++y)
            for (int x = 0; x < kGrid; ++x) {
                const double u = (x - (kGrid - 1) / 2.0) / kGrid, v = (y - (kGrid - 1) / 2.0) / kGrid;
                const double terms[6] = { 1, u, v, u * u, u * v, v * v };
                m[size_t(y * kGrid + x)] = inBand(edge, y, x) ? 0.0 : terms[k];
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
}

void EdgeBands::measure(const cv::Mat& x, const cv::Mat& y, Alignment& al)
{
    static const std::array<std::vector<Grid>, 4> bases
        = { quadratics(0), quadratics(1), quadratics(2), quadratics(3) };
    const float *px = x.ptr<float>(0), *py = y.ptr<float>(0);
    for (int edge = 0; edge < 4; ++edge) {
        Grid rx {}, ry {};
        for (int k = 0; k < kGrid * kGrid; ++k)
            if (!inBand(edge, k / kGrid, k % kGrid))
                rx[size_t(k)] = px[k], ry[size_t(k)] = py[k];
        for (const Grid& q : bases[size_t(edge)]) {
            double cx = 0, cy = 0;
            for (size_t k = 0; k < q.size(); ++k)
                cx += q[k] * rx[k], cy += q[k] * ry[k];
            for (size_t k = 0; k < q.size(); ++k)
                rx[k] -= float(cx * q[k]), ry[k] -= float(cy * q[k]);
        }
        double xx = 0, yy = 0, xy = 0;
        for (size_t k = 0; k < rx.size(); ++k)
            xx += rx[k] * rx[k], yy += ry[k] * ry[k], xy += rx[k] * ry[k];
        const double corr = xx > 1e-9 && yy > 1e-9 ? xy / std::sqrt(xx * yy) : 1.0;
        if (corr < al.edgeBandCorrelation) {
            al.edgeBandCorrelation = corr;
            al.edgeBandSide = edge;
            al.edgeBandDetail = std::sqrt(std::min(xx, yy) / (kGrid * (kGrid - kBand)));
        }
    }
}

} // namespace shoebox
