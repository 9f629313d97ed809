// shoebox-cli similar FILE: photos of the library that look like FILE, best first.

#include "clicommand.h"
#include "search/similarsearch.h"

#include <QFileInfo>
#include <QJsonArray>

namespace shoebox::cli {

namespace {

int runSimilar(Context& ctx)
{
    bool ok = true;
    const int limit = ctx.takeOption(QStringLiteral("limit"), QStringLiteral("20")).toInt(&ok);
    if (!ok || limit <= 0)
        return ctx.fail(QStringLiteral("--limit needs a positive number"), 2);
    if (ctx.args.size() != 1)
        return ctx.fail(QStringLiteral("similar needs exactly one FILE"), 2);
    const QString file = QFileInfo(ctx.args.first()).absoluteFilePath();
    if (!QFileInfo(file).isFile())
        return ctx.fail(QStringLiteral("%1: no such file").arg(file));
    if (!ctx.openLibrary())
        return 1;
    const SimilarSearchResult result = SimilarSearch(ctx.libraryPath).run(0, file, limit);
    if (result.status == SimilarSearchResult::LibraryUnreadable)
        return ctx.fail(QStringLiteral("cannot read the library: %1").arg(result.error));
    if (!result.ok())
        return ctx.fail(result.error);
    const QList<SimilarMatch>& matches = result.matches;
    if (ctx.json) {
        QJsonArray arr;
        for (const SimilarMatch& m : matches)
            arr.append(QJsonObject { { QStringLiteral("file"), m.path },
                { QStringLiteral("level"), duplicateLevelName(m.level) }, { QStringLiteral("score"), m.score },
                { QStringLiteral("reasons"), QJsonArray::fromStringList(m.reasons) } });
        ctx.printJson({ { QStringLiteral("file"), file }, { QStringLiteral("similar"), arr } });
        return 0;
    }
    for (const SimilarMatch& m : matches)
        *ctx.out << QString::number(m.score, 'f', 3) << "  " << duplicateLevelName(m.level).leftJustified(8) << m.path
                 << "\n";
    if (matches.isEmpty())
        *ctx.out << "no similar photos in the library\n";
    return 0;
}

const Registrar registrar({ QStringLiteral("similar"), QStringLiteral("similar [--limit N] FILE"), runSimilar,
    { QStringLiteral("Find the photos that look like FILE (which need not be in the library)."),
        { { QStringLiteral("--limit N"), QStringLiteral("at most N photos (default 20)") } }, QString(),
        { QStringLiteral("shoebox-cli similar --limit 5 beach.jpg") } } });

} // namespace

} // namespace shoebox::cli
