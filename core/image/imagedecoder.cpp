#include "image/imagedecoder.h"

#include "image/exifreader.h"
#include "image/heifdecoder.h"
#include "image/rawdecoder.h"
#include "media/videostill.h"
#include "tunables.h"

#include <QFile>

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QThread>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstring>

namespace shoebox {

namespace {

// A DICOM file: 128 bytes of preamble, then "DICM".
bool carriesDicomPreamble(const unsigned char* data, size_t size)
{
    return size >= 132 && std::memcmp(data + 128, "DICM", 4) == 0;
}

bool overPixelLimit(const QSize& s)
{
    return int64_t(s.width()) * s.height() > tunables::kMaxImagePixels;
}

// Qt reads the header itself: its size is held to the same limit as the probe's before anything is
// allocated, and the picture's before it is converted (three bytes a pixel).
cv::Mat decodeWithQt(const unsigned char* data, size_t size)
{
    QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    if (overPixelLimit(reader.size()))
        return {};
    QImage img = reader.read();
    if (img.isNull() || overPixelLimit(img.size()))
        return {};
    img = img.convertToFormat(QImage::Format_BGR888);
    cv::Mat view(img.height(), img.width(), CV_8UC3, img.bits(), size_t(img.bytesPerLine()));
    return view.clone();
}

// A JPEG whose frame header the probe did not reach is sized by libjpeg's own reading of its header
// (through Qt), so that the limits hold for what the decoder will allocate; 0x0 when it has none.
ImageProbe withJpegHeaderSize(ImageProbe probe, const unsigned char* data, size_t size)
{
    if (probe.format != ImageFormat::Jpeg || probe.width > 0)
        return probe;
    QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    const QSize header = QImageReader(&buffer, "jpeg").size();
    probe.width = std::max(header.width(), 0);
    probe.height = std::max(header.height(), 0);
    return probe;
}

} // namespace

int ImageDecoder::reductionFor(int width, int height, int minLongSide)
{
    const int longSide = std::max(width, height);
    for (int f : { 8, 4, 2 })
        if (longSide / f >= minLongSide)
            return f;
    return 1;
}

QString ImageDecoder::sizeProblem(const ImageProbe& probe, size_t fileBytes)
{
    const int64_t pixels = int64_t(probe.width) * probe.height;
    if (probe.width > tunables::kMaxImageSide || probe.height > tunables::kMaxImageSide
        || pixels > tunables::kMaxImagePixels) {
        return QStringLiteral("image header says %1x%2 pixels, over the %3-megapixel limit; not decoded")
            .arg(probe.width)
            .arg(probe.height)
            .arg(tunables::kMaxImagePixels / 1'000'000);
    }
    if (fileBytes > 0 && pixels > tunables::kBombCheckPixels
        && pixels / tunables::kMaxPixelsPerByte > int64_t(fileBytes)) {
        return QStringLiteral("image header says %1x%2 pixels in a %3-byte file, far more than such a file can "
                              "hold (a decompression bomb?); not decoded")
            .arg(probe.width)
            .arg(probe.height)
            .arg(qulonglong(fileBytes));
    }
    return {};
}

cv::Mat ImageDecoder::applyOrientation(const cv::Mat& stored, int orientation)
{
    cv::Mat out;
    switch (orientation) {
    case 2:
        cv::flip(stored, out, 1);
        break;
    case 3:
        cv::flip(stored, out, -1);
        break;
    case 4:
        cv::flip(stored, out, 0);
        break;
    case 5:
        cv::transpose(stored, out);
        break;
    case 6:
        cv::transpose(stored, out);
        cv::flip(out, out, 1);
        break;
    case 7:
        cv::transpose(stored, out);
        cv::flip(out, out, -1);
        break;
    case 8:
        cv::transpose(stored, out);
        cv::flip(out, out, 0);
        break;
    default:
        out = stored;
        break;
    }
    return out;
}

DecodedImage ImageDecoder::decode(
    const unsigned char* data, size_t size, const ImageProbe& probed, int orientation, int minLongSide)
{
    // These formats turn themselves upright: the EXIF orientation must not be applied again.
    if (probed.format == ImageFormat::Heif)
        return HeifDecoder::decode(data, size, minLongSide, 0);
    if (probed.format == ImageFormat::Raw)
        return RawDecoder::decodePreview(data, size, minLongSide, nullptr);
    DecodedImage result;
    const ImageProbe probe = withJpegHeaderSize(probed, data, size);
    if (probe.format == ImageFormat::Jpeg && probe.width <= 0) {
        result.error = QStringLiteral("corrupt JPEG data: no frame header; not decoded");
        return result;
    }
    if (const QString problem = sizeProblem(probe, size); !problem.isEmpty()) {
        result.error = problem;
        return result;
    }
    int flags = cv::IMREAD_COLOR | cv::IMREAD_IGNORE_ORIENTATION;
    if (probe.format == ImageFormat::Jpeg && probe.width > 0) {
        switch (reductionFor(probe.width, probe.height, minLongSide)) {
        case 8:
            flags = cv::IMREAD_REDUCED_COLOR_8 | cv::IMREAD_IGNORE_ORIENTATION;
            break;
        case 4:
            flags = cv::IMREAD_REDUCED_COLOR_4 | cv::IMREAD_IGNORE_ORIENTATION;
            break;
        case 2:
            flags = cv::IMREAD_REDUCED_COLOR_2 | cv::IMREAD_IGNORE_ORIENTATION;
            break;
        default:
            break;
        }
    }
    if (carriesDicomPreamble(data, size)) {
        // cv::imdecode picks its reader by content: bytes that fail the probed format's own check but
        // say "DICM" at byte 128 go to GDCM, which aborts the process on malformed data (fuzz_decode_webp).
        result.error
            = QStringLiteral("%1 file carries a DICOM preamble (medical imaging data, not a photo); not decoded")
                  .arg(formatName(probe.format));
        return result;
    }
    cv::Mat stored;
    try {
        if (probe.format != ImageFormat::Gif) {
            const cv::Mat buf(1, int(size), CV_8UC1, const_cast<unsigned char*>(data));
            stored = cv::imdecode(buf, flags);
        }
    } catch (const cv::Exception& e) {
        result.error = QStringLiteral("cannot decode %1: %2")
                           .arg(formatName(probe.format), QString::fromStdString(e.msg).simplified());
    }
    if (stored.empty())
        stored = decodeWithQt(data, size); // GIF, and formats variants OpenCV lacks
    if (stored.empty()) {
        if (result.error.isEmpty())
            result.error = QStringLiteral("corrupt %1 data: cannot decode").arg(formatName(probe.format));
        return result;
    }
    result.error.clear();
    result.upright = applyOrientation(stored, orientation);
    const bool swap = orientation >= 5 && orientation <= 8;
    const int w = probe.width > 0 ? probe.width : stored.cols;
    const int h = probe.height > 0 ? probe.height : stored.rows;
    result.fullWidth = swap ? h : w;
    result.fullHeight = swap ? w : h;
    return result;
}

DecodedImage ImageDecoder::decodeWithMetadata(
    const unsigned char* data, size_t size, const ImageProbe& probe, int minLongSide, PhotoMetadata& meta)
{
    if (probe.format == ImageFormat::Raw)
        return RawDecoder::decodePreview(data, size, minLongSide, &meta);
    ExifReader::read(data, size, probe.format, meta);
    return decode(data, size, probe, meta.orientation, minLongSide);
}

DecodedImage ImageDecoder::decodeFile(const QByteArray& path, int minLongSide, int orientation, bool allowDraft)
{
    DecodedImage result;
    QFile file(QFile::decodeName(path));
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("cannot open: ") + file.errorString();
        return result;
    }
    // A video is opened by FFmpeg from its path: its representative frame, without reading it all.
    const QByteArray head = file.peek(64);
    if (isVideoFormat(probeImage(reinterpret_cast<const unsigned char*>(head.constData()), size_t(head.size())).format))
        return VideoStill::readFile(path, minLongSide);
    if (file.size() > tunables::kMaxFileBytes) {
        result.error = QStringLiteral("file is over the size limit; not read");
        return result;
    }
    const QByteArray bytes = file.readAll();
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.constData());
    const ImageProbe probe = probeImage(data, size_t(bytes.size()), path);
    if (!isDecodable(probe.format)) {
        result.error = QStringLiteral("not a decodable image");
        return result;
    }
    if (probe.format == ImageFormat::Heif) // a viewer waits on this one: decode the tiles in parallel
        return HeifDecoder::decode(data, size_t(bytes.size()), minLongSide, QThread::idealThreadCount());
    if (probe.format == ImageFormat::Raw) {
        if (minLongSide <= tunables::kRawPreviewLongSide)
            return RawDecoder::decodePreview(data, size_t(bytes.size()), minLongSide, nullptr);
        DecodedImage developed = RawDecoder::develop(data, size_t(bytes.size()), allowDraft);
        developed.draft = allowDraft && developed.error.isEmpty();
        return developed;
    }
    if (orientation < 1) {
        PhotoMetadata meta;
        ExifReader::read(data, size_t(bytes.size()), probe.format, meta);
        orientation = meta.orientation;
    }
    return decode(data, size_t(bytes.size()), probe, orientation, minLongSide);
}

} // namespace shoebox
