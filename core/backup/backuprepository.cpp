#include "backup/backuprepository.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <xxhash.h>

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcBackupRepo, "shoebox.core.backup", QtInfoMsg)

namespace shoebox {

namespace {

const QString kMarker = QStringLiteral("shoebox-backup.json");
const QString kPartial = QStringLiteral(".partial");
const QString kDeleting = QStringLiteral(".deleting");

QByteArray hashOf(const QByteArray& data)
{
    XXH128_canonical_t c;
    XXH128_canonicalFromHash(&c, XXH3_128bits(data.constData(), size_t(data.size())));
    return QByteArray(reinterpret_cast<const char*>(c.digest), int(sizeof c.digest));
}

} // namespace

BackupRepository::BackupRepository(QString root)
    : m_root(QDir::cleanPath(QDir(root).absolutePath()))
{
}

BackupRepository::~BackupRepository()
{
    if (m_lockFd >= 0)
        ::close(m_lockFd);
}

IoResult BackupRepository::open(bool create)
{
    const QFileInfo info(m_root);
    if (!info.exists())
        return { IoFailure::Gone,
            QStringLiteral("destination %1 does not exist (is the drive connected?)").arg(m_root) };
    if (!info.isDir())
        return { IoFailure::Gone, QStringLiteral("destination %1 is not a folder").arg(m_root) };
    const QDir dir(m_root);
    const bool marked = dir.exists(kMarker);
    if (!marked && !dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        return {
            IoFailure::Gone,
            QStringLiteral("destination %1 is neither empty nor a Shoebox backup; choose an empty folder").arg(m_root)
        };
    if (!create)
        return marked ? IoResult {}
                      : IoResult { IoFailure::Gone, QStringLiteral("%1 holds no backup yet").arg(m_root) };
    for (const QString& sub : { QStringLiteral("objects/tmp"), QStringLiteral("snapshots") }) {
        if (!dir.mkpath(sub))
            return BackupIo::fromErrno(errno ? errno : EROFS, QStringLiteral("cannot create %1/%2").arg(m_root, sub));
    }
    if (marked)
        return BackupIo::writeAtomically(m_root + QStringLiteral("/objects/tmp/write-test"), QByteArray("ok"));
    const QJsonObject marker { { QStringLiteral("format"), 1 },
        { QStringLiteral("made_by"), QStringLiteral("Shoebox") } };
    return BackupIo::writeAtomically(dir.filePath(kMarker), QJsonDocument(marker).toJson());
}

IoResult BackupRepository::lock()
{
    const QByteArray path = QFile::encodeName(m_root + QStringLiteral("/lock"));
    m_lockFd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_lockFd < 0)
        return BackupIo::fromErrno(errno, QStringLiteral("cannot lock %1").arg(m_root));
    if (::flock(m_lockFd, LOCK_EX | LOCK_NB) != 0)
        return { IoFailure::Transient, QStringLiteral("another backup to %1 is running").arg(m_root) };
    return {};
}

void BackupRepository::removeLeftovers()
{
    QDir snapshots(snapshotsDir());
    for (const QString& name : snapshots.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (name.endsWith(kDeleting) && putBack(snapshots.filePath(name))) {
            qCInfo(lcBackupRepo) << "put back a snapshot an unfinished run had set aside:" << name;
        } else if (name.endsWith(kPartial) || name.endsWith(kDeleting)) {
            qCInfo(lcBackupRepo) << "removing an unfinished snapshot" << name;
            QDir(snapshots.filePath(name)).removeRecursively();
        }
    }
    QDir temp(tempDir());
    for (const QString& name : temp.entryList(QDir::Files))
        temp.remove(name);
}

bool BackupRepository::putBack(const QString& aside)
{
    const QString name = QFileInfo(aside).fileName();
    if (!name.endsWith(kDeleting))
        return false;
    const QString id = name.chopped(kDeleting.size());
    QFile seal(aside + QStringLiteral("/seal.json"));
    if (!seal.open(QIODevice::ReadOnly))
        return false;
    const SnapshotInfo s = SnapshotInfo::fromJson(QJsonDocument::fromJson(seal.readAll()).object());
    QList<ManifestEntry> entries;
    QString error;
    if (s.id != id || !s.created.isValid() || QFileInfo::exists(snapshotDir(id))
        || !readManifest(aside, s, &entries, &error))
        return false;
    for (const ManifestEntry& e : std::as_const(entries))
        if (!QFileInfo::exists(QFile::decodeName(objectPath(e.hash))))
            return false; // pruned: this snapshot can no longer be restored whole
    const QString files = aside + QStringLiteral("/files");
    // The tree may be half deleted or taken over: made again from the objects, the one truth.
    if (s.tree && (!QDir(files).removeRecursively() || !relinkTree(QFile::encodeName(files), entries)))
        return false;
    if (BackupIo::fsyncPath(aside).ok() && QDir().rename(aside, snapshotDir(id))) {
        BackupIo::fsyncPath(snapshotsDir());
        return true;
    }
    return false;
}

bool BackupRepository::relinkTree(const QByteArray& files, const QList<ManifestEntry>& entries) const
{
    QSet<QByteArray> made;
    for (const ManifestEntry& e : entries) {
        const QByteArray target = files + '/' + e.treePath;
        if (!BackupIo::makeDirs(target.left(target.lastIndexOf('/')), &made, files.left(files.lastIndexOf('/'))))
            return false;
        if (::link(objectPath(e.hash).constData(), target.constData()) != 0 && errno != EEXIST)
            return false;
    }
    return true;
}

bool BackupRepository::isBackup(const QString& root)
{
    return QFileInfo::exists(root + QLatin1Char('/') + kMarker);
}

QString BackupRepository::snapshotsDir() const
{
    return m_root + QStringLiteral("/snapshots");
}

QString BackupRepository::snapshotDir(const QString& id) const
{
    return snapshotsDir() + QLatin1Char('/') + id;
}

QString BackupRepository::tempDir() const
{
    return m_root + QStringLiteral("/objects/tmp");
}

QByteArray BackupRepository::objectPath(const QByteArray& hash) const
{
    const QByteArray hex = hash.toHex();
    return QFile::encodeName(m_root) + "/objects/" + hex.left(2) + '/' + hex;
}

QList<SnapshotInfo> BackupRepository::snapshots() const
{
    QList<SnapshotInfo> list;
    const QDir dir(snapshotsDir());
    for (const QString& name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (name.endsWith(kPartial) || name.endsWith(kDeleting))
            continue;
        QFile seal(dir.filePath(name) + QStringLiteral("/seal.json"));
        if (!seal.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject o = QJsonDocument::fromJson(seal.readAll()).object();
        SnapshotInfo s = SnapshotInfo::fromJson(o);
        if (s.id == name && s.created.isValid())
            list.append(s);
    }
    return list;
}

std::optional<SnapshotInfo> BackupRepository::snapshot(const QString& id) const
{
    for (const SnapshotInfo& s : snapshots())
        if (s.id == id)
            return s;
    return std::nullopt;
}

bool BackupRepository::manifest(const SnapshotInfo& snapshot, QList<ManifestEntry>* entries, QString* error) const
{
    return readManifest(snapshotDir(snapshot.id), snapshot, entries, error);
}

bool BackupRepository::readManifest(
    const QString& dir, const SnapshotInfo& snapshot, QList<ManifestEntry>* entries, QString* error) const
{
    QFile file(dir + QStringLiteral("/manifest.tsv"));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("snapshot %1: cannot read its manifest: %2").arg(snapshot.id, file.errorString());
        return false;
    }
    const QByteArray data = file.readAll();
    if (hashOf(data) != snapshot.manifestHash) {
        *error = QStringLiteral("snapshot %1: its manifest is damaged").arg(snapshot.id);
        return false;
    }
    return BackupManifest::parse(data, entries, error);
}

std::optional<SnapshotInfo> BackupRepository::pick(const QString& id, QString* error) const
{
    const QList<SnapshotInfo> all = snapshots();
    for (auto it = all.crbegin(); it != all.crend(); ++it)
        if (id.isEmpty() || it->id == id)
            return *it;
    *error = id.isEmpty() ? QStringLiteral("%1 holds no snapshot").arg(m_root)
                          : QStringLiteral("no snapshot %1 in %2").arg(id, m_root);
    return std::nullopt;
}

bool BackupRepository::visitManifests(
    const QList<SnapshotInfo>& snapshots, const ManifestVisitor& visit, QStringList* problems) const
{
    bool all = true;
    for (const SnapshotInfo& s : snapshots) {
        QList<ManifestEntry> entries;
        QString error;
        if (manifest(s, &entries, &error)) {
            visit(s, entries);
        } else {
            problems->append(error);
            all = false;
        }
    }
    return all;
}

bool BackupRepository::referencedHashes(QSet<QByteArray>* hashes, QString* error) const
{
    QStringList problems;
    const bool ok = visitManifests(
        snapshots(),
        [hashes](const SnapshotInfo&, const QList<ManifestEntry>& entries) {
            for (const ManifestEntry& e : entries)
                hashes->insert(e.hash);
        },
        &problems);
    if (!ok)
        *error = problems.constFirst();
    return ok;
}

IoResult BackupRepository::removeSnapshot(const QString& id)
{
    QString aside;
    const IoResult r = setAside(id, &aside);
    if (r.ok())
        QDir(aside).removeRecursively();
    return r;
}

IoResult BackupRepository::setAside(const QString& id, QString* aside)
{
    const QString from = snapshotDir(id);
    *aside = from + kDeleting;
    if (!QDir().rename(from, *aside))
        return BackupIo::fromErrno(errno ? errno : EACCES, QStringLiteral("cannot remove snapshot %1").arg(id));
    BackupIo::fsyncPath(snapshotsDir());
    return {};
}

int BackupRepository::pruneObjects(const QSet<QByteArray>& keep)
{
    int removed = 0;
    QDir objects(m_root + QStringLiteral("/objects"));
    for (const QString& fan : objects.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (fan.size() != 2)
            continue; // tmp/
        QDir sub(objects.filePath(fan));
        for (const QString& name : sub.entryList(QDir::Files)) {
            if (!keep.contains(QByteArray::fromHex(name.toLatin1())) && sub.remove(name))
                ++removed;
        }
    }
    return removed;
}

QSet<QByteArray> BackupRepository::damaged() const
{
    QSet<QByteArray> set;
    QFile file(m_root + QStringLiteral("/damaged.txt"));
    if (!file.open(QIODevice::ReadOnly))
        return set;
    for (const QByteArray& line : file.readAll().split('\n')) {
        const QByteArray hash = QByteArray::fromHex(line.trimmed());
        if (hash.size() == 16)
            set.insert(hash);
    }
    return set;
}

IoResult BackupRepository::setDamaged(const QSet<QByteArray>& hashes)
{
    const QString path = m_root + QStringLiteral("/damaged.txt");
    if (hashes.isEmpty())
        return QFile::exists(path) && !QFile::remove(path)
            ? IoResult { IoFailure::ReadOnly, QStringLiteral("cannot update %1").arg(path) }
            : IoResult {};
    QByteArray data;
    for (const QByteArray& h : hashes)
        data += h.toHex() + '\n';
    return BackupIo::writeAtomically(path, data);
}

} // namespace shoebox
