#include "image/exifreader.h"

#include "image/heifdecoder.h"
#include "media/applemakernote.h"

#include <QByteArray>
#include <QLoggingCategory>

#include <libexif/exif-data.h>

#include <cmath>
#include <cstring>
#include <memory>

Q_LOGGING_CATEGORY(lcExif, "shoebox.core.exif", QtInfoMsg)

namespace shoebox {

namespace {

struct ExifDataDeleter {
    void operator()(ExifData* d) const { exif_data_unref(d); }
};
using ExifPtr = std::unique_ptr<ExifData, ExifDataDeleter>;

// Tags newer than some libexif headers.
constexpr ExifTag kOffsetTimeOriginal = ExifTag(0x9011);
constexpr ExifTag kOffsetTimeDigitized = ExifTag(0x9012);
constexpr ExifTag kLensModel = ExifTag(0xA434);

class Entries {
public:
    explicit Entries(ExifData* d)
        : m_d(d)
        , m_order(exif_data_get_byte_order(d))
    {
    }

    ExifEntry* get(ExifIfd ifd, ExifTag tag) const { return exif_content_get_entry(m_d->ifd[ifd], tag); }

    QByteArray ascii(ExifIfd ifd, ExifTag tag) const
    {
        const ExifEntry* e = get(ifd, tag);
        if (!e || !e->data || e->format != EXIF_FORMAT_ASCII)
            return {};
        const char* p = reinterpret_cast<const char*>(e->data);
        return QByteArray(p, int(strnlen(p, e->size))).trimmed();
    }

    std::optional<double> rational(ExifIfd ifd, ExifTag tag, unsigned index = 0) const
    {
        const ExifEntry* e = get(ifd, tag);
        if (!e || !e->data || e->components <= index || e->size < (index + 1) * 8)
            return std::nullopt;
        if (e->format == EXIF_FORMAT_RATIONAL) {
            const ExifRational r = exif_get_rational(e->data + 8 * index, m_order);
            if (r.denominator == 0)
                return std::nullopt;
            return double(r.numerator) / double(r.denominator);
        }
        if (e->format == EXIF_FORMAT_SRATIONAL) {
            const ExifSRational r = exif_get_srational(e->data + 8 * index, m_order);
            if (r.denominator == 0)
                return std::nullopt;
            return double(r.numerator) / double(r.denominator);
        }
        return std::nullopt;
    }

