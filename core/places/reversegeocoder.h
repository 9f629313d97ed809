#pragma once
// Turns a GPS position into a place by the rules people expect: the country and region from the
// polygon the point lies in (never from the nearest city, which is wrong near borders), then the
// nearest town in that country within 25 km, preferring real towns over neighbourhood sections and
// larger places over hamlets; near a coast the land within 20 km, beyond it "at sea".
// Pure function over an immutable PlaceIndex, any thread.

#include "places/placeindex.h"

namespace shoebox {

struct PlaceMatch {
    bool found = false; // false: no place data, or an invalid position
    bool atSea = false;
    QString country; // ISO 3166-1 alpha-2; empty at sea
    int regionId = 0; // PlaceIndex region, 0 when none
    qint64 cityId = 0; // GeoNames id, 0 when no town is near
    double cityKm = 0; // distance to that town
    double coastKm = 0; // > 0 when the point lies off the coast of its region
    // IANA zone of the place: the town's, else the nearest town's in that country within 300 km, else
    // (far out at sea) the nautical zone of the longitude ("Etc/GMT-9"). Empty without place data.
    QByteArray timeZone;
};

class ReverseGeocoder {
public:
    explicit ReverseGeocoder(const PlaceIndex& index);
    PlaceMatch lookup(double lat, double lon) const;

    static constexpr double kCityRadiusKm = 25.0;
    static constexpr double kCoastKm = 20.0;
    static constexpr double kZoneRadiusKm = 300.0;
    // Bumped when the rules change, so places computed by older rules are looked up again.
    static constexpr int kRulesVersion = 3;

private:
    qint64 bestCity(double lat, double lon, const QString& country, double* km) const;
    QByteArray zoneAt(double lat, double lon, const PlaceMatch& m) const;
    const PlaceIndex& m_index;
};

} // namespace shoebox
