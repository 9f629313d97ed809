#include "backup/backupengine.h"

#include "backup/backuprepository.h"
#include "backup/backupsource.h"
#include "backup/objectverifyqueue.h"
#include "backup/snapshottreereuse.h"
#include "catalog/catalogbackups.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcBackup, "shoebox.core.backup.engine", QtInfoMsg)

namespace shoebox {

struct BackupEngine::Run {
    explicit Run(const QString& destination)
        : repo(destination)
    {
    }
    BackupRepository repo;
    BackupReport report;
    QString id;
    QByteArray partial; // snapshots/<id>.partial, raw bytes
    QList<SourceFile> files;
    QList<ManifestEntry> entries;
    QSet<QByteArray> damaged, repaired, madeDirs;
    ObjectVerifyQueue verifying; // copies being proven while the next ones are made
    QSet<QByteArray> pending; // hashes pushed to verifying this run
    QList<QPair<QByteArray, QByteArray>> lateLinks; // (hash, tree path) to link once verified
    QList<ManifestEntry> previous; // the newest sealed snapshot's manifest (empty: none, or unreadable)
    std::optional<SnapshotInfo> reuse; // that snapshot, when this run takes its tree over
    QString aside; // where it was set aside, deleted after the seal
    BackupProgress progress;
    bool tree = true;
    int serial = 0;
};

namespace {

bool objectExists(const QByteArray& path, qint64 size)
{
    struct stat st;
    return ::stat(path.constData(), &st) == 0 && st.st_size == size;
}

QString friendly(const IoResult& r, const QString& destination)
{
    switch (r.failure) {
    case IoFailure::Full:
        return QStringLiteral("destination %1 is full (%2)").arg(destination, r.reason);
    case IoFailure::ReadOnly:
        return QStringLiteral("destination %1 is read-only (%2)").arg(destination, r.reason);
    case IoFailure::Gone:
        return r.reason.startsWith(QLatin1String("destination"))
            ? r.reason
            : QStringLiteral("destination %1 disappeared (was it unplugged?): %2").arg(destination, r.reason);
    default:
        return r.reason;
    }
}

} // namespace

BackupEngine::BackupEngine(BackupOptions options)
    : m_options(std::move(options))
{
    if (!m_options.now.isValid())
        m_options.now = QDateTime::currentDateTimeUtc();
}

BackupReport BackupEngine::run()
{
    Run run(m_options.destination);
    const bool ok = prepare(run) && backUpFiles(run) && seal(run);
    if (!ok) {
        if (!run.partial.isEmpty())
            QDir(QFile::decodeName(run.partial)).removeRecursively();
        // The same-day snapshot whose tree this run took over is listed again, whole.
        if (!run.aside.isEmpty() && !run.repo.putBack(run.aside))
            qCWarning(lcBackup) << "the snapshot set aside at" << run.aside << "is put back by the next run";
        return run.report;
    }
    if (!run.aside.isEmpty()) {
        QDir(run.aside).removeRecursively(); // the tree is now the new snapshot's
        ++run.report.removedSnapshots;
    }
    applyRetention(run);
    qCInfo(lcBackup) << "snapshot" << run.id << "sealed:" << run.report.snapshot.files << "files,"
                     << run.report.snapshot.newObjects << "new objects";
    return run.report;
}

bool BackupEngine::fail(Run& run, const IoResult& result)
{
    run.report.failure = result.failure == IoFailure::None ? IoFailure::Transient : result.failure;
    run.report.error = friendly(result, run.repo.root());
    qCWarning(lcBackup) << run.report.error;
    return false;
}

bool BackupEngine::prepare(Run& run)
{
    IoResult r = run.repo.open(true);
    if (r.ok())
        r = run.repo.lock();
    if (!r.ok())
        return fail(run, r);
    run.repo.removeLeftovers();
    run.damaged = run.repo.damaged();
    const QString base = m_options.now.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HHmmss'Z'"));
    run.id = base;
    for (int n = 2; QFileInfo::exists(run.repo.snapshotDir(run.id)); ++n)
        run.id = base + QStringLiteral("-%1").arg(n);
    run.partial = QFile::encodeName(run.repo.snapshotDir(run.id) + QStringLiteral(".partial"));
    if (::mkdir(run.partial.constData(), 0755) != 0)
        return fail(run, BackupIo::fromErrno(errno, QFile::decodeName(run.partial)));
    QString error;
    if (!BackupSource::files(m_options.libraryPath, &run.files, &error))
        return fail(run, { IoFailure::Source, QStringLiteral("cannot read the library: %1").arg(error) });
    const QString catalog = QFile::decodeName(run.partial) + QStringLiteral("/catalog.db");
    r = BackupIo::withRetries([&] {
        QString why;
        if (CatalogBackups::copyTo(m_options.libraryPath, catalog, &why))
            return IoResult {};
        if (!QFileInfo::exists(QFile::decodeName(run.partial)))
            return IoResult { IoFailure::Gone, why };
        return IoResult { why.contains(QLatin1String("full")) ? IoFailure::Full : IoFailure::Transient, why };
    });
    if (!r.ok())
        return fail(run, r);
    planTree(run);
    return true;
}

void BackupEngine::planTree(Run& run)
{
    const QList<SnapshotInfo> sealed = run.repo.snapshots();
    QString error;
    if (sealed.isEmpty() || !run.repo.manifest(sealed.last(), &run.previous, &error)) {
        run.previous.clear(); // an unreadable previous snapshot counts as empty
        return;
    }
    run.reuse = SnapshotTreeReuse::candidate(sealed, m_options.retention, m_options.now);
}

bool BackupEngine::adoptTree(Run& run)
{
    const IoResult r
        = SnapshotTreeReuse::adopt(run.repo, *run.reuse, run.previous, run.entries, run.partial, &run.aside);
    if (!r.ok() && !run.aside.isEmpty())
        return fail(run, r);
    if (!r.ok())
        qCInfo(lcBackup) << "linking a new tree: the previous one could not be taken over:" << r.reason;
    return true;
}

bool BackupEngine::backUpFiles(Run& run)
{
    run.progress.totalFiles = run.files.size();
    for (const SourceFile& f : std::as_const(run.files))
        run.progress.totalBytes += f.size;
    for (const SourceFile& f : std::as_const(run.files)) {
        while (m_paused.load() && !m_cancel.load())
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (m_cancel.load()) {
            run.report.cancelled = true;
            run.report.error = QStringLiteral("backup cancelled; no snapshot was made");
            return false;
        }
        run.progress.current = QFile::decodeName(f.path);
        if (m_progress)
            m_progress(run.progress);
        if (const IoResult r = run.verifying.failure(); !r.ok())
            return fail(run, r);
        if (!backUpFile(run, f))
            return false;
        ++run.progress.files;
        run.progress.bytes += f.size;
    }
    // Nothing is sealed before every copied object was re-read from the disk and matched.
    if (const IoResult r = run.verifying.finish(); !r.ok())
        return fail(run, r);
    if (!recopyUnproven(run))
        return false;
    run.damaged -= run.pending; // written afresh and proven this run
    if (run.reuse && !adoptTree(run))
        return false;
    for (const auto& [hash, treePath] : std::as_const(run.lateLinks))
        if (!linkIntoTree(run, run.repo.objectPath(hash), treePath))
            return false;
    if (m_progress)
        m_progress(run.progress);
    return true;
}

bool BackupEngine::backUpFile(Run& run, const SourceFile& file)
{
    struct stat st;
    if (::stat(file.path.constData(), &st) != 0) {
        run.report.skipped << QStringLiteral("%1: %2").arg(
            QFile::decodeName(file.path), QString::fromLocal8Bit(strerror(errno)));
        return true;
    }
    const qint64 mtimeNs = qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    // The catalog's hash stands for the file while its size and time are those it was scanned with.
    QByteArray hash;
    if (file.contentHash.size() == 16 && st.st_size == file.size && mtimeNs == file.mtimeNs)
        hash = file.contentHash;
    const bool have
        = !hash.isEmpty() && (run.pending.contains(hash) || objectExists(run.repo.objectPath(hash), st.st_size));
    if (have && !run.pending.contains(hash) && run.damaged.contains(hash) && !run.repaired.contains(hash)) {
        const QByteArray object = run.repo.objectPath(hash);
        const IoResult r = BackupIo::withRetries([&] { return BackupIo::repairInPlace(file.path, object, hash); });
        if (r.failure == IoFailure::Source)
            run.report.warnings << QStringLiteral("cannot repair the damaged copy of %1: %2")
                                       .arg(QFile::decodeName(file.path), r.reason);
        else if (!r.ok())
            return fail(run, r);
        else {
            run.repaired.insert(hash);
            ++run.report.repaired;
        }
    } else if (!have) {
        if (!storeObject(run, file, &hash))
            return false;
        if (hash.isEmpty())
            return true; // skipped: unreadable
    }
    if (run.pending.contains(hash) || run.reuse)
        run.lateLinks.append({ hash, file.treePath });
    else if (!linkIntoTree(run, run.repo.objectPath(hash), file.treePath))
        return false;
    run.entries.append({ hash, qint64(st.st_size), file.taken, file.photoId, file.treePath, file.path });
    return true;
}

bool BackupEngine::storeObject(Run& run, const SourceFile& file, QByteArray* hash)
{
    if (!hash->isEmpty())
        return storeKnown(run, file, hash);
    QByteArray tmp;
    if (!copyToTemp(
            run, [&](const QByteArray& to) { return BackupIo::copyHashed(file.path, to, hash); }, &tmp))
        return false;
    if (tmp.isEmpty()) {
        hash->clear(); // skipped: unreadable
        return true;
    }
    if (file.contentHash.size() == 16 && *hash != file.contentHash)
        run.report.warnings << QStringLiteral("%1 changed since the last scan; backed up as it is now")
                                   .arg(QFile::decodeName(file.path));
    const QByteArray object = run.repo.objectPath(*hash);
    struct stat st;
    if (run.pending.contains(*hash) || ::stat(object.constData(), &st) == 0) {
        // Already stored (a copy elsewhere in the library); repair it with these bytes if it was damaged.
        if (run.damaged.contains(*hash) && !run.repaired.contains(*hash) && !run.pending.contains(*hash)
            && BackupIo::repairInPlace(tmp, object, *hash).ok()) {
            run.repaired.insert(*hash);
            ++run.report.repaired;
        }
        ::unlink(tmp.constData());
        return true;
    }
    queueCopy(run, tmp, *hash, file.size, {});
    return true;
}

bool BackupEngine::copyToTemp(Run& run, const std::function<IoResult(const QByteArray&)>& copy, QByteArray* tmp)
{
    *tmp = QFile::encodeName(run.repo.tempDir()) + '/' + QByteArray::number(++run.serial) + ".part";
    const IoResult r = BackupIo::withRetries([&] {
        ::unlink(tmp->constData());
        return copy(*tmp);
    });
    if (r.failure == IoFailure::Source) {
        run.report.skipped << r.reason;
        tmp->clear();
        return true;
    }
    return r.ok() || fail(run, r);
}

void BackupEngine::queueCopy(
    Run& run, const QByteArray& tmp, const QByteArray& hash, qint64 size, const QByteArray& unhashedSource)
{
    run.verifying.push(tmp, run.repo.objectPath(hash), hash, size, unhashedSource);
    run.pending.insert(hash);
    ++run.report.snapshot.newObjects;
    run.report.snapshot.newBytes += size;
}

// The catalog's hash stands for the file: copied in the kernel without hashing, proven by the re-read
// against that hash; a copy that does not match is made again by recopyUnproven().
bool BackupEngine::storeKnown(Run& run, const SourceFile& file, QByteArray* hash)
{
    QByteArray tmp;
    if (!copyToTemp(
            run, [&](const QByteArray& to) { return BackupIo::copyInKernel(file.path, to); }, &tmp))
        return false;
    if (tmp.isEmpty())
        hash->clear(); // skipped: unreadable
    else
        queueCopy(run, tmp, *hash, file.size, file.path);
    return true;
}

// The files whose kernel copy did not read back as the catalog's hash (changed since the scan, or
// damaged on the way) are copied again while hashed, and their entries take the hash found.
bool BackupEngine::recopyUnproven(Run& run)
{
    const QList<QByteArray> unproven = run.verifying.takeUnproven();
    if (unproven.isEmpty())
        return true;
    const QSet<QByteArray> stale(unproven.begin(), unproven.end());
    QHash<QByteArray, const SourceFile*> byPath;
    for (const SourceFile& f : std::as_const(run.files))
        byPath.insert(f.path, &f);
    run.pending -= stale;
    QSet<QByteArray> uncounted = stale;
    QList<ManifestEntry> entries;
    for (ManifestEntry e : std::as_const(run.entries)) {
        const SourceFile* file = byPath.value(e.originalPath);
        if (!stale.contains(e.hash) || !file) {
            entries.append(e);
            continue;
        }
        if (uncounted.remove(e.hash)) {
            --run.report.snapshot.newObjects;
            run.report.snapshot.newBytes -= e.size;
        }
        QByteArray actual;
        if (!storeObject(run, *file, &actual))
            return false;
        for (auto& link : run.lateLinks)
            if (link.second == e.treePath)
                link.first = actual; // empty when the file could not be read now: not linked
        if (actual.isEmpty())
            continue;
        e.hash = actual;
        entries.append(e);
    }
    run.entries = entries;
    run.lateLinks.removeIf([](const QPair<QByteArray, QByteArray>& link) { return link.first.isEmpty(); });
    const IoResult r = run.verifying.finish();
    return r.ok() || fail(run, r);
}

bool BackupEngine::linkIntoTree(Run& run, const QByteArray& object, const QByteArray& treePath)
{
    if (!run.tree)
        return true;
    const QByteArray target = run.partial + "/files/" + treePath;
    if (!BackupIo::makeDirs(target.left(target.lastIndexOf('/')), &run.madeDirs, run.partial))
        return fail(run, BackupIo::fromErrno(errno, QFile::decodeName(target)));
    if (::link(object.constData(), target.constData()) == 0 || errno == EEXIST)
        return true;
    const int e = errno;
    if (e == EPERM || e == ENOTSUP || e == EOPNOTSUPP || e == EMLINK || e == EXDEV || e == ENOSYS) {
        run.tree = false;
        run.report.warnings << QStringLiteral("the destination's file system refuses hard links: the files are "
                                              "in objects/ only, listed by name in each manifest.tsv");
        QDir(QFile::decodeName(run.partial + "/files")).removeRecursively();
        return true;
    }
    return fail(run, BackupIo::fromErrno(e, QFile::decodeName(target)));
}

void BackupEngine::countChanges(Run& run)
{
    QSet<QByteArray> previous, now;
    for (const ManifestEntry& e : std::as_const(run.previous))
        previous.insert(e.originalPath);
    for (const ManifestEntry& e : std::as_const(run.entries))
        now.insert(e.originalPath);
    SnapshotInfo& s = run.report.snapshot;
    s.added = (now - previous).size();
    s.removed = (previous - now).size();
    s.files = run.entries.size();
    for (const ManifestEntry& e : std::as_const(run.entries))
        s.bytes += e.size;
}

bool BackupEngine::seal(Run& run)
{
    countChanges(run);
    const QString partial = QFile::decodeName(run.partial);
    const QByteArray manifest = BackupManifest::format(run.id, run.entries);
    IoResult r = BackupIo::writeAtomically(partial + QStringLiteral("/manifest.tsv"), manifest);
    if (!r.ok())
        return fail(run, r);
    // One sync for every object, link and folder written by this run, before the seal says "complete".
    const int fd = ::open(run.partial.constData(), O_RDONLY | O_CLOEXEC);
    const bool synced = fd >= 0 && ::syncfs(fd) == 0;
    const int e = errno;
    if (fd >= 0)
        ::close(fd);
    if (!synced)
        return fail(run, BackupIo::fromErrno(e, partial));
    SnapshotInfo& s = run.report.snapshot;
    s.id = run.id;
    s.created = m_options.now.toUTC();
    s.tree = run.tree;
    s.manifestHash = BackupIo::hashFile(QFile::encodeName(partial + QStringLiteral("/manifest.tsv")), &r);
    if (!r.ok())
        return fail(run, r);
    r = BackupIo::writeAtomically(partial + QStringLiteral("/seal.json"), QJsonDocument(s.toJson()).toJson());
    if (r.ok())
        r = BackupIo::fsyncPath(partial);
    if (r.ok() && ::rename(run.partial.constData(), QFile::encodeName(run.repo.snapshotDir(run.id)).constData()) != 0)
        r = BackupIo::fromErrno(errno, partial);
    if (!r.ok())
        return fail(run, r);
    run.partial.clear();
    BackupIo::fsyncPath(run.repo.snapshotsDir());
    return true;
}

void BackupEngine::applyRetention(Run& run)
{
    const QList<SnapshotInfo> all = run.repo.snapshots();
    QList<QDateTime> times;
    for (const SnapshotInfo& s : all)
        times << s.created;
    const QList<bool> keep = m_options.retention.keep(times);
    for (int i = 0; i < all.size(); ++i) {
        if (!keep[i] && all[i].id != run.id && run.repo.removeSnapshot(all[i].id).ok())
            ++run.report.removedSnapshots;
    }
    QSet<QByteArray> referenced;
    QString error;
    if (!run.repo.referencedHashes(&referenced, &error)) {
        run.report.warnings << QStringLiteral("objects not pruned: %1").arg(error);
        return;
    }
    run.report.prunedObjects = run.repo.pruneObjects(referenced);
    run.repo.setDamaged((run.damaged - run.repaired) & referenced);
}

} // namespace shoebox
