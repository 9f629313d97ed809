#include "backup/backuprestorer.h"

#include "backup/backuprepository.h"
#include "backup/snapshotalbums.h"
#include "catalog/catalogbackups.h"
#include "catalog/database.h"
#include "catalog/photostore.h"

#include <QFile>
#include <QHash>
#include <QLoggingCategory>

#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcRestore, "shoebox.core.backup.restore", QtInfoMsg)

namespace shoebox {

namespace {

bool matches(const ManifestEntry& e, const QList<QByteArray>& filters)
{
    if (filters.isEmpty())
        return true;
    for (const QByteArray& f : filters) {
        for (const QByteArray& p : { e.treePath, e.originalPath })
            if (p == f || p.startsWith(QByteArray(f + '/')))
                return true;
    }
    return false;
}

bool exists(const QByteArray& path)
{
    struct stat st;
    return ::lstat(path.constData(), &st) == 0;
}

// Copies e's object next to target, checks it, then links it in under target or the first free
// suffixed name. Returns where the photo now is (an identical file already there counts), or empty.
QByteArray restoreFile(const BackupRepository& repo, const ManifestEntry& e, const QByteArray& target,
    QSet<QByteArray>* made, RestoreReport* report)
{
    const QString name = QFile::decodeName(target);
    if (exists(target) && BackupIo::hashFile(target) == e.hash) {
        ++report->alreadyThere;
        return target;
    }
    if (!BackupIo::makeDirs(target.left(target.lastIndexOf('/')), made)) {
        report->problems << BackupIo::fromErrno(errno, name).reason;
        return {};
    }
    const QByteArray tmp
        = target.left(target.lastIndexOf('/')) + "/.shoebox-restore-" + QByteArray::number(::getpid()) + ".part";
    QByteArray hash;
    ::unlink(tmp.constData());
    IoResult r = BackupIo::copyVerified(repo.objectPath(e.hash), tmp, &hash);
    if (r.ok() && hash != e.hash)
        r = { IoFailure::Damaged, QStringLiteral("its copy in the backup is damaged") };
    if (!r.ok()) {
        ::unlink(tmp.constData());
        report->problems << QStringLiteral("%1: %2").arg(name, r.reason);
        return {};
    }
    ::chmod(tmp.constData(), 0644);
    for (int n = 0;; ++n) {
        const QByteArray candidate = BackupIo::suffixed(target, n);
        if (n > 0 && exists(candidate) && BackupIo::hashFile(candidate) == e.hash) {
            ::unlink(tmp.constData());
            ++report->alreadyThere;
            return candidate;
        }
        // link() never replaces: a file that appeared meanwhile is kept and the next name tried.
        if (::link(tmp.constData(), candidate.constData()) == 0) {
            ::unlink(tmp.constData());
            ++report->restored;
            report->renamed += n > 0 ? 1 : 0;
            return candidate;
        }
        if (errno != EEXIST) {
            report->problems << BackupIo::fromErrno(errno, QFile::decodeName(candidate)).reason;
            ::unlink(tmp.constData());
            return {};
        }
    }
}

// Points each restored photo's catalog row at its restored file, in the library's folder for it.
bool relocate(const QString& library, const QString& targetDir,
    const QHash<qint64, QPair<QByteArray, QByteArray>>& placed, QString* error)
{
    PhotoStore store(library);
    if (!store.begin(error))
        return false;
    QHash<QByteArray, qint64> folders;
    for (auto it = placed.cbegin(); it != placed.cend(); ++it) {
        std::optional<PhotoRecord> r = store.photoById(it.key());
        const QByteArray& path = it.value().first;
        if (!r || r->path == path)
            continue;
        if (!targetDir.isEmpty()) {
            const QByteArray treePath = it.value().second;
            const QByteArray root = QFile::encodeName(targetDir) + '/' + treePath.left(treePath.indexOf('/'));
            if (!folders.contains(root))
                folders.insert(root, store.ensureFolder(root, QFile::decodeName(root), error));
            r->folderId = folders.value(root);
        }
        r->path = path;
        r->displayPath = QFile::decodeName(path);
        r->state = PhotoState::Ok;
        if (!store.save(*r, store.hashes(r->id), error)) {
            store.rollback();
            return false;
        }
    }
    return store.commit(error);
}

} // namespace

BackupRestorer::BackupRestorer(RestoreOptions options)
    : m_options(std::move(options))
{
}

RestoreReport BackupRestorer::run()
{
    RestoreReport report;
    BackupRepository repo(m_options.destination);
    IoResult r = repo.open(false);
    const std::optional<SnapshotInfo> snapshot = r.ok() ? repo.pick(m_options.snapshotId, &r.reason) : std::nullopt;
    QSet<qint64> album;
    if (snapshot && !m_options.album.isEmpty()) {
        const QString catalog = repo.snapshotDir(snapshot->id) + QStringLiteral("/catalog.db");
        if (!SnapshotAlbums::photosOf(catalog, m_options.album, &album, &r.reason))
            r.failure = IoFailure::Source;
    }
    if (!snapshot || !r.ok()) {
        report.failure = r.ok() ? IoFailure::Gone : r.failure;
        report.error = r.reason;
        return report;
    }
    report.snapshotId = snapshot->id;
    QList<QByteArray> filters;
    for (QString p : m_options.paths) {
        while (p.endsWith(QLatin1Char('/')) && p.size() > 1)
            p.chop(1);
        filters << QFile::encodeName(p);
    }
    QSet<QByteArray> made;
    QHash<qint64, QPair<QByteArray, QByteArray>> placed; // photo id -> (restored path, tree path)
    const auto restoreEntries = [&](const SnapshotInfo&, const QList<ManifestEntry>& entries) {
        for (const ManifestEntry& e : entries) {
            if (!matches(e, filters) || (!m_options.album.isEmpty() && !album.contains(e.photoId)))
                continue;
            const QByteArray target = m_options.targetDir.isEmpty()
                ? e.originalPath
                : QFile::encodeName(m_options.targetDir) + '/' + e.treePath;
            const QByteArray at = restoreFile(repo, e, target, &made, &report);
            if (!at.isEmpty() && e.photoId > 0)
                placed.insert(e.photoId, { at, e.treePath });
        }
    };
    QStringList unreadable;
    if (!repo.visitManifests({ *snapshot }, restoreEntries, &unreadable)) {
        report.failure = IoFailure::Gone;
        report.error = unreadable.constFirst();
        return report;
    }
    if (m_options.catalog && filters.isEmpty() && m_options.album.isEmpty() && !m_options.libraryPath.isEmpty())
        restoreCatalog(repo.snapshotDir(snapshot->id) + QStringLiteral("/catalog.db"), placed, &report);
    qCInfo(lcRestore) << "restored" << report.restored << "files of snapshot" << report.snapshotId;
    return report;
}

void BackupRestorer::restoreCatalog(
    const QString& catalog, const QHash<qint64, QPair<QByteArray, QByteArray>>& placed, RestoreReport* report) const
{
    QString error;
    report->catalogRestored = CatalogBackups::restore(m_options.libraryPath, catalog, &report->previousLibrary, &error)
        && Database::open(m_options.libraryPath, &error)
        && relocate(m_options.libraryPath, m_options.targetDir, placed, &error);
    if (!report->catalogRestored)
        report->problems << QStringLiteral("catalog: %1").arg(error);
}

} // namespace shoebox
