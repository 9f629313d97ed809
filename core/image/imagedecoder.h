#pragma once
// Decodes an image once, as small as the caller allows (DCT scaling for JPEG, the embedded HEIC or
// RAW preview), turned upright by its EXIF orientation (HEIF: by its own irot/imir instead; RAW: by
// LibRaw's flip). Pure function, any thread.

#include "image/imageprobe.h"

#include "catalog/photo.h"

#include <QString>

#include <opencv2/core/mat.hpp>

namespace shoebox {

struct DecodedImage {
    cv::Mat upright; // 8-bit BGR, possibly reduced
    int fullWidth = 0; // upright size of the original
    int fullHeight = 0;
    QString error; // non-empty when decoding failed
    bool unsupported = false; // the error is a format this build cannot read (a RAW newer than LibRaw)
    bool fromPreview = false; // from the file's embedded thumbnail or preview, not its main image
    bool draft = false; // a quick reduced rendering (half-size RAW); decode again without drafts for the final
};

class ImageDecoder {
public:
    // minLongSide: the decode keeps at least this many pixels on the long side where it can.
    static DecodedImage decode(
        const unsigned char* data, size_t size, const ImageProbe& probe, int orientation, int minLongSide);
    // Reads a file read-only and decodes it upright: the format from its bytes, the orientation from its
    // EXIF (or the one given, >= 1), refused when too large. For viewers and thumbnail regeneration.
    // allowDraft: a RAW developed for a viewer comes at half size first (draft set); ask again
    // without drafts for the full demosaic. HEIF files decode their tiles on all cores here.
    static DecodedImage decodeFile(
        const QByteArray& path, int minLongSide, int orientation = 0, bool allowDraft = false);
    // The scan's one call: metadata into meta (EXIF; for HEIF its Exif block; for RAW LibRaw's) and the
    // smallest adequate upright image, from a single open of the file where the format allows.
    static DecodedImage decodeWithMetadata(
        const unsigned char* data, size_t size, const ImageProbe& probe, int minLongSide, PhotoMetadata& meta);
    // Applies an EXIF orientation (1..8) so the image shows as the camera intended.
    static cv::Mat applyOrientation(const cv::Mat& stored, int orientation);
    // JPEG DCT scale factor (1, 2, 4 or 8) that keeps minLongSide pixels.
    static int reductionFor(int width, int height, int minLongSide);
    // A reason when the header's size must be refused before decoding, else empty; with the file's size,
    // also when the header claims far more pixels than a file that small can hold.
    static QString sizeProblem(const ImageProbe& probe, size_t fileBytes = 0);
};

} // namespace shoebox
