#pragma once
// Limits and sizes of the scan in one place.

#include <cstdint>

namespace shoebox::tunables {

// Images larger than this are refused from their header, before any pixel memory is allocated.
constexpr int64_t kMaxImagePixels = 250'000'000;
constexpr int kMaxImageSide = 65'500;
// Above this size, a header claiming more pixels per byte of file than kMaxPixelsPerByte is a
// decompression bomb rather than a photo (a 50-byte WebP claiming 194 megapixels, found by
// fuzz_decode_webp): refused before the decoder allocates for it.
constexpr int64_t kBombCheckPixels = 16'000'000;
constexpr int64_t kMaxPixelsPerByte = 4096;
// A HEIF derived image (grid) naming more coded tiles than this is refused before decoding: an
// iPhone's 48-megapixel grid has 192 tiles of 512x512, a 200-megapixel one 768.
constexpr int kMaxHeifTiles = 4096;
// Files larger than this are not read at all.
constexpr int64_t kMaxFileBytes = int64_t(2) << 30;
// The decode keeps at least this many pixels on the long side (freedesktop "large" thumbnail).
constexpr int kMinDecodeLongSide = 256;
// ... and this many when a tagger consumes the decoded image (the model resizes to 512).
constexpr int kMinDecodeLongSideForTagging = 448;
// Requests for at most this long side are served from a RAW's embedded preview; larger ones (a viewer)
// develop the sensor data.
constexpr int kRawPreviewLongSide = 1024;
// Catalog writes are batched into one transaction per this many files.
constexpr int kScanBatch = 200;
// A Live Photo without content identifiers pairs its still and MOV by name when their capture
// times are at most this far apart (Apple's clip starts about 1.5 s before the still).
constexpr int64_t kLivePhotoTimeToleranceMs = 2000;

} // namespace shoebox::tunables
