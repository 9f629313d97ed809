#include "catalog/photostore.h"

#include "catalog/database.h"
#include "catalog/hashstore.h"
#include "catalog/sqlcheck.h"
#include "catalog/sqlvalues.h"
#include "catalog/transaction.h"
#include "image/perceptualhasher.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sys/stat.h>

Q_LOGGING_CATEGORY(lcStore, "shoebox.core.store", QtInfoMsg)

namespace shoebox {

namespace {

using namespace sqlvalues;

const char* const kColumns
    = "id, folder_id, path, display_path, size, mtime_ns, content_hash, format, width, height, orientation,"
      " taken_at, taken_offset, taken_source, camera_make, camera_model, lens, exposure_time, f_number,"
      " focal_length, iso, gps_lat, gps_lon, gps_alt, state, error, kind, duration_ms, codec, content_id,"
      " motion_offset, partner_id, partner_role,"
      " EXISTS(SELECT 1 FROM photos s WHERE s.partner_id = photos.id AND s.partner_role = 'live-motion'),"
      " EXISTS(SELECT 1 FROM photos s WHERE s.partner_id = photos.id AND s.partner_role = 'raw-original'),"
      " gps_time, offset_source, title, description, xmp_mtime_ns";

const QString kTimeFormat = QString::fromLatin1(kTakenAtFormat);

PhotoRecord readRecord(const QSqlQuery& q)
{
    PhotoRecord r;
    r.id = q.value(0).toLongLong();
    r.folderId = q.value(1).toLongLong();
    r.path = q.value(2).toByteArray();
    r.displayPath = q.value(3).toString();
    r.size = q.value(4).toLongLong();
    r.mtimeNs = q.value(5).toLongLong();
    r.contentHash = q.value(6).toByteArray();
    r.format = q.value(7).toString();
    PhotoMetadata& m = r.meta;
    m.width = q.value(8).toInt();
    m.height = q.value(9).toInt();
    m.orientation = q.value(10).isNull() ? 1 : q.value(10).toInt();
    if (!q.value(11).isNull())
        m.takenAt = QDateTime::fromString(q.value(11).toString(), kTimeFormat);
    m.utcOffsetMinutes = opt<int>(q.value(12));
    m.takenSource = q.value(13).toString();
    m.cameraMake = q.value(14).toString();
    m.cameraModel = q.value(15).toString();
    m.lens = q.value(16).toString();
    m.exposureTime = opt<double>(q.value(17));
    m.fNumber = opt<double>(q.value(18));
    m.focalLength = opt<double>(q.value(19));
    m.iso = opt<int>(q.value(20));
    if (!q.value(21).isNull() && !q.value(22).isNull())
        m.gps = GpsPosition { q.value(21).toDouble(), q.value(22).toDouble(), opt<double>(q.value(23)) };
    r.state = photoStateFromName(q.value(24).toString());
    r.error = q.value(25).toString();
    r.kind = mediaKindFromName(q.value(26).toString());
    m.durationMs = q.value(27).toLongLong();
    m.codec = q.value(28).toString();
    m.contentId = q.value(29).toString();
    r.motionOffset = opt<qint64>(q.value(30));
    r.partnerId = q.value(31).toLongLong();
    r.partnerRole = partnerRoleFromName(q.value(32).toString());
    r.hasLiveMotion = q.value(33).toBool();
    r.hasRawOriginal = q.value(34).toBool();
    if (!q.value(35).isNull())
        m.gpsTime = QDateTime::fromString(q.value(35).toString(), Qt::ISODate);
    m.offsetSource = q.value(36).toString();
    std::tie(m.title, m.description, r.sidecarMtimeNs)
        = std::make_tuple(q.value(37).toString(), q.value(38).toString(), q.value(39).toLongLong());
    return r;
}

QString whereFor(const PhotoQuery& q)
{
    QStringList conds;
    if (!q.includeProblems)
        conds << QStringLiteral("state = 'ok'");
    if (!q.includeSecondary)
        conds << QStringLiteral("partner_role IS NULL");
    if (q.folderId > 0)
        conds << QStringLiteral("folder_id = %1").arg(q.folderId);
    if (!q.includeHidden) // photo_marks belongs to MarkStore; read here so lists and counts agree
        conds << QStringLiteral("id NOT IN (SELECT photo_id FROM photo_marks WHERE hidden = 1)");
    return conds.isEmpty() ? QString() : QStringLiteral(" WHERE ") + conds.join(QStringLiteral(" AND "));
}

const QString kDateOrder = QStringLiteral(" ORDER BY taken_at IS NULL, taken_at DESC, id DESC");

} // namespace

PhotoStore::PhotoStore(QString libraryPath)
    : m_path(std::move(libraryPath))
{
}

bool PhotoStore::begin(QString* error)
{
    return beginChecked(Database::connection(m_path), lcStore, "cannot write the catalog", error);
}

bool PhotoStore::commit(QString* error)
{
    return commitChecked(Database::connection(m_path), lcStore, "cannot write the catalog", error);
}

void PhotoStore::rollback()
{
    QSqlDatabase db = Database::connection(m_path);
    if (!db.rollback())
        qCWarning(lcStore) << "rollback failed:" << db.lastError().text();
}

qint64 PhotoStore::ensureFolder(const QByteArray& path, const QString& displayPath, QString* error)
{
    QSqlQuery q(Database::connection(m_path));
    const char* context = "cannot add folder";
    if (!prepareChecked(q,
            QStringLiteral("INSERT OR IGNORE INTO folders(path, display_path, added_at) VALUES(?, ?, ?)"), lcStore,
            context, error))
        return 0;
    q.addBindValue(path);
    q.addBindValue(displayPath);
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    if (!execChecked(q, lcStore, context, error)
        || !prepareChecked(q, QStringLiteral("SELECT id FROM folders WHERE path = ?"), lcStore, context, error))
        return 0;
    q.addBindValue(path);
    if (!execChecked(q, lcStore, context, error))
        return 0;
    if (q.next())
        return q.value(0).toLongLong();
    if (error)
        *error = QStringLiteral("%1: %2 is not in the catalog").arg(QLatin1String(context), displayPath);
    return 0;
}

QList<FolderRecord> PhotoStore::folders() const
{
    QList<FolderRecord> out;
    QSqlQuery q(Database::connection(m_path));
    execChecked(q,
        QStringLiteral("SELECT f.id, f.path, f.display_path,"
                       " (SELECT count(*) FROM photos p WHERE p.folder_id = f.id AND p.state = 'ok'"
                       " AND p.partner_role IS NULL)"
                       " FROM folders f ORDER BY f.display_path"),
        lcStore, "cannot read folders");
    while (q.next())
        out.append(
            { q.value(0).toLongLong(), q.value(1).toByteArray(), q.value(2).toString(), q.value(3).toLongLong() });
    return out;
}

std::optional<PhotoRecord> PhotoStore::photoById(qint64 id) const
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("SELECT %1 FROM photos WHERE id = ?").arg(QLatin1String(kColumns)));
    q.addBindValue(id);
    if (execChecked(q, lcStore, "cannot read a photo") && q.next())
        return readRecord(q);
    return std::nullopt;
}

