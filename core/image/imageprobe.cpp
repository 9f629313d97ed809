#include "image/imageprobe.h"

#include "image/containerprobe.h"

#include <QSet>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <optional>
#include <vector>

namespace shoebox {

namespace {

uint16_t be16(const unsigned char* p)
{
    return uint16_t(p[0] << 8 | p[1]);
}
uint32_t be32(const unsigned char* p)
{
    return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3];
}
uint16_t le16(const unsigned char* p)
{
    return uint16_t(p[1] << 8 | p[0]);
}
uint32_t le32(const unsigned char* p)
{
    return uint32_t(p[3]) << 24 | uint32_t(p[2]) << 16 | uint32_t(p[1]) << 8 | p[0];
}

bool startsWith(const unsigned char* d, size_t n, const char* magic, size_t m, size_t at = 0)
{
    return n >= at + m && std::memcmp(d + at, magic, m) == 0;
}

// The IJG quality a luma quantisation table was scaled from (libjpeg, cameras and editors scale the
// standard table): the mean ratio to the standard table, turned back into 1..100.
int qualityOf(const unsigned char* table, bool sixteenBit)
{
    // The standard luminance table in zigzag order, as DQT stores it.
    static const int kStd[64] = { 16, 11, 12, 14, 12, 10, 16, 14, 13, 14, 18, 17, 16, 19, 24, 40, 26, 24, 22, 22, 24,
        49, 35, 37, 29, 40, 58, 51, 61, 60, 57, 51, 56, 55, 64, 72, 92, 78, 64, 68, 87, 69, 55, 56, 80, 109, 81, 87, 95,
        98, 103, 104, 103, 62, 77, 113, 121, 112, 100, 120, 92, 101, 103, 99 };
    double ratio = 0;
    for (int i = 0; i < 64; ++i) {
        const int q = sixteenBit ? be16(table + 2 * i) : table[i];
        ratio += double(q) / kStd[i];
    }
    const double scale = ratio / 64 * 100; // libjpeg's scale factor in percent
    const double quality = scale <= 100 ? (200 - scale) / 2 : 5000 / scale;
    return std::clamp(int(quality + 0.5), 1, 100);
}

void readQuantisation(const unsigned char* seg, size_t len, ImageProbe& r)
{
    size_t k = 0;
    while (k < len) {
        const bool sixteen = (seg[k] >> 4) != 0;
        const int id = seg[k] & 0x0f;
        const size_t bytes = sixteen ? 128 : 64;
        if (k + 1 + bytes > len)
            return;
        if (id == 0)
            r.jpegQuality = qualityOf(seg + k + 1, sixteen);
        k += 1 + bytes;
    }
}

void probeJpeg(const unsigned char* d, size_t n, ImageProbe& r)
{
    size_t i = 2;
    while (i + 4 <= n) {
        if (d[i] != 0xFF) {
            ++i;
            continue;
        }
        const unsigned char marker = d[i + 1];
        if (marker == 0xFF) {
            ++i;
            continue;
        }
        // FF00 is no marker: libjpeg passes over it and reads on, so skipping a "length" after it
        // could jump over the frame header that libjpeg then decodes (fuzz_decode_jpeg).
        if (marker == 0x00 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
            i += 2;
            continue;
        }
        const uint16_t len = be16(d + i + 2);
        const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof && i + 9 <= n) {
            r.height = be16(d + i + 5);
            r.width = be16(d + i + 7);
            break;
        }
        if (marker == 0xDA) // start of scan before any frame header: broken file
            break;
        if (marker == 0xDB && len >= 2 && i + 2 + len <= n)
            readQuantisation(d + i + 4, len - 2u, r);
        i += 2 + len;
    }
    // A complete JPEG has its EOI marker (FFD9) at the end, sometimes followed by padding or
    // appended data. Entropy-coded data never contains FFD9, so look in the tail only (the head may
    // hold an embedded EXIF thumbnail with its own EOI).
    const size_t tail = std::min<size_t>(65536, n / 2);
    r.truncated = true;
    for (size_t k = n - 1; k >= n - tail && k > 0; --k) {
        if (d[k - 1] == 0xFF && d[k] == 0xD9) {
            r.truncated = false;
            break;
        }
    }
}

