// shoebox-cli duplicates: groups of duplicate photos, moving the extra copies to the trash, undo,
// and the user's verdicts on pairs.

#include "clicommand.h"
#include "duplicates/duplicateactions.h"
#include "duplicates/duplicatefinder.h"
#include "duplicates/duplicatestore.h"

#include <QFileInfo>
#include <QJsonArray>

namespace shoebox::cli {

namespace {

// The members a near group marks to check (DuplicateGroup::toCheck).
QStringList filesToCheck(const DuplicateGroup& g)
{
    QStringList out;
    for (int i = 0; i < g.files.size(); ++i)
        if (g.toCheck.value(i))
            out << g.files[i];
    return out;
}

QJsonObject groupToJson(const DuplicateGroup& g)
{
    QJsonObject out { { QStringLiteral("level"), duplicateLevelName(g.level) },
        { QStringLiteral("files"), QJsonArray::fromStringList(g.files) },
        { QStringLiteral("keep"), g.files.value(g.keeper) }, { QStringLiteral("keepReason"), g.keeperReason },
        { QStringLiteral("reasons"), QJsonArray::fromStringList(g.reasons) } };
    if (g.level == DuplicateLevel::Near)
        out.insert(QStringLiteral("toCheck"), QJsonArray::fromStringList(filesToCheck(g)));
    return out;
}

void printGroup(QTextStream& out, const DuplicateGroup& g, int number)
{
    out << "group " << number << " (" << duplicateLevelName(g.level) << ", " << g.files.size() << " photos)\n";
    for (int i = 0; i < g.files.size(); ++i)
        out << (i == g.keeper ? "  keep  " : g.toCheck.value(i) ? "  check " : "        ") << g.files[i] << "\n";
    out << "  keep because: " << g.keeperReason << "\n";
    if (g.toCheck.contains(true))
        out << "  check: alike only on a search of the thumbnails or on one shared patch; look before trashing\n";
    for (const QString& r : g.reasons)
        out << "  " << r << "\n";
}

int runUndo(Context& ctx)
{
    const UndoResult undo = DuplicateActions(ctx.libraryPath).undoLastTrash();
    if (undo.batchSize == 0 && undo.errors.isEmpty())
        return ctx.fail(QStringLiteral("nothing to undo: no files of Shoebox's are in the trash"));
    if (ctx.json) {
        ctx.printJson({ { QStringLiteral("restored"), undo.restored },
            { QStringLiteral("errors"), QJsonArray::fromStringList(undo.errors) } });
    } else {
        *ctx.out << "restored " << undo.restored << " of " << undo.batchSize << " files\n";
        for (const QString& e : undo.errors)
            *ctx.err << "shoebox-cli: " << e << "\n";
    }
    return undo.errors.isEmpty() ? 0 : 1;
}

// --not-duplicates A B / --keep-all A B...: the verdict is stored by content hash.
int runVerdict(Context& ctx, const QString& verdict)
{
    const VerdictResult r = DuplicateActions(ctx.libraryPath).setVerdict(ctx.args, verdict);
    switch (r.status) {
    case VerdictResult::NotInLibrary:
        return ctx.fail(QStringLiteral("%1 is not in the library (scan it first)").arg(r.file));
    case VerdictResult::TooFewPhotos:
        return ctx.fail(QStringLiteral("give at least two files"), 2);
    case VerdictResult::NotStored:
        return ctx.fail(QStringLiteral("cannot store the verdict (are two of the files identical?)"));
    case VerdictResult::Stored:
        break;
    }
    *ctx.out << "remembered: " << verdict << " for " << r.photos << " photos\n";
    return 0;
}

int trashOthers(Context& ctx, const QList<DuplicateGroup>& groups, bool dryRun, bool alsoToCheck, QJsonArray* moves)
{
    const TrashResult result
        = DuplicateActions(ctx.libraryPath)
              .trashOthers(groups, dryRun ? DuplicateActions::Mode::DryRun : DuplicateActions::Mode::Trash,
                  alsoToCheck ? DuplicateActions::ToCheck::Move : DuplicateActions::ToCheck::Leave);
    for (const TrashMove& m : result.moves) {
        QJsonObject move { { QStringLiteral("file"), m.file }, { QStringLiteral("keep"), m.keep } };
        if (m.leftToCheck) {
            move.insert(QStringLiteral("leftToCheck"), true);
            if (!ctx.json)
                *ctx.out << "left for you to check: " << m.file << "  (beside " << m.keep << ")\n";
        } else if (dryRun) {
            if (!ctx.json)
                *ctx.out << "would move to trash: " << m.file << "  (keeping " << m.keep << ")\n";
        } else if (!m.failed()) {
            move.insert(QStringLiteral("trash"), m.trashPath);
            if (!ctx.json)
                *ctx.out << "moved to trash: " << m.file << "\n";
        } else {
            move.insert(QStringLiteral("error"), m.error);
            *ctx.err << "shoebox-cli: " << m.error << "\n";
        }
        moves->append(move);
    }
    if (!dryRun && !ctx.json && result.movedCount() > 0)
        *ctx.out << "undo with: shoebox-cli duplicates --undo\n";
    if (!ctx.json && result.leftToCheckCount() > 0)
        *ctx.out << "left " << result.leftToCheckCount()
                 << " photos marked check where they are; --include-to-check moves them too\n";
    return result.failedCount();
}

int runDuplicates(Context& ctx)
{
    const QString levelName = ctx.takeOption(QStringLiteral("level"), QStringLiteral("near"));
    const QString folder = ctx.takeOption(QStringLiteral("folder"));
    const bool trash = ctx.takeFlag(QStringLiteral("trash-others"));
    const bool dryRun = ctx.takeFlag(QStringLiteral("dry-run"));
    const bool alsoToCheck = ctx.takeFlag(QStringLiteral("include-to-check"));
    const bool undo = ctx.takeFlag(QStringLiteral("undo"));
    const bool notDuplicates = ctx.takeFlag(QStringLiteral("not-duplicates"));
    const bool keepAll = ctx.takeFlag(QStringLiteral("keep-all"));
    const auto level = duplicateLevelFromName(levelName);
    if (!level)
        return ctx.fail(QStringLiteral("unknown level '%1' (exact, near or similar)").arg(levelName), 2);
    if ((dryRun || alsoToCheck) && !trash)
        return ctx.fail(
            QStringLiteral("--%1 goes with --trash-others").arg(QLatin1String(dryRun ? "dry-run" : "include-to-check")),
            2);
    if (trash && *level == DuplicateLevel::Similar)
        return ctx.fail(QStringLiteral("--trash-others refuses the similar level: those are different photos"), 2);
    if (!ctx.openLibrary())
        return 1;
    if (undo)
        return runUndo(ctx);
    if (notDuplicates || keepAll)
        return runVerdict(ctx, notDuplicates ? DuplicateStore::kNotDuplicates : DuplicateStore::kKeepAll);
    if (!ctx.args.isEmpty())
        return ctx.fail(QStringLiteral("unexpected argument '%1'").arg(ctx.args.first()), 2);
    if (!folder.isEmpty() && !QFileInfo(folder).isDir())
        return ctx.fail(QStringLiteral("%1 is not a folder").arg(folder));

    DuplicateFinder finder(ctx.libraryPath);
    QString error;
    const QList<DuplicateGroup> groups = finder.find(*level, folder, &error);
    if (!error.isEmpty())
        return ctx.fail(QStringLiteral("cannot read the library: %1").arg(error));
    QJsonArray moves;
    const int failures = trash ? trashOthers(ctx, groups, dryRun, alsoToCheck, &moves) : 0;
    if (ctx.json) {
        QJsonArray arr;
        for (const DuplicateGroup& g : groups)
            arr.append(groupToJson(g));
        QJsonObject root { { QStringLiteral("groups"), arr } };
        if (trash)
            root.insert(dryRun ? QStringLiteral("wouldTrash") : QStringLiteral("trashed"), moves);
        ctx.printJson(root);
    } else if (!trash) {
        for (int i = 0; i < groups.size(); ++i)
            printGroup(*ctx.out, groups[i], i + 1);
        const DuplicateStats& s = finder.stats();
        *ctx.out << groups.size() << " groups among " << s.photos << " photos (" << s.candidates.total
                 << " candidate pairs; " << QString::number(s.secondsTotal, 'f', 2) << " s: load "
                 << QString::number(s.secondsLoad, 'f', 2) << ", candidates "
                 << QString::number(s.secondsCandidates, 'f', 2) << ", compare "
                 << QString::number(s.secondsCompare, 'f', 2) << ", group " << QString::number(s.secondsGroup, 'f', 2)
                 << "; " << s.pairsVerified << " pairs checked with the keypoints of " << s.keypointsLoaded
                 << " photos; " << s.pairsReviewed << " looked at closer)\n";
    }
    return failures == 0 ? 0 : 1;
}

const Registrar registrar({ QStringLiteral("duplicates"),
    QStringLiteral(
        "duplicates [--level exact|near|similar] [--folder DIR] "
        "[--trash-others [--dry-run] [--include-to-check]] | --undo | --not-duplicates|--keep-all FILE FILE..."),
    runDuplicates,
    { QStringLiteral("Find groups of duplicate photos, move the extra copies to the trash, or undo that."),
        { { QStringLiteral("--level exact|near|similar"), QStringLiteral("how alike photos must be (default: near)") },
            { QStringLiteral("--folder DIR"), QStringLiteral("only photos below DIR") },
            { QStringLiteral("--trash-others"),
                QStringLiteral("move every copy but the one to keep to the system trash") },
            { QStringLiteral("--dry-run"), QStringLiteral("with --trash-others: say what would move, move nothing") },
            { QStringLiteral("--include-to-check"),
                QStringLiteral("with --trash-others: also move the copies marked check (otherwise they stay)") },
            { QStringLiteral("--undo"), QStringLiteral("put back what the last --trash-others moved") },
            { QStringLiteral("--not-duplicates FILE FILE..."),
                QStringLiteral("remember that these files are different photos") },
            { QStringLiteral("--keep-all FILE FILE..."), QStringLiteral("remember to keep all of these files") } },
        QStringLiteral("Originals are never changed; trashed files go to the system trash and --undo restores them."),
        { QStringLiteral("shoebox-cli duplicates --level exact"),
            QStringLiteral("shoebox-cli duplicates --trash-others --dry-run") } } });

} // namespace

} // namespace shoebox::cli
