#include "scan/photoprocessor.h"

#include "image/imagedecoder.h"
#include "image/imageprobe.h"
#include "image/perceptualhasher.h"
#include "image/thumbnailcache.h"
#include "media/motionphoto.h"
#include "media/videostill.h"
#include "metadata/xmpreader.h"
#include "tunables.h"

#include <QFile>

#include <xxhash.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <memory>

namespace shoebox {

namespace {

// One read buffer per worker thread: a fresh multi-megabyte allocation per photo costs page faults
// and zeroing on the scale of hashing the whole file.
struct ReadBuffer {
    std::unique_ptr<unsigned char[]> bytes;
    size_t capacity = 0;
    size_t length = 0;

    unsigned char* data() { return bytes.get(); }
    size_t size() const { return length; }
    bool empty() const { return length == 0; }
    void resize(size_t n)
    {
        if (n > capacity) {
            bytes.reset(new unsigned char[n]);
            capacity = n;
        }
        length = n;
    }
    // Keeps the buffer for the next photo unless an unusually large file grew it.
    void release()
    {
        length = 0;
        if (capacity > (size_t(64) << 20)) {
            bytes.reset();
            capacity = 0;
        }
    }
};

// Reads the whole file read-only. Returns an empty reason on success.
QString readFile(const QByteArray& path, ReadBuffer& bytes, qint64& size, qint64& mtimeNs)
{
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT)
            return QStringLiteral("file vanished during the scan");
        return QStringLiteral("cannot open: ") + QString::fromLocal8Bit(std::strerror(errno));
    }
    struct stat st { };
    QString reason;
    if (::fstat(fd, &st) != 0) {
        reason = QStringLiteral("cannot stat: ") + QString::fromLocal8Bit(std::strerror(errno));
    } else if (st.st_size > tunables::kMaxFileBytes) {
        reason = QStringLiteral("file is %1 MB, over the size limit; not read").arg(st.st_size >> 20);
    } else {
        size = st.st_size;
        mtimeNs = qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
        bytes.resize(size_t(st.st_size));
        size_t got = 0;
        while (got < bytes.size()) {
            const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                reason = n < 0 ? QStringLiteral("read error: ") + QString::fromLocal8Bit(std::strerror(errno))
                               : QStringLiteral("file shrank while being read");
                break;
            }
            got += size_t(n);
        }
    }
    ::close(fd);
    return reason;
}

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
    const XXH128_hash_t h = XXH3_128bits(data, size);
    XXH128_canonical_t c;
    XXH128_canonicalFromHash(&c, h);
    return QByteArray(reinterpret_cast<const char*>(c.digest), int(sizeof c.digest));
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
    thread_local ReadBuffer bytes;
    struct Release {
        ReadBuffer& b;
        ~Release() { b.release(); }
    } release { bytes };
    if (QString reason = readFile(file.path, bytes, r.size, r.mtimeNs); !reason.isEmpty()) {
        fail(p, reason.contains(QLatin1String("vanished")) ? PhotoState::Missing : PhotoState::Error, reason);
        return p;
    }
    if (bytes.empty()) {
        fail(p, PhotoState::Error, QStringLiteral("empty file (0 bytes)"));
        return p;
    }
    r.contentHash = contentHash(bytes.data(), bytes.size());
    ImageProbe probe = probeImage(bytes.data(), bytes.size(), file.path);
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
        return p;
    }
    if (probe.truncated) {
        fail(p, PhotoState::Error,
            QStringLiteral("truncated %1: the data ends before the end of the image (%2 bytes)")
                .arg(r.format.toUpper())
                .arg(r.size));
        return p;
    }
    DecodedImage img = r.kind == MediaKind::Video
        ? VideoStill::read(bytes.data(), bytes.size(), options.minLongSide, r.meta)
        : ImageDecoder::decodeWithMetadata(bytes.data(), bytes.size(), probe, options.minLongSide, r.meta);
    fileTimeFallback(r);
    if (img.error.isEmpty())
        readXmp(file, bytes.data(), bytes.size(), p);
    bytes.release();
    if (!img.error.isEmpty()) {
        fail(p, img.unsupported ? PhotoState::Unsupported : PhotoState::Error, img.error);
        return p;
    }
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
    return p;
}

} // namespace shoebox
