#include "places/placegeometry.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace shoebox::placegeometry {

namespace {

constexpr double kDegToRad = M_PI / 180.0;

} // namespace

bool ringContains(const float* ring, int n, double lon, double lat)
{
    bool inside = false;
    for (int i = 0, j = n - 1; i < n; j = i++) {
        const double xi = ring[2 * i], yi = ring[2 * i + 1];
        const double xj = ring[2 * j], yj = ring[2 * j + 1];
        if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi)
            inside = !inside;
    }
    return inside;
}

double ringDistanceKm(const float* ring, int n, double lat, double lon)
{
    // Project onto a plane tangent at the point: x east, y north, in km.
    const double kx = kEarthRadiusKm * kDegToRad * std::cos(lat * kDegToRad);
    const double ky = kEarthRadiusKm * kDegToRad;
    double best = std::numeric_limits<double>::infinity();
    for (int i = 0, j = n - 1; i < n; j = i++) {
        const double ax = (ring[2 * j] - lon) * kx, ay = (ring[2 * j + 1] - lat) * ky;
        const double bx = (ring[2 * i] - lon) * kx, by = (ring[2 * i + 1] - lat) * ky;
        const double dx = bx - ax, dy = by - ay;
        const double len2 = dx * dx + dy * dy;
        const double t = len2 > 0 ? std::clamp(-(ax * dx + ay * dy) / len2, 0.0, 1.0) : 0.0;
        const double px = ax + t * dx, py = ay + t * dy;
        best = std::min(best, std::sqrt(px * px + py * py));
    }
    return best;
}

double haversineKm(double lat1, double lon1, double lat2, double lon2)
{
    const double dLat = (lat2 - lat1) * kDegToRad, dLon = (lon2 - lon1) * kDegToRad;
    const double a = std::sin(dLat / 2) * std::sin(dLat / 2)
        + std::cos(lat1 * kDegToRad) * std::cos(lat2 * kDegToRad) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

} // namespace shoebox::placegeometry
