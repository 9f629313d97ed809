// shoebox-cli xmp write [FILE...] | xmp read FILE | xmp auto [on|off]: the photos' .xmp sidecars.
// write puts the catalog's manual tags, rating, pick/reject, title and named faces into sidecars
// (every photo without FILE), merging first what another tool changed; read shows what Shoebox reads
// from a file and its sidecar; auto shows or sets the preference that writes sidecars as marks change.

#include "catalog/photostore.h"
#include "clicommand.h"
#include "cliphotos.h"
#include "metadata/sidecarfinder.h"
#include "metadata/sidecarsync.h"
#include "metadata/xmpreader.h"

#include <QFile>
#include <QJsonArray>

namespace shoebox::cli {

namespace {

const QString kUsage = QStringLiteral("xmp write [FILE...] | xmp read FILE | xmp auto [on|off]");

QJsonObject toJson(const XmpData& x)
{
    QJsonArray keywords, regions;
    for (const QStringList& k : x.keywords)
        keywords.append(XmpData::tagName(k));
    for (const XmpRegion& r : x.regions)
        regions.append(QJsonObject { { QStringLiteral("name"), r.name },
            { QStringLiteral("box"), QJsonArray { r.box.x(), r.box.y(), r.box.width(), r.box.height() } } });
    QJsonObject o { { QStringLiteral("keywords"), keywords }, { QStringLiteral("regions"), regions },
        { QStringLiteral("title"), x.title }, { QStringLiteral("description"), x.description },
        { QStringLiteral("picked"), x.picked } };
    if (x.rating)
        o.insert(QStringLiteral("rating"), *x.rating);
    if (x.gps)
        o.insert(QStringLiteral("gps"), QJsonArray { x.gps->latitude, x.gps->longitude });
    if (!x.problem.isEmpty())
        o.insert(QStringLiteral("problem"), x.problem);
    return o;
}

int readXmp(Context& ctx)
{
    if (ctx.args.size() != 1)
        return ctx.fail(QStringLiteral("usage: xmp read FILE"), ExitUsage);
    const QByteArray path = ctx.pathBytes(ctx.args.first());
    QFile f(QFile::decodeName(path));
    if (!f.open(QIODevice::ReadOnly))
        return ctx.fail(QStringLiteral("cannot read %1: %2").arg(ctx.args.first(), f.errorString()));
    const QByteArray bytes = f.readAll();
    const XmpData embedded
        = XmpReader::readEmbedded(reinterpret_cast<const unsigned char*>(bytes.constData()), size_t(bytes.size()), 1);
    const SidecarFile sidecar = SidecarFinder::find(path);
    const XmpData merged
        = XmpReader::merge(embedded, sidecar.path.isEmpty() ? XmpData() : XmpReader::readSidecar(sidecar.path, 1));
    QJsonObject o = toJson(merged);
    o.insert(QStringLiteral("sidecar"), QFile::decodeName(sidecar.path));
    if (ctx.json) {
        ctx.printJson(o);
        return ExitOk;
    }
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        const QJsonValue v = it.value();
        QString text = v.isArray() ? QString() : v.toVariant().toString();
        if (v.isArray())
            for (const QJsonValue& item : v.toArray())
                text += (text.isEmpty() ? QString() : QStringLiteral(", "))
                    + (item.isObject() ? item.toObject().value(QStringLiteral("name")).toString()
                                       : item.toVariant().toString());
        *ctx.out << it.key() << ": " << text << "\n";
    }
    return ExitOk;
}

int writeXmp(Context& ctx)
{
    if (!ctx.openLibrary())
        return ExitFailure;
    QVector<qint64> ids;
    if (ctx.args.isEmpty())
        ids = PhotoStore(ctx.libraryPath).photoIdsByDate(0, true);
    else if (!photoIdsOf(ctx, ctx.args, &ids))
        return ExitFailure;
    const SidecarReport r = SidecarSync(ctx.libraryPath).write(ids);
    if (ctx.json) {
        ctx.printJson(QJsonObject { { QStringLiteral("written"), r.written }, { QStringLiteral("merged"), r.merged },
            { QStringLiteral("notes"), QJsonArray::fromStringList(r.notes) },
            { QStringLiteral("errors"), QJsonArray::fromStringList(r.errors) } });
    } else {
        for (const QString& line : r.notes + r.errors)
            *ctx.err << line << "\n";
        *ctx.err << "shoebox-cli: wrote " << r.written << " sidecar(s)"
                 << (r.merged ? QStringLiteral(", %1 changed by another tool read back first").arg(r.merged)
                              : QString())
                 << "\n";
    }
    return r.errors.isEmpty() ? ExitOk : ExitFailure;
}

int autoXmp(Context& ctx)
{
    if (ctx.args.size() > 1
        || (ctx.args.size() == 1 && ctx.args[0] != QLatin1String("on") && ctx.args[0] != QLatin1String("off")))
        return ctx.fail(QStringLiteral("usage: xmp auto [on|off]"), ExitUsage);
    if (!ctx.args.isEmpty())
        SidecarSync::setEnabled(ctx.args[0] == QLatin1String("on"));
    *ctx.out << "writing sidecars as marks change: " << (SidecarSync::enabled() ? "on" : "off") << "\n";
    return ExitOk;
}

int runXmp(Context& ctx)
{
    const QString verb = ctx.args.isEmpty() ? QString() : ctx.args.takeFirst();
    if (verb == QLatin1String("write"))
        return writeXmp(ctx);
    if (verb == QLatin1String("read"))
        return readXmp(ctx);
    if (verb == QLatin1String("auto"))
        return autoXmp(ctx);
    return ctx.fail(QStringLiteral("usage: %1").arg(kUsage), ExitUsage);
}

const Registrar reg({ QStringLiteral("xmp"), kUsage, runXmp,
    { QStringLiteral("Read and write .xmp sidecars that digiKam, darktable and Lightroom share."),
        { { QStringLiteral("--json"), QStringLiteral("print the result as JSON") } },
        QStringLiteral("write: the catalog's manual tags, rating, pick/reject, title and named faces go into each "
                       "photo's sidecar (photo.jpg.xmp, or an existing photo.xmp); a sidecar another tool changed "
                       "since the last scan is read back first (keywords united, the newer rating kept). Originals "
                       "are never written. read: what Shoebox reads from a file and its sidecar. auto: the "
                       "preference (off by default) that writes sidecars whenever marks change."),
        { QStringLiteral("shoebox-cli xmp write ~/Pictures/dog.jpg"), QStringLiteral("shoebox-cli xmp auto on") } } });

} // namespace

} // namespace shoebox::cli
