#include "thumbnailview/thumbnailloader.h"

#include "catalog/photostore.h"
#include "image/imagedecoder.h"
#include "image/thumbnailcache.h"
#include "tuning.h"

#include <QFile>

#include <QMutexLocker>
#include <QtConcurrent/QtConcurrentRun>

namespace shoebox {

struct ThumbnailLoader::Shared {
    QMutex mutex;
    QVector<Request> queue; // reversed: the most wanted request is at the back
    QString library;
    Source source = &ThumbnailLoader::loadFromCatalog;
    int size = 0;
    int generation = 0;
    int running = 0;
    int posted = 0; // results posted to the UI thread, not yet delivered
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
    m_pool.setMaxThreadCount(tuning::kThumbnailThreads);
    // Pool threads keep their catalog connections, so they must not expire and be replaced.
    m_pool.setExpiryTimeout(-1);
}

ThumbnailLoader::~ThumbnailLoader()
{
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->stopping = true;
        m_shared->queue.clear();
    }
    // Workers post results to this object: they must all have finished before it goes away.
    m_pool.waitForDone();
}

void ThumbnailLoader::setLibrary(const QString& libraryPath)
{
    QMutexLocker lock(&m_shared->mutex);
    m_shared->library = libraryPath;
    m_shared->queue.clear();
    m_cache.clear();
}

void ThumbnailLoader::setSource(Source source)
{
    QMutexLocker lock(&m_shared->mutex);
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
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->queue.isEmpty() && m_shared->running == 0 && m_shared->posted == 0;
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
        QMutexLocker lock(&m_shared->mutex);
        m_shared->queue = std::move(wanted);
        m_shared->size = size;
        ++m_shared->generation;
    }
    startWorkers();
}

void ThumbnailLoader::startWorkers()
{
    QMutexLocker lock(&m_shared->mutex);
    while (m_shared->running < m_pool.maxThreadCount() && m_shared->running < m_shared->queue.size()) {
        ++m_shared->running;
        // The loader outlives its workers (its destructor waits for the pool), so they may post to it.
        ThumbnailLoader* self = this;
        std::shared_ptr<Shared> shared = m_shared;
        // Results go back as queued calls, one per image, so the future is not needed.
        static_cast<void>(QtConcurrent::run(&m_pool, [self, shared] {
            for (;;) {
                Request r;
                Source source;
                QString library;
                int size = 0;
                int generation = 0;
                {
                    QMutexLocker lock(&shared->mutex);
                    if (shared->stopping || shared->queue.isEmpty()) {
                        --shared->running;
                        break;
                    }
                    r = shared->queue.takeLast();
                    source = shared->source;
                    library = shared->library;
                    size = shared->size;
                    generation = shared->generation;
                    ++shared->posted;
                }
                const QImage image = source ? source(library, r.photoId, size) : QImage();
                QMetaObject::invokeMethod(
                    self,
                    [self, r, size, generation, image] { self->deliver(r.photoId, r.row, size, generation, image); },
                    Qt::QueuedConnection);
            }
            QMetaObject::invokeMethod(
                self,
                [self] {
                    if (self->isIdle())
                        Q_EMIT self->idle();
                },
                Qt::QueuedConnection);
        }));
    }
}

void ThumbnailLoader::deliver(qint64 photoId, int row, int size, int generation, const QImage& image)
{
    Q_UNUSED(generation);
    {
        QMutexLocker lock(&m_shared->mutex);
        --m_shared->posted;
    }
    // A failed load is cached too (as a null image) so that it is not retried on every scroll.
    m_cache.insert(cacheKey(photoId, size), new QImage(image), int(image.sizeInBytes() / 1024) + 1);
    Q_EMIT thumbnailReady(photoId, row);
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
