#include "places/placelookup.h"

#include "places/placenames.h"

namespace shoebox {

namespace {

bool hasName(const QStringList& names, const QString& folded)
{
    for (const QString& n : names)
        if (n.toCaseFolded() == folded)
            return true;
    return false;
}

} // namespace

PlaceMatch PlaceLookup::byName(const PlaceIndex& index, const QString& name)
{
    const QString folded = name.simplified().toCaseFolded();
    PlaceMatch m;
    if (folded.isEmpty())
        return m;
    const PlaceCity* best = nullptr;
    for (const PlaceCity& c : index.cities())
        if ((!best || c.population > best->population) && hasName(PlaceNames::allCityNames(index, c.id), folded))
            best = &c;
    if (best) {
        m = ReverseGeocoder(index).lookup(best->lat, best->lon);
        m.country = index.countryOf(*best); // the town's own country, even where the polygons disagree
        m.cityId = best->id;
        m.cityKm = 0;
        m.found = true;
        m.atSea = false;
        return m;
    }
    for (const PlaceRegion& r : index.regions())
        if (hasName(PlaceNames::allRegionNames(index, r.id, true), folded)) {
            m.found = true;
            m.country = r.country;
            m.regionId = r.id;
            return m;
        }
    QStringList countries;
    for (const PlaceRegion& r : index.regions())
        if (!countries.contains(r.country))
            countries << r.country;
    for (const QString& code : countries)
        if (code.toCaseFolded() == folded || hasName(PlaceNames::allCountryNames(code), folded)) {
            m.found = true;
            m.country = code;
            return m;
        }
    return m;
}

} // namespace shoebox