void probePng(const unsigned char* d, size_t n, ImageProbe& r)
{
    if (n >= 24 && std::memcmp(d + 12, "IHDR", 4) == 0) {
        r.width = int(std::min<uint32_t>(be32(d + 16), 0x7fffffff));
        r.height = int(std::min<uint32_t>(be32(d + 20), 0x7fffffff));
    }
    r.truncated = !(n >= 12 && std::memcmp(d + n - 8, "IEND", 4) == 0);
}

void probeWebP(const unsigned char* d, size_t n, ImageProbe& r)
{
    if (n < 30)
        return;
    if (std::memcmp(d + 12, "VP8 ", 4) == 0) {
        r.width = le16(d + 26) & 0x3FFF;
        r.height = le16(d + 28) & 0x3FFF;
    } else if (std::memcmp(d + 12, "VP8L", 4) == 0) {
        const uint32_t b = le32(d + 21);
        r.width = int((b & 0x3FFF) + 1);
        r.height = int(((b >> 14) & 0x3FFF) + 1);
    } else if (std::memcmp(d + 12, "VP8X", 4) == 0) {
        r.width = int((d[24] | d[25] << 8 | d[26] << 16) + 1);
        r.height = int((d[27] | d[28] << 8 | d[29] << 16) + 1);
    }
    r.truncated = le32(d + 4) + 8 > n;
}

// What IFD0 of a TIFF structure says: size, camera, and whether it is a DNG.
struct TiffFacts {
    int width = 0, height = 0;
    QString make, model;
    bool dng = false;
};

TiffFacts readIfd0(const unsigned char* d, size_t n)
{
    TiffFacts t;
    if (n < 8)
        return t;
    const bool le = d[0] == 'I';
    auto u16 = [&](size_t o) { return le ? le16(d + o) : be16(d + o); };
    auto u32 = [&](size_t o) { return le ? le32(d + o) : be32(d + o); };
    auto ascii = [&](size_t e) {
        const uint32_t count = std::min<uint32_t>(u32(e + 4), 64);
        const size_t at = count <= 4 ? e + 8 : u32(e + 8);
        if (at + count > n)
            return QString();
        const char* p = reinterpret_cast<const char*>(d + at);
        return QString::fromLatin1(p, int(strnlen(p, count))).simplified();
    };
    const size_t ifd = u32(4);
    if (ifd + 2 > n)
        return t;
    const int count = u16(ifd);
    for (int k = 0; k < count; ++k) {
        const size_t e = ifd + 2 + size_t(k) * 12;
        if (e + 12 > n)
            break;
        const uint16_t tag = u16(e), type = u16(e + 2);
        const uint32_t v = type == 3 ? u16(e + 8) : u32(e + 8);
        if (tag == 256)
            t.width = int(std::min<uint32_t>(v, 0x7fffffff));
        else if (tag == 257)
            t.height = int(std::min<uint32_t>(v, 0x7fffffff));
        else if (tag == 271 && type == 2)
            t.make = ascii(e);
        else if (tag == 272 && type == 2)
            t.model = ascii(e);
        else if (tag == 50706) // DNGVersion
            t.dng = true;
    }
    return t;
}

