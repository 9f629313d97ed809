#pragma once
// Reads and writes photos and folders in the catalog: the one owner of writes to the photos and
// folders tables (state changes such as missing or trashed included; hashes go through HashStore).
// Each instance uses the calling thread's own connection, so create one per thread (it is cheap);
// never share an instance across threads. Failures are logged and reported: false, 0 or *error.

#include "catalog/photo.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QVector>

#include <optional>

namespace shoebox {

struct FolderRecord {
    qint64 id = 0;
    QByteArray path; // raw bytes
    QString displayPath;
    qint64 photoCount = 0;
};

// One month of the timeline. year == 0 holds photos with no known capture time.
struct TimelineBucket {
    int year = 0;
    int month = 0; // 1..12, 0 when year == 0
    qint64 count = 0;
    qint64 firstIndex = 0; // index of the bucket's first photo in photoIdsByDate()
};

struct PhotoQuery {
    qint64 folderId = 0; // 0: whole library
    bool includeProblems = false; // also error/unsupported/missing rows
    // Also the secondary halves of pairs (a Live Photo's MOV, a pair's RAW), which the library
    // otherwise shows only through their partner.
    bool includeSecondary = false;
    bool includeHidden = false; // also photos the user hid (MarkStore)
    int offset = 0;
    int limit = -1; // -1: all
};

class PhotoStore {
public:
    explicit PhotoStore(QString libraryPath);

    // Folders
    // The folder's id, added when new; 0 (and *error) on a database error.
    qint64 ensureFolder(const QByteArray& path, const QString& displayPath, QString* error = nullptr);
    QList<FolderRecord> folders() const;

    // Photos
    std::optional<PhotoRecord> photoById(qint64 id) const;
    std::optional<PhotoRecord> photoByPath(const QByteArray& path) const;
    QList<PhotoRecord> photos(const PhotoQuery& q) const;
    // One page of photos in one query, in the order of ids (unknown ids are left out).
    QList<PhotoRecord> photosByIds(const QVector<qint64>& ids) const;
    qint64 count(const PhotoQuery& q) const;
    // The secondary members paired with photo id (its Live Photo MOV, its RAW original).
    QList<PhotoRecord> partnersOf(qint64 id) const;
    // Ids of ok photos (secondary halves left out) sorted newest capture first, photos with no capture time last.
    // Cheap enough for a million photos (8 MB); the grid model pages details by id.
    // Hidden photos are left out unless includeHidden (a search result that asked for them).
    QVector<qint64> photoIdsByDate(qint64 folderId = 0, bool includeHidden = false) const;
    // Month buckets in the same order as photoIdsByDate(), with each bucket's first index.
    QList<TimelineBucket> timeline(qint64 folderId = 0) const;
    // Perceptual hashes by kind ("phash", "blockmean", ...).
    QMap<QString, QByteArray> hashes(qint64 photoId, QString* error = nullptr) const;
    // Photos whose content hash equals hash (exact duplicates), including the photo itself.
    // Empty with *error set when the catalog cannot be read.
    QList<PhotoRecord> photosWithContentHash(const QByteArray& hash, QString* error = nullptr) const;

    // --- Used by the scanner ---
    struct KnownFile {
        qint64 id = 0;
        qint64 size = 0;
        qint64 mtimeNs = 0;
        PhotoState state = PhotoState::Ok;
        // Every kind PerceptualHasher computes today is stored: a library scanned by an older
        // version lacks the newer kinds, and its unchanged files are read again to fill them in.
        bool signalsComplete = true;
        qint64 sidecarMtimeNs = 0; // the .xmp sidecar's mtime when last read; 0: none
    };
    QHash<QByteArray, KnownFile> knownFiles(QString* error = nullptr) const;
    // Inserts (record.id == 0) or updates the photo and replaces its perceptual hashes. Returns the
    // id, or 0 with the reason in *error when the row or its hashes could not be written (the caller
    // rolls its transaction back or counts the file as failed).
    qint64 save(const PhotoRecord& record, const QMap<QString, QByteArray>& hashes, QString* error = nullptr);
    bool markMissing(const QList<qint64>& ids, QString* error = nullptr);
    // Sets the state and its one-line reason (empty: none) of each photo, e.g. missing after a move
    // to the trash, ok after a restore. Ids <= 0 are skipped. A photo made missing releases its
    // secondary halves (a catalog trigger; they show on their own until a scan pairs them again).
    bool setState(
        const QList<qint64>& ids, PhotoState state, const QString& reason = QString(), QString* error = nullptr);
    // Makes id the secondary member of partnerId's pair in the given role; partnerId 0 or role None
    // unpairs it. save() never touches these columns, so a rescan keeps pairs until PairingService
    // decides again.
    bool setPartner(qint64 id, qint64 partnerId, PartnerRole role, QString* error = nullptr);
    // Records that modelId has tagged the photo (photos.tagged_model), inside the caller's transaction.
    bool markTagged(qint64 photoId, const QString& modelId, QString* error = nullptr);
    // Records the mtime of the photo's .xmp sidecar after Shoebox wrote or read it (0: none).
    bool setSidecarMtime(qint64 photoId, qint64 mtimeNs, QString* error = nullptr);
    // A photo with this content hash whose file is gone from disk (it was moved or renamed), or 0.
    qint64 movedFrom(const QByteArray& contentHash, const QSet<QByteArray>& seenPaths, QString* error = nullptr) const;
    // The scanner's batches: begin, save..., commit. A failed commit rolls back; rollback() drops a batch.
    bool begin(QString* error = nullptr);
    bool commit(QString* error = nullptr);
    void rollback();

private:
    QString m_path;
};

} // namespace shoebox
