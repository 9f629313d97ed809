#pragma once
// Decodes HEIC/HEIF and AVIF through libheif: upright by the file's own transformations (irot/imir,
// never the EXIF orientation on top), from the embedded thumbnail when it is large enough, refusing
// sizes over the limits before any pixel is allocated. Pure functions, any thread.

#include "image/imagedecoder.h"

#include <QByteArray>

#include <cstddef>

namespace shoebox {

class HeifDecoder {
public:
    // minLongSide: the embedded thumbnail serves when its long side reaches this, else the full image.
    // threads: libheif's tile threads for the full image (grid files); 0 decodes on the caller's thread.
    static DecodedImage decode(const unsigned char* data, size_t size, int minLongSide, int threads);
    // The primary image's EXIF as libexif wants it ("Exif\0\0" + TIFF data); empty when there is none.
    static QByteArray exifBlock(const unsigned char* data, size_t size);
};

} // namespace shoebox
