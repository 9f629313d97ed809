#pragma once
// The offline place data in memory: admin-1 regions (Natural Earth polygons, names in 11 languages)
// with a 1-degree grid for point-in-polygon, and GeoNames cities500 in a kd-tree. Loaded once from
// the places.sqlite that the build makes (resources/geo/build-places.py); immutable after load, so
// any thread may query it at the same time.

#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace shoebox {

struct PlaceRegion {
    int id = 0;
    QString country; // ISO 3166-1 alpha-2
    QString code; // ISO 3166-2, e.g. "DE-BY"
    float minLon = 0, minLat = 0, maxLon = 0, maxLat = 0;
    std::vector<int> ringStarts; // offsets (in points) into points, one per ring, plus the end
    std::vector<float> points; // lon, lat pairs
};

// One town, packed (28 bytes: 200,000 of them): strings live in the index, read through it.
struct PlaceCity {
    quint32 id = 0; // GeoNames id
    float lat = 0, lon = 0; // ~1 m at float precision
    quint32 population = 0;
    quint32 name = 0; // offset of its GeoNames name (local or English) in the index's UTF-8 pool
    quint16 country = 0; // index into the index's country codes
    quint16 zone = 0; // index into the index's IANA time zone names (0: unknown)
    bool section = false; // a neighbourhood, section, historical or abandoned place (PPLX/PPLH/PPLQ/PPLW)
};

struct CityDistance {
    int index = 0; // into cities()
    double km = 0;
};

class PlaceIndex {
public:
    PlaceIndex();
    ~PlaceIndex();
    PlaceIndex(const PlaceIndex&) = delete;
    PlaceIndex& operator=(const PlaceIndex&) = delete;

    // Loads a places.sqlite; false with a reason when the file is missing or not place data.
    bool load(const QString& path, QString* error);
    bool isLoaded() const { return !m_cities.empty(); }
    // Changes whenever the data is rebuilt differently: places computed with another version are redone.
    QString dataVersion() const { return m_dataVersion; }

    // Where Shoebox looks for places.sqlite: $SHOEBOX_PLACES, ../share/shoebox beside the binary,
    // the build tree. The first that exists, or empty.
    static QString locate();
    // The index every caller shares, loaded on first use (thread-safe); nullptr with a reason when
    // no place data is installed.
    static const PlaceIndex* shared(QString* error = nullptr);

    const std::vector<PlaceRegion>& regions() const { return m_regions; }
    const std::vector<PlaceCity>& cities() const { return m_cities; }
    const PlaceRegion* region(int id) const;
    // A town's ISO 3166-1 country code and its GeoNames name.
    const QString& countryOf(const PlaceCity& c) const { return m_countries[c.country]; }
    QString nameOf(const PlaceCity& c) const { return QString::fromUtf8(m_names.constData() + c.name); }
    // The IANA time zone of a town ("Asia/Tokyo"); empty when the data has none.
    QByteArray zoneOf(const PlaceCity& c) const { return c.zone < m_zones.size() ? m_zones[c.zone] : QByteArray(); }
    const PlaceCity* city(qint64 id) const;
    QString regionName(int id, const QString& lang) const; // empty when none in that language
    QString cityName(qint64 id, const QString& lang) const;
    // Every name a region has in the 11 languages.
    QStringList regionNameList(int id) const;
    // Every name a town has in the 11 languages (not its GeoNames name).
    QStringList cityNameList(qint64 id) const;

    // The world map's land rings and country border lines, as lon, lat pairs (Natural Earth 50m).
    const std::vector<std::vector<float>>& landRings() const { return m_land; }
    const std::vector<std::vector<float>>& borderLines() const { return m_borders; }

    // The region whose polygon contains the point, or nullptr (sea, or a gap in the data).
    const PlaceRegion* regionAt(double lat, double lon) const;
    // The region with the nearest border within maxKm, and that distance; nullopt when none.
    std::optional<std::pair<const PlaceRegion*, double>> nearestRegion(double lat, double lon, double maxKm) const;
    // Cities within km of the point, nearest first.
    std::vector<CityDistance> citiesWithin(double lat, double lon, double km) const;

private:
    struct Tree;
    // A name of a town or region in one language: (place, language, offset in m_names), kept in
    // vectors sorted by place. A hash of small hashes per town held ~50 MB; these hold ~2 MB.
    struct PlaceName {
        quint32 place = 0; // GeoNames id of a town, or a region id
        quint8 lang = 0; // index into m_languages
        quint32 name = 0;
    };
    using Names = std::vector<PlaceName>;

    void buildGrid();
    bool loadRegions(const QString& connection, QString* error);
    bool loadCities(const QString& connection, QString* error);
    bool loadMap(const QString& connection, QString* error);
    std::pair<Names::const_iterator, Names::const_iterator> namesOf(const Names& names, qint64 id) const;
    QString nameIn(const Names& names, qint64 id, const QString& lang) const;
    QStringList nameList(const Names& names, qint64 id) const;

    QString m_dataVersion;
    std::vector<PlaceRegion> m_regions;
    std::vector<PlaceCity> m_cities;
    std::vector<QByteArray> m_zones { QByteArray() }; // ~400 zones shared by 200,000 towns
    QHash<int, int> m_regionById;
    Names m_cityNames, m_regionNames;
    std::vector<QString> m_languages;
    std::vector<QString> m_countries { QString() };
    QByteArray m_names; // every town and region name, UTF-8, each ending in a NUL
    std::vector<std::vector<float>> m_land, m_borders;
    // 360 x 180 one-degree cells, each listing the regions whose box meets it: cell k's regions are
    // m_gridItems[m_gridStart[k] .. m_gridStart[k + 1]).
    std::vector<quint32> m_gridStart;
    std::vector<quint16> m_gridItems;
    std::unique_ptr<Tree> m_tree;
};

} // namespace shoebox
