#include "backup/snapshottreereuse.h"

#include "backup/backuprepository.h"

#include <QFile>
#include <QHash>

#include <cerrno>
#include <cstdio>
#include <unistd.h>

namespace shoebox {

std::optional<SnapshotInfo> SnapshotTreeReuse::candidate(
    const QList<SnapshotInfo>& sealed, const RetentionPolicy& retention, const QDateTime& now)
{
    if (sealed.isEmpty() || !sealed.last().tree)
        return std::nullopt;
    QList<QDateTime> times;
    for (const SnapshotInfo& s : sealed)
        times << s.created;
    times << now.toUTC();
    const QList<bool> keep = retention.keep(times);
    if (keep[sealed.size() - 1] || !keep.last())
        return std::nullopt;
    return sealed.last();
}

IoResult SnapshotTreeReuse::adopt(BackupRepository& repo, const SnapshotInfo& previous,
    const QList<ManifestEntry>& before, const QList<ManifestEntry>& now, const QByteArray& partial, QString* aside)
{
    IoResult r = repo.setAside(previous.id, aside);
    if (!r.ok())
        return r;
    const QByteArray from = QFile::encodeName(*aside) + "/files", to = partial + "/files";
    if (::rename(from.constData(), to.constData()) != 0) {
        // Nothing was moved: the previous snapshot goes back to its place, whole.
        const int e = errno;
        if (::rename(
                QFile::encodeName(*aside).constData(), QFile::encodeName(repo.snapshotDir(previous.id)).constData())
            == 0)
            aside->clear();
        return BackupIo::fromErrno(e, QFile::decodeName(to));
    }
    QHash<QByteArray, QByteArray> wanted; // tree path -> hash
    wanted.reserve(now.size());
    for (const ManifestEntry& e : now)
        wanted.insert(e.treePath, e.hash);
    for (const ManifestEntry& e : before) {
        if (wanted.value(e.treePath) == e.hash)
            continue;
        QByteArray path = to + '/' + e.treePath;
        if (::unlink(path.constData()) != 0 && errno != ENOENT)
            return BackupIo::fromErrno(errno, QFile::decodeName(path));
        // Folders left empty go too, so the tree shows what the library held.
        for (qsizetype cut = path.lastIndexOf('/'); cut > to.size(); cut = path.lastIndexOf('/')) {
            path.truncate(cut);
            if (::rmdir(path.constData()) != 0)
                break;
        }
    }
    return {};
}

} // namespace shoebox