    std::optional<int> integer(ExifIfd ifd, ExifTag tag) const
    {
        const ExifEntry* e = get(ifd, tag);
        if (!e || !e->data || e->components < 1)
            return std::nullopt;
        switch (e->format) {
        case EXIF_FORMAT_SHORT:
            return e->size >= 2 ? std::optional<int>(exif_get_short(e->data, m_order)) : std::nullopt;
        case EXIF_FORMAT_LONG:
            return e->size >= 4 ? std::optional<int>(int(exif_get_long(e->data, m_order))) : std::nullopt;
        case EXIF_FORMAT_BYTE:
            return int(e->data[0]);
        default:
            return std::nullopt;
        }
    }

private:
    ExifData* m_d;
    ExifByteOrder m_order;
};

std::optional<double> gpsCoordinate(const Entries& x, ExifTag valueTag, ExifTag refTag, char negativeRef)
{
    const auto deg = x.rational(EXIF_IFD_GPS, valueTag, 0);
    const auto min = x.rational(EXIF_IFD_GPS, valueTag, 1);
    const auto sec = x.rational(EXIF_IFD_GPS, valueTag, 2);
    if (!deg)
        return std::nullopt;
    double v = *deg + min.value_or(0) / 60.0 + sec.value_or(0) / 3600.0;
    const QByteArray ref = x.ascii(EXIF_IFD_GPS, refTag);
    if (!ref.isEmpty() && ref.at(0) == negativeRef)
        v = -v;
    return v;
}

void readGps(const Entries& x, PhotoMetadata& meta)
{
    const auto lat = gpsCoordinate(x, ExifTag(0x0002), ExifTag(0x0001), 'S');
    const auto lon = gpsCoordinate(x, ExifTag(0x0004), ExifTag(0x0003), 'W');
    if (!lat || !lon || std::abs(*lat) > 90 || std::abs(*lon) > 180)
        return;
    GpsPosition g;
    g.latitude = *lat;
    g.longitude = *lon;
    if (auto alt = x.rational(EXIF_IFD_GPS, ExifTag(0x0006))) {
        const auto ref = x.integer(EXIF_IFD_GPS, ExifTag(0x0005));
        g.altitude = (ref && *ref == 1) ? -*alt : *alt;
    }
    meta.gps = g;
    meta.gpsTime
        = ExifReader::parseGpsTime(x.ascii(EXIF_IFD_GPS, ExifTag(0x001d)), x.rational(EXIF_IFD_GPS, ExifTag(0x0007), 0),
            x.rational(EXIF_IFD_GPS, ExifTag(0x0007), 1), x.rational(EXIF_IFD_GPS, ExifTag(0x0007), 2));
}

void readTime(const Entries& x, PhotoMetadata& meta)
{
    struct Source {
        ExifIfd ifd;
        ExifTag time, sub, offset;
        const char* name;
    };
    const Source sources[] = {
        { EXIF_IFD_EXIF, EXIF_TAG_DATE_TIME_ORIGINAL, EXIF_TAG_SUB_SEC_TIME_ORIGINAL, kOffsetTimeOriginal, "exif" },
        { EXIF_IFD_EXIF, EXIF_TAG_DATE_TIME_DIGITIZED, EXIF_TAG_SUB_SEC_TIME_DIGITIZED, kOffsetTimeDigitized,
            "exif-digitized" },
        { EXIF_IFD_0, EXIF_TAG_DATE_TIME, EXIF_TAG_SUB_SEC_TIME, ExifTag(0x9010), "exif-modified" },
    };
    for (const Source& s : sources) {
        const QDateTime t = ExifReader::parseDateTime(x.ascii(s.ifd, s.time), x.ascii(EXIF_IFD_EXIF, s.sub));
        if (!t.isValid())
            continue;
        meta.takenAt = t;
        meta.takenSource = QString::fromLatin1(s.name);
        meta.utcOffsetMinutes = ExifReader::parseOffset(x.ascii(EXIF_IFD_EXIF, s.offset));
        if (meta.utcOffsetMinutes)
            meta.offsetSource = QStringLiteral("exif");
        return;
    }
}

QString text(const QByteArray& b)
{
    return QString::fromUtf8(b).simplified();
}

// EXIF as stored in PNG eXIf / WebP EXIF / TIFF: raw TIFF data, which libexif wants behind "Exif\0\0".
QByteArray tiffExifBlock(const unsigned char* data, size_t size, ImageFormat format)
{
    auto findChunk = [&](size_t pos, bool png) -> QByteArray {
        while (pos + 8 <= size) {
            const uint32_t len = png
                ? (uint32_t(data[pos]) << 24 | data[pos + 1] << 16 | data[pos + 2] << 8 | data[pos + 3])
                : (uint32_t(data[pos + 4]) | data[pos + 5] << 8 | data[pos + 6] << 16 | uint32_t(data[pos + 7]) << 24);
            const char* tag = reinterpret_cast<const char*>(data + (png ? pos + 4 : pos));
            const size_t body = pos + 8;
            if (body + len > size)
                break;
            if ((png && std::memcmp(tag, "eXIf", 4) == 0) || (!png && std::memcmp(tag, "EXIF", 4) == 0)) {
                QByteArray raw(reinterpret_cast<const char*>(data + body), int(len));
                if (raw.startsWith("Exif\0\0"))
                    return raw;
                return QByteArray("Exif\0\0", 6) + raw;
            }
            pos = body + len + (png ? 4 : (len & 1));
        }
        return {};
    };
    if (format == ImageFormat::Png)
        return findChunk(8, true);
    if (format == ImageFormat::WebP)
        return findChunk(12, false);
    const bool tiffRaw = format == ImageFormat::Raw && size >= 4
        && (std::memcmp(data, "II*\0", 4) == 0 || std::memcmp(data, "MM\0*", 4) == 0);
    if (format == ImageFormat::Tiff || tiffRaw) { // a DNG, NEF, CR2, ARW, ... keeps a standard EXIF IFD
        // One copy of the first megabyte, not two (a RAW scan spent more on them than on its preview).
        const int n = int(std::min<size_t>(size, 1 << 20));
        QByteArray block(6 + n, Qt::Uninitialized);
        std::memcpy(block.data(), "Exif\0\0", 6);
        std::memcpy(block.data() + 6, data, size_t(n));
        return block;
    }
    return {};
}

} // namespace

QDateTime ExifReader::parseDateTime(const QByteArray& value, const QByteArray& subSec)
{
    // "YYYY:MM:DD HH:MM:SS"; some writers use '-' or 'T'. All-zero or blank means unknown.
    if (value.size() < 19)
        return {};
    int f[6];
    const char* p = value.constData();
    const int pos[6] = { 0, 5, 8, 11, 14, 17 };
    const int len[6] = { 4, 2, 2, 2, 2, 2 };
    for (int i = 0; i < 6; ++i) {
        bool ok = false;
        f[i] = QByteArray(p + pos[i], len[i]).toInt(&ok);
        if (!ok)
            return {};
    }
    const QDate date(f[0], f[1], f[2]);
    QTime time(f[3], f[4], f[5]);
    if (!date.isValid() || !time.isValid() || f[0] < 1800)
        return {};
    const QByteArray digits = subSec.trimmed().left(3);
    bool ok = false;
    const int frac = digits.toInt(&ok);
    if (ok && !digits.isEmpty()) {
        int ms = frac;
        for (int i = int(digits.size()); i < 3; ++i)
            ms *= 10;
        time = time.addMSecs(ms);
    }
    return QDateTime(date, time, Qt::LocalTime);
}

std::optional<int> ExifReader::parseOffset(const QByteArray& value)
{
    const QByteArray v = value.trimmed();
    if (v.size() != 6 || (v[0] != '+' && v[0] != '-') || v[3] != ':')
        return std::nullopt;
    bool okH = false, okM = false;
    const int h = v.mid(1, 2).toInt(&okH);
    const int m = v.mid(4, 2).toInt(&okM);
    if (!okH || !okM || h > 14 || m > 59)
        return std::nullopt;
    return (v[0] == '-' ? -1 : 1) * (h * 60 + m);
}

QDateTime ExifReader::parseGpsTime(
    const QByteArray& date, std::optional<double> h, std::optional<double> m, std::optional<double> s)
{
    const QDate day = QDate::fromString(QString::fromLatin1(date.trimmed()), QStringLiteral("yyyy:MM:dd"));
    if (!day.isValid() || !h || !m || !s || *h < 0 || *h >= 24 || *m < 0 || *m >= 60 || *s < 0 || *s >= 61)
        return {};
    const int ms = int(std::lround((*h * 3600 + *m * 60 + *s) * 1000));
    return QDateTime(day, QTime(0, 0), Qt::UTC).addMSecs(ms);
}

bool ExifReader::read(const unsigned char* data, size_t size, ImageFormat format, PhotoMetadata& meta)
{
    if (format == ImageFormat::Jpeg)
        return readBlock(data, size, meta);
    const QByteArray block
        = format == ImageFormat::Heif ? HeifDecoder::exifBlock(data, size) : tiffExifBlock(data, size, format);
    if (block.isEmpty())
        return false;
    const bool found = readBlock(reinterpret_cast<const unsigned char*>(block.constData()), size_t(block.size()), meta);
    if (found && format == ImageFormat::Heif)
        meta.orientation = 1; // libheif applied irot/imir; the EXIF tag describes the same turn
    return found;
}

bool ExifReader::readBlock(const unsigned char* block, size_t size, PhotoMetadata& meta)
{
    ExifPtr ed(exif_data_new_from_data(block, unsigned(std::min<size_t>(size, 1u << 30))));
    if (!ed)
        return false;
    bool any = false;
    for (int i = 0; i < EXIF_IFD_COUNT; ++i)
        any = any || (ed->ifd[i] && ed->ifd[i]->count > 0);
    if (!any)
        return false;
    const Entries x(ed.get());
    readTime(x, meta);
    meta.cameraMake = text(x.ascii(EXIF_IFD_0, EXIF_TAG_MAKE));
    meta.cameraModel = text(x.ascii(EXIF_IFD_0, EXIF_TAG_MODEL));
    meta.lens = text(x.ascii(EXIF_IFD_EXIF, kLensModel));
    meta.exposureTime = x.rational(EXIF_IFD_EXIF, EXIF_TAG_EXPOSURE_TIME);
    meta.fNumber = x.rational(EXIF_IFD_EXIF, EXIF_TAG_FNUMBER);
    meta.focalLength = x.rational(EXIF_IFD_EXIF, EXIF_TAG_FOCAL_LENGTH);
    meta.iso = x.integer(EXIF_IFD_EXIF, EXIF_TAG_ISO_SPEED_RATINGS);
    const auto o = x.integer(EXIF_IFD_0, EXIF_TAG_ORIENTATION);
    meta.orientation = (o && *o >= 1 && *o <= 8) ? *o : 1;
    readGps(x, meta);
    if (const ExifEntry* note = x.get(EXIF_IFD_EXIF, EXIF_TAG_MAKER_NOTE); note && note->data)
        meta.contentId = AppleMakerNote::contentIdentifier(note->data, note->size);
    return true;
}

} // namespace shoebox
