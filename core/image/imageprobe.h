#pragma once
// Tells what an image file really is from its first bytes (never its name) and its pixel size from
// the header alone, so absurd sizes are refused before any allocation. Pure functions, any thread.

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace shoebox {

enum class ImageFormat {
    Unknown,
    Jpeg,
    Png,
    Gif,
    Bmp,
    Tiff,
    WebP,
    Heif,
    Raw,
    Text,
    Mp4,
    Mov,
    M4v,
    ThreeGp,
    Mkv,
    WebM,
    Avi
};

struct ImageProbe {
    ImageFormat format = ImageFormat::Unknown;
    int width = 0; // stored (not oriented) size; 0 when the header does not say
    int height = 0;
    // The data ends before the format's end marker (JPEG EOI, PNG IEND) or, for a TIFF-based RAW,
    // before the end of a strip or tile.
    bool truncated = false;
    int jpegQuality = 0; // 1..100, estimated from the luma quantisation table; 0 when not a JPEG
    // The short name of a HEIF or RAW file ("heic", "avif", "cr2", "nef", "dng", ...); empty otherwise.
    QString subtype;
    // Camera named by a TIFF-based header (IFD0 Make/Model) or a CR3 CMT1 box, to name it in reasons.
    QString make, model;
};

// fileName (optional) only breaks ties for TIFF-based RAWs that carry no signature of their own
// (a NEF is a TIFF with a Nikon Make); it never overrides what the bytes say.
ImageProbe probeImage(const unsigned char* data, size_t size, const QByteArray& fileName = {});
QString formatName(ImageFormat f);
// The lowercase short name a user sees: the subtype for HEIF and RAW ("heic", "nef"), else formatName.
QString formatName(const ImageProbe& probe);
// Whether Shoebox decodes this format (unknown formats and text are listed, not decoded).
bool isDecodable(ImageFormat f);
// Whether the bytes are a video container (core/media opens those, not the image decoder).
bool isVideoFormat(ImageFormat f);
// Whether a format name (as formatName gives it) is a camera RAW: "cr2", "nef", "dng", ...
bool isRawFormat(const QString& format);

} // namespace shoebox
