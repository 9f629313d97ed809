#pragma once
// Small geometry on longitude/latitude: point in ring, distance to a segment, great-circle distance.
// Pure functions, any thread.

namespace shoebox::placegeometry {

constexpr double kEarthRadiusKm = 6371.0088;

// Even-odd test of (lon, lat) against one ring of n points stored as lon, lat pairs.
bool ringContains(const float* ring, int n, double lon, double lat);
// Shortest distance in km from (lat, lon) to the ring's edges (equirectangular near the point:
// exact enough within the tens of kilometres it is asked about).
double ringDistanceKm(const float* ring, int n, double lat, double lon);
// Great-circle distance in km.
double haversineKm(double lat1, double lon1, double lat2, double lon2);

} // namespace shoebox::placegeometry
