// shoebox-cli list / info FILE / timeline: what the catalog knows.

#include "catalog/photostore.h"
#include "clicommand.h"
#include "clijson.h"
#include "media/motionclip.h"
#include "places/placenames.h"
#include "places/placestore.h"
#include "scan/filewalker.h"

#include <QFile>
#include <QJsonArray>
#include <QLocale>

namespace shoebox::cli {

namespace {

// The files paired with r and, for a secondary half, the path of the photo shown for it.
QList<PhotoRecord> partnersOf(const PhotoStore& store, const PhotoRecord& r, QString* partnerOf)
{
    if (r.partnerId > 0)
        if (const auto primary = store.photoById(r.partnerId))
            *partnerOf = primary->displayPath;
    return r.hasLiveMotion || r.hasRawOriginal ? store.partnersOf(r.id) : QList<PhotoRecord>();
}

QString pairNote(const PhotoRecord& r, const QList<PhotoRecord>& partners)
{
    QStringList notes;
    if (MotionClip::isLive(r, partners))
        notes << QStringLiteral("live");
    for (const PhotoRecord& p : partners)
        if (p.partnerRole == PartnerRole::RawOriginal)
            notes << QStringLiteral("raw: ") + p.displayPath.mid(p.displayPath.lastIndexOf(QLatin1Char('/')) + 1);
    if (r.partnerRole != PartnerRole::None)
        notes << partnerRoleName(r.partnerRole);
    return notes.isEmpty() ? QString() : QStringLiteral("  [") + notes.join(QStringLiteral(", ")) + QLatin1Char(']');
}

int runList(Context& ctx)
{
    const bool all = ctx.takeFlag(QStringLiteral("all"));
    if (!ctx.openLibrary())
        return 1;
    PhotoStore store(ctx.libraryPath);
    PhotoQuery q;
    q.includeProblems = all;
    q.includeSecondary = all; // secondary halves are listed through their partner unless --all
    const QList<PhotoRecord> photos = store.photos(q);
    if (ctx.json) {
        QJsonArray arr;
        for (const PhotoRecord& r : photos) {
            QString partnerOf;
            const QList<PhotoRecord> partners = partnersOf(store, r, &partnerOf);
            QJsonObject o = photoToJson(r, false);
            putPartners(o, r, partners, partnerOf);
            arr.append(o);
        }
        ctx.printJson({ { QStringLiteral("photos"), arr }, { QStringLiteral("count"), arr.size() } });
        return 0;
    }
    for (const PhotoRecord& r : photos) {
        *ctx.out << r.meta.takenAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")).leftJustified(16) << "  "
                 << photoStateName(r.state).leftJustified(11) << " " << r.displayPath;
        if (!r.error.isEmpty())
            *ctx.out << "  (" << r.error << ")";
        QString partnerOf;
        *ctx.out << pairNote(r, partnersOf(store, r, &partnerOf)) << "\n";
    }
    return 0;
}

void printInfo(QTextStream& out, const PhotoRecord& r, const QList<PhotoRecord>& partners, const QString& partnerOf)
{
    const PhotoMetadata& m = r.meta;
    auto line = [&out](const char* label, const QString& value) {
        if (!value.isEmpty())
            out << QString::fromLatin1(label).leftJustified(14) << value << "\n";
    };
    line("path", r.displayPath);
    line("state", photoStateName(r.state) + (r.error.isEmpty() ? QString() : QStringLiteral(": ") + r.error));
    line("format", r.format);
    line("kind", mediaKindName(r.kind));
    if (m.durationMs > 0)
        line("duration", QStringLiteral("%1 s").arg(m.durationMs / 1000.0, 0, 'f', 1));
    line("codec", m.codec);
    line("size", QLocale::c().formattedDataSize(r.size));
    line("pixels", m.width > 0 ? QStringLiteral("%1 x %2").arg(m.width).arg(m.height) : QString());
    line("taken", describeTime(m));
    line("camera", QString(m.cameraMake + QLatin1Char(' ') + m.cameraModel).trimmed());
    line("lens", m.lens);
    if (m.exposureTime)
        line("exposure",
            *m.exposureTime < 1 ? QStringLiteral("1/%1 s").arg(qRound(1 / *m.exposureTime))
                                : QStringLiteral("%1 s").arg(*m.exposureTime));
    if (m.fNumber)
        line("aperture", QStringLiteral("f/%1").arg(*m.fNumber, 0, 'f', 1));
    if (m.focalLength)
        line("focal length", QStringLiteral("%1 mm").arg(*m.focalLength));
    if (m.iso)
        line("ISO", QString::number(*m.iso));
    if (m.gps)
        line("GPS",
            QStringLiteral("%1, %2%3")
                .arg(m.gps->latitude, 0, 'f', 6)
                .arg(m.gps->longitude, 0, 'f', 6)
                .arg(m.gps->altitude ? QStringLiteral(", %1 m").arg(*m.gps->altitude) : QString()));
    line("orientation", QString::number(m.orientation));
    line("content hash", QString::fromLatin1(r.contentHash.toHex()));
    line("content id", r.meta.contentId);
    for (const PhotoRecord& p : partners)
        line(p.partnerRole == PartnerRole::RawOriginal ? "RAW original" : "motion file", p.displayPath);
    if (r.motionOffset)
        line("motion clip", QStringLiteral("embedded MP4 at byte %1 (motion photo)").arg(*r.motionOffset));
    line("live", MotionClip::isLive(r, partners) ? QStringLiteral("yes") : QString());
    if (r.partnerRole != PartnerRole::None)
        line("paired", QStringLiteral("%1 of %2").arg(partnerRoleName(r.partnerRole), partnerOf));
}

// The photo's place as JSON and as one line in lang; empty when it has none.
QJsonObject placeToJson(const QString& libraryPath, qint64 photoId, const QString& lang, QString* label)
{
    const auto place = PlaceStore(libraryPath).placeOf(photoId);
    if (!place)
        return {};
    const PlaceIndex* index = PlaceIndex::shared();
    const PlaceMatch& m = place->place;
    *label = index ? PlaceNames::label(*index, m, lang) : m.country;
    QJsonObject o { { QStringLiteral("label"), *label },
        { QStringLiteral("source"), place->manual ? QStringLiteral("manual") : QStringLiteral("gps") },
        { QStringLiteral("at_sea"), m.atSea } };
    if (!m.country.isEmpty())
        o.insert(QStringLiteral("country"), m.country);
    if (index && m.regionId)
        o.insert(QStringLiteral("region"), PlaceNames::region(*index, m.regionId, lang));
    if (index && m.cityId)
        o.insert(QStringLiteral("city"), PlaceNames::city(*index, m.cityId, lang));
    if (m.cityId)
        o.insert(QStringLiteral("geonameid"), m.cityId);
    return o;
}

int runInfo(Context& ctx)
{
    const QString lang = PlaceNames::matchLanguage(ctx.takeOption(QStringLiteral("lang"), QLocale::system().name()));
    if (ctx.args.size() != 1)
        return ctx.fail(QStringLiteral("info needs exactly one FILE"), 2);
    if (!ctx.openLibrary())
        return 1;
    PhotoStore store(ctx.libraryPath);
    const QByteArray path = FileWalker::absolute(ctx.pathBytes(ctx.args.first()));
    const auto r = store.photoByPath(path);
    if (!r)
        return ctx.fail(QStringLiteral("%1 is not in the library (scan its folder first)").arg(ctx.args.first()));
    QString placeLabel;
    const QJsonObject place = placeToJson(ctx.libraryPath, r->id, lang, &placeLabel);
    QString partnerOf;
    const QList<PhotoRecord> partners = partnersOf(store, *r, &partnerOf);
    if (ctx.json) {
        QJsonObject o = photoToJson(*r, true);
        putPartners(o, *r, partners, partnerOf);
        if (!place.isEmpty())
            o.insert(QStringLiteral("place"), place);
        QJsonObject hashes;
        const auto h = store.hashes(r->id);
        for (auto it = h.cbegin(); it != h.cend(); ++it)
            hashes.insert(it.key(), QString::fromLatin1(it.value().toHex()));
        o.insert(QStringLiteral("hashes"), hashes);
        ctx.printJson(o);
    } else {
        printInfo(*ctx.out, *r, partners, partnerOf);
        if (!placeLabel.isEmpty())
            *ctx.out << QStringLiteral("place").leftJustified(14) << placeLabel << "\n";
    }
    return 0;
}

int runTimeline(Context& ctx)
{
    if (!ctx.openLibrary())
        return 1;
    const QList<TimelineBucket> buckets = PhotoStore(ctx.libraryPath).timeline();
    if (ctx.json) {
        QJsonArray arr;
        for (const TimelineBucket& b : buckets) {
            QJsonObject o { { QStringLiteral("count"), b.count } };
            o.insert(QStringLiteral("month"),
                b.year ? QJsonValue(QStringLiteral("%1-%2").arg(b.year).arg(b.month, 2, 10, QLatin1Char('0')))
                       : QJsonValue());
            arr.append(o);
        }
        ctx.printJson({ { QStringLiteral("buckets"), arr } });
        return 0;
    }
    for (const TimelineBucket& b : buckets) {
        const QString label = b.year ? QStringLiteral("%1-%2").arg(b.year).arg(b.month, 2, 10, QLatin1Char('0'))
                                     : QStringLiteral("no date");
        *ctx.out << label.leftJustified(9) << " " << b.count << "\n";
    }
    return 0;
}

const Registrar regList({ QStringLiteral("list"), QStringLiteral("list [--all]"), runList,
    { QStringLiteral("List the photos in the library, newest first."),
        { { QStringLiteral("--all"),
            QStringLiteral("also list the files that failed or are unsupported, with the reason") } },
        QString(), { QStringLiteral("shoebox-cli --json list") } } });
const Registrar regInfo({ QStringLiteral("info"), QStringLiteral("info [--lang L] FILE"), runInfo,
    { QStringLiteral("Show what the library knows about one file: EXIF, hashes, tags, place, partners."),
        { { QStringLiteral("--lang L"), QStringLiteral("the language of tag and place names") } },
        QStringLiteral("Exits with status 1 when the file is not in the library."),
        { QStringLiteral("shoebox-cli info ~/Pictures/dog.jpg") } } });
const Registrar regTimeline({ QStringLiteral("timeline"), QStringLiteral("timeline"), runTimeline,
    { QStringLiteral("Count the photos per month of capture, undated photos last."), {}, QString(), {} } });

} // namespace

} // namespace shoebox::cli
