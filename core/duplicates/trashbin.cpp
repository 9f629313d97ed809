#include "duplicates/trashbin.h"

#include "catalog/database.h"
#include "catalog/photostore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <atomic>
#include <functional>

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

// Runs the catalog writes of one move or restore as one transaction: either the log and the photo's
// state both change, or neither does (and the caller puts the file back where it was).
bool inTransaction(QSqlDatabase db, QString* error, const std::function<bool(QString*)>& writes)
{
    QSqlQuery begin(db); // IMMEDIATE: wait for another writer instead of failing on a stale snapshot
    if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        *error = begin.lastError().text();
        return false;
    }
    if (!writes(error)) {
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        *error = db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
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
    // TrashBins live on several threads at once (the dialog's workers, the CLI), so the last stamp
    // handed out is shared: an atomic compare-and-swap makes "read the last, take a later one, store
    // it" one step, where a plain static let two threads take the same stamp and merge their batches
    // (one undo would then restore both).
    static std::atomic<qint64> last { 0 };
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 previous = last.load();
    qint64 next = 0;
    do
        next = std::max(now, previous + 1);
    while (!last.compare_exchange_weak(previous, next));
    m_batch = next;
}

qint64 TrashBin::recordIntent(qint64 photoId, const QByteArray& path, const QByteArray& contentHash, QString* error)
{
    // An empty trash_path marks the move as pending: the file may be about to leave, or gone.
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("INSERT INTO trash_log(photo_id, original_path, trash_path, content_hash, trashed_at)"
                             " VALUES(?, ?, X'', ?, ?)"));
    q.addBindValue(photoId > 0 ? QVariant(photoId) : QVariant());
    q.addBindValue(path);
    q.addBindValue(contentHash);
    q.addBindValue(m_batch);
    if (!q.exec()) {
        *error = q.lastError().text();
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

bool TrashBin::recordMoved(const TrashRecord& r, QString* error)
{
    QSqlDatabase db = Database::connection(m_path);
    return inTransaction(db, error, [&](QString* why) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE trash_log SET trash_path = ? WHERE id = ?"));
        q.addBindValue(r.trashPath);
        q.addBindValue(r.id);
        if (!q.exec() || q.numRowsAffected() != 1) {
            *why = q.lastError().text().isEmpty() ? QStringLiteral("its pending record is gone") : q.lastError().text();
            return false;
        }
        return PhotoStore(m_path).setState({ r.photoId }, PhotoState::Missing, QString(), why);
    });
}

void TrashBin::dropIntent(qint64 id)
{
    QSqlQuery q(Database::connection(m_path));
    q.prepare(QStringLiteral("DELETE FROM trash_log WHERE id = ? AND trash_path = X''"));
    q.addBindValue(id);
    q.exec(); // a leftover is settled by TrashReconciler: the file is back in place
}

std::optional<TrashRecord> TrashBin::moveToTrash(
    qint64 photoId, const QByteArray& path, const QByteArray& contentHash, QString* error)
{
    const QString file = QFile::decodeName(path);
    if (!QFileInfo::exists(file)) {
        *error = QStringLiteral("%1: no such file").arg(file);
        return std::nullopt;
    }
    TrashRecord r;
    r.photoId = photoId;
    r.originalPath = path;
    r.contentHash = contentHash;
    r.trashedAt = m_batch;
    QString dbError;
    r.id = recordIntent(photoId, path, contentHash, &dbError);
    if (r.id == 0) {
        *error = QStringLiteral("%1: cannot record the move (%2); file left in place").arg(file, dbError);
        return std::nullopt;
    }
    if (stopsAt(Step::IntentRecorded))
        return std::nullopt;
    QFile f(file);
    if (!f.moveToTrash()) {
        dropIntent(r.id);
        *error = QStringLiteral("%1: cannot move to trash: %2").arg(file, f.errorString());
        return std::nullopt;
    }
    if (stopsAt(Step::MovedToTrash))
        return std::nullopt;
    // Qt reports where the trash put the file; a relative answer means it found no proper trash
    // folder, and such a move could not be undone reliably: put the file back.
    const QString trashed = f.fileName();
    r.trashPath = QFile::encodeName(trashed);
    if (QFileInfo(trashed).isRelative() || !QFileInfo::exists(trashed)) {
        QFile::rename(trashed, file);
        dropIntent(r.id);
        *error = QStringLiteral("%1: no usable trash folder").arg(file);
        return std::nullopt;
    }
    if (!recordMoved(r, &dbError)) {
        // Without a record the move could not be undone: put the file back at once.
        if (QFile::rename(trashed, file)) {
            removeTrashInfo(trashed);
            dropIntent(r.id);
            *error = QStringLiteral("%1: cannot record the move (%2); file left in place").arg(file, dbError);
        } else {
            *error = QStringLiteral("%1: cannot record the move (%2); the file is in the trash at %3")
                         .arg(file, dbError, trashed);
        }
        return std::nullopt;
    }
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
    if (stopsAt(Step::MovedBack))
        return false;
    QString dbError;
    const bool recorded = recordRestored(record, &dbError);
    if (!recorded) {
        // The log would still say "in the trash" and a later undo would find the file in its way:
        // back to the trash it goes, so log and disk agree.
        if (QFile::rename(to, from))
            *error = QStringLiteral("%1: cannot record the restore (%2); left %3 in the trash").arg(to, dbError, from);
        else
            *error = QStringLiteral("%1: restored, but the catalog could not record it (%2)").arg(to, dbError);
        return false;
    }
    return true;
}

bool TrashBin::recordRestored(const TrashRecord& record, QString* error)
{
    QSqlDatabase db = Database::connection(m_path);
    const bool recorded = inTransaction(db, error, [&](QString* why) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE trash_log SET restored_at = ? WHERE id = ?"));
        q.addBindValue(QDateTime::currentMSecsSinceEpoch());
        q.addBindValue(record.id);
        if (!q.exec()) {
            *why = q.lastError().text();
            return false;
        }
        return PhotoStore(m_path).setState({ record.photoId }, PhotoState::Ok, QString(), why);
    });
    if (recorded)
        removeTrashInfo(QFile::decodeName(record.trashPath));
    return recorded;
}

QList<TrashRecord> TrashBin::lastBatch(QString* error) const
{
    QList<TrashRecord> out;
    QSqlQuery q(Database::connection(m_path));
    if (!q.exec(QStringLiteral(
            "SELECT id, photo_id, original_path, trash_path, content_hash, trashed_at,"
            " COALESCE(restored_at, 0) FROM trash_log WHERE restored_at IS NULL AND trash_path <> X'' AND"
            " trashed_at = (SELECT MAX(trashed_at) FROM trash_log"
            " WHERE restored_at IS NULL AND trash_path <> X'') ORDER BY id"))) {
        if (error)
            *error = QStringLiteral("cannot read the trash log: %1").arg(q.lastError().text());
        return out;
    }
    while (q.next())
        out << fromQuery(q);
    return out;
}

int TrashBin::undoLastBatch(QStringList* errors)
{
    int restored = 0;
    QString readError;
    const QList<TrashRecord> batch = lastBatch(&readError);
    if (!readError.isEmpty() && errors)
        *errors << readError;
    for (const TrashRecord& r : batch) {
        QString error;
        if (restore(r, &error))
            ++restored;
        else if (errors)
            *errors << error;
    }
    return restored;
}

} // namespace shoebox
