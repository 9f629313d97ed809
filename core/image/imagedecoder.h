#pragma once
// Decodes an image once, as small as the caller allows (DCT scaling for JPEG), turned upright by its
// EXIF orientation. Pure function, any thread.

#include "image/imageprobe.h"

#include <QString>

#include <opencv2/core/mat.hpp>

namespace shoebox {

struct DecodedImage {
    cv::Mat upright; // 8-bit BGR, possibly reduced
    int fullWidth = 0; // upright size of the original
    int fullHeight = 0;
    QString error; // non-empty when decoding failed
};

class ImageDecoder {
public:
    // minLongSide: the decode keeps at least this many pixels on the long side where it can.
    static DecodedImage decode(
        const unsigned char* data, size_t size, const ImageProbe& probe, int orientation, int minLongSide);
    // Reads a file read-only and decodes it upright: the format from its bytes, the orientation from its
    // EXIF (or the one given, >= 1), refused when too large. For viewers and thumbnail regeneration.
    static DecodedImage decodeFile(const QByteArray& path, int minLongSide, int orientation = 0);
    // Applies an EXIF orientation (1..8) so the image shows as the camera intended.
    static cv::Mat applyOrientation(const cv::Mat& stored, int orientation);
    // JPEG DCT scale factor (1, 2, 4 or 8) that keeps minLongSide pixels.
    static int reductionFor(int width, int height, int minLongSide);
    // A reason when the header's size must be refused before decoding, else empty.
    static QString sizeProblem(const ImageProbe& probe);
};

} // namespace shoebox
