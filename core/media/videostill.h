#pragma once
// What a scan keeps of a video file held in memory: its metadata in the catalog's terms and one
// upright representative frame, decoded as small as the caller allows. Pure function, any thread.

#include "catalog/photo.h"
#include "image/imagedecoder.h"

#include <cstddef>

namespace shoebox {

struct VideoInfo;

class VideoStill {
public:
    // Fills meta (time, GPS, upright size, duration, codec) and returns the frame; on bad input the
    // result's error is a one-line reason and meta keeps what could be read.
    static DecodedImage read(const unsigned char* data, size_t size, int minLongSide, PhotoMetadata& meta);
    // The representative frame of a video file (thumbnail regeneration, viewers, duplicate checks, and
    // the scan of a video too large to hold in memory); fills *meta as read() does when given.
    static DecodedImage readFile(const QByteArray& path, int minLongSide, PhotoMetadata* meta = nullptr);
    static void fillMetadata(const VideoInfo& info, PhotoMetadata& meta);
};

} // namespace shoebox
