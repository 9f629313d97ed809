#pragma once
// Reads and writes albums and their photos (tables albums, album_photos), the one writer of both.
// Albums nest as folders: an album's path is its ancestors' names and its own joined by " / "
// ("Travel / 2024 / Japan"). A photo may be in many albums. An album with a query is a smart album:
// its photos are that search's results (SearchEngine::albumPhotos), never stored here.
// Each instance uses the calling thread's own connection: create one per thread.

#include <QList>
#include <QString>
#include <QVector>

#include <optional>

namespace shoebox {

struct AlbumRecord {
    qint64 id = 0;
    qint64 parentId = 0; // 0: top level
    QString name;
    QString path; // "Travel / 2024 / Japan"
    QString description;
    qint64 coverPhotoId = 0; // 0: none chosen (views use the first photo)
    int position = 0; // manual order among its siblings
    QString query; // smart albums only
    qint64 photoCount = 0; // stored members (0 for smart albums)
    bool isSmart() const { return !query.isEmpty(); }
};

class AlbumStore {
public:
    explicit AlbumStore(QString libraryPath);

    // Splits "Travel / 2024 / Japan" into trimmed names (empty parts dropped).
    static QStringList splitPath(const QString& path);

    // The album at path, created with its missing parents (as plain albums, placed last among their
    // siblings). An album already there is returned as it is. 0 with *error on failure.
    qint64 createAlbum(const QString& path, QString* error = nullptr);
    // The same, as a smart album of query (an existing plain album at path gets the query).
    qint64 createSmartAlbum(const QString& path, const QString& query, QString* error = nullptr);

    // Every album in tree order: parents before children, siblings in their manual order.
    QList<AlbumRecord> albums(QString* error = nullptr) const;
    std::optional<AlbumRecord> album(qint64 id) const;
    // The album at exactly this path (case-insensitive), or 0.
    qint64 albumAt(const QString& path, QString* error = nullptr) const;
    // Albums whose name or whole path is text (case-insensitive), for search's album:Japan.
    QVector<qint64> albumsNamed(const QString& text, QString* error = nullptr) const;
    // The album and all albums below it.
    QVector<qint64> withDescendants(qint64 albumId, QString* error = nullptr) const;

    bool rename(qint64 id, const QString& name, QString* error = nullptr);
    bool setDescription(qint64 id, const QString& description, QString* error = nullptr);
    bool setCover(qint64 id, qint64 photoId, QString* error = nullptr);
    // Moves the album under newParent (0: top level) at position among its siblings (clamped), and
    // renumbers the siblings. An album cannot move below itself.
    bool move(qint64 id, qint64 newParent, int position, QString* error = nullptr);
    // Removes the album and the albums below it; the photos stay in the library.
    bool remove(qint64 id, QString* error = nullptr);

    // Adds photos at the end of the album in the given order; returns those that were not in it yet.
    QVector<qint64> addPhotos(qint64 albumId, const QVector<qint64>& ids, QString* error = nullptr);
    // Returns those that were in it.
    QVector<qint64> removePhotos(qint64 albumId, const QVector<qint64>& ids, QString* error = nullptr);
    // Stored members of one album, ok photos only, in the album's manual order.
    QVector<qint64> photosOf(qint64 albumId, QString* error = nullptr) const;
    // Albums holding the photo, as paths.
    QStringList albumsOfPhoto(qint64 photoId) const;

private:
    qint64 ensureChild(qint64 parentId, const QString& name, QString* error);
    QString m_path;
};

} // namespace shoebox
