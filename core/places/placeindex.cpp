#include "places/placeindex.h"

#include "places/placegeometry.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <nanoflann.hpp>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <cmath>
#include <cstring>

// Quiet unless asked for (QT_LOGGING_RULES="shoebox.core.places.debug=true"): a CLI command prints results only.
Q_LOGGING_CATEGORY(lcPlaces, "shoebox.core.places", QtWarningMsg)

namespace shoebox {

namespace {

constexpr double kDegToRad = M_PI / 180.0;
constexpr int kGridCols = 360, kGridRows = 180;

int gridCol(double lon)
{
    return std::clamp(int(std::floor(lon + 180.0)), 0, kGridCols - 1);
}
int gridRow(double lat)
{
    return std::clamp(int(std::floor(lat + 90.0)), 0, kGridRows - 1);
}

template <typename T> void toUnitSphere(double lat, double lon, T* xyz)
{
    const double la = lat * kDegToRad, lo = lon * kDegToRad;
    xyz[0] = T(std::cos(la) * std::cos(lo));
    xyz[1] = T(std::cos(la) * std::sin(lo));
    xyz[2] = T(std::sin(la));
}

// Shares one buffer per distinct string (country and feature codes, language keys).
// The index of an IANA zone name in the index's list, added on first sight.
quint16 zoneIndex(const QByteArray& zone, QHash<QByteArray, quint16>* seen, std::vector<QByteArray>* names)
{
    if (zone.isEmpty())
        return 0;
    auto it = seen->constFind(zone);
    if (it != seen->cend())
        return *it;
    if (names->size() >= 0xffff)
        return 0;
    const quint16 i = quint16(names->size());
    names->push_back(zone);
    seen->insert(zone, i);
    return i;
}

// Small sets of strings (country codes, languages) stored once, referred to by index.
struct Interner {
    QHash<QString, int> seen;
    int indexOf(const QString& s, std::vector<QString>* values)
    {
        auto it = seen.constFind(s);
        if (it != seen.cend())
            return *it;
        values->push_back(s);
        return *seen.insert(s, int(values->size() - 1));
    }
};

quint32 appendName(const QString& name, QByteArray* pool)
{
    const quint32 at = quint32(pool->size());
    pool->append(name.toUtf8());
    pool->append('\0');
    return at;
}

QString intern(const QString& s)
{
    thread_local QHash<QString, QString> pool;
    auto it = pool.constFind(s);
    if (it == pool.constEnd())
        it = pool.insert(s, s);
    return *it;
}

// Rings as the builder packs them: int32 ring count, then per ring int32 n and n lon/lat float pairs.
bool unpackRings(const QByteArray& blob, PlaceRegion* region)
{
    const char* p = blob.constData();
    const char* end = p + blob.size();
    auto readInt = [&](qint32* v) {
        if (end - p < 4)
            return false;
        std::memcpy(v, p, 4);
        p += 4;
        return true;
    };
    qint32 rings = 0;
    if (!readInt(&rings) || rings < 0 || rings > 1000000)
        return false;
    region->ringStarts.push_back(0);
    for (qint32 r = 0; r < rings; ++r) {
        qint32 n = 0;
        if (!readInt(&n) || n < 0 || (end - p) / 8 < n)
            return false;
        const size_t at = region->points.size();
        region->points.resize(at + 2 * size_t(n));
        std::memcpy(region->points.data() + at, p, 8 * size_t(n));
        p += 8 * size_t(n);
        region->ringStarts.push_back(int(region->points.size() / 2));
    }
    return true;
}

} // namespace

// nanoflann's dataset adaptor over the cities' unit-sphere positions.
struct PlaceIndex::Tree {
    std::vector<float> xyz; // floats: ~0.5 m on the Earth, half the memory of doubles
    size_t kdtree_get_point_count() const { return xyz.size() / 3; }
    float kdtree_get_pt(size_t i, size_t d) const { return xyz[3 * i + d]; }
    template <class Box> bool kdtree_get_bbox(Box&) const { return false; }
    using Index = nanoflann::KDTreeSingleIndexAdaptor<nanoflann::L2_Simple_Adaptor<float, Tree>, Tree, 3, unsigned>;
    std::unique_ptr<Index> index;
};

PlaceIndex::PlaceIndex() = default;
PlaceIndex::~PlaceIndex() = default;

bool PlaceIndex::load(const QString& path, QString* error)
{
    if (!QFileInfo(path).isFile()) {
        *error = QStringLiteral("no place data at %1").arg(path);
        return false;
    }
    const QString connection = QStringLiteral("places-") + QUuid::createUuid().toString(QUuid::Id128);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open())
            *error = QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text());
        else
            ok = loadRegions(connection, error) && loadCities(connection, error) && loadMap(connection, error);
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
#ifdef __GLIBC__
    malloc_trim(0); // hand the loading's freed heap back to the system