// Whether a TIFF structure's image data (strips or tiles of every IFD and SubIFD) runs past the end:
// a RAW cut short, even when its first IFD and preview survived.
bool tiffDataPastEnd(const unsigned char* d, size_t n)
{
    const bool le = d[0] == 'I';
    auto u16 = [&](size_t o) { return le ? le16(d + o) : be16(d + o); };
    auto u32 = [&](size_t o) { return le ? le32(d + o) : be32(d + o); };
    // The idx-th value of an entry (SHORT or LONG), inline or at its offset; nullopt when out of the file.
    auto value = [&](size_t e, uint32_t idx) -> std::optional<uint32_t> {
        const uint16_t type = u16(e + 2);
        const uint32_t count = u32(e + 4), width = type == 3 ? 2 : 4;
        const size_t at = uint64_t(count) * width <= 4 ? e + 8 : u32(e + 8);
        const size_t pos = at + size_t(idx) * width;
        if (pos + width > n)
            return std::nullopt;
        return type == 3 ? u16(pos) : u32(pos);
    };
    std::vector<size_t> pending { u32(4) }, seen;
    while (!pending.empty() && seen.size() < 32) {
        const size_t ifd = pending.back();
        pending.pop_back();
        if (ifd == 0 || std::find(seen.begin(), seen.end(), ifd) != seen.end())
            continue;
        seen.push_back(ifd);
        if (ifd + 2 > n)
            return true;
        const int count = u16(ifd);
        if (ifd + 2 + size_t(count) * 12 + 4 > n)
            return true;
        size_t offsets = 0, lengths = 0;
        for (int k = 0; k < count; ++k) {
            const size_t e = ifd + 2 + size_t(k) * 12;
            const uint16_t tag = u16(e);
            if (tag == 273 || tag == 324)
                offsets = e;
            else if (tag == 279 || tag == 325)
                lengths = e;
            else if (tag == 330)
                for (uint32_t i = 0; i < std::min<uint32_t>(u32(e + 4), 8); ++i)
                    if (const auto sub = value(e, i))
                        pending.push_back(*sub);
        }
        if (offsets && lengths) {
            const uint32_t parts = std::min<uint32_t>(std::min(u32(offsets + 4), u32(lengths + 4)), 1u << 16);
            for (uint32_t i = 0; i < parts; ++i) {
                const auto at = value(offsets, i), length = value(lengths, i);
                if (!at || !length || uint64_t(*at) + *length > n)
                    return true;
            }
        }
        pending.push_back(u32(ifd + 2 + size_t(count) * 12));
    }
    return false;
}

// Short names of the camera RAW formats LibRaw reads; also the extensions that break TIFF ties.
const QSet<QString>& rawNames()
{
    static const QSet<QString> names = { QStringLiteral("cr2"), QStringLiteral("cr3"), QStringLiteral("crw"),
        QStringLiteral("nef"), QStringLiteral("nrw"), QStringLiteral("arw"), QStringLiteral("srf"),
        QStringLiteral("sr2"), QStringLiteral("dng"), QStringLiteral("raf"), QStringLiteral("orf"),
        QStringLiteral("rw2"), QStringLiteral("rwl"), QStringLiteral("pef"), QStringLiteral("srw"),
        QStringLiteral("x3f"), QStringLiteral("3fr"), QStringLiteral("fff"), QStringLiteral("erf"),
        QStringLiteral("kdc"), QStringLiteral("dcr"), QStringLiteral("mrw"), QStringLiteral("mos"),
        QStringLiteral("mef"), QStringLiteral("iiq"), QStringLiteral("raw") };
    return names;
}

// A TIFF-based RAW has no signature of its own: CR2 and DNG say so in their bytes, the rest by the
// camera maker in IFD0, with a RAW extension as the tie-breaker (and a .tif name keeping it a TIFF).
QString tiffRawSubtype(const unsigned char* d, size_t n, const TiffFacts& t, const QString& ext)
{
    if (n >= 10 && d[8] == 'C' && d[9] == 'R')
        return QStringLiteral("cr2");
    if (t.dng)
        return QStringLiteral("dng");
    if (ext == QLatin1String("tif") || ext == QLatin1String("tiff"))
        return {};
    if (rawNames().contains(ext))
        return ext;
    static const std::pair<const char*, const char*> byMaker[]
        = { { "NIKON", "nef" }, { "SONY", "arw" }, { "PENTAX", "pef" }, { "RICOH", "pef" }, { "SAMSUNG", "srw" },
              { "HASSELBLAD", "3fr" }, { "KODAK", "dcr" }, { "EASTMAN KODAK", "dcr" }, { "SEIKO EPSON", "erf" },
              { "LEAF", "mos" }, { "MAMIYA", "mef" }, { "PHASE ONE", "iiq" } };
    const QString make = t.make.toUpper();
    for (const auto& [maker, name] : byMaker)
        if (make.startsWith(QLatin1String(maker)))
            return QLatin1String(name);
    return {};
}

