// shoebox-cli backup DEST | backup list DEST | backup verify DEST [--sample P%|--full] [--budget S] |
// backup restore DEST [--snapshot ID] [--to DIR] [--album NAME] [--no-catalog] [PATH...]: the backup engine in
// core/backup, the same one File -> Back Up... runs.

#include "backup/backupengine.h"
#include "backup/backuprepository.h"
#include "backup/backuprestorer.h"
#include "backup/backupverifier.h"
#include "cli_restic.h"
#include "clicommand.h"

#include <QJsonArray>
#include <QLocale>

#include <atomic>
#include <csignal>

namespace shoebox::cli {

namespace {

std::atomic<BackupEngine*> g_engine { nullptr };

QJsonArray toArray(const QStringList& list)
{
    return QJsonArray::fromStringList(list);
}

int printBackup(Context& ctx, const BackupReport& r)
{
    if (ctx.json) {
        ctx.printJson({ { QStringLiteral("snapshot"), r.snapshot.toJson() },
            { QStringLiteral("skipped"), toArray(r.skipped) }, { QStringLiteral("warnings"), toArray(r.warnings) },
            { QStringLiteral("repaired"), r.repaired }, { QStringLiteral("removed_snapshots"), r.removedSnapshots },
            { QStringLiteral("pruned_objects"), r.prunedObjects } });
    } else {
        const SnapshotInfo& s = r.snapshot;
        *ctx.out << "snapshot " << s.id << ": " << s.files << " files, " << megabytes(s.bytes) << "; copied "
                 << s.newObjects << " new (" << megabytes(s.newBytes) << "), " << s.added << " added, " << s.removed
                 << " removed since the previous snapshot\n";
        if (r.repaired)
            *ctx.out << "repaired " << r.repaired << " damaged object(s) from the library\n";
        if (r.removedSnapshots || r.prunedObjects)
            *ctx.out << "retention removed " << r.removedSnapshots << " snapshot(s), " << r.prunedObjects
                     << " object(s)\n";
        for (const QString& w : r.warnings)
            *ctx.out << "warning: " << w << "\n";
        for (const QString& line : r.skipped)
            *ctx.out << "skipped: " << line << "\n";
    }
    return r.skipped.isEmpty() ? ExitOk : ExitFailure;
}

int runBackUp(Context& ctx)
{
    BackupOptions options;
    if (!ctx.takeCount(QStringLiteral("keep-daily"), &options.retention.daily)
        || !ctx.takeCount(QStringLiteral("keep-weekly"), &options.retention.weekly)
        || !ctx.takeCount(QStringLiteral("keep-monthly"), &options.retention.monthly))
        return ctx.fail(QStringLiteral("--keep-daily/--keep-weekly/--keep-monthly take a number"), ExitUsage);
    if (ctx.args.size() != 1)
        return ctx.fail(QStringLiteral("usage: backup DEST"), ExitUsage);
    if (!ctx.openLibrary())
        return ExitFailure;
    options.libraryPath = ctx.libraryPath;
    options.destination = ctx.args.first();
    // A file-size limit (ulimit -f) must read as "destination full", not kill the process.
    std::signal(SIGXFSZ, SIG_IGN);
    BackupEngine engine(options);
    if (ctx.interactive && !ctx.json) {
        engine.setProgressHandler([&ctx](const BackupProgress& p) {
            *ctx.err << "\r" << p.files << "/" << p.totalFiles << " files, " << megabytes(p.bytes) << " of "
                     << megabytes(p.totalBytes) << "   ";
            ctx.err->flush();
        });
    }
    g_engine.store(&engine);
    setInterruptHook([] {
        if (BackupEngine* e = g_engine.load())
            e->cancel();
    });
    const BackupReport report = engine.run();
    setInterruptHook(nullptr);
    g_engine.store(nullptr);
    if (ctx.interactive && !ctx.json)
        *ctx.err << "\n";
    if (report.cancelled)
        return ctx.fail(report.error, interrupted() ? interruptExitCode() : ExitFailure);
    if (!report.ok())
        return ctx.fail(report.error);
    return printBackup(ctx, report);
}

int runList(Context& ctx)
{
    if (ctx.args.size() != 1)
        return ctx.fail(QStringLiteral("usage: backup list DEST"), ExitUsage);
    BackupRepository repo(ctx.args.first());
    if (const IoResult r = repo.open(false); !r.ok())
        return ctx.fail(r.reason);
    const QList<SnapshotInfo> snapshots = repo.snapshots();
    QJsonArray list;
    for (const SnapshotInfo& s : snapshots) {
        list.append(s.toJson());
        if (!ctx.json)
            *ctx.out << s.id << "  " << s.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) << "  "
                     << s.files << " files  " << megabytes(s.bytes) << "  +" << s.added << " -" << s.removed << "\n";
    }
    if (ctx.json)
        ctx.printJson({ { QStringLiteral("snapshots"), list } });
    else if (snapshots.isEmpty())
        *ctx.out << "no snapshots yet\n";
    return ExitOk;
}

int printVerify(Context& ctx, const VerifyReport& r)
{
    QJsonArray problems;
    for (const VerifyProblem& p : r.problems) {
        problems.append(QJsonObject { { QStringLiteral("file"), p.file }, { QStringLiteral("snapshot"), p.snapshot },
            { QStringLiteral("hash"), p.hash },
            { QStringLiteral("problem"), p.missing ? QStringLiteral("missing") : QStringLiteral("damaged") } });
        if (!ctx.json)
            *ctx.out << (p.missing ? "missing: " : "damaged: ") << p.file << " (snapshot " << p.snapshot << ")\n";
    }
    for (const QString& p : r.snapshotProblems)
        if (!ctx.json)
            *ctx.out << "problem: " << p << "\n";
    if (ctx.json) {
        ctx.printJson({ { QStringLiteral("snapshots"), r.snapshots }, { QStringLiteral("objects"), r.objects },
            { QStringLiteral("checked"), r.checked }, { QStringLiteral("bytes_checked"), r.bytesChecked },
            { QStringLiteral("budget_exhausted"), r.budgetExhausted }, { QStringLiteral("problems"), problems },
            { QStringLiteral("snapshot_problems"), toArray(r.snapshotProblems) } });
    } else {
        *ctx.out
            << "checked " << r.checked << " of " << r.objects << " objects (" << megabytes(r.bytesChecked) << ") in "
            << r.snapshots << " snapshot(s)" << (r.budgetExhausted ? "; the time budget ran out" : "") << ": "
            << (r.ok() ? "all good"
                       : "problems found; the next backup re-copies damaged files that are still good in the library")
            << "\n";
    }
    return r.ok() ? ExitOk : ExitFailure;
}

int runVerify(Context& ctx)
{
    VerifyOptions options;
    const bool full = ctx.takeFlag(QStringLiteral("full"));
    QString sample = ctx.takeOption(QStringLiteral("sample"));
    const QString budget = ctx.takeOption(QStringLiteral("budget"));
    bool ok = true;
    if (!sample.isEmpty()) {
        sample.remove(QLatin1Char('%'));
        options.samplePercent = sample.toDouble(&ok);
        ok = ok && options.samplePercent > 0 && options.samplePercent <= 100 && !full;
    } else if (!full) {
        options.samplePercent = 10; // the default: a tenth, a different tenth each time
    }
    if (ok && !budget.isEmpty())
        options.budgetSeconds = budget.toInt(&ok);
    if (!ok || ctx.args.size() != 1)
        return ctx.fail(QStringLiteral("usage: backup verify DEST [--sample P%|--full] [--budget SECONDS]"), ExitUsage);
    options.destination = ctx.args.first();
    const VerifyReport report = BackupVerifier(options).run();
    if (report.failure != IoFailure::None)
        return ctx.fail(report.error);
    return printVerify(ctx, report);
}

int runRestore(Context& ctx)
{
    RestoreOptions options;
    options.snapshotId = ctx.takeOption(QStringLiteral("snapshot"));
    options.targetDir = ctx.takeOption(QStringLiteral("to"));
    options.album = ctx.takeOption(QStringLiteral("album"));
    options.catalog = !ctx.takeFlag(QStringLiteral("no-catalog"));
    if (ctx.args.isEmpty())
        return ctx.fail(
            QStringLiteral(
                "usage: backup restore DEST [--snapshot ID] [--to DIR] [--album NAME] [--no-catalog] [PATH...]"),
            ExitUsage);
    options.destination = ctx.args.takeFirst();
    options.paths = ctx.args;
    options.libraryPath = ctx.libraryPath;
    const RestoreReport r = BackupRestorer(options).run();
    if (r.failure != IoFailure::None)
        return ctx.fail(r.error);
    if (ctx.json) {
        ctx.printJson({ { QStringLiteral("snapshot"), r.snapshotId }, { QStringLiteral("restored"), r.restored },
            { QStringLiteral("already_there"), r.alreadyThere }, { QStringLiteral("renamed"), r.renamed },
            { QStringLiteral("problems"), toArray(r.problems) },
            { QStringLiteral("catalog_restored"), r.catalogRestored },
            { QStringLiteral("previous_library"), r.previousLibrary } });
    } else {
        *ctx.out << "snapshot " << r.snapshotId << ": restored " << r.restored << " file(s)";
        if (r.renamed)
            *ctx.out << " (" << r.renamed << " under a \"(restored)\" name beside a different file)";
        *ctx.out << ", " << r.alreadyThere << " already in place\n";
        if (r.catalogRestored)
            *ctx.out << "catalog restored to " << ctx.libraryPath
                     << (r.previousLibrary.isEmpty()
                                ? QString()
                                : QStringLiteral("; the previous one is kept as %1").arg(r.previousLibrary))
                     << "\n";
        for (const QString& p : r.problems)
            *ctx.out << "problem: " << p << "\n";
    }
    return r.ok() ? ExitOk : ExitFailure;
}

int runBackup(Context& ctx)
{
    if (const QString restic = ctx.takeOption(QStringLiteral("restic")); !restic.isEmpty())
        return runRestic(ctx, restic);
    const QString sub = ctx.args.value(0);
    if (sub == QLatin1String("list") || sub == QLatin1String("verify") || sub == QLatin1String("restore")) {
        ctx.args.removeFirst();
        return sub == QLatin1String("list")  ? runList(ctx)
            : sub == QLatin1String("verify") ? runVerify(ctx)
                                             : runRestore(ctx);
    }
    return runBackUp(ctx);
}

const Registrar reg({ QStringLiteral("backup"),
    QStringLiteral(
        "backup DEST | backup list DEST | backup verify DEST [--sample P%|--full] | backup restore DEST [PATH...] | "
        "backup [list|verify|restore] --restic REPO [--password-file FILE]"),
    runBackup,
    { QStringLiteral("Back up the library's photos and catalog to a folder or a restic repository, list, verify and "
                     "restore snapshots."),
        { { QStringLiteral("--keep-daily N"), QStringLiteral("snapshots kept, one per day (default 7)") },
            { QStringLiteral("--keep-weekly N"), QStringLiteral("snapshots kept, one per week (default 4)") },
            { QStringLiteral("--keep-monthly N"), QStringLiteral("snapshots kept, one per month (default 12)") },
            { QStringLiteral("--sample P%"),
                QStringLiteral("verify: re-hash a random P% of the objects (default 10%)") },
            { QStringLiteral("--full"), QStringLiteral("verify: re-hash every object") },
            { QStringLiteral("--budget SECONDS"), QStringLiteral("verify: stop after this long") },
            { QStringLiteral("--snapshot ID"), QStringLiteral("restore: this snapshot instead of the newest") },
            { QStringLiteral("--to DIR"), QStringLiteral("restore: under DIR instead of the original places") },
            { QStringLiteral("--album NAME"),
                QStringLiteral("restore: only this album's photos (and its sub-albums'), as the snapshot had it") },
            { QStringLiteral("--no-catalog"), QStringLiteral("restore: files only, leave the library as it is") },
            { QStringLiteral("--restic REPO"),
                QStringLiteral("use a restic repository (a folder, sftp:..., rest:..., s3:...) instead of DEST") },
            { QStringLiteral("--password-file FILE"),
                QStringLiteral("with --restic: the repository's password file (else restic's RESTIC_PASSWORD_FILE)") },
            { QStringLiteral("--json"), QStringLiteral("print the result as JSON") } },
        QStringLiteral(
            "Each run is a snapshot: the catalog first, then each file once by content hash (a moved or "
            "renamed photo costs nothing), every copy re-read and checked before the snapshot is sealed. "
            "DEST/snapshots/ID/files holds the photos under their own paths (hard links), "
            "manifest.tsv lists them, catalog.db is the catalog.\n\n"
            "restore never overwrites a different file: it writes \"name (restored).jpg\" beside it. "
            "Restoring a whole snapshot also restores its catalog as the library (the previous library "
            "is kept beside it) and points the photos at the restored files; with PATHs, only those "
            "files are restored; with --album, only that album's photos (the library's catalog is left as it is).\n\n"
            "With --restic REPO the snapshots go to a restic repository instead (restic must be installed): each "
            "run backs up the library's folders and a copy of its catalog, tagged with the library, then "
            "applies the same retention (restic forget --prune). verify runs restic check, reading back the "
            "sample; restore needs --to DIR and puts each file at DIR/its original path, never over a "
            "different file."),
        { QStringLiteral("shoebox-cli backup /media/usb/shoebox"),
            QStringLiteral("shoebox-cli backup verify /media/usb/shoebox --full"),
            QStringLiteral("shoebox-cli backup restore /media/usb/shoebox --to ~/Restored Pictures/2024"),
            QStringLiteral("shoebox-cli backup restore /media/usb/shoebox --album \"Travel / 2024\" --to ~/Restored"),
            QStringLiteral("shoebox-cli backup --restic sftp:nas:/srv/restic --password-file ~/.config/restic-pw"),
            QStringLiteral(
                "shoebox-cli backup restore --restic sftp:nas:/srv/restic --password-file ~/.config/restic-pw "
                "--to ~/Restored") } } });

} // namespace

} // namespace shoebox::cli
