#include "tags/tagjob.h"

#include "image/imagedecoder.h"
#include "image/imageprobe.h"
#include "people/peopleservice.h"
#include "tags/tagstore.h"
#include "tunables.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QLoggingCategory>
#include <QtConcurrent/QtConcurrentRun>

namespace shoebox {

namespace {
Q_LOGGING_CATEGORY(lcTagJob, "shoebox.core.tagjob")

cv::Mat decodeForTagging(const PendingPhoto& p, int minLongSide, QString* error)
{
    QFile f(QFile::decodeName(p.path));
    if (f.size() > tunables::kMaxFileBytes) {
        *error = QStringLiteral("file too large");
        return cv::Mat();
    }
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return cv::Mat();
    }
    const QByteArray bytes = f.readAll();
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.constData());
    const ImageProbe probe = probeImage(data, size_t(bytes.size()));
    if (!isDecodable(probe.format) || !ImageDecoder::sizeProblem(probe).isEmpty()) {
        *error = QStringLiteral("not a decodable image");
        return cv::Mat();
    }
    DecodedImage d = ImageDecoder::decode(data, size_t(bytes.size()), probe, p.orientation, minLongSide);
    *error = d.error;
    return d.upright;
}

ImageSource sourceOf(const PendingPhoto& p)
{
    ImageSource s;
    s.full = QSize(p.width, p.height);
    s.decode = [p](int minLongSide) {
        QString why;
        cv::Mat img = decodeForTagging(p, minLongSide, &why);
        if (img.empty())
            qCInfo(lcTagJob) << "cannot decode" << p.path << "again for its faces:" << why;
        return img;
    };
    return s;
}

int roundSize(const ImageAnalyzer& analyzer)
{
    return std::max(TagJob::kRoundSize, analyzer.batchSize());
}

} // namespace

TagJob::TagJob(QString libraryPath, AnalyzerFactory factory, QObject* parent)
    : QObject(parent)
    , m_path(std::move(libraryPath))
    , m_factory(std::move(factory))
{
    qRegisterMetaType<shoebox::TagProgress>();
    m_pool.setMaxThreadCount(1);
}

TagJob::~TagJob()
{
    cancel();
    m_pool.waitForDone();
}

void TagJob::start()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_started)
            return;
        m_started = true;
    }
    // The destructor cancels and waits for the pool, so the job outlives run().
    m_future = QtConcurrent::run(&m_pool, &TagJob::run, this);
}

bool TagJob::enqueue(qint64 photoId, const cv::Mat& upright)
{
    std::lock_guard lock(m_mutex);
    if (!m_accepting || !m_feeding || m_cancel.load() || m_queue.size() >= m_maxQueue || upright.empty())
        return false;
    m_queue.push_back({ photoId, upright.clone(), {} });
    ++m_progress.total;
    m_wake.notify_all();
    return true;
}

void TagJob::finishFeeding()
{
    std::lock_guard lock(m_mutex);
    m_feeding = false;
    m_wake.notify_all();
}

void TagJob::cancel()
{
    std::lock_guard lock(m_mutex);
    m_cancel.store(true);
    m_wake.notify_all();
}

bool TagJob::wait(int msecs)
{
    std::unique_lock lock(m_mutex);
    if (!m_started)
        return true; // never started
    if (msecs < 0)
        m_done.wait(lock, [this] { return m_finished; });
    else if (!m_done.wait_for(lock, std::chrono::milliseconds(msecs), [this] { return m_finished; }))
        return false;
    return true;
}

QString TagJob::error() const
{
    std::lock_guard lock(m_mutex);
    return m_error;
}

QString TagJob::modelId() const
{
    std::lock_guard lock(m_mutex);
    return m_modelId;
}

TagProgress TagJob::progressSnapshot() const
{
    std::lock_guard lock(m_mutex);
    return m_progress;
}

void TagJob::run()
{
    m_timer.start();
    QString error;
    std::unique_ptr<ImageAnalyzer> analyzer = m_factory ? m_factory(&error) : nullptr;
    {
        std::lock_guard lock(m_mutex);
        if (!analyzer) {
            m_error = error.isEmpty() ? QStringLiteral("no analyzer") : error;
            m_accepting = false;
            m_queue.clear();
        } else {
            m_modelId = analyzer->modelId();
            if (!m_facesEnabled) // skip the inference, not only its results
                analyzer->disableFaces();
            m_maxQueue = size_t(2 * roundSize(*analyzer));
        }
    }
    const bool faces = analyzer && !faceModel(*analyzer).isEmpty();
    if (analyzer) {
        tagQueued(*analyzer);
        tagPending(*analyzer);
    }
    analyzer.reset(); // the model is destroyed on the thread that used it
    if (faces && !m_cancel.load())
        clusterPeople();
    TagProgress p;
    QString why;
    {
        std::lock_guard lock(m_mutex);
        m_progress.elapsedSeconds = m_timer.elapsed() / 1000.0;
        p = m_progress;
        why = m_error;
    }
    Q_EMIT finished(p, m_cancel.load(), why);
    std::lock_guard lock(m_mutex);
    m_finished = true;
    m_done.notify_all();
}

QString TagJob::faceModel(const ImageAnalyzer& analyzer) const
{
    return m_facesEnabled ? analyzer.faceModelId() : QString();
}