// RAW formats with their own signature.
QString signedRawSubtype(const unsigned char* d, size_t n)
{
    if (startsWith(d, n, "FUJIFILMCCD-RAW", 15))
        return QStringLiteral("raf");
    if (startsWith(d, n, "IIRO", 4) || startsWith(d, n, "IIRS", 4) || startsWith(d, n, "MMOR", 4))
        return QStringLiteral("orf");
    if (startsWith(d, n, "IIU\0", 4))
        return QStringLiteral("rw2");
    if (startsWith(d, n, "FOVb", 4))
        return QStringLiteral("x3f");
    if (startsWith(d, n, "\0MRM", 4))
        return QStringLiteral("mrw");
    if (startsWith(d, n, "ftypcrx ", 8, 4))
        return QStringLiteral("cr3");
    return {};
}

// A CR3 names its camera in the CMT1 box, a TIFF IFD0 near the start of the file.
void readCr3Camera(const unsigned char* d, size_t n, ImageProbe& r)
{
    const size_t m = std::min<size_t>(n, 256 * 1024);
    const unsigned char* at = static_cast<const unsigned char*>(memmem(d, m, "CMT1", 4));
    if (!at)
        return;
    const size_t off = size_t(at - d) + 4;
    const TiffFacts t = readIfd0(d + off, n - off);
    r.make = t.make;
    r.model = t.model;
}

// HEIF files say what they hold in the ftyp brands: HEVC (heic), AV1 (avif) or generic (heif).
QString heifSubtype(const unsigned char* d, size_t n)
{
    auto brandAt = [&](size_t at) { return QString::fromLatin1(reinterpret_cast<const char*>(d + at), 4); };
    static const QSet<QString> heic = { QStringLiteral("heic"), QStringLiteral("heix"), QStringLiteral("heim"),
        QStringLiteral("heis"), QStringLiteral("hevc"), QStringLiteral("hevx") };
    static const QSet<QString> avif = { QStringLiteral("avif"), QStringLiteral("avis") };
    static const QSet<QString> generic = { QStringLiteral("mif1"), QStringLiteral("msf1"), QStringLiteral("miaf") };
    if (n < 12)
        return {};
    const QString major = brandAt(8);
    if (heic.contains(major))
        return QStringLiteral("heic");
    if (avif.contains(major))
        return QStringLiteral("avif");
    if (!generic.contains(major))
        return {};
    const size_t end = std::min<size_t>({ size_t(be32(d)), n, 96 });
    for (size_t at = 16; at + 4 <= end; at += 4) {
        if (avif.contains(brandAt(at)))
            return QStringLiteral("avif");
        if (heic.contains(brandAt(at)))
            return QStringLiteral("heic");
    }
    return QStringLiteral("heif");
}

bool looksLikeText(const unsigned char* d, size_t n)
{
    const size_t m = std::min<size_t>(n, 512);
    for (size_t i = 0; i < m; ++i) {
        const unsigned char c = d[i];
        if (c < 0x09 || (c > 0x0D && c < 0x20 && c != 0x1B))
            return false;
    }
    return m > 0;
}

// The size as the decoders read it: an OS/2 1.x header (12 bytes) holds unsigned 16-bit sizes, the
// others signed 32-bit ones, where a negative height means rows stored top-down and a width of 0 or
// less no picture. Kept in 64 bits until clamped, as -INT32_MIN does not fit.
void probeBmp(const unsigned char* d, size_t n, ImageProbe& r)
{
    const bool os2 = le32(d + 14) == 12;
    const int64_t w = os2 ? int64_t(le16(d + 18)) : int64_t(int32_t(le32(d + 18)));
    const int64_t h = os2 ? int64_t(le16(d + 20)) : std::abs(int64_t(int32_t(le32(d + 22))));
    constexpr int64_t kMax = std::numeric_limits<int>::max();
    r.width = w > 0 ? int(std::min(w, kMax)) : 0;
    r.height = w > 0 ? int(std::min(h, kMax)) : 0;
    r.truncated = le32(d + 2) > n;
}

} // namespace

