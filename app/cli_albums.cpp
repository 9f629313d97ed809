// shoebox-cli albums [--json]: the albums as a tree with their photo counts.
// shoebox-cli album create NAME [--smart QUERY | --from-search QUERY] [--description TEXT]
//             album add|remove NAME FILE... | album show NAME | album rename NAME NEW | album delete NAME
// NAME is an album's path ("Travel / 2024 / Japan"); create makes the missing parents. --smart saves
// the query (the album stays current); --from-search fills a plain album with today's results.

#include "albums/albumstore.h"
#include "albums/organizer.h"
#include "catalog/photostore.h"
#include "clicommand.h"
#include "clijson.h"
#include "cliphotos.h"
#include "search/searchengine.h"

#include <QJsonArray>

namespace shoebox::cli {

namespace {

const QString kUsage = QStringLiteral(
    "album create NAME [--smart Q | --from-search Q] [--description D] | album add|remove NAME FILE... |"
    " album show NAME | album rename NAME NEW | album delete NAME");

int runAlbums(Context& ctx)
{
    if (!ctx.args.isEmpty())
        return ctx.fail(QStringLiteral("usage: albums [--json]"), 2);
    if (!ctx.openLibrary())
        return 1;
    QString error;
    const QList<AlbumRecord> albums = AlbumStore(ctx.libraryPath).albums(&error);
    if (!error.isEmpty())
        return ctx.fail(QStringLiteral("cannot read albums: %1").arg(error));
    const SearchEngine engine(ctx.libraryPath);
    QJsonArray list;
    for (const AlbumRecord& a : albums) {
        const qint64 photos = a.isSmart() ? engine.albumPhotos(a.id).size() : a.photoCount;
        if (ctx.json) {
            list.append(QJsonObject { { QStringLiteral("path"), a.path }, { QStringLiteral("name"), a.name },
                { QStringLiteral("photos"), photos }, { QStringLiteral("smart"), a.isSmart() },
                { QStringLiteral("query"), a.query }, { QStringLiteral("description"), a.description } });
            continue;
        }
        const int depth = int(a.path.count(QStringLiteral(" / ")));
        *ctx.out << QString::number(photos).rightJustified(7) << "  " << QString(depth * 2, QLatin1Char(' ')) << a.name
                 << (a.isSmart() ? QStringLiteral("  [smart: %1]").arg(a.query) : QString()) << "\n";
    }
    if (ctx.json)
        ctx.printJson(QJsonObject { { QStringLiteral("albums"), list } });
    else if (albums.isEmpty())
        *ctx.out << "no albums yet (shoebox-cli album create NAME)\n";
    ctx.out->flush();
    return 0;
}

int createAlbum(Context& ctx, const QString& name)
{
    const QString smart = ctx.takeOption(QStringLiteral("smart"));
    const QString fromSearch = ctx.takeOption(QStringLiteral("from-search"));
    const QString description = ctx.takeOption(QStringLiteral("description"));
    if (!ctx.args.isEmpty() || (!smart.isEmpty() && !fromSearch.isEmpty()))
        return ctx.fail(QStringLiteral("usage: %1").arg(kUsage), 2);
    AlbumStore store(ctx.libraryPath);
    QString error;
    const qint64 id = smart.isEmpty() ? store.createAlbum(name, &error) : store.createSmartAlbum(name, smart, &error);
    if (!id || (!description.isEmpty() && !store.setDescription(id, description, &error)))
        return ctx.fail(QStringLiteral("cannot create the album: %1").arg(error));
    if (!fromSearch.isEmpty()) {
        const QVector<qint64> ids = SearchEngine(ctx.libraryPath).search(fromSearch, &error);
        if (!error.isEmpty() || !Organizer(ctx.libraryPath).addToAlbum(id, ids, &error))
            return ctx.fail(QStringLiteral("cannot fill the album: %1").arg(error));
        *ctx.err << "shoebox-cli: " << ids.size() << " photo(s) in " << store.album(id)->path << "\n";
    }
    return 0;
}

int showAlbum(Context& ctx, qint64 id)
{
    QString error;
    const QVector<qint64> ids = SearchEngine(ctx.libraryPath).albumPhotos(id, &error);
    if (!error.isEmpty())
        return ctx.fail(QStringLiteral("cannot read the album: %1").arg(error));
    const QList<PhotoRecord> photos = PhotoStore(ctx.libraryPath).photosByIds(ids);
    QJsonArray list;
    for (const PhotoRecord& r : photos) {
        if (ctx.json)
            list.append(photoToJson(r, false));
        else
            *ctx.out << r.displayPath << "\n";
    }
    if (ctx.json)
        ctx.printJson(QJsonObject { { QStringLiteral("album"), AlbumStore(ctx.libraryPath).album(id)->path },
            { QStringLiteral("photos"), list } });
    ctx.out->flush();
    return 0;
}

int changeAlbum(Context& ctx, const QString& verb, qint64 id)
{
    AlbumStore store(ctx.libraryPath);
    QString error;
    if (verb == QLatin1String("show"))
        return ctx.args.isEmpty() ? showAlbum(ctx, id) : ctx.fail(QStringLiteral("usage: album show NAME"), 2);
    if (verb == QLatin1String("rename") && ctx.args.size() == 1)
        return store.rename(id, ctx.args.first(), &error) ? 0 : ctx.fail(error);
    if (verb == QLatin1String("delete") && ctx.args.isEmpty())
        return store.remove(id, &error) ? 0 : ctx.fail(error);
    if ((verb != QLatin1String("add") && verb != QLatin1String("remove")) || ctx.args.isEmpty())
        return ctx.fail(QStringLiteral("usage: %1").arg(kUsage), 2);
    if (store.album(id)->isSmart())
        return ctx.fail(QStringLiteral("a smart album's photos come from its search; change the search instead"));
    QVector<qint64> ids;
    if (!photoIdsOf(ctx, ctx.args, &ids))
        return 1;
    Organizer organizer(ctx.libraryPath);
    const bool ok = verb == QLatin1String("add") ? organizer.addToAlbum(id, ids, &error)
                                                 : organizer.removeFromAlbum(id, ids, &error);
    return ok ? 0 : ctx.fail(QStringLiteral("cannot change the album: %1").arg(error));
}

int runAlbum(Context& ctx)
{
    if (ctx.args.size() < 2)
        return ctx.fail(QStringLiteral("usage: %1").arg(kUsage), 2);
    const QString verb = ctx.args.takeFirst();
    const QString name = ctx.args.takeFirst();
    if (!ctx.openLibrary())
        return 1;
    if (verb == QLatin1String("create"))
        return createAlbum(ctx, name);
    QString error;
    const qint64 id = AlbumStore(ctx.libraryPath).albumAt(name, &error);
    if (!id)
        return ctx.fail(error.isEmpty() ? QStringLiteral("no album is called '%1'").arg(name) : error);
    return changeAlbum(ctx, verb, id);
}

const Registrar albums({ QStringLiteral("albums"), QStringLiteral("albums [--json]"), runAlbums });
const Registrar album({ QStringLiteral("album"), kUsage, runAlbum });

} // namespace

} // namespace shoebox::cli
