#pragma once
// Loads thumbnails for the photo grid on its own worker threads and keeps the decoded images in a
// bounded cache. The view hands over what is visible, nearest the viewport first; a new schedule
// replaces the old one, so requests for rows scrolled away are dropped before they start.
// Public functions: UI thread only. Loading runs on the loader's worker threads.

#include <QCache>
#include <QImage>
#include <QObject>
#include <QVector>

#include <functional>
#include <memory>
#include <thread>
#include <vector>

namespace shoebox {

class ThumbnailLoader : public QObject {
    Q_OBJECT
public:
    struct Request {
        qint64 photoId = 0;
        int row = -1; // handed back with the result so the view can repaint just that cell
    };
    // Reads one thumbnail for a photo of the library, scaled to fit size x size; null on failure.
    // Runs on a worker thread.
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
    struct Result;
    struct Shared;
    void startWorkers();
    static void work(ThumbnailLoader* self, const std::shared_ptr<Shared>& shared);
    // Delivers every result loaded so far. Called by name from the workers, queued to the UI thread.
    Q_INVOKABLE void drain();

    std::shared_ptr<Shared> m_shared;
    // std::threads rather than a QThreadPool: the hand-over of each request is then visible to
    // ThreadSanitizer, which cannot see inside Debian's uninstrumented QtCore (scripts/test.sh --tsan).
    // They live as long as the loader, keeping their catalog connections.
    std::vector<std::thread> m_workers;
    mutable QCache<quint64, QImage> m_cache;
};

} // namespace shoebox
