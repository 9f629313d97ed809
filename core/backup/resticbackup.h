#pragma once
// The second destination type (issue 16): a restic repository, for people who already keep one (an
// off-site server, a cloud bucket). Driven through restic's own program with --json (ResticProcess):
// a run backs up the library's folders and a consistent copy of its catalog as one restic snapshot,
// tagged "shoebox" and with the library's own tag, then applies the retention policy (restic forget
// --prune, per host and library). restic keeps the content: deduplicated, encrypted, checked with
// `restic check`. Restore puts files under a folder, never over a different file (a "(restored)"
// name instead), each restored file checked by restic against the snapshot (--verify).
// Blocking: call on a worker thread (backUp uses that thread's catalog connection); cancel() from any.

#include "backup/backupengine.h"
#include "backup/backuprestorer.h"
#include "backup/backupverifier.h"
#include "backup/resticprocess.h"

#include <QDateTime>

#include <memory>

namespace shoebox {

struct ResticSnapshot {
    QString id; // restic's short id
    QDateTime time; // UTC
    QString host;
    QStringList paths; // what was backed up: the library's folders and its catalog copy
    bool thisLibrary = false; // made from the library the listing was asked for
};

class ResticBackup {
public:
    explicit ResticBackup(ResticTarget target);
    void setProgressHandler(std::function<void(const BackupProgress&)> handler) { m_progress = std::move(handler); }
    void cancel();

    // One snapshot of the library, made at when (invalid: now; tests set it to try retention); the
    // repository is made (restic init) when there is none yet.
    BackupReport backUp(const QString& libraryPath, const RetentionPolicy& retention, const QDateTime& when = {});
    // Every Shoebox snapshot in the repository (any computer, any library), oldest first, those of
    // libraryPath marked. False with *error when restic cannot list them.
    bool snapshots(const QString& libraryPath, QList<ResticSnapshot>* out, QString* error);
    // restic check, reading back samplePercent of the stored data (100: all of it).
    VerifyReport verify(double samplePercent);
    // Restores a snapshot (a prefix of its id; empty: this library's newest, else the newest of any,
    // as on a new computer) under targetDir, where each file gets its original absolute path; paths
    // (absolute) narrow it to those files and folders.
    RestoreReport restore(
        const QString& libraryPath, const QString& snapshotId, const QString& targetDir, const QStringList& paths);

    // The tag that marks one library's snapshots in a repository shared with others.
    static QString libraryTag(const QString& libraryPath);
    // Where the consistent catalog copy that goes into each snapshot is made.
    static QString catalogFolder(const QString& libraryPath);

private:
    QString latestId(const QString& libraryPath, QString* error);
    void handleBackupLine(const QByteArray& line, BackupReport* report);
    ResticResult snapshot(const QString& list, const QString& libraryPath, const QString& parent, const QDateTime& when,
        BackupReport* report);
    ResticResult runExclusive(const QStringList& args, const std::function<void(const QByteArray&)>& onLine);
    void applyRetention(const QString& libraryPath, const RetentionPolicy& retention, BackupReport* report);

    QString m_repository;
    std::shared_ptr<ResticProcess> m_process;
    std::function<void(const BackupProgress&)> m_progress;
    bool m_noRepository = false; // the last listing found no repository at the location
};

} // namespace shoebox
