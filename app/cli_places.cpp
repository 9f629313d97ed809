// shoebox-cli places [--lang L]: where the library's photos were taken, as a tree of countries,
// regions and towns with photo counts, named in one language. Places missing for geotagged photos
// (or computed from older place data) are looked up first. `places set NAME FILE...` sets a place by
// hand (a town, region or country in any language), `places clear FILE...` removes it.

#include "catalog/photostore.h"
#include "clicommand.h"
#include "places/placeassigner.h"
#include "places/placelookup.h"
#include "places/placenames.h"
#include "places/placetree.h"
#include "scan/filewalker.h"

#include <QJsonArray>
#include <QLocale>

namespace shoebox::cli {

namespace {

QJsonArray nodesToJson(const QList<PlaceNode>& nodes)
{
    QJsonArray arr;
    for (const PlaceNode& n : nodes) {
        QJsonObject o { { QStringLiteral("kind"), PlaceNode::kindName(n.kind) }, { QStringLiteral("key"), n.key() },
            { QStringLiteral("name"), n.name }, { QStringLiteral("photos"), n.photos } };
        if (!n.country.isEmpty())
            o.insert(QStringLiteral("country"), n.country);
        if (!n.children.isEmpty())
            o.insert(QStringLiteral("children"), nodesToJson(n.children));
        arr.append(o);
    }
    return arr;
}

void printNodes(QTextStream& out, const QList<PlaceNode>& nodes, int depth)
{
    for (const PlaceNode& n : nodes) {
        out << QString(2 * depth, QLatin1Char(' ')) << n.name << "  " << n.photos << "\n";
        printNodes(out, n.children, depth + 1);
    }
}

// places set NAME FILE... / places clear FILE...: a place by hand, kept by every rescan.
int runSetPlace(Context& ctx, bool clear)
{
    const QString name = clear ? QString() : ctx.args.takeFirst();
    if (ctx.args.isEmpty())
        return ctx.fail(QStringLiteral("usage: places set NAME FILE... | places clear FILE..."), 2);
    if (!ctx.openLibrary())
        return 1;
    PlaceMatch place;
    QString error;
    const PlaceIndex* index = PlaceIndex::shared(&error);
    if (!clear) {
        if (!index)
            return ctx.fail(error);
        place = PlaceLookup::byName(*index, name);
        if (!place.found)
            return ctx.fail(QStringLiteral("no place is called '%1'").arg(name));
    }
    QVector<qint64> ids;
    const PhotoStore photos(ctx.libraryPath);
    for (const QString& arg : ctx.args) {
        const auto r = photos.photoByPath(FileWalker::absolute(ctx.pathBytes(arg)));
        if (!r)
            return ctx.fail(QStringLiteral("%1 is not in the library (scan its folder first)").arg(arg));
        ids.append(r->id);
    }
    if (!PlaceStore(ctx.libraryPath).setManualPlace(ids, place, &error))
        return ctx.fail(QStringLiteral("cannot store the place: %1").arg(error));
    if (!clear)
        *ctx.err << "shoebox-cli: " << ids.size() << " photo(s) placed in "
                 << PlaceNames::label(*index, place, QStringLiteral("en")) << "\n";
    return 0;
}

int runPlaces(Context& ctx)
{
    if (!ctx.args.isEmpty()
        && (ctx.args.first() == QLatin1String("set") || ctx.args.first() == QLatin1String("clear"))) {
        const bool clear = ctx.args.takeFirst() == QLatin1String("clear");
        if (!clear && ctx.args.size() < 2)
            return ctx.fail(QStringLiteral("usage: places set NAME FILE..."), 2);
        return runSetPlace(ctx, clear);
    }
    const QString lang = PlaceNames::matchLanguage(ctx.takeOption(QStringLiteral("lang"), QLocale::system().name()));
    if (!ctx.args.isEmpty())
        return ctx.fail(QStringLiteral("usage: places [--lang L]"), 2);
    if (!ctx.openLibrary())
        return 1;
    const PlaceAssignment assigned = PlaceAssigner::assignPending(ctx.libraryPath, false);
    if (!assigned.error.isEmpty())
        return ctx.fail(QStringLiteral("cannot store places: %1").arg(assigned.error));
    QString error;
    const QList<PlaceCount> counts = PlaceStore(ctx.libraryPath).counts(&error);
    if (!error.isEmpty())
        return ctx.fail(QStringLiteral("cannot read places: %1").arg(error));
    if (!assigned.unavailable.isEmpty())
        *ctx.err << "shoebox-cli: " << assigned.unavailable << "\n";
    const QList<PlaceNode> tree = PlaceTree::build(counts, PlaceIndex::shared(), lang);
    if (ctx.json) {
        ctx.printJson({ { QStringLiteral("lang"), lang }, { QStringLiteral("places"), nodesToJson(tree) } });
        return 0;
    }
    if (tree.isEmpty())
        *ctx.err << "no geotagged photos in the library\n";
    printNodes(*ctx.out, tree, 0);
    return 0;
}

const Registrar registrar({ QStringLiteral("places"),
    QStringLiteral("places [--lang L] | places set NAME FILE... | places clear FILE..."), runPlaces,
    { QStringLiteral("Show where the photos were taken as a tree of countries, regions and towns; set or clear a "
                     "photo's place by hand."),
        { { QStringLiteral("--lang L"), QStringLiteral("the language of place names (default: the system's)") } },
        QString(),
        { QStringLiteral("shoebox-cli places --lang fr"),
            QStringLiteral("shoebox-cli places set Kyoto IMG_0001.JPG") } } });

} // namespace

} // namespace shoebox::cli
