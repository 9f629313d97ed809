#pragma once
// The photos of the library (or of one folder, or of a search result) as a flat list sorted by capture
// date, keyed by photo id. Only ids live in memory for every photo; details are fetched off the UI
// thread in pages when a view first asks for them, and kept in a bounded cache.
// UI thread only; all catalog reads run on the model's own worker thread.

#include "albums/markstore.h"
#include "catalog/photostore.h"

#include <QAbstractListModel>
#include <QCache>
#include <QFutureWatcher>
#include <QSet>
#include <QThreadPool>
#include <QTimer>
#include <QVector>

#include <memory>
#include <optional>

namespace shoebox {

class PhotoListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        PhotoIdRole = Qt::UserRole + 1,
        DisplayPathRole,
        TakenAtRole,
        DetailsLoadedRole,
        DurationRole, // qint64 ms for videos, 0 for stills (and until details are loaded)
        IsVideoRole, // bool: the item plays as a video
        IsLiveRole, // bool: a Live Photo or a motion photo (its motion plays in the viewer)
        BadgeRole, // "Live" (Live Photo or motion photo), "RAW" (a RAW original is paired), both, or empty
        FavouriteRole, // bool
        RatingRole, // int 0..5
        FlagRole, // int: 1 picked, -1 rejected, 0 none
    };

    explicit PhotoListModel(QObject* parent = nullptr);
    ~PhotoListModel() override;

    void setLibrary(const QString& libraryPath);
    QString libraryPath() const { return m_library; }
    // 0 shows the whole library.
    void setFolder(qint64 folderId);
    qint64 folder() const { return m_folder; }
    // Shows only these photos (still in date order); std::nullopt shows all.
    void setIdFilter(std::optional<QSet<qint64>> ids);
    bool isFiltered() const { return m_filter.has_value(); }

    // Replaces the rows with a fresh read of the catalog (asynchronous; loaded() tells when done).
    void reload();
    // Coalesces bursts of "a photo was indexed" into one merge that inserts the new rows in place,
    // so the view keeps its position while a scan runs.
    void refreshSoon();
    // Also true while a coalesced refresh waits to start: the rows are about to change.
    bool isLoading() const { return m_loading || m_mergePending || m_refreshTimer.isActive(); }

    const QVector<qint64>& ids() const { return m_ids; }
    // Month buckets matching ids() (empty while filtered).
    const QList<TimelineBucket>& buckets() const { return m_buckets; }
    qint64 photoId(int row) const;
    int rowOfId(qint64 id) const;
    // The photo's details, or nullptr until its page has been read (the read is then started).
    const PhotoRecord* record(int row) const;
    // Reads the marks of these photos again (after the Organizer changed them) and repaints their rows.
    void refreshMarks(const QVector<qint64>& ids);

    // Dragged photos carry their ids, one per line (dropped on an album in the sidebar), and the
    // originals' file URLs (dropped on a file manager, which copies them).
    static QString photoIdsMimeType() { return QStringLiteral("application/x-shoebox-photo-ids"); }
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override { return { photoIdsMimeType() }; }
    QMimeData* mimeData(const QModelIndexList& indexes) const override;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;

Q_SIGNALS:
    void loaded(); // rows replaced or merged; buckets() match them
    void detailsArrived(int first, int last);

private:
    struct Snapshot {
        int generation = 0;
        QVector<qint64> ids;
        QList<TimelineBucket> buckets;
    };
    struct Page {
        int generation = 0;
        int page = 0;
        QList<PhotoRecord> records;
        QHash<qint64, PhotoMarks> marks;
    };

    void startLoad(bool merge);
    void applySnapshot(const Snapshot& s, bool merge);
    bool mergeInsertions(const QVector<qint64>& fresh);
    void requestPage(int page) const;
    void applyPage(const Page& p);

    QString m_library;
    qint64 m_folder = 0;
    std::optional<QSet<qint64>> m_filter;
    QVector<qint64> m_ids;
    QList<TimelineBucket> m_buckets;
    int m_generation = 0;
    bool m_loading = false;
    bool m_mergePending = false;
    QTimer m_refreshTimer;
    // One worker thread that never expires: its catalog connection stays valid for the model's life.
    std::unique_ptr<QThreadPool> m_pool;
    mutable QCache<qint64, PhotoRecord> m_details;
    QHash<qint64, PhotoMarks> m_marks; // photos with marks among the pages read
    PhotoMarks marksOf(int row) const { return m_marks.value(photoId(row)); }
    mutable QSet<int> m_pendingPages;
};

} // namespace shoebox
