#include "metadata/xmpreader.h"

#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <exiv2/exiv2.hpp>

#include <algorithm>
#include <cmath>
#include <mutex>

namespace shoebox {

namespace {

constexpr qint64 kMaxSidecarBytes = 16 << 20; // a sidecar is text of a few KB; refuse anything absurd

QString fromStd(const std::string& s)
{
    return QString::fromUtf8(s.data(), int(s.size())).trimmed();
}

// IPTC text is UTF-8 when the record says so (and in practice from every current tool); older files
// carry Latin-1.
QString fromIptc(const std::string& s)
{
    const QByteArray bytes(s.data(), int(s.size()));
    const QString utf8 = QString::fromUtf8(bytes);
    return (utf8.contains(QChar::ReplacementCharacter) ? QString::fromLatin1(bytes) : utf8).trimmed();
}

QString langAlt(const Exiv2::Xmpdatum& d)
{
    if (const auto* v = dynamic_cast<const Exiv2::LangAltValue*>(&d.value())) {
        const auto it = v->value_.find("x-default");
        if (it != v->value_.end())
            return fromStd(it->second);
        return v->value_.empty() ? QString() : fromStd(v->value_.begin()->second);
    }
    return fromStd(d.toString());
}

// XMP's GPSCoordinate: "DDD,MM,SSk" or "DDD,MM.mmk" with k one of N S E W.
std::optional<double> coordinate(const QString& text)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*(\\d+(?:\\.\\d+)?),(\\d+(?:\\.\\d+)?)(?:,(\\d+(?:\\.\\d+)?))?\\s*([NSEWnsew])\\s*$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    double v = m.captured(1).toDouble() + m.captured(2).toDouble() / 60.0 + m.captured(3).toDouble() / 3600.0;
    const QChar ref = m.captured(4).at(0).toUpper();
    if (ref == QLatin1Char('S') || ref == QLatin1Char('W'))
        v = -v;
    return v;
}

struct RegionFields {
    QString name, type, unit;
    double x = -1, y = -1, w = -1, h = -1;
};

// "Xmp.mwg-rs.Regions/mwg-rs:RegionList[2]/mwg-rs:Area/stArea:x" -> fields of region 2.
void regionField(const QString& key, const QString& value, QMap<int, RegionFields>& regions)
{
    static const QRegularExpression re(QStringLiteral("^Xmp\\.mwg-rs\\.Regions/mwg-rs:RegionList\\[(\\d+)\\]/(.+)$"));
    const QRegularExpressionMatch m = re.match(key);
    if (!m.hasMatch())
        return;
    RegionFields& r = regions[m.captured(1).toInt()];
    const QString field = m.captured(2);
    if (field == QLatin1String("mwg-rs:Name"))
        r.name = value;
    else if (field == QLatin1String("mwg-rs:Type"))
        r.type = value;
    else if (field == QLatin1String("mwg-rs:Area/stArea:unit"))
        r.unit = value;
    else if (field.startsWith(QLatin1String("mwg-rs:Area/stArea:"))) {
        const double v = value.toDouble();
        const QString c = field.mid(19);
        (c == QLatin1String("x") ? r.x : c == QLatin1String("y") ? r.y : c == QLatin1String("w") ? r.w : r.h) = v;
    }
}

void addRegions(const QMap<int, RegionFields>& regions, int orientation, XmpData& out)
{
    for (const RegionFields& r : regions) {
        const bool isFace = r.type.isEmpty() || r.type.compare(QLatin1String("Face"), Qt::CaseInsensitive) == 0;
        if (!isFace || r.name.isEmpty() || r.w <= 0 || r.h <= 0 || r.w > 1 || r.h > 1
            || (!r.unit.isEmpty() && r.unit != QLatin1String("normalized")))
            continue;
        // stArea x and y are the centre of the area, on the stored pixels (MWG guidelines 2.0, 5.9).
        const QRectF stored(r.x - r.w / 2, r.y - r.h / 2, r.w, r.h);
        const QRectF box = XmpData::upright(stored, orientation).intersected(QRectF(0, 0, 1, 1));
        if (!box.isEmpty())
            out.regions.append({ r.name, box });
    }
}

void addPaths(const Exiv2::Xmpdatum& d, QChar separator, QList<QStringList>& paths)
{
    for (long i = 0; i < d.count(); ++i) {
        const QStringList path = fromStd(d.toString(i)).split(separator, Qt::SkipEmptyParts);
        // darktable's own bookkeeping ("darktable|format|cr2", "darktable|changed") is not a keyword.
        if (!path.isEmpty() && path.first() != QLatin1String("darktable"))
            paths.append(path);
    }
}

// A flat keyword that is one step of a hierarchical one is that keyword seen by a tool without
// hierarchies (digiKam and Lightroom write both): keep the hierarchy only.
void addKeywords(const QList<QStringList>& hierarchical, const QStringList& flat, XmpData& out)
{
    QSet<QString> steps;
    for (const QStringList& path : hierarchical) {
        out.addKeyword(path);
        for (const QString& s : path)
            steps.insert(s.simplified().toCaseFolded());
    }
    for (const QString& k : flat)
        if (!steps.contains(k.simplified().toCaseFolded()))
            out.addKeyword({ k });
}

void readRating(const Exiv2::Xmpdatum& d, XmpData& out)
{
    bool ok = false;
    const double v = fromStd(d.toString()).toDouble(&ok);
    if (ok && v >= -1 && v <= 5)
        out.rating = int(std::lround(v));
    else
        out.problem = QStringLiteral("xmp:Rating \"%1\" is not -1 to 5; ignored").arg(fromStd(d.toString()));
}

void readXmp(const Exiv2::XmpData& xmp, int orientation, XmpData& out)
{
    QList<QStringList> hierarchical;
    QStringList flat;
    QMap<int, RegionFields> regions;
    QString lat, lon, alt, altRef;
    int pickLabel = 0;
    for (const Exiv2::Xmpdatum& d : xmp) {
        const std::string key = d.key();
        if (key == "Xmp.dc.subject")
            for (long i = 0; i < d.count(); ++i)
                flat.append(fromStd(d.toString(i)));
        else if (key == "Xmp.lr.hierarchicalSubject")
            addPaths(d, QLatin1Char('|'), hierarchical);
        else if (key == "Xmp.digiKam.TagsList")
            addPaths(d, QLatin1Char('/'), hierarchical);
        else if (key == "Xmp.xmp.Rating")
            readRating(d, out);
        else if (key == "Xmp.digiKam.PickLabel")
            pickLabel = fromStd(d.toString()).toInt();
        else if (key == "Xmp.dc.title")
            out.title = langAlt(d);
        else if (key == "Xmp.dc.description")
            out.description = langAlt(d);
        else if (key == "Xmp.exif.GPSLatitude")
            lat = fromStd(d.toString());
        else if (key == "Xmp.exif.GPSLongitude")
            lon = fromStd(d.toString());
        else if (key == "Xmp.exif.GPSAltitude")
            alt = fromStd(d.toString());
        else if (key == "Xmp.exif.GPSAltitudeRef")
            altRef = fromStd(d.toString());
        else if (key.rfind("Xmp.mwg-rs.Regions/", 0) == 0)
            regionField(fromStd(key), fromStd(d.toString()), regions);
    }
    addKeywords(hierarchical, flat, out);
    // digiKam's pick label: 1 rejected, 3 accepted (xmp:Rating -1 says rejected for everyone else).
    out.picked = pickLabel == 3;
    if (pickLabel == 1 && !out.rating)
        out.rating = -1;
    addRegions(regions, orientation, out);
    const auto la = coordinate(lat), lo = coordinate(lon);
    if (la && lo && std::abs(*la) <= 90 && std::abs(*lo) <= 180) {
        GpsPosition p { *la, *lo, std::nullopt };
        const QStringList rational = alt.split(QLatin1Char('/'));
        if (rational.size() == 2 && rational[1].toDouble() != 0)
            p.altitude = rational[0].toDouble() / rational[1].toDouble() * (altRef == QLatin1String("1") ? -1 : 1);
        out.gps = p;
    }
}

void readIptc(const Exiv2::IptcData& iptc, XmpData& out)
{
    QStringList keywords;
    for (const Exiv2::Iptcdatum& d : iptc) {
        const std::string key = d.key();
        if (key == "Iptc.Application2.Keywords")
            keywords.append(fromIptc(d.toString()));
        else if (key == "Iptc.Application2.ObjectName" && out.title.isEmpty())
            out.title = fromIptc(d.toString());
        else if (key == "Iptc.Application2.Caption" && out.description.isEmpty())
            out.description = fromIptc(d.toString());
    }
    for (const QString& k : keywords)
        out.addKeyword({ k }); // IPTC keywords are flat: a "/" in one is part of its name
}

void lockToolkit(void* mutex, bool lock)
{
    auto* m = static_cast<std::mutex*>(mutex);
    lock ? m->lock() : m->unlock();
}

} // namespace

