#include "albums/albumstore.h"

#include "catalog/database.h"
#include "catalog/sqlcheck.h"
#include "catalog/transaction.h"

#include <QDateTime>
#include <QHash>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

#include <functional>

Q_DECLARE_LOGGING_CATEGORY(lcAlbums)

namespace shoebox {

namespace {

const QString kSeparator = QStringLiteral(" / ");

bool fail(QString* error, const QString& why)
{
    if (error)
        *error = why;
    return false;
}

} // namespace

AlbumStore::AlbumStore(QString libraryPath)
    : m_path(std::move(libraryPath))
{
}

QStringList AlbumStore::splitPath(const QString& path)
{
    QStringList out;
    for (const QString& part : path.split(QLatin1Char('/')))
        if (const QString name = part.simplified(); !name.isEmpty())
            out << name;
    return out;
}

qint64 AlbumStore::ensureChild(qint64 parentId, const QString& name, QString* error)
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("SELECT id FROM albums WHERE COALESCE(parent_id, 0) = ? AND name = ? COLLATE NOCASE"));
    q.addBindValue(parentId);
    q.addBindValue(name);
    if (!execChecked(q, lcAlbums, "cannot read albums", error))
        return 0;
    if (q.next())
        return q.value(0).toLongLong();
    q.prepare(QStringLiteral("INSERT INTO albums(parent_id, name, position, created_at) VALUES(?, ?,"
                             " (SELECT COALESCE(MAX(position) + 1, 0) FROM albums WHERE COALESCE(parent_id, 0) = ?),"
                             " ?)"));
    q.addBindValue(parentId > 0 ? QVariant(parentId) : QVariant());
    q.addBindValue(name);
    q.addBindValue(parentId);
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    return execChecked(q, lcAlbums, "cannot create the album", error) ? q.lastInsertId().toLongLong() : 0;
}

qint64 AlbumStore::createAlbum(const QString& path, QString* error)
{
    const QStringList names = splitPath(path);
    if (names.isEmpty()) {
        fail(error, QStringLiteral("an album needs a name"));
        return 0;
    }
    QSqlDatabase db = Database::connection(m_path);
    Transaction t(db, lcAlbums, "cannot create the album");
    qint64 id = 0;
    for (const QString& name : names)
        if (!(id = ensureChild(id, name, error)))
            return 0;
    return t.commit(error) ? id : 0;
}

qint64 AlbumStore::createSmartAlbum(const QString& path, const QString& query, QString* error)
{
    if (query.simplified().isEmpty()) {
        fail(error, QStringLiteral("a smart album needs a search"));
        return 0;
    }
    const qint64 id = createAlbum(path, error);
    if (!id)
        return 0;
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("UPDATE albums SET query = ? WHERE id = ?"));
    q.addBindValue(query.simplified());
    q.addBindValue(id);
    return execChecked(q, lcAlbums, "cannot save the smart album", error) ? id : 0;
}

QList<AlbumRecord> AlbumStore::albums(QString* error) const
{
    QSqlQuery q(Database::connection(m_path));
    QHash<qint64, QList<AlbumRecord>> children; // parent id -> children in order
    if (!execChecked(q,
            QStringLiteral(
                "SELECT a.id, COALESCE(a.parent_id, 0), a.name, a.description, COALESCE(a.cover_photo_id, 0),"
                " a.position, COALESCE(a.query, ''), (SELECT COUNT(*) FROM album_photos ap JOIN photos p"
                " ON p.id = ap.photo_id WHERE ap.album_id = a.id AND p.state = 'ok')"
                " FROM albums a ORDER BY a.position, a.name COLLATE NOCASE"),
            lcAlbums, "cannot read albums", error))
        return {};
    while (q.next()) {
        AlbumRecord a;
        a.id = q.value(0).toLongLong();
        a.parentId = q.value(1).toLongLong();
        a.name = q.value(2).toString();
        a.description = q.value(3).toString();
        a.coverPhotoId = q.value(4).toLongLong();
        a.position = q.value(5).toInt();
        a.query = q.value(6).toString();
        a.photoCount = q.value(7).toLongLong();
        children[a.parentId].append(a);
    }
    QList<AlbumRecord> out;
    std::function<void(qint64, const QString&)> walk = [&](qint64 parent, const QString& prefix) {
        for (AlbumRecord a : children.value(parent)) {
            a.path = prefix.isEmpty() ? a.name : prefix + kSeparator + a.name;
            out.append(a);
            walk(a.id, a.path);
        }
    };
    walk(0, QString());
    return out;
}

std::optional<AlbumRecord> AlbumStore::album(qint64 id) const
{
    for (const AlbumRecord& a : albums())
        if (a.id == id)
            return a;
    return std::nullopt;
}

qint64 AlbumStore::albumAt(const QString& path, QString* error) const
{
    const QString wanted = splitPath(path).join(kSeparator);
    for (const AlbumRecord& a : albums(error))
        if (a.path.compare(wanted, Qt::CaseInsensitive) == 0)
            return a.id;
    return 0;
}

QVector<qint64> AlbumStore::albumsNamed(const QString& text, QString* error) const
{
    const QString wanted = splitPath(text).join(kSeparator);
    QVector<qint64> out;
    for (const AlbumRecord& a : albums(error))
        if (a.name.compare(wanted, Qt::CaseInsensitive) == 0 || a.path.compare(wanted, Qt::CaseInsensitive) == 0)
            out << a.id;
    return out;
}

