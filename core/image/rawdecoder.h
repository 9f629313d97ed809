#pragma once
// Reads camera RAW files (CR2, CR3, NEF, ARW, DNG, RAF, ORF, RW2, PEF, SRW, ...) through LibRaw's
// thread-safe library: the embedded preview for the scan, metadata and orientation from LibRaw, and
// the full demosaic only when a viewer asks for it. Pure functions, any thread.

#include "catalog/photo.h"
#include "image/imagedecoder.h"

#include <cstddef>

namespace shoebox {

class RawDecoder {
public:
    // The embedded preview (JPEG or bitmap), upright, when its long side reaches minLongSide; else a
    // half-size demosaic. Fills meta (capture time, camera, lens, exposure, GPS, orientation) if given.
    static DecodedImage decodePreview(const unsigned char* data, size_t size, int minLongSide, PhotoMetadata* meta);
    // Demosaics the sensor data, upright: halfSize skips interpolation (4x fewer pixels, ~5x faster).
    static DecodedImage develop(const unsigned char* data, size_t size, bool halfSize);
    // "0.20": the LibRaw this build runs with, for the reasons users read.
    static QString libRawVersion();
};

} // namespace shoebox
