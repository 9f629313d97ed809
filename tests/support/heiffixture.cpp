#include "support/heiffixture.h"

#include "support/exiffixture.h"

#include <libheif/heif.h>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <cstring>
#include <memory>

namespace shoebox::test {

namespace {

struct Heif {
    heif_context* ctx = heif_context_alloc();
    heif_encoder* encoder = nullptr;
    heif_image* image = nullptr;
    heif_encoding_options* options = heif_encoding_options_alloc();
    ~Heif()
    {
        heif_encoding_options_free(options);
        if (image)
            heif_image_release(image);
        if (encoder)
            heif_encoder_release(encoder);
        heif_context_free(ctx);
    }
};

bool failed(const heif_error& e, QString* error)
{
    if (e.code == heif_error_Ok)
        return false;
    if (error)
        *error = QString::fromUtf8(e.message);
    return true;
}

heif_error appendTo(heif_context*, const void* data, size_t size, void* userdata)
{
    static_cast<QByteArray*>(userdata)->append(static_cast<const char*>(data), qsizetype(size));
    return heif_error { heif_error_Ok, heif_suberror_Unspecified, "" };
}

} // namespace

QByteArray encodeHeif(const cv::Mat& storedBgr, const HeifFields& f, QString* error)
{
    Heif h;
    const heif_compression_format codec = f.avif ? heif_compression_AV1 : heif_compression_HEVC;
    if (failed(heif_context_get_encoder_for_format(h.ctx, codec, &h.encoder), error))
        return {};
    heif_encoder_set_lossy_quality(h.encoder, f.quality);
    // Fixtures need no compression effort; unknown parameters are ignored.
    heif_encoder_set_parameter_string(h.encoder, "preset", "ultrafast");
    heif_encoder_set_parameter_integer(h.encoder, "speed", 8);
    const int w = storedBgr.cols, ht = storedBgr.rows;
    if (failed(heif_image_create(w, ht, heif_colorspace_RGB, heif_chroma_interleaved_RGB, &h.image), error)
        || failed(heif_image_add_plane(h.image, heif_channel_interleaved, w, ht, 8), error))
        return {};
    int stride = 0;
    uint8_t* plane = heif_image_get_plane(h.image, heif_channel_interleaved, &stride);
    cv::Mat rgb(ht, w, CV_8UC3, plane, size_t(stride));
    cv::cvtColor(storedBgr, rgb, cv::COLOR_BGR2RGB);
    h.options->image_orientation = heif_orientation(f.orientation);
    heif_image_handle* handle = nullptr;
    if (failed(heif_context_encode_image(h.ctx, h.image, h.encoder, h.options, &handle), error))
        return {};
    std::unique_ptr<heif_image_handle, void (*)(const heif_image_handle*)> owned(handle, heif_image_handle_release);
    if (f.thumbnailBox > 0) {
        heif_image_handle* thumb = nullptr;
        if (failed(heif_context_encode_thumbnail(h.ctx, h.image, handle, h.encoder, h.options, f.thumbnailBox, &thumb),
                error))
            return {};
        if (thumb)
            heif_image_handle_release(thumb);
    }
    if (!f.exif.isEmpty()
        && failed(heif_context_add_exif_metadata(h.ctx, handle, f.exif.constData(), int(f.exif.size())), error))
        return {};
    QByteArray out;
    heif_writer writer { 1, &appendTo };
    if (failed(heif_context_write(h.ctx, &writer, &out), error))
        return {};
    return out;
}

cv::Mat bandedImage(int width, int height)
{
    cv::Mat m(height, width, CV_8UC3, cv::Scalar(128, 128, 128));
    m(cv::Rect(0, 0, width, std::max(8, height / 8))).setTo(cv::Scalar(0, 0, 255));
    m(cv::Rect(0, height - height / 4, width / 4, height / 4)).setTo(cv::Scalar(255, 0, 0));
    return m;
}

QString bandSide(const cv::Mat& bgr)
{
    if (bgr.empty())
        return QStringLiteral("none");
    auto redness = [&](const cv::Rect& r) {
        const cv::Scalar mean = cv::mean(bgr(r));
        return mean[2] - (mean[0] + mean[1]) / 2;
    };
    const int w = bgr.cols, h = bgr.rows, s = std::max(2, std::min(w, h) / 20);
    const std::pair<const char*, double> sides[] = {
        { "top", redness(cv::Rect(w / 4, 0, w / 2, s)) },
        { "bottom", redness(cv::Rect(w / 4, h - s, w / 2, s)) },
        { "left", redness(cv::Rect(0, h / 4, s, h / 2)) },
        { "right", redness(cv::Rect(w - s, h / 4, s, h / 2)) },
    };
    for (const auto& [name, value] : sides)
        if (value > 100)
            return QLatin1String(name);
    return QStringLiteral("none");
}

QByteArray iphoneStyleHeic(QString* error)
{
    // The sensor's frame is landscape; shown turned 90 degrees clockwise it is the upright portrait.
    cv::Mat stored;
    cv::rotate(bandedImage(480, 640), stored, cv::ROTATE_90_COUNTERCLOCKWISE);
    ExifFields exif;
    exif.dateTimeOriginal = "2023:08:15 18:30:05";
    exif.offsetOriginal = "+02:00";
    exif.make = "Apple";
    exif.model = "iPhone 14";
    exif.orientation = 6;
    exif.latitude = 48.8584;
    exif.longitude = 2.2945;
    HeifFields f;
    f.orientation = 6;
    f.exif = exifBlock(exif);
    f.thumbnailBox = 320;
    return encodeHeif(stored, f, error);
}

QByteArray withClaimedSize(QByteArray heif, quint32 width, quint32 height)
{
    auto put = [&](qsizetype at, quint32 v) {
        for (int i = 0; i < 4; ++i)
            heif[at + i] = char(v >> (24 - 8 * i));
    };
    // ispe: 4-byte size, "ispe", 4 bytes version and flags, then width and height.
    for (qsizetype at = heif.indexOf("ispe"); at >= 4 && at + 16 <= heif.size(); at = heif.indexOf("ispe", at + 4)) {
        put(at + 8, width);
        put(at + 12, height);
    }
    return heif;
}

} // namespace shoebox::test