std::optional<PhotoRecord> PhotoStore::photoByPath(const QByteArray& path) const
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("SELECT %1 FROM photos WHERE path = ?").arg(QLatin1String(kColumns)));
    q.addBindValue(path);
    if (execChecked(q, lcStore, "cannot read a photo") && q.next())
        return readRecord(q);
    return std::nullopt;
}

QList<PhotoRecord> PhotoStore::photos(const PhotoQuery& pq) const
{
    QList<PhotoRecord> out;
    QSqlQuery q(Database::connection(m_path));
    q.setForwardOnly(true);
    execChecked(q,
        QStringLiteral("SELECT %1 FROM photos%2%3 LIMIT %4 OFFSET %5")
            .arg(QLatin1String(kColumns), whereFor(pq), kDateOrder)
            .arg(pq.limit)
            .arg(pq.offset),
        lcStore, "cannot read photos");
    while (q.next())
        out.append(readRecord(q));
    return out;
}

QList<PhotoRecord> PhotoStore::photosByIds(const QVector<qint64>& ids) const
{
    QStringList list;
    list.reserve(ids.size());
    for (qint64 id : ids)
        list << QString::number(id);
    QHash<qint64, PhotoRecord> byId;
    QSqlQuery q(Database::connection(m_path));
    q.setForwardOnly(true);
    execChecked(q,
        QStringLiteral("SELECT %1 FROM photos WHERE id IN (%2)")
            .arg(QLatin1String(kColumns), list.join(QLatin1Char(','))),
        lcStore, "cannot read photos");
    while (q.next()) {
        PhotoRecord r = readRecord(q);
        byId.insert(r.id, std::move(r));
    }
    QList<PhotoRecord> out;
    for (qint64 id : ids)
        if (auto it = byId.constFind(id); it != byId.cend())
            out.append(*it);
    return out;
}

