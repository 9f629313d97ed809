#include "scantagging.h"

#include "scan/scanner.h"
#include "tags/tagjob.h"

#ifdef SHOEBOX_WITH_TORCH
#include "analyzerfactory.h"
#endif

namespace shoebox::cli {

ScanTagging::ScanTagging(Context& ctx, bool enabled, const QString& device)
    : m_ctx(ctx)
    , m_enabled(enabled)
    , m_device(device)
{
}

ScanTagging::~ScanTagging() = default;

void ScanTagging::attach(Scanner& scanner)
{
    if (!m_enabled)
        return;
#ifdef SHOEBOX_WITH_TORCH
    const QString device = m_device;
    m_job = std::make_unique<TagJob>(
        m_ctx.libraryPath, [device](QString* error) { return createAnalyzer(device, error); });
    m_job->start();
    TagJob* job = m_job.get();
    scanner.setDecodedHook([job](qint64 photoId, const cv::Mat& upright) { job->enqueue(photoId, upright); });
#else
    Q_UNUSED(scanner);
#endif
}

bool ScanTagging::finish(bool scanCancelled, const std::atomic_bool& stop)
{
    if (!m_enabled)
        return true;
    if (!m_job) {
        m_summary = { { QStringLiteral("skipped"), QStringLiteral("built without libtorch") } };
        m_notice = QStringLiteral("tags: skipped (this build has no libtorch)");
        return true;
    }
    if (scanCancelled)
        m_job->cancel();
    m_job->finishFeeding();
    qint64 shown = -1;
    while (!m_job->wait(200)) {
        if (stop.load())
            m_job->cancel();
        const TagProgress p = m_job->progressSnapshot();
        if (m_ctx.interactive && !m_ctx.json && p.done != shown) {
            shown = p.done;
            *m_ctx.err << "\rtagging " << p.done << "/" << p.total << "   ";
            m_ctx.err->flush();
        }
    }
    if (m_ctx.interactive && !m_ctx.json && shown >= 0)
        *m_ctx.err << "\n";
    const TagProgress p = m_job->progressSnapshot();
    const QString error = m_job->error();
    if (!error.isEmpty()) {
        m_summary = { { QStringLiteral("skipped"), error } };
        m_notice = QStringLiteral("tags: skipped: ") + error;
        return true;
    }
    m_summary = { { QStringLiteral("model"), m_job->modelId() }, { QStringLiteral("photos"), p.done },
        { QStringLiteral("failed"), p.failed }, { QStringLiteral("tags"), p.tags },
        { QStringLiteral("seconds"), p.elapsedSeconds }, { QStringLiteral("cancelled"), m_job->isCancelled() } };
    m_line = QStringLiteral("tagged %1 photos (%2 tags, %3 failed) in %4 s with %5")
                 .arg(p.done)
                 .arg(p.tags)
                 .arg(p.failed)
                 .arg(QString::number(p.elapsedSeconds, 'f', 1), m_job->modelId());
    return !m_job->isCancelled();
}

void ScanTagging::printSummary() const
{
    if (!m_notice.isEmpty())
        *m_ctx.err << m_notice << Qt::endl;
    if (!m_line.isEmpty())
        *m_ctx.out << m_line << Qt::endl;
}

} // namespace shoebox::cli
