#include "media/videostill.h"

#include "media/videoframes.h"
#include "media/videoinput.h"
#include "media/videoprobe.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcMedia, "shoebox.core.media", QtInfoMsg)

namespace shoebox {

void VideoStill::fillMetadata(const VideoInfo& info, PhotoMetadata& meta)
{
    meta.takenAt = info.takenAt;
    meta.utcOffsetMinutes = info.utcOffsetMinutes;
    meta.offsetSource = info.offsetSource;
    meta.takenSource = info.takenSource;
    meta.gps = info.gps;
    meta.cameraMake = info.make;
    meta.cameraModel = info.model;
    meta.orientation = 1; // frames are turned upright by the display matrix, never by EXIF
    meta.width = info.uprightWidth();
    meta.height = info.uprightHeight();
    meta.durationMs = info.durationMs;
    meta.codec = info.codec;
    meta.contentId = info.contentIdentifier; // pairs a Live Photo's MOV with its still
}

namespace {

DecodedImage frameOf(VideoInput& input, int minLongSide, PhotoMetadata& meta)
{
    DecodedImage out;
    const VideoInfo info = VideoProbe::probe(input);
    VideoStill::fillMetadata(info, meta);
    out.fullWidth = meta.width;
    out.fullHeight = meta.height;
    QString why;
    out.upright = VideoFrames::representative(input, info, std::max(minLongSide, 1), &why);
    if (out.upright.empty()) {
        out.error = QStringLiteral("%1 video: %2").arg(info.codec, why);
        qCDebug(lcMedia) << "no frame:" << out.error;
    }
    return out;
}

} // namespace

DecodedImage VideoStill::read(const unsigned char* data, size_t size, int minLongSide, PhotoMetadata& meta)
{
    VideoInput input;
    if (!input.openMemory(data, size)) {
        DecodedImage out;
        out.error = input.error();
        return out;
    }
    return frameOf(input, minLongSide, meta);
}

DecodedImage VideoStill::readFile(const QByteArray& path, int minLongSide, PhotoMetadata* meta)
{
    VideoInput input;
    if (!input.openFile(path)) {
        DecodedImage out;
        out.error = input.error();
        return out;
    }
    PhotoMetadata ignored;
    return frameOf(input, minLongSide, meta ? *meta : ignored);
}

} // namespace shoebox
