#include "image/rawdecoder.h"

#include "image/exifreader.h"
#include "image/imageprobe.h"

#include <QLoggingCategory>
#include <QtEndian>

#include <libraw/libraw.h>

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <cstring>
#include <memory>

Q_LOGGING_CATEGORY(lcRaw, "shoebox.core.raw", QtInfoMsg)

namespace shoebox {

namespace {

// LibRaw's flip (bit 2: transpose, bit 1: flip rows, bit 0: flip columns) as an EXIF orientation.
int exifOrientation(int flip)
{
    static const int kOrientation[8] = { 1, 2, 4, 3, 5, 8, 6, 7 };
    return (flip >= 0 && flip < 8) ? kOrientation[flip] : 1;
}

// "Canon EOS R5", "NIKON Z 9", "SONY ILCE-7M4": the model alone when it already names the maker.
QString cameraName(const QString& make, const QString& model)
{
    const QString maker = make.section(QLatin1Char(' '), 0, 0);
    if (model.isEmpty())
        return maker;
    if (maker.isEmpty() || model.startsWith(maker, Qt::CaseInsensitive))
        return model;
    return maker + QLatin1Char(' ') + model;
}

struct Opened {
    std::unique_ptr<LibRaw> raw; // large (imgdata): on the heap
    QString error;
    bool unsupported = false;
};

// Whether LibRaw's parser placed the sensor data (partly) past the end of the file.
bool sensorDataCut(LibRaw& raw, size_t size)
{
    const auto& unpacker = raw.get_internal_data_pointer()->unpacker_data;
    const qint64 start = unpacker.data_offset, length = unpacker.data_size;
    return start >= qint64(size) || (length > 0 && start + length > qint64(size));
}

// Where an ISO base media box sequence in [begin, end) breaks, or -1 when every box (and every box
// inside the containers LibRaw walks: the track boxes and Canon's own uuid box) has a size of at
// least its header and fits its parent. LibRaw 0.20's CR3 parser loops forever on a box of size 0
// (fuzz_decode_raw, a 381-byte file).
qint64 brokenBox(const unsigned char* data, size_t begin, size_t end, int depth)
{
    static const char* const kContainers[] = { "moov", "trak", "mdia", "minf", "dinf", "stbl" };
    static const unsigned char kCanonUuid[16]
        = { 0x85, 0xc0, 0xb6, 0x87, 0x82, 0x0f, 0x11, 0xe0, 0x81, 0x11, 0xf4, 0xce, 0x46, 0x2b, 0x6a, 0x48 };
    for (size_t at = begin; at + 8 <= end;) {
        uint64_t boxSize = qFromBigEndian<quint32>(data + at);
        size_t header = 8;
        if (boxSize == 1 && at + 16 <= end) {
            boxSize = qFromBigEndian<quint64>(data + at + 8);
            header = 16;
        }
        if (boxSize < header || boxSize > end - at || depth > 16)
            return qint64(at);
        const unsigned char* type = data + at + 4;
        bool container = false;
        for (const char* c : kContainers)
            container = container || std::memcmp(type, c, 4) == 0;
        const bool canon = std::memcmp(type, "uuid", 4) == 0 && boxSize >= header + 16
            && std::memcmp(data + at + header, kCanonUuid, 16) == 0;
        if (container || canon) {
            const size_t inner = at + header + (canon ? 16 : 0);
            if (const qint64 broken = brokenBox(data, inner, at + size_t(boxSize), depth + 1); broken >= 0)
                return broken;
        }
        at += size_t(boxSize);
    }
    return -1;
}

Opened open(const unsigned char* data, size_t size)
{
    Opened o;
    const ImageProbe probe = probeImage(data, size);
    const QString format = formatName(probe).toUpper();
    if (const qint64 at = probe.subtype == QLatin1String("cr3") ? brokenBox(data, 0, size, 0) : -1; at >= 0) {
        o.error = QStringLiteral("corrupt CR3: its box structure breaks at byte %1; not read").arg(at);
        return o;
    }
    o.raw = std::make_unique<LibRaw>(LIBRAW_OPIONS_NO_DATAERR_CALLBACK);
    const int rc = o.raw->open_buffer(const_cast<unsigned char*>(data), size);
    // A file cut short may keep a readable preview: refuse it from the sensor data's extent, so that
    // a damaged original is reported rather than catalogued as fine.
    if (probe.truncated || ((rc == LIBRAW_SUCCESS || rc == LIBRAW_FILE_UNSUPPORTED) && sensorDataCut(*o.raw, size))) {
        o.error = QStringLiteral("truncated %1: the sensor data runs past the end of the file (%2 bytes)")
                      .arg(format)
                      .arg(size);
        return o;
    }
    if (rc == LIBRAW_SUCCESS)
        return o;
    // LibRaw may have read the maker but not the model; the header we parse ourselves may know more.
    const QString make = QString::fromLatin1(o.raw->imgdata.idata.make).simplified();
    const QString model = QString::fromLatin1(o.raw->imgdata.idata.model).simplified();
    const QString camera = !model.isEmpty() ? cameraName(make, model)
        : !probe.model.isEmpty()            ? cameraName(probe.make.isEmpty() ? make : probe.make, probe.model)
                                            : cameraName(make.isEmpty() ? probe.make : make, QString());
    const QString version = RawDecoder::libRawVersion();
    if (rc == LIBRAW_FILE_UNSUPPORTED) {
        o.unsupported = true;
        if (probe.subtype == QLatin1String("dng")) // any camera's DNG: it is the encoding LibRaw lacks
            o.error = QStringLiteral("unsupported DNG%1: LibRaw %2 cannot read its sensor data encoding")
                          .arg(camera.isEmpty() ? QString() : QStringLiteral(" from ") + camera, version);
        else if (camera.isEmpty())
            o.error = QStringLiteral("unsupported RAW: LibRaw %1 does not recognise this %2 file").arg(version, format);
        else
            o.error = QStringLiteral("unsupported RAW: %1 is newer than this LibRaw %2").arg(camera, version);
    } else {
        o.error = QStringLiteral("corrupt %1%2: %3")
                      .arg(format, camera.isEmpty() ? QString() : QStringLiteral(" (") + camera + QLatin1Char(')'),
                          QString::fromLatin1(libraw_strerror(rc)));
    }
    o.raw.reset();
    return o;
}

void readMetadata(const LibRaw& raw, const unsigned char* data, size_t size, PhotoMetadata& meta)
{
    const libraw_data_t& d = raw.imgdata;
    meta.cameraMake = QString::fromLatin1(d.idata.make).simplified();
    meta.cameraModel = QString::fromLatin1(d.idata.model).simplified();
    meta.lens = QString::fromLatin1(d.lens.Lens).simplified();
    if (d.other.shutter > 0)
        meta.exposureTime = double(d.other.shutter);
    if (d.other.aperture > 0)
        meta.fNumber = double(d.other.aperture);
    if (d.other.focal_len > 0)
        meta.focalLength = double(d.other.focal_len);
    if (d.other.iso_speed > 0)
        meta.iso = int(d.other.iso_speed + 0.5f);
    meta.orientation = exifOrientation(d.sizes.flip);
    if (d.other.timestamp > 0) {
        // LibRaw turned the camera's wall time into time_t with mktime: local time undoes it.
        const QDateTime t = QDateTime::fromSecsSinceEpoch(qint64(d.other.timestamp));
        meta.takenAt = QDateTime(t.date(), t.time(), Qt::LocalTime);
        meta.takenSource = QStringLiteral("exif");
    }
    const libraw_gps_info_t& g = d.other.parsed_gps;
    if (g.gpsparsed) {
        double lat = g.latitude[0] + g.latitude[1] / 60.0 + g.latitude[2] / 3600.0;
        double lon = g.longitude[0] + g.longitude[1] / 60.0 + g.longitude[2] / 3600.0;
        lat = g.latref == 'S' ? -lat : lat;
        lon = g.longref == 'W' ? -lon : lon;
        if (std::abs(lat) <= 90 && std::abs(lon) <= 180 && (lat != 0 || lon != 0))
            meta.gps = GpsPosition { lat, lon, std::nullopt };
    }
    // TIFF-based RAWs carry a standard EXIF IFD: its time keeps sub-seconds and the UTC offset.
    if (size >= 4 && (std::memcmp(data, "II*\0", 4) == 0 || std::memcmp(data, "MM\0*", 4) == 0)) {
        PhotoMetadata exif;
        if (ExifReader::read(data, size, ImageFormat::Tiff, exif)) {
            if (exif.takenAt.isValid()) {
                meta.takenAt = exif.takenAt;
                meta.takenSource = exif.takenSource;
                meta.utcOffsetMinutes = exif.utcOffsetMinutes;
                meta.offsetSource = exif.offsetSource;
            }
            if (!meta.gps)
                meta.gps = exif.gps, meta.gpsTime = exif.gpsTime;
        }
    }
}

// The upright size of the developed full image.
void setFullSize(const LibRaw& raw, DecodedImage& out)
{
    const libraw_image_sizes_t& s = raw.imgdata.sizes;
    const bool swap = (s.flip & 4) != 0;
    out.fullWidth = swap ? s.height : s.width;
    out.fullHeight = swap ? s.width : s.height;
}

// The embedded preview, upright; empty when there is none or it is smaller than minLongSide.
cv::Mat preview(LibRaw& raw, int minLongSide, QString& why)
{
    const libraw_thumbnail_t& t = raw.imgdata.thumbnail;
    if (t.twidth > 0 && std::max(t.twidth, t.theight) < minLongSide) {
        why = QStringLiteral("preview too small");
        return {};
    }
    if (const int rc = raw.unpack_thumb(); rc != LIBRAW_SUCCESS) {
        why = QString::fromLatin1(libraw_strerror(rc));
        return {};
    }
    const int orientation = exifOrientation(raw.imgdata.sizes.flip);
    if (t.tformat == LIBRAW_THUMBNAIL_JPEG && t.thumb && t.tlength > 0) {
        const auto* bytes = reinterpret_cast<const unsigned char*>(t.thumb);
        const ImageProbe probe = probeImage(bytes, t.tlength);
        if (probe.format != ImageFormat::Jpeg || std::max(probe.width, probe.height) < minLongSide) {
            why = QStringLiteral("preview not a JPEG or too small");
            return {};
        }
        DecodedImage jpeg = ImageDecoder::decode(bytes, t.tlength, probe, orientation, minLongSide);
        why = jpeg.error;
        return jpeg.upright;
    }
    if (t.tformat == LIBRAW_THUMBNAIL_BITMAP && t.thumb && t.tcolors == 3
        && size_t(t.tlength) >= size_t(t.twidth) * t.theight * 3) {
        const cv::Mat rgb(t.theight, t.twidth, CV_8UC3, t.thumb);
        cv::Mat bgr;
        cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
        return ImageDecoder::applyOrientation(bgr, orientation);
    }
    why = QStringLiteral("preview in an unsupported layout");
    return {};
}

// A reason to refuse developing the sensor data, else empty: more pixels than the limit, or more than
// the file's bytes can encode. No camera's encoding (lossless or lossy) spends under a bit per sensor
// pixel, while LibRaw fills what a file lacks and would develop a crafted 200-megapixel header from
// a few kilobytes, taking minutes (fuzz_decode_raw timeout in CI).
QString sensorProblem(const LibRaw& raw, size_t fileBytes)
{
    ImageProbe stored;
    stored.width = raw.imgdata.sizes.raw_width;
    stored.height = raw.imgdata.sizes.raw_height;
    if (QString problem = ImageDecoder::sizeProblem(stored); !problem.isEmpty())
        return problem;
    const int64_t pixels = int64_t(stored.width) * stored.height;
    if (pixels / 8 > int64_t(fileBytes))
        return QStringLiteral("RAW header says %1x%2 sensor pixels in a %3-byte file, more than such a file can "
                              "hold (damaged or crafted); not developed")
            .arg(stored.width)
            .arg(stored.height)
            .arg(qulonglong(fileBytes));
    return {};
}

DecodedImage developOpened(LibRaw& raw, bool halfSize, size_t fileBytes)
{
    DecodedImage out;
    setFullSize(raw, out);
    if (QString problem = sensorProblem(raw, fileBytes); !problem.isEmpty()) {
        out.error = problem;
        return out;
    }
    raw.imgdata.params.half_size = halfSize ? 1 : 0;
    raw.imgdata.params.use_camera_wb = 1;
    raw.imgdata.params.output_bps = 8;
    int rc = raw.unpack();
    if (rc == LIBRAW_SUCCESS)
        rc = raw.dcraw_process();
    libraw_processed_image_t* image = rc == LIBRAW_SUCCESS ? raw.dcraw_make_mem_image(&rc) : nullptr;
    if (!image || rc != LIBRAW_SUCCESS || image->type != LIBRAW_IMAGE_BITMAP || image->colors != 3
        || image->bits != 8) {
        out.error = QStringLiteral("cannot develop RAW: %1").arg(QString::fromLatin1(libraw_strerror(rc)));
        LibRaw::dcraw_clear_mem(image);
        return out;
    }
    // dcraw_make_mem_image applies the flip: the result is already upright.
    const cv::Mat rgb(image->height, image->width, CV_8UC3, image->data);
    cv::cvtColor(rgb, out.upright, cv::COLOR_RGB2BGR);
    LibRaw::dcraw_clear_mem(image);
    return out;
}

} // namespace

QString RawDecoder::libRawVersion()
{
    return QString::fromLatin1(LibRaw::version()).section(QLatin1Char('.'), 0, 1);
}

DecodedImage RawDecoder::decodePreview(const unsigned char* data, size_t size, int minLongSide, PhotoMetadata* meta)
{
    Opened file = open(data, size);
    if (!file.error.isEmpty()) {
        DecodedImage out;
        out.error = file.error;
        out.unsupported = file.unsupported;
        return out;
    }
    if (meta)
        readMetadata(*file.raw, data, size, *meta);
    QString why;
    cv::Mat upright = preview(*file.raw, minLongSide, why);
    if (upright.empty()) {
        qCDebug(lcRaw) << "no usable preview, developing at half size:" << why;
        return developOpened(*file.raw, true, size);
    }
    DecodedImage out;
    setFullSize(*file.raw, out);
    out.upright = upright;
    out.fromPreview = true;
    return out;
}

DecodedImage RawDecoder::develop(const unsigned char* data, size_t size, bool halfSize)
{
    Opened file = open(data, size);
    if (!file.error.isEmpty()) {
        DecodedImage out;
        out.error = file.error;
        out.unsupported = file.unsupported;
        return out;
    }
    return developOpened(*file.raw, halfSize, size);
}

} // namespace shoebox
