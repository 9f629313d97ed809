#pragma once
// Tells what an image file really is from its first bytes (never its name) and its pixel size from
// the header alone, so absurd sizes are refused before any allocation. Pure functions, any thread.

#include <QString>

#include <cstddef>
#include <cstdint>

namespace shoebox {

enum class ImageFormat { Unknown, Jpeg, Png, Gif, Bmp, Tiff, WebP, Heif, Text, Mp4, Mov, M4v, ThreeGp, Mkv, WebM, Avi };

struct ImageProbe {
    ImageFormat format = ImageFormat::Unknown;
    int width = 0; // stored (not oriented) size; 0 when the header does not say
    int height = 0;
    bool truncated = false; // the data ends before the format's end marker (JPEG EOI, PNG IEND)
    int jpegQuality = 0; // 1..100, estimated from the luma quantisation table; 0 when not a JPEG
};

ImageProbe probeImage(const unsigned char* data, size_t size);
QString formatName(ImageFormat f);
// Whether Shoebox decodes this format (HEIF and unknown formats are listed, not decoded).
bool isDecodable(ImageFormat f);
// Whether the bytes are a video container (core/media opens those, not the image decoder).
bool isVideoFormat(ImageFormat f);

} // namespace shoebox
