#include "people/facestore.h"

#include "catalog/database.h"
#include "catalog/sqlcheck.h"
#include "people/peopletunables.h"
#include "tags/tagstore.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QVariant>

#include <cmath>
#include <cstring>

Q_LOGGING_CATEGORY(lcPeople, "shoebox.core.people")

namespace shoebox {

namespace {

constexpr const char* kColumns = "f.id, f.photo_id, f.model, f.box_x, f.box_y, f.box_w, f.box_h, f.keypoints, f.score,"
                                 " f.sharpness, f.person_id, f.assigned, f.distance, f.neighbours,"
                                 " SQRT(f.box_w * f.box_h * COALESCE(p.width, 0) * COALESCE(p.height, 0))";

bool write(QSqlQuery& q, QString* error)
{
    return execChecked(q, lcPeople, "cannot write faces", error);
}

bool read(QSqlQuery& q, QString* error = nullptr)
{
    return execChecked(q, lcPeople, "cannot read faces", error);
}

StoredFace readFace(const QSqlQuery& q, bool withDescriptor)
{
    StoredFace f;
    f.id = q.value(0).toLongLong();
    f.photoId = q.value(1).toLongLong();
    f.model = q.value(2).toString();
    f.box = QRectF(q.value(3).toDouble(), q.value(4).toDouble(), q.value(5).toDouble(), q.value(6).toDouble());
    f.keypoints = FaceStore::unpackKeypoints(q.value(7).toByteArray());
    f.score = q.value(8).toFloat();
    f.sharpness = q.value(9).toFloat();
    f.personId = q.value(10).toLongLong();
    f.manual = q.value(11).toString() == QLatin1String("manual");
    f.distance = q.value(12).isNull() ? -1 : q.value(12).toDouble();
    f.neighbours = q.value(13).isNull() ? -1 : q.value(13).toInt();
    f.pixels = q.value(14).toDouble();
    if (withDescriptor)
        f.descriptor = TagStore::unpackEmbedding(q.value(15).toByteArray());
    return f;
}

double overlap(const QRectF& a, const QRectF& b)
{
    const QRectF i = a.intersected(b);
    const double inter = i.width() * i.height();
    const double uni = a.width() * a.height() + b.width() * b.height() - inter;
    return uni > 0 ? inter / uni : 0;
}

QVariant orNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant();
}

} // namespace

FaceStore::FaceStore(QString libraryPath)
    : m_path(std::move(libraryPath))
{
}

QByteArray FaceStore::packKeypoints(const std::array<QPointF, 6>& points)
{
    std::array<float, 12> v {};
    for (size_t i = 0; i < points.size(); ++i) {
        v[2 * i] = float(points[i].x());
        v[2 * i + 1] = float(points[i].y());
    }
    return QByteArray(reinterpret_cast<const char*>(v.data()), qsizetype(sizeof(v)));
}

std::array<QPointF, 6> FaceStore::unpackKeypoints(const QByteArray& blob)
{
    std::array<QPointF, 6> points {};
    std::array<float, 12> v {};
    if (blob.size() != qsizetype(sizeof(v)))
        return points;
    std::memcpy(v.data(), blob.constData(), sizeof(v));
    for (size_t i = 0; i < points.size(); ++i)
        points[i] = QPointF(v[2 * i], v[2 * i + 1]);
    return points;
}

bool FaceStore::replaceFaces(
    qint64 photoId, const QString& model, const std::vector<FaceDetection>& faces, QString* error)
{
    QSqlDatabase db = Database::connection(m_path);
    const QList<StoredFace> old = facesOfPhoto(photoId, error);
    QVector<bool> kept(old.size(), false);
    QSqlQuery ins(db), upd(db), del(db);
    ins.prepare(QStringLiteral("INSERT INTO faces(photo_id, model, box_x, box_y, box_w, box_h, keypoints, score,"
                               " sharpness, descriptor) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    // The descriptor changed, so the neighbour count is stale: counted again at the next clustering.
    upd.prepare(QStringLiteral("UPDATE faces SET model = ?, box_x = ?, box_y = ?, box_w = ?, box_h = ?, keypoints = ?,"
                               " score = ?, sharpness = ?, descriptor = ?, neighbours = NULL WHERE id = ?"));
    del.prepare(QStringLiteral("DELETE FROM faces WHERE id = ?"));
    for (const FaceDetection& f : faces) {
        int match = -1;
        double best = tunables::people::kSameFaceOverlap;
        for (int i = 0; i < old.size(); ++i) {
            const double o = kept[i] ? 0 : overlap(old[i].box, f.box);
            if (o >= best) {
                best = o;
                match = i;
            }
        }
        QSqlQuery& q = match >= 0 ? upd : ins;
        if (match < 0)
            q.addBindValue(photoId);
        for (const QVariant& v : { QVariant(model), QVariant(f.box.x()), QVariant(f.box.y()), QVariant(f.box.width()),
                 QVariant(f.box.height()), QVariant(packKeypoints(f.keypoints)), QVariant(double(f.score)),
                 QVariant(double(f.sharpness)),
                 f.descriptor.empty() ? QVariant(QMetaType(QMetaType::QByteArray))
                                      : QVariant(TagStore::packEmbedding(f.descriptor)) })
            q.addBindValue(v);
        if (match >= 0) {
            kept[match] = true;
            q.addBindValue(old[match].id);
        }
        if (!write(q, error))
            return false;
    }
    for (int i = 0; i < old.size(); ++i) {
        if (kept[i])
            continue;
        del.addBindValue(old[i].id);
        if (!write(del, error))
            return false;
    }
    return true;
}

bool FaceStore::markScanned(qint64 photoId, const QString& model, QString* error)
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO face_scans(photo_id, model) VALUES(?, ?)"));
    q.addBindValue(photoId);
    q.addBindValue(model);
    return write(q, error);
}

qint64 FaceStore::pendingCount(const QString& model) const
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM photos p WHERE p.state = 'ok' AND NOT EXISTS"
                             " (SELECT 1 FROM face_scans s WHERE s.photo_id = p.id AND s.model = ?)"));
    q.addBindValue(model);
    return read(q) && q.next() ? q.value(0).toLongLong() : 0;
}