void XmpReader::initialize()
{
    static std::once_flag once;
    std::call_once(once, [] {
        static std::mutex toolkit;
        Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
        Exiv2::XmpParser::initialize(&lockToolkit, &toolkit);
#ifdef EXV_ENABLE_BMFF
        Exiv2::enableBMFF(true);
#endif
    });
}

XmpData XmpReader::readEmbedded(const unsigned char* data, size_t size, int orientation)
{
    initialize();
    XmpData out;
    try {
        Exiv2::Image::AutoPtr image = Exiv2::ImageFactory::open(data, long(size));
        if (!image.get())
            return out;
        image->readMetadata();
        readXmp(image->xmpData(), orientation, out);
        readIptc(image->iptcData(), out);
    } catch (const std::exception& e) {
        // exiv2 refuses formats it does not know (and some it half-knows): that is no metadata, not a fault.
        const QString what = QString::fromLocal8Bit(e.what()).simplified();
        if (!what.contains(QLatin1String("image type")))
            out.problem = QStringLiteral("embedded XMP/IPTC unreadable: ") + what.left(160);
    } catch (...) { // exiv2 0.27 throws some errors that are not std::exceptions
        out = XmpData();
        out.problem = QStringLiteral("embedded XMP/IPTC unreadable");
    }
    return out;
}

