#include "image/containerprobe.h"

#include <QByteArray>

#include <algorithm>
#include <cstring>

namespace shoebox {

namespace {

bool startsWith(const unsigned char* d, size_t n, const char* magic, size_t len, size_t at = 0)
{
    return n >= at + len && std::memcmp(d + at, magic, len) == 0;
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

} // namespace

ImageFormat videoContainer(const unsigned char* d, size_t n)
{
    if (const ImageFormat brand = videoBrand(d, n); brand != ImageFormat::Unknown)
        return brand;
    if (startsWith(d, n, "\x1A\x45\xDF\xA3", 4))
        return ebmlKind(d, n);
    if (startsWith(d, n, "RIFF", 4) && startsWith(d, n, "AVI ", 4, 8))
        return ImageFormat::Avi;
    return ImageFormat::Unknown;
}

} // namespace shoebox
