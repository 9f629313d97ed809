#pragma once
// Builds JPEG files with chosen EXIF fields through libexif, for tests that read them back.

#include <QByteArray>
#include <QString>

#include <opencv2/core/mat.hpp>

#include <array>
#include <optional>

namespace shoebox::test {

struct ExifFields {
    QByteArray dateTimeOriginal; // "2019:07:14 12:34:56"
    QByteArray subSecOriginal; // "120"
    QByteArray offsetOriginal; // "+02:00"
    QByteArray make, model, lens;
    std::optional<std::pair<unsigned, unsigned>> exposure; // numerator/denominator
    std::optional<std::pair<unsigned, unsigned>> fNumber;
    std::optional<unsigned> iso;
    int orientation = 0; // 0: no tag
    std::optional<double> latitude, longitude, altitude;
    QByteArray gpsDate; // GPSDateStamp "2023:08:01"
    std::optional<std::array<unsigned, 3>> gpsTime; // GPSTimeStamp hours, minutes, seconds (UTC)
    QByteArray makerNote; // raw bytes of the MakerNote tag (0x927c), e.g. appleMakerNote()
};

// An iPhone-style maker note ("Apple iOS", big-endian IFD) holding the Live Photo content
// identifier as tag 0x0011; offsets relative to the note's start, as Apple writes them.
QByteArray appleMakerNote(const QByteArray& contentId);

// The "Exif\0\0"-prefixed APP1 payload.
QByteArray exifBlock(const ExifFields& f);
// A JPEG of image with the EXIF block inserted right after SOI.
QByteArray jpegWithExif(const cv::Mat& image, const ExifFields& f, int quality = 90);
QByteArray insertApp1(const QByteArray& jpeg, const QByteArray& payload);
// A test pattern: grey with a red block in the stored top-left corner.
cv::Mat markedImage(int width, int height);
bool writeFile(const QString& path, const QByteArray& bytes);

} // namespace shoebox::test
