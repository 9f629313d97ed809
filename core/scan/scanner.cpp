#include "scan/scanner.h"

#include "catalog/photostore.h"
#include "media/pairingservice.h"
#include "metadata/xmpimporter.h"
#include "scan/filewalker.h"
#include "scan/photoprocessor.h"
#include "scan/scanworkers.h"
#include "tunables.h"

#include <QFile>
#include <QLoggingCategory>
#include <QThread>

#include <opencv2/core/utils/logger.hpp>

#include <algorithm>
#include <sys/stat.h>

Q_LOGGING_CATEGORY(lcScan, "shoebox.core.scan", QtInfoMsg)

namespace shoebox {

namespace {

bool underRoot(const QByteArray& path, const QByteArray& root)
{
    return path.size() > root.size() && path.startsWith(root) && (root.endsWith('/') || path.at(root.size()) == '/');
}

struct Run {
    Scanner* self;
    Scanner::DecodedHook hook;
    PhotoStore store;
    ScanSummary summary;
    QElapsedTimer clock;
    QElapsedTimer lastSignal;
    QList<QPair<QByteArray, qint64>> folders; // root path -> folder id, longest first
    QSet<QByteArray> seen;
    QHash<QByteArray, PhotoStore::KnownFile> known;
    // Ids found again at a new path: their old path is gone, yet they must not be marked missing.
    QSet<qint64> movedIds;
    QSet<QByteArray> offlineRoots {}; // scanned roots found gone: nothing below them is failed or missing
    bool catalogFull = false; // a batch could not be written for want of disk space: the scan stops
    qint64 writeNs = 0; // time spent writing the catalog, for the debug log
    QString library;

    qint64 folderFor(const QByteArray& path) const
    {
        for (const auto& f : folders)
            if (underRoot(path, f.first) || path == f.first)
                return f.second;
        return 0;
    }

    QByteArray rootOf(const QByteArray& path) const
    {
        for (const auto& f : folders)
            if (underRoot(path, f.first) || path == f.first)
                return f.first;
        return {};
    }

    // A root is offline when its folder is gone (a drive's mount folder removed on unplugging), or
    // when it is an empty folder while the catalog knows photos below it (an unmounted mount point):
    // a whole volume's photos are never marked missing or failed because the volume is away.
    bool isOffline(const QByteArray& root, const WalkResult* walk = nullptr)
    {
        if (root.isEmpty() || offlineRoots.contains(root))
            return !root.isEmpty();
        struct stat st { };
        bool gone = ::stat(root.constData(), &st) != 0 || !S_ISDIR(st.st_mode);
        if (!gone && walk) {
            const auto under = [&root](const QByteArray& p) { return underRoot(p, root); };
            const bool nothingFound = std::none_of(
                walk->files.cbegin(), walk->files.cend(), [&under](const FileEntry& f) { return under(f.path); });
            bool knownThere = false;
            for (auto it = known.cbegin(); it != known.cend() && !knownThere; ++it)
                knownThere = it->state != PhotoState::Missing && under(it.key());
            gone = nothingFound && knownThere;
        }
        if (gone) {
            offlineRoots.insert(root);
            summary.offline.append(QFile::decodeName(root));
            summary.errors.append(QFile::decodeName(root)
                + QStringLiteral(": offline (the folder is gone or empty: an unplugged or unmounted drive?); "
                                 "its photos are kept as they were, not marked missing"));
        }
        return gone;
    }

    void emitProgress(bool force)
    {
        ScanProgress& p = summary.totals;
        p.elapsedSeconds = clock.elapsed() / 1000.0;
        if (force || lastSignal.elapsed() >= 100) {
            lastSignal.restart();
            Q_EMIT self->progress(p);
        }
    }

    void registerRoots(const QList<QByteArray>& roots)
    {
        for (const QByteArray& r : roots) {
            QByteArray a = FileWalker::absolute(r);
            while (a.size() > 1 && a.endsWith('/'))
                a.chop(1);
            struct stat st { };
            if (::stat(a.constData(), &st) == 0 && !S_ISDIR(st.st_mode))
                a = a.left(std::max(1, int(a.lastIndexOf('/'))));
            QString why;
            const qint64 id = store.ensureFolder(a, QFile::decodeName(a), &why);
            if (id == 0)
                summary.errors.append(QFile::decodeName(a) + QStringLiteral(": ") + why);
            folders.append({ a, id });
        }
        std::sort(folders.begin(), folders.end(),
            [](const auto& x, const auto& y) { return x.first.size() > y.first.size(); });
    }

    // What one batch did, applied to the totals only once its transaction is committed.
    struct BatchOutcome {
        ScanProgress counts;
        QStringList errors;
        QList<qint64> indexed;
        std::vector<std::pair<qint64, cv::Mat>> decoded;
        QList<XmpImport> xmp; // XMP that is new or changed since the catalog last read it
    };

