#include "duplicates/trashbin.h"

#include "catalog/database.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QVariant>

namespace shoebox {

namespace {

TrashRecord fromQuery(const QSqlQuery& q)
{
    TrashRecord r;
    r.id = q.value(0).toLongLong();
    r.photoId = q.value(1).toLongLong();
    r.originalPath = q.value(2).toByteArray();
    r.trashPath = q.value(3).toByteArray();
    r.contentHash = q.value(4).toByteArray();
    r.trashedAt = q.value(5).toLongLong();
    r.restoredAt = q.value(6).toLongLong();
    return r;
}

void setPhotoState(const QString& library, qint64 photoId, const char* state)
{
    if (photoId <= 0)
        return;
    QSqlQuery q(Database::connection(library));
    q.prepare(QStringLiteral("UPDATE photos SET state = ? WHERE id = ?"));
    q.addBindValue(QString::fromLatin1(state));
    q.addBindValue(photoId);
    q.exec();
}

// The freedesktop trash keeps Trash/files/NAME and Trash/info/NAME.trashinfo; restoring the file
// without its info entry would leave a stale line in the desktop's trash view.
void removeTrashInfo(const QString& trashedFile)
{
    const QFileInfo fi(trashedFile);
    if (fi.dir().dirName() != QLatin1String("files"))
        return;
    QDir trashDir = fi.dir();
    trashDir.cdUp();
    QFile::remove(trashDir.filePath(QStringLiteral("info/") + fi.fileName() + QStringLiteral(".trashinfo")));
}

} // namespace

TrashBin::TrashBin(QString libraryPath)
    : m_path(std::move(libraryPath))
{
    beginBatch();
}

void TrashBin::beginBatch()
{
    // Millisecond stamps; a batch started in the same millisecond as the last one still differs.
    static qint64 last = 0;
    m_batch = std::max(QDateTime::currentMSecsSinceEpoch(), last + 1);
    last = m_batch;
}

std::optional<TrashRecord> TrashBin::moveToTrash(
    qint64 photoId, const QByteArray& path, const QByteArray& contentHash, QString* error)
{
    const QString file = QFile::decodeName(path);
    if (!QFileInfo::exists(file)) {
        *error = QStringLiteral("%1: no such file").arg(file);
        return std::nullopt;
    }
    QFile f(file);
    if (!f.moveToTrash()) {
        *error = QStringLiteral("%1: cannot move to trash: %2").arg(file, f.errorString());
        return std::nullopt;
    }
    // Qt reports where the trash put the file; a relative answer means it found no proper trash
    // folder, and such a move could not be undone reliably: put the file back.
    const QString trashed = f.fileName();
    if (QFileInfo(trashed).isRelative() || !QFileInfo::exists(trashed)) {
        QFile::rename(trashed, file);
        *error = QStringLiteral("%1: no usable trash folder").arg(file);
        return std::nullopt;
    }
    TrashRecord r;
    r.photoId = photoId;
    r.originalPath = path;
    r.trashPath = QFile::encodeName(trashed);
    r.contentHash = contentHash;
    r.trashedAt = m_batch;
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("INSERT INTO trash_log(photo_id, original_path, trash_path, content_hash, trashed_at)"
                             " VALUES(?, ?, ?, ?, ?)"));
    q.addBindValue(photoId > 0 ? QVariant(photoId) : QVariant());
    q.addBindValue(r.originalPath);
    q.addBindValue(r.trashPath);
    q.addBindValue(contentHash);
    q.addBindValue(r.trashedAt);
    if (!q.exec()) {
        // Without a record the move could not be undone: put the file back at once.
        QFile::rename(f.fileName(), file);
        removeTrashInfo(f.fileName());
        *error = QStringLiteral("%1: cannot record the move; file left in place").arg(file);
        return std::nullopt;
    }
    r.id = q.lastInsertId().toLongLong();
    setPhotoState(m_path, photoId, "missing");
    return r;
}

bool TrashBin::restore(const TrashRecord& record, QString* error)
{
    const QString from = QFile::decodeName(record.trashPath);
    const QString to = QFile::decodeName(record.originalPath);
    if (QFileInfo::exists(to)) {
        *error = QStringLiteral("%1: a file is already there; left %2 in the trash").arg(to, from);
        return false;
    }
    if (!QFileInfo::exists(from)) {
        *error = QStringLiteral("%1: no longer in the trash").arg(to);
        return false;
    }
    QDir().mkpath(QFileInfo(to).absolutePath());
    if (!QFile::rename(from, to)) {
        *error = QStringLiteral("%1: cannot move back from %2").arg(to, from);
        return false;
    }
    removeTrashInfo(from);
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("UPDATE trash_log SET restored_at = ? WHERE id = ?"));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(record.id);
    q.exec();
    setPhotoState(m_path, record.photoId, "ok");
    return true;
}

QList<TrashRecord> TrashBin::lastBatch() const
{
    QList<TrashRecord> out;
    QSqlQuery q(Database::connection(m_path));
    if (!q.exec(QStringLiteral("SELECT id, photo_id, original_path, trash_path, content_hash, trashed_at,"
                               " COALESCE(restored_at, 0) FROM trash_log WHERE restored_at IS NULL AND"
                               " trashed_at = (SELECT MAX(trashed_at) FROM trash_log WHERE restored_at IS NULL)"
                               " ORDER BY id")))
        return out;
    while (q.next())
        out << fromQuery(q);
    return out;
}

int TrashBin::undoLastBatch(QStringList* errors)
{
    int restored = 0;
    for (const TrashRecord& r : lastBatch()) {
        QString error;
        if (restore(r, &error))
            ++restored;
        else if (errors)
            *errors << error;
    }
    return restored;
}

} // namespace shoebox
