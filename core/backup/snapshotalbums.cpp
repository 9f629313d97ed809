#include "backup/snapshotalbums.h"

#include "catalog/sqlcheck.h"

#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>
#include <functional>

Q_LOGGING_CATEGORY(lcSnapshotAlbums, "shoebox.core.backup.albums", QtInfoMsg)

namespace shoebox {

namespace {

struct Album {
    qint64 parent = 0;
    QString name;
    bool smart = false;
};

// Runs read on a read-only connection of its own to catalog, removed afterwards.
bool withCatalog(const QString& catalog, QString* error, const std::function<bool(QSqlDatabase&)>& read)
{
    if (!QFileInfo::exists(catalog)) {
        *error = QStringLiteral("%1 is missing").arg(catalog);
        return false;
    }
    const QString name = QStringLiteral("shoebox-snapshot-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(catalog);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open())
            ok = read(db);
        else
            *error = QStringLiteral("cannot open %1").arg(catalog);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

bool readAlbums(QSqlDatabase& db, QHash<qint64, Album>* albums, QString* error)
{
    QSqlQuery q(db);
    if (!execChecked(q, QStringLiteral("SELECT id, COALESCE(parent_id, 0), name, COALESCE(query, '') FROM albums"),
            lcSnapshotAlbums, "snapshot albums", error))
        return false;
    while (q.next())
        albums->insert(q.value(0).toLongLong(),
            { q.value(1).toLongLong(), q.value(2).toString(), !q.value(3).toString().isEmpty() });
    return true;
}

QString pathOf(const QHash<qint64, Album>& albums, qint64 id)
{
    QStringList names;
    for (int depth = 0; id != 0 && albums.contains(id) && depth < 64; ++depth) {
        names.prepend(albums[id].name);
        id = albums[id].parent;
    }
    return names.join(QStringLiteral(" / "));
}

} // namespace

bool SnapshotAlbums::albums(const QString& catalog, QStringList* paths, QString* error)
{
    return withCatalog(catalog, error, [&](QSqlDatabase& db) {
        QHash<qint64, Album> all;
        if (!readAlbums(db, &all, error))
            return false;
        for (auto it = all.cbegin(); it != all.cend(); ++it)
            if (!it->smart)
                paths->append(pathOf(all, it.key()));
        std::sort(paths->begin(), paths->end(),
            [](const QString& a, const QString& b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
        return true;
    });
}

bool SnapshotAlbums::photosOf(const QString& catalog, const QString& album, QSet<qint64>* ids, QString* error)
{
    return withCatalog(catalog, error, [&](QSqlDatabase& db) {
        QHash<qint64, Album> all;
        if (!readAlbums(db, &all, error))
            return false;
        const QString wanted = album.trimmed();
        QSet<qint64> chosen;
        for (auto it = all.cbegin(); it != all.cend(); ++it) {
            // An album counts when it, or one of its parents, has the name or path asked for.
            for (qint64 id = it.key(), depth = 0; id != 0 && all.contains(id) && depth < 64;
                 id = all[id].parent, ++depth)
                if (all[id].name.compare(wanted, Qt::CaseInsensitive) == 0
                    || pathOf(all, id).compare(wanted, Qt::CaseInsensitive) == 0) {
                    chosen.insert(it.key());
                    break;
                }
        }
        if (!chosen.isEmpty()
            && std::all_of(chosen.cbegin(), chosen.cend(), [&](qint64 id) { return all[id].smart; })) {
            *error = QStringLiteral("%1 is a smart album: restore its photos by folder or path instead").arg(wanted);
            return false;
        }
        if (chosen.isEmpty()) {
            *error = QStringLiteral("the snapshot has no album %1").arg(wanted);
            return false;
        }
        QSqlQuery q(db);
        if (!execChecked(q, QStringLiteral("SELECT album_id, photo_id FROM album_photos"), lcSnapshotAlbums,
                "snapshot album photos", error))
            return false;
        while (q.next())
            if (chosen.contains(q.value(0).toLongLong()))
                ids->insert(q.value(1).toLongLong());
        return true;
    });
}

} // namespace shoebox