XmpData XmpReader::readSidecar(const QByteArray& path, int orientation)
{
    QFile f(QFile::decodeName(path));
    XmpData out;
    if (!f.open(QIODevice::ReadOnly)) {
        out.problem = QStringLiteral("sidecar unreadable: ") + f.errorString();
        return out;
    }
    if (f.size() > kMaxSidecarBytes) {
        out.problem = QStringLiteral("sidecar is %1 MB, not an XMP packet; ignored").arg(f.size() >> 20);
        return out;
    }
    const QByteArray bytes = f.readAll();
    return readPacket(std::string(bytes.constData(), size_t(bytes.size())), orientation);
}

XmpData XmpReader::readPacket(const std::string& packet, int orientation)
{
    initialize();
    XmpData out;
    try {
        Exiv2::XmpData xmp;
        if (Exiv2::XmpParser::decode(xmp, packet) != 0) {
            out.problem = QStringLiteral("sidecar is not valid XMP; ignored");
            return out;
        }
        readXmp(xmp, orientation, out);
    } catch (const std::exception& e) {
        out = XmpData();
        out.problem
            = QStringLiteral("sidecar XMP unreadable: ") + QString::fromLocal8Bit(e.what()).simplified().left(160);
    } catch (...) {
        out = XmpData();
        out.problem = QStringLiteral("sidecar XMP unreadable");
    }
    return out;
}

XmpData XmpReader::merge(const XmpData& embedded, const XmpData& sidecar)
{
    XmpData out = embedded;
    for (const QStringList& k : sidecar.keywords)
        out.addKeyword(k);
    if (sidecar.rating) {
        out.rating = sidecar.rating;
        out.picked = sidecar.picked;
    }
    if (!sidecar.title.isEmpty())
        out.title = sidecar.title;
    if (!sidecar.description.isEmpty())
        out.description = sidecar.description;
    for (const XmpRegion& r : sidecar.regions)
        if (std::none_of(
                out.regions.cbegin(), out.regions.cend(), [&](const XmpRegion& o) { return o.name == r.name; }))
            out.regions.append(r);
    if (sidecar.gps)
        out.gps = sidecar.gps;
    if (!sidecar.problem.isEmpty())
        out.problem = sidecar.problem;
    return out;
}

} // namespace shoebox