QVector<qint64> AlbumStore::withDescendants(qint64 albumId, QString* error) const
{
    QVector<qint64> out { albumId };
    const QList<AlbumRecord> all = albums(error);
    for (int i = 0; i < out.size(); ++i) // breadth first over a small list
        for (const AlbumRecord& a : all)
            if (a.parentId == out[i])
                out << a.id;
    return out;
}

bool AlbumStore::rename(qint64 id, const QString& name, QString* error)
{
    const QString clean = splitPath(name).join(QLatin1Char(' '));
    if (clean.isEmpty())
        return fail(error, QStringLiteral("an album needs a name"));
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("UPDATE albums SET name = ? WHERE id = ?"));
    q.addBindValue(clean);
    q.addBindValue(id);
    return execChecked(q, lcAlbums, "cannot rename the album (is the name taken?)", error);
}

bool AlbumStore::setDescription(qint64 id, const QString& description, QString* error)
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("UPDATE albums SET description = ? WHERE id = ?"));
    q.addBindValue(description);
    q.addBindValue(id);
    return execChecked(q, lcAlbums, "cannot set the album's description", error);
}

bool AlbumStore::setCover(qint64 id, qint64 photoId, QString* error)
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("UPDATE albums SET cover_photo_id = ? WHERE id = ?"));
    q.addBindValue(photoId > 0 ? QVariant(photoId) : QVariant());
    q.addBindValue(id);
    return execChecked(q, lcAlbums, "cannot set the album's cover", error);
}

bool AlbumStore::move(qint64 id, qint64 newParent, int position, QString* error)
{
    if (newParent > 0 && withDescendants(id, error).contains(newParent))
        return fail(error, QStringLiteral("an album cannot move into itself"));
    QVector<qint64> siblings;
    for (const AlbumRecord& a : albums(error))
        if (a.parentId == newParent && a.id != id)
            siblings << a.id;
    siblings.insert(qBound(0, position, int(siblings.size())), id);
    QSqlDatabase db = Database::connection(m_path);
    Transaction t(db, lcAlbums, "cannot move the album");
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE albums SET parent_id = ? WHERE id = ?"));
    q.addBindValue(newParent > 0 ? QVariant(newParent) : QVariant());
    q.addBindValue(id);
    bool ok = execChecked(q, lcAlbums, "cannot move the album (is the name taken there?)", error);
    q.prepare(QStringLiteral("UPDATE albums SET position = ? WHERE id = ?"));
    for (int i = 0; ok && i < siblings.size(); ++i) {
        q.addBindValue(i);
        q.addBindValue(siblings[i]);
        ok = execChecked(q, lcAlbums, "cannot order the albums", error);
    }
    return ok && t.commit(error);
}

bool AlbumStore::remove(qint64 id, QString* error)
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("DELETE FROM albums WHERE id = ?")); // children and members cascade
    q.addBindValue(id);
    return execChecked(q, lcAlbums, "cannot remove the album", error);
}

QVector<qint64> AlbumStore::addPhotos(qint64 albumId, const QVector<qint64>& ids, QString* error)
{
    QSqlDatabase db = Database::connection(m_path);
    Transaction t(db, lcAlbums, "cannot add photos to the album");
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO album_photos(album_id, photo_id, position) VALUES(?, ?,"
                             " (SELECT COALESCE(MAX(position) + 1, 0) FROM album_photos WHERE album_id = ?))"));
    QVector<qint64> added;
    for (qint64 id : ids) {
        q.addBindValue(albumId);
        q.addBindValue(id);
        q.addBindValue(albumId);
        if (!execChecked(q, lcAlbums, "cannot add a photo to the album", error))
            return {};
        if (q.numRowsAffected() > 0)
            added << id;
    }
    return t.commit(error) ? added : QVector<qint64>();
}

QVector<qint64> AlbumStore::removePhotos(qint64 albumId, const QVector<qint64>& ids, QString* error)
{
    QSqlDatabase db = Database::connection(m_path);
    Transaction t(db, lcAlbums, "cannot remove photos from the album");
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM album_photos WHERE album_id = ? AND photo_id = ?"));
    QVector<qint64> removed;
    for (qint64 id : ids) {
        q.addBindValue(albumId);
        q.addBindValue(id);
        if (!execChecked(q, lcAlbums, "cannot remove a photo from the album", error))
            return {};
        if (q.numRowsAffected() > 0)
            removed << id;
    }
    return t.commit(error) ? removed : QVector<qint64>();
}

QVector<qint64> AlbumStore::photosOf(qint64 albumId, QString* error) const
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("SELECT ap.photo_id FROM album_photos ap JOIN photos p ON p.id = ap.photo_id"
                             " WHERE ap.album_id = ? AND p.state = 'ok' ORDER BY ap.position, ap.photo_id"));
    q.addBindValue(albumId);
    QVector<qint64> out;
    if (execChecked(q, lcAlbums, "cannot read the album", error))
        while (q.next())
            out << q.value(0).toLongLong();
    return out;
}

QStringList AlbumStore::albumsOfPhoto(qint64 photoId) const
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("SELECT album_id FROM album_photos WHERE photo_id = ?"));
    q.addBindValue(photoId);
    QSet<qint64> ids;
    if (execChecked(q, lcAlbums, "cannot read albums"))
        while (q.next())
            ids.insert(q.value(0).toLongLong());
    QStringList out;
    for (const AlbumRecord& a : albums())
        if (ids.contains(a.id))
            out << a.path;
    return out;
}

} // namespace shoebox