#endif
    if (!ok)
        return false;
    buildGrid();
    m_tree = std::make_unique<Tree>();
    m_tree->xyz.resize(3 * m_cities.size());
    for (size_t i = 0; i < m_cities.size(); ++i)
        toUnitSphere(m_cities[i].lat, m_cities[i].lon, &m_tree->xyz[3 * i]);
    m_tree->index = std::make_unique<Tree::Index>(3, *m_tree, nanoflann::KDTreeSingleIndexAdaptorParams(16));
    qCDebug(lcPlaces) << "loaded" << m_regions.size() << "regions," << m_cities.size() << "cities from" << path;
    return true;
}

bool PlaceIndex::loadRegions(const QString& connection, QString* error)
{
    QSqlDatabase db = QSqlDatabase::database(connection);
    QSqlQuery q(db);
    q.setForwardOnly(true); // a scrollable query keeps every row it read until it is destroyed
    if (!q.exec(QStringLiteral("SELECT id, country, code, min_lon, min_lat, max_lon, max_lat, rings FROM regions"))) {
        *error = QStringLiteral("not place data: %1").arg(q.lastError().text());
        return false;
    }
    while (q.next()) {
        PlaceRegion r;
        r.id = q.value(0).toInt();
        r.country = intern(q.value(1).toString());
        r.code = q.value(2).toString();
        r.minLon = q.value(3).toFloat(), r.minLat = q.value(4).toFloat();
        r.maxLon = q.value(5).toFloat(), r.maxLat = q.value(6).toFloat();
        if (!unpackRings(q.value(7).toByteArray(), &r)) {
            *error = QStringLiteral("damaged place data: region %1").arg(r.id);
            return false;
        }
        m_regionById.insert(r.id, int(m_regions.size()));
        m_regions.push_back(std::move(r));
    }
    Interner languages;
    if (!q.exec(QStringLiteral("SELECT region_id, lang, name FROM region_names")))
        return (*error = q.lastError().text()), false;
    while (q.next())
        m_regionNames.push_back(
            { quint32(q.value(0).toInt()), quint8(languages.indexOf(q.value(1).toString(), &m_languages)),
                appendName(q.value(2).toString(), &m_names) });
    std::stable_sort(m_regionNames.begin(), m_regionNames.end(),
        [](const PlaceName& a, const PlaceName& b) { return a.place < b.place; });
    if (!q.exec(QStringLiteral("SELECT key, value FROM meta WHERE key IN ('version', 'cities') ORDER BY key")))
        return (*error = q.lastError().text()), false;
    QStringList parts;
    while (q.next())
        parts << q.value(1).toString();
    m_dataVersion = parts.join(QLatin1Char('-'));
    return true;
}

bool PlaceIndex::loadCities(const QString& connection, QString* error)
{
    QHash<QByteArray, quint16> zones;
    Interner countries;
    QSqlDatabase db = QSqlDatabase::database(connection);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, lat, lon, country, feature, population, name, tz FROM cities"))) {
        *error = QStringLiteral("not place data: %1").arg(q.lastError().text());
        return false;
    }
    while (q.next()) {
        PlaceCity c;
        c.id = quint32(q.value(0).toLongLong());
        c.lat = q.value(1).toFloat(), c.lon = q.value(2).toFloat();
        c.country = countries.indexOf(q.value(3).toString(), &m_countries);
        const QString feature = q.value(4).toString();
        c.section = feature == QLatin1String("PPLX") || feature == QLatin1String("PPLH")
            || feature == QLatin1String("PPLQ") || feature == QLatin1String("PPLW");
        c.population = quint32(std::clamp<qint64>(q.value(5).toLongLong(), 0, 0xffffffffLL));
        c.name = appendName(q.value(6).toString(), &m_names);
        c.zone = zoneIndex(q.value(7).toByteArray(), &zones, &m_zones);
        if (!m_cities.empty() && c.id <= m_cities.back().id)
            return (*error = QStringLiteral("damaged place data: towns out of order")), false;
        m_cities.push_back(std::move(c));
    }
    if (!q.exec(QStringLiteral("SELECT city_id, lang, name FROM city_names")))
        return (*error = q.lastError().text()), false;
    Interner languages;
    for (size_t i = 0; i < m_languages.size(); ++i)
        languages.seen.insert(m_languages[i], int(i));
    while (q.next())
        m_cityNames.push_back(
            { quint32(q.value(0).toLongLong()), quint8(languages.indexOf(q.value(1).toString(), &m_languages)),
                appendName(q.value(2).toString(), &m_names) });
    std::stable_sort(m_cityNames.begin(), m_cityNames.end(),
        [](const PlaceName& a, const PlaceName& b) { return a.place < b.place; });
    m_names.squeeze();
    if (m_cities.empty())
        *error = QStringLiteral("place data holds no cities");
    return !m_cities.empty();
}