    // Saves one file inside the batch's transaction; a file the catalog refuses is failed, not added.
    void saveOne(ProcessedPhoto& p, BatchOutcome& out)
    {
        PhotoRecord& r = p.record;
        r.folderId = folderFor(r.path);
        const PhotoStore::KnownFile before = known.value(r.path);
        r.id = before.id;
        const bool moved = r.id == 0 && !r.contentHash.isEmpty() && (r.id = store.movedFrom(r.contentHash, seen)) != 0;
        const bool isNew = r.id == 0;
        QString why;
        ScanProgress& c = out.counts;
        // A read that failed because the drive went away says nothing about the photo: keep its record.
        if (r.state != PhotoState::Ok && r.state != PhotoState::Unsupported && isOffline(rootOf(r.path)))
            return;
        const qint64 id = store.save(r, p.hashes, &why);
        if (id == 0) {
            ++c.failed;
            out.errors.append(r.displayPath + QStringLiteral(": ") + why);
            return;
        }
        c.moved += moved ? 1 : 0;
        if (moved)
            movedIds.insert(id);
        if (r.state == PhotoState::Ok) {
            ++(isNew ? c.added : c.updated);
            out.indexed.append(id);
            if (!p.upright.empty())
                out.decoded.emplace_back(id, p.upright);
            // A moved photo's XMP was applied where it was before; applying it again would undo the
            // user's later changes.
            const bool xmpChanged = !moved
                && (isNew || before.sidecarMtimeNs != r.sidecarMtimeNs || before.size != r.size
                    || before.mtimeNs != r.mtimeNs);
            if (xmpChanged && !p.xmp.isEmpty())
                out.xmp.append({ id, r.displayPath, p.xmp, r.sidecarMtimeNs > 0 ? r.sidecarMtimeNs : r.mtimeNs });
        } else {
            ++(r.state == PhotoState::Unsupported ? c.unsupported : c.failed);
            out.errors.append(r.displayPath + QStringLiteral(": ") + r.error);
        }
    }

    // Writes one batch in one transaction, then hands decoded images to the hook. When the
    // transaction cannot begin or commit nothing of it is kept and every file in it is failed.
    void writeBatch(std::vector<ProcessedPhoto>& batch)
    {
        if (catalogFull)
            batch.clear();
        if (batch.empty())
            return;
        ScanProgress& t = summary.totals;
        QElapsedTimer writeClock;
        writeClock.start();
        BatchOutcome out;
        QString why;
        bool written = store.begin(&why);
        for (ProcessedPhoto& p : batch)
            if (written)
                saveOne(p, out);
        written = written && store.commit(&why);
        if (!written
            && (why.contains(QLatin1String("disk is full")) || why.contains(QLatin1String("disk I/O error")))) {
            // Every later batch would fail the same way: stop, keep what is committed, say why once.
            catalogFull = true;
            summary.errors.append(QStringLiteral("catalog: cannot write (%1); is the disk full? The scan stopped "
                                                 "after %2 files; the next scan carries on from there")
                                      .arg(why)
                                      .arg(summary.totals.done));
            batch.clear();
            return;
        }
        if (!written) {
            out = BatchOutcome();
            out.counts.failed = qint64(batch.size());
            for (const ProcessedPhoto& p : batch)
                out.errors.append(p.record.displayPath + QStringLiteral(": ") + why);
        }
        if (!out.xmp.isEmpty() && !XmpImporter(library).apply(out.xmp, nullptr, &why))
            summary.errors.append(QStringLiteral("cannot apply the XMP of %1 photos: %2").arg(out.xmp.size()).arg(why));
        t.added += out.counts.added;
        t.updated += out.counts.updated;
        t.moved += out.counts.moved;
        t.failed += out.counts.failed;
        t.unsupported += out.counts.unsupported;
        t.done += qint64(batch.size());
        t.current = batch.back().record.displayPath;
        summary.errors += out.errors;
        writeNs += writeClock.nsecsElapsed();
        batch.clear();
        for (qint64 id : out.indexed)
            Q_EMIT self->photoIndexed(id);
        if (hook)
            for (auto& [id, img] : out.decoded)
                hook(id, img);
        emitProgress(false);
    }