qint64 PhotoStore::count(const PhotoQuery& pq) const
{
    QSqlQuery q(Database::connection(m_path));
    if (execChecked(q, QStringLiteral("SELECT count(*) FROM photos") + whereFor(pq), lcStore, "cannot count photos")
        && q.next())
        return q.value(0).toLongLong();
    return 0;
}

QVector<qint64> PhotoStore::photoIdsByDate(qint64 folderId, bool includeHidden) const
{
    QVector<qint64> ids;
    QSqlQuery q(Database::connection(m_path));
    q.setForwardOnly(true);
    const PhotoQuery pq { folderId, false, false, includeHidden };
    const QString folder = QStringLiteral(" AND ") + whereFor(pq).mid(int(qstrlen(" WHERE "))); // never empty
    // Two index walks (dated newest first, then undated) instead of one sort of the whole table.
    for (const QString& part : { QStringLiteral("taken_at IS NOT NULL"), QStringLiteral("taken_at IS NULL") }) {
        execChecked(q,
            QStringLiteral("SELECT id FROM photos WHERE %1%2 ORDER BY taken_at DESC, id DESC").arg(part, folder),
            lcStore, "cannot read photo ids");
        while (q.next())
            ids.append(q.value(0).toLongLong());
    }
    return ids;
}

QList<TimelineBucket> PhotoStore::timeline(qint64 folderId) const
{
    QList<TimelineBucket> out;
    QSqlQuery q(Database::connection(m_path));
    const PhotoQuery pq { folderId };
    execChecked(q,
        QStringLiteral("SELECT substr(taken_at, 1, 7) AS ym, count(*) FROM photos%1"
                       " GROUP BY ym ORDER BY ym IS NULL, ym DESC")
            .arg(whereFor(pq)),
        lcStore, "cannot read the timeline");
    qint64 index = 0;
    while (q.next()) {
        TimelineBucket b;
        const QString ym = q.value(0).toString();
        if (!q.value(0).isNull() && ym.size() == 7) {
            b.year = ym.left(4).toInt();
            b.month = ym.mid(5, 2).toInt();
        }
        b.count = q.value(1).toLongLong();
        b.firstIndex = index;
        index += b.count;
        out.append(b);
    }
    return out;
}

QMap<QString, QByteArray> PhotoStore::hashes(qint64 photoId, QString* error) const
{
    return HashStore(m_path).hashes(photoId, error);
}

QList<PhotoRecord> PhotoStore::photosWithContentHash(const QByteArray& hash, QString* error) const
{
    QList<PhotoRecord> out;
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("SELECT %1 FROM photos WHERE content_hash = ? AND state = 'ok' ORDER BY id")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(hash);
    if (!execChecked(q, lcStore, "cannot read the catalog", error))
        return out;
    while (q.next())
        out.append(readRecord(q));
    return out;
}

QHash<QByteArray, PhotoStore::KnownFile> PhotoStore::knownFiles(QString* error) const
{
    QHash<QByteArray, KnownFile> out;
    QSqlQuery q(Database::connection(m_path));
    q.setForwardOnly(true);
    // Count only the kinds the scan computes: the duplicate engine adds others (keypoints) later.
    const QStringList kindList = PerceptualHasher::kinds();
    const int kinds = int(kindList.size());
    if (!execChecked(q,
            QStringLiteral("SELECT path, id, size, mtime_ns, state, xmp_mtime_ns,"
                           " (SELECT COUNT(*) FROM hashes WHERE photo_id = photos.id AND kind IN ('%1'))"
                           " FROM photos")
                .arg(kindList.join(QStringLiteral("','"))),
            lcStore, "cannot read the catalog", error))
        return out;
    while (q.next()) {
        const PhotoState state = photoStateFromName(q.value(4).toString());
        out.insert(q.value(0).toByteArray(),
            { q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong(), state,
                state != PhotoState::Ok || q.value(6).toInt() >= kinds, q.value(5).toLongLong() });
    }
    return out;
}

