#include "places/placestore.h"

#include "catalog/database.h"
#include "catalog/sqlcheck.h"
#include "catalog/sqlvalues.h"
#include "catalog/transaction.h"
#include "places/placenames.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

Q_DECLARE_LOGGING_CATEGORY(lcPlaces)

namespace shoebox {

namespace {

QVariant orNull(qint64 v)
{
    return v ? QVariant(v) : QVariant(QMetaType::fromType<qint64>());
}
QVariant orNull(const QString& s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

PlaceMatch matchFrom(const QSqlQuery& q, int first)
{
    PlaceMatch m;
    m.found = true;
    m.country = q.value(first).toString();
    m.regionId = q.value(first + 1).toInt();
    m.cityId = q.value(first + 2).toLongLong();
    m.atSea = q.value(first + 3).toBool();
    return m;
}

CaptureTime captureTime(const QSqlQuery& q, int first)
{
    CaptureTime t;
    if (!q.value(first).isNull())
        t.wall = QDateTime::fromString(q.value(first).toString(), QString::fromLatin1(sqlvalues::kTakenAtFormat));
    t.offsetMinutes = sqlvalues::opt<int>(q.value(first + 1));
    t.offsetSource = q.value(first + 2).toString();
    if (!q.value(first + 3).isNull())
        t.gpsUtc = QDateTime::fromString(q.value(first + 3).toString(), Qt::ISODate);
    return t;
}

bool storeCaptureTime(QSqlQuery& q, qint64 photoId, const CaptureTime& t, QString* error)
{
    q.addBindValue(t.wall.toString(QString::fromLatin1(sqlvalues::kTakenAtFormat)));
    q.addBindValue(sqlvalues::var(t.offsetMinutes));
    q.addBindValue(t.offsetSource);
    q.addBindValue(photoId);
    return execChecked(q, lcPlaces, "places: capture time", error);
}

bool named(const QStringList& names, const QString& folded)
{
    for (const QString& n : names)
        if (n.toCaseFolded() == folded)
            return true;
    return false;
}

} // namespace

PlaceStore::PlaceStore(QString libraryPath)
    : m_path(std::move(libraryPath))
{
}

QList<GpsPhoto> PlaceStore::photosNeedingPlaces(const QString& dataVersion, int limit, QString* error) const
{
    QSqlQuery q(Database::connection(m_path));
    QList<GpsPhoto> out;
    if (!prepareChecked(q,
            QStringLiteral("SELECT p.id, p.gps_lat, p.gps_lon, p.taken_at, p.taken_offset, p.offset_source, p.gps_time"
                           " FROM photos p"
                           " LEFT JOIN photo_places pp ON pp.photo_id = p.id"
                           " WHERE p.state = 'ok' AND p.gps_lat IS NOT NULL AND p.gps_lon IS NOT NULL"
                           " AND (pp.photo_id IS NULL OR (pp.source = 'gps' AND pp.data_version IS NOT ?))"
                           " ORDER BY p.id LIMIT ?"),
            lcPlaces, "places: pending", error))
        return out;
    q.addBindValue(dataVersion);
    q.addBindValue(limit);
    if (!execChecked(q, lcPlaces, "places: pending", error))
        return out;
    while (q.next())
        out.append({ q.value(0).toLongLong(), q.value(1).toDouble(), q.value(2).toDouble(), captureTime(q, 3) });
    return out;
}

bool PlaceStore::hasUnplacedPhotos(QString* error) const
{
    QSqlQuery q(Database::connection(m_path));
    return execChecked(q,
               QStringLiteral("SELECT 1 FROM photos p WHERE p.state = 'ok' AND p.gps_lat IS NOT NULL"
                              " AND p.gps_lon IS NOT NULL"
                              " AND NOT EXISTS (SELECT 1 FROM photo_places pp WHERE pp.photo_id = p.id) LIMIT 1"),
               lcPlaces, "places: unplaced", error)
        && q.next();
}

bool PlaceStore::storeGpsPlaces(const QList<PhotoPlace>& places, const QString& dataVersion, QString* error)
{
    QSqlDatabase db = Database::connection(m_path);
    Transaction tx(db, lcPlaces, "places: store");
    if (!tx.isActive()) {
        if (error)
            *error = tx.error();
        return false;
    }
    QSqlQuery q(db), time(db);
    if (!prepareChecked(q,
            QStringLiteral("INSERT INTO photo_places (photo_id, country, region_id, city_id, at_sea, source,"
                           " data_version, time_zone) VALUES (?, ?, ?, ?, ?, 'gps', ?, ?)"
                           " ON CONFLICT(photo_id) DO UPDATE SET country = excluded.country,"
                           " region_id = excluded.region_id, city_id = excluded.city_id, at_sea = excluded.at_sea,"
                           " data_version = excluded.data_version, time_zone = excluded.time_zone"
                           " WHERE photo_places.source = 'gps'"),
            lcPlaces, "places: store", error)
        || !prepareChecked(time,
            QStringLiteral("UPDATE photos SET taken_at = ?, taken_offset = ?, offset_source = ? WHERE id = ?"),
            lcPlaces, "places: capture time", error))
        return false;
    for (const PhotoPlace& p : places) {
        if (p.fixedTime && !storeCaptureTime(time, p.photoId, *p.fixedTime, error))
            return false;
        q.addBindValue(p.photoId);
        q.addBindValue(orNull(p.place.country));
        q.addBindValue(orNull(p.place.regionId));
        q.addBindValue(orNull(p.place.cityId));
        q.addBindValue(p.place.atSea ? 1 : 0);
        q.addBindValue(dataVersion);
        q.addBindValue(p.place.timeZone.isEmpty() ? QVariant() : QVariant(QString::fromLatin1(p.place.timeZone)));
        if (!execChecked(q, lcPlaces, "places: store", error))
            return false;
    }
    return tx.commit(error);
}

bool PlaceStore::setManualPlace(const QVector<qint64>& photoIds, const PlaceMatch& place, QString* error)
{
    QSqlDatabase db = Database::connection(m_path);
    Transaction tx(db, lcPlaces, "places: set manual");
    if (!tx.isActive()) {
        if (error)
            *error = tx.error();
        return false;
    }
    QSqlQuery q(db);
    const QString sql = place.found
        ? QStringLiteral("INSERT OR REPLACE INTO photo_places (photo_id, country, region_id, city_id, at_sea, source)"
                         " VALUES (?, ?, ?, ?, ?, 'manual')")
        : QStringLiteral("DELETE FROM photo_places WHERE photo_id = ?");
    if (!prepareChecked(q, sql, lcPlaces, "places: set manual", error))
        return false;
    for (qint64 id : photoIds) {
        q.addBindValue(id);
        if (place.found) {
            q.addBindValue(orNull(place.country));
            q.addBindValue(orNull(place.regionId));
            q.addBindValue(orNull(place.cityId));
            q.addBindValue(place.atSea ? 1 : 0);
        }
        if (!execChecked(q, lcPlaces, "places: set manual", error))
            return false;
    }
    return tx.commit(error);
}

std::optional<PhotoPlace> PlaceStore::placeOf(qint64 photoId, QString* error) const
{
    QSqlQuery q(Database::connection(m_path));
    if (!prepareChecked(q,
            QStringLiteral("SELECT country, region_id, city_id, at_sea, source FROM photo_places WHERE photo_id = ?"),
            lcPlaces, "places: place of", error))
        return std::nullopt;
    q.addBindValue(photoId);
    if (!execChecked(q, lcPlaces, "places: place of", error) || !q.next())
        return std::nullopt;
    return PhotoPlace { photoId, matchFrom(q, 0), q.value(4).toString() == QLatin1String("manual"), std::nullopt };
}

QList<PlaceCount> PlaceStore::counts(QString* error) const
{
    QSqlQuery q(Database::connection(m_path));
    QList<PlaceCount> out;
    if (!execChecked(q,
            QStringLiteral("SELECT pp.country, pp.region_id, pp.city_id, pp.at_sea, COUNT(*) FROM photo_places pp"
                           " JOIN photos p ON p.id = pp.photo_id WHERE p.state = 'ok'"
                           " GROUP BY pp.country, pp.region_id, pp.city_id, pp.at_sea"),
            lcPlaces, "places: counts", error))
        return out;
    while (q.next()) {
        const PlaceMatch m = matchFrom(q, 0);
        out.append({ m.country, m.regionId, m.cityId, m.atSea, q.value(4).toLongLong() });
    }
    return out;
}

QList<GpsPhoto> PlaceStore::positions(QString* error) const
{
    QSqlQuery q(Database::connection(m_path));
    q.setForwardOnly(true);
    QList<GpsPhoto> out;
    if (execChecked(q,
            QStringLiteral("SELECT id, gps_lat, gps_lon FROM photos WHERE state = 'ok'"
                           " AND gps_lat BETWEEN -90 AND 90 AND gps_lon BETWEEN -180 AND 180"),
            lcPlaces, "places: positions", error))
        while (q.next())
            out.append({ q.value(0).toLongLong(), q.value(1).toDouble(), q.value(2).toDouble(), CaptureTime {} });
    return out;
}

QVector<qint64> PlaceStore::photosIn(
    const QString& country, int regionId, qint64 cityId, bool atSea, QString* error) const
{
    QSqlQuery q(Database::connection(m_path));
    QVector<qint64> out;
    if (!prepareChecked(q,
            QStringLiteral(
                "SELECT p.id FROM photo_places pp JOIN photos p ON p.id = pp.photo_id"
                " WHERE p.state = 'ok' AND (? = '' OR pp.country = ?) AND (? = 0 OR pp.region_id = ?)"
                " AND (? = 0 OR pp.city_id = ?) AND (? = 0 OR pp.at_sea = 1) ORDER BY p.taken_at DESC, p.id"),
            lcPlaces, "places: photos in", error))
        return out;
    const QVariant c(country.isEmpty() ? QStringLiteral("") : country); // never NULL: NULL = '' is not true
    for (const QVariant& v :
        { c, c, QVariant(regionId), QVariant(regionId), QVariant(cityId), QVariant(cityId), QVariant(atSea ? 1 : 0) })
        q.addBindValue(v);
    if (!execChecked(q, lcPlaces, "places: photos in", error))
        return out;
    while (q.next())
        out.append(q.value(0).toLongLong());
    return out;
}

QVector<qint64> PlaceStore::photosAtPlaceNamed(const QString& text, bool withCodes, QString* error) const
{
    const QString folded = text.simplified().toCaseFolded();
    const QList<PlaceCount> counts = this->counts(error);
    if (folded.isEmpty() || counts.isEmpty())
        return {};
    const PlaceIndex* index = PlaceIndex::shared();
    QHash<QString, bool> checked; // node key -> named text
    auto matches = [&](const QString& key, auto names) {
        auto it = checked.find(key);
        if (it == checked.end())
            it = checked.insert(key, named(names(), folded));
        return *it;
    };
    QSet<qint64> photos;
    auto add = [&](const QString& country, int region, qint64 city, bool atSea = false) {
        for (qint64 id : photosIn(country, region, city, atSea, error))
            photos.insert(id);
    };
    const QString sea = QCoreApplication::translate("shoebox::PlaceNames", "At sea").toCaseFolded();
    for (const PlaceCount& c : counts) {
        if (c.atSea && (folded == sea || (withCodes && folded == QLatin1String("sea"))))
            add(QString(), 0, 0, true);
        const QString& cc = c.country;
        if (!cc.isEmpty() && matches(QStringLiteral("c") + cc, [&] {
                return withCodes ? PlaceNames::allCountryNames(cc) << cc : PlaceNames::allCountryNames(cc);
            }))
            add(cc, 0, 0);
        if (index && c.regionId && matches(QStringLiteral("r%1").arg(c.regionId), [&] {
                return PlaceNames::allRegionNames(*index, c.regionId, withCodes);
            }))
            add(QString(), c.regionId, 0);
        if (index && c.cityId
            && matches(QStringLiteral("t%1").arg(c.cityId), [&] { return PlaceNames::allCityNames(*index, c.cityId); }))
            add(QString(), 0, c.cityId);
    }
    return QVector<qint64>(photos.begin(), photos.end());
}

} // namespace shoebox
