#pragma once
// Backs a library up to a destination folder (see BackupRepository for the layout): the catalog
// first (a consistent copy while the app runs), then each file once by content hash (copied,
// synced, re-read from the disk and checked: a file whose catalog hash still stands is copied in
// the kernel and checked against that hash, any other is hashed while copied), then the snapshot's
// tree of hard links (taken over from the snapshot that retention drops the same day, when there is
// one) and its manifest, sealed last; then retention and pruning. The same engine serves the GUI
// and the CLI. run() blocks: call it on a worker thread (it uses that thread's catalog connection);
// cancel() may be called from any thread.

#include "backup/backupio.h"
#include "backup/backupmanifest.h"
#include "backup/retentionpolicy.h"

#include <QDateTime>
#include <QStringList>

#include <atomic>
#include <functional>

namespace shoebox {

class BackupRepository;
struct SourceFile;

struct BackupOptions {
    QString libraryPath;
    QString destination;
    RetentionPolicy retention;
    QDateTime now; // the snapshot's time; invalid: the clock's (tests set it to try retention)
};

struct BackupProgress {
    qint64 files = 0, totalFiles = 0;
    qint64 bytes = 0, totalBytes = 0;
    QString current; // the file being copied
};

struct BackupReport {
    IoFailure failure = IoFailure::None; // why the run stopped; None when a snapshot was sealed
    QString error; // one line
    bool cancelled = false;
    SnapshotInfo snapshot;
    QStringList skipped; // "path: reason" of library files that could not be read
    QStringList warnings; // e.g. a file changed since the last scan
    int repaired = 0; // damaged objects rewritten from the library
    int removedSnapshots = 0; // by retention
    int prunedObjects = 0;
    bool ok() const { return failure == IoFailure::None && !cancelled; }
};

class BackupEngine {
public:
    explicit BackupEngine(BackupOptions options);
    void setProgressHandler(std::function<void(const BackupProgress&)> handler) { m_progress = std::move(handler); }
    void cancel() { m_cancel.store(true); }
    // Holds the run between two files until resumed (or cancelled); any thread.
    void setPaused(bool paused) { m_paused.store(paused); }
    bool paused() const { return m_paused.load(); }
    BackupReport run();

private:
    struct Run; // the state of one run
    bool prepare(Run& run);
    bool backUpFiles(Run& run);
    bool backUpFile(Run& run, const SourceFile& file);
    bool storeObject(Run& run, const SourceFile& file, QByteArray* hash);
    bool storeKnown(Run& run, const SourceFile& file, QByteArray* hash);
    // Copies to a new file in objects/tmp with copy (retried); *tmp empty: skipped, the source unreadable.
    bool copyToTemp(Run& run, const std::function<IoResult(const QByteArray&)>& copy, QByteArray* tmp);
    // Hands a copy to the verifier; unhashedSource: set for a copy whose hash is the catalog's.
    void queueCopy(
        Run& run, const QByteArray& tmp, const QByteArray& hash, qint64 size, const QByteArray& unhashedSource);
    bool recopyUnproven(Run& run);
    void planTree(Run& run);
    bool adoptTree(Run& run);
    bool linkIntoTree(Run& run, const QByteArray& object, const QByteArray& treePath);
    bool seal(Run& run);
    void countChanges(Run& run);
    void applyRetention(Run& run);
    bool fail(Run& run, const IoResult& result);

    BackupOptions m_options;
    std::function<void(const BackupProgress&)> m_progress;
    std::atomic<bool> m_cancel { false };
    std::atomic<bool> m_paused { false };
};

} // namespace shoebox