bool PlaceIndex::loadMap(const QString& connection, QString* error)
{
    QSqlQuery q(QSqlDatabase::database(connection));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT kind, rings FROM map")))
        return (*error = QStringLiteral("not place data: %1").arg(q.lastError().text())), false;
    while (q.next()) {
        PlaceRegion shape; // the same packing as regions' rings
        if (!unpackRings(q.value(1).toByteArray(), &shape))
            return (*error = QStringLiteral("damaged place data: map")), false;
        auto& target = q.value(0).toString() == QLatin1String("land") ? m_land : m_borders;
        for (size_t k = 0; k + 1 < shape.ringStarts.size(); ++k)
            target.emplace_back(
                shape.points.begin() + 2 * shape.ringStarts[k], shape.points.begin() + 2 * shape.ringStarts[k + 1]);
    }
    return true;
}

void PlaceIndex::buildGrid()
{
    // Two passes: count each cell's regions, then place them (one array instead of 64,800 vectors).
    const size_t cells = size_t(kGridCols) * kGridRows;
    m_gridStart.assign(cells + 1, 0);
    auto eachCell = [this](const PlaceRegion& r, auto f) {
        for (int row = gridRow(r.minLat); row <= gridRow(r.maxLat); ++row)
            for (int col = gridCol(r.minLon); col <= gridCol(r.maxLon); ++col)
                f(size_t(row) * kGridCols + size_t(col));
    };
    for (const PlaceRegion& r : m_regions)
        eachCell(r, [this](size_t k) { ++m_gridStart[k + 1]; });
    for (size_t k = 0; k < cells; ++k)
        m_gridStart[k + 1] += m_gridStart[k];
    m_gridItems.assign(m_gridStart.back(), 0);
    std::vector<quint32> next(m_gridStart.begin(), m_gridStart.end() - 1);
    for (size_t i = 0; i < m_regions.size(); ++i)
        eachCell(m_regions[i], [&](size_t k) { m_gridItems[next[k]++] = quint16(i); });
}

const PlaceRegion* PlaceIndex::region(int id) const
{
    const auto it = m_regionById.constFind(id);
    return it == m_regionById.constEnd() ? nullptr : &m_regions[*it];
}

const PlaceCity* PlaceIndex::city(qint64 id) const
{
    // The builder stores towns by GeoNames id (the table's key), so they are sorted.
    const auto it
        = std::lower_bound(m_cities.begin(), m_cities.end(), id, [](const PlaceCity& c, qint64 v) { return c.id < v; });
    return it != m_cities.end() && it->id == id ? &*it : nullptr;
}

std::pair<PlaceIndex::Names::const_iterator, PlaceIndex::Names::const_iterator> PlaceIndex::namesOf(
    const Names& names, qint64 id) const
{
    return std::equal_range(names.begin(), names.end(), PlaceName { quint32(id), 0, 0 },
        [](const PlaceName& a, const PlaceName& b) { return a.place < b.place; });
}

QString PlaceIndex::nameIn(const Names& names, qint64 id, const QString& lang) const
{
    const auto [from, to] = namesOf(names, id);
    for (auto it = from; it != to; ++it)
        if (m_languages[it->lang] == lang)
            return QString::fromUtf8(m_names.constData() + it->name);
    return QString();
}

QStringList PlaceIndex::nameList(const Names& names, qint64 id) const
{
    QStringList out;
    const auto [from, to] = namesOf(names, id);
    for (auto it = from; it != to; ++it)
        out << QString::fromUtf8(m_names.constData() + it->name);
    return out;
}

QStringList PlaceIndex::cityNameList(qint64 id) const
{
    return nameList(m_cityNames, id);
}

QStringList PlaceIndex::regionNameList(int id) const
{
    return nameList(m_regionNames, id);
}

QString PlaceIndex::regionName(int id, const QString& lang) const
{
    return nameIn(m_regionNames, id, lang);
}

QString PlaceIndex::cityName(qint64 id, const QString& lang) const
{
    return nameIn(m_cityNames, id, lang);
}

