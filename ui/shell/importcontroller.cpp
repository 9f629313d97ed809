#include "shell/importcontroller.h"

#include "background.h"

#ifdef SHOEBOX_WITH_TORCH
#include "modelsplugin.h"
#endif

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QUrl>

namespace shoebox {

ImportController::ImportController(QString libraryPath, QObject* parent)
    : QObject(parent)
    , m_library(std::move(libraryPath))
{
    m_pool.setMaxThreadCount(1);
    qRegisterMetaType<QList<shoebox::ImportDuplicate>>();
}

ImportController::~ImportController()
{
    m_queue.clear();
    cancel();
    // The running job holds raw pointers to m_scanJob / m_importer: it must end before they do.
    m_pool.waitForDone();
}

QStringList ImportController::localPaths(const QMimeData* data)
{
    QStringList paths;
    for (const QUrl& url : data ? data->urls() : QList<QUrl>())
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    return paths;
}

void ImportController::import(const QStringList& paths)
{
    if (paths.isEmpty())
        return;
    AppSettings::ImportMode mode = AppSettings::importMode();
    if (mode == AppSettings::ImportMode::Ask) {
        mode = m_chooser ? m_chooser() : AppSettings::ImportMode::IndexInPlace;
        if (mode == AppSettings::ImportMode::Ask)
            return;
    }
    Job job;
    job.kind = mode == AppSettings::ImportMode::CopyByDate ? Job::Copy : Job::Scan;
    for (const QString& p : paths)
        job.roots.append(QFile::encodeName(QFileInfo(p).absoluteFilePath()));
    enqueue(job);
}

void ImportController::scanInPlace(const QStringList& folders)
{
    Job job;
    for (const QString& f : folders)
        job.roots.append(QFile::encodeName(QFileInfo(f).absoluteFilePath()));
    if (!job.roots.isEmpty())
        enqueue(job);
}

void ImportController::cancel()
{
    m_queue.clear();
    if (m_scanJob)
        m_scanJob->cancel();
    if (m_importer)
        m_importer->cancel();
}

void ImportController::enqueue(Job job)
{
    m_queue.append(std::move(job));
    if (!m_busy)
        startNext();
}

void ImportController::startNext()
{
    if (m_queue.isEmpty()) {
        m_busy = false;
        Q_EMIT idle();
        return;
    }
    m_busy = true;
    const Job job = m_queue.takeFirst();
    if (job.kind == Job::Copy)
        runCopy(job);
    else
        runScan(job.roots, QString());
}

void ImportController::runCopy(const Job& job)
{
    const QString root = AppSettings::importFolder();
    m_importer = std::make_unique<Importer>(m_library, root);
    m_clock.start();
    Q_EMIT jobStarted(tr("Copying into the library"));
    Importer* importer = m_importer.get();
    QPointer<ImportController> self(this);
    const QElapsedTimer clock = m_clock;
    runInBackground(
        this,
        [importer, roots = job.roots, self, clock] {
            return importer->run(roots, [self, clock](int done, int total) {
                // Throttled by the UI's repaint anyway; a queued call per file is cheap next to a copy.
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, done, total, clock] {
                        if (self)
                            Q_EMIT self->jobProgress(done, total, clock.elapsed() / 1000.0);
                    },
                    Qt::QueuedConnection);
            });
        },
        [this, root](const ImportOutcome& out) {
            m_importer.reset();
            if (!out.duplicates.isEmpty())
                Q_EMIT duplicatesSkipped(out.duplicates);
            QString prefix = tr("Copied %n photo(s).", nullptr, int(out.copied.size()));
            if (!out.duplicates.isEmpty())
                prefix += QLatin1Char(' ')
                    + tr("%n exact duplicate(s) already in the library, not copied.", nullptr,
                        int(out.duplicates.size()));
            if (!out.failed.isEmpty())
                prefix += QLatin1Char(' ') + tr("%n file(s) could not be copied.", nullptr, int(out.failed.size()));
            if (out.cancelled) {
                Q_EMIT jobFinished(prefix + QLatin1Char(' ') + tr("Cancelled."));
                startNext();
                return;
            }
            // What was copied, and whatever already lived in the library folder, is indexed next.
            runScan({ QFile::encodeName(root) }, prefix);
        },
        &m_pool);
}

