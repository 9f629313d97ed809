// shoebox-cli search QUERY...: photos whose tags (in any language), file name, capture date or camera
// match every term, newest first.

#include "catalog/photostore.h"
#include "clicommand.h"
#include "clijson.h"
#include "search/searchengine.h"

#include <QJsonArray>

namespace shoebox::cli {

namespace {

int runSearch(Context& ctx)
{
    const QString query = ctx.args.join(QLatin1Char(' ')).trimmed();
    if (query.isEmpty())
        return ctx.fail(
            QStringLiteral("usage: search QUERY (tag names in any language, 2019, 2019-05, camera:X, name:X)"), 2);
    if (!ctx.openLibrary())
        return 1;
    QString error;
    const QVector<qint64> ids = SearchEngine(ctx.libraryPath).search(query, &error);
    if (!error.isEmpty())
        return ctx.fail(QStringLiteral("cannot read the library: %1").arg(error));
    PhotoStore photos(ctx.libraryPath);
    QJsonArray list;
    for (qint64 id : ids) {
        const auto r = photos.photoById(id);
        if (!r)
            continue;
        if (ctx.json)
            list.append(photoToJson(*r, false));
        else
            *ctx.out << r->displayPath << "\n";
    }
    if (ctx.json)
        ctx.printJson(QJsonObject { { QStringLiteral("query"), query }, { QStringLiteral("photos"), list } });
    ctx.out->flush();
    return 0;
}

const Registrar reg({ QStringLiteral("search"), QStringLiteral("search QUERY"), runSearch,
    { QStringLiteral("Find the photos that match every term, newest first."), {},
        QStringLiteral("Terms: tag names in any language, words of file names, 2019 or 2019-07 for a capture date, "
                       "camera:X, name:X."),
        { QStringLiteral("shoebox-cli search dog 2019"), QStringLiteral("shoebox-cli search camera:canon") } } });

} // namespace

} // namespace shoebox::cli
