#include "scan/scanjob.h"

#include <memory>

namespace shoebox {

ScanJob::ScanJob(QString libraryPath, TagJob::AnalyzerFactory factory, QObject* parent)
    : QObject(parent)
    , m_path(std::move(libraryPath))
    , m_factory(std::move(factory))
    , m_scanner(m_path)
{
    // Direct: the scanner emits on the thread that runs run(), and so do these signals.
    connect(&m_scanner, &Scanner::progress, this, &ScanJob::scanProgress, Qt::DirectConnection);
    connect(&m_scanner, &Scanner::photoIndexed, this, &ScanJob::photoIndexed, Qt::DirectConnection);
}

ScanJob::~ScanJob() = default;

void ScanJob::cancel()
{
    interrupt();
    std::lock_guard lock(m_tagMutex);
    if (m_tagJob)
        m_tagJob->cancel();
}

void ScanJob::interrupt()
{
    m_cancel.store(true);
    m_scanner.cancel();
}

ScanJobResult ScanJob::run(const QList<QByteArray>& roots)
{
    ScanJobResult result;
    std::unique_ptr<TagJob> tagJob;
    if (m_factory) {
        tagJob = std::make_unique<TagJob>(m_path, m_factory);
        tagJob->setFacesEnabled(m_faces);
        tagJob->start();
        TagJob* job = tagJob.get();
        std::lock_guard lock(m_tagMutex);
        m_tagJob = job;
        // The tagger takes the images the scan decoded anyway, so tagging needs no second decode.
        m_scanner.setDecodedHook([job](qint64 photoId, const cv::Mat& upright) { job->enqueue(photoId, upright); });
    }
    result.scan = m_scanner.scan(roots);
    m_scanner.setDecodedHook({});
    if (!result.scan.cancelled && !m_cancel.load())
        result.places = PlaceAssigner::assignPending(m_path, true, &m_cancel);
    if (!tagJob) {
        Q_EMIT scanFinished(result.scan, false);
        return result;
    }
    if (result.scan.cancelled || m_cancel.load())
        tagJob->cancel();
    tagJob->finishFeeding();
    Q_EMIT scanFinished(result.scan, !tagJob->wait(0));
    waitForTagging(*tagJob);
    {
        std::lock_guard lock(m_tagMutex);
        m_tagJob = nullptr;
    }
    result.tagging = true;
    result.tags = tagJob->progressSnapshot();
    result.tagsCancelled = tagJob->isCancelled();
    result.tagError = tagJob->error();
    result.modelId = tagJob->modelId();
    return result;
}

void ScanJob::waitForTagging(TagJob& tagJob)
{
    qint64 shownDone = -1, shownTotal = -1;
    while (!tagJob.wait(kPollMs)) {
        if (m_cancel.load())
            tagJob.cancel();
        const TagProgress p = tagJob.progressSnapshot();
        if (p.done != shownDone || p.total != shownTotal) {
            shownDone = p.done;
            shownTotal = p.total;
            Q_EMIT tagProgress(p);
        }
    }
}

} // namespace shoebox
