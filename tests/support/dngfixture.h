#pragma once
// Writes small DNG files with libtiff: a 16-bit RGGB Bayer mosaic in a SubIFD and an embedded JPEG
// preview in IFD0, as cameras and converters do; for tests of the RAW scan and viewer paths. Test
// thread only.

#include <QByteArray>
#include <QString>

#include <opencv2/core/mat.hpp>

namespace shoebox::test {

struct DngFields {
    int orientation = 1; // TIFF Orientation of the stored frame
    int previewLongSide = 320; // 0: no preview
    QByteArray make = "Shoebox";
    QByteArray model = "Test Camera";
    QByteArray dateTime = "2021:05:06 07:08:09"; // IFD0 DateTime; empty: none
};

// Writes storedBgr (8-bit, the frame as the sensor saw it) as a DNG; false with *error on failure.
bool writeDng(const QString& path, const cv::Mat& storedBgr, const DngFields& fields, QString* error = nullptr);
// The same file's bytes (written to a temporary file and read back).
QByteArray dngBytes(const cv::Mat& storedBgr, const DngFields& fields, QString* error = nullptr);

// Headers of RAW files from bodies newer than this LibRaw: a TIFF with only IFD0 Make and Model (a
// NEF), and a CR3 naming its camera in CMT1 with no sensor data.
QByteArray tiffNamingCamera(const QByteArray& make, const QByteArray& model);
QByteArray cr3NamingCamera(const QByteArray& model);

} // namespace shoebox::test
