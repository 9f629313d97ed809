#pragma once
// Names of places in the user's language: countries from ICU (all countries, every language,
// offline), regions from Natural Earth, towns from GeoNames with fallbacks (pt_BR -> pt -> the
// local name; zh_TW made from zh by the build when GeoNames has none). Any thread.

#include "places/placeindex.h"

#include <QStringList>

namespace shoebox {

struct PlaceMatch;

class PlaceNames {
public:
    // The 11 languages Shoebox speaks, as in the tag vocabulary.
    static const QStringList& languages();
    // The best supported language for a locale name ("de_DE.UTF-8" -> "de", "zh_HK" -> "zh_TW").
    static QString matchLanguage(const QString& locale);

    static QString country(const QString& isoCode, const QString& lang);
    static QString region(const PlaceIndex& index, int regionId, const QString& lang);
    static QString city(const PlaceIndex& index, qint64 cityId, const QString& lang);
    // "City, Region, Country" (parts that are known), or the at-sea label.
    static QString label(const PlaceIndex& index, const PlaceMatch& m, const QString& lang);
    // Every name of a country, region or town in all languages (for search); the ISO code only when asked.
    static QStringList allCountryNames(const QString& isoCode);
    static QStringList allRegionNames(const PlaceIndex& index, int regionId, bool withCode = false);
    static QStringList allCityNames(const PlaceIndex& index, qint64 cityId);
};

} // namespace shoebox