const PlaceRegion* PlaceIndex::regionAt(double lat, double lon) const
{
    if (m_gridStart.empty())
        return nullptr;
    const size_t cell = size_t(gridRow(lat)) * kGridCols + size_t(gridCol(lon));
    for (quint32 k = m_gridStart[cell]; k < m_gridStart[cell + 1]; ++k) {
        const PlaceRegion& r = m_regions[m_gridItems[k]];
        if (lon < r.minLon || lon > r.maxLon || lat < r.minLat || lat > r.maxLat)
            continue;
        bool inside = false;
        for (size_t k = 0; k + 1 < r.ringStarts.size(); ++k) {
            const int n = r.ringStarts[k + 1] - r.ringStarts[k];
            if (placegeometry::ringContains(r.points.data() + 2 * r.ringStarts[k], n, lon, lat))
                inside = !inside;
        }
        if (inside)
            return &r;
    }
    return nullptr;
}

std::optional<std::pair<const PlaceRegion*, double>> PlaceIndex::nearestRegion(
    double lat, double lon, double maxKm) const
{
    const double dLat = maxKm / 111.0;
    const double dLon = std::min(180.0, maxKm / (111.0 * std::max(0.01, std::cos(lat * kDegToRad))));
    std::vector<int> seen;
    const PlaceRegion* best = nullptr;
    double bestKm = maxKm;
    for (int row = gridRow(lat - dLat); row <= gridRow(lat + dLat); ++row) {
        for (int col = gridCol(lon - dLon); col <= gridCol(lon + dLon); ++col) {
            const size_t cell = size_t(row) * kGridCols + size_t(col);
            for (quint32 k = m_gridStart[cell]; k < m_gridStart[cell + 1]; ++k) {
                const int i = m_gridItems[k];
                if (std::find(seen.begin(), seen.end(), i) != seen.end())
                    continue;
                seen.push_back(i);
                const PlaceRegion& r = m_regions[size_t(i)];
                if (lat + dLat < r.minLat || lat - dLat > r.maxLat || lon + dLon < r.minLon || lon - dLon > r.maxLon)
                    continue;
                for (size_t k = 0; k + 1 < r.ringStarts.size(); ++k) {
                    const int n = r.ringStarts[k + 1] - r.ringStarts[k];
                    const double km = placegeometry::ringDistanceKm(r.points.data() + 2 * r.ringStarts[k], n, lat, lon);
                    if (km <= bestKm)
                        best = &r, bestKm = km;
                }
            }
        }
    }
    if (!best)
        return std::nullopt;
    return std::make_pair(best, bestKm);
}

std::vector<CityDistance> PlaceIndex::citiesWithin(double lat, double lon, double km) const
{
    std::vector<CityDistance> out;
    if (!m_tree)
        return out;
    float q[3];
    toUnitSphere(lat, lon, q);
    const double chord = 2.0 * std::sin(std::min(M_PI, km / placegeometry::kEarthRadiusKm) / 2.0);
    std::vector<std::pair<unsigned, float>> matches;
    m_tree->index->radiusSearch(q, float(chord * chord), matches, nanoflann::SearchParams(32, 0, true));
    out.reserve(matches.size());
    for (const auto& [i, d2] : matches)
        out.push_back({ int(i), 2.0 * placegeometry::kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(d2) / 2.0)) });
    return out;
}

QString PlaceIndex::locate()
{
    QStringList candidates;
    const QString env = qEnvironmentVariable("SHOEBOX_PLACES");
    if (!env.isEmpty())
        candidates << env;
    candidates << QDir(QCoreApplication::applicationDirPath())
                      .absoluteFilePath(QStringLiteral("../share/shoebox/places.sqlite"));
    candidates << QStringLiteral(SHOEBOX_BUILD_PLACES_FILE);
    for (const QString& c : candidates)
        if (QFileInfo(c).isFile())
            return c;
    return QString();
}

const PlaceIndex* PlaceIndex::shared(QString* error)
{
    static QMutex mutex;
    static std::unique_ptr<PlaceIndex> index;
    static QString failure;
    QMutexLocker lock(&mutex);
    if (!index && failure.isEmpty()) {
        const QString path = locate();
        auto loaded = std::make_unique<PlaceIndex>();
        if (path.isEmpty())
            failure = QStringLiteral("no place data installed (scripts/fetch-geodata.sh, then rebuild)");
        else if (loaded->load(path, &failure))
            index = std::move(loaded);
    }
    if (!index && error)
        *error = failure;
    return index.get();
}

} // namespace shoebox