namespace {

// Column -> value for one photo row, in a fixed order for both INSERT and UPDATE.
QList<QPair<QString, QVariant>> rowValues(const PhotoRecord& r)
{
    const PhotoMetadata& m = r.meta;
    return {
        { QStringLiteral("folder_id"), r.folderId > 0 ? QVariant(r.folderId) : QVariant() },
        { QStringLiteral("path"), r.path },
        { QStringLiteral("display_path"), r.displayPath },
        { QStringLiteral("name"), r.displayPath.mid(r.displayPath.lastIndexOf(QLatin1Char('/')) + 1) },
        { QStringLiteral("size"), r.size },
        { QStringLiteral("mtime_ns"), r.mtimeNs },
        { QStringLiteral("content_hash"), r.contentHash.isEmpty() ? QVariant() : QVariant(r.contentHash) },
        { QStringLiteral("format"), text(r.format) },
        { QStringLiteral("width"), m.width > 0 ? QVariant(m.width) : QVariant() },
        { QStringLiteral("height"), m.height > 0 ? QVariant(m.height) : QVariant() },
        { QStringLiteral("orientation"), m.orientation },
        { QStringLiteral("taken_at"), m.takenAt.isValid() ? QVariant(m.takenAt.toString(kTimeFormat)) : QVariant() },
        { QStringLiteral("taken_offset"), var(m.utcOffsetMinutes) },
        { QStringLiteral("taken_source"), text(m.takenSource) },
        { QStringLiteral("offset_source"), m.utcOffsetMinutes ? text(m.offsetSource) : QVariant() },
        { QStringLiteral("gps_time"), m.gpsTime.isValid() ? QVariant(m.gpsTime.toString(Qt::ISODate)) : QVariant() },
        { QStringLiteral("camera_make"), text(m.cameraMake) },
        { QStringLiteral("camera_model"), text(m.cameraModel) },
        { QStringLiteral("lens"), text(m.lens) },
        { QStringLiteral("exposure_time"), var(m.exposureTime) },
        { QStringLiteral("f_number"), var(m.fNumber) },
        { QStringLiteral("focal_length"), var(m.focalLength) },
        { QStringLiteral("iso"), var(m.iso) },
        { QStringLiteral("gps_lat"), m.gps ? QVariant(m.gps->latitude) : QVariant() },
        { QStringLiteral("gps_lon"), m.gps ? QVariant(m.gps->longitude) : QVariant() },
        { QStringLiteral("gps_alt"), m.gps ? var(m.gps->altitude) : QVariant() },
        { QStringLiteral("state"), photoStateName(r.state) },
        { QStringLiteral("error"), text(r.error) },
        { QStringLiteral("content_id"), text(m.contentId) },
        { QStringLiteral("motion_offset"), var(r.motionOffset) },
        { QStringLiteral("scanned_at"), QDateTime::currentSecsSinceEpoch() },
        { QStringLiteral("kind"), mediaKindName(r.kind) },
        { QStringLiteral("duration_ms"), m.durationMs > 0 ? QVariant(m.durationMs) : QVariant() },
        { QStringLiteral("codec"), text(m.codec) },
        { QStringLiteral("title"), text(m.title) },
        { QStringLiteral("description"), text(m.description) },
        { QStringLiteral("xmp_mtime_ns"), r.sidecarMtimeNs },
    };
}

QString sqlFor(const QList<QPair<QString, QVariant>>& values, bool update)
{
    QStringList cols, marks;
    for (const auto& v : values) {
        cols << (update ? v.first + QStringLiteral(" = ?") : v.first);
        marks << QStringLiteral("?");
    }
    if (update)
        return QStringLiteral("UPDATE photos SET ") + cols.join(QLatin1Char(',')) + QStringLiteral(" WHERE id = ?");
    return QStringLiteral("INSERT INTO photos(") + cols.join(QLatin1Char(',')) + QStringLiteral(") VALUES(")
        + marks.join(QLatin1Char(',')) + QLatin1Char(')');
}

} // namespace