QList<StoredFace> FaceStore::facesOfPhoto(qint64 photoId, QString* error) const
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("SELECT %1 FROM faces f JOIN photos p ON p.id = f.photo_id WHERE f.photo_id = ?"
                             " ORDER BY f.box_x, f.id")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(photoId);
    QList<StoredFace> out;
    if (read(q, error))
        while (q.next())
            out << readFace(q, false);
    return out;
}

StoredFace FaceStore::face(qint64 faceId, bool withDescriptor) const
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("SELECT %1, f.descriptor FROM faces f JOIN photos p ON p.id = f.photo_id WHERE f.id = ?")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(faceId);
    return read(q) && q.next() ? readFace(q, withDescriptor) : StoredFace {};
}

QList<StoredFace> FaceStore::allFaces(bool withDescriptors, QString* error) const
{
    QSqlQuery q(Database::connection(m_path));
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT %1, %2 FROM faces f JOIN photos p ON p.id = f.photo_id WHERE p.state = 'ok'"
                       " ORDER BY f.id")
            .arg(QLatin1String(kColumns), withDescriptors ? QStringLiteral("f.descriptor") : QStringLiteral("NULL")));
    QList<StoredFace> out;
    if (read(q, error))
        while (q.next())
            out << readFace(q, withDescriptors);
    return out;
}

QVector<qint64> FaceStore::facesOfPerson(qint64 personId, QString* error) const
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("SELECT id FROM faces WHERE person_id = ? ORDER BY id"));
    q.addBindValue(personId);
    QVector<qint64> out;
    if (read(q, error))
        while (q.next())
            out << q.value(0).toLongLong();
    return out;
}

bool FaceStore::setPerson(qint64 faceId, qint64 personId, bool manual, double distance, QString* error)
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("UPDATE faces SET person_id = ?, assigned = ?, distance = ? WHERE id = ?"));
    q.addBindValue(orNull(personId));
    q.addBindValue(personId > 0 ? QVariant(manual ? QStringLiteral("manual") : QStringLiteral("auto")) : QVariant());
    q.addBindValue(distance >= 0 ? QVariant(distance) : QVariant());
    q.addBindValue(faceId);
    return write(q, error);
}

qint64 FaceStore::addNamedFace(qint64 photoId, const QString& model, const QRectF& box, qint64 personId, QString* error)
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("INSERT INTO faces(photo_id, model, box_x, box_y, box_w, box_h, person_id, assigned)"
                             " VALUES(?, ?, ?, ?, ?, ?, ?, 'manual')"));
    for (const QVariant& v : { QVariant(photoId), QVariant(model), QVariant(box.x()), QVariant(box.y()),
             QVariant(box.width()), QVariant(box.height()), QVariant(personId) })
        q.addBindValue(v);
    return write(q, error) ? q.lastInsertId().toLongLong() : 0;
}

bool FaceStore::moveAllFaces(qint64 from, qint64 into, QString* error)
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("UPDATE faces SET person_id = CASE WHEN EXISTS (SELECT 1 FROM face_verdicts v"
                             " WHERE v.face_id = faces.id AND v.person_id = :into) THEN NULL ELSE :into END"
                             " WHERE person_id = :from"));
    q.bindValue(QStringLiteral(":into"), into);
    q.bindValue(QStringLiteral(":from"), from);
    return write(q, error);
}

bool FaceStore::releaseAutoFaces(qint64 personId, QString* error)
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("UPDATE faces SET person_id = NULL, assigned = NULL, distance = NULL"
                             " WHERE person_id = ? AND (assigned IS NULL OR assigned <> 'manual')"));
    q.addBindValue(personId);
    return write(q, error);
}

bool FaceStore::setNeighbourCounts(const QList<QPair<qint64, int>>& counts, QString* error)
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("UPDATE faces SET neighbours = ? WHERE id = ?"));
    for (const auto& [face, n] : counts) {
        q.addBindValue(n);
        q.addBindValue(face);
        if (!write(q, error))
            return false;
    }
    return true;
}

bool FaceStore::addVerdict(qint64 faceId, qint64 personId, QString* error)
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO face_verdicts(face_id, person_id, verdict, decided_at)"
                             " VALUES(?, ?, 'not-this-person', ?)"));
    q.addBindValue(faceId);
    q.addBindValue(personId);
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    return write(q, error);
}

bool FaceStore::moveVerdicts(qint64 from, qint64 into, QString* error)
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO face_verdicts(face_id, person_id, verdict, decided_at)"
                             " SELECT face_id, ?, verdict, decided_at FROM face_verdicts WHERE person_id = ?"));
    q.addBindValue(into);
    q.addBindValue(from);
    return write(q, error);
}

QHash<qint64, QVector<qint64>> FaceStore::verdicts(QString* error) const
{
    QSqlQuery q(Database::connection(m_path));
    QHash<qint64, QVector<qint64>> out;
    if (execChecked(
            q, QStringLiteral("SELECT face_id, person_id FROM face_verdicts"), lcPeople, "cannot read verdicts", error))
        while (q.next())
            out[q.value(0).toLongLong()] << q.value(1).toLongLong();
    return out;
}

} // namespace shoebox
