#include "duplicates/trashreconciler.h"

#include "catalog/database.h"
#include "catalog/photostore.h"
#include "duplicates/trashbin.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPair>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStorageInfo>
#include <QUrl>
#include <QVariant>

#include <unistd.h>

namespace shoebox {

namespace {

// Where QFile::moveToTrash puts a file (Qt follows the freedesktop Trash specification): the home
// trash, or on another volume its top directory's .Trash/UID or .Trash-UID.
QStringList trashFolders(const QString& originalFile)
{
    // Qt asks QStandardPaths for the home trash; tests in Qt's test mode get a different answer from
    // it than XDG_DATA_HOME gives, so both are looked at.
    const QString xdgData = qEnvironmentVariable("XDG_DATA_HOME", QDir::homePath() + QStringLiteral("/.local/share"));
    QStringList folders { QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
            + QStringLiteral("/Trash"),
        xdgData + QStringLiteral("/Trash") };
    const QStorageInfo volume(QFileInfo(originalFile).absolutePath());
    if (volume.isValid()) {
        const QString uid = QString::number(::getuid());
        const QDir top(volume.rootPath());
        folders << top.filePath(QStringLiteral(".Trash/") + uid) << top.filePath(QStringLiteral(".Trash-") + uid);
    }
    folders.removeDuplicates();
    return folders;
}

// The Path and DeletionDate of one .trashinfo file; an empty path when it is not one.
QPair<QByteArray, QByteArray> readTrashInfo(const QString& infoFile)
{
    QFile f(infoFile);
    if (!f.open(QIODevice::ReadOnly) || f.size() > 64 * 1024)
        return {};
    QByteArray path;
    QByteArray date;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith("Path="))
            path = QByteArray::fromPercentEncoding(line.mid(5).trimmed());
        else if (line.startsWith("DeletionDate="))
            date = line.mid(13).trimmed();
    }
    return { path, date };
}

bool completePending(const QString& libraryPath, qint64 id, qint64 photoId, const QString& trashed, QString* error)
{
    QSqlDatabase db = Database::connection(libraryPath);
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE trash_log SET trash_path = ? WHERE id = ? AND trash_path = X''"));
    q.addBindValue(QFile::encodeName(trashed));
    q.addBindValue(id);
    if (!q.exec() || !PhotoStore(libraryPath).setState({ photoId }, PhotoState::Missing, QString(), error)
        || !db.commit()) {
        if (error->isEmpty())
            *error = q.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

bool dropPending(const QString& libraryPath, qint64 id, QString* error)
{
    QSqlQuery q(Database::connection(libraryPath));
    q.prepare(QStringLiteral("DELETE FROM trash_log WHERE id = ? AND trash_path = X''"));
    q.addBindValue(id);
    if (q.exec())
        return true;
    *error = q.lastError().text();
    return false;
}

void settlePending(const QString& libraryPath, TrashReconcileResult& result)
{
    QSqlQuery q(Database::connection(libraryPath));
    if (!q.exec(QStringLiteral("SELECT id, COALESCE(photo_id, 0), original_path FROM trash_log"
                               " WHERE trash_path = X'' AND restored_at IS NULL ORDER BY id"))) {
        result.error = QStringLiteral("cannot read the trash log: %1").arg(q.lastError().text());
        return;
    }
    while (q.next() && result.error.isEmpty()) {
        const qint64 id = q.value(0).toLongLong();
        const QByteArray path = q.value(2).toByteArray();
        const QString file = QFile::decodeName(path);
        if (QFileInfo::exists(file)) { // killed before the move, or it was put back
            result.dropped += dropPending(libraryPath, id, &result.error) ? 1 : 0;
        } else if (const QString trashed = TrashReconciler::findInTrash(path); !trashed.isEmpty()) {
            result.completed
                += completePending(libraryPath, id, q.value(1).toLongLong(), trashed, &result.error) ? 1 : 0;
        } else if (!QFileInfo(file).dir().exists()) {
            ++result.waiting; // its volume is unplugged: the trash there cannot be looked at now
        } else { // neither in place nor in any trash: nothing is left that the record could undo
            result.dropped += dropPending(libraryPath, id, &result.error) ? 1 : 0;
        }
    }
}

} // namespace

QString TrashReconciler::findInTrash(const QByteArray& originalPath)
{
    const QString original = QFile::decodeName(originalPath);
    QString best;
    QByteArray bestDate;
    for (const QString& folder : trashFolders(original)) {
        const QDir info(folder + QStringLiteral("/info"));
        for (const QString& name : info.entryList({ QStringLiteral("*.trashinfo") }, QDir::Files)) {
            const auto [path, date] = readTrashInfo(info.filePath(name));
            const QString file = folder + QStringLiteral("/files/") + name.chopped(10);
            if (path != originalPath || (!best.isEmpty() && date < bestDate) || !QFileInfo::exists(file))
                continue;
            best = file;
            bestDate = date;
        }
    }
    return best;
}

TrashReconcileResult TrashReconciler::reconcile(const QString& libraryPath)
{
    TrashReconcileResult result;
    settlePending(libraryPath, result);
    if (!result.error.isEmpty())
        return result;
    // An undo restores only the last batch, so only there can a kill have left a file back at its
    // original path with the log still saying "in the trash".
    TrashBin bin(libraryPath);
    for (const TrashRecord& r : bin.lastBatch(&result.error)) {
        if (!QFileInfo::exists(QFile::decodeName(r.originalPath)) || QFileInfo::exists(QFile::decodeName(r.trashPath)))
            continue;
        if (!bin.recordRestored(r, &result.error))
            break;
        ++result.restored;
    }
    return result;
}

} // namespace shoebox
