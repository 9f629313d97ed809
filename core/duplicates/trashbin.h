#pragma once
// Moves duplicates to the system trash (QFile::moveToTrash, the freedesktop trash on Linux),
// records every move in the catalog's trash_log, and undoes a batch: each file goes back,
// byte for byte, to its original path. One instance per thread.
// A move is written ahead: a pending record (empty trash_path) before the file moves, completed with
// the trash path once it has; a process killed between the steps leaves a record that
// TrashReconciler settles at the next start, so a trashed file never lacks its undo record.

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace shoebox {

struct TrashRecord {
    qint64 id = 0;
    qint64 photoId = 0;
    QByteArray originalPath; // raw bytes
    QByteArray trashPath; // where the trash put it
    QByteArray contentHash;
    qint64 trashedAt = 0; // ms since the epoch; one value per batch
    qint64 restoredAt = 0; // 0 while in the trash
};

class TrashBin {
public:
    // The moments between the writes of a move or restore, where a kill leaves disk and catalog apart.
    enum class Step { IntentRecorded, MovedToTrash, MovedBack };

    explicit TrashBin(QString libraryPath);

    // Fault injection for tests: when stopAt returns true at a step, the call returns false/nullopt
    // right there and writes nothing more, as if the process had been killed at that moment.
    void setStopAt(std::function<bool(Step)> stopAt) { m_stopAt = std::move(stopAt); }

    // Starts a batch: every move until the next beginBatch() is undone together. Batch ids are unique
    // across the TrashBins of every thread of this process.
    void beginBatch();
    // Moves one file to the trash and records it; the photo is marked missing in the catalog.
    std::optional<TrashRecord> moveToTrash(
        qint64 photoId, const QByteArray& path, const QByteArray& contentHash, QString* error);
    // Restores one recorded move. Refuses to overwrite a file that is back at the original path.
    bool restore(const TrashRecord& record, QString* error);
    // Records a move as undone once its file is back at the original path: the log, the photo's
    // state and the trash's info entry (restore() and TrashReconciler).
    bool recordRestored(const TrashRecord& record, QString* error);
    // Moves of the most recent batch that are still in the trash. Empty with a reason in error (when
    // given) if the catalog cannot be read.
    QList<TrashRecord> lastBatch(QString* error = nullptr) const;
    // Restores the most recent batch; returns how many files came back, errors in errors.
    int undoLastBatch(QStringList* errors);

private:
    bool stopsAt(Step step) const { return m_stopAt && m_stopAt(step); }
    qint64 recordIntent(qint64 photoId, const QByteArray& path, const QByteArray& contentHash, QString* error);
    bool recordMoved(const TrashRecord& r, QString* error);
    void dropIntent(qint64 id);

    QString m_path;
    qint64 m_batch = 0;
    std::function<bool(Step)> m_stopAt;
};

} // namespace shoebox