void ImportController::runScan(const QList<QByteArray>& roots, const QString& prefix)
{
    m_scanJob = std::make_unique<ScanJob>(m_library, analyzerFactory());
    m_tagPhase = false;
    ScanJob* job = m_scanJob.get();
    connect(
        job, &ScanJob::scanProgress, this,
        [this](const ScanProgress& p) { Q_EMIT jobProgress(p.done, p.walking ? -1 : p.found, p.elapsedSeconds); },
        Qt::QueuedConnection);
    connect(job, &ScanJob::photoIndexed, this, &ImportController::photoIndexed, Qt::QueuedConnection);
    connect(
        job, &ScanJob::scanFinished, this,
        [this](const ScanSummary&, bool taggingRunning) {
            if (!taggingRunning)
                return;
            m_tagPhase = true;
            Q_EMIT jobStarted(tr("Tagging photos"));
        },
        Qt::QueuedConnection);
    connect(
        job, &ScanJob::tagProgress, this,
        [this](const TagProgress& p) {
            if (m_tagPhase)
                Q_EMIT jobProgress(p.done, p.total, p.elapsedSeconds);
        },
        Qt::QueuedConnection);
    Q_EMIT jobStarted(tr("Indexing photos"));
    runInBackground(
        this, [job, roots] { return job->run(roots); },
        [this, prefix](const ScanJobResult& result) {
            // Queued progress signals of the finished job must not outlive it silently.
            m_scanJob.reset();
            m_tagPhase = false;
            finishScan(result, prefix);
        },
        &m_pool);
}

TagJob::AnalyzerFactory ImportController::analyzerFactory() const
{
#ifdef SHOEBOX_WITH_TORCH
    const AppSettings::Device setting = AppSettings::device();
    const QString device = setting == AppSettings::Device::Cpu ? QStringLiteral("cpu")
        : setting == AppSettings::Device::Gpu                  ? QStringLiteral("cuda")
                                                               : QStringLiteral("auto");
    return [device](QString* error) { return ModelsPlugin::createAnalyzer(device, error); };
#else
    return {};
#endif
}

void ImportController::finishScan(const ScanJobResult& result, const QString& prefix)
{
    const ScanProgress& t = result.scan.totals;
    QString text = prefix.isEmpty() ? QString() : prefix + QLatin1Char(' ');
    text += tr("Indexed %n new photo(s)", nullptr, int(t.added));
    if (t.updated > 0)
        text += QStringLiteral(", ") + tr("%n updated", nullptr, int(t.updated));
    if (t.failed + t.unsupported > 0)
        text += QStringLiteral(", ") + tr("%n could not be read", nullptr, int(t.failed + t.unsupported));
    text += QLatin1Char('.');
    if (result.scan.cancelled)
        text += QLatin1Char(' ') + tr("Cancelled; what was indexed is kept.");
    if (result.tagging) {
        if (!result.tagError.isEmpty())
            text += QLatin1Char(' ') + tr("Tagging skipped: %1").arg(result.tagError);
        else
            text += QLatin1Char(' ') + tr("Tagged %n photo(s).", nullptr, int(result.tags.done - result.tags.failed));
        if (result.tagsCancelled && result.tagError.isEmpty())
            text += QLatin1Char(' ') + tr("Tagging was cancelled; it resumes with the next scan.");
        if (result.tags.tags > 0)
            Q_EMIT tagsUpdated();
    }
    Q_EMIT jobFinished(text);
    startNext();
}

} // namespace shoebox
