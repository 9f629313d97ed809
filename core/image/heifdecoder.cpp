#include "image/heifdecoder.h"

#include "image/heifstructure.h"

#include "tunables.h"

#include <QLoggingCategory>

#include <libheif/heif.h>

#include <opencv2/imgproc.hpp>

#include <memory>
#include <vector>

Q_LOGGING_CATEGORY(lcHeif, "shoebox.core.heif", QtInfoMsg)

namespace shoebox {

namespace {

struct ContextDeleter {
    void operator()(heif_context* c) const { heif_context_free(c); }
};
struct HandleDeleter {
    void operator()(heif_image_handle* h) const { heif_image_handle_release(h); }
};
struct ImageDeleter {
    void operator()(heif_image* i) const { heif_image_release(i); }
};
struct OptionsDeleter {
    void operator()(heif_decoding_options* o) const { heif_decoding_options_free(o); }
};
using ContextPtr = std::unique_ptr<heif_context, ContextDeleter>;
using HandlePtr = std::unique_ptr<heif_image_handle, HandleDeleter>;
using ImagePtr = std::unique_ptr<heif_image, ImageDeleter>;

QString message(const heif_error& e)
{
    return QString::fromUtf8(e.message ? e.message : "unknown error").simplified();
}

// An opened file: its context (which must outlive every handle) and the primary image.
struct Opened {
    ContextPtr context;
    HandlePtr primary;
    QString error;
};

Opened open(const unsigned char* data, size_t size)
{
    Opened o;
    o.context.reset(heif_context_alloc());
    // libheif's own limit, in case a box we do not look at claims more than the ispe check below.
    heif_context_set_maximum_image_size_limit(o.context.get(), tunables::kMaxImageSide);
    heif_error err = heif_context_read_from_memory_without_copy(o.context.get(), data, size, nullptr);
    if (err.code != heif_error_Ok) {
        o.error = err.subcode == heif_suberror_Security_limit_exceeded
            ? QStringLiteral("HEIF header refused before decoding: ") + message(err)
            : QStringLiteral("corrupt HEIF: ") + message(err);
        return o;
    }
    heif_image_handle* primary = nullptr;
    err = heif_context_get_primary_image_handle(o.context.get(), &primary);
    if (err.code != heif_error_Ok || !primary) {
        o.error = QStringLiteral("corrupt HEIF: no primary image (") + message(err) + QLatin1Char(')');
        return o;
    }
    o.primary.reset(primary);
    return o;
}

// The embedded thumbnail with the largest long side, when that reaches minLongSide.
HandlePtr adequateThumbnail(const heif_image_handle* primary, int minLongSide)
{
    const int count = heif_image_handle_get_number_of_thumbnails(primary);
    if (count <= 0)
        return {};
    std::vector<heif_item_id> ids(size_t(count), 0);
    heif_image_handle_get_list_of_thumbnail_IDs(primary, ids.data(), count);
    HandlePtr best;
    int bestSide = 0;
    for (heif_item_id id : ids) {
        heif_image_handle* t = nullptr;
        if (heif_image_handle_get_thumbnail(primary, id, &t).code != heif_error_Ok || !t)
            continue;
        HandlePtr thumb(t);
        const int side = std::max(heif_image_handle_get_width(t), heif_image_handle_get_height(t));
        if (side >= minLongSide && side > bestSide) {
            bestSide = side;
            best = std::move(thumb);
        }
    }
    return best;
}

// Decodes one image with its transformations applied, as 8-bit BGR.
cv::Mat decodeHandle(const heif_image_handle* handle, QString& error)
{
    std::unique_ptr<heif_decoding_options, OptionsDeleter> options(heif_decoding_options_alloc());
    options->ignore_transformations = 0; // irot/imir make it upright; EXIF orientation must not be applied
    options->convert_hdr_to_8bit = 1;
    heif_image* raw = nullptr;
    const heif_error err
        = heif_decode_image(handle, &raw, heif_colorspace_RGB, heif_chroma_interleaved_RGB, options.get());
    ImagePtr image(raw);
    if (err.code != heif_error_Ok || !raw) {
        error = QStringLiteral("cannot decode HEIF: ") + message(err);
        return {};
    }
    int stride = 0;
    const uint8_t* pixels = heif_image_get_plane_readonly(raw, heif_channel_interleaved, &stride);
    const int w = heif_image_get_width(raw, heif_channel_interleaved);
    const int h = heif_image_get_height(raw, heif_channel_interleaved);
    if (!pixels || w <= 0 || h <= 0) {
        error = QStringLiteral("cannot decode HEIF: no pixels");
        return {};
    }
    const cv::Mat rgb(h, w, CV_8UC3, const_cast<uint8_t*>(pixels), size_t(stride));
    cv::Mat bgr;
    cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
    return bgr;
}

} // namespace

DecodedImage HeifDecoder::decode(const unsigned char* data, size_t size, int minLongSide, int threads)
{
    DecodedImage result;
    // libheif 1.15 decodes a grid that names itself as its tile by recursing over tile threads for
    // minutes (fuzz_decode_heif timeout 948c3662): its item graph is checked first.
    if (QString problem = HeifStructure::problem(data, size); !problem.isEmpty()) {
        result.error = problem;
        return result;
    }
    Opened file = open(data, size);
    if (!file.error.isEmpty()) {
        result.error = file.error;
        return result;
    }
    // The ispe sizes are read from the header: refuse before libheif allocates a single plane, and
    // a grid of many tiles claiming far more pixels than the file holds (fuzz_decode_heif) unread.
    ImageProbe stored;
    stored.width = heif_image_handle_get_ispe_width(file.primary.get());
    stored.height = heif_image_handle_get_ispe_height(file.primary.get());
    if (QString problem = ImageDecoder::sizeProblem(stored, size); !problem.isEmpty()) {
        result.error = problem;
        return result;
    }
    result.fullWidth = heif_image_handle_get_width(file.primary.get()); // after irot
    result.fullHeight = heif_image_handle_get_height(file.primary.get());
    if (HandlePtr thumb = adequateThumbnail(file.primary.get(), minLongSide)) {
        result.upright = decodeHandle(thumb.get(), result.error);
        if (!result.upright.empty()) {
            result.fromPreview = true;
            result.error.clear();
            return result;
        }
        qCDebug(lcHeif) << "thumbnail failed, decoding the full image:" << result.error;
    }
    heif_context_set_max_decoding_threads(file.context.get(), threads);
    result.error.clear();
    result.upright = decodeHandle(file.primary.get(), result.error);
    if (!result.upright.empty()) {
        result.fullWidth = result.upright.cols;
        result.fullHeight = result.upright.rows;
    }
    return result;
}

QByteArray HeifDecoder::exifBlock(const unsigned char* data, size_t size)
{
    Opened file = open(data, size);
    if (!file.error.isEmpty())
        return {};
    heif_item_id id = 0;
    if (heif_image_handle_get_list_of_metadata_block_IDs(file.primary.get(), "Exif", &id, 1) < 1)
        return {};
    const size_t length = heif_image_handle_get_metadata_size(file.primary.get(), id);
    if (length < 4 || length > (size_t(64) << 20))
        return {};
    QByteArray block(qsizetype(length), Qt::Uninitialized);
    if (heif_image_handle_get_metadata(file.primary.get(), id, block.data()).code != heif_error_Ok)
        return {};
    // The block starts with a 4-byte big-endian offset to the TIFF header (usually 0, or 6 when the
    // writer kept "Exif\0\0"); libexif wants the TIFF data behind "Exif\0\0".
    const auto* b = reinterpret_cast<const unsigned char*>(block.constData());
    const quint32 offset = quint32(b[0]) << 24 | quint32(b[1]) << 16 | quint32(b[2]) << 8 | b[3];
    if (offset > length - 4)
        return {};
    return QByteArray("Exif\0\0", 6) + block.mid(qsizetype(4 + offset));
}

} // namespace shoebox