    // Photos below the scanned roots that the walk no longer found (and whose folder was readable).
    void markVanished(const WalkResult& walk)
    {
        for (const auto& f : folders)
            isOffline(f.first, &walk);
        QList<qint64> gone;
        for (auto it = known.cbegin(); it != known.cend(); ++it) {
            if (seen.contains(it.key()) || it->state == PhotoState::Missing || movedIds.contains(it->id))
                continue;
            bool below = false;
            for (const auto& f : folders)
                below = below || underRoot(it.key(), f.first);
            for (const QByteArray& bad : walk.unreadableDirs)
                below = below && !underRoot(it.key(), bad);
            below = below && !offlineRoots.contains(rootOf(it.key()));
            struct stat st { };
            if (below && ::stat(it.key().constData(), &st) != 0)
                gone.append(it->id);
        }
        if (gone.isEmpty())
            return;
        QString why;
        const bool begun = store.begin(&why);
        const bool marked = begun && store.markMissing(gone, &why);
        if (begun && !marked)
            store.rollback();
        if (!marked || !store.commit(&why)) // a failed commit has rolled back
            summary.errors.append(
                QStringLiteral("cannot mark %1 vanished photos missing: %2").arg(gone.size()).arg(why));
    }

    // Live Photos and RAW+JPEG pairs are decided again over the scanned folders, from what is now there.
    void pairFolders(const QString& library)
    {
        QList<qint64> ids;
        for (const auto& f : folders)
            if (f.second > 0 && !offlineRoots.contains(f.first))
                ids.append(f.second);
        QString why;
        if (!ids.isEmpty() && PairingService(library).apply(ids, &why) < 0)
            summary.errors.append(QStringLiteral("cannot pair Live Photos and RAW+JPEG: ") + why);
    }
};

// Runs the per-file work on one thread per core, a bounded window ahead of the writer, and writes
// results in batched transactions on this thread as they arrive.
void processAll(Run& run, const std::vector<const FileEntry*>& work, const ProcessOptions& options, int threads,
    int batchSize, const std::atomic_bool& cancel)
{
    const int count = threads > 0 ? threads : QThread::idealThreadCount();
    ScanWorkers workers(work.size(), count, size_t(count) * 4,
        [&work, &options](size_t i) { return PhotoProcessor::process(*work[i], options); });
    std::vector<ProcessedPhoto> batch;
    while (!workers.finished()) {
        if (cancel.load() || run.catalogFull)
            workers.stop();
        for (ProcessedPhoto& p : workers.take(50))
            batch.push_back(std::move(p));
        if (int(batch.size()) >= batchSize || (workers.waiting() == 0 && !batch.empty())
            || run.lastSignal.elapsed() > 500)
            run.writeBatch(batch);
    }
    if (!run.catalogFull)
        run.writeBatch(batch);
}

} // namespace

Scanner::Scanner(QString libraryPath, QObject* parent)
    : QObject(parent)
    , m_path(std::move(libraryPath))
{
    qRegisterMetaType<ScanProgress>();
    qRegisterMetaType<ScanSummary>();
    // Broken files are expected and reported per file: keep the decoders' own chatter off stderr.
    cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_ERROR);
}

ScanSummary Scanner::scan(const QList<QByteArray>& roots)
{
    Run run { this, m_hook, PhotoStore(m_path), {}, {}, {}, {}, {}, {}, {}, {}, false, 0, m_path };
    run.clock.start();
    run.lastSignal.start();
    run.registerRoots(roots);
    run.known = run.store.knownFiles();

    WalkResult walk = FileWalker::walk(roots, &m_cancel);
    run.summary.errors += walk.problems;
    ScanProgress& t = run.summary.totals;
    t.found = qint64(walk.files.size());
    t.walking = false;

    std::vector<const FileEntry*> work;
    for (const FileEntry& f : walk.files) {
        run.seen.insert(f.path);
        const auto k = run.known.constFind(f.path);
        if (k != run.known.cend() && k->size == f.size && k->mtimeNs == f.mtimeNs && k->state != PhotoState::Missing
            && k->signalsComplete && k->sidecarMtimeNs == f.sidecarMtimeNs) {
            ++t.unchanged;
            ++t.done;
        } else {
            work.push_back(&f);
        }
    }
    run.emitProgress(true);
    ProcessOptions options;
    options.thumbnails = m_thumbnails;
    options.keepImage = bool(m_hook);
    options.minLongSide = m_hook ? tunables::kMinDecodeLongSideForTagging : tunables::kMinDecodeLongSide;
    processAll(run, work, options, m_threads, m_batch > 0 ? m_batch : tunables::kScanBatch, m_cancel);
    if (!m_cancel.load() && !run.catalogFull)
        run.markVanished(walk);
    if (!run.catalogFull)
        run.pairFolders(m_path);
    // Cleared when a scan ends, not when it starts: a cancel that arrives before the worker thread
    // reaches scan() (a user clicking Cancel at once) must still stop it.
    run.summary.cancelled = m_cancel.exchange(false);
    qCDebug(lcScan) << "scan:" << t.found << "files," << work.size() << "processed in" << t.elapsedSeconds
                    << "s, catalog writes" << run.writeNs / 1e9 << "s";
    run.emitProgress(true);
    Q_EMIT finished(run.summary);
    return run.summary;
}

} // namespace shoebox
