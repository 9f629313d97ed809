// shoebox-cli places [--lang L]: where the library's photos were taken, as a tree of countries,
// regions and towns with photo counts, named in one language. Places missing for geotagged photos
// (or computed from older place data) are looked up first.

#include "clicommand.h"
#include "places/placeassigner.h"
#include "places/placenames.h"
#include "places/placetree.h"

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

int runPlaces(Context& ctx)
{
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

const Registrar registrar({ QStringLiteral("places"), QStringLiteral("places [--lang L]"), runPlaces });

} // namespace

} // namespace shoebox::cli
