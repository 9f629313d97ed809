// shoebox-cli backup --restic REPO [--password-file F] | backup list --restic REPO |
// backup verify --restic REPO [--sample P%|--full] | backup restore --restic REPO --to DIR [--snapshot ID] [PATH...]:
// the restic destination (core/backup/resticbackup.h), the same one File -> Back Up... runs.

#include "cli_restic.h"

#include "backup/resticbackup.h"

#include <QJsonArray>
#include <QLocale>

#include <atomic>
#include <csignal>

namespace shoebox::cli {

namespace {

std::atomic<ResticBackup*> g_restic { nullptr };

// Runs step with Ctrl+C cancelling restic (which then removes its lock).
template <typename Step> auto interruptible(ResticBackup& restic, Step step)
{
    g_restic.store(&restic);
    setInterruptHook([] {
        if (ResticBackup* r = g_restic.load())
            r->cancel();
    });
    auto result = step();
    setInterruptHook(nullptr);
    g_restic.store(nullptr);
    return result;
}

int backUp(Context& ctx, ResticBackup& restic)
{
    RetentionPolicy retention;
    if (!ctx.takeCount(QStringLiteral("keep-daily"), &retention.daily)
        || !ctx.takeCount(QStringLiteral("keep-weekly"), &retention.weekly)
        || !ctx.takeCount(QStringLiteral("keep-monthly"), &retention.monthly))
        return ctx.fail(QStringLiteral("--keep-daily/--keep-weekly/--keep-monthly take a number"), ExitUsage);
    if (!ctx.args.isEmpty())
        return ctx.fail(QStringLiteral("usage: backup --restic REPO [--password-file FILE]"), ExitUsage);
    if (!ctx.openLibrary())
        return ExitFailure;
    if (ctx.interactive && !ctx.json) {
        restic.setProgressHandler([&ctx](const BackupProgress& p) {
            *ctx.err << "\r" << p.files << "/" << p.totalFiles << " files, " << megabytes(p.bytes) << " of "
                     << megabytes(p.totalBytes) << "   ";
            ctx.err->flush();
        });
    }
    const BackupReport r = interruptible(restic, [&] { return restic.backUp(ctx.libraryPath, retention); });
    if (ctx.interactive && !ctx.json)
        *ctx.err << "\n";
    if (r.cancelled)
        return ctx.fail(r.error, interrupted() ? interruptExitCode() : ExitFailure);
    if (!r.ok())
        return ctx.fail(r.error);
    if (ctx.json) {
        ctx.printJson({ { QStringLiteral("snapshot"), r.snapshot.toJson() },
            { QStringLiteral("skipped"), QJsonArray::fromStringList(r.skipped) },
            { QStringLiteral("warnings"), QJsonArray::fromStringList(r.warnings) },
            { QStringLiteral("removed_snapshots"), r.removedSnapshots } });
    } else {
        *ctx.out << "restic snapshot " << r.snapshot.id << ": " << r.snapshot.files << " files, "
                 << megabytes(r.snapshot.bytes) << "; " << r.snapshot.newObjects << " new or changed, "
                 << megabytes(r.snapshot.newBytes) << " added to the repository\n";
        if (r.removedSnapshots)
            *ctx.out << "retention removed " << r.removedSnapshots << " snapshot(s)\n";
        for (const QString& w : r.warnings)
            *ctx.out << "warning: " << w << "\n";
        for (const QString& line : r.skipped)
            *ctx.out << "skipped: " << line << "\n";
    }
    return r.skipped.isEmpty() ? ExitOk : ExitFailure;
}

int list(Context& ctx, ResticBackup& restic)
{
    if (!ctx.args.isEmpty())
        return ctx.fail(QStringLiteral("usage: backup list --restic REPO"), ExitUsage);
    QList<ResticSnapshot> snapshots;
    QString error;
    if (!restic.snapshots(ctx.libraryPath, &snapshots, &error))
        return ctx.fail(error);
    QJsonArray array;
    for (const ResticSnapshot& s : snapshots) {
        array.append(
            QJsonObject { { QStringLiteral("id"), s.id }, { QStringLiteral("time"), s.time.toString(Qt::ISODate) },
                { QStringLiteral("host"), s.host }, { QStringLiteral("paths"), QJsonArray::fromStringList(s.paths) },
                { QStringLiteral("this_library"), s.thisLibrary } });
        if (!ctx.json)
            *ctx.out << (s.thisLibrary ? "* " : "  ") << s.id << "  "
                     << s.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) << "  " << s.host << "  "
                     << s.paths.join(QLatin1String(", ")) << "\n";
    }
    if (ctx.json)
        ctx.printJson({ { QStringLiteral("snapshots"), array } });
    else if (snapshots.isEmpty())
        *ctx.out << "no Shoebox snapshots in the repository yet\n";
    else
        *ctx.out << "(* this library's)\n";
    return ExitOk;
}

int verify(Context& ctx, ResticBackup& restic)
{
    const bool full = ctx.takeFlag(QStringLiteral("full"));
    QString sample = ctx.takeOption(QStringLiteral("sample"), QStringLiteral("10"));
    bool ok = true;
    const double percent = full ? 100 : sample.remove(QLatin1Char('%')).toDouble(&ok);
    if (!ok || percent <= 0 || percent > 100 || !ctx.args.isEmpty())
        return ctx.fail(QStringLiteral("usage: backup verify --restic REPO [--sample P%|--full]"), ExitUsage);
    const VerifyReport r = interruptible(restic, [&] { return restic.verify(percent); });
    if (r.failure != IoFailure::None)
        return ctx.fail(r.error);
    if (ctx.json)
        ctx.printJson({ { QStringLiteral("read_percent"), percent },
            { QStringLiteral("problems"), QJsonArray::fromStringList(r.snapshotProblems) } });
    else if (r.ok())
        *ctx.out << "restic check read " << percent << "% of the data: no errors were found\n";
    for (const QString& p : r.snapshotProblems)
        if (!ctx.json)
            *ctx.out << "problem: " << p << "\n";
    return r.ok() ? ExitOk : ExitFailure;
}

int restore(Context& ctx, ResticBackup& restic)
{
    const QString snapshot = ctx.takeOption(QStringLiteral("snapshot"));
    const QString to = ctx.takeOption(QStringLiteral("to"));
    if (to.isEmpty())
        return ctx.fail(
            QStringLiteral("usage: backup restore --restic REPO --to DIR [--snapshot ID] [PATH...] (restic restores "
                           "under a folder; each file keeps its original path below it)"),
            ExitUsage);
    const RestoreReport r
        = interruptible(restic, [&] { return restic.restore(ctx.libraryPath, snapshot, to, ctx.args); });
    if (r.failure != IoFailure::None)
        return ctx.fail(r.error);
    if (ctx.json) {
        ctx.printJson({ { QStringLiteral("snapshot"), r.snapshotId }, { QStringLiteral("restored"), r.restored },
            { QStringLiteral("already_there"), r.alreadyThere }, { QStringLiteral("renamed"), r.renamed },
            { QStringLiteral("problems"), QJsonArray::fromStringList(r.problems) },
            { QStringLiteral("catalog"), r.catalogFile } });
    } else {
        *ctx.out << "restic snapshot " << r.snapshotId << ": restored " << r.restored << " file(s) under " << to;
        if (r.renamed)
            *ctx.out << " (" << r.renamed << " under a \"(restored)\" name beside a different file)";
        *ctx.out << ", " << r.alreadyThere << " already in place\n";
        if (!r.catalogFile.isEmpty())
            *ctx.out << "the snapshot's catalog is " << r.catalogFile
                     << "; to make it this library's (the current one is kept aside): shoebox-cli library restore \""
                     << r.catalogFile << "\", then scan the restored folders (photos are found by content)\n";
        for (const QString& p : r.problems)
            *ctx.out << "problem: " << p << "\n";
    }
    return r.ok() ? ExitOk : ExitFailure;
}

} // namespace

int runRestic(Context& ctx, const QString& repository)
{
    ResticTarget target;
    target.repository = repository;
    target.passwordFile = ctx.takeOption(QStringLiteral("password-file"));
    ResticBackup restic(target);
    const QString sub = ctx.args.value(0);
    if (sub == QLatin1String("list") || sub == QLatin1String("verify") || sub == QLatin1String("restore"))
        ctx.args.removeFirst();
    return sub == QLatin1String("list")   ? list(ctx, restic)
        : sub == QLatin1String("verify")  ? verify(ctx, restic)
        : sub == QLatin1String("restore") ? restore(ctx, restic)
                                          : backUp(ctx, restic);
}

} // namespace shoebox::cli
