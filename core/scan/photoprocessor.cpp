#include "scan/photoprocessor.h"

#include "image/imagedecoder.h"
#include "image/imageprobe.h"
#include "image/perceptualhasher.h"
#include "image/thumbnailcache.h"
#include "media/motionphoto.h"
#include "media/videostill.h"
#include "metadata/xmpreader.h"
#include "scan/filereader.h"
#include "tunables.h"

#include <QFile>

#include <optional>

namespace shoebox {

namespace {

void fail(ProcessedPhoto& p, PhotoState state, const QString& reason)
{
    p.record.state = state;
    p.record.error = reason;
}

// A motion photo's appended MP4 must not make its JPEG look truncated: probe the image part.
void readMotion(const unsigned char* data, size_t size, PhotoRecord& r, ImageProbe& probe)
{
    const MotionPhotoInfo motion = MotionPhoto::detect(data, size);
    r.motionOffset = motion.offset;
    r.error = motion.problem; // a note on an ok photo: the markers were wrong, the photo is fine
    // Without a valid clip, megabytes appended after a complete JPEG still are not truncation.
    const size_t imageEnd = motion.offset ? size_t(*motion.offset)
        : probe.truncated                 ? MotionPhoto::jpegEnd(data, size)
                                          : 0;
    if (imageEnd > 0)
        probe = probeImage(data, imageEnd);
}

void fileTimeFallback(PhotoRecord& r)
{
    if (r.meta.takenAt.isValid() || r.mtimeNs <= 0)
        return; // a zero mtime would date the photo to 1970: leave it honestly unknown
    r.meta.takenAt = QDateTime::fromMSecsSinceEpoch(r.mtimeNs / 1'000'000).toLocalTime();
    r.meta.takenSource = QStringLiteral("file");
}

// The format from the first chunk of a file too large to read whole.
ImageProbe sniffHead(const QByteArray& path)
{
    QFile f(QFile::decodeName(path));
    const QByteArray head = f.open(QIODevice::ReadOnly) ? f.read(qint64(FileReader::kChunk)) : QByteArray();
    return probeImage(reinterpret_cast<const unsigned char*>(head.constData()), size_t(head.size()), path);
}

// Decides the file's format and kind from its bytes; nothing when it cannot be decoded (p says why).
// A streamed file's bytes are only its head: whether it is complete is for the video decoder to find.
std::optional<ImageProbe> sniff(const FileReader& bytes, const QByteArray& path, bool whole, ProcessedPhoto& p)
{
    PhotoRecord& r = p.record;
    ImageProbe probe = probeImage(bytes.data(), bytes.size(), path);
    if (probe.format == ImageFormat::Jpeg)
        readMotion(bytes.data(), bytes.size(), r, probe);
    r.format = formatName(probe);
    // The one place a file's kind is decided.
    r.kind = isVideoFormat(probe.format)   ? MediaKind::Video
        : probe.format == ImageFormat::Raw ? MediaKind::Raw
                                           : MediaKind::Photo;
    if (r.kind != MediaKind::Video && !isDecodable(probe.format)) {
        fail(p, PhotoState::Error,
            probe.format == ImageFormat::Text ? QStringLiteral("not an image: the file contains text")
                                              : QStringLiteral("not an image: unrecognised file content"));
        return std::nullopt;
    }
    if (probe.truncated && whole) {
        fail(p, PhotoState::Error,
            QStringLiteral("truncated %1: the data ends before the end of the image (%2 bytes)")
                .arg(r.format.toUpper())
                .arg(r.size));
        return std::nullopt;
    }
    return probe;
}

// Thumbnail and perceptual hashes from the decoded image; the photo is then ok.
void finish(ProcessedPhoto& p, const DecodedImage& img, const ImageProbe& probe, const ProcessOptions& options)
{
    PhotoRecord& r = p.record;
    r.meta.width = img.fullWidth;
    r.meta.height = img.fullHeight;
    // One downscale serves the thumbnail and the perceptual hashes (which look at 128 px or less).
    const cv::Mat small = ThumbnailCache::scaled(img.upright, ThumbnailCache::Large);
    if (options.thumbnails) {
        const qint64 sec = r.mtimeNs / 1'000'000'000;
        if (!ThumbnailCache::isValid(r.path, sec))
            ThumbnailCache::store(r.path, sec, r.size, small, img.fullWidth, img.fullHeight);
    }
    p.hashes = PerceptualHasher::compute(small);
    p.hashes.insert(QStringLiteral("jpeg-quality"), QByteArray(1, char(probe.jpegQuality)));
    if (options.keepImage)
        p.upright = img.upright;
    r.state = PhotoState::Ok;
}

// XMP and IPTC, embedded and from the sidecar (which wins); GPS from XMP only when EXIF had none.
void readXmp(const FileEntry& file, const unsigned char* data, size_t size, ProcessedPhoto& p)
{
    PhotoRecord& r = p.record;
    const XmpData embedded
        = r.kind == MediaKind::Video ? XmpData() : XmpReader::readEmbedded(data, size, r.meta.orientation);
    const XmpData sidecar
        = file.sidecar.isEmpty() ? XmpData() : XmpReader::readSidecar(file.sidecar, r.meta.orientation);
    p.xmp = XmpReader::merge(embedded, sidecar);
    r.meta.title = p.xmp.title;
    r.meta.description = p.xmp.description;
    if (!r.meta.gps && p.xmp.gps)
        r.meta.gps = p.xmp.gps;
    if (!p.xmp.problem.isEmpty()) // a note on an ok photo, like a motion photo's wrong markers
        r.error = r.error.isEmpty() ? p.xmp.problem : r.error + QStringLiteral("; ") + p.xmp.problem;
}

} // namespace

QByteArray PhotoProcessor::contentHash(const unsigned char* data, size_t size)
{
    return FileReader::contentHash(data, size);
}

ProcessedPhoto PhotoProcessor::process(const FileEntry& file, const ProcessOptions& options)
{
    ProcessedPhoto p;
    PhotoRecord& r = p.record;
    r.path = file.path;
    r.displayPath = QFile::decodeName(file.path);
    r.size = file.size;
    r.mtimeNs = file.mtimeNs;
    r.sidecarMtimeNs = file.sidecarMtimeNs;
    if (file.unsupportedByName) {
        r.format = QString::fromLatin1(file.path.mid(file.path.lastIndexOf('.') + 1).toLower());
        fail(p, PhotoState::Unsupported,
            QStringLiteral("%1 files are not supported yet; listed only").arg(r.format.toUpper()));
        return p;
    }
    // One reader per worker thread: its buffer is reused from file to file.
    thread_local FileReader bytes;
    struct Release {
        FileReader& b;
        ~Release() { b.release(); }
    } release { bytes };
    FileReader::Result read = bytes.read(file.path, options.maxInMemoryBytes);
    // A video too large to hold is hashed in one streaming pass and decoded from the file itself.
    const bool streamed = read.tooLarge && isVideoFormat(sniffHead(file.path).format);
    if (streamed)
        read = bytes.stream(file.path);
    if (!read.error.isEmpty()) {
        fail(p, read.vanished ? PhotoState::Missing : PhotoState::Error, read.error);
        return p;
    }
    r.size = read.size;
    r.mtimeNs = read.mtimeNs;
    if (bytes.size() == 0) {
        fail(p, PhotoState::Error, QStringLiteral("empty file (0 bytes)"));
        return p;
    }
    r.contentHash = read.contentHash;
    const std::optional<ImageProbe> probe = sniff(bytes, file.path, !streamed, p);
    if (!probe)
        return p;
    DecodedImage img = streamed ? VideoStill::readFile(file.path, options.minLongSide, &r.meta)
        : r.kind == MediaKind::Video
        ? VideoStill::read(bytes.data(), bytes.size(), options.minLongSide, r.meta)
        : ImageDecoder::decodeWithMetadata(bytes.data(), bytes.size(), *probe, options.minLongSide, r.meta);
    fileTimeFallback(r);
    if (img.error.isEmpty())
        readXmp(file, bytes.data(), bytes.size(), p);
    bytes.release();
    if (!img.error.isEmpty()) {
        fail(p, img.unsupported ? PhotoState::Unsupported : PhotoState::Error, img.error);
        return p;
    }
    finish(p, img, *probe, options);
    return p;
}

} // namespace shoebox
