#pragma once
// Reads capture time, camera, lens, exposure, GPS and orientation with libexif from a file's bytes
// (JPEG APP1, PNG eXIf, WebP EXIF, TIFF, the HEIF Exif item). Malformed EXIF yields what could be
// read, never a crash. HEIF images are upright by their own transformations, so their EXIF
// orientation is reported as 1 (applying it again would rotate them twice).
// Pure function, any thread.

#include "catalog/photo.h"
#include "image/imageprobe.h"

#include <cstddef>

namespace shoebox {

class ExifReader {
public:
    // Fills the EXIF fields of meta (takenAt, camera, lens, exposure, gps, orientation).
    // Returns false when the data holds no EXIF block; meta is then untouched.
    static bool read(const unsigned char* data, size_t size, ImageFormat format, PhotoMetadata& meta);
    // The same from an APP1-style block: "Exif\0\0" followed by TIFF data.
    static bool readBlock(const unsigned char* block, size_t size, PhotoMetadata& meta);
    // "2019:07:14 12:34:56" + "120" sub-seconds -> local QDateTime; invalid on malformed input.
    static QDateTime parseDateTime(const QByteArray& value, const QByteArray& subSec);
    // "+02:00" / "-05:30" -> minutes east of UTC.
    static std::optional<int> parseOffset(const QByteArray& value);
    // GPSDateStamp ("2024:07:01") and GPSTimeStamp's hours, minutes, seconds as UTC; invalid when
    // either is missing or out of range.
    static QDateTime parseGpsTime(
        const QByteArray& date, std::optional<double> h, std::optional<double> m, std::optional<double> s);
};

} // namespace shoebox
