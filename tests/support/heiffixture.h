#pragma once
// Builds HEIC and AVIF files through libheif's encoder, for tests that decode, scan and list them:
// chosen orientation (written as irot/imir), EXIF block, embedded thumbnail. Test thread only.

#include <QByteArray>
#include <QString>

#include <opencv2/core/mat.hpp>

namespace shoebox::test {

struct HeifFields {
    bool avif = false; // AV1 (aom) instead of HEVC (x265)
    int orientation = 1; // EXIF-style 1..8, written as irot/imir: how the stored pixels are to be shown
    QByteArray exif; // "Exif\0\0" + TIFF, as exifBlock() makes it; empty: none
    int thumbnailBox = 0; // long side of the embedded thumbnail; 0: none
    int quality = 85;
};

// The encoded file, or empty with *error set (no encoder for the codec, ...).
QByteArray encodeHeif(const cv::Mat& storedBgr, const HeifFields& fields, QString* error = nullptr);
// An upright test picture: grey with a red band across the top eighth and a blue block bottom-left.
cv::Mat bandedImage(int width, int height);
// Where the red band is in an upright decode: "top", "bottom", "left", "right" or "none".
QString bandSide(const cv::Mat& bgr);
// An iPhone-style HEIC: a 640x480 stored frame shown rotated 90 degrees clockwise (irot), with EXIF
// orientation 6 saying the same again, a capture date, GPS, and a 320-pixel thumbnail. Upright it is
// bandedImage(480, 640).
QByteArray iphoneStyleHeic(QString* error = nullptr);
// Rewrites every ispe box to claim width x height (header only; no pixels change).
QByteArray withClaimedSize(QByteArray heif, quint32 width, quint32 height);

} // namespace shoebox::test
