#include "backup/backupsource.h"

#include "catalog/database.h"
#include "catalog/sqlcheck.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcBackupSource, "shoebox.core.backup.source", QtInfoMsg)

namespace shoebox {

namespace {

// Each library folder's name in the tree: its last path component, made unique with " (2)", " (3)".
QHash<QByteArray, QByteArray> folderLabels(const QList<QByteArray>& folders)
{
    QHash<QByteArray, QByteArray> labels;
    QSet<QByteArray> used;
    for (const QByteArray& folder : folders) {
        QByteArray base = folder.mid(folder.lastIndexOf('/') + 1);
        if (base.isEmpty())
            base = "root";
        QByteArray label = base;
        for (int n = 2; used.contains(label); ++n)
            label = base + " (" + QByteArray::number(n) + ')';
        used.insert(label);
        labels.insert(folder, label);
    }
    return labels;
}

QByteArray treePathOf(const QByteArray& path, const QByteArray& folder, const QHash<QByteArray, QByteArray>& labels)
{
    if (!folder.isEmpty() && path.startsWith(QByteArray(folder + '/')))
        return labels.value(folder) + path.mid(folder.size());
    // Outside every library folder (imported one by one): kept under its whole path.
    QByteArray rest = path;
    while (rest.startsWith('/'))
        rest.remove(0, 1);
    return "other files/" + rest;
}

} // namespace

bool BackupSource::files(const QString& libraryPath, QList<SourceFile>* files, QString* error)
{
    QSqlQuery q(Database::connection(libraryPath));
    q.setForwardOnly(true);
    if (!execChecked(
            q, QStringLiteral("SELECT path FROM folders ORDER BY id"), lcBackupSource, "cannot list folders", error))
        return false;
    QList<QByteArray> folders;
    while (q.next())
        folders.append(q.value(0).toByteArray());
    const QHash<QByteArray, QByteArray> labels = folderLabels(folders);
    if (!execChecked(q,
            QStringLiteral("SELECT p.id, p.path, p.size, p.mtime_ns, p.content_hash, p.taken_at, f.path"
                           " FROM photos p LEFT JOIN folders f ON f.id = p.folder_id"
                           " WHERE p.state != 'missing' ORDER BY p.id"),
            lcBackupSource, "cannot list photos", error))
        return false;
    while (q.next()) {
        SourceFile f;
        f.photoId = q.value(0).toLongLong();
        f.path = q.value(1).toByteArray();
        f.size = q.value(2).toLongLong();
        f.mtimeNs = q.value(3).toLongLong();
        f.contentHash = q.value(4).toByteArray();
        f.taken = q.value(5).toString();
        f.folderPath = q.value(6).toByteArray();
        f.treePath = treePathOf(f.path, f.folderPath, labels);
        files->append(f);
    }
    return true;
}

} // namespace shoebox
