#pragma once
// Loads thumbnails for the photo grid on a dedicated thread pool and keeps the decoded images in a
// bounded cache. The view hands over what is visible, nearest the viewport first; a new schedule
// replaces the old one, so requests for rows scrolled away are dropped before they start.
// Public functions: UI thread only. Loading runs on the pool.

#include <QCache>
#include <QImage>
#include <QMutex>
#include <QObject>
#include <QThreadPool>
#include <QVector>

#include <functional>
#include <memory>

namespace shoebox {

class ThumbnailLoader : public QObject {
    Q_OBJECT
public:
    struct Request {
        qint64 photoId = 0;
        int row = -1; // handed back with the result so the view can repaint just that cell
    };
    // Reads one thumbnail for a photo of the library, scaled to fit size x size; null on failure.
    // Runs on a pool thread.
    using Source = std::function<QImage(const QString& libraryPath, qint64 photoId, int size)>;

    explicit ThumbnailLoader(QObject* parent = nullptr);
    ~ThumbnailLoader() override;

    void setLibrary(const QString& libraryPath);
    void setSource(Source source);
    // The cached thumbnail at this size, or a null image.
    QImage cached(qint64 photoId, int size) const;
    // Whether a load at this size has finished (a failed load leaves a null image behind).
    bool hasResult(qint64 photoId, int size) const;
    // Replaces the queue with these requests, in priority order.
    void schedule(const QVector<Request>& requests, int size);
    // Forgets what was loaded for a photo (its file changed).
    void invalidate(qint64 photoId);
    bool isIdle() const;

    // The default source: the photo's thumbnail from the shared freedesktop cache, made when missing.
    static QImage loadFromCatalog(const QString& libraryPath, qint64 photoId, int size);

Q_SIGNALS:
    void thumbnailReady(qint64 photoId, int row);
    // The queue ran empty and every started request has delivered its result.
    void idle();

private:
    struct Shared;
    void startWorkers();
    void deliver(qint64 photoId, int row, int size, int generation, const QImage& image);

    std::shared_ptr<Shared> m_shared;
    QThreadPool m_pool;
    mutable QCache<quint64, QImage> m_cache;
    int m_inFlight = 0; // results posted but not yet delivered, plus running loads
};

} // namespace shoebox
