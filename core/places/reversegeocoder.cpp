#include "places/reversegeocoder.h"

#include <cmath>

namespace shoebox {

namespace {

// A town's pull grows with its size: a city of a million at 10 km wins over a hamlet at 6 km, not
// over one at 4 km.
double weight(const PlaceCity& c)
{
    const double pop = std::max<double>(1000.0, double(c.population));
    return 1.0 + 0.3 * std::log10(pop / 1000.0);
}

// A large city covers ground: inside its rough urban radius (1.5 km for 100,000 people, growing with
// the square root, at most 15 km) a photo is in that city, not in the neighbourhood whose GeoNames
// point happens to be nearer (the Sydney Opera House is in Sydney, not "The Rocks").
double distanceBeyondCentre(const PlaceCity& c, double km)
{
    const double radius = std::min(15.0, 1.5 * std::sqrt(std::max(0.0, double(c.population)) / 100000.0));
    return std::max(0.0, km - radius);
}

} // namespace

ReverseGeocoder::ReverseGeocoder(const PlaceIndex& index)
    : m_index(index)
{
}

PlaceMatch ReverseGeocoder::lookup(double lat, double lon) const
{
    PlaceMatch m;
    if (!m_index.isLoaded() || !std::isfinite(lat) || !std::isfinite(lon) || std::abs(lat) > 90 || std::abs(lon) > 180)
        return m;
    m.found = true;
    const PlaceRegion* region = m_index.regionAt(lat, lon);
    if (!region) {
        const auto coast = m_index.nearestRegion(lat, lon, kCoastKm);
        if (!coast) {
            m.atSea = true;
            m.timeZone = zoneAt(lat, lon, m);
            return m;
        }
        region = coast->first;
        m.coastKm = std::max(0.001, coast->second);
    }
    m.country = region->country;
    m.regionId = region->id;
    m.cityId = bestCity(lat, lon, m.country, &m.cityKm);
    m.timeZone = zoneAt(lat, lon, m);
    return m;
}

QByteArray ReverseGeocoder::zoneAt(double lat, double lon, const PlaceMatch& m) const
{
    if (const PlaceCity* c = m.cityId ? m_index.city(m.cityId) : nullptr)
        return m_index.zoneOf(*c);
    for (const CityDistance& d : m_index.citiesWithin(lat, lon, kZoneRadiusKm)) {
        const PlaceCity& c = m_index.cities()[size_t(d.index)];
        if ((m.atSea || m_index.countryOf(c) == m.country) && !m_index.zoneOf(c).isEmpty())
            return m_index.zoneOf(c);
    }
    // Ships keep nautical time: one hour per 15 degrees; the Etc names count the other way round.
    const int hours = int(std::lround(lon / 15.0));
    if (hours == 0)
        return QByteArrayLiteral("Etc/GMT");
    return QByteArrayLiteral("Etc/GMT") + (hours > 0 ? "-" : "+") + QByteArray::number(std::abs(hours));
}

qint64 ReverseGeocoder::bestCity(double lat, double lon, const QString& country, double* km) const
{
    const PlaceCity* best = nullptr;
    double bestScore = 0;
    bool bestIsSection = true;
    for (const CityDistance& d : m_index.citiesWithin(lat, lon, kCityRadiusKm)) {
        const PlaceCity& c = m_index.cities()[size_t(d.index)];
        if (m_index.countryOf(c) != country)
            continue;
        const bool section = c.section; // neighbourhoods only when nothing else is near
        // Ties (two cities both around the point) go to the larger one.
        const double score = distanceBeyondCentre(c, d.km) / weight(c) - 1e-9 * double(c.population);
        // Sections only when nothing else is near; otherwise the best weighted distance.
        if (!best || (bestIsSection && !section) || (section == bestIsSection && score < bestScore)) {
            best = &c, bestScore = score, bestIsSection = section, *km = d.km;
        }
    }
    return best ? best->id : 0;
}

} // namespace shoebox