ImageProbe probeImage(const unsigned char* d, size_t n, const QByteArray& fileName)
{
    ImageProbe r;
    const QString ext = QString::fromLatin1(fileName.mid(fileName.lastIndexOf('.') + 1).toLower());
    if (QString raw = signedRawSubtype(d, n); !raw.isEmpty()) {
        r.format = ImageFormat::Raw;
        r.subtype = raw;
        if (raw == QLatin1String("cr3"))
            readCr3Camera(d, n, r);
    } else if (startsWith(d, n, "\xFF\xD8\xFF", 3)) {
        r.format = ImageFormat::Jpeg;
        probeJpeg(d, n, r);
    } else if (startsWith(d, n, "\x89PNG\r\n\x1a\n", 8)) {
        r.format = ImageFormat::Png;
        probePng(d, n, r);
    } else if (startsWith(d, n, "GIF87a", 6) || startsWith(d, n, "GIF89a", 6)) {
        r.format = ImageFormat::Gif;
        if (n >= 10) {
            r.width = le16(d + 6);
            r.height = le16(d + 8);
        }
        r.truncated = d[n - 1] != 0x3B;
    } else if (startsWith(d, n, "BM", 2) && n >= 26) {
        r.format = ImageFormat::Bmp;
        probeBmp(d, n, r);
    } else if (startsWith(d, n, "II*\0", 4) || startsWith(d, n, "MM\0*", 4)) {
        const TiffFacts t = readIfd0(d, n);
        r.width = t.width;
        r.height = t.height;
        r.make = t.make;
        r.model = t.model;
        r.subtype = tiffRawSubtype(d, n, t, ext);
        r.format = r.subtype.isEmpty() ? ImageFormat::Tiff : ImageFormat::Raw;
        r.truncated = r.format == ImageFormat::Raw && tiffDataPastEnd(d, n);
    } else if (startsWith(d, n, "RIFF", 4) && startsWith(d, n, "WEBP", 4, 8)) {
        r.format = ImageFormat::WebP;
        probeWebP(d, n, r);
    } else if (QString heif = startsWith(d, n, "ftyp", 4, 4) ? heifSubtype(d, n) : QString(); !heif.isEmpty()) {
        r.format = ImageFormat::Heif;
        r.subtype = heif;
    } else if (const ImageFormat video = videoContainer(d, n); video != ImageFormat::Unknown) {
        r.format = video;
    } else if (looksLikeText(d, n)) {
        r.format = ImageFormat::Text;
    }
    return r;
}

QString formatName(ImageFormat f)
{
    switch (f) {
    case ImageFormat::Jpeg:
        return QStringLiteral("jpeg");
    case ImageFormat::Png:
        return QStringLiteral("png");
    case ImageFormat::Gif:
        return QStringLiteral("gif");
    case ImageFormat::Bmp:
        return QStringLiteral("bmp");
    case ImageFormat::Tiff:
        return QStringLiteral("tiff");
    case ImageFormat::WebP:
        return QStringLiteral("webp");
    case ImageFormat::Heif:
        return QStringLiteral("heif");
    case ImageFormat::Raw:
        return QStringLiteral("raw");
    case ImageFormat::Text:
        return QStringLiteral("text");
    case ImageFormat::Mp4:
        return QStringLiteral("mp4");
    case ImageFormat::Mov:
        return QStringLiteral("mov");
    case ImageFormat::M4v:
        return QStringLiteral("m4v");
    case ImageFormat::ThreeGp:
        return QStringLiteral("3gp");
    case ImageFormat::Mkv:
        return QStringLiteral("mkv");
    case ImageFormat::WebM:
        return QStringLiteral("webm");
    case ImageFormat::Avi:
        return QStringLiteral("avi");
    case ImageFormat::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString formatName(const ImageProbe& probe)
{
    return probe.subtype.isEmpty() ? formatName(probe.format) : probe.subtype;
}

bool isRawFormat(const QString& format)
{
    return rawNames().contains(format);
}

bool isDecodable(ImageFormat f)
{
    switch (f) {
    case ImageFormat::Jpeg:
    case ImageFormat::Png:
    case ImageFormat::Gif:
    case ImageFormat::Bmp:
    case ImageFormat::Tiff:
    case ImageFormat::WebP:
    case ImageFormat::Heif:
    case ImageFormat::Raw:
        return true;
    default:
        return false;
    }
}

bool isVideoFormat(ImageFormat f)
{
    switch (f) {
    case ImageFormat::Mp4:
    case ImageFormat::Mov:
    case ImageFormat::M4v:
    case ImageFormat::ThreeGp:
    case ImageFormat::Mkv:
    case ImageFormat::WebM:
    case ImageFormat::Avi:
        return true;
    default:
        return false;
    }
}

} // namespace shoebox
