#include "albums/markstore.h"

#include "catalog/database.h"
#include "catalog/sqlcheck.h"
#include "catalog/transaction.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

Q_LOGGING_CATEGORY(lcAlbums, "shoebox.core.albums")

namespace shoebox {

namespace {

PhotoMarks readMarks(const QSqlQuery& q, int first)
{
    PhotoMarks m;
    m.favourite = q.value(first).toInt() != 0;
    m.rating = q.value(first + 1).toInt();
    const int flag = q.value(first + 2).toInt();
    m.flag = flag > 0 ? PickFlag::Picked : flag < 0 ? PickFlag::Rejected : PickFlag::None;
    m.hidden = q.value(first + 3).toInt() != 0;
    m.changedNs = q.value(first + 4).toLongLong();
    return m;
}

QString idList(const QVector<qint64>& ids)
{
    QStringList out;
    out.reserve(ids.size());
    for (qint64 id : ids)
        out << QString::number(id);
    return out.join(QLatin1Char(','));
}

} // namespace

MarkStore::MarkStore(QString libraryPath)
    : m_path(std::move(libraryPath))
{
}

PhotoMarks MarkStore::marks(qint64 photoId, QString* error) const
{
    return marksOf({ photoId }, error).value(photoId);
}

QHash<qint64, PhotoMarks> MarkStore::marksOf(const QVector<qint64>& ids, QString* error) const
{
    QHash<qint64, PhotoMarks> out;
    if (ids.isEmpty())
        return out;
    QSqlQuery q(Database::connection(m_path));
    q.setForwardOnly(true);
    if (execChecked(q,
            QStringLiteral(
                "SELECT photo_id, favourite, rating, flag, hidden, changed_ns FROM photo_marks WHERE photo_id IN (%1)")
                .arg(idList(ids)),
            lcAlbums, "cannot read marks", error))
        while (q.next())
            out.insert(q.value(0).toLongLong(), readMarks(q, 1));
    return out;
}

bool MarkStore::setMarks(const QHash<qint64, PhotoMarks>& marks, QString* error)
{
    for (const PhotoMarks& m : marks) {
        if (m.rating < 0 || m.rating > 5) {
            if (error)
                *error = QStringLiteral("a rating is 0 to 5, not %1").arg(m.rating);
            return false;
        }
    }
    QSqlDatabase db = Database::connection(m_path);
    Transaction t(db, lcAlbums, "cannot write marks");
    if (!t.isActive()) {
        if (error)
            *error = t.error();
        return false;
    }
    QSqlQuery put(db), del(db);
    const qint64 now = QDateTime::currentMSecsSinceEpoch() * 1'000'000;
    bool ok = prepareChecked(put,
                  QStringLiteral("INSERT OR REPLACE INTO photo_marks(photo_id, favourite, rating, flag, hidden,"
                                 " changed_ns) VALUES(?, ?, ?, ?, ?, ?)"),
                  lcAlbums, "cannot write marks", error)
        && prepareChecked(
            del, QStringLiteral("DELETE FROM photo_marks WHERE photo_id = ?"), lcAlbums, "cannot write marks", error);
    for (auto it = marks.cbegin(); ok && it != marks.cend(); ++it) {
        if (it->isEmpty()) {
            del.addBindValue(it.key());
            ok = execChecked(del, lcAlbums, "cannot clear marks", error);
            continue;
        }
        put.addBindValue(it.key());
        put.addBindValue(it->favourite ? 1 : 0);
        put.addBindValue(it->rating);
        put.addBindValue(int(it->flag));
        put.addBindValue(it->hidden ? 1 : 0);
        put.addBindValue(now);
        ok = execChecked(put, lcAlbums, "cannot write marks", error);
    }
    return ok && t.commit(error);
}

QVector<qint64> MarkStore::photosWhere(const QString& condition, QString* error) const
{
    QSqlQuery q(Database::connection(m_path));
    q.setForwardOnly(true);
    QVector<qint64> out;
    if (execChecked(q,
            QStringLiteral("SELECT p.id FROM photos p LEFT JOIN photo_marks m ON m.photo_id = p.id"
                           " WHERE p.state = 'ok' AND p.partner_role IS NULL AND %1 ORDER BY p.id")
                .arg(condition),
            lcAlbums, "cannot read marks", error))
        while (q.next())
            out << q.value(0).toLongLong();
    return out;
}

QVector<qint64> MarkStore::favourites(QString* error) const
{
    return photosWhere(QStringLiteral("m.favourite = 1"), error);
}

QVector<qint64> MarkStore::withRating(RatingCompare op, int rating, QString* error) const
{
    static const char* const ops[] = { "=", "<", "<=", ">", ">=" };
    return photosWhere(
        QStringLiteral("COALESCE(m.rating, 0) %1 %2").arg(QLatin1String(ops[int(op)])).arg(rating), error);
}

QVector<qint64> MarkStore::withFlag(PickFlag flag, QString* error) const
{
    return photosWhere(QStringLiteral("COALESCE(m.flag, 0) = %1").arg(int(flag)), error);
}

QVector<qint64> MarkStore::hidden(QString* error) const
{
    return photosWhere(QStringLiteral("m.hidden = 1"), error);
}

} // namespace shoebox
