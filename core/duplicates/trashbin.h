#pragma once
// Moves duplicates to the system trash (QFile::moveToTrash, the freedesktop trash on Linux),
// records every move in the catalog's trash_log, and undoes a batch: each file goes back,
// byte for byte, to its original path. One instance per thread.

#include <QByteArray>
#include <QList>
#include <QString>

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
    explicit TrashBin(QString libraryPath);

    // Starts a batch: every move until the next beginBatch() is undone together. Batch ids are unique
    // across the TrashBins of every thread of this process.
    void beginBatch();
    // Moves one file to the trash and records it; the photo is marked missing in the catalog.
    std::optional<TrashRecord> moveToTrash(
        qint64 photoId, const QByteArray& path, const QByteArray& contentHash, QString* error);
    // Restores one recorded move. Refuses to overwrite a file that is back at the original path.
    bool restore(const TrashRecord& record, QString* error);
    // Moves of the most recent batch that are still in the trash. Empty with a reason in error (when
    // given) if the catalog cannot be read.
    QList<TrashRecord> lastBatch(QString* error = nullptr) const;
    // Restores the most recent batch; returns how many files came back, errors in errors.
    int undoLastBatch(QStringList* errors);

private:
    QString m_path;
    qint64 m_batch = 0;
};

} // namespace shoebox
