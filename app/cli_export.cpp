// shoebox-cli export --to DIR [--album NAME] [--resize PX] [--quality Q] [--no-location]
//             [--no-metadata] [FILE...]: copies (or resized JPEGs) of photos in a folder, with the
// catalog's tags, rating, title and named faces in their XMP, through the same PhotoExporter the
// GUI's Export dialog uses. Ctrl-C stops before the next photo.

#include "albums/albumstore.h"
#include "clicommand.h"
#include "cliphotos.h"
#include "export/photoexporter.h"
#include "search/searchengine.h"

#include <QJsonArray>

#include <atomic>

namespace shoebox::cli {

namespace {

const QString kUsage = QStringLiteral(
    "export --to DIR [--album NAME] [--resize PX] [--quality Q] [--no-location] [--no-metadata] [FILE...]");

std::atomic_bool g_cancel { false };

void onInterrupt()
{
    g_cancel.store(true);
}

// The photos to export: the files named, then those the album shows in the GUI (an album's path,
// "Travel / Japan"; the albums inside it and smart albums too, hidden photos left out).
bool photosToExport(Context& ctx, const QString& album, QVector<qint64>* ids)
{
    if (!ctx.args.isEmpty() && !photoIdsOf(ctx, ctx.args, ids))
        return false;
    if (album.isEmpty())
        return true;
    QString error;
    const AlbumStore albums(ctx.libraryPath);
    const qint64 id = albums.albumAt(album, &error);
    if (id == 0) {
        ctx.fail(
            QStringLiteral("no album %1%2").arg(album, error.isEmpty() ? QString() : QStringLiteral(": ") + error));
        return false;
    }
    for (qint64 p : SearchEngine(ctx.libraryPath).albumPhotos(id, &error))
        if (!ids->contains(p))
            ids->append(p);
    return true;
}

int runExport(Context& ctx)
{
    ExportOptions o;
    o.folder = ctx.takeOption(QStringLiteral("to"));
    const QString album = ctx.takeOption(QStringLiteral("album"));
    const QString resize = ctx.takeOption(QStringLiteral("resize"));
    bool ok = true;
    o.resize = !resize.isEmpty();
    o.longSide = o.resize ? resize.toInt(&ok) : o.longSide;
    bool qualityOk = true;
    o.quality = ctx.takeOption(QStringLiteral("quality"), QStringLiteral("90")).toInt(&qualityOk);
    o.keepLocation = !ctx.takeFlag(QStringLiteral("no-location"));
    o.writeMetadata = !ctx.takeFlag(QStringLiteral("no-metadata"));
    if (o.folder.isEmpty() || !ok || o.longSide < 16 || !qualityOk || o.quality < 1 || o.quality > 100
        || (ctx.args.isEmpty() && album.isEmpty()))
        return ctx.fail(QStringLiteral("usage: %1").arg(kUsage), ExitUsage);
    if (!ctx.openLibrary())
        return ExitFailure;
    QVector<qint64> ids;
    if (!photosToExport(ctx, album, &ids))
        return ExitFailure;
    setInterruptHook(&onInterrupt);
    const auto progress = [&ctx](const ExportProgress& p) {
        if (ctx.interactive && !ctx.json)
            *ctx.err << "\rexporting " << p.done << "/" << p.total << Qt::flush;
    };
    const ExportReport r = PhotoExporter(ctx.libraryPath).run(ids, o, progress, &g_cancel);
    setInterruptHook(nullptr);
    if (ctx.interactive && !ctx.json)
        *ctx.err << "\n";
    if (ctx.json) {
        ctx.printJson(QJsonObject { { QStringLiteral("files"), QJsonArray::fromStringList(r.files) },
            { QStringLiteral("errors"), QJsonArray::fromStringList(r.errors) },
            { QStringLiteral("cancelled"), r.cancelled } });
    } else {
        for (const QString& e : r.errors)
            *ctx.err << e << "\n";
        *ctx.err << "shoebox-cli: exported " << r.files.size() << " of " << ids.size() << " photo(s) to " << o.folder
                 << "\n";
    }
    if (r.cancelled)
        return ctx.fail(
            QStringLiteral("export interrupted"), interrupted() ? interruptExitCode() : int(ExitInterrupted));
    return r.errors.isEmpty() ? ExitOk : ExitFailure;
}

const Registrar reg({ QStringLiteral("export"), kUsage, runExport,
    { QStringLiteral("Copy photos (or resized JPEGs of them) into a folder, with their tags in XMP."),
        { { QStringLiteral("--to DIR"), QStringLiteral("the folder to export to (made when missing)") },
            { QStringLiteral("--album NAME"),
                QStringLiteral("export the photos this album shows (its path; albums inside it too)") },
            { QStringLiteral("--resize PX"), QStringLiteral("JPEGs with this long side instead of the originals") },
            { QStringLiteral("--quality Q"), QStringLiteral("JPEG quality of resized photos, 1-100 (90)") },
            { QStringLiteral("--no-location"), QStringLiteral("leave the GPS position out of the copies") },
            { QStringLiteral("--no-metadata"), QStringLiteral("do not write tags, rating, title and faces") },
            { QStringLiteral("--json"), QStringLiteral("print the files written as JSON") } },
        QStringLiteral("Originals are only read. A name already in the folder gets \" (2)\" added."),
        { QStringLiteral("shoebox-cli export --album Japan --resize 2048 --no-location --to ~/Desktop/japan") } } });

} // namespace

} // namespace shoebox::cli
