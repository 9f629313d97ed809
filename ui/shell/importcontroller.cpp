#include "shell/importcontroller.h"

#include "catalog/database.h"

#ifdef SHOEBOX_WITH_TORCH
#include "analyzerfactory.h"
#endif

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

namespace shoebox {

ImportController::ImportController(QString libraryPath, QObject* parent)
    : QObject(parent)
    , m_library(std::move(libraryPath))
{
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);
    qRegisterMetaType<QList<shoebox::ImportDuplicate>>();
}

ImportController::~ImportController()
{
    m_queue.clear();
    cancel();
    // The pool's one thread ends with the controller: close the scan's catalog connection there.
    m_pool.start([library = m_library] { Database::closeThreadConnection(library); });
    m_pool.waitForDone();
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
    if (m_scanner)
        m_scanner->cancel();
    if (m_importer)
        m_importer->cancel();
    if (m_tagJob)
        m_tagJob->cancel();
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
    auto* watcher = new QFutureWatcher<ImportOutcome>(this);
    connect(watcher, &QFutureWatcher<ImportOutcome>::finished, this, [this, watcher, root] {
        watcher->deleteLater();
        const ImportOutcome out = watcher->result();
        m_importer.reset();
        if (!out.duplicates.isEmpty())
            Q_EMIT duplicatesSkipped(out.duplicates);
        QString prefix = tr("Copied %n photo(s).", nullptr, int(out.copied.size()));
        if (!out.duplicates.isEmpty())
            prefix += QLatin1Char(' ')
                + tr("%n exact duplicate(s) already in the library, not copied.", nullptr, int(out.duplicates.size()));
        if (!out.failed.isEmpty())
            prefix += QLatin1Char(' ') + tr("%n file(s) could not be copied.", nullptr, int(out.failed.size()));
        if (out.cancelled) {
            Q_EMIT jobFinished(prefix + QLatin1Char(' ') + tr("Cancelled."));
            startNext();
            return;
        }
        // What was copied, and whatever already lived in the library folder, is indexed next.
        runScan({QFile::encodeName(root)}, prefix);
    });
    const QElapsedTimer clock = m_clock;
    watcher->setFuture(QtConcurrent::run(&m_pool, [importer, roots = job.roots, self, clock] {
        return importer->run(roots, [self, clock](int done, int total) {
            // Throttled by the UI's repaint anyway; a queued call per file is cheap next to a copy.
            QMetaObject::invokeMethod(
                self.data(), [self, done, total, clock] {
                    if (self)
                        Q_EMIT self->jobProgress(done, total, clock.elapsed() / 1000.0);
                },
                Qt::QueuedConnection);
        });
    }));
}

void ImportController::runScan(const QList<QByteArray>& roots, const QString& prefix)
{
    m_scanner = std::make_unique<Scanner>(m_library);
    Scanner* scanner = m_scanner.get();
    connect(scanner, &Scanner::progress, this,
            [this](const ScanProgress& p) {
                Q_EMIT jobProgress(p.done, p.walking ? -1 : p.found, p.elapsedSeconds);
            },
            Qt::QueuedConnection);
    connect(scanner, &Scanner::photoIndexed, this, &ImportController::photoIndexed, Qt::QueuedConnection);
    Q_EMIT jobStarted(tr("Indexing photos"));
    startTagging(scanner);
    auto* watcher = new QFutureWatcher<ScanSummary>(this);
    connect(watcher, &QFutureWatcher<ScanSummary>::finished, this, [this, watcher, prefix] {
        watcher->deleteLater();
        const ScanSummary s = watcher->result();
        // Queued progress signals of the finished scan must not outlive the scanner silently.
        m_scanner.reset();
        const ScanProgress& t = s.totals;
        QString text = prefix.isEmpty() ? QString() : prefix + QLatin1Char(' ');
        text += tr("Indexed %n new photo(s)", nullptr, int(t.added));
        if (t.updated > 0)
            text += QStringLiteral(", ") + tr("%n updated", nullptr, int(t.updated));
        if (t.failed + t.unsupported > 0)
            text += QStringLiteral(", ") + tr("%n could not be read", nullptr, int(t.failed + t.unsupported));
        text += QLatin1Char('.');
        if (s.cancelled)
            text += QLatin1Char(' ') + tr("Cancelled; what was indexed is kept.");
        finishTagging(text, s.cancelled);
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [scanner, roots] { return scanner->scan(roots); }));
}

bool ImportController::startTagging(Scanner* scanner)
{
#ifdef SHOEBOX_WITH_TORCH
    const AppSettings::Device setting = AppSettings::device();
    const QString device = setting == AppSettings::Device::Cpu   ? QStringLiteral("cpu")
                         : setting == AppSettings::Device::Gpu ? QStringLiteral("cuda")
                                                               : QStringLiteral("auto");
    m_tagJob = std::make_unique<TagJob>(
        m_library, [device](QString* error) { return createAnalyzer(device, error); });
    TagJob* job = m_tagJob.get();
    m_tag = TagOutcome();
    connect(job, &TagJob::progress, this,
            [this](const TagProgress& p) {
                if (m_tag.phase)
                    Q_EMIT jobProgress(p.done, p.total, p.elapsedSeconds);
            },
            Qt::QueuedConnection);
    connect(job, &TagJob::finished, this,
            [this](const TagProgress& p, bool cancelled, const QString& error) {
                m_tag.done = true;
                m_tag.progress = p;
                m_tag.cancelled = cancelled;
                m_tag.error = error;
                if (m_tag.phase)
                    completeTagging();
            },
            Qt::QueuedConnection);
    m_tagJob->start();
    scanner->setDecodedHook([job](qint64 photoId, const cv::Mat& upright) { job->enqueue(photoId, upright); });
    return true;
#else
    Q_UNUSED(scanner);
    return false;
#endif
}

void ImportController::finishTagging(const QString& scanText, bool scanCancelled)
{
    if (!m_tagJob) {
        Q_EMIT jobFinished(scanText);
        startNext();
        return;
    }
    m_tag.phase = true;
    m_tag.scanText = scanText;
    if (scanCancelled)
        m_tagJob->cancel();
    m_tagJob->finishFeeding();
    if (m_tag.done)
        completeTagging();
    else
        Q_EMIT jobStarted(tr("Tagging photos"));
}

void ImportController::completeTagging()
{
    QString text = m_tag.scanText;
    if (!m_tag.error.isEmpty())
        text += QLatin1Char(' ') + tr("Tagging skipped: %1").arg(m_tag.error);
    else
        text += QLatin1Char(' ') + tr("Tagged %n photo(s).", nullptr, int(m_tag.progress.done - m_tag.progress.failed));
    if (m_tag.cancelled && m_tag.error.isEmpty())
        text += QLatin1Char(' ') + tr("Tagging was cancelled; it resumes with the next scan.");
    const bool newTags = m_tag.progress.tags > 0;
    m_tag = TagOutcome();
    // Its worker has finished; deleting it later joins that thread outside of its own signal.
    m_tagJob.release()->deleteLater();
    if (newTags)
        Q_EMIT tagsUpdated();
    Q_EMIT jobFinished(text);
    startNext();
}

}  // namespace shoebox