void TagJob::clusterPeople()
{
    const qint64 start = m_timer.elapsed();
    const ClusterReport r = PeopleService(m_path).cluster();
    m_cadence.ran(m_timer.elapsed(), m_timer.elapsed() - start);
    if (!r.error.isEmpty())
        qCWarning(lcTagJob) << "cannot cluster faces:" << r.error;
    qCInfo(lcTagJob) << "clustered" << r.clusterable << "faces:" << r.placed << "placed," << r.newPeople
                     << "new people in" << r.seconds << "s";
    std::lock_guard lock(m_mutex);
    m_progress.peoplePlaced += r.placed;
}

void TagJob::tagQueued(ImageAnalyzer& analyzer)
{
    const size_t batchSize = size_t(roundSize(analyzer));
    while (!m_cancel.load()) {
        std::vector<Item> batch;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_cancel.load() || !m_feeding || m_queue.size() >= batchSize; });
            if (m_cancel.load())
                return;
            while (!m_queue.empty() && batch.size() < batchSize) {
                batch.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
            if (batch.empty() && !m_feeding) {
                m_accepting = false;
                return;
            }
        }
        analyzeAndStore(analyzer, batch);
    }
}

void TagJob::tagPending(ImageAnalyzer& analyzer)
{
    TagStore store(m_path);
    const QString model = analyzer.modelId(), faces = faceModel(analyzer);
    {
        std::lock_guard lock(m_mutex);
        m_progress.total = m_progress.done + store.pendingCount(model, faces);
    }
    QVector<qint64> unreadable; // could not be stored in this run: not retried in a loop
    while (!m_cancel.load()) {
        const QList<PendingPhoto> pending = store.pendingPhotos(model, roundSize(analyzer), unreadable, faces);
        if (pending.isEmpty())
            return;
        std::vector<Item> batch;
        for (const PendingPhoto& p : pending) {
            if (m_cancel.load())
                return;
            QString why;
            cv::Mat img = decodeForTagging(p, tunables::kMinDecodeLongSideForTagging, &why);
            if (img.empty())
                qCInfo(lcTagJob) << "cannot decode" << p.path << why;
            batch.push_back({ p.id, img, sourceOf(p) });
        }
        if (!analyzeAndStore(analyzer, batch)) // not stored: skip them rather than loop on them
            for (const Item& item : batch)
                unreadable << item.photoId;
    }
}

std::vector<ImageSource> TagJob::sourcesOf(std::vector<Item>& batch) const
{
    // Images handed over by the scan know only their photo: one catalog read per round finds the rest.
    QVector<qint64> unknown;
    for (const Item& item : batch)
        if (!item.source.decode)
            unknown << item.photoId;
    QHash<qint64, PendingPhoto> found;
    for (const PendingPhoto& p : TagStore(m_path).photoSources(unknown))
        found.insert(p.id, p);
    std::vector<ImageSource> out;
    for (Item& item : batch) {
        if (!item.source.decode && found.contains(item.photoId))
            item.source = sourceOf(found.value(item.photoId));
        out.push_back(item.source);
    }
    return out;
}

bool TagJob::analyzeAndStore(ImageAnalyzer& analyzer, std::vector<Item>& batch)
{
    std::vector<cv::Mat> images;
    for (const Item& item : batch)
        images.push_back(item.image);
    // Empty images (failed decodes) come back with an error from the analyzer like any bad input.
    const std::vector<Analysis> analyses
        = faceModel(analyzer).isEmpty() ? analyzer.analyze(images) : analyzer.analyzeFrom(images, sourcesOf(batch));
    QList<TagResult> results;
    qint64 failed = 0, tags = 0, faces = 0;
    const QString faceModelId = faceModel(analyzer);
    for (size_t i = 0; i < batch.size(); ++i) {
        TagResult r;
        r.photoId = batch[i].photoId;
        if (i < analyses.size())
            r.analysis = analyses[i];
        else
            r.analysis.error = QStringLiteral("the analyzer returned no result");
        failed += r.analysis.error.isEmpty() ? 0 : 1;
        tags += qint64(r.analysis.detections.size());
        faces += faceModelId.isEmpty() ? 0 : qint64(r.analysis.faces.size());
        results << r;
    }
    QString error;
    const bool stored = TagStore(m_path).storeResults(analyzer.modelId(), results, &error, faceModelId);
    if (!stored) { // nothing of the round was kept: every photo in it failed
        qCWarning(lcTagJob) << "cannot store tags:" << error;
        failed = qint64(batch.size());
        tags = 0;
        faces = 0;
    }
    if (!faceModelId.isEmpty()) { // people appear while a long scan runs
        m_cadence.stored(faces);
        if (m_cadence.due(m_timer.elapsed()) && !m_cancel.load())
            clusterPeople();
    }
    TagProgress p;
    {
        std::lock_guard lock(m_mutex);
        m_progress.done += qint64(batch.size());
        m_progress.failed += failed;
        m_progress.tags += tags;
        m_progress.faces += faces;
        m_progress.total = std::max(m_progress.total, m_progress.done);
        m_progress.elapsedSeconds = m_timer.elapsed() / 1000.0;
        p = m_progress;
    }
    Q_EMIT progress(p);
    return stored;
}

} // namespace shoebox
