#include "thumbnailview/thumbnailloader.h"

#include "catalog/photostore.h"
#include "image/imagedecoder.h"
#include "image/thumbnailcache.h"
#include "tuning.h"

#include <QFile>

#include <condition_variable>
#include <mutex>
#include <utility>

namespace shoebox {

struct ThumbnailLoader::Result {
    Request request;
    int size = 0;
    QImage image;
};

struct ThumbnailLoader::Shared {
    std::mutex mutex;
    std::condition_variable wake; // a request was queued, or the loader is going away
    QVector<Request> queue; // reversed: the most wanted request is at the back
    QString library;
    int libraryGeneration = 0; // counts setLibrary(): results of an earlier library are dropped
    Source source = &ThumbnailLoader::loadFromCatalog;
    int size = 0;
    int running = 0; // workers loading a thumbnail now
    // Loaded, not yet delivered. Results change threads here, under the mutex, not inside a posted
    // event: ThreadSanitizer sees this hand-over but not QtCore's (Debian's Qt is not instrumented).
    QVector<Result> results;
    bool drainPosted = false; // a call to drain() is on its way to the UI thread
    bool stopping = false;
};

namespace {

quint64 cacheKey(qint64 photoId, int size)
{
    return (quint64(photoId) << 12) | quint64(size & 0xfff);
}

} // namespace

ThumbnailLoader::ThumbnailLoader(QObject* parent)
    : QObject(parent)
    , m_shared(std::make_shared<Shared>())
    , m_cache(tuning::kThumbnailCacheKiB)
{
}

ThumbnailLoader::~ThumbnailLoader()
{
    {
        const std::lock_guard lock(m_shared->mutex);
        m_shared->stopping = true;
        m_shared->queue.clear();
    }
    m_shared->wake.notify_all();
    // Workers post results to this object: they must all have finished before it goes away.
    for (std::thread& t : m_workers)
        t.join();
}

void ThumbnailLoader::setLibrary(const QString& libraryPath)
{
    const std::lock_guard lock(m_shared->mutex);
    m_shared->library = libraryPath;
    ++m_shared->libraryGeneration;
    m_shared->queue.clear();
    m_shared->results.clear();
    m_cache.clear();
}

void ThumbnailLoader::setSource(Source source)
{
    const std::lock_guard lock(m_shared->mutex);
    m_shared->source = std::move(source);
}

QImage ThumbnailLoader::cached(qint64 photoId, int size) const
{
    if (const QImage* image = m_cache.object(cacheKey(photoId, size)))
        return *image;
    return {};
}

bool ThumbnailLoader::hasResult(qint64 photoId, int size) const
{
    return m_cache.contains(cacheKey(photoId, size));
}

void ThumbnailLoader::invalidate(qint64 photoId)
{
    const QList<quint64> keys = m_cache.keys();
    for (quint64 key : keys) {
        if (qint64(key >> 12) == photoId)
            m_cache.remove(key);
    }
}

bool ThumbnailLoader::isIdle() const
{
    const std::lock_guard lock(m_shared->mutex);
    return m_shared->queue.isEmpty() && m_shared->running == 0 && m_shared->results.isEmpty();
}

void ThumbnailLoader::schedule(const QVector<Request>& requests, int size)
{
    QVector<Request> wanted;
    wanted.reserve(requests.size());
    for (auto it = requests.crbegin(); it != requests.crend(); ++it) {
        if (!m_cache.contains(cacheKey(it->photoId, size)))
            wanted.append(*it);
    }
    {
        const std::lock_guard lock(m_shared->mutex);
        m_shared->queue = std::move(wanted);
        m_shared->size = size;
    }
    startWorkers();
}

void ThumbnailLoader::startWorkers()
{
    // The loader outlives its workers (its destructor joins them), so they may post to it.
    while (m_workers.size() < size_t(tuning::kThumbnailThreads))
        m_workers.emplace_back([self = this, shared = m_shared] { work(self, shared); });
    m_shared->wake.notify_all();
}

void ThumbnailLoader::work(ThumbnailLoader* self, const std::shared_ptr<Shared>& shared)
{
    for (;;) {
        Request r;
        Source source;
        QString library;
        int size = 0;
        int generation = 0;
        {
            std::unique_lock lock(shared->mutex);
            shared->wake.wait(lock, [&] { return shared->stopping || !shared->queue.isEmpty(); });
            if (shared->stopping)
                return;
            r = shared->queue.takeLast();
            source = shared->source;
            library = shared->library;
            size = shared->size;
            generation = shared->libraryGeneration;
            ++shared->running;
        }
        Result result { r, size, source ? source(library, r.photoId, size) : QImage() };
        bool post = false;
        {
            const std::lock_guard lock(shared->mutex);
            --shared->running;
            if (generation == shared->libraryGeneration)
                shared->results.append(std::move(result));
            post = !std::exchange(shared->drainPosted, true);
        }
        // By name, so the queued call carries no data of ours across threads.
        if (post)
            QMetaObject::invokeMethod(self, "drain", Qt::QueuedConnection);
    }
}

void ThumbnailLoader::drain()
{
    QVector<Result> results;
    {
        const std::lock_guard lock(m_shared->mutex);
        results.swap(m_shared->results);
        m_shared->drainPosted = false;
    }
    for (const Result& r : results) {
        // A failed load is cached too (as a null image) so that it is not retried on every scroll.
        m_cache.insert(cacheKey(r.request.photoId, r.size), new QImage(r.image), int(r.image.sizeInBytes() / 1024) + 1);
        Q_EMIT thumbnailReady(r.request.photoId, r.request.row);
    }
    if (isIdle())
        Q_EMIT idle();
}

namespace {

// Makes the thumbnail the scanner would have made, for a cache that was cleaned since the scan.
QImage generateThumbnail(const PhotoRecord& record, qint64 mtimeSeconds)
{
    const DecodedImage decoded = ImageDecoder::decodeFile(record.path, ThumbnailCache::Large, record.meta.orientation);
    if (!decoded.error.isEmpty() || decoded.upright.empty())
        return {};
    ThumbnailCache::store(record.path, mtimeSeconds, record.size, decoded.upright, decoded.fullWidth,
        decoded.fullHeight, ThumbnailCache::Large);
    return ThumbnailCache::load(record.path, mtimeSeconds, ThumbnailCache::Large);
}

} // namespace

QImage ThumbnailLoader::loadFromCatalog(const QString& libraryPath, qint64 photoId, int size)
{
    const auto record = PhotoStore(libraryPath).photoById(photoId);
    if (!record || record->state != PhotoState::Ok)
        return {};
    const qint64 mtimeSeconds = record->mtimeNs / 1000000000;
    const auto kind = size <= ThumbnailCache::Normal ? ThumbnailCache::Normal : ThumbnailCache::Large;
    QImage image = ThumbnailCache::load(record->path, mtimeSeconds, kind);
    if (image.isNull() && kind == ThumbnailCache::Normal)
        image = ThumbnailCache::load(record->path, mtimeSeconds, ThumbnailCache::Large);
    if (image.isNull())
        image = generateThumbnail(*record, mtimeSeconds);
    if (image.isNull())
        return image;
    if (image.width() > size || image.height() > size)
        image = image.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
}

} // namespace shoebox
