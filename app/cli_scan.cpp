// shoebox-cli scan DIR...: index photos below the folders; Ctrl-C stops cleanly, the next run resumes.

#include "clicommand.h"
#include "scan/scanjob.h"

#ifdef SHOEBOX_WITH_TORCH
#include "modelsplugin.h"
#endif

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include <atomic>

namespace shoebox::cli {

namespace {

std::atomic<ScanJob*> g_job { nullptr };

void onInterrupt()
{
    if (ScanJob* job = g_job.load())
        job->interrupt(); // atomic stores only: safe in a signal handler
}

// A folder that is not there is a failure, not an empty scan: say so before the library is touched.
QString unreadableFolder(const QList<QByteArray>& roots)
{
    for (const QByteArray& root : roots) {
        const QFileInfo info(QFile::decodeName(root));
        if (!info.exists())
            return QStringLiteral("cannot scan %1: no such folder").arg(info.filePath());
        if (!info.isDir())
            return QStringLiteral("cannot scan %1: not a folder").arg(info.filePath());
        if (!info.isReadable() || !info.isExecutable())
            return QStringLiteral("cannot scan %1: permission denied").arg(info.filePath());
    }
    return QString();
}

void printBar(QTextStream& err, const ScanProgress& p)
{
    const qint64 total = std::max<qint64>(p.found, 1);
    const int width = 30;
    const int filled = int(width * p.done / total);
    const double rate = p.elapsedSeconds > 0 ? p.done / p.elapsedSeconds : 0;
    const qint64 left = rate > 0 ? qint64((p.found - p.done) / rate) : 0;
    err << "\r[" << QString(filled, QLatin1Char('#')) << QString(width - filled, QLatin1Char('.')) << "] " << p.done
        << "/" << p.found << "  " << QString::number(rate, 'f', 1) << " files/s  ~" << left << " s left   ";
    err.flush();
}

QJsonObject summaryJson(const ScanSummary& s)
{
    const ScanProgress& t = s.totals;
    QJsonArray errors;
    for (const QString& e : s.errors)
        errors.append(e);
    return { { QStringLiteral("found"), t.found }, { QStringLiteral("added"), t.added },
        { QStringLiteral("updated"), t.updated }, { QStringLiteral("unchanged"), t.unchanged },
        { QStringLiteral("moved"), t.moved }, { QStringLiteral("failed"), t.failed },
        { QStringLiteral("unsupported"), t.unsupported }, { QStringLiteral("cancelled"), s.cancelled },
        { QStringLiteral("seconds"), t.elapsedSeconds }, { QStringLiteral("problems"), errors } };
}

// The tagging part of the summary: what ran, or why it was skipped (nothing when --no-tags).
struct TaggingReport {
    QJsonObject json;
    QString notice; // for stderr
    QString line; // for stdout
};

TaggingReport taggingReport(const ScanJobResult& r, bool enabled)
{
    TaggingReport t;
    if (!enabled)
        return t;
    if (!r.tagging) {
        t.json = { { QStringLiteral("skipped"), QStringLiteral("built without libtorch") } };
        t.notice = QStringLiteral("tags: skipped (this build has no libtorch)");
    } else if (!r.tagError.isEmpty()) {
        t.json = { { QStringLiteral("skipped"), r.tagError } };
        t.notice = QStringLiteral("tags: skipped: ") + r.tagError;
    } else {
        const TagProgress& p = r.tags;
        t.json = { { QStringLiteral("model"), r.modelId }, { QStringLiteral("photos"), p.done },
            { QStringLiteral("failed"), p.failed }, { QStringLiteral("tags"), p.tags },
            { QStringLiteral("faces"), p.faces }, { QStringLiteral("people_placed"), p.peoplePlaced },
            { QStringLiteral("seconds"), p.elapsedSeconds }, { QStringLiteral("cancelled"), r.tagsCancelled } };
        t.line = QStringLiteral("tagged %1 photos (%2 tags, %3 failed) in %4 s with %5")
                     .arg(p.done)
                     .arg(p.tags)
                     .arg(p.failed)
                     .arg(QString::number(p.elapsedSeconds, 'f', 1), r.modelId);
    }
    return t;
}

TagJob::AnalyzerFactory analyzerFactory(bool enabled, bool faces, const QString& device)
{
#ifdef SHOEBOX_WITH_TORCH
    AnalyzerOptions options;
    options.faces = faces;
    if (enabled)
        return [device, options](
                   QString* error) { return ModelsPlugin::createAnalyzer(device, error, QString(), options); };
#else
    Q_UNUSED(enabled);
    Q_UNUSED(faces);
    Q_UNUSED(device);
#endif
    return {};
}

void showProgress(Context& ctx, ScanJob& job)
{
    if (!ctx.interactive || ctx.json)
        return;
    QTextStream* err = ctx.err;
    QObject::connect(&job, &ScanJob::scanProgress, [err](const ScanProgress& p) { printBar(*err, p); });
    QObject::connect(&job, &ScanJob::scanFinished, [err] { *err << "\n"; });
    // The tagging line is ended once the job is over (see runScan).
    QObject::connect(&job, &ScanJob::tagProgress, [err](const TagProgress& p) {
        *err << "\rtagging " << p.done << "/" << p.total << "   ";
        err->flush();
    });
}

void printSummary(Context& ctx, const ScanJobResult& r, const TaggingReport& tagging)
{
    const ScanSummary& s = r.scan;
    if (ctx.json) {
        QJsonObject o = summaryJson(s);
        o.insert(QStringLiteral("tagging"), tagging.json);
        ctx.printJson(o);
        return;
    }
    const ScanProgress& t = s.totals;
    for (const QString& e : s.errors)
        *ctx.err << "  " << e << "\n";
    *ctx.out << "scanned " << t.found << " files in " << QString::number(t.elapsedSeconds, 'f', 1) << " s: " << t.added
             << " added, " << t.updated << " updated, " << t.moved << " moved, " << t.unchanged << " unchanged, "
             << t.failed << " failed, " << t.unsupported << " unsupported\n";
    if (!tagging.notice.isEmpty())
        *ctx.err << tagging.notice << Qt::endl;
    if (!tagging.line.isEmpty())
        *ctx.out << tagging.line << Qt::endl;
}

int runScan(Context& ctx)
{
    const bool noThumbs = ctx.takeFlag(QStringLiteral("no-thumbnails"));
    const int threads = ctx.takeOption(QStringLiteral("threads"), QStringLiteral("0")).toInt();
    const bool noTags = ctx.takeFlag(QStringLiteral("no-tags"));
    const bool noFaces = ctx.takeFlag(QStringLiteral("no-faces"));
    const QString device = ctx.takeOption(QStringLiteral("device"), QStringLiteral("auto"));
    if (ctx.args.isEmpty())
        return ctx.fail(QStringLiteral("scan needs at least one folder"), ExitUsage);
    QList<QByteArray> roots;
    for (const QString& a : ctx.args)
        roots.append(ctx.pathBytes(a));
    if (const QString why = unreadableFolder(roots); !why.isEmpty())
        return ctx.fail(why);
    if (!ctx.openLibrary())
        return ExitFailure;
    ScanJob job(ctx.libraryPath, analyzerFactory(!noTags, !noFaces, device));
    job.setThreadCount(threads);
    job.setWriteThumbnails(!noThumbs);
    job.setFacesEnabled(!noFaces);
    bool tagLineShown = false;
    QObject::connect(&job, &ScanJob::tagProgress, [&tagLineShown] { tagLineShown = true; });
    showProgress(ctx, job);
    g_job.store(&job);
    setInterruptHook(onInterrupt);
    const ScanJobResult r = job.run(roots);
    setInterruptHook(nullptr);
    g_job.store(nullptr);
    if (ctx.interactive && !ctx.json && tagLineShown)
        *ctx.err << "\n";
    const TaggingReport tagging = taggingReport(r, !noTags);
    printSummary(ctx, r, tagging);
    const bool tagsCancelled = r.tagging && r.tagError.isEmpty() && r.tagsCancelled;
    if (r.scan.cancelled || tagsCancelled)
        return ctx.fail(QStringLiteral("scan interrupted; run the same command again to resume"),
            interrupted() ? interruptExitCode() : int(ExitInterrupted));
    return ExitOk;
}

const Registrar reg({ QStringLiteral("scan"),
    QStringLiteral("scan [--no-thumbnails] [--threads N] [--no-tags] [--no-faces] [--device auto|cpu|cuda] DIR..."),
    runScan,
    { QStringLiteral("Index the photos and videos below the folders, then tag them and find faces with the installed "
                     "models."),
        { { QStringLiteral("--no-thumbnails"), QStringLiteral("do not write thumbnails to the shared cache") },
            { QStringLiteral("--threads N"), QStringLiteral("decode with N threads (default: one per core)") },
            { QStringLiteral("--no-tags"), QStringLiteral("do not tag or find faces (no model is loaded)") },
            { QStringLiteral("--no-faces"), QStringLiteral("tag, but do not look for faces") },
            { QStringLiteral("--device auto|cpu|cuda"), QStringLiteral("where the models run (default: auto)") } },
        QStringLiteral("A rescan looks only at files whose size or time changed, and finds moved files by "
                       "content. Files that cannot be read are listed on stderr and recorded in the library; "
                       "the scan goes on. Ctrl-C stops at a safe point (exit status 130); the same command "
                       "resumes."),
        { QStringLiteral("shoebox-cli scan ~/Pictures"),
            QStringLiteral("shoebox-cli --json scan --no-tags /media/camera") } } });

} // namespace

} // namespace shoebox::cli
