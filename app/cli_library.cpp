// shoebox-cli library check | library backup FILE | library restore FILE | library backups: the
// catalog's own safety (core/catalog/catalogbackups), apart from the photo backups of `backup`.

#include "catalog/catalogbackups.h"
#include "clicommand.h"

#include <QFileInfo>
#include <QJsonArray>

namespace shoebox::cli {

namespace {

int runCheck(Context& ctx)
{
    QStringList problems;
    QString error;
    if (!CatalogBackups::check(ctx.libraryPath, &problems, &error)) {
        const QString advice = CatalogBackups::recoveryAdvice(ctx.libraryPath);
        return ctx.fail(advice.isEmpty() ? error : advice);
    }
    QStringList vanished;
    if (problems.isEmpty() && ctx.openLibrary())
        vanished = CatalogBackups::vanishedFiles(ctx.libraryPath, &error);
    if (!error.isEmpty())
        problems << error;
    if (ctx.json) {
        ctx.printJson({ { QStringLiteral("ok"), problems.isEmpty() && vanished.isEmpty() },
            { QStringLiteral("problems"), QJsonArray::fromStringList(problems) },
            { QStringLiteral("vanished"), QJsonArray::fromStringList(vanished) } });
    } else {
        for (const QString& p : problems)
            *ctx.out << "problem: " << p << "\n";
        for (const QString& v : vanished)
            *ctx.out << "vanished: " << v << "\n";
        *ctx.out << (problems.isEmpty() ? "catalog integrity and foreign keys: ok" : "catalog: damaged") << "; "
                 << vanished.size() << " photo file(s) gone from disk\n";
        if (!problems.isEmpty()) {
            const QString backup = CatalogBackups::latestGood(ctx.libraryPath);
            if (!backup.isEmpty())
                *ctx.out << "the latest good backup is " << backup << ": shoebox-cli library restore " << backup
                         << "\n";
        }
    }
    return problems.isEmpty() && vanished.isEmpty() ? ExitOk : ExitFailure;
}

int runLibrary(Context& ctx)
{
    const QString sub = ctx.args.value(0);
    const QString file = ctx.args.value(1);
    if (sub == QLatin1String("check") && ctx.args.size() == 1)
        return runCheck(ctx);
    if (sub == QLatin1String("backups") && ctx.args.size() == 1) {
        const QStringList all = CatalogBackups::list(ctx.libraryPath);
        if (ctx.json)
            ctx.printJson({ { QStringLiteral("backups"), QJsonArray::fromStringList(all) } });
        for (const QString& f : all)
            if (!ctx.json)
                *ctx.out << f << "\n";
        return ExitOk;
    }
    QString error;
    if (sub == QLatin1String("backup") && ctx.args.size() == 2) {
        if (QFileInfo::exists(file))
            return ctx.fail(QStringLiteral("%1 exists; choose a new file name").arg(file));
        if (!ctx.openLibrary())
            return ExitFailure;
        if (!CatalogBackups::copyTo(ctx.libraryPath, file, &error))
            return ctx.fail(error);
        *ctx.err << "shoebox-cli: catalog copied to " << file << "\n";
        return ExitOk;
    }
    if (sub == QLatin1String("restore") && ctx.args.size() == 2) {
        QString aside;
        if (!CatalogBackups::restore(ctx.libraryPath, file, &aside, &error))
            return ctx.fail(error);
        *ctx.err << "shoebox-cli: library restored from " << file
                 << (aside.isEmpty() ? QString() : QStringLiteral("; the previous file is kept as %1").arg(aside))
                 << "\n";
        return ctx.openLibrary() ? ExitOk : ExitFailure;
    }
    return ctx.fail(
        QStringLiteral("usage: library check | library backup FILE | library restore FILE | library backups"),
        ExitUsage);
}

const Registrar reg({ QStringLiteral("library"),
    QStringLiteral("library check | library backup FILE | library restore FILE | library backups"), runLibrary,
    { QStringLiteral("Check the catalog, copy it to a file, or replace it with a copy."),
        { { QStringLiteral("--json"), QStringLiteral("print the result as JSON") } },
        QStringLiteral(
            "check runs SQLite's integrity and foreign-key checks and lists photos whose files are gone. "
            "backup writes a consistent copy while Shoebox runs. restore checks the copy, keeps the current "
            "file aside (library.db.replaced-TIME, or .corrupt-TIME when it is damaged) and puts the copy in "
            "its place. Shoebox also keeps 7 rotating copies in catalog-backups/ beside the library: one "
            "before every schema upgrade and one a day while the app runs; backups lists them."),
        { QStringLiteral("shoebox-cli library check"), QStringLiteral("shoebox-cli library backup ~/catalog.db") } } });

} // namespace

} // namespace shoebox::cli