qint64 PhotoStore::save(const PhotoRecord& r, const QMap<QString, QByteArray>& hashes, QString* error)
{
    QSqlDatabase db = Database::connection(m_path);
    const auto values = rowValues(r);
    const bool update = r.id > 0;
    static const QString insertSql = sqlFor(values, false), updateSql = sqlFor(values, true);
    QSqlQuery q(db);
    QString why;
    // A savepoint, so a photo whose hashes cannot be written is not left half saved (inside the
    // caller's transaction or, without one, as its own).
    if (!execChecked(q, QStringLiteral("SAVEPOINT save_photo"), lcStore, "cannot save photo", error))
        return 0;
    bool ok = prepareChecked(q, update ? updateSql : insertSql, lcStore, "cannot save photo", &why);
    if (ok) {
        for (const auto& v : values)
            q.addBindValue(v.second);
        if (update)
            q.addBindValue(r.id);
        ok = execChecked(q, lcStore, "cannot save photo", &why);
    }
    const qint64 id = !ok ? 0 : update ? r.id : q.lastInsertId().toLongLong();
    HashStore store(m_path);
    ok = ok && (!update || store.removeAll(id, &why)) && store.add(id, hashes, &why);
    QSqlQuery end(db);
    if (ok && execChecked(end, QStringLiteral("RELEASE save_photo"), lcStore, "cannot save photo", &why))
        return id;
    execChecked(end, QStringLiteral("ROLLBACK TO save_photo"), lcStore, "cannot undo a failed save");
    execChecked(end, QStringLiteral("RELEASE save_photo"), lcStore, "cannot undo a failed save");
    qCWarning(lcStore) << "cannot save" << r.displayPath;
    if (error)
        *error = why;
    return 0;
}

bool PhotoStore::setSidecarMtime(qint64 photoId, qint64 mtimeNs, QString* error)
{
    return execSql(Database::connection(m_path),
        QStringLiteral("UPDATE photos SET xmp_mtime_ns = %1 WHERE id = %2").arg(mtimeNs).arg(photoId), error);
}

bool PhotoStore::markMissing(const QList<qint64>& ids, QString* error)
{
    return setState(ids, PhotoState::Missing, QStringLiteral("file not found at its path"), error);
}

bool PhotoStore::setState(const QList<qint64>& ids, PhotoState state, const QString& reason, QString* error)
{
    QSqlQuery q(Database::connection(m_path));
    const char* context = "cannot change photo state";
    if (!prepareChecked(
            q, QStringLiteral("UPDATE photos SET state = ?, error = ? WHERE id = ?"), lcStore, context, error))
        return false;
    for (qint64 id : ids) {
        if (id <= 0)
            continue;
        q.addBindValue(photoStateName(state));
        q.addBindValue(text(reason));
        q.addBindValue(id);
        if (!execChecked(q, lcStore, context, error))
            return false;
    }
    return true;
}

bool PhotoStore::setPartner(qint64 id, qint64 partnerId, PartnerRole role, QString* error)
{
    QSqlQuery q(Database::connection(m_path));
    const char* context = "cannot pair photos";
    if (!prepareChecked(q, QStringLiteral("UPDATE photos SET partner_id = ?, partner_role = ? WHERE id = ?"), lcStore,
            context, error))
        return false;
    const bool paired = partnerId > 0 && role != PartnerRole::None;
    q.addBindValue(paired ? QVariant(partnerId) : QVariant());
    q.addBindValue(paired ? QVariant(partnerRoleName(role)) : QVariant());
    q.addBindValue(id);
    return execChecked(q, lcStore, context, error);
}

QList<PhotoRecord> PhotoStore::partnersOf(qint64 id) const
{
    QList<PhotoRecord> out;
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("SELECT %1 FROM photos WHERE partner_id = ? ORDER BY partner_role, id")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(id);
    if (execChecked(q, lcStore, "cannot read the partners of a photo"))
        while (q.next())
            out.append(readRecord(q));
    return out;
}

bool PhotoStore::markTagged(qint64 photoId, const QString& modelId, QString* error)
{
    QSqlQuery q(Database::connection(m_path));
    const char* context = "cannot mark photo tagged";
    if (!prepareChecked(q, QStringLiteral("UPDATE photos SET tagged_model = ? WHERE id = ?"), lcStore, context, error))
        return false;
    q.addBindValue(modelId);
    q.addBindValue(photoId);
    return execChecked(q, lcStore, context, error);
}

qint64 PhotoStore::movedFrom(const QByteArray& contentHash, const QSet<QByteArray>& seenPaths, QString* error) const
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("SELECT id, path FROM photos WHERE content_hash = ?"));
    q.addBindValue(contentHash);
    if (!execChecked(q, lcStore, "cannot read the catalog", error))
        return 0;
    while (q.next()) {
        const QByteArray old = q.value(1).toByteArray();
        struct stat st { };
        if (!seenPaths.contains(old) && ::stat(old.constData(), &st) != 0)
            return q.value(0).toLongLong();
    }
    return 0;
}

} // namespace shoebox
