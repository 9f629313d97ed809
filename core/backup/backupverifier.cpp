#include "backup/backupverifier.h"

#include "backup/backuprepository.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <sys/stat.h>

namespace shoebox {

namespace {

struct Known {
    QString file;
    QString snapshot;
};

// Every object the sealed snapshots refer to, named by the newest snapshot that has it.
QHash<QByteArray, Known> knownObjects(const BackupRepository& repo, VerifyReport* report)
{
    QHash<QByteArray, Known> known;
    const QList<SnapshotInfo> all = repo.snapshots();
    report->snapshots = all.size();
    for (const SnapshotInfo& s : all)
        if (!QFileInfo::exists(repo.snapshotDir(s.id) + QStringLiteral("/catalog.db")))
            report->snapshotProblems << QStringLiteral("snapshot %1: its catalog copy is missing").arg(s.id);
    repo.visitManifests(
        all,
        [&known](const SnapshotInfo& s, const QList<ManifestEntry>& entries) {
            for (const ManifestEntry& e : entries)
                known.insert(e.hash, { QFile::decodeName(e.treePath), s.id });
        },
        &report->snapshotProblems);
    return known;
}

} // namespace

BackupVerifier::BackupVerifier(VerifyOptions options)
    : m_options(std::move(options))
{
}

VerifyReport BackupVerifier::run()
{
    VerifyReport report;
    BackupRepository repo(m_options.destination);
    IoResult r = repo.open(false);
    // A destination mounted read-only can still be checked; only a running backup keeps us out.
    if (const IoResult locked = r.ok() ? repo.lock() : IoResult {}; locked.failure != IoFailure::ReadOnly)
        r = r.ok() ? locked : r;
    if (!r.ok()) {
        report.failure = r.failure;
        report.error = r.reason;
        return report;
    }
    const QHash<QByteArray, Known> known = knownObjects(repo, &report);
    QList<QByteArray> hashes = known.keys();
    std::sort(hashes.begin(), hashes.end());
    std::shuffle(hashes.begin(), hashes.end(), *QRandomGenerator::global());
    report.objects = hashes.size();
    const qint64 wanted = std::min<qint64>(hashes.size(),
        std::max<qint64>(hashes.isEmpty() ? 0 : 1, qint64(std::ceil(hashes.size() * m_options.samplePercent / 100.0))));
    QSet<QByteArray> damaged = repo.damaged();
    QElapsedTimer clock;
    clock.start();
    for (qint64 i = 0; i < wanted && !m_cancel.load(); ++i) {
        if (m_options.budgetSeconds > 0 && clock.elapsed() > qint64(m_options.budgetSeconds) * 1000) {
            report.budgetExhausted = true;
            break;
        }
        const QByteArray& hash = hashes[int(i)];
        const QByteArray path = repo.objectPath(hash);
        const Known& k = known[hash];
        struct stat st;
        if (::stat(path.constData(), &st) != 0) {
            report.problems.append({ k.file, k.snapshot, QString::fromLatin1(hash.toHex()), true });
        } else if (BackupIo::hashFile(path) != hash) {
            report.problems.append({ k.file, k.snapshot, QString::fromLatin1(hash.toHex()), false });
            damaged.insert(hash);
        } else {
            damaged.remove(hash);
            report.bytesChecked += st.st_size;
        }
        ++report.checked;
        if (m_progress)
            m_progress(report.checked, wanted);
    }
    r = repo.setDamaged(damaged);
    if (!r.ok())
        report.snapshotProblems << QStringLiteral("cannot record damaged objects: %1").arg(r.reason);
    return report;
}

} // namespace shoebox
