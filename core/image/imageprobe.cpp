#include "image/imageprobe.h"

#include <algorithm>
#include <cstring>

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
        if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
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

void probeTiff(const unsigned char* d, size_t n, ImageProbe& r)
{
    const bool le = d[0] == 'I';
    auto u16 = [&](size_t o) { return le ? le16(d + o) : be16(d + o); };
    auto u32 = [&](size_t o) { return le ? le32(d + o) : be32(d + o); };
    const size_t ifd = u32(4);
    if (ifd + 2 > n)
        return;
    const int count = u16(ifd);
    for (int k = 0; k < count; ++k) {
        const size_t e = ifd + 2 + size_t(k) * 12;
        if (e + 12 > n)
            break;
        const uint16_t tag = u16(e), type = u16(e + 2);
        const uint32_t v = type == 3 ? u16(e + 8) : u32(e + 8);
        if (tag == 256)
            r.width = int(std::min<uint32_t>(v, 0x7fffffff));
        if (tag == 257)
            r.height = int(std::min<uint32_t>(v, 0x7fffffff));
    }
}

// ISO BMFF (MP4 family) and QuickTime files by their major brand. HEIF/AVIF brands are claimed
// before this is asked; any brand not listed here stays Unknown.
ImageFormat videoBrand(const unsigned char* d, size_t n)
{
    if (startsWith(d, n, "ftyp", 4, 4) && n >= 12) {
        const QByteArray brand(reinterpret_cast<const char*>(d + 8), 4);
        if (brand == "qt  ")
            return ImageFormat::Mov;
        if (brand.startsWith("M4V"))
            return ImageFormat::M4v;
        if (brand.startsWith("3gp") || brand.startsWith("3g2") || brand.startsWith("3ge"))
            return ImageFormat::ThreeGp;
        static const char* const kMp4[]
            = { "isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "dash", "MSNV", "XAVC", "f4v " };
        for (const char* b : kMp4)
            if (brand == b)
                return ImageFormat::Mp4;
        return ImageFormat::Unknown;
    }
    // Old QuickTime files start with an atom other than ftyp.
    for (const char* atom : { "moov", "mdat", "wide", "pnot" })
        if (startsWith(d, n, atom, 4, 4))
            return ImageFormat::Mov;
    return ImageFormat::Unknown;
}

// Matroska and WebM share the EBML header; its DocType says which.
ImageFormat ebmlKind(const unsigned char* d, size_t n)
{
    const size_t m = std::min<size_t>(n, 64);
    for (size_t i = 4; i + 4 <= m; ++i)
        if (std::memcmp(d + i, "webm", 4) == 0)
            return ImageFormat::WebM;
    return ImageFormat::Mkv;
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

} // namespace

ImageProbe probeImage(const unsigned char* d, size_t n)
{
    ImageProbe r;
    if (startsWith(d, n, "\xFF\xD8\xFF", 3)) {
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
        r.width = int(le32(d + 18));
        const int32_t h = int32_t(le32(d + 22));
        r.height = h < 0 ? -h : h;
        r.truncated = le32(d + 2) > n;
    } else if (startsWith(d, n, "II*\0", 4) || startsWith(d, n, "MM\0*", 4)) {
        r.format = ImageFormat::Tiff;
        probeTiff(d, n, r);
    } else if (startsWith(d, n, "RIFF", 4) && startsWith(d, n, "WEBP", 4, 8)) {
        r.format = ImageFormat::WebP;
        probeWebP(d, n, r);
    } else if (startsWith(d, n, "ftyp", 4, 4)
        && (startsWith(d, n, "heic", 4, 8) || startsWith(d, n, "heix", 4, 8) || startsWith(d, n, "mif1", 4, 8)
            || startsWith(d, n, "msf1", 4, 8) || startsWith(d, n, "avif", 4, 8))) {
        r.format = ImageFormat::Heif;
    } else if (const ImageFormat video = videoBrand(d, n); video != ImageFormat::Unknown) {
        r.format = video;
    } else if (startsWith(d, n, "\x1A\x45\xDF\xA3", 4)) {
        r.format = ebmlKind(d, n);
    } else if (startsWith(d, n, "RIFF", 4) && startsWith(d, n, "AVI ", 4, 8)) {
        r.format = ImageFormat::Avi;
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

bool isDecodable(ImageFormat f)
{
    switch (f) {
    case ImageFormat::Jpeg:
    case ImageFormat::Png:
    case ImageFormat::Gif:
    case ImageFormat::Bmp:
    case ImageFormat::Tiff:
    case ImageFormat::WebP:
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
