#include "support/dngfixture.h"

#include <QFile>
#include <QTemporaryDir>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <tiffio.h>

#include <cmath>
#include <vector>

namespace shoebox::test {

namespace {

bool writePreview(TIFF* tif, const cv::Mat& stored, const DngFields& f)
{
    const double scale = double(f.previewLongSide) / std::max(stored.cols, stored.rows);
    cv::Mat small;
    cv::resize(stored, small, cv::Size(), scale, scale, cv::INTER_AREA);
    std::vector<unsigned char> jpeg;
    cv::imencode(".jpg", small, jpeg, { cv::IMWRITE_JPEG_QUALITY, 90 });
    TIFFSetField(tif, TIFFTAG_SUBFILETYPE, FILETYPE_REDUCEDIMAGE);
    TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, uint32_t(small.cols));
    TIFFSetField(tif, TIFFTAG_IMAGELENGTH, uint32_t(small.rows));
    TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, 8);
    TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, 3);
    TIFFSetField(tif, TIFFTAG_COMPRESSION, COMPRESSION_JPEG);
    TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_YCBCR);
    TIFFSetField(tif, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, uint32_t(small.rows));
    // The strip is a complete JPEG stream (SOI to EOI), as cameras store their previews.
    return TIFFWriteRawStrip(tif, 0, jpeg.data(), tmsize_t(jpeg.size())) == tmsize_t(jpeg.size());
}

bool writeMosaic(TIFF* tif, const cv::Mat& stored)
{
    const int w = stored.cols & ~1, h = stored.rows & ~1;
    TIFFSetField(tif, TIFFTAG_SUBFILETYPE, 0);
    TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, uint32_t(w));
    TIFFSetField(tif, TIFFTAG_IMAGELENGTH, uint32_t(h));
    TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, 16);
    TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, 1);
    TIFFSetField(tif, TIFFTAG_COMPRESSION, COMPRESSION_NONE);
    TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, 32803); // CFA
    TIFFSetField(tif, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, uint32_t(h));
    const uint16_t dims[2] = { 2, 2 };
    TIFFSetField(tif, TIFFTAG_CFAREPEATPATTERNDIM, dims);
    const uint8_t rggb[4] = { 0, 1, 1, 2 };
    TIFFSetField(tif, TIFFTAG_CFAPATTERN, 4, rggb);
    const uint32_t white = 65535;
    TIFFSetField(tif, TIFFTAG_WHITELEVEL, 1, &white);
    std::vector<uint16_t> row(static_cast<size_t>(w));
    for (int y = 0; y < h; ++y) {
        const cv::Vec3b* p = stored.ptr<cv::Vec3b>(y);
        for (int x = 0; x < w; ++x) {
            // RGGB: red on even rows and columns, blue on odd ones, green between (BGR order in p).
            const int channel = (y % 2 == 0) ? (x % 2 == 0 ? 2 : 1) : (x % 2 == 0 ? 1 : 0);
            const double linear = std::pow(p[x][channel] / 255.0, 2.2); // sensors are linear
            row[size_t(x)] = uint16_t(linear * 65535.0 + 0.5);
        }
        if (TIFFWriteScanline(tif, row.data(), uint32_t(y), 0) < 0)
            return false;
    }
    return true;
}

} // namespace

bool writeDng(const QString& path, const cv::Mat& storedBgr, const DngFields& f, QString* error)
{
    TIFF* tif = TIFFOpen(QFile::encodeName(path).constData(), "w");
    if (!tif) {
        if (error)
            *error = QStringLiteral("cannot create ") + path;
        return false;
    }
    const uint8_t version[4] = { 1, 4, 0, 0 };
    TIFFSetField(tif, TIFFTAG_DNGVERSION, version);
    TIFFSetField(tif, TIFFTAG_DNGBACKWARDVERSION, version);
    TIFFSetField(tif, TIFFTAG_MAKE, f.make.constData());
    TIFFSetField(tif, TIFFTAG_MODEL, f.model.constData());
    TIFFSetField(tif, TIFFTAG_UNIQUECAMERAMODEL, QByteArray(f.make + ' ' + f.model).constData());
    TIFFSetField(tif, TIFFTAG_ORIENTATION, uint16_t(f.orientation));
    if (!f.dateTime.isEmpty())
        TIFFSetField(tif, TIFFTAG_DATETIME, f.dateTime.constData());
    // XYZ (D65) to linear sRGB: the mosaic holds sRGB primaries, so colours come back as drawn.
    const float xyzToCamera[9]
        = { 3.2406f, -1.5372f, -0.4986f, -0.9689f, 1.8758f, 0.0415f, 0.0557f, -0.2040f, 1.0570f };
    TIFFSetField(tif, TIFFTAG_COLORMATRIX1, 9, xyzToCamera);
    TIFFSetField(tif, TIFFTAG_CALIBRATIONILLUMINANT1, uint16_t(21));
    const float neutral[3] = { 1.f, 1.f, 1.f };
    TIFFSetField(tif, TIFFTAG_ASSHOTNEUTRAL, 3, neutral);
    bool ok = true;
    if (f.previewLongSide > 0) {
        // IFD0 is the preview; the next directory written becomes its SubIFD with the sensor data.
        toff_t sub[1] = { 0 };
        TIFFSetField(tif, TIFFTAG_SUBIFD, 1, sub);
        ok = writePreview(tif, storedBgr, f) && TIFFWriteDirectory(tif);
    }
    ok = ok && writeMosaic(tif, storedBgr) && TIFFWriteDirectory(tif);
    TIFFClose(tif);
    if (!ok && error)
        *error = QStringLiteral("libtiff could not write ") + path;
    return ok;
}

QByteArray dngBytes(const cv::Mat& storedBgr, const DngFields& fields, QString* error)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fixture.dng"));
    if (!writeDng(path, storedBgr, fields, error))
        return {};
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A little-endian TIFF holding only IFD0 Make and Model.
QByteArray tiffNamingCamera(const QByteArray& make, const QByteArray& model)
{
    QByteArray t("II*\0\x08\0\0\0", 8);
    const quint32 dataAt = 8 + 2 + 2 * 12 + 4;
    auto le = [](quint32 v, int n) {
        QByteArray b;
        for (int i = 0; i < n; ++i)
            b.append(char(v >> (8 * i)));
        return b;
    };
    t += le(2, 2);
    t += le(271, 2) + le(2, 2) + le(quint32(make.size() + 1), 4) + le(dataAt, 4);
    t += le(272, 2) + le(2, 2) + le(quint32(model.size() + 1), 4) + le(dataAt + quint32(make.size() + 1), 4);
    t += le(0, 4);
    t += make + '\0' + model + '\0';
    return t;
}

namespace {

QByteArray isoBox(const char* type, const QByteArray& body)
{
    const quint32 size = quint32(8 + body.size());
    QByteArray b;
    for (int i = 3; i >= 0; --i)
        b.append(char(size >> (8 * i)));
    return b + QByteArray(type, 4) + body;
}

} // namespace

// A CR3 that names its camera in CMT1 but has no sensor data LibRaw can read.
QByteArray cr3NamingCamera(const QByteArray& model)
{
    const QByteArray ftyp = isoBox("ftyp", QByteArray("crx \0\0\0\1crx isom", 16));
    const QByteArray uuid = isoBox("uuid", QByteArray(16, '\x85') + isoBox("CMT1", tiffNamingCamera("Canon", model)));
    return ftyp + isoBox("moov", uuid) + isoBox("mdat", QByteArray(1024, '\0'));
}

} // namespace shoebox::test
